//! Prints what a completion list of N functions costs to build and to serialise the way
//! tower-lsp-server does (to a JSON value, then to text). A benchmark, not a test:
//! `cargo run --release --example completion_cost -- 2000`.

use std::time::Instant;

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionResponse, CompletionTextEdit, Position, Range,
    TextEdit,
};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let names: Vec<String> = (0..n).map(|i| format!("orders/process-payment-{i:05}")).collect();
    let range = Range { start: Position { line: 12, character: 47 }, end: Position { line: 12, character: 47 } };
    let rounds = 50;
    let (mut build, mut to_value, mut to_text, mut bytes) = (0.0, 0.0, 0.0, 0);
    for _ in 0..rounds {
        let started = Instant::now();
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
        build += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let value = serde_json::to_value(&response).unwrap_or_default();
        to_value += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let text = serde_json::to_string(&value).unwrap_or_default();
        to_text += started.elapsed().as_secs_f64();
        bytes = text.len();
    }
    let ms = |total: f64| total * 1000.0 / f64::from(rounds);
    println!(
        "{n} items, {} kB: build {:.3} ms, to value {:.3} ms, to text {:.3} ms",
        bytes / 1000,
        ms(build),
        ms(to_value),
        ms(to_text)
    );
}
