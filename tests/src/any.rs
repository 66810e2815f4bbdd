//! [`AnyArray`]: an `xp_core::Array` whose element type is chosen at run time, as fixtures
//! deliver it, and the macros that dispatch on it to generic xp calls.

use xp_core::element::Scalar;
use xp_core::{Array, Backend, DType, Element, c32, c64};

use crate::value::{HostArray, HostData, HostElement};

/// An array of one of the eight element types on backend `B`.
#[derive(Clone, Debug)]
pub enum AnyArray<B: Backend> {
    /// `bool`
    Bool(Array<bool, B>),
    /// `uint8`
    U8(Array<u8, B>),
    /// `int32`
    I32(Array<i32, B>),
    /// `int64`
    I64(Array<i64, B>),
    /// `float32`
    F32(Array<f32, B>),
    /// `float64`
    F64(Array<f64, B>),
    /// `complex64`
    C64(Array<c32, B>),
    /// `complex128`
    C128(Array<c64, B>),
}

/// One output of a call in SciPy's structure: an array, Python `None` (`lstsq`'s `s` with
/// `lapack_driver="gelsy"`), or a nested tuple (`qr(mode="raw")`'s `(h, tau)`,
/// `matrix_balance(separate=True)`'s `(scale, perm)`).
#[derive(Clone, Debug)]
pub enum AnyOut<B: Backend> {
    /// An array.
    Array(AnyArray<B>),
    /// Python `None`.
    None,
    /// A tuple of outputs.
    Tuple(Vec<AnyOut<B>>),
}

impl<B: Backend> From<AnyArray<B>> for AnyOut<B> {
    fn from(a: AnyArray<B>) -> Self {
        AnyOut::Array(a)
    }
}

impl<B: Backend> AnyOut<B> {
    /// Copies the arrays to the host depth first, `None` for Python `None`: the flat form in
    /// which outputs are compared (expected values are flattened the same way).
    ///
    /// # Errors
    /// A backend failure.
    pub fn flatten_to_host(&self, out: &mut Vec<Option<HostArray>>) -> xp_core::Result<()> {
        match self {
            AnyOut::Array(a) => out.push(Some(a.to_host()?)),
            AnyOut::None => out.push(None),
            AnyOut::Tuple(items) => {
                for item in items {
                    item.flatten_to_host(out)?;
                }
            }
        }
        Ok(())
    }
}

/// Element types that convert between `Array<T, B>` and [`AnyArray<B>`].
pub trait AnyElement: HostElement {
    /// Wraps a typed array.
    fn wrap<B: Backend>(a: Array<Self, B>) -> AnyArray<B>;
    /// The typed array, if `a` holds this type.
    fn unwrap<B: Backend>(a: &AnyArray<B>) -> Option<Array<Self, B>>;
}

macro_rules! any_element {
    ($($t:ty => $v:ident),*) => {$(
        impl AnyElement for $t {
            fn wrap<B: Backend>(a: Array<Self, B>) -> AnyArray<B> {
                AnyArray::$v(a)
            }
            fn unwrap<B: Backend>(a: &AnyArray<B>) -> Option<Array<Self, B>> {
                match a {
                    AnyArray::$v(x) => Some(x.clone()),
                    _ => None,
                }
            }
        }
        impl<B: Backend> From<Array<$t, B>> for AnyArray<B> {
            fn from(a: Array<$t, B>) -> Self {
                AnyArray::$v(a)
            }
        }
    )*};
}
any_element!(bool => Bool, u8 => U8, i32 => I32, i64 => I64, f32 => F32, f64 => F64, c32 => C64, c64 => C128);

/// Runs a body with `$a` bound to the typed array, per group of variants; any other element
/// type evaluates `$otherwise` (usually `return Err(..)`).
///
/// `each!(&x, [U8, I32, I64] a => a.abs_int(); [F32, F64] a => a.abs(); else return Err(..))`
/// evaluates to an [`AnyArray`]: each body returns `Result<Array<U, B>, E>`, and its error goes
/// through `?`.
#[macro_export]
macro_rules! each {
    ($x:expr, $([$($v:ident),+ $(,)?] $a:ident => $body:expr;)+ else $otherwise:expr) => {
        match $x {
            $($($crate::any::AnyArray::$v($a) => $crate::any::AnyArray::from($body?),)+)+
            #[allow(unreachable_patterns)]
            _ => $otherwise,
        }
    };
}

/// Like [`each!`] for two arrays of the same element type.
#[macro_export]
macro_rules! each2 {
    ($x:expr, $y:expr, $([$($v:ident),+ $(,)?] ($a:ident, $b:ident) => $body:expr;)+ else $otherwise:expr) => {
        match ($x, $y) {
            $($(($crate::any::AnyArray::$v($a), $crate::any::AnyArray::$v($b)) => $crate::any::AnyArray::from($body?),)+)+
            #[allow(unreachable_patterns)]
            _ => $otherwise,
        }
    };
}

