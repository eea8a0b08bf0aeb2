//! Checking an open document again after an edit, running the flow only over the parts of
//! the file the edit touched (`modules::parts`) and keeping what the other parts gave, moved
//! by the edit. The answer is [`check_file`](super::check_file)'s: the tests compare the two
//! on random edits. Where that cannot be vouched for (a run reached the flow's bounds, or left
//! its part, or the file is nested past the flow's depth), the whole file is checked instead.
//! The names at the sites, the project's problems, the secrets and the fixes' settling are
//! checked over the whole file every time, as [`check_file`](super::check_file) does: they
//! cost little, and the names' answers follow the index, not the part.
//!
//! Parts are independent, so runs over them add up to one run over the file, but for the
//! flow's bounds: its steps are counted for the whole file, and a run over the whole file
//! releases wrappers only in a round where no part released anything else, so such a part
//! can need more of the file's rounds than it needs alone. Both are checked (see `fits`).

mod shift;
#[cfg(test)]
mod tests;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tree_sitter::Tree;

use super::{FileReport, Found, check_file, contracts, in_document_order, shapes};
use crate::modules::calls::{CallSite, Namer};
use crate::modules::flow::env::Env;
use crate::modules::flow::index::Index;
use crate::modules::flow::shape::Shape;
use crate::modules::flow::{MAX_FLOW_ROUNDS, MAX_FLOW_STEPS, Part, RunStats, analyse_part};
use crate::modules::graph::{FactsSource, FileFacts};
use crate::modules::imports::{Exported, Import, ModuleSyntax, ReExport};
use crate::modules::index::WorkspaceIndex;
use crate::modules::parts::Split;
use crate::syntax::diagnostics::Diagnostic;

/// What checking a version of a file by parts kept for checking the next one.
#[derive(Debug)]
pub struct PartsState {
    /// This version's tree, kept alive so that tree-sitter's ids of its statements stay its
    /// own: a later tree built from it shares the subtrees of unchanged statements.
    #[allow(dead_code)]
    tree: Tree,
    /// The kind of the tree's root: `program`, or an error that holds the whole file (and
    /// then no name is declared at the top).
    root_kind: u16,
    generation: u64,
    imports: Vec<Import>,
    reexports: Vec<ReExport>,
    env: Env,
    split: Split,
    /// What each part of `split` gave, in its order.
    results: Vec<Arc<PartResult>>,
    /// How many parts the flow ran over for this version (the others were kept).
    #[cfg_attr(not(test), allow(dead_code))]
    parts_run: usize,
}

/// What the flow gave in one part.
#[derive(Debug, Clone, Default)]
pub(crate) struct PartResult {
    sites: Vec<CallSite>,
    /// The contracts' word on the data given at each of its sites (`contracts::Check::data`).
    data: Vec<Vec<Diagnostic>>,
    /// With where each was exported, for their order in the file.
    exports: Vec<(usize, String, Shape)>,
    namers: Vec<Namer>,
    raw_uses: Vec<(PathBuf, String)>,
    json_spots: Vec<(Range<usize>, String)>,
    /// Its keys read off functions' JSON that no response has (`contracts::Check::reads`).
    read: Vec<Diagnostic>,
    /// Its response-shape diagnostics.
    diagnostics: Vec<Diagnostic>,
    stats: RunStats,
}

/// Checks a file, by parts when `previous` (the state of its last version, checked against
/// the index of generation `generation`) lets some be kept. Returns the state for the next
/// version, or `None` when the file was checked whole.
pub fn check_file_by_parts(
    previous: Option<&PartsState>,
    generation: u64,
    index: &WorkspaceIndex,
    facts: &dyn FactsSource,
    path: &Path,
    src: &str,
    tree: &Tree,
) -> (FileReport, Option<PartsState>) {
    let file = File { index, facts, path, src, tree };
    match by_parts(previous, generation, &file) {
        Some((report, state)) => (report, Some(state)),
        None => (check_file(index, facts, path, src, tree), None),
    }
}

/// The file checked, and what it is checked against.
struct File<'a> {
    index: &'a WorkspaceIndex,
    facts: &'a dyn FactsSource,
    path: &'a Path,
    src: &'a str,
    tree: &'a Tree,
}

