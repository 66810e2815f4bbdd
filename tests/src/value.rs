//! Host arrays ([`HostArray`]) and the values a manifest passes as arguments ([`Value`]).

use std::fmt;
use std::sync::Arc;

use xp_core::{DType, Element, c32, c64};

/// Row-major elements of one of the eight element types.
#[derive(Clone, Debug, PartialEq)]
pub enum HostData {
    /// `bool`
    Bool(Vec<bool>),
    /// `uint8`
    U8(Vec<u8>),
    /// `int32`
    I32(Vec<i32>),
    /// `int64`
    I64(Vec<i64>),
    /// `float32`
    F32(Vec<f32>),
    /// `float64`
    F64(Vec<f64>),
    /// `complex64`
    C64(Vec<c32>),
    /// `complex128`
    C128(Vec<c64>),
}

/// An n-dimensional array in host memory: what `.npy` files hold and what results are copied to.
#[derive(Clone, Debug, PartialEq)]
pub struct HostArray {
    /// Shape (empty for 0-D).
    pub shape: Vec<usize>,
    /// Row-major elements; `data.len()` is the product of `shape`.
    pub data: HostData,
}

/// One element of a [`HostArray`], widened for comparisons.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Elem {
    /// A boolean.
    Bool(bool),
    /// Any integer type.
    Int(i128),
    /// Any real floating type.
    Float(f64),
    /// Any complex type.
    Complex(c64),
}

impl Elem {
    /// The value as a complex number (booleans are 0 or 1).
    pub fn to_c64(self) -> c64 {
        match self {
            Elem::Bool(b) => c64::new(f64::from(u8::from(b)), 0.0),
            Elem::Int(i) => c64::new(i as f64, 0.0),
            Elem::Float(f) => c64::new(f, 0.0),
            Elem::Complex(c) => c,
        }
    }

    /// The value as an exact integer, for booleans and integer types.
    pub fn to_int(self) -> Option<i128> {
        match self {
            Elem::Bool(b) => Some(i128::from(b)),
            Elem::Int(i) => Some(i),
            Elem::Float(_) | Elem::Complex(_) => None,
        }
    }
}

impl fmt::Display for Elem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Elem::Bool(b) => write!(f, "{b}"),
            Elem::Int(i) => write!(f, "{i}"),
            Elem::Float(x) => write!(f, "{x:?}"),
            Elem::Complex(c) => write!(f, "({:?}{}{:?}j)", c.re, if c.im < 0.0 { "" } else { "+" }, c.im),
        }
    }
}

/// The element types a [`HostArray`] can hold, with conversions to and from [`HostData`].
pub trait HostElement: Element {
    /// Wraps a vector.
    fn into_data(v: Vec<Self>) -> HostData;
    /// The elements, if `d` holds this type.
    fn slice(d: &HostData) -> Option<&[Self]>;
}

macro_rules! host_element {
    ($($t:ty => $v:ident),*) => {$(
        impl HostElement for $t {
            fn into_data(v: Vec<Self>) -> HostData {
                HostData::$v(v)
            }
            fn slice(d: &HostData) -> Option<&[Self]> {
                match d {
                    HostData::$v(v) => Some(v),
                    _ => None,
                }
            }
        }
    )*};
}
host_element!(bool => Bool, u8 => U8, i32 => I32, i64 => I64, f32 => F32, f64 => F64, c32 => C64, c64 => C128);

