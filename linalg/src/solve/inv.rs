//! [`inv`]: the inverse of a square matrix.

use xp_core::Array;

use crate::args;
use crate::backend::LinalgBackend;
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Keyword arguments of [`inv`] (SciPy's `overwrite_a`, `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InvOptions {
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for InvOptions {
    fn default() -> Self {
        InvOptions {
            overwrite_a: false,
            check_finite: true,
        }
    }
}

impl InvOptions {
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

/// The inverse of every matrix of `a` (`(..., N, N)`), SciPy's `scipy.linalg.inv`: LU with
/// partial pivoting, then a solve against the identity.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{inv, InvOptions};
/// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
/// let ai = inv(&a, &InvOptions::default())?;
/// let expect = [-2.0, 1.0, 1.5, -0.5];
/// assert!(ai.to_vec()?.iter().zip(expect).all(|(x, e)| (x - e).abs() < 1e-12));
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::Singular`] for an exactly singular matrix;
/// [`crate::LinalgError::NotSquare`]; [`crate::LinalgError::NonFinite`] with `check_finite`.
pub fn inv<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &InvOptions) -> Result<Array<T, B>> {
    const F: &str = "linalg.inv";
    args::square(F, "a", a)?;
    B::inv(F, a, options.check_finite)
}
