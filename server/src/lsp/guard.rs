//! Keeping one request's bug from taking the server down: analysis runs under
//! `catch_unwind`, and a panic becomes an error answer and a line on stderr.

use std::panic::{AssertUnwindSafe, catch_unwind};

use tower_lsp_server::jsonrpc;

/// Panics print to stderr (stdout carries the protocol) with where they happened.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("base44-lsp: internal error: {info}");
    }));
}

/// Runs `f`, turning a panic into an internal-error answer for the client.
pub fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> jsonrpc::Result<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        let mut error = jsonrpc::Error::internal_error();
        error.message = format!("base44-lsp hit an internal error while answering {what}; see its log").into();
        error
    })
}

/// Runs `f` for a notification, where there is no one to answer: a panic is logged only.
pub fn guarded_notification(what: &str, f: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        eprintln!("base44-lsp: {what} failed; the server goes on");
    }
}
