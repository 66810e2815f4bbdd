//! Element-wise functions of the array API standard, one line each on top of [`crate::kernels`].
//!
//! Type rules: arithmetic needs [`Numeric`], transcendental functions [`Float`] (real or complex),
//! rounding and `atan2`-style functions [`RealFloat`], bitwise functions [`Integer`], logical
//! functions `bool`. Both operands of a binary function have the same element type (use
//! [`Array::astype`] to convert); they broadcast against each other.
//!
//! Rust has no overloading by type, so where the standard's function takes both integers and
//! floats with different kernels, the integer form carries an `_int` suffix: [`Array::abs_int`],
//! [`Array::sign_int`], [`Array::pow_int`], [`Array::floor_divide_int`],
//! [`Array::remainder_int`], [`Array::isnan_int`], [`Array::isinf_int`], [`Array::isfinite_int`].
//! `where` is [`crate::array::searching::where_`]; operators (`+ - * / % & | ^ ! << >>`) are in
//! [`crate::array::ops`].

use crate::array::Array;
use crate::backend::Backend;
use crate::element::{ComplexFloat, Element, Float, Integer, Numeric, RealFloat, RealNumeric};
use crate::error::Result;
use crate::kernels::binary::*;
use crate::kernels::unary::*;

/// Generates `pub fn name(&self) -> Result<Array<Out, B>>` methods from unary kernels.
macro_rules! unary_methods {
    ($($(#[$doc:meta])* $method:ident => $kernel:ident;)*) => {
        $(
            $(#[$doc])*
            ///
            /// # Errors
            /// Only a backend failure.
            pub fn $method(&self) -> Result<Array<<$kernel<T> as crate::kernels::Map1>::Out, B>> {
                self.map1($kernel::<T>::new())
            }
        )*
    };
}

/// Generates `pub fn name(&self, other) -> Result<Array<Out, B>>` methods from binary kernels.
macro_rules! binary_methods {
    ($($(#[$doc:meta])* $method:ident => $kernel:ident;)*) => {
        $(
            $(#[$doc])*
            ///
            /// # Errors
            /// [`crate::Error::Broadcast`] if the shapes do not broadcast.
            pub fn $method(&self, other: &Array<T, B>) -> Result<Array<<$kernel<T> as crate::kernels::Map2>::Out, B>> {
                self.map2(other, $kernel::<T>::new())
            }
        )*
    };
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Casts to another element type (NumPy's `astype`, unsafe casting: see [`Element::from_scalar`]).
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn astype<U: Element>(&self) -> Result<Array<U, B>> {
        self.map1(Cast::<T, U>::new())
    }

    unary_methods! {
        /// `+x`: a copy.
        positive => Positive;
    }
    binary_methods! {
        /// `x1 == x2`.
        equal => Equal;
        /// `x1 != x2`.
        not_equal => NotEqual;
    }
}

impl<T: ComplexFloat, B: Backend> Array<T, B> {
    /// `re + i im` from real and imaginary parts, broadcast together (NumPy's `re + 1j * im`,
    /// without its rounding: each part is kept exactly, infinities and signed zeros included).
    ///
    /// ```
    /// use xp_core::{Array, c64};
    /// let re = Array::<f64>::from_slice(&[1.0, 2.0])?;
    /// let im = Array::<f64>::from_slice(&[-1.0])?;
    /// let z = Array::<c64>::complex(&re, &im)?;
    /// assert_eq!(z.to_vec()?, vec![c64::new(1.0, -1.0), c64::new(2.0, -1.0)]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::Broadcast`] if the shapes do not broadcast; [`crate::Error::DeviceMismatch`]
    /// if the parts live on different devices.
    pub fn complex(re: &Array<T::Real, B>, im: &Array<T::Real, B>) -> Result<Self> {
        re.map2(im, MakeComplex::<T>::new())
    }
}

impl<T: Numeric, B: Backend> Array<T, B> {
    unary_methods! {
        /// `-x` (wrapping for integers).
        negative => Negative;
        /// `x * x`.
        square => Square;
    }
    binary_methods! {
        /// `x1 + x2` (wrapping for integers).
        add => Add;
        /// `x1 - x2`.
        subtract => Subtract;
        /// `x1 * x2`.
        multiply => Multiply;
    }
}

impl<T: RealNumeric, B: Backend> Array<T, B> {
    binary_methods! {
        /// `x1 < x2`.
        less => Less;
        /// `x1 <= x2`.
        less_equal => LessEqual;
        /// `x1 > x2`.
        greater => Greater;
        /// `x1 >= x2`.
        greater_equal => GreaterEqual;
        /// Element-wise minimum, NaN-propagating.
        minimum => Minimum;
        /// Element-wise maximum, NaN-propagating.
        maximum => Maximum;
    }

    /// `clip(x, min, max)` with scalar bounds; `None` leaves that side unbounded.
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn clip(&self, min: Option<T>, max: Option<T>) -> Result<Self> {
        self.map1(ClipScalar { lo: min, hi: max })
    }

    /// `clip(x, min, max)` with array bounds that broadcast against `x`.
    ///
    /// # Errors
    /// [`crate::Error::Broadcast`] if the shapes do not broadcast.
    pub fn clip_arrays(&self, min: &Self, max: &Self) -> Result<Self> {
        self.map3(min, max, Clip::<T>::new())
    }
}

impl<T: Integer, B: Backend> Array<T, B> {
    unary_methods! {
        /// `|x|` (wrapping at the minimum value, as NumPy).
        abs_int => AbsReal;
        /// Sign: -1, 0 or 1.
        sign_int => SignInt;
        /// Bitwise not.
        bitwise_invert => BitwiseInvert;
    }
    binary_methods! {
        /// Floor division (by zero gives 0).
        floor_divide_int => FloorDivideInt;
        /// Remainder with the sign of the divisor (by zero gives 0).
        remainder_int => RemainderInt;
        /// Bitwise and.
        bitwise_and => BitwiseAnd;
        /// Bitwise or.
        bitwise_or => BitwiseOr;
        /// Bitwise xor.
        bitwise_xor => BitwiseXor;
        /// Left shift.
        bitwise_left_shift => BitwiseLeftShift;
        /// Right shift.
        bitwise_right_shift => BitwiseRightShift;
        /// `x1 ^ x2` (wrapping on overflow). A negative exponent gives the truncated
        /// `1 / x1^|x2|`: 0 unless `x1` is 1 or -1 (NumPy raises instead).
        pow_int => PowInt;
    }

    /// Whether each element is NaN: all `false` for integers (the standard's `isnan`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_slice(&[1, 2])?;
    /// assert_eq!(a.isnan_int()?.to_vec()?, vec![false, false]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn isnan_int(&self) -> Result<Array<bool, B>> {
        Array::<bool, B>::elementwise_filled_bool(self.shape(), false, &self.device())
    }

    /// Whether each element is infinite: all `false` for integers (the standard's `isinf`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_slice(&[i64::MAX])?;
    /// assert_eq!(a.isinf_int()?.to_vec()?, vec![false]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn isinf_int(&self) -> Result<Array<bool, B>> {
        Array::<bool, B>::elementwise_filled_bool(self.shape(), false, &self.device())
    }

    /// Whether each element is finite: all `true` for integers (the standard's `isfinite`).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<u8>::from_slice(&[0, 255])?;
    /// assert_eq!(a.isfinite_int()?.to_vec()?, vec![true, true]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn isfinite_int(&self) -> Result<Array<bool, B>> {
        Array::<bool, B>::elementwise_filled_bool(self.shape(), true, &self.device())
    }
}

impl<T: Float, B: Backend> Array<T, B> {
    unary_methods! {
        /// `|x|` as the real type (modulus for complex).
        abs => Abs;
        /// Square root.
        sqrt => Sqrt;
        /// `e^x`.
        exp => Exp;
        /// `e^x - 1`, accurate near 0.
        expm1 => Expm1;
        /// Natural logarithm.
        log => Log;
        /// `ln(1 + x)`, accurate near 0.
        log1p => Log1p;
        /// Base-2 logarithm.
        log2 => Log2;
        /// Base-10 logarithm.
        log10 => Log10;
        /// Sine.
        sin => Sin;
        /// Cosine.
        cos => Cos;
        /// Tangent.
        tan => Tan;
        /// Inverse sine.
        asin => Asin;
        /// Inverse cosine.
        acos => Acos;
        /// Inverse tangent.
        atan => Atan;
        /// Hyperbolic sine.
        sinh => Sinh;
        /// Hyperbolic cosine.
        cosh => Cosh;
        /// Hyperbolic tangent.
        tanh => Tanh;
        /// Inverse hyperbolic sine.
        asinh => Asinh;
        /// Inverse hyperbolic cosine.
        acosh => Acosh;
        /// Inverse hyperbolic tangent.
        atanh => Atanh;
        /// `1 / x`.
        reciprocal => Reciprocal;
        /// Complex conjugate (a copy for real types).
        conj => Conj;
        /// Real part.
        real => Real;
        /// Imaginary part (zeros for real types).
        imag => Imag;
        /// Sign: -1, 0, 1 for reals (NaN stays NaN), `x / |x|` for complex.
        sign => Sign;
        /// Whether each element is NaN.
        isnan => IsNan;
        /// Whether each element is infinite.
        isinf => IsInf;
        /// Whether each element is finite.
        isfinite => IsFinite;
    }
    binary_methods! {
        /// `x1 / x2`.
        divide => Divide;
        /// `x1 ^ x2`.
        pow => Pow;
    }

    /// `x ^ exponent` with a scalar exponent.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_slice(&[4.0, 9.0])?;
    /// assert_eq!(a.pow_scalar(0.5)?.to_vec()?, vec![2.0, 3.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn pow_scalar(&self, exponent: T) -> Result<Self> {
        self.map1(WithRight {
            kernel: Pow::<T>::new(),
            scalar: exponent,
        })
    }
}

impl<T: RealFloat, B: Backend> Array<T, B> {
    unary_methods! {
        /// Round down.
        floor => Floor;
        /// Round up.
        ceil => Ceil;
        /// Round half to even.
        round => Round;
        /// Round toward zero.
        trunc => Trunc;
        /// Whether the sign bit is set.
        signbit => Signbit;
    }
    binary_methods! {
        /// `atan2(x1, x2)`, the angle of the point `(x2, x1)`.
        atan2 => Atan2;
        /// `sqrt(x1^2 + x2^2)`.
        hypot => Hypot;
        /// `|x1|` with the sign of `x2`.
        copysign => Copysign;
        /// Next representable value after `x1` toward `x2`.
        nextafter => Nextafter;
        /// `ln(e^x1 + e^x2)`.
        logaddexp => Logaddexp;
        /// `floor(x1 / x2)`.
        floor_divide => FloorDivide;
        /// Remainder with the sign of the divisor.
        remainder => Remainder;
    }
}

// `IsBool` is implemented for `bool` alone; the generic form lets the method macros name `T`.
impl<T: IsBool + IsBoolean, B: Backend> Array<T, B> {
    unary_methods! {
        /// Logical not.
        logical_not => LogicalNot;
    }
    binary_methods! {
        /// Logical and.
        logical_and => LogicalAnd;
        /// Logical or.
        logical_or => LogicalOr;
        /// Logical xor.
        logical_xor => LogicalXor;
    }
}

impl<B: Backend> Array<bool, B> {
    /// A `bool` array of `shape` filled with `value` on `device` (for the integer `is*` functions).
    fn elementwise_filled_bool(shape: &[usize], value: bool, device: &B::Device) -> Result<Self> {
        Ok(Array::from_storage(B::full(shape, value, device)?))
    }
}
