//! Prints where a keystroke's time goes in one file: reparsing (incremental), the flow (call
//! sites, observations, the file's summary), checking the sites, a name just made unknown (its did-you-mean against every
//! function), the response-shape checks and the contract checks. A benchmark, not a test:
//! `cargo run --release --example keystroke -- <workspace> <file>`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use base44_lsp::checks::contracts::contract_diagnostics;
use base44_lsp::checks::names::check_call_site;
use base44_lsp::checks::shapes::shape_diagnostics;
use base44_lsp::modules::calls::CallKind;
use base44_lsp::modules::index::{BuildOptions, WorkspaceIndex};
use base44_lsp::project::sources::Disk;
use base44_lsp::syntax::text::LineIndex;
use base44_lsp::syntax::{Lang, parse};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(root), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: keystroke <workspace> <file>");
        std::process::exit(2);
    };
    let root = PathBuf::from(root);
    let path = root.join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(2);
    };
    let (index, _) = WorkspaceIndex::build(&[root], &Disk, BuildOptions::default());
    let Some(project) = index.project_of(&path) else {
        eprintln!("{} is in no project", path.display());
        std::process::exit(2);
    };
    let lang = Lang::from_path(&path).unwrap_or(Lang::Tsx);
    let mut tree = parse(&text, lang, None).expect("parses");
    let rounds = 50;
    let mut spent = [Duration::ZERO; 7];
    for round in 0..rounds {
        let started = Instant::now();
        let _lines = LineIndex::new(&text);
        spent[0] += started.elapsed();

        let started = Instant::now();
        // A one-byte edit in the middle, undone: what typing a character costs to reparse.
        tree.edit(&tree_sitter::InputEdit {
            start_byte: text.len() / 2,
            old_end_byte: text.len() / 2,
            new_end_byte: text.len() / 2,
            start_position: tree_sitter::Point { row: 0, column: 0 },
            old_end_position: tree_sitter::Point { row: 0, column: 0 },
            new_end_position: tree_sitter::Point { row: 0, column: 0 },
        });
        tree = parse(&text, lang, Some(&tree)).expect("parses");
        spent[1] += started.elapsed();

        let started = Instant::now();
        let analysis = index.modules.analyse(&index, &path, &text, &tree);
        let sites = &analysis.facts.sites;
        spent[2] += started.elapsed();

        let started = Instant::now();
        let found: usize = sites.iter().filter_map(|s| check_call_site(project, &path, s, &text)).count();
        spent[3] += started.elapsed();

        let started = Instant::now();
        // A new misspelling each round: suggestions are cached per name.
        let misspelt = sites.iter().find(|s| s.kind == CallKind::Invoke).map(|site| {
            let mut site = site.clone();
            site.value.insert_str(site.value.len() / 2, &format!("z{round}"));
            check_call_site(project, &path, &site, &text).is_some()
        });
        spent[4] += started.elapsed();

        let started = Instant::now();
        let shapes = shape_diagnostics(&analysis.index, &analysis.flow.observations, &path, Some(project)).len();
        spent[5] += started.elapsed();

        let started = Instant::now();
        let contracts = contract_diagnostics(project, &path, &text, &tree, &analysis).len();
        spent[6] += started.elapsed();
        std::hint::black_box((found, misspelt, shapes, contracts));
    }
    let names = [
        "line index",
        "reparse",
        "flow (call sites)",
        "name checks",
        "did-you-mean",
        "shape checks",
        "contract checks",
    ];
    let total: Duration = spent.iter().sum();
    println!("{} ({} lines), {rounds} keystrokes, mean per keystroke:", path.display(), text.lines().count());
    for (name, time) in names.iter().zip(spent) {
        println!("  {name:<13} {:>8.3} ms", time.as_secs_f64() * 1000.0 / rounds as f64);
    }
    println!("  {:<13} {:>8.3} ms", "total", total.as_secs_f64() * 1000.0 / rounds as f64);
}
