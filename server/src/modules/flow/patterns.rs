//! Destructuring a tracked value: `const { success } = await invoke(…)` reads the axios
//! response's fields (an observation for the checks), `const { data } = …` takes the
//! function's JSON, `const { data } = useQuery(…)` pulls the tracked value out, and
//! `const { invoke, checkout } = base44.functions` takes the method and a function object.

use tree_sitter::Node;

use super::Observation;
use super::engine::{Engine, Task};
use super::index::Index;
use super::shape::{AXIOS_RESPONSE_FIELDS, Shape};
use crate::modules::calls::{CallKind, SiteForm};
use crate::syntax::fields::FieldExt;

/// One property of an object pattern.
pub struct Property<'t> {
    pub node: Node<'t>,
    /// The key it reads, when static, and where that key is written.
    pub key: Option<(String, Node<'t>)>,
    /// Where the value goes: the shorthand name itself, or the pair's value pattern.
    pub target: Option<Node<'t>>,
}

impl Property<'_> {
    pub fn key(&self) -> Option<&str> {
        self.key.as_ref().map(|(key, _)| key.as_str())
    }
}

impl<'t> Engine<'t, '_, '_> {
    pub(super) fn destructure(&mut self, pattern: Node<'t>, shape: Shape) {
        let properties = properties(pattern, self.index);
        match shape {
            Shape::AxiosResponse(origin) => {
                let takes_raw_fields =
                    properties.iter().any(|p| p.key().is_some_and(|k| AXIOS_RESPONSE_FIELDS.contains(&k)));
                if let Some(via) = origin.via.as_ref().filter(|_| takes_raw_fields) {
                    self.raw_uses.insert((via.path.clone(), via.helper.clone()));
                }
                if origin.name.is_some() {
                    self.take_property(&properties, "data", Shape::Json(origin.clone()));
                }
                let response = Shape::AxiosResponse(origin);
                self.observations.push(Observation::Destructure { pattern, response });
            }
            Shape::Json(origin) => {
                if let Some(name) = &origin.name {
                    self.json_spots.push((pattern.byte_range(), name.clone()));
                }
                self.observations.push(Observation::JsonDestructure { pattern, origin });
            }
            Shape::FetchResponse(_) => {
                self.observations.push(Observation::Destructure { pattern, response: shape });
            }
            Shape::Query(inner) => self.take_property(&properties, "data", *inner),
            Shape::Mutation(inner) => {
                for key in ["mutate", "mutateAsync"] {
                    if let Some(mutate) = super::react_query::mutate_fn(key, &inner) {
                        self.take_property(&properties, key, mutate);
                    }
                }
                self.take_property(&properties, "data", *inner);
            }
            Shape::Settled(inner) => self.take_property(&properties, "value", *inner),
            Shape::FunctionsModule { sure } => self.functions_destructured(pattern, &properties, sure),
            Shape::Object(members) => {
                for (key, member) in members.iter() {
                    self.take_property(&properties, key, member.clone());
                }
            }
            _ => {}
        }
    }

    /// `const { invoke, checkout, "billing/refund": refund } = base44.functions`.
    fn functions_destructured(&mut self, pattern: Node<'t>, properties: &[Property<'t>], sure: bool) {
        for property in properties {
            let (Some((key, key_node)), Some(target)) = (&property.key, property.target) else { continue };
            let shape = match key.as_str() {
                "invoke" => Shape::Method(CallKind::Invoke),
                "fetch" => Shape::Method(CallKind::Fetch),
                _ if !sure => continue,
                name => {
                    let shorthand = property.node.kind() == "shorthand_property_identifier_pattern";
                    let (content, form) = match crate::syntax::string_literal(*key_node, self.index.src) {
                        Some(literal) => (literal.content, SiteForm::Literal),
                        None => (key_node.byte_range(), SiteForm::PatternKey { shorthand }),
                    };
                    let site = crate::modules::calls::CallSite {
                        kind: CallKind::Invoke,
                        value: name.to_string(),
                        content,
                        call: pattern.byte_range(),
                        data: None,
                        form,
                        member_call: false,
                    };
                    self.site(site);
                    Shape::FunctionObject(name.to_string())
                }
            };
            self.push(Task::Pattern(target, shape, None));
        }
    }

    fn take_property(&mut self, properties: &[Property<'t>], key: &str, shape: Shape) {
        for property in properties {
            if property.key() == Some(key)
                && let Some(target) = property.target
            {
                self.push(Task::Pattern(target, shape.clone(), None));
            }
        }
    }
}

/// The properties of an object pattern, in order.
pub fn properties<'t>(pattern: Node<'t>, index: &Index<'t, '_>) -> Vec<Property<'t>> {
    let mut cursor = pattern.walk();
    pattern
        .named_children(&mut cursor)
        .filter_map(|node| {
            let (key, target) = match node.kind() {
                "shorthand_property_identifier_pattern" => (Some((index.text(node).to_string(), node)), Some(node)),
                "object_assignment_pattern" => {
                    let left = node.field("left")?;
                    (Some((index.text(left).to_string(), left)), Some(left))
                }
                "pair_pattern" => {
                    let key = node.field("key")?;
                    let text = match key.kind() {
                        "property_identifier" => Some(index.text(key).to_string()),
                        "string" => crate::syntax::string_literal(key, index.src).map(|s| s.value),
                        _ => None,
                    };
                    (text.map(|text| (text, key)), node.field("value"))
                }
                _ => return None,
            };
            Some(Property { node, key, target })
        })
        .collect()
}
