//! SciPy's keyword arguments as options structs: one per keyword set, each with SciPy's defaults
//! ([`Default`]), builder setters, and `#[non_exhaustive]` so new knobs never break callers.
//!
//! | SciPy keywords | struct | used by |
//! |---|---|---|
//! | `n, axis, norm, overwrite_x, workers` | [`FftOptions`] | `fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft` |
//! | `s, axes, norm, overwrite_x, workers` | [`FftnOptions`] | the `*2` and `*n` transforms |
//! | `type, n, axis, norm, overwrite_x, workers, orthogonalize` | [`DctOptions`] | `dct`, `idct`, `dst`, `idst` |
//! | `type, s, axes, norm, overwrite_x, workers, orthogonalize` | [`DctnOptions`] | `dctn`, `idctn`, `dstn`, `idstn` |
//!
//! ```
//! use xp_fft::{FftOptions, Norm};
//! // scipy.fft.fft(x, n=16, axis=0, norm="ortho", workers=2)
//! let opts = FftOptions::default().n(16).axis(0).norm(Norm::Ortho).workers(2);
//! assert_eq!(opts.n, Some(16));
//! ```

use std::str::FromStr;

use crate::error::{FftError, Result};

/// Normalisation mode (SciPy's `norm`): which direction carries the `1/n` factor.
///
/// | mode | forward transform | inverse transform |
/// |---|---|---|
/// | [`Norm::Backward`] (default, SciPy's `None`) | unscaled | `1/n` |
/// | [`Norm::Ortho`] | `1/sqrt(n)` | `1/sqrt(n)` |
/// | [`Norm::Forward`] | `1/n` | unscaled |
///
/// `n` is the product of the logical lengths of the transformed axes (for real-to-complex
/// transforms the length of the real side; for the DCT/DST see [`crate::trig`]).
///
/// ```
/// use xp_fft::Norm;
/// assert_eq!("ortho".parse::<Norm>()?, Norm::Ortho);
/// assert_eq!(Norm::default(), Norm::Backward);
/// assert!("unitary".parse::<Norm>().is_err());
/// # Ok::<(), xp_fft::FftError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Norm {
    /// No scaling forward, `1/n` backward (SciPy's default, also `norm=None`).
    #[default]
    Backward,
    /// `1/sqrt(n)` both ways: the transforms are unitary.
    Ortho,
    /// `1/n` forward, no scaling backward.
    Forward,
}

impl Norm {
    /// SciPy's name of the mode (`"backward"`, `"ortho"`, `"forward"`).
    ///
    /// ```
    /// assert_eq!(xp_fft::Norm::Ortho.name(), "ortho");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Norm::Backward => "backward",
            Norm::Ortho => "ortho",
            Norm::Forward => "forward",
        }
    }

    /// Parses SciPy's names; the empty string and `"none"` are the default, as SciPy's `None`.
    ///
    /// ```
    /// use xp_fft::Norm;
    /// assert_eq!(Norm::parse("fft.fft", "forward")?, Norm::Forward);
    /// assert_eq!(Norm::parse("fft.fft", "none")?, Norm::Backward);
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    ///
    /// # Errors
    /// [`FftError::InvalidNorm`] naming `function` for any other string.
    pub fn parse(function: &'static str, value: &str) -> Result<Norm> {
        match value {
            "backward" | "" | "none" | "None" => Ok(Norm::Backward),
            "ortho" => Ok(Norm::Ortho),
            "forward" => Ok(Norm::Forward),
            _ => Err(FftError::InvalidNorm {
                function,
                value: value.to_string(),
            }),
        }
    }

    /// The mode with the directions exchanged (backward and forward swap; ortho stays), as
    /// `hfft` and `ihfft` use it on top of `irfft` and `rfft`.
    ///
    /// ```
    /// use xp_fft::Norm;
    /// assert_eq!(Norm::Backward.swapped(), Norm::Forward);
    /// assert_eq!(Norm::Ortho.swapped(), Norm::Ortho);
    /// ```
    pub const fn swapped(self) -> Norm {
        match self {
            Norm::Backward => Norm::Forward,
            Norm::Ortho => Norm::Ortho,
            Norm::Forward => Norm::Backward,
        }
    }

    /// The factor applied to a transform of logical size `n` in the forward (`forward = true`)
    /// or inverse direction.
    pub(crate) fn factor(self, forward: bool, n: f64) -> f64 {
        match (self, forward) {
            (Norm::Ortho, _) => 1.0 / n.sqrt(),
            (Norm::Backward, true) | (Norm::Forward, false) => 1.0,
            (Norm::Backward, false) | (Norm::Forward, true) => 1.0 / n,
        }
    }
}

