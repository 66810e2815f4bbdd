//! Row-major index arithmetic for the Strict backend: strides, multi-index iteration, offsets,
//! gathers through per-axis offset tables, and checked allocation.
//!
//! Every Strict operation is a loop over output multi-indices (in row-major order) that maps each
//! one to input offsets. The helpers here are the only place that arithmetic lives; all of it is
//! checked, so a broken invariant surfaces as an error instead of a panic or a wrong read.

use crate::backend::BackendTypes;
use crate::error::{Error, Result};
use crate::shape::checked_size;

use super::Strict;

/// An error for a broken internal invariant (never expected; reported instead of panicking).
pub(super) fn internal(function: &'static str, message: impl Into<String>) -> Error {
    Error::Backend {
        function,
        backend: Strict::NAME,
        message: format!("internal error: {}", message.into()),
    }
}

/// An axis as `isize` for [`Error::AxisOutOfRange`].
pub(super) fn axis_isize(axis: usize) -> isize {
    isize::try_from(axis).unwrap_or(isize::MAX)
}

/// Fails with [`Error::AxisOutOfRange`] unless `axis < ndim`.
pub(super) fn check_axis(function: &'static str, axis: usize, ndim: usize) -> Result<()> {
    if axis < ndim {
        Ok(())
    } else {
        Err(Error::AxisOutOfRange {
            function,
            axis: axis_isize(axis),
            ndim,
        })
    }
}

/// An empty vector with room for the `shape`'s elements, or an error when the element count or
/// byte count overflows, or the allocation fails.
pub(super) fn alloc<T>(function: &'static str, shape: &[usize]) -> Result<Vec<T>> {
    let n = checked_size(function, shape)?;
    let fits = n
        .checked_mul(std::mem::size_of::<T>())
        .is_some_and(|bytes| isize::try_from(bytes).is_ok());
    if !fits {
        return Err(Error::SizeOverflow {
            function,
            shape: shape.to_vec(),
        });
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|e| Error::Backend {
        function,
        backend: Strict::NAME,
        message: format!("could not allocate {n} elements for shape {shape:?}: {e}"),
    })?;
    Ok(v)
}

/// [`alloc`] filled with `value` (for outputs written out of order).
pub(super) fn alloc_filled<T: Copy>(function: &'static str, shape: &[usize], value: T) -> Result<Vec<T>> {
    let mut v = alloc(function, shape)?;
    v.resize(checked_size(function, shape)?, value);
    Ok(v)
}

/// Row-major strides of `shape` in elements (saturating: they are exact whenever the shape has
/// elements, and never used otherwise).
pub(super) fn strides(shape: &[usize]) -> Vec<usize> {
    crate::shape::c_strides(shape)
}

/// Calls `f` with every multi-index of `shape` in row-major order (once with `[]` for a 0-d
/// shape, never for a shape with a zero-length axis). Stops at the first error.
pub(super) fn for_each_index(shape: &[usize], mut f: impl FnMut(&[usize]) -> Result<()>) -> Result<()> {
    if shape.contains(&0) {
        return Ok(());
    }
    let mut index = vec![0usize; shape.len()];
    loop {
        f(&index)?;
        // Odometer step: bump the last axis, carrying into earlier axes.
        let mut axis = shape.len();
        loop {
            if axis == 0 {
                return Ok(());
            }
            axis -= 1;
            let (Some(i), Some(&n)) = (index.get_mut(axis), shape.get(axis)) else {
                return Ok(());
            };
            *i += 1;
            if *i < n {
                break;
            }
            *i = 0;
        }
    }
}

/// `sum(index[d] * strides[d])`, checked.
pub(super) fn offset(function: &'static str, index: &[usize], strides: &[usize]) -> Result<usize> {
    index
        .iter()
        .zip(strides)
        .try_fold(0usize, |acc, (&i, &s)| {
            i.checked_mul(s).and_then(|p| acc.checked_add(p))
        })
        .ok_or_else(|| {
            internal(
                function,
                format!("offset of {index:?} with strides {strides:?} overflows"),
            )
        })
}

/// `data[offset]`, or an internal error.
pub(super) fn read<T: Copy>(function: &'static str, data: &[T], offset: usize) -> Result<T> {
    data.get(offset)
        .copied()
        .ok_or_else(|| internal(function, format!("offset {offset} outside a buffer of {}", data.len())))
}

/// `data[offset] = value`, or an internal error.
pub(super) fn write<T>(function: &'static str, data: &mut [T], offset: usize, value: T) -> Result<()> {
    let len = data.len();
    let slot = data
        .get_mut(offset)
        .ok_or_else(|| internal(function, format!("offset {offset} outside a buffer of {len}")))?;
    *slot = value;
    Ok(())
}

/// The flat offset `(o * len + j) * inner + i` of element `[o, j, i]` of an array viewed as
/// `(outer, len, inner)` (see [`split_at_axis`]), checked.
pub(super) fn line_offset(
    function: &'static str,
    o: usize,
    len: usize,
    j: usize,
    inner: usize,
    i: usize,
) -> Result<usize> {
    o.checked_mul(len)
        .and_then(|v| v.checked_add(j))
        .and_then(|v| v.checked_mul(inner))
        .and_then(|v| v.checked_add(i))
        .ok_or_else(|| internal(function, "line offset overflows"))
}

