//! The `catch` of a `try` whose every possible error is a failed invoke: each `await` in
//! it waits for invokes (directly, through wrappers and helpers, or `Promise.all` of them)
//! and nothing in it throws an error of the app's own (a `throw`, or a call of a helper
//! that throws). Its parameter is then an `AxiosError` (an observation for the checks).
//! `auth`/`entities` errors do have `.data`: a `try` awaiting anything else is left alone.

use tree_sitter::Node;

use super::Observation;
use super::engine::Engine;
use super::ids::IdSet;
use super::shape::Origin;
use super::shape::Shape;
use crate::syntax::fields::FieldExt;

/// How many `await`s of one `try` block are looked at before giving up on it.
const MAX_TRY_AWAITS: usize = 2_000;
/// How many nodes of one `try` block are looked at for calls that throw.
const MAX_TRY_NODES: usize = 20_000;

impl<'t> Engine<'t, '_, '_> {
    /// Adds an observation for each `catch` whose `try` can only fail with invokes.
    pub(super) fn observe_catches(&mut self) {
        let mut calls: Vec<Node<'t>> = self.invoke_calls.values().map(|(call, _)| *call).collect();
        calls.sort_by_key(|call| call.start_byte());
        let mut seen = IdSet::default();
        for call in calls {
            if let Some(try_statement) = self.enclosing_try(call)
                && seen.insert(try_statement.id())
                && let Some(observation) = self.catch_of(try_statement)
            {
                self.observations.push(observation);
            }
        }
    }

    /// The `try` whose block runs `node` directly (not in a callback defined there).
    fn enclosing_try(&self, node: Node<'t>) -> Option<Node<'t>> {
        let mut child = node;
        while let Some(parent) = self.index.parent(child) {
            if self.index.is_function(parent) {
                return None;
            }
            if parent.kind() == "try_statement" && parent.field("body").is_some_and(|body| body.id() == child.id()) {
                return Some(parent);
            }
            child = parent;
        }
        None
    }

    fn catch_of(&self, try_statement: Node<'t>) -> Option<Observation<'t>> {
        let body = try_statement.field("body")?;
        let catch = self.index.child(try_statement, "handler")?;
        let param = self.index.child(catch, "parameter").filter(|p| p.kind() == "identifier")?;
        if self.throws_in_block(body) || self.calls_code_that_throws(body) {
            return None;
        }
        let origins = self.awaited_invokes(body)?;
        Some(Observation::InvokeError { param, origins })
    }

    /// The invokes a `try` block awaits, when it awaits nothing else (and at least one),
    /// none of them through a helper that throws errors of its own.
    fn awaited_invokes(&self, body: Node<'t>) -> Option<Vec<Origin>> {
        let mut origins = Vec::new();
        for awaited in self.index.awaits_in(body, MAX_TRY_AWAITS)? {
            if self.in_nested_function(awaited, body) {
                continue;
            }
            let mut operand = awaited.named_child(0)?;
            while operand.kind() == "parenthesized_expression" {
                operand = operand.named_child(0)?;
            }
            origins.extend(self.awaited_origins(operand)?);
        }
        let clean = !origins.is_empty() && origins.iter().all(|o| !o.own_errors);
        clean.then_some(origins)
    }

    /// Whether the block calls a function of its own that throws (declared in this file, or
    /// imported with a summary that says so): its errors are not the invoke's.
    fn calls_code_that_throws(&self, block: Node<'t>) -> bool {
        let mut cursor = block.walk();
        let mut visited = 0;
        loop {
            let node = cursor.node();
            // A function defined in the block runs later, if at all: its calls are not the
            // block's. Tokens hold nothing to look at.
            let mut enter = false;
            if node.is_named() {
                visited += 1;
                if visited > MAX_TRY_NODES {
                    return true;
                }
                enter = node.id() == block.id() || !self.index.is_function(node);
                if enter
                    && node.kind() == "call_expression"
                    && let Some(callee) = node.field("function").filter(|c| c.kind() == "identifier")
                    && self.throws_when_called(callee)
                {
                    return true;
                }
            }
            if enter && cursor.goto_first_child() {
                continue;
            }
            // The cursor never climbs above `block`, where it started.
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return false;
                }
            }
        }
    }

    fn throws_when_called(&self, callee: Node<'t>) -> bool {
        if let Some(function) = self.local_function(callee) {
            return self.throws_own_errors(function);
        }
        let imported = self.env.imports.get(self.text(callee)).and_then(|i| i.shape.as_ref());
        matches!(imported, Some(Shape::Function(summary)) if summary.throws)
    }

    /// Whether the block (not a function defined in it) has a `throw`.
    fn throws_in_block(&self, block: Node<'t>) -> bool {
        match self.index.throws_in(block, MAX_TRY_AWAITS) {
            Some(throws) => throws.into_iter().any(|node| !self.in_nested_function(node, block)),
            None => true,
        }
    }

    /// Whether `node` runs in a function defined inside `block` rather than in the block.
    fn in_nested_function(&self, node: Node<'t>, block: Node<'t>) -> bool {
        let mut current = self.index.parent(node);
        while let Some(ancestor) = current {
            if ancestor.id() == block.id() {
                return false;
            }
            if self.index.is_function(ancestor) {
                return true;
            }
            current = self.index.parent(ancestor);
        }
        false
    }

    /// The invokes an awaited expression waits for: one invoke call, or `Promise.all` of
    /// them. `None` for anything else.
    fn awaited_origins(&self, operand: Node<'t>) -> Option<Vec<Origin>> {
        let invoke = |call: Node| self.invoke_calls.get(&call.id()).map(|(_, origin)| origin.clone());
        if let Some(origin) = invoke(operand) {
            return Some(vec![origin]);
        }
        let callee = operand.field("function")?;
        if self.text(callee) != "Promise.all" {
            return None;
        }
        let array = operand.field("arguments")?.named_child(0).filter(|a| a.kind() == "array")?;
        let mut cursor = array.walk();
        array.named_children(&mut cursor).filter(|element| element.kind() != "comment").map(invoke).collect()
    }
}
