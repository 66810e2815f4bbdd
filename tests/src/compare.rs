//! Comparison of actual outputs with expected ones, as `SCIPY_ORACLE_FORMAT.md` defines:
//! `allclose`, `equal`, `columns_up_to_sign` and `labels_up_to_permutation`.
//!
//! Besides values, the element type is checked: a floating output must have the expected
//! precision (**f32 in, f32 out**) and kind (real or complex); integer outputs may differ in width
//! (`int32` labels against SciPy's `int64` compare by value); booleans must be booleans. Expected
//! JSON scalars (Python numbers) only fix the kind. Outputs that SciPy nests in tuples or leaves
//! `None` are compared flat, depth first ([`compare_slots`]).

use std::collections::HashMap;

use xp_core::{DType, c64};

use crate::manifest::Compare;
use crate::value::{Elem, HostArray, Value, is_complex, is_integer, is_real_float};

/// Compares every output; `Err` carries a report naming the output, the worst element and its
/// position.
///
/// ```
/// use xp_tests::compare::compare_outputs;
/// use xp_tests::manifest::Compare;
/// use xp_tests::value::{HostArray, Value};
/// let actual = vec![HostArray::new(vec![2], vec![1.0f64, 2.0 + 1e-12])];
/// let expected = vec![Value::Array(HostArray::new(vec![2], vec![1.0f64, 2.0]).into())];
/// assert!(compare_outputs(&actual, &expected, Compare::AllClose, 1e-10, 0.0).is_ok());
/// assert!(compare_outputs(&actual, &expected, Compare::Equal, 0.0, 0.0).is_err());
/// ```
///
/// # Errors
/// A message describing the first output that differs.
pub fn compare_outputs(
    actual: &[HostArray],
    expected: &[Value],
    mode: Compare,
    rtol: f64,
    atol: f64,
) -> Result<(), String> {
    let slots: Vec<Option<&HostArray>> = actual.iter().map(Some).collect();
    compare_flat(&slots, expected, mode, rtol, atol)
}

/// Compares flattened outputs (see [`crate::any::AnyOut::flatten_to_host`]; `None` is Python
/// `None`) with expected values whose lists (Python tuples, possibly nested) are flattened depth
/// first, so that SciPy's `((h, tau), r)` may be recorded nested, `[[h, tau], r]`, or flat,
/// `[h, tau, r]`. A `None` output matches only an expected `null`.
///
/// ```
/// use xp_tests::compare::compare_slots;
/// use xp_tests::manifest::Compare;
/// use xp_tests::value::{HostArray, Value};
/// let (h, r) = (HostArray::new(vec![1], vec![2.0f64]), HostArray::new(vec![], vec![3.0f64]));
/// let actual = vec![Some(h.clone()), Some(r.clone()), None];
/// let nested = vec![Value::List(vec![Value::Array(h.into()), Value::Array(r.into())]), Value::None];
/// assert!(compare_slots(&actual, &nested, Compare::AllClose, 0.0, 0.0).is_ok());
/// assert!(compare_slots(&actual[..2], &nested, Compare::AllClose, 0.0, 0.0).is_err());
/// ```
///
/// # Errors
/// A message describing the first output that differs.
pub fn compare_slots(
    actual: &[Option<HostArray>],
    expected: &[Value],
    mode: Compare,
    rtol: f64,
    atol: f64,
) -> Result<(), String> {
    let slots: Vec<Option<&HostArray>> = actual.iter().map(Option::as_ref).collect();
    compare_flat(&slots, expected, mode, rtol, atol)
}

/// `expected` with its lists flattened depth first.
pub fn flatten_expected(expected: &[Value]) -> Vec<&Value> {
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
        match v {
            Value::List(items) => items.iter().for_each(|i| walk(i, out)),
            other => out.push(other),
        }
    }
    let mut out = Vec::new();
    expected.iter().for_each(|v| walk(v, &mut out));
    out
}

