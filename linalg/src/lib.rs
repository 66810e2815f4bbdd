//! # xp-linalg: `scipy.linalg` on every xp backend
//!
//! SciPy's dense linear algebra written once against the [`xp_core`] array namespace. Every
//! function is generic over the element type `T: `[`LinalgScalar`] (`f32`, `f64`, `c32`, `c64`;
//! single precision stays single precision) and the backend `B: `[`LinalgBackend`], takes and
//! returns [`xp_core::Array`]s on that backend, and returns [`Result<_, LinalgError>`](LinalgError).
//!
//! ```
//! use xp_core::Array;
//! use xp_linalg::{solve, SolveOptions};
//! let a = Array::<f64>::from_vec(vec![3.0, 1.0, 1.0, 2.0], &[2, 2])?;
//! let b = Array::<f64>::from_slice(&[9.0, 8.0])?;
//! let x = solve(&a, &b, &SolveOptions::default())?;
//! assert!(x.to_vec()?.iter().zip([2.0, 3.0]).all(|(x, e)| (x - e).abs() < 1e-12));
//! # Ok::<(), xp_linalg::LinalgError>(())
//! ```
//!
//! ## Which solver when
//! - One system `A x = b`: [`solve`]. Tell it the structure with [`AssumeA`]: positive definite
//!   (Cholesky, about twice as fast as LU), triangular (substitution only), diagonal, symmetric /
//!   Hermitian (only the chosen triangle is read). Default: general LU with partial pivoting.
//! - Many right-hand sides arriving over time: factor once with [`lu_factor`] (or
//!   [`cho_factor`] for positive definite matrices), then [`lu_solve`] / [`cho_solve`].
//! - Triangular systems: [`solve_triangular`]. Over- or under-determined systems: [`lstsq`]
//!   (minimum-norm least squares through the SVD). Avoid forming [`inv`] to solve systems.
//! - Decompositions: [`lu`], [`cholesky`], [`qr`] (with column pivoting for rank-revealing),
//!   [`svd`] / [`svdvals`], [`eigh`] / [`eigvalsh`] (symmetric / Hermitian: real ascending
//!   eigenvalues, faster and more accurate than [`eig`]), [`eig`] / [`eigvals`] (general:
//!   complex output), [`schur`], [`hessenberg`].
//! - Determinants: [`det`]; for large matrices [`slogdet`] avoids overflow.
//! - Rank and pseudo-inverses: [`matrix_rank`], [`pinv`], [`pinvh`].
//!
//! ## Batching
//! Functions accept stacks of matrices `(..., M, N)` (SciPy >= 1.15 semantics): every matrix is
//! processed independently, and the batch dimensions of several inputs broadcast. A right-hand
//! side `b` of a solver is a vector only when it is 1-D `(N,)`; otherwise it is `(..., N, K)`.
//! On [`xp_core::Cpu`] a batch of small matrices runs one matrix per thread; a large matrix runs
//! multi-threaded inside faer; mid-size eigenproblems run single-threaded (faster on few cores).
//!
//! ## Backends and the dispatch trace
//! The factorizations are the kernels of [`LinalgBackend`]: on [`xp_core::Cpu`] they run faer on
//! zero-copy views of the array storage and record `Path::Native("faer")` in
//! [`xp_core::trace`]; on other backends ([`xp_core::Strict`]) they run on the host under the
//! opt-in policy (`Policy::new().allow_host_transfer(true).run(|| ...)`) and record `Path::Host`,
//! or fail with [`xp_core::Error::HostTransferNotAllowed`]. Everything else (solvers built from
//! factors, inverses, determinants, least squares, ranks) is generic namespace code.
//!
//! ## Errors
//! Nothing panics on bad input. SciPy's `LinAlgError`s are [`LinalgError::Singular`] (with the
//! 0-based zero pivot), [`LinalgError::NotPositiveDefinite`] (with the failing pivot) and
//! [`LinalgError::NoConvergence`]; its `ValueError`s are [`LinalgError::NotSquare`],
//! [`LinalgError::ShapeMismatch`], [`LinalgError::NonFinite`] (NaN or infinity with
//! `check_finite`, the default) and [`LinalgError::InvalidArgument`]. Namespace errors arrive
//! as [`LinalgError::Core`].
//!
//! ## For SciPy users
//!
//! | SciPy | xp |
//! |---|---|
//! | `solve(a, b, assume_a="pos", lower=True)` | [`solve`]`(&a, &b, &SolveOptions::default().assume_a(AssumeA::PositiveDefinite).lower(true))?` |
//! | `lu_factor(a)`, `lu_solve((lu, piv), b, trans=1)` | [`lu_factor`]`(&a, &Default::default())?`, [`lu_solve`]`(&f, &b, &LuSolveOptions::default().trans(Trans::T))?` |
//! | `P, L, U = lu(a)`; `lu(a, p_indices=True)`; `lu(a, permute_l=True)` | [`lu`]`(&a, &LuOptions::default())?` -> [`Lu`] `{ p, p_indices, l, u }` |
//! | `solve_triangular(a, b, lower=True)` | [`solve_triangular`]`(&a, &b, &SolveTriangularOptions::default().lower(true))?` |
//! | `inv(a)`, `det(a)`, `np.linalg.slogdet(a)` | [`inv`], [`det`], [`slogdet`] |
//! | `cholesky(a, lower=True)`, `cho_factor`, `cho_solve` | [`cholesky`], [`cho_factor`], [`cho_solve`] with [`CholeskyOptions`] |
//! | `qr(a, mode="economic", pivoting=True)` | [`qr`]`(&a, &QrOptions::default().mode(QrMode::Economic).pivoting(true))?` |
//! | `svd(a, full_matrices=False)`, `svdvals(a)` | [`svd`]`(&a, &SvdOptions::default().full_matrices(false))?`, [`svdvals`] |
//! | `eigh(a, b, subset_by_index=[0, 2])`, `eigvalsh` | [`eigh`]`(&a, Some(&b), &EighOptions::default().subset_by_index(Some((0, 2))))?`, [`eigvalsh`] |
//! | `eig(a, left=True)`, `eigvals(a, b)` | [`eig`]`(&a, None, &EigOptions::default().left(true))?`, [`eigvals`] |
//! | `schur(a)`, `hessenberg(a, calc_q=True)` | [`schur`], [`hessenberg`] |
//! | `lstsq(a, b, cond)`, `pinv(a, atol, rtol)`, `pinvh(a)`, `matrix_rank(a)` | [`lstsq`], [`pinv`], [`pinvh`], [`matrix_rank`] |
//! | `except LinAlgError` | `Err(LinalgError::Singular { .. } \| LinalgError::NotPositiveDefinite { .. } \| LinalgError::NoConvergence { .. })` |
//!
//! Keyword arguments are options structs with SciPy's defaults and builder setters;
//! `overwrite_*` and `lwork` are accepted and have no effect (xp arrays are immutable).

