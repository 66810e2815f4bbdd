//! [`solve`]: `A x = b` for square `A`, with SciPy's structure hints (`assume_a`).

use std::str::FromStr;

use xp_core::{Array, Backend};

use crate::args;
use crate::backend::{LinalgBackend, Trans};
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// The structure [`solve`] may assume of `a` (SciPy's `assume_a`).
///
/// | value | SciPy | method | reads |
/// |---|---|---|---|
/// | [`AssumeA::General`] | `"general"`, `"gen"` | LU with partial pivoting | all of `a` |
/// | [`AssumeA::Symmetric`] | `"symmetric"`, `"sym"` | LU of the symmetric completion | the `lower` or upper triangle |
/// | [`AssumeA::Hermitian`] | `"hermitian"`, `"her"` | LU of the Hermitian completion | the `lower` or upper triangle |
/// | [`AssumeA::PositiveDefinite`] | `"positive definite"`, `"pos"` | Cholesky | the `lower` or upper triangle |
/// | [`AssumeA::Diagonal`] | `"diagonal"` | division | the diagonal |
/// | [`AssumeA::Tridiagonal`] | `"tridiagonal"` | LU with partial pivoting | the three diagonals |
/// | [`AssumeA::Banded`] | `"banded"` | LU with partial pivoting | all of `a` |
/// | [`AssumeA::UpperTriangular`] | `"upper triangular"` | back substitution | the upper triangle |
/// | [`AssumeA::LowerTriangular`] | `"lower triangular"` | forward substitution | the lower triangle |
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AssumeA {
    /// No structure.
    #[default]
    General,
    /// Symmetric (`a == a.T`).
    Symmetric,
    /// Hermitian (`a == a.conj().T`).
    Hermitian,
    /// Hermitian positive definite.
    PositiveDefinite,
    /// Diagonal.
    Diagonal,
    /// Tridiagonal.
    Tridiagonal,
    /// Banded.
    Banded,
    /// Upper triangular.
    UpperTriangular,
    /// Lower triangular.
    LowerTriangular,
}

impl FromStr for AssumeA {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "general" | "gen" => AssumeA::General,
            "symmetric" | "sym" => AssumeA::Symmetric,
            "hermitian" | "her" => AssumeA::Hermitian,
            "positive definite" | "pos" => AssumeA::PositiveDefinite,
            "diagonal" => AssumeA::Diagonal,
            "tridiagonal" => AssumeA::Tridiagonal,
            "banded" => AssumeA::Banded,
            "upper triangular" => AssumeA::UpperTriangular,
            "lower triangular" => AssumeA::LowerTriangular,
            other => {
                return Err(LinalgError::invalid(
                    "linalg.solve",
                    "assume_a",
                    other,
                    "is not a recognized matrix structure",
                ));
            }
        })
    }
}

/// Keyword arguments of [`solve`] (SciPy's `lower`, `overwrite_a`, `overwrite_b`,
/// `check_finite`, `assume_a`, `transposed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SolveOptions {
    /// For symmetric, Hermitian and positive definite `a`: read the lower triangle (default:
    /// the upper one).
    pub lower: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_b: bool,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
    /// The structure of `a` (default [`AssumeA::General`]).
    pub assume_a: AssumeA,
    /// Solve `a.T x = b` instead (default `false`).
    pub transposed: bool,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            lower: false,
            overwrite_a: false,
            overwrite_b: false,
            check_finite: true,
            assume_a: AssumeA::General,
            transposed: false,
        }
    }
}

impl SolveOptions {
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
    /// Sets `assume_a`.
    pub fn assume_a(mut self, v: AssumeA) -> Self {
        self.assume_a = v;
        self
    }
    /// Sets `transposed`.
    pub fn transposed(mut self, v: bool) -> Self {
        self.transposed = v;
        self
    }
}

