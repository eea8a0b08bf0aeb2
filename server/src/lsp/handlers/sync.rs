//! Document synchronisation. Edits are applied synchronously, before any `.await`:
//! tower-lsp-server runs several messages at once, and an await between receiving an
//! edit and applying it would let a later edit overtake it.

use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
};

use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use crate::lsp::convert::uri_to_path;
use crate::lsp::documents::Document;
use crate::lsp::guard::guarded_notification;
use crate::lsp::session::Session;
use crate::project::sources::Disk;

use super::{diagnostics, indexing};

pub async fn did_open(session: &Arc<Session>, params: DidOpenTextDocumentParams) {
    let item = params.text_document;
    let uri = item.uri.clone();
    adopt_project_of(session, &uri);
    // Inserted under the `ready` lock: either the indexer has finished and this
    // publishes, or the indexer will publish this document when it finishes.
    let publish = match session.ready.lock() {
        Ok(ready) => {
            guarded_notification("didOpen", || {
                session
                    .docs
                    .insert(item.uri.clone(), Document::new(&item.uri, item.version, item.text, &item.language_id));
            });
            *ready
        }
        Err(_) => false,
    };
    if publish {
        diagnostics::publish_documents(session, vec![uri]).await;
    }
}

/// A file opened outside every indexed project (an editor started on a single file, or
/// a workspace folder above or beside the app) brings its project into the index.
fn adopt_project_of(session: &Arc<Session>, uri: &Uri) {
    let Some(path) = uri_to_path(uri) else { return };
    // Files inside the workspace folders are the indexer's business, even mid-way.
    if session.folders().iter().any(|folder| path.starts_with(folder)) {
        return;
    }
    let Some(root) = crate::project::adoptable_root(&path) else { return };
    let added = match session.folders.write() {
        Ok(mut folders) if !folders.iter().any(|f| path.starts_with(f)) => {
            folders.push(root.to_path_buf());
            true
        }
        _ => false,
    };
    if added {
        tokio::spawn(indexing::index_workspace(Arc::clone(session)));
    }
}

pub async fn did_change(session: &Session, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let version = params.text_document.version;
    let applied = match session.docs.get_mut(&uri) {
        // An edit older than what we hold was overtaken: the client's next full state wins.
        Some(mut doc) if version > doc.version => {
            guarded_notification("didChange", || doc.apply_changes(version, params.content_changes));
            true
        }
        _ => false,
    };
    if applied && session.is_ready() {
        diagnostics::publish_documents(session, vec![uri]).await;
    }
}

pub async fn did_close(session: &Arc<Session>, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    let closed = session.docs.remove(&uri);
    session.forget_published(&uri);
    session.problems.forget_pulled(&uri);
    if session.analyses.remove(&uri).is_some() {
        // Its summary is the disk's again for the documents that import it.
        session.open_generation.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    }
    let Some(path) = closed.and_then(|(_, doc)| doc.path) else {
        diagnostics::publish_closed(session, uri).await;
        return;
    };
    // The index's view of the file is the disk's again (unless it was opened again before an
    // indexing run let the index be changed), and so are its problems and those of the files
    // that import it.
    indexing::in_turn(session, move |session, turn| async move {
        if !session.is_open(&path) {
            let worker = Arc::clone(&session);
            let _ = tokio::task::spawn_blocking(move || {
                let mut touched = Vec::new();
                worker.update_index(&turn, |index| touched = index.update_file(&path, &Disk));
                touched.retain(|p| !worker.is_open(p));
                crate::lsp::problems::recheck_files(&worker.problems, &worker.index(), touched, &Disk);
            })
            .await;
        }
        diagnostics::publish_closed(&session, uri).await;
        diagnostics::republish_all(&session).await;
    })
    .await;
}

pub async fn did_save(_session: &Session, _params: DidSaveTextDocumentParams) {
    // Saved files reach the index through watched-file events, which also cover
    // changes made outside the editor.
}
