//! React state: `const [health, setHealth] = useState(null)`, then `setHealth(res)` or
//! `invoke(…).then(setHealth)`. When every value the setter is given is the same tracked
//! value (or nothing), the state variable holds it, and its reads are checked like the
//! response's (`health.score`). One `setHealth(res.data)`, a functional update or the
//! setter handed elsewhere makes the state unknown.

use tree_sitter::Node;

use super::engine::{Engine, Task, array_pattern_elements, is_nothing, merge_origin};
use super::ids::IdSet;
use super::index::Question;
use super::invokes::nth_argument;
use super::scope::{binding_scope, references_in};
use super::shape::Shape;
use crate::syntax::fields::FieldExt;

const STATE_HOOKS: &[&str] = &["useState", "React.useState"];

pub struct Setter<'t> {
    /// The setter's name where it is declared.
    declared: Node<'t>,
    /// The state variable's name where it is declared.
    state: Node<'t>,
    shape: Shape,
    /// The arguments (or `.then(setX)` callbacks) known to give the tracked value.
    reached: IdSet,
    /// Values of different kinds were given.
    mixed: bool,
    released: bool,
}

impl<'t, 's> Engine<'t, 's, '_> {
    /// A tracked value given to `callee` at `argument` (a call's first argument, or the
    /// callee itself when passed to `.then`): when `callee` is a state setter, noted.
    /// Whether it was one.
    pub(super) fn state_write(&mut self, callee: Node<'t>, argument: Node<'t>, shape: &Shape) -> bool {
        let Some((declared, state)) = self.setter_declaration(callee) else {
            return false;
        };
        let setter = self.setters.entry(declared.id()).or_insert_with(|| Setter {
            declared,
            state,
            shape: shape.clone(),
            reached: IdSet::default(),
            mixed: false,
            released: false,
        });
        if std::mem::discriminant(&setter.shape) != std::mem::discriminant(shape) {
            setter.mixed = true;
        } else {
            setter.shape = merge_origin(setter.shape.clone(), shape);
        }
        setter.reached.insert(argument.id());
        true
    }

    /// The declarations of a setter and its state when `callee` names a `useState` setter.
    fn setter_declaration(&self, callee: Node<'t>) -> Option<(Node<'t>, Node<'t>)> {
        let name = self.text(callee);
        let scope = binding_scope(callee, name, self.index)?;
        let declared = self.index.remember((scope.id(), name, Question::ArrayPatternDeclaration), || {
            references_in(scope, name, self.index)
                .into_iter()
                .find(|r| self.index.parent(*r).is_some_and(|p| p.kind() == "array_pattern"))
        })?;
        let pattern = self.index.parent(declared)?;
        let declarator = self.index.parent(pattern).filter(|d| d.kind() == "variable_declarator")?;
        declarator.field("name").filter(|n| n.id() == pattern.id())?;
        let hook = declarator.field("value").filter(|v| v.kind() == "call_expression")?;
        if !STATE_HOOKS.contains(&self.text(hook.field("function")?)) {
            return None;
        }
        let mut elements = array_pattern_elements(pattern);
        let state = elements.next().flatten().filter(|s| s.kind() == "identifier")?;
        let setter = elements.next().flatten()?;
        (setter.id() == declared.id()).then_some((declared, state))
    }

    /// Follows the state of every setter whose every use gives the tracked value.
    pub(super) fn release_setters(&mut self) -> bool {
        let pending: Vec<usize> =
            self.setters.iter().filter(|(_, s)| !s.released && !s.mixed).map(|(id, _)| *id).collect();
        let mut pushed = false;
        for id in pending {
            let Some(setter) = self.setters.get_mut(&id) else { continue };
            setter.released = true;
            let (declared, state, shape, reached) =
                (setter.declared, setter.state, setter.shape.clone(), setter.reached.clone());
            if !self.only_tracked_writes(declared, &reached) {
                continue;
            }
            let name = self.text(state);
            let Some(scope) = binding_scope(state, name, self.index) else { continue };
            for reference in references_in(scope, name, self.index) {
                if reference.id() != state.id() {
                    pushed = true;
                    self.push(Task::Value(reference, shape.clone()));
                }
            }
        }
        pushed
    }

    /// Whether every use of the setter declared at `declared` gives a reached value or
    /// nothing: `setX(reached)`, `setX(null)`, `.then(setX)` reached.
    fn only_tracked_writes(&self, declared: Node<'t>, reached: &IdSet) -> bool {
        let name = self.text(declared);
        let Some(scope) = binding_scope(declared, name, self.index) else { return false };
        references_in(scope, name, self.index).into_iter().filter(|r| r.id() != declared.id()).all(|reference| {
            if reached.contains(&reference.id()) {
                return true;
            }
            let Some(call) = self.index.parent(reference).filter(|p| p.kind() == "call_expression") else {
                return false;
            };
            if call.field("function").is_none_or(|f| f.id() != reference.id()) {
                return false;
            }
            nth_argument(call, 0).is_none_or(|value| reached.contains(&value.id()) || is_nothing(value, self.index))
        })
    }
}