impl FromStr for Norm {
    type Err = FftError;
    fn from_str(s: &str) -> Result<Norm> {
        Norm::parse("fft.norm", s)
    }
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Resolves SciPy's `workers`: `None` runs in the current rayon pool (all cores by default);
/// a positive count runs on that many threads; a negative one wraps around from the number of
/// CPUs (`-1`: all of them).
pub(crate) fn resolve_workers(function: &'static str, workers: Option<isize>) -> Result<Option<usize>> {
    let Some(w) = workers else {
        return Ok(None);
    };
    let cpus = std::thread::available_parallelism().map_or(1, usize::from) as isize;
    if w == 0 {
        return Err(FftError::InvalidWorkers {
            function,
            workers: w,
            reason: "workers must not be zero".into(),
        });
    }
    if w < 0 {
        if w < -cpus {
            return Err(FftError::InvalidWorkers {
                function,
                workers: w,
                reason: format!("workers value out of range, must not be less than {}", -cpus),
            });
        }
        return Ok(Some((w + 1 + cpus) as usize));
    }
    Ok(Some(w as usize))
}

/// Keywords of the 1-D transforms (`fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft`).
///
/// ```
/// use xp_fft::{FftOptions, Norm};
/// let o = FftOptions::default();
/// assert_eq!((o.n, o.axis, o.norm, o.workers, o.overwrite_x), (None, -1, Norm::Backward, None, false));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FftOptions {
    /// Length of the transformed axis (SciPy's `n`): the input is cropped or zero-padded to it.
    /// `None`: the input's length (for `irfft`/`hfft`: `2 * (m - 1)`).
    pub n: Option<usize>,
    /// The axis to transform; negative counts from the end (default `-1`).
    pub axis: isize,
    /// Normalisation mode.
    pub norm: Norm,
    /// Threads (SciPy's `workers`): `None` = the current rayon pool (all cores by default);
    /// negative values wrap around from the CPU count; 0 is an error.
    pub workers: Option<isize>,
    /// Accepted for SciPy compatibility: inputs are never modified (arrays are immutable).
    pub overwrite_x: bool,
}

impl Default for FftOptions {
    fn default() -> Self {
        FftOptions {
            n: None,
            axis: -1,
            norm: Norm::Backward,
            workers: None,
            overwrite_x: false,
        }
    }
}

impl FftOptions {
    /// The defaults (same as [`Default::default`]).
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `n`.
    pub fn n(mut self, n: usize) -> Self {
        self.n = Some(n);
        self
    }
    /// Sets `axis`.
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = axis;
        self
    }
    /// Sets `norm`.
    pub fn norm(mut self, norm: Norm) -> Self {
        self.norm = norm;
        self
    }
    /// Sets `workers`.
    pub fn workers(mut self, workers: isize) -> Self {
        self.workers = Some(workers);
        self
    }
    /// Sets `overwrite_x` (accepted, no effect).
    pub fn overwrite_x(mut self, overwrite_x: bool) -> Self {
        self.overwrite_x = overwrite_x;
        self
    }
}

