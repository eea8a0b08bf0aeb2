//! The `base44-lsp` binary: a language server on stdio, `check` for CI, or `types` to write the
//! generated function types.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use base44_lsp::cli::{check, types};

#[derive(Parser)]
#[command(name = "base44-lsp", version, about = "Language server and checker for Base44 apps")]
struct Args {
    /// Speak LSP on stdin/stdout (the default; editors pass it).
    #[arg(long)]
    stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check every Base44 project under PATH and print its diagnostics (exit 1 on errors).
    Check {
        /// The folder to check.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = check::Format::Full)]
        format: check::Format,
        /// Fail (exit 1) on any warning, as on an error.
        #[arg(long, conflicts_with = "max_warnings")]
        error_on_warnings: bool,
        /// Fail (exit 1) when there are more than N warnings.
        #[arg(long, value_name = "N")]
        max_warnings: Option<usize>,
        /// Colors in the full format: on a terminal unless NO_COLOR is set (auto), always, never.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// A function whose calls name a function at an argument, as `invoke`'s first does:
        /// NAME (argument 0) or NAME:ARG. The same as the editor's `base44.wrappers` setting.
        #[arg(long = "wrapper", value_name = "NAME[:ARG]", value_parser = check::parse_wrapper)]
        wrappers: Vec<base44_lsp::modules::flow::env::ConfiguredWrapper>,
    },
    /// Write each project's base44/.types/types.d.ts (the function names for TypeScript), as
    /// `base44 types generate` does.
    Types {
        /// The folder holding the projects.
        #[arg(default_value = ".")]
        path: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() {
    let args = Args::parse();
    match args.command {
        Some(Command::Check { path, format, error_on_warnings, max_warnings, color, wrappers }) => {
            let color = match color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    check::color_wanted(std::io::stdout().is_terminal(), std::env::var_os("NO_COLOR").as_deref())
                }
            };
            let max_warnings = if error_on_warnings { Some(0) } else { max_warnings };
            let options = check::Options { format, max_warnings, color, wrappers };
            // Standard error is not held: the walk and the analysis log to it from other threads.
            let code = check::run(&path, options, &mut std::io::stdout().lock(), &mut std::io::stderr());
            std::process::exit(code);
        }
        Some(Command::Types { path }) => {
            let code = types::run(&path, &mut std::io::stdout().lock(), &mut std::io::stderr());
            std::process::exit(code);
        }
        None => std::process::exit(base44_lsp::lsp::run_stdio()),
    }
}
