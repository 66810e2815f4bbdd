//! The Cpu backend: `ndarray` storage in host memory, rayon above a size threshold, faer for
//! `matmul`. Zero-copy conversion from and to `ndarray` (`Array::from(ArrayD)`, `Array::view`).
//!
//! ## How the kernels run
//! Storage is an [`ArcArray<T, IxDyn>`](ndarray::ArcArray), which may be any strided view
//! (permuted, sliced with negative steps). Hot loops never iterate with dynamic-rank indices:
//! - inputs in standard (row-major) layout are used as slices; other inputs are first copied to
//!   row-major order, one contiguous row at a time;
//! - broadcasting is planned once per call (dimensions merged where every operand allows), so the
//!   inner loop runs over contiguous rows of an operand or repeats a scalar;
//! - outputs are written in chunks, in parallel with rayon above about 32k elements of work, into
//!   uninitialised buffers that are advised to use transparent huge pages when they are large
//!   (see [`with_huge_pages`]);
//! - reductions view the input as `(outer, reduced, inner)` and fold contiguous rows, or
//!   accumulate whole rows when `inner > 1`.
//!
//! Outputs are new arrays in standard layout, except where noted (`permute`, `slice` and
//! `reshape` of a standard-layout array share storage with their input).

mod alloc;
mod elementwise;
mod indexing;
mod linalg;
mod manipulation;
mod reduction;
mod sorting;

pub use alloc::{HUGE_PAGE_MIN_BYTES, huge_pages_enabled, with_huge_pages};

use std::borrow::Cow;

use ndarray::{ArcArray, ArrayD, ArrayRefD, ArrayViewD, Axis, IxDyn, Slice};

use crate::backend::{BackendTypes, CreationOps, StorageOf, TransferOps};
use crate::element::{Element, Numeric};
use crate::error::{Error, Result};
use crate::shape;

/// The multi-core CPU backend (the default backend of [`crate::Array`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cpu;

/// The host, the only device of [`Cpu`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CpuDevice;

impl BackendTypes for Cpu {
    type Device = CpuDevice;
    type Storage<T: Element> = ArcArray<T, IxDyn>;
    const NAME: &'static str = "cpu";
    const HOST_MEMORY: bool = true;
    fn shape<T: Element>(x: &Self::Storage<T>) -> &[usize] {
        x.shape()
    }
    fn device<T: Element>(_: &Self::Storage<T>) -> CpuDevice {
        CpuDevice
    }
}

/// Storage of the Cpu backend.
type Arr<T> = ArcArray<T, IxDyn>;

impl TransferOps for Cpu {
    fn host_view<T: Element>(x: &StorageOf<Self, T>) -> Option<ArrayViewD<'_, T>> {
        Some(x.view())
    }
    fn from_ndarray<T: Element>(a: ArrayD<T>, _: &CpuDevice) -> Result<StorageOf<Self, T>> {
        Ok(a.into_shared())
    }
    fn from_vec<T: Element>(data: Vec<T>, shape: &[usize], _: &Self::Device) -> Result<StorageOf<Self, T>> {
        from_shape_vec("xp.asarray", shape, data)
    }
    fn to_vec<T: Element>(x: &StorageOf<Self, T>) -> Result<Vec<T>> {
        Ok(gather_map(x, |v| v))
    }
}

impl CreationOps for Cpu {
    fn full<T: Element>(shape: &[usize], value: T, _: &Self::Device) -> Result<StorageOf<Self, T>> {
        let n = shape::checked_size("xp.full", shape)?;
        let data = alloc::build(n, 1, 1, |_, sink| sink.fill(value, sink.remaining()));
        from_shape_vec("xp.full", shape, data)
    }
    fn arange<T: Numeric>(start: f64, step: f64, n: usize, _: &Self::Device) -> Result<StorageOf<Self, T>> {
        let data = alloc::build(n, 1, 1, |first, sink| {
            let len = sink.remaining();
            sink.extend((first..first + len).map(|i| T::from_f64(start + i as f64 * step)));
        });
        from_shape_vec("xp.arange", &[n], data)
    }
}

// ---------------------------------------------------------------------------------------------
// Layout helpers shared by the op families.

/// Wraps row-major `data` as an array of `shape`, or reports why it does not fit.
fn from_shape_vec<T: Element>(function: &'static str, shape: &[usize], data: Vec<T>) -> Result<Arr<T>> {
    let len = data.len();
    ArcArray::from_shape_vec(IxDyn(shape), data).map_err(|e| Error::Backend {
        function,
        backend: Cpu::NAME,
        message: format!("{len} elements do not form shape {shape:?}: {e}"),
    })
}

/// The elements of `x` in row-major order: borrowed when `x` is in standard layout, else copied.
fn row_major<T: Element>(x: &Arr<T>) -> Cow<'_, [T]> {
    match x.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(gather_map(x, |v| v)),
    }
}

/// `x` in standard layout, sharing storage when it already is.
fn standard<T: Element>(x: &Arr<T>) -> Arr<T> {
    if x.is_standard_layout() {
        x.clone()
    } else {
        // The shape of `x` is valid and the data has exactly its size.
        let data = gather_map(x, |v| v);
        ArcArray::from_shape_vec(x.raw_dim(), data).unwrap_or_else(|_| x.to_owned().into_shared())
    }
}

