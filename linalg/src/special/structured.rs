//! Matrices built from vectors: Toeplitz, Hankel, circulant, convolution, companion, Fiedler and
//! Leslie matrices. Each gathers the input's elements (plus a zero or a one appended along the
//! last axis) with an index grid, so a batch of vectors `(..., n)` gives a batch of matrices.

use std::str::FromStr;

use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::concat;
use xp_core::{ALL, Array, Backend, Element, Float, Numeric};

use super::{Result, append_value, as_vector, broadcast_batches, conj_any, gather, invalid, record};
use crate::error::LinalgError;

/// A Toeplitz matrix (constant diagonals) with first column `c` and first row `r`
/// (`scipy.linalg.toeplitz(c, r=None)`): `A[i, j] = c[i - j]` for `i >= j`, `r[j - i]` above the
/// diagonal, so `r[0]` is ignored. Without `r`, `r = conj(c)` (a Hermitian matrix when `c[0]` is
/// real).
///
/// Batched like SciPy 1.17: `c` of shape `(..., n)` and `r` of shape `(..., m)` broadcast their
/// batch dimensions and give `(..., n, m)`. A 0-D input is a vector of one element.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::toeplitz;
/// let c = Array::<i64>::from_slice(&[1, 2, 3])?;
/// let r = Array::<i64>::from_slice(&[1, 4, 5, 6])?;
/// let t = toeplitz(&c, Some(&r))?;
/// assert_eq!(t.shape(), &[3, 4]);
/// assert_eq!(t.to_vec()?, vec![1, 4, 5, 6, 2, 1, 4, 5, 3, 2, 1, 4]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// A broadcast error (`xp_core::Error::Broadcast` inside [`LinalgError`]) if the batch dimensions
/// of `c` and `r` do not broadcast; a device mismatch.
pub fn toeplitz<T: Element, B: Backend>(c: &Array<T, B>, r: Option<&Array<T, B>>) -> Result<Array<T, B>> {
    const F: &str = "linalg.toeplitz";
    record::<B>(F);
    let c = as_vector(c)?;
    let r = match r {
        Some(r) => as_vector(r)?,
        None => conj_any(&c)?,
    };
    let (c, r) = broadcast_batches(F, &c, &r)?;
    let (n, m) = (last(&c), last(&r));
    let vals = concat(&[&c, &r], Some(-1))?;
    let mut idx = Vec::with_capacity(n * m);
    for i in 0..n {
        for j in 0..m {
            idx.push(if i >= j { (i - j) as i64 } else { (n + j - i) as i64 });
        }
    }
    gather(&vals, idx, n, m)
}

/// A Hankel matrix (constant anti-diagonals) with first column `c` and last row `r`
/// (`scipy.linalg.hankel(c, r=None)`): `A[i, j] = c[i + j]` for `i + j < n`, else
/// `r[i + j - n + 1]`, so `r[0]` is ignored. Without `r`, `r = zeros_like(c)`.
///
/// As SciPy 1.17 does, inputs with more than one dimension are flattened (SciPy warns that they
/// will become batches in 1.19); a 0-D input is a vector of one element. The result is
/// `(len(c), len(r))`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::hankel;
/// let c = Array::<i64>::from_slice(&[1, 17, 99])?;
/// assert_eq!(hankel(&c, None)?.to_vec()?, vec![1, 17, 99, 17, 99, 0, 99, 0, 0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// Only a device mismatch or a backend failure.
pub fn hankel<T: Element, B: Backend>(c: &Array<T, B>, r: Option<&Array<T, B>>) -> Result<Array<T, B>> {
    const F: &str = "linalg.hankel";
    record::<B>(F);
    let c = c.flatten()?;
    let r = match r {
        Some(r) => r.flatten()?,
        None => c.zeros_like()?,
    };
    let (n, m) = (c.size(), r.size());
    let vals = concat(&[&c, &r], Some(-1))?;
    let mut idx = Vec::with_capacity(n * m);
    for i in 0..n {
        for j in 0..m {
            let k = i + j;
            idx.push(if k < n { k as i64 } else { (k + 1) as i64 });
        }
    }
    gather(&vals, idx, n, m)
}

