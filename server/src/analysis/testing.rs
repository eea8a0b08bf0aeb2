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
