//! Element-wise kernels with broadcasting.
//!
//! Every operand is brought to row-major order (borrowed when it already is), then a [`Plan`]
//! merges the output dimensions wherever all operands allow it, so the work becomes rows of
//! `inner` elements along which each operand is either contiguous (stride 1) or repeated
//! (stride 0). Rows are written in parallel chunks of the output.

use std::borrow::Cow;

use ndarray::{ArcArray, IxDyn, ShapeBuilder};

use super::alloc::{self, Sink};
use super::{Arr, Cpu, from_shape_vec, gather_map, row_major};
use crate::backend::{ElementwiseOps, StorageOf};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::kernels::{Map1, Map2, Map3};
use crate::shape;

/// How `N` row-major operands map onto a broadcast output shape, with dimensions merged where
/// every operand allows it.
#[derive(Debug)]
pub(super) struct Plan<const N: usize> {
    /// Length of an output row (the merged innermost dimension); 1 for a single element.
    inner: usize,
    /// Element stride of each operand along a row (0: repeated, 1: contiguous).
    inner_strides: [usize; N],
    /// Sizes of the outer (merged) dimensions, outermost first.
    outer: Vec<usize>,
    /// Stride of each operand along each outer dimension.
    outer_strides: Vec<[usize; N]>,
}

impl<const N: usize> Plan<N> {
    /// Plans operands of `shapes` (each broadcastable to `out`, checked by the caller).
    pub(super) fn new(out: &[usize], shapes: [&[usize]; N]) -> Self {
        let rank = out.len();
        let strides: [Vec<usize>; N] = shapes.map(shape::c_strides);
        // Merged dimensions, innermost first: (size, stride of each operand).
        let mut dims: Vec<(usize, [usize; N])> = Vec::new();
        for (d, &size) in out.iter().enumerate().rev() {
            if size == 1 {
                continue;
            }
            let mut st = [0usize; N];
            for (k, s) in st.iter_mut().enumerate() {
                let (shape_k, strides_k) = (shapes[k], &strides[k]);
                let pad = rank.saturating_sub(shape_k.len());
                if d >= pad && shape_k.get(d - pad).is_some_and(|&n| n != 1) {
                    *s = strides_k.get(d - pad).copied().unwrap_or(0);
                }
            }
            if let Some((lsize, lst)) = dims.last_mut()
                && (0..N).all(|k| st[k] == lst[k].saturating_mul(*lsize))
            {
                *lsize = lsize.saturating_mul(size);
                continue;
            }
            dims.push((size, st));
        }
        let (inner, inner_strides) = if dims.is_empty() { (1, [0; N]) } else { dims.remove(0) };
        dims.reverse();
        Plan {
            inner,
            inner_strides,
            outer: dims.iter().map(|d| d.0).collect(),
            outer_strides: dims.iter().map(|d| d.1).collect(),
        }
    }

    /// Runs `seg(offsets, len, sink)` over every row segment of the output `0..n`, in parallel
    /// chunks; `offsets` are the operands' element offsets of the segment's first element.
    pub(super) fn run<O, F>(&self, n: usize, seg: F) -> Vec<O>
    where
        O: Element,
        F: Fn([usize; N], usize, &mut Sink<'_, O>) + Sync + Send,
    {
        let inner = self.inner.max(1);
        alloc::build(n, 1, 1, |start, sink| {
            let end = start + sink.remaining();
            let mut walker = Walker::at(self, start / inner);
            let mut col = start % inner;
            let mut pos = start;
            while pos < end {
                let len = (inner - col).min(end - pos);
                let mut offsets = walker.off;
                for (o, &s) in offsets.iter_mut().zip(&self.inner_strides) {
                    *o += col * s;
                }
                seg(offsets, len, sink);
                pos += len;
                col = 0;
                walker.next_row(self);
            }
        })
    }
}

/// Position of one output row: its multi-index over the outer dimensions and operand offsets.
struct Walker<const N: usize> {
    idx: Vec<usize>,
    off: [usize; N],
}

impl<const N: usize> Walker<N> {
    /// The walker at row `row` (row-major over the outer dimensions).
    fn at(plan: &Plan<N>, mut row: usize) -> Self {
        let mut idx = vec![0; plan.outer.len()];
        let mut off = [0usize; N];
        for ((i, &size), st) in idx.iter_mut().zip(&plan.outer).zip(&plan.outer_strides).rev() {
            let size = size.max(1);
            *i = row % size;
            row /= size;
            for (o, &s) in off.iter_mut().zip(st) {
                *o += *i * s;
            }
        }
        Walker { idx, off }
    }

