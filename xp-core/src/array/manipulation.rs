//! Shape manipulation: `reshape`, `permute_dims`, `moveaxis`, `expand_dims`, `squeeze`, `flip`,
//! `roll`, `concat`, `stack`, `unstack`, `broadcast_to`, `broadcast_arrays`, `tile`, `repeat`,
//! `flatten`. Every function is built from the backend's core operations (`reshape`, `permute`,
//! `broadcast_to`, `slice`, `concat`, `take`) and never reads the data on the host, except
//! [`Array::repeat`], whose output length depends on the values of `repeats` (see there).
//!
//! ```
//! use xp_core::Array;
//! let a = Array::<f64>::from_vec((0..6).map(f64::from).collect(), &[2, 3])?;
//! let t = a.permute_dims(&[1, 0])?;
//! assert_eq!(t.shape(), &[3, 2]);
//! assert_eq!(t.to_vec()?, vec![0.0, 3.0, 1.0, 4.0, 2.0, 5.0]);
//! # Ok::<(), xp_core::Error>(())
//! ```

use crate::array::{Array, check_device};
use crate::backend::Backend;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::kernels::reduce::{Min, Sum};
use crate::shape::{self, Axes, AxisSlice};

impl<T: Element, B: Backend> Array<T, B> {
    /// Same elements in row-major order with a new shape; at most one entry may be `-1`, which
    /// takes the size that makes the element counts match (NumPy's `reshape`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[6])?;
    /// assert_eq!(a.reshape(&[-1, 3])?.shape(), &[2, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a negative entry other than a single `-1`; [`Error::Shape`]
    /// if the new shape does not hold exactly `self.size()` elements (or `-1` is ambiguous).
    pub fn reshape(&self, shape: &[isize]) -> Result<Self> {
        const F: &str = "xp.reshape";
        let target = resolve_reshape(F, self.shape(), shape)?;
        if target == self.shape() {
            return Ok(self.clone());
        }
        Ok(Array::from_storage(B::reshape(&self.storage, &target)?))
    }

