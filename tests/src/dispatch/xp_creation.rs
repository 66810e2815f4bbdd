//! Creation functions: `arange`, `linspace`, `eye`, `zeros`, `ones`, `empty`, `full`, their
//! `_like` forms, `tril`, `triu`, `meshgrid`, `asarray`.
//!
//! Without a `dtype` keyword the element type is NumPy's default for the arguments: `int64` for
//! `arange` with integer arguments and for an integer `fill_value`, `bool` / `complex128` for
//! boolean / complex fill values, `float64` otherwise.

use xp_core::array::creation::{Indexing, meshgrid};
use xp_core::element::Scalar;
use xp_core::{Array, Backend, DType, Element, c32, c64};

use super::{Entry, Out, first_name, many, one, typed};
use crate::any::{AnyArray, AnyElement, promote, scalar_dtype};
use crate::args::{Args, Fail, Res, scalar_of};
use crate::value::Value;
use crate::{each, with_dtype};

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "arange" => (&["start|start_or_stop", "stop", "step", "dtype", "device"], arange::<B>),
        "linspace" => (
            &["start", "stop", "num", "endpoint", "retstep", "dtype", "axis", "device"],
            linspace::<B>,
        ),
        "eye" => (&["n_rows|N", "n_cols|M", "k", "dtype", "order", "device"], eye::<B>),
        "zeros" | "ones" | "empty" => (&["shape", "dtype", "order", "device"], filled::<B>),
        "full" => (&["shape", "fill_value", "dtype", "order", "device"], filled::<B>),
        "zeros_like" | "ones_like" | "empty_like" => {
            (&["x|a", "dtype", "order", "subok", "shape", "device"], like::<B>)
        }
        "full_like" => (
            &["x|a", "fill_value", "dtype", "order", "subok", "shape", "device"],
            like::<B>,
        ),
        "tril" | "triu" => (&["x|m", "k"], tri::<B>),
        "asarray" => (&["obj|a", "dtype", "order", "device", "copy"], asarray::<B>),
        "meshgrid" => (&["*arrays", "copy", "sparse", "indexing"], meshgrid_fn::<B>),
        _ => return None,
    })
}

fn unsupported(f: &str, dt: DType) -> Fail {
    Fail::Unsupported(format!("{f}: dtype {dt} not mapped"))
}

fn arange<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("device")?;
    let number = |name: &str| -> Res<Option<Scalar>> {
        match args.get(name) {
            None => Ok(None),
            Some(v) => match scalar_of(v) {
                Some(s @ (Scalar::Int(_) | Scalar::Float(_))) => Ok(Some(s)),
                Some(Scalar::Complex(_)) => Err(Fail::Unsupported(format!("{f}: complex `{name}` not mapped"))),
                _ => Err(Fail::Rejected(format!(
                    "{f}: `{name}` must be a real number, got {}",
                    v.describe()
                ))),
            },
        }
    };
    let (a, b, c) = (number("start")?, number("stop")?, number("step")?);
    let given: Vec<Scalar> = [a, b, c].into_iter().flatten().collect();
    let val = |s: Option<Scalar>, d: f64| match s {
        Some(Scalar::Int(i)) => i as f64,
        Some(Scalar::Float(x)) => x,
        _ => d,
    };
    let (start, stop) = match b {
        None => (0.0, val(a, 0.0)),
        Some(_) => (val(a, 0.0), val(b, 0.0)),
    };
    let step = val(c, 1.0);
    let default = if given.iter().all(|s| matches!(s, Scalar::Int(_))) {
        DType::I64
    } else {
        DType::F64
    };
    let dt = args.opt_dtype("dtype")?.unwrap_or(default);
    one(
        with_dtype!(dt, [U8, I32, I64, F32, F64, C64, C128] T => Array::<T, B>::arange(start, stop, step);
        else return Err(unsupported(f, dt))),
    )
}