/// Keywords of the N-D transforms (`fft2`, `fftn`, `rfftn`, `irfftn`, `hfftn`, ... and their
/// inverses).
///
/// `s` and `axes` follow SciPy: with both `None` every axis is transformed at its own length;
/// with only `s`, the last `len(s)` axes; with only `axes`, those axes at their own lengths. An
/// entry `-1` in `s` means "the input's length on that axis". The `*2` functions use
/// `axes = [-2, -1]` when `axes` is `None`.
///
/// ```
/// use xp_fft::FftnOptions;
/// let o = FftnOptions::default().s([8, -1]).axes([0, 2]);
/// assert_eq!(o.s, Some(vec![8, -1]));
/// assert_eq!(o.axes, Some(vec![0, 2]));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FftnOptions {
    /// Lengths of the transformed axes (SciPy's `s`); `-1` keeps an axis's length.
    pub s: Option<Vec<isize>>,
    /// The axes to transform (SciPy's `axes`); negative values count from the end.
    pub axes: Option<Vec<isize>>,
    /// Normalisation mode.
    pub norm: Norm,
    /// Threads, as [`FftOptions::workers`].
    pub workers: Option<isize>,
    /// Accepted for SciPy compatibility (no effect).
    pub overwrite_x: bool,
}

impl FftnOptions {
    /// The defaults (same as [`Default::default`]).
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `s`.
    pub fn s(mut self, s: impl Into<Vec<isize>>) -> Self {
        self.s = Some(s.into());
        self
    }
    /// Sets `axes`.
    pub fn axes(mut self, axes: impl Into<Vec<isize>>) -> Self {
        self.axes = Some(axes.into());
        self
    }
    /// Sets `norm`.
    pub fn norm(mut self, norm: Norm) -> Self {
        self.norm = norm;
        self
    }
    /// Sets `workers`.
    pub fn workers(mut self, workers: isize) -> Self {
        self.workers = Some(workers);
        self
    }
    /// Sets `overwrite_x` (accepted, no effect).
    pub fn overwrite_x(mut self, overwrite_x: bool) -> Self {
        self.overwrite_x = overwrite_x;
        self
    }
}

/// Keywords of the 1-D real trigonometric transforms (`dct`, `idct`, `dst`, `idst`).
///
/// ```
/// use xp_fft::{DctOptions, Norm};
/// let o = DctOptions::default().kind(4).norm(Norm::Ortho);
/// assert_eq!((o.kind, o.orthogonalize), (4, None));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DctOptions {
    /// The transform type, 1 to 4 (SciPy's `type`; default 2).
    pub kind: u8,
    /// Length of the transformed axis: the input is cropped or zero-padded to it.
    pub n: Option<usize>,
    /// The axis to transform (default `-1`).
    pub axis: isize,
    /// Normalisation mode.
    pub norm: Norm,
    /// Threads, as [`FftOptions::workers`].
    pub workers: Option<isize>,
    /// Accepted for SciPy compatibility (no effect).
    pub overwrite_x: bool,
    /// Whether to use the orthogonalised variant; `None`: true exactly when `norm` is
    /// [`Norm::Ortho`] (SciPy's default).
    pub orthogonalize: Option<bool>,
}

impl Default for DctOptions {
    fn default() -> Self {
        DctOptions {
            kind: 2,
            n: None,
            axis: -1,
            norm: Norm::Backward,
            workers: None,
            overwrite_x: false,
            orthogonalize: None,
        }
    }
}

impl DctOptions {
    /// The defaults (same as [`Default::default`]).
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the type (SciPy's `type`).
    pub fn kind(mut self, kind: u8) -> Self {
        self.kind = kind;
        self
    }
    /// Sets `n`.
    pub fn n(mut self, n: usize) -> Self {
        self.n = Some(n);
        self
    }
    /// Sets `axis`.
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = axis;
        self
    }
    /// Sets `norm`.
    pub fn norm(mut self, norm: Norm) -> Self {
        self.norm = norm;
        self
    }
    /// Sets `workers`.
    pub fn workers(mut self, workers: isize) -> Self {
        self.workers = Some(workers);
        self
    }
    /// Sets `overwrite_x` (accepted, no effect).
    pub fn overwrite_x(mut self, overwrite_x: bool) -> Self {
        self.overwrite_x = overwrite_x;
        self
    }
    /// Sets `orthogonalize`.
    pub fn orthogonalize(mut self, orthogonalize: bool) -> Self {
        self.orthogonalize = Some(orthogonalize);
        self
    }
}

