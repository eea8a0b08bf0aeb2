//! The flow of values within one file: from where a Base44 client's `functions` is read
//! (and from what the file imports) to the calls that name functions and the places that
//! use their responses. It yields the file's call sites (every form: `invoke("x")`,
//! aliases, wrappers, function objects), observations for the checks (reads of a raw
//! response, destructuring, error bodies), and the file's summary for other files.

mod direct;
mod engine;
pub mod env;
mod errors;
mod helpers;
mod ids;
pub mod index;
mod invokes;
pub mod patterns;
mod react_query;
pub mod scope;
pub mod shape;
mod state;
mod summary;

use std::path::{Path, PathBuf};

use tree_sitter::Node;

use engine::{Engine, Task};
use env::Env;
use index::Index;
use shape::{Origin, Shape};

pub use direct::first_string_argument;
pub use invokes::{first_param, nth_argument};

use crate::modules::calls::{CallSite, Namer};
use crate::modules::imports::ModuleSyntax;
use crate::syntax::fields::FieldExt;

/// How many rounds of releasing helpers, setters and `Promise.all`s are run: each round
/// follows values one function (or state) further.
const MAX_ROUNDS: usize = 6;

/// What the checks are told about the uses of a tracked value.
#[derive(Debug)]
pub enum Observation<'t> {
    /// `object.property` read on a response (an axios response: a field it lacks).
    Read { member: Node<'t>, object: Node<'t>, property: Node<'t>, response: Shape },
    /// An object pattern taking fields of a response.
    Destructure { pattern: Node<'t>, response: Shape },
    /// `raw ?? raw.data`: the whole response as a fallback for its JSON.
    WholeHedge { binary: Node<'t>, operand: Node<'t>, origin: Origin },
    /// A parameter bound to the error of failed invokes (and nothing else).
    InvokeError { param: Node<'t>, origins: Vec<Origin> },
    /// A key read off a function's JSON: `res.data.success`.
    JsonRead { member: Node<'t>, property: Node<'t>, origin: Origin },
    /// An object pattern taking keys of a function's JSON: `const { success } = res.data`.
    JsonDestructure { pattern: Node<'t>, origin: Origin },
}

/// What the flow found in one file.
pub struct FileFlow<'t> {
    /// Every site naming a function, in document order.
    pub sites: Vec<CallSite>,
    pub observations: Vec<Observation<'t>>,
    /// The shape of each export other files' calls can reach.
    pub exports: Vec<(String, Shape)>,
    /// The names whose calls name a function at an argument (wrappers, here or imported).
    pub namers: Vec<Namer>,
    /// Helpers of other files (file, export) whose raw response this file reads as one.
    pub raw_uses: Vec<(PathBuf, String)>,
    /// The expressions that hold a named function's JSON, with its name.
    pub json_spots: Vec<(std::ops::Range<usize>, String)>,
}

/// Runs the flow over a parsed file.
pub fn analyse<'t>(index: &Index<'t, '_>, module: &ModuleSyntax<'t>, env: &Env, path: &Path) -> FileFlow<'t> {
    let mut engine = Engine::new(index, env);
    seed(&mut engine, module);
    engine.run();
    for round in 0..MAX_ROUNDS {
        let released = engine.release_functions(false) | engine.release_setters() | engine.release_gathered();
        let released = released || engine.release_functions(true);
        if !released {
            break;
        }
        engine.run();
        if round + 1 == MAX_ROUNDS {
            break;
        }
    }
    engine.observe_catches();
    let exports = engine.export_shapes(module, path);
    let namers = engine.namers();
    let raw_uses = std::mem::take(&mut engine.raw_uses).into_iter().collect();
    let json_spots = std::mem::take(&mut engine.json_spots);
    let mut sites = std::mem::take(&mut engine.sites);
    sites.sort_by_key(|s| (s.call.start, s.content.start));
    sites.dedup_by(|a, b| a.content == b.content && a.form == b.form);
    if index.too_deep() {
        return FileFlow { sites, observations: Vec::new(), exports, namers, raw_uses, json_spots };
    }
    let observations = std::mem::take(&mut engine.observations);
    FileFlow { sites, observations, exports, namers, raw_uses, json_spots }
}

/// Where the flow starts: each `….functions` read on a Base44 client (and each
/// `{ functions }` taken from one), each imported name the module graph knows something
/// about, each call of a wrapper named in the settings.
fn seed<'t>(engine: &mut Engine<'t, '_, '_>, module: &ModuleSyntax<'t>) {
    let index = engine.index;
    for leaf in index.leaves_named("functions") {
        let Some(parent) = index.parent(leaf) else { continue };
        match (leaf.kind(), parent.kind()) {
            ("property_identifier", "member_expression")
                if parent.field("property").is_some_and(|p| p.id() == leaf.id()) =>
            {
                if let Some(object) = parent.field("object")
                    && let Some(sure) = direct::base44_receiver(object, index, engine.env)
                {
                    engine.push(Task::Value(parent, Shape::FunctionsModule { sure }));
                }
            }
            ("shorthand_property_identifier_pattern", "object_pattern") => {
                if let Some(sure) = pattern_source_client(parent, engine) {
                    engine.push(Task::Pattern(leaf, Shape::FunctionsModule { sure }, None));
                }
            }
            ("property_identifier", "pair_pattern") if parent.field("key").is_some_and(|k| k.id() == leaf.id()) => {
                if let (Some(pattern), Some(target)) = (index.parent(parent), parent.field("value"))
                    && let Some(sure) = pattern_source_client(pattern, engine)
                {
                    engine.push(Task::Pattern(target, Shape::FunctionsModule { sure }, None));
                }
            }
            _ => {}
        }
    }
    for local in module.local_names() {
        let Some(shape) = engine.env.imports.get(local).and_then(|i| i.shape.clone()) else { continue };
        if !shape.names_functions() {
            continue;
        }
        let root = index.root_node();
        for reference in scope::references_in(root, local, index) {
            engine.push(Task::Value(reference, shape.clone()));
        }
    }
    let wrappers = engine.env.wrappers.clone();
    for wrapper in wrappers {
        let summary = shape::FnSummary {
            returns: None,
            name_param: Some((wrapper.name_arg, wrapper.kind)),
            data_param: wrapper.data_arg,
            throws: false,
        };
        let summary = std::sync::Arc::new(summary);
        for leaf in index.leaves_named(&wrapper.name) {
            // `callFn(…)` or `api.callFn(…)`: the callee ends in the configured name.
            let callee = match index.parent(leaf) {
                Some(member) if member.kind() == "member_expression" => member,
                _ => leaf,
            };
            if let Some(call) = index.parent(callee).filter(|c| c.kind() == "call_expression")
                && call.field("function").is_some_and(|f| f.id() == callee.id())
            {
                engine.push(Task::Value(callee, Shape::Function(std::sync::Arc::clone(&summary))));
            }
        }
    }
}

/// Whether an object pattern destructures a Base44 client (`const { functions } = base44`),
/// and whether surely.
fn pattern_source_client<'t>(pattern: Node<'t>, engine: &Engine<'t, '_, '_>) -> Option<bool> {
    let index = engine.index;
    let declarator = index.parent(pattern).filter(|d| d.kind() == "variable_declarator")?;
    direct::base44_receiver(declarator.field("value")?, index, engine.env)
}
