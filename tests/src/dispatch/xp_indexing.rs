//! Indexing functions: `take` and `take_along_axis`. Index arrays of any integer type are cast
//! to `int64`, xp's index type.

use xp_core::Backend;

use super::{Entry, Out, one, typed};
use crate::any::AnyArray;
use crate::args::{Args, Fail, Res};
use crate::each;

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "take" => (&["x|a", "indices", "axis", "out", "mode"], take::<B>),
        "take_along_axis" => (&["x|arr", "indices", "axis"], take_along_axis::<B>),
        _ => return None,
    })
}

fn take<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("out")?;
    args.str_in("mode", &["raise"])?;
    let x: AnyArray<B> = args.array("x")?;
    let idx = typed::<i64, B>(&args.array::<B>("indices")?)?;
    let axis = args.opt_isize("axis")?;
    one(
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.take(&idx, axis);
        else return Err(Fail::dtype(args.function(), "x", x.dtype()))),
    )
}

fn take_along_axis<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let x: AnyArray<B> = args.array("x")?;
    let idx = typed::<i64, B>(&args.array::<B>("indices")?)?;
    // NumPy's `axis=None` works on the flattened array (with 1-d indices).
    let (axis, flatten) = match (args.given("axis"), args.opt_isize("axis")?) {
        (false, _) => (-1, false),
        (true, Some(a)) => (a, false),
        (true, None) => (0, true),
    };
    one(each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => {
            if flatten { a.reshape(&[-1])?.take_along_axis(&idx, axis) } else { a.take_along_axis(&idx, axis) }
        };
        else return Err(Fail::dtype(args.function(), "x", x.dtype()))))
}
