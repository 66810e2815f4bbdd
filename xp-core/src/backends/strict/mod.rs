//! The Strict backend: the reference implementation of the core namespace.
//!
//! Its storage is a private row-major buffer that cannot be read as host memory except through
//! the explicit transfers ([`TransferOps::from_vec`], [`TransferOps::to_vec`],
//! [`TransferOps::from_ndarray`]), which it counts ([`Strict::transfers`],
//! [`Strict::thread_transfers`]). It has no native paths, and it is written with plain loops over
//! row-major index arithmetic, independently of the Cpu backend and of `ndarray`, so every core
//! operation has two implementations that the tests compare.
//!
//! It also rejects what the namespace does not promise: core operations re-check the arguments
//! the namespace is supposed to have validated (axes, permutations, shapes, slices, indices) and
//! return an error naming the function instead of computing something plausible.
//!
//! Files, one per op family: this one (types, transfers, creation), `elementwise` (`map1`,
//! `map2`, `map3`), `reduction` (`reduce`, `scan`), `manipulation` (`reshape`, `permute`,
//! `broadcast_to`, `slice`, `concat`), `indexing` (`take`, `take_along_axis`, `mask_select`,
//! `nonzero`, `scatter`), `sorting` (`sort`, `argsort`, `searchsorted`) and `layout` (row-major
//! multi-index arithmetic shared by all of them).

mod elementwise;
mod indexing;
mod layout;
mod manipulation;
#[cfg(test)]
mod properties;
mod reduction;
mod sorting;

use crate::backend::{BackendTypes, CreationOps, LinalgOps, StorageOf, TransferOps};
use crate::element::{Element, Numeric};
use crate::error::{Error, Result};
use crate::shape::checked_size;

use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The reference backend (array-api-strict's role).
///
/// ```
/// use xp_core::{Array, Strict};
/// let before = Strict::thread_transfers();
/// let a = Array::<f64, Strict>::from_vec(vec![1.0, 2.0, 3.0], &[3])?; // one upload
/// let b = a.map1(xp_core::kernels::unary::Square::<f64>::new())?; // runs on the backend
/// assert_eq!(b.to_vec()?, vec![1.0, 4.0, 9.0]); // one download
/// assert_eq!(Strict::thread_transfers() - before, 2);
/// # Ok::<(), xp_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strict;

/// The device of [`Strict`]: a notional accelerator whose memory the host cannot read directly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrictDevice;

/// An array on the [`Strict`] backend: shape and a shared row-major buffer, not readable from outside.
///
/// Invariant: `data.len()` is the product of `shape` (checked by every constructor).
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

impl<T> StrictStorage<T> {
    /// Wraps a row-major buffer, checking that its length matches the shape.
    fn new(function: &'static str, shape: Vec<usize>, data: Vec<T>) -> Result<Self> {
        Self::shared(function, shape, Arc::new(data))
    }

    /// [`StrictStorage::new`] over an already shared buffer (reshape shares without copying).
    fn shared(function: &'static str, shape: Vec<usize>, data: Arc<Vec<T>>) -> Result<Self> {
        let n = checked_size(function, &shape)?;
        if n != data.len() {
            return Err(layout::internal(
                function,
                format!("{} elements for shape {shape:?}", data.len()),
            ));
        }
        Ok(StrictStorage { shape, data })
    }

    /// The row-major elements.
    fn data(&self) -> &[T] {
        &self.data
    }
}

static TRANSFERS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static THREAD_TRANSFERS: Cell<u64> = const { Cell::new(0) };
}

/// Counts one host transfer, process-wide and on this thread.
fn count_transfer() {
    TRANSFERS.fetch_add(1, Ordering::Relaxed);
    THREAD_TRANSFERS.with(|c| c.set(c.get().wrapping_add(1)));
}

impl Strict {
    /// Number of host transfers (uploads and downloads) made so far in this process.
    ///
    /// ```
    /// let before = xp_core::Strict::transfers();
    /// let a = xp_core::Array::<i64, xp_core::Strict>::from_vec(vec![1, 2], &[2])?;
    /// assert!(xp_core::Strict::transfers() > before);
    /// # let _ = a;
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    pub fn transfers() -> u64 {
        TRANSFERS.load(Ordering::Relaxed)
    }

