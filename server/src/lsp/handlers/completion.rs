//! `textDocument/completion`: function names and paths inside call strings, and the
//! inputs a function reads inside its data object.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation, MarkupContent, MarkupKind,
};

use crate::features::completion::{Completion, CompletionKind, complete, function_details};
use crate::features::shortlist::{MAX_LISTED, Shortlist, shortlist};
use crate::lsp::completion_list::{self, ItemDefaults, List, Written};
use crate::lsp::guard::guarded;
use crate::lsp::session::{FunctionItemsKey, Session};
use crate::modules::index::WorkspaceIndex;

pub fn completion(session: &Session, params: CompletionParams) -> Result<Option<CompletionResponse>> {
    let position = params.text_document_position;
    // The analysis and the index first: no other lock is taken while a document's is held.
    let facts = session.analysis(&position.text_document.uri).map(|a| Arc::clone(&a.facts)).unwrap_or_default();
    let (index, generation) = session.index_and_generation();
    let Some(doc) = session.docs.get(&position.text_document.uri) else { return Ok(None) };
    let Some(path) = doc.path.clone() else { return Ok(None) };
    let file = doc.file();
    let offset = file.offset(position.position);
    let found = guarded("completion", || complete(&index, &path, &doc.text, doc.tree.as_ref(), offset, &facts))?;
    let Some(found) = found else { return Ok(None) };
    let caps = session.caps();
    let range = file.range(&found.replace);
    // What is typed so far, which a shortened list is chosen by (a fetch path's `/` aside).
    let typed = doc.text.get(found.replace.start..offset).unwrap_or_default().trim_start_matches('/').to_string();
    drop(doc);
    // Lists can hold thousands of functions: items carry only what filtering needs, and
    // clients that can resolve items lazily get where each lives and its docs on demand.
    let lazy = caps.completion_resolve;
    // Items name their project by its place in the index: a path per item would make a
    // list of thousands several times larger.
    let owner = index.project_of(&path).map(|p| &p.project.root);
    let owner = index.projects.iter().position(|p| Some(&p.project.root) == owner);
    let project = owner.filter(|_| lazy && found.every_function().is_some());
    let defaults = caps.completion_defaults;
    let item_defaults =
        defaults.edit_range.then(|| ItemDefaults { edit_range: range, data: project.filter(|_| defaults.data) });
    let item_data = project.filter(|_| !(defaults.edit_range && defaults.data));
    let write_items = || {
        let offered = found.items();
        let items = offered.iter().map(|c| {
            let mut item = item(c, defaults.edit_range, range, item_data);
            if c.kind == CompletionKind::Function && !lazy {
                add_details(&index, &path, &mut item);
            }
            item
        });
        Written::new(items).map(Arc::new).map_err(|err| internal_error(&err))
    };
    // Every function of the project, the same items at every call of the project (each
    // list fills in its own range): written once per version of the index.
    let written = match found.every_function() {
        Some(kind) => {
            let key = FunctionItemsKey {
                generation,
                project: owner,
                kind,
                item_data,
                own_range: !defaults.edit_range,
                details: !lazy,
            };
            session.function_items(key, write_items)?
        }
        None => write_items()?,
    };
    // A client that takes the list's defaults gets it whole: its items are a few bytes
    // each. Others get a range and (without resolve) the details in every item, several
    // times the bytes to write and to read: a long list is cut to what fits the typing.
    let shortlist = if defaults.edit_range {
        Shortlist { chosen: (0..written.len()).collect(), complete: true }
    } else {
        shortlist(written.labels(), &typed, MAX_LISTED)
    };
    let items = written.array(shortlist.chosen, range).map_err(|err| internal_error(&err))?;
    // While the index is being built the list may grow: ask the client to ask again.
    let list = List { is_incomplete: !session.is_ready() || !shortlist.complete, item_defaults };
    let json = list.to_json(&items).map_err(|err| internal_error(&err))?;
    let placeholder = CompletionItem { label: session.raw_results.stash(json), ..Default::default() };
    Ok(Some(CompletionResponse::Array(vec![placeholder])))
}

fn item<'a>(
    c: &'a Completion,
    default_range: bool,
    range: tower_lsp_server::ls_types::Range,
    data: Option<usize>,
) -> completion_list::Item<'a> {
    // Only where the inserted text is not the label (a fetch path's `/`).
    let differs = (c.new_text != c.label).then_some(c.new_text.as_ref());
    completion_list::Item {
        label: c.label,
        kind: match c.kind {
            CompletionKind::Function => CompletionItemKind::FUNCTION,
            CompletionKind::Input | CompletionKind::ResponseKey => CompletionItemKind::FIELD,
        },
        detail: c.detail.as_deref().map(Cow::Borrowed),
        documentation: None,
        filter_text: differs,
        text_edit: (!default_range).then_some(completion_list::TextEdit { range, new_text: &c.new_text }),
        text_edit_text: differs.filter(|_| default_range),
        data,
    }
}

fn internal_error(err: &serde_json::Error) -> tower_lsp_server::jsonrpc::Error {
    tower_lsp_server::jsonrpc::Error {
        code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
        message: format!("cannot write the completion list: {err}").into(),
        data: None,
    }
}

fn details(index: &WorkspaceIndex, path: &Path, name: &str) -> Option<(String, Option<Documentation>)> {
    let (detail, documentation) = function_details(index, path, name)?;
    let documentation =
        documentation.map(|value| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value }));
    Some((detail, documentation))
}

fn add_details(index: &WorkspaceIndex, path: &Path, item: &mut completion_list::Item) {
    if let Some((detail, documentation)) = details(index, path, item.label) {
        item.detail = Some(Cow::Owned(detail));
        item.documentation = documentation;
    }
}

/// `completionItem/resolve`: the function's location and docs, for the item shown.
pub fn resolve(session: &Session, mut item: CompletionItem) -> Result<CompletionItem> {
    let index = session.index();
    let root = item.data.as_ref().and_then(|d| d.as_u64()).and_then(|i| index.projects.get(i as usize));
    if let Some(project) = root
        && let Some((detail, documentation)) = details(&index, &project.project.root, &item.label)
    {
        item.detail = Some(detail);
        item.documentation = documentation;
    }
    Ok(item)
}
