//! The host kernels: faer factorizations on `ndarray` data, shared by the native Cpu path
//! (zero-copy views of the array storage) and the default host path of every other backend
//! (a copy made under the opt-in policy).
//!
//! Each kernel takes a stack of matrices `(..., M, N)` as an [`ArrayViewD`], splits it into 2-D
//! views without copying, and runs faer on each matrix, parallel over the batch when the
//! matrices are small ([`Plan`]). Outputs are written straight into fresh buffers that become
//! the result arrays: matrices are stored column-major (faer's native layout) or, where that
//! saves a transpose, row-major, and the `ndarray` strides say which.

pub mod cholesky;
pub mod eig;
pub mod eigh;
pub mod hessenberg;
pub mod lu;
pub mod qr;
pub mod qz;
pub mod schur;
pub mod svd;
pub mod triangular;

use faer::{MatMut, MatRef, Par};
use ndarray::{ArrayD, ArrayView2, ArrayViewD, Axis, Ix2, IxDyn, ShapeBuilder};
use rayon::prelude::*;

use crate::error::{LinalgError, Result};
use crate::scalar::LinalgScalar;

/// A numerical failure inside a kernel, turned into a [`LinalgError`] naming the function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Zero pivot at this index.
    Singular(usize),
    /// Non-positive pivot at this index.
    NotPositiveDefinite(usize),
    /// An iteration did not converge.
    NoConvergence,
    /// Inputs that do not fit (the public functions check shapes first; this is a safety net).
    Shape(String),
    /// NaN or infinity in this input (checked while the kernel loads it).
    NonFinite(&'static str),
}

impl Failure {
    /// The error of `function` for this failure.
    pub fn into_error(self, function: &'static str) -> LinalgError {
        match self {
            Failure::Singular(pivot) => LinalgError::Singular { function, pivot },
            Failure::NotPositiveDefinite(index) => LinalgError::NotPositiveDefinite { function, index },
            Failure::NoConvergence => LinalgError::NoConvergence {
                function,
                iterations: None,
            },
            Failure::Shape(reason) => LinalgError::ShapeMismatch { function, reason },
            Failure::NonFinite(parameter) => LinalgError::NonFinite { function, parameter },
        }
    }
}

/// How matrices of one output are laid out in their buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Each matrix column-major (faer's layout).
    ColMajor,
    /// Each matrix row-major (the standard layout).
    RowMajor,
}

/// Parallelism of one call: faer's `Par` inside each matrix, and whether the batch runs in
/// parallel (only when the matrices are small enough to run sequentially each).
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Parallelism inside one matrix.
    pub par: Par,
    /// Parallel over the batch.
    pub batch_parallel: bool,
}

impl Plan {
    /// Sequential everywhere (the host path of non-Cpu backends and tiny problems).
    pub const SEQ: Plan = Plan {
        par: Par::Seq,
        batch_parallel: false,
    };

    /// The plan for `count` matrices whose work is `size` (a matrix dimension): faer runs
    /// multi-threaded for one matrix of at least `threshold`, otherwise the batch is split
    /// across threads.
    pub fn for_size(count: usize, size: usize, threshold: usize) -> Plan {
        let threads = rayon::current_num_threads();
        let enough_work = count.saturating_mul(size).saturating_mul(size) >= 4096;
        // A batch with at least a matrix per thread keeps every core busy without splitting
        // matrices; a single large matrix is split inside faer.
        if count > 1 && threads > 1 && enough_work && (size < threshold || count >= threads) {
            Plan {
                par: Par::Seq,
                batch_parallel: true,
            }
        } else if size >= threshold && threads > 1 {
            Plan {
                par: Par::rayon(0),
                batch_parallel: false,
            }
        } else {
            Plan::SEQ
        }
    }
}

/// The batch dimensions and the matrix shape of a stack `(..., M, N)`.
pub fn split_shape(shape: &[usize]) -> (Vec<usize>, usize, usize) {
    let r = shape.len();
    if r < 2 {
        return (Vec::new(), shape.first().copied().unwrap_or(1), 1);
    }
    let batch = shape.get(..r - 2).unwrap_or_default().to_vec();
    (
        batch,
        shape.get(r - 2).copied().unwrap_or(0),
        shape.get(r - 1).copied().unwrap_or(0),
    )
}

