//! Searching functions: `argmin`, `argmax`, `count_nonzero`, `nonzero`, `searchsorted`
//! (`where` is with the element-wise functions, for its operand promotion).

use xp_core::Backend;
use xp_core::array::searching::Side;

use super::xp_elementwise::operands;
use super::{Entry, Out, first_name, many, one, typed};
use crate::any::AnyArray;
use crate::args::{Args, Fail, Res};
use crate::each;

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "argmin" | "argmax" => (&["x|a", "axis", "out", "keepdims"], arg_extreme::<B>),
        "count_nonzero" => (&["x|a", "axis", "keepdims"], count_nonzero::<B>),
        "nonzero" => (&["x|a"], nonzero::<B>),
        "searchsorted" => (&["x1|a", "x2|v", "side", "sorter"], searchsorted::<B>),
        _ => return None,
    })
}

fn arg_extreme<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("out")?;
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.opt_isize("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    let min = first_name(f) == "argmin";
    one(each!(&x, [U8, I32, I64, F32, F64] a => if min {
        a.argmin(axis, keep)
    } else {
        a.argmax(axis, keep)
    }; else return Err(bad())))
}

fn count_nonzero<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    let axis = args.axes("axis")?;
    let keep = args.bool_or("keepdims", false)?;
    let bad = || Fail::dtype(f, "x", x.dtype());
    one(
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.count_nonzero(axis.clone(), keep);
        else return Err(bad())),
    )
}

fn nonzero<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    macro_rules! go {
        ($($v:ident),*) => {
            match &x {
                $(AnyArray::$v(a) => Ok(many(a.nonzero()?)),)*
            }
        };
    }
    let _ = f;
    go!(Bool, U8, I32, I64, F32, F64, C64, C128)
}

fn searchsorted<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let (x1, x2) = operands::<B>(args, "x1", "x2")?;
    let side = match args.opt_str("side")? {
        None | Some("left") => Side::Left,
        Some("right") => Side::Right,
        Some(other) => {
            return Err(Fail::Rejected(format!(
                "{f}: side {other:?} is not \"left\" or \"right\""
            )));
        }
    };
    let sorter = match args.opt_array::<B>("sorter")? {
        None => None,
        Some(s) => Some(typed::<i64, B>(&s)?),
    };
    let bad = || Fail::dtype(f, "x1", x1.dtype());
    one(
        crate::each2!(&x1, &x2, [U8, I32, I64, F32, F64] (a, b) => a.searchsorted(b, side, sorter.as_ref());
        else return Err(bad())),
    )
}
