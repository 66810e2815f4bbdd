//! `scipy.linalg`: `norm`, `bandwidth`, `issymmetric`, `ishermitian`, `matrix_balance`,
//! `rsf2csf`, `cdf2rdf`, `solve_toeplitz`, `solve_banded`, `solveh_banded`; and the array
//! API's `xp.linalg.*` names of xp-linalg's basic functions (`vector_norm`, `matrix_norm`,
//! `trace`, `diagonal`, `outer`, `cross`, `matrix_power`), with NumPy's results.

use xp_core::DType;
use xp_linalg::{
    MatrixBalanceOptions, MatrixNormOptions, NormOptions, NormOrd, SymmetryOptions, VectorNormOptions, bandwidth,
    cdf2rdf, cross, diagonal, ishermitian, issymmetric, matrix_balance, matrix_norm, matrix_power, norm, outer,
    rsf2csf, trace, vector_norm,
};
use xp_linalg::{
    SolveBandedOptions, SolveToeplitzOptions, SolvehBandedOptions, solve_banded, solve_toeplitz, solveh_banded,
};

use super::linalg::{common, input, w, widen, widen_one};
use super::{Dispatchable, Entry, Out, typed};
use crate::any::{AnyOut, promote};
use crate::args::{Args, Fail, Res};
use crate::value::Value;
use crate::{each, each2, per_float};

/// The parameters and mapping of `linalg.<name>`, if this family has it.
pub fn lookup<B: Dispatchable>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "norm" => (&["a", "ord", "axis", "keepdims", "check_finite"], norm_fn::<B>),
        "bandwidth" => (&["a"], bandwidth_fn::<B>),
        "issymmetric" => (&["a", "atol", "rtol"], issymmetric_fn::<B>),
        "ishermitian" => (&["a", "atol", "rtol"], ishermitian_fn::<B>),
        "rsf2csf" => (&["T", "Z", "check_finite"], rsf2csf_fn::<B>),
        "cdf2rdf" => (&["w", "v"], cdf2rdf_fn::<B>),
        "solve_toeplitz" => (&["c_or_cr", "b", "check_finite"], solve_toeplitz_fn::<B>),
        "solve_banded" => (
            &["l_and_u", "ab", "b", "overwrite_ab", "overwrite_b", "check_finite"],
            solve_banded_fn::<B>,
        ),
        "solveh_banded" => (
            &["ab", "b", "overwrite_ab", "overwrite_b", "lower", "check_finite"],
            solveh_banded_fn::<B>,
        ),
        _ => return None,
    })
}

/// The parameters and mapping of `xp.linalg.<name>`, if this family has it.
pub fn lookup_xp<B: Dispatchable>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "vector_norm" => (&["x", "axis", "keepdims", "ord"], xp_vector_norm::<B>),
        "matrix_norm" => (&["x", "keepdims", "ord"], xp_matrix_norm::<B>),
        "trace" => (&["x", "offset", "dtype"], xp_trace::<B>),
        "diagonal" => (&["x", "offset"], xp_diagonal::<B>),
        "outer" => (&["x1", "x2", "out"], xp_outer::<B>),
        "cross" => (&["x1", "x2", "axis"], xp_cross::<B>),
        "matrix_power" => (&["x|a", "n"], xp_matrix_power::<B>),
        _ => return None,
    })
}

/// SciPy's / NumPy's `ord`: a string (`"fro"`, `"nuc"`), a number, or an infinity.
fn ord(args: &Args<'_>) -> Res<Option<NormOrd>> {
    Ok(match args.get("ord") {
        None => None,
        Some(Value::Str(s)) => Some(s.parse::<NormOrd>()?),
        Some(v) => Some(NormOrd::from(crate::args::f64_of(v).ok_or_else(|| {
            Fail::Rejected(format!("{}: bad ord {}", args.function(), v.describe()))
        })?)),
    })
}

fn norm_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let p = ord(args)?;
    let keepdims = args.bool_or("keepdims", false)?;
    let mut o = NormOptions::default()
        .ord(p)
        .keepdims(keepdims)
        .check_finite(args.bool_or("check_finite", true)?);
    let axis = args.get("axis").is_some();
    if axis {
        o = o.axis(args.axes("axis")?);
    }
    // SciPy's BLAS / LAPACK paths (`nrm2` for 1-D with ord None or 2, `lange` for 2-D with ord 1
    // or inf, no axis, no keepdims) return a Python float: float64 whatever the input
    let blas = !axis
        && !keepdims
        && matches!(
            (a.shape().len(), p),
            (1, None | Some(NormOrd::P(2.0))) | (2, Some(NormOrd::P(1.0) | NormOrd::Inf))
        );
    let out = per_float!(args.function(), a.dtype(), T => Ok(vec![w(norm(&typed::<T, B>(&a)?, &o)?)]));
    if blas { widen(out) } else { out }
}

