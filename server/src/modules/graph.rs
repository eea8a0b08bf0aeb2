//! The module graph: each analysed file's facts (its call sites, the shape of its exports,
//! what it re-exports, the files it imports), and the lookups between them: what a file's
//! imports bring it (following re-exports and `export *`), and which files import a file.
//! Cycles and unresolved imports simply stop a lookup.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tree_sitter::Tree;

use super::calls::{CallSite, Namer, SiteForm, call_site_at};
use super::flow::env::{ConfiguredWrapper, Env, Imported as ImportedBinding};
use super::flow::index::Index;
use super::flow::shape::Shape;
use super::flow::{FileFlow, analyse};
use super::imports::{Imported, ModuleSyntax, ReExport};
use super::resolve::{Resolver, Target};

/// How many re-exports a lookup follows.
const MAX_HOPS: usize = 8;

/// What the index keeps of an analysed file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileFacts {
    /// Every site naming a function, in document order.
    pub sites: Vec<CallSite>,
    /// The shape of each export other files' calls can reach.
    pub exports: Vec<(String, Shape)>,
    pub reexports: Vec<ReExport>,
    /// The project files it imports or re-exports from.
    pub deps: Vec<PathBuf>,
    /// The names whose calls name a function at an argument (for the site at a cursor).
    pub namers: Vec<Namer>,
    /// Helpers of other files (file, export) whose raw response this file reads as one.
    pub raw_uses: Vec<(PathBuf, String)>,
    /// The expressions that hold a named function's JSON (kept for open documents only: the
    /// index has no use for them).
    pub json_spots: Vec<(std::ops::Range<usize>, String)>,
}

impl FileFacts {
    /// The site whose name holds `offset` (ends included), of the form `only` when given;
    /// else the one the tree or the line around the cursor says (half-typed code).
    pub fn site_at(&self, tree: Option<&Tree>, src: &str, offset: usize, only: Option<SiteForm>) -> Option<CallSite> {
        let known = self
            .sites
            .iter()
            .find(|s| only.is_none_or(|form| s.form == form) && s.content.start <= offset && offset <= s.content.end);
        known.cloned().or_else(|| call_site_at(tree, src, offset, &self.namers))
    }

    /// What other files' calls and checks can reach through this file: its exports that
    /// name functions or are clients, and its re-exports.
    pub fn reach_summary(&self) -> (Vec<(String, Shape)>, Vec<ReExport>) {
        let reaching = |shape: &Shape| shape.names_functions() || matches!(shape, Shape::Client | Shape::OtherClient);
        let exports = self.exports.iter().filter(|(_, shape)| reaching(shape)).cloned().collect();
        (exports, self.reexports.clone())
    }

    pub fn uses_raw(&self, helper: &Path, name: &str) -> bool {
        self.raw_uses.iter().any(|(path, export)| path == helper && export == name)
    }

    /// Whether other files' calls can reach anything through this file.
    pub fn exports_anything(&self) -> bool {
        !self.exports.is_empty() || !self.reexports.is_empty()
    }
}

/// Facts by file: the index's, with open documents' laid over them by the editor.
pub trait FactsSource: Sync {
    fn facts(&self, path: &Path) -> Option<Arc<FileFacts>>;

    /// Whether some file reads the raw response a helper returns as one (`res.data`).
    fn raw_response_used(&self, helper: &Path, name: &str) -> bool;
}

#[derive(Debug, Clone, Default)]
pub struct ModuleGraph {
    pub files: HashMap<PathBuf, Arc<FileFacts>>,
    pub resolver: Arc<Resolver>,
    /// Wrappers named in the settings.
    pub wrappers: Arc<Vec<ConfiguredWrapper>>,
}

impl FactsSource for ModuleGraph {
    fn facts(&self, path: &Path) -> Option<Arc<FileFacts>> {
        self.files.get(path).cloned()
    }

    fn raw_response_used(&self, helper: &Path, name: &str) -> bool {
        self.files.values().any(|facts| facts.uses_raw(helper, name))
    }
}

/// One file analysed: the node index (the checks look around observations with it), the
/// flow's findings, and the facts the index keeps.
pub struct Analysis<'t, 's> {
    pub index: Index<'t, 's>,
    pub flow: FileFlow<'t>,
    pub facts: FileFacts,
}

impl ModuleGraph {
    /// Analyses a parsed file against what its imports bring, from `facts`.
    pub fn analyse<'t, 's>(
        &self,
        facts: &dyn FactsSource,
        path: &Path,
        src: &'s str,
        tree: &'t Tree,
    ) -> Analysis<'t, 's> {
        let index = Index::build(tree, src);
        let module = ModuleSyntax::read(tree, src);
        let (env, deps) = self.env_for(facts, path, &module);
        let flow = analyse(&index, &module, &env, path);
        let facts = FileFacts {
            sites: flow.sites.clone(),
            exports: flow.exports.clone(),
            reexports: module.reexports.clone(),
            deps,
            namers: flow.namers.clone(),
            raw_uses: flow.raw_uses.clone(),
            json_spots: flow.json_spots.clone(),
        };
        Analysis { index, flow, facts }
    }

