//! Manipulation functions: `reshape`, `permute_dims`, `moveaxis`, `expand_dims`, `squeeze`,
//! `flip`, `roll`, `concat`, `stack`, `unstack`, `broadcast_to`, `broadcast_arrays`, `tile`,
//! `repeat`, and NumPy's `pad` with every mode and its keywords.

use xp_core::array::manipulation::{broadcast_arrays, concat, stack};
use xp_core::array::updates::{PadMode, ReflectType, Statistic};
use xp_core::element::Scalar;
use xp_core::{Array, Backend, DType, Element};

use super::{Entry, Out, many, one, typed};
use crate::any::{AnyArray, AnyElement, promote};
use crate::args::{Args, Fail, Res, int_of, scalar_of, to_array};
use crate::value::Value;
use crate::{each, with_dtype};

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "reshape" => (&["x|a", "shape|newshape", "order", "copy"], reshape::<B>),
        "permute_dims" => (&["x|a", "axes"], permute_dims::<B>),
        "moveaxis" => (&["x|a", "source", "destination"], moveaxis::<B>),
        "expand_dims" => (&["x|a", "axis"], expand_dims::<B>),
        "squeeze" => (&["x|a", "axis"], squeeze::<B>),
        "flip" => (&["x|m", "axis"], flip::<B>),
        "roll" => (&["x|a", "shift", "axis"], roll::<B>),
        "concat" => (&["arrays", "axis", "out"], concat_fn::<B>),
        "stack" => (&["arrays", "axis", "out"], stack_fn::<B>),
        "unstack" => (&["x", "axis"], unstack::<B>),
        "broadcast_to" => (&["x|array", "shape"], broadcast_to::<B>),
        "broadcast_arrays" => (&["*arrays"], broadcast_arrays_fn::<B>),
        "tile" => (&["x|A", "repetitions|reps"], tile::<B>),
        "repeat" => (&["x|a", "repeats", "axis"], repeat::<B>),
        "pad" => (
            &[
                "x|array",
                "pad_width",
                "mode",
                "constant_values",
                "stat_length",
                "reflect_type",
                "end_values",
            ],
            pad::<B>,
        ),
        _ => return None,
    })
}

/// Runs a body generic over the element type for every element type.
macro_rules! any_type {
    ($x:expr, $a:ident => $body:expr) => {
        each!($x, [Bool, U8, I32, I64, F32, F64, C64, C128] $a => $body; else return Err(every_dtype_listed()))
    };
}

/// The error of the catch-all arm that `each!` adds after listing every element type.
fn every_dtype_listed() -> Fail {
    Fail::Unsupported("element type not mapped".into())
}

fn reshape<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.str_in("order", &["C"])?;
    args.bool_or("copy", true)?; // immutable arrays: copying or not gives the same values
    let x: AnyArray<B> = args.array("x")?;
    let shape = args.isize_list("shape")?;
    one(any_type!(&x, a => a.reshape(&shape)))
}

fn permute_dims<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let axes = match args.opt_isize_list("axes")? {
        Some(a) => a,
        None => (0..x.shape().len() as isize).rev().collect(),
    };
    one(any_type!(&x, a => a.permute_dims(&axes)))
}

fn moveaxis<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let src = args.isize_list("source")?;
    let dst = args.isize_list("destination")?;
    one(any_type!(&x, a => a.moveaxis(&src, &dst)))
}

fn expand_dims<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    if args.given("axis") && args.get("axis").is_none() {
        return Err(Fail::Rejected(format!(
            "{}: `axis=None` is not accepted",
            args.function()
        )));
    }
    let axes = args.opt_isize_list("axis")?.unwrap_or_else(|| vec![0]);
    if let [axis] = axes[..] {
        return one(any_type!(&x, a => a.expand_dims(axis)));
    }
    // A tuple of axes names positions in the result (NumPy and the 2025.12 standard): normalise
    // them against the output rank, reject repeats, and insert in increasing order.
    let out_ndim = x.shape().len() + axes.len();
    let mut positions = Vec::with_capacity(axes.len());
    for &a in &axes {
        let p = if a < 0 { a + out_ndim as isize } else { a };
        if p < 0 || p >= out_ndim as isize || positions.contains(&p) {
            return Err(Fail::Rejected(format!(
                "{}: axis {axes:?} is out of range or repeated for a result of rank {out_ndim}",
                args.function()
            )));
        }
        positions.push(p);
    }
    positions.sort_unstable();
    one(any_type!(&x, a => positions.iter().try_fold(a.clone(), |acc, &p| acc.expand_dims(p))))
}

