//! base44-lsp: a language server and checker for Base44 apps.
//!
//! `analysis` knows nothing of LSP; `lsp` converts between the protocol and it;
//! `cli` runs the same analysis from the command line.

pub mod analysis;
pub mod cli;
pub mod lsp;
