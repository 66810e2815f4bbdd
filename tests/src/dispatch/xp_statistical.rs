//! Statistical functions: `sum`, `prod`, `mean`, `var`, `std`, `min`, `max`, `cumulative_sum`,
//! `cumulative_prod` (and NumPy's `cumsum`, `cumprod`), and the utility functions `all`, `any`, `diff`.
//!
//! A `dtype` keyword casts the input first (`sum(x, dtype=float64)` is `sum(astype(x, float64))`);
//! boolean input to sums and products counts in `int64`, the standard's default integer type.
//! NumPy's `ddof` is the standard's `correction`.

use xp_core::{Array, Backend, DType, Numeric};

use super::{Entry, Out, first_name, one, typed};
use crate::any::{AnyArray, AnyElement};
use crate::args::{Args, Fail, Res, to_array};
use crate::{each, value::Value};

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "sum" | "prod" => (&["x|a", "axis", "dtype", "out", "keepdims"], sum_prod::<B>),
        "mean" => (&["x|a", "axis", "dtype", "out", "keepdims"], mean::<B>),
        "var" | "std" => (
            &["x|a", "axis", "dtype", "out", "ddof", "keepdims", "correction"],
            var_std::<B>,
        ),
        "min" | "max" => (&["x|a", "axis", "out", "keepdims"], min_max::<B>),
        "cumulative_sum" | "cumulative_prod" => (&["x", "axis", "dtype", "out", "include_initial"], cumulative::<B>),
        "cumsum" | "cumprod" => (&["x|a", "axis", "dtype", "out"], cumulative::<B>),
        "all" | "any" => (&["x|a", "axis", "out", "keepdims"], all_any::<B>),
        "diff" => (&["x|a", "n", "axis", "prepend", "append"], diff::<B>),
        _ => return None,
    })
}

/// The input, cast to the `dtype` keyword when given; booleans become `int64` when `bool_to_int`.
fn input<B: Backend>(args: &Args<'_>, bool_to_int: bool) -> Res<AnyArray<B>> {
    let x: AnyArray<B> = args.array("x")?;
    Ok(match args.opt_dtype("dtype")? {
        Some(dt) => x.astype(dt)?,
        None if bool_to_int && x.dtype() == DType::Bool => x.astype(DType::I64)?,
        None => x,
    })
}

fn sum_prod<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x = input::<B>(args, true)?;
    let axis = args.axes("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    let sum = first_name(f) == "sum";
    one(each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => if sum {
        a.sum(axis.clone(), keep)
    } else {
        a.prod(axis.clone(), keep)
    }; else return Err(bad())))
}

fn mean<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x = input::<B>(args, false)?;
    let axis = args.axes("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    one(each!(&x, [F32, F64, C64, C128] a => a.mean(axis.clone(), keep); else return Err(bad())))
}

fn var_std<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x = input::<B>(args, false)?;
    let axis = args.axes("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let correction = match (args.opt_f64("correction")?, args.opt_f64("ddof")?) {
        (Some(_), Some(_)) => return Err(Fail::Rejected(format!("{f}: both `correction` and `ddof` given"))),
        (Some(c), None) | (None, Some(c)) => c,
        (None, None) => 0.0,
    };
    let bad = || Fail::dtype(f, "x", x.dtype());
    let var = first_name(f) == "var";
    one(each!(&x, [F32, F64, C64, C128] a => if var {
        a.var(axis.clone(), correction, keep)
    } else {
        a.std(axis.clone(), correction, keep)
    }; else return Err(bad())))
}

fn min_max<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.axes("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    let min = first_name(f) == "min";
    one(each!(&x, [U8, I32, I64, F32, F64] a => if min {
        a.min(axis.clone(), keep)
    } else {
        a.max(axis.clone(), keep)
    }; else return Err(bad())))
}

fn cumulative<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x = input::<B>(args, true)?;
    let mut axis = args.opt_isize("axis")?;
    let initial = args.bool_or("include_initial", false)?;
    let dt = x.dtype();
    let bad = || Fail::dtype(f, "x", dt);
    let name = first_name(f);
    let sum = name == "cumulative_sum" || name == "cumsum";
    // NumPy's `cumsum` / `cumprod` scan the flattened array when `axis` is None
    let x = if axis.is_none() && (name == "cumsum" || name == "cumprod") {
        axis = Some(0);
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.reshape(&[-1]); else return Err(bad()))
    } else {
        x
    };
    one(each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => if sum {
        a.cumulative_sum(axis, initial)
    } else {
        a.cumulative_prod(axis, initial)
    }; else return Err(bad())))
}

fn all_any<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.axes("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    let all = first_name(f) == "all";
    one(each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => if all {
        a.all(axis.clone(), keep)
    } else {
        a.any(axis.clone(), keep)
    }; else return Err(bad())))
}

fn diff<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    let n = args.usize_or("n", 1)?;
    let axis = args.isize_or("axis", -1)?;
    let (pre, app) = (args.get("prepend"), args.get("append"));
    let bad = || Fail::dtype(f, "x", x.dtype());
    one(each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => diff_typed(f, a, n, axis, pre, app); else return Err(bad())))
}

fn diff_typed<T: Numeric + AnyElement, B: Backend>(
    f: &str,
    a: &Array<T, B>,
    n: usize,
    axis: isize,
    pre: Option<&Value>,
    app: Option<&Value>,
) -> Res<Array<T, B>> {
    let conv = |v: Option<&Value>, name: &str| -> Res<Option<Array<T, B>>> {
        match v {
            None => Ok(None),
            Some(v) => {
                let arr: AnyArray<B> =
                    to_array(v).map_err(|_| Fail::Rejected(format!("{f}: `{name}` is not array-like")))?;
                Ok(Some(typed::<T, B>(&arr)?))
            }
        }
    };
    let (p, q) = (conv(pre, "prepend")?, conv(app, "append")?);
    Ok(a.diff(axis, n, p.as_ref(), q.as_ref())?)
}
