//! The JSON value of a JS/TS literal expression, when it has one: the payload an `invoke` call
//! passes, read from source without running it.
//!
//! Literals of objects, arrays, strings, template strings without substitutions, numbers (also
//! negative, hex, with `_` separators), `true`, `false` and `null` have a value; so do
//! parentheses and `as`/`satisfies` around one. Anything dynamic (identifiers such as `undefined`,
//! spreads, calls, computed or shorthand keys, methods, BigInts, syntax errors) has none. The walk
//! uses an explicit stack, so deeply nested user input cannot overflow the thread's stack.

use serde_json::{Map, Number, Value};
use tree_sitter::Node;

enum Task<'tree> {
    Visit(Node<'tree>),
    /// Collect this many values from the value stack into an array.
    BuildArray(usize),
    /// Collect one value per key from the value stack into an object.
    BuildObject(Vec<String>),
}

/// The JSON value of the expression at `node`, or `None` when any part of it is dynamic.
/// `source` is the text the node's tree was parsed from.
pub fn json_literal(node: Node<'_>, source: &str) -> Option<Value> {
    let mut tasks = vec![Task::Visit(node)];
    let mut values: Vec<Value> = Vec::new();
    while let Some(task) = tasks.pop() {
        match task {
            Task::Visit(node) => visit(node, source, &mut tasks, &mut values)?,
            Task::BuildArray(count) => {
                let items = values.split_off(values.len().checked_sub(count)?);
                values.push(Value::Array(items));
            }
            Task::BuildObject(keys) => {
                let items = values.split_off(values.len().checked_sub(keys.len())?);
                // Later duplicates win, as they do in JavaScript.
                let object: Map<String, Value> = keys.into_iter().zip(items).collect();
                values.push(Value::Object(object));
            }
        }
    }
    let value = values.pop()?;
    values.is_empty().then_some(value)
}

fn visit<'tree>(node: Node<'tree>, source: &str, tasks: &mut Vec<Task<'tree>>, values: &mut Vec<Value>) -> Option<()> {
    if node.has_error() {
        return None;
    }
    match node.kind() {
        "true" => values.push(Value::Bool(true)),
        "false" => values.push(Value::Bool(false)),
        "null" => values.push(Value::Null),
        "number" => values.push(Value::Number(parse_number(text(node, source)?, false)?)),
        "string" | "template_string" => values.push(Value::String(string_value(node, source)?)),
        "unary_expression" => {
            let operator = node.child_by_field_name("operator")?.kind();
            let argument = unwrap_parentheses(node.child_by_field_name("argument")?);
            if argument.kind() != "number" || !matches!(operator, "-" | "+") {
                return None;
            }
            let number = parse_number(text(argument, source)?, operator == "-")?;
            values.push(Value::Number(number));
        }
        "parenthesized_expression" | "as_expression" | "satisfies_expression" => {
            // The value is the first named child; the rest is a type.
            let inner = node.named_child(0)?;
            if node.kind() == "parenthesized_expression" && node.named_child_count() != 1 {
                return None;
            }
            tasks.push(Task::Visit(inner));
        }
        "array" => {
            let elements = array_elements(node)?;
            tasks.push(Task::BuildArray(elements.len()));
            tasks.extend(elements.into_iter().rev().map(Task::Visit));
        }
        "object" => {
            let mut keys = Vec::new();
            let mut value_nodes = Vec::new();
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                match child.kind() {
                    "comment" => continue,
                    "pair" => {
                        keys.push(property_key(child.child_by_field_name("key")?, source)?);
                        value_nodes.push(child.child_by_field_name("value")?);
                    }
                    _ => return None,
                }
            }
            tasks.push(Task::BuildObject(keys));
            tasks.extend(value_nodes.into_iter().rev().map(Task::Visit));
        }
        _ => return None,
    }
    Some(())
}

