//! Publishing diagnostics: the full check for open documents, project problems for
//! closed files (configs, entries that never serve).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use tower_lsp_server::ls_types::{self as ls, Uri};

use crate::lsp::convert::{self, FileText, path_to_uri, uri_to_path};
use crate::lsp::session::Session;
use crate::syntax::diagnostics::Diagnostic;

/// An open document's diagnostics as LSP shows them, with the version they belong to.
fn document_diagnostics(session: &Session, uri: &Uri) -> Option<(Vec<ls::Diagnostic>, i32)> {
    let settings = session.settings();
    let analysis = session.analysis(uri);
    let found = analysis.map(|a| a.diagnostics.clone()).unwrap_or_default();
    if found.is_empty() {
        // Nothing to place in the text: no copy of it (a bundle's is megabytes).
        return Some((Vec::new(), session.docs.get(uri)?.version));
    }
    let doc = session.snapshot(uri)?;
    let file = doc.file();
    let converted = found
        .iter()
        .filter_map(|d| {
            let mut converted = convert::diagnostic(d, &file, &settings)?;
            converted.related_information = related_information(session, d);
            Some(converted)
        })
        .collect();
    Some((converted, doc.version))
}

/// The other places a diagnostic points to (a helper's `return` in another file).
fn related_information(session: &Session, diagnostic: &Diagnostic) -> Option<Vec<ls::DiagnosticRelatedInformation>> {
    let related: Vec<ls::DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .filter_map(|related| {
            let (text, lines) = session.file_text(&related.path)?;
            let location = convert::location(&related.path, &FileText { text: &text, lines: &lines }, &related.range)?;
            Some(ls::DiagnosticRelatedInformation { location, message: related.message.clone() })
        })
        .collect();
    (!related.is_empty()).then_some(related)
}

/// Publishes the diagnostics of open documents, skipping any that changed meanwhile
/// (their own change publishes newer ones). When one's summary changed, the others are
/// published again: what they import from it changed.
pub async fn publish_documents(session: &Session, uris: Vec<Uri>) {
    let mut queue = uris;
    let mut rounds = 0;
    while !queue.is_empty() {
        let mut published = Vec::new();
        for uri in std::mem::take(&mut queue) {
            let Some((diagnostics, version)) = document_diagnostics(session, &uri) else { continue };
            // Still the document's version once this publication's turn comes, and not what
            // was last sent for it.
            let still_current = || {
                session.docs.get(&uri).map(|d| d.version) == Some(version)
                    && session.first_publish(&uri, version, &diagnostics)
            };
            let client = &session.client;
            let send = || client.publish_diagnostics(uri.clone(), diagnostics.clone(), Some(version));
            if crate::lsp::publication::in_turn(&session.publishing, still_current, send).await {
                published.push(uri);
            }
        }
        rounds += 1;
        // A cycle of open files re-exporting each other settles in a few rounds.
        if session.take_exports_changed() && rounds < 4 {
            queue = open_uris(session).into_iter().filter(|uri| !published.contains(uri)).collect();
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
