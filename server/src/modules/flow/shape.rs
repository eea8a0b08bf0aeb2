//! What the flow knows about a value: the things that lead to a call (a Base44 client, its
//! `functions` module, `invoke`/`fetch` taken as values, function objects, functions whose
//! calls invoke), and what a call gives (an invoke's axios response,
//! a fetch's native `Response`, a promise of one, or a container that holds one). The same
//! shapes are a module's summaries: what an export gives the files that import it.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::modules::calls::CallKind;

/// The call a tracked value comes from, named in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub kind: CallKind,
    /// The function name (invoke) or path (fetch), when the call names it statically.
    pub name: Option<String>,
    /// The helper in another file the value came through, for messages that point there.
    pub via: Option<Arc<Via>>,
    /// The promise may also reject with errors the app throws itself (a wrapper that
    /// throws), so an error's fields say nothing about the invoke.
    pub own_errors: bool,
}

impl Origin {
    pub fn new(kind: CallKind, name: Option<String>) -> Self {
        Self { kind, name, via: None, own_errors: false }
    }

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

/// An exported helper a response came through: where it is and where it returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// The helper's name as exported (`default` for a default export).
    pub helper: String,
    pub path: PathBuf,
    /// The expression it returns (a `return`'s value or an arrow's body).
    pub returned: Range<usize>,
    /// Rewriting that expression to give the function's JSON instead, when it is simple.
    pub unwrap: Option<String>,
}

/// What calling a function gives, read off its body (in this file or an imported one).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FnSummary {
    /// What a call resolves to (`None`: nothing tracked). A returned response whose name
    /// comes from [`FnSummary::name_param`] has no name here: each call fills it in.
    pub returns: Option<Shape>,
    /// The parameter whose value names the function invoked (or the path fetched).
    pub name_param: Option<(usize, CallKind)>,
    /// The parameter passed on as invoke's data.
    pub data_param: Option<usize>,
    /// Its body throws errors of its own.
    pub throws: bool,
}

impl FnSummary {
    pub fn is_empty(&self) -> bool {
        self.returns.is_none() && self.name_param.is_none()
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
    /// The function's JSON: an invoke's `res.data`, followed to where its keys are read
    /// (not through functions that return it).
    Json(Origin),
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
    /// A Base44 client (`createClient`, `createClientFromRequest`, the app's `base44`).
    Client,
    /// A client of another SDK: its look-alike `functions.invoke` is not Base44's.
    OtherClient,
    /// A client's `functions` module. `sure`: the client is known to be Base44's (or named
    /// so), and members other than `invoke`/`fetch` are function objects; on a client only
    /// assumed to be Base44's, `functions.run(…)` may be anything.
    FunctionsModule { sure: bool },
    /// `functions.invoke` or `functions.fetch` taken as a value.
    Method(CallKind),
    /// `functions.<name>`: a builder function object; calling it invokes `<name>`.
    FunctionObject(String),
    /// A function whose calls give something tracked, or name a function.
    Function(Arc<FnSummary>),
    /// An object with tracked members (`export const api = { load: () => invoke(…) }`).
    Object(Arc<Vec<(String, Shape)>>),
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

    /// The call a response comes from.
    pub fn result_origin(&self) -> Option<&Origin> {
        match self {
            Shape::AxiosResponse(origin) | Shape::FetchResponse(origin) | Shape::Json(origin) => Some(origin),
            _ => None,
        }
    }

    pub fn result_origin_mut(&mut self) -> Option<&mut Origin> {
        match self {
            Shape::AxiosResponse(origin) | Shape::FetchResponse(origin) => Some(origin),
            Shape::Promise(inner) => inner.result_origin_mut(),
            _ => None,
        }
    }

    /// Whether a module's summary keeps this shape: what can reach another file's calls.
    pub fn is_exportable(&self) -> bool {
        match self {
            Shape::Function(summary) => !summary.is_empty(),
            Shape::Object(members) => !members.is_empty(),
            Shape::Client
            | Shape::OtherClient
            | Shape::FunctionsModule { .. }
            | Shape::Method(_)
            | Shape::FunctionObject(_)
            | Shape::Promise(_)
            | Shape::AxiosResponse(_)
            | Shape::FetchResponse(_) => true,
            _ => false,
        }
    }

    /// Whether another file's calls through this shape can name functions: what makes a
    /// file that imports it worth reading.
    pub fn names_functions(&self) -> bool {
        match self {
            Shape::Function(summary) => {
                summary.name_param.is_some() || summary.returns.as_ref().is_some_and(|r| r.response().is_some())
            }
            Shape::Object(members) => members.iter().any(|(_, shape)| shape.names_functions()),
            Shape::FunctionsModule { .. } | Shape::Method(_) | Shape::FunctionObject(_) => true,
            Shape::Promise(inner) => inner.names_functions(),
            Shape::AxiosResponse(_) | Shape::FetchResponse(_) => true,
            _ => false,
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
