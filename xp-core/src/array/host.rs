//! The explicit host-kernel API: run a sequential algorithm on an array's data on the host.
//!
//! Some algorithms have no sensible formulation in terms of whole-array operations (hierarchical
//! linkage, connected-component labelling, a scalar root finder). They run on the host through
//! this module, which makes the transfer visible and controlled:
//!
//! - On a backend whose storage is host memory ([`crate::BackendTypes::HOST_MEMORY`], the [`crate::Cpu`]
//!   backend), the kernel sees a zero-copy view of the data.
//! - On any other backend ([`crate::Strict`], `Cuda`) the data is copied to the host and the
//!   result back, **only** if the caller opted in with
//!   [`Policy::allow_host_transfer`](crate::policy::Policy::allow_host_transfer); otherwise the
//!   call fails with [`Error::HostTransferNotAllowed`] naming the function and the backend.
//! - Every run records `(function, backend, Path::Host)` in the dispatch [`crate::trace`].
//!
//! ```
//! use xp_core::{Array, Error, Strict, array::host, policy::Policy};
//! // Cumulative maximum, a sequential host kernel.
//! fn cummax<B: xp_core::Backend>(x: &Array<f64, B>) -> xp_core::Result<Array<f64, B>> {
//!     host::run("example.cummax", x, |v| {
//!         let mut best = f64::NEG_INFINITY;
//!         Ok(v.mapv(|e| {
//!             best = best.max(e);
//!             best
//!         }))
//!     })
//! }
//! let cpu = Array::<f64>::from_vec(vec![1.0, 3.0, 2.0], &[3])?;
//! assert_eq!(cummax(&cpu)?.to_vec()?, vec![1.0, 3.0, 3.0]);
//!
//! let strict = Array::<f64, Strict>::from_vec(vec![1.0, 3.0, 2.0], &[3])?;
//! assert!(matches!(cummax(&strict), Err(Error::HostTransferNotAllowed { .. })));
//! let out = Policy::new().allow_host_transfer(true).run(|| cummax(&strict))?;
//! assert_eq!(out.to_vec()?, vec![1.0, 3.0, 3.0]);
//! # Ok::<(), xp_core::Error>(())
//! ```

use ndarray::{ArrayD, ArrayViewD};

use crate::array::{Array, check_device};
use crate::backend::Backend;
use crate::element::Element;
use crate::error::{Error, Result};
use crate::policy;
use crate::trace::{self, Path};

/// A host copy of an array's data, or a zero-copy view where the backend allows it.
enum HostData<'a, T: Element> {
    View(ArrayViewD<'a, T>),
    Owned(ArrayD<T>),
}

impl<T: Element> HostData<'_, T> {
    fn view(&self) -> ArrayViewD<'_, T> {
        match self {
            HostData::View(v) => v.view(),
            HostData::Owned(a) => a.view(),
        }
    }
}

/// Brings `x` to the host (zero-copy on host-memory backends).
fn fetch<T: Element, B: Backend>(x: &Array<T, B>) -> Result<HostData<'_, T>> {
    if B::HOST_MEMORY
        && let Some(v) = B::host_view(x.storage())
    {
        return Ok(HostData::View(v));
    }
    Ok(HostData::Owned(x.to_ndarray()?))
}

/// Fails unless host kernels may run on `B`'s data under the current policy.
fn check_allowed<B: Backend>(function: &'static str) -> Result<()> {
    if B::HOST_MEMORY || policy::host_transfer_allowed() {
        Ok(())
    } else {
        Err(Error::HostTransferNotAllowed {
            function,
            backend: B::NAME,
        })
    }
}

/// Uploads a host result to `device`.
fn upload<U: Element, B: Backend>(out: ArrayD<U>, device: &B::Device) -> Result<Array<U, B>> {
    Ok(Array::from_storage(B::from_ndarray(out, device)?))
}

/// Runs a host kernel `f` on the data of `x` and returns its result as an array on `x`'s
/// backend and device. `function` names the caller in errors and in the dispatch trace.
///
/// ```
/// use xp_core::{Array, array::host};
/// let x = Array::<i64>::from_vec(vec![3, 1, 2], &[3])?;
/// let doubled = host::run("example.double", &x, |v| Ok(v.mapv(|e| 2 * e)))?;
/// assert_eq!(doubled.to_vec()?, vec![6, 2, 4]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::HostTransferNotAllowed`] on a backend without host memory unless the policy allows
/// host transfers; any error `f` returns; a backend failure of the transfers.
pub fn run<T, U, B, F>(function: &'static str, x: &Array<T, B>, f: F) -> Result<Array<U, B>>
where
    T: Element,
    U: Element,
    B: Backend,
    F: FnOnce(ArrayViewD<'_, T>) -> Result<ArrayD<U>>,
{
    check_allowed::<B>(function)?;
    let data = fetch(x)?;
    trace::record(function, B::NAME, Path::Host);
    let out = f(data.view())?;
    upload(out, &x.device())
}

/// [`run`] with two input arrays (on the same device).
///
/// ```
/// use xp_core::{Array, array::host};
/// let x = Array::<f64>::from_vec(vec![1.0, 2.0], &[2])?;
/// let y = Array::<f64>::from_vec(vec![10.0, 20.0, 30.0], &[3])?;
/// let outer = host::run2("example.outer", &x, &y, |a, b| {
///     let a2 = a.into_shape_with_order((2, 1)).map_err(|_| xp_core::Error::shape("example.outer", "x", "1-D", &[]))?;
///     Ok((&a2 * &b).into_dyn())
/// })?;
/// assert_eq!(outer.shape(), &[2, 3]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::DeviceMismatch`]; otherwise as [`run`].
pub fn run2<T, V, U, B, F>(function: &'static str, x: &Array<T, B>, y: &Array<V, B>, f: F) -> Result<Array<U, B>>
where
    T: Element,
    V: Element,
    U: Element,
    B: Backend,
    F: FnOnce(ArrayViewD<'_, T>, ArrayViewD<'_, V>) -> Result<ArrayD<U>>,
{
    check_device(function, x, y)?;
    check_allowed::<B>(function)?;
    let dx = fetch(x)?;
    let dy = fetch(y)?;
    trace::record(function, B::NAME, Path::Host);
    let out = f(dx.view(), dy.view())?;
    upload(out, &x.device())
}

/// Copies an array's data to a host `ndarray` array under the same rules as [`run`] (for host
/// kernels that return something other than an array, such as a scalar or a tree).
///
/// ```
/// use xp_core::{Array, array::host};
/// let x = Array::<i64>::from_vec(vec![3, 1, 2], &[3])?;
/// assert_eq!(host::read("example.read", &x)?.sum(), 6);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::HostTransferNotAllowed`] on a backend without host memory unless the policy allows
/// host transfers; a backend failure of the transfer.
pub fn read<T: Element, B: Backend>(function: &'static str, x: &Array<T, B>) -> Result<ArrayD<T>> {
    check_allowed::<B>(function)?;
    let data = fetch(x)?;
    trace::record(function, B::NAME, Path::Host);
    Ok(match data {
        HostData::View(v) => v.to_owned(),
        HostData::Owned(a) => a,
    })
}
