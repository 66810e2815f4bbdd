"""More `scipy.linalg` cases: `ldl`, `rq`, `qr_multiply`, `polar`, `null_space`, `orth`,
`subspace_angles`, `orthogonal_procrustes`, `eig_banded`, `eigvals_banded`, `eigh_tridiagonal`,
`eigvalsh_tridiagonal`, `cholesky_banded`, `cho_solve_banded`, `solve_circulant`, and error
and the outputs SciPy nests or leaves `None`: `lstsq(lapack_driver="gelsy")` (`s` is `None`),
`qr(mode="raw")` (`((h, tau), r[, p])`), `matrix_balance(separate=True)` (`(B, (scale, perm))`),
recorded as nested lists and `null` (the runner flattens both sides to compare).

`ldl`, `rq`, `qr_multiply` and `qr(mode="raw")` are compared as they are (xp reproduces LAPACK's
unblocked pivots and signs). The bases of `orth` / `null_space` are recorded as the projector `Q Q^H` onto the
subspace (the runner, `tests/src/dispatch/linalg_decomp2.rs`, forms the same product);
eigenvectors of `eig_banded` / `eigh_tridiagonal` are compared `columns_up_to_sign`.
"""

from __future__ import annotations

import numpy as np
import scipy.linalg as sl

from common import C64, C128, F32, F64, Gen, rnd, short
from linalg_cases import DTS, TOL, add, herm, spd, well, with_nan

CU = "columns_up_to_sign"


def projector(q):
    q = np.asarray(q)
    return q @ np.conj(np.swapaxes(q, -1, -2))


def to_band_upper(a, k):
    n = a.shape[-1]
    ab = np.zeros(a.shape[:-2] + (k + 1, n), dtype=a.dtype)
    for i in range(k + 1):
        for j in range(i, n):
            ab[..., k - i, j] = a[..., j - i, j]
    return ab


def to_band_lower(a, k):
    n = a.shape[-1]
    ab = np.zeros(a.shape[:-2] + (k + 1, n), dtype=a.dtype)
    for i in range(k + 1):
        for j in range(n - i):
            ab[..., i, j] = a[..., j + i, j]
    return ab


def band_herm(n, k, dt):
    """A Hermitian matrix of bandwidth k with well separated eigenvalues (diagonally dominant)."""
    x = rnd((n, n), dt, -1, 1)
    h = (x + np.conj(x.T)) / 2 + np.diag(np.arange(n) * 3.0)
    h = np.triu(np.tril(h, k), -k)
    return h.astype(dt)


def decomp_cases(g: Gen):
    for dt in DTS:
        s = short(dt)
        h = herm(4, dt)
        sym = (rnd((4, 4), dt) + rnd((4, 4), dt).T)
        sym = ((sym + sym.T) / 2).astype(dt)
        for lower in (True, False):
            add(g, f"{s}-herm-lower{int(lower)}", "ldl", [h], {"lower": lower}, dt=dt)
            add(g, f"{s}-indef-lower{int(lower)}", "ldl", [sym], {"lower": lower, "hermitian": False}, dt=dt)
        for shp in ((4, 4), (3, 5), (5, 3)):
            a = rnd(shp, dt)
            for mode in ("full", "r", "economic"):
                add(g, f"{s}-{shp[0]}x{shp[1]}-{mode}", "rq", [a], {"mode": mode}, dt=dt)
            c = rnd((min(shp), 2), dt)
            cr = rnd((2, shp[0]), dt)
            for piv in (False, True):
                add(g, f"{s}-{shp[0]}x{shp[1]}-left-piv{int(piv)}", "qr_multiply", [a, c],
                    {"mode": "left", "pivoting": piv}, dt=dt)
            add(g, f"{s}-{shp[0]}x{shp[1]}-right", "qr_multiply", [a, cr], dt=dt)
            add(g, f"{s}-{shp[0]}x{shp[1]}-right-conj", "qr_multiply", [a, cr], {"conjugate": True}, dt=dt)
        for shp in ((4, 4), (5, 3), (3, 5)):
            a = rnd(shp, dt)
            for side in ("right", "left"):
                if shp[0] < shp[1] and side == "right" or shp[0] > shp[1] and side == "left":
                    continue  # (p is singular: u not unique)
                add(g, f"{s}-{shp[0]}x{shp[1]}-{side}", "polar", [a], {"side": side}, dt=dt)
    # ldl edge shapes / keywords / errors
    add(g, "1x1", "ldl", [np.array([[-3.0]])])
    add(g, "empty", "ldl", [np.zeros((0, 0))])
    add(g, "2x2-pivot", "ldl", [np.array([[0.0, 1.0], [1.0, 0.0]])])
    add(g, "int", "ldl", [np.array([[2, 1], [1, -3]], dtype=np.int64)])
    add(g, "all-keywords", "ldl", [herm(3)], {"lower": False, "hermitian": True, "overwrite_a": True,
                                             "check_finite": False})
    add(g, "positional", "ldl", [herm(3), True, True, False, True])
    add(g, "err-non-square", "ldl", [rnd((3, 4))])
    add(g, "err-nan", "ldl", [with_nan(herm(3))])
    add(g, "err-1d", "ldl", [rnd((3,))])
    # rq
    add(g, "1x1", "rq", [np.array([[-2.0]])])
    add(g, "int", "rq", [np.arange(6, dtype=np.int64).reshape(2, 3)])
    add(g, "batch", "rq", [rnd((2, 3, 4))])
    add(g, "all-keywords", "rq", [rnd((3, 3))], {"overwrite_a": True, "lwork": None, "mode": "full",
                                                 "check_finite": False})
    add(g, "lwork", "rq", [rnd((3, 4))], {"lwork": 32})
    add(g, "err-mode", "rq", [rnd((3, 3))], {"mode": "raw"})
    add(g, "err-nan", "rq", [with_nan(rnd((3, 3)))])
    add(g, "err-1d", "rq", [rnd((3,))])
    # qr_multiply
    a = rnd((4, 3))
    add(g, "vec-left", "qr_multiply", [a, rnd((3,))], {"mode": "left"})
    add(g, "vec-right", "qr_multiply", [a, rnd((4,))])
    # (with overwrite_c=True SciPy's left mode wants `c` of M rows, else K rows: a square `a`)
    add(g, "all-keywords", "qr_multiply", [rnd((4, 4)), rnd((4, 2))],
        {"mode": "left", "pivoting": False, "conjugate": False, "overwrite_a": True, "overwrite_c": True})
    add(g, "err-mode", "qr_multiply", [a, rnd((4, 2))], {"mode": "up"})
    add(g, "err-shape", "qr_multiply", [a, rnd((5, 2))], {"mode": "left"})
    add(g, "err-nan", "qr_multiply", [with_nan(a), rnd((4, 2))], {"mode": "left"})
    add(g, "batch", "qr_multiply", [rnd((2, 3, 3)), rnd((3, 2))], {"mode": "left"})
    # polar
    add(g, "1x1", "polar", [np.array([[-2.0]])])
    add(g, "int", "polar", [np.array([[2, 1], [0, 3]], dtype=np.int64)])
    add(g, "positional", "polar", [rnd((3, 3)), "left"])
    add(g, "err-side", "polar", [rnd((3, 3))], {"side": "up"})
    add(g, "err-1d", "polar", [rnd((3,))])
    # qr raw / matrix_balance separate: only rejections (nested outputs are not expressible)
    add(g, "raw-err-nan", "qr", [with_nan(rnd((3, 3)))], {"mode": "raw"})
    add(g, "raw-err-1d", "qr", [rnd((3,))], {"mode": "raw"})
    add(g, "separate-err-nan", "matrix_balance", [with_nan(rnd((3, 3)))], {"separate": True})


