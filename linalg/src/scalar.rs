//! [`LinalgScalar`]: the element types `xp-linalg` works on (`f32`, `f64`, [`c32`], [`c64`]),
//! with their real and complex companions and the few kernels whose real and complex forms
//! differ (general eigenvalues and the Schur form).

use faer::{MatMut, MatRef, Par};
use xp_core::{ComplexFloat, Float, Numeric, RealFloat, c32, c64};

use crate::kernels;

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for xp_core::c32 {}
    impl Sealed for xp_core::c64 {}
}

/// A floating element type that linear algebra runs on: `f32`, `f64`, [`c32`], [`c64`].
///
/// Sealed. Single precision stays single precision: every function returns `T`, `T::Re` or
/// `T::Cx` of the precision it was given.
pub trait LinalgScalar: Float<Real = <Self as LinalgScalar>::Re> + faer::traits::ComplexField + sealed::Sealed {
    /// The real type of the same precision (`f64` for [`c64`]).
    type Re: LinalgScalar<Re = Self::Re, Cx = Self::Cx> + RealFloat;
    /// The complex type of the same precision ([`c64`] for `f64`).
    type Cx: LinalgScalar<Re = Self::Re, Cx = Self::Cx> + ComplexFloat;
    /// Whether this is a complex type.
    const IS_COMPLEX: bool;

    /// The real part.
    fn real_part(self) -> Self::Re;
    /// The imaginary part (0 for real types).
    fn imag_part(self) -> Self::Re;
    /// Builds a value from a real number.
    fn from_re(r: Self::Re) -> Self;
    /// This value as the complex type.
    fn to_cx(self) -> Self::Cx;
    /// The complex number `re + i im` of this precision.
    fn cx(re: Self::Re, im: Self::Re) -> Self::Cx;
    /// The modulus as the real type.
    fn modulus(self) -> Self::Re {
        Self::Re::from_f64(self.abs2_f64().sqrt())
    }

    /// Eigenvalues `w` and (optionally) left and right eigenvectors of the square `a`, written to
    /// column-major `n x n` buffers. Real matrices give complex conjugate pairs.
    #[doc(hidden)]
    fn eig_kernel(
        a: MatRef<'_, Self>,
        w: &mut [Self::Cx],
        vl: Option<&mut [Self::Cx]>,
        vr: Option<&mut [Self::Cx]>,
        par: Par,
    ) -> Result<(), kernels::Failure>;

    /// Overwrites the square `t` (holding `a`) with its Schur form (quasi-triangular for real
    /// types) and `z` with the unitary factor, `a = z t z^H`; `w` gets the eigenvalues.
    #[doc(hidden)]
    fn schur_kernel(
        t: MatMut<'_, Self>,
        z: MatMut<'_, Self>,
        w: &mut [Self::Cx],
        par: Par,
    ) -> Result<(), kernels::Failure>;
}

macro_rules! real_scalar {
    ($t:ty, $c:ty) => {
        impl LinalgScalar for $t {
            type Re = $t;
            type Cx = $c;
            const IS_COMPLEX: bool = false;
            #[inline(always)]
            fn real_part(self) -> $t {
                self
            }
            #[inline(always)]
            fn imag_part(self) -> $t {
                0.0
            }
            #[inline(always)]
            fn from_re(r: $t) -> Self {
                r
            }
            #[inline(always)]
            fn to_cx(self) -> $c {
                <$c>::new(self, 0.0)
            }
            #[inline(always)]
            fn cx(re: $t, im: $t) -> $c {
                <$c>::new(re, im)
            }
            #[inline(always)]
            fn modulus(self) -> $t {
                self.abs()
            }
            fn eig_kernel(
                a: MatRef<'_, Self>,
                w: &mut [$c],
                vl: Option<&mut [$c]>,
                vr: Option<&mut [$c]>,
                par: Par,
            ) -> Result<(), kernels::Failure> {
                kernels::eig::real_eig::<$t>(a, w, vl, vr, par)
            }
            fn schur_kernel(
                t: MatMut<'_, Self>,
                z: MatMut<'_, Self>,
                w: &mut [$c],
                par: Par,
            ) -> Result<(), kernels::Failure> {
                kernels::schur::real_schur::<$t>(t, z, w, par)
            }
        }
    };
}

macro_rules! complex_scalar {
    ($r:ty, $c:ty) => {
        impl LinalgScalar for $c {
            type Re = $r;
            type Cx = $c;
            const IS_COMPLEX: bool = true;
            #[inline(always)]
            fn real_part(self) -> $r {
                self.re
            }
            #[inline(always)]
            fn imag_part(self) -> $r {
                self.im
            }
            #[inline(always)]
            fn from_re(r: $r) -> Self {
                <$c>::new(r, 0.0)
            }
            #[inline(always)]
            fn to_cx(self) -> $c {
                self
            }
            #[inline(always)]
            fn cx(re: $r, im: $r) -> $c {
                <$c>::new(re, im)
            }
            #[inline(always)]
            fn modulus(self) -> $r {
                self.norm()
            }
            fn eig_kernel(
                a: MatRef<'_, Self>,
                w: &mut [$c],
                vl: Option<&mut [$c]>,
                vr: Option<&mut [$c]>,
                par: Par,
            ) -> Result<(), kernels::Failure> {
                kernels::eig::complex_eig::<$r>(a, w, vl, vr, par)
            }
            fn schur_kernel(
                t: MatMut<'_, Self>,
                z: MatMut<'_, Self>,
                w: &mut [$c],
                par: Par,
            ) -> Result<(), kernels::Failure> {
                kernels::schur::complex_schur::<$c>(t, z, w, par)
            }
        }
    };
}

real_scalar!(f32, c32);
real_scalar!(f64, c64);
complex_scalar!(f32, c32);
complex_scalar!(f64, c64);