fn compare_flat(
    actual: &[Option<&HostArray>],
    expected: &[Value],
    mode: Compare,
    rtol: f64,
    atol: f64,
) -> Result<(), String> {
    let expected = flatten_expected(expected);
    if actual.len() != expected.len() {
        return Err(format!("{} outputs, expected {}", actual.len(), expected.len()));
    }
    for (k, (a, e)) in actual.iter().zip(expected).enumerate() {
        match (a, e) {
            (None, Value::None) => {}
            (None, e) => return Err(format!("output {k}: None, expected {}", e.describe())),
            (Some(a), Value::None) => {
                return Err(format!(
                    "output {k}: array({}, shape {:?}), expected None",
                    a.dtype(),
                    a.shape
                ));
            }
            (Some(a), e) => {
                let (e, from_scalar) = expected_array(e).map_err(|m| format!("output {k}: {m}"))?;
                compare_one(a, &e, from_scalar, mode, rtol, atol).map_err(|m| format!("output {k}: {m}"))?;
            }
        }
    }
    Ok(())
}

/// An expected value as an array, and whether it was a JSON scalar.
fn expected_array(v: &Value) -> Result<(HostArray, bool), String> {
    Ok(match v {
        Value::Array(a) => ((**a).clone(), false),
        Value::Bool(b) => (HostArray::new(vec![], vec![*b]), true),
        Value::Int(i) => (HostArray::new(vec![], vec![*i]), true),
        Value::Float(f) => (HostArray::new(vec![], vec![*f]), true),
        Value::Complex(c) => (HostArray::new(vec![], vec![*c]), true),
        other => return Err(format!("cannot compare with expected value {}", other.describe())),
    })
}

/// Checks that the element types agree (see the module docs).
pub fn check_dtype(actual: DType, expected: DType, kind_only: bool) -> Result<(), String> {
    let ok = if is_integer(expected) {
        is_integer(actual)
    } else if kind_only {
        (is_real_float(expected) && is_real_float(actual))
            || (is_complex(expected) && is_complex(actual))
            || actual == expected
    } else {
        actual == expected
    };
    if ok {
        Ok(())
    } else {
        Err(format!("dtype {actual}, expected {expected}"))
    }
}

fn compare_one(
    a: &HostArray,
    e: &HostArray,
    kind_only: bool,
    mode: Compare,
    rtol: f64,
    atol: f64,
) -> Result<(), String> {
    check_dtype(a.dtype(), e.dtype(), kind_only)?;
    if a.shape != e.shape {
        return Err(format!("shape {:?}, expected {:?}", a.shape, e.shape));
    }
    match mode {
        Compare::AllClose => allclose(a, e, rtol, atol),
        Compare::Equal => equal(a, e),
        Compare::ColumnsUpToSign if a.shape.len() >= 2 => {
            let aligned = align_columns(a, e);
            allclose_elems(a, &aligned, e, rtol, atol)
        }
        Compare::ColumnsUpToSign => allclose(a, e, rtol, atol),
        Compare::LabelsUpToPermutation if is_integer(a.dtype()) && is_integer(e.dtype()) => labels(a, e),
        Compare::LabelsUpToPermutation => allclose(a, e, rtol, atol),
    }
}

fn elems(a: &HostArray) -> Vec<Elem> {
    (0..a.len()).filter_map(|i| a.get(i)).collect()
}

/// By how much `a` misses `e` (positive: outside the tolerance; infinite for NaN or infinity
/// mismatches), and the allowed difference.
fn excess(a: Elem, e: Elem, rtol: f64, atol: f64) -> (f64, f64) {
    if let (Some(x), Some(y)) = (a.to_int(), e.to_int()) {
        let diff = x.abs_diff(y) as f64;
        let tol = atol + rtol * (y.unsigned_abs() as f64);
        return if x == y {
            (f64::NEG_INFINITY, tol)
        } else {
            (diff - tol, tol)
        };
    }
    let (x, y) = (a.to_c64(), e.to_c64());
    let nan = |c: c64| c.re.is_nan() || c.im.is_nan();
    let finite = |c: c64| c.re.is_finite() && c.im.is_finite();
    if nan(x) || nan(y) {
        return if nan(x) && nan(y) {
            (f64::NEG_INFINITY, 0.0)
        } else {
            (f64::INFINITY, 0.0)
        };
    }
    if !finite(x) || !finite(y) {
        return if x == y {
            (f64::NEG_INFINITY, 0.0)
        } else {
            (f64::INFINITY, 0.0)
        };
    }
    let tol = atol + rtol * y.norm();
    ((x - y).norm() - tol, tol)
}

