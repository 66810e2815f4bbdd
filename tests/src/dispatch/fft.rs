//! `scipy.fft`: the complex, real and Hermitian transforms (1-D, 2-D, N-D), the DCT/DST family,
//! the fast Hankel transform, and the helpers.
//!
//! SciPy's keywords map to xp-fft's options structs one to one: `n`/`s`, `axis`/`axes`, `norm`
//! (parsed with SciPy's names; an invalid one is xp's error), `overwrite_x` (accepted), `workers`,
//! `orthogonalize`, `type`, `offset`, `bias`, `initial`, `d`, `real`. SciPy's reserved `plan`
//! keyword is accepted only as `None` (SciPy raises for anything else too). As in SciPy, integer
//! and boolean inputs are cast to `float64`; the real-input transforms (`rfft*`, `ihfft*`, the
//! DCT/DST, `fht`) reject complex input (SciPy's `TypeError`). `fftfreq`/`rfftfreq` return
//! `float64` (SciPy's default namespace) on the backend under test.

use xp_core::{Array, DType};
use xp_fft::{
    DctOptions, DctnOptions, FftOptions, FftnOptions, FhtOptions, Norm, dct, dctn, dst, dstn, fft, fft2, fftfreq, fftn,
    fftshift, fht, fhtoffset, hfft, hfft2, hfftn, idct, idctn, idst, idstn, ifft, ifft2, ifftn, ifftshift, ifht, ihfft,
    ihfft2, ihfftn, irfft, irfft2, irfftn, next_fast_len, prev_fast_len, rfft, rfft2, rfftfreq, rfftn,
};

use super::{Dispatchable, Entry, Out, one};
use crate::any::AnyArray;
use crate::args::{Args, Fail, Res};
use crate::each;

const ONE_D: &[&str] = &["x", "n", "axis", "norm", "overwrite_x", "workers", "plan"];
const N_D: &[&str] = &["x", "s", "axes", "norm", "overwrite_x", "workers", "plan"];
const TRIG: &[&str] = &[
    "x",
    "type",
    "n",
    "axis",
    "norm",
    "overwrite_x",
    "workers",
    "orthogonalize",
];
const TRIG_N: &[&str] = &[
    "x",
    "type",
    "s",
    "axes",
    "norm",
    "overwrite_x",
    "workers",
    "orthogonalize",
];
const FHT: &[&str] = &["a|A", "dln", "mu", "offset", "bias"];
const FREQ: &[&str] = &["n", "d", "xp", "device"];
const SHIFT: &[&str] = &["x", "axes"];
const FAST_LEN: &[&str] = &["target", "real"];

/// The parameters and mapping of `name`, if this family has it.
pub fn lookup<B: Dispatchable>(name: &str) -> Option<Entry<B>> {
    Some(match name {
        "fft" => (ONE_D, fft_fn::<B>),
        "ifft" => (ONE_D, ifft_fn::<B>),
        "rfft" => (ONE_D, rfft_fn::<B>),
        "irfft" => (ONE_D, irfft_fn::<B>),
        "hfft" => (ONE_D, hfft_fn::<B>),
        "ihfft" => (ONE_D, ihfft_fn::<B>),
        "fft2" => (N_D, fft2_fn::<B>),
        "ifft2" => (N_D, ifft2_fn::<B>),
        "fftn" => (N_D, fftn_fn::<B>),
        "ifftn" => (N_D, ifftn_fn::<B>),
        "rfft2" => (N_D, rfft2_fn::<B>),
        "irfft2" => (N_D, irfft2_fn::<B>),
        "rfftn" => (N_D, rfftn_fn::<B>),
        "irfftn" => (N_D, irfftn_fn::<B>),
        "hfft2" => (N_D, hfft2_fn::<B>),
        "ihfft2" => (N_D, ihfft2_fn::<B>),
        "hfftn" => (N_D, hfftn_fn::<B>),
        "ihfftn" => (N_D, ihfftn_fn::<B>),
        "dct" => (TRIG, dct_fn::<B>),
        "idct" => (TRIG, idct_fn::<B>),
        "dst" => (TRIG, dst_fn::<B>),
        "idst" => (TRIG, idst_fn::<B>),
        "dctn" => (TRIG_N, dctn_fn::<B>),
        "idctn" => (TRIG_N, idctn_fn::<B>),
        "dstn" => (TRIG_N, dstn_fn::<B>),
        "idstn" => (TRIG_N, idstn_fn::<B>),
        "fht" => (FHT, fht_fn::<B>),
        "ifht" => (FHT, ifht_fn::<B>),
        "fhtoffset" => (&["dln", "mu", "initial", "bias"], fhtoffset_fn::<B>),
        "fftfreq" => (FREQ, fftfreq_fn::<B>),
        "rfftfreq" => (FREQ, rfftfreq_fn::<B>),
        "fftshift" => (SHIFT, fftshift_fn::<B>),
        "ifftshift" => (SHIFT, ifftshift_fn::<B>),
        "next_fast_len" => (FAST_LEN, next_fast_len_fn::<B>),
        "prev_fast_len" => (FAST_LEN, prev_fast_len_fn::<B>),
        _ => return None,
    })
}

