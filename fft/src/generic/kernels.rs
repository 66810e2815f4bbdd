//! Element-wise kernels of the generic path: twiddle factors, chirps, phases and weights, each
//! computed on the backend from integer indices (`arange`), so no table crosses the host
//! boundary. Angles are reduced exactly in integer arithmetic before the `f64` `sin`/`cos`, so
//! every factor is correctly rounded to about one ulp whatever the length.

use std::f64::consts::PI;
use std::marker::PhantomData;

use xp_core::kernels::{Map1, Map2};

use crate::element::FftReal;

/// `exp(i * sign * pi * num / den)` for an integer `num`, reduced modulo `2 den` first.
#[inline(always)]
fn unit<R: FftReal>(sign: f64, num: i128, den: i128) -> R::Complex {
    let r = num.rem_euclid(2 * den);
    let angle = sign * PI * (r as f64) / (den as f64);
    R::complex_from_f64(angle.cos(), angle.sin())
}

/// The twiddle factor `exp(sign * 2 pi i * (a * b) / n)` of two index arrays (an outer product
/// when they broadcast as a column and a row).
#[derive(Debug)]
pub(crate) struct Twiddle<R> {
    /// Transform length.
    pub n: i64,
    /// `-1.0` (forward) or `+1.0` (inverse).
    pub sign: f64,
    _r: PhantomData<fn() -> R>,
}

impl<R> Twiddle<R> {
    pub(crate) fn new(n: usize, sign: f64) -> Self {
        Twiddle {
            n: n as i64,
            sign,
            _r: PhantomData,
        }
    }
}

impl<R> Clone for Twiddle<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for Twiddle<R> {}

impl<R: FftReal> Map2 for Twiddle<R> {
    type A = i64;
    type B = i64;
    type Out = R::Complex;
    const NAME: &'static str = "fft.twiddle";
    #[inline(always)]
    fn apply(&self, a: i64, b: i64) -> R::Complex {
        // exp(sign 2 pi i ab / n) = exp(sign pi i (2ab) / n)
        unit::<R>(self.sign, 2 * (a as i128) * (b as i128), self.n as i128)
    }
}

/// `exp(sign * i * pi * (mul * k^2 + lin * k + add) / den)` of an index `k`: the chirps of
/// Bluestein's algorithm (`mul = 1`) and the pre- and post-twiddles of the trigonometric
/// transforms (`mul = 0`).
#[derive(Debug)]
pub(crate) struct Phase<R> {
    /// Coefficient of `k^2`.
    pub mul: i64,
    /// Coefficient of `k`.
    pub lin: i64,
    /// Constant term.
    pub add: i64,
    /// Denominator.
    pub den: i64,
    /// Sign of the exponent.
    pub sign: f64,
    _r: PhantomData<fn() -> R>,
}

impl<R> Phase<R> {
    /// `exp(sign i pi (lin k + add) / den)`.
    pub(crate) fn linear(lin: i64, add: i64, den: usize, sign: f64) -> Self {
        Phase {
            mul: 0,
            lin,
            add,
            den: den as i64,
            sign,
            _r: PhantomData,
        }
    }

    /// `exp(sign i pi k^2 / n)`.
    pub(crate) fn chirp(n: usize, sign: f64) -> Self {
        Phase {
            mul: 1,
            lin: 0,
            add: 0,
            den: n as i64,
            sign,
            _r: PhantomData,
        }
    }
}

impl<R> Clone for Phase<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for Phase<R> {}

impl<R: FftReal> Map1 for Phase<R> {
    type In = i64;
    type Out = R::Complex;
    const NAME: &'static str = "fft.phase";
    #[inline(always)]
    fn apply(&self, k: i64) -> R::Complex {
        let k = k as i128;
        let num = (self.mul as i128) * k * k + (self.lin as i128) * k + self.add as i128;
        unit::<R>(self.sign, num, self.den as i128)
    }
}

/// The filter of Bluestein's algorithm on a circular buffer of length `m`: the conjugate chirp
/// `exp(-sign i pi d^2 / n)` at `d = k` for `k < n` and at `d = m - k` for `k > m - n`, zero in
/// between.
#[derive(Debug)]
pub(crate) struct ChirpFilter<R> {
    /// Transform length.
    pub n: i64,
    /// Circular convolution length (`>= 2n - 1`).
    pub m: i64,
    /// Sign of the chirp being inverted.
    pub sign: f64,
    _r: PhantomData<fn() -> R>,
}

impl<R> ChirpFilter<R> {
    pub(crate) fn new(n: usize, m: usize, sign: f64) -> Self {
        ChirpFilter {
            n: n as i64,
            m: m as i64,
            sign,
            _r: PhantomData,
        }
    }
}

impl<R> Clone for ChirpFilter<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for ChirpFilter<R> {}

impl<R: FftReal> Map1 for ChirpFilter<R> {
    type In = i64;
    type Out = R::Complex;
    const NAME: &'static str = "fft.chirp_filter";
    #[inline(always)]
    fn apply(&self, k: i64) -> R::Complex {
        let d = if k < self.n {
            k
        } else if k > self.m - self.n {
            self.m - k
        } else {
            return R::complex_from_f64(0.0, 0.0);
        };
        let d = d as i128;
        unit::<R>(-self.sign, d * d, self.n as i128)
    }
}

/// A real weight per index along an axis of length `n`: `first` at 0 times `last` at `n - 1`
/// (both at once when `n == 1`), 1 elsewhere (the orthogonalisation factors of the DCT/DST); or
/// `(-1)^k` with `alternate`.
#[derive(Debug)]
pub(crate) struct Weight<R> {
    /// Axis length.
    pub n: i64,
    /// Weight of index 0.
    pub first: f64,
    /// Weight of index `n - 1`.
    pub last: f64,
    /// `(-1)^k` instead.
    pub alternate: bool,
    _r: PhantomData<fn() -> R>,
}

impl<R> Weight<R> {
    pub(crate) fn edges(n: usize, first: f64, last: f64) -> Self {
        Weight {
            n: n as i64,
            first,
            last,
            alternate: false,
            _r: PhantomData,
        }
    }

    pub(crate) fn alternating(n: usize) -> Self {
        Weight {
            n: n as i64,
            first: 1.0,
            last: 1.0,
            alternate: true,
            _r: PhantomData,
        }
    }
}

impl<R> Clone for Weight<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for Weight<R> {}

impl<R: FftReal> Map1 for Weight<R> {
    type In = i64;
    type Out = R;
    const NAME: &'static str = "fft.weight";
    #[inline(always)]
    fn apply(&self, k: i64) -> R {
        let w = if self.alternate {
            if k % 2 == 0 { 1.0 } else { -1.0 }
        } else {
            let a = if k == 0 { self.first } else { 1.0 };
            let b = if k == self.n - 1 { self.last } else { 1.0 };
            a * b
        };
        <R as xp_core::Numeric>::from_f64(w)
    }
}
