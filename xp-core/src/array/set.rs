//! Set functions: `unique_values`, `unique_counts`, `unique_inverse`, `unique_all`, on the
//! flattened array, in ascending order. Built from a stable `argsort`, a "differs from the previous
//! element" mask, `mask_select`, `nonzero`, a cumulative sum and `scatter`, with no host reads.
//!
//! NaN follows the array API standard: NaN never equals NaN, so **every NaN is its own unique
//! value** (NumPy's `equal_nan=False`). NaNs sort last, so they come last in `values`.
//!
//! ```
//! use xp_core::Array;
//! let x = Array::<f64>::from_vec(vec![2.0, 1.0, 2.0, f64::NAN, f64::NAN], &[5])?;
//! let (values, counts) = x.unique_counts()?;
//! assert_eq!(values.to_vec()?[..2], [1.0, 2.0]);
//! assert_eq!(counts.to_vec()?, vec![1, 2, 1, 1]);
//! # Ok::<(), xp_core::Error>(())
//! ```

use crate::array::Array;
use crate::array::manipulation::{filled, index_range};
use crate::backend::Backend;
use crate::element::RealNumeric;
use crate::error::Result;
use crate::kernels::binary::{NotEqual, Replace, Subtract};
use crate::kernels::reduce::Sum;
use crate::kernels::unary::Cast;

/// Everything [`Array::unique_all`] computes.
#[derive(Clone, Debug)]
pub struct UniqueAll<T: RealNumeric, B: Backend> {
    /// The distinct values, ascending (NaNs last, each on its own).
    pub values: Array<T, B>,
    /// For each value, the flat index of its first occurrence in `x`.
    pub indices: Array<i64, B>,
    /// For each element of `x` (same shape as `x`), the position of its value in `values`.
    pub inverse_indices: Array<i64, B>,
    /// How often each value occurs.
    pub counts: Array<i64, B>,
}

/// The sorted flattened array, its stable sorting permutation, and the start-of-value mask.
type Ordered<T, B> = (Array<T, B>, Array<i64, B>, Array<bool, B>);

impl<T: RealNumeric, B: Backend> Array<T, B> {
    /// The flattened array sorted, and the mask of positions where a distinct value starts.
    fn unique_sorted(&self) -> Result<(Self, Array<bool, B>)> {
        let flat = self.flatten()?;
        let sorted = Array::from_storage(B::sort(&flat.storage, 0, false)?);
        let starts = sorted.unique_starts()?;
        Ok((sorted, starts))
    }

    /// Like [`Array::unique_sorted`], plus the stable sorting permutation of the flattened array.
    fn unique_ordered(&self) -> Result<Ordered<T, B>> {
        let flat = self.flatten()?;
        let order = Array::<i64, B>::from_storage(B::argsort(&flat.storage, 0, false)?);
        let sorted = Array::from_storage(B::take(&flat.storage, &order.storage, 0)?);
        let starts = sorted.unique_starts()?;
        Ok((sorted, order, starts))
    }

    /// For a sorted 1-D array: `true` where an element differs from its predecessor.
    fn unique_starts(&self) -> Result<Array<bool, B>> {
        let n = self.size();
        if n == 0 {
            return filled::<bool, B>(&[0], false, &self.device());
        }
        // NaN != NaN, so every NaN starts a value of its own.
        let tail = self.axis_range(0, 1, n)?;
        let head = self.axis_range(0, 0, n - 1)?;
        let differs = tail.map2(&head, NotEqual::<T>::new())?;
        let first = filled::<bool, B>(&[1], true, &self.device())?;
        Ok(Array::from_storage(B::concat(&[&first.storage, &differs.storage], 0)?))
    }

    /// Counts per value from the start positions: `diff([starts..., n])`.
    fn unique_counts_from(&self, starts: &Array<bool, B>) -> Result<Array<i64, B>> {
        let n = starts.size();
        let positions = Array::<i64, B>::from_storage(B::mask_select(
            &index_range::<B>(n, &self.device())?.storage,
            &starts.storage,
        )?);
        let end = filled::<i64, B>(&[1], n as i64, &self.device())?;
        let bounds = Array::<i64, B>::from_storage(B::concat(&[&positions.storage, &end.storage], 0)?);
        let k = bounds.size();
        let next = bounds.axis_range(0, 1, k)?;
        let this = bounds.axis_range(0, 0, k - 1)?;
        next.map2(&this, Subtract::<i64>::new())
    }