fn squeeze<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.axes("axis")?;
    one(any_type!(&x, a => a.squeeze(axis.clone())))
}

fn flip<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.axes("axis")?;
    one(any_type!(&x, a => a.flip(axis.clone())))
}

fn roll<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let shift = args.isize_list("shift")?;
    let axis = args.opt_isize_list("axis")?;
    one(any_type!(&x, a => a.roll(&shift, axis.as_deref())))
}

/// A list of arrays promoted to one element type (`float64` for an empty list).
fn array_list<B: Backend>(args: &Args<'_>, values: &[&Value]) -> Res<(DType, Vec<AnyArray<B>>)> {
    let arrays: Vec<AnyArray<B>> = values
        .iter()
        .map(|v| {
            to_array(v).map_err(|_| Fail::Rejected(format!("{}: {} is not array-like", args.function(), v.describe())))
        })
        .collect::<Res<_>>()?;
    let dt = arrays.iter().map(AnyArray::dtype).reduce(promote).unwrap_or(DType::F64);
    let arrays = arrays.iter().map(|a| a.astype(dt)).collect::<xp_core::Result<_>>()?;
    Ok((dt, arrays))
}

fn list_arg<'a>(args: &Args<'a>, name: &str) -> Res<Vec<&'a Value>> {
    match args.required(name)? {
        Value::List(items) => Ok(items.iter().collect()),
        Value::Array(a) if !a.shape.is_empty() => Err(Fail::Unsupported(format!(
            "{}: `{name}` as one stacked array not mapped",
            args.function()
        ))),
        v => Err(Fail::Rejected(format!(
            "{}: `{name}` must be a list of arrays, got {}",
            args.function(),
            v.describe()
        ))),
    }
}

fn typed_vec<T: AnyElement, B: Backend>(v: &[AnyArray<B>]) -> Res<Vec<Array<T, B>>> {
    v.iter().map(typed::<T, B>).collect()
}

fn concat_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("out")?;
    let (dt, arrays) = array_list::<B>(args, &list_arg(args, "arrays")?)?;
    let axis = if args.given("axis") {
        args.opt_isize("axis")?
    } else {
        Some(0)
    };
    one(with_dtype!(dt, [Bool, U8, I32, I64, F32, F64, C64, C128] T => {
        let v = typed_vec::<T, B>(&arrays)?;
        let refs: Vec<&Array<T, B>> = v.iter().collect();
        concat(&refs, axis)
    }; else return Err(every_dtype_listed())))
}

fn stack_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("out")?;
    let (dt, arrays) = array_list::<B>(args, &list_arg(args, "arrays")?)?;
    let axis = args.isize_or("axis", 0)?;
    one(with_dtype!(dt, [Bool, U8, I32, I64, F32, F64, C64, C128] T => {
        let v = typed_vec::<T, B>(&arrays)?;
        let refs: Vec<&Array<T, B>> = v.iter().collect();
        stack(&refs, axis)
    }; else return Err(every_dtype_listed())))
}

fn unstack<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.isize_or("axis", 0)?;
    macro_rules! go {
        ($($v:ident),*) => {
            match &x {
                $(AnyArray::$v(a) => Ok(many(a.unstack(axis)?)),)*
            }
        };
    }
    go!(Bool, U8, I32, I64, F32, F64, C64, C128)
}

fn broadcast_to<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let shape = args.shape("shape")?;
    one(any_type!(&x, a => a.broadcast_to(&shape)))
}

