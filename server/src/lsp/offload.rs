//! Long requests off the message loop, and stopped when cancelled. tower-lsp-server polls every
//! handler on one task, so a handler that works for a second (references over a large
//! workspace, reading every file that calls a function) holds up every other message, and
//! `$/cancelRequest`, which drops the handler's future at its next `.await`, cannot stop work
//! that has none. Such handlers run on a blocking thread instead; dropping the request (a
//! cancellation) raises a flag that the work reads through [`cancelled`]: the session's
//! file reads check it, so the rest of the work finds nothing to read and ends at once.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tower_lsp_server::jsonrpc;

use super::session::Session;

thread_local! {
    /// The flag of the request the current blocking thread works for.
    static CANCELLED: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// Whether the request this thread works for was cancelled (never, outside [`run`]).
pub fn cancelled() -> bool {
    CANCELLED.with(|flag| flag.borrow().as_ref().is_some_and(|flag| flag.load(Ordering::Relaxed)))
}

/// Raises the flag when the request's future is dropped before the work ended (it is taken
/// out once the work has ended).
struct CancelOnDrop(Option<Arc<AtomicBool>>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        if let Some(flag) = &self.0 {
            flag.store(true, Ordering::Relaxed);
        }
    }
}

/// The flag of the request a blocking thread works for, taken off the thread when the work
/// ends, even by a panic: the pool's threads go on to other work.
struct Installed;

impl Installed {
    fn new(flag: Arc<AtomicBool>) -> Self {
        CANCELLED.with(|slot| *slot.borrow_mut() = Some(flag));
        Installed
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        CANCELLED.with(|slot| *slot.borrow_mut() = None);
    }
}

/// Runs `work` on a blocking thread; dropping the returned future cancels it.
pub async fn run<T: Send + 'static>(
    session: &Arc<Session>,
    what: &'static str,
    work: impl FnOnce(&Session) -> jsonrpc::Result<T> + Send + 'static,
) -> jsonrpc::Result<T> {
    let flag = Arc::new(AtomicBool::new(false));
    let mut guard = CancelOnDrop(Some(Arc::clone(&flag)));
    let session = Arc::clone(session);
    let joined = tokio::task::spawn_blocking(move || {
        let _installed = Installed::new(flag);
        work(&session)
    })
    .await;
    // Finished: nothing left to cancel.
    guard.0 = None;
    joined.unwrap_or_else(|_| {
        let mut error = jsonrpc::Error::internal_error();
        error.message = format!("base44-lsp hit an internal error while answering {what}; see its log").into();
        Err(error)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn dropping_the_request_stops_the_work() {
        let (service, _socket) = tower_lsp_server::LspService::new(|client| {
            crate::lsp::Backend::new(client, Arc::new(crate::lsp::raw_results::RawResults::default()))
        });
        let session = service.inner().session();
        let (ended, mut ended_rx) = tokio::sync::mpsc::unbounded_channel();
        let request = run(&session, "a test", move |_| {
            let started = Instant::now();
            while !cancelled() && started.elapsed() < Duration::from_secs(30) {
                std::thread::sleep(Duration::from_millis(5));
            }
            let _ = ended.send(cancelled());
            Ok(())
        });
        // The client cancels: the request's future is dropped before the work ends.
        assert!(tokio::time::timeout(Duration::from_millis(100), request).await.is_err());
        let stopped = tokio::time::timeout(Duration::from_secs(5), ended_rx.recv()).await;
        assert_eq!(stopped, Ok(Some(true)), "the work saw the cancellation and ended");
        assert!(!cancelled(), "no flag outside a request");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_finished_request_answers_and_a_panic_is_an_error() {
        let (service, _socket) = tower_lsp_server::LspService::new(|client| {
            crate::lsp::Backend::new(client, Arc::new(crate::lsp::raw_results::RawResults::default()))
        });
        let session = service.inner().session();
        assert_eq!(run(&session, "a test", |_| Ok(cancelled())).await, Ok(false));
        let panicked: jsonrpc::Result<()> = run(&session, "a test", |_| panic!("a bug")).await;
        assert_eq!(
            panicked.map_err(|e| e.message.into_owned()),
            Err("base44-lsp hit an internal error while answering a test; see its log".to_string())
        );
    }
}
