//! Sorting: `sort` and `argsort` along an axis, with NumPy's order (NaN last when ascending,
//! first when descending) on top of the backend's stable `sort` and `argsort`.
//!
//! ```
//! use xp_core::Array;
//! let a = Array::<f64>::from_vec(vec![3.0, f64::NAN, 1.0, 2.0], &[4])?;
//! let s = a.sort(-1, false, true)?.to_vec()?;
//! assert_eq!(&s[..3], &[1.0, 2.0, 3.0]);
//! assert!(s[3].is_nan());
//! assert_eq!(a.argsort(0, true, true)?.to_vec()?, vec![1, 0, 3, 2]);
//! # Ok::<(), xp_core::Error>(())
//! ```

use crate::array::Array;
use crate::backend::Backend;
use crate::element::RealNumeric;
use crate::error::Result;
use crate::shape;

impl<T: RealNumeric, B: Backend> Array<T, B> {
    /// Sorted copy along `axis`. Sorting is always stable (`stable` is accepted for the standard's
    /// signature); `descending` keeps equal elements in their original order.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec(vec![3, 1, 2, 0], &[2, 2])?;
    /// assert_eq!(a.sort(-1, false, true)?.to_vec()?, vec![1, 3, 0, 2]);
    /// assert_eq!(a.sort(0, true, true)?.to_vec()?, vec![3, 1, 2, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfRange`] (also for 0-D arrays).
    pub fn sort(&self, axis: isize, descending: bool, stable: bool) -> Result<Self> {
        let _ = stable;
        let a = shape::normalize_axis("xp.sort", axis, self.ndim())?;
        Ok(Array::from_storage(B::sort(&self.storage, a, descending)?))
    }

    /// Indices that sort along `axis` (stable: equal elements keep their order, also when
    /// `descending`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![2.0, 1.0, 2.0, 0.0], &[4])?;
    /// assert_eq!(a.argsort(0, false, true)?.to_vec()?, vec![3, 1, 0, 2]);
    /// assert_eq!(a.argsort(0, true, true)?.to_vec()?, vec![0, 2, 1, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfRange`] (also for 0-D arrays).
    pub fn argsort(&self, axis: isize, descending: bool, stable: bool) -> Result<Array<i64, B>> {
        let _ = stable;
        let a = shape::normalize_axis("xp.argsort", axis, self.ndim())?;
        Ok(Array::from_storage(B::argsort(&self.storage, a, descending)?))
    }
}
