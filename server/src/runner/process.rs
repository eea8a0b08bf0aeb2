//! One Deno process running the wrapper: spawning it in its own process group, collecting its
//! output, reading the wrapper's progress lines, and killing it with everything it started.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::process::{Child, Command};
use tokio::sync::{mpsc, oneshot};

use super::wrapper::WrapperFiles;

/// Output kept per run; a function that prints without end cannot exhaust memory.
const OUTPUT_LIMIT_BYTES: usize = 1 << 20;
/// How long to wait for the pipes to close once the process group is killed.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);

/// What to run.
pub struct DenoLaunch<'a> {
    pub deno: &'a Path,
    pub wrapper: &'a WrapperFiles,
    /// The entry as a `file://` URL, which is what `import()` takes.
    pub entry_url: &'a str,
    pub function: &'a str,
    pub port: u16,
    /// Prefix of the wrapper's own lines; unique per run, so the function's output is never taken
    /// for one.
    pub marker: &'a str,
    pub working_dir: &'a Path,
    /// Variables from the project's env files. One already set in this process's environment keeps
    /// its value.
    pub env_file_vars: &'a BTreeMap<String, String>,
    /// Deno's permission flags (`permissions::deno_flags`).
    pub permissions: &'a [String],
}

/// Progress of the wrapper, and the end of the process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DenoEvent {
    Listening { port: u16 },
    SyntaxError,
    LoadFailed,
    NoHandler,
    Exited { code: Option<i32> },
}

pub struct DenoProcess {
    child: Child,
    group: ProcessGroup,
    events: mpsc::UnboundedReceiver<DenoEvent>,
    output: Arc<Mutex<Output>>,
    /// Fires when the reader reaches the end of the output (every writer closed it).
    output_closed: Option<oneshot::Receiver<()>>,
}

impl DenoProcess {
    pub fn spawn(launch: &DenoLaunch<'_>) -> std::io::Result<DenoProcess> {
        let mut command = Command::new(launch.deno);
        command
            .arg("run")
            .args(launch.permissions)
            .arg("--no-prompt")
            // Deno's own notes ("Download https://…") are not the function's logs.
            .arg("--quiet")
            .arg("--import-map")
            .arg(&launch.wrapper.import_map)
            .arg(&launch.wrapper.wrapper)
            .current_dir(launch.working_dir)
            .kill_on_drop(true);
        // stdout and stderr share one pipe, so the logs keep the order the function wrote them in.
        let (output_reader, output_writer) = std::io::pipe()?;
        command.stdin(Stdio::null()).stdout(Stdio::from(output_writer.try_clone()?)).stderr(Stdio::from(output_writer));
        for (name, value) in launch.env_file_vars {
            if std::env::var_os(name).is_none() {
                command.env(name, value);
            }
        }
        command
            .env("NO_COLOR", "1")
            .env("DENO_NO_UPDATE_CHECK", "1")
            .env("FUNCTION_PATH", launch.entry_url)
            .env("FUNCTION_PORT", launch.port.to_string())
            .env("FUNCTION_NAME", launch.function)
            .env("BASE44_RUNNER_MARKER", launch.marker);
        // Its own process group, so killing the run also kills whatever the function spawned.
        #[cfg(unix)]
        command.process_group(0);

        let child = command.spawn()?;
        // The command holds the pipe's write ends; dropping it leaves them to Deno alone, so the
        // reader sees the end of the output when Deno and its children are gone.
        drop(command);
        let group = ProcessGroup { leader: child.id() };
        let output = Arc::new(Mutex::new(Output::default()));
        let (events_tx, events) = mpsc::unbounded_channel();
        let (closed_tx, output_closed) = oneshot::channel();
        let reader_output = output.clone();
        let marker = launch.marker.to_owned();
        // A plain thread, not a runtime task: a blocking read that never ends (a grandchild that
        // escaped the process group keeps the pipe open) must not hold up the runtime's shutdown.
        std::thread::Builder::new().name("deno-output".to_owned()).spawn(move || {
            read_output(output_reader, &reader_output, &marker, &events_tx);
            let _ = closed_tx.send(());
        })?;
        Ok(DenoProcess { child, group, events, output, output_closed: Some(output_closed) })
    }

