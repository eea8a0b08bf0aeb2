//! The language server: converts between LSP and the analysis library, and keeps the
//! session's state (open documents, the workspace index, settings).

mod convert;
mod documents;
mod guard;
mod handlers;
mod server;
mod session;
mod settings;

use tower_lsp_server::{LspService, Server};

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
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service).await;
    });
}
