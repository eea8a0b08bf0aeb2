//! Reading the module graph of a workspace without parsing every file. Round one parses the
//! files whose text mentions `functions` (where every flow starts); each next round parses
//! the files that import a file whose summary changed (their calls may now name functions)
//! and the files never parsed whose text mentions what such a file exports (its export
//! names, or its file name in a specifier). Rounds stop when the summaries settle.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use tree_sitter::Tree;

use super::excerpt;
use super::graph::{Analysis, FileFacts, ModuleGraph};
use crate::project::sources::Sources;
use crate::syntax::{self, Lang, whole_words, word_occurrences};

/// How many rounds a workspace is read in: a summary reaches files this many imports away.
const MAX_ROUNDS: usize = 4;
/// How many importers deep a changed file's summary is followed on an update.
const MAX_UPDATE_DEPTH: usize = 3;

/// Sees each file analysed, for callers that keep more than its facts.
pub trait Observer: Sync {
    fn analysed(&self, path: &Path, src: &str, tree: &Tree, analysis: &Analysis);

    /// Whether what it keeps of `path` needs the whole file parsed, not only the statements
    /// the flow reaches (`excerpt`).
    fn needs_whole_tree(&self, _path: &Path) -> bool {
        false
    }
}

/// Keeps nothing but the facts.
pub struct Quiet;

impl Observer for Quiet {
    fn analysed(&self, _: &Path, _: &str, _: &Tree, _: &Analysis) {}
}

/// Whether a file's text has `functions` as a word: the flow can only start there.
pub fn mentions_functions(text: &str) -> bool {
    word_occurrences(text, 0..text.len(), "functions").next().is_some()
}

/// What reading a workspace's module graph took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadCost {
    /// Analyses run (a file read again in a later round counts again).
    pub analyses: usize,
    /// The analysed files' text, in bytes.
    pub text_bytes: usize,
    /// Of that text, what was parsed (the statements a flow reaches, `excerpt`).
    pub parsed_bytes: usize,
}

/// Bytes read and parsed by a batch's analyses, on every core.
#[derive(Default)]
struct Tally {
    text: AtomicUsize,
    parsed: AtomicUsize,
}

/// How one batch of files is analysed: where their text comes from, who sees each
/// analysis, whether an import may bring what names functions
/// ([`excerpt::imports_may_name_functions`]), and what it has cost so far.
struct Batch<'a> {
    sources: &'a dyn Sources,
    observer: &'a dyn Observer,
    namers: bool,
    tally: &'a Tally,
}

impl<'a> Batch<'a> {
    fn new(graph: &ModuleGraph, sources: &'a dyn Sources, observer: &'a dyn Observer, tally: &'a Tally) -> Self {
        Batch { sources, observer, namers: excerpt::imports_may_name_functions(graph), tally }
    }

    /// Analyses `files` against the graph as it is, on every core.
    fn analyse(&self, graph: &ModuleGraph, files: &[PathBuf]) -> Vec<(PathBuf, Option<FileFacts>)> {
        files.par_iter().map(|path| (path.clone(), self.analyse_path(graph, path))).collect()
    }

    /// Parses and analyses one file against the graph as it is.
    fn analyse_path(&self, graph: &ModuleGraph, path: &Path) -> Option<FileFacts> {
        let lang = Lang::from_path(path)?;
        let text = self.sources.read(path)?;
        let (tree, parsed) = if self.observer.needs_whole_tree(path) {
            (syntax::parse(&text, lang, None)?, text.len())
        } else {
            excerpt::parse_for_flow(graph, path, &text, lang, self.namers)?
        };
        self.tally.text.fetch_add(text.len(), Ordering::Relaxed);
        self.tally.parsed.fetch_add(parsed, Ordering::Relaxed);
        let analysis = graph.analyse(graph, path, &text, &tree);
        self.observer.analysed(path, &text, &tree, &analysis);
        Some(analysis.facts)
    }
}

