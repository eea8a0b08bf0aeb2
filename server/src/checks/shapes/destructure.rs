//! Destructuring a response: `const { success } = await invoke(…)` reads fields the axios
//! response lacks, `const { data } = await fetch(…)` reads no JSON.

use tree_sitter::Node;

use super::Checker;
use super::report::{FETCH_RESULT_DATA, FETCH_RESULT_FIELD, FixSpec, INVOKE_RESULT_DESTRUCTURE};
use crate::modules::flow::patterns::{Property, properties};
use crate::modules::flow::shape::{AXIOS_RESPONSE_FIELDS, FETCH_RESPONSE_FIELDS, Shape};
use crate::syntax::fields::FieldExt;

impl<'t> Checker<'t, '_, '_, '_> {
    pub(super) fn destructure(&mut self, pattern: Node<'t>, shape: Shape) {
        let properties = properties(pattern, self.index);
        match shape {
            Shape::AxiosResponse(origin) => {
                let stray: Vec<&Property> = properties
                    .iter()
                    .filter(|p| p.key().is_some_and(|k| !AXIOS_RESPONSE_FIELDS.contains(&k)))
                    .collect();
                if stray.is_empty() {
                    return;
                }
                let names =
                    stray.iter().filter_map(|p| p.key()).map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                let verb = if stray.len() == 1 { "is" } else { "are" };
                let message = format!(
                    "{names} {verb} not on the axios response of {}; the function's JSON is on `data`",
                    self.describe(&origin)
                );
                let fix = self.destructure_fix(pattern, &properties);
                self.report(&origin, pattern.byte_range(), INVOKE_RESULT_DESTRUCTURE, message, fix);
            }
            Shape::FetchResponse(origin) => {
                let keys: Vec<&str> = properties.iter().filter_map(|p| p.key()).collect();
                let stray: Vec<&str> = keys.iter().copied().filter(|k| !FETCH_RESPONSE_FIELDS.contains(k)).collect();
                if stray.is_empty() {
                    return;
                }
                let (code, message) = if keys.contains(&"data") {
                    (
                        FETCH_RESULT_DATA,
                        format!(
                            "`data` is undefined: {} resolves to a native Response; read its JSON with `.json()`",
                            self.describe(&origin)
                        ),
                    )
                } else {
                    let names = stray.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                    let verb = if stray.len() == 1 { "is not a field" } else { "are not fields" };
                    (
                        FETCH_RESULT_FIELD,
                        format!(
                            "{names} {verb} of the native Response of {}; read its JSON with `.json()`",
                            self.describe(&origin)
                        ),
                    )
                };
                let fix = self.fetch_destructure_fix(pattern, &properties, stray.len() == keys.len());
                self.report(&origin, pattern.byte_range(), code, message, fix);
            }
            _ => {}
        }
    }

    /// `const { rows } = await fetch(…)` → `… = await (await fetch(…)).json()`, and
    /// `const { data } = await fetch(…)` → `const data = await (await fetch(…)).json()`.
    /// Only for a declaration that awaits the call itself, taking nothing else.
    fn fetch_destructure_fix(
        &self,
        pattern: Node<'t>,
        properties: &[Property<'t>],
        all_stray: bool,
    ) -> Option<FixSpec> {
        let declarator = self.index.parent(pattern).filter(|p| p.kind() == "variable_declarator")?;
        let awaited = declarator.field("value").filter(|v| v.kind() == "await_expression")?;
        let call = awaited.named_child(0).filter(|c| c.kind() == "call_expression")?;
        let parsed = (awaited.byte_range(), format!("await (await {}).json()", self.text(call)));
        let title = "Read the JSON with `.json()`".to_string();
        match properties {
            [only] if only.key() == Some("data") => {
                let target = only
                    .target
                    .filter(|t| matches!(t.kind(), "identifier" | "shorthand_property_identifier_pattern"))?;
                Some((title, vec![(pattern.byte_range(), self.text(target).to_string()), parsed]))
            }
            _ if all_stray && properties.iter().all(|p| p.key() != Some("data")) => Some((title, vec![parsed])),
            _ => None,
        }
    }

    /// `{ success, order }` → `{ data: { success, order } }`; with axios fields mixed
    /// in, those stay outside. No fix when the pattern already takes `data`.
    fn destructure_fix(&self, pattern: Node<'t>, properties: &[Property<'t>]) -> Option<FixSpec> {
        if properties.iter().any(|p| p.key() == Some("data")) {
            return None;
        }
        let mut cursor = pattern.walk();
        if pattern.named_children(&mut cursor).any(|child| child.kind() == "rest_pattern") {
            return None;
        }
        let (kept, moved): (Vec<&Property>, Vec<&Property>) =
            properties.iter().partition(|p| p.key().is_some_and(|k| AXIOS_RESPONSE_FIELDS.contains(&k)));
        let new_text = if kept.is_empty() {
            format!("{{ data: {} }}", self.text(pattern))
        } else {
            let join = |list: &[&Property]| list.iter().map(|p| self.text(p.node)).collect::<Vec<_>>().join(", ");
            format!("{{ {}, data: {{ {} }} }}", join(&kept), join(&moved))
        };
        Some(("Destructure the function's JSON from `data`".to_string(), vec![(pattern.byte_range(), new_text)]))
    }
}
