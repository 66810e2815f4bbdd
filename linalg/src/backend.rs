//! [`LinalgBackend`]: the extension trait every backend implements to run `xp-linalg`.
//!
//! Its methods are the core factorization kernels; everything else in the crate (solvers,
//! inverses, determinants, least squares, norms, ...) is generic code built on them and on the
//! namespace. Every method takes a stack of matrices `(..., M, N)` (batch dimensions already
//! broadcast by the caller) and the SciPy-style name of the public function that called it,
//! which it records in [`xp_core::trace`] and puts in errors.
//!
//! | method | factorization | faer engine |
//! |---|---|---|
//! | [`LinalgBackend::lu_factor`], [`LinalgBackend::lu_solve`], [`LinalgBackend::lu_factor_solve`] | LU with partial pivoting | `lu::partial_pivoting` |
//! | [`LinalgBackend::solve_triangular`] | triangular solve | `triangular_solve` |
//! | [`LinalgBackend::cholesky`], [`LinalgBackend::cho_solve`] | Cholesky `L L^H` | `cholesky::llt` |
//! | [`LinalgBackend::qr`] | QR, optionally column-pivoted | `qr::{no_pivoting, col_pivoting}` |
//! | [`LinalgBackend::eigh`] | symmetric / Hermitian eigen | `evd::self_adjoint_evd` |
//! | [`LinalgBackend::eig`] | general eigen, left and right vectors | `evd::{evd_real, evd_cplx}` |
//! | [`LinalgBackend::svd`] | SVD | `svd::svd` |
//! | [`LinalgBackend::schur`], [`LinalgBackend::hessenberg`] | Schur, Hessenberg | `evd::hessenberg`, `gevd::qz_*` |
//! | [`LinalgBackend::qz`], [`LinalgBackend::eig_generalized`] | generalized Schur (QZ), generalized eigen | `gevd::{gen_hessenberg, qz_*, gevd_*}` |
//!
//! The default bodies run the kernels on the host with faer: on a backend whose data is not in
//! host memory ([`xp_core::Strict`], `Cuda`) only when the caller opted in with
//! [`Policy::allow_host_transfer`](xp_core::policy::Policy::allow_host_transfer) (they record
//! `Path::Host`); otherwise they fail with [`xp_core::Error::HostTransferNotAllowed`]. The
//! [`xp_core::Cpu`] backend overrides them to run faer on zero-copy views of its storage
//! (`Path::Native("faer")`), choosing faer's parallelism by problem size. A third-party backend
//! gets every function with `impl xp_linalg::LinalgBackend for MyBackend {}` and may override
//! the kernels it can run natively (a GPU backend: cuSOLVER).
//!
//! ```
//! use xp_core::{Array, Strict, policy::Policy, trace};
//! use xp_linalg::{solve, SolveOptions};
//! let a = Array::<f64, Strict>::from_vec(vec![2.0, 1.0, 1.0, 3.0], &[2, 2])?;
//! let b = Array::<f64, Strict>::from_vec(vec![3.0, 5.0], &[2])?;
//! // Strict keeps its data off the host: the host kernel runs only when allowed.
//! assert!(solve(&a, &b, &SolveOptions::default()).is_err());
//! let (x, records) = trace::capture(|| {
//!     Policy::new().allow_host_transfer(true).run(|| solve(&a, &b, &SolveOptions::default()))
//! });
//! assert!((x?.to_vec()?[1] - 1.4).abs() < 1e-12);
//! assert!(records.iter().any(|r| r.path == trace::Path::Host));
//! # Ok::<(), xp_linalg::LinalgError>(())
//! ```

use xp_core::trace::Path;
use xp_core::{Array, Backend, Strict};

use crate::error::Result;
use crate::exec;
use crate::scalar::LinalgScalar;

/// Which system a solver solves (LAPACK's `trans`, SciPy's `trans=0/1/2`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Trans {
    /// `A x = b` (`trans=0`, `"N"`).
    #[default]
    N,
    /// `A^T x = b` (`trans=1`, `"T"`).
    T,
    /// `A^H x = b` (`trans=2`, `"C"`).
    H,
}

