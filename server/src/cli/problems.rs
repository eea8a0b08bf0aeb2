//! What `check` found, in the terms every output format shares: positions as lines and columns,
//! paths as the user wrote the folder, and the projects that were checked.

use std::ops::Range;
use std::path::Path;

use crate::checks::batch::WorkspaceReport;
use crate::project::sources::read_source;
use crate::syntax::diagnostics::{Related, Severity};
use crate::syntax::text::LineIndex;

/// One diagnostic with its place in the file. Lines and columns are one-based; columns count
/// Unicode characters (what a terminal, GitHub and SARIF's `unicodeCodePoints` count).
pub struct Problem<'a> {
    pub path: String,
    /// The whole file, for the source snippet.
    pub text: &'a str,
    /// Byte range in `text`.
    pub range: Range<usize>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: &'a str,
    /// Titles of the quick fixes an editor would offer.
    pub fixes: Vec<&'a str>,
    /// Other places the problem involves, as `path:line:col: message`.
    pub related: Vec<String>,
}

pub struct CheckedProject {
    pub root: String,
    pub layout: serde_json::Value,
    pub functions: Vec<String>,
}

pub struct Checked<'a> {
    /// The folder as given on the command line.
    pub label: String,
    pub problems: Vec<Problem<'a>>,
    pub projects: Vec<CheckedProject>,
}

impl Checked<'_> {
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }

    pub fn function_count(&self) -> usize {
        self.projects.iter().map(|p| p.functions.len()).sum()
    }
}

/// `path:line:col: message` for a place a diagnostic points to (read off the disk).
fn related_place(related: &Related, shown: &dyn Fn(&Path) -> String) -> Option<String> {
    let text = read_source(&related.path)?;
    let (line, column) = LineIndex::new(&text).line_char_col(&text, related.range.start);
    Some(format!("{}:{line}:{column}: {}", shown(&related.path), related.message))
}

/// Flattens the report; `shown` turns an absolute path into the one printed.
pub fn collect<'a>(report: &'a WorkspaceReport, shown: &dyn Fn(&Path) -> String) -> Checked<'a> {
    let mut problems = Vec::new();
    for file in &report.files {
        let lines = LineIndex::new(&file.text);
        let path = shown(&file.path);
        for d in &file.diagnostics {
            let (line, column) = lines.line_char_col(&file.text, d.range.start);
            let (end_line, end_column) = lines.line_char_col(&file.text, d.range.end);
            problems.push(Problem {
                path: path.clone(),
                text: &file.text,
                range: d.range.clone(),
                line,
                column,
                end_line,
                end_column,
                severity: d.severity,
                code: d.code,
                message: &d.message,
                fixes: d.fixes.iter().map(|fix| fix.title.as_str()).collect(),
                related: d.related.iter().filter_map(|r| related_place(r, shown)).collect(),
            });
        }
    }
    let projects = report
        .index
        .projects
        .iter()
        .map(|p| CheckedProject {
            root: shown(&p.project.root),
            layout: serde_json::to_value(p.project.layout).unwrap_or(serde_json::Value::Null),
            functions: p.functions.iter().map(|f| f.name.clone()).collect(),
        })
        .collect();
    let label = report.index.folders.first().map(|f| shown(f)).unwrap_or_default();
    Checked { label, problems, projects }
}