    /// The elements as a 1-D array in row-major order.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// assert_eq!(a.flatten()?.shape(), &[6]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn flatten(&self) -> Result<Self> {
        if self.ndim() == 1 {
            return Ok(self.clone());
        }
        Ok(Array::from_storage(B::reshape(&self.storage, &[self.size()])?))
    }

    /// Reorders the axes: output axis `i` is input axis `axes[i]`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![0.0; 24], &[2, 3, 4])?;
    /// assert_eq!(a.permute_dims(&[2, 0, -2])?.shape(), &[4, 2, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `axes` has one entry per axis; [`Error::AxisOutOfRange`],
    /// [`Error::DuplicateAxis`].
    pub fn permute_dims(&self, axes: &[isize]) -> Result<Self> {
        const F: &str = "xp.permute_dims";
        if axes.len() != self.ndim() {
            return Err(Error::invalid(
                F,
                "axes",
                axes,
                format!("must list each of the {} axes once", self.ndim()),
            ));
        }
        let axes = shape::normalize_axes(F, axes, self.ndim())?;
        self.permuted(&axes)
    }

    /// Moves axes `source` to positions `destination`; the other axes keep their order.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![0.0; 24], &[2, 3, 4])?;
    /// assert_eq!(a.moveaxis(&[0], &[-1])?.shape(), &[3, 4, 2]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `source` and `destination` differ in length;
    /// [`Error::AxisOutOfRange`], [`Error::DuplicateAxis`].
    pub fn moveaxis(&self, source: &[isize], destination: &[isize]) -> Result<Self> {
        const F: &str = "xp.moveaxis";
        if source.len() != destination.len() {
            return Err(Error::invalid(
                F,
                "destination",
                destination,
                format!("must have as many axes as source ({})", source.len()),
            ));
        }
        let n = self.ndim();
        let src = shape::normalize_axes(F, source, n)?;
        let dst = shape::normalize_axes(F, destination, n)?;
        let mut order: Vec<usize> = (0..n).filter(|a| !src.contains(a)).collect();
        let mut pairs: Vec<(usize, usize)> = dst.into_iter().zip(src).collect();
        pairs.sort_unstable();
        for (d, s) in pairs {
            order.insert(d.min(order.len()), s);
        }
        self.permuted(&order)
    }

    /// Inserts an axis of size 1 at position `axis` of the result (`-1` appends one).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![0.0; 6], &[2, 3])?;
    /// assert_eq!(a.expand_dims(1)?.shape(), &[2, 1, 3]);
    /// assert_eq!(a.expand_dims(-1)?.shape(), &[2, 3, 1]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] unless `-ndim - 1 <= axis <= ndim`.
    pub fn expand_dims(&self, axis: isize) -> Result<Self> {
        let a = shape::normalize_axis("xp.expand_dims", axis, self.ndim() + 1)?;
        let mut s = self.shape().to_vec();
        s.insert(a, 1);
        self.reshaped(&s)
    }

    /// Removes axes of size 1: the listed ones (each must have size 1), or every size-1 axis with
    /// [`crate::ALL`].
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<f64>::from_vec(vec![0.0; 3], &[1, 3, 1])?;
    /// assert_eq!(a.squeeze(0)?.shape(), &[3, 1]);
    /// assert_eq!(a.squeeze(ALL)?.shape(), &[3]);
    /// assert!(a.squeeze(1).is_err());
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if a listed axis does not have size 1; [`Error::AxisOutOfRange`],
    /// [`Error::DuplicateAxis`].
    pub fn squeeze(&self, axis: impl Into<Axes>) -> Result<Self> {
        const F: &str = "xp.squeeze";
        let s = self.shape();
        let axes = match axis.into() {
            Axes::All => (0..s.len()).filter(|&a| s[a] == 1).collect(),
            some => some.resolve(F, s.len())?,
        };
        if let Some(&bad) = axes.iter().find(|&&a| s[a] != 1) {
            return Err(Error::shape(F, "x", format!("size 1 on the squeezed axis {bad}"), s));
        }
        let out: Vec<usize> = (0..s.len()).filter(|a| !axes.contains(a)).map(|a| s[a]).collect();
        self.reshaped(&out)
    }

    /// Reverses the order of elements along the given axes ([`crate::ALL`]: every axis).
    ///
    /// ```
    /// use xp_core::{ALL, Array};
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// assert_eq!(a.flip(-1)?.to_vec()?, vec![2, 1, 0, 5, 4, 3]);
    /// assert_eq!(a.flip(ALL)?.to_vec()?, vec![5, 4, 3, 2, 1, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`], [`Error::DuplicateAxis`].
    pub fn flip(&self, axis: impl Into<Axes>) -> Result<Self> {
        let axes = axis.into().resolve("xp.flip", self.ndim())?;
        if axes.is_empty() {
            return Ok(self.clone());
        }
        let slices: Vec<AxisSlice> = self
            .shape()
            .iter()
            .enumerate()
            .map(|(a, &n)| {
                if axes.contains(&a) {
                    AxisSlice {
                        start: n.saturating_sub(1),
                        len: n,
                        step: -1,
                    }
                } else {
                    AxisSlice::full(n)
                }
            })
            .collect();
        Ok(Array::from_storage(B::slice(&self.storage, &slices)?))
    }

    /// Rolls elements along axes: element `i` moves to `i + shift` (modulo the axis length).
    /// With `axis = None` the array is rolled as if flattened. `shift` and `axis` broadcast
    /// against each other (one of them may have a single entry); shifts of a repeated axis add up.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// assert_eq!(a.roll(&[1], Some(&[-1]))?.to_vec()?, vec![2, 0, 1, 5, 3, 4]);
    /// assert_eq!(a.roll(&[-1], None)?.to_vec()?, vec![1, 2, 3, 4, 5, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `shift` and `axis` do not broadcast;
    /// [`Error::AxisOutOfRange`].
    pub fn roll(&self, shift: &[isize], axis: Option<&[isize]>) -> Result<Self> {
        const F: &str = "xp.roll";
        let Some(axis) = axis else {
            let total = shift.iter().fold(0isize, |acc, &s| acc.wrapping_add(s));
            let flat = self.flatten()?.roll_axis(0, total)?;
            return flat.reshaped(self.shape());
        };
        let pairs: Vec<(isize, isize)> = match (shift.len(), axis.len()) {
            (a, b) if a == b => shift.iter().copied().zip(axis.iter().copied()).collect(),
            (1, _) => axis.iter().map(|&ax| (shift[0], ax)).collect(),
            (_, 1) => shift.iter().map(|&s| (s, axis[0])).collect(),
            _ => {
                return Err(Error::invalid(
                    F,
                    "shift",
                    shift,
                    format!("does not broadcast against axis {axis:?}"),
                ));
            }
        };
        let mut per_axis = vec![0isize; self.ndim()];
        for (s, ax) in pairs {
            let a = shape::normalize_axis(F, ax, self.ndim())?;
            per_axis[a] = per_axis[a].wrapping_add(s);
        }
        let mut out = self.clone();
        for (a, s) in per_axis.into_iter().enumerate() {
            out = out.roll_axis(a, s)?;
        }
        Ok(out)
    }

    /// Rolls along one normalised axis.
    fn roll_axis(&self, axis: usize, shift: isize) -> Result<Self> {
        let n = self.shape()[axis];
        if n == 0 {
            return Ok(self.clone());
        }
        let k = shift.rem_euclid(n as isize) as usize;
        if k == 0 {
            return Ok(self.clone());
        }
        let tail = self.axis_range(axis, n - k, n)?;
        let head = self.axis_range(axis, 0, n - k)?;
        Ok(Array::from_storage(B::concat(&[&tail.storage, &head.storage], axis)?))
    }

    /// Elements `start..stop` along a normalised axis (in range).
    pub(crate) fn axis_range(&self, axis: usize, start: usize, stop: usize) -> Result<Self> {
        let slices: Vec<AxisSlice> = self
            .shape()
            .iter()
            .enumerate()
            .map(|(a, &n)| {
                if a == axis {
                    AxisSlice {
                        start,
                        len: stop.saturating_sub(start),
                        step: 1,
                    }
                } else {
                    AxisSlice::full(n)
                }
            })
            .collect();
        Ok(Array::from_storage(B::slice(&self.storage, &slices)?))
    }

    /// Splits the array along `axis` into its `shape[axis]` slices, each without that axis.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// let cols = a.unstack(1)?;
    /// assert_eq!(cols.len(), 3);
    /// assert_eq!(cols[1].to_vec()?, vec![1, 4]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] (also for a 0-D array).
    pub fn unstack(&self, axis: isize) -> Result<Vec<Self>> {
        let a = shape::normalize_axis("xp.unstack", axis, self.ndim())?;
        let mut rest = self.shape().to_vec();
        let n = rest.remove(a);
        (0..n).map(|i| self.axis_range(a, i, i + 1)?.reshaped(&rest)).collect()
    }

    /// Broadcasts to `shape` under the standard's rules (trailing alignment, size-1 axes stretch).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec(vec![1, 2, 3], &[3])?;
    /// let b = a.broadcast_to(&[2, 3])?;
    /// assert_eq!(b.to_vec()?, vec![1, 2, 3, 1, 2, 3]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Broadcast`] if the shape is not reachable; [`Error::SizeOverflow`].
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<Self> {
        const F: &str = "xp.broadcast_to";
        if !shape::can_broadcast_to(self.shape(), shape) {
            return Err(Error::Broadcast {
                function: F,
                lhs: self.shape().to_vec(),
                rhs: shape.to_vec(),
            });
        }
        shape::checked_size(F, shape)?;
        if shape == self.shape() {
            return Ok(self.clone());
        }
        Ok(Array::from_storage(B::broadcast_to(&self.storage, shape)?))
    }

    /// Repeats the whole array `reps[i]` times along axis `i` (NumPy's `tile`: a shorter `reps`
    /// is padded with leading 1s, a shorter shape with leading axes of size 1).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec(vec![1, 2], &[2])?;
    /// let t = a.tile(&[2, 2])?;
    /// assert_eq!(t.shape(), &[2, 4]);
    /// assert_eq!(t.to_vec()?, vec![1, 2, 1, 2, 1, 2, 1, 2]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if the result is too large.
    pub fn tile(&self, reps: &[usize]) -> Result<Self> {
        const F: &str = "xp.tile";
        let d = reps.len().max(self.ndim());
        let mut s = vec![1usize; d - self.ndim()];
        s.extend_from_slice(self.shape());
        let mut r = vec![1usize; d - reps.len()];
        r.extend_from_slice(reps);
        let mut interleaved = Vec::with_capacity(2 * d);
        let mut stretched = Vec::with_capacity(2 * d);
        let mut out = Vec::with_capacity(d);
        for (&si, &ri) in s.iter().zip(&r) {
            interleaved.extend([1, si]);
            stretched.extend([ri, si]);
            out.push(si.checked_mul(ri).ok_or_else(|| Error::SizeOverflow {
                function: F,
                shape: stretched.clone(),
            })?);
        }
        shape::checked_size(F, &out)?;
        let x = B::reshape(&self.storage, &interleaved)?;
        let x = B::broadcast_to(&x, &stretched)?;
        Ok(Array::from_storage(B::reshape(&x, &out)?))
    }

    /// Repeats each element `repeats` times along `axis` (`None`: the flattened array).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec(vec![1, 2, 3, 4], &[2, 2])?;
    /// assert_eq!(a.repeat_n(2, Some(0))?.to_vec()?, vec![1, 2, 1, 2, 3, 4, 3, 4]);
    /// assert_eq!(a.repeat_n(2, None)?.to_vec()?, vec![1, 1, 2, 2, 3, 3, 4, 4]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`]; [`Error::SizeOverflow`].
    pub fn repeat_n(&self, repeats: usize, axis: Option<isize>) -> Result<Self> {
        const F: &str = "xp.repeat";
        let (x, a) = match axis {
            None => (self.flatten()?, 0),
            Some(ax) => (self.clone(), shape::normalize_axis(F, ax, self.ndim())?),
        };
        let s = x.shape().to_vec();
        let mut expanded = s.clone();
        expanded.insert(a + 1, 1);
        let mut stretched = s.clone();
        stretched.insert(a + 1, repeats);
        let mut out = s;
        out[a] = out[a].checked_mul(repeats).ok_or_else(|| Error::SizeOverflow {
            function: F,
            shape: stretched.clone(),
        })?;
        shape::checked_size(F, &out)?;
        let y = B::reshape(&x.storage, &expanded)?;
        let y = B::broadcast_to(&y, &stretched)?;
        Ok(Array::from_storage(B::reshape(&y, &out)?))
    }

    /// Repeats element `i` along `axis` (`None`: the flattened array) `repeats[i]` times;
    /// `repeats` is 1-D with one entry per element of the axis, or a single entry for all.
    ///
    /// The output length depends on the values of `repeats`, so this function reads two scalars
    /// on the host (the minimum, to reject negative counts, and the sum): two one-element
    /// transfers, and the only host reads of this module. [`Array::repeat_n`] needs none.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0], &[3])?;
    /// let r = Array::<i64>::from_vec(vec![2, 0, 1], &[3])?;
    /// assert_eq!(a.repeat(&r, None)?.to_vec()?, vec![1.0, 1.0, 3.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if `repeats` has the wrong length; [`Error::InvalidParameter`] for a
    /// negative count; [`Error::AxisOutOfRange`].
    pub fn repeat(&self, repeats: &Array<i64, B>, axis: Option<isize>) -> Result<Self> {
        const F: &str = "xp.repeat";
        check_device(F, self, repeats)?;
        let (x, a) = match axis {
            None => (self.flatten()?, 0),
            Some(ax) => (self.clone(), shape::normalize_axis(F, ax, self.ndim())?),
        };
        let n = x.shape()[a];
        let r = match (repeats.ndim(), repeats.size()) {
            (0 | 1, 1) => Array::from_storage(B::broadcast_to(&B::reshape(&repeats.storage, &[1])?, &[n])?),
            (1, len) if len == n => repeats.clone(),
            _ => {
                return Err(Error::shape(
                    F,
                    "repeats",
                    format!("1-D with 1 or {n} entries"),
                    repeats.shape(),
                ));
            }
        };
        if n == 0 {
            return Ok(x);
        }
        let min = Array::<i64, B>::from_storage(B::reduce(&r.storage, &[0], Min::<i64>::new())?).to_scalar()?;
        if min < 0 {
            return Err(Error::invalid(F, "repeats", min, "counts must be non-negative"));
        }
        let cum = Array::<i64, B>::from_storage(B::scan(&r.storage, 0, Sum::<i64>::new())?);
        let total = cum.axis_range(0, n - 1, n)?.to_scalar()?;
        let total = usize::try_from(total).map_err(|_| Error::invalid(F, "repeats", total, "total count overflows"))?;
        let mut out_shape = x.shape().to_vec();
        out_shape[a] = total;
        shape::checked_size(F, &out_shape)?;
        // Output position k comes from the element i with cum[i-1] <= k < cum[i].
        let positions = index_range::<B>(total, &x.device())?;
        let src = B::searchsorted(&cum.storage, &positions.storage, crate::backend::Side::Right)?;
        Ok(Array::from_storage(B::take(&x.storage, &src, a)?))
    }

    /// Reshape to a known-valid shape (skips the backend call when nothing changes).
    pub(crate) fn reshaped(&self, shape: &[usize]) -> Result<Self> {
        if shape == self.shape() {
            return Ok(self.clone());
        }
        Ok(Array::from_storage(B::reshape(&self.storage, shape)?))
    }

    /// Permute with known-valid, normalised axes (skips the identity).
    pub(crate) fn permuted(&self, axes: &[usize]) -> Result<Self> {
        if axes.iter().enumerate().all(|(i, &a)| i == a) {
            return Ok(self.clone());
        }
        Ok(Array::from_storage(B::permute(&self.storage, axes)?))
    }
}

