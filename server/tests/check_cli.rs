//! `base44-lsp check` as CI runs it: every output format compared byte for byte with the files in
//! `check_cli/expected/` (run on `check_cli/app`, whose names need GitHub's escaping), the exit
//! codes, and the warning limits. `UPDATE_EXPECT=1` rewrites the expected files; read the diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("check_cli")
}

/// Runs `base44-lsp check <args>` in the fixtures folder, so printed paths start at `app/`.
fn check(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_base44-lsp")).arg("check").args(args).current_dir(fixtures()).output() {
        Ok(output) => output,
        Err(error) => panic!("cannot run base44-lsp: {error}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The tool's version is the one moving part of the SARIF log: it stands as `${version}` in files.
fn compare(name: &str, actual: &str) {
    let path = fixtures().join("expected").join(name);
    let actual = actual.replace(env!("CARGO_PKG_VERSION"), "${version}");
    if std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1") {
        if let Err(error) = std::fs::write(&path, &actual) {
            panic!("cannot write {}: {error}", path.display());
        }
        return;
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    assert!(
        expected == actual,
        "{name} differs from {}:\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn every_format_matches_its_fixture() {
    for (format, file) in [
        ("full", "app.full.txt"),
        ("concise", "app.concise.txt"),
        ("github", "app.github.txt"),
        ("sarif", "app.sarif.json"),
        ("json", "app.json"),
    ] {
        let output = check(&["app", "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}: errors make the check fail");
        assert_eq!(text(&output.stderr), "", "{format}: nothing on stderr");
        compare(file, &text(&output.stdout));
    }
}

#[test]
fn the_default_is_the_full_format_without_color_off_a_terminal() {
    let default = check(&["app"]);
    let full = check(&["app", "--format", "full"]);
    assert_eq!(text(&default.stdout), text(&full.stdout));
    assert!(!default.stdout.contains(&0x1b), "no escape codes when stdout is a pipe");
    let legacy = check(&["app", "--format", "text"]);
    let concise = check(&["app", "--format", "concise"]);
    assert_eq!(text(&legacy.stdout), text(&concise.stdout), "`--format text` still means one line per problem");
}

#[test]
fn color_always_styles_the_same_text() {
    let colored = text(&check(&["app", "--color", "always"]).stdout);
    let plain = text(&check(&["app", "--color", "never"]).stdout);
    assert!(colored.contains("\x1b["), "styled output has escape codes");
    assert_eq!(strip_ansi(&colored), plain);
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-letter
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_sarif_log_reads_back_as_sarif_2_1_0() {
    let output = check(&["app", "--format", "sarif"]);
    let log: serde_sarif::sarif::Sarif = match serde_json::from_slice(&output.stdout) {
        Ok(log) => log,
        Err(error) => panic!("not a SARIF log: {error}"),
    };
    assert_eq!(log.version, serde_json::json!("2.1.0"));
    let results = log.runs.first().and_then(|run| run.results.as_ref()).map_or(0, Vec::len);
    assert_eq!(results, 4);
}

#[test]
fn warnings_pass_unless_a_limit_is_set() {
    let cases: [(&[&str], i32, &str); 5] = [
        (&[], 0, ""),
        (&["--max-warnings", "2"], 0, ""),
        (&["--max-warnings", "1"], 1, "base44-lsp check: 2 warnings, more than the 1 allowed (--max-warnings)\n"),
        (&["--error-on-warnings"], 1, "base44-lsp check: 2 warnings, more than the 0 allowed (--max-warnings)\n"),
        (
            &["--format", "github", "--error-on-warnings"],
            1,
            "base44-lsp check: 2 warnings, more than the 0 allowed (--max-warnings)\n",
        ),
    ];
    for (flags, code, stderr) in cases {
        let mut args = vec!["warnings-only"];
        args.extend_from_slice(flags);
        let output = check(&args);
        assert_eq!((output.status.code(), text(&output.stderr).as_str()), (Some(code), stderr), "{flags:?}");
    }
    let concise = text(&check(&["warnings-only", "--format", "concise"]).stdout);
    assert_eq!(
        concise,
        "warnings-only/src/Ping.jsx:5:10: warning[invoke-result-field]: `res.ok` reads the axios response of \"ping\"; its JSON is on `res.data`\n\
         warnings-only/src/Ping.jsx:5:44: warning[unknown-fetch-path]: No function of project fixture serves \"/pong\"; did you mean \"ping\"?\n\
         warnings-only: 0 errors, 2 warnings (1 function in 1 project)\n"
    );
}

#[test]
fn an_unreadable_path_exits_2_with_the_reason_on_stderr() {
    let output = check(&["no-such-folder", "--format", "github"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    assert!(
        text(&output.stderr).starts_with("base44-lsp check: cannot read no-such-folder: "),
        "{}",
        text(&output.stderr)
    );
    let both = check(&["warnings-only", "--error-on-warnings", "--max-warnings", "3"]);
    assert_eq!(both.status.code(), Some(2), "the two limits cannot be combined (clap's usage error)");
}

/// README's first command, `check examples/shop`, and the output it shows, block for block.
#[test]
fn readme_shows_what_check_prints_for_the_example() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(repository.join("README.md")).unwrap_or_default();
    let intro = "The first prints what an editor would show for `examples/shop/`";
    let shown = readme
        .split_once(intro)
        .and_then(|(_, rest)| rest.split_once("```\n"))
        .and_then(|(_, rest)| rest.split_once("```\n"))
        .map(|(block, _)| block.to_owned());
    let output = match Command::new(env!("CARGO_BIN_EXE_base44-lsp"))
        .args(["check", "examples/shop"])
        .current_dir(&repository)
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("cannot run base44-lsp: {error}"),
    };
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(shown.as_deref(), Some(text(&output.stdout).as_str()), "README's example output is out of date");
}