/// Reads the facts of `files` into `graph` in rounds; what that took.
pub fn read_all(
    graph: &mut ModuleGraph,
    files: &[PathBuf],
    sources: &dyn Sources,
    read: &AtomicUsize,
    observer: &dyn Observer,
) -> ReadCost {
    let tally = Tally::default();
    let wrapper_names: Vec<String> = graph.wrappers.iter().map(|w| w.name.clone()).collect();
    let starts: Vec<(PathBuf, Start)> = files
        .par_iter()
        .filter_map(|path| {
            let start = Lang::from_path(path).and_then(|_| sources.read(path)).and_then(|text| {
                let names_wrapper =
                    wrapper_names.iter().any(|name| word_occurrences(&text, 0..text.len(), name).next().is_some());
                if mentions_functions(&text) || names_wrapper {
                    Some(Start::Flow)
                } else {
                    mentions_client_factory(&text).then_some(Start::Client)
                }
            });
            read.fetch_add(1, Ordering::Relaxed);
            Some((path.clone(), start?))
        })
        .collect();
    let (clients, flows): (Vec<_>, Vec<_>) = starts.into_iter().partition(|(_, start)| *start == Start::Client);
    // The modules that only make a client come first: what the others import from them (a
    // Base44 client, another SDK's) is then known, and no round is spent reading them again.
    let clients: Vec<PathBuf> = clients.into_iter().map(|(path, _)| path).collect();
    let mut seen: HashSet<PathBuf> = clients.iter().cloned().collect();
    let mut analysed = clients.len();
    let results = Batch::new(graph, sources, observer, &tally).analyse(graph, &clients);
    store(graph, results);
    let mut pending: Vec<PathBuf> = flows.into_iter().map(|(path, _)| path).collect();
    for _ in 0..MAX_ROUNDS {
        if pending.is_empty() {
            break;
        }
        seen.extend(pending.iter().cloned());
        analysed += pending.len();
        let results = Batch::new(graph, sources, observer, &tally).analyse(graph, &pending);
        let changed = store(graph, results);
        pending = next_round(graph, &changed, files, &seen, sources);
    }
    ReadCost { analyses: analysed, text_bytes: tally.text.into_inner(), parsed_bytes: tally.parsed.into_inner() }
}

/// Why a file is read in the first round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// It names `functions` (or a configured wrapper): a flow may start there.
    Flow,
    /// It only makes a client (`createClient(…)`): others ask what it exports.
    Client,
}

/// Whether a file's text may export a client it makes (`export const x = createClient(…)`):
/// a backend entry's `createClientFromRequest(req)` is its own, never exported.
fn mentions_client_factory(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b"export").is_some()
        && memchr::memmem::find_iter(bytes, b"createClient")
            .any(|at| !bytes[at + b"createClient".len()..].starts_with(b"FromRequest"))
}

/// Puts analysed files' facts in the graph; the files whose summary changed.
fn store(graph: &mut ModuleGraph, results: Vec<(PathBuf, Option<FileFacts>)>) -> Vec<PathBuf> {
    let mut changed = Vec::new();
    for (path, facts) in results {
        let before = match facts.filter(worth_keeping) {
            Some(mut facts) => {
                facts.json_spots = Vec::new();
                graph.files.insert(path.clone(), Arc::new(facts))
            }
            None => graph.files.remove(&path),
        };
        // Only what can change another file's calls counts (a helper giving the JSON does not).
        let summary = |facts: Option<&Arc<FileFacts>>| facts.map(|f| f.reach_summary()).unwrap_or_default();
        if summary(before.as_ref()) != summary(graph.files.get(&path)) {
            changed.push(path);
        }
    }
    changed.sort();
    changed
}

/// A file is kept when it names a function, gives other files something, or imports
/// project files (whose summaries may change what it names).
fn worth_keeping(facts: &FileFacts) -> bool {
    !facts.sites.is_empty() || facts.exports_anything() || !facts.deps.is_empty()
}

