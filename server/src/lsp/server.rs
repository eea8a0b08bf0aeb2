//! The `LanguageServer` implementation: it only delegates to the handlers.

use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::handlers::{commands, completion, lenses, lifecycle, navigation, pull, signature, symbols, sync, watched};
use super::raw_results::RawResults;
use super::session::Session;
use super::{offload, readiness};

pub struct Backend {
    session: Arc<Session>,
}

impl Backend {
    pub fn new(client: Client, raw_results: Arc<RawResults>) -> Self {
        Self { session: Arc::new(Session::new(client, raw_results)) }
    }

    #[cfg(test)]
    pub(crate) fn session(&self) -> Arc<Session> {
        Arc::clone(&self.session)
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        Ok(lifecycle::initialize(&self.session, params))
    }

    async fn initialized(&self, _: InitializedParams) {
        lifecycle::initialized(&self.session).await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        sync::did_open(&self.session, params).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        sync::did_change(&self.session, params).await;
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        sync::did_save(&self.session, params).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        sync::did_close(&self.session, params).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        lifecycle::did_change_configuration(&self.session, params.settings).await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        lifecycle::did_change_workspace_folders(&self.session, params).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        watched::did_change_watched_files(&self.session, params).await;
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let names_known = readiness::wait_for_names(&self.session, readiness::NAMES_WAIT).await;
        completion::completion(&self.session, params).map(|answer| readiness::unless_null(answer, names_known))
    }

    async fn completion_resolve(&self, item: CompletionItem) -> Result<CompletionItem> {
        completion::resolve(&self.session, item)
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        navigation::definition(&self.session, params)
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        offload::run(&self.session, "references", move |session| navigation::references(session, params)).await
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        navigation::prepare_rename(&self.session, params)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        offload::run(&self.session, "rename", move |session| navigation::rename(session, params)).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        navigation::hover(&self.session, params)
    }

    async fn signature_help(&self, params: SignatureHelpParams) -> Result<Option<SignatureHelp>> {
        signature::signature_help(&self.session, params)
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        readiness::wait_for_names(&self.session, readiness::NAMES_WAIT).await;
        // Reads the entry of each function listed.
        offload::run(&self.session, "workspace/symbol", move |session| symbols::workspace_symbol(session, params)).await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        symbols::document_symbol(&self.session, params)
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        readiness::wait_for_names(&self.session, readiness::NAMES_WAIT).await;
        symbols::document_link(&self.session, params)
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        pull::document(&self.session, params).await
    }

    async fn workspace_diagnostic(&self, params: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
        pull::workspace(&self.session, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        commands::code_action(&self.session, params)
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        // Past the wait, what is known; the refresh at the end of indexing brings the rest.
        readiness::wait_for_names(&self.session, readiness::NAMES_WAIT).await;
        // The call counts read every calling file.
        offload::run(&self.session, "codeLens", move |session| lenses::code_lens(session, params)).await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        // Commands name functions: "no function named …" must not be for want of an index.
        readiness::wait_for_names(&self.session, readiness::NAMES_WAIT).await;
        commands::execute_command(&self.session, params).await
    }
}
