//! A function's contract, read off its entry: the inputs it reads from the request (which are
//! required), the JSON it answers with (each response's status and keys), the secrets it reads
//! with `Deno.env.get`, and the entities it uses. What cannot be told (a body passed on whole, a
//! response built elsewhere) makes that part open: nothing is then said about it.

mod inputs;
mod responses;
mod uses;

use std::ops::Range;

use tree_sitter::{Node, Tree};

use super::serve::Serve;
use crate::syntax::{self, text};

/// Entries whose nodes lie deeper than this are not read: nobody writes a handler that deep.
const MAX_DEPTH: usize = 400;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contract {
    /// In the order the entry reads them.
    pub inputs: Vec<Input>,
    /// The body may be read in ways not followed (passed on whole, spread, a computed key):
    /// other keys may be read too.
    pub inputs_open: bool,
    pub responses: Vec<Response>,
    /// Some response is built from something else than an object literal.
    pub responses_open: bool,
    pub secrets: Vec<Secret>,
    pub entities: Vec<EntityUse>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    /// Read without a default and never tested for presence (or tested only to answer an error).
    pub required: bool,
}

/// One JSON response the function can answer with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// 200 when unset; `None` when set to something else than a number.
    pub status: Option<u16>,
    pub keys: Vec<String>,
    /// The keys of values that are object literals themselves (one level).
    pub nested: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub name: String,
    /// The name's string in `Deno.env.get("…")` (inside the quotes), for a hint to point at.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityUse {
    pub entity: String,
    /// `list`, `filter`, `get`, `create`, `update`, `delete`, … as called, sorted.
    pub operations: Vec<String>,
}

impl Contract {
    pub fn input(&self, name: &str) -> Option<&Input> {
        self.inputs.iter().find(|input| input.name == name)
    }

    /// Every key some response has, when every response is known (and there is one).
    pub fn response_keys(&self) -> Option<Vec<&str>> {
        if self.responses_open || self.responses.is_empty() {
            return None;
        }
        let mut keys: Vec<&str> = self.responses.iter().flat_map(|r| r.keys.iter().map(String::as_str)).collect();
        keys.sort_unstable();
        keys.dedup();
        Some(keys)
    }

    /// Whether some response has `key` at the top.
    pub fn returns_key(&self, key: &str) -> bool {
        self.responses.iter().any(|r| r.keys.iter().any(|k| k == key))
    }
}

/// The contract of an entry, given how it serves.
pub fn infer_contract(tree: &Tree, src: &str, serve: Option<&Serve>) -> Contract {
    let reader = Reader { tree, src };
    let handler = serve.and_then(|s| s.handler.clone()).and_then(|range| reader.function_at(range));
    let (inputs, inputs_open) = match handler {
        Some(handler) => inputs::read(&reader, handler),
        None => (Vec::new(), true),
    };
    let (responses, responses_open) = responses::read(&reader, handler);
    Contract {
        inputs,
        inputs_open,
        responses,
        responses_open,
        secrets: uses::secrets(&reader),
        entities: uses::entities(&reader),
    }
}

/// Looks around an entry's tree from the words in its text.
struct Reader<'t, 's> {
    tree: &'t Tree,
    src: &'s str,
}

