//! `--format json`: every diagnostic with its range and fixes, and the projects found, for tools.

use std::io::{self, Write};

use super::problems::Checked;

pub fn write(checked: &Checked, out: &mut dyn Write) -> io::Result<()> {
    let diagnostics: Vec<serde_json::Value> = checked
        .problems
        .iter()
        .map(|p| {
            let fixes: Vec<serde_json::Value> =
                p.fixes.iter().map(|title| serde_json::json!({ "title": title })).collect();
            serde_json::json!({
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "endLine": p.end_line,
                "endColumn": p.end_column,
                "severity": p.severity,
                "code": p.code,
                "message": p.message,
                "fixes": fixes,
            })
        })
        .collect();
    let projects: Vec<serde_json::Value> = checked
        .projects
        .iter()
        .map(|p| serde_json::json!({ "root": p.root, "layout": p.layout, "functions": p.functions }))
        .collect();
    let value = serde_json::json!({ "diagnostics": diagnostics, "projects": projects });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
