//! A project's functions as the index keeps them: sorted for lookups, each entry and
//! config mapped back to its function, with the project's problems and a cache of
//! did-you-mean answers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::functions::{EntryReading, FunctionDef, index_functions};
use super::sources::Sources;
use super::{Layout, Project, load_project};
use crate::syntax::diagnostics::Diagnostic;

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
        self.functions_named(name).first()
    }

    /// Every function of this name: more than one when the name is duplicated, found by
    /// binary search since `functions` is sorted by name.
    pub fn functions_named(&self, name: &str) -> &[FunctionDef] {
        let start = self.functions.partition_point(|f| f.name.as_str() < name);
        let len = self.functions[start..].partition_point(|f| f.name == name);
        &self.functions[start..start + len]
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

pub fn index_project(
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
    // The types file as on disk, whatever an editor holds: tools write it, TypeScript and the
    // CLI read it there, and the hint must go once `base44.generateTypes` has written it.
    let names = functions.functions.iter().map(|f| f.name.as_str());
    problems.extend(super::types_file::out_of_date(&project, names, &super::sources::Disk));
    let mut by_file = HashMap::new();
    for (i, function) in functions.functions.iter().enumerate() {
        by_file.entry(function.entry.clone()).or_insert(i);
        if let Some(config) = &function.config {
            by_file.entry(config.clone()).or_insert(i);
        }
    }
    ProjectIndex { project, functions: functions.functions, problems, by_file, suggestions: SuggestionCache::default() }
}

/// The project a file belongs to: the innermost that holds it.
pub fn project_of<'p>(projects: &'p [ProjectIndex], path: &Path) -> Option<&'p ProjectIndex> {
    projects.iter().filter(|p| p.project.contains(path)).max_by_key(|p| p.project.root.components().count())
}