    /// Moves to the next row (wrapping to row 0 after the last).
    #[inline]
    fn next_row(&mut self, plan: &Plan<N>) {
        for ((i, &size), st) in self.idx.iter_mut().zip(&plan.outer).zip(&plan.outer_strides).rev() {
            *i += 1;
            for (o, &s) in self.off.iter_mut().zip(st) {
                *o += s;
            }
            if *i < size {
                return;
            }
            for (o, &s) in self.off.iter_mut().zip(st) {
                *o -= size * s;
            }
            *i = 0;
        }
    }
}

/// `len` elements of `data` from `off` (empty if out of range, which a valid plan never is).
#[inline(always)]
fn seg_of<T>(data: &[T], off: usize, len: usize) -> &[T] {
    data.get(off..off.saturating_add(len)).unwrap_or_default()
}

/// The element at `off`.
#[inline(always)]
fn at<T: Element>(data: &[T], off: usize) -> T {
    data.get(off).copied().unwrap_or_default()
}

/// `len` elements of an operand with stride `stride` from `off`, borrowed when contiguous and
/// gathered into `scratch` otherwise.
#[inline(always)]
fn operand<'s, T: Element>(data: &'s [T], off: usize, stride: usize, len: usize, scratch: &'s mut Vec<T>) -> &'s [T] {
    if stride == 1 {
        return seg_of(data, off, len);
    }
    scratch.clear();
    scratch.extend((0..len).map(|j| at(data, off + j * stride)));
    scratch
}

/// The broadcast output shape and its size.
fn out_shape(function: &'static str, shapes: &[&[usize]]) -> Result<(Vec<usize>, usize)> {
    let out = shape::broadcast_shapes(function, shapes)?;
    let n = shape::checked_size(function, &out)?;
    Ok((out, n))
}

/// Same-layout arrays that are contiguous in memory with non-negative strides (for example
/// transposed arrays): their memory-order data and strides, so an output can keep that layout.
fn same_memory_order<'a, A: Element, B: Element>(
    a: &'a Arr<A>,
    b: &'a Arr<B>,
) -> Option<(&'a [A], &'a [B], Vec<usize>)> {
    if a.shape() != b.shape() || a.strides() != b.strides() || a.is_standard_layout() {
        return None;
    }
    let strides: Vec<usize> = a
        .strides()
        .iter()
        .map(|&s| usize::try_from(s).ok())
        .collect::<Option<_>>()?;
    Some((a.as_slice_memory_order()?, b.as_slice_memory_order()?, strides))
}

/// Wraps memory-order `data` with the given shape and strides.
fn with_strides<T: Element>(shape: &[usize], strides: Vec<usize>, data: Vec<T>) -> Option<Arr<T>> {
    ArcArray::from_shape_vec(IxDyn(shape).strides(IxDyn(&strides)), data).ok()
}

