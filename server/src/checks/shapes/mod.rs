//! The response-shape check: reads of an invoke's raw axios response where its JSON
//! (`res.data`) was meant, `.data` on a fetch's native `Response`, and invoke error
//! bodies read off the error instead of `err.response.data`.

mod errors;
mod flow;
mod helpers;
mod ids;
mod index;
mod members;
mod patterns;
mod react_query;
mod report;
mod scope;
mod shape;

#[cfg(test)]
mod tests;

use std::path::Path;

use tree_sitter::Tree;

use crate::syntax::diagnostics::Diagnostic;

pub use report::{
    FETCH_RESULT_DATA, FETCH_RESULT_FIELD, INVOKE_ERROR_BODY, INVOKE_RESULT_DESTRUCTURE, INVOKE_RESULT_FIELD,
    INVOKE_RESULT_HEDGE,
};

/// How deep helpers that return other helpers' results are followed.
const MAX_HELPER_ROUNDS: usize = 4;

/// Every response-shape mistake in one parsed file, in document order. Byte ranges.
pub fn response_shape_diagnostics(tree: &Tree, src: &str, path: &Path) -> Vec<Diagnostic> {
    // Most files call no function: skip them without walking the tree.
    if memchr::memmem::find(src.as_bytes(), b"functions").is_none() {
        return Vec::new();
    }
    let index = index::Index::build(tree, src);
    if index.calls.is_empty() {
        return Vec::new();
    }
    let mut engine = flow::Engine::new(&index, report::Reporter::new(path));
    for (call, _) in &index.calls {
        if let Some(shape) = flow::static_shape(*call, &index) {
            engine.push(flow::Task::Value(*call, shape));
        }
    }
    engine.run();
    // A helper's callers are followed once all its returns are known.
    for _ in 0..MAX_HELPER_ROUNDS {
        if !engine.release_helpers() {
            break;
        }
        engine.run();
    }
    let mut out = engine.out;
    errors::check(&index, &mut out);
    if index.too_deep() {
        return Vec::new();
    }
    out.finish()
}