/// The input `x` with integer and boolean types cast to `float64`, as SciPy does.
fn input<B: Dispatchable>(args: &Args<'_>, name: &str) -> Res<AnyArray<B>> {
    let x = args.array::<B>(name)?;
    match x.dtype() {
        DType::F32 | DType::F64 | DType::C64 | DType::C128 => Ok(x),
        _ => Ok(x.astype(DType::F64)?),
    }
}

/// SciPy's `TypeError` for complex input to a real transform.
fn real_only(args: &Args<'_>, dt: DType) -> Fail {
    Fail::Rejected(format!("{}: x must be a real sequence, got {dt}", args.function()))
}

fn norm(args: &Args<'_>, function: &'static str) -> Res<Norm> {
    match args.opt_str("norm")? {
        None => Ok(Norm::Backward),
        Some(s) => Ok(Norm::parse(function, s).map_err(Fail::from)?),
    }
}

fn options(args: &Args<'_>, function: &'static str) -> Res<FftOptions> {
    args.none_only("plan")?;
    let mut o = FftOptions::default()
        .axis(args.isize_or("axis", -1)?)
        .norm(norm(args, function)?)
        .overwrite_x(args.bool_or("overwrite_x", false)?);
    if let Some(n) = args.opt_usize("n")? {
        o = o.n(n);
    }
    if let Some(w) = args.opt_isize("workers")? {
        o = o.workers(w);
    }
    Ok(o)
}

fn options_n(args: &Args<'_>, function: &'static str) -> Res<FftnOptions> {
    args.none_only("plan")?;
    let mut o = FftnOptions::default()
        .norm(norm(args, function)?)
        .overwrite_x(args.bool_or("overwrite_x", false)?);
    if let Some(s) = args.opt_isize_list("s")? {
        o = o.s(s);
    }
    if let Some(a) = args.opt_isize_list("axes")? {
        o = o.axes(a);
    }
    if let Some(w) = args.opt_isize("workers")? {
        o = o.workers(w);
    }
    Ok(o)
}

fn kind(args: &Args<'_>) -> Res<u8> {
    let t = args.opt_int("type")?.unwrap_or(2);
    // Out-of-range types reach xp (which raises) as an invalid small value.
    Ok(u8::try_from(t).unwrap_or(u8::MAX))
}

fn orthogonalize(args: &Args<'_>) -> Res<Option<bool>> {
    if args.get("orthogonalize").is_none() {
        return Ok(None);
    }
    Ok(Some(args.bool_or("orthogonalize", false)?))
}

fn trig_options(args: &Args<'_>, function: &'static str) -> Res<DctOptions> {
    let mut o = DctOptions::default()
        .kind(kind(args)?)
        .axis(args.isize_or("axis", -1)?)
        .norm(norm(args, function)?)
        .overwrite_x(args.bool_or("overwrite_x", false)?);
    if let Some(n) = args.opt_usize("n")? {
        o = o.n(n);
    }
    if let Some(w) = args.opt_isize("workers")? {
        o = o.workers(w);
    }
    if let Some(b) = orthogonalize(args)? {
        o = o.orthogonalize(b);
    }
    Ok(o)
}

fn trig_options_n(args: &Args<'_>, function: &'static str) -> Res<DctnOptions> {
    let mut o = DctnOptions::default()
        .kind(kind(args)?)
        .norm(norm(args, function)?)
        .overwrite_x(args.bool_or("overwrite_x", false)?);
    if let Some(s) = args.opt_isize_list("s")? {
        o = o.s(s);
    }
    if let Some(a) = args.opt_isize_list("axes")? {
        o = o.axes(a);
    }
    if let Some(w) = args.opt_isize("workers")? {
        o = o.workers(w);
    }
    if let Some(b) = orthogonalize(args)? {
        o = o.orthogonalize(b);
    }
    Ok(o)
}

/// A transform that takes any of the four floating types.
macro_rules! any_input {
    ($name:ident, $f:ident, $opts:ident, $function:literal) => {
        fn $name<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
            let x = input::<B>(args, "x")?;
            let o = $opts(args, $function)?;
            let dt = x.dtype();
            one(each!(&x, [F32, F64, C64, C128] a => $f(a, &o).map_err(Fail::from); else return Err(Fail::dtype(args.function(), "x", dt))))
        }
    };
}

/// A transform of real input.
macro_rules! real_input {
    ($name:ident, $f:ident, $opts:ident, $function:literal) => {
        fn $name<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
            let x = input::<B>(args, "x")?;
            let o = $opts(args, $function)?;
            let dt = x.dtype();
            one(each!(&x, [F32, F64] a => $f(a, &o).map_err(Fail::from); else return Err(real_only(args, dt))))
        }
    };
}

