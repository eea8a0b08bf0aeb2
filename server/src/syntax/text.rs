//! Byte offsets ↔ line/column positions, in UTF-16 (what LSP speaks) and in characters
//! (what the `check` command prints). The one place that converts positions.

/// A position as LSP counts it: zero-based line, zero-based UTF-16 column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16Pos {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, for converting offsets both ways. Lines end as LSP says they
/// do: at `\n`, `\r\n` or a lone `\r` (not at U+2028 and the like), so the server counts
/// lines as its clients do.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// The byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // In `\r\n` the `\n` ends the line.
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(at + 1);
        }
        Self { starts, len: text.len() }
    }

    /// How many lines the text has (an empty text, or one ending in a line end, has an
    /// empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The line holding a byte offset (clamped to the text).
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset.min(self.len)).saturating_sub(1)
    }

    /// The bytes of a line without its line end.
    fn content(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts.get(line).copied().unwrap_or(self.len);
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len).min(text.len());
        let bytes = text.as_bytes();
        let mut content_end = end;
        if content_end > start && bytes[content_end - 1] == b'\n' {
            content_end -= 1;
        }
        if content_end > start && bytes[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        (start, content_end)
    }

    /// The UTF-16 position of a byte offset; offsets past the end or inside a character
    /// are clamped back to the nearest character boundary before them, and offsets inside
    /// a line end to the end of the line.
    pub fn utf16_pos(&self, text: &str, offset: usize) -> Utf16Pos {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let (start, content_end) = self.content(text, line);
        let before = text.get(start..offset.min(content_end)).unwrap_or("");
        let col = if before.is_ascii() { before.len() } else { before.chars().map(char::len_utf16).sum() };
        Utf16Pos { line: to_u32(line), col: to_u32(col) }
    }

    /// The byte offset of a UTF-16 position. A column past the end of its line lands at
    /// the line's end, and a line past the end of the text at the text's end, as LSP asks;
    /// a column inside a surrogate pair lands before the pair.
    pub fn offset(&self, text: &str, pos: Utf16Pos) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return self.len.min(text.len());
        }
        let (start, content_end) = self.content(text, line);
        let content = text.get(start..content_end).unwrap_or("");
        let wanted = pos.col as usize;
        if content.is_ascii() {
            return start + wanted.min(content.len());
        }
        let mut units = 0;
        for (at, c) in content.char_indices() {
            units += c.len_utf16();
            if units > wanted {
                return start + at;
            }
        }
        content_end
    }

    /// One-based line and one-based character column, for messages printed to a terminal.
    pub fn line_char_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let (start, content_end) = self.content(text, line);
        let chars = text.get(start..offset.min(content_end)).map_or(0, |s| s.chars().count());
        (line + 1, chars + 1)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
    fn every_line_end_lsp_knows_and_no_other() {
        // `\n`, `\r\n` and a lone `\r` end lines; U+2028 does not (LSP 3.17).
        let text = "a\nb\r\nc\rd\u{2028}e\r";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 5);
        let e = text.find('e').unwrap_or(0);
        assert_eq!(index.utf16_pos(text, e), Utf16Pos { line: 3, col: 2 });
        assert_eq!(index.offset(text, Utf16Pos { line: 2, col: 0 }), text.find('c').unwrap_or(0));
        assert_eq!(index.offset(text, Utf16Pos { line: 2, col: 9 }), text.find('c').unwrap_or(0) + 1);
        assert_eq!(index.offset(text, Utf16Pos { line: 4, col: 0 }), text.len());
        // Between the `\r` and `\n` of one line end: the end of that line.
        let crlf = text.find("\r\n").unwrap_or(0);
        assert_eq!(index.utf16_pos(text, crlf + 1), Utf16Pos { line: 1, col: 1 });
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_lands_before_it() {
        let text = "a🎉b";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Utf16Pos { line: 0, col: 2 }), 1);
        assert_eq!(index.offset(text, Utf16Pos { line: 0, col: 3 }), 5);
    }

    #[test]
    fn char_columns_for_terminal_output() {
        let text = "a\n  é🎉x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.line_char_col(text, x), (2, 5));
    }
}