def subspace_cases(g: Gen):
    def proj(res):
        return projector(res)

    for dt in DTS:
        s = short(dt)
        a = rnd((5, 3), dt)
        deficient = np.column_stack([a, a[:, 0] + a[:, 1]]).astype(dt)
        for tag, x in (("5x3", a), ("3x5", a.T.copy()), ("deficient", deficient)):
            add(g, f"{s}-{tag}", "orth", [x], post=proj, dt=dt)
            add(g, f"{s}-{tag}", "null_space", [x], post=proj, dt=dt)
        b = rnd((5, 2), dt)
        add(g, f"{s}", "subspace_angles", [a, b], dt=dt)
        add(g, f"{s}-same", "subspace_angles", [a, a @ rnd((3, 3), dt)], dt=dt, tol=(1e-3, 1e-3) if dt in (F32, C64) else (1e-7, 1e-7))
        add(g, f"{s}", "orthogonal_procrustes", [rnd((4, 3), dt), rnd((4, 3), dt)], dt=dt)
    a = rnd((5, 3))
    deficient = np.column_stack([a, a[:, 0] + a[:, 1]])
    add(g, "rcond", "orth", [deficient], {"rcond": 0.5}, post=proj)
    add(g, "rcond", "null_space", [deficient], {"rcond": 0.5}, post=proj)
    add(g, "zeros", "orth", [np.zeros((3, 2))], post=proj)
    add(g, "zeros", "null_space", [np.zeros((3, 2))], post=proj)
    add(g, "int", "orth", [np.array([[1, 2], [2, 4], [0, 1]], dtype=np.int64)], post=proj)
    add(g, "batch", "null_space", [rnd((2, 2, 4))], post=proj)
    add(g, "batch", "orth", [rnd((2, 4, 2))], post=proj)
    add(g, "all-keywords", "null_space", [deficient],
        {"rcond": None, "overwrite_a": True, "check_finite": False, "lapack_driver": "gesdd"}, post=proj)
    add(g, "driver-gesvd", "null_space", [deficient], {"lapack_driver": "gesvd"}, post=proj)
    add(g, "err-nan", "orth", [with_nan(a)])
    add(g, "err-nan", "null_space", [with_nan(a)])
    add(g, "err-1d", "null_space", [rnd((3,))])
    add(g, "vectors", "subspace_angles", [rnd((4, 1)), rnd((4, 1))])
    # (a 2-D and a 3-D subspace of R^4 share a direction: an angle of 0 that SciPy's algorithm
    # takes as arccos(sigma) with sigma within an ulp of 1, so known to about sqrt(eps) only)
    add(g, "batch", "subspace_angles", [rnd((2, 4, 2)), rnd((2, 4, 3))], tol=(1e-9, 1e-7))
    add(g, "err-rows", "subspace_angles", [rnd((4, 2)), rnd((5, 2))])
    add(g, "err-nan", "subspace_angles", [with_nan(rnd((4, 2))), rnd((4, 2))])
    add(g, "square", "orthogonal_procrustes", [rnd((3, 3)), rnd((3, 3))])
    add(g, "batch", "orthogonal_procrustes", [rnd((2, 4, 2)), rnd((2, 4, 2))])
    add(g, "all-keywords", "orthogonal_procrustes", [rnd((4, 2)), rnd((4, 2))], {"check_finite": False})
    add(g, "err-shape", "orthogonal_procrustes", [rnd((4, 2)), rnd((4, 3))])
    add(g, "err-nan", "orthogonal_procrustes", [with_nan(rnd((4, 2))), rnd((4, 2))])


