//! The workspace index: every project and its functions, and the module graph: the facts
//! (call sites, summaries) of every file that names a function or reaches one through
//! another file. Built in the background (names first), then kept current file by file.
//! Syntax trees are not kept: only what was read off them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;

use super::calls::CallSite;
use super::flow::env::ConfiguredWrapper;
use super::graph::{FactsSource, FileFacts, ModuleGraph};
use super::reading::{self, Observer};
use super::resolve::{KnownFiles, Resolver};
use crate::project::functions::EntryReading;
use crate::project::index::{ProjectIndex, index_project, project_of};
use crate::project::scan::{Scan, scan};
use crate::project::sources::Sources;

pub use reading::mentions_functions;

#[derive(Debug, Clone, Default)]
pub struct WorkspaceIndex {
    pub folders: Vec<PathBuf>,
    /// Outermost first.
    pub projects: Vec<ProjectIndex>,
    /// Every analysed file's facts, as last read from disk.
    pub modules: ModuleGraph,
}

/// What to build beyond the function list.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Read every file's call sites and summary (for references, counts, cross-file checks).
    pub modules: bool,
    /// Wrappers named in the settings.
    pub wrappers: Vec<ConfiguredWrapper>,
}

impl WorkspaceIndex {
    pub fn build(folders: &[PathBuf], sources: &dyn Sources, options: BuildOptions) -> (Self, Scan) {
        let scan = scan(folders);
        let mut index = Self::functions_only(folders, &scan, sources, EntryReading::Full);
        index.modules.wrappers = Arc::new(options.wrappers);
        if options.modules {
            index.read_modules(&scan.files, sources, &AtomicUsize::new(0), &reading::Quiet);
        }
        (index, scan)
    }

    /// The projects and their functions, without call sites: the first thing a user needs.
    pub fn functions_only(folders: &[PathBuf], scan: &Scan, sources: &dyn Sources, reading: EntryReading) -> Self {
        let projects = scan
            .roots
            .par_iter()
            .map(|(root, layout)| index_project(root, *layout, &scan.files, sources, reading))
            .collect();
        let resolver = Arc::new(Resolver::new(KnownFiles::listed(scan.files.iter().cloned())));
        let modules = ModuleGraph { resolver, ..ModuleGraph::default() };
        Self { folders: folders.to_vec(), projects, modules }
    }

    /// Reads the facts of every file that names a function (or imports one that does), in
    /// rounds until the summaries settle. `read` counts the files looked at; `observer`
    /// sees each analysis (`check` keeps its diagnostics). Returns what it took.
    pub fn read_modules(
        &mut self,
        files: &[PathBuf],
        sources: &dyn Sources,
        read: &AtomicUsize,
        observer: &dyn Observer,
    ) -> reading::ReadCost {
        reading::read_all(&mut self.modules, files, sources, read, observer)
    }

    pub fn project_of(&self, path: &Path) -> Option<&ProjectIndex> {
        project_of(&self.projects, path)
    }

    pub fn function_count(&self) -> usize {
        self.projects.iter().map(|p| p.functions.len()).sum()
    }

    /// Every file's call sites, as last read.
    pub fn call_sites(&self) -> impl Iterator<Item = (&Path, &CallSite)> {
        self.modules.files.iter().flat_map(|(path, facts)| facts.sites.iter().map(move |site| (path.as_path(), site)))
    }

    /// The files that name a function, sorted.
    pub fn files_with_sites(&self) -> Vec<&Path> {
        let mut files: Vec<&Path> =
            self.modules.files.iter().filter(|(_, f)| !f.sites.is_empty()).map(|(p, _)| p.as_path()).collect();
        files.sort();
        files
    }

    pub fn call_site_count(&self) -> usize {
        self.modules.files.values().map(|facts| facts.sites.len()).sum()
    }

    /// Re-indexes the functions of the project at `root` after files under it changed.
    pub fn reindex_project(&mut self, root: &Path, sources: &dyn Sources) {
        let Some(slot) = self.projects.iter_mut().find(|p| p.project.root == root) else { return };
        let layout = slot.project.layout;
        // Only the functions folder can hold functions: the rest of the app is not walked.
        let files = scan(std::slice::from_ref(&slot.project.functions_dir)).files;
        *slot = index_project(root, layout, &files, sources, EntryReading::Full);
    }

    /// Reads a file again (after it changed on disk, or was closed), and the files its
    /// change reaches. Returns the files whose facts changed.
    pub fn update_file(&mut self, path: &Path, sources: &dyn Sources) -> Vec<PathBuf> {
        Arc::make_mut(&mut self.modules.resolver).known_mut().insert(path.to_path_buf());
        reading::update(&mut self.modules, path, sources)
    }

    /// Forgets a deleted file (or folder). Returns the files whose facts changed.
    pub fn remove_file(&mut self, path: &Path, sources: &dyn Sources) -> Vec<PathBuf> {
        Arc::make_mut(&mut self.modules.resolver).known_mut().remove(path);
        reading::remove(&mut self.modules, path, sources)
    }
}

impl FactsSource for WorkspaceIndex {
    fn facts(&self, path: &Path) -> Option<Arc<FileFacts>> {
        self.modules.facts(path)
    }

    fn raw_response_used(&self, helper: &Path, name: &str) -> bool {
        self.modules.raw_response_used(helper, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::sources::Disk;
    use crate::testing::TempTree;

    #[test]
    fn two_projects_nearest_owns_and_call_sites_are_read() {
        let tree = TempTree::new(&[
            ("apps/a/base44/config.jsonc", "{}"),
            ("apps/a/base44/functions/one/entry.ts", "Deno.serve(() => new Response());"),
            ("apps/a/src/page.jsx", "base44.functions.invoke('one');"),
            ("apps/b/base44/config.json", "{ \"functionsDir\": \"fns\" }"),
            ("apps/b/base44/fns/two/entry.ts", "export default () => new Response();"),
            ("apps/b/node_modules/x/index.js", "base44.functions.invoke('hidden');"),
            ("apps/b/ignored/y.js", "base44.functions.invoke('ignored');"),
            ("apps/b/.gitignore", "ignored/\n"),
            ("apps/b/src/plain.js", "const x = 1;"),
        ]);
        let options = BuildOptions { modules: true, ..BuildOptions::default() };
        let (index, _) = WorkspaceIndex::build(&[tree.path().to_path_buf()], &Disk, options);
        let names: Vec<Vec<&str>> = index.projects.iter().map(|p| p.names().collect()).collect();
        assert_eq!(names, vec![vec!["one"], vec!["two"]]);
        let owner = index.project_of(&tree.path().join("apps/b/src/plain.js")).map(|p| p.project.label());
        assert_eq!(owner.as_deref(), Some("b"));
        let mut files: Vec<String> =
            index.call_sites().map(|(p, _)| p.strip_prefix(tree.path()).unwrap_or(p).display().to_string()).collect();
        files.sort();
        assert_eq!(files, ["apps/a/src/page.jsx"]);
    }
}
