//! `scipy.linalg`: solvers, decompositions, eigenproblems, determinants and pseudo-inverses
//! (this file), least squares ([`super::linalg_lstsq`]), matrix functions, equation solvers and special matrices
//! ([`super::linalg_more`]), and the array API's `xp.linalg.*` names that come from NumPy
//! (`slogdet`, `matrix_rank`).
//!
//! Every SciPy keyword of an implemented function is accepted: `overwrite_*`, `lwork`,
//! `check_finite`, `driver` / `lapack_driver` map onto the options structs (or are accepted as
//! hints without an effect on the result, as in SciPy). As in SciPy, integer and boolean inputs
//! are cast to `float64`, and several array inputs are promoted to their common type.
//!
//! Where SciPy's result is unique only up to a choice the algorithm makes, the outputs are put in
//! a canonical form, and `tests/oracle/linalg_cases.py` records SciPy's outputs in the same form:
//! - `qr`: `diag(R)` real non-negative (`Q -> Q D`, `R -> D^H R`); not for `mode="raw"`, whose
//!   `((h, tau), r[, p])` xp reproduces with LAPACK's signs and pivots, compared as it is;
//! - `svd`: the largest entry of every column of `U` real positive (`Vh` rows follow);
//! - `schur`: the largest entry of every column of `Z` real positive (`T -> D^H T D`);
//! - `hessenberg`: the subdiagonal of `H` real non-negative (`Q -> Q D`, `H -> D^H H D`);
//! - `eig` / `eigvals`: eigenvalues sorted by real part, then imaginary part (vectors follow);
//!   homogeneous eigenvalues scaled to `beta = 1`;
//! - `cho_factor`: the unused triangle of `c` (unspecified in SciPy) set to zero.
//!
//! The canonical forms are in [`super::linalg_canon`].
//!
//! Outputs that SciPy nests in tuples or leaves `None` (`qr(mode="raw")`,
//! `matrix_balance(separate=True)`, `lstsq(lapack_driver="gelsy")`) are mapped by
//! [`lookup_nested`] and compared flat ([`crate::compare::compare_slots`]).
//!
//! Eigenvectors are compared with `columns_up_to_sign` by the cases themselves.

use xp_core::{Array, Backend, DType, c32, c64};
use xp_linalg::{
    AssumeA, ChoFactor, ChoSolveOptions, CholeskyOptions, DetOptions, EigOptions, EighOptions, HessenbergOptions,
    InvOptions, LinalgScalar, LuFactor, LuFactorOptions, LuOptions, LuSolveOptions, PinvOptions, QrMode, QrOptions,
    SchurOptions, SchurOutput, SolveOptions, SolveTriangularOptions, SvdOptions, Trans, cho_factor, cho_solve,
    cholesky, det, eig, eigh, eigvals, eigvalsh, hessenberg, inv, lu, lu_factor, lu_solve, matrix_rank, pinv, pinvh,
    qr, schur, slogdet, solve, solve_triangular, svd, svdvals,
};

use super::linalg_canon::{HostC, canon_hessenberg, canon_qr, canon_schur, canon_svd, eig_order, permute_cols};
use super::{Dispatchable, Entry, Out, linalg_more, typed};
use crate::any::{AnyArray, AnyElement, AnyOut, promote};
use crate::args::{Args, Fail, Res};
use crate::value::Value;

/// The element types xp-linalg computes in, with their real and complex companions mapped.
pub trait Lx: LinalgScalar<Re: AnyElement, Cx: AnyElement> + AnyElement {}
impl Lx for f32 {}
impl Lx for f64 {}
impl Lx for c32 {}
impl Lx for c64 {}

/// Runs `$body` with the type alias `$t` set to the Rust type of the floating dtype `$dt`.
#[macro_export]
macro_rules! per_float {
    ($function:expr, $dt:expr, $t:ident => $body:expr) => {
        match $dt {
            xp_core::DType::F32 => {
                type $t = f32;
                $body
            }
            xp_core::DType::F64 => {
                type $t = f64;
                $body
            }
            xp_core::DType::C64 => {
                type $t = xp_core::c32;
                $body
            }
            xp_core::DType::C128 => {
                type $t = xp_core::c64;
                $body
            }
            other => Err($crate::args::Fail::dtype($function, "a", other)),
        }
    };
}

