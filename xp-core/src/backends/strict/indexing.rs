//! `take`, `take_along_axis`, `mask_select`, `nonzero`, `scatter`.
//!
//! Every index is checked (negative indices count from the end) before any element is read.

use super::layout::{
    alloc, check_axis, for_each_index, internal, line_offset, offset, read, split_at_axis, strides, write,
};
use super::{Strict, StrictStorage};
use crate::backend::{IndexingOps, StorageOf};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::kernels::Map2;
use crate::shape::checked_size;

/// `index` as a position on an axis of `size` (negative counts from the end), or
/// [`Error::IndexOutOfRange`].
fn normalize_index(function: &'static str, index: i64, axis: usize, size: usize) -> Result<usize> {
    let size_wide = i128::try_from(size).unwrap_or(i128::MAX);
    let wide = if index < 0 {
        i128::from(index) + size_wide
    } else {
        i128::from(index)
    };
    if (0..size_wide).contains(&wide) {
        usize::try_from(wide).map_err(|_| internal(function, "index does not fit usize"))
    } else {
        Err(Error::IndexOutOfRange {
            function,
            index,
            axis,
            size,
        })
    }
}

/// Normalises every index of `indices` against an axis of `size`.
fn normalize_all(function: &'static str, indices: &[i64], axis: usize, size: usize) -> Result<Vec<usize>> {
    indices
        .iter()
        .map(|&i| normalize_index(function, i, axis, size))
        .collect()
}

/// `data[start..start + len]`, or an internal error.
fn block<'a, T>(function: &'static str, data: &'a [T], start: usize, len: usize) -> Result<&'a [T]> {
    start
        .checked_add(len)
        .and_then(|end| data.get(start..end))
        .ok_or_else(|| internal(function, "block outside the buffer"))
}

