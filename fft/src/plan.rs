//! [`FftPlan`]: a complex transform planned once for one input shape and run many times.
//!
//! The one-shot functions ([`crate::fft`], [`crate::fftn`], ...) validate SciPy's keywords on
//! every call and take the engine plans from the process-wide cache. A plan does the keyword
//! work once (axes, lengths, normalisation factor, workers) and checks only the input shape on
//! each [`FftPlan::execute`]; the engine plans for its lengths are built on the first execution
//! and stay cached, so later executions go straight to the transform. It is `Send + Sync` and
//! can be shared between threads.
//!
//! ```
//! use xp_core::{Array, c64};
//! use xp_fft::{fft, FftOptions, FftPlan};
//! let plan = FftPlan::fft(&[4, 8], &FftOptions::default().axis(0))?;
//! for seed in 0..3 {
//!     let x = Array::<c64>::full(&[4, 8], c64::new(seed as f64, 1.0))?;
//!     let y = plan.execute(&x)?;
//!     assert_eq!(y.to_vec()?, fft(&x, &FftOptions::default().axis(0))?.to_vec()?);
//! }
//! # Ok::<(), xp_fft::FftError>(())
//! ```

use xp_core::Array;

use crate::args;
use crate::backend::{Call, Direction, FftBackend};
use crate::complex::norm_factor;
use crate::element::{ComplexOf, FftInput};
use crate::error::{FftError, Result};
use crate::options::{FftOptions, FftnOptions, resolve_workers};

/// A complex-to-complex transform (`fft`, `ifft`, `fftn`, `ifftn`) planned for one input shape.
/// See the [module docs](self).
#[derive(Clone, Debug, PartialEq)]
pub struct FftPlan {
    function: &'static str,
    shape: Vec<usize>,
    axes: Vec<usize>,
    lens: Vec<usize>,
    direction: Direction,
    scale: f64,
    workers: Option<usize>,
}

impl FftPlan {
    /// Plans [`crate::fft`] with `opts` for inputs of `shape`.
    ///
    /// ```
    /// use xp_core::Array;
    /// use xp_fft::{FftOptions, FftPlan};
    /// let plan = FftPlan::fft(&[6], &FftOptions::default().n(8))?;
    /// assert_eq!(plan.output_shape(), vec![8]);
    /// let y = plan.execute(&Array::<f64>::ones(&[6])?)?;
    /// assert_eq!(y.to_vec()?[0].re, 6.0);
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::fft`] would for an input of `shape`.
    pub fn fft(shape: &[usize], opts: &FftOptions) -> Result<FftPlan> {
        Self::one_axis("fft.fft", shape, opts, Direction::Forward)
    }

    /// Plans [`crate::ifft`] with `opts` for inputs of `shape`.
    ///
    /// ```
    /// use xp_core::{Array, c64};
    /// use xp_fft::{FftOptions, FftPlan};
    /// let (f, i) = (FftPlan::fft(&[5], &FftOptions::default())?, FftPlan::ifft(&[5], &FftOptions::default())?);
    /// let x = Array::<c64>::from_vec((0..5).map(|k| c64::new(k as f64, -1.0)).collect(), &[5])?;
    /// let back = i.execute(&f.execute(&x)?)?;
    /// assert!(back.to_vec()?.iter().zip(x.to_vec()?).all(|(a, b)| (a - b).norm() < 1e-14));
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::ifft`] would for an input of `shape`.
    pub fn ifft(shape: &[usize], opts: &FftOptions) -> Result<FftPlan> {
        Self::one_axis("fft.ifft", shape, opts, Direction::Inverse)
    }

    /// Plans [`crate::fftn`] with `opts` for inputs of `shape`.
    ///
    /// ```
    /// use xp_core::Array;
    /// use xp_fft::{FftnOptions, FftPlan};
    /// let plan = FftPlan::fftn(&[2, 3, 4], &FftnOptions::default().axes([0, 2]))?;
    /// let y = plan.execute(&Array::<f32>::ones(&[2, 3, 4])?)?;
    /// assert_eq!(y.to_vec()?[0].re, 8.0);
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::fftn`] would for an input of `shape`.
    pub fn fftn(shape: &[usize], opts: &FftnOptions) -> Result<FftPlan> {
        Self::n_axes("fft.fftn", shape, opts, Direction::Forward)
    }

    /// Plans [`crate::ifftn`] with `opts` for inputs of `shape`.
    ///
    /// ```
    /// use xp_core::{Array, c64};
    /// use xp_fft::{FftnOptions, FftPlan};
    /// let plan = FftPlan::ifftn(&[2, 2], &FftnOptions::default())?;
    /// let y = plan.execute(&Array::<c64>::ones(&[2, 2])?)?;
    /// assert_eq!(y.to_vec()?[0], c64::new(1.0, 0.0));
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    ///
    /// # Errors
    /// As [`crate::ifftn`] would for an input of `shape`.
    pub fn ifftn(shape: &[usize], opts: &FftnOptions) -> Result<FftPlan> {
        Self::n_axes("fft.ifftn", shape, opts, Direction::Inverse)
    }

