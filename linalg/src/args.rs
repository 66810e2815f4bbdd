//! Argument checks and small namespace helpers shared by the public functions.

use rayon::prelude::*;
use xp_core::array::indexing::Idx;
use xp_core::{ALL, Array, Backend, Element, shape};

use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// Fails with [`LinalgError::NonFinite`] if `check` and `a` holds NaN or infinity.
///
/// On backends whose storage is host memory the scan reads the data in place (in parallel
/// for large arrays); elsewhere it runs as namespace operations (`isfinite` then `all`).
pub fn check_finite<T: LinalgScalar, B: Backend>(
    function: &'static str,
    parameter: &'static str,
    a: &Array<T, B>,
    check: bool,
) -> Result<()> {
    if !check || a.size() == 0 {
        return Ok(());
    }
    let finite = if let Some(v) = B::host_view(a.storage()) {
        match v.as_slice_memory_order() {
            Some(s) if s.len() >= 1 << 16 => s.par_chunks(1 << 14).all(|c| c.iter().all(|x| x.is_finite())),
            Some(s) => s.iter().all(|x| x.is_finite()),
            None => v.iter().all(|x| x.is_finite()),
        }
    } else {
        a.isfinite()?.all(ALL, false)?.to_scalar()?
    };
    if finite {
        Ok(())
    } else {
        Err(LinalgError::NonFinite { function, parameter })
    }
}

/// The order `N` of a stack of square matrices `(..., N, N)`.
pub fn square<T: Element, B: Backend>(
    function: &'static str,
    parameter: &'static str,
    a: &Array<T, B>,
) -> Result<usize> {
    let s = a.shape();
    let r = s.len();
    if r < 2 {
        return Err(LinalgError::shapes(
            function,
            format!("`{parameter}` must have at least 2 dimensions, got shape {s:?}"),
        ));
    }
    if s[r - 1] != s[r - 2] {
        return Err(LinalgError::NotSquare {
            function,
            parameter,
            shape: s.to_vec(),
        });
    }
    Ok(s[r - 1])
}

/// `(batch, M, N)` of a stack with at least 2 dimensions.
pub fn matrix<T: Element, B: Backend>(
    function: &'static str,
    parameter: &'static str,
    a: &Array<T, B>,
) -> Result<(Vec<usize>, usize, usize)> {
    let s = a.shape();
    let r = s.len();
    if r < 2 {
        return Err(LinalgError::shapes(
            function,
            format!("`{parameter}` must have at least 2 dimensions, got shape {s:?}"),
        ));
    }
    Ok((s[..r - 2].to_vec(), s[r - 2], s[r - 1]))
}

/// A right-hand side `b` for square `a` of order `n`: `(N,)` is a vector (returned as an
/// `(N, 1)` matrix with `true`), anything with 2 or more dimensions is `(..., N, K)`. Batch
/// dimensions of `a` and `b` are broadcast; returns `(a, b, was_vector)` ready for a kernel.
pub fn rhs<T: Element, B: Backend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
) -> Result<(Array<T, B>, Array<T, B>, bool)> {
    let (abatch, n, _) = matrix(function, "a", a)?;
    let bs = b.shape().to_vec();
    let (b2, vector) = match bs.len() {
        0 => {
            return Err(LinalgError::shapes(
                function,
                "`b` must have at least 1 dimension, got a scalar",
            ));
        }
        1 => (b.reshape(&[bs[0] as isize, 1])?, true),
        _ => (b.clone(), false),
    };
    let (bbatch, bn, k) = matrix(function, "b", &b2)?;
    if bn != n {
        return Err(LinalgError::shapes(
            function,
            format!(
                "`a` has shape {:?} but `b` has shape {bs:?}: b needs {n} rows",
                a.shape()
            ),
        ));
    }
    let batch = shape::broadcast_pair(function, &abatch, &bbatch)?;
    let a2 = if abatch == batch {
        a.clone()
    } else {
        a.broadcast_to(&with(&batch, &[n, n]))?
    };
    let b3 = if bbatch == batch {
        b2
    } else {
        b2.broadcast_to(&with(&batch, &[n, k]))?
    };
    Ok((a2, b3, vector))
}

/// Undoes the `(N, 1)` promotion of a vector right-hand side.
pub fn unvector<T: Element, B: Backend>(x: Array<T, B>, vector: bool) -> Result<Array<T, B>> {
    if !vector {
        return Ok(x);
    }
    let s = x.shape();
    let keep: Vec<isize> = s[..s.len() - 1].iter().map(|&d| d as isize).collect();
    Ok(x.reshape(&keep)?)
}

/// `batch + tail`.
pub fn with(batch: &[usize], tail: &[usize]) -> Vec<usize> {
    let mut s = batch.to_vec();
    s.extend_from_slice(tail);
    s
}

/// The main diagonals `(..., K)` of a stack `(..., M, N)`, `K = min(M, N)`.
pub fn diagonal<T: Element, B: Backend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    let s = a.shape();
    let r = s.len();
    let (m, n) = (s[r - 2], s[r - 1]);
    let k = m.min(n);
    // The first k columns (a view), then row j of column j: a gather of k elements whatever
    // the layout (a reshape to one flat axis would copy a column-major stack whole).
    let cols = a.slice(&[Idx::Ellipsis, Idx::step(Some(0), Some(k as isize), 1)])?;
    let mut shape = vec![1isize; r];
    shape[r - 1] = k as isize;
    let rows = Array::<i64, B>::arange(0.0, k as f64, 1.0)?.reshape(&shape)?;
    Ok(cols.take_along_axis(&rows, -2)?.squeeze(-2)?)
}

/// An identity stack `batch + [n, n]` on `B`.
pub fn eye<T: LinalgScalar, B: Backend>(batch: &[usize], n: usize) -> Result<Array<T, B>> {
    let e = Array::<T, B>::eye(n, None, 0)?;
    if batch.is_empty() {
        Ok(e)
    } else {
        Ok(e.broadcast_to(&with(batch, &[n, n]))?)
    }
}

/// A rectangular identity stack `batch + [m, n]` on `B`.
pub fn eye_rect<T: LinalgScalar, B: Backend>(batch: &[usize], m: usize, n: usize) -> Result<Array<T, B>> {
    let e = Array::<T, B>::eye(m, Some(n), 0)?;
    if batch.is_empty() {
        Ok(e)
    } else {
        Ok(e.broadcast_to(&with(batch, &[m, n]))?)
    }
}

/// The conjugate transpose of the last two axes.
pub fn adjoint<T: LinalgScalar, B: Backend>(a: &Array<T, B>) -> Result<Array<T, B>> {
    let t = a.matrix_transpose()?;
    if T::IS_COMPLEX { Ok(t.conj()?) } else { Ok(t) }
}

/// A scalar of `T` as a 0-D array on `B`.
pub fn scalar<T: Element, B: Backend>(v: T) -> Result<Array<T, B>> {
    Ok(Array::<T, B>::scalar(v)?)
}
