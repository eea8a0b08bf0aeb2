//! The inputs a handler reads from its request: the keys of `const { a, b = 1, c: alias } =
//! await req.json()`, of `body.a`/`body?.a`/`body["a"]` and `const { a } = body` when the body is
//! kept whole, of `(await req.json()).a`, and the fields of `await req.formData()` read with
//! `form.get("file")`. A key destructured without a default is required unless the handler
//! tests it for presence other than to answer an error (`a ?? 1`, `if (a) …`). A body passed on
//! whole, spread, read with a computed key, or a request handed to other code, opens the inputs.
//! A body (or the request) handed to a function of the entry is followed into it.

use tree_sitter::Node;

use super::{Input, Reader, is_function, key_text, parameter_patterns};

/// How many functions deep a body handed on is followed.
const MAX_HELPER_DEPTH: usize = 4;

/// What a request's member is, read off its name.
enum RequestUse {
    /// `req.json()`, `req.formData()`: the body, read here.
    Body { form: bool },
    /// `req.headers`, `req.method`, …: not the body.
    Other,
    /// `req.text()`, `req.arrayBuffer()`, `req.body`: the body, read in a way not followed.
    Opaque,
}

/// The inputs of `handler`, and whether they are open.
pub(super) fn read(reader: &Reader, handler: Node) -> (Vec<Input>, bool) {
    let mut found = Found::default();
    let Some(request) = request_parameter(handler) else {
        // No request parameter: nothing of the body can be read.
        return (Vec::new(), false);
    };
    request_reads(reader, handler, request, &mut found);
    let inputs = found.finish(reader, handler);
    (inputs, found.open)
}

/// The reads of the request bound to `request` in `function`.
fn request_reads<'t>(reader: &Reader<'t, '_>, function: Node<'t>, request: Node<'t>, found: &mut Found<'t>) {
    for (reference, above) in reader.references(function, reader.text(request)) {
        let Some(parent) = above.first().copied() else { continue };
        if reference.id() == request.id()
            || matches!(parent.kind(), "required_parameter" | "optional_parameter" | "formal_parameters")
            || is_function(parent)
        {
            continue;
        }
        match parent.kind() {
            "member_expression" if parent.child_by_field_name("object") == Some(reference) => {
                let property = parent.child_by_field_name("property").map(|p| reader.text(p)).unwrap_or("");
                match request_use(property) {
                    RequestUse::Body { form } => body_read(reader, function, &above[1..], form, found),
                    RequestUse::Other => {}
                    RequestUse::Opaque => found.open = true,
                }
            }
            "arguments" if is_client_from_request(reader, &above) => {}
            "arguments" => match passed_to(reader, &above, reference) {
                Some((helper, param)) if param.kind() == "identifier" => {
                    found.inside(helper, |found| request_reads(reader, helper, param, found));
                }
                _ => found.open = true,
            },
            _ => found.open = true,
        }
    }
}

/// `helper(…, value, …)` where `helper` is a function of the entry: it, and the parameter
/// (name or pattern) that binds `value`. `above` starts at the value's parent.
fn passed_to<'t>(reader: &Reader<'t, '_>, above: &[Node<'t>], value: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
    let args = above.first().filter(|a| a.kind() == "arguments")?;
    let call = above.get(1).filter(|c| c.kind() == "call_expression")?;
    let callee = call.child_by_field_name("function").filter(|f| f.kind() == "identifier")?;
    let function = reader.function_named(reader.text(callee))?;
    let mut cursor = args.walk();
    let index =
        args.named_children(&mut cursor).filter(|a| a.kind() != "comment").position(|a| a.id() == value.id())?;
    let (pattern, _) = parameter_patterns(function).get(index).copied()?;
    Some((function, pattern))
}

/// One key read: its name, its binding when destructured without a default, whether that
/// read requires it, and the function the binding lives in.
type Key<'t> = (String, Option<Node<'t>>, bool, Option<Node<'t>>);

#[derive(Default)]
struct Found<'t> {
    /// In reading order.
    keys: Vec<Key<'t>>,
    open: bool,
    /// The function of the entry being read when not the handler, and how deep it was handed.
    scope: Option<Node<'t>>,
    depth: usize,
}

impl<'t> Found<'t> {
    /// A key read: `local` is its binding when destructured without a default.
    fn key(&mut self, name: String, local: Option<Node<'t>>, required: bool) {
        self.keys.push((name, local, required, self.scope));
    }

    /// Reads inside `function`, a function of the entry the body was handed to.
    fn inside(&mut self, function: Node<'t>, read: impl FnOnce(&mut Self)) {
        if self.depth >= MAX_HELPER_DEPTH {
            self.open = true;
            return;
        }
        let outer = self.scope.replace(function);
        self.depth += 1;
        read(self);
        self.depth -= 1;
        self.scope = outer;
    }

