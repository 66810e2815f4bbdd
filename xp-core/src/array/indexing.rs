//! Indexing: basic slicing with [`Idx`] (NumPy's `x[1, ::-1, None, ...]`), integer-array `take`
//! and `take_along_axis`, and boolean masks (`x[mask]`). All built from the backend's `slice`,
//! `reshape`, `take`, `take_along_axis`, `mask_select` and `nonzero`, without host reads.
//!
//! ```
//! use xp_core::{Array, array::indexing::Idx};
//! let a = Array::<i64>::from_vec((0..12).collect(), &[3, 4])?;
//! // a[1:, ::-2]
//! let b = a.slice(&[Idx::from(1..), Idx::step(None, None, -2)])?;
//! assert_eq!(b.to_vec()?, vec![7, 5, 11, 9]);
//! // a[-1]
//! assert_eq!(a.slice(&[Idx::from(-1)])?.to_vec()?, vec![8, 9, 10, 11]);
//! # Ok::<(), xp_core::Error>(())
//! ```

use std::ops::{Range, RangeFrom, RangeFull, RangeTo};

use crate::array::{Array, check_device};
use crate::backend::Backend;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::shape::{self, AxisSlice};

/// One entry of a basic index, NumPy-style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Idx {
    /// A single position (negative counts from the end); the axis is removed.
    Index(isize),
    /// `start:stop:step` with NumPy's rules: negative bounds count from the end, bounds outside
    /// the axis are clamped, `None` means "from the start / to the end" in the direction of `step`.
    Slice {
        /// First position (`None`: the first in the direction of `step`).
        start: Option<isize>,
        /// Position to stop before (`None`: past the last in the direction of `step`).
        stop: Option<isize>,
        /// Distance between positions; negative walks backwards; zero is an error.
        step: isize,
    },
    /// A new axis of size 1 (`None` / `np.newaxis`).
    NewAxis,
    /// As many full slices as needed (`...`); at most one per index.
    Ellipsis,
}

impl Idx {
    /// The whole axis (`:`).
    pub const fn all() -> Self {
        Idx::Slice {
            start: None,
            stop: None,
            step: 1,
        }
    }

    /// `start:stop`.
    pub const fn range(start: isize, stop: isize) -> Self {
        Idx::Slice {
            start: Some(start),
            stop: Some(stop),
            step: 1,
        }
    }

    /// `start:stop:step`.
    pub const fn step(start: Option<isize>, stop: Option<isize>, step: isize) -> Self {
        Idx::Slice { start, stop, step }
    }
}

impl From<isize> for Idx {
    fn from(i: isize) -> Self {
        Idx::Index(i)
    }
}

impl From<Range<isize>> for Idx {
    fn from(r: Range<isize>) -> Self {
        Idx::range(r.start, r.end)
    }
}

impl From<RangeFrom<isize>> for Idx {
    fn from(r: RangeFrom<isize>) -> Self {
        Idx::step(Some(r.start), None, 1)
    }
}

impl From<RangeTo<isize>> for Idx {
    fn from(r: RangeTo<isize>) -> Self {
        Idx::step(None, Some(r.end), 1)
    }
}

impl From<RangeFull> for Idx {
    fn from(_: RangeFull) -> Self {
        Idx::all()
    }
}

/// Normalises `start:stop:step` against an axis of length `n` (CPython's `PySlice_AdjustIndices`).
pub(crate) fn normalize_slice(
    function: &'static str,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    n: usize,
) -> Result<AxisSlice> {
    if step == 0 {
        return Err(Error::invalid(function, "index", "step 0", "slice step cannot be zero"));
    }
    let n = n as i128;
    let clamp = |v: Option<isize>, default: i128, lo: i128, hi: i128| -> i128 {
        match v {
            None => default,
            Some(v) => {
                let v = v as i128;
                let v = if v < 0 { v + n } else { v };
                v.clamp(lo, hi)
            }
        }
    };
    let st = step as i128;
    let (first, len) = if st > 0 {
        let a = clamp(start, 0, 0, n);
        let b = clamp(stop, n, 0, n);
        (a, if b > a { (b - a + st - 1) / st } else { 0 })
    } else {
        let a = clamp(start, n - 1, -1, n - 1);
        let b = clamp(stop, -1, -1, n - 1);
        (a, if a > b { (a - b - 1) / (-st) + 1 } else { 0 })
    };
    Ok(AxisSlice {
        start: if len == 0 { 0 } else { first as usize },
        len: len as usize,
        step,
    })
}

/// Normalises a single integer index against an axis of length `n`.
pub(crate) fn normalize_index(function: &'static str, index: isize, axis: usize, n: usize) -> Result<usize> {
    let i = index as i128;
    let m = n as i128;
    let j = if i < 0 { i + m } else { i };
    if j < 0 || j >= m {
        return Err(Error::IndexOutOfRange {
            function,
            index: index as i64,
            axis,
            size: n,
        });
    }
    Ok(j as usize)
}