const SOLVE: &[&str] = &[
    "a",
    "b",
    "lower",
    "overwrite_a",
    "overwrite_b",
    "check_finite",
    "assume_a",
    "transposed",
];
const EIGH: &[&str] = &[
    "a",
    "b",
    "lower",
    "eigvals_only",
    "overwrite_a",
    "overwrite_b",
    "type",
    "check_finite",
    "subset_by_index",
    "subset_by_value",
    "driver",
];
const EIGVALSH: &[&str] = &[
    "a",
    "b",
    "lower",
    "overwrite_a",
    "overwrite_b",
    "type",
    "check_finite",
    "subset_by_index",
    "subset_by_value",
    "driver",
];

/// The parameters and mapping of `linalg.<name>`, if this family has it.
pub fn lookup<B: Dispatchable>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "solve" => (SOLVE, solve_fn::<B>),
        "solve_triangular" => (
            &[
                "a",
                "b",
                "trans",
                "lower",
                "unit_diagonal",
                "overwrite_b",
                "check_finite",
            ],
            solve_triangular_fn::<B>,
        ),
        "lu" => (
            &["a", "permute_l", "overwrite_a", "check_finite", "p_indices"],
            lu_fn::<B>,
        ),
        "lu_factor" => (&["a", "overwrite_a", "check_finite"], lu_factor_fn::<B>),
        "lu_solve" => (
            &["lu_and_piv", "b", "trans", "overwrite_b", "check_finite"],
            lu_solve_fn::<B>,
        ),
        "cholesky" => (&["a", "lower", "overwrite_a", "check_finite"], cholesky_fn::<B>),
        "cho_factor" => (&["a", "lower", "overwrite_a", "check_finite"], cho_factor_fn::<B>),
        "cho_solve" => (&["c_and_lower", "b", "overwrite_b", "check_finite"], cho_solve_fn::<B>),
        "svd" => (
            &[
                "a",
                "full_matrices",
                "compute_uv",
                "overwrite_a",
                "check_finite",
                "lapack_driver",
            ],
            svd_fn::<B>,
        ),
        "svdvals" => (&["a", "overwrite_a", "check_finite"], svdvals_fn::<B>),
        "eig" => (
            &[
                "a",
                "b",
                "left",
                "right",
                "overwrite_a",
                "overwrite_b",
                "check_finite",
                "homogeneous_eigvals",
            ],
            eig_fn::<B>,
        ),
        "eigvals" => (
            &["a", "b", "overwrite_a", "check_finite", "homogeneous_eigvals"],
            eigvals_fn::<B>,
        ),
        "eigh" => (EIGH, eigh_fn::<B>),
        "eigvalsh" => (EIGVALSH, eigvalsh_fn::<B>),
        "schur" => (
            &["a", "output", "lwork", "overwrite_a", "sort", "check_finite"],
            schur_fn::<B>,
        ),
        "hessenberg" => (&["a", "calc_q", "overwrite_a", "check_finite"], hessenberg_fn::<B>),
        "det" => (&["a", "overwrite_a", "check_finite"], det_fn::<B>),
        "inv" => (&["a", "overwrite_a", "check_finite", "assume_a", "lower"], inv_fn::<B>),
        "pinv" => (&["a", "atol", "rtol", "return_rank", "check_finite"], pinv_fn::<B>),
        "pinvh" => (
            &["a", "atol", "rtol", "lower", "return_rank", "check_finite"],
            pinvh_fn::<B>,
        ),
        _ => {
            return linalg_more::lookup(name)
                .or_else(|| super::linalg_basic::lookup(name))
                .or_else(|| super::linalg_decomp2::lookup(name));
        }
    })
}

/// The parameters and mapping of `xp.linalg.<name>` (the array API's / NumPy's `linalg`
/// namespace), if mapped.
pub fn lookup_xp<B: Dispatchable>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "slogdet" => (&["x|a"], xp_slogdet::<B>),
        "matrix_rank" => (&["x|A", "tol", "hermitian", "rtol"], xp_matrix_rank::<B>),
        _ => return super::linalg_basic::lookup_xp(name).or_else(|| super::linalg_decomp2::lookup_xp(name)),
    })
}

