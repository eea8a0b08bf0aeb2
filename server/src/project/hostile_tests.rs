//! Hostile workspaces, built at test time: symbolic-link loops, links out of the project, a
//! config entry through `..`, names with `..`, a project inside `node_modules`, files gone
//! between the walk and the read. Each gives a diagnostic or a log line, never a crash and never
//! a read outside the project. (A folder that cannot be read needs a user other than root:
//! `server/tests/unreadable_folder.rs`.)

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::modules::index::{BuildOptions, WorkspaceIndex};
use crate::project::scan::scan;
use crate::project::sources::{Disk, Sources};
use crate::testing::TempTree;

const SERVE: &str = "Deno.serve(() => new Response());\n";

/// The disk, with every path read noted.
#[derive(Default)]
struct Recorded(Mutex<Vec<PathBuf>>);

impl Sources for Recorded {
    fn read(&self, path: &Path) -> Option<String> {
        if let Ok(mut read) = self.0.lock() {
            read.push(path.to_path_buf());
        }
        Disk.read(path)
    }
}

impl Recorded {
    /// The paths read whose real path is not inside `root`.
    fn outside(&self, root: &Path) -> Vec<PathBuf> {
        let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let read = self.0.lock().map(|read| read.clone()).unwrap_or_default();
        read.into_iter()
            .filter(|path| std::fs::canonicalize(path).is_ok_and(|real| !real.starts_with(&real_root)))
            .collect()
    }
}

/// Functions and problems, one per line, paths relative to the root.
fn render(index: &WorkspaceIndex, root: &Path) -> String {
    let rel = |path: &Path| path.strip_prefix(root).unwrap_or(path).display().to_string();
    let mut lines = Vec::new();
    for project in &index.projects {
        lines.extend(project.functions.iter().map(|f| format!("fn {} <- {}", f.name, rel(&f.entry))));
        lines.extend(project.problems.iter().map(|p| format!("{} {}: {}", p.code, rel(&p.path), p.message)));
    }
    lines.join("\n")
}

fn build(root: &Path, sources: &Recorded) -> WorkspaceIndex {
    WorkspaceIndex::build(&[root.to_path_buf()], sources, BuildOptions { modules: true, ..BuildOptions::default() }).0
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap_or_else(|error| panic!("link {}: {error}", at.display()));
}

