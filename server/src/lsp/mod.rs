//! The language server: converts between LSP and the analysis library, and keeps the
//! session's state (open documents, the workspace index, settings).

mod convert;
mod documents;
mod framing;
mod guard;
mod handlers;
mod server;
mod session;
mod settings;
mod transport;

use tower_lsp_server::LspService;

pub use server::Backend;

/// Serves LSP on stdin/stdout until the client says exit.
pub fn run_stdio() {
    guard::install_panic_hook();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("base44-lsp: cannot start the async runtime: {err}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        transport::serve(tokio::io::stdin(), tokio::io::stdout(), service, socket).await;
    });
    // Dropping what still runs (an invoke's Deno is killed on drop), without waiting on
    // blocking work that no one will read.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
}
