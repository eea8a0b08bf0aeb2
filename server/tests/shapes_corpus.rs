//! The response-shape check on a realistic app: every planted mistake (a line marked
//! `planted: <code>`) is flagged, nothing else is, the list matches `expected.txt`
//! (`UPDATE_EXPECT=1` rewrites it), and every fix leaves valid code without its warning.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use base44_lsp::checks::shapes::response_shape_diagnostics;
use base44_lsp::syntax::diagnostics::Diagnostic;
use base44_lsp::syntax::text::LineIndex;
use base44_lsp::syntax::{Lang, parse};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapes_corpus")
}

/// The corpus's source files, relative to its folder, sorted.
fn corpus_files() -> Vec<PathBuf> {
    let root = corpus_dir();
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("corpus folder is readable") {
            let path = entry.expect("corpus entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if Lang::from_path(&path).is_some() {
                files.push(path.strip_prefix(&root).expect("inside corpus").to_path_buf());
            }
        }
    }
    files.sort();
    files
}

fn check_file(relative: &Path, src: &str) -> Vec<Diagnostic> {
    let lang = Lang::from_path(relative).expect("corpus files have a known extension");
    let tree = parse(src, lang, None).expect("corpus file parses");
    assert!(!tree.root_node().has_error(), "{} has syntax errors", relative.display());
    response_shape_diagnostics(&tree, src, relative)
}

fn label(relative: &Path) -> String {
    relative.to_string_lossy().replace('\\', "/")
}

/// `file:line:col code` for each diagnostic of the corpus.
fn rendered() -> Vec<String> {
    let mut lines = Vec::new();
    for relative in corpus_files() {
        let src = fs::read_to_string(corpus_dir().join(&relative)).expect("readable");
        let index = LineIndex::new(&src);
        for diagnostic in check_file(&relative, &src) {
            let (line, col) = index.line_char_col(&src, diagnostic.range.start);
            lines.push(format!("{}:{line}:{col} {}", label(&relative), diagnostic.code));
        }
    }
    lines
}

#[test]
fn corpus_matches_expected_list() {
    let actual = rendered().join("\n") + "\n";
    let expected_path = corpus_dir().join("expected.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&expected_path, &actual).expect("expected.txt is writable");
        return;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(actual, expected, "run with UPDATE_EXPECT=1 to accept the new list");
}

/// `(file, line, code)` for each `planted: <code>` marker in the corpus.
fn planted() -> BTreeSet<(String, usize, String)> {
    let mut marks = BTreeSet::new();
    for relative in corpus_files() {
        let src = fs::read_to_string(corpus_dir().join(&relative)).expect("readable");
        for (number, line) in src.lines().enumerate() {
            if let Some((_, rest)) = line.split_once("planted: ") {
                let code: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                marks.insert((label(&relative), number + 1, code));
            }
        }
    }
    marks
}

#[test]
fn every_planted_mistake_is_flagged_and_nothing_else() {
    let planted = planted();
    let flagged: BTreeSet<(String, usize, String)> = rendered()
        .iter()
        .filter_map(|line| {
            let (place, code) = line.split_once(' ')?;
            let mut parts = place.rsplitn(3, ':');
            let _col = parts.next()?;
            let line_number = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), line_number, code.to_string()))
        })
        .collect();
    let missed: Vec<_> = planted.difference(&flagged).collect();
    let false_positives: Vec<_> = flagged.difference(&planted).collect();
    println!(
        "planted {}, flagged {}, missed {}, false positives {}",
        planted.len(),
        flagged.len(),
        missed.len(),
        false_positives.len()
    );
    assert!(planted.len() >= 20, "the corpus lost its planted mistakes");
    assert!(missed.is_empty(), "planted but not flagged: {missed:#?}");
    assert!(false_positives.is_empty(), "flagged but not planted: {false_positives:#?}");
}

#[test]
fn every_fix_applies_cleanly_and_removes_its_warning() {
    let mut applied = 0;
    for relative in corpus_files() {
        let src = fs::read_to_string(corpus_dir().join(&relative)).expect("readable");
        let before = check_file(&relative, &src);
        for diagnostic in &before {
            assert!(!diagnostic.fixes.is_empty(), "{}: no fix for {diagnostic:?}", relative.display());
            for fix in &diagnostic.fixes {
                let mut edits = fix.edits.clone();
                edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
                let mut text = src.clone();
                for edit in edits {
                    assert_eq!(edit.path, relative, "a fix edits another file");
                    text.replace_range(edit.range, &edit.new_text);
                }
                let after = check_file(&relative, &text);
                let remaining: Vec<_> = after.iter().map(|d| (d.code, &d.message)).collect();
                let earlier: Vec<_> = before.iter().map(|d| (d.code, &d.message)).collect();
                assert!(
                    after.len() < before.len() && remaining.iter().all(|r| earlier.contains(r)),
                    "{}: fix {:?} for {:?} left {remaining:#?}",
                    relative.display(),
                    fix.title,
                    diagnostic.message
                );
                applied += 1;
            }
        }
    }
    assert!(applied >= 20, "only {applied} fixes were tried");
}

/// The check runs on every keystroke. Generous bounds (the real figures are tens of
/// times lower, even in a debug build) that still catch work growing with the square
/// of the file.
#[test]
fn a_five_thousand_line_file_is_checked_quickly() {
    let mut src = String::new();
    let files = corpus_files();
    let jsx: Vec<_> = files.iter().filter(|f| f.extension().is_some_and(|e| e == "jsx")).collect();
    while src.lines().count() < 5_000 {
        for relative in &jsx {
            src.push_str(&fs::read_to_string(corpus_dir().join(relative)).expect("readable"));
        }
    }
    let time = |src: &str| {
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        let started = std::time::Instant::now();
        let found = response_shape_diagnostics(&tree, src, Path::new("big.jsx"));
        (started.elapsed(), found.len())
    };
    let (elapsed, found) = time(&src);
    assert!(found > 100, "the concatenated corpus should be full of warnings");
    assert!(elapsed.as_millis() < 1_500, "5,000 lines took {elapsed:?}");

    // One module-level response read from thousands of functions.
    let mut wide = String::from("const res = await base44.functions.invoke('a');\n");
    for k in 0..5_000 {
        wide.push_str(&format!("function f{k}(x) {{ return res.data.v{k} + x.res; }}\n"));
    }
    let (elapsed, found) = time(&wide);
    assert_eq!(found, 0);
    assert!(elapsed.as_millis() < 3_000, "5,000 references took {elapsed:?}");
}
