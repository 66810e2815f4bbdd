//! The array API's `linalg` helpers: [`trace`], [`diagonal`], [`outer`], [`cross`],
//! [`matrix_power`], [`matrix_transpose`].
//!
//! All but [`matrix_power`] are plain namespace code that works on any element type of the
//! namespace (integers too) and any backend; [`matrix_power`] with a negative exponent inverts
//! through the LU kernel.

use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::stack;
use xp_core::{Array, Backend, Element, Numeric, shape};

use crate::args;
use crate::backend::{LinalgBackend, Trans};
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// The `offset` diagonals `(..., K)` of the stack `x` (`(..., M, N)`), the array API's
/// `linalg.diagonal`: `offset > 0` is above the main diagonal, `offset < 0` below. An offset
/// outside the matrix gives `K = 0`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::diagonal;
/// let x = Array::<i64>::from_vec((0..9).collect(), &[3, 3])?;
/// assert_eq!(diagonal(&x, 0)?.to_vec()?, vec![0, 4, 8]);
/// assert_eq!(diagonal(&x, 1)?.to_vec()?, vec![1, 5]);
/// assert_eq!(diagonal(&x, -2)?.to_vec()?, vec![6]);
/// assert_eq!(diagonal(&x, 5)?.shape(), &[0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] for fewer than 2 dimensions.
pub fn diagonal<T: Element, B: Backend>(x: &Array<T, B>, offset: isize) -> Result<Array<T, B>> {
    const F: &str = "linalg.diagonal";
    args::matrix(F, "x", x)?;
    let cut = if offset >= 0 {
        x.slice(&[Idx::Ellipsis, Idx::step(Some(offset), None, 1)])?
    } else {
        let rows = offset.checked_neg().unwrap_or(isize::MAX);
        x.slice(&[Idx::Ellipsis, Idx::step(Some(rows), None, 1), Idx::all()])?
    };
    args::diagonal(&cut)
}

/// The sums of the `offset` diagonals of the stack `x` (`(..., M, N)` gives `(...)`), the array
/// API's `linalg.trace`. Empty diagonals sum to 0. The sum keeps `x`'s element type (integers
/// wrap on overflow).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::trace;
/// let x = Array::<f64>::from_vec((0..8).map(f64::from).collect(), &[2, 2, 2])?;
/// assert_eq!(trace(&x, 0)?.to_vec()?, vec![3.0, 11.0]);
/// assert_eq!(trace(&x, 1)?.to_vec()?, vec![1.0, 5.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] for fewer than 2 dimensions.
pub fn trace<T: Numeric, B: Backend>(x: &Array<T, B>, offset: isize) -> Result<Array<T, B>> {
    let d = diagonal(x, offset).map_err(|e| rename(e, "linalg.trace"))?;
    Ok(d.sum(-1, false)?)
}

/// The outer product `x1[i] * x2[j]` of two vectors, `(M,)` and `(N,)` giving `(M, N)`, the
/// array API's `linalg.outer`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::outer;
/// let a = Array::<f64>::from_slice(&[1.0, 2.0])?;
/// let b = Array::<f64>::from_slice(&[3.0, 4.0, 5.0])?;
/// assert_eq!(outer(&a, &b)?.to_vec()?, vec![3.0, 4.0, 5.0, 6.0, 8.0, 10.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] unless both inputs are 1-D.
pub fn outer<T: Numeric, B: Backend>(x1: &Array<T, B>, x2: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.outer";
    if x1.ndim() != 1 || x2.ndim() != 1 {
        return Err(LinalgError::shapes(
            F,
            format!(
                "input arrays must be one-dimensional, got shapes {:?} and {:?}",
                x1.shape(),
                x2.shape()
            ),
        ));
    }
    let col = x1.reshape(&[x1.shape()[0] as isize, 1])?;
    let row = x2.reshape(&[1, x2.shape()[0] as isize])?;
    Ok((&col * &row)?)
}

