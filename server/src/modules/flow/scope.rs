//! Which declaration an identifier refers to: lexical scopes, parameters, patterns and
//! shadowing, enough to follow a variable without mistaking a namesake for it.

use std::collections::HashSet;

use tree_sitter::Node;

use super::index::Index;
use crate::syntax::fields::FieldExt;

/// The kinds of node that are functions (the index compares them by id).
pub const FUNCTION_KINDS: [&str; 7] = [
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function",
    "generator_function_declaration",
];

pub fn is_function(kind: &str) -> bool {
    FUNCTION_KINDS.contains(&kind)
}

/// The scope whose declaration of `name` the identifier at `node` sees (for a
/// declaration's own name: the scope it declares into).
pub fn binding_scope<'t>(node: Node<'t>, name: &str, index: &Index<'t, '_>) -> Option<Node<'t>> {
    let mut current = index.parent(node);
    while let Some(scope) = current {
        if index.is_scope(scope) && index.declares(scope, name, || declared_names(scope, index)) {
            return Some(scope);
        }
        current = index.parent(scope);
    }
    None
}

/// The identifiers that refer to the variable `name` declared in `scope`.
pub fn references_in<'t>(scope: Node<'t>, name: &str, index: &Index<'t, '_>) -> Vec<Node<'t>> {
    references_within(scope, name, index, scope.byte_range())
}

/// [`references_in`], in one byte range of the scope only.
pub fn references_within<'t>(
    scope: Node<'t>,
    name: &str,
    index: &Index<'t, '_>,
    range: std::ops::Range<usize>,
) -> Vec<Node<'t>> {
    index
        .identifiers_named_within(name, scope, range)
        .into_iter()
        .filter(|node| binding_scope(*node, name, index).is_some_and(|s| s.id() == scope.id()))
        .collect()
}

/// The names a top-level statement declares in the file's scope, as the flow sees them.
pub fn top_level_declarations<'s>(statement: Node, index: &Index<'_, 's>) -> HashSet<&'s str> {
    let mut names = HashSet::new();
    statement_names(statement, index, &mut names);
    names
}

/// The names `scope` itself declares (not a scope nested in it).
fn declared_names<'s>(scope: Node, index: &Index<'_, 's>) -> HashSet<&'s str> {
    let mut names = HashSet::new();
    match scope.kind() {
        "program" | "statement_block" => statement_list_names(scope, index, &mut names),
        "switch_body" => {
            let mut cursor = scope.walk();
            for case in scope.named_children(&mut cursor) {
                statement_list_names(case, index, &mut names);
            }
        }
        "for_statement" => {
            if let Some(init) = scope.field("initializer") {
                statement_names(init, index, &mut names);
            }
        }
        "for_in_statement" => {
            if scope.field("kind").is_some()
                && let Some(left) = scope.field("left")
            {
                pattern_names(left, index, &mut names);
            }
        }
        "catch_clause" => {
            if let Some(param) = scope.field("parameter") {
                pattern_names(param, index, &mut names);
            }
        }
        kind if is_function(kind) => function_names(scope, index, &mut names),
        _ => {}
    }
    names
}

fn statement_list_names<'s>(list: Node, index: &Index<'_, 's>, names: &mut HashSet<&'s str>) {
    let mut cursor = list.walk();
    for statement in list.named_children(&mut cursor) {
        statement_names(statement, index, names);
    }
}

fn statement_names<'s>(statement: Node, index: &Index<'_, 's>, names: &mut HashSet<&'s str>) {
    match statement.kind() {
        "lexical_declaration" | "variable_declaration" => {
            let mut cursor = statement.walk();
            for declarator in statement.named_children(&mut cursor) {
                if declarator.kind() == "variable_declarator"
                    && let Some(pattern) = declarator.field("name")
                {
                    pattern_names(pattern, index, names);
                }
            }
        }
        "function_declaration"
        | "generator_function_declaration"
        | "class_declaration"
        | "abstract_class_declaration"
        | "enum_declaration" => {
            if let Some(name) = statement.field("name") {
                names.insert(index.text(name));
            }
        }
        "export_statement" => {
            if let Some(declaration) = statement.field("declaration") {
                statement_names(declaration, index, names);
            }
        }
        "import_statement" => {
            let mut cursor = statement.walk();
            for clause in statement.named_children(&mut cursor) {
                if clause.kind() == "import_clause" {
                    subtree_identifiers(clause, index, names);
                }
            }
        }
        _ => {}
    }
}

fn function_names<'s>(function: Node, index: &Index<'_, 's>, names: &mut HashSet<&'s str>) {
    if matches!(function.kind(), "function_expression" | "function")
        && let Some(own) = function.field("name")
    {
        names.insert(index.text(own));
    }
    if let Some(single) = function.field("parameter") {
        pattern_names(single, index, names);
    }
    if let Some(params) = function.field("parameters") {
        let mut cursor = params.walk();
        for param in params.named_children(&mut cursor) {
            pattern_names(param, index, names);
        }
    }
}

/// The names a binding pattern (or parameter) introduces. Default values and property
/// keys are not bindings and are skipped.
fn pattern_names<'s>(pattern: Node, index: &Index<'_, 's>, names: &mut HashSet<&'s str>) {
    let mut stack = vec![pattern];
    while let Some(node) = stack.pop() {
        match node.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                names.insert(index.text(node));
            }
            "required_parameter" | "optional_parameter" => {
                stack.extend(node.field("pattern"));
            }
            "pair_pattern" => stack.extend(node.field("value")),
            "assignment_pattern" | "object_assignment_pattern" => {
                stack.extend(node.field("left"));
            }
            "object_pattern" | "array_pattern" | "rest_pattern" => {
                let mut cursor = node.walk();
                stack.extend(node.named_children(&mut cursor));
            }
            _ => {}
        }
    }
}

fn subtree_identifiers<'s>(node: Node, index: &Index<'_, 's>, names: &mut HashSet<&'s str>) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        if node.kind() == "identifier" {
            names.insert(index.text(node));
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
}

/// The innermost function around `node`, if any.
pub fn enclosing_function<'t>(node: Node<'t>, index: &Index<'t, '_>) -> Option<Node<'t>> {
    let mut current = index.parent(node);
    while let Some(n) = current {
        if index.is_function(n) {
            return Some(n);
        }
        current = index.parent(n);
    }
    None
}

pub fn is_async(function: Node) -> bool {
    let mut cursor = function.walk();
    function.children(&mut cursor).any(|child| child.kind() == "async")
}
