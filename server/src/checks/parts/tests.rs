//! Checking by parts gives what checking the whole file gives: the response-shape corpus's
//! files (and a long page of helpers and components), edited at random as someone typing
//! would, checked both ways after every edit, compared whole (diagnostics and facts).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;
use tree_sitter::{InputEdit, Tree};

use super::{PartsState, check_file_by_parts};
use crate::checks::check_file;
use crate::fuzz::properties::{JS_TOKENS, cases};
use crate::modules::index::{BuildOptions, WorkspaceIndex};
use crate::project::sources::Disk;
use crate::syntax::{Lang, parse, point_at};

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapes_corpus")
}

/// The corpus's index (with every file's facts, so imports bring what they bring), and its
/// pages and helpers with their text.
fn corpus() -> &'static (WorkspaceIndex, Vec<(PathBuf, String)>) {
    static CORPUS: OnceLock<(WorkspaceIndex, Vec<(PathBuf, String)>)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = corpus_root();
        let options = BuildOptions { modules: true, ..BuildOptions::default() };
        let (index, scan) = WorkspaceIndex::build(std::slice::from_ref(&root), &Disk, options);
        let mut files: Vec<(PathBuf, String)> = scan
            .files
            .iter()
            .filter(|path| path.starts_with(root.join("src")) && Lang::from_path(path).is_some())
            .filter_map(|path| Some((path.clone(), std::fs::read_to_string(path).ok()?)))
            .collect();
        // A page the size of the benchmark's, in little: many independent helpers and
        // components, some sharing a top-level name, in the corpus's `src/pages`.
        files.push((root.join("src/pages/Long.tsx"), long_page(12)));
        // The fuzzing corpus's pages (deep nesting, react-query, `Promise.all`), as pages here.
        let fuzzed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus/text");
        for name in ["nested-invokes.js", "react-query-and-promise-all.tsx"] {
            if let Ok(text) = std::fs::read_to_string(fuzzed.join(name)) {
                files.push((root.join("src/pages").join(name), text));
            }
        }
        // Calls and reads against the corpus's functions' contracts: data that is no object,
        // keys never read, required inputs not given, keys no response has.
        files.push((root.join("src/pages/Contracts.jsx"), CONTRACTS_PAGE.to_string()));
        // Nested past the flow's depth bound: no shape diagnostics for the file at all.
        let deep = format!(
            "import {{ base44 }} from \"@/api/base44Client\";\nconst a = async () => {{ const r = await \
             base44.functions.invoke(\"x\"); r.total; }};\nconst b = {}base44.functions.invoke(\"y\"){};\n",
            "(".repeat(450),
            ")".repeat(450)
        );
        files.push((root.join("src/pages/Deep.js"), deep));
        (index, files)
    })
}

/// Calls of the corpus's `verify-code` (reads `code`, answers `ok`), `create-order` (reads
/// `items` and `couponCode`) and `health` (reads nothing, answers `status`, `score`, `tookMs`).
const CONTRACTS_PAGE: &str = r#"import { base44 } from "@/api/base44Client";

export async function verify(input) {
  const res = await base44.functions.invoke("verify-code", { cod: input.code });
  return res.data.okk;
}

export async function order(items) {
  const { data: { sucess } } = await base44.functions.invoke("create-order", { itmes: items, couponCode: "x" });
  await base44.functions.invoke("create-order", {});
  await base44.functions.invoke("verify-code", "123456");
  return sucess;
}

export function Health() {
  const check = async () => {
    const { data } = await base44.functions.invoke("health");
    return data.statsu + data.score;
  };
  return <button onClick={check}>{verify({ code: 1 })}</button>;
}
"#;

fn long_page(count: usize) -> String {
    let mut page = String::from(
        "import { useState } from \"react\";\nimport { base44 } from \"@/api/base44Client\";\n\
         const LABELS = { open: \"Open\" };\n",
    );
    for i in 0..count {
        page.push_str(&format!(
            "export async function load{i}(input) {{\n  try {{\n    const res = await \
             base44.functions.invoke(\"fn-{i}\", {{ id: input.id }});\n    return res.data;\n  }} catch (error) \
             {{\n    console.error(error.message);\n  }}\n}}\n\nexport function Panel{i}() {{\n  const [row, setRow] = \
             useState(null);\n  const go = async () => {{\n    const res = await base44.functions.invoke(\"panel-{i}\");\n    \
             setRow(res);\n    const ok = await base44.functions.invoke(\"verify-code\", {{ cod: row }});\n    \
             ok.data.okk;\n  }};\n  return <div title={{LABELS.open}}>{{row.total}}</div>;\n}}\n\n"
        ));
    }
    page
}

