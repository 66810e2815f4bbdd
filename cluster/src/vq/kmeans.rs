//! `scipy.cluster.vq.kmeans`: k-means until the distortion stops improving, with random restarts.

use xp_core::random::Generator;
use xp_core::{ALL, Array, Backend, Path, RealFloat, trace};

use super::lloyd::Lloyd;
use super::{as_rows, check_codes_match, check_finite, check_rank_1_or_2, from_rows, init, rows_cols, to_isize};
use crate::error::{ClusterError, Result};

const F: &str = "cluster.vq.kmeans";

/// The `k_or_guess` argument of [`kmeans`]: a number of codes, or the initial code book.
#[derive(Clone, Debug)]
pub enum KOrGuess<T: RealFloat, B: Backend> {
    /// Generate this many codes, starting `iter` times from distinct random observations.
    K(usize),
    /// Start once from this code book, `(k, N)` (or `(k,)` for 1-D observations); `iter` is
    /// ignored. Unlike SciPy, a single code is taken as a code book, never as a count.
    Guess(Array<T, B>),
}

/// The keyword arguments of [`kmeans`], with SciPy's defaults.
///
/// ```
/// use xp_cluster::vq::KmeansOptions;
/// let opts = KmeansOptions::default().iter(5).thresh(1e-8).seed(1);
/// assert_eq!((opts.iter, opts.thresh, opts.seed), (5, 1e-8, Some(1)));
/// assert_eq!(KmeansOptions::default().iter, 20);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct KmeansOptions {
    /// Number of restarts from random observations when `k_or_guess` is a count (default 20);
    /// at least 1. This is not the number of k-means iterations.
    pub iter: usize,
    /// Stop when the change in distortion is at most this (default `1e-5`); non-negative.
    pub thresh: f64,
    /// Fail on NaN or infinity in the inputs (default `true`).
    pub check_finite: bool,
    /// Seed of the random restarts; `None` (the default) seeds from entropy (SciPy's `rng`).
    pub seed: Option<u64>,
}

impl Default for KmeansOptions {
    fn default() -> Self {
        KmeansOptions {
            iter: 20,
            thresh: 1e-5,
            check_finite: true,
            seed: None,
        }
    }
}

impl KmeansOptions {
    /// Sets [`KmeansOptions::iter`].
    pub fn iter(mut self, iter: usize) -> Self {
        self.iter = iter;
        self
    }
    /// Sets [`KmeansOptions::thresh`].
    pub fn thresh(mut self, thresh: f64) -> Self {
        self.thresh = thresh;
        self
    }
    /// Sets [`KmeansOptions::check_finite`].
    pub fn check_finite(mut self, check_finite: bool) -> Self {
        self.check_finite = check_finite;
        self
    }
    /// Sets [`KmeansOptions::seed`] to `Some(seed)`.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }
}

