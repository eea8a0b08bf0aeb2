//! Base44 projects: a folder holding `base44/` (its config names the functions folder),
//! or, for apps exported from the builder, a folder with a flat `functions/` beside its
//! `package.json`.
//!
//! This layer also finds projects and files (`scan`), reads text (`sources`), and indexes each
//! project's functions the way the CLI does (`functions`, `serve`).

pub mod confine;
pub mod contract;
pub mod env_file;
pub mod functions;
pub mod index;
pub mod scan;
pub mod serve;
pub mod sources;
pub mod types_file;

#[cfg(test)]
mod hostile_tests;

use std::path::{Path, PathBuf};

use crate::syntax::diagnostics::{Diagnostic, Severity};
use crate::syntax::jsonc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// `base44/functions/<name>/entry.ts`, as the CLI deploys.
    Base44,
    /// `functions/<name>.ts` at the app's root, as the builder exports.
    Flat,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub root: PathBuf,
    pub layout: Layout,
    pub functions_dir: PathBuf,
    pub config_file: Option<PathBuf>,
    pub app_id: Option<String>,
    /// The app's `name` from its config, if any.
    pub name: Option<String>,
}

impl Project {
    /// A short label for messages: the app's configured name, else its folder's.
    pub fn label(&self) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        self.root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.root.display().to_string())
    }

    pub fn contains(&self, path: &Path) -> bool {
        path.starts_with(&self.root)
    }
}

const CONFIG_NAMES: [&str; 2] = ["config.jsonc", "config.json"];
const APP_NAMES: [&str; 2] = [".app.jsonc", ".app.json"];

/// Whether `dir` is the root of a Base44-layout project.
pub fn is_base44_root(dir: &Path) -> bool {
    let base44 = dir.join("base44");
    CONFIG_NAMES.iter().any(|name| base44.join(name).is_file()) || base44.join("functions").is_dir()
}

/// Whether `dir` holds a builder-exported app: a `functions/` folder and no `base44/`,
/// and some sign of Base44 (the SDK in `package.json`, or a function importing it), so a
/// Netlify or Firebase `functions/` folder is not taken for one.
pub fn is_flat_root(dir: &Path) -> bool {
    let functions = dir.join("functions");
    if !functions.is_dir() || dir.join("base44").exists() {
        return false;
    }
    let mentions_sdk =
        |path: &Path| std::fs::read(path).is_ok_and(|bytes| memchr::memmem::find(&bytes, b"@base44/").is_some());
    if mentions_sdk(&dir.join("package.json")) {
        return true;
    }
    std::fs::read_dir(&functions).is_ok_and(|entries| {
        entries
            .flatten()
            .take(200)
            .any(|entry| crate::syntax::Lang::from_path(&entry.path()).is_some() && mentions_sdk(&entry.path()))
    })
}

/// Reads a project's configuration. Problems with it are reported, and defaults used.
pub fn load_project(root: &Path, layout: Layout) -> (Project, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let base44 = root.join("base44");
    let mut functions_dir = match layout {
        Layout::Base44 => base44.join("functions"),
        Layout::Flat => root.join("functions"),
    };
    let mut config_file = None;
    let mut name = None;
    if layout == Layout::Base44
        && let Some((path, text)) = read_first(&base44, &CONFIG_NAMES)
    {
        match jsonc::parse_object(&text) {
            Ok(config) => {
                name = config.string("name").map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
                if let Some(dir) = config.string("functionsDir") {
                    match confine::inside(root, &base44.join(dir)) {
                        Ok(dir) => functions_dir = dir,
                        Err(outside) => problems.push(outside_project(
                            &path,
                            config.range_of("functionsDir").unwrap_or(0..0),
                            &format!("The functions folder \"{dir}\""),
                            &outside,
                        )),
                    }
                }
            }
            Err(err) => problems.push(Diagnostic::new(
                &path,
                err.range,
                Severity::Error,
                "invalid-project-config",
                format!("{} is not valid JSONC: {}", display_name(&path), err.message),
            )),
        }
        config_file = Some(path);
    }
    let app_id = read_first(&base44, &APP_NAMES)
        .and_then(|(_, text)| jsonc::parse_object(&text).ok())
        .and_then(|app| app.string("id").map(str::to_string));
    let project = Project { root: root.to_path_buf(), layout, functions_dir, config_file, app_id, name };
    (project, problems)
}

