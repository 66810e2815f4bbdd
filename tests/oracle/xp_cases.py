"""Cases for the array API namespace (`xp.*`), computed with NumPy 2.x.

Arguments and keywords use the standard's names; where NumPy spells a keyword differently the
case passes `call=` with the translation (`correction` -> `ddof`, `descending` -> flipped stable
sort). Expected unique values are sorted (`np.unique(..., sorted=True)`), the order xp promises.
"""

from __future__ import annotations

import numpy as np

from common import BOOL, C64, C128, COMPLEX, F32, F64, FLOATS, I32, I64, SPECIAL, U8, Gen, rnd, short

I32_EDGE = np.array([0, 1, -1, 7, -7, 2**31 - 1, -(2**31), 100, -100], dtype=I32)
I64_EDGE = np.array([0, 1, -1, 7, -7, 2**63 - 1, -(2**63), 3, -3], dtype=I64)
U8_EDGE = np.array([0, 1, 2, 7, 100, 200, 255, 128, 3], dtype=U8)

# (name, complex supported, kind) for the one-input floating functions
FLOAT_UNARY = [
    ("abs", True, "arith"),
    ("sqrt", True, "transc"),
    ("exp", True, "transc"),
    ("expm1", True, "transc"),
    ("log", True, "transc"),
    ("log1p", True, "transc"),
    ("log2", True, "transc"),
    ("log10", True, "transc"),
    ("sin", True, "transc"),
    ("cos", True, "transc"),
    ("tan", True, "transc"),
    ("asin", True, "transc"),
    ("acos", True, "transc"),
    ("atan", True, "transc"),
    ("sinh", True, "transc"),
    ("cosh", True, "transc"),
    ("tanh", True, "transc"),
    ("asinh", True, "transc"),
    ("acosh", True, "transc"),
    ("atanh", True, "transc"),
    ("reciprocal", True, "arith"),
    ("negative", True, "arith"),
    ("positive", True, "arith"),
    ("square", True, "arith"),
    ("conj", True, "arith"),
    ("real", True, "arith"),
    ("imag", True, "arith"),
    ("sign", True, "arith"),
    ("isnan", True, "arith"),
    ("isinf", True, "arith"),
    ("isfinite", True, "arith"),
    ("floor", False, "arith"),
    ("ceil", False, "arith"),
    ("round", False, "arith"),
    ("trunc", False, "arith"),
    ("signbit", False, "arith"),
]

# (name, complex supported, kind) for two-input floating functions
FLOAT_BINARY = [
    ("add", True, "arith"),
    ("subtract", True, "arith"),
    ("multiply", True, "arith"),
    ("divide", True, "arith"),
    ("pow", True, "transc"),
    ("atan2", False, "transc"),
    ("hypot", False, "transc"),
    ("copysign", False, "arith"),
    ("nextafter", False, "arith"),
    ("logaddexp", False, "transc"),
    ("floor_divide", False, "arith"),
    ("remainder", False, "arith"),
    ("minimum", False, "arith"),
    ("maximum", False, "arith"),
    ("equal", True, "arith"),
    ("not_equal", True, "arith"),
    ("less", False, "arith"),
    ("less_equal", False, "arith"),
    ("greater", False, "arith"),
    ("greater_equal", False, "arith"),
]

INT_UNARY = ["abs", "negative", "positive", "square", "sign", "bitwise_invert"]
INT_BINARY = [
    "add",
    "subtract",
    "multiply",
    "floor_divide",
    "remainder",
    "minimum",
    "maximum",
    "equal",
    "not_equal",
    "less",
    "less_equal",
    "greater",
    "greater_equal",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
]


