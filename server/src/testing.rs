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
        let (index, _) = WorkspaceIndex::build(&[tree.path().to_path_buf()], &Disk, BuildOptions { call_sites: true });
        let path = tree.path().join("src/page.jsx");
        Self { tree, index, path, text, offset }
    }

    pub fn syntax(&self) -> Option<tree_sitter::Tree> {
        parse(&self.text, Lang::Tsx, None)
    }
}
