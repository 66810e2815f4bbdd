//! Block-diagonal assembly and the Kronecker and Khatri-Rao products.

use xp_core::array::manipulation::concat;
use xp_core::shape::broadcast_shapes;
use xp_core::{Array, Backend, Element, Numeric};

use super::{Result, invalid, record};

/// The block-diagonal matrix of `arrs` (`scipy.linalg.block_diag(*arrs)`): the inputs on the
/// diagonal of the last two axes, zeros elsewhere. A 0-D input is a `1 x 1` block and a 1-D input
/// of length `n` a `1 x n` block. Leading (batch) dimensions broadcast, as in SciPy >= 1.15; no
/// input at all gives SciPy's empty `(1, 0)` matrix.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::block_diag;
/// let a = Array::<i64>::from_vec(vec![1, 0, 0, 1], &[2, 2])?;
/// let b = Array::<i64>::from_slice(&[3, 4])?;
/// let d = block_diag(&[&a, &b])?;
/// assert_eq!(d.shape(), &[3, 4]);
/// assert_eq!(d.to_vec()?, vec![1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 3, 4]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// A broadcast error if the batch dimensions do not broadcast; a device mismatch.
pub fn block_diag<T: Element, B: Backend>(arrs: &[&Array<T, B>]) -> Result<Array<T, B>> {
    const F: &str = "linalg.block_diag";
    record::<B>(F);
    let Some(first) = arrs.first() else {
        return Ok(Array::zeros(&[1, 0])?);
    };
    let device = first.device();
    let mats: Vec<Array<T, B>> = arrs
        .iter()
        .map(|a| match a.ndim() {
            0 => a.reshape(&[1, 1]),
            1 => a.reshape(&[1, -1]),
            _ => Ok((*a).clone()),
        })
        .collect::<std::result::Result<_, _>>()?;
    let batches: Vec<&[usize]> = mats.iter().map(|m| &m.shape()[..m.ndim() - 2]).collect();
    let batch = broadcast_shapes(F, &batches)?;
    let dims: Vec<(usize, usize)> = mats
        .iter()
        .map(|m| (m.shape()[m.ndim() - 2], m.shape()[m.ndim() - 1]))
        .collect();
    let total: usize = dims.iter().map(|d| d.1).sum();
    let zeros = |rows: usize, cols: usize| -> Result<Array<T, B>> {
        let mut s = batch.clone();
        s.extend([rows, cols]);
        Ok(Array::from_vec_on(
            vec![T::default(); xp_core::shape::checked_size(F, &s)?],
            &s,
            &device,
        )?)
    };
    let mut row_blocks = Vec::with_capacity(mats.len());
    let mut left = 0;
    for (m, &(r, c)) in mats.iter().zip(&dims) {
        let mut s = batch.clone();
        s.extend([r, c]);
        let block = m.broadcast_to(&s)?;
        let mut pieces = Vec::with_capacity(3);
        if left > 0 {
            pieces.push(zeros(r, left)?);
        }
        pieces.push(block);
        let right = total - left - c;
        if right > 0 {
            pieces.push(zeros(r, right)?);
        }
        let refs: Vec<&Array<T, B>> = pieces.iter().collect();
        row_blocks.push(concat(&refs, Some(-1))?);
        left += c;
    }
    let refs: Vec<&Array<T, B>> = row_blocks.iter().collect();
    Ok(concat(&refs, Some(-2))?)
}

/// The Kronecker product of `a` and `b` (NumPy's `kron`, formerly `scipy.linalg.kron`): with
/// both shapes padded with leading ones to the same rank, the result has shape
/// `a.shape * b.shape` and `out[..., i * bs + k, ...] = a[..., i, ...] * b[..., k, ...]` on every
/// axis.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::kron;
/// let a = Array::<i64>::from_vec(vec![1, 2, 3, 4], &[2, 2])?;
/// let b = Array::<i64>::from_vec(vec![1, 1, 1], &[1, 3])?;
/// let k = kron(&a, &b)?;
/// assert_eq!(k.shape(), &[2, 6]);
/// assert_eq!(k.to_vec()?, vec![1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// A size overflow or a device mismatch.
pub fn kron<T: Numeric, B: Backend>(a: &Array<T, B>, b: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.kron";
    record::<B>(F);
    let nd = a.ndim().max(b.ndim());
    let pad = |s: &[usize]| -> Vec<usize> {
        let mut p = vec![1; nd - s.len()];
        p.extend_from_slice(s);
        p
    };
    let (sa, sb) = (pad(a.shape()), pad(b.shape()));
    let mut ia = Vec::with_capacity(2 * nd);
    let mut ib = Vec::with_capacity(2 * nd);
    let mut out = Vec::with_capacity(nd);
    for (&x, &y) in sa.iter().zip(&sb) {
        ia.extend([x as isize, 1]);
        ib.extend([1, y as isize]);
        out.push(x.checked_mul(y).ok_or_else(|| xp_core::Error::SizeOverflow {
            function: F,
            shape: vec![x, y],
        })? as isize);
    }
    let prod = (&a.reshape(&ia)? * &b.reshape(&ib)?)?;
    Ok(prod.reshape(&out)?)
}

/// The Khatri-Rao (column-wise Kronecker) product (`scipy.linalg.khatri_rao(a, b)`): for
/// `a` of shape `(n, k)` and `b` of shape `(m, k)`, column `j` of the `(n * m, k)` result is
/// `kron(a[:, j], b[:, j])`. Leading batch dimensions broadcast.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::special::khatri_rao;
/// let a = Array::<i64>::from_vec(vec![1, 2, 3, 4, 5, 6], &[2, 3])?;
/// let b = Array::<i64>::from_vec(vec![3, 4, 5, 6, 7, 8, 2, 3, 9], &[3, 3])?;
/// let c = khatri_rao(&a, &b)?;
/// assert_eq!(c.shape(), &[6, 3]);
/// assert_eq!(&c.to_vec()?[..6], &[3, 8, 15, 6, 14, 24]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` if either input has fewer than 2 dimensions or their column counts
/// differ; a broadcast error if the batch dimensions do not broadcast.
pub fn khatri_rao<T: Numeric, B: Backend>(a: &Array<T, B>, b: &Array<T, B>) -> Result<Array<T, B>> {
    const F: &str = "linalg.khatri_rao";
    record::<B>(F);
    if a.ndim() < 2 || b.ndim() < 2 {
        let bad = if a.ndim() < 2 { a.shape() } else { b.shape() };
        return Err(invalid(
            F,
            if a.ndim() < 2 { "a" } else { "b" },
            bad,
            "both arrays should be 2-dimensional",
        ));
    }
    let (sa, sb) = (a.shape(), b.shape());
    let (n, k) = (sa[sa.len() - 2], sa[sa.len() - 1]);
    let (m, k2) = (sb[sb.len() - 2], sb[sb.len() - 1]);
    if k != k2 {
        return Err(invalid(
            F,
            "b",
            sb,
            "the number of columns for both arrays should be equal",
        ));
    }
    let prod = (&a.expand_dims(-2)? * &b.expand_dims(-3)?)?;
    let ps = prod.shape();
    let mut out: Vec<isize> = ps[..ps.len() - 3].iter().map(|&d| d as isize).collect();
    out.extend([(n * m) as isize, k as isize]);
    Ok(prod.reshape(&out)?)
}
