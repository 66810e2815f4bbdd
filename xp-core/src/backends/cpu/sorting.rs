//! Stable sorting along an axis and binary search, in NumPy's order (NaN last; descending is the
//! stable reverse order, NaN first, equal elements kept in their original order).
//!
//! The sorted axis is moved last and copied to row-major order, rows are sorted (in parallel for
//! big arrays), and the result is laid back out in the input's axis order.

use std::cmp::Ordering;

use ndarray::IxDyn;
use rayon::prelude::*;

use super::{Arr, Cpu, alloc, check_axis, from_shape_vec, gather_map, row_major, standard};
use crate::backend::{Side, SortingOps, StorageOf};
use crate::element::{Element, RealNumeric};
use crate::error::{Error, Result};

/// The comparison of the requested order.
#[inline(always)]
fn order<T: RealNumeric>(descending: bool) -> impl Fn(&T, &T) -> Ordering + Copy + Sync {
    move |a: &T, b: &T| if descending { b.total_cmp(a) } else { a.total_cmp(b) }
}

/// `x` with `axis` moved last, as row-major rows of length `n`; returns the rows, `n`, and the
/// permutation that moved the axis.
fn rows_along<T: Element>(x: &Arr<T>, axis: usize) -> (Vec<T>, usize, Vec<usize>) {
    let ndim = x.ndim();
    let perm: Vec<usize> = (0..ndim).filter(|&a| a != axis).chain([axis]).collect();
    let moved = x.view().permuted_axes(IxDyn(&perm));
    let n = x.shape().get(axis).copied().unwrap_or(1);
    (gather_map(&moved, |v| v), n, perm)
}

/// Lays rows (of the axis-moved shape) back out in the input's axis order, in standard layout.
fn unmove<U: Element>(function: &'static str, x_shape: &[usize], perm: &[usize], data: Vec<U>) -> Result<Arr<U>> {
    let moved_shape: Vec<usize> = perm.iter().filter_map(|&a| x_shape.get(a).copied()).collect();
    let moved = from_shape_vec(function, &moved_shape, data)?;
    if perm.iter().enumerate().all(|(i, &a)| i == a) {
        return Ok(moved);
    }
    let mut inverse = vec![0; perm.len()];
    for (i, &a) in perm.iter().enumerate() {
        if let Some(slot) = inverse.get_mut(a) {
            *slot = i;
        }
    }
    Ok(standard(&moved.permuted_axes(IxDyn(&inverse))))
}

/// Runs `f` on every row of `data` (rows of `n`), in parallel when there is enough work.
fn for_rows<U: Send>(data: &mut [U], n: usize, f: impl Fn(&mut [U]) + Sync + Send) {
    let n = n.max(1);
    let work = data
        .len()
        .saturating_mul(usize::BITS as usize - n.leading_zeros() as usize);
    if alloc::parallel(work) && data.len() / n > 1 {
        data.par_chunks_mut(n).for_each(f);
    } else {
        data.chunks_mut(n).for_each(f);
    }
}

