//! Two-input kernels (and the three-input `where` and `clip`).

use std::marker::PhantomData;

use super::{Map2, Map3};
use crate::element::{Element, Float, Integer, Numeric, RealFloat, RealNumeric};

/// Defines a zero-sized kernel `$name<T>` computing `f(a, b)` for `T: $bound` with output `$out`.
macro_rules! binary_kernel {
    ($(#[$doc:meta])* $name:ident, $bound:ident, $out:ty, $api:literal, |$a:ident, $b:ident| $body:expr) => {
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
        impl<T: $bound> Map2 for $name<T> {
            type A = T;
            type B = T;
            type Out = $out;
            const NAME: &'static str = $api;
            #[inline(always)]
            fn apply(&self, $a: T, $b: T) -> $out {
                $body
            }
        }
    };
}

binary_kernel!(/// `a + b`
    Add, Numeric, T, "add", |a, b| a.add(b));
binary_kernel!(/// `a - b`
    Subtract, Numeric, T, "subtract", |a, b| a.sub(b));
binary_kernel!(/// `a * b`
    Multiply, Numeric, T, "multiply", |a, b| a.mul(b));
binary_kernel!(/// `a / b`
    Divide, Float, T, "divide", |a, b| a.div(b));
binary_kernel!(/// `a ^ b`
    Pow, Float, T, "pow", |a, b| a.pow(b));
binary_kernel!(/// integer power `a ^ b` by repeated squaring, wrapping on overflow; a negative exponent
    /// gives the truncated `1 / a^|b|` (0 unless `a` is 1 or -1), where NumPy raises
    PowInt, Integer, T, "pow", |a, b| int_pow(a, b));
binary_kernel!(/// floor division of integers (by zero gives 0)
    FloorDivideInt, Integer, T, "floor_divide", |a, b| a.floor_div(b));
binary_kernel!(/// floor division of reals
    FloorDivide, RealFloat, T, "floor_divide", |a, b| a.floor_div_f(b));
binary_kernel!(/// remainder with the divisor's sign, integers
    RemainderInt, Integer, T, "remainder", |a, b| a.rem_floor(b));
binary_kernel!(/// remainder with the divisor's sign, reals
    Remainder, RealFloat, T, "remainder", |a, b| a.rem_floor_f(b));
binary_kernel!(/// NaN-propagating minimum
    Minimum, RealNumeric, T, "minimum", |a, b| a.min_nan(b));
binary_kernel!(/// NaN-propagating maximum
    Maximum, RealNumeric, T, "maximum", |a, b| a.max_nan(b));
binary_kernel!(/// `atan2(a, b)`
    Atan2, RealFloat, T, "atan2", |a, b| a.atan2(b));
binary_kernel!(/// `hypot(a, b)`
    Hypot, RealFloat, T, "hypot", |a, b| a.hypot(b));
binary_kernel!(/// `copysign(a, b)`
    Copysign, RealFloat, T, "copysign", |a, b| a.copysign(b));
binary_kernel!(/// `nextafter(a, b)`
    Nextafter, RealFloat, T, "nextafter", |a, b| a.nextafter(b));
binary_kernel!(/// `logaddexp(a, b)`
    Logaddexp, RealFloat, T, "logaddexp", |a, b| a.logaddexp(b));
binary_kernel!(/// bitwise and
    BitwiseAnd, Integer, T, "bitwise_and", |a, b| a.bitand(b));
binary_kernel!(/// bitwise or
    BitwiseOr, Integer, T, "bitwise_or", |a, b| a.bitor(b));
binary_kernel!(/// bitwise xor
    BitwiseXor, Integer, T, "bitwise_xor", |a, b| a.bitxor(b));
binary_kernel!(/// left shift
    BitwiseLeftShift, Integer, T, "bitwise_left_shift", |a, b| a.shl(b));
binary_kernel!(/// right shift
    BitwiseRightShift, Integer, T, "bitwise_right_shift", |a, b| a.shr(b));
binary_kernel!(/// `a == b`
    Equal, Element, bool, "equal", |a, b| a == b);
binary_kernel!(/// `a != b`
    NotEqual, Element, bool, "not_equal", |a, b| a != b);
binary_kernel!(/// `a < b`
    Less, RealNumeric, bool, "less", |a, b| a < b);
binary_kernel!(/// `a <= b`
    LessEqual, RealNumeric, bool, "less_equal", |a, b| a <= b);
binary_kernel!(/// `a > b`
    Greater, RealNumeric, bool, "greater", |a, b| a > b);
binary_kernel!(/// `a >= b`
    GreaterEqual, RealNumeric, bool, "greater_equal", |a, b| a >= b);
binary_kernel!(/// logical and
    LogicalAnd, IsBoolean, bool, "logical_and", |a, b| a.as_bool() && b.as_bool());
binary_kernel!(/// logical or
    LogicalOr, IsBoolean, bool, "logical_or", |a, b| a.as_bool() || b.as_bool());
binary_kernel!(/// logical xor
    LogicalXor, IsBoolean, bool, "logical_xor", |a, b| a.as_bool() != b.as_bool());
binary_kernel!(/// keeps `b`: the update of `at(...).set`
    Replace, Element, T, "set", |_a, b| b);

/// `re + i im`: a complex element from its real and imaginary parts.
#[derive(Clone, Copy, Debug, Default)]
pub struct MakeComplex<T>(PhantomData<fn() -> T>);
impl<T> MakeComplex<T> {
    /// The kernel.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T: crate::element::ComplexFloat> Map2 for MakeComplex<T> {
    type A = T::Real;
    type B = T::Real;
    type Out = T;
    const NAME: &'static str = "complex";
    #[inline(always)]
    fn apply(&self, re: T::Real, im: T::Real) -> T {
        T::new(re, im)
    }
}

/// `base ^ exp` for integers (see [`PowInt`]).
#[inline(always)]
fn int_pow<T: Integer>(base: T, exp: T) -> T {
    if exp < T::ZERO {
        return if base == T::ONE {
            T::ONE
        } else if base == T::ONE.neg() {
            if exp.bitand(T::ONE) == T::ZERO { T::ONE } else { base }
        } else {
            T::ZERO
        };
    }
    let (mut result, mut b, mut e) = (T::ONE, base, exp);
    while e > T::ZERO {
        if e.bitand(T::ONE) == T::ONE {
            result = result.mul(b);
        }
        e = e.shr(T::ONE);
        if e > T::ZERO {
            b = b.mul(b);
        }
    }
    result
}

/// `bool` as a kernel bound.
pub trait IsBoolean: Element {
    /// The value.
    fn as_bool(self) -> bool;
}
impl IsBoolean for bool {
    #[inline(always)]
    fn as_bool(self) -> bool {
        self
    }
}

/// `cond ? a : b`, the namespace's `where`.
#[derive(Debug)]
pub struct Where<T>(PhantomData<fn() -> T>);
impl<T> Where<T> {
    /// The kernel.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T> Default for Where<T> {
    fn default() -> Self {
        Self::new()
    }
}
impl<T> Clone for Where<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Where<T> {}
impl<T: Element> Map3 for Where<T> {
    type A = bool;
    type B = T;
    type C = T;
    type Out = T;
    const NAME: &'static str = "where";
    #[inline(always)]
    fn apply(&self, c: bool, a: T, b: T) -> T {
        if c { a } else { b }
    }
}

/// `clip(x, lo, hi)` with array bounds: `minimum(maximum(x, lo), hi)`.
#[derive(Debug)]
pub struct Clip<T>(PhantomData<fn() -> T>);
impl<T> Clip<T> {
    /// The kernel.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}
impl<T> Default for Clip<T> {
    fn default() -> Self {
        Self::new()
    }
}
impl<T> Clone for Clip<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Clip<T> {}
impl<T: RealNumeric> Map3 for Clip<T> {
    type A = T;
    type B = T;
    type C = T;
    type Out = T;
    const NAME: &'static str = "clip";
    #[inline(always)]
    fn apply(&self, x: T, lo: T, hi: T) -> T {
        x.max_nan(lo).min_nan(hi)
    }
}

/// `x op scalar` for any two-input kernel with the scalar on the right.
#[derive(Clone, Copy, Debug)]
pub struct WithRight<K: Map2> {
    /// The kernel.
    pub kernel: K,
    /// The right operand.
    pub scalar: K::B,
}
impl<K: Map2> super::Map1 for WithRight<K> {
    type In = K::A;
    type Out = K::Out;
    const NAME: &'static str = K::NAME;
    #[inline(always)]
    fn apply(&self, x: K::A) -> K::Out {
        self.kernel.apply(x, self.scalar)
    }
}

/// `scalar op x` for any two-input kernel with the scalar on the left.
#[derive(Clone, Copy, Debug)]
pub struct WithLeft<K: Map2> {
    /// The kernel.
    pub kernel: K,
    /// The left operand.
    pub scalar: K::A,
}
impl<K: Map2> super::Map1 for WithLeft<K> {
    type In = K::B;
    type Out = K::Out;
    const NAME: &'static str = K::NAME;
    #[inline(always)]
    fn apply(&self, x: K::B) -> K::Out {
        self.kernel.apply(self.scalar, x)
    }
}
