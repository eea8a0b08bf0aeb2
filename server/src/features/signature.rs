//! Signature help inside `invoke("name", |)` and its data object (and the same for wrappers and
//! function objects): the function's inputs as the parameters, the one at the cursor active.

use std::ops::Range;

use super::describe::documentation;
use crate::modules::calls::CallKind;
use crate::modules::graph::FileFacts;
use crate::modules::index::WorkspaceIndex;

/// One signature: its label (`process-order({ orderId, action? })`), where each parameter sits
/// in the label (byte ranges), which one is active, and the function's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub label: String,
    pub parameters: Vec<Range<usize>>,
    pub active: Option<usize>,
    pub documentation: Option<String>,
}

/// The signature at `offset`, when it sits in an invoke's arguments after the name.
pub fn signature_at(
    index: &WorkspaceIndex,
    path: &std::path::Path,
    src: &str,
    offset: usize,
    facts: &FileFacts,
) -> Option<Signature> {
    let project = index.project_of(path)?;
    let site = facts
        .sites
        .iter()
        .filter(|s| s.kind == CallKind::Invoke && s.content.end < offset && offset < s.call.end)
        .min_by_key(|s| s.call.len())?;
    let function = project.function(&site.value)?;
    let contract = function.contract.as_ref()?;
    let mut label = format!("{}({{ ", function.name);
    let mut parameters = Vec::new();
    for (i, input) in contract.inputs.iter().enumerate() {
        if i > 0 {
            label.push_str(", ");
        }
        let start = label.len();
        label.push_str(&input.name);
        if !input.required {
            label.push('?');
        }
        parameters.push(start..label.len());
    }
    if contract.inputs_open {
        label.push_str(if contract.inputs.is_empty() { "…" } else { ", …" });
    }
    label.push_str(if label.ends_with("({ ") { "})" } else { " })" });
    // Facts may lag the text by a keystroke: read it with `get`, never by slicing.
    let quoted = src.get(site.content.end..).is_some_and(|rest| rest.starts_with(['"', '\'', '`']));
    let after_name = site.content.end + usize::from(quoted);
    let active = active_key(src, after_name, offset).and_then(|key| {
        let exact = contract.inputs.iter().position(|input| input.name == key);
        exact.or_else(|| contract.inputs.iter().position(|input| input.name.starts_with(&key)))
    });
    Some(Signature { label, parameters, active, documentation: documentation(function) })
}

/// The key being written at `offset` in the data object that follows the name (read off the
/// text, since the object is usually half-typed: `{ orderId: 1, act|`).
fn active_key(src: &str, after_name: usize, offset: usize) -> Option<String> {
    let typed = src.get(after_name..offset)?;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut entry_start = None;
    for (i, c) in typed.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '{' | '[' | '(') => {
                depth += 1;
                if depth == 1 && c == '{' {
                    entry_start = Some(i + 1);
                }
            }
            (None, '}' | ']' | ')') => depth = depth.checked_sub(1)?,
            (None, ',') if depth == 1 => entry_start = entry_start.map(|_| i + 1),
            _ => {}
        }
    }
    let entry = typed.get(entry_start?..)?;
    let key = entry.split(':').next()?.trim().trim_matches(['"', '\'']);
    let is_name = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    is_name.then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Cursor, SHOP};

    /// The label with the active parameter in brackets, or `none`.
    fn check(marked: &str) -> String {
        let cursor = Cursor::new(SHOP, marked);
        let facts = cursor.report().facts;
        let Some(found) = signature_at(&cursor.index, &cursor.path, &cursor.text, cursor.offset, &facts) else {
            return "none".into();
        };
        match found.active.map(|a| found.parameters[a].clone()) {
            Some(r) => format!("{}[{}]{}", &found.label[..r.start], &found.label[r.clone()], &found.label[r.end..]),
            None => found.label,
        }
    }

    #[test]
    fn after_the_name_shows_the_inputs() {
        assert_eq!(check(r#"base44.functions.invoke("process-order", $0)"#), "process-order({ orderId, action })");
    }

    #[test]
    fn the_key_being_typed_is_active() {
        assert_eq!(
            check(r#"base44.functions.invoke("process-order", { orderId: 1, act$0 })"#),
            "process-order({ orderId, [action] })"
        );
        assert_eq!(
            check(r#"base44.functions.invoke("process-order", { orderId: $0 })"#),
            "process-order({ [orderId], action })"
        );
    }

    #[test]
    fn a_function_that_reads_no_input() {
        assert_eq!(check(r#"base44.functions.invoke("orders/refund", {$0})"#), "orders/refund({ })");
    }

    #[test]
    fn not_on_the_name_nor_outside_nor_for_unknown_functions() {
        assert_eq!(check(r#"base44.functions.invoke("process-$0order", {})"#), "none");
        assert_eq!(check(r#"base44.functions.invoke("process-order", {}); $0"#), "none");
        assert_eq!(check(r#"base44.functions.invoke("nope", { $0 })"#), "none");
        let supabase = r#"import { createClient } from "@supabase/supabase-js";
const supabase = createClient("u", "k");
supabase.functions.invoke("process-order", { $0 })"#;
        assert_eq!(check(supabase), "none");
    }
}
