//! The nodes the flow looks at, found without walking the whole file: where it starts
//! from the text's `functions` (and imported names), a variable's references from its
//! name's occurrences in its scope, and each node's parent remembered from the descents
//! that reached it.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tree_sitter::{Language, Node, Tree, TreeCursor};

use super::ids::IdMap;
use super::scope::FUNCTION_KINDS;
use crate::syntax::fields::FieldExt;
use crate::syntax::{TopLevel, text, word_occurrences};

/// Nodes nested deeper than this are not checked, and a file where one is reached
/// gets no shape diagnostics at all: every descent and climb costs up to its depth,
/// and hand-written code stays far shallower than this.
pub const MAX_DEPTH: usize = 400;

/// The node kinds the index compares, as ids: a kind id is a number, `Node::kind` a
/// C-string turned into `&str` on every call.
#[derive(Clone, Copy)]
struct Kinds {
    identifier: u16,
    /// A shorthand in a pattern binds or assigns a variable too: `({ res } = other)`.
    shorthand_pattern: u16,
    awaited: u16,
    returned: u16,
    thrown: u16,
    /// What [`super::scope::is_function`] names.
    functions: [u16; FUNCTION_KINDS.len()],
    /// The other kinds that [`super::scope`] treats as scopes.
    blocks: [u16; BLOCK_SCOPE_KINDS.len()],
}

const BLOCK_SCOPE_KINDS: [&str; 6] =
    ["program", "statement_block", "switch_body", "for_statement", "for_in_statement", "catch_clause"];

impl Kinds {
    /// The ids of `language`, looked up once per language and thread (the lookup scans
    /// every kind name of the grammar).
    fn of(language: &Language) -> Self {
        thread_local! {
            static KNOWN: RefCell<Vec<(Language, Kinds)>> = const { RefCell::new(Vec::new()) };
        }
        KNOWN.with_borrow_mut(|known| {
            if let Some((_, kinds)) = known.iter().find(|(l, _)| l == language) {
                return *kinds;
            }
            let kinds = Kinds {
                identifier: language.id_for_node_kind("identifier", true),
                shorthand_pattern: language.id_for_node_kind("shorthand_property_identifier_pattern", true),
                awaited: language.id_for_node_kind("await_expression", true),
                returned: language.id_for_node_kind("return_statement", true),
                thrown: language.id_for_node_kind("throw_statement", true),
                functions: FUNCTION_KINDS.map(|kind| language.id_for_node_kind(kind, true)),
                blocks: BLOCK_SCOPE_KINDS.map(|kind| language.id_for_node_kind(kind, true)),
            };
            known.push((language.clone(), kinds));
            kinds
        })
    }
}

/// What [`Index::remember`] remembers about a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    /// The value it is declared with.
    DeclaredValue,
    /// Its declaration in an array pattern (a `useState` setter's).
    ArrayPatternDeclaration,
}

/// (scope id, name, question).
type RememberedKey<'s> = (usize, &'s str, Question);

pub struct Index<'t, 's> {
    pub src: &'s str,
    root: Node<'t>,
    top_level: TopLevel<'t>,
    kinds: Kinds,
    /// One cursor for every descent, so that its stack is allocated once.
    cursor: RefCell<TreeCursor<'t>>,
    /// Each named node reached by a descent (by id), with its nearest named ancestor
    /// and its depth. tree-sitter's own `Node::parent` descends from the root for every
    /// call, and climbing is what the checks do most.
    parents: RefCell<IdMap<(Node<'t>, usize)>>,
    /// A descent went past [`MAX_DEPTH`]: the file is not checked.
    too_deep: Cell<bool>,
    /// The names each scope (by node id) declares: asked again for every reference.
    declarations: RefCell<IdMap<HashSet<&'s str>>>,
    /// Answers about variables asked again at each of their uses (the value a name is
    /// declared with, its declaration in a `useState` pattern), by (scope id, name, question).
    remembered: RefCell<HashMap<RememberedKey<'s>, Option<Node<'t>>>>,
}

impl<'t, 's> Index<'t, 's> {
    pub fn build(tree: &'t Tree, src: &'s str) -> Self {
        let root = tree.root_node();
        Self {
            src,
            root,
            top_level: TopLevel::new(tree),
            kinds: Kinds::of(&tree.language()),
            cursor: RefCell::new(root.walk()),
            parents: RefCell::default(),
            too_deep: Cell::new(false),
            declarations: RefCell::default(),
            remembered: RefCell::default(),
        }
    }

