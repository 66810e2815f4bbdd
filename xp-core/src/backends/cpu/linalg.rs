//! `matmul` on the Cpu backend: faer for `f32`, `f64`, `c32`, `c64` (strided views of the
//! ndarray data, no copies), a row-blocked loop for integers, batched over leading dimensions.
//!
//! The element type is dispatched at run time on [`crate::Element::DTYPE`] with safe downcasts of the
//! storage; the trace records `xp.matmul` as `native(faer)`, `native(loop)`, or `generic` under
//! [`crate::policy::Policy::force_generic`].

use std::any::Any;

use faer::linalg::matmul::matmul as faer_matmul;
use faer::{Accum, MatMut, MatRef, Par};
use ndarray::Axis;
use rayon::prelude::*;

use super::{Arr, Cpu, alloc, from_shape_vec, row_major};
use crate::backend::generic_matmul;
use crate::backend::{BackendTypes, LinalgOps, StorageOf};
use crate::element::{DType, Numeric, c32, c64};
use crate::error::{Error, Result};
use crate::trace::{self, Path};
use crate::{policy, shape};

const F: &str = "xp.matmul";

/// Below this many multiply-adds per matrix product, faer runs sequentially.
const FAER_PAR_MIN: usize = 64 * 64 * 64;

/// Shapes of a batched product: batch dimensions, `m`, `k`, `n`.
struct Dims {
    batch: Vec<usize>,
    m: usize,
    k: usize,
    n: usize,
}

fn dims(a: &[usize], b: &[usize]) -> Result<Dims> {
    let r = a.len();
    if r < 2 {
        return Err(Error::shape(F, "x1", "at least 2 dimensions", a));
    }
    if b.len() != r || a.get(..r - 2) != b.get(..r - 2) {
        return Err(Error::shape(F, "x2", format!("the batch dimensions of x1 {a:?}"), b));
    }
    let (m, k) = (a.get(r - 2).copied().unwrap_or(0), a.get(r - 1).copied().unwrap_or(0));
    let (k2, n) = (b.get(r - 2).copied().unwrap_or(0), b.get(r - 1).copied().unwrap_or(0));
    if k != k2 {
        return Err(Error::shape(F, "x2", format!("{k} rows to match the columns of x1"), b));
    }
    Ok(Dims {
        batch: a.get(..r - 2).unwrap_or_default().to_vec(),
        m,
        k,
        n,
    })
}

impl LinalgOps for Cpu {
    fn matmul<T: Numeric>(a: &StorageOf<Self, T>, b: &StorageOf<Self, T>) -> Result<StorageOf<Self, T>> {
        let d = dims(a.shape(), b.shape())?;
        if policy::generic_forced() {
            trace::record(F, Cpu::NAME, Path::Generic);
            return generic_matmul::<Cpu, T>(a, b);
        }
        let faer = match T::DTYPE {
            DType::F32 => via_faer::<T, f32>(a, b, &d),
            DType::F64 => via_faer::<T, f64>(a, b, &d),
            DType::C64 => via_faer::<T, c32>(a, b, &d),
            DType::C128 => via_faer::<T, c64>(a, b, &d),
            DType::U8 | DType::I32 | DType::I64 => None,
            DType::Bool => {
                return Err(Error::Unsupported {
                    function: F,
                    backend: Cpu::NAME,
                    dtype: Some(T::DTYPE),
                    reason: "matmul needs a numeric type".into(),
                });
            }
        };
        if let Some(out) = faer {
            trace::record(F, Cpu::NAME, Path::Native("faer"));
            return out;
        }
        trace::record(F, Cpu::NAME, Path::Native("loop"));
        loop_matmul(a, b, &d)
    }
}

/// Runs the product through faer when `T` is `E` (checked by downcasting the storage).
fn via_faer<T: Numeric, E: Numeric + faer::traits::ComplexField>(
    a: &Arr<T>,
    b: &Arr<T>,
    d: &Dims,
) -> Option<Result<Arr<T>>> {
    let a = (a as &dyn Any).downcast_ref::<Arr<E>>()?;
    let b = (b as &dyn Any).downcast_ref::<Arr<E>>()?;
    let out = match faer_batched(a, b, d) {
        Ok(c) => c,
        Err(e) => return Some(Err(e)),
    };
    let boxed: Box<dyn Any> = Box::new(out);
    boxed.downcast::<Arr<T>>().ok().map(|c| Ok(*c))
}

/// A 2-D view of batch `i` (row-major over the batch dimensions) of `x`.
fn matrix<'a, T>(x: &'a Arr<T>, batch: &[usize], mut i: usize) -> ndarray::ArrayViewD<'a, T> {
    let mut idx = vec![0; batch.len()];
    for (slot, &size) in idx.iter_mut().zip(batch).rev() {
        *slot = i % size.max(1);
        i /= size.max(1);
    }
    let mut v = x.view();
    for &j in &idx {
        v = v.index_axis_move(Axis(0), j);
    }
    v
}