    /// Number of host transfers made so far on the current thread. Tests run in parallel threads,
    /// so "this call made no transfer" is best asserted with this counter:
    ///
    /// ```
    /// use xp_core::{Array, Strict};
    /// let a = Array::<f64, Strict>::from_vec(vec![1.0, -2.0], &[2])?;
    /// let before = Strict::thread_transfers();
    /// let b = a.map1(xp_core::kernels::unary::Negative::<f64>::new())?;
    /// assert_eq!(Strict::thread_transfers(), before);
    /// # let _ = b;
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    pub fn thread_transfers() -> u64 {
        THREAD_TRANSFERS.with(Cell::get)
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
    fn from_vec<T: Element>(data: Vec<T>, shape: &[usize], _: &StrictDevice) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.asarray";
        let n = checked_size(F, shape)?;
        if n != data.len() {
            return Err(Error::shape(
                F,
                "data",
                format!("{n} elements for shape {shape:?}"),
                &[data.len()],
            ));
        }
        let out = StrictStorage::new(F, shape.to_vec(), data)?;
        count_transfer();
        Ok(out)
    }

    fn to_vec<T: Element>(x: &StorageOf<Self, T>) -> Result<Vec<T>> {
        let mut out = layout::alloc("xp.to_host", &x.shape)?;
        out.extend_from_slice(x.data());
        count_transfer();
        Ok(out)
    }
}

impl CreationOps for Strict {
    fn full<T: Element>(shape: &[usize], value: T, _: &StrictDevice) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.full";
        StrictStorage::new(F, shape.to_vec(), layout::alloc_filled(F, shape, value)?)
    }

    fn arange<T: Numeric>(start: f64, step: f64, n: usize, _: &StrictDevice) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.arange";
        let mut out = layout::alloc(F, &[n])?;
        out.extend((0..n).map(|i| T::from_f64(start + i as f64 * step)));
        StrictStorage::new(F, vec![n], out)
    }
}

impl LinalgOps for Strict {}

#[cfg(test)]
pub(super) mod testkit {
    //! Upload and download helpers for the unit tests of this backend.
    use super::*;

    /// Uploads `data` of `shape`.
    pub fn up<T: Element>(data: Vec<T>, shape: &[usize]) -> StrictStorage<T> {
        Strict::from_vec(data, shape, &StrictDevice).unwrap()
    }

    /// Downloads `(shape, data)`.
    pub fn down<T: Element>(x: &StrictStorage<T>) -> (Vec<usize>, Vec<T>) {
        (x.shape.clone(), Strict::to_vec(x).unwrap())
    }
}

#[cfg(test)]
mod tests {
    use super::testkit::{down, up};
    use super::*;
    use crate::backend::{ElementwiseOps, LinalgOps, ReductionOps};
    use crate::kernels::reduce::Sum;
    use crate::kernels::unary::Negative;

    #[test]
    fn transfers_are_counted_and_only_transfers() {
        let t0 = Strict::thread_transfers();
        let g0 = Strict::transfers();
        let a = up(vec![1.0f64, 2.0, 3.0], &[3]);
        assert_eq!(Strict::thread_transfers(), t0 + 1);
        assert!(Strict::transfers() > g0);

        let neg = Strict::map1(&a, Negative::<f64>::new()).unwrap();
        let total = Strict::reduce(&neg, &[0], Sum::<f64>::new()).unwrap();
        let full = Strict::full(&[2], 1.5f64, &StrictDevice).unwrap();
        let ar = Strict::arange::<f64>(0.0, 1.0, 3, &StrictDevice).unwrap();
        assert_eq!(Strict::thread_transfers(), t0 + 1, "device-side ops must not transfer");

        assert_eq!(down(&total), (vec![], vec![-6.0]));
        assert_eq!(Strict::thread_transfers(), t0 + 2);
        assert_eq!(down(&full), (vec![2], vec![1.5, 1.5]));
        assert_eq!(down(&ar), (vec![3], vec![0.0, 1.0, 2.0]));

        let nd = ndarray::ArrayD::from_shape_vec(vec![2, 1], vec![7i32, 8]).unwrap();
        let b = Strict::from_ndarray(nd, &StrictDevice).unwrap();
        assert_eq!(Strict::thread_transfers(), t0 + 5);
        assert_eq!(down(&b), (vec![2, 1], vec![7, 8]));
        assert!(Strict::host_view(&b).is_none());
    }

