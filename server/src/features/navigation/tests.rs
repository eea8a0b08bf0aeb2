use super::*;
use crate::project::functions::slash_path;
use crate::project::sources::Disk;
use crate::testing::{Cursor, SHOP};

const CALLS: (&str, &str) =
    ("src/other.js", "base44.functions.invoke('process-order');\nbase44.functions.fetch('/process-order/x');\n");

fn with_calls() -> Vec<(&'static str, &'static str)> {
    let mut files = SHOP.to_vec();
    files.push(CALLS);
    files
}

fn rel(cursor: &Cursor, path: &Path) -> String {
    slash_path(path.strip_prefix(cursor.tree.path()).unwrap_or(path))
}

#[test]
fn definition_lands_on_the_handler() {
    let cursor = Cursor::new(SHOP, r#"base44.functions.invoke("process-$0order")"#);
    let tree = cursor.syntax();
    let target =
        target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &cursor.report().facts)
            .expect("target");
    let (path, offset) = definition(target.function);
    let text = std::fs::read_to_string(&path).expect("entry");
    assert_eq!(rel(&cursor, &path), "base44/functions/process-order/entry.ts");
    assert!(text[offset..].starts_with("async (req) =>"), "{}", &text[offset..]);
}

#[test]
fn references_across_files_and_call_kinds() {
    let cursor = Cursor::new(&with_calls(), r#"base44.functions.invoke("process-order$0")"#);
    let tree = cursor.syntax();
    let target =
        target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &cursor.report().facts)
            .expect("target");
    let refs: Vec<String> = references(&cursor.index, &HashMap::new(), target.project, target.function)
        .iter()
        .map(|(path, range)| format!("{} {range:?}", rel(&cursor, path)))
        .collect();
    assert_eq!(refs, ["src/other.js 25..38", "src/other.js 67..80", "src/page.jsx 25..38"]);
}

#[test]
fn rename_zero_config_moves_the_folder() {
    let cursor = Cursor::new(&with_calls(), r#"base44.functions.invoke("process-order$0")"#);
    let tree = cursor.syntax();
    let target =
        target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &cursor.report().facts)
            .expect("target");
    let plan = rename(&cursor.index, &HashMap::new(), &target, "ship-order", &Disk).expect("plan");
    assert_eq!(plan.edits.len(), 3);
    assert!(plan.edits.iter().all(|(_, _, text)| text == "ship-order"));
    let moves: Vec<(String, String)> = plan.moves.iter().map(|(a, b)| (rel(&cursor, a), rel(&cursor, b))).collect();
    assert_eq!(moves, [("base44/functions/process-order".into(), "base44/functions/ship-order".into())]);
    assert!(rename(&cursor.index, &HashMap::new(), &target, "checkStock", &Disk).is_err());
    assert!(rename(&cursor.index, &HashMap::new(), &target, "a.b", &Disk).is_err());
}

#[test]
fn rename_config_declared_edits_the_config() {
    let cursor = Cursor::new(SHOP, r#"base44.functions.invoke("checkStock$0")"#);
    let tree = cursor.syntax();
    let target =
        target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &cursor.report().facts)
            .expect("target");
    let plan = rename(&cursor.index, &HashMap::new(), &target, "stockLevel", &Disk).expect("plan");
    let edits: Vec<String> = plan.edits.iter().map(|(p, r, t)| format!("{} {r:?} {t}", rel(&cursor, p))).collect();
    assert_eq!(
        edits,
        ["src/page.jsx 25..35 stockLevel", "base44/functions/stock/function.jsonc 10..22 \"stockLevel\""]
    );
    assert!(plan.moves.is_empty());
}

#[test]
fn hover_describes_the_function() {
    let cursor = Cursor::new(SHOP, r#"base44.functions.invoke("process-order$0")"#);
    let tree = cursor.syntax();
    let target =
        target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &cursor.report().facts)
            .expect("target");
    assert_eq!(
        hover(&target),
        "**process-order** (Base44 function, base44-lsp-test)\n\n`base44/functions/process-order/entry.ts`: serves with `Deno.serve`\n\n---\n\nShips an order.\n\n**Inputs:** `orderId`, `action`\n\n**Responses:**\n- 200: `ok`"
            .replace("base44-lsp-test", &cursor.index.projects[0].project.label())
    );
}

/// A project whose function objects are named in one file and called in another.
const OBJECTS: &str = r#"
//- /package.json
{}
//- /base44/config.jsonc
{}
//- /base44/functions/checkout/entry.ts
Deno.serve(() => Response.json({}));
//- /src/api/functions.js
import { base44 } from "./base44Client";
export const checkout = base44.functions.checkout;
export const pay = base44.functions["checkout"];
//- /src/api/wrap.js
import { base44 } from "./base44Client";
export const call = (name) => base44.functions.invoke(name);
"#;

#[test]
fn references_and_rename_through_function_objects_and_wrappers() {
    let fixture = format!(
        "{OBJECTS}//- /src/pages/Pay.jsx\nimport {{ checkout }} from \"@/api/functions\";\nimport {{ call }} from \"@/api/wrap\";\nawait checkout({{}});\nawait call(\"check$0out\");\n"
    );
    let cursor = Cursor::fixture(&fixture);
    let tree = cursor.syntax();
    let facts = cursor.report().facts;
    let target = target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &facts)
        .expect("the wrapper's argument names a function");
    let mut open = HashMap::new();
    open.insert(cursor.path.clone(), facts.sites.clone());
    let text = |path: &Path, range: &Range<usize>| {
        std::fs::read_to_string(path).unwrap_or_default()[range.clone()].to_string()
    };
    let refs: Vec<String> = references(&cursor.index, &open, target.project, target.function)
        .iter()
        .map(|(path, range)| format!("{} {}", rel(&cursor, path), text(path, range)))
        .collect();
    assert_eq!(
        refs,
        [
            "src/api/functions.js checkout",
            "src/api/functions.js checkout",
            "src/pages/Pay.jsx checkout",
            "src/pages/Pay.jsx checkout"
        ]
    );
    let plan = rename(&cursor.index, &open, &target, "place-order", &Disk).expect("plan");
    let edits: Vec<String> =
        plan.edits.iter().map(|(p, r, t)| format!("{} {} -> {t}", rel(&cursor, p), text(p, r))).collect();
    assert_eq!(
        edits,
        [
            "src/api/functions.js .checkout -> [\"place-order\"]",
            "src/api/functions.js checkout -> place-order",
            "src/pages/Pay.jsx checkout -> place-order",
        ]
    );
}

#[test]
fn a_call_of_a_function_object_is_not_where_a_rename_starts() {
    let fixture = format!(
        "{OBJECTS}//- /src/pages/Pay.jsx\nimport {{ checkout }} from \"@/api/functions\";\nawait check$0out({{}});\n"
    );
    let cursor = Cursor::fixture(&fixture);
    let tree = cursor.syntax();
    let target =
        target_at(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset, &cursor.report().facts)
            .expect("the call names a function");
    assert_eq!(target.function.name, "checkout");
    assert!(!target.renames_here);
}
