//! The CUDA backend. Not yet built: until it is, [`Cuda`] is an uninhabited type, so no value of
//! it (and no array on it) can exist, and code naming it still compiles.

/// The CUDA backend (uninhabited until the CUDA issue lands).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cuda {}

impl Cuda {
    /// Whether a CUDA device can be used in this process. Probes nothing and answers `false`
    /// until the backend exists; it will probe the driver, never `cfg!(feature = "cuda")`.
    pub fn is_available() -> bool {
        false
    }
}
