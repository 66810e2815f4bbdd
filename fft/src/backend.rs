//! [`FftBackend`]: the extension trait every backend implements to run `xp-fft`.
//!
//! The public functions ([`crate::fft`], [`crate::rfftn`], [`crate::dct`], ...) validate SciPy's
//! keywords, crop or zero-pad the input, compute the normalisation factor, and then call one of
//! four engine methods of this trait:
//!
//! | method | transform |
//! |---|---|
//! | [`FftBackend::c2c`] | complex to complex over some axes |
//! | [`FftBackend::r2c`] | real to complex (half spectrum on the last axis), complex on the rest |
//! | [`FftBackend::c2r`] | complex (half spectrum) to real |
//! | [`FftBackend::r2r`] | real trigonometric transforms (DCT/DST types 1-4) |
//!
//! Each method has a default body: the **generic** path in [`crate::generic`], written against
//! the `xp-core` namespace only, which records `Path::Generic` in the dispatch trace. A backend
//! overrides the methods it can run natively; a third-party backend gets every transform with
//! `impl xp_fft::FftBackend for MyBackend {}`.
//!
//! ```
//! use xp_core::{Array, Strict, trace};
//! use xp_fft::{fft, FftOptions};
//! let x = Array::<f64, Strict>::from_vec(vec![1.0, 2.0, 3.0], &[3])?;
//! let (y, records) = trace::capture(|| fft(&x, &FftOptions::default()));
//! assert_eq!(y?.shape(), &[3]);
//! assert_eq!(records.last().map(|r| r.path), Some(trace::Path::Generic));
//! # Ok::<(), xp_fft::FftError>(())
//! ```

use xp_core::trace::{self, Path};
use xp_core::{Array, Backend, Strict};

use crate::element::FftReal;
use crate::error::Result;
use crate::generic;

/// The sign of the exponent of a complex transform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// `exp(-2 pi i j k / n)`: `fft`, `rfft`, `hfft`.
    Forward,
    /// `exp(+2 pi i j k / n)`: `ifft`, `irfft`, `ihfft`.
    Inverse,
}

impl Direction {
    /// `-1.0` for [`Direction::Forward`], `+1.0` for [`Direction::Inverse`].
    ///
    /// ```
    /// use xp_fft::Direction;
    /// assert_eq!((Direction::Forward.sign(), Direction::Inverse.sign()), (-1.0, 1.0));
    /// ```
    pub const fn sign(self) -> f64 {
        match self {
            Direction::Forward => -1.0,
            Direction::Inverse => 1.0,
        }
    }
}

/// A real trigonometric transform, with SciPy's unnormalised definitions (see [`crate::trig`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrigKind {
    /// DCT type 1.
    Dct1,
    /// DCT type 2 ("the" DCT).
    Dct2,
    /// DCT type 3 ("the" inverse DCT, up to scale).
    Dct3,
    /// DCT type 4.
    Dct4,
    /// DST type 1.
    Dst1,
    /// DST type 2.
    Dst2,
    /// DST type 3.
    Dst3,
    /// DST type 4.
    Dst4,
}

impl TrigKind {
    /// The transform of `kind` 1-4; `cosine` picks DCT or DST. `None` for other kinds.
    ///
    /// ```
    /// use xp_fft::TrigKind;
    /// assert_eq!(TrigKind::new(false, 3), Some(TrigKind::Dst3));
    /// assert_eq!(TrigKind::new(true, 5), None);
    /// ```
    pub const fn new(cosine: bool, kind: u8) -> Option<TrigKind> {
        Some(match (cosine, kind) {
            (true, 1) => TrigKind::Dct1,
            (true, 2) => TrigKind::Dct2,
            (true, 3) => TrigKind::Dct3,
            (true, 4) => TrigKind::Dct4,
            (false, 1) => TrigKind::Dst1,
            (false, 2) => TrigKind::Dst2,
            (false, 3) => TrigKind::Dst3,
            (false, 4) => TrigKind::Dst4,
            _ => return None,
        })
    }

    /// SciPy's orthogonalisation factors, `((x_0, x_(n-1)), (y_0, y_(n-1)))`: multiply the
    /// first and last inputs before the transform and the first and last outputs after it.
    pub(crate) fn orthogonal_edges(self) -> ((f64, f64), (f64, f64)) {
        use std::f64::consts::SQRT_2;
        let r = 1.0 / SQRT_2;
        match self {
            TrigKind::Dct1 => ((SQRT_2, SQRT_2), (r, r)),
            TrigKind::Dct2 => ((1.0, 1.0), (r, 1.0)),
            TrigKind::Dct3 => ((SQRT_2, 1.0), (1.0, 1.0)),
            TrigKind::Dst2 => ((1.0, 1.0), (1.0, r)),
            TrigKind::Dst3 => ((1.0, SQRT_2), (1.0, 1.0)),
            TrigKind::Dct4 | TrigKind::Dst1 | TrigKind::Dst4 => ((1.0, 1.0), (1.0, 1.0)),
        }
    }

