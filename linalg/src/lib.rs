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
//!   complex output), [`schur`] (with reordering), [`qz`] / [`ordqz`] (generalized Schur),
//!   [`hessenberg`].
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
//! | `schur(a, sort="lhp")` -> `(T, Z, sdim)`; `schur(a, output="complex")` | [`schur`]`(&a, &SchurOptions::default().sort(Some(SchurSort::Lhp)))?` -> [`Schur`] `{ t, z, sdim }`; [`schur_complex`] |
//! | `rsf2csf(T, Z)`, `cdf2rdf(w, v)` | [`rsf2csf`]`(&t, &z, true)?`, [`cdf2rdf`]`(&w, &v)?` |
//! | `qz(A, B, output="complex")`, `ordqz(A, B, sort="ouc")` | [`qz`] / [`qz_complex`] with [`QzOptions`], [`ordqz`]`(&a, &b, &OrdqzOptions::default().sort(QzSort::Ouc))?` -> [`OrdQz`] |
//! | `eig(a, b, homogeneous_eigvals=True)` with singular `b` | [`eig`]: infinite eigenvalues are `inf`, `w_homogeneous` holds `(alpha, beta)` |
//! | `logm(a)`, `sqrtm(a)`, `fractional_matrix_power(a, t)` with a complex result for real `a` | [`logm_complex`], [`sqrtm_complex`], [`fractional_matrix_power_complex`] |
//! | `lstsq(a, b, cond, lapack_driver="gelsy")`, `pinv(a, atol, rtol)`, `pinvh(a)`, `matrix_rank(a)` | [`lstsq`] (`s` is an `Option`: `None` for gelsy, [`LstsqDriver`]), [`pinv`], [`pinvh`], [`matrix_rank`] |
//! | `solve_banded((l, u), ab, b)`, `solveh_banded(ab, b, lower=True)` | [`solve_banded`]`((l, u), &ab, &b, &Default::default())?`, [`solveh_banded`]`(&ab, &b, &SolvehBandedOptions::default().lower(true))?` |
//! | `cholesky_banded(ab)`, `cho_solve_banded((cb, lower), b)` | [`cholesky_banded`], [`cho_solve_banded`]`((&cb, lower), &b, &Default::default())?` |
//! | `solve_toeplitz((c, r), b)`, `solve_toeplitz(c, b)` | [`solve_toeplitz`]`(&c, Some(&r), &b, &Default::default())?`, `solve_toeplitz(&c, None, ..)` |
//! | `solve_circulant(c, b, singular="lstsq")` | [`solve_circulant`]`(&c, &b, &SolveCirculantOptions::default().singular(CirculantSingular::Lstsq))?` |
//! | `lu, d, perm = ldl(a, lower=False)` | [`ldl`]`(&a, &LdlOptions::default().lower(false))?` -> [`Ldl`] `{ lu, d, perm }` |
//! | `r, q = rq(a)`, `qr(a, mode="raw")`, `qr_multiply(a, c, "left")` | [`rq`] -> [`Rq`] `{ r, q }`, [`qr`] with [`QrMode::Raw`] -> `Qr { h, tau, r, .. }`, [`qr_multiply`] with [`QrMultiplyMode::Left`] |
//! | `eig_banded(ab, select="i", select_range=(0, 2))`, `eigh_tridiagonal(d, e)` | [`eig_banded`]`(&ab, &EigBandedOptions::default().select(EigSelect::Index).select_range(Some((0.0, 2.0))))?`, [`eigh_tridiagonal`], [`eigvals_banded`], [`eigvalsh_tridiagonal`] |
//! | `norm(a, ord="nuc", axis=(0, 1), keepdims=True)`; `np.linalg.vector_norm`, `matrix_norm` | [`norm`]`(&a, &NormOptions::default().ord(NormOrd::Nuc).axis([0, 1]).keepdims(true))?`; [`vector_norm`], [`matrix_norm`] |
//! | `np.linalg.trace`, `diagonal`, `outer`, `cross`, `matrix_power(a, -2)`, `matrix_transpose` | [`trace`]`(&x, 0)?`, [`diagonal`], [`outer`], [`cross`]`(&a, &b, -1)?`, [`matrix_power`]`(&a, -2)?`, [`matrix_transpose`] |
//! | `null_space(A, rcond)`, `orth(A)`, `subspace_angles(A, B)`, `R, scale = orthogonal_procrustes(A, B)` | [`null_space`], [`orth`], [`subspace_angles`], [`orthogonal_procrustes`] |
//! | `u, p = polar(a, side="left")` | [`polar`]`(&a, &PolarOptions::default().side(PolarSide::Left))?` |
//! | `bandwidth(a)`, `issymmetric(a, atol=1e-8)`, `ishermitian(a)` | [`bandwidth`], [`issymmetric`]`(&a, &SymmetryOptions::default().atol(Some(1e-8)))?`, [`ishermitian`] |
//! | `B, T = matrix_balance(A)`; `separate=True` | [`matrix_balance`]`(&a, &MatrixBalanceOptions::default())?` -> [`MatrixBalance`] `{ b, t, scale, perm }` |
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

