//! Creation functions of the array API standard: `zeros`, `ones`, `full`, `empty` and their
//! `_like` forms, `arange`, `linspace`, `eye`, `tril`, `triu` and [`meshgrid`].
//!
//! Everything here is built from the backend core ([`crate::backend::CreationOps::full`],
//! [`crate::backend::CreationOps::arange`], element-wise kernels, reshape, broadcast and concat),
//! so it runs on device backends without touching host memory. New arrays land on the backend's
//! default device; the `_like` forms and `tril`/`triu` keep the input's device.

use crate::array::{Array, check_device};
use crate::backend::{Backend, StorageOf};
use crate::element::{ComplexFloat, Element, Float, Numeric, RealNumeric};
use crate::error::{Error, Result};
use crate::kernels::binary::{Add, Divide, Equal, GreaterEqual, LessEqual, Multiply, Subtract, Where, WithRight};
use crate::kernels::unary::{Affine, Cast};
use crate::shape::{self, AxisSlice};

/// How [`meshgrid`] orders its output axes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Indexing {
    /// Cartesian (NumPy's default): with two or more inputs, the first two output axes are
    /// swapped, so `x` varies along columns and `y` along rows.
    #[default]
    Xy,
    /// Matrix indexing: output axis `i` follows input `i`.
    Ij,
}

/// Checks that an array of `shape` with elements of `T` fits a buffer: the element count fits in
/// `usize`, and the byte size, counting zero-length axes as length 1 (NumPy's and ndarray's rule,
/// so strides stay addressable), is at most `isize::MAX`. Returns the element count.
pub(crate) fn checked_alloc<T: Element>(function: &'static str, shape: &[usize]) -> Result<usize> {
    let n = shape::checked_size(function, shape)?;
    let bytes = shape
        .iter()
        .try_fold(T::DTYPE.size_of(), |acc, &d| acc.checked_mul(d.max(1)));
    match bytes {
        Some(b) if b <= isize::MAX as usize => Ok(n),
        _ => Err(Error::SizeOverflow {
            function,
            shape: shape.to_vec(),
        }),
    }
}

/// `full` on a device, with size checks reported under `function`.
fn full_on<T: Element, B: Backend>(
    function: &'static str,
    shape: &[usize],
    value: T,
    device: &B::Device,
) -> Result<Array<T, B>> {
    checked_alloc::<T>(function, shape)?;
    Ok(Array::from_storage(B::full(shape, value, device)?))
}

/// The `(n, m)` array of `col - row` (the diagonal offset of every position), as `i64`.
fn diagonal_offsets<B: Backend>(n: usize, m: usize, device: &B::Device) -> Result<StorageOf<B, i64>> {
    let rows = B::reshape(&B::arange::<i64>(0.0, 1.0, n, device)?, &[n, 1])?;
    let cols = B::reshape(&B::arange::<i64>(0.0, 1.0, m, device)?, &[1, m])?;
    B::map2(&cols, &rows, Subtract::<i64>::new())
}

