//! Completion inside `invoke("…")` (function names), `fetch("/…")` (paths) and the data
//! object of an invoke (the inputs the function reads).

use std::ops::Range;
use std::path::Path;

use tree_sitter::{Node, Tree};

use super::calls::{self, CallKind};
use super::functions::{FunctionDef, slash_path};
use super::index::{ProjectIndex, WorkspaceIndex};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionKind {
    Function,
    Input,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub kind: CompletionKind,
    pub label: String,
    /// Where the function lives, relative to its project.
    pub detail: String,
    pub documentation: Option<String>,
    /// The range the item replaces, and what it puts there.
    pub replace: Range<usize>,
    pub new_text: String,
}

/// The completions at `offset`, or `None` when the cursor is not where base44-lsp
/// completes anything (other servers' completions then stand alone).
pub fn complete(
    index: &WorkspaceIndex,
    path: &Path,
    src: &str,
    tree: Option<&Tree>,
    offset: usize,
) -> Option<Vec<Completion>> {
    let project = index.project_of(path)?;
    if let Some(site) = calls::call_site_at(tree, src, offset) {
        let items = project
            .functions
            .iter()
            .map(|function| {
                let new_text = match site.kind {
                    CallKind::Invoke => function.name.clone(),
                    CallKind::Fetch => format!("/{}", function.name),
                };
                Completion {
                    kind: CompletionKind::Function,
                    label: function.name.clone(),
                    detail: describe_location(project, function),
                    documentation: documentation(function),
                    replace: site.content.clone(),
                    new_text,
                }
            })
            .collect::<Vec<_>>();
        return Some(dedup_by_label(items));
    }
    complete_inputs(project, src, tree?, offset)
}

fn dedup_by_label(mut items: Vec<Completion>) -> Vec<Completion> {
    items.dedup_by(|a, b| a.label == b.label);
    items
}

/// `base44/functions/process-order/entry.ts`, relative to the project root.
pub fn describe_location(project: &ProjectIndex, function: &FunctionDef) -> String {
    let file = function.config.as_ref().unwrap_or(&function.entry);
    slash_path(file.strip_prefix(&project.project.root).unwrap_or(file))
}

/// The function's doc comment and the inputs it reads, as Markdown.
pub fn documentation(function: &FunctionDef) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(doc) = function.serve.as_ref().and_then(|s| s.doc.clone()) {
        parts.push(doc);
    }
    if !function.inputs.is_empty() {
        let inputs: Vec<String> = function.inputs.iter().map(|i| format!("`{i}`")).collect();
        parts.push(format!("Inputs: {}", inputs.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

fn complete_inputs(project: &ProjectIndex, src: &str, tree: &Tree, offset: usize) -> Option<Vec<Completion>> {
    let object = enclosing_data_object(tree, src, offset)?;
    let call = object.parent()?.parent()?;
    let site = calls::call_site_of(call, src)?;
    if site.kind != CallKind::Invoke || site.data.as_ref() != Some(&object.byte_range()) {
        return None;
    }
    let function = project.function(&site.value)?;
    let word_start = src[..offset].rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).map_or(0, |i| i + 1);
    let present = present_keys(object, src);
    let items = function
        .inputs
        .iter()
        .filter(|input| !present.contains(input))
        .map(|input| Completion {
            kind: CompletionKind::Input,
            label: input.clone(),
            detail: format!("input of {}", function.name),
            documentation: None,
            replace: word_start..offset,
            new_text: input.clone(),
        })
        .collect();
    Some(items)
}

fn enclosing_data_object<'t>(tree: &'t Tree, src: &str, offset: usize) -> Option<Node<'t>> {
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset)?;
    for _ in 0..4 {
        if node.kind() == "object" && node.start_byte() < offset && offset < node.end_byte() {
            return Some(node);
        }
        node = node.parent()?;
    }
    let _ = src;
    None
}

fn present_keys(object: Node, src: &str) -> Vec<String> {
    let mut cursor = object.walk();
    object
        .named_children(&mut cursor)
        .filter_map(|prop| match prop.kind() {
            "pair" => prop.child_by_field_name("key"),
            "shorthand_property_identifier" => Some(prop),
            _ => None,
        })
        .map(|key| super::syntax::text(key, src).trim_matches(['"', '\'']).to_string())
        .collect()
}

#[cfg(test)]
mod tests;
