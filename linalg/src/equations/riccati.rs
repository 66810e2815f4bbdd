//! Algebraic Riccati equations. The continuous equation is solved with the matrix sign function
//! of its Hamiltonian matrix (Roberts 1980; Byers 1987), the discrete one with the structured
//! doubling algorithm (Chu, Fan & Lin 2005). Both use only products, solves and a QR
//! factorization, so they run on every backend; the generalized (`e`) and cross-term (`s`)
//! forms are reduced to the standard one first.

use xp_core::Array;
use xp_core::array::indexing::Idx;
use xp_core::array::manipulation::concat;

use super::{batched, ct, expect_shape, square};
use crate::backend::{LinalgBackend, QrShape, Trans};
use crate::error::{LinalgError, Result};
use crate::matfun::{eye, fro, inv_sq, norm1, record, scale, sign_newton, solve_sq};
use crate::scalar::LinalgScalar;

/// The inputs reduced to the standard form `(A, B R^-1 B^H, Q)` with `e` folded into `A` and
/// `B`, and `s` eliminated; also `E^-1` to map the solution back.
struct Reduced<T: LinalgScalar, B: LinalgBackend> {
    a: Array<T, B>,
    g: Array<T, B>,
    q: Array<T, B>,
    e_inv: Option<Array<T, B>>,
}

/// Checks shapes and reduces to the standard form.
#[allow(clippy::too_many_arguments)]
fn reduce<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
    q: &Array<T, B>,
    r: &Array<T, B>,
    e: Option<&Array<T, B>>,
    s: Option<&Array<T, B>>,
) -> Result<Reduced<T, B>> {
    let n = square(function, "a", a)?;
    let m = square(function, "r", r)?;
    expect_shape(function, "b", b, n, m)?;
    expect_shape(function, "q", q, n, n)?;
    hermitian(function, "q", q)?;
    hermitian(function, "r", r)?;
    let e_inv = match e {
        Some(e) => {
            expect_shape(function, "e", e, n, n)?;
            Some(inv_sq(function, e)?)
        }
        None => None,
    };
    let (a, b) = match &e_inv {
        Some(ei) => (ei.matmul(a)?, ei.matmul(b)?),
        None => (a.clone(), b.clone()),
    };
    let (a, q) = match s {
        Some(s) => {
            expect_shape(function, "s", s, n, m)?;
            // A - B R^-1 S^H and Q - S R^-1 S^H.
            let rs = solve_sq(function, r, &ct(s)?)?;
            ((&a - &b.matmul(&rs)?)?, (q - &s.matmul(&rs)?)?)
        }
        None => (a, q.clone()),
    };
    let g = b.matmul(&solve_sq(function, r, &ct(&b)?)?)?;
    Ok(Reduced { a, g, q, e_inv })
}

/// Fails unless `x` is Hermitian to rounding (`||x - x^H||_1 <= 100 eps ||x||_1`), as SciPy's
/// "Matrix q should be symmetric/hermitian".
fn hermitian<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    parameter: &'static str,
    x: &Array<T, B>,
) -> Result<()> {
    let eps = xp_core::RealNumeric::to_f64(<T::Re as xp_core::RealFloat>::EPSILON);
    let d = norm1(&(x - &ct(x)?)?)?;
    if d > 100.0 * eps * norm1(x)? || d.is_nan() {
        return Err(LinalgError::invalid(
            function,
            parameter,
            x.shape(),
            format!("matrix {parameter} should be symmetric/hermitian"),
        ));
    }
    Ok(())
}

/// `(X + X^H) / 2`, mapped back through `E` (`X = E^-H Y E^-1`), checked finite.
fn finish<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    x: Array<T, B>,
    e_inv: Option<Array<T, B>>,
) -> Result<Array<T, B>> {
    let x = scale(&(&x + &ct(&x)?)?, 0.5)?;
    let x = match e_inv {
        Some(ei) => ct(&ei)?.matmul(&x)?.matmul(&ei)?,
        None => x,
    };
    if !fro(&x)?.is_finite() {
        return Err(LinalgError::NoConvergence {
            function,
            iterations: None,
        });
    }
    Ok(x)
}

