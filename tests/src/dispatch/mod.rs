//! Maps a case's function name, arguments and keywords to xp calls, one file per family.
//!
//! Names are SciPy's public names without `scipy.` (`cluster.vq.kmeans2`) and, for the array API
//! namespace, `xp.` with the standard's names (`xp.concat`, `xp.pow`). NumPy's older spellings of
//! the same functions (`xp.concatenate`, `xp.power`, `xp.arcsin`, `xp.absolute`, `xp.amax`, ...)
//! map to the standard's. Each family's `lookup` returns the parameter list (Python order, with
//! NumPy's and SciPy's keyword aliases) and the mapping; [`dispatch`] binds the arguments, runs
//! the mapping and makes sure it read every argument it was given.

pub mod cluster_vq;
pub mod fft;
pub mod linalg;
pub mod linalg_basic;
pub mod linalg_canon;
pub mod linalg_decomp2;
pub mod linalg_lstsq;
pub mod linalg_more;
pub mod xp_creation;
pub mod xp_elementwise;
pub mod xp_indexing;
pub mod xp_linalg;
pub mod xp_manipulation;
pub mod xp_searching;
pub mod xp_set_sorting;
pub mod xp_statistical;

use xp_core::{Array, Backend};

use crate::any::{AnyArray, AnyElement};
use crate::args::{Args, Fail, Res};
use crate::value::Value;

/// What the dispatch needs of a backend: the namespace and the extension trait of every consumer
/// crate the runner maps (`xp_cluster` needs none). Add a crate's trait here when its mapping lands.
pub trait Dispatchable: Backend + xp_fft::FftBackend + ::xp_linalg::LinalgBackend {}

impl<B: Backend + xp_fft::FftBackend + ::xp_linalg::LinalgBackend> Dispatchable for B {}

/// The outputs of a call, in SciPy's order.
pub type Out<B> = Vec<AnyArray<B>>;

/// A function's parameter list and its mapping.
pub type Entry<B> = (&'static [&'static str], fn(&Args<'_>) -> Res<Out<B>>);

/// NumPy's older names of standard functions, and the standard's.
const ALIASES: &[(&str, &str)] = &[
    ("absolute", "abs"),
    ("arcsin", "asin"),
    ("arccos", "acos"),
    ("arctan", "atan"),
    ("arcsinh", "asinh"),
    ("arccosh", "acosh"),
    ("arctanh", "atanh"),
    ("arctan2", "atan2"),
    ("power", "pow"),
    ("true_divide", "divide"),
    ("mod", "remainder"),
    ("conjugate", "conj"),
    ("invert", "bitwise_invert"),
    ("bitwise_not", "bitwise_invert"),
    ("left_shift", "bitwise_left_shift"),
    ("right_shift", "bitwise_right_shift"),
    ("concatenate", "concat"),
    ("amin", "min"),
    ("amax", "max"),
    ("transpose", "permute_dims"),
];

/// The canonical name of `function` (`"xp.power"` -> `"xp.pow"`).
pub fn canonical(function: &str) -> String {
    match function.strip_prefix("xp.") {
        Some(name) => {
            let name = ALIASES.iter().find(|(a, _)| *a == name).map_or(name, |(_, s)| s);
            format!("xp.{name}")
        }
        None => function.to_string(),
    }
}

/// The mapping of a canonical function name.
pub fn lookup<B: Dispatchable>(function: &str) -> Option<Entry<B>> {
    if let Some(name) = function.strip_prefix("xp.linalg.") {
        return linalg::lookup_xp(name);
    }
    if let Some(name) = function.strip_prefix("xp.") {
        return xp_elementwise::lookup(name)
            .or_else(|| xp_statistical::lookup(name))
            .or_else(|| xp_searching::lookup(name))
            .or_else(|| xp_set_sorting::lookup(name))
            .or_else(|| xp_manipulation::lookup(name))
            .or_else(|| xp_indexing::lookup(name))
            .or_else(|| xp_linalg::lookup(name))
            .or_else(|| xp_creation::lookup(name));
    }
    if let Some(name) = function.strip_prefix("fft.") {
        return fft::lookup(name);
    }
    if let Some(name) = function.strip_prefix("linalg.") {
        return linalg::lookup(name);
    }
    if let Some(name) = function.strip_prefix("cluster.vq.") {
        return cluster_vq::lookup(name);
    }
    None
}

/// Runs `function(*args, **kwargs)` on backend `B`.
///
/// # Errors
/// [`Fail::Unsupported`] for an unmapped function or keyword; [`Fail::Rejected`],
/// [`Fail::Xp`], [`Fail::Cluster`] when the call is refused.
pub fn dispatch<B: Dispatchable>(function: &str, args: &[Value], kwargs: &[(String, Value)]) -> Res<Out<B>> {
    let name = canonical(function);
    let (params, f) = lookup::<B>(&name).ok_or_else(|| Fail::Unsupported(format!("{function} not mapped")))?;
    let bound = Args::bind(&name, args, kwargs, params)?;
    let out = f(&bound);
    match &out {
        Ok(_) | Err(Fail::Xp(_) | Fail::Cluster(_) | Fail::Fft(_) | Fail::Linalg(_)) => bound.check_all_read()?,
        Err(Fail::Unsupported(_) | Fail::Rejected(_)) => {}
    }
    out
}

/// The function name without `xp.` or `cluster.vq.`.
pub fn first_name(function: &str) -> &str {
    function.rsplit('.').next().unwrap_or(function)
}

/// A single output.
///
/// # Errors
/// Never; returns `Res` for use as a tail expression.
pub fn one<B: Backend>(a: AnyArray<B>) -> Res<Out<B>> {
    Ok(vec![a])
}

/// `a` cast to `T` (NumPy's `astype`) as a typed array.
///
/// # Errors
/// A backend failure.
pub fn typed<T: AnyElement, B: Backend>(a: &AnyArray<B>) -> Res<Array<T, B>> {
    T::unwrap(&a.astype(T::DTYPE)?).ok_or_else(|| Fail::Unsupported(format!("cast to {}", T::DTYPE)))
}

/// Several typed arrays as a vector of [`AnyArray`]s.
pub fn many<T: AnyElement, B: Backend>(v: Vec<Array<T, B>>) -> Out<B> {
    v.into_iter().map(T::wrap).collect()
}