/// Checks a finite `f64` parameter.
fn finite(function: &'static str, parameter: &'static str, v: f64) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::invalid(function, parameter, v, "must be a finite number"))
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// An array of `shape` filled with `value`, on the default device.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::full(&[2, 3], 1.5)?;
    /// assert_eq!(a.shape(), &[2, 3]);
    /// assert_eq!(a.to_vec()?, vec![1.5; 6]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if the shape has more elements than fit in memory addresses.
    pub fn full(shape: &[usize], value: T) -> Result<Self> {
        full_on("xp.full", shape, value, &B::Device::default())
    }

    /// An array of `shape` filled with zeros (`false` for `bool`), on the default device.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::zeros(&[2])?;
    /// assert_eq!(a.to_vec()?, vec![0, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if the shape has more elements than fit in memory addresses.
    pub fn zeros(shape: &[usize]) -> Result<Self> {
        full_on("xp.zeros", shape, T::default(), &B::Device::default())
    }

    /// An "uninitialised" array of `shape`. xp never exposes uninitialised memory: the array is
    /// zero-filled, exactly like [`Array::zeros`].
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f32>::empty(&[3, 0])?;
    /// assert_eq!(a.shape(), &[3, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if the shape has more elements than fit in memory addresses.
    pub fn empty(shape: &[usize]) -> Result<Self> {
        full_on("xp.empty", shape, T::default(), &B::Device::default())
    }

    /// An array with the shape and device of `self`, filled with `value`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0], &[2])?;
    /// assert_eq!(a.full_like(7.0)?.to_vec()?, vec![7.0, 7.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn full_like(&self, value: T) -> Result<Self> {
        full_on("xp.full_like", self.shape(), value, &self.device())
    }

    /// Zeros with the shape and device of `self`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0], &[1, 2])?;
    /// assert_eq!(a.zeros_like()?.to_vec()?, vec![0.0, 0.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn zeros_like(&self) -> Result<Self> {
        full_on("xp.zeros_like", self.shape(), T::default(), &self.device())
    }

    /// An "uninitialised" array with the shape and device of `self`: zero-filled, like
    /// [`Array::zeros_like`].
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec(vec![4, 5], &[2])?;
    /// assert_eq!(a.empty_like()?.shape(), &[2]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn empty_like(&self) -> Result<Self> {
        full_on("xp.empty_like", self.shape(), T::default(), &self.device())
    }

    /// A 2-D array of shape `(n_rows, n_cols)` (`n_cols` defaults to `n_rows`) with ones on the
    /// `k`-th diagonal (`k > 0` above the main diagonal, `k < 0` below) and zeros elsewhere.
    ///
    /// ```
    /// use xp_core::Array;
    /// let e = Array::<f64>::eye(2, Some(3), 1)?;
    /// assert_eq!(e.to_vec()?, vec![0.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if `n_rows * n_cols` elements do not fit in memory addresses.
    pub fn eye(n_rows: usize, n_cols: Option<usize>, k: isize) -> Result<Self> {
        const F: &str = "xp.eye";
        let m = n_cols.unwrap_or(n_rows);
        checked_alloc::<T>(F, &[n_rows, m])?;
        let device = B::Device::default();
        let offsets = diagonal_offsets::<B>(n_rows, m, &device)?;
        let mask = B::map1(
            &offsets,
            WithRight {
                kernel: Equal::<i64>::new(),
                scalar: k as i64,
            },
        )?;
        Ok(Array::from_storage(B::map1(&mask, Cast::<bool, T>::new())?))
    }

    /// The lower triangle of the matrices in `self` (shape `(..., M, N)`): elements above the
    /// `k`-th diagonal are zeroed (`k = 0` is the main diagonal, `k < 0` below it, `k > 0` above).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_vec(vec![1, 2, 3, 4, 5, 6, 7, 8, 9], &[3, 3])?;
    /// assert_eq!(a.tril(0)?.to_vec()?, vec![1, 0, 0, 4, 5, 0, 7, 8, 9]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if `self` has fewer than 2 dimensions.
    pub fn tril(&self, k: isize) -> Result<Self> {
        self.creation_triangle("xp.tril", k, true)
    }

    /// The upper triangle of the matrices in `self` (shape `(..., M, N)`): elements below the
    /// `k`-th diagonal are zeroed.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_vec(vec![1, 2, 3, 4, 5, 6, 7, 8, 9], &[3, 3])?;
    /// assert_eq!(a.triu(1)?.to_vec()?, vec![0, 2, 3, 0, 0, 6, 0, 0, 0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] if `self` has fewer than 2 dimensions.
    pub fn triu(&self, k: isize) -> Result<Self> {
        self.creation_triangle("xp.triu", k, false)
    }

    /// `tril` (`lower`) or `triu`: keeps positions whose diagonal offset is `<= k` (or `>= k`).
    fn creation_triangle(&self, function: &'static str, k: isize, lower: bool) -> Result<Self> {
        let s = self.shape();
        let nd = s.len();
        if nd < 2 {
            return Err(Error::shape(function, "x", "at least 2 dimensions", s));
        }
        let (n, m) = (s[nd - 2], s[nd - 1]);
        let device = self.device();
        let offsets = diagonal_offsets::<B>(n, m, &device)?;
        let k = k as i64;
        let keep = if lower {
            B::map1(
                &offsets,
                WithRight {
                    kernel: LessEqual::<i64>::new(),
                    scalar: k,
                },
            )?
        } else {
            B::map1(
                &offsets,
                WithRight {
                    kernel: GreaterEqual::<i64>::new(),
                    scalar: k,
                },
            )?
        };
        let zero = B::full(&[], T::default(), &device)?;
        Ok(Array::from_storage(B::map3(
            &keep,
            &self.storage,
            &zero,
            Where::<T>::new(),
        )?))
    }
}

