//! Where file text comes from: the disk, or an editor's unsaved buffers laid over it.

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
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_SOURCE_BYTES {
        return None;
    }
    String::from_utf8(std::fs::read(path).ok()?).ok()
}
