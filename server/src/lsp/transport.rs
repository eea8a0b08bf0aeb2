//! The stdio transport around tower-lsp-server. Its reader stops for good at the first
//! message it cannot decode, and its `exit` waits on the server's unanswered requests;
//! so stdin goes through a filter that passes on only well-formed messages (answering
//! the rest with a JSON-RPC error), and `exit` ends the process promptly.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::{ClientSocket, LspService, Server};

use super::framing::{Frame, FrameReader, encode};
use super::raw_results::RawResults;
use super::server::Backend;

/// How long `exit` waits for the server to wind down before the process ends anyway.
const EXIT_GRACE: Duration = Duration::from_millis(500);

pub async fn serve(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl AsyncWrite + Unpin + Send + 'static,
    service: LspService<Backend>,
    socket: ClientSocket,
    raw_results: Arc<RawResults>,
) {
    let (server_in, filter_out) = tokio::io::duplex(1 << 16);
    let (server_out, writer_in) = tokio::io::duplex(1 << 16);
    let (errors, error_frames) = mpsc::unbounded_channel();
    let (exit_seen, mut exit_wait) = mpsc::channel::<()>(1);
    tokio::spawn(filter(input, filter_out, errors, exit_seen));
    let writer = tokio::spawn(write_frames(writer_in, error_frames, output, raw_results));
    let server = Server::new(server_in, server_out, socket).serve(service);
    tokio::select! {
        () = server => {}
        Some(()) = exit_wait.recv() => {
            tokio::time::sleep(EXIT_GRACE).await;
        }
    }
    writer.abort();
}

/// What a body is, for the filter.
enum Checked {
    Valid {
        exit: bool,
    },
    /// Not JSON-RPC: answer with this error, for this id (null when unknown).
    Invalid {
        id: Value,
        code: i64,
        message: String,
    },
}

/// Reads a body once (a full-text `didChange` can be megabytes) and tells whether
/// tower-lsp-server will take it, by its own message types.
fn check(body: &[u8]) -> Checked {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Checked::Invalid {
            id: Value::Null,
            code: -32700,
            message: "Parse error: the message is not JSON".into(),
        };
    };
    if Request::deserialize(&value).is_ok() || Response::deserialize(&value).is_ok() {
        return Checked::Valid { exit: value.get("method").and_then(Value::as_str) == Some("exit") };
    }
    let id = value.get("id").filter(|id| id.is_number() || id.is_string()).cloned().unwrap_or(Value::Null);
    Checked::Invalid { id, code: -32600, message: "Invalid request: not a JSON-RPC 2.0 message".into() }
}

async fn filter(
    mut input: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    errors: mpsc::UnboundedSender<Vec<u8>>,
    exit_seen: mpsc::Sender<()>,
) {
    let mut reader = FrameReader::default();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let read = match input.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        reader.push(&chunk[..read]);
        while let Some(frame) = reader.next_frame() {
            match frame {
                Frame::Body(body) => match check(&body) {
                    Checked::Valid { exit } => {
                        if to_server.write_all(&encode(&body)).await.is_err() {
                            return;
                        }
                        if exit {
                            let _ = exit_seen.send(()).await;
                        }
                    }
                    Checked::Invalid { id, code, message } => {
                        eprintln!("base44-lsp: {message}");
                        let _ = errors.send(error_frame(id, code, &message));
                    }
                },
                Frame::Garbage(why) => {
                    eprintln!("base44-lsp: ignored bytes that are not an LSP message ({why})");
                    let message = format!("Parse error: {why}");
                    let _ = errors.send(error_frame(Value::Null, -32700, &message));
                }
            }
        }
    }
    // The client closed its end: let the server see the end of input too.
    let _ = to_server.shutdown().await;
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    encode(body.to_string().as_bytes())
}

/// Writes the server's frames and the filter's error answers to the client, whole
/// frames at a time so they never interleave.
async fn write_frames(
    mut from_server: impl AsyncRead + Unpin,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
    mut output: impl AsyncWrite + Unpin,
    raw_results: Arc<RawResults>,
) {
    let mut reader = FrameReader::default();
    let mut chunk = vec![0u8; 1 << 16];
    let mut server_open = true;
    loop {
        // Errors first: the filter queues one before it passes on what follows the
        // garbage, so answers keep the order of the client's messages.
        tokio::select! {
            biased;
            Some(frame) = errors.recv() => {
                if output.write_all(&frame).await.is_err() {
                    return;
                }
            }
            read = from_server.read(&mut chunk), if server_open => {
                match read {
                    Ok(0) | Err(_) => server_open = false,
                    Ok(n) => {
                        reader.push(&chunk[..n]);
                        while let Some(frame) = reader.next_frame() {
                            let Frame::Body(body) = frame else { continue };
                            let body = raw_results.replacement(&body).unwrap_or(body);
                            if output.write_all(&encode(&body)).await.is_err() {
                                return;
                            }
                        }
                    }
                }
            }
            else => break,
        }
        if output.flush().await.is_err() {
            return;
        }
    }
}