impl ElementwiseOps for Cpu {
    fn map1<K: Map1>(x: &StorageOf<Self, K::In>, k: K) -> Result<StorageOf<Self, K::Out>> {
        let n = x.len();
        let map_slice = |s: &[K::In]| {
            alloc::build(n, 1, 1, |start, sink| {
                let len = sink.remaining();
                sink.extend(seg_of(s, start, len).iter().map(|&v| k.apply(v)));
            })
        };
        if let Some(s) = x.as_slice() {
            return from_shape_vec(K::NAME, x.shape(), map_slice(s));
        }
        // Contiguous in another order (a transposed array): keep its layout.
        if let Some(s) = x.as_slice_memory_order()
            && let Some(strides) = x
                .strides()
                .iter()
                .map(|&s| usize::try_from(s).ok())
                .collect::<Option<Vec<_>>>()
            && let Some(out) = with_strides(x.shape(), strides, map_slice(s))
        {
            return Ok(out);
        }
        from_shape_vec(K::NAME, x.shape(), gather_map(x, |v| k.apply(v)))
    }

    fn map2<K: Map2>(a: &StorageOf<Self, K::A>, b: &StorageOf<Self, K::B>, k: K) -> Result<StorageOf<Self, K::Out>> {
        let (out, n) = out_shape(K::NAME, &[a.shape(), b.shape()])?;
        if let Some((sa, sb, strides)) = same_memory_order(a, b) {
            let data = alloc::build(n, 1, 1, |start, sink| {
                let len = sink.remaining();
                let (x, y) = (seg_of(sa, start, len), seg_of(sb, start, len));
                sink.extend(x.iter().zip(y).map(|(&x, &y)| k.apply(x, y)));
            });
            if let Some(out) = with_strides(&out, strides, data) {
                return Ok(out);
            }
        }
        let (da, db) = (row_major(a), row_major(b));
        let plan = Plan::new(&out, [a.shape(), b.shape()]);
        let (a, b): (&[K::A], &[K::B]) = (&da, &db);
        let data = match plan.inner_strides {
            [1, 1] => plan.run(n, |[oa, ob], len, sink| {
                let (x, y) = (seg_of(a, oa, len), seg_of(b, ob, len));
                sink.extend(x.iter().zip(y).map(|(&x, &y)| k.apply(x, y)));
            }),
            [1, 0] => plan.run(n, |[oa, ob], len, sink| {
                let y = at(b, ob);
                sink.extend(seg_of(a, oa, len).iter().map(|&x| k.apply(x, y)));
            }),
            [0, 1] => plan.run(n, |[oa, ob], len, sink| {
                let x = at(a, oa);
                sink.extend(seg_of(b, ob, len).iter().map(|&y| k.apply(x, y)));
            }),
            [0, 0] => plan.run(n, |[oa, ob], len, sink| sink.fill(k.apply(at(a, oa), at(b, ob)), len)),
            [sa, sb] => plan.run(n, |[oa, ob], len, sink| {
                sink.extend((0..len).map(|j| k.apply(at(a, oa + j * sa), at(b, ob + j * sb))));
            }),
        };
        from_shape_vec(K::NAME, &out, data)
    }

    fn map3<K: Map3>(
        a: &StorageOf<Self, K::A>,
        b: &StorageOf<Self, K::B>,
        c: &StorageOf<Self, K::C>,
        k: K,
    ) -> Result<StorageOf<Self, K::Out>> {
        let (out, n) = out_shape(K::NAME, &[a.shape(), b.shape(), c.shape()])?;
        let (da, db, dc) = (row_major(a), row_major(b), row_major(c));
        let plan = Plan::new(&out, [a.shape(), b.shape(), c.shape()]);
        let [sa, sb, sc] = plan.inner_strides;
        let data = plan.run(n, |[oa, ob, oc], len, sink| {
            let (mut ta, mut tb, mut tc) = (Vec::new(), Vec::new(), Vec::new());
            let x = operand(&da, oa, sa, len, &mut ta);
            let y = operand(&db, ob, sb, len, &mut tb);
            let z = operand(&dc, oc, sc, len, &mut tc);
            sink.extend(x.iter().zip(y).zip(z).map(|((&x, &y), &z)| k.apply(x, y, z)));
        });
        from_shape_vec(K::NAME, &out, data)
    }
}

