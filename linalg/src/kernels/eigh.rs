//! Symmetric / Hermitian eigendecomposition (faer `evd::self_adjoint_evd`), batched.

use faer::diag::DiagMut;
use faer::dyn_stack::MemStack;
use faer::linalg::evd::{self, ComputeEigenvectors, EvdError};
use ndarray::{ArrayD, ArrayViewD};

use super::{
    Failure, Layout, Plan, buffer, chunks, faer_mut, faer_ref, matrices, run, split_shape, stack_array, vec_array,
    with_tail, workspace,
};
use crate::error::Result;
use crate::scalar::LinalgScalar;
use faer::reborrow::ReborrowMut;
use xp_core::Numeric;

/// Below this dimension one matrix is decomposed on one thread.
pub const PAR_MIN: usize = 384;

/// Eigenvalues (ascending) and, with `vectors`, orthonormal eigenvectors (columns) of every
/// matrix of `a` (`(..., N, N)`), reading its `lower` (or upper) triangle.
///
/// # Errors
/// [`crate::LinalgError::NoConvergence`].
pub fn eigh<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    lower: bool,
    vectors: bool,
) -> Result<(ArrayD<T::Re>, Option<ArrayD<T>>)> {
    let (batch, n, _) = split_shape(a.shape());
    let mats = matrices(a)?;
    let count = mats.len();
    let mut w = vec![T::Re::ZERO; count * n];
    let vn = if vectors { n } else { 0 };
    let mut v = buffer::<T>(count, n, vn)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut w, n, count))
        .zip(chunks(&mut v, n * vn, count))
        .collect();
    run(items, plan, |((a, w), v)| {
        if n == 0 {
            return Ok(());
        }
        let a = faer_ref(&a);
        // For Hermitian A the lower triangle of A^T = conj(A) is the upper triangle of A.
        let src = if lower { a } else { a.transpose() };
        let mut s = vec![T::ZERO; n];
        let mut u = if vectors {
            Some(faer_mut(v, n, n, Layout::ColMajor))
        } else {
            None
        };
        let compute = if vectors {
            ComputeEigenvectors::Yes
        } else {
            ComputeEigenvectors::No
        };
        let mut mem = workspace(evd::self_adjoint_evd_scratch::<T>(
            n,
            compute,
            plan.par,
            Default::default(),
        ));
        evd::self_adjoint_evd(
            src,
            DiagMut::from_slice_mut(&mut s),
            u.as_mut().map(|u| u.rb_mut()),
            plan.par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(|EvdError::NoConvergence| Failure::NoConvergence)?;
        for (dst, x) in w.iter_mut().zip(&s) {
            *dst = x.real_part();
        }
        if !lower
            && T::IS_COMPLEX
            && let Some(mut u) = u
        {
            for j in 0..n {
                for i in 0..n {
                    let x = u.rb_mut().get_mut(i, j);
                    *x = x.conj();
                }
            }
        }
        Ok(())
    })
    .map_err(|e| e.into_error(function))?;
    let w = vec_array(with_tail(&batch, &[n]), w)?;
    let v = if vectors {
        Some(stack_array(&batch, n, n, Layout::ColMajor, v)?)
    } else {
        None
    };
    Ok((w, v))
}
