//! Searching functions of the array API standard: `argmin`, `argmax`, `count_nonzero`,
//! `nonzero`, `searchsorted` and [`where_`] (`where` is a Rust keyword).
//!
//! Indices are `i64`, the standard's default index type. Everything runs on the backend's
//! `reduce`, `nonzero`, `take`, `searchsorted` and element-wise kernels, without touching host memory.

use crate::array::statistical::{check_nonempty_reduction, reduce_over};
use crate::array::{Array, check_device};
use crate::backend::Backend;
use crate::element::{Element, RealNumeric};
use crate::error::{Error, Result};
use crate::kernels::binary::Where;
use crate::kernels::reduce::{ArgMax, ArgMin, CountNonzero};
use crate::kernels::unary::NonZero;
use crate::shape::{self, Axes, AxisSlice};

pub use crate::backend::Side;

/// `x1` where `condition` is true, `x2` elsewhere (the standard's `where`). The three arrays
/// broadcast together.
///
/// ```
/// use xp_core::Array;
/// use xp_core::array::searching::where_;
/// let c = Array::<bool>::from_slice(&[true, false, true])?;
/// let a = Array::<f64>::from_slice(&[1.0, 2.0, 3.0])?;
/// let zero = Array::<f64>::scalar(0.0)?;
/// assert_eq!(where_(&c, &a, &zero)?.to_vec()?, vec![1.0, 0.0, 3.0]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Broadcast`] if the shapes do not broadcast; [`Error::DeviceMismatch`].
pub fn where_<T: Element, B: Backend>(
    condition: &Array<bool, B>,
    x1: &Array<T, B>,
    x2: &Array<T, B>,
) -> Result<Array<T, B>> {
    condition.map3(x1, x2, Where::<T>::new())
}

/// The reduced axes of `argmin`/`argmax`: all of them (the flattened array) for `None`.
fn arg_axes(function: &'static str, ndim: usize, axis: Option<isize>) -> Result<Vec<usize>> {
    match axis {
        None => Ok((0..ndim).collect()),
        Some(a) => Ok(vec![shape::normalize_axis(function, a, ndim)?]),
    }
}

impl<T: RealNumeric, B: Backend> Array<T, B> {
    /// Index of the first minimum along `axis`, or in the flattened (row-major) array for
    /// `None`. NaN counts as the minimum, as in NumPy. With `keepdims` the reduced axes stay as
    /// length-1 axes (all of them for `None`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![3.0, 1.0, 1.0, 0.5, 2.0, 4.0], &[2, 3])?;
    /// assert_eq!(a.argmin(Some(1), false)?.to_vec()?, vec![1, 0]);
    /// assert_eq!(a.argmin(None, false)?.to_scalar()?, 3);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if the reduced axis has length 0 (NumPy: "attempt to get argmin of an
    /// empty sequence"); [`Error::AxisOutOfRange`] for a bad axis.
    pub fn argmin(&self, axis: Option<isize>, keepdims: bool) -> Result<Array<i64, B>> {
        const F: &str = "xp.argmin";
        let axes = arg_axes(F, self.ndim(), axis)?;
        check_nonempty_reduction(F, self.shape(), &axes)?;
        reduce_over(self, &axes, keepdims, ArgMin::<T>::new())
    }

    /// Index of the first maximum along `axis`, or in the flattened (row-major) array for
    /// `None`. NaN counts as the maximum, as in NumPy.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_vec(vec![3, 7, 7, 0, 2, 9], &[2, 3])?;
    /// assert_eq!(a.argmax(Some(1), false)?.to_vec()?, vec![1, 2]);
    /// assert_eq!(a.argmax(Some(0), true)?.to_vec()?, vec![0, 0, 1]);
    /// assert_eq!(a.argmax(None, false)?.to_scalar()?, 5);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if the reduced axis has length 0; [`Error::AxisOutOfRange`] for a bad axis.
    pub fn argmax(&self, axis: Option<isize>, keepdims: bool) -> Result<Array<i64, B>> {
        const F: &str = "xp.argmax";
        let axes = arg_axes(F, self.ndim(), axis)?;
        check_nonempty_reduction(F, self.shape(), &axes)?;
        reduce_over(self, &axes, keepdims, ArgMax::<T>::new())
    }

