//! Initial code books for k-means: `k` random observations (SciPy's `_kpoints`), `k` draws from a
//! Gaussian fitted to the data (`_krandinit`), and k-means++ seeding (`_kpp`).
//!
//! Every function takes the observations as rows `(n, d)` and returns codes as rows `(k, d)`.

use xp_core::array::manipulation::concat;
use xp_core::array::searching::where_;
use xp_core::random::Generator;
use xp_core::{ALL, Array, Backend, RealFloat};

use super::{rows_cols, scalar, to_isize};
use crate::error::{ClusterError, Result};

/// `k` distinct observations chosen uniformly at random (SciPy's `_kpoints`:
/// `rng.choice(n, k, replace=False)`).
pub(crate) fn points<T: RealFloat, B: Backend>(
    function: &'static str,
    obs: &Array<T, B>,
    k: usize,
    rng: &mut Generator,
) -> Result<Array<T, B>> {
    let (n, _) = rows_cols(obs.shape());
    if k > n {
        return Err(ClusterError::NotEnoughObservations { function, k, n });
    }
    let idx = rng.choice::<B>(n, k, false)?;
    Ok(obs.take(&idx, Some(0))?)
}

/// `k` draws from a Gaussian with the mean and covariance (`ddof = 1`) of the observations
/// (SciPy's `_krandinit`). `one_feature` marks observations that were 1-D, for which SciPy scales
/// standard normal draws by the standard deviation instead of factoring a covariance matrix.
///
/// With more features than observations SciPy factors the centred data by an SVD; the draws
/// `z @ (x - mean) / sqrt(n - 1)` with `z` of shape `(k, n)` used here have the same
/// distribution (the covariance of the data) and need no factorisation. Otherwise the covariance
/// is factored by Cholesky, which fails, as in SciPy, when it is not positive definite.
pub(crate) fn random<T: RealFloat, B: Backend>(
    function: &'static str,
    obs: &Array<T, B>,
    k: usize,
    one_feature: bool,
    rng: &mut Generator,
) -> Result<Array<T, B>> {
    let (n, d) = rows_cols(obs.shape());
    let mean = obs.mean(0, true)?; // (1, d)
    let centred = obs.subtract(&mean)?;
    let dof = scalar::<T, B>(n as f64 - 1.0)?;
    let draws = if one_feature {
        let std = obs.var(ALL, 1.0, false)?.sqrt()?;
        rng.standard_normal::<T, B>(&[k, 1])?.multiply(&std)?
    } else if d > n {
        let scaled = centred.divide(&dof.sqrt()?)?;
        rng.standard_normal::<T, B>(&[k, n])?.matmul(&scaled)?
    } else {
        let cov = centred.matrix_transpose()?.matmul(&centred)?.divide(&dof)?;
        let factor = cholesky(function, &cov)?;
        rng.standard_normal::<T, B>(&[k, d])?
            .matmul(&factor.matrix_transpose()?)?
    };
    Ok(draws.add(&mean)?)
}

/// The lower Cholesky factor `L` of a symmetric `(d, d)` matrix, `L L^T = a`, by `d` rank-one
/// updates written with namespace operations (no host access to the matrix).
///
/// Host read: one `bool` (whether `L` is finite): a pivot that is not positive gives NaN or
/// infinity, which is SciPy's `LinAlgError: Matrix is not positive definite`.
fn cholesky<T: RealFloat, B: Backend>(function: &'static str, a: &Array<T, B>) -> Result<Array<T, B>> {
    let (d, _) = rows_cols(a.shape());
    let rows = Array::<i64, B>::arange(0.0, d as f64, 1.0)?.reshape(&[to_isize(d), 1])?;
    let zero = scalar::<T, B>(0.0)?;
    let mut rest = a.clone();
    let mut columns = Vec::with_capacity(d);
    for j in 0..d {
        let j_index = Array::<i64, B>::from_vec(vec![j as i64], &[1])?;
        let column = rest.take(&j_index, Some(1))?; // (d, 1)
        let pivot = column.take(&j_index, Some(0))?; // (1, 1)
        let scaled = column.divide(&pivot.sqrt()?)?;
        let below = rows.greater_equal(&Array::full(&[], j as i64)?)?;
        let l = where_(&below, &scaled, &zero)?; // column j of L, zero above the diagonal
        rest = rest.subtract(&l.matmul(&l.matrix_transpose()?)?)?;
        columns.push(l);
    }
    if columns.is_empty() {
        return Ok(a.clone());
    }
    let refs: Vec<&Array<T, B>> = columns.iter().collect();
    let factor = concat(&refs, Some(1))?;
    // Host read: one bool, standing in for LAPACK's "not positive definite" status.
    if !factor.isfinite()?.all(ALL, false)?.to_scalar()? {
        return Err(ClusterError::CovarianceNotPositiveDefinite { function });
    }
    Ok(factor)
}

/// k-means++ seeding (SciPy's `_kpp`): the first code is a uniformly random observation; each
/// next one is observation `i` with probability proportional to `D(i)^2`, its squared distance to
/// the nearest code chosen so far (found by comparing a uniform draw with the cumulative
/// probabilities, like SciPy's `searchsorted`). When every `D(i)` is 0 (more codes than distinct
/// observations) the probabilities are NaN and, as in SciPy, observation 0 is chosen.
pub(crate) fn plus_plus<T: RealFloat, B: Backend>(
    obs: &Array<T, B>,
    k: usize,
    rng: &mut Generator,
) -> Result<Array<T, B>> {
    let (n, _) = rows_cols(obs.shape());
    let mut codes = Vec::with_capacity(k);
    let mut nearest_sq: Option<Array<T, B>> = None;
    let last = Array::<i64, B>::full(&[], i64::try_from(n.saturating_sub(1)).unwrap_or(i64::MAX))?;
    for _ in 0..k {
        let index = match &nearest_sq {
            None => Array::<i64, B>::from_vec(vec![rng.next_below(n as u64) as i64], &[1])?,
            Some(d2) => {
                let total = d2.sum(ALL, false)?;
                let cumulative = d2.divide(&total)?.cumulative_sum(None, false)?;
                let r = scalar::<T, B>(rng.next_f64())?;
                // searchsorted(cumulative, r, side='left') on a sorted array: how many are < r.
                let below = cumulative.less(&r)?.count_nonzero(ALL, false)?;
                below.minimum(&last)?.reshape(&[1])?
            }
        };
        let code = obs.take(&index, Some(0))?; // (1, d)
        let d2 = obs.subtract(&code)?.square()?.sum(1, false)?;
        nearest_sq = Some(match nearest_sq {
            None => d2,
            Some(prev) => prev.minimum(&d2)?,
        });
        codes.push(code);
    }
    let refs: Vec<&Array<T, B>> = codes.iter().collect();
    Ok(concat(&refs, Some(0))?)
}
