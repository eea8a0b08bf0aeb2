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

use std::ops::Range;
use std::path::Path;

use tree_sitter::Tree;

use crate::modules::flow::env::Env;
use crate::modules::flow::index::Index;
use crate::modules::flow::shape::{Origin, Shape};
use crate::modules::flow::{Observation, analyse};
use crate::modules::imports::ModuleSyntax;
use crate::project::index::ProjectIndex;
use crate::syntax::diagnostics::{Diagnostic, Fix, Related, TextEdit};

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
    shape_diagnostics(&index, &flow.observations, path, None)
}

/// The diagnostics of the flow's observations of one file. Paths of other files are shown
/// relative to `root` (the project's).
pub fn shape_diagnostics<'t>(
    index: &Index<'t, '_>,
    observations: &[Observation<'t>],
    path: &Path,
    functions: Option<&ProjectIndex>,
) -> Vec<Diagnostic> {
    let root = functions.map(|p| p.project.root.as_path());
    // Whether a function's JSON responses all have, and some has, the key.
    let returns_key = |name: &str, key: &str| {
        functions
            .and_then(|p| p.function(name))
            .and_then(|f| f.contract.as_ref())
            .is_some_and(|contract| contract.returns_key(key))
    };
    let mut checker = Checker { index, out: report::Reporter::new(path), root, returns_key: &returns_key };
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
            // Keys of a function's JSON are the contract's business (`checks::contracts`).
            Observation::JsonRead { .. } | Observation::JsonDestructure { .. } => {}
        }
    }
    checker.out.finish()
}

/// Where the fix of a read through another file's helper belongs: at the helper (return the
/// function's JSON, once for every caller) when no file reads the helper's response as the
/// raw response it is (`res.data`), else at the read. `uses_raw(helper file, export)` says.
pub fn settle_fixes(diagnostics: &mut [Diagnostic], uses_raw: impl Fn(&Path, &str) -> bool) {
    for diagnostic in diagnostics.iter_mut() {
        let Some((helper, name)) = &diagnostic.through else { continue };
        let at_helper = !uses_raw(helper, name);
        let own = diagnostic.path.clone();
        let elsewhere = |fix: &Fix| fix.edits.iter().any(|e| e.path != own);
        if diagnostic.fixes.iter().any(elsewhere) {
            diagnostic.fixes.retain(|fix| elsewhere(fix) == at_helper);
        }
    }
}

/// Turns observations into diagnostics, with the node index to look around them.
pub(super) struct Checker<'t, 's, 'i, 'p> {
    pub index: &'i Index<'t, 's>,
    pub out: report::Reporter<'p>,
    root: Option<&'p Path>,
    /// Whether the function named returns the key in its JSON.
    returns_key: &'p dyn Fn(&str, &str) -> bool,
}

impl<'s> Checker<'_, 's, '_, '_> {
    pub fn text(&self, node: tree_sitter::Node) -> &'s str {
        self.index.text(node)
    }

    /// The call a response comes from, and the helper in another file it came through.
    pub fn describe(&self, origin: &Origin) -> String {
        let call = origin.describe();
        match &origin.via {
            Some(via) if via.helper == "default" => {
                format!("{call} (returned by the default export of {})", self.shown(&via.path))
            }
            Some(via) => format!("{call} (returned by `{}` in {})", via.helper, self.shown(&via.path)),
            None => call,
        }
    }

    fn shown(&self, path: &Path) -> String {
        let relative = self.root.and_then(|root| path.strip_prefix(root).ok()).unwrap_or(path);
        crate::project::functions::slash_path(relative)
    }

    /// Reports a read of a response. One that came through a helper in another file points
    /// there, and its fix is the helper's: return the function's JSON, once, for every caller.
    pub fn report(
        &mut self,
        origin: &Origin,
        range: Range<usize>,
        code: &'static str,
        message: String,
        fix: Option<report::FixSpec>,
    ) {
        let Some(via) = &origin.via else {
            self.out.report(range, code, message, fix);
            return;
        };
        let related = Related {
            path: via.path.clone(),
            range: via.returned.clone(),
            message: format!("the raw response of {} is returned here", origin.describe()),
        };
        let mut diagnostic = self.out.diagnostic(range, code, message).with_related(related);
        diagnostic.through = Some((via.path.clone(), via.helper.clone()));
        // Both fixes: which one stays depends on the helper's other callers (`settle_fixes`).
        if let Some(unwrapped) = &via.unwrap {
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Return the function's JSON from {}", self.shown(&via.path)),
                edits: vec![TextEdit {
                    path: via.path.clone(),
                    range: via.returned.clone(),
                    new_text: unwrapped.clone(),
                }],
            });
        }
        self.out.push(report::with_fix_in_its_file(diagnostic, fix));
    }
}