    /// Inverse indices (shape of `self`) from the sort order and start mask.
    fn unique_inverse_from(&self, order: &Array<i64, B>, starts: &Array<bool, B>) -> Result<Array<i64, B>> {
        let n = starts.size();
        let device = self.device();
        let inverse = if n == 0 {
            filled::<i64, B>(&[0], 0, &device)?
        } else {
            // Group number of each sorted element: cumulative count of starts, minus one.
            let as_int = starts.map1(Cast::<bool, i64>::new())?;
            let group = Array::<i64, B>::from_storage(B::scan(&as_int.storage, 0, Sum::<i64>::new())?);
            let ones = filled::<i64, B>(&[1], 1, &device)?;
            let group = group.map2(&ones, Subtract::<i64>::new())?;
            let zeros = filled::<i64, B>(&[n], 0, &device)?;
            Array::from_storage(B::scatter(
                &zeros.storage,
                0,
                &order.storage,
                &group.storage,
                Replace::<i64>::new(),
            )?)
        };
        inverse.reshaped(self.shape())
    }

    /// The distinct values of the flattened array, ascending (each NaN distinct, last).
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<i64>::from_vec(vec![3, 1, 3, 2, 1], &[5])?;
    /// assert_eq!(x.unique_values()?.to_vec()?, vec![1, 2, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn unique_values(&self) -> Result<Self> {
        let (sorted, starts) = self.unique_sorted()?;
        Ok(Array::from_storage(B::mask_select(&sorted.storage, &starts.storage)?))
    }

    /// The distinct values and how often each occurs.
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<i64>::from_vec(vec![3, 1, 3, 2, 1, 3], &[2, 3])?;
    /// let (values, counts) = x.unique_counts()?;
    /// assert_eq!(values.to_vec()?, vec![1, 2, 3]);
    /// assert_eq!(counts.to_vec()?, vec![2, 1, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn unique_counts(&self) -> Result<(Self, Array<i64, B>)> {
        let (sorted, starts) = self.unique_sorted()?;
        let values = Array::from_storage(B::mask_select(&sorted.storage, &starts.storage)?);
        let counts = self.unique_counts_from(&starts)?;
        Ok((values, counts))
    }

    /// The distinct values, and for each element of `x` the position of its value in them
    /// (the inverse has the shape of `x`: `values.take(inverse) == x`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<i64>::from_vec(vec![3, 1, 3, 2], &[2, 2])?;
    /// let (values, inverse) = x.unique_inverse()?;
    /// assert_eq!(values.to_vec()?, vec![1, 2, 3]);
    /// assert_eq!(inverse.shape(), &[2, 2]);
    /// assert_eq!(inverse.to_vec()?, vec![2, 0, 2, 1]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn unique_inverse(&self) -> Result<(Self, Array<i64, B>)> {
        let (sorted, order, starts) = self.unique_ordered()?;
        let values = Array::from_storage(B::mask_select(&sorted.storage, &starts.storage)?);
        let inverse = self.unique_inverse_from(&order, &starts)?;
        Ok((values, inverse))
    }

    /// Distinct values, first-occurrence indices, inverse indices and counts.
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<f64>::from_vec(vec![2.0, 1.0, 2.0, 1.0, 5.0], &[5])?;
    /// let u = x.unique_all()?;
    /// assert_eq!(u.values.to_vec()?, vec![1.0, 2.0, 5.0]);
    /// assert_eq!(u.indices.to_vec()?, vec![1, 0, 4]);
    /// assert_eq!(u.inverse_indices.to_vec()?, vec![1, 0, 1, 0, 2]);
    /// assert_eq!(u.counts.to_vec()?, vec![2, 2, 1]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn unique_all(&self) -> Result<UniqueAll<T, B>> {
        let (sorted, order, starts) = self.unique_ordered()?;
        let values = Array::from_storage(B::mask_select(&sorted.storage, &starts.storage)?);
        // The argsort is stable, so each group's first sorted element is its first occurrence.
        let indices = Array::from_storage(B::mask_select(&order.storage, &starts.storage)?);
        let inverse_indices = self.unique_inverse_from(&order, &starts)?;
        let counts = self.unique_counts_from(&starts)?;
        Ok(UniqueAll {
            values,
            indices,
            inverse_indices,
            counts,
        })
    }
}
