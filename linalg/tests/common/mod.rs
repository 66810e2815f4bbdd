//! Shared helpers of the `xp-linalg` integration tests: seeded random matrices, host-side
//! reference products, and tolerance checks that scale with precision and size.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use xp_core::policy::Policy;
use xp_core::{Array, Backend, Element, c32, c64};
use xp_linalg::{LinalgError, LinalgScalar};

/// Runs `f` with host kernels allowed (what the Strict backend needs).
pub fn allowed<R>(f: impl FnOnce() -> R) -> R {
    Policy::new().allow_host_transfer(true).run(f)
}

/// A small deterministic generator (xorshift).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// Uniform in [-1, 1).
    pub fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// Element types the tests generate.
pub trait TestScalar: LinalgScalar {
    fn random(r: &mut Rng) -> Self;
    fn from_parts(re: f64, im: f64) -> Self;
    fn eps() -> f64;
}

impl TestScalar for f64 {
    fn random(r: &mut Rng) -> Self {
        r.next()
    }
    fn from_parts(re: f64, _: f64) -> Self {
        re
    }
    fn eps() -> f64 {
        f64::EPSILON
    }
}
impl TestScalar for f32 {
    fn random(r: &mut Rng) -> Self {
        r.next() as f32
    }
    fn from_parts(re: f64, _: f64) -> Self {
        re as f32
    }
    fn eps() -> f64 {
        f32::EPSILON as f64
    }
}
impl TestScalar for c64 {
    fn random(r: &mut Rng) -> Self {
        c64::new(r.next(), r.next())
    }
    fn from_parts(re: f64, im: f64) -> Self {
        c64::new(re, im)
    }
    fn eps() -> f64 {
        f64::EPSILON
    }
}
impl TestScalar for c32 {
    fn random(r: &mut Rng) -> Self {
        c32::new(r.next() as f32, r.next() as f32)
    }
    fn from_parts(re: f64, im: f64) -> Self {
        c32::new(re as f32, im as f32)
    }
    fn eps() -> f64 {
        f32::EPSILON as f64
    }
}

/// A random array of `shape`.
pub fn random<T: TestScalar, B: Backend>(shape: &[usize], seed: u64) -> Array<T, B> {
    let mut r = Rng::new(seed);
    let n: usize = shape.iter().product();
    Array::from_vec((0..n).map(|_| T::random(&mut r)).collect(), shape).unwrap()
}

/// `a` (a stack of square matrices) plus `shift` on the diagonal.
pub fn shifted<T: TestScalar, B: Backend>(a: &Array<T, B>, shift: f64) -> Array<T, B> {
    let n = a.shape()[a.ndim() - 1];
    let eye = Array::<T, B>::eye(n, None, 0).unwrap();
    (a + &(eye * T::from_parts(shift, 0.0)).unwrap()).unwrap()
}

/// `a^H` over the last two axes.
pub fn adjoint<T: LinalgScalar, B: Backend>(a: &Array<T, B>) -> Array<T, B> {
    a.matrix_transpose().unwrap().conj().unwrap()
}

/// A Hermitian positive definite stack `a a^H + n I`.
pub fn spd<T: TestScalar, B: Backend>(batch: &[usize], n: usize, seed: u64) -> Array<T, B> {
    let mut shape = batch.to_vec();
    shape.extend([n, n]);
    let a = random::<T, B>(&shape, seed);
    shifted(&a.matmul(&adjoint(&a)).unwrap(), n as f64)
}

/// Max |x - y| relative to max(1, max |y|).
pub fn rel_err<T: Element, B1: Backend, B2: Backend>(x: &Array<T, B1>, y: &Array<T, B2>) -> f64 {
    assert_eq!(x.shape(), y.shape(), "shapes differ");
    let xv = x.to_vec().unwrap();
    let yv = y.to_vec().unwrap();
    let scale = yv.iter().map(|v| v.cast::<c64>().norm()).fold(1.0, f64::max);
    xv.iter()
        .zip(&yv)
        .map(|(a, b)| (a.cast::<c64>() - b.cast::<c64>()).norm())
        .fold(0.0, f64::max)
        / scale
}

/// Asserts `x ~ y` within `factor * eps(T)` relative to the size of `y`.
#[track_caller]
pub fn close<T: Element, B1: Backend, B2: Backend>(x: &Array<T, B1>, y: &Array<T, B2>, factor: f64) {
    let e = rel_err(x, y);
    let eps = if T::DTYPE.is_single_precision() {
        f32::EPSILON as f64
    } else {
        f64::EPSILON
    };
    let tol = factor * eps;
    assert!(
        e <= tol,
        "relative error {e:e} > {tol:e} ({} on {})",
        T::DTYPE,
        B1::NAME
    );
}

/// Asserts that a result is the expected error variant.
#[track_caller]
pub fn expect_err<T>(r: Result<T, LinalgError>, what: impl Fn(&LinalgError) -> bool) {
    match r {
        Ok(_) => panic!("expected an error, got Ok"),
        Err(e) => assert!(what(&e), "unexpected error: {e:?}"),
    }
}
