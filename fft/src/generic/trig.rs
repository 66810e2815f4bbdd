//! DCT and DST types 1-4 of each row of a `(batch, n)` real array through complex FFTs of
//! length about `2n`, with SciPy's unnormalised definitions:
//!
//! | kind | construction |
//! |---|---|
//! | DCT-I | even extension `[x, x[n-2..1]]` (length `2(n-1)`), real part of its FFT |
//! | DCT-II | `[x, reverse(x)]` (length `2n`), `y_k = Re(exp(-i pi k / 2n) V_k)` |
//! | DCT-III | `z_j = x_j exp(i pi j / 2n)` padded to `2n`, inverse FFT, `y_k = 2 Re(Z_k) - x_0` |
//! | DCT-IV | `z_j = x_j exp(-i pi j / 2n)` padded to `2n`, FFT, `y_k = 2 Re(exp(-i pi (2k+1) / 4n) Z_k)` |
//! | DST-I | odd extension `[0, x, 0, -reverse(x)]` (length `2(n+1)`), `y_k = -Im(V_(k+1))` |
//! | DST-II | `reverse(DCT-II((-1)^j x_j))` |
//! | DST-III | `(-1)^k DCT-III(reverse(x))_k` |
//! | DST-IV | `(-1)^k DCT-IV(reverse(x))_k` |
//!
//! With `orthogonalize`, SciPy's boundary factors are applied before and after (DCT-I: `x_0`,
//! `x_(n-1)` times `sqrt 2` and `y_0`, `y_(n-1)` over `sqrt 2`; DCT-II: `y_0 / sqrt 2`;
//! DCT-III: `x_0 sqrt 2`; DST-II: `y_(n-1) / sqrt 2`; DST-III: `x_(n-1) sqrt 2`).

use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::concat;
use xp_core::array::updates::PadMode;
use xp_core::{Array, Backend, Numeric};

use super::kernels::{Phase, Weight};
use super::rows::fft_rows;
use super::{C, axis_slice, index};
use crate::backend::{Direction, TrigKind};
use crate::element::FftReal;
use crate::error::Result;

/// The transform of each row of `x` (shape `(batch, n)`, `n >= 1`; `n >= 2` for DCT-I).
pub(crate) fn trig_rows<B: Backend, R: FftReal>(
    x: &Array<R, B>,
    kind: TrigKind,
    orthogonalize: bool,
) -> Result<Array<R, B>> {
    let (b, n) = match x.shape() {
        [b, n] => (*b, *n),
        _ => return Ok(x.clone()),
    };
    if b == 0 || n == 0 {
        return Ok(x.clone());
    }
    let (pre, post) = if orthogonalize {
        kind.orthogonal_edges()
    } else {
        ((1.0, 1.0), (1.0, 1.0))
    };
    let x = weighted(x, n, pre)?;
    let y = match kind {
        TrigKind::Dct1 => dct1::<B, R>(&x, n)?,
        TrigKind::Dct2 => dct2::<B, R>(&x, n)?,
        TrigKind::Dct3 => dct3::<B, R>(&x, n)?,
        TrigKind::Dct4 => dct4::<B, R>(&x, n)?,
        TrigKind::Dst1 => dst1::<B, R>(&x, n)?,
        TrigKind::Dst2 => reversed(&dct2::<B, R>(&alternate(&x, n)?, n)?)?,
        TrigKind::Dst3 => alternate(&dct3::<B, R>(&reversed(&x)?, n)?, n)?,
        TrigKind::Dst4 => alternate(&dct4::<B, R>(&reversed(&x)?, n)?, n)?,
    };
    weighted(&y, n, post)
}

/// `x` with its first and last columns scaled by `(first, last)`.
fn weighted<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize, (first, last): (f64, f64)) -> Result<Array<R, B>> {
    if first == 1.0 && last == 1.0 {
        return Ok(x.clone());
    }
    let w = index::<B>(n, &x.device())?.map1(Weight::<R>::edges(n, first, last))?;
    Ok((x * &w.reshape(&[1, n as isize])?)?)
}