impl<T: Numeric, B: Backend> Array<T, B> {
    /// An array of `shape` filled with ones, on the default device.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f32>::ones(&[2, 2])?;
    /// assert_eq!(a.to_vec()?, vec![1.0; 4]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if the shape has more elements than fit in memory addresses.
    pub fn ones(shape: &[usize]) -> Result<Self> {
        full_on("xp.ones", shape, T::ONE, &B::Device::default())
    }

    /// Ones with the shape and device of `self`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i32>::from_vec(vec![3, 4, 5], &[3])?;
    /// assert_eq!(a.ones_like()?.to_vec()?, vec![1, 1, 1]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    pub fn ones_like(&self) -> Result<Self> {
        full_on("xp.ones_like", self.shape(), T::ONE, &self.device())
    }

    /// Evenly spaced values `start, start + step, ...` up to but excluding `stop`, on the default
    /// device. The length is NumPy's `ceil((stop - start) / step)` (0 when that is negative), and
    /// element `i` is `start + i * step` converted to `T` (truncated toward zero for integers).
    ///
    /// ```
    /// use xp_core::Array;
    /// assert_eq!(Array::<i64>::arange(5.0, 0.0, -2.0)?.to_vec()?, vec![5, 3, 1]);
    /// assert_eq!(Array::<f64>::arange(0.0, 1.0, 0.25)?.to_vec()?, vec![0.0, 0.25, 0.5, 0.75]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `step` is zero or any argument is not finite;
    /// [`Error::SizeOverflow`] if the result would not fit in memory addresses.
    pub fn arange(start: f64, stop: f64, step: f64) -> Result<Self> {
        const F: &str = "xp.arange";
        let start = finite(F, "start", start)?;
        let stop = finite(F, "stop", stop)?;
        let step = finite(F, "step", step)?;
        if step == 0.0 {
            return Err(Error::invalid(F, "step", step, "must not be zero"));
        }
        let len = ((stop - start) / step).ceil();
        let n = if len.is_nan() || len <= 0.0 {
            0
        } else if len >= isize::MAX as f64 {
            return Err(Error::SizeOverflow {
                function: F,
                shape: vec![len as usize],
            });
        } else {
            len as usize
        };
        checked_alloc::<T>(F, &[n])?;
        Ok(Array::from_storage(B::arange::<T>(
            start,
            step,
            n,
            &B::Device::default(),
        )?))
    }
}

impl<T: Float, B: Backend> Array<T, B> {
    /// `num` evenly spaced values from `start` to `stop` (included when `endpoint`), on the
    /// default device, computed as NumPy does: in `f64`, `i * step + start` with
    /// `step = (stop - start) / (num - 1)` (or `/ num` without the endpoint), the last value set to
    /// `stop` exactly, then converted to `T`.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::linspace(0.0, 1.0, 5, true)?;
    /// assert_eq!(a.to_vec()?, vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    /// let b = Array::<f32>::linspace(0.0, 1.0, 4, false)?;
    /// assert_eq!(b.to_vec()?, vec![0.0, 0.25, 0.5, 0.75]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if `num` elements do not fit in memory addresses.
    pub fn linspace(start: f64, stop: f64, num: usize, endpoint: bool) -> Result<Self> {
        const F: &str = "xp.linspace";
        checked_alloc::<T>(F, &[num])?;
        checked_alloc::<f64>(F, &[num])?;
        let device = B::Device::default();
        if num == 0 {
            return Ok(Array::from_storage(B::full(&[0], T::ZERO, &device)?));
        }
        let div = if endpoint { num - 1 } else { num };
        let delta = stop - start;
        let idx = B::arange::<f64>(0.0, 1.0, num, &device)?;
        let step = delta / div as f64;
        let y = if div > 0 && step != 0.0 {
            B::map1(&idx, Affine { a: step, b: start })?
        } else {
            // `step` underflowed to zero (or there is a single point): scale by `delta` last, as
            // NumPy does, so the values are not all `start`.
            let scaled = if div > 0 {
                B::map1(
                    &idx,
                    WithRight {
                        kernel: Divide::<f64>::new(),
                        scalar: div as f64,
                    },
                )?
            } else {
                idx
            };
            let scaled = B::map1(
                &scaled,
                WithRight {
                    kernel: Multiply::<f64>::new(),
                    scalar: delta,
                },
            )?;
            B::map1(
                &scaled,
                WithRight {
                    kernel: Add::<f64>::new(),
                    scalar: start,
                },
            )?
        };
        let y = if endpoint && num > 1 {
            let head = B::slice(
                &y,
                &[AxisSlice {
                    start: 0,
                    len: num - 1,
                    step: 1,
                }],
            )?;
            let last = B::full(&[1], stop, &device)?;
            B::concat(&[&head, &last], 0)?
        } else {
            y
        };
        Ok(Array::from_storage(B::map1(&y, Cast::<f64, T>::new())?))
    }
}

