//! The layers keep to their jobs: only `lsp/` knows LSP types (the CLI and the editor share
//! one analysis, testable without a protocol), and only `runner/` starts processes (nothing
//! else in the server can run user code).

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found
}

/// The source files outside `except` (a folder under `src/`) that contain any of `words`.
fn offenders(except: &str, words: &[&str]) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(files.len() > 30, "the sources were not found under {}", src.display());
    files
        .iter()
        .filter(|path| !path.starts_with(src.join(except)))
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            words.iter().any(|word| text.contains(word))
        })
        .map(|path| path.strip_prefix(&src).unwrap_or(path).display().to_string())
        .collect()
}

#[test]
fn only_lsp_names_lsp_types() {
    let found = offenders("lsp", &["tower_lsp_server", "ls_types", "lsp_types"]);
    assert!(found.is_empty(), "these files outside lsp/ name LSP types: {found:?}");
}

#[test]
fn only_the_runner_spawns_processes() {
    let found = offenders("runner", &["process::Command", "Command::new", "tokio::process"]);
    assert!(found.is_empty(), "these files outside runner/ start processes: {found:?}");
}