impl IndexingOps for Strict {
    fn take<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.take";
        check_axis(F, axis, x.shape.len())?;
        let (before, after) = x.shape.split_at(axis);
        let len = after.first().copied().unwrap_or(0);
        let picks = normalize_all(F, indices.data(), axis, len)?;
        let mut shape = before.to_vec();
        shape.extend_from_slice(&indices.shape);
        shape.extend(after.iter().skip(1));
        let mut out = alloc(F, &shape)?;
        if checked_size(F, &shape)? > 0 {
            let (outer, len, inner) = split_at_axis(&x.shape, axis);
            for o in 0..outer {
                for &j in &picks {
                    let start = line_offset(F, o, len, j, inner, 0)?;
                    out.extend_from_slice(block(F, x.data(), start, inner)?);
                }
            }
        }
        StrictStorage::new(F, shape, out)
    }

    fn take_along_axis<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.take_along_axis";
        let ndim = x.shape.len();
        check_axis(F, axis, ndim)?;
        if indices.shape.len() != ndim {
            return Err(Error::shape(
                F,
                "indices",
                format!("{ndim} dimensions, like x of shape {:?}", x.shape),
                &indices.shape,
            ));
        }
        // Output shape: indices' length on `axis`, x and indices broadcast on the others.
        let mut shape = Vec::with_capacity(ndim);
        for (d, (&n, &m)) in x.shape.iter().zip(&indices.shape).enumerate() {
            shape.push(if d == axis || n == m || n == 1 {
                m
            } else if m == 1 {
                n
            } else {
                return Err(Error::Broadcast {
                    function: F,
                    lhs: x.shape.clone(),
                    rhs: indices.shape.clone(),
                });
            });
        }
        let len = x.shape.get(axis).copied().unwrap_or(0);
        let picks = normalize_all(F, indices.data(), axis, len)?;
        let xs = strides(&x.shape);
        let axis_stride = xs.get(axis).copied().unwrap_or(0);
        // x is read at the output index on every axis but `axis` (0 where x is stretched);
        // on `axis` at the picked index.
        let x_strides: Vec<usize> = xs
            .iter()
            .zip(&x.shape)
            .enumerate()
            .map(|(d, (&s, &n))| if d == axis || n == 1 { 0 } else { s })
            .collect();
        let i_strides: Vec<usize> = strides(&indices.shape)
            .iter()
            .zip(&indices.shape)
            .map(|(&s, &m)| if m == 1 { 0 } else { s })
            .collect();
        let mut out = alloc(F, &shape)?;
        for_each_index(&shape, |index| {
            let j = read(F, &picks, offset(F, index, &i_strides)?)?;
            let off = j
                .checked_mul(axis_stride)
                .and_then(|a| offset(F, index, &x_strides).ok().and_then(|b| a.checked_add(b)))
                .ok_or_else(|| internal(F, "offset overflows"))?;
            out.push(read(F, x.data(), off)?);
            Ok(())
        })?;
        StrictStorage::new(F, shape, out)
    }

    fn mask_select<T: Element>(x: &StorageOf<Self, T>, mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.mask_select";
        if mask.shape != x.shape {
            return Err(Error::shape(
                F,
                "mask",
                format!("the shape of x, {:?}", x.shape),
                &mask.shape,
            ));
        }
        let count = mask.data().iter().filter(|&&m| m).count();
        let mut out = alloc(F, &[count])?;
        out.extend(x.data().iter().zip(mask.data()).filter(|&(_, &m)| m).map(|(&v, _)| v));
        StrictStorage::new(F, vec![count], out)
    }

    fn nonzero(mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, i64>> {
        const F: &str = "xp.nonzero";
        let count = mask.data().iter().filter(|&&m| m).count();
        let shape = vec![count, mask.shape.len()];
        let mut out = alloc(F, &shape)?;
        let mut flat = 0usize;
        for_each_index(&mask.shape, |index| {
            if read(F, mask.data(), flat)? {
                for &i in index {
                    out.push(i64::try_from(i).map_err(|_| internal(F, "coordinate exceeds i64"))?);
                }
            }
            flat += 1;
            Ok(())
        })?;
        StrictStorage::new(F, shape, out)
    }

    fn scatter<T: Element, K: Map2<A = T, B = T, Out = T>>(
        x: &StorageOf<Self, T>,
        axis: usize,
        indices: &StorageOf<Self, i64>,
        values: &StorageOf<Self, T>,
        k: K,
    ) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.scatter";
        check_axis(F, axis, x.shape.len())?;
        if indices.shape.len() != 1 {
            return Err(Error::shape(F, "indices", "a 1-D array", &indices.shape));
        }
        let n = indices.data().len();
        let mut expected = x.shape.clone();
        if let Some(d) = expected.get_mut(axis) {
            *d = n;
        }
        if values.shape != expected {
            return Err(Error::shape(
                F,
                "values",
                format!("{expected:?} (x's shape with the number of indices on axis {axis})"),
                &values.shape,
            ));
        }
        let len = x.shape.get(axis).copied().unwrap_or(0);
        let picks = normalize_all(F, indices.data(), axis, len)?;
        let mut out = alloc(F, &x.shape)?;
        out.extend_from_slice(x.data());
        if !values.data().is_empty() {
            let (outer, _, inner) = split_at_axis(&x.shape, axis);
            for o in 0..outer {
                for (i, &j) in picks.iter().enumerate() {
                    for e in 0..inner {
                        let at = line_offset(F, o, len, j, inner, e)?;
                        let v = read(F, values.data(), line_offset(F, o, n, i, inner, e)?)?;
                        let old = read(F, &out, at)?;
                        write(F, &mut out, at, k.apply(old, v))?;
                    }
                }
            }
        }
        StrictStorage::new(F, x.shape.clone(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{down, up};
    use super::*;
    use crate::kernels::binary::{Add, Maximum, Replace};

    #[test]
    fn take_along_each_axis() {
        // x = [[0, 1, 2], [3, 4, 5]]
        let x = up((0..6).collect::<Vec<i32>>(), &[2, 3]);
        let i = up(vec![2i64, -3, -1], &[3]);
        assert_eq!(
            down(&Strict::take(&x, &i, 1).unwrap()),
            (vec![2, 3], vec![2, 0, 2, 5, 3, 5])
        );
        // Index array of shape (2, 2) on axis 0: output (2, 2, 3).
        let i2 = up(vec![1i64, 0, 1, 1], &[2, 2]);
        assert_eq!(
            down(&Strict::take(&x, &i2, 0).unwrap()),
            (vec![2, 2, 3], vec![3, 4, 5, 0, 1, 2, 3, 4, 5, 3, 4, 5])
        );
        // 0-d index removes the axis.
        let i0 = up(vec![-2i64], &[]);
        assert_eq!(down(&Strict::take(&x, &i0, 1).unwrap()), (vec![2], vec![1, 4]));
        // Empty index list and empty arrays.
        let none = up(Vec::<i64>::new(), &[0]);
        assert_eq!(down(&Strict::take(&x, &none, 1).unwrap()), (vec![2, 0], vec![]));
        let e = up(Vec::<i32>::new(), &[2, 0]);
        assert_eq!(
            down(&Strict::take(&e, &up(vec![1i64], &[1]), 0).unwrap()),
            (vec![1, 0], vec![])
        );
    }

    #[test]
    fn take_rejects_out_of_range_indices() {
        let x = up((0..6).collect::<Vec<i32>>(), &[2, 3]);
        for (bad, axis) in [(3i64, 1usize), (-4, 1), (2, 0), (i64::MIN, 0), (i64::MAX, 1)] {
            match Strict::take(&x, &up(vec![0, bad], &[2]), axis) {
                Err(Error::IndexOutOfRange {
                    function,
                    index,
                    axis: a,
                    size,
                }) => {
                    assert_eq!((function, index, a), ("xp.take", bad, axis));
                    assert_eq!(size, x.shape[axis]);
                }
                other => panic!("index {bad}: expected IndexOutOfRange, got {other:?}"),
            }
        }
        let e = up(Vec::<i32>::new(), &[0]);
        assert!(matches!(
            Strict::take(&e, &up(vec![0i64], &[1]), 0),
            Err(Error::IndexOutOfRange { .. })
        ));
        assert!(matches!(
            Strict::take(&x, &up(vec![0i64], &[1]), 2),
            Err(Error::AxisOutOfRange { .. })
        ));
        assert!(Strict::take(&up(vec![1i32], &[]), &up(vec![0i64], &[1]), 0).is_err());
    }

    #[test]
    fn take_along_axis_gathers_per_position() {
        // x = [[10, 30, 20], [60, 40, 50]]; argsort along 1 = [[0, 2, 1], [1, 2, 0]].
        let x = up(vec![10, 30, 20, 60, 40, 50], &[2, 3]);
        let i = up(vec![0i64, 2, 1, 1, 2, 0], &[2, 3]);
        assert_eq!(
            down(&Strict::take_along_axis(&x, &i, 1).unwrap()),
            (vec![2, 3], vec![10, 20, 30, 40, 50, 60])
        );
        // argmax-style (2, 1) indices with a negative index.
        let m = up(vec![1i64, -3], &[2, 1]);
        assert_eq!(
            down(&Strict::take_along_axis(&x, &m, 1).unwrap()),
            (vec![2, 1], vec![30, 60])
        );
        // Along axis 0 with indices (1, 3).
        let r = up(vec![1i64, 0, 1], &[1, 3]);
        assert_eq!(
            down(&Strict::take_along_axis(&x, &r, 0).unwrap()),
            (vec![1, 3], vec![60, 30, 50])
        );
        // Broadcasting: indices (2, 1) against x (1, 3) on axis 0 -> (2, 3).
        let row = up(vec![7, 8, 9], &[1, 3]);
        let ii = up(vec![0i64, 0], &[2, 1]);
        assert_eq!(
            down(&Strict::take_along_axis(&row, &ii, 0).unwrap()),
            (vec![2, 3], vec![7, 8, 9, 7, 8, 9])
        );
        // Empty indices along the axis.
        let none = up(Vec::<i64>::new(), &[2, 0]);
        assert_eq!(
            down(&Strict::take_along_axis(&x, &none, 1).unwrap()),
            (vec![2, 0], vec![])
        );
        // Errors: rank, broadcast, range.
        assert!(matches!(
            Strict::take_along_axis(&x, &up(vec![0i64], &[1]), 1),
            Err(Error::Shape { .. })
        ));
        assert!(matches!(
            Strict::take_along_axis(&x, &up(vec![0i64; 3], &[3, 1]), 1),
            Err(Error::Broadcast { .. })
        ));
        assert!(matches!(
            Strict::take_along_axis(&x, &up(vec![0i64, 3], &[2, 1]), 1),
            Err(Error::IndexOutOfRange {
                index: 3,
                axis: 1,
                size: 3,
                ..
            })
        ));
    }

    #[test]
    fn mask_select_and_nonzero() {
        let x = up(vec![1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]);
        let m = up(vec![true, false, true, false, false, true], &[2, 3]);
        assert_eq!(
            down(&Strict::mask_select(&x, &m).unwrap()),
            (vec![3], vec![1.0, 3.0, 6.0])
        );
        assert_eq!(
            down(&Strict::nonzero(&m).unwrap()),
            (vec![3, 2], vec![0, 0, 0, 2, 1, 2])
        );
        let none = up(vec![false; 6], &[2, 3]);
        assert_eq!(down(&Strict::mask_select(&x, &none).unwrap()), (vec![0], vec![]));
        assert_eq!(down(&Strict::nonzero(&none).unwrap()), (vec![0, 2], vec![]));
        // 0-d and empty.
        assert_eq!(
            down(&Strict::nonzero(&up(vec![true], &[])).unwrap()),
            (vec![1, 0], vec![])
        );
        let e = up(Vec::<bool>::new(), &[0, 3]);
        assert_eq!(down(&Strict::nonzero(&e).unwrap()), (vec![0, 2], vec![]));
        let z = up(vec![7i32], &[]);
        assert_eq!(
            down(&Strict::mask_select(&z, &up(vec![true], &[])).unwrap()),
            (vec![1], vec![7])
        );
        // Shapes must match exactly (no broadcasting).
        let row = up(vec![true, false, true], &[3]);
        assert!(matches!(Strict::mask_select(&x, &row), Err(Error::Shape { .. })));
    }

    #[test]
    fn scatter_applies_updates_in_order() {
        // x = zeros(2, 3); add values at column indices [2, 0, 2] (duplicates accumulate).
        let x = up(vec![0i32; 6], &[2, 3]);
        let idx = up(vec![2i64, 0, -1], &[3]);
        let vals = up(vec![1, 2, 3, 10, 20, 30], &[2, 3]);
        let s = Strict::scatter(&x, 1, &idx, &vals, Add::<i32>::new()).unwrap();
        assert_eq!(down(&s), (vec![2, 3], vec![2, 0, 4, 20, 0, 40]));
        // Set: the last duplicate wins.
        let s = Strict::scatter(&x, 1, &idx, &vals, Replace::<i32>::new()).unwrap();
        assert_eq!(down(&s), (vec![2, 3], vec![2, 0, 3, 20, 0, 30]));
        // Along axis 0, max with existing values.
        let y = up(vec![5i32, 5, 5, 5], &[2, 2]);
        let s = Strict::scatter(
            &y,
            0,
            &up(vec![1i64], &[1]),
            &up(vec![9, 1], &[1, 2]),
            Maximum::<i32>::new(),
        )
        .unwrap();
        assert_eq!(down(&s), (vec![2, 2], vec![5, 5, 9, 5]));
        // No updates, empty x.
        let none = up(Vec::<i64>::new(), &[0]);
        let s = Strict::scatter(&y, 1, &none, &up(Vec::<i32>::new(), &[2, 0]), Add::<i32>::new()).unwrap();
        assert_eq!(down(&s), (vec![2, 2], vec![5, 5, 5, 5]));
        let e = up(Vec::<i32>::new(), &[0, 2]);
        let s = Strict::scatter(
            &e,
            1,
            &up(vec![1i64], &[1]),
            &up(Vec::<i32>::new(), &[0, 1]),
            Add::<i32>::new(),
        );
        assert_eq!(down(&s.unwrap()), (vec![0, 2], vec![]));
    }

    #[test]
    fn scatter_validates() {
        let x = up(vec![0i32; 6], &[2, 3]);
        let add = Add::<i32>::new();
        let v = up(vec![1i32; 2], &[2, 1]);
        assert!(matches!(
            Strict::scatter(&x, 1, &up(vec![3i64], &[1]), &v, add),
            Err(Error::IndexOutOfRange {
                function: "xp.scatter",
                index: 3,
                axis: 1,
                size: 3
            })
        ));
        assert!(matches!(
            Strict::scatter(&x, 1, &up(vec![0i64, 1], &[2]), &v, add),
            Err(Error::Shape {
                parameter: "values",
                ..
            })
        ));
        assert!(matches!(
            Strict::scatter(&x, 1, &up(vec![0i64], &[]), &v, add),
            Err(Error::Shape {
                parameter: "indices",
                ..
            })
        ));
        assert!(matches!(
            Strict::scatter(&x, 2, &up(vec![0i64], &[1]), &v, add),
            Err(Error::AxisOutOfRange { .. })
        ));
    }
}