/// The files a round's changed summaries make worth reading (again).
fn next_round(
    graph: &ModuleGraph,
    changed: &[PathBuf],
    files: &[PathBuf],
    seen: &HashSet<PathBuf>,
    sources: &dyn Sources,
) -> Vec<PathBuf> {
    let mut next: HashSet<PathBuf> = changed.iter().flat_map(|path| graph.importers_of(path)).collect();
    let unseen: Vec<&PathBuf> = files.iter().filter(|f| !seen.contains(*f)).collect();
    next.extend(mentioning(graph, changed, &unseen, sources));
    let mut next: Vec<PathBuf> = next.into_iter().collect();
    next.sort();
    next
}

/// Among `candidates`, the files whose text mentions what the `changed` files export.
fn mentioning(
    graph: &ModuleGraph,
    changed: &[PathBuf],
    candidates: &[&PathBuf],
    sources: &dyn Sources,
) -> Vec<PathBuf> {
    let words: Vec<String> = changed
        .iter()
        .filter_map(|path| Some(ModuleGraph::import_words(path, graph.files.get(path)?)))
        .flatten()
        .collect();
    if words.is_empty() || candidates.is_empty() {
        return Vec::new();
    }
    let Ok(matcher) = AhoCorasick::new(&words) else { return Vec::new() };
    candidates
        .par_iter()
        .filter(|path| Lang::from_path(path).is_some())
        .filter(|path| sources.read(path).is_some_and(|text| whole_words(&matcher, &text).next().is_some()))
        .map(|path| (*path).clone())
        .collect()
}

/// Reads one changed file again, then the files its new summary reaches: its importers
/// (a few imports deep), and files never read that mention a name it newly exports.
pub fn update(graph: &mut ModuleGraph, path: &Path, sources: &dyn Sources) -> Vec<PathBuf> {
    let before_words = graph.files.get(path).map(|f| ModuleGraph::import_words(path, f)).unwrap_or_default();
    let facts = Batch::new(graph, sources, &Quiet, &Tally::default()).analyse_path(graph, path);
    let mut touched = vec![path.to_path_buf()];
    let changed = store(graph, vec![(path.to_path_buf(), facts)]);
    let new_words: Vec<String> = graph
        .files
        .get(path)
        .map(|f| ModuleGraph::import_words(path, f))
        .unwrap_or_default()
        .into_iter()
        .filter(|word| !before_words.contains(word))
        .collect();
    if !new_words.is_empty() {
        // Borrowed, not copied: the list holds every file of the workspace.
        let candidates: Vec<&PathBuf> =
            graph.resolver.known_files().filter(|f| !graph.files.contains_key(*f) && f.as_path() != path).collect();
        let found = mentioning(graph, &changed, &candidates, sources);
        touched.extend(reanalyse(graph, found, sources));
    }
    touched.extend(follow_importers(graph, changed, sources));
    touched.sort();
    touched.dedup();
    touched
}

/// Forgets a deleted file or folder and reads its importers again.
pub fn remove(graph: &mut ModuleGraph, path: &Path, sources: &dyn Sources) -> Vec<PathBuf> {
    let gone: Vec<PathBuf> = graph.files.keys().filter(|p| p.starts_with(path)).cloned().collect();
    for file in &gone {
        graph.files.remove(file);
    }
    let mut touched = gone.clone();
    touched.extend(follow_importers(graph, gone, sources));
    touched
}

/// Reads again the importers of files whose summary changed, and theirs in turn.
fn follow_importers(graph: &mut ModuleGraph, changed: Vec<PathBuf>, sources: &dyn Sources) -> Vec<PathBuf> {
    let mut touched = Vec::new();
    let mut frontier = changed;
    for _ in 0..MAX_UPDATE_DEPTH {
        let importers: Vec<PathBuf> = frontier.iter().flat_map(|path| graph.importers_of(path)).collect();
        if importers.is_empty() {
            break;
        }
        touched.extend(importers.iter().cloned());
        frontier = reanalyse(graph, importers, sources);
    }
    touched
}

/// Reads files again; the ones whose summary changed.
fn reanalyse(graph: &mut ModuleGraph, files: Vec<PathBuf>, sources: &dyn Sources) -> Vec<PathBuf> {
    let results = Batch::new(graph, sources, &Quiet, &Tally::default()).analyse(graph, &files);
    store(graph, results)
}