fn allclose(a: &HostArray, e: &HostArray, rtol: f64, atol: f64) -> Result<(), String> {
    allclose_elems(a, &elems(a), e, rtol, atol)
}

fn allclose_elems(shape_of: &HostArray, a: &[Elem], e: &HostArray, rtol: f64, atol: f64) -> Result<(), String> {
    let ev = elems(e);
    let mut worst: Option<(usize, f64, f64)> = None;
    let mut bad = 0usize;
    for (i, (&x, &y)) in a.iter().zip(&ev).enumerate() {
        let (ex, tol) = excess(x, y, rtol, atol);
        if ex > 0.0 {
            bad += 1;
            if worst.is_none_or(|(_, w, _)| ex > w) {
                worst = Some((i, ex, tol));
            }
        }
    }
    match worst {
        None => Ok(()),
        Some((i, _, tol)) => {
            let (x, y) = (a[i], ev[i]);
            let diff = (x.to_c64() - y.to_c64()).norm();
            Err(format!(
                "{bad} of {} elements differ (rtol {rtol:?}, atol {atol:?}); worst at {:?}: actual {x}, expected {y} \
                 (|diff| {diff:?}, allowed {tol:?})",
                ev.len(),
                shape_of.unravel(i),
            ))
        }
    }
}

fn same(x: Elem, y: Elem) -> bool {
    match (x, y) {
        (Elem::Bool(p), Elem::Bool(q)) => p == q,
        _ => match (x.to_int(), y.to_int()) {
            (Some(p), Some(q)) => p == q,
            _ => {
                let (p, q) = (x.to_c64(), y.to_c64());
                let eq = |u: f64, v: f64| u == v || (u.is_nan() && v.is_nan());
                eq(p.re, q.re) && eq(p.im, q.im)
            }
        },
    }
}

fn equal(a: &HostArray, e: &HostArray) -> Result<(), String> {
    let (av, ev) = (elems(a), elems(e));
    let bad: Vec<usize> = (0..ev.len()).filter(|&i| !same(av[i], ev[i])).collect();
    match bad.first() {
        None => Ok(()),
        Some(&i) => Err(format!(
            "{} of {} elements differ; first at {:?}: actual {}, expected {}",
            bad.len(),
            ev.len(),
            a.unravel(i),
            av[i],
            ev[i]
        )),
    }
}

/// `a` with each column (last axis index, per leading batch) multiplied by the unit scalar that
/// best aligns it with the same column of `e`: `sign(a . e)` for real, `conj(c) / |c|` with
/// `c = sum a_i conj(e_i)` for complex.
fn align_columns(a: &HostArray, e: &HostArray) -> Vec<Elem> {
    let av = elems(a);
    let ev = elems(e);
    let nd = a.shape.len();
    let (rows, cols) = (a.shape[nd - 2], a.shape[nd - 1]);
    let per = rows * cols;
    let complex = is_complex(a.dtype());
    let mut out = av.clone();
    if per == 0 {
        return out;
    }
    for b in 0..av.len() / per {
        for j in 0..cols {
            let idx = |r: usize| b * per + r * cols + j;
            let c: c64 = (0..rows)
                .map(|r| av[idx(r)].to_c64() * ev[idx(r)].to_c64().conj())
                .sum();
            let s = if c.norm() == 0.0 || !c.norm().is_finite() {
                c64::new(1.0, 0.0)
            } else if complex {
                c.conj() / c.norm()
            } else {
                c64::new(if c.re < 0.0 { -1.0 } else { 1.0 }, 0.0)
            };
            for r in 0..rows {
                let v = av[idx(r)].to_c64() * s;
                out[idx(r)] = if complex { Elem::Complex(v) } else { Elem::Float(v.re) };
            }
        }
    }
    out
}

