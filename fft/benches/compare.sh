#!/bin/sh
# xp-fft against SciPy, workload by workload, back to back (the machine's load changes slowly,
# so each pair sees about the same load), ROUNDS times. Build the bench first with
# `cargo bench -p xp-fft --bench fft --no-run` and pass the executable it printed:
#   BENCH=target/release/deps/fft-<hash> ROUNDS=3 sh fft/benches/compare.sh
# Prints SciPy's median, then criterion's medians of xp and the direct calls.
set -eu
ROUNDS=${ROUNDS:-3}
PY=${PY:-.venv/bin/python}
for r in $(seq "$ROUNDS"); do
  echo "=== round $r"
  for w in "fft c128 2^20" "fft c64 2^20" "rfft f64 2^22" "fft2 c128 2048x2048" "fft c128 4096x1024 last axis" \
           "dct-II f64 2^20" "fft c128 prime 1000003" "fft c128 64 (per call)"; do
    "$PY" fft/benches/scipy_fft.py 7 "$w" | tail -n +2
    re=$(printf '%s' "$w" | sed 's/[]^()[]/./g')
    "$BENCH" --bench "^$re/" >/dev/null 2>&1
    dir=$(printf '%s' "$w" | sed 's/\^/_/g')
    "$PY" fft/benches/medians.py "target/criterion" | grep -F "$dir " | sed 's/^/    /'
  done
done
