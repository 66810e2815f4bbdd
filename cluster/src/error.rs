//! The error type of `xp-cluster`.

/// Everything that can go wrong in a `scipy.cluster` function. Each variant names the function
/// (SciPy-style, `"cluster.vq.kmeans2"`) and the parameter or value that was wrong.
///
/// ```
/// use xp_cluster::{ClusterError, vq::{kmeans2, KOrCentroids, Kmeans2Options}};
/// use xp_core::Array;
/// let data = Array::<f64>::from_vec(vec![0.0, 1.0, 2.0], &[3])?;
/// let err = kmeans2(&data, KOrCentroids::K(0), &Kmeans2Options::default()).unwrap_err();
/// assert!(matches!(err, ClusterError::InvalidParameter { parameter: "k", .. }));
/// # Ok::<(), ClusterError>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ClusterError {
    /// An error of the array namespace (shapes, backend failures).
    #[error(transparent)]
    Core(#[from] xp_core::Error),
    /// `kmeans2` with `missing = Missing::Raise` found a cluster with no observations (SciPy's
    /// `ClusterError("One of the clusters is empty. ...")`).
    #[error(
        "cluster.vq.kmeans2: cluster {cluster} is empty after iteration {iteration} (missing='raise'); \
         re-run kmeans2 with a different initialization"
    )]
    EmptyCluster {
        /// The iteration (counting from 1) whose assignment left the cluster without observations.
        iteration: usize,
        /// Index of the first empty cluster.
        cluster: usize,
    },
    /// More distinct observations were requested than there are (SciPy: "Cannot take a larger
    /// sample than population when replace is False").
    #[error(
        "{function}: cannot choose {k} distinct observations as initial codes from {n} observations \
         (k must not exceed the number of observations)"
    )]
    NotEnoughObservations {
        /// The function that failed.
        function: &'static str,
        /// The number of codes asked for.
        k: usize,
        /// The number of observations available.
        n: usize,
    },
    /// An input holds NaN or infinity and `check_finite` is true (SciPy: "array must not contain
    /// infs or NaNs").
    #[error("{function}: `{parameter}` must contain only finite numbers (check_finite=true)")]
    NonFinite {
        /// The function that failed.
        function: &'static str,
        /// The parameter holding a NaN or infinity.
        parameter: &'static str,
    },
    /// A parameter has a value the function does not accept (SciPy's `ValueError`).
    #[error("{function}: parameter `{parameter}` = {value} is invalid: {reason}")]
    InvalidParameter {
        /// The function that failed.
        function: &'static str,
        /// The parameter.
        parameter: &'static str,
        /// The value given, formatted.
        value: String,
        /// Why it is invalid.
        reason: String,
    },
    /// An array argument has a shape the function does not accept (SciPy's `ValueError`).
    #[error("{function}: `{parameter}` has shape {actual:?}, expected {expected}")]
    Shape {
        /// The function that failed.
        function: &'static str,
        /// The parameter with the wrong shape.
        parameter: &'static str,
        /// What was expected, in words.
        expected: String,
        /// The shape given.
        actual: Vec<usize>,
    },
    /// `minit = Minit::Random` needs the Cholesky factor of the data's covariance matrix, and the
    /// matrix is not positive definite (SciPy's `LinAlgError: Matrix is not positive definite`):
    /// a constant feature, collinear features, or too few observations.
    #[error(
        "{function}: the covariance matrix of `data` is not positive definite, so minit='random' \
         cannot draw centroids from a Gaussian with it (constant or collinear features?); \
         use minit='points' or '++'"
    )]
    CovarianceNotPositiveDefinite {
        /// The function that failed.
        function: &'static str,
    },
}

impl ClusterError {
    /// Shorthand for [`ClusterError::InvalidParameter`].
    pub(crate) fn invalid(
        function: &'static str,
        parameter: &'static str,
        value: impl std::fmt::Debug,
        reason: impl Into<String>,
    ) -> Self {
        ClusterError::InvalidParameter {
            function,
            parameter,
            value: format!("{value:?}"),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`ClusterError::Shape`].
    pub(crate) fn shape(
        function: &'static str,
        parameter: &'static str,
        expected: impl Into<String>,
        actual: &[usize],
    ) -> Self {
        ClusterError::Shape {
            function,
            parameter,
            expected: expected.into(),
            actual: actual.to_vec(),
        }
    }
}

/// Result alias of `xp-cluster`.
pub type Result<T, E = ClusterError> = std::result::Result<T, E>;