/// A basic index resolved against a shape: one slice per input axis and the output shape.
pub(crate) struct ResolvedIndex {
    /// One slice per input axis.
    pub slices: Vec<AxisSlice>,
    /// Shape of the result (integer-indexed axes removed, new axes inserted).
    pub shape: Vec<usize>,
}

/// Resolves a basic index against `shape` with NumPy's rules.
pub(crate) fn resolve_index(function: &'static str, index: &[Idx], shape: &[usize]) -> Result<ResolvedIndex> {
    let ellipses = index.iter().filter(|i| matches!(i, Idx::Ellipsis)).count();
    if ellipses > 1 {
        return Err(Error::invalid(function, "index", index, "at most one Ellipsis"));
    }
    let consuming = index
        .iter()
        .filter(|i| matches!(i, Idx::Index(_) | Idx::Slice { .. }))
        .count();
    if consuming > shape.len() {
        return Err(Error::invalid(
            function,
            "index",
            index,
            format!("too many indices for an array of {} dimensions", shape.len()),
        ));
    }
    let mut slices = Vec::with_capacity(shape.len());
    let mut out = Vec::with_capacity(shape.len() + index.len());
    let mut axis = 0usize;
    let full = |axis: usize, slices: &mut Vec<AxisSlice>, out: &mut Vec<usize>| {
        slices.push(AxisSlice::full(shape[axis]));
        out.push(shape[axis]);
    };
    for entry in index {
        match *entry {
            Idx::Index(i) => {
                let j = normalize_index(function, i, axis, shape[axis])?;
                slices.push(AxisSlice {
                    start: j,
                    len: 1,
                    step: 1,
                });
                axis += 1;
            }
            Idx::Slice { start, stop, step } => {
                let s = normalize_slice(function, start, stop, step, shape[axis])?;
                out.push(s.len);
                slices.push(s);
                axis += 1;
            }
            Idx::NewAxis => out.push(1),
            Idx::Ellipsis => {
                for _ in 0..shape.len() - consuming {
                    full(axis, &mut slices, &mut out);
                    axis += 1;
                }
            }
        }
    }
    while axis < shape.len() {
        full(axis, &mut slices, &mut out);
        axis += 1;
    }
    Ok(ResolvedIndex { slices, shape: out })
}