/// Keywords of the N-D real trigonometric transforms (`dctn`, `idctn`, `dstn`, `idstn`); `s`
/// and `axes` as in [`FftnOptions`].
///
/// ```
/// use xp_fft::DctnOptions;
/// let o = DctnOptions::default().kind(1).axes([0]);
/// assert_eq!((o.kind, o.axes), (1, Some(vec![0])));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DctnOptions {
    /// The transform type, 1 to 4 (default 2).
    pub kind: u8,
    /// Lengths of the transformed axes; `-1` keeps an axis's length.
    pub s: Option<Vec<isize>>,
    /// The axes to transform.
    pub axes: Option<Vec<isize>>,
    /// Normalisation mode.
    pub norm: Norm,
    /// Threads, as [`FftOptions::workers`].
    pub workers: Option<isize>,
    /// Accepted for SciPy compatibility (no effect).
    pub overwrite_x: bool,
    /// Whether to use the orthogonalised variant (`None`: when `norm` is ortho).
    pub orthogonalize: Option<bool>,
}

impl Default for DctnOptions {
    fn default() -> Self {
        DctnOptions {
            kind: 2,
            s: None,
            axes: None,
            norm: Norm::Backward,
            workers: None,
            overwrite_x: false,
            orthogonalize: None,
        }
    }
}

impl DctnOptions {
    /// The defaults (same as [`Default::default`]).
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the type (SciPy's `type`).
    pub fn kind(mut self, kind: u8) -> Self {
        self.kind = kind;
        self
    }
    /// Sets `s`.
    pub fn s(mut self, s: impl Into<Vec<isize>>) -> Self {
        self.s = Some(s.into());
        self
    }
    /// Sets `axes`.
    pub fn axes(mut self, axes: impl Into<Vec<isize>>) -> Self {
        self.axes = Some(axes.into());
        self
    }
    /// Sets `norm`.
    pub fn norm(mut self, norm: Norm) -> Self {
        self.norm = norm;
        self
    }
    /// Sets `workers`.
    pub fn workers(mut self, workers: isize) -> Self {
        self.workers = Some(workers);
        self
    }
    /// Sets `overwrite_x` (accepted, no effect).
    pub fn overwrite_x(mut self, overwrite_x: bool) -> Self {
        self.overwrite_x = overwrite_x;
        self
    }
    /// Sets `orthogonalize`.
    pub fn orthogonalize(mut self, orthogonalize: bool) -> Self {
        self.orthogonalize = Some(orthogonalize);
        self
    }
}

/// Keywords of the fast Hankel transforms ([`crate::fht`], [`crate::ifht`]): SciPy's `offset`
/// and `bias`.
///
/// ```
/// use xp_fft::FhtOptions;
/// let o = FhtOptions::default().offset(0.5).bias(-0.25);
/// assert_eq!((o.offset, o.bias), (0.5, -0.25));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct FhtOptions {
    /// Offset of the uniform logarithmic spacing of the output (`ln(k_c r_c)`, default 0).
    pub offset: f64,
    /// Exponent of the power-law bias (default 0).
    pub bias: f64,
}

impl FhtOptions {
    /// The defaults (same as [`Default::default`]).
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `offset`.
    pub fn offset(mut self, offset: f64) -> Self {
        self.offset = offset;
        self
    }
    /// Sets `bias`.
    pub fn bias(mut self, bias: f64) -> Self {
        self.bias = bias;
        self
    }
}