/// The 2-D matrices of a stack `(..., M, N)` in row-major batch order (views, no copies).
pub fn matrices<'a, T>(v: ArrayViewD<'a, T>) -> Result<Vec<ArrayView2<'a, T>>> {
    let mut out = Vec::new();
    collect(v, &mut out)?;
    Ok(out)
}

fn collect<'a, T>(v: ArrayViewD<'a, T>, out: &mut Vec<ArrayView2<'a, T>>) -> Result<()> {
    if v.ndim() <= 2 {
        let nd = v.ndim();
        let shape = v.shape().to_vec();
        let m = v.into_dimensionality::<Ix2>().map_err(|_| {
            Failure::Shape(format!("expected a matrix, got {nd} dimensions {shape:?}")).into_error("linalg")
        })?;
        out.push(m);
        return Ok(());
    }
    let len = v.len_of(Axis(0));
    for i in 0..len {
        collect(v.clone().index_axis_move(Axis(0), i), out)?;
    }
    Ok(())
}

/// A faer view of a 2-D `ndarray` view (zero-copy, any strides).
pub fn faer_ref<'a, T>(v: &ArrayView2<'a, T>) -> MatRef<'a, T> {
    let (rs, cs) = (v.strides()[0], v.strides()[1]);
    // SAFETY: `v` is a live ndarray view of shape (nrows, ncols) with element strides (rs, cs):
    // every element (i, j) with i < nrows, j < ncols lies at `as_ptr() + i*rs + j*cs` inside its
    // allocation, is initialised and aligned. The storage behind xp arrays is immutable while
    // borrowed, and the returned MatRef carries the view's lifetime 'a.
    unsafe { MatRef::from_raw_parts(v.as_ptr(), v.nrows(), v.ncols(), rs, cs) }
}

/// A column-major (or, with `layout`, row-major) faer view of an `m x n` chunk.
pub fn faer_mut<T>(chunk: &mut [T], m: usize, n: usize, layout: Layout) -> MatMut<'_, T> {
    match layout {
        Layout::ColMajor => MatMut::from_column_major_slice_mut(chunk, m, n),
        Layout::RowMajor => MatMut::from_row_major_slice_mut(chunk, m, n),
    }
}

/// Matrices with at least this many elements are loaded on every core.
const PAR_LOAD: usize = 1 << 18;

/// Side of the square tiles of the transposing copy in [`load`].
const TILE: usize = 32;

/// Copies the `m x n` matrix `src` into `dst` (`m * n` elements) column-major, the layout faer
/// factors in place. Row-major input (the standard layout) is transposed in cache-sized tiles,
/// on every core for large matrices; column-major input is copied as one slice.
pub fn load<T: xp_core::Numeric>(dst: &mut [T], src: &ArrayView2<'_, T>) {
    let (m, n) = src.dim();
    let t = src.t();
    if let Some(s) = src.as_slice() {
        transpose_into(dst, s, m, n);
    } else if let Some(s) = t.as_slice() {
        dst.iter_mut().zip(s).for_each(|(d, &v)| *d = v);
    } else {
        for (j, col) in dst.chunks_mut(m.max(1)).take(n).enumerate() {
            col.iter_mut().zip(src.column(j)).for_each(|(d, &v)| *d = v);
        }
    }
}

/// Whether every element of `x` is finite (no early exit: one branch-free pass that the
/// compiler vectorises, meant for a matrix just loaded and still in cache).
pub fn all_finite<T: LinalgScalar>(x: &[T]) -> bool {
    x.iter().fold(true, |ok, v| ok & v.is_finite())
}

/// The error of a kernel that checks `parameter` for NaN and infinity while loading it: when
/// the batch failed otherwise (a singular matrix, say) but some matrix is not finite, the
/// non-finite input is reported, as a check before the kernel would have.
pub fn finite_first<T: LinalgScalar>(
    failure: Failure,
    check: bool,
    parameter: &'static str,
    input: &ArrayViewD<'_, T>,
) -> Failure {
    if check && !matches!(failure, Failure::NonFinite(_)) && !input.iter().all(|v| v.is_finite()) {
        Failure::NonFinite(parameter)
    } else {
        failure
    }
}