    /// What each import of `module` (in `path`) brings, and the project files it imports.
    pub fn env_for(&self, facts: &dyn FactsSource, path: &Path, module: &ModuleSyntax) -> (Env, Vec<PathBuf>) {
        let mut imports = HashMap::new();
        let mut deps = Vec::new();
        for import in &module.imports {
            let binding = match self.resolver.resolve(path, &import.source) {
                Target::File(file) => {
                    let shape = self.imported_shape(facts, &file, &import.imported, &mut HashSet::new(), 0);
                    deps.push(file);
                    ImportedBinding { shape, package: None }
                }
                Target::Package(package) => ImportedBinding { shape: None, package: Some(package) },
                Target::Unresolved => ImportedBinding::default(),
            };
            imports.insert(import.local.clone(), binding);
        }
        for reexport in &module.reexports {
            if let Target::File(file) = self.resolver.resolve(path, &reexport.source) {
                deps.push(file);
            }
        }
        deps.sort();
        deps.dedup();
        (Env::new(imports, self.wrappers.to_vec()), deps)
    }

    /// The shape of what an import takes from `file`.
    fn imported_shape(
        &self,
        facts: &dyn FactsSource,
        file: &Path,
        imported: &Imported,
        visited: &mut HashSet<(PathBuf, Option<String>)>,
        hops: usize,
    ) -> Option<Shape> {
        match imported.export_name() {
            Some(name) => self.export_of(facts, file, name, visited, hops),
            None => self.namespace_of(facts, file, visited, hops),
        }
    }

    /// The shape of `file`'s export `name`, following re-exports.
    fn export_of(
        &self,
        facts: &dyn FactsSource,
        file: &Path,
        name: &str,
        visited: &mut HashSet<(PathBuf, Option<String>)>,
        hops: usize,
    ) -> Option<Shape> {
        if hops > MAX_HOPS || !visited.insert((file.to_path_buf(), Some(name.to_string()))) {
            return None;
        }
        let found = facts.facts(file)?;
        if let Some((_, shape)) = found.exports.iter().find(|(exported, _)| exported == name) {
            return Some(shape.clone());
        }
        for reexport in &found.reexports {
            let Target::File(source) = self.resolver.resolve(file, &reexport.source) else { continue };
            match &reexport.name {
                Some(exported) if exported == name => {
                    return self.imported_shape(facts, &source, &reexport.imported, visited, hops + 1);
                }
                // `export *` passes on every name but the default.
                None if name != "default" => {
                    if let Some(shape) = self.export_of(facts, &source, name, visited, hops + 1) {
                        return Some(shape);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// `import * as api from "./api"`: an object of the module's exports.
    fn namespace_of(
        &self,
        facts: &dyn FactsSource,
        file: &Path,
        visited: &mut HashSet<(PathBuf, Option<String>)>,
        hops: usize,
    ) -> Option<Shape> {
        if hops > MAX_HOPS || !visited.insert((file.to_path_buf(), None)) {
            return None;
        }
        let found = facts.facts(file)?;
        let mut members: Vec<(String, Shape)> = found.exports.clone();
        for reexport in &found.reexports {
            let Target::File(source) = self.resolver.resolve(file, &reexport.source) else { continue };
            match &reexport.name {
                Some(name) => {
                    if let Some(shape) = self.imported_shape(facts, &source, &reexport.imported, visited, hops + 1) {
                        members.push((name.clone(), shape));
                    }
                }
                None => {
                    if let Some(Shape::Object(more)) = self.namespace_of(facts, &source, visited, hops + 1) {
                        members.extend(more.iter().filter(|(name, _)| name != "default").cloned());
                    }
                }
            }
        }
        (!members.is_empty()).then(|| Shape::Object(Arc::new(members)))
    }

    /// The analysed files that import (or re-export) `path`.
    pub fn importers_of(&self, path: &Path) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(_, facts)| facts.deps.iter().any(|dep| dep == path))
            .map(|(file, _)| file.clone())
            .collect();
        found.sort();
        found
    }

    /// The names other files would import `path`'s function-naming exports by: export
    /// names, and for a default export or a namespace, the file's stem (or its folder's for
    /// an `index` file), which the specifier names.
    pub fn import_words(path: &Path, facts: &FileFacts) -> Vec<String> {
        let mut words: Vec<String> = facts
            .exports
            .iter()
            .filter(|(_, shape)| shape.names_functions())
            .map(|(name, _)| name.clone())
            .filter(|name| name != "default")
            .collect();
        words.extend(facts.reexports.iter().filter_map(|r| r.name.clone()));
        if facts.exports.iter().any(|(_, shape)| shape.names_functions()) || !facts.reexports.is_empty() {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let stem = if stem == "index" {
                path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or("")
            } else {
                stem
            };
            if !stem.is_empty() {
                words.push(stem.to_string());
            }
        }
        words.sort();
        words.dedup();
        words
    }
}
