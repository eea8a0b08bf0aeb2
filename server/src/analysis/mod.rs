//! The analysis library: project discovery, the function index, call sites and checks.
//! Plain structs and byte offsets; no LSP types.

pub mod batch;
pub mod calls;
pub mod checks;
pub mod completion;
pub mod diagnostics;
pub(crate) mod fields;
pub mod functions;
pub mod index;
pub mod json_literal;
pub mod jsonc;
pub mod lenses;
pub mod navigation;
pub mod project;
pub mod runner;
pub mod scan;
pub mod serve;
pub mod shapes;
pub mod sources;
pub mod syntax;
pub mod text;
pub mod types_file;
pub mod wording;

#[cfg(test)]
pub(crate) mod testing;
