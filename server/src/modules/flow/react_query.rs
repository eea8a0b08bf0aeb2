//! react-query: `useQuery({ queryFn: () => invoke(…) })` makes the query's `data` the raw
//! axios response, and `useMutation({ mutationFn: … })` hands it to `onSuccess` and
//! resolves `mutateAsync(…)` to it.

use tree_sitter::Node;

use super::engine::{Engine, Task};
use super::invokes::first_param;
use super::shape::Shape;
use crate::syntax::fields::FieldExt;

const QUERY_HOOKS: &[&str] = &["useQuery", "useSuspenseQuery"];
const MUTATION_HOOKS: &[&str] = &["useMutation"];
/// The `useMutation` callbacks whose first argument is what `mutationFn` resolved to.
const MUTATION_RESULT_CALLBACKS: &[&str] = &["onSuccess", "onSettled"];

/// A function (or a name of one) returns a value of `shape`: where react-query passes
/// it on. Whether it was a react-query option at all.
pub(super) fn returned<'t>(engine: &mut Engine<'t, '_, '_>, function: Node<'t>, shape: Shape) -> bool {
    let resolved = shape.awaited();
    if resolved.response().is_none() {
        return false;
    }
    let Some(parent) = engine.index.parent(function) else {
        return false;
    };
    match parent.kind() {
        "pair" => option_returned(engine, parent, resolved),
        "arguments" => positional_returned(engine, function, parent, resolved),
        _ => false,
    }
}

/// `useQuery({ queryFn })`, `useMutation({ mutationFn })`.
fn option_returned<'t>(engine: &mut Engine<'t, '_, '_>, pair: Node<'t>, resolved: Shape) -> bool {
    let Some(key) = pair.field("key") else {
        return false;
    };
    let Some(options) = engine.index.parent(pair).filter(|p| p.kind() == "object") else {
        return false;
    };
    let Some(hook) =
        engine.index.parent(options).filter(|p| p.kind() == "arguments").and_then(|args| engine.index.parent(args))
    else {
        return false;
    };
    let hook_name = hook_name(engine, hook);
    match engine.text(key) {
        // A `select` transforms the data; what it returns is its own business.
        "queryFn" if QUERY_HOOKS.contains(&hook_name) && option(engine, options, "select").is_none() => {
            engine.push(Task::Value(hook, Shape::Query(Box::new(resolved))));
        }
        "mutationFn" if MUTATION_HOOKS.contains(&hook_name) => {
            result_callbacks(engine, options, &resolved);
            engine.push(Task::Value(hook, Shape::Mutation(Box::new(resolved))));
        }
        _ => return false,
    }
    true
}

/// The older positional forms: `useQuery(key, queryFn, options)`, `useMutation(mutationFn,
/// options)`.
fn positional_returned<'t>(
    engine: &mut Engine<'t, '_, '_>,
    function: Node<'t>,
    args: Node<'t>,
    resolved: Shape,
) -> bool {
    let Some(hook) = engine.index.parent(args).filter(|call| call.kind() == "call_expression") else {
        return false;
    };
    let hook_name = hook_name(engine, hook);
    let mut cursor = args.walk();
    let list: Vec<Node> = args.named_children(&mut cursor).filter(|a| a.kind() != "comment").collect();
    let position = list.iter().position(|arg| arg.id() == function.id());
    let options_at = |i: usize| list.get(i).copied().filter(|o| o.kind() == "object");
    match position {
        Some(1) if QUERY_HOOKS.contains(&hook_name) => {
            if options_at(2).is_some_and(|options| option(engine, options, "select").is_some()) {
                return false;
            }
            engine.push(Task::Value(hook, Shape::Query(Box::new(resolved))));
        }
        Some(0) if MUTATION_HOOKS.contains(&hook_name) => {
            if let Some(options) = options_at(1) {
                result_callbacks(engine, options, &resolved);
            }
            engine.push(Task::Value(hook, Shape::Mutation(Box::new(resolved))));
        }
        _ => return false,
    }
    true
}

/// `useQuery` for both `useQuery(…)` and `ReactQuery.useQuery(…)`.
fn hook_name<'s>(engine: &Engine<'_, 's, '_>, hook: Node) -> &'s str {
    hook.field("function")
        .map(|callee| match callee.field("property") {
            Some(property) => engine.text(property),
            None => engine.text(callee),
        })
        .unwrap_or("")
}

/// `onSuccess`/`onSettled` in an options object receive what the mutation resolved to.
fn result_callbacks<'t>(engine: &mut Engine<'t, '_, '_>, options: Node<'t>, resolved: &Shape) {
    for callback in MUTATION_RESULT_CALLBACKS {
        if let Some(param) = option(engine, options, callback).and_then(first_param) {
            engine.push(Task::Pattern(param, resolved.clone(), None));
        }
    }
}

/// A call of a mutation's `mutate`/`mutateAsync`: its options' callbacks get the result,
/// and `mutateAsync` resolves to it.
pub(super) fn mutate_called<'t>(engine: &mut Engine<'t, '_, '_>, call: Node<'t>, resolved: Shape, resolves: bool) {
    if let Some(options) =
        call.field("arguments").and_then(|args| args.named_child(1)).filter(|options| options.kind() == "object")
    {
        result_callbacks(engine, options, &resolved);
    }
    if resolves {
        engine.push(Task::Value(call, Shape::promise(resolved)));
    }
}

/// The mutate function a mutation's member or destructured key names, if any.
pub(super) fn mutate_fn(key: &str, resolved: &Shape) -> Option<Shape> {
    let resolves = match key {
        "mutate" => false,
        "mutateAsync" => true,
        _ => return None,
    };
    Some(Shape::MutateFn { resolved: Box::new(resolved.clone()), resolves })
}

/// The function or value given for `key` in an options object (`key: v` or `key() {}`).
fn option<'t>(engine: &Engine<'t, '_, '_>, options: Node<'t>, key: &str) -> Option<Node<'t>> {
    let mut cursor = options.walk();
    options.named_children(&mut cursor).find_map(|entry| match entry.kind() {
        "pair" => {
            let name = entry.field("key")?;
            (engine.text(name) == key).then(|| entry.field("value"))?
        }
        "method_definition" => {
            let name = entry.field("name")?;
            (engine.text(name) == key).then_some(entry)
        }
        _ => None,
    })
}
