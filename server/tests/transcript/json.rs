//! JSON for people: a layout that keeps small values on one line, and a canonical message order.

use serde_json::{Map, Value};
use std::collections::HashSet;

/// Values whose one-line form fits in this many columns stay on one line.
const WIDTH: usize = 100;
/// Members with these names come first, in this order, as LSP writes them; the rest follow
/// sorted by name. A fixed order keeps snapshots stable whatever order the server used.
const LEADING_KEYS: [&str; 13] = [
    "jsonrpc",
    "id",
    "method",
    "params",
    "result",
    "error",
    "textDocument",
    "uri",
    "range",
    "start",
    "end",
    "line",
    "character",
];

/// Lays a value out over lines: objects and arrays that fit in `WIDTH` columns stay on one line
/// (`{"line": 3, "character": 5}`), bigger ones get one member per line, indented by two spaces.
pub fn layout(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0, 0);
    out
}

fn write_value(out: &mut String, value: &Value, indent: usize, prefix_width: usize) {
    let single = one_line(value);
    let fits = indent + prefix_width + single.chars().count() <= WIDTH;
    match value {
        Value::Object(map) if !fits && !map.is_empty() => {
            out.push_str("{\n");
            for (index, (key, member)) in ordered(map).into_iter().enumerate() {
                let key = quote(key);
                push_indent(out, indent + 2);
                out.push_str(&key);
                out.push_str(": ");
                write_value(out, member, indent + 2, key.chars().count() + 2);
                if index + 1 < map.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            push_indent(out, indent);
            out.push('}');
        }
        Value::Array(items) if !fits && !items.is_empty() => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                push_indent(out, indent + 2);
                write_value(out, item, indent + 2, 0);
                if index + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            push_indent(out, indent);
            out.push(']');
        }
        _ => out.push_str(&single),
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// The one-line form, with a space after `:` and `,` so it reads like the multi-line one.
pub fn one_line(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let members: Vec<String> =
                ordered(map).into_iter().map(|(key, member)| format!("{}: {}", quote(key), one_line(member))).collect();
            format!("{{{}}}", members.join(", "))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(one_line).collect();
            format!("[{}]", items.join(", "))
        }
        Value::String(text) => quote(text),
        other => other.to_string(),
    }
}

fn ordered(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut members: Vec<(&String, &Value)> = map.iter().collect();
    let rank = |key: &str| LEADING_KEYS.iter().position(|leading| *leading == key).unwrap_or(LEADING_KEYS.len());
    members.sort_by(|(left, _), (right, _)| (rank(left), *left).cmp(&(rank(right), *right)));
    members
}

fn quote(text: &str) -> String {
    Value::String(text.to_string()).to_string()
}

/// What a redacted value becomes.
pub const REDACTED: &str = "${redacted}";

/// Replaces the value of every object member named in `names`, at any depth, by `REDACTED`.
pub fn redact(value: &mut Value, names: &HashSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, member) in map.iter_mut() {
                if names.contains(key) {
                    *member = Value::String(REDACTED.to_string());
                } else {
                    redact(member, names);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact(item, names)),
        _ => {}
    }
}

/// Puts the messages of one step in a canonical order: responses first (in arrival order), then
/// server requests and notifications by method, then by document URI. The sort is stable, so
/// messages with the same method and URI (two diagnostics updates for one file) keep the
/// server's order, which is deterministic.
pub fn sort_canonically(messages: &mut [Value]) {
    messages.sort_by(|left, right| sort_key(left).cmp(&sort_key(right)));
}

fn sort_key(message: &Value) -> (bool, &str, &str) {
    let method = message.get("method").and_then(Value::as_str);
    let params = message.get("params");
    let uri = params
        .and_then(|params| params.get("uri").or_else(|| params.get("textDocument")?.get("uri")))
        .and_then(Value::as_str);
    (method.is_some(), method.unwrap_or(""), uri.unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn small_values_stay_on_one_line_and_big_ones_break() {
        let value = json!({
            "range": {"start": {"line": 3, "character": 5}, "end": {"line": 3, "character": 9}},
            "items": ["a".repeat(60), "b".repeat(60)],
            "empty": {},
            "quote": "say \"hi\"\n",
            "jsonrpc": "2.0"
        });
        let text = layout(&value);
        let expected_lines = [
            "{",
            r#"  "jsonrpc": "2.0","#,
            r#"  "range": {"start": {"line": 3, "character": 5}, "end": {"line": 3, "character": 9}},"#,
        ];
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(&lines[..3], &expected_lines);
        assert_eq!(lines[3], r#"  "empty": {},"#, "other members follow sorted by name");
        assert_eq!(lines[4], r#"  "items": ["#);
        assert!(lines.contains(&r#"  "quote": "say \"hi\"\n""#));
        assert_eq!(lines.last(), Some(&"}"));
        let reparsed: Value = serde_json::from_str(&text).expect("layout is JSON");
        assert_eq!(reparsed, value);
    }

    #[test]
    fn no_line_is_wider_than_the_limit_unless_it_cannot_break() {
        let value = json!({"outer": {"inner": (0..40).collect::<Vec<u32>>()}});
        for line in layout(&value).lines() {
            assert!(line.len() <= WIDTH, "{line:?} is too wide");
        }
    }

    #[test]
    fn redaction_replaces_named_members_at_any_depth() {
        let mut value = json!({"result": {"durationMs": 12, "logs": [{"durationMs": 3, "line": "x"}]}, "id": 2});
        redact(&mut value, &HashSet::from(["durationMs".to_string()]));
        assert_eq!(
            value,
            json!({"result": {"durationMs": REDACTED, "logs": [{"durationMs": REDACTED, "line": "x"}]}, "id": 2})
        );
    }

    #[test]
    fn canonical_order_puts_responses_first_then_method_then_uri() {
        let diagnostics = |uri: &str, count: usize| {
            json!({"method": "textDocument/publishDiagnostics",
                   "params": {"uri": uri, "diagnostics": vec![0; count]}})
        };
        let mut messages = vec![
            diagnostics("file:///b.ts", 1),
            json!({"method": "base44/status", "params": {"state": "ready"}}),
            diagnostics("file:///a.ts", 0),
            json!({"id": 0, "method": "client/registerCapability", "params": {}}),
            json!({"id": 4, "result": null}),
            diagnostics("file:///a.ts", 2),
        ];
        sort_canonically(&mut messages);
        let summary: Vec<String> = messages
            .iter()
            .map(|message| {
                let method = message["method"].as_str().unwrap_or("response");
                let uri = message["params"]["uri"].as_str().unwrap_or("");
                let count = message["params"]["diagnostics"].as_array().map_or(0, Vec::len);
                format!("{method} {uri} {count}")
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                "response  0",
                "base44/status  0",
                "client/registerCapability  0",
                "textDocument/publishDiagnostics file:///a.ts 0",
                "textDocument/publishDiagnostics file:///a.ts 2",
                "textDocument/publishDiagnostics file:///b.ts 1",
            ]
        );
    }
}
