//! A file's summary for the files that import it: the shape of each export, read off the
//! flow once it has run (a helper's or wrapper's summary, a function object, the
//! `functions` module, a client, an object of those).

use std::path::Path;
use std::sync::Arc;

use tree_sitter::Node;

use super::direct::{ClientKind, client_of};
use super::engine::Engine;
use super::scope::{binding_scope, is_function};
use super::shape::{FnSummary, Shape, Via};
use crate::modules::imports::{Exported, ModuleSyntax};
use crate::syntax::fields::FieldExt;

/// How many names (`const a = b`) and nested objects an export's shape is followed through.
const MAX_NAME_CHAIN: usize = 8;

impl<'t> Engine<'t, '_, '_> {
    /// The shape of each export that another file's calls can reach.
    pub(super) fn export_shapes(&self, module: &ModuleSyntax<'t>, path: &Path) -> Vec<(String, Shape)> {
        module
            .exports
            .iter()
            .filter_map(|(name, exported)| {
                let shape = match exported {
                    Exported::Binding(node) => self.name_shape(*node, 0),
                    Exported::Expression(node) => self.expression_shape(*node, 0),
                }?;
                let shape = with_via(shape, name, path, self);
                shape.is_exportable().then(|| (name.clone(), shape))
            })
            .collect()
    }

    /// What a name holds, where it is declared or used: a function's summary, an object,
    /// what the flow bound to it, or a client. `depth` bounds chains of names
    /// (`const a = b; const b = a;` ends).
    fn name_shape(&self, name: Node<'t>, depth: usize) -> Option<Shape> {
        if depth > MAX_NAME_CHAIN {
            return None;
        }
        let text = self.text(name);
        if let Some(parent) = self.index.parent(name)
            && parent.field("name").is_some_and(|n| n.id() == name.id())
        {
            match parent.kind() {
                "function_declaration" | "generator_function_declaration" => return self.function_shape(parent),
                "variable_declarator" => {
                    let from_value = parent.field("value").and_then(|value| self.expression_shape(value, depth + 1));
                    return from_value.or_else(|| self.top_level_bound(text));
                }
                _ => {}
            }
        }
        // A use of the name (`export { a }`, `export default a`, `{ a }`): its declaration's.
        let declared = self.index.leaves_named(text).into_iter().find(|leaf| {
            leaf.id() != name.id()
                && self.index.parent(*leaf).is_some_and(|p| {
                    matches!(p.kind(), "function_declaration" | "variable_declarator")
                        && p.field("name").is_some_and(|n| n.id() == leaf.id())
                })
        })?;
        self.name_shape(declared, depth + 1)
    }

    fn top_level_bound(&self, name: &str) -> Option<Shape> {
        self.bound.get(&(self.index.root_id(), name)).cloned()
    }

    fn expression_shape(&self, value: Node<'t>, depth: usize) -> Option<Shape> {
        if depth > MAX_NAME_CHAIN {
            return None;
        }
        if is_function(value.kind()) {
            return self.function_shape(value);
        }
        match value.kind() {
            "object" => self.object_shape(value, depth + 1),
            "identifier" => self.name_shape(value, depth + 1),
            _ => {
                if let Some(shape) = self.reached.get(&value.id()) {
                    return Some(shape.clone());
                }
                match client_of(value, self.index, self.env) {
                    ClientKind::Base44 if value.kind() == "call_expression" => Some(Shape::Client),
                    ClientKind::Other if value.kind() == "call_expression" => Some(Shape::OtherClient),
                    _ => self.bound_value(value),
                }
            }
        }
    }

    /// The shape the flow gave a declarator's value (`const fns = base44.functions`): the
    /// variable's it declares, not a namesake's in another scope (which of several a search
    /// by name found would depend on the map's order).
    fn bound_value(&self, value: Node<'t>) -> Option<Shape> {
        let declarator = self.index.parent(value).filter(|d| d.kind() == "variable_declarator")?;
        let name = declarator.field("name")?;
        let text = self.text(name);
        let scope = binding_scope(name, text, self.index)?;
        self.bound.get(&(scope.id(), text)).cloned()
    }

