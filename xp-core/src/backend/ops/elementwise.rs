//! Element-wise kernels over whole arrays, with broadcasting.

use crate::backend::{BackendTypes, StorageOf};
use crate::error::Result;
use crate::kernels::{Map1, Map2, Map3};

/// Element-wise operations. Inputs of `map2`/`map3` broadcast together under the standard's
/// rules (the backend computes the shape with [`crate::shape::broadcast_shapes`] and returns its
/// error when they do not).
pub trait ElementwiseOps: BackendTypes {
    /// Applies `k` to every element.
    fn map1<K: Map1>(x: &StorageOf<Self, K::In>, k: K) -> Result<StorageOf<Self, K::Out>>;

    /// Applies `k` to pairs of broadcast elements.
    fn map2<K: Map2>(a: &StorageOf<Self, K::A>, b: &StorageOf<Self, K::B>, k: K) -> Result<StorageOf<Self, K::Out>>;

    /// Applies `k` to triples of broadcast elements.
    fn map3<K: Map3>(
        a: &StorageOf<Self, K::A>,
        b: &StorageOf<Self, K::B>,
        c: &StorageOf<Self, K::C>,
        k: K,
    ) -> Result<StorageOf<Self, K::Out>>;
}
