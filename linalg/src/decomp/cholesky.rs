//! Cholesky decomposition: [`cholesky`], [`cho_factor`], [`cho_solve`].

use xp_core::{Array, Backend};

use crate::args;
use crate::backend::LinalgBackend;
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Keyword arguments of [`cholesky`] and [`cho_factor`] (SciPy's `lower`, `overwrite_a`,
/// `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CholeskyOptions {
    /// Return `L` with `a = L L^H` reading the lower triangle (default: `U` with `a = U^H U`,
    /// reading the upper triangle).
    pub lower: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for CholeskyOptions {
    fn default() -> Self {
        CholeskyOptions {
            lower: false,
            overwrite_a: false,
            check_finite: true,
        }
    }
}

impl CholeskyOptions {
    /// Sets `lower`.
    pub fn lower(mut self, v: bool) -> Self {
        self.lower = v;
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

/// The Cholesky factor of Hermitian positive definite `a` (`(..., N, N)`), SciPy's
/// `scipy.linalg.cholesky`: upper `U` with `a = U^H U` (default) or lower `L` with
/// `a = L L^H`. Only that triangle of `a` is read; the other triangle of the result is zero.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{cholesky, CholeskyOptions};
/// let a = Array::<f64>::from_vec(vec![4.0, 2.0, 2.0, 5.0], &[2, 2])?;
/// let u = cholesky(&a, &CholeskyOptions::default())?;
/// assert_eq!(u.to_vec()?, vec![2.0, 1.0, 0.0, 2.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::NotPositiveDefinite`] with the failing pivot;
/// [`crate::LinalgError::NotSquare`]; [`crate::LinalgError::NonFinite`] with `check_finite`.
pub fn cholesky<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &CholeskyOptions) -> Result<Array<T, B>> {
    const F: &str = "linalg.cholesky";
    args::square(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    B::cholesky(F, a, options.lower)
}

/// A Cholesky factor and which triangle it is, as returned by [`cho_factor`] and taken by
/// [`cho_solve`] (SciPy's `(c, lower)` tuple).
#[derive(Clone, Debug)]
pub struct ChoFactor<T: LinalgScalar, B: Backend> {
    /// The factor; the other triangle is zero (SciPy leaves it unspecified).
    pub c: Array<T, B>,
    /// Whether `c` is lower triangular.
    pub lower: bool,
}

/// Cholesky factorization for [`cho_solve`], SciPy's `cho_factor`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{cho_factor, cho_solve, CholeskyOptions, ChoSolveOptions};
/// let a = Array::<f64>::from_vec(vec![4.0, 2.0, 2.0, 5.0], &[2, 2])?;
/// let f = cho_factor(&a, &CholeskyOptions::default())?;
/// let x = cho_solve(&f, &Array::from_slice(&[6.0, 7.0])?, &ChoSolveOptions::default())?;
/// assert!((x.to_vec()?[0] - 1.0).abs() < 1e-12 && (x.to_vec()?[1] - 1.0).abs() < 1e-12);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// As [`cholesky`].
pub fn cho_factor<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    options: &CholeskyOptions,
) -> Result<ChoFactor<T, B>> {
    const F: &str = "linalg.cho_factor";
    args::square(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    Ok(ChoFactor {
        c: B::cholesky(F, a, options.lower)?,
        lower: options.lower,
    })
}

/// Keyword arguments of [`cho_solve`] (SciPy's `overwrite_b`, `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChoSolveOptions {
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_b: bool,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
}

impl Default for ChoSolveOptions {
    fn default() -> Self {
        ChoSolveOptions {
            overwrite_b: false,
            check_finite: true,
        }
    }
}

impl ChoSolveOptions {
    /// Sets `overwrite_b` (no effect).
    pub fn overwrite_b(mut self, v: bool) -> Self {
        self.overwrite_b = v;
        self
    }
    /// Sets `check_finite`.
    pub fn check_finite(mut self, v: bool) -> Self {
        self.check_finite = v;
        self
    }
}

/// Solves `a x = b` from the Cholesky factor of `a`, SciPy's `cho_solve`. `b` is `(N,)` or
/// `(..., N, K)`; batch dimensions broadcast.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{cho_factor, cho_solve, CholeskyOptions, ChoSolveOptions};
/// let a = Array::<f64>::from_vec(vec![2.0, 1.0, 1.0, 2.0], &[2, 2])?;
/// let f = cho_factor(&a, &CholeskyOptions::default().lower(true))?;
/// let x = cho_solve(&f, &Array::from_slice(&[3.0, 3.0])?, &ChoSolveOptions::default())?;
/// assert!(x.to_vec()?.iter().all(|v| (v - 1.0).abs() < 1e-12));
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::NotSquare`]; [`crate::LinalgError::ShapeMismatch`];
/// [`crate::LinalgError::NonFinite`] with `check_finite`.
pub fn cho_solve<T: LinalgScalar, B: LinalgBackend>(
    factor: &ChoFactor<T, B>,
    b: &Array<T, B>,
    options: &ChoSolveOptions,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.cho_solve";
    args::square(F, "c", &factor.c)?;
    args::check_finite(F, "b", b, options.check_finite)?;
    let (c, b2, vector) = args::rhs(F, &factor.c, b)?;
    let x = B::cho_solve(F, &c, factor.lower, &b2)?;
    args::unvector(x, vector)
}
