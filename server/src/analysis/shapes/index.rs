//! The one pass over the tree: the `functions.invoke`/`functions.fetch` calls, and every
//! identifier by name so that a variable's references are found without walking again.

use std::collections::HashMap;

use tree_sitter::{Node, Tree};

use crate::analysis::calls::{CallKind, functions_call_kind};
use crate::analysis::syntax::text;

/// Deeper trees are not checked. tree-sitter finds a node's parent by walking down from
/// the root, so climbing from a node costs the square of its depth; hand-written code
/// stays far shallower than this, and generated code is not worth the time.
pub const MAX_DEPTH: u32 = 400;

pub struct Index<'t, 's> {
    pub src: &'s str,
    pub calls: Vec<(Node<'t>, CallKind)>,
    identifiers: HashMap<&'s str, Vec<Node<'t>>>,
}

impl<'t, 's> Index<'t, 's> {
    /// `None` for a tree nested deeper than [`MAX_DEPTH`].
    pub fn build(tree: &'t Tree, src: &'s str) -> Option<Self> {
        let mut calls = Vec::new();
        let mut identifiers: HashMap<&'s str, Vec<Node<'t>>> = HashMap::new();
        let mut cursor = tree.walk();
        loop {
            let node = cursor.node();
            if cursor.depth() > MAX_DEPTH {
                return None;
            }
            match node.kind() {
                "identifier" => identifiers.entry(text(node, src)).or_default().push(node),
                "call_expression" => {
                    if let Some(kind) = functions_call_kind(node, src) {
                        calls.push((node, kind));
                    }
                }
                _ => {}
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return Some(Self {
                        src,
                        calls,
                        identifiers,
                    });
                }
            }
        }
    }

    /// Every `identifier` node spelled `name`, in document order.
    pub fn identifiers_named(&self, name: &str) -> &[Node<'t>] {
        self.identifiers.get(name).map_or(&[], Vec::as_slice)
    }

    pub fn text(&self, node: Node) -> &'s str {
        text(node, self.src)
    }
}
