//! The language server: converts between LSP and the analysis library, and keeps the
//! session's state (open documents, the workspace index, settings).

mod analyses;
mod completion_list;
mod convert;
mod documents;
#[cfg(test)]
mod edit_sessions;
mod ending;
mod framing;
mod guard;
mod handlers;
mod light_check;
mod memory;
mod offload;
mod problems;
mod publication;
pub(crate) mod raw_results;
mod readiness;
mod server;
mod session;
mod settings;
#[cfg(test)]
mod sync_properties;
mod transport;

use std::pin::Pin;
use std::sync::Arc;

use tokio::io::AsyncWrite;
use tower_lsp_server::LspService;

use raw_results::RawResults;

pub use server::Backend;

/// Serves LSP on stdin/stdout until the session ends; returns the process's exit status.
pub fn run_stdio() -> i32 {
    // Before the runtime starts its threads.
    memory::return_large_buffers_to_the_system();
    guard::install_panic_hook();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("base44-lsp: cannot start the async runtime: {err}");
            return 1;
        }
    };
    let status = runtime.block_on(async {
        let raw_results = Arc::new(RawResults::default());
        let stashed = Arc::clone(&raw_results);
        let (service, socket) = LspService::new(move |client| Backend::new(client, stashed));
        transport::serve(tokio::io::stdin(), unbuffered_stdout(), service, socket, raw_results).await
    });
    // Dropping what still runs (an invoke's Deno is killed on drop), without waiting long
    // on blocking work that no one will read (an indexing run, stdin's reader).
    runtime.shutdown_timeout(std::time::Duration::from_millis(250));
    status
}

/// Standard output past std's line buffering, which searches every write for a newline
/// (a completion list can be hundreds of kilobytes) and copies it once more.
fn unbuffered_stdout() -> Pin<Box<dyn AsyncWrite + Send>> {
    #[cfg(unix)]
    let raw = {
        use std::os::fd::AsFd;
        std::io::stdout().as_fd().try_clone_to_owned().map(std::fs::File::from)
    };
    #[cfg(windows)]
    let raw = {
        use std::os::windows::io::AsHandle;
        std::io::stdout().as_handle().try_clone_to_owned().map(std::fs::File::from)
    };
    match raw {
        Ok(file) => Box::pin(tokio::fs::File::from_std(file)),
        Err(_) => Box::pin(tokio::io::stdout()),
    }
}
