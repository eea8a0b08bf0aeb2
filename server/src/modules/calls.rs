//! Call sites: the places that name a function (found by the flow, `modules::flow`), and
//! the one under the cursor, read off the tree or (for half-typed code the tree cannot
//! make sense of yet) the text of the line: `….functions.invoke("na|`, `withRetry("na|`.

use std::ops::Range;

use tree_sitter::{Node, Tree};

use crate::syntax::fields::FieldExt;
use crate::syntax::text::floor_char_boundary;
use crate::syntax::{self, StringLit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CallKind {
    Invoke,
    Fetch,
}

impl CallKind {
    pub fn method(self) -> &'static str {
        match self {
            CallKind::Invoke => "invoke",
            CallKind::Fetch => "fetch",
        }
    }
}

/// How a site writes the function's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteForm {
    /// A string: `invoke("name")`, `fetch("/path")`, `functions["a/b"]`, a wrapper's argument.
    Literal,
    /// A property name: `functions.checkout`.
    Property,
    /// A destructured key: `const { checkout } = base44.functions` (`shorthand`: no `: alias`).
    PatternKey { shorthand: bool },
    /// A call of a function object bound elsewhere (`checkout({…})` after `import { checkout }`):
    /// `content` is the callee, not a name written here.
    ObjectCall,
}

/// One place that names a function: a call with a static name, or a function object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    pub kind: CallKind,
    /// The name as written: a function name for invoke, a path for fetch.
    pub value: String,
    /// Byte range of the name (inside the quotes for a string).
    pub content: Range<usize>,
    /// Byte range of the whole call expression (the member read for a function object
    /// that is not called there).
    pub call: Range<usize>,
    /// Byte range of the data argument (invoke's data, fetch's init), if any.
    pub data: Option<Range<usize>>,
    pub form: SiteForm,
    /// `functions.<name>(…)` called directly: the published SDK has no such method.
    pub member_call: bool,
}

impl CallSite {
    /// A string-named call site (`invoke("x", data)`, a wrapper's call).
    pub fn literal(
        kind: CallKind,
        value: String,
        content: Range<usize>,
        call: Range<usize>,
        data: Option<Range<usize>>,
    ) -> Self {
        Self { kind, value, content, call, data, form: SiteForm::Literal, member_call: false }
    }

    /// Whether the name is written at this site (so it can be completed, fixed and renamed).
    pub fn names_here(&self) -> bool {
        self.form != SiteForm::ObjectCall
    }
}

impl CallSite {
    /// The function a call names and the byte range of that name in the file, given a
    /// test for known names. A fetch path names the longest function name that is a
    /// whole-segment prefix of it (`/orders/refund/x` → `orders/refund`). Lookups, not
    /// scans: this runs for every call site on every keystroke.
    pub fn target(&self, is_function: impl Fn(&str) -> bool) -> Option<(&str, Range<usize>)> {
        match self.kind {
            CallKind::Invoke => is_function(&self.value).then(|| (self.value.as_str(), self.content.clone())),
            CallKind::Fetch => {
                let (lead, path) = fetch_path(&self.value);
                let start = self.content.start + lead;
                let mut end = path.len();
                loop {
                    let prefix = &path[..end];
                    if !prefix.is_empty() && is_function(prefix) {
                        return Some((prefix, start..start + end));
                    }
                    end = prefix.rfind('/')?;
                }
            }
        }
    }

    /// What the user wrote where a name belongs: the whole value for invoke, the path
    /// without its leading `/`, query or hash for fetch.
    pub fn written_name(&self) -> &str {
        match self.kind {
            CallKind::Invoke => &self.value,
            CallKind::Fetch => fetch_path(&self.value).1,
        }
    }
}

/// Splits a fetch path into the length of its leading `/` (0 or 1) and the path proper,
/// without query or fragment. The SDK adds a missing leading `/`.
pub fn fetch_path(value: &str) -> (usize, &str) {
    let lead = usize::from(value.starts_with('/'));
    let rest = &value[lead..];
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    (lead, &rest[..end])
}

/// Whether a call expression's callee ends in `.functions.invoke` or `.functions.fetch`.
pub fn functions_call_kind(call: Node, src: &str) -> Option<CallKind> {
    let callee = syntax::strip_wrappers(call.field("function")?);
    if callee.kind() != "member_expression" {
        return None;
    }
    let kind = match syntax::text(callee.field("property")?, src) {
        "invoke" => CallKind::Invoke,
        "fetch" => CallKind::Fetch,
        _ => return None,
    };
    let object = syntax::strip_wrappers(callee.field("object")?);
    if object.kind() != "member_expression" {
        return None;
    }
    (syntax::text(object.field("property")?, src) == "functions").then_some(kind)
}

/// The call site a call expression is, when its first argument is a static string.
pub fn call_site_of(call: Node, src: &str) -> Option<CallSite> {
    let kind = functions_call_kind(call, src)?;
    let args = call.field("arguments")?;
    let mut cursor = args.walk();
    let mut values = args.named_children(&mut cursor).filter(|n| n.kind() != "comment");
    let first = values.next()?;
    let StringLit { value, content } = syntax::string_literal(first, src)?;
    let data = values.next().map(|n| n.byte_range());
    Some(CallSite::literal(kind, value, content, call.byte_range(), data))
}

