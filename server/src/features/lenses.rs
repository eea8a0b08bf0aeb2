//! The invoke actions a document offers: on a function's entry (run it, count its
//! calls) and on each `invoke("name", {…})` whose payload is a static literal. Code
//! lenses show them; code actions offer them to editors without lenses.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tree_sitter::{Node, Tree};

use crate::features::navigation::references;
use crate::modules::calls::{CallKind, CallSite, SiteForm};
use crate::modules::index::WorkspaceIndex;
use crate::syntax::json_literal::json_literal;

/// Run `function` with `data` (`None`: no payload written).
#[derive(Debug, Clone, PartialEq)]
pub struct InvokeAction {
    pub function: String,
    pub data: Option<Value>,
    /// Where the action applies: the entry's serve statement, or the call.
    pub range: Range<usize>,
    pub on_entry: bool,
}

/// The calls of the function whose entry this document is.
#[derive(Debug, Clone, PartialEq)]
pub struct CallCount {
    pub function: String,
    pub range: Range<usize>,
    pub calls: Vec<(PathBuf, Range<usize>)>,
}

#[derive(Debug, Default, PartialEq)]
pub struct DocumentActions {
    pub invokes: Vec<InvokeAction>,
    pub call_count: Option<CallCount>,
}

pub fn document_actions(
    index: &WorkspaceIndex,
    open: &HashMap<PathBuf, Vec<CallSite>>,
    path: &Path,
    src: &str,
    tree: &Tree,
    sites: &[CallSite],
) -> DocumentActions {
    let mut actions = DocumentActions::default();
    let Some(project) = index.project_of(path) else { return actions };
    if let Some(function) = project.function_with_entry(path) {
        let serve = crate::project::serve::find_serve(tree, src);
        let range = serve.map_or(0..0, |s| s.range.start..s.range.start);
        actions.invokes.push(InvokeAction {
            function: function.name.clone(),
            data: None,
            range: range.clone(),
            on_entry: true,
        });
        let calls = references(index, open, project, function);
        actions.call_count = Some(CallCount { function: function.name.clone(), range, calls });
    }
    // Calls only: a function object read but not called (`export const x = functions.x`) runs nothing.
    let calls = sites.iter().filter(|s| s.kind == CallKind::Invoke && s.form != SiteForm::Property || s.member_call);
    for site in calls.filter(|s| !matches!(s.form, SiteForm::PatternKey { .. })) {
        if project.function(&site.value).is_none() {
            continue;
        }
        let data = match &site.data {
            None => None,
            Some(range) => match node_at(tree, range).and_then(|node| json_literal(node, src)) {
                Some(value) => Some(value),
                // A payload built at run time cannot be replayed from the editor.
                None => continue,
            },
        };
        actions.invokes.push(InvokeAction {
            function: site.value.clone(),
            data,
            range: site.call.clone(),
            on_entry: false,
        });
    }
    actions
}

fn node_at<'t>(tree: &'t Tree, range: &Range<usize>) -> Option<Node<'t>> {
    let node = tree.root_node().descendant_for_byte_range(range.start, range.end)?;
    let mut node = node;
    while node.byte_range() != *range {
        node = node.parent()?;
        if node.start_byte() < range.start {
            return None;
        }
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Cursor, SHOP};

    fn actions(marked: &str) -> Vec<String> {
        let cursor = Cursor::new(SHOP, marked);
        let tree = cursor.syntax().expect("parses");
        let sites = cursor.sites();
        let found = document_actions(&cursor.index, &HashMap::new(), &cursor.path, &cursor.text, &tree, &sites);
        found
            .invokes
            .iter()
            .map(|a| format!("{} {}", a.function, a.data.as_ref().map_or("-".into(), |d| d.to_string())))
            .collect()
    }

    #[test]
    fn static_payloads_only() {
        assert_eq!(
            actions(
                "$0base44.functions.invoke('process-order', { orderId: 'o1', n: [1, -2] });\n\
                 base44.functions.invoke('process-order', { orderId });\n\
                 base44.functions.invoke('checkStock');\n\
                 base44.functions.invoke('nope', {});\n\
                 base44.functions.fetch('/checkStock', {});"
            ),
            [r#"process-order {"orderId":"o1","n":[1,-2]}"#, "checkStock -"]
        );
    }
}
