//! Checking whole workspaces at once, for `base44-lsp check`: the function index, then
//! every file that can hold a call site or is a function entry, parsed in parallel.

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;

use super::calls;
use super::checks::check_file;
use super::diagnostics::Diagnostic;
use super::index::{WorkspaceIndex, may_hold_call_site};
use super::scan::scan;
use super::sources::Sources;
use super::syntax::{self, Lang};

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

pub fn check_workspace(folders: &[PathBuf], sources: &dyn Sources) -> WorkspaceReport {
    let scan = scan(folders);
    let index = WorkspaceIndex::functions_only(folders, &scan, sources);
    let mut interesting: HashSet<PathBuf> = HashSet::new();
    for project in &index.projects {
        interesting.extend(project.functions.iter().map(|f| f.entry.clone()));
        interesting.extend(project.problems.iter().map(|p| p.path.clone()));
    }
    let mut files: Vec<CheckedFile> = scan
        .files
        .par_iter()
        .filter(|path| index.project_of(path).is_some())
        .filter_map(|path| {
            let text = sources.read(path)?;
            let lang = Lang::from_path(path);
            let diagnostics = match lang {
                Some(lang) if interesting.contains(path) || may_hold_call_site(text.as_bytes()) => {
                    let tree = syntax::parse(&text, lang, None)?;
                    let sites = calls::call_sites(&tree, &text);
                    check_file(&index, path, &text, &tree, &sites)
                }
                // Function configs: their problems were found while indexing.
                _ => index
                    .project_of(path)
                    .map(|p| p.problems.iter().filter(|d| &d.path == path).cloned().collect())
                    .unwrap_or_default(),
            };
            (!diagnostics.is_empty()).then(|| CheckedFile { path: path.clone(), text, diagnostics })
        })
        .collect();
    // Project configs are not in the scan (it lists sources and function configs only).
    for project in &index.projects {
        if let Some(config) = &project.project.config_file {
            let diagnostics: Vec<Diagnostic> = project.problems.iter().filter(|d| &d.path == config).cloned().collect();
            if let (false, Some(text)) = (diagnostics.is_empty(), sources.read(config)) {
                files.push(CheckedFile { path: config.clone(), text, diagnostics });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for file in &mut files {
        file.diagnostics.sort_by_key(|d| (d.range.start, d.range.end));
    }
    WorkspaceReport { index, files }
}
