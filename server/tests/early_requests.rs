//! A client that asks for completion at once, before the index is built (an editor restoring
//! its tabs), gets every function name, not `null`: the request waits for the names. The
//! request here is sent before the server's registration is even answered, and indexing
//! starts only after that answer, so without the wait it would always find no index.

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

const FUNCTIONS: usize = 300;

#[test]
fn completion_asked_before_indexing_gets_every_name() {
    let workspace = TempWorkspace::empty("early-completion").expect("a temporary workspace");
    for i in 0..FUNCTIONS {
        let entry = format!("base44/functions/fn-{i:03}/entry.ts");
        workspace.write(&entry, "Deno.serve(() => new Response());\n").expect("an entry");
    }
    let page = "base44.functions.invoke(\"\");\n";
    workspace.write("src/page.js", page).expect("the page");
    let root = workspace.root();
    let uri = |path: &str| format!("file://{}/{path}", root.display());
    let mut server = Server::spawn(Path::new(env!("CARGO_BIN_EXE_base44-lsp")), root).expect("the server starts");

    // A client that takes list defaults gets every name at once (without them, lists are cut to
    // the best fits of what is typed: tests/long_lists.rs).
    let capabilities = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                              "textDocument": {"completion": {"completionList": {"itemDefaults": ["editRange"]}}}});
    let initialize = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                            "params": {"processId": null, "rootUri": uri(""), "capabilities": capabilities}});
    assert_eq!(server.send(&initialize), Ok(()));
    let deadline = Instant::now() + Duration::from_secs(20);
    match server.receive(deadline) {
        Some(Incoming::Message(message)) if message["id"] == 1 => {}
        other => panic!("no answer to initialize: {other:?}"),
    }
    // Then everything at once, before reading (and so answering) anything.
    let messages = [
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri("src/page.js"), "languageId": "javascript", "version": 1, "text": page}}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {
            "textDocument": {"uri": uri("src/page.js")}, "position": {"line": 0, "character": 25}}}),
    ];
    for message in &messages {
        assert_eq!(server.send(message), Ok(()));
    }

    let answer = loop {
        let message = match server.receive(deadline) {
            Some(Incoming::Message(message)) => message,
            other => panic!("no answer to the completion: {other:?}\n{}", server.stderr_tail(20)),
        };
        if let (Some(id), Some(_)) = (message.get("id"), message.get("method")) {
            assert_eq!(server.send(&json!({"jsonrpc": "2.0", "id": id, "result": null})), Ok(()));
        }
        if message["id"] == 2 && message.get("method").is_none() {
            break message["result"].clone();
        }
    };
    let items = match &answer {
        Value::Array(items) => items,
        Value::Object(list) => list.get("items").and_then(Value::as_array).expect("a list's items"),
        other => panic!("completion answered {other} before the index was built"),
    };
    let mut labels: Vec<&str> = items.iter().filter_map(|item| item["label"].as_str()).collect();
    labels.sort_unstable();
    let expected: Vec<String> = (0..FUNCTIONS).map(|i| format!("fn-{i:03}")).collect();
    assert_eq!(labels, expected.iter().map(String::as_str).collect::<Vec<_>>());
}
