//! Go to definition, find references, rename and hover for function names: from a call
//! site's string, or from anywhere in a function's own entry file.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use tree_sitter::Tree;

use crate::checks::names::name_edit;
use crate::features::completion::{describe_location, documentation};
use crate::modules::calls::CallSite;
use crate::modules::graph::FileFacts;
use crate::modules::index::WorkspaceIndex;
use crate::project::Layout;
use crate::project::functions::FunctionDef;
use crate::project::index::ProjectIndex;
use crate::project::serve::ServeKind;
use crate::project::sources::Sources;
use crate::syntax::jsonc;

/// The function under the cursor, and the range of its name when the cursor is on a call.
pub struct Target<'i> {
    pub project: &'i ProjectIndex,
    pub function: &'i FunctionDef,
    pub name_range: Option<Range<usize>>,
    /// The name is written at the cursor (not a call of a function object named elsewhere),
    /// so a rename can start there.
    pub renames_here: bool,
}

/// The function under the cursor: on a site of the file (from its analysis), on a
/// call string the tree cannot make sense of yet, or on an entry's serve line.
pub fn target_at<'i>(
    index: &'i WorkspaceIndex,
    path: &Path,
    src: &str,
    tree: Option<&Tree>,
    offset: usize,
    facts: &FileFacts,
) -> Option<Target<'i>> {
    let project = index.project_of(path)?;
    if let Some(site) = facts.site_at(tree, src, offset, None) {
        let (name, range) = site.target(|name| project.function(name).is_some())?;
        let function = project.function(name)?;
        let renames_here = site.names_here();
        return Some(Target { project, function, name_range: Some(range), renames_here });
    }
    // In an entry, the line that starts serving (`Deno.serve(` or `export default`)
    // stands for the function; elsewhere the file's own symbols are left to others.
    let function = project.function_of_file(path)?;
    // Read off the file on disk: the open text may have moved on (found by fuzzing).
    let serve_start = crate::syntax::text::floor_char_boundary(src, function.serve.as_ref()?.range.start);
    let line_start = src[..serve_start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[serve_start..].find('\n').map_or(src.len(), |i| serve_start + i);
    (line_start..=line_end).contains(&offset).then_some(Target {
        project,
        function,
        name_range: None,
        renames_here: false,
    })
}

/// Where go-to-definition lands: the handler in the entry, or the entry's start.
pub fn definition(function: &FunctionDef) -> (PathBuf, usize) {
    let offset = function.serve.as_ref().map_or(0, |s| s.handler.as_ref().unwrap_or(&s.range).start);
    (function.entry.clone(), offset)
}

/// The call sites of every file: open documents' (current text) over the index's
/// (as last read from disk).
pub fn all_call_sites<'a>(
    index: &'a WorkspaceIndex,
    open: &'a HashMap<PathBuf, Vec<CallSite>>,
) -> impl Iterator<Item = (&'a Path, &'a CallSite)> {
    let from_open = open.iter().flat_map(|(path, sites)| sites.iter().map(move |s| (path.as_path(), s)));
    let from_index = index.call_sites().filter(|(path, _)| !open.contains_key(*path));
    from_open.chain(from_index)
}