impl<'t, 's> Reader<'t, 's> {
    fn text(&self, node: Node) -> &'s str {
        text(node, self.src)
    }

    /// The nodes above the leaf exactly at `range`, nearest first (`None` when there is no
    /// such leaf, or it lies too deep).
    fn above(&self, range: Range<usize>) -> Option<Vec<Node<'t>>> {
        let leaf = self.tree.root_node().descendant_for_byte_range(range.start, range.end)?;
        if leaf.byte_range() != range {
            return None;
        }
        let mut chain = syntax::ancestry(self.tree, leaf);
        if chain.len() > MAX_DEPTH {
            return None;
        }
        chain.pop();
        chain.reverse();
        Some(chain)
    }

    /// The leaves spelled `word` in `range` with the nodes above each.
    fn words(&self, range: Range<usize>, word: &'s str) -> impl Iterator<Item = (Node<'t>, Vec<Node<'t>>)> + '_ {
        syntax::word_occurrences(self.src, range, word).filter_map(move |at| {
            let leaf = self.tree.root_node().descendant_for_byte_range(at, at + word.len())?;
            let above = self.above(leaf.byte_range())?;
            Some((leaf, above))
        })
    }

    /// The handler function: the node at `range`, or the function a name there declares.
    fn function_at(&self, range: Range<usize>) -> Option<Node<'t>> {
        let node = self.tree.root_node().descendant_for_byte_range(range.start, range.end)?;
        let node = if node.byte_range() == range { node } else { node.parent()? };
        if is_function(node) {
            return Some(node);
        }
        if node.kind() != "identifier" {
            return None;
        }
        self.function_named(self.text(node))
    }

    /// The function a top-level statement declares under `name` (`function name`, `const name
    /// = () => …`), exported or not.
    fn function_named(&self, name: &str) -> Option<Node<'t>> {
        let root = self.tree.root_node();
        let mut cursor = root.walk();
        let statements: Vec<Node> = root.named_children(&mut cursor).collect();
        statements.into_iter().find_map(|statement| {
            let statement = match statement.kind() {
                "export_statement" => statement.child_by_field_name("declaration")?,
                _ => statement,
            };
            match statement.kind() {
                "function_declaration" => {
                    (statement.child_by_field_name("name").map(|n| self.text(n)) == Some(name)).then_some(statement)
                }
                "lexical_declaration" | "variable_declaration" => {
                    let mut cursor = statement.walk();
                    let declarators: Vec<Node> = statement.named_children(&mut cursor).collect();
                    declarators.into_iter().find_map(|d| {
                        let named = d.child_by_field_name("name").map(|n| self.text(n)) == Some(name);
                        d.child_by_field_name("value").filter(|v| named && is_function(*v))
                    })
                }
                _ => None,
            }
        })
    }

    /// The name a function is declared under (`function name`, `const name = …`).
    fn name_of(&self, function: Node) -> Option<&'s str> {
        if let Some(name) = function.child_by_field_name("name").filter(|_| function.kind() == "function_declaration") {
            return Some(self.text(name));
        }
        let declarator = function.parent().filter(|p| p.kind() == "variable_declarator")?;
        let name = declarator.child_by_field_name("name").filter(|n| n.kind() == "identifier")?;
        (declarator.child_by_field_name("value") == Some(function)).then(|| self.text(name))
    }

    /// The calls of the function named `name` in the entry (`name(…)`), and whether the name
    /// is also used otherwise (passed on, stored): its callers cannot all be known then.
    fn calls_of(&self, name: &'s str, declared: Node) -> (Vec<Node<'t>>, bool) {
        let mut calls = Vec::new();
        let mut escapes = false;
        for (leaf, above) in self.words(0..self.src.len(), name) {
            if leaf.kind() != "identifier" || declared.byte_range().contains(&leaf.start_byte()) {
                continue;
            }
            match above.first() {
                Some(call)
                    if call.kind() == "call_expression" && call.child_by_field_name("function") == Some(leaf) =>
                {
                    calls.push(*call);
                }
                Some(parent) if parent.kind() == "variable_declarator" => {}
                _ => escapes = true,
            }
        }
        (calls, escapes)
    }

    /// The identifiers spelled `name` in `scope` that are not property names.
    fn references(&self, scope: Node<'t>, name: &'s str) -> Vec<(Node<'t>, Vec<Node<'t>>)> {
        self.words(scope.byte_range(), name)
            .filter(|(leaf, _)| matches!(leaf.kind(), "identifier" | "shorthand_property_identifier"))
            .collect()
    }
}

fn is_function(node: Node) -> bool {
    matches!(
        node.kind(),
        "function_declaration" | "function_expression" | "function" | "arrow_function" | "method_definition"
    )
}

/// A function's parameters as (pattern, default value), in order: the pattern is the name,
/// or the object pattern, a parameter binds.
fn parameter_patterns(function: Node) -> Vec<(Node, Option<Node>)> {
    if let Some(single) = function.child_by_field_name("parameter") {
        return vec![(single, None)];
    }
    let Some(list) = function.child_by_field_name("parameters") else { return Vec::new() };
    let mut cursor = list.walk();
    let params: Vec<Node> = list.named_children(&mut cursor).filter(|p| p.kind() != "comment").collect();
    params
        .into_iter()
        .map(|param| match param.kind() {
            "required_parameter" | "optional_parameter" => {
                (param.child_by_field_name("pattern").unwrap_or(param), param.child_by_field_name("value"))
            }
            "assignment_pattern" => {
                (param.child_by_field_name("left").unwrap_or(param), param.child_by_field_name("right"))
            }
            _ => (param, None),
        })
        .collect()
}

/// A function's parameters as (name, default value), in order; `None` in place of one that is
/// not a plain name (a pattern, a rest).
fn parameters<'t>(function: Node<'t>, src: &str) -> Vec<Option<(String, Option<Node<'t>>)>> {
    parameter_patterns(function)
        .into_iter()
        .map(|(pattern, default)| (pattern.kind() == "identifier").then(|| (text(pattern, src).to_string(), default)))
        .collect()
}

/// The key of a property (`a`, `"a"`), as written without quotes.
fn key_text(key: Node, src: &str) -> Option<String> {
    match key.kind() {
        "property_identifier" | "shorthand_property_identifier" | "shorthand_property_identifier_pattern" => {
            Some(text(key, src).to_string())
        }
        "string" => syntax::string_literal(key, src).map(|s| s.value),
        "number" => Some(text(key, src).to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
