//! Shape manipulation.

use crate::backend::{BackendTypes, StorageOf};
use crate::element::Element;
use crate::error::Result;
use crate::shape::AxisSlice;

/// Shape manipulation. Arguments are validated by the namespace.
pub trait ManipulationOps: BackendTypes {
    /// Same elements in row-major order, new shape of the same size.
    fn reshape<T: Element>(x: &StorageOf<Self, T>, shape: &[usize]) -> Result<StorageOf<Self, T>>;

    /// Axes reordered: output axis `i` is input axis `axes[i]` (a permutation).
    fn permute<T: Element>(x: &StorageOf<Self, T>, axes: &[usize]) -> Result<StorageOf<Self, T>>;

    /// Broadcast to `shape` (checked with [`crate::shape::can_broadcast_to`]).
    fn broadcast_to<T: Element>(x: &StorageOf<Self, T>, shape: &[usize]) -> Result<StorageOf<Self, T>>;

    /// One [`AxisSlice`] per axis, all in range.
    fn slice<T: Element>(x: &StorageOf<Self, T>, slices: &[AxisSlice]) -> Result<StorageOf<Self, T>>;

    /// Joins arrays along `axis`; they agree on every other axis and are at least 1-D. Non-empty list.
    fn concat<T: Element>(xs: &[&StorageOf<Self, T>], axis: usize) -> Result<StorageOf<Self, T>>;
}
