//! What a function answers with, read off its entry: the keys of the object literals it
//! returns as JSON (`Response.json({ … })`, `new Response(JSON.stringify({ … }))`). Found from
//! the words `json` and `stringify`, not by walking every node. A response built from
//! anything else (a variable, a spread) makes the set open: nothing can be said of a key.

use tree_sitter::{Node, Tree};

use crate::syntax::{self, string_literal, text};

/// The top-level keys of every JSON response of an entry, or `None` when some response's
/// keys are unknown.
pub fn find_response_keys(tree: &Tree, src: &str) -> Option<Vec<String>> {
    let root = tree.root_node();
    let mut keys: Vec<String> = Vec::new();
    let mut found = false;
    for word in ["json", "stringify"] {
        for at in syntax::word_occurrences(src, 0..src.len(), word) {
            let Some(property) = root.descendant_for_byte_range(at, at + word.len()) else { continue };
            let Some(payload) = response_payload(property, word, src) else { continue };
            found = true;
            object_keys(payload, src, &mut keys)?;
        }
    }
    keys.sort();
    keys.dedup();
    found.then_some(keys)
}

/// The first argument of `Response.json(<payload>)`, or of `JSON.stringify(<payload>)`
/// inside `new Response(…)`, when `property` is that `json`/`stringify`.
fn response_payload<'t>(property: Node<'t>, word: &str, src: &str) -> Option<Node<'t>> {
    let callee = property.parent().filter(|p| p.kind() == "member_expression")?;
    let object = callee.child_by_field_name("object")?;
    let expected = if word == "json" { "Response" } else { "JSON" };
    if text(object, src) != expected {
        return None;
    }
    let call = callee.parent().filter(|c| c.kind() == "call_expression")?;
    if word == "stringify" {
        let built = call.parent().and_then(|args| args.parent()).filter(|n| n.kind() == "new_expression")?;
        built.child_by_field_name("constructor").filter(|c| text(*c, src) == "Response")?;
    }
    let args = call.child_by_field_name("arguments")?;
    let mut cursor = args.walk();
    args.named_children(&mut cursor).find(|a| a.kind() != "comment")
}

/// Adds an object literal's keys; `None` when the payload is not one (or spreads another).
fn object_keys(payload: Node, src: &str, keys: &mut Vec<String>) -> Option<()> {
    let payload = syntax::strip_wrappers(payload);
    if payload.kind() != "object" {
        return None;
    }
    let mut cursor = payload.walk();
    for entry in payload.named_children(&mut cursor) {
        let key = match entry.kind() {
            "pair" => entry.child_by_field_name("key"),
            "shorthand_property_identifier" => Some(entry),
            "method_definition" => entry.child_by_field_name("name"),
            "comment" => continue,
            _ => return None,
        }?;
        let key = string_literal(key, src).map_or_else(|| text(key, src).to_string(), |s| s.value);
        keys.push(key);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{Lang, parse};

    fn keys(src: &str) -> Option<Vec<String>> {
        let tree = parse(src, Lang::TypeScript, None).expect("parses");
        find_response_keys(&tree, src)
    }

    #[test]
    fn every_literal_response_counts() {
        let src = r#"Deno.serve(async (req) => {
  if (!ok) return Response.json({ error: "no" }, { status: 401 });
  const body = JSON.stringify({ ignored: true });
  return new Response(JSON.stringify({ "status": "ok", score }), { headers });
});"#;
        assert_eq!(keys(src), Some(vec!["error".into(), "score".into(), "status".into()]));
    }

    #[test]
    fn responses_built_elsewhere_are_open() {
        assert_eq!(keys("Deno.serve(() => Response.json(result));"), None);
        assert_eq!(keys("Deno.serve(() => Response.json({ ...base, ok: true }));"), None);
        assert_eq!(keys("Deno.serve(() => new Response('plain text'));"), None);
    }
}
