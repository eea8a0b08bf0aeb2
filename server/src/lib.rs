//! base44-lsp: a language server and checker for Base44 apps.
//!
//! The layers, bottom up: `syntax` (text, parsing), `project` (projects, their functions),
//! `modules` (call sites, the workspace index), `checks`, `features` (completion,
//! navigation, lenses), and beside them `runner` (runs a function; the only layer that
//! spawns processes). Only `lsp` knows the protocol; `cli` runs the same analysis from
//! the command line.

pub mod checks;
pub mod cli;
pub mod features;
pub mod lsp;
pub mod modules;
pub mod project;
pub mod runner;
pub mod syntax;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
pub(crate) mod testing;
