"""Prints criterion's median estimates (target/criterion/<group>/<bench>/new/estimates.json)."""

import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
for est in sorted(root.glob("*/*/new/estimates.json")):
    group, bench = est.parts[-4], est.parts[-3]
    med = json.loads(est.read_text())["median"]["point_estimate"]  # nanoseconds
    unit, k = ("us", 1e-3) if med < 1e5 else ("ms", 1e-6)
    print(f"{group} | {bench:50s} {med * k:10.3f} {unit}")
