//! Output buffers of the native path: allocated once, advised to use transparent huge pages
//! when large (a fresh 64 MB buffer otherwise costs ~16,000 first-touch page faults, as much as
//! the transform), and initialised in parallel by a copy or a fill.
//!
//! The advice follows xp-core's switch ([`xp_core::backends::cpu::huge_pages_enabled`]), so
//! `with_huge_pages(false, ...)` turns it off for a scope here too.

use std::mem::MaybeUninit;

use rayon::prelude::*;

/// Elements per parallel chunk of a copy or fill.
const CHUNK: usize = 1 << 16;

/// A vector with capacity `len`, advised to use huge pages when large.
pub(crate) fn with_capacity<T>(len: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(len);
    advise_huge_pages(&mut v);
    v
}

/// A copy of `src` in a fresh buffer, copied in parallel chunks when `threads > 1`.
pub(crate) fn copied<T: Copy + Send + Sync>(src: &[T], threads: usize) -> Vec<T> {
    let len = src.len();
    let mut v = with_capacity::<T>(len);
    if threads <= 1 || len < 2 * CHUNK {
        v.extend_from_slice(src);
        return v;
    }
    let spare = &mut v.spare_capacity_mut()[..len];
    spare
        .par_chunks_mut(CHUNK)
        .zip(src.par_chunks(CHUNK))
        .for_each(|(dst, s)| {
            for (d, &x) in dst.iter_mut().zip(s) {
                d.write(x);
            }
        });
    // SAFETY: `spare` is the first `len` slots of `v`'s capacity; the chunks of `spare` and
    // `src` pair up exactly (same length `len`, same chunk size), and every slot was written
    // with the matching element of `src` above, so all `len` elements are initialised.
    unsafe { v.set_len(len) };
    v
}

/// A buffer of `len` copies of `value`, filled in parallel chunks when `threads > 1`.
pub(crate) fn filled<T: Copy + Send + Sync>(len: usize, value: T, threads: usize) -> Vec<T> {
    let mut v = with_capacity::<T>(len);
    if threads <= 1 || len < 2 * CHUNK {
        v.resize(len, value);
        return v;
    }
    let spare: &mut [MaybeUninit<T>] = &mut v.spare_capacity_mut()[..len];
    spare.par_chunks_mut(CHUNK).for_each(|dst| {
        for d in dst {
            d.write(value);
        }
    });
    // SAFETY: every one of the first `len` slots of the capacity was written above.
    unsafe { v.set_len(len) };
    v
}

/// Asks the kernel to back the untouched capacity of `v` with transparent huge pages.
fn advise_huge_pages<T>(v: &mut Vec<T>) {
    let bytes = v.capacity().saturating_mul(size_of::<T>());
    if bytes < xp_core::backends::cpu::HUGE_PAGE_MIN_BYTES || !xp_core::backends::cpu::huge_pages_enabled() {
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
    // that the caller's `Vec` owns and has not initialised. MADV_HUGEPAGE only changes how the
    // kernel backs those pages (contents and ownership are unchanged); a failure (EINVAL when
    // transparent huge pages are unavailable) leaves the buffer usable and is ignored.
    let _ = unsafe { libc::madvise(region.cast::<libc::c_void>(), end - aligned, libc::MADV_HUGEPAGE) };
}

#[cfg(not(target_os = "linux"))]
fn advise(_ptr: *mut u8, _bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_and_fills_every_element() {
        let src: Vec<u32> = (0..300_000).collect();
        assert_eq!(copied(&src, 4), src);
        assert_eq!(copied(&src[..10], 4), &src[..10]);
        let f = filled(200_001, 7u8, 3);
        assert_eq!(f.len(), 200_001);
        assert!(f.iter().all(|&v| v == 7));
        assert!(filled::<u8>(0, 1, 2).is_empty());
    }
}
