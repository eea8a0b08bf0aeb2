//! The response-shape check: reads of an invoke's raw axios response where its JSON
//! (`res.data`) was meant, `.data` on a fetch's native `Response`, and invoke error
//! bodies read off the error instead of `err.response.data`. The flow (`modules::flow`)
//! says where responses are used; this turns those observations into diagnostics.

mod destructure;
mod errors;
mod fields;
mod report;

#[cfg(test)]
mod tests;

use std::path::Path;

use tree_sitter::Tree;

use crate::modules::flow::env::Env;
use crate::modules::flow::index::Index;
use crate::modules::flow::shape::Shape;
use crate::modules::flow::{Observation, analyse};
use crate::modules::imports::ModuleSyntax;
use crate::syntax::diagnostics::Diagnostic;

pub use report::{
    FETCH_RESULT_DATA, FETCH_RESULT_FIELD, INVOKE_ERROR_BODY, INVOKE_RESULT_DESTRUCTURE, INVOKE_RESULT_FIELD,
    INVOKE_RESULT_HEDGE,
};

/// Every response-shape mistake in one parsed file on its own (its imports unknown), in
/// document order. Byte ranges.
pub fn response_shape_diagnostics(tree: &Tree, src: &str, path: &Path) -> Vec<Diagnostic> {
    let index = Index::build(tree, src);
    let module = ModuleSyntax::read(tree, src);
    let flow = analyse(&index, &module, &Env::default(), path);
    shape_diagnostics(&index, &flow.observations, path)
}

/// The diagnostics of the flow's observations of one file.
pub fn shape_diagnostics<'t>(index: &Index<'t, '_>, observations: &[Observation<'t>], path: &Path) -> Vec<Diagnostic> {
    let mut checker = Checker { index, out: report::Reporter::new(path) };
    for observation in observations {
        match observation {
            Observation::Read { member, object, property, response } => match response {
                Shape::AxiosResponse(origin) => checker.axios_field(*member, *object, *property, origin),
                Shape::FetchResponse(origin) => checker.fetch_field(*member, *object, *property, origin),
                _ => {}
            },
            Observation::Destructure { pattern, response } => checker.destructure(*pattern, response.clone()),
            Observation::WholeHedge { binary, operand, origin } => checker.whole_value_hedge(*binary, *operand, origin),
            Observation::InvokeError { param, origins } => errors::check_error_binding(&mut checker, *param, origins),
        }
    }
    checker.out.finish()
}

/// Turns observations into diagnostics, with the node index to look around them.
pub(super) struct Checker<'t, 's, 'i, 'p> {
    pub index: &'i Index<'t, 's>,
    pub out: report::Reporter<'p>,
}

impl<'s> Checker<'_, 's, '_, '_> {
    pub fn text(&self, node: tree_sitter::Node) -> &'s str {
        self.index.text(node)
    }
}