/// `f` applied to the elements of `x` in row-major order, in parallel for large arrays. Inputs in
/// standard layout are read as a slice; others one row (last-axis lane) at a time.
fn gather_map<T: Element, U: Element>(x: &ArrayRefD<T>, f: impl Fn(T) -> U + Sync + Send) -> Vec<U> {
    let n = x.len();
    if let Some(s) = x.as_slice() {
        return alloc::build(n, 1, 1, |start, sink| {
            let len = sink.remaining();
            let part = s.get(start..start + len).unwrap_or_default();
            sink.extend(part.iter().map(|&v| f(v)));
        });
    }
    if x.ndim() == 0 {
        return x.iter().map(|&v| f(v)).collect();
    }
    if x.ndim() == 1 {
        return alloc::build(n, 1, 1, |start, sink| {
            let len = sink.remaining();
            let part = x.slice_axis(Axis(0), Slice::from(start..start + len));
            sink.extend(part.iter().map(|&v| f(v)));
        });
    }
    // Split over the first axis: chunks are whole slabs `x[i, ...]`.
    let slab = n / x.shape().first().copied().unwrap_or(1).max(1);
    alloc::build(n, slab, 1, |start, sink| {
        let first = start / slab.max(1);
        let count = sink.remaining().div_ceil(slab.max(1));
        let end = (first + count).min(x.len_of(Axis(0)));
        for i in first..end {
            for row in x.index_axis(Axis(0), i).rows() {
                match row.as_slice() {
                    Some(s) => sink.extend(s.iter().map(|&v| f(v))),
                    None => sink.extend(row.iter().map(|&v| f(v))),
                }
            }
        }
    })
}

/// Checks that `axes` are sorted, distinct and below `ndim` (the namespace's promise).
fn check_sorted_axes(function: &'static str, axes: &[usize], ndim: usize) -> Result<()> {
    let sorted = axes.windows(2).all(|w| w.first() < w.get(1));
    if !sorted || axes.last().is_some_and(|&a| a >= ndim) {
        return Err(Error::invalid(
            function,
            "axes",
            axes,
            format!("must be sorted, distinct axes of an array with {ndim} dimensions"),
        ));
    }
    Ok(())
}

/// Checks that `axis < ndim`.
fn check_axis(function: &'static str, axis: usize, ndim: usize) -> Result<()> {
    if axis >= ndim {
        return Err(Error::AxisOutOfRange {
            function,
            axis: axis as isize,
            ndim,
        });
    }
    Ok(())
}

/// `(outer, n, inner)`: products of the dimensions before, at and after `axis`.
fn split_at_axis(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    let outer = shape::size_of(shape.get(..axis).unwrap_or_default());
    let n = shape.get(axis).copied().unwrap_or(1);
    let inner = shape::size_of(shape.get(axis + 1..).unwrap_or_default());
    (outer, n, inner)
}

#[cfg(test)]
mod testutil;

#[cfg(test)]
mod tests {
    use super::testutil::{Rng, layouts, rand_f64};
    use super::*;

    #[test]
    fn transfers_round_trip_on_every_layout() {
        let mut rng = Rng::new(60);
        for shape in [vec![], vec![0], vec![5], vec![3, 0], vec![4, 3, 2], vec![3, 40_000]] {
            let x = rand_f64(&mut rng, &shape);
            let flat: Vec<f64> = x.iter().copied().collect();
            let views = if x.len() < 1000 {
                layouts(&x)
            } else {
                vec![x.clone(), x.clone().reversed_axes()]
            };
            for y in views {
                let expect: Vec<f64> = y.iter().copied().collect();
                assert_eq!(Cpu::to_vec(&y).unwrap(), expect);
                assert_eq!(Cpu::host_view(&y).unwrap(), y.view());
            }
            let back = Cpu::from_vec(flat.clone(), &shape, &CpuDevice).unwrap();
            assert_eq!(back, x);
        }
        assert!(Cpu::from_vec(vec![1.0], &[2], &CpuDevice).is_err());
        let owned = ndarray::ArrayD::<i32>::zeros(IxDyn(&[2, 2]));
        let ptr = owned.as_ptr();
        assert_eq!(Cpu::from_ndarray(owned, &CpuDevice).unwrap().as_ptr(), ptr);
    }

    #[test]
    fn creation_fills_and_counts() {
        for shape in [vec![], vec![0], vec![2, 3], vec![1_100_000]] {
            let f = Cpu::full(&shape, 2.5f32, &CpuDevice).unwrap();
            assert_eq!(f.shape(), shape.as_slice());
            assert!(f.iter().all(|&v| v == 2.5));
        }
        assert!(matches!(
            Cpu::full(&[usize::MAX, 2], 0u8, &CpuDevice),
            Err(Error::SizeOverflow { .. })
        ));
        let a = Cpu::arange::<f64>(1.0, 0.5, 5, &CpuDevice).unwrap();
        assert_eq!(Cpu::to_vec(&a).unwrap(), vec![1.0, 1.5, 2.0, 2.5, 3.0]);
        let a = Cpu::arange::<i32>(-2.0, 3.0, 100_000, &CpuDevice).unwrap();
        assert!(a.iter().enumerate().all(|(i, &v)| v == -2 + 3 * i as i32));
        assert_eq!(Cpu::arange::<u8>(0.0, 1.0, 0, &CpuDevice).unwrap().shape(), &[0]);
    }
}