/// `c = a @ b` for one pair of 2-D views, into the row-major `m x n` block `out`.
fn faer_one<E: Numeric + faer::traits::ComplexField>(
    a: &ndarray::ArrayViewD<'_, E>,
    b: &ndarray::ArrayViewD<'_, E>,
    out: &mut [E],
    d: &Dims,
    par: Par,
) {
    let (Some(&ars), Some(&acs), Some(&brs), Some(&bcs)) = (
        a.strides().first(),
        a.strides().get(1),
        b.strides().first(),
        b.strides().get(1),
    ) else {
        return;
    };
    if d.m == 0 || d.n == 0 || d.k == 0 || out.len() != d.m * d.n {
        // Nothing to multiply: the zero-initialised output is the answer.
        return;
    }
    // SAFETY: `a` is a live ndarray view of shape (m, k) with strides (ars, acs): every element
    // (i, j) with i < m, j < k lies at `as_ptr() + i*ars + j*acs` inside its allocation, is
    // initialised, aligned, and cannot be written while `a` borrows the shared, immutable
    // storage; the MatRef is used only within this call, inside that borrow.
    let lhs = unsafe { MatRef::from_raw_parts(a.as_ptr(), d.m, d.k, ars, acs) };
    // SAFETY: as for `lhs`, with `b` of shape (k, n) and strides (brs, bcs).
    let rhs = unsafe { MatRef::from_raw_parts(b.as_ptr(), d.k, d.n, brs, bcs) };
    let dst = MatMut::from_row_major_slice_mut(out, d.m, d.n);
    faer_matmul(dst, Accum::Replace, lhs, rhs, E::ONE, par);
}

fn faer_batched<E: Numeric + faer::traits::ComplexField>(a: &Arr<E>, b: &Arr<E>, d: &Dims) -> Result<Arr<E>> {
    let mut out_shape = d.batch.clone();
    out_shape.extend([d.m, d.n]);
    let total = shape::checked_size(F, &out_shape)?;
    let nb = shape::size_of(&d.batch);
    let mut out = vec![E::ZERO; total];
    let block = (d.m * d.n).max(1);
    let flops = d.m.saturating_mul(d.n).saturating_mul(d.k);
    let one = |i: usize, c: &mut [E], par: Par| {
        faer_one(&matrix(a, &d.batch, i), &matrix(b, &d.batch, i), c, d, par);
    };
    if flops >= FAER_PAR_MIN || nb <= 1 {
        let par = if flops >= FAER_PAR_MIN { Par::rayon(0) } else { Par::Seq };
        out.chunks_mut(block).enumerate().for_each(|(i, c)| one(i, c, par));
    } else {
        // Many small products: parallel over the batch.
        out.par_chunks_mut(block)
            .enumerate()
            .for_each(|(i, c)| one(i, c, Par::Seq));
    }
    from_shape_vec(F, &out_shape, out)
}

