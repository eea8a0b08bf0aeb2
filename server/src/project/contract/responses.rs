//! What a function answers with: every `Response.json(payload, { status })` and
//! `new Response(JSON.stringify(payload), { status })` in its entry, each payload's keys (and
//! the keys of its values that are object literals, one level down) with the status (200 when
//! unset). Found from the words `json` and `stringify`. A response built in a helper from its
//! parameters (`const json = (data, status = 200) => Response.json(data, { status })`) is read
//! at each call of the helper. A payload that is not an object literal, or a handler that
//! returns anything but such a response, makes the set open.

use tree_sitter::Node;

use super::{Reader, Response, is_function, key_text, parameters};
use crate::syntax::strip_wrappers;

/// The responses of the entry, and whether the set is open (`handler`: the serving function,
/// whose own `return`s are checked too).
pub(super) fn read(reader: &Reader, handler: Option<Node>) -> (Vec<Response>, bool) {
    let mut responses = Vec::new();
    let mut open = false;
    let mut helpers = Vec::new();
    let whole = 0..reader.src.len();
    for word in ["json", "stringify"] {
        for (_, above) in reader.words(whole.clone(), word) {
            let Some((payload, options)) = payload(reader, &above, word) else { continue };
            if let Some(helper) = through_helper(reader, &above, payload, options) {
                helpers.push(helper.name);
                responses.extend(helper.responses);
                open |= helper.open;
                continue;
            }
            // A function that builds a response (`const notFound = () => Response.json(…)`):
            // the handler returning its call returns that response.
            helpers.extend(above.iter().copied().find(|n| is_function(*n)).and_then(|f| reader.name_of(f)));
            match object_keys(reader, payload) {
                Some((keys, nested)) => responses.push(Response { status: status(reader, options), keys, nested }),
                None => open = true,
            }
        }
    }
    if let Some(handler) = handler
        && returns_something_else(reader, handler, &helpers)
    {
        open = true;
    }
    responses.sort_by_key(|r| (r.status != Some(200), r.status.is_none(), r.status));
    responses.dedup();
    // Without the handler its returns cannot be told: whatever it answers may be missing here.
    (responses, open || handler.is_none())
}

/// The responses a helper builds from its parameters, one per call of it.
struct Helper<'s> {
    name: &'s str,
    responses: Vec<Response>,
    /// Called with a payload that is not an object literal, or passed on: callers unknown.
    open: bool,
}

/// When the payload or the status of a response is a parameter of the function building it:
/// that function's calls, each read for the payload and status it passes.
fn through_helper<'s>(
    reader: &Reader<'_, 's>,
    above: &[Node],
    payload: Node,
    options: Option<Node>,
) -> Option<Helper<'s>> {
    let function = above.iter().copied().find(|n| is_function(*n))?;
    let params = parameters(function, reader.src);
    let param_index = |node: Node| {
        let node = strip_wrappers(node);
        if !matches!(node.kind(), "identifier" | "shorthand_property_identifier") {
            return None;
        }
        params.iter().position(|p| p.as_ref().is_some_and(|(name, _)| name == reader.text(node)))
    };
    let payload_param = param_index(payload);
    let status_param = match status_value(reader, options) {
        StatusValue::Written(value) => param_index(value),
        _ => None,
    };
    if payload_param.is_none() && status_param.is_none() {
        return None;
    }
    let name = reader.name_of(function)?;
    let (calls, escapes) = reader.calls_of(name, function);
    let mut helper = Helper { name, responses: Vec::new(), open: escapes };
    for call in calls {
        let args = arguments(call);
        let built = match payload_param {
            Some(i) => args.get(i).and_then(|arg| object_keys(reader, *arg)),
            None => object_keys(reader, payload),
        };
        let Some((keys, nested)) = built else {
            helper.open = true;
            continue;
        };
        let status = match status_param {
            Some(j) => match args.get(j) {
                Some(arg) => reader.text(*arg).parse().ok(),
                None => params[j]
                    .as_ref()
                    .and_then(|(_, default)| *default)
                    .map_or(Some(200), |d| reader.text(d).parse().ok()),
            },
            None => status(reader, options),
        };
        helper.responses.push(Response { status, keys, nested });
    }
    Some(helper)
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

/// How a response's options give its status.
enum StatusValue<'t> {
    /// No options, or options without `status`: 200.
    Unset,
    Written(Node<'t>),
    /// Options that are not an object literal, or spread into.
    Unknown,
}

fn status_value<'t>(reader: &Reader, options: Option<Node<'t>>) -> StatusValue<'t> {
    let Some(options) = options.map(strip_wrappers) else { return StatusValue::Unset };
    if options.kind() != "object" {
        return StatusValue::Unknown;
    }
    let mut cursor = options.walk();
    let entries: Vec<Node> = options.named_children(&mut cursor).collect();
    for entry in entries {
        let (key, value) = match entry.kind() {
            "pair" => (entry.child_by_field_name("key"), entry.child_by_field_name("value")),
            "shorthand_property_identifier" => (Some(entry), Some(entry)),
            "spread_element" => return StatusValue::Unknown,
            _ => (None, None),
        };
        if key.is_some_and(|k| reader.text(k) == "status") {
            return value.map_or(StatusValue::Unknown, StatusValue::Written);
        }
    }
    StatusValue::Unset
}

/// `{ status: 404 }` → 404; no options or no `status` → 200; another value → unknown.
fn status(reader: &Reader, options: Option<Node>) -> Option<u16> {
    match status_value(reader, options) {
        StatusValue::Unset => Some(200),
        StatusValue::Written(value) => reader.text(value).parse().ok(),
        StatusValue::Unknown => None,
    }
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
fn returns_something_else(reader: &Reader, handler: Node, helpers: &[&str]) -> bool {
    let Some(body) = handler.child_by_field_name("body") else { return false };
    if body.kind() != "statement_block" {
        return !is_built_response(reader, body, helpers);
    }
    reader.words(body.byte_range(), "return").any(|(_, above)| {
        let Some(statement) = above.first().copied().filter(|s| s.kind() == "return_statement") else {
            return false;
        };
        // Only the handler's own returns: a helper defined inside has its own.
        let own = above.iter().skip(1).find(|n| is_function(**n)).is_some_and(|f| f.id() == handler.id());
        let value = statement.named_child(0).filter(|v| v.kind() != "comment");
        own && value
            .is_some_and(|v| !matches!(v.kind(), "null" | "undefined") && !is_built_response(reader, v, helpers))
    })
}

/// `Response.json(…)`, `new Response(…)`, a call of a helper building one; awaited or
/// parenthesized.
fn is_built_response(reader: &Reader, value: Node, helpers: &[&str]) -> bool {
    let mut value = strip_wrappers(value);
    if value.kind() == "await_expression"
        && let Some(inner) = value.named_child(0)
    {
        value = strip_wrappers(inner);
    }
    match value.kind() {
        "call_expression" => value
            .child_by_field_name("function")
            .is_some_and(|f| reader.text(f) == "Response.json" || helpers.contains(&reader.text(f))),
        "new_expression" => value.child_by_field_name("constructor").is_some_and(|c| reader.text(c) == "Response"),
        _ => false,
    }
}
