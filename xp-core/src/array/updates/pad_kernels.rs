//! Kernels for [`Array::pad`](crate::Array::pad)'s arithmetic modes. `pad` accepts every element
//! type, so these kernels compute on [`Scalar`] values, exactly for each type: integers in
//! wrapping `i64` arithmetic (then wrapped to the type's width, as NumPy's integer arithmetic),
//! reals in `f64`, complex numbers in `c64`. Statistics of integers round half to even like NumPy's
//! `np.pad` does.

use std::cmp::Ordering;
use std::marker::PhantomData;

use crate::element::{DType, Element, Scalar, c64};
use crate::kernels::{Map1, Map2, Reducer};

/// Whether `T` is an integer type (statistics are rounded back to it).
pub(super) fn is_integer<T: Element>() -> bool {
    matches!(T::DTYPE, DType::U8 | DType::I32 | DType::I64)
}

/// Whether `T` is a complex type.
pub(super) fn is_complex<T: Element>() -> bool {
    matches!(T::DTYPE, DType::C64 | DType::C128)
}

/// A scalar as a complex number (booleans as 0/1).
fn to_c64(s: Scalar) -> c64 {
    match s {
        Scalar::Bool(b) => c64::new(f64::from(u8::from(b)), 0.0),
        Scalar::Int(i) => c64::new(i as f64, 0.0),
        Scalar::Float(f) => c64::new(f, 0.0),
        Scalar::Complex(c) => c,
    }
}

/// A complex value back to `T`: floor (for ramps) or round half to even (for statistics) for
/// integers, the real part for reals.
fn from_c64<T: Element>(v: c64, integer_rounding: fn(f64) -> f64) -> T {
    if is_complex::<T>() {
        T::from_scalar(Scalar::Complex(v))
    } else if is_integer::<T>() {
        T::from_scalar(Scalar::Float(integer_rounding(v.re)))
    } else {
        T::from_scalar(Scalar::Float(v.re))
    }
}

