//! Least squares and pseudo-inverses: [`lstsq`], [`pinv`], [`pinvh`], [`matrix_rank`].

use std::str::FromStr;

use xp_core::{Array, RealFloat, RealNumeric};

use crate::args;
use crate::backend::{LinalgBackend, QrShape};
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;
use crate::solve::lstsq_gelsy;

/// SciPy's `lapack_driver` of [`lstsq`]: how the least-squares problem is solved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LstsqDriver {
    /// Through the singular values (`"gelsd"`, SciPy's default; `None` in SciPy): singular
    /// values `<= cond * s_max` count as zero, where `cond` outside `(0, 1)` means machine
    /// epsilon (LAPACK `?gelsd`'s rule).
    #[default]
    Gelsd,
    /// Through the singular values (`"gelss"`): singular values `<= max(cond * s_max, tiny)`
    /// count as zero, a negative `cond` meaning machine epsilon (`?gelss`'s rule).
    Gelss,
    /// A complete orthogonal factorization from a column-pivoted QR (`"gelsy"`): faster, no
    /// singular values ([`Lstsq::s`] is `None`, and [`Lstsq::residues`] is always empty, as in
    /// SciPy); the rank comes from an incremental condition estimate of the leading blocks of
    /// `R` against `cond`.
    Gelsy,
}

impl FromStr for LstsqDriver {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "gelsd" => LstsqDriver::Gelsd,
            "gelss" => LstsqDriver::Gelss,
            "gelsy" => LstsqDriver::Gelsy,
            other => {
                return Err(LinalgError::invalid(
                    "linalg.lstsq",
                    "lapack_driver",
                    other,
                    "must be gelsd, gelss or gelsy",
                ));
            }
        })
    }
}

/// Keyword arguments of [`lstsq`] (SciPy's `cond`, `overwrite_a`, `overwrite_b`,
/// `check_finite`, `lapack_driver`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct LstsqOptions {
    /// Relative cut-off for the rank (default: machine epsilon of `T`); see [`LstsqDriver`] for
    /// how each driver reads it.
    pub cond: Option<f64>,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_a: bool,
    /// Accepted for SciPy compatibility; no effect.
    pub overwrite_b: bool,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
    /// The algorithm (default [`LstsqDriver::Gelsd`]).
    pub lapack_driver: LstsqDriver,
}

impl Default for LstsqOptions {
    fn default() -> Self {
        LstsqOptions {
            cond: None,
            overwrite_a: false,
            overwrite_b: false,
            check_finite: true,
            lapack_driver: LstsqDriver::Gelsd,
        }
    }
}

impl LstsqOptions {
    /// Sets `cond`.
    pub fn cond(mut self, v: Option<f64>) -> Self {
        self.cond = v;
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
    /// Sets `lapack_driver`.
    pub fn lapack_driver(mut self, v: LstsqDriver) -> Self {
        self.lapack_driver = v;
        self
    }
}

/// The result of [`lstsq`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Lstsq<T: LinalgScalar, B: xp_core::Backend> {
    /// The minimum-norm least-squares solution `(N,)` or `(N, K)`.
    pub x: Array<T, B>,
    /// Squared residual norms per column `(K,)` (or `()` for vector `b`) when `M > N` and
    /// `rank == N` (and for `N == 0`: the squared norms of `b`); empty `(0,)` otherwise and
    /// always with [`LstsqDriver::Gelsy`] (SciPy's convention).
    pub residues: Array<T::Re, B>,
    /// Effective rank of `a`.
    pub rank: usize,
    /// Singular values of `a`, descending (`None` with [`LstsqDriver::Gelsy`], which computes
    /// none).
    pub s: Option<Array<T::Re, B>>,
}