/// Which QR factors to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QrShape {
    /// `Q` `(M, M)` and `R` `(M, N)` (SciPy's `mode="full"`).
    Full,
    /// `Q` `(M, K)` and `R` `(K, N)` with `K = min(M, N)` (`mode="economic"`).
    Economic,
    /// `R` `(M, N)` only (`mode="r"`).
    ROnly,
}

/// LU factors of a stack `(..., M, N)`: `A = P L U`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct LuFactors<T: LinalgScalar, B: Backend> {
    /// `L` (unit lower, diagonal not stored) and `U` packed in one `(..., M, N)` array.
    pub lu: Array<T, B>,
    /// LAPACK pivots `(..., min(M, N))`, 0-based: row `i` was interchanged with row `piv[i]`.
    pub piv: Array<i64, B>,
    /// Row indices `(..., M)` with `A = L[perm] @ U` (SciPy's `p_indices=True`).
    pub perm: Array<i64, B>,
}

/// QR factors of a stack.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct QrFactors<T: LinalgScalar, B: Backend> {
    /// `Q` (absent when only `R` was asked for).
    pub q: Option<Array<T, B>>,
    /// `R`.
    pub r: Array<T, B>,
    /// Column permutation `p` with `A[:, p] = Q R` (with pivoting).
    pub p: Option<Array<i64, B>>,
}

/// Eigenvalues and eigenvectors of a stack of general matrices.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct EigFactors<T: LinalgScalar, B: Backend> {
    /// Eigenvalues `(..., N)`, complex.
    pub w: Array<T::Cx, B>,
    /// Left eigenvectors as columns, `vl[:, i]^H A = w[i] vl[:, i]^H`.
    pub vl: Option<Array<T::Cx, B>>,
    /// Right eigenvectors as columns, `A vr[:, i] = w[i] vr[:, i]`.
    pub vr: Option<Array<T::Cx, B>>,
}

/// Singular value decomposition of a stack.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SvdFactors<T: LinalgScalar, B: Backend> {
    /// `U` (with `compute_uv`).
    pub u: Option<Array<T, B>>,
    /// Singular values `(..., K)`, descending.
    pub s: Array<T::Re, B>,
    /// `V^H` (with `compute_uv`).
    pub vh: Option<Array<T, B>>,
}

/// Schur decomposition of a stack: `A = Z T Z^H`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SchurFactors<T: LinalgScalar, B: Backend> {
    /// `T`: upper triangular (complex) or quasi upper triangular with 2x2 blocks (real).
    pub t: Array<T, B>,
    /// `Z`, unitary.
    pub z: Array<T, B>,
    /// Eigenvalues in the order of the diagonal of `T`.
    pub w: Array<T::Cx, B>,
}

/// Generalized Schur (QZ) decomposition of a stack of pencils: `A = Q AA Z^H`, `B = Q BB Z^H`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct QzFactors<T: LinalgScalar, B: Backend> {
    /// `AA`: upper triangular (complex) or quasi upper triangular with 2x2 blocks (real).
    pub aa: Array<T, B>,
    /// `BB`: upper triangular.
    pub bb: Array<T, B>,
    /// `Q`, unitary.
    pub q: Array<T, B>,
    /// `Z`, unitary.
    pub z: Array<T, B>,
    /// `alpha` `(..., N)`: the eigenvalues are `alpha / beta`.
    pub alpha: Array<T::Cx, B>,
    /// `beta` `(..., N)` (zero for an infinite eigenvalue).
    pub beta: Array<T::Cx, B>,
}

/// Generalized eigenvalues in homogeneous form and eigenvectors of a stack of pencils.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct GenEigFactors<T: LinalgScalar, B: Backend> {
    /// `alpha` `(..., N)`.
    pub alpha: Array<T::Cx, B>,
    /// `beta` `(..., N)`: the eigenvalues are `alpha / beta` (infinite where `beta = 0`).
    pub beta: Array<T::Cx, B>,
    /// Left eigenvectors as columns (unit norm), `vl[:, i]^H A beta_i = alpha_i vl[:, i]^H B`.
    pub vl: Option<Array<T::Cx, B>>,
    /// Right eigenvectors as columns (unit norm), `beta_i A vr[:, i] = alpha_i B vr[:, i]`.
    pub vr: Option<Array<T::Cx, B>>,
}

