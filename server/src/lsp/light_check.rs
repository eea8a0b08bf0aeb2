//! Whether an incoming message is one tower-lsp-server will take: its reader stops for good
//! at the first it cannot decode. [`taken`] asks its own types, as its reader does; for a
//! large message, [`request_method`] reads it against the same shape as its `Request` (the
//! same fields and types, `params` skipped over) without building anything of it. A
//! `didOpen` of a minified bundle is megabytes of text: building a `serde_json::Value` of it
//! took 5-10 ms on the message loop, before tower-lsp-server reads it once more.

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::IgnoredAny;
use tower_lsp_server::jsonrpc::{Request, Response};

/// tower-lsp-server's reader's own message type (`jsonrpc::Message`, which it keeps private).
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Message {
    Response(Response),
    Request(Request),
}

/// Whether tower-lsp-server's reader decodes `body`: UTF-8, then its message type.
pub fn taken(body: &[u8]) -> bool {
    std::str::from_utf8(body).is_ok_and(|text| serde_json::from_str::<Message>(text).is_ok())
}

/// tower-lsp-server's `jsonrpc::Request`, with `params` read but not kept.
#[derive(Deserialize)]
struct RequestShape<'a> {
    #[serde(borrow)]
    jsonrpc: Cow<'a, str>,
    #[serde(default, borrow)]
    method: Cow<'a, str>,
    #[serde(default)]
    #[allow(dead_code)]
    params: Option<IgnoredAny>,
    #[serde(default, borrow)]
    #[allow(dead_code)]
    id: Option<IdShape<'a>>,
}

/// tower-lsp-server's `jsonrpc::Id`.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum IdShape<'a> {
    Number(i64),
    String(#[serde(borrow)] Cow<'a, str>),
    Null,
}

/// The method of `body` when it is a request or notification tower-lsp-server takes; `None`
/// when it is not, or cannot be told this way (the full check then decides).
pub fn request_method(body: &[u8]) -> Option<Cow<'_, str>> {
    // tower-lsp-server reads the body as UTF-8 first; skipping over a string does not check it.
    let text = std::str::from_utf8(body).ok()?;
    let shape: RequestShape = serde_json::from_str(text).ok()?;
    (shape.jsonrpc == "2.0").then_some(shape.method)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What tower-lsp-server's reader makes of a body, when it is a request.
    fn taken_as_request(body: &[u8]) -> Option<String> {
        match serde_json::from_str::<Message>(std::str::from_utf8(body).ok()?).ok()? {
            Message::Request(request) => Some(request.method().to_string()),
            Message::Response(_) => None,
        }
    }

    #[test]
    fn it_agrees_with_tower_lsp_servers_request() {
        let bodies: [&[u8]; 14] = [
            br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"text":"a\"\u00e9"}}}"#,
            br#"{"jsonrpc":"2.0","id":7,"method":"x","params":null}"#,
            br#"{"jsonrpc":"2.0","id":"a\"b","method":"x"}"#,
            br#"{"jsonrpc":"2.0","id":null,"method":"x"}"#,
            br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#,
            br#"{"jsonrpc":"2.0","id":[1],"method":"x"}"#,
            br#"{"jsonrpc":"1.0","method":"x"}"#,
            br#"{"method":"x"}"#,
            br#"{"jsonrpc":"2.0","method":"x","method":"y"}"#,
            br#"{"jsonrpc":"2.0","method":7}"#,
            br#"{"jsonrpc":"2.0","params":{"unterminated":"#,
            br#"{"jsonrpc":"2.0","method":"x","extra":{"deep":[1,2,{"a":null}]}}"#,
            b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\xff\"}",
            br#"[{"jsonrpc":"2.0","method":"x"}]"#,
        ];
        for body in bodies {
            let light = request_method(body).map(|method| method.into_owned());
            assert_eq!(light, taken_as_request(body), "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn a_repeated_field_is_not_taken() {
        // A JSON value keeps the last of a repeated key, and tower-lsp-server's reader refuses
        // the message: the check asks the reader's own types, not a value.
        assert!(!taken(br#"{"jsonrpc":"2.0","method":"x","method":"y"}"#));
        assert!(taken(br#"{"jsonrpc":"2.0","method":"x"}"#));
        assert!(taken(br#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        assert!(!taken(br#"{"jsonrpc":"2.0","id":{}}"#));
    }
}