def elementwise(g: Gen):
    special = SPECIAL
    for name, cplx, kind in FLOAT_UNARY:
        f = f"xp.{name}"
        for dt in FLOATS:
            g.case(f"{f}/{short(dt)}-special", f, [special.astype(dt)], kind=kind)
            g.case(f"{f}/{short(dt)}-2d", f, [rnd((2, 3), dt)], kind=kind)
        g.case(f"{f}/f64-empty", f, [np.zeros((0, 3))], kind=kind)
        g.case(f"{f}/f64-0d", f, [np.float64(0.75)], kind=kind)
        if cplx:
            for dt in COMPLEX:
                g.case(f"{f}/{short(dt)}-2d", f, [rnd((2, 3), dt, -2.0, 2.0)], kind=kind)
    for name in INT_UNARY:
        f = f"xp.{name}"
        for a in (I32_EDGE, I64_EDGE, U8_EDGE):
            if name == "sign" and a.dtype == U8:
                continue
            g.case(f"{f}/{short(a.dtype.type)}-edge", f, [a])
    g.case("xp.logical_not/bool", "xp.logical_not", [np.array([[True, False], [False, False]])])
    g.case("xp.logical_not/bool-0d", "xp.logical_not", [np.bool_(True)])

    # two inputs: every pair of special values (a 15 x 15 grid by broadcasting), and random 2-D
    col = special.reshape(-1, 1)
    for name, cplx, kind in FLOAT_BINARY:
        f = f"xp.{name}"
        for dt in FLOATS:
            g.case(f"{f}/{short(dt)}-special-grid", f, [col.astype(dt), special.astype(dt)], kind=kind)
            a, b = rnd((2, 3), dt), rnd((3,), dt, 0.5, 3.0)
            g.case(f"{f}/{short(dt)}-broadcast", f, [a, b], kind=kind)
        g.case(f"{f}/f64-empty", f, [np.zeros((0, 3)), np.ones((3,))], kind=kind)
        g.case(f"{f}/f64-0d", f, [np.float64(1.5), np.float64(-0.25)], kind=kind)
        if cplx:
            for dt in COMPLEX:
                a, b = rnd((2, 3), dt, -2.0, 2.0), rnd((2, 3), dt, -2.0, 2.0)
                if name in ("equal", "not_equal"):
                    b[0] = a[0]
                g.case(f"{f}/{short(dt)}-2d", f, [a, b], kind=kind)
    for name in ("add", "multiply", "divide", "equal", "atan2"):
        f = f"xp.{name}"
        g.case(f"{f}/broadcast-error", f, [np.ones((2, 3)), np.ones((4,))])
    # mixed dtypes promote (f32 + f64 -> f64, i32 + i64 -> i64) and Python scalars are weak
    g.case("xp.add/f32-f64-promote", "xp.add", [rnd((3,), F32), rnd((3,), F64)])
    g.case("xp.multiply/i32-i64-promote", "xp.multiply", [np.array([1, -2, 3], I32), np.array([4, 5, -6], I64)])
    g.case("xp.add/u8-i32-promote", "xp.add", [np.array([1, 200, 255], U8), np.array([-4, 5, 6], I32)])
    g.case("xp.add/f32-scalar", "xp.add", [rnd((4,), F32), 2.5])
    g.case("xp.multiply/scalar-f64", "xp.multiply", [3.0, rnd((2, 2), F64)])
    g.case("xp.subtract/i32-scalar", "xp.subtract", [np.array([1, 2, 3], I32), 5])
    g.case("xp.pow/f64-scalar", "xp.pow", [rnd((4,), F64, 0.1, 3.0), 2.0], kind="transc")
    g.case("xp.maximum/f32-scalar", "xp.maximum", [special.astype(F32), 0.0])
    g.case("xp.greater/f64-scalar", "xp.greater", [special, 0.5])
    g.case("xp.divide/c128-scalar", "xp.divide", [rnd((3,), C128), 2.0])
    g.case("xp.add/c128-complex-scalar", "xp.add", [rnd((3,), C128), complex(1.0, -2.0)])

    i32_b = np.array([1, 2, -1, 3, -3, 0, -1, 7, -100], I32)
    i64_b = np.array([1, 2, -1, 3, -3, 0, -1, 7, -100], I64)
    u8_b = np.array([1, 2, 255, 3, 0, 7, 100, 3, 128], U8)
    for name in INT_BINARY:
        f = f"xp.{name}"
        for a, b in ((I32_EDGE, i32_b), (I64_EDGE, i64_b), (U8_EDGE, u8_b)):
            g.case(f"{f}/{short(a.dtype.type)}-edge", f, [a, b])
        g.case(f"{f}/i64-broadcast", f, [rnd((3, 1), I64, -9, 9), rnd((4,), I64, 1, 9)])
    shifts = np.array([0, 1, 3, 5, 31, 33, 64, 2, 1], I64)
    for name in ("bitwise_left_shift", "bitwise_right_shift"):
        f = f"xp.{name}"
        g.case(f"{f}/i32-edge", f, [I32_EDGE, shifts.astype(I32)])
        g.case(f"{f}/i64-edge", f, [I64_EDGE, shifts])
        g.case(f"{f}/u8-edge", f, [U8_EDGE, np.array([0, 1, 3, 5, 7, 8, 9, 2, 1], U8)])
    ba = np.array([[True, True], [False, False]])
    bb = np.array([True, False])
    for name in ("logical_and", "logical_or", "logical_xor", "equal", "not_equal"):
        g.case(f"xp.{name}/bool", f"xp.{name}", [ba, bb])
    for name in ("bitwise_and", "bitwise_or", "bitwise_xor"):
        g.case(f"xp.{name}/bool", f"xp.{name}", [ba, bb])
    g.case("xp.bitwise_invert/bool", "xp.bitwise_invert", [ba])
    g.case("xp.logical_and/bool-empty", "xp.logical_and", [np.zeros((0,), BOOL), np.ones((1,), BOOL)])

    # clip with scalar, array and absent bounds
    for dt in FLOATS:
        x = special.astype(dt)
        g.case(f"xp.clip/{short(dt)}-both", "xp.clip", [x], {"min": -1.0, "max": 2.0})
        g.case(f"xp.clip/{short(dt)}-min-only", "xp.clip", [x], {"min": 0.0})
        g.case(f"xp.clip/{short(dt)}-max-only", "xp.clip", [x], {"max": 0.5})
    g.case("xp.clip/f64-none", "xp.clip", [rnd((2, 3))], {"min": None, "max": None})
    g.case("xp.clip/f64-min-gt-max", "xp.clip", [rnd((5,))], {"min": 1.0, "max": -1.0})
    g.case("xp.clip/i32", "xp.clip", [I32_EDGE], {"min": -5, "max": 50})
    g.case("xp.clip/i64-min-only", "xp.clip", [I64_EDGE], {"min": 0})
    g.case(
        "xp.clip/f64-arrays",
        "xp.clip",
        [rnd((3, 4))],
        {"min": rnd((4,), F64, -2, 0), "max": rnd((3, 1), F64, 0, 2)},
    )
    g.case("xp.clip/f32-arrays", "xp.clip", [rnd((2, 3), F32)], {"min": np.float32(-0.5), "max": rnd((3,), F32, 0, 1)})
    g.case("xp.clip/f64-positional", "xp.clip", [rnd((4,)), -0.5, 0.5])

    # where
    cond = np.array([[True, False, True], [False, False, True]])
    for dt in (F32, F64, C128, I32, I64, BOOL):
        g.case(f"xp.where/{short(dt)}", "xp.where", [cond, rnd((2, 3), dt), rnd((3,), dt)])
    g.case("xp.where/f64-scalar", "xp.where", [cond, rnd((2, 3)), 0.0])
    g.case("xp.where/f32-scalars-broadcast-cond", "xp.where", [np.array([True, False]), rnd((3, 2), F32), np.float32(9)])
    g.case("xp.where/broadcast-error", "xp.where", [cond, rnd((2, 3)), rnd((2,))])


XC = rnd((3, 4))

REDUCTION_AXES = [
    ("all", {}),
    ("axis0", {"axis": 0}),
    ("axis-1", {"axis": -1}),
    ("axis02", {"axis": (0, 2)}),
    ("axis-none-keepdims", {"axis": None, "keepdims": True}),
    ("axis1-keepdims", {"axis": 1, "keepdims": True}),
    ("axis-empty-tuple", {"axis": ()}),
]


