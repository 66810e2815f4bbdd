"""The SciPy side of `xp-bench compare` (xp/src/bin/xp-bench): the same workloads on the same
inputs, timed the same way (one warm-up call, then at least 5 samples of calls lasting 20 ms or
more each, median and minimum).

Inputs come from the integer hash of xp/src/bin/xp-bench/data.rs, so both sides time identical
numbers. Usage: python scipy_side.py [--reps N] NAME... ; prints `name<TAB>median<TAB>min` per
workload (seconds), `name<TAB>-` for a name this script does not know, progress on stderr.
"""

import argparse
import sys
import time
import warnings

import numpy as np
import scipy
import scipy.fft
import scipy.linalg
from scipy.cluster import vq

TWO32 = np.uint64(2**32)


def uniform(n, seed):
    k = np.arange(n, dtype=np.uint64)
    h = (np.uint64(2654435761) * k + np.uint64(40503 * seed)) % TWO32
    return h.astype(np.float64) / 2.0**32 - 0.5


def real(shape, seed):
    return uniform(int(np.prod(shape)), seed).reshape(shape)


def complex128(shape, seed):
    n = int(np.prod(shape))
    return (uniform(n, seed) + 1j * uniform(n, seed + 1)).reshape(shape)


def complex64(shape, seed):
    n = int(np.prod(shape))
    re = uniform(n, seed).astype(np.float32)
    im = uniform(n, seed + 1).astype(np.float32)
    return (re + 1j * im.astype(np.complex64)).astype(np.complex64).reshape(shape)


def clusters(n, d):
    i = np.arange(n, dtype=np.uint64)[:, None]
    j = np.arange(d, dtype=np.uint64)[None, :]
    m = (i % np.uint64(64)).astype(np.int64)
    centre = ((37 * m + 11 * j.astype(np.int64)) % 29 - 14).astype(np.float64)
    h = (np.uint64(2654435761) * i + np.uint64(40503) * j) % TWO32
    return centre + 2.0 * (h.astype(np.float64) / 2.0**32 - 0.5)


def dominant(n, seed):
    return real((n, n), seed) + n * np.eye(n)


def spd(n, seed):
    u = real((n, n), seed)
    return (u + u.T) / 2.0 + n * np.eye(n)


def linalg_workloads():
    la = scipy.linalg

    def batched():
        a = np.stack([dominant(200, 10 + k) for k in range(200)])
        b = uniform(200 * 200, 3).reshape(200, 200, 1)
        return lambda: la.solve(a, b)

    def bind(f, *args, **kw):
        return lambda: f(*args, **kw)

    return {
        "solve 2000x2000, 1 rhs": lambda: bind(la.solve, dominant(2000, 1), uniform(2000, 2)),
        "solve batched 200 x (200x200)": batched,
        "cholesky 2000": lambda: bind(la.cholesky, spd(2000, 1), lower=True),
        "qr 2000x1000 economic": lambda: bind(la.qr, real((2000, 1000), 1), mode="economic"),
        "svd 1000x1000 full_matrices=False": lambda: bind(la.svd, real((1000, 1000), 1), full_matrices=False),
        "eigh 1000": lambda: bind(la.eigh, spd(1000, 1)),
        "eig 500": lambda: bind(la.eig, real((500, 500), 1)),
        "inv 1000": lambda: bind(la.inv, dominant(1000, 1)),
        "det 2000": lambda: bind(la.det, dominant(2000, 1)),
        "lstsq 4000x500": lambda: bind(la.lstsq, real((4000, 500), 1), uniform(4000, 2)),
        "expm 500": lambda: bind(la.expm, real((500, 500), 1) / 10.0),
        "matmul 2000 (reference)": lambda: bind(np.matmul, real((2000, 2000), 1), real((2000, 2000), 2)),
        "per call: solve 4x4": lambda: bind(la.solve, dominant(4, 1), uniform(4, 2)),
    }


def kmeans2_setup():
    obs = clusters(200_000, 16)
    init = obs[:64].copy()
    return lambda: vq.kmeans2(obs, init.copy(), iter=20, minit="matrix")


def vq_setup():
    obs = clusters(200_000, 16)
    book = obs[:256].copy()
    return lambda: vq.vq(obs, book)


def whiten_setup():
    obs = real((1_000_000, 16), 5)
    return lambda: vq.whiten(obs)


def fft_setup(x, **kw):
    return lambda: scipy.fft.fft(x, **kw)


WORKLOADS = {
    "fft c128 n=2^20": lambda: fft_setup(complex128((1 << 20,), 1)),
    "fft c64 n=2^20": lambda: fft_setup(complex64((1 << 20,), 1)),
    "rfft f64 n=2^22": lambda: (lambda x: lambda: scipy.fft.rfft(x))(real((1 << 22,), 1)),
    "fft2 c128 2048x2048": lambda: (lambda x: lambda: scipy.fft.fft2(x))(complex128((2048, 2048), 1)),
    "fft2 c128 2048x2048 (SciPy workers=2)": lambda: (lambda x: lambda: scipy.fft.fft2(x, workers=2))(
        complex128((2048, 2048), 1)
    ),
    "fft c128 4096x1024 last axis": lambda: fft_setup(complex128((4096, 1024), 1)),
    "dct type 2 f64 n=2^20": lambda: (lambda x: lambda: scipy.fft.dct(x, type=2))(real((1 << 20,), 1)),
    "fft c128 prime n=1000003": lambda: fft_setup(complex128((1_000_003,), 1)),
    "per call: fft c128 n=64": lambda: fft_setup(complex128((64,), 1)),
    "kmeans2 200000x16 k=64 iter=20": kmeans2_setup,
    "vq 200000x16 256 codes": vq_setup,
    "whiten 1000000x16": whiten_setup,
    **linalg_workloads(),
}


def measure(f, reps):
    t0 = time.perf_counter()
    f()
    first = max(time.perf_counter() - t0, 1e-9)
    inner = int(min(max(np.ceil(0.02 / first), 1), 1e7))
    samples = []
    for _ in range(max(reps, 5)):
        t = time.perf_counter()
        for _ in range(inner):
            f()
        samples.append((time.perf_counter() - t) / inner)
    samples.sort()
    return samples[len(samples) // 2], samples[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("names", nargs="*")
    ns = p.parse_args()
    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}", file=sys.stderr)
    for i, name in enumerate(ns.names, 1):
        setup = WORKLOADS.get(name)
        if setup is None:
            print(f"{name}\t-", flush=True)
            continue
        print(f"[scipy {i}/{len(ns.names)}] {name} ...", file=sys.stderr, flush=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            median, fastest = measure(setup(), ns.reps)
        print(f"{name}\t{median!r}\t{fastest!r}", flush=True)


if __name__ == "__main__":
    main()