    /// The logical size of one axis of length `n`, which normalisation divides by: `2(n-1)` for
    /// DCT-I, `2(n+1)` for DST-I, `2n` otherwise.
    ///
    /// ```
    /// use xp_fft::TrigKind;
    /// assert_eq!(TrigKind::Dct1.logical_size(5), 8.0);
    /// assert_eq!(TrigKind::Dst1.logical_size(5), 12.0);
    /// assert_eq!(TrigKind::Dct2.logical_size(5), 10.0);
    /// ```
    pub fn logical_size(self, n: usize) -> f64 {
        let n = n as f64;
        match self {
            TrigKind::Dct1 => 2.0 * (n - 1.0),
            TrigKind::Dst1 => 2.0 * (n + 1.0),
            _ => 2.0 * n,
        }
    }
}

/// What an engine method needs to know about the call besides the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Call {
    /// SciPy-style name of the public function (`"fft.rfft2"`), for the trace and errors.
    pub function: &'static str,
    /// Threads to use (`None`: the current rayon pool).
    pub workers: Option<usize>,
}

impl Call {
    /// A call of `function` with `workers` threads.
    ///
    /// ```
    /// use xp_fft::Call;
    /// let c = Call::new("fft.fft", Some(2));
    /// assert_eq!((c.function, c.workers), ("fft.fft", Some(2)));
    /// ```
    pub const fn new(function: &'static str, workers: Option<usize>) -> Self {
        Call { function, workers }
    }
}

/// The FFT engine of a backend. See the [module docs](self).
///
/// Contract: the public functions call these methods with `axes` distinct and in range, every
/// transformed axis already at its transform length (at least 1; for [`FftBackend::c2r`] the
/// last axis holds `n / 2 + 1` values), and `scale` the normalisation factor to multiply the
/// result by. Implementations record one dispatch in [`xp_core::trace`] under `call.function`.
pub trait FftBackend: Backend {
    /// Complex-to-complex transform over `axes`, times `scale`.
    ///
    /// # Errors
    /// Backend failures.
    fn c2c<R: FftReal>(
        call: Call,
        x: &Array<R::Complex, Self>,
        axes: &[usize],
        direction: Direction,
        scale: f64,
    ) -> Result<Array<R::Complex, Self>> {
        trace::record(call.function, Self::NAME, Path::Generic);
        generic::c2c::<Self, R>(x, axes, direction, scale)
    }

    /// Real-to-complex transform: the last of `axes` (length `n`) becomes `n / 2 + 1` complex
    /// values (the non-negative frequencies), then the other axes are transformed as complex;
    /// times `scale`.
    ///
    /// # Errors
    /// Backend failures.
    fn r2c<R: FftReal>(
        call: Call,
        x: &Array<R, Self>,
        axes: &[usize],
        direction: Direction,
        scale: f64,
    ) -> Result<Array<R::Complex, Self>> {
        trace::record(call.function, Self::NAME, Path::Generic);
        generic::r2c::<Self, R>(x, axes, direction, scale)
    }

    /// Complex-to-real transform, the inverse of [`FftBackend::r2c`]: the other axes are
    /// transformed as complex, then the last of `axes` (holding `n / 2 + 1` values of a
    /// Hermitian-symmetric spectrum; imaginary parts of the zero and Nyquist frequencies are
    /// ignored) becomes `n` real values; times `scale`.
    ///
    /// # Errors
    /// Backend failures.
    fn c2r<R: FftReal>(
        call: Call,
        x: &Array<R::Complex, Self>,
        axes: &[usize],
        n: usize,
        direction: Direction,
        scale: f64,
    ) -> Result<Array<R, Self>> {
        trace::record(call.function, Self::NAME, Path::Generic);
        generic::c2r::<Self, R>(x, axes, n, direction, scale)
    }

    /// A DCT or DST of `kind` over `axes`, times `scale`; with `orthogonalize`, SciPy's
    /// orthogonalised variant (boundary terms scaled by `sqrt(2)`).
    ///
    /// # Errors
    /// Backend failures.
    fn r2r<R: FftReal>(
        call: Call,
        x: &Array<R, Self>,
        axes: &[usize],
        kind: TrigKind,
        scale: f64,
        orthogonalize: bool,
    ) -> Result<Array<R, Self>> {
        trace::record(call.function, Self::NAME, Path::Generic);
        generic::r2r::<Self, R>(x, axes, kind, scale, orthogonalize)
    }
}

/// The reference backend runs the generic path.
impl FftBackend for Strict {}
