//! A file that changes on disk while the index is being built must not be lost when the
//! indexing run puts its index in place. The run reads call sites from the files it listed
//! at its start, so a file created after that is only known from its watched-file event;
//! the event's update must come after the run, not before it (and be overwritten).
//!
//! The workspace holds a few large frontend files so that reading call sites takes seconds;
//! the new file is written and announced as soon as the function names are found (the
//! progress report at 10%). On a machine so fast that the run ends first, the test still
//! checks the outcome, it just no longer exercises the overlap (it says so on stderr).

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

const WAIT: Duration = Duration::from_secs(60);

/// About 3 MB of plain code with one call site (so the pre-filter keeps it), which takes
/// tree-sitter most of a second to parse.
fn large_frontend_file(seed: usize) -> String {
    let mut text = String::from("base44.functions.invoke(\"hello\");\n");
    for i in 0..60_000 {
        text.push_str(&format!("export function f{seed}_{i}(a, b) {{ return [a, b * {i}].join('-'); }}\n"));
    }
    text
}

struct Client {
    server: Server,
    next_id: u64,
}

impl Client {
    fn send(&mut self, message: Value) {
        if let Err(error) = self.server.send(&message) {
            panic!("cannot send to the server: {error}\n{}", self.server.stderr_tail(20));
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The next message that `wanted` accepts; server requests are answered on the way.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let message = match self.server.receive(deadline) {
                Some(Incoming::Message(message)) => message,
                other => panic!("waiting for {what}: {other:?}\n{}", self.server.stderr_tail(20)),
            };
            if let (Some(id), Some(_)) = (message.get("id"), message.get("method")) {
                let id = id.clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            if wanted(&message) {
                return message;
            }
        }
    }

    fn response(&mut self, id: u64) -> Value {
        let answer = self.wait_for("a response", |message| message["id"] == id && message.get("method").is_none());
        answer["result"].clone()
    }
}

fn progress_kind(message: &Value) -> Option<(&str, Option<u64>)> {
    if message["method"] != "$/progress" {
        return None;
    }
    let value = &message["params"]["value"];
    Some((value["kind"].as_str()?, value["percentage"].as_u64()))
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn a_file_created_while_indexing_is_in_the_index_afterwards() {
    let workspace = TempWorkspace::empty("index-turns").expect("a temporary workspace");
    let files = [
        ("base44/config.jsonc", "{ \"name\": \"turns\" }\n".to_string()),
        ("base44/functions/hello/entry.ts", "Deno.serve(() => Response.json({ hello: \"world\" }));\n".into()),
        ("src/caller.js", "base44.functions.invoke(\"hello\");\n".into()),
    ];
    for (path, text) in files {
        workspace.write(path, &text).expect("a workspace file");
    }
    for seed in 0..4 {
        workspace.write(&format!("src/large-{seed}.js"), &large_frontend_file(seed)).expect("a large file");
    }
    let root = workspace.root();
    let server = Server::spawn(Path::new(env!("CARGO_BIN_EXE_base44-lsp")), root).expect("the server starts");
    let mut client = Client { server, next_id: 0 };

    let capabilities = json!({
        "window": {"workDoneProgress": true},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
    });
    let folders = json!([{"uri": uri_of(root), "name": "workspace"}]);
    let id = client.request("initialize", json!({"capabilities": capabilities, "workspaceFolders": folders}));
    client.response(id);
    client.notify("initialized", json!({}));
    let caller = uri_of(&root.join("src/caller.js"));
    let text = workspace.read("src/caller.js").expect("the caller");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": caller, "languageId": "javascript", "version": 1, "text": text}}),
    );

    client.wait_for("the names found", |message| progress_kind(message) == Some(("report", Some(10))));
    workspace.write("src/late.js", "export const late = () => base44.functions.invoke(\"hello\");\n").expect("late.js");
    let late = uri_of(&root.join("src/late.js"));
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": late, "type": 1}]}));
    let announced = Instant::now();
    client.wait_for("the end of indexing", |message| matches!(progress_kind(message), Some(("end", _))));
    if announced.elapsed() < Duration::from_millis(100) {
        eprintln!("indexing ended {:?} after the change: the overlap was barely exercised", announced.elapsed());
    }

    // The change is applied once the run lets go of the index, which may be just after its
    // end was reported: ask until it shows, or the wait runs out.
    let position = json!({"line": 0, "character": 26});
    let deadline = Instant::now() + Duration::from_secs(10);
    let uris = loop {
        let params =
            json!({"textDocument": {"uri": caller}, "position": position, "context": {"includeDeclaration": false}});
        let id = client.request("textDocument/references", params);
        let result = client.response(id);
        let mut uris: Vec<String> = result
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|location| location["uri"].as_str())
            .map(|uri| uri.trim_start_matches(&uri_of(root)).to_string())
            .collect();
        uris.sort();
        if uris.len() > 5 || Instant::now() > deadline {
            break uris;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let expected: Vec<String> =
        ["/src/caller.js", "/src/large-0.js", "/src/large-1.js", "/src/large-2.js", "/src/large-3.js", "/src/late.js"]
            .map(String::from)
            .to_vec();
    assert_eq!(uris, expected);
}