/// The linear-algebra kernels of a backend. See the [module docs](self).
///
/// Contract: the public functions call these methods with validated shapes (square where a
/// square matrix is needed, equal batch dimensions across inputs, right-hand sides as matrices
/// `(..., N, K)`). Implementations record one dispatch in [`xp_core::trace`] under `function`.
pub trait LinalgBackend: Backend {
    /// LU factorization with partial pivoting of every matrix of `a` (`(..., M, N)`).
    ///
    /// # Errors
    /// A host transfer that is not allowed; backend failures.
    fn lu_factor<T: LinalgScalar>(function: &'static str, a: &Array<T, Self>) -> Result<LuFactors<T, Self>> {
        exec::lu_factor(function, Path::Host, a)
    }

    /// Solves `op(A) x = b` from packed LU factors and LAPACK pivots; `b` is `(..., N, K)`.
    ///
    /// # Errors
    /// Pivots out of range; as [`LinalgBackend::lu_factor`].
    fn lu_solve<T: LinalgScalar>(
        function: &'static str,
        lu: &Array<T, Self>,
        piv: &Array<i64, Self>,
        b: &Array<T, Self>,
        trans: Trans,
    ) -> Result<Array<T, Self>> {
        exec::lu_solve(function, Path::Host, lu, piv, b, trans)
    }

