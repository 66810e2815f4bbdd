//! The error type of `xp-linalg`: one enum, every variant naming the function (`"linalg.solve"`)
//! and what was wrong, with SciPy's reasons (`LinAlgError` and `ValueError`).

/// Result alias used throughout `xp-linalg`.
pub type Result<T, E = LinalgError> = std::result::Result<T, E>;

/// Everything that can go wrong in an `xp-linalg` function.
///
/// [`LinalgError::Singular`], [`LinalgError::NotPositiveDefinite`] and
/// [`LinalgError::NoConvergence`] are SciPy's `LinAlgError`; the others are its `ValueError`s.
/// [`LinalgError::Core`] carries namespace errors (a backend failure, a host transfer that was
/// not allowed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LinalgError {
    /// An error of the array namespace (shapes, backends, transfers).
    #[error(transparent)]
    Core(#[from] xp_core::Error),

    /// The matrix is exactly singular: the LU factorization met a zero pivot.
    #[error("{function}: singular matrix: U[{pivot}, {pivot}] is exactly zero")]
    Singular {
        /// The function that failed.
        function: &'static str,
        /// 0-based index of the first zero pivot (for a batch: of the first failing matrix).
        pivot: usize,
    },

    /// The Cholesky factorization met a non-positive pivot.
    #[error("{function}: the leading minor of order {} is not positive definite", index + 1)]
    NotPositiveDefinite {
        /// The function that failed.
        function: &'static str,
        /// 0-based index of the failing pivot (the leading minor of order `index + 1`).
        index: usize,
    },

    /// A square matrix was expected.
    #[error("{function}: `{parameter}` must be square in its last two dimensions, got shape {shape:?}")]
    NotSquare {
        /// The function that failed.
        function: &'static str,
        /// The parameter.
        parameter: &'static str,
        /// The shape given.
        shape: Vec<usize>,
    },

    /// Two inputs have incompatible shapes (or one input has the wrong number of dimensions).
    #[error("{function}: incompatible shapes: {reason}")]
    ShapeMismatch {
        /// The function that failed.
        function: &'static str,
        /// What does not fit, in words with the shapes.
        reason: String,
    },

    /// An input holds NaN or infinity and `check_finite` is on.
    #[error("{function}: `{parameter}` must not contain infs or NaNs (check_finite=true)")]
    NonFinite {
        /// The function that failed.
        function: &'static str,
        /// The parameter.
        parameter: &'static str,
    },

    /// An iterative algorithm (eigenvalues, singular values) did not converge.
    #[error("{function}: the algorithm did not converge{}", iterations.map(|i| format!(" after {i} iterations")).unwrap_or_default())]
    NoConvergence {
        /// The function that failed.
        function: &'static str,
        /// Iterations made, when the engine reports them.
        iterations: Option<usize>,
    },

    /// A parameter has a value the function does not accept.
    #[error("{function}: parameter `{parameter}` = {value} is invalid: {reason}")]
    InvalidArgument {
        /// The function that failed.
        function: &'static str,
        /// The parameter.
        parameter: &'static str,
        /// The value given, formatted.
        value: String,
        /// Why it is invalid.
        reason: String,
    },
}

impl LinalgError {
    /// Shorthand for [`LinalgError::InvalidArgument`].
    pub(crate) fn invalid(
        function: &'static str,
        parameter: &'static str,
        value: impl std::fmt::Debug,
        reason: impl Into<String>,
    ) -> Self {
        LinalgError::InvalidArgument {
            function,
            parameter,
            value: format!("{value:?}"),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`LinalgError::ShapeMismatch`].
    pub(crate) fn shapes(function: &'static str, reason: impl Into<String>) -> Self {
        LinalgError::ShapeMismatch {
            function,
            reason: reason.into(),
        }
    }
}
