//! Transforms of Hermitian-symmetric data: `hfft`, `ihfft`, `hfft2`, `ihfft2`, `hfftn`, `ihfftn`.
//!
//! These are the real transforms with the roles of the domains exchanged: [`hfft`] takes the
//! first half of a Hermitian-symmetric signal (`m` complex values) and returns its real
//! spectrum of length `n` (default `2 * (m - 1)`); [`ihfft`] takes a real spectrum and returns
//! the half signal. In terms of the real transforms (as SciPy defines them):
//!
//! - `hfft(x, n, norm) = irfft(conj(x), n, norm with backward and forward swapped)`, and
//!   under the default norm it is unscaled;
//! - `ihfft(x, n, norm) = conj(rfft(x, n, norm swapped))`, scaled by `1/n` by default.

use xp_core::Array;

use crate::backend::{Direction, FftBackend};
use crate::element::{FftInput, FftReal};
use crate::error::Result;
use crate::options::{FftOptions, FftnOptions};
use crate::real::{c2r_1d, c2r_nd, r2c_1d, r2c_nd};

/// The FFT of a signal with Hermitian symmetry, given by its first half (SciPy's
/// `scipy.fft.hfft`): real output of length `opts.n`, by default `2 * (m - 1)`.
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{hfft, FftOptions};
/// // The Hermitian signal [1, 2-1i, 3, 2+1i] given by its first three values.
/// let x = Array::<c64>::from_vec(vec![c64::new(1.0, 0.0), c64::new(2.0, -1.0), c64::new(3.0, 0.0)], &[3])?;
/// let y = hfft(&x, &FftOptions::default())?.to_vec()?;
/// for (a, b) in y.iter().zip([8.0, -4.0, 0.0, 0.0]) {
///     assert!((a - b).abs() < 1e-14);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`irfft`](crate::irfft).
pub fn hfft<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftOptions) -> Result<Array<T::Real, B>> {
    c2r_1d("fft.hfft", x, opts, Direction::Forward, opts.norm)
}

/// The inverse of [`hfft`] (SciPy's `scipy.fft.ihfft`): the first `n / 2 + 1` values of the
/// (Hermitian) inverse DFT of real input.
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{hfft, ihfft, FftOptions};
/// let x = Array::<f64>::from_vec(vec![8.0, -4.0, 0.0, 0.0], &[4])?;
/// let h = ihfft(&x, &FftOptions::default())?;
/// let expected = [c64::new(1.0, 0.0), c64::new(2.0, -1.0), c64::new(3.0, 0.0)];
/// for (a, b) in h.to_vec()?.iter().zip(expected) {
///     assert!((a - b).norm() < 1e-14);
/// }
/// let back = hfft(&h, &FftOptions::default())?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).abs() < 1e-14);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`rfft`](crate::rfft).
pub fn ihfft<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &FftOptions) -> Result<Array<R::Complex, B>> {
    r2c_1d("fft.ihfft", x, opts, Direction::Inverse, opts.norm)
}

/// The 2-D FFT of a Hermitian-symmetric signal (SciPy's `scipy.fft.hfft2`): [`hfftn`] with
/// `axes = [-2, -1]` unless `opts.axes` is set.
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{hfft2, FftnOptions};
/// let x = Array::<c64>::ones(&[2, 3])?;
/// let y = hfft2(&x, &FftnOptions::default())?;
/// assert_eq!(y.shape(), &[2, 4]);
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`irfftn`](crate::irfftn).
pub fn hfft2<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftnOptions) -> Result<Array<T::Real, B>> {
    c2r_nd("fft.hfft2", x, opts, Some(&[-2, -1]), Direction::Forward, opts.norm)
}

/// The inverse of [`hfft2`] (SciPy's `scipy.fft.ihfft2`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{hfft2, ihfft2, FftnOptions};
/// let x = Array::<f64>::from_vec((0..12).map(f64::from).collect(), &[3, 4])?;
/// let h = ihfft2(&x, &FftnOptions::default())?;
/// assert_eq!(h.shape(), &[3, 3]);
/// let back = hfft2(&h, &FftnOptions::default().s([3, 4]))?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).abs() < 1e-12);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`rfftn`](crate::rfftn).
pub fn ihfft2<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &FftnOptions) -> Result<Array<R::Complex, B>> {
    r2c_nd("fft.ihfft2", x, opts, Some(&[-2, -1]), Direction::Inverse, opts.norm)
}

/// The N-D FFT of a Hermitian-symmetric signal (SciPy's `scipy.fft.hfftn`): the last
/// transformed axis holds the first half of the signal and becomes `2 * (m - 1)` real values
/// by default.
///
/// ```
/// use xp_core::{Array, c64};
/// use xp_fft::{hfftn, FftnOptions};
/// let x = Array::<c64>::ones(&[2, 2, 3])?;
/// assert_eq!(hfftn(&x, &FftnOptions::default())?.shape(), &[2, 2, 4]);
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`irfftn`](crate::irfftn).
pub fn hfftn<T: FftInput, B: FftBackend>(x: &Array<T, B>, opts: &FftnOptions) -> Result<Array<T::Real, B>> {
    c2r_nd("fft.hfftn", x, opts, None, Direction::Forward, opts.norm)
}

/// The inverse of [`hfftn`] (SciPy's `scipy.fft.ihfftn`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{ihfftn, FftnOptions};
/// let x = Array::<f64>::ones(&[2, 4])?;
/// let h = ihfftn(&x, &FftnOptions::default())?;
/// assert_eq!(h.shape(), &[2, 3]);
/// assert_eq!(h.to_vec()?[0].re, 1.0); // the mean, by the default 1/n scaling
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`rfftn`](crate::rfftn).
pub fn ihfftn<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &FftnOptions) -> Result<Array<R::Complex, B>> {
    r2c_nd("fft.ihfftn", x, opts, None, Direction::Inverse, opts.norm)
}
