//! The backends, one folder each.
//!
//! - [`cpu`]: host memory as `ndarray` arrays; rayon above a size threshold; faer for `matmul`.
//! - [`strict`]: the reference backend. Its storage cannot be read as host memory, it counts every
//!   transfer, and it is written with plain loops independently of `cpu`, so every core operation
//!   has two implementations that the tests compare.
//! - [`cuda`]: the CUDA backend (feature `cuda`; an uninhabited type until it is built).
pub mod cpu;
pub mod cuda;
pub mod strict;
