//! Element types of the transforms: [`FftReal`] (`f32`, `f64`) and [`FftInput`] (those and their
//! complex types [`c32`](xp_core::c32), [`c64`](xp_core::c64)). Single precision stays single
//! precision: `f32` and `c32` inputs give `c32` (or `f32`) outputs.

use num_complex::Complex;
use xp_core::{Array, Backend, ComplexFloat, Element, RealFloat, c32, c64};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for xp_core::c32 {}
    impl Sealed for xp_core::c64 {}
}

/// The real precision of a transform: `f32` or `f64`. Sealed.
pub trait FftReal: RealFloat + rustdct::DctNum + sealed::Sealed {
    /// The complex type of the same precision ([`c32`] for `f32`, [`c64`] for `f64`).
    type Complex: ComplexFloat<Real = Self>;

    /// Views complex elements as `num_complex` values (the identity: `Self::Complex` is
    /// `Complex<Self>`), for the native engines.
    #[doc(hidden)]
    fn as_num(s: &[Self::Complex]) -> &[Complex<Self>];

    /// Mutable form of [`FftReal::as_num`].
    #[doc(hidden)]
    fn as_num_mut(s: &mut [Self::Complex]) -> &mut [Complex<Self>];

    /// A complex value from its parts in `f64` (rounded to this precision).
    #[doc(hidden)]
    fn complex_from_f64(re: f64, im: f64) -> Self::Complex {
        <Self::Complex as ComplexFloat>::new(
            <Self as xp_core::Numeric>::from_f64(re),
            <Self as xp_core::Numeric>::from_f64(im),
        )
    }
}

impl FftReal for f32 {
    type Complex = c32;
    #[inline(always)]
    fn as_num(s: &[c32]) -> &[Complex<f32>] {
        s
    }
    #[inline(always)]
    fn as_num_mut(s: &mut [c32]) -> &mut [Complex<f32>] {
        s
    }
}

impl FftReal for f64 {
    type Complex = c64;
    #[inline(always)]
    fn as_num(s: &[c64]) -> &[Complex<f64>] {
        s
    }
    #[inline(always)]
    fn as_num_mut(s: &mut [c64]) -> &mut [Complex<f64>] {
        s
    }
}

/// The complex type of the same precision as an input type (`c64` for `f64` and `c64`).
pub type ComplexOf<T> = <<T as FftInput>::Real as FftReal>::Complex;

/// Input types of the complex transforms (`fft`, `irfft`, `hfft`, ...): `f32`, `f64`, [`c32`],
/// [`c64`]. Real inputs are treated as complex numbers with zero imaginary part. Sealed.
pub trait FftInput: Element + sealed::Sealed {
    /// The real type of the same precision.
    type Real: FftReal;
    /// Whether this is a complex type.
    const IS_COMPLEX: bool;
    /// `x` as complex numbers of the same precision (a cheap clone for complex `x`).
    ///
    /// ```
    /// use xp_core::{Array, c32};
    /// use xp_fft::FftInput;
    /// let x = Array::<f32>::from_vec(vec![1.0, -2.0], &[2])?;
    /// assert_eq!(f32::to_complex(&x)?.to_vec()?, vec![c32::new(1.0, 0.0), c32::new(-2.0, 0.0)]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only a backend failure.
    fn to_complex<B: Backend>(x: &Array<Self, B>) -> xp_core::Result<Array<ComplexOf<Self>, B>>;
}

impl FftInput for f32 {
    type Real = f32;
    const IS_COMPLEX: bool = false;
    fn to_complex<B: Backend>(x: &Array<f32, B>) -> xp_core::Result<Array<c32, B>> {
        x.astype::<c32>()
    }
}

impl FftInput for f64 {
    type Real = f64;
    const IS_COMPLEX: bool = false;
    fn to_complex<B: Backend>(x: &Array<f64, B>) -> xp_core::Result<Array<c64, B>> {
        x.astype::<c64>()
    }
}

impl FftInput for c32 {
    type Real = f32;
    const IS_COMPLEX: bool = true;
    fn to_complex<B: Backend>(x: &Array<c32, B>) -> xp_core::Result<Array<c32, B>> {
        Ok(x.clone())
    }
}

impl FftInput for c64 {
    type Real = f64;
    const IS_COMPLEX: bool = true;
    fn to_complex<B: Backend>(x: &Array<c64, B>) -> xp_core::Result<Array<c64, B>> {
        Ok(x.clone())
    }
}
