//! Identity checks over pseudo-random shapes (including zero-length and length-1 axes and 0-d):
//! each operation is checked against another one or against itself (a permutation and its
//! inverse, a reversal twice, `take_along_axis(x, argsort(x))` against `sort(x)`, ...).

use super::testkit::{down, up};
use super::{Strict, StrictDevice, StrictStorage};
use crate::backend::{CreationOps, IndexingOps, ManipulationOps, ReductionOps, SortingOps};
use crate::kernels::binary::Replace;
use crate::kernels::reduce::Sum;
use crate::shape::AxisSlice;

/// A small deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn random_array(rng: &mut Lcg) -> StrictStorage<i64> {
    let ndim = rng.next(4);
    let shape: Vec<usize> = (0..ndim).map(|_| rng.next(4)).collect();
    let n: usize = shape.iter().product();
    up((0..n).map(|_| rng.next(7) as i64 - 3).collect(), &shape)
}

#[test]
fn identities_over_random_shapes() {
    let mut rng = Lcg(42);
    for _ in 0..300 {
        let x = random_array(&mut rng);
        let (shape, data) = down(&x);
        let ndim = shape.len();

        // Total sum, and summing axis by axis.
        let total: i64 = data.iter().sum();
        let all: Vec<usize> = (0..ndim).collect();
        assert_eq!(
            down(&Strict::reduce(&x, &all, Sum::<i64>::new()).unwrap()).1,
            vec![total]
        );
        let mut y = x.clone();
        for _ in 0..ndim {
            y = Strict::reduce(&y, &[0], Sum::<i64>::new()).unwrap();
        }
        assert_eq!(down(&y).1, vec![total]);

        // A random permutation and its inverse.
        let mut perm: Vec<usize> = (0..ndim).collect();
        for i in (1..ndim).rev() {
            perm.swap(i, rng.next(i + 1));
        }
        let mut inv = vec![0; ndim];
        for (i, &p) in perm.iter().enumerate() {
            inv[p] = i;
        }
        let p = Strict::permute(&x, &perm).unwrap();
        assert_eq!(down(&p).0, perm.iter().map(|&a| shape[a]).collect::<Vec<_>>());
        assert_eq!(down(&Strict::permute(&p, &inv).unwrap()), (shape.clone(), data.clone()));

        // Reversing every axis twice; reversing every axis reverses the flat order.
        let rev: Vec<AxisSlice> = shape
            .iter()
            .map(|&n| AxisSlice {
                start: n.saturating_sub(1),
                len: n,
                step: -1,
            })
            .collect();
        let r = Strict::slice(&x, &rev).unwrap();
        let mut flipped = data.clone();
        flipped.reverse();
        assert_eq!(down(&r), (shape.clone(), flipped));
        assert_eq!(down(&Strict::slice(&r, &rev).unwrap()), (shape.clone(), data.clone()));

        // Broadcasting to a new leading axis of 3, then summing it, triples.
        let mut big = vec![3];
        big.extend(&shape);
        let b = Strict::broadcast_to(&x, &big).unwrap();
        let tripled = Strict::reduce(&b, &[0], Sum::<i64>::new()).unwrap();
        assert_eq!(down(&tripled), (shape.clone(), data.iter().map(|v| 3 * v).collect()));

        // Mask selecting everything flattens; nonzero of an all-true mask counts everything.
        let yes = Strict::full(&shape, true, &StrictDevice).unwrap();
        assert_eq!(
            down(&Strict::mask_select(&x, &yes).unwrap()),
            (vec![data.len()], data.clone())
        );
        assert_eq!(down(&Strict::nonzero(&yes).unwrap()).0, vec![data.len(), ndim]);

        if ndim == 0 {
            continue;
        }
        let axis = rng.next(ndim);
        let len = shape[axis];

        // Taking every index in order, and scattering x into itself, are identities.
        let ar = Strict::arange::<i64>(0.0, 1.0, len, &StrictDevice).unwrap();
        assert_eq!(
            down(&Strict::take(&x, &ar, axis).unwrap()),
            (shape.clone(), data.clone())
        );
        let zeros = Strict::full(&shape, 0i64, &StrictDevice).unwrap();
        let s = Strict::scatter(&zeros, axis, &ar, &x, Replace::<i64>::new()).unwrap();
        assert_eq!(down(&s), (shape.clone(), data.clone()));

        // Splitting along the axis and concatenating restores x.
        let cut = rng.next(len + 1);
        let part = |start: usize, n: usize| {
            let sl: Vec<AxisSlice> = shape
                .iter()
                .enumerate()
                .map(|(d, &m)| {
                    if d == axis {
                        AxisSlice { start, len: n, step: 1 }
                    } else {
                        AxisSlice::full(m)
                    }
                })
                .collect();
            Strict::slice(&x, &sl).unwrap()
        };
        let (a, b) = (part(0, cut), part(cut, len - cut));
        assert_eq!(
            down(&Strict::concat(&[&a, &b], axis).unwrap()),
            (shape.clone(), data.clone())
        );

        // take_along_axis(x, argsort(x)) == sort(x), and sort is ordered along the axis.
        for descending in [false, true] {
            let order = Strict::argsort(&x, axis, descending).unwrap();
            let sorted = Strict::sort(&x, axis, descending).unwrap();
            assert_eq!(down(&Strict::take_along_axis(&x, &order, axis).unwrap()), down(&sorted));
            let (sorted_shape, sorted_data) = down(&sorted);
            assert_eq!(sorted_shape, shape);
            let inner: usize = shape[axis + 1..].iter().product();
            for (k, w) in sorted_data.iter().enumerate() {
                if (k / inner) % len + 1 < len {
                    let next = sorted_data[k + inner];
                    assert!(if descending { *w >= next } else { *w <= next });
                }
            }
        }

        // Cumulative sum's last slice along the axis is the reduction.
        if len > 0 {
            let c = Strict::scan(&x, axis, Sum::<i64>::new()).unwrap();
            let last = part_of(&c, &shape, axis, len - 1);
            let red = Strict::reduce(&x, &[axis], Sum::<i64>::new()).unwrap();
            assert_eq!(down(&last).1, down(&red).1);
        }
    }
}

/// `x[.., k, ..]` with `k` on `axis`, keeping the axis.
fn part_of(x: &StrictStorage<i64>, shape: &[usize], axis: usize, k: usize) -> StrictStorage<i64> {
    let sl: Vec<AxisSlice> = shape
        .iter()
        .enumerate()
        .map(|(d, &m)| {
            if d == axis {
                AxisSlice {
                    start: k,
                    len: 1,
                    step: 1,
                }
            } else {
                AxisSlice::full(m)
            }
        })
        .collect();
    Strict::slice(x, &sl).unwrap()
}
