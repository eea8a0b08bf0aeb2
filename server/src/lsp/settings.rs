//! The user's settings: `initializationOptions`, then the `base44` section of
//! `workspace/configuration`. Unknown or ill-typed values fall back to defaults.

use std::collections::HashMap;

use serde::Deserialize;

use crate::modules::flow::env::ConfiguredWrapper;
use crate::syntax::diagnostics::Severity;

#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub deno: DenoSettings,
    pub invoke: InvokeSettings,
    pub diagnostics: DiagnosticsSettings,
    /// Functions whose calls name a function (`[{ "name": "callFn", "nameArg": 0 }]`), for
    /// wrappers the analysis cannot see through.
    pub wrappers: Vec<ConfiguredWrapper>,
}

#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DenoSettings {
    pub path: Option<String>,
    /// Deno flags a local run gets on top of network, environment and reading the project.
    pub permissions: Vec<String>,
}

/// Where `base44.invoke` runs a function. The token is never printed: this type has
/// no `Debug`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InvokeSettings {
    pub target: String,
    pub server_url: Option<String>,
    pub timeout_ms: u64,
    pub token: Option<String>,
}

impl Default for InvokeSettings {
    fn default() -> Self {
        Self { target: "local".into(), server_url: None, timeout_ms: 30_000, token: None }
    }
}

#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DiagnosticsSettings {
    /// Per-code severity: error, warning, information, hint, or off.
    pub severity: HashMap<String, String>,
}

impl Settings {
    /// Reads settings from a JSON value; a value of the wrong shape gives defaults for
    /// the parts that do not fit rather than failing the whole.
    pub fn from_json(value: &serde_json::Value) -> Self {
        let value = value.get("base44").unwrap_or(value);
        let part = |key: &str| value.get(key).cloned().unwrap_or(serde_json::Value::Null);
        Settings {
            deno: serde_json::from_value(part("deno")).unwrap_or_default(),
            invoke: serde_json::from_value(part("invoke")).unwrap_or_default(),
            diagnostics: serde_json::from_value(part("diagnostics")).unwrap_or_default(),
            wrappers: part("wrappers")
                .as_array()
                .map(|items| items.iter().filter_map(|item| serde_json::from_value(item.clone()).ok()).collect())
                .unwrap_or_default(),
        }
    }

    /// The severity a code is shown with, or `None` when the user turned it off.
    pub fn severity_for(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.diagnostics.severity.get(code).map(String::as_str) {
            Some("off") | Some("none") => None,
            Some(label) => Some(Severity::parse(label).unwrap_or(default)),
            None => Some(default),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::calls::CallKind;

    #[test]
    fn partial_and_ill_typed_settings_fall_back() {
        let settings = Settings::from_json(&serde_json::json!({
            "base44": { "invoke": { "timeoutMs": 5000 }, "deno": 7, "diagnostics": { "severity": { "missing-serve": "off", "unknown-function": "warning" } } }
        }));
        assert_eq!(settings.invoke.timeout_ms, 5000);
        assert_eq!(settings.invoke.target, "local");
        assert!(settings.deno.path.is_none());
        assert_eq!(settings.severity_for("missing-serve", Severity::Error), None);
        assert_eq!(settings.severity_for("unknown-function", Severity::Error), Some(Severity::Warning));
        assert_eq!(settings.severity_for("other", Severity::Error), Some(Severity::Error));
    }

    #[test]
    fn wrappers_are_read_one_by_one() {
        let settings = Settings::from_json(&serde_json::json!({
            "base44": { "wrappers": [{ "name": "callFn", "nameArg": 1 }, { "nameArg": 0 }, { "name": "get", "kind": "fetch" }] }
        }));
        let read: Vec<(String, usize, CallKind)> =
            settings.wrappers.iter().map(|w| (w.name.clone(), w.name_arg, w.kind)).collect();
        assert_eq!(read, [("callFn".into(), 1, CallKind::Invoke), ("get".into(), 0, CallKind::Fetch)]);
    }
}