/// A name in a file whose calls name a function at an argument (a wrapper of `invoke`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Namer {
    pub name: String,
    pub arg: usize,
    pub kind: CallKind,
}

/// The call site whose string holds `offset` (between its quotes, ends included): of
/// `invoke`/`fetch`, or of one of the file's `namers`.
pub fn call_site_at(tree: Option<&Tree>, src: &str, offset: usize, namers: &[Namer]) -> Option<CallSite> {
    match tree {
        Some(tree) if inside_clean_literal(tree, offset) => call_site_in_tree(tree, src, offset, namers),
        Some(tree) => call_site_in_tree(tree, src, offset, namers).or_else(|| call_site_in_line(src, offset, namers)),
        None => call_site_in_line(src, offset, namers),
    }
}

/// Whether the cursor sits in a string or comment that parsed without errors: there the
/// tree's answer is final and the line scan must not second-guess it.
fn inside_clean_literal(tree: &Tree, offset: usize) -> bool {
    let Some(node) = tree.root_node().descendant_for_byte_range(offset, offset) else {
        return false;
    };
    // Up from the cursor, through its ancestry read in one descent (see `syntax::ancestry`).
    let literal = syntax::ancestry(tree, node)
        .into_iter()
        .rev()
        .find(|n| matches!(n.kind(), "string" | "template_string" | "comment"));
    literal.is_some_and(|literal| !literal.has_error() && !literal.is_missing())
}

fn call_site_in_tree(tree: &Tree, src: &str, offset: usize, namers: &[Namer]) -> Option<CallSite> {
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset)?;
    // From the token under the cursor up to its string, then to the call.
    for _ in 0..3 {
        if matches!(node.kind(), "string" | "template_string") {
            break;
        }
        node = node.parent()?;
    }
    let string = node;
    let call = node.parent()?.parent()?;
    if call.kind() != "call_expression" {
        return None;
    }
    let site = call_site_of(call, src).or_else(|| namer_site(call, string, src, namers))?;
    (site.content.start <= offset && offset <= site.content.end).then_some(site)
}

/// The site a string argument of a namer's call is: `withRetry("name", …)`.
fn namer_site(call: Node, string: Node, src: &str, namers: &[Namer]) -> Option<CallSite> {
    let callee = syntax::strip_wrappers(call.field("function")?);
    let name = match callee.kind() {
        "identifier" => syntax::text(callee, src),
        "member_expression" => syntax::text(callee.field("property")?, src),
        _ => return None,
    };
    let args = call.field("arguments")?;
    let mut cursor = args.walk();
    let position =
        args.named_children(&mut cursor).filter(|n| n.kind() != "comment").position(|a| a.id() == string.id())?;
    let namer = namers.iter().find(|n| n.name == name && n.arg == position)?;
    let StringLit { value, content } = syntax::string_literal(string, src)?;
    Some(CallSite::literal(namer.kind, value, content, call.byte_range(), None))
}

/// Reads a call site off the text of the cursor's line, for code like
/// `base44.functions.invoke("proc` that does not parse yet.
fn call_site_in_line(src: &str, offset: usize, namers: &[Namer]) -> Option<CallSite> {
    let offset = floor_char_boundary(src, offset);
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..offset];
    let quote_at = before.rfind(['"', '\'', '`'])?;
    let quote = before[quote_at..].chars().next()?;
    let typed = &before[quote_at + 1..];
    if typed.contains(['\\', '$']) {
        return None;
    }
    let head = before[..quote_at].trim_end().strip_suffix('(')?.trim_end();
    let callee = head.rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).next().unwrap_or("");
    if let Some(namer) =
        namers.iter().find(|n| n.arg == 0 && n.name == callee && callee != "invoke" && callee != "fetch")
    {
        let content_end = string_end(src, offset, quote);
        let content = line_start + quote_at + 1..content_end;
        let call_start = line_start + head.len() - callee.len();
        return Some(CallSite::literal(
            namer.kind,
            src[content.clone()].to_string(),
            content,
            call_start..content_end,
            None,
        ));
    }
    let (kind, callee_len) = if let Some(rest) = head.strip_suffix("invoke") {
        (CallKind::Invoke, rest)
    } else if let Some(rest) = head.strip_suffix("fetch") {
        (CallKind::Fetch, rest)
    } else {
        return None;
    };
    let object = callee_len.trim_end_matches('?').strip_suffix('.')?.trim_end_matches('!');
    let object = object.trim_end_matches('?').strip_suffix('.').map_or(object, |o| o);
    if !(object.ends_with("functions") || callee_len.trim_end_matches(['?', '.']).ends_with("functions")) {
        return None;
    }
    let before_functions = object.strip_suffix("functions").unwrap_or(object);
    if !before_functions.ends_with('.') && !before_functions.ends_with("?.") {
        return None;
    }
    let content_end = string_end(src, offset, quote);
    let content = line_start + quote_at + 1..content_end;
    let call_start =
        line_start + before[..quote_at].rfind(|c: char| c.is_whitespace() || c == '=').map_or(0, |i| i + 1);
    Some(CallSite::literal(kind, src[content.clone()].to_string(), content, call_start..content_end, None))
}

