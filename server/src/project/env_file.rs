//! The project's env file: secrets a locally run function reads with `Deno.env.get`.
//!
//! Files, in order: `<project>/.env`, then `<project>/base44/.env`, the later overriding the earlier
//! (the one next to the functions is the more specific). Variables already set in the environment
//! the server runs in win over both, as dotenv tools do. Syntax: `NAME=value` lines, an optional
//! `export ` prefix, `#` comments, values bare (a ` #` starts a comment), in single quotes (taken
//! as written) or in double quotes (`\n`, `\t`, `\"`, `\\` escapes; may span lines). A `$` is a
//! `$`: no `${NAME}` substitution, as Node's dotenv reads the same file.
//!
//! Not dotenvy: 0.15.7 (the latest) was measured on 24 inputs and silently changes secrets that hold
//! a `$` (`"$UNSET_X"` becomes `_X`, `p$w@h` loses `$w`) and rejects `"$HOME"`; a password with a
//! `$` must reach the function as written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the env files of a project are looked for, lowest precedence first.
pub fn env_file_paths(project_root: &Path) -> [PathBuf; 2] {
    [project_root.join(".env"), project_root.join("base44").join(".env")]
}

/// The variables of the project's env files, merged. A missing file is fine; a malformed one is an
/// error naming the file (and the line, in the message), so a typo never silently drops a secret.
pub fn load_env_files(project_root: &Path) -> Result<BTreeMap<String, String>, (PathBuf, String)> {
    let mut variables = BTreeMap::new();
    for path in env_file_paths(project_root) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err((path, error.to_string())),
        };
        let parsed = parse_dotenv(&text).map_err(|message| (path.clone(), message))?;
        variables.extend(parsed);
    }
    Ok(variables)
}

/// Parses dotenv text. The error names the line that could not be read.
pub fn parse_dotenv(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut variables = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((index, line)) = lines.next() {
        let line_number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let assignment = trimmed.strip_prefix("export ").unwrap_or(trimmed).trim_start();
        let Some((name, raw_value)) = assignment.split_once('=') else {
            return Err(format!("line {line_number}: expected NAME=value"));
        };
        let name = name.trim();
        if !is_valid_name(name) {
            return Err(format!("line {line_number}: \"{name}\" is not a valid variable name"));
        }
        let raw_value = raw_value.trim_start();
        let value = if let Some(rest) = raw_value.strip_prefix('\'') {
            let Some(end) = rest.find('\'') else {
                return Err(format!("line {line_number}: the single quote is never closed"));
            };
            rest[..end].to_owned()
        } else if let Some(rest) = raw_value.strip_prefix('"') {
            read_double_quoted(rest, &mut lines)
                .ok_or_else(|| format!("line {line_number}: the double quote is never closed"))?
        } else {
            strip_comment(raw_value).trim_end().to_owned()
        };
        variables.push((name.to_owned(), value));
    }
    Ok(variables)
}

fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

fn strip_comment(value: &str) -> &str {
    match value.find(" #").or_else(|| value.find("\t#")) {
        Some(position) => &value[..position],
        None if value.starts_with('#') => "",
        None => value,
    }
}

/// Reads a double-quoted value that starts in `first` and may continue on the following lines.
fn read_double_quoted<'a>(first: &str, lines: &mut impl Iterator<Item = (usize, &'a str)>) -> Option<String> {
    let mut value = String::new();
    let mut current = first.to_owned();
    loop {
        let mut chars = current.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(value),
                '\\' => match chars.next() {
                    Some('n') => value.push('\n'),
                    Some('r') => value.push('\r'),
                    Some('t') => value.push('\t'),
                    Some(other) => value.push(other),
                    None => value.push('\\'),
                },
                other => value.push(other),
            }
        }
        let (_, next) = lines.next()?;
        value.push('\n');
        current = next.to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        match parse_dotenv(text) {
            Ok(pairs) => pairs,
            Err(message) => panic!("unexpected parse error: {message}"),
        }
    }

    #[test]
    fn reads_bare_quoted_and_exported_values() {
        let text = "# secrets\n\nAPI_KEY=abc123 # the key\nexport REGION = eu-west\n\
                    SINGLE='a #not comment \\n'\nDOUBLE=\"line1\\nline2 \\\"q\\\"\"\nEMPTY=\n";
        assert_eq!(
            pairs(text),
            vec![
                ("API_KEY".to_owned(), "abc123".to_owned()),
                ("REGION".to_owned(), "eu-west".to_owned()),
                ("SINGLE".to_owned(), "a #not comment \\n".to_owned()),
                ("DOUBLE".to_owned(), "line1\nline2 \"q\"".to_owned()),
                ("EMPTY".to_owned(), String::new()),
            ]
        );
    }

    #[test]
    fn double_quoted_values_may_span_lines() {
        assert_eq!(
            pairs("KEY=\"-----BEGIN\nabc\n-----END\"\nNEXT=1"),
            vec![("KEY".to_owned(), "-----BEGIN\nabc\n-----END".to_owned()), ("NEXT".to_owned(), "1".to_owned()),]
        );
    }

    #[test]
    fn dollar_signs_are_kept_as_written() {
        assert_eq!(
            pairs("A=p@ss$word\nB=\"$UNSET_X\"\nC=\"postgres://u:p$w@h\"\nD=${A}"),
            vec![
                ("A".to_owned(), "p@ss$word".to_owned()),
                ("B".to_owned(), "$UNSET_X".to_owned()),
                ("C".to_owned(), "postgres://u:p$w@h".to_owned()),
                ("D".to_owned(), "${A}".to_owned()),
            ]
        );
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        assert_eq!(parse_dotenv("A=1\njust words\n"), Err("line 2: expected NAME=value".into()));
        assert_eq!(parse_dotenv("1BAD=x"), Err("line 1: \"1BAD\" is not a valid variable name".into()));
        assert_eq!(parse_dotenv("A=\"open\nB=2"), Err("line 1: the double quote is never closed".into()));
    }

    #[test]
    fn base44_env_overrides_project_env() -> std::io::Result<()> {
        let root = std::env::temp_dir().join(format!("base44-envfile-{}", std::process::id()));
        std::fs::create_dir_all(root.join("base44"))?;
        std::fs::write(root.join(".env"), "SHARED=outer\nOUTER_ONLY=1\n")?;
        std::fs::write(root.join("base44").join(".env"), "SHARED=inner\n")?;
        let loaded = load_env_files(&root);
        std::fs::remove_dir_all(&root)?;
        let expected: BTreeMap<String, String> =
            [("OUTER_ONLY", "1"), ("SHARED", "inner")].into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect();
        assert_eq!(loaded, Ok(expected));
        Ok(())
    }
}