/// A mapping whose outputs SciPy nests in tuples or leaves `None`.
pub type NestedEntry<B> = (&'static [&'static str], fn(&Args<'_>) -> Res<Vec<AnyOut<B>>>);

/// The parameters and mapping of the functions whose outputs have SciPy's nested structure
/// (`function` canonical, with its prefix): `linalg.lstsq` (`s` is `None` with
/// `lapack_driver="gelsy"`), `linalg.qr` (`((h, tau), r[, p])` with `mode="raw"`),
/// `linalg.matrix_balance` (`(B, (scale, perm))` with `separate=True`).
pub fn lookup_nested<B: Dispatchable>(function: &str) -> Option<NestedEntry<B>> {
    Some(match function {
        "linalg.lstsq" => (
            &[
                "a",
                "b",
                "cond",
                "overwrite_a",
                "overwrite_b",
                "check_finite",
                "lapack_driver",
            ],
            super::linalg_lstsq::lstsq_fn::<B>,
        ),
        "linalg.qr" => (
            &["a", "overwrite_a", "lwork", "mode", "pivoting", "check_finite"],
            qr_fn::<B>,
        ),
        "linalg.matrix_balance" => (
            super::linalg_basic::MATRIX_BALANCE,
            super::linalg_basic::matrix_balance_fn::<B>,
        ),
        _ => return None,
    })
}

/// Runs `function(*args, **kwargs)` on `B` if [`lookup_nested`] maps it (as
/// [`super::dispatch`] does for the flat mappings); `None` otherwise.
pub fn dispatch_nested<B: Dispatchable>(
    function: &str,
    args: &[Value],
    kwargs: &[(String, Value)],
) -> Option<Res<Vec<AnyOut<B>>>> {
    let name = super::canonical(function);
    let (params, f) = lookup_nested::<B>(&name)?;
    let run = || {
        let bound = Args::bind(&name, args, kwargs, params)?;
        let out = f(&bound);
        match &out {
            Ok(_) | Err(Fail::Xp(_) | Fail::Cluster(_) | Fail::Fft(_) | Fail::Linalg(_)) => bound.check_all_read()?,
            Err(Fail::Unsupported(_) | Fail::Rejected(_)) => {}
        }
        out
    };
    Some(run())
}

// ---------------------------------------------------------------------------------------------
// inputs and outputs

/// A floating input: integers and booleans become `float64`, as in SciPy.
pub fn input<B: Backend>(args: &Args<'_>, name: &str) -> Res<AnyArray<B>> {
    floating(args.array::<B>(name)?)
}

/// An optional floating input.
pub fn opt_input<B: Backend>(args: &Args<'_>, name: &str) -> Res<Option<AnyArray<B>>> {
    args.opt_array::<B>(name)?.map(floating).transpose()
}

/// Single precision outputs as double precision, for the functions whose SciPy results are
/// `float64` / `complex128` whatever the input (`det`, `logm`, `fractional_matrix_power` with a
/// non-integer power, `expm_frechet`, `expm_cond`, `solve_discrete_lyapunov`, the Riccati
/// solvers). xp computes in the input's precision (its single precision path is what is
/// tested, at single precision tolerances) and the result is widened.
pub fn widen<B: Backend>(out: Res<Out<B>>) -> Res<Out<B>> {
    out?.into_iter().map(widen_one).collect()
}

/// One output widened as by [`widen`].
pub fn widen_one<B: Backend>(x: AnyArray<B>) -> Res<AnyArray<B>> {
    match x.dtype() {
        DType::F32 => Ok(x.astype(DType::F64)?),
        DType::C64 => Ok(x.astype(DType::C128)?),
        _ => Ok(x),
    }
}

fn floating<B: Backend>(x: AnyArray<B>) -> Res<AnyArray<B>> {
    match x.dtype() {
        DType::F32 | DType::F64 | DType::C64 | DType::C128 => Ok(x),
        _ => Ok(x.astype(DType::F64)?),
    }
}

/// The common type of several floating inputs (NumPy's promotion).
pub fn common(xs: &[&AnyArray<impl Backend>]) -> DType {
    xs.iter().map(|x| x.dtype()).reduce(promote).unwrap_or(DType::F64)
}

/// Wraps a typed output.
pub fn w<T: AnyElement, B: Backend>(a: Array<T, B>) -> AnyArray<B> {
    T::wrap(a)
}

/// A 0-D `int64` output.
pub fn int_out<B: Backend>(v: usize) -> Res<AnyArray<B>> {
    Ok(Array::<i64, B>::scalar(i64::try_from(v).unwrap_or(i64::MAX))?.into())
}

/// A 0-D `bool` output.
pub fn bool_out<B: Backend>(v: bool) -> Res<AnyArray<B>> {
    Ok(Array::<bool, B>::scalar(v)?.into())
}

fn unsupported(args: &Args<'_>, what: String) -> Fail {
    Fail::Unsupported(format!("{}: {what}", args.function()))
}

/// A LAPACK driver name: one of `ok` (the result does not depend on it), one of `unmapped`
/// (valid in SciPy, not expressible here), or SciPy's `ValueError` (rejected: xp has no driver
/// parameter to pass it to).
pub(crate) fn driver(args: &Args<'_>, name: &str, ok: &[&str], unmapped: &[&str]) -> Res<()> {
    match args.opt_str(name)? {
        None => Ok(()),
        Some(s) if ok.contains(&s) => Ok(()),
        Some(s) if unmapped.contains(&s) => Err(unsupported(args, format!("{name}={s:?} not mapped"))),
        Some(s) => Err(Fail::Rejected(format!("{}: invalid {name} {s:?}", args.function()))),
    }
}

/// SciPy's `trans` (`0`, `1`, `2`, `"N"`, `"T"`, `"C"`).
fn trans(args: &Args<'_>) -> Res<Trans> {
    Ok(match args.get("trans") {
        None => Trans::N,
        Some(Value::Str(s)) => match s.as_str() {
            "N" | "n" => Trans::N,
            "T" | "t" => Trans::T,
            "C" | "c" | "H" | "h" => Trans::H,
            _ => return Err(Fail::Rejected(format!("{}: bad trans {s:?}", args.function()))),
        },
        Some(_) => match args.opt_int("trans")? {
            Some(0) => Trans::N,
            Some(1) => Trans::T,
            Some(2) => Trans::H,
            other => return Err(Fail::Rejected(format!("{}: bad trans {other:?}", args.function()))),
        },
    })
}

/// A pair `(lo, hi)` of numbers (`subset_by_index`, `subset_by_value`); infinities allowed.
pub(crate) fn pair(args: &Args<'_>, name: &str) -> Res<Option<(f64, f64)>> {
    let Some(v) = args.get(name) else { return Ok(None) };
    let bad = || Fail::Rejected(format!("{}: `{name}` must be a pair of numbers", args.function()));
    let items: Vec<f64> = match v {
        Value::List(items) => items
            .iter()
            .map(crate::args::f64_of)
            .collect::<Option<_>>()
            .ok_or_else(bad)?,
        Value::Array(a) if a.shape.len() == 1 => (0..a.len())
            .map(|i| a.get(i).map(|e| e.to_c64().re))
            .collect::<Option<_>>()
            .ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    match items.as_slice() {
        [lo, hi] => Ok(Some((*lo, *hi))),
        _ => Err(bad()),
    }
}

/// The two parts of a factor tuple argument (`lu_and_piv`, `c_and_lower`).
pub(crate) fn factor_pair<'a>(args: &Args<'a>, name: &str) -> Res<(&'a Value, &'a Value)> {
    match args.required(name)? {
        Value::List(items) if items.len() == 2 => Ok((&items[0], &items[1])),
        v => Err(Fail::Rejected(format!(
            "{}: `{name}` must be a pair, got {}",
            args.function(),
            v.describe()
        ))),
    }
}

// ---------------------------------------------------------------------------------------------
// solvers

fn solve_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (a, b) = (input::<B>(args, "a")?, input::<B>(args, "b")?);
    let mut o = SolveOptions::default()
        .lower(args.bool_or("lower", false)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?)
        .transposed(args.bool_or("transposed", false)?);
    if let Some(s) = args.opt_str("assume_a")? {
        o = o.assume_a(s.parse::<AssumeA>()?);
    }
    let dt = common(&[&a, &b]);
    per_float!(args.function(), dt, T => {
        Ok(vec![w(solve(&typed::<T, B>(&a)?, &typed::<T, B>(&b)?, &o)?)])
    })
}

