//! Element types and the marker traits that say which operations each supports.
//!
//! | trait | types | what it adds |
//! |---|---|---|
//! | [`Element`] | `bool`, `u8`, `i32`, `i64`, `f32`, `f64`, [`c32`], [`c64`] | storable, castable |
//! | [`Numeric`] | all but `bool` | `+ - *`, zero and one (integers wrap on overflow, like NumPy) |
//! | [`RealNumeric`] | `u8`, `i32`, `i64`, `f32`, `f64` | total order (NaN sorts last), min/max |
//! | [`Integer`] | `u8`, `i32`, `i64` | bitwise ops, floor division, remainder |
//! | [`Float`] | `f32`, `f64`, [`c32`], [`c64`] | division and transcendental functions |
//! | [`RealFloat`] | `f32`, `f64` | rounding, `atan2`, `hypot`, `copysign`, `nextafter`, ... |
//! | [`ComplexFloat`] | [`c32`], [`c64`] | construction from parts |

use std::cmp::Ordering;
use std::fmt::{Debug, Display};

use num_complex::Complex;

/// Single-precision complex number (NumPy's `complex64`).
#[allow(non_camel_case_types)]
pub type c32 = Complex<f32>;
/// Double-precision complex number (NumPy's `complex128`).
#[allow(non_camel_case_types)]
pub type c64 = Complex<f64>;

/// The data type of an array, named as NumPy names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// `bool`
    Bool,
    /// `uint8`
    U8,
    /// `int32`
    I32,
    /// `int64`
    I64,
    /// `float32`
    F32,
    /// `float64`
    F64,
    /// `complex64`: two `f32`.
    C64,
    /// `complex128`: two `f64`.
    C128,
}

impl DType {
    /// NumPy's name for the type (`"float64"`, `"complex64"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::U8 => "uint8",
            DType::I32 => "int32",
            DType::I64 => "int64",
            DType::F32 => "float32",
            DType::F64 => "float64",
            DType::C64 => "complex64",
            DType::C128 => "complex128",
        }
    }

    /// Size of one element in bytes.
    pub const fn size_of(self) -> usize {
        match self {
            DType::Bool | DType::U8 => 1,
            DType::I32 | DType::F32 => 4,
            DType::I64 | DType::F64 | DType::C64 => 8,
            DType::C128 => 16,
        }
    }

    /// Whether this is `float32`/`complex64` (single precision).
    pub const fn is_single_precision(self) -> bool {
        matches!(self, DType::F32 | DType::C64)
    }
}

impl Display for DType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A value of any element type, used for casting between types and for scalars in options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    /// A boolean.
    Bool(bool),
    /// Any integer type.
    Int(i64),
    /// Any real floating type.
    Float(f64),
    /// Any complex type.
    Complex(c64),
}

mod sealed {
    pub trait Sealed {}
}

/// A type that arrays can hold. Sealed: the eight types of the array API standard that xp supports.
pub trait Element: Copy + Debug + Default + PartialEq + Send + Sync + 'static + sealed::Sealed {
    /// The runtime tag of this type.
    const DTYPE: DType;
    /// This value as a [`Scalar`].
    fn to_scalar(self) -> Scalar;
    /// Casts a [`Scalar`] to this type with NumPy's `astype` rules: complex to real keeps the real
    /// part, float to integer truncates toward zero (saturating, NaN to 0), nonzero to `true`.
    fn from_scalar(s: Scalar) -> Self;
    /// Casts from another element type (NumPy's `astype` with `casting="unsafe"`).
    #[inline(always)]
    fn cast<U: Element>(self) -> U {
        U::from_scalar(self.to_scalar())
    }
}

/// Element types with arithmetic: every type but `bool`.
pub trait Numeric: Element {
    /// Additive identity.
    const ZERO: Self;
    /// Multiplicative identity.
    const ONE: Self;
    /// `a + b` (integers wrap around on overflow, as in NumPy).
    fn add(self, b: Self) -> Self;
    /// `a - b` (wrapping for integers).
    fn sub(self, b: Self) -> Self;
    /// `a * b` (wrapping for integers).
    fn mul(self, b: Self) -> Self;
    /// `-a` (wrapping for integers).
    fn neg(self) -> Self;
    /// Converts an `f64` (truncating for integers): used for counts and scalars in formulas.
    fn from_f64(v: f64) -> Self;
    /// `|a|` in the same type (complex: modulus as a complex number with zero imaginary part).
    fn abs_same(self) -> Self;
    /// `|a|^2` as `f64`, used by norms and tolerances.
    fn abs2_f64(self) -> f64;
}

