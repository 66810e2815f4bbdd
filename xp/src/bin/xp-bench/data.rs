//! Deterministic inputs that the SciPy side rebuilds bit for bit (`xp/bench/scipy_side.py`,
//! function `uniform`): `u(k) = ((2654435761 k + 40503 seed) mod 2^32) / 2^32 - 0.5`, a cheap
//! integer hash with no random-number library on either side, so both time identical numbers.

use xp::{Array, Cpu, c32, c64};

use crate::BenchResult;

/// `n` values of the hash sequence for `seed`, in `[-0.5, 0.5)`.
pub fn uniform(n: usize, seed: u64) -> Vec<f64> {
    (0..n as u64)
        .map(|k| {
            let h = (2_654_435_761u64.wrapping_mul(k).wrapping_add(40_503 * seed)) % (1u64 << 32);
            h as f64 / 4_294_967_296.0 - 0.5
        })
        .collect()
}

/// A real `f64` array of `shape`.
pub fn real(shape: &[usize], seed: u64) -> BenchResult<Array<f64, Cpu>> {
    Ok(Array::from_vec(uniform(shape.iter().product(), seed), shape)?)
}

/// A `complex128` array of `shape`: real parts from `seed`, imaginary parts from `seed + 1`.
pub fn complex(shape: &[usize], seed: u64) -> BenchResult<Array<c64, Cpu>> {
    let n = shape.iter().product();
    let (re, im) = (uniform(n, seed), uniform(n, seed + 1));
    let v = re.iter().zip(&im).map(|(&r, &i)| c64::new(r, i)).collect();
    Ok(Array::from_vec(v, shape)?)
}

/// [`complex`] in single precision.
pub fn complex32(shape: &[usize], seed: u64) -> BenchResult<Array<c32, Cpu>> {
    let n = shape.iter().product();
    let (re, im) = (uniform(n, seed), uniform(n, seed + 1));
    let v = re
        .iter()
        .zip(&im)
        .map(|(&r, &i)| c32::new(r as f32, i as f32))
        .collect();
    Ok(Array::from_vec(v, shape)?)
}

/// The kmeans2 / vq observations of `cluster/benches/kmeans2.rs`: 64 well-separated integer
/// centres plus hash noise (`data[i, j] = centre[i mod 64, j] + 2 u(i, j)`).
pub fn clusters(n: usize, d: usize) -> BenchResult<Array<f64, Cpu>> {
    let mut data = Vec::with_capacity(n * d);
    for i in 0..n as u64 {
        let m = i % 64;
        for j in 0..d as u64 {
            let centre = ((37 * m + 11 * j) % 29) as f64 - 14.0;
            let h = (2_654_435_761u64 * i + 40_503 * j) % (1u64 << 32);
            data.push(centre + 2.0 * (h as f64 / 4_294_967_296.0 - 0.5));
        }
    }
    Ok(Array::from_vec(data, &[n, d])?)
}

/// A diagonally dominant `n x n` matrix, `U + n I` (well conditioned: every solver applies).
pub fn dominant(n: usize, seed: u64) -> Vec<f64> {
    let mut a = uniform(n * n, seed);
    for i in 0..n {
        a[i * n + i] += n as f64;
    }
    a
}

/// A symmetric positive definite `n x n` matrix, `(U + U^T) / 2 + n I` (diagonally dominant).
pub fn spd(n: usize, seed: u64) -> Vec<f64> {
    let u = uniform(n * n, seed);
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            a[i * n + j] = (u[i * n + j] + u[j * n + i]) / 2.0;
        }
        a[i * n + i] += n as f64;
    }
    a
}
