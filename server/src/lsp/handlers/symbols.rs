//! `workspace/symbol`, `textDocument/documentSymbol` and `textDocument/documentLink`.

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    DocumentLink, DocumentLinkParams, DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, Location,
    SymbolInformation, SymbolKind as LsSymbolKind, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use crate::features::links::document_links;
use crate::features::symbols::{self, Symbol, SymbolKind, WORKSPACE_SYMBOL_LIMIT};
use crate::lsp::convert::{FileText, path_to_uri};
use crate::lsp::guard::guarded;
use crate::lsp::session::Session;
use crate::syntax::text::LineIndex;

/// Every function whose name matches the query, at its entry's handler. Each entry file is read
/// for its line numbers: at most [`WORKSPACE_SYMBOL_LIMIT`] of them. Runs off the message loop.
pub fn workspace_symbol(session: &Session, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
    let index = session.index();
    let (found, _) =
        guarded("workspace/symbol", || symbols::workspace_symbols(&index, &params.query, WORKSPACE_SYMBOL_LIMIT))?;
    let mut texts: HashMap<PathBuf, Option<(String, LineIndex)>> = HashMap::new();
    let mut out = Vec::new();
    for symbol in found {
        let Some((text, lines)) = texts.entry(symbol.entry.clone()).or_insert_with(|| session.file_text(&symbol.entry))
        else {
            continue;
        };
        let (Some(uri), file) = (path_to_uri(&symbol.entry), FileText { text, lines }) else { continue };
        #[allow(deprecated)] // `deprecated` is a required field of the struct, not a use of it.
        out.push(SymbolInformation {
            name: symbol.name,
            kind: LsSymbolKind::FUNCTION,
            tags: None,
            deprecated: None,
            location: Location { uri, range: file.range(&(symbol.at..symbol.at)) },
            container_name: Some(symbol.project),
        });
    }
    Ok(Some(WorkspaceSymbolResponse::Flat(out)))
}

/// The outline of an open function entry; `null` for other files. Clients merge every server's
/// symbols (VS Code's outline and breadcrumbs, Neovim 0.11's `document_symbol`), and `null` is
/// LSP's "nothing here", which both take as no contribution, as they do an empty list.
pub fn document_symbol(session: &Session, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
    let Some(doc) = session.snapshot(&params.text_document.uri) else { return Ok(None) };
    let Some(path) = doc.path.clone() else { return Ok(None) };
    let index = session.index();
    let found = guarded("documentSymbol", || symbols::document_symbols(&index, &path, &doc.text, doc.tree.as_ref()))?;
    if found.is_empty() {
        return Ok(None);
    }
    let file = doc.file();
    Ok(Some(DocumentSymbolResponse::Nested(found.iter().map(|symbol| converted(symbol, &file)).collect())))
}

fn converted(symbol: &Symbol, file: &FileText) -> DocumentSymbol {
    let kind = match symbol.kind {
        SymbolKind::Function => LsSymbolKind::FUNCTION,
        SymbolKind::Input => LsSymbolKind::FIELD,
    };
    // Children come from a tree of bounded depth (a function and its inputs): recursion is safe.
    let children: Vec<DocumentSymbol> = symbol.children.iter().map(|child| converted(child, file)).collect();
    #[allow(deprecated)] // as above
    DocumentSymbol {
        name: symbol.name.clone(),
        detail: symbol.detail.clone(),
        kind,
        tags: None,
        deprecated: None,
        range: file.range(&symbol.range),
        selection_range: file.range(&symbol.selection),
        children: (!children.is_empty()).then_some(children),
    }
}

/// Each function name written at a call site, linked to the function's entry.
pub fn document_link(session: &Session, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
    let uri = params.text_document.uri;
    let Some(doc) = session.snapshot(&uri) else { return Ok(None) };
    let Some(path) = doc.path.clone() else { return Ok(None) };
    let index = session.index();
    let sites = session.sites_of(&uri);
    let found = guarded("documentLink", || document_links(&index, &path, &sites))?;
    let file = doc.file();
    let links = found
        .into_iter()
        .filter_map(|link| {
            Some(DocumentLink {
                range: file.range(&link.range),
                target: Some(path_to_uri(&link.target)?),
                tooltip: Some(link.tooltip),
                data: None,
            })
        })
        .collect();
    Ok(Some(links))
}
