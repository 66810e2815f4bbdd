//! The `lapack_driver="gelsy"` path of [`crate::lstsq`]: a complete orthogonal factorization
//! from a column-pivoted QR, LAPACK's `?gelsy`.
//!
//! `A P = Q [R11 R12; 0 R22]` with `R11` of order `rank`, the effective rank found by
//! incremental condition estimation on the leading blocks of `R` ([`ice_rank`]). `R22` is then
//! treated as zero, and `x = P z` where `z` is the minimum-norm solution of
//! `[R11 R12] z = (Q^H b)[:rank]`: `R11^-1 c` when `rank == N`, else through a QR of
//! `[R11 R12]^H = Q2 R2`, `z = Q2 R2^-H c` (LAPACK uses an RZ factorization of the same block;
//! the minimum-norm solution is unique, so the result is the same up to rounding).

use xp_core::array::host;
use xp_core::array::indexing::Idx;
use xp_core::{Array, RealNumeric, c64};

use crate::args;
use crate::backend::{LinalgBackend, QrShape, Trans};
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// `x` `(N, K)` and the effective rank for `a` `(M, N)` and `b2` `(M, K)` with `M, N > 0`.
pub(crate) fn solve<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    b2: &Array<T, B>,
    rcond: f64,
) -> Result<(Array<T, B>, usize)> {
    let n = a.shape()[1];
    let k = b2.shape()[1];
    let f = B::qr(function, a, QrShape::Economic, true)?;
    let (Some(q), Some(p)) = (f.q, f.p) else {
        return Err(LinalgError::NoConvergence {
            function,
            iterations: None,
        });
    };
    let r = f.r;
    let rank = ice_rank(function, a, &r, rcond)?;
    if rank == 0 {
        return Ok((Array::<T, B>::zeros(&[n, k])?, 0));
    }
    let rk = rank as isize;
    // c = (Q^H b)[:rank]
    let c = args::adjoint(&q)?.matmul(b2)?.slice(&[Idx::from(0..rk), Idx::all()])?;
    let z = if rank == n {
        let r11 = r.slice(&[Idx::from(0..rk), Idx::all()])?;
        B::solve_triangular(function, &r11, &c, Trans::N, false, false)?
    } else {
        // [R11 R12]^H = Q2 R2, so [R11 R12] = R2^H Q2^H and z = Q2 R2^-H c
        let w = r.slice(&[Idx::from(0..rk), Idx::all()])?;
        let g = B::qr(function, &args::adjoint(&w)?, QrShape::Economic, false)?;
        let Some(q2) = g.q else {
            return Err(LinalgError::NoConvergence {
                function,
                iterations: None,
            });
        };
        let y = B::solve_triangular(function, &g.r, &c, Trans::H, false, false)?;
        q2.matmul(&y)?
    };
    // A[:, p] z = b  =>  x[p] = z
    let inverse = p.argsort(0, false, true)?;
    Ok((z.take(&inverse, Some(0))?, rank))
}

/// The effective rank of `R` (`(K, N)`, upper trapezoidal, from a column-pivoted QR) as
/// `?gelsy` decides it: the largest `r` such that the leading `r x r` block `R11` has
/// `sigma_min(R11) >= rcond * sigma_max(R11)`, growing `r` one column at a time and stopping at
/// the first failure, with both singular values *estimated* by incremental condition estimation
/// (Bischof's ICE, LAPACK's `?laic1`): a unit vector `x` with `||R11^H x|| = sigma` is extended
/// to `[s x; c]` for the next block, `(s, c)` the extreme eigenvector of a 2x2 Hermitian form.
/// The estimates are not the exact singular values; reproducing them (rather than, say,
/// counting `|R_kk| > rcond |R_00|`) is what makes the rank agree with LAPACK's on matrices
/// whose rank is not clear-cut. `|R_00| == 0` gives rank 0.
///
/// Runs on the host (the estimate is sequential over columns, `O(K^2)` scalar work), in `f64`
/// whatever `T` is.
fn ice_rank<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    r: &Array<T, B>,
    rcond: f64,
) -> Result<usize> {
    let (kk, n) = (r.shape()[0], r.shape()[1]);
    let kk = kk.min(n);
    if kk == 0 {
        return Ok(0);
    }
    let h = host::read(function, r)?;
    let at = |i: usize, j: usize| -> c64 {
        h.get(&[i, j][..]).map_or(c64::new(0.0, 0.0), |v| {
            c64::new(v.real_part().to_f64(), v.imag_part().to_f64())
        })
    };
    let r00 = at(0, 0).norm();
    // The pivoted QR kernel returns NaN factors for an all-zero matrix: rank 0 as for R00 = 0
    // (NaN in `a` itself propagates as in LAPACK: every test below fails, rank 1).
    let zero = || -> Result<bool> { Ok(a.abs()?.max(xp_core::ALL, false)?.to_scalar()?.to_f64() == 0.0) };
    if r00 == 0.0 || (r00.is_nan() && zero()?) {
        return Ok(0);
    }
    let (mut xmin, mut xmax) = (vec![c64::new(1.0, 0.0)], vec![c64::new(1.0, 0.0)]);
    let (mut smin, mut smax) = (r00, r00);
    let mut rank = 1;
    while rank < kk {
        let w: Vec<c64> = (0..rank).map(|i| at(i, rank)).collect();
        let gamma = at(rank, rank);
        let lo = ice_step(&xmin, smin, &w, gamma, false);
        let hi = ice_step(&xmax, smax, &w, gamma, true);
        if hi.sigma * rcond <= lo.sigma {
            extend(&mut xmin, lo.s, lo.c);
            extend(&mut xmax, hi.s, hi.c);
            (smin, smax) = (lo.sigma, hi.sigma);
            rank += 1;
        } else {
            break;
        }
    }
    Ok(rank)
}