    /// The tree's top-level statements, for finding the one at a byte.
    pub fn top_level(&self) -> &TopLevel<'t> {
        &self.top_level
    }

    /// Whether some node the checks needed sits deeper than [`MAX_DEPTH`].
    pub fn too_deep(&self) -> bool {
        self.too_deep.get()
    }

    /// The leaves spelled `word` (identifiers, property names, pattern shorthands), found
    /// from the text: the flow starts from `functions` and from imported names.
    pub fn leaves_named(&self, word: &str) -> Vec<Node<'t>> {
        self.leaves_named_within(word, 0..self.src.len())
    }

    /// [`Index::leaves_named`], in one byte range of the text only.
    pub fn leaves_named_within(&self, word: &str, range: Range<usize>) -> Vec<Node<'t>> {
        self.occurrences(range, word)
            .filter_map(|start| self.leaf_at(start))
            .filter(|leaf| leaf.start_byte() <= leaf.end_byte() && self.text(*leaf) == word)
            .collect()
    }

    fn occurrences<'a>(&'a self, range: Range<usize>, word: &'a str) -> impl Iterator<Item = usize> + 'a {
        word_occurrences(self.src, range, word)
    }

    /// Every `identifier` (and pattern shorthand) node spelled `name` in `scope`, in
    /// document order.
    pub fn identifiers_named_in(&self, name: &str, scope: Node<'t>) -> Vec<Node<'t>> {
        self.identifiers_named_within(name, scope, scope.byte_range())
    }

    /// [`Index::identifiers_named_in`], in one byte range of the scope only.
    pub fn identifiers_named_within(&self, name: &str, scope: Node<'t>, range: Range<usize>) -> Vec<Node<'t>> {
        if name.is_empty() {
            return Vec::new();
        }
        // Descents start at the scope, not the root, when its depth is known.
        let from = self.depth_of(scope).map_or((self.root, 0), |depth| (scope, depth));
        let range = range.start.max(scope.start_byte())..range.end.min(scope.end_byte());
        self.occurrences(range, name)
            .filter_map(|start| self.descend(from, start, None))
            .map(|(leaf, _)| leaf)
            .filter(|leaf| {
                let kind = leaf.kind_id();
                (kind == self.kinds.identifier || kind == self.kinds.shorthand_pattern) && self.text(*leaf) == name
            })
            .collect()
    }

    /// The deepest node at `byte`, its ancestors remembered on the way down.
    fn leaf_at(&self, byte: usize) -> Option<Node<'t>> {
        self.descend((self.root, 0), byte, None).map(|(leaf, _)| leaf)
    }

    /// The `await` expressions in `block` (nested functions' included), in document
    /// order, from the text's `await` keywords: walking a block node by node costs far
    /// more. `None` past `limit` of them.
    pub fn awaits_in(&self, block: Node<'t>, limit: usize) -> Option<Vec<Node<'t>>> {
        self.keyword_nodes(block, "await", self.kinds.awaited, limit)
    }

    /// The `return` statements in `block` (nested functions' included), from the text.
    pub fn returns_in(&self, block: Node<'t>, limit: usize) -> Option<Vec<Node<'t>>> {
        self.keyword_nodes(block, "return", self.kinds.returned, limit)
    }

    /// The `throw` statements in `block` (nested functions' included), from the text.
    pub fn throws_in(&self, block: Node<'t>, limit: usize) -> Option<Vec<Node<'t>>> {
        self.keyword_nodes(block, "throw", self.kinds.thrown, limit)
    }

    /// The nodes of kind `kind` that start with the keyword `word` in `block`.
    fn keyword_nodes(&self, block: Node<'t>, word: &str, kind: u16, limit: usize) -> Option<Vec<Node<'t>>> {
        let from = self.depth_of(block).map_or((self.root, 0), |depth| (block, depth));
        let mut found = Vec::new();
        for (seen, start) in self.occurrences(block.byte_range(), word).enumerate() {
            if seen >= limit {
                return None;
            }
            if let Some((_, above)) = self.descend(from, start, None)
                && above.kind_id() == kind
                && above.start_byte() == start
            {
                found.push(above);
            }
        }
        Some(found)
    }

    /// The same as `scope::is_function(node.kind())`, by kind id.
    pub fn is_function(&self, node: Node) -> bool {
        let kind = node.kind_id();
        // Id 0 is what a grammar without the kind answers; no node has it.
        kind != 0 && self.kinds.functions.contains(&kind)
    }

    /// Whether `node` is a scope: a function or one of the blocks that declare names.
    pub fn is_scope(&self, node: Node) -> bool {
        let kind = node.kind_id();
        kind != 0 && (self.kinds.functions.contains(&kind) || self.kinds.blocks.contains(&kind))
    }

    /// The child of `parent` in `field`, its parent remembered when the parent's is:
    /// a binding reached from its declaration is climbed from next.
    pub fn child(&self, parent: Node<'t>, field: &str) -> Option<Node<'t>> {
        let child = parent.field(field)?;
        if child.is_named()
            && let Some(depth) = self.depth_of(parent)
        {
            self.parents.borrow_mut().entry(child.id()).or_insert((parent, depth + 1));
        }
        Some(child)
    }

    /// How deep a node reached by a descent lies (the root: 0).
    fn depth_of(&self, node: Node<'t>) -> Option<usize> {
        if node.id() == self.root.id() {
            return Some(0);
        }
        self.parents.borrow().get(&node.id()).map(|(_, depth)| *depth)
    }

    /// Descends from `start` (a node and its depth) towards `byte`, remembering each
    /// named node's parent, until the node with id `target` (or, without one, a leaf).
    /// That node, with the nearest named node above it; `None` when the target is not
    /// on the way or the descent goes past [`MAX_DEPTH`].
    fn descend(&self, start: (Node<'t>, usize), byte: usize, target: Option<usize>) -> Option<(Node<'t>, Node<'t>)> {
        if self.too_deep.get() {
            return None;
        }
        let mut cursor = self.cursor.borrow_mut();
        let mut parents = self.parents.borrow_mut();
        let (mut node, mut depth) = start;
        let mut named_above = node;
        // The root's step is a binary search, not a scan of its statements.
        if depth == 0 && target != Some(node.id()) {
            let Some(child) = self.top_level.child_for_byte(byte) else {
                return target.is_none().then_some((node, named_above));
            };
            depth = 1;
            node = child;
            if node.is_named() {
                parents.insert(node.id(), (named_above, depth));
            }
        }
        cursor.reset(node);
        loop {
            if target == Some(node.id()) {
                return Some((node, named_above));
            }
            if cursor.goto_first_child_for_byte(byte).is_none() {
                return target.is_none().then_some((node, named_above));
            }
            depth += 1;
            if depth > MAX_DEPTH {
                self.too_deep.set(true);
                return None;
            }
            if node.is_named() {
                named_above = node;
            }
            node = cursor.node();
            if node.is_named() {
                parents.insert(node.id(), (named_above, depth));
            }
        }
    }

    /// The nearest named node above `node` (what `Node::parent` gives, without its cost).
    pub fn parent(&self, node: Node<'t>) -> Option<Node<'t>> {
        if node.id() == self.root.id() {
            return None;
        }
        if !node.is_named() {
            return node.parent();
        }
        if let Some((parent, _)) = self.parents.borrow().get(&node.id()) {
            return Some(*parent);
        }
        // A zero-width node lies on no descent towards its byte: ask tree-sitter.
        if node.start_byte() == node.end_byte() {
            return if self.too_deep.get() { None } else { node.parent() };
        }
        match self.descend((self.root, 0), node.start_byte(), Some(node.id())) {
            Some(_) => self.parents.borrow().get(&node.id()).map(|(parent, _)| *parent),
            None if self.too_deep.get() => None,
            // Not on the way down (which a well-formed tree rules out): ask tree-sitter.
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

    /// The answer to `question` about the variable `name` of `scope`, computed once.
    pub fn remember(
        &self,
        key: (usize, &'s str, Question),
        compute: impl FnOnce() -> Option<Node<'t>>,
    ) -> Option<Node<'t>> {
        if let Some(answer) = self.remembered.borrow().get(&key) {
            return *answer;
        }
        let answer = compute();
        self.remembered.borrow_mut().insert(key, answer);
        answer
    }

    pub fn root_node(&self) -> Node<'t> {
        self.root
    }

    pub fn root_id(&self) -> usize {
        self.root.id()
    }

    pub fn text(&self, node: Node) -> &'s str {
        text(node, self.src)
    }
}
