//! How tracked values are used: member reads (`functions.invoke`, `functions.checkout`,
//! `res.data`, `.then`, `.catch`, react-query's `data`), element reads, and calls: of
//! `invoke`/`fetch` (a call site; a wrapper when the name is a parameter), of a function
//! object, of a function whose summary is known.

use std::sync::Arc;

use tree_sitter::Node;

use super::Observation;
use super::engine::{Engine, Task};
use super::helpers::Wrapper;
use super::scope::{binding_scope, enclosing_function, is_function};
use super::shape::{AXIOS_RESPONSE_FIELDS, FnSummary, Origin, Shape};
use crate::modules::calls::{CallKind, CallSite, SiteForm};
use crate::syntax::fields::FieldExt;
use crate::syntax::{StringLit, string_literal, strip_wrappers};

impl<'t> Engine<'t, '_, '_> {
    /// `object.property` where `object` has the shape.
    pub(super) fn member(&mut self, member: Node<'t>, object: Node<'t>, shape: Shape) {
        let Some(property) = member.field("property") else {
            return;
        };
        let name = self.text(property);
        match shape {
            Shape::Promise(inner) => self.promise_member(member, name, *inner),
            Shape::Query(inner) | Shape::Mutation(inner) if name == "data" => {
                self.push(Task::Value(member, *inner));
            }
            Shape::Mutation(inner) => {
                if let Some(mutate) = super::react_query::mutate_fn(name, &inner) {
                    self.push(Task::Value(member, mutate));
                }
            }
            Shape::Settled(inner) if name == "value" => self.push(Task::Value(member, *inner)),
            Shape::AxiosResponse(origin) if !self.is_write_or_jsx_name(member) => {
                if let Some(via) = origin.via.as_ref().filter(|_| AXIOS_RESPONSE_FIELDS.contains(&name)) {
                    self.raw_uses.insert((via.path.clone(), via.helper.clone()));
                }
                if name == "data" {
                    // Followed only when it can be checked: a named function's JSON.
                    if origin.name.is_some() {
                        self.push(Task::Value(member, Shape::Json(origin)));
                    }
                } else {
                    // The response's own fields too: `res.status` may be meant as the JSON's.
                    let response = Shape::AxiosResponse(origin);
                    self.observations.push(Observation::Read { member, object, property, response });
                }
            }
            Shape::Json(origin) if !self.is_write_or_jsx_name(member) => {
                self.observations.push(Observation::JsonRead { member, property, origin });
            }
            Shape::FetchResponse(origin) if !self.is_write_or_jsx_name(member) => {
                let response = Shape::FetchResponse(origin);
                self.observations.push(Observation::Read { member, object, property, response });
            }
            Shape::FunctionsModule { sure } => match name {
                "invoke" => self.push(Task::Value(member, Shape::Method(CallKind::Invoke))),
                "fetch" => self.push(Task::Value(member, Shape::Method(CallKind::Fetch))),
                _ if sure => self.function_object(member, property, name.to_string(), SiteForm::Property),
                _ => {}
            },
            Shape::Object(members) => {
                if let Some((_, shape)) = members.iter().find(|(key, _)| key == name) {
                    self.push(Task::Value(member, shape.clone()));
                }
            }
            _ => {}
        }
    }

    /// `.then`, `.catch` and `.finally` on a tracked promise.
    fn promise_member(&mut self, member: Node<'t>, name: &str, inner: Shape) {
        let call = self
            .index
            .parent(member)
            .filter(|p| p.kind() == "call_expression")
            .filter(|call| call.field("function").is_some_and(|f| f.id() == member.id()));
        let Some(call) = call else { return };
        match name {
            "then" => {
                self.then_callback(call, 0, inner.clone());
                if let Some(param) = nth_argument(call, 1).and_then(first_param) {
                    self.invoke_error(param, &inner);
                }
            }
            "catch" => {
                if let Some(param) = nth_argument(call, 0).and_then(first_param) {
                    self.invoke_error(param, &inner);
                }
                // `invoke(…).catch(() => null)` resolves to the response, or the fallback.
                self.push(Task::Value(call, Shape::promise(inner)));
            }
            "finally" => self.push(Task::Value(call, Shape::promise(inner))),
            _ => {}
        }
    }