/// One edit: where (a share of the text), what to delete (bytes, from there) and insert.
#[derive(Debug, Clone)]
struct Edit {
    at: u32,
    delete: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = prop::sample::select(JS_TOKENS).prop_map(str::to_string);
    let snippet = prop::sample::select(
        &[
            "const res = await base44.functions.invoke(\"a\");\nres.total;\n",
            "export const helper = () => base44.functions.invoke(\"b\");\n",
            "function LABELS() {}\n",
            "base44 = other;\n",
            "z",
            "export { load0 };\n",
            "}\n",
            "(res) => res.data",
            "import { x } from \"./x\";\n",
            "await base44.functions.invoke(\"verify-code\", { cod: 1, code });\n",
            "const { data: h } = await base44.functions.invoke(\"health\"); h.statsu;\n",
            "res.data.okk",
            "{ itmes: [] }",
        ][..],
    )
    .prop_map(str::to_string);
    (any::<u32>(), 0usize..24, prop_oneof![3 => token, 1 => snippet, 1 => Just(String::new())])
        .prop_map(|(at, delete, insert)| Edit { at, delete, insert })
}

/// Applies `edit` to `text` and `tree` as the editor does (the tree edited, then reparsed
/// from it).
fn apply(text: &mut String, tree: &mut Tree, lang: Lang, edit: &Edit) {
    let mut start = (edit.at as usize) % (text.len() + 1);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + edit.delete).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let (start_position, old_end_position) = (point_at(text, start), point_at(text, end));
    text.replace_range(start..end, &edit.insert);
    let new_end = start + edit.insert.len();
    tree.edit(&InputEdit {
        start_byte: start,
        old_end_byte: end,
        new_end_byte: new_end,
        start_position,
        old_end_position,
        new_end_position: point_at(text, new_end),
    });
    *tree = parse(text, lang, Some(tree)).unwrap_or_else(|| parse("", lang, None).expect("empty parses"));
}

/// Checks a version both ways and compares; returns the state for the next version.
fn both_ways(path: &Path, text: &str, tree: &Tree, previous: Option<&PartsState>) -> Option<PartsState> {
    let (index, _) = corpus();
    let whole = check_file(index, index, path, text, tree);
    let (by_parts, state) = check_file_by_parts(previous, 7, index, index, path, text, tree);
    if std::env::var_os("PARTS_STATS").is_some() {
        eprintln!("PARTS {} {:?}", state.is_some(), state.as_ref().map(|s| (s.parts_run, s.split.parts.len())));
    }
    assert_eq!(by_parts.facts, whole.facts, "facts of {} after edits:\n{text}", path.display());
    assert_eq!(by_parts.diagnostics, whole.diagnostics, "diagnostics of {} after edits:\n{text}", path.display());
    state
}

