//! Code actions (quick fixes) and `workspace/executeCommand`.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse, Command, Diagnostic,
    ExecuteCommandParams, Uri,
};

use crate::lsp::convert::{self, uri_to_path};
use crate::lsp::session::Session;
use crate::project::Layout;
use crate::project::index::ProjectIndex;
use crate::project::types_file::{self, TYPES_OUT_OF_DATE};

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
    for diagnostic in found.iter().filter(|d| d.code == TYPES_OUT_OF_DATE) {
        if diagnostic.range.start <= wanted.end && wanted.start <= diagnostic.range.end {
            let shown = convert::diagnostic(diagnostic, &file, &settings);
            actions.push(regenerate_types(&params.text_document.uri, shown));
        }
    }
    actions.extend(super::lenses::invoke_code_actions(session, &doc, &params.text_document.uri, wanted));
    Ok(Some(actions))
}

/// The quick fix of a types file out of date: the command that writes it again.
fn regenerate_types(uri: &Uri, shown: Option<Diagnostic>) -> CodeActionOrCommand {
    let title = "Regenerate the function types (base44/.types/types.d.ts)".to_string();
    CodeActionOrCommand::CodeAction(CodeAction {
        title: title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: shown.map(|d| vec![d]),
        command: Some(Command { title, command: GENERATE_TYPES.into(), arguments: Some(vec![json!({ "uri": uri })]) }),
        is_preferred: Some(true),
        ..Default::default()
    })
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

/// Writes each project's types file, then brings the index up to date with it (a client that
/// watches files would say so too, but one that does not would keep the hint).
pub async fn generate_types(session: &Arc<Session>, args: &[Value]) -> Result<Option<Value>> {
    let written = write_types(session, args)?;
    let changes: Vec<(PathBuf, bool)> = written.iter().map(|path| (PathBuf::from(path), false)).collect();
    super::watched::files_changed(session, changes).await;
    Ok(Some(json!({ "written": written })))
}

fn write_types(session: &Session, args: &[Value]) -> Result<Vec<String>> {
    let mut written = Vec::new();
    for project in projects_for(session, args).iter().filter(|p| p.project.layout == Layout::Base44) {
        let path: PathBuf = types_file::path(&project.project);
        types_file::write(&project.project, project.names())
            .map_err(|e| Error::invalid_params(format!("cannot write {}: {e}", path.display())))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

/// The lens's `[uri, position, locations]`, answered with the locations for clients
/// that forward it to the server instead of showing a list themselves.
pub fn show_references(args: &[Value]) -> Result<Option<Value>> {
    Ok(Some(args.get(2).cloned().unwrap_or(Value::Array(Vec::new()))))
}

pub async fn execute_command(session: &Arc<Session>, params: ExecuteCommandParams) -> Result<Option<Value>> {
    match params.command.as_str() {
        super::invoke::INVOKE => super::invoke::invoke(session, params.arguments).await,
        LIST_FUNCTIONS => list_functions(session, &params.arguments),
        GENERATE_TYPES => generate_types(session, &params.arguments).await,
        SHOW_REFERENCES => show_references(&params.arguments),
        other => Err(Error::invalid_params(format!("unknown command {other}"))),
    }
}
