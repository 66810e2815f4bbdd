//! Operator overloads. They return `Result` (shapes may not broadcast), so write `(&a + &b)?`.
//! Arithmetic with a scalar on either side works too: `(&a * 2.0)?`, `(2.0 * &a)?`.
//!
//! | operator | element types | function |
//! |---|---|---|
//! | `a + b`, `a - b`, `a * b` | [`Numeric`] | `add`, `subtract`, `multiply` (integers wrap) |
//! | `a / b` | [`Float`] | `divide` |
//! | `-a` | [`Numeric`] | `negative` |
//! | `a % b` | `u8`, `i32`, `i64`, `f32`, `f64` | `remainder` (sign of the divisor) |
//! | `a & b`, `a \| b`, `a ^ b`, `!a` | [`Integer`], `bool` | `bitwise_*` / `logical_*` |
//! | `a << b`, `a >> b` | [`Integer`] | `bitwise_left_shift`, `bitwise_right_shift` |
//!
//! Operands may be arrays by reference or by value, and broadcast against each other. A scalar
//! of the array's element type may stand on the right of `+ - * /` for every element type, and on
//! the left for `u8`, `i32`, `i64`, `f32`, `f64`, [`c32`](crate::c32) and [`c64`](crate::c64)
//! (Rust's orphan rules rule out a generic left-hand scalar).
//!
//! ```
//! use xp_core::Array;
//! let a = Array::<f64>::from_slice(&[1.0, 2.0, 3.0])?;
//! let b = Array::<f64>::from_vec(vec![10.0, 20.0], &[2, 1])?;
//! let c = (&a + &b)?; // broadcasts to shape (2, 3)
//! assert_eq!(c.to_vec()?, vec![11.0, 12.0, 13.0, 21.0, 22.0, 23.0]);
//! let d = ((2.0 * &a)? - 1.0)?;
//! assert_eq!(d.to_vec()?, vec![1.0, 3.0, 5.0]);
//! assert!((&a + &Array::<f64>::zeros(&[2])?).is_err()); // shapes (3,) and (2,) do not broadcast
//! # Ok::<(), xp_core::Error>(())
//! ```

use std::ops;

use crate::array::Array;
use crate::backend::Backend;
use crate::element::{Float, Integer, Numeric};
use crate::error::Result;
use crate::kernels::binary as k;
use crate::kernels::binary::{WithLeft, WithRight};
use crate::kernels::unary::{BitwiseInvert, LogicalNot, Negative};

/// Implements `op` for the four combinations of owned and borrowed arrays with a generic bound.
macro_rules! array_op {
    ($Trait:ident, $method:ident, $bound:path, $Kernel:ident) => {
        impl<T: $bound, B: Backend> ops::$Trait<&Array<T, B>> for &Array<T, B> {
            type Output = Result<Array<T, B>>;
            fn $method(self, rhs: &Array<T, B>) -> Self::Output {
                self.map2(rhs, k::$Kernel::<T>::new())
            }
        }
        impl<T: $bound, B: Backend> ops::$Trait<Array<T, B>> for &Array<T, B> {
            type Output = Result<Array<T, B>>;
            fn $method(self, rhs: Array<T, B>) -> Self::Output {
                self.map2(&rhs, k::$Kernel::<T>::new())
            }
        }
        impl<T: $bound, B: Backend> ops::$Trait<&Array<T, B>> for Array<T, B> {
            type Output = Result<Array<T, B>>;
            fn $method(self, rhs: &Array<T, B>) -> Self::Output {
                self.map2(rhs, k::$Kernel::<T>::new())
            }
        }
        impl<T: $bound, B: Backend> ops::$Trait<Array<T, B>> for Array<T, B> {
            type Output = Result<Array<T, B>>;
            fn $method(self, rhs: Array<T, B>) -> Self::Output {
                self.map2(&rhs, k::$Kernel::<T>::new())
            }
        }
    };
}

/// Implements `array op scalar` (scalar of the element type on the right) for a generic bound.
macro_rules! scalar_right_op {
    ($Trait:ident, $method:ident, $bound:path, $Kernel:ident) => {
        impl<T: $bound, B: Backend> ops::$Trait<T> for &Array<T, B> {
            type Output = Result<Array<T, B>>;
            fn $method(self, rhs: T) -> Self::Output {
                self.map1(WithRight {
                    kernel: k::$Kernel::<T>::new(),
                    scalar: rhs,
                })
            }
        }
        impl<T: $bound, B: Backend> ops::$Trait<T> for Array<T, B> {
            type Output = Result<Array<T, B>>;
            fn $method(self, rhs: T) -> Self::Output {
                self.map1(WithRight {
                    kernel: k::$Kernel::<T>::new(),
                    scalar: rhs,
                })
            }
        }
    };
}

