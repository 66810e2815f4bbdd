//! Sorting (`sort`, `argsort`) and set functions (`unique_values`, `unique_counts`,
//! `unique_inverse`, `unique_all`). NumPy's `kind` keyword maps to the standard's `stable`.

use xp_core::Backend;

use super::{Entry, Out, first_name, one};
use crate::any::AnyArray;
use crate::args::{Args, Fail, Res};
use crate::each;

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "sort" | "argsort" => (&["x|a", "axis", "kind", "order", "descending", "stable"], sort::<B>),
        "unique_values" | "unique_counts" | "unique_inverse" | "unique_all" => (&["x"], unique::<B>),
        _ => return None,
    })
}

fn sort<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    args.none_only("order")?;
    let x: AnyArray<B> = args.array("x")?;
    // NumPy's `axis=None` sorts the flattened array
    let (x, axis) = if args.given("axis") && args.get("axis").is_none() {
        (
            each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => a.reshape(&[-1]); else return Err(Fail::dtype(f, "x", x.dtype()))),
            0,
        )
    } else {
        (x, args.isize_or("axis", -1)?)
    };
    let descending = args.bool_or("descending", false)?;
    let from_kind = match args.opt_str("kind")? {
        None => None,
        Some("stable" | "mergesort") => Some(true),
        Some("quicksort" | "heapsort") => Some(false),
        Some(other) => return Err(Fail::Rejected(format!("{f}: unknown kind {other:?}"))),
    };
    let stable = match (args.get("stable"), from_kind) {
        (Some(_), Some(_)) => return Err(Fail::Rejected(format!("{f}: both `kind` and `stable` given"))),
        (None, Some(k)) => k,
        _ => args.bool_or("stable", true)?,
    };
    let bad = || Fail::dtype(f, "x", x.dtype());
    let arg = first_name(f) == "argsort";
    one(each!(&x, [U8, I32, I64, F32, F64] a => if arg {
        a.argsort(axis, descending, stable).map(AnyArray::from)
    } else {
        a.sort(axis, descending, stable).map(AnyArray::from)
    }; else return Err(bad())))
}

fn unique<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let x: AnyArray<B> = args.array("x")?;
    macro_rules! go {
        ($($v:ident),*) => {
            match &x {
                $(AnyArray::$v(a) => match first_name(f) {
                    "unique_values" => vec![a.unique_values()?.into()],
                    "unique_counts" => {
                        let (v, c) = a.unique_counts()?;
                        vec![v.into(), c.into()]
                    }
                    "unique_inverse" => {
                        let (v, i) = a.unique_inverse()?;
                        vec![v.into(), i.into()]
                    }
                    _ => {
                        let u = a.unique_all()?;
                        vec![u.values.into(), u.indices.into(), u.inverse_indices.into(), u.counts.into()]
                    }
                },)*
                other => return Err(Fail::dtype(f, "x", other.dtype())),
            }
        };
    }
    Ok(go!(U8, I32, I64, F32, F64))
}
