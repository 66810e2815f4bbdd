//! Singular value decomposition (faer `svd`), batched.

use faer::diag::DiagMut;
use faer::dyn_stack::MemStack;
use faer::linalg::svd::{self, ComputeSvdVectors, SvdError};
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

/// The factors of a stack of SVDs.
pub struct SvdOut<T: LinalgScalar> {
    /// Left singular vectors `(..., M, M)` (full) or `(..., M, K)`.
    pub u: Option<ArrayD<T>>,
    /// Singular values `(..., K)`, descending.
    pub s: ArrayD<T::Re>,
    /// `V^H`: `(..., N, N)` (full) or `(..., K, N)`.
    pub vh: Option<ArrayD<T>>,
}

/// `A = U diag(S) V^H` for every matrix of `a` (`(..., M, N)`).
///
/// # Errors
/// [`crate::LinalgError::NoConvergence`].
pub fn svd<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    full_matrices: bool,
    compute_uv: bool,
) -> Result<SvdOut<T>> {
    let (batch, m, n) = split_shape(a.shape());
    let k = m.min(n);
    let mats = matrices(a)?;
    let count = mats.len();
    let (uc, vr) = match (compute_uv, full_matrices) {
        (false, _) => (0, 0),
        (true, true) => (m, n),
        (true, false) => (k, k),
    };
    let mut s_out = vec![T::Re::ZERO; count * k];
    let mut u = buffer::<T>(count, m, uc)?;
    let mut v = buffer::<T>(count, n, vr)?;
    let plan = Plan::for_size(count, m.max(n), PAR_MIN);
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut s_out, k, count))
        .zip(chunks(&mut u, m * uc, count))
        .zip(chunks(&mut v, n * vr, count))
        .collect();
    let which = match (compute_uv, full_matrices) {
        (false, _) => ComputeSvdVectors::No,
        (true, true) => ComputeSvdVectors::Full,
        (true, false) => ComputeSvdVectors::Thin,
    };
    run(items, plan, |(((a, s_out), u), v)| {
        let a = faer_ref(&a);
        let mut s = vec![T::ZERO; k];
        let mut um = if compute_uv {
            Some(faer_mut(u, m, uc, Layout::ColMajor))
        } else {
            None
        };
        let mut vm = if compute_uv {
            Some(faer_mut(v, n, vr, Layout::ColMajor))
        } else {
            None
        };
        let mut mem = workspace(svd::svd_scratch::<T>(m, n, which, which, plan.par, Default::default()));
        svd::svd(
            a,
            DiagMut::from_slice_mut(&mut s),
            um.as_mut().map(|x| x.rb_mut()),
            vm.as_mut().map(|x| x.rb_mut()),
            plan.par,
            MemStack::new(&mut mem),
            Default::default(),
        )
        .map_err(|SvdError::NoConvergence| Failure::NoConvergence)?;
        for (dst, x) in s_out.iter_mut().zip(&s) {
            *dst = x.real_part();
        }
        // V^H read row-major is conj(V) stored column-major.
        if T::IS_COMPLEX
            && let Some(mut vm) = vm
        {
            for j in 0..vr {
                for i in 0..n {
                    let x = vm.rb_mut().get_mut(i, j);
                    *x = x.conj();
                }
            }
        }
        Ok(())
    })
    .map_err(|e| e.into_error(function))?;
    Ok(SvdOut {
        u: if compute_uv {
            Some(stack_array(&batch, m, uc, Layout::ColMajor, u)?)
        } else {
            None
        },
        s: vec_array(with_tail(&batch, &[k]), s_out)?,
        vh: if compute_uv {
            Some(stack_array(&batch, vr, n, Layout::RowMajor, v)?)
        } else {
            None
        },
    })
}
