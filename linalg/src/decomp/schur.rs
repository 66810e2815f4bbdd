//! Schur and Hessenberg forms: [`schur`], [`hessenberg`].

use xp_core::{Array, Backend};

use crate::args;
use crate::backend::LinalgBackend;
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// The form [`schur`] returns (SciPy's `output`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SchurOutput {
    /// Quasi upper triangular with 2x2 blocks for complex pairs (real input), upper triangular
    /// (complex input). SciPy's `"real"`, the default.
    #[default]
    Real,
    /// Upper triangular. For real input, convert first (`a.astype::<c64>()`) or use
    /// [`crate::decomp::schur`]'s result with `rsf2csf`.
    Complex,
}

/// Keyword arguments of [`schur`] (SciPy's `output`, `lwork`, `overwrite_a`, `sort`,
/// `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SchurOptions {
    /// The form of `T` (default [`SchurOutput::Real`]).
    pub output: SchurOutput,
    /// Accepted for SciPy compatibility (a LAPACK workspace size); no effect.
    pub lwork: Option<usize>,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for SchurOptions {
    fn default() -> Self {
        SchurOptions {
            output: SchurOutput::Real,
            lwork: None,
            overwrite_a: false,
            check_finite: true,
        }
    }
}

impl SchurOptions {
    /// Sets `output`.
    pub fn output(mut self, v: SchurOutput) -> Self {
        self.output = v;
        self
    }
    /// Sets `lwork` (no effect).
    pub fn lwork(mut self, v: Option<usize>) -> Self {
        self.lwork = v;
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

/// The Schur decomposition `a = Z T Z^H`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Schur<T: LinalgScalar, B: Backend> {
    /// The Schur form `T` `(..., N, N)`.
    pub t: Array<T, B>,
    /// The unitary Schur vectors `Z` `(..., N, N)`.
    pub z: Array<T, B>,
}

/// Schur decomposition of square `a` (`(..., N, N)`), SciPy's `scipy.linalg.schur`: `a = Z T Z^H`
/// with `Z` unitary and `T` upper triangular (complex input) or quasi upper triangular with
/// 2x2 diagonal blocks for complex conjugate eigenvalue pairs (real input). SciPy's `sort`
/// (eigenvalue reordering) is not available yet.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{schur, SchurOptions};
/// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
/// let s = schur(&a, &SchurOptions::default())?;
/// let back = s.z.matmul(&s.t)?.matmul(&s.z.matrix_transpose()?)?; // Z T Z^T = A
/// assert!(back.to_vec()?.iter().zip(a.to_vec()?).all(|(x, y)| (x - y).abs() < 1e-12));
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`]; [`LinalgError::InvalidArgument`] for `output = Complex` with
/// real input; [`LinalgError::NoConvergence`]; [`LinalgError::NonFinite`] with `check_finite`.
pub fn schur<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &SchurOptions) -> Result<Schur<T, B>> {
    const F: &str = "linalg.schur";
    args::square(F, "a", a)?;
    if options.output == SchurOutput::Complex && !T::IS_COMPLEX {
        return Err(LinalgError::invalid(
            F,
            "output",
            "complex",
            "for real input convert it first (`a.astype::<c64>()`) so the result type is complex",
        ));
    }
    args::check_finite(F, "a", a, options.check_finite)?;
    let r = B::schur(F, a)?;
    Ok(Schur { t: r.t, z: r.z })
}

/// Keyword arguments of [`hessenberg`] (SciPy's `calc_q`, `overwrite_a`, `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HessenbergOptions {
    /// Also return `Q` (default `false`).
    pub calc_q: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for HessenbergOptions {
    fn default() -> Self {
        HessenbergOptions {
            calc_q: false,
            overwrite_a: false,
            check_finite: true,
        }
    }
}

impl HessenbergOptions {
    /// Sets `calc_q`.
    pub fn calc_q(mut self, v: bool) -> Self {
        self.calc_q = v;
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

/// Hessenberg form `H` of square `a` (zero below the first subdiagonal) and, with `calc_q`,
/// the unitary `Q` with `a = Q H Q^H`, SciPy's `hessenberg`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{hessenberg, HessenbergOptions};
/// let a = Array::<f64>::from_vec((0..16).map(|i| ((i * 7) % 5) as f64).collect(), &[4, 4])?;
/// let (h, q) = hessenberg(&a, &HessenbergOptions::default().calc_q(true))?;
/// let h = h.to_vec()?;
/// assert_eq!((h[8], h[12], h[13]), (0.0, 0.0, 0.0));
/// assert!(q.is_some());
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`]; [`LinalgError::NonFinite`] with `check_finite`.
#[allow(clippy::type_complexity)]
pub fn hessenberg<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    options: &HessenbergOptions,
) -> Result<(Array<T, B>, Option<Array<T, B>>)> {
    const F: &str = "linalg.hessenberg";
    args::square(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    B::hessenberg(F, a, options.calc_q)
}