/// The cross product of 3-vectors along `axis` (default `-1` in the array API), NumPy's
/// `linalg.cross`: the other axes broadcast; `axis` counts in each input (a positive `axis`
/// refers to each input's own dimensions, as in NumPy) and in the result.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::cross;
/// let x = Array::<f64>::from_slice(&[1.0, 0.0, 0.0])?;
/// let y = Array::<f64>::from_vec(vec![0.0, 1.0, 0.0, 0.0, 0.0, 1.0], &[2, 3])?;
/// assert_eq!(cross(&x, &y, -1)?.to_vec()?, vec![0.0, 0.0, 1.0, 0.0, -1.0, 0.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] unless both inputs have length 3 along `axis`;
/// [`LinalgError::Core`] for an axis out of range or batch shapes that do not broadcast.
pub fn cross<T: Numeric, B: Backend>(x1: &Array<T, B>, x2: &Array<T, B>, axis: isize) -> Result<Array<T, B>> {
    const F: &str = "linalg.cross";
    let a1 = shape::normalize_axis(F, axis, x1.ndim())?;
    let a2 = shape::normalize_axis(F, axis, x2.ndim())?;
    let (n1, n2) = (x1.shape()[a1], x2.shape()[a2]);
    if n1 != 3 || n2 != 3 {
        return Err(LinalgError::shapes(
            F,
            format!(
                "both inputs must be (arrays of) 3-dimensional vectors along axis {axis}, but they are {n1} and {n2} dimensional (shapes {:?} and {:?})",
                x1.shape(),
                x2.shape()
            ),
        ));
    }
    let a = x1.moveaxis(&[a1 as isize], &[-1])?;
    let b = x2.moveaxis(&[a2 as isize], &[-1])?;
    let part = |v: &Array<T, B>, i: isize| v.slice(&[Idx::Ellipsis, Idx::Index(i)]);
    let (ax, ay, az) = (part(&a, 0)?, part(&a, 1)?, part(&a, 2)?);
    let (bx, by, bz) = (part(&b, 0)?, part(&b, 1)?, part(&b, 2)?);
    let cx = ((&ay * &bz)? - (&az * &by)?)?;
    let cy = ((&az * &bx)? - (&ax * &bz)?)?;
    let cz = ((&ax * &by)? - (&ay * &bx)?)?;
    let c = stack(&[&cx, &cy, &cz], -1)?;
    let ac = shape::normalize_axis(F, axis, c.ndim())?;
    Ok(c.moveaxis(&[-1], &[ac as isize])?)
}

/// The integer power `x^n` of every square matrix of `x` (`(..., N, N)`), NumPy's
/// `linalg.matrix_power`: `n = 0` gives identities, negative `n` powers of the inverse, and
/// positive `n` repeated squaring.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matrix_power;
/// let x = Array::<f64>::from_vec(vec![1.0, 1.0, 0.0, 1.0], &[2, 2])?;
/// assert_eq!(matrix_power(&x, 5)?.to_vec()?, vec![1.0, 5.0, 0.0, 1.0]);
/// assert_eq!(matrix_power(&x, -2)?.to_vec()?, vec![1.0, -2.0, 0.0, 1.0]);
/// assert_eq!(matrix_power(&x, 0)?.to_vec()?, vec![1.0, 0.0, 0.0, 1.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`] (and [`LinalgError::ShapeMismatch`] for fewer than 2 dimensions);
/// [`LinalgError::Singular`] for a negative power of a singular matrix.
pub fn matrix_power<T: LinalgScalar, B: LinalgBackend>(x: &Array<T, B>, n: i64) -> Result<Array<T, B>> {
    const F: &str = "linalg.matrix_power";
    let order = args::square(F, "x", x)?;
    let batch = x.shape()[..x.ndim() - 2].to_vec();
    if n == 0 {
        // An owned identity stack (not a broadcast view).
        let eye = args::eye::<T, B>(&batch, order)?;
        return Ok((&eye + T::ZERO)?);
    }
    let base = if n < 0 {
        let eye = args::eye::<T, B>(&batch, order)?;
        B::lu_factor_solve(F, x, &eye, Trans::N, false)?
    } else {
        x.clone()
    };
    let mut k = n.unsigned_abs();
    let mut z: Option<Array<T, B>> = None;
    let mut result: Option<Array<T, B>> = None;
    while k > 0 {
        let next = match &z {
            None => base.clone(),
            Some(z) => z.matmul(z)?,
        };
        if k & 1 == 1 {
            result = Some(match result {
                None => next.clone(),
                Some(r) => r.matmul(&next)?,
            });
        }
        z = Some(next);
        k >>= 1;
    }
    match result {
        Some(r) => Ok(r),
        None => Ok(base),
    }
}

/// The transpose of every matrix of `x` (`(..., M, N)` gives `(..., N, M)`), the array API's
/// `linalg.matrix_transpose` (no conjugation).
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::matrix_transpose;
/// let x = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
/// assert_eq!(matrix_transpose(&x)?.to_vec()?, vec![0, 3, 1, 4, 2, 5]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::ShapeMismatch`] for fewer than 2 dimensions.
pub fn matrix_transpose<T: Element, B: Backend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    args::matrix("linalg.matrix_transpose", "x", x)?;
    Ok(x.matrix_transpose()?)
}

/// Puts `function` into a shape error raised by a helper under another name.
fn rename(e: LinalgError, function: &'static str) -> LinalgError {
    match e {
        LinalgError::ShapeMismatch { reason, .. } => LinalgError::ShapeMismatch { function, reason },
        other => other,
    }
}
