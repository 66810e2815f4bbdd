//! Explicit transfers between host memory and the backend.

use ndarray::{ArrayD, ArrayViewD};

use crate::backend::{BackendTypes, StorageOf};
use crate::element::Element;
use crate::error::Result;

/// Moving data in and out of a backend. These are the only operations that cross the host
/// boundary; the Strict backend counts them.
pub trait TransferOps: BackendTypes {
    /// Uploads row-major `data` of `shape` (the caller checked `data.len()` matches).
    fn from_vec<T: Element>(data: Vec<T>, shape: &[usize], device: &Self::Device) -> Result<StorageOf<Self, T>>;

    /// Downloads the array in row-major order.
    fn to_vec<T: Element>(x: &StorageOf<Self, T>) -> Result<Vec<T>>;

    /// A zero-copy host view, for backends whose storage is host memory; `None` otherwise.
    fn host_view<T: Element>(x: &StorageOf<Self, T>) -> Option<ArrayViewD<'_, T>> {
        let _ = x;
        None
    }

    /// Wraps an `ndarray` array (zero-copy where the backend stores `ndarray` arrays).
    fn from_ndarray<T: Element>(a: ArrayD<T>, device: &Self::Device) -> Result<StorageOf<Self, T>> {
        let shape = a.shape().to_vec();
        let data = if a.is_standard_layout() {
            a.into_raw_vec_and_offset().0
        } else {
            a.iter().copied().collect()
        };
        Self::from_vec(data, &shape, device)
    }
}
