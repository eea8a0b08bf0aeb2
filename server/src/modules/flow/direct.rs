//! What an expression is on its own, without following values: which client a receiver
//! is (Base44's, another SDK's, or unknown), and the shape of a direct
//! `….functions.invoke(…)` call.

use tree_sitter::Node;

use super::env::Env;
use super::index::{Index, Question};
use super::invokes::nth_argument;
use super::scope::{binding_scope, references_in};
use super::shape::{Origin, Shape};
use crate::modules::calls::CallKind;
use crate::modules::resolve::is_base44_sdk;
use crate::syntax::fields::FieldExt;
use crate::syntax::string_literal;

/// How many steps (member reads, variables) a receiver is traced back through.
const MAX_RECEIVER_STEPS: usize = 8;

/// The functions that make a client, from whichever SDK they are imported.
pub(crate) const CLIENT_FACTORIES: &[&str] =
    &["createClient", "createClientFromRequest", "createServerClient", "createBrowserClient"];

/// Receivers named like another SDK's client: with nothing else known, not Base44's.
const LOOKALIKE_NAMES: &[&str] = &["supabase", "sb", "firebase", "appwrite", "nhost", "amplify", "pb", "pocketbase"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    Base44,
    Other,
    Unknown,
}

/// Which client `node` (the object of a `….functions`) is: traced through member reads
/// (`base44.asServiceRole`, `ctx.base44`), variables and the calls that make clients to
/// an import of Base44's SDK, of another package, or of the app's module that exports one.
pub fn client_of<'t>(node: Node<'t>, index: &Index<'t, '_>, env: &Env) -> ClientKind {
    let mut node = node;
    for _ in 0..MAX_RECEIVER_STEPS {
        match node.kind() {
            "parenthesized_expression" | "non_null_expression" | "as_expression" | "await_expression" => {
                match node.named_child(0) {
                    Some(inner) => node = inner,
                    None => return ClientKind::Unknown,
                }
            }
            "member_expression" => {
                let property = node.field("property").map(|p| index.text(p)).unwrap_or("");
                if property.to_ascii_lowercase().contains("base44") {
                    return ClientKind::Base44;
                }
                match node.field("object") {
                    Some(object) => node = object,
                    None => return ClientKind::Unknown,
                }
            }
            "identifier" => {
                let name = index.text(node);
                if let Some(kind) = env.client_import(name) {
                    return kind;
                }
                match declared_value(node, name, index) {
                    Some(value) => node = value,
                    None => return ClientKind::Unknown,
                }
            }
            "call_expression" => return factory_client(node, index, env),
            _ => return ClientKind::Unknown,
        }
    }
    ClientKind::Unknown
}

/// `createClient(…)` (or `Base44.createClient(…)`): whose SDK made the client.
fn factory_client(call: Node, index: &Index, env: &Env) -> ClientKind {
    let Some(callee) = call.field("function") else { return ClientKind::Unknown };
    let (root, name) = match callee.kind() {
        "identifier" => (callee, index.text(callee)),
        "member_expression" => match (callee.field("object"), callee.field("property")) {
            (Some(object), Some(property)) => (object, index.text(property)),
            _ => return ClientKind::Unknown,
        },
        _ => return ClientKind::Unknown,
    };
    if !CLIENT_FACTORIES.contains(&name) || root.kind() != "identifier" {
        return ClientKind::Unknown;
    }
    match env.package_of(index.text(root)) {
        Some(package) if is_base44_sdk(package) => ClientKind::Base44,
        Some(_) => ClientKind::Other,
        None => ClientKind::Unknown,
    }
}

/// The value a variable is declared with (`const x = <value>`), when `node` names one.
pub fn declared_value<'t, 's>(node: Node<'t>, name: &'s str, index: &Index<'t, 's>) -> Option<Node<'t>> {
    let scope = binding_scope(node, name, index)?;
    index.remember((scope.id(), name, Question::DeclaredValue), || {
        references_in(scope, name, index).into_iter().find_map(|reference| {
            let declarator = index.parent(reference).filter(|p| p.kind() == "variable_declarator")?;
            declarator.field("name").filter(|n| n.id() == reference.id())?;
            declarator.field("value")
        })
    })
}