/// A circulant matrix with first column `c` (`scipy.linalg.circulant(c)`):
/// `A[i, j] = c[(i - j) mod n]`. A batch `(..., n)` gives `(..., n, n)`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::circulant;
/// let c = Array::<i32>::from_slice(&[1, 2, 3])?;
/// assert_eq!(circulant(&c)?.to_vec()?, vec![1, 3, 2, 2, 1, 3, 3, 2, 1]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// Only a backend failure.
pub fn circulant<T: Element, B: Backend>(c: &Array<T, B>) -> Result<Array<T, B>> {
    record::<B>("linalg.circulant");
    let c = as_vector(c)?;
    let n = last(&c);
    let mut idx = Vec::with_capacity(n * n);
    for i in 0..n {
        for j in 0..n {
            idx.push(((i + n - j) % n) as i64);
        }
    }
    gather(&c, idx, n, n)
}

/// Which part of the full convolution [`convolution_matrix`] keeps (SciPy's `mode`, as in
/// `numpy.convolve`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ConvolutionMode {
    /// Every overlap: `m + n - 1` rows (the default).
    #[default]
    Full,
    /// The central `max(m, n)` rows.
    Same,
    /// Full overlaps only: `max(m, n) - min(m, n) + 1` rows.
    Valid,
}

impl FromStr for ConvolutionMode {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "full" => Ok(ConvolutionMode::Full),
            "same" => Ok(ConvolutionMode::Same),
            "valid" => Ok(ConvolutionMode::Valid),
            _ => Err(invalid(
                "linalg.convolution_matrix",
                "mode",
                s,
                "must be one of 'full', 'valid', 'same'",
            )),
        }
    }
}

/// The Toeplitz matrix of one-dimensional convolution with `a`
/// (`scipy.linalg.convolution_matrix(a, n, mode)`): `A @ v` equals `numpy.convolve(a, v, mode)`
/// for `v` of length `n`. In full mode `A[i, j] = a[i - j]` when `0 <= i - j < m`, else 0; `same`
/// and `valid` keep the central rows. A batch `(..., m)` gives `(..., k, n)`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::{ConvolutionMode, convolution_matrix};
/// let a = Array::<f64>::from_slice(&[1.0, 2.0, 3.0])?;
/// let full = convolution_matrix(&a, 2, ConvolutionMode::Full)?;
/// assert_eq!(full.to_vec()?, vec![1.0, 0.0, 2.0, 1.0, 3.0, 2.0, 0.0, 3.0]);
/// assert_eq!(convolution_matrix(&a, 5, "same".parse()?)?.shape(), &[5, 5]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` (in [`LinalgError`]) if `n` is 0 or `a` is 0-D or has no element along
/// its last axis.
pub fn convolution_matrix<T: Numeric, B: Backend>(
    a: &Array<T, B>,
    n: usize,
    mode: ConvolutionMode,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.convolution_matrix";
    record::<B>(F);
    if a.ndim() == 0 || last(a) == 0 {
        return Err(invalid(F, "a", a.shape(), "len(a) must be at least 1"));
    }
    if n == 0 {
        return Err(invalid(F, "n", n, "n must be a positive integer"));
    }
    let m = last(a);
    let (rows, offset) = match mode {
        ConvolutionMode::Full => (m + n - 1, 0),
        ConvolutionMode::Same => (m.max(n), (m.min(n) - 1) / 2),
        ConvolutionMode::Valid => (m.max(n) - m.min(n) + 1, m.min(n) - 1),
    };
    let vals = append_value(a, T::ZERO)?;
    let mut idx = Vec::with_capacity(rows * n);
    for i in 0..rows {
        for j in 0..n {
            let d = (i + offset) as i64 - j as i64;
            idx.push(if (0..m as i64).contains(&d) { d } else { m as i64 });
        }
    }
    gather(&vals, idx, rows, n)
}