/// Minimum-norm least-squares solution of `a x = b` for `a` `(M, N)` and `b` `(M,)` or
/// `(M, K)`, SciPy's `scipy.linalg.lstsq`.
///
/// With the default [`LstsqDriver::Gelsd`] (and `Gelss`) the solution goes through the SVD
/// (for a tall `a`, `M >= 2N`, through the SVD of the `N x N` factor `R` of an economic QR
/// first); with [`LstsqDriver::Gelsy`], through a column-pivoted QR. The drivers agree on
/// problems of clear rank; on rank-deficient ones each truncates its own factorization.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{lstsq, LstsqDriver, LstsqOptions};
/// // Fit y = c0 + c1 t through (0, 1), (1, 3), (2, 5): exact line y = 1 + 2t.
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 1.0, 1.0, 1.0, 2.0], &[3, 2])?;
/// let y = Array::<f64>::from_slice(&[1.0, 3.0, 5.0])?;
/// let r = lstsq(&a, &y, &LstsqOptions::default())?;
/// assert!(r.x.to_vec()?.iter().zip([1.0, 2.0]).all(|(x, e)| (x - e).abs() < 1e-12));
/// assert_eq!(r.rank, 2);
/// let qr = lstsq(&a, &y, &LstsqOptions::default().lapack_driver("gelsy".parse::<LstsqDriver>()?))?;
/// assert!(qr.x.to_vec()?.iter().zip([1.0, 2.0]).all(|(x, e)| (x - e).abs() < 1e-12));
/// assert!(qr.s.is_none() && qr.residues.size() == 0);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] unless `a` is 2-D and `b` has `M` rows;
/// [`LinalgError::NoConvergence`]; [`LinalgError::NonFinite`] with `check_finite`; an unknown
/// driver name fails to parse as [`LstsqDriver`] with [`LinalgError::InvalidArgument`].
pub fn lstsq<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    b: &Array<T, B>,
    options: &LstsqOptions,
) -> Result<Lstsq<T, B>> {
    const F: &str = "linalg.lstsq";
    if a.ndim() != 2 || !(1..=2).contains(&b.ndim()) || b.shape()[0] != a.shape()[0] {
        return Err(LinalgError::shapes(
            F,
            format!(
                "`a` must be (M, N) and `b` (M,) or (M, K); got {:?} and {:?}",
                a.shape(),
                b.shape()
            ),
        ));
    }
    args::check_finite(F, "a", a, options.check_finite)?;
    args::check_finite(F, "b", b, options.check_finite)?;
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let vector = b.ndim() == 1;
    let b2 = if vector { b.expand_dims(-1)? } else { b.clone() };
    let k = b2.shape()[1];
    let driver = options.lapack_driver;
    let eps = T::Re::EPSILON.to_f64();
    let cond = options.cond.filter(|c| !c.is_nan());
    let squared_norms = |r: &Array<T, B>| -> Result<Array<T::Re, B>> {
        let sq = r.abs()?.square()?.sum(0, false)?;
        Ok(if vector { sq.reshape(&[])? } else { sq })
    };
    let empty = || Array::<T::Re, B>::zeros(&[0]);
    let (x, residues, rank, s) = if m == 0 || n == 0 {
        // Nothing to factor (SciPy returns before calling LAPACK): x = 0, and for N == 0 the
        // whole of b is residual.
        let residues = if n == 0 { squared_norms(&b2)? } else { empty()? };
        let s = (driver != LstsqDriver::Gelsy).then(empty).transpose()?;
        (Array::<T, B>::zeros(&[n, k])?, residues, 0, s)
    } else if driver == LstsqDriver::Gelsy {
        let (x, rank) = lstsq_gelsy::solve(F, a, &b2, cond.unwrap_or(eps))?;
        (x, empty()?, rank, None)
    } else {
        let (atol, rtol) = match driver {
            LstsqDriver::Gelss => (T::Re::MIN_POSITIVE.to_f64(), cond.filter(|c| *c >= 0.0).unwrap_or(eps)),
            _ => (0.0, cond.filter(|c| *c > 0.0 && *c < 1.0).unwrap_or(eps)),
        };
        let (x, rank, s) = svd_solve(F, a, &b2, atol, rtol)?;
        let residues = if m > n && rank == n {
            squared_norms(&(&a.matmul(&x)? - &b2)?)?
        } else {
            empty()?
        };
        (x, residues, rank, Some(s))
    };
    let x = if vector { x.reshape(&[n as isize])? } else { x };
    Ok(Lstsq { x, residues, rank, s })
}