/// A config naming a path outside its project: refused, never read (nor run).
pub fn outside_project(
    config: &Path,
    range: std::ops::Range<usize>,
    what: &str,
    outside: &confine::Outside,
) -> Diagnostic {
    let how = match outside {
        confine::Outside::Written => "is outside the project".to_string(),
        confine::Outside::Linked(real) => format!("leads outside the project through a link (to {})", real.display()),
    };
    Diagnostic::new(config, range, Severity::Error, "outside-project", format!("{what} {how}: it is not read or run"))
}

/// The project root holding a file opened outside every workspace folder, if any; never one
/// inside an installed package.
pub fn adoptable_root(path: &Path) -> Option<&Path> {
    if confine::in_dependency(path) {
        return None;
    }
    path.ancestors().skip(1).find(|dir| is_base44_root(dir) || is_flat_root(dir))
}

fn read_first(dir: &Path, names: &[&str]) -> Option<(PathBuf, String)> {
    names.iter().find_map(|name| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).ok().map(|text| (path, text))
    })
}

fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Removes `.` and resolves `..` without touching the disk (the folder may not exist).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The project a file belongs to: the nearest one enclosing it.
pub fn owning_project<'p>(projects: &'p [Project], path: &Path) -> Option<&'p Project> {
    projects.iter().filter(|p| p.contains(path)).max_by_key(|p| p.root.components().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_dir_from_config_with_dot_slash() {
        let dir = crate::testing::TempTree::new(&[
            ("base44/config.jsonc", "{ // c\n \"name\": \"Shop\", \"functionsDir\": \"./backend\", }"),
            ("base44/.app.jsonc", "{ \"id\": \"app-1\" }"),
        ]);
        let (project, problems) = load_project(dir.path(), Layout::Base44);
        assert_eq!(project.functions_dir, dir.path().join("base44/backend"));
        assert_eq!(project.app_id.as_deref(), Some("app-1"));
        assert_eq!(project.label(), "Shop");
        assert!(problems.is_empty());
        assert!(is_base44_root(dir.path()));
    }

    #[test]
    fn a_functions_dir_outside_the_project_is_refused() {
        let dir = crate::testing::TempTree::new(&[("base44/config.jsonc", "{ \"functionsDir\": \"../../..\" }")]);
        let (project, problems) = load_project(dir.path(), Layout::Base44);
        assert_eq!(project.functions_dir, dir.path().join("base44/functions"));
        let problems: Vec<(&str, &str)> = problems.iter().map(|p| (p.code, p.message.as_str())).collect();
        assert_eq!(
            problems,
            [("outside-project", "The functions folder \"../../..\" is outside the project: it is not read or run")]
        );
    }

    #[test]
    fn broken_config_is_reported_and_defaults_used() {
        let dir = crate::testing::TempTree::new(&[("base44/config.json", "{ \"functionsDir\": ")]);
        let (project, problems) = load_project(dir.path(), Layout::Base44);
        assert_eq!(project.functions_dir, dir.path().join("base44/functions"));
        assert_eq!(problems.iter().map(|p| p.code).collect::<Vec<_>>(), ["invalid-project-config"]);
    }

    #[test]
    fn flat_layout_needs_a_sign_of_base44() {
        let netlify = crate::testing::TempTree::new(&[("functions/a.ts", "export default () => 1")]);
        assert!(!is_flat_root(netlify.path()));
        let exported = crate::testing::TempTree::new(&[(
            "functions/a.ts",
            "import { createClientFromRequest } from 'npm:@base44/sdk@0.8';",
        )]);
        assert!(is_flat_root(exported.path()));
    }
}
