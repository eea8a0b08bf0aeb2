//! Reading the JSONC files of a Base44 project (comments and trailing commas allowed),
//! keeping the byte ranges of values so problems can point at them.

use std::collections::HashMap;
use std::ops::Range;

use jsonc_parser::{CollectOptions, ParseOptions, ast};

/// The top-level object of a JSONC file: its string properties, each with the range
/// of its value, and the keys whose values are not strings.
#[derive(Debug, Default)]
pub struct JsoncObject {
    pub strings: HashMap<String, (String, Range<usize>)>,
    pub other_keys: HashMap<String, Range<usize>>,
}

impl JsoncObject {
    pub fn string(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(|(value, _)| value.as_str())
    }

    pub fn range_of(&self, key: &str) -> Option<Range<usize>> {
        self.strings.get(key).map(|(_, r)| r.clone()).or_else(|| self.other_keys.get(key).cloned())
    }
}

/// Why a JSONC file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsoncError {
    pub range: Range<usize>,
    pub message: String,
}

/// Deeper than this, a file is refused before it is parsed, with a message that says why (the
/// parser has a limit of its own, measured to hold at 100,000 levels, but its error names no
/// cause). No config nests past a handful.
pub const MAX_DEPTH: usize = 512;

pub fn parse_object(text: &str) -> Result<JsoncObject, JsoncError> {
    if let Some(at) = too_deep(text) {
        let message = format!("nested more than {MAX_DEPTH} levels deep");
        return Err(JsoncError { range: at..at + 1, message });
    }
    let parsed =
        jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).map_err(|err| {
            let range = err.range();
            JsoncError { range: range.start..range.end, message: err.kind().to_string() }
        })?;
    let object = match parsed.value {
        Some(ast::Value::Object(object)) => object,
        Some(_) => {
            return Err(JsoncError { range: 0..text.len().min(1), message: "expected an object".into() });
        }
        None => {
            return Err(JsoncError { range: 0..0, message: "the file is empty".into() });
        }
    };
    let mut result = JsoncObject::default();
    for prop in object.properties {
        let name = prop.name.as_str().to_string();
        match &prop.value {
            ast::Value::StringLit(lit) => {
                let range = lit.range.start..lit.range.end;
                result.strings.insert(name, (lit.value.to_string(), range));
            }
            other => {
                let range = jsonc_parser::common::Ranged::range(other);
                result.other_keys.insert(name, range.start..range.end);
            }
        }
    }
    Ok(result)
}

/// Where the brackets (outside strings and comments) first nest past [`MAX_DEPTH`].
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            quote @ (b'"' | b'\'') => {
                at += 1;
                while at < bytes.len() && bytes[at] != quote {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |end| at + end);
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at = memchr::memmem::find(&bytes[at + 2..], b"*/").map_or(bytes.len(), |end| at + 2 + end + 1);
            }
            _ => {}
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_trailing_commas() {
        let text = "{\n  // c\n  \"name\": \"a\",\n  \"n\": 1,\n}";
        let object = parse_object(text).expect("valid JSONC");
        assert_eq!(object.string("name"), Some("a"));
        assert_eq!(object.range_of("name").map(|r| &text[r]), Some("\"a\""));
        assert_eq!(object.range_of("n").map(|r| &text[r]), Some("1"));
    }

    #[test]
    fn nesting_is_bounded_outside_strings_and_comments_only() {
        let deep = format!("{{\"a\": {}1{}}}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let error = parse_object(&deep).expect_err("one level too deep");
        // The object is the first level; the 512th bracket after `{"a": ` is one too many.
        let at = "{\"a\": ".len() + MAX_DEPTH - 1;
        assert_eq!((error.range, error.message.as_str()), (at..at + 1, "nested more than 512 levels deep"));
        let brackets = "[".repeat(MAX_DEPTH + 5);
        let quoted = format!("{{ \"a\": \"{brackets}\\\"{brackets}\", /* {brackets} */ // {brackets}\n \"b\": 1 }}");
        assert_eq!(parse_object(&quoted).map(|o| o.range_of("b").is_some()), Ok(true));
    }

    #[test]
    fn broken_file_reports_where() {
        let err = parse_object("{ \"name\": }").expect_err("invalid");
        assert!(err.range.start >= 10, "{err:?}");
        assert!(parse_object("[1]").is_err());
        assert!(parse_object("").is_err());
    }
}