/// Real numeric types, totally ordered for sorting with NaN last (NumPy's order).
pub trait RealNumeric: Numeric + PartialOrd {
    /// Smallest value (negative infinity for floats): identity of `max`.
    const LOWEST: Self;
    /// Largest value (positive infinity for floats): identity of `min`.
    const HIGHEST: Self;
    /// Total order with NaN after every number.
    fn total_cmp(&self, other: &Self) -> Ordering;
    /// Whether this is NaN (always false for integers).
    fn is_nan_real(self) -> bool;
    /// This value as `f64`.
    fn to_f64(self) -> f64;
    /// The smaller of two values, NaN-propagating like NumPy's `minimum`.
    #[inline(always)]
    fn min_nan(self, b: Self) -> Self {
        if self.is_nan_real() || self <= b {
            self
        } else if b.is_nan_real() || b < self {
            b
        } else {
            self
        }
    }
    /// The larger of two values, NaN-propagating like NumPy's `maximum`.
    #[inline(always)]
    fn max_nan(self, b: Self) -> Self {
        if self.is_nan_real() || self >= b {
            self
        } else if b.is_nan_real() || b > self {
            b
        } else {
            self
        }
    }
}

/// Integer types.
pub trait Integer: RealNumeric + Eq + Ord {
    /// Bitwise and.
    fn bitand(self, b: Self) -> Self;
    /// Bitwise or.
    fn bitor(self, b: Self) -> Self;
    /// Bitwise xor.
    fn bitxor(self, b: Self) -> Self;
    /// Bitwise not.
    fn bitnot(self) -> Self;
    /// Left shift; shifting by the bit width or more gives 0, a negative count gives 0.
    fn shl(self, b: Self) -> Self;
    /// Arithmetic right shift; shifting by the bit width or more gives 0 or -1.
    fn shr(self, b: Self) -> Self;
    /// Floor division; division by zero gives 0 as in NumPy.
    fn floor_div(self, b: Self) -> Self;
    /// Remainder with the sign of the divisor; by zero gives 0 as in NumPy.
    fn rem_floor(self, b: Self) -> Self;
}

/// Floating types, real and complex: division and transcendental functions.
pub trait Float: Numeric {
    /// The real type of the same precision (`f64` for `c64`).
    type Real: RealFloat;
    /// `a / b`.
    fn div(self, b: Self) -> Self;
    /// `1 / a`.
    fn recip(self) -> Self;
    /// Square root (principal branch).
    fn sqrt(self) -> Self;
    /// `e^a`.
    fn exp(self) -> Self;
    /// `e^a - 1`.
    fn expm1(self) -> Self;
    /// Natural logarithm.
    fn ln(self) -> Self;
    /// `ln(1 + a)`.
    fn ln_1p(self) -> Self;
    /// Base-2 logarithm.
    fn log2(self) -> Self;
    /// Base-10 logarithm.
    fn log10(self) -> Self;
    /// Sine.
    fn sin(self) -> Self;
    /// Cosine.
    fn cos(self) -> Self;
    /// Tangent.
    fn tan(self) -> Self;
    /// Inverse sine.
    fn asin(self) -> Self;
    /// Inverse cosine.
    fn acos(self) -> Self;
    /// Inverse tangent.
    fn atan(self) -> Self;
    /// Hyperbolic sine.
    fn sinh(self) -> Self;
    /// Hyperbolic cosine.
    fn cosh(self) -> Self;
    /// Hyperbolic tangent.
    fn tanh(self) -> Self;
    /// Inverse hyperbolic sine.
    fn asinh(self) -> Self;
    /// Inverse hyperbolic cosine.
    fn acosh(self) -> Self;
    /// Inverse hyperbolic tangent.
    fn atanh(self) -> Self;
    /// `a ^ b`.
    fn pow(self, b: Self) -> Self;
    /// Modulus as the real type.
    fn abs(self) -> Self::Real;
    /// Real part.
    fn re(self) -> Self::Real;
    /// Imaginary part (0 for real types).
    fn im(self) -> Self::Real;
    /// Complex conjugate (identity for real types).
    fn conj(self) -> Self;
    /// Builds a value from a real number.
    fn from_real(r: Self::Real) -> Self;
    /// `sign(a)`: -1, 0, 1 (NaN stays NaN) for reals, `a/|a|` for complex (0 at 0).
    fn sign(self) -> Self;
    /// Whether any part is NaN.
    fn is_nan(self) -> bool;
    /// Whether any part is infinite.
    fn is_infinite(self) -> bool;
    /// Whether every part is finite.
    fn is_finite(self) -> bool;
}