/// `x <- [s x; c]`.
fn extend(x: &mut Vec<c64>, s: c64, c: c64) {
    for v in x.iter_mut() {
        *v *= s;
    }
    x.push(c);
}

/// One step of incremental condition estimation.
struct IceStep {
    /// The new estimate.
    sigma: f64,
    /// Multiplier of the old vector.
    s: c64,
    /// The new vector's last entry.
    c: c64,
}

/// Given a unit `x` with `||R11^H x|| = sest`, the column `w` above the diagonal and the
/// diagonal entry `gamma` of the next column, finds the unit `(s, c)` that makes
/// `||R'^H [s x; c]||` largest (or smallest), `R' = [R11 w; 0 gamma]`.
///
/// `R'^H [s x; c] = [s R11^H x; s alpha + c conj(gamma)]` with `alpha = w^H x`, whose squared norm
/// is the Hermitian form `[s c] M [s c]^H`, `M = [[sest^2 + |alpha|^2, b], [conj(b), |gamma|^2]]`,
/// `b = conj(alpha gamma)`: the estimate is the square root of `M`'s extreme eigenvalue and
/// `(s, c)` its eigenvector. Everything is scaled by `max(sest, |alpha|, |gamma|)` first; the
/// small eigenvalue is `det M / lambda_max` with `det M = sest^2 |gamma|^2` (no cancellation),
/// and each eigenvector is taken from the row of `M - lambda` that does not cancel.
fn ice_step(x: &[c64], sest: f64, w: &[c64], gamma: c64, largest: bool) -> IceStep {
    let alpha: c64 = w.iter().zip(x).map(|(wi, xi)| wi.conj() * xi).sum();
    let g = gamma.conj();
    let t = sest.max(alpha.norm()).max(g.norm());
    let unit = IceStep {
        sigma: 0.0,
        s: c64::new(1.0, 0.0),
        c: c64::new(0.0, 0.0),
    };
    if t == 0.0 || !t.is_finite() {
        return unit;
    }
    let (sa, aa, gg) = (sest / t, alpha / t, g / t);
    let a11 = sa * sa + aa.norm_sqr();
    let a22 = gg.norm_sqr();
    let b = aa.conj() * gg;
    let half = (a11 - a22) / 2.0;
    let rad = half.hypot(b.norm());
    let big = (a11 + a22) / 2.0 + rad;
    let lambda = if largest { big } else { (sa * gg.norm()).powi(2) / big };
    let re = |v: f64| c64::new(v, 0.0);
    let (z0, z1) = match (largest, a11 >= a22) {
        (true, true) => (re(half + rad), b.conj()),
        (true, false) => (b, re(rad - half)),
        (false, true) => (b, re(-(half + rad))),
        (false, false) => (re(half - rad), b.conj()),
    };
    let norm = (z0.norm_sqr() + z1.norm_sqr()).sqrt();
    let sigma = t * lambda.max(0.0).sqrt();
    if norm == 0.0 || !norm.is_finite() {
        return IceStep { sigma, ..unit };
    }
    IceStep {
        sigma,
        s: z0 / norm,
        c: z1 / norm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The estimates of a diagonal `R` are exact: `|gamma|` joins the extremes.
    #[test]
    fn ice_step_on_a_diagonal_column_is_exact() {
        let x = [c64::new(1.0, 0.0)];
        let w = [c64::new(0.0, 0.0)];
        let hi = ice_step(&x, 2.0, &w, c64::new(0.0, 5.0), true);
        let lo = ice_step(&x, 2.0, &w, c64::new(0.0, 5.0), false);
        assert!((hi.sigma - 5.0).abs() < 1e-15 && (lo.sigma - 2.0).abs() < 1e-15);
        // [[3, 4], [0, 0]]^H: singular values 5 and 0.
        let hi = ice_step(&x, 3.0, &[c64::new(4.0, 0.0)], c64::new(0.0, 0.0), true);
        let lo = ice_step(&x, 3.0, &[c64::new(4.0, 0.0)], c64::new(0.0, 0.0), false);
        assert!((hi.sigma - 5.0).abs() < 1e-14 && lo.sigma.abs() < 1e-14);
    }

    /// On a 2x2 upper triangular block the first step is the exact SVD:
    /// `R = [[1, 1], [0, 1]]` has singular values `(sqrt(5) +- 1) / 2`.
    #[test]
    fn ice_step_on_two_by_two_is_the_svd() {
        let x = [c64::new(1.0, 0.0)];
        let w = [c64::new(1.0, 0.0)];
        let hi = ice_step(&x, 1.0, &w, c64::new(1.0, 0.0), true);
        let lo = ice_step(&x, 1.0, &w, c64::new(1.0, 0.0), false);
        let s5 = 5f64.sqrt();
        assert!((hi.sigma - (s5 + 1.0) / 2.0).abs() < 1e-14);
        assert!((lo.sigma - (s5 - 1.0) / 2.0).abs() < 1e-14);
        // The vectors are unit and achieve the estimates: ||R^H [s; c]|| = sigma.
        for st in [hi, lo] {
            let v0 = st.s;
            let v1 = st.s + st.c;
            assert!(((st.s.norm_sqr() + st.c.norm_sqr()) - 1.0).abs() < 1e-14);
            assert!(((v0.norm_sqr() + v1.norm_sqr()).sqrt() - st.sigma).abs() < 1e-14);
        }
    }
}
