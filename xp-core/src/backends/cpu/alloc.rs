//! Output buffers of the Cpu backend: allocated uninitialised, advised to use transparent huge
//! pages when large, and filled in parallel chunks through a [`Sink`] that tracks what has been
//! written, so the buffer is never exposed before every element is initialised.
//!
//! Why huge pages: a fresh 80 MB output takes ~20,000 first-touch page faults with 4 KiB pages,
//! which costs as much as the arithmetic of an element-wise add. On Linux with transparent huge
//! pages in `madvise` mode, `madvise(MADV_HUGEPAGE)` on the untouched buffer makes the kernel fault
//! in 2 MiB pages instead (about 40 faults). [`with_huge_pages`] turns the advice off for a scope,
//! so benchmarks can compare.

use std::cell::Cell;
use std::mem::MaybeUninit;

use rayon::prelude::*;

/// Minimum amount of work (elements touched) before an operation runs in parallel.
pub(super) const PAR_MIN: usize = 32 * 1024;

/// Buffers of at least this many bytes are advised to use huge pages.
pub const HUGE_PAGE_MIN_BYTES: usize = 4 << 20;

thread_local! {
    static HUGE_PAGES: Cell<bool> = const { Cell::new(true) };
}

/// Runs `f` with huge-page advice for large Cpu output buffers switched on or off on this thread
/// (on by default), restoring the previous setting afterwards. For benchmarks and experiments:
/// results are identical either way, only the cost of first touching the memory changes.
///
/// ```
/// use xp_core::backends::cpu::with_huge_pages;
/// let a = xp_core::Array::<f64>::from_vec(vec![1.0; 8], &[8])?;
/// let b = with_huge_pages(false, || a.exp())?;
/// assert_eq!(b.shape(), &[8]);
/// # Ok::<(), xp_core::Error>(())
/// ```
pub fn with_huge_pages<R>(enabled: bool, f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            HUGE_PAGES.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(HUGE_PAGES.with(|c| c.replace(enabled)));
    f()
}

/// Whether large output buffers get huge-page advice on this thread (see [`with_huge_pages`]).
pub fn huge_pages_enabled() -> bool {
    HUGE_PAGES.with(Cell::get)
}

/// Asks the kernel to back the untouched capacity of `v` with transparent huge pages.
fn advise_huge_pages<T>(v: &mut Vec<T>) {
    let bytes = v.capacity().saturating_mul(size_of::<T>());
    if bytes < HUGE_PAGE_MIN_BYTES || !huge_pages_enabled() {
        return;
    }
    advise(v.as_mut_ptr().cast::<u8>(), bytes);
}

#[cfg(target_os = "linux")]
fn advise(ptr: *mut u8, bytes: usize) {
    const PAGE: usize = 4096;
    let start = ptr.addr();
    let (Some(aligned), Some(end)) = (start.checked_add(PAGE - 1), start.checked_add(bytes)) else {
        return;
    };
    let (aligned, end) = (aligned & !(PAGE - 1), end & !(PAGE - 1));
    if end <= aligned {
        return;
    }
    let region = ptr.wrapping_add(aligned - start);
    // SAFETY: `[aligned, end)` is a page-aligned range inside the allocation `[ptr, ptr + bytes)`
    // owned by the caller's `Vec`. MADV_HUGEPAGE only changes how the kernel backs those pages
    // (it neither frees nor changes their contents), so no Rust-visible memory is affected; a
    // failure (EINVAL when THP is unavailable) leaves the buffer usable and is ignored.
    let _ = unsafe { libc::madvise(region.cast::<libc::c_void>(), end - aligned, libc::MADV_HUGEPAGE) };
}

#[cfg(not(target_os = "linux"))]
fn advise(_: *mut u8, _: usize) {}

/// Write cursor over one chunk of an output buffer: the first `len` slots are initialised.
pub(super) struct Sink<'a, T> {
    slots: &'a mut [MaybeUninit<T>],
    len: usize,
}

