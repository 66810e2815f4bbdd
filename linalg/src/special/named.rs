//! Named matrices of a given order: the DFT matrix, Hadamard, Helmert and Hilbert matrices and
//! the exact inverse of the Hilbert matrix. Their entries have closed forms, computed on the host
//! from `n` alone and uploaded to the backend's default device.

use std::str::FromStr;

use xp_core::{Array, Backend, ComplexFloat, Numeric, RealFloat};

use super::{Result, binom_exact, binom_f64, exact_value, invalid, record};
use crate::error::LinalgError;

/// Scaling of the [`dft`] matrix (SciPy's `scale`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DftScale {
    /// No scaling (SciPy's `None`, the default).
    #[default]
    None,
    /// Divide by `sqrt(n)`: the matrix is unitary (`'sqrtn'`).
    Sqrtn,
    /// Divide by `n` (`'n'`).
    N,
}

impl FromStr for DftScale {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "" | "none" | "None" => Ok(DftScale::None),
            "sqrtn" => Ok(DftScale::Sqrtn),
            "n" => Ok(DftScale::N),
            _ => Err(invalid("linalg.dft", "scale", s, "scale must be None, 'sqrtn', or 'n'")),
        }
    }
}

/// The `n x n` discrete Fourier transform matrix (`scipy.linalg.dft(n, scale=None)`):
/// `m[j, k] = exp(-2 pi i j k / n)`, optionally divided by `sqrt(n)` or `n`, so that
/// `m @ x` is `fft(x)`. The exponent is reduced modulo `n` before the exponential, so entries
/// are accurate to rounding for every `n`.
///
/// ```
/// use xp_core::{Array, Cpu, c64};
/// use xp_linalg::special::{DftScale, dft};
/// let m = dft::<c64, Cpu>(4, DftScale::None)?;
/// let x = Array::<c64>::from_slice(&[c64::new(1.0, 0.0); 4])?;
/// let y = m.matmul(&x)?.to_vec()?; // fft of a constant: [4, 0, 0, 0]
/// assert!((y[0].re - 4.0).abs() < 1e-12 && y[1].norm() < 1e-12);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// A size overflow for a huge `n`; a backend failure.
pub fn dft<T: ComplexFloat, B: Backend>(n: usize, scale: DftScale) -> Result<Array<T, B>> {
    record::<B>("linalg.dft");
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow("linalg.dft", n))?;
    let s = match scale {
        DftScale::None => 1.0,
        DftScale::Sqrtn => 1.0 / (n as f64).sqrt(),
        DftScale::N => 1.0 / n as f64,
    };
    let mut v = Vec::with_capacity(nn);
    for j in 0..n {
        for k in 0..n {
            let p = ((j as u128 * k as u128) % n as u128) as f64;
            let theta = -2.0 * std::f64::consts::PI * p / n as f64;
            v.push(T::new(
                <T::Real as Numeric>::from_f64(s * theta.cos()),
                <T::Real as Numeric>::from_f64(s * theta.sin()),
            ));
        }
    }
    Ok(Array::from_vec(v, &[n, n])?)
}

/// The `n x n` Hadamard matrix of Sylvester's construction (`scipy.linalg.hadamard(n, dtype)`):
/// `H[i, j] = (-1)^popcount(i & j)`, so that `H @ H.T = n I`. The element type is SciPy's
/// `dtype`.
///
/// ```
/// use xp_core::Cpu;
/// use xp_linalg::special::hadamard;
/// let h = hadamard::<i64, Cpu>(4)?;
/// assert_eq!(h.to_vec()?, vec![1, 1, 1, 1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, -1, 1]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` unless `n` is a positive power of 2.
pub fn hadamard<T: Numeric, B: Backend>(n: usize) -> Result<Array<T, B>> {
    const F: &str = "linalg.hadamard";
    record::<B>(F);
    if n == 0 || !n.is_power_of_two() {
        return Err(invalid(
            F,
            "n",
            n,
            "n must be a positive integer, and n must be a power of 2",
        ));
    }
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow(F, n))?;
    let mut v = Vec::with_capacity(nn);
    for i in 0..n {
        for j in 0..n {
            v.push(if (i & j).count_ones() % 2 == 0 {
                T::ONE
            } else {
                T::ONE.neg()
            });
        }
    }
    Ok(Array::from_vec(v, &[n, n])?)
}

