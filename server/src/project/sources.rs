//! Where file text comes from: the disk, or an editor's unsaved buffers laid over it.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// Reads source text by path. The LSP layer lays open documents over the disk.
pub trait Sources: Sync {
    fn read(&self, path: &Path) -> Option<String>;
}

/// Files larger than this are skipped: they are generated or binary, never a function
/// or a page someone writes by hand.
pub const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;

/// The files on disk; unreadable, huge or non-UTF-8 files read as absent.
pub struct Disk;

impl Sources for Disk {
    fn read(&self, path: &Path) -> Option<String> {
        read_source(path)
    }
}

pub fn read_source(path: &Path) -> Option<String> {
    // Opened first and asked what it is after: one lookup of the path instead of two, which
    // counts when the index reads tens of thousands of files. Without blocking, so that a
    // named pipe is opened and turned down rather than waited on.
    let file = open_without_blocking(path)?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_SOURCE_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).ok()
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> Option<File> {
    // Elsewhere a pipe is told apart before it is opened.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    File::open(path).ok()
}

#[cfg(test)]
mod tests {
    use super::read_source;
    use crate::testing::TempTree;

    #[test]
    fn files_read_and_what_is_not_a_file_reads_as_absent() {
        let tree = TempTree::new(&[("src/page.jsx", "export default 1;\n"), ("src/folder/inner.js", "")]);
        assert_eq!(read_source(&tree.path().join("src/page.jsx")).as_deref(), Some("export default 1;\n"));
        assert_eq!(read_source(&tree.path().join("src/folder")), None);
        assert_eq!(read_source(&tree.path().join("src/missing.js")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_turned_down_without_waiting_for_a_writer() {
        let tree = TempTree::new(&[("src/page.jsx", "")]);
        let pipe = tree.path().join("src/pipe.js");
        let Ok(name) = std::ffi::CString::new(pipe.to_string_lossy().as_bytes()) else { panic!("a path") };
        // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        assert_eq!(read_source(&pipe), None);
    }
}
