//! `scipy.cluster.vq.kmeans2`: a fixed number of k-means iterations from a chosen initialisation.

use xp_core::random::Generator;
use xp_core::{ALL, Array, Backend, Path, RealFloat, trace};

use super::lloyd::{Lloyd, keep_empty};
use super::{as_rows, check_codes_match, check_finite, from_rows, init, rows_cols};
use crate::error::{ClusterError, Result};

const F: &str = "cluster.vq.kmeans2";

/// How [`kmeans2`] chooses its initial centroids when given a count (SciPy's `minit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Minit {
    /// `'random'`: draws from a Gaussian with the data's mean and covariance.
    #[default]
    Random,
    /// `'points'`: `k` distinct observations chosen at random.
    Points,
    /// `'++'`: k-means++ careful seeding.
    PlusPlus,
    /// `'matrix'`: the centroids are given ([`KOrCentroids::Centroids`]); with a count this is an
    /// error, as in SciPy.
    Matrix,
}

impl Minit {
    /// SciPy's name of the method (`"random"`, `"points"`, `"++"`, `"matrix"`).
    ///
    /// ```
    /// assert_eq!(xp_cluster::vq::Minit::PlusPlus.scipy_name(), "++");
    /// ```
    pub fn scipy_name(self) -> &'static str {
        match self {
            Minit::Random => "random",
            Minit::Points => "points",
            Minit::PlusPlus => "++",
            Minit::Matrix => "matrix",
        }
    }
}

/// What [`kmeans2`] does when an iteration leaves a cluster without observations (SciPy's
/// `missing`). Either way the empty cluster keeps its previous centroid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Missing {
    /// `'warn'`: emit a `tracing` warning and continue.
    #[default]
    Warn,
    /// `'raise'`: fail with [`ClusterError::EmptyCluster`].
    Raise,
}

/// The `k` argument of [`kmeans2`]: a number of clusters, or the initial centroids.
#[derive(Clone, Debug)]
pub enum KOrCentroids<T: RealFloat, B: Backend> {
    /// Form this many clusters, initialised by [`Kmeans2Options::minit`].
    K(usize),
    /// Start from these centroids, `(k, N)` (or `(k,)` for 1-D data): SciPy's `minit='matrix'`.
    /// Unlike SciPy, a single centroid is taken as a centroid, never as a count.
    Centroids(Array<T, B>),
}

/// The keyword arguments of [`kmeans2`], with SciPy's defaults.
///
/// ```
/// use xp_cluster::vq::{Kmeans2Options, Minit, Missing};
/// let opts = Kmeans2Options::default().iter(20).minit(Minit::PlusPlus).missing(Missing::Raise).seed(42);
/// assert_eq!(opts.iter, 20);
/// assert_eq!(Kmeans2Options::default().iter, 10);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Kmeans2Options {
    /// Number of k-means iterations (default 10); at least 1.
    pub iter: usize,
    /// Not used, as in SciPy (default `1e-5`).
    pub thresh: f64,
    /// Initialisation when `k` is a count (default [`Minit::Random`]).
    pub minit: Minit,
    /// What to do about empty clusters (default [`Missing::Warn`]).
    pub missing: Missing,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
    /// Seed of the random initialisation; `None` (the default) seeds from entropy (SciPy's `rng`).
    pub seed: Option<u64>,
}

impl Default for Kmeans2Options {
    fn default() -> Self {
        Kmeans2Options {
            iter: 10,
            thresh: 1e-5,
            minit: Minit::Random,
            missing: Missing::Warn,
            check_finite: true,
            seed: None,
        }
    }
}

impl Kmeans2Options {
    /// Sets [`Kmeans2Options::iter`].
    pub fn iter(mut self, iter: usize) -> Self {
        self.iter = iter;
        self
    }
    /// Sets [`Kmeans2Options::thresh`].
    pub fn thresh(mut self, thresh: f64) -> Self {
        self.thresh = thresh;
        self
    }
    /// Sets [`Kmeans2Options::minit`].
    pub fn minit(mut self, minit: Minit) -> Self {
        self.minit = minit;
        self
    }
    /// Sets [`Kmeans2Options::missing`].
    pub fn missing(mut self, missing: Missing) -> Self {
        self.missing = missing;
        self
    }
    /// Sets [`Kmeans2Options::check_finite`].
    pub fn check_finite(mut self, check_finite: bool) -> Self {
        self.check_finite = check_finite;
        self
    }
    /// Sets [`Kmeans2Options::seed`] to `Some(seed)`.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }
}

