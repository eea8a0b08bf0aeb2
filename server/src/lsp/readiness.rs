//! Answers that depend on the index are never `null` for want of one. An editor restoring
//! its tabs asks for completion and code lenses in the first moments, before the function
//! names are known: those requests wait for the names (a bounded wait), and past it answer
//! what is known, a completion list marked incomplete so the client asks again. Once an
//! indexing run ends, clients that can be told to ask for lenses (and pulled diagnostics)
//! again are told.

use std::time::Duration;

use tower_lsp_server::ls_types::{CompletionList, CompletionResponse};

use super::session::Session;

/// How long a request waits for the function names before it answers with what is known.
pub const NAMES_WAIT: Duration = Duration::from_secs(2);
/// How often a wait looks: waits only run in the first moments of a session.
const LOOK_EVERY: Duration = Duration::from_millis(10);

/// Waits until the function names are known, at most `limit`; whether they are.
pub async fn wait_for_names(session: &Session, limit: Duration) -> bool {
    wait_until(limit, || session.is_ready()).await
}

/// Waits until `done` holds, at most `limit`; whether it does.
pub async fn wait_until(limit: Duration, done: impl Fn() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + limit;
    while !done() {
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(LOOK_EVERY).await;
    }
    true
}

/// A completion answer for a client that asked before the names were known: `null` (no list
/// here) becomes an empty list marked incomplete, so the client asks again as the user types.
pub fn unless_null(answer: Option<CompletionResponse>, names_known: bool) -> Option<CompletionResponse> {
    match answer {
        None if !names_known => {
            Some(CompletionResponse::List(CompletionList { is_incomplete: true, items: Vec::new() }))
        }
        answer => answer,
    }
}

/// Tells the client to ask again for what an index change alters, when it said it can be
/// told: code lenses (call counts, the invoke lenses of new functions) and, for clients that
/// pull diagnostics, those. Not awaited: a client that never answers holds up nothing.
pub fn index_changed(session: &Session) {
    let caps = session.caps();
    if !caps.code_lens_refresh && !caps.diagnostic_refresh {
        return;
    }
    let client = session.client.clone();
    tokio::spawn(async move {
        // Both sent at once (polled in this order, so their ids are too), answers awaited apart.
        let lenses = async {
            if caps.code_lens_refresh {
                let _ = client.code_lens_refresh().await;
            }
        };
        let diagnostics = async {
            if caps.diagnostic_refresh {
                let _ = client.workspace_diagnostic_refresh().await;
            }
        };
        tokio::join!(lenses, diagnostics);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::CompletionItem;

    #[test]
    fn only_a_missing_list_before_the_names_becomes_an_incomplete_one() {
        let empty_incomplete = Some(CompletionResponse::List(CompletionList { is_incomplete: true, items: vec![] }));
        assert_eq!(unless_null(None, false), empty_incomplete);
        assert_eq!(unless_null(None, true), None, "known names and no call here: nothing to complete");
        let list = Some(CompletionResponse::Array(vec![CompletionItem::new_simple("a".into(), "b".into())]));
        assert_eq!(unless_null(list.clone(), false), list);
    }
}