    fn one_axis(function: &'static str, shape: &[usize], opts: &FftOptions, direction: Direction) -> Result<FftPlan> {
        let (axis, n) = args::one_axis(function, shape, opts.n, opts.axis)?;
        Ok(FftPlan {
            function,
            shape: shape.to_vec(),
            axes: vec![axis],
            lens: vec![n],
            direction,
            scale: norm_factor(opts.norm, direction, &[n]),
            workers: resolve_workers(function, opts.workers)?,
        })
    }

    fn n_axes(function: &'static str, shape: &[usize], opts: &FftnOptions, direction: Direction) -> Result<FftPlan> {
        let (axes, lens) = args::nd_axes(function, shape, opts.s.as_deref(), opts.axes.as_deref())?;
        Ok(FftPlan {
            function,
            shape: shape.to_vec(),
            scale: norm_factor(opts.norm, direction, &lens),
            axes,
            lens,
            direction,
            workers: resolve_workers(function, opts.workers)?,
        })
    }

    /// The input shape the plan was made for.
    ///
    /// ```
    /// use xp_fft::{FftOptions, FftPlan};
    /// assert_eq!(FftPlan::fft(&[3, 7], &FftOptions::default())?.shape(), &[3, 7]);
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The shape of the outputs (the input shape with `n` / `s` applied).
    ///
    /// ```
    /// use xp_fft::{FftnOptions, FftPlan};
    /// let plan = FftPlan::fftn(&[3, 7], &FftnOptions::default().s([4, -1]))?;
    /// assert_eq!(plan.output_shape(), vec![4, 7]);
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    pub fn output_shape(&self) -> Vec<usize> {
        let mut out = self.shape.clone();
        for (&a, &l) in self.axes.iter().zip(&self.lens) {
            if let Some(d) = out.get_mut(a) {
                *d = l;
            }
        }
        out
    }

    /// Runs the planned transform on `x`, which must have the planned shape; the result is
    /// the same as the one-shot function's.
    ///
    /// ```
    /// use xp_core::Array;
    /// use xp_fft::{FftOptions, FftPlan};
    /// let plan = FftPlan::fft(&[4], &FftOptions::default())?;
    /// assert!(plan.execute(&Array::<f64>::ones(&[5])?).is_err());
    /// # Ok::<(), xp_fft::FftError>(())
    /// ```
    ///
    /// # Errors
    /// [`FftError::InvalidParameter`] when `x` does not have the planned shape; backend
    /// failures.
    pub fn execute<T: FftInput, B: FftBackend>(&self, x: &Array<T, B>) -> Result<Array<ComplexOf<T>, B>> {
        if x.shape() != self.shape.as_slice() {
            return Err(FftError::invalid(
                self.function,
                "x",
                x.shape(),
                format!("the plan was made for inputs of shape {:?}", self.shape),
            ));
        }
        let c = T::to_complex(x)?;
        let c = if self.output_shape() == self.shape {
            c
        } else {
            args::resize(&c, &self.axes, &self.lens)?
        };
        B::c2c::<T::Real>(
            Call::new(self.function, self.workers),
            &c,
            &self.axes,
            self.direction,
            self.scale,
        )
    }
}
