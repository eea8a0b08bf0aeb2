//! `--format concise`: one line per problem (`path:line:col: severity[code]: message`), then the
//! summary, which editors' problem matchers and grep read.

use std::io::{self, Write};

use super::problems::Checked;
use crate::syntax::diagnostics::Severity;
use crate::syntax::wording::counted;

pub fn write(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    for p in &checked.problems {
        writeln!(out, "{}:{}:{}: {}[{}]: {}", p.path, p.line, p.column, p.severity.label(), p.code, p.message)?;
    }
    writeln!(out, "{}", summary(checked))
}

/// `examples/shop: 2 errors, 2 warnings (6 functions in 1 project)`, the last line for people;
/// information and hints count as notes, named only when there are some.
pub fn summary(checked: &Checked) -> String {
    let notes = checked.count(Severity::Information) + checked.count(Severity::Hint);
    let notes = if notes > 0 { format!(", {}", counted(notes, "note")) } else { String::new() };
    format!(
        "{}: {}, {}{notes} ({} in {})",
        checked.label,
        counted(checked.count(Severity::Error), "error"),
        counted(checked.count(Severity::Warning), "warning"),
        counted(checked.function_count(), "function"),
        counted(checked.projects.len(), "project"),
    )
}
