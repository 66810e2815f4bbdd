//! Creating arrays on the backend without a host transfer.

use crate::backend::{BackendTypes, StorageOf};
use crate::element::{Element, Numeric};
use crate::error::Result;

/// Array creation.
pub trait CreationOps: BackendTypes {
    /// An array of `shape` filled with `value`.
    fn full<T: Element>(shape: &[usize], value: T, device: &Self::Device) -> Result<StorageOf<Self, T>>;

    /// A 1-D array of `n` elements `T::from_f64(start + i * step)`.
    fn arange<T: Numeric>(start: f64, step: f64, n: usize, device: &Self::Device) -> Result<StorageOf<Self, T>>;
}