#[test]
fn config_entries_through_dot_dot_and_names_with_dot_dot_are_refused() {
    let tree = TempTree::new(&[
        (
            "base44/functions/escape/function.jsonc",
            "{ \"name\": \"escape\", \"entry\": \"../../../../../../../../../../etc/hostname\" }",
        ),
        ("base44/functions/climb/function.jsonc", "{ \"name\": \"../../climb\", \"entry\": \"main.ts\" }"),
        ("base44/functions/climb/main.ts", SERVE),
        ("base44/functions/a..b/entry.ts", SERVE),
        ("base44/functions/ok/entry.ts", SERVE),
    ]);
    let sources = Recorded::default();
    let index = build(tree.path(), &sources);
    assert_eq!(
        render(&index, tree.path()),
        "fn ok <- base44/functions/ok/entry.ts\n\
         invalid-function-name base44/functions/climb/function.jsonc: Function name \"../../climb\" may not contain a dot\n\
         outside-project base44/functions/escape/function.jsonc: Function entry \"../../../../../../../../../../etc/hostname\" is outside the project: it is not read or run\n\
         dotted-folder-skipped base44/functions/a..b/entry.ts: The Base44 CLI will not deploy this: the folder \"a..b\" has a dot in its name (in a..b), and the CLI skips such folders"
    );
    assert_eq!(sources.outside(tree.path()), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[test]
fn links_out_of_the_project_are_not_followed() {
    let outside = TempTree::new(&[
        ("secret.ts", "Deno.serve(() => new Response(Deno.env.get(\"TOKEN\")));\n"),
        ("page.js", "base44.functions.invoke(\"leak\");\n"),
        ("dir/other.js", "base44.functions.invoke(\"leak\");\n"),
    ]);
    let tree = TempTree::new(&[
        ("base44/functions/ok/entry.ts", SERVE),
        ("base44/functions/linked/function.jsonc", "{ \"name\": \"linked\", \"entry\": \"main.ts\" }"),
        ("src/app.js", "base44.functions.invoke(\"ok\");\n"),
    ]);
    let root = tree.path();
    std::fs::create_dir_all(root.join("base44/functions/leak")).expect("a folder");
    link(&outside.path().join("secret.ts"), &root.join("base44/functions/leak/entry.ts"));
    link(&outside.path().join("secret.ts"), &root.join("base44/functions/linked/main.ts"));
    link(&outside.path().join("page.js"), &root.join("src/page.js"));
    link(&outside.path().join("dir"), &root.join("src/dir"));
    let sources = Recorded::default();
    let index = build(root, &sources);
    let real = std::fs::canonicalize(outside.path().join("secret.ts")).expect("the secret's real path");
    assert_eq!(
        render(&index, root),
        format!(
            "fn ok <- base44/functions/ok/entry.ts\n\
             outside-project base44/functions/linked/function.jsonc: Function entry \"main.ts\" leads outside the project through a link (to {}): it is not read or run",
            real.display()
        )
    );
    let mut sites: Vec<String> =
        index.files_with_sites().iter().map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string()).collect();
    sites.sort();
    assert_eq!(sites, ["src/app.js"]);
    assert_eq!(sources.outside(root), Vec::<PathBuf>::new());
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_end() {
    let tree =
        TempTree::new(&[("base44/functions/a/entry.ts", SERVE), ("src/app.js", "base44.functions.invoke(\"a\");\n")]);
    let root = tree.path();
    link(Path::new(".."), &root.join("base44/functions/a/up"));
    link(&root.join("src"), &root.join("src/again"));
    link(&root.join("src/x"), &root.join("src/y"));
    link(&root.join("src/y"), &root.join("src/x"));
    let sources = Recorded::default();
    let index = build(root, &sources);
    assert_eq!(render(&index, root), "fn a <- base44/functions/a/entry.ts");
    assert_eq!(index.files_with_sites().len(), 1);
}

#[test]
fn a_project_inside_node_modules_is_a_dependency() {
    let tree = TempTree::new(&[
        ("app/base44/functions/mine/entry.ts", SERVE),
        ("app/node_modules/lib/base44/functions/theirs/entry.ts", SERVE),
        ("app/node_modules/lib/src/page.js", "base44.functions.invoke(\"theirs\");\n"),
    ]);
    let index = build(tree.path(), &Recorded::default());
    assert_eq!(render(&index, tree.path()), "fn mine <- app/base44/functions/mine/entry.ts");
    // A file of the package opened on its own does not bring the package's project in.
    let page = tree.path().join("app/node_modules/lib/src/page.js");
    assert_eq!(crate::project::adoptable_root(&page), None);
    let own = tree.path().join("app/src/page.js");
    assert_eq!(crate::project::adoptable_root(&own), Some(tree.path().join("app").as_path()));
}

#[test]
fn files_gone_between_the_walk_and_the_read() {
    let tree = TempTree::new(&[
        ("base44/functions/stays/entry.ts", SERVE),
        ("base44/functions/goes/entry.ts", SERVE),
        ("base44/functions/config/function.jsonc", "{ \"name\": \"configured\", \"entry\": \"main.ts\" }"),
        ("base44/functions/config/main.ts", SERVE),
        ("src/gone.js", "base44.functions.invoke(\"goes\");\n"),
        ("src/kept.js", "base44.functions.invoke(\"stays\");\n"),
    ]);
    let root = tree.path();
    let walked = scan(&[root.to_path_buf()]);
    for gone in ["base44/functions/goes/entry.ts", "base44/functions/config/function.jsonc", "src/gone.js"] {
        std::fs::remove_file(root.join(gone)).expect("a file goes");
    }
    let sources = Recorded::default();
    let mut index = WorkspaceIndex::functions_only(
        &[root.to_path_buf()],
        &walked,
        &sources,
        crate::project::functions::EntryReading::Full,
    );
    let quiet = crate::modules::reading::Quiet;
    index.read_modules(&walked.files, &sources, &std::sync::atomic::AtomicUsize::new(0), &quiet);
    // The zero-config function is named by its folder (its entry is gone: nothing to check);
    // the config that is gone declares nothing.
    assert_eq!(
        render(&index, root),
        "fn goes <- base44/functions/goes/entry.ts\nfn stays <- base44/functions/stays/entry.ts"
    );
    let files: Vec<bool> = index.files_with_sites().iter().map(|p| p.ends_with("src/kept.js")).collect();
    assert_eq!(files, [true]);
}
