//! Cpu backend against a plain rayon loop over a slice, on 10^7 `f64`: `add`, `exp`, `sum`,
//! and the effect of huge-page advice on fresh output buffers.
//!
//! Run with `cargo bench -p xp-core --bench cpu_elementwise -- --quick`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;
use xp_core::backends::cpu::with_huge_pages;
use xp_core::{ALL, Array};

const N: usize = 10_000_000;

fn inputs() -> (Array<f64>, Array<f64>) {
    let a: Vec<f64> = (0..N).map(|i| (i % 1000) as f64 * 1e-3).collect();
    let b: Vec<f64> = (0..N).map(|i| (i % 777) as f64 * 1e-3).collect();
    (Array::from_vec(a, &[N]).unwrap(), Array::from_vec(b, &[N]).unwrap())
}

/// The baseline: a rayon loop over slices collecting into a fresh vector.
fn rayon_map2(a: &[f64], b: &[f64], f: impl Fn(f64, f64) -> f64 + Sync + Send) -> Vec<f64> {
    a.par_iter().zip(b).map(|(&x, &y)| f(x, y)).collect()
}

fn bench(c: &mut Criterion) {
    let (a, b) = inputs();
    let (sa, sb) = (
        a.view().to_slice().unwrap().to_vec(),
        b.view().to_slice().unwrap().to_vec(),
    );

    let mut g = c.benchmark_group("add_1e7_f64");
    g.sample_size(20);
    g.bench_function("xp", |bn| bn.iter(|| black_box(a.add(&b).unwrap())));
    g.bench_function("xp_no_huge_pages", |bn| {
        bn.iter(|| with_huge_pages(false, || black_box(a.add(&b).unwrap())))
    });
    g.bench_function("rayon_slice", |bn| {
        bn.iter(|| black_box(rayon_map2(&sa, &sb, |x, y| x + y)))
    });
    let mut out = vec![0.0; N];
    g.bench_function("rayon_slice_reused_output", |bn| {
        bn.iter(|| {
            out.par_chunks_mut(1 << 16)
                .zip(sa.par_chunks(1 << 16))
                .zip(sb.par_chunks(1 << 16))
                .for_each(|((o, x), y)| {
                    for ((o, &x), &y) in o.iter_mut().zip(x).zip(y) {
                        *o = x + y;
                    }
                });
            black_box(&out);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("exp_1e7_f64");
    g.sample_size(20);
    g.bench_function("xp", |bn| bn.iter(|| black_box(a.exp().unwrap())));
    g.bench_function("xp_no_huge_pages", |bn| {
        bn.iter(|| with_huge_pages(false, || black_box(a.exp().unwrap())))
    });
    g.bench_function("rayon_slice", |bn| {
        bn.iter(|| black_box(sa.par_iter().map(|&x| x.exp()).collect::<Vec<f64>>()))
    });
    g.bench_function("rayon_slice_reused_output", |bn| {
        bn.iter(|| {
            out.par_chunks_mut(1 << 16)
                .zip(sa.par_chunks(1 << 16))
                .for_each(|(o, x)| {
                    for (o, &x) in o.iter_mut().zip(x) {
                        *o = x.exp();
                    }
                });
            black_box(&out);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("sum_1e7_f64");
    g.sample_size(20);
    g.bench_function("xp", |bn| bn.iter(|| black_box(a.sum(ALL, false).unwrap())));
    g.bench_function("rayon_slice", |bn| bn.iter(|| black_box(sa.par_iter().sum::<f64>())));
    g.finish();

    // Per-call overhead at tiny sizes.
    let (t1, t2) = (
        Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], &[8]).unwrap(),
        Array::<f64>::from_vec(vec![0.5; 8], &[8]).unwrap(),
    );
    let mut g = c.benchmark_group("tiny_8_f64");
    g.bench_function("add", |bn| bn.iter(|| black_box(t1.add(&t2).unwrap())));
    g.bench_function("exp", |bn| bn.iter(|| black_box(t1.exp().unwrap())));
    g.bench_function("sum", |bn| bn.iter(|| black_box(t1.sum(ALL, false).unwrap())));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
