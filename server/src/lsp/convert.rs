//! Conversions between LSP types and the analysis library's: URIs and paths, UTF-16
//! positions and byte offsets, diagnostics and edits.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::{self as ls, Uri};

use crate::syntax::diagnostics::{Diagnostic, Fix, Severity};
use crate::syntax::text::{LineIndex, Utf16Pos, floor_char_boundary};

use super::settings::Settings;

pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn path_to_uri(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

/// A text and its line index, for converting offsets in one file.
pub struct FileText<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl FileText<'_> {
    pub fn position(&self, offset: usize) -> ls::Position {
        let pos = self.lines.utf16_pos(self.text, offset);
        ls::Position { line: pos.line, character: pos.col }
    }

    pub fn range(&self, range: &Range<usize>) -> ls::Range {
        ls::Range { start: self.position(range.start), end: self.position(range.end) }
    }

    pub fn offset(&self, position: ls::Position) -> usize {
        self.lines.offset(self.text, Utf16Pos { line: position.line, col: position.character })
    }
}

/// A byte offset in a one-line text (a signature's label) as LSP counts it: UTF-16 code units.
pub fn utf16_offset(text: &str, offset: usize) -> u32 {
    let before = &text[..floor_char_boundary(text, offset)];
    u32::try_from(before.encode_utf16().count()).unwrap_or(u32::MAX)
}

pub fn severity(severity: Severity) -> ls::DiagnosticSeverity {
    match severity {
        Severity::Error => ls::DiagnosticSeverity::ERROR,
        Severity::Warning => ls::DiagnosticSeverity::WARNING,
        Severity::Information => ls::DiagnosticSeverity::INFORMATION,
        Severity::Hint => ls::DiagnosticSeverity::HINT,
    }
}

/// An analysis diagnostic as LSP shows it, with the user's severity override applied;
/// `None` when the user turned the code off.
pub fn diagnostic(d: &Diagnostic, file: &FileText, settings: &Settings) -> Option<ls::Diagnostic> {
    let level = settings.severity_for(d.code, d.severity)?;
    Some(ls::Diagnostic {
        range: file.range(&d.range),
        severity: Some(severity(level)),
        code: Some(ls::NumberOrString::String(d.code.to_string())),
        source: Some("base44".into()),
        message: d.message.clone(),
        ..Default::default()
    })
}

/// A fix as a workspace edit. Edits to other files need their text: `texts` has it.
pub fn fix_edit(fix: &Fix, texts: &dyn Fn(&Path) -> Option<(String, LineIndex)>) -> Option<ls::WorkspaceEdit> {
    let mut changes: HashMap<Uri, Vec<ls::TextEdit>> = HashMap::new();
    for edit in &fix.edits {
        let (text, lines) = texts(&edit.path)?;
        let file = FileText { text: &text, lines: &lines };
        changes
            .entry(path_to_uri(&edit.path)?)
            .or_default()
            .push(ls::TextEdit { range: file.range(&edit.range), new_text: edit.new_text.clone() });
    }
    Some(ls::WorkspaceEdit { changes: Some(changes), ..Default::default() })
}

pub fn location(path: &Path, file: &FileText, range: &Range<usize>) -> Option<ls::Location> {
    Some(ls::Location { uri: path_to_uri(path)?, range: file.range(range) })
}

#[cfg(test)]
mod tests {
    use super::utf16_offset;

    #[test]
    fn label_offsets_count_utf16_units() {
        let label = "héllo-😀({ a })";
        assert_eq!(utf16_offset(label, 0), 0);
        assert_eq!(utf16_offset(label, "héllo-😀".len()), 8, "é is one unit, 😀 two");
        assert_eq!(utf16_offset(label, label.len()), 15);
    }
}