fn solve_triangular_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (a, b) = (input::<B>(args, "a")?, input::<B>(args, "b")?);
    let o = SolveTriangularOptions::default()
        .trans(trans(args)?)
        .lower(args.bool_or("lower", false)?)
        .unit_diagonal(args.bool_or("unit_diagonal", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    let dt = common(&[&a, &b]);
    per_float!(args.function(), dt, T => {
        Ok(vec![w(solve_triangular(&typed::<T, B>(&a)?, &typed::<T, B>(&b)?, &o)?)])
    })
}

fn lu_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = LuOptions::default()
        .permute_l(args.bool_or("permute_l", false)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?)
        .p_indices(args.bool_or("p_indices", false)?);
    per_float!(args.function(), a.dtype(), T => {
        let f = lu(&typed::<T, B>(&a)?, &o)?;
        let mut out = Vec::new();
        if let Some(p) = f.p {
            // SciPy's permutation matrix has the real type of `a`
            out.push(w(p.real()?));
        }
        if let Some(p) = f.p_indices {
            out.push(w(p));
        }
        out.push(w(f.l));
        out.push(w(f.u));
        Ok(out)
    })
}

fn lu_factor_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = LuFactorOptions::default()
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    per_float!(args.function(), a.dtype(), T => {
        let f = lu_factor(&typed::<T, B>(&a)?, &o)?;
        Ok(vec![w(f.lu), w(f.piv.astype::<i32>()?)])
    })
}

