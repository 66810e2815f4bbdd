//! Reductions over axes and inclusive scans along one axis.
//!
//! The input is viewed as `(outer, reduced, inner)` in row-major order: directly when it is in
//! standard layout and the reduced axes are adjacent, otherwise after copying it with the reduced
//! axes moved to the end (then `inner == 1`). With `inner == 1` each output folds one contiguous
//! row (long rows are split into parallel chunks merged with [`Reducer::combine`]); with
//! `inner > 1` each output row accumulates whole input rows.

use std::borrow::Cow;

use rayon::prelude::*;

use super::{Arr, Cpu, alloc, check_axis, check_sorted_axes, from_shape_vec, gather_map, row_major, split_at_axis};
use crate::backend::{ReductionOps, StorageOf};
use crate::element::Element;
use crate::error::Result;
use crate::kernels::Reducer;
use crate::shape;

/// Folds `xs`, whose first element sits at reduced position `base`. Four contiguous quarters are
/// folded side by side (independent dependency chains) and combined in order.
#[inline]
fn fold_slice<R: Reducer>(r: &R, xs: &[R::In], base: usize) -> R::Acc {
    const SMALL: usize = 64;
    if xs.len() < SMALL {
        return xs
            .iter()
            .enumerate()
            .fold(r.init(), |acc, (i, &x)| r.fold(acc, x, base + i));
    }
    let q = xs.len() / 4;
    let (b0, rest) = xs.split_at(q);
    let (b1, rest) = rest.split_at(q);
    let (b2, b3) = rest.split_at(q);
    let (mut a0, mut a1, mut a2, mut a3) = (r.init(), r.init(), r.init(), r.init());
    for (t, (((&x0, &x1), &x2), &x3)) in b0.iter().zip(b1).zip(b2).zip(b3).enumerate() {
        let i = base + t;
        a0 = r.fold(a0, x0, i);
        a1 = r.fold(a1, x1, i + q);
        a2 = r.fold(a2, x2, i + 2 * q);
        a3 = r.fold(a3, x3, i + 3 * q);
    }
    for (t, &x) in b3.iter().enumerate().skip(q) {
        a3 = r.fold(a3, x, base + 3 * q + t);
    }
    r.combine(r.combine(a0, a1), r.combine(a2, a3))
}

/// Folds a long row in parallel chunks, combining the partial results in order.
fn fold_row_parallel<R: Reducer>(r: &R, xs: &[R::In]) -> R::Acc {
    let threads = rayon::current_num_threads();
    let chunk = alloc::chunk_len(xs.len(), 1, 1, threads);
    let parts: Vec<R::Acc> = xs
        .par_chunks(chunk)
        .enumerate()
        .map(|(i, c)| fold_slice(r, c, i * chunk))
        .collect();
    parts.into_iter().fold(r.init(), |a, b| r.combine(a, b))
}

/// The input as `(outer, reduced, inner)` row-major data.
fn reduction_view<'a, T: Element>(x: &'a Arr<T>, axes: &[usize]) -> (Cow<'a, [T]>, usize, usize, usize) {
    let shape = x.shape();
    let adjacent = axes.windows(2).all(|w| w.first().map(|&a| a + 1) == w.get(1).copied());
    if let (true, Some(&a0), Some(&a1)) = (adjacent, axes.first(), axes.last()) {
        let outer = shape::size_of(shape.get(..a0).unwrap_or_default());
        let red = shape::size_of(shape.get(a0..=a1).unwrap_or_default());
        let inner = shape::size_of(shape.get(a1 + 1..).unwrap_or_default());
        return (row_major(x), outer, red, inner);
    }
    // Move the reduced axes to the end (keeping their order), then copy to row-major order.
    let kept: Vec<usize> = (0..shape.len()).filter(|a| !axes.contains(a)).collect();
    let order: Vec<usize> = kept.iter().chain(axes).copied().collect();
    let moved = x.view().permuted_axes(ndarray::IxDyn(&order));
    let outer = kept.iter().map(|&a| shape.get(a).copied().unwrap_or(1)).product();
    let red = axes.iter().map(|&a| shape.get(a).copied().unwrap_or(1)).product();
    (Cow::Owned(gather_map(&moved, |v| v)), outer, red, 1)
}

