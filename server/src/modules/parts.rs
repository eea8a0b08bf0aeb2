//! A file's top-level statements in parts that the flow can run over apart. The flow goes
//! from one statement to another only through a name: a helper and its callers, a variable
//! and its uses, an export and what it names. So statements that share a name declared at
//! the top of the file (or named by an `export { … }`) are put in one part, and a value
//! followed from one part never reaches another. Imported names do not join parts: a value
//! never flows into an import, unless a statement writes to it (then they do).
//!
//! Names are compared by hash, and every word of a statement counts, in code, strings and
//! comments alike: a collision or a word that is no name only joins more statements.
//!
//! Each statement's words are read once and kept for the next version of the file, when the
//! statement is unchanged: the editor splits the file again at every keystroke.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use tree_sitter::{Node, Tree};

use super::flow::index::Index;
use super::flow::scope::top_level_declarations;

/// Word hashes, already spread: hashing them again buys nothing.
type WordSet = HashSet<u64, BuildHasherDefault<PassThrough>>;

#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What the split needs of one top-level statement.
#[derive(Debug, Clone)]
pub struct Statement {
    pub range: Range<usize>,
    /// Its node's id in the tree it was read from (tree-sitter's subtree, which a later
    /// tree built from that one shares when the statement is unchanged).
    id: usize,
    /// Every word of its text, hashed, sorted.
    words: Vec<u64>,
    /// The names it declares at the top of the file.
    declares: Vec<u64>,
    /// The names it assigns to (or takes apart into) anywhere in it.
    writes: Vec<u64>,
    /// The names an `export { … }` or `export default name` of it gives: the flow finds
    /// their declarations by name alone.
    exported: Vec<u64>,
    is_import: bool,
    /// Its words that join statements, for the joining words they were read against.
    links: Vec<u64>,
    links_for: u64,
}

/// The file's statements, and its parts: lists of statements (by place), in order.
#[derive(Debug, Clone, Default)]
pub struct Split {
    pub statements: Vec<Statement>,
    pub parts: Vec<Vec<usize>>,
}

impl Split {
    /// Splits a parsed file, reusing what `previous` (the split of an earlier version, whose
    /// tree is still alive) read of the statements tree-sitter kept from that version's tree.
    /// Also returns, for each statement, its place in `previous` when it was kept.
    ///
    /// A kept statement is the same subtree (tree-sitter gives it the same id), so the same
    /// text and the same structure, not just the same text: a statement next to broken code
    /// can be read otherwise with its own text unchanged.
    pub fn new(tree: &Tree, index: &Index, previous: Option<&Split>) -> (Self, Vec<Option<usize>>) {
        let root = tree.root_node();
        let mut cursor = root.walk();
        let nodes: Vec<Node> = root.named_children(&mut cursor).filter(|n| n.kind() != "comment").collect();
        let old_by_id: HashMap<usize, usize> = previous
            .map(|old| old.statements.iter().enumerate().map(|(at, s)| (s.id, at)).collect())
            .unwrap_or_default();
        let mut statements = Vec::with_capacity(nodes.len());
        let mut same = Vec::with_capacity(nodes.len());
        for node in nodes {
            let kept = old_by_id.get(&node.id()).copied().zip(previous);
            match kept {
                Some((at, old)) => {
                    statements.push(Statement { range: node.byte_range(), ..old.statements[at].clone() });
                    same.push(Some(at));
                }
                None => {
                    statements.push(read_statement(node, index));
                    same.push(None);
                }
            }
        }
        let parts = join(&mut statements);
        (Self { statements, parts }, same)
    }

    /// The byte ranges of a part's statements.
    pub fn ranges(&self, part: &[usize]) -> Vec<Range<usize>> {
        part.iter().map(|&at| self.statements[at].range.clone()).collect()
    }
}

fn read_statement(node: Node, index: &Index) -> Statement {
    let text = index.text(node);
    let mut words: Vec<u64> = words_of(text).collect();
    words.sort_unstable();
    words.dedup();
    let declares = top_level_declarations(node, index).into_iter().map(hash_word).collect();
    let (writes, exported) = names_written_and_exported(node, index);
    Statement {
        range: node.byte_range(),
        id: node.id(),
        words,
        declares,
        writes,
        exported,
        is_import: node.kind() == "import_statement",
        links: Vec::new(),
        links_for: 0,
    }
}