    /// The next progress line, or the process's exit once it has no more to say.
    pub async fn next_event(&mut self) -> DenoEvent {
        tokio::select! {
            biased;
            Some(event) = self.events.recv() => event,
            status = self.child.wait() => {
                // Progress written just before exiting may still be in the pipe.
                if let Ok(Some(event)) =
                    tokio::time::timeout(DRAIN_TIMEOUT, self.events.recv()).await
                {
                    return event;
                }
                DenoEvent::Exited { code: status.ok().and_then(|status| status.code()) }
            }
        }
    }

    /// Waits for the process to end on its own (after a load failure it exits right away).
    pub async fn wait_for_exit(&mut self, limit: Duration) {
        let _ = tokio::time::timeout(limit, self.child.wait()).await;
    }

    /// Kills the process group and returns everything the function printed.
    pub async fn stop(mut self) -> String {
        self.group.kill();
        let _ = tokio::time::timeout(DRAIN_TIMEOUT, self.child.wait()).await;
        if let Some(closed) = self.output_closed.take() {
            // A grandchild outside the group may still hold the pipe: stop waiting after a while.
            let _ = tokio::time::timeout(DRAIN_TIMEOUT, closed).await;
        }
        self.output.lock().unwrap_or_else(PoisonError::into_inner).text()
    }
}

impl Drop for DenoProcess {
    fn drop(&mut self) {
        // Reached when the invocation future is dropped (cancelled by the client) mid-run.
        self.group.kill();
    }
}

struct ProcessGroup {
    leader: Option<u32>,
}

impl ProcessGroup {
    fn kill(&mut self) {
        let Some(leader) = self.leader.take() else {
            return;
        };
        #[cfg(unix)]
        if let Ok(pid) = libc::pid_t::try_from(leader) {
            // SAFETY: kill(2) takes plain integers; a negative pid names the process group that
            // `process_group(0)` created with the child as its leader.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        #[cfg(not(unix))]
        let _ = leader;
    }
}

#[derive(Default)]
struct Output {
    text: String,
    truncated: bool,
}

impl Output {
    fn push_line(&mut self, line: &str) {
        if self.truncated {
            return;
        }
        if self.text.len() + line.len() + 1 > OUTPUT_LIMIT_BYTES {
            self.truncated = true;
            self.text.push_str("[output truncated]\n");
            return;
        }
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn text(&self) -> String {
        self.text.clone()
    }
}

fn read_output(
    stream: impl std::io::Read,
    output: &Mutex<Output>,
    marker: &str,
    events: &mpsc::UnboundedSender<DenoEvent>,
) {
    let mut reader = BufReader::new(stream);
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match reader.read_until(b'\n', &mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let line = String::from_utf8_lossy(&buffer);
        let line = line.trim_end_matches(['\n', '\r']);
        if let Some(report) = line.strip_prefix(marker) {
            if let Some(event) = parse_report(report) {
                let _ = events.send(event);
            }
            continue;
        }
        output.lock().unwrap_or_else(PoisonError::into_inner).push_line(line);
    }
}

fn parse_report(report: &str) -> Option<DenoEvent> {
    let mut words = report.split_whitespace();
    match words.next()? {
        "ready" => words.next()?.parse().ok().map(|port| DenoEvent::Listening { port }),
        "syntax-error" => Some(DenoEvent::SyntaxError),
        "load-failed" => Some(DenoEvent::LoadFailed),
        "no-handler" => Some(DenoEvent::NoHandler),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_wrapper_reports() {
        assert_eq!(parse_report(" ready 4312"), Some(DenoEvent::Listening { port: 4312 }));
        assert_eq!(parse_report(" syntax-error "), Some(DenoEvent::SyntaxError));
        assert_eq!(parse_report(" no-handler neither Deno.serve"), Some(DenoEvent::NoHandler));
        assert_eq!(parse_report(" ready notaport"), None);
        assert_eq!(parse_report(" unknown"), None);
    }

    #[test]
    fn output_stops_growing_at_the_limit() {
        let mut output = Output::default();
        let line = "x".repeat(1000);
        for _ in 0..2000 {
            output.push_line(&line);
        }
        let text = output.text();
        assert!(text.len() <= OUTPUT_LIMIT_BYTES + 20);
        assert!(text.ends_with("[output truncated]\n"));
    }
}
