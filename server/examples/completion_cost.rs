//! Prints what a completion list of N functions costs to send: through a JSON value, as
//! tower-lsp-server does with every result, and written straight to text, as base44-lsp
//! does (`lsp/raw_results.rs`); with a text edit on every item, and with the range given
//! once in `itemDefaults` (VS Code). A benchmark, not a test:
//! `cargo run --release --example completion_cost -- 2000`.

use std::time::Instant;

use serde::Serialize;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionResponse, CompletionTextEdit, Position, Range,
    TextEdit,
};

/// An item whose range is the list's default: what base44-lsp sends VS Code.
#[derive(Serialize)]
struct LeanItem<'a> {
    label: &'a str,
    kind: CompletionItemKind,
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let names: Vec<String> = (0..n).map(|i| format!("orders/process-payment-{i:05}")).collect();
    let range = Range { start: Position { line: 12, character: 47 }, end: Position { line: 12, character: 47 } };
    let rounds = 50;
    let (mut through_value, mut as_text, mut lean, mut bytes, mut lean_bytes) = (0.0, 0.0, 0.0, 0, 0);
    for _ in 0..rounds {
        let items: Vec<CompletionItem> = names
            .iter()
            .map(|name| CompletionItem {
                label: name.clone(),
                kind: Some(CompletionItemKind::FUNCTION),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: name.clone() })),
                data: Some(serde_json::Value::from(0)),
                ..Default::default()
            })
            .collect();
        let response = CompletionResponse::List(CompletionList { is_incomplete: false, items });

        let started = Instant::now();
        let value = serde_json::to_value(&response).unwrap_or_default();
        let text = serde_json::to_string(&value).unwrap_or_default();
        through_value += started.elapsed().as_secs_f64();
        bytes = text.len();

        let started = Instant::now();
        let text = serde_json::to_vec(&response).unwrap_or_default();
        as_text += started.elapsed().as_secs_f64();
        std::hint::black_box(text);

        let started = Instant::now();
        let items: Vec<LeanItem> =
            names.iter().map(|name| LeanItem { label: name, kind: CompletionItemKind::FUNCTION }).collect();
        let text = serde_json::to_vec(&items).unwrap_or_default();
        lean += started.elapsed().as_secs_f64();
        lean_bytes = text.len();
    }
    let ms = |total: f64| total * 1000.0 / f64::from(rounds);
    println!("{n} items with a text edit each, {} kB:", bytes / 1000);
    println!("  through a JSON value  {:>8.3} ms", ms(through_value));
    println!("  written as text       {:>8.3} ms", ms(as_text));
    println!("{n} items with the range in itemDefaults, {} kB:", lean_bytes / 1000);
    println!("  written as text       {:>8.3} ms", ms(lean));
}
