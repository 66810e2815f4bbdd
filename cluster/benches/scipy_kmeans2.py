"""SciPy's time for the kmeans2 benchmark workload of cluster/benches/kmeans2.rs.

200,000 x 16 float64 observations, k = 64 initial centroids (the first 64 rows), 20 iterations,
minit='matrix', default check_finite=True. The data come from the same integer formula as the Rust
benchmark, so both sides cluster identical numbers:

    centre[m, j] = ((37 m + 11 j) mod 29) - 14
    noise[i, j]  = ((2654435761 i + 40503 j) mod 2^32) / 2^32 - 0.5
    data[i, j]   = centre[i mod 64, j] + 2 noise[i, j]

Also times vq of the same data against its first 256 rows (the Rust benchmark's second case).

Run: python cluster/benches/scipy_kmeans2.py   (prints the median of 7 runs in ms)
"""
import time
import warnings

import numpy as np
from scipy.cluster.vq import kmeans2, vq

N, D, K, ITER = 200_000, 16, 64, 20


def make_data():
    i = np.arange(N, dtype=np.uint64)[:, None]
    j = np.arange(D, dtype=np.uint64)[None, :]
    m = (i % np.uint64(K)).astype(np.int64)
    jj = j.astype(np.int64)
    centre = ((37 * m + 11 * jj) % 29 - 14).astype(np.float64)
    h = (np.uint64(2654435761) * i + np.uint64(40503) * j) % np.uint64(2**32)
    noise = h.astype(np.float64) / 2.0**32 - 0.5
    return centre + 2.0 * noise


def main():
    data = make_data()
    init = data[:K].copy()
    times = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kmeans2(data, init, iter=ITER, minit="matrix")  # warm-up
        for _ in range(7):
            t0 = time.perf_counter()
            centroid, label = kmeans2(data, init, iter=ITER, minit="matrix")
            times.append(time.perf_counter() - t0)
    med = float(np.median(times)) * 1e3
    print(f"scipy kmeans2 {N}x{D} k={K} iter={ITER}: median {med:.1f} ms "
          f"(min {min(times) * 1e3:.1f} ms); checksum {centroid.sum():.6f} {int(label.sum())}")
    book = data[:256].copy()
    times = []
    for _ in range(7):
        t0 = time.perf_counter()
        vq(data, book)
        times.append(time.perf_counter() - t0)
    print(f"scipy vq {N}x{D} against 256 codes: median {float(np.median(times)) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
