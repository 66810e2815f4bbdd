//! QR factorizations (faer `qr::no_pivoting` and `qr::col_pivoting`), batched.

use faer::dyn_stack::MemStack;
use faer::linalg::householder;
use faer::linalg::qr::{col_pivoting, no_pivoting};
use faer::{Conj, Mat, MatMut, Par};
use ndarray::{ArrayD, ArrayViewD};

use super::{
    Layout, Plan, buffer, chunks, faer_mut, load, matrices, run, split_shape, stack_array, vec_array, with_tail,
    workspace,
};
use crate::error::Result;
use crate::scalar::LinalgScalar;
use faer::reborrow::{Reborrow, ReborrowMut};

/// Below this dimension one matrix is factored on one thread.
pub const PAR_MIN: usize = 192;

pub use crate::backend::QrShape as Shape;

/// Factors of a stack of matrices.
pub struct QrOut<T> {
    /// `Q`, unless [`Shape::ROnly`].
    pub q: Option<ArrayD<T>>,
    /// `R`.
    pub r: ArrayD<T>,
    /// Column permutation `p` with `A[:, p] = Q R`, when pivoting.
    pub p: Option<ArrayD<i64>>,
}

/// QR factors of every matrix of `a` (`(..., M, N)`), with column pivoting when `pivoting`.
///
/// # Errors
/// Only an output that does not fit memory.
pub fn factor<T: LinalgScalar>(a: ArrayViewD<'_, T>, shape: Shape, pivoting: bool) -> Result<QrOut<T>> {
    let (batch, m, n) = split_shape(a.shape());
    let k = m.min(n);
    let mats = matrices(a)?;
    let count = mats.len();
    let r_rows = if shape == Shape::Economic { k } else { m };
    let q_cols = match shape {
        Shape::Full => m,
        Shape::Economic => k,
        Shape::ROnly => 0,
    };
    let mut r = buffer::<T>(count, r_rows, n)?;
    let mut q = buffer::<T>(count, m, q_cols)?;
    let mut p = vec![0i64; if pivoting { count * n } else { 0 }];
    let plan = Plan::for_size(count, m.max(n), PAR_MIN);
    let p_size = if pivoting { n } else { 0 };
    let items: Vec<_> = mats
        .into_iter()
        .zip(chunks(&mut r, r_rows * n, count))
        .zip(chunks(&mut q, m * q_cols, count))
        .zip(chunks(&mut p, p_size, count))
        .collect();
    run(items, plan, |(((a, r), q), p)| {
        let mut temp = if r_rows == m { None } else { Some(vec![T::ZERO; m * n]) };
        let (mut f, mut r_small) = match temp.as_mut() {
            None => {
                load(r, &a);
                (faer_mut(r, m, n, Layout::ColMajor), None)
            }
            Some(t) => {
                load(t, &a);
                (
                    faer_mut(t, m, n, Layout::ColMajor),
                    Some(faer_mut(r, r_rows, n, Layout::ColMajor)),
                )
            }
        };
        let bs = no_pivoting::factor::recommended_block_size::<T>(m, n).max(1);
        let mut coeff = Mat::<T>::zeros(bs, k);
        let par = plan.par;
        if pivoting {
            let mut fwd = vec![0usize; n];
            let mut inv = vec![0usize; n];
            let mut mem = workspace(col_pivoting::factor::qr_in_place_scratch::<usize, T>(
                m,
                n,
                bs,
                par,
                Default::default(),
            ));
            col_pivoting::factor::qr_in_place(
                f.rb_mut(),
                coeff.as_mut(),
                &mut fwd,
                &mut inv,
                par,
                MemStack::new(&mut mem),
                Default::default(),
            );
            for (dst, &src) in p.iter_mut().zip(&fwd) {
                *dst = src as i64;
            }
        } else {
            let mut mem = workspace(no_pivoting::factor::qr_in_place_scratch::<T>(
                m,
                n,
                bs,
                par,
                Default::default(),
            ));
            no_pivoting::factor::qr_in_place(
                f.rb_mut(),
                coeff.as_mut(),
                par,
                MemStack::new(&mut mem),
                Default::default(),
            );
        }
        if q_cols > 0 {
            let mut qm = faer_mut(q, m, q_cols, Layout::ColMajor);
            for i in 0..m.min(q_cols) {
                *qm.rb_mut().get_mut(i, i) = T::ONE;
            }
            apply_q(f.rb().get(.., ..k), coeff.as_ref(), qm, par);
        }
        match r_small.as_mut() {
            None => {
                for j in 0..n {
                    for i in (j + 1)..m {
                        *f.rb_mut().get_mut(i, j) = T::ZERO;
                    }
                }
            }
            Some(rm) => {
                for j in 0..n {
                    for i in 0..r_rows.min(j + 1) {
                        *rm.rb_mut().get_mut(i, j) = *f.rb().get(i, j);
                    }
                }
            }
        }
        Ok(())
    })
    .map_err(|e| e.into_error("linalg.qr"))?;
    Ok(QrOut {
        q: if shape == Shape::ROnly {
            None
        } else {
            Some(stack_array(&batch, m, q_cols, Layout::ColMajor, q)?)
        },
        r: stack_array(&batch, r_rows, n, Layout::ColMajor, r)?,
        p: if pivoting {
            Some(vec_array(with_tail(&batch, &[n]), p)?)
        } else {
            None
        },
    })
}

/// `x <- Q x` for `Q` given by a Householder basis and its block coefficients.
pub fn apply_q<T: LinalgScalar>(basis: faer::MatRef<'_, T>, coeff: faer::MatRef<'_, T>, x: MatMut<'_, T>, par: Par) {
    if basis.ncols() == 0 || x.ncols() == 0 {
        return;
    }
    let mut mem = workspace(
        householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<T>(
            basis.nrows(),
            coeff.nrows(),
            x.ncols(),
        ),
    );
    householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
        basis,
        coeff,
        Conj::No,
        x,
        par,
        MemStack::new(&mut mem),
    );
}