/// Real floating types: `f32` and `f64`.
pub trait RealFloat: Float<Real = Self> + RealNumeric + Display {
    /// Machine epsilon.
    const EPSILON: Self;
    /// Not a number.
    const NAN: Self;
    /// Positive infinity.
    const INFINITY: Self;
    /// Negative infinity.
    const NEG_INFINITY: Self;
    /// Largest finite value.
    const MAX: Self;
    /// Smallest positive normal value.
    const MIN_POSITIVE: Self;
    /// Round down.
    fn floor(self) -> Self;
    /// Round up.
    fn ceil(self) -> Self;
    /// Round half to even (NumPy's `round`).
    fn round(self) -> Self;
    /// Round toward zero.
    fn trunc(self) -> Self;
    /// Four-quadrant inverse tangent of `self / x`.
    fn atan2(self, x: Self) -> Self;
    /// `sqrt(a^2 + b^2)` without undue overflow.
    fn hypot(self, b: Self) -> Self;
    /// Magnitude of `self` with the sign of `b`.
    fn copysign(self, b: Self) -> Self;
    /// Whether the sign bit is set (true for -0.0).
    fn signbit(self) -> bool;
    /// The next representable value after `self` toward `b`.
    fn nextafter(self, b: Self) -> Self;
    /// `ln(e^a + e^b)` without overflow.
    fn logaddexp(self, b: Self) -> Self;
    /// Floor division `floor(a / b)` with NumPy's semantics.
    fn floor_div_f(self, b: Self) -> Self;
    /// Remainder with the sign of the divisor (NumPy's `remainder`).
    fn rem_floor_f(self, b: Self) -> Self;
}

/// Complex floating types: [`c32`] and [`c64`].
pub trait ComplexFloat: Float {
    /// Builds `re + i im`.
    fn new(re: Self::Real, im: Self::Real) -> Self;
}

// ---------------------------------------------------------------------------------------------
// Implementations

impl sealed::Sealed for bool {}
impl Element for bool {
    const DTYPE: DType = DType::Bool;
    #[inline(always)]
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self)
    }
    #[inline(always)]
    fn from_scalar(s: Scalar) -> Self {
        match s {
            Scalar::Bool(b) => b,
            Scalar::Int(i) => i != 0,
            Scalar::Float(f) => f != 0.0,
            Scalar::Complex(c) => c.re != 0.0 || c.im != 0.0,
        }
    }
}

