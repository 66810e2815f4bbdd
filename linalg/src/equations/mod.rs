//! Matrix equations (`scipy.linalg` "Matrix Equation Solvers"): Sylvester and Lyapunov
//! equations by the Bartels-Stewart method on Schur forms, and the continuous and discrete
//! algebraic Riccati equations by the matrix sign function and the structured doubling
//! algorithm.
//!
//! | SciPy | xp | equation |
//! |---|---|---|
//! | `solve_sylvester(a, b, q)` | [`solve_sylvester`] | `A X + X B = Q` |
//! | `solve_continuous_lyapunov(a, q)` | [`solve_continuous_lyapunov`] | `A X + X A^H = Q` |
//! | `solve_discrete_lyapunov(a, q, method)` | [`solve_discrete_lyapunov`] | `A X A^H - X + Q = 0` |
//! | `solve_continuous_are(a, b, q, r, e, s, balanced)` | [`solve_continuous_are`] | `A^H X E + E^H X A - (E^H X B + S) R^-1 (B^H X E + S^H) + Q = 0` |
//! | `solve_discrete_are(a, b, q, r, e, s, balanced)` | [`solve_discrete_are`] | `A^H X A - E^H X E - (A^H X B + S) (R + B^H X B)^-1 (B^H X A + S^H) + Q = 0` |
//!
//! Everything is generic namespace code over [`LinalgBackend`] (Schur and QR factorizations,
//! triangular and general solves, products); inputs are single matrices.
//!
//! ```
//! use xp_core::Array;
//! use xp_linalg::equations::solve_sylvester;
//! let a = Array::<f64>::from_vec(vec![-3.0, -2.0, 0.0, -1.0, -1.0, 3.0, 0.0, -5.0, -1.0], &[3, 3])?;
//! let b = Array::<f64>::from_vec(vec![1.0], &[1, 1])?;
//! let q = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0], &[3, 1])?;
//! let x = solve_sylvester(&a, &b, &q)?;
//! let r = (&(&a.matmul(&x)? + &x.matmul(&b)?)? - &q)?;
//! assert!(r.to_vec()?.iter().all(|v| v.abs() < 1e-13));
//! # Ok::<(), xp_linalg::LinalgError>(())
//! ```

mod riccati;

pub use riccati::{solve_continuous_are, solve_discrete_are};

use std::str::FromStr;

use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::concat;
use xp_core::{Array, Element};

use crate::backend::{LinalgBackend, Trans};
use crate::error::{LinalgError, Result};
use crate::matfun::{complex_schur, eye, inv_sq, order, record, scale, solve_sq};
use crate::scalar::LinalgScalar;

/// `x^H`.
fn ct<T: LinalgScalar, B: LinalgBackend>(x: &Array<T, B>) -> Result<Array<T, B>> {
    Ok(x.matrix_transpose()?.conj()?)
}

/// Fails unless `x` is a single `rows x cols` matrix.
fn expect_shape<T: Element, B: LinalgBackend>(
    function: &'static str,
    parameter: &'static str,
    x: &Array<T, B>,
    rows: usize,
    cols: usize,
) -> Result<()> {
    if x.shape() != [rows, cols] {
        return Err(LinalgError::shapes(
            function,
            format!("`{parameter}` must have shape ({rows}, {cols}), got {:?}", x.shape()),
        ));
    }
    Ok(())
}