/// Every site of `function` in its project: the file, the site and the range of the name
/// (for a call through a function object named elsewhere, of the callee).
pub fn reference_sites<'a>(
    index: &'a WorkspaceIndex,
    open: &'a HashMap<PathBuf, Vec<CallSite>>,
    project: &ProjectIndex,
    function: &FunctionDef,
) -> Vec<(&'a Path, &'a CallSite, Range<usize>)> {
    let mut found: Vec<(&Path, &CallSite, Range<usize>)> = all_call_sites(index, open)
        .filter(|(path, _)| index.project_of(path).is_some_and(|p| p.project.root == project.project.root))
        .filter_map(|(path, site)| {
            let (name, range) = site.target(|name| project.function(name).is_some())?;
            (name == function.name).then_some((path, site, range))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(b.0).then(a.2.start.cmp(&b.2.start)));
    found.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    found
}

/// Every call of `function` in its project: the file and the range of the name.
pub fn references(
    index: &WorkspaceIndex,
    open: &HashMap<PathBuf, Vec<CallSite>>,
    project: &ProjectIndex,
    function: &FunctionDef,
) -> Vec<(PathBuf, Range<usize>)> {
    reference_sites(index, open, project, function)
        .into_iter()
        .map(|(path, _, range)| (path.to_path_buf(), range))
        .collect()
}

/// What renaming a function changes: the text of call sites (and of the config that
/// names it), or the folder or file whose path is its name.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RenamePlan {
    pub edits: Vec<(PathBuf, Range<usize>, String)>,
    pub moves: Vec<(PathBuf, PathBuf)>,
}

pub fn rename(
    index: &WorkspaceIndex,
    open: &HashMap<PathBuf, Vec<CallSite>>,
    target: &Target,
    new_name: &str,
    sources: &dyn Sources,
) -> Result<RenamePlan, String> {
    let new_name = new_name.trim();
    if new_name.is_empty() || new_name.contains('.') {
        return Err(format!("\"{new_name}\" is not a valid function name: it must be non-empty and hold no dot"));
    }
    if target.project.function(new_name).is_some() {
        return Err(format!("A function named \"{new_name}\" already exists"));
    }
    let function = target.function;
    let mut plan = RenamePlan::default();
    let mut texts: HashMap<&Path, Option<String>> = HashMap::new();
    for (path, site, range) in reference_sites(index, open, target.project, function) {
        // A call through a function object bound elsewhere names the function where it is bound.
        if !site.names_here() {
            continue;
        }
        let Some(text) = texts.entry(path).or_insert_with(|| sources.read(path)).as_deref() else { continue };
        if let Some((range, new_text)) = name_edit(site, text, range, new_name) {
            plan.edits.push((path.to_path_buf(), range, new_text));
        }
    }
    let project = &target.project.project;
    match (&function.config, project.layout) {
        (Some(config), _) => {
            let text = sources.read(config).ok_or("The function's config cannot be read")?;
            let object = jsonc::parse_object(&text).map_err(|e| e.message)?;
            let range = object.range_of("name").ok_or("The function's config has no name")?;
            plan.edits.push((config.clone(), range, format!("\"{new_name}\"")));
        }
        (None, Layout::Base44) => {
            let folder = function.entry.parent().ok_or("The entry has no folder")?;
            plan.moves.push((folder.to_path_buf(), project.functions_dir.join(new_name)));
        }
        (None, Layout::Flat) => {
            let ext = function.entry.extension().and_then(|e| e.to_str()).unwrap_or("ts");
            plan.moves.push((function.entry.clone(), project.functions_dir.join(format!("{new_name}.{ext}"))));
        }
    }
    Ok(plan)
}

/// Hover text for a function, as Markdown.
pub fn hover(target: &Target) -> String {
    let function = target.function;
    let serves = match (function.serve.as_ref().map(|s| s.kind), &function.contract) {
        (Some(ServeKind::DenoServe), _) => "serves with `Deno.serve`",
        (Some(ServeKind::DefaultExport), _) => "serves its default export",
        // Not read yet (the names come first while indexing).
        (None, None) => "entry not read yet",
        (None, Some(_)) => "**never answers a request** (no `Deno.serve`, no default export)",
    };
    let mut text = format!(
        "**{}** (Base44 function, {})\n\n`{}`: {serves}",
        function.name,
        target.project.project.label(),
        describe_location(target.project, function)
    );
    if let Some(doc) = documentation(function) {
        text.push_str("\n\n---\n\n");
        text.push_str(&doc);
    }
    text
}

#[cfg(test)]
mod tests;
