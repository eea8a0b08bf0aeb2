//! What of a closed file the index parses: the top-level statements a flow can start in or
//! reach, not the whole file. A flow starts where `functions`, a client factory, a wrapper
//! named in the settings or an import the graph knows names functions is mentioned, and goes
//! from statement to statement only through names declared at the top level; so the
//! statements that share such names with a starting one (either way, through any number of
//! others) are all it can touch. The imports and export lists are always parsed.
//!
//! The statements come from a scan of the text (`syntax::statements`); the parse of the
//! chosen ones must give back exactly those statements, without errors, or the whole file is
//! parsed after all.

use std::ops::Range;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use tree_sitter::Tree;

use super::flow::CLIENT_FACTORIES;
use super::graph::ModuleGraph;
use super::imports::ModuleSyntax;
use crate::syntax::statements::{TopKind, TopStatement, top_statements};
use crate::syntax::{self, Lang, whole_words};

/// Above this share of the file's statements' bytes, the whole file is parsed: the excerpt
/// would save little.
const MOST_OF_THE_FILE: f64 = 0.75;

/// Parses what the flow needs of `src` (a file of `path` the graph reads while closed), and
/// how many bytes of it that took. `namers`: whether an import may bring something that names
/// functions ([`imports_may_name_functions`]); when not, the imports are not looked at first.
pub fn parse_for_flow(graph: &ModuleGraph, path: &Path, src: &str, lang: Lang, namers: bool) -> Option<(Tree, usize)> {
    if let Some(found) = excerpt(graph, path, src, lang, MOST_OF_THE_FILE, namers) {
        return Some(found);
    }
    syntax::parse(src, lang, None).map(|tree| (tree, src.len()))
}

/// The excerpt however much of the file it takes (`None` when the file cannot be split or
/// the parse of the excerpt does not give its statements back): for tests that compare
/// it with the whole file.
pub fn excerpt_of_any_size(graph: &ModuleGraph, path: &Path, src: &str, lang: Lang) -> Option<Tree> {
    excerpt(graph, path, src, lang, 1.0, imports_may_name_functions(graph)).map(|(tree, _)| tree)
}

/// Whether some file of the graph exports what names functions: only then can an import
/// (directly or through re-exports) bring it.
pub fn imports_may_name_functions(graph: &ModuleGraph) -> bool {
    graph.files.values().any(|facts| facts.exports.iter().any(|(_, shape)| shape.names_functions()))
}

fn excerpt(graph: &ModuleGraph, path: &Path, src: &str, lang: Lang, most: f64, namers: bool) -> Option<(Tree, usize)> {
    if src.len() > syntax::MAX_PARSE_BYTES {
        return None;
    }
    let statements = top_statements(src)?;
    if statements.len() < 2 {
        return None;
    }
    let mut words: Vec<String> = ["functions"].iter().chain(CLIENT_FACTORIES).map(|w| w.to_string()).collect();
    words.extend(graph.wrappers.iter().map(|w| w.name.clone()));
    if namers {
        words.extend(imported_namers(graph, path, src, lang, &statements)?);
    }
    let chosen = choose(src, &statements, &words);
    let total: usize = statements.iter().map(|s| s.range.len()).sum();
    let size: usize = chosen.iter().map(Range::len).sum();
    if size as f64 > total as f64 * most || size == total {
        return None;
    }
    let tree = syntax::parse_ranges(src, lang, &chosen)?;
    tiles(&tree, &chosen).then_some((tree, size))
}

/// The local names of imports that bring something naming functions (where the flow starts,
/// besides `functions`), read off a parse of the imports alone.
fn imported_namers(
    graph: &ModuleGraph,
    path: &Path,
    src: &str,
    lang: Lang,
    statements: &[TopStatement],
) -> Option<Vec<String>> {
    let imports: Vec<Range<usize>> =
        statements.iter().filter(|s| s.kind == TopKind::Import).map(|s| s.range.clone()).collect();
    if imports.is_empty() {
        return Some(Vec::new());
    }
    let tree = syntax::parse_ranges(src, lang, &imports)?;
    if !tiles(&tree, &imports) {
        return None;
    }
    let module = ModuleSyntax::read(&tree, src);
    let (env, _) = graph.env_for(graph, path, &module);
    let namers = env
        .imports
        .into_iter()
        .filter(|(_, binding)| binding.shape.as_ref().is_some_and(|shape| shape.names_functions()))
        .map(|(local, _)| local)
        .collect();
    Some(namers)
}

