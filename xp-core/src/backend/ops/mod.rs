//! One file per op family.
pub mod creation;
pub mod elementwise;
pub mod indexing;
pub mod linalg;
pub mod manipulation;
pub mod reduction;
pub mod sorting;
pub mod transfer;