fn unwrap_parentheses(mut node: Node<'_>) -> Node<'_> {
    while node.kind() == "parenthesized_expression" && node.named_child_count() == 1 {
        match node.named_child(0) {
            Some(inner) => node = inner,
            None => break,
        }
    }
    node
}

/// The element nodes of an array literal; `None` for holes (`[1, , 2]`) and spreads, which JSON
/// cannot express.
fn array_elements(node: Node<'_>) -> Option<Vec<Node<'_>>> {
    let mut elements = Vec::new();
    let mut expecting_element = true;
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        match child.kind() {
            "[" | "]" | "comment" => {}
            "," if expecting_element => return None,
            "," => expecting_element = true,
            _ if child.is_named() && expecting_element => {
                elements.push(child);
                expecting_element = false;
            }
            _ => return None,
        }
    }
    Some(elements)
}

fn property_key(key: Node<'_>, source: &str) -> Option<String> {
    match key.kind() {
        "property_identifier" => Some(text(key, source)?.to_owned()),
        "string" => string_value(key, source),
        // JavaScript turns a numeric key into the number's string: `{ 0x10: 1 }` has key "16".
        "number" => Some(parse_number(text(key, source)?, false)?.to_string()),
        _ => None,
    }
}

fn text<'s>(node: Node<'_>, source: &'s str) -> Option<&'s str> {
    source.get(node.byte_range())
}

/// The text of a string or template literal with escapes decoded. Text between the named children
/// is taken as written, so it works whether or not the grammar wraps it in `string_fragment`s.
fn string_value(node: Node<'_>, source: &str) -> Option<String> {
    let range = node.byte_range();
    // Skip the opening and closing quote or backtick.
    let (start, end) = (range.start.checked_add(1)?, range.end.checked_sub(1)?);
    let mut value = String::new();
    let mut position = start;
    // A `\uD83D` waiting for the `\uDE00` that completes it.
    let mut high_surrogate: Option<u32> = None;
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "template_substitution" => return None,
            "escape_sequence" => {
                let between = source.get(position..child.start_byte())?;
                if !between.is_empty() {
                    flush_surrogate(&mut high_surrogate, &mut value);
                    value.push_str(between);
                }
                match decode_escape(source.get(child.byte_range())?)? {
                    Decoded::Char(c) => {
                        flush_surrogate(&mut high_surrogate, &mut value);
                        value.push(c);
                    }
                    Decoded::Nothing => flush_surrogate(&mut high_surrogate, &mut value),
                    Decoded::Surrogate(low @ 0xDC00..=0xDFFF) if high_surrogate.is_some() => {
                        let high = high_surrogate.take().unwrap_or_default();
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        value.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    }
                    Decoded::Surrogate(code @ 0xD800..=0xDBFF) => {
                        flush_surrogate(&mut high_surrogate, &mut value);
                        high_surrogate = Some(code);
                    }
                    Decoded::Surrogate(_) => {
                        flush_surrogate(&mut high_surrogate, &mut value);
                        value.push(char::REPLACEMENT_CHARACTER);
                    }
                }
                position = child.end_byte();
            }
            _ => {}
        }
    }
    flush_surrogate(&mut high_surrogate, &mut value);
    value.push_str(source.get(position..end)?);
    Some(value)
}

/// A lone surrogate cannot be held in a Rust string; like a JSON encoder, use U+FFFD for it.
fn flush_surrogate(high_surrogate: &mut Option<u32>, value: &mut String) {
    if high_surrogate.take().is_some() {
        value.push(char::REPLACEMENT_CHARACTER);
    }
}

enum Decoded {
    Char(char),
    /// A UTF-16 surrogate from a `\u` escape, to be paired with its neighbour.
    Surrogate(u32),
    /// A line continuation.
    Nothing,
}

fn decode_escape(escape: &str) -> Option<Decoded> {
    let body = escape.strip_prefix('\\')?;
    let mut chars = body.chars();
    let first = chars.next()?;
    let decoded = match first {
        'n' => Decoded::Char('\n'),
        'r' => Decoded::Char('\r'),
        't' => Decoded::Char('\t'),
        'b' => Decoded::Char('\u{8}'),
        'f' => Decoded::Char('\u{c}'),
        'v' => Decoded::Char('\u{b}'),
        '0' if body.len() == 1 => Decoded::Char('\0'),
        // A backslash before a line break continues the string on the next line.
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Decoded::Nothing,
        'x' => Decoded::Char(char::from_u32(u32::from_str_radix(body.get(1..3)?, 16).ok()?)?),
        'u' => {
            let digits = body.get(1..)?;
            let hex = match digits.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')) {
                Some(hex) => hex,
                None => digits.get(..4)?,
            };
            let code = u32::from_str_radix(hex, 16).ok()?;
            match char::from_u32(code) {
                Some(c) => Decoded::Char(c),
                None if (0xD800..0xE000).contains(&code) => Decoded::Surrogate(code),
                None => return None,
            }
        }
        other if body.len() == other.len_utf8() => Decoded::Char(other),
        // Legacy octal escapes and anything unusual: not worth guessing.
        _ => return None,
    };
    Some(decoded)
}

/// A JavaScript numeric literal as a JSON number: integers stay integers, BigInts (`10n`) are not
/// JSON, and neither are the infinite results of overflowing floats.
fn parse_number(literal: &str, negative: bool) -> Option<Number> {
    let cleaned: String = literal.chars().filter(|c| *c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let radix = match lower.get(..2) {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    if let Some(radix) = radix {
        let magnitude = u64::from_str_radix(lower.get(2..)?, radix).ok()?;
        return integer_number(magnitude, negative);
    }
    if lower.ends_with('n') {
        return None;
    }
    let is_integer = lower.bytes().all(|b| b.is_ascii_digit());
    if is_integer && let Ok(magnitude) = lower.parse::<u64>() {
        return integer_number(magnitude, negative);
    }
    let float: f64 = lower.parse().ok()?;
    let float = if negative { -float } else { float };
    if float.fract() == 0.0 && float.abs() < 9.0e15 {
        // `1.0` and `1e3` are integers in JavaScript.
        return Some(Number::from(float as i64));
    }
    Number::from_f64(float)
}

fn integer_number(magnitude: u64, negative: bool) -> Option<Number> {
    if !negative {
        return Some(Number::from(magnitude));
    }
    if magnitude == 0 {
        // `-0` is 0 in JSON text.
        return Some(Number::from(0));
    }
    match i64::try_from(magnitude) {
        Ok(value) => Some(Number::from(-value)),
        Err(_) => Number::from_f64(-(magnitude as f64)),
    }
}

#[cfg(test)]
#[path = "json_literal_tests.rs"]
mod tests;
