//! The Fréchet derivative of the matrix exponential (Al-Mohy & Higham, "Computing the Fréchet
//! derivative of the matrix exponential, with an application to condition number estimation",
//! SIAM J. Matrix Anal. Appl. 30(4), 2009, Algorithm 6.4) and the condition number built on it.

use std::str::FromStr;

use xp_core::array::manipulation::concat;
use xp_core::{ALL, Array};

use super::expm::{Powers, expm_one, lincomb, pade_coefficients};
use super::roots::fro;
use super::{eye, norm1, order, per_matrix, record, scale, solve_sq};
use crate::backend::LinalgBackend;
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// `ell_m` of Table 6.1 of the paper: the largest `||A||_1` for which the degree-`m` Padé
/// approximant gives the exponential and its Fréchet derivative to double precision.
const ELL: [(usize, f64); 4] = [(3, 1.08e-2), (5, 2.00e-1), (7, 7.83e-1), (9, 1.78)];
const ELL13: f64 = 4.74;

/// How [`expm_frechet`] computes (SciPy's `method`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ExpmFrechetMethod {
    /// Scaling-Padé-squaring applied to the exponential and its derivative together
    /// (`'SPS'`, the default).
    #[default]
    Sps,
    /// The upper right block of `expm([[A, E], [0, A]])` (`'blockEnlarge'`): simpler, slower.
    BlockEnlarge,
}

impl FromStr for ExpmFrechetMethod {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "" | "SPS" => Ok(ExpmFrechetMethod::Sps),
            "blockEnlarge" => Ok(ExpmFrechetMethod::BlockEnlarge),
            _ => Err(LinalgError::invalid(
                "linalg.expm_frechet",
                "method",
                s,
                "Unknown implementation; use 'SPS' or 'blockEnlarge'",
            )),
        }
    }
}

