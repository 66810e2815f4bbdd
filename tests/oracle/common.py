"""Shared pieces of the fixture generator: the case collector, tolerances, deterministic inputs."""

from __future__ import annotations

import hashlib
import io
import json
import math
import warnings
from pathlib import Path

import numpy as np
import scipy

F32, F64, C64, C128 = np.float32, np.float64, np.complex64, np.complex128
I32, I64, U8, BOOL = np.int32, np.int64, np.uint8, np.bool_
FLOATS = (F32, F64)
COMPLEX = (C64, C128)

# Tolerances by kind of computation and output precision: (rtol, atol).
TOL = {
    # exact arithmetic up to one rounding: + - * / abs, rounding, comparisons of floats
    "arith": {F32: (1e-6, 1e-7), F64: (1e-13, 1e-15), C64: (1e-6, 1e-7), C128: (1e-13, 1e-15)},
    # reductions and products whose rounding depends on summation order
    "reduce": {F32: (2e-5, 1e-5), F64: (1e-12, 1e-13), C64: (2e-5, 1e-5), C128: (1e-12, 1e-13)},
    # libm-style transcendental functions
    "transc": {F32: (2e-5, 1e-6), F64: (1e-12, 1e-14), C64: (1e-4, 1e-5), C128: (1e-10, 1e-12)},
    # iterative algorithms (k-means)
    "iter": {F32: (1e-4, 1e-5), F64: (1e-10, 1e-12), C64: (1e-4, 1e-5), C128: (1e-10, 1e-12)},
}


def enc_scalar(v):
    """A Python scalar as a manifest value."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        v = float(v)
        if math.isnan(v):
            return {"float": "nan"}
        if math.isinf(v):
            return {"float": "inf" if v > 0 else "-inf"}
        return v
    if isinstance(v, (complex, np.complexfloating)):
        return {"complex": [enc_scalar(v.real), enc_scalar(v.imag)]}
    raise TypeError(f"cannot encode scalar {v!r}")


class Gen:
    """Collects cases and writes arrays content-addressed under `arrays/`."""

    def __init__(self, out: Path):
        self.out = out
        self.cases: list[dict] = []
        self.ids: set[str] = set()
        (out / "arrays").mkdir(parents=True, exist_ok=True)

    def array(self, a) -> dict:
        a = np.asarray(a)  # (np.ascontiguousarray would turn 0-D arrays into 1-D ones)
        if not a.flags.c_contiguous:
            a = a.copy(order="C")
        if a.dtype.byteorder == ">":
            a = a.astype(a.dtype.newbyteorder("<"))
        if a.dtype not in (BOOL, U8, I32, I64, F32, F64, C64, C128):
            raise TypeError(f"dtype {a.dtype} is not in the fixture format")
        buf = io.BytesIO()
        np.save(buf, a, allow_pickle=False)
        data = buf.getvalue()
        name = f"arrays/{hashlib.sha1(data).hexdigest()[:16]}.npy"
        path = self.out / name
        if not path.exists():
            path.write_bytes(data)
        return {"array": name}

    def enc(self, v):
        """Any argument value: arrays (also NumPy scalars, to keep their dtype), scalars, lists."""
        if isinstance(v, np.ndarray) or isinstance(v, np.generic):
            return self.array(np.asarray(v))
        if v is None or isinstance(v, str):
            return v
        if isinstance(v, (list, tuple)):
            return [self.enc(x) for x in v]
        return enc_scalar(v)

    def case(self, cid, function, args=(), kwargs=None, call=None, compare=None, tol=None, kind="arith",
             nested=False):
        """Adds a case. `call()` computes the expected outputs (default: `np.<name>(*args, **kwargs)`
        for `xp.<name>`); an exception becomes an expected error. An output `None` is recorded as
        `null`; with `nested`, tuples inside the result are kept as (nested) lists, as SciPy
        returns `((h, tau), r)`, instead of being turned into one array each."""
        kwargs = dict(kwargs or {})
        if cid in self.ids:
            raise ValueError(f"duplicate case id {cid}")
        self.ids.add(cid)
        if call is None:
            fn = getattr(np, function.removeprefix("xp."))
            call = lambda: fn(*args, **kwargs)  # noqa: E731
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                res = call()
        except Exception as e:  # noqa: BLE001 - recording SciPy's exception is the point
            expected = [{"error": type(e).__name__}]
            outs = []
        else:
            top = list(res) if isinstance(res, (tuple, list)) else [res]
            outs = []  # the arrays, depth first

            def out(o, depth):
                if o is None:
                    return None
                if nested and depth > 0 and isinstance(o, (tuple, list)):
                    return [out(x, depth + 1) for x in o]
                a = np.asarray(o)
                outs.append(a)
                return self.array(a)

            expected = [out(o, 1) for o in top]
        case = {
            "id": cid,
            "function": function,
            "args": [self.enc(a) for a in args],
            "kwargs": {k: self.enc(v) for k, v in kwargs.items()},
            "expected": expected,
        }
        if compare is None:
            exact = all(o.dtype.kind in "biu" for o in outs)
            compare = "equal" if exact else "allclose"
        case["compare"] = compare
        if compare != "equal":
            if tol is None:
                dts = [o.dtype.type for o in outs if o.dtype.kind in "fc"]
                # the lowest precision among the outputs sets the tolerance
                dt = F32 if any(d in (F32, C64) for d in dts) else F64
                if any(d in COMPLEX for d in dts):
                    dt = C64 if dt == F32 else C128
                tol = TOL[kind][dt]
            case["rtol"], case["atol"] = tol
        self.cases.append(case)

    def write(self):
        manifest = {"format": 1, "numpy": np.__version__, "scipy": scipy.__version__, "cases": self.cases}
        (self.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


RNG = np.random.default_rng(20240607)


def rnd(shape, dtype=F64, lo=-3.0, hi=3.0):
    """Deterministic random values of `dtype` in [lo, hi) (integers: rounded)."""
    if np.dtype(dtype).kind == "c":
        re = RNG.uniform(lo, hi, shape)
        im = RNG.uniform(lo, hi, shape)
        return (re + 1j * im).astype(dtype)
    x = RNG.uniform(lo, hi, shape)
    if np.dtype(dtype).kind in "iu":
        return np.round(x).astype(dtype)
    if np.dtype(dtype).kind == "b":
        return x > (lo + hi) / 2
    return x.astype(dtype)


def short(dt) -> str:
    return {F32: "f32", F64: "f64", C64: "c64", C128: "c128", I32: "i32", I64: "i64", U8: "u8", BOOL: "bool"}[dt]


SPECIAL = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.7, -7.25, np.inf, -np.inf, np.nan, 1e-8, 100.0])
