//! Running a 1-D transform over every line of a row-major array along one axis, in parallel,
//! without transposing the whole array.
//!
//! An axis splits a row-major array into `outer` blocks of `n` rows of `inner` contiguous
//! elements ([`Lines`]). When the axis is the last one (`inner == 1`) the lines are contiguous
//! and whole groups of them go to the engine at once. Otherwise the lines are strided: each
//! block is cut into tiles of up to [`TILE`] adjacent columns; a tile's lines are gathered into a
//! small contiguous buffer (reading `TILE` consecutive elements per row, which keeps the reads
//! cache-friendly), transformed, and scattered back. Tiles are independent, so they run in
//! parallel; nothing but the tile buffers is ever transposed.

use ndarray::{ArrayView2, ArrayViewMut2, ArrayViewMut3, Axis};
use rayon::prelude::*;

use crate::error::{FftError, Result};

/// Below this many elements a pass runs on one thread.
const PAR_MIN: usize = 1 << 15;

/// Columns per tile of strided lines.
const TILE: usize = 16;

/// The lines of one axis of a row-major array: `outer` blocks of `n` rows of `inner` elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lines {
    /// Product of the dimensions before the axis.
    pub outer: usize,
    /// Length of the axis.
    pub n: usize,
    /// Product of the dimensions after the axis (the stride of the lines).
    pub inner: usize,
}

impl Lines {
    /// The lines of `axis` of an array of `shape` (`axis < shape.len()`).
    pub(crate) fn of(shape: &[usize], axis: usize) -> Lines {
        let outer = shape.iter().take(axis).product();
        let n = shape.get(axis).copied().unwrap_or(1);
        let inner = shape.iter().skip(axis + 1).product();
        Lines { outer, n, inner }
    }

    /// Number of elements.
    fn len(&self) -> usize {
        self.outer * self.n * self.inner
    }
}

/// How many contiguous lines of `n` elements one parallel task takes.
fn lines_per_task(lines: usize, n: usize, threads: usize) -> usize {
    let by_tasks = lines.div_ceil(threads.max(1) * 4);
    let by_size = (8192 / n.max(1)).max(1);
    by_tasks.max(by_size).clamp(1, lines.max(1))
}

fn layout_error(function: &'static str, e: ndarray::ShapeError) -> FftError {
    FftError::Core(xp_core::Error::Backend {
        function,
        backend: "cpu",
        message: format!("buffer does not match its shape: {e}"),
    })
}

/// The column tiles of every block of `view` (`(outer, n, inner)`), up to `w` columns each.
fn tiles<'a, T>(view: ArrayViewMut3<'a, T>, w: usize) -> Vec<(usize, usize, ArrayViewMut2<'a, T>)> {
    let mut out = Vec::new();
    let mut blocks = view;
    let mut o = 0;
    while blocks.len_of(Axis(0)) > 0 {
        let (head, tail) = blocks.split_at(Axis(0), 1);
        blocks = tail;
        let mut rest = head.index_axis_move(Axis(0), 0);
        let mut c0 = 0;
        while rest.len_of(Axis(1)) > 0 {
            let k = w.min(rest.len_of(Axis(1)));
            let (tile, tail) = rest.split_at(Axis(1), k);
            out.push((o, c0, tile));
            c0 += k;
            rest = tail;
        }
        o += 1;
    }
    out
}

/// Copies the columns of `tile` (`n` rows) into `buf` as contiguous lines of length `n`.
fn gather<T: Copy>(tile: &ArrayView2<'_, T>, buf: &mut [T], n: usize) {
    for (r, row) in tile.axis_iter(Axis(0)).enumerate() {
        for (c, &v) in row.iter().enumerate() {
            buf[c * n + r] = v;
        }
    }
}

/// Writes the contiguous lines of `buf` back into the columns of `tile`.
fn scatter<T: Copy>(buf: &[T], tile: &mut ArrayViewMut2<'_, T>, n: usize) {
    for (r, mut row) in tile.axis_iter_mut(Axis(0)).enumerate() {
        for (c, v) in row.iter_mut().enumerate() {
            *v = buf[c * n + r];
        }
    }
}

