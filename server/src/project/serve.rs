//! Whether a function's entry serves requests: a `Deno.serve(…)` call or a default
//! export, the two shapes the Base44 runtime accepts.

use std::ops::Range;

use tree_sitter::{Node, Tree, TreeCursor};

use crate::syntax::{self, leading_doc_comment};

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
/// its default export, as in the runtime. Both are found from the text (the word `serve`,
/// the top-level statements) rather than by walking every node: every entry of a project
/// is read at startup and by `check`, and is read again as its user types.
pub fn find_serve(tree: &Tree, src: &str) -> Option<Serve> {
    if let Some(call) = first_deno_serve(tree, src) {
        return Some(Serve {
            kind: ServeKind::DenoServe,
            range: call.byte_range(),
            handler: deno_serve_handler(call, src).map(|h| h.byte_range()),
            doc: leading_doc_comment(call, src),
        });
    }
    let export = default_export(tree, src)?;
    Some(Serve {
        kind: ServeKind::DefaultExport,
        range: export.byte_range(),
        handler: default_export_handler(export).map(|h| h.byte_range()),
        doc: leading_doc_comment(export, src),
    })
}

/// The first `Deno.serve(…)` call in document order (an enclosing call before the calls
/// in its arguments): the call above the property `serve` of each occurrence of the word.
fn first_deno_serve<'t>(tree: &'t Tree, src: &str) -> Option<Node<'t>> {
    // One cursor for every occurrence: climbing it is cheap, `Node::parent` searches down
    // from the root again.
    let mut cursor = tree.walk();
    syntax::word_occurrences(src, 0..src.len(), "serve").find_map(|at| {
        let [callee, call] = climb_from_word(&mut cursor, at..at + "serve".len())?;
        (call.kind() == "call_expression"
            && call.child_by_field_name("function") == Some(callee)
            && is_deno_serve(call, src))
        .then_some(call)
    })
}

/// The `N` nodes above the node that is exactly `word` (a leaf: a name), nearest first.
fn climb_from_word<'t, const N: usize>(cursor: &mut TreeCursor<'t>, word: Range<usize>) -> Option<[Node<'t>; N]> {
    syntax::move_to_smallest_holding(cursor, &word);
    if cursor.node().byte_range() != word {
        return None;
    }
    let mut above = [cursor.node(); N];
    for slot in &mut above {
        if !cursor.goto_parent() {
            return None;
        }
        *slot = cursor.node();
    }
    Some(above)
}

/// The module's default export: a top-level statement (an `export` nested in a namespace
/// is not the module's). In a tree with syntax errors an export anywhere counts, since
/// recovery can nest it (`if (x {` above it puts it in a block), and a half-typed entry
/// should not be reported as serving nothing.
fn default_export<'t>(tree: &'t Tree, src: &str) -> Option<Node<'t>> {
    let root = tree.root_node();
    if root.has_error() {
        let mut found = None;
        syntax::walk_subtree(root, |node| {
            if found.is_none() && node.kind() == "export_statement" && exports_default(node, src) {
                found = Some(node);
            }
        });
        return found;
    }
    let mut statements = root.walk();
    root.named_children(&mut statements)
        .find(|statement| statement.kind() == "export_statement" && exports_default(*statement, src))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{Lang, parse};

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
    fn the_word_serve_elsewhere_is_not_a_call() {
        let src = "// serve later\nconst serve = 'serve';\nconsole.serve(x);\nDeno . serve(h);";
        assert_eq!(serve(src), Some((ServeKind::DenoServe, Some("h".into()), None)));
        assert_eq!(serve("Deno?.serve(h);").map(|s| s.1), Some(Some("h".into())));
        assert_eq!(serve("Deno.serve<Env>(h);").map(|s| s.1), Some(Some("h".into())));
        // The enclosing call comes first, as in a walk of the tree.
        assert_eq!(serve("Deno.serve(Deno.serve(a));").map(|s| s.1), Some(Some("Deno.serve(a".into())));
    }

    #[test]
    fn a_half_typed_default_export_still_serves() {
        let src = "import x from './x.ts';\nif (x {\nexport default async function handler(req: Request) {}";
        assert_eq!(serve(src).map(|s| s.0), Some(ServeKind::DefaultExport));
        let src = "namespace Api { export default function inner() {} }";
        assert_eq!(serve(src), None);
    }

    #[test]
    fn neither_shape() {
        assert_eq!(serve("async function handle(req) { return new Response(); }\nexport { handle };"), None);
        assert_eq!(serve("const serve = Deno.serveHttp;"), None);
    }
}
