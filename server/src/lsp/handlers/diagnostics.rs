//! Publishing diagnostics: the full check for open documents, project problems for
//! closed files (configs, entries that never serve).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use tower_lsp_server::ls_types::{self as ls, Uri};

use crate::analysis::checks::{check_file, index_diagnostics};
use crate::analysis::diagnostics::Diagnostic;
use crate::analysis::index::WorkspaceIndex;
use crate::analysis::shapes::response_shape_diagnostics;
use crate::lsp::convert::{self, FileText, path_to_uri, uri_to_path};
use crate::lsp::documents::Document;
use crate::lsp::guard::guarded;
use crate::lsp::session::Session;

/// Documents longer than this are checked on two threads: the response-shape checks on
/// one, the rest on the other. Below it both take microseconds, less than a thread.
const TWO_THREADS_FROM_BYTES: usize = 32 * 1024;

/// The analysis diagnostics of an open document, against the current index, in
/// [`check_file`]'s order however many threads find them.
pub fn analyse(index: &WorkspaceIndex, doc: &Document) -> Vec<Diagnostic> {
    let (Some(path), Some(tree)) = (&doc.path, &doc.tree) else { return Vec::new() };
    if doc.text.len() < TWO_THREADS_FROM_BYTES {
        return check_file(index, path, &doc.text, tree, &doc.sites);
    }
    // In a 5,000-line file each half is milliseconds, on every keystroke.
    std::thread::scope(|scope| {
        let shapes = std::thread::Builder::new()
            .name("base44-shapes".into())
            .spawn_scoped(scope, || response_shape_diagnostics(tree, &doc.text, path));
        let Ok(shapes) = shapes else { return check_file(index, path, &doc.text, tree, &doc.sites) };
        let mut found = index_diagnostics(index, path, &doc.text, tree, &doc.sites);
        match shapes.join() {
            Ok(shapes) => found.extend(shapes),
            // The caller's guard reports it, as for a panic on this thread.
            Err(panic) => std::panic::resume_unwind(panic),
        }
        found
    })
}

/// An open document's diagnostics as LSP shows them, with the version they belong to.
fn document_diagnostics(session: &Session, uri: &Uri) -> Option<(Vec<ls::Diagnostic>, i32)> {
    // Settings and index first: no other lock is taken while a document's is held.
    let settings = session.settings();
    let index = session.index();
    let doc = session.docs.get(uri)?;
    let found = guarded("diagnostics", || analyse(&index, &doc)).unwrap_or_default();
    let file = doc.file();
    let converted = found.iter().filter_map(|d| convert::diagnostic(d, &file, &settings)).collect();
    Some((converted, doc.version))
}

/// Publishes the diagnostics of open documents, skipping any that changed meanwhile
/// (their own change publishes newer ones).
pub async fn publish_documents(session: &Session, uris: Vec<Uri>) {
    for uri in uris {
        let Some((diagnostics, version)) = document_diagnostics(session, &uri) else { continue };
        let current = session.docs.get(&uri).map(|d| d.version);
        if current == Some(version) {
            session.client.publish_diagnostics(uri, diagnostics, Some(version)).await;
        }
    }
}

pub fn open_uris(session: &Session) -> Vec<Uri> {
    let mut uris: Vec<Uri> = session.docs.iter().map(|d| d.key().clone()).collect();
    uris.sort();
    uris
}

/// Publishes the problems of every project in files that are not open, and clears
/// those published before that are gone.
pub async fn publish_project_problems(session: &Session) {
    let index = session.index();
    let settings = session.settings();
    let mut by_file: BTreeMap<PathBuf, Vec<&Diagnostic>> = BTreeMap::new();
    for project in &index.projects {
        for problem in &project.problems {
            by_file.entry(problem.path.clone()).or_default().push(problem);
        }
    }
    let mut published = HashSet::new();
    let mut batches = Vec::new();
    for (path, problems) in by_file {
        if session.is_open(&path) {
            continue;
        }
        let (Some(uri), Some((text, lines))) = (path_to_uri(&path), session.file_text(&path)) else { continue };
        let file = FileText { text: &text, lines: &lines };
        let diagnostics: Vec<ls::Diagnostic> =
            problems.iter().filter_map(|d| convert::diagnostic(d, &file, &settings)).collect();
        published.insert(uri.clone());
        batches.push((uri, diagnostics));
    }
    let stale: Vec<Uri> = match session.problem_uris.lock() {
        Ok(mut before) => {
            let stale = before.difference(&published).filter(|uri| !is_open_uri(session, uri)).cloned().collect();
            *before = published;
            stale
        }
        Err(_) => Vec::new(),
    };
    for uri in stale {
        batches.push((uri, Vec::new()));
    }
    batches.sort_by(|a, b| a.0.cmp(&b.0));
    for (uri, diagnostics) in batches {
        session.client.publish_diagnostics(uri, diagnostics, None).await;
    }
}

fn is_open_uri(session: &Session, uri: &Uri) -> bool {
    session.docs.contains_key(uri) || uri_to_path(uri).is_some_and(|p| session.is_open(&p))
}

/// After a document closes: what its file shows closed (its project problems, or nothing).
pub async fn publish_closed(session: &Session, uri: Uri) {
    let index = session.index();
    let settings = session.settings();
    let path = uri_to_path(&uri);
    let problems: Vec<&Diagnostic> = path
        .as_ref()
        .and_then(|p| index.project_of(p))
        .map(|project| project.problems.iter().filter(|d| Some(&d.path) == path.as_ref()).collect())
        .unwrap_or_default();
    let diagnostics = match (problems.is_empty(), path.as_ref().and_then(|p| session.file_text(p))) {
        (false, Some((text, lines))) => {
            let file = FileText { text: &text, lines: &lines };
            if let Ok(mut published) = session.problem_uris.lock() {
                published.insert(uri.clone());
            }
            problems.iter().filter_map(|d| convert::diagnostic(d, &file, &settings)).collect()
        }
        _ => Vec::new(),
    };
    session.client.publish_diagnostics(uri, diagnostics, None).await;
}
