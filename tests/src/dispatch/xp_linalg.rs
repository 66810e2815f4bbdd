//! The standard's linear algebra functions: `matmul`, `tensordot`, `vecdot`, `matrix_transpose`.

use xp_core::Backend;
use xp_core::array::linalg::TensordotAxes;

use super::xp_elementwise::operands;
use super::{Entry, Out, one};
use crate::any::AnyArray;
use crate::args::{Args, Fail, Res, isize_list};
use crate::value::Value;
use crate::{each, each2};

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "matmul" => (&["x1", "x2", "out"], matmul::<B>),
        "tensordot" => (&["x1|a", "x2|b", "axes"], tensordot::<B>),
        "vecdot" => (&["x1", "x2", "out", "axis"], vecdot::<B>),
        "matrix_transpose" => (&["x"], matrix_transpose::<B>),
        _ => return None,
    })
}

fn matmul<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("out")?;
    let (x, y) = operands::<B>(args, "x1", "x2")?;
    one(
        each2!(&x, &y, [U8, I32, I64, F32, F64, C64, C128] (a, b) => a.matmul(b);
        else return Err(Fail::dtype(args.function(), "x1", x.dtype()))),
    )
}

fn tensordot<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let (x, y) = operands::<B>(args, "x1", "x2")?;
    let axes = match args.get("axes") {
        None => TensordotAxes::N(2),
        Some(Value::List(p)) if p.len() == 2 => {
            let a = isize_list(&p[0]).ok_or_else(|| Fail::Rejected(format!("{f}: bad axes {}", p[0].describe())))?;
            let b = isize_list(&p[1]).ok_or_else(|| Fail::Rejected(format!("{f}: bad axes {}", p[1].describe())))?;
            TensordotAxes::Pairs(a, b)
        }
        Some(_) => TensordotAxes::N(args.usize("axes")?),
    };
    one(
        each2!(&x, &y, [U8, I32, I64, F32, F64, C64, C128] (a, b) => a.tensordot(b, axes.clone());
        else return Err(Fail::dtype(f, "x1", x.dtype()))),
    )
}

fn vecdot<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("out")?;
    let (x, y) = operands::<B>(args, "x1", "x2")?;
    let axis = args.isize_or("axis", -1)?;
    one(
        each2!(&x, &y, [U8, I32, I64, F32, F64, C64, C128] (a, b) => a.vecdot(b, axis);
        else return Err(Fail::dtype(args.function(), "x1", x.dtype()))),
    )
}

fn matrix_transpose<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    one(
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.matrix_transpose();
        else return Err(Fail::dtype(args.function(), "x", x.dtype()))),
    )
}