/// `x` broadcast to `shape` as a new row-major array.
pub(super) fn broadcast_copy<T: Element>(x: &Arr<T>, shape_to: &[usize]) -> Result<Arr<T>> {
    const F: &str = "xp.broadcast_to";
    if !shape::can_broadcast_to(x.shape(), shape_to) {
        return Err(Error::Broadcast {
            function: F,
            lhs: x.shape().to_vec(),
            rhs: shape_to.to_vec(),
        });
    }
    let n = shape::checked_size(F, shape_to)?;
    let data: Cow<'_, [T]> = row_major(x);
    let plan = Plan::new(shape_to, [x.shape()]);
    let out = match plan.inner_strides {
        [1] => plan.run(n, |[o], len, sink| sink.extend(seg_of(&data, o, len).iter().copied())),
        [s] => plan.run(n, |[o], len, sink| {
            if s == 0 {
                sink.fill(at(&data, o), len);
            } else {
                sink.extend((0..len).map(|j| at(&data, o + j * s)));
            }
        }),
    };
    from_shape_vec(F, shape_to, out)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{Rng, arr, get, layouts, rand_f64, rand_i64, unravel};
    use super::*;
    use crate::kernels::binary::{Add, Less, Subtract, Where};
    use crate::kernels::unary::{Cast, Exp};

    /// The element of an operand of `shape` that broadcasting maps to output index `idx`.
    fn bidx(idx: &[usize], shape: &[usize]) -> Vec<usize> {
        let pad = idx.len() - shape.len();
        shape
            .iter()
            .enumerate()
            .map(|(d, &s)| if s == 1 { 0 } else { idx[d + pad] })
            .collect()
    }

    const SHAPES: &[&[usize]] = &[&[], &[0], &[1], &[7], &[3, 0, 2], &[4, 5], &[2, 3, 4], &[1, 6, 1]];

    #[test]
    fn map1_matches_a_loop_on_every_layout() {
        let mut rng = Rng::new(1);
        for &shape in SHAPES {
            let x = rand_f64(&mut rng, shape);
            for y in layouts(&x) {
                let out = Cpu::map1(&y, Exp::<f64>::new()).unwrap();
                assert_eq!(out.shape(), shape);
                for (o, &v) in out.iter().zip(x.iter()) {
                    assert_eq!(*o, v.exp());
                }
                let cast = Cpu::map1(&y, Cast::<f64, i32>::new()).unwrap();
                assert!(cast.iter().zip(x.iter()).all(|(&c, &v)| c == v as i32));
            }
        }
    }

    #[test]
    fn map2_broadcasts_like_numpy_on_every_layout() {
        let pairs: &[(&[usize], &[usize])] = &[
            (&[4, 5], &[4, 5]),
            (&[4, 5], &[5]),
            (&[4, 1], &[1, 5]),
            (&[], &[3, 2]),
            (&[2, 1, 3], &[4, 1]),
            (&[0, 3], &[1, 3]),
            (&[3, 1], &[3, 0]),
            (&[2, 3, 1], &[2, 1, 4]),
            (&[1], &[]),
        ];
        let mut rng = Rng::new(2);
        for &(sa, sb) in pairs {
            let a = rand_i64(&mut rng, sa, 50);
            let b = rand_i64(&mut rng, sb, 50);
            let out_shape = shape::broadcast_pair("t", sa, sb).unwrap();
            for x in layouts(&a) {
                for y in layouts(&b) {
                    for (p, q) in [(&x, &y), (&y, &x)] {
                        let out = Cpu::map2(p, q, Subtract::<i64>::new()).unwrap();
                        assert_eq!(out.shape(), out_shape.as_slice());
                        for (i, &o) in out.iter().enumerate() {
                            let idx = unravel(i, &out_shape);
                            let expect = get(p, &bidx(&idx, p.shape())) - get(q, &bidx(&idx, q.shape()));
                            assert_eq!(o, expect, "{sa:?} {sb:?} at {idx:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn map2_large_parallel_patterns() {
        let mut rng = Rng::new(3);
        for (sa, sb) in [
            (vec![300, 400], vec![400]),
            (vec![300, 400], vec![300, 1]),
            (vec![120_000], vec![120_000]),
        ] {
            let a = rand_f64(&mut rng, &sa);
            let b = rand_f64(&mut rng, &sb);
            let out = Cpu::map2(&a, &b, Add::<f64>::new()).unwrap();
            let lt = Cpu::map2(&a, &b, Less::<f64>::new()).unwrap();
            for (i, (&o, &l)) in out.iter().zip(lt.iter()).enumerate() {
                let idx = unravel(i, &sa);
                let (x, y) = (get(&a, &idx), get(&b, &bidx(&idx, &sb)));
                assert_eq!(o, x + y);
                assert_eq!(l, x < y);
            }
        }
        // Transposed operands with the same layout keep it.
        let a = rand_f64(&mut rng, &[200, 300]);
        let t = a.clone().reversed_axes();
        let out = Cpu::map2(&t, &t, Add::<f64>::new()).unwrap();
        assert!(out.iter().zip(t.iter()).all(|(&o, &v)| o == v + v));
    }

    #[test]
    fn map2_rejects_shapes_that_do_not_broadcast() {
        let a = arr(&[3], |i| i as f64);
        let b = arr(&[4], |i| i as f64);
        assert!(matches!(
            Cpu::map2(&a, &b, Add::<f64>::new()),
            Err(Error::Broadcast { .. })
        ));
        // Huge but empty shapes are fine.
        let c = arr(&[usize::MAX / 2, 0], |_| 0.0);
        let d = arr(&[1, 0], |_| 0.0);
        assert_eq!(
            Cpu::map2(&c, &d, Add::<f64>::new()).unwrap().shape(),
            &[usize::MAX / 2, 0]
        );
    }

    #[test]
    fn map3_where_broadcasts() {
        let mut rng = Rng::new(4);
        let cond = arr(&[3, 1, 4], |_| rng.below(2) == 0);
        let a = rand_f64(&mut rng, &[5, 4]);
        let b = rand_f64(&mut rng, &[]);
        for c in layouts(&cond) {
            for x in layouts(&a) {
                let out = Cpu::map3(&c, &x, &b, Where::<f64>::new()).unwrap();
                assert_eq!(out.shape(), &[3, 5, 4]);
                for (i, &o) in out.iter().enumerate() {
                    let idx = unravel(i, &[3, 5, 4]);
                    let expect = if get(&c, &bidx(&idx, &[3, 1, 4])) {
                        get(&x, &idx[1..])
                    } else {
                        b[IxDyn(&[])]
                    };
                    assert_eq!(o, expect);
                }
            }
        }
        let big = arr(&[70_000], |i| i % 3 == 0);
        let out = Cpu::map3(
            &big,
            &arr(&[1], |_| 1i32),
            &arr(&[70_000], |i| i as i32),
            Where::<i32>::new(),
        )
        .unwrap();
        assert!(
            out.iter()
                .enumerate()
                .all(|(i, &o)| o == if i % 3 == 0 { 1 } else { i as i32 })
        );
    }

    #[test]
    fn broadcast_copy_materialises() {
        let x = arr(&[3, 1], |i| i as u8);
        let out = broadcast_copy(&x, &[2, 3, 4]).unwrap();
        assert!(out.is_standard_layout());
        for (i, &o) in out.iter().enumerate() {
            assert_eq!(o, unravel(i, &[2, 3, 4])[1] as u8);
        }
        assert!(broadcast_copy(&x, &[2, 2]).is_err());
    }
}