/// Row-blocked `i-p-j` loop for any numeric type (used for integers).
fn loop_matmul<T: Numeric>(a: &Arr<T>, b: &Arr<T>, d: &Dims) -> Result<Arr<T>> {
    let mut out_shape = d.batch.clone();
    out_shape.extend([d.m, d.n]);
    let total = shape::checked_size(F, &out_shape)?;
    let (ad, bd) = (row_major(a), row_major(b));
    let (xs, ys): (&[T], &[T]) = (&ad, &bd);
    let (m, k, n) = (d.m.max(1), d.k, d.n.max(1));
    let out = alloc::build(total, n, k.max(1), |start, sink| {
        let rows = sink.remaining() / n;
        let mut acc = vec![T::ZERO; n];
        for r in start / n..start / n + rows {
            let (bi, i) = (r / m, r % m);
            let arow = xs.get((bi * m + i) * k..(bi * m + i + 1) * k).unwrap_or_default();
            acc.fill(T::ZERO);
            for (p, &av) in arow.iter().enumerate() {
                let from = (bi * k + p) * n;
                let brow = ys.get(from..from + n).unwrap_or_default();
                for (c, &bv) in acc.iter_mut().zip(brow) {
                    *c = c.add(av.mul(bv));
                }
            }
            sink.extend(acc.iter().copied());
        }
    });
    from_shape_vec(F, &out_shape, out)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{Rng, arr, layouts};
    use super::*;
    use crate::backend::TransferOps;
    use crate::policy::Policy;

    /// Naive batched triple loop over row-major copies.
    fn naive<T: Numeric>(a: &Arr<T>, b: &Arr<T>) -> Vec<T> {
        let d = dims(a.shape(), b.shape()).unwrap();
        let (x, y) = (Cpu::to_vec(a).unwrap(), Cpu::to_vec(b).unwrap());
        let nb: usize = d.batch.iter().product();
        let mut out = vec![T::ZERO; nb * d.m * d.n];
        for bi in 0..nb {
            for i in 0..d.m {
                for j in 0..d.n {
                    let mut acc = T::ZERO;
                    for p in 0..d.k {
                        acc = acc.add(x[(bi * d.m + i) * d.k + p].mul(y[(bi * d.k + p) * d.n + j]));
                    }
                    out[(bi * d.m + i) * d.n + j] = acc;
                }
            }
        }
        out
    }

    fn check<T: Numeric>(make: impl Fn(&mut Rng) -> T, tol: f64, engine: &'static str) {
        let mut rng = Rng::new(50);
        for (sa, sb) in [
            (vec![3, 4], vec![4, 5]),
            (vec![2, 3, 4], vec![2, 4, 1]),
            (vec![1, 1], vec![1, 1]),
            (vec![0, 3], vec![3, 2]),
            (vec![3, 0], vec![0, 2]),
            (vec![2, 0, 2, 2], vec![2, 0, 2, 2]),
            (vec![70, 80], vec![80, 90]),
            (vec![40, 8, 9], vec![40, 9, 7]),
        ] {
            let a = arr(&sa, |_| make(&mut rng));
            let b = arr(&sb, |_| make(&mut rng));
            let expect = naive(&a, &b);
            let la = if a.len() < 500 { layouts(&a) } else { vec![a.clone()] };
            for x in &la {
                for y in layouts(&b).iter().take(if b.len() < 500 { 4 } else { 1 }) {
                    let (c, rec) = trace::capture(|| Cpu::matmul(x, y));
                    let c = c.unwrap();
                    assert_eq!(rec.last().map(|r| r.path), Some(Path::Native(engine)));
                    let mut shape = sa[..sa.len() - 1].to_vec();
                    shape.push(sb[sb.len() - 1]);
                    assert_eq!(c.shape(), shape.as_slice());
                    let got = Cpu::to_vec(&c).unwrap();
                    for (g, e) in got.iter().zip(&expect) {
                        let diff = g.sub(*e).abs2_f64().sqrt();
                        assert!(
                            diff <= tol * (1.0 + e.abs2_f64().sqrt()),
                            "{sa:?} {sb:?}: {g:?} vs {e:?}"
                        );
                    }
                }
            }
        }
        let a = arr(&[2, 3], |_| make(&mut rng));
        assert!(Cpu::matmul(&a, &a).is_err());
        assert!(Cpu::matmul(&arr(&[3], |_| make(&mut rng)), &a).is_err());
        assert!(
            Cpu::matmul(
                &arr(&[2, 2, 2], |_| make(&mut rng)),
                &arr(&[3, 2, 2], |_| make(&mut rng))
            )
            .is_err()
        );
    }

    #[test]
    fn matmul_matches_a_triple_loop() {
        check(|r| r.f64(), 1e-12, "faer");
        check(|r| r.f64() as f32, 1e-5, "faer");
        check(|r| c64::new(r.f64(), r.f64()), 1e-12, "faer");
        check(|r| c32::new(r.f64() as f32, r.f64() as f32), 1e-5, "faer");
        check(|r| r.below(200) as i64 - 100, 0.0, "loop");
        check(|r| r.below(200) as i32 - 100, 0.0, "loop");
        check(|r| r.below(256) as u8, 0.0, "loop");
    }

    #[test]
    fn force_generic_takes_the_generic_path() {
        let a = arr(&[3, 4], |i| i as f64);
        let b = arr(&[4, 2], |i| 1.0 - i as f64);
        let (native, rec) = trace::capture(|| Cpu::matmul(&a, &b));
        assert_eq!(
            rec.iter()
                .filter(|r| r.function == "xp.matmul")
                .map(|r| r.path)
                .collect::<Vec<_>>(),
            vec![Path::Native("faer")]
        );
        let (generic, rec) = trace::capture(|| Policy::new().force_generic(true).run(|| Cpu::matmul(&a, &b)));
        assert_eq!(
            rec.iter()
                .filter(|r| r.function == "xp.matmul")
                .map(|r| r.path)
                .collect::<Vec<_>>(),
            vec![Path::Generic]
        );
        let (n, g) = (
            Cpu::to_vec(&native.unwrap()).unwrap(),
            Cpu::to_vec(&generic.unwrap()).unwrap(),
        );
        assert!(n.iter().zip(&g).all(|(x, y)| (x - y).abs() <= 1e-12 * (1.0 + x.abs())));
    }
}
