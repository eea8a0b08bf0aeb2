//! Function names at call sites, checked against the project's functions: unknown names
//! and fetch paths with did-you-mean fixes, and `functions.<name>(…)` called as a method the
//! SDK does not have. Also the project problems that sit in a file (an entry that never
//! serves, read off the live tree).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use rapidfuzz::distance::osa::{Args, BatchComparator};
use rayon::prelude::*;
use tree_sitter::Tree;

use crate::modules::calls::{CallKind, CallSite, SiteForm, fetch_path};
use crate::project::Layout;
use crate::project::functions::missing_serve;
use crate::project::index::ProjectIndex;
use crate::project::serve::find_serve;
use crate::syntax::diagnostics::{Diagnostic, Fix, Severity, TextEdit};

pub const UNKNOWN_FUNCTION: &str = "unknown-function";
pub const UNKNOWN_FETCH_PATH: &str = "unknown-fetch-path";
pub const FUNCTIONS_MEMBER_CALL: &str = "functions-member-call";

/// The problem with one site's name, if any. `src` is the file's text (fixes that rewrite
/// a property need what is around it).
pub fn check_call_site(project: &ProjectIndex, path: &Path, site: &CallSite, src: &str) -> Option<Diagnostic> {
    let written = site.written_name();
    // An empty name is what an editor's auto-closed quotes look like mid-typing; a call of
    // a function object named elsewhere is checked where it is named.
    if written.is_empty() || !site.names_here() || site.target(|name| project.function(name).is_some()).is_some() {
        return None;
    }
    let suggestions = suggestions(project, site);
    let hint = match suggestions.first() {
        Some((best, _)) => format!("; did you mean \"{best}\"?"),
        None => String::new(),
    };
    let label = project.project.label();
    if site.member_call {
        return Some(member_call(project, path, site, src, &suggestions, &hint));
    }
    let (severity, code, message) = match site.kind {
        CallKind::Invoke => {
            (Severity::Error, UNKNOWN_FUNCTION, format!("Unknown function \"{written}\" in project {label}{hint}"))
        }
        CallKind::Fetch => (
            Severity::Warning,
            UNKNOWN_FETCH_PATH,
            format!("No function of project {label} serves \"/{written}\"{hint}"),
        ),
    };
    let mut diagnostic = Diagnostic::new(path, site.content.clone(), severity, code, message);
    for (suggestion, replace) in suggestions {
        let Some((range, new_text)) = name_edit(site, src, replace, &suggestion) else { continue };
        diagnostic = diagnostic.with_fix(Fix {
            title: format!("Change to \"{suggestion}\""),
            edits: vec![TextEdit { path: path.to_path_buf(), range, new_text }],
        });
    }
    Some(diagnostic)
}

/// `base44.functions.verifyCode(…)` with no function of that name: the published SDK has
/// no such method, so the call throws. The fixes call `invoke` with a close name.
fn member_call(
    project: &ProjectIndex,
    path: &Path,
    site: &CallSite,
    src: &str,
    suggestions: &[(String, Range<usize>)],
    hint: &str,
) -> Diagnostic {
    let written = &site.value;
    let message = format!(
        "`functions.{written}(…)` throws: the SDK's functions module has only `invoke` and `fetch`, and project {} has no function \"{written}\"{hint}",
        project.project.label()
    );
    let mut diagnostic = Diagnostic::new(path, site.content.clone(), Severity::Error, FUNCTIONS_MEMBER_CALL, message);
    for (suggestion, _) in suggestions {
        if let Some(edits) = invoke_rewrite(site, src, suggestion) {
            let edits = edits
                .into_iter()
                .map(|(range, new_text)| TextEdit { path: path.to_path_buf(), range, new_text })
                .collect();
            diagnostic = diagnostic.with_fix(Fix { title: format!("Call `invoke(\"{suggestion}\", …)`"), edits });
        }
    }
    diagnostic
}

/// `.verifyCode(args)` → `.invoke("name", args)`: the property (with its dot) and the
/// opening parenthesis.
fn invoke_rewrite(site: &CallSite, src: &str, name: &str) -> Option<Vec<(Range<usize>, String)>> {
    let quoted = serde_json::to_string(name).ok()?;
    let (accessor, _) = accessor_range(site, src)?;
    let open = site.content.end + src.get(site.content.end..site.call.end)?.find('(')?;
    let args = src.get(open + 1..site.call.end)?.trim_start();
    let inserted = if args.starts_with(')') { quoted } else { format!("{quoted}, ") };
    let dot = if src.get(accessor.clone())?.starts_with("?.") { "?." } else { "." };
    Some(vec![(accessor, format!("{dot}invoke")), (open + 1..open + 1, inserted)])
}

/// The range of `.name`, `?.name` or `["name"]` around a function object's name, and
/// whether it is bracketed.
fn accessor_range(site: &CallSite, src: &str) -> Option<(Range<usize>, bool)> {
    let before = src.get(..site.content.start)?;
    match site.form {
        SiteForm::Property => {
            let dot = before.trim_end().strip_suffix('.')?;
            let start = if dot.ends_with('?') { dot.len() - 1 } else { dot.len() };
            Some((start..site.content.end, false))
        }
        SiteForm::Literal => {
            let quote_start = site.content.start.checked_sub(1)?;
            let bracket = src.get(..quote_start)?.trim_end().strip_suffix('[')?.len();
            let after = src.get(site.content.end + 1..)?;
            let close = site.content.end + 1 + after.find(']')? + 1;
            let start = if src.get(..bracket)?.ends_with("?.") { bracket - 2 } else { bracket };
            Some((start..close, true))
        }
        _ => None,
    }
}

