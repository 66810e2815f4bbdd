//! `scipy.cluster.vq`: `whiten`, `vq`, `kmeans`, `kmeans2`.
//!
//! As in SciPy, integer and boolean observations are cast to `float64`, and observations and code
//! books of different precision are promoted to the wider one. `k_or_guess` / `k` given as an
//! array of size 1 is a count, as SciPy reads it; a larger array is the initial code book.
//! SciPy's `rng` / `seed` integer is xp's `seed` (the random streams differ from NumPy's).

use xp_cluster::vq::{
    KOrCentroids, KOrGuess, Kmeans2Options, KmeansOptions, Minit, Missing, kmeans, kmeans2, vq, whiten,
};
use xp_core::{Array, Backend, DType};

use super::{Entry, Out, one, typed};
use crate::any::{AnyArray, promote};
use crate::args::{Args, Fail, Res, f64_of, int_of};
use crate::each;
use crate::value::{Value, is_real_float};

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Backend>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "whiten" => (&["obs", "check_finite"], whiten_fn::<B>),
        "vq" => (&["obs", "code_book", "check_finite"], vq_fn::<B>),
        "kmeans" => (
            &["obs", "k_or_guess", "iter", "thresh", "check_finite", "rng", "seed"],
            kmeans_fn::<B>,
        ),
        "kmeans2" => (
            &[
                "data",
                "k",
                "iter",
                "thresh",
                "minit",
                "missing",
                "check_finite",
                "rng",
                "seed",
            ],
            kmeans2_fn::<B>,
        ),
        _ => return None,
    })
}

/// Casts non-floating input to `float64`, as SciPy does.
fn floating<B: Backend>(a: AnyArray<B>) -> Res<AnyArray<B>> {
    if is_real_float(a.dtype()) {
        Ok(a)
    } else {
        Ok(a.astype(DType::F64)?)
    }
}

/// Two inputs as floating arrays of one precision.
fn pair<B: Backend>(a: AnyArray<B>, b: AnyArray<B>) -> Res<(AnyArray<B>, AnyArray<B>)> {
    let (a, b) = (floating(a)?, floating(b)?);
    let dt = promote(a.dtype(), b.dtype());
    Ok((a.astype(dt)?, b.astype(dt)?))
}

fn seed(args: &Args<'_>) -> Res<Option<u64>> {
    let f = args.function();
    let mut out = None;
    for name in ["rng", "seed"] {
        // `None` asks for fresh OS entropy, as it does in SciPy: no fixed seed.
        if let Some(v) = args.get(name).filter(|v| !matches!(v, Value::None)) {
            let s = int_of(v).and_then(|i| u64::try_from(i).ok()).ok_or_else(|| {
                Fail::Unsupported(format!(
                    "{f}: `{name}={}` not mapped (only integer seeds)",
                    v.describe()
                ))
            })?;
            if out.replace(s).is_some() {
                return Err(Fail::Rejected(format!("{f}: both `rng` and `seed` given")));
            }
        }
    }
    Ok(out)
}

fn whiten_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let obs = floating(args.array::<B>("obs")?)?;
    let check = args.bool_or("check_finite", true)?;
    one(
        each!(&obs, [F32, F64] a => whiten(a, check); else return Err(Fail::dtype(args.function(), "obs", obs.dtype()))),
    )
}

fn vq_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let (obs, book) = pair(args.array::<B>("obs")?, args.array::<B>("code_book")?)?;
    let check = args.bool_or("check_finite", true)?;
    macro_rules! go {
        ($($v:ident),*) => {
            match (&obs, &book) {
                $((AnyArray::$v(o), AnyArray::$v(b)) => {
                    let (code, dist) = vq(o, b, check)?;
                    Ok(vec![code.into(), dist.into()])
                })*
                _ => Err(Fail::dtype(args.function(), "obs", obs.dtype())),
            }
        };
    }
    go!(F32, F64)
}

/// An integer count from a scalar or a size-1 array (SciPy reads both as `k`).
fn count(v: &Value) -> Option<i64> {
    match v {
        Value::Array(a) if a.len() == 1 => a.get(0).map(|e| match e {
            crate::value::Elem::Int(i) => i64::try_from(i).unwrap_or(i64::MAX),
            other => other.to_c64().re.trunc() as i64,
        }),
        _ => int_of(v).or_else(|| f64_of(v).map(|f| f.trunc() as i64)),
    }
}

