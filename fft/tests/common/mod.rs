//! Shared test helpers: an independent naive DFT (and DCT/DST) reference, random data, and
//! tolerance checks scaled by precision and size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::f64::consts::PI;

use xp_core::{Array, Backend, Element, c32, c64};

/// A small deterministic generator (xorshift64*), values in [-1, 1).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let v = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (v >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    pub fn reals(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| self.next()).collect()
    }
    pub fn complexes(&mut self, n: usize) -> Vec<c64> {
        (0..n).map(|_| c64::new(self.next(), self.next())).collect()
    }
}

/// `sum_j x[j] exp(sign 2 pi i j k / n)` for every `k`, angles reduced exactly.
pub fn dft(x: &[c64], sign: f64) -> Vec<c64> {
    let n = x.len();
    (0..n)
        .map(|k| {
            x.iter()
                .enumerate()
                .map(|(j, &v)| {
                    let r = ((j as u128 * k as u128) % n as u128) as f64;
                    let a = sign * 2.0 * PI * r / n as f64;
                    v * c64::new(a.cos(), a.sin())
                })
                .sum()
        })
        .collect()
}

/// Applies `f` to every line along `axis` of row-major `data` of `shape`; `f` may change the
/// line length (the output shape has the new length on `axis`).
pub fn along<T: Copy + Default, U: Copy + Default>(
    data: &[T],
    shape: &[usize],
    axis: usize,
    f: impl Fn(&[T]) -> Vec<U>,
) -> (Vec<U>, Vec<usize>) {
    let outer: usize = shape[..axis].iter().product();
    let n = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    let mut out_shape = shape.to_vec();
    let mut out: Vec<U> = Vec::new();
    let mut m = None;
    for o in 0..outer {
        for i in 0..inner {
            let line: Vec<T> = (0..n).map(|r| data[o * n * inner + r * inner + i]).collect();
            let y = f(&line);
            let len = *m.get_or_insert(y.len());
            if out.is_empty() {
                out = vec![U::default(); outer * len * inner];
            }
            for (r, v) in y.into_iter().enumerate() {
                out[o * len * inner + r * inner + i] = v;
            }
        }
    }
    out_shape[axis] = m.unwrap_or(n);
    if out.is_empty() {
        out = vec![U::default(); out_shape.iter().product()];
    }
    (out, out_shape)
}

/// Naive N-D DFT over `axes` (each line transformed by [`dft`]).
pub fn dftn(data: &[c64], shape: &[usize], axes: &[usize], sign: f64) -> Vec<c64> {
    let mut d = data.to_vec();
    for &a in axes {
        d = along(&d, shape, a, |l| dft(l, sign)).0;
    }
    d
}

/// Crops or zero-pads `data` of `shape` to `len` along `axis`.
pub fn resize<T: Copy + Default>(data: &[T], shape: &[usize], axis: usize, len: usize) -> (Vec<T>, Vec<usize>) {
    along(data, shape, axis, |l| {
        (0..len).map(|i| l.get(i).copied().unwrap_or_default()).collect()
    })
}

/// Converts reference values to an element type of the array under test.
pub trait FromC64: Element {
    fn from_c64(v: c64) -> Self;
    fn from_f64(v: f64) -> Self {
        Self::from_c64(c64::new(v, 0.0))
    }
    fn to_c64(self) -> c64;
    /// Machine epsilon of the precision.
    const EPS: f64;
}
impl FromC64 for f64 {
    fn from_c64(v: c64) -> Self {
        v.re
    }
    fn to_c64(self) -> c64 {
        c64::new(self, 0.0)
    }
    const EPS: f64 = f64::EPSILON;
}
impl FromC64 for f32 {
    fn from_c64(v: c64) -> Self {
        v.re as f32
    }
    fn to_c64(self) -> c64 {
        c64::new(self as f64, 0.0)
    }
    const EPS: f64 = f32::EPSILON as f64;
}
impl FromC64 for c64 {
    fn from_c64(v: c64) -> Self {
        v
    }
    fn to_c64(self) -> c64 {
        self
    }
    const EPS: f64 = f64::EPSILON;
}
impl FromC64 for c32 {
    fn from_c64(v: c64) -> Self {
        c32::new(v.re as f32, v.im as f32)
    }
    fn to_c64(self) -> c64 {
        c64::new(self.re as f64, self.im as f64)
    }
    const EPS: f64 = f32::EPSILON as f64;
}

/// An array of `T` on `B` from reference values.
pub fn array<T: FromC64, B: Backend>(values: &[c64], shape: &[usize]) -> Array<T, B> {
    Array::<T, B>::from_vec(values.iter().map(|&v| T::from_c64(v)).collect(), shape).unwrap()
}

/// The values an array of `T` holds, as `c64` (so references see exactly what was stored).
pub fn stored<T: FromC64>(values: &[c64]) -> Vec<c64> {
    values.iter().map(|&v| T::from_c64(v).to_c64()).collect()
}

/// Asserts shape and values: `|a - e| <= tol * eps * (max|e| + 1)` element-wise, where `tol`
/// scales with the problem (the caller passes about `log2(n)`-proportional factors).
#[track_caller]
pub fn check<T: FromC64, B: Backend>(actual: &Array<T, B>, expected: &[c64], shape: &[usize], tol: f64, what: &str) {
    assert_eq!(actual.shape(), shape, "{what}: shape on {}", B::NAME);
    let got = actual.to_vec().unwrap();
    assert_eq!(got.len(), expected.len(), "{what}: length");
    let scale = expected.iter().map(|v| v.norm()).fold(0.0f64, f64::max) + 1.0;
    let bound = tol * T::EPS * scale;
    let mut worst = (0usize, 0.0f64);
    for (i, (a, e)) in got.iter().zip(expected).enumerate() {
        let d = (a.to_c64() - e).norm();
        let within = d <= bound;
        let unchecked = e.re.is_nan() || e.im.is_nan();
        if !within && !unchecked {
            worst = if d > worst.1 || d.is_nan() { (i, d) } else { worst };
        }
    }
    if worst.1 > 0.0 || worst.1.is_nan() {
        let (i, d) = worst;
        panic!(
            "{what} on {} ({}): element {i} differs by {d:e} > {bound:e}: got {:?}, expected {:?}",
            B::NAME,
            T::DTYPE,
            got[i],
            expected[i]
        );
    }
}

/// A tolerance factor for transforms of total length `n`.
pub fn tol_for(n: usize) -> f64 {
    16.0 * ((n.max(2)) as f64).log2() + 16.0
}
