//! Replays every LSP fixture transcript under `tests/` against the real `base44-lsp` binary.
//!
//! `TRANSCRIPT=<case>` runs one case; `UPDATE_EXPECT=1` rewrites the expected messages from what
//! the server sends. The format is described in `tests/README.md`.

mod transcript;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use transcript::runner::{Mode, Outcome, run_case};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
}

/// Every folder of `tests/`, sorted by name. A folder without a `transcript` file is still
/// listed: running it fails, so a misnamed file is not silently skipped.
fn discover(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
    let mut cases: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    Ok(cases)
}

fn case_name(case: &Path) -> String {
    case.file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

#[test]
fn transcripts() {
    let mode = match std::env::var("UPDATE_EXPECT") {
        Ok(value) if value == "1" => Mode::Update,
        _ => Mode::Check,
    };
    let only = std::env::var("TRANSCRIPT")
        .ok()
        .filter(|name| !name.is_empty());
    let cases = match discover(&cases_dir()) {
        Ok(cases) => cases,
        Err(error) => panic!("{error}"),
    };
    let cases: Vec<PathBuf> = cases
        .into_iter()
        .filter(|case| only.as_ref().is_none_or(|only| case_name(case) == *only))
        .collect();
    assert!(
        !cases.is_empty(),
        "no transcript cases found in {} (TRANSCRIPT={only:?})",
        cases_dir().display()
    );

    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, |count| count.get())
        .min(cases.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let name = case_name(case);
                    let started = Instant::now();
                    let outcome = run_case(binary, case, mode);
                    let seconds = started.elapsed().as_secs_f64();
                    match outcome {
                        Ok(Outcome::Passed) => eprintln!("transcript {name}: ok ({seconds:.2} s)"),
                        Ok(Outcome::Unchanged) => {
                            eprintln!("transcript {name}: unchanged ({seconds:.2} s)")
                        }
                        Ok(Outcome::Updated) => {
                            eprintln!("transcript {name}: UPDATED ({seconds:.2} s)")
                        }
                        Err(report) => {
                            eprintln!("transcript {name}: FAILED ({seconds:.2} s)");
                            if let Ok(mut failures) = failures.lock() {
                                failures.push(format!("=== transcript {name} failed {report}"));
                            }
                        }
                    }
                }
            });
        }
    });

    let mut failures = failures
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    failures.sort();
    if !failures.is_empty() {
        panic!(
            "{} of {} transcripts failed (UPDATE_EXPECT=1 rewrites the expectations; review the diff):\n\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n\n")
        );
    }
}
