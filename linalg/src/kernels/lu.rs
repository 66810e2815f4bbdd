//! LU with partial pivoting (faer `lu::partial_pivoting`): factor, solve with the factors, the
//! fused factor-and-solve of `solve`, and the inverse.
//!
//! Pivots use LAPACK's `getrf` convention (0-based): for `i` in order, row `i` was interchanged
//! with row `piv[i]`. The factorization also returns the permutation as row indices `p` with
//! `A = L[p] @ U` (SciPy's `p_indices=True`).

use faer::dyn_stack::MemStack;
use faer::linalg::lu::partial_pivoting::{factor, inverse, solve};
use faer::perm::PermRef;
use faer::{Conj, Par};
use ndarray::{ArrayD, ArrayView2, ArrayViewD, Axis};

use super::{
    Failure, Layout, Plan, all_finite, buffer, chunks, faer_mut, faer_ref, finite_first, load, matrices, run,
    split_shape, stack_array, vec_array, with_tail, workspace,
};
use crate::error::Result;
use crate::scalar::LinalgScalar;
use faer::reborrow::{Reborrow, ReborrowMut};

/// Below this dimension one matrix is factored on one thread.
pub const PAR_MIN: usize = 192;

pub use crate::backend::Trans;

/// Packed factors of a stack of matrices.
pub struct LuOut<T> {
    /// `L` (unit diagonal, not stored) and `U` packed in one `(..., M, N)` array.
    pub lu: ArrayD<T>,
    /// LAPACK pivots `(..., min(M, N))`.
    pub piv: ArrayD<i64>,
    /// Row indices `(..., M)` with `A = L[p] @ U`.
    pub perm: ArrayD<i64>,
}

/// LU factors of every matrix of `a` (`(..., M, N)`).
///
/// # Errors
/// Only an output that does not fit memory.
pub fn factor<T: LinalgScalar>(a: ArrayViewD<'_, T>) -> Result<LuOut<T>> {
    let (batch, m, n) = split_shape(a.shape());
    let k = m.min(n);
    let mats = matrices(a)?;
    let count = mats.len();
    let mut lu = buffer::<T>(count, m, n)?;
    let mut piv = vec![0i64; count * k];
    let mut perm = vec![0i64; count * m];
    let plan = Plan::for_size(count, m.max(n), PAR_MIN);
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut lu, m * n, count))
        .zip(chunks(&mut piv, k, count))
        .zip(chunks(&mut perm, m, count))
        .collect();
    run(items, plan, |(((a, out), piv), perm)| {
        load(out, &a);
        let (fwd, inv) = factor_in_place(faer_mut(out, m, n, Layout::ColMajor), plan.par);
        transpositions(&fwd, piv);
        for (p, &i) in perm.iter_mut().zip(&inv) {
            *p = i as i64;
        }
        Ok(())
    })
    .map_err(|e| e.into_error("linalg.lu_factor"))?;
    Ok(LuOut {
        lu: stack_array(&batch, m, n, Layout::ColMajor, lu)?,
        piv: vec_array(with_tail(&batch, &[k]), piv)?,
        perm: vec_array(with_tail(&batch, &[m]), perm)?,
    })
}

/// Factors `f` in place; returns faer's forward and inverse row permutations.
fn factor_in_place<T: LinalgScalar>(f: faer::MatMut<'_, T>, par: Par) -> (Vec<usize>, Vec<usize>) {
    let m = f.nrows();
    let mut fwd = vec![0usize; m];
    let mut inv = vec![0usize; m];
    let mut mem = workspace(factor::lu_in_place_scratch::<usize, T>(
        m,
        f.ncols(),
        par,
        Default::default(),
    ));
    factor::lu_in_place(f, &mut fwd, &mut inv, par, MemStack::new(&mut mem), Default::default());
    (fwd, inv)
}

/// LAPACK pivots (a sequence of row interchanges) that produce faer's forward permutation.
fn transpositions(fwd: &[usize], piv: &mut [i64]) {
    let m = fwd.len();
    let mut rows: Vec<usize> = (0..m).collect();
    let mut pos: Vec<usize> = (0..m).collect();
    for (i, p) in piv.iter_mut().enumerate() {
        let want = fwd.get(i).copied().unwrap_or(i);
        let j = pos.get(want).copied().unwrap_or(i);
        *p = j as i64;
        rows.swap(i, j);
        if let (Some(&ri), Some(&rj)) = (rows.get(i), rows.get(j)) {
            pos[ri] = i;
            pos[rj] = j;
        }
    }
}

/// Forward and inverse permutations of size `n` from LAPACK pivots.
fn permutation(piv: &[i64], n: usize) -> std::result::Result<(Vec<usize>, Vec<usize>), Failure> {
    let mut fwd: Vec<usize> = (0..n).collect();
    for (i, &p) in piv.iter().enumerate() {
        let j = usize::try_from(p)
            .ok()
            .filter(|&j| j < n && i < n)
            .ok_or_else(|| Failure::Shape(format!("pivot {p} at position {i} is outside 0..{n}")))?;
        fwd.swap(i, j);
    }
    let mut inv = vec![0usize; n];
    for (i, &f) in fwd.iter().enumerate() {
        inv[f] = i;
    }
    Ok((fwd, inv))
}

