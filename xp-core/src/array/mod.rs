//! [`Array<T, B>`]: the array users hold, and the namespace written once on top of the backend core.
//!
//! One file per family of the array API standard: [`creation`], [`elementwise`] (with operator
//! overloads in [`ops`]), [`statistical`], [`manipulation`], [`indexing`], [`searching`],
//! [`sorting`], [`set`], [`linalg`], plus xp's non-standard additions in [`updates`] (`at`,
//! scatter-add, gather, `pad`) and [`host`] (explicit host kernels).

pub mod creation;
pub mod elementwise;
pub mod host;
pub mod indexing;
pub mod linalg;
pub mod manipulation;
pub mod ops;
pub mod searching;
pub mod set;
pub mod sorting;
pub mod statistical;
pub mod updates;

use std::fmt;

use ndarray::ArrayD;

use crate::backend::{Backend, StorageOf};
use crate::backends::cpu::Cpu;
use crate::element::{DType, Element};
use crate::error::{Error, Result};
use crate::kernels::{Map1, Map2, Map3};
use crate::shape;

/// An n-dimensional array of `T` stored on backend `B` (the [`Cpu`] backend by default).
///
/// Arrays are immutable values: every operation returns a new array, and clones are cheap
/// (storage is shared). Operations return [`Result`]: shape mismatches, bad axes and the like are
/// errors, never panics.
///
/// ```
/// use xp_core::Array;
/// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
/// let b = (&a * 2.0)?.exp()?;
/// assert_eq!(b.shape(), &[2, 2]);
/// assert_eq!(a.sum(xp_core::ALL, false)?.to_scalar()?, 10.0);
/// # Ok::<(), xp_core::Error>(())
/// ```
pub struct Array<T: Element, B: Backend = Cpu> {
    storage: StorageOf<B, T>,
}

impl<T: Element, B: Backend> Clone for Array<T, B> {
    fn clone(&self) -> Self {
        Array {
            storage: self.storage.clone(),
        }
    }
}