fn bandwidth_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = args.array::<B>("a")?;
    let dt = a.dtype();
    let (lo, hi) = match &a {
        crate::any::AnyArray::U8(x) => bandwidth(x)?,
        crate::any::AnyArray::I32(x) => bandwidth(x)?,
        crate::any::AnyArray::I64(x) => bandwidth(x)?,
        crate::any::AnyArray::F32(x) => bandwidth(x)?,
        crate::any::AnyArray::F64(x) => bandwidth(x)?,
        crate::any::AnyArray::C64(x) => bandwidth(x)?,
        crate::any::AnyArray::C128(x) => bandwidth(x)?,
        crate::any::AnyArray::Bool(_) => return Err(Fail::dtype(args.function(), "a", dt)),
    };
    Ok(vec![w(lo), w(hi)])
}

fn symmetry_options(args: &Args<'_>) -> Res<SymmetryOptions> {
    Ok(SymmetryOptions::default()
        .atol(args.opt_f64("atol")?)
        .rtol(args.opt_f64("rtol")?))
}

fn issymmetric_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = symmetry_options(args)?;
    per_float!(args.function(), a.dtype(), T => Ok(vec![w(issymmetric(&typed::<T, B>(&a)?, &o)?)]))
}

fn ishermitian_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = symmetry_options(args)?;
    per_float!(args.function(), a.dtype(), T => Ok(vec![w(ishermitian(&typed::<T, B>(&a)?, &o)?)]))
}

/// `matrix_balance`'s parameters (mapped through [`super::linalg::lookup_nested`]: with
/// `separate=True` SciPy returns the nested `(B, (scale, perm))`).
pub(crate) const MATRIX_BALANCE: &[&str] = &["A", "permute", "scale", "separate", "overwrite_a"];

/// `matrix_balance`: `[B, T]`, or with `separate=True` `[B, (scale, perm)]`. SciPy's `T` and
/// `scale` are `float64` and `perm` `int64` whatever the input. For a stack SciPy's batching
/// stacks each matrix's `(scale, perm)` tuple into one `float64` array `(..., 2, N)`; that array
/// is produced here too.
pub(crate) fn matrix_balance_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Vec<AnyOut<B>>> {
    let a = input::<B>(args, "A")?;
    let separate = args.bool_or("separate", false)?;
    let o = MatrixBalanceOptions::default()
        .permute(args.bool_or("permute", true)?)
        .scale(args.bool_or("scale", true)?)
        .separate(separate)
        .overwrite_a(args.bool_or("overwrite_a", false)?);
    per_float!(args.function(), a.dtype(), T => {
        let f = matrix_balance(&typed::<T, B>(&a)?, &o)?;
        let b = AnyOut::from(w(f.b));
        if !separate {
            let t = f.t.ok_or_else(|| Fail::Unsupported("linalg.matrix_balance: no T".into()))?;
            return Ok(vec![b, widen_one(w(t))?.into()]);
        }
        let scale = f.scale.astype::<f64>()?;
        if scale.ndim() > 1 {
            let perm = f.perm.astype::<f64>()?;
            let stacked = xp_core::array::manipulation::stack(&[&scale, &perm], -2)?;
            return Ok(vec![b, w(stacked).into()]);
        }
        Ok(vec![b, AnyOut::Tuple(vec![w(scale).into(), w(f.perm).into()])])
    })
}

fn rsf2csf_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (t, z) = (input::<B>(args, "T")?, input::<B>(args, "Z")?);
    let check = args.bool_or("check_finite", true)?;
    let dt = common(&[&t, &z]);
    per_float!(args.function(), dt, T => {
        let (tc, zc) = rsf2csf(&typed::<T, B>(&t)?, &typed::<T, B>(&z)?, check)?;
        Ok(vec![w(tc), w(zc)])
    })
}

fn cdf2rdf_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (wv, v) = (input::<B>(args, "w")?, input::<B>(args, "v")?);
    let dt = common(&[&wv, &v]);
    per_float!(args.function(), dt, T => {
        let (wr, vr) = cdf2rdf(&typed::<T, B>(&wv)?, &typed::<T, B>(&v)?)?;
        // SciPy's real eigenvector matrix is float64 whatever the input
        Ok(vec![w(wr), widen_one(w(vr))?])
    })
}

fn xp_vector_norm<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = input::<B>(args, "x")?;
    let mut o = VectorNormOptions::default()
        .axis(args.axes("axis")?)
        .keepdims(args.bool_or("keepdims", false)?);
    if let Some(p) = ord(args)? {
        o = o.ord(p);
    }
    per_float!(args.function(), x.dtype(), T => Ok(vec![w(vector_norm(&typed::<T, B>(&x)?, &o)?)]))
}

fn xp_matrix_norm<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = input::<B>(args, "x")?;
    let mut o = MatrixNormOptions::default().keepdims(args.bool_or("keepdims", false)?);
    if let Some(p) = ord(args)? {
        o = o.ord(p);
    }
    per_float!(args.function(), x.dtype(), T => Ok(vec![w(matrix_norm(&typed::<T, B>(&x)?, &o)?)]))
}

