//! `base44.invoke`: runs a function (locally on Deno or against a running app) and
//! answers `{ status, headers, body, durationMs, logs }`, with `$/progress` while it runs
//! and a one-line summary shown to the user. Cancelling the request kills the run.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{MessageType, ProgressToken};

use crate::lsp::convert::uri_to_path;
use crate::lsp::session::Session;
use crate::lsp::settings::InvokeSettings;
use crate::runner::{self, CancellationToken, InvokeRequest, Target, TextChunks};

pub const INVOKE: &str = "base44.invoke";

/// How much of a streamed body is shown as `$/progress`: enough to watch a run, never a flood
/// (the whole body, up to the runner's cap, is in the answer).
const PROGRESS_TEXT_LIMIT: usize = 64 * 1024;
/// One progress report's text at most.
const PROGRESS_REPORT_CHARS: usize = 200;

/// What is left to show of a streamed body.
struct ProgressBudget {
    left: usize,
    told: bool,
}

impl ProgressBudget {
    fn new(limit: usize) -> Self {
        Self { left: limit, told: false }
    }

    /// The text to report for the next chunk: its start while the budget lasts, then one
    /// notice that the rest is not shown, then nothing.
    fn take(&mut self, text: &str) -> Option<String> {
        if self.left == 0 {
            if self.told {
                return None;
            }
            self.told = true;
            return Some("(more output: see the response)".to_string());
        }
        let shown: String = text.chars().take(PROGRESS_REPORT_CHARS).collect();
        self.left = self.left.saturating_sub(shown.len());
        Some(shown)
    }
}

#[derive(Deserialize)]
struct InvokeArgs {
    function: String,
    #[serde(default)]
    data: Value,
    #[serde(default)]
    uri: Option<String>,
}

/// Where a run goes, from the `invoke` settings and the environment.
fn target(settings: &InvokeSettings) -> std::result::Result<Target, String> {
    let url = |default: &str| settings.server_url.clone().filter(|u| !u.trim().is_empty()).unwrap_or(default.into());
    match settings.target.as_str() {
        "local" | "" => Ok(Target::Local),
        "devServer" => Ok(Target::Remote { server_url: url("http://localhost:4400") }),
        "deployed" => Ok(Target::Remote { server_url: url("https://base44.app") }),
        other => Err(format!("Unknown invoke target \"{other}\": use local, devServer or deployed")),
    }
}

fn token(settings: &InvokeSettings) -> Option<String> {
    settings
        .token
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| std::env::var("BASE44_ACCESS_TOKEN").ok().filter(|t| !t.trim().is_empty()))
}

fn invalid(message: impl Into<String>) -> Error {
    Error { code: ErrorCode::InvalidParams, message: message.into().into(), data: None }
}

/// Finds the function a command names: in the project of `uri` when given, else the
/// only project that has it.
fn request_for(session: &Session, args: InvokeArgs) -> Result<InvokeRequest> {
    let index = session.index();
    let path: Option<PathBuf> = args.uri.as_deref().and_then(|u| u.parse().ok()).and_then(|u| uri_to_path(&u));
    let candidates: Vec<_> = match path.as_deref().and_then(|p| index.project_of(p)) {
        Some(project) => vec![project],
        None => index.projects.iter().collect(),
    };
    let found: Vec<_> =
        candidates.iter().filter_map(|project| project.function(&args.function).map(|f| (*project, f))).collect();
    let (project, function) = match found.as_slice() {
        [one] => *one,
        [] => return Err(invalid(format!("No function named \"{}\" is known", args.function))),
        _ => {
            return Err(invalid(format!(
                "Several projects have a function \"{}\": pass the uri of a file",
                args.function
            )));
        }
    };
    let settings = session.settings();
    let target = target(&settings.invoke).map_err(invalid)?;
    let data = if args.data.is_null() { Value::Object(Default::default()) } else { args.data };
    Ok(InvokeRequest {
        function: function.name.clone(),
        entry: function.entry.clone(),
        project_root: project.project.root.clone(),
        data,
        app_id: project.project.app_id.clone(),
        target,
        timeout: Duration::from_millis(settings.invoke.timeout_ms.max(1)),
        token: token(&settings.invoke),
        deno_path: settings.deno.path.clone().filter(|p| !p.trim().is_empty()).map(PathBuf::from),
        deno_permissions: settings.deno.permissions.clone(),
    })
}