fn lu_solve_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (lu_v, piv_v) = factor_pair(args, "lu_and_piv")?;
    let lu_a = floating(crate::args::to_array::<B>(lu_v)?)?;
    let piv = crate::args::to_array::<B>(piv_v)?;
    let b = input::<B>(args, "b")?;
    let o = LuSolveOptions::default()
        .trans(trans(args)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    let dt = common(&[&lu_a, &b]);
    per_float!(args.function(), dt, T => {
        let f = LuFactor { lu: typed::<T, B>(&lu_a)?, piv: typed::<i64, B>(&piv)? };
        Ok(vec![w(lu_solve(&f, &typed::<T, B>(&b)?, &o)?)])
    })
}

fn cholesky_options(args: &Args<'_>) -> Res<CholeskyOptions> {
    Ok(CholeskyOptions::default()
        .lower(args.bool_or("lower", false)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?))
}

fn cholesky_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = cholesky_options(args)?;
    per_float!(args.function(), a.dtype(), T => Ok(vec![w(cholesky(&typed::<T, B>(&a)?, &o)?)]))
}

fn cho_factor_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = cholesky_options(args)?;
    per_float!(args.function(), a.dtype(), T => {
        let f = cho_factor(&typed::<T, B>(&a)?, &o)?;
        // the other triangle is unspecified in SciPy: compared as zeros
        let c = if f.lower { f.c.tril(0)? } else { f.c.triu(0)? };
        Ok(vec![w(c), bool_out(f.lower)?])
    })
}

fn cho_solve_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (c_v, lower_v) = factor_pair(args, "c_and_lower")?;
    let c = floating(crate::args::to_array::<B>(c_v)?)?;
    let lower = match lower_v {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Array(h) if h.shape.is_empty() => h.get(0).and_then(|e| e.to_int()).is_some_and(|i| i != 0),
        v => return Err(Fail::Rejected(format!("linalg.cho_solve: bad lower {}", v.describe()))),
    };
    let b = input::<B>(args, "b")?;
    let o = ChoSolveOptions::default()
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    let dt = common(&[&c, &b]);
    per_float!(args.function(), dt, T => {
        let f = ChoFactor { c: typed::<T, B>(&c)?, lower };
        Ok(vec![w(cho_solve(&f, &typed::<T, B>(&b)?, &o)?)])
    })
}

// ---------------------------------------------------------------------------------------------
// decompositions