def banded_eig_cases(g: Gen):
    for dt in DTS:
        s = short(dt)
        h = band_herm(6, 2, dt)
        up, lo = to_band_upper(h, 2), to_band_lower(h, 2)
        add(g, f"{s}-upper", "eig_banded", [up], dt=dt, compare=CU)
        add(g, f"{s}-lower", "eig_banded", [lo], {"lower": True}, dt=dt, compare=CU)
        add(g, f"{s}-eigvals_only", "eig_banded", [up], {"eigvals_only": True}, dt=dt)
        add(g, f"{s}-select-i", "eig_banded", [up], {"select": "i", "select_range": (1, 3)}, dt=dt, compare=CU)
        add(g, f"{s}-select-v", "eig_banded", [lo], {"lower": True, "select": "v", "select_range": (2.0, 9.0)},
            dt=dt, compare=CU)
        add(g, f"{s}-upper", "eigvals_banded", [up], dt=dt)
        add(g, f"{s}-lower", "eigvals_banded", [lo], {"lower": True}, dt=dt)
        add(g, f"{s}-select-i", "eigvals_banded", [up], {"select": "i", "select_range": (0, 2)}, dt=dt)
        p = spd(5, dt)
        p = np.triu(np.tril(p, 1), -1).astype(dt)
        p = (p + 5 * np.eye(5, dtype=dt)).astype(dt)
        pu, pl = to_band_upper(p, 1), to_band_lower(p, 1)
        add(g, f"{s}-upper", "cholesky_banded", [pu], dt=dt)
        add(g, f"{s}-lower", "cholesky_banded", [pl], {"lower": True}, dt=dt)
        for lower, ab in ((False, pu), (True, pl)):
            cb = sl.cholesky_banded(ab, lower=lower)
            add(g, f"{s}-lower{int(lower)}-vec", "cho_solve_banded", [(cb, lower), rnd((5,), dt)], dt=dt)
            add(g, f"{s}-lower{int(lower)}-mat", "cho_solve_banded", [(cb, lower), rnd((5, 2), dt)], dt=dt)
        c = rnd((4,), dt)
        c[0] = 8
        add(g, f"{s}-vec", "solve_circulant", [c, rnd((4,), dt)], dt=dt)
        add(g, f"{s}-mat", "solve_circulant", [c, rnd((4, 3), dt)], dt=dt)
    for dt in (F32, F64):
        s = short(dt)
        d, e = rnd((5,), dt), rnd((4,), dt)
        add(g, f"{s}", "eigh_tridiagonal", [d, e], dt=dt, compare=CU)
        add(g, f"{s}-eigvals_only", "eigh_tridiagonal", [d, e], {"eigvals_only": True}, dt=dt)
        add(g, f"{s}-select-i", "eigh_tridiagonal", [d, e], {"select": "i", "select_range": (1, 2)}, dt=dt, compare=CU)
        add(g, f"{s}-select-v", "eigh_tridiagonal", [d, e], {"select": "v", "select_range": (-1.0, 2.0)}, dt=dt,
            compare=CU)
        add(g, f"{s}", "eigvalsh_tridiagonal", [d, e], dt=dt)
        for drv in ("stemr", "stebz", "sterf", "stev"):
            add(g, f"{s}-{drv}", "eigvalsh_tridiagonal", [d, e], {"lapack_driver": drv}, dt=dt)
        add(g, f"{s}-select-v", "eigvalsh_tridiagonal", [d, e], {"select": "v", "select_range": (-1.0, 2.0)}, dt=dt)
    d, e = rnd((5,)), rnd((4,))
    for drv in ("stemr", "stebz", "stev"):
        add(g, f"driver-{drv}", "eigh_tridiagonal", [d, e], {"lapack_driver": drv}, compare=CU)
    add(g, "1x1", "eigh_tridiagonal", [np.array([2.0]), np.zeros(0)], compare=CU)
    add(g, "int", "eigvalsh_tridiagonal", [np.array([1, 2, 3], dtype=np.int64), np.array([1, 1], dtype=np.int64)])
    add(g, "tol", "eigvalsh_tridiagonal", [d, e], {"tol": 1e-10, "lapack_driver": "stebz"})
    add(g, "all-keywords", "eigh_tridiagonal", [d, e],
        {"eigvals_only": False, "select": "a", "select_range": None, "check_finite": False, "tol": 0.0,
         "lapack_driver": "auto"}, compare=CU)
    add(g, "err-complex", "eigh_tridiagonal", [rnd((3,), C128), rnd((2,), C128)])
    add(g, "err-shape", "eigh_tridiagonal", [d, rnd((5,))])
    add(g, "err-nan", "eigvalsh_tridiagonal", [with_nan(d), e])
    add(g, "err-sterf-select", "eigvalsh_tridiagonal", [d, e], {"lapack_driver": "sterf", "select": "i",
                                                                "select_range": (0, 1)})
    add(g, "err-sterf-vectors", "eigh_tridiagonal", [d, e], {"lapack_driver": "sterf"})
    add(g, "err-driver", "eigh_tridiagonal", [d, e], {"lapack_driver": "syevd"})
    add(g, "err-select", "eigvalsh_tridiagonal", [d, e], {"select": "x"})
    h = band_herm(5, 1, F64)
    up = to_band_upper(h, 1)
    add(g, "select-int", "eig_banded", [up], {"select": 2, "select_range": [0, 1]}, compare=CU)
    add(g, "max_ev", "eig_banded", [up], {"select": "v", "select_range": (-100.0, 100.0), "max_ev": 5}, compare=CU)
    add(g, "int", "eigvals_banded", [np.array([[0, 1, 1], [2, 3, 4]], dtype=np.int64)])
    add(g, "diag-1row", "eig_banded", [np.array([[3.0, 1.0, 2.0]])], compare=CU)
    add(g, "all-keywords", "eig_banded", [up],
        {"lower": False, "eigvals_only": False, "overwrite_a_band": True, "select": "a", "select_range": None,
         "max_ev": 0, "check_finite": False}, compare=CU)
    add(g, "all-keywords", "eigvals_banded", [up],
        {"lower": False, "overwrite_a_band": False, "select": "i", "select_range": (1, 1), "check_finite": True})
    add(g, "err-nan", "eig_banded", [with_nan(up)])
    add(g, "err-select", "eig_banded", [up], {"select": "q"})
    add(g, "err-range", "eigvals_banded", [up], {"select": "i", "select_range": (3, 9)})
    p = np.array([[4.0, 1.0, 0.0], [1.0, 4.0, 1.0], [0.0, 1.0, 4.0]])
    pu = to_band_upper(p, 1)
    add(g, "batch", "cholesky_banded", [np.stack([pu, 2 * pu])])
    add(g, "all-keywords", "cholesky_banded", [pu], {"overwrite_ab": True, "lower": False, "check_finite": False})
    add(g, "err-not-pd", "cholesky_banded", [np.array([[0.0, 2.0], [1.0, 1.0]])])
    add(g, "err-nan", "cholesky_banded", [with_nan(pu)])
    cb = sl.cholesky_banded(pu)
    add(g, "all-keywords", "cho_solve_banded", [(cb, False), rnd((3,))], {"overwrite_b": True, "check_finite": False})
    add(g, "batch-b", "cho_solve_banded", [(cb, False), rnd((3, 2))])
    add(g, "err-shape", "cho_solve_banded", [(cb, False), rnd((4,))])
    add(g, "err-nan", "cho_solve_banded", [(cb, False), np.array([1.0, np.nan, 0.0])])
    c = np.array([2.0, 1.0, 0.0, 1.0])  # eigenvalues 4, 2, 0, 2: singular
    add(g, "singular-lstsq", "solve_circulant", [c, rnd((4,))], {"singular": "lstsq"})
    add(g, "err-singular", "solve_circulant", [c, rnd((4,))])
    add(g, "tol", "solve_circulant", [np.array([5.0, 1.0, 0.0, 1.0]), rnd((4,))], {"tol": 1e-3})
    add(g, "batch", "solve_circulant", [rnd((2, 3)) + np.array([5.0, 0, 0]), rnd((3, 2))], {"baxis": 0})
    add(g, "axes", "solve_circulant", [(rnd((3, 2)) + np.array([[5.0], [0], [0]])), rnd((2, 3))],
        {"caxis": 0, "baxis": 1, "outaxis": 1})
    add(g, "int", "solve_circulant", [np.array([3, 1, 0], dtype=np.int64), np.array([1, 2, 3], dtype=np.int64)])
    add(g, "err-shape", "solve_circulant", [np.array([5.0, 1.0, 0.0]), rnd((4,))])
    add(g, "all-keywords", "solve_circulant", [np.array([5.0, 1.0, 0.0]), rnd((3,))],
        {"singular": "raise", "tol": None, "caxis": -1, "baxis": 0, "outaxis": 0})


