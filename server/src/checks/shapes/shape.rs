//! What the checks know about a value: an invoke's axios response, a fetch's native
//! `Response`, a promise of one, or a container (a `Promise.all` tuple, a react-query
//! result) that holds one.

use crate::modules::calls::CallKind;

/// The call a tracked value comes from, named in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub kind: CallKind,
    /// The function name (invoke) or path (fetch), when the call names it statically.
    pub name: Option<String>,
}

impl Origin {
    /// `"process-order"` for a static name, else a description of the call.
    pub fn describe(&self) -> String {
        match (&self.name, self.kind) {
            (Some(name), CallKind::Invoke) => format!("\"{name}\""),
            (Some(path), CallKind::Fetch) => format!("fetch(\"{path}\")"),
            (None, CallKind::Invoke) => "an invoke call".to_string(),
            (None, CallKind::Fetch) => "a functions.fetch call".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A promise that resolves to the inner shape.
    Promise(Box<Shape>),
    /// The raw axios response `invoke` resolves to.
    AxiosResponse(Origin),
    /// The native `Response` `functions.fetch` resolves to.
    FetchResponse(Origin),
    /// `Promise.all`'s result: one entry per array element (`None`: not tracked).
    Tuple(Vec<Option<Shape>>),
    /// One `Promise.allSettled` outcome: its `.value` holds the inner shape.
    Settled(Box<Shape>),
    /// A react-query result whose `.data` holds the inner shape.
    Query(Box<Shape>),
    /// A react-query mutation whose `mutationFn` resolves to the inner shape.
    Mutation(Box<Shape>),
    /// A mutation's `mutate` (`resolves: false`) or `mutateAsync` (`true`) function.
    MutateFn { resolved: Box<Shape>, resolves: bool },
}

impl Shape {
    pub fn promise(inner: Shape) -> Shape {
        Shape::Promise(Box::new(inner))
    }

    /// What awaiting a value of this shape gives.
    pub fn awaited(self) -> Shape {
        match self {
            Shape::Promise(inner) => *inner,
            other => other,
        }
    }

    /// The response this shape is, if it is one (not a promise or container of one).
    pub fn response(&self) -> Option<&Origin> {
        match self {
            Shape::AxiosResponse(origin) | Shape::FetchResponse(origin) => Some(origin),
            _ => None,
        }
    }
}

/// The fields of an axios response (`AxiosResponse`): reading any other is a mistake.
pub const AXIOS_RESPONSE_FIELDS: &[&str] = &["data", "status", "statusText", "headers", "config", "request"];

/// The fields and methods of a native fetch `Response`.
pub const FETCH_RESPONSE_FIELDS: &[&str] = &[
    "ok",
    "status",
    "statusText",
    "headers",
    "body",
    "bodyUsed",
    "url",
    "redirected",
    "type",
    "json",
    "text",
    "blob",
    "arrayBuffer",
    "formData",
    "bytes",
    "clone",
];

/// The `Response` members that consume its body: it can be read only once.
pub const FETCH_BODY_READERS: &[&str] = &["json", "text", "blob", "arrayBuffer", "formData", "bytes", "body"];

/// The fields of an `AxiosError` (plus what every `Error` has): anything else read on
/// an invoke's error is the function's error body, which sits on `err.response.data`.
pub const AXIOS_ERROR_FIELDS: &[&str] = &[
    "message",
    "name",
    "code",
    "config",
    "request",
    "response",
    "status",
    "stack",
    "cause",
    "isAxiosError",
    "toJSON",
    "toString",
    "constructor",
];