    /// The inputs, a key required when some read of it is (and its binding is not tested).
    fn finish(&self, reader: &Reader, handler: Node) -> Vec<Input> {
        let mut inputs: Vec<Input> = Vec::new();
        for (name, local, required, scope) in &self.keys {
            let scope = scope.unwrap_or(handler);
            let required = *required && local.is_none_or(|local| !tested_for_presence(reader, scope, local));
            match inputs.iter_mut().find(|input| &input.name == name) {
                Some(input) => input.required |= required,
                None => inputs.push(Input { name: name.clone(), required }),
            }
        }
        inputs
    }
}

/// The handler's request parameter, when it is a plain name.
fn request_parameter(handler: Node) -> Option<Node> {
    let (pattern, _) = parameter_patterns(handler).into_iter().next()?;
    (pattern.kind() == "identifier").then_some(pattern)
}

fn request_use(property: &str) -> RequestUse {
    match property {
        "json" => RequestUse::Body { form: false },
        "formData" => RequestUse::Body { form: true },
        "text" | "arrayBuffer" | "blob" | "body" | "bytes" | "clone" => RequestUse::Opaque,
        _ => RequestUse::Other,
    }
}

/// `createClientFromRequest(req)`: the client reads headers, not the body.
fn is_client_from_request(reader: &Reader, above: &[Node]) -> bool {
    above
        .get(1)
        .filter(|call| call.kind() == "call_expression")
        .and_then(|call| call.child_by_field_name("function"))
        .is_some_and(|callee| {
            let name = callee.child_by_field_name("property").unwrap_or(callee);
            reader.text(name) == "createClientFromRequest"
        })
}

/// `req.json()` (or `formData()`) read: `above` starts at the call's callee's parent.
fn body_read<'t>(reader: &Reader<'t, '_>, handler: Node<'t>, above: &[Node<'t>], form: bool, found: &mut Found<'t>) {
    let Some(call) = above.first().copied().filter(|c| c.kind() == "call_expression") else {
        found.open = true;
        return;
    };
    // The value the body is: the awaited call, through parentheses and casts.
    let mut value = call;
    let mut rest = &above[1..];
    let mut awaited = false;
    while let Some(parent) = rest.first().copied() {
        match parent.kind() {
            "await_expression" if !awaited => awaited = true,
            "parenthesized_expression" | "as_expression" | "satisfies_expression" | "non_null_expression" => {}
            _ => break,
        }
        value = parent;
        rest = &rest[1..];
    }
    let Some(parent) = rest.first().copied().filter(|_| awaited) else {
        found.open = true;
        return;
    };
    match parent.kind() {
        "variable_declarator" if parent.child_by_field_name("value") == Some(value) => {
            match parent.child_by_field_name("name") {
                Some(pattern) if pattern.kind() == "object_pattern" && !form => destructure(reader, pattern, found),
                Some(name) if name.kind() == "identifier" => kept_whole(reader, handler, name, form, found),
                _ => found.open = true,
            }
        }
        "member_expression" if !form && parent.child_by_field_name("object") == Some(value) => {
            match parent.child_by_field_name("property") {
                Some(property) => found.key(reader.text(property).to_string(), None, false),
                None => found.open = true,
            }
        }
        _ => found.open = true,
    }
}

/// `const { a, b = 1, c: alias, ...rest } = …`.
fn destructure<'t>(reader: &Reader<'t, '_>, pattern: Node<'t>, found: &mut Found<'t>) {
    let mut cursor = pattern.walk();
    let entries: Vec<Node> = pattern.named_children(&mut cursor).collect();
    for entry in entries {
        match entry.kind() {
            "shorthand_property_identifier_pattern" => found.key(reader.text(entry).to_string(), Some(entry), true),
            "object_assignment_pattern" => {
                if let Some(name) = entry.child_by_field_name("left") {
                    found.key(reader.text(name).to_string(), None, false);
                }
            }
            "pair_pattern" => {
                let Some(key) = entry.child_by_field_name("key").and_then(|k| key_text(k, reader.src)) else {
                    found.open = true;
                    continue;
                };
                match entry.child_by_field_name("value") {
                    Some(value) if value.kind() == "assignment_pattern" => found.key(key, None, false),
                    Some(value) if value.kind() == "identifier" => found.key(key, Some(value), true),
                    _ => found.key(key, None, true),
                }
            }
            "comment" => {}
            _ => found.open = true,
        }
    }
}

