//! The response-shape check on a realistic app, checked as `check` checks a workspace (reads
//! through other files count): every planted mistake (a line marked `planted: <code>`) is
//! flagged, nothing else is, the list matches `expected.txt` (`UPDATE_EXPECT=1` rewrites it),
//! and every fix leaves valid code without its warning.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use base44_lsp::checks::batch::check_workspace;
use base44_lsp::checks::shapes::response_shape_diagnostics;
use base44_lsp::project::sources::Disk;
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

/// The codes this corpus is about: what the flow finds about responses (names and contracts
/// are not: the corpus calls functions it does not define, with data they do not all read).
fn about_shapes(diagnostic: &Diagnostic) -> bool {
    !matches!(
        diagnostic.code,
        "unknown-function"
            | "unknown-fetch-path"
            | "missing-serve"
            | "unknown-input"
            | "missing-input"
            | "unknown-response-key"
            | "missing-secret"
    )
}

/// Every diagnostic of the corpus laid out at `root`, checked the way `check` checks a
/// workspace (so reads through other files count), by file relative to `root`.
fn check_corpus(root: &Path) -> Vec<(PathBuf, String, Diagnostic)> {
    let report = check_workspace(&[root.to_path_buf()], &Disk, Vec::new());
    let mut found = Vec::new();
    for file in report.files {
        let relative = file.path.strip_prefix(root).unwrap_or(&file.path).to_path_buf();
        for diagnostic in file.diagnostics.into_iter().filter(about_shapes) {
            found.push((relative.clone(), file.text.clone(), diagnostic));
        }
    }
    found
}

/// The response-shape diagnostics of one file on its own (no imports followed).
fn check_alone(relative: &Path, src: &str) -> Vec<Diagnostic> {
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
    for relative in corpus_files() {
        let src = fs::read_to_string(corpus_dir().join(&relative)).expect("readable");
        check_alone(&relative, &src);
    }
    check_corpus(&corpus_dir())
        .iter()
        .map(|(relative, text, diagnostic)| {
            let (line, col) = LineIndex::new(text).line_char_col(text, diagnostic.range.start);
            format!("{}:{line}:{col} {}", label(relative), diagnostic.code)
        })
        .collect()
}

/// A copy of the corpus in a fresh folder, for fixes to be applied to.
fn copy_of_corpus(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("base44-corpus-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let mut pending = vec![corpus_dir()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("corpus folder is readable") {
            let path = entry.expect("corpus entry").path();
            let target = root.join(path.strip_prefix(corpus_dir()).expect("inside corpus"));
            if path.is_dir() {
                fs::create_dir_all(&target).expect("copy folder");
                pending.push(path);
            } else {
                if let Some(parent) = target.parent() {
                    fs::create_dir_all(parent).expect("copy folder");
                }
                fs::copy(&path, &target).expect("copy file");
            }
        }
    }
    root
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
    let root = copy_of_corpus("fixes");
    let before = check_corpus(&root);
    let mut applied = 0;
    for (relative, _, diagnostic) in &before {
        assert!(!diagnostic.fixes.is_empty(), "{}: no fix for {diagnostic:?}", relative.display());
        for fix in &diagnostic.fixes {
            // Apply the fix (to whichever files it edits), check, and put the files back.
            let mut originals = Vec::new();
            let mut paths: Vec<&PathBuf> = fix.edits.iter().map(|e| &e.path).collect();
            paths.sort();
            paths.dedup();
            for path in paths {
                let original = fs::read_to_string(path).expect("readable");
                let mut edits: Vec<_> = fix.edits.iter().filter(|e| &e.path == path).collect();
                edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
                let mut text = original.clone();
                for edit in edits {
                    text.replace_range(edit.range.clone(), &edit.new_text);
                }
                let lang = Lang::from_path(path).expect("a source file");
                let tree = parse(&text, lang, None).expect("parses");
                assert!(!tree.root_node().has_error(), "fix {:?} broke the syntax:\n{text}", fix.title);
                fs::write(path, text).expect("writable");
                originals.push((path.clone(), original));
            }
            let after = check_corpus(&root);
            let remaining: Vec<_> = after.iter().map(|(p, _, d)| (p.clone(), d.code, d.message.clone())).collect();
            let earlier: Vec<_> = before.iter().map(|(p, _, d)| (p.clone(), d.code, d.message.clone())).collect();
            assert!(
                after.len() < before.len() && remaining.iter().all(|r| earlier.contains(r)),
                "{}: fix {:?} for {:?} left {remaining:#?}",
                relative.display(),
                fix.title,
                diagnostic.message
            );
            for (path, original) in originals {
                fs::write(path, original).expect("writable");
            }
            applied += 1;
        }
    }
    let _ = fs::remove_dir_all(&root);
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
