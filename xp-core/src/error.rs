//! The error type of the namespace. Every variant names the function that failed and the
//! parameter, shape or value that was wrong.

use crate::element::DType;

/// Result alias used throughout xp-core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in an xp-core operation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Two shapes cannot be broadcast together.
    #[error("{function}: shapes {lhs:?} and {rhs:?} cannot be broadcast together")]
    Broadcast {
        /// The function that failed.
        function: &'static str,
        /// First shape.
        lhs: Vec<usize>,
        /// Second shape.
        rhs: Vec<usize>,
    },
    /// An argument has the wrong shape.
    #[error("{function}: parameter `{parameter}` has shape {actual:?}, expected {expected}")]
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
    /// An axis is outside `-ndim..ndim`.
    #[error("{function}: axis {axis} is out of range for an array of {ndim} dimensions")]
    AxisOutOfRange {
        /// The function that failed.
        function: &'static str,
        /// The axis given.
        axis: isize,
        /// Number of dimensions of the array.
        ndim: usize,
    },
    /// The same axis was given twice.
    #[error("{function}: axis {axis} is repeated")]
    DuplicateAxis {
        /// The function that failed.
        function: &'static str,
        /// The repeated axis (normalised).
        axis: usize,
    },
    /// An index is outside the axis it indexes.
    #[error("{function}: index {index} is out of bounds for axis {axis} with size {size}")]
    IndexOutOfRange {
        /// The function that failed.
        function: &'static str,
        /// The index given.
        index: i64,
        /// The axis indexed.
        axis: usize,
        /// The size of that axis.
        size: usize,
    },
    /// A parameter has a value the function does not accept.
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
    /// A shape's element count or a size computation overflows `usize`.
    #[error("{function}: the shape {shape:?} has more elements than fit in memory addresses")]
    SizeOverflow {
        /// The function that failed.
        function: &'static str,
        /// The shape.
        shape: Vec<usize>,
    },
    /// An input holds NaN or infinity and the function was asked to check.
    #[error("{function}: `{parameter}` must contain only finite numbers (check_finite=true)")]
    NonFinite {
        /// The function that failed.
        function: &'static str,
        /// The parameter.
        parameter: &'static str,
    },
    /// A host kernel would read device memory, and the caller has not allowed host transfers.
    #[error(
        "{function}: runs on the host, but the {backend} backend's data is not in host memory; \
         opt in with `xp_core::policy::Policy::new().allow_host_transfer(true).run(|| ...)`"
    )]
    HostTransferNotAllowed {
        /// The function that needed the host.
        function: &'static str,
        /// The backend whose data would be transferred.
        backend: &'static str,
    },
    /// Arrays live on different devices.
    #[error("{function}: arrays are on different devices ({lhs} and {rhs})")]
    DeviceMismatch {
        /// The function that failed.
        function: &'static str,
        /// Device of the first array.
        lhs: String,
        /// Device of the other array.
        rhs: String,
    },
    /// The backend cannot run this operation for this type.
    #[error("{function}: not supported by the {backend} backend{}: {reason}", dtype.map(|d| format!(" for {d}")).unwrap_or_default())]
    Unsupported {
        /// The function.
        function: &'static str,
        /// The backend.
        backend: &'static str,
        /// The element type, when it matters.
        dtype: Option<DType>,
        /// What is missing.
        reason: String,
    },
    /// A backend (for example a GPU driver) failed.
    #[error("{function}: the {backend} backend failed: {message}")]
    Backend {
        /// The function.
        function: &'static str,
        /// The backend.
        backend: &'static str,
        /// The driver's message.
        message: String,
    },
}

impl Error {
    /// Shorthand for [`Error::InvalidParameter`].
    pub fn invalid(
        function: &'static str,
        parameter: &'static str,
        value: impl std::fmt::Debug,
        reason: impl Into<String>,
    ) -> Self {
        Error::InvalidParameter {
            function,
            parameter,
            value: format!("{value:?}"),
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::Shape`].
    pub fn shape(
        function: &'static str,
        parameter: &'static str,
        expected: impl Into<String>,
        actual: &[usize],
    ) -> Self {
        Error::Shape {
            function,
            parameter,
            expected: expected.into(),
            actual: actual.to_vec(),
        }
    }
}