/// Splits `shape` around `axis` into `(outer, len, inner)`: the products of the axes before it,
/// its length, and the product of the axes after it. The caller checked `axis < shape.len()`
/// and that the shape has elements (so the products are exact).
pub(super) fn split_at_axis(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    let (before, rest) = shape.split_at(axis.min(shape.len()));
    let outer = crate::shape::size_of(before);
    let len = rest.first().copied().unwrap_or(1);
    let inner = crate::shape::size_of(rest.get(1..).unwrap_or(&[]));
    (outer, len, inner)
}

/// Strides that read an array of shape `from` as if broadcast to `to` (0 on stretched and added
/// axes), or [`Error::Broadcast`] when `from` does not broadcast to `to`.
pub(super) fn broadcast_strides(function: &'static str, from: &[usize], to: &[usize]) -> Result<Vec<usize>> {
    if !crate::shape::can_broadcast_to(from, to) {
        return Err(Error::Broadcast {
            function,
            lhs: from.to_vec(),
            rhs: to.to_vec(),
        });
    }
    let lead = to.len() - from.len();
    let own = strides(from);
    let mut out = vec![0usize; lead];
    out.extend(from.iter().zip(&own).map(|(&d, &s)| if d == 1 { 0 } else { s }));
    Ok(out)
}

/// Gathers `src` into a new row-major buffer of `shape` through per-axis offset tables: element
/// `[i0, i1, ..]` of the output is `src[table(0, i0) + table(1, i1) + ..]`.
///
/// Slicing, permuting and broadcasting are all such tables: `table(d, k)` is the input offset
/// contributed by index `k` on output axis `d` (`None` reports an overflow). The output size is
/// checked before any table is built, so huge shapes fail cleanly.
pub(super) fn gather<T: Copy>(
    function: &'static str,
    src: &[T],
    shape: &[usize],
    table: impl Fn(usize, usize) -> Option<usize>,
) -> Result<Vec<T>> {
    let mut out = alloc(function, shape)?;
    if shape.contains(&0) {
        return Ok(out);
    }
    let tables = shape
        .iter()
        .enumerate()
        .map(|(d, &n)| {
            (0..n)
                .map(|k| table(d, k).ok_or_else(|| internal(function, "gather offset overflows")))
                .collect::<Result<Vec<usize>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    for_each_index(shape, |index| {
        let off = index
            .iter()
            .zip(&tables)
            .try_fold(0usize, |acc, (&i, t)| t.get(i).and_then(|&o| acc.checked_add(o)))
            .ok_or_else(|| internal(function, "gather offset overflows"))?;
        out.push(read(function, src, off)?);
        Ok(())
    })?;
    Ok(out)
}

/// [`gather`] with one stride per output axis (0 on broadcast axes): `table(d, k) = k * strides[d]`.
pub(super) fn gather_strided<T: Copy>(
    function: &'static str,
    src: &[T],
    shape: &[usize],
    axis_strides: &[usize],
) -> Result<Vec<T>> {
    gather(function, src, shape, |d, k| {
        axis_strides.get(d).and_then(|&s| k.checked_mul(s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_each_index_is_row_major_and_handles_edges() {
        let mut seen = Vec::new();
        for_each_index(&[2, 3], |i| {
            seen.push(i.to_vec());
            Ok(())
        })
        .unwrap();
        let expected: Vec<Vec<usize>> = vec![vec![0, 0], vec![0, 1], vec![0, 2], vec![1, 0], vec![1, 1], vec![1, 2]];
        assert_eq!(seen, expected);

        let mut count = 0;
        for_each_index(&[], |i| {
            assert!(i.is_empty());
            count += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 1);

        let mut count = 0;
        for_each_index(&[usize::MAX, 0, 3], |_| {
            count += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn broadcast_strides_zero_stretched_axes() {
        assert_eq!(broadcast_strides("t", &[3, 1], &[2, 3, 4]).unwrap(), vec![0, 1, 0]);
        assert_eq!(broadcast_strides("t", &[2, 3], &[2, 3]).unwrap(), vec![3, 1]);
        assert_eq!(broadcast_strides("t", &[], &[2]).unwrap(), vec![0]);
        assert!(matches!(
            broadcast_strides("t", &[2], &[3]),
            Err(Error::Broadcast { .. })
        ));
    }

    #[test]
    fn alloc_rejects_overflowing_shapes() {
        assert!(matches!(
            alloc::<f64>("t", &[usize::MAX, 2]),
            Err(Error::SizeOverflow { .. })
        ));
        assert!(matches!(
            alloc::<f64>("t", &[usize::MAX / 4]),
            Err(Error::SizeOverflow { .. })
        ));
        assert!(alloc::<f64>("t", &[0, usize::MAX]).unwrap().is_empty());
    }

    #[test]
    fn gather_through_tables() {
        // A 2x3 row-major source read transposed: tables [0, 1, 2] (stride 1) and [0, 3] (stride 3).
        let src = [0, 1, 2, 3, 4, 5];
        let out = gather_strided("t", &src, &[3, 2], &[1, 3]).unwrap();
        assert_eq!(out, vec![0, 3, 1, 4, 2, 5]);
        assert!(gather("t", &src, &[1], |_, _| Some(6)).is_err());
        assert!(gather("t", &src, &[1], |_, _| None).is_err());
        assert!(gather_strided("t", &src, &[usize::MAX, 3], &[0, 1]).is_err());
        assert!(gather_strided("t", &src, &[0, usize::MAX], &[0, 1]).unwrap().is_empty());
        assert_eq!(split_at_axis(&[2, 3, 4], 1), (2, 3, 4));
        assert_eq!(line_offset("t", 1, 3, 2, 4, 3).unwrap(), 23);
    }
}
