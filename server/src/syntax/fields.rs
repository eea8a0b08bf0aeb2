//! Children by field name without tree-sitter's name lookup: `child_by_field_name`
//! compares the name with every field name of the grammar (`strncmp`) on each call, and
//! the checks ask for fields all the time.

use std::cell::RefCell;
use std::num::NonZeroU16;

use tree_sitter::{Language, Node};

/// The field names the checks ask for; their ids are looked up once per language.
const NAMES: &[&str] = &[
    "left",
    "right",
    "name",
    "value",
    "property",
    "object",
    "function",
    "arguments",
    "parameter",
    "parameters",
    "pattern",
    "optional_chain",
    "key",
    "body",
    "operator",
    "kind",
    "initializer",
    "index",
    "handler",
    "declaration",
    "condition",
];

thread_local! {
    /// Per language, the id of each of [`NAMES`] (`None`: the grammar has no such field).
    static IDS: RefCell<Vec<(Language, Vec<Option<NonZeroU16>>)>> = const { RefCell::new(Vec::new()) };
}

pub trait FieldExt<'t> {
    /// The child in field `name` (the same as `Node::child_by_field_name`).
    fn field(&self, name: &str) -> Option<Node<'t>>;
}

impl<'t> FieldExt<'t> for Node<'t> {
    fn field(&self, name: &str) -> Option<Node<'t>> {
        let Some(slot) = NAMES.iter().position(|known| *known == name) else {
            return self.child_by_field_name(name);
        };
        let language = self.language();
        let id = IDS.with_borrow_mut(|known| {
            if let Some((_, ids)) = known.iter().find(|(l, _)| *l == *language) {
                return ids[slot];
            }
            let ids: Vec<_> = NAMES.iter().map(|name| language.field_id_for_name(name)).collect();
            let id = ids[slot];
            known.push(((*language).clone(), ids));
            id
        })?;
        self.child_by_field_id(id.get())
    }
}