def statistical(g: Gen):
    x3 = {dt: rnd((2, 3, 4), dt) for dt in (F32, F64, C128, I32, I64)}
    funcs = {
        "sum": (F32, F64, C128, I32, I64),
        "prod": (F32, F64, C128, I64),
        "mean": (F32, F64, C128),
        "min": (F32, F64, I32, I64),
        "max": (F32, F64, I32, I64),
        "var": (F32, F64),
        "std": (F32, F64),
    }
    for name, dts in funcs.items():
        f = f"xp.{name}"
        for dt in dts:
            for tag, kw in REDUCTION_AXES:
                if name == "prod":
                    x = rnd((2, 3, 4), dt, 0.5, 1.5) if dt != I64 else rnd((2, 3, 4), dt, -3, 3)
                else:
                    x = x3[dt]
                g.case(f"{f}/{short(dt)}-{tag}", f, [x], kw, kind="reduce")
        g.case(f"{f}/f64-nan", f, [np.array([[1.0, np.nan, 2.0], [3.0, 4.0, 5.0]])], {"axis": 1}, kind="reduce")
        g.case(f"{f}/f64-empty-all", f, [np.zeros((0, 3))], kind="reduce")
        g.case(f"{f}/f64-empty-axis0", f, [np.zeros((0, 3))], {"axis": 0}, kind="reduce")
        g.case(f"{f}/f64-empty-axis1", f, [np.zeros((0, 3))], {"axis": 1}, kind="reduce")
        g.case(f"{f}/f64-0d", f, [np.float64(2.5)], kind="reduce")
        g.case(f"{f}/axis-out-of-range", f, [rnd((2, 3))], {"axis": 2})
        g.case(f"{f}/axis-negative-out-of-range", f, [rnd((2, 3))], {"axis": -3})
        g.case(f"{f}/axis-repeated", f, [rnd((2, 3))], {"axis": (0, -2)})
        if name in ("var", "std"):
            for corr in (1, 1.5, 2):
                g.case(f"{f}/f64-correction-{corr}", f, [XC], {"axis": 0, "correction": corr}, kind="reduce")
            kw = {"axis": -1, "correction": 1, "keepdims": True}
            g.case(f"{f}/f32-correction-keepdims", f, [x3[F32]], kw, kind="reduce")
            g.case(f"{f}/c128", f, [x3[C128]], {"axis": 0}, kind="reduce")
    # the sum/prod dtype keyword
    g.case("xp.sum/f32-dtype-f64", "xp.sum", [x3[F32]], {"axis": 0, "dtype": "float64"}, call=lambda: np.sum(x3[F32], axis=0, dtype=F64), kind="reduce")
    g.case("xp.prod/i32-dtype-i64", "xp.prod", [np.array([3, 4, -5], I32)], {"dtype": "int64"}, call=lambda: np.prod(np.array([3, 4, -5], I32), dtype=I64))

    # var/std: correction larger than the count divides by zero
    g.case("xp.var/f64-correction-n", "xp.var", [XC], {"axis": 0, "correction": 3}, kind="reduce")
    g.case("xp.std/f64-correction-gt-n", "xp.std", [XC], {"axis": 0, "correction": 5}, kind="reduce")

    # cumulative sums and products
    for name in ("cumulative_sum", "cumulative_prod"):
        f = f"xp.{name}"
        for dt in (F32, F64, C128, I32, I64):
            x = rnd((3, 4), dt, 0.5, 1.5) if dt not in (I32, I64) else rnd((3, 4), dt, -3, 3)
            g.case(f"{f}/{short(dt)}-axis0", f, [x], {"axis": 0}, kind="reduce")
            g.case(f"{f}/{short(dt)}-axis-1-initial", f, [x], {"axis": -1, "include_initial": True}, kind="reduce")
        g.case(f"{f}/f64-1d-no-axis", f, [rnd((5,))], kind="reduce")
        g.case(f"{f}/f64-1d-initial", f, [rnd((5,))], {"include_initial": True}, kind="reduce")
        g.case(f"{f}/f64-empty", f, [np.zeros((0,))], kind="reduce")
        g.case(f"{f}/f64-empty-initial", f, [np.zeros((0,))], {"include_initial": True}, kind="reduce")
        g.case(f"{f}/f64-zero-size-axis", f, [np.zeros((2, 0))], {"axis": 1, "include_initial": True}, kind="reduce")
        g.case(f"{f}/f64-nan", f, [np.array([1.0, np.nan, 2.0])], kind="reduce")
        g.case(f"{f}/2d-needs-axis", f, [rnd((2, 3))])
        g.case(f"{f}/axis-out-of-range", f, [rnd((2, 3))], {"axis": 2})
        g.case(f"{f}/bool-dtype-i64", f, [np.array([True, False, True])], {"dtype": "int64"},
               call=lambda fn=getattr(np, name): fn(np.array([True, False, True]), dtype=I64))
    g.case("xp.cumulative_sum/i32-dtype-f64", "xp.cumulative_sum", [np.array([1, 2, 3], I32)], {"dtype": "float64"},
           call=lambda: np.cumulative_sum(np.array([1, 2, 3], I32), dtype=F64))

    # logical reductions and counting
    b3 = rnd((2, 3, 4), BOOL)
    xf = np.array([[0.0, 1.0, np.nan], [0.0, 0.0, -2.0]])
    for name in ("all", "any", "count_nonzero"):
        f = f"xp.{name}"
        for tag, kw in REDUCTION_AXES:
            g.case(f"{f}/bool-{tag}", f, [b3], kw)
        g.case(f"{f}/f64-nan-axis1", f, [xf], {"axis": 1})
        g.case(f"{f}/i32-axis0", f, [np.array([[0, 1], [0, 0], [3, 0]], I32)], {"axis": 0})
        g.case(f"{f}/bool-empty", f, [np.zeros((0, 2), BOOL)])
        g.case(f"{f}/bool-empty-axis0", f, [np.zeros((0, 2), BOOL)], {"axis": 0})
        g.case(f"{f}/bool-0d", f, [np.bool_(True)])
        g.case(f"{f}/axis-out-of-range", f, [b3], {"axis": 3})

    # argmin / argmax
    for name in ("argmin", "argmax"):
        f = f"xp.{name}"
        for dt in (F32, F64, I32, I64):
            x = rnd((3, 4), dt, -2, 2)  # integers repeat: ties go to the first occurrence
            g.case(f"{f}/{short(dt)}-flat", f, [x])
            g.case(f"{f}/{short(dt)}-axis0", f, [x], {"axis": 0})
            g.case(f"{f}/{short(dt)}-axis-1-keepdims", f, [x], {"axis": -1, "keepdims": True})
        g.case(f"{f}/f64-keepdims-flat", f, [rnd((2, 3))], {"keepdims": True})
        g.case(f"{f}/f64-nan", f, [np.array([[1.0, np.nan, 3.0, np.nan], [2.0, -1.0, 5.0, 0.0]])], {"axis": 1})
        g.case(f"{f}/f64-inf", f, [np.array([1.0, np.inf, -np.inf, 3.0])])
        g.case(f"{f}/f64-0d", f, [np.float64(1.0)])
        g.case(f"{f}/empty", f, [np.zeros((0,))])
        g.case(f"{f}/empty-axis", f, [np.zeros((0, 3))], {"axis": 0})
        g.case(f"{f}/zero-size-other-axis", f, [np.zeros((0, 3))], {"axis": 1})
        g.case(f"{f}/axis-out-of-range", f, [rnd((2, 3))], {"axis": 2})

    # diff
    x = rnd((3, 5))
    for tag, kw in [
        ("default", {}),
        ("n2", {"n": 2}),
        ("n0", {"n": 0}),
        ("axis0", {"axis": 0}),
        ("n-too-large", {"n": 6}),
        ("prepend-append-arrays", {"prepend": rnd((3, 1)), "append": rnd((3, 2))}),
        ("prepend-scalar", {"prepend": 0.0, "axis": 0}),
        ("append-scalar-n2", {"append": 1.5, "n": 2}),
    ]:
        g.case(f"xp.diff/f64-{tag}", "xp.diff", [x], kw, kind="reduce")
    g.case("xp.diff/f32", "xp.diff", [rnd((6,), F32)], kind="reduce")
    g.case("xp.diff/i64", "xp.diff", [rnd((2, 4), I64, -9, 9)], {"axis": 0})
    g.case("xp.diff/c128", "xp.diff", [rnd((4,), C128)])
    g.case("xp.diff/empty-axis", "xp.diff", [np.zeros((0, 3))], {"axis": 0})
    g.case("xp.diff/n-negative", "xp.diff", [x], {"n": -1})
    g.case("xp.diff/0d", "xp.diff", [np.float64(1.0)])
    g.case("xp.diff/axis-out-of-range", "xp.diff", [x], {"axis": 2})
    g.case("xp.diff/prepend-bad-shape", "xp.diff", [x], {"prepend": rnd((2, 1))})


