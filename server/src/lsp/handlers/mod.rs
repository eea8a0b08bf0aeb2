//! Request and notification handlers, one module per group of LSP methods. Each takes
//! the session, converts the params, calls the analysis and converts the result.

pub mod commands;
pub mod completion;
pub mod diagnostics;
pub mod indexing;
pub mod invoke;
pub mod lenses;
pub mod lifecycle;
pub mod navigation;
pub mod pull;
pub mod signature;
pub mod status;
pub mod symbols;
pub mod sync;
pub mod watched;
