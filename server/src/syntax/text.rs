//! Byte offsets ↔ line/column positions, in UTF-16 (what LSP speaks) and in characters
//! (what the `check` command prints). The one place that converts positions.

use line_index::{LineCol, TextSize, WideEncoding, WideLineCol};

/// A position as LSP counts it: zero-based line, zero-based UTF-16 column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16Pos {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, for converting offsets both ways.
#[derive(Debug, Clone)]
pub struct LineIndex {
    inner: line_index::LineIndex,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        Self { inner: line_index::LineIndex::new(text), len: text.len() }
    }

    /// The UTF-16 position of a byte offset; offsets past the end or inside a character
    /// are clamped back to the nearest character boundary before them.
    pub fn utf16_pos(&self, text: &str, offset: usize) -> Utf16Pos {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line_col = self.inner.try_line_col(to_size(offset)).unwrap_or(LineCol { line: 0, col: 0 });
        let wide = self
            .inner
            .to_wide(WideEncoding::Utf16, line_col)
            .unwrap_or(WideLineCol { line: line_col.line, col: line_col.col });
        Utf16Pos { line: wide.line, col: wide.col }
    }

    /// The byte offset of a UTF-16 position. A column past the end of its line lands at
    /// the line's end, and a line past the end of the text at the text's end, as LSP asks.
    pub fn offset(&self, text: &str, pos: Utf16Pos) -> usize {
        let Some(line_range) = self.inner.line(pos.line) else {
            return self.len;
        };
        let line_start = usize::from(line_range.start());
        let line_end = usize::from(line_range.end());
        let utf8 = self
            .inner
            .to_utf8(WideEncoding::Utf16, WideLineCol { line: pos.line, col: pos.col })
            .map(|lc| line_start + lc.col as usize)
            .unwrap_or(line_end);
        // The line's range includes its newline; a column past the end stops before it.
        let content_end = trim_newline(text, line_start, line_end);
        floor_char_boundary(text, utf8.min(content_end))
    }

    /// Zero-based line and byte column: tree-sitter's `Point`.
    pub fn line_byte_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line_col = self.inner.try_line_col(to_size(offset)).unwrap_or(LineCol { line: 0, col: 0 });
        (line_col.line as usize, line_col.col as usize)
    }

    /// One-based line and one-based character column, for messages printed to a terminal.
    pub fn line_char_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line_col = self.inner.try_line_col(to_size(offset)).unwrap_or(LineCol { line: 0, col: 0 });
        let line_start = offset - line_col.col as usize;
        let chars = text.get(line_start..offset).map_or(0, |s| s.chars().count());
        (line_col.line as usize + 1, chars + 1)
    }
}

fn to_size(offset: usize) -> TextSize {
    TextSize::from(u32::try_from(offset).unwrap_or(u32::MAX))
}

fn trim_newline(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = end.min(bytes.len());
    if end > start && bytes[end - 1] == b'\n' {
        end -= 1;
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
    }
    end
}

/// The largest character boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, offset: usize) -> (Utf16Pos, usize) {
        let index = LineIndex::new(text);
        let pos = index.utf16_pos(text, offset);
        (pos, index.offset(text, pos))
    }

    #[test]
    fn ascii_positions_round_trip() {
        assert_eq!(roundtrip("ab\ncd", 4), (Utf16Pos { line: 1, col: 1 }, 4));
    }

    #[test]
    fn astral_characters_count_two_utf16_units() {
        let text = "x = \"🎉\"; y";
        let after_emoji = text.find("\";").unwrap_or(0);
        assert_eq!(roundtrip(text, after_emoji), (Utf16Pos { line: 0, col: 7 }, after_emoji));
    }

    #[test]
    fn column_past_line_end_clamps_to_line_end() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Utf16Pos { line: 0, col: 99 }), 2);
        assert_eq!(index.offset(text, Utf16Pos { line: 7, col: 0 }), text.len());
    }

    #[test]
    fn offset_inside_a_character_is_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_pos(text, 1), Utf16Pos { line: 0, col: 0 });
    }

    #[test]
    fn char_columns_for_terminal_output() {
        let text = "a\n  é🎉x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.line_char_col(text, x), (2, 5));
    }
}
