//! Helpers for the Cpu backend's unit tests: a tiny deterministic generator, layouts that are
//! not row-major, and naive multi-index helpers for reference loops.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use ndarray::{ArcArray, Axis, IxDyn, Slice};

use super::Arr;
use crate::element::Element;

/// xorshift64*: deterministic pseudo-random numbers.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub(super) fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [-1, 1).
    pub(super) fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
    /// Uniform in 0..n.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// A row-major array of `shape` with values `f(i)` for flat index `i`.
pub(super) fn arr<T: Element>(shape: &[usize], f: impl FnMut(usize) -> T) -> Arr<T> {
    let n: usize = shape.iter().product();
    ArcArray::from_shape_vec(IxDyn(shape), (0..n).map(f).collect()).unwrap()
}

/// Random f64 array with some exact duplicates (values on a grid of 1/8).
pub(super) fn rand_f64(rng: &mut Rng, shape: &[usize]) -> Arr<f64> {
    arr(shape, |_| {
        (rng.f64() * 8.0).round() / 8.0 + if rng.below(4) == 0 { 0.0 } else { rng.f64() * 1e-3 }
    })
}

/// Random i64 array in -r..r.
pub(super) fn rand_i64(rng: &mut Rng, shape: &[usize], r: i64) -> Arr<i64> {
    arr(shape, |_| rng.below((2 * r) as u64) as i64 - r)
}

/// Row-major multi-index of flat position `p` in `shape`.
pub(super) fn unravel(mut p: usize, shape: &[usize]) -> Vec<usize> {
    let mut idx = vec![0; shape.len()];
    for (i, &s) in idx.iter_mut().zip(shape).rev() {
        *i = p % s.max(1);
        p /= s.max(1);
    }
    idx
}

/// Element of `x` at a multi-index (through ndarray's checked indexing).
pub(super) fn get<T: Element>(x: &Arr<T>, idx: &[usize]) -> T {
    x[IxDyn(idx)]
}

/// The same values as `x` (shape `shape`) in other layouts: transposed twice (a permuted view),
/// reversed on every axis twice, and a strided slice of a bigger array.
pub(super) fn layouts<T: Element>(x: &Arr<T>) -> Vec<Arr<T>> {
    let mut out = vec![x.clone()];
    let nd = x.ndim();
    if nd >= 2 {
        // Store transposed data, view it transposed back.
        let rev: Vec<usize> = (0..nd).rev().collect();
        let t = x
            .view()
            .permuted_axes(IxDyn(&rev))
            .as_standard_layout()
            .into_owned()
            .into_shared();
        out.push(t.permuted_axes(IxDyn(&rev)));
    }
    if nd >= 1 {
        // Store reversed data, view it with negative steps.
        let mut r = x.to_owned();
        for d in 0..nd {
            r.invert_axis(Axis(d));
        }
        let mut r = r.as_standard_layout().into_owned().into_shared();
        for d in 0..nd {
            r.slice_axis_inplace(Axis(d), Slice::new(0, None, -1));
        }
        out.push(r);
        // Every other element of a twice-as-long last axis.
        let mut shape = x.shape().to_vec();
        let last = shape.len() - 1;
        shape[last] *= 2;
        let mut big = ndarray::ArrayD::<T>::default(IxDyn(&shape));
        big.slice_axis_mut(Axis(last), Slice::new(0, None, 2)).assign(x);
        let mut s = big.into_shared();
        s.slice_axis_inplace(Axis(last), Slice::new(0, None, 2));
        out.push(s);
    }
    for y in &out {
        // Compared through Debug so NaN equals NaN.
        assert_eq!(y.shape(), x.shape());
        assert_eq!(
            format!("{:?}", y.iter().collect::<Vec<_>>()),
            format!("{:?}", x.iter().collect::<Vec<_>>())
        );
    }
    out
}
