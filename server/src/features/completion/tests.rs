use super::*;
use crate::testing::{Cursor, SHOP};

/// Renders each completion as `label => new_text @ replaced text | detail`.
fn check(marked: &str) -> Vec<String> {
    let cursor = Cursor::new(SHOP, marked);
    let tree = cursor.syntax();
    render(&cursor, tree.as_ref())
}

fn render(cursor: &Cursor, tree: Option<&tree_sitter::Tree>) -> Vec<String> {
    let facts = cursor.report().facts;
    let Some(found) = complete(&cursor.index, &cursor.path, &cursor.text, tree, cursor.offset, &facts) else {
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
        [r#"action => action @ "ac" | required input of process-order"#]
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
    assert_eq!(
        doc.as_deref(),
        Some("Ships an order.\n\n**Inputs:** `orderId`, `action`\n\n**Responses:**\n- 200: `ok`")
    );
}

/// A project whose page calls through a wrapper and a function object of other files.
fn through_other_files(page: &str) -> Vec<String> {
    let fixture = format!(
        r#"
//- /base44/config.jsonc
{{}}
//- /base44/functions/send-email/entry.ts
Deno.serve(async (req) => {{ const {{ to, subject }} = await req.json(); return Response.json({{}}); }});
//- /base44/functions/hello/entry.ts
Deno.serve(() => Response.json({{}}));
//- /src/lib/call.js
import {{ base44 }} from "../api/base44Client";
export const call = (name, data) => base44.functions.invoke(name, data);
export const sendEmail = base44.functions["send-email"];
//- /src/pages/Page.jsx
import {{ call, sendEmail }} from "../lib/call";
{page}
"#
    );
    let cursor = Cursor::fixture(&fixture);
    let tree = cursor.syntax();
    render(&cursor, tree.as_ref()).into_iter().map(|line| line.split(" | ").next().unwrap_or("").to_string()).collect()
}

#[test]
fn names_and_inputs_through_a_wrapper_and_a_function_object() {
    assert_eq!(through_other_files(r#"call("$0", {});"#), ["hello => hello @ \"\"", "send-email => send-email @ \"\""]);
    assert_eq!(through_other_files("call(\"he$0"), ["hello => hello @ \"he\"", "send-email => send-email @ \"he\""]);
    assert_eq!(through_other_files(r#"call("send-email", { $0 });"#), ["to => to @ \"\"", "subject => subject @ \"\""]);
    assert_eq!(through_other_files(r#"sendEmail({ to: 1, s$0 });"#), ["subject => subject @ \"s\""]);
}

/// The response keys offered in a page of a project whose `orders` answers two ways.
fn response_keys(page: &str) -> Vec<String> {
    let fixture = format!(
        r#"
//- /base44/config.jsonc
{{}}
//- /base44/functions/orders/entry.ts
Deno.serve(async (req) => {{
  const {{ id }} = await req.json();
  if (!id) return Response.json({{ error: "id" }}, {{ status: 400 }});
  return Response.json({{ success: true, order: {{ id }} }});
}});
//- /src/pages/Page.jsx
{page}
"#
    );
    let cursor = Cursor::fixture(&fixture);
    let tree = cursor.syntax();
    render(&cursor, tree.as_ref())
}

#[test]
fn keys_of_the_functions_json() {
    let expected = [
        r#"success => success @ "" | orders response key (200)"#,
        r#"order => order @ "" | orders response key (200)"#,
        r#"error => error @ "" | orders response key (400)"#,
    ];
    let after_dot = "async function f() {\n  const res = await base44.functions.invoke(\"orders\", { id: 1 });\n  return res.data.$0\n}";
    assert_eq!(response_keys(after_dot), expected);
    let awaited = "async function f() {\n  return (await base44.functions.invoke(\"orders\", { id: 1 })).data?.$0;\n}";
    assert_eq!(response_keys(awaited), expected);
    let pattern = "async function f() {\n  const res = await base44.functions.invoke(\"orders\", { id: 1 });\n  const { $0 } = res.data;\n}";
    assert_eq!(response_keys(pattern), expected);
    let typed = "async function f() {\n  const res = await base44.functions.invoke(\"orders\", { id: 1 });\n  return res.data.su$0;\n}";
    assert_eq!(response_keys(typed)[0], r#"success => success @ "su" | orders response key (200)"#);
    // The raw response's own fields are TypeScript's business.
    let raw = "async function f() {\n  const res = await base44.functions.invoke(\"orders\", { id: 1 });\n  return res.$0;\n}";
    assert_eq!(response_keys(raw), ["none"]);
}
