//! What a local run may do. Deno gets what a Base44 function needs and no more: the network
//! (it serves, and it calls APIs), the environment (its secrets), and reading the project's
//! files (its modules, its data) and the runner's wrapper. Not writing, not running programs,
//! not loading native code, not reading the user's home or SSH keys. The
//! `base44.deno.permissions` setting adds Deno's own `--allow-…` / `--deny-…` flags
//! (`["--allow-all"]` to widen to everything).

use std::path::Path;

use super::error::InvokeError;

/// The Deno permission flags of a run.
pub fn deno_flags(project_root: &Path, wrapper_dir: &Path, extra: &[String]) -> Result<Vec<String>, InvokeError> {
    let mut readable = Vec::new();
    for dir in [project_root, wrapper_dir] {
        let dir = dir.to_str().filter(|dir| !dir.contains(',')).ok_or_else(|| InvokeError::Setup {
            message: format!(
                "{} cannot be given to Deno as a readable folder (its path is not UTF-8 or holds a comma)",
                dir.display()
            ),
        })?;
        readable.push(dir);
    }
    let mut flags = vec!["--allow-net".to_string(), "--allow-env".to_string()];
    flags.push(format!("--allow-read={}", readable.join(",")));
    for flag in extra.iter().map(|flag| flag.trim()).filter(|flag| !flag.is_empty()) {
        if !(flag.starts_with("--allow-") || flag.starts_with("--deny-")) {
            return Err(InvokeError::Setup {
                message: format!(
                    "the base44.deno.permissions setting holds {flag:?}: only Deno's --allow-… and --deny-… flags are taken"
                ),
            });
        }
        flags.push(flag.to_string());
    }
    Ok(flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_environment_and_the_project_for_reading() {
        let flags = deno_flags(Path::new("/w/app"), Path::new("/cache/runner-1"), &[]);
        assert_eq!(
            flags,
            Ok(vec!["--allow-net".into(), "--allow-env".into(), "--allow-read=/w/app,/cache/runner-1".into()])
        );
    }

    #[test]
    fn the_setting_adds_flags_and_nothing_else() {
        let extra = vec!["--allow-write=/tmp".to_string(), " ".to_string(), "--deny-net=evil.example".to_string()];
        let flags = deno_flags(Path::new("/w"), Path::new("/c"), &extra).map(|flags| flags[3..].to_vec());
        assert_eq!(flags, Ok(vec!["--allow-write=/tmp".into(), "--deny-net=evil.example".into()]));
        let smuggled = vec!["--allow-read".to_string(), "--eval=Deno.exit()".to_string()];
        let refused = deno_flags(Path::new("/w"), Path::new("/c"), &smuggled).map_err(|e| e.to_string());
        assert_eq!(
            refused,
            Err("Could not run the function: the base44.deno.permissions setting holds \"--eval=Deno.exit()\": only \
                 Deno's --allow-… and --deny-… flags are taken"
                .to_string())
        );
        let comma = deno_flags(Path::new("/w/a,b"), Path::new("/c"), &[]).map_err(|e| e.to_string());
        assert_eq!(
            comma,
            Err("Could not run the function: /w/a,b cannot be given to Deno as a readable folder (its path is not \
                 UTF-8 or holds a comma)"
                .to_string())
        );
    }
}
