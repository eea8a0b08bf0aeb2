//! The function runner against real Deno: the fixture project in `tests/runner_fixtures/`.
//!
//! Deno comes from `BASE44_DENO` or `<repo>/tools/node_modules/.bin/deno` (the test script installs
//! it there). Without it these tests fail, on purpose: a skipped runner test proves nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base44_lsp::runner::{CancellationToken, InvokeError, InvokeRequest, InvokeResponse, Target, invoke};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/runner_fixtures")
}

fn deno() -> PathBuf {
    if let Some(path) = std::env::var_os("BASE44_DENO") {
        return PathBuf::from(path);
    }
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules/.bin/deno");
    assert!(
        bundled.is_file(),
        "Deno is missing: run the test script (it runs `npm install --prefix tools deno` in the \
         repository root) or set BASE44_DENO to a deno binary"
    );
    bundled
}

/// The `hangs` fixture starts a child process and writes a file: it needs what a run is not
/// given by default, through the `base44.deno.permissions` setting.
fn hanging_request(data: Value) -> InvokeRequest {
    let mut request = local_request("hangs", data);
    request.deno_permissions = vec!["--allow-run".to_owned(), "--allow-write".to_owned()];
    request
}

fn local_request(function: &str, data: Value) -> InvokeRequest {
    let root = fixtures();
    InvokeRequest {
        function: function.to_owned(),
        entry: root.join("base44/functions").join(function).join("entry.ts"),
        project_root: root,
        data,
        app_id: None,
        target: Target::Local,
        timeout: Duration::from_secs(20),
        token: None,
        deno_path: Some(deno()),
        deno_permissions: Vec::new(),
    }
}

async fn run(request: &InvokeRequest) -> Result<InvokeResponse, InvokeError> {
    invoke(request, CancellationToken::new(), |_| {}).await
}

fn header(response: &InvokeResponse, name: &str) -> Option<String> {
    response.headers.get(name).cloned()
}

#[tokio::test]
async fn json_function_gets_payload_headers_and_env_file_secrets() -> Result<(), InvokeError> {
    let mut request = local_request("echo", json!({"orderId": 7, "items": ["a", "b"]}));
    request.token = Some("tok-local-123".to_owned());
    let response = run(&request).await?;

    assert_eq!(response.status, 200);
    assert_eq!(header(&response, "content-type").as_deref(), Some("application/json"));
    assert_eq!(
        response.body,
        json!({
            "method": "POST",
            "payload": {"orderId": 7, "items": ["a", "b"]},
            "appId": "fixture-app",
            "authorization": "Bearer tok-local-123",
            "secret": "from the env file",
        })
    );
    // The function printed the token; the logs the runner hands back never show it. Keys are
    // sent in the order the user wrote them.
    assert_eq!(
        response.logs,
        "echo received {\"orderId\":7,\"items\":[\"a\",\"b\"]}\nauthorization: Bearer [redacted]\n"
    );
    Ok(())
}

#[tokio::test]
async fn streamed_body_reaches_the_caller_chunk_by_chunk() -> Result<(), InvokeError> {
    let request = local_request("streaming", json!({}));
    let mut chunks: Vec<(Instant, String)> = Vec::new();
    let response = invoke(&request, CancellationToken::new(), |chunk| {
        chunks.push((Instant::now(), String::from_utf8_lossy(chunk).into_owned()));
    })
    .await?;

    assert_eq!(response.status, 200);
    assert_eq!(response.body, Value::String("chunk 1\nchunk 2\nchunk 3\n".to_owned()));
    assert_eq!(response.logs, "sent chunk 1\nsent chunk 2\nsent chunk 3\n");
    let texts: Vec<&str> = chunks.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(texts.concat(), "chunk 1\nchunk 2\nchunk 3\n");
    assert!(chunks.len() >= 3, "expected the three writes apart, got {texts:?}");
    let spread = chunks[chunks.len() - 1].0 - chunks[0].0;
    assert!(spread >= Duration::from_millis(400), "chunks arrived together ({spread:?})");
    assert!(response.duration_ms >= 600, "duration {} ms", response.duration_ms);
    Ok(())
}

