//! Pascal matrices and their inverses, exact or in floating point.

use std::str::FromStr;

use xp_core::{Array, Backend, Numeric};

use super::named::size_overflow;
use super::{Result, binom_exact, binom_f64, exact_value, invalid, record};
use crate::error::LinalgError;

/// Which Pascal matrix (SciPy's `kind`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PascalKind {
    /// `P[i, j] = C(i + j, i)` (the default).
    #[default]
    Symmetric,
    /// `L[i, j] = C(i, j)`, lower triangular, with `P = L L^T`.
    Lower,
    /// `U = L^T`, upper triangular.
    Upper,
}

impl FromStr for PascalKind {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "symmetric" => Ok(PascalKind::Symmetric),
            "lower" => Ok(PascalKind::Lower),
            "upper" => Ok(PascalKind::Upper),
            _ => Err(invalid(
                "linalg.pascal",
                "kind",
                s,
                "kind must be 'symmetric', 'lower', or 'upper'",
            )),
        }
    }
}

/// Keywords of [`pascal`] and [`invpascal`]: `kind` (default symmetric) and `exact` (default
/// true).
///
/// ```
/// use xp_linalg::special::{PascalKind, PascalOptions};
/// let o = PascalOptions::default().kind(PascalKind::Lower).exact(false);
/// assert_eq!(o.kind, PascalKind::Lower);
/// assert!(!o.exact);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PascalOptions {
    /// Which matrix.
    pub kind: PascalKind,
    /// Exact integer arithmetic (the result must be representable in the element type) instead
    /// of floating point.
    pub exact: bool,
}

impl Default for PascalOptions {
    fn default() -> Self {
        PascalOptions {
            kind: PascalKind::Symmetric,
            exact: true,
        }
    }
}

impl PascalOptions {
    /// Sets `kind`.
    pub fn kind(mut self, kind: PascalKind) -> Self {
        self.kind = kind;
        self
    }

    /// Sets `exact`.
    pub fn exact(mut self, exact: bool) -> Self {
        self.exact = exact;
        self
    }
}

/// The `n x n` Pascal matrix (`scipy.linalg.pascal(n, kind='symmetric', exact=True)`):
/// symmetric `C(i + j, i)`, lower `C(i, j)` or upper `C(j, i)`.
///
/// With `exact` the binomials are exact integers and must be representable in `T` (SciPy uses
/// uint64 up to `n = 34`; `i64` holds the same range here, `f64` entries below `2^53`); without
/// it they are computed in floating point and converted to `T`.
///
/// ```
/// use xp_core::Cpu;
/// use xp_linalg::special::{PascalKind, PascalOptions, pascal};
/// let p = pascal::<i64, Cpu>(3, &PascalOptions::default())?;
/// assert_eq!(p.to_vec()?, vec![1, 1, 1, 1, 2, 3, 1, 3, 6]);
/// let l = pascal::<f64, Cpu>(3, &PascalOptions::default().kind(PascalKind::Lower).exact(false))?;
/// assert_eq!(l.to_vec()?, vec![1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 2.0, 1.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` (parameter `exact`) when an exact entry does not fit in `T`; a size
/// overflow for a huge `n`.
pub fn pascal<T: Numeric, B: Backend>(n: usize, options: &PascalOptions) -> Result<Array<T, B>> {
    const F: &str = "linalg.pascal";
    record::<B>(F);
    build(F, n, options, |i, j| match options.kind {
        PascalKind::Symmetric => (i + j, i),
        PascalKind::Lower => (i, j),
        PascalKind::Upper => (j, i),
    })
}

/// Fills an `n x n` matrix with the binomial `C(a, b)` where `(a, b) = pick(i, j)`.
fn build<T: Numeric, B: Backend>(
    function: &'static str,
    n: usize,
    options: &PascalOptions,
    pick: impl Fn(u64, u64) -> (u64, u64),
) -> Result<Array<T, B>> {
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow(function, n))?;
    let mut v = Vec::with_capacity(nn);
    for i in 0..n as u64 {
        for j in 0..n as u64 {
            let (a, b) = pick(i, j);
            v.push(if options.exact {
                let e = binom_exact(a, b).ok_or_else(|| overflow(function, n))?;
                exact_value::<T>(function, e)?
            } else {
                T::from_f64(binom_f64(a, b))
            });
        }
    }
    Ok(Array::from_vec(v, &[n, n])?)
}

/// The inverse of the `n x n` Pascal matrix (`scipy.linalg.invpascal(n, kind='symmetric',
/// exact=True)`): lower `(-1)^(i-j) C(i, j)`, upper its transpose, symmetric
/// `L^-T L^-1`, whose entries are `(-1)^(i+j) sum_{k >= max(i, j)} C(k, i) C(k, j)`.
///
/// `exact` as in [`pascal`] (SciPy returns int64 up to `n = 34`).
///
/// ```
/// use xp_core::Cpu;
/// use xp_linalg::special::{PascalOptions, invpascal};
/// let p = invpascal::<i64, Cpu>(3, &PascalOptions::default())?;
/// assert_eq!(p.to_vec()?, vec![3, -3, 1, -3, 5, -2, 1, -2, 1]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// `InvalidParameter` (parameter `exact`) when an exact entry does not fit in `T`; a size
/// overflow for a huge `n`.
pub fn invpascal<T: Numeric, B: Backend>(n: usize, options: &PascalOptions) -> Result<Array<T, B>> {
    const F: &str = "linalg.invpascal";
    record::<B>(F);
    let nn = n.checked_mul(n).ok_or_else(|| size_overflow(F, n))?;
    let mut v = Vec::with_capacity(nn);
    for i in 0..n as u64 {
        for j in 0..n as u64 {
            let sign_neg = (i + j) % 2 == 1;
            let x = if options.exact {
                let mag = match options.kind {
                    PascalKind::Lower => binom_exact(i, j),
                    PascalKind::Upper => binom_exact(j, i),
                    PascalKind::Symmetric => (i.max(j)..n as u64).try_fold(0i128, |acc, k| {
                        acc.checked_add(binom_exact(k, i)?.checked_mul(binom_exact(k, j)?)?)
                    }),
                }
                .ok_or_else(|| overflow(F, n))?;
                exact_value::<T>(F, if sign_neg { -mag } else { mag })?
            } else {
                let mag = match options.kind {
                    PascalKind::Lower => binom_f64(i, j),
                    PascalKind::Upper => binom_f64(j, i),
                    PascalKind::Symmetric => (i.max(j)..n as u64).map(|k| binom_f64(k, i) * binom_f64(k, j)).sum(),
                };
                T::from_f64(if sign_neg { -mag } else { mag })
            };
            v.push(x);
        }
    }
    Ok(Array::from_vec(v, &[n, n])?)
}

/// The error for exact entries beyond 128-bit integers.
fn overflow(function: &'static str, n: usize) -> LinalgError {
    invalid(
        function,
        "exact",
        true,
        &format!("the exact entries for n = {n} overflow 128-bit integers; use exact=false"),
    )
}
