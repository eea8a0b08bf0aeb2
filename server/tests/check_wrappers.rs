//! `base44-lsp check --wrapper NAME[:ARG]`: the command line names the wrappers the analysis
//! cannot see, as the editor's `base44.wrappers` setting does.

use std::path::PathBuf;
use std::process::Command;

fn workspace() -> PathBuf {
    let root = std::env::temp_dir().join(format!("base44-check-wrappers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in [
        ("base44/config.jsonc", "{}"),
        ("base44/functions/send-email/entry.ts", "Deno.serve(() => Response.json({ sent: true }));"),
        (
            "src/mail.js",
            "import { callFn } from \"some-sdk\";\nexport const send = () => callFn(\"send-emial\", {});\n",
        ),
    ] {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folder");
        std::fs::write(path, text).expect("write file");
    }
    root
}

/// The `code message` of each diagnostic `check --format json` prints.
fn check(args: &[&str]) -> Vec<String> {
    let root = workspace();
    let output = Command::new(env!("CARGO_BIN_EXE_base44-lsp"))
        .arg("check")
        .arg(&root)
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("base44-lsp runs");
    let _ = std::fs::remove_dir_all(&root);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    report["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|d| format!("{} {}", d["code"].as_str().unwrap_or(""), d["message"].as_str().unwrap_or("")))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_wrapper_named_on_the_command_line() {
    assert_eq!(check(&[]), Vec::<String>::new());
    let found = check(&["--wrapper", "callFn:0"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("unknown-function Unknown function \"send-emial\""), "{found:?}");
    assert_eq!(check(&["--wrapper", "callFn"]), found);
}
