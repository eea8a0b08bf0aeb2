//! The functions of one project, found the way the Base44 CLI finds them
//! (`readAllFunctions`), and the problems the CLI would refuse to deploy.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::project::contract::{Contract, infer_contract};
use crate::project::serve::{Serve, find_serve};
use crate::project::sources::Sources;
use crate::project::{Layout, Project, confine, outside_project};
use crate::syntax::diagnostics::{Diagnostic, Severity};
use crate::syntax::jsonc;
use crate::syntax::{self, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionDef {
    pub name: String,
    pub entry: PathBuf,
    /// The `function.json(c)` that declares it, for config-declared functions.
    pub config: Option<PathBuf>,
    /// How the entry serves requests; `None` when it does not (or cannot be read).
    pub serve: Option<Serve>,
    /// What it reads, answers and uses, read off its entry; `None` when the entry was not
    /// read (the names-only phase of indexing) or cannot be.
    pub contract: Option<Contract>,
}

#[derive(Debug, Clone, Default)]
pub struct FunctionIndex {
    /// Sorted by name.
    pub functions: Vec<FunctionDef>,
    pub problems: Vec<Diagnostic>,
}

const CONFIG_FILES: [&str; 2] = ["function.jsonc", "function.json"];
const ENTRY_FILES: [&str; 2] = ["entry.ts", "entry.js"];

/// Indexes the functions of `project` among `files` (every file under its functions
/// folder, from the workspace scan).
/// How much of each entry to read while indexing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryReading {
    /// Names only, from paths and configs: what completion and unknown-name checks need,
    /// fast enough to answer the first request. No serve checks.
    NamesOnly,
    /// Parse every entry: how it serves, its doc comment, its inputs.
    Full,
}

pub fn index_functions(
    project: &Project,
    files: &[PathBuf],
    sources: &dyn Sources,
    reading: EntryReading,
) -> FunctionIndex {
    let mut problems = Vec::new();
    let candidates = match project.layout {
        Layout::Base44 => base44_candidates(project, files, sources, &mut problems),
        Layout::Flat => flat_candidates(project, files),
    };
    let mut functions: Vec<FunctionDef> = candidates
        .into_par_iter()
        .filter_map(|(name, entry, config)| {
            // The flat layout's functions are the files that serve: it cannot skip parsing.
            if reading == EntryReading::NamesOnly && project.layout == Layout::Base44 {
                return Some(FunctionDef { name, entry, config, serve: None, contract: None });
            }
            let (serve, contract) = sources.read(&entry).map(|text| read_entry(&entry, &text)).unwrap_or_default();
            if project.layout == Layout::Flat && serve.is_none() {
                return None;
            }
            Some(FunctionDef { name, entry, config, serve, contract })
        })
        .collect();
    functions.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.entry.cmp(&b.entry)));
    report_duplicates(project, &functions, sources, &mut problems);
    if project.layout == Layout::Base44 && reading == EntryReading::Full {
        for function in functions.iter().filter(|f| f.serve.is_none() && f.entry.is_file()) {
            problems.push(missing_serve(function, &sources.read(&function.entry).unwrap_or_default()));
        }
    }
    FunctionIndex { functions, problems }
}

/// How an entry serves and which inputs it reads.
pub fn read_entry(path: &Path, text: &str) -> (Option<Serve>, Option<Contract>) {
    let lang = Lang::from_path(path).unwrap_or(Lang::TypeScript);
    match syntax::parse(text, lang, None) {
        Some(tree) => {
            let serve = find_serve(&tree, text);
            let contract = infer_contract(&tree, text, serve.as_ref());
            (serve, Some(contract))
        }
        None => (None, None),
    }
}

type Candidate = (String, PathBuf, Option<PathBuf>);