#[tokio::test]
async fn a_throwing_handler_is_a_500_with_the_error_in_the_logs() -> Result<(), InvokeError> {
    let response = run(&local_request("throws", json!({}))).await?;

    assert_eq!(response.status, 500);
    assert_eq!(response.body, Value::String("Internal Server Error".to_owned()));
    // Deno prints the uncaught error with its stack; the frames below the function's own are
    // Deno's internals, which change between versions.
    let lines: Vec<&str> = response.logs.lines().collect();
    assert_eq!(lines.get(..2), Some(&["about to fail", "Error: payment provider is down"][..]));
    assert!(
        lines.get(2).is_some_and(|frame| frame.ends_with("functions/throws/entry.ts:4:9")),
        "logs: {}",
        response.logs
    );
    Ok(())
}

#[tokio::test]
async fn default_export_is_served_with_its_status_and_headers() -> Result<(), InvokeError> {
    let response = run(&local_request("default-export", json!({"name": "Ada"}))).await?;

    assert_eq!(response.status, 201);
    assert_eq!(response.body, json!({"greeting": "Hello, Ada!"}));
    assert_eq!(header(&response, "x-greeter").as_deref(), Some("default-export"));
    assert_eq!(response.logs, "greeting Ada\n");
    Ok(())
}

#[tokio::test]
async fn deno_serve_during_import_wins_over_the_default_export() -> Result<(), InvokeError> {
    let response = run(&local_request("serve-wins", json!({}))).await?;

    assert_eq!(response.status, 200);
    assert_eq!(response.body, json!({"servedBy": "Deno.serve"}));
    assert_eq!(response.logs, "");
    Ok(())
}

#[tokio::test]
async fn every_handler_shape_is_served() -> Result<(), InvokeError> {
    let cases = [
        ("handler-option", json!({"shape": "options with handler", "url": "/handler-option"})),
        ("default-object", json!({"shape": "object with fetch"})),
        ("uses-runtime", json!({"secret": "from the env file", "later": "done"})),
    ];
    for (function, expected) in cases {
        let response = run(&local_request(function, json!({}))).await?;
        assert_eq!((response.status, response.body, response.logs.as_str()), (200, expected, ""), "{function}");
    }
    Ok(())
}

#[tokio::test]
async fn a_hanging_function_times_out_and_is_killed_with_its_children() {
    let mut request = hanging_request(json!({}));
    request.timeout = Duration::from_secs(2);
    let started = Instant::now();
    let result = run(&request).await;
    let elapsed = started.elapsed();

    let logs = match result {
        Err(InvokeError::NoAnswer { function, timeout, logs }) => {
            assert_eq!(function, "hangs");
            assert_eq!(timeout, Duration::from_secs(2));
            logs
        }
        other => panic!("expected NoAnswer, got {other:?}"),
    };
    assert!(elapsed < Duration::from_secs(6), "took {elapsed:?}");
    assert_processes_are_gone(&logs);
}

#[tokio::test]
async fn dropping_the_run_kills_deno_and_its_children() -> std::io::Result<()> {
    let pid_file = std::env::temp_dir().join(format!("base44-runner-drop-{}", std::process::id()));
    let _ = std::fs::remove_file(&pid_file);
    let request = hanging_request(json!({ "pidFile": pid_file }));
    // What the language server does when the client cancels: the request's future is dropped.
    let outcome = tokio::time::timeout(Duration::from_millis(2500), run(&request)).await;
    assert!(outcome.is_err(), "the run should still have been waiting: {outcome:?}");

    let pids = std::fs::read_to_string(&pid_file)?;
    std::fs::remove_file(&pid_file)?;
    assert_processes_are_gone(&pids);
    Ok(())
}

/// `text` is the `pids <deno> <child>` line the `hangs` fixture prints.
fn assert_processes_are_gone(text: &str) {
    let pids: Vec<u32> = text
        .trim()
        .strip_prefix("pids ")
        .map(|rest| rest.split(' ').filter_map(|pid| pid.parse().ok()).collect())
        .unwrap_or_default();
    assert_eq!(pids.len(), 2, "no pids in {text:?}");
    for pid in pids {
        assert!(process_is_gone(pid), "process {pid} is still running");
    }
}

