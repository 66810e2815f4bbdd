//! The generic path: every transform written against the `xp-core` namespace only (reshape,
//! permute, slice, concat, pad, element-wise kernels, sums), so it runs on any backend's own
//! storage without a host transfer. It is the default body of every [`FftBackend`] method.
//!
//! - [`fft_rows`](rows::fft_rows): the complex DFT of each row of a `(batch, n)` array, a
//!   vectorised mixed-radix Cooley-Tukey recursion (radix 4, then the smallest prime factor up
//!   to 32) where each level is one permute, one twiddled butterfly product and one sum over
//!   the whole batch; lengths with a large prime factor use Bluestein's chirp-z algorithm on a
//!   power-of-two convolution, and small primes a direct DFT.
//! - Multi-axis transforms apply the 1-D transform axis by axis (moving the axis last).
//! - Real transforms go through complex ones: `r2c` keeps the first `n / 2 + 1` outputs; `c2r`
//!   rebuilds the Hermitian-symmetric spectrum; the DCT/DST use the classic even/odd
//!   extensions and phase factors ([`trig`]).
//!
//! Accuracy: twiddle factors are computed per element from exact integer angle reductions, so
//! errors grow like `O(log n)` ulps (Bluestein: a few more).
//!
//! [`FftBackend`]: crate::FftBackend

mod kernels;
mod rows;
mod trig;

use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::concat;
use xp_core::{Array, Backend, Numeric};

use crate::backend::{Direction, TrigKind};
use crate::element::FftReal;
use crate::error::Result;

pub(crate) use rows::fft_rows;

/// Complex type of precision `R`.
type C<R> = <R as FftReal>::Complex;

/// Generic complex-to-complex transform over `axes`, times `scale` (see [`crate::FftBackend::c2c`]).
///
/// ```
/// use xp_core::{Array, Strict, c64};
/// use xp_fft::{Direction, generic};
/// let x = Array::<c64, Strict>::ones(&[2, 4])?;
/// let y = generic::c2c::<Strict, f64>(&x, &[1], Direction::Forward, 0.5)?.to_vec()?;
/// assert!((y[0] - c64::new(2.0, 0.0)).norm() < 1e-15 && y[1].norm() < 1e-15);
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// Namespace failures.
pub fn c2c<B: Backend, R: FftReal>(
    x: &Array<C<R>, B>,
    axes: &[usize],
    direction: Direction,
    scale: f64,
) -> Result<Array<C<R>, B>> {
    let y = c2c_unscaled::<B, R>(x, axes, direction)?;
    scaled(y, scale)
}

/// Generic real-to-complex transform (see [`crate::FftBackend::r2c`]).
///
/// ```
/// use xp_core::{Array, Strict};
/// use xp_fft::{Direction, generic};
/// let x = Array::<f64, Strict>::ones(&[6])?;
/// let y = generic::r2c::<Strict, f64>(&x, &[0], Direction::Forward, 1.0)?;
/// assert_eq!(y.shape(), &[4]);
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// Namespace failures.
pub fn r2c<B: Backend, R: FftReal>(
    x: &Array<R, B>,
    axes: &[usize],
    direction: Direction,
    scale: f64,
) -> Result<Array<C<R>, B>> {
    let c = x.astype::<C<R>>()?;
    let Some((&last, rest)) = axes.split_last() else {
        return scaled(c, scale);
    };
    let n = c.shape().get(last).copied().unwrap_or(1);
    let full = along_axis(&c, last, |rows| fft_rows::<B, R>(rows, direction))?;
    let half = axis_slice(&full, last, Idx::range(0, (n / 2 + 1) as isize))?;
    let out = c2c_unscaled::<B, R>(&half, rest, direction)?;
    scaled(out, scale)
}

/// Generic complex-to-real transform (see [`crate::FftBackend::c2r`]).
///
/// ```
/// use xp_core::{Array, Strict, c64};
/// use xp_fft::{Direction, generic};
/// let x = Array::<c64, Strict>::ones(&[3])?;
/// let y = generic::c2r::<Strict, f64>(&x, &[0], 4, Direction::Inverse, 0.25)?;
/// assert!(y.to_vec()?.iter().zip([1.0, 0.0, 0.0, 0.0]).all(|(a, b)| (a - b).abs() < 1e-15));
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// Namespace failures.
pub fn c2r<B: Backend, R: FftReal>(
    x: &Array<C<R>, B>,
    axes: &[usize],
    n: usize,
    direction: Direction,
    scale: f64,
) -> Result<Array<R, B>> {
    let Some((&last, rest)) = axes.split_last() else {
        return scaled(x.real()?, scale);
    };
    let y = c2c_unscaled::<B, R>(x, rest, direction)?;
    let full = hermitian_extend::<B, R>(&y, last, n)?;
    let z = along_axis(&full, last, |rows| fft_rows::<B, R>(rows, direction))?;
    scaled(z.real()?, scale)
}

