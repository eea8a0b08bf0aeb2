//! `check` and the editor agree on every file: the diagnostics `base44-lsp check` prints for
//! a workspace are, file by file, the ones the editor computes for that file opened against
//! the index it builds (with every import's summary read from the index).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base44_lsp::checks::batch::check_workspace;
use base44_lsp::checks::check_file;
use base44_lsp::modules::index::{BuildOptions, WorkspaceIndex};
use base44_lsp::project::sources::{Disk, Sources};
use base44_lsp::syntax::diagnostics::Diagnostic;
use base44_lsp::syntax::{Lang, parse};

/// `code@start..end message` for each diagnostic, in order.
fn rendered(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut lines: Vec<String> =
        diagnostics.iter().map(|d| format!("{}@{:?} {} {}", d.code, d.range, d.message, d.fixes.len())).collect();
    lines.sort();
    lines
}

fn agree(root: &Path) {
    let root = std::fs::canonicalize(root).expect("the workspace exists");
    let report = check_workspace(std::slice::from_ref(&root), &Disk, Vec::new());
    let from_check: BTreeMap<PathBuf, Vec<String>> =
        report.files.iter().map(|f| (f.path.clone(), rendered(&f.diagnostics))).collect();
    let options = BuildOptions { modules: true, ..BuildOptions::default() };
    let (index, scan) = WorkspaceIndex::build(std::slice::from_ref(&root), &Disk, options);
    let mut compared = 0;
    for path in scan.files.iter().filter(|p| Lang::from_path(p).is_some()) {
        let Some(text) = Disk.read(path) else { continue };
        let Some(lang) = Lang::from_path(path) else { continue };
        let tree = parse(&text, lang, None).expect("parses");
        let in_editor = rendered(&check_file(&index, &index, path, &text, &tree).diagnostics);
        let in_check = from_check.get(path).cloned().unwrap_or_default();
        assert_eq!(in_editor, in_check, "{}", path.display());
        compared += 1;
    }
    assert!(compared > 5, "only {compared} files compared in {}", root.display());
}

#[test]
fn on_the_shapes_corpus() {
    agree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapes_corpus"));
}

#[test]
fn on_the_example_app() {
    agree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/shop"));
}
