//! `textDocument/signatureHelp`: the called function's inputs inside `invoke("name", |)`.

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    Documentation, MarkupContent, MarkupKind, ParameterInformation, ParameterLabel, SignatureHelp, SignatureHelpParams,
    SignatureInformation,
};

use crate::features::signature::signature_at;
use crate::lsp::convert::utf16_offset;
use crate::lsp::guard::guarded;
use crate::lsp::session::Session;

pub fn signature_help(session: &Session, params: SignatureHelpParams) -> Result<Option<SignatureHelp>> {
    let position = params.text_document_position_params;
    let facts = session.analysis(&position.text_document.uri).map(|a| Arc::clone(&a.facts)).unwrap_or_default();
    let index = session.index();
    let Some(doc) = session.snapshot(&position.text_document.uri) else { return Ok(None) };
    let Some(path) = doc.path.clone() else { return Ok(None) };
    let offset = doc.file().offset(position.position);
    let found = guarded("signatureHelp", || signature_at(&index, &path, &doc.text, offset, &facts))?;
    let Some(signature) = found else { return Ok(None) };
    // Parameter labels are offsets into the label, in UTF-16 code units.
    let utf16 = |byte: usize| utf16_offset(&signature.label, byte);
    let parameters = signature
        .parameters
        .iter()
        .map(|range| ParameterInformation {
            label: ParameterLabel::LabelOffsets([utf16(range.start), utf16(range.end)]),
            documentation: None,
        })
        .collect();
    let documentation = signature
        .documentation
        .clone()
        .map(|value| Documentation::MarkupContent(MarkupContent { kind: MarkupKind::Markdown, value }));
    let active = signature.active.and_then(|a| u32::try_from(a).ok());
    Ok(Some(SignatureHelp {
        signatures: vec![SignatureInformation {
            label: signature.label,
            documentation,
            parameters: Some(parameters),
            active_parameter: active,
        }],
        active_signature: Some(0),
        active_parameter: active,
    }))
}