/// Runs `f` on every matrix tuple of the stacks `inputs` (each `(..., r, c)`; batch dimensions
/// broadcast) and stacks the results, as SciPy's batched linear algebra does. Single matrices
/// go straight through; a batch with no element is an error, as in SciPy.
pub(crate) fn batched<T, B, F>(function: &'static str, inputs: &[&Array<T, B>], mut f: F) -> Result<Array<T, B>>
where
    T: LinalgScalar,
    B: LinalgBackend,
    F: FnMut(&[Array<T, B>]) -> Result<Array<T, B>>,
{
    for (k, x) in inputs.iter().enumerate() {
        if x.ndim() < 2 {
            return Err(LinalgError::shapes(
                function,
                format!("input {k} must have at least 2 dimensions, got shape {:?}", x.shape()),
            ));
        }
    }
    if inputs.iter().all(|x| x.ndim() == 2) {
        let owned: Vec<Array<T, B>> = inputs.iter().map(|x| (*x).clone()).collect();
        return f(&owned);
    }
    let batches: Vec<&[usize]> = inputs.iter().map(|x| &x.shape()[..x.ndim() - 2]).collect();
    let batch = xp_core::shape::broadcast_shapes(function, &batches)?;
    let count: usize = batch.iter().product();
    if count == 0 {
        return Err(LinalgError::invalid(
            function,
            "batch",
            &batch,
            "zero-size batches are not supported",
        ));
    }
    let mut split: Vec<Vec<Array<T, B>>> = Vec::with_capacity(inputs.len());
    for x in inputs {
        let (r, c) = (x.shape()[x.ndim() - 2], x.shape()[x.ndim() - 1]);
        let mut full = batch.clone();
        full.extend([r, c]);
        split.push(
            x.broadcast_to(&full)?
                .reshape(&[count as isize, r as isize, c as isize])?
                .unstack(0)?,
        );
    }
    let mut outs = Vec::with_capacity(count);
    for i in 0..count {
        let args: Vec<Array<T, B>> = split.iter().map(|v| v[i].clone()).collect();
        outs.push(f(&args)?);
    }
    let refs: Vec<&Array<T, B>> = outs.iter().collect();
    let out = xp_core::array::manipulation::stack(&refs, 0)?;
    let mut shape: Vec<isize> = batch.iter().map(|&d| d as isize).collect();
    shape.extend(out.shape()[1..].iter().map(|&d| d as isize));
    Ok(out.reshape(&shape)?)
}

/// The order of the single square matrix `a` (2-D only).
fn square<T: Element, B: LinalgBackend>(
    function: &'static str,
    parameter: &'static str,
    a: &Array<T, B>,
) -> Result<usize> {
    let n = order(function, parameter, a)?;
    if a.ndim() != 2 {
        return Err(LinalgError::shapes(
            function,
            format!(
                "`{parameter}` must be a single square matrix, got shape {:?}",
                a.shape()
            ),
        ));
    }
    Ok(n)
}

/// The solution `X` of the Sylvester equation `A X + X B = Q`
/// (`scipy.linalg.solve_sylvester(a, b, q)`), with `A` `(M, M)`, `B` `(N, N)` and `Q` `(M, N)`.
///
/// The Bartels-Stewart algorithm on complex Schur forms: `A = U R U^H`, `B = V S V^H`, then
/// `R Y + Y S = U^H Q V` column by column (each column one triangular solve with
/// `R + S_jj I`), and `X = U Y V^H`. Real input gives the real solution.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::equations::solve_sylvester;
/// let a = Array::<f64>::from_vec(vec![1.0, 0.0, 0.0, 2.0], &[2, 2])?;
/// let b = Array::<f64>::from_vec(vec![3.0], &[1, 1])?;
/// let q = Array::<f64>::from_vec(vec![4.0, 10.0], &[2, 1])?;
/// assert_eq!(solve_sylvester(&a, &b, &q)?.to_vec()?.iter().map(|v| v.round()).collect::<Vec<_>>(), vec![1.0, 2.0]);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`] for a non-square `a` or `b`; [`LinalgError::ShapeMismatch`] if
/// `q` is not `(M, N)` or an input is not 2-D; [`LinalgError::Singular`] when `A` and `-B` share
/// an eigenvalue (no unique solution); [`LinalgError::NoConvergence`] from the Schur forms.
pub fn solve_sylvester<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    b: &Array<T, B>,
    q: &Array<T, B>,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve_sylvester";
    record::<B>(F);
    batched(F, &[a, b, q], |x| sylvester(F, &x[0], &x[1], &x[2]))
}

fn sylvester<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
    q: &Array<T, B>,
) -> Result<Array<T, B>> {
    let m = square(function, "a", a)?;
    let n = square(function, "b", b)?;
    expect_shape(function, "q", q, m, n)?;
    if m == 0 || n == 0 {
        return Ok(q.clone());
    }
    let (r, u) = complex_schur(function, a)?;
    let (s, v) = complex_schur(function, b)?;
    let f = ct(&u)?.matmul(&q.astype::<T::Cx>()?)?.matmul(&v)?;
    let im = eye(m, &r)?;
    let sf = s.flatten()?;
    let mut cols: Vec<Array<T::Cx, B>> = Vec::with_capacity(n);
    for j in 0..n {
        let j = j as isize;
        let mut rhs = f.slice(&[Idx::all(), Idx::range(j, j + 1)])?;
        if j > 0 {
            let y = concat(&cols.iter().collect::<Vec<_>>(), Some(1))?;
            let sj = s.slice(&[Idx::range(0, j), Idx::range(j, j + 1)])?;
            rhs = (&rhs - &y.matmul(&sj)?)?;
        }
        let sjj = sf.slice(&[Idx::range(j * n as isize + j, j * n as isize + j + 1)])?;
        let lhs = (&r + &(&im * &sjj)?)?;
        cols.push(B::solve_triangular(function, &lhs, &rhs, Trans::N, false, false)?);
    }
    let y = concat(&cols.iter().collect::<Vec<_>>(), Some(1))?;
    let x = u.matmul(&y)?.matmul(&ct(&v)?)?;
    Ok(x.astype::<T>()?)
}

