//! Real trigonometric transforms: `dct`, `idct`, `dst`, `idst` (types 1-4) and their N-D forms
//! `dctn`, `idctn`, `dstn`, `idstn`.
//!
//! ## Definitions (SciPy's, unnormalised, for a line `x` of length `N`)
//!
//! | type | DCT `y_k` | DST `y_k` |
//! |---|---|---|
//! | 1 | `x_0 + (-1)^k x_(N-1) + 2 sum_(n=1)^(N-2) x_n cos(pi k n / (N-1))` | `2 sum x_n sin(pi (k+1)(n+1) / (N+1))` |
//! | 2 | `2 sum x_n cos(pi k (2n+1) / 2N)` | `2 sum x_n sin(pi (k+1)(2n+1) / 2N)` |
//! | 3 | `x_0 + 2 sum_(n>=1) x_n cos(pi (2k+1) n / 2N)` | `(-1)^k x_(N-1) + 2 sum_(n<=N-2) x_n sin(pi (2k+1)(n+1) / 2N)` |
//! | 4 | `2 sum x_n cos(pi (2k+1)(2n+1) / 4N)` | `2 sum x_n sin(pi (2k+1)(2n+1) / 4N)` |
//!
//! The inverse of type 2 is type 3 and vice versa; types 1 and 4 are their own inverses. The
//! `idct`/`idst` functions apply the inverse type with the inverse normalisation, so
//! `idct(dct(x)) == x` for every type and norm.
//!
//! ## Normalisation
//! The logical size of an axis of length `N` is `2(N-1)` for DCT-I, `2(N+1)` for DST-I and `2N`
//! otherwise; [`Norm`](crate::Norm) divides by it (or its square root) as for the FFT, using the
//! product over the transformed axes. With `orthogonalize` (the default exactly when `norm` is
//! ortho) SciPy's orthogonalised variants are used: DCT-I multiplies `x_0`, `x_(N-1)` by
//! `sqrt 2` and divides `y_0`, `y_(N-1)` by it; DCT-II divides `y_0` by `sqrt 2`; DCT-III
//! multiplies `x_0` by `sqrt 2`; DST-II divides `y_(N-1)` by `sqrt 2`; DST-III multiplies
//! `x_(N-1)` by `sqrt 2` (the last two follow SciPy's documentation and its fix of gh-18452;
//! SciPy releases before the fix scaled index 0 instead). With `norm = ortho` and
//! `orthogonalize` the transforms are orthonormal.
//!
//! DCT-I needs at least 2 points. Inputs are real (`f32` or `f64`, kept).

use xp_core::Array;

use crate::args;
use crate::backend::{Call, FftBackend, TrigKind};
use crate::element::FftReal;
use crate::error::{FftError, Result};
use crate::options::{DctOptions, DctnOptions, Norm, resolve_workers};

/// The Discrete Cosine Transform of type `opts.kind` along `opts.axis` (SciPy's
/// `scipy.fft.dct`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dct, DctOptions, Norm};
/// let x = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[4])?;
/// let y = dct(&x, &DctOptions::default())?.to_vec()?; // type 2
/// assert!((y[0] - 20.0).abs() < 1e-12); // 2 * sum(x)
/// let o = dct(&x, &DctOptions::default().norm(Norm::Ortho))?.to_vec()?;
/// assert!((o[0] - 5.0).abs() < 1e-12); // sum(x) / sqrt(N) with the orthogonal y_0
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// [`FftError::InvalidType`] for a type outside 1-4; [`FftError::InvalidLength`] for `n = 0`
/// or an empty axis; [`FftError::InvalidParameter`] for DCT-I of one point;
/// [`FftError::AxisOutOfRange`]; [`FftError::InvalidWorkers`]; backend failures.
pub fn dct<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctOptions) -> Result<Array<R, B>> {
    r2r_1d("fft.dct", x, opts, true, false)
}

/// The inverse DCT (SciPy's `scipy.fft.idct`): `idct(dct(x, type=t), type=t) == x`.
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dct, idct, DctOptions, Norm};
/// let x = Array::<f64>::from_vec(vec![0.5, -1.0, 2.0, 3.5, 0.0], &[5])?;
/// for kind in 1..=4 {
///     for norm in [Norm::Backward, Norm::Ortho, Norm::Forward] {
///         let o = DctOptions::default().kind(kind).norm(norm);
///         let back = idct(&dct(&x, &o)?, &o)?;
///         for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///             assert!((a - b).abs() < 1e-13);
///         }
///     }
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dct`].
pub fn idct<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctOptions) -> Result<Array<R, B>> {
    r2r_1d("fft.idct", x, opts, true, true)
}

/// The Discrete Sine Transform of type `opts.kind` (SciPy's `scipy.fft.dst`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dst, DctOptions};
/// let x = Array::<f64>::from_vec(vec![1.0, -1.0, 1.0, -1.0], &[4])?;
/// let y = dst(&x, &DctOptions::default())?.to_vec()?; // type 2
/// for (a, b) in y.iter().zip([0.0, 0.0, 0.0, 8.0]) {
///     assert!((a - b).abs() < 1e-12);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dct`] (DST-I accepts one point).
pub fn dst<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctOptions) -> Result<Array<R, B>> {
    r2r_1d("fft.dst", x, opts, false, false)
}

/// The inverse DST (SciPy's `scipy.fft.idst`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dst, idst, DctOptions};
/// let x = Array::<f32>::from_vec(vec![1.0, 2.0, -3.0], &[3])?;
/// let o = DctOptions::default().kind(1);
/// let back = idst(&dst(&x, &o)?, &o)?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).abs() < 1e-5);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dst`].
pub fn idst<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctOptions) -> Result<Array<R, B>> {
    r2r_1d("fft.idst", x, opts, false, true)
}

