//! Singular value decomposition: [`svd`], [`svdvals`].

use xp_core::{Array, Backend};

use crate::args;
use crate::backend::LinalgBackend;
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Keyword arguments of [`svd`] (SciPy's `full_matrices`, `compute_uv`, `overwrite_a`,
/// `check_finite`, `lapack_driver`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SvdOptions {
    /// `U` `(M, M)` and `V^H` `(N, N)` (default `true`); else `(M, K)` and `(K, N)`.
    pub full_matrices: bool,
    /// Compute `U` and `V^H` (default `true`).
    pub compute_uv: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for SvdOptions {
    fn default() -> Self {
        SvdOptions {
            full_matrices: true,
            compute_uv: true,
            overwrite_a: false,
            check_finite: true,
        }
    }
}

impl SvdOptions {
    /// Sets `full_matrices`.
    pub fn full_matrices(mut self, v: bool) -> Self {
        self.full_matrices = v;
        self
    }
    /// Sets `compute_uv`.
    pub fn compute_uv(mut self, v: bool) -> Self {
        self.compute_uv = v;
        self
    }
    /// Sets `overwrite_a` (no effect).
    pub fn overwrite_a(mut self, v: bool) -> Self {
        self.overwrite_a = v;
        self
    }
    /// Sets `check_finite`.
    pub fn check_finite(mut self, v: bool) -> Self {
        self.check_finite = v;
        self
    }
}

/// The result of [`svd`]: `A = U diag(S) V^H`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Svd<T: LinalgScalar, B: Backend> {
    /// `U` (with `compute_uv`).
    pub u: Option<Array<T, B>>,
    /// Singular values `(..., K)`, non-negative, descending, real.
    pub s: Array<T::Re, B>,
    /// `V^H` (with `compute_uv`).
    pub vh: Option<Array<T, B>>,
}

/// Singular value decomposition of `a` (`(..., M, N)`), SciPy's `scipy.linalg.svd`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{svd, SvdOptions};
/// let a = Array::<f64>::from_vec(vec![3.0, 0.0, 0.0, -4.0], &[2, 2])?;
/// let f = svd(&a, &SvdOptions::default())?;
/// assert_eq!(f.s.to_vec()?, vec![4.0, 3.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::NoConvergence`]; [`crate::LinalgError::ShapeMismatch`] for fewer than
/// 2 dimensions; [`crate::LinalgError::NonFinite`] with `check_finite`.
pub fn svd<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &SvdOptions) -> Result<Svd<T, B>> {
    const F: &str = "linalg.svd";
    args::matrix(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    let f = B::svd(F, a, options.full_matrices, options.compute_uv)?;
    Ok(Svd {
        u: f.u,
        s: f.s,
        vh: f.vh,
    })
}

/// Singular values of `a` (`(..., M, N)`), descending, SciPy's `svdvals`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{svdvals, SvdOptions};
/// let a = Array::<f64>::from_vec(vec![0.0, 2.0, 1.0, 0.0], &[2, 2])?;
/// assert_eq!(svdvals(&a, &SvdOptions::default())?.to_vec()?, vec![2.0, 1.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// As [`svd`].
pub fn svdvals<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &SvdOptions) -> Result<Array<T::Re, B>> {
    const F: &str = "linalg.svdvals";
    args::matrix(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    Ok(B::svd(F, a, false, false)?.s)
}
