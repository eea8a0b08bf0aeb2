//! Diagnostics are published in version order: a result computed for an older version of a
//! document is never published, not even after a newer one. Publications come from the message
//! loop (an edit) and from the indexer's task, on other threads; a check of the version just
//! before sending would still let an older result slip out after a newer one between the check
//! and the send. So the check and the send happen in one turn, taken in order.

use std::future::Future;

/// Sends, in turn, if `still_current` holds once the turn comes; whether it sent.
pub async fn in_turn<F: Future<Output = ()>>(
    turn: &tokio::sync::Mutex<()>,
    still_current: impl FnOnce() -> bool,
    send: impl FnOnce() -> F,
) -> bool {
    let _turn = turn.lock().await;
    if !still_current() {
        return false;
    }
    send().await;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI32, Ordering};
    use std::sync::{Arc, Mutex};

    /// Two results for one document, v1 (computed first) and v2, and the order they leave in.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_older_result_never_leaves_after_a_newer_one() {
        let turn = Arc::new(tokio::sync::Mutex::new(()));
        let version = Arc::new(AtomicI32::new(1));
        let sent = Arc::new(Mutex::new(Vec::new()));
        let publish = |v: i32, hold: Option<tokio::sync::oneshot::Receiver<()>>| {
            let (turn, version, sent) = (Arc::clone(&turn), Arc::clone(&version), Arc::clone(&sent));
            tokio::spawn(async move {
                let current = || version.load(Ordering::SeqCst) == v;
                in_turn(&turn, current, || async move {
                    if let Some(hold) = hold {
                        let _ = hold.await;
                    }
                    sent.lock().map(|mut sent| sent.push(v)).unwrap_or(());
                })
                .await
            })
        };
        // v1 is current when its turn comes, and is slow to leave; meanwhile the document
        // moves to v2, whose publication must wait for v1's to be out.
        let (release, hold) = tokio::sync::oneshot::channel();
        let first = publish(1, Some(hold));
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        version.store(2, Ordering::SeqCst);
        let second = publish(2, None);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert_eq!(sent.lock().map(|sent| sent.clone()).unwrap_or_default(), Vec::<i32>::new(), "v2 waits its turn");
        let _ = release.send(());
        assert_eq!((first.await.ok(), second.await.ok()), (Some(true), Some(true)));
        // v1's result, computed late, comes after v2's: it is dropped.
        assert_eq!(publish(1, None).await.ok(), Some(false));
        assert_eq!(sent.lock().map(|sent| sent.clone()).unwrap_or_default(), [1, 2]);
    }
}