def manipulation(g: Gen):
    x = rnd((2, 3, 4))
    for tag, shape in [("flat", (24,)), ("neg", (-1,)), ("4x6", (4, 6)), ("infer", (6, -1)), ("3d", (3, 2, 4))]:
        g.case(f"xp.reshape/{tag}", "xp.reshape", [x, shape])
    g.case("xp.reshape/to-0d", "xp.reshape", [np.array([7.0]), ()])
    g.case("xp.reshape/from-0d", "xp.reshape", [np.float64(3.0), (1, 1)])
    g.case("xp.reshape/empty", "xp.reshape", [np.zeros((0, 4)), (4, 0)])
    g.case("xp.reshape/empty-infer-error", "xp.reshape", [np.zeros((0, 4)), (2, 0, -1)])
    g.case("xp.reshape/i32-copy-kw", "xp.reshape", [rnd((2, 3), I32)], {"shape": (3, 2), "copy": True})
    g.case("xp.reshape/bad-size", "xp.reshape", [x, (5, 5)])
    g.case("xp.reshape/two-unknown", "xp.reshape", [x, (-1, -1)])
    g.case("xp.reshape/empty-unknown", "xp.reshape", [np.zeros((0, 4)), (0, -1)])

    for tag, axes in [("201", (2, 0, 1)), ("neg", (-1, 0, 1)), ("identity", (0, 1, 2))]:
        g.case(f"xp.permute_dims/{tag}", "xp.permute_dims", [x, axes])
    g.case("xp.permute_dims/c64", "xp.permute_dims", [rnd((2, 3), C64), (1, 0)])
    g.case("xp.permute_dims/repeated", "xp.permute_dims", [x, (0, 0, 1)])
    g.case("xp.permute_dims/wrong-length", "xp.permute_dims", [x, (0, 1)])
    g.case("xp.permute_dims/out-of-range", "xp.permute_dims", [x, (0, 1, 3)])

    g.case("xp.matrix_transpose/2d", "xp.matrix_transpose", [rnd((2, 3))])
    g.case("xp.matrix_transpose/3d-i64", "xp.matrix_transpose", [rnd((2, 3, 4), I64)])
    g.case("xp.matrix_transpose/1d", "xp.matrix_transpose", [rnd((3,))])

    for tag, src, dst in [("0-2", 0, 2), ("neg", -1, 0), ("tuple", (0, 1), (2, 0))]:
        g.case(f"xp.moveaxis/{tag}", "xp.moveaxis", [x, src, dst])
    g.case("xp.moveaxis/out-of-range", "xp.moveaxis", [x, 3, 0])
    g.case("xp.moveaxis/repeated", "xp.moveaxis", [x, (0, 0), (1, 2)])

    y = rnd((2, 3))
    g.case("xp.expand_dims/default", "xp.expand_dims", [y], call=lambda: np.expand_dims(y, 0))
    for tag, kw in [("axis1", {"axis": 1}), ("axis-1", {"axis": -1}), ("axis2", {"axis": 2}), ("axis-3", {"axis": -3})]:
        g.case(f"xp.expand_dims/{tag}", "xp.expand_dims", [y], kw)
    g.case("xp.expand_dims/0d", "xp.expand_dims", [np.float64(1.0)], {"axis": 0})
    g.case("xp.expand_dims/out-of-range", "xp.expand_dims", [y], {"axis": 3})
    g.case("xp.expand_dims/negative-out-of-range", "xp.expand_dims", [y], {"axis": -4})
    for tag, ax in [("tuple", (0, 2)), ("tuple-negative", (-1, 0)), ("tuple-unsorted", (3, 1))]:
        g.case(f"xp.expand_dims/{tag}", "xp.expand_dims", [y], {"axis": ax})
    g.case("xp.expand_dims/tuple-repeated", "xp.expand_dims", [y], {"axis": (1, 1)})
    g.case("xp.expand_dims/tuple-out-of-range", "xp.expand_dims", [y], {"axis": (0, 4)})

    s = rnd((1, 3, 1, 2))
    for tag, ax in [("axis0", 0), ("axis-2", -2), ("tuple", (0, 2)), ("none", None)]:
        g.case(f"xp.squeeze/{tag}", "xp.squeeze", [s], {"axis": ax})
    g.case("xp.squeeze/not-size-1", "xp.squeeze", [s], {"axis": 1})
    g.case("xp.squeeze/out-of-range", "xp.squeeze", [s], {"axis": 4})
    g.case("xp.squeeze/to-0d", "xp.squeeze", [np.ones((1, 1))], {"axis": (0, 1)})

    for tag, kw in [("all", {}), ("axis0", {"axis": 0}), ("axis-1", {"axis": -1}), ("tuple", {"axis": (0, 2)}), ("none", {"axis": None})]:
        g.case(f"xp.flip/{tag}", "xp.flip", [x], kw)
    g.case("xp.flip/0d", "xp.flip", [np.float64(2.0)])
    g.case("xp.flip/out-of-range", "xp.flip", [x], {"axis": 3})

    for tag, sh, kw in [
        ("flat", 2, {}),
        ("flat-negative", -7, {}),
        ("axis0", 1, {"axis": 0}),
        ("axis-1-large", 9, {"axis": -1}),
        ("tuple", (1, -2), {"axis": (0, 2)}),
        ("same-axis-twice", (1, 2), {"axis": (1, 1)}),
    ]:
        g.case(f"xp.roll/{tag}", "xp.roll", [x, sh], kw)
    g.case("xp.roll/empty", "xp.roll", [np.zeros((0, 3)), 1], {"axis": 0})
    g.case("xp.roll/mismatched", "xp.roll", [x, (1, 2)], {"axis": (0, 1, 2)})
    g.case("xp.roll/out-of-range", "xp.roll", [x, 1], {"axis": 3})

    a, b, c = rnd((2, 3)), rnd((1, 3)), rnd((0, 3))
    g.case("xp.concat/axis0", "xp.concat", [[a, b, c]])
    g.case("xp.concat/axis-1", "xp.concat", [[a, rnd((2, 1))]], {"axis": -1})
    g.case("xp.concat/none", "xp.concat", [[a, b]], {"axis": None})
    g.case("xp.concat/single", "xp.concat", [[a]])
    g.case("xp.concat/i32", "xp.concat", [[rnd((2,), I32), rnd((3,), I32)]])
    g.case("xp.concat/bool", "xp.concat", [[rnd((2,), BOOL), rnd((3,), BOOL)]])
    g.case("xp.concat/mismatch", "xp.concat", [[a, rnd((2, 2))]])
    g.case("xp.concat/0d", "xp.concat", [[np.float64(1.0), np.float64(2.0)]])
    g.case("xp.concat/out-of-range", "xp.concat", [[a, b]], {"axis": 2})
    g.case("xp.concat/empty-list", "xp.concat", [[]])

    for tag, kw in [("axis0", {}), ("axis1", {"axis": 1}), ("axis-1", {"axis": -1})]:
        g.case(f"xp.stack/{tag}", "xp.stack", [[a, rnd((2, 3)), rnd((2, 3))]], kw)
    g.case("xp.stack/0d", "xp.stack", [[np.float64(1.0), np.float64(2.0)]])
    g.case("xp.stack/c128", "xp.stack", [[rnd((2,), C128), rnd((2,), C128)]])
    g.case("xp.stack/mismatch", "xp.stack", [[a, b]])
    g.case("xp.stack/out-of-range", "xp.stack", [[a, a]], {"axis": 3})

    for tag, kw in [("axis0", {}), ("axis-1", {"axis": -1}), ("axis1", {"axis": 1})]:
        g.case(f"xp.unstack/{tag}", "xp.unstack", [x], kw)
    g.case("xp.unstack/0d", "xp.unstack", [np.float64(1.0)])

    g.case("xp.broadcast_to/row", "xp.broadcast_to", [rnd((3,)), (2, 3)])
    g.case("xp.broadcast_to/col", "xp.broadcast_to", [rnd((2, 1), I32), (3, 2, 4)])
    g.case("xp.broadcast_to/0d", "xp.broadcast_to", [np.float64(5.0), (2, 2)])
    g.case("xp.broadcast_to/zero-size", "xp.broadcast_to", [rnd((1, 3)), (0, 3)])
    g.case("xp.broadcast_to/bad", "xp.broadcast_to", [rnd((3,)), (2, 4)])
    g.case("xp.broadcast_to/fewer-dims", "xp.broadcast_to", [rnd((2, 3)), (3,)])

    g.case("xp.broadcast_arrays/two", "xp.broadcast_arrays", [rnd((3, 1)), rnd((4,))])
    g.case("xp.broadcast_arrays/three", "xp.broadcast_arrays", [rnd((2, 1, 1), I64), rnd((3, 1), I64), np.int64(7)])
    g.case("xp.broadcast_arrays/bad", "xp.broadcast_arrays", [rnd((3,)), rnd((4,))])

    for tag, reps in [("same-rank", (2, 1)), ("longer", (2, 1, 2)), ("shorter", (3,)), ("zero", (0, 2))]:
        g.case(f"xp.tile/{tag}", "xp.tile", [rnd((2, 3)), reps])
    g.case("xp.tile/0d", "xp.tile", [np.float64(1.0), (3,)])
    g.case("xp.tile/1d-i32", "xp.tile", [rnd((2,), I32), (2, 2)])

    r = rnd((2, 3))
    g.case("xp.repeat/scalar-flat", "xp.repeat", [r, 2])
    g.case("xp.repeat/scalar-axis0", "xp.repeat", [r, 3], {"axis": 0})
    g.case("xp.repeat/array-axis1", "xp.repeat", [r, np.array([1, 0, 2], I64)], {"axis": 1})
    g.case("xp.repeat/array-flat", "xp.repeat", [rnd((3,)), np.array([2, 1, 3], I64)])
    g.case("xp.repeat/array-broadcast", "xp.repeat", [r, np.array([2], I64)], {"axis": -1})
    g.case("xp.repeat/zero", "xp.repeat", [r, 0], {"axis": 0})
    g.case("xp.repeat/bool", "xp.repeat", [rnd((3,), BOOL), 2])
    g.case("xp.repeat/negative", "xp.repeat", [r, np.array([1, -1, 2], I64)], {"axis": 1})
    g.case("xp.repeat/bad-length", "xp.repeat", [r, np.array([1, 2], I64)], {"axis": 1})
    g.case("xp.repeat/out-of-range", "xp.repeat", [r, 2], {"axis": 2})

    pads(g)


