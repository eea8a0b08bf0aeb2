//! The workspace index: every project, its functions, and the call sites of every file
//! that can hold one. Built in one pass (walk, pre-filter, parse in parallel), then kept
//! current file by file. Syntax trees are not kept: only what was read off them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::modules::calls::{self, CallSite};
use crate::project::functions::{EntryReading, FunctionDef, index_functions};
use crate::project::scan::{Scan, scan};
use crate::project::sources::Sources;
use crate::project::{Layout, Project, load_project};
use crate::syntax::diagnostics::Diagnostic;
use crate::syntax::{self, Lang};

#[derive(Debug, Clone)]
pub struct ProjectIndex {
    pub project: Project,
    /// Sorted by name; a duplicated name appears more than once.
    pub functions: Vec<FunctionDef>,
    /// Problems with the project's config and its functions.
    pub problems: Vec<Diagnostic>,
    /// Each function's entry and config file, to its place in `functions`.
    by_file: HashMap<PathBuf, usize>,
    /// Did-you-mean answers by misspelt name: a name stays misspelt keystroke after
    /// keystroke, and comparing it with thousands of names each time is not free.
    pub suggestions: SuggestionCache,
}

/// Shared between the copies of one index; a rebuilt project starts empty.
#[derive(Debug, Clone, Default)]
pub struct SuggestionCache(Arc<Mutex<HashMap<String, Suggestions>>>);

/// Close names, each with the range it replaces, relative to the start of the string.
pub type Suggestions = Vec<(String, std::ops::Range<usize>)>;

impl SuggestionCache {
    pub fn get_or(&self, written: &str, compute: impl FnOnce() -> Suggestions) -> Suggestions {
        if let Some(found) = self.0.lock().ok().and_then(|cache| cache.get(written).cloned()) {
            return found;
        }
        let computed = compute();
        if let Ok(mut cache) = self.0.lock() {
            // Bounded: the names typed into one session, not an unbounded log.
            if cache.len() > 4096 {
                cache.clear();
            }
            cache.insert(written.to_string(), computed.clone());
        }
        computed
    }
}

impl ProjectIndex {
    pub fn function(&self, name: &str) -> Option<&FunctionDef> {
        let at = self.functions.partition_point(|f| f.name.as_str() < name);
        self.functions.get(at).filter(|f| f.name == name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.functions.iter().map(|f| f.name.as_str())
    }

    /// The function whose entry (or config) is this file.
    pub fn function_of_file(&self, path: &Path) -> Option<&FunctionDef> {
        self.by_file.get(path).and_then(|&i| self.functions.get(i))
    }

    /// The function whose entry is this file.
    pub fn function_with_entry(&self, path: &Path) -> Option<&FunctionDef> {
        self.function_of_file(path).filter(|f| f.entry == path)
    }

    /// Whether a file can change the function list: under the functions folder, or
    /// the project's config.
    pub fn affects_functions(&self, path: &Path) -> bool {
        path.starts_with(&self.project.functions_dir)
            || self.project.config_file.as_deref() == Some(path)
            || path.starts_with(self.project.root.join("base44"))
    }
}

#[derive(Debug, Clone, Default)]
pub struct WorkspaceIndex {
    pub folders: Vec<PathBuf>,
    /// Outermost first.
    pub projects: Vec<ProjectIndex>,
    /// Call sites of each file that holds any, as last read from disk.
    pub call_sites: HashMap<PathBuf, Vec<CallSite>>,
}

/// What to build beyond the function list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    /// Read the call sites of every file (for references and counts).
    pub call_sites: bool,
}

