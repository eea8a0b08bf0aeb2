//! What checking every file while indexing costs the editor's whole-index run: the run as it
//! was (the module graph read, nothing kept of each analysis) against the run that keeps each
//! analysed file's diagnostics as `check` does (`read_and_check`), alternating, on one
//! workspace. Prints one JSON line per run and the medians. A benchmark, not a test:
//! `cargo run --release --example closed_problems -- <workspace> [rounds]`. With `plain` or
//! `checked` in place of the rounds it runs that one once, for an instruction count that the
//! machine's load does not move (`valgrind --tool=callgrind`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::time::Instant;

use base44_lsp::checks::batch::read_and_check;
use base44_lsp::modules::index::WorkspaceIndex;
use base44_lsp::modules::reading::Quiet;
use base44_lsp::project::functions::EntryReading;
use base44_lsp::project::scan::scan;
use base44_lsp::project::sources::Disk;
use base44_lsp::syntax::diagnostics::Diagnostic;

/// The whole-index run as it was: the graph read, nothing kept of each analysis.
fn index_plain(folders: &[PathBuf]) -> WorkspaceIndex {
    let scanned = scan(folders);
    let mut index = WorkspaceIndex::functions_only(folders, &scanned, &Disk, EntryReading::Full);
    index.read_modules(&scanned.files, &Disk, &AtomicUsize::new(0), &Quiet);
    index
}

/// The run that keeps every analysed file's diagnostics, as the editor's indexer now does.
fn index_and_check(folders: &[PathBuf]) -> BTreeMap<PathBuf, Vec<Diagnostic>> {
    let scanned = scan(folders);
    let mut index = WorkspaceIndex::functions_only(folders, &scanned, &Disk, EntryReading::Full);
    read_and_check(&mut index, &scanned.files, &Disk, &AtomicUsize::new(0)).0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(root) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: closed_problems <workspace> [rounds]");
        std::process::exit(2);
    };
    let folders = [root];
    match args.get(2).map(String::as_str) {
        Some("plain") => {
            std::hint::black_box(index_plain(&folders));
            return;
        }
        Some("checked") => {
            std::hint::black_box(index_and_check(&folders));
            return;
        }
        _ => {}
    }
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let (mut plain, mut checked) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        // Each round scans and indexes from scratch, as an indexing run does.
        let started = Instant::now();
        std::hint::black_box(index_plain(&folders));
        let plain_s = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let found = index_and_check(&folders);
        let checked_s = started.elapsed().as_secs_f64();
        let problems: usize = found.values().map(Vec::len).sum();
        println!(
            "{{\"round\": {round}, \"index_s\": {plain_s:.3}, \"index_and_check_s\": {checked_s:.3}, \"files_with_problems\": {}, \"problems\": {problems}}}",
            found.len()
        );
        plain.push(plain_s);
        checked.push(checked_s);
    }
    let median = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(0.0)
    };
    println!(
        "{{\"median_index_s\": {:.3}, \"median_index_and_check_s\": {:.3}}}",
        median(&mut plain),
        median(&mut checked)
    );
}
