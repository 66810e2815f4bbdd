//! `map1`, `map2`, `map3`: element-wise kernels with broadcasting.
//!
//! Inputs whose shape differs from the broadcast shape are first expanded to it (a gather with
//! zero strides on stretched axes); then the kernel runs over zipped row-major buffers.

use std::borrow::Cow;

use super::layout::{alloc, broadcast_strides, gather_strided};
use super::{Strict, StrictStorage};
use crate::backend::{ElementwiseOps, StorageOf};
use crate::element::Element;
use crate::error::Result;
use crate::kernels::{Map1, Map2, Map3};
use crate::shape::broadcast_shapes;

/// The elements of `x` read as if broadcast to `shape` (borrowed when the shapes already agree).
pub(super) fn expand<'a, T: Element>(
    function: &'static str,
    x: &'a StrictStorage<T>,
    shape: &[usize],
) -> Result<Cow<'a, [T]>> {
    if x.shape == shape {
        return Ok(Cow::Borrowed(x.data()));
    }
    let strides = broadcast_strides(function, &x.shape, shape)?;
    Ok(Cow::Owned(gather_strided(function, x.data(), shape, &strides)?))
}

impl ElementwiseOps for Strict {
    fn map1<K: Map1>(x: &StorageOf<Self, K::In>, k: K) -> Result<StorageOf<Self, K::Out>> {
        let mut out = alloc(K::NAME, &x.shape)?;
        out.extend(x.data().iter().map(|&v| k.apply(v)));
        StrictStorage::new(K::NAME, x.shape.clone(), out)
    }

    fn map2<K: Map2>(a: &StorageOf<Self, K::A>, b: &StorageOf<Self, K::B>, k: K) -> Result<StorageOf<Self, K::Out>> {
        let shape = broadcast_shapes(K::NAME, &[&a.shape, &b.shape])?;
        let mut out = alloc(K::NAME, &shape)?;
        let (ea, eb) = (expand(K::NAME, a, &shape)?, expand(K::NAME, b, &shape)?);
        out.extend(ea.iter().zip(eb.iter()).map(|(&x, &y)| k.apply(x, y)));
        StrictStorage::new(K::NAME, shape, out)
    }

