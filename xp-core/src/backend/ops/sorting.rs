//! Sorting and binary search.

use crate::backend::{BackendTypes, StorageOf};
use crate::element::RealNumeric;
use crate::error::Result;

/// Which side `searchsorted` returns for equal values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// First suitable position (`a[i-1] < v <= a[i]`).
    #[default]
    Left,
    /// Last suitable position (`a[i-1] <= v < a[i]`).
    Right,
}

/// Sorting. Orders are NumPy's: ascending with NaN last; descending is the stable reverse
/// (NaN first) that keeps equal elements in their original order.
pub trait SortingOps: BackendTypes {
    /// Stable sort along `axis`.
    fn sort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, T>>;

    /// Indices that stably sort along `axis`.
    fn argsort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, i64>>;

    /// Insertion points of `values` into the sorted 1-D `sorted`.
    fn searchsorted<T: RealNumeric>(
        sorted: &StorageOf<Self, T>,
        values: &StorageOf<Self, T>,
        side: Side,
    ) -> Result<StorageOf<Self, i64>>;
}
