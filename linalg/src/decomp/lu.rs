//! LU decomposition with partial pivoting: [`lu`], [`lu_factor`], [`lu_solve`].

use xp_core::{Array, Backend};

use crate::args;
use crate::backend::{LinalgBackend, Trans};
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Keyword arguments of [`lu`] (SciPy's `permute_l`, `overwrite_a`, `check_finite`, `p_indices`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LuOptions {
    /// Return `(P L, U)` instead of `(P, L, U)` (default `false`).
    pub permute_l: bool,
    /// Accepted for SciPy compatibility; xp arrays are immutable, so it has no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
    /// Return the permutation as row indices `p` with `A = L[p] @ U` (default `false`).
    pub p_indices: bool,
}

impl Default for LuOptions {
    fn default() -> Self {
        LuOptions {
            permute_l: false,
            overwrite_a: false,
            check_finite: true,
            p_indices: false,
        }
    }
}

impl LuOptions {
    /// Sets `permute_l`.
    pub fn permute_l(mut self, v: bool) -> Self {
        self.permute_l = v;
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
    /// Sets `p_indices`.
    pub fn p_indices(mut self, v: bool) -> Self {
        self.p_indices = v;
        self
    }
}

/// The result of [`lu`]: `A = P L U` (or `A = L[p] @ U`, or `A = (P L) U`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Lu<T: LinalgScalar, B: Backend> {
    /// The permutation matrix `P` `(..., M, M)`; `None` with `permute_l` or `p_indices`.
    pub p: Option<Array<T, B>>,
    /// The permutation as row indices `(..., M)` (with `p_indices`, without `permute_l`).
    pub p_indices: Option<Array<i64, B>>,
    /// `L` `(..., M, K)`, unit lower trapezoidal; with `permute_l`, `P L`.
    pub l: Array<T, B>,
    /// `U` `(..., K, N)`, upper trapezoidal.
    pub u: Array<T, B>,
}

