//! `$/cancelRequest` stops long work: references to a function called from thousands of files
//! (each read to place its call) are cancelled right after they are asked for. The answer is
//! LSP's RequestCancelled, not the list: the work ran off the message loop, where a
//! cancellation can reach it. Asked again without cancelling, the list is complete.

#[allow(dead_code)]
#[path = "transcript/wire.rs"]
mod wire;
#[allow(dead_code)]
#[path = "transcript/workspace.rs"]
mod workspace;

use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};
use wire::{Incoming, Server};
use workspace::TempWorkspace;

const CALLERS: usize = 5_000;

struct Client {
    server: Server,
}

impl Client {
    fn send(&mut self, message: Value) {
        assert_eq!(self.server.send(&message), Ok(()));
    }

    /// Waits for the message `wanted` accepts, answering the server's requests on the way.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let message = match self.server.receive(deadline) {
                Some(Incoming::Message(message)) => message,
                other => panic!("waiting for {what}: {other:?}\n{}", self.server.stderr_tail(20)),
            };
            if let (Some(id), Some(_)) = (message.get("id"), message.get("method")) {
                let answer = json!({"jsonrpc": "2.0", "id": id, "result": null});
                self.send(answer);
            }
            if wanted(&message) {
                return message;
            }
        }
    }
}

#[test]
fn cancelled_references_stop_and_answer_request_cancelled() {
    let workspace = TempWorkspace::empty("cancel-references").expect("a temporary workspace");
    workspace.write("base44/functions/hello/entry.ts", "Deno.serve(() => new Response());\n").expect("an entry");
    for i in 0..CALLERS {
        let text = format!("export const f{i} = () => base44.functions.invoke(\"hello\", {{ i: {i} }});\n");
        workspace.write(&format!("src/f{i:04}.js"), &text).expect("a caller");
    }
    let root = workspace.root();
    let server = Server::spawn(Path::new(env!("CARGO_BIN_EXE_base44-lsp")), root).expect("the server starts");
    let mut client = Client { server };
    let uri = |path: &str| format!("file://{}/{path}", root.display());
    client.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"rootUri": uri(""), "capabilities": {}}}));
    client.wait_for("the answer to initialize", |m| m["id"] == 1);
    client.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    client.wait_for("the whole index", |m| m["method"] == "base44/status" && m["params"]["state"] == "ready");
    let text = workspace.read("src/f0000.js").expect("the caller");
    client.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri("src/f0000.js"), "languageId": "javascript", "version": 1, "text": text}}}));

    let references = |id: u64| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/references", "params": {
            "textDocument": {"uri": uri("src/f0000.js")}, "position": {"line": 0, "character": 52},
            "context": {"includeDeclaration": false}}})
    };
    client.send(references(2));
    client.send(json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 2}}));
    let cancelled = client.wait_for("the cancelled answer", |m| m["id"] == 2 && m.get("method").is_none());
    let expected = json!({"jsonrpc": "2.0", "id": 2, "error": {"code": -32800, "message": "Canceled"}});
    let shown: String = cancelled.to_string().chars().take(300).collect();
    assert!(cancelled == expected, "the work was not cancelled: {shown}");

    client.send(references(3));
    let answered = client.wait_for("the complete answer", |m| m["id"] == 3 && m.get("method").is_none());
    let found = answered["result"].as_array().map_or(0, Vec::len);
    assert_eq!(found, CALLERS, "{}", answered.to_string().chars().take(300).collect::<String>());
}