fn linspace<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("device")?;
    let bound = |name: &str| -> Res<c64> {
        let v = args.required(name)?;
        match scalar_of(v) {
            Some(Scalar::Int(i)) => Ok(c64::new(i as f64, 0.0)),
            Some(Scalar::Float(x)) => Ok(c64::new(x, 0.0)),
            Some(Scalar::Complex(z)) => Ok(z),
            _ => Err(Fail::Unsupported(format!("{f}: `{name}`={} not mapped", v.describe()))),
        }
    };
    let is_complex = |name: &str| matches!(args.get(name).and_then(scalar_of), Some(Scalar::Complex(_)));
    let (start, stop) = (bound("start")?, bound("stop")?);
    let complex_bounds = is_complex("start") || is_complex("stop");
    let num = args.usize_or("num", 50)?;
    let endpoint = args.bool_or("endpoint", true)?;
    let retstep = args.bool_or("retstep", false)?;
    // Scalar bounds give a 1-d result, whose only axis is 0 (or -1).
    let axis = args.isize_or("axis", 0)?;
    if axis != 0 && axis != -1 {
        return Err(Fail::Rejected(format!(
            "{f}: axis {axis} is out of range for a 1-d result"
        )));
    }
    let default = if complex_bounds { DType::C128 } else { DType::F64 };
    let dt = args.opt_dtype("dtype")?.unwrap_or(default);
    let values = match dt {
        DType::C64 => c32::wrap(Array::<c32, B>::linspace_complex(
            c32::new(start.re as f32, start.im as f32),
            c32::new(stop.re as f32, stop.im as f32),
            num,
            endpoint,
        )?),
        DType::C128 => c64::wrap(Array::<c64, B>::linspace_complex(start, stop, num, endpoint)?),
        // A real dtype keeps the real parts (NumPy casts with a ComplexWarning).
        DType::F32 => f32::wrap(Array::<f32, B>::linspace(start.re, stop.re, num, endpoint)?),
        DType::F64 => f64::wrap(Array::<f64, B>::linspace(start.re, stop.re, num, endpoint)?),
        // NumPy floors the float values for an integer dtype, then casts.
        DType::I32 | DType::I64 | DType::U8 => {
            let y = Array::<f64, B>::linspace(start.re, stop.re, num, endpoint)?.floor()?;
            with_dtype!(dt, [I32, I64, U8] T => y.astype::<T>(); else return Err(unsupported(f, dt)))
        }
        DType::Bool => return Err(unsupported(f, dt)),
    };
    if !retstep {
        return one(values);
    }
    // NumPy's step: `(stop - start) / div` (complex for complex bounds), or a real NaN when
    // there is no interval to divide.
    let div = if endpoint { num as f64 - 1.0 } else { num as f64 };
    let step = if div <= 0.0 {
        f64::wrap(Array::<f64, B>::scalar(f64::NAN)?)
    } else if complex_bounds {
        c64::wrap(Array::<c64, B>::scalar((stop - start) / div)?)
    } else {
        f64::wrap(Array::<f64, B>::scalar((stop.re - start.re) / div)?)
    };
    Ok(vec![values, step])
}

fn eye<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("device")?;
    args.str_in("order", &["C"])?;
    let n = args.usize("n_rows")?;
    let m = args.opt_usize("n_cols")?;
    let k = args.isize_or("k", 0)?;
    let dt = args.opt_dtype("dtype")?.unwrap_or(DType::F64);
    one(
        with_dtype!(dt, [Bool, U8, I32, I64, F32, F64, C64, C128] T => Array::<T, B>::eye(n, m, k);
        else return Err(unsupported(f, dt))),
    )
}

/// The fill value and its element type (the `dtype` keyword, or NumPy's default for the value).
fn fill(args: &Args<'_>) -> Res<(Option<Scalar>, Option<DType>)> {
    let f = args.function();
    let value = match args.get("fill_value") {
        None if args.given("fill_value") => {
            return Err(Fail::Unsupported(format!("{f}: fill_value=None not mapped")));
        }
        None => None,
        Some(v) => Some(
            scalar_of(v).ok_or_else(|| Fail::Unsupported(format!("{f}: fill_value={} not mapped", v.describe())))?,
        ),
    };
    Ok((value, args.opt_dtype("dtype")?))
}

/// An array of `shape` on `B` filled as the function name says.
fn make<B: Backend>(f: &str, shape: &[usize], value: Option<Scalar>, dt: DType) -> Res<AnyArray<B>> {
    let name = first_name(f).trim_end_matches("_like");
    Ok(match (name, value) {
        ("full", Some(v)) => with_dtype!(dt, [Bool, U8, I32, I64, F32, F64, C64, C128] T =>
            Array::<T, B>::full(shape, T::from_scalar(v)); else return Err(unsupported(f, dt))),
        ("ones", _) => with_dtype!(dt,
            [U8, I32, I64, F32, F64, C64, C128] T => Array::<T, B>::ones(shape);
            [Bool] T => Array::<T, B>::full(shape, true);
            else return Err(unsupported(f, dt))),
        ("empty", _) => with_dtype!(dt, [Bool, U8, I32, I64, F32, F64, C64, C128] T => Array::<T, B>::empty(shape);
            else return Err(unsupported(f, dt))),
        ("zeros", _) => with_dtype!(dt, [Bool, U8, I32, I64, F32, F64, C64, C128] T => Array::<T, B>::zeros(shape);
            else return Err(unsupported(f, dt))),
        _ => return Err(Fail::Rejected(format!("{f}: missing fill_value"))),
    })
}

