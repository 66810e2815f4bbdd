//! `pad` with all of NumPy's modes.
//!
//! Axes are padded one after another (as NumPy does), so corners see the already padded axes.
//! Modes that only move data (`Edge`, `Reflect`, `Symmetric`, `Wrap`) are one `take` per axis with
//! an index vector; the others build the padded parts with `full`, kernels and reductions and join
//! them with `concat`. The index vectors and coefficient vectors depend only on the shape and the
//! pad widths, never on the data: they are built on the host and uploaded (an explicit upload of
//! index metadata; the data itself is never read on the host).

use std::marker::PhantomData;

use super::pad_kernels::{AddAny, Extreme, FromF64, MeanOf, MulInt, Ramp, is_complex};
use crate::array::Array;
use crate::array::manipulation::filled;
use crate::backend::Backend;
use crate::element::{DType, Element};
use crate::error::{Error, Result};
use crate::kernels::binary::{Add, Multiply, Where, WithRight};
use crate::kernels::unary::{Cast, IsNan};
use crate::shape;

const F: &str = "xp.pad";

/// How [`PadMode::Reflect`] and [`PadMode::Symmetric`] extend the values (NumPy's `reflect_type`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReflectType {
    /// Mirror the values (NumPy's default, `"even"`).
    #[default]
    Even,
    /// Mirror the values about the edge value: `2 * edge - mirrored` (`"odd"`).
    Odd,
}

/// A padding mode of [`Array::pad`], one per mode of NumPy's `np.pad`.
///
/// The statistic modes take NumPy's `stat_length`: how many values at each edge the statistic
/// covers (`None`: the whole axis; lengths beyond the axis are clamped). Statistics of integer
/// arrays are rounded half to even, as in NumPy.
#[derive(Clone, Debug, PartialEq)]
pub enum PadMode<T> {
    /// A constant value (NumPy's default mode, `constant_values`).
    Constant(T),
    /// A `(before, after)` constant per axis; one pair applies to every axis.
    ConstantPerAxis(Vec<(T, T)>),
    /// The edge value repeated.
    Edge,
    /// A linear ramp from the edge value to `end_values` at the outer border.
    LinearRamp(T),
    /// [`PadMode::LinearRamp`] with a `(before, after)` end value per axis (one pair: every axis).
    LinearRampPerAxis(Vec<(T, T)>),
    /// The maximum of the `stat_length` values at each edge (NaN propagates).
    Maximum(Option<usize>),
    /// The mean of the `stat_length` values at each edge.
    Mean(Option<usize>),
    /// The median of the `stat_length` values at each edge (real types; NaN propagates).
    Median(Option<usize>),
    /// The minimum of the `stat_length` values at each edge (NaN propagates).
    Minimum(Option<usize>),
    /// A statistic with a `(before, after)` `stat_length` per axis (one pair: every axis), as
    /// NumPy's `stat_length=((1, 2), (3, 4))`.
    StatisticPerAxis(Statistic, Vec<(Option<usize>, Option<usize>)>),
    /// Mirror without repeating the edge: `[1, 2, 3]` → `3, 2 | 1, 2, 3 | 2, 1`.
    Reflect(ReflectType),
    /// Mirror repeating the edge: `[1, 2, 3]` → `2, 1 | 1, 2, 3 | 3, 2`.
    Symmetric(ReflectType),
    /// Wrap around: `[1, 2, 3]` → `2, 3 | 1, 2, 3 | 1, 2`.
    Wrap,
    /// Unspecified values (xp fills zeros: `T::default()`).
    Empty,
}

impl<T: Element> PadMode<T> {
    /// Whether the mode computes new values (needs arithmetic on `T`).
    fn is_arithmetic(&self) -> bool {
        matches!(
            self,
            PadMode::LinearRamp(_)
                | PadMode::LinearRampPerAxis(_)
                | PadMode::Mean(_)
                | PadMode::Median(_)
                | PadMode::StatisticPerAxis(Statistic::Mean | Statistic::Median, _)
                | PadMode::Reflect(ReflectType::Odd)
                | PadMode::Symmetric(ReflectType::Odd)
        )
    }
}

