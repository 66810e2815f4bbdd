//! Statistical functions of the array API standard (`sum`, `prod`, `mean`, `var`, `std`, `min`,
//! `max`, `cumulative_sum`, `cumulative_prod`) and its utility functions (`all`, `any`, `diff`).
//!
//! Reductions take the axes as anything that converts into [`Axes`]: [`crate::ALL`] (every axis,
//! SciPy's `axis=None`), one axis (`0`, `-1`) or several (`[0, 1]`). Negative axes count from the
//! end. With `keepdims`, reduced axes stay as length-1 axes so the result broadcasts against the
//! input. Everything is built on the backend's `reduce` and `scan` with the reducers of
//! [`crate::kernels::reduce`], so it runs on any backend without touching host memory.

use crate::array::{Array, check_device};
use crate::backend::{Backend, StorageOf};
use crate::element::{Element, Float, Numeric, RealNumeric};
use crate::error::{Error, Result};
use crate::kernels::Reducer;
use crate::kernels::binary::{Divide, Subtract, WithRight};
use crate::kernels::reduce::{All, Any, Max, Min, Prod, Sum, SumSquares};
use crate::shape::{self, Axes, AxisSlice};

/// `shape` with the `axes` (normalised) set to 1: the shape of a `keepdims` result.
pub(crate) fn kept_shape(shape: &[usize], axes: &[usize]) -> Vec<usize> {
    shape
        .iter()
        .enumerate()
        .map(|(i, &d)| if axes.contains(&i) { 1 } else { d })
        .collect()
}

/// Number of elements each output of a reduction over `axes` sees.
pub(crate) fn reduced_count(shape: &[usize], axes: &[usize]) -> usize {
    axes.iter().filter_map(|&a| shape.get(a)).product()
}

/// Runs reducer `r` over the normalised, sorted `axes`, reshaping for `keepdims`.
pub(crate) fn reduce_over<T: Element, B: Backend, R: Reducer<In = T>>(
    x: &Array<T, B>,
    axes: &[usize],
    keepdims: bool,
    r: R,
) -> Result<Array<R::Out, B>> {
    let out = B::reduce(&x.storage, axes, r)?;
    let out = if keepdims {
        B::reshape(&out, &kept_shape(x.shape(), axes))?
    } else {
        out
    };
    Ok(Array::from_storage(out))
}

/// The scan axis of `cumulative_*`: `None` is allowed only for 1-D input, as in the standard.
fn scan_axis(function: &'static str, shape: &[usize], axis: Option<isize>) -> Result<usize> {
    match axis {
        Some(a) => shape::normalize_axis(function, a, shape.len()),
        None if shape.len() == 1 => Ok(0),
        None => Err(Error::invalid(
            function,
            "axis",
            None::<isize>,
            format!(
                "an axis is required for an input of {} dimensions (it may be omitted for 1-D input only)",
                shape.len()
            ),
        )),
    }
}

/// Fails when a reduction without identity (`min`, `max`, `argmin`, `argmax`) would reduce zero
/// elements, as NumPy does.
pub(crate) fn check_nonempty_reduction(function: &'static str, shape: &[usize], axes: &[usize]) -> Result<()> {
    if reduced_count(shape, axes) == 0 {
        return Err(Error::shape(
            function,
            "x",
            format!("at least one element along the reduced axes {axes:?} (the reduction has no identity)"),
            shape,
        ));
    }
    Ok(())
}