fn broadcast_arrays_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let (dt, arrays) = array_list::<B>(args, args.rest())?;
    macro_rules! go {
        ($($v:ident),*) => {
            match dt {
                $(DType::$v => {
                    let v = typed_vec::<crate::dtype_type!($v), B>(&arrays)?;
                    let refs: Vec<_> = v.iter().collect();
                    Ok(many(broadcast_arrays(&refs)?))
                })*
            }
        };
    }
    go!(Bool, U8, I32, I64, F32, F64, C64, C128)
}

fn tile<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let reps = args.shape("repetitions")?;
    one(any_type!(&x, a => a.tile(&reps)))
}

fn repeat<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.opt_isize("axis")?;
    let repeats = args.required("repeats")?;
    let out = match repeats {
        Value::Array(r) if !r.shape.is_empty() => {
            let r: AnyArray<B> = to_array(repeats).map_err(|_| Fail::Rejected("repeats".into()))?;
            let r = typed::<i64, B>(&r)?;
            any_type!(&x, a => a.repeat(&r, axis))
        }
        Value::List(_) => {
            let r: AnyArray<B> = to_array(repeats)
                .map_err(|_| Fail::Rejected(format!("{}: `repeats` is not array-like", args.function())))?;
            let r = typed::<i64, B>(&r)?;
            any_type!(&x, a => a.repeat(&r, axis))
        }
        v => {
            let n = args.usize("repeats").map_err(|_| {
                Fail::Rejected(format!(
                    "{}: `repeats` must be a non-negative integer, got {}",
                    args.function(),
                    v.describe()
                ))
            })?;
            any_type!(&x, a => a.repeat_n(n, axis))
        }
    };
    one(out)
}

