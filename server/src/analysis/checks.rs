//! The diagnostics of one file: its call sites checked against its project's functions,
//! the entry's serve check when the file is a function entry, and the project problems
//! that sit in it. The editor runs this on open documents, `check` on every file.

use std::path::Path;

use tree_sitter::Tree;

use std::ops::Range;

use super::calls::{CallKind, CallSite, fetch_path};
use super::diagnostics::{Diagnostic, Fix, Severity, TextEdit};
use super::functions::missing_serve;
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
    // The response's shape is the SDK's business, whichever project the file is in.
    out.extend(super::shapes::response_shape_diagnostics(tree, src, path));
    out
}

pub fn check_call_site(project: &ProjectIndex, path: &Path, site: &CallSite) -> Option<Diagnostic> {
    let written = site.written_name();
    // An empty name is what an editor's auto-closed quotes look like mid-typing.
    if written.is_empty() || site.target(|name| project.function(name).is_some()).is_some() {
        return None;
    }
    let suggestions = suggestions(project, site);
    let hint = match suggestions.first() {
        Some((best, _)) => format!("; did you mean \"{best}\"?"),
        None => String::new(),
    };
    let label = project.project.label();
    let (severity, code, message) = match site.kind {
        CallKind::Invoke => {
            (Severity::Error, "unknown-function", format!("Unknown function \"{written}\" in project {label}{hint}"))
        }
        CallKind::Fetch => (
            Severity::Warning,
            "unknown-fetch-path",
            format!("No function of project {label} serves \"/{written}\"{hint}"),
        ),
    };
    let mut diagnostic = Diagnostic::new(path, site.content.clone(), severity, code, message);
    for (suggestion, replace) in suggestions {
        diagnostic = diagnostic.with_fix(Fix {
            title: format!("Change to \"{suggestion}\""),
            edits: vec![TextEdit { path: path.to_path_buf(), range: replace, new_text: suggestion }],
        });
    }
    Some(diagnostic)
}

/// Up to three known names close to what was written, best first, each with the range
/// it would replace. A fetch path is compared segment-wise: `orders/refnd/x` is close to
/// `orders/refund`, and only `orders/refnd` is replaced.
fn suggestions(project: &ProjectIndex, site: &CallSite) -> Vec<(String, Range<usize>)> {
    let mut scored: Vec<(usize, &str, Range<usize>)> = match site.kind {
        CallKind::Invoke => project
            .names()
            .filter_map(|name| Some((distance(&site.value, name)?, name, site.content.clone())))
            .collect(),
        CallKind::Fetch => {
            let (lead, path) = fetch_path(&site.value);
            let start = site.content.start + lead;
            project
                .names()
                .filter_map(|name| {
                    let prefix = segments_prefix(path, name.split('/').count())?;
                    Some((distance(prefix, name)?, name, start..start + prefix.len()))
                })
                .collect()
        }
    };
    scored.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, name, range)| (name.to_string(), range)).collect()
}

/// The first `count` `/`-separated segments of `path`, if it has that many.
fn segments_prefix(path: &str, count: usize) -> Option<&str> {
    let mut end = 0;
    for (i, segment) in path.split('/').enumerate() {
        end += segment.len() + usize::from(i > 0);
        if i + 1 == count {
            return Some(&path[..end]);
        }
    }
    None
}

/// How far `written` is from `name`, when close enough to suggest (case is ignored).
fn distance(written: &str, name: &str) -> Option<usize> {
    let distance = strsim::damerau_levenshtein(&written.to_lowercase(), &name.to_lowercase());
    let limit = (name.chars().count().max(written.chars().count()) / 3).max(2);
    (distance <= limit).then_some(distance)
}

fn project_problems_in(project: &ProjectIndex, path: &Path, src: &str, tree: &Tree) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> =
        project.problems.iter().filter(|p| p.path == path && p.code != "missing-serve").cloned().collect();
    // The serve check reads the live tree, so it follows the user's typing.
    if project.project.layout == Layout::Base44
        && let Some(function) = project.functions.iter().find(|f| f.entry == path)
        && find_serve(tree, src).is_none()
    {
        out.push(missing_serve(function, src));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::calls::call_sites;
    use crate::analysis::testing::{Cursor, SHOP};

    /// Renders the page's diagnostics as `code "text under range": message [fixes]`,
    /// with the temporary project's name shown as `shop`.
    fn check(marked: &str) -> Vec<String> {
        let cursor = Cursor::new(SHOP, marked);
        let tree = cursor.syntax().expect("parses");
        let sites = call_sites(&tree, &cursor.text);
        let label = cursor.index.projects[0].project.label();
        check_file(&cursor.index, &cursor.path, &cursor.text, &tree, &sites)
            .iter()
            .map(|d| {
                let fixes: Vec<String> = d.fixes.iter().flat_map(|f| &f.edits).map(|e| e.new_text.clone()).collect();
                let line = format!("{} {:?}: {} {fixes:?}", d.code, &cursor.text[d.range.clone()], d.message);
                line.replace(&label, "shop")
            })
            .collect()
    }

    #[test]
    fn unknown_names_and_paths_with_fixes() {
        assert_eq!(
            check(
                "$0base44.functions.invoke('proces-order');\n\
                 base44.functions.invoke('process-order');\n\
                 base44.functions.fetch('/orders/refnd/x?y');\n\
                 base44.functions.fetch('/orders/refund/x');\n\
                 base44.functions.invoke('');"
            ),
            [
                r#"unknown-function "proces-order": Unknown function "proces-order" in project shop; did you mean "process-order"? ["process-order"]"#,
                r#"unknown-fetch-path "/orders/refnd/x?y": No function of project shop serves "/orders/refnd/x"; did you mean "orders/refund"? ["orders/refund"]"#,
            ]
        );
    }

    #[test]
    fn case_slips_and_far_names() {
        assert_eq!(
            check("$0base44.functions.invoke('checkstock'); base44.functions.invoke('totally-different');"),
            [
                r#"unknown-function "checkstock": Unknown function "checkstock" in project shop; did you mean "checkStock"? ["checkStock"]"#,
                r#"unknown-function "totally-different": Unknown function "totally-different" in project shop []"#,
            ]
        );
    }
}
