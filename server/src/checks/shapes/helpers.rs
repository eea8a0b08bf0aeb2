//! Helpers in the same file that return an invoke's result: `async function load() {
//! return base44.functions.invoke(…) }` makes `(await load()).x` the same mistake. A
//! helper counts only when every `return` gives the tracked value (or nothing), and
//! its name is never reassigned.

use tree_sitter::Node;

use super::flow::{Engine, Task, Write, is_nothing};
use super::ids::IdSet;
use super::scope::{binding_scope, is_function, references_in};
use super::shape::Shape;
use crate::syntax::fields::FieldExt;

/// How many nodes of one function are looked at for its `return`s before giving up.
const MAX_FUNCTION_NODES: usize = 20_000;

pub struct Helper<'t> {
    function: Node<'t>,
    /// What calls of the helper resolve to.
    resolved: Shape,
    /// The `return` statements (or the arrow body) known to give the tracked value.
    tracked: IdSet,
    /// Its callers are followed already, or never will be (mixed kinds of returns).
    released: bool,
}

impl<'t> Engine<'t, '_, '_, '_> {
    pub(super) fn record_return(&mut self, function: Node<'t>, from: Node<'t>, shape: Shape) {
        let resolved = shape.awaited();
        if resolved.response().is_none()
            || !matches!(
                function.kind(),
                "function_declaration" | "arrow_function" | "function_expression" | "function"
            )
        {
            return;
        }
        let helper = self.helpers.entry(function.id()).or_insert_with(|| Helper {
            function,
            resolved: resolved.clone(),
            tracked: IdSet::default(),
            released: false,
        });
        if helper.resolved.response().map(|o| o.kind) != resolved.response().map(|o| o.kind) {
            // Returns of an invoke here and a fetch there: nothing to say about callers.
            helper.released = true;
        }
        helper.tracked.insert(from.id());
    }

    /// Starts following the calls of every helper whose returns are all tracked.
    /// Whether there is new work.
    pub(super) fn release_helpers(&mut self) -> bool {
        // A helper whose other returns are still unknown may be ready in a later round,
        // once the helpers it returns from are released.
        let ready: Vec<(Node<'t>, Shape)> = self
            .helpers
            .values()
            .filter(|helper| !helper.released)
            .filter(|helper| self.all_returns_tracked(helper.function, &helper.tracked))
            .map(|helper| (helper.function, helper.resolved.clone()))
            .collect();
        let mut pushed = false;
        for (function, resolved) in ready {
            if let Some(helper) = self.helpers.get_mut(&function.id()) {
                helper.released = true;
            }
            for reference in self.helper_references(function) {
                pushed = true;
                self.helper_used(reference, resolved.clone());
            }
        }
        pushed
    }

    fn helper_used(&mut self, reference: Node<'t>, resolved: Shape) {
        let call = self
            .index
            .parent(reference)
            .filter(|p| p.kind() == "call_expression")
            .filter(|call| call.field("function").is_some_and(|f| f.id() == reference.id()));
        match call {
            Some(call) => self.push(Task::Value(call, Shape::promise(resolved))),
            // `queryFn: loadStats` hands the helper to react-query.
            None => {
                super::react_query::returned(self, reference, resolved);
            }
        }
    }

    fn all_returns_tracked(&self, function: Node<'t>, tracked: &IdSet) -> bool {
        let Some(body) = function.field("body") else {
            return false;
        };
        if body.kind() != "statement_block" {
            return tracked.contains(&body.id());
        }
        let mut stack = vec![body];
        let mut visited = 0;
        while let Some(node) = stack.pop() {
            visited += 1;
            if visited > MAX_FUNCTION_NODES {
                return false;
            }
            if is_function(node.kind()) {
                continue;
            }
            if node.kind() == "return_statement" && !tracked.contains(&node.id()) {
                let returns_nothing = node
                    .named_child(0)
                    .filter(|value| value.kind() != "comment")
                    .is_none_or(|value| is_nothing(value, self.index));
                if !returns_nothing {
                    return false;
                }
            }
            let mut cursor = node.walk();
            stack.extend(node.named_children(&mut cursor));
        }
        true
    }

    /// The identifiers naming the helper, when its name is never assigned anything else.
    fn helper_references(&self, function: Node<'t>) -> Vec<Node<'t>> {
        let (name, source) = if function.kind() == "function_declaration" {
            match function.field("name") {
                Some(name) => (name, name),
                None => return Vec::new(),
            }
        } else {
            let declarator = self.index.parent(function).filter(|p| p.kind() == "variable_declarator");
            match declarator.and_then(|d| d.field("name")) {
                Some(name) if name.kind() == "identifier" => (name, function),
                _ => return Vec::new(),
            }
        };
        let text = self.text(name);
        let Some(scope) = binding_scope(name, text, self.index) else {
            return Vec::new();
        };
        let references = references_in(scope, text, self.index);
        let reassigned = references.iter().any(|r| matches!(self.write_of(*r, source), Write::Other | Write::Same(_)));
        if reassigned {
            return Vec::new();
        }
        references.into_iter().filter(|r| r.id() != name.id()).collect()
    }
}
