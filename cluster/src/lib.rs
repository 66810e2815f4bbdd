//! # xp-cluster: `scipy.cluster` on any array backend
//!
//! SciPy's clustering algorithms written once against the [`xp_core`] array namespace: every
//! function is generic over the backend `B: Backend`, takes and returns [`xp_core::Array`]s on
//! that backend, and keeps the element type (`f32` in, `f32` out). The module [`vq`] is
//! `scipy.cluster.vq` (vector quantisation and k-means).
//!
//! ## For SciPy users
//!
//! | SciPy | xp |
//! |---|---|
//! | `from scipy.cluster.vq import whiten, vq, kmeans, kmeans2` | `use xp_cluster::vq::{whiten, vq, kmeans, kmeans2};` |
//! | `whiten(obs)` | `whiten(&obs, true)?` |
//! | `whiten(obs, check_finite=False)` | `whiten(&obs, false)?` |
//! | `code, dist = vq(obs, code_book)` | `let (code, dist) = vq(&obs, &code_book, true)?;` |
//! | `book, distortion = kmeans(obs, 3)` | `let (book, distortion) = kmeans(&obs, KOrGuess::K(3), &KmeansOptions::default())?;` |
//! | `kmeans(obs, 3, iter=5, thresh=1e-6, rng=1)` | `kmeans(&obs, KOrGuess::K(3), &KmeansOptions::default().iter(5).thresh(1e-6).seed(1))?` |
//! | `kmeans(obs, guess)` | `kmeans(&obs, KOrGuess::Guess(guess), &KmeansOptions::default())?` |
//! | `centroid, label = kmeans2(data, 3)` | `let (centroid, label) = kmeans2(&data, KOrCentroids::K(3), &Kmeans2Options::default())?;` |
//! | `kmeans2(data, 3, minit='++', rng=0)` | `kmeans2(&data, KOrCentroids::K(3), &Kmeans2Options::default().minit(Minit::PlusPlus).seed(0))?` |
//! | `kmeans2(data, 3, minit='points', missing='raise')` | `...minit(Minit::Points).missing(Missing::Raise)` |
//! | `kmeans2(data, c, minit='matrix', iter=20)` | `kmeans2(&data, KOrCentroids::Centroids(c), &Kmeans2Options::default().iter(20))?` |
//! | `except ClusterError` (empty cluster) | `Err(ClusterError::EmptyCluster { iteration, cluster })` |
//! | `except ValueError` | `Err(ClusterError::InvalidParameter { .. } \| ClusterError::Shape { .. } \| ...)` |
//!
//! Keyword arguments are options structs with SciPy's defaults and builder setters
//! ([`vq::KmeansOptions`], [`vq::Kmeans2Options`]); SciPy's `int or ndarray` arguments are enums
//! ([`vq::KOrGuess`], [`vq::KOrCentroids`]). SciPy's `rng` is a `u64` `seed` for xp's own
//! generator ([`xp_core::random::Generator`]): results are reproducible for a seed, but the
//! random streams are not NumPy's. SciPy's warnings (zero-variance column in `whiten`, empty
//! cluster in `kmeans2` with `missing='warn'`) are `tracing` warnings with target `xp::cluster`.
//!
//! ```
//! use xp_core::Array;
//! use xp_cluster::vq::{kmeans2, vq, whiten, KOrCentroids, Kmeans2Options, Minit};
//! let obs = Array::<f64>::from_vec(vec![1.0, 1.1, 0.9, 1.0, 8.0, 8.2, 8.1, 7.9], &[4, 2])?;
//! let white = whiten(&obs, true)?;
//! let opts = Kmeans2Options::default().minit(Minit::PlusPlus).seed(1);
//! let (centroid, label) = kmeans2(&white, KOrCentroids::K(2), &opts)?;
//! let (code, _dist) = vq(&white, &centroid, true)?;
//! assert_eq!(code.to_vec()?, label.to_vec()?);
//! let l = label.to_vec()?;
//! assert!(l[0] == l[1] && l[2] == l[3] && l[0] != l[2]);
//! # Ok::<(), xp_cluster::ClusterError>(())
//! ```
//!
//! ## Backends and the dispatch trace
//! Every public function records `("cluster.vq.<name>", B::NAME, Path::Generic)` in the
//! [`xp_core::trace`]. The functions never copy the data to the host: where SciPy's semantics
//! need a data-dependent decision (finiteness checks, convergence tests, empty clusters) they read
//! a single scalar, as each function's docs list. They therefore run unchanged on the `Strict`
//! backend without the host-transfer opt-in.
//!
//! ## Errors
//! Every function returns [`Result<_, ClusterError>`](ClusterError); nothing panics on bad
//! input. Namespace errors arrive as [`ClusterError::Core`].

pub mod error;
pub mod vq;

pub use error::{ClusterError, Result};
