//! Hostile inputs too large to commit, built at test time: 100,000 levels of nesting (of every
//! bracket the grammar nests), a 20 MB one-line file, invalid UTF-8 on disk, and a syntax
//! error in every statement. Each goes through every entry point, as text and as a file the
//! index reads from disk (as an open document: `lsp/edit_sessions.rs`). Tests run on threads
//! with the same 2 MiB stack as the server's workers, so a recursion that would overflow there
//! overflows here.

use std::path::PathBuf;

use super::entry_points::{Offsets, Role, exercise, exercise_as};
use crate::modules::index::{BuildOptions, WorkspaceIndex};
use crate::project::sources::Disk;
use crate::testing::{SHOP, TempTree};

const DEPTH: usize = 100_000;

fn nested(open: &str, inner: &str, close: &str) -> String {
    nested_to(DEPTH, open, inner, close)
}

fn nested_to(depth: usize, open: &str, inner: &str, close: &str) -> String {
    let mut text = String::with_capacity((open.len() + close.len()) * depth + inner.len() + 64);
    text.push_str("const x = ");
    for _ in 0..depth {
        text.push_str(open);
    }
    text.push_str(inner);
    for _ in 0..depth {
        text.push_str(close);
    }
    text.push_str(";\n");
    text
}

/// Deeply nested texts, of every kind of nesting the grammars have.
fn deep_texts() -> Vec<(&'static str, String)> {
    let whole = nested("(", "1", ")");
    vec![
        ("parentheses", whole.clone()),
        // Cut off half-way, as a half-typed file is.
        ("unclosed parentheses", whole[..whole.len() / 2].to_string()),
        ("arrays", nested("[", "1", "]")),
        ("objects", nested("{a:", "1", "}")),
        ("calls", nested("f(", "base44.functions.invoke(\"x\", {})", ")")),
        ("templates", nested("`${", "1", "}`")),
        ("jsx", nested("<a>", "x", "</a>")),
        // Statements where an expression belongs: error recovery all the way down.
        ("blocks", nested("if(a){", "", "}")),
        ("members", nested("", "a", ".b")),
        // Call sites inside call sites' data, a tenth as deep: each level is a call site.
        ("invokes", nested_to(DEPTH / 10, "base44.functions.invoke(\"x\",", "{}", ")")),
    ]
}

/// Each text as a page (one grammar: nesting is the grammars' common ground), with completion
/// and navigation asked at the deepest point, where each look costs a descent.
fn deeply_nested(kinds: &[&str]) {
    for (name, text) in deep_texts().into_iter().filter(|(name, _)| kinds.contains(name)) {
        let started = std::time::Instant::now();
        exercise_as(&text, Offsets::Middle, &[Role::Page]);
        eprintln!("nesting: {name}: {:?}", started.elapsed());
    }
}

#[test]
fn a_hundred_thousand_levels_of_brackets() {
    deeply_nested(&["parentheses", "unclosed parentheses", "arrays", "objects", "members"]);
}

#[test]
fn a_hundred_thousand_levels_of_calls_templates_jsx_and_blocks() {
    deeply_nested(&["calls", "templates", "jsx", "blocks", "invokes"]);
}

#[test]
fn a_hundred_thousand_levels_of_nesting_in_a_config() {
    let deep = format!("{{\"name\": {}1{}}}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let refused = crate::syntax::jsonc::parse_object(&deep);
    assert_eq!(refused.map(|_| ()).map_err(|e| e.message), Err("nested more than 512 levels deep".to_string()));
    exercise(&deep, Offsets::Spread(4));
}

#[test]
fn a_twenty_megabyte_line() {
    let mut text = String::with_capacity(20 << 20);
    while text.len() < 20 << 20 {
        text.push_str("var a=base44.functions.invoke(\"x\",{b:1});function c(d){return d?.e??[d,{f:`g`}]}");
    }
    exercise(&text, Offsets::Spread(10));
}

#[test]
fn a_syntax_error_in_every_statement() {
    let broken = [
        "const = ;",
        "base44.functions.invoke(\"a\" {",
        "const { data: } = await base44.functions.invoke(\"process-order\", { orderId: });",
        "Deno.serve(async (req) => { const { orderId } = await req.json(; });",
        "try { await base44.functions.invoke(\"x\") } catch (e) { e.data",
        "export default {",
        "res.data.",
        "`${",
        "/* unterminated",
        "base44.functions.fetch(\"/orders/refund\").then((r) => r.data.",
    ];
    let text: String = (0..5_000).map(|i| format!("{}\n", broken[i % broken.len()])).collect();
    exercise(&text, Offsets::Spread(500));
}

#[test]
fn invalid_utf8_and_deep_files_on_disk_are_indexed_without_harm() {
    let deep = nested("(", "base44.functions.invoke(\"process-order\")", ")");
    let mut files: Vec<(&str, &str)> = SHOP.to_vec();
    files.push(("src/deep.js", &deep));
    let tree = TempTree::new(&files);
    let invalid: [(&str, &[u8]); 3] = [
        ("src/latin1.js", b"base44.functions.invoke(\"caf\xe9\");\n"),
        ("base44/functions/broken/entry.ts", b"Deno.serve(() => new Response(\"\xff\xfe\"));\n"),
        ("base44/functions/cfg/function.jsonc", b"{ \"name\": \"n\xc3\x28\", \"entry\": \"main.ts\" }"),
    ];
    for (path, bytes) in invalid {
        let path: PathBuf = tree.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder is created");
        std::fs::write(&path, bytes).expect("the file is written");
    }
    let (index, _) = WorkspaceIndex::build(
        &[tree.path().to_path_buf()],
        &Disk,
        BuildOptions { modules: true, ..BuildOptions::default() },
    );
    let names: Vec<&str> = index.projects.iter().flat_map(|p| p.names()).collect();
    // The entry that is not UTF-8 still names a function (its folder does); the config that
    // is not UTF-8 is not read.
    assert_eq!(names, ["broken", "checkStock", "orders/refund", "process-order"]);
    let mut with_sites: Vec<String> = index
        .files_with_sites()
        .into_iter()
        .filter_map(|p| p.strip_prefix(tree.path()).ok())
        .map(|p| p.display().to_string())
        .collect();
    with_sites.sort();
    // A call 100,000 levels deep lies past the flow's depth bound: the file is read, and not
    // analysed (no hang, no site).
    assert_eq!(with_sites, Vec::<String>::new());
}
