//! Walking workspace folders once: every source file, function config and project root,
//! skipping `node_modules`, `.git` and what `.gitignore` ignores.
//!
//! The workspace may be hostile. Links to folders are not followed (so a loop is one entry), a
//! linked file is kept only when its real path lies inside the folder walked, and what cannot
//! be read (a folder without permission, a file gone mid-walk) is skipped with a log line.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::project::{self, Layout, confine};
use crate::syntax::Lang;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Project roots and their layouts, outermost first.
    pub roots: Vec<(PathBuf, Layout)>,
    /// Every JS/TS file and function config, sorted.
    pub files: Vec<PathBuf>,
}

/// Whether a path is one a Base44 project cares about.
pub fn is_relevant_file(path: &Path) -> bool {
    Lang::from_path(path).is_some()
        || path.file_name().and_then(|n| n.to_str()).is_some_and(|n| matches!(n, "function.json" | "function.jsonc"))
}

pub fn scan(folders: &[PathBuf]) -> Scan {
    let files = Mutex::new(Vec::new());
    let dirs = Mutex::new(Vec::new());
    for folder in folders {
        let walker = WalkBuilder::new(folder)
            .hidden(true)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(true)
            .require_git(false)
            .filter_entry(|entry| entry.file_name() != "node_modules")
            .build_parallel();
        walker.run(|| {
            let mut batch = Batch { files: Vec::new(), dirs: Vec::new(), all_files: &files, all_dirs: &dirs };
            Box::new(move |entry| {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(error) => {
                        eprintln!("base44-lsp: skipped while reading the workspace: {error}");
                        return WalkState::Continue;
                    }
                };
                if entry.path_is_symlink() && !confine::really_inside(folder, entry.path()) {
                    eprintln!("base44-lsp: skipped {}: it links outside {}", entry.path().display(), folder.display());
                    return WalkState::Continue;
                }
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                let name = entry.file_name();
                if is_dir && (name == "base44" || name == "functions") {
                    batch.dirs.push(entry.path().to_path_buf());
                } else if !is_dir && is_relevant_file(entry.path()) {
                    batch.files.push(entry.into_path());
                    if batch.files.len() >= 512 {
                        batch.flush();
                    }
                }
                WalkState::Continue
            })
        });
    }
    let mut files = files.into_inner().unwrap_or_default();
    files.sort();
    files.dedup();
    let dirs = dirs.into_inner().unwrap_or_default();
    Scan { roots: project_roots(&dirs), files }
}

/// One walker thread's findings, added to the shared lists in batches (and when the
/// thread is done) so the locks are taken rarely.
struct Batch<'a> {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    all_files: &'a Mutex<Vec<PathBuf>>,
    all_dirs: &'a Mutex<Vec<PathBuf>>,
}

impl Batch<'_> {
    fn flush(&mut self) {
        if let Ok(mut all) = self.all_files.lock() {
            all.append(&mut self.files);
        }
        if let Ok(mut all) = self.all_dirs.lock() {
            all.append(&mut self.dirs);
        }
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

fn project_roots(dirs: &[PathBuf]) -> Vec<(PathBuf, Layout)> {
    let mut roots: Vec<(PathBuf, Layout)> = dirs
        .iter()
        .filter(|d| d.file_name().is_some_and(|n| n == "base44"))
        .filter_map(|d| d.parent())
        .filter(|root| project::is_base44_root(root))
        .map(|root| (root.to_path_buf(), Layout::Base44))
        .collect();
    let base44_roots: Vec<PathBuf> = roots.iter().map(|(r, _)| r.clone()).collect();
    for dir in dirs.iter().filter(|d| d.file_name().is_some_and(|n| n == "functions")) {
        let Some(root) = dir.parent() else { continue };
        // A `functions/` inside a Base44 project is that project's business.
        if base44_roots.iter().any(|r| root.starts_with(r)) {
            continue;
        }
        if project::is_flat_root(root) {
            roots.push((root.to_path_buf(), Layout::Flat));
        }
    }
    roots.sort_by_key(|(r, _)| (r.components().count(), r.clone()));
    roots.dedup();
    roots
}
