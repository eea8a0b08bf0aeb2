//! Functions of this file whose calls give a tracked value or name a function: a helper
//! (`async function load() { return base44.functions.invoke(…) }` makes `(await load()).x`
//! the same mistake) counts when every `return` gives the tracked value (or nothing); a
//! wrapper (`callFn(name, data)` passing `name` to `invoke`) makes its calls' string
//! arguments function names. Each becomes a summary once known, and its references get
//! it: calls (here), `queryFn: load`, the export (for other files).

use std::sync::Arc;

use tree_sitter::Node;

use super::engine::{Engine, Task, Write, is_nothing};
use super::ids::IdSet;
use super::invokes::nth_argument;
use super::scope::{binding_scope, enclosing_function, references_in};
use super::shape::{FnSummary, Shape};
use crate::modules::calls::{CallKind, Namer};
use crate::syntax::fields::FieldExt;

/// How many `return`s (or `throw`s) of one function are looked at before giving up on it.
const MAX_FUNCTION_RETURNS: usize = 2_000;

pub struct Helper<'t> {
    pub function: Node<'t>,
    /// What calls of the helper resolve to.
    pub resolved: Shape,
    /// The `return` statements (or the arrow body) known to give the tracked value.
    pub tracked: IdSet,
    /// Returns of an invoke here and a fetch there: nothing to say about callers.
    pub mixed: bool,
}

pub struct Wrapper<'t> {
    pub function: Node<'t>,
    pub name_param: usize,
    pub kind: CallKind,
    pub data_param: Option<usize>,
}

/// The function kinds whose calls are followed.
fn is_summarised(function: Node) -> bool {
    matches!(
        function.kind(),
        "function_declaration" | "arrow_function" | "function_expression" | "function" | "method_definition"
    )
}

