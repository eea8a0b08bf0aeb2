//! The HTTP side of an invocation: one POST with a JSON body, the answer read chunk by chunk.

use std::collections::BTreeMap;
use std::time::Instant;

use serde_json::Value;

/// The most body kept for the response; the chunks past it still reach the caller's `on_chunk`.
const BODY_LIMIT_BYTES: usize = 16 << 20;

/// A complete answer, before the body is decoded.
pub struct RawResponse {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
    pub body_truncated: bool,
    pub duration_ms: u64,
}

pub fn build_client() -> Result<reqwest::Client, String> {
    // reqwest is built without a default crypto provider (its default needs cmake); install ring's
    // once. An error only means a provider is already installed, which is fine.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|error| describe_error(&error))
}

/// POSTs `data` as JSON with `headers` and reads the whole answer, passing each body chunk to
/// `on_chunk` as it arrives. The time covers sending the request to the last byte of the body.
pub async fn post_json(
    client: &reqwest::Client,
    url: &str,
    headers: &[(&str, String)],
    data: &Value,
    on_chunk: &mut impl FnMut(&[u8]),
) -> Result<RawResponse, reqwest::Error> {
    let started = Instant::now();
    let mut request = client.post(url).header(reqwest::header::CONTENT_TYPE, "application/json").body(data.to_string());
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let mut response = request.send().await?;
    let status = response.status().as_u16();
    let mut header_map: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in response.headers() {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        header_map
            .entry(name.as_str().to_owned())
            .and_modify(|existing| {
                existing.push_str(", ");
                existing.push_str(&value);
            })
            .or_insert(value);
    }
    let mut body = Vec::new();
    let mut body_truncated = false;
    while let Some(chunk) = response.chunk().await? {
        on_chunk(&chunk);
        let room = BODY_LIMIT_BYTES.saturating_sub(body.len());
        body_truncated |= chunk.len() > room;
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    let duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(RawResponse { status, headers: header_map, body, body_truncated, duration_ms })
}

/// The body as JSON when the answer says it is JSON and it parses, otherwise as text.
pub fn decode_body(headers: &BTreeMap<String, String>, body: &[u8], truncated: bool) -> Value {
    let says_json = headers.get("content-type").is_some_and(|content_type| {
        let mime = content_type.split(';').next().unwrap_or_default().trim();
        mime.eq_ignore_ascii_case("application/json") || mime.to_ascii_lowercase().ends_with("+json")
    });
    if says_json
        && !truncated
        && let Ok(value) = serde_json::from_slice::<Value>(body)
    {
        return value;
    }
    let mut text = String::from_utf8_lossy(body).into_owned();
    if truncated {
        text.push_str("\n[body truncated]");
    }
    Value::String(text)
}

/// A client error in plain words: its chain of causes, without the URL (the caller names it).
pub fn describe_error(error: &reqwest::Error) -> String {
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else if error.is_body() || error.is_decode() {
        "the answer was cut off"
    } else {
        "request failed"
    };
    let mut message = kind.to_owned();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.ends_with(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(content_type: &str) -> BTreeMap<String, String> {
        BTreeMap::from([("content-type".to_owned(), content_type.to_owned())])
    }

    #[test]
    fn json_bodies_are_parsed_when_the_answer_says_json() {
        let body = br#"{"ok":true,"n":[1,2]}"#;
        assert_eq!(
            decode_body(&headers("application/json; charset=utf-8"), body, false),
            serde_json::json!({"ok": true, "n": [1, 2]})
        );
        assert_eq!(decode_body(&headers("application/problem+json"), b"[1]", false), serde_json::json!([1]));
    }

    #[test]
    fn other_bodies_stay_text() {
        assert_eq!(
            decode_body(&headers("text/plain;charset=UTF-8"), b"{\"a\":1}", false),
            Value::String("{\"a\":1}".to_owned())
        );
        assert_eq!(decode_body(&headers("application/json"), b"not json", false), Value::String("not json".to_owned()));
        assert_eq!(decode_body(&BTreeMap::new(), b"abc", true), Value::String("abc\n[body truncated]".to_owned()));
    }
}
