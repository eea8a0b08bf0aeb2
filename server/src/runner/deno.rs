//! Finding the Deno binary: the `base44.deno.path` setting first, then `PATH`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::error::InvokeError;

const DENO_NAMES: &[&str] = if cfg!(windows) { &["deno.exe", "deno.cmd", "deno"] } else { &["deno"] };

/// The Deno to run. `configured` is the setting: a path, or a bare command name looked up on PATH.
pub fn locate_deno(configured: Option<&Path>) -> Result<PathBuf, InvokeError> {
    let path_var = std::env::var_os("PATH");
    locate_in(configured, path_var.as_deref())
}

fn locate_in(configured: Option<&Path>, path_var: Option<&OsStr>) -> Result<PathBuf, InvokeError> {
    if let Some(configured) = configured {
        let is_bare_name = configured.components().count() == 1 && !configured.is_absolute();
        let found = if configured.is_file() {
            Some(configured.to_path_buf())
        } else if is_bare_name {
            search_path(path_var, &[configured.as_os_str()])
        } else {
            None
        };
        return found.ok_or_else(|| InvokeError::DenoNotFound { configured: Some(configured.to_path_buf()) });
    }
    let names: Vec<&OsStr> = DENO_NAMES.iter().map(OsStr::new).collect();
    search_path(path_var, &names).ok_or(InvokeError::DenoNotFound { configured: None })
}

fn search_path(path_var: Option<&OsStr>, names: &[&OsStr]) -> Option<PathBuf> {
    let path_var = path_var?;
    std::env::split_paths(path_var)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_path_wins_and_missing_one_is_reported() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("base44-deno-locate-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let fake = dir.join("deno");
        std::fs::write(&fake, "")?;
        let path_var = std::env::join_paths([&dir]).map_err(std::io::Error::other)?;

        assert_eq!(locate_in(Some(&fake), None), Ok(fake.clone()));
        assert_eq!(locate_in(None, Some(&path_var)), Ok(fake.clone()));
        assert_eq!(locate_in(Some(Path::new("deno")), Some(&path_var)), Ok(fake.clone()));
        let missing = dir.join("nope/deno");
        assert_eq!(
            locate_in(Some(&missing), Some(&path_var)),
            Err(InvokeError::DenoNotFound { configured: Some(missing.clone()) })
        );
        assert_eq!(
            locate_in(None, Some(OsStr::new("/definitely/not/here"))),
            Err(InvokeError::DenoNotFound { configured: None })
        );
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
