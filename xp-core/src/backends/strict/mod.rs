//! The Strict backend: the reference implementation of the core namespace.
//!
//! Its storage is a private row-major buffer that cannot be read as host memory except through
//! the explicit transfers ([`TransferOps::to_vec`]), which it counts ([`Strict::transfers`]).
//! It has no native paths, and it is written with plain loops, independently of the Cpu backend.

use crate::backend::{
    BackendTypes, CreationOps, ElementwiseOps, IndexingOps, LinalgOps, ManipulationOps, ReductionOps, Side, SortingOps,
    StorageOf, TransferOps,
};
use crate::element::{Element, Numeric, RealNumeric};
use crate::error::{Error, Result};
use crate::kernels::{Map1, Map2, Map3, Reducer};
use crate::shape::AxisSlice;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The reference backend (array-api-strict's role).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strict;

/// The device of [`Strict`]: a notional accelerator whose memory the host cannot read directly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrictDevice;

/// An array on the [`Strict`] backend: shape and a shared row-major buffer, not readable from outside.
#[derive(Clone)]
pub struct StrictStorage<T> {
    shape: Vec<usize>,
    data: Arc<Vec<T>>,
}

impl<T> std::fmt::Debug for StrictStorage<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StrictStorage {{ shape: {:?}, .. }}", self.shape)
    }
}

static TRANSFERS: AtomicU64 = AtomicU64::new(0);

impl Strict {
    /// Number of host transfers (uploads and downloads) made so far in this process.
    pub fn transfers() -> u64 {
        TRANSFERS.load(Ordering::Relaxed)
    }
}

impl BackendTypes for Strict {
    type Device = StrictDevice;
    type Storage<T: Element> = StrictStorage<T>;
    const NAME: &'static str = "strict";
    const HOST_MEMORY: bool = false;
    fn shape<T: Element>(x: &Self::Storage<T>) -> &[usize] {
        &x.shape
    }
    fn device<T: Element>(_: &Self::Storage<T>) -> StrictDevice {
        StrictDevice
    }
}

impl TransferOps for Strict {
    fn from_vec<T: Element>(data: Vec<T>, shape: &[usize], device: &Self::Device) -> Result<StorageOf<Self, T>> {
        let _ = (data, shape, device);
        Err(missing("from_vec"))
    }
    fn to_vec<T: Element>(x: &StorageOf<Self, T>) -> Result<Vec<T>> {
        let _ = x;
        Err(missing("to_vec"))
    }
}
impl CreationOps for Strict {
    fn full<T: Element>(shape: &[usize], value: T, device: &Self::Device) -> Result<StorageOf<Self, T>> {
        let _ = (shape, value, device);
        Err(missing("full"))
    }
    fn arange<T: Numeric>(start: f64, step: f64, n: usize, device: &Self::Device) -> Result<StorageOf<Self, T>> {
        let _ = (start, step, n, device);
        Err(missing("arange"))
    }
}
impl ElementwiseOps for Strict {
    fn map1<K: Map1>(x: &StorageOf<Self, K::In>, k: K) -> Result<StorageOf<Self, K::Out>> {
        let _ = (x, k);
        Err(missing("map1"))
    }
    fn map2<K: Map2>(a: &StorageOf<Self, K::A>, b: &StorageOf<Self, K::B>, k: K) -> Result<StorageOf<Self, K::Out>> {
        let _ = (a, b, k);
        Err(missing("map2"))
    }
    fn map3<K: Map3>(
        a: &StorageOf<Self, K::A>,
        b: &StorageOf<Self, K::B>,
        c: &StorageOf<Self, K::C>,
        k: K,
    ) -> Result<StorageOf<Self, K::Out>> {
        let _ = (a, b, c, k);
        Err(missing("map3"))
    }
}
impl ReductionOps for Strict {
    fn reduce<R: Reducer>(x: &StorageOf<Self, R::In>, axes: &[usize], r: R) -> Result<StorageOf<Self, R::Out>> {
        let _ = (x, axes, r);
        Err(missing("reduce"))
    }
    fn scan<R: Reducer>(x: &StorageOf<Self, R::In>, axis: usize, r: R) -> Result<StorageOf<Self, R::Out>> {
        let _ = (x, axis, r);
        Err(missing("scan"))
    }
}
impl ManipulationOps for Strict {
    fn reshape<T: Element>(x: &StorageOf<Self, T>, shape: &[usize]) -> Result<StorageOf<Self, T>> {
        let _ = (x, shape);
        Err(missing("reshape"))
    }
    fn permute<T: Element>(x: &StorageOf<Self, T>, axes: &[usize]) -> Result<StorageOf<Self, T>> {
        let _ = (x, axes);
        Err(missing("permute"))
    }
    fn broadcast_to<T: Element>(x: &StorageOf<Self, T>, shape: &[usize]) -> Result<StorageOf<Self, T>> {
        let _ = (x, shape);
        Err(missing("broadcast_to"))
    }
    fn slice<T: Element>(x: &StorageOf<Self, T>, slices: &[AxisSlice]) -> Result<StorageOf<Self, T>> {
        let _ = (x, slices);
        Err(missing("slice"))
    }
    fn concat<T: Element>(xs: &[&StorageOf<Self, T>], axis: usize) -> Result<StorageOf<Self, T>> {
        let _ = (xs, axis);
        Err(missing("concat"))
    }
}
impl IndexingOps for Strict {
    fn take<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>> {
        let _ = (x, indices, axis);
        Err(missing("take"))
    }
    fn take_along_axis<T: Element>(
        x: &StorageOf<Self, T>,
        indices: &StorageOf<Self, i64>,
        axis: usize,
    ) -> Result<StorageOf<Self, T>> {
        let _ = (x, indices, axis);
        Err(missing("take_along_axis"))
    }
    fn mask_select<T: Element>(x: &StorageOf<Self, T>, mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, T>> {
        let _ = (x, mask);
        Err(missing("mask_select"))
    }
    fn nonzero(mask: &StorageOf<Self, bool>) -> Result<StorageOf<Self, i64>> {
        let _ = mask;
        Err(missing("nonzero"))
    }
    fn scatter<T: Element, K: Map2<A = T, B = T, Out = T>>(
        x: &StorageOf<Self, T>,
        axis: usize,
        indices: &StorageOf<Self, i64>,
        values: &StorageOf<Self, T>,
        k: K,
    ) -> Result<StorageOf<Self, T>> {
        let _ = (x, axis, indices, values, k);
        Err(missing("scatter"))
    }
}
impl SortingOps for Strict {
    fn sort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, T>> {
        let _ = (x, axis, descending);
        Err(missing("sort"))
    }
    fn argsort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, i64>> {
        let _ = (x, axis, descending);
        Err(missing("argsort"))
    }
    fn searchsorted<T: RealNumeric>(
        sorted: &StorageOf<Self, T>,
        values: &StorageOf<Self, T>,
        side: Side,
    ) -> Result<StorageOf<Self, i64>> {
        let _ = (sorted, values, side);
        Err(missing("searchsorted"))
    }
}
impl LinalgOps for Strict {}

fn missing(function: &'static str) -> Error {
    Error::Unsupported {
        function,
        backend: Strict::NAME,
        dtype: None,
        reason: "not yet implemented".into(),
    }
}
