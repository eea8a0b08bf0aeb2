//! Command-line subcommands, built on the analysis library.

pub mod check;
mod concise;
mod full;
mod github;
mod json;
mod problems;
mod sarif;
pub mod types;
