//! Finding `….functions.invoke("name", …)` and `….functions.fetch("/path", …)` call
//! sites: in a syntax tree, and (for half-typed code the tree cannot make sense of) in
//! the text of the line around the cursor.

use std::ops::Range;

use tree_sitter::{Node, Tree, TreeCursor};

use crate::syntax::fields::FieldExt;
use crate::syntax::text::floor_char_boundary;
use crate::syntax::{self, StringLit, TopLevel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
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

/// One call with a static first argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    pub kind: CallKind,
    /// The string's value: a function name for invoke, a path for fetch.
    pub value: String,
    /// Byte range of the string's contents, inside the quotes.
    pub content: Range<usize>,
    /// Byte range of the whole call expression.
    pub call: Range<usize>,
    /// Byte range of the second argument (invoke's data, fetch's init), if any.
    pub data: Option<Range<usize>>,
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

/// Every call site in a tree whose first argument is a static string, in order.
///
/// Rather than walking every node of the tree (milliseconds in a 5,000-line file, on
/// every keystroke), this starts from each `functions` in the text and climbs from its
/// node to the call around it. The climb is a cursor's, which keeps the ancestors it
/// came down through: a node's `parent()` searches down from the root again.
pub fn call_sites(tree: &Tree, src: &str) -> Vec<CallSite> {
    const FUNCTIONS: &str = "functions";
    let mut sites: Vec<CallSite> = Vec::new();
    let top_level = TopLevel::new(tree);
    let mut cursor = tree.walk();
    let mut statement = None;
    for at in memchr::memmem::find_iter(src.as_bytes(), FUNCTIONS) {
        let wanted = at..at + FUNCTIONS.len();
        // A call lies inside one top-level statement: the cursor stays within it.
        let Some(top) = top_level.child_for_byte(at) else { break };
        if statement != Some(top.id()) {
            statement = Some(top.id());
            cursor.reset(top);
        }
        syntax::move_to_smallest_holding(&mut cursor, &wanted);
        let node = cursor.node();
        // Text in strings and comments, and other identifiers, are not a callee's `.functions`.
        if node.kind() != "property_identifier" || node.byte_range() != wanted {
            continue;
        }
        if climb_to_call(&mut cursor) {
            sites.extend(call_site_of(cursor.node(), src));
        }
    }
    // `a.functions.invoke(b.functions…)` reaches one call from two places.
    sites.sort_by_key(|s| (s.call.start, s.call.end));
    sites.dedup_by(|a, b| a.call == b.call);
    sites
}

/// From a callee's `functions` property up through the member expressions (and
/// parentheses, `!`) of the callee to the call expression; false when there is none.
fn climb_to_call(cursor: &mut TreeCursor) -> bool {
    if !cursor.goto_parent() {
        return false;
    }
    for _ in 0..6 {
        match cursor.node().kind() {
            "call_expression" => return true,
            "member_expression" | "parenthesized_expression" | "non_null_expression" => {
                if !cursor.goto_parent() {
                    return false;
                }
            }
            _ => return false,
        }
    }
    false
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
    Some(CallSite { kind, value, content, call: call.byte_range(), data })
}

/// The call site whose string holds `offset` (between its quotes, ends included).
pub fn call_site_at(tree: Option<&Tree>, src: &str, offset: usize) -> Option<CallSite> {
    match tree {
        Some(tree) if inside_clean_literal(tree, offset) => call_site_in_tree(tree, src, offset),
        Some(tree) => call_site_in_tree(tree, src, offset).or_else(|| call_site_in_line(src, offset)),
        None => call_site_in_line(src, offset),
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

fn call_site_in_tree(tree: &Tree, src: &str, offset: usize) -> Option<CallSite> {
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset)?;
    // From the token under the cursor up to its string, then to the call.
    for _ in 0..3 {
        if matches!(node.kind(), "string" | "template_string") {
            break;
        }
        node = node.parent()?;
    }
    let call = node.parent()?.parent()?;
    if call.kind() != "call_expression" {
        return None;
    }
    let site = call_site_of(call, src)?;
    (site.content.start <= offset && offset <= site.content.end).then_some(site)
}

/// Reads a call site off the text of the cursor's line, for code like
/// `base44.functions.invoke("proc` that does not parse yet.
fn call_site_in_line(src: &str, offset: usize) -> Option<CallSite> {
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
    // The string runs to its closing quote on this line, if typed already.
    let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
    let after = &src[offset..line_end];
    let content_end = after.find(quote).map_or(offset, |i| offset + i);
    let content = line_start + quote_at + 1..content_end;
    let call_start =
        line_start + before[..quote_at].rfind(|c: char| c.is_whitespace() || c == '=').map_or(0, |i| i + 1);
    Some(CallSite { kind, value: src[content.clone()].to_string(), content, call: call_start..content_end, data: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{Lang, parse};

    fn sites(src: &str) -> Vec<(CallKind, String)> {
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        call_sites(&tree, src).into_iter().map(|s| (s.kind, s.value)).collect()
    }

    fn at(marked: &str) -> Option<(CallKind, String, String)> {
        let offset = marked.find("$0").expect("cursor marker");
        let src = marked.replace("$0", "");
        let tree = parse(&src, Lang::Tsx, None);
        call_site_at(tree.as_ref(), &src, offset).map(|s| (s.kind, s.value.clone(), src[s.content.clone()].to_string()))
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
    fn cursor_outside_a_call_string() {
        assert_eq!(at(r#"base44.functions.invoke("a", "b$0")"#), None);
        assert_eq!(at(r#"other.invoke("a$0")"#), None);
        assert_eq!(at(r#"const s = "base44.functions.invoke('$0')""#), None);
    }

    #[test]
    fn fetch_targets_resolve_by_longest_segment_prefix() {
        let site = |value: &str| CallSite {
            kind: CallKind::Fetch,
            value: value.into(),
            content: 10..10 + value.len(),
            call: 0..0,
            data: None,
        };
        let names = |name: &str| ["orders", "orders/refund", "report"].contains(&name);
        assert_eq!(site("/orders/refund/x?y=1").target(names), Some(("orders/refund", 11..24)));
        assert_eq!(site("report").target(names), Some(("report", 10..16)));
        assert_eq!(site("/reports").target(names), None);
    }
}
