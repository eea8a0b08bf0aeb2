//! Open documents: text, version and syntax tree, kept current with
//! incremental edits and incremental reparsing.
//!
//! A document larger than [`MAX_ANALYSED_BYTES`] (a minified bundle, a generated file) is
//! kept for its text only, with a line in the log: parsing runs on the message loop, and a
//! 4 MB bundle would hold up every other request for a second or more.

use std::path::PathBuf;

use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};
use tree_sitter::{InputEdit, Point, Tree};

use crate::syntax::text::LineIndex;
use crate::syntax::{self, Lang};

use super::convert::{FileText, uri_to_path};

/// Open documents above this size are not parsed or checked. No hand-written page is that
/// large; parsing this much takes up to ~0.1 s on a slow machine, the most a request waits.
pub const MAX_ANALYSED_BYTES: usize = 512 * 1024;

#[derive(Clone)]
pub struct Document {
    pub path: Option<PathBuf>,
    pub version: i32,
    pub text: String,
    pub lang: Option<Lang>,
    pub tree: Option<Tree>,
    pub lines: LineIndex,
    /// Over [`MAX_ANALYSED_BYTES`]: not analysed (said once in the log, until it shrinks).
    too_large: bool,
}

impl Document {
    pub fn new(uri: &Uri, version: i32, text: String, language_id: &str) -> Self {
        let path = uri_to_path(uri);
        let lang = path.as_deref().and_then(Lang::from_path).or_else(|| Lang::from_language_id(language_id));
        let lines = LineIndex::new(&text);
        let mut doc = Self { path, version, text, lang, tree: None, lines, too_large: false };
        doc.reparse(false);
        doc
    }

    pub fn file(&self) -> FileText<'_> {
        FileText { text: &self.text, lines: &self.lines }
    }

    /// Applies a `didChange`'s edits in order, then reparses once, reusing the old tree.
    pub fn apply_changes(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        let mut incremental = true;
        for change in changes {
            match change.range {
                Some(range) => {
                    let start = self.file().offset(range.start);
                    // Typing inserts: one conversion, which on a long line of a minified
                    // bundle (not ASCII) walks the characters before the column.
                    let end = if range.end == range.start { start } else { self.file().offset(range.end).max(start) };
                    self.edit_tree(start, end, &change.text);
                    self.text.replace_range(start..end, &change.text);
                    self.lines = LineIndex::new(&self.text);
                }
                None => {
                    self.text = change.text;
                    self.lines = LineIndex::new(&self.text);
                    incremental = false;
                }
            }
        }
        self.version = version;
        self.reparse(incremental);
    }

    fn edit_tree(&mut self, start: usize, old_end: usize, new_text: &str) {
        let Some(tree) = self.tree.as_mut() else { return };
        let start_position = syntax::point_at(&self.text, start);
        let old_end_position = syntax::point_at(&self.text, old_end);
        let new_end_byte = start + new_text.len();
        let new_end_position = match new_text.rfind('\n') {
            Some(last) => {
                Point { row: start_position.row + new_text.matches('\n').count(), column: new_text.len() - last - 1 }
            }
            None => Point { row: start_position.row, column: start_position.column + new_text.len() },
        };
        tree.edit(&InputEdit {
            start_byte: start,
            old_end_byte: old_end,
            new_end_byte,
            start_position,
            old_end_position,
            new_end_position,
        });
    }

    fn reparse(&mut self, incremental: bool) {
        let Some(lang) = self.lang else { return };
        let too_large = self.text.len() > MAX_ANALYSED_BYTES;
        if too_large && !self.too_large {
            let name = self.path.as_deref().map_or_else(|| "a document".into(), |p| p.display().to_string());
            eprintln!(
                "base44-lsp: {name} is {} bytes, over the {MAX_ANALYSED_BYTES} analysed in open documents \
                 (a minified bundle?): it gets no diagnostics, completion or lenses",
                self.text.len()
            );
        }
        self.too_large = too_large;
        if too_large {
            self.tree = None;
            return;
        }
        let old = if incremental { self.tree.as_ref() } else { None };
        self.tree = syntax::parse(&self.text, lang, old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position { line: sl, character: sc },
                end: Position { line: el, character: ec },
            }),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_match_a_fresh_parse() {
        let uri: Uri = "file:///w/a.ts".parse().expect("uri");
        let mut doc = Document::new(&uri, 1, "const a = 1;\nbase44.functions.invoke(\"x\");\n".into(), "typescript");
        doc.apply_changes(2, vec![change(1, 25, 1, 26, "yz"), change(0, 0, 0, 0, "// 🎉\n")]);
        assert_eq!(doc.text, "// 🎉\nconst a = 1;\nbase44.functions.invoke(\"yz\");\n");
        let fresh = syntax::parse(&doc.text, Lang::TypeScript, None).map(|t| t.root_node().to_sexp());
        assert_eq!(doc.tree.as_ref().map(|t| t.root_node().to_sexp()), fresh);
        assert_eq!(doc.version, 2);
    }

    #[test]
    fn a_document_over_the_bound_is_not_analysed_until_it_shrinks() {
        let uri: Uri = "file:///w/bundle.js".parse().expect("uri");
        let call = "base44.functions.invoke(\"x\");";
        let mut big = call.to_string();
        big.push_str(&" ".repeat(MAX_ANALYSED_BYTES));
        let mut doc = Document::new(&uri, 1, big, "javascript");
        assert!(doc.tree.is_none());
        let end = u32::try_from(doc.text.len()).expect("fits");
        doc.apply_changes(2, vec![change(0, call.len() as u32, 0, end, "")]);
        assert_eq!(doc.text, call);
        assert!(doc.tree.is_some());
    }

    #[test]
    fn out_of_range_edits_are_clamped_not_fatal() {
        let uri: Uri = "file:///w/a.js".parse().expect("uri");
        let mut doc = Document::new(&uri, 1, "ab".into(), "javascript");
        doc.apply_changes(2, vec![change(5, 9, 2, 0, "c")]);
        assert_eq!(doc.text, "abc");
    }
}
