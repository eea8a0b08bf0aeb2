//! The stdio transport around tower-lsp-server. Its reader stops for good at the first
//! message it cannot decode, and its `exit` (or the end of input) waits on the server's
//! unanswered requests; so stdin goes through a filter that passes on only well-formed
//! messages (answering the rest with a JSON-RPC error) and reports what ends the session
//! (`ending`), and the session then ends promptly whatever is pending.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::{ClientSocket, LspService, Server};

use super::ending::{self, End, Ending, Event};
use super::framing::{Frame, FrameReader, encode, header};
use super::light_check;
use super::raw_results::RawResults;
use super::server::Backend;

/// Once the session ends, how long the server gets to finish answering and its answers to
/// reach the client (each), before the process ends anyway.
const END_GRACE: Duration = Duration::from_millis(150);

/// Serves until the session ends; returns the process's exit status.
pub async fn serve(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl AsyncWrite + Unpin + Send + 'static,
    service: LspService<Backend>,
    socket: ClientSocket,
    raw_results: Arc<RawResults>,
) -> i32 {
    let (server_in, filter_out) = tokio::io::duplex(1 << 16);
    let (server_out, writer_in) = tokio::io::duplex(1 << 16);
    let (errors, error_frames) = mpsc::unbounded_channel();
    let (events, mut seen) = mpsc::unbounded_channel();
    tokio::spawn(filter(input, filter_out, errors, events));
    let mut writer = tokio::spawn(write_frames(writer_in, error_frames, output, raw_results));
    let mut server = Box::pin(Server::new(server_in, server_out, socket).serve(service));
    let mut ending = Ending::default();
    let mut client_gone: Option<std::pin::Pin<Box<dyn Future<Output = ()> + Send>>> = None;
    let end = loop {
        tokio::select! {
            () = &mut server => break End::ServerDone,
            Some(event) = seen.recv() => {
                if let Event::ClientProcess(pid) = event {
                    client_gone = Some(Box::pin(ending::client_gone(pid)));
                }
                if let Some(end) = ending.note(event) {
                    break end;
                }
            }
            () = async {
                match client_gone.as_mut() {
                    Some(gone) => gone.await,
                    None => std::future::pending().await,
                }
            } => {
                eprintln!("base44-lsp: the client's process is gone; exiting");
                break End::ClientGone;
            }
        }
    };
    // The server can end (after `exit`) before the loop saw the filter's last events:
    // a `shutdown` among them still counts.
    while let Ok(event) = seen.try_recv() {
        ending.note(event);
    }
    if end != End::ServerDone {
        let _ = tokio::time::timeout(END_GRACE, &mut server).await;
    }
    // Dropping the server closes its output, so the writer ends once it has sent the rest.
    drop(server);
    if tokio::time::timeout(END_GRACE, &mut writer).await.is_err() {
        writer.abort();
    }
    ending.exit_status(end)
}

/// What a body is, for the filter.
enum Checked {
    /// A message for the server, and what it means for the session's end.
    Valid { event: Option<Event> },
    /// Not JSON-RPC: answer with this error, for this id (null when unknown).
    Invalid { id: Value, code: i64, message: String },
}

/// Bodies above this size that are plain requests or notifications (a document's text) are
/// checked without building a JSON value of them (`light_check`).
const LIGHT_CHECK_OVER: usize = 64 * 1024;

/// Tells whether tower-lsp-server will take a body, by its own message types, and what it
/// means for the session's end.
fn check(body: &[u8]) -> Checked {
    if body.len() > LIGHT_CHECK_OVER
        && let Some(method) = light_check::request_method(body)
        && !matches!(&*method, "exit" | "shutdown" | "initialize")
    {
        return Checked::Valid { event: None };
    }
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Checked::Invalid {
            id: Value::Null,
            code: -32700,
            message: "Parse error: the message is not JSON".into(),
        };
    };
    if light_check::taken(body) {
        let event = match value.get("method").and_then(Value::as_str) {
            Some("exit") => Some(Event::Exit),
            Some("shutdown") => Some(Event::Shutdown),
            Some("initialize") => ending::client_process(value.get("params")).map(Event::ClientProcess),
            _ => None,
        };
        return Checked::Valid { event };
    }
    let id = value.get("id").filter(|id| id.is_number() || id.is_string()).cloned().unwrap_or(Value::Null);
    Checked::Invalid { id, code: -32600, message: "Invalid request: not a JSON-RPC 2.0 message".into() }
}

async fn filter(
    mut input: impl AsyncRead + Unpin,
    mut to_server: impl AsyncWrite + Unpin,
    errors: mpsc::UnboundedSender<Vec<u8>>,
    events: mpsc::UnboundedSender<Event>,
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
                    Checked::Valid { event } => {
                        // Header and body apart: a 4 MB document is not copied once more.
                        let sent = async {
                            to_server.write_all(&header(&body)).await?;
                            to_server.write_all(&body).await
                        };
                        if sent.await.is_err() {
                            return;
                        }
                        if let Some(event) = event {
                            let _ = events.send(event);
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
    let _ = events.send(Event::InputClosed);
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
