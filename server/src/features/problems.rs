//! Every file's problems as the workspace changes: which files a change can give other
//! diagnostics, and those files checked again as `check` would check them. The whole workspace
//! is checked while it is indexed (`checks::batch::read_and_check`); after that, a changed file
//! and the files that import it, or a project whose functions changed and the files that name
//! those functions, are checked again, one by one.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::checks::check_file;
use crate::modules::index::WorkspaceIndex;
use crate::project::index::ProjectIndex;
use crate::syntax::diagnostics::Diagnostic;
use crate::syntax::{Lang, parse};

/// How many importers deep a function's change is followed: a file reads a function's response
/// through helpers of other files, as far as the module graph's reading goes.
const IMPORTER_DEPTH: usize = 4;

/// The diagnostics `check` gives one file whose text is `text` (nothing outside a project). A
/// source file is parsed and checked against the index; another (a function's config, the types
/// file) has its project's problems.
pub fn recheck(index: &WorkspaceIndex, path: &Path, text: &str) -> Vec<Diagnostic> {
    let Some(project) = index.project_of(path) else { return Vec::new() };
    let tree = Lang::from_path(path).and_then(|lang| parse(text, lang, None));
    let mut diagnostics = match tree {
        Some(tree) => check_file(index, index, path, text, &tree).diagnostics,
        None => project.problems.iter().filter(|d| d.path == path).cloned().collect(),
    };
    diagnostics.sort_by_key(|d| (d.range.start, d.range.end));
    diagnostics
}

/// The files whose diagnostics a change of one project's functions (`before` → `after`) can
/// change: the files that hold its problems, before or after; the files with a call site that
/// names a function whose definition changed (its response keys, its inputs), or, when names
/// came or went, a name that is unknown (its did-you-mean may change); and the files that import
/// those, a few imports deep, since a helper's response is checked where it is read.
pub fn affected_by_functions(index: &WorkspaceIndex, before: &ProjectIndex, after: &ProjectIndex) -> Vec<PathBuf> {
    let changed = changed_names(before, after);
    let mut affected: HashSet<PathBuf> =
        before.problems.iter().chain(&after.problems).map(|problem| problem.path.clone()).collect();
    if !changed.is_empty() {
        let names_moved =
            before.functions.len() != after.functions.len() || before.names().zip(after.names()).any(|(a, b)| a != b);
        let relevant = |project: &ProjectIndex, site: &crate::modules::calls::CallSite| match site
            .target(|name| project.function(name).is_some())
        {
            Some((name, _)) => changed.contains(name),
            None => names_moved,
        };
        let mut frontier: Vec<PathBuf> = index
            .modules
            .files
            .iter()
            .filter(|(path, _)| after.project.contains(path))
            .filter(|(_, facts)| facts.sites.iter().any(|site| relevant(before, site) || relevant(after, site)))
            .map(|(path, _)| path.clone())
            .collect();
        let importers = importers_by_file(index);
        for _ in 0..=IMPORTER_DEPTH {
            let mut next = Vec::new();
            for path in frontier {
                if affected.insert(path.clone()) {
                    next.extend(importers.get(&path).into_iter().flatten().cloned());
                }
            }
            frontier = next;
        }
    }
    let mut affected: Vec<PathBuf> = affected.into_iter().collect();
    affected.sort();
    affected
}

/// The names whose definitions differ between the two (added, removed or changed).
fn changed_names(before: &ProjectIndex, after: &ProjectIndex) -> HashSet<String> {
    let all: HashSet<&str> = before.names().chain(after.names()).collect();
    all.into_iter()
        .filter(|name| before.functions_named(name) != after.functions_named(name))
        .map(str::to_string)
        .collect()
}

