//! `reduce` over a set of axes and inclusive `scan` along one axis.

use super::layout::{
    alloc, alloc_filled, check_axis, for_each_index, line_offset, offset, read, split_at_axis, strides, write,
};
use super::{Strict, StrictStorage};
use crate::backend::{ReductionOps, StorageOf};
use crate::error::{Error, Result};
use crate::kernels::Reducer;

/// Fails unless `axes` is strictly increasing and every axis is below `ndim`.
fn check_axes(function: &'static str, axes: &[usize], ndim: usize) -> Result<()> {
    for (i, &a) in axes.iter().enumerate() {
        check_axis(function, a, ndim)?;
        if i > 0 && axes.get(i - 1).is_some_and(|&prev| prev >= a) {
            return Err(Error::invalid(
                function,
                "axes",
                axes,
                "reduction axes must be sorted and distinct (the namespace normalises them)",
            ));
        }
    }
    Ok(())
}

impl ReductionOps for Strict {
    fn reduce<R: Reducer>(x: &StorageOf<Self, R::In>, axes: &[usize], r: R) -> Result<StorageOf<Self, R::Out>> {
        let f = R::NAME;
        check_axes(f, axes, x.shape.len())?;
        let own = strides(&x.shape);
        let (mut kept_shape, mut kept_strides, mut red_shape, mut red_strides) = (vec![], vec![], vec![], vec![]);
        for (d, (&n, &s)) in x.shape.iter().zip(&own).enumerate() {
            if axes.contains(&d) {
                red_shape.push(n);
                red_strides.push(s);
            } else {
                kept_shape.push(n);
                kept_strides.push(s);
            }
        }
        let data = x.data();
        let mut out = alloc(f, &kept_shape)?;
        for_each_index(&kept_shape, |kept| {
            let base = offset(f, kept, &kept_strides)?;
            let mut acc = r.init();
            let mut position = 0usize;
            for_each_index(&red_shape, |red| {
                let off = base
                    .checked_add(offset(f, red, &red_strides)?)
                    .ok_or_else(|| super::layout::internal(f, "reduction offset overflows"))?;
                acc = r.fold(acc, read(f, data, off)?, position);
                position += 1;
                Ok(())
            })?;
            out.push(r.finish(acc, position));
            Ok(())
        })?;
        StrictStorage::new(f, kept_shape, out)
    }