/// `k` / `k_or_guess` as given.
enum KArg<B: Backend> {
    K(usize),
    Book(AnyArray<B>),
}

fn k_arg<B: Backend>(args: &Args<'_>, name: &str) -> Res<KArg<B>> {
    let f = args.function();
    let v = args.required(name)?;
    if let Some(k) = count(v) {
        let k = usize::try_from(k).map_err(|_| Fail::Rejected(format!("{f}: `{name}` = {k} is negative")))?;
        return Ok(KArg::K(k));
    }
    Ok(KArg::Book(args.array::<B>(name)?))
}

fn kmeans_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let obs = floating(args.array::<B>("obs")?)?;
    let k = k_arg::<B>(args, "k_or_guess")?;
    let mut opts = KmeansOptions::default()
        .iter(args.usize_or("iter", 20)?)
        .check_finite(args.bool_or("check_finite", true)?);
    if let Some(t) = args.opt_f64("thresh")? {
        opts = opts.thresh(t);
    }
    if let Some(s) = seed(args)? {
        opts = opts.seed(s);
    }
    let (obs, k) = match k {
        KArg::K(k) => (obs, KArg::K(k)),
        KArg::Book(b) => {
            let (o, b) = pair(obs, b)?;
            (o, KArg::Book(b))
        }
    };
    macro_rules! go {
        ($($v:ident),*) => {
            match (&obs, &k) {
                $((AnyArray::$v(o), KArg::K(k)) => {
                    let (book, dist) = kmeans(o, KOrGuess::K(*k), &opts)?;
                    Ok(vec![book.into(), Array::<crate::dtype_type!($v), B>::scalar(dist)?.into()])
                }
                (AnyArray::$v(o), KArg::Book(b)) => {
                    let b = typed::<crate::dtype_type!($v), B>(b)?;
                    let (book, dist) = kmeans(o, KOrGuess::Guess(b), &opts)?;
                    Ok(vec![book.into(), Array::<crate::dtype_type!($v), B>::scalar(dist)?.into()])
                })*
                _ => Err(Fail::dtype(f, "obs", obs.dtype())),
            }
        };
    }
    go!(F32, F64)
}

fn kmeans2_fn<B: Backend>(args: &Args<'_>) -> Res<Out<B>> {
    let f = args.function();
    let data = floating(args.array::<B>("data")?)?;
    let k = k_arg::<B>(args, "k")?;
    let minit = match args.opt_str("minit")? {
        None | Some("random") => Minit::Random,
        Some("points") => Minit::Points,
        Some("++") => Minit::PlusPlus,
        Some("matrix") => Minit::Matrix,
        Some(other) => return Err(Fail::Rejected(format!("{f}: unknown minit {other:?}"))),
    };
    let missing = match args.opt_str("missing")? {
        None | Some("warn") => Missing::Warn,
        Some("raise") => Missing::Raise,
        Some(other) => return Err(Fail::Rejected(format!("{f}: unknown missing {other:?}"))),
    };
    let mut opts = Kmeans2Options::default()
        .iter(args.usize_or("iter", 10)?)
        .minit(minit)
        .missing(missing)
        .check_finite(args.bool_or("check_finite", true)?);
    if let Some(t) = args.opt_f64("thresh")? {
        opts = opts.thresh(t);
    }
    if let Some(s) = seed(args)? {
        opts = opts.seed(s);
    }
    let (data, k) = match k {
        KArg::K(k) => (data, KArg::K(k)),
        KArg::Book(b) => {
            let (d, b) = pair(data, b)?;
            (d, KArg::Book(b))
        }
    };
    macro_rules! go {
        ($($v:ident),*) => {
            match (&data, &k) {
                $((AnyArray::$v(d), KArg::K(k)) => {
                    let (c, l) = kmeans2(d, KOrCentroids::K(*k), &opts)?;
                    Ok(vec![c.into(), l.into()])
                }
                (AnyArray::$v(d), KArg::Book(b)) => {
                    let b = typed::<crate::dtype_type!($v), B>(b)?;
                    let (c, l) = kmeans2(d, KOrCentroids::Centroids(b), &opts)?;
                    Ok(vec![c.into(), l.into()])
                })*
                _ => Err(Fail::dtype(f, "data", data.dtype())),
            }
        };
    }
    go!(F32, F64)
}
