//! `reshape`, `permute`, `broadcast_to`, `slice`, `concat`.
//!
//! `reshape` shares the buffer (row-major order is unchanged); the others build a new buffer
//! through a gather with one offset table per output axis ([`super::layout::gather`]).

use std::sync::Arc;

use super::layout::{alloc, check_axis, gather, gather_strided, internal, strides};
use super::{Strict, StrictStorage};
use crate::backend::{ManipulationOps, StorageOf};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::shape::{AxisSlice, checked_size, size_of};

impl ManipulationOps for Strict {
    fn reshape<T: Element>(x: &StorageOf<Self, T>, shape: &[usize]) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.reshape";
        let n = checked_size(F, shape)?;
        if n != x.data().len() {
            return Err(Error::shape(
                F,
                "shape",
                format!("a shape of {} elements like {:?}", x.data().len(), x.shape),
                shape,
            ));
        }
        StrictStorage::shared(F, shape.to_vec(), Arc::clone(&x.data))
    }

    fn permute<T: Element>(x: &StorageOf<Self, T>, axes: &[usize]) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.permute_dims";
        let ndim = x.shape.len();
        let mut seen = vec![false; ndim];
        for &a in axes {
            match seen.get_mut(a) {
                Some(s) if !*s => *s = true,
                _ => {
                    return Err(Error::invalid(
                        F,
                        "axes",
                        axes,
                        format!("must be a permutation of 0..{ndim}"),
                    ));
                }
            }
        }
        if axes.len() != ndim {
            return Err(Error::invalid(
                F,
                "axes",
                axes,
                format!("must be a permutation of 0..{ndim}"),
            ));
        }
        let own = strides(&x.shape);
        let mut shape = Vec::with_capacity(ndim);
        let mut perm_strides = Vec::with_capacity(ndim);
        for &a in axes {
            let (Some(&n), Some(&s)) = (x.shape.get(a), own.get(a)) else {
                return Err(internal(F, "axis outside the shape"));
            };
            shape.push(n);
            perm_strides.push(s);
        }
        strided_copy(F, x, shape, &perm_strides)
    }

    fn broadcast_to<T: Element>(x: &StorageOf<Self, T>, shape: &[usize]) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.broadcast_to";
        let s = super::layout::broadcast_strides(F, &x.shape, shape)?;
        strided_copy(F, x, shape.to_vec(), &s)
    }

    fn slice<T: Element>(x: &StorageOf<Self, T>, slices: &[AxisSlice]) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.slice";
        if slices.len() != x.shape.len() {
            return Err(Error::invalid(
                F,
                "slices",
                slices,
                format!("one slice per axis of an array of shape {:?}", x.shape),
            ));
        }
        let shape: Vec<usize> = slices.iter().map(|s| s.len).collect();
        // Validate every axis, even when the result is empty.
        for (axis, (s, &n)) in slices.iter().zip(&x.shape).enumerate() {
            check_slice(F, s, n, axis)?;
        }
        let own = strides(&x.shape);
        let data = gather(F, x.data(), &shape, |d, k| {
            let (s, &stride) = (slices.get(d)?, own.get(d)?);
            slice_index(s, k)?.checked_mul(stride)
        })?;
        StrictStorage::new(F, shape, data)
    }

    fn concat<T: Element>(xs: &[&StorageOf<Self, T>], axis: usize) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.concat";
        let Some(first) = xs.first() else {
            return Err(Error::invalid(F, "arrays", "[]", "needs at least one array"));
        };
        let ndim = first.shape.len();
        if ndim == 0 {
            return Err(Error::shape(
                F,
                "arrays",
                "arrays of at least 1 dimension",
                &first.shape,
            ));
        }
        check_axis(F, axis, ndim)?;
        let mut shape = first.shape.clone();
        let mut total = 0usize;
        for x in xs {
            let compatible = x.shape.len() == ndim
                && x.shape
                    .iter()
                    .zip(&first.shape)
                    .enumerate()
                    .all(|(d, (a, b))| d == axis || a == b);
            if !compatible {
                return Err(Error::shape(
                    F,
                    "arrays",
                    format!("shape {:?} on every axis but {axis}", first.shape),
                    &x.shape,
                ));
            }
            let n = x.shape.get(axis).copied().unwrap_or(0);
            total = total.checked_add(n).ok_or_else(|| Error::SizeOverflow {
                function: F,
                shape: first.shape.clone(),
            })?;
        }
        if let Some(d) = shape.get_mut(axis) {
            *d = total;
        }
        let mut out = alloc(F, &shape)?;
        let expected = checked_size(F, &shape)?;
        if expected > 0 {
            // Row-major: for each position on the axes before `axis`, the blocks of every input in turn.
            let outer = size_of(shape.get(..axis).unwrap_or(&[]));
            for o in 0..outer {
                for x in xs {
                    let block = size_of(x.shape.get(axis..).unwrap_or(&[]));
                    let start = o
                        .checked_mul(block)
                        .ok_or_else(|| internal(F, "block offset overflows"))?;
                    let end = start
                        .checked_add(block)
                        .ok_or_else(|| internal(F, "block offset overflows"))?;
                    let part = x
                        .data()
                        .get(start..end)
                        .ok_or_else(|| internal(F, "block outside the input"))?;
                    out.extend_from_slice(part);
                }
            }
        }
        StrictStorage::new(F, shape, out)
    }
}

