//! `xp-linalg` against faer called directly, side by side, on the workloads of the issue.
//! Run with `cargo bench -p xp-linalg --bench linalg`.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use faer::linalg::solvers::{DenseSolveCore, Solve, SolveLstsq};
use faer::{Mat, Side};
use std::hint::black_box;
use xp_core::Array;
use xp_linalg::*;

fn rng_vec(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        })
        .collect()
}

fn arr(shape: &[usize], seed: u64, shift: f64) -> Array<f64> {
    let n: usize = shape.iter().product();
    let mut v = rng_vec(n, seed);
    let k = shape[shape.len() - 1];
    if shift != 0.0 && shape[shape.len() - 2] == k {
        for (i, x) in v.iter_mut().enumerate() {
            if (i % (k * k)) / k == i % k {
                *x += shift;
            }
        }
    }
    Array::from_vec(v, shape).unwrap()
}

fn mat(a: &Array<f64>) -> Mat<f64> {
    let v = a.view();
    let (m, n) = (v.shape()[0], v.shape()[1]);
    Mat::from_fn(m, n, |i, j| v[[i, j]])
}

fn spd(n: usize) -> Array<f64> {
    let a = arr(&[n, n], 7, 0.0);
    let s = a.matmul(&a.matrix_transpose().unwrap()).unwrap();
    (&s + &(Array::<f64>::eye(n, None, 0).unwrap() * n as f64).unwrap()).unwrap()
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("linalg");
    g.sample_size(10);

    let n = 2000;
    let a = arr(&[n, n], 1, n as f64);
    let b = arr(&[n, 1], 2, 0.0);
    let (fa, fb) = (mat(&a), mat(&b));
    g.bench_function(BenchmarkId::new("solve", "xp/2000"), |bch| {
        bch.iter(|| solve(&a, &b, &SolveOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("solve", "faer/2000"), |bch| {
        bch.iter(|| black_box(fa.partial_piv_lu().solve(&fb)))
    });
    g.bench_function(BenchmarkId::new("det", "xp/2000"), |bch| {
        bch.iter(|| det(&a, &DetOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("det", "faer/2000"), |bch| {
        bch.iter(|| black_box(fa.determinant()))
    });

    let ab = arr(&[200, 200, 200], 3, 200.0);
    let bb = arr(&[200, 200, 1], 4, 0.0);
    let fab: Vec<Mat<f64>> = (0..200)
        .map(|i| mat(&ab.slice(&[xp_core::array::indexing::Idx::Index(i)]).unwrap()))
        .collect();
    let fbb: Vec<Mat<f64>> = (0..200)
        .map(|i| mat(&bb.slice(&[xp_core::array::indexing::Idx::Index(i)]).unwrap()))
        .collect();
    g.bench_function(BenchmarkId::new("batched_solve", "xp/200x200x200"), |bch| {
        bch.iter(|| solve(&ab, &bb, &SolveOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("batched_solve", "faer/200x200x200"), |bch| {
        use rayon::prelude::*;
        bch.iter(|| {
            let out: Vec<Mat<f64>> = fab
                .par_iter()
                .zip(&fbb)
                .map(|(x, y)| x.partial_piv_lu().solve(y))
                .collect();
            black_box(out)
        })
    });

    let s = spd(n);
    let fs = mat(&s);
    g.bench_function(BenchmarkId::new("cholesky", "xp/2000"), |bch| {
        bch.iter(|| cholesky(&s, &CholeskyOptions::default().lower(true)).unwrap())
    });
    g.bench_function(BenchmarkId::new("cholesky", "faer/2000"), |bch| {
        bch.iter(|| black_box(fs.llt(Side::Lower).unwrap()))
    });

    let q = arr(&[2000, 1000], 5, 0.0);
    let fq = mat(&q);
    g.bench_function(BenchmarkId::new("qr", "xp/2000x1000"), |bch| {
        bch.iter(|| qr(&q, &QrOptions::default().mode(QrMode::Economic)).unwrap())
    });
    g.bench_function(BenchmarkId::new("qr", "faer/2000x1000"), |bch| {
        bch.iter(|| {
            let f = fq.qr();
            black_box((f.compute_thin_Q(), f.thin_R().to_owned()))
        })
    });

    let sv = arr(&[1000, 1000], 6, 0.0);
    let fsv = mat(&sv);
    g.bench_function(BenchmarkId::new("svd", "xp/1000"), |bch| {
        bch.iter(|| svd(&sv, &SvdOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("svd", "faer/1000"), |bch| {
        bch.iter(|| black_box(fsv.svd().unwrap()))
    });

    let h = spd(1000);
    let fh = mat(&h);
    g.bench_function(BenchmarkId::new("eigh", "xp/1000"), |bch| {
        bch.iter(|| eigh(&h, None, &EighOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("eigh", "faer/1000"), |bch| {
        bch.iter(|| black_box(fh.self_adjoint_eigen(Side::Lower).unwrap()))
    });

    let e = arr(&[500, 500], 8, 0.0);
    let fe = mat(&e);
    g.bench_function(BenchmarkId::new("eig", "xp/500"), |bch| {
        bch.iter(|| eig(&e, None, &EigOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("eig", "faer/500"), |bch| {
        bch.iter(|| black_box(fe.eigen().unwrap()))
    });

    let iv = arr(&[1000, 1000], 9, 1000.0);
    let fiv = mat(&iv);
    g.bench_function(BenchmarkId::new("inv", "xp/1000"), |bch| {
        bch.iter(|| inv(&iv, &InvOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("inv", "faer/1000"), |bch| {
        bch.iter(|| black_box(fiv.partial_piv_lu().inverse()))
    });

    let la = arr(&[4000, 500], 10, 0.0);
    let lb = arr(&[4000, 1], 11, 0.0);
    let (fla, flb) = (mat(&la), mat(&lb));
    g.bench_function(BenchmarkId::new("lstsq", "xp/4000x500"), |bch| {
        bch.iter(|| lstsq(&la, &lb, &LstsqOptions::default()).unwrap())
    });
    g.bench_function(BenchmarkId::new("lstsq", "faer-qr/4000x500"), |bch| {
        bch.iter(|| black_box(fla.qr().solve_lstsq(&flb)))
    });

    let s4 = arr(&[4, 4], 12, 4.0);
    let b4 = arr(&[4], 13, 0.0);
    g.bench_function(BenchmarkId::new("solve", "xp/4x4"), |bch| {
        bch.iter(|| solve(&s4, &b4, &SolveOptions::default()).unwrap())
    });
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
