//! `scipy.cluster.vq.vq`: assign each observation the nearest code of a code book.

use xp_core::{Array, Backend, Path, RealFloat, trace};

use super::lloyd::Lloyd;
use super::{as_rows, check_codes_match, check_rank_1_or_2, rows_cols, to_isize};
use crate::error::{ClusterError, Result};

const F: &str = "cluster.vq.vq";

/// Assigns a code from `code_book` to each observation of `obs` (SciPy's
/// `scipy.cluster.vq.vq(obs, code_book, check_finite)`): the index of the nearest code in
/// Euclidean distance (the first one on ties), and the distance to it.
///
/// - `obs`: `(M, N)`, one observation per row, or `(M,)` for one-feature observations.
/// - `code_book`: `(K, N)`, one code per row, or `(K,)`; the same rank as `obs` (a 0-d array
///   counts as 1-D of length 1, as in SciPy).
/// - `check_finite`: fail on NaN or infinity in either input (SciPy's default is `true`).
///
/// Returns `(code, dist)`: `code` is `(M,)` of `i32` (SciPy's dtype), `dist` is `(M,)` of `T`,
/// computed directly as `|obs[i] - code_book[code[i]]|`.
///
/// Generic path; host reads: one `bool` per input when `check_finite` is true.
///
/// ```
/// use xp_core::Array;
/// use xp_cluster::vq::vq;
/// let features = Array::<f64>::from_vec(vec![1.9, 2.3, 1.7, 1.5, 2.5, 2.2, 0.8, 0.6, 1.7], &[3, 3])?;
/// let code_book = Array::<f64>::from_vec(vec![1.0, 1.0, 1.0, 2.0, 2.0, 2.0], &[2, 3])?;
/// let (code, dist) = vq(&features, &code_book, true)?;
/// assert_eq!(code.to_vec()?, vec![1, 1, 0]);
/// let expected = [0.19f64.sqrt(), 0.54f64.sqrt(), 0.69f64.sqrt()];
/// for (d, e) in dist.to_vec()?.iter().zip(expected) {
///     assert!((d - e).abs() < 1e-12);
/// }
/// # Ok::<(), xp_cluster::ClusterError>(())
/// ```
///
/// # Errors
/// - [`ClusterError::Shape`] if either input has more than 2 dimensions, the ranks differ, the
///   numbers of features (columns) differ, or `code_book` has no codes (SciPy returns garbage
///   labels there; xp refuses).
/// - [`ClusterError::NonFinite`] if `check_finite` is true and an input holds NaN or infinity.
/// - [`ClusterError::Core`] for a backend failure.
pub fn vq<T: RealFloat, B: Backend>(
    obs: &Array<T, B>,
    code_book: &Array<T, B>,
    check_finite: bool,
) -> Result<(Array<i32, B>, Array<T, B>)> {
    trace::record(F, B::NAME, Path::Generic);
    let obs = at_least_1d(obs)?;
    let code_book = at_least_1d(code_book)?;
    check_rank_1_or_2(F, "obs", &obs)?;
    check_rank_1_or_2(F, "code_book", &code_book)?;
    check_codes_match(F, "code_book", &obs, &code_book)?;
    let (k, _) = rows_cols(code_book.shape());
    if k == 0 {
        return Err(ClusterError::shape(
            F,
            "code_book",
            "at least one code (row)",
            code_book.shape(),
        ));
    }
    if i32::try_from(k).is_err() {
        return Err(ClusterError::shape(
            F,
            "code_book",
            "at most i32::MAX codes (labels are i32)",
            code_book.shape(),
        ));
    }
    if check_finite {
        super::check_finite(F, "obs", &obs)?;
        super::check_finite(F, "code_book", &code_book)?;
    }
    let (obs, code_book) = (as_rows(&obs)?, as_rows(&code_book)?);
    let lloyd = Lloyd::new(&obs)?;
    let code = lloyd.nearest(&code_book)?;
    let dist = lloyd.distances(&code_book, &code)?;
    Ok((code.astype::<i32>()?, dist))
}

/// A 0-d array as a 1-D array of one element (NumPy's `ascontiguousarray`, which SciPy's `vq`
/// applies); other arrays unchanged.
fn at_least_1d<T: RealFloat, B: Backend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    if x.ndim() == 0 {
        Ok(x.reshape(&[to_isize(1)])?)
    } else {
        Ok(x.clone())
    }
}
