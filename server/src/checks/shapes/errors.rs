//! The error of a failed invoke (a `catch` whose `try` can only fail with invokes, or a
//! `.catch(…)` callback on one): an `AxiosError`, whose function error body is on
//! `err.response.data`, so `err.data` or `err.error` read nothing. A `catch` that looks at
//! `err.response` is left alone.

use tree_sitter::Node;

use super::Checker;
use super::report::{INVOKE_ERROR_BODY, quotable};
use crate::modules::flow::index::Index;
use crate::modules::flow::scope::{binding_scope, references_in};
use crate::modules::flow::shape::{AXIOS_ERROR_FIELDS, Origin};
use crate::syntax::fields::FieldExt;

/// Reads of a failed invoke's error (`param`: a `catch` or `.catch(…)` parameter) that
/// look for the function's error body on the error itself.
pub(super) fn check_error_binding<'t>(checker: &mut Checker<'t, '_, '_, '_>, param: Node<'t>, origins: &[Origin]) {
    let index = checker.index;
    let out = &mut checker.out;
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
