//! Completion of the keys of a function's JSON where it is read: `res.data.|`,
//! `(await …invoke("x")).data.|`, `const { | } = res.data` (the flow marks the expressions that
//! hold a named function's JSON), with each key's statuses.

use std::borrow::Cow;
use std::ops::Range;

use tree_sitter::Tree;

use super::completion::{Completion, CompletionKind, Completions, Offered};
use crate::modules::graph::FileFacts;
use crate::project::index::ProjectIndex;

/// The response keys to offer at `offset`, when it follows a function's JSON.
pub fn complete_response_keys<'i>(
    project: &'i ProjectIndex,
    src: &str,
    tree: Option<&Tree>,
    offset: usize,
    facts: &FileFacts,
) -> Option<Completions<'i>> {
    let word_start = word_start(src, offset);
    let function = after_member_access(src, word_start, facts).or_else(|| in_pattern(tree?, offset, facts))?;
    let function = project.function(function)?;
    let contract = function.contract.as_ref()?;
    let mut keys: Vec<(&str, Vec<String>)> = Vec::new();
    for response in &contract.responses {
        let status = response.status.map_or("?".to_string(), |s| s.to_string());
        for key in &response.keys {
            match keys.iter_mut().find(|(k, _)| k == key) {
                Some((_, statuses)) if !statuses.contains(&status) => statuses.push(status.clone()),
                Some(_) => {}
                None => keys.push((key, vec![status.clone()])),
            }
        }
    }
    let items = keys
        .into_iter()
        .map(|(key, statuses)| Completion {
            kind: CompletionKind::ResponseKey,
            label: key,
            detail: Some(format!("{} response key ({})", function.name, statuses.join(", "))),
            new_text: Cow::Borrowed(key),
        })
        .collect();
    Some(Completions { replace: word_start..offset, offered: Offered::Listed(items) })
}

/// Where the identifier being typed at `offset` starts.
fn word_start(src: &str, offset: usize) -> usize {
    let offset = crate::syntax::text::floor_char_boundary(src, offset);
    src[..offset].rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).map_or(0, |i| i + 1)
}

/// `json.|` or `json?.|`: the function whose JSON the expression before the dot holds.
fn after_member_access<'f>(src: &str, word_start: usize, facts: &'f FileFacts) -> Option<&'f str> {
    let before = src.get(..word_start)?.trim_end();
    let before = before.strip_suffix('.')?;
    let before = before.strip_suffix('?').unwrap_or(before).trim_end();
    let end = before.len();
    facts.json_spots.iter().find(|(range, _)| range.end == end).map(|(_, name)| name.as_str())
}

/// `const { | } = res.data`: the function whose JSON the pattern at the cursor takes.
fn in_pattern<'f>(tree: &Tree, offset: usize, facts: &'f FileFacts) -> Option<&'f str> {
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset)?;
    for _ in 0..3 {
        if node.kind() == "object_pattern" {
            let range: Range<usize> = node.byte_range();
            return facts.json_spots.iter().find(|(spot, _)| *spot == range).map(|(_, name)| name.as_str());
        }
        node = node.parent()?;
    }
    None
}