/// Runs `$body` with the type alias `$t` set to the Rust type of each listed dtype.
#[macro_export]
macro_rules! with_dtype {
    ($dt:expr, $([$($v:ident),+ $(,)?] $t:ident => $body:expr;)+ else $otherwise:expr) => {
        match $dt {
            $($(xp_core::DType::$v => {
                #[allow(dead_code)]
                type $t = $crate::dtype_type!($v);
                $crate::any::AnyArray::from($body?)
            })+)+
            #[allow(unreachable_patterns)]
            _ => $otherwise,
        }
    };
}

/// The Rust element type of a dtype variant name.
#[macro_export]
macro_rules! dtype_type {
    (Bool) => {
        bool
    };
    (U8) => {
        u8
    };
    (I32) => {
        i32
    };
    (I64) => {
        i64
    };
    (F32) => {
        f32
    };
    (F64) => {
        f64
    };
    (C64) => {
        xp_core::c32
    };
    (C128) => {
        xp_core::c64
    };
}

impl<B: Backend> AnyArray<B> {
    /// Element type.
    pub fn dtype(&self) -> DType {
        match self {
            AnyArray::Bool(_) => DType::Bool,
            AnyArray::U8(_) => DType::U8,
            AnyArray::I32(_) => DType::I32,
            AnyArray::I64(_) => DType::I64,
            AnyArray::F32(_) => DType::F32,
            AnyArray::F64(_) => DType::F64,
            AnyArray::C64(_) => DType::C64,
            AnyArray::C128(_) => DType::C128,
        }
    }

    /// Shape.
    pub fn shape(&self) -> Vec<usize> {
        match self {
            AnyArray::Bool(a) => a.shape().to_vec(),
            AnyArray::U8(a) => a.shape().to_vec(),
            AnyArray::I32(a) => a.shape().to_vec(),
            AnyArray::I64(a) => a.shape().to_vec(),
            AnyArray::F32(a) => a.shape().to_vec(),
            AnyArray::F64(a) => a.shape().to_vec(),
            AnyArray::C64(a) => a.shape().to_vec(),
            AnyArray::C128(a) => a.shape().to_vec(),
        }
    }

    /// Uploads a host array to the backend.
    ///
    /// # Errors
    /// A backend failure.
    pub fn from_host(h: &HostArray) -> xp_core::Result<Self> {
        fn up<T: AnyElement, B: Backend>(v: &[T], shape: &[usize]) -> xp_core::Result<AnyArray<B>> {
            Ok(T::wrap(Array::<T, B>::from_vec(v.to_vec(), shape)?))
        }
        match &h.data {
            HostData::Bool(v) => up(v, &h.shape),
            HostData::U8(v) => up(v, &h.shape),
            HostData::I32(v) => up(v, &h.shape),
            HostData::I64(v) => up(v, &h.shape),
            HostData::F32(v) => up(v, &h.shape),
            HostData::F64(v) => up(v, &h.shape),
            HostData::C64(v) => up(v, &h.shape),
            HostData::C128(v) => up(v, &h.shape),
        }
    }

    /// Copies to the host (an explicit transfer).
    ///
    /// # Errors
    /// A backend failure.
    pub fn to_host(&self) -> xp_core::Result<HostArray> {
        fn down<T: HostElement, B: Backend>(a: &Array<T, B>) -> xp_core::Result<HostArray> {
            Ok(HostArray::new(a.shape().to_vec(), a.to_vec()?))
        }
        match self {
            AnyArray::Bool(a) => down(a),
            AnyArray::U8(a) => down(a),
            AnyArray::I32(a) => down(a),
            AnyArray::I64(a) => down(a),
            AnyArray::F32(a) => down(a),
            AnyArray::F64(a) => down(a),
            AnyArray::C64(a) => down(a),
            AnyArray::C128(a) => down(a),
        }
    }

    /// Casts to `dt` (NumPy's `astype`); a no-op when the type already matches.
    ///
    /// # Errors
    /// A backend failure.
    pub fn astype(&self, dt: DType) -> xp_core::Result<Self> {
        if dt == self.dtype() {
            return Ok(self.clone());
        }
        fn cast<T: Element, B: Backend>(a: &Array<T, B>, dt: DType) -> xp_core::Result<AnyArray<B>> {
            Ok(match dt {
                DType::Bool => AnyArray::Bool(a.astype()?),
                DType::U8 => AnyArray::U8(a.astype()?),
                DType::I32 => AnyArray::I32(a.astype()?),
                DType::I64 => AnyArray::I64(a.astype()?),
                DType::F32 => AnyArray::F32(a.astype()?),
                DType::F64 => AnyArray::F64(a.astype()?),
                DType::C64 => AnyArray::C64(a.astype()?),
                DType::C128 => AnyArray::C128(a.astype()?),
            })
        }
        match self {
            AnyArray::Bool(a) => cast(a, dt),
            AnyArray::U8(a) => cast(a, dt),
            AnyArray::I32(a) => cast(a, dt),
            AnyArray::I64(a) => cast(a, dt),
            AnyArray::F32(a) => cast(a, dt),
            AnyArray::F64(a) => cast(a, dt),
            AnyArray::C64(a) => cast(a, dt),
            AnyArray::C128(a) => cast(a, dt),
        }
    }

