//! Reductions over axes and inclusive scans along one axis.

use crate::backend::{BackendTypes, StorageOf};
use crate::error::Result;
use crate::kernels::Reducer;

/// Reductions.
pub trait ReductionOps: BackendTypes {
    /// Reduces over `axes` (sorted, distinct, in range; may be empty, which maps every element
    /// through `fold` + `finish` alone). The output drops the reduced axes (rank 0 when all are
    /// reduced). The `index` passed to [`Reducer::fold`] is the row-major position within the
    /// reduced axes.
    fn reduce<R: Reducer>(x: &StorageOf<Self, R::In>, axes: &[usize], r: R) -> Result<StorageOf<Self, R::Out>>;

    /// Inclusive scan along `axis` (in range): output `[.., i, ..]` is `finish(fold(..fold(init, x0, 0).., xi, i), i + 1)`.
    fn scan<R: Reducer>(x: &StorageOf<Self, R::In>, axis: usize, r: R) -> Result<StorageOf<Self, R::Out>>;
}
