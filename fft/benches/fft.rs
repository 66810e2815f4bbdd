//! xp-fft against calling rustfft / realfft / rustdct directly on the same data, for every fft
//! workload of `BENCHMARKS.md`, plus the per-call overhead of a 64-point transform with a warm
//! plan cache. `fft/benches/scipy_fft.py` times SciPy on the same sizes and data.
//!
//! Run with `cargo bench -p xp-fft --bench fft` (a filter such as `-- fft2` selects groups).
//!
//! "direct" is what the same non-destructive transform costs when written by hand: a fresh
//! output buffer, the input copied into it (or into the engine's input buffer), a plan reused
//! across iterations, and a rayon loop over independent lines where the workload has them.
//! Each group benches xp and direct back to back on the same input.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime};
use rayon::prelude::*;
use realfft::RealFftPlanner;
use rustdct::DctPlanner;
use rustfft::{Fft, FftPlanner, num_complex::Complex};
use xp_core::backends::cpu::with_huge_pages;
use xp_core::{Array, c32, c64};
use xp_fft::{DctOptions, FftOptions, FftPlan, FftnOptions, dct, fft, fft2, rfft};

/// Deterministic test signals (the same formulas as `scipy_fft.py`).
fn signal(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| (i as f64 * 0.37).sin() + 0.5 * (i as f64 * 0.011).cos())
        .collect()
}

fn complex_signal(n: usize) -> Vec<c64> {
    (0..n)
        .map(|i| c64::new((i as f64 * 0.37).sin(), (i as f64 * 0.11).cos()))
        .collect()
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, large: bool) {
    if large {
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(4));
    } else {
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
    }
}

/// Runs `plan` over every row (of length `n`) of `buf` in parallel.
fn rows_par<T: rustfft::FftNum>(plan: &dyn Fft<T>, buf: &mut [Complex<T>], n: usize) {
    let per = (buf.len() / n).div_ceil(rayon::current_num_threads() * 4).max(1);
    buf.par_chunks_mut(per * n).for_each_init(
        || vec![Complex::<T>::new(T::zero(), T::zero()); plan.get_inplace_scratch_len()],
        |scratch, chunk| plan.process_with_scratch(chunk, scratch),
    );
}

/// Out-of-place blocked transpose of a `rows x cols` matrix.
fn transpose(src: &[c64], dst: &mut [c64], rows: usize, cols: usize) {
    const B: usize = 32;
    dst.par_chunks_mut(B * rows).enumerate().for_each(|(cb, out)| {
        let c0 = cb * B;
        let cw = B.min(cols - c0);
        for r0 in (0..rows).step_by(B) {
            for r in r0..(r0 + B).min(rows) {
                for c in 0..cw {
                    out[c * rows + r] = src[r * cols + c0 + c];
                }
            }
        }
    });
}

fn complex_1d(c: &mut Criterion) {
    for (label, n) in [
        ("fft c128 2^20", 1usize << 20),
        ("fft c128 prime 1000003", 1_000_003),
        ("fft c128 64 (per call)", 64),
    ] {
        let v = complex_signal(n);
        let x = Array::<c64>::from_vec(v.clone(), &[n]).unwrap();
        let opts = FftOptions::default();
        let mut group = c.benchmark_group(label);
        configure(&mut group, n > 4096);
        let plan = FftPlanner::<f64>::new().plan_fft_forward(n);
        let mut scratch = vec![c64::new(0.0, 0.0); plan.get_inplace_scratch_len()];
        // Warm xp's plan cache (the one-time plan of the prime length is not what is measured).
        fft(&x, &opts).unwrap();
        group.bench_function("xp", |b| b.iter(|| fft(black_box(&x), &opts).unwrap()));
        if n == 1 << 20 {
            let one = FftOptions::default().workers(1);
            group.bench_function("xp workers=1", |b| b.iter(|| fft(black_box(&x), &one).unwrap()));
            group.bench_function("xp no huge pages", |b| {
                b.iter(|| with_huge_pages(false, || fft(black_box(&x), &opts).unwrap()))
            });
        }
        group.bench_function("rustfft direct", |b| {
            b.iter(|| {
                let mut buf = black_box(&v).clone();
                plan.process_with_scratch(&mut buf, &mut scratch);
                buf
            })
        });
        if n == 64 {
            let p = FftPlan::fft(&[n], &opts).unwrap();
            group.bench_function("xp plan", |b| b.iter(|| p.execute(black_box(&x)).unwrap()));
            let mut out = vec![c64::new(0.0, 0.0); n];
            let mut iscratch = vec![c64::new(0.0, 0.0); plan.get_immutable_scratch_len()];
            group.bench_function("rustfft direct, reused output", |b| {
                b.iter(|| plan.process_immutable_with_scratch(black_box(&v), &mut out, &mut iscratch))
            });
        }
        group.finish();
    }

    let n = 1usize << 20;
    let v: Vec<c32> = complex_signal(n)
        .iter()
        .map(|z| c32::new(z.re as f32, z.im as f32))
        .collect();
    let x = Array::<c32>::from_vec(v.clone(), &[n]).unwrap();
    let opts = FftOptions::default();
    let mut group = c.benchmark_group("fft c64 2^20");
    configure(&mut group, true);
    group.bench_function("xp", |b| b.iter(|| fft(black_box(&x), &opts).unwrap()));
    let plan = FftPlanner::<f32>::new().plan_fft_forward(n);
    let mut scratch = vec![c32::new(0.0, 0.0); plan.get_inplace_scratch_len()];
    group.bench_function("rustfft direct", |b| {
        b.iter(|| {
            let mut buf = black_box(&v).clone();
            plan.process_with_scratch(&mut buf, &mut scratch);
            buf
        })
    });
    group.finish();
}