/// `x = V diag(1/s) U^H b` over the singular values `s > atol + rtol * s_max`, the rank and
/// `s`, for `a` `(M, N)` and `b2` `(M, K)` with `M, N > 0`.
///
/// For `M >= 2N` the SVD is taken of the `N x N` factor of an economic QR, `A = Q R`,
/// `R = U_r S V^H`, so `x = V S^+ U_r^H (Q^H b)` with the same `S`: QR then a small SVD costs
/// about `4MN^2 + O(N^3)` against about `8MN^2` for the SVD of the tall matrix with its `U`.
/// The crossover is near `M = 1.6 N` (LAPACK's `?gelsd` switches there); `2N` leaves a margin
/// because the QR kernel forms `Q` explicitly rather than applying reflectors to `b`.
fn svd_solve<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    b2: &Array<T, B>,
    atol: f64,
    rtol: f64,
) -> Result<(Array<T, B>, usize, Array<T::Re, B>)> {
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let missing = || LinalgError::NoConvergence {
        function,
        iterations: None,
    };
    let (f, rhs) = if m >= 2 * n {
        let g = B::qr(function, a, QrShape::Economic, false)?;
        let q = g.q.ok_or_else(missing)?;
        (B::svd(function, &g.r, false, true)?, args::adjoint(&q)?.matmul(b2)?)
    } else {
        (B::svd(function, a, false, true)?, b2.clone())
    };
    let (Some(u), Some(vh)) = (f.u, f.vh) else {
        return Err(missing());
    };
    let s = f.s;
    let (inv_s, rank) = (inverted_rows(&s, atol, rtol)?, rank_of(&s, atol, rtol)?);
    let uhb = args::adjoint(&u)?.matmul(&rhs)?;
    let scaled = (&uhb * &inv_s.astype::<T>()?.expand_dims(-1)?)?;
    let x = args::adjoint(&vh)?.matmul(&scaled)?;
    Ok((x, rank, s))
}

/// Where `s > atol + rtol * max(s)`, the maximum taken per matrix (over the last axis of `s`,
/// `(..., K)`): the singular values (or `|eigenvalues|`) that count as nonzero.
fn kept<R: LinalgScalar<Re = R> + RealFloat, B: LinalgBackend>(
    s: &Array<R, B>,
    atol: f64,
    rtol: f64,
) -> Result<Array<bool, B>> {
    if s.size() == 0 {
        return Ok(s.greater(&args::scalar(R::ZERO)?)?);
    }
    let smax = s.max(-1isize, true)?;
    let cut = (&(&smax * &args::scalar(R::from_f64(rtol))?)? + &args::scalar(R::from_f64(atol))?)?;
    Ok(s.greater(&cut)?)
}

/// `1 / s` where [`kept`], 0 elsewhere.
fn inverted_rows<R: LinalgScalar<Re = R> + RealFloat, B: LinalgBackend>(
    s: &Array<R, B>,
    atol: f64,
    rtol: f64,
) -> Result<Array<R, B>> {
    let keep = kept(s, atol, rtol)?;
    let safe = xp_core::array::searching::where_(&keep, s, &args::scalar(R::ONE)?)?;
    let zero = args::scalar(R::ZERO)?;
    Ok(xp_core::array::searching::where_(&keep, &safe.reciprocal()?, &zero)?)
}

/// How many values of one matrix's `s` are [`kept`].
fn rank_of<R: LinalgScalar<Re = R> + RealFloat, B: LinalgBackend>(
    s: &Array<R, B>,
    atol: f64,
    rtol: f64,
) -> Result<usize> {
    let rank = kept(s, atol, rtol)?
        .astype::<i64>()?
        .sum(xp_core::ALL, false)?
        .to_scalar()?;
    Ok(usize::try_from(rank).unwrap_or(0))
}

/// Keyword arguments of [`pinv`], [`pinvh`] and [`matrix_rank`] (SciPy's `atol`, `rtol`,
/// `return_rank`, `check_finite`; `lower` for [`pinvh`]).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct PinvOptions {
    /// Absolute threshold for small singular values (default 0).
    pub atol: Option<f64>,
    /// Relative threshold (default `max(M, N) * eps`).
    pub rtol: Option<f64>,
    /// [`pinvh`] only: read the lower triangle (default `true`).
    pub lower: bool,
    /// Fail on NaN or infinity in the input (default `true`).
    pub check_finite: bool,
}

impl Default for PinvOptions {
    fn default() -> Self {
        PinvOptions {
            atol: None,
            rtol: None,
            lower: true,
            check_finite: true,
        }
    }
}

impl PinvOptions {
    /// Sets `atol`.
    pub fn atol(mut self, v: Option<f64>) -> Self {
        self.atol = v;
        self
    }
    /// Sets `rtol`.
    pub fn rtol(mut self, v: Option<f64>) -> Self {
        self.rtol = v;
        self
    }
    /// Sets `lower` ([`pinvh`]).
    pub fn lower(mut self, v: bool) -> Self {
        self.lower = v;
        self
    }
    /// Sets `check_finite`.
    pub fn check_finite(mut self, v: bool) -> Self {
        self.check_finite = v;
        self
    }