    #[test]
    fn from_vec_checks_the_length() {
        let t0 = Strict::thread_transfers();
        assert!(matches!(
            Strict::from_vec(vec![1.0f32; 5], &[2, 3], &StrictDevice),
            Err(Error::Shape { .. })
        ));
        assert!(matches!(
            Strict::from_vec(vec![1u8], &[usize::MAX, 3], &StrictDevice),
            Err(Error::SizeOverflow { .. })
        ));
        assert_eq!(Strict::thread_transfers(), t0, "a rejected upload is not a transfer");
        assert_eq!(down(&up(Vec::<bool>::new(), &[0, 4])), (vec![0, 4], vec![]));
        assert_eq!(down(&up(vec![true], &[])), (vec![], vec![true]));
    }

    #[test]
    fn creation() {
        let z = Strict::full(&[2, 0], 3i64, &StrictDevice).unwrap();
        assert_eq!(down(&z), (vec![2, 0], vec![]));
        let s = Strict::full(&[], true, &StrictDevice).unwrap();
        assert_eq!(down(&s), (vec![], vec![true]));
        let r = Strict::arange::<i32>(5.0, -2.0, 4, &StrictDevice).unwrap();
        assert_eq!(down(&r), (vec![4], vec![5, 3, 1, -1]));
        let e = Strict::arange::<f32>(0.0, 0.5, 0, &StrictDevice).unwrap();
        assert_eq!(down(&e), (vec![0], vec![]));
        assert!(Strict::full(&[usize::MAX, 2], 0u8, &StrictDevice).is_err());
        assert!(Strict::arange::<f64>(0.0, 1.0, usize::MAX, &StrictDevice).is_err());
    }

    #[test]
    fn matmul_uses_the_generic_path_and_records_it() {
        // [[1, 2], [3, 4]] @ [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
        let a = up(vec![1.0f64, 2.0, 3.0, 4.0], &[2, 2]);
        let b = up(vec![5.0f64, 6.0, 7.0, 8.0], &[2, 2]);
        let (c, records) = crate::trace::capture(|| Strict::matmul(&a, &b));
        assert_eq!(down(&c.unwrap()), (vec![2, 2], vec![19.0, 22.0, 43.0, 50.0]));
        assert_eq!(
            records,
            vec![crate::trace::Dispatch {
                function: "xp.matmul",
                backend: "strict",
                path: crate::trace::Path::Generic
            }]
        );
        // Batched (2, 1, 3) @ (2, 3, 1): row sums weighted by [1, 1, 1] and [1, 0, -1].
        let x = up(vec![1i64, 2, 3, 4, 5, 6], &[2, 1, 3]);
        let w = up(vec![1i64, 1, 1, 1, 0, -1], &[2, 3, 1]);
        assert_eq!(down(&Strict::matmul(&x, &w).unwrap()), (vec![2, 1, 1], vec![6, -2]));
        // Inner dimension 0: zeros.
        let e1 = up(Vec::<f32>::new(), &[2, 0]);
        let e2 = up(Vec::<f32>::new(), &[0, 3]);
        assert_eq!(down(&Strict::matmul(&e1, &e2).unwrap()), (vec![2, 3], vec![0.0; 6]));
        assert!(Strict::matmul(&a, &up(vec![1.0f64; 3], &[3, 1])).is_err());
        assert!(Strict::matmul(&up(vec![1.0f64; 2], &[2]), &a).is_err());
    }
}