/// The Fréchet derivative `L(A, E)` of the matrix exponential at `A` in the direction `E`
/// (`scipy.linalg.expm_frechet(A, E, method=None, compute_expm=True, check_finite=True)`), and
/// `expm(A)` when `compute_expm`: returns `(Some(expm(A)), L)` or `(None, L)`.
///
/// `A` and `E` are square matrices of the same order, or stacks whose batch dimensions
/// broadcast.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::{ExpmFrechetMethod, expm_frechet};
/// // For commuting A and E, L(A, E) = E e^A.
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let e = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 0.0], &[2, 2])?;
/// let (ea, l) = expm_frechet(&a, &e, ExpmFrechetMethod::Sps, true, true)?;
/// assert!((l.to_vec()?[0] - std::f64::consts::E).abs() < 1e-14);
/// assert!(ea.is_some());
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`]; [`LinalgError::ShapeMismatch`] if `A` and `E` differ in order or
/// their batches do not broadcast; [`LinalgError::NonFinite`] with `check_finite` for NaN or
/// infinite entries.
#[allow(clippy::type_complexity)]
pub fn expm_frechet<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    e: &Array<T, B>,
    method: ExpmFrechetMethod,
    compute_expm: bool,
    check_finite: bool,
) -> Result<(Option<Array<T, B>>, Array<T, B>)> {
    const F: &str = "linalg.expm_frechet";
    record::<B>(F);
    let n = order(F, "A", a)?;
    if order(F, "E", e)? != n {
        return Err(LinalgError::shapes(
            F,
            format!(
                "expected A and E to be the same shape, got {:?} and {:?}",
                a.shape(),
                e.shape()
            ),
        ));
    }
    if check_finite {
        finite(F, "A", a)?;
        finite(F, "E", e)?;
    }
    let shape = xp_core::shape::broadcast_pair(F, a.shape(), e.shape()).map_err(|_| {
        LinalgError::shapes(
            F,
            format!(
                "the batches of A {:?} and E {:?} do not broadcast",
                a.shape(),
                e.shape()
            ),
        )
    })?;
    let (a, e) = (a.broadcast_to(&shape)?, e.broadcast_to(&shape)?);
    let count: usize = shape[..shape.len() - 2].iter().product();
    let flat = [count as isize, n as isize, n as isize];
    let (aa, ee) = (a.reshape(&flat)?.unstack(0)?, e.reshape(&flat)?.unstack(0)?);
    let mut exps = Vec::with_capacity(count);
    let mut ls = Vec::with_capacity(count);
    for (am, em) in aa.iter().zip(&ee) {
        let (x, l) = match method {
            ExpmFrechetMethod::Sps => frechet_sps(F, am, em)?,
            ExpmFrechetMethod::BlockEnlarge => frechet_block(am, em)?,
        };
        exps.push(x);
        ls.push(l);
    }
    let restack = |v: Vec<Array<T, B>>| -> Result<Array<T, B>> {
        if v.is_empty() {
            return Ok(Array::from_vec_on(Vec::new(), &shape, &a.device())?);
        }
        let refs: Vec<&Array<T, B>> = v.iter().collect();
        let dims: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
        Ok(xp_core::array::manipulation::stack(&refs, 0)?.reshape(&dims)?)
    };
    let l = restack(ls)?;
    Ok((if compute_expm { Some(restack(exps)?) } else { None }, l))
}

/// Fails with [`LinalgError::NonFinite`] when `x` holds NaN or an infinity.
fn finite<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    parameter: &'static str,
    x: &Array<T, B>,
) -> Result<()> {
    if x.size() > 0 && !x.isfinite()?.all(ALL, false)?.to_scalar()? {
        return Err(LinalgError::NonFinite { function, parameter });
    }
    Ok(())
}

/// `(expm(A), L(A, E))` for batched `E` (`(..., n, n)`) and one `A`, by Algorithm 6.4.
pub(super) fn frechet_sps<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    e: &Array<T, B>,
) -> Result<(Array<T, B>, Array<T, B>)> {
    let n = a.shape()[0];
    if n == 0 {
        return Ok((a.clone(), e.clone()));
    }
    let a1 = norm1(a)?;
    let (m, s) = match ELL.iter().find(|&&(_, ell)| a1 <= ell) {
        Some(&(m, _)) => (m, 0u32),
        None => (
            13,
            if a1 > ELL13 {
                (a1 / ELL13).log2().ceil().min(1000.0) as u32
            } else {
                0
            },
        ),
    };
    let f = (-(s as f64)).exp2();
    let (a, e) = (scale(a, f)?, scale(e, f)?);
    let p = Powers::new(&a)?;
    let b = pade_coefficients(m);
    let (a2, a4, a6, i) = (&p.a2, &p.a4, &p.a6, &p.eye);
    // Derivatives of the even powers in the direction E.
    let m2 = (&a.matmul(&e)? + &e.matmul(&a)?)?;
    let m4 = (&a2.matmul(&m2)? + &m2.matmul(a2)?)?;
    let m6 = (&a4.matmul(&m2)? + &m4.matmul(a2)?)?;
    let (u, v, lu, lv) = if m == 13 {
        let w1 = lincomb(&[(b[13], a6), (b[11], a4), (b[9], a2)])?;
        let w2 = lincomb(&[(b[7], a6), (b[5], a4), (b[3], a2), (b[1], i)])?;
        let z1 = lincomb(&[(b[12], a6), (b[10], a4), (b[8], a2)])?;
        let z2 = lincomb(&[(b[6], a6), (b[4], a4), (b[2], a2), (b[0], i)])?;
        let w = (&a6.matmul(&w1)? + &w2)?;
        let u = a.matmul(&w)?;
        let v = (&a6.matmul(&z1)? + &z2)?;
        let lw1 = lincomb(&[(b[13], &m6), (b[11], &m4), (b[9], &m2)])?;
        let lw2 = lincomb(&[(b[7], &m6), (b[5], &m4), (b[3], &m2)])?;
        let lz1 = lincomb(&[(b[12], &m6), (b[10], &m4), (b[8], &m2)])?;
        let lz2 = lincomb(&[(b[6], &m6), (b[4], &m4), (b[2], &m2)])?;
        let lw = (&(&a6.matmul(&lw1)? + &m6.matmul(&w1)?)? + &lw2)?;
        let lu = (&a.matmul(&lw)? + &e.matmul(&w)?)?;
        let lv = (&(&a6.matmul(&lz1)? + &m6.matmul(&z1)?)? + &lz2)?;
        (u, v, lu, lv)
    } else {
        let a8 = a4.matmul(a4)?;
        let m8 = (&a4.matmul(&m4)? + &m4.matmul(a4)?)?;
        let pw = [i, a2, a4, a6, &a8];
        let mw = [&m2, &m4, &m6, &m8];
        let h = m / 2;
        let odd: Vec<(f64, &Array<T, B>)> = (0..=h).map(|k| (b[2 * k + 1], pw[k])).collect();
        let even: Vec<(f64, &Array<T, B>)> = (0..=h).map(|k| (b[2 * k], pw[k])).collect();
        let lodd: Vec<(f64, &Array<T, B>)> = (1..=h).map(|k| (b[2 * k + 1], mw[k - 1])).collect();
        let leven: Vec<(f64, &Array<T, B>)> = (1..=h).map(|k| (b[2 * k], mw[k - 1])).collect();
        let w = lincomb(&odd)?;
        let u = a.matmul(&w)?;
        let v = lincomb(&even)?;
        let lu = (&a.matmul(&lincomb(&lodd)?)? + &e.matmul(&w)?)?;
        let lv = lincomb(&leven)?;
        (u, v, lu, lv)
    };
    let q = (&v - &u)?;
    let mut r = solve_sq(function, &q, &(&u + &v)?)?;
    let rhs = (&(&lu + &lv)? + &(&lu - &lv)?.matmul(&r)?)?;
    let mut l = solve_batched(function, &q, &rhs)?;
    for _ in 0..s {
        l = (&r.matmul(&l)? + &l.matmul(&r)?)?;
        r = r.matmul(&r)?;
    }
    Ok((r, l))
}

/// Solves `q x = rhs` for one `q` and a (possibly batched) `rhs`.
fn solve_batched<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    q: &Array<T, B>,
    rhs: &Array<T, B>,
) -> Result<Array<T, B>> {
    if rhs.ndim() == 2 {
        return solve_sq(function, q, rhs);
    }
    let mut s = rhs.shape().to_vec();
    let nd = s.len();
    s[nd - 1] = q.shape()[1];
    solve_sq(function, &q.broadcast_to(&s)?, rhs)
}

/// `(expm(A), L(A, E))` from the block matrix `[[A, E], [0, A]]`.
fn frechet_block<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    e: &Array<T, B>,
) -> Result<(Array<T, B>, Array<T, B>)> {
    let n = a.shape()[0] as isize;
    let z = a.zeros_like()?;
    let top = concat(&[a, e], Some(1))?;
    let bottom = concat(&[&z, a], Some(1))?;
    let big = expm_one(&concat(&[&top, &bottom], Some(0))?)?;
    use xp_core::array::indexing::Idx;
    let ea = big.slice(&[Idx::range(0, n), Idx::range(0, n)])?;
    let l = big.slice(&[Idx::range(0, n), Idx::range(n, 2 * n)])?;
    Ok((ea, l))
}

/// The relative condition number of the matrix exponential in the Frobenius norm
/// (`scipy.linalg.expm_cond(A, check_finite=True)`):
/// `kappa(A) = ||K(A)||_2 ||A||_F / ||expm(A)||_F`, where `K(A)` is the `n^2 x n^2` Kronecker form
/// of the Fréchet derivative, formed from the `n^2` derivatives `L(A, E_ij)` (one batched
/// computation) and its 2-norm taken from the singular values. Cost `O(n^5)`, as SciPy's.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::expm_cond;
/// // A = 2 I: L(A, E) = e^2 E, so ||K||_2 = e^2 and kappa = e^2 ||A||_F / ||e^2 I||_F = 2.
/// let a = Array::<f64>::from_vec(vec![2.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let k = expm_cond(&a, true)?.to_scalar()?;
/// assert!((k - 2.0).abs() < 1e-12);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`]; [`LinalgError::NonFinite`] with `check_finite`;
/// [`LinalgError::InvalidArgument`] for an empty batch; [`LinalgError::NoConvergence`] from
/// the SVD. A stack `(..., n, n)` gives one condition number per matrix, shape `(...)`.
pub fn expm_cond<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, check_finite: bool) -> Result<Array<T::Re, B>> {
    const F: &str = "linalg.expm_cond";
    record::<B>(F);
    order(F, "A", a)?;
    if check_finite {
        finite(F, "A", a)?;
    }
    if a.ndim() > 2 && a.size() == 0 {
        return Err(LinalgError::invalid(
            F,
            "A",
            a.shape(),
            "zero-size batches are not supported",
        ));
    }
    per_matrix(a, |m| cond_one(F, m))
}

/// `kappa` of one matrix, as a 0-D array.
#[allow(non_snake_case)]
fn cond_one<T: LinalgScalar, B: LinalgBackend>(F: &'static str, a: &Array<T, B>) -> Result<Array<T::Re, B>> {
    let n = a.shape()[0];
    let nn = n * n;
    let units = eye(nn, a)?.reshape(&[nn as isize, n as isize, n as isize])?;
    let (x, l) = frechet_sps(F, a, &units)?;
    let kt = l.reshape(&[nn as isize, nn as isize])?;
    let k2 = if nn == 0 {
        0.0
    } else {
        use xp_core::array::indexing::Idx;
        let s = B::svd(F, &kt, false, false)?.s;
        xp_core::RealNumeric::to_f64(s.slice(&[Idx::from(0)])?.to_scalar()?)
    };
    let (na, nx) = (fro(a)?, fro(&x)?);
    let kappa = if nx > 0.0 { k2 * na / nx } else { 0.0 };
    Ok(Array::from_vec_on(
        vec![<T::Re as xp_core::Numeric>::from_f64(kappa)],
        &[],
        &a.device(),
    )?)
}
