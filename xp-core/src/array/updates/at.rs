//! Functional indexed updates: `x.at(index).set(values)` and friends.
//!
//! The indexed region is located by indexing an array of flat row-major positions
//! (`arange(size).reshape(shape)`) with the same index; the update is then one `scatter` along
//! axis 0 of the flattened array. Updates apply in row-major order of the region, so duplicate
//! positions (possible with [`AtIndex::Take`]) accumulate for `add`/`multiply`/`min`/`max`
//! (like `np.add.at`), and the last one wins for `set`.

use crate::array::indexing::Idx;
use crate::array::manipulation::{filled, index_range};
use crate::array::{Array, check_device};
use crate::backend::Backend;
use crate::element::{Element, Float, Numeric, RealNumeric};
use crate::error::{Error, Result};
use crate::kernels::Map2;
use crate::kernels::binary::{Add, Divide, Maximum, Minimum, Multiply, Replace, Subtract};

/// Which elements an [`At`] update touches.
#[derive(Clone, Debug)]
pub enum AtIndex<B: Backend> {
    /// A basic index, as [`Array::slice`] takes it.
    Slice(Vec<Idx>),
    /// Integer positions along `axis`, as [`Array::take`] takes them (duplicates allowed).
    Take {
        /// Positions (negative count from the end).
        indices: Array<i64, B>,
        /// The axis they index (negative counts from the end).
        axis: isize,
    },
    /// A boolean mask over the leading axes, as [`Array::mask`] takes it.
    Mask(Array<bool, B>),
}

impl<B: Backend> AtIndex<B> {
    /// [`AtIndex::Take`] from its parts.
    pub fn take(indices: Array<i64, B>, axis: isize) -> Self {
        AtIndex::Take { indices, axis }
    }
}

impl<B: Backend> From<Vec<Idx>> for AtIndex<B> {
    fn from(index: Vec<Idx>) -> Self {
        AtIndex::Slice(index)
    }
}

impl<B: Backend> From<&[Idx]> for AtIndex<B> {
    fn from(index: &[Idx]) -> Self {
        AtIndex::Slice(index.to_vec())
    }
}

impl<B: Backend> From<Array<bool, B>> for AtIndex<B> {
    fn from(mask: Array<bool, B>) -> Self {
        AtIndex::Mask(mask)
    }
}

/// A pending functional update of the elements of an array selected by an [`AtIndex`]
/// (JAX's `x.at[idx]`); create it with [`Array::at`]. Every method returns a new array.
#[derive(Clone, Debug)]
pub struct At<'a, T: Element, B: Backend> {
    x: &'a Array<T, B>,
    index: AtIndex<B>,
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Starts a functional update of the elements selected by `index`.
    ///
    /// ```
    /// use xp_core::{Array, array::indexing::Idx};
    /// let x = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// // x[:, 1] = 9
    /// let y = x.at(vec![Idx::all(), Idx::from(1)]).set_scalar(9)?;
    /// assert_eq!(y.to_vec()?, vec![0, 9, 2, 3, 9, 5]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    pub fn at(&self, index: impl Into<AtIndex<B>>) -> At<'_, T, B> {
        At {
            x: self,
            index: index.into(),
        }
    }
}

impl<T: Element, B: Backend> At<'_, T, B> {
    /// Flat row-major positions of the selected elements, in the region's shape.
    fn positions(&self) -> Result<Array<i64, B>> {
        let x = self.x;
        let grid = index_range::<B>(x.size(), &x.device())?.reshaped(x.shape())?;
        match &self.index {
            AtIndex::Slice(index) => grid.slice(index),
            AtIndex::Take { indices, axis } => grid.take(indices, Some(*axis)),
            AtIndex::Mask(mask) => grid.mask(mask),
        }
    }

    /// The selected elements (`x[index]`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<i64>::from_vec(vec![5, 6, 7], &[3])?;
    /// let m = Array::<bool>::from_vec(vec![true, false, true], &[3])?;
    /// assert_eq!(x.at(m).get()?.to_vec()?, vec![5, 7]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As the corresponding indexing function ([`Array::slice`], [`Array::take`], [`Array::mask`]).
    pub fn get(&self) -> Result<Array<T, B>> {
        match &self.index {
            AtIndex::Slice(index) => self.x.slice(index),
            AtIndex::Take { indices, axis } => self.x.take(indices, Some(*axis)),
            AtIndex::Mask(mask) => self.x.mask(mask),
        }
    }

    /// Combines every selected element `old` with the broadcast `values` as `k(old, value)`,
    /// in row-major order of the selection (duplicates see earlier updates).
    ///
    /// ```
    /// use xp_core::{Array, array::updates::AtIndex, kernels::binary::Maximum};
    /// let x = Array::<i64>::from_vec(vec![1, 5, 3], &[3])?;
    /// let i = Array::<i64>::from_vec(vec![0, 1], &[2])?;
    /// let v = Array::<i64>::from_vec(vec![4], &[1])?;
    /// let y = x.at(AtIndex::take(i, 0)).apply(&v, Maximum::<i64>::new())?;
    /// assert_eq!(y.to_vec()?, vec![4, 5, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Broadcast`] if `values` does not broadcast to the selection's shape; indexing
    /// errors as in [`At::get`]; [`Error::DeviceMismatch`].
    pub fn apply<K: Map2<A = T, B = T, Out = T>>(self, values: &Array<T, B>, k: K) -> Result<Array<T, B>> {
        const F: &str = "xp.at";
        let x = self.x;
        check_device(F, x, values)?;
        let pos = self.positions()?;
        if !crate::shape::can_broadcast_to(values.shape(), pos.shape()) {
            return Err(Error::Broadcast {
                function: F,
                lhs: values.shape().to_vec(),
                rhs: pos.shape().to_vec(),
            });
        }
        if pos.size() == 0 {
            return Ok(x.clone());
        }
        let vals = values.broadcast_to(pos.shape())?.flatten()?;
        let pos = pos.flatten()?;
        let flat = x.flatten()?;
        let out = Array::<T, B>::from_storage(B::scatter(&flat.storage, 0, &pos.storage, &vals.storage, k)?);
        out.reshaped(x.shape())
    }

    /// `x[index] = values` (broadcast); with duplicate positions the last value wins.
    ///
    /// ```
    /// use xp_core::{Array, array::indexing::Idx};
    /// let x = Array::<f64>::from_vec(vec![0.0; 4], &[4])?;
    /// let v = Array::<f64>::from_vec(vec![1.0, 2.0], &[2])?;
    /// let y = x.at(vec![Idx::step(None, None, 2)]).set(&v)?;
    /// assert_eq!(y.to_vec()?, vec![1.0, 0.0, 2.0, 0.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    pub fn set(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Replace::<T>::new())
    }

    /// `x[index] = value`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let x = Array::<i64>::from_vec(vec![1, -2, 3], &[3])?;
    /// let neg = Array::<bool>::from_vec(vec![false, true, false], &[3])?;
    /// assert_eq!(x.at(neg).set_scalar(0)?.to_vec()?, vec![1, 0, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Indexing errors as in [`At::get`].
    pub fn set_scalar(self, value: T) -> Result<Array<T, B>> {
        let v = filled::<T, B>(&[], value, &self.x.device())?;
        self.set(&v)
    }
}