    /// Insertion points that keep the sorted 1-D `self` sorted if each element of `x2` were
    /// inserted there ([`Side::Left`]: before equal elements, [`Side::Right`]: after them). The
    /// output has `x2`'s shape. With `sorter`, `self` need not be sorted: `sorter` holds the
    /// indices that sort it (as from `argsort`), and the result indexes the sorted order.
    ///
    /// ```
    /// use xp_core::Array;
    /// use xp_core::array::searching::Side;
    /// let a = Array::<f64>::from_slice(&[1.0, 2.0, 2.0, 3.0])?;
    /// let v = Array::<f64>::from_slice(&[2.0, 0.0, 5.0])?;
    /// assert_eq!(a.searchsorted(&v, Side::Left, None)?.to_vec()?, vec![1, 0, 4]);
    /// assert_eq!(a.searchsorted(&v, Side::Right, None)?.to_vec()?, vec![3, 0, 4]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if `self` is not 1-D or `sorter` does not have `self`'s shape;
    /// [`Error::IndexOutOfRange`] for a bad `sorter` index; [`Error::DeviceMismatch`].
    pub fn searchsorted(&self, x2: &Self, side: Side, sorter: Option<&Array<i64, B>>) -> Result<Array<i64, B>> {
        const F: &str = "xp.searchsorted";
        if self.ndim() != 1 {
            return Err(Error::shape(F, "x1", "1 dimension", self.shape()));
        }
        check_device(F, self, x2)?;
        let sorted = match sorter {
            Some(s) => {
                check_device(F, self, s)?;
                if s.shape() != self.shape() {
                    return Err(Error::shape(
                        F,
                        "sorter",
                        format!("the shape of x1 {:?}", self.shape()),
                        s.shape(),
                    ));
                }
                B::take(&self.storage, &s.storage, 0)?
            }
            None => self.storage.clone(),
        };
        Ok(Array::from_storage(B::searchsorted(&sorted, &x2.storage, side)?))
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Number of nonzero (`true`) elements over `axis`, as `i64`.
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<i32>::from_vec(vec![0, 1, 2, 0, 0, 3], &[2, 3])?;
    /// assert_eq!(a.count_nonzero(1, false)?.to_vec()?, vec![2, 1]);
    /// assert_eq!(a.count_nonzero(ALL, false)?.to_scalar()?, 3);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] or [`Error::DuplicateAxis`] for bad axes.
    pub fn count_nonzero(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Array<i64, B>> {
        let axes = axis.into().resolve("xp.count_nonzero", self.ndim())?;
        reduce_over(self, &axes, keepdims, CountNonzero::<T>::new())
    }

    /// Indices of the nonzero (`true`) elements: one 1-D `i64` array per dimension, in row-major
    /// order of the elements. The output length depends on the data.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_vec(vec![0, 5, 7, 0], &[2, 2])?;
    /// let idx = a.nonzero()?;
    /// assert_eq!(idx[0].to_vec()?, vec![0, 1]);
    /// assert_eq!(idx[1].to_vec()?, vec![1, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] for a 0-D array (the standard does not define `nonzero` on 0-D input).
    pub fn nonzero(&self) -> Result<Vec<Array<i64, B>>> {
        const F: &str = "xp.nonzero";
        let nd = self.ndim();
        if nd == 0 {
            return Err(Error::shape(F, "x", "at least 1 dimension", self.shape()));
        }
        let mask = B::map1(&self.storage, NonZero::<T>::new())?;
        let coords = B::nonzero(&mask)?;
        let count = B::shape(&coords).first().copied().unwrap_or(0);
        (0..nd)
            .map(|d| {
                let column = B::slice(
                    &coords,
                    &[
                        AxisSlice::full(count),
                        AxisSlice {
                            start: d,
                            len: 1,
                            step: 1,
                        },
                    ],
                )?;
                Ok(Array::from_storage(B::reshape(&column, &[count])?))
            })
            .collect()
    }
}
