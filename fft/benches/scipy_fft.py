"""SciPy side of the xp-fft benchmarks: the workloads of BENCHMARKS.md on the same sizes and
the same deterministic signals as fft/benches/fft.rs.

Run with /work/main/.venv/bin/python fft/benches/scipy_fft.py [repetitions] [filter]
Prints the median (and min) time of each workload in milliseconds, after one warm-up call.
"""

import sys
import time

import numpy as np
import scipy
import scipy.fft as sf


def signal(n):
    i = np.arange(n, dtype=np.float64)
    return np.sin(i * 0.37) + 0.5 * np.cos(i * 0.011)


def complex_signal(n):
    i = np.arange(n, dtype=np.float64)
    return np.sin(i * 0.37) + 1j * np.cos(i * 0.11)


def median_time(f, reps):
    f()  # warm-up (plans are cached by pocketfft)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), float(np.min(times))


def workloads():
    c20 = complex_signal(1 << 20)
    c20f = c20.astype(np.complex64)
    r22 = signal(1 << 22)
    r20 = signal(1 << 20)
    b = complex_signal(4096 * 1024).reshape(4096, 1024)
    m = complex_signal(2048 * 2048).reshape(2048, 2048)
    p = complex_signal(1_000_003)
    small = complex_signal(64)
    return [
        ("fft c128 2^20", lambda: sf.fft(c20)),
        ("fft c64 2^20", lambda: sf.fft(c20f)),
        ("rfft f64 2^22", lambda: sf.rfft(r22)),
        ("fft2 c128 2048x2048", lambda: sf.fft2(m)),
        ("fft2 c128 2048x2048 workers=2", lambda: sf.fft2(m, workers=2)),
        ("fft c128 4096x1024 last axis", lambda: sf.fft(b)),
        ("dct-II f64 2^20", lambda: sf.dct(r20)),
        ("fft c128 prime 1000003", lambda: sf.fft(p)),
        ("fft c128 64 (per call)", lambda: sf.fft(small)),
    ]


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    flt = sys.argv[2] if len(sys.argv) > 2 else ""
    print(f"scipy {scipy.__version__} numpy {np.__version__}, median of {reps}")
    for name, f in workloads():
        if flt not in name:
            continue
        r = reps * 200 if "per call" in name else reps
        med, best = median_time(f, r)
        unit, k = ("us", 1e6) if "per call" in name else ("ms", 1e3)
        print(f"{name:36s} median {med * k:9.3f} {unit}   min {best * k:9.3f} {unit}")


if __name__ == "__main__":
    main()
