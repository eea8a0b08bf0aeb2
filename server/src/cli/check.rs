//! `base44-lsp check [PATH]`: the editor's diagnostics for every project under PATH,
//! printed for people or as JSON, with an exit code CI can act on.

use std::io::Write;
use std::path::Path;

use crate::checks::batch::{WorkspaceReport, check_workspace};
use crate::modules::calls::CallKind;
use crate::modules::flow::env::ConfiguredWrapper;
use crate::project::sources::Disk;
use crate::syntax::diagnostics::Severity;
use crate::syntax::text::LineIndex;
use crate::syntax::wording::counted;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Runs the check and returns the process exit code: 1 when any error was found,
/// 2 when the path cannot be checked at all.
pub fn run(path: &Path, format: Format, wrappers: &[ConfiguredWrapper], out: &mut dyn Write) -> i32 {
    let root = match std::fs::canonicalize(path) {
        Ok(root) if root.is_dir() => root,
        Ok(_) => return fail(out, &format!("{} is not a folder", path.display())),
        Err(err) => return fail(out, &format!("cannot read {}: {err}", path.display())),
    };
    let report = check_workspace(std::slice::from_ref(&root), &Disk, wrappers.to_vec());
    let shown = |p: &Path| display_path(p, path, &root);
    let written = match format {
        Format::Text => write_text(&report, &shown, out),
        Format::Json => write_json(&report, &shown, out),
    };
    if let Err(err) = written {
        eprintln!("base44-lsp: cannot write the report: {err}");
        return 2;
    }
    let has_error = report.files.iter().flat_map(|f| &f.diagnostics).any(|d| d.severity == Severity::Error);
    i32::from(has_error)
}

/// `callFn` or `callFn:1`: a wrapper named on the command line.
pub fn parse_wrapper(text: &str) -> Result<ConfiguredWrapper, String> {
    let (name, arg) = text.split_once(':').unwrap_or((text, "0"));
    let name_arg = arg.parse::<usize>().map_err(|_| format!("\"{arg}\" is not an argument position (0, 1, …)"))?;
    if name.is_empty() {
        return Err("a wrapper needs a name".into());
    }
    Ok(ConfiguredWrapper { name: name.to_string(), name_arg, data_arg: None, kind: CallKind::Invoke })
}

fn fail(out: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(out, "base44-lsp check: {message}");
    2
}

/// Paths as the user wrote the folder: `examples/shop/src/a.jsx`, not an absolute path.
fn display_path(path: &Path, given: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => given.display().to_string(),
        Ok(rel) => given.join(rel).display().to_string().trim_start_matches("./").to_string(),
        Err(_) => path.display().to_string(),
    }
}

fn write_text(report: &WorkspaceReport, shown: &dyn Fn(&Path) -> String, out: &mut dyn Write) -> std::io::Result<()> {
    let (mut errors, mut warnings) = (0, 0);
    for file in &report.files {
        let lines = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let (line, col) = lines.line_char_col(&file.text, d.range.start);
            writeln!(out, "{}:{line}:{col}: {}[{}]: {}", shown(&file.path), d.severity.label(), d.code, d.message)?;
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                _ => {}
            }
        }
    }
    let projects = report.index.projects.len();
    let functions = report.index.function_count();
    writeln!(
        out,
        "{}: {}, {} ({} in {})",
        report.index.folders.first().map(|f| shown(f)).unwrap_or_default(),
        counted(errors, "error"),
        counted(warnings, "warning"),
        counted(functions, "function"),
        counted(projects, "project"),
    )
}

fn write_json(report: &WorkspaceReport, shown: &dyn Fn(&Path) -> String, out: &mut dyn Write) -> std::io::Result<()> {
    let mut diagnostics = Vec::new();
    for file in &report.files {
        let lines = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let (line, column) = lines.line_char_col(&file.text, d.range.start);
            let (end_line, end_column) = lines.line_char_col(&file.text, d.range.end);
            let fixes: Vec<serde_json::Value> =
                d.fixes.iter().map(|fix| serde_json::json!({ "title": fix.title })).collect();
            diagnostics.push(serde_json::json!({
                "path": shown(&file.path),
                "line": line,
                "column": column,
                "endLine": end_line,
                "endColumn": end_column,
                "severity": d.severity,
                "code": d.code,
                "message": d.message,
                "fixes": fixes,
            }));
        }
    }
    let projects: Vec<serde_json::Value> = report
        .index
        .projects
        .iter()
        .map(|p| {
            serde_json::json!({
                "root": shown(&p.project.root),
                "layout": p.project.layout,
                "functions": p.functions.iter().map(|f| f.name.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = serde_json::json!({ "diagnostics": diagnostics, "projects": projects });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
