//! What an editor asks for beyond diagnostics: completion, navigation (definition,
//! references, rename, hover), code lenses, symbols (`symbols`, ranked by `fuzzy`) and
//! document links.

pub mod completion;
pub mod describe;
pub mod fuzzy;
pub mod lenses;
pub mod links;
pub mod navigation;
pub mod problems;
pub mod response_keys;
pub mod shortlist;
pub mod signature;
pub mod symbols;