pub async fn invoke(session: &Session, arguments: Vec<Value>) -> Result<Option<Value>> {
    let args: InvokeArgs =
        arguments.into_iter().next().and_then(|a| serde_json::from_value(a).ok()).ok_or_else(|| {
            invalid("base44.invoke takes one argument: { \"function\": name, \"data\": json, \"uri\": uri }")
        })?;
    let request = request_for(session, args)?;
    let name = request.function.clone();

    let progress = if session.caps().work_done_progress {
        let token = ProgressToken::String(format!("base44/invoke/{}", session.client.next_request_id()));
        match session.client.create_work_done_progress(token.clone()).await {
            Ok(()) => Some(session.client.progress(token, format!("Invoking {name}")).begin().await),
            Err(_) => None,
        }
    } else {
        None
    };

    // Chunks arrive in a plain callback; a channel carries them to the progress reports
    // while the run goes on. Dropping this future (the client cancelled) drops the run,
    // which kills Deno.
    let (chunks, mut texts) = tokio::sync::mpsc::unbounded_channel::<String>();
    let mut streamed = TextChunks::default();
    let run = runner::invoke(&request, CancellationToken::new(), move |chunk| {
        let text = streamed.push(chunk);
        if !text.is_empty() {
            let _ = chunks.send(text);
        }
    });
    let forward = async {
        let mut budget = ProgressBudget::new(PROGRESS_TEXT_LIMIT);
        while let Some(text) = texts.recv().await {
            if let (Some(progress), Some(shown)) = (&progress, budget.take(&text)) {
                progress.report(shown).await;
            }
        }
    };
    let (result, ()) = tokio::join!(run, forward);
    if let Some(progress) = progress {
        progress.finish().await;
    }
    match result {
        Ok(response) => {
            let summary = format!("{name}: {} in {} ms", response.status, response.duration_ms);
            let kind = if response.status < 400 { MessageType::INFO } else { MessageType::WARNING };
            session.client.show_message(kind, summary).await;
            serde_json::to_value(&response).map(Some).map_err(|_| Error::internal_error())
        }
        Err(err) => {
            let message = err.to_string();
            session.client.show_message(MessageType::ERROR, format!("Invoking {name} failed: {message}")).await;
            Err(Error { code: ErrorCode::ServerError(1), message: message.into(), data: None })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_output_shown_as_progress_is_capped() {
        let mut budget = ProgressBudget::new(450);
        let chunk = "é".repeat(300);
        let shown: Vec<Option<String>> = (0..5).map(|_| budget.take(&chunk)).collect();
        // 200 characters (400 bytes) a report, until 450 bytes are spent; then one notice.
        let report = Some("é".repeat(200));
        let notice = Some("(more output: see the response)".to_string());
        assert_eq!(shown, [report.clone(), report, notice, None, None]);
    }

    #[test]
    fn targets_and_their_default_urls() {
        let mut settings = InvokeSettings::default();
        assert_eq!(target(&settings), Ok(Target::Local));
        settings.target = "devServer".into();
        assert_eq!(target(&settings), Ok(Target::Remote { server_url: "http://localhost:4400".into() }));
        settings.target = "deployed".into();
        settings.server_url = Some("https://shop.example".into());
        assert_eq!(target(&settings), Ok(Target::Remote { server_url: "https://shop.example".into() }));
        settings.target = "mars".into();
        assert!(target(&settings).is_err());
    }
}