/// The statistic of [`PadMode::StatisticPerAxis`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statistic {
    /// NumPy's `"maximum"`.
    Maximum,
    /// NumPy's `"mean"`.
    Mean,
    /// NumPy's `"median"`.
    Median,
    /// NumPy's `"minimum"`.
    Minimum,
}

/// Broadcasts a per-axis list of length 1 or `ndim` to `ndim` entries.
fn per_axis<V: Copy + std::fmt::Debug>(parameter: &'static str, v: &[V], ndim: usize) -> Result<Vec<V>> {
    match v {
        [one] => Ok(vec![*one; ndim]),
        _ if v.len() == ndim => Ok(v.to_vec()),
        _ => Err(Error::invalid(
            F,
            parameter,
            v,
            format!("needs 1 or {ndim} (before, after) pairs"),
        )),
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Pads the array with `pad_width[i] = (before, after)` values on axis `i` (one pair applies
    /// to every axis), in one of NumPy's modes. Reflections, symmetric extensions and wrapping
    /// longer than the axis repeat as NumPy's do.
    ///
    /// ```
    /// use xp_core::{Array, array::updates::{PadMode, ReflectType}};
    /// let x = Array::<i64>::from_vec(vec![1, 2, 3], &[3])?;
    /// let r = x.pad(&[(2, 3)], PadMode::Reflect(ReflectType::Even))?;
    /// assert_eq!(r.to_vec()?, vec![3, 2, 1, 2, 3, 2, 1, 2]);
    /// let c = x.pad(&[(1, 1)], PadMode::Constant(0))?;
    /// assert_eq!(c.to_vec()?, vec![0, 1, 2, 3, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `pad_width` (or a per-axis value list) does not have 1 or
    /// `ndim` entries, if a non-constant mode would extend an empty axis, or for `stat_length`
    /// 0; [`Error::Unsupported`] for arithmetic modes (linear ramp, mean, median, odd
    /// reflections) on `bool` and for the median of complex numbers; [`Error::SizeOverflow`].
    pub fn pad(&self, pad_width: &[(usize, usize)], mode: PadMode<T>) -> Result<Self> {
        let nd = self.ndim();
        let widths = per_axis("pad_width", pad_width, nd)?;
        let mut out_shape = Vec::with_capacity(nd);
        for (&n, &(l, r)) in self.shape().iter().zip(&widths) {
            let m = n.checked_add(l).and_then(|m| m.checked_add(r));
            out_shape.push(m.ok_or_else(|| Error::SizeOverflow {
                function: F,
                shape: self.shape().to_vec(),
            })?);
        }
        shape::checked_size(F, &out_shape)?;
        let unsupported = |reason: &str| Error::Unsupported {
            function: F,
            backend: B::NAME,
            dtype: Some(T::DTYPE),
            reason: reason.into(),
        };
        if T::DTYPE == DType::Bool && mode.is_arithmetic() {
            return Err(unsupported("this mode computes new values, which needs a numeric type"));
        }
        if matches!(
            mode,
            PadMode::Median(_) | PadMode::StatisticPerAxis(Statistic::Median, _)
        ) && is_complex::<T>()
        {
            return Err(unsupported("the median needs a real type"));
        }
        let moves_data = !matches!(
            mode,
            PadMode::Constant(_) | PadMode::ConstantPerAxis(_) | PadMode::Empty
        );
        for (a, (&n, &(l, r))) in self.shape().iter().zip(&widths).enumerate() {
            if moves_data && n == 0 && l + r > 0 {
                return Err(Error::invalid(
                    F,
                    "pad_width",
                    pad_width,
                    format!("cannot extend the empty axis {a} with a mode other than constant or empty"),
                ));
            }
        }
        let stat_lengths = match &mode {
            PadMode::Maximum(n) | PadMode::Minimum(n) | PadMode::Mean(n) | PadMode::Median(n) => vec![(*n, *n); nd],
            PadMode::StatisticPerAxis(_, v) => per_axis("stat_length", v, nd)?,
            _ => Vec::new(),
        };
        if stat_lengths.iter().any(|&(a, b)| a == Some(0) || b == Some(0)) {
            return Err(Error::invalid(
                F,
                "stat_length",
                0,
                "a statistic of no values is undefined",
            ));
        }
        let pairs = match &mode {
            PadMode::Constant(v) | PadMode::LinearRamp(v) => vec![(*v, *v); nd],
            PadMode::ConstantPerAxis(v) => per_axis("constant_values", v, nd)?,
            PadMode::LinearRampPerAxis(v) => per_axis("end_values", v, nd)?,
            _ => vec![(T::default(), T::default()); nd],
        };
        let mut cur = self.clone();
        for (a, (&(l, r), &(vl, vr))) in widths.iter().zip(&pairs).enumerate() {
            if l == 0 && r == 0 {
                continue;
            }
            let n = cur.shape()[a];
            cur = match mode {
                PadMode::Constant(_) | PadMode::ConstantPerAxis(_) | PadMode::Empty => cur.pad_with_parts(
                    a,
                    l,
                    r,
                    |shape| filled(shape, vl, &self.device()),
                    |shape| filled(shape, vr, &self.device()),
                )?,
                PadMode::Edge => cur.take_axis_positions(a, l, r, |_| 0, |_| n - 1)?,
                PadMode::Wrap => {
                    let wrap = |p: i128| p.rem_euclid(n as i128) as usize;
                    cur.take_axis_positions(a, l, r, |p| wrap(-(p as i128) - 1), |p| wrap((n + p) as i128))?
                }
                PadMode::Reflect(_) | PadMode::Symmetric(_) if n == 1 => {
                    cur.take_axis_positions(a, l, r, |_| 0, |_| 0)?
                }
                PadMode::Reflect(kind) | PadMode::Symmetric(kind) => {
                    let symmetric = matches!(mode, PadMode::Symmetric(_));
                    cur.pad_reflect(a, l, r, symmetric, kind)?
                }
                PadMode::LinearRamp(_) | PadMode::LinearRampPerAxis(_) => cur.pad_ramp(a, l, r, vl, vr)?,
                PadMode::Maximum(_) => cur.pad_stat(a, l, r, stat_lengths[a], Statistic::Maximum)?,
                PadMode::Minimum(_) => cur.pad_stat(a, l, r, stat_lengths[a], Statistic::Minimum)?,
                PadMode::Mean(_) => cur.pad_stat(a, l, r, stat_lengths[a], Statistic::Mean)?,
                PadMode::Median(_) => cur.pad_stat(a, l, r, stat_lengths[a], Statistic::Median)?,
                PadMode::StatisticPerAxis(stat, _) => cur.pad_stat(a, l, r, stat_lengths[a], stat)?,
            };
        }
        Ok(cur)
    }

    /// Shape of `self` with `len` on `axis`.
    fn shape_with(&self, axis: usize, len: usize) -> Vec<usize> {
        let mut s = self.shape().to_vec();
        s[axis] = len;
        s
    }

    /// A 1-D host vector as an array laid along `axis` (size 1 on the other axes of `self`).
    fn along_axis<U: Element>(&self, axis: usize, v: Vec<U>) -> Result<Array<U, B>> {
        let mut s = vec![1; self.ndim()];
        s[axis] = v.len();
        Array::from_vec_on(v, &s, &self.device())
    }

    /// `concat([left(l), self, right(r)])` along `axis`, skipping empty parts.
    fn pad_with_parts(
        &self,
        axis: usize,
        l: usize,
        r: usize,
        left: impl FnOnce(&[usize]) -> Result<Self>,
        right: impl FnOnce(&[usize]) -> Result<Self>,
    ) -> Result<Self> {
        let mut parts = Vec::with_capacity(3);
        if l > 0 {
            parts.push(left(&self.shape_with(axis, l))?);
        }
        parts.push(self.clone());
        if r > 0 {
            parts.push(right(&self.shape_with(axis, r))?);
        }
        let refs: Vec<_> = parts.iter().map(|p| &p.storage).collect();
        Ok(Array::from_storage(B::concat(&refs, axis)?))
    }

    /// Gathers along `axis` with an index vector: `left(j)` for the `j`-th position left of the
    /// array (`j = 0` adjacent), the array itself, then `right(j)` for the `j`-th position right of it.
    fn take_axis_positions(
        &self,
        axis: usize,
        l: usize,
        r: usize,
        left: impl Fn(usize) -> usize,
        right: impl Fn(usize) -> usize,
    ) -> Result<Self> {
        let n = self.shape()[axis];
        let idx: Vec<i64> = (0..l)
            .rev()
            .map(&left)
            .chain(0..n)
            .chain((0..r).map(&right))
            .map(|i| i as i64)
            .collect();
        let len = idx.len();
        let idx = Array::<i64, B>::from_vec_on(idx, &[len], &self.device())?;
        Ok(Array::from_storage(B::take(&self.storage, &idx.storage, axis)?))
    }

    /// Reflect (`symmetric = false`) or symmetric extension of an axis of length `n >= 2`
    /// (`n >= 1` for symmetric), repeated as far as needed.
    fn pad_reflect(&self, axis: usize, l: usize, r: usize, symmetric: bool, kind: ReflectType) -> Result<Self> {
        let n = self.shape()[axis] as i128;
        let period = if symmetric { 2 * n } else { 2 * (n - 1) };
        // Position p (0-based in the original axis, may be outside it): the mirrored source
        // index, whether it is mirrored an odd number of times, and the number of whole periods.
        let source = |p: i128| -> (usize, bool, i128) {
            let k = p.div_euclid(period);
            let q = p.rem_euclid(period);
            if q < n {
                (q as usize, false, k)
            } else if symmetric {
                ((2 * n - 1 - q) as usize, true, k)
            } else {
                ((period - q) as usize, true, k)
            }
        };
        let left_p = |j: usize| -(j as i128) - 1;
        let right_p = |j: usize| n + j as i128;
        if kind == ReflectType::Even {
            return self.take_axis_positions(axis, l, r, |j| source(left_p(j)).0, |j| source(right_p(j)).0);
        }
        // Odd: value = s * x[m] + cl * x[n-1] + cf * x[0], from repeated point reflections:
        // 2 * x[n-1] - x[m] on mirrored positions, plus 2k (x[n-1] - x[0]) per whole period.
        let first = self.axis_range(axis, 0, 1)?;
        let last = self.axis_range(axis, self.shape()[axis] - 1, self.shape()[axis])?;
        let part = |positions: Vec<i128>| -> Result<Self> {
            let mut idx = Vec::with_capacity(positions.len());
            let (mut cs, mut cl, mut cf) = (Vec::new(), Vec::new(), Vec::new());
            for p in positions {
                let (m, mirrored, k) = source(p);
                idx.push(m as i64);
                let two_k = (2 * k) as i64;
                let (mut s, mut l, mut f) = (
                    if mirrored { -1 } else { 1 },
                    two_k + if mirrored { 2 } else { 0 },
                    -two_k,
                );
                // Merge terms on the same element, so an infinite edge gives NumPy's infinity
                // (2 * x[0] - x[1]) rather than inf - inf.
                if m + 1 == n as usize {
                    (l, s) = (l + s, 0);
                } else if m == 0 {
                    (f, s) = (f + s, 0);
                }
                cs.push(s);
                cl.push(l);
                cf.push(f);
            }
            let len = idx.len();
            let idx = Array::<i64, B>::from_vec_on(idx, &[len], &self.device())?;
            let g = Array::<T, B>::from_storage(B::take(&self.storage, &idx.storage, axis)?);
            let g = g.map2(&self.along_axis(axis, cs)?, MulInt::<T>::new())?;
            let tl = last.map2(&self.along_axis(axis, cl)?, MulInt::<T>::new())?;
            let tf = first.map2(&self.along_axis(axis, cf)?, MulInt::<T>::new())?;
            g.map2(&tl, AddAny::<T>::new())?.map2(&tf, AddAny::<T>::new())
        };
        let left: Vec<i128> = (0..l).rev().map(left_p).collect();
        let right: Vec<i128> = (0..r).map(right_p).collect();
        self.pad_with_parts(axis, l, r, |_| part(left), |_| part(right))
    }

    /// NumPy's `linear_ramp` along `axis`.
    fn pad_ramp(&self, axis: usize, l: usize, r: usize, end_l: T, end_r: T) -> Result<Self> {
        let n = self.shape()[axis];
        let device = self.device();
        let ramp = |edge: Self, width: usize, start: f64, step: f64, end: T| -> Result<Self> {
            let i = Array::<f64, B>::from_storage(B::arange::<f64>(start, step, width, &device)?);
            let i = i.reshaped(&{
                let mut s = vec![1; self.ndim()];
                s[axis] = width;
                s
            })?;
            edge.map2(
                &i,
                Ramp {
                    end,
                    width: width as f64,
                },
            )
        };
        self.pad_with_parts(
            axis,
            l,
            r,
            |_| ramp(self.axis_range(axis, 0, 1)?, l, 0.0, 1.0, end_l),
            |_| ramp(self.axis_range(axis, n - 1, n)?, r, r as f64 - 1.0, -1.0, end_r),
        )
    }

    /// A statistic of the `stat_length` values at each end of `axis` (`(before, after)`; `None`
    /// is the whole axis), repeated into the pads.
    fn pad_stat(
        &self,
        axis: usize,
        l: usize,
        r: usize,
        (len_l, len_r): (Option<usize>, Option<usize>),
        stat: Statistic,
    ) -> Result<Self> {
        let n = self.shape()[axis];
        let (len_l, len_r) = (len_l.unwrap_or(n).min(n), len_r.unwrap_or(n).min(n));
        let left_stat = self.axis_stat(axis, 0, len_l, stat)?;
        let right_stat = if len_l == n && len_r == n {
            left_stat.clone()
        } else {
            self.axis_stat(axis, n - len_r, n, stat)?
        };
        self.pad_with_parts(
            axis,
            l,
            r,
            |shape| left_stat.broadcast_to(shape),
            |shape| right_stat.broadcast_to(shape),
        )
    }

    /// The statistic of elements `start..stop` along `axis`, keeping the axis (size 1).
    fn axis_stat(&self, axis: usize, start: usize, stop: usize, stat: Statistic) -> Result<Self> {
        let chunk = self.axis_range(axis, start, stop)?;
        let keep = self.shape_with(axis, 1);
        let reduced = match stat {
            Statistic::Maximum | Statistic::Minimum => Array::<T, B>::from_storage(B::reduce(
                &chunk.storage,
                &[axis],
                Extreme::<T> {
                    max: matches!(stat, Statistic::Maximum),
                    _t: PhantomData,
                },
            )?),
            Statistic::Mean => Array::from_storage(B::reduce(&chunk.storage, &[axis], MeanOf::<T>::new())?),
            Statistic::Median => {
                // In f64, like NumPy's median (exact for every integer up to 2^53).
                let x = chunk.map1(Cast::<T, f64>::new())?;
                let sorted = Array::<f64, B>::from_storage(B::sort(&x.storage, axis, false)?);
                let m = stop - start;
                let hi = sorted.axis_range(axis, m / 2, m / 2 + 1)?;
                let med = if m % 2 == 1 {
                    hi
                } else {
                    let lo = sorted.axis_range(axis, m / 2 - 1, m / 2)?;
                    lo.map2(&hi, Add::<f64>::new())?.map1(WithRight {
                        kernel: Multiply::<f64>::new(),
                        scalar: 0.5,
                    })?
                };
                // NaN sorts last; any NaN makes the median NaN.
                let last = sorted.axis_range(axis, m - 1, m)?;
                let nan = last.map1(IsNan::<f64>::new())?;
                let med = nan.map3(&last, &med, Where::<f64>::new())?;
                med.map1(FromF64::<T>::new())?
            }
        };
        reduced.reshaped(&keep)
    }
}
