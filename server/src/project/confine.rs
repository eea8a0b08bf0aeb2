//! Nothing outside a project is read for it: a path a config names (`"entry":
//! "../../../../etc/hostname"`, `"functionsDir": "../.."`) and a file reached through a symbolic
//! link must lie inside the project's root, compared as written (`..` resolved) and as real
//! paths (links followed), so neither `..` nor a link can lead out.

use std::path::{Path, PathBuf};

use super::normalize;

/// Why a path is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// `..` leads out of the root.
    Written,
    /// A symbolic link on the way leads out, to this real path.
    Linked(PathBuf),
}

/// `path` with `.` and `..` resolved, when it lies inside `root` both as written and on disk
/// (a path that does not exist yet is judged as written).
pub fn inside(root: &Path, path: &Path) -> Result<PathBuf, Outside> {
    let written = normalize(path);
    if !written.starts_with(normalize(root)) {
        return Err(Outside::Written);
    }
    match (std::fs::canonicalize(root), std::fs::canonicalize(&written)) {
        (Ok(real_root), Ok(real)) if !real.starts_with(&real_root) => Err(Outside::Linked(real)),
        _ => Ok(written),
    }
}

/// Whether a path found by walking `folder` (a link, say) really lies inside it.
pub fn really_inside(folder: &Path, path: &Path) -> bool {
    inside(folder, path).is_ok()
}

/// Whether `path` lies in an installed package (`node_modules`): a project there is a
/// dependency's, not the user's, and is never indexed or run.
pub fn in_dependency(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str() == "node_modules")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TempTree;

    #[test]
    fn dot_dot_and_links_cannot_lead_out() {
        let outside = TempTree::new(&[("secret.ts", "export const token = 1;")]);
        let tree = TempTree::new(&[("base44/functions/a/entry.ts", "")]);
        let root = tree.path();
        let functions = root.join("base44/functions");
        assert_eq!(inside(root, &functions.join("a/./entry.ts")), Ok(functions.join("a/entry.ts")));
        assert_eq!(inside(root, &functions.join("a/../b/entry.ts")), Ok(functions.join("b/entry.ts")), "not there yet");
        assert_eq!(inside(root, &functions.join("../../../../../../etc/hostname")), Err(Outside::Written));
        #[cfg(unix)]
        {
            let link = functions.join("a/linked.ts");
            std::os::unix::fs::symlink(outside.path().join("secret.ts"), &link).expect("a link");
            let real = std::fs::canonicalize(outside.path().join("secret.ts")).expect("real");
            assert_eq!(inside(root, &link), Err(Outside::Linked(real)));
            std::os::unix::fs::symlink(functions.join("a/entry.ts"), functions.join("a/alias.ts")).expect("a link");
            assert_eq!(inside(root, &functions.join("a/alias.ts")), Ok(functions.join("a/alias.ts")));
        }
    }

    #[test]
    fn packages_are_dependencies() {
        assert!(in_dependency(Path::new("/w/node_modules/lib/base44/functions/x/entry.ts")));
        assert!(!in_dependency(Path::new("/w/app/base44/functions/node_modulesish/entry.ts")));
    }
}