/// Resolves a `reshape` target with at most one `-1` against the current shape.
fn resolve_reshape(function: &'static str, current: &[usize], shape: &[isize]) -> Result<Vec<usize>> {
    let size = shape::size_of(current);
    let mut unknown = None;
    let mut known = Vec::with_capacity(shape.len());
    for (i, &d) in shape.iter().enumerate() {
        match d {
            -1 if unknown.is_none() => {
                unknown = Some(i);
                known.push(1);
            }
            d if d < 0 => {
                return Err(Error::invalid(
                    function,
                    "shape",
                    shape,
                    "entries must be non-negative, except a single -1",
                ));
            }
            d => known.push(d as usize),
        }
    }
    let product = shape::checked_size(function, &known)?;
    let mismatch = || {
        Error::shape(
            function,
            "x",
            format!("{size} elements to reshape into {shape:?}"),
            current,
        )
    };
    if let Some(i) = unknown {
        if product == 0 || !size.is_multiple_of(product) {
            return Err(mismatch());
        }
        known[i] = size / product;
    } else if product != size {
        return Err(mismatch());
    }
    Ok(known)
}

/// `[0, 1, ..., n-1]` as `i64` on `device`.
pub(crate) fn index_range<B: Backend>(n: usize, device: &B::Device) -> Result<Array<i64, B>> {
    Ok(Array::from_storage(B::arange::<i64>(0.0, 1.0, n, device)?))
}