impl<T: Numeric, B: Backend> At<'_, T, B> {
    /// `x[index] += values`, accumulating over duplicate positions (`np.add.at`).
    ///
    /// ```
    /// use xp_core::{Array, array::updates::AtIndex};
    /// let x = Array::<i64>::from_vec(vec![0, 0, 0], &[3])?;
    /// let i = Array::<i64>::from_vec(vec![0, 2, 0, -1], &[4])?;
    /// let v = Array::<i64>::from_vec(vec![1, 2, 3, 4], &[4])?;
    /// assert_eq!(x.at(AtIndex::take(i, 0)).add(&v)?.to_vec()?, vec![4, 0, 6]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    #[allow(clippy::should_implement_trait)] // JAX's and array-api-extra's name; returns a Result
    pub fn add(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Add::<T>::new())
    }

    /// `x[index] -= values`, accumulating over duplicate positions (`np.subtract.at`).
    ///
    /// ```
    /// use xp_core::{Array, array::indexing::Idx};
    /// let x = Array::<f64>::from_vec(vec![5.0, 5.0], &[2])?;
    /// let v = Array::<f64>::scalar(1.5)?;
    /// assert_eq!(x.at(vec![Idx::from(1)]).subtract(&v)?.to_vec()?, vec![5.0, 3.5]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    pub fn subtract(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Subtract::<T>::new())
    }

    /// `x[index] *= values`, accumulating over duplicate positions (`np.multiply.at`).
    ///
    /// ```
    /// use xp_core::{Array, array::updates::AtIndex};
    /// let x = Array::<i64>::from_vec(vec![1, 1], &[2])?;
    /// let i = Array::<i64>::from_vec(vec![1, 1], &[2])?;
    /// let v = Array::<i64>::from_vec(vec![3], &[1])?;
    /// assert_eq!(x.at(AtIndex::take(i, 0)).multiply(&v)?.to_vec()?, vec![1, 9]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    pub fn multiply(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Multiply::<T>::new())
    }
}

impl<T: Float, B: Backend> At<'_, T, B> {
    /// `x[index] /= values`, applied once per occurrence of a position.
    ///
    /// ```
    /// use xp_core::{Array, array::indexing::Idx};
    /// let x = Array::<f64>::from_vec(vec![8.0, 8.0], &[2])?;
    /// let v = Array::<f64>::scalar(4.0)?;
    /// assert_eq!(x.at(vec![Idx::from(0)]).divide(&v)?.to_vec()?, vec![2.0, 8.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    pub fn divide(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Divide::<T>::new())
    }
}

impl<T: RealNumeric, B: Backend> At<'_, T, B> {
    /// `x[index] = minimum(x[index], values)` over all occurrences (`np.minimum.at`; NaN propagates).
    ///
    /// ```
    /// use xp_core::{Array, array::updates::AtIndex};
    /// let x = Array::<f64>::from_vec(vec![5.0, 5.0], &[2])?;
    /// let i = Array::<i64>::from_vec(vec![0, 0], &[2])?;
    /// let v = Array::<f64>::from_vec(vec![7.0, 2.0], &[2])?;
    /// assert_eq!(x.at(AtIndex::take(i, 0)).min(&v)?.to_vec()?, vec![2.0, 5.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    pub fn min(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Minimum::<T>::new())
    }

    /// `x[index] = maximum(x[index], values)` over all occurrences (`np.maximum.at`; NaN propagates).
    ///
    /// ```
    /// use xp_core::{Array, array::updates::AtIndex};
    /// let x = Array::<i64>::from_vec(vec![5, 5], &[2])?;
    /// let i = Array::<i64>::from_vec(vec![1, 1], &[2])?;
    /// let v = Array::<i64>::from_vec(vec![7, 9], &[2])?;
    /// assert_eq!(x.at(AtIndex::take(i, 0)).max(&v)?.to_vec()?, vec![5, 9]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`At::apply`].
    pub fn max(self, values: &Array<T, B>) -> Result<Array<T, B>> {
        self.apply(values, Maximum::<T>::new())
    }
}