/// Inclusive scan of a few long rows in parallel: fold fixed blocks of each row into partial
/// accumulators first, then every output chunk starts from the combined partials before it.
fn scan_long_rows<R: Reducer>(r: &R, xs: &[R::In], outer: usize, n: usize) -> Vec<R::Out> {
    const BLOCK: usize = 4096;
    let row = |o: usize| xs.get(o * n..(o + 1) * n).unwrap_or_default();
    let partials: Vec<Vec<R::Acc>> = (0..outer)
        .map(|o| {
            row(o)
                .par_chunks(BLOCK)
                .enumerate()
                .map(|(b, c)| fold_slice(r, c, b * BLOCK))
                .collect()
        })
        .collect();
    alloc::build(outer * n, 1, 1, |start, sink| {
        let end = start + sink.remaining();
        let mut pos = start;
        while pos < end {
            let (o, i0) = (pos / n, pos % n);
            let len = (n - i0).min(end - pos);
            let xs = row(o);
            let b = i0 / BLOCK;
            let parts = partials.get(o).and_then(|p| p.get(..b)).unwrap_or_default();
            let mut acc = parts.iter().fold(r.init(), |a, &p| r.combine(a, p));
            for (i, &v) in xs.iter().enumerate().take(i0).skip(b * BLOCK) {
                acc = r.fold(acc, v, i);
            }
            let seg = xs.get(i0..i0 + len).unwrap_or_default();
            sink.extend(seg.iter().enumerate().map(|(t, &v)| {
                acc = r.fold(acc, v, i0 + t);
                r.finish(acc, i0 + t + 1)
            }));
            pos += len;
        }
    })
}

impl ReductionOps for Cpu {
    fn reduce<R: Reducer>(x: &StorageOf<Self, R::In>, axes: &[usize], r: R) -> Result<StorageOf<Self, R::Out>> {
        check_sorted_axes(R::NAME, axes, x.ndim())?;
        let out_shape: Vec<usize> = (0..x.ndim())
            .filter(|a| !axes.contains(a))
            .filter_map(|a| x.shape().get(a).copied())
            .collect();
        if axes.is_empty() {
            let data = gather_map(x, |v| r.finish(r.fold(r.init(), v, 0), 1));
            return from_shape_vec(R::NAME, &out_shape, data);
        }
        let (data, outer, red, inner) = reduction_view(x, axes);
        let n_out = outer * inner;
        let xs: &[R::In] = &data;
        let out = if red == 0 {
            let empty = r.finish(r.init(), 0);
            alloc::build(n_out, 1, 1, |_, sink| sink.fill(empty, sink.remaining()))
        } else if inner == 1 {
            let threads = rayon::current_num_threads();
            if n_out < threads * 2 && alloc::parallel(red) {
                // Few long rows: parallel within each row.
                (0..n_out)
                    .map(|o| {
                        let row = xs.get(o * red..(o + 1) * red).unwrap_or_default();
                        r.finish(fold_row_parallel(&r, row), red)
                    })
                    .collect()
            } else {
                alloc::build(n_out, 1, red, |start, sink| {
                    let len = sink.remaining();
                    for o in start..start + len {
                        let row = xs.get(o * red..(o + 1) * red).unwrap_or_default();
                        sink.push(r.finish(fold_slice(&r, row, 0), red));
                    }
                })
            }
        } else if outer == 1 && inner < 4096 && alloc::parallel(red.saturating_mul(inner)) {
            // One short output row, many input rows (axis 0 of a tall matrix): fold blocks of
            // rows in parallel and combine the row accumulators in order.
            let rows_per = alloc::chunk_len(red, 1, inner, rayon::current_num_threads());
            let parts: Vec<Vec<R::Acc>> = xs
                .par_chunks(rows_per * inner)
                .enumerate()
                .map(|(c, block)| {
                    let mut acc = vec![r.init(); inner];
                    for (k, row) in block.chunks(inner).enumerate() {
                        for (a, &v) in acc.iter_mut().zip(row) {
                            *a = r.fold(*a, v, c * rows_per + k);
                        }
                    }
                    acc
                })
                .collect();
            let mut acc = vec![r.init(); inner];
            for part in parts {
                for (a, p) in acc.iter_mut().zip(part) {
                    *a = r.combine(*a, p);
                }
            }
            acc.into_iter().map(|a| r.finish(a, red)).collect()
        } else {
            // Accumulate whole rows: output chunk [start, end) covers columns of one or more
            // outer blocks; each block's column range folds `red` contiguous row segments.
            alloc::build(n_out, 1, red, |start, sink| {
                let end = start + sink.remaining();
                let mut pos = start;
                let mut acc = Vec::new();
                while pos < end {
                    let (o, c0) = (pos / inner, pos % inner);
                    let len = (inner - c0).min(end - pos);
                    acc.clear();
                    acc.resize(len, r.init());
                    for k in 0..red {
                        let from = (o * red + k) * inner + c0;
                        let row = xs.get(from..from + len).unwrap_or_default();
                        for (a, &v) in acc.iter_mut().zip(row) {
                            *a = r.fold(*a, v, k);
                        }
                    }
                    sink.extend(acc.iter().map(|&a| r.finish(a, red)));
                    pos += len;
                }
            })
        };
        from_shape_vec(R::NAME, &out_shape, out)
    }

