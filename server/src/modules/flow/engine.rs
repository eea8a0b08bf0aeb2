//! Following a tracked value from where it appears to the places that use it: through
//! `await`, parentheses and casts, into variables (with their scope and every other
//! assignment checked), calls of what it is (a method, a function object, a summarised
//! function), `.then`/`.catch` callbacks, `Promise.all`, patterns, state and react-query.
//! A worklist, not recursion, so deeply nested code cannot overflow the stack.

use std::collections::HashMap;

use tree_sitter::Node;

use super::Observation;
use super::env::Env;
use super::helpers::{Helper, Wrapper};
use super::ids::{IdMap, IdSet};
use super::index::Index;
use super::scope::{binding_scope, enclosing_function};
use super::shape::{Origin, Shape};
use super::state::Setter;
use crate::modules::calls::CallSite;
use crate::syntax::fields::FieldExt;

/// A bound on the work for one file, so that no input can make a keystroke slow.
pub const MAX_STEPS: usize = 50_000;

pub enum Task<'t> {
    /// An expression whose value has the shape: look at how its parent uses it.
    Value(Node<'t>, Shape),
    /// A binding pattern (or parameter) that receives a value of the shape; `source` is
    /// the expression assigned, when there is one.
    Pattern(Node<'t>, Shape, Option<Node<'t>>),
}