fn real_1d(c: &mut Criterion) {
    let n = 1usize << 22;
    let v = signal(n);
    let x = Array::<f64>::from_vec(v.clone(), &[n]).unwrap();
    let opts = FftOptions::default();
    let mut group = c.benchmark_group("rfft f64 2^22");
    configure(&mut group, true);
    group.bench_function("xp", |b| b.iter(|| rfft(black_box(&x), &opts).unwrap()));
    let plan = RealFftPlanner::<f64>::new().plan_fft_forward(n);
    let mut input = plan.make_input_vec();
    let mut scratch = plan.make_scratch_vec();
    group.bench_function("realfft direct", |b| {
        b.iter(|| {
            input.copy_from_slice(black_box(&v));
            let mut out = vec![c64::new(0.0, 0.0); n / 2 + 1];
            plan.process_with_scratch(&mut input, &mut out, &mut scratch).unwrap();
            out
        })
    });
    group.finish();

    let n = 1usize << 20;
    let v = signal(n);
    let x = Array::<f64>::from_vec(v.clone(), &[n]).unwrap();
    let opts = DctOptions::default();
    let mut group = c.benchmark_group("dct-II f64 2^20");
    configure(&mut group, true);
    group.bench_function("xp", |b| b.iter(|| dct(black_box(&x), &opts).unwrap()));
    let plan = DctPlanner::<f64>::new().plan_dct2(n);
    let mut scratch = vec![0.0; plan.get_scratch_len()];
    group.bench_function("rustdct direct", |b| {
        b.iter(|| {
            let mut buf = black_box(&v).clone();
            plan.process_dct2_with_scratch(&mut buf, &mut scratch);
            // SciPy's unnormalised DCT-II is twice rustdct's.
            buf.iter_mut().for_each(|y| *y *= 2.0);
            buf
        })
    });
    group.finish();
}

fn batched_and_2d(c: &mut Criterion) {
    let (rows, cols) = (4096usize, 1024usize);
    let v = complex_signal(rows * cols);
    let x = Array::<c64>::from_vec(v.clone(), &[rows, cols]).unwrap();
    let mut group = c.benchmark_group("fft c128 4096x1024 last axis");
    configure(&mut group, true);
    let opts = FftOptions::default();
    group.bench_function("xp", |b| b.iter(|| fft(black_box(&x), &opts).unwrap()));
    let plan = FftPlanner::<f64>::new().plan_fft_forward(cols);
    group.bench_function("rustfft direct (rayon rows)", |b| {
        b.iter(|| {
            let mut buf = black_box(&v).clone();
            rows_par(&*plan, &mut buf, cols);
            buf
        })
    });
    group.finish();

    let n = 2048usize;
    let v = complex_signal(n * n);
    let x = Array::<c64>::from_vec(v.clone(), &[n, n]).unwrap();
    let mut group = c.benchmark_group("fft2 c128 2048x2048");
    configure(&mut group, true);
    let opts = FftnOptions::default();
    group.bench_function("xp", |b| b.iter(|| fft2(black_box(&x), &opts).unwrap()));
    let w2 = FftnOptions::default().workers(2);
    group.bench_function("xp workers=2", |b| b.iter(|| fft2(black_box(&x), &w2).unwrap()));
    let plan = FftPlanner::<f64>::new().plan_fft_forward(n);
    group.bench_function("rustfft direct (rows, transpose, rows, transpose)", |b| {
        b.iter(|| {
            let mut buf = black_box(&v).clone();
            rows_par(&*plan, &mut buf, n);
            let mut t = vec![c64::new(0.0, 0.0); n * n];
            transpose(&buf, &mut t, n, n);
            rows_par(&*plan, &mut t, n);
            transpose(&t, &mut buf, n, n);
            buf
        })
    });
    group.finish();
}

criterion_group!(fft_benches, complex_1d, real_1d, batched_and_2d);
criterion_main!(fft_benches);
