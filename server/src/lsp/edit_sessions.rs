//! Fuzzing sessions of random edits through the server's document type, then every entry point
//! on its incremental tree: the part of the fuzz harness (`crate::fuzz`) that speaks LSP types,
//! kept in `lsp/` as every use of them is.

use proptest::prelude::*;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use super::documents::Document;
use crate::checks::check_file;
use crate::features::completion::complete;
use crate::fuzz::entry_points::{Offsets, exercise, fixture};
use crate::fuzz::properties::{JS_TOKENS, cases, soup};
use crate::syntax::text::Utf16Pos;

/// An edit whose positions are seeds, made into positions of the text as it is.
#[derive(Debug, Clone)]
struct Edit {
    start: (u16, u16),
    end: (u16, u16),
    text: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (any::<(u16, u16)>(), any::<(u16, u16)>(), soup(JS_TOKENS, 4)).prop_map(|(start, end, text)| Edit {
        start,
        end,
        text,
    })
}

fn change(doc: &Document, edit: &Edit) -> TextDocumentContentChangeEvent {
    let lines = doc.lines.line_count() as u32 + 1;
    let position = |(line, character): (u16, u16)| {
        let line = u32::from(line) % lines;
        Position { line, character: u32::from(character) % 40 }
    };
    let (start, end) = (position(edit.start), position(edit.end));
    let (start, end) =
        if (start.line, start.character) <= (end.line, end.character) { (start, end) } else { (end, start) };
    TextDocumentContentChangeEvent { range: Some(Range { start, end }), range_length: None, text: edit.text.clone() }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_session_of_random_edits(initial in soup(JS_TOKENS, 40), batches in prop::collection::vec(prop::collection::vec(edit(), 1..3), 1..6)) {
        let fixture = fixture();
        let uri: Uri = format!("file://{}", fixture.page.display()).parse().expect("a file URI");
        let mut doc = Document::new(&uri, 1, initial, "javascriptreact");
        for (version, batch) in batches.iter().enumerate() {
            let changes: Vec<_> = batch.iter().map(|edit| change(&doc, edit)).collect();
            doc.apply_changes(version as i32 + 2, changes);
            let tree = doc.tree.as_ref().expect("a small document is parsed");
            let report = check_file(&fixture.index, &fixture.index, &fixture.page, &doc.text, tree);
            for offset in (0..=doc.text.len()).step_by(3) {
                let position = doc.lines.utf16_pos(&doc.text, offset);
                let at = doc.lines.offset(&doc.text, Utf16Pos { line: position.line, col: position.col });
                let _ = complete(&fixture.index, &fixture.page, &doc.text, Some(tree), at, &report.facts);
            }
        }
        exercise(&doc.text, Offsets::Spread(50));
    }
}

#[test]
fn a_twenty_megabyte_line_is_kept_but_not_parsed() {
    let mut text = String::with_capacity(20 << 20);
    while text.len() < 20 << 20 {
        text.push_str("var a=base44.functions.invoke(\"x\",{b:1});function c(d){return d?.e??[d,{f:`g`}]}");
    }
    let uri: Uri = "file:///w/bundle.min.js".parse().expect("a file URI");
    let mut doc = Document::new(&uri, 1, text, "javascript");
    assert!(doc.tree.is_none(), "a 20 MB document is not parsed");
    let end = doc.lines.utf16_pos(&doc.text, doc.text.len());
    let at = Position { line: end.line, character: end.col };
    let change = TextDocumentContentChangeEvent {
        range: Some(Range { start: at, end: at }),
        range_length: None,
        text: ";".into(),
    };
    doc.apply_changes(2, vec![change]);
    assert!(doc.text.ends_with("}]};") && doc.tree.is_none());
}