/// The N-D DCT over `opts.axes` (SciPy's `scipy.fft.dctn`); `s`/`axes` as in
/// [`fftn`](crate::fftn). With no axes to transform the input is returned.
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dctn, DctnOptions};
/// let x = Array::<f64>::ones(&[2, 3])?;
/// let y = dctn(&x, &DctnOptions::default())?.to_vec()?;
/// assert!((y[0] - 24.0).abs() < 1e-12); // (2 * 2) * (2 * 3) * mean
/// assert!(y[1..].iter().all(|v| v.abs() < 1e-12));
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dct`] and [`fftn`](crate::fftn).
pub fn dctn<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctnOptions) -> Result<Array<R, B>> {
    r2r_nd("fft.dctn", x, opts, true, false)
}

/// The inverse of [`dctn`] (SciPy's `scipy.fft.idctn`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dctn, idctn, DctnOptions, Norm};
/// let x = Array::<f64>::from_vec((0..12).map(f64::from).collect(), &[3, 4])?;
/// let o = DctnOptions::default().kind(3).norm(Norm::Ortho);
/// let back = idctn(&dctn(&x, &o)?, &o)?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).abs() < 1e-12);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dctn`].
pub fn idctn<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctnOptions) -> Result<Array<R, B>> {
    r2r_nd("fft.idctn", x, opts, true, true)
}

/// The N-D DST (SciPy's `scipy.fft.dstn`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dstn, DctnOptions};
/// let x = Array::<f64>::ones(&[2, 2])?;
/// assert_eq!(dstn(&x, &DctnOptions::default().kind(4))?.shape(), &[2, 2]);
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dctn`].
pub fn dstn<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctnOptions) -> Result<Array<R, B>> {
    r2r_nd("fft.dstn", x, opts, false, false)
}

/// The inverse of [`dstn`] (SciPy's `scipy.fft.idstn`).
///
/// ```
/// use xp_core::Array;
/// use xp_fft::{dstn, idstn, DctnOptions};
/// let x = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3])?;
/// let o = DctnOptions::default().axes([1]);
/// let back = idstn(&dstn(&x, &o)?, &o)?;
/// for (a, b) in back.to_vec()?.iter().zip(x.to_vec()?) {
///     assert!((a - b).abs() < 1e-12);
/// }
/// # Ok::<(), xp_fft::FftError>(())
/// ```
///
/// # Errors
/// As [`dctn`].
pub fn idstn<R: FftReal, B: FftBackend>(x: &Array<R, B>, opts: &DctnOptions) -> Result<Array<R, B>> {
    r2r_nd("fft.idstn", x, opts, false, true)
}

/// The transform run for SciPy's `type` (inverses swap types 2 and 3).
fn trig_kind(function: &'static str, kind: u8, cosine: bool, inverse: bool) -> Result<TrigKind> {
    let kind = match (inverse, kind) {
        (true, 2) => 3,
        (true, 3) => 2,
        (_, k) => k,
    };
    TrigKind::new(cosine, kind).ok_or(FftError::InvalidType { function, kind })
}

/// DCT-I is undefined for fewer than 2 points.
fn check_lengths(function: &'static str, kind: TrigKind, lens: &[usize]) -> Result<()> {
    if kind == TrigKind::Dct1
        && let Some(&n) = lens.iter().find(|&&n| n < 2)
    {
        return Err(FftError::invalid(
            function,
            "n",
            n,
            "DCT-I is not defined for fewer than 2 points",
        ));
    }
    Ok(())
}

/// The factor of a transform of `kind` over axes of `lens` (forward unless `inverse`).
fn norm_factor(norm: Norm, kind: TrigKind, lens: &[usize], inverse: bool) -> f64 {
    let size: f64 = lens.iter().map(|&n| kind.logical_size(n)).product();
    norm.factor(!inverse, size)
}

fn r2r_1d<R: FftReal, B: FftBackend>(
    function: &'static str,
    x: &Array<R, B>,
    opts: &DctOptions,
    cosine: bool,
    inverse: bool,
) -> Result<Array<R, B>> {
    let kind = trig_kind(function, opts.kind, cosine, inverse)?;
    let (axis, n) = args::one_axis(function, x.shape(), opts.n, opts.axis)?;
    check_lengths(function, kind, &[n])?;
    let workers = resolve_workers(function, opts.workers)?;
    let x = args::resize(x, &[axis], &[n])?;
    let scale = norm_factor(opts.norm, kind, &[n], inverse);
    let orthogonalize = opts.orthogonalize.unwrap_or(opts.norm == Norm::Ortho);
    B::r2r::<R>(Call::new(function, workers), &x, &[axis], kind, scale, orthogonalize)
}

fn r2r_nd<R: FftReal, B: FftBackend>(
    function: &'static str,
    x: &Array<R, B>,
    opts: &DctnOptions,
    cosine: bool,
    inverse: bool,
) -> Result<Array<R, B>> {
    let kind = trig_kind(function, opts.kind, cosine, inverse)?;
    let (axes, lens) = args::nd_axes(function, x.shape(), opts.s.as_deref(), opts.axes.as_deref())?;
    check_lengths(function, kind, &lens)?;
    let workers = resolve_workers(function, opts.workers)?;
    let x = args::resize(x, &axes, &lens)?;
    let scale = norm_factor(opts.norm, kind, &lens, inverse);
    let orthogonalize = opts.orthogonalize.unwrap_or(opts.norm == Norm::Ortho);
    B::r2r::<R>(Call::new(function, workers), &x, &axes, kind, scale, orthogonalize)
}
