//! What a check reports: a problem at a byte range of a file, with its stable code and
//! the fixes that mend it.

use std::ops::Range;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(label: &str) -> Option<Self> {
        match label {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// A replacement of one byte range of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub path: PathBuf,
    pub range: Range<usize>,
    pub new_text: String,
}

/// A named set of edits the user can apply in one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub range: Range<usize>,
    pub severity: Severity,
    /// Stable identifier users can filter and configure on (see docs/protocol.md).
    pub code: &'static str,
    pub message: String,
    pub fixes: Vec<Fix>,
    /// Other places the problem involves (a helper's `return` in another file).
    pub related: Vec<Related>,
    /// The helper of another file (its file and export) the problem comes through, whose
    /// callers decide where the fix belongs.
    pub through: Option<(PathBuf, String)>,
}

/// A place a diagnostic points to besides its own range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub path: PathBuf,
    pub range: Range<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        path: impl Into<PathBuf>,
        range: Range<usize>,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            range,
            severity,
            code,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
            through: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }
}
