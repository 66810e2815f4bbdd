//! Integer and boolean indexing, and functional scatter updates.
//!
//! Indices are validated (and negative ones wrapped) once, before any output is written, so the
//! gather loops only read in-range positions; an index outside its axis is
//! [`Error::IndexOutOfRange`].

use rayon::prelude::*;

use super::elementwise::broadcast_copy;
use super::{Cpu, alloc, check_axis, from_shape_vec, gather_map, row_major, split_at_axis};
use crate::backend::{IndexingOps, StorageOf};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::kernels::Map2;
use crate::shape;

/// `i` as a position on an axis of `size` (negative counts from the end), if in range.
#[inline(always)]
fn wrap(i: i64, size: usize) -> Option<usize> {
    let j = if i < 0 {
        usize::try_from(i.unsigned_abs())
            .ok()
            .and_then(|a| size.checked_sub(a))?
    } else {
        usize::try_from(i).ok()?
    };
    (j < size).then_some(j)
}

/// Validates and wraps every index, reporting the first bad one.
fn wrap_all(function: &'static str, idx: &[i64], axis: usize, size: usize) -> Result<Vec<usize>> {
    let out: Option<Vec<usize>> = if alloc::parallel(idx.len()) {
        idx.par_iter().map(|&i| wrap(i, size)).collect()
    } else {
        idx.iter().map(|&i| wrap(i, size)).collect()
    };
    out.ok_or_else(|| {
        let index = idx.iter().copied().find(|&i| wrap(i, size).is_none()).unwrap_or(0);
        Error::IndexOutOfRange {
            function,
            index,
            axis,
            size,
        }
    })
}

/// Checks every index without keeping the wrapped values.
fn check_all(function: &'static str, idx: &[i64], axis: usize, size: usize) -> Result<()> {
    let ok = if alloc::parallel(idx.len()) {
        idx.par_iter().all(|&i| wrap(i, size).is_some())
    } else {
        idx.iter().all(|&i| wrap(i, size).is_some())
    };
    if ok {
        return Ok(());
    }
    let index = idx.iter().copied().find(|&i| wrap(i, size).is_none()).unwrap_or(0);
    Err(Error::IndexOutOfRange {
        function,
        index,
        axis,
        size,
    })
}

/// The element at `off` (a validated position).
#[inline(always)]
fn at<T: Element>(data: &[T], off: usize) -> T {
    data.get(off).copied().unwrap_or_default()
}

