//! # xp-core: the array namespace
//!
//! The Python array API standard's ideas in Rust: a [`Backend`] trait family, the array type
//! [`Array<T, B>`], element types, errors, a dispatch [`trace`] and a scoped [`policy`], and the
//! backends [`Cpu`] (ndarray + faer + rayon), [`Strict`] (the reference backend that proves code
//! is backend-agnostic) and [`Cuda`] (feature `cuda`).
//!
//! ## What to use when
//! - Hold data in [`Array<T, B>`]; `B` defaults to [`Cpu`]. Write library code generic over
//!   `B: Backend` and it runs unchanged on every backend: **array type in == array type out**.
//! - Element-wise math, reductions, manipulation, indexing, sorting, sets and `matmul` are methods
//!   of [`Array`] (`a.exp()`, `a.sum(0, false)`, `a.take(&idx, Some(0))`) and free functions for the
//!   ones with several inputs ([`concat`](array::manipulation::concat), [`where_`](array::searching::where_)).
//! - Errors are values: every function returns [`Result`]; nothing panics on bad input.
//! - Run your own element-wise kernel on any backend with [`Array::map1`] and a
//!   [`kernels::Map1`] type; run a sequential algorithm on host data with [`array::host`].
//!
//! ## Conventions
//! - Arrays are immutable and cheap to clone; functional updates use [`Array::at`].
//! - Axes are `isize` (negative counts from the end); reductions take [`Axes`] (`ALL`, `0`, `[0, 1]`).
//! - Single precision stays single precision; integer arithmetic wraps like NumPy.
//! - Parallelism: the [`Cpu`] backend runs in the current rayon thread pool; wrap a call in
//!   `rayon::ThreadPoolBuilder::new().num_threads(1).build()?.install(|| ...)` to control it.
//!
//! ## Feature flags
//! - `testing`: the testing kit (module `testing`): `assert_close`, `assert_equal`, and the
//!   `test_backends!` macro that instantiates one generic test per backend.
//! - `cuda`: the CUDA backend (not yet built: [`Cuda`] is an uninhabited type without it).

pub mod array;
pub mod backend;
pub mod backends;
pub mod element;
pub mod error;
pub mod kernels;
pub mod policy;
pub mod random;
pub mod shape;
pub mod trace;

#[doc = include_str!("doc_checklist.md")]
pub mod checklist {}

#[cfg(feature = "testing")]
pub mod testing;

pub use array::Array;
pub use backend::{Backend, BackendTypes};
pub use backends::cpu::{Cpu, CpuDevice};
pub use backends::cuda::Cuda;
pub use backends::strict::{Strict, StrictDevice};
pub use element::{ComplexFloat, DType, Element, Float, Integer, Numeric, RealFloat, RealNumeric, c32, c64};
pub use error::{Error, Result};
pub use shape::{ALL, Axes};
pub use trace::Path;

pub use ndarray;
pub use num_complex;
