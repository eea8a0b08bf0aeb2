//! `textDocument/codeLens`: `▶ Invoke` on entries and static call sites, and the call
//! count on entries. The same invokes are offered as code actions.

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{CodeActionOrCommand, CodeLens, CodeLensParams, Command, Uri};

use crate::features::lenses::{DocumentActions, InvokeAction, document_actions};
use crate::lsp::convert::FileText;
use crate::lsp::documents::Document;
use crate::lsp::guard::guarded;
use crate::lsp::session::Session;

use super::commands::SHOW_REFERENCES;
use super::invoke::INVOKE;
use super::navigation::locations;

pub fn actions_of(session: &Session, uri: &Uri, doc: &Document) -> Result<DocumentActions> {
    let (Some(path), Some(tree)) = (&doc.path, &doc.tree) else { return Ok(DocumentActions::default()) };
    let index = session.index();
    let open = session.open_call_sites();
    let sites = session.sites_of(uri);
    guarded("codeLens", || document_actions(&index, &open, path, &doc.text, tree, &sites))
}

pub fn invoke_command(action: &InvokeAction, uri: &Uri) -> Command {
    let title = if action.on_entry { format!("▶ Invoke {}", action.function) } else { "▶ Invoke".to_string() };
    Command {
        title,
        command: INVOKE.into(),
        arguments: Some(vec![json!({ "function": action.function, "data": action.data, "uri": uri })]),
    }
}

pub fn code_lens(session: &Session, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
    let uri = params.text_document.uri;
    let Some(doc) = session.snapshot(&uri) else { return Ok(None) };
    let actions = actions_of(session, &uri, &doc)?;
    let file: FileText = doc.file();
    let mut lenses: Vec<CodeLens> = actions
        .invokes
        .iter()
        .map(|action| CodeLens {
            range: file.range(&(action.range.start..action.range.start)),
            command: Some(invoke_command(action, &uri)),
            data: None,
        })
        .collect();
    if let Some(count) = actions.call_count {
        let position = file.position(count.range.start);
        let n = count.calls.len();
        let found = locations(session, count.calls);
        lenses.push(CodeLens {
            range: file.range(&(count.range.start..count.range.start)),
            command: Some(Command {
                title: format!("{n} call site{}", if n == 1 { "" } else { "s" }),
                command: SHOW_REFERENCES.into(),
                arguments: Some(vec![json!(uri), json!(position), serde_json::to_value(found).unwrap_or(Value::Null)]),
            }),
            data: None,
        });
    }
    Ok(Some(lenses))
}

/// The invoke actions under the cursor, for the code-action menu.
pub fn invoke_code_actions(
    session: &Session,
    doc: &Document,
    uri: &Uri,
    wanted: std::ops::Range<usize>,
) -> Vec<CodeActionOrCommand> {
    let Ok(actions) = actions_of(session, uri, doc) else { return Vec::new() };
    actions
        .invokes
        .iter()
        .filter(|a| a.on_entry || (a.range.start <= wanted.end && wanted.start <= a.range.end))
        .map(|action| {
            let mut command = invoke_command(action, uri);
            command.title = format!("▶ Invoke {}", action.function);
            CodeActionOrCommand::Command(command)
        })
        .collect()
}
