//! Basic matrix functions: determinants, norms, traces and the array API helpers.
pub mod det;
