//! General eigendecomposition (faer `evd::evd_real` / `evd::evd_cplx`), batched.
//!
//! Eigenvectors are normalised like LAPACK's `geev`: unit Euclidean norm, and complex
//! eigenvectors rotated so that their largest component is real.

use faer::diag::DiagMut;
use faer::dyn_stack::MemStack;
use faer::linalg::evd::{self, ComputeEigenvectors, EvdError};
use faer::{Mat, MatRef, Par};
use ndarray::{ArrayD, ArrayViewD};
use num_complex::Complex;
use xp_core::Numeric;

use super::{
    Failure, Layout, Plan, buffer, chunks, faer_ref, matrices, run, split_shape, stack_array, vec_array, with_tail,
    workspace,
};
use crate::error::Result;
use crate::scalar::LinalgScalar;

/// Below this dimension one matrix is decomposed on one thread (mid-size eigenproblems run
/// faster sequentially on few cores).
pub const PAR_MIN: usize = 768;

/// Eigenvalues and left/right eigenvectors of a stack.
pub struct EigOut<T: LinalgScalar> {
    /// Eigenvalues `(..., N)`.
    pub w: ArrayD<T::Cx>,
    /// Left eigenvectors (columns) `(..., N, N)`, when asked for.
    pub vl: Option<ArrayD<T::Cx>>,
    /// Right eigenvectors (columns) `(..., N, N)`, when asked for.
    pub vr: Option<ArrayD<T::Cx>>,
}

/// Eigenvalues and eigenvectors of every matrix of `a` (`(..., N, N)`).
///
/// # Errors
/// [`crate::LinalgError::NoConvergence`] (also for non-finite input).
pub fn eig<T: LinalgScalar>(
    function: &'static str,
    a: ArrayViewD<'_, T>,
    left: bool,
    right: bool,
) -> Result<EigOut<T>> {
    let (batch, n, _) = split_shape(a.shape());
    let mats = matrices(a)?;
    let count = mats.len();
    let mut w = vec![<T::Cx as Numeric>::ZERO; count * n];
    let (ln, rn) = (if left { n } else { 0 }, if right { n } else { 0 });
    let mut vl = buffer::<T::Cx>(count, n, ln)?;
    let mut vr = buffer::<T::Cx>(count, n, rn)?;
    let plan = Plan::for_size(count, n, PAR_MIN);
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut w, n, count))
        .zip(chunks(&mut vl, n * ln, count))
        .zip(chunks(&mut vr, n * rn, count))
        .collect();
    run(items, plan, |(((a, w), vl), vr)| {
        let a = faer_ref(&a);
        T::eig_kernel(
            a,
            w,
            if left { Some(vl) } else { None },
            if right { Some(vr) } else { None },
            plan.par,
        )
    })
    .map_err(|e| e.into_error(function))?;
    Ok(EigOut {
        w: vec_array(with_tail(&batch, &[n]), w)?,
        vl: if left {
            Some(stack_array(&batch, n, n, Layout::ColMajor, vl)?)
        } else {
            None
        },
        vr: if right {
            Some(stack_array(&batch, n, n, Layout::ColMajor, vr)?)
        } else {
            None
        },
    })
}

fn yes(b: bool) -> ComputeEigenvectors {
    if b {
        ComputeEigenvectors::Yes
    } else {
        ComputeEigenvectors::No
    }
}

/// Eigen-decomposition of a real matrix: conjugate pairs come out as `(re + i im, re - i im)`
/// with the eigenvectors of a pair stored as real and imaginary parts in two columns.
pub fn real_eig<R: LinalgScalar<Re = R> + faer::traits::RealField + xp_core::RealFloat>(
    a: MatRef<'_, R>,
    w: &mut [R::Cx],
    vl: Option<&mut [R::Cx]>,
    vr: Option<&mut [R::Cx]>,
    par: Par,
) -> std::result::Result<(), Failure> {
    let n = a.nrows();
    let mut re = vec![R::ZERO; n];
    let mut im = vec![R::ZERO; n];
    let mut ul = vl.as_ref().map(|_| Mat::<R>::zeros(n, n));
    let mut ur = vr.as_ref().map(|_| Mat::<R>::zeros(n, n));
    let mut mem = workspace(evd::evd_scratch::<R>(
        n,
        yes(ul.is_some()),
        yes(ur.is_some()),
        par,
        Default::default(),
    ));
    evd::evd_real(
        a,
        DiagMut::from_slice_mut(&mut re),
        DiagMut::from_slice_mut(&mut im),
        ul.as_mut().map(|u| u.as_mut()),
        ur.as_mut().map(|u| u.as_mut()),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|EvdError::NoConvergence| Failure::NoConvergence)?;
    for (dst, (&r, &i)) in w.iter_mut().zip(re.iter().zip(&im)) {
        *dst = R::cx(r, i);
    }
    for (out, u) in [(vl, ul), (vr, ur)] {
        if let (Some(out), Some(u)) = (out, u) {
            real_vectors::<R>(u.as_ref(), &im, out);
        }
    }
    Ok(())
}

