use super::*;
use crate::testing::{Cursor, SHOP};

/// Renders each completion as `label => new_text @ replaced text | detail`.
fn check(marked: &str) -> Vec<String> {
    let cursor = Cursor::new(SHOP, marked);
    let tree = cursor.syntax();
    let Some(found) = complete(&cursor.index, &cursor.path, &cursor.text, tree.as_ref(), cursor.offset) else {
        return vec!["none".into()];
    };
    let replaced = &cursor.text[found.replace.clone()];
    found
        .items()
        .iter()
        .map(|c| {
            let detail = match &c.detail {
                Some(detail) => detail.clone(),
                None => function_details(&cursor.index, &cursor.path, c.label).map(|d| d.0).unwrap_or_default(),
            };
            format!("{} => {} @ {replaced:?} | {detail}", c.label, c.new_text)
        })
        .collect()
}

#[test]
fn names_in_an_empty_invoke_string() {
    assert_eq!(
        check(r#"base44.functions.invoke("$0")"#),
        [
            r#"checkStock => checkStock @ "" | base44/functions/stock/function.jsonc"#,
            r#"orders/refund => orders/refund @ "" | base44/functions/orders/refund/entry.ts"#,
            r#"process-order => process-order @ "" | base44/functions/process-order/entry.ts"#,
        ]
    );
}

#[test]
fn mid_word_replaces_the_whole_string() {
    let items = check(r#"base44.functions.invoke("proc$0ess-x", {})"#);
    assert_eq!(items[2], r#"process-order => process-order @ "process-x" | base44/functions/process-order/entry.ts"#);
}

#[test]
fn fetch_paths_get_a_leading_slash() {
    let items = check(r#"base44.functions.fetch("/or$0")"#);
    assert_eq!(items[1], r#"orders/refund => /orders/refund @ "/or" | base44/functions/orders/refund/entry.ts"#);
}

#[test]
fn inputs_inside_the_data_object() {
    assert_eq!(
        check(r#"base44.functions.invoke("process-order", { orderId: 1, ac$0 })"#),
        [r#"action => action @ "ac" | input of process-order"#]
    );
}

#[test]
fn nothing_elsewhere() {
    assert_eq!(check(r#"const s = "$0";"#), ["none"]);
    assert_eq!(check(r#"other.invoke("$0")"#), ["none"]);
}

#[test]
fn documentation_holds_doc_comment_and_inputs() {
    let cursor = Cursor::new(SHOP, r#"base44.functions.invoke("$0")"#);
    let project = cursor.index.project_of(&cursor.path).expect("project");
    let doc = project.function("process-order").and_then(documentation);
    assert_eq!(doc.as_deref(), Some("Ships an order.\n\nInputs: `orderId`, `action`"));
}
