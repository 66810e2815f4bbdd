//! Helpers shared by the integration tests: error plumbing, naive reference implementations and
//! small data sets built from fixed formulas.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use xp_cluster::ClusterError;
use xp_core::{Array, Backend, Element};

/// Turns a cluster result into a namespace result, so generic tests can use `?`.
pub fn cl<T>(r: Result<T, ClusterError>) -> xp_core::Result<T> {
    r.map_err(|e| match e {
        ClusterError::Core(e) => e,
        other => xp_core::Error::Backend {
            function: "xp-cluster test",
            backend: "-",
            message: other.to_string(),
        },
    })
}

/// A row-major 2-D array from rows.
pub fn rows<T: Element, B: Backend>(data: &[&[T]]) -> xp_core::Result<Array<T, B>> {
    let d = data.first().map_or(0, |r| r.len());
    let flat: Vec<T> = data.iter().flat_map(|r| r.iter().copied()).collect();
    Array::from_vec(flat, &[data.len(), d])
}

/// Deterministic pseudo-random values in [-1, 1) from a simple LCG (independent of the crate's
/// generator).
pub fn lcg_values(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}

/// `n` points in `d` dimensions around `centres` (one blob per centre, round-robin), with a
/// spread of `spread`.
pub fn blobs(n: usize, d: usize, centres: &[Vec<f64>], spread: f64, seed: u64) -> Vec<f64> {
    let noise = lcg_values(n * d, seed);
    (0..n)
        .flat_map(|i| {
            let c = &centres[i % centres.len()];
            let noise = &noise;
            (0..d).map(move |j| c[j] + spread * noise[i * d + j])
        })
        .collect()
}

/// Naive nearest code (first on ties) and Euclidean distance, row by row.
pub fn naive_vq(obs: &[f64], codes: &[f64], d: usize) -> (Vec<i32>, Vec<f64>) {
    let n = obs.len().checked_div(d).unwrap_or(0);
    let k = codes.len().checked_div(d).unwrap_or(0);
    let mut labels = Vec::with_capacity(n);
    let mut dists = Vec::with_capacity(n);
    for i in 0..n {
        let mut best = (0usize, f64::INFINITY);
        for c in 0..k {
            let s: f64 = (0..d).map(|j| (obs[i * d + j] - codes[c * d + j]).powi(2)).sum();
            if s < best.1 {
                best = (c, s);
            }
        }
        labels.push(best.0 as i32);
        dists.push(best.1.sqrt());
    }
    (labels, dists)
}

/// Naive per-cluster means of rows by label (`None` for an empty cluster).
pub fn naive_means(obs: &[f64], labels: &[i32], k: usize, d: usize) -> Vec<Option<Vec<f64>>> {
    let mut sums = vec![vec![0.0; d]; k];
    let mut counts = vec![0usize; k];
    for (i, &l) in labels.iter().enumerate() {
        let l = l as usize;
        counts[l] += 1;
        for j in 0..d {
            sums[l][j] += obs[i * d + j];
        }
    }
    sums.into_iter()
        .zip(counts)
        .map(|(s, c)| (c > 0).then(|| s.iter().map(|v| v / c as f64).collect()))
        .collect()
}

/// Asserts `a` and `b` agree to `tol` element by element.
#[track_caller]
pub fn assert_all_close(a: &[f64], b: &[f64], tol: f64) {
    assert_eq!(a.len(), b.len(), "lengths differ");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!((x - y).abs() <= tol * (1.0 + y.abs()), "element {i}: {x} vs {y}");
    }
}