/// A copy of `x` read through one stride per output axis (0 for broadcast axes).
fn strided_copy<T: Element>(
    function: &'static str,
    x: &StrictStorage<T>,
    shape: Vec<usize>,
    axis_strides: &[usize],
) -> Result<StrictStorage<T>> {
    let data = gather_strided(function, x.data(), &shape, axis_strides)?;
    StrictStorage::new(function, shape, data)
}

/// Index `start + k * step` of a slice, if it is a valid `usize`.
fn slice_index(s: &AxisSlice, k: usize) -> Option<usize> {
    let v = i128::try_from(s.start).ok()? + i128::try_from(k).ok()? * i128::try_from(s.step).ok()?;
    usize::try_from(v).ok()
}

/// Fails unless `s` is a non-zero-step slice whose first and last indices lie in `0..n`.
fn check_slice(function: &'static str, s: &AxisSlice, n: usize, axis: usize) -> Result<()> {
    let bad = |reason: String| Error::invalid(function, "slices", s, format!("axis {axis} of size {n}: {reason}"));
    if s.step == 0 {
        return Err(bad("the step is zero".into()));
    }
    if s.len == 0 {
        return Ok(());
    }
    let last = slice_index(s, s.len - 1);
    if s.start >= n || last.is_none_or(|l| l >= n) {
        return Err(bad("indices leave the axis".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{down, up};
    use super::*;

    fn sl(start: usize, len: usize, step: isize) -> AxisSlice {
        AxisSlice { start, len, step }
    }

    #[test]
    fn reshape_keeps_row_major_order() {
        let x = up((0..6).collect::<Vec<i32>>(), &[2, 3]);
        assert_eq!(
            down(&Strict::reshape(&x, &[3, 2]).unwrap()),
            (vec![3, 2], vec![0, 1, 2, 3, 4, 5])
        );
        assert_eq!(down(&Strict::reshape(&x, &[6, 1, 1]).unwrap()).0, vec![6, 1, 1]);
        let s = up(vec![7i32], &[]);
        assert_eq!(down(&Strict::reshape(&s, &[1, 1]).unwrap()), (vec![1, 1], vec![7]));
        assert_eq!(
            down(&Strict::reshape(&up(vec![7i32], &[1]), &[]).unwrap()),
            (vec![], vec![7])
        );
        let e = up(Vec::<i32>::new(), &[0, 3]);
        assert_eq!(down(&Strict::reshape(&e, &[3, 0, 5]).unwrap()), (vec![3, 0, 5], vec![]));
        assert!(matches!(Strict::reshape(&x, &[4]), Err(Error::Shape { .. })));
        assert!(matches!(
            Strict::reshape(&x, &[usize::MAX, 3]),
            Err(Error::SizeOverflow { .. })
        ));
    }

    #[test]
    fn permute_moves_axes() {
        // x[i, j, k] = 100 i + 10 j + k, shape (2, 3, 2); permute (2, 0, 1) -> y[k, i, j], shape (2, 2, 3).
        let mut vals = Vec::new();
        for i in 0..2 {
            for j in 0..3 {
                for k in 0..2 {
                    vals.push(100 * i + 10 * j + k);
                }
            }
        }
        let x = up(vals, &[2, 3, 2]);
        let mut expected = Vec::new();
        for k in 0..2 {
            for i in 0..2 {
                for j in 0..3 {
                    expected.push(100 * i + 10 * j + k);
                }
            }
        }
        assert_eq!(
            down(&Strict::permute(&x, &[2, 0, 1]).unwrap()),
            (vec![2, 2, 3], expected)
        );
        let m = up(vec![1, 2, 3, 4, 5, 6], &[2, 3]);
        assert_eq!(
            down(&Strict::permute(&m, &[1, 0]).unwrap()),
            (vec![3, 2], vec![1, 4, 2, 5, 3, 6])
        );
        assert_eq!(
            down(&Strict::permute(&up(vec![3], &[]), &[]).unwrap()),
            (vec![], vec![3])
        );
        let e = up(Vec::<i32>::new(), &[0, 2]);
        assert_eq!(down(&Strict::permute(&e, &[1, 0]).unwrap()), (vec![2, 0], vec![]));
        for bad in [&[0, 0][..], &[0][..], &[0, 2][..], &[0, 1, 2][..]] {
            assert!(
                matches!(Strict::permute(&m, bad), Err(Error::InvalidParameter { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn broadcast_to_repeats() {
        let x = up(vec![1, 2, 3], &[3]);
        assert_eq!(
            down(&Strict::broadcast_to(&x, &[2, 3]).unwrap()),
            (vec![2, 3], vec![1, 2, 3, 1, 2, 3])
        );
        let c = up(vec![1, 2], &[2, 1]);
        assert_eq!(
            down(&Strict::broadcast_to(&c, &[2, 2, 3]).unwrap()),
            (vec![2, 2, 3], vec![1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2])
        );
        assert_eq!(
            down(&Strict::broadcast_to(&up(vec![5], &[]), &[2]).unwrap()),
            (vec![2], vec![5, 5])
        );
        assert_eq!(down(&Strict::broadcast_to(&x, &[0, 3]).unwrap()), (vec![0, 3], vec![]));
        assert_eq!(
            down(&Strict::broadcast_to(&up(vec![5], &[1]), &[0]).unwrap()),
            (vec![0], vec![])
        );
        assert!(matches!(
            Strict::broadcast_to(&x, &[2, 4]),
            Err(Error::Broadcast { .. })
        ));
        assert!(matches!(Strict::broadcast_to(&c, &[2]), Err(Error::Broadcast { .. })));
        assert!(Strict::broadcast_to(&x, &[usize::MAX, 3]).is_err());
    }

    #[test]
    fn slice_with_steps() {
        // x = arange(12).reshape(3, 4)
        let x = up((0..12).collect::<Vec<i64>>(), &[3, 4]);
        // x[1:3, ::2] = [[4, 6], [8, 10]]
        let a = Strict::slice(&x, &[sl(1, 2, 1), sl(0, 2, 2)]).unwrap();
        assert_eq!(down(&a), (vec![2, 2], vec![4, 6, 8, 10]));
        // x[::-1, 3:0:-2] = rows 2, 1, 0; columns 3, 1
        let b = Strict::slice(&x, &[sl(2, 3, -1), sl(3, 2, -2)]).unwrap();
        assert_eq!(down(&b), (vec![3, 2], vec![11, 9, 7, 5, 3, 1]));
        // x[:, 5:] is empty; validation passes on an empty slice.
        let c = Strict::slice(&x, &[sl(0, 3, 1), sl(99, 0, 1)]).unwrap();
        assert_eq!(down(&c), (vec![3, 0], vec![]));
        // 0-d.
        assert_eq!(
            down(&Strict::slice(&up(vec![9i64], &[]), &[]).unwrap()),
            (vec![], vec![9])
        );
        // Out of range, zero step, wrong count.
        assert!(matches!(
            Strict::slice(&x, &[sl(0, 4, 1), sl(0, 4, 1)]),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(Strict::slice(&x, &[sl(2, 4, -1), sl(0, 4, 1)]).is_err());
        assert!(Strict::slice(&x, &[sl(0, 1, 0), sl(0, 4, 1)]).is_err());
        assert!(Strict::slice(&x, &[sl(0, 1, 1)]).is_err());
        assert!(Strict::slice(&x, &[sl(0, 2, isize::MAX), sl(0, 4, 1)]).is_err());
    }

    #[test]
    fn concat_along_each_axis() {
        let a = up(vec![1, 2, 3, 4], &[2, 2]);
        let b = up(vec![5, 6], &[1, 2]);
        let c = up(vec![7, 8], &[2, 1]);
        assert_eq!(
            down(&Strict::concat(&[&a, &b], 0).unwrap()),
            (vec![3, 2], vec![1, 2, 3, 4, 5, 6])
        );
        assert_eq!(
            down(&Strict::concat(&[&a, &c, &a], 1).unwrap()),
            (vec![2, 5], vec![1, 2, 7, 1, 2, 3, 4, 8, 3, 4])
        );
        let e = up(Vec::<i32>::new(), &[0, 2]);
        assert_eq!(
            down(&Strict::concat(&[&e, &b, &e], 0).unwrap()),
            (vec![1, 2], vec![5, 6])
        );
        assert_eq!(down(&Strict::concat(&[&e], 0).unwrap()), (vec![0, 2], vec![]));
        assert!(matches!(Strict::concat(&[&a, &c], 0), Err(Error::Shape { .. })));
        assert!(matches!(
            Strict::concat(&[&a, &b], 2),
            Err(Error::AxisOutOfRange { .. })
        ));
        assert!(Strict::concat::<i32>(&[], 0).is_err());
        assert!(Strict::concat(&[&up(vec![1], &[])], 0).is_err());
        assert!(Strict::concat(&[&a, &up(vec![1, 2], &[2])], 0).is_err());
    }
}
