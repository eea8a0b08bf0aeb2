//! `base44-lsp check [PATH]`: the editor's diagnostics for every project under PATH, printed for
//! people, for GitHub, as SARIF or as JSON, with an exit code CI can act on.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::problems::{Checked, collect};
use super::{concise, full, github, json, sarif};
use crate::checks::batch::check_workspace;
use crate::modules::calls::CallKind;
use crate::modules::flow::env::ConfiguredWrapper;
use crate::project::sources::Disk;
use crate::syntax::diagnostics::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Each problem with its source line, then a summary.
    Full,
    /// One line per problem (`path:line:col: severity[code]: message`), then a summary.
    #[value(alias = "text")]
    Concise,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// `{"diagnostics": [...], "projects": [...]}`.
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// More warnings than this fail the check (exit 1), as eslint's `--max-warnings`.
    pub max_warnings: Option<usize>,
    /// Colors in the `full` format.
    pub color: bool,
    /// Wrappers named on the command line (`--wrapper`).
    pub wrappers: Vec<ConfiguredWrapper>,
}

/// Runs the check and returns the process exit code: 1 when an error was found (or more warnings
/// than allowed), 2 when the path cannot be checked at all. What went wrong with the path or the
/// warning limit goes to `err`, so `out` stays valid JSON, SARIF or workflow commands.
pub fn run(path: &Path, options: Options, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let root = match folder(path) {
        Ok(root) => root,
        Err(message) => return fail(err, &message),
    };
    let report = check_workspace(std::slice::from_ref(&root), &Disk, options.wrappers.clone());
    let shown = |p: &Path| display_path(p, path, &root);
    let checked = collect(&report, &shown);
    let written = match options.format {
        Format::Full => full::write(&checked, options.color, out),
        Format::Concise => concise::write(&checked, out),
        Format::Github => github::write(&checked, out),
        Format::Sarif => sarif::write(&checked, out),
        Format::Json => json::write(&checked, out),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        let _ = writeln!(err, "base44-lsp check: cannot write the report: {error}");
        return 2;
    }
    exit_code(&checked, options.max_warnings, err)
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

fn exit_code(checked: &Checked, max_warnings: Option<usize>, err: &mut dyn Write) -> i32 {
    if checked.count(Severity::Error) > 0 {
        return 1;
    }
    let warnings = checked.count(Severity::Warning);
    match max_warnings {
        Some(max) if warnings > max => {
            let _ =
                writeln!(err, "base44-lsp check: {warnings} warnings, more than the {max} allowed (--max-warnings)");
            1
        }
        _ => 0,
    }
}

fn fail(err: &mut dyn Write, message: &str) -> i32 {
    let _ = writeln!(err, "base44-lsp check: {message}");
    2
}

/// The folder a subcommand was given, as an absolute path; what is wrong with it otherwise.
pub(super) fn folder(path: &Path) -> Result<PathBuf, String> {
    match std::fs::canonicalize(path) {
        Ok(root) if root.is_dir() => Ok(root),
        Ok(_) => Err(format!("{} is not a folder", path.display())),
        Err(error) => Err(format!("cannot read {}: {error}", path.display())),
    }
}

/// Paths as the user wrote the folder: `examples/shop/src/a.jsx`, not an absolute path.
pub(super) fn display_path(path: &Path, given: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => given.display().to_string(),
        Ok(rel) => given.join(rel).display().to_string().trim_start_matches("./").to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// Colors when standard output is a terminal and `NO_COLOR` is unset or empty (no-color.org).
pub fn color_wanted(stdout_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    stdout_is_terminal && no_color.is_none_or(|value| value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::color_wanted;
    use std::ffi::OsStr;

    #[test]
    fn color_only_on_a_terminal_without_no_color() {
        assert!(color_wanted(true, None));
        assert!(color_wanted(true, Some(OsStr::new(""))), "an empty NO_COLOR does not count (no-color.org)");
        assert!(!color_wanted(true, Some(OsStr::new("1"))));
        assert!(!color_wanted(false, None));
    }
}
