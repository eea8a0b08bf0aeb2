//! Code actions (quick fixes) and `workspace/executeCommand`.

use std::path::PathBuf;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse, ExecuteCommandParams,
};

use crate::lsp::convert::{self, uri_to_path};
use crate::lsp::session::Session;
use crate::project::index::ProjectIndex;
use crate::project::types_file;

use super::navigation::locations;

pub const LIST_FUNCTIONS: &str = "base44.listFunctions";
pub const GENERATE_TYPES: &str = "base44.generateTypes";
pub const SHOW_REFERENCES: &str = "base44.showReferences";

pub fn code_action(session: &Session, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    let analysis = session.analysis(&params.text_document.uri);
    let Some(doc) = session.snapshot(&params.text_document.uri) else { return Ok(None) };
    let settings = session.settings();
    let file = doc.file();
    let wanted = file.offset(params.range.start)..file.offset(params.range.end);
    let found = analysis.map(|a| a.diagnostics.clone()).unwrap_or_default();
    let own_text = |path: &std::path::Path| {
        if doc.path.as_deref() == Some(path) {
            Some((doc.text.clone(), doc.lines.clone()))
        } else {
            session.file_text(path)
        }
    };
    let mut actions = Vec::new();
    for diagnostic in found.iter().filter(|d| d.range.start <= wanted.end && wanted.start <= d.range.end) {
        let shown = convert::diagnostic(diagnostic, &file, &settings);
        for (i, fix) in diagnostic.fixes.iter().enumerate() {
            let Some(edit) = convert::fix_edit(fix, &own_text) else { continue };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: shown.clone().map(|d| vec![d]),
                edit: Some(edit),
                is_preferred: Some(i == 0),
                ..Default::default()
            }));
        }
    }
    actions.extend(super::lenses::invoke_code_actions(session, &doc, &params.text_document.uri, wanted));
    Ok(Some(actions))
}

/// The project a command argument's `uri` points into, or every project.
fn projects_for(session: &Session, args: &[Value]) -> Vec<ProjectIndex> {
    let index = session.index();
    let uri_path = args
        .first()
        .and_then(|a| a.get("uri"))
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .and_then(|uri| uri_to_path(&uri));
    match uri_path.and_then(|p| index.project_of(&p).cloned()) {
        Some(project) => vec![project],
        None => index.projects.clone(),
    }
}

pub fn list_functions(session: &Session, args: &[Value]) -> Result<Option<Value>> {
    let mut out = Vec::new();
    for project in projects_for(session, args) {
        for function in &project.functions {
            let offset = crate::features::navigation::definition(function).1;
            let Some(location) = locations(session, vec![(function.entry.clone(), offset..offset)]).pop() else {
                continue;
            };
            out.push(json!({
                "name": function.name,
                "project": project.project.root.display().to_string(),
                "uri": location.uri,
                "range": location.range,
            }));
        }
    }
    Ok(Some(Value::Array(out)))
}

pub fn generate_types(session: &Session, args: &[Value]) -> Result<Option<Value>> {
    let mut written = Vec::new();
    for project in projects_for(session, args) {
        let path: PathBuf = types_file::path(&project.project);
        let text = types_file::render(project.names());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::invalid_params(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Error::invalid_params(format!("cannot write {}: {e}", path.display())))?;
        written.push(path.display().to_string());
    }
    Ok(Some(json!({ "written": written })))
}

/// The lens's `[uri, position, locations]`, answered with the locations for clients
/// that forward it to the server instead of showing a list themselves.
pub fn show_references(args: &[Value]) -> Result<Option<Value>> {
    Ok(Some(args.get(2).cloned().unwrap_or(Value::Array(Vec::new()))))
}

pub async fn execute_command(session: &Session, params: ExecuteCommandParams) -> Result<Option<Value>> {
    match params.command.as_str() {
        super::invoke::INVOKE => super::invoke::invoke(session, params.arguments).await,
        LIST_FUNCTIONS => list_functions(session, &params.arguments),
        GENERATE_TYPES => generate_types(session, &params.arguments),
        SHOW_REFERENCES => show_references(&params.arguments),
        other => Err(Error::invalid_params(format!("unknown command {other}"))),
    }
}