impl<T: ComplexFloat, B: Backend> Array<T, B> {
    /// `num` evenly spaced complex values from `start` to `stop` (the standard's `linspace` with
    /// complex bounds). The real and imaginary parts are each spaced as [`Array::linspace`]
    /// spaces reals, which is what NumPy's complex arithmetic computes (`i * step + start` with a
    /// real `i` scales each part separately).
    ///
    /// ```
    /// use xp_core::{Array, c64};
    /// let z = Array::<c64>::linspace_complex(c64::new(0.0, 1.0), c64::new(1.0, -1.0), 3, true)?;
    /// assert_eq!(z.to_vec()?, vec![c64::new(0.0, 1.0), c64::new(0.5, 0.0), c64::new(1.0, -1.0)]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if `num` elements do not fit in memory addresses.
    pub fn linspace_complex(start: T, stop: T, num: usize, endpoint: bool) -> Result<Self> {
        let part = |a: T::Real, b: T::Real| Array::<T::Real, B>::linspace(a.to_f64(), b.to_f64(), num, endpoint);
        let re = part(start.re(), stop.re())?;
        let im = part(start.im(), stop.im())?;
        Array::complex(&re, &im)
    }
}

/// Coordinate matrices from 1-D coordinate vectors (NumPy's `meshgrid`, the standard's
/// `meshgrid`). With inputs of lengths `n0, n1, n2, ...`, every output has shape
/// `(n1, n0, n2, ...)` for [`Indexing::Xy`] or `(n0, n1, n2, ...)` for [`Indexing::Ij`]; output `i`
/// repeats input `i` along every axis but its own. No input gives no output.
///
/// ```
/// use xp_core::Array;
/// use xp_core::array::creation::{Indexing, meshgrid};
/// let x = Array::<f64>::from_slice(&[1.0, 2.0, 3.0])?;
/// let y = Array::<f64>::from_slice(&[10.0, 20.0])?;
/// let g = meshgrid(&[&x, &y], Indexing::Xy)?;
/// assert_eq!(g[0].shape(), &[2, 3]);
/// assert_eq!(g[0].to_vec()?, vec![1.0, 2.0, 3.0, 1.0, 2.0, 3.0]);
/// assert_eq!(g[1].to_vec()?, vec![10.0, 10.0, 10.0, 20.0, 20.0, 20.0]);
/// # Ok::<(), xp_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::Shape`] if an input is not 1-D; [`Error::DeviceMismatch`] if the inputs are on
/// different devices; [`Error::SizeOverflow`] if the grid does not fit in memory addresses.
pub fn meshgrid<T: Element, B: Backend>(arrays: &[&Array<T, B>], indexing: Indexing) -> Result<Vec<Array<T, B>>> {
    const F: &str = "xp.meshgrid";
    let Some(first) = arrays.first() else {
        return Ok(Vec::new());
    };
    let mut lens = Vec::with_capacity(arrays.len());
    for a in arrays {
        check_device(F, first, a)?;
        match a.shape() {
            [n] => lens.push(*n),
            s => return Err(Error::shape(F, "arrays", "1-D arrays", s)),
        }
    }
    let swap = indexing == Indexing::Xy && arrays.len() >= 2;
    // Output axis of input `i`.
    let axis_of = |i: usize| match (swap, i) {
        (true, 0) => 1,
        (true, 1) => 0,
        _ => i,
    };
    let mut out_shape = vec![0; lens.len()];
    for (i, &n) in lens.iter().enumerate() {
        out_shape[axis_of(i)] = n;
    }
    checked_alloc::<T>(F, &out_shape)?;
    arrays
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut s = vec![1; lens.len()];
            s[axis_of(i)] = lens[i];
            let r = B::reshape(&a.storage, &s)?;
            Ok(Array::from_storage(B::broadcast_to(&r, &out_shape)?))
        })
        .collect()
}
