//! Complex transforms: `fft`, `ifft`, `fft2`, `ifft2`, `fftn`, `ifftn`.
//!
//! Definitions (SciPy's): with `n` the transform length,
//! `fft: y[k] = sum_j x[j] exp(-2 pi i j k / n)` and `ifft: y[k] = (1/n) sum_j x[j] exp(2 pi i j k / n)`
//! under the default [`Norm::Backward`](crate::Norm); the N-D forms apply the 1-D transform
//! along every listed axis. Real inputs are treated as complex with zero imaginary part; the
//! output is complex of the input's precision (`f32`/`c32` give `c32`).

use xp_core::Array;

use crate::args;
use crate::backend::{Call, Direction, FftBackend};
use crate::element::{ComplexOf, FftInput};
use crate::error::Result;
use crate::options::{FftOptions, FftnOptions, Norm, resolve_workers};

/// The 1-D discrete Fourier transform along `opts.axis` (SciPy's `scipy.fft.fft`).
///
/// `opts.n` crops or zero-pads the axis first; the output has that length on the axis.
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{fft, FftOptions};
/// let x = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[4])?;
/// let y = fft(&x, &FftOptions::default())?;
/// let expected = [c64::new(10.0, 0.0), c64::new(-2.0, 2.0), c64::new(-2.0, 0.0), c64::new(-2.0, -2.0)];
/// for (a, b) in y.to_vec()?.iter().zip(expected) {
///     assert!((a - b).norm() < 1e-14);
/// }
/// // zero-pad to 8 points along the last axis
/// assert_eq!(fft(&x, &FftOptions::default().n(8))?.shape(), &[8]);
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// [`FftError::InvalidLength`](crate::FftError::InvalidLength) for `n = 0` or an empty axis;
/// [`FftError::AxisOutOfRange`](crate::FftError::AxisOutOfRange) (also for a 0-D input);
/// [`FftError::InvalidWorkers`](crate::FftError::InvalidWorkers); backend failures.
pub fn fft<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftOptions) -> Result<Array<ComplexOf<T>, B>> {
    c2c_1d("fft.fft", x, opts, Direction::Forward)
}

/// The 1-D inverse discrete Fourier transform (SciPy's `scipy.fft.ifft`): `ifft(fft(x)) == x`.
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{fft, ifft, FftOptions};
/// let x = Array::<c64>::from_vec(vec![c64::new(1.0, -1.0), c64::new(0.5, 2.0), c64::new(-3.0, 0.0)], &[3])?;
/// let o = FftOptions::default();
/// let back = ifft(&fft(&x, &o)?, &o)?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).norm() < 1e-15);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`fft`].
pub fn ifft<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftOptions) -> Result<Array<ComplexOf<T>, B>> {
    c2c_1d("fft.ifft", x, opts, Direction::Inverse)
}

/// The 2-D discrete Fourier transform (SciPy's `scipy.fft.fft2`): [`fftn`] with
/// `axes = [-2, -1]` unless `opts.axes` is set.
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{fft2, FftnOptions};
/// let x = Array::<f32>::ones(&[2, 3, 4])?;
/// let y = fft2(&x, &FftnOptions::default())?; // over the last two axes, c32 output
/// let v = y.to_vec()?;
/// assert_eq!(y.shape(), &[2, 3, 4]);
/// assert_eq!((v[0].re, v[1].norm()), (12.0, 0.0));
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`fftn`].
pub fn fft2<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftnOptions) -> Result<Array<ComplexOf<T>, B>> {
    c2c_nd("fft.fft2", x, opts, Some(&[-2, -1]), Direction::Forward)
}

/// The 2-D inverse discrete Fourier transform (SciPy's `scipy.fft.ifft2`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{fft2, ifft2, FftnOptions};
/// let x = Array::<f64>::from_vec((0..12).map(f64::from).collect(), &[3, 4])?;
/// let o = FftnOptions::default();
/// let back = ifft2(&fft2(&x, &o)?, &o)?.real()?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).abs() < 1e-13);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`fftn`].
pub fn ifft2<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftnOptions) -> Result<Array<ComplexOf<T>, B>> {
    c2c_nd("fft.ifft2", x, opts, Some(&[-2, -1]), Direction::Inverse)
}

