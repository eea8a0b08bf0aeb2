//! Turns body chunks into text for display while a body streams: a UTF-8 character split across
//! two chunks is held back until its end arrives, instead of showing up as two broken characters.

/// Feed it the chunks `invoke` passes to `on_chunk`, in order.
#[derive(Debug, Default)]
pub struct TextChunks {
    pending: Vec<u8>,
}

impl TextChunks {
    /// The text that `chunk` completes. Invalid bytes become U+FFFD.
    pub fn push(&mut self, chunk: &[u8]) -> String {
        self.pending.extend_from_slice(chunk);
        let complete = complete_prefix_len(&self.pending);
        let rest = self.pending.split_off(complete);
        let text = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending = rest;
        text
    }

    /// Whatever is left at the end of the body (an unfinished character, shown as U+FFFD).
    pub fn finish(self) -> String {
        String::from_utf8_lossy(&self.pending).into_owned()
    }
}

/// The length of `bytes` without a trailing, possibly unfinished, UTF-8 sequence.
fn complete_prefix_len(bytes: &[u8]) -> usize {
    // A UTF-8 character is at most 4 bytes: look at the last 3 for the start of one.
    for back in 1..=bytes.len().min(3) {
        let index = bytes.len() - back;
        let byte = bytes[index];
        if byte & 0b1100_0000 == 0b1000_0000 {
            continue; // A continuation byte: the start is further back.
        }
        let needed = match byte {
            0b1100_0000..=0b1101_1111 => 2,
            0b1110_0000..=0b1110_1111 => 3,
            0b1111_0000..=0b1111_0111 => 4,
            _ => 1,
        };
        return if back < needed { index } else { bytes.len() };
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_split_across_chunks_come_out_whole() {
        let text = "héllo ☃ 😀!";
        let bytes = text.as_bytes();
        for size in 1..=5 {
            let mut chunks = TextChunks::default();
            let mut shown = String::new();
            for chunk in bytes.chunks(size) {
                let piece = chunks.push(chunk);
                assert!(!piece.contains('\u{FFFD}'), "chunk size {size}: {piece:?}");
                shown.push_str(&piece);
            }
            shown.push_str(&chunks.finish());
            assert_eq!(shown, text, "chunk size {size}");
        }
    }

    #[test]
    fn invalid_and_unfinished_bytes_become_replacement_characters() {
        let mut chunks = TextChunks::default();
        assert_eq!(chunks.push(b"a\xffb"), "a\u{FFFD}b");
        assert_eq!(chunks.push(b"\xe2\x98"), "");
        assert_eq!(chunks.finish(), "\u{FFFD}");
    }
}
