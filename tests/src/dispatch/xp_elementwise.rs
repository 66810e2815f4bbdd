//! Element-wise functions of the array API standard, `clip`, `where` and `astype`.
//!
//! Binary operands follow NumPy's promotion: two arrays of different types are cast to the
//! promoted type ([`promote`]); a Python scalar is "weak" and takes the array's type
//! ([`weak_scalar_dtype`]). Logical functions cast non-boolean inputs to `bool` as NumPy does,
//! and the bitwise functions on `bool` are the logical ones.

use xp_core::array::searching::where_;
use xp_core::element::Scalar;
use xp_core::{Array, Backend, DType, Element, RealNumeric};

use super::{Entry, Out, first_name, one, typed};
use crate::any::{AnyArray, AnyElement, promote, scalar_dtype, weak_scalar_dtype};
use crate::args::{Args, Fail, Res, scalar_of, to_array};
use crate::value::Value;
use crate::{each, each2};

/// One-input functions.
pub const UNARY: &[&str] = &[
    "abs",
    "sqrt",
    "exp",
    "expm1",
    "log",
    "log1p",
    "log2",
    "log10",
    "sin",
    "cos",
    "tan",
    "asin",
    "acos",
    "atan",
    "sinh",
    "cosh",
    "tanh",
    "asinh",
    "acosh",
    "atanh",
    "reciprocal",
    "conj",
    "real",
    "imag",
    "sign",
    "isnan",
    "isinf",
    "isfinite",
    "negative",
    "positive",
    "square",
    "floor",
    "ceil",
    "round",
    "trunc",
    "signbit",
    "logical_not",
    "bitwise_invert",
];

/// Two-input functions.
pub const BINARY: &[&str] = &[
    "add",
    "subtract",
    "multiply",
    "divide",
    "pow",
    "atan2",
    "hypot",
    "copysign",
    "nextafter",
    "logaddexp",
    "floor_divide",
    "remainder",
    "minimum",
    "maximum",
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "bitwise_left_shift",
    "bitwise_right_shift",
];

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    if UNARY.contains(&name) {
        return Some((&["x", "out"], unary::<B>));
    }
    if BINARY.contains(&name) {
        return Some((&["x1", "x2", "out"], binary::<B>));
    }
    Some(match name {
        "clip" => (&["x|a", "min|a_min", "max|a_max", "out"], clip::<B>),
        "where" => (&["condition", "x1|x", "x2|y"], where_fn::<B>),
        "astype" => (&["x", "dtype", "copy", "device"], astype::<B>),
        _ => return None,
    })
}

fn unary<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x: AnyArray<B> = args.array("x")?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    macro_rules! float {
        ($m:ident) => {
            each!(&x, [F32, F64, C64, C128] a => a.$m(); else return Err(bad()))
        };
    }
    macro_rules! real_float {
        ($m:ident) => {
            each!(&x, [F32, F64] a => a.$m(); else return Err(bad()))
        };
    }
    let out = match first_name(f) {
        "abs" => each!(&x, [U8, I32, I64] a => a.abs_int(); [F32, F64, C64, C128] a => a.abs(); else return Err(bad())),
        "sqrt" => float!(sqrt),
        "exp" => float!(exp),
        "expm1" => float!(expm1),
        "log" => float!(log),
        "log1p" => float!(log1p),
        "log2" => float!(log2),
        "log10" => float!(log10),
        "sin" => float!(sin),
        "cos" => float!(cos),
        "tan" => float!(tan),
        "asin" => float!(asin),
        "acos" => float!(acos),
        "atan" => float!(atan),
        "sinh" => float!(sinh),
        "cosh" => float!(cosh),
        "tanh" => float!(tanh),
        "asinh" => float!(asinh),
        "acosh" => float!(acosh),
        "atanh" => float!(atanh),
        "reciprocal" => float!(reciprocal),
        "conj" => float!(conj),
        "real" => float!(real),
        "imag" => float!(imag),
        "sign" => {
            each!(&x, [U8, I32, I64] a => a.sign_int(); [F32, F64, C64, C128] a => a.sign(); else return Err(bad()))
        }
        "isnan" => {
            each!(&x, [U8, I32, I64] a => a.isnan_int(); [F32, F64, C64, C128] a => a.isnan(); else return Err(bad()))
        }
        "isinf" => {
            each!(&x, [U8, I32, I64] a => a.isinf_int(); [F32, F64, C64, C128] a => a.isinf(); else return Err(bad()))
        }
        "isfinite" => each!(&x,
            [U8, I32, I64] a => a.isfinite_int();
            [F32, F64, C64, C128] a => a.isfinite();
            else return Err(bad())),
        "negative" => each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => a.negative(); else return Err(bad())),
        "positive" => each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => a.positive(); else return Err(bad())),
        "square" => each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => a.square(); else return Err(bad())),
        "floor" => real_float!(floor),
        "ceil" => real_float!(ceil),
        "round" => real_float!(round),
        "trunc" => real_float!(trunc),
        "signbit" => real_float!(signbit),
        "logical_not" => each!(&x.astype(DType::Bool)?, [Bool] a => a.logical_not(); else return Err(bad())),
        "bitwise_invert" => {
            each!(&x, [U8, I32, I64] a => a.bitwise_invert(); [Bool] a => a.logical_not(); else return Err(bad()))
        }
        _ => return Err(Fail::Unsupported(format!("{f} not mapped"))),
    };
    one(out)
}