/// The stabilizing solution `X` of the continuous algebraic Riccati equation
/// `A^H X E + E^H X A - (E^H X B + S) R^-1 (B^H X E + S^H) + Q = 0`
/// (`scipy.linalg.solve_continuous_are(a, b, q, r, e=None, s=None, balanced=True)`), with `A`
/// `(M, M)`, `B` `(M, N)`, `Q` `(M, M)`, `R` `(N, N)` Hermitian and nonsingular, `E` `(M, M)`
/// nonsingular, `S` `(M, N)`.
///
/// After reducing `E` and `S` away, `X` comes from the sign `W` of the Hamiltonian matrix
/// `H = [[A, -G], [-Q, -A^H]]` (`G = B R^-1 B^H`), computed by the scaled Newton iteration: it
/// is the least-squares solution of `[W12; W22 + I] X = -[W11 + I; W21]` (by QR). `balanced`
/// is accepted for SciPy compatibility; the sign iteration's norm scaling plays its role.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::equations::solve_continuous_are;
/// // scalar: 2 a x - x^2 b^2 / r + q = 0 with a = 1, b = 1, q = 1, r = 1: x = 1 + sqrt(2)
/// let one = Array::<f64>::from_vec(vec![1.0], &[1, 1])?;
/// let x = solve_continuous_are(&one, &one, &one, &one, None, None, true)?.to_scalar()?;
/// assert!((x - (1.0 + 2f64.sqrt())).abs() < 1e-13);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// [`LinalgError::NotSquare`] / [`LinalgError::ShapeMismatch`] for inconsistent shapes;
/// [`LinalgError::Singular`] for a singular `R` or `E`, or a Hamiltonian with eigenvalues on the
/// imaginary axis; [`LinalgError::NoConvergence`] when no finite stabilizing solution is found.
#[allow(clippy::too_many_arguments)]
pub fn solve_continuous_are<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    b: &Array<T, B>,
    q: &Array<T, B>,
    r: &Array<T, B>,
    e: Option<&Array<T, B>>,
    s: Option<&Array<T, B>>,
    balanced: bool,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve_continuous_are";
    record::<B>(F);
    let _ = balanced;
    with_optional(F, a, b, q, r, e, s, care)
}

/// A solver of the standard-form equation.
type SolveFn<T, B> = fn(&'static str, &Reduced<T, B>) -> Result<Array<T, B>>;

/// Batches the Riccati inputs (with the optional `e` and `s`) and runs `solve` on each tuple.
#[allow(clippy::too_many_arguments)]
fn with_optional<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
    b: &Array<T, B>,
    q: &Array<T, B>,
    r: &Array<T, B>,
    e: Option<&Array<T, B>>,
    s: Option<&Array<T, B>>,
    solve: SolveFn<T, B>,
) -> Result<Array<T, B>> {
    let mut inputs = vec![a, b, q, r];
    inputs.extend(e);
    inputs.extend(s);
    let (has_e, has_s) = (e.is_some(), s.is_some());
    batched(function, &inputs, |x| {
        let e = if has_e { x.get(4) } else { None };
        let s = if has_s { x.get(if has_e { 5 } else { 4 }) } else { None };
        let red = reduce(function, &x[0], &x[1], &x[2], &x[3], e, s)?;
        solve(function, &red)
    })
}

/// The continuous equation in standard form.
#[allow(non_snake_case)]
fn care<T: LinalgScalar, B: LinalgBackend>(F: &'static str, red: &Reduced<T, B>) -> Result<Array<T, B>> {
    let red = Reduced {
        a: red.a.clone(),
        g: red.g.clone(),
        q: red.q.clone(),
        e_inv: red.e_inv.clone(),
    };
    let n = red.a.shape()[0];
    if n == 0 {
        return Ok(red.q);
    }
    let top = concat(&[&red.a, &(-&red.g)?], Some(1))?;
    let bottom = concat(&[&(-&red.q)?, &(-&ct(&red.a)?)?], Some(1))?;
    let h = concat(&[&top, &bottom], Some(0))?;
    let w = sign_newton(F, &h)?;
    let ni = n as isize;
    let blk = |r0: isize, c0: isize| w.slice(&[Idx::range(r0, r0 + ni), Idx::range(c0, c0 + ni)]);
    let i = eye(n, &red.a)?;
    let (w11, w12, w21, w22) = (blk(0, 0)?, blk(0, ni)?, blk(ni, 0)?, blk(ni, ni)?);
    let lhs = concat(&[&w12, &(&w22 + &i)?], Some(0))?;
    let rhs = (-&concat(&[&(&w11 + &i)?, &w21], Some(0))?)?;
    let qr = B::qr(F, &lhs, QrShape::Economic, false)?;
    let qm = qr.q.ok_or(LinalgError::NoConvergence {
        function: F,
        iterations: None,
    })?;
    let x = B::solve_triangular(F, &qr.r, &ct(&qm)?.matmul(&rhs)?, Trans::N, false, false)?;
    finish(F, x, red.e_inv)
}

