//! Argument handling shared by the transform families: SciPy's rules for `n`/`axis` and
//! `s`/`axes`, cropping and zero-padding, and normalisation factors.

use xp_core::array::indexing::Idx;
use xp_core::array::updates::PadMode;
use xp_core::{Array, Backend, Numeric};

use crate::error::{FftError, Result};

/// Normalises `axis` against `ndim` (SciPy: negative counts from the end).
pub(crate) fn normalize_axis(function: &'static str, axis: isize, ndim: usize) -> Result<usize> {
    let nd = ndim as isize;
    if axis < -nd || axis >= nd {
        return Err(FftError::AxisOutOfRange { function, axis, ndim });
    }
    Ok(if axis < 0 { (axis + nd) as usize } else { axis as usize })
}

/// The axis and transform length of a 1-D transform: `n` (checked to be at least 1) or the
/// input's length along `axis`.
pub(crate) fn one_axis(
    function: &'static str,
    shape: &[usize],
    n: Option<usize>,
    axis: isize,
) -> Result<(usize, usize)> {
    let a = normalize_axis(function, axis, shape.len())?;
    let (len, parameter) = match n {
        Some(n) => (n, "n"),
        None => (shape.get(a).copied().unwrap_or(0), "x"),
    };
    if len < 1 {
        return Err(FftError::InvalidLength {
            function,
            parameter,
            n: len as i64,
        });
    }
    Ok((a, len))
}

/// SciPy's `_init_nd_shape_and_axes`: the transformed axes (in the order given) and their
/// lengths. With only `s`, the last `len(s)` axes; with neither, every axis; `-1` in `s` keeps
/// the input's length. Every length must be at least 1.
pub(crate) fn nd_axes(
    function: &'static str,
    shape: &[usize],
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let ndim = shape.len();
    let axes_given = match axes {
        Some(given) => {
            let mut out = Vec::with_capacity(given.len());
            for &a in given {
                out.push(normalize_axis(function, a, ndim)?);
            }
            for (i, &a) in out.iter().enumerate() {
                if out.iter().take(i).any(|&b| b == a) {
                    return Err(FftError::RepeatedAxis {
                        function,
                        axis: a,
                        axes: given.to_vec(),
                    });
                }
            }
            Some(out)
        }
        None => None,
    };
    let (axes, lens): (Vec<usize>, Vec<usize>) = match (s, axes_given) {
        (Some(s), axes_given) => {
            let axes = match axes_given {
                Some(a) if !a.is_empty() && a.len() != s.len() => {
                    return Err(FftError::ShapeAxesMismatch {
                        function,
                        s_len: s.len(),
                        reason: format!(
                            "`axes` has {} entries; when given, they must have the same length",
                            a.len()
                        ),
                    });
                }
                Some(a) => a,
                None => {
                    if s.len() > ndim {
                        return Err(FftError::ShapeAxesMismatch {
                            function,
                            s_len: s.len(),
                            reason: format!("the input has only {ndim} axes"),
                        });
                    }
                    (ndim - s.len()..ndim).collect()
                }
            };
            let mut lens = Vec::with_capacity(axes.len());
            for (&v, &a) in s.iter().zip(&axes) {
                let len = if v == -1 {
                    shape.get(a).copied().unwrap_or(0) as i64
                } else {
                    v as i64
                };
                if len < 1 {
                    return Err(FftError::InvalidLength {
                        function,
                        parameter: if v == -1 { "x" } else { "s" },
                        n: len,
                    });
                }
                lens.push(len as usize);
            }
            (axes.into_iter().take(lens.len()).collect(), lens)
        }
        (None, Some(a)) => {
            let lens = a.iter().map(|&ax| shape.get(ax).copied().unwrap_or(0)).collect();
            (a, lens)
        }
        (None, None) => ((0..ndim).collect(), shape.to_vec()),
    };
    if let Some(&bad) = lens.iter().find(|&&l| l < 1) {
        return Err(FftError::InvalidLength {
            function,
            parameter: "x",
            n: bad as i64,
        });
    }
    Ok((axes, lens))
}

/// `x` cropped or zero-padded (at the end) to `lens[i]` along `axes[i]`.
pub(crate) fn resize<T: Numeric, B: Backend>(x: &Array<T, B>, axes: &[usize], lens: &[usize]) -> Result<Array<T, B>> {
    let shape = x.shape();
    let crop = axes
        .iter()
        .zip(lens)
        .any(|(&a, &l)| shape.get(a).is_some_and(|&d| l < d));
    let pad = axes
        .iter()
        .zip(lens)
        .any(|(&a, &l)| shape.get(a).is_some_and(|&d| l > d));
    let mut y = x.clone();
    if crop {
        let index: Vec<Idx> = (0..shape.len())
            .map(|a| match axes.iter().position(|&b| b == a) {
                Some(i) if lens[i] < shape[a] => Idx::range(0, lens[i] as isize),
                _ => Idx::all(),
            })
            .collect();
        y = y.slice(&index)?;
    }
    if pad {
        let cur = y.shape().to_vec();
        let widths: Vec<(usize, usize)> = (0..cur.len())
            .map(|a| match axes.iter().position(|&b| b == a) {
                Some(i) if lens[i] > cur[a] => (0, lens[i] - cur[a]),
                _ => (0, 0),
            })
            .collect();
        y = y.pad(&widths, PadMode::Constant(T::ZERO))?;
    }
    Ok(y)
}

/// The product of `lens` as `f64` (the `n` of the normalisation).
pub(crate) fn logical_size(lens: &[usize]) -> f64 {
    lens.iter().map(|&l| l as f64).product()
}
