//! The one pass over the tree: the `functions.invoke`/`functions.fetch` calls, and every
//! identifier by name so that a variable's references are found without walking again.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use tree_sitter::{Node, Tree};

use crate::analysis::calls::{CallKind, functions_call_kind};
use crate::analysis::syntax::text;

/// Deeper trees are not checked: every climb from a node costs up to its depth, and
/// hand-written code stays far shallower than this (generated code is not worth it).
pub const MAX_DEPTH: usize = 400;

const NO_PARENT: u32 = u32::MAX;

pub struct Index<'t, 's> {
    pub src: &'s str,
    pub calls: Vec<(Node<'t>, CallKind)>,
    identifiers: HashMap<&'s str, Vec<Node<'t>>>,
    /// The named nodes in document order, each with the position of its parent here.
    /// tree-sitter's own `Node::parent` walks down from the root and scans every
    /// sibling on the way, which is slow in a long file, and climbing is what the
    /// checks do most.
    named: Vec<(Node<'t>, u32)>,
    /// `named`'s start bytes, apart so that the binary search stays in cache.
    starts: Vec<usize>,
    /// The names each scope (by node id) declares: asked again for every reference.
    declarations: RefCell<HashMap<usize, HashSet<&'s str>>>,
}

/// A cheap test on the callee's text before the full one: almost no call is an invoke.
fn may_be_functions_call(call: Node, src: &str) -> bool {
    let Some(callee) = call.child(0) else {
        return false;
    };
    let text = text(callee, src).trim_end_matches([')', '!', ' ', '\t', '\n', '\r']);
    text.ends_with("invoke") || text.ends_with("fetch")
}

impl<'t, 's> Index<'t, 's> {
    /// `None` for a tree nested deeper than [`MAX_DEPTH`].
    pub fn build(tree: &'t Tree, src: &'s str) -> Option<Self> {
        let language = tree.language();
        let identifier_kind = language.id_for_node_kind("identifier", true);
        // A shorthand in a pattern binds or assigns a variable too: `({ res } = other)`.
        let shorthand_kind = language.id_for_node_kind("shorthand_property_identifier_pattern", true);
        let call_kind = language.id_for_node_kind("call_expression", true);
        let mut calls = Vec::new();
        let mut identifiers: HashMap<&'s str, Vec<Node<'t>>> = HashMap::new();
        let mut named = Vec::new();
        let mut starts = Vec::new();
        // The cursor's ancestors, each as the position in `named` of the nearest named
        // node at or above it. (`TreeCursor::depth` costs the depth itself; the stack
        // is kept here instead.)
        let mut path: Vec<u32> = Vec::new();
        let mut cursor = tree.walk();
        loop {
            let node = cursor.node();
            let parent = path.last().copied().unwrap_or(NO_PARENT);
            let position = if node.is_named() {
                named.push((node, parent));
                starts.push(node.start_byte());
                u32::try_from(named.len() - 1).unwrap_or(NO_PARENT)
            } else {
                parent
            };
            let kind = node.kind_id();
            if kind == identifier_kind || kind == shorthand_kind {
                identifiers.entry(text(node, src)).or_default().push(node);
            } else if kind == call_kind
                && may_be_functions_call(node, src)
                && let Some(call) = functions_call_kind(node, src)
            {
                calls.push((node, call));
            }
            if cursor.goto_first_child() {
                path.push(position);
                if path.len() > MAX_DEPTH {
                    return None;
                }
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return Some(Self { src, calls, identifiers, named, starts, declarations: RefCell::default() });
                }
                path.pop();
            }
        }
    }

    /// Every `identifier` (and pattern shorthand) node spelled `name`, in document order.
    pub fn identifiers_named(&self, name: &str) -> &[Node<'t>] {
        self.identifiers.get(name).map_or(&[], Vec::as_slice)
    }

    /// The node's parent (the same as `Node::parent`, without its cost).
    pub fn parent(&self, node: Node<'t>) -> Option<Node<'t>> {
        let start = node.start_byte();
        let first = self.starts.partition_point(|s| *s < start);
        let position = self.starts[first..]
            .iter()
            .zip(&self.named[first..])
            .take_while(|(s, _)| **s == start)
            .position(|(_, (n, _))| n.id() == node.id());
        match position {
            Some(offset) => {
                let parent = self.named[first + offset].1;
                self.named.get(parent as usize).map(|(n, _)| *n)
            }
            None => node.parent(),
        }
    }

    /// Whether `scope` declares `name`; `declared` lists a scope's names, once per scope.
    pub fn declares(&self, scope: Node, name: &str, declared: impl FnOnce() -> HashSet<&'s str>) -> bool {
        if let Some(names) = self.declarations.borrow().get(&scope.id()) {
            return names.contains(name);
        }
        let names = declared();
        let answer = names.contains(name);
        self.declarations.borrow_mut().insert(scope.id(), names);
        answer
    }

    pub fn text(&self, node: Node) -> &'s str {
        text(node, self.src)
    }
}
