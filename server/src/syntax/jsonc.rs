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

pub fn parse_object(text: &str) -> Result<JsoncObject, JsoncError> {
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
    fn broken_file_reports_where() {
        let err = parse_object("{ \"name\": }").expect_err("invalid");
        assert!(err.range.start >= 10, "{err:?}");
        assert!(parse_object("[1]").is_err());
        assert!(parse_object("").is_err());
    }
}