    fn map3<K: Map3>(
        a: &StorageOf<Self, K::A>,
        b: &StorageOf<Self, K::B>,
        c: &StorageOf<Self, K::C>,
        k: K,
    ) -> Result<StorageOf<Self, K::Out>> {
        let shape = broadcast_shapes(K::NAME, &[&a.shape, &b.shape, &c.shape])?;
        let mut out = alloc(K::NAME, &shape)?;
        let (ea, eb, ec) = (
            expand(K::NAME, a, &shape)?,
            expand(K::NAME, b, &shape)?,
            expand(K::NAME, c, &shape)?,
        );
        out.extend(
            ea.iter()
                .zip(eb.iter())
                .zip(ec.iter())
                .map(|((&x, &y), &z)| k.apply(x, y, z)),
        );
        StrictStorage::new(K::NAME, shape, out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{down, up};
    use super::*;
    use crate::error::Error;
    use crate::kernels::binary::{Add, Clip, Divide, Less, Subtract, Where};
    use crate::kernels::unary::{Cast, IsNan, Sqrt};

    #[test]
    fn map1_keeps_shape_and_type_changes() {
        let x = up(vec![4.0f64, 9.0, f64::NAN, 0.0], &[2, 2]);
        let (s, v) = down(&Strict::map1(&x, Sqrt::<f64>::new()).unwrap());
        assert_eq!(s, vec![2, 2]);
        assert_eq!((v[0], v[1], v[3]), (2.0, 3.0, 0.0));
        assert!(v[2].is_nan());
        let nan = Strict::map1(&x, IsNan::<f64>::new()).unwrap();
        assert_eq!(down(&nan), (vec![2, 2], vec![false, false, true, false]));
        let c = Strict::map1(&up(vec![2.7f64, -2.7], &[2]), Cast::<f64, i32>::new()).unwrap();
        assert_eq!(down(&c), (vec![2], vec![2, -2]));
        // 0-d and empty.
        let z = Strict::map1(&up(vec![16.0f32], &[]), Sqrt::<f32>::new()).unwrap();
        assert_eq!(down(&z), (vec![], vec![4.0]));
        let e = Strict::map1(&up(Vec::<f32>::new(), &[3, 0]), Sqrt::<f32>::new()).unwrap();
        assert_eq!(down(&e), (vec![3, 0], vec![]));
    }

    #[test]
    fn map2_broadcasts() {
        // (2, 1) - (3,) -> (2, 3): [[10 - 1, 10 - 2, 10 - 3], [20 - 1, 20 - 2, 20 - 3]].
        let a = up(vec![10i64, 20], &[2, 1]);
        let b = up(vec![1i64, 2, 3], &[3]);
        let d = Strict::map2(&a, &b, Subtract::<i64>::new()).unwrap();
        assert_eq!(down(&d), (vec![2, 3], vec![9, 8, 7, 19, 18, 17]));
        // The other way round: (3,) - (2, 1).
        let d = Strict::map2(&b, &a, Subtract::<i64>::new()).unwrap();
        assert_eq!(down(&d), (vec![2, 3], vec![-9, -8, -7, -19, -18, -17]));
        // 0-d with anything.
        let s = up(vec![1.0f64], &[]);
        let m = up(vec![1.0f64, 2.0, 4.0, 8.0], &[2, 1, 2]);
        let q = Strict::map2(&s, &m, Divide::<f64>::new()).unwrap();
        assert_eq!(down(&q), (vec![2, 1, 2], vec![1.0, 0.5, 0.25, 0.125]));
        // Comparisons change the type; a zero-size axis broadcasts against 1.
        let e = up(Vec::<f64>::new(), &[0, 1]);
        let l = Strict::map2(&e, &up(vec![1.0, 2.0], &[2]), Less::<f64>::new()).unwrap();
        assert_eq!(down(&l), (vec![0, 2], vec![]));
        // Same shapes.
        let p = Strict::map2(&b, &b, Add::<i64>::new()).unwrap();
        assert_eq!(down(&p), (vec![3], vec![2, 4, 6]));
    }

    #[test]
    fn map2_rejects_incompatible_shapes() {
        let a = up(vec![1.0f64; 6], &[2, 3]);
        let b = up(vec![1.0f64; 2], &[2]);
        match Strict::map2(&a, &b, Add::<f64>::new()) {
            Err(Error::Broadcast { function, lhs, rhs }) => {
                assert_eq!(function, "add");
                assert_eq!((lhs, rhs), (vec![2, 3], vec![2]));
            }
            other => panic!("expected a broadcast error, got {other:?}"),
        }
        let z = up(Vec::<f64>::new(), &[0]);
        assert!(Strict::map2(&z, &b, Add::<f64>::new()).is_err());
    }

    #[test]
    fn map3_broadcasts_three_ways() {
        // where(cond (2, 1), a (1, 2), b 0-d)
        let cond = up(vec![true, false], &[2, 1]);
        let a = up(vec![1i32, 2], &[1, 2]);
        let b = up(vec![-1i32], &[]);
        let w = Strict::map3(&cond, &a, &b, Where::<i32>::new()).unwrap();
        assert_eq!(down(&w), (vec![2, 2], vec![1, 2, -1, -1]));
        // clip(x (3,), lo (2, 1), hi 0-d)
        let x = up(vec![-5.0f64, 0.5, 5.0], &[3]);
        let lo = up(vec![0.0f64, 1.0], &[2, 1]);
        let hi = up(vec![2.0f64], &[]);
        let c = Strict::map3(&x, &lo, &hi, Clip::<f64>::new()).unwrap();
        assert_eq!(down(&c), (vec![2, 3], vec![0.0, 0.5, 2.0, 1.0, 1.0, 2.0]));
        let bad = up(vec![true; 3], &[3]);
        assert!(matches!(
            Strict::map3(&bad, &a, &b, Where::<i32>::new()),
            Err(Error::Broadcast { .. })
        ));
    }
}
