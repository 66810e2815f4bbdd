//! Triangular solves (faer `triangular_solve`), batched.

use faer::linalg::triangular_solve as ts;
use faer::{Conj, MatMut, MatRef, Par};
use ndarray::{ArrayD, ArrayViewD};

use super::lu::Trans;
use super::{Failure, Layout, Plan, buffer, chunks, faer_mut, faer_ref, load, matrices, run, split_shape, stack_array};
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Below this dimension one system is solved on one thread.
pub const PAR_MIN: usize = 256;

/// Solves `op(A) x = b` for triangular `a` (`(..., N, N)`, only the `lower` or upper triangle
/// read; with `unit_diagonal` the diagonal is taken as ones) and `b` (`(..., N, K)`).
///
/// # Errors
/// [`crate::LinalgError::Singular`] for a zero diagonal entry (unless `unit_diagonal`).
pub fn solve<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    b: ArrayViewD<'_, T>,
    trans: Trans,
    lower: bool,
    unit_diagonal: bool,
) -> Result<ArrayD<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let (_, _, k) = split_shape(b.shape());
    let mats = matrices(a)?;
    let bs = matrices(b)?;
    let count = mats.len();
    if bs.len() != count {
        return Err(Failure::Shape("batch sizes of a and b differ".into()).into_error(function));
    }
    let mut out = buffer::<T>(count, n, k)?;
    let plan = Plan::for_size(count, n.max(k), PAR_MIN);
    let items: Vec<_> = mats.into_iter().zip(bs).zip(chunks(&mut out, n * k, count)).collect();
    run(items, plan, |((a, b), out)| {
        let a = faer_ref(&a);
        if !unit_diagonal && let Some(i) = (0..n).find(|&i| a.get(i, i).abs2_f64() == 0.0) {
            return Err(Failure::Singular(i));
        }
        load(out, &b);
        let x = faer_mut(out, n, k, Layout::ColMajor);
        solve_in_place(a, x, trans, lower, unit_diagonal, plan.par);
        Ok(())
    })
    .map_err(|e| e.into_error(function))?;
    stack_array(&batch, n, k, Layout::ColMajor, out)
}

/// `x <- op(A)^{-1} x` for the `lower` (or upper) triangle of `a`.
pub fn solve_in_place<T: LinalgScalar>(
    a: MatRef<'_, T>,
    x: MatMut<'_, T>,
    trans: Trans,
    lower: bool,
    unit: bool,
    par: Par,
) {
    let (tri, conj) = match trans {
        Trans::N => (a, Conj::No),
        Trans::T => (a.transpose(), Conj::No),
        Trans::H => (a.transpose(), Conj::Yes),
    };
    // A transposed lower triangle is an upper one.
    let lower_now = lower == (trans == Trans::N);
    match (lower_now, unit) {
        (true, false) => ts::solve_lower_triangular_in_place_with_conj(tri, conj, x, par),
        (true, true) => ts::solve_unit_lower_triangular_in_place_with_conj(tri, conj, x, par),
        (false, false) => ts::solve_upper_triangular_in_place_with_conj(tri, conj, x, par),
        (false, true) => ts::solve_unit_upper_triangular_in_place_with_conj(tri, conj, x, par),
    }
}
