//! Solvers, one file per family.

pub mod inv;
pub mod lstsq;
#[allow(clippy::module_inception)]
pub mod solve;
pub mod triangular;
