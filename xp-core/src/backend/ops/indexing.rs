//! Integer and boolean indexing, and functional scatter updates.

use crate::backend::{BackendTypes, StorageOf};
use crate::element::Element;
use crate::error::Result;
use crate::kernels::Map2;

/// How a scatter combines duplicate and existing values, for documentation of [`IndexingOps::scatter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScatterMode {
    /// Replace (later updates win).
    Set,
    /// Accumulate.
    Add,
    /// Keep the minimum.
    Min,
    /// Keep the maximum.
    Max,
}

/// Indexing. Index arrays hold `i64`; negative indices count from the end. Backends check every
/// index and return [`crate::Error::IndexOutOfRange`] for one outside the axis.
pub trait IndexingOps: BackendTypes {
    /// `x.take(indices, axis)`: output shape is `x.shape[..axis] + indices.shape + x.shape[axis+1..]`.
    fn take<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>>;

    /// `take_along_axis`: `indices` has `x`'s rank and broadcasts against `x` on every axis but
    /// `axis`; output shape is the broadcast shape with `indices.shape[axis]` on `axis`.
    fn take_along_axis<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>>;

    /// Elements where `mask` is true (same shape as `x`), in row-major order, as a 1-D array.
    fn mask_select<T: Element>(x: &StorageOf<Self, T>, mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, T>>;

    /// Coordinates of the true elements, shape `(count, ndim)`, in row-major order.
    fn nonzero(mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, i64>>;

    /// Functional update along `axis`: returns a copy of `x` where, for every `i`, the slice
    /// `x[.., indices[i], ..]` becomes `k(old, values[.., i, ..])`, applied in order of `i` (so
    /// duplicates accumulate with `Add`, and the last wins with `Set`). `indices` is 1-D; `values`
    /// has `x`'s shape with `indices.len()` on `axis`.
    fn scatter<T: Element, K: Map2<A = T, B = T, Out = T>>(
        x: &StorageOf<Self, T>,
        axis: usize,
        indices: &StorageOf<Self, i64>,
        values: &StorageOf<Self, T>,
        k: K,
    ) -> Result<StorageOf<Self, T>>;
}