macro_rules! int_element {
    ($t:ty, $dt:expr, $bits:expr) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = $dt;
            #[inline(always)]
            fn to_scalar(self) -> Scalar {
                Scalar::Int(self as i64)
            }
            #[inline(always)]
            fn from_scalar(s: Scalar) -> Self {
                match s {
                    Scalar::Bool(b) => b as $t,
                    // Wrapping, as NumPy's astype between integer types.
                    Scalar::Int(i) => i as $t,
                    Scalar::Float(f) => f as $t,
                    Scalar::Complex(c) => c.re as $t,
                }
            }
        }
        impl Numeric for $t {
            const ZERO: Self = 0;
            const ONE: Self = 1;
            #[inline(always)]
            fn add(self, b: Self) -> Self {
                self.wrapping_add(b)
            }
            #[inline(always)]
            fn sub(self, b: Self) -> Self {
                self.wrapping_sub(b)
            }
            #[inline(always)]
            fn mul(self, b: Self) -> Self {
                self.wrapping_mul(b)
            }
            #[inline(always)]
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn abs_same(self) -> Self {
                if self < 0 { self.wrapping_neg() } else { self }
            }
            #[inline(always)]
            fn abs2_f64(self) -> f64 {
                (self as f64) * (self as f64)
            }
        }
        impl RealNumeric for $t {
            const LOWEST: Self = <$t>::MIN;
            const HIGHEST: Self = <$t>::MAX;
            #[inline(always)]
            fn total_cmp(&self, other: &Self) -> Ordering {
                self.cmp(other)
            }
            #[inline(always)]
            fn is_nan_real(self) -> bool {
                false
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
        impl Integer for $t {
            #[inline(always)]
            fn bitand(self, b: Self) -> Self {
                self & b
            }
            #[inline(always)]
            fn bitor(self, b: Self) -> Self {
                self | b
            }
            #[inline(always)]
            fn bitxor(self, b: Self) -> Self {
                self ^ b
            }
            #[inline(always)]
            fn bitnot(self) -> Self {
                !self
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn shl(self, b: Self) -> Self {
                if b < 0 || (b as i64) >= $bits {
                    0
                } else {
                    self.wrapping_shl(b as u32)
                }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn shr(self, b: Self) -> Self {
                if b < 0 || (b as i64) >= $bits {
                    if self < 0 { (0 as $t).wrapping_sub(1) } else { 0 }
                } else {
                    self.wrapping_shr(b as u32)
                }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn floor_div(self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let q = self.wrapping_div(b);
                if (self.wrapping_rem(b) != 0) && ((self < 0) != (b < 0)) {
                    q.wrapping_sub(1)
                } else {
                    q
                }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn rem_floor(self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let r = self.wrapping_rem(b);
                if r != 0 && ((r < 0) != (b < 0)) {
                    r.wrapping_add(b)
                } else {
                    r
                }
            }
        }
    };
}
int_element!(u8, DType::U8, 8);
int_element!(i32, DType::I32, 32);
int_element!(i64, DType::I64, 64);

macro_rules! real_float {
    ($t:ty, $dt:expr, $bits:ty) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = $dt;
            #[inline(always)]
            fn to_scalar(self) -> Scalar {
                Scalar::Float(self as f64)
            }
            #[inline(always)]
            fn from_scalar(s: Scalar) -> Self {
                match s {
                    Scalar::Bool(b) => b as u8 as $t,
                    Scalar::Int(i) => i as $t,
                    Scalar::Float(f) => f as $t,
                    Scalar::Complex(c) => c.re as $t,
                }
            }
        }
        impl Numeric for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            #[inline(always)]
            fn add(self, b: Self) -> Self {
                self + b
            }
            #[inline(always)]
            fn sub(self, b: Self) -> Self {
                self - b
            }
            #[inline(always)]
            fn mul(self, b: Self) -> Self {
                self * b
            }
            #[inline(always)]
            fn neg(self) -> Self {
                -self
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn abs_same(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn abs2_f64(self) -> f64 {
                (self as f64) * (self as f64)
            }
        }
        impl RealNumeric for $t {
            const LOWEST: Self = <$t>::NEG_INFINITY;
            const HIGHEST: Self = <$t>::INFINITY;
            #[inline(always)]
            fn total_cmp(&self, other: &Self) -> Ordering {
                match (self.is_nan(), other.is_nan()) {
                    (false, false) => self.partial_cmp(other).unwrap_or(Ordering::Equal),
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                }
            }
            #[inline(always)]
            fn is_nan_real(self) -> bool {
                self.is_nan()
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
        impl Float for $t {
            type Real = $t;
            #[inline(always)]
            fn div(self, b: Self) -> Self {
                self / b
            }
            #[inline(always)]
            fn recip(self) -> Self {
                1.0 / self
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            #[inline(always)]
            fn exp(self) -> Self {
                <$t>::exp(self)
            }
            #[inline(always)]
            fn expm1(self) -> Self {
                <$t>::exp_m1(self)
            }
            #[inline(always)]
            fn ln(self) -> Self {
                <$t>::ln(self)
            }
            #[inline(always)]
            fn ln_1p(self) -> Self {
                <$t>::ln_1p(self)
            }
            #[inline(always)]
            fn log2(self) -> Self {
                <$t>::log2(self)
            }
            #[inline(always)]
            fn log10(self) -> Self {
                <$t>::log10(self)
            }
            #[inline(always)]
            fn sin(self) -> Self {
                <$t>::sin(self)
            }
            #[inline(always)]
            fn cos(self) -> Self {
                <$t>::cos(self)
            }
            #[inline(always)]
            fn tan(self) -> Self {
                <$t>::tan(self)
            }
            #[inline(always)]
            fn asin(self) -> Self {
                <$t>::asin(self)
            }
            #[inline(always)]
            fn acos(self) -> Self {
                <$t>::acos(self)
            }
            #[inline(always)]
            fn atan(self) -> Self {
                <$t>::atan(self)
            }
            #[inline(always)]
            fn sinh(self) -> Self {
                <$t>::sinh(self)
            }
            #[inline(always)]
            fn cosh(self) -> Self {
                <$t>::cosh(self)
            }
            #[inline(always)]
            fn tanh(self) -> Self {
                <$t>::tanh(self)
            }
            #[inline(always)]
            fn asinh(self) -> Self {
                <$t>::asinh(self)
            }
            #[inline(always)]
            fn acosh(self) -> Self {
                <$t>::acosh(self)
            }
            #[inline(always)]
            fn atanh(self) -> Self {
                <$t>::atanh(self)
            }
            #[inline(always)]
            fn pow(self, b: Self) -> Self {
                <$t>::powf(self, b)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn re(self) -> Self {
                self
            }
            #[inline(always)]
            fn im(self) -> Self {
                0.0
            }
            #[inline(always)]
            fn conj(self) -> Self {
                self
            }
            #[inline(always)]
            fn from_real(r: Self) -> Self {
                r
            }
            #[inline(always)]
            fn sign(self) -> Self {
                if self > 0.0 {
                    1.0
                } else if self < 0.0 {
                    -1.0
                } else {
                    // 0.0, -0.0 and NaN are returned as they are.
                    self
                }
            }
            #[inline(always)]
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            #[inline(always)]
            fn is_infinite(self) -> bool {
                <$t>::is_infinite(self)
            }
            #[inline(always)]
            fn is_finite(self) -> bool {
                <$t>::is_finite(self)
            }
        }
        impl RealFloat for $t {
            const EPSILON: Self = <$t>::EPSILON;
            const NAN: Self = <$t>::NAN;
            const INFINITY: Self = <$t>::INFINITY;
            const NEG_INFINITY: Self = <$t>::NEG_INFINITY;
            const MAX: Self = <$t>::MAX;
            const MIN_POSITIVE: Self = <$t>::MIN_POSITIVE;
            #[inline(always)]
            fn floor(self) -> Self {
                <$t>::floor(self)
            }
            #[inline(always)]
            fn ceil(self) -> Self {
                <$t>::ceil(self)
            }
            #[inline(always)]
            fn round(self) -> Self {
                <$t>::round_ties_even(self)
            }
            #[inline(always)]
            fn trunc(self) -> Self {
                <$t>::trunc(self)
            }
            #[inline(always)]
            fn atan2(self, x: Self) -> Self {
                <$t>::atan2(self, x)
            }
            #[inline(always)]
            fn hypot(self, b: Self) -> Self {
                <$t>::hypot(self, b)
            }
            #[inline(always)]
            fn copysign(self, b: Self) -> Self {
                <$t>::copysign(self, b)
            }
            #[inline(always)]
            fn signbit(self) -> bool {
                self.is_sign_negative()
            }
            #[inline]
            fn nextafter(self, b: Self) -> Self {
                if self.is_nan() || b.is_nan() {
                    return <$t>::NAN;
                }
                if self == b {
                    return b;
                }
                if self == 0.0 {
                    let tiny = <$t>::from_bits(1);
                    return if b > 0.0 { tiny } else { -tiny };
                }
                let bits = self.to_bits();
                let away_from_zero = (b > self) == (self > 0.0);
                let next: $bits = if away_from_zero { bits + 1 } else { bits - 1 };
                <$t>::from_bits(next)
            }
            #[inline(always)]
            fn logaddexp(self, b: Self) -> Self {
                if self == b {
                    // Also covers equal infinities, where the formula below gives NaN.
                    return self + <$t>::ln(2.0);
                }
                let m = if self > b { self } else { b };
                let d = -<$t>::abs(self - b);
                if d.is_nan() {
                    d
                } else {
                    m + <$t>::ln_1p(<$t>::exp(d))
                }
            }
            #[inline(always)]
            fn floor_div_f(self, b: Self) -> Self {
                if b == 0.0 {
                    return self / b;
                }
                // NumPy's divmod: the quotient of the truncated remainder (exact in floating
                // point), moved down by one where the floored remainder changes sign, then
                // rounded to the nearest integer below. Taking the floored remainder first
                // would turn `-1 // inf` into `(-1 - inf) / inf = NaN` instead of -1.
                let m = self % b;
                let mut q = (self - m) / b;
                if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
                    q -= 1.0;
                }
                if q == 0.0 {
                    (0.0 as $t).copysign(self / b)
                } else {
                    let f = q.floor();
                    if q - f > 0.5 { f + 1.0 } else { f }
                }
            }
            #[inline(always)]
            fn rem_floor_f(self, b: Self) -> Self {
                if b == 0.0 {
                    return <$t>::NAN;
                }
                let r = self % b;
                if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
                    r + b
                } else if r == 0.0 {
                    (0.0 as $t).copysign(b)
                } else {
                    r
                }
            }
        }
    };
}
real_float!(f32, DType::F32, u32);
real_float!(f64, DType::F64, u64);

macro_rules! complex_float {
    ($r:ty, $dt:expr) => {
        impl sealed::Sealed for Complex<$r> {}
        impl Element for Complex<$r> {
            const DTYPE: DType = $dt;
            #[inline(always)]
            fn to_scalar(self) -> Scalar {
                Scalar::Complex(Complex::new(self.re as f64, self.im as f64))
            }
            #[inline(always)]
            fn from_scalar(s: Scalar) -> Self {
                match s {
                    Scalar::Bool(b) => Complex::new(b as u8 as $r, 0.0),
                    Scalar::Int(i) => Complex::new(i as $r, 0.0),
                    Scalar::Float(f) => Complex::new(f as $r, 0.0),
                    Scalar::Complex(c) => Complex::new(c.re as $r, c.im as $r),
                }
            }
        }
        impl Numeric for Complex<$r> {
            const ZERO: Self = Complex::new(0.0, 0.0);
            const ONE: Self = Complex::new(1.0, 0.0);
            #[inline(always)]
            fn add(self, b: Self) -> Self {
                self + b
            }
            #[inline(always)]
            fn sub(self, b: Self) -> Self {
                self - b
            }
            #[inline(always)]
            fn mul(self, b: Self) -> Self {
                self * b
            }
            #[inline(always)]
            fn neg(self) -> Self {
                -self
            }
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                Complex::new(v as $r, 0.0)
            }
            #[inline(always)]
            fn abs_same(self) -> Self {
                Complex::new(self.norm(), 0.0)
            }
            #[inline(always)]
            fn abs2_f64(self) -> f64 {
                (self.re as f64) * (self.re as f64) + (self.im as f64) * (self.im as f64)
            }
        }
        impl Float for Complex<$r> {
            type Real = $r;
            #[inline(always)]
            fn div(self, b: Self) -> Self {
                self / b
            }
            #[inline(always)]
            fn recip(self) -> Self {
                Complex::new(1.0, 0.0) / self
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                Complex::sqrt(self)
            }
            #[inline(always)]
            fn exp(self) -> Self {
                Complex::exp(self)
            }
            #[inline(always)]
            fn expm1(self) -> Self {
                // expm1(x + iy) = expm1(x) cos y - 2 sin^2(y/2) + i e^x sin y, accurate near 0.
                let (x, y) = (self.re, self.im);
                let s = <$r>::sin(y / 2.0);
                Complex::new(
                    <$r>::exp_m1(x) * <$r>::cos(y) - 2.0 * s * s,
                    <$r>::exp(x) * <$r>::sin(y),
                )
            }
            #[inline(always)]
            fn ln(self) -> Self {
                Complex::ln(self)
            }
            #[inline(always)]
            fn ln_1p(self) -> Self {
                // log1p(z) = ln|1+z| + i arg(1+z), with ln|1+z| = log1p(2x + x^2 + y^2) / 2.
                let (x, y) = (self.re, self.im);
                let t = 2.0 * x + x * x + y * y;
                let re = if t.abs() < 0.5 {
                    <$r>::ln_1p(t) / 2.0
                } else {
                    <$r>::ln(<$r>::hypot(1.0 + x, y))
                };
                Complex::new(re, <$r>::atan2(y, 1.0 + x))
            }
            #[inline(always)]
            fn log2(self) -> Self {
                Complex::ln(self) / std::f64::consts::LN_2 as $r
            }
            #[inline(always)]
            fn log10(self) -> Self {
                Complex::ln(self) / std::f64::consts::LN_10 as $r
            }
            #[inline(always)]
            fn sin(self) -> Self {
                Complex::sin(self)
            }
            #[inline(always)]
            fn cos(self) -> Self {
                Complex::cos(self)
            }
            #[inline(always)]
            fn tan(self) -> Self {
                Complex::tan(self)
            }
            #[inline(always)]
            fn asin(self) -> Self {
                Complex::asin(self)
            }
            #[inline(always)]
            fn acos(self) -> Self {
                Complex::acos(self)
            }
            #[inline(always)]
            fn atan(self) -> Self {
                Complex::atan(self)
            }
            #[inline(always)]
            fn sinh(self) -> Self {
                Complex::sinh(self)
            }
            #[inline(always)]
            fn cosh(self) -> Self {
                Complex::cosh(self)
            }
            #[inline(always)]
            fn tanh(self) -> Self {
                Complex::tanh(self)
            }
            #[inline(always)]
            fn asinh(self) -> Self {
                Complex::asinh(self)
            }
            #[inline(always)]
            fn acosh(self) -> Self {
                Complex::acosh(self)
            }
            #[inline(always)]
            fn atanh(self) -> Self {
                Complex::atanh(self)
            }
            #[inline(always)]
            fn pow(self, b: Self) -> Self {
                if b.im == 0.0 && b.re == 0.0 {
                    return Complex::new(1.0, 0.0);
                }
                if self.re == 0.0 && self.im == 0.0 {
                    return if b.re > 0.0 {
                        Complex::new(0.0, 0.0)
                    } else {
                        Complex::new(<$r>::NAN, <$r>::NAN)
                    };
                }
                Complex::powc(self, b)
            }
            #[inline(always)]
            fn abs(self) -> $r {
                self.norm()
            }
            #[inline(always)]
            fn re(self) -> $r {
                self.re
            }
            #[inline(always)]
            fn im(self) -> $r {
                self.im
            }
            #[inline(always)]
            fn conj(self) -> Self {
                Complex::conj(&self)
            }
            #[inline(always)]
            fn from_real(r: $r) -> Self {
                Complex::new(r, 0.0)
            }
            #[inline(always)]
            fn sign(self) -> Self {
                let n = self.norm();
                if n == 0.0 {
                    Complex::new(0.0, 0.0)
                } else if n.is_nan() {
                    Complex::new(<$r>::NAN, <$r>::NAN)
                } else {
                    self / n
                }
            }
            #[inline(always)]
            fn is_nan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
            #[inline(always)]
            fn is_infinite(self) -> bool {
                self.re.is_infinite() || self.im.is_infinite()
            }
            #[inline(always)]
            fn is_finite(self) -> bool {
                self.re.is_finite() && self.im.is_finite()
            }
        }
        impl ComplexFloat for Complex<$r> {
            #[inline(always)]
            fn new(re: $r, im: $r) -> Self {
                Complex::new(re, im)
            }
        }
    };
}
complex_float!(f32, DType::C64);
complex_float!(f64, DType::C128);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_division_follows_numpy() {
        assert_eq!((-7i64).floor_div(2), -4);
        assert_eq!((-7i64).rem_floor(2), 1);
        assert_eq!(7i32.rem_floor(-2), -1);
        assert_eq!(5u8.floor_div(0), 0);
        assert_eq!((-1i32).shr(40), -1);
        assert_eq!(1i32.shl(40), 0);
    }

    #[test]
    fn float_helpers_follow_numpy() {
        assert_eq!((-7.0f64).floor_div_f(2.0), -4.0);
        assert_eq!((-7.0f64).rem_floor_f(2.0), 1.0);
        assert_eq!(RealFloat::round(2.5f64), 2.0);
        assert_eq!(RealFloat::round(-3.5f32), -4.0);
        assert_eq!(1.0f64.nextafter(2.0), 1.0 + f64::EPSILON);
        assert_eq!(f64::INFINITY.logaddexp(f64::INFINITY), f64::INFINITY);
        assert!((0.0f64.logaddexp(0.0) - 2f64.ln()).abs() < 1e-15);
    }

    #[test]
    fn casts_follow_astype() {
        assert_eq!(2.9f64.cast::<i32>(), 2);
        assert_eq!((-2.9f64).cast::<i64>(), -2);
        assert!(3u8.cast::<bool>());
        assert_eq!(c64::new(1.5, 2.0).cast::<f32>(), 1.5);
        assert_eq!(300i64.cast::<u8>(), 44);
    }
}
