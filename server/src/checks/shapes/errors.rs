//! The `catch` of a `try` whose awaited calls are all invokes: a failed invoke throws an
//! `AxiosError`, whose function error body is on `err.response.data`, so `err.data` or
//! `err.error` read nothing. (`auth`/`entities` errors do have `.data`: a `try` awaiting
//! anything else is left alone, and so is a `catch` that looks at `err.response`.)
//! The same holds for the callback of `invoke(…).catch(…)`.

use tree_sitter::Node;

use super::flow::origin_of;
use super::ids::IdSet;
use super::index::Index;
use super::report::{INVOKE_ERROR_BODY, Reporter, quotable};
use super::scope::{binding_scope, references_in};
use super::shape::{AXIOS_ERROR_FIELDS, Origin};
use crate::modules::calls::CallKind;
use crate::syntax::fields::FieldExt;

/// How many `await`s of one `try` block are looked at before giving up on it.
const MAX_TRY_AWAITS: usize = 2_000;

pub fn check(index: &Index, out: &mut Reporter) {
    let mut seen = IdSet::default();
    for (call, kind) in &index.calls {
        if *kind != CallKind::Invoke {
            continue;
        }
        if let Some(try_statement) = enclosing_try(*call, index)
            && seen.insert(try_statement.id())
        {
            check_try(try_statement, index, out);
        }
    }
}

/// The `try` whose block runs `node` directly (not in a callback defined there).
fn enclosing_try<'t>(node: Node<'t>, index: &Index<'t, '_>) -> Option<Node<'t>> {
    let mut child = node;
    while let Some(parent) = index.parent(child) {
        if index.is_function(parent) {
            return None;
        }
        if parent.kind() == "try_statement" && parent.field("body").is_some_and(|body| body.id() == child.id()) {
            return Some(parent);
        }
        child = parent;
    }
    None
}

fn check_try<'t>(try_statement: Node<'t>, index: &Index<'t, '_>, out: &mut Reporter) {
    let Some(body) = try_statement.field("body") else {
        return;
    };
    let Some(catch) = index.child(try_statement, "handler") else {
        return;
    };
    let Some(param) = index.child(catch, "parameter").filter(|p| p.kind() == "identifier") else {
        return;
    };
    let Some(origins) = awaited_invokes(body, index) else {
        return;
    };
    check_error_binding(param, &origins, index, out);
}

/// Reads of a failed invoke's error (`param`: a `catch` or `.catch(…)` parameter) that
/// look for the function's error body on the error itself.
pub fn check_error_binding<'t>(param: Node<'t>, origins: &[Origin], index: &Index<'t, '_>, out: &mut Reporter) {
    let name = index.text(param);
    let Some(scope) = binding_scope(param, name, index) else {
        return;
    };
    let references = references_in(scope, name, index);
    if references.iter().any(|r| member_of(*r, index).is_some_and(|(_, property)| property == "response")) {
        return;
    }
    let function = describe(origins);
    for reference in references {
        let Some((member, property)) = member_of(reference, index) else {
            continue;
        };
        if AXIOS_ERROR_FIELDS.contains(&property) || is_assigned(member, index) {
            continue;
        }
        let optional = member.field("optional_chain").is_some();
        let dot = if optional { "?." } else { "." };
        let shown = quotable(name).unwrap_or("err");
        let (message, replacement) = if property == "data" {
            (
                format!(
                    "`{shown}{dot}data` is undefined when {function} fails: the function's error body is on `{shown}.response.data`"
                ),
                format!("{name}{dot}response?.data"),
            )
        } else {
            (
                format!(
                    "`{shown}{dot}{property}` is not set when {function} fails: the function's error body is on `{shown}.response.data`"
                ),
                format!("{name}{dot}response?.data?.{property}"),
            )
        };
        let fix = (format!("Read `{replacement}`"), vec![(member.byte_range(), replacement)]);
        out.report(member.byte_range(), INVOKE_ERROR_BODY, message, Some(fix));
    }
}

/// The invokes a `try` block awaits, when it awaits nothing else (and at least one).
fn awaited_invokes<'t>(body: Node<'t>, index: &Index<'t, '_>) -> Option<Vec<Origin>> {
    let mut origins = Vec::new();
    for awaited in index.awaits_in(body, MAX_TRY_AWAITS)? {
        if in_nested_function(awaited, body, index) {
            continue;
        }
        let mut operand = awaited.named_child(0)?;
        while operand.kind() == "parenthesized_expression" {
            operand = operand.named_child(0)?;
        }
        origins.extend(awaited_origins(operand, index)?);
    }
    (!origins.is_empty()).then_some(origins)
}

/// Whether `node` runs in a function defined inside `block` rather than in the block.
fn in_nested_function<'t>(node: Node<'t>, block: Node<'t>, index: &Index<'t, '_>) -> bool {
    let mut current = index.parent(node);
    while let Some(ancestor) = current {
        if ancestor.id() == block.id() {
            return false;
        }
        if index.is_function(ancestor) {
            return true;
        }
        current = index.parent(ancestor);
    }
    false
}

/// The invokes an awaited expression waits for: one invoke call, or `Promise.all` of
/// invoke calls. `None` for anything else.
fn awaited_origins(operand: Node, index: &Index) -> Option<Vec<Origin>> {
    let invoke = |call: Node| {
        (call.kind() == "call_expression")
            .then(|| origin_of(call, index))
            .flatten()
            .filter(|o| o.kind == CallKind::Invoke)
    };
    if let Some(origin) = invoke(operand) {
        return Some(vec![origin]);
    }
    let callee = operand.field("function")?;
    if index.text(callee) != "Promise.all" {
        return None;
    }
    let array = operand.field("arguments")?.named_child(0).filter(|a| a.kind() == "array")?;
    let mut cursor = array.walk();
    array.named_children(&mut cursor).filter(|element| element.kind() != "comment").map(invoke).collect()
}

/// `err.property` when `reference` is the object of a member read.
fn member_of<'t, 's>(reference: Node<'t>, index: &Index<'t, 's>) -> Option<(Node<'t>, &'s str)> {
    let parent = index.parent(reference).filter(|p| p.kind() == "member_expression")?;
    let object = parent.field("object")?;
    if object.id() != reference.id() {
        return None;
    }
    Some((parent, index.text(parent.field("property")?)))
}

fn describe(origins: &[Origin]) -> String {
    let first = origins.first().and_then(|o| o.name.as_deref());
    if first.is_some() && origins.iter().all(|o| o.name.as_deref() == first) {
        format!("invoke({})", origins[0].describe())
    } else {
        "an invoke call".to_string()
    }
}

fn is_assigned<'t>(member: Node<'t>, index: &Index<'t, '_>) -> bool {
    index.parent(member).is_some_and(|parent| {
        parent.kind() == "assignment_expression" && parent.field("left").is_some_and(|left| left.id() == member.id())
    })
}
