//! `scipy.linalg.lstsq`: every `lapack_driver`, SciPy's output types, and SciPy's batching
//! (`a` `(..., M, N)`, `b` `(..., M)` or `(..., M, K)` with broadcast batch shapes), which
//! `xp_linalg::lstsq` (one matrix) does not have: the batch runs as a loop here, as in SciPy.

use xp_core::Array;
use xp_core::array::indexing::Idx;
use xp_linalg::{LstsqDriver, LstsqOptions, lstsq};

use super::Dispatchable;
use super::linalg::{Lx, common, input, int_out, w};
use crate::any::{AnyArray, AnyOut};
use crate::args::{Args, Fail, Res};
use crate::per_float;
use crate::value::HostArray;

/// `lstsq`: `[x, residues, rank, s]` with SciPy's types: empty residues have `x`'s type, and
/// `s` is `None` with `lapack_driver="gelsy"`. A zero-size problem returns before any driver
/// runs in SciPy, with `s` an empty `float64` array (also for gelsy) and, when only `M` is zero,
/// `residues` an empty `float64` array.
pub(crate) fn lstsq_fn<B: Dispatchable>(args: &Args<'_>) -> Res<Vec<AnyOut<B>>> {
    let (a, b) = (input::<B>(args, "a")?, input::<B>(args, "b")?);
    let mut o = LstsqOptions::default()
        .cond(args.opt_f64("cond")?)
        .overwrite_a(args.bool_or("overwrite_a", false)?)
        .overwrite_b(args.bool_or("overwrite_b", false)?)
        .check_finite(args.bool_or("check_finite", true)?);
    if let Some(d) = args.opt_str("lapack_driver")? {
        o = o.lapack_driver(d.parse::<LstsqDriver>()?);
    }
    let dt = common(&[&a, &b]);
    per_float!(args.function(), dt, T => {
        let (at, bt) = (super::typed::<T, B>(&a)?, super::typed::<T, B>(&b)?);
        if at.ndim() > 2 || bt.ndim() > 2 {
            batched::<T, B>(args.function(), &at, &bt, &o)
        } else {
            one::<T, B>(&at, &bt, &o)
        }
    })
}

/// One problem, with SciPy's output types.
fn one<T: Lx, B: Dispatchable>(a: &Array<T, B>, b: &Array<T, B>, o: &LstsqOptions) -> Res<Vec<AnyOut<B>>> {
    let (ash, bsh) = (a.shape(), b.shape());
    let zero_size = ash.len() == 2 && (ash[0] == 0 || ash[1] == 0) && bsh.first() == ash.first();
    let f = lstsq(a, b, o)?;
    let empty_f64 = || -> Res<AnyOut<B>> { Ok(w(Array::<f64, B>::zeros(&[0])?).into()) };
    let residues = if zero_size && f.residues.size() == 0 {
        empty_f64()?
    } else if f.residues.size() == 0 {
        w(f.residues.astype::<T>()?).into()
    } else {
        w(f.residues).into()
    };
    let s = match f.s {
        _ if zero_size => empty_f64()?,
        Some(s) => w(s).into(),
        None => AnyOut::None,
    };
    Ok(vec![w(f.x).into(), residues, int_out(f.rank)?.into(), s])
}

/// SciPy's batching: the batch shapes of `a` (core `(M, N)`) and `b` (core `(M,)` for 1-D `b`,
/// else `(M, K)`) broadcast; each problem is solved alone and every output is stacked. Where
/// SciPy's stacking fails (outputs of different shapes, as residues of problems of different
/// rank; a zero-size batch) the call is rejected as SciPy rejects it; gelsy's batch of `None`s
/// (a NumPy object array) is not expressible.
fn batched<T: Lx, B: Dispatchable>(
    function: &str,
    a: &Array<T, B>,
    b: &Array<T, B>,
    o: &LstsqOptions,
) -> Res<Vec<AnyOut<B>>> {
    let reject = |why: String| Fail::Rejected(format!("{function}: {why}"));
    if a.ndim() < 2 {
        // SciPy: "Input array a should be 2D"
        return Err(reject(format!(
            "`a` of shape {:?} is not a stack of matrices",
            a.shape()
        )));
    }
    let (ash, bsh) = (a.shape().to_vec(), b.shape().to_vec());
    let bcore = if bsh.len() >= 2 { 2 } else { 1 };
    let (abatch, acore) = ash.split_at(ash.len() - 2);
    let (bbatch, bcore) = bsh.split_at(bsh.len() - bcore);
    let batch = broadcast(abatch, bbatch)
        .ok_or_else(|| reject(format!("batch shapes {abatch:?} and {bbatch:?} do not broadcast")))?;
    let count: usize = batch.iter().product();
    if count == 0 {
        return Err(reject("zero-size batches are not supported (as in SciPy)".into()));
    }
    let flat = |x: &Array<T, B>, core: &[usize]| -> Res<Array<T, B>> {
        let mut full = batch.clone();
        full.extend_from_slice(core);
        let mut shape = vec![count as isize];
        shape.extend(core.iter().map(|&d| d as isize));
        Ok(x.broadcast_to(&full)?.reshape(&shape)?)
    };
    let (af, bf) = (flat(a, acore)?, flat(b, bcore)?);
    let mut slots: Vec<Vec<HostArray>> = vec![Vec::new(); 4];
    for i in 0..count {
        let at = [Idx::from(i as isize)];
        let outs = one::<T, B>(&af.slice(&at)?, &bf.slice(&at)?, o)?;
        for (slot, out) in slots.iter_mut().zip(&outs) {
            match out {
                AnyOut::Array(x) => slot.push(x.to_host()?),
                _ => {
                    return Err(Fail::Unsupported(format!(
                        "{function}: a batch with lapack_driver=\"gelsy\" (SciPy's `s` is an object array of None)"
                    )));
                }
            }
        }
    }
    slots
        .iter()
        .map(|items| {
            let stacked = HostArray::stack(items, &batch)
                .ok_or_else(|| reject("the per-matrix outputs differ in shape and cannot be stacked".into()))?;
            Ok(AnyOut::Array(AnyArray::from_host(&stacked)?))
        })
        .collect()
}

/// NumPy's broadcast of two shapes.
fn broadcast(x: &[usize], y: &[usize]) -> Option<Vec<usize>> {
    let n = x.len().max(y.len());
    let at = |s: &[usize], i: usize| if i + s.len() >= n { s[i + s.len() - n] } else { 1 };
    (0..n)
        .map(|i| match (at(x, i), at(y, i)) {
            (p, q) if p == q || q == 1 => Some(p),
            (1, q) => Some(q),
            _ => None,
        })
        .collect()
}
