//! Import specifiers to files, the way the app's bundler and TypeScript read them:
//! relative paths, the `paths` and `baseUrl` of the nearest `tsconfig.json` or
//! `jsconfig.json` (and the configs it extends or references), a `deno.json` import map
//! for backend code, `@/` for `src/` when no config says otherwise (what the Base44
//! builder's Vite config does), then extensions and `index.*`. A bare specifier that is
//! none of these names a package.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::project::normalize;

/// What a specifier names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    /// A package (`react`, `@base44/sdk`, `npm:@supabase/supabase-js@2`), by its name.
    Package(String),
    /// A project-relative path or alias that names no file.
    Unresolved,
}

/// The extensions tried after a path that has none, in TypeScript's order.
const EXTENSIONS: [&str; 8] = ["ts", "tsx", "js", "jsx", "mts", "cts", "mjs", "cjs"];
const CONFIG_NAMES: [&str; 2] = ["tsconfig.json", "jsconfig.json"];
const DENO_CONFIGS: [&str; 2] = ["deno.json", "deno.jsonc"];
/// How many `extends`/`references` a config is followed through.
const MAX_CONFIG_HOPS: usize = 4;

/// Which files exist: the workspace scan's list when there is one (no disk access per
/// lookup: an index resolves tens of thousands of imports), else the disk.
#[derive(Debug, Clone, Default)]
pub struct KnownFiles(Option<Arc<HashSet<PathBuf>>>);

impl KnownFiles {
    pub fn listed(files: impl IntoIterator<Item = PathBuf>) -> Self {
        Self(Some(Arc::new(files.into_iter().collect())))
    }

    pub fn disk() -> Self {
        Self(None)
    }

    fn exists(&self, path: &Path) -> bool {
        match &self.0 {
            Some(files) => files.contains(path),
            None => path.is_file(),
        }
    }

    /// Every file listed (none when it reads the disk).
    pub fn list(&self) -> impl Iterator<Item = &PathBuf> {
        self.0.iter().flat_map(|files| files.iter())
    }

    /// A file created since the scan.
    pub fn insert(&mut self, path: PathBuf) {
        if let Some(files) = &mut self.0 {
            Arc::make_mut(files).insert(path);
        }
    }

    pub fn remove(&mut self, path: &Path) {
        if let Some(files) = &mut self.0 {
            Arc::make_mut(files).retain(|p| !p.starts_with(path));
        }
    }
}

/// One alias: `@/*` → `[<dir>/src/*]`. A pattern holds at most one `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alias {
    prefix: String,
    suffix: String,
    /// Whether the pattern has a `*` (else it matches the whole specifier only).
    wildcard: bool,
    targets: Vec<PathBuf>,
}

impl Alias {
    /// The text the `*` stands for, when `specifier` matches.
    fn matches<'s>(&self, specifier: &'s str) -> Option<&'s str> {
        if !self.wildcard {
            return (specifier == self.prefix).then_some("");
        }
        let rest = specifier.strip_prefix(self.prefix.as_str())?;
        rest.strip_suffix(self.suffix.as_str())
    }
}

/// What the configs governing one folder say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Aliases {
    /// Longest prefix first, as TypeScript picks the most specific pattern.
    paths: Vec<Alias>,
    base_url: Option<PathBuf>,
}

/// Resolves specifiers; configs are read once per folder.
#[derive(Debug, Default)]
pub struct Resolver {
    files: KnownFiles,
    by_dir: Mutex<HashMap<PathBuf, Arc<Aliases>>>,
}

impl Clone for Resolver {
    /// A copy with the same files and no configs read yet (a config may have changed).
    fn clone(&self) -> Self {
        Self::new(self.files.clone())
    }
}

impl Resolver {
    pub fn new(files: KnownFiles) -> Self {
        Self { files, by_dir: Mutex::new(HashMap::new()) }
    }

    /// The files it knows of.
    pub fn known_files(&self) -> impl Iterator<Item = &PathBuf> {
        self.files.list()
    }

    /// The files it knows of, to note one created or deleted.
    pub fn known_mut(&mut self) -> &mut KnownFiles {
        &mut self.files
    }

