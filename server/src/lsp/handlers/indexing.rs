//! Building the workspace index in the background: first the projects and their
//! functions' names (then open documents get their diagnostics), then what takes parsing:
//! how entries serve, their docs, and every file's call sites (for references and call
//! counts). Requests are answered meanwhile with what is known.

use std::sync::Arc;

use tower_lsp_server::ls_types::ProgressToken;

use crate::analysis::functions::EntryReading;
use crate::analysis::index::{WorkspaceIndex, call_sites_of_files};
use crate::analysis::scan::scan;
use crate::lsp::session::{Overlay, Session};

use super::{diagnostics, status};

pub async fn index_workspace(session: Arc<Session>) {
    status::send(&session, "indexing").await;
    let progress = if session.caps().work_done_progress {
        let token = ProgressToken::String("base44/indexing".into());
        match session.client.create_work_done_progress(token.clone()).await {
            Ok(()) => Some(session.client.progress(token, "Indexing Base44 functions").begin().await),
            Err(_) => None,
        }
    } else {
        None
    };

    let folders = session.folders();
    let worker = Arc::clone(&session);
    let built = tokio::task::spawn_blocking(move || {
        let scan = scan(&folders);
        let mut index = WorkspaceIndex::functions_only(&folders, &scan, &Overlay(&worker), EntryReading::NamesOnly);
        // Keep the call sites of the previous index until the new ones are read.
        index.call_sites = worker.index().call_sites.clone();
        (index, scan)
    })
    .await;
    let Ok((index, scan)) = built else {
        eprintln!("base44-lsp: indexing failed; the server goes on with what it had");
        // Open documents still get diagnostics from the index it had.
        let open = match session.ready.lock() {
            Ok(mut ready) => {
                *ready = true;
                diagnostics::open_uris(&session)
            }
            Err(_) => Vec::new(),
        };
        diagnostics::publish_documents(&session, open).await;
        status::send(&session, "ready").await;
        return;
    };

    let open = match session.ready.lock() {
        Ok(mut ready) => {
            session.set_index(index);
            *ready = true;
            diagnostics::open_uris(&session)
        }
        Err(_) => Vec::new(),
    };
    diagnostics::publish_documents(&session, open).await;

    // Then what takes parsing: how each entry serves (and its docs), and the call sites.
    let worker = Arc::clone(&session);
    let folders = session.folders();
    let full = tokio::task::spawn_blocking(move || {
        let sources = Overlay(&worker);
        let mut index = WorkspaceIndex::functions_only(&folders, &scan, &sources, EntryReading::Full);
        index.call_sites = call_sites_of_files(&scan.files, &sources);
        index
    })
    .await;
    if let Ok(full) = full {
        session.set_index(full);
    }
    diagnostics::publish_project_problems(&session).await;
    if let Some(progress) = progress {
        progress.finish().await;
    }
    status::send(&session, "ready").await;
}
