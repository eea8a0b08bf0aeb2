//! The server process and LSP base-protocol framing (`Content-Length` headers) over its stdio.
//!
//! A thread reads the server's stdout and hands whole messages over a channel, so the runner can
//! wait with a deadline; another writes to its stdin, so a server that stops reading cannot block
//! the harness; a third keeps stderr for failure reports.

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What the reader thread saw on the server's stdout.
#[derive(Debug)]
pub enum Incoming {
    Message(Value),
    /// Output that is not a framed JSON message; the reader stops after it.
    Malformed(String),
    /// The server closed its stdout.
    Closed,
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    framed
}

/// Reads one framed message body. `Ok(None)` is a clean end of stream between messages.
pub fn read_frame(reader: &mut impl BufRead) -> Result<Option<Vec<u8>>, String> {
    let mut content_length = None;
    let mut first = true;
    loop {
        let mut header = String::new();
        let read = reader.read_line(&mut header).map_err(|error| format!("reading a header failed: {error}"))?;
        if read == 0 {
            return if first { Ok(None) } else { Err("the stream ended inside the headers".into()) };
        }
        first = false;
        let header = header.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        let (name, value) =
            header.split_once(':').ok_or_else(|| format!("a header line without a colon: {header:?}"))?;
        if name.trim().eq_ignore_ascii_case("content-length") {
            let length = value
                .trim()
                .parse::<usize>()
                .map_err(|_| format!("a Content-Length that is not a number: {header:?}"))?;
            content_length = Some(length);
        }
    }
    let length = content_length.ok_or("a message without a Content-Length header")?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|error| format!("the stream ended inside a {length}-byte body: {error}"))?;
    Ok(Some(body))
}

pub struct Server {
    child: Child,
    /// Bytes for the writer thread; dropping it closes the server's stdin.
    outgoing: Option<Sender<Vec<u8>>>,
    incoming: Receiver<Incoming>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Server {
    pub fn spawn(binary: &Path, workspace: &Path) -> Result<Server, String> {
        Self::spawn_with_env(binary, workspace, &[])
    }

    /// Starts the server with these environment variables set.
    pub fn spawn_with_env(binary: &Path, workspace: &Path, env: &[(&str, &str)]) -> Result<Server, String> {
        let mut child = Command::new(binary)
            .arg("--stdio")
            .current_dir(workspace)
            // A token from the developer's environment must not change what fixtures see.
            .env_remove("BASE44_ACCESS_TOKEN")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("the server has no stdout pipe")?;
        let stderr_pipe = child.stderr.take().ok_or("the server has no stderr pipe")?;
        let (sender, incoming) = channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let event = match read_frame(&mut reader) {
                    Ok(None) => Incoming::Closed,
                    Ok(Some(body)) => match serde_json::from_slice(&body) {
                        Ok(message) => Incoming::Message(message),
                        Err(error) => Incoming::Malformed(format!(
                            "a body that is not JSON ({error}): {}",
                            String::from_utf8_lossy(&body)
                        )),
                    },
                    Err(error) => Incoming::Malformed(error),
                };
                let last = !matches!(event, Incoming::Message(_));
                if sender.send(event).is_err() || last {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stderr_sink = Arc::clone(&stderr);
        thread::spawn(move || {
            let mut pipe = stderr_pipe;
            let mut chunk = [0u8; 4096];
            while let Ok(read) = pipe.read(&mut chunk) {
                if read == 0 {
                    break;
                }
                if let Ok(mut kept) = stderr_sink.lock() {
                    kept.extend_from_slice(&chunk[..read]);
                }
            }
        });
        let stdin = child.stdin.take().ok_or("the server has no stdin pipe")?;
        let (outgoing, to_write) = channel::<Vec<u8>>();
        thread::spawn(move || write_all(stdin, to_write));
        Ok(Server { child, outgoing: Some(outgoing), incoming, stderr })
    }

    pub fn send(&mut self, message: &Value) -> Result<(), String> {
        let body = serde_json::to_vec(message).map_err(|error| error.to_string())?;
        self.send_raw(&frame(&body))
    }

    pub fn send_raw(&mut self, bytes: &[u8]) -> Result<(), String> {
        let outgoing = self.outgoing.as_ref().ok_or("the server's stdin is already closed")?;
        outgoing.send(bytes.to_vec()).map_err(|_| "the server stopped reading its stdin".to_string())
    }

    /// The next thing the server sent, or `None` once `deadline` passes.
    pub fn receive(&self, deadline: Instant) -> Option<Incoming> {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(wait) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Incoming::Closed),
        }
    }

    /// The last `count` lines the server wrote to stderr.
    pub fn stderr_tail(&self, count: usize) -> String {
        let kept = match self.stderr.lock() {
            Ok(kept) => String::from_utf8_lossy(&kept).into_owned(),
            Err(_) => return String::new(),
        };
        let lines: Vec<&str> = kept.lines().collect();
        lines[lines.len().saturating_sub(count)..].join("\n")
    }

    /// Closes the server's stdin (once the messages sent before are written).
    pub fn close_stdin(&mut self) {
        self.outgoing = None;
    }

    /// Closes stdin and waits for the process to end on its own.
    pub fn wait_for_exit(&mut self, timeout: Duration) -> Result<ExitStatus, String> {
        self.outgoing = None;
        self.wait_for_end(timeout)
    }

    /// Waits for the process to end on its own, leaving stdin as it is.
    pub fn wait_for_end(&mut self, timeout: Duration) -> Result<ExitStatus, String> {
        let deadline = Instant::now() + timeout;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Ok(status),
                Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(10)),
                Ok(None) => {
                    return Err(format!("the server did not exit within {} s", timeout.as_secs_f64()));
                }
                Err(error) => return Err(format!("waiting for the server failed: {error}")),
            }
        }
    }
}

/// Writes everything it is given until the channel closes or the pipe breaks; returning drops
/// (closes) the server's stdin.
fn write_all(mut stdin: ChildStdin, to_write: Receiver<Vec<u8>>) {
    for bytes in to_write {
        if stdin.write_all(&bytes).and_then(|()| stdin.flush()).is_err() {
            break;
        }
    }
}

impl Drop for Server {
    /// A failed case must not leave a server running.
    fn drop(&mut self) {
        self.outgoing = None;
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let mut stream = frame(br#"{"id":1}"#);
        stream.extend(frame("{\"text\":\"é\"}".as_bytes()));
        let mut reader = &stream[..];
        assert_eq!(read_frame(&mut reader), Ok(Some(br#"{"id":1}"#.to_vec())));
        assert_eq!(read_frame(&mut reader), Ok(Some("{\"text\":\"é\"}".as_bytes().to_vec())));
        assert_eq!(read_frame(&mut reader), Ok(None));
    }

    #[test]
    fn other_headers_are_allowed_and_case_does_not_matter() {
        let stream = b"content-length: 2\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n{}";
        assert_eq!(read_frame(&mut &stream[..]), Ok(Some(b"{}".to_vec())));
    }

    #[test]
    fn broken_framing_is_reported() {
        let cases: [(&[u8], &str); 4] = [
            (b"Content-Length: 10\r\n\r\n{}", "the stream ended inside a 10-byte body"),
            (b"Content-Length: x\r\n\r\n", "a Content-Length that is not a number"),
            (b"hello\r\n\r\n", "a header line without a colon"),
            (b"Content-Type: json\r\n\r\n{}", "a message without a Content-Length header"),
        ];
        for (stream, message) in cases {
            let error = read_frame(&mut &stream[..]).expect_err(message);
            assert!(error.starts_with(message), "{error:?}");
        }
    }
}