fn by_parts(previous: Option<&PartsState>, generation: u64, file: &File) -> Option<(FileReport, PartsState)> {
    let File { index, facts, path, src, tree } = *file;
    let flow_index = Index::build(tree, src);
    let module = ModuleSyntax::read(tree, src);
    let (env, deps) = index.modules.env_for(facts, path, &module);
    let project = index.project_of(path);
    // What the parts gave holds only while the functions, the imports and what they bring
    // are the same.
    let root_kind = tree.root_node().kind_id();
    let previous = previous.filter(|p| {
        p.generation == generation
            && p.root_kind == root_kind
            && p.imports == module.imports
            && p.reexports == module.reexports
            && p.env.imports == env.imports
            && p.env.wrappers == env.wrappers
            && p.env.lookalike_imported == env.lookalike_imported
    });
    let (split, same) = Split::new(tree, &flow_index, previous.map(|p| &p.split));
    let old_part_of: HashMap<usize, usize> = previous
        .map(|p| p.split.parts.iter().enumerate().flat_map(|(n, part)| part.iter().map(move |&s| (s, n))).collect())
        .unwrap_or_default();
    let mut results = Vec::with_capacity(split.parts.len());
    let mut parts_run = 0;
    for part in &split.parts {
        let kept = previous.and_then(|previous| {
            let old = same[*part.first()?].and_then(|s| old_part_of.get(&s)).copied()?;
            let old_part = &previous.split.parts[old];
            let unchanged =
                old_part.len() == part.len() && part.iter().zip(old_part).all(|(&new, &old)| same[new] == Some(old));
            if !unchanged {
                return None;
            }
            // Where each of its statements was, and where it starts now.
            let moves: Vec<(Range<usize>, usize)> = old_part
                .iter()
                .zip(part)
                .map(|(&old, &new)| (previous.split.statements[old].range.clone(), split.statements[new].range.start))
                .collect();
            shift::part_result(&previous.results[old], &moves, path)
        });
        let result = match kept {
            Some(result) => result,
            None => {
                parts_run += 1;
                let ranges = split.ranges(part);
                let (flow, stats) = analyse_part(&flow_index, &module, &env, path, Part::Statements(&ranges));
                let diagnostics = shapes::shape_diagnostics(&flow_index, &flow.observations, path, project);
                let check = project.map(|p| contracts::Check::new(p, path, src));
                let read = check.as_ref().map(|c| c.reads(&flow.observations)).unwrap_or_default();
                let top = flow_index.top_level();
                let data = match &check {
                    Some(check) => flow.sites.iter().map(|site| check.data(tree, top, site)).collect(),
                    None => vec![Vec::new(); flow.sites.len()],
                };
                let result = PartResult {
                    sites: flow.sites,
                    data,
                    exports: export_places(&module, &ranges, &flow.exports),
                    namers: flow.namers,
                    raw_uses: flow.raw_uses,
                    json_spots: flow.json_spots,
                    read,
                    diagnostics,
                    stats,
                };
                // A run that reported anything outside its part was not over a part at all.
                let stay: Vec<(Range<usize>, usize)> = ranges.iter().map(|r| (r.clone(), r.start)).collect();
                shift::part_result(&result, &stay, path)?;
                result
            }
        };
        results.push(Arc::new(result));
    }
    if flow_index.too_deep() || !fits(&results) {
        return None;
    }
    let report = compose(&results, module.reexports.clone(), deps, project, file);
    let state = PartsState {
        tree: tree.clone(),
        root_kind,
        generation,
        imports: module.imports,
        reexports: module.reexports,
        env,
        split,
        results,
        parts_run,
    };
    Some((report, state))
}

/// Each export of a part with where it was exported: the part's exports of the file's module
/// in their order, the flow's (a subset, in that order) matched by name.
fn export_places(
    module: &ModuleSyntax,
    ranges: &[Range<usize>],
    exports: &[(String, Shape)],
) -> Vec<(usize, String, Shape)> {
    let mut places = module
        .exports
        .iter()
        .map(|(name, exported)| match exported {
            Exported::Binding(node) | Exported::Expression(node) => (name, node.start_byte()),
        })
        .filter(|(_, at)| ranges.iter().any(|range| range.contains(at)));
    exports
        .iter()
        .filter_map(|(name, shape)| {
            let (_, at) = places.find(|(exported, _)| *exported == name)?;
            Some((at, name.clone(), shape.clone()))
        })
        .collect()
}