impl IndexingOps for Cpu {
    fn take<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.take";
        check_axis(F, axis, x.ndim())?;
        let (_, n, inner) = split_at_axis(x.shape(), axis);
        let idx = wrap_all(F, &row_major(indices), axis, n)?;
        let m = idx.len().max(1);
        let shape_x = x.shape();
        let out_shape: Vec<usize> = shape_x
            .get(..axis)
            .unwrap_or_default()
            .iter()
            .chain(indices.shape())
            .chain(shape_x.get(axis + 1..).unwrap_or_default())
            .copied()
            .collect();
        let total = shape::checked_size(F, &out_shape)?;
        let data = row_major(x);
        let xs: &[T] = &data;
        let idx: &[usize] = &idx;
        let out = if inner == 1 {
            alloc::build(total, 1, 1, |start, sink| {
                let end = start + sink.remaining();
                let mut pos = start;
                while pos < end {
                    let (o, j0) = (pos / m, pos % m);
                    let len = (m - j0).min(end - pos);
                    let row = xs.get(o * n..(o + 1) * n).unwrap_or_default();
                    sink.extend(idx.get(j0..j0 + len).unwrap_or_default().iter().map(|&i| at(row, i)));
                    pos += len;
                }
            })
        } else {
            alloc::build(total, 1, 1, |start, sink| {
                let end = start + sink.remaining();
                let mut pos = start;
                while pos < end {
                    let (r, c0) = (pos / inner, pos % inner);
                    let (o, j) = (r / m, r % m);
                    let len = (inner - c0).min(end - pos);
                    let from = (o * n + idx.get(j).copied().unwrap_or(0)) * inner + c0;
                    sink.extend(xs.get(from..from + len).unwrap_or_default().iter().copied());
                    pos += len;
                }
            })
        };
        from_shape_vec(F, &out_shape, out)
    }

    fn take_along_axis<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.take_along_axis";
        check_axis(F, axis, x.ndim())?;
        if indices.ndim() != x.ndim() {
            return Err(Error::shape(
                F,
                "indices",
                format!("{} dimensions like x", x.ndim()),
                indices.shape(),
            ));
        }
        // Broadcast every axis but `axis`.
        let mut shape_x = Vec::with_capacity(x.ndim());
        let mut shape_i = Vec::with_capacity(x.ndim());
        for (d, (&a, &b)) in x.shape().iter().zip(indices.shape()).enumerate() {
            let both = if d == axis {
                (a, b)
            } else if a == b || b == 1 {
                (a, a)
            } else if a == 1 {
                (b, b)
            } else {
                return Err(Error::Broadcast {
                    function: F,
                    lhs: x.shape().to_vec(),
                    rhs: indices.shape().to_vec(),
                });
            };
            shape_x.push(both.0);
            shape_i.push(both.1);
        }
        let (_, n, inner) = split_at_axis(&shape_x, axis);
        check_all(F, &row_major(indices), axis, n)?;
        let xb = if x.shape() == shape_x.as_slice() {
            x.clone()
        } else {
            broadcast_copy(x, &shape_x)?
        };
        let ib = if indices.shape() == shape_i.as_slice() {
            indices.clone()
        } else {
            broadcast_copy(indices, &shape_i)?
        };
        let (_, m, _) = split_at_axis(&shape_i, axis);
        let (xd, id) = (row_major(&xb), row_major(&ib));
        let (xs, is): (&[T], &[i64]) = (&xd, &id);
        let total = shape::checked_size(F, &shape_i)?;
        let block = (m * inner).max(1);
        let inner1 = inner.max(1);
        let out = alloc::build(total, 1, 1, |start, sink| {
            let len = sink.remaining();
            let ids = is.get(start..start + len).unwrap_or_default();
            sink.extend(ids.iter().enumerate().map(|(t, &i)| {
                let p = start + t;
                let (o, c) = (p / block, p % inner1);
                at(xs, (o * n + wrap(i, n).unwrap_or(0)) * inner + c)
            }));
        });
        from_shape_vec(F, &shape_i, out)
    }

    fn mask_select<T: Element>(x: &StorageOf<Self, T>, mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.mask_select";
        if x.shape() != mask.shape() {
            return Err(Error::shape(
                F,
                "mask",
                format!("the shape of x {:?}", x.shape()),
                mask.shape(),
            ));
        }
        let (xd, md) = (row_major(x), row_major(mask));
        let (xs, ms): (&[T], &[bool]) = (&xd, &md);
        let pick =
            |xs: &[T], ms: &[bool]| -> Vec<T> { xs.iter().zip(ms).filter(|&(_, &m)| m).map(|(&v, _)| v).collect() };
        let out = if alloc::parallel(xs.len()) {
            let chunk = alloc::chunk_len(xs.len(), 1, 1, rayon::current_num_threads());
            let parts: Vec<Vec<T>> = xs
                .par_chunks(chunk)
                .zip(ms.par_chunks(chunk))
                .map(|(a, b)| pick(a, b))
                .collect();
            parts.concat()
        } else {
            pick(xs, ms)
        };
        let len = out.len();
        from_shape_vec(F, &[len], out)
    }

    fn nonzero(mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, i64>> {
        const F: &str = "xp.nonzero";
        let md = row_major(mask);
        let ms: &[bool] = &md;
        let positions = |ms: &[bool], base: usize| -> Vec<usize> {
            ms.iter()
                .enumerate()
                .filter(|&(_, &m)| m)
                .map(|(i, _)| base + i)
                .collect()
        };
        let pos: Vec<usize> = if alloc::parallel(ms.len()) {
            let chunk = alloc::chunk_len(ms.len(), 1, 1, rayon::current_num_threads());
            let parts: Vec<Vec<usize>> = ms
                .par_chunks(chunk)
                .enumerate()
                .map(|(i, c)| positions(c, i * chunk))
                .collect();
            parts.concat()
        } else {
            positions(ms, 0)
        };
        let ndim = mask.ndim();
        let strides = shape::c_strides(mask.shape());
        let out_shape = [pos.len(), ndim];
        let total = shape::checked_size(F, &out_shape)?;
        let out = alloc::build(total, ndim.max(1), 1, |start, sink| {
            let rows = sink.remaining() / ndim.max(1);
            let first = start / ndim.max(1);
            for &p in pos.get(first..first + rows).unwrap_or_default() {
                let mut rest = p;
                for &s in &strides {
                    let s = s.max(1);
                    sink.push((rest / s) as i64);
                    rest %= s;
                }
            }
        });
        from_shape_vec(F, &out_shape, out)
    }

    fn scatter<T: Element, K: Map2<A = T, B = T, Out = T>>(
        x: &StorageOf<Self, T>,
        axis: usize,
        indices: &StorageOf<Self, i64>,
        values: &StorageOf<Self, T>,
        k: K,
    ) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.scatter";
        check_axis(F, axis, x.ndim())?;
        if indices.ndim() != 1 {
            return Err(Error::shape(F, "indices", "1 dimension", indices.shape()));
        }
        let (_, n, inner) = split_at_axis(x.shape(), axis);
        let idx = wrap_all(F, &row_major(indices), axis, n)?;
        let m = idx.len();
        let mut expected = x.shape().to_vec();
        if let Some(d) = expected.get_mut(axis) {
            *d = m;
        }
        if values.shape() != expected.as_slice() {
            return Err(Error::shape(F, "values", format!("shape {expected:?}"), values.shape()));
        }
        let mut out = gather_map(x, |v| v);
        let vd = row_major(values);
        let vs: &[T] = &vd;
        let update_block = |o: usize, block: &mut [T]| {
            for (j, &i) in idx.iter().enumerate() {
                let from = (o * m + j) * inner;
                let src = vs.get(from..from + inner).unwrap_or_default();
                let dst = block.get_mut(i * inner..(i + 1) * inner).unwrap_or_default();
                if alloc::parallel(inner) {
                    let chunk = alloc::chunk_len(inner, 1, 1, rayon::current_num_threads());
                    dst.par_chunks_mut(chunk).zip(src.par_chunks(chunk)).for_each(|(d, s)| {
                        for (d, &s) in d.iter_mut().zip(s) {
                            *d = k.apply(*d, s);
                        }
                    });
                } else {
                    for (d, &s) in dst.iter_mut().zip(src) {
                        *d = k.apply(*d, s);
                    }
                }
            }
        };
        let block = (n * inner).max(1);
        if alloc::parallel(out.len().max(vs.len())) && !alloc::parallel(inner) {
            out.par_chunks_mut(block)
                .enumerate()
                .for_each(|(o, b)| update_block(o, b));
        } else {
            out.chunks_mut(block).enumerate().for_each(|(o, b)| update_block(o, b));
        }
        from_shape_vec(F, x.shape(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{Rng, arr, get, layouts, rand_i64, unravel};
    use super::*;
    use crate::backend::TransferOps;
    use crate::kernels::binary::{Add, Maximum, Replace};
    use ndarray::IxDyn;

    #[test]
    fn take_wraps_negative_indices_on_every_axis() {
        let mut rng = Rng::new(30);
        let x = rand_i64(&mut rng, &[3, 4, 5], 100);
        let shape = [3, 4, 5];
        for axis in 0..3 {
            let n = shape[axis] as i64;
            let idx = arr(&[2, 3], |i| (i as i64 * 7) % (2 * n) - n);
            for y in layouts(&x) {
                let out = Cpu::take(&y, &idx, axis).unwrap();
                let mut out_shape = shape.to_vec();
                out_shape.splice(axis..=axis, [2, 3]);
                assert_eq!(out.shape(), out_shape.as_slice());
                for (p, &v) in Cpu::to_vec(&out).unwrap().iter().enumerate() {
                    let oi = unravel(p, &out_shape);
                    let k = idx[IxDyn(&oi[axis..axis + 2])];
                    let mut xi: Vec<usize> = oi[..axis].to_vec();
                    xi.push(if k < 0 { (k + n) as usize } else { k as usize });
                    xi.extend(&oi[axis + 2..]);
                    assert_eq!(v, get(&x, &xi));
                }
            }
        }
        let bad = arr(&[2], |i| [1, -6][i]);
        let err = Cpu::take(&x, &bad, 2).unwrap_err();
        assert_eq!(
            err,
            Error::IndexOutOfRange {
                function: "xp.take",
                index: -6,
                axis: 2,
                size: 5
            }
        );
        assert!(Cpu::take(&x, &arr(&[1], |_| 3), 0).is_err());
        assert!(Cpu::take(&x, &arr(&[1], |_| 0), 3).is_err());
        // Empty index arrays and zero-size axes.
        let none = arr(&[0], |_| 0i64);
        assert_eq!(Cpu::take(&x, &none, 1).unwrap().shape(), &[3, 0, 5]);
        let e = arr(&[2, 0], |_| 0i64);
        assert_eq!(Cpu::take(&e, &none, 1).unwrap().shape(), &[2, 0]);
        assert!(Cpu::take(&e, &arr(&[1], |_| 0), 1).is_err());
        // 0-d index: the axis disappears.
        let s = arr(&[], |_| -1i64);
        assert_eq!(Cpu::to_vec(&Cpu::take(&x, &s, 0).unwrap()).unwrap().len(), 20);
        // Large gather, both inner paths.
        let big = arr(&[200_000], |i| i as f64);
        let idx = arr(&[100_000], |i| ((i * 7919) % 200_000) as i64);
        let out = Cpu::take(&big, &idx, 0).unwrap();
        assert!(out.iter().enumerate().all(|(i, &v)| v == ((i * 7919) % 200_000) as f64));
        let m = arr(&[500, 300], |i| i as i32);
        let out = Cpu::take(&m, &arr(&[400], |i| (499 - i) as i64), 0).unwrap();
        assert!(
            out.iter()
                .enumerate()
                .all(|(p, &v)| v == m[IxDyn(&[499 - p / 300, p % 300])])
        );
    }

    #[test]
    fn take_along_axis_broadcasts() {
        let mut rng = Rng::new(31);
        let x = rand_i64(&mut rng, &[3, 1, 5], 100);
        let idx = arr(&[1, 4, 2], |i| (i as i64 % 7) - 3);
        // axis 2: shape (3, 4, 2); x broadcasts on axis 1, idx on axis 0.
        for y in layouts(&x) {
            let out = Cpu::take_along_axis(&y, &idx, 2).unwrap();
            assert_eq!(out.shape(), &[3, 4, 2]);
            for (p, &v) in Cpu::to_vec(&out).unwrap().iter().enumerate() {
                let o = unravel(p, &[3, 4, 2]);
                let k = idx[IxDyn(&[0, o[1], o[2]])];
                let k = if k < 0 { k + 5 } else { k } as usize;
                assert_eq!(v, get(&x, &[o[0], 0, k]));
            }
        }
        assert!(Cpu::take_along_axis(&x, &idx, 2).is_ok());
        assert!(Cpu::take_along_axis(&x, &arr(&[4, 2], |_| 0), 1).is_err());
        assert!(matches!(
            Cpu::take_along_axis(&x, &arr(&[1, 1, 1], |_| 5), 2),
            Err(Error::IndexOutOfRange {
                index: 5,
                axis: 2,
                size: 5,
                ..
            })
        ));
        assert!(Cpu::take_along_axis(&x, &arr(&[2, 1, 1], |_| 0), 2).is_err());
    }

    #[test]
    fn mask_select_and_nonzero_are_row_major() {
        let mut rng = Rng::new(32);
        for shape in [vec![], vec![0], vec![7], vec![3, 4], vec![2, 3, 4], vec![300, 400]] {
            let x = rand_i64(&mut rng, &shape, 100);
            let mask = x.mapv(|v| v % 3 == 0).into_shared();
            let expect: Vec<i64> = x.iter().copied().filter(|v| v % 3 == 0).collect();
            let coords: Vec<i64> = (0..x.len())
                .filter(|&p| get(&mask, &unravel(p, &shape)))
                .flat_map(|p| unravel(p, &shape).into_iter().map(|c| c as i64))
                .collect();
            let views = if x.len() < 1000 { layouts(&x) } else { vec![x.clone()] };
            for (y, m) in views.iter().zip(if x.len() < 1000 {
                layouts(&mask)
            } else {
                vec![mask.clone()]
            }) {
                let got = Cpu::mask_select(y, &m).unwrap();
                assert_eq!(Cpu::to_vec(&got).unwrap(), expect);
                let nz = Cpu::nonzero(&m).unwrap();
                assert_eq!(nz.shape(), &[expect.len(), shape.len()]);
                assert_eq!(Cpu::to_vec(&nz).unwrap(), coords);
            }
        }
        let x = arr(&[2, 2], |_| 1.0f32);
        assert!(Cpu::mask_select(&x, &arr(&[4], |_| true)).is_err());
    }

    #[test]
    fn scatter_applies_updates_in_index_order() {
        let mut rng = Rng::new(33);
        let x = rand_i64(&mut rng, &[3, 4, 2], 100);
        let idx = arr(&[5], |i| [1, -1, 1, 0, 1][i]);
        for axis in 0..3 {
            let n = x.shape()[axis];
            let mut vshape = x.shape().to_vec();
            vshape[axis] = 5;
            let vals = rand_i64(&mut rng, &vshape, 100);
            for y in layouts(&x) {
                for (mode, k) in [("add", 0), ("set", 1), ("max", 2)] {
                    let got = match k {
                        0 => Cpu::scatter(&y, axis, &idx, &vals, Add::<i64>::new()),
                        1 => Cpu::scatter(&y, axis, &idx, &vals, Replace::<i64>::new()),
                        _ => Cpu::scatter(&y, axis, &idx, &vals, Maximum::<i64>::new()),
                    }
                    .unwrap();
                    let mut expect = x.to_owned();
                    for j in 0..5 {
                        let t = idx[IxDyn(&[j])];
                        let t = if t < 0 { t + n as i64 } else { t } as usize;
                        for p in 0..vals.len() / 5 {
                            let mut rest_shape = vshape.clone();
                            rest_shape[axis] = 1;
                            let mut q = unravel(p, &rest_shape);
                            q[axis] = j;
                            let v = get(&vals, &q);
                            q[axis] = t;
                            let old = expect[IxDyn(&q)];
                            expect[IxDyn(&q)] = match k {
                                0 => old + v,
                                1 => v,
                                _ => old.max(v),
                            };
                        }
                    }
                    assert_eq!(got, expect.into_shared(), "{mode} axis {axis}");
                }
            }
        }
        let bad_idx = arr(&[1], |_| 4i64);
        let v = arr(&[1, 4, 2], |_| 0i64);
        assert!(matches!(
            Cpu::scatter(&x, 0, &bad_idx, &v, Add::<i64>::new()),
            Err(Error::IndexOutOfRange {
                index: 4,
                axis: 0,
                size: 3,
                ..
            })
        ));
        assert!(Cpu::scatter(&x, 0, &arr(&[1], |_| 0), &arr(&[2, 4, 2], |_| 0), Add::<i64>::new()).is_err());
        assert!(Cpu::scatter(&x, 0, &arr(&[1, 1], |_| 0), &v, Add::<i64>::new()).is_err());
        // Large 1-D scatter-add with duplicates (bincount) and a wide one.
        let zeros = arr(&[10], |_| 0i64);
        let idx = arr(&[100_000], |i| (i % 10) as i64);
        let ones = arr(&[100_000], |_| 1i64);
        assert_eq!(
            Cpu::to_vec(&Cpu::scatter(&zeros, 0, &idx, &ones, Add::<i64>::new()).unwrap()).unwrap(),
            vec![10_000; 10]
        );
        let wide = arr(&[2, 40_000], |i| i as f64);
        let upd = arr(&[2, 40_000], |_| 1.0);
        let got = Cpu::scatter(&wide, 0, &arr(&[2], |i| [1, 1][i]), &upd, Add::<f64>::new()).unwrap();
        assert!(
            got.iter()
                .enumerate()
                .all(|(p, &v)| v == p as f64 + if p >= 40_000 { 2.0 } else { 0.0 })
        );
    }
}
