//! Fuzzing the analysis on stable Rust: every entry point a client's text reaches (text →
//! diagnostics, completion and navigation at every offset, lenses, how an entry serves, the
//! JSONC reader, a session of random edits: `lsp/edit_sessions.rs`) is run on generated input by proptest for a few
//! seconds in every `cargo test`, on a committed corpus of inputs that once broke something or
//! are known to be hostile, and on hostile inputs too large to commit (built at test time).
//!
//! `FUZZ_CASES=N cargo test -p base44-lsp --lib fuzz` runs N cases per property instead of
//! the default, for a longer campaign; a failure is shrunk and its seed kept in
//! `server/proptest-regressions/`, replayed by every later run.

mod corpus;
pub(crate) mod entry_points;
mod hostile;
pub(crate) mod properties;