/// Where a string being typed at `offset` ends: at its closing quote on this line, if
/// typed already, else at the cursor. A half-typed call ends there too.
fn string_end(src: &str, offset: usize, quote: char) -> usize {
    let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
    src[offset..line_end].find(quote).map_or(offset, |i| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{Lang, parse};

    /// The sites the flow finds in one file on its own.
    fn sites(src: &str) -> Vec<(CallKind, String)> {
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        let index = crate::modules::flow::index::Index::build(&tree, src);
        let module = crate::modules::imports::ModuleSyntax::read(&tree, src);
        let env = crate::modules::flow::env::Env::default();
        let flow = crate::modules::flow::analyse(&index, &module, &env, std::path::Path::new("/a.js"));
        flow.sites.into_iter().map(|s| (s.kind, s.value)).collect()
    }

    fn at(marked: &str) -> Option<(CallKind, String, String)> {
        let namers = [Namer { name: "withRetry".into(), arg: 0, kind: CallKind::Invoke }];
        let offset = marked.find("$0").expect("cursor marker");
        let src = marked.replace("$0", "");
        let tree = parse(&src, Lang::Tsx, None);
        let site = call_site_at(tree.as_ref(), &src, offset, &namers);
        site.map(|s| (s.kind, s.value.clone(), src[s.content.clone()].to_string()))
    }

    #[test]
    fn recognises_every_client_shape() {
        let src = r#"
            base44.functions.invoke("a", {});
            base44.asServiceRole.functions.invoke('b');
            ctx.base44.functions.invoke(`c`);
            client?.functions?.invoke("d");
            base44.functions.fetch("/e/x", { method: "POST" });
            base44.functions!.invoke("f");
        "#;
        let expected = [
            (CallKind::Invoke, "a"),
            (CallKind::Invoke, "b"),
            (CallKind::Invoke, "c"),
            (CallKind::Invoke, "d"),
            (CallKind::Fetch, "/e/x"),
            (CallKind::Invoke, "f"),
        ];
        let expected: Vec<_> = expected.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(sites(src), expected);
    }

    #[test]
    fn leaves_dynamic_names_strings_and_comments_alone() {
        let src = r#"
            base44.functions.invoke(name);
            base44.functions.invoke(`x-${id}`);
            const s = 'base44.functions.invoke("nope")';
            // base44.functions.invoke("nope")
            functions.invoke("bare");
            base44.entities.invoke("other");
            invoke("plain");
        "#;
        assert_eq!(sites(src), vec![]);
    }

    #[test]
    fn cursor_in_an_empty_string() {
        assert_eq!(at(r#"base44.functions.invoke("$0")"#), Some((CallKind::Invoke, "".into(), "".into())));
    }

    #[test]
    fn cursor_mid_word() {
        assert_eq!(
            at(r#"await base44.functions.invoke("proc$0ess", {})"#),
            Some((CallKind::Invoke, "process".into(), "process".into()))
        );
    }

    #[test]
    fn cursor_in_half_typed_code() {
        assert_eq!(
            at("function f() {\n  base44.functions.invoke(\"pro$0\n}"),
            Some((CallKind::Invoke, "pro".into(), "pro".into()))
        );
        assert_eq!(at("x = base44.functions.fetch('/$0"), Some((CallKind::Fetch, "/".into(), "/".into())));
    }

    #[test]
    fn cursor_in_a_wrappers_name_argument() {
        assert_eq!(at(r#"await withRetry("imp$0", {})"#), Some((CallKind::Invoke, "imp".into(), "imp".into())));
        assert_eq!(at("x = api.withRetry('ab$0"), Some((CallKind::Invoke, "ab".into(), "ab".into())));
        assert_eq!(at(r#"withRetry("a", "b$0")"#), None);
        assert_eq!(at(r#"other("a$0")"#), None);
    }

    #[test]
    fn cursor_outside_a_call_string() {
        assert_eq!(at(r#"base44.functions.invoke("a", "b$0")"#), None);
        assert_eq!(at(r#"other.invoke("a$0")"#), None);
        assert_eq!(at(r#"const s = "base44.functions.invoke('$0')""#), None);
    }

    #[test]
    fn fetch_targets_resolve_by_longest_segment_prefix() {
        let site = |value: &str| CallSite::literal(CallKind::Fetch, value.into(), 10..10 + value.len(), 0..0, None);
        let names = |name: &str| ["orders", "orders/refund", "report"].contains(&name);
        assert_eq!(site("/orders/refund/x?y=1").target(names), Some(("orders/refund", 11..24)));
        assert_eq!(site("report").target(names), Some(("report", 10..16)));
        assert_eq!(site("/reports").target(names), None);
    }
}
