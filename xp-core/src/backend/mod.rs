//! The backend trait family.
//!
//! A backend is a zero-sized **type** (`Cpu`, `Strict`, `Cuda`) that says how arrays are stored
//! ([`BackendTypes`]) and implements a small core of operations, split by family, one file each:
//!
//! | family | trait | core operations |
//! |---|---|---|
//! | host transfer | [`TransferOps`] | `from_vec`, `to_vec`, `host_view`, `from_ndarray` |
//! | creation | [`CreationOps`] | `full`, `arange` |
//! | element-wise | [`ElementwiseOps`] | `map1`, `map2`, `map3` over [`crate::kernels`] |
//! | reduction | [`ReductionOps`] | `reduce`, `scan` over [`crate::kernels::Reducer`]s |
//! | manipulation | [`ManipulationOps`] | `reshape`, `permute`, `broadcast_to`, `slice`, `concat` |
//! | indexing | [`IndexingOps`] | `take`, `take_along_axis`, `mask_select`, `nonzero`, `scatter` |
//! | sorting | [`SortingOps`] | `sort`, `argsort`, `searchsorted` |
//! | linear algebra | [`LinalgOps`] | `matmul` (default: generic, from element-wise and reduction ops) |
//!
//! Everything else in the namespace (`mean`, `linspace`, `tril`, `roll`, `unique_*`, `pad`, ...)
//! is written once in [`crate::array`] on top of this core, so a new backend gets it for free.
//! Backends may override the default methods for speed.
//!
//! ## Contract for implementors
//! The namespace validates arguments (axes normalised and in range, shapes compatible, sizes that
//! fit in `usize`) before it calls a core operation, so core operations may assume them, but they
//! must never panic: a case they cannot handle returns [`crate::Error::Unsupported`].
//! All outputs are new arrays (functional semantics); a backend may share storage between arrays
//! only if it never mutates shared storage.

mod ops;

pub use ops::creation::CreationOps;
pub use ops::elementwise::ElementwiseOps;
pub use ops::indexing::{IndexingOps, ScatterMode};
pub use ops::linalg::{LinalgOps, generic_matmul};
pub use ops::manipulation::ManipulationOps;
pub use ops::reduction::ReductionOps;
pub use ops::sorting::{Side, SortingOps};
pub use ops::transfer::TransferOps;

use std::fmt::Debug;

use crate::element::Element;

/// Storage and device types of a backend, and what every other trait of the family builds on.
pub trait BackendTypes: Copy + Debug + Default + Send + Sync + 'static {
    /// Where arrays live (a GPU ordinal, a host).
    type Device: Clone + Debug + Default + PartialEq + Send + Sync + 'static;
    /// An n-dimensional array of `T` on this backend. Cheap to clone (shared, immutable).
    type Storage<T: Element>: Clone + Debug + Send + Sync;
    /// Short name used in errors and the dispatch trace (`"cpu"`, `"strict"`).
    const NAME: &'static str;
    /// Whether storage is host memory that [`TransferOps::host_view`] exposes without a copy.
    /// Host kernels on a backend without it need the host-transfer opt-in
    /// ([`crate::policy::Policy::allow_host_transfer`]).
    const HOST_MEMORY: bool;
    /// Shape of a stored array.
    fn shape<T: Element>(x: &Self::Storage<T>) -> &[usize];
    /// Device of a stored array.
    fn device<T: Element>(x: &Self::Storage<T>) -> Self::Device;
}

/// A complete backend: every op family. Implemented automatically for any type implementing them
/// all; a third-party backend implements the families (most methods have defaults).
pub trait Backend:
    BackendTypes
    + TransferOps
    + CreationOps
    + ElementwiseOps
    + ReductionOps
    + ManipulationOps
    + IndexingOps
    + SortingOps
    + LinalgOps
{
}

impl<B> Backend for B where
    B: BackendTypes
        + TransferOps
        + CreationOps
        + ElementwiseOps
        + ReductionOps
        + ManipulationOps
        + IndexingOps
        + SortingOps
        + LinalgOps
{
}

/// Storage of `T` on backend `B`.
pub type StorageOf<B, T> = <B as BackendTypes>::Storage<T>;