    /// The file or package `specifier`, written in `from`, names.
    pub fn resolve(&self, from: &Path, specifier: &str) -> Target {
        let Some(dir) = from.parent() else { return Target::Unresolved };
        if specifier.starts_with("./") || specifier.starts_with("../") || specifier == "." || specifier == ".." {
            return self.file_target(&dir.join(specifier));
        }
        if specifier.starts_with('/') {
            return self.file_target(Path::new(specifier));
        }
        if let Some(rest) = specifier.strip_prefix("file://") {
            return self.file_target(Path::new(rest));
        }
        if let Some(package) = package_of_url_or_scheme(specifier) {
            return Target::Package(package);
        }
        let aliases = self.aliases_for(dir);
        for alias in &aliases.paths {
            if let Some(star) = alias.matches(specifier) {
                for target in &alias.targets {
                    let candidate = PathBuf::from(target.to_string_lossy().replacen('*', star, 1));
                    if let Some(file) = self.file(&candidate) {
                        return Target::File(file);
                    }
                }
                return Target::Unresolved;
            }
        }
        if let Some(base) = &aliases.base_url
            && let Some(file) = self.file(&base.join(specifier))
        {
            return Target::File(file);
        }
        if let Some(rest) = specifier.strip_prefix("@/") {
            return match src_folder(dir).and_then(|src| self.file(&src.join(rest))) {
                Some(file) => Target::File(file),
                None => Target::Unresolved,
            };
        }
        Target::Package(package_name(specifier).to_string())
    }

    fn file_target(&self, path: &Path) -> Target {
        self.file(path).map_or(Target::Unresolved, Target::File)
    }

    /// The file a path names: itself, with an extension, a `.js` written for a `.ts`
    /// (TypeScript's ESM style), or the folder's `index.*`.
    fn file(&self, path: &Path) -> Option<PathBuf> {
        let path = normalize(path);
        let has_source_extension =
            path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e) || e == "json");
        if has_source_extension && self.files.exists(&path) {
            return Some(path);
        }
        if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
            let swapped: &[&str] = match ext {
                "js" => &["ts", "tsx"],
                "jsx" => &["tsx"],
                "mjs" => &["mts"],
                "cjs" => &["cts"],
                _ => &[],
            };
            for other in swapped {
                let candidate = path.with_extension(other);
                if self.files.exists(&candidate) {
                    return Some(candidate);
                }
            }
        }
        let name = path.file_name()?.to_string_lossy().into_owned();
        for ext in EXTENSIONS {
            let candidate = path.with_file_name(format!("{name}.{ext}"));
            if self.files.exists(&candidate) {
                return Some(candidate);
            }
        }
        EXTENSIONS.iter().map(|ext| path.join(format!("index.{ext}"))).find(|candidate| self.files.exists(candidate))
    }

    /// The aliases of the nearest config above `dir` (none past the filesystem root). Each
    /// folder is looked at once: a folder without a config takes its parent's answer.
    fn aliases_for(&self, dir: &Path) -> Arc<Aliases> {
        let cached = |folder: &Path| self.by_dir.lock().ok().and_then(|cache| cache.get(folder).cloned());
        let mut unknown: Vec<&Path> = Vec::new();
        let mut found = None;
        for folder in dir.ancestors() {
            if let Some(known) = cached(folder) {
                found = Some(known);
                break;
            }
            unknown.push(folder);
            match config_in(folder) {
                Some(aliases) => {
                    found = Some(Arc::new(aliases));
                    break;
                }
                // A workspace is not read above its own root: `.git` marks one.
                None if folder.join(".git").exists() => break,
                None => {}
            }
        }
        let found = found.unwrap_or_default();
        if let Ok(mut cache) = self.by_dir.lock() {
            for folder in unknown {
                cache.insert(folder.to_path_buf(), Arc::clone(&found));
            }
        }
        found
    }
}

/// The `src/` of the nearest folder above `dir` that has a `package.json` and a `src/`.
fn src_folder(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find(|d| d.join("package.json").is_file() && d.join("src").is_dir()).map(|d| d.join("src"))
}

/// The aliases of `folder`'s own tsconfig/jsconfig or deno.json, if it has one.
fn config_in(folder: &Path) -> Option<Aliases> {
    for name in CONFIG_NAMES {
        let path = folder.join(name);
        if path.is_file() {
            return Some(read_ts_config(&path, 0));
        }
    }
    for name in DENO_CONFIGS {
        let path = folder.join(name);
        if path.is_file() {
            return Some(read_deno_config(&path));
        }
    }
    None
}

fn read_json(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    let options = jsonc_parser::ParseOptions::default();
    jsonc_parser::parse_to_serde_value::<Option<serde_json::Value>>(&text, &options).ok().flatten()
}

