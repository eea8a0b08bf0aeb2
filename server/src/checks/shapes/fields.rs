//! Reads of a response's members: `res.success` on an invoke's axios response,
//! `res.data` on a fetch's `Response`, and the hedges that read both
//! (`res?.data?.x ?? res?.x`).

use std::ops::Range;

use tree_sitter::Node;

use super::Checker;
use super::report::{
    FETCH_RESULT_DATA, FETCH_RESULT_FIELD, FixSpec, INVOKE_RESULT_FIELD, INVOKE_RESULT_HEDGE, quotable,
};
use crate::modules::flow::index::Index;
use crate::modules::flow::scope::{binding_scope, enclosing_function, is_async, references_in};
use crate::modules::flow::shape::{AXIOS_RESPONSE_FIELDS, FETCH_BODY_READERS, FETCH_RESPONSE_FIELDS, Origin};
use crate::syntax::fields::FieldExt;

/// How far up a hedge (`a ?? b || c`, parentheses, ternary branches) is searched.
const MAX_HEDGE_DEPTH: usize = 16;

impl<'t> Checker<'t, '_, '_, '_> {
    pub(super) fn axios_field(&mut self, member: Node<'t>, object: Node<'t>, property: Node, origin: &Origin) {
        let name = self.text(property);
        if AXIOS_RESPONSE_FIELDS.contains(&name) {
            self.axios_own_field(member, object, property, origin);
            return;
        }
        let object_text = self.text(object);
        let shown = quotable(object_text).unwrap_or("(…)");
        let range = read_range(member, object, property);
        if name == "json"
            && let Some(call) = self.index.parent(member).filter(|p| p.kind() == "call_expression")
        {
            let message = format!(
                "`{shown}.json()` is not a method of the axios response of {}: its JSON is already parsed on `{shown}.data`",
                self.describe(origin)
            );
            let fix = self.index.parent(call).filter(|p| p.kind() == "await_expression").map(|awaited| {
                (format!("Use `{shown}.data`"), vec![(awaited.byte_range(), format!("{object_text}.data"))])
            });
            self.report(origin, range, INVOKE_RESULT_FIELD, message, fix);
            return;
        }
        let optional = member.field("optional_chain").is_some();
        if let Some(fallback) = self.hedge(member, object_text) {
            let message = format!(
                "`{shown}{}{name}` falls back to the axios response of {}; the function's JSON is always on `{shown}.data`",
                if optional { "?." } else { "." },
                self.describe(origin)
            );
            let fix = fallback
                .map(|(binary, kept)| ("Drop the fallback to the raw response".to_string(), vec![(binary, kept)]));
            self.report(origin, range, INVOKE_RESULT_HEDGE, message, fix);
            return;
        }
        let (dot, fix) = insert_data(object, shown, name, optional);
        let message = format!(
            "`{shown}{dot}{name}` reads the axios response of {}; its JSON is on `{shown}.data`",
            self.describe(origin)
        );
        self.report(origin, range, INVOKE_RESULT_FIELD, message, Some(fix));
    }

    /// `res.status` where the function's JSON has a `status` of its own: the read gets the
    /// HTTP status, not the function's field.
    fn axios_own_field(&mut self, member: Node<'t>, object: Node<'t>, property: Node, origin: &Origin) {
        let name = self.text(property);
        let Some(function) = origin.name.as_deref() else { return };
        if name == "data" || !(self.returns_key)(function, name) || self.compared_with_number(member) {
            return;
        }
        let object_text = self.text(object);
        let shown = quotable(object_text).unwrap_or("(…)");
        let optional = member.field("optional_chain").is_some();
        let (dot, fix) = insert_data(object, shown, name, optional);
        let message = format!(
            "`{shown}{dot}{name}` is the axios response's own `{name}`, not the `{name}` {} returns in its JSON; that is `{shown}.data.{name}`",
            self.describe(origin)
        );
        let range = read_range(member, object, property);
        self.report(origin, range, INVOKE_RESULT_FIELD, message, Some(fix));
    }

    /// `res.status === 200`, `res.status >= 400`: the HTTP status is meant.
    fn compared_with_number(&self, member: Node<'t>) -> bool {
        let Some(binary) = self.index.parent(member).filter(|p| p.kind() == "binary_expression") else {
            return false;
        };
        [binary.field("left"), binary.field("right")].into_iter().flatten().any(|side| side.kind() == "number")
    }

    pub(super) fn fetch_field(&mut self, member: Node<'t>, object: Node<'t>, property: Node, origin: &Origin) {
        let name = self.text(property);
        if FETCH_RESPONSE_FIELDS.contains(&name) {
            return;
        }
        let object_text = self.text(object);
        let shown = quotable(object_text).unwrap_or("(…)");
        let range = read_range(member, object, property);
        let parsed = format!("await {object_text}.json()");
        let parenthesized = format!("({parsed})");
        let optional = member.field("optional_chain").is_some();
        let safe = !optional && self.single_body_read(member, object);
        let (code, message, fix) = if name == "data" {
            (
                FETCH_RESULT_DATA,
                format!(
                    "`{shown}.data` is undefined: {} resolves to a native Response; read its JSON with `await {shown}.json()`",
                    self.describe(origin)
                ),
                safe.then(|| {
                    (
                        format!("Use `await {shown}.json()`"),
                        vec![(
                            member.byte_range(),
                            if needs_parentheses(member, self.index) { parenthesized } else { parsed },
                        )],
                    )
                }),
            )
        } else {
            (
                FETCH_RESULT_FIELD,
                format!(
                    "`{shown}.{name}` is not a field of the native Response of {}; read its JSON with `await {shown}.json()`",
                    self.describe(origin)
                ),
                safe.then(|| {
                    (format!("Read `{name}` from `await {shown}.json()`"), vec![(object.byte_range(), parenthesized)])
                }),
            )
        };
        self.report(origin, range, code, message, fix);
    }

    /// Whether rewriting this read to `await x.json()` is safe: it sits in an async
    /// function, and it is the only read of the body (a body can be read once).
    fn single_body_read(&self, member: Node<'t>, object: Node<'t>) -> bool {
        if !enclosing_function(member, self.index).is_some_and(is_async) {
            return false;
        }
        let object = crate::syntax::strip_wrappers(object);
        if object.kind() != "identifier" {
            return true;
        }
        let name = self.text(object);
        let Some(scope) = binding_scope(object, name, self.index) else {
            return true;
        };
        let body_reads = references_in(scope, name, self.index)
            .into_iter()
            .filter_map(|reference| {
                let parent = self.index.parent(reference)?;
                let is_object = parent.kind() == "member_expression"
                    && parent.field("object").is_some_and(|o| o.id() == reference.id());
                is_object.then_some(parent.field("property")?)
            })
            .map(|property| self.text(property))
            .filter(|name| FETCH_BODY_READERS.contains(name) || !FETCH_RESPONSE_FIELDS.contains(name))
            .count();
        body_reads <= 1
    }

    /// Whether a read sits in an expression that also reads `object.data` (a hedge),
    /// and if so the fix that drops the raw-response side: (binary range, kept text).
    fn hedge(&self, read: Node<'t>, object_text: &str) -> Option<Option<(Range<usize>, String)>> {
        let mut top = read;
        let mut fix = None;
        // Only a fallback (`??`, `||`, a ternary's branches) makes a hedge; comparisons
        // on the way (`res?.ok === true || …`) are climbed through, `&&` is not.
        let mut fallback = false;
        for _ in 0..MAX_HEDGE_DEPTH {
            let Some(parent) = self.index.parent(top) else {
                break;
            };
            let continues = match parent.kind() {
                "parenthesized_expression" => true,
                // A branch may be a fallback; the condition is a test that is just wrong.
                "ternary_expression" => {
                    let branch = parent.field("condition").is_none_or(|condition| condition.id() != top.id());
                    fallback |= branch;
                    branch
                }
                "member_expression" => parent.field("object").is_some_and(|o| o.id() == top.id()),
                "binary_expression" => {
                    let operator = parent.field("operator").map(|o| o.kind());
                    let is_fallback = matches!(operator, Some("??" | "||"));
                    if is_fallback && fix.is_none() {
                        let other = [parent.field("left"), parent.field("right")]
                            .into_iter()
                            .flatten()
                            .find(|side| side.id() != top.id());
                        if let Some(other) = other
                            && self.reads_data_of(other, object_text)
                        {
                            fix = Some((parent.byte_range(), self.text(other).to_string()));
                        }
                    }
                    fallback |= is_fallback;
                    is_fallback || matches!(operator, Some("===" | "!==" | "==" | "!="))
                }
                _ => false,
            };
            if !continues {
                break;
            }
            top = parent;
        }
        if fix.is_some() || (fallback && self.reads_data_of(top, object_text)) { Some(fix) } else { None }
    }

    /// Whether `node` contains a read of `<object_text>.data` (or `?.data`).
    pub(super) fn reads_data_of(&self, node: Node, object_text: &str) -> bool {
        let mut stack = vec![node];
        let mut budget = 2_000;
        while let Some(node) = stack.pop() {
            budget -= 1;
            if budget == 0 {
                return false;
            }
            if node.kind() == "member_expression" {
                let property = node.field("property").map(|p| self.text(p));
                let object = node.field("object").map(|o| self.text(o));
                if property == Some("data") && object == Some(object_text) {
                    return true;
                }
            }
            let mut cursor = node.walk();
            stack.extend(node.named_children(&mut cursor));
        }
        false
    }

    /// `raw ?? raw.data`-style hedges on the whole value: `resp?.data || resp`.
    pub(super) fn whole_value_hedge(&mut self, binary: Node<'t>, operand: Node<'t>, origin: &Origin) {
        let other =
            [binary.field("left"), binary.field("right")].into_iter().flatten().find(|side| side.id() != operand.id());
        let Some(other) = other else { return };
        let operand_text = self.text(operand);
        if !self.reads_data_of(other, operand_text) {
            return;
        }
        let shown = quotable(operand_text).unwrap_or("the response");
        let message = format!(
            "falling back to `{shown}` gives the axios response of {}, not its JSON; the JSON is always on `{shown}.data`",
            self.describe(origin)
        );
        let fix = (
            "Drop the fallback to the raw response".to_string(),
            vec![(binary.byte_range(), self.text(other).to_string())],
        );
        self.report(origin, operand.byte_range(), INVOKE_RESULT_HEDGE, message, Some(fix));
    }
}

/// The accessor written (`.` or `?.`) and the fix that reads `name` off `.data` instead.
fn insert_data(object: Node, shown: &str, name: &str, optional: bool) -> (&'static str, FixSpec) {
    let (dot, insert) = if optional { ("?.", "?.data") } else { (".", ".data") };
    let fix = (
        format!("Read `{shown}{insert}{dot}{name}`"),
        vec![(object.end_byte()..object.end_byte(), insert.to_string())],
    );
    (dot, fix)
}

/// The whole read (`res.success`) when the object is a plain name, else just the
/// property, so a long `(await …).x` is not underlined whole.
fn read_range(member: Node, object: Node, property: Node) -> Range<usize> {
    if crate::syntax::strip_wrappers(object).kind() == "identifier" {
        member.byte_range()
    } else {
        property.byte_range()
    }
}

/// Whether an `await …` put in place of `node` must be parenthesized: as the object
/// of a member read or a call, where `await` would bind too loosely.
fn needs_parentheses<'t>(node: Node<'t>, index: &Index<'t, '_>) -> bool {
    index.parent(node).is_some_and(|parent| {
        ["object", "function"].iter().any(|field| parent.field(field).is_some_and(|child| child.id() == node.id()))
    })
}
