//! The checks: function names at call sites (`names`), response shapes (`shapes`), and every
//! file of a workspace at once for `base44-lsp check` (`batch`). The editor and `check` both
//! come through [`file_diagnostics`], so they agree on every file.

pub mod batch;
pub mod contracts;
pub mod names;
pub mod parts;
pub mod shapes;

#[cfg(test)]
mod reach_tests;

use std::path::Path;

use tree_sitter::Tree;

use crate::modules::calls::CallSite;
use crate::modules::graph::{Analysis, FactsSource, FileFacts};
use crate::modules::index::WorkspaceIndex;
use crate::project::index::ProjectIndex;
use crate::syntax::diagnostics::Diagnostic;

/// What checking one file gives: its diagnostics, and the facts the index keeps of it.
pub struct FileReport {
    pub diagnostics: Vec<Diagnostic>,
    pub facts: FileFacts,
}

/// Everything base44-lsp reports for one file, given its current text and tree, with its
/// imports read from `facts` (the index, or open documents laid over it).
pub fn check_file(index: &WorkspaceIndex, facts: &dyn FactsSource, path: &Path, src: &str, tree: &Tree) -> FileReport {
    let analysis = index.modules.analyse(facts, path, src, tree);
    let mut diagnostics = file_diagnostics(index.project_of(path), path, src, tree, &analysis);
    // This file's own reads count with the others' (its facts in `facts` may be older).
    let own = &analysis.facts;
    shapes::settle_fixes(&mut diagnostics, |helper, name| {
        own.uses_raw(helper, name) || facts.raw_response_used(helper, name)
    });
    FileReport { diagnostics, facts: analysis.facts }
}

/// The diagnostics of an analysed file: its sites' names against its project's functions,
/// the project problems in it, its calls and reads against the functions' contracts, and the
/// response shapes (the SDK's business, whichever project the file is in).
pub fn file_diagnostics(
    project: Option<&ProjectIndex>,
    path: &Path,
    src: &str,
    tree: &Tree,
    analysis: &Analysis,
) -> Vec<Diagnostic> {
    let (sites, observations) = (&analysis.facts.sites, &analysis.flow.observations);
    let found = match project {
        Some(project) => {
            let check = contracts::Check::new(project, path, src);
            Found { data: check.data_of(tree, analysis.index.top_level(), sites), read: check.reads(observations) }
        }
        None => Found::default(),
    };
    let shapes = shapes::shape_diagnostics(&analysis.index, observations, path, project);
    in_document_order(project, path, src, tree, sites, found, shapes)
}

/// What the contracts say of a file's sites and of the flow's observations in it.
#[derive(Default)]
pub(crate) struct Found {
    /// The data given to each invoke, in the order of the sites ([`contracts::Check::data`]).
    pub data: Vec<Diagnostic>,
    /// The keys read off functions' JSON that no response has ([`contracts::Check::reads`]).
    pub read: Vec<Diagnostic>,
}

/// [`file_diagnostics`] from what the contracts found and the response shapes (`shapes`),
/// with the checks that read the file itself: what checking by parts (`parts`) puts together
/// from its parts' runs.
pub(crate) fn in_document_order(
    project: Option<&ProjectIndex>,
    path: &Path,
    src: &str,
    tree: &Tree,
    sites: &[CallSite],
    found: Found,
    shapes: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(project) = project {
        for site in sites {
            out.extend(names::check_call_site(project, path, site, src));
        }
        out.extend(names::project_problems_in(project, path, src, tree));
        out.extend(found.data);
        out.extend(found.read);
        out.extend(contracts::secret_diagnostics(project, path));
    }
    out.extend(shapes);
    // In document order, as `check` prints them (a stable sort: at one place, in the order
    // gathered above).
    out.sort_by_key(|d| (d.range.start, d.range.end));
    out
}
