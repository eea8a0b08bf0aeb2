//! `${root}` and `${root_path}`: transcripts name the temporary workspace without knowing where it is.
//!
//! Outgoing messages get the placeholders filled in; incoming messages get the workspace's URI and
//! path replaced by the placeholders, in string values and in object keys (a `WorkspaceEdit` keys
//! its changes by URI). Outgoing messages may also name the harness's environment as
//! `${env:NAME}` (the Deno that scripts/test installs, say); an unset variable stays as written,
//! so the failure shows its name.

use serde_json::{Map, Value};

pub const ROOT_URI: &str = "${root}";
pub const ROOT_PATH: &str = "${root_path}";

#[derive(Debug, Clone)]
pub struct Roots {
    /// `file:///…`, without a trailing slash.
    pub uri: String,
    /// The absolute path, without a trailing slash.
    pub path: String,
}

impl Roots {
    pub fn for_path(path: &str) -> Roots {
        let path = path.trim_end_matches('/').to_string();
        Roots { uri: format!("file://{}", percent_encode_path(&path)), path }
    }

    /// The URI of a workspace-relative path.
    pub fn uri_of(&self, relative: &str) -> String {
        format!("{}/{}", self.uri, percent_encode_path(relative))
    }

    pub fn fill_text(&self, text: &str) -> String {
        fill_env(&text.replace(ROOT_URI, &self.uri).replace(ROOT_PATH, &self.path))
    }

    /// The URI first: it contains the path, and must become `${root}`, not `file://${root_path}`.
    pub fn restore_text(&self, text: &str) -> String {
        text.replace(&self.uri, ROOT_URI).replace(&self.path, ROOT_PATH)
    }

    pub fn fill(&self, value: &Value) -> Value {
        map_strings(value, &|text| self.fill_text(text))
    }

    pub fn restore(&self, value: &Value) -> Value {
        map_strings(value, &|text| self.restore_text(text))
    }
}

const ENV_START: &str = "${env:";

/// The `${env:NAME}` variables `text` names that are not set, so a case can fail up front with
/// their names instead of with a confusing answer from the server.
pub fn unset_env(text: &str) -> Vec<String> {
    let mut unset = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(ENV_START) {
        let after = &rest[start + ENV_START.len()..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if env_value(name).is_none() && !unset.iter().any(|known| known == name) {
            unset.push(name.to_string());
        }
        rest = &after[end + 1..];
    }
    unset
}

/// A variable's value; `BASE44_DENO` defaults to the Deno that scripts/test installs into
/// tools/, so a plain `cargo test` finds it too.
fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().or_else(|| {
        let tools_deno = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules/.bin/deno");
        (name == "BASE44_DENO" && tools_deno.exists()).then(|| tools_deno.display().to_string())
    })
}

/// Replaces each `${env:NAME}` by the variable's value when it is set.
fn fill_env(text: &str) -> String {
    let mut filled = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(ENV_START) {
        let after = &rest[start + ENV_START.len()..];
        let Some(end) = after.find('}') else { break };
        filled.push_str(&rest[..start]);
        match env_value(&after[..end]) {
            Some(value) => filled.push_str(&value),
            None => filled.push_str(&rest[start..start + ENV_START.len() + end + 1]),
        }
        rest = &after[end + 1..];
    }
    filled.push_str(rest);
    filled
}

fn map_strings(value: &Value, change: &dyn Fn(&str) -> String) -> Value {
    match value {
        Value::String(text) => Value::String(change(text)),
        Value::Array(items) => Value::Array(items.iter().map(|item| map_strings(item, change)).collect()),
        Value::Object(map) => {
            let mut changed = Map::new();
            for (key, member) in map {
                changed.insert(change(key), map_strings(member, change));
            }
            Value::Object(changed)
        }
        other => other.clone(),
    }
}

/// Encodes a path the way LSP clients put it in a URI: unreserved characters and `/` stay.
fn percent_encode_path(path: &str) -> String {
    let mut encoded = String::new();
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => encoded.push(byte as char),
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fills_and_restores_strings_and_keys() {
        let roots = Roots::for_path("/tmp/ws-1/");
        assert_eq!(roots.uri, "file:///tmp/ws-1");
        let template = json!({
            "textDocument": {"uri": "${root}/src/a.ts"},
            "changes": {"${root}/src/a.ts": [{"newText": "x"}]},
            "written": ["${root_path}/base44/.types/types.d.ts"],
            "line": 3
        });
        let filled = roots.fill(&template);
        assert_eq!(
            filled,
            json!({
                "textDocument": {"uri": "file:///tmp/ws-1/src/a.ts"},
                "changes": {"file:///tmp/ws-1/src/a.ts": [{"newText": "x"}]},
                "written": ["/tmp/ws-1/base44/.types/types.d.ts"],
                "line": 3
            })
        );
        assert_eq!(roots.restore(&filled), template);
        assert_eq!(roots.uri_of("src/a b.ts"), "file:///tmp/ws-1/src/a%20b.ts");
    }

    #[test]
    fn environment_variables_are_filled_in_when_set() {
        let roots = Roots::for_path("/tmp/ws");
        // PATH is set wherever tests run; the other name is not.
        let path = std::env::var("PATH").unwrap_or_default();
        assert_eq!(roots.fill_text("${env:PATH}|${root}"), format!("{path}|file:///tmp/ws"));
        assert_eq!(
            roots.fill_text("${env:BASE44_TRANSCRIPT_SURELY_UNSET} ${env:unclosed"),
            "${env:BASE44_TRANSCRIPT_SURELY_UNSET} ${env:unclosed"
        );
        assert_eq!(
            unset_env("${env:PATH} ${env:BASE44_TRANSCRIPT_SURELY_UNSET} ${env:BASE44_TRANSCRIPT_SURELY_UNSET}"),
            vec!["BASE44_TRANSCRIPT_SURELY_UNSET".to_string()]
        );
    }

    #[test]
    fn the_uri_wins_over_the_path_when_restoring() {
        let roots = Roots::for_path("/tmp/ws");
        assert_eq!(roots.restore_text("file:///tmp/ws/a.ts is /tmp/ws/a.ts"), "${root}/a.ts is ${root_path}/a.ts");
    }

    #[test]
    fn odd_characters_in_the_path_are_percent_encoded_in_the_uri() {
        assert_eq!(Roots::for_path("/tmp/a b#c").uri, "file:///tmp/a%20b%23c");
    }
}