/// Each analysed file's importers, computed once (the graph keeps only each file's imports).
fn importers_by_file(index: &WorkspaceIndex) -> HashMap<PathBuf, Vec<PathBuf>> {
    let mut importers: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
    for (path, facts) in &index.modules.files {
        for dep in &facts.deps {
            importers.entry(dep.clone()).or_default().push(path.clone());
        }
    }
    importers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::index::BuildOptions;
    use crate::project::sources::{Disk, Sources};
    use crate::testing::TempTree;

    const APP: &[(&str, &str)] = &[
        ("base44/config.jsonc", "{}"),
        ("base44/functions/a/entry.ts", "Deno.serve(() => Response.json({ ok: true }));\n"),
        ("base44/functions/b/entry.ts", "Deno.serve(() => Response.json({ done: true }));\n"),
        ("src/calls-a.js", "base44.functions.invoke('a');\n"),
        ("src/calls-b.js", "base44.functions.invoke('b');\n"),
        ("src/calls-c.js", "base44.functions.invoke('c');\n"),
        ("src/api.js", "export const loadB = () => base44.functions.invoke('b');\n"),
        ("src/page.js", "import { loadB } from './api.js';\nconst r = await loadB();\nr.done;\n"),
        ("src/plain.js", "export const x = 1;\n"),
    ];

    fn affected(change: impl FnOnce(&TempTree)) -> Vec<String> {
        let tree = TempTree::new(APP);
        let folders = [tree.path().to_path_buf()];
        let options = BuildOptions { modules: true, ..BuildOptions::default() };
        let (mut index, _) = WorkspaceIndex::build(&folders, &Disk, options);
        let before = index.projects[0].clone();
        change(&tree);
        index.reindex_project(&before.project.root, &Disk);
        let after = index.projects[0].clone();
        let relative = |p: &PathBuf| p.strip_prefix(tree.path()).unwrap_or(p).display().to_string();
        affected_by_functions(&index, &before, &after).iter().map(relative).collect()
    }

    fn write(tree: &TempTree, path: &str, text: &str) {
        std::fs::write(tree.path().join(path), text).expect("write");
    }

    #[test]
    fn a_changed_function_reaches_its_callers_and_their_importers() {
        let found =
            affected(|tree| write(tree, "base44/functions/b/entry.ts", "Deno.serve(() => Response.json({}));\n"));
        assert_eq!(found, ["src/api.js", "src/calls-b.js", "src/page.js"]);
    }

    #[test]
    fn a_new_function_reaches_unknown_names_and_its_callers() {
        let found = affected(|tree| {
            std::fs::create_dir_all(tree.path().join("base44/functions/c")).expect("mkdir");
            write(tree, "base44/functions/c/entry.ts", "Deno.serve(() => new Response());\n");
        });
        assert_eq!(found, ["src/calls-c.js"]);
    }

    #[test]
    fn problems_that_come_or_go_are_rechecked_and_nothing_else_when_names_stay() {
        let found = affected(|tree| write(tree, "base44/functions/a/entry.ts", "const nothing = 1;\n"));
        assert_eq!(found, ["base44/functions/a/entry.ts", "src/calls-a.js"]);
        let same = affected(|tree| write(tree, "src/plain.js", "export const x = 2;\n"));
        assert_eq!(same, Vec::<String>::new());
    }

    #[test]
    fn a_recheck_is_what_check_says_of_the_file() {
        let tree = TempTree::new(APP);
        let folders = [tree.path().to_path_buf()];
        let report = crate::checks::batch::check_workspace(&folders, &Disk, Vec::new());
        let options = BuildOptions { modules: true, ..BuildOptions::default() };
        let (index, scan) = WorkspaceIndex::build(&folders, &Disk, options);
        let mut rechecked: Vec<(String, Vec<String>)> = Vec::new();
        for path in &scan.files {
            let found = Disk.read(path).map(|text| recheck(&index, path, &text)).unwrap_or_default();
            if !found.is_empty() {
                let relative = path.strip_prefix(tree.path()).unwrap_or(path).display().to_string();
                rechecked.push((relative, found.iter().map(|d| format!("{} {:?}", d.code, d.range)).collect()));
            }
        }
        let checked: Vec<(String, Vec<String>)> = report
            .files
            .iter()
            .map(|f| {
                let relative = f.path.strip_prefix(tree.path()).unwrap_or(&f.path).display().to_string();
                (relative, f.diagnostics.iter().map(|d| format!("{} {:?}", d.code, d.range)).collect())
            })
            .collect();
        assert_eq!(rechecked, checked);
        let expected = [("src/calls-c.js", "unknown-function 25..26"), ("src/page.js", "invoke-result-field 59..65")];
        let expected: Vec<(String, Vec<String>)> =
            expected.iter().map(|(path, found)| (path.to_string(), vec![found.to_string()])).collect();
        assert_eq!(checked, expected);
    }
}