fn base44_candidates(
    project: &Project,
    files: &[PathBuf],
    sources: &dyn Sources,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Candidate> {
    let dir = &project.functions_dir;
    let mut candidates = Vec::new();
    let mut configured_dirs = HashSet::new();
    let mut configs = Vec::new();
    for config in files.iter().filter(|f| has_file_name(f, &CONFIG_FILES)) {
        let Some(rel) = config.parent().and_then(|p| p.strip_prefix(dir).ok()) else {
            continue;
        };
        if let Some(dotted) = dotted_component(rel) {
            problems.push(dotted_folder(config, rel, &dotted));
            continue;
        }
        if let Some(folder) = config.parent() {
            configured_dirs.insert(folder.to_path_buf());
        }
        configs.push(config);
    }
    // Read on every core (a project may have hundreds), then kept in the order listed.
    let read: Vec<(Option<Candidate>, Vec<Diagnostic>)> = configs
        .par_iter()
        .map(|config| {
            let mut found = Vec::new();
            (read_function_config(project, config, sources, &mut found), found)
        })
        .collect();
    for (candidate, found) in read {
        problems.extend(found);
        candidates.extend(candidate);
    }
    for entry in files.iter().filter(|f| has_file_name(f, &ENTRY_FILES)) {
        let Some(folder) = entry.parent() else {
            continue;
        };
        if configured_dirs.contains(folder) {
            continue;
        }
        let Ok(rel) = folder.strip_prefix(dir) else {
            continue;
        };
        if rel.as_os_str().is_empty() {
            problems.push(Diagnostic::new(
                entry,
                0..0,
                Severity::Error,
                "entry-in-functions-root",
                "An entry file directly in the functions folder is not a function: move it into a folder named after the function",
            ));
            continue;
        }
        if let Some(dotted) = dotted_component(rel) {
            problems.push(dotted_folder(entry, rel, &dotted));
            continue;
        }
        candidates.push((slash_path(rel), entry.clone(), None));
    }
    candidates
}

fn read_function_config(
    project: &Project,
    config: &Path,
    sources: &dyn Sources,
    problems: &mut Vec<Diagnostic>,
) -> Option<Candidate> {
    let text = sources.read(config)?;
    let invalid =
        |range, message: String| Diagnostic::new(config, range, Severity::Error, "invalid-function-config", message);
    let object = match jsonc::parse_object(&text) {
        Ok(object) => object,
        Err(err) => {
            problems.push(invalid(err.range, format!("Function config is not valid JSONC: {}", err.message)));
            return None;
        }
    };
    let whole = 0..text.len().min(1);
    let (Some(name), Some(entry)) = (object.string("name"), object.string("entry")) else {
        let missing: Vec<&str> = ["name", "entry"].into_iter().filter(|k| object.string(k).is_none()).collect();
        let range = missing.iter().find_map(|k| object.range_of(k)).unwrap_or(whole);
        problems.push(invalid(range, format!("Function config needs a string {}", missing.join(" and "))));
        return None;
    };
    let name_range = object.range_of("name").unwrap_or(whole.clone());
    let name = name.trim();
    if let Some(problem) = name_problem(name) {
        problems.push(Diagnostic::new(config, name_range, Severity::Error, "invalid-function-name", problem));
        return None;
    }
    let entry_range = object.range_of("entry").unwrap_or(whole.clone());
    let entry_path = match confine::inside(&project.root, &config.parent()?.join(entry)) {
        Ok(path) => path,
        Err(outside) => {
            problems.push(outside_project(config, entry_range, &format!("Function entry \"{entry}\""), &outside));
            return None;
        }
    };
    if !entry_path.is_file() {
        problems.push(Diagnostic::new(
            config,
            object.range_of("entry").unwrap_or(whole),
            Severity::Error,
            "missing-entry",
            format!("Function entry file not found: {entry}"),
        ));
        return None;
    }
    Some((name.to_string(), entry_path, Some(config.to_path_buf())))
}

fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        Some("A function name may not be empty".into())
    } else if name.contains('.') {
        Some(format!("Function name \"{name}\" may not contain a dot"))
    } else {
        None
    }
}

/// Builder exports: every script under `functions/` that serves, named by its path
/// without extension. Folders starting with `_` or `.` hold helpers.
fn flat_candidates(project: &Project, files: &[PathBuf]) -> Vec<Candidate> {
    files
        .iter()
        .filter(|f| Lang::from_path(f).is_some())
        .filter_map(|file| {
            let rel = file.strip_prefix(&project.functions_dir).ok()?;
            let helper = rel
                .parent()
                .is_some_and(|p| p.components().any(|c| c.as_os_str().to_string_lossy().starts_with(['_', '.'])));
            if helper || rel.to_string_lossy().ends_with(".d.ts") {
                return None;
            }
            let name = slash_path(&rel.with_extension(""));
            name_problem(&name).is_none().then(|| (name, file.clone(), None))
        })
        .collect()
}

fn report_duplicates(
    project: &Project,
    functions: &[FunctionDef],
    sources: &dyn Sources,
    problems: &mut Vec<Diagnostic>,
) {
    let mut by_name: BTreeMap<&str, Vec<&FunctionDef>> = BTreeMap::new();
    for function in functions {
        by_name.entry(&function.name).or_default().push(function);
    }
    for (name, defs) in by_name.into_iter().filter(|(_, defs)| defs.len() > 1) {
        for def in &defs {
            let others: Vec<String> = defs
                .iter()
                .filter(|d| d.entry != def.entry)
                .map(|d| {
                    let file = d.config.as_ref().unwrap_or(&d.entry);
                    slash_path(file.strip_prefix(&project.root).unwrap_or(file))
                })
                .collect();
            let (file, range) = match &def.config {
                Some(config) => {
                    let range = sources
                        .read(config)
                        .and_then(|t| jsonc::parse_object(&t).ok())
                        .and_then(|o| o.range_of("name"))
                        .unwrap_or(0..0);
                    (config.clone(), range)
                }
                None => (def.entry.clone(), 0..0),
            };
            problems.push(Diagnostic::new(
                file,
                range,
                Severity::Error,
                "duplicate-function",
                format!("Duplicate function name \"{name}\": also defined by {}", others.join(", ")),
            ));
        }
    }
}

/// An entry that never answers: reported on its first line.
pub fn missing_serve(function: &FunctionDef, text: &str) -> Diagnostic {
    let first_line = text.find('\n').unwrap_or(text.len());
    Diagnostic::new(
        &function.entry,
        0..first_line,
        Severity::Error,
        "missing-serve",
        format!(
            "Function \"{}\" never answers a request: call Deno.serve(handler) or export a default handler",
            function.name
        ),
    )
}

fn dotted_folder(file: &Path, rel: &Path, dotted: &str) -> Diagnostic {
    Diagnostic::new(
        file,
        0..0,
        Severity::Warning,
        "dotted-folder-skipped",
        format!(
            "The Base44 CLI will not deploy this: the folder \"{dotted}\" has a dot in its name (in {}), and the CLI skips such folders",
            slash_path(rel)
        ),
    )
}

fn dotted_component(rel: &Path) -> Option<String> {
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).find(|c| c.contains('.'))
}

fn has_file_name(path: &Path, names: &[&str]) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| names.contains(&n))
}

/// A relative path with `/` separators, as function names are written.
pub fn slash_path(rel: &Path) -> String {
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests;
