//! The checks: function names at call sites (`names`), response shapes (`shapes`), and every
//! file of a workspace at once for `base44-lsp check` (`batch`).

pub mod batch;
pub mod names;
pub mod shapes;