def pads(g: Gen):
    x = rnd((2, 3))
    xi = np.arange(1, 7, dtype=I64).reshape(2, 3)
    cases = [
        ("constant-int", 1, {}),
        ("constant-pair", (1, 2), {}),
        ("constant-per-axis", ((0, 1), (2, 0)), {}),
        ("constant-one-pair", ((1, 2),), {}),
        ("constant-value", ((1, 1), (2, 2)), {"mode": "constant", "constant_values": 7.5}),
        ("constant-values-per-axis", ((1, 1), (2, 2)), {"mode": "constant", "constant_values": ((1.0, 2.0), (3.0, 4.0))}),
        ("constant-values-pair", 1, {"mode": "constant", "constant_values": (-1.0, 1.0)}),
        ("edge", ((1, 2), (2, 1)), {"mode": "edge"}),
        ("reflect", ((1, 1), (2, 2)), {"mode": "reflect"}),
        ("reflect-long", ((0, 0), (5, 4)), {"mode": "reflect"}),
        ("reflect-odd", ((1, 1), (2, 2)), {"mode": "reflect", "reflect_type": "odd"}),
        ("symmetric", ((1, 1), (2, 3)), {"mode": "symmetric"}),
        ("symmetric-long", ((3, 3), (7, 1)), {"mode": "symmetric"}),
        ("symmetric-odd", ((1, 1), (2, 3)), {"mode": "symmetric", "reflect_type": "odd"}),
        ("wrap", ((1, 2), (4, 5)), {"mode": "wrap"}),
        ("linear_ramp", ((2, 1), (1, 3)), {"mode": "linear_ramp"}),
        ("linear_ramp-end", ((2, 1), (1, 3)), {"mode": "linear_ramp", "end_values": (-1.0, 4.0)}),
        ("maximum", ((1, 1), (2, 2)), {"mode": "maximum"}),
        ("minimum-stat", ((1, 1), (2, 2)), {"mode": "minimum", "stat_length": 2}),
        ("mean", ((1, 2), (1, 2)), {"mode": "mean"}),
        ("mean-stat", ((1, 2), (1, 2)), {"mode": "mean", "stat_length": ((1, 2), (2, 1))}),
        ("median", ((1, 1), (2, 2)), {"mode": "median"}),
        ("median-stat", ((1, 1), (2, 2)), {"mode": "median", "stat_length": (1, 2)}),
        ("empty-mode", ((1, 1), (1, 1)), {"mode": "empty"}),
    ]
    for tag, width, kw in cases:
        if kw.get("mode") == "empty":
            continue  # values are undefined
        g.case(f"xp.pad/f64-{tag}", "xp.pad", [x, width], kw, kind="reduce")
    for tag, width, kw in [
        ("constant", 1, {"constant_values": 9}),
        ("edge", ((1, 0), (0, 2)), {"mode": "edge"}),
        ("reflect", 2, {"mode": "reflect"}),
        ("wrap", 2, {"mode": "wrap"}),
        ("mean", 1, {"mode": "mean"}),
        ("linear_ramp", 2, {"mode": "linear_ramp", "end_values": 10}),
    ]:
        g.case(f"xp.pad/i64-{tag}", "xp.pad", [xi, width], kw)
    g.case("xp.pad/f32-reflect", "xp.pad", [rnd((4,), F32), 3], {"mode": "reflect"})
    g.case("xp.pad/c128-constant", "xp.pad", [rnd((2,), C128), 1])
    g.case("xp.pad/bool-constant", "xp.pad", [rnd((2,), BOOL), 1])
    g.case("xp.pad/0d", "xp.pad", [np.float64(1.0), 2])
    g.case("xp.pad/zero-width", "xp.pad", [x, 0], {"mode": "reflect"})
    g.case("xp.pad/empty-constant", "xp.pad", [np.zeros((0, 2)), 1])
    g.case("xp.pad/empty-edge-error", "xp.pad", [np.zeros((0, 2)), 1], {"mode": "edge"})
    g.case("xp.pad/empty-reflect-error", "xp.pad", [np.zeros((0, 2)), 1], {"mode": "reflect"})
    g.case("xp.pad/reflect-single", "xp.pad", [np.array([5.0]), 2], {"mode": "reflect"})
    g.case("xp.pad/negative", "xp.pad", [x, -1])
    g.case("xp.pad/bad-width-shape", "xp.pad", [x, ((1, 1), (1, 1), (1, 1))])
    g.case("xp.pad/bad-mode", "xp.pad", [x, 1], {"mode": "nope"})
    g.case("xp.pad/bad-kwarg-for-mode", "xp.pad", [x, 1], {"mode": "edge", "constant_values": 1.0})
    g.case("xp.pad/stat-length-zero", "xp.pad", [x, 1], {"mode": "maximum", "stat_length": 0})


def indexing(g: Gen):
    x = rnd((3, 4))
    idx = np.array([2, 0, -1, 1], I64)
    g.case("xp.take/axis0", "xp.take", [x, idx], {"axis": 0})
    g.case("xp.take/axis-1", "xp.take", [x, np.array([3, 3, 0], I64)], {"axis": -1})
    g.case("xp.take/flat", "xp.take", [x, np.array([11, 0, -12], I64)])
    g.case("xp.take/2d-indices", "xp.take", [rnd((5,)), np.array([[0, 1], [4, -5]], I64)], {"axis": 0})
    g.case("xp.take/empty-indices", "xp.take", [x, np.zeros((0,), I64)], {"axis": 1})
    g.case("xp.take/i32-indices", "xp.take", [x, np.array([1, 0], I32)], {"axis": 0})
    g.case("xp.take/c64", "xp.take", [rnd((4,), C64), np.array([3, 1], I64)], {"axis": 0})
    g.case("xp.take/out-of-range", "xp.take", [x, np.array([3], I64)], {"axis": 0})
    g.case("xp.take/negative-out-of-range", "xp.take", [x, np.array([-5], I64)], {"axis": 1})
    g.case("xp.take/axis-out-of-range", "xp.take", [x, idx], {"axis": 2})

    o = np.argsort(x, axis=1, kind="stable").astype(I64)
    g.case("xp.take_along_axis/argsort", "xp.take_along_axis", [x, o], {"axis": 1})
    g.case("xp.take_along_axis/default-axis", "xp.take_along_axis", [x, o])
    g.case("xp.take_along_axis/axis-none", "xp.take_along_axis", [x, np.array([5, 0, -1, 3], I64)], {"axis": None})
    g.case("xp.take_along_axis/axis0-broadcast", "xp.take_along_axis", [x, np.array([[2, 0, 1, 1]], I64)], {"axis": 0})
    g.case("xp.take_along_axis/negative", "xp.take_along_axis", [x, np.array([[-1], [0], [-4]], I64)], {"axis": 1})
    g.case("xp.take_along_axis/out-of-range", "xp.take_along_axis", [x, np.array([[4], [0], [1]], I64)], {"axis": 1})
    g.case("xp.take_along_axis/rank-mismatch", "xp.take_along_axis", [x, np.array([1, 0], I64)], {"axis": 1})