def add_linalg_more_cases(g: Gen):
    decomp_cases(g)
    subspace_cases(g)
    banded_eig_cases(g)
    xp_linalg_cases(g)
    qz_cases(g)
    extra_cases(g)
    schur_more_cases(g)
    nested_output_cases(g)


def xp_linalg_cases(g: Gen):
    """`xp.linalg.*` (the array API's names and keywords; NumPy's results). Factors that are not
    unique go through the canonical forms of `linalg_cases.py` (also applied by the runner)."""
    from linalg_cases import canon_qr, canon_svd

    def case(cid, name, args, kwargs=None, call=None, dt=F64, compare=None, tol=None):
        kwargs = dict(kwargs or {})
        g.case(f"xp.linalg.{name}/{cid}", f"xp.linalg.{name}", list(args), kwargs, call=call,
               compare=compare, tol=tol or TOL[dt])

    def npkw(name, kwargs):
        if name == "cholesky" and kwargs.get("upper"):
            return lambda *a: np.conj(np.swapaxes(np.linalg.cholesky(*a), -1, -2))
        return lambda *a: getattr(np.linalg, name)(*a, **kwargs)

    for dt in DTS:
        s = short(dt)
        p = spd(4, dt)
        for upper in (False, True):
            case(f"{s}-upper{int(upper)}", "cholesky", [p], {"upper": upper},
                 call=lambda p=p, u=upper: npkw("cholesky", {"upper": u})(p), dt=dt)
        h = herm(4, dt)
        case(f"{s}", "eigh", [h], call=lambda h=h: tuple(np.linalg.eigh(h)), dt=dt, compare=CU)
        case(f"{s}", "eigvalsh", [h], call=lambda h=h: np.linalg.eigvalsh(h), dt=dt)
        a, b = well(4, dt), rnd((4, 2), dt)
        case(f"{s}", "solve", [a, b], call=lambda a=a, b=b: np.linalg.solve(a, b), dt=dt)
        case(f"{s}-vec", "solve", [a, b[:, 0].copy()], call=lambda a=a, b=b: np.linalg.solve(a, b[:, 0]), dt=dt)
        case(f"{s}", "inv", [a], call=lambda a=a: np.linalg.inv(a), dt=dt)
        case(f"{s}", "det", [a], call=lambda a=a: np.linalg.det(a), dt=dt)
        for shp in ((4, 3), (3, 4)):
            x = rnd(shp, dt)
            tag = f"{s}-{shp[0]}x{shp[1]}"
            for full in (True, False):
                def svd_call(x=x, full=full):
                    u, sv, vh = np.linalg.svd(x, full_matrices=full)
                    u, vh = canon_svd(u, vh)
                    return u, sv, vh
                case(f"{tag}-full{int(full)}", "svd", [x], {"full_matrices": full}, call=svd_call, dt=dt)
            case(tag, "svdvals", [x], call=lambda x=x: np.linalg.svdvals(x), dt=dt)
            for mode in ("reduced", "complete", "r"):
                def qr_call(x=x, mode=mode):
                    res = np.linalg.qr(x, mode=mode)
                    if mode == "r":
                        return canon_qr(None, res)[1]
                    return canon_qr(res[0], res[1])
                case(f"{tag}-{mode}", "qr", [x], {"mode": mode}, call=qr_call, dt=dt)
            case(tag, "pinv", [x], call=lambda x=x: np.linalg.pinv(x), dt=dt)
            case(tag, "matrix_transpose", [x], call=lambda x=x: np.linalg.matrix_transpose(x), dt=dt)
    x = rnd((5, 3))
    d = np.column_stack([x, x[:, 0] + x[:, 1]])
    case("rtol", "pinv", [d], {"rtol": 0.3}, call=lambda: np.linalg.pinv(d, rtol=0.3))
    wb = well(3, F64, (2,))
    case("batch", "inv", [wb], call=lambda: np.linalg.inv(wb))
    case("batch", "det", [wb], call=lambda: np.linalg.det(wb))
    sb = spd(3, F64, (2,))
    case("batch", "cholesky", [sb], call=lambda: np.linalg.cholesky(sb))
    case("batch", "eigvalsh", [sb], call=lambda: np.linalg.eigvalsh(sb))
    bb = rnd((2, 3, 2))
    case("batch", "solve", [wb, bb], call=lambda: np.linalg.solve(wb, bb))
    case("int", "matrix_transpose", [np.arange(6, dtype=np.int64).reshape(2, 3)],
         call=lambda: np.linalg.matrix_transpose(np.arange(6, dtype=np.int64).reshape(2, 3)))
    case("batch", "matrix_transpose", [bb], call=lambda: np.linalg.matrix_transpose(bb))
    case("err-not-pd", "cholesky", [np.array([[1.0, 2.0], [2.0, 1.0]])],
         call=lambda: np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]])))
    case("err-singular", "inv", [np.zeros((2, 2))], call=lambda: np.linalg.inv(np.zeros((2, 2))))
    case("err-singular", "solve", [np.zeros((2, 2)), np.ones(2)], call=lambda: np.linalg.solve(np.zeros((2, 2)), np.ones(2)))
    case("err-1d", "matrix_transpose", [np.ones(3)], call=lambda: np.linalg.matrix_transpose(np.ones(3)))
    case("err-non-square", "det", [rnd((2, 3))], call=lambda: np.linalg.det(np.ones((2, 3))))