/// `qr`: `[Q, R]`, `[R]`, `[Q, R, P]`, ... in the canonical form of [`canon_qr`]; with
/// `mode="raw"` SciPy's `((h, tau), r[, p])` exactly (LAPACK's `?geqrf` / `?geqp3` output, whose
/// reflector signs xp reproduces, so no canonical form is needed).
fn qr_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Vec<AnyOut<B>>> {
    let a = input::<B>(args, "a")?;
    let mode: QrMode = args.opt_str("mode")?.unwrap_or("full").parse()?;
    let o = QrOptions::default()
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .lwork(args.opt_usize("lwork")?)
        .mode(mode)
        .pivoting(args.bool_or("pivoting", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    if mode == QrMode::Raw && a.shape().len() > 2 {
        // SciPy's batching stacks the per-matrix `((h, tau), r)` tuples, which NumPy refuses
        // (ValueError: inhomogeneous shape); xp returns the stacked factors
        return Err(Fail::Rejected(format!(
            "{}: mode=\"raw\" of a stack {:?} (SciPy cannot stack its nested outputs)",
            args.function(),
            a.shape()
        )));
    }
    per_float!(args.function(), a.dtype(), T => {
        let f = qr(&typed::<T, B>(&a)?, &o)?;
        let p = f.p.map(|p| p.astype::<i32>()).transpose()?.map(|p| AnyOut::from(w(p)));
        if mode == QrMode::Raw {
            let (Some(h), Some(tau)) = (f.h, f.tau) else {
                return Err(unsupported(args, "mode=\"raw\" returned no (h, tau)".into()));
            };
            let mut out = vec![AnyOut::Tuple(vec![w(h).into(), w(tau).into()]), w(f.r).into()];
            out.extend(p);
            return Ok(out);
        }
        let q = f.q.map(w);
        let (q, r) = canon_qr(q.as_ref(), &w(f.r))?;
        let mut out: Vec<AnyOut<B>> = q.into_iter().map(AnyOut::from).collect();
        out.push(r.into());
        out.extend(p);
        Ok(out)
    })
}

fn svd_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    driver(args, "lapack_driver", &["gesdd", "gesvd"], &[])?;
    let o = SvdOptions::default()
        .full_matrices(args.bool_or("full_matrices", true)?)
        .compute_uv(args.bool_or("compute_uv", true)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    per_float!(args.function(), a.dtype(), T => {
        let f = svd(&typed::<T, B>(&a)?, &o)?;
        match (f.u, f.vh) {
            (Some(u), Some(vh)) => {
                let (u, vh) = canon_svd(&w(u), &w(vh))?;
                Ok(vec![u, w(f.s), vh])
            }
            _ => Ok(vec![w(f.s)]),
        }
    })
}

fn svdvals_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = SvdOptions::default()
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    per_float!(args.function(), a.dtype(), T => Ok(vec![w(svdvals(&typed::<T, B>(&a)?, &o)?)]))
}

/// SciPy's eigenvector type: real for real input whose eigenvalues are all real, else complex.
fn eig_vectors<T: Lx, B: Dispatchable>(v: Array<T::Cx, B>, all_real: bool) -> Res<AnyArray<B>> {
    if !T::IS_COMPLEX && all_real {
        Ok(w(v.real()?.astype::<T>()?))
    } else {
        Ok(w(v))
    }
}

/// Sorts the eigenvalues (and the vectors' columns), scales homogeneous pairs to `beta = 1`.
fn canon_eig<B: Backend>(w_: &AnyArray<B>, hom: bool, vecs: &[AnyArray<B>]) -> Res<Out<B>> {
    let mut wh = HostC::of(w_)?;
    if hom {
        // (..., 2, n): alpha / beta, 1
        let (nb, _, n) = wh.dims();
        for b in 0..nb {
            for j in 0..n {
                let (al, be) = (wh.at(b, 0, j), wh.at(b, 1, j));
                if be.norm() > 0.0 {
                    if let Some(x) = wh.v.get_mut(b * 2 * n + j) {
                        *x = al / be;
                    }
                    if let Some(x) = wh.v.get_mut(b * 2 * n + n + j) {
                        *x = c64::new(1.0, 0.0);
                    }
                }
            }
        }
    }
    let order = if hom {
        let (nb, _, n) = wh.dims();
        let first = HostC {
            dt: wh.dt,
            shape: vec![nb, n],
            v: (0..nb)
                .flat_map(|b| (0..n).map(move |j| (b, j)))
                .map(|(b, j)| wh.at(b, 0, j))
                .collect(),
        };
        eig_order(&first)
    } else {
        eig_order(&wh)
    };
    permute_cols(&mut wh, &order);
    let mut out = vec![wh.up()?];
    for v in vecs {
        let mut vh = HostC::of(v)?;
        permute_cols(&mut vh, &order);
        out.push(vh.up()?);
    }
    Ok(out)
}

fn eig_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let b = opt_input::<B>(args, "b")?;
    let hom = args.bool_or("homogeneous_eigvals", false)?;
    let o = EigOptions::default()
        .left(args.bool_or("left", false)?)
        .right(args.bool_or("right", true)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?)
        .homogeneous_eigvals(hom);
    let dt = b.as_ref().map_or(a.dtype(), |b| common(&[&a, b]));
    per_float!(args.function(), dt, T => {
        let bt = b.as_ref().map(typed::<T, B>).transpose()?;
        let f = eig(&typed::<T, B>(&a)?, bt.as_ref(), &o)?;
        let all_real = HostC::of(&w(f.w.clone()))?.v.iter().all(|c| c.im == 0.0);
        let mut vecs = Vec::new();
        if let Some(vl) = f.vl {
            vecs.push(eig_vectors::<T, B>(vl, all_real)?);
        }
        if let Some(vr) = f.vr {
            vecs.push(eig_vectors::<T, B>(vr, all_real)?);
        }
        let wv = if hom { f.w_homogeneous.unwrap_or(f.w) } else { f.w };
        canon_eig(&w(wv), hom, &vecs)
    })
}

