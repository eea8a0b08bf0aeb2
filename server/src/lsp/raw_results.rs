//! Results written as JSON text by their handler, past tower-lsp-server's router.
//!
//! The router turns every result into a `serde_json::Value` before it writes it: for a
//! completion list of 10,000 functions that costs ~25 ms, ten times what writing the
//! text does. So a handler with a large answer writes the text itself, stashes it here
//! and returns a small placeholder that names it; the transport's writer, which
//! re-frames every outgoing message anyway, swaps the placeholder's response for one
//! carrying the text. Answers keep their order: the swap happens as the message leaves.

use std::collections::BTreeMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;

/// The router writes a response as `{"jsonrpc":"2.0","result":…,"id":…}`: a placeholder's
/// marker is within this many bytes of the start, so longer messages are not read through.
const MARKER_WITHIN: usize = 256;
/// Stashed answers whose placeholder never left (its request was cancelled before the
/// router sent it) are dropped, oldest first, beyond this many.
const MAX_STASHED: usize = 16;

pub struct RawResults {
    /// Unique to this process, so no text a user wrote can be taken for a marker.
    marker: String,
    next: AtomicU64,
    stashed: Mutex<BTreeMap<u64, Vec<u8>>>,
}

impl Default for RawResults {
    fn default() -> Self {
        let nonce = RandomState::new().hash_one(std::process::id());
        Self { marker: format!("base44-raw-result-{nonce:016x}-"), next: AtomicU64::new(0), stashed: Mutex::default() }
    }
}

impl RawResults {
    /// Keeps `json` (one JSON value, as text) and returns the string that stands for it
    /// in the handler's result.
    pub fn stash(&self, json: Vec<u8>) -> String {
        let key = self.next.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut stashed) = self.stashed.lock() {
            stashed.insert(key, json);
            while stashed.len() > MAX_STASHED {
                stashed.pop_first();
            }
        }
        format!("{}{key}", self.marker)
    }

    /// What to send instead of `body`, an outgoing message of the router's, when it is a
    /// placeholder's response: that response with the stashed text as its result.
    pub fn replacement(&self, body: &[u8]) -> Option<Vec<u8>> {
        let head = &body[..body.len().min(MARKER_WITHIN)];
        let at = memchr::memmem::find(head, self.marker.as_bytes())?;
        let digits = &body[at + self.marker.len()..];
        let digits = &digits[..digits.iter().take_while(|b| b.is_ascii_digit()).count()];
        let key = std::str::from_utf8(digits).ok().and_then(|d| d.parse::<u64>().ok());
        let message = serde_json::from_slice::<Value>(body).ok()?;
        let id = message.get("id").filter(|_| message.get("result").is_some())?;
        let json = key.and_then(|key| self.stashed.lock().ok()?.remove(&key));
        let mut out = Vec::with_capacity(json.as_ref().map_or(0, Vec::len) + 64);
        out.extend_from_slice(br#"{"jsonrpc":"2.0","id":"#);
        serde_json::to_writer(&mut out, id).ok()?;
        match json {
            Some(json) => {
                out.extend_from_slice(br#","result":"#);
                out.extend_from_slice(&json);
            }
            // Only a bug could get here; the client must not see the marker.
            None => out.extend_from_slice(br#","error":{"code":-32603,"message":"base44-lsp lost this answer"}"#),
        }
        out.push(b'}');
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(id: &str, result: &str) -> Vec<u8> {
        format!(r#"{{"jsonrpc":"2.0","result":{result},"id":{id}}}"#).into_bytes()
    }

    fn text(replacement: Option<Vec<u8>>) -> String {
        match replacement {
            None => "as is".into(),
            Some(body) => String::from_utf8_lossy(&body).into_owned(),
        }
    }

    #[test]
    fn a_placeholder_anywhere_in_the_result_is_replaced_by_its_text() {
        let raw = RawResults::default();
        let marker = raw.stash(br#"{"isIncomplete":false,"items":[]}"#.to_vec());
        let body = response("7", &format!(r#"[{{"label":"{marker}"}}]"#));
        assert_eq!(
            text(raw.replacement(&body)),
            r#"{"jsonrpc":"2.0","id":7,"result":{"isIncomplete":false,"items":[]}}"#
        );
    }

    #[test]
    fn long_ids_are_kept() {
        let raw = RawResults::default();
        let marker = raw.stash(b"[]".to_vec());
        let id = format!(r#""{}""#, "i".repeat(MARKER_WITHIN * 2));
        let body = response(&id, &format!(r#"[{{"label":"{marker}"}}]"#));
        assert_eq!(text(raw.replacement(&body)), format!(r#"{{"jsonrpc":"2.0","id":{id},"result":[]}}"#));
    }

    #[test]
    fn string_ids_are_kept() {
        let raw = RawResults::default();
        let marker = raw.stash(b"[1]".to_vec());
        let body = response(r#""a\"b""#, &format!(r#""{marker}""#));
        assert_eq!(text(raw.replacement(&body)), r#"{"jsonrpc":"2.0","id":"a\"b","result":[1]}"#);
    }

    #[test]
    fn each_text_is_sent_once() {
        let raw = RawResults::default();
        let marker = raw.stash(b"1".to_vec());
        let body = response("1", &format!(r#""{marker}""#));
        assert!(raw.replacement(&body).is_some());
        assert_eq!(
            text(raw.replacement(&body)),
            r#"{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"base44-lsp lost this answer"}}"#
        );
    }

    #[test]
    fn other_messages_go_as_they_are() {
        let raw = RawResults::default();
        raw.stash(b"1".to_vec());
        assert_eq!(raw.replacement(&response("1", r#""base44-raw-result-0000000000000000-0""#)), None);
        assert_eq!(raw.replacement(b"not json"), None);
        let notification = format!(r#"{{"jsonrpc":"2.0","method":"x","params":"{}0"}}"#, raw.marker);
        assert_eq!(raw.replacement(notification.as_bytes()), None);
        let late =
            format!(r#"{{"jsonrpc":"2.0","method":"x","params":["{}","{}0"]}}"#, " ".repeat(MARKER_WITHIN), raw.marker);
        assert_eq!(raw.replacement(late.as_bytes()), None);
    }

    #[test]
    fn texts_never_sent_are_dropped_beyond_a_few() {
        let raw = RawResults::default();
        let first = raw.stash(b"0".to_vec());
        for _ in 0..MAX_STASHED {
            raw.stash(b"1".to_vec());
        }
        assert_eq!(raw.stashed.lock().map(|s| s.len()).unwrap_or_default(), MAX_STASHED);
        let body = response("1", &format!(r#""{first}""#));
        assert!(text(raw.replacement(&body)).contains("lost this answer"));
    }
}