/// Performs k-means on a set of observations (SciPy's
/// `scipy.cluster.vq.kmeans(obs, k_or_guess, iter, thresh, check_finite, rng)`).
///
/// - `obs`: `(M, N)`, one observation per row (whiten them first with
///   [`whiten`](super::whiten())), or `(M,)` for one-feature observations.
/// - `k_or_guess`: [`KOrGuess::K`] for `k` codes started `opts.iter` times from `k` distinct
///   random observations, keeping the code book of lowest distortion; or [`KOrGuess::Guess`] for
///   one run from a given code book.
/// - `opts`: the other keywords ([`KmeansOptions`]).
///
/// Each run alternates assigning observations to their nearest code and moving codes to the mean
/// of their observations, dropping codes that lose all their observations, until the distortion
/// changes by at most `opts.thresh`. Returns `(codebook, distortion)`: the codes (fewer than `k`
/// if some were dropped; rank and element type of `obs`) and the distortion, the mean Euclidean
/// (not squared) distance from the observations to their nearest code in the last assignment.
///
/// Generic path. Host reads: one `bool` per finiteness check and one scalar per iteration (the
/// distortion, for the convergence test and the choice of the best run). Random draws use
/// [`Generator`](xp_core::random::Generator) seeded with `opts.seed`.
///
/// ```
/// use xp_core::Array;
/// use xp_cluster::vq::{kmeans, KOrGuess, KmeansOptions};
/// let obs = Array::<f64>::from_vec(vec![1.0, 2.0, 10.0, 11.0], &[4])?;
/// let guess = Array::<f64>::from_vec(vec![0.0, 5.0], &[2])?;
/// let (book, distortion) = kmeans(&obs, KOrGuess::Guess(guess), &KmeansOptions::default())?;
/// assert_eq!(book.to_vec()?, vec![1.5, 10.5]);
/// assert_eq!(distortion, 0.5);
/// // With a count, the best of `iter` random starts; reproducible with a seed.
/// let (book, _) = kmeans(&obs, KOrGuess::K(2), &KmeansOptions::default().seed(3))?;
/// let mut codes = book.to_vec()?;
/// codes.sort_by(f64::total_cmp);
/// assert_eq!(codes, vec![1.5, 10.5]);
/// # Ok::<(), xp_cluster::ClusterError>(())
/// ```
///
/// # Errors
/// - [`ClusterError::InvalidParameter`]: `opts.iter` is 0; `opts.thresh` is negative or NaN
///   (SciPy would loop forever or stop at once); `K(0)` or an empty guess (SciPy: "Asked for 0
///   clusters").
/// - [`ClusterError::Shape`]: `obs` or the guess is 0-d or has more than 2 dimensions; the guess
///   has another rank or number of features than `obs`.
/// - [`ClusterError::NotEnoughObservations`]: `K(k)` with `k` larger than the number of
///   observations.
/// - [`ClusterError::NonFinite`]: `opts.check_finite` and NaN or infinity in `obs` or the guess.
/// - [`ClusterError::Core`] for a backend failure.
///
/// With a guess and no observations, the result is SciPy's: an empty code book and a NaN
/// distortion.
pub fn kmeans<T: RealFloat, B: Backend>(
    obs: &Array<T, B>,
    k_or_guess: KOrGuess<T, B>,
    opts: &KmeansOptions,
) -> Result<(Array<T, B>, T)> {
    trace::record(F, B::NAME, Path::Generic);
    if opts.iter < 1 {
        return Err(ClusterError::invalid(F, "iter", opts.iter, "must be at least 1"));
    }
    if opts.thresh.is_nan() || opts.thresh < 0.0 {
        return Err(ClusterError::invalid(
            F,
            "thresh",
            opts.thresh,
            "must be a non-negative number",
        ));
    }
    check_rank_1_or_2(F, "obs", obs)?;
    if opts.check_finite {
        check_finite(F, "obs", obs)?;
    }
    let rows = as_rows(obs)?;
    match k_or_guess {
        KOrGuess::Guess(guess) => {
            if guess.size() == 0 {
                return Err(ClusterError::invalid(
                    F,
                    "k_or_guess",
                    guess.shape(),
                    "asked for 0 clusters (the initial code book is empty)",
                ));
            }
            check_rank_1_or_2(F, "k_or_guess", &guess)?;
            check_codes_match(F, "k_or_guess", obs, &guess)?;
            if opts.check_finite {
                check_finite(F, "k_or_guess", &guess)?;
            }
            let (book, distortion) = run(&Lloyd::new(&rows)?, as_rows(&guess)?, opts.thresh)?;
            Ok((from_rows(book, obs.ndim())?, distortion))
        }
        KOrGuess::K(k) => {
            if k < 1 {
                return Err(ClusterError::invalid(F, "k_or_guess", k, "asked for 0 clusters"));
            }
            let (n, _) = rows_cols(rows.shape());
            if k > n {
                return Err(ClusterError::NotEnoughObservations { function: F, k, n });
            }
            let mut rng = Generator::from_seed(opts.seed);
            let lloyd = Lloyd::new(&rows)?;
            let mut best: Option<(Array<T, B>, T)> = None;
            for _ in 0..opts.iter {
                let guess = init::points(F, &rows, k, &mut rng)?;
                let (book, distortion) = run(&lloyd, guess, opts.thresh)?;
                // SciPy keeps a run only if `dist < best_dist`; the first run seeds `best` so a
                // NaN distortion (possible without check_finite) still returns a code book.
                if best.as_ref().is_none_or(|(_, d)| distortion < *d) {
                    best = Some((book, distortion));
                }
            }
            match best {
                Some((book, distortion)) => Ok((from_rows(book, obs.ndim())?, distortion)),
                None => Err(ClusterError::invalid(F, "iter", opts.iter, "must be at least 1")),
            }
        }
    }
}

/// One k-means run from `code_book` (SciPy's `_kmeans`): iterate until the mean distance changes
/// by at most `thresh`. Returns the final codes and the distortion of the last assignment.
fn run<T: RealFloat, B: Backend>(
    lloyd: &Lloyd<T, B>,
    mut code_book: Array<T, B>,
    thresh: f64,
) -> Result<(Array<T, B>, T)> {
    let mut previous = f64::INFINITY;
    loop {
        let (k, _) = rows_cols(code_book.shape());
        if k == 0 {
            // Only reachable without observations: every code lost its (absent) members.
            return Ok((code_book, T::NAN));
        }
        let labels = lloyd.nearest(&code_book)?;
        let dist = lloyd.distances(&code_book, &labels)?;
        // Host read: one scalar, the distortion, for the convergence test.
        let distortion = dist.mean(ALL, false)?.to_scalar()?;
        let (means, counts) = lloyd.update_means(&labels, k)?;
        code_book = drop_empty(&means, &counts)?;
        let change = (previous - distortion.to_f64()).abs();
        previous = distortion.to_f64();
        // SciPy loops `while diff > thresh`: a NaN change (no observations) stops too.
        let keep_going = change.partial_cmp(&thresh) == Some(std::cmp::Ordering::Greater);
        if !keep_going {
            return Ok((code_book, distortion));
        }
    }
}

/// The rows of `codes` whose `counts` are positive (SciPy's `code_book[has_members]`).
fn drop_empty<T: RealFloat, B: Backend>(codes: &Array<T, B>, counts: &Array<i64, B>) -> Result<Array<T, B>> {
    let has_members = counts.greater(&Array::zeros(&[])?)?;
    let kept = has_members.nonzero()?;
    match kept.first() {
        Some(index) => Ok(codes.take(&index.reshape(&[to_isize(index.size())])?, Some(0))?),
        None => Ok(codes.clone()),
    }
}
