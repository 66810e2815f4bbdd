//! The testing kit (feature `testing`): comparisons with dtype-scaled tolerances that report the
//! worst element, and [`test_backends!`](crate::test_backends) to run one generic test per backend.
//!
//! ```
//! use xp_core::{Array, Backend, Result, testing::assert_close};
//!
//! fn doubles<B: Backend>() -> Result<()> {
//!     let a = Array::<f64, B>::from_vec(vec![1.0, 2.0], &[2])?;
//!     assert_close(&(&a + &a)?, &[2.0, 4.0], &[2]);
//!     Ok(())
//! }
//! // In a test module: `xp_core::test_backends!(doubles);` makes `doubles::cpu`, `doubles::strict`
//! // and `doubles::cuda` (which reports a skip until the CUDA backend exists).
//! doubles::<xp_core::Cpu>()?;
//! doubles::<xp_core::Strict>()?;
//! # Ok::<(), xp_core::Error>(())
//! ```
// The kit's job is to fail tests: panicking with a report is its interface.
#![allow(clippy::panic)]

use crate::array::Array;
use crate::backend::Backend;
use crate::element::{Element, Numeric, RealFloat};

/// Tolerances for [`check_close`]: `|actual - expected| <= atol + rtol * |expected|`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tol {
    /// Relative tolerance.
    pub rtol: f64,
    /// Absolute tolerance.
    pub atol: f64,
}

impl Tol {
    /// The default for element type `T`: `rtol = atol = 64 * eps` of its precision
    /// (`f64`: 1.4e-14, `f32`: 7.6e-6), exact (0) for integers and booleans.
    pub fn default_for<T: Element>() -> Self {
        let eps = match T::DTYPE {
            crate::DType::F32 | crate::DType::C64 => f32::EPSILON as f64,
            crate::DType::F64 | crate::DType::C128 => f64::EPSILON,
            _ => 0.0,
        };
        Tol {
            rtol: 64.0 * eps,
            atol: 64.0 * eps,
        }
    }

    /// The default for `T` scaled by `factor` (for example the problem size, like faer's `eps * 8 * n`).
    pub fn scaled<T: Element>(factor: f64) -> Self {
        let t = Self::default_for::<T>();
        Tol {
            rtol: t.rtol * factor,
            atol: t.atol * factor,
        }
    }

    /// Explicit tolerances.
    pub fn new(rtol: f64, atol: f64) -> Self {
        Tol { rtol, atol }
    }
}

/// Compares values with NumPy's `allclose` rule (NaN equals NaN, infinities equal with the same
/// sign); on failure returns a report naming the worst element, its flat index and both values.
pub fn check_close_values<T: Element>(actual: &[T], expected: &[T], tol: Tol) -> Result<(), String> {
    if actual.len() != expected.len() {
        return Err(format!("length {} != expected length {}", actual.len(), expected.len()));
    }
    let mut worst: Option<(usize, f64)> = None;
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        let (a, e) = (to_c64(a), to_c64(e));
        let excess = element_excess(a, e, tol);
        if excess > 0.0 && worst.is_none_or(|(_, w)| excess > w) {
            worst = Some((i, excess));
        }
    }
    match worst {
        None => Ok(()),
        Some((i, _)) => {
            let bad = actual
                .iter()
                .zip(expected)
                .filter(|(a, e)| element_excess(to_c64(**a), to_c64(**e), tol) > 0.0)
                .count();
            Err(format!(
                "{bad} of {} elements differ beyond rtol={:e}, atol={:e}; worst at flat index {i}: actual {:?}, expected {:?}",
                actual.len(),
                tol.rtol,
                tol.atol,
                actual[i],
                expected[i]
            ))
        }
    }
}

fn to_c64<T: Element>(x: T) -> crate::c64 {
    x.cast::<crate::c64>()
}

/// How far `a` is beyond the tolerance around `e` (0 when within; infinity for NaN/Inf mismatches).
fn element_excess(a: crate::c64, e: crate::c64, tol: Tol) -> f64 {
    let (an, en) = (a.re.is_nan() || a.im.is_nan(), e.re.is_nan() || e.im.is_nan());
    if an || en {
        return if an == en { 0.0 } else { f64::INFINITY };
    }
    if a.re.is_infinite() || a.im.is_infinite() || e.re.is_infinite() || e.im.is_infinite() {
        return if a == e { 0.0 } else { f64::INFINITY };
    }
    let diff = (a - e).norm();
    let allowed = tol.atol + tol.rtol * e.norm();
    if diff <= allowed { 0.0 } else { diff - allowed }
}

/// Checks shape and values of an array against expected row-major values.
pub fn check_close<T: Element, B: Backend>(
    actual: &Array<T, B>,
    expected: &[T],
    shape: &[usize],
    tol: Tol,
) -> Result<(), String> {
    if actual.shape() != shape {
        return Err(format!("shape {:?} != expected shape {:?}", actual.shape(), shape));
    }
    let values = actual.to_vec().map_err(|e| format!("could not read the array: {e}"))?;
    check_close_values(&values, expected, tol)
}

