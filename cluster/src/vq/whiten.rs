//! `scipy.cluster.vq.whiten`: scale each feature to unit variance.

use xp_core::array::searching::where_;
use xp_core::{Array, Backend, Path, RealFloat, trace};

use super::scalar;
use crate::error::{ClusterError, Result};

const F: &str = "cluster.vq.whiten";

/// Normalises a group of observations feature by feature (SciPy's
/// `scipy.cluster.vq.whiten(obs, check_finite)`): each column of `obs` (each slice along axis 0)
/// is divided by its standard deviation over the observations (`ddof = 0`). A column whose
/// standard deviation is 0 is left unchanged (divided by 1), and, as in SciPy, a warning is
/// emitted (a `tracing` warning) when `check_finite` is true.
///
/// `obs` has one observation per row (any rank >= 1 works, as in SciPy: the standard deviation
/// is taken along axis 0). The result has the shape and element type of `obs`.
///
/// Generic path; host reads when `check_finite` is true: one `bool` for the finiteness check and
/// one `bool` for "some column has zero deviation" (to warn).
///
/// ```
/// use xp_core::Array;
/// use xp_cluster::vq::whiten;
/// let obs = Array::<f64>::from_vec(vec![1.0, 10.0, 3.0, 10.0], &[2, 2])?;
/// let w = whiten(&obs, true)?; // column 0 has std 1; column 1 has std 0 and is kept
/// assert_eq!(w.to_vec()?, vec![1.0, 10.0, 3.0, 10.0]);
/// let obs = Array::<f64>::from_vec(vec![0.0, 4.0], &[2, 1])?;
/// assert_eq!(whiten(&obs, true)?.to_vec()?, vec![0.0, 2.0]);
/// # Ok::<(), xp_cluster::ClusterError>(())
/// ```
///
/// # Errors
/// - [`ClusterError::Shape`] for a 0-d `obs` (SciPy: `AxisError`).
/// - [`ClusterError::NonFinite`] if `check_finite` is true and `obs` holds NaN or infinity.
/// - [`ClusterError::Core`] for a backend failure.
pub fn whiten<T: RealFloat, B: Backend>(obs: &Array<T, B>, check_finite: bool) -> Result<Array<T, B>> {
    trace::record(F, B::NAME, Path::Generic);
    if obs.ndim() == 0 {
        return Err(ClusterError::shape(
            F,
            "obs",
            "at least 1 dimension (observations along axis 0)",
            obs.shape(),
        ));
    }
    if check_finite {
        super::check_finite(F, "obs", obs)?;
    }
    let std = obs.std(0, 0.0, false)?;
    let zero = std.equal(&scalar::<T, B>(0.0)?)?;
    let std = where_(&zero, &scalar::<T, B>(1.0)?, &std)?;
    // Host read: one bool, SciPy's `xp.any(zero_std_mask)` that decides whether to warn.
    if check_finite && zero.size() > 0 && zero.any(xp_core::ALL, false)?.to_scalar()? {
        tracing::warn!(
            target: "xp::cluster",
            "{F}: some columns have standard deviation zero; the values of these columns will not change"
        );
    }
    Ok(obs.divide(&std)?)
}
