//! The generated inputs: JavaScript-like token soup (which reaches deep into the checks),
//! arbitrary Unicode, random bytes read as text, and JSONC-like soup for the config reader.
//! (Sessions of random edits through the server's document type: `lsp/edit_sessions.rs`.)

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::entry_points::{Offsets, exercise, fixture};
use crate::project::functions::{EntryReading, index_functions};
use crate::project::sources::Sources;
use crate::project::{Layout, load_project};

/// Tokens of the code base44-lsp reads: call sites, responses, handlers, and what breaks them.
pub(crate) const JS_TOKENS: &[&str] = &[
    "base44",
    ".",
    "functions",
    "invoke",
    "fetch",
    "asServiceRole",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "`",
    "${",
    ",",
    ":",
    ";",
    "=",
    "=>",
    "await ",
    "const ",
    "let ",
    "res",
    "data",
    ".data",
    "Deno.serve",
    "export default ",
    "async ",
    "function ",
    "return ",
    "try {",
    "} catch (e) {",
    "e.response",
    ".then(",
    "useQuery",
    "queryFn",
    "useMutation",
    "Promise.all",
    "...",
    "\n",
    "\r",
    "\r\n",
    " ",
    "é",
    "🎉",
    "//",
    "/*",
    "*/",
    "x",
    "1",
    "\"orders/refund\"",
    "\"/process-order\"",
    "\"process-order\"",
    "\\",
    "?.",
    "!",
    "as any",
    "<div>",
    "</div>",
    "req.json()",
    "orderId",
];

const JSONC_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"name\"",
    "\"entry\"",
    "\"functionsDir\"",
    ":",
    ",",
    "\"a\"",
    "\"main.ts\"",
    "\"../../../../etc/hostname\"",
    "\"..\"",
    "//c\n",
    "/*c*/",
    "/*",
    "1",
    "-0",
    "1e999",
    "true",
    "null",
    " ",
    "\n",
    "\"\\u0000\"",
    "\"\\ud83c\"",
    "é",
];

pub(crate) fn soup(tokens: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(tokens), 0..max).prop_map(|parts| parts.concat())
}

pub(crate) fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48)
}

/// An in-memory project file for the config reader.
struct OneFile(PathBuf, String);

impl Sources for OneFile {
    fn read(&self, path: &Path) -> Option<String> {
        (path == self.0).then(|| self.1.clone())
    }
}

/// The text as a function's `function.jsonc`, and as the file the index reads it from.
pub(super) fn read_as_function_config(text: &str) {
    let fixture = fixture();
    let Some(project) = fixture.index.projects.first() else { return };
    let config = project.project.functions_dir.join("fuzzed/function.jsonc");
    let sources = OneFile(config.clone(), text.to_string());
    let found = index_functions(&project.project, &[config], &sources, EntryReading::Full);
    for problem in &found.problems {
        assert!(text.get(problem.range.clone()).is_some(), "{} at {:?} in {text:?}", problem.code, problem.range);
    }
    for function in &found.functions {
        assert!(function.entry.starts_with(&project.project.root), "{} escapes the project", function.entry.display());
    }
    let _ = load_project(&project.project.root, Layout::Base44);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn javascript_like_text_through_every_entry_point(text in soup(JS_TOKENS, 60)) {
        exercise(&text, Offsets::Every);
    }

    #[test]
    fn arbitrary_unicode_through_every_entry_point(text in any::<String>()) {
        exercise(&text, Offsets::Every);
    }

    #[test]
    fn random_bytes_read_as_text_through_every_entry_point(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        exercise(&String::from_utf8_lossy(&bytes), Offsets::Every);
    }

    #[test]
    fn jsonc_like_text_through_the_config_reader(text in soup(JSONC_TOKENS, 30)) {
        exercise(&text, Offsets::Spread(8));
        read_as_function_config(&text);
    }
}