/// The first exactly zero diagonal entry of `U`, if any.
fn zero_pivot<T: LinalgScalar>(f: faer::MatRef<'_, T>) -> Option<usize> {
    let k = f.nrows().min(f.ncols());
    (0..k).find(|&i| f.get(i, i).abs2_f64() == 0.0)
}

/// Solves with packed factors `lu` (`(..., N, N)`), pivots `piv` (`(..., N)`) and right-hand
/// sides `b` (`(..., N, K)`); the batch dimensions must agree.
///
/// # Errors
/// Pivots out of range; mismatched shapes.
pub fn solve_with<T: LinalgScalar>(
    lu: ArrayViewD<'_, T>,
    piv: ArrayViewD<'_, i64>,
    b: ArrayViewD<'_, T>,
    trans: Trans,
) -> Result<ArrayD<T>> {
    const F: &str = "linalg.lu_solve";
    let (batch, n, _) = split_shape(lu.shape());
    let (_, _, k) = split_shape(b.shape());
    let lus = matrices(lu)?;
    let nd = piv.ndim();
    let pivs = matrices(piv.insert_axis(Axis(nd)))?;
    let bs = matrices(b)?;
    let count = lus.len();
    if pivs.len() != count || bs.len() != count {
        return Err(Failure::Shape("batch sizes of lu, piv and b differ".into()).into_error(F));
    }
    let mut out = buffer::<T>(count, n, k)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = lus
        .into_iter()
        .zip(pivs)
        .zip(bs)
        .zip(chunks(&mut out, n * k, count))
        .collect();
    run(items, plan, |(((lu, piv), b), out)| {
        let piv: Vec<i64> = piv.iter().copied().collect();
        let (fwd, inv) = permutation(&piv, n)?;
        load(out, &b);
        let x = faer_mut(out, n, k, Layout::ColMajor);
        apply_solve(faer_ref(&lu), &fwd, &inv, x, trans, plan.par);
        Ok(())
    })
    .map_err(|e| e.into_error(F))?;
    stack_array(&batch, n, k, Layout::ColMajor, out)
}

/// `x <- op(A)^{-1} x` with `A = P^T L U` given as faer's packed factors and permutation.
fn apply_solve<T: LinalgScalar>(
    lu: faer::MatRef<'_, T>,
    fwd: &[usize],
    inv: &[usize],
    x: faer::MatMut<'_, T>,
    trans: Trans,
    par: Par,
) {
    let n = lu.nrows();
    let k = x.ncols();
    let perm = PermRef::new_checked(fwd, inv, n);
    let mut mem = workspace(solve::solve_in_place_scratch::<usize, T>(n, k, par));
    let stack = MemStack::new(&mut mem);
    match trans {
        Trans::N => solve::solve_in_place_with_conj(lu, lu, perm, Conj::No, x, par, stack),
        Trans::T => solve::solve_transpose_in_place_with_conj(lu, lu, perm, Conj::No, x, par, stack),
        Trans::H => solve::solve_transpose_in_place_with_conj(lu, lu, perm, Conj::Yes, x, par, stack),
    }
}

/// `solve(a, b)` for general square `a` (`(..., N, N)`) and `b` (`(..., N, K)`) with equal
/// batch dimensions: factor, check for a zero pivot, solve. With `check_finite`, each matrix
/// of `a` is checked for NaN and infinity once loaded (in cache, not in a separate pass).
///
/// # Errors
/// [`crate::LinalgError::Singular`] with the first zero pivot;
/// [`crate::LinalgError::NonFinite`] for `a` with `check_finite`.
pub fn factor_solve<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    b: ArrayViewD<'_, T>,
    trans: Trans,
    check_finite: bool,
) -> Result<ArrayD<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let (_, _, k) = split_shape(b.shape());
    if n <= 4 && k <= 4 && a.ndim() == 2 && b.ndim() == 2 {
        if check_finite && !a.iter().all(|v| v.is_finite()) {
            return Err(Failure::NonFinite("a").into_error(function));
        }
        return small_solve(function, a, b, trans);
    }
    let mats = matrices(a.view())?;
    let bs = matrices(b)?;
    let count = mats.len();
    if bs.len() != count {
        return Err(Failure::Shape("batch sizes of a and b differ".into()).into_error(function));
    }
    let mut out = buffer::<T>(count, n, k)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats.into_iter().zip(bs).zip(chunks(&mut out, n * k, count)).collect();
    // The LU scratch is allocated per matrix, on the thread that uses it.
    run(items, plan, |((a, b), out)| {
        one_solve(&a, &b, out, &mut vec![T::ZERO; n * n], trans, plan.par, check_finite)
    })
    .map_err(|e| finite_first(e, check_finite, "a", &a).into_error(function))?;
    stack_array(&batch, n, k, Layout::ColMajor, out)
}

