//! Whether a function's entry serves requests: a `Deno.serve(…)` call or a default
//! export, the two shapes the Base44 runtime accepts.

use std::ops::Range;

use tree_sitter::{Node, Tree};

use super::syntax::{self, leading_doc_comment};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum ServeKind {
    DenoServe,
    DefaultExport,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Serve {
    pub kind: ServeKind,
    /// The `Deno.serve(…)` call or the `export default …` statement.
    pub range: Range<usize>,
    /// The handler function, when it can be told: what go-to-definition lands on.
    pub handler: Option<Range<usize>>,
    pub doc: Option<String>,
}

/// How an entry serves. A module that calls `Deno.serve` while it is imported wins over
/// its default export, as in the runtime.
pub fn find_serve(tree: &Tree, src: &str) -> Option<Serve> {
    let mut deno_serve = None;
    let mut default_export = None;
    syntax::walk_tree(tree, |node| match node.kind() {
        "call_expression" if deno_serve.is_none() && is_deno_serve(node, src) => {
            deno_serve = Some(Serve {
                kind: ServeKind::DenoServe,
                range: node.byte_range(),
                handler: deno_serve_handler(node, src).map(|h| h.byte_range()),
                doc: leading_doc_comment(node, src),
            });
        }
        "export_statement" if default_export.is_none() && exports_default(node, src) => {
            default_export = Some(Serve {
                kind: ServeKind::DefaultExport,
                range: node.byte_range(),
                handler: default_export_handler(node).map(|h| h.byte_range()),
                doc: leading_doc_comment(node, src),
            });
        }
        _ => {}
    });
    deno_serve.or(default_export)
}

fn is_deno_serve(call: Node, src: &str) -> bool {
    call.child_by_field_name("function").is_some_and(|callee| {
        let text: String = syntax::text(callee, src).chars().filter(|c| !c.is_whitespace()).collect();
        text == "Deno.serve" || text == "Deno?.serve"
    })
}

/// `Deno.serve(handler)`, `Deno.serve(options, handler)`, `Deno.serve({ …, handler })`.
fn deno_serve_handler<'t>(call: Node<'t>, src: &str) -> Option<Node<'t>> {
    let args = call.child_by_field_name("arguments")?;
    let mut cursor = args.walk();
    let values: Vec<Node> = args.named_children(&mut cursor).filter(|n| n.kind() != "comment").collect();
    let last = *values.last()?;
    if last.kind() != "object" {
        return Some(last);
    }
    let mut cursor = last.walk();

    last.named_children(&mut cursor).find_map(|prop| match prop.kind() {
        "pair" => {
            let key = prop.child_by_field_name("key")?;
            (syntax::text(key, src) == "handler").then(|| prop.child_by_field_name("value")).flatten()
        }
        "method_definition" => {
            let name = prop.child_by_field_name("name")?;
            (syntax::text(name, src) == "handler").then_some(prop)
        }
        "shorthand_property_identifier" => (syntax::text(prop, src) == "handler").then_some(prop),
        _ => None,
    })
}

fn exports_default(export: Node, src: &str) -> bool {
    let mut cursor = export.walk();
    let has_default_keyword = export.children(&mut cursor).any(|c| c.kind() == "default");
    if has_default_keyword {
        return true;
    }
    // `export { handler as default }` and `export { default } from "./x.ts"`.
    let mut cursor = export.walk();
    export.named_children(&mut cursor).any(|child| {
        child.kind() == "export_clause" && {
            let mut inner = child.walk();
            child.named_children(&mut inner).any(|spec| {
                let alias = spec.child_by_field_name("alias").or_else(|| spec.child_by_field_name("name"));
                alias.is_some_and(|a| syntax::text(a, src) == "default")
            })
        }
    })
}

fn default_export_handler(export: Node) -> Option<Node> {
    export.child_by_field_name("declaration").or_else(|| export.child_by_field_name("value"))
}