    fn scan<R: Reducer>(x: &StorageOf<Self, R::In>, axis: usize, r: R) -> Result<StorageOf<Self, R::Out>> {
        let f = R::NAME;
        check_axis(f, axis, x.shape.len())?;
        let mut out = alloc_filled(f, &x.shape, R::Out::default())?;
        if !out.is_empty() {
            let data = x.data();
            let (outer, len, inner) = split_at_axis(&x.shape, axis);
            for o in 0..outer {
                for i in 0..inner {
                    let mut acc = r.init();
                    for j in 0..len {
                        let off = line_offset(f, o, len, j, inner, i)?;
                        acc = r.fold(acc, read(f, data, off)?, j);
                        write(f, &mut out, off, r.finish(acc, j + 1))?;
                    }
                }
            }
        }
        StrictStorage::new(f, x.shape.clone(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{down, up};
    use super::*;
    use crate::kernels::reduce::{All, ArgMax, ArgMin, CountNonzero, Max, Min, Prod, Sum, SumSquares};

    /// Records the `index` and `count` a backend passes, to check the reduction contract.
    #[derive(Clone, Copy)]
    struct Positions;
    impl Reducer for Positions {
        type In = i64;
        type Acc = (i64, i64);
        type Out = i64;
        const NAME: &'static str = "positions";
        fn init(&self) -> (i64, i64) {
            (0, 0)
        }
        // Encodes the sequence of (value, index) pairs as a base-10 number of index digits,
        // and checks each value equals its expected index.
        fn fold(&self, acc: (i64, i64), x: i64, index: usize) -> (i64, i64) {
            (acc.0 * 10 + index as i64, acc.1 + i64::from(x != index as i64))
        }
        fn combine(&self, a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
            (a.0 + b.0, a.1 + b.1)
        }
        fn finish(&self, acc: (i64, i64), count: usize) -> i64 {
            if acc.1 != 0 { -1 } else { acc.0 * 10 + count as i64 }
        }
    }

    #[test]
    fn sum_over_each_axis_set() {
        // x = [[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]], shape (2, 2, 3).
        let x = up((0..12).map(f64::from).collect(), &[2, 2, 3]);
        let s = Sum::<f64>::new();
        assert_eq!(down(&Strict::reduce(&x, &[0, 1, 2], s).unwrap()), (vec![], vec![66.0]));
        assert_eq!(
            down(&Strict::reduce(&x, &[0], s).unwrap()),
            (vec![2, 3], vec![6.0, 8.0, 10.0, 12.0, 14.0, 16.0])
        );
        assert_eq!(
            down(&Strict::reduce(&x, &[1], s).unwrap()),
            (vec![2, 3], vec![3.0, 5.0, 7.0, 15.0, 17.0, 19.0])
        );
        assert_eq!(
            down(&Strict::reduce(&x, &[2], s).unwrap()),
            (vec![2, 2], vec![3.0, 12.0, 21.0, 30.0])
        );
        assert_eq!(
            down(&Strict::reduce(&x, &[0, 2], s).unwrap()),
            (vec![2], vec![3.0 + 21.0, 12.0 + 30.0])
        );
        // No axes: every element alone.
        assert_eq!(down(&Strict::reduce(&x, &[], s).unwrap()), down(&x));
    }

    #[test]
    fn index_is_the_row_major_position_within_the_reduced_axes() {
        // Values are their own expected position within the reduced axes (1, 2) of shape (2, 2, 3).
        let vals: Vec<i64> = (0..12).map(|i| i % 6).collect();
        let x = up(vals, &[2, 2, 3]);
        let p = Strict::reduce(&x, &[1, 2], Positions).unwrap();
        assert_eq!(down(&p), (vec![2], vec![123456, 123456]));
        // Reducing axes (0, 2) of shape (2, 2, 3): position = i0 * 3 + i2.
        let vals: Vec<i64> = (0..12).map(|f| (f / 6) * 3 + f % 3).collect();
        let p = Strict::reduce(&up(vals, &[2, 2, 3]), &[0, 2], Positions).unwrap();
        assert_eq!(down(&p), (vec![2], vec![123456, 123456]));
        // Empty axis list: index 0 and count 1 for every element.
        let p = Strict::reduce(&up(vec![0i64, 0], &[2]), &[], Positions).unwrap();
        assert_eq!(down(&p), (vec![2], vec![1, 1]));
    }

    #[test]
    fn zero_size_reductions_finish_the_empty_accumulator() {
        let e = up(Vec::<f64>::new(), &[2, 0]);
        assert_eq!(
            down(&Strict::reduce(&e, &[1], Sum::<f64>::new()).unwrap()),
            (vec![2], vec![0.0, 0.0])
        );
        assert_eq!(
            down(&Strict::reduce(&e, &[1], Prod::<f64>::new()).unwrap()),
            (vec![2], vec![1.0, 1.0])
        );
        assert_eq!(
            down(&Strict::reduce(&e, &[0], Sum::<f64>::new()).unwrap()),
            (vec![0], vec![])
        );
        assert_eq!(
            down(&Strict::reduce(&e, &[0, 1], All::<f64>::new()).unwrap()),
            (vec![], vec![true])
        );
        let p = Strict::reduce(&up(Vec::<i64>::new(), &[0]), &[0], Positions).unwrap();
        assert_eq!(down(&p), (vec![], vec![0]));
        // var of nothing is NaN (count 0 passed to finish).
        let v = Strict::reduce(&up(Vec::<f64>::new(), &[0]), &[0], SumSquares::<f64>::new(0.0)).unwrap();
        assert!(down(&v).1[0].is_nan());
        // 0-d input, no axes.
        let z = Strict::reduce(&up(vec![5i32], &[]), &[], Sum::<i32>::new()).unwrap();
        assert_eq!(down(&z), (vec![], vec![5]));
    }

    #[test]
    fn nan_and_arg_reductions() {
        let x = up(vec![3.0f64, f64::NAN, 1.0, 1.0, 7.0, 7.0], &[2, 3]);
        let mx = down(&Strict::reduce(&x, &[1], Max::<f64>::new()).unwrap()).1;
        assert!(mx[0].is_nan());
        assert_eq!(mx[1], 7.0);
        let mn = down(&Strict::reduce(&x, &[0], Min::<f64>::new()).unwrap()).1;
        assert_eq!(mn[0], 1.0);
        assert!(mn[1].is_nan());
        assert_eq!(mn[2], 1.0);
        // argmax: first NaN, else first maximum; argmin over all axes uses flat positions.
        assert_eq!(
            down(&Strict::reduce(&x, &[1], ArgMax::<f64>::new()).unwrap()),
            (vec![2], vec![1, 1])
        );
        let y = up(vec![4i32, 2, 9, 2], &[2, 2]);
        assert_eq!(
            down(&Strict::reduce(&y, &[0, 1], ArgMin::<i32>::new()).unwrap()),
            (vec![], vec![1])
        );
        assert_eq!(
            down(&Strict::reduce(&y, &[0], ArgMin::<i32>::new()).unwrap()),
            (vec![2], vec![0, 0])
        );
        let c = Strict::reduce(&up(vec![0i32, 3, 0, -1], &[4]), &[0], CountNonzero::<i32>::new()).unwrap();
        assert_eq!(down(&c), (vec![], vec![2]));
    }

    #[test]
    fn reduce_rejects_bad_axes() {
        let x = up(vec![1.0f64; 6], &[2, 3]);
        let s = Sum::<f64>::new();
        assert!(matches!(
            Strict::reduce(&x, &[2], s),
            Err(Error::AxisOutOfRange { axis: 2, ndim: 2, .. })
        ));
        assert!(matches!(
            Strict::reduce(&x, &[1, 0], s),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            Strict::reduce(&x, &[1, 1], s),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(Strict::reduce(&up(vec![1.0f64], &[]), &[0], s).is_err());
    }

    #[test]
    fn scan_is_inclusive_along_the_axis() {
        let x = up(vec![1i64, 2, 3, 4, 5, 6], &[2, 3]);
        assert_eq!(
            down(&Strict::scan(&x, 1, Sum::<i64>::new()).unwrap()),
            (vec![2, 3], vec![1, 3, 6, 4, 9, 15])
        );
        assert_eq!(
            down(&Strict::scan(&x, 0, Sum::<i64>::new()).unwrap()),
            (vec![2, 3], vec![1, 2, 3, 5, 7, 9])
        );
        assert_eq!(
            down(&Strict::scan(&x, 1, Prod::<i64>::new()).unwrap()),
            (vec![2, 3], vec![1, 2, 6, 4, 20, 120])
        );
        // Index and count along the axis: after element j the encoding is digits 0..=j then j + 1.
        let p = Strict::scan(&up(vec![0i64, 1, 2], &[3]), 0, Positions).unwrap();
        assert_eq!(down(&p), (vec![3], vec![1, 12, 123]));
        let e = Strict::scan(&up(Vec::<f64>::new(), &[usize::MAX, 0]), 0, Sum::<f64>::new()).unwrap();
        assert_eq!(down(&e), (vec![usize::MAX, 0], vec![]));
        assert!(matches!(
            Strict::scan(&x, 2, Sum::<i64>::new()),
            Err(Error::AxisOutOfRange { .. })
        ));
        assert!(Strict::scan(&up(vec![1i64], &[]), 0, Sum::<i64>::new()).is_err());
    }
}