impl<T: Numeric, B: Backend> Array<T, B> {
    /// Sum over `axis` (0 for no elements). Integers wrap around on overflow.
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<i64>::from_vec(vec![1, 2, 3, 4, 5, 6], &[2, 3])?;
    /// assert_eq!(a.sum(0, false)?.to_vec()?, vec![5, 7, 9]);
    /// assert_eq!(a.sum(-1, true)?.shape(), &[2, 1]);
    /// assert_eq!(a.sum(ALL, false)?.to_scalar()?, 21);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] or [`Error::DuplicateAxis`] for bad axes.
    pub fn sum(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Self> {
        let axes = axis.into().resolve("xp.sum", self.ndim())?;
        reduce_over(self, &axes, keepdims, Sum::<T>::new())
    }

    /// Product over `axis` (1 for no elements). Integers wrap around on overflow.
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
    /// assert_eq!(a.prod(1, false)?.to_vec()?, vec![2.0, 12.0]);
    /// assert_eq!(a.prod(ALL, false)?.to_scalar()?, 24.0);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] or [`Error::DuplicateAxis`] for bad axes.
    pub fn prod(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Self> {
        let axes = axis.into().resolve("xp.prod", self.ndim())?;
        reduce_over(self, &axes, keepdims, Prod::<T>::new())
    }

    /// Cumulative sum along `axis` (the standard's `cumulative_sum`). `axis` may be `None` only
    /// for 1-D input. With `include_initial`, the output starts with the additive identity 0, so
    /// its length along `axis` is one more than the input's.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_slice(&[1, 2, 3])?;
    /// assert_eq!(a.cumulative_sum(None, false)?.to_vec()?, vec![1, 3, 6]);
    /// assert_eq!(a.cumulative_sum(None, true)?.to_vec()?, vec![0, 1, 3, 6]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `axis` is `None` and the input is not 1-D;
    /// [`Error::AxisOutOfRange`] for a bad axis.
    pub fn cumulative_sum(&self, axis: Option<isize>, include_initial: bool) -> Result<Self> {
        self.stat_cumulative("xp.cumulative_sum", axis, include_initial, T::ZERO, Sum::<T>::new())
    }

    /// Cumulative product along `axis` (the standard's `cumulative_prod`). `axis` may be `None`
    /// only for 1-D input. With `include_initial`, the output starts with the multiplicative
    /// identity 1.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
    /// assert_eq!(a.cumulative_prod(Some(1), false)?.to_vec()?, vec![1.0, 2.0, 3.0, 12.0]);
    /// assert_eq!(a.cumulative_prod(Some(0), true)?.to_vec()?, vec![1.0, 1.0, 1.0, 2.0, 3.0, 8.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `axis` is `None` and the input is not 1-D;
    /// [`Error::AxisOutOfRange`] for a bad axis.
    pub fn cumulative_prod(&self, axis: Option<isize>, include_initial: bool) -> Result<Self> {
        self.stat_cumulative("xp.cumulative_prod", axis, include_initial, T::ONE, Prod::<T>::new())
    }

    fn stat_cumulative<R: Reducer<In = T, Out = T>>(
        &self,
        function: &'static str,
        axis: Option<isize>,
        include_initial: bool,
        identity: T,
        r: R,
    ) -> Result<Self> {
        let ax = scan_axis(function, self.shape(), axis)?;
        let scanned = B::scan(&self.storage, ax, r)?;
        if !include_initial {
            return Ok(Array::from_storage(scanned));
        }
        let mut out_shape = self.shape().to_vec();
        out_shape[ax] = out_shape[ax].checked_add(1).ok_or_else(|| Error::SizeOverflow {
            function,
            shape: self.shape().to_vec(),
        })?;
        super::creation::checked_alloc::<T>(function, &out_shape)?;
        let mut init_shape = self.shape().to_vec();
        init_shape[ax] = 1;
        let init = B::full(&init_shape, identity, &self.device())?;
        Ok(Array::from_storage(B::concat(&[&init, &scanned], ax)?))
    }

    /// The `n`-th forward difference along `axis` (the standard's utility `diff`):
    /// `out[i] = x[i + 1] - x[i]`, applied `n` times, after joining `prepend` before and `append`
    /// after `self` along `axis`. `prepend` and `append` have `self`'s shape except along `axis`,
    /// or are 0-D (then they count as one element along `axis`). Each step shortens `axis` by
    /// one, down to length 0; `n = 0` returns `self` unchanged (prepend and append ignored), as
    /// NumPy does.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_slice(&[1, 2, 4, 7])?;
    /// assert_eq!(a.diff(0, 1, None, None)?.to_vec()?, vec![1, 2, 3]);
    /// assert_eq!(a.diff(-1, 2, None, None)?.to_vec()?, vec![1, 1]);
    /// let zero = Array::<i64>::scalar(0)?;
    /// assert_eq!(a.diff(0, 1, Some(&zero), None)?.to_vec()?, vec![1, 1, 2, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if `self` is 0-D or `prepend`/`append` have incompatible shapes;
    /// [`Error::AxisOutOfRange`] for a bad axis; [`Error::DeviceMismatch`].
    pub fn diff(&self, axis: isize, n: usize, prepend: Option<&Self>, append: Option<&Self>) -> Result<Self> {
        const F: &str = "xp.diff";
        let shape = self.shape();
        if shape.is_empty() {
            return Err(Error::shape(F, "x", "at least 1 dimension", shape));
        }
        let ax = shape::normalize_axis(F, axis, shape.len())?;
        if n == 0 {
            return Ok(self.clone());
        }
        let mut parts: Vec<StorageOf<B, T>> = Vec::with_capacity(3);
        let edge = |name: &'static str, e: &Self| -> Result<StorageOf<B, T>> {
            check_device(F, self, e)?;
            if e.ndim() == 0 {
                let mut s = shape.to_vec();
                s[ax] = 1;
                return B::broadcast_to(&e.storage, &s);
            }
            let compatible = e.ndim() == shape.len()
                && e.shape()
                    .iter()
                    .zip(shape)
                    .enumerate()
                    .all(|(i, (a, b))| i == ax || a == b);
            if !compatible {
                return Err(Error::shape(
                    F,
                    name,
                    format!("the shape of x {shape:?} except along axis {ax}, or 0 dimensions"),
                    e.shape(),
                ));
            }
            Ok(e.storage.clone())
        };
        if let Some(p) = prepend {
            parts.push(edge("prepend", p)?);
        }
        parts.push(self.storage.clone());
        if let Some(a) = append {
            parts.push(edge("append", a)?);
        }
        let mut cur = if parts.len() > 1 {
            let mut joined = shape.to_vec();
            joined[ax] = parts.iter().map(|p| B::shape(p).get(ax).copied().unwrap_or(0)).sum();
            super::creation::checked_alloc::<T>(F, &joined)?;
            let refs: Vec<&StorageOf<B, T>> = parts.iter().collect();
            B::concat(&refs, ax)?
        } else {
            self.storage.clone()
        };
        for _ in 0..n {
            let cur_shape = B::shape(&cur).to_vec();
            let len = cur_shape.get(ax).copied().unwrap_or(0);
            if len <= 1 {
                let mut s = cur_shape;
                s[ax] = 0;
                cur = B::full(&s, T::ZERO, &self.device())?;
                break;
            }
            let mut hi: Vec<AxisSlice> = cur_shape.iter().map(|&d| AxisSlice::full(d)).collect();
            let mut lo = hi.clone();
            hi[ax] = AxisSlice {
                start: 1,
                len: len - 1,
                step: 1,
            };
            lo[ax] = AxisSlice {
                start: 0,
                len: len - 1,
                step: 1,
            };
            let (h, l) = (B::slice(&cur, &hi)?, B::slice(&cur, &lo)?);
            cur = B::map2(&h, &l, Subtract::<T>::new())?;
        }
        Ok(Array::from_storage(cur))
    }
}

impl<T: Float, B: Backend> Array<T, B> {
    /// Arithmetic mean over `axis`. The mean of no elements is NaN (NaN + NaN i for complex), as
    /// in NumPy and the standard; NaN propagates.
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 6.0], &[2, 2])?;
    /// assert_eq!(a.mean(0, false)?.to_vec()?, vec![2.0, 4.0]);
    /// assert_eq!(a.mean(ALL, false)?.to_scalar()?, 3.0);
    /// assert!(Array::<f64>::zeros(&[0])?.mean(ALL, false)?.to_scalar()?.is_nan());
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] or [`Error::DuplicateAxis`] for bad axes.
    pub fn mean(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Self> {
        let axes = axis.into().resolve("xp.mean", self.ndim())?;
        self.stat_mean_over(&axes, keepdims)
    }

    fn stat_mean_over(&self, axes: &[usize], keepdims: bool) -> Result<Self> {
        let count = reduced_count(self.shape(), axes);
        let sum = reduce_over(self, axes, keepdims, Sum::<T>::new())?;
        sum.map1(WithRight {
            kernel: Divide::<T>::new(),
            scalar: T::from_f64(count as f64),
        })
    }

    /// Variance over `axis`: `sum |x - mean|^2 / (N - correction)` where `N` is the number of
    /// elements reduced (`correction = 1` is the unbiased sample variance, NumPy's `ddof=1`).
    /// The result is real (`f64` for `c64` input). As in NumPy, the divisor is
    /// `max(N - correction, 0)`: when it is zero the result is `inf`, or NaN where every
    /// deviation is zero (an empty reduction, a constant input).
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f64>::from_slice(&[1.0, 2.0, 3.0, 4.0])?;
    /// assert_eq!(a.var(ALL, 0.0, false)?.to_scalar()?, 1.25);
    /// assert!((a.var(ALL, 1.0, false)?.to_scalar()? - 5.0 / 3.0).abs() < 1e-15);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `correction` is not finite; [`Error::AxisOutOfRange`] or
    /// [`Error::DuplicateAxis`] for bad axes.
    pub fn var(&self, axis: impl Into<Axes>, correction: f64, keepdims: bool) -> Result<Array<T::Real, B>> {
        self.stat_variance("xp.var", axis.into(), correction, keepdims)
    }

    /// Standard deviation over `axis`: the square root of [`Array::var`] with the same `correction`.
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f32>::from_slice(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])?;
    /// assert_eq!(a.std(ALL, 0.0, false)?.to_scalar()?, 2.0);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `correction` is not finite; [`Error::AxisOutOfRange`] or
    /// [`Error::DuplicateAxis`] for bad axes.
    pub fn std(&self, axis: impl Into<Axes>, correction: f64, keepdims: bool) -> Result<Array<T::Real, B>> {
        self.stat_variance("xp.std", axis.into(), correction, keepdims)?.sqrt()
    }

    fn stat_variance(
        &self,
        function: &'static str,
        axis: Axes,
        correction: f64,
        keepdims: bool,
    ) -> Result<Array<T::Real, B>> {
        if !correction.is_finite() {
            return Err(Error::invalid(
                function,
                "correction",
                correction,
                "must be a finite number",
            ));
        }
        let axes = axis.resolve(function, self.ndim())?;
        let mean = self.stat_mean_over(&axes, true)?;
        let dev = self.map2(&mean, Subtract::<T>::new())?;
        let out = B::reduce(&dev.storage, &axes, SumSquares::<T>::new(correction))?;
        let out = if keepdims {
            B::reshape(&out, &kept_shape(self.shape(), &axes))?
        } else {
            out
        };
        Ok(Array::from_storage(out))
    }
}

