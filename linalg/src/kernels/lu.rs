//! LU with partial pivoting (faer `lu::partial_pivoting`): factor, solve with the factors, and
//! the fused factor-and-solve of `solve`.
//!
//! Pivots use LAPACK's `getrf` convention (0-based): for `i` in order, row `i` was interchanged
//! with row `piv[i]`. The factorization also returns the permutation as row indices `p` with
//! `A = L[p] @ U` (SciPy's `p_indices=True`).

use faer::dyn_stack::MemStack;
use faer::linalg::lu::partial_pivoting::{factor, solve};
use faer::perm::PermRef;
use faer::{Conj, Par};
use ndarray::{ArrayD, ArrayView2, ArrayViewD, Axis};

use super::{
    Failure, Layout, Plan, buffer, chunks, faer_mut, faer_ref, matrices, run, split_shape, stack_array, vec_array,
    with_tail, workspace,
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
        let mut f = faer_mut(out, m, n, Layout::ColMajor);
        f.copy_from(faer_ref(&a));
        let (fwd, inv) = factor_in_place(f, plan.par);
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
        let mut x = faer_mut(out, n, k, Layout::ColMajor);
        x.copy_from(faer_ref(&b));
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
/// batch dimensions: factor, check for a zero pivot, solve.
///
/// # Errors
/// [`crate::LinalgError::Singular`] with the first zero pivot.
pub fn factor_solve<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    b: ArrayViewD<'_, T>,
    trans: Trans,
) -> Result<ArrayD<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let (_, _, k) = split_shape(b.shape());
    if n <= 4 && k <= 4 && a.ndim() == 2 && b.ndim() == 2 {
        return small_solve(function, a, b, trans);
    }
    let mats = matrices(a)?;
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
        one_solve(&a, &b, out, &mut vec![T::ZERO; n * n], trans, plan.par)
    })
    .map_err(|e| e.into_error(function))?;
    stack_array(&batch, n, k, Layout::ColMajor, out)
}

fn one_solve<T: LinalgScalar>(
    a: &ArrayView2<'_, T>,
    b: &ArrayView2<'_, T>,
    out: &mut [T],
    lu: &mut [T],
    trans: Trans,
    par: Par,
) -> std::result::Result<(), Failure> {
    let (n, k) = (a.nrows(), b.ncols());
    let mut f = faer_mut(lu, n, n, Layout::ColMajor);
    f.copy_from(faer_ref(a));
    let (fwd, inv) = factor_in_place(f.rb_mut(), par);
    if let Some(p) = zero_pivot(f.rb()) {
        return Err(Failure::Singular(p));
    }
    let mut x = faer_mut(out, n, k, Layout::ColMajor);
    x.copy_from(faer_ref(b));
    apply_solve(f.rb(), &fwd, &inv, x, trans, par);
    Ok(())
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
