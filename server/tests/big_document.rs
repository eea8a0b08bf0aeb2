//! A 4 MB minified bundle opened in the editor is kept for its text only, with a line in the
//! log: it is not parsed or checked on the message loop, where it would hold up the requests
//! behind it for a second or more. The request sent right after it is answered in full.
//! (How long that took is printed, not asserted: machines are noisy.)

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

/// The message `wanted` accepts; the others are kept in `received`.
fn wait_for(server: &mut Server, received: &mut Vec<Value>, wanted: &dyn Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match server.receive(deadline) {
            Some(Incoming::Message(message)) if wanted(&message) => return message,
            Some(Incoming::Message(message)) => received.push(message),
            other => panic!("{other:?}\n{}", server.stderr_tail(20)),
        }
    }
}

/// One minified line of four megabytes, with a call to an unknown function at its start.
fn bundle() -> String {
    let mut text = String::from("var q=base44.functions.invoke(\"no-such-function\",{});");
    while text.len() < 4 << 20 {
        text.push_str("function a(b,c){return b?c.map(function(d){return d*2}):[b,{e:c}]}var f=a(1,[2,3]);");
    }
    text
}

#[test]
fn a_minified_bundle_is_not_analysed_and_holds_up_nothing() {
    let workspace = TempWorkspace::empty("big-document").expect("a temporary workspace");
    workspace.write("base44/functions/hello/entry.ts", "Deno.serve(() => new Response());\n").expect("an entry");
    let page = "base44.functions.invoke(\"\");\n";
    workspace.write("src/page.js", page).expect("the page");
    let root = workspace.root();
    let uri = |path: &str| format!("file://{}/{path}", root.display());
    let mut server = Server::spawn(Path::new(env!("CARGO_BIN_EXE_base44-lsp")), root).expect("the server starts");
    let mut received = Vec::new();
    let send = |server: &mut Server, message: Value| assert_eq!(server.send(&message), Ok(()));
    send(
        &mut server,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                             "params": {"rootUri": uri(""), "capabilities": {}}}),
    );
    wait_for(&mut server, &mut received, &|m| m["id"] == 1);
    send(&mut server, json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    wait_for(&mut server, &mut received, &|m| m["method"] == "base44/status" && m["params"]["state"] == "ready");

    let open = |path: &str, text: &str| {
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri(path), "languageId": "javascript", "version": 1, "text": text}}})
    };
    let sent = Instant::now();
    send(&mut server, open("dist/bundle.min.js", &bundle()));
    send(&mut server, open("src/page.js", page));
    send(
        &mut server,
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {
        "textDocument": {"uri": uri("src/page.js")}, "position": {"line": 0, "character": 25}}}),
    );
    let answer = wait_for(&mut server, &mut received, &|m| m["id"] == 2);
    eprintln!("completion behind a 4 MB bundle answered in {:?}", sent.elapsed());
    let labels: Vec<&str> =
        answer["result"]["items"].as_array().into_iter().flatten().filter_map(|i| i["label"].as_str()).collect();
    assert_eq!(labels, ["hello"], "{answer}");

    let bundle_diagnostics =
        |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri("dist/bundle.min.js");
    let published = match received.iter().find(|m| bundle_diagnostics(m)) {
        Some(message) => message.clone(),
        None => wait_for(&mut server, &mut received, &bundle_diagnostics),
    };
    // Not analysed: the unknown name at its start is not flagged.
    assert_eq!(published["params"]["diagnostics"], json!([]));
    let log = format!("{}/dist/bundle.min.js is {} bytes, over the 524288 analysed", root.display(), bundle().len());
    assert!(server.stderr_tail(50).contains(&log), "no log line: {}", server.stderr_tail(50));
}
