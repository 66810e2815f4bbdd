//! kmeans2 on the Cpu backend: 200,000 x 16 f64 observations, k = 64 given initial centroids
//! (the first 64 rows), 20 iterations. The data come from the integer formula shared with
//! `scipy_kmeans2.py` beside this file, which prints SciPy's median for the same workload:
//!
//! ```text
//! centre[m, j] = ((37 m + 11 j) mod 29) - 14
//! noise[i, j]  = ((2654435761 i + 40503 j) mod 2^32) / 2^32 - 0.5
//! data[i, j]   = centre[i mod 64, j] + 2 noise[i, j]
//! ```
//!
//! Run: `cargo bench -p xp-cluster --bench kmeans2`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use xp_cluster::vq::{KOrCentroids, Kmeans2Options, kmeans2, vq};
use xp_core::{Array, Cpu};

const N: usize = 200_000;
const D: usize = 16;
const K: usize = 64;
const ITER: usize = 20;

fn make_data() -> Vec<f64> {
    let mut data = Vec::with_capacity(N * D);
    for i in 0..N as u64 {
        let m = i % K as u64;
        for j in 0..D as u64 {
            let centre = ((37 * m + 11 * j) % 29) as f64 - 14.0;
            let h = (2_654_435_761u64 * i + 40_503 * j) % (1u64 << 32);
            let noise = h as f64 / 4_294_967_296.0 - 0.5;
            data.push(centre + 2.0 * noise);
        }
    }
    data
}

fn bench(c: &mut Criterion) {
    let values = make_data();
    let init = Array::<f64, Cpu>::from_vec(values[..K * D].to_vec(), &[K, D]).unwrap();
    let data = Array::<f64, Cpu>::from_vec(values, &[N, D]).unwrap();
    let opts = Kmeans2Options::default().iter(ITER);
    let (centroid, label) = kmeans2(&data, KOrCentroids::Centroids(init.clone()), &opts).unwrap();
    let checksum: f64 = centroid.to_vec().unwrap().iter().sum();
    let label_sum: i64 = label.to_vec().unwrap().iter().map(|&l| i64::from(l)).sum();
    println!("xp kmeans2 checksum {checksum:.6} {label_sum}");

    let mut group = c.benchmark_group("cluster");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    group.bench_function("kmeans2 200000x16 k64 x20 (cpu, f64)", |b| {
        b.iter(|| {
            let r = kmeans2(black_box(&data), KOrCentroids::Centroids(init.clone()), &opts).unwrap();
            black_box(r)
        })
    });
    let book = Array::<f64, Cpu>::from_vec(make_data()[..256 * D].to_vec(), &[256, D]).unwrap();
    group.bench_function("vq 200000x16 against 256 codes (cpu, f64)", |b| {
        b.iter(|| black_box(vq(black_box(&data), &book, true).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