any_input!(fft_fn, fft, options, "fft.fft");
any_input!(ifft_fn, ifft, options, "fft.ifft");
any_input!(irfft_fn, irfft, options, "fft.irfft");
any_input!(hfft_fn, hfft, options, "fft.hfft");
real_input!(rfft_fn, rfft, options, "fft.rfft");
real_input!(ihfft_fn, ihfft, options, "fft.ihfft");
any_input!(fft2_fn, fft2, options_n, "fft.fft2");
any_input!(ifft2_fn, ifft2, options_n, "fft.ifft2");
any_input!(fftn_fn, fftn, options_n, "fft.fftn");
any_input!(ifftn_fn, ifftn, options_n, "fft.ifftn");
any_input!(irfft2_fn, irfft2, options_n, "fft.irfft2");
any_input!(irfftn_fn, irfftn, options_n, "fft.irfftn");
any_input!(hfft2_fn, hfft2, options_n, "fft.hfft2");
any_input!(hfftn_fn, hfftn, options_n, "fft.hfftn");
real_input!(rfft2_fn, rfft2, options_n, "fft.rfft2");
real_input!(rfftn_fn, rfftn, options_n, "fft.rfftn");
real_input!(ihfft2_fn, ihfft2, options_n, "fft.ihfft2");
real_input!(ihfftn_fn, ihfftn, options_n, "fft.ihfftn");
real_input!(dct_fn, dct, trig_options, "fft.dct");
real_input!(idct_fn, idct, trig_options, "fft.idct");
real_input!(dst_fn, dst, trig_options, "fft.dst");
real_input!(idst_fn, idst, trig_options, "fft.idst");
real_input!(dctn_fn, dctn, trig_options_n, "fft.dctn");
real_input!(idctn_fn, idctn, trig_options_n, "fft.idctn");
real_input!(dstn_fn, dstn, trig_options_n, "fft.dstn");
real_input!(idstn_fn, idstn, trig_options_n, "fft.idstn");

fn fht_options(args: &Args<'_>) -> Res<FhtOptions> {
    Ok(FhtOptions::default()
        .offset(args.opt_f64("offset")?.unwrap_or(0.0))
        .bias(args.opt_f64("bias")?.unwrap_or(0.0)))
}

fn required_f64(args: &Args<'_>, name: &str) -> Res<f64> {
    args.opt_f64(name)?
        .ok_or_else(|| Fail::Rejected(format!("{}: missing required argument `{name}`", args.function())))
}

fn fht_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let (dln, mu, o) = (
        required_f64(args, "dln")?,
        required_f64(args, "mu")?,
        fht_options(args)?,
    );
    let dt = a.dtype();
    one(each!(&a, [F32, F64] x => fht(x, dln, mu, &o).map_err(Fail::from); else return Err(real_only(args, dt))))
}

fn ifht_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let a = input::<B>(args, "a")?;
    let (dln, mu, o) = (
        required_f64(args, "dln")?,
        required_f64(args, "mu")?,
        fht_options(args)?,
    );
    let dt = a.dtype();
    one(each!(&a, [F32, F64] x => ifht(x, dln, mu, &o).map_err(Fail::from); else return Err(real_only(args, dt))))
}

fn fhtoffset_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (dln, mu) = (required_f64(args, "dln")?, required_f64(args, "mu")?);
    let initial = args.opt_f64("initial")?.unwrap_or(0.0);
    let bias = args.opt_f64("bias")?.unwrap_or(0.0);
    one(Array::<f64, B>::scalar(fhtoffset(dln, mu, initial, bias))?.into())
}

fn freq_args(args: &Args<'_>) -> Res<(usize, f64)> {
    args.none_only("xp")?;
    args.none_only("device")?;
    Ok((args.usize("n")?, args.opt_f64("d")?.unwrap_or(1.0)))
}

fn fftfreq_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (n, d) = freq_args(args)?;
    one(fftfreq::<f64, B>(n, d)?.into())
}

fn rfftfreq_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let (n, d) = freq_args(args)?;
    one(rfftfreq::<f64, B>(n, d)?.into())
}

fn fftshift_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = args.array::<B>("x")?;
    let axes = args.opt_isize_list("axes")?;
    let axes = axes.as_deref();
    one(
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => fftshift(a, axes).map_err(Fail::from); else return Err(Fail::dtype(args.function(), "x", x.dtype()))),
    )
}

fn ifftshift_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let x = args.array::<B>("x")?;
    let axes = args.opt_isize_list("axes")?;
    let axes = axes.as_deref();
    one(
        each!(&x, [Bool, U8, I32, I64, F32, F64, C64, C128] a => ifftshift(a, axes).map_err(Fail::from); else return Err(Fail::dtype(args.function(), "x", x.dtype()))),
    )
}

fn fast_len(args: &Args<'_>, f: fn(usize, bool) -> xp_fft::Result<usize>) -> Res<usize> {
    let target = args.usize("target")?;
    let real = args.bool_or("real", false)?;
    Ok(f(target, real)?)
}

fn next_fast_len_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let v = fast_len(args, next_fast_len)?;
    one(Array::<i64, B>::scalar(i64::try_from(v).unwrap_or(i64::MAX))?.into())
}

fn prev_fast_len_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Out<B>> {
    let v = fast_len(args, prev_fast_len)?;
    one(Array::<i64, B>::scalar(i64::try_from(v).unwrap_or(i64::MAX))?.into())
}