fn one_solve<T: LinalgScalar>(
    a: &ArrayView2<'_, T>,
    b: &ArrayView2<'_, T>,
    out: &mut [T],
    lu: &mut [T],
    trans: Trans,
    par: Par,
    check_finite: bool,
) -> std::result::Result<(), Failure> {
    let (n, k) = (a.nrows(), b.ncols());
    load(lu, a);
    if check_finite && !all_finite(lu) {
        return Err(Failure::NonFinite("a"));
    }
    let mut f = faer_mut(lu, n, n, Layout::ColMajor);
    let (fwd, inv) = factor_in_place(f.rb_mut(), par);
    if let Some(p) = zero_pivot(f.rb()) {
        return Err(Failure::Singular(p));
    }
    load(out, b);
    apply_solve(f.rb(), &fwd, &inv, faer_mut(out, n, k, Layout::ColMajor), trans, par);
    Ok(())
}

/// The inverse of every square matrix of `a` (`(..., N, N)`), LAPACK `getrf` + `getri` style:
/// LU with partial pivoting, then `U^{-1} L^{-1}` with the columns permuted back. That takes
/// about three quarters of the work of solving against the identity.
///
/// # Errors
/// [`crate::LinalgError::Singular`] with the first zero pivot;
/// [`crate::LinalgError::NonFinite`] with `check_finite` (checked as each matrix is loaded).
pub fn inverse<T: LinalgScalar>(function: &'static str, a: ArrayViewD<'_, T>, check_finite: bool) -> Result<ArrayD<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let mats = matrices(a.view())?;
    let count = mats.len();
    let mut out = buffer::<T>(count, n, n)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats.into_iter().zip(chunks(&mut out, n * n, count)).collect();
    run(items, plan, |(a, out)| {
        let mut lu = vec![T::ZERO; n * n];
        load(&mut lu, &a);
        if check_finite && !all_finite(&lu) {
            return Err(Failure::NonFinite("a"));
        }
        let mut f = faer_mut(&mut lu, n, n, Layout::ColMajor);
        let (fwd, inv) = factor_in_place(f.rb_mut(), plan.par);
        if let Some(p) = zero_pivot(f.rb()) {
            return Err(Failure::Singular(p));
        }
        let perm = PermRef::new_checked(&fwd, &inv, n);
        let mut mem = workspace(inverse::inverse_scratch::<usize, T>(n, plan.par));
        let f = f.rb();
        inverse::inverse(
            faer_mut(out, n, n, Layout::ColMajor),
            f,
            f,
            perm,
            plan.par,
            MemStack::new(&mut mem),
        );
        Ok(())
    })
    .map_err(|e| finite_first(e, check_finite, "a", &a).into_error(function))?;
    stack_array(&batch, n, n, Layout::ColMajor, out)
}

/// One small system (`n, k <= 4`): the same algorithm on stack buffers, without workspaces.
#[allow(clippy::needless_range_loop)]
fn small_solve<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    b: ArrayViewD<'_, T>,
    trans: Trans,
) -> Result<ArrayD<T>> {
    let (_, n, _) = split_shape(a.shape());
    let (_, _, k) = split_shape(b.shape());
    let mut m = [[T::ZERO; 4]; 4];
    let get = |v: &ArrayViewD<'_, T>, i: usize, j: usize| v.get([i, j].as_slice()).copied().unwrap_or(T::ZERO);
    for (i, row) in m.iter_mut().enumerate().take(n) {
        for (j, x) in row.iter_mut().enumerate().take(n) {
            *x = match trans {
                Trans::N => get(&a, i, j),
                Trans::T => get(&a, j, i),
                Trans::H => get(&a, j, i).conj(),
            };
        }
    }
    let mut x = vec![T::ZERO; n * k];
    for i in 0..n {
        for j in 0..k {
            x[i * k + j] = get(&b, i, j);
        }
    }
    // Gaussian elimination with partial pivoting on rows of `m` and `x`.
    for c in 0..n {
        let mut p = c;
        let mut best = m[c][c].abs2_f64();
        for r in c + 1..n {
            let v = m[r][c].abs2_f64();
            if v > best {
                best = v;
                p = r;
            }
        }
        if best == 0.0 {
            return Err(Failure::Singular(c).into_error(function));
        }
        if p != c {
            m.swap(p, c);
            for j in 0..k {
                x.swap(p * k + j, c * k + j);
            }
        }
        let d = m[c][c].recip();
        for r in c + 1..n {
            let l = m[r][c] * d;
            if l.abs2_f64() == 0.0 {
                continue;
            }
            for j in c + 1..n {
                m[r][j] = m[r][j] - l * m[c][j];
            }
            for j in 0..k {
                x[r * k + j] = x[r * k + j] - l * x[c * k + j];
            }
        }
    }
    for c in (0..n).rev() {
        let d = m[c][c].recip();
        for j in 0..k {
            let mut s = x[c * k + j];
            for r in c + 1..n {
                s = s - m[c][r] * x[r * k + j];
            }
            x[c * k + j] = s * d;
        }
    }
    vec_array(vec![n, k], x)
}
