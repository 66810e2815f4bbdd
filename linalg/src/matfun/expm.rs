//! The matrix exponential: Al-Mohy & Higham's scaling and squaring algorithm (SIAM J. Matrix
//! Anal. Appl. 31(3), 2009), Padé degrees 3, 5, 7, 9 and 13.

use xp_core::{Array, RealNumeric};

use super::{eye, norm1, order, per_matrix, record, scale, solve_sq};
use crate::backend::LinalgBackend;
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Largest `||A||` (in the sense of the `d_k = ||A^k||^(1/k)` bounds) for which the Padé
/// approximant of degree 3, 5, 7, 9 (Table 3.1 of the paper) has backward error below the unit
/// roundoff of double precision, and the degree-13 value the algorithm scales to.
const THETA: [(usize, f64); 4] = [
    (3, 1.495_585_217_958_292e-2),
    (5, 2.539_398_330_063_23e-1),
    (7, 9.504_178_996_162_932e-1),
    (9, 2.097_847_961_257_068),
];
const THETA13: f64 = 4.25;

/// The matrix exponential `e^A` (`scipy.linalg.expm(A)`), of a square matrix or of every matrix
/// of a stack `(..., n, n)`.
///
/// Each matrix gets the scaling `s` and Padé degree `m` of Al-Mohy & Higham's 2009 algorithm:
/// the degree is chosen from the quantities `||A^k||^(1/k)` (exact 1-norms of the powers the
/// algorithm forms anyway), with the correction that avoids overscaling, then
/// `r_m(A / 2^s)^(2^s)` is formed from one linear solve and `s` squarings.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::expm;
/// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 0.0, 1.0], &[2, 2])?;
/// let e = expm(&a)?.to_vec()?; // e^A = e [[1, 2], [0, 1]]
/// let x = std::f64::consts::E;
/// assert!((e[0] - x).abs() < 1e-14 && (e[1] - 2.0 * x).abs() < 1e-14 && e[2].abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare) unless the last two dimensions are
/// equal; a solver error should the Padé denominator be singular (it is not for finite input).
pub fn expm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.expm";
    record::<B>(F);
    order(F, "A", a)?;
    per_matrix(a, expm_one)
}

/// `e^A` of one square matrix.
pub(super) fn expm_one<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    let n = a.shape()[0];
    if n == 0 {
        return Ok(a.clone());
    }
    if n == 1 {
        return Ok(a.exp()?);
    }
    let a1 = norm1(a)?;
    if a1 == 0.0 {
        return eye(n, a);
    }
    if !a1.is_finite() {
        return Ok(a.full_like(T::from_f64(f64::NAN))?);
    }
    let mut p = Powers::new(a)?;
    let (m, s) = p.degree_and_scaling(a1)?;
    let (u, v) = p.pade_uv(m, s)?;
    let mut r = solve_sq("linalg.expm", &(&v - &u)?, &(&v + &u)?)?;
    for _ in 0..s {
        r = r.matmul(&r)?;
    }
    Ok(r)
}

/// `A` and its even powers, formed on demand, with their 1-norms.
pub(super) struct Powers<T: LinalgScalar, B: LinalgBackend> {
    pub(super) a: Array<T, B>,
    pub(super) eye: Array<T, B>,
    pub(super) a2: Array<T, B>,
    pub(super) a4: Array<T, B>,
    pub(super) a6: Array<T, B>,
    a8: Option<Array<T, B>>,
}

impl<T: LinalgScalar, B: LinalgBackend> Powers<T, B> {
    pub(super) fn new(a: &Array<T, B>) -> Result<Self> {
        let n = a.shape()[0];
        let a2 = a.matmul(a)?;
        let a4 = a2.matmul(&a2)?;
        let a6 = a4.matmul(&a2)?;
        Ok(Powers {
            a: a.clone(),
            eye: eye(n, a)?,
            a2,
            a4,
            a6,
            a8: None,
        })
    }

    /// `A^8`, formed once.
    fn a8(&mut self) -> Result<Array<T, B>> {
        if let Some(x) = &self.a8 {
            return Ok(x.clone());
        }
        let x = self.a4.matmul(&self.a4)?;
        self.a8 = Some(x.clone());
        Ok(x)
    }

    /// Algorithm 5.1 of the paper: the Padé degree `m` and the scaling `s`.
    pub(super) fn degree_and_scaling(&mut self, a1: f64) -> Result<(usize, u32)> {
        let me = self;
        let d4 = norm1(&me.a4)?.powf(0.25);
        let d6 = norm1(&me.a6)?.powf(1.0 / 6.0);
        let eta1 = d4.max(d6);
        for &(m, theta) in &THETA[..2] {
            if eta1 <= theta && ell(&me.a, a1, m)? == 0 {
                return Ok((m, 0));
            }
        }
        let a8 = me.a8()?;
        let d8 = norm1(&a8)?.powf(0.125);
        let eta3 = d6.max(d8);
        for &(m, theta) in &THETA[2..] {
            if eta3 <= theta && ell(&me.a, a1, m)? == 0 {
                return Ok((m, 0));
            }
        }
        let d10 = norm1(&me.a4.matmul(&me.a6)?)?.powf(0.1);
        let eta5 = eta3.min(d8.max(d10));
        let mut s = if eta5 > THETA13 {
            (eta5 / THETA13).log2().ceil().max(0.0)
        } else {
            0.0
        };
        let scaled = scale(&me.a, (-s).exp2())?;
        s += ell(&scaled, a1 * (-s).exp2(), 13)? as f64;
        // 2^1000 overflows anyway: the result is then infinite, as SciPy's.
        Ok((13, s.min(1000.0) as u32))
    }

