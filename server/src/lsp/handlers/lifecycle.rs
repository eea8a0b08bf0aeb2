//! `initialize`, `initialized`, configuration and workspace folders.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::ls_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions,
    CompletionOptions, ConfigurationItem, DiagnosticOptions, DiagnosticServerCapabilities,
    DidChangeWatchedFilesRegistrationOptions, DocumentLinkOptions, ExecuteCommandOptions, FileSystemWatcher,
    GlobPattern, HoverProviderCapability, InitializeParams, InitializeResult, OneOf, Registration, RenameOptions,
    ResourceOperationKind, ServerCapabilities, ServerInfo, SignatureHelpOptions, TextDocumentSyncCapability,
    TextDocumentSyncKind, WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

use crate::lsp::convert::uri_to_path;
use crate::lsp::session::{ClientCaps, CompletionDefaults, Session};
use crate::lsp::settings::Settings;

use super::commands::{GENERATE_TYPES, LIST_FUNCTIONS, SHOW_REFERENCES};
use super::invoke::INVOKE;
use super::{diagnostics, indexing};

pub fn initialize(session: &Session, params: InitializeParams) -> InitializeResult {
    let folders: Vec<PathBuf> = match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().filter_map(|f| uri_to_path(&f.uri)).collect(),
        #[allow(deprecated)]
        _ => params.root_uri.as_ref().and_then(uri_to_path).into_iter().collect(),
    };
    if let Ok(mut slot) = session.folders.write() {
        *slot = folders;
    }
    if let Some(options) = &params.initialization_options
        && let Ok(mut settings) = session.settings.write()
    {
        *settings = Settings::from_json(options);
    }
    let caps = &params.capabilities;
    let workspace = caps.workspace.as_ref();
    let client = ClientCaps {
        watch_files_dynamically: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
        work_done_progress: caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
        resource_rename: workspace
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.resource_operations.as_ref())
            .is_some_and(|ops| ops.contains(&ResourceOperationKind::Rename)),
        completion_resolve: caps
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.resolve_support.as_ref())
            .is_some_and(|r| r.properties.iter().any(|p| p == "documentation")),
        completion_defaults: completion_defaults(caps),
        code_lens_refresh: workspace
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false),
        diagnostic_refresh: workspace
            .and_then(|w| w.diagnostics.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        pull_diagnostics: pulls_diagnostics(caps),
    };
    let pull = client.pull_diagnostics;
    if let Ok(mut slot) = session.caps.write() {
        *slot = client;
    }
    InitializeResult { capabilities: capabilities(pull), server_info: Some(server_info()), ..Default::default() }
}

/// Whether the client is better served by pulling diagnostics than by being sent them: it pulls
/// (`textDocument.diagnostic`) and can be told to pull again (`workspace.diagnostics.refreshSupport`),
/// as VS Code. A file's problems change when others do (the functions, an imported helper, the end of
/// indexing), which a client that cannot be told would not see: Neovim 0.12 announces the first but not
/// the second, and pulls only its open buffers, so it is sent every file's problems instead.
fn pulls_diagnostics(caps: &ClientCapabilities) -> bool {
    let pulls = caps.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some());
    let refreshes =
        caps.workspace.as_ref().and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support).unwrap_or(false);
    pulls && refreshes
}

fn completion_defaults(caps: &ClientCapabilities) -> CompletionDefaults {
    let defaults = caps
        .text_document
        .as_ref()
        .and_then(|t| t.completion.as_ref())
        .and_then(|c| c.completion_list.as_ref())
        .and_then(|l| l.item_defaults.as_deref())
        .unwrap_or_default();
    let has = |name: &str| defaults.iter().any(|d| d == name);
    CompletionDefaults { edit_range: has("editRange"), data: has("data") }
}

fn server_info() -> ServerInfo {
    ServerInfo { name: "base44-lsp".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }
}

/// What the server offers; pulled diagnostics only to a client that pulls (it is then sent none:
/// a client that showed both would show each problem twice).
pub fn capabilities(pull_diagnostics: bool) -> ServerCapabilities {
    ServerCapabilities {
        diagnostic_provider: pull_diagnostics.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("base44".into()),
                // A file's problems depend on the functions and on the files it imports.
                inter_file_dependencies: true,
                workspace_diagnostics: true,
                work_done_progress_options: Default::default(),
            })
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        completion_provider: Some(CompletionOptions {
            // `.` for the keys of a function's JSON (`res.data.|`).
            trigger_characters: Some(vec!["\"".into(), "'".into(), "`".into(), "/".into(), ".".into()]),
            resolve_provider: Some(true),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        signature_help_provider: Some(SignatureHelpOptions {
            trigger_characters: Some(vec!["(".into(), ",".into(), "{".into()]),
            retrigger_characters: Some(vec![",".into(), " ".into()]),
            work_done_progress_options: Default::default(),
        }),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        }),
        code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::EMPTY]),
            ..Default::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![INVOKE.into(), LIST_FUNCTIONS.into(), GENERATE_TYPES.into(), SHOW_REFERENCES.into()],
            ..Default::default()
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

