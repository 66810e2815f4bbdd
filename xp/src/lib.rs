//! # xp: SciPy's algorithms for Rust, on any array backend
//!
//! This facade re-exports the xp crates so that SciPy code ports line by line:
//!
//! | SciPy / NumPy | xp |
//! |---|---|
//! | `np.asarray(data).reshape(2, 3)` | `Array::<f64>::from_vec(data, &[2, 3])?` |
//! | `x.sum(axis=0)` | `x.sum(0, false)?` |
//! | `scipy.cluster.vq.kmeans2(x, c, minit="matrix")` | `xp::cluster::vq::kmeans2(&x, KOrCentroids::Centroids(c), &opts)?` |
//!
//! The array namespace is [`xp_core`] (re-exported at the top level: [`Array`], [`Cpu`],
//! [`Strict`], [`Backend`], ...). Each SciPy subpackage is a module: [`cluster`], [`fft`],
//! [`linalg`], [`ndimage`], [`special`]; the ones not yet built are empty and say so.
//!
//! **Array type in == array type out**: a function called with `Array<f32, Strict>` returns
//! `Array<f32, Strict>`. Which implementation ran is in the dispatch [`trace`].

pub use xp_core::*;

/// `scipy.cluster`: vector quantisation and k-means ([`xp_cluster`]).
pub use xp_cluster as cluster;
/// `scipy.fft` ([`xp_fft`]; not yet built).
pub use xp_fft as fft;
/// `scipy.linalg` ([`xp_linalg`]; not yet built).
pub use xp_linalg as linalg;
/// `scipy.ndimage` ([`xp_ndimage`]; not yet built).
pub use xp_ndimage as ndimage;
/// `scipy.special` ([`xp_special`]; not yet built).
pub use xp_special as special;
