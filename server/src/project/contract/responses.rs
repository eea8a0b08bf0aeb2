//! What a function answers with: every `Response.json(payload, { status })` and
//! `new Response(JSON.stringify(payload), { status })` in its entry, each payload's keys (and
//! the keys of its values that are object literals, one level down) with the status (200 when
//! unset). Found from the words `json` and `stringify`. A payload that is not an object
//! literal, or a handler that returns anything but such a response, makes the set open.

use tree_sitter::Node;

use super::{Reader, Response, is_function, key_text};
use crate::syntax::strip_wrappers;

/// The responses of the entry, and whether the set is open (`handler`: the serving function,
/// whose own `return`s are checked too).
pub(super) fn read(reader: &Reader, handler: Option<Node>) -> (Vec<Response>, bool) {
    let mut responses = Vec::new();
    let mut open = false;
    let whole = 0..reader.src.len();
    for word in ["json", "stringify"] {
        for (_, above) in reader.words(whole.clone(), word) {
            let Some((payload, options)) = payload(reader, &above, word) else { continue };
            match object_keys(reader, payload) {
                Some((keys, nested)) => responses.push(Response { status: status(reader, options), keys, nested }),
                None => open = true,
            }
        }
    }
    if let Some(handler) = handler
        && returns_something_else(reader, handler)
    {
        open = true;
    }
    responses.sort_by_key(|r| std::cmp::Reverse(r.status.map(|s| s == 200)));
    // Without the handler its returns cannot be told: whatever it answers may be missing here.
    (responses, open || handler.is_none())
}

/// For `json` in `Response.json(p, o)` or `stringify` in `new Response(JSON.stringify(p), o)`:
/// the payload and the options. `above` starts at the word's parent.
fn payload<'t>(reader: &Reader<'t, '_>, above: &[Node<'t>], word: &str) -> Option<(Node<'t>, Option<Node<'t>>)> {
    let callee = above.first().filter(|m| m.kind() == "member_expression")?;
    let expected = if word == "json" { "Response" } else { "JSON" };
    if reader.text(callee.child_by_field_name("object")?) != expected {
        return None;
    }
    let call = above.get(1).filter(|c| c.kind() == "call_expression")?;
    let args = arguments(*call);
    let payload = *args.first()?;
    if word == "json" {
        return Some((payload, args.get(1).copied()));
    }
    // `JSON.stringify(…)` counts as a response only as the body of `new Response(…)`.
    let built = above.get(3).filter(|n| n.kind() == "new_expression")?;
    if reader.text(built.child_by_field_name("constructor")?) != "Response" {
        return None;
    }
    let outer = built.child_by_field_name("arguments").map(arguments).unwrap_or_default();
    (outer.first().map(|a| a.id()) == Some(call.id())).then(|| (payload, outer.get(1).copied()))
}

fn arguments(node: Node) -> Vec<Node> {
    let args = match node.kind() {
        "arguments" => Some(node),
        _ => node.child_by_field_name("arguments"),
    };
    let Some(args) = args else { return Vec::new() };
    let mut cursor = args.walk();
    args.named_children(&mut cursor).filter(|a| a.kind() != "comment").collect()
}

/// `{ status: 404 }` → 404; no options or no `status` → 200; another value → unknown.
fn status(reader: &Reader, options: Option<Node>) -> Option<u16> {
    let Some(options) = options.map(strip_wrappers) else { return Some(200) };
    if options.kind() != "object" {
        return None;
    }
    let mut cursor = options.walk();
    let entries: Vec<Node> = options.named_children(&mut cursor).collect();
    for entry in entries {
        let key = match entry.kind() {
            "pair" => entry.child_by_field_name("key"),
            "shorthand_property_identifier" => Some(entry),
            "spread_element" => return None,
            _ => None,
        };
        if key.is_some_and(|k| reader.text(k) == "status") {
            let value = entry.child_by_field_name("value")?;
            return reader.text(value).parse().ok();
        }
    }
    Some(200)
}

type Keys = (Vec<String>, Vec<(String, Vec<String>)>);

/// An object literal's keys and, for values that are object literals, theirs; `None` for
/// anything else (or a spread).
fn object_keys(reader: &Reader, payload: Node) -> Option<Keys> {
    let top = entries_of(reader, payload)?;
    let nested = top
        .iter()
        .filter_map(|(key, value)| {
            let inner = entries_of(reader, (*value)?)?;
            Some((key.clone(), inner.into_iter().map(|(k, _)| k).collect()))
        })
        .collect();
    Some((top.into_iter().map(|(k, _)| k).collect(), nested))
}

/// An object literal's keys with their values; `None` for anything else (or a spread).
fn entries_of<'t>(reader: &Reader, object: Node<'t>) -> Option<Vec<(String, Option<Node<'t>>)>> {
    let object = strip_wrappers(object);
    if object.kind() != "object" {
        return None;
    }
    let mut cursor = object.walk();
    let entries: Vec<Node> = object.named_children(&mut cursor).collect();
    entries
        .into_iter()
        .filter(|e| e.kind() != "comment")
        .map(|entry| match entry.kind() {
            "pair" => {
                Some((key_text(entry.child_by_field_name("key")?, reader.src)?, entry.child_by_field_name("value")))
            }
            "shorthand_property_identifier" => Some((reader.text(entry).to_string(), None)),
            "method_definition" => Some((key_text(entry.child_by_field_name("name")?, reader.src)?, None)),
            _ => None,
        })
        .collect()
}

/// Whether the handler itself returns something other than a JSON response it builds there
/// (a response from a helper, a variable, a plain `Response` of text): the set is then open.
fn returns_something_else(reader: &Reader, handler: Node) -> bool {
    let Some(body) = handler.child_by_field_name("body") else { return false };
    if body.kind() != "statement_block" {
        return !is_built_response(reader, body);
    }
    reader.words(body.byte_range(), "return").any(|(_, above)| {
        let Some(statement) = above.first().copied().filter(|s| s.kind() == "return_statement") else {
            return false;
        };
        // Only the handler's own returns: a helper defined inside has its own.
        let own = above.iter().skip(1).find(|n| is_function(**n)).is_some_and(|f| f.id() == handler.id());
        let value = statement.named_child(0).filter(|v| v.kind() != "comment");
        own && value.is_some_and(|v| !matches!(v.kind(), "null" | "undefined") && !is_built_response(reader, v))
    })
}

/// `Response.json(…)`, `new Response(…)`, awaited or parenthesized.
fn is_built_response(reader: &Reader, value: Node) -> bool {
    let mut value = strip_wrappers(value);
    if value.kind() == "await_expression"
        && let Some(inner) = value.named_child(0)
    {
        value = strip_wrappers(inner);
    }
    match value.kind() {
        "call_expression" => value.child_by_field_name("function").is_some_and(|f| reader.text(f) == "Response.json"),
        "new_expression" => value.child_by_field_name("constructor").is_some_and(|c| reader.text(c) == "Response"),
        _ => false,
    }
}
