//! A fresh copy of a case's workspace in a temporary folder, removed when the case ends.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static NEXT: AtomicUsize = AtomicUsize::new(0);

pub struct TempWorkspace {
    /// The unique folder that holds `root`; removed as a whole.
    holder: PathBuf,
    root: PathBuf,
}

/// The name of every workspace root. Servers show the folder's name (as a project's label), so it
/// must not carry the unique part of the temporary path.
pub const ROOT_NAME: &str = "workspace";

impl TempWorkspace {
    /// An empty folder `…/<unique>/workspace` whose path holds only URI-safe characters, so
    /// `${root}` is the same in every encoding a server might choose.
    pub fn empty(label: &str) -> Result<TempWorkspace, String> {
        let safe_label: String =
            label.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_nanos());
        let name = format!(
            "base44-lsp-transcript-{safe_label}-{}-{nanos}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let created = std::env::temp_dir().join(name);
        fs::create_dir_all(created.join(ROOT_NAME))
            .map_err(|error| format!("cannot create {}: {error}", created.display()))?;
        // Canonical, so the path the server derives from the URI is the one placeholders know.
        let holder =
            fs::canonicalize(&created).map_err(|error| format!("cannot resolve {}: {error}", created.display()))?;
        Ok(TempWorkspace { root: holder.join(ROOT_NAME), holder })
    }

    /// A fresh copy of `source`; empty when `source` does not exist.
    pub fn copy_of(source: &Path, label: &str) -> Result<TempWorkspace, String> {
        let workspace = TempWorkspace::empty(label)?;
        if source.is_dir() {
            copy_tree(source, &workspace.root)?;
        }
        Ok(workspace)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Resolves a transcript's relative path; `..` and absolute paths are refused so a typo in a
    /// transcript cannot touch files outside the workspace.
    pub fn resolve(&self, relative: &str) -> Result<PathBuf, String> {
        let path = Path::new(relative);
        let inside = path.components().all(|component| matches!(component, Component::Normal(_)));
        if !inside {
            return Err(format!("{relative:?} must be a relative path inside the workspace"));
        }
        Ok(self.root.join(path))
    }

    pub fn write(&self, relative: &str, content: &str) -> Result<(), String> {
        let path = self.resolve(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
        }
        fs::write(&path, content).map_err(|error| format!("cannot write {relative}: {error}"))
    }

    pub fn delete(&self, relative: &str) -> Result<(), String> {
        let path = self.resolve(relative)?;
        let removed = if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
        removed.map_err(|error| format!("cannot delete {relative}: {error}"))
    }

    pub fn read(&self, relative: &str) -> Result<String, String> {
        fs::read_to_string(self.resolve(relative)?).map_err(|error| format!("cannot read {relative}: {error}"))
    }
}

impl Drop for TempWorkspace {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.holder);
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let entries = fs::read_dir(from).map_err(|error| format!("cannot list {}: {error}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("cannot list {}: {error}", from.display()))?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        if source.is_dir() {
            fs::create_dir_all(&target).map_err(|error| format!("cannot create {}: {error}", target.display()))?;
            copy_tree(&source, &target)?;
        } else {
            fs::copy(&source, &target).map_err(|error| format!("cannot copy {}: {error}", source.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_writes_deletes_and_cleans_up() {
        let source = TempWorkspace::empty("source").expect("temp dir");
        source.write("base44/functions/a/entry.ts", "x").expect("write");
        let copy = TempWorkspace::copy_of(source.root(), "copy case").expect("copy");
        assert!(copy.root().to_string_lossy().contains("copy_case"));
        assert!(copy.root().ends_with(ROOT_NAME));
        assert_eq!(copy.read("base44/functions/a/entry.ts"), Ok("x".to_string()));
        copy.delete("base44/functions/a").expect("delete");
        assert!(!copy.root().join("base44/functions/a").exists());
        assert!(source.root().join("base44/functions/a/entry.ts").exists(), "the source is untouched");
        let root = copy.root().to_path_buf();
        drop(copy);
        assert!(!root.exists());
    }

    #[test]
    fn paths_outside_the_workspace_are_refused() {
        let workspace = TempWorkspace::empty("escape").expect("temp dir");
        assert!(workspace.write("../outside.ts", "x").is_err());
        assert!(workspace.delete("/etc/passwd").is_err());
    }
}
