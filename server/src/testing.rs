//! Helpers for the analysis unit tests: throwaway folders laid out from a list of files.

use std::path::{Path, PathBuf};

/// A temporary folder holding the given files; removed when dropped.
pub struct TempTree {
    root: PathBuf,
}

impl TempTree {
    pub fn new(files: &[(&str, &str)]) -> Self {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let root = std::env::temp_dir().join(format!("base44-lsp-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("create test folder");
            }
            std::fs::write(&path, text).expect("write test file");
        }
        std::fs::create_dir_all(&root).expect("create test root");
        Self { root }
    }

    pub fn path(&self) -> &Path {
        &self.root
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

use crate::modules::index::{BuildOptions, WorkspaceIndex};
use crate::project::sources::Disk;
use crate::syntax::{Lang, parse};

/// A small project: three functions, one nested, one config-declared with inputs.
pub const SHOP: &[(&str, &str)] = &[
    ("base44/config.jsonc", "{}"),
    (
        "base44/functions/process-order/entry.ts",
        "/** Ships an order. */\nDeno.serve(async (req) => {\n  const { orderId, action } = await req.json();\n  return Response.json({ ok: true });\n});\n",
    ),
    ("base44/functions/orders/refund/entry.ts", "export default async () => new Response();\n"),
    ("base44/functions/stock/function.jsonc", "{ \"name\": \"checkStock\", \"entry\": \"main.ts\" }"),
    ("base44/functions/stock/main.ts", "Deno.serve(() => new Response());\n"),
];

/// A workspace made of `files` plus one file `src/page.jsx` whose text has a `$0`
/// cursor marker: the index, the page's path, text (marker removed) and cursor offset.
pub struct Cursor {
    pub tree: TempTree,
    pub index: WorkspaceIndex,
    pub path: std::path::PathBuf,
    pub text: String,
    pub offset: usize,
}

impl Cursor {
    pub fn new(files: &[(&str, &str)], marked: &str) -> Self {
        let offset = marked.find("$0").expect("the source needs a $0 cursor marker");
        let text = marked.replacen("$0", "", 1);
        let mut all: Vec<(&str, &str)> = files.to_vec();
        all.push(("src/page.jsx", &text));
        let tree = TempTree::new(&all);
        let options = BuildOptions { modules: true, ..BuildOptions::default() };
        let (index, _) = WorkspaceIndex::build(&[tree.path().to_path_buf()], &Disk, options);
        let path = tree.path().join("src/page.jsx");
        Self { tree, index, path, text, offset }
    }

    /// A workspace from one fixture string: files under `//- /path` header lines (the
    /// rust-analyzer convention), one of them holding a `$0` cursor marker.
    pub fn fixture(fixture: &str) -> Self {
        let mut files: Vec<(String, String)> = Vec::new();
        for line in fixture.lines() {
            match line.trim_start().strip_prefix("//- /") {
                Some(path) => files.push((path.trim().to_string(), String::new())),
                None => {
                    if let Some((_, text)) = files.last_mut() {
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
        }
        let marked = files.iter().position(|(_, text)| text.contains("$0")).expect("a file with a $0 cursor marker");
        let offset = files[marked].1.find("$0").unwrap_or(0);
        files[marked].1 = files[marked].1.replacen("$0", "", 1);
        let text = files[marked].1.clone();
        let listed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let tree = TempTree::new(&listed);
        let options = BuildOptions { modules: true, ..BuildOptions::default() };
        let (index, _) = WorkspaceIndex::build(&[tree.path().to_path_buf()], &Disk, options);
        let path = tree.path().join(&files[marked].0);
        Self { tree, index, path, text, offset }
    }

    pub fn syntax(&self) -> Option<tree_sitter::Tree> {
        parse(&self.text, Lang::from_path(&self.path).unwrap_or(Lang::Tsx), None)
    }

    /// The cursor file checked against the index (its imports read from the others).
    pub fn report(&self) -> crate::checks::FileReport {
        let tree = self.syntax().expect("the fixture parses");
        crate::checks::check_file(&self.index, &self.index, &self.path, &self.text, &tree)
    }

    /// The cursor file's call sites.
    pub fn sites(&self) -> Vec<crate::modules::calls::CallSite> {
        self.report().facts.sites
    }

    /// A path shown relative to the workspace.
    pub fn relative(&self, path: &Path) -> String {
        path.strip_prefix(self.tree.path()).unwrap_or(path).display().to_string()
    }
}