    /// Factors square `a` and solves `op(A) x = b` in one call (`b` is `(..., N, K)`). With
    /// `check_finite`, `a` is checked for NaN and infinity as the kernel loads it, which saves
    /// the separate pass over memory that a check before the call would take.
    ///
    /// # Errors
    /// [`crate::LinalgError::Singular`] with the first zero pivot;
    /// [`crate::LinalgError::NonFinite`] for `a` with `check_finite`; as [`LinalgBackend::lu_factor`].
    fn lu_factor_solve<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        b: &Array<T, Self>,
        trans: Trans,
        check_finite: bool,
    ) -> Result<Array<T, Self>> {
        exec::lu_factor_solve(function, Path::Host, a, b, trans, check_finite)
    }

    /// The inverse of every square matrix of `a` (`(..., N, N)`). The default solves against
    /// the identity with [`LinalgBackend::lu_factor_solve`]; the Cpu backend inverts its LU
    /// factors directly (`getri`), which takes about three quarters of the work.
    ///
    /// With `check_finite`, `a` is checked for NaN and infinity as for
    /// [`LinalgBackend::lu_factor_solve`].
    ///
    /// # Errors
    /// [`crate::LinalgError::Singular`] with the first zero pivot;
    /// [`crate::LinalgError::NonFinite`] for `a` with `check_finite`; as [`LinalgBackend::lu_factor`].
    fn inv<T: LinalgScalar>(function: &'static str, a: &Array<T, Self>, check_finite: bool) -> Result<Array<T, Self>> {
        let shape = a.shape();
        let (batch, n) = (
            &shape[..shape.len().saturating_sub(2)],
            shape.last().copied().unwrap_or(0),
        );
        let eye = crate::args::eye::<T, Self>(batch, n)?;
        Self::lu_factor_solve(function, a, &eye, Trans::N, check_finite)
    }

    /// Solves `op(A) x = b` for triangular `a` (only the `lower` or upper triangle is read).
    ///
    /// # Errors
    /// [`crate::LinalgError::Singular`] for a zero diagonal entry (unless `unit_diagonal`).
    fn solve_triangular<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        b: &Array<T, Self>,
        trans: Trans,
        lower: bool,
        unit_diagonal: bool,
    ) -> Result<Array<T, Self>> {
        exec::solve_triangular(function, Path::Host, a, b, trans, lower, unit_diagonal)
    }

    /// Cholesky factor (`L` when `lower`, else `U = L^H`) with the other triangle zeroed.
    ///
    /// # Errors
    /// [`crate::LinalgError::NotPositiveDefinite`].
    fn cholesky<T: LinalgScalar>(function: &'static str, a: &Array<T, Self>, lower: bool) -> Result<Array<T, Self>> {
        exec::cholesky(function, Path::Host, a, lower)
    }

    /// Solves `A x = b` from the Cholesky factor `c` of `A`.
    ///
    /// # Errors
    /// As [`LinalgBackend::lu_factor`].
    fn cho_solve<T: LinalgScalar>(
        function: &'static str,
        c: &Array<T, Self>,
        lower: bool,
        b: &Array<T, Self>,
    ) -> Result<Array<T, Self>> {
        exec::cho_solve(function, Path::Host, c, lower, b)
    }

    /// QR factorization, optionally with column pivoting.
    ///
    /// # Errors
    /// As [`LinalgBackend::lu_factor`].
    fn qr<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        shape: QrShape,
        pivoting: bool,
    ) -> Result<QrFactors<T, Self>> {
        exec::qr(function, Path::Host, a, shape, pivoting)
    }

    /// Eigenvalues (ascending) and optionally eigenvectors of symmetric / Hermitian matrices.
    ///
    /// # Errors
    /// [`crate::LinalgError::NoConvergence`].
    #[allow(clippy::type_complexity)]
    fn eigh<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        lower: bool,
        vectors: bool,
    ) -> Result<(Array<T::Re, Self>, Option<Array<T, Self>>)> {
        exec::eigh(function, Path::Host, a, lower, vectors)
    }

    /// Eigenvalues and optionally left / right eigenvectors of general square matrices.
    ///
    /// # Errors
    /// [`crate::LinalgError::NoConvergence`].
    fn eig<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        left: bool,
        right: bool,
    ) -> Result<EigFactors<T, Self>> {
        exec::eig(function, Path::Host, a, left, right)
    }

    /// Singular value decomposition.
    ///
    /// # Errors
    /// [`crate::LinalgError::NoConvergence`].
    fn svd<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        full_matrices: bool,
        compute_uv: bool,
    ) -> Result<SvdFactors<T, Self>> {
        exec::svd(function, Path::Host, a, full_matrices, compute_uv)
    }

    /// Schur decomposition (real quasi-triangular for real types).
    ///
    /// # Errors
    /// [`crate::LinalgError::NoConvergence`].
    fn schur<T: LinalgScalar>(function: &'static str, a: &Array<T, Self>) -> Result<SchurFactors<T, Self>> {
        exec::schur(function, Path::Host, a)
    }

    /// Hessenberg form `H` and, with `calc_q`, `Q` with `A = Q H Q^H`.
    ///
    /// # Errors
    /// As [`LinalgBackend::lu_factor`].
    fn hessenberg<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        calc_q: bool,
    ) -> Result<(Array<T, Self>, Option<Array<T, Self>>)> {
        exec::hessenberg(function, Path::Host, a, calc_q)
    }

    /// Generalized Schur (QZ) decomposition of the pencils `(a, b)` (equal shapes `(..., N, N)`).
    ///
    /// # Errors
    /// [`crate::LinalgError::NoConvergence`].
    fn qz<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        b: &Array<T, Self>,
    ) -> Result<QzFactors<T, Self>> {
        exec::qz(function, Path::Host, a, b)
    }

    /// Generalized eigenvalues `(alpha, beta)` and optionally eigenvectors of the pencils `(a, b)`.
    ///
    /// # Errors
    /// [`crate::LinalgError::NoConvergence`].
    fn eig_generalized<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Self>,
        b: &Array<T, Self>,
        left: bool,
        right: bool,
    ) -> Result<GenEigFactors<T, Self>> {
        exec::eig_generalized(function, Path::Host, a, b, left, right)
    }
}

/// The reference backend runs the host kernels (under the opt-in policy).
impl LinalgBackend for Strict {}