impl SortingOps for Cpu {
    fn sort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.sort";
        check_axis(F, axis, x.ndim())?;
        let (mut data, n, perm) = rows_along(x, axis);
        let cmp = order::<T>(descending);
        if data.len() == n && alloc::parallel(n) {
            data.par_sort_by(cmp);
        } else {
            for_rows(&mut data, n, |row| row.sort_by(cmp));
        }
        unmove(F, x.shape(), &perm, data)
    }

    fn argsort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, i64>> {
        const F: &str = "xp.argsort";
        check_axis(F, axis, x.ndim())?;
        let (data, n, perm) = rows_along(x, axis);
        let cmp = order::<T>(descending);
        let mut pairs: Vec<(T, i64)> = data
            .iter()
            .enumerate()
            .map(|(i, &v)| (v, (i % n.max(1)) as i64))
            .collect();
        if pairs.len() == n && alloc::parallel(n) {
            pairs.par_sort_by(|a, b| cmp(&a.0, &b.0));
        } else {
            for_rows(&mut pairs, n, |row| row.sort_by(|a, b| cmp(&a.0, &b.0)));
        }
        let idx: Vec<i64> = pairs.into_iter().map(|p| p.1).collect();
        unmove(F, x.shape(), &perm, idx)
    }

    fn searchsorted<T: RealNumeric>(
        sorted: &StorageOf<Self, T>,
        values: &StorageOf<Self, T>,
        side: Side,
    ) -> Result<StorageOf<Self, i64>> {
        const F: &str = "xp.searchsorted";
        if sorted.ndim() != 1 {
            return Err(Error::shape(F, "x1", "1 dimension", sorted.shape()));
        }
        let data = row_major(sorted);
        let a: &[T] = &data;
        let out = match side {
            Side::Left => gather_map(values, |v| {
                a.partition_point(|e| e.total_cmp(&v) == Ordering::Less) as i64
            }),
            Side::Right => gather_map(values, |v| {
                a.partition_point(|e| e.total_cmp(&v) != Ordering::Greater) as i64
            }),
        };
        from_shape_vec(F, values.shape(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{Rng, arr, get, layouts, unravel};
    use super::*;
    use crate::backend::TransferOps;

    /// Naive stable sort of one lane: insertion sort with NumPy's order.
    fn lane_order(vals: &[f64], descending: bool) -> Vec<usize> {
        let key = |a: f64, b: f64| {
            // NumPy's order: -0.0 == 0.0, NaN last (not f64's own total order).
            let o = RealNumeric::total_cmp(&a, &b);
            if descending { o.reverse() } else { o }
        };
        let mut idx: Vec<usize> = Vec::new();
        for i in 0..vals.len() {
            let pos = idx
                .iter()
                .position(|&j| key(vals[i], vals[j]) == Ordering::Less)
                .unwrap_or(idx.len());
            idx.insert(pos, i);
        }
        idx
    }

    #[test]
    fn sort_and_argsort_along_every_axis() {
        let mut rng = Rng::new(40);
        for shape in [vec![0], vec![9], vec![3, 4], vec![2, 3, 5], vec![2, 0, 3]] {
            // Few distinct values (many ties), some NaN, both zeros.
            let pool = [1.5, -0.0, 0.0, f64::NAN, -2.0, 3.0, 1.5];
            let x = arr(&shape, |_| pool[rng.below(7) as usize]);
            for axis in 0..shape.len() {
                for descending in [false, true] {
                    let n = shape[axis];
                    for y in layouts(&x) {
                        let s = Cpu::to_vec(&Cpu::sort(&y, axis, descending).unwrap()).unwrap();
                        let a = Cpu::argsort(&y, axis, descending).unwrap();
                        assert_eq!(a.shape(), shape.as_slice());
                        let a = Cpu::to_vec(&a).unwrap();
                        for p in 0..x.len() {
                            let mut idx = unravel(p, &shape);
                            if idx[axis] != 0 {
                                continue;
                            }
                            let lane: Vec<f64> = (0..n)
                                .map(|t| {
                                    idx[axis] = t;
                                    get(&x, &idx)
                                })
                                .collect();
                            let order = lane_order(&lane, descending);
                            for (t, &o) in order.iter().enumerate() {
                                idx[axis] = t;
                                let q = idx
                                    .iter()
                                    .zip(crate::shape::c_strides(&shape))
                                    .map(|(i, s)| i * s)
                                    .sum::<usize>();
                                assert_eq!(a[q], o as i64, "{shape:?} axis {axis} desc {descending}");
                                assert_eq!(s[q].to_bits(), lane[o].to_bits());
                            }
                        }
                    }
                }
            }
        }
        let big = arr(&[100_000], |i| ((i * 7919) % 1000) as i32);
        let s = Cpu::sort(&big, 0, false).unwrap();
        assert!(s.windows(ndarray::IxDyn(&[2])).into_iter().all(|w| w[0] <= w[1]));
        let a = Cpu::argsort(&big, 0, true).unwrap();
        let a = Cpu::to_vec(&a).unwrap();
        assert!(
            a.windows(2).all(|w| big[w[0] as usize] > big[w[1] as usize]
                || (big[w[0] as usize] == big[w[1] as usize] && w[0] < w[1]))
        );
        let rows = arr(&[300, 300], |i| ((i * 31) % 17) as i64);
        let s = Cpu::sort(&rows, 0, false).unwrap();
        assert!(
            s.lanes(ndarray::Axis(0))
                .into_iter()
                .all(|l| l.windows(2).into_iter().all(|w| w[0] <= w[1]))
        );
        assert!(Cpu::sort(&rows, 2, false).is_err());
        let s = arr(&[], |_| 1u8);
        assert!(Cpu::sort(&s, 0, false).is_err());
    }

    #[test]
    fn searchsorted_sides_and_nan() {
        let a = arr(&[7], |i| [1.0, 2.0, 2.0, 3.0, f64::NAN, f64::NAN, f64::NAN][i]);
        let v = arr(&[2, 3], |i| [0.0, 2.0, 2.5, 3.0, f64::NAN, 9.0][i]);
        for y in layouts(&v) {
            let l = Cpu::searchsorted(&a, &y, Side::Left).unwrap();
            let r = Cpu::searchsorted(&a, &y, Side::Right).unwrap();
            assert_eq!(l.shape(), &[2, 3]);
            assert_eq!(Cpu::to_vec(&l).unwrap(), vec![0, 1, 3, 3, 4, 4]);
            assert_eq!(Cpu::to_vec(&r).unwrap(), vec![0, 3, 3, 4, 7, 4]);
        }
        // Against a linear scan on random data.
        let mut rng = Rng::new(41);
        let mut s: Vec<i32> = (0..50).map(|_| rng.below(20) as i32).collect();
        s.sort();
        let sorted = arr(&[50], |i| s[i]);
        let q = arr(&[40], |i| i as i32 - 10);
        let l = Cpu::to_vec(&Cpu::searchsorted(&sorted, &q, Side::Left).unwrap()).unwrap();
        let r = Cpu::to_vec(&Cpu::searchsorted(&sorted, &q, Side::Right).unwrap()).unwrap();
        for (i, v) in q.iter().enumerate() {
            assert_eq!(l[i], s.iter().filter(|&&e| e < *v).count() as i64);
            assert_eq!(r[i], s.iter().filter(|&&e| e <= *v).count() as i64);
        }
        let empty = arr(&[0], |_| 0i32);
        assert_eq!(
            Cpu::to_vec(&Cpu::searchsorted(&empty, &q, Side::Right).unwrap()).unwrap(),
            vec![0; 40]
        );
        assert!(Cpu::searchsorted(&arr(&[2, 2], |_| 0i32), &q, Side::Left).is_err());
    }
}
