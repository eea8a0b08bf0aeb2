//! Checking whole workspaces at once, for `base44-lsp check`: the function index, then
//! every file that can hold a call site or is a function entry, parsed in parallel.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::checks::names::check_file;
use crate::modules::calls;
use crate::modules::index::{WorkspaceIndex, may_hold_call_site};
use crate::project::functions::EntryReading;
use crate::project::scan::scan;
use crate::project::sources::Sources;
use crate::syntax::diagnostics::Diagnostic;
use crate::syntax::{self, Lang};

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
    let index = WorkspaceIndex::functions_only(folders, &scan, sources, EntryReading::Full);
    let mut files: Vec<CheckedFile> = scan
        .files
        .par_iter()
        .filter_map(|path| {
            let project = index.project_of(path)?;
            let text = sources.read(path)?;
            let diagnostics = match Lang::from_path(path) {
                Some(lang) if may_hold_call_site(text.as_bytes()) => {
                    let tree = syntax::parse(&text, lang, None)?;
                    let sites = calls::call_sites(&tree, &text);
                    check_file(&index, path, &text, &tree, &sites)
                }
                // Nothing to read off a tree: the problems the indexer found are all (an
                // entry's serve check among them; entries were parsed while indexing).
                _ => project.problems.iter().filter(|d| &d.path == path).cloned().collect(),
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
