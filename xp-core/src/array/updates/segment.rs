//! Scatter-add reductions (`segment_sum`, `bincount`) and `gather`.

use crate::array::indexing::{rename_index_error, take_along_axis_named};
use crate::array::manipulation::filled;
use crate::array::{Array, check_device};
use crate::backend::Backend;
use crate::element::{Element, Numeric};
use crate::error::{Error, Result};
use crate::kernels::Map1;
use crate::kernels::binary::Add;
use crate::kernels::reduce::{Max, Min};

/// Stand-in for negative segment ids: out of range for every axis, so the backend's bounds check
/// rejects it, and recognisable in the error it returns.
const NEGATIVE_ID: i64 = i64::MIN / 2;

/// Maps negative ids to [`NEGATIVE_ID`] so that scatter rejects them instead of counting from the end.
#[derive(Clone, Copy, Debug)]
struct RejectNegative;
impl Map1 for RejectNegative {
    type In = i64;
    type Out = i64;
    const NAME: &'static str = "reject_negative";
    #[inline(always)]
    fn apply(&self, x: i64) -> i64 {
        if x < 0 { NEGATIVE_ID } else { x }
    }
}

impl<T: Numeric, B: Backend> Array<T, B> {
    /// Sums the rows (sub-arrays along axis 0) of `self` that share a segment id
    /// (`jax.ops.segment_sum`): `out[s] = sum(self[i] for i where segment_ids[i] == s)`. The
    /// result has shape `(num_segments, self.shape[1..]...)`; empty segments are 0. One scatter-add
    /// along axis 0, with no flat-index expansion and no host reads.
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[3, 2])?;
    /// let ids = Array::<i64>::from_vec(vec![2, 0, 2], &[3])?;
    /// let s = x.segment_sum(&ids, 3)?;
    /// assert_eq!(s.to_vec()?, vec![3.0, 4.0, 0.0, 0.0, 6.0, 8.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if `self` is 0-D or `segment_ids` is not 1-D with one id per row;
    /// [`Error::IndexOutOfRange`] for an id `>= num_segments`; [`Error::InvalidParameter`] for a
    /// negative id; [`Error::DeviceMismatch`].
    pub fn segment_sum(&self, segment_ids: &Array<i64, B>, num_segments: usize) -> Result<Self> {
        const F: &str = "xp.segment_sum";
        check_device(F, self, segment_ids)?;
        let Some((&n, rest)) = self.shape().split_first() else {
            return Err(Error::shape(F, "data", "at least 1 dimension", self.shape()));
        };
        if segment_ids.shape() != [n] {
            return Err(Error::shape(
                F,
                "segment_ids",
                format!("1-D with {n} entries (one per row of data)"),
                segment_ids.shape(),
            ));
        }
        let mut out = vec![num_segments];
        out.extend_from_slice(rest);
        crate::shape::checked_size(F, &out)?;
        let zeros = filled::<T, B>(&out, T::ZERO, &self.device())?;
        if n == 0 {
            return Ok(zeros);
        }
        let ids = segment_ids.map1(RejectNegative)?;
        B::scatter(&zeros.storage, 0, &ids.storage, &self.storage, Add::<T>::new())
            .map(Array::from_storage)
            .map_err(|e| match e {
                Error::IndexOutOfRange { index: NEGATIVE_ID, .. } => {
                    Error::invalid(F, "segment_ids", "a negative id", "segment ids must be non-negative")
                }
                other => rename_index_error(F)(other),
            })
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Gathers values along `axis` at `indices` (PyTorch's `torch.gather`): the same operation
    /// as [`Array::take_along_axis`], under the name SciPy-style code ported from PyTorch expects.
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<i64>::from_vec(vec![1, 2, 3, 4], &[2, 2])?;
    /// let i = Array::<i64>::from_vec(vec![0, 0, 1, 0], &[2, 2])?;
    /// assert_eq!(x.gather(&i, 1)?.to_vec()?, vec![1, 1, 4, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Array::take_along_axis`].
    pub fn gather(&self, indices: &Array<i64, B>, axis: isize) -> Result<Self> {
        take_along_axis_named("xp.gather", self, indices, axis)
    }
}

/// Counts occurrences of each non-negative integer in `x` (`np.bincount`), or sums `weights` per
/// value: `out[v] = sum(weights[i] for i where x[i] == v)` (1 per occurrence without weights).
/// The output has `max(max(x) + 1, minlength)` entries.
///
/// The output length depends on the data, so this function reads two scalars on the host
/// (`min(x)`, to reject negative values, and `max(x)`): two one-element transfers. When the
/// number of bins is known, [`Array::segment_sum`] does the same without any host read.
///
/// ```
/// use xp_core::{Array, array::updates::bincount};
/// let x = Array::<i64>::from_vec(vec![0, 1, 1, 3], &[4])?;
/// assert_eq!(bincount::<i64, _>(&x, None, 0)?.to_vec()?, vec![1, 2, 0, 1]);
/// let w = Array::<f64>::from_vec(vec![0.5, 1.0, 1.0, 2.0], &[4])?;
/// assert_eq!(bincount(&x, Some(&w), 6)?.to_vec()?, vec![0.5, 2.0, 0.0, 2.0, 0.0, 0.0]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Shape`] if `x` is not 1-D or `weights` does not have its shape;
/// [`Error::InvalidParameter`] for negative values; [`Error::DeviceMismatch`].
pub fn bincount<T: Numeric, B: Backend>(
    x: &Array<i64, B>,
    weights: Option<&Array<T, B>>,
    minlength: usize,
) -> Result<Array<T, B>> {
    const F: &str = "xp.bincount";
    if x.ndim() != 1 {
        return Err(Error::shape(F, "x", "1 dimension", x.shape()));
    }
    if let Some(w) = weights {
        check_device(F, x, w)?;
        if w.shape() != x.shape() {
            return Err(Error::shape(
                F,
                "weights",
                format!("the shape of x, {:?}", x.shape()),
                w.shape(),
            ));
        }
    }
    let device = x.device();
    let n = x.size();
    if n == 0 {
        return filled::<T, B>(&[minlength], T::ZERO, &device);
    }
    let min = Array::<i64, B>::from_storage(B::reduce(&x.storage, &[0], Min::<i64>::new())?).to_scalar()?;
    if min < 0 {
        return Err(Error::invalid(F, "x", min, "values must be non-negative"));
    }
    let max = Array::<i64, B>::from_storage(B::reduce(&x.storage, &[0], Max::<i64>::new())?).to_scalar()?;
    let len = usize::try_from(max)
        .ok()
        .and_then(|m| m.checked_add(1))
        .ok_or_else(|| Error::invalid(F, "x", max, "the largest value does not fit in memory"))?
        .max(minlength);
    crate::shape::checked_size(F, &[len])?;
    let values = match weights {
        Some(w) => w.clone(),
        None => filled::<T, B>(&[n], T::ONE, &device)?,
    };
    let zeros = filled::<T, B>(&[len], T::ZERO, &device)?;
    B::scatter(&zeros.storage, 0, &x.storage, &values.storage, Add::<T>::new())
        .map(Array::from_storage)
        .map_err(rename_index_error(F))
}