/// `compilerOptions.paths` and `baseUrl`, merged over what the config extends, and when
/// it has none, what the configs it references say (Vite's `tsconfig.app.json`).
fn read_ts_config(path: &Path, hops: usize) -> Aliases {
    let Some(json) = read_json(path) else { return Aliases::default() };
    let dir = path.parent().unwrap_or(Path::new("/"));
    let mut aliases = Aliases::default();
    if hops < MAX_CONFIG_HOPS
        && let Some(parent) = json.get("extends").and_then(|e| e.as_str())
        && (parent.starts_with("./") || parent.starts_with("../"))
    {
        let parent = if parent.ends_with(".json") { dir.join(parent) } else { dir.join(format!("{parent}.json")) };
        aliases = read_ts_config(&parent, hops + 1);
    }
    let options = json.get("compilerOptions");
    if let Some(base) = options.and_then(|o| o.get("baseUrl")).and_then(|b| b.as_str()) {
        aliases.base_url = Some(normalize(&dir.join(base)));
    }
    if let Some(paths) = options.and_then(|o| o.get("paths")).and_then(|p| p.as_object()) {
        // Targets are relative to baseUrl, or to the config itself without one.
        let root = aliases.base_url.clone().unwrap_or_else(|| dir.to_path_buf());
        aliases.paths = paths
            .iter()
            .filter_map(|(pattern, targets)| {
                let targets: Vec<PathBuf> =
                    targets.as_array()?.iter().filter_map(|t| t.as_str()).map(|t| normalize(&root.join(t))).collect();
                let (prefix, suffix, wildcard) = match pattern.split_once('*') {
                    Some((prefix, suffix)) => (prefix.to_string(), suffix.to_string(), true),
                    None => (pattern.clone(), String::new(), false),
                };
                Some(Alias { prefix, suffix, wildcard, targets })
            })
            .collect();
    }
    if aliases.paths.is_empty()
        && hops < MAX_CONFIG_HOPS
        && let Some(references) = json.get("references").and_then(|r| r.as_array())
    {
        for reference in references.iter().filter_map(|r| r.get("path")?.as_str()) {
            let referenced = dir.join(reference);
            let referenced = if referenced.is_dir() { referenced.join("tsconfig.json") } else { referenced };
            let found = read_ts_config(&referenced, hops + 1);
            aliases.paths.extend(found.paths);
            aliases.base_url = aliases.base_url.or(found.base_url);
        }
    }
    aliases.paths.sort_by_key(|alias| std::cmp::Reverse(alias.prefix.len()));
    aliases
}

/// A Deno import map's entries that point into the project (`"@shared/": "./shared/"`).
fn read_deno_config(path: &Path) -> Aliases {
    let Some(json) = read_json(path) else { return Aliases::default() };
    let dir = path.parent().unwrap_or(Path::new("/"));
    let mut aliases = Aliases::default();
    if let Some(imports) = json.get("imports").and_then(|i| i.as_object()) {
        for (key, target) in imports {
            let Some(target) = target.as_str().filter(|t| t.starts_with("./") || t.starts_with("../")) else {
                continue;
            };
            let target = normalize(&dir.join(target));
            let alias = match key.strip_suffix('/') {
                Some(prefix) => Alias {
                    prefix: format!("{prefix}/"),
                    suffix: String::new(),
                    wildcard: true,
                    targets: vec![target.join("*")],
                },
                None => Alias { prefix: key.clone(), suffix: String::new(), wildcard: false, targets: vec![target] },
            };
            aliases.paths.push(alias);
        }
    }
    aliases.paths.sort_by_key(|alias| std::cmp::Reverse(alias.prefix.len()));
    aliases
}

/// `npm:@base44/sdk@0.8.3/x` → `@base44/sdk`; `https://esm.sh/@base44/sdk@0.8` →
/// `@base44/sdk`; `jsr:@std/path` → `@std/path`; `node:fs` → `node:fs`.
fn package_of_url_or_scheme(specifier: &str) -> Option<String> {
    if let Some(rest) = specifier.strip_prefix("npm:").or_else(|| specifier.strip_prefix("jsr:")) {
        return Some(package_name(rest.trim_start_matches('/')).to_string());
    }
    if specifier.starts_with("node:") {
        return Some(specifier.to_string());
    }
    let rest = specifier.strip_prefix("https://").or_else(|| specifier.strip_prefix("http://"))?;
    // A CDN path: the package starts at the first segment that looks like one.
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    let path = path.trim_start_matches("npm/").trim_start_matches("v135/");
    let path = path.strip_prefix("npm:").unwrap_or(path);
    Some(package_name(path).to_string())
}

/// The package a bare specifier names: `@scope/name` or `name`, without version or subpath.
pub fn package_name(specifier: &str) -> &str {
    let mut parts = specifier.splitn(3, '/');
    let first = parts.next().unwrap_or("");
    let end = if first.starts_with('@') {
        match parts.next() {
            Some(second) => first.len() + 1 + second.len(),
            None => first.len(),
        }
    } else {
        first.len()
    };
    let name = &specifier[..end];
    // A version after the name: `@base44/sdk@0.8.3`, `lodash@4`.
    let version_at = match name.strip_prefix('@') {
        Some(scoped) => scoped.find('@').map(|i| i + 1),
        None => name.find('@'),
    };
    match version_at {
        Some(at) => &name[..at],
        None => name,
    }
}