/// `const body = await req.json()` (or a form): the reads of `body`.
fn kept_whole<'t>(reader: &Reader<'t, '_>, handler: Node<'t>, name: Node<'t>, form: bool, found: &mut Found<'t>) {
    let text = reader.text(name);
    for (reference, above) in reader.references(handler, text) {
        if reference.id() == name.id() {
            continue;
        }
        let Some(parent) = above.first().copied() else { continue };
        match parent.kind() {
            "member_expression" if parent.child_by_field_name("object") == Some(reference) => {
                let property = parent.child_by_field_name("property").map(|p| reader.text(p)).unwrap_or("");
                if form {
                    match form_field(reader, &above) {
                        Some(field) => found.key(field, None, false),
                        None if matches!(property, "has") => {}
                        None => found.open = true,
                    }
                } else {
                    found.key(property.to_string(), None, false);
                }
            }
            "subscript_expression" if !form && parent.child_by_field_name("object") == Some(reference) => {
                let index = parent.child_by_field_name("index");
                match index.and_then(|i| crate::syntax::string_literal(i, reader.src)) {
                    Some(literal) => found.key(literal.value, None, false),
                    None => found.open = true,
                }
            }
            "variable_declarator" if !form && parent.child_by_field_name("value") == Some(reference) => {
                match parent.child_by_field_name("name") {
                    Some(pattern) if pattern.kind() == "object_pattern" => destructure(reader, pattern, found),
                    _ => found.open = true,
                }
            }
            "arguments" => match passed_to(reader, &above, reference) {
                Some((helper, param)) if param.kind() == "identifier" => {
                    found.inside(helper, |found| kept_whole(reader, helper, param, form, found));
                }
                Some((helper, param)) if param.kind() == "object_pattern" && !form => {
                    found.inside(helper, |found| destructure(reader, param, found));
                }
                _ => found.open = true,
            },
            _ => found.open = true,
        }
    }
}

/// `form.get("file")` / `form.getAll("file")`: the field's name.
fn form_field(reader: &Reader, above: &[Node]) -> Option<String> {
    let member = above.first()?;
    let method = reader.text(member.child_by_field_name("property")?);
    if !matches!(method, "get" | "getAll" | "has") {
        return None;
    }
    let call = above.get(1).filter(|c| c.kind() == "call_expression")?;
    let args = call.child_by_field_name("arguments")?;
    let mut cursor = args.walk();
    let first = args.named_children(&mut cursor).find(|a| a.kind() != "comment")?;
    crate::syntax::string_literal(first, reader.src).map(|s| s.value)
}

/// Whether the handler tests a destructured input for presence other than to answer an error:
/// `a ?? 1`, `a || x`, `a && …`, `a ? … : …`, `typeof a`, `if (a) …` (but not the guard
/// `if (!a) return Response.json({ error }, { status: 400 })`).
fn tested_for_presence(reader: &Reader, handler: Node, local: Node) -> bool {
    reader.references(handler, reader.text(local)).into_iter().filter(|(r, _)| r.id() != local.id()).any(
        |(reference, above)| {
            let mut child = reference;
            for parent in above.iter().copied().take(8) {
                match parent.kind() {
                    "if_statement" => return !exits_at_once(parent),
                    "binary_expression" => {
                        let operator = parent.child_by_field_name("operator").map(|o| o.kind()).unwrap_or("");
                        let left = parent.child_by_field_name("left") == Some(child);
                        if matches!(operator, "??" | "||" | "&&") && left && !inside_if_condition(&above) {
                            return true;
                        }
                    }
                    "ternary_expression" => return parent.child_by_field_name("condition") == Some(child),
                    "unary_expression" => {
                        if parent.child_by_field_name("operator").is_some_and(|o| o.kind() == "typeof") {
                            return true;
                        }
                    }
                    "parenthesized_expression" => {}
                    _ => return false,
                }
                child = parent;
            }
            false
        },
    )
}

fn inside_if_condition(above: &[Node]) -> bool {
    above.iter().take(8).any(|n| n.kind() == "if_statement")
}

/// A node's first named child that is not a comment.
fn first_named(node: Node) -> Option<Node> {
    let count = u32::try_from(node.named_child_count()).unwrap_or(u32::MAX);
    (0..count).filter_map(|i| node.named_child(i)).find(|child| child.kind() != "comment")
}

/// Whether an `if`'s consequence returns or throws first: a guard.
fn exits_at_once(if_statement: Node) -> bool {
    let Some(consequence) = if_statement.child_by_field_name("consequence") else { return false };
    let first = if consequence.kind() == "statement_block" { first_named(consequence) } else { Some(consequence) };
    first.is_some_and(|statement| matches!(statement.kind(), "return_statement" | "throw_statement"))
}