    /// `(atol, rtol)` with SciPy's defaults for an `(M, N)` problem.
    fn tolerances<R: RealFloat>(&self, m: usize, n: usize) -> (f64, f64) {
        let atol = self.atol.unwrap_or(0.0).max(0.0);
        let rtol = self.rtol.unwrap_or(m.max(n) as f64 * R::EPSILON.to_f64()).max(0.0);
        (atol, rtol)
    }
}

/// Moore-Penrose pseudo-inverse of `a` `(..., M, N)` through the SVD, SciPy's `pinv`
/// (singular values `<= atol + rtol * max(s)` of each matrix count as zero).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{pinv, PinvOptions};
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 0.0], &[2, 2])?; // rank 1
/// assert_eq!(pinv(&a, &PinvOptions::default())?.to_vec()?, vec![1.0, 0.0, 0.0, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] unless `a` has at least 2 dimensions;
/// [`LinalgError::NoConvergence`]; [`LinalgError::NonFinite`] with `check_finite`.
pub fn pinv<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &PinvOptions) -> Result<Array<T, B>> {
    const F: &str = "linalg.pinv";
    let (_, m, n) = args::matrix(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    let f = B::svd(F, a, false, true)?;
    let (Some(u), Some(vh)) = (f.u, f.vh) else {
        return Err(LinalgError::NoConvergence {
            function: F,
            iterations: None,
        });
    };
    let (atol, rtol) = options.tolerances::<T::Re>(m, n);
    let inv_s = inverted_rows(&f.s, atol, rtol)?;
    let vs = (&args::adjoint(&vh)? * &inv_s.astype::<T>()?.expand_dims(-2)?)?;
    Ok(vs.matmul(&args::adjoint(&u)?)?)
}

/// Pseudo-inverse of a Hermitian `a` `(..., N, N)` through its eigendecomposition, SciPy's `pinvh`
/// (eigenvalues with `|w| <= atol + rtol * max |w|` count as zero).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{pinvh, PinvOptions};
/// let a = Array::<f64>::from_vec(vec![2.0, 0.0, 0.0, 0.0], &[2, 2])?;
/// assert_eq!(pinvh(&a, &PinvOptions::default())?.to_vec()?, vec![0.5, 0.0, 0.0, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`]; [`LinalgError::NoConvergence`]; [`LinalgError::NonFinite`].
pub fn pinvh<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &PinvOptions) -> Result<Array<T, B>> {
    const F: &str = "linalg.pinvh";
    let n = args::square(F, "a", a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    let (w, v) = B::eigh(F, a, options.lower, true)?;
    let Some(v) = v else {
        return Err(LinalgError::NoConvergence {
            function: F,
            iterations: None,
        });
    };
    // Eigenvalues with |w| <= atol + rtol * max|w| (per matrix) count as zero; the others invert.
    let (atol, rtol) = options.tolerances::<T::Re>(n, n);
    let inv_abs = inverted_rows(&w.abs()?, atol, rtol)?;
    let inv = (&inv_abs * &w.sign()?)?;
    let vs = (&v * &inv.astype::<T>()?.expand_dims(-2)?)?;
    Ok(vs.matmul(&args::adjoint(&v)?)?)
}

/// The rank of `a` `(M, N)`: the number of singular values above `atol + rtol * s_max`
/// (default `rtol = max(M, N) * eps`), NumPy's / the array API's `matrix_rank`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::{matrix_rank, PinvOptions};
/// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 2.0, 4.0], &[2, 2])?;
/// assert_eq!(matrix_rank(&a, &PinvOptions::default())?, 1);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] unless `a` is 2-D; [`LinalgError::NoConvergence`].
pub fn matrix_rank<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, options: &PinvOptions) -> Result<usize> {
    const F: &str = "linalg.matrix_rank";
    two_d(F, a)?;
    args::check_finite(F, "a", a, options.check_finite)?;
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let s = B::svd(F, a, false, false)?.s;
    let (atol, rtol) = options.tolerances::<T::Re>(m, n);
    rank_of(&s, atol, rtol)
}

fn two_d<T: LinalgScalar, B: LinalgBackend>(f: &'static str, a: &Array<T, B>) -> Result<()> {
    if a.ndim() != 2 {
        return Err(LinalgError::shapes(
            f,
            format!("`a` must be 2-D, got shape {:?}", a.shape()),
        ));
    }
    Ok(())
}
