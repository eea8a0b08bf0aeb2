//! The access token never leaves the server except as the `Authorization` header of a run: not
//! in an answer, a message shown to the user, an error, a log line or a trace. The server here
//! gets a token in its settings and in its environment, runs a function against a dev server
//! that is not there (so every error path that names the request is taken), and everything it
//! writes, stdout and stderr, is searched for the token.

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

const TOKEN: &str = "tok-3f9a-very-secret-c0ffee";
const ENV_TOKEN: &str = "tok-env-8d2e-also-secret";

struct Session {
    server: Server,
    next_id: u64,
    /// Every message the server sent, as text.
    seen: Vec<String>,
}

impl Session {
    fn send(&mut self, method: &str, params: Value) {
        let message = json!({"jsonrpc": "2.0", "method": method, "params": params});
        assert_eq!(self.server.send(&message), Ok(()));
    }

    /// Sends a request and waits for its answer, keeping everything that comes meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        assert_eq!(self.server.send(&message), Ok(()));
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let message = match self.server.receive(deadline) {
                Some(Incoming::Message(message)) => message,
                other => panic!("no answer to {method}: {other:?}\n{}", self.server.stderr_tail(20)),
            };
            self.seen.push(message.to_string());
            if let (Some(request), Some(_)) = (message.get("id"), message.get("method")) {
                let answer = json!({"jsonrpc": "2.0", "id": request, "result": null});
                assert_eq!(self.server.send(&answer), Ok(()));
            } else if message["id"] == id {
                return message;
            }
        }
    }
}

#[test]
fn the_token_is_in_nothing_the_server_writes() {
    let workspace = TempWorkspace::empty("token-secrecy").expect("a temporary workspace");
    workspace.write("base44/functions/hello/entry.ts", "Deno.serve(() => new Response(\"hi\"));\n").expect("an entry");
    workspace.write("base44/.app.jsonc", "{ \"id\": \"app-1\" }\n").expect("the app id");
    let root = workspace.root();
    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    let server = Server::spawn_with_env(binary, root, &[("BASE44_ACCESS_TOKEN", ENV_TOKEN), ("RUST_BACKTRACE", "1")])
        .expect("the server starts");
    let mut session = Session { server, next_id: 0, seen: Vec::new() };

    // Port 9 (discard) on loopback: nothing listens there, so each run fails at once, through
    // the error paths that name the request.
    let settings = json!({"invoke": {"target": "devServer", "serverUrl": "http://127.0.0.1:9"}});
    let uri = format!("file://{}", root.display());
    session.request("initialize", json!({"rootUri": uri, "capabilities": {}, "initializationOptions": settings}));
    session.send("initialized", json!({}));
    let invoke = json!({"command": "base44.invoke", "arguments": [{"function": "hello", "data": {"a": 1}}]});
    // The first run takes the token from the environment, the second from the settings.
    let first = session.request("workspace/executeCommand", invoke.clone());
    let changed = json!({"invoke": {"target": "deployed", "serverUrl": "http://127.0.0.1:9", "token": TOKEN}});
    session.send("workspace/didChangeConfiguration", json!({"settings": {"base44": changed}}));
    let second = session.request("workspace/executeCommand", invoke);
    session.request("shutdown", Value::Null);
    session.send("exit", Value::Null);
    let status = session.server.wait_for_exit(Duration::from_secs(5));
    assert!(status.is_ok_and(|status| status.success()));

    for answer in [&first, &second] {
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("127.0.0.1:9"), "a failed run that names its server expected: {answer}");
    }
    let all = format!("{}\n{}", session.seen.join("\n"), session.server.stderr_tail(100_000));
    for secret in [TOKEN, ENV_TOKEN] {
        assert!(!all.contains(&secret[4..20]), "the token {secret} leaked:\n{all}");
    }
}
