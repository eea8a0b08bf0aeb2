//! The analysis library: project discovery, the function index, call sites and checks.
//! Plain structs and byte offsets; no LSP types.

pub mod json_literal;
pub mod runner;