fn filled<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("device")?;
    args.str_in("order", &["C"])?;
    let shape = args.shape("shape")?;
    let (value, dt) = fill(args)?;
    let dt = dt.unwrap_or(match (args.get("fill_value"), value) {
        // a NumPy scalar (0-D array) keeps its type
        (Some(Value::Array(a)), _) => a.dtype(),
        (_, Some(v)) => scalar_dtype(&v),
        (_, None) => DType::F64,
    });
    one(make::<B>(f, &shape, value, dt)?)
}

fn like<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("device")?;
    args.none_only("shape")?;
    args.str_in("order", &["K", "C"])?;
    args.bool_or("subok", true)?; // xp has no array subclasses
    let x: AnyArray<B> = args.array("x")?;
    let (value, dt) = fill(args)?;
    let dt = dt.unwrap_or(x.dtype());
    let x = x.astype(dt)?;
    // `full_like` and friends keep the input's device: use the `_like` methods.
    let name = first_name(f);
    let out = match (name, value) {
        ("full_like", Some(v)) => each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a =>
            a.full_like(Element::from_scalar(v)); else return Err(unsupported(f, dt))),
        ("zeros_like", _) => each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.zeros_like();
            else return Err(unsupported(f, dt))),
        ("ones_like", _) => each!(&x,
            [U8, I32, I64, F32, F64, C64, C128] a => a.ones_like();
            [Bool] a => a.full_like(true);
            else return Err(unsupported(f, dt))),
        ("empty_like", _) => each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.empty_like();
            else return Err(unsupported(f, dt))),
        _ => return Err(Fail::Rejected(format!("{f}: missing fill_value"))),
    };
    one(out)
}

fn asarray<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("device")?;
    args.str_in("order", &["C", "K", "A"])?;
    args.bool_or("copy", true)?; // immutable arrays: copies and views hold the same values
    let x: AnyArray<B> = args.array("obj")?;
    let dt = args.opt_dtype("dtype")?.unwrap_or(x.dtype());
    one(x.astype(dt)?)
}

fn tri<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    let k = args.isize_or("k", 0)?;
    let lower = first_name(f) == "tril";
    one(
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => if lower { a.tril(k) } else { a.triu(k) };
        else return Err(unsupported(f, x.dtype()))),
    )
}

fn meshgrid_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.bool_or("copy", true)?; // immutable arrays: copies and views hold the same values
    let sparse = args.bool_or("sparse", false)?;
    let indexing = match args.opt_str("indexing")? {
        None | Some("xy") => Indexing::Xy,
        Some("ij") => Indexing::Ij,
        Some(other) => {
            return Err(Fail::Rejected(format!(
                "{f}: indexing {other:?} is not \"xy\" or \"ij\""
            )));
        }
    };
    let arrays: Vec<AnyArray<B>> = args
        .rest()
        .iter()
        .map(|v| {
            crate::args::to_array(v).map_err(|_| Fail::Rejected(format!("{f}: {} is not array-like", v.describe())))
        })
        .collect::<Res<_>>()?;
    let dt = arrays.iter().map(AnyArray::dtype).reduce(promote).unwrap_or(DType::F64);
    // `sparse=True`: output `i` is input `i` (flattened) laid along its own axis of the dense
    // outputs (axis 1 for input 0 and axis 0 for input 1 with "xy" indexing), size 1 elsewhere.
    let n = arrays.len();
    let sparse_shape = |i: usize, len: usize| -> Vec<isize> {
        let mut own = i;
        if indexing == Indexing::Xy && n >= 2 && i < 2 {
            own = 1 - i;
        }
        (0..n).map(|d| if d == own { len as isize } else { 1 }).collect()
    };
    macro_rules! go {
        ($($v:ident),*) => {
            match dt {
                $(DType::$v => {
                    let v = arrays.iter().map(typed::<crate::dtype_type!($v), B>).collect::<Res<Vec<_>>>()?;
                    if sparse {
                        let out = v
                            .iter()
                            .enumerate()
                            .map(|(i, a)| a.reshape(&sparse_shape(i, a.size())))
                            .collect::<xp_core::Result<Vec<_>>>()?;
                        return Ok(many(out));
                    }
                    let refs: Vec<_> = v.iter().collect();
                    Ok(many(meshgrid(&refs, indexing)?))
                })*
            }
        };
    }
    go!(Bool, U8, I32, I64, F32, F64, C64, C128)
}