/// The Helmert matrix of order `n` (`scipy.linalg.helmert(n, full=False)`): row 0 is
/// `1 / sqrt(n)` everywhere; row `i >= 1` has `1 / sqrt(i (i + 1))` in its first `i` columns,
/// `-i / sqrt(i (i + 1))` in column `i` and zeros after. The full matrix is orthogonal; without
/// `full` the first row is dropped, giving `(n - 1, n)`.
///
/// ```
/// use xp_core::Cpu;
/// use xp_linalg::special::helmert;
/// let h = helmert::<f64, Cpu>(2, false)?;
/// let s = 0.5f64.sqrt();
/// assert_eq!(h.shape(), &[1, 2]);
/// assert!((h.to_vec()?[0] - s).abs() < 1e-15 && (h.to_vec()?[1] + s).abs() < 1e-15);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` for `n = 0` (SciPy fails there too).
pub fn helmert<T: RealFloat, B: Backend>(n: usize, full: bool) -> Result<Array<T, B>> {
    const F: &str = "linalg.helmert";
    record::<B>(F);
    if n == 0 {
        return Err(invalid(F, "n", n, "the order must be at least 1"));
    }
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow(F, n))?;
    let mut v = Vec::with_capacity(nn);
    let first = if full { 0 } else { 1 };
    for i in first..n {
        for j in 0..n {
            let x = if i == 0 {
                1.0 / (n as f64).sqrt()
            } else {
                let d = ((i * (i + 1)) as f64).sqrt();
                match j.cmp(&i) {
                    std::cmp::Ordering::Less => 1.0 / d,
                    std::cmp::Ordering::Equal => -(i as f64) / d,
                    std::cmp::Ordering::Greater => 0.0,
                }
            };
            v.push(T::from_f64(x));
        }
    }
    Ok(Array::from_vec(v, &[n - first, n])?)
}

/// The `n x n` Hilbert matrix (`scipy.linalg.hilbert(n)`): `H[i, j] = 1 / (i + j + 1)`.
///
/// ```
/// use xp_core::Cpu;
/// use xp_linalg::special::hilbert;
/// let h = hilbert::<f64, Cpu>(2)?;
/// assert_eq!(h.to_vec()?, vec![1.0, 0.5, 0.5, 1.0 / 3.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// A size overflow for a huge `n`; a backend failure.
pub fn hilbert<T: RealFloat, B: Backend>(n: usize) -> Result<Array<T, B>> {
    record::<B>("linalg.hilbert");
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow("linalg.hilbert", n))?;
    let mut v = Vec::with_capacity(nn);
    for i in 0..n {
        for j in 0..n {
            v.push(T::from_f64(1.0 / (i + j + 1) as f64));
        }
    }
    Ok(Array::from_vec(v, &[n, n])?)
}

/// The inverse of the `n x n` Hilbert matrix (`scipy.linalg.invhilbert(n, exact=False)`), from
/// its closed form `(-1)^(i+j) (i+j+1) C(n+i, n-j-1) C(n+j, n-i-1) C(i+j, i)^2`.
///
/// With `exact = false` the binomials are computed in floating point and the result converted
/// to `T` (SciPy's float64 result). With `exact = true` the entries are computed in exact
/// integer arithmetic and must be exactly representable in `T`: `i64` holds them up to
/// `n = 14` (SciPy's int64 range; beyond it SciPy returns Python integers), `f64` while they
/// stay below `2^53`.
///
/// ```
/// use xp_core::Cpu;
/// use xp_linalg::special::invhilbert;
/// let inv = invhilbert::<i64, Cpu>(3, true)?;
/// assert_eq!(inv.to_vec()?, vec![9, -36, 30, -36, 192, -180, 30, -180, 180]);
/// assert!(invhilbert::<i64, Cpu>(15, true).is_err()); // entries beyond i64
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` (parameter `exact`) when `exact` is true and an entry is not exactly
/// representable in `T`; a size overflow for a huge `n`.
pub fn invhilbert<T: Numeric, B: Backend>(n: usize, exact: bool) -> Result<Array<T, B>> {
    const F: &str = "linalg.invhilbert";
    record::<B>(F);
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow(F, n))?;
    let mut v = vec![T::ZERO; nn];
    let nu = n as u64;
    for i in 0..n {
        for j in 0..=i {
            let (iu, ju) = (i as u64, j as u64);
            let s = iu + ju;
            let x = if exact {
                let val = (|| {
                    let a = binom_exact(nu + iu, nu - ju - 1)?;
                    let b = binom_exact(nu + ju, nu - iu - 1)?;
                    let c = binom_exact(s, iu)?;
                    let m = i128::from(s + 1)
                        .checked_mul(a)?
                        .checked_mul(b)?
                        .checked_mul(c)?
                        .checked_mul(c)?;
                    Some(if s % 2 == 0 { m } else { -m })
                })();
                match val {
                    Some(m) => exact_value::<T>(F, m)?,
                    None => {
                        return Err(invalid(
                            F,
                            "exact",
                            true,
                            &format!("the exact entries of invhilbert({n}) overflow 128-bit integers; use exact=false"),
                        ));
                    }
                }
            } else {
                let sign = if s % 2 == 0 { 1.0 } else { -1.0 };
                T::from_f64(
                    sign * (s + 1) as f64
                        * binom_f64(nu + iu, nu - ju - 1)
                        * binom_f64(nu + ju, nu - iu - 1)
                        * binom_f64(s, iu).powi(2),
                )
            };
            v[i * n + j] = x;
            v[j * n + i] = x;
        }
    }
    Ok(Array::from_vec(v, &[n, n])?)
}

/// The error for an `n x n` matrix that cannot be addressed.
pub(super) fn size_overflow(function: &'static str, n: usize) -> LinalgError {
    LinalgError::from(xp_core::Error::SizeOverflow {
        function,
        shape: vec![n, n],
    })
}