/// Whether a value is a Python scalar (weak in promotion), not an array.
fn is_python_scalar(v: &Value) -> bool {
    matches!(v, Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Complex(_))
}

/// Two operands converted to a common element type with NumPy's rules.
///
/// # Errors
/// [`Fail::Rejected`] for non-array-like operands.
pub fn operands<B: Backend>(args: &Args<'_>, n1: &str, n2: &str) -> Res<(AnyArray<B>, AnyArray<B>)> {
    let v1 = args.required(n1)?;
    let v2 = args.required(n2)?;
    let as_array = |v: &Value, n: &str| -> Res<AnyArray<B>> {
        to_array(v).map_err(|_| {
            Fail::Rejected(format!(
                "{}: `{n}` is not array-like: {}",
                args.function(),
                v.describe()
            ))
        })
    };
    let scalar = |v: &Value| scalar_of(v).unwrap_or(Scalar::Bool(false));
    let (a, b) = match (is_python_scalar(v1), is_python_scalar(v2)) {
        (false, true) => {
            let a = as_array(v1, n1)?;
            let dt = weak_scalar_dtype(&scalar(v2), a.dtype());
            (a, AnyArray::scalar(scalar(v2), dt)?)
        }
        (true, false) => {
            let b = as_array(v2, n2)?;
            let dt = weak_scalar_dtype(&scalar(v1), b.dtype());
            (AnyArray::scalar(scalar(v1), dt)?, b)
        }
        (true, true) => {
            let dt = promote(scalar_dtype(&scalar(v1)), scalar_dtype(&scalar(v2)));
            (AnyArray::scalar(scalar(v1), dt)?, AnyArray::scalar(scalar(v2), dt)?)
        }
        (false, false) => (as_array(v1, n1)?, as_array(v2, n2)?),
    };
    let dt = promote(a.dtype(), b.dtype());
    Ok((a.astype(dt)?, b.astype(dt)?))
}

fn binary<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let (x, y) = operands::<B>(args, "x1", "x2")?;
    let bad = || Fail::dtype(f, "x1", x.dtype());
    macro_rules! numeric {
        ($m:ident) => {
            each2!(&x, &y, [U8, I32, I64, F32, F64, C64, C128] (a, b) => a.$m(b); else return Err(bad()))
        };
    }
    macro_rules! real {
        ($m:ident) => {
            each2!(&x, &y, [U8, I32, I64, F32, F64] (a, b) => a.$m(b); else return Err(bad()))
        };
    }
    macro_rules! real_float {
        ($m:ident) => {
            each2!(&x, &y, [F32, F64] (a, b) => a.$m(b); else return Err(bad()))
        };
    }
    macro_rules! all {
        ($m:ident) => {
            each2!(&x, &y, [Bool, U8, I32, I64, F32, F64, C64, C128] (a, b) => a.$m(b); else return Err(bad()))
        };
    }
    macro_rules! logical {
        ($m:ident) => {
            each2!(&x.astype(DType::Bool)?, &y.astype(DType::Bool)?, [Bool] (a, b) => a.$m(b); else return Err(bad()))
        };
    }
    macro_rules! bitwise {
        ($m:ident, $l:ident) => {
            each2!(&x, &y, [U8, I32, I64] (a, b) => a.$m(b); [Bool] (a, b) => a.$l(b); else return Err(bad()))
        };
    }
    let out = match first_name(f) {
        "add" => numeric!(add),
        "subtract" => numeric!(subtract),
        "multiply" => numeric!(multiply),
        "divide" => each2!(&x, &y, [F32, F64, C64, C128] (a, b) => a.divide(b); else return Err(bad())),
        "pow" => each2!(&x, &y,
            [U8, I32, I64] (a, b) => a.pow_int(b);
            [F32, F64, C64, C128] (a, b) => a.pow(b);
            else return Err(bad())),
        "atan2" => real_float!(atan2),
        "hypot" => real_float!(hypot),
        "copysign" => real_float!(copysign),
        "nextafter" => real_float!(nextafter),
        "logaddexp" => real_float!(logaddexp),
        "floor_divide" => each2!(&x, &y,
            [U8, I32, I64] (a, b) => a.floor_divide_int(b);
            [F32, F64] (a, b) => a.floor_divide(b);
            else return Err(bad())),
        "remainder" => each2!(&x, &y,
            [U8, I32, I64] (a, b) => a.remainder_int(b);
            [F32, F64] (a, b) => a.remainder(b);
            else return Err(bad())),
        "minimum" => real!(minimum),
        "maximum" => real!(maximum),
        "less" => real!(less),
        "less_equal" => real!(less_equal),
        "greater" => real!(greater),
        "greater_equal" => real!(greater_equal),
        "equal" => all!(equal),
        "not_equal" => all!(not_equal),
        "logical_and" => logical!(logical_and),
        "logical_or" => logical!(logical_or),
        "logical_xor" => logical!(logical_xor),
        "bitwise_and" => bitwise!(bitwise_and, logical_and),
        "bitwise_or" => bitwise!(bitwise_or, logical_or),
        "bitwise_xor" => bitwise!(bitwise_xor, logical_xor),
        "bitwise_left_shift" => {
            each2!(&x, &y, [U8, I32, I64] (a, b) => a.bitwise_left_shift(b); else return Err(bad()))
        }
        "bitwise_right_shift" => {
            each2!(&x, &y, [U8, I32, I64] (a, b) => a.bitwise_right_shift(b); else return Err(bad()))
        }
        _ => return Err(Fail::Unsupported(format!("{f} not mapped"))),
    };
    one(out)
}

