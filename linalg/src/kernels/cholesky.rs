//! Cholesky `A = L L^H` (faer `cholesky::llt`), batched; solving with the factor.

use faer::Conj;
use faer::dyn_stack::MemStack;
use faer::linalg::cholesky::llt::factor::{LltError, LltRegularization, cholesky_in_place, cholesky_in_place_scratch};
use faer::linalg::cholesky::llt::solve::{solve_in_place_scratch, solve_in_place_with_conj};
use ndarray::{ArrayD, ArrayViewD};

use super::{
    Failure, Layout, Plan, buffer, chunks, faer_mut, faer_ref, load, matrices, run, split_shape, stack_array, workspace,
};
use crate::error::Result;
use crate::scalar::LinalgScalar;
use faer::reborrow::ReborrowMut;

/// Below this dimension one matrix is factored on one thread.
pub const PAR_MIN: usize = 192;

/// The Cholesky factor of every matrix of `a` (`(..., N, N)`): `L` with `A = L L^H` reading
/// the lower triangle when `lower`, else `U` with `A = U^H U` reading the upper triangle. The
/// other triangle of the result is zero.
///
/// # Errors
/// [`crate::LinalgError::NotPositiveDefinite`] with the failing pivot.
pub fn factor<T: LinalgScalar>(function: &'static str, a: ArrayViewD<'_, T>, lower: bool) -> Result<ArrayD<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let mats = matrices(a)?;
    let count = mats.len();
    let mut out = buffer::<T>(count, n, n)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats.into_iter().zip(chunks(&mut out, n * n, count)).collect();
    run(items, plan, |(a, out)| {
        // faer reads the lower triangle: of A, or of A^H (the conjugated upper triangle of A).
        if lower {
            load(out, &a);
        } else {
            load(out, &a.t());
            out.iter_mut().for_each(|v| *v = v.conj());
        }
        let mut l = faer_mut(out, n, n, Layout::ColMajor);
        let mut mem = workspace(cholesky_in_place_scratch::<T>(n, plan.par, Default::default()));
        cholesky_in_place(
            l.rb_mut(),
            LltRegularization::default(),
            plan.par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(|LltError::NonPositivePivot { index }| Failure::NotPositiveDefinite(index))?;
        // Clear the strict upper triangle; read back row-major (upper case), the buffer holds
        // L^T, which is U = L^H once conjugated.
        for j in 0..n {
            for i in 0..n {
                let v = l.rb_mut().get_mut(i, j);
                if i < j {
                    *v = T::ZERO;
                } else if !lower {
                    *v = v.conj();
                }
            }
        }
        Ok(())
    })
    .map_err(|e| e.into_error(function))?;
    let layout = if lower { Layout::ColMajor } else { Layout::RowMajor };
    stack_array(&batch, n, n, layout, out)
}

/// Solves `A x = b` given the Cholesky factor `c` of `A` (lower `L` or upper `U`).
///
/// # Errors
/// Mismatched batches.
pub fn solve<T: LinalgScalar>(
    function: &'static str,
    c: ArrayViewD<'_, T>,
    lower: bool,
    b: ArrayViewD<'_, T>,
) -> Result<ArrayD<T>> {
    let (batch, n, _) = split_shape(c.shape());
    let (_, _, k) = split_shape(b.shape());
    let cs = matrices(c)?;
    let bs = matrices(b)?;
    let count = cs.len();
    if bs.len() != count {
        return Err(Failure::Shape("batch sizes of c and b differ".into()).into_error(function));
    }
    let mut out = buffer::<T>(count, n, k)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = cs.into_iter().zip(bs).zip(chunks(&mut out, n * k, count)).collect();
    run(items, plan, |((c, b), out)| {
        let c = faer_ref(&c);
        load(out, &b);
        let x = faer_mut(out, n, k, Layout::ColMajor);
        let mut mem = workspace(solve_in_place_scratch::<T>(n, k, plan.par));
        // With U given, L = U^H = conj(U^T).
        let (l, conj) = if lower {
            (c, Conj::No)
        } else {
            (c.transpose(), Conj::Yes)
        };
        solve_in_place_with_conj(l, conj, x, plan.par, MemStack::new(&mut mem));
        Ok(())
    })
    .map_err(|e| e.into_error(function))?;
    stack_array(&batch, n, k, Layout::ColMajor, out)
}