pub use backend::{
    EigFactors, GenEigFactors, LinalgBackend, LuFactors, QrFactors, QrShape, QzFactors, SchurFactors, SvdFactors, Trans,
};
pub use error::{LinalgError, Result};
pub use scalar::LinalgScalar;

pub use basic::balance::{MatrixBalance, MatrixBalanceOptions, matrix_balance};
pub use basic::det::{DetOptions, det, slogdet};
pub use basic::norm::{MatrixNormOptions, NormOptions, NormOrd, VectorNormOptions, matrix_norm, norm, vector_norm};
pub use basic::products::{cross, diagonal, matrix_power, matrix_transpose, outer, trace};
pub use basic::structure::{SymmetryOptions, bandwidth, ishermitian, issymmetric};
pub use decomp::banded_eig::{
    EigBandedOptions, EigSelect, EighTridiagonalOptions, TridiagonalDriver, eig_banded, eigh_tridiagonal,
    eigvals_banded, eigvalsh_tridiagonal,
};
pub use decomp::cholesky::{ChoFactor, ChoSolveOptions, CholeskyOptions, cho_factor, cho_solve, cholesky};
pub use decomp::eig::{Eig, EigOptions, eig, eigvals};
pub use decomp::eigh::{Eigh, EighOptions, eigh, eigvalsh};
pub use decomp::ldl::{Ldl, LdlOptions, ldl};
pub use decomp::lu::{Lu, LuFactor, LuFactorOptions, LuOptions, LuSolveOptions, lu, lu_factor, lu_solve};
pub use decomp::polar::{PolarOptions, PolarSide, polar};
pub use decomp::qr::{Qr, QrMode, QrOptions, qr};
pub use decomp::qz::{OrdQz, OrdqzOptions, Qz, QzOptions, QzSort, ordqz, ordqz_complex, qz, qz_complex};
pub use decomp::rq::{QrMultiply, QrMultiplyMode, QrMultiplyOptions, Rq, RqMode, RqOptions, qr_multiply, rq};
pub use decomp::schur::{
    HessenbergOptions, Schur, SchurOptions, SchurOutput, SchurSort, cdf2rdf, hessenberg, rsf2csf, schur, schur_complex,
};
pub use decomp::subspace::{NullSpaceOptions, OrthOptions, null_space, orth, orthogonal_procrustes, subspace_angles};
pub use decomp::svd::{Svd, SvdOptions, svd, svdvals};
pub use solve::banded::{
    ChoSolveBandedOptions, CholeskyBandedOptions, SolveBandedOptions, SolvehBandedOptions, cho_solve_banded,
    cholesky_banded, solve_banded, solveh_banded,
};
pub use solve::inv::{InvOptions, inv};
pub use solve::lstsq::{Lstsq, LstsqDriver, LstsqOptions, PinvOptions, lstsq, matrix_rank, pinv, pinvh};
pub use solve::solve::{AssumeA, SolveOptions, solve};
pub use solve::toeplitz::{
    CirculantSingular, SolveCirculantOptions, SolveToeplitzOptions, solve_circulant, solve_toeplitz,
};
pub use solve::triangular::{SolveTriangularOptions, solve_triangular};

pub use equations::{
    DiscreteLyapunovMethod, solve_continuous_are, solve_continuous_lyapunov, solve_discrete_are,
    solve_discrete_lyapunov, solve_sylvester,
};
pub use matfun::{
    ExpmFrechetMethod, coshm, cosm, expm, expm_cond, expm_frechet, fractional_matrix_power, funm, logm, signm, sinhm,
    sinm, sqrtm, tanhm, tanm,
};
pub use matfun::{fractional_matrix_power_complex, logm_complex, sqrtm_complex};
pub use special::{
    ConvolutionMode, DftScale, PascalKind, PascalOptions, block_diag, circulant, companion, convolution_matrix, dft,
    fiedler, fiedler_companion, hadamard, hankel, helmert, hilbert, invhilbert, invpascal, khatri_rao, kron, leslie,
    pascal, toeplitz,
};