fn xp_trace<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = args.array::<B>("x")?;
    let x = match args.opt_dtype("dtype")? {
        Some(dt) => x.astype(dt)?,
        None => x,
    };
    let offset = args.isize_or("offset", 0)?;
    let dt = x.dtype();
    Ok(vec![
        each!(&x, [U8, I32, I64, F32, F64, C64, C128] a => trace(a, offset); else return Err(Fail::dtype(args.function(), "x", dt))),
    ])
}

fn xp_diagonal<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = args.array::<B>("x")?;
    let offset = args.isize_or("offset", 0)?;
    let dt = x.dtype();
    Ok(vec![
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => diagonal(a, offset); else return Err(Fail::dtype(args.function(), "x", dt))),
    ])
}

fn two<B: Dispatchable>(args: &Args<'_>) -> Res<(crate::any::AnyArray<B>, crate::any::AnyArray<B>)> {
    let (x, y) = (args.array::<B>("x1")?, args.array::<B>("x2")?);
    let dt = promote(x.dtype(), y.dtype());
    Ok((x.astype(dt)?, y.astype(dt)?))
}

fn xp_outer<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    args.none_only("out")?;
    let (x, y) = two::<B>(args)?;
    let dt = x.dtype();
    Ok(vec![
        each2!(&x, &y, [U8, I32, I64, F32, F64, C64, C128] (a, b) => outer(a, b);
        else return Err(Fail::dtype(args.function(), "x1", dt))),
    ])
}

fn xp_cross<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (x, y) = two::<B>(args)?;
    let axis = args.isize_or("axis", -1)?;
    let dt = x.dtype();
    Ok(vec![
        each2!(&x, &y, [U8, I32, I64, F32, F64, C64, C128] (a, b) => cross(a, b, axis);
        else return Err(Fail::dtype(args.function(), "x1", dt))),
    ])
}

fn xp_matrix_power<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = args.array::<B>("x")?;
    let n = args
        .opt_int("n")?
        .ok_or_else(|| Fail::Rejected("xp.linalg.matrix_power: `n` must be an integer".into()))?;
    // NumPy keeps integer matrices integer for n >= 0; xp-linalg computes in floating point
    let x = match x.dtype() {
        DType::F32 | DType::F64 | DType::C64 | DType::C128 => x,
        other => {
            return Err(Fail::Unsupported(format!(
                "xp.linalg.matrix_power: dtype {other} not mapped (xp-linalg's matrix_power is floating point)"
            )));
        }
    };
    per_float!(args.function(), x.dtype(), T => Ok(vec![w(matrix_power(&typed::<T, B>(&x)?, n)?)]))
}

fn solve_toeplitz_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    // `c_or_cr` is `c` or the pair `(c, r)`
    let (c, r) = match args.required("c_or_cr")? {
        Value::List(items) if items.len() == 2 => (
            crate::args::to_array::<B>(&items[0])?,
            Some(crate::args::to_array::<B>(&items[1])?),
        ),
        v => (crate::args::to_array::<B>(v)?, None),
    };
    let b = input::<B>(args, "b")?;
    let o = SolveToeplitzOptions::default().check_finite(args.bool_or("check_finite", true)?);
    let mut all = vec![&c, &b];
    all.extend(r.iter());
    let dt = common(&all);
    // SciPy's Levinson recursion returns float64 / complex128 whatever the input
    widen(per_float!(args.function(), dt, T => {
        let rt = r.as_ref().map(typed::<T, B>).transpose()?;
        Ok(vec![w(solve_toeplitz(&typed::<T, B>(&c)?, rt.as_ref(), &typed::<T, B>(&b)?, &o)?)])
    }))
}

fn solve_banded_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let lu = args.isize_list("l_and_u")?;
    let (l, u) = match lu.as_slice() {
        [l, u] => (
            usize::try_from(*l).map_err(|_| Fail::Rejected("linalg.solve_banded: negative l".into()))?,
            usize::try_from(*u).map_err(|_| Fail::Rejected("linalg.solve_banded: negative u".into()))?,
        ),
        _ => return Err(Fail::Rejected("linalg.solve_banded: `l_and_u` must be a pair".into())),
    };
    let (ab, b) = (input::<B>(args, "ab")?, input::<B>(args, "b")?);
    let o = SolveBandedOptions::default()
        .overwrite_ab(args.bool_or("overwrite_ab", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    let dt = common(&[&ab, &b]);
    per_float!(args.function(), dt, T => Ok(vec![w(solve_banded(
        (l, u),
        &typed::<T, B>(&ab)?,
        &typed::<T, B>(&b)?,
        &o,
    )?)]))
}

fn solveh_banded_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (ab, b) = (input::<B>(args, "ab")?, input::<B>(args, "b")?);
    let o = SolvehBandedOptions::default()
        .overwrite_ab(args.bool_or("overwrite_ab", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .lower(args.bool_or("lower", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    let dt = common(&[&ab, &b]);
    per_float!(args.function(), dt, T => Ok(vec![w(solveh_banded(&typed::<T, B>(&ab)?, &typed::<T, B>(&b)?, &o)?)]))
}
