//! The response-shape check: reads of an invoke's raw axios response where its JSON
//! (`res.data`) was meant, `.data` on a fetch's native `Response`, and invoke error
//! bodies read off the error instead of `err.response.data`.

mod errors;
mod flow;
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

use crate::analysis::diagnostics::Diagnostic;

pub use report::{
    FETCH_RESULT_DATA, FETCH_RESULT_FIELD, INVOKE_ERROR_BODY, INVOKE_RESULT_DESTRUCTURE,
    INVOKE_RESULT_FIELD, INVOKE_RESULT_HEDGE,
};

/// Every response-shape mistake in one parsed file, in document order. Byte ranges.
pub fn response_shape_diagnostics(tree: &Tree, src: &str, path: &Path) -> Vec<Diagnostic> {
    // Most files call no function: skip them without walking the tree.
    if memchr::memmem::find(src.as_bytes(), b"functions").is_none() {
        return Vec::new();
    }
    let Some(index) = index::Index::build(tree, src) else {
        return Vec::new();
    };
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
    let mut out = engine.out;
    errors::check(&index, &mut out);
    out.finish()
}
