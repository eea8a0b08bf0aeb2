//! Unit tests of the response-shape check: each form, positive and negative, and each
//! quick fix applied to the text and compared whole.

mod containers;
mod errors;
mod fetch;
mod fields;
mod helpers;
mod lookup;
mod negatives;

use std::path::Path;

use super::response_shape_diagnostics;
use crate::syntax::diagnostics::Diagnostic;
use crate::syntax::text::LineIndex;
use crate::syntax::{Lang, parse};

fn diagnostics(src: &str) -> Vec<Diagnostic> {
    let tree = parse(src, Lang::Tsx, None).expect("test source parses");
    assert!(!tree.root_node().has_error(), "test source has syntax errors:\n{src}");
    response_shape_diagnostics(&tree, src, Path::new("/app/src/Page.jsx"))
}

/// One `line:col code message` line per diagnostic (1-based, of `src` as written).
fn render(src: &str) -> String {
    let index = LineIndex::new(src);
    diagnostics(src)
        .iter()
        .map(|d| {
            let (line, col) = index.line_char_col(src, d.range.start);
            format!("{line}:{col} {} {}", d.code, d.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts the rendered diagnostics; `expect` is compared line by line, trimmed.
#[track_caller]
fn check(src: &str, expect: &str) {
    let expect = expect.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("\n");
    assert_eq!(render(src), expect, "source:\n{src}");
}

#[track_caller]
fn check_clean(src: &str) {
    check(src, "");
}

/// Asserts diagnostics exactly at the spans marked `⟦…⟧` in `marked`, with `codes` in
/// document order, and no others.
#[track_caller]
fn check_marked(marked: &str, codes: &[&str]) {
    let mut src = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in marked.chars() {
        match c {
            '⟦' => open = Some(src.len()),
            '⟧' => spans.extend(open.take().map(|start| start..src.len())),
            _ => src.push(c),
        }
    }
    assert_eq!(spans.len(), codes.len(), "one code per marked span");
    let expected: Vec<_> = spans.into_iter().zip(codes.iter().copied()).collect();
    let actual: Vec<_> = diagnostics(&src).into_iter().map(|d| (d.range, d.code)).collect();
    assert_eq!(actual, expected, "source:\n{src}");
}

/// The text each diagnostic flags, with its code: `code `text``.
fn flagged(src: &str) -> Vec<String> {
    diagnostics(src).iter().map(|d| format!("{} {}", d.code, &src[d.range.clone()])).collect()
}

/// Applies the only fix on offer and compares the whole resulting text.
#[track_caller]
fn check_fix(before: &str, after: &str) {
    let found = diagnostics(before);
    let fixes: Vec<_> = found.iter().flat_map(|d| d.fixes.iter()).collect();
    assert_eq!(fixes.len(), 1, "expected one fix, got {found:#?}");
    let mut edits = fixes[0].edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut text = before.to_string();
    for edit in edits {
        assert_eq!(edit.path, Path::new("/app/src/Page.jsx"));
        text.replace_range(edit.range, &edit.new_text);
    }
    assert_eq!(text, after);
    let tree = parse(&text, Lang::Tsx, None).expect("fixed source parses");
    assert!(!tree.root_node().has_error(), "the fix broke the syntax:\n{text}");
    assert!(diagnostics(&text).len() < found.len(), "the fix did not remove its warning:\n{text}");
}

/// Asserts that no diagnostic offers a fix.
#[track_caller]
fn check_no_fix(src: &str) {
    let found = diagnostics(src);
    assert!(!found.is_empty(), "expected a diagnostic");
    assert!(found.iter().all(|d| d.fixes.is_empty()), "{found:#?}");
}