impl HostArray {
    /// An array from row-major elements.
    pub fn new<T: HostElement>(shape: Vec<usize>, data: Vec<T>) -> Self {
        HostArray {
            shape,
            data: T::into_data(data),
        }
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        match &self.data {
            HostData::Bool(_) => DType::Bool,
            HostData::U8(_) => DType::U8,
            HostData::I32(_) => DType::I32,
            HostData::I64(_) => DType::I64,
            HostData::F32(_) => DType::F32,
            HostData::F64(_) => DType::F64,
            HostData::C64(_) => DType::C64,
            HostData::C128(_) => DType::C128,
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        match &self.data {
            HostData::Bool(v) => v.len(),
            HostData::U8(v) => v.len(),
            HostData::I32(v) => v.len(),
            HostData::I64(v) => v.len(),
            HostData::F32(v) => v.len(),
            HostData::F64(v) => v.len(),
            HostData::C64(v) => v.len(),
            HostData::C128(v) => v.len(),
        }
    }

    /// Whether the array has no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `i` in row-major order, widened.
    pub fn get(&self, i: usize) -> Option<Elem> {
        Some(match &self.data {
            HostData::Bool(v) => Elem::Bool(*v.get(i)?),
            HostData::U8(v) => Elem::Int(i128::from(*v.get(i)?)),
            HostData::I32(v) => Elem::Int(i128::from(*v.get(i)?)),
            HostData::I64(v) => Elem::Int(i128::from(*v.get(i)?)),
            HostData::F32(v) => Elem::Float(f64::from(*v.get(i)?)),
            HostData::F64(v) => Elem::Float(*v.get(i)?),
            HostData::C64(v) => {
                let c = v.get(i)?;
                Elem::Complex(c64::new(f64::from(c.re), f64::from(c.im)))
            }
            HostData::C128(v) => Elem::Complex(*v.get(i)?),
        })
    }

    /// Stacks arrays of one dtype and shape into `batch + shape` (NumPy's `stack` of a batch
    /// loop's results, reshaped); `None` when the dtypes or shapes differ (where NumPy fails) or
    /// the count does not match `batch`.
    pub fn stack(items: &[HostArray], batch: &[usize]) -> Option<HostArray> {
        fn cat<T: HostElement>(items: &[HostArray]) -> Option<Vec<T>> {
            Some(
                items
                    .iter()
                    .map(|h| T::slice(&h.data))
                    .collect::<Option<Vec<&[T]>>>()?
                    .concat(),
            )
        }
        let first = items.first()?;
        if items.len() != batch.iter().product::<usize>() || items.iter().any(|h| h.shape != first.shape) {
            return None;
        }
        let data = match &first.data {
            HostData::Bool(_) => HostData::Bool(cat(items)?),
            HostData::U8(_) => HostData::U8(cat(items)?),
            HostData::I32(_) => HostData::I32(cat(items)?),
            HostData::I64(_) => HostData::I64(cat(items)?),
            HostData::F32(_) => HostData::F32(cat(items)?),
            HostData::F64(_) => HostData::F64(cat(items)?),
            HostData::C64(_) => HostData::C64(cat(items)?),
            HostData::C128(_) => HostData::C128(cat(items)?),
        };
        let mut shape = batch.to_vec();
        shape.extend_from_slice(&first.shape);
        Some(HostArray { shape, data })
    }

    /// The multi-index of flat position `i` (for reports).
    pub fn unravel(&self, mut i: usize) -> Vec<usize> {
        let mut idx = vec![0; self.shape.len()];
        for (k, &d) in self.shape.iter().enumerate().rev() {
            if d > 0 {
                idx[k] = i % d;
                i /= d;
            }
        }
        idx
    }
}

/// Whether a dtype is an integer type.
pub fn is_integer(d: DType) -> bool {
    matches!(d, DType::U8 | DType::I32 | DType::I64)
}

/// Whether a dtype is complex.
pub fn is_complex(d: DType) -> bool {
    matches!(d, DType::C64 | DType::C128)
}

/// Whether a dtype is a real floating type.
pub fn is_real_float(d: DType) -> bool {
    matches!(d, DType::F32 | DType::F64)
}

/// Parses NumPy's name of a dtype (`"float64"`, `"int32"`, ...; also `"bool_"`, `"complex"`,
/// `"float"`, `"int"` as NumPy's Python-type aliases).
pub fn parse_dtype(name: &str) -> Option<DType> {
    Some(match name {
        "bool" | "bool_" | "?" => DType::Bool,
        "uint8" | "u1" | "B" => DType::U8,
        "int32" | "i4" => DType::I32,
        "int64" | "i8" | "int" | "intp" => DType::I64,
        "float32" | "f4" | "single" => DType::F32,
        "float64" | "f8" | "float" | "double" => DType::F64,
        "complex64" | "c8" | "csingle" => DType::C64,
        "complex128" | "c16" | "complex" | "cdouble" => DType::C128,
        _ => return None,
    })
}

/// An argument or expected value of a case.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Python `None`.
    None,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number (also `{"float": "nan" | "inf" | "-inf"}`).
    Float(f64),
    /// `{"complex": [re, im]}`.
    Complex(c64),
    /// A string.
    Str(String),
    /// A Python list or tuple.
    List(Vec<Value>),
    /// `{"array": PATH}`, loaded.
    Array(Arc<HostArray>),
}

impl Value {
    /// A short description for messages.
    pub fn describe(&self) -> String {
        match self {
            Value::None => "None".into(),
            Value::Bool(b) => format!("{b}"),
            Value::Int(i) => format!("{i}"),
            Value::Float(f) => format!("{f}"),
            Value::Complex(c) => format!("{c}"),
            Value::Str(s) => format!("{s:?}"),
            Value::List(v) => format!("[{}]", v.iter().map(Value::describe).collect::<Vec<_>>().join(", ")),
            Value::Array(a) => format!("array({}, shape {:?})", a.dtype(), a.shape),
        }
    }

    /// Whether this is Python `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
}