#[tokio::test]
async fn cancelling_stops_the_run_quickly() {
    let request = hanging_request(json!({}));
    let cancel = CancellationToken::new();
    let trigger = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        trigger.cancel();
    });
    let started = Instant::now();
    let result = invoke(&request, cancel, |_| {}).await;

    assert_eq!(result, Err(InvokeError::Cancelled));
    assert!(started.elapsed() < Duration::from_secs(5), "took {:?}", started.elapsed());
}

#[tokio::test]
async fn a_syntax_error_is_reported_with_its_location() {
    let result = run(&local_request("syntax-error", json!({}))).await;

    let output = match result {
        Err(InvokeError::SyntaxError { function, output }) => {
            assert_eq!(function, "syntax-error");
            output
        }
        other => panic!("expected SyntaxError, got {other:?}"),
    };
    assert!(output.starts_with("SyntaxError: "), "output: {output}");
    assert!(output.contains("syntax-error/entry.ts:2:"), "output: {output}");
    assert!(!output.contains("wrapper.ts"), "output: {output}");
}

#[tokio::test]
async fn a_module_without_a_handler_is_reported() {
    let result = run(&local_request("no-handler", json!({}))).await;

    assert_eq!(
        result,
        Err(InvokeError::NoHandler {
            function: "no-handler".to_owned(),
            output: "loaded without a handler\n".to_owned(),
        })
    );
}

#[tokio::test]
async fn missing_deno_says_how_to_install_it() {
    let mut request = local_request("echo", json!({}));
    request.deno_path = Some(fixtures().join("no-such-deno"));
    let error = match run(&request).await {
        Err(error) => error,
        Ok(response) => panic!("expected an error, got {response:?}"),
    };

    assert_eq!(error, InvokeError::DenoNotFound { configured: request.deno_path.clone() });
    assert!(error.to_string().contains("npm install -g deno"));
}

#[tokio::test]
async fn a_missing_project_folder_is_not_blamed_on_deno() {
    let mut request = local_request("echo", json!({}));
    request.project_root = fixtures().join("no-such-project");
    let result = run(&request).await;

    let expected =
        format!("Could not run the function: the project folder {} does not exist", request.project_root.display());
    assert_eq!(result.map_err(|error| error.to_string()), Err(expected));
}

/// Deno serving the stand-in for `base44 dev`; killed when dropped.
struct RemoteServer {
    child: tokio::process::Child,
    url: String,
}

async fn start_remote_server(token: &str) -> RemoteServer {
    let port = match std::net::TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()) {
        Ok(address) => address.port(),
        Err(error) => panic!("no free port: {error}"),
    };
    let child = tokio::process::Command::new(deno())
        .args(["run", "--allow-net", "--allow-env"])
        .arg(fixtures().join("remote_server.ts"))
        .env("REMOTE_PORT", port.to_string())
        .env("REMOTE_TOKEN", token)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn();
    let child = match child {
        Ok(child) => child,
        Err(error) => panic!("could not start Deno: {error}"),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(Instant::now() < deadline, "the remote test server never listened");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    RemoteServer { child, url: format!("http://127.0.0.1:{port}") }
}

fn remote_request(server_url: &str, token: &str) -> InvokeRequest {
    let mut request = local_request("echo", json!({"remote": true}));
    request.target = Target::Remote { server_url: server_url.to_owned() };
    request.token = Some(token.to_owned());
    request.deno_path = None;
    request
}

#[tokio::test]
async fn remote_invoke_posts_to_the_app_route_with_the_bearer_token() -> Result<(), InvokeError> {
    let server = start_remote_server("remote-secret-1").await;
    let response = run(&remote_request(&server.url, "remote-secret-1")).await?;

    assert_eq!(response.status, 200);
    assert_eq!(response.body, json!({"function": "echo", "appIdHeader": "fixture-app", "payload": {"remote": true}}));
    assert_eq!(response.logs, "");
    drop(server.child);
    Ok(())
}

