//! LSP's base protocol framing (`Content-Length: N\r\n\r\n` + body), read leniently:
//! anything that is not a well-formed frame is reported and skipped, never fatal.

/// Bodies larger than this are refused: no real message is that big, and a lying
/// header must not make the server buffer without end.
pub const MAX_BODY: usize = 64 * 1024 * 1024;
/// A header block longer than this without its blank line is garbage.
const MAX_HEADER: usize = 8 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// A complete body.
    Body(Vec<u8>),
    /// Bytes that could not be a frame were dropped; the text says why.
    Garbage(String),
}

/// Splits a byte stream into frames as it arrives.
#[derive(Default)]
pub struct FrameReader {
    buffer: Vec<u8>,
}

impl FrameReader {
    pub fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// The next frame, or `None` until more bytes arrive.
    pub fn next_frame(&mut self) -> Option<Frame> {
        // Blank lines between frames are tolerated, as many clients send them.
        let skip = self.buffer.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        self.buffer.drain(..skip);
        if self.buffer.is_empty() {
            return None;
        }
        // Junk is reported once the next header shows where it ends, so one piece of
        // junk gives one error however the bytes were split into reads.
        if !self.buffer[0].eq_ignore_ascii_case(&b'c') {
            if self.has_header_ahead() || self.buffer.len() > MAX_HEADER {
                return Some(self.resync("bytes before a header"));
            }
            return None;
        }
        let Some(header_end) = find(&self.buffer, b"\r\n\r\n") else {
            if self.buffer.len() > MAX_HEADER {
                return Some(self.resync("a header without its blank line"));
            }

            return None;
        };
        let header = String::from_utf8_lossy(&self.buffer[..header_end]).into_owned();
        let length = match content_length(&header) {
            Ok(length) => length,
            Err(why) => {
                self.buffer.drain(..header_end + 4);
                return Some(Frame::Garbage(why));
            }
        };
        let body_start = header_end + 4;
        if self.buffer.len() < body_start + length {
            return None;
        }
        let body = if self.buffer.len() == body_start + length {
            // The frame is all that arrived (a big document is): the buffer becomes the body
            // instead of being copied, and a new one starts small.
            let mut body = std::mem::take(&mut self.buffer);
            body.drain(..body_start);
            body
        } else {
            let body = self.buffer[body_start..body_start + length].to_vec();
            self.buffer.drain(..body_start + length);
            // What a big frame made it grow to is not kept for the small ones after it.
            if self.buffer.capacity() > 1 << 20 && self.buffer.len() < self.buffer.capacity() / 4 {
                self.buffer.shrink_to_fit();
            }
            body
        };
        Some(Frame::Body(body))
    }

    fn has_header_ahead(&self) -> bool {
        find(&self.buffer[1..], b"Content-Length").is_some()
    }

    /// Drops everything up to the next `Content-Length` header; without one, all but a
    /// tail that may be the start of one.
    fn resync(&mut self, why: &str) -> Frame {
        const HEADER: &[u8] = b"Content-Length";
        let next = match find(&self.buffer[1..], HEADER) {
            Some(i) => i + 1,
            None => self.buffer.len().saturating_sub(HEADER.len() - 1).max(1),
        };
        self.buffer.drain(..next);
        Frame::Garbage(why.to_string())
    }
}

fn content_length(header: &str) -> Result<usize, String> {
    let mut length = None;
    for line in header.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("a header line without a colon: {:?}", truncate(line)));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let value = value.trim();
            let parsed: usize =
                value.parse().map_err(|_| format!("Content-Length is not a number: {:?}", truncate(value)))?;
            if parsed > MAX_BODY {
                return Err(format!("Content-Length {parsed} is over the limit of {MAX_BODY} bytes"));
            }
            length = Some(parsed);
        }
    }
    length.ok_or_else(|| "a header without Content-Length".to_string())
}

fn truncate(text: &str) -> String {
    text.chars().take(60).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The header that goes before `body`.
pub fn header(body: &[u8]) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes()
}

/// `body` framed: its header, then it.
pub fn encode(body: &[u8]) -> Vec<u8> {
    let mut out = header(body);
    out.extend_from_slice(body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[&[u8]]) -> Vec<Frame> {
        let mut reader = FrameReader::default();
        let mut out = Vec::new();
        for chunk in input {
            reader.push(chunk);
            while let Some(frame) = reader.next_frame() {
                out.push(frame);
            }
        }
        out
    }

    #[test]
    fn a_big_frame_is_handed_over_and_leaves_no_big_buffer_behind() {
        let big = vec![b'x'; 2 << 20];
        let mut reader = FrameReader::default();
        // Alone in the buffer: taken whole; then followed by a small one: copied out.
        reader.push(&encode(&big));
        assert_eq!(reader.next_frame(), Some(Frame::Body(big.clone())));
        assert_eq!(reader.buffer.capacity(), 0);
        reader.push(&[encode(&big), encode(b"{}")].concat());
        assert_eq!(reader.next_frame(), Some(Frame::Body(big)));
        assert!(reader.buffer.capacity() < 1 << 20, "{} bytes kept", reader.buffer.capacity());
        assert_eq!(reader.next_frame(), Some(Frame::Body(b"{}".to_vec())));
        assert_eq!(reader.next_frame(), None);
    }

    #[test]
    fn frames_split_across_chunks() {
        assert_eq!(
            frames(&[b"Content-Len", b"gth: 2\r\n\r\n{", b"}Content-Length: 1\r\nContent-Type: x\r\n\r\n1"]),
            [Frame::Body(b"{}".to_vec()), Frame::Body(b"1".to_vec())]
        );
    }

    #[test]
    fn bad_headers_are_skipped_and_reading_goes_on() {
        assert_eq!(
            frames(&[b"Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}"]),
            [Frame::Garbage("Content-Length is not a number: \"x\"".into()), Frame::Body(b"{}".to_vec())]
        );
        assert_eq!(
            frames(&[b"no header here\r\n\r\n", b"Content-Length: 2\r\n\r\n{}"]),
            [Frame::Garbage("bytes before a header".into()), Frame::Body(b"{}".to_vec())]
        );
        assert_eq!(
            frames(&[b"Content-Length: 99999999999\r\n\r\n{}", b"Content-Length: 2\r\n\r\n[]"]),
            [
                Frame::Garbage(format!("Content-Length 99999999999 is over the limit of {MAX_BODY} bytes")),
                // What followed the broken header, up to the next one.
                Frame::Garbage("bytes before a header".into()),
                Frame::Body(b"[]".to_vec()),
            ]
        );
        assert_eq!(
            frames(&[b"\x00\x01Content-Length: 2\r\n\r\n{}"]),
            [Frame::Garbage("bytes before a header".into()), Frame::Body(b"{}".to_vec())]
        );
    }

    #[test]
    fn endless_header_resyncs_on_the_next_frame() {
        let mut input = vec![b'x'; MAX_HEADER + 10];
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
        let got = frames(&[&input]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], Frame::Body(b"{}".to_vec()));
    }
}
