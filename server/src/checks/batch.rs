//! Checking whole workspaces at once, for `base44-lsp check`: the function index, then the
//! module graph read in rounds (each file's diagnostics kept from its last analysis), and
//! the project problems of every other file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;
use tree_sitter::Tree;

use super::file_diagnostics;
use crate::modules::flow::env::ConfiguredWrapper;
use crate::modules::graph::{Analysis, FactsSource};
use crate::modules::index::WorkspaceIndex;
use crate::modules::reading::{Observer, ReadCost, read_all};
use crate::project::functions::EntryReading;
use crate::project::index::{ProjectIndex, project_of};
use crate::project::scan::scan;
use crate::project::sources::Sources;
use crate::syntax::diagnostics::Diagnostic;

/// A checked file: its text (to turn offsets into lines) and its diagnostics.
pub struct CheckedFile {
    pub path: PathBuf,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct WorkspaceReport {
    pub index: WorkspaceIndex,
    /// Files with at least one diagnostic, sorted by path; diagnostics by position.
    pub files: Vec<CheckedFile>,
}

/// Keeps the diagnostics of each file as it is analysed (the last analysis wins: it saw
/// the settled summaries).
struct Collect<'p> {
    projects: &'p [ProjectIndex],
    found: Mutex<HashMap<PathBuf, Vec<Diagnostic>>>,
}

impl Observer for Collect<'_> {
    fn analysed(&self, path: &Path, src: &str, tree: &Tree, analysis: &Analysis) {
        let Some(project) = project_of(self.projects, path) else { return };
        let diagnostics = file_diagnostics(Some(project), path, src, tree, analysis);
        if let Ok(mut found) = self.found.lock() {
            found.insert(path.to_path_buf(), diagnostics);
        }
    }

    /// An entry's serve check reads the whole file.
    fn needs_whole_tree(&self, path: &Path) -> bool {
        project_of(self.projects, path).is_some_and(|project| project.function_with_entry(path).is_some())
    }
}

pub fn check_workspace(
    folders: &[PathBuf],
    sources: &dyn Sources,
    wrappers: Vec<ConfiguredWrapper>,
) -> WorkspaceReport {
    let scan = scan(folders);
    let mut index = WorkspaceIndex::functions_only(folders, &scan, sources, EntryReading::Full);
    index.modules.wrappers = std::sync::Arc::new(wrappers);
    let (found, _) = read_and_check(&mut index, &scan.files, sources, &AtomicUsize::new(0));
    let files: Vec<CheckedFile> = found
        .into_par_iter()
        .filter_map(|(path, diagnostics)| Some(CheckedFile { text: sources.read(&path)?, path, diagnostics }))
        .collect();
    WorkspaceReport { index, files }
}

/// Reads the module graph of `index` from `files` (every file that names a function, in
/// rounds; `read` counts the files looked at), keeping each analysed file's diagnostics, and
/// returns every file with a problem: the files of the workspace and each project's own files
/// outside them (its config, its types file). Sorted by path; diagnostics by position. This is
/// what `check` reports, and what the editor's index keeps for files nobody has open. With
/// what reading the graph took.
pub fn read_and_check(
    index: &mut WorkspaceIndex,
    files: &[PathBuf],
    sources: &dyn Sources,
    read: &AtomicUsize,
) -> (BTreeMap<PathBuf, Vec<Diagnostic>>, ReadCost) {
    let collect = Collect { projects: &index.projects, found: Mutex::new(HashMap::new()) };
    let cost = read_all(&mut index.modules, files, sources, read, &collect);
    let mut analysed = collect.found.into_inner().unwrap_or_default();
    for diagnostics in analysed.values_mut() {
        super::shapes::settle_fixes(diagnostics, |helper, name| index.modules.raw_response_used(helper, name));
    }
    let mut found: BTreeMap<PathBuf, Vec<Diagnostic>> = files
        .par_iter()
        .filter_map(|path| {
            let project = project_of(&index.projects, path)?;
            let diagnostics = match analysed.get(path) {
                Some(diagnostics) => diagnostics.clone(),
                // Not analysed: the problems the indexer found (an entry's serve check among
                // them; entries were parsed while indexing) and an entry's secrets.
                None => {
                    let mut found: Vec<Diagnostic> =
                        project.problems.iter().filter(|d| &d.path == path).cloned().collect();
                    found.extend(super::contracts::secret_diagnostics(project, path));
                    found
                }
            };
            (!diagnostics.is_empty()).then(|| (path.clone(), diagnostics))
        })
        .collect();
    // Project configs and types files are not in the scan (it lists sources and function
    // configs only, and skips hidden folders such as `base44/.types`).
    for project in &index.projects {
        for problem in project.problems.iter().filter(|d| files.binary_search(&d.path).is_err()) {
            found.entry(problem.path.clone()).or_default().push(problem.clone());
        }
    }
    for diagnostics in found.values_mut() {
        diagnostics.sort_by_key(|d| (d.range.start, d.range.end));
    }
    (found, cost)
}
