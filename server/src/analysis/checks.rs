//! The diagnostics of one file: its call sites checked against its project's functions,
//! the entry's serve check when the file is a function entry, and the project problems
//! that sit in it. The editor runs this on open documents, `check` on every file.

use std::path::Path;

use tree_sitter::Tree;

use super::calls::{CallKind, CallSite, fetch_path};
use super::diagnostics::{Diagnostic, Fix, Severity, TextEdit};
use super::index::{ProjectIndex, WorkspaceIndex};
use super::project::Layout;
use super::serve::find_serve;

/// Everything base44-lsp reports for one file, given its current text and tree.
pub fn check_file(index: &WorkspaceIndex, path: &Path, src: &str, tree: &Tree, sites: &[CallSite]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(project) = index.project_of(path) {
        for site in sites {
            out.extend(check_call_site(project, path, site));
        }
        out.extend(project_problems_in(project, path, src, tree));
    }
    out
}

pub fn check_call_site(project: &ProjectIndex, path: &Path, site: &CallSite) -> Option<Diagnostic> {
    if site.target(|name| project.function(name).is_some()).is_some() {
        return None;
    }
    let written = site.written_name();
    let suggestions = did_you_mean(written, project.names());
    let hint = match suggestions.first() {
        Some(best) => format!("; did you mean \"{best}\"?"),
        None => String::new(),
    };
    let label = project.project.label();
    let (severity, code, message, replace) = match site.kind {
        CallKind::Invoke => (
            Severity::Error,
            "unknown-function",
            format!("Unknown function \"{written}\" in project {label}{hint}"),
            site.content.clone(),
        ),
        CallKind::Fetch => {
            let (lead, rest) = fetch_path(&site.value);
            let start = site.content.start + lead;
            (
                Severity::Warning,
                "unknown-fetch-path",
                format!("No function of project {label} serves \"/{rest}\"{hint}"),
                start..start + rest.len(),
            )
        }
    };
    let mut diagnostic = Diagnostic::new(path, site.content.clone(), severity, code, message);
    for suggestion in suggestions {
        diagnostic = diagnostic.with_fix(Fix {
            title: format!("Change to \"{suggestion}\""),
            edits: vec![TextEdit { path: path.to_path_buf(), range: replace.clone(), new_text: suggestion }],
        });
    }
    Some(diagnostic)
}

/// Up to three known names close to what was written, best first.
pub fn did_you_mean<'a>(written: &str, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let lower = written.to_lowercase();
    let mut scored: Vec<(usize, &str)> = names
        .filter_map(|name| {
            let distance = strsim::damerau_levenshtein(&lower, &name.to_lowercase());
            let limit = (name.chars().count().max(written.chars().count()) / 3).max(2);
            (distance <= limit).then_some((distance, name))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, name)| name.to_string()).collect()
}

fn project_problems_in(project: &ProjectIndex, path: &Path, src: &str, tree: &Tree) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> =
        project.problems.iter().filter(|p| p.path == path && p.code != "missing-serve").cloned().collect();
    // The serve check reads the live tree, so it follows the user's typing.
    if project.project.layout == Layout::Base44
        && let Some(function) = project.functions.iter().find(|f| f.entry == path)
        && find_serve(tree, src).is_none()
    {
        let first_line = src.find('\n').unwrap_or(src.len());
        out.push(Diagnostic::new(
            path,
            0..first_line,
            Severity::Error,
            "missing-serve",
            format!(
                "Function \"{}\" never answers a request: call Deno.serve(handler) or export a default handler",
                function.name
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_close_names_best_first() {
        let names = ["process-order", "orders/refund", "send-receipt", "checkStock"];
        assert_eq!(did_you_mean("orders/refnd", names.into_iter()), ["orders/refund"]);
        assert_eq!(did_you_mean("checkstock", names.into_iter()), ["checkStock"]);
        assert_eq!(did_you_mean("totally-different", names.into_iter()), Vec::<String>::new());
    }
}