/// Solves `a x = b` for square `a` (`(..., N, N)`) and `b` (`(N,)` or `(..., N, K)`, batch
/// dimensions broadcast), SciPy's `scipy.linalg.solve`. The result has `b`'s shape (after
/// broadcasting).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{solve, AssumeA, SolveOptions};
/// let a = Array::<f64>::from_vec(vec![3.0, 2.0, 0.0, 1.0, -1.0, 0.0, 0.0, 5.0, 1.0], &[3, 3])?;
/// let b = Array::<f64>::from_slice(&[2.0, 4.0, -1.0])?;
/// let x = solve(&a, &b, &SolveOptions::default())?;
/// let expect = [2.0, -2.0, 9.0];
/// assert!(x.to_vec()?.iter().zip(expect).all(|(x, e)| (x - e).abs() < 1e-12));
/// // A positive definite system, reading the lower triangle only:
/// let s = Array::<f64>::from_vec(vec![4.0, 99.0, 2.0, 3.0], &[2, 2])?;
/// let y = solve(&s, &Array::from_slice(&[2.0, 1.0])?, &SolveOptions::default()
///     .assume_a(AssumeA::PositiveDefinite).lower(true))?;
/// assert!((y.to_vec()?[0] - 0.5).abs() < 1e-12 && y.to_vec()?[1].abs() < 1e-12);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::Singular`] (with the pivot) for an exactly singular `a`;
/// [`LinalgError::NotPositiveDefinite`] with [`AssumeA::PositiveDefinite`];
/// [`LinalgError::NotSquare`]; [`LinalgError::ShapeMismatch`] when `b` does not fit;
/// [`LinalgError::NonFinite`] with `check_finite`; a host transfer that is not allowed.
pub fn solve<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    b: &Array<T, B>,
    options: &SolveOptions,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve";
    let n = args::square(F, "a", a)?;
    let (a2, b2, vector) = args::rhs(F, a, b)?;
    // The general LU path checks `a` while loading it (one pass over memory fewer).
    let general = matches!(
        options.assume_a,
        AssumeA::General | AssumeA::Tridiagonal | AssumeA::Banded
    );
    args::check_finite(F, "a", a, options.check_finite && !general)?;
    args::check_finite(F, "b", b, options.check_finite)?;
    let trans = if options.transposed { Trans::T } else { Trans::N };
    let x = match options.assume_a {
        AssumeA::General | AssumeA::Tridiagonal | AssumeA::Banded => {
            B::lu_factor_solve(F, &a2, &b2, trans, options.check_finite)?
        }
        AssumeA::Symmetric => B::lu_factor_solve(F, &completion(&a2, options.lower, false)?, &b2, trans, false)?,
        AssumeA::Hermitian => B::lu_factor_solve(F, &completion(&a2, options.lower, true)?, &b2, trans, false)?,
        AssumeA::PositiveDefinite => {
            let c = B::cholesky(F, &a2, options.lower)?;
            if options.transposed && T::IS_COMPLEX {
                // A^T = conj(A) for Hermitian A: solve conj(A) x = b as conj(A conj(x) = conj(b)).
                B::cho_solve(F, &c, options.lower, &b2.conj()?)?.conj()?
            } else {
                B::cho_solve(F, &c, options.lower, &b2)?
            }
        }
        AssumeA::Diagonal => diagonal_solve(F, &a2, &b2, n)?,
        AssumeA::UpperTriangular => B::solve_triangular(F, &a2, &b2, trans, false, false)?,
        AssumeA::LowerTriangular => B::solve_triangular(F, &a2, &b2, trans, true, false)?,
    };
    args::unvector(x, vector)
}

/// The full symmetric (or Hermitian) matrix whose `lower` (or upper) triangle `a` holds.
pub(crate) fn completion<T: LinalgScalar, B: Backend>(
    a: &Array<T, B>,
    lower: bool,
    hermitian: bool,
) -> Result<Array<T, B>> {
    let (tri, strict) = if lower {
        (a.tril(0)?, a.tril(-1)?)
    } else {
        (a.triu(0)?, a.triu(1)?)
    };
    let mirrored = strict.matrix_transpose()?;
    let mirrored = if hermitian && T::IS_COMPLEX {
        mirrored.conj()?
    } else {
        mirrored
    };
    let full = (tri + mirrored)?;
    if hermitian && T::IS_COMPLEX {
        // The diagonal of a Hermitian matrix is real (LAPACK ignores its imaginary parts):
        // subtract i Im(diag) = (z - conj(z)) / 2 on the diagonal.
        let n = a.shape()[a.ndim() - 1];
        let eye = Array::<T, B>::eye(n, None, 0)?;
        let imag = ((&full - &full.conj()?)? * &eye)?;
        return Ok((&full - &(imag * T::from_f64(0.5))?)?);
    }
    Ok(full)
}

/// `x = b / diag(a)` (broadcast over columns).
fn diagonal_solve<T: LinalgScalar, B: LinalgBackend>(
    f: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
    n: usize,
) -> Result<Array<T, B>> {
    let d = args::diagonal(a)?;
    if n > 0 {
        let zero = d.equal(&args::scalar(T::ZERO)?)?;
        if zero.any(xp_core::ALL, false)?.to_scalar()? {
            let flat = zero.astype::<i64>()?.reshape(&[-1])?.argmax(None, false)?.to_scalar()?;
            return Err(LinalgError::Singular {
                function: f,
                pivot: usize::try_from(flat).unwrap_or(0) % n,
            });
        }
    }
    Ok((b / &d.expand_dims(-1)?)?)
}
