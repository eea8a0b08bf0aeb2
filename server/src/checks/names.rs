//! The diagnostics of one file: its call sites checked against its project's functions,
//! the entry's serve check when the file is a function entry, and the project problems
//! that sit in it. The editor runs this on open documents, `check` on every file.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use rapidfuzz::distance::osa::{Args, BatchComparator};
use tree_sitter::Tree;

use crate::modules::calls::{CallKind, CallSite, fetch_path};
use crate::modules::index::{ProjectIndex, WorkspaceIndex};
use crate::project::Layout;
use crate::project::functions::missing_serve;
use crate::project::serve::find_serve;
use crate::syntax::diagnostics::{Diagnostic, Fix, Severity, TextEdit};

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
    out.extend(crate::checks::shapes::response_shape_diagnostics(tree, src, path));
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
    let key = format!("{}:{}", site.kind.method(), site.value);
    let start = site.content.start;
    let relative = project.suggestions.get_or(&key, || close_names(project, site.kind, &site.value));
    relative.into_iter().map(|(name, range)| (name, start + range.start..start + range.end)).collect()
}

fn close_names(project: &ProjectIndex, kind: CallKind, value: &str) -> Vec<(String, Range<usize>)> {
    let mut scored: Vec<(usize, &str, Range<usize>)> = match kind {
        CallKind::Invoke => {
            let written = Closeness::new(value);
            project.names().filter_map(|name| Some((written.distance(name)?, name, 0..value.len()))).collect()
        }
        CallKind::Fetch => {
            let (lead, path) = fetch_path(value);
            // A name of n segments is compared with the path's first n: one comparer each.
            let mut by_segments: HashMap<usize, Option<(&str, Closeness)>> = HashMap::new();
            project
                .names()
                .filter_map(|name| {
                    let (prefix, written) = by_segments
                        .entry(name.split('/').count())
                        .or_insert_with_key(|&count| segments_prefix(path, count).map(|p| (p, Closeness::new(p))))
                        .as_ref()?;
                    Some((written.distance(name)?, name, lead..lead + prefix.len()))
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

/// How far names are from what was written, when close enough to suggest; case is
/// ignored. A project can hold thousands of names and each keystroke in an unknown
/// name asks again, so this is the bit-parallel optimal string alignment distance
/// (Damerau-Levenshtein where no substring is edited twice), with a cutoff.
struct Closeness {
    written: BatchComparator<char>,
    /// The same, by bytes, when what was written is ASCII: names almost always are,
    /// and comparing bytes is several times faster.
    ascii: Option<BatchComparator<u8>>,
    len: usize,
}

impl Closeness {
    fn new(written: &str) -> Self {
        let lower: Vec<char> = written.chars().flat_map(char::to_lowercase).collect();
        let ascii = written.is_ascii().then(|| BatchComparator::new(written.bytes().map(|b| b.to_ascii_lowercase())));
        Self { len: lower.len(), written: BatchComparator::new(lower), ascii }
    }

    fn distance(&self, name: &str) -> Option<usize> {
        let ascii = self.ascii.as_ref().filter(|_| name.is_ascii());
        let len = if ascii.is_some() { name.len() } else { name.chars().count() };
        let limit = (self.len.max(len) / 3).max(2);
        // The length difference bounds the distance from below: most names stop here.
        if self.len.abs_diff(len) > limit {
            return None;
        }
        let cutoff = Args::default().score_cutoff(limit);
        match ascii {
            Some(written) => written.distance_with_args(name.bytes().map(|b| b.to_ascii_lowercase()), &cutoff),
            None => self.written.distance_with_args(name.chars().flat_map(char::to_lowercase), &cutoff),
        }
    }
}

fn project_problems_in(project: &ProjectIndex, path: &Path, src: &str, tree: &Tree) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> =
        project.problems.iter().filter(|p| p.path == path && p.code != "missing-serve").cloned().collect();
    // The serve check reads the live tree, so it follows the user's typing.
    if project.project.layout == Layout::Base44
        && let Some(function) = project.function_with_entry(path)
        && find_serve(tree, src).is_none()
    {
        out.push(missing_serve(function, src));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::calls::call_sites;
    use crate::testing::{Cursor, SHOP};

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
    fn swapped_letters_are_one_slip() {
        assert_eq!(
            check("$0base44.functions.invoke('porcess-order'); base44.functions.fetch('/ordres/refund');"),
            [
                r#"unknown-function "porcess-order": Unknown function "porcess-order" in project shop; did you mean "process-order"? ["process-order"]"#,
                r#"unknown-fetch-path "/ordres/refund": No function of project shop serves "/ordres/refund"; did you mean "orders/refund"? ["orders/refund"]"#,
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
