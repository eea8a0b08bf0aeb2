//! A completion list as LSP sends it, borrowing the analysis' strings, with the LSP
//! 3.17 `itemDefaults` that `ls_types` lacks. Written to JSON text directly (see
//! `raw_results`): lists hold every function of a project, thousands of items.

use std::borrow::Cow;

use serde::Serialize;
use tower_lsp_server::ls_types::{CompletionItemKind, Documentation, Range};

/// A list but its items, which are written apart: they can be the same, written once,
/// for many lists.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct List {
    pub is_incomplete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_defaults: Option<ItemDefaults>,
}

impl List {
    /// The whole list as JSON text, given its items' (a JSON array).
    pub fn to_json(&self, items: &[u8]) -> serde_json::Result<Vec<u8>> {
        let mut json = serde_json::to_vec(self)?;
        // `{…}` becomes `{…,"items":[…]}`.
        json.pop();
        json.extend_from_slice(br#","items":"#);
        json.extend_from_slice(items);
        json.push(b'}');
        Ok(json)
    }
}

/// What every item of a list shares, said once, for clients that take it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemDefaults {
    pub edit_range: Range,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item<'a> {
    pub label: &'a str,
    pub kind: CompletionItemKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documentation: Option<Documentation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_edit: Option<TextEdit<'a>>,
    /// The new text when the range is the list's default and the text is not the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_edit_text: Option<&'a str>,
    /// The item's project, by its place in the index, for `completionItem/resolve`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextEdit<'a> {
    pub range: Range,
    pub new_text: &'a str,
}
