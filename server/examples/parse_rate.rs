//! Prints how fast tree-sitter parses on this machine, on one core, over the files of a
//! workspace that can hold a call site (what `check` and the indexer parse), as one JSON
//! line. The benchmark prints it so that numbers from different machines, or from one
//! shared machine on different days, can be set side by side: parsing is most of what
//! `check` and the whole index cost. A benchmark, not a test:
//! `cargo run --release --example parse_rate -- <workspace> [seconds]`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use base44_lsp::modules::index::mentions_functions;
use base44_lsp::project::scan::scan;
use base44_lsp::syntax::{Lang, parse};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(root) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: parse_rate <workspace> [seconds]");
        std::process::exit(2);
    };
    let budget = Duration::from_secs_f64(args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2.0));
    let files = scan(std::slice::from_ref(&root)).files;
    let (mut count, mut bytes, mut spent) = (0usize, 0usize, Duration::ZERO);
    for path in &files {
        let (Some(lang), Ok(text)) = (Lang::from_path(path), std::fs::read_to_string(path)) else { continue };
        if !mentions_functions(&text) {
            continue;
        }
        let started = Instant::now();
        std::hint::black_box(parse(&text, lang, None));
        spent += started.elapsed();
        count += 1;
        bytes += text.len();
        if spent >= budget {
            break;
        }
    }
    let seconds = spent.as_secs_f64();
    let megabytes = bytes as f64 / 1e6;
    let rate = if seconds > 0.0 { megabytes / seconds } else { 0.0 };
    println!(
        r#"{{"files": {count}, "megabytes": {megabytes:.3}, "seconds": {seconds:.3}, "megabytes_per_second": {rate:.2}}}"#
    );
}
