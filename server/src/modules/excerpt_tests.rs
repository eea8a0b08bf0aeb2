//! Analysed from its excerpt, a file gives the facts and diagnostics a parse of the whole
//! file gives: every file of this repository's workspaces, with decoys between its
//! statements, and every `$0` file of the reach tests (`checks::reach_tests`).

use std::path::{Path, PathBuf};

use super::excerpt_of_any_size;
use crate::checks::file_diagnostics;
use crate::modules::index::{BuildOptions, WorkspaceIndex};
use crate::project::sources::{Disk, Sources};
use crate::syntax::diagnostics::Diagnostic;
use crate::syntax::statements::top_statements;
use crate::syntax::{Lang, parse};

/// Statements no flow reaches, put between a file's own: the excerpt leaves them out. They
/// use the names the files use locally (`res`, `data`, `base`), none of the file's own.
const DECOYS: &[&str] = &[
    "export function DecoyList({ rows }: { rows: string[] }) {\n  const res = rows.map((data) => data.trim());\n  return res.length;\n}",
    "const decoyLabels: Record<string, string> = { res: \"Response\", data: \"Data\" };",
    "export async function decoyLoad(base: string) {\n  const res = await fetch(`${base}/items`);\n  const data = await res.json();\n  return data.items ?? [];\n}",
    "let decoyCounter = 0;\nexport const decoyNext = () => ++decoyCounter;",
];

/// `text` with a decoy after each of its top-level statements.
fn with_decoys(text: &str) -> Option<String> {
    let statements = top_statements(text)?;
    let mut out = String::new();
    let mut copied = 0;
    for (i, statement) in statements.iter().enumerate() {
        out.push_str(&text[copied..statement.range.end]);
        out.push('\n');
        out.push_str(DECOYS[i % DECOYS.len()]);
        out.push('\n');
        copied = statement.range.end;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

fn rendered(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|d| format!("{}@{:?} {} {}", d.code, d.range, d.message, d.fixes.len())).collect()
}

/// Whether `text` (of `path`, in `index`'s workspace), with decoys between its statements,
/// was compared: analysed from its excerpt and whole, with the same facts and diagnostics.
/// Not compared when it does not parse cleanly or cannot be split.
pub(crate) fn excerpt_agrees(index: &WorkspaceIndex, path: &Path, text: &str) -> bool {
    let Some(lang) = Lang::from_path(path) else { return false };
    let Some(text) = with_decoys(text) else { return false };
    let Some(whole) = parse(&text, lang, None) else { return false };
    if whole.root_node().has_error() {
        return false;
    }
    let graph = &index.modules;
    let Some(excerpt) = excerpt_of_any_size(graph, path, &text, lang) else { return false };
    let from_whole = graph.analyse(graph, path, &text, &whole);
    let from_excerpt = graph.analyse(graph, path, &text, &excerpt);
    assert_eq!(from_excerpt.facts, from_whole.facts, "{}", path.display());
    let project = index.project_of(path);
    assert_eq!(
        rendered(&file_diagnostics(project, path, &text, &excerpt, &from_excerpt)),
        rendered(&file_diagnostics(project, path, &text, &whole, &from_whole)),
        "{}",
        path.display()
    );
    true
}

/// How many files of the workspace at `root` were compared.
fn excerpts_agree(root: &Path) -> usize {
    let root = std::fs::canonicalize(root).expect("the workspace exists");
    let options = BuildOptions { modules: true, ..BuildOptions::default() };
    let (index, scan) = WorkspaceIndex::build(std::slice::from_ref(&root), &Disk, options);
    scan.files.iter().filter(|path| Disk.read(path).is_some_and(|text| excerpt_agrees(&index, path, &text))).count()
}

fn repository(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn on_the_shapes_corpus() {
    let compared = excerpts_agree(&repository("server/tests/shapes_corpus"));
    assert!(compared >= 15, "only {compared} files had statements left out");
}

#[test]
fn on_the_example_app_and_the_check_fixture() {
    let compared =
        excerpts_agree(&repository("examples/shop")) + excerpts_agree(&repository("server/tests/check_cli/app"));
    assert!(compared >= 3, "only {compared} files had statements left out");
}

#[test]
fn on_every_transcript_workspace() {
    let mut compared = 0;
    let Ok(folders) = std::fs::read_dir(repository("tests")) else { panic!("tests/ is there") };
    for folder in folders.flatten() {
        let workspace = folder.path().join("workspace");
        if workspace.is_dir() {
            compared += excerpts_agree(&workspace);
        }
    }
    assert!(compared >= 10, "only {compared} files had statements left out");
}
