//! One call that runs a text through every analysis entry point, as a frontend page, as a
//! function's entry and as a config file. It asserts only what must hold for any input: no
//! panic, no hang, and answers that stay inside the text (ranges on character boundaries).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::checks::check_file;
use crate::features::completion::complete;
use crate::features::lenses::document_actions;
use crate::features::links::document_links;
use crate::features::navigation::target_at;
use crate::features::symbols::{Symbol, document_symbols};
use crate::modules::excerpt::parse_for_flow;
use crate::modules::index::{BuildOptions, WorkspaceIndex};
use crate::project::contract::infer_contract;
use crate::project::serve::find_serve;
use crate::project::sources::Disk;
use crate::project::types_file::listed_names;
use crate::syntax::diagnostics::Diagnostic;
use crate::syntax::text::LineIndex;
use crate::syntax::{self, Lang, jsonc};
use crate::testing::{SHOP, TempTree};

/// A project whose files the fuzzed text stands in for: the index is built from the files on
/// disk, so the text also disagrees with what the index read (an unsaved buffer).
pub struct Fixture {
    _tree: TempTree,
    pub index: WorkspaceIndex,
    pub page: PathBuf,
    pub entry: PathBuf,
}

pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let mut files = SHOP.to_vec();
        files.push(("src/page.jsx", "base44.functions.invoke(\"process-order\", { orderId: 1 });\n"));
        let tree = TempTree::new(&files);
        let (index, _) = WorkspaceIndex::build(
            &[tree.path().to_path_buf()],
            &Disk,
            BuildOptions { modules: true, ..BuildOptions::default() },
        );
        let page = tree.path().join("src/page.jsx");
        let entry = tree.path().join("base44/functions/process-order/entry.ts");
        Fixture { _tree: tree, index, page, entry }
    })
}

/// Which offsets completion and navigation are asked at.
#[derive(Debug, Clone, Copy)]
pub enum Offsets {
    /// Every byte offset (inside characters too: a client's position can land there) and one
    /// past the end.
    Every,
    /// About this many, spread over the text: for inputs too large to ask at every offset.
    Spread(usize),
    /// The middle only: the deepest point of a deeply nested text.
    Middle,
}

impl Offsets {
    fn of(self, text: &str) -> Vec<usize> {
        match self {
            Offsets::Every => (0..=text.len() + 1).collect(),
            Offsets::Spread(count) => {
                let step = (text.len() / count.max(1)).max(1);
                (0..=text.len() + 1).step_by(step).chain([text.len()]).collect()
            }
            Offsets::Middle => vec![text.len() / 2],
        }
    }
}

/// Runs `text` through every entry point, as a page and as a function's entry.
pub fn exercise(text: &str, offsets: Offsets) {
    exercise_as(text, offsets, &[Role::Page, Role::Entry]);
}

/// What the text stands in for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A frontend page (`.jsx`, the TSX grammar).
    Page,
    /// A function's entry (`.ts`, the TypeScript grammar), which the index says serves.
    Entry,
}

pub fn exercise_as(text: &str, offsets: Offsets, roles: &[Role]) {
    let fixture = fixture();
    let open: HashMap<PathBuf, Vec<_>> = HashMap::new();
    for role in roles {
        let (path, lang) = match role {
            Role::Page => (&fixture.page, Lang::Tsx),
            Role::Entry => (&fixture.entry, Lang::TypeScript),
        };
        let tree = syntax::parse(text, lang, None);
        // What the index parses of the file while it is closed.
        if let Some((excerpt, _)) = parse_for_flow(&fixture.index.modules, path, text, lang, true) {
            let analysis = fixture.index.modules.analyse(&fixture.index.modules, path, text, &excerpt);
            for site in &analysis.facts.sites {
                assert_inside(text, &site.call, "a call site read from the excerpt");
            }
        }
        let report = tree.as_ref().map(|tree| check_file(&fixture.index, &fixture.index, path, text, tree));
        let facts = report.as_ref().map(|r| r.facts.clone()).unwrap_or_default();
        for site in &facts.sites {
            assert_inside(text, &site.call, "a call site");
            assert_inside(text, &site.content, "a call site's name");
            if let Some(data) = &site.data {
                assert_inside(text, data, "a call site's data");
            }
        }
        if let (Some(tree), Some(report)) = (&tree, &report) {
            for diagnostic in &report.diagnostics {
                assert_diagnostic_inside(text, path, diagnostic);
            }
            let actions = document_actions(&fixture.index, &open, path, text, tree, &facts.sites);
            for action in &actions.invokes {
                assert_inside(text, &action.range, "an invoke action");
            }
            let serve = find_serve(tree, text);
            if let Some(serve) = &serve {
                assert_inside(text, &serve.range, "a serve");
            }
            for secret in infer_contract(tree, text, serve.as_ref()).secrets {
                assert_inside(text, &secret.range, "a secret's name");
            }
            for link in document_links(&fixture.index, path, &facts.sites) {
                assert_inside(text, &link.range, "a document link");
            }
            assert_symbols_inside(text, &document_symbols(&fixture.index, path, text, Some(tree)));
        }
        for offset in offsets.of(text) {
            if let Some(found) = complete(&fixture.index, path, text, tree.as_ref(), offset, &facts) {
                assert_inside(text, &found.replace, "a completion's range");
                let _ = found.items();
            }
            if let Some(target) = target_at(&fixture.index, path, text, tree.as_ref(), offset, &facts)
                && let Some(range) = &target.name_range
            {
                assert_inside(text, range, "a navigation target");
            }
        }
    }
    let lines = LineIndex::new(text);
    for offset in offsets.of(text) {
        let position = lines.utf16_pos(text, offset);
        let back = lines.offset(text, position);
        assert!(back <= text.len() && text.is_char_boundary(back), "offset {offset} came back as {back}");
    }
    if let Some((_, at)) = listed_names(text) {
        assert_inside(text, &at, "the types file's registry");
    }
    if let Ok(object) = jsonc::parse_object(text) {
        for key in object.strings.keys().chain(object.other_keys.keys()) {
            if let Some(range) = object.range_of(key) {
                assert_inside(text, &range, "a JSONC value");
            }
        }
    }
}

fn assert_inside(text: &str, range: &std::ops::Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && text.get(range.clone()).is_some(),
        "{what} at {range:?} is not a range of the text ({} bytes)",
        text.len()
    );
}

/// Every symbol's range is in the text, its selection in its range, and its children in it too
/// (VS Code's outline nests by these ranges).
fn assert_symbols_inside(text: &str, symbols: &[Symbol]) {
    let holds = |outer: &std::ops::Range<usize>, inner: &std::ops::Range<usize>| {
        outer.start <= inner.start && inner.end <= outer.end
    };
    let mut pending: Vec<&Symbol> = symbols.iter().collect();
    while let Some(symbol) = pending.pop() {
        assert_inside(text, &symbol.range, "a symbol");
        assert!(holds(&symbol.range, &symbol.selection), "a selection outside its symbol: {symbol:?}");
        for child in &symbol.children {
            assert!(holds(&symbol.range, &child.range), "a child outside its symbol: {symbol:?}");
        }
        pending.extend(&symbol.children);
    }
}

fn assert_diagnostic_inside(text: &str, path: &Path, diagnostic: &Diagnostic) {
    if diagnostic.path == path {
        assert_inside(text, &diagnostic.range, diagnostic.code);
    }
    for edit in diagnostic.fixes.iter().flat_map(|fix| &fix.edits).filter(|edit| edit.path == path) {
        assert_inside(text, &edit.range, "a fix's edit");
    }
}