/// Whether one run over the whole file would have run every part's runs to their end: the
/// steps of all, and the rounds of releases once parts that release only wrappers wait for
/// a round where no part releases anything else.
fn fits(results: &[Arc<PartResult>]) -> bool {
    let steps: usize = results.iter().map(|r| r.stats.steps).sum();
    if steps > MAX_FLOW_STEPS || results.iter().any(|r| r.stats.rounds.len() >= MAX_FLOW_ROUNDS) {
        return false;
    }
    // Each part's rounds, in order: `true` where it released only wrappers.
    let mut next: Vec<usize> = vec![0; results.len()];
    let mut rounds = 0;
    loop {
        let pending: Vec<usize> = (0..results.len()).filter(|&p| next[p] < results[p].stats.rounds.len()).collect();
        if pending.is_empty() {
            return true;
        }
        rounds += 1;
        if rounds >= MAX_FLOW_ROUNDS {
            return false;
        }
        let others = pending.iter().any(|&p| !results[p].stats.rounds[next[p]]);
        for p in pending {
            // In a round where some part releases helpers, the parts at a wrappers-only
            // round wait.
            if !(others && results[p].stats.rounds[next[p]]) {
                next[p] += 1;
            }
        }
    }
}

/// The file's report from its parts', as one run over the whole file gives it.
fn compose(
    results: &[Arc<PartResult>],
    reexports: Vec<ReExport>,
    deps: Vec<PathBuf>,
    project: Option<&crate::project::index::ProjectIndex>,
    file: &File,
) -> FileReport {
    let File { facts, path, src, tree, .. } = *file;
    // Each site with what the contracts say of its data, in the flow's order of sites.
    let mut sites: Vec<(&CallSite, &Vec<Diagnostic>)> =
        results.iter().flat_map(|r| r.sites.iter().zip(&r.data)).collect();
    sites.sort_by_key(|(s, _)| (s.call.start, s.content.start));
    sites.dedup_by(|(a, _), (b, _)| a.content == b.content && a.form == b.form);
    let data: Vec<Diagnostic> = sites.iter().flat_map(|(_, data)| data.iter().cloned()).collect();
    let sites: Vec<CallSite> = sites.into_iter().map(|(site, _)| site.clone()).collect();
    let mut exports: Vec<&(usize, String, Shape)> = results.iter().flat_map(|r| &r.exports).collect();
    exports.sort_by_key(|(at, _, _)| *at);
    let mut namers: Vec<Namer> = results.iter().flat_map(|r| r.namers.iter().cloned()).collect();
    namers.sort_by(|a, b| (&a.name, a.arg).cmp(&(&b.name, b.arg)));
    namers.dedup();
    let raw_uses: BTreeSet<(PathBuf, String)> = results.iter().flat_map(|r| r.raw_uses.iter().cloned()).collect();
    let mut json_spots: Vec<(Range<usize>, String)> =
        results.iter().flat_map(|r| r.json_spots.iter().cloned()).collect();
    // As the flow finishes a whole file's: in document order, each once.
    json_spots.sort_unstable_by(|a, b| (a.0.start, a.0.end, &a.1).cmp(&(b.0.start, b.0.end, &b.1)));
    json_spots.dedup();
    let facts_of_file = FileFacts {
        sites,
        exports: exports.into_iter().map(|(_, name, shape)| (name.clone(), shape.clone())).collect(),
        reexports,
        deps,
        namers,
        raw_uses: raw_uses.into_iter().collect(),
        json_spots,
    };
    let mut read: Vec<Diagnostic> = results.iter().flat_map(|r| r.read.iter().cloned()).collect();
    contracts::in_order_once(&mut read);
    let mut shape_diagnostics: Vec<Diagnostic> = results.iter().flat_map(|r| r.diagnostics.iter().cloned()).collect();
    // As the shape check finishes a whole file's: in document order, each (range, code) once.
    shape_diagnostics.sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
    shape_diagnostics.dedup_by(|a, b| a.range == b.range && a.code == b.code);
    let found = Found { data, read };
    let mut diagnostics = in_document_order(project, path, src, tree, &facts_of_file.sites, found, shape_diagnostics);
    let own = &facts_of_file;
    shapes::settle_fixes(&mut diagnostics, |helper, name| {
        own.uses_raw(helper, name) || facts.raw_response_used(helper, name)
    });
    FileReport { diagnostics, facts: facts_of_file }
}