    /// The numerator and denominator parts `U` (odd) and `V` (even) of the degree-`m` Padé
    /// approximant of `e^(A / 2^s)`: `r_m = (V - U)^-1 (V + U)`.
    pub(super) fn pade_uv(&self, m: usize, s: u32) -> Result<(Array<T, B>, Array<T, B>)> {
        let b = pade_coefficients(m);
        let f = (-(s as f64)).exp2();
        let a = scale(&self.a, f)?;
        let a2 = scale(&self.a2, f * f)?;
        let a4 = scale(&self.a4, f.powi(4))?;
        let a6 = scale(&self.a6, f.powi(6))?;
        let i = &self.eye;
        if m == 13 {
            let w1 = lincomb(&[(b[13], &a6), (b[11], &a4), (b[9], &a2)])?;
            let w2 = lincomb(&[(b[7], &a6), (b[5], &a4), (b[3], &a2), (b[1], i)])?;
            let z1 = lincomb(&[(b[12], &a6), (b[10], &a4), (b[8], &a2)])?;
            let z2 = lincomb(&[(b[6], &a6), (b[4], &a4), (b[2], &a2), (b[0], i)])?;
            let u = a.matmul(&(&a6.matmul(&w1)? + &w2)?)?;
            let v = (&a6.matmul(&z1)? + &z2)?;
            return Ok((u, v));
        }
        let a8 = if m == 9 {
            let a8 = match &self.a8 {
                Some(x) => x.clone(),
                None => self.a4.matmul(&self.a4)?,
            };
            Some(scale(&a8, f.powi(8))?)
        } else {
            None
        };
        let pw: Vec<&Array<T, B>> = match &a8 {
            Some(x) => vec![i, &a2, &a4, &a6, x],
            None => vec![i, &a2, &a4, &a6],
        };
        let odd: Vec<(f64, &Array<T, B>)> = (0..=m / 2).map(|k| (b[2 * k + 1], pw[k])).collect();
        let even: Vec<(f64, &Array<T, B>)> = (0..=m / 2).map(|k| (b[2 * k], pw[k])).collect();
        let u = a.matmul(&lincomb(&odd)?)?;
        let v = lincomb(&even)?;
        Ok((u, v))
    }
}

/// `sum c_k X_k`.
pub(super) fn lincomb<T: LinalgScalar, B: LinalgBackend>(terms: &[(f64, &Array<T, B>)]) -> Result<Array<T, B>> {
    let mut it = terms.iter();
    let Some((c0, x0)) = it.next() else {
        return Err(crate::error::LinalgError::invalid(
            "linalg.expm",
            "terms",
            0,
            "empty combination",
        ));
    };
    let mut acc = scale(x0, *c0)?;
    for (c, x) in it {
        acc = (&acc + &scale(x, *c)?)?;
    }
    Ok(acc)
}

/// Coefficients `b_j = (2m - j)! m! / ((2m)! j! (m - j)!)` of the numerator of the `[m/m]`
/// Padé approximant of `e^x` (the denominator has `(-1)^j b_j`).
pub(super) fn pade_coefficients(m: usize) -> Vec<f64> {
    let fact = |k: usize| (1..=k).map(|i| i as f64).product::<f64>();
    (0..=m)
        .map(|j| fact(2 * m - j) * fact(m) / (fact(2 * m) * fact(j) * fact(m - j)))
        .collect()
}

/// The correction `ell(A, m)` of the paper (eq. 5.2): how many extra squarings the
/// degree-`m` approximant needs so that its relative backward error bound is below `2^-53`,
/// from `|c_{2m+1}| ||abs(A)^(2m+1)||_1 / ||A||_1`.
fn ell<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, a1: f64, m: usize) -> Result<usize> {
    if a1 == 0.0 {
        return Ok(0);
    }
    let fact = |k: usize| (1..=k).map(|i| i as f64).product::<f64>();
    let c = fact(m) * fact(m) / (fact(2 * m) * fact(2 * m + 1));
    let alpha = c * abs_power_norm(a, 2 * m + 1)? / a1;
    let u = f64::EPSILON / 2.0;
    if alpha.is_nan() || alpha <= 0.0 {
        return Ok(0);
    }
    let e = ((alpha / u).log2() / (2 * m) as f64).ceil();
    Ok(if e.is_finite() && e > 0.0 {
        e.min(1000.0) as usize
    } else if e > 0.0 {
        1000
    } else {
        0
    })
}

/// `||abs(A)^p||_1`, exactly: for a nonnegative matrix the 1-norm is the largest entry of
/// `1^T abs(A)^p`, formed with `p` vector-matrix products.
fn abs_power_norm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, p: usize) -> Result<f64> {
    let abs = a.abs()?;
    let n = a.shape()[0];
    let one = <<T as xp_core::Float>::Real as xp_core::Numeric>::ONE;
    let mut v = Array::<<T as xp_core::Float>::Real, B>::from_vec_on(vec![one; n], &[1, n], &a.device())?;
    for _ in 0..p {
        v = v.matmul(&abs)?;
    }
    Ok(RealNumeric::to_f64(v.max(xp_core::ALL, false)?.to_scalar()?))
}