/// The ranges to parse: imports, export lists, and every statement joined through
/// top-level names to one that mentions a word of `words`.
fn choose(src: &str, statements: &[TopStatement], words: &[String]) -> Vec<Range<usize>> {
    let joins = |s: &TopStatement| !matches!(s.kind, TopKind::Import | TopKind::ExportList);
    // Each declared name once, with the statements declaring it.
    let mut declared: Vec<(&str, usize)> = statements
        .iter()
        .enumerate()
        .filter(|(_, s)| joins(s))
        .flat_map(|(i, s)| s.declares.iter().filter_map(move |r| Some((src.get(r.clone())?, i))))
        .filter(|(name, _)| !name.is_empty())
        .collect();
    declared.sort_unstable();
    declared.dedup();
    let mut names: Vec<&str> = declared.iter().map(|(name, _)| *name).collect();
    names.dedup();
    let patterns: Vec<&str> = words.iter().map(String::as_str).chain(names.iter().copied()).collect();
    let mut sets = Sets::new(statements.len());
    let mut starts = vec![false; statements.len()];
    // One pass over one file: an automaton quick to build beats a fast one.
    let built = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns);
    let Ok(matcher) = built else {
        return statements.iter().map(|s| s.range.clone()).collect();
    };
    for found in whole_words(&matcher, src) {
        let Some(at) = statement_at(statements, found.start()) else { continue };
        if !joins(&statements[at]) {
            continue;
        }
        let pattern = found.pattern().as_usize();
        if pattern < words.len() {
            starts[at] = true;
            continue;
        }
        let name = patterns[pattern];
        let first = declared.partition_point(|(n, _)| *n < name);
        for &(_, declarer) in declared[first..].iter().take_while(|(n, _)| *n == name) {
            sets.join(at, declarer);
        }
    }
    // Which sets hold a statement a flow starts in, by their root.
    let mut reached = vec![false; statements.len()];
    for i in (0..statements.len()).filter(|&i| starts[i]) {
        let root = sets.root(i);
        reached[root] = true;
    }
    statements
        .iter()
        .enumerate()
        .filter(|&(i, s)| !joins(s) || reached[sets.root(i)])
        .map(|(_, s)| s.range.clone())
        .collect()
}

/// The statement whose range holds `offset`.
fn statement_at(statements: &[TopStatement], offset: usize) -> Option<usize> {
    let after = statements.partition_point(|s| s.range.start <= offset);
    let at = after.checked_sub(1)?;
    statements[at].range.contains(&offset).then_some(at)
}

/// Whether the tree of `ranges` has no errors and its top-level nodes make up each range
/// exactly: the scan's statements were the parser's.
pub fn tiles(tree: &Tree, ranges: &[Range<usize>]) -> bool {
    let root = tree.root_node();
    if root.has_error() {
        return false;
    }
    let mut started = vec![false; ranges.len()];
    let mut ended = vec![false; ranges.len()];
    let mut cursor = root.walk();
    for child in root.children(&mut cursor) {
        let after = ranges.partition_point(|r| r.start <= child.start_byte());
        let Some(at) = after.checked_sub(1) else { return false };
        let range = &ranges[at];
        if child.end_byte() > range.end {
            return false;
        }
        started[at] |= child.start_byte() == range.start;
        ended[at] |= child.end_byte() == range.end;
    }
    started.iter().chain(&ended).all(|&ok| ok)
}

/// Disjoint sets of statements (union-find with path halving).
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(count: usize) -> Self {
        Self { parent: (0..count).collect() }
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a] = b;
        }
    }
}

#[cfg(test)]
#[path = "excerpt_tests.rs"]
pub(crate) mod tests;
