//! Which declaration an identifier refers to: lexical scopes, parameters, patterns and
//! shadowing, enough to follow a variable without mistaking a namesake for it.

use tree_sitter::Node;

use super::index::Index;

pub fn is_function(kind: &str) -> bool {
    matches!(
        kind,
        "function_declaration"
            | "function_expression"
            | "function"
            | "arrow_function"
            | "method_definition"
            | "generator_function"
            | "generator_function_declaration"
    )
}

fn is_scope(kind: &str) -> bool {
    is_function(kind)
        || matches!(
            kind,
            "program"
                | "statement_block"
                | "switch_body"
                | "for_statement"
                | "for_in_statement"
                | "catch_clause"
        )
}

/// The scope whose declaration of `name` the identifier at `node` sees (for a
/// declaration's own name: the scope it declares into).
pub fn binding_scope<'t>(node: Node<'t>, name: &str, index: &Index) -> Option<Node<'t>> {
    let mut current = node.parent();
    while let Some(scope) = current {
        if is_scope(scope.kind()) && declares(scope, name, index) {
            return Some(scope);
        }
        current = scope.parent();
    }
    None
}

/// The identifiers that refer to the variable `name` declared in `scope`.
pub fn references_in<'t>(scope: Node<'t>, name: &str, index: &Index<'t, '_>) -> Vec<Node<'t>> {
    let range = scope.byte_range();
    index
        .identifiers_named(name)
        .iter()
        .copied()
        .filter(|node| range.contains(&node.start_byte()))
        .filter(|node| binding_scope(*node, name, index).is_some_and(|s| s.id() == scope.id()))
        .collect()
}

/// Whether `scope` itself declares `name` (not a scope nested in it).
fn declares(scope: Node, name: &str, index: &Index) -> bool {
    match scope.kind() {
        "program" | "statement_block" => statements_declare(scope, name, index),
        "switch_body" => {
            let mut cursor = scope.walk();
            scope
                .named_children(&mut cursor)
                .any(|case| statements_declare(case, name, index))
        }
        "for_statement" => scope
            .child_by_field_name("initializer")
            .is_some_and(|init| statement_declares(init, name, index)),
        "for_in_statement" => {
            scope.child_by_field_name("kind").is_some()
                && scope
                    .child_by_field_name("left")
                    .is_some_and(|left| pattern_binds(left, name, index))
        }
        "catch_clause" => scope
            .child_by_field_name("parameter")
            .is_some_and(|param| pattern_binds(param, name, index)),
        kind if is_function(kind) => function_declares(scope, name, index),
        _ => false,
    }
}

fn statements_declare(list: Node, name: &str, index: &Index) -> bool {
    let mut cursor = list.walk();
    list.named_children(&mut cursor)
        .any(|statement| statement_declares(statement, name, index))
}

fn statement_declares(statement: Node, name: &str, index: &Index) -> bool {
    match statement.kind() {
        "lexical_declaration" | "variable_declaration" => {
            let mut cursor = statement.walk();
            statement
                .named_children(&mut cursor)
                .filter(|child| child.kind() == "variable_declarator")
                .filter_map(|declarator| declarator.child_by_field_name("name"))
                .any(|pattern| pattern_binds(pattern, name, index))
        }
        "function_declaration"
        | "generator_function_declaration"
        | "class_declaration"
        | "abstract_class_declaration"
        | "enum_declaration" => statement
            .child_by_field_name("name")
            .is_some_and(|n| index.text(n) == name),
        "export_statement" => statement
            .child_by_field_name("declaration")
            .is_some_and(|declaration| statement_declares(declaration, name, index)),
        "import_statement" => {
            let mut cursor = statement.walk();
            statement
                .named_children(&mut cursor)
                .filter(|child| child.kind() == "import_clause")
                .any(|clause| subtree_has_identifier(clause, name, index))
        }
        _ => false,
    }
}

fn function_declares(function: Node, name: &str, index: &Index) -> bool {
    if matches!(function.kind(), "function_expression" | "function")
        && let Some(own) = function.child_by_field_name("name")
        && index.text(own) == name
    {
        return true;
    }
    if let Some(single) = function.child_by_field_name("parameter") {
        return pattern_binds(single, name, index);
    }
    let Some(params) = function.child_by_field_name("parameters") else {
        return false;
    };
    let mut cursor = params.walk();
    params
        .named_children(&mut cursor)
        .any(|param| pattern_binds(param, name, index))
}

/// Whether a binding pattern (or parameter) introduces `name`. Default values and
/// property keys are not bindings and are skipped.
pub fn pattern_binds(pattern: Node, name: &str, index: &Index) -> bool {
    let mut stack = vec![pattern];
    while let Some(node) = stack.pop() {
        match node.kind() {
            "identifier" | "shorthand_property_identifier_pattern" if index.text(node) == name => {
                return true;
            }
            "required_parameter" | "optional_parameter" => {
                stack.extend(node.child_by_field_name("pattern"));
            }
            "pair_pattern" => stack.extend(node.child_by_field_name("value")),
            "assignment_pattern" | "object_assignment_pattern" => {
                stack.extend(node.child_by_field_name("left"));
            }
            "object_pattern" | "array_pattern" | "rest_pattern" => {
                let mut cursor = node.walk();
                stack.extend(node.named_children(&mut cursor));
            }
            _ => {}
        }
    }
    false
}

fn subtree_has_identifier(node: Node, name: &str, index: &Index) -> bool {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        if node.kind() == "identifier" && index.text(node) == name {
            return true;
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
    false
}

/// The innermost function around `node`, if any.
pub fn enclosing_function(node: Node) -> Option<Node> {
    let mut current = node.parent();
    while let Some(n) = current {
        if is_function(n.kind()) {
            return Some(n);
        }
        current = n.parent();
    }
    None
}

pub fn is_async(function: Node) -> bool {
    let mut cursor = function.walk();
    function
        .children(&mut cursor)
        .any(|child| child.kind() == "async")
}