/// Whether the receiver of a `….functions` is taken for a Base44 client: `Some(true)` when
/// proven one or named `base44`, `Some(false)` when unknown with nothing suggesting another
/// SDK (its name, or a look-alike SDK imported in the file), `None` when not.
pub fn base44_receiver<'t>(object: Node<'t>, index: &Index<'t, '_>, env: &Env) -> Option<bool> {
    match client_of(object, index, env) {
        ClientKind::Base44 => Some(true),
        ClientKind::Other => None,
        ClientKind::Unknown => {
            let root = root_name(object, index).to_ascii_lowercase();
            if root.contains("base44") {
                return Some(true);
            }
            (!env.lookalike_imported && !LOOKALIKE_NAMES.contains(&root.as_str())).then_some(false)
        }
    }
}

/// The name a member chain starts from (`ctx` for `ctx.base44.x`), or "".
fn root_name<'s>(node: Node, index: &Index<'_, 's>) -> &'s str {
    let mut node = node;
    for _ in 0..MAX_RECEIVER_STEPS {
        match node.kind() {
            "identifier" => return index.text(node),
            "member_expression" | "parenthesized_expression" | "non_null_expression" => {
                match node.field("object").or_else(|| node.named_child(0)) {
                    Some(inner) => node = inner,
                    None => break,
                }
            }
            _ => break,
        }
    }
    ""
}

/// `….functions.invoke`/`….functions.fetch` as a callee on a Base44 client: its kind.
pub fn direct_method<'t>(callee: Node<'t>, index: &Index<'t, '_>, env: &Env) -> Option<CallKind> {
    let callee = crate::syntax::strip_wrappers(callee);
    if callee.kind() != "member_expression" {
        return None;
    }
    let kind = match index.text(callee.field("property")?) {
        "invoke" => CallKind::Invoke,
        "fetch" => CallKind::Fetch,
        _ => return None,
    };
    let functions = crate::syntax::strip_wrappers(callee.field("object")?);
    if functions.kind() != "member_expression" || index.text(functions.field("property")?) != "functions" {
        return None;
    }
    base44_receiver(functions.field("object")?, index, env).map(|_| kind)
}

/// The shape of an expression on its own: a direct `functions.invoke(…)` call, `await`
/// of one, in parentheses or casts, or with `.catch(…)`/`.finally(…)` chained.
pub fn static_shape<'t>(node: Node<'t>, index: &Index<'t, '_>, env: &Env) -> Option<Shape> {
    let mut node = node;
    let mut awaits = 0;
    for _ in 0..MAX_RECEIVER_STEPS * 4 {
        match node.kind() {
            "parenthesized_expression" | "non_null_expression" | "as_expression" | "satisfies_expression" => {
                node = node.named_child(0)?
            }
            "await_expression" => {
                awaits += 1;
                node = node.named_child(0)?;
            }
            "call_expression" => {
                let callee = node.field("function")?;
                if let Some(kind) = direct_method(callee, index, env) {
                    let origin = Origin::new(kind, first_string_argument(node, index));
                    let response = match kind {
                        CallKind::Invoke => Shape::AxiosResponse(origin),
                        CallKind::Fetch => Shape::FetchResponse(origin),
                    };
                    return Some(if awaits > 0 { response } else { Shape::promise(response) });
                }
                // `invoke(…).catch(() => null)` still resolves to the response (or nothing).
                let chained = crate::syntax::strip_wrappers(callee);
                if chained.kind() == "member_expression"
                    && matches!(chained.field("property").map(|p| index.text(p)), Some("catch" | "finally"))
                {
                    node = chained.field("object")?;
                    continue;
                }
                return None;
            }
            _ => return None,
        }
    }
    None
}

/// The value of a call's first argument when it is a static string.
fn first_string_argument(call: Node, index: &Index) -> Option<String> {
    string_literal(nth_argument(call, 0)?, index.src).map(|literal| literal.value)
}
