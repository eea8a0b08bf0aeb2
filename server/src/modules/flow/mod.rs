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

use std::ops::Range;
use std::path::{Path, PathBuf};

use tree_sitter::Node;

pub(crate) use direct::CLIENT_FACTORIES;
use engine::{Engine, Task};
use env::Env;
use index::Index;
use shape::{Origin, Shape};

use crate::modules::calls::{CallSite, Namer};
use crate::modules::imports::{Exported, ModuleSyntax};
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

/// Where a run of the flow starts and what it reports: the whole file, or some of its
/// top-level statements (sorted byte ranges), for the editor, which runs again only the
/// parts of a file an edit touches (`checks::parts`).
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Whole,
    Statements(&'a [Range<usize>]),
}

impl Part<'_> {
    fn ranges(&self, src: &str) -> Vec<Range<usize>> {
        match self {
            Part::Whole => std::iter::once(0..src.len()).collect(),
            Part::Statements(ranges) => ranges.to_vec(),
        }
    }

    fn holds(&self, at: usize) -> bool {
        match self {
            Part::Whole => true,
            Part::Statements(ranges) => ranges.iter().any(|range| range.contains(&at)),
        }
    }
}

/// How a run went, for telling whether runs over parts of a file add up to a run over the
/// whole of it: the tasks it ran, and for each round of releases whether it released only
/// wrappers (which a run over the whole file does only once nothing else is released).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunStats {
    pub steps: usize,
    pub rounds: Vec<bool>,
}

/// The bounds of one run (see [`RunStats`]).
pub const MAX_FLOW_STEPS: usize = engine::MAX_STEPS;
pub const MAX_FLOW_ROUNDS: usize = MAX_ROUNDS;

/// Runs the flow over a parsed file.
pub fn analyse<'t>(index: &Index<'t, '_>, module: &ModuleSyntax<'t>, env: &Env, path: &Path) -> FileFlow<'t> {
    analyse_part(index, module, env, path, Part::Whole).0
}

/// Runs the flow from the starts in `part` only, and reports the exports made there.
pub fn analyse_part<'t>(
    index: &Index<'t, '_>,
    module: &ModuleSyntax<'t>,
    env: &Env,
    path: &Path,
    part: Part,
) -> (FileFlow<'t>, RunStats) {
    let mut engine = Engine::new(index, env);
    seed(&mut engine, module, &part.ranges(index.src));
    engine.run();
    let mut rounds = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let released = engine.release_functions(false) | engine.release_setters() | engine.release_gathered();
        let only_wrappers = !released && engine.release_functions(true);
        if !released && !only_wrappers {
            break;
        }
        rounds.push(only_wrappers);
        engine.run();
    }
    engine.observe_catches();
    let stats = RunStats { steps: engine.steps(), rounds };
    let flow = finish(engine, module, path, part);
    (flow, stats)
}

fn finish<'t>(mut engine: Engine<'t, '_, '_>, module: &ModuleSyntax<'t>, path: &Path, part: Part) -> FileFlow<'t> {
    let index = engine.index;
    let exports = match part {
        Part::Whole => engine.export_shapes(module, path),
        Part::Statements(_) => {
            let own = |exported: &Exported| match exported {
                Exported::Binding(node) | Exported::Expression(node) => part.holds(node.start_byte()),
            };
            let exports = module.exports.iter().filter(|(_, exported)| own(exported)).cloned().collect();
            let module = ModuleSyntax { imports: Vec::new(), exports, reexports: Vec::new() };
            engine.export_shapes(&module, path)
        }
    };
    let namers = engine.namers();
    let raw_uses = std::mem::take(&mut engine.raw_uses).into_iter().collect();
    // In document order, each once: the order the flow reached them in is no order of the
    // file's, and a run over part of the file (`checks::parts`) reaches them in another.
    let mut json_spots = std::mem::take(&mut engine.json_spots);
    json_spots.sort_unstable_by(|a, b| (a.0.start, a.0.end, &a.1).cmp(&(b.0.start, b.0.end, &b.1)));
    json_spots.dedup();
    let mut sites = std::mem::take(&mut engine.sites);
    sites.sort_by_key(|s| (s.call.start, s.content.start));
    sites.dedup_by(|a, b| a.content == b.content && a.form == b.form);
    let observations = if index.too_deep() { Vec::new() } else { std::mem::take(&mut engine.observations) };
    FileFlow { sites, observations, exports, namers, raw_uses, json_spots }
}

/// Where the flow starts: each `….functions` read on a Base44 client (and each
/// `{ functions }` taken from one), each imported name the module graph knows something
/// about, each call of a wrapper named in the settings.
fn seed<'t>(engine: &mut Engine<'t, '_, '_>, module: &ModuleSyntax<'t>, ranges: &[Range<usize>]) {
    let index = engine.index;
    let leaves_named = |word: &str| -> Vec<Node<'t>> {
        ranges.iter().flat_map(|range| index.leaves_named_within(word, range.clone())).collect()
    };
    for leaf in leaves_named("functions") {
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
        let references = ranges.iter().flat_map(|range| scope::references_within(root, local, index, range.clone()));
        for reference in references {
            engine.push(Task::Value(reference, shape.clone()));
        }
    }
    let env = engine.env;
    for wrapper in &env.wrappers {
        let summary = shape::FnSummary {
            returns: None,
            name_param: Some((wrapper.name_arg, wrapper.kind)),
            data_param: wrapper.data_arg,
            throws: false,
        };
        let summary = std::sync::Arc::new(summary);
        for leaf in leaves_named(&wrapper.name) {
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