/// An array of `shape` filled with `value` on `device`.
pub(crate) fn filled<T: Element, B: Backend>(shape: &[usize], value: T, device: &B::Device) -> Result<Array<T, B>> {
    Ok(Array::from_storage(B::full(shape, value, device)?))
}

/// Fails with [`Error::DeviceMismatch`] unless every array is on the device of the first.
fn check_devices<T: Element, B: Backend>(function: &'static str, arrays: &[&Array<T, B>]) -> Result<()> {
    if let Some(first) = arrays.first() {
        for a in &arrays[1..] {
            check_device(function, first, a)?;
        }
    }
    Ok(())
}

/// Joins arrays along an existing axis (`None`: flattens them first and joins the results).
///
/// ```
/// use xp_core::{Array, array::manipulation::concat};
/// let a = Array::<i64>::from_vec(vec![1, 2], &[1, 2])?;
/// let b = Array::<i64>::from_vec(vec![3, 4, 5, 6], &[2, 2])?;
/// assert_eq!(concat(&[&a, &b], Some(0))?.shape(), &[3, 2]);
/// assert_eq!(concat(&[&a, &b], None)?.to_vec()?, vec![1, 2, 3, 4, 5, 6]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for an empty list; [`Error::Shape`] if ranks differ or the arrays
/// disagree off `axis`; [`Error::AxisOutOfRange`] (also for 0-D arrays with an axis);
/// [`Error::DeviceMismatch`].
pub fn concat<T: Element, B: Backend>(arrays: &[&Array<T, B>], axis: Option<isize>) -> Result<Array<T, B>> {
    const F: &str = "xp.concat";
    check_devices(F, arrays)?;
    let Some(first) = arrays.first() else {
        return Err(Error::invalid(F, "arrays", "[]", "need at least one array"));
    };
    let Some(axis) = axis else {
        let flat = arrays.iter().map(|a| a.flatten()).collect::<Result<Vec<_>>>()?;
        let refs: Vec<&Array<T, B>> = flat.iter().collect();
        return concat(&refs, Some(0));
    };
    let nd = first.ndim();
    let a = shape::normalize_axis(F, axis, nd)?;
    let mut total = 0usize;
    for x in arrays {
        let s = x.shape();
        let agrees = s.len() == nd
            && s.iter()
                .zip(first.shape())
                .enumerate()
                .all(|(i, (p, q))| i == a || p == q);
        if !agrees {
            return Err(Error::shape(
                F,
                "arrays",
                format!("rank {nd} and shape {:?} off axis {a}", first.shape()),
                s,
            ));
        }
        total = total.checked_add(s[a]).ok_or_else(|| Error::SizeOverflow {
            function: F,
            shape: s.to_vec(),
        })?;
    }
    let mut out = first.shape().to_vec();
    out[a] = total;
    shape::checked_size(F, &out)?;
    if arrays.len() == 1 {
        return Ok((*first).clone());
    }
    let storages: Vec<_> = arrays.iter().map(|x| &x.storage).collect();
    Ok(Array::from_storage(B::concat(&storages, a)?))
}