// Factor tuples `(Array, Option<Array>)` mirror SciPy's return values.
#![allow(clippy::type_complexity, clippy::assign_op_pattern)]

pub mod backend;
pub mod error;
#[doc(hidden)]
pub mod kernels;
pub mod native;
pub mod scalar;

mod args;
mod exec;

pub mod basic;
pub mod decomp;
pub mod solve;

pub mod equations;
pub mod matfun;
pub mod special;

pub use backend::{EigFactors, LinalgBackend, LuFactors, QrFactors, QrShape, SchurFactors, SvdFactors, Trans};
pub use error::{LinalgError, Result};
pub use scalar::LinalgScalar;

pub use basic::det::{DetOptions, det, slogdet};
pub use decomp::cholesky::{ChoFactor, ChoSolveOptions, CholeskyOptions, cho_factor, cho_solve, cholesky};
pub use decomp::eig::{Eig, EigOptions, eig, eigvals};
pub use decomp::eigh::{Eigh, EighOptions, eigh, eigvalsh};
pub use decomp::lu::{Lu, LuFactor, LuFactorOptions, LuOptions, LuSolveOptions, lu, lu_factor, lu_solve};
pub use decomp::qr::{Qr, QrMode, QrOptions, qr};
pub use decomp::schur::{HessenbergOptions, Schur, SchurOptions, SchurOutput, hessenberg, schur};
pub use decomp::svd::{Svd, SvdOptions, svd, svdvals};
pub use solve::inv::{InvOptions, inv};
pub use solve::lstsq::{Lstsq, LstsqOptions, PinvOptions, lstsq, matrix_rank, pinv, pinvh};
pub use solve::solve::{AssumeA, SolveOptions, solve};
pub use solve::triangular::{SolveTriangularOptions, solve_triangular};

pub use equations::{
    DiscreteLyapunovMethod, solve_continuous_are, solve_continuous_lyapunov, solve_discrete_are,
    solve_discrete_lyapunov, solve_sylvester,
};
pub use matfun::{
    ExpmFrechetMethod, coshm, cosm, expm, expm_cond, expm_frechet, fractional_matrix_power, funm, logm, signm, sinhm,
    sinm, sqrtm, tanhm, tanm,
};
pub use special::{
    ConvolutionMode, DftScale, PascalKind, PascalOptions, block_diag, circulant, companion, convolution_matrix, dft,
    fiedler, fiedler_companion, hadamard, hankel, helmert, hilbert, invhilbert, invpascal, khatri_rao, kron, leslie,
    pascal, toeplitz,
};
