//! A folder that cannot be read is skipped with a log line naming it, and the rest of the
//! workspace is checked. Root reads every folder whatever its mode, so when the tests run as
//! root (CI does) the check runs as `nobody` through `setpriv`.
#![cfg(target_os = "linux")]

#[allow(dead_code)]
#[path = "transcript/workspace.rs"]
mod workspace;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use workspace::TempWorkspace;

#[test]
fn an_unreadable_folder_is_skipped_with_a_log_line() {
    let workspace = TempWorkspace::empty("unreadable-folder").expect("a temporary workspace");
    let files = [
        ("base44/functions/visible/entry.ts", "Deno.serve(() => new Response());\n"),
        ("base44/functions/hidden/entry.ts", "Deno.serve(() => new Response());\n"),
        ("src/page.js", "base44.functions.invoke(\"visible\");\n"),
    ];
    for (path, text) in files {
        workspace.write(path, text).expect("a workspace file");
    }
    let root = workspace.root();
    let hidden = root.join("base44/functions/hidden");
    std::fs::set_permissions(&hidden, std::fs::Permissions::from_mode(0o000)).expect("the folder is locked");

    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    // SAFETY: geteuid has no preconditions and cannot fail.
    let as_root = unsafe { libc::geteuid() } == 0;
    let mut command = if as_root {
        // The build may sit in a folder `nobody` cannot enter (root's home): run a copy from
        // beside the workspace, which it can.
        let copy = root.with_file_name("base44-lsp");
        if std::fs::hard_link(binary, &copy).is_err() {
            std::fs::copy(binary, &copy).expect("a copy of the server");
        }
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(copy);
        command
    } else {
        Command::new(binary)
    };
    let output = command.arg("check").arg(root).output().expect("the check runs");
    std::fs::set_permissions(&hidden, std::fs::Permissions::from_mode(0o755)).expect("the folder is unlocked");

    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "stdout:\n{stdout}\nstderr:\n{stderr}");
    let expected = format!("base44-lsp: skipped while reading the workspace: {}", hidden.display());
    assert!(
        stderr.lines().any(|line| line.starts_with(&expected) && line.contains("Permission denied")),
        "no log line for the unreadable folder:\n{stderr}"
    );
    // The readable function is still known: the page's call to it is not flagged.
    assert!(!stdout.contains("unknown-function"), "{stdout}");
}
