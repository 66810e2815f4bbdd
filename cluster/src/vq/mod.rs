//! `scipy.cluster.vq`: vector quantisation and k-means.
//!
//! | SciPy | xp |
//! |---|---|
//! | `whiten(obs)` | [`whiten(&obs, true)`](whiten) |
//! | `code, dist = vq(obs, code_book)` | [`let (code, dist) = vq(&obs, &code_book, true)?`](vq()) |
//! | `book, distortion = kmeans(obs, 3, rng=42)` | [`kmeans(&obs, KOrGuess::K(3), &KmeansOptions::default().seed(42))`](kmeans) |
//! | `kmeans(obs, guess)` | [`kmeans(&obs, KOrGuess::Guess(guess), &KmeansOptions::default())`](kmeans) |
//! | `centroid, label = kmeans2(data, 3, minit='++', rng=0)` | [`kmeans2(&data, KOrCentroids::K(3), &Kmeans2Options::default().minit(Minit::PlusPlus).seed(0))`](kmeans2) |
//! | `kmeans2(data, c, minit='matrix')` | [`kmeans2(&data, KOrCentroids::Centroids(c), &Kmeans2Options::default())`](kmeans2) |
//!
//! Every function here is written once against the [`xp_core`] namespace (generic over
//! `B: Backend`), records the [`Path::Generic`](xp_core::Path::Generic) dispatch, and returns
//! arrays on the input's backend with the input's element type (`f32` in, `f32` out; labels are
//! `i32` as in SciPy).
//!
//! ## Host reads
//! The data never leaves the backend. Where SciPy's semantics need a data-dependent decision, a
//! function reads one scalar (a 0-d array) with `to_scalar`, and says so in its docs:
//! `check_finite` (one `bool` per checked array), whether `whiten` found a zero-variance column
//! (to warn), the distortion of each `kmeans` iteration (the convergence test), whether a
//! `kmeans2` iteration left a cluster empty (to warn or raise), and whether the Cholesky factor
//! of `minit='random'` is finite (SciPy's `LinAlgError`). Random numbers are drawn on the host by
//! [`xp_core::random::Generator`] and uploaded, like any other new data.
//!
//! ## Distances
//! Nearest codes are found from squared distances computed as `-2 x·c + |c|^2` with `matmul`
//! (`|x|^2` does not change the minimiser; the data are centred on their mean first so large
//! offsets do not cost precision), in blocks of rows so the `(n, k)` score matrix is never
//! held whole; the distances [`vq()`] returns are then computed directly as `|x - c|` for the
//! chosen code, so they match SciPy's to rounding.

mod init;
mod kmeans;
mod kmeans2;
mod lloyd;
mod quantize;
mod whiten;

pub use self::kmeans::{KOrGuess, KmeansOptions, kmeans};
pub use self::kmeans2::{KOrCentroids, Kmeans2Options, Minit, Missing, kmeans2};
pub use self::quantize::vq;
pub use self::whiten::whiten;

use xp_core::{ALL, Array, Backend, RealFloat};

use crate::error::{ClusterError, Result};

/// SciPy's `check_finite`: fails with [`ClusterError::NonFinite`] if `x` holds a NaN or an
/// infinity. Reads one `bool` (a 0-d array) on the host.
pub(crate) fn check_finite<T: RealFloat, B: Backend>(
    function: &'static str,
    parameter: &'static str,
    x: &Array<T, B>,
) -> Result<()> {
    if x.size() == 0 {
        return Ok(());
    }
    // Host read: one bool, the result of the finiteness test SciPy's `asarray_chkfinite` makes.
    let finite = x.isfinite()?.all(ALL, false)?.to_scalar()?;
    if finite {
        Ok(())
    } else {
        Err(ClusterError::NonFinite { function, parameter })
    }
}

/// Views 1-D observations (or codes) as one-feature rows: `(n,)` becomes `(n, 1)`; 2-D arrays
/// are returned as they are. The caller has checked the rank is 1 or 2.
pub(crate) fn as_rows<T: RealFloat, B: Backend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    if x.ndim() == 1 {
        let n = x.shape().first().copied().unwrap_or(0);
        Ok(x.reshape(&[to_isize(n), 1])?)
    } else {
        Ok(x.clone())
    }
}

/// Returns rows to the rank of the input they came from: `(k, 1)` becomes `(k,)` when `ndim` is 1.
pub(crate) fn from_rows<T: RealFloat, B: Backend>(x: Array<T, B>, ndim: usize) -> Result<Array<T, B>> {
    if ndim == 1 {
        let k = x.shape().first().copied().unwrap_or(0);
        Ok(x.reshape(&[to_isize(k)])?)
    } else {
        Ok(x)
    }
}

/// A shape length as the `isize` that `reshape` takes. Lengths of existing arrays always fit.
pub(crate) fn to_isize(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// Number of rows (observations) and columns (features) of a 1-D or 2-D array.
pub(crate) fn rows_cols(shape: &[usize]) -> (usize, usize) {
    match shape {
        [n] => (*n, 1),
        [n, d] => (*n, *d),
        _ => (0, 0),
    }
}

/// Fails with [`ClusterError::Shape`] unless `x` is 1-D or 2-D (SciPy: "ndim different than 1 or
/// 2 are not supported").
pub(crate) fn check_rank_1_or_2<T: RealFloat, B: Backend>(
    function: &'static str,
    parameter: &'static str,
    x: &Array<T, B>,
) -> Result<()> {
    if x.ndim() == 1 || x.ndim() == 2 {
        Ok(())
    } else {
        Err(ClusterError::shape(
            function,
            parameter,
            "a 1-D array (one feature) or a 2-D array (observations x features)",
            x.shape(),
        ))
    }
}

/// Fails unless `codes` has the rank of `obs` and, for 2-D input, as many features (columns).
pub(crate) fn check_codes_match<T: RealFloat, B: Backend>(
    function: &'static str,
    parameter: &'static str,
    obs: &Array<T, B>,
    codes: &Array<T, B>,
) -> Result<()> {
    if codes.ndim() != obs.ndim() {
        return Err(ClusterError::shape(
            function,
            parameter,
            format!(
                "the same number of dimensions as the observations, which have shape {:?}",
                obs.shape()
            ),
            codes.shape(),
        ));
    }
    let (_, d) = rows_cols(obs.shape());
    let (_, dc) = rows_cols(codes.shape());
    if d != dc {
        return Err(ClusterError::shape(
            function,
            parameter,
            format!("{d} features (columns), as the observations of shape {:?}", obs.shape()),
            codes.shape(),
        ));
    }
    Ok(())
}

/// A 0-d array holding `v` converted to `T`, to broadcast in element-wise operations.
pub(crate) fn scalar<T: RealFloat, B: Backend>(v: f64) -> Result<Array<T, B>> {
    Ok(Array::full(&[], T::from_f64(v))?)
}
