//! `sort`, `argsort` (stable, along an axis) and `searchsorted` on a sorted 1-D array.
//!
//! The order is NumPy's, through [`RealNumeric::total_cmp`]: ascending puts NaN last;
//! descending is the reversed comparison, which a stable sort applies while keeping equal
//! elements (and NaNs) in their original order, so NaN comes first.

use std::cmp::Ordering;

use super::layout::{alloc, alloc_filled, check_axis, internal, line_offset, read, split_at_axis, write};
use super::{Strict, StrictStorage};
use crate::backend::{Side, SortingOps, StorageOf};
use crate::element::RealNumeric;
use crate::error::{Error, Result};

/// Calls `f(line, positions)` for every line of `x` along `axis`, where `positions[j]` is the
/// flat offset of element `j` of the line and `line` its values; `order` is the stable order
/// of the line. The caller writes the outputs at those offsets.
fn for_each_sorted_line<T: RealNumeric>(
    function: &'static str,
    x: &StrictStorage<T>,
    axis: usize,
    descending: bool,
    mut f: impl FnMut(&[usize], &[usize]) -> Result<()>,
) -> Result<()> {
    check_axis(function, axis, x.shape.len())?;
    if x.data().is_empty() {
        return Ok(());
    }
    let (outer, len, inner) = split_at_axis(&x.shape, axis);
    let mut positions = Vec::with_capacity(len);
    let mut values = Vec::with_capacity(len);
    let mut order: Vec<usize> = Vec::with_capacity(len);
    for o in 0..outer {
        for i in 0..inner {
            positions.clear();
            values.clear();
            for j in 0..len {
                let off = line_offset(function, o, len, j, inner, i)?;
                positions.push(off);
                values.push(read(function, x.data(), off)?);
            }
            order.clear();
            order.extend(0..len);
            // `sort_by` is a stable merge sort; `total_cmp` is a total order (NaN last).
            order.sort_by(|&a, &b| {
                let (va, vb) = (values.get(a), values.get(b));
                let ord = match (va, vb) {
                    (Some(va), Some(vb)) => va.total_cmp(vb),
                    _ => Ordering::Equal,
                };
                if descending { ord.reverse() } else { ord }
            });
            f(&order, &positions)?;
        }
    }
    Ok(())
}

impl SortingOps for Strict {
    fn sort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, T>> {
        const F: &str = "xp.sort";
        let mut out = alloc_filled(F, &x.shape, T::default())?;
        for_each_sorted_line(F, x, axis, descending, |order, positions| {
            for (&dst, &src) in positions.iter().zip(order) {
                let v = read(F, x.data(), read(F, positions, src)?)?;
                write(F, &mut out, dst, v)?;
            }
            Ok(())
        })?;
        StrictStorage::new(F, x.shape.clone(), out)
    }

    fn argsort<T: RealNumeric>(x: &StorageOf<Self, T>, axis: usize, descending: bool) -> Result<StorageOf<Self, i64>> {
        const F: &str = "xp.argsort";
        let mut out = alloc_filled(F, &x.shape, 0i64)?;
        for_each_sorted_line(F, x, axis, descending, |order, positions| {
            for (&dst, &src) in positions.iter().zip(order) {
                let i = i64::try_from(src).map_err(|_| internal(F, "index exceeds i64"))?;
                write(F, &mut out, dst, i)?;
            }
            Ok(())
        })?;
        StrictStorage::new(F, x.shape.clone(), out)
    }

