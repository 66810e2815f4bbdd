//! One-input kernels.

use std::marker::PhantomData;

use super::Map1;
use crate::element::{Element, Float, Integer, Numeric, RealFloat, RealNumeric};

/// Defines a zero-sized kernel type `$name<T>` computing `$f(x)` for `T: $bound`.
macro_rules! same_type_kernel {
    ($(#[$doc:meta])* $name:ident, $bound:ident, $api:literal, |$x:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name<T>(PhantomData<fn() -> T>);
        impl<T> $name<T> {
            /// The kernel.
            pub const fn new() -> Self {
                Self(PhantomData)
            }
        }
        impl<T> Default for $name<T> {
            fn default() -> Self {
                Self::new()
            }
        }
        impl<T> Clone for $name<T> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T> Copy for $name<T> {}
        impl<T: $bound> Map1 for $name<T> {
            type In = T;
            type Out = T;
            const NAME: &'static str = $api;
            #[inline(always)]
            fn apply(&self, $x: T) -> T {
                $body
            }
        }
    };
}

/// Defines a zero-sized kernel `$name<T>` from `T: $bound` to `$out`.
macro_rules! to_type_kernel {
    ($(#[$doc:meta])* $name:ident, $bound:ident, $out:ty, $api:literal, |$x:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name<T>(PhantomData<fn() -> T>);
        impl<T> $name<T> {
            /// The kernel.
            pub const fn new() -> Self {
                Self(PhantomData)
            }
        }
        impl<T> Default for $name<T> {
            fn default() -> Self {
                Self::new()
            }
        }
        impl<T> Clone for $name<T> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T> Copy for $name<T> {}
        impl<T: $bound> Map1 for $name<T> {
            type In = T;
            type Out = $out;
            const NAME: &'static str = $api;
            #[inline(always)]
            fn apply(&self, $x: T) -> $out {
                $body
            }
        }
    };
}

same_type_kernel!(/// `-x`
    Negative, Numeric, "negative", |x| x.neg());
same_type_kernel!(/// `+x` (a copy)
    Positive, Element, "positive", |x| x);
same_type_kernel!(/// `x * x`
    Square, Numeric, "square", |x| x.mul(x));
same_type_kernel!(/// `|x|` for real numbers
    AbsReal, RealNumeric, "abs", |x| x.abs_same());
same_type_kernel!(/// `sqrt(x)`
    Sqrt, Float, "sqrt", |x| x.sqrt());
same_type_kernel!(/// `e^x`
    Exp, Float, "exp", |x| x.exp());
same_type_kernel!(/// `e^x - 1`
    Expm1, Float, "expm1", |x| x.expm1());
same_type_kernel!(/// `ln x`
    Log, Float, "log", |x| x.ln());
same_type_kernel!(/// `ln(1 + x)`
    Log1p, Float, "log1p", |x| x.ln_1p());
same_type_kernel!(/// `log2 x`
    Log2, Float, "log2", |x| x.log2());
same_type_kernel!(/// `log10 x`
    Log10, Float, "log10", |x| x.log10());
same_type_kernel!(/// `sin x`
    Sin, Float, "sin", |x| x.sin());
same_type_kernel!(/// `cos x`
    Cos, Float, "cos", |x| x.cos());
same_type_kernel!(/// `tan x`
    Tan, Float, "tan", |x| x.tan());
same_type_kernel!(/// `asin x`
    Asin, Float, "asin", |x| x.asin());
same_type_kernel!(/// `acos x`
    Acos, Float, "acos", |x| x.acos());
same_type_kernel!(/// `atan x`
    Atan, Float, "atan", |x| x.atan());
same_type_kernel!(/// `sinh x`
    Sinh, Float, "sinh", |x| x.sinh());
same_type_kernel!(/// `cosh x`
    Cosh, Float, "cosh", |x| x.cosh());
same_type_kernel!(/// `tanh x`
    Tanh, Float, "tanh", |x| x.tanh());
same_type_kernel!(/// `asinh x`
    Asinh, Float, "asinh", |x| x.asinh());
same_type_kernel!(/// `acosh x`
    Acosh, Float, "acosh", |x| x.acosh());
same_type_kernel!(/// `atanh x`
    Atanh, Float, "atanh", |x| x.atanh());
same_type_kernel!(/// `1 / x`
    Reciprocal, Float, "reciprocal", |x| x.recip());
same_type_kernel!(/// complex conjugate
    Conj, Float, "conj", |x| x.conj());
same_type_kernel!(/// `sign x` (`x/|x|` for complex)
    Sign, Float, "sign", |x| x.sign());
same_type_kernel!(/// `sign x` for integers
    SignInt, Integer, "sign", |x| if x > T::ZERO { T::ONE } else if x < T::ZERO { T::ONE.neg() } else { T::ZERO });
same_type_kernel!(/// round down
    Floor, RealFloat, "floor", |x| x.floor());
same_type_kernel!(/// round up
    Ceil, RealFloat, "ceil", |x| x.ceil());
same_type_kernel!(/// round half to even
    Round, RealFloat, "round", |x| x.round());
same_type_kernel!(/// round toward zero
    Trunc, RealFloat, "trunc", |x| x.trunc());
same_type_kernel!(/// bitwise not
    BitwiseInvert, Integer, "bitwise_invert", |x| x.bitnot());
same_type_kernel!(/// logical not
    LogicalNot, IsBool, "logical_not", |x| x.not());

to_type_kernel!(/// `|x|` of a float or complex number, as the real type
    Abs, Float, T::Real, "abs", |x| x.abs());
to_type_kernel!(/// real part
    Real, Float, T::Real, "real", |x| x.re());
to_type_kernel!(/// imaginary part
    Imag, Float, T::Real, "imag", |x| x.im());
to_type_kernel!(/// whether `x` is NaN
    IsNan, Float, bool, "isnan", |x| x.is_nan());
to_type_kernel!(/// whether `x` is infinite
    IsInf, Float, bool, "isinf", |x| x.is_infinite());
to_type_kernel!(/// whether `x` is finite
    IsFinite, Float, bool, "isfinite", |x| x.is_finite());
to_type_kernel!(/// whether the sign bit is set
    Signbit, RealFloat, bool, "signbit", |x| x.signbit());
to_type_kernel!(/// whether `x` is nonzero
    NonZero, Element, bool, "nonzero", |x| x.cast::<bool>());

/// Helper so `bool` gets a `not` usable in [`LogicalNot`].
pub trait IsBool: Element {
    /// Logical negation.
    fn not(self) -> Self;
}
impl IsBool for bool {
    #[inline(always)]
    fn not(self) -> bool {
        !self
    }
}

/// `astype`: casts with NumPy's unsafe-casting rules ([`Element::from_scalar`]).
#[derive(Debug)]
pub struct Cast<T, U>(PhantomData<fn(T) -> U>);
impl<T, U> Cast<T, U> {
    /// The kernel.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T, U> Default for Cast<T, U> {
    fn default() -> Self {
        Self::new()
    }
}
impl<T, U> Clone for Cast<T, U> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, U> Copy for Cast<T, U> {}
impl<T: Element, U: Element> Map1 for Cast<T, U> {
    type In = T;
    type Out = U;
    const NAME: &'static str = "astype";
    #[inline(always)]
    fn apply(&self, x: T) -> U {
        x.cast::<U>()
    }
}

/// `a * x + b` with scalars: shared by `linspace`, scaling and shifting.
#[derive(Clone, Copy, Debug)]
pub struct Affine<T> {
    /// Multiplier.
    pub a: T,
    /// Offset.
    pub b: T,
}
impl<T: Numeric> Map1 for Affine<T> {
    type In = T;
    type Out = T;
    const NAME: &'static str = "affine";
    #[inline(always)]
    fn apply(&self, x: T) -> T {
        self.a.mul(x).add(self.b)
    }
}

/// `clip(x, lo, hi)` with scalar bounds (NaN propagates; `None` leaves a side open).
#[derive(Clone, Copy, Debug)]
pub struct ClipScalar<T> {
    /// Lower bound.
    pub lo: Option<T>,
    /// Upper bound.
    pub hi: Option<T>,
}
impl<T: RealNumeric> Map1 for ClipScalar<T> {
    type In = T;
    type Out = T;
    const NAME: &'static str = "clip";
    #[inline(always)]
    fn apply(&self, x: T) -> T {
        let x = match self.lo {
            Some(lo) => x.max_nan(lo),
            None => x,
        };
        match self.hi {
            Some(hi) => x.min_nan(hi),
            None => x,
        }
    }
}
