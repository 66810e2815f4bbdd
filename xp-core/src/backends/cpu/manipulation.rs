//! Shape manipulation. `reshape` of a standard-layout array, `permute`, `slice` and trivial
//! `broadcast_to` share storage with the input; everything else writes a new row-major array.

use ndarray::{Axis, IxDyn, Slice};

use super::elementwise::broadcast_copy;
use super::{Cpu, alloc, from_shape_vec, row_major, standard};
use crate::backend::{BackendTypes, ManipulationOps, StorageOf};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::shape::{self, AxisSlice};

impl ManipulationOps for Cpu {
    fn reshape<T: Element>(x: &StorageOf<Self, T>, shape_to: &[usize]) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.reshape";
        let n = shape::checked_size(F, shape_to)?;
        if n != x.len() {
            return Err(Error::shape(
                F,
                "shape",
                format!("a shape with {} elements like the input {:?}", x.len(), x.shape()),
                shape_to,
            ));
        }
        let base = standard(x);
        base.into_shape_with_order(IxDyn(shape_to)).map_err(|e| Error::Backend {
            function: F,
            backend: Cpu::NAME,
            message: e.to_string(),
        })
    }

    fn permute<T: Element>(x: &StorageOf<Self, T>, axes: &[usize]) -> Result<StorageOf<Self, T>> {
        let ndim = x.ndim();
        let mut seen = vec![false; ndim];
        let valid = axes.len() == ndim
            && axes.iter().all(|&a| match seen.get_mut(a) {
                Some(s) if !*s => {
                    *s = true;
                    true
                }
                _ => false,
            });
        if !valid {
            return Err(Error::invalid(
                "xp.permute_dims",
                "axes",
                axes,
                format!("must be a permutation of 0..{ndim}"),
            ));
        }
        Ok(x.clone().permuted_axes(IxDyn(axes)))
    }

    fn broadcast_to<T: Element>(x: &StorageOf<Self, T>, shape_to: &[usize]) -> Result<StorageOf<Self, T>> {
        if x.shape() == shape_to {
            return Ok(x.clone());
        }
        if shape::can_broadcast_to(x.shape(), shape_to) && shape::checked_size("xp.broadcast_to", shape_to)? == x.len()
        {
            // Only size-1 dimensions are added: a reshape.
            return Self::reshape(x, shape_to);
        }
        broadcast_copy(x, shape_to)
    }

    fn slice<T: Element>(x: &StorageOf<Self, T>, slices: &[AxisSlice]) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.slice";
        if slices.len() != x.ndim() {
            return Err(Error::invalid(
                F,
                "slices",
                slices.len(),
                format!("one slice per axis is needed ({} axes)", x.ndim()),
            ));
        }
        let mut out = x.clone();
        for (d, (s, &dim)) in slices.iter().zip(x.shape()).enumerate() {
            let sl = ndarray_slice(s, dim)
                .ok_or_else(|| Error::invalid(F, "slices", s, format!("is out of range for axis {d} of size {dim}")))?;
            out.slice_axis_inplace(Axis(d), sl);
        }
        Ok(out)
    }

    fn concat<T: Element>(xs: &[&StorageOf<Self, T>], axis: usize) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.concat";
        let first = xs
            .first()
            .ok_or_else(|| Error::invalid(F, "arrays", 0, "at least one array is needed"))?;
        let ndim = first.ndim();
        super::check_axis(F, axis, ndim)?;
        let mut total = 0usize;
        for x in xs {
            let same = x.ndim() == ndim
                && x.shape()
                    .iter()
                    .zip(first.shape())
                    .enumerate()
                    .all(|(d, (a, b))| d == axis || a == b);
            if !same {
                return Err(Error::shape(
                    F,
                    "arrays",
                    format!("the shape of the first array {:?} except on axis {axis}", first.shape()),
                    x.shape(),
                ));
            }
            total = total
                .checked_add(x.len_of(Axis(axis)))
                .ok_or_else(|| Error::SizeOverflow {
                    function: F,
                    shape: first.shape().to_vec(),
                })?;
        }
        let mut out_shape = first.shape().to_vec();
        if let Some(d) = out_shape.get_mut(axis) {
            *d = total;
        }
        let n = shape::checked_size(F, &out_shape)?;
        let (_, _, inner) = super::split_at_axis(&out_shape, axis);
        let datas: Vec<_> = xs.iter().map(|x| row_major(x)).collect();
        // Block of each input within one outer index, and where it starts in the output row.
        let blocks: Vec<usize> = xs.iter().map(|x| x.len_of(Axis(axis)) * inner).collect();
        let row = total * inner;
        let mut starts = Vec::with_capacity(blocks.len());
        let mut acc = 0usize;
        for &b in &blocks {
            starts.push(acc);
            acc += b;
        }
        let data = alloc::build(n, 1, 1, |start, sink| {
            let end = start + sink.remaining();
            let mut pos = start;
            while pos < end {
                let (o, w) = (pos / row.max(1), pos % row.max(1));
                // The input whose block holds `w` (the last one starting at or before it, non-empty).
                let i = starts
                    .iter()
                    .zip(&blocks)
                    .rposition(|(&s, &b)| s <= w && b > 0)
                    .unwrap_or(0);
                let (s, b) = (starts.get(i).copied().unwrap_or(0), blocks.get(i).copied().unwrap_or(0));
                let within = w - s;
                let len = (b - within).min(end - pos).max(1);
                let src: &[T] = datas.get(i).map(|d| d.as_ref()).unwrap_or_default();
                let from = o * b + within;
                sink.extend(src.get(from..from + len).unwrap_or_default().iter().copied());
                pos += len;
            }
        });
        from_shape_vec(F, &out_shape, data)
    }
}