/// The edit that puts `name` where a site names a function: inside a string as it is;
/// as a property or pattern key, quoted when it is not an identifier.
pub fn name_edit(site: &CallSite, src: &str, replace: Range<usize>, name: &str) -> Option<(Range<usize>, String)> {
    let identifier = is_identifier(name);
    match site.form {
        SiteForm::Literal => {
            // `functions["a"]` → `functions.b` is not needed: a string holds any name.
            Some((replace, name.to_string()))
        }
        SiteForm::Property if identifier => Some((site.content.clone(), name.to_string())),
        SiteForm::Property => {
            let (accessor, _) = accessor_range(site, src)?;
            let optional = src.get(accessor.clone())?.starts_with("?.");
            let quoted = serde_json::to_string(name).ok()?;
            Some((accessor, format!("{}[{quoted}]", if optional { "?." } else { "" })))
        }
        SiteForm::PatternKey { shorthand } => {
            let key = if identifier { name.to_string() } else { serde_json::to_string(name).ok()? };
            let written = src.get(site.content.clone())?;
            let new_text = if shorthand { format!("{key}: {written}") } else { key };
            Some((site.content.clone(), new_text))
        }
        SiteForm::ObjectCall => None,
    }
}

/// Whether a name can be written as a property (`functions.name`).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// From how many functions the names are compared on every core.
const PARALLEL_FROM: usize = 2_000;

/// Up to three known names close to what was written, best first, each with the range
/// it would replace. A fetch path is compared segment-wise: `orders/refnd/x` is close to
/// `orders/refund`, and only `orders/refnd` is replaced.
fn suggestions(project: &ProjectIndex, site: &CallSite) -> Vec<(String, Range<usize>)> {
    let key = format!("{}:{}", site.kind.method(), site.value);
    let start = site.content.start;
    let relative = project.suggestions.get_or(&key, || close_names(project, site.kind, &site.value));
    relative.into_iter().map(|(name, range)| (name, start + range.start..start + range.end)).collect()
}

/// Up to three of `candidates` close to what was written, best first (case ignored).
pub fn closest<'a>(written: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let closeness = Closeness::new(written);
    // A word being typed (`su` of `subject`) is closest to the names it starts.
    let starts = |c: &str| written.len() >= 2 && c.to_lowercase().starts_with(&written.to_lowercase());
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter(|c| *c != written)
        .filter_map(|c| Some((if starts(c) { 0 } else { closeness.distance(c)? }, c)))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

fn close_names<'a>(project: &'a ProjectIndex, kind: CallKind, value: &str) -> Vec<(String, Range<usize>)> {
    let mut scored: Vec<(usize, &'a str, Range<usize>)> = match kind {
        CallKind::Invoke => {
            let written = Closeness::new(value);
            let close = |name: &'a str| Some((written.distance(name)?, name, 0..value.len()));
            // Thousands of names are compared on every core: a keystroke waits for them.
            if project.functions.len() >= PARALLEL_FROM {
                project.functions.par_iter().filter_map(|f| close(&f.name)).collect()
            } else {
                project.names().filter_map(close).collect()
            }
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
        let distance = match ascii {
            Some(written) => written.distance_with_args(name.bytes().map(|b| b.to_ascii_lowercase()), &cutoff),
            None => self.written.distance_with_args(name.chars().flat_map(char::to_lowercase), &cutoff),
        }?;
        // Rewriting every letter of the shorter word (`su` into `to`) is not a near miss.
        (distance < self.len.min(len)).then_some(distance)
    }
}

pub fn project_problems_in(project: &ProjectIndex, path: &Path, src: &str, tree: &Tree) -> Vec<Diagnostic> {
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
    use crate::testing::{Cursor, SHOP};

    /// Renders the page's diagnostics as `code "text under range": message [fixes]`,
    /// with the temporary project's name shown as `shop`.
    fn check(marked: &str) -> Vec<String> {
        let cursor = Cursor::new(SHOP, marked);
        let label = cursor.index.projects[0].project.label();
        cursor
            .report()
            .diagnostics
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
    fn thousands_of_names_are_compared_alike() {
        let entries: Vec<(String, &str)> = (0..super::PARALLEL_FROM)
            .map(|i| (format!("base44/functions/report-{i:04}/entry.ts"), "Deno.serve(() => new Response());\n"))
            .collect();
        let mut files: Vec<(&str, &str)> = SHOP.to_vec();
        files.extend(entries.iter().map(|(path, text)| (path.as_str(), *text)));
        let cursor =
            Cursor::new(&files, "$0base44.functions.invoke('proces-order'); base44.functions.invoke('report-O042');");
        let fixes: Vec<Vec<String>> = cursor
            .report()
            .diagnostics
            .iter()
            .map(|d| d.fixes.iter().flat_map(|f| &f.edits).map(|e| e.new_text.clone()).collect())
            .collect();
        // The same three, in the same order, as one comparer going through them in turn.
        assert_eq!(fixes, [vec!["process-order"], vec!["report-0042", "report-1042", "report-0002"]]);
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
