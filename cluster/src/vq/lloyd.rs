//! The two steps of Lloyd's k-means iteration, written against the namespace: assign every
//! observation to its nearest code, and move every code to the mean of its observations.
//!
//! All arrays here are rows: observations `(n, d)`, codes `(k, d)`.

use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::concat;
use xp_core::array::searching::where_;
use xp_core::{Array, Backend, RealFloat};

use super::{rows_cols, scalar, to_isize};
use crate::error::Result;

/// Largest number of squared-distance scores computed at once (4 MiB of `f64`).
pub(crate) const SCORE_BLOCK_ELEMENTS: usize = 1 << 19;

/// Observations prepared for repeated Lloyd iterations: nearest-code searches and mean updates.
///
/// The squared distance `|x - c|^2 = |x|^2 - 2 x·c + |c|^2` has the same minimiser over codes `c`
/// as `-2 x·c + |c|^2`, which is one matrix product of the observations augmented with a column of
/// ones, `[x, 1]`, and the codes augmented with their squared norms, `[-2c, |c|^2]`. Observations
/// and codes are centred on the mean observation first (distances do not change under a common
/// shift), so data with a large offset keep their precision.
pub(crate) struct Lloyd<T: RealFloat, B: Backend> {
    /// The observations, shape `(n, d)`.
    obs: Array<T, B>,
    /// `[x - shift, 1]`, shape `(n, d + 1)`.
    augmented: Array<T, B>,
    /// The mean observation, shape `(1, d)` (zeros when there are no observations).
    shift: Array<T, B>,
    /// `n` ones, summed per label to count observations per code.
    ones: Array<i64, B>,
}

impl<T: RealFloat, B: Backend> Lloyd<T, B> {
    /// Prepares `obs` (`(n, d)`).
    pub(crate) fn new(obs: &Array<T, B>) -> Result<Self> {
        let (n, d) = rows_cols(obs.shape());
        let shift = if n == 0 {
            Array::zeros(&[1, d])?
        } else {
            // The mean observation, as one matrix-vector product (a single pass over the data).
            (&Array::ones(&[1, n])?.matmul(obs)? / T::from_f64(n as f64))?
        };
        let centred = obs.subtract(&shift)?;
        let ones = Array::ones(&[n, 1])?;
        let augmented = concat(&[&centred, &ones], Some(1))?;
        Ok(Lloyd {
            obs: obs.clone(),
            augmented,
            shift,
            ones: Array::ones(&[n])?,
        })
    }

    /// The index of the nearest code (first one on ties) for every observation, shape `(n,)`.
    /// `codes` is `(k, d)` with `k >= 1`.
    ///
    /// The `(n, k)` score matrix is never held whole: observations are scored in blocks of rows
    /// whose scores fit in [`SCORE_BLOCK_ELEMENTS`], so memory stays `O(n + k)` beyond the
    /// prepared observations, and each block's scores are still in cache when `argmin` reads them.
    pub(crate) fn nearest(&self, codes: &Array<T, B>) -> Result<Array<i64, B>> {
        let (k, _) = rows_cols(codes.shape());
        let centred = codes.subtract(&self.shift)?;
        let norms = centred.square()?.sum(1, true)?; // (k, 1)
        let scaled = (&centred * T::from_f64(-2.0))?;
        let weights = concat(&[&scaled, &norms], Some(1))?.matrix_transpose()?; // (d + 1, k)
        let (n, _) = rows_cols(self.augmented.shape());
        let block = (SCORE_BLOCK_ELEMENTS / k.max(1)).max(1);
        if n <= block {
            return Ok(self.augmented.matmul(&weights)?.argmin(Some(1), false)?);
        }
        let mut labels = Vec::with_capacity(n.div_ceil(block));
        for start in (0..n).step_by(block) {
            let stop = start.saturating_add(block).min(n);
            let rows = self.augmented.slice(&[Idx::range(to_isize(start), to_isize(stop))])?;
            labels.push(rows.matmul(&weights)?.argmin(Some(1), false)?);
        }
        let parts: Vec<&Array<i64, B>> = labels.iter().collect();
        Ok(concat(&parts, Some(0))?)
    }

    /// New codes: the mean of the observations assigned to each of the `k` codes (zeros for a
    /// code with none, like SciPy's `update_cluster_means`), shape `(k, d)`, and the number of
    /// observations per code, shape `(k,)`. Two segment sums; no host reads.
    pub(crate) fn update_means(&self, labels: &Array<i64, B>, k: usize) -> Result<(Array<T, B>, Array<i64, B>)> {
        let sums = self.obs.segment_sum(labels, k)?; // (k, d)
        let counts = self.ones.segment_sum(labels, k)?; // (k,)
        let denominators = counts
            .astype::<T>()?
            .maximum(&scalar::<T, B>(1.0)?)?
            .reshape(&[to_isize(k), 1])?;
        Ok((sums.divide(&denominators)?, counts))
    }

    /// The Euclidean distance from every observation to its assigned code, computed directly as
    /// `sqrt(sum((x - c)^2))`, shape `(n,)`.
    pub(crate) fn distances(&self, codes: &Array<T, B>, labels: &Array<i64, B>) -> Result<Array<T, B>> {
        let chosen = codes.take(labels, Some(0))?;
        Ok(self.obs.subtract(&chosen)?.square()?.sum(1, false)?.sqrt()?)
    }
}

/// Keeps `old` codes where `counts` is zero (SciPy's `kmeans2` treatment of empty clusters).
pub(crate) fn keep_empty<T: RealFloat, B: Backend>(
    new: &Array<T, B>,
    old: &Array<T, B>,
    counts: &Array<i64, B>,
) -> Result<Array<T, B>> {
    let k = counts.size();
    let has_members = counts.greater(&Array::zeros(&[])?)?.reshape(&[to_isize(k), 1])?;
    Ok(where_(&has_members, new, old)?)
}