/// Replaces the function name of an index error raised by a core operation.
pub(crate) fn rename_index_error(function: &'static str) -> impl Fn(Error) -> Error {
    move |e| match e {
        Error::IndexOutOfRange { index, axis, size, .. } => Error::IndexOutOfRange {
            function,
            index,
            axis,
            size,
        },
        other => other,
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Basic indexing with NumPy's semantics: integers remove an axis, slices keep it, `NewAxis`
    /// inserts one, `Ellipsis` stands for the remaining axes; trailing axes not mentioned are
    /// taken whole. Slice bounds are clamped to the axis; integer indices must be in range.
    ///
    /// ```
    /// use xp_core::{Array, array::indexing::Idx};
    /// let a = Array::<i64>::from_vec((0..24).collect(), &[2, 3, 4])?;
    /// // a[..., 1] and a[0, None, -2:]
    /// assert_eq!(a.slice(&[Idx::Ellipsis, Idx::from(1)])?.shape(), &[2, 3]);
    /// let b = a.slice(&[Idx::from(0), Idx::NewAxis, Idx::from(-2..)])?;
    /// assert_eq!(b.shape(), &[1, 2, 4]);
    /// assert_eq!(b.to_vec()?, vec![4, 5, 6, 7, 8, 9, 10, 11]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`] for an integer outside its axis; [`Error::InvalidParameter`]
    /// for a zero step, two ellipses or more indices than axes.
    pub fn slice(&self, index: &[Idx]) -> Result<Self> {
        let r = resolve_index("xp.slice", index, self.shape())?;
        let trivial = r
            .slices
            .iter()
            .zip(self.shape())
            .all(|(s, &n)| *s == AxisSlice::full(n) || (n == 0 && s.len == 0));
        let x = if trivial {
            self.clone()
        } else {
            Array::from_storage(B::slice(&self.storage, &r.slices)?)
        };
        x.reshaped(&r.shape)
    }

    /// Elements at integer `indices` along `axis` (`None`: of the flattened array); negative
    /// indices count from the end. The result has `x.shape[..axis] + indices.shape + x.shape[axis+1..]`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// let i = Array::<i64>::from_vec(vec![2, 0, -1], &[3])?;
    /// assert_eq!(a.take(&i, Some(1))?.to_vec()?, vec![2, 0, 2, 5, 3, 5]);
    /// assert_eq!(a.take(&i, None)?.to_vec()?, vec![2, 0, 5]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::IndexOutOfRange`]; [`Error::AxisOutOfRange`]; [`Error::DeviceMismatch`].
    pub fn take(&self, indices: &Array<i64, B>, axis: Option<isize>) -> Result<Self> {
        const F: &str = "xp.take";
        check_device(F, self, indices)?;
        let (x, a) = match axis {
            None => (self.flatten()?, 0),
            Some(ax) => (self.clone(), shape::normalize_axis(F, ax, self.ndim())?),
        };
        let mut out = x.shape()[..a].to_vec();
        out.extend_from_slice(indices.shape());
        out.extend_from_slice(&x.shape()[a + 1..]);
        shape::checked_size(F, &out)?;
        B::take(&x.storage, &indices.storage, a)
            .map(Array::from_storage)
            .map_err(rename_index_error(F))
    }

    /// Picks, for every position, the element at `indices` along `axis` (NumPy's
    /// `take_along_axis`): `indices` has the rank of `x` and broadcasts against it on the other
    /// axes; the result has the broadcast shape with `indices.shape[axis]` on `axis`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![3.0, 1.0, 2.0, 9.0, 7.0, 8.0], &[2, 3])?;
    /// let i = Array::<i64>::from_vec(vec![1, 2], &[2, 1])?;
    /// assert_eq!(a.take_along_axis(&i, 1)?.to_vec()?, vec![1.0, 8.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if the ranks differ; [`Error::Broadcast`] if the other axes do not
    /// broadcast; [`Error::IndexOutOfRange`]; [`Error::AxisOutOfRange`]; [`Error::DeviceMismatch`].
    pub fn take_along_axis(&self, indices: &Array<i64, B>, axis: isize) -> Result<Self> {
        take_along_axis_named("xp.take_along_axis", self, indices, axis)
    }

    /// Boolean-mask indexing, NumPy's `x[mask]`: `mask` covers the leading axes of `x`
    /// (`mask.shape == x.shape[..mask.ndim]`); the result is `(count, x.shape[mask.ndim..]...)`,
    /// the selected sub-arrays in row-major order of the mask.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[3, 2])?;
    /// let m = Array::<bool>::from_vec(vec![true, false, true], &[3])?;
    /// let rows = a.mask(&m)?;
    /// assert_eq!(rows.shape(), &[2, 2]);
    /// assert_eq!(rows.to_vec()?, vec![0, 1, 4, 5]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if the mask does not match the leading axes; [`Error::DeviceMismatch`].
    pub fn mask(&self, mask: &Array<bool, B>) -> Result<Self> {
        const F: &str = "xp.mask";
        check_device(F, self, mask)?;
        let k = mask.ndim();
        if k > self.ndim() || mask.shape() != &self.shape()[..k] {
            return Err(Error::shape(
                F,
                "mask",
                format!("the leading axes of x, {:?}", &self.shape()[..k.min(self.ndim())]),
                mask.shape(),
            ));
        }
        let rest = self.shape()[k..].to_vec();
        let rest_size = shape::size_of(&rest);
        if k == self.ndim() {
            return Ok(Array::from_storage(B::mask_select(&self.storage, &mask.storage)?));
        }
        if rest_size == 0 {
            // No elements to select, but the count still comes from the mask.
            let coords = B::nonzero(&mask.storage)?;
            let count = B::shape(&coords).first().copied().unwrap_or(0);
            let mut out = vec![count];
            out.extend_from_slice(&rest);
            return Ok(Array::from_storage(B::full(&out, T::default(), &self.device())?));
        }
        let mut expanded = mask.shape().to_vec();
        expanded.extend(std::iter::repeat_n(1, rest.len()));
        let m = B::broadcast_to(&B::reshape(&mask.storage, &expanded)?, self.shape())?;
        let flat = Array::<T, B>::from_storage(B::mask_select(&self.storage, &m)?);
        let mut out = vec![flat.size() / rest_size];
        out.extend_from_slice(&rest);
        flat.reshaped(&out)
    }
}

/// `take_along_axis` with validation, reporting errors under `function` (shared with `gather`).
pub(crate) fn take_along_axis_named<T: Element, B: Backend>(
    function: &'static str,
    x: &Array<T, B>,
    indices: &Array<i64, B>,
    axis: isize,
) -> Result<Array<T, B>> {
    check_device(function, x, indices)?;
    let a = shape::normalize_axis(function, axis, x.ndim())?;
    if indices.ndim() != x.ndim() {
        return Err(Error::shape(
            function,
            "indices",
            format!("{} dimensions like x", x.ndim()),
            indices.shape(),
        ));
    }
    let mut out = Vec::with_capacity(x.ndim());
    for (i, (&n, &m)) in x.shape().iter().zip(indices.shape()).enumerate() {
        if i == a {
            out.push(m);
        } else if n == m || m == 1 || n == 1 {
            out.push(if n == 1 { m } else { n });
        } else {
            return Err(Error::Broadcast {
                function,
                lhs: x.shape().to_vec(),
                rhs: indices.shape().to_vec(),
            });
        }
    }
    shape::checked_size(function, &out)?;
    B::take_along_axis(&x.storage, &indices.storage, a)
        .map(Array::from_storage)
        .map_err(rename_index_error(function))
}