impl<'t, 's> Engine<'t, 's, '_> {
    pub(super) fn record_return(&mut self, function: Node<'t>, from: Node<'t>, shape: Shape) {
        let resolved = shape.awaited();
        if resolved.response().is_none() || !is_summarised(function) {
            return;
        }
        let helper = self.helpers.entry(function.id()).or_insert_with(|| Helper {
            function,
            resolved: resolved.clone(),
            tracked: IdSet::default(),
            mixed: false,
        });
        if std::mem::discriminant(&helper.resolved) != std::mem::discriminant(&resolved) {
            helper.mixed = true;
        }
        helper.tracked.insert(from.id());
    }

    /// Releases every helper whose returns are all tracked; when none is ready (`last`),
    /// also the wrappers that are not helpers. Whether there is new work.
    pub(super) fn release_functions(&mut self, last: bool) -> bool {
        // A helper whose other returns are still unknown may be ready in a later round,
        // once the helpers it returns from are released.
        let ready: Vec<(Node<'t>, Option<Shape>)> = self
            .helpers
            .values()
            .filter(|helper| !self.released.contains(&helper.function.id()) && !helper.mixed)
            .filter(|helper| self.all_returns_tracked(helper.function, &helper.tracked))
            .map(|helper| (helper.function, Some(helper.resolved.clone())))
            .collect();
        let ready = if ready.is_empty() && last {
            self.wrappers
                .values()
                .filter(|wrapper| !self.released.contains(&wrapper.function.id()))
                .map(|wrapper| (wrapper.function, None))
                .collect()
        } else {
            ready
        };
        let mut pushed = false;
        for (function, returns) in ready {
            self.released.insert(function.id());
            let wrapper = self.wrappers.get(&function.id());
            let summary = Arc::new(FnSummary {
                returns,
                name_param: wrapper.map(|w| (w.name_param, w.kind)),
                data_param: wrapper.and_then(|w| w.data_param),
                throws: self.throws_own_errors(function),
            });
            self.summaries.insert(function.id(), Arc::clone(&summary));
            for reference in self.function_references(function) {
                pushed = true;
                self.push(Task::Value(reference, Shape::Function(Arc::clone(&summary))));
            }
            // `promise.then(r => r.data)`: the callback's return is what the call resolves to.
            if let (Some(returns), Some(call)) = (&summary.returns, self.then_call_of(function)) {
                pushed = true;
                self.push(Task::Value(call, Shape::promise(returns.clone())));
            }
        }
        pushed
    }

    /// The names whose calls name a function: this file's wrappers, the imported ones
    /// (and their members), the ones the settings name.
    pub(super) fn namers(&self) -> Vec<Namer> {
        let mut namers: Vec<Namer> = Vec::new();
        for wrapper in self.wrappers.values() {
            let name = match self.object_member_of(wrapper.function) {
                Some((_, key)) => Some(key),
                None => self.function_name(wrapper.function),
            };
            if let Some(name) = name {
                namers.push(Namer { name: name.to_string(), arg: wrapper.name_param, kind: wrapper.kind });
            }
        }
        for (local, imported) in &self.env.imports {
            let mut shapes = vec![(local.clone(), imported.shape.clone())];
            if let Some(Shape::Object(members)) = &imported.shape {
                shapes.extend(members.iter().map(|(key, shape)| (key.clone(), Some(shape.clone()))));
            }
            for (name, shape) in shapes {
                if let Some(Shape::Function(summary)) = shape
                    && let Some((arg, kind)) = summary.name_param
                {
                    namers.push(Namer { name, arg, kind });
                }
            }
        }
        namers.extend(self.env.wrappers.iter().map(|w| Namer { name: w.name.clone(), arg: w.name_arg, kind: w.kind }));
        namers.sort_by(|a, b| (&a.name, a.arg).cmp(&(&b.name, b.arg)));
        namers.dedup();
        namers
    }

    /// The name a function is declared under (`function f`, `const f = () => …`).
    fn function_name(&self, function: Node<'t>) -> Option<&'s str> {
        self.declared_name(function).map(|(name, _)| self.text(name))
    }

    /// Where a function's name is declared, and what that name is first given: the
    /// declaration itself for `function f`, the function for `const f = () => …`.
    fn declared_name(&self, function: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
        if function.kind() == "function_declaration" {
            let name = function.field("name")?;
            return Some((name, name));
        }
        let declarator = self.index.parent(function).filter(|p| p.kind() == "variable_declarator")?;
        let name = declarator.field("name").filter(|n| n.kind() == "identifier")?;
        Some((name, function))
    }

    /// The `.then(…)` call a function is the first callback of.
    fn then_call_of(&self, function: Node<'t>) -> Option<Node<'t>> {
        let call =
            self.index.parent(function).filter(|p| p.kind() == "arguments").and_then(|a| self.index.parent(a))?;
        let callee = call.field("function").filter(|c| c.kind() == "member_expression")?;
        let is_then = callee.field("property").is_some_and(|p| self.text(p) == "then");
        (is_then && nth_argument(call, 0).is_some_and(|first| first.id() == function.id())).then_some(call)
    }

    fn all_returns_tracked(&self, function: Node<'t>, tracked: &IdSet) -> bool {
        let Some(body) = function.field("body") else {
            return false;
        };
        if body.kind() != "statement_block" {
            return tracked.contains(&body.id());
        }
        // The `return`s found from the text; those of nested functions are theirs.
        let Some(returns) = self.index.returns_in(body, MAX_FUNCTION_RETURNS) else { return false };
        returns.into_iter().all(|node| {
            tracked.contains(&node.id())
                || enclosing_function(node, self.index).is_none_or(|f| f.id() != function.id())
                || node
                    .named_child(0)
                    .filter(|value| value.kind() != "comment")
                    .is_none_or(|value| is_nothing(value, self.index))
        })
    }

    /// Whether a function's own body (not the functions inside it) has a `throw`.
    pub(super) fn throws_own_errors(&self, function: Node<'t>) -> bool {
        let Some(body) = function.field("body") else { return false };
        match self.index.throws_in(body, MAX_FUNCTION_RETURNS) {
            Some(throws) => throws
                .into_iter()
                .any(|node| enclosing_function(node, self.index).is_some_and(|f| f.id() == function.id())),
            None => true,
        }
    }

    /// Where the function is used by name in this file: the identifiers naming it (when its
    /// name is never assigned anything else), or, for a function that is an object's member
    /// (`const api = { load() {…} }`), the reads `api.load`.
    fn function_references(&self, function: Node<'t>) -> Vec<Node<'t>> {
        if let Some((object_name, key)) = self.object_member_of(function) {
            return self.member_reads(object_name, key);
        }
        match self.declared_name(function) {
            Some((name, source)) => self.references_if_constant(name, source),
            None => Vec::new(),
        }
    }

    /// The references of a name declared at `name`, unless something else is assigned to it.
    fn references_if_constant(&self, name: Node<'t>, source: Node<'t>) -> Vec<Node<'t>> {
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

    /// For a function that is a member of an object literal bound to a name: that name's
    /// declaration and the member's key.
    fn object_member_of(&self, function: Node<'t>) -> Option<(Node<'t>, &'s str)> {
        let (holder, key) = match function.kind() {
            "method_definition" => (function, function.field("name")?),
            _ => {
                let pair = self.index.parent(function).filter(|p| p.kind() == "pair")?;
                (pair, pair.field("key")?)
            }
        };
        let object = self.index.parent(holder).filter(|o| o.kind() == "object")?;
        let declarator = self.index.parent(object).filter(|d| d.kind() == "variable_declarator")?;
        let name = declarator.field("name").filter(|n| n.kind() == "identifier")?;
        Some((name, self.text(key)))
    }

    /// The reads `object.key` of the object declared at `name`.
    fn member_reads(&self, name: Node<'t>, key: &str) -> Vec<Node<'t>> {
        let Some(declarator) = self.index.parent(name) else { return Vec::new() };
        let Some(object) = declarator.field("value") else { return Vec::new() };
        self.references_if_constant(name, object)
            .into_iter()
            .filter_map(|reference| {
                let member = self.index.parent(reference).filter(|p| p.kind() == "member_expression")?;
                member.field("object").filter(|o| o.id() == reference.id())?;
                member.field("property").filter(|p| self.text(*p) == key)?;
                Some(member)
            })
            .collect()
    }
}