/// `x * c` for an integer coefficient `c`; exactly zero when `c == 0` (so a NaN or infinite
/// `x` that a mode does not use never leaks into the result).
#[derive(Debug)]
pub(super) struct MulInt<T>(PhantomData<fn() -> T>);
impl<T> MulInt<T> {
    pub(super) const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T> Clone for MulInt<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for MulInt<T> {}
impl<T: Element> Map2 for MulInt<T> {
    type A = T;
    type B = i64;
    type Out = T;
    const NAME: &'static str = "pad_scale";
    #[inline(always)]
    fn apply(&self, x: T, c: i64) -> T {
        T::from_scalar(match x.to_scalar() {
            _ if c == 0 => Scalar::Int(0),
            Scalar::Bool(b) => Scalar::Int(i64::from(b).wrapping_mul(c)),
            Scalar::Int(i) => Scalar::Int(i.wrapping_mul(c)),
            Scalar::Float(f) => Scalar::Float(f * c as f64),
            Scalar::Complex(z) => Scalar::Complex(z * c as f64),
        })
    }
}

/// `a + b` for any element type (wrapping for integers).
#[derive(Debug)]
pub(super) struct AddAny<T>(PhantomData<fn() -> T>);
impl<T> AddAny<T> {
    pub(super) const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T> Clone for AddAny<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for AddAny<T> {}
impl<T: Element> Map2 for AddAny<T> {
    type A = T;
    type B = T;
    type Out = T;
    const NAME: &'static str = "pad_add";
    #[inline(always)]
    fn apply(&self, a: T, b: T) -> T {
        T::from_scalar(match (a.to_scalar(), b.to_scalar()) {
            (Scalar::Int(x), Scalar::Int(y)) => Scalar::Int(x.wrapping_add(y)),
            (Scalar::Float(x), Scalar::Float(y)) => Scalar::Float(x + y),
            (x, y) => Scalar::Complex(to_c64(x) + to_c64(y)),
        })
    }
}

/// NumPy's `linear_ramp`: position `i` of a ramp of `width` values from `end` towards `edge`
/// (`linspace(end, edge, width, endpoint=False)[i]`, floored for integer types).
#[derive(Debug)]
pub(super) struct Ramp<T> {
    pub(super) end: T,
    pub(super) width: f64,
}
impl<T: Copy> Clone for Ramp<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy> Copy for Ramp<T> {}
impl<T: Element> Map2 for Ramp<T> {
    type A = T;
    type B = f64;
    type Out = T;
    const NAME: &'static str = "pad_linear_ramp";
    #[inline(always)]
    fn apply(&self, edge: T, i: f64) -> T {
        let start = to_c64(self.end.to_scalar());
        let step = (to_c64(edge.to_scalar()) - start) / self.width;
        from_c64(step * i + start, f64::floor)
    }
}

/// `f64` back to `T`, rounding half to even for integer types (NumPy's `_round_if_needed`).
#[derive(Debug)]
pub(super) struct FromF64<T>(PhantomData<fn() -> T>);
impl<T> FromF64<T> {
    pub(super) const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T> Clone for FromF64<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for FromF64<T> {}
impl<T: Element> Map1 for FromF64<T> {
    type In = f64;
    type Out = T;
    const NAME: &'static str = "pad_round";
    #[inline(always)]
    fn apply(&self, x: f64) -> T {
        from_c64(c64::new(x, 0.0), f64::round_ties_even)
    }
}

/// Whether a scalar is (or has a part that is) NaN.
fn scalar_is_nan(s: Scalar) -> bool {
    match s {
        Scalar::Float(f) => f.is_nan(),
        Scalar::Complex(c) => c.re.is_nan() || c.im.is_nan(),
        Scalar::Bool(_) | Scalar::Int(_) => false,
    }
}

/// Order of two non-NaN scalars of one type (complex: lexicographic, as NumPy orders them).
fn scalar_cmp(a: Scalar, b: Scalar) -> Ordering {
    match (a, b) {
        (Scalar::Bool(x), Scalar::Bool(y)) => x.cmp(&y),
        (Scalar::Int(x), Scalar::Int(y)) => x.cmp(&y),
        (x, y) => {
            let (x, y) = (to_c64(x), to_c64(y));
            x.re.total_cmp(&y.re).then(x.im.total_cmp(&y.im))
        }
    }
}

/// Maximum (`max = true`) or minimum of any element type, NaN-propagating like `np.amax`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Extreme<T> {
    pub(super) max: bool,
    pub(super) _t: PhantomData<fn() -> T>,
}
impl<T: Element> Extreme<T> {
    /// Picks between `a` (earlier) and `b`.
    #[inline(always)]
    fn pick(&self, a: T, b: T) -> T {
        let (sa, sb) = (a.to_scalar(), b.to_scalar());
        if scalar_is_nan(sa) {
            return a;
        }
        if scalar_is_nan(sb) {
            return b;
        }
        let want = if self.max { Ordering::Greater } else { Ordering::Less };
        if scalar_cmp(sb, sa) == want { b } else { a }
    }
}
impl<T: Element> Reducer for Extreme<T> {
    type In = T;
    type Acc = Option<T>;
    type Out = T;
    const NAME: &'static str = "pad_extreme";
    #[inline(always)]
    fn init(&self) -> Option<T> {
        None
    }
    #[inline(always)]
    fn fold(&self, acc: Option<T>, x: T, _: usize) -> Option<T> {
        Some(acc.map_or(x, |a| self.pick(a, x)))
    }
    #[inline(always)]
    fn combine(&self, a: Option<T>, b: Option<T>) -> Option<T> {
        match (a, b) {
            (Some(a), Some(b)) => Some(self.pick(a, b)),
            (a, None) => a,
            (None, b) => b,
        }
    }
    #[inline(always)]
    fn finish(&self, acc: Option<T>, _: usize) -> T {
        acc.unwrap_or_default()
    }
}

/// Mean of any numeric type, accumulated in `c64` and rounded half to even for integer types.
#[derive(Debug)]
pub(super) struct MeanOf<T>(PhantomData<fn() -> T>);
impl<T> MeanOf<T> {
    pub(super) const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T> Clone for MeanOf<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for MeanOf<T> {}
impl<T: Element> Reducer for MeanOf<T> {
    type In = T;
    type Acc = c64;
    type Out = T;
    const NAME: &'static str = "pad_mean";
    #[inline(always)]
    fn init(&self) -> c64 {
        c64::new(0.0, 0.0)
    }
    #[inline(always)]
    fn fold(&self, acc: c64, x: T, _: usize) -> c64 {
        acc + to_c64(x.to_scalar())
    }
    #[inline(always)]
    fn combine(&self, a: c64, b: c64) -> c64 {
        a + b
    }
    #[inline(always)]
    fn finish(&self, acc: c64, count: usize) -> T {
        from_c64(acc / count as f64, f64::round_ties_even)
    }
}
