//! A completion list as LSP sends it, borrowing the analysis' strings, with the LSP
//! 3.17 `itemDefaults` that `ls_types` lacks. Written to JSON text directly (see
//! `raw_results`): lists hold every function of a project, thousands of items.
//!
//! Items are written once per version of the index ([`Written`]) and reused at every call:
//! an item that carries its own range (for clients that take no `itemDefaults`) is kept in
//! two pieces, before and after the range, which each list fills in.

use std::borrow::Cow;

use serde::Serialize;
use tower_lsp_server::ls_types::{CompletionItemKind, Documentation, Position, Range};

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

/// The range written into items that carry their own, where each list puts its range. No
/// text an item holds can contain it: it is not a JSON string, and quotes inside strings
/// are escaped.
const RANGE_HOLE: Range =
    Range { start: Position { line: u32::MAX, character: 0 }, end: Position { line: u32::MAX, character: 1 } };

/// Items written as JSON, each with a hole for the list's range when it carries one.
#[derive(Debug, Default)]
pub struct Written {
    bytes: Vec<u8>,
    items: Vec<WrittenItem>,
}

#[derive(Debug)]
struct WrittenItem {
    label: Box<str>,
    /// Its text before the range, and after (empty when it has no range of its own).
    head: std::ops::Range<usize>,
    tail: std::ops::Range<usize>,
}

impl Written {
    /// Writes `items`; those with a text edit get [`RANGE_HOLE`] for its range.
    pub fn new<'a>(items: impl IntoIterator<Item = Item<'a>>) -> serde_json::Result<Self> {
        let hole = serde_json::to_vec(&RANGE_HOLE)?;
        let mut written = Written::default();
        for mut item in items {
            if let Some(edit) = item.text_edit.as_mut() {
                edit.range = RANGE_HOLE;
            }
            let start = written.bytes.len();
            serde_json::to_writer(&mut written.bytes, &item)?;
            let end = written.bytes.len();
            let at = item.text_edit.as_ref().and_then(|_| memchr::memmem::find(&written.bytes[start..end], &hole));
            let (head, tail) = match at {
                Some(at) => (start..start + at, start + at + hole.len()..end),
                None => (start..end, end..end),
            };
            written.items.push(WrittenItem { label: item.label.into(), head, tail });
        }
        Ok(written)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn labels(&self) -> impl ExactSizeIterator<Item = &str> {
        self.items.iter().map(|item| &*item.label)
    }

    /// The JSON array of the items at `chosen` (places in the written order), in that order,
    /// with `range` in those that carry one.
    pub fn array(&self, chosen: impl IntoIterator<Item = usize>, range: Range) -> serde_json::Result<Vec<u8>> {
        let range = serde_json::to_vec(&range)?;
        let mut out = Vec::with_capacity(self.bytes.len() + 2);
        out.push(b'[');
        for (n, item) in chosen.into_iter().filter_map(|i| self.items.get(i)).enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.bytes[item.head.clone()]);
            if !item.tail.is_empty() {
                out.extend_from_slice(&range);
                out.extend_from_slice(&self.bytes[item.tail.clone()]);
            }
        }
        out.push(b']');
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn item<'a>(label: &'a str, edit: bool) -> Item<'a> {
        Item {
            label,
            kind: CompletionItemKind::FUNCTION,
            detail: Some(Cow::Borrowed("base44/functions/x/entry.ts")),
            documentation: None,
            filter_text: None,
            text_edit: edit.then_some(TextEdit { range: Range::default(), new_text: label }),
            text_edit_text: None,
            data: Some(0),
        }
    }

    fn at(line: u32, start: u32, end: u32) -> Range {
        Range { start: Position { line, character: start }, end: Position { line, character: end } }
    }

    #[test]
    fn each_list_fills_in_its_own_range() {
        let written = Written::new([item("a\"b", true), item("c", true)]).expect("written");
        let parse = |bytes: Vec<u8>| serde_json::from_slice::<Value>(&bytes).expect("JSON");
        let edit = |label: &str, range: Range| {
            json!({"label": label, "kind": 3, "detail": "base44/functions/x/entry.ts", "data": 0,
                   "textEdit": {"range": range, "newText": label}})
        };
        assert_eq!(
            parse(written.array([1, 0], at(3, 4, 5)).expect("array")),
            json!([edit("c", at(3, 4, 5)), edit("a\"b", at(3, 4, 5))])
        );
        assert_eq!(parse(written.array([0], at(7, 0, 0)).expect("array")), json!([edit("a\"b", at(7, 0, 0))]));
        assert_eq!(written.labels().collect::<Vec<_>>(), ["a\"b", "c"]);
    }

    #[test]
    fn items_without_a_range_of_their_own_are_written_as_they_are() {
        let written = Written::new([item("a", false)]).expect("written");
        let array = written.array([0, 5], at(1, 1, 1)).expect("array");
        assert_eq!(
            serde_json::from_slice::<Value>(&array).expect("JSON"),
            json!([{"label": "a", "kind": 3, "detail": "base44/functions/x/entry.ts", "data": 0}])
        );
    }
}