fn labels(a: &HostArray, e: &HostArray) -> Result<(), String> {
    let (av, ev) = (elems(a), elems(e));
    let mut fwd: HashMap<i128, i128> = HashMap::new();
    let mut back: HashMap<i128, i128> = HashMap::new();
    for (i, (x, y)) in av.iter().zip(&ev).enumerate() {
        let (x, y) = (x.to_int().unwrap_or(i128::MIN), y.to_int().unwrap_or(i128::MIN));
        let f = *fwd.entry(x).or_insert(y);
        let b = *back.entry(y).or_insert(x);
        if f != y || b != x {
            return Err(format!(
                "labels are not a relabelling of the expected ones: at {:?} actual {x} (mapped to {f}), expected {y} \
                 (mapped from {b})",
                a.unravel(i)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn f64s(shape: &[usize], v: &[f64]) -> HostArray {
        HostArray::new(shape.to_vec(), v.to_vec())
    }

    fn exp(a: HostArray) -> Vec<Value> {
        vec![Value::Array(Arc::new(a))]
    }

    #[test]
    fn allclose_handles_nan_inf_and_tolerances() {
        let e = f64s(&[4], &[1.0, f64::NAN, f64::INFINITY, 0.0]);
        let ok = f64s(&[4], &[1.0 + 1e-9, f64::NAN, f64::INFINITY, 1e-13]);
        assert!(compare_outputs(&[ok], &exp(e.clone()), Compare::AllClose, 1e-8, 1e-12).is_ok());
        let bad_nan = f64s(&[4], &[1.0, 0.0, f64::INFINITY, 0.0]);
        assert!(compare_outputs(&[bad_nan], &exp(e.clone()), Compare::AllClose, 1e-8, 0.0).is_err());
        let bad_inf = f64s(&[4], &[1.0, f64::NAN, f64::NEG_INFINITY, 0.0]);
        assert!(compare_outputs(&[bad_inf], &exp(e.clone()), Compare::AllClose, 1e-8, 0.0).is_err());
        let far = f64s(&[4], &[1.1, f64::NAN, f64::INFINITY, 0.0]);
        let msg = compare_outputs(&[far], &exp(e), Compare::AllClose, 1e-8, 0.0).unwrap_err();
        assert!(msg.contains("[0]"), "{msg}");
    }

    #[test]
    fn shapes_dtypes_and_counts_must_match() {
        let e = f64s(&[2], &[1.0, 2.0]);
        assert!(
            compare_outputs(
                &[f64s(&[1, 2], &[1.0, 2.0])],
                &exp(e.clone()),
                Compare::AllClose,
                0.0,
                0.0
            )
            .is_err()
        );
        let f32s = HostArray::new(vec![2], vec![1.0f32, 2.0]);
        assert!(compare_outputs(&[f32s], &exp(e.clone()), Compare::AllClose, 1e-3, 0.0).is_err());
        assert!(compare_outputs(&[], &exp(e), Compare::AllClose, 0.0, 0.0).is_err());
        // integer widths may differ; scalars fix only the kind
        let i32s = HostArray::new(vec![2], vec![1i32, 2]);
        let i64s = HostArray::new(vec![2], vec![1i64, 2]);
        assert!(compare_outputs(&[i32s], &exp(i64s), Compare::Equal, 0.0, 0.0).is_ok());
        let f = HostArray::new(vec![], vec![0.5f32]);
        assert!(compare_outputs(&[f], &[Value::Float(0.5)], Compare::AllClose, 0.0, 0.0).is_ok());
        let b = HostArray::new(vec![], vec![1i64]);
        assert!(compare_outputs(&[b], &[Value::Bool(true)], Compare::Equal, 0.0, 0.0).is_err());
    }

    #[test]
    fn columns_up_to_sign_aligns_real_and_complex_columns() {
        let e = f64s(&[2, 2], &[1.0, 3.0, 2.0, 4.0]);
        let flipped = f64s(&[2, 2], &[-1.0, 3.0, -2.0, 4.0]);
        assert!(
            compare_outputs(
                std::slice::from_ref(&flipped),
                &exp(e.clone()),
                Compare::ColumnsUpToSign,
                1e-12,
                0.0
            )
            .is_ok()
        );
        assert!(compare_outputs(&[flipped], &exp(e), Compare::AllClose, 1e-12, 0.0).is_err());
        let i = c64::new(0.0, 1.0);
        let ec = HostArray::new(vec![2, 1], vec![c64::new(1.0, 0.0), c64::new(0.0, 2.0)]);
        let ac = HostArray::new(vec![2, 1], vec![i, i * c64::new(0.0, 2.0)]);
        assert!(compare_outputs(&[ac], &exp(ec), Compare::ColumnsUpToSign, 1e-12, 0.0).is_ok());
        let v = f64s(&[2], &[1.0, 2.0]);
        assert!(
            compare_outputs(
                &[f64s(&[2], &[-1.0, -2.0])],
                &exp(v),
                Compare::ColumnsUpToSign,
                1e-12,
                0.0
            )
            .is_err()
        );
    }

    #[test]
    fn labels_up_to_permutation_is_one_to_one() {
        let e = HostArray::new(vec![4], vec![0i32, 0, 1, 2]);
        let ok = HostArray::new(vec![4], vec![2i32, 2, 0, 1]);
        assert!(compare_outputs(&[ok], &exp(e.clone()), Compare::LabelsUpToPermutation, 0.0, 0.0).is_ok());
        let merged = HostArray::new(vec![4], vec![1i32, 1, 0, 0]);
        assert!(compare_outputs(&[merged], &exp(e.clone()), Compare::LabelsUpToPermutation, 0.0, 0.0).is_err());
        let split = HostArray::new(vec![4], vec![0i32, 3, 1, 2]);
        assert!(compare_outputs(&[split], &exp(e), Compare::LabelsUpToPermutation, 0.0, 0.0).is_err());
    }

    #[test]
    fn none_and_nested_expected_values() {
        let (h, tau, r) = (
            f64s(&[2, 2], &[1.0, 2.0, 3.0, 4.0]),
            f64s(&[2], &[1.5, 0.0]),
            f64s(&[2, 2], &[1.0, 2.0, 0.0, 4.0]),
        );
        let arr = |a: &HostArray| Value::Array(Arc::new(a.clone()));
        let actual = vec![Some(h.clone()), Some(tau.clone()), Some(r.clone())];
        let nested = vec![Value::List(vec![arr(&h), arr(&tau)]), arr(&r)];
        let flat = vec![arr(&h), arr(&tau), arr(&r)];
        assert!(compare_slots(&actual, &nested, Compare::AllClose, 1e-12, 0.0).is_ok());
        assert!(compare_slots(&actual, &flat, Compare::AllClose, 1e-12, 0.0).is_ok());
        let swapped = vec![Value::List(vec![arr(&tau), arr(&h)]), arr(&r)];
        assert!(compare_slots(&actual, &swapped, Compare::AllClose, 1e-12, 0.0).is_err());
        // None matches only None
        let with_none = vec![Some(h.clone()), None];
        assert!(compare_slots(&with_none, &[arr(&h), Value::None], Compare::AllClose, 0.0, 0.0).is_ok());
        assert!(compare_slots(&with_none, &[arr(&h), arr(&h)], Compare::AllClose, 0.0, 0.0).is_err());
        let two = vec![Some(h.clone()), Some(h.clone())];
        assert!(compare_slots(&two, &[arr(&h), Value::None], Compare::AllClose, 0.0, 0.0).is_err());
        assert!(compare_slots(&with_none, &[arr(&h)], Compare::AllClose, 0.0, 0.0).is_err());
    }

    #[test]
    fn equal_is_exact_with_nan_at_the_same_places() {
        let e = f64s(&[2], &[1.0, f64::NAN]);
        assert!(
            compare_outputs(
                &[f64s(&[2], &[1.0, f64::NAN])],
                &exp(e.clone()),
                Compare::Equal,
                0.0,
                0.0
            )
            .is_ok()
        );
        assert!(
            compare_outputs(
                &[f64s(&[2], &[1.0 + 1e-15, f64::NAN])],
                &exp(e),
                Compare::Equal,
                0.0,
                0.0
            )
            .is_err()
        );
    }
}
