//! scipy.linalg on every backend: one test binary for the whole suite, so the generic code under test is
//! instantiated and compiled once rather than once per file (each integration-test file is its
//! own crate). Each module is one family; every check runs on Cpu and Strict (`test_backends!`).

#[path = "../common/mod.rs"]
mod common;

mod banded;
mod banded_eig;
mod basic;
mod decomp;
mod equations_solvers;
mod ldl;
mod lstsq;
mod lu_solve;
mod matfun_exp;
mod matfun_roots;
mod norms;
mod products;
mod qz;
mod rq;
mod schur;
mod special_named;
mod special_structured;
mod structure;
mod subspace;
mod toeplitz;
