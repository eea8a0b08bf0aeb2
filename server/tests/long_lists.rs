//! A project with more functions than a shortened list holds (`features/shortlist.rs`): a
//! client that takes the list's defaults gets every function; a client that takes neither
//! defaults nor lazy details gets the best fits of what is typed, each item whole, in a list
//! marked incomplete so that it asks again as the user types.

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

/// More than the 200 a shortened list holds, sorted `job-000` … `job-239` first.
fn function_names() -> Vec<String> {
    let mut names: Vec<String> = (0..240).map(|i| format!("job-{i:03}")).collect();
    names.extend(["order-a", "order-b", "process-order", "recorder", "reorder", "sync-orders"].map(String::from));
    names
}

const PAGE: &str = "base44.functions.invoke(\"\");\nbase44.functions.invoke(\"or\");\n";

fn wait_for(server: &mut Server, wanted: &dyn Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match server.receive(deadline) {
            Some(Incoming::Message(message)) if wanted(&message) => return message,
            Some(Incoming::Message(_)) => {}
            other => panic!("{other:?}\n{}", server.stderr_tail(20)),
        }
    }
}

/// Starts a server with `capabilities` on the workspace, opens the page, and returns the
/// answers to a completion inside `invoke("|")` and inside `invoke("or|")`.
fn completions(capabilities: Value) -> (Value, Value) {
    let workspace = TempWorkspace::empty("long-lists").expect("a temporary workspace");
    for name in function_names() {
        let entry = format!("base44/functions/{name}/entry.ts");
        workspace.write(&entry, "Deno.serve(() => new Response());\n").expect("an entry");
    }
    workspace.write("src/page.js", PAGE).expect("the page");
    let root = workspace.root();
    let uri = format!("file://{}/src/page.js", root.display());
    let mut server = Server::spawn(Path::new(env!("CARGO_BIN_EXE_base44-lsp")), root).expect("the server starts");
    let send = |server: &mut Server, message: Value| assert_eq!(server.send(&message), Ok(()));
    let root_uri = format!("file://{}", root.display());
    send(
        &mut server,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"rootUri": root_uri, "capabilities": capabilities}}),
    );
    wait_for(&mut server, &|m| m["id"] == 1);
    send(&mut server, json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    wait_for(&mut server, &|m| m["method"] == "base44/status" && m["params"]["state"] == "ready");
    send(
        &mut server,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
               "uri": uri, "languageId": "javascript", "version": 1, "text": PAGE}}}),
    );
    let ask = |server: &mut Server, id: u32, line: u32, character: u32| {
        send(
            server,
            json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/completion", "params": {
                   "textDocument": {"uri": uri}, "position": {"line": line, "character": character}}}),
        );
        wait_for(server, &|m| m["id"] == id)["result"].clone()
    };
    (ask(&mut server, 2, 0, 25), ask(&mut server, 3, 1, 27))
}

fn labels(list: &Value) -> Vec<&str> {
    list["items"].as_array().into_iter().flatten().filter_map(|item| item["label"].as_str()).collect()
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

#[test]
fn a_client_without_list_defaults_gets_the_best_fits_of_what_is_typed() {
    let (empty, typed) = completions(json!({}));
    // Nothing typed: the first 200 in the list's order, and a list that says there is more.
    assert_eq!(empty["isIncomplete"], true);
    let expected: Vec<String> = (0..200).map(|i| format!("job-{i:03}")).collect();
    assert_eq!(labels(&empty), expected);
    assert_eq!(
        empty["items"][0],
        json!({"label": "job-000", "kind": 3, "detail": "base44/functions/job-000/entry.ts",
               "textEdit": {"range": range(0, 25, 25), "newText": "job-000"}})
    );
    // `or` typed: what starts with it, then a word of it, then what holds it; `job-…` holds
    // no `o` followed by an `r`. Each item whole: its own range, its details.
    let item = |name: &str| {
        json!({"label": name, "kind": 3, "detail": format!("base44/functions/{name}/entry.ts"),
               "textEdit": {"range": range(1, 25, 27), "newText": name}})
    };
    let fits = ["order-a", "order-b", "process-order", "sync-orders", "recorder", "reorder"];
    assert_eq!(typed, json!({"isIncomplete": true, "items": fits.map(item)}));
}

#[test]
fn a_client_that_takes_list_defaults_gets_every_function() {
    let capabilities = json!({"textDocument": {"completion": {
        "completionItem": {"resolveSupport": {"properties": ["documentation", "detail"]}},
        "completionList": {"itemDefaults": ["editRange", "data"]}}}});
    let (empty, typed) = completions(capabilities);
    let mut names = function_names();
    names.sort();
    for (list, edit) in [(&empty, range(0, 25, 25)), (&typed, range(1, 25, 27))] {
        assert_eq!(list["isIncomplete"], false);
        assert_eq!(list["itemDefaults"], json!({"editRange": edit, "data": 0}));
        assert_eq!(labels(list), names);
        assert_eq!(list["items"][0], json!({"label": "job-000", "kind": 3}));
    }
}