/// LU decomposition with partial pivoting of `a` (`(..., M, N)`), SciPy's `scipy.linalg.lu`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{lu, LuOptions};
/// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
/// let f = lu(&a, &LuOptions::default())?;
/// let p = f.p.ok_or(xp_core::Error::invalid("doc", "p", 0, "missing"))?;
/// let back = p.matmul(&f.l)?.matmul(&f.u)?; // P L U = A
/// assert!(back.to_vec()?.iter().zip(a.to_vec()?).all(|(x, y)| (x - y).abs() < 1e-12));
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::ShapeMismatch`] for fewer than 2 dimensions;
/// [`crate::LinalgError::NonFinite`] with `check_finite`; a host transfer that is not allowed.
pub fn lu<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &LuOptions) -> Result<Lu<T, B>> {
    const F: &str = "linalg.lu";
    let (batch, m, n) = args::matrix(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    let k = m.min(n);
    let f = B::lu_factor(F, a)?;
    let l_full = f.lu.slice(&[
        xp_core::array::indexing::Idx::Ellipsis,
        xp_core::array::indexing::Idx::all(),
        xp_core::array::indexing::Idx::range(0, k as isize),
    ])?;
    let l = (l_full.tril(-1)? + args::eye_rect::<T, B>(&batch, m, k)?)?;
    let u =
        f.lu.slice(&[
            xp_core::array::indexing::Idx::Ellipsis,
            xp_core::array::indexing::Idx::range(0, k as isize),
            xp_core::array::indexing::Idx::all(),
        ])?
        .triu(0)?;
    let perm = f.perm;
    if options.permute_l {
        // (P L)[i] = L[p[i]].
        let pl = l.take_along_axis(&rows_index(&perm, k)?, -2)?;
        return Ok(Lu {
            p: None,
            p_indices: None,
            l: pl,
            u,
        });
    }
    if options.p_indices {
        return Ok(Lu {
            p: None,
            p_indices: Some(perm),
            l,
            u,
        });
    }
    Ok(Lu {
        p: Some(permutation_matrix::<T, B>(&perm, m)?),
        p_indices: None,
        l,
        u,
    })
}

/// `P` with `P[i, p[i]] = 1` from row indices `p` `(..., M)`.
pub(crate) fn permutation_matrix<T: LinalgScalar, B: Backend>(p: &Array<i64, B>, m: usize) -> Result<Array<T, B>> {
    let cols = Array::<i64, B>::arange(0.0, m as f64, 1.0)?;
    let pe = p.expand_dims(-1)?;
    Ok(pe.equal(&cols)?.astype::<T>()?)
}

/// `p` `(..., M)` broadcast to an index `(..., M, K)` for `take_along_axis` on rows.
fn rows_index<B: Backend>(p: &Array<i64, B>, k: usize) -> Result<Array<i64, B>> {
    let mut shape = p.shape().to_vec();
    shape.push(k);
    Ok(p.expand_dims(-1)?.broadcast_to(&shape)?)
}

/// Keyword arguments of [`lu_factor`] (SciPy's `overwrite_a`, `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LuFactorOptions {
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for LuFactorOptions {
    fn default() -> Self {
        LuFactorOptions {
            overwrite_a: false,
            check_finite: true,
        }
    }
}

impl LuFactorOptions {
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

/// Packed LU factors and LAPACK pivots, as returned by [`lu_factor`] and taken by [`lu_solve`]
/// (SciPy's `(lu, piv)` tuple).
#[derive(Clone, Debug)]
pub struct LuFactor<T: LinalgScalar, B: Backend> {
    /// `L` (unit diagonal not stored) and `U` in one `(..., M, N)` array.
    pub lu: Array<T, B>,
    /// Pivots `(..., min(M, N))`, 0-based: row `i` was interchanged with row `piv[i]`.
    pub piv: Array<i64, B>,
}

/// Packed LU factorization of `a` (`(..., M, N)`) for [`lu_solve`], SciPy's `lu_factor`.
/// An exactly singular matrix is factored without error (SciPy warns); [`lu_solve`] then
/// returns non-finite values.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{lu_factor, lu_solve, LuFactorOptions, LuSolveOptions};
/// let a = Array::<f64>::from_vec(vec![4.0, 3.0, 6.0, 3.0], &[2, 2])?;
/// let f = lu_factor(&a, &LuFactorOptions::default())?;
/// assert_eq!(f.piv.to_vec()?, vec![1, 1]); // LAPACK pivots, 0-based
/// let x = lu_solve(&f, &Array::from_slice(&[10.0, 12.0])?, &LuSolveOptions::default())?;
/// assert!((x.to_vec()?[0] - 1.0).abs() < 1e-12 && (x.to_vec()?[1] - 2.0).abs() < 1e-12);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::ShapeMismatch`] for fewer than 2 dimensions;
/// [`crate::LinalgError::NonFinite`] with `check_finite`; a host transfer that is not allowed.
pub fn lu_factor<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    options: &LuFactorOptions,
) -> Result<LuFactor<T, B>> {
    const F: &str = "linalg.lu_factor";
    args::matrix(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    let f = B::lu_factor(F, a)?;
    Ok(LuFactor { lu: f.lu, piv: f.piv })
}

/// Keyword arguments of [`lu_solve`] (SciPy's `trans`, `overwrite_b`, `check_finite`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LuSolveOptions {
    /// Which system: `A x = b` (default), `A^T x = b`, `A^H x = b`.
    pub trans: Trans,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_b: bool,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
}

impl Default for LuSolveOptions {
    fn default() -> Self {
        LuSolveOptions {
            trans: Trans::N,
            overwrite_b: false,
            check_finite: true,
        }
    }
}

impl LuSolveOptions {
    /// Sets `trans`.
    pub fn trans(mut self, v: Trans) -> Self {
        self.trans = v;
        self
    }
    /// Sets `trans` from SciPy's integer code (0, 1, 2).
    ///
    /// # Errors
    /// [`crate::LinalgError::InvalidArgument`] for other codes.
    pub fn trans_code(mut self, code: i64) -> Result<Self> {
        self.trans = match code {
            0 => Trans::N,
            1 => Trans::T,
            2 => Trans::H,
            _ => {
                return Err(crate::LinalgError::invalid(
                    "linalg.lu_solve",
                    "trans",
                    code,
                    "must be 0, 1 or 2",
                ));
            }
        };
        Ok(self)
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

/// Solves `A x = b` (or the transposed systems) from the output of [`lu_factor`], SciPy's
/// `lu_solve`. `b` is `(N,)` or `(..., N, K)`; batch dimensions broadcast.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{lu_factor, lu_solve, LuFactorOptions, LuSolveOptions, Trans};
/// let a = Array::<f64>::from_vec(vec![2.0, 0.0, 1.0, 1.0], &[2, 2])?;
/// let f = lu_factor(&a, &LuFactorOptions::default())?;
/// let b = Array::<f64>::from_slice(&[2.0, 3.0])?;
/// let x = lu_solve(&f, &b, &LuSolveOptions::default().trans(Trans::T))?; // A^T x = b
/// assert_eq!(x.to_vec()?, vec![-0.5, 3.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`crate::LinalgError::NotSquare`] for non-square factors;
/// [`crate::LinalgError::ShapeMismatch`] when `b` does not fit; pivots out of range;
/// [`crate::LinalgError::NonFinite`] with `check_finite`.
pub fn lu_solve<T: LinalgScalar, B: LinalgBackend>(
    factors: &LuFactor<T, B>,
    b: &Array<T, B>,
    options: &LuSolveOptions,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.lu_solve";
    let n = args::square(F, "lu", &factors.lu)?;
    args::check_finite(F, "b", b, options.check_finite)?;
    let piv_shape = factors.piv.shape();
    if piv_shape.last().copied() != Some(n) || piv_shape.len() + 1 != factors.lu.ndim() {
        return Err(crate::LinalgError::shapes(
            F,
            format!(
                "`piv` has shape {piv_shape:?}, expected {:?}",
                &factors.lu.shape()[..factors.lu.ndim() - 1]
            ),
        ));
    }
    let (lu, b2, vector) = args::rhs(F, &factors.lu, b)?;
    let batch = lu.shape()[..lu.ndim() - 2].to_vec();
    let piv = if factors.piv.shape()[..piv_shape.len() - 1] == batch[..] {
        factors.piv.clone()
    } else {
        factors.piv.broadcast_to(&args::with(&batch, &[n]))?
    };
    let x = B::lu_solve(F, &lu, &piv, &b2, options.trans)?;
    args::unvector(x, vector)
}
