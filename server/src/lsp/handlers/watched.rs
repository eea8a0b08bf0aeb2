//! `workspace/didChangeWatchedFiles`: keeping the index current when files change on
//! disk, checking again the closed files the change affects, then republishing (or asking a
//! client that pulls to pull again).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::{DidChangeWatchedFilesParams, FileChangeType};

use crate::features::problems::affected_by_functions;
use crate::lsp::convert::uri_to_path;
use crate::lsp::problems;
use crate::lsp::session::{IndexTurn, Overlay, Session};
use crate::modules::index::WorkspaceIndex;
use crate::project::scan::is_relevant_file;

use super::{diagnostics, indexing, status};

/// What a batch of changes calls for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Plan {
    /// A project appeared, vanished or was reconfigured: index everything again.
    rebuild: bool,
    /// Projects whose function list may have changed, by root.
    projects: Vec<PathBuf>,
    /// Other files whose call sites must be read again (or dropped, when deleted).
    files: Vec<(PathBuf, bool)>,
    /// An env file changed: the secrets open entries read may be defined now, or no longer.
    secrets: bool,
}

fn is_project_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let in_base44 = path.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "base44");
    // Import aliases come from these: every import may resolve elsewhere now.
    let resolves_imports = matches!(
        name,
        "tsconfig.json" | "jsconfig.json" | "deno.json" | "deno.jsonc" | "tsconfig.jsonc" | "jsconfig.jsonc"
    );
    resolves_imports
        || name == "base44"
        || name == "functions"
        || (in_base44 && (name.starts_with("config.") || name.starts_with(".app.")))
}

pub async fn did_change_watched_files(session: &Arc<Session>, params: DidChangeWatchedFilesParams) {
    let changes: Vec<(PathBuf, bool)> = params
        .changes
        .iter()
        .filter_map(|change| Some((uri_to_path(&change.uri)?, change.typ == FileChangeType::DELETED)))
        .collect();
    files_changed(session, changes).await;
}

/// Files changed on disk (path, whether deleted), told by the client or written by a command.
pub async fn files_changed(session: &Arc<Session>, changes: Vec<(PathBuf, bool)>) {
    indexing::in_turn(session, move |session, turn| apply(session, changes, turn)).await;
}

/// Brings the index up to date with changed files (path, whether deleted), planned from
/// the index as it is once the turn comes.
async fn apply(session: Arc<Session>, changes: Vec<(PathBuf, bool)>, turn: IndexTurn) {
    let plan = plan(&session.index(), changes);
    let plan_secrets = plan.secrets;
    if plan.rebuild {
        indexing::index_workspace_in_turn(session, turn).await;
        return;
    }
    let worker = Arc::clone(&session);
    let updated = tokio::task::spawn_blocking(move || {
        let sources = Overlay(&worker);
        // The files whose problems the change can alter, checked again once the index is current.
        let mut touched: Vec<PathBuf> = Vec::new();
        worker.update_index(&turn, |index| {
            for root in &plan.projects {
                let before = index.projects.iter().find(|p| &p.project.root == root).cloned();
                index.reindex_project(root, &sources);
                let after = index.projects.iter().find(|p| &p.project.root == root);
                if let (Some(before), Some(after)) = (before, after) {
                    touched.extend(affected_by_functions(index, &before, after));
                }
            }
            for (path, deleted) in &plan.files {
                if *deleted {
                    touched.extend(index.remove_file(path, &sources));
                } else if !worker.is_open(path) {
                    touched.extend(index.update_file(path, &sources));
                }
            }
        });
        for (path, _) in plan.files.iter().filter(|(_, deleted)| *deleted) {
            worker.problems.remove_under(path);
        }
        if plan.secrets {
            // The entries reading secrets: an env file may define them now, or no longer.
            let index = worker.index();
            let functions = index.projects.iter().flat_map(|p| p.functions.iter());
            touched.extend(
                functions
                    .filter(|f| f.contract.as_ref().is_some_and(|c| !c.secrets.is_empty()))
                    .map(|f| f.entry.clone()),
            );
        }
        touched.sort();
        touched.dedup();
        touched
            .retain(|path| !worker.is_open(path) && !plan.files.iter().any(|(gone, d)| *d && path.starts_with(gone)));
        problems::recheck_files(&worker.problems, &worker.index(), touched, &sources);
        (!plan.projects.is_empty(), !plan.files.is_empty())
    })
    .await;
    let (projects, files) = updated.unwrap_or((false, false));
    if projects || files || plan_secrets {
        // Open documents may import from a changed file: what they call may have changed.
        diagnostics::republish_all(&session).await;
    }
    if projects {
        status::send(&session, "ready").await;
    }
}

fn plan(index: &WorkspaceIndex, changes: Vec<(PathBuf, bool)>) -> Plan {
    let mut plan = Plan::default();
    for (path, deleted) in changes {
        if path.file_name().is_some_and(|name| name == ".env") {
            plan.secrets = true;
            continue;
        }
        if is_project_file(&path) || (deleted && index.projects.iter().any(|p| p.project.root.starts_with(&path))) {
            plan.rebuild = true;
            continue;
        }
        if let Some(project) = index.projects.iter().rfind(|p| p.affects_functions(&path))
            && !plan.projects.contains(&project.project.root)
        {
            plan.projects.push(project.project.root.clone());
        }
        if is_relevant_file(&path) || deleted {
            plan.files.push((path, deleted));
        }
    }
    plan
}