fn eigvals_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let b = opt_input::<B>(args, "b")?;
    let hom = args.bool_or("homogeneous_eigvals", false)?;
    let o = EigOptions::default()
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?)
        .homogeneous_eigvals(hom);
    let dt = b.as_ref().map_or(a.dtype(), |b| common(&[&a, b]));
    per_float!(args.function(), dt, T => {
        let bt = b.as_ref().map(typed::<T, B>).transpose()?;
        let v = eigvals(&typed::<T, B>(&a)?, bt.as_ref(), &o)?;
        canon_eig(&w(v), hom, &[])
    })
}

fn eigh_options(args: &Args<'_>) -> Res<EighOptions> {
    // `driver` selects a LAPACK routine in SciPy; the eigenpairs do not depend on it
    driver(args, "driver", &["ev", "evd", "evr", "evx", "gv", "gvd", "gvx"], &[])?;
    let ty = args.opt_int("type")?.unwrap_or(1);
    let ty = u8::try_from(ty).unwrap_or(u8::MAX);
    let by_index = match pair(args, "subset_by_index")? {
        None => None,
        Some((lo, hi)) if lo >= 0.0 && hi >= 0.0 && lo.fract() == 0.0 && hi.fract() == 0.0 => {
            Some((lo as usize, hi as usize))
        }
        Some(p) => {
            return Err(Fail::Rejected(format!(
                "{}: subset_by_index {p:?} is not a pair of indices",
                args.function()
            )));
        }
    };
    Ok(EighOptions::default()
        .lower(args.bool_or("lower", true)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .type_(ty)
        .check_finite(args.bool_or("check_finite", true)?)
        .subset_by_index(by_index)
        .subset_by_value(pair(args, "subset_by_value")?))
}

fn eigh_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let b = opt_input::<B>(args, "b")?;
    let only = args.bool_or("eigvals_only", false)?;
    let o = eigh_options(args)?.eigvals_only(only);
    let dt = b.as_ref().map_or(a.dtype(), |b| common(&[&a, b]));
    per_float!(args.function(), dt, T => {
        let bt = b.as_ref().map(typed::<T, B>).transpose()?;
        let f = eigh(&typed::<T, B>(&a)?, bt.as_ref(), &o)?;
        let mut out = vec![w(f.w)];
        if let Some(v) = f.v {
            out.push(w(v));
        }
        Ok(out)
    })
}

fn eigvalsh_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let b = opt_input::<B>(args, "b")?;
    let o = eigh_options(args)?;
    let dt = b.as_ref().map_or(a.dtype(), |b| common(&[&a, b]));
    per_float!(args.function(), dt, T => {
        let bt = b.as_ref().map(typed::<T, B>).transpose()?;
        Ok(vec![w(eigvalsh(&typed::<T, B>(&a)?, bt.as_ref(), &o)?)])
    })
}

fn schur_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let mut a = input::<B>(args, "a")?;
    let sort = match args.get("sort") {
        None => None,
        Some(Value::Str(s)) => Some(s.parse::<xp_linalg::SchurSort>()?),
        Some(v) => {
            return Err(unsupported(
                args,
                format!("sort={} (a callable) not mapped", v.describe()),
            ));
        }
    };
    let output = match args.opt_str("output")?.unwrap_or("real") {
        "real" | "r" => SchurOutput::Real,
        "complex" | "c" => SchurOutput::Complex,
        s => return Err(Fail::Rejected(format!("{}: bad output {s:?}", args.function()))),
    };
    if output == SchurOutput::Complex {
        // SciPy computes the complex form of real input in complex arithmetic
        a = match a.dtype() {
            DType::F32 => a.astype(DType::C64)?,
            DType::F64 => a.astype(DType::C128)?,
            _ => a,
        };
    }
    let o = SchurOptions::default()
        .output(output)
        .sort(sort)
        .lwork(args.opt_usize("lwork")?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    per_float!(args.function(), a.dtype(), T => {
        let f = schur(&typed::<T, B>(&a)?, &o)?;
        let (t, z) = canon_schur(&w(f.t), &w(f.z), f.sdim.as_deref())?;
        let mut out = vec![t, z];
        if let Some(sdim) = f.sdim {
            out.push(match sdim.as_slice() {
                [one] => int_out(*one)?,
                many => {
                    let v = many.iter().map(|&d| i64::try_from(d).unwrap_or(i64::MAX)).collect::<Vec<_>>();
                    let n = v.len();
                    w(Array::<i64, B>::from_vec(v, &[n])?)
                }
            });
        }
        Ok(out)
    })
}

