//! Shape arithmetic shared by the namespace and every backend: broadcasting, axis normalisation,
//! checked element counts, row-major strides.

use crate::error::{Error, Result};

/// Number of elements of `shape`, or an error naming `function` if it overflows `usize`.
pub fn checked_size(function: &'static str, shape: &[usize]) -> Result<usize> {
    shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| Error::SizeOverflow {
            function,
            shape: shape.to_vec(),
        })
}

/// Number of elements of a shape that is already known to be valid (saturating).
pub fn size_of(shape: &[usize]) -> usize {
    shape.iter().fold(1usize, |acc, &d| acc.saturating_mul(d))
}

/// Row-major (C order) strides in elements.
pub fn c_strides(shape: &[usize]) -> Vec<usize> {
    let mut strides = vec![0; shape.len()];
    let mut acc = 1usize;
    for (s, &d) in strides.iter_mut().zip(shape).rev() {
        *s = acc;
        acc = acc.saturating_mul(d);
    }
    strides
}

/// The broadcast shape of two shapes under the array API standard's rules.
pub fn broadcast_pair(function: &'static str, a: &[usize], b: &[usize]) -> Result<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let da = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
        let db = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
        out[i] = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return Err(Error::Broadcast {
                function,
                lhs: a.to_vec(),
                rhs: b.to_vec(),
            });
        };
    }
    Ok(out)
}

/// The broadcast shape of any number of shapes.
pub fn broadcast_shapes(function: &'static str, shapes: &[&[usize]]) -> Result<Vec<usize>> {
    let mut out: Vec<usize> = Vec::new();
    for s in shapes {
        out = broadcast_pair(function, &out, s)?;
    }
    Ok(out)
}

/// Whether `from` can be broadcast to `to` (trailing alignment, size-1 dimensions stretch).
pub fn can_broadcast_to(from: &[usize], to: &[usize]) -> bool {
    from.len() <= to.len() && from.iter().rev().zip(to.iter().rev()).all(|(&f, &t)| f == t || f == 1)
}

/// Normalises a possibly negative axis against `ndim`.
pub fn normalize_axis(function: &'static str, axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(Error::AxisOutOfRange { function, axis, ndim });
    }
    Ok(if axis < 0 { (axis + n) as usize } else { axis as usize })
}

/// Normalises a list of axes, rejecting repeats; the result keeps the given order.
pub fn normalize_axes(function: &'static str, axes: &[isize], ndim: usize) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let a = normalize_axis(function, a, ndim)?;
        if out.contains(&a) {
            return Err(Error::DuplicateAxis { function, axis: a });
        }
        out.push(a);
    }
    Ok(out)
}

/// A normalised slice of one axis: `len` elements starting at `start`, `step` apart
/// (`step` may be negative; it is never zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AxisSlice {
    /// First index taken.
    pub start: usize,
    /// Number of indices taken.
    pub len: usize,
    /// Distance between taken indices.
    pub step: isize,
}

impl AxisSlice {
    /// The whole axis of size `n`.
    pub fn full(n: usize) -> Self {
        AxisSlice {
            start: 0,
            len: n,
            step: 1,
        }
    }

    /// The `k`-th index taken.
    pub fn index(&self, k: usize) -> usize {
        (self.start as isize + k as isize * self.step) as usize
    }
}

/// Which axes a reduction covers.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Axes {
    /// Every axis (SciPy's `axis=None`).
    #[default]
    All,
    /// The listed axes; negative values count from the end.
    Some(Vec<isize>),
}

/// Shorthand for [`Axes::All`]: `a.sum(ALL, false)`.
pub const ALL: Axes = Axes::All;

impl Axes {
    /// Normalised, sorted axes for an array of `ndim` dimensions.
    pub fn resolve(&self, function: &'static str, ndim: usize) -> Result<Vec<usize>> {
        match self {
            Axes::All => Ok((0..ndim).collect()),
            Axes::Some(v) => {
                let mut a = normalize_axes(function, v, ndim)?;
                a.sort_unstable();
                Ok(a)
            }
        }
    }
}

impl From<isize> for Axes {
    fn from(a: isize) -> Self {
        Axes::Some(vec![a])
    }
}
impl From<Vec<isize>> for Axes {
    fn from(a: Vec<isize>) -> Self {
        Axes::Some(a)
    }
}
impl From<&[isize]> for Axes {
    fn from(a: &[isize]) -> Self {
        Axes::Some(a.to_vec())
    }
}
impl<const N: usize> From<[isize; N]> for Axes {
    fn from(a: [isize; N]) -> Self {
        Axes::Some(a.to_vec())
    }
}
impl From<Option<isize>> for Axes {
    fn from(a: Option<isize>) -> Self {
        a.map_or(Axes::All, |a| Axes::Some(vec![a]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcasting_follows_the_standard() {
        assert_eq!(broadcast_pair("t", &[3, 1], &[4]).ok(), Some(vec![3, 4]));
        assert_eq!(broadcast_pair("t", &[], &[2, 0]).ok(), Some(vec![2, 0]));
        assert_eq!(broadcast_pair("t", &[1, 0], &[3, 1]).ok(), Some(vec![3, 0]));
        assert!(broadcast_pair("t", &[3], &[4]).is_err());
        assert!(can_broadcast_to(&[1, 3], &[2, 2, 3]));
        assert!(!can_broadcast_to(&[2, 3], &[3]));
    }

    #[test]
    fn axes_normalise_and_reject_repeats() {
        assert_eq!(normalize_axis("t", -1, 3).ok(), Some(2));
        assert!(normalize_axis("t", 3, 3).is_err());
        assert!(normalize_axis("t", 0, 0).is_err());
        assert!(normalize_axes("t", &[0, -3], 3).is_err());
        assert!(checked_size("t", &[usize::MAX, 2]).is_err());
        assert_eq!(checked_size("t", &[usize::MAX, 0]).ok(), Some(0));
    }
}
