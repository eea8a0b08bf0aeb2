//! Command-line subcommands, built on the analysis library.

pub mod check;
