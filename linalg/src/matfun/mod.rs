//! Matrix functions (`scipy.linalg` "Matrix Functions"): [`expm`] and its Fréchet derivative
//! ([`expm_frechet`], [`expm_cond`]), the trigonometric and hyperbolic functions built on it
//! ([`cosm`], [`sinm`], [`tanm`], [`coshm`], [`sinhm`], [`tanhm`]), and the functions built on
//! square roots and logarithms ([`sqrtm`], [`signm`], [`logm`], [`fractional_matrix_power`]).
//!
//! Every function is generic namespace code over [`LinalgBackend`]: matrix products, linear
//! solves and element-wise kernels, so it runs on every backend. Inputs are square matrices or
//! stacks of them `(..., n, n)`; each matrix of a stack gets its own scaling and Padé degree.
//! Choosing them reads a few norms (scalars) back from the device, as SciPy's array-API code
//! does; the matrices themselves stay on the backend.
//!
//! Real input gives real output. Where a real matrix has no real result (the logarithm or square
//! root of a matrix with negative real eigenvalues) the function returns an error saying so:
//! [`logm_complex`], [`sqrtm_complex`] and [`fractional_matrix_power_complex`] always return the
//! complex type and give the complex result SciPy returns (the output type of a Rust function
//! cannot depend on the values).
//!
//! ```
//! use xp_core::Array;
//! use xp_linalg::matfun::{expm, logm};
//! let a = Array::<f64>::from_vec(vec![0.0, 1.0, -1.0, 0.0], &[2, 2])?; // rotation generator
//! let e = expm(&a)?.to_vec()?; // [[cos 1, sin 1], [-sin 1, cos 1]]
//! assert!((e[0] - 1f64.cos()).abs() < 1e-14 && (e[1] - 1f64.sin()).abs() < 1e-14);
//! let back = logm(&expm(&a)?)?.to_vec()?;
//! assert!((back[1] - 1.0).abs() < 1e-12);
//! # Ok::<(), xp_linalg::LinalgError>(())
//! ```

mod expm;
mod frechet;
mod log;
mod roots;
mod schur_fn;
mod trig;

pub use expm::expm;
pub use frechet::{ExpmFrechetMethod, expm_cond, expm_frechet};
pub use log::{fractional_matrix_power, fractional_matrix_power_complex, funm, logm, logm_complex};
pub use roots::{signm, sqrtm, sqrtm_complex};
pub use trig::{coshm, cosm, sinhm, sinm, tanhm, tanm};

pub(crate) use roots::{fro, sign_newton};
pub(crate) use schur_fn::complex_schur;

use xp_core::array::manipulation::stack;
use xp_core::{Array, Float, Numeric, RealNumeric};

use crate::backend::LinalgBackend;
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// Records the generic path of `function` in the dispatch trace.
pub(crate) fn record<B: LinalgBackend>(function: &'static str) {
    xp_core::trace::record(function, B::NAME, xp_core::Path::Generic);
}

/// The order `n` of the square matrices in `a` (`(..., n, n)`), or [`LinalgError::NotSquare`].
pub(crate) fn order<T: xp_core::Element, B: LinalgBackend>(
    function: &'static str,
    parameter: &'static str,
    a: &Array<T, B>,
) -> Result<usize> {
    let s = a.shape();
    let nd = s.len();
    if nd < 2 || s[nd - 1] != s[nd - 2] {
        return Err(LinalgError::NotSquare {
            function,
            parameter,
            shape: s.to_vec(),
        });
    }
    Ok(s[nd - 1])
}

/// Applies `f` to every matrix of the stack `a` (`(..., n, n)`) and stacks the results. A
/// single matrix goes straight through; an empty stack gives an empty result of the same shape.
fn per_matrix<T, U, B, F>(a: &Array<T, B>, mut f: F) -> Result<Array<U, B>>
where
    T: xp_core::Element,
    U: xp_core::Element,
    B: LinalgBackend,
    F: FnMut(&Array<T, B>) -> Result<Array<U, B>>,
{
    let s = a.shape().to_vec();
    let nd = s.len();
    if nd == 2 {
        return f(a);
    }
    let count: usize = s[..nd - 2].iter().product();
    let (r, c) = (s[nd - 2], s[nd - 1]);
    if count == 0 {
        return Ok(Array::from_vec_on(Vec::new(), &s, &a.device())?);
    }
    let flat = a.reshape(&[count as isize, r as isize, c as isize])?;
    let outs: Vec<Array<U, B>> = flat.unstack(0)?.iter().map(&mut f).collect::<Result<_>>()?;
    let refs: Vec<&Array<U, B>> = outs.iter().collect();
    let out = stack(&refs, 0)?;
    let mut shape: Vec<isize> = s[..nd - 2].iter().map(|&d| d as isize).collect();
    shape.extend(out.shape()[1..].iter().map(|&d| d as isize));
    Ok(out.reshape(&shape)?)
}

/// The `n x n` identity on `a`'s device.
pub(crate) fn eye<T: Numeric, B: LinalgBackend>(n: usize, like: &Array<T, B>) -> Result<Array<T, B>> {
    let mut v = vec![T::ZERO; n * n];
    for i in 0..n {
        v[i * n + i] = T::ONE;
    }
    Ok(Array::from_vec_on(v, &[n, n], &like.device())?)
}

/// The 1-norm (largest column sum of moduli) of the single matrix `a`, read as `f64`.
pub(crate) fn norm1<T: Float, B: LinalgBackend>(a: &Array<T, B>) -> Result<f64>
where
    T::Real: RealNumeric,
{
    if a.size() == 0 {
        return Ok(0.0);
    }
    let col = a.abs()?.sum(-2, false)?.max(-1, false)?;
    Ok(RealNumeric::to_f64(col.to_scalar()?))
}

/// `x * s` for a real scalar `s`.
pub(crate) fn scale<T: LinalgScalar, B: LinalgBackend>(x: &Array<T, B>, s: f64) -> Result<Array<T, B>> {
    Ok((x * T::from_f64(s))?)
}

/// Solves `a x = b` for square `a` and matrix `b` (LU with partial pivoting).
pub(crate) fn solve_sq<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
) -> Result<Array<T, B>> {
    B::lu_factor_solve(function, a, b, crate::backend::Trans::N, false)
}

/// The inverse of one square matrix.
pub(crate) fn inv_sq<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
) -> Result<Array<T, B>> {
    B::lu_factor_solve(function, a, &eye(a.shape()[0], a)?, crate::backend::Trans::N, false)
}
