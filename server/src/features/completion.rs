//! Completion inside `invoke("…")` (function names), `fetch("/…")` (paths) and the data
//! object of an invoke (the inputs the function reads).

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use tree_sitter::{Node, Tree};

pub use crate::features::describe::documentation;
use crate::modules::calls::{self, CallKind, SiteForm};
use crate::modules::graph::FileFacts;
use crate::modules::index::WorkspaceIndex;
use crate::project::functions::{FunctionDef, slash_path};
use crate::project::index::ProjectIndex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionKind {
    Function,
    Input,
    ResponseKey,
}

/// One item, borrowing from the index: a list holds every function of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion<'i> {
    pub kind: CompletionKind,
    pub label: &'i str,
    /// For inputs, the function they belong to. Functions' details come from
    /// [`function_details`], asked for only when shown.
    pub detail: Option<String>,
    /// What the item puts in the list's range.
    pub new_text: Cow<'i, str>,
}

/// What is offered at one place. The items all replace the same range (the whole call
/// string, or the word being typed), so a list of thousands says it once.
#[derive(Debug, Clone)]
pub struct Completions<'i> {
    pub replace: Range<usize>,
    pub offered: Offered<'i>,
}

#[derive(Debug, Clone)]
pub enum Offered<'i> {
    /// Every function of the project, for a call of this kind: the same items at every
    /// such call until the index changes, so they are listed only when asked for.
    Functions { project: &'i ProjectIndex, kind: CallKind },
    /// Items listed here: a function's inputs, its response keys.
    Listed(Vec<Completion<'i>>),
}

impl<'i> Completions<'i> {
    /// The call kind when the items are every function of the project.
    pub fn every_function(&self) -> Option<CallKind> {
        match self.offered {
            Offered::Functions { kind, .. } => Some(kind),
            Offered::Listed(_) => None,
        }
    }

    pub fn items(&self) -> Vec<Completion<'i>> {
        match &self.offered {
            Offered::Functions { project, kind } => function_items(project, *kind),
            Offered::Listed(items) => items.clone(),
        }
    }
}

/// The completions at `offset`, or `None` when the cursor is not where base44-lsp
/// completes anything (other servers' completions then stand alone).
pub fn complete<'i>(
    index: &'i WorkspaceIndex,
    path: &Path,
    src: &str,
    tree: Option<&Tree>,
    offset: usize,
    facts: &FileFacts,
) -> Option<Completions<'i>> {
    let project = index.project_of(path)?;
    // A string that names a function: `invoke("|")`, `functions["|"]`, a wrapper's argument.
    if let Some(site) = facts.site_at(tree, src, offset, Some(SiteForm::Literal)) {
        return Some(Completions { replace: site.content, offered: Offered::Functions { project, kind: site.kind } });
    }
    if let Some(keys) = super::response_keys::complete_response_keys(project, src, tree, offset, facts) {
        return Some(keys);
    }
    complete_inputs(project, src, tree?, offset, facts)
}

fn function_items(project: &ProjectIndex, kind: CallKind) -> Vec<Completion<'_>> {
    let mut items: Vec<Completion> = project
        .functions
        .iter()
        .map(|function| {
            let new_text = match kind {
                CallKind::Invoke => Cow::Borrowed(function.name.as_str()),
                CallKind::Fetch => Cow::Owned(format!("/{}", function.name)),
            };
            Completion { kind: CompletionKind::Function, label: &function.name, detail: None, new_text }
        })
        .collect();
    // Two functions can claim a name (a problem flagged elsewhere); offer it once.
    items.dedup_by(|a, b| a.label == b.label);
    items
}

/// Where a function lives and its documentation, for a completion item being shown.
pub fn function_details(index: &WorkspaceIndex, path: &Path, name: &str) -> Option<(String, Option<String>)> {
    let project = index.project_of(path)?;
    let function = project.function(name)?;
    Some((describe_location(project, function), documentation(function)))
}

/// `base44/functions/process-order/entry.ts`, relative to the project root.
pub fn describe_location(project: &ProjectIndex, function: &FunctionDef) -> String {
    let file = function.config.as_ref().unwrap_or(&function.entry);
    slash_path(file.strip_prefix(&project.project.root).unwrap_or(file))
}

fn complete_inputs<'i>(
    project: &'i ProjectIndex,
    src: &str,
    tree: &Tree,
    offset: usize,
    facts: &FileFacts,
) -> Option<Completions<'i>> {
    let object = enclosing_data_object(tree, src, offset)?;
    // The data of a call the analysis knows (a wrapper's, a function object's), else of an
    // `invoke` written there (the analysis may not have caught up with the typing).
    let known = facts.sites.iter().find(|s| s.data.as_ref() == Some(&object.byte_range())).cloned();
    let site = known.or_else(|| calls::call_site_of(object.parent()?.parent()?, src))?;
    if site.kind != CallKind::Invoke || site.data.as_ref() != Some(&object.byte_range()) {
        return None;
    }
    let function = project.function(&site.value)?;
    let inputs = &function.contract.as_ref()?.inputs;
    let word_start = src[..offset].rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).map_or(0, |i| i + 1);
    let present = present_keys(object, src);
    let items = inputs
        .iter()
        .filter(|input| !present.contains(&input.name))
        .map(|input| Completion {
            kind: CompletionKind::Input,
            label: &input.name,
            detail: Some(format!(
                "{} input of {}",
                if input.required { "required" } else { "optional" },
                function.name
            )),
            new_text: Cow::Borrowed(&input.name),
        })
        .collect();
    Some(Completions { replace: word_start..offset, offered: Offered::Listed(items) })
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
        .map(|key| crate::syntax::text(key, src).trim_matches(['"', '\'']).to_string())
        .collect()
}

#[cfg(test)]
mod tests;