/// The companion matrix of the polynomial with coefficients `a` (highest degree first)
/// (`scipy.linalg.companion(a)`): first row `-a[1:] / a[0]`, ones on the first subdiagonal.
/// A batch `(..., N)` gives `(..., N-1, N-1)`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::companion;
/// let a = Array::<f64>::from_slice(&[1.0, -10.0, 31.0, -30.0])?;
/// assert_eq!(companion(&a)?.to_vec()?, vec![10.0, -31.0, 30.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` if `a` has fewer than 2 elements along its last axis (or is 0-D), or if a
/// leading coefficient `a[..., 0]` is zero.
pub fn companion<T: Float, B: Backend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.companion";
    record::<B>(F);
    if a.ndim() == 0 || last(a) < 2 {
        return Err(invalid(
            F,
            "a",
            a.shape(),
            "the length of `a` along the last axis must be at least 2",
        ));
    }
    let n = last(a) - 1;
    let scaled = monic_tail(F, a, true)?;
    let vals = append_value(&append_value(&scaled, T::ONE)?, T::ZERO)?;
    let mut idx = Vec::with_capacity(n * n);
    for i in 0..n {
        for j in 0..n {
            idx.push(if i == 0 {
                j as i64
            } else if i == j + 1 {
                n as i64
            } else {
                n as i64 + 1
            });
        }
    }
    gather(&vals, idx, n, n)
}

/// `-a[..., 1:] / a[..., :1]`, after checking (when `check`) that no leading coefficient is zero.
fn monic_tail<T: Float, B: Backend>(function: &'static str, a: &Array<T, B>, check: bool) -> Result<Array<T, B>> {
    let lead = a.slice(&[Idx::Ellipsis, Idx::range(0, 1)])?;
    if check && lead.size() > 0 && lead.equal(&lead.zeros_like()?)?.any(ALL, false)?.to_scalar()? {
        return Err(invalid(
            function,
            "a",
            a.shape(),
            "the first coefficient(s) of `a` (elements of `a[..., 0]`) must not be zero",
        ));
    }
    let tail = a.slice(&[
        Idx::Ellipsis,
        Idx::Slice {
            start: Some(1),
            stop: None,
            step: 1,
        },
    ])?;
    Ok((-(&tail / &lead)?)?)
}

/// The Fiedler matrix of `a` (`scipy.linalg.fiedler(a)`): `F[i, j] = |a[i] - a[j]|`, symmetric
/// with a zero diagonal, in the real type of `a` (complex input gives moduli, as SciPy). A batch
/// `(..., n)` gives `(..., n, n)`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::fiedler;
/// let a = Array::<f64>::from_slice(&[1.0, 4.0, 12.0])?;
/// assert_eq!(fiedler(&a)?.to_vec()?, vec![0.0, 3.0, 11.0, 3.0, 0.0, 8.0, 11.0, 8.0, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// Only a backend failure.
pub fn fiedler<T: Float, B: Backend>(a: &Array<T, B>) -> Result<Array<T::Real, B>> {
    record::<B>("linalg.fiedler");
    let a = as_vector(a)?;
    let d = (&a.expand_dims(-1)? - &a.expand_dims(-2)?)?;
    Ok(d.abs()?)
}