/// Whether a clip bound needs the array form (an array of rank >= 1 or a list).
fn is_array_bound(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Array(a)) => !a.shape.is_empty(),
        Some(Value::List(_)) => true,
        _ => false,
    }
}

fn clip<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x: AnyArray<B> = args.array("x")?;
    let (lo, hi) = (args.get("min"), args.get("max"));
    let bad = || Fail::dtype(f, "x", x.dtype());
    let out = if is_array_bound(lo) || is_array_bound(hi) {
        each!(&x, [U8, I32, I64, F32, F64] a => clip_arrays(args, a, lo, hi); else return Err(bad()))
    } else {
        let s = |v: Option<&Value>, n: &str| -> Res<Option<Scalar>> {
            v.map(|v| scalar_of(v).ok_or_else(|| Fail::Rejected(format!("{f}: `{n}` is not a number"))))
                .transpose()
        };
        let (lo, hi) = (s(lo, "min")?, s(hi, "max")?);
        each!(&x, [U8, I32, I64, F32, F64] a => a.clip(lo.map(Element::from_scalar), hi.map(Element::from_scalar));
            else return Err(bad()))
    };
    one(out)
}

/// `clip` with array bounds cast to `x`'s type (the standard keeps `x`'s type); a missing bound is
/// the type's lowest or highest value.
fn clip_arrays<T: RealNumeric + AnyElement, B: Backend>(
    args: &Args<'_>,
    a: &Array<T, B>,
    lo: Option<&Value>,
    hi: Option<&Value>,
) -> Res<Array<T, B>> {
    let bound = |v: Option<&Value>, default: T, n: &str| -> Res<Array<T, B>> {
        match v {
            None => Ok(Array::scalar(default)?),
            Some(v) => {
                let arr: AnyArray<B> =
                    to_array(v).map_err(|_| Fail::Rejected(format!("{}: `{n}` is not array-like", args.function())))?;
                typed::<T, B>(&arr)
            }
        }
    };
    let lo = bound(lo, T::LOWEST, "min")?;
    let hi = bound(hi, T::HIGHEST, "max")?;
    Ok(a.clip_arrays(&lo, &hi)?)
}

fn where_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let cond: AnyArray<B> = args.array("condition")?;
    let cond = typed::<bool, B>(&cond)?;
    if !args.given("x1") && !args.given("x2") {
        // NumPy's one-argument `where(condition)` is `nonzero(condition)`
        return Ok(super::many(cond.nonzero()?));
    }
    let (x, y) = operands::<B>(args, "x1", "x2")?;
    let bad = || Fail::dtype(f, "x1", x.dtype());
    one(each2!(&x, &y, [Bool, U8, I32, I64, F32, F64, C64, C128] (a, b) => where_(&cond, a, b); else return Err(bad())))
}

fn astype<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    let dt = args
        .opt_dtype("dtype")?
        .ok_or_else(|| Fail::Rejected(format!("{f}: missing `dtype`")))?;
    args.bool_or("copy", true)?; // arrays are immutable values: a copy and a view are the same
    args.none_only("device")?;
    one(x.astype(dt)?)
}
