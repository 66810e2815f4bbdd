//! Schur decomposition `A = Z T Z^H`, batched: Hessenberg reduction (faer `evd::hessenberg`),
//! then the QZ iteration of faer's generalized eigensolver on the pair `(H, I)`.
//!
//! For that pair QZ returns `Q^H H Z = S` and `Q^H Z = D` (upper triangular and unitary, so
//! diagonal with entries of modulus one), hence `H = Q (S D^H) Q^H`: the Schur form is `S`
//! with its columns scaled by `conj(D)`, and the Schur vectors are the Hessenberg `Q` times the
//! QZ `Q`.

use faer::dyn_stack::MemStack;
use faer::linalg::evd::ComputeEigenvectors;
use faer::linalg::gevd::{GeneralizedSchurParams, qz_cplx, qz_real};
use faer::{Mat, MatMut, Par};
use ndarray::{ArrayD, ArrayViewD};
use xp_core::Numeric;

use super::hessenberg::reduce;
use super::{
    Failure, Layout, Plan, buffer, chunks, faer_mut, load, matrices, run, split_shape, stack_array, vec_array,
    with_tail, workspace,
};
use crate::error::Result;
use crate::scalar::LinalgScalar;
use faer::reborrow::{Reborrow, ReborrowMut};

/// Below this dimension one matrix is decomposed on one thread.
pub const PAR_MIN: usize = 768;

/// Schur form, Schur vectors and eigenvalues of a stack.
pub struct SchurOut<T: LinalgScalar> {
    /// `T` `(..., N, N)`: upper triangular (complex) or quasi-triangular (real).
    pub t: ArrayD<T>,
    /// `Z` `(..., N, N)`, unitary.
    pub z: ArrayD<T>,
    /// Eigenvalues `(..., N)` in the order of the diagonal of `T`.
    pub w: ArrayD<T::Cx>,
}

/// The Schur decomposition of every matrix of `a` (`(..., N, N)`).
///
/// # Errors
/// [`crate::LinalgError::NoConvergence`] (also for non-finite input).
pub fn schur<T: LinalgScalar>(function: &'static str, a: ArrayViewD<'_, T>) -> Result<SchurOut<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let mats = matrices(a)?;
    let count = mats.len();
    let mut t = buffer::<T>(count, n, n)?;
    let mut z = buffer::<T>(count, n, n)?;
    let mut w = vec![<T::Cx as Numeric>::ZERO; count * n];
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut t, n * n, count))
        .zip(chunks(&mut z, n * n, count))
        .zip(chunks(&mut w, n, count))
        .collect();
    run(items, plan, |(((a, t), z), w)| {
        load(t, &a);
        let tm = faer_mut(t, n, n, Layout::ColMajor);
        let zm = faer_mut(z, n, n, Layout::ColMajor);
        T::schur_kernel(tm, zm, w, plan.par)
    })
    .map_err(|e| e.into_error(function))?;
    Ok(SchurOut {
        t: stack_array(&batch, n, n, Layout::ColMajor, t)?,
        z: stack_array(&batch, n, n, Layout::ColMajor, z)?,
        w: vec_array(with_tail(&batch, &[n]), w)?,
    })
}

fn finite<T: LinalgScalar>(t: &MatMut<'_, T>) -> bool {
    let t = t.rb();
    (0..t.ncols()).all(|j| (0..t.nrows()).all(|i| t.get(i, j).is_finite()))
}

/// Hessenberg reduction into `t`/`z`; `None` when the problem is trivial (`n <= 1`) and done.
fn prepare<T: LinalgScalar>(
    t: &mut MatMut<'_, T>,
    z: &mut MatMut<'_, T>,
    w: &mut [T::Cx],
    par: Par,
) -> Result<bool, Failure> {
    if !finite(t) {
        return Err(Failure::NoConvergence);
    }
    let n = t.nrows();
    reduce(t.rb_mut(), Some(z.rb_mut()), par);
    if n <= 1 {
        if let Some(w0) = w.first_mut() {
            *w0 = (*t.as_ref().get(0, 0)).to_cx();
        }
        return Ok(false);
    }
    Ok(true)
}