impl<T: Copy + Default> Sink<'_, T> {
    /// Number of slots still to write.
    #[inline(always)]
    pub(super) fn remaining(&self) -> usize {
        self.slots.len() - self.len
    }

    /// Writes the items of `it` (as many as fit).
    #[inline(always)]
    pub(super) fn extend(&mut self, it: impl Iterator<Item = T>) {
        let rest = self.slots.get_mut(self.len..).unwrap_or_default();
        let mut written = 0;
        for (slot, v) in rest.iter_mut().zip(it) {
            slot.write(v);
            written += 1;
        }
        self.len += written;
    }

    /// Writes one item (ignored when the chunk is full).
    #[inline(always)]
    pub(super) fn push(&mut self, v: T) {
        if let Some(slot) = self.slots.get_mut(self.len) {
            slot.write(v);
            self.len += 1;
        }
    }

    /// Writes `count` copies of `v`.
    #[inline(always)]
    pub(super) fn fill(&mut self, v: T, count: usize) {
        self.extend(std::iter::repeat_n(v, count));
    }

    /// Initialises whatever the filler left unwritten (never the case in correct callers).
    fn finish(&mut self) {
        debug_assert_eq!(self.len, self.slots.len(), "a Cpu kernel left output slots unwritten");
        for slot in self.slots.get_mut(self.len..).unwrap_or_default() {
            slot.write(T::default());
        }
        self.len = self.slots.len();
    }
}

/// Builds a vector of `n` elements by calling `fill(start, sink)` on chunks that tile `0..n`
/// in order; `sink` covers positions `start..start + sink.remaining()`. Each element costs about
/// `work` units (elements read); chunks run in parallel when the total is at least [`PAR_MIN`],
/// and every chunk length is a multiple of `grain` (except possibly the last).
pub(super) fn build<T, F>(n: usize, grain: usize, work: usize, fill: F) -> Vec<T>
where
    T: Copy + Default + Send + Sync,
    F: Fn(usize, &mut Sink<'_, T>) + Sync + Send,
{
    let mut v: Vec<T> = Vec::with_capacity(n);
    advise_huge_pages(&mut v);
    let slots = v.spare_capacity_mut().get_mut(..n).unwrap_or_default();
    let run = |start: usize, chunk: &mut [MaybeUninit<T>]| {
        let mut sink = Sink { slots: chunk, len: 0 };
        fill(start, &mut sink);
        sink.finish();
    };
    let threads = rayon::current_num_threads();
    if threads > 1 && n > 1 && parallel(n.saturating_mul(work.max(1))) {
        let chunk = chunk_len(n, grain, work, threads);
        slots
            .par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(i, c)| run(i.saturating_mul(chunk), c));
    } else {
        run(0, slots);
    }
    let filled = slots.len();
    // SAFETY: `slots` is the first `filled` elements of the spare capacity of the still-empty
    // `v` (`filled == n`, as `with_capacity(n)` gives `capacity >= n`); the chunks above tile it
    // exactly and `Sink::finish` initialised every slot of every chunk, so the first `filled`
    // elements of `v` are initialised.
    unsafe { v.set_len(filled) };
    v
}

/// Whether `work` units justify running in parallel.
#[inline]
pub(super) fn parallel(work: usize) -> bool {
    work >= PAR_MIN && rayon::current_num_threads() > 1
}

/// Chunk length for `n` items of `work` units each on `threads` threads: about four chunks per
/// thread, at least 4096 units of work, rounded up to a multiple of `grain`.
pub(super) fn chunk_len(n: usize, grain: usize, work: usize, threads: usize) -> usize {
    let grain = grain.max(1);
    let min_items = 4096usize.div_ceil(work.max(1));
    let target = n.div_ceil(threads.saturating_mul(4).max(1)).max(min_items);
    target.div_ceil(grain).saturating_mul(grain).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_fills_every_slot_in_order() {
        for &(n, grain, work) in &[(0, 1, 1), (1, 1, 1), (100_003, 7, 1), (50_000, 1, 0), (300, 3, 1000)] {
            let v: Vec<u64> = build(n, grain, work, |start, sink| {
                let len = sink.remaining();
                sink.extend((start..start + len).map(|i| i as u64));
            });
            assert_eq!(v.len(), n);
            assert!(v.iter().enumerate().all(|(i, &x)| x == i as u64));
        }
        // Large enough for huge-page advice; both settings give the same values.
        let n = (HUGE_PAGE_MIN_BYTES / 8) * 2 + 3;
        for enabled in [true, false] {
            let v: Vec<f64> = with_huge_pages(enabled, || build(n, 1, 1, |_, sink| sink.fill(2.0, sink.remaining())));
            assert!(v.len() == n && v.iter().all(|&x| x == 2.0));
        }
    }

    #[test]
    fn unwritten_slots_get_the_default_in_release() {
        if cfg!(debug_assertions) {
            return;
        }
        let v: Vec<i32> = build(10, 1, 1, |_, sink| sink.push(5));
        assert_eq!(v, vec![5, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
}