const WATCHED_GLOBS: [&str; 5] = [
    "**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}",
    "**/{function,config,.app}.{json,jsonc}",
    "**/{base44,functions}",
    "**/{tsconfig,jsconfig,deno}.{json,jsonc}",
    // Secrets a local run reads.
    "**/.env",
];

pub async fn initialized(session: &Arc<Session>) {
    // Indexing waits for the settings, not for the registration's answer: a client that never
    // answers it must not leave the server without an index. Both requests leave at once, in
    // this order (`join!` polls in order), so their ids do not depend on timing.
    tokio::join!(register_file_watchers(session), async {
        pull_configuration(session).await;
        tokio::spawn(indexing::index_workspace(Arc::clone(session)));
    });
}

async fn register_file_watchers(session: &Session) {
    if !session.caps().watch_files_dynamically {
        return;
    }
    let watchers = WATCHED_GLOBS
        .iter()
        .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String((*glob).into()), kind: None })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = Registration {
        id: "base44-watched-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(err) = session.client.register_capability(vec![registration]).await {
        eprintln!("base44-lsp: the client refused file watching ({err}); the index follows open files only");
    }
}

/// Asks the client for the `base44` settings, when it can answer.
pub async fn pull_configuration(session: &Session) {
    if !session.caps().configuration {
        return;
    }
    let item = ConfigurationItem { scope_uri: None, section: Some("base44".into()) };
    if let Ok(values) = session.client.configuration(vec![item]).await
        && let Some(value) = values.into_iter().next().filter(|v| !v.is_null())
    {
        apply_settings(session, &value);
    }
}

fn apply_settings(session: &Session, value: &Value) {
    let mut settings = Settings::from_json(value);
    // A client that keeps the token elsewhere (VS Code's secret storage) sends it at
    // initialization only; keep it when the configuration has none.
    if settings.invoke.token.is_none() {
        settings.invoke.token = session.settings().invoke.token;
    }
    if let Ok(mut slot) = session.settings.write() {
        *slot = settings;
    }
}

pub async fn did_change_configuration(session: &Arc<Session>, settings: Value) {
    let wrappers_before = session.settings().wrappers;
    if session.caps().configuration {
        pull_configuration(session).await;
    } else if !settings.is_null() {
        apply_settings(session, &settings);
    }
    if session.settings().wrappers != wrappers_before {
        // Which calls name functions changed: every file's call sites are read again.
        tokio::spawn(indexing::index_workspace(Arc::clone(session)));
        return;
    }
    diagnostics::republish_all(session).await;
}

pub async fn did_change_workspace_folders(
    session: &Arc<Session>,
    params: tower_lsp_server::ls_types::DidChangeWorkspaceFoldersParams,
) {
    if let Ok(mut folders) = session.folders.write() {
        let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(|f| uri_to_path(&f.uri)).collect();
        folders.retain(|f| !removed.contains(f));
        for added in params.event.added.iter().filter_map(|f| uri_to_path(&f.uri)) {
            if !folders.contains(&added) {
                folders.push(added);
            }
        }
    }
    indexing::index_workspace(Arc::clone(session)).await;
}

#[cfg(test)]
mod tests {
    use super::pulls_diagnostics;

    fn caps(json: serde_json::Value) -> tower_lsp_server::ls_types::ClientCapabilities {
        serde_json::from_value(json).unwrap_or_default()
    }

    #[test]
    fn only_a_client_that_pulls_and_can_be_told_to_pull_again_is_left_to_pull() {
        // What VS Code's languageclient 9 and Neovim 0.12 announce, as far as this goes.
        let vscode = caps(serde_json::json!({
            "textDocument": {"diagnostic": {"dynamicRegistration": true, "relatedDocumentSupport": false}},
            "workspace": {"diagnostics": {"refreshSupport": true}}
        }));
        let neovim = caps(serde_json::json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}));
        let helix_like = caps(serde_json::json!({"textDocument": {"publishDiagnostics": {}}}));
        let refresh_only = caps(serde_json::json!({"workspace": {"diagnostics": {"refreshSupport": true}}}));
        let found: Vec<bool> = [vscode, neovim, helix_like, refresh_only].iter().map(pulls_diagnostics).collect();
        assert_eq!(found, [true, false, false, false]);
    }
}