/// The names assigned to (or taken apart into) anywhere in `node`, and those its
/// `export { … }` / `export default name` gives. Both over-approximate: any identifier in an
/// assignment's target or a pattern counts.
fn names_written_and_exported(node: Node, index: &Index) -> (Vec<u64>, Vec<u64>) {
    let mut writes = Vec::new();
    let mut exported = Vec::new();
    // (node, its parent's kind)
    let mut stack: Vec<(Node, &str)> = vec![(node, "")];
    while let Some((current, parent)) = stack.pop() {
        let kind = current.kind();
        match kind {
            "identifier" if WRITING_PARENTS.contains(&parent) => writes.push(hash_word(index.text(current))),
            "shorthand_property_identifier_pattern" => writes.push(hash_word(index.text(current))),
            "identifier" if matches!(parent, "export_specifier" | "export_statement") => {
                exported.push(hash_word(index.text(current)));
            }
            _ => {}
        }
        let mut cursor = current.walk();
        stack.extend(current.named_children(&mut cursor).map(|child| (child, kind)));
    }
    writes.sort_unstable();
    writes.dedup();
    exported.sort_unstable();
    exported.dedup();
    (writes, exported)
}

/// The parents of an identifier that (may) write to it.
const WRITING_PARENTS: &[&str] = &[
    "assignment_expression",
    "augmented_assignment_expression",
    "update_expression",
    "array_pattern",
    "pair_pattern",
    "assignment_pattern",
    "object_assignment_pattern",
    "rest_pattern",
    "for_in_statement",
];

/// Puts statements that share a joining word in one part (and keeps each statement's
/// joining words for the next split).
fn join(statements: &mut [Statement]) -> Vec<Vec<usize>> {
    let declared_by_code: WordSet =
        statements.iter().filter(|s| !s.is_import).flat_map(|s| s.declares.iter().copied()).collect();
    let written: WordSet = statements.iter().flat_map(|s| s.writes.iter().copied()).collect();
    let mut joining: WordSet = statements
        .iter()
        .flat_map(|s| s.declares.iter().copied())
        // An import joins nothing, unless code declares or writes the same name too.
        .filter(|word| declared_by_code.contains(word) || written.contains(word))
        .collect();
    joining.extend(statements.iter().flat_map(|s| s.exported.iter().copied()));
    let mut sorted: Vec<u64> = joining.iter().copied().collect();
    sorted.sort_unstable();
    let fingerprint = sorted.iter().fold(0xcbf2_9ce4_8422_2325_u64, |acc, w| (acc ^ w).wrapping_mul(0x100_0000_01b3));
    let mut parent: Vec<usize> = (0..statements.len()).collect();
    let mut first: HashMap<u64, usize, BuildHasherDefault<PassThrough>> = HashMap::default();
    for (at, statement) in statements.iter_mut().enumerate() {
        if statement.links_for != fingerprint || statement.links_for == 0 {
            statement.links = statement.words.iter().copied().filter(|w| joining.contains(w)).collect();
            statement.links_for = fingerprint;
        }
        for word in &statement.links {
            let other = *first.entry(*word).or_insert(at);
            union(&mut parent, at, other);
        }
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut part_of_root: HashMap<usize, usize> = HashMap::new();
    for at in 0..statements.len() {
        let root = find(&mut parent, at);
        let part = *part_of_root.entry(root).or_insert_with(|| {
            parts.push(Vec::new());
            parts.len() - 1
        });
        parts[part].push(at);
    }
    parts
}

fn find(parent: &mut [usize], mut at: usize) -> usize {
    while parent[at] != at {
        parent[at] = parent[parent[at]];
        at = parent[at];
    }
    at
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

/// The words of a text: runs of letters, digits, `_`, `$` and any non-ASCII character
/// (which names may hold), hashed. Runs that start with a digit are numbers, not words.
fn words_of(text: &str) -> impl Iterator<Item = u64> + '_ {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            while at < bytes.len() && !is_word(bytes[at]) {
                at += 1;
            }
            let start = at;
            while at < bytes.len() && is_word(bytes[at]) {
                at += 1;
            }
            if start < at && !bytes[start].is_ascii_digit() {
                return Some(hash_bytes(&bytes[start..at]));
            }
        }
        None
    })
}

fn hash_word(word: &str) -> u64 {
    hash_bytes(word.as_bytes())
}

/// FNV-1a: short words, no attacker (a collision only joins statements).
fn hash_bytes(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |acc, b| (acc ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}

#[cfg(test)]
mod tests;
