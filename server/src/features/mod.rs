//! What an editor asks for beyond diagnostics: completion, navigation (definition,
//! references, rename, hover) and code lenses.

pub mod completion;
pub mod lenses;
pub mod navigation;
pub mod shortlist;