pub struct Engine<'t, 's, 'i> {
    pub index: &'i Index<'t, 's>,
    pub env: &'i Env,
    work: Vec<Task<'t>>,
    /// Variables followed, as (scope id, name), with what they hold.
    pub(super) bound: HashMap<(usize, &'s str), Shape>,
    /// `Promise.all` calls an element of which was reached, with the array.
    pub(super) gathered: IdMap<Node<'t>>,
    /// `Promise.all` calls already turned into tuples.
    pub(super) gathered_done: IdSet,
    /// Shapes reached per expression that a later step asks about (array elements,
    /// object literal values), by node id.
    pub(super) reached: IdMap<Shape>,
    /// Functions that return a tracked value, by function node id.
    pub(super) helpers: IdMap<Helper<'t>>,
    /// Functions whose parameter names the function they invoke, by function node id.
    pub(super) wrappers: IdMap<Wrapper<'t>>,
    /// The summaries of this file's functions whose calls are followed, by function id.
    pub(super) summaries: IdMap<std::sync::Arc<super::shape::FnSummary>>,
    /// Reads that name a function object (`functions.x`), whose call is that site.
    pub(super) named_reads: IdSet,
    /// Functions whose calls are followed already.
    pub(super) released: IdSet,
    /// `useState` setters given a tracked value, by the setter's declaration id.
    pub(super) setters: IdMap<Setter<'t>>,
    /// Every call that resolves to an invoke's response, with its origin (by call id).
    pub invoke_calls: IdMap<(Node<'t>, Origin)>,
    pub sites: Vec<CallSite>,
    pub observations: Vec<Observation<'t>>,
    /// The expressions that hold a named function's JSON (for completion of its keys).
    pub json_spots: Vec<(std::ops::Range<usize>, String)>,
    /// Helpers of other files whose raw response this file reads as one (`res.data`,
    /// `res.status`): their callers do not all take the response for the JSON.
    pub(super) raw_uses: std::collections::BTreeSet<(std::path::PathBuf, String)>,
    steps: usize,
}

impl<'t, 's, 'i> Engine<'t, 's, 'i> {
    pub fn new(index: &'i Index<'t, 's>, env: &'i Env) -> Self {
        Self {
            index,
            env,
            work: Vec::new(),
            bound: HashMap::new(),
            gathered: IdMap::default(),
            gathered_done: IdSet::default(),
            reached: IdMap::default(),
            helpers: IdMap::default(),
            wrappers: IdMap::default(),
            summaries: IdMap::default(),
            named_reads: IdSet::default(),
            released: IdSet::default(),
            setters: IdMap::default(),
            invoke_calls: IdMap::default(),
            sites: Vec::new(),
            observations: Vec::new(),
            json_spots: Vec::new(),
            raw_uses: std::collections::BTreeSet::new(),
            steps: 0,
        }
    }

    /// How many tasks were run (the bound is [`MAX_STEPS`] for the whole file).
    pub fn steps(&self) -> usize {
        self.steps
    }

    pub fn push(&mut self, task: Task<'t>) {
        self.work.push(task);
    }

    pub fn run(&mut self) {
        while let Some(task) = self.work.pop() {
            self.steps += 1;
            if self.steps > MAX_STEPS {
                self.work.clear();
                return;
            }
            match task {
                Task::Value(node, shape) => self.value(node, shape),
                Task::Pattern(pattern, shape, source) => self.pattern(pattern, shape, source),
            }
        }
    }

    pub fn text(&self, node: Node) -> &'s str {
        self.index.text(node)
    }

    fn value(&mut self, node: Node<'t>, shape: Shape) {
        if let Shape::Json(Origin { name: Some(name), .. }) = &shape {
            self.json_spots.push((node.byte_range(), name.clone()));
        }
        let Some(parent) = self.index.parent(node) else {
            return;
        };
        let is_field = |field: &str| parent.field(field).is_some_and(|child| child.id() == node.id());
        match parent.kind() {
            "parenthesized_expression"
            | "non_null_expression"
            | "as_expression"
            | "satisfies_expression"
            | "type_assertion" => self.push(Task::Value(parent, shape)),
            "await_expression" => self.push(Task::Value(parent, shape.awaited())),
            "member_expression" if is_field("object") => self.member(parent, node, shape),
            "subscript_expression" if is_field("object") => self.subscript(parent, shape),
            "call_expression" if is_field("function") => self.called(parent, shape),
            "arguments" => self.argument(parent, node, shape),
            "variable_declarator" if is_field("value") => {
                if let Some(name) = self.index.child(parent, "name") {
                    self.push(Task::Pattern(name, shape, Some(node)));
                }
            }
            "assignment_expression" if is_field("right") => {
                if let Some(left) = self.index.child(parent, "left") {
                    self.push(Task::Pattern(left, shape, Some(node)));
                }
            }
            "arrow_function" if is_field("body") => self.returned(parent, node, shape),
            "return_statement" => {
                if let Some(function) = enclosing_function(parent, self.index) {
                    self.returned(function, parent, shape);
                }
            }
            "pair" if is_field("value") => {
                self.reached.insert(node.id(), shape.clone());
                if let Shape::Function(summary) = &shape
                    && let Some(returns) = &summary.returns
                {
                    super::react_query::returned(self, node, returns.clone());
                }
            }
            "shorthand_property_identifier" => {
                self.reached.insert(node.id(), shape);
            }
            "binary_expression" => self.whole_value_hedge(parent, node, &shape),
            "array" => {
                self.reached.insert(node.id(), shape);
                self.promise_all_element(parent);
            }
            _ => {}
        }
    }

    fn pattern(&mut self, pattern: Node<'t>, shape: Shape, source: Option<Node<'t>>) {
        match pattern.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                self.bind_variable(pattern, shape, source.unwrap_or(pattern));
            }
            "required_parameter" | "optional_parameter" => {
                if let Some(inner) = pattern.field("pattern") {
                    self.push(Task::Pattern(inner, shape, None));
                }
            }
            "assignment_pattern" | "object_assignment_pattern" => {
                if let Some(left) = pattern.field("left") {
                    self.push(Task::Pattern(left, shape, None));
                }
            }
            "object_pattern" => self.destructure(pattern, shape),
            "array_pattern" => {
                if let Shape::Tuple(items) = shape {
                    for (element, item) in array_pattern_elements(pattern).zip(items) {
                        if let (Some(element), Some(item)) = (element, item) {
                            self.push(Task::Pattern(element, item, None));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Follows a variable that receives a tracked value at `source`, unless another
    /// assignment can give it something else (then its reads prove nothing).
    pub(super) fn bind_variable(&mut self, declared: Node<'t>, shape: Shape, source: Node<'t>) {
        let name = self.text(declared);
        let Some(scope) = binding_scope(declared, name, self.index) else {
            return;
        };
        if self.bound.contains_key(&(scope.id(), name)) {
            return;
        }
        let references = super::scope::references_in(scope, name, self.index);
        let mut shape = shape;
        for reference in &references {
            match self.write_of(*reference, source) {
                Write::None | Write::Source | Write::Neutral => {}
                Write::Same(other) if same_kind(&shape, &other) => {
                    shape = merge_origin(shape, &other);
                }
                Write::Same(_) | Write::Other => return,
            }
        }
        self.bound.insert((scope.id(), name), shape.clone());
        for reference in references {
            self.push(Task::Value(reference, shape.clone()));
        }
    }

    /// What an occurrence of a followed variable writes into it.
    pub(super) fn write_of(&self, reference: Node<'t>, source: Node<'t>) -> Write {
        if reference.id() == source.id() {
            return Write::Source;
        }
        let Some(parent) = self.index.parent(reference) else {
            return Write::None;
        };
        let field_is = |field: &str| parent.field(field).is_some_and(|child| child.id() == reference.id());
        let assigned = match parent.kind() {
            "variable_declarator" if field_is("name") => parent.field("value"),
            "assignment_expression" if field_is("left") => parent.field("right"),
            "augmented_assignment_expression" | "update_expression" => return Write::Other,
            "array_pattern"
            | "object_pattern"
            | "pair_pattern"
            | "rest_pattern"
            | "assignment_pattern"
            | "object_assignment_pattern" => return Write::Other,
            "for_in_statement" if field_is("left") => return Write::Other,
            "required_parameter" | "optional_parameter" | "formal_parameters" => {
                return Write::Other;
            }
            "arrow_function" if field_is("parameter") => return Write::Other,
            _ => return Write::None,
        };
        let Some(assigned) = assigned else {
            return Write::Neutral;
        };
        if assigned.id() == source.id() {
            return Write::Source;
        }
        if is_nothing(assigned, self.index) {
            return Write::Neutral;
        }
        match super::direct::static_shape(assigned, self.index, self.env) {
            Some(shape) => Write::Same(shape),
            None => Write::Other,
        }
    }

    /// A function returns a tracked value (at `from`: a `return` or an arrow's body):
    /// react-query's `queryFn`/`mutationFn` say where it goes, else the function's
    /// callers may get it.
    fn returned(&mut self, function: Node<'t>, from: Node<'t>, shape: Shape) {
        if !super::react_query::returned(self, function, shape.clone()) {
            self.record_return(function, from, shape);
        }
    }

    /// An element of `Promise.all([...])` / `Promise.allSettled([...])` was reached: the
    /// call is turned into a tuple once the elements reached in this round are known.
    fn promise_all_element(&mut self, array: Node<'t>) {
        let Some(call) =
            self.index.parent(array).filter(|args| args.kind() == "arguments").and_then(|args| self.index.parent(args))
        else {
            return;
        };
        if matches!(call.field("function").map(|callee| self.text(callee)), Some("Promise.all" | "Promise.allSettled"))
            && !self.gathered_done.contains(&call.id())
        {
            self.gathered.insert(call.id(), array);
        }
    }

    /// Turns each `Promise.all` whose elements were reached into a promise of a tuple.
    pub(super) fn release_gathered(&mut self) -> bool {
        let gathered: Vec<(usize, Node<'t>)> = self.gathered.drain().collect();
        let mut pushed = false;
        for (call_id, array) in gathered {
            if !self.gathered_done.insert(call_id) {
                continue;
            }
            let Some(call) =
                self.index.parent(array).and_then(|args| self.index.parent(args)).filter(|c| c.id() == call_id)
            else {
                continue;
            };
            let settled = call.field("function").is_some_and(|callee| self.text(callee) == "Promise.allSettled");
            let mut cursor = array.walk();
            let items = array
                .named_children(&mut cursor)
                .filter(|element| element.kind() != "comment")
                .map(|element| {
                    let reached = self
                        .reached
                        .get(&element.id())
                        .cloned()
                        .or_else(|| super::direct::static_shape(element, self.index, self.env))?;
                    let resolved = reached.awaited();
                    resolved.response()?;
                    Some(if settled { Shape::Settled(Box::new(resolved)) } else { resolved })
                })
                .collect();
            pushed = true;
            self.push(Task::Value(call, Shape::promise(Shape::Tuple(items))));
        }
        pushed
    }

    /// Records a call site.
    pub(super) fn site(&mut self, site: CallSite) {
        self.sites.push(site);
    }
}

pub(super) enum Write {
    /// Not a write: a read.
    None,
    /// The assignment being followed.
    Source,
    /// A declaration without a value, or `null`/`undefined`.
    Neutral,
    /// Another call of the same kind.
    Same(Shape),
    /// Anything else: the variable may hold another value.
    Other,
}

pub(super) fn is_nothing(node: Node, index: &Index) -> bool {
    matches!(node.kind(), "null" | "undefined") || (node.kind() == "identifier" && index.text(node) == "undefined")
}

fn same_kind(a: &Shape, b: &Shape) -> bool {
    match (a, b) {
        (Shape::Promise(a), Shape::Promise(b)) => same_kind(a, b),
        (Shape::AxiosResponse(_), Shape::AxiosResponse(_))
        | (Shape::FetchResponse(_), Shape::FetchResponse(_))
        | (Shape::Json(_), Shape::Json(_)) => true,
        _ => false,
    }
}

/// When a variable is assigned from calls of different functions, messages cannot
/// name one of them.
pub(super) fn merge_origin(shape: Shape, other: &Shape) -> Shape {
    let other_name = other.clone().awaited().result_origin().and_then(|o| o.name.clone());
    let mut shape = shape;
    if let Some(origin) = shape.result_origin_mut()
        && origin.name != other_name
    {
        origin.name = None;
    }
    shape
}

/// The elements of an array pattern by position (`None` for holes: `[a, , b]`).
pub(super) fn array_pattern_elements(pattern: Node) -> impl Iterator<Item = Option<Node>> {
    let mut elements = Vec::new();
    let mut pending: Option<Node> = None;
    let mut cursor = pattern.walk();
    for child in pattern.children(&mut cursor) {
        match child.kind() {
            "," => elements.push(pending.take()),
            "[" | "]" | "comment" => {}
            _ => pending = Some(child),
        }
    }
    if pending.is_some() {
        elements.push(pending);
    }
    elements.into_iter()
}