/// The ndarray slice taking `s` from an axis of size `dim`, or `None` if it leaves the axis.
fn ndarray_slice(s: &AxisSlice, dim: usize) -> Option<Slice> {
    if s.len == 0 {
        return Some(Slice::new(0, Some(0), 1));
    }
    let start = isize::try_from(s.start).ok()?;
    let span = isize::try_from(s.len - 1).ok()?.checked_mul(s.step)?;
    let last = start.checked_add(span)?;
    let dim = isize::try_from(dim).ok()?;
    if s.step == 0 || start >= dim || last < 0 || last >= dim {
        return None;
    }
    Some(if s.step > 0 {
        Slice::new(start, Some(last + 1), s.step)
    } else {
        Slice::new(last, Some(start + 1), s.step)
    })
}

#[cfg(test)]
mod tests {
    use super::super::Arr;
    use super::super::testutil::{Rng, arr, get, layouts, rand_i64, unravel};
    use super::*;
    use crate::backend::TransferOps;

    #[test]
    fn reshape_keeps_row_major_order_on_every_layout() {
        let mut rng = Rng::new(20);
        let x = rand_i64(&mut rng, &[3, 4, 2], 100);
        let flat: Vec<i64> = x.iter().copied().collect();
        for y in layouts(&x) {
            for shape in [vec![24], vec![2, 12], vec![4, 3, 2, 1], vec![1, 24]] {
                let r = Cpu::reshape(&y, &shape).unwrap();
                assert_eq!(r.shape(), shape.as_slice());
                assert_eq!(Cpu::to_vec(&r).unwrap(), flat);
            }
            assert!(matches!(Cpu::reshape(&y, &[5, 5]), Err(Error::Shape { .. })));
        }
        // Zero-copy for standard layout.
        let r = Cpu::reshape(&x, &[24]).unwrap();
        assert_eq!(r.as_ptr(), x.as_ptr());
        let z = arr(&[0, 3], |_| 1u8);
        assert_eq!(Cpu::reshape(&z, &[3, 0, 5]).unwrap().shape(), &[3, 0, 5]);
        let s = arr(&[], |_| 7u8);
        assert_eq!(Cpu::to_vec(&Cpu::reshape(&s, &[1, 1]).unwrap()).unwrap(), vec![7]);
    }

    #[test]
    fn permute_and_broadcast() {
        let x = arr(&[2, 3, 4], |i| i as i32);
        let p = Cpu::permute(&x, &[2, 0, 1]).unwrap();
        assert_eq!(p.shape(), &[4, 2, 3]);
        for (i, &v) in Cpu::to_vec(&p).unwrap().iter().enumerate() {
            let idx = unravel(i, &[4, 2, 3]);
            assert_eq!(v, get(&x, &[idx[1], idx[2], idx[0]]));
        }
        assert!(Cpu::permute(&x, &[0, 0, 1]).is_err());
        assert!(Cpu::permute(&x, &[0, 1]).is_err());
        assert!(Cpu::permute(&x, &[0, 1, 3]).is_err());
        let b = Cpu::broadcast_to(&p, &[2, 4, 2, 3]).unwrap();
        for (i, &v) in Cpu::to_vec(&b).unwrap().iter().enumerate() {
            let idx = unravel(i, &[2, 4, 2, 3]);
            assert_eq!(v, get(&x, &[idx[2], idx[3], idx[1]]));
        }
        let c = Cpu::broadcast_to(&arr(&[3], |i| i as i32), &[1, 3]).unwrap();
        assert_eq!(Cpu::to_vec(&c).unwrap(), vec![0, 1, 2]);
        assert!(Cpu::broadcast_to(&x, &[3, 3, 4]).is_err());
        // Ops on a broadcast result read it correctly.
        let e = Cpu::broadcast_to(&arr(&[1], |_| 5i32), &[0, 2]).unwrap();
        assert_eq!(e.shape(), &[0, 2]);
    }