# ---------------------------------------------------------------------------------------------
# qz / ordqz: the factors are unique only up to the eigenvalue order and unitary changes within
# blocks, so both sides are compared through invariants (mirrored in linalg_decomp2.rs):
# `Q AA Z^H`, `Q BB Z^H`, `Q^H Q`, `Z^H Z`, the part of `AA` below its first subdiagonal (below
# the diagonal for complex output), the part of `BB` below its diagonal; for `ordqz` also the
# ratios `alpha / beta` with the leading selected ones and the rest each sorted, and whether each
# position holds a selected eigenvalue.

def _ct(x):
    return np.conj(np.swapaxes(x, -1, -2))


def _qz_invariants(aa, bb, q, z, complex_out):
    k = -1 if complex_out else -2
    low_a = aa - np.triu(aa, k + 1)
    return (q @ aa @ _ct(z), q @ bb @ _ct(z), _ct(q) @ q, _ct(z) @ z, low_a, bb - np.triu(bb))


def _selects(sort, x):
    return {"lhp": x.real < 0, "rhp": x.real > 0, "iuc": abs(x) < 1, "ouc": abs(x) > 1}[sort]


def _ordqz_canon(sort, complex_out):
    def post(res):
        aa, bb, alpha, beta, q, z = res
        x = np.asarray(alpha) / np.asarray(beta)
        key = lambda v: (round(v.real, 6), round(v.imag, 6))  # noqa: E731
        flat = x.reshape(-1, x.shape[-1])
        sel = np.array([[bool(_selects(sort, v)) for v in row] for row in flat]).reshape(x.shape)
        ordered = []
        for row, srow in zip(flat, sel.reshape(flat.shape)):
            k = int(srow.sum())
            ordered.append(sorted(row[:k], key=key) + sorted(row[k:], key=key))
        ordered = np.array(ordered, dtype=np.complex128).reshape(x.shape)
        return _qz_invariants(aa, bb, q, z, complex_out) + (ordered, sel)
    return post