/// The N-D discrete Fourier transform (SciPy's `scipy.fft.fftn`) over `opts.axes` (default:
/// every axis, or the last `len(s)` when only `opts.s` is given), each cropped or zero-padded
/// to `opts.s`. With no axes to transform the result is the input as complex numbers.
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{fftn, FftnOptions};
/// let x = Array::<f64>::ones(&[2, 3, 4])?;
/// let y = fftn(&x, &FftnOptions::default().s([4, 4]).axes([0, 2]))?;
/// assert_eq!(y.shape(), &[4, 3, 4]);
/// assert_eq!(y.to_vec()?[0].re, 8.0); // sum over axes 0 and 2 of the (padded) ones
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// [`FftError::AxisOutOfRange`](crate::FftError::AxisOutOfRange),
/// [`FftError::RepeatedAxis`](crate::FftError::RepeatedAxis),
/// [`FftError::ShapeAxesMismatch`](crate::FftError::ShapeAxesMismatch),
/// [`FftError::InvalidLength`](crate::FftError::InvalidLength) (an entry of `s` below 1, or a
/// transformed axis of length 0), [`FftError::InvalidWorkers`](crate::FftError::InvalidWorkers);
/// backend failures.
pub fn fftn<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftnOptions) -> Result<Array<ComplexOf<T>, B>> {
    c2c_nd("fft.fftn", x, opts, None, Direction::Forward)
}

/// The N-D inverse discrete Fourier transform (SciPy's `scipy.fft.ifftn`).
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{ifftn, FftnOptions};
/// let x = Array::<c64>::ones(&[2, 2])?;
/// let y = ifftn(&x, &FftnOptions::default())?.to_vec()?;
/// for (a, b) in y.iter().zip([1.0, 0.0, 0.0, 0.0]) {
///     assert!((a - c64::new(b, 0.0)).norm() < 1e-15);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`fftn`].
pub fn ifftn<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftnOptions) -> Result<Array<ComplexOf<T>, B>> {
    c2c_nd("fft.ifftn", x, opts, None, Direction::Inverse)
}

/// Shared body of `fft` and `ifft`.
fn c2c_1d<T: FftInput, B: FftBackend>(
    function: &'static str,
    x: &Array<T, B>,
    opts: &FftOptions,
    direction: Direction,
) -> Result<Array<ComplexOf<T>, B>> {
    let (axis, n) = args::one_axis(function, x.shape(), opts.n, opts.axis)?;
    let workers = resolve_workers(function, opts.workers)?;
    let c = args::resize(&T::to_complex(x)?, &[axis], &[n])?;
    let scale = opts.norm.factor(direction == Direction::Forward, n as f64);
    B::c2c::<T::Real>(Call::new(function, workers), &c, &[axis], direction, scale)
}

/// Shared body of the N-D complex transforms; `default_axes` is used when `opts.axes` is `None`.
fn c2c_nd<T: FftInput, B: FftBackend>(
    function: &'static str,
    x: &Array<T, B>,
    opts: &FftnOptions,
    default_axes: Option<&[isize]>,
    direction: Direction,
) -> Result<Array<ComplexOf<T>, B>> {
    let (axes, lens) = args::nd_axes(
        function,
        x.shape(),
        opts.s.as_deref(),
        opts.axes.as_deref().or(default_axes),
    )?;
    let workers = resolve_workers(function, opts.workers)?;
    let c = args::resize(&T::to_complex(x)?, &axes, &lens)?;
    let scale = norm_factor(opts.norm, direction, &lens);
    B::c2c::<T::Real>(Call::new(function, workers), &c, &axes, direction, scale)
}

/// The normalisation factor of a transform in `direction` over axes of lengths `lens`.
pub(crate) fn norm_factor(norm: Norm, direction: Direction, lens: &[usize]) -> f64 {
    norm.factor(direction == Direction::Forward, args::logical_size(lens))
}