/// The solution of the continuous Lyapunov equation `A X + X A^H = Q`
/// (`scipy.linalg.solve_continuous_lyapunov(a, q)`): [`solve_sylvester`] with `B = A^H`.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::equations::solve_continuous_lyapunov;
/// let a = Array::<f64>::from_vec(vec![-1.0, 0.0, 0.0, -2.0], &[2, 2])?;
/// let q = Array::<f64>::from_vec(vec![-2.0, 0.0, 0.0, -4.0], &[2, 2])?;
/// let x = solve_continuous_lyapunov(&a, &q)?.to_vec()?;
/// assert!((x[0] - 1.0).abs() < 1e-14 && (x[3] - 1.0).abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// As [`solve_sylvester`] (`Singular` when `A` and `-A^H` share an eigenvalue).
pub fn solve_continuous_lyapunov<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    q: &Array<T, B>,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve_continuous_lyapunov";
    record::<B>(F);
    batched(F, &[a, q], |x| {
        square(F, "a", &x[0])?;
        sylvester(F, &x[0], &ct(&x[0])?, &x[1])
    })
}

/// How [`solve_discrete_lyapunov`] solves (SciPy's `method`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DiscreteLyapunovMethod {
    /// `'direct'` below order 10, `'bilinear'` from it (SciPy's `None`, the default).
    #[default]
    Auto,
    /// The Kronecker form `(I - A ⊗ conj(A)) vec(X) = vec(Q)`: one `n^2 x n^2` solve.
    Direct,
    /// The bilinear (Cayley) transformation to a continuous Lyapunov equation.
    Bilinear,
}

impl FromStr for DiscreteLyapunovMethod {
    type Err = LinalgError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "" | "None" | "none" => Ok(DiscreteLyapunovMethod::Auto),
            "direct" => Ok(DiscreteLyapunovMethod::Direct),
            "bilinear" => Ok(DiscreteLyapunovMethod::Bilinear),
            _ => Err(LinalgError::invalid(
                "linalg.solve_discrete_lyapunov",
                "method",
                s,
                "method must be None, 'direct' or 'bilinear'",
            )),
        }
    }
}

/// The solution of the discrete Lyapunov (Stein) equation `A X A^H - X + Q = 0`
/// (`scipy.linalg.solve_discrete_lyapunov(a, q, method=None)`).
///
/// `Direct` solves the Kronecker form (cost `O(n^6)`, for small `n`); `Bilinear` maps the
/// equation to `B X + X B^H = -C` with `B = (A + I)^-1 (A - I)` and
/// `C = 2 (A + I)^-1 Q (A^H + I)^-1` and solves that with [`solve_continuous_lyapunov`].
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::equations::{DiscreteLyapunovMethod, solve_discrete_lyapunov};
/// let a = Array::<f64>::from_vec(vec![0.5, 0.0, 0.0, 0.25], &[2, 2])?;
/// let q = Array::<f64>::from_vec(vec![0.75, 0.0, 0.0, 0.9375], &[2, 2])?;
/// let x = solve_discrete_lyapunov(&a, &q, DiscreteLyapunovMethod::Auto)?.to_vec()?;
/// assert!((x[0] - 1.0).abs() < 1e-14 && (x[3] - 1.0).abs() < 1e-14);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`]; [`LinalgError::ShapeMismatch`] if `q` is not `(n, n)`;
/// [`LinalgError::Singular`] when the equation has no unique solution (an eigenvalue pair of `A`
/// with product 1; for `Bilinear` also an eigenvalue -1).
pub fn solve_discrete_lyapunov<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    q: &Array<T, B>,
    method: DiscreteLyapunovMethod,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve_discrete_lyapunov";
    record::<B>(F);
    batched(F, &[a, q], |x| discrete_lyapunov(F, &x[0], &x[1], method))
}

/// One discrete Lyapunov equation.
#[allow(non_snake_case)]
fn discrete_lyapunov<T: LinalgScalar, B: LinalgBackend>(
    F: &'static str,
    a: &Array<T, B>,
    q: &Array<T, B>,
    method: DiscreteLyapunovMethod,
) -> Result<Array<T, B>> {
    let n = square(F, "a", a)?;
    expect_shape(F, "q", q, n, n)?;
    if n == 0 {
        return Ok(q.clone());
    }
    let direct = match method {
        DiscreteLyapunovMethod::Auto => n < 10,
        DiscreteLyapunovMethod::Direct => true,
        DiscreteLyapunovMethod::Bilinear => false,
    };
    if direct {
        let k = crate::special::kron(a, &a.conj()?)?;
        let lhs = (&eye(n * n, a)? - &k)?;
        let nn = (n * n) as isize;
        let x = solve_sq(F, &lhs, &q.reshape(&[nn, 1])?)?;
        return Ok(x.reshape(&[n as isize, n as isize])?);
    }
    let i = eye(n, a)?;
    let ah_i_inv = inv_sq(F, &(&ct(a)? + &i)?)?;
    let a_i_inv = inv_sq(F, &(a + &i)?)?;
    let bm = a_i_inv.matmul(&(a - &i)?)?;
    let c = scale(&a_i_inv.matmul(q)?.matmul(&ah_i_inv)?, 2.0)?;
    sylvester(F, &bm, &ct(&bm)?, &(-&c)?)
}
