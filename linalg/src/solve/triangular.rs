//! [`solve_triangular`]: forward and back substitution.

use xp_core::Array;

use crate::args;
use crate::backend::{LinalgBackend, Trans};
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Keyword arguments of [`solve_triangular`] (SciPy's `trans`, `lower`, `unit_diagonal`,
/// `overwrite_b`, `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SolveTriangularOptions {
    /// Which system: `a x = b` (default), `a^T x = b`, `a^H x = b`.
    pub trans: Trans,
    /// Use the lower triangle of `a` (default: the upper one).
    pub lower: bool,
    /// Take the diagonal of `a` as ones without reading it (default `false`).
    pub unit_diagonal: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_b: bool,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
}

impl Default for SolveTriangularOptions {
    fn default() -> Self {
        SolveTriangularOptions {
            trans: Trans::N,
            lower: false,
            unit_diagonal: false,
            overwrite_b: false,
            check_finite: true,
        }
    }
}

impl SolveTriangularOptions {
    /// Sets `trans`.
    pub fn trans(mut self, v: Trans) -> Self {
        self.trans = v;
        self
    }
    /// Sets `lower`.
    pub fn lower(mut self, v: bool) -> Self {
        self.lower = v;
        self
    }
    /// Sets `unit_diagonal`.
    pub fn unit_diagonal(mut self, v: bool) -> Self {
        self.unit_diagonal = v;
        self
    }
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

/// Solves `a x = b` for triangular `a` (`(..., N, N)`; only the chosen triangle is read) and
/// `b` (`(N,)` or `(..., N, K)`), SciPy's `solve_triangular`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{solve_triangular, SolveTriangularOptions};
/// let a = Array::<f64>::from_vec(vec![3.0, 0.0, 0.0, 0.0, 2.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0], &[4, 4])?;
/// let b = Array::<f64>::from_slice(&[4.0, 2.0, 4.0, 2.0])?;
/// let x = solve_triangular(&a, &b, &SolveTriangularOptions::default().lower(true))?;
/// let expect = [1.333333333333333, -0.666666666666667, 2.666666666666667, -1.333333333333333];
/// assert!(x.to_vec()?.iter().zip(expect).all(|(x, e)| (x - e).abs() < 1e-12));
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::Singular`] for a zero diagonal entry (SciPy: "singular matrix:
/// resolution failed at diagonal"); [`crate::LinalgError::NotSquare`];
/// [`crate::LinalgError::ShapeMismatch`]; [`crate::LinalgError::NonFinite`] with `check_finite`.
pub fn solve_triangular<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    b: &Array<T, B>,
    options: &SolveTriangularOptions,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve_triangular";
    args::square(F, "a", a)?;
    let (a2, b2, vector) = args::rhs(F, a, b)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    args::check_finite(F, "b", b, options.check_finite)?;
    let x = B::solve_triangular(F, &a2, &b2, options.trans, options.lower, options.unit_diagonal)?;
    args::unvector(x, vector)
}