def searching(g: Gen):
    srt = np.array([-1.0, 0.0, 0.0, 2.5, 3.0, 3.0, 7.0])
    v = np.array([[-2.0, 0.0, 3.0], [7.0, 8.0, np.nan]])
    for side in ("left", "right"):
        g.case(f"xp.searchsorted/f64-{side}", "xp.searchsorted", [srt, v], {"side": side})
        g.case(f"xp.searchsorted/i32-{side}", "xp.searchsorted", [np.array([1, 3, 3, 9], I32), np.array([0, 3, 4, 10], I32)], {"side": side})
    g.case("xp.searchsorted/f32-default", "xp.searchsorted", [srt.astype(F32), v.astype(F32)])
    g.case("xp.searchsorted/nan-in-sorted", "xp.searchsorted", [np.array([1.0, 2.0, np.nan]), np.array([np.nan, 1.5, 3.0])])
    unsorted = np.array([3.0, -1.0, 7.0, 0.0, 2.5])
    sorter = np.argsort(unsorted).astype(I64)
    g.case("xp.searchsorted/sorter", "xp.searchsorted", [unsorted, np.array([0.0, 5.0, -3.0])], {"sorter": sorter})
    g.case("xp.searchsorted/sorter-right", "xp.searchsorted", [unsorted, np.array([0.0, 3.0])], {"side": "right", "sorter": sorter})
    g.case("xp.searchsorted/empty-sorted", "xp.searchsorted", [np.zeros((0,)), np.array([1.0, 2.0])])
    g.case("xp.searchsorted/empty-values", "xp.searchsorted", [srt, np.zeros((0,))])
    g.case("xp.searchsorted/0d-value", "xp.searchsorted", [srt, np.float64(2.0)])
    g.case("xp.searchsorted/2d-sorted", "xp.searchsorted", [rnd((2, 2)), np.array([1.0])])
    g.case("xp.searchsorted/bad-side", "xp.searchsorted", [srt, v], {"side": "middle"})

    for dt in (F64, I32, BOOL, C128):
        x = rnd((3, 4), dt, -1, 1)
        g.case(f"xp.nonzero/{short(dt)}-2d", "xp.nonzero", [x])
    g.case("xp.nonzero/f64-1d-nan", "xp.nonzero", [np.array([0.0, np.nan, -0.0, 2.0])])
    g.case("xp.nonzero/empty", "xp.nonzero", [np.zeros((0, 3))])
    g.case("xp.nonzero/all-zero-3d", "xp.nonzero", [np.zeros((2, 2, 2), I64)])
    g.case("xp.nonzero/0d", "xp.nonzero", [np.float64(1.0)])


def sort_call(x, axis=-1, descending=False, stable=True, arg=False):
    """The standard's sort/argsort on NumPy: a stable descending sort is the reverse of a
    stable ascending sort of the reversed array (equal elements keep their order)."""
    if not descending:
        return (np.argsort if arg else np.sort)(x, axis=axis, kind="stable")
    if not arg:
        return np.flip(np.sort(x, axis=axis, kind="stable"), axis=axis)
    n = x.shape[axis]
    r = np.flip(np.argsort(np.flip(x, axis=axis), axis=axis, kind="stable"), axis=axis)
    return (n - 1 - r).astype(I64)


def sorting(g: Gen):
    xs = {
        F64: np.array([[3.0, np.nan, -1.0, 3.0, 0.0, -0.0], [2.0, 2.0, np.inf, -np.inf, 1.0, np.nan]]),
        F32: rnd((3, 5), F32),
        I32: rnd((3, 5), I32, -3, 3),
        I64: rnd((4, 3), I64, -2, 2),
        U8: np.array([[3, 1, 200], [0, 255, 1]], U8),
    }
    for name in ("sort", "argsort"):
        f = f"xp.{name}"
        arg = name == "argsort"
        for dt, x in xs.items():
            for tag, kw in [
                ("default", {}),
                ("axis0", {"axis": 0}),
                ("descending", {"descending": True}),
                ("axis0-descending", {"axis": 0, "descending": True}),
                ("unstable", {"stable": False}),
            ]:
                if arg and kw.get("stable") is False and dt in (I32, I64):
                    continue  # an unstable argsort may order ties either way
                g.case(f"{f}/{short(dt)}-{tag}", f, [x], kw, call=lambda x=x, kw=kw, arg=arg: sort_call(x, arg=arg, **kw))
        g.case(f"{f}/empty", f, [np.zeros((0, 3))], call=lambda arg=arg: sort_call(np.zeros((0, 3)), arg=arg))
        g.case(f"{f}/zero-size-axis0", f, [np.zeros((0, 3))], {"axis": 0}, call=lambda arg=arg: sort_call(np.zeros((0, 3)), 0, arg=arg))
        g.case(f"{f}/axis-out-of-range", f, [xs[F64]], {"axis": 2}, call=lambda arg=arg: sort_call(xs[F64], 2, arg=arg))


def set_functions(g: Gen):
    inputs = {
        "i64-1d": np.array([3, 1, 2, 3, 3, -1, 1], I64),
        "f64-2d-nan": np.array([[2.0, np.nan, 1.0], [2.0, -0.0, np.nan]]),
        "f32-1d": np.array([0.5, 0.25, 0.5, 0.5], F32),
        "i32-2d": np.array([[4, 4], [1, 9]], I32),
        "empty": np.zeros((0,)),
        "0d": np.float64(4.0),
        "u8-1d": np.array([7, 7, 0, 255], U8),
    }
    for tag, x in inputs.items():
        def uv(x=x):
            return np.unique(x, equal_nan=False, sorted=True)

        def uc(x=x):
            return np.unique(x, return_counts=True, equal_nan=False, sorted=True)

        def ui(x=x):
            v, inv = np.unique(x, return_inverse=True, equal_nan=False, sorted=True)
            return v, inv.reshape(np.shape(x))

        def ua(x=x):
            v, i, inv, c = np.unique(x, return_index=True, return_inverse=True, return_counts=True, equal_nan=False, sorted=True)
            return v, i, inv.reshape(np.shape(x)), c

        g.case(f"xp.unique_values/{tag}", "xp.unique_values", [x], call=uv)
        g.case(f"xp.unique_counts/{tag}", "xp.unique_counts", [x], call=uc)
        g.case(f"xp.unique_inverse/{tag}", "xp.unique_inverse", [x], call=ui)
        g.case(f"xp.unique_all/{tag}", "xp.unique_all", [x], call=ua)