/// The Fiedler companion matrix of the polynomial `a` (highest degree first)
/// (`scipy.linalg.fiedler_companion(a)`): a pentadiagonal matrix whose eigenvalues are the roots
/// of `a`. Coefficients are divided by the leading one first. A batch `(..., N)` gives
/// `(..., N-1, N-1)`; for `N < 2` the result is empty with shape `(..., 0)`, as SciPy's.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::fiedler_companion;
/// let p = Array::<f64>::from_slice(&[1.0, -16.0, 86.0, -176.0, 105.0])?; // roots 1, 3, 5, 7
/// let fc = fiedler_companion(&p)?;
/// assert_eq!(fc.to_vec()?, vec![16.0, -86.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 176.0, 0.0, -105.0, 0.0, 1.0, 0.0, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` if `N > 2` and a leading coefficient is zero (for `N = 2` the single entry
/// is `-a[1] / a[0]`, infinite or NaN for a zero `a[0]`, as in SciPy).
pub fn fiedler_companion<T: Float, B: Backend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.fiedler_companion";
    record::<B>(F);
    let a = as_vector(a)?;
    let big = last(&a);
    if big < 2 {
        let mut s = a.shape().to_vec();
        if let Some(l) = s.last_mut() {
            *l = 0;
        }
        return Ok(Array::from_vec_on(Vec::new(), &s, &a.device())?);
    }
    let n = big - 1;
    // vals[k - 1] = -a[k] / a[0] (k = 1..=n), vals[n] = 1, vals[n + 1] = 0.
    let scaled = monic_tail(F, &a, big > 2)?;
    let vals = append_value(&append_value(&scaled, T::ONE)?, T::ZERO)?;
    let (one, zero) = (n as i64, n as i64 + 1);
    let mut idx = vec![zero; n * n];
    let mut put = |i: usize, j: usize, v: i64| {
        if i < n && j < n {
            idx[i * n + j] = v;
        }
    };
    put(0, 0, 0);
    put(1, 0, one);
    for i in (0..n).step_by(2) {
        // Even rows: -a[i + 2] right of the diagonal, -a[i + 1] left of it (from row 2), a one
        // two places right; odd rows from 3 hold a one two places left.
        put(i, i + 1, i as i64 + 1);
        if i >= 2 {
            put(i, i - 1, i as i64);
        }
        put(i, i + 2, one);
        put(i + 3, i + 1, one);
    }
    gather(&vals, idx, n, n)
}

/// The Leslie matrix of fecundity coefficients `f` (length `n`) and survival coefficients `s`
/// (length `n - 1`) (`scipy.linalg.leslie(f, s)`): `f` in the first row, `s` on the first
/// subdiagonal, zeros elsewhere. Batches of `f` `(..., n)` and `s` `(..., n-1)` broadcast.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::leslie;
/// let f = Array::<f64>::from_slice(&[0.1, 2.0, 1.0])?;
/// let s = Array::<f64>::from_slice(&[0.2, 0.8])?;
/// assert_eq!(leslie(&f, &s)?.to_vec()?, vec![0.1, 2.0, 1.0, 0.2, 0.0, 0.0, 0.0, 0.8, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` if `s` is empty or not one shorter than `f` (or either is 0-D); a
/// broadcast error if the batch dimensions do not broadcast.
pub fn leslie<T: Numeric, B: Backend>(f: &Array<T, B>, s: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.leslie";
    record::<B>(F);
    if f.ndim() == 0 || s.ndim() == 0 {
        return Err(invalid(F, "f", f.shape(), "f and s must be at least 1-D"));
    }
    if last(s) < 1 {
        return Err(invalid(F, "s", s.shape(), "the length of s must be at least 1"));
    }
    if last(s) + 1 != last(f) {
        return Err(invalid(
            F,
            "s",
            s.shape(),
            "the length of s along the last axis must be one less than the length of f",
        ));
    }
    let (f, s) = broadcast_batches(F, f, s)?;
    let n = last(&f);
    let vals = append_value(&concat(&[&f, &s], Some(-1))?, T::ZERO)?;
    let mut idx = Vec::with_capacity(n * n);
    for i in 0..n {
        for j in 0..n {
            idx.push(if i == 0 {
                j as i64
            } else if i == j + 1 {
                (n + j) as i64
            } else {
                (2 * n - 1) as i64
            });
        }
    }
    gather(&vals, idx, n, n)
}

/// Length of the last axis (0 for a 0-D array).
fn last<T: Element, B: Backend>(x: &Array<T, B>) -> usize {
    x.shape().last().copied().unwrap_or(0)
}