/// Joins arrays of one shape along a new axis at position `axis` of the result.
///
/// ```
/// use xp_core::{Array, array::manipulation::stack};
/// let a = Array::<i64>::from_vec(vec![1, 2], &[2])?;
/// let b = Array::<i64>::from_vec(vec![3, 4], &[2])?;
/// let s = stack(&[&a, &b], -1)?;
/// assert_eq!(s.shape(), &[2, 2]);
/// assert_eq!(s.to_vec()?, vec![1, 3, 2, 4]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for an empty list; [`Error::Shape`] if shapes differ;
/// [`Error::AxisOutOfRange`]; [`Error::DeviceMismatch`].
pub fn stack<T: Element, B: Backend>(arrays: &[&Array<T, B>], axis: isize) -> Result<Array<T, B>> {
    const F: &str = "xp.stack";
    check_devices(F, arrays)?;
    let Some(first) = arrays.first() else {
        return Err(Error::invalid(F, "arrays", "[]", "need at least one array"));
    };
    if let Some(bad) = arrays.iter().find(|x| x.shape() != first.shape()) {
        return Err(Error::shape(
            F,
            "arrays",
            format!("the common shape {:?}", first.shape()),
            bad.shape(),
        ));
    }
    let a = shape::normalize_axis(F, axis, first.ndim() + 1)?;
    let expanded = arrays
        .iter()
        .map(|x| x.expand_dims(a as isize))
        .collect::<Result<Vec<_>>>()?;
    let refs: Vec<&Array<T, B>> = expanded.iter().collect();
    concat(&refs, Some(a as isize))
}

/// Broadcasts arrays against each other.
///
/// ```
/// use xp_core::{Array, array::manipulation::broadcast_arrays};
/// let a = Array::<i64>::from_vec(vec![1, 2, 3], &[1, 3])?;
/// let b = Array::<i64>::from_vec(vec![10, 20], &[2, 1])?;
/// let out = broadcast_arrays(&[&a, &b])?;
/// assert_eq!(out[0].shape(), &[2, 3]);
/// assert_eq!(out[1].to_vec()?, vec![10, 10, 10, 20, 20, 20]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Broadcast`] if the shapes do not broadcast; [`Error::DeviceMismatch`].
pub fn broadcast_arrays<T: Element, B: Backend>(arrays: &[&Array<T, B>]) -> Result<Vec<Array<T, B>>> {
    const F: &str = "xp.broadcast_arrays";
    check_devices(F, arrays)?;
    let shapes: Vec<&[usize]> = arrays.iter().map(|a| a.shape()).collect();
    let target = shape::broadcast_shapes(F, &shapes)?;
    shape::checked_size(F, &target)?;
    arrays.iter().map(|a| a.broadcast_to(&target)).collect()
}
