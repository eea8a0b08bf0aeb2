//! Pulled diagnostics (LSP 3.17), for clients that ask for them instead of being sent them:
//! `textDocument/diagnostic` for one file and `workspace/diagnostic` for every file with
//! problems. Each answer carries a result id per file; a file whose problems are what the
//! client already holds (the id it sends back) is answered `unchanged`. Open documents are
//! answered from their text, other files from what `check` reports (`Session::problems`).

use std::collections::HashMap;
use std::time::Duration;

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{
    self as ls, DiagnosticServerCancellationData, DocumentDiagnosticParams, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FullDocumentDiagnosticReport, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport, Uri, WorkspaceDiagnosticParams,
    WorkspaceDiagnosticReport, WorkspaceDiagnosticReportResult, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport, WorkspaceUnchangedDocumentDiagnosticReport,
};

use crate::lsp::convert::{path_to_uri, uri_to_path};
use crate::lsp::guard::guarded;
use crate::lsp::problems::{CLEAN, result_id};
use crate::lsp::readiness;
use crate::lsp::session::Session;

use super::diagnostics::{ask_to_pull_again, document_diagnostics};

/// How long a workspace pull waits for the first whole-workspace check (an indexing run of
/// 10,000 functions and 50,000 files takes 8 to 15 s on a slow machine); past that it answers
/// what is known, and the client pulls again.
const WORKSPACE_WAIT: Duration = Duration::from_secs(30);

/// One file's problems as the client should now hold them.
struct Answer {
    id: String,
    /// `None`: what the client holds (the id it sent) is current.
    items: Option<Vec<ls::Diagnostic>>,
    /// The open document's version the answer is for.
    version: Option<i32>,
}

pub async fn document(session: &Session, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
    let uri = params.text_document.uri;
    let answer = if session.docs.contains_key(&uri) {
        // Before the names are known every name would look unknown.
        if !readiness::wait_for_names(session, readiness::NAMES_WAIT).await {
            return Err(server_cancelled("the function index is being built"));
        }
        let answer =
            guarded("textDocument/diagnostic", || open_answer(session, &uri, params.previous_result_id.as_deref()))?;
        // This document's exports changed: the other open documents may import it.
        if session.take_exports_changed() && session.docs.len() > 1 {
            ask_to_pull_again(session);
        }
        answer
    } else {
        // A document just closed (clients pull it once more): its check against the disk lands
        // with the change that is under way.
        drop(session.index_turn().await);
        guarded("textDocument/diagnostic", || closed_answer(session, &uri, params.previous_result_id.as_deref()))?
    };
    let report = match answer.items {
        Some(items) => DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(answer.id), items },
        }),
        None => DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: answer.id },
        }),
    };
    Ok(DocumentDiagnosticReportResult::Report(report))
}

pub async fn workspace(
    session: &Session,
    params: WorkspaceDiagnosticParams,
) -> Result<WorkspaceDiagnosticReportResult> {
    readiness::wait_until(WORKSPACE_WAIT, || session.problems.is_built()).await;
    let previous: HashMap<Uri, String> =
        params.previous_result_ids.into_iter().map(|previous| (previous.uri, previous.value)).collect();
    let items = guarded("workspace/diagnostic", || workspace_items(session, previous))?;
    Ok(WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items }))
}

/// Every open document with problems, every closed file with problems, and every file the
/// client holds problems for that has none now.
fn workspace_items(session: &Session, mut previous: HashMap<Uri, String>) -> Vec<WorkspaceDocumentDiagnosticReport> {
    let mut answers: Vec<(Uri, Answer)> = Vec::new();
    let open: Vec<Uri> = super::diagnostics::open_uris(session);
    for uri in &open {
        let held = previous.remove(uri);
        let answer = open_answer(session, uri, held.as_deref());
        // Only files with problems, or that the client holds an answer for, are listed.
        if held.is_some() || answer.items.as_ref().is_some_and(|items| !items.is_empty()) {
            answers.push((uri.clone(), answer));
        }
    }
    let settings = session.settings();
    for (path, entry) in session.problems.entries() {
        let Some(uri) = path_to_uri(&path) else { continue };
        if open.contains(&uri) || session.is_open(&path) {
            continue;
        }
        let id = result_id(entry.id, &settings);
        let held = previous.remove(&uri);
        let items = (held.as_deref() != Some(id.as_str())).then(|| entry.shown(&settings));
        answers.push((uri, Answer { id, items, version: None }));
    }
    // Files the client holds problems for that have none now.
    let mut cleared: Vec<Uri> = previous.into_iter().filter(|(_, held)| held != CLEAN).map(|(uri, _)| uri).collect();
    cleared.sort();
    answers.extend(
        cleared.into_iter().map(|uri| (uri, Answer { id: CLEAN.into(), items: Some(Vec::new()), version: None })),
    );
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    answers.into_iter().map(|(uri, answer)| workspace_item(uri, answer)).collect()
}

fn workspace_item(uri: Uri, answer: Answer) -> WorkspaceDocumentDiagnosticReport {
    let version = answer.version.map(i64::from);
    match answer.items {
        Some(items) => WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
            uri,
            version,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(answer.id), items },
        }),
        None => WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
            uri,
            version,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: answer.id },
        }),
    }
}

/// An open document's problems, from its text as it is now.
fn open_answer(session: &Session, uri: &Uri, held: Option<&str>) -> Answer {
    let (items, version) = document_diagnostics(session, uri).map_or((Vec::new(), None), |(d, v)| (d, Some(v)));
    let id = session.problems.pulled_id(uri, &items).to_string();
    let items = (held != Some(id.as_str())).then_some(items);
    Answer { id, items, version }
}

/// A closed file's problems, as `check` reports them.
fn closed_answer(session: &Session, uri: &Uri, held: Option<&str>) -> Answer {
    let settings = session.settings();
    let (id, items) = match uri_to_path(uri).and_then(|path| session.problems.entry(&path)) {
        Some(entry) => (result_id(entry.id, &settings), entry.shown(&settings)),
        None => (CLEAN.to_string(), Vec::new()),
    };
    let items = (held != Some(id.as_str())).then_some(items);
    Answer { id, items, version: None }
}

/// LSP's `ServerCancelled` (-32802), with `retriggerRequest`: the client asks again later.
fn server_cancelled(why: &str) -> Error {
    Error {
        code: ErrorCode::ServerError(-32802),
        message: why.to_string().into(),
        data: serde_json::to_value(DiagnosticServerCancellationData { retrigger_request: true }).ok(),
    }
}