fn session(file: usize, edits: &[Edit]) {
    let (_, files) = corpus();
    let (path, original) = &files[file % files.len()];
    let lang = Lang::from_path(path).unwrap_or(Lang::Tsx);
    let mut text = original.clone();
    let mut tree = parse(&text, lang, None).expect("parses");
    let mut state = both_ways(path, &text, &tree, None);
    for edit in edits {
        apply(&mut text, &mut tree, lang, edit);
        state = both_ways(path, &text, &tree, state.as_ref());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn checking_by_parts_gives_what_checking_the_whole_file_gives(
        file in any::<usize>(),
        edits in prop::collection::vec(edit(), 1..10),
    ) {
        session(file, &edits);
    }
}

#[test]
fn every_corpus_file_typed_into_character_by_character() {
    let (_, files) = corpus();
    for (file, (_, text)) in files.iter().enumerate() {
        // Type a call and a read of its response at a quarter, half and three quarters of the file.
        let mut edits = Vec::new();
        for (n, share) in [4u32, 2, 1].into_iter().enumerate() {
            let at = (text.len() as u32 / share.max(1)).saturating_sub(n as u32);
            for (k, c) in "\nconst r = await base44.functions.invoke(\"x\"); r.total;\n".chars().enumerate() {
                edits.push(Edit { at: at + k as u32, delete: 0, insert: c.to_string() });
            }
        }
        session(file, &edits);
    }
}

#[test]
fn an_edit_inside_one_helper_runs_the_flow_over_its_part_only() {
    let path = corpus_root().join("src/pages/Long.tsx");
    let mut text = long_page(12);
    let mut tree = parse(&text, Lang::Tsx, None).expect("parses");
    let first = both_ways(&path, &text, &tree, None).expect("checked by parts");
    assert_eq!(first.parts_run, first.split.parts.len());
    // `fn-5` becomes `fn-5z`, in the sixth helper.
    let at = text.find("\"fn-5\"").expect("the call") + 5;
    apply(&mut text, &mut tree, Lang::Tsx, &Edit { at: at as u32, delete: 0, insert: "z".into() });
    let second = both_ways(&path, &text, &tree, Some(&first)).expect("checked by parts");
    assert_eq!(second.parts_run, 1, "{:?}", second.split.parts);
    // Components sharing `LABELS` are one part, with its declaration.
    let labels = second.split.parts.iter().find(|p| p.len() > 1).map(Vec::len);
    assert_eq!(labels, Some(13));
}

#[test]
fn a_file_nested_past_the_flows_depth_is_checked_whole() {
    let (index, files) = corpus();
    let (path, text) = files.iter().find(|(path, _)| path.ends_with("Deep.js")).expect("the deep page");
    let tree = parse(text, Lang::Tsx, None).expect("parses");
    let (by_parts, state) = check_file_by_parts(None, 7, index, index, path, text, &tree);
    assert!(state.is_none(), "checked whole");
    let whole = check_file(index, index, path, text, &tree);
    assert_eq!((by_parts.facts, by_parts.diagnostics), (whole.facts, whole.diagnostics));
}

fn ran(steps: usize, rounds: &[bool]) -> std::sync::Arc<super::PartResult> {
    let stats = crate::modules::flow::RunStats { steps, rounds: rounds.to_vec() };
    std::sync::Arc::new(super::PartResult { stats, ..Default::default() })
}

#[test]
fn parts_fit_one_run_while_its_steps_and_rounds_would_suffice() {
    use super::fits;
    use crate::modules::flow::{MAX_FLOW_ROUNDS, MAX_FLOW_STEPS};
    assert!(fits(&[ran(10, &[false, false]), ran(10, &[false])]), "parts release helpers side by side");
    assert!(!fits(&[ran(MAX_FLOW_STEPS, &[]), ran(1, &[])]), "the steps add up");
    assert!(!fits(&[ran(1, &[false; MAX_FLOW_ROUNDS])]), "a part that used every round may want more");
    // A part that releases only wrappers waits while another releases helpers: three rounds
    // of helpers, then the wrappers, then what they released.
    assert!(fits(&[ran(1, &[true, false]), ran(1, &[false, false, false])]));
    let waiting = [ran(1, &[true, false, false]), ran(1, &[false; MAX_FLOW_ROUNDS - 2])];
    assert!(!fits(&waiting), "{} rounds of helpers, then three more", MAX_FLOW_ROUNDS - 2);
}

#[test]
fn the_contracts_page_is_checked_against_contracts_both_ways() {
    let (index, files) = corpus();
    let (path, text) = files.iter().find(|(path, _)| path.ends_with("Contracts.jsx")).expect("the contracts page");
    let tree = parse(text, Lang::Tsx, None).expect("parses");
    let whole = check_file(index, index, path, text, &tree);
    let codes: Vec<&str> = whole.diagnostics.iter().map(|d| d.code).collect();
    // So that the comparisons above cover the contracts' diagnostics.
    for code in ["invoke-data-not-object", "unknown-input", "unknown-response-key"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert!(!whole.facts.json_spots.is_empty(), "the JSON read is followed");
    let state = both_ways(path, text, &tree, None).expect("checked by parts");
    assert!(state.split.parts.len() > 1, "{:?}", state.split.parts);
}
