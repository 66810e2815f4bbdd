//! Functions of triangular matrices, for the Schur method `f(A) = Z f(T) Z^H`: the complex
//! Schur form, the square-root recurrence of Björck & Hammarling and the Parlett recurrence,
//! both vectorised over superdiagonals (each superdiagonal is one gather, one reduction and one
//! scatter), so they run on every backend.

use xp_core::array::updates::AtIndex;
use xp_core::{Array, Element, Float, RealNumeric};

use crate::backend::LinalgBackend;
use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// The complex Schur form `A = Z T Z^H` of one square matrix (converted to the complex type):
/// `(T, Z)` with `T` upper triangular.
#[allow(clippy::type_complexity)]
pub(crate) fn complex_schur<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    a: &Array<T, B>,
) -> Result<(Array<T::Cx, B>, Array<T::Cx, B>)> {
    let ac = a.astype::<T::Cx>()?;
    let s = B::schur(function, &ac)?;
    // The complex Schur form is triangular; clear rounding below the diagonal.
    Ok((s.t.triu(0)?, s.z))
}

/// `Z F Z^H`.
pub(crate) fn back_transform<C: LinalgScalar, B: LinalgBackend>(
    z: &Array<C, B>,
    f: &Array<C, B>,
) -> Result<Array<C, B>> {
    Ok(z.matmul(f)?.matmul(&z.matrix_transpose()?.conj()?)?)
}

/// The diagonal of the `n x n` matrix `t`, read to the host (for checks on the eigenvalues).
pub(super) fn diagonal_host<C: LinalgScalar, B: LinalgBackend>(t: &Array<C, B>) -> Result<Vec<C>> {
    let n = t.shape()[0];
    let idx: Vec<i64> = (0..n).map(|i| (i * (n + 1)) as i64).collect();
    let idx = Array::<i64, B>::from_vec_on(idx, &[n], &t.device())?;
    Ok(t.flatten()?.take(&idx, Some(0))?.to_vec()?)
}

/// For a real input type, fails when an eigenvalue lies on the closed negative real axis
/// (`allow_zero`: zero itself is allowed), where the principal square root, logarithm or
/// fractional power of a real matrix is not real.
pub(super) fn check_real_result<T: LinalgScalar, B: LinalgBackend>(
    function: &'static str,
    t: &Array<T::Cx, B>,
    allow_zero: bool,
) -> Result<()> {
    if T::IS_COMPLEX {
        return Ok(());
    }
    let eps = RealNumeric::to_f64(<T::Re as xp_core::RealFloat>::EPSILON);
    let diag = diagonal_host(t)?;
    let tol = 100.0 * eps * diag.len() as f64;
    for w in diag {
        let (re, im) = (RealNumeric::to_f64(Float::re(w)), RealNumeric::to_f64(Float::im(w)));
        let on_axis = im.abs() <= tol * re.abs();
        if on_axis && (re < 0.0 || (re == 0.0 && !allow_zero)) {
            return Err(LinalgError::invalid(
                function,
                "A",
                format!("eigenvalue {re}"),
                "the real matrix has an eigenvalue on the negative real axis, so the result is not real: \
                 convert A to its complex type for the complex result",
            ));
        }
    }
    Ok(())
}

/// Index grids of superdiagonal `d` of an `n x n` matrix (flat row-major positions): the
/// entries `(i, i + d)`, the rows `(i, i + 1 .. i + d)` and columns `(i + 1 .. i + d, i + d)`
/// strictly between, and the diagonal entries `(i, i)` and `(i + d, i + d)`.
struct Grid<B: LinalgBackend> {
    at: Array<i64, B>,
    row: Array<i64, B>,
    col: Array<i64, B>,
    di: Array<i64, B>,
    dj: Array<i64, B>,
}