/// `x_j (-1)^j` along the rows.
fn alternate<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize) -> Result<Array<R, B>> {
    let w = index::<B>(n, &x.device())?.map1(Weight::<R>::alternating(n))?;
    Ok((x * &w.reshape(&[1, n as isize])?)?)
}

/// The rows reversed.
fn reversed<T: xp_core::Element, B: Backend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    axis_slice(x, 1, Idx::step(None, None, -1))
}

/// Columns `start..stop` of the rows.
fn columns<T: xp_core::Element, B: Backend>(x: &Array<T, B>, start: usize, stop: usize) -> Result<Array<T, B>> {
    axis_slice(x, 1, Idx::range(start as isize, stop as isize))
}

/// A phase row `exp(sign i pi (lin k + add) / den)` for `k < n`, shape `(1, n)`.
fn phase<B: Backend, R: FftReal>(
    n: usize,
    lin: i64,
    add: i64,
    den: usize,
    sign: f64,
    dev: &B::Device,
) -> Result<Array<C<R>, B>> {
    let p = index::<B>(n, dev)?.map1(Phase::<R>::linear(lin, add, den, sign))?;
    Ok(p.reshape(&[1, n as isize])?)
}

/// Forward FFT of the real rows `v`.
fn fft_real<B: Backend, R: FftReal>(v: &Array<R, B>) -> Result<Array<C<R>, B>> {
    fft_rows::<B, R>(&v.astype::<C<R>>()?, Direction::Forward)
}

fn dct1<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize) -> Result<Array<R, B>> {
    if n < 2 {
        return Ok(x.clone());
    }
    // x[n-2], ..., x[1]
    let mid = axis_slice(x, 1, Idx::step(Some(n as isize - 2), Some(0), -1))?;
    let v = concat(&[x, &mid], Some(1))?;
    Ok(columns(&fft_real::<B, R>(&v)?, 0, n)?.real()?)
}

fn dct2<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize) -> Result<Array<R, B>> {
    let v = concat(&[x, &reversed(x)?], Some(1))?;
    let spec = columns(&fft_real::<B, R>(&v)?, 0, n)?;
    let ph = phase::<B, R>(n, 1, 0, 2 * n, -1.0, &x.device())?;
    Ok((&spec * &ph)?.real()?)
}

fn dct3<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize) -> Result<Array<R, B>> {
    let ph = phase::<B, R>(n, 1, 0, 2 * n, 1.0, &x.device())?;
    let z = (&x.astype::<C<R>>()? * &ph)?.pad(&[(0, 0), (0, n)], PadMode::Constant(C::<R>::ZERO))?;
    let spec = columns(&fft_rows::<B, R>(&z, Direction::Inverse)?, 0, n)?.real()?;
    let x0 = columns(x, 0, 1)?;
    Ok(((&spec * <R as Numeric>::from_f64(2.0))? - &x0)?)
}

fn dct4<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize) -> Result<Array<R, B>> {
    let dev = x.device();
    let pre = phase::<B, R>(n, 1, 0, 2 * n, -1.0, &dev)?;
    let z = (&x.astype::<C<R>>()? * &pre)?.pad(&[(0, 0), (0, n)], PadMode::Constant(C::<R>::ZERO))?;
    let spec = columns(&fft_rows::<B, R>(&z, Direction::Forward)?, 0, n)?;
    let post = phase::<B, R>(n, 2, 1, 4 * n, -1.0, &dev)?;
    Ok(((&spec * &post)?.real()? * <R as Numeric>::from_f64(2.0))?)
}

fn dst1<B: Backend, R: FftReal>(x: &Array<R, B>, n: usize) -> Result<Array<R, B>> {
    let b = x.shape().first().copied().unwrap_or(0);
    let zero = Array::from_storage(B::full(&[b, 1], R::ZERO, &x.device())?);
    let neg = (-&reversed(x)?)?;
    let v = concat(&[&zero, x, &zero, &neg], Some(1))?;
    let spec = columns(&fft_real::<B, R>(&v)?, 1, n + 1)?;
    Ok((-&spec.imag()?)?)
}
