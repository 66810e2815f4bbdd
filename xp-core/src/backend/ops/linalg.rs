//! Matrix multiplication, the one linear-algebra operation of the core namespace.

use crate::backend::{BackendTypes, ElementwiseOps, ManipulationOps, ReductionOps, StorageOf};
use crate::element::Numeric;
use crate::error::Result;
use crate::kernels::binary::Multiply;
use crate::kernels::reduce::Sum;

/// Linear algebra core.
pub trait LinalgOps: BackendTypes + ElementwiseOps + ReductionOps + ManipulationOps {
    /// Batched `a @ b`: `a` is `(..., m, k)`, `b` is `(..., k, n)`, with identical batch
    /// dimensions (the namespace broadcasts them). The default is [`generic_matmul`], and records
    /// `("xp.matmul", Self::NAME, Path::Generic)` in the dispatch [`crate::trace`].
    fn matmul<T: Numeric>(a: &StorageOf<Self, T>, b: &StorageOf<Self, T>) -> Result<StorageOf<Self, T>> {
        crate::trace::record("xp.matmul", Self::NAME, crate::trace::Path::Generic);
        generic_matmul::<Self, T>(a, b)
    }
}

/// `matmul` from element-wise products and a sum: `(.., m, k, 1) * (.., 1, k, n)` summed over `k`.
/// Memory grows with `m * k * n`, so backends with a BLAS override [`LinalgOps::matmul`].
pub fn generic_matmul<B: LinalgOps, T: Numeric>(a: &StorageOf<B, T>, b: &StorageOf<B, T>) -> Result<StorageOf<B, T>> {
    let (sa, sb) = (B::shape(a).to_vec(), B::shape(b).to_vec());
    let r = sa.len();
    if r < 2 || sb.len() != r {
        return Err(crate::Error::shape(
            "xp.matmul",
            "x2",
            format!("rank {r} matching x1"),
            &sb,
        ));
    }
    let mut ea = sa.clone();
    ea.insert(r, 1); // (.., m, k, 1)
    let mut eb = sb.clone();
    eb.insert(r - 2, 1); // (.., 1, k, n)
    let a3 = B::reshape(a, &ea)?;
    let b3 = B::reshape(b, &eb)?;
    let prod = B::map2(&a3, &b3, Multiply::<T>::new())?;
    B::reduce(&prod, &[r - 1], Sum::<T>::new())
}