    fn scan<R: Reducer>(x: &StorageOf<Self, R::In>, axis: usize, r: R) -> Result<StorageOf<Self, R::Out>> {
        check_axis(R::NAME, axis, x.ndim())?;
        let data = row_major(x);
        let xs: &[R::In] = &data;
        let (_, n, inner) = split_at_axis(x.shape(), axis);
        let total = x.len();
        let block = n * inner;
        let (outer, _, _) = split_at_axis(x.shape(), axis);
        let out = if inner == 1 && outer < rayon::current_num_threads() * 2 && alloc::parallel(n) {
            scan_long_rows(&r, xs, outer, n)
        } else if inner == 1 {
            alloc::build(total, n.max(1), 1, |start, sink| {
                let len = sink.remaining();
                let rows = xs.get(start..start + len).unwrap_or_default();
                for row in rows.chunks(n.max(1)) {
                    let mut acc = r.init();
                    sink.extend(row.iter().enumerate().map(|(i, &v)| {
                        acc = r.fold(acc, v, i);
                        r.finish(acc, i + 1)
                    }));
                }
            })
        } else {
            alloc::build(total, block.max(1), 1, |start, sink| {
                let len = sink.remaining();
                let blocks = xs.get(start..start + len).unwrap_or_default();
                let mut acc = Vec::with_capacity(inner);
                for b in blocks.chunks(block.max(1)) {
                    acc.clear();
                    acc.resize(inner, r.init());
                    for (i, row) in b.chunks(inner).enumerate() {
                        sink.extend(acc.iter_mut().zip(row).map(|(a, &v)| {
                            *a = r.fold(*a, v, i);
                            r.finish(*a, i + 1)
                        }));
                    }
                }
            })
        };
        from_shape_vec(R::NAME, x.shape(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{Rng, arr, get, layouts, rand_f64, rand_i64, unravel};
    use super::*;
    use crate::kernels::reduce::{ArgMax, ArgMin, Max, Sum};
    use ndarray::IxDyn;

    /// A reducer that checks the contract: folds see consecutive indices from the start of
    /// their range, combines join adjacent ranges in order. Output: the number of elements if all
    /// was in order, -1 otherwise; values are summed into the check so they are read.
    #[derive(Clone, Copy, Debug)]
    struct InOrder;
    impl Reducer for InOrder {
        type In = i64;
        type Acc = (usize, usize, bool, i64);
        type Out = i64;
        const NAME: &'static str = "in_order";
        fn init(&self) -> Self::Acc {
            (usize::MAX, usize::MAX, true, 0)
        }
        fn fold(&self, (lo, hi, ok, s): Self::Acc, x: i64, index: usize) -> Self::Acc {
            if lo == usize::MAX {
                (index, index + 1, ok, s + x)
            } else {
                (lo, hi + 1, ok && hi == index, s + x)
            }
        }
        fn combine(&self, a: Self::Acc, b: Self::Acc) -> Self::Acc {
            if a.0 == usize::MAX {
                return b;
            }
            if b.0 == usize::MAX {
                return a;
            }
            (a.0, b.1, a.2 && b.2 && a.1 == b.0, a.3 + b.3)
        }
        fn finish(&self, a: Self::Acc, count: usize) -> i64 {
            let ok = a.2 && (count == 0 || (a.0 == 0 && a.1 == count));
            if ok { a.3 } else { -1 }
        }
    }

    /// Naive reduction: for each output index, the reduced positions in row-major order.
    fn naive<T: Element, A: Copy, O>(
        x: &Arr<T>,
        axes: &[usize],
        init: A,
        fold: impl Fn(A, T, usize) -> A,
        finish: impl Fn(A, usize) -> O,
    ) -> (Vec<usize>, Vec<O>) {
        let shape = x.shape();
        let kept: Vec<usize> = (0..shape.len()).filter(|a| !axes.contains(a)).collect();
        let out_shape: Vec<usize> = kept.iter().map(|&a| shape[a]).collect();
        let red_shape: Vec<usize> = axes.iter().map(|&a| shape[a]).collect();
        let n_out: usize = out_shape.iter().product();
        let n_red: usize = red_shape.iter().product();
        let mut out = Vec::new();
        for o in 0..n_out {
            let oi = unravel(o, &out_shape);
            let mut acc = init;
            for r in 0..n_red {
                let ri = unravel(r, &red_shape);
                let mut idx = vec![0; shape.len()];
                for (k, &a) in kept.iter().enumerate() {
                    idx[a] = oi[k];
                }
                for (k, &a) in axes.iter().enumerate() {
                    idx[a] = ri[k];
                }
                acc = fold(acc, get(x, &idx), r);
            }
            out.push(finish(acc, n_red));
        }
        (out_shape, out)
    }

    fn subsets(ndim: usize) -> Vec<Vec<usize>> {
        (0..1usize << ndim)
            .map(|m| (0..ndim).filter(|a| m >> a & 1 == 1).collect())
            .collect()
    }

    #[test]
    fn reduce_matches_a_loop_over_every_axis_set_and_layout() {
        let mut rng = Rng::new(10);
        for shape in [
            vec![],
            vec![5],
            vec![3, 4],
            vec![2, 3, 4],
            vec![2, 0, 3],
            vec![70, 1, 50],
        ] {
            let xi = rand_i64(&mut rng, &shape, 9);
            let xf = rand_f64(&mut rng, &shape);
            for axes in subsets(shape.len()) {
                let (os, sum) = naive(&xi, &axes, 0i64, |a, v, _| a + v, |a, _| a);
                let (_, amax) = naive(
                    &xf,
                    &axes,
                    (f64::NEG_INFINITY, 0i64),
                    |a, v, i| if v > a.0 { (v, i as i64) } else { a },
                    |a, _| a.1,
                );
                for x in layouts(&xi) {
                    let got = Cpu::reduce(&x, &axes, Sum::<i64>::new()).unwrap();
                    assert_eq!(got.shape(), os.as_slice(), "{shape:?} {axes:?}");
                    assert_eq!(got.iter().copied().collect::<Vec<_>>(), sum, "{shape:?} {axes:?}");
                    let order = Cpu::reduce(&x, &axes, InOrder).unwrap();
                    assert_eq!(
                        order.iter().copied().collect::<Vec<_>>(),
                        sum,
                        "order {shape:?} {axes:?}"
                    );
                }
                for x in layouts(&xf) {
                    let got = Cpu::reduce(&x, &axes, ArgMax::<f64>::new()).unwrap();
                    if shape.iter().product::<usize>() > 0 {
                        assert_eq!(got.iter().copied().collect::<Vec<_>>(), amax, "{shape:?} {axes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn reduce_large_paths_keep_the_contract() {
        let mut rng = Rng::new(11);
        // One long row, few long rows, many rows, row accumulation with big inner.
        for (shape, axes) in [
            (vec![200_000], vec![0]),
            (vec![3, 70_000], vec![1]),
            (vec![5000, 40], vec![1]),
            (vec![300, 400], vec![0]),
            (vec![100_000, 3], vec![0]),
            (vec![2, 300, 200], vec![1]),
            (vec![40, 30, 50], vec![0, 2]),
        ] {
            let x = rand_i64(&mut rng, &shape, 1000);
            let (_, sum) = naive(&x, &axes, 0i64, |a, v, _| a + v, |a, _| a);
            let got = Cpu::reduce(&x, &axes, InOrder).unwrap();
            assert_eq!(got.iter().copied().collect::<Vec<_>>(), sum, "{shape:?} {axes:?}");
            let xf = x.mapv(|v| v as f64).into_shared();
            let s = Cpu::reduce(&xf, &axes, Sum::<f64>::new()).unwrap();
            assert!(s.iter().zip(&sum).all(|(&a, &b)| a == b as f64));
            let m = Cpu::reduce(&xf, &axes, ArgMin::<f64>::new()).unwrap();
            let (_, am) = naive(
                &xf,
                &axes,
                (f64::INFINITY, 0i64),
                |a, v, i| if v < a.0 { (v, i as i64) } else { a },
                |a, _| a.1,
            );
            assert_eq!(m.iter().copied().collect::<Vec<_>>(), am);
        }
    }

    #[test]
    fn reduce_edge_cases() {
        // Empty axes: every element through init/fold/finish.
        let x = arr(&[2, 3], |i| i as i64 - 2);
        let got = Cpu::reduce(&x, &[], InOrder).unwrap();
        assert_eq!(got, x);
        let s = arr(&[], |_| 4.5f64);
        assert_eq!(Cpu::reduce(&s, &[], Max::<f64>::new()).unwrap()[IxDyn(&[])], 4.5);
        // Reducing a zero-size axis gives finish(init, 0).
        let e = arr(&[2, 0, 3], |_| 1.0f64);
        let got = Cpu::reduce(&e, &[1], Sum::<f64>::new()).unwrap();
        assert_eq!(got.shape(), &[2, 3]);
        assert!(got.iter().all(|&v| v == 0.0));
        let got = Cpu::reduce(&e, &[0, 2], Max::<f64>::new()).unwrap();
        assert_eq!(got.shape(), &[0]);
        // NaN propagates through max.
        let n = arr(&[4], |i| if i == 2 { f64::NAN } else { i as f64 });
        assert!(Cpu::reduce(&n, &[0], Max::<f64>::new()).unwrap()[IxDyn(&[])].is_nan());
        // Bad axes are errors.
        assert!(Cpu::reduce(&x, &[1, 0], Sum::<i64>::new()).is_err());
        assert!(Cpu::reduce(&x, &[2], Sum::<i64>::new()).is_err());
        assert!(Cpu::scan(&x, 2, Sum::<i64>::new()).is_err());
    }

    #[test]
    fn scan_matches_a_loop() {
        let mut rng = Rng::new(12);
        for shape in [
            vec![5],
            vec![3, 4],
            vec![2, 3, 4],
            vec![2, 0, 3],
            vec![4, 60_000],
            vec![60_000, 2],
        ] {
            let x = rand_i64(&mut rng, &shape, 9);
            for axis in 0..shape.len() {
                // Running sums: each element adds its predecessor along the axis.
                let stride: usize = shape[axis + 1..].iter().product();
                let mut expect = vec![0i64; x.len()];
                for p in 0..x.len() {
                    let idx = unravel(p, &shape);
                    expect[p] = get(&x, &idx) + if idx[axis] > 0 { expect[p - stride] } else { 0 };
                }
                let views = if x.len() < 1000 { layouts(&x) } else { vec![x.clone()] };
                for y in views {
                    let got = Cpu::scan(&y, axis, Sum::<i64>::new()).unwrap();
                    assert_eq!(got.shape(), shape.as_slice());
                    assert_eq!(got.iter().copied().collect::<Vec<_>>(), expect, "{shape:?} axis {axis}");
                    let order = Cpu::scan(&y, axis, InOrder).unwrap();
                    assert_eq!(order.iter().copied().collect::<Vec<_>>(), expect);
                }
            }
        }
    }
}