/// The input fields a function reads: the keys of `const { a, b } = await req.json()`.
pub fn find_inputs(tree: &Tree, src: &str) -> Vec<String> {
    let mut inputs = Vec::new();
    syntax::walk_tree(tree, |node| {
        if node.kind() != "variable_declarator" {
            return;
        }
        let (Some(pattern), Some(value)) = (node.child_by_field_name("name"), node.child_by_field_name("value")) else {
            return;
        };
        if pattern.kind() != "object_pattern" || !is_awaited_json_call(value, src) {
            return;
        }
        let mut cursor = pattern.walk();
        for prop in pattern.named_children(&mut cursor) {
            let key = match prop.kind() {
                "shorthand_property_identifier_pattern" => Some(prop),
                "pair_pattern" => prop.child_by_field_name("key"),
                "object_assignment_pattern" => prop.child_by_field_name("left"),
                _ => None,
            };
            if let Some(key) = key {
                let name = syntax::text(key, src).trim_matches(['"', '\'']).to_string();
                if !inputs.contains(&name) {
                    inputs.push(name);
                }
            }
        }
    });
    inputs
}

fn is_awaited_json_call(value: Node, src: &str) -> bool {
    if value.kind() != "await_expression" {
        return false;
    }
    let Some(call) = value.named_child(0).filter(|n| n.kind() == "call_expression") else { return false };
    call.child_by_field_name("function")
        .filter(|callee| callee.kind() == "member_expression")
        .and_then(|callee| callee.child_by_field_name("property"))
        .is_some_and(|prop| syntax::text(prop, src) == "json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::syntax::{Lang, parse};

    fn serve(src: &str) -> Option<(ServeKind, Option<String>, Option<String>)> {
        let tree = parse(src, Lang::TypeScript, None).expect("parses");
        find_serve(&tree, src).map(|s| {
            let handler = s.handler.map(|h| src[h].chars().take(12).collect());
            (s.kind, handler, s.doc)
        })
    }

    #[test]
    fn deno_serve_shapes() {
        assert_eq!(
            serve("/** Hi. */\nDeno.serve(async (req) => new Response());"),
            Some((ServeKind::DenoServe, Some("async (req) ".into()), Some("Hi.".into())))
        );
        assert_eq!(
            serve("Deno.serve({ port: 1 }, handler);"),
            Some((ServeKind::DenoServe, Some("handler".into()), None))
        );
        assert_eq!(
            serve("Deno.serve({ port: 1, handler: (r) => r });"),
            Some((ServeKind::DenoServe, Some("(r) => r".into()), None))
        );
    }

    #[test]
    fn default_export_shapes() {
        assert_eq!(
            serve("// Says hi.\nexport default async function hi(req: Request) { return new Response(); }"),
            Some((
                ServeKind::DefaultExport,
                Some("async funct".into()).map(|s: String| s + "i"),
                Some("Says hi.".into())
            ))
        );
        assert_eq!(
            serve("export default { fetch(req) { return new Response(); } };").map(|s| s.0),
            Some(ServeKind::DefaultExport)
        );
        assert_eq!(serve("const h = () => 1;\nexport { h as default };").map(|s| s.0), Some(ServeKind::DefaultExport));
    }

    #[test]
    fn deno_serve_wins_over_default_export() {
        assert_eq!(serve("export default {};\nDeno.serve(h);").map(|s| s.0), Some(ServeKind::DenoServe));
    }

    #[test]
    fn inputs_from_destructured_request_json() {
        let src = "Deno.serve(async (req) => {\n  const { orderId, action = 'ship', 'x-y': z } = await req.json();\n  const other = await req.json();\n});";
        let tree = parse(src, Lang::TypeScript, None).expect("parses");
        assert_eq!(find_inputs(&tree, src), ["orderId", "action", "x-y"]);
    }

    #[test]
    fn neither_shape() {
        assert_eq!(serve("async function handle(req) { return new Response(); }\nexport { handle };"), None);
        assert_eq!(serve("const serve = Deno.serveHttp;"), None);
    }
}
