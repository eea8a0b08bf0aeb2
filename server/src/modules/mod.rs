//! Between files: the call sites of each file and the workspace index that keeps them.

pub mod calls;
pub mod index;