    /// `promise.then(callback)`: the callback's first parameter gets the resolved value,
    /// whether the callback is written there, a local function's name, or a state setter.
    fn then_callback(&mut self, call: Node<'t>, position: usize, resolved: Shape) {
        let Some(callback) = nth_argument(call, position) else { return };
        if let Some(param) = first_param(callback) {
            self.push(Task::Pattern(param, resolved, None));
            return;
        }
        if callback.kind() != "identifier" {
            return;
        }
        if self.state_write(callback, callback, &resolved) {
            return;
        }
        if let Some(function) = self.local_function(callback)
            && let Some(param) = first_param(function)
        {
            self.push(Task::Pattern(param, resolved, None));
        }
    }

    /// The function declared by the name `identifier` refers to, in this file.
    pub(super) fn local_function(&self, identifier: Node<'t>) -> Option<Node<'t>> {
        let name = self.text(identifier);
        let scope = binding_scope(identifier, name, self.index)?;
        super::scope::references_in(scope, name, self.index).into_iter().find_map(|reference| {
            let parent = self.index.parent(reference)?;
            match parent.kind() {
                "function_declaration" if parent.field("name").is_some_and(|n| n.id() == reference.id()) => {
                    Some(parent)
                }
                "variable_declarator" if parent.field("name").is_some_and(|n| n.id() == reference.id()) => {
                    parent.field("value").filter(|v| is_function(v.kind()))
                }
                _ => None,
            }
        })
    }

    /// A rejection handler's parameter: the error of the invoke the promise came from.
    pub(super) fn invoke_error(&mut self, param: Node<'t>, resolved: &Shape) {
        let param = match param.kind() {
            "required_parameter" => param.field("pattern"),
            _ => Some(param),
        };
        if let (Some(param), Shape::AxiosResponse(origin)) = (param, resolved)
            && param.kind() == "identifier"
            && !origin.own_errors
        {
            self.observations.push(Observation::InvokeError { param, origins: vec![origin.clone()] });
        }
    }

    /// `object[index]` where `object` has the shape.
    pub(super) fn subscript(&mut self, subscript: Node<'t>, shape: Shape) {
        let Some(index) = subscript.field("index") else { return };
        match shape {
            Shape::Tuple(items) => {
                let item = self.text(index).parse::<usize>().ok();
                if let Some(Some(item)) = item.and_then(|i| items.into_iter().nth(i)) {
                    self.push(Task::Value(subscript, item));
                }
            }
            Shape::FunctionsModule { sure } => {
                if let Some(StringLit { value, content }) = string_literal(index, self.index.src) {
                    match value.as_str() {
                        "invoke" => self.push(Task::Value(subscript, Shape::Method(CallKind::Invoke))),
                        "fetch" => self.push(Task::Value(subscript, Shape::Method(CallKind::Fetch))),
                        _ if sure => self.function_object_at(subscript, content, value, SiteForm::Literal),
                        _ => {}
                    }
                }
            }
            Shape::Object(members) => {
                if let Some(StringLit { value, .. }) = string_literal(index, self.index.src)
                    && let Some((_, shape)) = members.iter().find(|(key, _)| *key == value)
                {
                    self.push(Task::Value(subscript, shape.clone()));
                }
            }
            _ => {}
        }
    }

    /// `functions.<name>` read at `member`, the name at `property`.
    fn function_object(&mut self, member: Node<'t>, property: Node<'t>, name: String, form: SiteForm) {
        self.function_object_at(member, property.byte_range(), name, form);
    }

    /// A function object named at `content` (a property, a string, a pattern key) by the
    /// expression `read`: a call site, called there or not.
    pub(super) fn function_object_at(
        &mut self,
        read: Node<'t>,
        content: std::ops::Range<usize>,
        name: String,
        form: SiteForm,
    ) {
        let call = self
            .index
            .parent(read)
            .filter(|p| p.kind() == "call_expression")
            .filter(|call| call.field("function").is_some_and(|f| f.id() == read.id()));
        let (call_range, data, member_call) = match call {
            Some(call) => (call.byte_range(), nth_argument(call, 0).map(|a| a.byte_range()), true),
            None => (read.byte_range(), None, false),
        };
        self.site(CallSite {
            kind: CallKind::Invoke,
            value: name.clone(),
            content,
            call: call_range,
            data,
            form,
            member_call,
        });
        self.named_reads.insert(read.id());
        self.push(Task::Value(read, Shape::FunctionObject(name)));
    }

    /// A call whose callee has the shape.
    pub(super) fn called(&mut self, call: Node<'t>, shape: Shape) {
        match shape {
            Shape::Method(kind) => self.method_called(call, kind),
            Shape::FunctionObject(name) => {
                let callee = call.field("function").map(strip_wrappers);
                // Named where it is read (`functions.x(…)`): that site stands for the call.
                if let Some(callee) = callee.filter(|c| !self.named_reads.contains(&c.id())) {
                    let data = nth_argument(call, 0).map(|a| a.byte_range());
                    let site = CallSite {
                        kind: CallKind::Invoke,
                        value: name.clone(),
                        content: callee.byte_range(),
                        call: call.byte_range(),
                        data,
                        form: SiteForm::ObjectCall,
                        member_call: false,
                    };
                    self.site(site);
                }
                let origin = Origin::new(CallKind::Invoke, Some(name));
                self.invoke_calls.insert(call.id(), (call, origin.clone()));
                self.push(Task::Value(call, Shape::promise(Shape::AxiosResponse(origin))));
            }
            Shape::Function(summary) => self.apply_summary(call, &summary),
            Shape::MutateFn { resolved, resolves } => {
                super::react_query::mutate_called(self, call, *resolved, resolves);
            }
            _ => {}
        }
    }

    /// `invoke(name, data)` / `fetch(path, init)`: a call site when the name is a string, a
    /// wrapper when it is a parameter of the function around the call.
    fn method_called(&mut self, call: Node<'t>, kind: CallKind) {
        let name = self.name_argument(call, 0, kind, Some(1));
        let origin = Origin::new(kind, name);
        let response = match kind {
            CallKind::Invoke => {
                self.invoke_calls.insert(call.id(), (call, origin.clone()));
                Shape::AxiosResponse(origin)
            }
            CallKind::Fetch => Shape::FetchResponse(origin),
        };
        self.push(Task::Value(call, Shape::promise(response)));
    }

    /// A call of a function whose summary is known: its name argument makes a call site,
    /// and the call gives what the function returns, named after that argument.
    pub(super) fn apply_summary(&mut self, call: Node<'t>, summary: &Arc<FnSummary>) {
        let mut name = None;
        if let Some((position, kind)) = summary.name_param {
            name = self.name_argument(call, position, kind, summary.data_param);
        }
        let Some(returns) = &summary.returns else { return };
        let mut resolved = returns.clone();
        if let Some(origin) = resolved.result_origin_mut() {
            if summary.name_param.is_some() {
                origin.name = name;
            }
            origin.own_errors |= summary.throws;
        }
        if let Shape::AxiosResponse(origin) = &resolved {
            self.invoke_calls.insert(call.id(), (call, origin.clone()));
        }
        self.push(Task::Value(call, Shape::promise(resolved)));
    }

    /// The argument at `position` of a call that names a function: a call site when it is
    /// a string (its value returned), or, when it is a parameter of the function around
    /// the call, that function becomes a wrapper.
    fn name_argument(
        &mut self,
        call: Node<'t>,
        position: usize,
        kind: CallKind,
        data_position: Option<usize>,
    ) -> Option<String> {
        let argument = nth_argument(call, position)?;
        let data = data_position.and_then(|p| nth_argument(call, p));
        if let Some(StringLit { value, content }) = string_literal(argument, self.index.src) {
            self.site(CallSite::literal(kind, value.clone(), content, call.byte_range(), data.map(|d| d.byte_range())));
            return Some(value);
        }
        if argument.kind() == "identifier"
            && let Some((function, index)) = self.parameter_of(argument)
        {
            let data_param = data.filter(|d| d.kind() == "identifier").and_then(|d| self.parameter_of(d));
            let data_param = data_param.filter(|(f, _)| f.id() == function.id()).map(|(_, i)| i);
            let wrapper = Wrapper { function, name_param: index, kind, data_param };
            self.wrappers.entry(function.id()).or_insert(wrapper);
        }
        None
    }

    /// The function an identifier is a plain parameter of, and its position.
    pub(super) fn parameter_of(&self, identifier: Node<'t>) -> Option<(Node<'t>, usize)> {
        let name = self.text(identifier);
        let function = enclosing_function(identifier, self.index)?;
        let scope = binding_scope(identifier, name, self.index)?;
        if scope.id() != function.id() {
            return None;
        }
        parameters(function)
            .iter()
            .position(|param| {
                let inner = if param.kind() == "identifier" { Some(*param) } else { param.field("pattern") };
                inner.is_some_and(|p| p.kind() == "identifier" && self.text(p) == name)
            })
            .map(|position| (function, position))
    }

    /// `raw ?? raw.data`-style hedges on the whole response: `resp?.data || resp`.
    pub(super) fn whole_value_hedge(&mut self, binary: Node<'t>, operand: Node<'t>, shape: &Shape) {
        let Shape::AxiosResponse(origin) = shape else { return };
        if matches!(binary.field("operator").map(|o| o.kind()), Some("??" | "||")) {
            self.observations.push(Observation::WholeHedge { binary, operand, origin: origin.clone() });
        }
    }

    /// A tracked value passed as an argument: to a state setter, it becomes the state; a
    /// helper handed to react-query (`useQuery(key, load)`) gives it its results.
    pub(super) fn argument(&mut self, args: Node<'t>, node: Node<'t>, shape: Shape) {
        if let Shape::Function(summary) = &shape
            && let Some(returns) = &summary.returns
        {
            super::react_query::returned(self, node, returns.clone());
            return;
        }
        let Some(call) = self.index.parent(args).filter(|c| c.kind() == "call_expression") else { return };
        let Some(callee) = call.field("function") else { return };
        if callee.kind() == "identifier" && nth_argument(call, 0).is_some_and(|first| first.id() == node.id()) {
            self.state_write(callee, node, &shape);
        }
    }

    /// An assignment target (`res.x = 1`) or a JSX tag name (`<res.Provider>`) is no read.
    fn is_write_or_jsx_name(&self, member: Node<'t>) -> bool {
        let Some(parent) = self.index.parent(member) else {
            return false;
        };
        match parent.kind() {
            "assignment_expression" | "augmented_assignment_expression" => {
                parent.field("left").is_some_and(|left| left.id() == member.id())
            }
            "jsx_opening_element" | "jsx_closing_element" | "jsx_self_closing_element" => true,
            _ => false,
        }
    }
}

/// A call's argument at `position` (comments skipped).
pub fn nth_argument(call: Node, position: usize) -> Option<Node> {
    let args = call.field("arguments")?;
    let mut cursor = args.walk();
    args.named_children(&mut cursor).filter(|arg| arg.kind() != "comment").nth(position)
}

/// A function's parameters, in order (for `x => …`, the name).
pub fn parameters(function: Node) -> Vec<Node> {
    if let Some(single) = function.field("parameter") {
        return vec![single];
    }
    let Some(params) = function.field("parameters") else { return Vec::new() };
    let mut cursor = params.walk();
    params.named_children(&mut cursor).filter(|p| p.kind() != "comment").collect()
}

/// A function's first parameter.
pub fn first_param(function: Node) -> Option<Node> {
    if !is_function(function.kind()) {
        return None;
    }
    parameters(function).into_iter().next()
}