/// NumPy's `(before, after)` pairs from an int, a pair, or a per-axis list of pairs or ints.
fn pairs<V: Clone>(v: &Value, leaf: &dyn Fn(&Value) -> Option<V>) -> Option<Vec<(V, V)>> {
    if let Some(x) = leaf(v) {
        return Some(vec![(x.clone(), x)]);
    }
    let items: Vec<Value> = match v {
        Value::List(items) => items.clone(),
        Value::Array(a) if a.shape.len() <= 2 => {
            let h = (**a).clone();
            let n = h.shape.first().copied().unwrap_or(0);
            let m = h.shape.get(1).copied();
            let el = |i: usize| -> Option<Value> {
                Some(match h.get(i)? {
                    crate::value::Elem::Bool(b) => Value::Bool(b),
                    crate::value::Elem::Int(i) => Value::Int(i64::try_from(i).ok()?),
                    crate::value::Elem::Float(f) => Value::Float(f),
                    crate::value::Elem::Complex(c) => Value::Complex(c),
                })
            };
            match m {
                None => (0..n).map(el).collect::<Option<_>>()?,
                Some(m) => (0..n)
                    .map(|r| {
                        (0..m)
                            .map(|c| el(r * m + c))
                            .collect::<Option<Vec<_>>>()
                            .map(Value::List)
                    })
                    .collect::<Option<_>>()?,
            }
        }
        _ => return None,
    };
    let leaves: Option<Vec<V>> = items.iter().map(leaf).collect();
    match (leaves, items.len()) {
        (Some(l), 1) => Some(vec![(l[0].clone(), l[0].clone())]),
        (Some(l), 2) => Some(vec![(l[0].clone(), l[1].clone())]),
        (Some(_), _) => None,
        (None, _) => items
            .iter()
            .map(|it| match it {
                Value::List(p) => match p.as_slice() {
                    [x] => leaf(x).map(|x| (x.clone(), x)),
                    [x, y] => Some((leaf(x)?, leaf(y)?)),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
    }
}

/// A pad mode with values not yet cast to the array's type.
enum Mode {
    Constant(Vec<(Scalar, Scalar)>),
    Edge,
    LinearRamp(Vec<(Scalar, Scalar)>),
    Stat(Statistic, Option<Vec<(usize, usize)>>),
    Reflect(ReflectType),
    Symmetric(ReflectType),
    Wrap,
    Empty,
}

fn pad<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    let width_v = args.required("pad_width")?;
    let widths = pairs(width_v, &|v| int_of(v).and_then(|i| usize::try_from(i).ok()))
        .ok_or_else(|| Fail::Rejected(format!("{f}: bad pad_width {}", width_v.describe())))?;
    let mode = args.opt_str("mode")?.unwrap_or("constant");
    let allowed: &[&str] = match mode {
        "constant" => &["constant_values"],
        "linear_ramp" => &["end_values"],
        "maximum" | "minimum" | "mean" | "median" => &["stat_length"],
        "reflect" | "symmetric" => &["reflect_type"],
        _ => &[],
    };
    for k in ["constant_values", "stat_length", "reflect_type", "end_values"] {
        if args.get(k).is_some() && !allowed.contains(&k) {
            return Err(Fail::Rejected(format!(
                "{f}: keyword `{k}` does not apply to mode {mode:?}"
            )));
        }
    }
    let scalar_pairs = |k: &str| -> Res<Vec<(Scalar, Scalar)>> {
        match args.get(k) {
            None => Ok(vec![(Scalar::Int(0), Scalar::Int(0))]),
            Some(v) => pairs(v, &scalar_of).ok_or_else(|| Fail::Rejected(format!("{f}: bad {k} {}", v.describe()))),
        }
    };
    let reflect = || -> Res<ReflectType> {
        match args.opt_str("reflect_type")? {
            None | Some("even") => Ok(ReflectType::Even),
            Some("odd") => Ok(ReflectType::Odd),
            Some(other) => Err(Fail::Rejected(format!("{f}: reflect_type {other:?}"))),
        }
    };
    let stat = |stat: Statistic| -> Res<Mode> {
        let len = match args.get("stat_length") {
            None => None,
            Some(v) => Some(
                pairs(v, &|v| int_of(v).and_then(|i| usize::try_from(i).ok()))
                    .ok_or_else(|| Fail::Rejected(format!("{f}: bad stat_length {}", v.describe())))?,
            ),
        };
        Ok(Mode::Stat(stat, len))
    };
    let mode = match mode {
        "constant" => Mode::Constant(scalar_pairs("constant_values")?),
        "edge" => Mode::Edge,
        "linear_ramp" => Mode::LinearRamp(scalar_pairs("end_values")?),
        "maximum" => stat(Statistic::Maximum)?,
        "minimum" => stat(Statistic::Minimum)?,
        "mean" => stat(Statistic::Mean)?,
        "median" => stat(Statistic::Median)?,
        "reflect" => Mode::Reflect(reflect()?),
        "symmetric" => Mode::Symmetric(reflect()?),
        "wrap" => Mode::Wrap,
        "empty" => Mode::Empty,
        other => return Err(Fail::Rejected(format!("{f}: unknown mode {other:?}"))),
    };
    one(any_type!(&x, a => pad_typed(a, &widths, &mode)))
}

fn pad_typed<T: Element, B: Backend>(a: &Array<T, B>, widths: &[(usize, usize)], mode: &Mode) -> Res<Array<T, B>> {
    let cast = |p: &[(Scalar, Scalar)]| -> Vec<(T, T)> {
        p.iter()
            .map(|(x, y)| (T::from_scalar(*x), T::from_scalar(*y)))
            .collect()
    };
    let m = match mode {
        Mode::Constant(p) => match p.as_slice() {
            [(x, y)] if x == y => PadMode::Constant(T::from_scalar(*x)),
            _ => PadMode::ConstantPerAxis(cast(p)),
        },
        Mode::Edge => PadMode::Edge,
        Mode::LinearRamp(p) => match p.as_slice() {
            [(x, y)] if x == y => PadMode::LinearRamp(T::from_scalar(*x)),
            _ => PadMode::LinearRampPerAxis(cast(p)),
        },
        Mode::Stat(stat, None) => PadMode::StatisticPerAxis(*stat, vec![(None, None)]),
        Mode::Stat(stat, Some(p)) => {
            PadMode::StatisticPerAxis(*stat, p.iter().map(|&(l, r)| (Some(l), Some(r))).collect())
        }
        Mode::Reflect(r) => PadMode::Reflect(*r),
        Mode::Symmetric(r) => PadMode::Symmetric(*r),
        Mode::Wrap => PadMode::Wrap,
        Mode::Empty => PadMode::Empty,
    };
    Ok(a.pad(widths, m)?)
}