/// Transforms the lines of `data` (row-major, `lines` layout) in place: `f(state, buf)`
/// receives whole contiguous lines (`buf.len()` a multiple of `lines.n`) and transforms each.
/// `init` makes one state (scratch space) per task.
pub(crate) fn in_place<T, S, I, F>(
    function: &'static str,
    data: &mut [T],
    lines: Lines,
    threads: usize,
    init: I,
    f: F,
) -> Result<()>
where
    T: Copy + Default + Send + Sync,
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, &mut [T]) -> Result<()> + Sync + Send,
{
    let Lines { outer, n, inner } = lines;
    if lines.len() == 0 || data.len() != lines.len() {
        return Ok(());
    }
    let par = threads > 1 && data.len() >= PAR_MIN;
    if inner == 1 {
        if !par {
            return f(&mut init(), data);
        }
        let per = lines_per_task(outer, n, threads);
        return data.par_chunks_mut(per * n).try_for_each_init(init, |s, c| f(s, c));
    }
    let view = ArrayViewMut3::from_shape((outer, n, inner), data).map_err(|e| layout_error(function, e))?;
    let tiles = tiles(view, TILE.min(inner));
    let work = |(s, buf): &mut (S, Vec<T>), (_, _, mut tile): (usize, usize, ArrayViewMut2<'_, T>)| -> Result<()> {
        buf.clear();
        buf.resize(tile.len_of(Axis(1)) * n, T::default());
        gather(&tile.view(), buf, n);
        f(s, buf)?;
        scatter(buf, &mut tile, n);
        Ok(())
    };
    if par {
        tiles.into_par_iter().try_for_each_init(|| (init(), Vec::new()), work)
    } else {
        let mut state = (init(), Vec::new());
        tiles.into_iter().try_for_each(|t| work(&mut state, t))
    }
}