def linear_algebra(g: Gen):
    for dt in (F32, F64, C128, I64):
        g.case(f"xp.matmul/{short(dt)}-2d", "xp.matmul", [rnd((2, 3), dt), rnd((3, 4), dt)], kind="reduce")
    g.case("xp.matmul/c64-2d", "xp.matmul", [rnd((2, 2), C64), rnd((2, 3), C64)], kind="reduce")
    g.case("xp.matmul/vec-mat", "xp.matmul", [rnd((3,)), rnd((3, 2))], kind="reduce")
    g.case("xp.matmul/mat-vec", "xp.matmul", [rnd((2, 3)), rnd((3,))], kind="reduce")
    g.case("xp.matmul/vec-vec", "xp.matmul", [rnd((3,)), rnd((3,))], kind="reduce")
    g.case("xp.matmul/batch-broadcast", "xp.matmul", [rnd((2, 1, 2, 3)), rnd((3, 3, 2))], kind="reduce")
    g.case("xp.matmul/vec-batch", "xp.matmul", [rnd((3,)), rnd((2, 3, 2))], kind="reduce")
    g.case("xp.matmul/empty-inner", "xp.matmul", [np.zeros((2, 0)), np.zeros((0, 3))], kind="reduce")
    g.case("xp.matmul/empty-outer", "xp.matmul", [np.zeros((0, 2)), rnd((2, 3))], kind="reduce")
    g.case("xp.matmul/mismatch", "xp.matmul", [rnd((2, 3)), rnd((2, 3))])
    g.case("xp.matmul/0d", "xp.matmul", [np.float64(2.0), rnd((2, 2))])
    g.case("xp.matmul/batch-mismatch", "xp.matmul", [rnd((2, 2, 2)), rnd((3, 2, 2))])

    a, b = rnd((2, 3, 4)), rnd((3, 4, 5))
    g.case("xp.tensordot/default", "xp.tensordot", [a, b], kind="reduce")
    g.case("xp.tensordot/axes1", "xp.tensordot", [rnd((2, 3)), rnd((3, 4))], {"axes": 1}, kind="reduce")
    g.case("xp.tensordot/axes0", "xp.tensordot", [rnd((2,)), rnd((3,))], {"axes": 0}, kind="reduce")
    g.case("xp.tensordot/pairs", "xp.tensordot", [a, rnd((4, 3, 2))], {"axes": ((1, 2), (1, 0))}, kind="reduce")
    g.case("xp.tensordot/pairs-negative", "xp.tensordot", [a, rnd((4, 6))], {"axes": ((-1,), (0,))}, kind="reduce")
    g.case("xp.tensordot/c128", "xp.tensordot", [rnd((2, 3), C128), rnd((3, 2), C128)], {"axes": 1}, kind="reduce")
    g.case("xp.tensordot/f32", "xp.tensordot", [rnd((3, 3), F32), rnd((3, 3), F32)], {"axes": 2}, kind="reduce")
    g.case("xp.tensordot/mismatch", "xp.tensordot", [a, b], {"axes": 1})
    g.case("xp.tensordot/too-many-axes", "xp.tensordot", [rnd((2, 3)), rnd((2, 3))], {"axes": 3})

    g.case("xp.vecdot/f64", "xp.vecdot", [rnd((2, 3)), rnd((3,))], kind="reduce")
    g.case("xp.vecdot/axis0", "xp.vecdot", [rnd((3, 2)), rnd((3, 2))], {"axis": 0}, kind="reduce")
    g.case("xp.vecdot/c128-conj", "xp.vecdot", [rnd((2, 3), C128), rnd((2, 3), C128)], kind="reduce")
    g.case("xp.vecdot/f32-broadcast", "xp.vecdot", [rnd((2, 1, 4), F32), rnd((3, 4), F32)], kind="reduce")
    g.case("xp.vecdot/i64", "xp.vecdot", [rnd((2, 3), I64), rnd((2, 3), I64)])
    g.case("xp.vecdot/empty", "xp.vecdot", [np.zeros((2, 0)), np.zeros((2, 0))], kind="reduce")
    g.case("xp.vecdot/mismatch", "xp.vecdot", [rnd((2, 3)), rnd((2, 4))])
    g.case("xp.vecdot/out-of-range", "xp.vecdot", [rnd((2, 3)), rnd((2, 3))], {"axis": 2})