/// Real Schur form (1x1 and 2x2 diagonal blocks).
pub fn real_schur<R: LinalgScalar<Re = R> + faer::traits::RealField + xp_core::RealFloat>(
    mut t: MatMut<'_, R>,
    mut z: MatMut<'_, R>,
    w: &mut [R::Cx],
    par: Par,
) -> Result<(), Failure> {
    if !prepare(&mut t, &mut z, w, par)? {
        return Ok(());
    }
    let n = t.nrows();
    let mut b = Mat::<R>::identity(n, n);
    let mut ar = vec![R::ZERO; n];
    let mut ai = vec![R::ZERO; n];
    let mut beta = vec![R::ZERO; n];
    let params = <GeneralizedSchurParams as faer::Auto<R>>::auto();
    let mut mem = workspace(qz_real::hessenberg_to_qz_scratch::<R>(n, par, params));
    qz_real::hessenberg_to_qz(
        t.rb_mut(),
        b.as_mut(),
        Some(z.rb_mut()),
        None,
        faer::ColMut::from_slice_mut(&mut ar),
        faer::ColMut::from_slice_mut(&mut ai),
        faer::ColMut::from_slice_mut(&mut beta),
        ComputeEigenvectors::Yes,
        par,
        params,
        MemStack::new(&mut mem),
    );
    for j in 0..n {
        let d = *b.as_ref().get(j, j);
        if d.real_part() < R::ZERO {
            for i in 0..n {
                let x = t.rb_mut().get_mut(i, j);
                *x = -*x;
            }
        }
    }
    eigenvalues_of_real_schur::<R>(t.rb(), w);
    if !finite(&t) {
        return Err(Failure::NoConvergence);
    }
    Ok(())
}

/// Eigenvalues read off a real quasi-triangular Schur form.
fn eigenvalues_of_real_schur<R: LinalgScalar<Re = R> + xp_core::RealFloat>(t: faer::MatRef<'_, R>, w: &mut [R::Cx]) {
    let n = t.nrows();
    let mut j = 0;
    while j < n {
        let sub = if j + 1 < n { *t.get(j + 1, j) } else { R::ZERO };
        if sub != R::ZERO {
            let (a, b, c, d) = (*t.get(j, j), *t.get(j, j + 1), sub, *t.get(j + 1, j + 1));
            let half = R::from_f64(0.5);
            let mean = (a + d) * half;
            let diff = (a - d) * half;
            let disc = diff * diff + b * c;
            let im = if disc < R::ZERO { (-disc).sqrt() } else { R::ZERO };
            let re_shift = if disc < R::ZERO { R::ZERO } else { disc.sqrt() };
            if let Some(x) = w.get_mut(j) {
                *x = R::cx(mean + re_shift, im);
            }
            if let Some(x) = w.get_mut(j + 1) {
                *x = R::cx(mean - re_shift, -im);
            }
            j += 2;
        } else {
            if let Some(x) = w.get_mut(j) {
                *x = R::cx(*t.get(j, j), R::ZERO);
            }
            j += 1;
        }
    }
}

/// Complex Schur form (upper triangular); also used for real input by `output="complex"`.
pub fn complex_schur<C: LinalgScalar>(
    mut t: MatMut<'_, C>,
    mut z: MatMut<'_, C>,
    w: &mut [C::Cx],
    par: Par,
) -> Result<(), Failure> {
    if !prepare(&mut t, &mut z, w, par)? {
        return Ok(());
    }
    let n = t.nrows();
    let mut b = Mat::<C>::identity(n, n);
    let mut alpha = vec![C::ZERO; n];
    let mut beta = vec![C::ZERO; n];
    let params = <GeneralizedSchurParams as faer::Auto<C>>::auto();
    let mut mem = workspace(qz_cplx::hessenberg_to_qz_scratch::<C>(n, par, params));
    qz_cplx::hessenberg_to_qz(
        t.rb_mut(),
        b.as_mut(),
        Some(z.rb_mut()),
        None,
        faer::ColMut::from_slice_mut(&mut alpha),
        faer::ColMut::from_slice_mut(&mut beta),
        ComputeEigenvectors::Yes,
        par,
        params,
        MemStack::new(&mut mem),
    );
    for j in 0..n {
        let d = *b.as_ref().get(j, j);
        let m = d.abs2_f64().sqrt();
        let s = if m > 0.0 {
            d.conj() * C::from_f64(1.0 / m)
        } else {
            C::ONE
        };
        for i in 0..n {
            let x = t.rb_mut().get_mut(i, j);
            *x = *x * s;
        }
    }
    for (j, x) in w.iter_mut().enumerate() {
        *x = t.rb().get(j, j).to_cx();
    }
    if !finite(&t) {
        return Err(Failure::NoConvergence);
    }
    Ok(())
}
