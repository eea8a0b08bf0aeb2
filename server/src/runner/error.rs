//! Why an invocation failed, in words a user can act on.
//!
//! A non-2xx answer is not an error: it is a response, and the caller shows it. Messages never carry
//! a token: they are built from parts that hold none, and text that came from elsewhere (a network
//! error, the function's output) goes through [`redact`] first.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvokeError {
    /// No Deno binary: `configured` is the `base44.deno.path` setting when one was given.
    DenoNotFound {
        configured: Option<PathBuf>,
    },
    EntryNotFound {
        function: String,
        entry: PathBuf,
    },
    /// The entry resolves (through `..` or a link) outside the project: it is not run.
    EntryOutsideProject {
        function: String,
        entry: PathBuf,
    },
    /// The remote target needs an app id and the project has none.
    MissingAppId {
        project_root: PathBuf,
    },
    /// A project file (`base44/.app.jsonc`, an env file) exists but cannot be used.
    InvalidProjectFile {
        path: PathBuf,
        message: String,
    },
    InvalidServerUrl {
        server_url: String,
        message: String,
    },
    /// Deno could not be started, or the runner could not prepare its files.
    Setup {
        message: String,
    },
    SyntaxError {
        function: String,
        output: String,
    },
    /// The module threw (or failed to resolve an import) while it was being imported.
    LoadFailed {
        function: String,
        output: String,
    },
    /// The module neither calls `Deno.serve` nor has a default export.
    NoHandler {
        function: String,
        output: String,
    },
    ExitedBeforeListening {
        function: String,
        exit_code: Option<i32>,
        output: String,
    },
    NotListening {
        function: String,
        timeout: Duration,
        output: String,
    },
    NoAnswer {
        function: String,
        timeout: Duration,
        logs: String,
    },
    /// The function's process went away while the request was being answered.
    CrashedDuringRequest {
        function: String,
        message: String,
        logs: String,
    },
    Network {
        url: String,
        message: String,
    },
    Cancelled,
}

impl fmt::Display for InvokeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvokeError::DenoNotFound { configured: Some(path) } => write!(
                f,
                "Deno was not found at {} (the base44.deno.path setting). Install it with \
                 `npm install -g deno` or point base44.deno.path at the deno binary.",
                path.display()
            ),
            InvokeError::DenoNotFound { configured: None } => f.write_str(
                "Deno was not found on PATH. Install it with `npm install -g deno` or set \
                 base44.deno.path to the deno binary.",
            ),
            InvokeError::EntryOutsideProject { function, entry } => write!(
                f,
                "The entry file of function \"{function}\" ({}) is outside its project, so it is not run",
                entry.display()
            ),
            InvokeError::EntryNotFound { function, entry } => {
                write!(f, "The entry file of function \"{function}\" was not found: {}", entry.display())
            }
            InvokeError::MissingAppId { project_root } => write!(
                f,
                "This project has no app id ({} holds no base44/.app.jsonc with an \"id\"). Link \
                 the project to an app with the Base44 CLI before invoking functions remotely.",
                project_root.display()
            ),
            InvokeError::InvalidProjectFile { path, message } => {
                write!(f, "{} cannot be read: {message}", path.display())
            }
            InvokeError::InvalidServerUrl { server_url, message } => {
                write!(f, "The server URL \"{server_url}\" is not valid: {message}")
            }
            InvokeError::Setup { message } => write!(f, "Could not run the function: {message}"),
            InvokeError::SyntaxError { function, output } => {
                write!(f, "Function \"{function}\" has a syntax error:\n{}", output.trim_end())
            }
            InvokeError::LoadFailed { function, output } => {
                write!(f, "Function \"{function}\" failed while loading:\n{}", output.trim_end())
            }
            InvokeError::NoHandler { function, output } => {
                write!(
                    f,
                    "Function \"{function}\" never answers a request: it neither calls Deno.serve \
                     nor has a default export (a function, or an object with `fetch`)."
                )?;
                write_output(f, output)
            }
            InvokeError::ExitedBeforeListening { function, exit_code, output } => {
                match exit_code {
                    Some(code) => {
                        write!(f, "Function \"{function}\" exited with code {code} before it started listening.")?
                    }
                    None => write!(f, "Function \"{function}\" was stopped by a signal before it started listening.")?,
                }
                write_output(f, output)
            }
            InvokeError::NotListening { function, timeout, output } => {
                write!(f, "Function \"{function}\" did not start listening within {}.", seconds(*timeout))?;
                write_output(f, output)
            }
            InvokeError::NoAnswer { function, timeout, logs } => {
                write!(f, "Function \"{function}\" did not answer within {}; the run was stopped.", seconds(*timeout))?;
                write_output(f, logs)
            }
            InvokeError::CrashedDuringRequest { function, message, logs } => {
                write!(f, "Function \"{function}\" stopped while answering the request ({message}).")?;
                write_output(f, logs)
            }
            InvokeError::Network { url, message } => {
                write!(f, "The request to {url} failed: {message}")
            }
            InvokeError::Cancelled => f.write_str("The function run was cancelled."),
        }
    }
}

