//! Building the diagnostics and their fixes: the codes, the messages, the edits.

use std::ops::Range;
use std::path::Path;

use crate::syntax::diagnostics::{Diagnostic, Fix, Severity, TextEdit};

pub const INVOKE_RESULT_FIELD: &str = "invoke-result-field";
pub const INVOKE_RESULT_DESTRUCTURE: &str = "invoke-result-destructure";
pub const INVOKE_RESULT_HEDGE: &str = "invoke-result-hedge";
pub const FETCH_RESULT_DATA: &str = "fetch-result-data";
pub const FETCH_RESULT_FIELD: &str = "fetch-result-field";
pub const INVOKE_ERROR_BODY: &str = "invoke-error-body";

/// A fix before it is tied to the file: its title and its (range, new text) edits.
pub type FixSpec = (String, Vec<(Range<usize>, String)>);

/// Collects the diagnostics of one file.
pub struct Reporter<'p> {
    path: &'p Path,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'p> Reporter<'p> {
    pub fn new(path: &'p Path) -> Self {
        Self { path, diagnostics: Vec::new() }
    }

    /// A diagnostic of this file, with the severity its code has.
    pub fn diagnostic(&self, range: Range<usize>, code: &'static str, message: String) -> Diagnostic {
        let severity = if code == INVOKE_RESULT_HEDGE { Severity::Hint } else { Severity::Warning };
        Diagnostic::new(self.path, range, severity, code, message)
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn report(&mut self, range: Range<usize>, code: &'static str, message: String, fix: Option<FixSpec>) {
        let diagnostic = with_fix_in_its_file(self.diagnostic(range, code, message), fix);
        self.diagnostics.push(diagnostic);
    }

    /// The diagnostics in document order, each (range, code) once.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics
            .sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
        self.diagnostics.dedup_by(|a, b| a.range == b.range && a.code == b.code);
        self.diagnostics
    }
}

/// The diagnostic with the fix, if any, whose edits all fall in the diagnostic's own file.
pub fn with_fix_in_its_file(diagnostic: Diagnostic, fix: Option<FixSpec>) -> Diagnostic {
    let Some((title, edits)) = fix else { return diagnostic };
    let edits = edits
        .into_iter()
        .map(|(range, new_text)| TextEdit { path: diagnostic.path.clone(), range, new_text })
        .collect();
    diagnostic.with_fix(Fix { title, edits })
}

/// Source text short enough to quote in a message, else `None`.
pub fn quotable(text: &str) -> Option<&str> {
    (text.len() <= 40 && !text.contains('\n')).then_some(text)
}
