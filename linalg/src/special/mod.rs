//! Special matrices (`scipy.linalg` "Special Matrices"): structured matrices built from vectors
//! ([`toeplitz`], [`hankel`], [`circulant`], [`convolution_matrix`], [`companion`],
//! [`fiedler`], [`fiedler_companion`], [`leslie`]), products ([`block_diag`], [`kron`],
//! [`khatri_rao`]) and named matrices of a given order ([`dft`], [`hadamard`], [`helmert`],
//! [`hilbert`], [`invhilbert`], [`pascal`], [`invpascal`]).
//!
//! Everything here is generic namespace code: the data never leaves the backend. Matrices built
//! from vectors gather the vector's elements with an index grid that depends on the sizes alone
//! (uploaded once), so they batch like SciPy >= 1.15: an input of shape `(..., n)` gives
//! `(..., rows, cols)`, and two inputs broadcast their batch dimensions. Named matrices are
//! computed from their closed forms and uploaded.
//!
//! ```
//! use xp_core::Array;
//! use xp_linalg::special::{toeplitz, circulant};
//! let c = Array::<f64>::from_slice(&[1.0, 2.0, 3.0])?;
//! let r = Array::<f64>::from_slice(&[1.0, 4.0, 5.0, 6.0])?;
//! assert_eq!(toeplitz(&c, Some(&r))?.to_vec()?, vec![1.0, 4.0, 5.0, 6.0, 2.0, 1.0, 4.0, 5.0, 3.0, 2.0, 1.0, 4.0]);
//! assert_eq!(circulant(&c)?.shape(), &[3, 3]);
//! # Ok::<(), xp_linalg::LinalgError>(())
//! ```

mod named;
mod pascal;
mod products;
mod structured;

pub use named::{DftScale, dft, hadamard, helmert, hilbert, invhilbert};
pub use pascal::{PascalKind, PascalOptions, invpascal, pascal};
pub use products::{block_diag, khatri_rao, kron};
pub use structured::{
    ConvolutionMode, circulant, companion, convolution_matrix, fiedler, fiedler_companion, hankel, leslie, toeplitz,
};

use xp_core::array::manipulation::concat;
use xp_core::kernels::Map1;
use xp_core::shape::broadcast_pair;
use xp_core::{Array, Backend, Element};

use crate::error::LinalgError;

/// Result alias of this module.
type Result<T> = std::result::Result<T, LinalgError>;

/// Records the generic path of `function` in the dispatch trace.
fn record<B: Backend>(function: &'static str) {
    xp_core::trace::record(function, B::NAME, xp_core::Path::Generic);
}

/// Gathers `vals[..., idx[i, j]]` into `(..., rows, cols)`: the gather behind every structured
/// matrix. `idx` is computed on the host from the sizes alone and uploaded to `vals`' device.
fn gather<T: Element, B: Backend>(vals: &Array<T, B>, idx: Vec<i64>, rows: usize, cols: usize) -> Result<Array<T, B>> {
    let idx = Array::<i64, B>::from_vec_on(idx, &[rows, cols], &vals.device())?;
    Ok(vals.take(&idx, Some(-1))?)
}

/// `x` with `extra` (one value per batch) appended along the last axis.
fn append_value<T: Element, B: Backend>(x: &Array<T, B>, value: T) -> Result<Array<T, B>> {
    let mut s = x.shape().to_vec();
    if let Some(last) = s.last_mut() {
        *last = 1;
    }
    let z = Array::<T, B>::from_vec_on(vec![value; xp_core::shape::size_of(&s)], &s, &x.device())?;
    Ok(concat(&[x, &z], Some(-1))?)
}

/// A vector argument: 0-D is read as one element; otherwise the last axis is the vector and the
/// leading axes are a batch.
fn as_vector<T: Element, B: Backend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    if x.ndim() == 0 {
        Ok(x.reshape(&[1])?)
    } else {
        Ok(x.clone())
    }
}

/// Broadcasts the batch dimensions of two vector arguments (`(..., n)` and `(..., m)`) together.
fn broadcast_batches<T: Element, B: Backend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
) -> Result<(Array<T, B>, Array<T, B>)> {
    let (sa, sb) = (a.shape(), b.shape());
    let (na, nb) = (sa.len(), sb.len());
    let batch = broadcast_pair(function, &sa[..na - 1], &sb[..nb - 1])?;
    let mut ta = batch.clone();
    ta.push(sa[na - 1]);
    let mut tb = batch;
    tb.push(sb[nb - 1]);
    Ok((a.broadcast_to(&ta)?, b.broadcast_to(&tb)?))
}

/// Complex conjugate of any element type (the identity for real and integer types).
#[derive(Debug)]
struct ConjElement<T>(std::marker::PhantomData<fn() -> T>);
impl<T> Clone for ConjElement<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ConjElement<T> {}
impl<T: Element> Map1 for ConjElement<T> {
    type In = T;
    type Out = T;
    const NAME: &'static str = "conj";
    #[inline(always)]
    fn apply(&self, x: T) -> T {
        match x.to_scalar() {
            xp_core::element::Scalar::Complex(c) => T::from_scalar(xp_core::element::Scalar::Complex(c.conj())),
            _ => x,
        }
    }
}

/// `x` conjugated (a copy for real types).
fn conj_any<T: Element, B: Backend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    Ok(x.map1(ConjElement::<T>(std::marker::PhantomData))?)
}

/// Shorthand for an invalid-parameter error.
fn invalid(function: &'static str, parameter: &'static str, value: impl std::fmt::Debug, reason: &str) -> LinalgError {
    LinalgError::invalid(function, parameter, value, reason)
}

/// `v` in `T` when `T` holds it exactly (integers in range; floats within their integer range),
/// otherwise an error naming `function` and explaining that `exact` needs a wider type.
fn exact_value<T: xp_core::Numeric>(function: &'static str, v: i128) -> Result<T> {
    use xp_core::element::Scalar;
    let out = match i64::try_from(v) {
        Ok(i) => T::from_scalar(Scalar::Int(i)),
        Err(_) => T::from_f64(v as f64),
    };
    let holds = match out.to_scalar() {
        Scalar::Int(i) => i128::from(i) == v,
        Scalar::Float(f) => f.is_finite() && f.abs() < 1.8e19 && f as i128 == v,
        Scalar::Complex(c) => c.im == 0.0 && c.re.is_finite() && c.re.abs() < 1.8e19 && c.re as i128 == v,
        Scalar::Bool(_) => false,
    };
    if holds {
        Ok(out)
    } else {
        Err(invalid(
            function,
            "exact",
            true,
            &format!(
                "the exact value {v} is not representable in {}; use exact=false or a wider element type",
                T::DTYPE
            ),
        ))
    }
}

/// The binomial coefficient `C(n, k)` exactly, or `None` on overflow.
fn binom_exact(n: u64, k: u64) -> Option<i128> {
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k);
    let mut r: i128 = 1;
    for i in 1..=k {
        // r * (n - k + i) is divisible by i after multiplying (r = C(n - k + i - 1, i - 1)).
        r = r.checked_mul(i128::from(n - k + i))? / i128::from(i);
    }
    Some(r)
}

/// The binomial coefficient `C(n, k)` in floating point (as `scipy.special.comb(exact=False)`).
fn binom_f64(n: u64, k: u64) -> f64 {
    if k > n {
        return 0.0;
    }
    let k = k.min(n - k);
    let mut r = 1.0f64;
    for i in 1..=k {
        r = r * (n - k + i) as f64 / i as f64;
    }
    r
}