impl std::error::Error for InvokeError {}

impl InvokeError {
    /// A stable name for the kind of failure, for clients that offer a fix (install Deno, link
    /// the project) or style errors by kind.
    pub fn code(&self) -> &'static str {
        match self {
            InvokeError::DenoNotFound { .. } => "denoNotFound",
            InvokeError::EntryNotFound { .. } => "entryNotFound",
            InvokeError::EntryOutsideProject { .. } => "entryOutsideProject",
            InvokeError::MissingAppId { .. } => "missingAppId",
            InvokeError::InvalidProjectFile { .. } => "invalidProjectFile",
            InvokeError::InvalidServerUrl { .. } => "invalidServerUrl",
            InvokeError::Setup { .. } => "setup",
            InvokeError::SyntaxError { .. } => "syntaxError",
            InvokeError::LoadFailed { .. } => "loadFailed",
            InvokeError::NoHandler { .. } => "noHandler",
            InvokeError::ExitedBeforeListening { .. } => "exitedBeforeListening",
            InvokeError::NotListening { .. } => "notListening",
            InvokeError::NoAnswer { .. } => "timeout",
            InvokeError::CrashedDuringRequest { .. } => "crashed",
            InvokeError::Network { .. } => "network",
            InvokeError::Cancelled => "cancelled",
        }
    }

    /// What the function printed before it failed, when it ran at all.
    pub fn output(&self) -> Option<&str> {
        match self {
            InvokeError::SyntaxError { output, .. }
            | InvokeError::LoadFailed { output, .. }
            | InvokeError::NoHandler { output, .. }
            | InvokeError::ExitedBeforeListening { output, .. }
            | InvokeError::NotListening { output, .. } => Some(output),
            InvokeError::NoAnswer { logs, .. } | InvokeError::CrashedDuringRequest { logs, .. } => Some(logs),
            _ => None,
        }
    }
}

fn write_output(f: &mut fmt::Formatter<'_>, output: &str) -> fmt::Result {
    let output = output.trim_end();
    if output.is_empty() { Ok(()) } else { write!(f, " Output:\n{output}") }
}

fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 { format!("{secs:.0} s") } else { format!("{secs:.1} s") }
}

/// Replaces every occurrence of the token in `text`. Tokens shorter than a few characters are left
/// alone: replacing them would mangle ordinary words and they are not secrets anyone relies on.
pub fn redact(text: &str, token: Option<&str>) -> String {
    match token.map(str::trim) {
        Some(token) if token.len() >= 4 => text.replace(token, "[redacted]"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deno_missing_message_says_how_to_install() {
        let message = InvokeError::DenoNotFound { configured: None }.to_string();
        assert_eq!(
            message,
            "Deno was not found on PATH. Install it with `npm install -g deno` or set \
             base44.deno.path to the deno binary."
        );
        let message = InvokeError::DenoNotFound { configured: Some(PathBuf::from("/opt/deno")) }.to_string();
        assert!(message.starts_with("Deno was not found at /opt/deno (the base44.deno.path setting)."));
        assert!(message.contains("`npm install -g deno`"));
    }

    #[test]
    fn timeouts_are_shown_in_seconds() {
        let error = InvokeError::NoAnswer {
            function: "slow".into(),
            timeout: Duration::from_millis(2500),
            logs: "waiting\n".into(),
        };
        assert_eq!(
            error.to_string(),
            "Function \"slow\" did not answer within 2.5 s; the run was stopped. Output:\nwaiting"
        );
    }

    #[test]
    fn redact_hides_every_copy_of_the_token() {
        assert_eq!(redact("Bearer sekrit-123 and sekrit-123", Some("sekrit-123")), "Bearer [redacted] and [redacted]");
        assert_eq!(redact("nothing here", None), "nothing here");
        assert_eq!(redact("a b c", Some("a")), "a b c");
    }
}
