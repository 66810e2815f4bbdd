//! Hessenberg reduction `A = Q H Q^H` (faer `evd::hessenberg`), batched.

use faer::dyn_stack::MemStack;
use faer::linalg::evd::hessenberg;
use faer::linalg::{householder, qr};
use faer::{Conj, Mat, MatMut, Par};
use ndarray::{ArrayD, ArrayViewD};

use super::{Layout, Plan, buffer, chunks, faer_mut, load, matrices, run, split_shape, stack_array, workspace};
use crate::error::Result;
use crate::scalar::LinalgScalar;
use faer::reborrow::{Reborrow, ReborrowMut};

/// Below this dimension one matrix is reduced on one thread.
pub const PAR_MIN: usize = 512;

/// Reduces `h` (holding `A`) in place to upper Hessenberg form and, with `q`, writes the
/// unitary `Q` with `A = Q H Q^H` into it.
pub fn reduce<T: LinalgScalar>(mut h: MatMut<'_, T>, q: Option<MatMut<'_, T>>, par: Par) {
    let n = h.nrows();
    if let Some(mut q) = q {
        q.fill(T::ZERO);
        for i in 0..n {
            *q.rb_mut().get_mut(i, i) = T::ONE;
        }
        if n > 2 {
            let bs = qr::no_pivoting::factor::recommended_block_size::<T>(n - 1, n - 1).max(1);
            let mut coeff = Mat::<T>::zeros(bs, n - 1);
            let mut mem = workspace(hessenberg::hessenberg_in_place_scratch::<T>(
                n,
                bs,
                par,
                Default::default(),
            ));
            hessenberg::hessenberg_in_place(
                h.rb_mut(),
                coeff.as_mut(),
                par,
                MemStack::new(&mut mem),
                Default::default(),
            );
            let mut mem = workspace(
                householder::apply_block_householder_sequence_on_the_right_in_place_scratch::<T>(n - 1, bs, n - 1),
            );
            householder::apply_block_householder_sequence_on_the_right_in_place_with_conj(
                h.rb().submatrix(1, 0, n - 1, n - 1),
                coeff.as_ref(),
                Conj::No,
                q.submatrix_mut(1, 1, n - 1, n - 1),
                par,
                MemStack::new(&mut mem),
            );
        }
    } else if n > 2 {
        let bs = qr::no_pivoting::factor::recommended_block_size::<T>(n - 1, n - 1).max(1);
        let mut coeff = Mat::<T>::zeros(bs, n - 1);
        let mut mem = workspace(hessenberg::hessenberg_in_place_scratch::<T>(
            n,
            bs,
            par,
            Default::default(),
        ));
        hessenberg::hessenberg_in_place(
            h.rb_mut(),
            coeff.as_mut(),
            par,
            MemStack::new(&mut mem),
            Default::default(),
        );
    }
    for j in 0..n {
        for i in (j + 2)..n {
            *h.rb_mut().get_mut(i, j) = T::ZERO;
        }
    }
}

/// `H` and (with `calc_q`) `Q` for every matrix of `a` (`(..., N, N)`).
///
/// # Errors
/// Only an output that does not fit memory.
pub fn hessenberg<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    calc_q: bool,
) -> Result<(ArrayD<T>, Option<ArrayD<T>>)> {
    let (batch, n, _) = split_shape(a.shape());
    let mats = matrices(a)?;
    let count = mats.len();
    let qn = if calc_q { n } else { 0 };
    let mut h = buffer::<T>(count, n, n)?;
    let mut q = buffer::<T>(count, n, qn)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut h, n * n, count))
        .zip(chunks(&mut q, n * qn, count))
        .collect();
    run(items, plan, |((a, h), q)| {
        load(h, &a);
        let hm = faer_mut(h, n, n, Layout::ColMajor);
        let qm = if calc_q {
            Some(faer_mut(q, n, n, Layout::ColMajor))
        } else {
            None
        };
        reduce(hm, qm, plan.par);
        Ok(())
    })
    .map_err(|e| e.into_error(function))?;
    let q = if calc_q {
        Some(stack_array(&batch, n, n, Layout::ColMajor, q)?)
    } else {
        None
    };
    Ok((stack_array(&batch, n, n, Layout::ColMajor, h)?, q))
}
