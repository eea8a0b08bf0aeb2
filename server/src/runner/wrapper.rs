//! The Deno wrapper that runs a function, and the files it needs, written once to a cache folder.
//!
//! The files are embedded in the binary and written to a folder named after their content, so two
//! versions of the server never share one, and a file is compared before use and rewritten when it
//! differs (an interrupted write, a stray edit).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

const WRAPPER_TS: &str = include_str!("wrapper.ts");
const RUNTIME_TS: &str = include_str!("base44-runtime.ts");
const IMPORT_MAP_JSON: &str = "{ \"imports\": { \"base44:runtime\": \"./base44-runtime.ts\" } }\n";

/// Paths of the installed wrapper files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapperFiles {
    pub wrapper: PathBuf,
    pub import_map: PathBuf,
}

/// Writes the wrapper files (if needed) under the user's cache folder, or the temp folder when
/// there is none.
pub fn install_wrapper() -> std::io::Result<WrapperFiles> {
    install_wrapper_in(&cache_base())
}

fn cache_base() -> PathBuf {
    let from_env = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(xdg) = from_env("XDG_CACHE_HOME") {
        return PathBuf::from(xdg).join("base44-lsp");
    }
    if let Some(local) = from_env("LOCALAPPDATA") {
        return PathBuf::from(local).join("base44-lsp");
    }
    if let Some(home) = from_env("HOME") {
        return PathBuf::from(home).join(".cache").join("base44-lsp");
    }
    std::env::temp_dir().join("base44-lsp")
}

pub(crate) fn install_wrapper_in(base: &Path) -> std::io::Result<WrapperFiles> {
    let files = [("wrapper.ts", WRAPPER_TS), ("base44-runtime.ts", RUNTIME_TS), ("import-map.json", IMPORT_MAP_JSON)];
    let mut hash = Fnv1a::default();
    for (name, content) in files {
        hash.write(name.as_bytes());
        hash.write(content.as_bytes());
    }
    let dir = base.join(format!("runner-{:016x}", hash.0));
    std::fs::create_dir_all(&dir)?;
    for (name, content) in files {
        write_if_different(&dir.join(name), content)?;
    }
    Ok(WrapperFiles { wrapper: dir.join("wrapper.ts"), import_map: dir.join("import-map.json") })
}

fn write_if_different(path: &Path, content: &str) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|existing| existing == content.as_bytes()) {
        return Ok(());
    }
    // Write then rename, so a run started meanwhile never reads half a file. The temporary name is
    // unique to this process and call, as several runs may install at once.
    static NEXT_TEMPORARY: AtomicU64 = AtomicU64::new(0);
    let serial = NEXT_TEMPORARY.fetch_add(1, Ordering::Relaxed);
    let temporary = path.with_extension(format!("tmp-{}-{serial}", std::process::id()));
    std::fs::write(&temporary, content)?;
    std::fs::rename(&temporary, path)
}

/// FNV-1a: a stable hash, unlike std's, whose output may change between Rust releases.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_the_files_and_repairs_a_changed_one() -> std::io::Result<()> {
        let base = std::env::temp_dir().join(format!("base44-wrapper-{}", std::process::id()));
        let files = install_wrapper_in(&base)?;
        assert_eq!(std::fs::read_to_string(&files.wrapper)?, WRAPPER_TS);
        assert_eq!(std::fs::read_to_string(&files.import_map)?, IMPORT_MAP_JSON);
        let runtime = files.wrapper.with_file_name("base44-runtime.ts");
        assert_eq!(std::fs::read_to_string(&runtime)?, RUNTIME_TS);

        std::fs::write(&files.wrapper, "tampered")?;
        let again = install_wrapper_in(&base)?;
        assert_eq!(again, files);
        assert_eq!(std::fs::read_to_string(&files.wrapper)?, WRAPPER_TS);
        std::fs::remove_dir_all(&base)?;
        Ok(())
    }
}
