//! The server outlives its client's process (`processId` of `initialize`) by a few seconds at
//! most, even when stdin stays open: an editor that crashes does not always close the pipe (a
//! child it started may hold it). A transcript cannot start and kill a process of its own, so
//! this test plays the client: the "editor" is a `sleep` it starts and then kills.

#[allow(dead_code)]
#[path = "transcript/wire.rs"]
mod wire;
#[allow(dead_code)]
#[path = "transcript/workspace.rs"]
mod workspace;

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};
use wire::{Incoming, Server};
use workspace::TempWorkspace;

/// The server checks every second; this leaves room for a loaded machine.
const GONE_WITHIN: Duration = Duration::from_secs(5);

fn initialize(server: &mut Server, process_id: Value, root: &Path) {
    let params = json!({"processId": process_id, "rootUri": format!("file://{}", root.display()), "capabilities": {}});
    let sent = server.send(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params}));
    assert_eq!(sent, Ok(()));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match server.receive(deadline) {
            Some(Incoming::Message(message)) if message["id"] == 1 && message.get("result").is_some() => break,
            Some(Incoming::Message(_)) => continue,
            other => panic!("no answer to initialize: {other:?}\n{}", server.stderr_tail(20)),
        }
    }
    assert_eq!(server.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}})), Ok(()));
}

/// A stand-in editor, and a server initialized with its process id.
fn start(label: &str) -> (TempWorkspace, Child, Server) {
    let workspace = TempWorkspace::empty(label).expect("a temporary workspace");
    let editor = Command::new("sleep").arg("600").spawn().expect("a stand-in editor process");
    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    let mut server = Server::spawn(binary, workspace.root()).expect("the server starts");
    initialize(&mut server, json!(editor.id()), workspace.root());
    (workspace, editor, server)
}

#[cfg(unix)]
#[test]
fn the_server_exits_soon_after_its_client_process_dies() {
    let (_workspace, mut editor, mut server) = start("client-process");

    // While the editor lives, the server keeps serving (two checks go by).
    let alive = server.wait_for_end(Duration::from_millis(2500));
    assert!(alive.is_err(), "the server ended while its client lived: {alive:?}\n{}", server.stderr_tail(20));

    editor.kill().expect("the editor is killed");
    editor.wait().expect("the editor is reaped");
    let killed = Instant::now();
    let status = server.wait_for_end(GONE_WITHIN);
    let status = status.unwrap_or_else(|error| panic!("{error} of its client's death\n{}", server.stderr_tail(20)));
    assert_eq!(status.code(), Some(1), "no shutdown came, so the status is 1");
    assert!(server.stderr_tail(5).contains("the client's process is gone; exiting"), "{}", server.stderr_tail(5));
    eprintln!("the server exited {:?} after its client", killed.elapsed());
}

#[cfg(target_os = "linux")]
#[test]
fn a_dead_client_that_is_not_yet_reaped_counts_as_dead() {
    // An editor that died but whose parent has not waited for it yet is a zombie: `kill(pid, 0)`
    // still finds it, and only its state tells.
    let (_workspace, mut editor, mut server) = start("client-zombie");
    editor.kill().expect("the editor is killed");
    let status = server.wait_for_end(GONE_WITHIN);
    let _ = editor.wait();
    let status = status.unwrap_or_else(|error| panic!("{error} of its client's death\n{}", server.stderr_tail(20)));
    assert_eq!(status.code(), Some(1));
}
