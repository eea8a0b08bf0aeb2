//! A local run: start Deno over the wrapper, wait until the function listens, send one POST, stop.

use std::time::Duration;

use tokio::time::{Instant, sleep_until};
use tokio_util::sync::CancellationToken;

use super::app_id::read_app_id;
use super::deno::locate_deno;
use super::error::{InvokeError, redact};
use super::http::{build_client, decode_body, describe_error, post_json};
use super::permissions::deno_flags;
use super::process::{DenoEvent, DenoLaunch, DenoProcess};
use super::wrapper::install_wrapper;
use super::{InvokeRequest, InvokeResponse, function_headers};
use crate::project::env_file::load_env_files;

/// After the wrapper reports a load failure, how long Deno gets to finish printing and exit.
const EXIT_GRACE: Duration = Duration::from_secs(2);

enum Outcome<T> {
    Cancelled,
    TimedOut,
    Done(T),
}

pub(super) async fn invoke_local(
    request: &InvokeRequest,
    cancel: &CancellationToken,
    mut on_chunk: impl FnMut(&[u8]),
) -> Result<InvokeResponse, InvokeError> {
    let deadline = Instant::now() + request.timeout;
    let token = request.token.as_deref();
    let function = request.function.clone();
    // Checked here: a missing working folder fails the spawn with the same error as a missing
    // binary, and would be reported as "Deno was not found".
    if !request.project_root.is_dir() {
        return Err(InvokeError::Setup {
            message: format!("the project folder {} does not exist", request.project_root.display()),
        });
    }
    // The index refuses such entries; checked again here, on the path as it is now, because
    // nothing outside the project is ever run.
    if crate::project::confine::inside(&request.project_root, &request.entry).is_err() {
        return Err(InvokeError::EntryOutsideProject { function, entry: request.entry.clone() });
    }
    let deno = locate_deno(request.deno_path.as_deref())?;
    let entry = std::path::absolute(&request.entry).unwrap_or_else(|_| request.entry.clone());
    if !entry.is_file() {
        return Err(InvokeError::EntryNotFound { function, entry });
    }
    let entry_url = reqwest::Url::from_file_path(&entry).map_err(|()| InvokeError::Setup {
        message: format!("{} cannot be turned into a file URL", entry.display()),
    })?;
    let app_id = match &request.app_id {
        Some(app_id) => Some(app_id.clone()),
        None => read_app_id(&request.project_root)?,
    };
    let env_file_vars = load_env_files(&request.project_root)
        .map_err(|(path, message)| InvokeError::InvalidProjectFile { path, message })?;
    let wrapper = install_wrapper()
        .map_err(|error| InvokeError::Setup { message: format!("the Deno wrapper could not be written: {error}") })?;
    let wrapper_dir = wrapper.wrapper.parent().unwrap_or(&wrapper.wrapper);
    let permissions = deno_flags(&request.project_root, wrapper_dir, &request.deno_permissions)?;
    let port = free_port()?;
    let marker = run_marker();
    let launch = DenoLaunch {
        deno: &deno,
        wrapper: &wrapper,
        entry_url: entry_url.as_str(),
        function: &request.function,
        port,
        marker: &marker,
        working_dir: &request.project_root,
        env_file_vars: &env_file_vars,
        permissions: &permissions,
    };
    let mut process = DenoProcess::spawn(&launch).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => InvokeError::DenoNotFound { configured: request.deno_path.clone() },
        _ => InvokeError::Setup { message: format!("Deno ({}) could not be started: {error}", deno.display()) },
    })?;

    let started = tokio::select! {
        _ = cancel.cancelled() => Outcome::Cancelled,
        _ = sleep_until(deadline) => Outcome::TimedOut,
        event = process.next_event() => Outcome::Done(event),
    };
    let listening_port = match started {
        Outcome::Done(DenoEvent::Listening { port }) => port,
        Outcome::Done(event) => {
            if !matches!(event, DenoEvent::Exited { .. }) {
                process.wait_for_exit(EXIT_GRACE).await;
            }
            let output = redact(&process.stop().await, token);
            return Err(start_failure(function, event, output));
        }
        Outcome::Cancelled => {
            process.stop().await;
            return Err(InvokeError::Cancelled);
        }
        Outcome::TimedOut => {
            let output = redact(&process.stop().await, token);
            return Err(InvokeError::NotListening { function, timeout: request.timeout, output });
        }
    };

    let client = build_client().map_err(|message| InvokeError::Setup { message })?;
    let url = local_url(listening_port, &request.function)?;
    let headers = function_headers(app_id.as_deref(), token);
    let answered = tokio::select! {
        _ = cancel.cancelled() => Outcome::Cancelled,
        _ = sleep_until(deadline) => Outcome::TimedOut,
        result = post_json(&client, url.as_str(), &headers, &request.data, &mut on_chunk) => {
            Outcome::Done(result)
        }
    };
    let logs = redact(&process.stop().await, token);
    match answered {
        Outcome::Done(Ok(raw)) => Ok(InvokeResponse {
            body: decode_body(&raw.headers, &raw.body, raw.body_truncated),
            status: raw.status,
            headers: raw.headers,
            duration_ms: raw.duration_ms,
            logs,
        }),
        Outcome::Done(Err(error)) => {
            Err(InvokeError::CrashedDuringRequest { function, message: redact(&describe_error(&error), token), logs })
        }
        Outcome::Cancelled => Err(InvokeError::Cancelled),
        Outcome::TimedOut => Err(InvokeError::NoAnswer { function, timeout: request.timeout, logs }),
    }
}

fn start_failure(function: String, event: DenoEvent, output: String) -> InvokeError {
    match event {
        DenoEvent::SyntaxError => InvokeError::SyntaxError { function, output },
        DenoEvent::LoadFailed => InvokeError::LoadFailed { function, output },
        DenoEvent::NoHandler => InvokeError::NoHandler { function, output },
        DenoEvent::Exited { code } => InvokeError::ExitedBeforeListening { function, exit_code: code, output },
        // The caller goes on with the request on `Listening`; it never gets here.
        DenoEvent::Listening { .. } => InvokeError::ExitedBeforeListening { function, exit_code: None, output },
    }
}

/// `http://127.0.0.1:<port>/<name>`, the name's characters escaped as a path needs.
fn local_url(port: u16, function: &str) -> Result<reqwest::Url, InvokeError> {
    let setup = |message: String| InvokeError::Setup { message };
    let mut url =
        reqwest::Url::parse(&format!("http://127.0.0.1:{port}/")).map_err(|error| setup(error.to_string()))?;
    url.path_segments_mut()
        .map_err(|()| setup("the local URL has no path".to_owned()))?
        .pop_if_empty()
        .extend(function.split('/'));
    Ok(url)
}

/// A port free right now on loopback. Another program could take it before Deno does; Deno then
/// fails to listen and the run reports Deno's own "address in use" message.
fn free_port() -> Result<u16, InvokeError> {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| InvokeError::Setup { message: format!("no free local port for the function: {error}") })
}

/// A prefix for the wrapper's own lines that the function cannot guess.
fn run_marker() -> String {
    use std::hash::{BuildHasher, Hasher};
    // RandomState is seeded from the OS's randomness; mixing in the time and pid keeps two markers
    // from the same seed apart.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    hasher.write_u128(now.as_nanos());
    hasher.write_u32(std::process::id());
    format!("@@base44-runner-{:016x}@@", hasher.finish())
}
