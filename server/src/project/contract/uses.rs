//! What a function uses: the secrets it reads with `Deno.env.get("NAME")`, and the entities it
//! calls (`base44.entities.Order.list()`, `base44.asServiceRole.entities.Order.create(…)`) with
//! the operations called on each.

use tree_sitter::Node;

use super::{EntityUse, Reader, Secret};
use crate::syntax::string_literal;

/// Every `Deno.env.get("NAME")` with a static name, in order, each name once.
pub(super) fn secrets(reader: &Reader) -> Vec<Secret> {
    let mut found: Vec<Secret> = Vec::new();
    for (_, above) in reader.words(0..reader.src.len(), "env") {
        // `env` in `Deno.env`, then `.get`, then the call.
        let &[deno_env, get, call, ..] = above.as_slice() else { continue };
        let is_get = deno_env.kind() == "member_expression"
            && deno_env.child_by_field_name("object").is_some_and(|o| reader.text(o) == "Deno")
            && get.kind() == "member_expression"
            && get.child_by_field_name("property").is_some_and(|p| reader.text(p) == "get")
            && call.kind() == "call_expression";
        if !is_get {
            continue;
        }
        let Some(name) = first_argument(call).and_then(|a| string_literal(a, reader.src)) else { continue };
        if !found.iter().any(|s| s.name == name.value) {
            found.push(Secret { name: name.value, range: name.content });
        }
    }
    found
}

/// Every entity called through a client's `entities`, with the operations, sorted by entity.
pub(super) fn entities(reader: &Reader) -> Vec<EntityUse> {
    let mut found: Vec<EntityUse> = Vec::new();
    for (_, above) in reader.words(0..reader.src.len(), "entities") {
        // `….entities` (the word's parent), `.Order`, `.list`, the call.
        let &[entities, entity, operation, ..] = above.as_slice() else { continue };
        let chained = [entities, entity, operation].iter().all(|n| n.kind() == "member_expression")
            && entity.child_by_field_name("object") == Some(entities)
            && operation.child_by_field_name("object") == Some(entity);
        if !chained {
            continue;
        }
        let (Some(name), Some(op)) =
            (entity.child_by_field_name("property"), operation.child_by_field_name("property"))
        else {
            continue;
        };
        let (name, op) = (reader.text(name).to_string(), reader.text(op).to_string());
        match found.iter_mut().find(|e| e.entity == name) {
            Some(used) if !used.operations.contains(&op) => used.operations.push(op),
            Some(_) => {}
            None => found.push(EntityUse { entity: name, operations: vec![op] }),
        }
    }
    for used in &mut found {
        used.operations.sort();
    }
    found.sort_by(|a, b| a.entity.cmp(&b.entity));
    found
}

fn first_argument(call: Node) -> Option<Node> {
    let args = call.child_by_field_name("arguments")?;
    let mut cursor = args.walk();
    args.named_children(&mut cursor).find(|a| a.kind() != "comment")
}