fn hessenberg_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = HessenbergOptions::default()
        .calc_q(args.bool_or("calc_q", false)?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    per_float!(args.function(), a.dtype(), T => {
        let (h, q) = hessenberg(&typed::<T, B>(&a)?, &o)?;
        let q = q.map(w);
        let (h, q) = canon_hessenberg(&w(h), q.as_ref())?;
        let mut out = vec![h];
        out.extend(q);
        Ok(out)
    })
}

// ---------------------------------------------------------------------------------------------
// determinants, inverses, least squares

fn det_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = DetOptions::default()
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    widen(per_float!(args.function(), a.dtype(), T => Ok(vec![w(det(&typed::<T, B>(&a)?, &o)?)])))
}

fn inv_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    match args.opt_str("assume_a")? {
        None | Some("general" | "gen") => {}
        Some(s) => {
            return Err(unsupported(
                args,
                format!("assume_a={s:?} not mapped (InvOptions has no structure hint)"),
            ));
        }
    }
    if args.bool_or("lower", false)? {
        return Err(unsupported(
            args,
            "lower=True not mapped (InvOptions has no structure hint)".into(),
        ));
    }
    let o = InvOptions::default()
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    per_float!(args.function(), a.dtype(), T => Ok(vec![w(inv(&typed::<T, B>(&a)?, &o)?)]))
}

fn pinv_options(args: &Args<'_>) -> Res<PinvOptions> {
    Ok(PinvOptions::default()
        .atol(args.opt_f64("atol")?)
        .rtol(args.opt_f64("rtol")?)
        .check_finite(args.bool_or("check_finite", true)?))
}

fn pinv_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let o = pinv_options(args)?;
    let rank = args.bool_or("return_rank", false)?;
    per_float!(args.function(), a.dtype(), T => {
        let at = typed::<T, B>(&a)?;
        let mut out = vec![w(pinv(&at, &o)?)];
        if rank {
            out.push(int_out(matrix_rank(&at, &o)?)?);
        }
        Ok(out)
    })
}

fn pinvh_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let lower = args.bool_or("lower", true)?;
    let o = pinv_options(args)?.lower(lower);
    let rank = args.bool_or("return_rank", false)?;
    per_float!(args.function(), a.dtype(), T => {
        let at = typed::<T, B>(&a)?;
        let mut out = vec![w(pinvh(&at, &o)?)];
        if rank {
            // SciPy's rank counts the eigenvalues above the cutoff of the Hermitian matrix read
            // from one triangle: its singular values are their moduli
            let h = if lower {
                at.tril(0)?.add(&at.tril(-1)?.conj()?.matrix_transpose()?)?
            } else {
                at.triu(0)?.add(&at.triu(1)?.conj()?.matrix_transpose()?)?
            };
            out.push(int_out(matrix_rank(&h, &o)?)?);
        }
        Ok(out)
    })
}

fn xp_slogdet<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "x")?;
    per_float!(args.function(), a.dtype(), T => {
        let (sign, logdet) = slogdet(&typed::<T, B>(&a)?, &DetOptions::default())?;
        Ok(vec![w(sign), w(logdet)])
    })
}

fn xp_matrix_rank<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "x")?;
    // NumPy's `hermitian=True` takes |eigenvalues| as the singular values: the same for
    // Hermitian input
    let _ = args.bool_or("hermitian", false)?;
    let o = PinvOptions::default()
        .atol(args.opt_f64("tol")?)
        .rtol(args.opt_f64("rtol")?);
    let o = if args.get("tol").is_some() && args.get("rtol").is_none() {
        o.rtol(Some(0.0))
    } else {
        o
    };
    per_float!(args.function(), a.dtype(), T => Ok(vec![int_out(matrix_rank(&typed::<T, B>(&a)?, &o)?)?]))
}