/// Classifies observations into `k` clusters with the k-means algorithm (SciPy's
/// `scipy.cluster.vq.kmeans2(data, k, iter, thresh, minit, missing, check_finite, rng)`).
///
/// - `data`: `(M, N)`, one observation per row, or `(M,)` for one-feature observations.
/// - `k`: [`KOrCentroids::K`] to form that many clusters initialised by `opts.minit`, or
///   [`KOrCentroids::Centroids`] for initial centroids (`(k, N)`, or `(k,)` for 1-D data).
/// - `opts`: the other keywords ([`Kmeans2Options`]).
///
/// Runs exactly `opts.iter` iterations (assign each observation to its nearest centroid, then
/// move each centroid to the mean of its observations; an empty cluster keeps its centroid, with
/// a warning or an error by `opts.missing`). Returns `(centroid, label)`: the centroids after the
/// last iteration, with the rank and element type of `data`, and for each observation the index
/// (`i32`) of the centroid it was assigned to in the last iteration.
///
/// Generic path. Host reads: one `bool` per finiteness check (data and initial centroids), one
/// `bool` per iteration (is a cluster empty?) plus one index when `Missing::Raise` fails, and one
/// `bool` for the Cholesky check of `Minit::Random`. Random draws use
/// [`Generator`](xp_core::random::Generator) seeded with `opts.seed`, so results are deterministic
/// for a given seed (but differ from NumPy's streams).
///
/// ```
/// use xp_core::Array;
/// use xp_cluster::vq::{kmeans2, KOrCentroids, Kmeans2Options, Minit};
/// // Two well-separated groups on a line.
/// let data = Array::<f64>::from_vec(vec![0.0, 0.0, 0.2, 0.0, 10.0, 10.0, 10.2, 10.0], &[4, 2])?;
/// let start = Array::<f64>::from_vec(vec![1.0, 1.0, 9.0, 9.0], &[2, 2])?;
/// let (centroid, label) = kmeans2(&data, KOrCentroids::Centroids(start), &Kmeans2Options::default())?;
/// assert_eq!(label.to_vec()?, vec![0, 0, 1, 1]);
/// assert_eq!(centroid.to_vec()?, vec![0.1, 0.0, 10.1, 10.0]);
/// // Or let k-means++ pick the start, reproducibly.
/// let opts = Kmeans2Options::default().minit(Minit::PlusPlus).seed(7);
/// let (c1, l1) = kmeans2(&data, KOrCentroids::K(2), &opts)?;
/// let (c2, l2) = kmeans2(&data, KOrCentroids::K(2), &opts)?;
/// assert_eq!((c1.to_vec()?, l1.to_vec()?), (c2.to_vec()?, l2.to_vec()?));
/// # Ok::<(), xp_cluster::ClusterError>(())
/// ```
///
/// # Errors
/// - [`ClusterError::InvalidParameter`]: `opts.iter` is 0; `K(0)`; `K(_)` with
///   `Minit::Matrix` (SciPy: "k array doesn't match data rank"); more than `i32::MAX` clusters.
/// - [`ClusterError::Shape`]: `data` is 0-d or has more than 2 dimensions; `data` or the
///   centroids are empty (SciPy: "Empty input is not supported"); centroids of another rank or
///   number of features than `data`.
/// - [`ClusterError::NotEnoughObservations`]: `Minit::Points` with `k` larger than the number of
///   observations (`Random` and `PlusPlus` accept it, as in SciPy).
/// - [`ClusterError::NonFinite`]: `opts.check_finite` and NaN or infinity in `data` or the initial
///   centroids (also those drawn by `Minit::Random` from a single observation, as in SciPy).
/// - [`ClusterError::CovarianceNotPositiveDefinite`]: `Minit::Random` on 2-D data whose
///   covariance matrix is singular (SciPy's `LinAlgError`).
/// - [`ClusterError::EmptyCluster`]: `Missing::Raise` and an iteration left a cluster empty.
/// - [`ClusterError::Core`] for a backend failure.
pub fn kmeans2<T: RealFloat, B: Backend>(
    data: &Array<T, B>,
    k: KOrCentroids<T, B>,
    opts: &Kmeans2Options,
) -> Result<(Array<T, B>, Array<i32, B>)> {
    trace::record(F, B::NAME, Path::Generic);
    if opts.iter < 1 {
        return Err(ClusterError::invalid(
            F,
            "iter",
            opts.iter,
            "must be a positive integer",
        ));
    }
    if data.ndim() != 1 && data.ndim() != 2 {
        return Err(ClusterError::shape(
            F,
            "data",
            "a 1-D array (one feature) or a 2-D array (observations x features); rank > 2 is not supported",
            data.shape(),
        ));
    }
    if opts.check_finite {
        check_finite(F, "data", data)?;
    }
    if data.size() == 0 {
        return Err(ClusterError::shape(
            F,
            "data",
            "at least one observation and one feature (empty input is not supported)",
            data.shape(),
        ));
    }
    let rows = as_rows(data)?;
    let initial = match k {
        KOrCentroids::Centroids(c) => {
            if c.size() == 0 {
                return Err(ClusterError::shape(
                    F,
                    "k",
                    "at least one centroid (empty input is not supported)",
                    c.shape(),
                ));
            }
            check_codes_match(F, "k", data, &c)?;
            as_rows(&c)?
        }
        KOrCentroids::K(nc) => {
            if nc < 1 {
                return Err(ClusterError::invalid(F, "k", nc, "cannot ask kmeans2 for 0 clusters"));
            }
            let mut rng = Generator::from_seed(opts.seed);
            match opts.minit {
                Minit::Random => init::random(F, &rows, nc, data.ndim() == 1, &mut rng)?,
                Minit::Points => init::points(F, &rows, nc, &mut rng)?,
                Minit::PlusPlus => init::plus_plus(&rows, nc, &mut rng)?,
                Minit::Matrix => {
                    return Err(ClusterError::invalid(
                        F,
                        "k",
                        nc,
                        "minit='matrix' needs the initial centroids (KOrCentroids::Centroids), not a count",
                    ));
                }
            }
        }
    };
    let (nc, _) = rows_cols(initial.shape());
    if i32::try_from(nc).is_err() {
        return Err(ClusterError::invalid(
            F,
            "k",
            nc,
            "at most i32::MAX clusters (labels are i32)",
        ));
    }
    if opts.check_finite {
        // SciPy checks the code book in every `vq` call; only the initial one can be non-finite.
        check_finite(F, "k", &initial)?;
    }
    let lloyd = Lloyd::new(&rows)?;
    let mut code_book = initial;
    let mut label = None;
    for iteration in 1..=opts.iter {
        let labels = lloyd.nearest(&code_book)?;
        let (new_code_book, counts) = lloyd.update_means(&labels, nc)?;
        // Host read: one bool, SciPy's `has_members.all()`.
        let all_have_members = counts.greater(&Array::zeros(&[])?)?.all(ALL, false)?.to_scalar()?;
        code_book = if all_have_members {
            new_code_book
        } else {
            match opts.missing {
                Missing::Warn => tracing::warn!(
                    target: "xp::cluster",
                    "{F}: one of the clusters is empty after iteration {iteration}; \
                     re-run kmeans2 with a different initialization"
                ),
                Missing::Raise => {
                    // Host read: one index, the first empty cluster, for the error.
                    let cluster = counts.argmin(None, false)?.to_scalar()?;
                    return Err(ClusterError::EmptyCluster {
                        iteration,
                        cluster: usize::try_from(cluster).unwrap_or(0),
                    });
                }
            }
            keep_empty(&new_code_book, &code_book, &counts)?
        };
        label = Some(labels);
    }
    let label = match label {
        Some(l) => l.astype::<i32>()?,
        None => Array::zeros(&[0])?,
    };
    Ok((from_rows(code_book, data.ndim())?, label))
}
