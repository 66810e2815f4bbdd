//! Solvers, one file per family.

pub mod banded;
pub mod inv;
pub mod lstsq;
mod lstsq_gelsy;
#[allow(clippy::module_inception)]
pub mod solve;
pub mod toeplitz;
pub mod triangular;