impl<T: Element, B: Backend> fmt::Debug for Array<T, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Array")
            .field("backend", &B::NAME)
            .field("dtype", &T::DTYPE)
            .field("shape", &self.shape())
            .field("storage", &self.storage)
            .finish()
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Wraps backend storage (for backend and consumer-crate authors).
    pub fn from_storage(storage: StorageOf<B, T>) -> Self {
        Array { storage }
    }

    /// The backend storage.
    pub fn storage(&self) -> &StorageOf<B, T> {
        &self.storage
    }

    /// Unwraps the backend storage.
    pub fn into_storage(self) -> StorageOf<B, T> {
        self.storage
    }

    /// An array of `shape` from row-major `data`, on the backend's default device.
    ///
    /// # Errors
    /// [`Error::Shape`] if `data.len()` is not the product of `shape`.
    pub fn from_vec(data: Vec<T>, shape: &[usize]) -> Result<Self> {
        Self::from_vec_on(data, shape, &B::Device::default())
    }

    /// [`Array::from_vec`] on a given device.
    ///
    /// # Errors
    /// [`Error::Shape`] if `data.len()` is not the product of `shape`.
    pub fn from_vec_on(data: Vec<T>, shape: &[usize], device: &B::Device) -> Result<Self> {
        let n = shape::checked_size("xp.asarray", shape)?;
        if n != data.len() {
            return Err(Error::shape(
                "xp.asarray",
                "data",
                format!("{n} elements for shape {shape:?}"),
                &[data.len()],
            ));
        }
        Ok(Array {
            storage: B::from_vec(data, shape, device)?,
        })
    }

    /// A 1-D array copied from a slice.
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn from_slice(data: &[T]) -> Result<Self> {
        Self::from_vec(data.to_vec(), &[data.len()])
    }

    /// A 0-D array holding `value`.
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn scalar(value: T) -> Result<Self> {
        Self::from_vec(vec![value], &[])
    }

    /// An array from an `ndarray` array (zero-copy on [`Cpu`]).
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn from_ndarray(a: ArrayD<T>) -> Result<Self> {
        Ok(Array {
            storage: B::from_ndarray(a, &B::Device::default())?,
        })
    }

    /// Shape.
    pub fn shape(&self) -> &[usize] {
        B::shape(&self.storage)
    }

    /// Number of dimensions.
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// Number of elements.
    pub fn size(&self) -> usize {
        shape::size_of(self.shape())
    }

    /// Element type.
    pub fn dtype(&self) -> DType {
        T::DTYPE
    }

    /// Device.
    pub fn device(&self) -> B::Device {
        B::device(&self.storage)
    }

    /// Name of the backend (`"cpu"`, `"strict"`).
    pub fn backend_name(&self) -> &'static str {
        B::NAME
    }

    /// Copies the elements to the host in row-major order (an explicit transfer).
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn to_vec(&self) -> Result<Vec<T>> {
        B::to_vec(&self.storage)
    }

    /// Copies to a host `ndarray` array (an explicit transfer).
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn to_ndarray(&self) -> Result<ArrayD<T>> {
        if let Some(v) = B::host_view(&self.storage) {
            return Ok(v.to_owned());
        }
        let v = self.to_vec()?;
        ArrayD::from_shape_vec(self.shape().to_vec(), v).map_err(|e| Error::Backend {
            function: "xp.to_ndarray",
            backend: B::NAME,
            message: e.to_string(),
        })
    }

    /// The single element of a size-1 array (NumPy's `item()`).
    ///
    /// # Errors
    /// [`Error::Shape`] if the array does not have exactly one element.
    pub fn to_scalar(&self) -> Result<T> {
        if self.size() != 1 {
            return Err(Error::shape("xp.item", "x", "exactly one element", self.shape()));
        }
        self.to_vec()?
            .first()
            .copied()
            .ok_or_else(|| Error::shape("xp.item", "x", "exactly one element", self.shape()))
    }

    /// Copies this array to another backend through the host (an explicit, counted transfer).
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn to_backend<B2: Backend>(&self) -> Result<Array<T, B2>> {
        Array::<T, B2>::from_vec(self.to_vec()?, self.shape())
    }

    /// Applies a one-input kernel to every element. The element-wise functions are built on this;
    /// consumer crates use it to run their own kernels (for example special functions) on any backend.
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn map1<K: Map1<In = T>>(&self, k: K) -> Result<Array<K::Out, B>> {
        Ok(Array {
            storage: B::map1(&self.storage, k)?,
        })
    }

    /// Applies a two-input kernel to broadcast pairs of elements.
    ///
    /// # Errors
    /// [`Error::Broadcast`] if the shapes do not broadcast; [`Error::DeviceMismatch`].
    pub fn map2<K: Map2<A = T>>(&self, other: &Array<K::B, B>, k: K) -> Result<Array<K::Out, B>> {
        check_device(K::NAME, self, other)?;
        Ok(Array {
            storage: B::map2(&self.storage, &other.storage, k)?,
        })
    }

    /// Applies a three-input kernel to broadcast triples of elements.
    ///
    /// # Errors
    /// [`Error::Broadcast`] if the shapes do not broadcast; [`Error::DeviceMismatch`].
    pub fn map3<K: Map3<A = T>>(&self, b: &Array<K::B, B>, c: &Array<K::C, B>, k: K) -> Result<Array<K::Out, B>> {
        check_device(K::NAME, self, b)?;
        check_device(K::NAME, self, c)?;
        Ok(Array {
            storage: B::map3(&self.storage, &b.storage, &c.storage, k)?,
        })
    }
}

/// Fails with [`Error::DeviceMismatch`] unless both arrays are on the same device.
pub(crate) fn check_device<T: Element, U: Element, B: Backend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<U, B>,
) -> Result<()> {
    let (da, db) = (a.device(), b.device());
    if da != db {
        return Err(Error::DeviceMismatch {
            function,
            lhs: format!("{da:?}"),
            rhs: format!("{db:?}"),
        });
    }
    Ok(())
}

impl<T: Element> Array<T, Cpu> {
    /// A zero-copy `ndarray` view of the data.
    pub fn view(&self) -> ndarray::ArrayViewD<'_, T> {
        self.storage.view()
    }

    /// Converts into an owned `ndarray` array (zero-copy when this array holds the only reference
    /// to a standard-layout buffer).
    pub fn into_ndarray(self) -> ArrayD<T> {
        self.storage.into_owned()
    }
}

impl<T: Element> From<ArrayD<T>> for Array<T, Cpu> {
    fn from(a: ArrayD<T>) -> Self {
        Array {
            storage: a.into_shared(),
        }
    }
}
