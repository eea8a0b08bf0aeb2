//! The analysis library knows nothing of LSP: only `lsp/` converts. This keeps the CLI
//! and the editor on one analysis, and the analysis testable without a protocol.

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

#[test]
fn analysis_names_no_lsp_type() {
    let analysis = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis");
    let files = rust_files(&analysis);
    assert!(files.len() > 10, "the analysis sources were not found under {}", analysis.display());
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            ["tower_lsp_server", "ls_types", "lsp_types"].iter().any(|name| text.contains(name))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "these analysis files name LSP types: {offenders:?}");
}