    /// A 0-D array of type `dt` holding `s` (cast with NumPy's rules).
    ///
    /// # Errors
    /// A backend failure.
    pub fn scalar(s: Scalar, dt: DType) -> xp_core::Result<Self> {
        fn mk<T: AnyElement, B: Backend>(s: Scalar) -> xp_core::Result<AnyArray<B>> {
            Ok(T::wrap(Array::<T, B>::scalar(T::from_scalar(s))?))
        }
        match dt {
            DType::Bool => mk::<bool, B>(s),
            DType::U8 => mk::<u8, B>(s),
            DType::I32 => mk::<i32, B>(s),
            DType::I64 => mk::<i64, B>(s),
            DType::F32 => mk::<f32, B>(s),
            DType::F64 => mk::<f64, B>(s),
            DType::C64 => mk::<c32, B>(s),
            DType::C128 => mk::<c64, B>(s),
        }
    }
}

/// The dtype NumPy promotes two array dtypes to (`f32 + f64 -> f64`, `u8 + i32 -> i32`,
/// `i32 + f32 -> f64`, `f64 + c64 -> c128`, `bool + x -> x`).
pub fn promote(a: DType, b: DType) -> DType {
    use DType::*;
    if a == b {
        return a;
    }
    let rank = |d: DType| match d {
        Bool => 0,
        U8 | I32 | I64 => 1,
        F32 | F64 => 2,
        C64 | C128 => 3,
    };
    let (lo, hi) = if rank(a) <= rank(b) { (a, b) } else { (b, a) };
    match (lo, hi) {
        (Bool, x) => x,
        (U8, I32) | (U8, I64) | (I32, I64) => hi,
        (I32, U8) | (I64, U8) | (I64, I32) => lo,
        (U8, F32) => F32,
        (U8, C64) => C64,
        (I32 | I64, F32 | F64) => F64,
        (I32 | I64, C64 | C128) => C128,
        (U8, x) => x,
        (F32, F64) | (F64, F32) => F64,
        (F32, C64) => C64,
        (F32, C128) | (F64, C64 | C128) => C128,
        (C64, C128) | (C128, C64) => C128,
        (x, _) => x,
    }
}

/// The dtype a Python scalar of kind `s` takes next to an array of `array` (NEP 50: the scalar is
/// "weak" and adopts the array's type unless it is of a higher kind).
pub fn weak_scalar_dtype(s: &Scalar, array: DType) -> DType {
    use DType::*;
    match (s, array) {
        (Scalar::Bool(_), d) => d,
        (Scalar::Int(_), Bool) => I64,
        (Scalar::Int(_), d) => d,
        (Scalar::Float(_), Bool | U8 | I32 | I64) => F64,
        (Scalar::Float(_), d) => d,
        (Scalar::Complex(_), F32 | C64) => C64,
        (Scalar::Complex(_), _) => C128,
    }
}

/// The dtype of a Python scalar on its own (NumPy's default types).
pub fn scalar_dtype(s: &Scalar) -> DType {
    match s {
        Scalar::Bool(_) => DType::Bool,
        Scalar::Int(_) => DType::I64,
        Scalar::Float(_) => DType::F64,
        Scalar::Complex(_) => DType::C128,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DType::*;

    #[test]
    fn promotion_follows_numpy() {
        assert_eq!(promote(F32, F64), F64);
        assert_eq!(promote(U8, I32), I32);
        assert_eq!(promote(I64, I32), I64);
        assert_eq!(promote(I32, F32), F64);
        assert_eq!(promote(U8, F32), F32);
        assert_eq!(promote(F64, C64), C128);
        assert_eq!(promote(C64, F32), C64);
        assert_eq!(promote(Bool, I32), I32);
        assert_eq!(promote(I32, Bool), I32);
        assert_eq!(weak_scalar_dtype(&Scalar::Float(1.0), F32), F32);
        assert_eq!(weak_scalar_dtype(&Scalar::Float(1.0), I32), F64);
        assert_eq!(weak_scalar_dtype(&Scalar::Complex(c64::new(0.0, 1.0)), F32), C64);
    }
}
