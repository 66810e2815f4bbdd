//! The DFT of every row of a `(batch, n)` complex array, written against the namespace.
//!
//! Mixed-radix decimation in time: with `n = p m`, input index `j = p j1 + j2` and output index
//! `k = k1 + m k2`,
//!
//! ```text
//! X[k1 + m k2] = sum_j2 w_n^(j2 (k1 + m k2)) * (sum_j1 x[p j1 + j2] w_m^(j1 k1))
//! ```
//!
//! so one level is: view the rows as `(batch, m, p)`, permute to `(batch, p, m)`, transform the
//! `batch * p` rows of length `m` (recursively), then contract the `p` axis against the
//! `(p, p, m)` array `w_n^(j2 (k2 m + k1))` (twiddles and the radix-`p` butterfly at once). The
//! output `(batch, p, m)` is already in order `k = k2 m + k1`.
//!
//! Prime lengths up to [`DIRECT_MAX`] use a direct DFT; lengths whose smallest prime factor is
//! larger use Bluestein's algorithm: `X_k = w_k sum_j (x_j w_j) conj(w_(k-j))` with the chirp
//! `w_j = exp(sign i pi j^2 / n)`, a circular convolution done with power-of-two FFTs.

use xp_core::array::indexing::Idx;
use xp_core::{Array, Backend, Numeric};

use super::kernels::{ChirpFilter, Phase, Twiddle};
use super::{C, axis_slice, index};
use crate::backend::Direction;
use crate::element::FftReal;
use crate::error::Result;

/// Largest prime length transformed by a direct DFT, and largest radix of a recursion level.
const DIRECT_MAX: usize = 32;

/// The DFT (unnormalised, sign from `direction`) of each row of `x`, shape `(batch, n)`.
///
/// # Errors
/// Namespace failures.
pub(crate) fn fft_rows<B: Backend, R: FftReal>(x: &Array<C<R>, B>, direction: Direction) -> Result<Array<C<R>, B>> {
    let (b, n) = match x.shape() {
        [b, n] => (*b, *n),
        _ => return Ok(x.clone()),
    };
    if n <= 1 || b == 0 {
        return Ok(x.clone());
    }
    let p = radix(n);
    if p == n {
        if n <= DIRECT_MAX {
            direct::<B, R>(x, b, n, direction)
        } else {
            bluestein::<B, R>(x, n, direction)
        }
    } else if p <= DIRECT_MAX {
        cooley_tukey::<B, R>(x, b, n, p, direction)
    } else {
        bluestein::<B, R>(x, n, direction)
    }
}

/// The radix of the next level: 4 when it divides `n` (and `n > 4`), else the smallest prime
/// factor (`n` itself for a prime).
fn radix(n: usize) -> usize {
    if n > 4 && n.is_multiple_of(4) {
        return 4;
    }
    let mut p = 2;
    while p * p <= n {
        if n.is_multiple_of(p) {
            return p;
        }
        p += 1;
    }
    n
}

/// `[a, b, ...]` as the `isize` shape `reshape` takes.
fn dims(d: &[usize]) -> Vec<isize> {
    d.iter().map(|&v| v as isize).collect()
}

/// Direct DFT: `(batch, 1, n) * F(n, n)` summed over the last axis.
fn direct<B: Backend, R: FftReal>(
    x: &Array<C<R>, B>,
    b: usize,
    n: usize,
    direction: Direction,
) -> Result<Array<C<R>, B>> {
    let dev = x.device();
    let idx = index::<B>(n, &dev)?;
    let f = idx
        .reshape(&dims(&[n, 1]))?
        .map2(&idx.reshape(&dims(&[1, n]))?, Twiddle::<R>::new(n, direction.sign()))?;
    let prod = (&x.reshape(&dims(&[b, 1, n]))? * &f)?;
    Ok(prod.sum(2, false)?)
}

/// One mixed-radix level with radix `p` (see the module docs).
fn cooley_tukey<B: Backend, R: FftReal>(
    x: &Array<C<R>, B>,
    b: usize,
    n: usize,
    p: usize,
    direction: Direction,
) -> Result<Array<C<R>, B>> {
    let m = n / p;
    let dev = x.device();
    // (b, m, p) -> (b, p, m) -> rows of length m.
    let y = x.reshape(&dims(&[b, m, p]))?.permute_dims(&[0, 2, 1])?;
    let y = fft_rows::<B, R>(&y.reshape(&dims(&[b * p, m]))?, direction)?;
    let y = y.reshape(&dims(&[b, 1, p, m]))?;
    // G[k2, j2, k1] = w_n^(j2 (k2 m + k1)), shape (p, p, m).
    let k = index::<B>(n, &dev)?.reshape(&dims(&[p, 1, m]))?;
    let j2 = index::<B>(p, &dev)?.reshape(&dims(&[1, p, 1]))?;
    let g = j2.map2(&k, Twiddle::<R>::new(n, direction.sign()))?;
    let z = (&y * &g)?.sum(2, false)?;
    Ok(z.reshape(&dims(&[b, n]))?)
}

/// Bluestein's chirp-z algorithm on a power-of-two circular convolution.
fn bluestein<B: Backend, R: FftReal>(x: &Array<C<R>, B>, n: usize, direction: Direction) -> Result<Array<C<R>, B>> {
    let dev = x.device();
    let m = (2 * n - 1).next_power_of_two();
    let sign = direction.sign();
    let w = index::<B>(n, &dev)?
        .map1(Phase::<R>::chirp(n, sign))?
        .reshape(&dims(&[1, n]))?;
    let a = (x * &w)?.pad(
        &[(0, 0), (0, m - n)],
        xp_core::array::updates::PadMode::Constant(C::<R>::ZERO),
    )?;
    let h = index::<B>(m, &dev)?
        .map1(ChirpFilter::<R>::new(n, m, sign))?
        .reshape(&dims(&[1, m]))?;
    let fa = fft_rows::<B, R>(&a, Direction::Forward)?;
    let fh = fft_rows::<B, R>(&h, Direction::Forward)?;
    let conv = fft_rows::<B, R>(&(&fa * &fh)?, Direction::Inverse)?;
    let head = axis_slice(&conv, 1, Idx::range(0, n as isize))?;
    let w_scaled = (&w * C::<R>::from_f64(1.0 / m as f64))?;
    Ok((&head * &w_scaled)?)
}

#[cfg(test)]
mod tests {
    use super::radix;

    #[test]
    fn radix_prefers_four_then_the_smallest_prime() {
        assert_eq!(radix(16), 4);
        assert_eq!(radix(4), 2);
        assert_eq!(radix(6), 2);
        assert_eq!(radix(15), 3);
        assert_eq!(radix(49), 7);
        assert_eq!(radix(13), 13);
        assert_eq!(radix(2), 2);
    }
}