/// `dst` (column-major `m x n`) = `src` (row-major `m x n`), by column blocks of [`TILE`]
/// columns, each filled [`TILE`] rows at a time so that reads and writes stay in cache.
fn transpose_into<T: xp_core::Numeric>(dst: &mut [T], src: &[T], m: usize, n: usize) {
    if m == 0 || n == 0 {
        return;
    }
    let block = |(jb, cols): (usize, &mut [T])| {
        let j0 = jb * TILE;
        let w = cols.len() / m;
        for i0 in (0..m).step_by(TILE) {
            for i in i0..(i0 + TILE).min(m) {
                let row = src.get(i * n + j0..i * n + j0 + w).unwrap_or_default();
                for (c, &v) in cols.chunks_mut(m).zip(row) {
                    if let Some(d) = c.get_mut(i) {
                        *d = v;
                    }
                }
            }
        }
    };
    if m * n >= PAR_LOAD && rayon::current_num_threads() > 1 {
        dst.par_chunks_mut(TILE * m).enumerate().for_each(block);
    } else {
        dst.chunks_mut(TILE * m).enumerate().for_each(block);
    }
}

/// `count` mutable chunks of `size` elements of `data` (empty chunks when `size` is 0).
pub fn chunks<T>(data: &mut [T], size: usize, count: usize) -> Vec<&mut [T]> {
    if size == 0 {
        return (0..count).map(|_| -> &mut [T] { &mut [] }).collect();
    }
    data.chunks_mut(size).collect()
}

/// Runs `f` on every item, in parallel when `plan` says so; the first error wins.
pub fn run<I: Send, F>(items: Vec<I>, plan: Plan, f: F) -> std::result::Result<(), Failure>
where
    F: Fn(I) -> std::result::Result<(), Failure> + Sync + Send,
{
    if plan.batch_parallel && items.len() > 1 {
        items.into_par_iter().try_for_each(f)
    } else {
        items.into_iter().try_for_each(f)
    }
}

/// A buffer of `count` matrices `m x n`, zero-initialised.
pub fn buffer<T: xp_core::Numeric>(count: usize, m: usize, n: usize) -> Result<Vec<T>> {
    let total = count.checked_mul(m).and_then(|v| v.checked_mul(n)).ok_or_else(|| {
        LinalgError::Core(xp_core::Error::SizeOverflow {
            function: "linalg",
            shape: vec![count, m, n],
        })
    })?;
    Ok(vec![T::ZERO; total])
}

/// Wraps a buffer of matrices `m x n` (each laid out as `layout`) as an array `batch + [m, n]`.
pub fn stack_array<T>(batch: &[usize], m: usize, n: usize, layout: Layout, data: Vec<T>) -> Result<ArrayD<T>> {
    let mut shape = batch.to_vec();
    shape.extend([m, n]);
    let mut strides = vec![0usize; shape.len()];
    let block = m * n;
    let mut acc = block;
    for (s, &d) in strides.iter_mut().zip(batch).rev() {
        *s = acc;
        acc *= d;
    }
    let r = shape.len();
    match layout {
        Layout::ColMajor => {
            strides[r - 2] = 1;
            strides[r - 1] = m;
        }
        Layout::RowMajor => {
            strides[r - 2] = n;
            strides[r - 1] = 1;
        }
    }
    let built = if block == 0 || shape.contains(&0) {
        ArrayD::from_shape_vec(IxDyn(&shape), data)
    } else {
        ArrayD::from_shape_vec(IxDyn(&shape).strides(IxDyn(&strides)), data)
    };
    built.map_err(|e| {
        LinalgError::Core(xp_core::Error::Backend {
            function: "linalg",
            backend: "host",
            message: format!("output buffer does not fit shape {shape:?}: {e}"),
        })
    })
}

/// Wraps a row-major buffer as an array of `shape`.
pub fn vec_array<T>(shape: Vec<usize>, data: Vec<T>) -> Result<ArrayD<T>> {
    ArrayD::from_shape_vec(IxDyn(&shape), data).map_err(|e| {
        LinalgError::Core(xp_core::Error::Backend {
            function: "linalg",
            backend: "host",
            message: format!("output buffer does not fit shape {shape:?}: {e}"),
        })
    })
}

/// `batch + extra` as one shape.
pub fn with_tail(batch: &[usize], extra: &[usize]) -> Vec<usize> {
    let mut s = batch.to_vec();
    s.extend_from_slice(extra);
    s
}

/// A faer workspace of the requested size.
pub fn workspace(req: faer::dyn_stack::StackReq) -> faer::dyn_stack::MemBuffer {
    faer::dyn_stack::MemBuffer::new(req)
}