impl WorkspaceIndex {
    pub fn build(folders: &[PathBuf], sources: &dyn Sources, options: BuildOptions) -> (Self, Scan) {
        let scan = scan(folders);
        let mut index = Self::functions_only(folders, &scan, sources, EntryReading::Full);
        if options.call_sites {
            index.call_sites = call_sites_of_files(&scan.files, sources, &AtomicUsize::new(0));
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
        Self { folders: folders.to_vec(), projects, call_sites: HashMap::new() }
    }

    pub fn project_of(&self, path: &Path) -> Option<&ProjectIndex> {
        self.projects.iter().filter(|p| p.project.contains(path)).max_by_key(|p| p.project.root.components().count())
    }

    pub fn function_count(&self) -> usize {
        self.projects.iter().map(|p| p.functions.len()).sum()
    }

    /// Re-indexes the functions of the project at `root` after files under it changed.
    pub fn reindex_project(&mut self, root: &Path, sources: &dyn Sources) {
        let Some(slot) = self.projects.iter_mut().find(|p| p.project.root == root) else { return };
        let layout = slot.project.layout;
        // Only the functions folder can hold functions: the rest of the app is not walked.
        let files = scan(std::slice::from_ref(&slot.project.functions_dir)).files;
        *slot = index_project(root, layout, &files, sources, EntryReading::Full);
    }

    /// Reads a file's call sites again (after it changed on disk, or was closed).
    pub fn update_file(&mut self, path: &Path, sources: &dyn Sources) {
        match call_sites_of_file(path, sources) {
            Some(sites) if !sites.is_empty() => {
                self.call_sites.insert(path.to_path_buf(), sites);
            }
            _ => {
                self.call_sites.remove(path);
            }
        }
    }

    pub fn remove_file(&mut self, path: &Path) {
        self.call_sites.retain(|p, _| !p.starts_with(path));
    }
}

fn index_project(
    root: &Path,
    layout: Layout,
    files: &[PathBuf],
    sources: &dyn Sources,
    reading: EntryReading,
) -> ProjectIndex {
    let (project, mut problems) = load_project(root, layout);
    let under: Vec<PathBuf> = files.iter().filter(|f| f.starts_with(&project.functions_dir)).cloned().collect();
    let functions = index_functions(&project, &under, sources, reading);
    problems.extend(functions.problems);
    let mut by_file = HashMap::new();
    for (i, function) in functions.functions.iter().enumerate() {
        by_file.entry(function.entry.clone()).or_insert(i);
        if let Some(config) = &function.config {
            by_file.entry(config.clone()).or_insert(i);
        }
    }
    ProjectIndex { project, functions: functions.functions, problems, by_file, suggestions: SuggestionCache::default() }
}

/// Whether a file can hold a call site: `functions` followed by `.invoke` or `.fetch`
/// (spaces, line breaks, `?`, `!` and `)` allowed between). A cheap test that spares
/// parsing the great majority of files.
pub fn may_hold_call_site(text: &[u8]) -> bool {
    memchr::memmem::find_iter(text, b"functions").any(|at| {
        let mut rest = &text[at + b"functions".len()..];
        let skip = |rest: &[u8]| {
            rest.iter().take_while(|b| b.is_ascii_whitespace() || matches!(b, b'?' | b'!' | b')')).count()
        };
        rest = &rest[skip(rest)..];
        let Some(after_dot) = rest.strip_prefix(b".") else { return false };
        let after_dot = &after_dot[skip(after_dot)..];
        after_dot.starts_with(b"invoke") || after_dot.starts_with(b"fetch")
    })
}

/// The call sites of every file that holds any. `read` counts the files done, for a
/// client watching a large workspace being indexed.
pub fn call_sites_of_files(
    files: &[PathBuf],
    sources: &dyn Sources,
    read: &AtomicUsize,
) -> HashMap<PathBuf, Vec<CallSite>> {
    files
        .par_iter()
        .filter_map(|path| {
            let sites = call_sites_of_file(path, sources);
            read.fetch_add(1, Ordering::Relaxed);
            let sites = sites?;
            (!sites.is_empty()).then(|| (path.clone(), sites))
        })
        .collect()
}

pub fn call_sites_of_file(path: &Path, sources: &dyn Sources) -> Option<Vec<CallSite>> {
    let lang = Lang::from_path(path)?;
    let text = sources.read(path)?;
    if !may_hold_call_site(text.as_bytes()) {
        return Some(Vec::new());
    }
    let tree = syntax::parse(&text, lang, None)?;
    Some(calls::call_sites(&tree, &text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_finds_calls_in_any_layout() {
        for text in [
            "base44.functions.invoke(",
            "x.functions?.fetch(",
            "base44\n  .functions\n  .invoke(",
            "(a.functions)!.invoke",
        ] {
            assert!(may_hold_call_site(text.as_bytes()), "{text}");
        }
        for text in ["const functions = 1; fetch(url)", "functions.map(f => f)", "base44.entities.invoke("] {
            assert!(!may_hold_call_site(text.as_bytes()), "{text}");
        }
    }
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
        let (index, _) = WorkspaceIndex::build(&[tree.path().to_path_buf()], &Disk, BuildOptions { call_sites: true });
        let names: Vec<Vec<&str>> = index.projects.iter().map(|p| p.names().collect()).collect();
        assert_eq!(names, vec![vec!["one"], vec!["two"]]);
        let owner = index.project_of(&tree.path().join("apps/b/src/plain.js")).map(|p| p.project.label());
        assert_eq!(owner.as_deref(), Some("b"));
        let mut files: Vec<String> =
            index.call_sites.keys().map(|p| p.strip_prefix(tree.path()).unwrap_or(p).display().to_string()).collect();
        files.sort();
        assert_eq!(files, ["apps/a/src/page.jsx"]);
    }
}