/// Whether a package is Base44's SDK, whose clients' `functions` the checks are about.
pub fn is_base44_sdk(package: &str) -> bool {
    package == "@base44/sdk"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TempTree;

    /// Resolves each specifier from `from` and shows files relative to the tree.
    fn resolve_all(tree: &TempTree, from: &str, specifiers: &[&str]) -> Vec<String> {
        let resolver = Resolver::new(KnownFiles::disk());
        let from = tree.path().join(from);
        specifiers
            .iter()
            .map(|s| match resolver.resolve(&from, s) {
                Target::File(path) => path.strip_prefix(tree.path()).unwrap_or(&path).display().to_string(),
                Target::Package(name) => format!("package {name}"),
                Target::Unresolved => "unresolved".to_string(),
            })
            .collect()
    }

    #[test]
    fn relative_paths_extensions_and_index_files() {
        let tree = TempTree::new(&[
            ("src/pages/Home.jsx", ""),
            ("src/lib/api.js", ""),
            ("src/lib/util.ts", ""),
            ("src/components/index.tsx", ""),
            ("src/data.json", ""),
        ]);
        assert_eq!(
            resolve_all(
                &tree,
                "src/pages/Home.jsx",
                &["../lib/api", "../lib/api.js", "../lib/util.js", "../components", "./missing", "../data.json"]
            ),
            [
                "src/lib/api.js",
                "src/lib/api.js",
                "src/lib/util.ts",
                "src/components/index.tsx",
                "unresolved",
                "src/data.json"
            ]
        );
    }

    #[test]
    fn paths_and_base_url_from_jsconfig_with_comments() {
        let tree = TempTree::new(&[
            (
                "jsconfig.json",
                r#"{ // the builder's config
                  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], "~lib": ["./src/lib/index.js"], }, }
                }"#,
            ),
            ("src/api/base44Client.js", ""),
            ("src/lib/index.js", ""),
            ("src/pages/Home.jsx", ""),
            ("components/Button.jsx", ""),
        ]);
        assert_eq!(
            resolve_all(
                &tree,
                "src/pages/Home.jsx",
                &["@/api/base44Client", "~lib", "components/Button", "react", "@/nope"]
            ),
            ["src/api/base44Client.js", "src/lib/index.js", "components/Button.jsx", "package react", "unresolved"]
        );
    }

    #[test]
    fn vite_references_extends_and_the_src_fallback() {
        let tree = TempTree::new(&[
            ("app/tsconfig.json", r#"{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }"#),
            ("app/tsconfig.app.json", r#"{ "extends": "./tsconfig.base", "compilerOptions": {} }"#),
            ("app/tsconfig.base.json", r##"{ "compilerOptions": { "paths": { "#api/*": ["./src/api/*"] } } }"##),
            ("app/src/api/fns.ts", ""),
            ("app/src/main.tsx", ""),
            ("plain/package.json", "{}"),
            ("plain/src/api/functions.js", ""),
            ("plain/src/App.jsx", ""),
        ]);
        assert_eq!(resolve_all(&tree, "app/src/main.tsx", &["#api/fns"]), ["app/src/api/fns.ts"]);
        assert_eq!(resolve_all(&tree, "plain/src/App.jsx", &["@/api/functions"]), ["plain/src/api/functions.js"]);
    }

    #[test]
    fn deno_specifiers_and_import_maps() {
        let tree = TempTree::new(&[
            ("base44/deno.json", r#"{ "imports": { "@shared/": "./shared/", "zod": "npm:zod@3" } }"#),
            ("base44/shared/auth.ts", ""),
            ("base44/functions/a/entry.ts", ""),
            ("base44/functions/_lib/db.ts", ""),
        ]);
        assert_eq!(
            resolve_all(
                &tree,
                "base44/functions/a/entry.ts",
                &[
                    "../_lib/db.ts",
                    "@shared/auth.ts",
                    "npm:@base44/sdk@0.8.3",
                    "jsr:@std/path@1/join",
                    "https://esm.sh/@supabase/supabase-js@2",
                    "node:fs"
                ]
            ),
            [
                "base44/functions/_lib/db.ts",
                "base44/shared/auth.ts",
                "package @base44/sdk",
                "package @std/path",
                "package @supabase/supabase-js",
                "package node:fs"
            ]
        );
    }

    #[test]
    fn package_names() {
        let names: Vec<&str> =
            ["@base44/sdk", "@base44/sdk@0.8.3", "@base44/sdk/dist/x", "react-dom/client", "lodash@4", "@scope"]
                .iter()
                .map(|s| package_name(s))
                .collect();
        assert_eq!(names, ["@base44/sdk", "@base44/sdk", "@base44/sdk", "react-dom", "lodash", "@scope"]);
    }
}