/// Transforms the lines of `input` (row-major, `lines` layout) into `output` (the same shape
/// but another length `n_out` on the axis, `output.len() / (outer * inner)`): `f(state, inp,
/// out)` receives matching groups of whole contiguous input lines (length `lines.n`) and output
/// lines (length `n_out`).
pub(crate) fn out_of_place<I, O, S, N, F>(
    function: &'static str,
    input: &[I],
    lines: Lines,
    output: &mut [O],
    threads: usize,
    init: N,
    f: F,
) -> Result<()>
where
    I: Copy + Default + Send + Sync,
    O: Copy + Default + Send + Sync,
    S: Send,
    N: Fn() -> S + Sync + Send,
    F: Fn(&mut S, &[I], &mut [O]) -> Result<()> + Sync + Send,
{
    let Lines { outer, n, inner } = lines;
    let n_out = output.len().checked_div(outer * inner).unwrap_or(0);
    if lines.len() == 0 || n_out == 0 || input.len() != lines.len() || output.len() != outer * n_out * inner {
        return Ok(());
    }
    let par = threads > 1 && (input.len() >= PAR_MIN || output.len() >= PAR_MIN);
    if inner == 1 {
        if !par {
            return f(&mut init(), input, output);
        }
        let per = lines_per_task(outer, n.max(n_out), threads);
        return output
            .par_chunks_mut(per * n_out)
            .zip(input.par_chunks(per * n))
            .try_for_each_init(init, |s, (o, i)| f(s, i, o));
    }
    let view = ArrayViewMut3::from_shape((outer, n_out, inner), output).map_err(|e| layout_error(function, e))?;
    let tiles = tiles(view, TILE.min(inner));
    let work = |(s, ibuf, obuf): &mut (S, Vec<I>, Vec<O>),
                (o, c0, mut tile): (usize, usize, ArrayViewMut2<'_, O>)|
     -> Result<()> {
        let cols = tile.len_of(Axis(1));
        ibuf.clear();
        ibuf.resize(cols * n, I::default());
        obuf.clear();
        obuf.resize(cols * n_out, O::default());
        let block = o * n * inner;
        for r in 0..n {
            let start = block + r * inner + c0;
            let row = input.get(start..start + cols).unwrap_or_default();
            for (c, &v) in row.iter().enumerate() {
                ibuf[c * n + r] = v;
            }
        }
        f(s, ibuf, obuf)?;
        scatter(obuf, &mut tile, n_out);
        Ok(())
    };
    if par {
        tiles
            .into_par_iter()
            .try_for_each_init(|| (init(), Vec::new(), Vec::new()), work)
    } else {
        let mut state = (init(), Vec::new(), Vec::new());
        tiles.into_iter().try_for_each(|t| work(&mut state, t))
    }
}

/// [`out_of_place`] into a new row-major buffer of `outer * n_out * inner` elements, which is
/// returned. For contiguous lines (`inner == 1`) each parallel task first sets its own part of
/// the output to `zero` and then transforms into it while it is in cache, so the output is not
/// written twice through memory; otherwise the buffer is filled first.
#[allow(clippy::too_many_arguments)]
pub(crate) fn into_new<I, O, S, N, F>(
    function: &'static str,
    input: &[I],
    lines: Lines,
    n_out: usize,
    zero: O,
    threads: usize,
    init: N,
    f: F,
) -> Result<Vec<O>>
where
    I: Copy + Default + Send + Sync,
    O: Copy + Default + Send + Sync,
    S: Send,
    N: Fn() -> S + Sync + Send,
    F: Fn(&mut S, &[I], &mut [O]) -> Result<()> + Sync + Send,
{
    let Lines { outer, n, inner } = lines;
    let total = outer * n_out * inner;
    let par = threads > 1 && (input.len() >= PAR_MIN || total >= PAR_MIN);
    if inner != 1 || !par || lines.len() == 0 || n_out == 0 || input.len() != lines.len() {
        let mut out = super::buffer::filled(total, zero, threads);
        out_of_place(function, input, lines, &mut out, threads, init, f)?;
        return Ok(out);
    }
    let mut out: Vec<O> = super::buffer::with_capacity(total);
    let per = lines_per_task(outer, n.max(n_out), threads);
    out.spare_capacity_mut()[..total]
        .par_chunks_mut(per * n_out)
        .zip(input.par_chunks(per * n))
        .try_for_each_init(init, |s, (o, i)| {
            for slot in o.iter_mut() {
                slot.write(zero);
            }
            // SAFETY: every element of `o` was initialised by the loop above, and
            // `MaybeUninit<O>` has the same layout as `O`, so viewing the chunk as `[O]` is sound.
            let o = unsafe { &mut *(std::ptr::from_mut::<[std::mem::MaybeUninit<O>]>(o) as *mut [O]) };
            f(s, i, o)
        })?;
    // SAFETY: the chunks above cover the first `total` slots of the capacity exactly (the
    // parallel loop succeeded, so every chunk ran and initialised its slots).
    unsafe { out.set_len(total) };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reverses each line: an easy transform whose result shows line order and placement.
    fn reverse_lines(buf: &mut [i64], n: usize) {
        for line in buf.chunks_exact_mut(n) {
            line.reverse();
        }
    }

    #[test]
    fn in_place_reaches_every_line_of_every_axis() {
        let shape = [6, 20, 300];
        let data: Vec<i64> = (0..36_000).collect();
        for axis in 0..3 {
            for threads in [1, 4] {
                let lines = Lines::of(&shape, axis);
                let mut d = data.clone();
                in_place(
                    "t",
                    &mut d,
                    lines,
                    threads,
                    || (),
                    |_, b| {
                        reverse_lines(b, lines.n);
                        Ok(())
                    },
                )
                .unwrap();
                let a = ndarray::ArrayView3::from_shape(shape, &data).unwrap();
                let expect = a.slice_axis(Axis(axis), ndarray::Slice::new(0, None, -1));
                assert_eq!(d, expect.iter().copied().collect::<Vec<_>>(), "axis {axis}");
            }
        }
    }

    #[test]
    fn into_new_matches_out_of_place() {
        let shape = [4, 30, 3000];
        let input: Vec<i64> = (0..360_000).collect();
        for axis in 0..3 {
            for threads in [1, 2, 3] {
                let lines = Lines::of(&shape, axis);
                let mut oshape = shape;
                oshape[axis] = 2;
                let f = |_: &mut (), i: &[i64], o: &mut [i64]| {
                    for (li, lo) in i.chunks_exact(lines.n).zip(o.chunks_exact_mut(2)) {
                        lo[0] += li[0];
                        lo[1] += li.iter().sum::<i64>();
                    }
                    Ok(())
                };
                let got = into_new("t", &input, lines, 2, 0, threads, || (), f).unwrap();
                let mut expect = vec![0i64; oshape.iter().product()];
                out_of_place("t", &input, lines, &mut expect, 1, || (), f).unwrap();
                assert_eq!(got, expect, "axis {axis} threads {threads}");
            }
        }
    }

    #[test]
    fn out_of_place_changes_the_axis_length() {
        let shape = [4, 30, 300];
        let input: Vec<i64> = (0..36_000).collect();
        for axis in 0..3 {
            for threads in [1, 3] {
                let lines = Lines::of(&shape, axis);
                let mut oshape = shape;
                oshape[axis] = 2;
                let mut out = vec![0i64; oshape.iter().product()];
                out_of_place(
                    "t",
                    &input,
                    lines,
                    &mut out,
                    threads,
                    || (),
                    |_, i, o| {
                        for (li, lo) in i.chunks_exact(lines.n).zip(o.chunks_exact_mut(2)) {
                            lo[0] = li[0];
                            lo[1] = li.iter().sum();
                        }
                        Ok(())
                    },
                )
                .unwrap();
                let a = ndarray::ArrayView3::from_shape(shape, &input).unwrap();
                let first = a.index_axis(Axis(axis), 0);
                let sum = a.sum_axis(Axis(axis));
                let expect = ndarray::stack(Axis(axis), &[first, sum.view()]).unwrap();
                assert_eq!(out, expect.iter().copied().collect::<Vec<_>>(), "axis {axis}");
            }
        }
    }
}