def qz_cases(g: Gen):
    from linalg_cases import eigmat

    for dt in DTS:
        s = short(dt)
        a, b = eigmat(4, dt), spd(4, dt)
        for out in ("real", "complex"):
            if dt in (C64, C128) and out == "real":
                continue
            cplx = out == "complex" or dt in (C64, C128)
            add(g, f"{s}-{out}", "qz", [a, b], {"output": out},
                post=lambda r, c=cplx: _qz_invariants(*r, c), dt=dt)
            for srt in ("lhp", "rhp", "iuc", "ouc"):
                add(g, f"{s}-{out}-{srt}", "ordqz", [a, b], {"sort": srt, "output": out},
                    post=_ordqz_canon(srt, cplx), dt=dt)
    a, b = eigmat(3), spd(3)
    add(g, "pair", "qz", [eigmat(4, F64, True), spd(4)], post=lambda r: _qz_invariants(*r, False))
    add(g, "all-keywords", "qz", [a, b], {"output": "real", "lwork": None, "sort": None, "overwrite_a": True,
                                         "overwrite_b": True, "check_finite": False},
        post=lambda r: _qz_invariants(*r, False))
    add(g, "all-keywords", "ordqz", [a, b], {"sort": "iuc", "output": "real", "overwrite_a": False,
                                            "overwrite_b": False, "check_finite": True},
        post=_ordqz_canon("iuc", False))
    ab = np.stack([eigmat(3), eigmat(3, F64, True)])
    bb = np.stack([spd(3), spd(3)])
    add(g, "batch", "qz", [ab, bb], post=lambda r: _qz_invariants(*r, False))
    add(g, "batch-complex", "qz", [ab, bb], {"output": "complex"}, post=lambda r: _qz_invariants(*r, True))
    add(g, "batch", "ordqz", [ab, bb], {"sort": "iuc"}, post=_ordqz_canon("iuc", False))
    add(g, "batch-complex", "ordqz", [ab, bb], {"sort": "rhp", "output": "complex"}, post=_ordqz_canon("rhp", True))
    add(g, "err-sort-string", "qz", [a, b], {"sort": "lhp"})
    add(g, "err-shape", "qz", [a, spd(4)])
    add(g, "err-nan", "qz", [with_nan(a), b])
    add(g, "err-output", "qz", [a, b], {"output": "quaternion"})
    add(g, "err-sort", "ordqz", [a, b], {"sort": "up"})
    add(g, "err-nan", "ordqz", [with_nan(a), b])
    add(g, "err-non-square", "ordqz", [rnd((3, 4)), rnd((3, 4))])


def extra_cases(g: Gen):
    """Batches (where SciPy 1.17 batches), empty shapes, `pinvh(return_rank=True)`."""
    hb = np.stack([herm(3), herm(3) - 2 * np.eye(3)])
    add(g, "batch", "ldl", [hb])
    add(g, "batch", "polar", [rnd((2, 3, 3))])
    add(g, "batch-tall", "polar", [rnd((2, 3, 2))], {"side": "right"})
    ab = np.stack([to_band_upper(band_herm(4, 1, F64), 1), to_band_upper(band_herm(4, 1, F64), 1)])
    add(g, "batch", "eigvals_banded", [ab])
    add(g, "batch", "eig_banded", [ab], compare=CU)
    p = np.array([[4.0, 1.0, 0.0], [1.0, 4.0, 1.0], [0.0, 1.0, 4.0]])
    cb = sl.cholesky_banded(to_band_upper(p, 1))
    add(g, "batch-b3", "cho_solve_banded", [(cb, False), rnd((2, 3, 1))])
    add(g, "empty", "solve_circulant", [np.zeros(0), np.zeros(0)])
    add(g, "empty", "polar", [np.zeros((0, 0))])
    add(g, "empty", "rq", [np.zeros((0, 3))])
    add(g, "empty", "null_space", [np.zeros((0, 3))], post=projector)
    add(g, "empty", "orth", [np.zeros((3, 0))], post=projector)
    add(g, "empty", "qr_multiply", [np.zeros((0, 0)), np.zeros((0, 0))])
    add(g, "empty", "orthogonal_procrustes", [np.zeros((0, 2)), np.zeros((0, 2))])
    add(g, "empty", "subspace_angles", [np.zeros((3, 0)), np.ones((3, 1))])
    add(g, "empty", "cholesky_banded", [np.zeros((2, 0))])
    add(g, "empty", "eig_banded", [np.zeros((2, 0))], compare=CU)
    add(g, "err-empty", "eigh_tridiagonal", [np.zeros(0), np.zeros(0)])
    add(g, "1x1-complex", "polar", [np.array([[2.0 + 1.0j]])], dt=C128)
    h = herm(4)
    hd = h - np.linalg.eigvalsh(h)[1] * np.eye(4)
    for dt in DTS:
        add(g, f"{short(dt)}-return_rank", "pinvh", [herm(4, dt)], {"return_rank": True}, dt=dt)
    add(g, "return_rank-deficient", "pinvh", [hd], {"return_rank": True})
    add(g, "return_rank-upper-noise", "pinvh", [hd + np.tril(rnd((4, 4)), -1)], {"return_rank": True, "lower": False})
    add(g, "return_rank-atol", "pinvh", [h], {"return_rank": True, "atol": 1.0})