/// Generic DCT/DST over `axes` (see [`crate::FftBackend::r2r`]).
///
/// ```
/// use xp_core::{Array, Strict};
/// use xp_fft::{TrigKind, generic};
/// let x = Array::<f64, Strict>::ones(&[4])?;
/// let y = generic::r2r::<Strict, f64>(&x, &[0], TrigKind::Dct2, 1.0, false)?.to_vec()?;
/// assert!((y[0] - 8.0).abs() < 1e-12 && y[1..].iter().all(|v| v.abs() < 1e-12));
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// Namespace failures.
pub fn r2r<B: Backend, R: FftReal>(
    x: &Array<R, B>,
    axes: &[usize],
    kind: TrigKind,
    scale: f64,
    orthogonalize: bool,
) -> Result<Array<R, B>> {
    let mut y = x.clone();
    for &axis in axes {
        y = along_axis(&y, axis, |rows| trig::trig_rows::<B, R>(rows, kind, orthogonalize))?;
    }
    scaled(y, scale)
}

/// The complex transform over `axes` without scaling.
fn c2c_unscaled<B: Backend, R: FftReal>(
    x: &Array<C<R>, B>,
    axes: &[usize],
    direction: Direction,
) -> Result<Array<C<R>, B>> {
    let mut y = x.clone();
    for &axis in axes {
        y = along_axis(&y, axis, |rows| fft_rows::<B, R>(rows, direction))?;
    }
    Ok(y)
}

/// `x * scale` (no work when `scale` is 1).
pub(crate) fn scaled<T: Numeric, B: Backend>(x: Array<T, B>, scale: f64) -> Result<Array<T, B>> {
    if scale == 1.0 {
        return Ok(x);
    }
    Ok((&x * T::from_f64(scale))?)
}

/// Applies `f` to `x` viewed as rows along `axis`: `x` is moved so `axis` is last and flattened
/// to `(batch, n)`; `f` returns `(batch, n_out)`, which is put back in place with `n_out` on
/// `axis`.
pub(crate) fn along_axis<T, U, B, F>(x: &Array<T, B>, axis: usize, f: F) -> Result<Array<U, B>>
where
    T: xp_core::Element,
    U: xp_core::Element,
    B: Backend,
    F: FnOnce(&Array<T, B>) -> Result<Array<U, B>>,
{
    let nd = x.ndim();
    let Some(last) = nd.checked_sub(1) else {
        return Err(xp_core::Error::AxisOutOfRange {
            function: "fft.along_axis",
            axis: axis as isize,
            ndim: nd,
        }
        .into());
    };
    let moved = if axis == last {
        x.clone()
    } else {
        x.moveaxis(&[axis as isize], &[-1])?
    };
    let mut shape: Vec<isize> = moved.shape().iter().map(|&d| d as isize).collect();
    let n = shape.last().copied().unwrap_or(1);
    let batch: isize = shape.iter().take(last).product();
    let out = f(&moved.reshape(&[batch, n])?)?;
    if let Some(l) = shape.last_mut() {
        *l = out.shape().get(1).copied().unwrap_or(0) as isize;
    }
    let out = out.reshape(&shape)?;
    if axis == last {
        Ok(out)
    } else {
        Ok(out.moveaxis(&[-1], &[axis as isize])?)
    }
}

/// `x[..., idx, ...]` with `idx` on `axis` and full slices elsewhere.
pub(crate) fn axis_slice<T: xp_core::Element, B: Backend>(
    x: &Array<T, B>,
    axis: usize,
    idx: Idx,
) -> Result<Array<T, B>> {
    let index: Vec<Idx> = (0..x.ndim())
        .map(|a| if a == axis { idx } else { Idx::all() })
        .collect();
    Ok(x.slice(&index)?)
}

/// Rebuilds `n` values of a Hermitian-symmetric spectrum along `axis` from its first
/// `n / 2 + 1`: entry `k > n / 2` is `conj(x[n - k])`.
fn hermitian_extend<B: Backend, R: FftReal>(x: &Array<C<R>, B>, axis: usize, n: usize) -> Result<Array<C<R>, B>> {
    let m = x.shape().get(axis).copied().unwrap_or(0);
    let count = n.saturating_sub(m);
    if count == 0 {
        return Ok(x.clone());
    }
    let tail = axis_slice(x, axis, Idx::step(Some(count as isize), Some(0), -1))?.conj()?;
    Ok(concat(&[x, &tail], Some(axis as isize))?)
}

/// `0, 1, ..., n - 1` as `i64` on `device`.
pub(crate) fn index<B: Backend>(n: usize, device: &B::Device) -> Result<Array<i64, B>> {
    Ok(Array::from_storage(B::arange::<i64>(0.0, 1.0, n, device)?))
}
