//! `textDocument/completion`: function names and paths inside call strings, and the
//! inputs a function reads inside its data object.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, TextEdit,
};

use crate::analysis::completion::{CompletionKind, complete};
use crate::lsp::guard::guarded;
use crate::lsp::session::Session;

pub fn completion(session: &Session, params: CompletionParams) -> Result<Option<CompletionResponse>> {
    let position = params.text_document_position;
    // The index first: no other lock is taken while a document's is held.
    let index = session.index();
    let Some(doc) = session.docs.get(&position.text_document.uri) else { return Ok(None) };
    let Some(path) = doc.path.clone() else { return Ok(None) };
    let file = doc.file();
    let offset = file.offset(position.position);
    let found = guarded("completion", || complete(&index, &path, &doc.text, doc.tree.as_ref(), offset))?;
    let Some(found) = found else { return Ok(None) };
    let items = found
        .into_iter()
        .map(|c| CompletionItem {
            label: c.label.clone(),
            kind: Some(match c.kind {
                CompletionKind::Function => CompletionItemKind::FUNCTION,
                CompletionKind::Input => CompletionItemKind::FIELD,
            }),
            detail: Some(c.detail),
            documentation: c
                .documentation
                .map(|value| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value })),
            filter_text: Some(c.new_text.clone()),
            sort_text: Some(c.label),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit { range: file.range(&c.replace), new_text: c.new_text })),
            ..Default::default()
        })
        .collect();
    // While the index is being built the list may grow: ask the client to ask again.
    Ok(Some(CompletionResponse::List(CompletionList { is_incomplete: !session.is_ready(), items })))
}
