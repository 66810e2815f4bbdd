//! The error type of `xp-fft`: one enum, every variant naming the function (`"fft.rfftn"`) and
//! the parameter or value that was wrong, with SciPy's reasons.

/// Result alias used throughout `xp-fft`.
pub type Result<T, E = FftError> = std::result::Result<T, E>;

/// Everything that can go wrong in an `xp-fft` function.
///
/// SciPy raises `ValueError` for all of these but [`FftError::Core`] (which carries namespace
/// errors such as a backend failure or a host transfer that was not allowed).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FftError {
    /// An error of the array namespace (shapes, backends, transfers).
    #[error(transparent)]
    Core(#[from] xp_core::Error),

    /// A transform length below 1 (`n = 0`, an entry of `s` that is 0 or below -1, an axis of
    /// length 0 that is transformed, or `irfft`'s default `n = 2 * (m - 1)` with `m = 1`).
    #[error("{function}: invalid number of data points ({n}) specified for `{parameter}`")]
    InvalidLength {
        /// The function that failed.
        function: &'static str,
        /// The parameter that gave the length (`"n"`, `"s"`, `"x"` for an input axis).
        parameter: &'static str,
        /// The length.
        n: i64,
    },

    /// `norm` is not `"backward"`, `"ortho"` or `"forward"`.
    #[error("{function}: invalid norm value {value:?}, should be \"backward\", \"ortho\" or \"forward\"")]
    InvalidNorm {
        /// The function that failed.
        function: &'static str,
        /// The value given.
        value: String,
    },

    /// An axis outside `-ndim..ndim`.
    #[error("{function}: axis {axis} exceeds the dimensionality of the input ({ndim} dimensions)")]
    AxisOutOfRange {
        /// The function that failed.
        function: &'static str,
        /// The axis given.
        axis: isize,
        /// Number of dimensions of the input.
        ndim: usize,
    },

    /// The same axis appears twice in `axes` (after normalising negative axes).
    #[error("{function}: all axes must be unique, but axis {axis} is repeated in {axes:?}")]
    RepeatedAxis {
        /// The function that failed.
        function: &'static str,
        /// The repeated axis (normalised).
        axis: usize,
        /// The axes given.
        axes: Vec<isize>,
    },

    /// `s` and `axes` are both given with different lengths, or `s` names more axes than the
    /// input has.
    #[error("{function}: `s` has {s_len} entries, but {reason}")]
    ShapeAxesMismatch {
        /// The function that failed.
        function: &'static str,
        /// Number of entries in `s`.
        s_len: usize,
        /// What it must match, in words.
        reason: String,
    },

    /// A real-to-complex or complex-to-real N-D transform was asked to transform no axis.
    #[error("{function}: at least 1 axis must be transformed")]
    NoAxes {
        /// The function that failed.
        function: &'static str,
    },

    /// `workers` is 0 or below `-cpu_count`.
    #[error("{function}: invalid workers value {workers}: {reason}")]
    InvalidWorkers {
        /// The function that failed.
        function: &'static str,
        /// The value given.
        workers: isize,
        /// Why it is invalid.
        reason: String,
    },

    /// A DCT/DST type other than 1, 2, 3 or 4.
    #[error("{function}: invalid transform type {kind}, should be 1, 2, 3 or 4")]
    InvalidType {
        /// The function that failed.
        function: &'static str,
        /// The type given.
        kind: u8,
    },

    /// Any other parameter with a value the function does not accept.
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
}

impl FftError {
    /// Shorthand for [`FftError::InvalidParameter`].
    pub(crate) fn invalid(
        function: &'static str,
        parameter: &'static str,
        value: impl std::fmt::Debug,
        reason: impl Into<String>,
    ) -> Self {
        FftError::InvalidParameter {
            function,
            parameter,
            value: format!("{value:?}"),
            reason: reason.into(),
        }
    }
}
