//! Publishing diagnostics to clients that do not pull them: the full check for open
//! documents, and for closed files what `check` reports (kept in `Session::problems`).

use std::collections::HashMap;

use tower_lsp_server::ls_types::{self as ls, Uri};

use crate::lsp::convert::{self, FileText, path_to_uri, uri_to_path};
use crate::lsp::problems::result_id;
use crate::lsp::session::Session;
use crate::syntax::diagnostics::Diagnostic;

/// An open document's diagnostics as LSP shows them, with the version they belong to.
pub fn document_diagnostics(session: &Session, uri: &Uri) -> Option<(Vec<ls::Diagnostic>, i32)> {
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
/// published again: what they import from it changed. A client that pulls diagnostics asks
/// for them itself.
pub async fn publish_documents(session: &Session, uris: Vec<Uri>) {
    if session.caps().pull_diagnostics {
        return;
    }
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

/// Publishes the problems of the files that are not open, as `check` reports them, to a
/// push-only client: those whose problems changed since they were last published, and an empty
/// list for those whose problems are gone.
pub async fn publish_closed_files(session: &Session) {
    if session.caps().pull_diagnostics {
        return;
    }
    let settings = session.settings();
    let entries = session.problems.entries();
    let mut batches = Vec::new();
    if let Ok(mut pushed) = session.problems.pushed.lock() {
        let mut now: HashMap<Uri, String> = HashMap::new();
        for (path, entry) in entries {
            let Some(uri) = path_to_uri(&path) else { continue };
            if is_open_uri(session, &uri) {
                continue;
            }
            let id = result_id(entry.id, &settings);
            if pushed.get(&uri) != Some(&id) {
                batches.push((uri.clone(), entry.shown(&settings)));
            }
            now.insert(uri, id);
        }
        for (uri, id) in pushed.drain() {
            if now.contains_key(&uri) {
                continue;
            }
            if is_open_uri(session, &uri) {
                // Its open diagnostics are shown; it is published again when it closes.
                now.insert(uri, id);
            } else {
                batches.push((uri, Vec::new()));
            }
        }
        *pushed = now;
    }
    batches.sort_by(|a, b| a.0.cmp(&b.0));
    for (uri, diagnostics) in batches {
        session.client.publish_diagnostics(uri, diagnostics, None).await;
    }
}

fn is_open_uri(session: &Session, uri: &Uri) -> bool {
    session.docs.contains_key(uri) || uri_to_path(uri).is_some_and(|p| session.is_open(&p))
}

/// After a document closes: what its file shows closed (its problems as `check` reports them,
/// or nothing).
pub async fn publish_closed(session: &Session, uri: Uri) {
    if session.caps().pull_diagnostics {
        return;
    }
    let settings = session.settings();
    let entry = uri_to_path(&uri).and_then(|path| session.problems.entry(&path));
    let diagnostics = entry.as_ref().map(|entry| entry.shown(&settings)).unwrap_or_default();
    if let Ok(mut pushed) = session.problems.pushed.lock() {
        match &entry {
            Some(entry) => pushed.insert(uri.clone(), result_id(entry.id, &settings)),
            None => pushed.remove(&uri),
        };
    }
    session.client.publish_diagnostics(uri, diagnostics, None).await;
}

/// Every file's diagnostics may have changed: a push-only client is sent the open documents'
/// and the closed files' again, a client that pulls is asked to pull again.
pub async fn republish_all(session: &Session) {
    publish_documents(session, open_uris(session)).await;
    publish_closed_files(session).await;
    ask_to_pull_again(session);
}

/// What the client last pulled may be stale: it is told to pull again, when it can be. A
/// push-only client has been sent the changes instead.
pub fn ask_to_pull_again(session: &Session) {
    let caps = session.caps();
    if !caps.pull_diagnostics || !caps.diagnostic_refresh {
        return;
    }
    let client = session.client.clone();
    // Not awaited: a client that never answers holds up nothing.
    tokio::spawn(async move {
        let _ = client.workspace_diagnostic_refresh().await;
    });
}