/// The stabilizing solution `X` of the discrete algebraic Riccati equation
/// `A^H X A - E^H X E - (A^H X B + S) (R + B^H X B)^-1 (B^H X A + S^H) + Q = 0`
/// (`scipy.linalg.solve_discrete_are(a, b, q, r, e=None, s=None, balanced=True)`), shapes as in
/// [`solve_continuous_are`].
///
/// After reducing `E` and `S` away, the structured doubling algorithm iterates
/// `W = I + G_k H_k`, `A_{k+1} = A_k W^-1 A_k`, `G_{k+1} = G_k + A_k W^-1 G_k A_k^H`,
/// `H_{k+1} = H_k + A_k^H H_k W^-1 A_k` from `(A, B R^-1 B^H, Q)`; `H_k` converges
/// quadratically to `X`. `balanced` is accepted for SciPy compatibility and has no effect.
///
/// ```
/// use xp_core::Array;
/// use xp_linalg::equations::solve_discrete_are;
/// // scalar a = 2, b = 1, q = 1, r = 1: x = 4x - 4x^2/(1 + x) + 1, so x^2 - 4x - 1 = 0
/// let a = Array::<f64>::from_vec(vec![2.0], &[1, 1])?;
/// let one = Array::<f64>::from_vec(vec![1.0], &[1, 1])?;
/// let x = solve_discrete_are(&a, &one, &one, &one, None, None, true)?.to_scalar()?;
/// assert!((x - (2.0 + 5f64.sqrt())).abs() < 1e-12);
/// # Ok::<(), xp_linalg::LinalgError>(())
/// ```
///
/// # Errors
/// As [`solve_continuous_are`]; [`LinalgError::NoConvergence`] after 100 doubling steps.
#[allow(clippy::too_many_arguments)]
pub fn solve_discrete_are<T: LinalgScalar, B: LinalgBackend>(
    a: &Array<T, B>,
    b: &Array<T, B>,
    q: &Array<T, B>,
    r: &Array<T, B>,
    e: Option<&Array<T, B>>,
    s: Option<&Array<T, B>>,
    balanced: bool,
) -> Result<Array<T, B>> {
    const F: &str = "linalg.solve_discrete_are";
    record::<B>(F);
    let _ = balanced;
    with_optional(F, a, b, q, r, e, s, dare)
}

/// The discrete equation in standard form.
#[allow(non_snake_case)]
fn dare<T: LinalgScalar, B: LinalgBackend>(F: &'static str, red: &Reduced<T, B>) -> Result<Array<T, B>> {
    let red = Reduced {
        a: red.a.clone(),
        g: red.g.clone(),
        q: red.q.clone(),
        e_inv: red.e_inv.clone(),
    };
    let n = red.a.shape()[0];
    if n == 0 {
        return Ok(red.q);
    }
    let eps = xp_core::RealNumeric::to_f64(<T::Re as xp_core::RealFloat>::EPSILON);
    let i = eye(n, &red.a)?;
    let (mut ak, mut gk, mut hk) = (red.a, red.g, red.q);
    for _ in 0..100 {
        let w = (&i + &gk.matmul(&hk)?)?;
        let v = solve_sq(F, &w, &concat(&[&ak, &gk], Some(1))?)?;
        let ni = n as isize;
        let v1 = v.slice(&[Idx::all(), Idx::range(0, ni)])?;
        let v2 = v.slice(&[Idx::all(), Idx::range(ni, 2 * ni)])?;
        let h_next = (&hk + &ct(&ak)?.matmul(&hk)?.matmul(&v1)?)?;
        let g_next = (&gk + &ak.matmul(&v2)?.matmul(&ct(&ak)?)?)?;
        ak = ak.matmul(&v1)?;
        let change = fro(&(&h_next - &hk)?)?;
        let size = fro(&h_next)?;
        hk = h_next;
        gk = g_next;
        if !change.is_finite() {
            break;
        }
        if change <= 10.0 * eps * size.max(1.0) {
            return finish(F, hk, red.e_inv);
        }
    }
    Err(LinalgError::NoConvergence {
        function: F,
        iterations: Some(100),
    })
}