    #[test]
    fn slice_with_negative_steps() {
        let mut rng = Rng::new(21);
        let x = rand_i64(&mut rng, &[5, 6], 100);
        let cases = [
            [
                AxisSlice {
                    start: 4,
                    len: 3,
                    step: -2,
                },
                AxisSlice {
                    start: 1,
                    len: 2,
                    step: 3,
                },
            ],
            [
                AxisSlice {
                    start: 0,
                    len: 0,
                    step: 1,
                },
                AxisSlice::full(6),
            ],
            [
                AxisSlice {
                    start: 4,
                    len: 5,
                    step: -1,
                },
                AxisSlice {
                    start: 5,
                    len: 6,
                    step: -1,
                },
            ],
            [
                AxisSlice {
                    start: 2,
                    len: 1,
                    step: 7,
                },
                AxisSlice {
                    start: 5,
                    len: 2,
                    step: -5,
                },
            ],
        ];
        for y in layouts(&x) {
            for sl in &cases {
                let s = Cpu::slice(&y, sl).unwrap();
                assert_eq!(s.shape(), &[sl[0].len, sl[1].len]);
                for (i, &v) in Cpu::to_vec(&s).unwrap().iter().enumerate() {
                    let idx = unravel(i, &[sl[0].len, sl[1].len]);
                    assert_eq!(v, get(&x, &[sl[0].index(idx[0]), sl[1].index(idx[1])]));
                }
            }
            let bad = [
                AxisSlice {
                    start: 4,
                    len: 3,
                    step: 1,
                },
                AxisSlice::full(6),
            ];
            assert!(Cpu::slice(&y, &bad).is_err());
            let bad = [
                AxisSlice {
                    start: 1,
                    len: 3,
                    step: -1,
                },
                AxisSlice::full(6),
            ];
            assert!(Cpu::slice(&y, &bad).is_err());
            assert!(Cpu::slice(&y, &[AxisSlice::full(5)]).is_err());
        }
    }

    #[test]
    fn concat_along_each_axis() {
        let mut rng = Rng::new(22);
        for axis in 0..3 {
            let sizes = [2usize, 0, 3, 1];
            let parts: Vec<Arr<i64>> = sizes
                .iter()
                .map(|&s| {
                    let mut shape = vec![2, 3, 4];
                    shape[axis] = s;
                    rand_i64(&mut rng, &shape, 100)
                })
                .collect();
            let views: Vec<Arr<i64>> = parts.iter().map(|p| layouts(p).pop().unwrap()).collect();
            let refs: Vec<&Arr<i64>> = views.iter().collect();
            let out = Cpu::concat(&refs, axis).unwrap();
            let mut shape = vec![2, 3, 4];
            shape[axis] = 6;
            assert_eq!(out.shape(), shape.as_slice());
            for (i, &v) in Cpu::to_vec(&out).unwrap().iter().enumerate() {
                let mut idx = unravel(i, &shape);
                let mut k = 0;
                while idx[axis] >= sizes[k] {
                    idx[axis] -= sizes[k];
                    k += 1;
                }
                assert_eq!(v, get(&parts[k], &idx));
            }
        }
        let a = arr(&[2, 3], |i| i as u8);
        let b = arr(&[3, 3], |i| i as u8);
        assert!(Cpu::concat(&[&a, &b], 1).is_err());
        assert!(Cpu::concat(&[&a, &b], 2).is_err());
        assert!(Cpu::concat::<u8>(&[], 0).is_err());
        assert_eq!(Cpu::concat(&[&a, &b], 0).unwrap().shape(), &[5, 3]);
        let big = arr(&[100_000], |i| i as u8);
        let out = Cpu::concat(&[&big, &a.clone().into_shape_with_order(IxDyn(&[6])).unwrap(), &big], 0).unwrap();
        assert_eq!(out.len(), 200_006);
        assert!(out.iter().skip(100_006).enumerate().all(|(i, &v)| v == i as u8));
    }
}