/// Complex eigenvectors from the real-pair storage of a real eigensolver, normalised.
fn real_vectors<R: LinalgScalar<Re = R>>(u: MatRef<'_, R>, im: &[R], out: &mut [R::Cx]) {
    let n = u.nrows();
    let mut j = 0;
    while j < n {
        let pair = im.get(j).is_some_and(|&x| x != R::ZERO) && j + 1 < n;
        for i in 0..n {
            let re = *u.get(i, j);
            let (v0, v1) = if pair {
                let ip = *u.get(i, j + 1);
                (R::cx(re, ip), R::cx(re, -ip))
            } else {
                (R::cx(re, R::ZERO), R::cx(R::ZERO, R::ZERO))
            };
            out[j * n + i] = v0;
            if pair {
                out[(j + 1) * n + i] = v1;
            }
        }
        normalise::<R::Cx>(&mut out[j * n..(j + 1) * n], pair);
        if pair {
            normalise::<R::Cx>(&mut out[(j + 1) * n..(j + 2) * n], true);
            j += 2;
        } else {
            j += 1;
        }
    }
}

/// Scales a vector to unit norm; with `rotate`, also makes its largest component real.
fn normalise<C: LinalgScalar>(v: &mut [C], rotate: bool) {
    let norm = v.iter().map(|x| x.abs2_f64()).sum::<f64>().sqrt();
    if norm == 0.0 || !norm.is_finite() {
        return;
    }
    let mut scale = C::from_f64(1.0 / norm);
    if rotate
        && let Some(big) = v.iter().copied().max_by(|a, b| a.abs2_f64().total_cmp(&b.abs2_f64()))
        && big.abs2_f64() > 0.0
    {
        let m = big.abs2_f64().sqrt();
        scale = scale * big.conj() * C::from_f64(1.0 / m);
    }
    for x in v.iter_mut() {
        *x = *x * scale;
    }
}

/// Eigen-decomposition of a complex matrix.
pub fn complex_eig<R: faer::traits::RealField>(
    a: MatRef<'_, Complex<R>>,
    w: &mut [Complex<R>],
    vl: Option<&mut [Complex<R>]>,
    vr: Option<&mut [Complex<R>]>,
    par: Par,
) -> std::result::Result<(), Failure>
where
    Complex<R>: LinalgScalar,
{
    let n = a.nrows();
    let mut ul = vl.as_ref().map(|_| Mat::<Complex<R>>::zeros(n, n));
    let mut ur = vr.as_ref().map(|_| Mat::<Complex<R>>::zeros(n, n));
    let mut mem = workspace(evd::evd_scratch::<Complex<R>>(
        n,
        yes(ul.is_some()),
        yes(ur.is_some()),
        par,
        Default::default(),
    ));
    evd::evd_cplx::<R>(
        a,
        DiagMut::from_slice_mut(w),
        ul.as_mut().map(|u| u.as_mut()),
        ur.as_mut().map(|u| u.as_mut()),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|EvdError::NoConvergence| Failure::NoConvergence)?;
    for (out, u) in [(vl, ul), (vr, ur)] {
        if let (Some(out), Some(u)) = (out, u) {
            for j in 0..n {
                for i in 0..n {
                    out[j * n + i] = *u.as_ref().get(i, j);
                }
                normalise::<Complex<R>>(&mut out[j * n..(j + 1) * n], true);
            }
        }
    }
    Ok(())
}
