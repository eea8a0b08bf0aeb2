//! Between files: each file's imports and exports, specifiers resolved to files, the flow
//! of values within a file (call sites, observations, the file's summary), and the
//! workspace index that keeps every file's summary and call sites.

pub mod calls;
pub mod excerpt;
pub mod flow;
pub mod graph;
pub mod imports;
pub mod index;
pub mod parts;
pub mod reading;
pub mod resolve;
