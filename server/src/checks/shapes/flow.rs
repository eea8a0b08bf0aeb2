//! Following a tracked value from the call that makes it to the places that read it:
//! through `await`, parentheses and casts, into variables (with their scope and every
//! other assignment checked), `.then` callbacks, `Promise.all`, patterns and react-query.
//! A worklist, not recursion, so deeply nested code cannot overflow the stack.

use std::collections::HashSet;

use tree_sitter::Node;

use super::helpers::Helper;
use super::ids::{IdMap, IdSet};
use super::index::Index;
use super::report::Reporter;
use super::scope::{binding_scope, enclosing_function};
use super::shape::{Origin, Shape};
use crate::modules::calls::functions_call_kind;
use crate::syntax::fields::FieldExt;
use crate::syntax::string_literal;

/// A bound on the work for one file, so that no input can make a keystroke slow.
const MAX_STEPS: usize = 50_000;

pub enum Task<'t> {
    /// An expression whose value has the shape: look at how its parent uses it.
    Value(Node<'t>, Shape),
    /// A binding pattern (or parameter) that receives a value of the shape; `source` is
    /// the expression assigned, when there is one.
    Pattern(Node<'t>, Shape, Option<Node<'t>>),
}

pub struct Engine<'t, 's, 'i, 'p> {
    pub index: &'i Index<'t, 's>,
    pub out: Reporter<'p>,
    work: Vec<Task<'t>>,
    /// Variables already followed, as (scope id, name).
    bound: HashSet<(usize, &'s str)>,
    /// `Promise.all` calls already turned into tuples.
    gathered: IdSet,
    /// Functions that return a tracked value, by function node id.
    pub(super) helpers: IdMap<Helper<'t>>,
    steps: usize,
}

impl<'t, 's, 'i, 'p> Engine<'t, 's, 'i, 'p> {
    pub fn new(index: &'i Index<'t, 's>, out: Reporter<'p>) -> Self {
        Self {
            index,
            out,
            work: Vec::new(),
            bound: HashSet::new(),
            gathered: IdSet::default(),
            helpers: IdMap::default(),
            steps: 0,
        }
    }

    pub fn push(&mut self, task: Task<'t>) {
        self.work.push(task);
    }

