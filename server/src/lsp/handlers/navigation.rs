//! Definition, references, rename and hover for function names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{
    DocumentChangeOperation, DocumentChanges, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents,
    HoverParams, Location, MarkupContent, MarkupKind, OneOf, OptionalVersionedTextDocumentIdentifier,
    PrepareRenameResponse, ReferenceParams, RenameFile, RenameParams, ResourceOp, TextDocumentEdit,
    TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
};

use crate::features::navigation::{self, Target};
use crate::lsp::convert::{FileText, location, path_to_uri};
use crate::lsp::guard::guarded;
use crate::lsp::session::{Overlay, Session};

/// Runs `f` on the function under the cursor, if any.
fn with_target<T>(
    session: &Session,
    position: &TextDocumentPositionParams,
    what: &str,
    f: impl FnOnce(&Target, FileText) -> Option<T>,
) -> Result<Option<T>> {
    let facts = session.analysis(&position.text_document.uri).map(|a| a.facts.clone()).unwrap_or_default();
    let Some(doc) = session.snapshot(&position.text_document.uri) else { return Ok(None) };
    let Some(path) = doc.path.clone() else { return Ok(None) };
    let index = session.index();
    guarded(what, || {
        let offset = doc.file().offset(position.position);
        let target = navigation::target_at(&index, &path, &doc.text, doc.tree.as_ref(), offset, &facts)?;
        f(&target, doc.file())
    })
}

/// A location in a file that may not be open.
fn location_in(session: &Session, path: &Path, range: std::ops::Range<usize>) -> Option<Location> {
    let (text, lines) = session.file_text(path)?;
    location(path, &FileText { text: &text, lines: &lines }, &range)
}

pub fn definition(session: &Session, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
    let found = with_target(session, &params.text_document_position_params, "definition", |target, _| {
        target.name_range.as_ref()?;
        Some(navigation::definition(target.function))
    })?;
    Ok(found.and_then(|(path, offset)| location_in(session, &path, offset..offset)).map(GotoDefinitionResponse::Scalar))
}

pub fn references(session: &Session, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let open = session.open_call_sites();
    let index = session.index();
    let include_declaration = params.context.include_declaration;
    let found = with_target(session, &params.text_document_position, "references", |target, _| {
        let mut refs = navigation::references(&index, &open, target.project, target.function);
        if include_declaration {
            let (entry, offset) = navigation::definition(target.function);
            refs.insert(0, (entry, offset..offset));
        }
        Some(refs)
    })?;
    Ok(found.map(|refs| locations(session, refs)))
}

/// Converts (path, range) pairs, reading each file once.
pub fn locations(session: &Session, refs: Vec<(PathBuf, std::ops::Range<usize>)>) -> Vec<Location> {
    let mut texts = HashMap::new();
    refs.into_iter()
        .filter_map(|(path, range)| {
            let (text, lines) = texts.entry(path.clone()).or_insert_with(|| session.file_text(&path)).as_ref()?;
            location(&path, &FileText { text, lines }, &range)
        })
        .collect()
}

pub fn prepare_rename(session: &Session, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
    with_target(session, &params, "prepareRename", |target, file| {
        // On `checkout(…)` the name is written where `checkout` is bound: rename it there.
        let range = target.name_range.clone().filter(|_| target.renames_here)?;
        Some(PrepareRenameResponse::RangeWithPlaceholder {
            range: file.range(&range),
            placeholder: target.function.name.clone(),
        })
    })
}

pub fn rename(session: &Session, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let open = session.open_call_sites();
    let index = session.index();
    let new_name = params.new_name;
    let plan = with_target(session, &params.text_document_position, "rename", |target, _| {
        Some(navigation::rename(&index, &open, target, &new_name, &Overlay(session)))
    })?;
    let plan = match plan {
        None => return Ok(None),
        Some(Err(message)) => return Err(Error::invalid_params(message)),
        Some(Ok(plan)) => plan,
    };
    if !plan.moves.is_empty() && !session.caps().resource_rename {
        return Err(Error::invalid_params(
            "Renaming this function moves its folder, and this editor cannot rename files through the language server",
        ));
    }
    let mut by_file: Vec<(Uri, Vec<TextEdit>)> = Vec::new();
    for (path, range, new_text) in plan.edits {
        let Some(loc) = location_in(session, &path, range) else { continue };
        match by_file.iter_mut().find(|(uri, _)| *uri == loc.uri) {
            Some((_, edits)) => edits.push(TextEdit { range: loc.range, new_text }),
            None => by_file.push((loc.uri, vec![TextEdit { range: loc.range, new_text }])),
        }
    }
    // Text edits first: they address files at their old paths, before any move.
    let mut operations: Vec<DocumentChangeOperation> = by_file
        .into_iter()
        .map(|(uri, edits)| {
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            })
        })
        .collect();
    for (from, to) in plan.moves {
        let (Some(old_uri), Some(new_uri)) = (path_to_uri(&from), path_to_uri(&to)) else { continue };
        operations.push(DocumentChangeOperation::Op(ResourceOp::Rename(RenameFile {
            old_uri,
            new_uri,
            options: None,
            annotation_id: None,
        })));
    }
    Ok(Some(WorkspaceEdit { document_changes: Some(DocumentChanges::Operations(operations)), ..Default::default() }))
}

pub fn hover(session: &Session, params: HoverParams) -> Result<Option<Hover>> {
    // On a name, or on an entry's serving line (no range then: the line is not the name).
    with_target(session, &params.text_document_position_params, "hover", |target, file| {
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: navigation::hover(target),
            }),
            range: target.name_range.as_ref().map(|r| file.range(r)),
        })
    })
}
