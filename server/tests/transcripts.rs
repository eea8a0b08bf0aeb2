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
use transcript::workspace::TempWorkspace;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("tests")
}

/// Every folder of `tests/`, sorted by name. A folder without a `transcript` file is still
/// listed: running it fails, so a misnamed file is not silently skipped.
fn discover(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
    let mut cases: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|entry| entry.path()).filter(|path| path.is_dir()).collect();
    cases.sort();
    Ok(cases)
}

fn case_name(case: &Path) -> String {
    case.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

#[test]
fn transcripts() {
    let mode = match std::env::var("UPDATE_EXPECT") {
        Ok(value) if value == "1" => Mode::Update,
        _ => Mode::Check,
    };
    let only = std::env::var("TRANSCRIPT").ok().filter(|name| !name.is_empty());
    let cases = match discover(&cases_dir()) {
        Ok(cases) => cases,
        Err(error) => panic!("{error}"),
    };
    let cases: Vec<PathBuf> =
        cases.into_iter().filter(|case| only.as_ref().is_none_or(|only| case_name(case) == *only)).collect();
    assert!(!cases.is_empty(), "no transcript cases found in {} (TRANSCRIPT={only:?})", cases_dir().display());

    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(1, |count| count.get()).min(cases.len());
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
                                failures.push(format!("=== transcript {name} failed: {report}"));
                            }
                        }
                    }
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
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

/// A scratch case folder holding `transcript` and a one-function `workspace/`.
fn scratch_case(transcript: &str) -> TempWorkspace {
    let case = match TempWorkspace::empty("harness-self-test") {
        Ok(case) => case,
        Err(error) => panic!("{error}"),
    };
    let written = case.write("transcript", transcript).and_then(|()| {
        case.write("workspace/base44/functions/hello/entry.ts", "Deno.serve(() => new Response(\"hi\"));\n")
    });
    assert_eq!(written, Ok(()));
    case
}

fn failure_report(case: &TempWorkspace) -> String {
    match run_case(Path::new(env!("CARGO_BIN_EXE_base44-lsp")), case.root(), Mode::Check) {
        Ok(outcome) => panic!("the case passed ({outcome:?}):\n{}", case.read("transcript").unwrap_or_default()),
        Err(report) => report,
    }
}

/// The harness itself, on the real server: what `UPDATE_EXPECT=1` records must pass a check,
/// recording again must change nothing, and a wrong expectation must fail at its step with a diff.
#[test]
fn recorded_expectations_pass_and_a_wrong_one_fails() {
    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    let steps = "# The client's own initialize, so the capabilities are in the snapshot.\n\
                 > request initialize\n\
                 {\"processId\": null, \"rootUri\": \"${root}\", \"capabilities\": {}}\n\
                 > notify initialized\n\
                 {}\n";
    let case = scratch_case(steps);

    assert_eq!(run_case(binary, case.root(), Mode::Update), Ok(Outcome::Updated));
    let recorded = case.read("transcript").unwrap_or_default();
    assert!(recorded.starts_with(steps.lines().take(3).collect::<Vec<_>>().join("\n").as_str()), "{recorded}");
    assert!(recorded.contains("< response 1\n"), "{recorded}");
    assert!(recorded.contains("\"capabilities\""), "{recorded}");
    assert_eq!(run_case(binary, case.root(), Mode::Update), Ok(Outcome::Unchanged), "{recorded}");
    assert_eq!(run_case(binary, case.root(), Mode::Check), Ok(Outcome::Passed), "{recorded}");

    let wrong = recorded.replacen("\"id\": 1,", "\"id\": 7,", 1);
    assert_ne!(wrong, recorded, "the recorded response has an id line: {recorded}");
    assert_eq!(case.write("transcript", &wrong), Ok(()));
    let report = failure_report(&case);
    assert!(report.starts_with("at the step on line 2 (`> request initialize`)"), "{report}");
    assert!(report.contains("\n-  \"id\": 7,\n+  \"id\": 1,\n"), "{report}");
}

/// A request whose expected answer was left out does not pass: its step waits for the response.
#[test]
fn a_request_without_an_expected_response_fails_at_its_step() {
    let case = scratch_case(
        "> initialize\n> hide base44/status\n> hide client/registerCapability\n\
         > hide window/workDoneProgress/create\n> hide workspace/configuration\n\
         > request workspace/executeCommand\n{\"command\": \"base44.listFunctions\", \"arguments\": []}\n",
    );
    let report = failure_report(&case);
    assert!(report.starts_with("at the step on line 6 (`> request workspace/executeCommand`)"), "{report}");
    assert!(report.contains("+< response 2\n"), "{report}");
}

/// Messages no step expects are caught at the latest after the last step.
#[test]
fn messages_after_the_last_step_fail_the_case() {
    let binary = Path::new(env!("CARGO_BIN_EXE_base44-lsp"));
    let case = scratch_case("> initialize\n> open src/app.js\n");
    assert_eq!(case.write("workspace/src/app.js", "base44.functions.invoke(\"nope\");\n"), Ok(()));
    assert_eq!(run_case(binary, case.root(), Mode::Update), Ok(Outcome::Updated));
    let recorded = case.read("transcript").unwrap_or_default();
    let Some((kept, _)) = recorded.split_once("> open src/app.js\n") else {
        panic!("the open step is gone: {recorded}");
    };
    assert_eq!(case.write("transcript", &format!("{kept}> open src/app.js\n")), Ok(()));
    let report = failure_report(&case);
    assert!(
        report.starts_with("at shutdown (after the last step): the server sent messages no step expects"),
        "{report}"
    );
    assert!(report.contains("+< notification textDocument/publishDiagnostics\n"), "{report}");
}