    pub fn run(&mut self) {
        while let Some(task) = self.work.pop() {
            self.steps += 1;
            if self.steps > MAX_STEPS {
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
            "call_expression" if is_field("function") => {
                if let Shape::MutateFn { resolved, resolves } = shape {
                    super::react_query::mutate_called(self, parent, *resolved, resolves);
                }
            }
            "subscript_expression" if is_field("object") => {
                if let (Shape::Tuple(items), Some(index)) = (shape, parent.field("index")) {
                    let item = self.text(index).parse::<usize>().ok();
                    if let Some(Some(item)) = item.and_then(|i| items.into_iter().nth(i)) {
                        self.push(Task::Value(parent, item));
                    }
                }
            }
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
            "binary_expression" => self.whole_value_hedge(parent, node, &shape),
            "array" => self.promise_all_element(parent),
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
    fn bind_variable(&mut self, declared: Node<'t>, shape: Shape, source: Node<'t>) {
        let name = self.text(declared);
        let Some(scope) = binding_scope(declared, name, self.index) else {
            return;
        };
        if !self.bound.insert((scope.id(), name)) {
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
                Write::Same(_) => return,
                Write::Other => return,
            }
        }
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
        match static_shape(assigned, self.index) {
            Some(shape) => Write::Same(shape),
            None => Write::Other,
        }
    }

    /// A function returns a tracked value (at `from`: a `return` or an arrow's body):
    /// react-query's `queryFn`/`mutationFn` say where it goes, else the function's
    /// callers in this file may get it.
    fn returned(&mut self, function: Node<'t>, from: Node<'t>, shape: Shape) {
        if !super::react_query::returned(self, function, shape.clone()) {
            self.record_return(function, from, shape);
        }
    }

    /// An element of `Promise.all([...])` / `Promise.allSettled([...])`: the whole
    /// call resolves to a tuple with one entry per element.
    fn promise_all_element(&mut self, array: Node<'t>) {
        let Some(call) =
            self.index.parent(array).filter(|args| args.kind() == "arguments").and_then(|args| self.index.parent(args))
        else {
            return;
        };
        let settled = match call.field("function").map(|callee| self.text(callee)) {
            Some("Promise.all") => false,
            Some("Promise.allSettled") => true,
            _ => return,
        };
        if !self.gathered.insert(call.id()) {
            return;
        }
        let mut cursor = array.walk();
        let items = array
            .named_children(&mut cursor)
            .filter(|element| element.kind() != "comment")
            .map(|element| {
                let resolved = static_shape(element, self.index)?.awaited();
                resolved.response()?;
                Some(if settled { Shape::Settled(Box::new(resolved)) } else { resolved })
            })
            .collect();
        self.push(Task::Value(call, Shape::promise(Shape::Tuple(items))));
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

/// The shape of an expression on its own: `functions.invoke(…)`, `await` of one, in
/// parentheses or casts.
pub fn static_shape(node: Node, index: &Index) -> Option<Shape> {
    let mut node = node;
    let mut awaits = 0;
    loop {
        match node.kind() {
            "parenthesized_expression" | "non_null_expression" | "as_expression" | "satisfies_expression" => {
                node = node.named_child(0)?
            }
            "await_expression" => {
                awaits += 1;
                node = node.named_child(0)?;
            }
            "call_expression" => {
                let origin = origin_of(node, index)?;
                let response = match origin.kind {
                    crate::modules::calls::CallKind::Invoke => Shape::AxiosResponse(origin),
                    crate::modules::calls::CallKind::Fetch => Shape::FetchResponse(origin),
                };
                return Some(if awaits > 0 { response } else { Shape::promise(response) });
            }
            _ => return None,
        }
    }
}

/// The origin of a `functions.invoke`/`functions.fetch` call node.
pub fn origin_of(call: Node, index: &Index) -> Option<Origin> {
    index.origin(call, || {
        let kind = index.call_kind(call).or_else(|| functions_call_kind(call, index.src))?;
        Some(Origin { kind, name: first_string_argument(call, index) })
    })
}

/// The value of a call's first argument when it is a static string (what `call_site_of`
/// reads, for a call already known to be a functions call).
fn first_string_argument(call: Node, index: &Index) -> Option<String> {
    let args = call.field("arguments")?;
    let mut cursor = args.walk();
    let first = args.named_children(&mut cursor).find(|n| n.kind() != "comment")?;
    string_literal(first, index.src).map(|literal| literal.value)
}

fn same_kind(a: &Shape, b: &Shape) -> bool {
    match (a, b) {
        (Shape::Promise(a), Shape::Promise(b)) => same_kind(a, b),
        (Shape::AxiosResponse(_), Shape::AxiosResponse(_)) | (Shape::FetchResponse(_), Shape::FetchResponse(_)) => true,
        _ => false,
    }
}

/// When a variable is assigned from calls of different functions, messages cannot
/// name one of them.
fn merge_origin(shape: Shape, other: &Shape) -> Shape {
    let other_name = match other.clone().awaited() {
        Shape::AxiosResponse(o) | Shape::FetchResponse(o) => o.name,
        _ => None,
    };
    match shape {
        Shape::AxiosResponse(mut o) => {
            if o.name != other_name {
                o.name = None;
            }
            Shape::AxiosResponse(o)
        }
        Shape::FetchResponse(mut o) => {
            if o.name != other_name {
                o.name = None;
            }
            Shape::FetchResponse(o)
        }
        other => other,
    }
}

/// The elements of an array pattern by position (`None` for holes: `[a, , b]`).
fn array_pattern_elements(pattern: Node) -> impl Iterator<Item = Option<Node>> {
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
