//! The LSP fixture-transcript harness: replays `tests/<case>/transcript` against the real binary.
//!
//! `format` reads and writes transcript files, `workspace` makes each case's temporary copy,
//! `wire` speaks Content-Length framing to the server process, `placeholders` swaps the temporary
//! workspace for `${root}`, `json` lays messages out and puts them in a canonical order, `diff`
//! shows what changed, and `runner` ties them together.

pub mod diff;
pub mod format;
pub mod json;
pub mod placeholders;
pub mod runner;
pub mod wire;
pub mod workspace;
