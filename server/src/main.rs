//! The `base44-lsp` binary: a language server on stdio, or `check` for CI.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use base44_lsp::cli::check;

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
        #[arg(long, value_enum, default_value_t = check::Format::Text)]
        format: check::Format,
        /// A function whose calls name a function at an argument, as `invoke`'s first does:
        /// NAME (argument 0) or NAME:ARG. The same as the editor's `base44.wrappers` setting.
        #[arg(long = "wrapper", value_name = "NAME[:ARG]", value_parser = check::parse_wrapper)]
        wrappers: Vec<base44_lsp::modules::flow::env::ConfiguredWrapper>,
    },
}

fn main() {
    let args = Args::parse();
    match args.command {
        Some(Command::Check { path, format, wrappers }) => {
            let code = check::run(&path, format, &wrappers, &mut std::io::stdout().lock());
            std::process::exit(code);
        }
        None => std::process::exit(base44_lsp::lsp::run_stdio()),
    }
}