def schur_more_cases(g: Gen):
    """`schur` of real input with `output="complex"` and a string `sort` (with `sdim`)."""
    from linalg_cases import canon_schur, eigmat

    def ps(res):
        return canon_schur(res[0], res[1], res[2]) + (res[2],)

    for dt in (F32, F64):
        a = eigmat(4, dt, True)
        for srt in ("lhp", "rhp", "iuc", "ouc"):
            add(g, f"more-{short(dt)}-real-input-complex-{srt}", "schur", [a], {"output": "complex", "sort": srt},
                post=ps, dt=dt)


def nested_output_cases(g: Gen):
    """`lstsq` with `lapack_driver="gelsy"` (and the per-driver reading of `cond`, zero-size
    problems), `qr(mode="raw")`, `matrix_balance(separate=True)`. Inputs come from a local
    generator so that the cases above keep their inputs."""
    rng = np.random.default_rng(20250611)

    def r(shape, dt=F64, lo=-3.0, hi=3.0):
        x = rng.uniform(lo, hi, shape)
        if np.dtype(dt).kind == "c":
            x = x + 1j * rng.uniform(lo, hi, shape)
        return x.astype(dt)

    def ints(shape, dt=F64):
        """Small integers: exact linear combinations stay exact."""
        x = np.round(rng.uniform(-3, 3, shape))
        if np.dtype(dt).kind == "c":
            x = x + 1j * np.round(rng.uniform(-3, 3, shape))
        return x.astype(dt)

    # lstsq, gelsy: full rank (tall, square, wide; vector and matrix b)
    gy = {"lapack_driver": "gelsy"}
    for dt in DTS:
        for m, n in ((7, 3), (4, 4), (3, 5)):
            a = r((m, n), dt)
            add(g, f"gelsy-{short(dt)}-{m}x{n}-vec", "lstsq", [a, r((m,), dt)], gy, dt=dt)
            add(g, f"gelsy-{short(dt)}-{m}x{n}-mat", "lstsq", [a, r((m, 2), dt)], gy, dt=dt)
        # exactly rank 2 (small integers: c2 = c0 + c1, c3 = c0 - c1 exactly), with a cut-off
        # well above rounding (the rank of an exactly deficient matrix under the default
        # cond = eps is decided by rounding noise, in SciPy as in xp)
        c = ints((6, 2), dt)
        deficient = np.column_stack([c[:, 0], c[:, 1], c[:, 0] + c[:, 1], c[:, 0] - c[:, 1]]).astype(dt)
        cut = 1e-4 if dt in (F32, C64) else 1e-10
        for drv in ("gelsy", "gelsd"):
            add(g, f"{drv}-{short(dt)}-rank2-tall", "lstsq", [deficient, r((6,), dt)],
                {"lapack_driver": drv, "cond": cut}, dt=dt)
            add(g, f"{drv}-{short(dt)}-rank2-wide", "lstsq", [deficient.T.copy(), r((4, 2), dt)],
                {"lapack_driver": drv, "cond": cut}, dt=dt)
    # default cond, exactly deficient without rounding: a zero column and a zero row block
    blk = np.zeros((5, 4))
    blk[:3, :2] = r((3, 2))
    blk[:3, 3] = r((3,))
    add(g, "gelsy-zero-column", "lstsq", [blk, r((5,))], gy)
    add(g, "gelsy-zero-column-mat", "lstsq", [blk.T.copy(), r((4, 3))], gy)
    add(g, "gelsy-zero-matrix", "lstsq", [np.zeros((4, 3)), r((4,))], gy)
    # cond read per driver: gelsy keeps the first column for cond >= 1 and everything for
    # cond <= 0; gelss drops everything for cond >= 1; gelsd reads cond outside (0, 1) as eps
    a = r((6, 4))
    scaled = a * np.array([1.0, 1e-2, 1e-4, 1e-6])
    for c in (0.5, 1e-3, 2.0, 0.0, -1.0):
        for drv in ("gelsy", "gelsd", "gelss"):
            add(g, f"{drv}-cond{c}", "lstsq", [scaled, r((6,))], {"lapack_driver": drv, "cond": c})
    add(g, "gelsy-int", "lstsq", [np.array([[1, 2], [3, 4], [5, 7]]), np.array([1, 0, 2])], gy)
    add(g, "gelsy-f32-f64", "lstsq", [r((5, 3), F32), r((5,))], gy)
    add(g, "gelsy-positional", "lstsq", [a, r((6,)), None, False, False, True, "gelsy"])
    add(g, "gelsy-all-keywords", "lstsq", [a, r((6, 2))],
        {"cond": 1e-8, "overwrite_a": True, "overwrite_b": True, "check_finite": False, "lapack_driver": "gelsy"})
    add(g, "gelsy-err-nan", "lstsq", [with_nan(a), r((6,))], gy)
    add(g, "gelsy-err-shape", "lstsq", [a, r((5,))], gy)
    add(g, "err-driver", "lstsq", [a, r((6,))], {"lapack_driver": "gelsx"})
    # the QR-first path of gelsd (M >= 2N), also complex and single precision
    for dt in DTS:
        add(g, f"gelsd-{short(dt)}-tall-12x3", "lstsq", [r((12, 3), dt), r((12, 2), dt)], dt=dt)
        add(g, f"gelss-{short(dt)}-tall-9x2", "lstsq", [r((9, 2), dt), r((9,), dt)], {"lapack_driver": "gelss"},
            dt=dt)
    # zero-size problems (SciPy answers before calling LAPACK, whatever the driver)
    for drv in ("gelsd", "gelsy"):
        for dt in (F32, C128):
            add(g, f"{drv}-{short(dt)}-empty-0x3", "lstsq", [np.zeros((0, 3), dt), np.zeros((0,), dt)],
                {"lapack_driver": drv}, dt=dt)
            add(g, f"{drv}-{short(dt)}-empty-3x0", "lstsq", [np.zeros((3, 0), dt), r((3, 2), dt)],
                {"lapack_driver": drv}, dt=dt)
            add(g, f"{drv}-{short(dt)}-empty-0x0", "lstsq", [np.zeros((0, 0), dt), np.zeros((0,), dt)],
                {"lapack_driver": drv}, dt=dt)

    # SciPy's batching of lstsq (broadcast batch shapes; b is (..., M, K) from 2-D on)
    add(g, "batch-mat", "lstsq", [r((2, 5, 3)), r((2, 5, 2))])
    add(g, "batch-vec-b", "lstsq", [r((2, 5, 3)), r((5,))])
    add(g, "batch-b-only", "lstsq", [r((5, 3)), r((3, 5, 2))], {"lapack_driver": "gelss"})
    add(g, "batch-broadcast", "lstsq", [r((2, 1, 4, 3)), r((3, 4, 1))])
    add(g, "batch-wide-c128", "lstsq", [r((2, 3, 5), C128), r((2, 3, 2), C128)], dt=C128)
    add(g, "batch-f32", "lstsq", [r((3, 4, 4), F32), r((3, 4, 2), F32)], dt=F32)
    add(g, "batch-err-2d-b", "lstsq", [r((2, 5, 3)), r((2, 5))])
    add(g, "batch-err-ranks", "lstsq", [np.stack([r((4, 2)), np.zeros((4, 2))]), r((2, 4, 1))])

    # qr(mode="raw"): LAPACK's geqrf / geqp3 output, compared as it is
    for dt in DTS:
        for shp in ((4, 4), (5, 3), (3, 5)):
            a = r(shp, dt)
            for piv in (False, True):
                add(g, f"raw-{short(dt)}-{shp[0]}x{shp[1]}-piv{int(piv)}", "qr", [a],
                    {"mode": "raw", "pivoting": piv}, dt=dt, nested=True)
    zc = r((4, 3))
    zc[:, 1] = 0.0
    add(g, "raw-zero-column", "qr", [zc], {"mode": "raw"}, nested=True)
    add(g, "raw-zero-column-piv", "qr", [zc], {"mode": "raw", "pivoting": True}, nested=True)
    add(g, "raw-1x1", "qr", [np.array([[-3.0]])], {"mode": "raw"}, nested=True)
    add(g, "raw-int", "qr", [np.array([[1, 2], [3, 4], [5, 6]])], {"mode": "raw"}, nested=True)
    add(g, "raw-empty-0x3", "qr", [np.zeros((0, 3))], {"mode": "raw"}, nested=True)
    add(g, "raw-empty-3x0-piv", "qr", [np.zeros((3, 0))], {"mode": "raw", "pivoting": True}, nested=True)
    add(g, "raw-all-keywords", "qr", [r((4, 3))],
        {"overwrite_a": True, "lwork": None, "mode": "raw", "pivoting": True, "check_finite": False}, nested=True)
    add(g, "raw-positional", "qr", [r((3, 3)), False, None, "raw", False, True], nested=True)
    add(g, "raw-err-batch", "qr", [r((2, 3, 3))], {"mode": "raw"}, nested=True)

    # matrix_balance(separate=True): (B, (scale, perm)); a stack gets (..., 2, N) float64
    m = np.array([[1.0, 0.0, 0.0], [1e3, 2.0, 1e-3], [1e4, 5.0, 3.0]])
    for dt in DTS:
        add(g, f"separate-{short(dt)}", "matrix_balance",
            [np.array([[1, 100, 1e4], [0.01, 1, 100], [1e-4, 0.01, 1]]).astype(dt)], {"separate": True}, dt=dt,
            nested=True)
    for perm in (False, True):
        for sc in (False, True):
            add(g, f"separate-permute{int(perm)}-scale{int(sc)}", "matrix_balance", [m],
                {"permute": perm, "scale": sc, "separate": True}, nested=True)
    add(g, "separate-batch", "matrix_balance", [np.stack([m, m.T])], {"separate": True}, nested=True)
    add(g, "separate-batch-2d", "matrix_balance", [np.stack([np.stack([m, m.T]), np.stack([m.T, m])])],
        {"separate": True}, nested=True)
    add(g, "separate-empty", "matrix_balance", [np.zeros((0, 0))], {"separate": True}, nested=True)
    add(g, "separate-positional", "matrix_balance", [m, True, False, True, False], nested=True)
