//! `textDocument/completion`: function names and paths inside call strings, and the
//! inputs a function reads inside its data object.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, Range, TextEdit,
};

use std::path::Path;

use crate::analysis::completion::{CompletionKind, complete, function_details};
use crate::analysis::index::WorkspaceIndex;
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
    // Lists can hold thousands of functions: items carry only what filtering needs, and
    // clients that can resolve items lazily get where each lives and its docs on demand.
    let lazy = session.caps().completion_resolve;
    // Items name their project by its place in the index: a path per item would make a
    // list of thousands several times larger.
    let owner = index.project_of(&path).map(|p| &p.project.root);
    let project = index.projects.iter().position(|p| Some(&p.project.root) == owner).map(serde_json::Value::from);
    // Every item of one list replaces the same range: convert it once.
    let mut converted: Option<(std::ops::Range<usize>, Range)> = None;
    let items = found
        .into_iter()
        .map(|c| {
            let mut item = CompletionItem {
                kind: Some(match c.kind {
                    CompletionKind::Function => CompletionItemKind::FUNCTION,
                    CompletionKind::Input => CompletionItemKind::FIELD,
                }),
                detail: c.detail,
                // Only where the inserted text is not the label (a fetch path's `/`).
                filter_text: (c.new_text != c.label).then(|| c.new_text.clone()),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range: match &converted {
                        Some((bytes, range)) if *bytes == c.replace => *range,
                        _ => converted.insert((c.replace.clone(), file.range(&c.replace))).1,
                    },
                    new_text: c.new_text,
                })),
                label: c.label,
                ..Default::default()
            };
            if c.kind == CompletionKind::Function {
                if lazy {
                    item.data = project.clone();
                } else {
                    add_details(&index, &path, &mut item);
                }
            }
            item
        })
        .collect();
    // While the index is being built the list may grow: ask the client to ask again.
    Ok(Some(CompletionResponse::List(CompletionList { is_incomplete: !session.is_ready(), items })))
}

fn add_details(index: &WorkspaceIndex, path: &Path, item: &mut CompletionItem) {
    if let Some((detail, documentation)) = function_details(index, path, &item.label) {
        item.detail = Some(detail);
        item.documentation = documentation
            .map(|value| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value }));
    }
}

/// `completionItem/resolve`: the function's location and docs, for the item shown.
pub fn resolve(session: &Session, mut item: CompletionItem) -> Result<CompletionItem> {
    let index = session.index();
    let root = item.data.as_ref().and_then(|d| d.as_u64()).and_then(|i| index.projects.get(i as usize));
    if let Some(project) = root {
        add_details(&index, &project.project.root, &mut item);
    }
    Ok(item)
}