def creation(g: Gen):
    for tag, args, kw in [
        ("stop", [5], {}),
        ("start-stop-step", [1, 10, 3], {}),
        ("float-step", [0.0, 1.0, 0.1], {}),
        ("negative-step", [10, 0, -2], {}),
        ("empty", [0], {}),
        ("empty-wrong-direction", [5, 1], {}),
        ("f32", [0, 2], {"step": 0.25, "dtype": "float32"}),
        ("i32", [-3, 3], {"dtype": "int32"}),
        ("float-stop", [2.5], {}),
        ("stop-kw", [2], {"stop": 6}),
    ]:
        g.case(f"xp.arange/{tag}", "xp.arange", args, kw)
    g.case("xp.arange/step-zero", "xp.arange", [0, 5, 0])

    for tag, args, kw in [
        ("default", [0.0, 1.0, 5], {}),
        ("no-endpoint", [0.0, 1.0, 5], {"endpoint": False}),
        ("reverse", [2.0, -1.0, 4], {}),
        ("num1", [3.0, 7.0, 1], {}),
        ("num1-no-endpoint", [3.0, 7.0, 1], {"endpoint": False}),
        ("num0", [0.0, 1.0, 0], {}),
        ("f32", [0.0, 1.0, 7], {"dtype": "float32"}),
        ("int-bounds", [0, 10, 6], {}),
        ("complex", [complex(0, 1), complex(2, -1), 3], {}),
        ("num-kw", [0.0, 1.0], {"num": 3, "endpoint": True}),
        ("retstep", [0.0, 1.0, 5], {"retstep": True}),
        ("retstep-no-endpoint", [1.0, 2.0, 4], {"retstep": True, "endpoint": False}),
        ("retstep-num1", [3.0, 7.0, 1], {"retstep": True}),
        ("complex-retstep", [complex(1, 1), complex(0, 3), 5], {"retstep": True}),
        ("complex64", [complex(0, 1), complex(2, -1), 4], {"dtype": "complex64"}),
        ("int64-dtype", [0, 10, 4], {"dtype": "int64"}),
        ("int32-negative", [-5, 5, 4], {"dtype": "int32"}),
        ("axis-last", [0.0, 1.0, 3], {"axis": -1}),
    ]:
        g.case(f"xp.linspace/{tag}", "xp.linspace", args, kw, kind="reduce")
    g.case("xp.linspace/negative-num", "xp.linspace", [0.0, 1.0, -1])
    g.case("xp.linspace/axis-out-of-range", "xp.linspace", [0.0, 1.0, 3], {"axis": 1})

    for tag, args, kw in [
        ("square", [3], {}),
        ("rect", [2, 4], {}),
        ("k1", [3], {"k": 1}),
        ("k-neg", [4, 3], {"k": -2}),
        ("k-out", [3], {"k": 5}),
        ("n-cols-kw", [2], {"n_cols": 3, "k": 1}),
        ("i32", [2], {"dtype": "int32"}),
        ("bool", [2], {"dtype": "bool"}),
        ("c128", [2], {"dtype": "complex128"}),
        ("zero", [0], {}),
    ]:
        npkw = dict(kw)
        if "n_cols" in npkw:
            npkw["M"] = npkw.pop("n_cols")
        g.case(f"xp.eye/{tag}", "xp.eye", args, kw, call=lambda args=args, npkw=npkw: np.eye(*args, **npkw))
    g.case("xp.eye/negative", "xp.eye", [-1])

    for name in ("zeros", "ones"):
        f = f"xp.{name}"
        g.case(f"{f}/tuple", f, [(2, 3)])
        g.case(f"{f}/int", f, [4])
        g.case(f"{f}/0d", f, [()])
        g.case(f"{f}/empty", f, [(0, 2)])
        g.case(f"{f}/i32", f, [(2,)], {"dtype": "int32"})
        g.case(f"{f}/f32", f, [(2, 2)], {"dtype": "float32"})
        g.case(f"{f}/bool", f, [(3,)], {"dtype": "bool"})
        g.case(f"{f}/c64", f, [(1,)], {"dtype": "complex64"})
        g.case(f"{f}/negative", f, [(-1, 2)])
    g.case("xp.full/float", "xp.full", [(2, 3), 1.5])
    g.case("xp.full/int", "xp.full", [(2,), 7])
    g.case("xp.full/bool", "xp.full", [3, True])
    g.case("xp.full/complex", "xp.full", [(2,), complex(1, -1)])
    g.case("xp.full/nan", "xp.full", [(2, 2), float("nan")])
    g.case("xp.full/f32-dtype", "xp.full", [(2,), 0.1], {"dtype": "float32"})
    g.case("xp.full/int-to-f64", "xp.full", [(2,), 3], {"dtype": "float64"})
    g.case("xp.full/0d", "xp.full", [(), -2.0])
    g.case("xp.full/negative", "xp.full", [(-2,), 1.0])

    x = rnd((2, 3), F32)
    for name in ("zeros_like", "ones_like"):
        g.case(f"xp.{name}/f32", f"xp.{name}", [x])
        g.case(f"xp.{name}/i32", f"xp.{name}", [rnd((3,), I32)])
        g.case(f"xp.{name}/dtype", f"xp.{name}", [x], {"dtype": "float64"})
    g.case("xp.full_like/f32", "xp.full_like", [x, 2.5])
    g.case("xp.full_like/i64-dtype-f64", "xp.full_like", [rnd((2,), I64), 0.5], {"dtype": "float64"})
    g.case("xp.full_like/bool", "xp.full_like", [rnd((2,), BOOL), True])

    m = rnd((4, 5))
    for name in ("tril", "triu"):
        f = f"xp.{name}"
        for k in (0, 1, -2, 10, -10):
            g.case(f"{f}/k{k}", f, [m], {"k": k})
        g.case(f"{f}/default", f, [rnd((3, 3), I32)])
        g.case(f"{f}/batched", f, [rnd((2, 3, 3))], {"k": -1})
        g.case(f"{f}/empty", f, [np.zeros((0, 3))])

    a, b = rnd((3,)), rnd((2,))
    g.case("xp.meshgrid/xy", "xp.meshgrid", [a, b])
    g.case("xp.meshgrid/ij", "xp.meshgrid", [a, b], {"indexing": "ij"})
    g.case("xp.meshgrid/three-xy", "xp.meshgrid", [a, b, rnd((4,))], {"indexing": "xy"})
    g.case("xp.meshgrid/one", "xp.meshgrid", [a])
    g.case("xp.meshgrid/i64-ij", "xp.meshgrid", [rnd((2,), I64), rnd((3,), I64)], {"indexing": "ij"})
    g.case("xp.meshgrid/bad-indexing", "xp.meshgrid", [a, b], {"indexing": "yx"})
    g.case("xp.meshgrid/sparse-xy", "xp.meshgrid", [a, b, rnd((4,))], {"sparse": True})
    g.case("xp.meshgrid/sparse-ij", "xp.meshgrid", [a, b], {"sparse": True, "indexing": "ij"})
    g.case("xp.meshgrid/sparse-one", "xp.meshgrid", [a], {"sparse": True})

    # astype
    src = {
        "f64": np.array([1.7, -1.7, 0.0, 2.5, -2.5, 300.0, -1.0]),
        "i64": np.array([300, -1, 0, 255, 256, -129, 5], I64),
        "bool": np.array([True, False, True]),
        "c128": np.array([1.5 - 2j, -0.5 + 0j]),
        "f32": np.array([1.25, -3.5, np.inf, np.nan], F32),
        "u8": np.array([0, 200, 255], U8),
    }
    for stag, dtypes in [
        ("f64", ["float32", "int32", "int64", "bool", "complex128", "float64"]),
        ("i64", ["uint8", "int32", "float64", "float32", "bool"]),
        ("bool", ["float64", "int32", "uint8"]),
        ("c128", ["complex64", "float64"]),
        ("f32", ["float64", "complex64"]),
        ("u8", ["int32", "float32", "int64"]),
    ]:
        for dt in dtypes:
            x = src[stag]
            g.case(f"xp.astype/{stag}-to-{dt}", "xp.astype", [x, dt], call=lambda x=x, dt=dt: x.astype(dt))
    g.case("xp.astype/copy-kw", "xp.astype", [src["f64"], "float32"], {"copy": False}, call=lambda: src["f64"].astype("float32"))
    g.case("xp.astype/0d", "xp.astype", [np.float64(2.75), "int64"], call=lambda: np.float64(2.75).astype("int64"))


def add_xp_cases(g: Gen):
    elementwise(g)
    statistical(g)
    manipulation(g)
    indexing(g)
    searching(g)
    sorting(g)
    set_functions(g)
    linear_algebra(g)
    creation(g)
    numpy_spellings(g)


def numpy_spellings(g: Gen):
    """NumPy's older names and keywords for standard functions (fixtures written by others use
    them): the runner maps them to the standard's."""
    x = rnd((2, 3))
    g.case("xp.concatenate/numpy-name", "xp.concatenate", [[x, rnd((1, 3))]], {"axis": 0})
    g.case("xp.power/numpy-name", "xp.power", [rnd((3,), F64, 0.5, 2.0), 3.0], kind="transc")
    g.case("xp.arctan2/numpy-name", "xp.arctan2", [rnd((3,)), rnd((3,))], kind="transc")
    g.case("xp.absolute/numpy-name", "xp.absolute", [rnd((3,), I64)])
    g.case("xp.transpose/default-axes", "xp.transpose", [rnd((2, 3, 4))])
    g.case("xp.transpose/axes", "xp.transpose", [rnd((2, 3, 4))], {"axes": (1, 0, 2)})
    g.case("xp.cumsum/flat", "xp.cumsum", [x], kind="reduce")
    g.case("xp.cumprod/axis1", "xp.cumprod", [x], {"axis": 1}, kind="reduce")
    g.case("xp.where/one-argument", "xp.where", [np.array([[True, False], [False, True]])])
    g.case("xp.asarray/list-f32", "xp.asarray", [[1.5, 2.0, -3.0]], {"dtype": "float32"})
    g.case("xp.asarray/nested-ints", "xp.asarray", [[[1, 2], [3, 4]]])
    g.case("xp.sort/axis-none", "xp.sort", [rnd((2, 3))], {"axis": None})
    g.case("xp.argsort/kind-stable", "xp.argsort", [rnd((5,), I64, -2, 2)], {"kind": "stable"})
    g.case("xp.var/ddof", "xp.var", [x], {"axis": 0, "ddof": 1}, kind="reduce")
    g.case("xp.std/ddof-and-correction", "xp.std", [x], {"ddof": 1, "correction": 1})
    g.case("xp.amax/numpy-name", "xp.amax", [x], {"axis": 1})
    g.case("xp.clip/a_min-a_max", "xp.clip", [x, -0.5, 0.5])
    g.case("xp.eye/N-M", "xp.eye", [], {"N": 2, "M": 3}, call=lambda: np.eye(N=2, M=3))
    g.case("xp.expand_dims/axis-none", "xp.expand_dims", [x], {"axis": None})
