//! Prints where a keystroke's time goes in one file, typed as the benchmark types: a `z` into
//! a function name at a call site in the middle of the file, then deleted, over and over.
//! Each keystroke: the line index, the incremental reparse, the editor's check (the flow
//! again over the parts of the file the edit touched, `checks::parts`), and for comparison
//! the whole file checked again (what the editor did before), with its pieces: the flow (call
//! sites, observations, the file's summary), the name checks, a name just made unknown (its
//! did-you-mean against every function), the response-shape checks and the contract checks.
//! Both checks run on every keystroke, one after the other, so a busy machine slows both
//! alike; their answers are compared. A benchmark, not a test:
//! `cargo run --release --example keystroke -- <workspace> <file> [keystrokes]`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use base44_lsp::checks::check_file;
use base44_lsp::checks::contracts::contract_diagnostics;
use base44_lsp::checks::names::check_call_site;
use base44_lsp::checks::parts::check_file_by_parts;
use base44_lsp::checks::shapes::shape_diagnostics;
use base44_lsp::modules::calls::CallKind;
use base44_lsp::modules::index::{BuildOptions, WorkspaceIndex};
use base44_lsp::project::sources::Disk;
use base44_lsp::syntax::text::LineIndex;
use base44_lsp::syntax::{Lang, parse, point_at};
use tree_sitter::InputEdit;

const STAGES: [&str; 9] = [
    "line index",
    "reparse",
    "check by parts",
    "whole check",
    "  flow",
    "  name checks",
    "  did-you-mean",
    "  shape checks",
    "  contracts",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(root), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: keystroke <workspace> <file> [keystrokes]");
        std::process::exit(2);
    };
    let rounds: u32 = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(50).max(1);
    let root = PathBuf::from(root);
    let path = root.join(file);
    let Ok(mut text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(2);
    };
    let options = BuildOptions { modules: true, ..BuildOptions::default() };
    let (index, _) = WorkspaceIndex::build(&[root], &Disk, options);
    let Some(project) = index.project_of(&path) else {
        eprintln!("{} is in no project", path.display());
        std::process::exit(2);
    };
    let lang = Lang::from_path(&path).unwrap_or(Lang::Tsx);
    let mut tree = parse(&text, lang, None).expect("parses");
    let (_, mut state) = check_file_by_parts(None, 0, &index, &index, &path, &text, &tree);
    // The name typed into: the call site nearest the middle of the file.
    let middle = text.len() / 2;
    let at = index
        .modules
        .analyse(&index, &path, &text, &tree)
        .facts
        .sites
        .iter()
        .filter(|s| s.kind == CallKind::Invoke)
        .min_by_key(|s| s.content.start.abs_diff(middle))
        .map_or(middle, |s| s.content.start + 1);
    let mut spent = [Duration::ZERO; STAGES.len()];
    // Each keystroke's time in the editor (line index, reparse, check): by parts, and whole.
    let (mut by_parts_times, mut whole_times) = (Vec::new(), Vec::new());
    let mut whole_checks = 0;
    for round in 0..rounds {
        let typing = round % 2 == 0;
        let (old_end, new_end) = if typing { (at, at + 1) } else { (at + 1, at) };
        let (start_position, old_end_position) = (point_at(&text, at), point_at(&text, old_end));
        if typing {
            text.insert(at, 'z');
        } else {
            text.remove(at);
        }
        let started = Instant::now();
        let _lines = LineIndex::new(&text);
        let lines_time = started.elapsed();
        spent[0] += lines_time;

        let started = Instant::now();
        tree.edit(&InputEdit {
            start_byte: at,
            old_end_byte: old_end,
            new_end_byte: new_end,
            start_position,
            old_end_position,
            new_end_position: point_at(&text, new_end),
        });
        tree = parse(&text, lang, Some(&tree)).expect("parses");
        let edit_time = lines_time + started.elapsed();
        spent[1] += edit_time - lines_time;

        let started = Instant::now();
        let (by_parts, next) = check_file_by_parts(state.as_ref(), 0, &index, &index, &path, &text, &tree);
        whole_checks += usize::from(next.is_none());
        state = next;
        let by_parts_time = started.elapsed();
        spent[2] += by_parts_time;

        let started = Instant::now();
        let whole = check_file(&index, &index, &path, &text, &tree);
        let whole_time = started.elapsed();
        spent[3] += whole_time;
        assert_eq!(by_parts.diagnostics, whole.diagnostics, "both checks agree");
        by_parts_times.push(edit_time + by_parts_time);
        whole_times.push(edit_time + whole_time);

        let started = Instant::now();
        let analysis = index.modules.analyse(&index, &path, &text, &tree);
        let sites = &analysis.facts.sites;
        spent[4] += started.elapsed();

        let started = Instant::now();
        let found: usize = sites.iter().filter_map(|s| check_call_site(project, &path, s, &text)).count();
        spent[5] += started.elapsed();

        let started = Instant::now();
        // A new misspelling each round: suggestions are cached per name.
        let misspelt = sites.iter().take(1).any(|site| {
            let mut site = site.clone();
            site.value.insert_str(site.value.len() / 2, &format!("z{round}"));
            check_call_site(project, &path, &site, &text).is_some()
        });
        spent[6] += started.elapsed();

        let started = Instant::now();
        let shapes = shape_diagnostics(&analysis.index, &analysis.flow.observations, &path, Some(project)).len();
        spent[7] += started.elapsed();

        let started = Instant::now();
        let contracts = contract_diagnostics(project, &path, &text, &tree, &analysis).len();
        spent[8] += started.elapsed();
        std::hint::black_box((found, misspelt, shapes, contracts));
    }
    println!("{} ({} lines), {rounds} keystrokes, mean per keystroke:", path.display(), text.lines().count());
    for (name, time) in STAGES.iter().zip(spent) {
        println!("  {name:<15} {:>8.3} ms", time.as_secs_f64() * 1000.0 / f64::from(rounds));
    }
    println!("check by parts fell back to the whole file on {whole_checks} of {rounds} keystrokes");
    println!("keystroke to diagnostics (line index, reparse, check):");
    for (name, times) in [("by parts", &mut by_parts_times), ("whole", &mut whole_times)] {
        times.sort_unstable();
        let at = |share: f64| times[((times.len() - 1) as f64 * share).round() as usize].as_secs_f64() * 1000.0;
        println!("  {name:<15} p50 {:>7.3} ms  p99 {:>7.3} ms  max {:>7.3} ms", at(0.5), at(0.99), at(1.0));
    }
}