/// Asserts shape and values with the default tolerance of `T`; panics with a report otherwise.
#[track_caller]
pub fn assert_close<T: Element, B: Backend>(actual: &Array<T, B>, expected: &[T], shape: &[usize]) {
    assert_close_tol(actual, expected, shape, Tol::default_for::<T>());
}

/// [`assert_close`] with explicit tolerances.
#[track_caller]
pub fn assert_close_tol<T: Element, B: Backend>(actual: &Array<T, B>, expected: &[T], shape: &[usize], tol: Tol) {
    if let Err(report) = check_close(actual, expected, shape, tol) {
        panic!(
            "assert_close failed on the {} backend ({}): {report}",
            B::NAME,
            T::DTYPE
        );
    }
}

/// Asserts that two arrays (possibly on different backends) have the same shape and close values.
#[track_caller]
pub fn assert_arrays_close<T: Element, B1: Backend, B2: Backend>(
    actual: &Array<T, B1>,
    expected: &Array<T, B2>,
    tol: Tol,
) {
    let values = match expected.to_vec() {
        Ok(v) => v,
        Err(e) => panic!("could not read the expected array: {e}"),
    };
    if let Err(report) = check_close(actual, &values, expected.shape(), tol) {
        panic!(
            "arrays differ ({} vs {} backend, {}): {report}",
            B1::NAME,
            B2::NAME,
            T::DTYPE
        );
    }
}

/// Asserts shape and exactly equal values (integers, booleans, indices).
#[track_caller]
pub fn assert_equal<T: Element, B: Backend>(actual: &Array<T, B>, expected: &[T], shape: &[usize]) {
    if actual.shape() != shape {
        panic!(
            "assert_equal failed on the {} backend: shape {:?} != expected {:?}",
            B::NAME,
            actual.shape(),
            shape
        );
    }
    let values = match actual.to_vec() {
        Ok(v) => v,
        Err(e) => panic!("could not read the array: {e}"),
    };
    if let Some(i) = values.iter().zip(expected).position(|(a, e)| a != e) {
        panic!(
            "assert_equal failed on the {} backend ({}): first difference at flat index {i}: actual {:?}, expected {:?}",
            B::NAME,
            T::DTYPE,
            values[i],
            expected[i]
        );
    }
    if values.len() != expected.len() {
        panic!(
            "assert_equal failed: {} values, expected {}",
            values.len(),
            expected.len()
        );
    }
}

/// A computation generic over the backend, for [`compare_backends`].
pub trait BackendFn {
    /// Element type of the result.
    type Out: Element;
    /// Runs the computation on backend `B`.
    fn run<B: Backend>(&self) -> crate::Result<Array<Self::Out, B>>;
}

/// Runs `f` on [`crate::Cpu`] and on [`crate::Strict`] (host transfers allowed, so host kernels
/// run) and asserts the results agree within `tol`. Returns the Cpu result.
#[track_caller]
pub fn compare_backends<F: BackendFn>(f: &F, tol: Tol) -> Array<F::Out, crate::Cpu> {
    let cpu = match f.run::<crate::Cpu>() {
        Ok(a) => a,
        Err(e) => panic!("compare_backends: the cpu run failed: {e}"),
    };
    let strict = crate::policy::Policy::new()
        .allow_host_transfer(true)
        .run(|| f.run::<crate::Strict>());
    match strict {
        Ok(s) => assert_arrays_close(&s, &cpu, tol),
        Err(e) => panic!("compare_backends: the strict run failed: {e}"),
    }
    cpu
}

/// Reports the CUDA slot of [`test_backends!`](crate::test_backends): a skip without a device,
/// a failure when `XP_REQUIRE_GPU=1` demands one.
pub fn cuda_slot(test: &str) {
    if crate::Cuda::is_available() {
        return;
    }
    if std::env::var("XP_REQUIRE_GPU").is_ok_and(|v| v == "1") {
        panic!("{test}: XP_REQUIRE_GPU=1 but no CUDA device is usable in this build or on this machine");
    }
    eprintln!("SKIP {test} on cuda: no CUDA backend in this build or no device on this machine");
}

/// A real tolerance helper for generic float code: `eps(T) * factor`.
pub fn eps_times<T: RealFloat + Numeric>(factor: f64) -> f64 {
    T::EPSILON.to_f64() * factor
}

/// Instantiates a generic test `fn name<B: Backend>() -> xp_core::Result<()>` once per backend:
/// a module `name` with tests `cpu`, `strict` and `cuda` (a reported skip until the CUDA backend
/// exists, a failure under `XP_REQUIRE_GPU=1`).
#[macro_export]
macro_rules! test_backends {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[test]
                fn cpu() {
                    if let Err(e) = super::$name::<$crate::Cpu>() {
                        panic!("{} on cpu: {e}", stringify!($name));
                    }
                }
                #[test]
                fn strict() {
                    if let Err(e) = super::$name::<$crate::Strict>() {
                        panic!("{} on strict: {e}", stringify!($name));
                    }
                }
                #[test]
                fn cuda() {
                    $crate::testing::cuda_slot(stringify!($name));
                }
            }
        )+
    };
}