impl<T: RealNumeric, B: Backend> Array<T, B> {
    /// Minimum over `axis`, NaN-propagating. Reducing zero elements is an error (NumPy raises
    /// `ValueError`: the minimum has no identity).
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f64>::from_vec(vec![3.0, 1.0, 2.0, 5.0], &[2, 2])?;
    /// assert_eq!(a.min(1, false)?.to_vec()?, vec![1.0, 2.0]);
    /// assert_eq!(a.min(ALL, false)?.to_scalar()?, 1.0);
    /// assert!(Array::<f64>::zeros(&[0])?.min(ALL, false).is_err());
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if a reduced axis has length 0; [`Error::AxisOutOfRange`] or
    /// [`Error::DuplicateAxis`] for bad axes.
    pub fn min(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Self> {
        const F: &str = "xp.min";
        let axes = axis.into().resolve(F, self.ndim())?;
        check_nonempty_reduction(F, self.shape(), &axes)?;
        reduce_over(self, &axes, keepdims, Min::<T>::new())
    }

    /// Maximum over `axis`, NaN-propagating. Reducing zero elements is an error (NumPy raises
    /// `ValueError`: the maximum has no identity).
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<i32>::from_vec(vec![3, 1, 2, 5], &[2, 2])?;
    /// assert_eq!(a.max(0, false)?.to_vec()?, vec![3, 5]);
    /// assert_eq!(a.max(ALL, true)?.shape(), &[1, 1]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if a reduced axis has length 0; [`Error::AxisOutOfRange`] or
    /// [`Error::DuplicateAxis`] for bad axes.
    pub fn max(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Self> {
        const F: &str = "xp.max";
        let axes = axis.into().resolve(F, self.ndim())?;
        check_nonempty_reduction(F, self.shape(), &axes)?;
        reduce_over(self, &axes, keepdims, Max::<T>::new())
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Whether every element over `axis` is nonzero (`true` for no elements).
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<bool>::from_vec(vec![true, false, true, true], &[2, 2])?;
    /// assert_eq!(a.all(1, false)?.to_vec()?, vec![false, true]);
    /// assert!(!a.all(ALL, false)?.to_scalar()?);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] or [`Error::DuplicateAxis`] for bad axes.
    pub fn all(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Array<bool, B>> {
        let axes = axis.into().resolve("xp.all", self.ndim())?;
        reduce_over(self, &axes, keepdims, All::<T>::new())
    }

    /// Whether any element over `axis` is nonzero (`false` for no elements).
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f64>::from_vec(vec![0.0, 0.0, 0.0, 2.0], &[2, 2])?;
    /// assert_eq!(a.any(1, false)?.to_vec()?, vec![false, true]);
    /// assert!(a.any(ALL, false)?.to_scalar()?);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] or [`Error::DuplicateAxis`] for bad axes.
    pub fn any(&self, axis: impl Into<Axes>, keepdims: bool) -> Result<Array<bool, B>> {
        let axes = axis.into().resolve("xp.any", self.ndim())?;
        reduce_over(self, &axes, keepdims, Any::<T>::new())
    }
}