    fn searchsorted<T: RealNumeric>(
        sorted: &StorageOf<Self, T>,
        values: &StorageOf<Self, T>,
        side: Side,
    ) -> Result<StorageOf<Self, i64>> {
        const F: &str = "xp.searchsorted";
        if sorted.shape.len() != 1 {
            return Err(Error::shape(F, "x1", "a 1-D array", &sorted.shape));
        }
        let a = sorted.data();
        // The namespace promises a sorted input; the reference backend checks it.
        if let Some(i) = a
            .windows(2)
            .position(|w| matches!(w, [p, q] if p.total_cmp(q) == Ordering::Greater))
        {
            return Err(Error::invalid(
                F,
                "x1",
                format!("an array whose elements {i} and {} are out of order", i + 1),
                "x1 must be sorted in ascending order (NaN last)",
            ));
        }
        let mut out = alloc(F, &values.shape)?;
        for v in values.data() {
            // Left: the number of elements ordered before v; right: not after v.
            let count = a.partition_point(|e| match side {
                Side::Left => e.total_cmp(v) == Ordering::Less,
                Side::Right => e.total_cmp(v) != Ordering::Greater,
            });
            out.push(i64::try_from(count).map_err(|_| internal(F, "position exceeds i64"))?);
        }
        StrictStorage::new(F, values.shape.clone(), out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{down, up};
    use super::*;

    const NAN: f64 = f64::NAN;

    /// Bit patterns, so NaN compares equal to NaN in assertions.
    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn sort_puts_nan_last_ascending_and_first_descending() {
        let x = up(vec![3.0, NAN, -1.0, 2.0, NAN, -1.0], &[6]);
        let (s, v) = down(&Strict::sort(&x, 0, false).unwrap());
        assert_eq!(s, vec![6]);
        assert_eq!(bits(&v), bits(&[-1.0, -1.0, 2.0, 3.0, NAN, NAN]));
        let (_, v) = down(&Strict::sort(&x, 0, true).unwrap());
        assert_eq!(bits(&v), bits(&[NAN, NAN, 3.0, 2.0, -1.0, -1.0]));
        // Infinities sit inside the numbers, before NaN.
        let y = up(vec![f64::INFINITY, NAN, f64::NEG_INFINITY, 0.0], &[4]);
        let (_, v) = down(&Strict::sort(&y, 0, false).unwrap());
        assert_eq!(bits(&v), bits(&[f64::NEG_INFINITY, 0.0, f64::INFINITY, NAN]));
    }

    #[test]
    fn argsort_is_stable_both_ways() {
        let x = up(vec![3.0, NAN, -1.0, 2.0, NAN, -1.0], &[6]);
        assert_eq!(down(&Strict::argsort(&x, 0, false).unwrap()).1, vec![2, 5, 3, 0, 1, 4]);
        // Descending keeps equal elements in their original order (NumPy's flip(argsort(-x)) would not).
        assert_eq!(down(&Strict::argsort(&x, 0, true).unwrap()).1, vec![1, 4, 0, 3, 2, 5]);
        let ints = up(vec![1i32, 0, 1, 0, 1], &[5]);
        assert_eq!(down(&Strict::argsort(&ints, 0, false).unwrap()).1, vec![1, 3, 0, 2, 4]);
        assert_eq!(down(&Strict::argsort(&ints, 0, true).unwrap()).1, vec![0, 2, 4, 1, 3]);
        // Signed zeros are equal: original order kept.
        let z = up(vec![0.0, -0.0, 0.0], &[3]);
        assert_eq!(down(&Strict::argsort(&z, 0, false).unwrap()).1, vec![0, 1, 2]);
    }

    #[test]
    fn sort_along_each_axis() {
        // x = [[3, 1, 2], [0, 5, 4]]
        let x = up(vec![3i64, 1, 2, 0, 5, 4], &[2, 3]);
        assert_eq!(
            down(&Strict::sort(&x, 1, false).unwrap()),
            (vec![2, 3], vec![1, 2, 3, 0, 4, 5])
        );
        assert_eq!(
            down(&Strict::sort(&x, 0, false).unwrap()),
            (vec![2, 3], vec![0, 1, 2, 3, 5, 4])
        );
        assert_eq!(
            down(&Strict::sort(&x, 0, true).unwrap()),
            (vec![2, 3], vec![3, 5, 4, 0, 1, 2])
        );
        assert_eq!(
            down(&Strict::argsort(&x, 1, false).unwrap()),
            (vec![2, 3], vec![1, 2, 0, 0, 2, 1])
        );
        assert_eq!(
            down(&Strict::argsort(&x, 0, false).unwrap()),
            (vec![2, 3], vec![1, 0, 0, 0, 1, 1])
        );
        // Empty arrays and bad axes.
        let e = up(Vec::<f32>::new(), &[usize::MAX, 0]);
        assert_eq!(
            down(&Strict::sort(&e, 0, false).unwrap()),
            (vec![usize::MAX, 0], vec![])
        );
        assert_eq!(
            down(&Strict::argsort(&e, 1, true).unwrap()),
            (vec![usize::MAX, 0], vec![])
        );
        assert!(matches!(Strict::sort(&x, 2, false), Err(Error::AxisOutOfRange { .. })));
        assert!(Strict::argsort(&up(vec![1u8], &[]), 0, false).is_err());
        assert!(Strict::sort(&e, 2, false).is_err());
    }

    #[test]
    fn searchsorted_sides_and_nan() {
        let a = up(vec![1.0, 2.0, 2.0, 3.0, NAN], &[5]);
        let v = up(vec![0.0, 2.0, 2.5, 3.0, 10.0, NAN, f64::INFINITY], &[7]);
        assert_eq!(
            down(&Strict::searchsorted(&a, &v, Side::Left).unwrap()).1,
            vec![0, 1, 3, 3, 4, 4, 4]
        );
        assert_eq!(
            down(&Strict::searchsorted(&a, &v, Side::Right).unwrap()).1,
            vec![0, 3, 3, 4, 4, 5, 4]
        );
        // Values keep their shape, including 0-d; an empty sorted array gives zeros.
        let v2 = up(vec![2i32, 0, 5, 1], &[2, 2]);
        let a2 = up(vec![1i32, 2, 3], &[3]);
        assert_eq!(
            down(&Strict::searchsorted(&a2, &v2, Side::Left).unwrap()),
            (vec![2, 2], vec![1, 0, 3, 0])
        );
        assert_eq!(
            down(&Strict::searchsorted(&a2, &up(vec![2i32], &[]), Side::Right).unwrap()),
            (vec![], vec![2])
        );
        let none = up(Vec::<i32>::new(), &[0]);
        assert_eq!(
            down(&Strict::searchsorted(&none, &v2, Side::Right).unwrap()),
            (vec![2, 2], vec![0, 0, 0, 0])
        );
        assert_eq!(
            down(&Strict::searchsorted(&a2, &up(Vec::<i32>::new(), &[0]), Side::Left).unwrap()),
            (vec![0], vec![])
        );
    }

    #[test]
    fn searchsorted_rejects_what_is_not_promised() {
        let v = up(vec![1.0f64], &[1]);
        assert!(matches!(
            Strict::searchsorted(&up(vec![1.0, 2.0], &[1, 2]), &v, Side::Left),
            Err(Error::Shape { .. })
        ));
        assert!(matches!(
            Strict::searchsorted(&up(vec![2.0, 1.0], &[2]), &v, Side::Left),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(Strict::searchsorted(&up(vec![NAN, 1.0], &[2]), &v, Side::Left).is_err());
        assert!(Strict::searchsorted(&up(vec![1.0], &[]), &v, Side::Left).is_err());
    }
}
