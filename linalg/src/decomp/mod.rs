//! Decompositions, one file per family.

pub mod cholesky;
pub mod eig;
pub mod eigh;
pub mod lu;
pub mod qr;
pub mod schur;
pub mod svd;