/// Implements `scalar op array` for concrete element types.
macro_rules! scalar_left_op {
    ($Trait:ident, $method:ident, $Kernel:ident, $($t:ty),+) => {
        $(
            impl<B: Backend> ops::$Trait<&Array<$t, B>> for $t {
                type Output = Result<Array<$t, B>>;
                fn $method(self, rhs: &Array<$t, B>) -> Self::Output {
                    rhs.map1(WithLeft {
                        kernel: k::$Kernel::<$t>::new(),
                        scalar: self,
                    })
                }
            }
            impl<B: Backend> ops::$Trait<Array<$t, B>> for $t {
                type Output = Result<Array<$t, B>>;
                fn $method(self, rhs: Array<$t, B>) -> Self::Output {
                    rhs.map1(WithLeft {
                        kernel: k::$Kernel::<$t>::new(),
                        scalar: self,
                    })
                }
            }
        )+
    };
}

/// Implements an operator between arrays of one concrete element type with a given kernel.
macro_rules! concrete_array_op {
    ($Trait:ident, $method:ident, $Kernel:ident, $($t:ty),+) => {
        $(
            impl<B: Backend> ops::$Trait<&Array<$t, B>> for &Array<$t, B> {
                type Output = Result<Array<$t, B>>;
                fn $method(self, rhs: &Array<$t, B>) -> Self::Output {
                    self.map2(rhs, k::$Kernel::<$t>::new())
                }
            }
            impl<B: Backend> ops::$Trait<Array<$t, B>> for &Array<$t, B> {
                type Output = Result<Array<$t, B>>;
                fn $method(self, rhs: Array<$t, B>) -> Self::Output {
                    self.map2(&rhs, k::$Kernel::<$t>::new())
                }
            }
            impl<B: Backend> ops::$Trait<&Array<$t, B>> for Array<$t, B> {
                type Output = Result<Array<$t, B>>;
                fn $method(self, rhs: &Array<$t, B>) -> Self::Output {
                    self.map2(rhs, k::$Kernel::<$t>::new())
                }
            }
            impl<B: Backend> ops::$Trait<Array<$t, B>> for Array<$t, B> {
                type Output = Result<Array<$t, B>>;
                fn $method(self, rhs: Array<$t, B>) -> Self::Output {
                    self.map2(&rhs, k::$Kernel::<$t>::new())
                }
            }
        )+
    };
}

array_op!(Add, add, Numeric, Add);
array_op!(Sub, sub, Numeric, Subtract);
array_op!(Mul, mul, Numeric, Multiply);
array_op!(Div, div, Float, Divide);
array_op!(BitAnd, bitand, Integer, BitwiseAnd);
array_op!(BitOr, bitor, Integer, BitwiseOr);
array_op!(BitXor, bitxor, Integer, BitwiseXor);
array_op!(Shl, shl, Integer, BitwiseLeftShift);
array_op!(Shr, shr, Integer, BitwiseRightShift);

concrete_array_op!(BitAnd, bitand, LogicalAnd, bool);
concrete_array_op!(BitOr, bitor, LogicalOr, bool);
concrete_array_op!(BitXor, bitxor, LogicalXor, bool);
concrete_array_op!(Rem, rem, RemainderInt, u8, i32, i64);
concrete_array_op!(Rem, rem, Remainder, f32, f64);

scalar_right_op!(Add, add, Numeric, Add);
scalar_right_op!(Sub, sub, Numeric, Subtract);
scalar_right_op!(Mul, mul, Numeric, Multiply);
scalar_right_op!(Div, div, Float, Divide);

scalar_left_op!(Add, add, Add, u8, i32, i64, f32, f64, crate::c32, crate::c64);
scalar_left_op!(Sub, sub, Subtract, u8, i32, i64, f32, f64, crate::c32, crate::c64);
scalar_left_op!(Mul, mul, Multiply, u8, i32, i64, f32, f64, crate::c32, crate::c64);
scalar_left_op!(Div, div, Divide, f32, f64, crate::c32, crate::c64);

impl<T: Numeric, B: Backend> ops::Neg for &Array<T, B> {
    type Output = Result<Array<T, B>>;
    fn neg(self) -> Self::Output {
        self.map1(Negative::<T>::new())
    }
}

impl<T: Numeric, B: Backend> ops::Neg for Array<T, B> {
    type Output = Result<Array<T, B>>;
    fn neg(self) -> Self::Output {
        self.map1(Negative::<T>::new())
    }
}

impl<T: Integer, B: Backend> ops::Not for &Array<T, B> {
    type Output = Result<Array<T, B>>;
    fn not(self) -> Self::Output {
        self.map1(BitwiseInvert::<T>::new())
    }
}

impl<T: Integer, B: Backend> ops::Not for Array<T, B> {
    type Output = Result<Array<T, B>>;
    fn not(self) -> Self::Output {
        self.map1(BitwiseInvert::<T>::new())
    }
}

impl<B: Backend> ops::Not for &Array<bool, B> {
    type Output = Result<Array<bool, B>>;
    fn not(self) -> Self::Output {
        self.map1(LogicalNot::<bool>::new())
    }
}

impl<B: Backend> ops::Not for Array<bool, B> {
    type Output = Result<Array<bool, B>>;
    fn not(self) -> Self::Output {
        self.map1(LogicalNot::<bool>::new())
    }
}
