//! Trigonometric and hyperbolic matrix functions from the exponential, as SciPy defines them:
//! `cos A = (e^(iA) + e^(-iA)) / 2` (the real part of `e^(iA)` for real `A`), `tan A = (cos A)^-1
//! sin A`, `cosh A = (e^A + e^-A) / 2`, `tanh A = (cosh A)^-1 sinh A`.

use xp_core::element::Scalar;
use xp_core::{Array, Element, c64};

use super::expm::expm;
use super::{order, record, scale, solve_sq};
use crate::backend::LinalgBackend;
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// `e^(iA)` and, for complex `A`, `e^(-iA)`, in the complex type.
#[allow(clippy::type_complexity)]
fn exp_i<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<(Array<T::Cx, B>, Option<Array<T::Cx, B>>)> {
    let ac = a.astype::<T::Cx>()?;
    let i = <T::Cx as Element>::from_scalar(Scalar::Complex(c64::new(0.0, 1.0)));
    let ia = (&ac * i)?;
    let plus = expm(&ia)?;
    let minus = if T::IS_COMPLEX { Some(expm(&(-&ia)?)?) } else { None };
    Ok((plus, minus))
}

/// The matrix cosine (`scipy.linalg.cosm(A)`) of a square matrix or a stack `(..., n, n)`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::cosm;
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let c = cosm(&a)?.to_vec()?;
/// assert!((c[0] - 1f64.cos()).abs() < 1e-14 && (c[3] - 2f64.cos()).abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare); as [`expm`].
pub fn cosm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    record::<B>("linalg.cosm");
    order("linalg.cosm", "A", a)?;
    cos_sin(a, true)
}

/// The matrix sine (`scipy.linalg.sinm(A)`) of a square matrix or a stack `(..., n, n)`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::sinm;
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let s = sinm(&a)?.to_vec()?;
/// assert!((s[0] - 1f64.sin()).abs() < 1e-14 && (s[3] - 2f64.sin()).abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare); as [`expm`].
pub fn sinm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    record::<B>("linalg.sinm");
    order("linalg.sinm", "A", a)?;
    cos_sin(a, false)
}

/// `cos A` (`cos = true`) or `sin A`.
fn cos_sin<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>, cos: bool) -> Result<Array<T, B>> {
    let (plus, minus) = exp_i(a)?;
    let mi = <T::Cx as Element>::from_scalar(Scalar::Complex(c64::new(0.0, -1.0)));
    let out = match (minus, cos) {
        // Real A: cos A = Re e^(iA), sin A = Im e^(iA) = Re(-i e^(iA)).
        (None, true) => plus,
        (None, false) => (&plus * mi)?,
        (Some(m), true) => scale(&(&plus + &m)?, 0.5)?,
        (Some(m), false) => scale(&(&(&plus - &m)? * mi)?, 0.5)?,
    };
    Ok(out.astype::<T>()?)
}

/// The matrix tangent `(cos A)^-1 sin A` (`scipy.linalg.tanm(A)`).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::tanm;
/// let a = Array::<f64>::from_vec(vec![0.5, 0.0, 0.0, -0.25], &[2, 2])?;
/// let t = tanm(&a)?.to_vec()?;
/// assert!((t[0] - 0.5f64.tan()).abs() < 1e-14 && (t[3] + 0.25f64.tan()).abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare);
/// [`LinalgError::Singular`](crate::LinalgError::Singular) when `cos A` is singular.
pub fn tanm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.tanm";
    record::<B>(F);
    order(F, "A", a)?;
    solve_sq(F, &cos_sin(a, true)?, &cos_sin(a, false)?)
}

/// `(e^A, e^-A)`.
fn exp_pm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<(Array<T, B>, Array<T, B>)> {
    Ok((expm(a)?, expm(&(-a)?)?))
}

/// The hyperbolic matrix cosine `(e^A + e^-A) / 2` (`scipy.linalg.coshm(A)`).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::coshm;
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let c = coshm(&a)?.to_vec()?;
/// assert!((c[0] - 1f64.cosh()).abs() < 1e-14 && (c[3] - 2f64.cosh()).abs() < 1e-13);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare); as [`expm`].
pub fn coshm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    record::<B>("linalg.coshm");
    order("linalg.coshm", "A", a)?;
    let (p, m) = exp_pm(a)?;
    scale(&(&p + &m)?, 0.5)
}

/// The hyperbolic matrix sine `(e^A - e^-A) / 2` (`scipy.linalg.sinhm(A)`).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::sinhm;
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let s = sinhm(&a)?.to_vec()?;
/// assert!((s[0] - 1f64.sinh()).abs() < 1e-14 && (s[3] - 2f64.sinh()).abs() < 1e-13);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare); as [`expm`].
pub fn sinhm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    record::<B>("linalg.sinhm");
    order("linalg.sinhm", "A", a)?;
    let (p, m) = exp_pm(a)?;
    scale(&(&p - &m)?, 0.5)
}

/// The hyperbolic matrix tangent `(cosh A)^-1 sinh A` (`scipy.linalg.tanhm(A)`).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matfun::tanhm;
/// let a = Array::<f64>::from_vec(vec![0.5, 0.0, 0.0, -1.0], &[2, 2])?;
/// let t = tanhm(&a)?.to_vec()?;
/// assert!((t[0] - 0.5f64.tanh()).abs() < 1e-14 && (t[3] + 1f64.tanh()).abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`](crate::LinalgError::NotSquare);
/// [`LinalgError::Singular`](crate::LinalgError::Singular) when `cosh A` is singular.
pub fn tanhm<T: LinalgScalar, B: LinalgBackend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.tanhm";
    record::<B>(F);
    order(F, "A", a)?;
    let (p, m) = exp_pm(a)?;
    solve_sq(F, &(&p + &m)?, &(&p - &m)?)
}
