//! Runs one backend function with a payload and returns its answer: locally on Deno, the way
//! `base44 dev` runs it, or against a running app (`base44 dev` or the deployed one).
//!
//! The pieces: [`local`] and [`remote`] run an invocation, [`process`] owns the Deno process,
//! [`wrapper`] the Deno-side wrapper, [`permissions`] what it may do, [`http`] the request, [`app_id`] and `project::env_file` read the
//! project, [`deno`] finds Deno, [`error`] says what went wrong, [`text_chunks`] shows a streamed
//! body as text.

pub mod app_id;
pub mod deno;
pub mod error;
mod http;
mod local;
mod permissions;
mod process;
mod remote;
pub mod text_chunks;
pub mod wrapper;

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;
pub use tokio_util::sync::CancellationToken;

pub use error::InvokeError;
pub use text_chunks::TextChunks;

/// Where the function runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// On this machine, with Deno, over the runner's own wrapper.
    Local,
    /// `POST ${server_url}/api/apps/${app_id}/functions/${name}`: `base44 dev`
    /// (`http://localhost:4400`) or the deployed app (`https://base44.app`).
    Remote { server_url: String },
}

/// One invocation.
#[derive(Clone)]
pub struct InvokeRequest {
    /// The function's name, as the index knows it (`orders/process`).
    pub function: String,
    /// The entry file (`base44/functions/<name>/entry.ts`); used by the local target.
    pub entry: PathBuf,
    /// The folder holding `base44/`.
    pub project_root: PathBuf,
    /// The payload, sent as the JSON body.
    pub data: Value,
    /// The app id; when `None` it is read from `base44/.app.jsonc`.
    pub app_id: Option<String>,
    pub target: Target,
    /// Limit for the whole run: starting Deno, and the answer to its last byte.
    pub timeout: Duration,
    /// Sent as `Authorization: Bearer <token>`. Never printed: not by `Debug`, not in errors.
    pub token: Option<String>,
    /// The `base44.deno.path` setting; `PATH` is searched when it is `None`.
    pub deno_path: Option<PathBuf>,
    /// The `base44.deno.permissions` setting: Deno flags added to what a run may do (network,
    /// environment, reading the project), for a local run.
    pub deno_permissions: Vec<String>,
}

impl InvokeRequest {
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
}

impl fmt::Debug for InvokeRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InvokeRequest")
            .field("function", &self.function)
            .field("entry", &self.entry)
            .field("project_root", &self.project_root)
            .field("data", &self.data)
            .field("app_id", &self.app_id)
            .field("target", &self.target)
            .field("timeout", &self.timeout)
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("deno_path", &self.deno_path)
            .field("deno_permissions", &self.deno_permissions)
            .finish()
    }
}

/// The function's answer. Serialises to exactly `{ status, headers, body, durationMs, logs }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvokeResponse {
    pub status: u16,
    /// Header names in lower case; repeated headers joined with `, `.
    pub headers: BTreeMap<String, String>,
    /// Parsed JSON when the answer's `Content-Type` is JSON and it parses, otherwise a string.
    pub body: Value,
    /// From sending the request to the last byte of the body (Deno's start-up not included).
    pub duration_ms: u64,
    /// What the function printed (stdout and stderr, line by line); empty for a remote run.
    pub logs: String,
}

/// Runs the function. Body chunks reach `on_chunk` as they arrive, so a streamed answer can be
/// shown while it streams; the response still holds the whole body. A non-2xx answer is an `Ok`
/// response. Cancelling `cancel`, the timeout, or dropping the future stops the run and kills Deno
/// and everything it started.
pub async fn invoke(
    request: &InvokeRequest,
    cancel: CancellationToken,
    on_chunk: impl FnMut(&[u8]),
) -> Result<InvokeResponse, InvokeError> {
    if cancel.is_cancelled() {
        return Err(InvokeError::Cancelled);
    }
    match &request.target {
        Target::Local => local::invoke_local(request, &cancel, on_chunk).await,
        Target::Remote { server_url } => remote::invoke_remote(request, server_url, &cancel, on_chunk).await,
    }
}

/// The headers a deployed function receives from the platform that the runner can supply.
fn function_headers(app_id: Option<&str>, token: Option<&str>) -> Vec<(&'static str, String)> {
    let mut headers = Vec::new();
    if let Some(app_id) = app_id {
        headers.push(("Base44-App-Id", app_id.to_owned()));
    }
    if let Some(token) = token.map(str::trim).filter(|token| !token.is_empty()) {
        headers.push(("Authorization", format!("Bearer {token}")));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_serialises_to_the_documented_shape() -> serde_json::Result<()> {
        let response = InvokeResponse {
            status: 201,
            headers: BTreeMap::from([("content-type".to_owned(), "application/json".to_owned())]),
            body: serde_json::json!({"ok": true}),
            duration_ms: 12,
            logs: "hi\n".to_owned(),
        };
        assert_eq!(
            serde_json::to_value(&response)?,
            serde_json::json!({
                "status": 201,
                "headers": {"content-type": "application/json"},
                "body": {"ok": true},
                "durationMs": 12,
                "logs": "hi\n"
            })
        );
        Ok(())
    }

    #[test]
    fn the_invocation_can_run_on_another_task() {
        // The language server spawns invocations; that needs a `Send` future.
        fn assert_send<T: Send>(_: &T) {}
        let request = request_with_token(None);
        let mut chunks = Vec::new();
        let future = invoke(&request, CancellationToken::new(), |chunk| chunks.push(chunk.len()));
        assert_send(&future);
    }

    fn request_with_token(token: Option<&str>) -> InvokeRequest {
        InvokeRequest {
            function: "f".into(),
            entry: PathBuf::from("/p/base44/functions/f/entry.ts"),
            project_root: PathBuf::from("/p"),
            data: Value::Null,
            app_id: None,
            target: Target::Local,
            timeout: InvokeRequest::DEFAULT_TIMEOUT,
            token: token.map(str::to_owned),
            deno_path: None,
            deno_permissions: Vec::new(),
        }
    }

    #[tokio::test]
    async fn an_entry_outside_the_project_is_never_run() {
        let project = crate::testing::TempTree::new(&[("base44/functions/f/entry.ts", "")]);
        let outside = crate::testing::TempTree::new(&[("evil.ts", "Deno.serve(() => new Response());")]);
        let mut request = request_with_token(None);
        request.project_root = project.path().to_path_buf();
        request.deno_path = Some(PathBuf::from("/nonexistent/deno"));
        for entry in [
            project.path().join("base44/functions/f/../../../../../../..").join(outside.path()).join("evil.ts"),
            outside.path().join("evil.ts"),
        ] {
            request.entry = entry.clone();
            let result = invoke(&request, CancellationToken::new(), |_| {}).await;
            assert_eq!(result, Err(InvokeError::EntryOutsideProject { function: "f".into(), entry }));
        }
        #[cfg(unix)]
        {
            let link = project.path().join("base44/functions/f/entry.ts");
            std::fs::remove_file(&link).expect("the entry is replaced");
            std::os::unix::fs::symlink(outside.path().join("evil.ts"), &link).expect("by a link");
            request.entry = link.clone();
            let result = invoke(&request, CancellationToken::new(), |_| {}).await;
            assert_eq!(result, Err(InvokeError::EntryOutsideProject { function: "f".into(), entry: link }));
        }
    }

    #[test]
    fn debug_output_hides_the_token() {
        let request = request_with_token(Some("tok-very-secret"));
        let printed = format!("{request:?}");
        assert!(!printed.contains("tok-very-secret"), "{printed}");
        assert!(printed.contains("[redacted]"));
    }
}