    fn function_shape(&self, function: Node<'t>) -> Option<Shape> {
        let summary = self.summaries.get(&function.id())?;
        Some(Shape::Function(Arc::clone(summary)))
    }

    /// `{ load: () => invoke(…), save, checkout: base44.functions.checkout }`.
    fn object_shape(&self, object: Node<'t>, depth: usize) -> Option<Shape> {
        let mut cursor = object.walk();
        let members: Vec<(String, Shape)> = object
            .named_children(&mut cursor)
            .filter_map(|entry| {
                let (key, shape) = match entry.kind() {
                    "pair" => {
                        let key = entry.field("key")?;
                        let value = entry.field("value")?;
                        let reached = self.reached.get(&value.id()).cloned();
                        (key, reached.or_else(|| self.expression_shape(value, depth + 1))?)
                    }
                    "method_definition" => (entry.field("name")?, self.function_shape(entry)?),
                    "shorthand_property_identifier" => (entry, self.name_shape(entry, depth + 1)?),
                    _ => return None,
                };
                let key = crate::syntax::string_literal(key, self.index.src)
                    .map_or_else(|| self.text(key).to_string(), |s| s.value);
                Some((key, shape))
            })
            .filter(|(_, shape)| shape.is_exportable())
            .collect();
        (!members.is_empty()).then(|| Shape::Object(Arc::new(members)))
    }

    /// The returned expression of a helper with exactly one, and how to unwrap it.
    fn single_return(&self, function: Node<'t>) -> Option<(Node<'t>, Option<String>)> {
        let helper = self.helpers.get(&function.id())?;
        if helper.tracked.len() != 1 {
            return None;
        }
        let body = function.field("body")?;
        let returned = if body.kind() == "statement_block" {
            let id = *helper.tracked.iter().next()?;
            find_return(body, id)?.named_child(0)?
        } else {
            body
        };
        let text = self.text(returned);
        let unwrap = match (&helper.resolved, returned.kind()) {
            (Shape::AxiosResponse(_), "identifier" | "member_expression") => Some(format!("{text}.data")),
            (Shape::AxiosResponse(_), "await_expression") => Some(format!("({text}).data")),
            (Shape::AxiosResponse(_), "call_expression") => Some(format!("{text}.then((res) => res.data)")),
            _ => None,
        };
        Some((returned, unwrap))
    }
}

/// The `return` statement with id `id` in `body` (not in nested functions).
fn find_return(body: Node, id: usize) -> Option<Node> {
    let mut stack = vec![body];
    let mut visited = 0;
    while let Some(node) = stack.pop() {
        visited += 1;
        if visited > 20_000 {
            return None;
        }
        if node.id() == id {
            return Some(node);
        }
        if node.id() != body.id() && is_function(node.kind()) {
            continue;
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
    None
}

/// An exported helper's summary says where it returns, for messages in the files that
/// import it.
fn with_via<'t>(shape: Shape, name: &str, path: &Path, engine: &Engine<'t, '_, '_>) -> Shape {
    let Shape::Function(summary) = &shape else { return shape };
    let Some(returns) = &summary.returns else { return shape };
    let function = engine.summaries.iter().find(|(_, s)| Arc::ptr_eq(s, summary)).map(|(id, _)| *id);
    let Some(function) = function.and_then(|id| engine.helpers.get(&id)).map(|h| h.function) else { return shape };
    let Some((returned, unwrap)) = engine.single_return(function) else { return shape };
    let via =
        Arc::new(Via { helper: name.to_string(), path: path.to_path_buf(), returned: returned.byte_range(), unwrap });
    let mut returns = returns.clone();
    if let Some(origin) = returns.result_origin_mut() {
        origin.via = Some(via);
    }
    Shape::Function(Arc::new(FnSummary { returns: Some(returns), ..(**summary).clone() }))
}