impl<B: LinalgBackend> Grid<B> {
    fn new(n: usize, d: usize, device: &B::Device) -> Result<Self> {
        let m = n - d;
        let mut at = Vec::with_capacity(m);
        let mut row = Vec::with_capacity(m * (d - 1));
        let mut col = Vec::with_capacity(m * (d - 1));
        let mut di = Vec::with_capacity(m);
        let mut dj = Vec::with_capacity(m);
        for i in 0..m {
            let j = i + d;
            at.push((i * n + j) as i64);
            di.push((i * n + i) as i64);
            dj.push((j * n + j) as i64);
            for k in i + 1..j {
                row.push((i * n + k) as i64);
                col.push((k * n + j) as i64);
            }
        }
        let up = |v: Vec<i64>, s: &[usize]| Array::<i64, B>::from_vec_on(v, s, device);
        Ok(Grid {
            at: up(at, &[m])?,
            row: up(row, &[m, d - 1])?,
            col: up(col, &[m, d - 1])?,
            di: up(di, &[m])?,
            dj: up(dj, &[m])?,
        })
    }
}

/// `sum_k x[i, k] y[k, j]` over `i < k < j` for every entry of superdiagonal `d` (flat inputs).
fn inner<C: Element + xp_core::Numeric, B: LinalgBackend>(
    g: &Grid<B>,
    x: &Array<C, B>,
    y: &Array<C, B>,
) -> Result<Array<C, B>> {
    let p = (&x.take(&g.row, Some(0))? * &y.take(&g.col, Some(0))?)?;
    Ok(p.sum(-1, false)?)
}

/// The principal square root of the upper triangular `t` (Björck & Hammarling):
/// `R_ii = sqrt(T_ii)`, `R_ij = (T_ij - sum_{i<k<j} R_ik R_kj) / (R_ii + R_jj)`.
pub(super) fn sqrt_triangular<C: LinalgScalar, B: LinalgBackend>(t: &Array<C, B>) -> Result<Array<C, B>> {
    let n = t.shape()[0];
    let device = t.device();
    let tf = t.flatten()?;
    let diag: Vec<i64> = (0..n).map(|i| (i * (n + 1)) as i64).collect();
    let diag = Array::<i64, B>::from_vec_on(diag, &[n], &device)?;
    let mut r = tf
        .zeros_like()?
        .at(AtIndex::take(diag.clone(), 0))
        .set(&tf.take(&diag, Some(0))?.sqrt()?)?;
    for d in 1..n {
        let g = Grid::<B>::new(n, d, &device)?;
        let num = (&tf.take(&g.at, Some(0))? - &inner(&g, &r, &r)?)?;
        let den = (&r.take(&g.di, Some(0))? + &r.take(&g.dj, Some(0))?)?;
        r = r.at(AtIndex::take(g.at, 0)).set(&(&num / &den)?)?;
    }
    Ok(r.reshape(&[n as isize, n as isize])?)
}

/// `f(T)` for the upper triangular `t` by Parlett's recurrence, given `fd = f(diag(T))`:
/// `F_ij = (T_ij (F_jj - F_ii) + sum_{i<k<j} (T_ik F_kj - F_ik T_kj)) / (T_jj - T_ii)` (from `F T = T F`).
/// Equal (or close) diagonal entries make the recurrence divide by (nearly) zero, as SciPy's.
pub(super) fn parlett<C: LinalgScalar, B: LinalgBackend>(t: &Array<C, B>, fd: &Array<C, B>) -> Result<Array<C, B>> {
    let n = t.shape()[0];
    let device = t.device();
    let tf = t.flatten()?;
    let diag: Vec<i64> = (0..n).map(|i| (i * (n + 1)) as i64).collect();
    let diag = Array::<i64, B>::from_vec_on(diag, &[n], &device)?;
    let mut f = tf.zeros_like()?.at(AtIndex::take(diag, 0)).set(fd)?;
    for d in 1..n {
        let g = Grid::<B>::new(n, d, &device)?;
        let (fi, fj) = (f.take(&g.di, Some(0))?, f.take(&g.dj, Some(0))?);
        let (ti, tj) = (tf.take(&g.di, Some(0))?, tf.take(&g.dj, Some(0))?);
        let s = (&inner(&g, &tf, &f)? - &inner(&g, &f, &tf)?)?;
        let num = (&(&tf.take(&g.at, Some(0))? * &(&fj - &fi)?)? + &s)?;
        f = f.at(AtIndex::take(g.at, 0)).set(&(&num / &(&tj - &ti)?)?)?;
    }
    Ok(f.reshape(&[n as isize, n as isize])?)
}