#[tokio::test]
async fn remote_non_2xx_answers_are_returned_not_hidden() -> Result<(), InvokeError> {
    let server = start_remote_server("right-token").await;
    let response = run(&remote_request(&server.url, "wrong-token")).await?;

    assert_eq!(response.status, 401);
    assert_eq!(response.body, json!({"error": "unauthorized"}));
    drop(server.child);
    Ok(())
}

#[tokio::test]
async fn remote_network_failure_is_clear_and_never_shows_the_token() {
    let port = match std::net::TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()) {
        Ok(address) => address.port(),
        Err(error) => panic!("no free port: {error}"),
    };
    let url = format!("http://127.0.0.1:{port}");
    let request = remote_request(&url, "never-print-me");
    let error = match run(&request).await {
        Err(error) => error,
        Ok(response) => panic!("expected a network error, got {response:?}"),
    };

    match &error {
        InvokeError::Network { url: failed, message } => {
            assert_eq!(failed, &format!("{url}/api/apps/fixture-app/functions/echo"));
            assert!(message.starts_with("could not connect"), "message: {message}");
        }
        other => panic!("expected Network, got {other:?}"),
    }
    assert!(!error.to_string().contains("never-print-me"));
    assert!(!format!("{error:?}").contains("never-print-me"));
}

fn process_is_gone(pid: u32) -> bool {
    // A killed process whose parent has not reaped it yet is a zombie: gone for our purposes.
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|stat| stat.rsplit(')').next().map(|rest| rest.trim().to_owned()));
        match state {
            None => return true,
            Some(rest) if rest.starts_with('Z') => return true,
            Some(_) if Instant::now() > deadline => return false,
            Some(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

#[tokio::test]
async fn an_error_while_loading_is_reported_with_the_output() {
    let result = run(&local_request("fails-on-load", json!({}))).await;

    let output = match result {
        Err(InvokeError::LoadFailed { function, output }) => {
            assert_eq!(function, "fails-on-load");
            output
        }
        other => panic!("expected LoadFailed, got {other:?}"),
    };
    let mut lines = output.lines();
    assert_eq!(lines.next(), Some("reading config"));
    assert_eq!(lines.next(), Some("Error: STRIPE_KEY is not set"));
    assert!(output.contains("fails-on-load/entry.ts:3:"), "output: {output}");
}

#[tokio::test]
async fn exiting_before_listening_is_reported_with_the_exit_code() {
    let result = run(&local_request("exits-early", json!({}))).await;

    assert_eq!(
        result,
        Err(InvokeError::ExitedBeforeListening {
            function: "exits-early".to_owned(),
            exit_code: Some(3),
            output: "giving up\n".to_owned(),
        })
    );
}

/// A file outside the fixture project, for a run to try to read and write.
fn outside_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("base44-runner-outside-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder outside the project");
    let path = dir.join(name);
    std::fs::write(&path, "not the function's business").expect("a file outside the project");
    path
}

#[tokio::test]
async fn a_run_reads_its_project_and_nothing_else_unless_a_setting_widens_it() -> Result<(), InvokeError> {
    let inside = fixtures().join("base44/functions/echo/entry.ts");
    let secret = outside_file("secret.txt");
    let written = secret.with_file_name("written.txt");
    let attempts = |read: &Path| json!({ "read": read, "write": written });

    let default = run(&local_request("permissions", attempts(&inside))).await?;
    assert_eq!(default.body, json!({"read": "allowed", "write": "NotCapable", "env": "allowed"}));
    let default = run(&local_request("permissions", attempts(&secret))).await?;
    assert_eq!(default.body, json!({"read": "NotCapable", "write": "NotCapable", "env": "allowed"}));

    let mut widened = local_request("permissions", attempts(&secret));
    let folder = secret.parent().map(Path::display).map(|dir| dir.to_string()).unwrap_or_default();
    widened.deno_permissions = vec![format!("--allow-read={folder}"), format!("--allow-write={folder}")];
    let widened = run(&widened).await?;
    assert_eq!(widened.body, json!({"read": "allowed", "write": "allowed", "env": "allowed"}));
    let _ = std::fs::remove_dir_all(secret.parent().unwrap_or(&secret));
    Ok(())
}
