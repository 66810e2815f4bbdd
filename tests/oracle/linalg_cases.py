"""Cases for `scipy.linalg` (and NumPy's `slogdet` / `matrix_rank` as `xp.linalg.*`).

Solvers (`solve` with every `assume_a` and `lower` / `transposed`, `solve_triangular`,
`lu_factor` / `lu_solve`, `cho_factor` / `cho_solve`, `lstsq`), decompositions (`lu`,
`cholesky`, `qr`, `svd`, `svdvals`, `eig`, `eigvals`, `eigh`, `eigvalsh`, `schur`,
`hessenberg`), `det`, `inv`, `pinv`, `pinvh`, the matrix functions, the equation solvers and the
special matrices; f32 / f64 / c64 / c128 inputs, batches `(..., M, N)`, empty / 1x1 /
rectangular shapes, SciPy's keywords (also `overwrite_*`, `lwork`, `check_finite`, drivers), and
the inputs where SciPy raises (`LinAlgError` for singular or indefinite matrices, `ValueError`
for non-square, mismatched or non-finite input).

Factors that are unique only up to a choice of the algorithm are recorded in a canonical form,
which the runner (`tests/src/dispatch/linalg.rs`) applies to xp's outputs too:
- `qr`: `diag(R)` real non-negative (`Q -> Q D`, `R -> D^H R`);
- `svd`: the largest entry of each column of `U` real positive (`Vh` rows follow);
- `schur`: the largest entry of each column of `Z` real positive (`T -> D^H T D`);
- `hessenberg`: the subdiagonal of `H` real non-negative;
- `eig` / `eigvals`: eigenvalues sorted by real part then imaginary part, vectors following;
  homogeneous eigenvalues scaled to `beta = 1`; eigenvectors compared `columns_up_to_sign`;
- `cho_factor`: the unused (unspecified) triangle of `c` zeroed.
Matrices have well separated eigenvalues / singular values so that these forms are well defined.
"""

from __future__ import annotations

import numpy as np
import scipy.linalg as sl

from common import C64, C128, F32, F64, Gen, rnd, short

DTS = (F32, F64, C64, C128)
# (rtol, atol) by input precision: factorizations and solves of well-conditioned small matrices
TOL = {F32: (1e-3, 1e-4), C64: (1e-3, 1e-4), F64: (1e-9, 1e-11), C128: (1e-9, 1e-11)}
# matrix functions (different algorithms from SciPy's)
MTOL = {F32: (3e-3, 3e-4), C64: (3e-3, 3e-4), F64: (1e-8, 1e-10), C128: (1e-8, 1e-10)}


def real_of(dt):
    return {C64: F32, C128: F64}.get(dt, dt)


# ---------------------------------------------------------------------------------------------
# inputs


def eye(n, dt, batch=()):
    return np.broadcast_to(np.eye(n, dtype=dt), batch + (n, n)).copy()


def well(n, dt=F64, batch=()):
    """Diagonally dominant: well conditioned."""
    return (rnd(batch + (n, n), dt, -1, 1) + n * eye(n, dt, batch)).astype(dt)


def spd(n, dt=F64, batch=()):
    x = rnd(batch + (n, n), dt, -1, 1)
    return (x @ np.conj(np.swapaxes(x, -1, -2)) + n * eye(n, dt, batch)).astype(dt)


def herm(n, dt=F64, batch=()):
    """Hermitian (symmetric) with well separated eigenvalues."""
    lam = np.arange(n, dtype=F64) * 1.7 - 2.3
    q = sl.qr(rnd((n, n), dt, -1, 1))[0]
    m = (q * lam) @ np.conj(q.T)
    m = (m + np.conj(m.T)) / 2
    return np.broadcast_to(m, batch + (n, n)).astype(dt).copy() if not batch else np.stack(
        [herm(n, dt) for _ in range(int(np.prod(batch)))]).reshape(batch + (n, n))


def eigmat(n, dt=F64, pair=False):
    """A non-normal matrix with well separated eigenvalues; with `pair` (real types) a complex
    conjugate pair among them."""
    v = np.eye(n) + 0.3 * rnd((n, n), F64, -1, 1)
    lam = np.array([1.2, -2.5, 3.2, 0.4, -1.3, 5.1, 2.2][:n])
    d = np.diag(lam)
    if pair and n >= 2:
        d[0:2, 0:2] = [[1.0, 2.0], [-2.0, 1.0]]
    m = v @ d @ np.linalg.inv(v)
    if dt in (C64, C128):
        m = m + 0.3j * np.triu(rnd((n, n), F64, -1, 1))
    return m.astype(dt)


def with_nan(a):
    a = a.copy()
    a.flat[1] = np.nan
    return a


# ---------------------------------------------------------------------------------------------
# canonical forms (mirrored in tests/src/dispatch/linalg.rs)


def _phase(x):
    n = abs(x)
    return 1.0 if n == 0 or not np.isfinite(n) else x / n


def _first_big(vals):
    big = max((abs(x) for x in vals), default=0.0)
    for x in vals:
        if abs(x) >= big * 0.999:
            return x
    return 0.0


def _batches(x):
    return list(np.ndindex(x.shape[:-2]))


def canon_qr(q, r):
    r = r.copy()
    q = None if q is None else q.copy()
    k = min(r.shape[-2], r.shape[-1])
    for b in _batches(r):
        for i in range(k):
            d = _phase(r[b][i, i])
            r[b][i, :] *= np.conj(d)
            if q is not None:
                q[b][:, i] *= d
        if q is not None:
            for j in range(k, q.shape[-1]):
                d = _phase(_first_big(q[b][:, j]))
                q[b][:, j] *= np.conj(d)
    return q, r


def canon_svd(u, vh):
    u, vh = u.copy(), vh.copy()
    for b in _batches(u):
        for j in range(u.shape[-1]):
            d = _phase(_first_big(u[b][:, j]))
            u[b][:, j] *= np.conj(d)
            if j < vh.shape[-2]:
                vh[b][j, :] *= d
        for i in range(u.shape[-1], vh.shape[-2]):
            d = _phase(_first_big(vh[b][i, :]))
            vh[b][i, :] *= np.conj(d)
    return u, vh


def reorder_schur(t, z, split=0):
    """Sorts the diagonal of a triangular Schur form (in place) by real part then imaginary part,
    swapping neighbours with a unitary rotation; real forms with 2x2 blocks are left alone."""
    n = t.shape[-1]
    if any(t[k + 1, k] != 0 for k in range(n - 1)):
        return
    scale = max([1.0] + [abs(t[k, k]) for k in range(n) if np.isfinite(abs(t[k, k]))])

    def less(a, c):
        return a.real < c.real if abs(a.real - c.real) > 1e-4 * scale else a.imag < c.imag

    for p in range(n):
        swapped = False
        for k in range(n - 1 - p):
            t11, t22, t12 = t[k, k], t[k + 1, k + 1], t[k, k + 1]
            if k + 1 == split or not less(t22, t11):
                continue
            v1, v2 = t12, t22 - t11
            nv = np.sqrt(abs(v1) ** 2 + abs(v2) ** 2)
            if nv == 0 or not np.isfinite(nv):
                continue
            v1, v2 = v1 / nv, v2 / nv
            q = np.array([[v1, -np.conj(v2)], [v2, np.conj(v1)]])
            t[k:k + 2, :] = np.conj(q.T) @ t[k:k + 2, :]
            t[:, k:k + 2] = t[:, k:k + 2] @ q
            z[:, k:k + 2] = z[:, k:k + 2] @ q
            t[k + 1, k] = 0
            swapped = True
        if not swapped:
            break


def canon_schur(t, z, sdim=None):
    t, z = t.copy(), z.copy()
    for b in _batches(z):
        split = 0 if sdim is None else int(np.asarray(sdim)[b] if np.ndim(sdim) else sdim)
        reorder_schur(t[b], z[b], split)
        for j in range(z.shape[-1]):
            d = _phase(_first_big(z[b][:, j]))
            z[b][:, j] *= np.conj(d)
            t[b][j, :] *= d
            t[b][:, j] *= np.conj(d)
    return t, z


def canon_hess(h, q=None):
    h = h.copy()
    q = None if q is None else q.copy()
    n = h.shape[-1]
    for b in _batches(h):
        for k in range(n - 1):
            d = _phase(h[b][k + 1, k])
            h[b][k + 1, :] *= np.conj(d)
            h[b][:, k + 1] *= d
            if q is not None:
                q[b][:, k + 1] *= d
    return h if q is None else (h, q)


def eig_order(w):
    """Per matrix of a stack (..., n): sort by real part, then imaginary part."""
    flat = w.reshape(-1, w.shape[-1]) if w.size else w.reshape(0, w.shape[-1])
    scale = max([1.0] + [abs(x) for x in flat.ravel() if np.isfinite(abs(x))])
    orders = []
    for row in flat:
        idx = list(range(len(row)))
        for i in range(1, len(idx)):
            j = i
            while j > 0:
                a, c = row[idx[j]], row[idx[j - 1]]
                less = a.real < c.real if abs(a.real - c.real) > 1e-4 * scale else a.imag < c.imag
                if not less:
                    break
                idx[j], idx[j - 1] = idx[j - 1], idx[j]
                j -= 1
        orders.append(idx)
    return orders


def permute_last(x, orders):
    """Reorders the last axis of every matrix (or vector) of a stack by `orders` (one per matrix)."""
    x = x.copy()
    if x.size == 0:
        return x
    nb = len(orders)
    per = x.reshape(nb, -1, x.shape[-1])
    for b, o in enumerate(orders):
        per[b] = per[b][:, o]
    return per.reshape(x.shape)


def canon_eig(res, hom=False):
    res = list(res) if isinstance(res, (tuple, list)) else [res]
    w = np.array(res[0])
    if hom:
        w = w.copy()
        al, be = w[..., 0, :], w[..., 1, :]
        ok = np.abs(be) > 0
        w[..., 0, :] = np.where(ok, al / np.where(ok, be, 1), al)
        w[..., 1, :] = np.where(ok, 1, be)
        order = eig_order(w[..., 0, :])
    else:
        order = eig_order(w)
    out = [permute_last(w, order)] + [permute_last(np.asarray(v), order) for v in res[1:]]
    return tuple(out) if len(out) > 1 else out[0]


# ---------------------------------------------------------------------------------------------
# case helpers


class PostError(BaseException):
    """A failure of a canonical-form function (not SciPy's exception)."""


def add(g: Gen, cid, name, args, kwargs=None, post=None, dt=F64, tol=None, compare=None, fn=None, nested=False):
    """`linalg.<name>(*args, **kwargs)`, on copies (SciPy may overwrite inputs), with the
    outputs passed through `post` (a canonical form); `nested` records tuples inside the result
    (`qr(mode="raw")`'s `(h, tau)`) as nested lists."""
    kwargs = dict(kwargs or {})
    f = fn or getattr(sl, name)

    def run():
        fresh = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        res = f(*fresh, **kwargs)
        try:
            return post(res) if post else res
        except Exception as e:  # a bug here must stop the generator, not become an expected error
            raise PostError(f"{name}/{cid}: {e!r}") from e

    g.case(f"linalg.{name}/{cid}", f"linalg.{name}", list(args), kwargs, call=run,
           tol=tol or TOL[dt], compare=compare, nested=nested)


# ---------------------------------------------------------------------------------------------
# solvers

ASSUME = (None, "general", "gen", "symmetric", "sym", "hermitian", "her", "positive definite", "pos",
          "diagonal", "tridiagonal", "banded", "upper triangular", "lower triangular")


def structured(kind, n, dt, lower):
    """An input for `assume_a=kind`; for the triangle-reading kinds the other triangle holds noise,
    so that reading the wrong one shows."""
    if kind in ("symmetric", "sym", "hermitian", "her", "positive definite", "pos"):
        base = spd(n, dt)
        noise = rnd((n, n), dt, -5, 5)
        return (base + (np.triu(noise, 1) if lower else np.tril(noise, -1))).astype(dt)
    if kind == "diagonal":
        return np.diag(rnd((n,), dt, 1, 3)).astype(dt)
    if kind == "tridiagonal":
        m = well(n, dt)
        return (np.triu(np.tril(m, 1), -1)).astype(dt)
    if kind == "banded":
        m = well(n, dt)
        return (np.triu(np.tril(m, 2), -1)).astype(dt)
    if kind == "upper triangular":
        return np.triu(well(n, dt)).astype(dt)
    if kind == "lower triangular":
        return np.tril(well(n, dt)).astype(dt)
    return well(n, dt)


def solve_cases(g: Gen):
    for dt in DTS:
        a = well(4, dt)
        add(g, f"{short(dt)}-vec", "solve", [a, rnd((4,), dt)], dt=dt)
        add(g, f"{short(dt)}-mat", "solve", [a, rnd((4, 3), dt)], dt=dt)
        add(g, f"{short(dt)}-batch", "solve", [well(3, dt, (2, 3)), rnd((2, 3, 3, 2), dt)], dt=dt)
        for kind in ASSUME:
            for lower in (False, True):
                if kind in ("hermitian", "her") and dt in (F32, F64) and lower:
                    continue
                tag = "none" if kind is None else kind.replace(" ", "_")
                add(g, f"{short(dt)}-{tag}-lower{int(lower)}", "solve",
                    [structured(kind, 5, dt, lower), rnd((5, 2), dt)], {"assume_a": kind, "lower": lower}, dt=dt)
        if dt in (F32, F64):  # (SciPy raises NotImplementedError for complex `transposed=True`)
            add(g, f"{short(dt)}-transposed", "solve", [well(4, dt), rnd((4,), dt)], {"transposed": True}, dt=dt)
    a = well(4)
    b = rnd((4, 2))
    add(g, "broadcast-a-batch-b-vec", "solve", [well(3, F64, (2,)), rnd((3,))])
    add(g, "broadcast-b-batch", "solve", [well(3), rnd((2, 3, 2))])
    add(g, "broadcast-both", "solve", [well(3, F64, (2, 1)), rnd((1, 4, 3, 2))])
    add(g, "pos-batch", "solve", [spd(3, F64, (2,)), rnd((2, 3, 1))], {"assume_a": "pos"})
    add(g, "mixed-f32-f64", "solve", [well(3, F32), rnd((3,), F64)])
    add(g, "mixed-f64-c128", "solve", [well(3, F64), rnd((3,), C128)])
    add(g, "int-input", "solve", [np.array([[3, 1], [1, 2]], dtype=np.int64), np.array([9, 8], dtype=np.int64)])
    add(g, "1x1", "solve", [np.array([[2.0]]), np.array([4.0])])
    add(g, "empty", "solve", [np.zeros((0, 0)), np.zeros((0,))])
    add(g, "empty-rhs-cols", "solve", [a, np.zeros((4, 0))])
    add(g, "all-keywords", "solve", [spd(4), b],
        {"lower": True, "overwrite_a": True, "overwrite_b": True, "check_finite": False, "assume_a": "pos", "transposed": False})
    add(g, "positional", "solve", [spd(4), b, False, False, False, True, "pos", False])
    add(g, "transposed-general", "solve", [well(4), b], {"transposed": True, "assume_a": "general"})
    add(g, "err-singular", "solve", [np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([1.0, 1.0])])
    add(g, "err-singular-batch", "solve", [np.stack([np.eye(2), np.zeros((2, 2))]), np.ones((2, 2, 1))])
    add(g, "err-not-pd", "solve", [np.array([[1.0, 2.0], [2.0, 1.0]]), np.ones(2)], {"assume_a": "pos"})
    add(g, "err-non-square", "solve", [rnd((3, 4)), rnd((3,))])
    add(g, "err-shape", "solve", [well(3), rnd((4,))])
    add(g, "err-nan", "solve", [with_nan(well(3)), rnd((3,))])
    add(g, "err-nan-b", "solve", [well(3), np.array([1.0, np.nan, 2.0])])
    add(g, "err-inf", "solve", [well(3), np.array([1.0, np.inf, 2.0])])
    add(g, "err-assume", "solve", [well(3), rnd((3,))], {"assume_a": "orthogonal"})
    add(g, "err-1d", "solve", [rnd((3,)), rnd((3,))])


def triangular_cases(g: Gen):
    for dt in DTS:
        for lower in (False, True):
            a = (np.tril if lower else np.triu)(well(4, dt))
            for trans in (0, 1, 2):
                for unit in (False, True):
                    add(g, f"{short(dt)}-lower{int(lower)}-trans{trans}-unit{int(unit)}", "solve_triangular",
                        [a, rnd((4, 2), dt)], {"lower": lower, "trans": trans, "unit_diagonal": unit}, dt=dt)
        add(g, f"{short(dt)}-vec", "solve_triangular", [np.triu(well(3, dt)), rnd((3,), dt)], dt=dt)
    u = np.triu(well(4))
    for t in ("N", "T", "C"):
        add(g, f"trans-{t}", "solve_triangular", [u, rnd((4,))], {"trans": t})
    add(g, "batch", "solve_triangular", [np.triu(well(3, F64, (2,))), rnd((2, 3, 2))])
    add(g, "batch-broadcast", "solve_triangular", [np.tril(well(3)), rnd((2, 3, 1))], {"lower": True})
    add(g, "all-keywords", "solve_triangular", [u, rnd((4, 2))],
        {"trans": 1, "lower": False, "unit_diagonal": False, "overwrite_b": True, "check_finite": True})
    add(g, "positional", "solve_triangular", [np.tril(well(3)), rnd((3,)), 0, True, True, False, True])
    add(g, "empty", "solve_triangular", [np.zeros((0, 0)), np.zeros((0,))])
    add(g, "err-singular", "solve_triangular", [np.array([[1.0, 2.0], [0.0, 0.0]]), np.ones(2)])
    add(g, "err-shape", "solve_triangular", [u, rnd((3,))])
    add(g, "err-nan", "solve_triangular", [u, np.array([1.0, np.nan, 0, 0])])
    add(g, "err-non-square", "solve_triangular", [rnd((3, 4)), rnd((3,))])


def lu_cases(g: Gen):
    shapes = ((4, 4), (3, 5), (5, 3), (1, 1))
    for dt in DTS:
        for shp in shapes:
            if shp == (1, 1) and dt in (C64, C128):
                continue  # (SciPy's P of a complex 1x1 matrix is complex, of larger ones real)
            a = rnd(shp, dt)
            tag = f"{short(dt)}-{shp[0]}x{shp[1]}"
            add(g, tag, "lu", [a], dt=dt)
            add(g, tag + "-permute_l", "lu", [a], {"permute_l": True}, dt=dt)
            add(g, tag + "-p_indices", "lu", [a], {"p_indices": True}, dt=dt)
            add(g, tag, "lu_factor", [a], dt=dt)
        a = well(4, dt)
        for trans in (0, 1, 2):
            lu_piv = sl.lu_factor(a)
            add(g, f"{short(dt)}-trans{trans}", "lu_solve", [lu_piv, rnd((4, 2), dt)], {"trans": trans}, dt=dt)
        add(g, f"{short(dt)}-vec", "lu_solve", [sl.lu_factor(a), rnd((4,), dt)], dt=dt)
    a = rnd((2, 3, 4, 4))
    add(g, "batch", "lu", [a])
    add(g, "batch-p_indices", "lu", [a], {"p_indices": True})
    add(g, "batch-permute_l", "lu", [rnd((2, 3, 5))], {"permute_l": True})
    add(g, "batch", "lu_factor", [a])
    add(g, "all-keywords", "lu", [a[0, 0]], {"permute_l": False, "overwrite_a": True, "check_finite": False, "p_indices": True})
    add(g, "positional", "lu", [a[0, 0], True, False, True, False])
    add(g, "singular", "lu", [np.array([[1.0, 2.0], [2.0, 4.0]])])
    add(g, "singular", "lu_factor", [np.array([[1.0, 2.0], [2.0, 4.0]])])
    add(g, "empty", "lu", [np.zeros((0, 0))])
    add(g, "err-nan", "lu", [with_nan(rnd((3, 3)))])
    add(g, "err-1d", "lu", [rnd((3,))])
    add(g, "err-nan", "lu_factor", [with_nan(rnd((3, 3)))])
    add(g, "all-keywords", "lu_factor", [a[0, 0]], {"overwrite_a": False, "check_finite": True})
    w4 = well(4)
    f = sl.lu_factor(w4)
    add(g, "trans-N", "lu_solve", [f, rnd((4,))], {"trans": 0})
    add(g, "all-keywords", "lu_solve", [f, rnd((4, 2))], {"trans": 1, "overwrite_b": True, "check_finite": True})
    add(g, "batch-b", "lu_solve", [f, rnd((2, 4, 3))])
    add(g, "err-shape", "lu_solve", [f, rnd((3,))])
    add(g, "err-nan", "lu_solve", [f, np.array([1.0, np.nan, 0.0, 1.0])])


def cholesky_cases(g: Gen):
    def cf(lower_default=False):
        def post(res):
            c, lower = res
            return (np.tril(c) if lower else np.triu(c)), lower
        return post

    for dt in DTS:
        a = spd(4, dt)
        for lower in (False, True):
            add(g, f"{short(dt)}-lower{int(lower)}", "cholesky", [a], {"lower": lower}, dt=dt)
            add(g, f"{short(dt)}-lower{int(lower)}", "cho_factor", [a], {"lower": lower}, post=cf(), dt=dt)
            c = sl.cho_factor(a, lower=lower)
            add(g, f"{short(dt)}-lower{int(lower)}", "cho_solve", [c, rnd((4, 2), dt)], dt=dt)
        add(g, f"{short(dt)}-vec", "cho_solve", [sl.cho_factor(a), rnd((4,), dt)], dt=dt)
    b = spd(3, F64, (2, 2))
    add(g, "batch", "cholesky", [b])
    add(g, "batch-lower", "cholesky", [b], {"lower": True})
    add(g, "1x1", "cholesky", [np.array([[4.0]])])
    add(g, "empty", "cholesky", [np.zeros((0, 0))])
    add(g, "all-keywords", "cholesky", [spd(3)], {"lower": True, "overwrite_a": True, "check_finite": False})
    add(g, "positional", "cholesky", [spd(3), True, False, True])
    add(g, "all-keywords", "cho_factor", [spd(3)], {"lower": False, "overwrite_a": False, "check_finite": True}, post=cf())
    add(g, "all-keywords", "cho_solve", [sl.cho_factor(spd(3)), rnd((3,))], {"overwrite_b": True, "check_finite": True})
    add(g, "err-not-pd", "cholesky", [np.array([[1.0, 2.0], [2.0, 1.0]])])
    add(g, "err-not-pd-batch", "cholesky", [np.stack([np.eye(2), -np.eye(2)])])
    add(g, "err-not-pd", "cho_factor", [np.array([[1.0, 2.0], [2.0, 1.0]])])
    add(g, "err-non-square", "cholesky", [rnd((3, 4))])
    add(g, "err-nan", "cholesky", [with_nan(spd(3))])
    add(g, "err-shape", "cho_solve", [sl.cho_factor(spd(3)), rnd((4,))])


def lstsq_cases(g: Gen):
    for dt in DTS:
        for m, n in ((6, 3), (3, 5), (4, 4)):
            a = rnd((m, n), dt)
            add(g, f"{short(dt)}-{m}x{n}-vec", "lstsq", [a, rnd((m,), dt)], dt=dt)
            add(g, f"{short(dt)}-{m}x{n}-mat", "lstsq", [a, rnd((m, 2), dt)], dt=dt)
    a = rnd((6, 3))
    deficient = np.column_stack([a[:, 0], a[:, 1], a[:, 0] + a[:, 1]])
    add(g, "rank-deficient", "lstsq", [deficient, rnd((6,))])
    add(g, "cond", "lstsq", [a, rnd((6,))], {"cond": 0.5})
    add(g, "cond-deficient", "lstsq", [deficient, rnd((6, 2))], {"cond": 1e-10})
    for drv in ("gelsd", "gelss"):
        add(g, f"driver-{drv}", "lstsq", [a, rnd((6, 2))], {"lapack_driver": drv})
    add(g, "all-keywords", "lstsq", [a, rnd((6,))],
        {"cond": None, "overwrite_a": True, "overwrite_b": True, "check_finite": False, "lapack_driver": "gelsd"})
    add(g, "positional", "lstsq", [a, rnd((6,)), None, False, False, True, "gelss"])
    add(g, "err-shape", "lstsq", [a, rnd((5,))])
    add(g, "err-nan", "lstsq", [with_nan(a), rnd((6,))])


def pinv_cases(g: Gen):
    for dt in DTS:
        for shp in ((4, 3), (3, 5), (4, 4)):
            add(g, f"{short(dt)}-{shp[0]}x{shp[1]}", "pinv", [rnd(shp, dt)], dt=dt)
        h = herm(4, dt)
        add(g, f"{short(dt)}", "pinvh", [h], dt=dt)
        add(g, f"{short(dt)}-upper", "pinvh", [h], {"lower": False}, dt=dt)
    a = rnd((5, 3))
    deficient = np.column_stack([a, a[:, 0] - a[:, 2]])
    add(g, "rank-deficient", "pinv", [deficient])
    add(g, "return_rank", "pinv", [deficient], {"return_rank": True})
    add(g, "atol", "pinv", [a], {"atol": 1.0})
    add(g, "rtol", "pinv", [a], {"rtol": 0.5})
    add(g, "atol-rtol", "pinv", [a], {"atol": 0.1, "rtol": 0.3, "return_rank": True})
    add(g, "batch", "pinv", [rnd((2, 4, 3))])
    add(g, "all-keywords", "pinv", [a], {"atol": None, "rtol": None, "return_rank": False, "check_finite": False})
    add(g, "err-nan", "pinv", [with_nan(a)])
    h = herm(4)
    hd = h - np.linalg.eigvalsh(h)[1] * np.eye(4)  # singular: one zero eigenvalue
    add(g, "rank-deficient", "pinvh", [hd])
    add(g, "atol", "pinvh", [h], {"atol": 1.0})
    add(g, "rtol", "pinvh", [h], {"rtol": 0.5})
    add(g, "noise-upper", "pinvh", [h + np.triu(rnd((4, 4)), 1)])
    add(g, "all-keywords", "pinvh", [h], {"atol": None, "rtol": None, "lower": True, "check_finite": True})
    add(g, "err-non-square", "pinvh", [rnd((3, 4))])


def inv_det_cases(g: Gen):
    for dt in DTS:
        add(g, f"{short(dt)}", "inv", [well(4, dt)], dt=dt)
        add(g, f"{short(dt)}-batch", "inv", [well(3, dt, (2, 2))], dt=dt)
        for n in (1, 2, 3, 5):
            add(g, f"{short(dt)}-n{n}", "det", [rnd((n, n), dt)], dt=dt)
        add(g, f"{short(dt)}-batch", "det", [rnd((2, 3, 3, 3), dt)], dt=dt)
    add(g, "1x1", "inv", [np.array([[4.0]])])
    add(g, "empty", "inv", [np.zeros((0, 0))])
    add(g, "int", "inv", [np.array([[2, 1], [1, 1]], dtype=np.int64)])
    add(g, "all-keywords", "inv", [well(3)], {"overwrite_a": True, "check_finite": False})
    add(g, "assume-general", "inv", [well(3)], {"assume_a": "general"})
    add(g, "err-singular", "inv", [np.array([[1.0, 2.0], [2.0, 4.0]])])
    add(g, "err-singular-zero", "inv", [np.zeros((3, 3))])
    add(g, "err-non-square", "inv", [rnd((3, 4))])
    add(g, "err-nan", "inv", [with_nan(well(3))])
    add(g, "err-1d", "inv", [rnd((3,))])
    add(g, "singular", "det", [np.array([[1.0, 2.0], [2.0, 4.0]])])
    add(g, "empty", "det", [np.zeros((0, 0))])
    add(g, "empty-batch", "det", [np.zeros((2, 0, 0))])
    add(g, "int", "det", [np.array([[2, 1], [1, 3]], dtype=np.int64)])
    add(g, "all-keywords", "det", [rnd((3, 3))], {"overwrite_a": True, "check_finite": True})
    add(g, "err-non-square", "det", [rnd((3, 4))])
    add(g, "err-nan", "det", [with_nan(rnd((3, 3)))])
    for dt in DTS:
        for tag, a in (("4x4", rnd((4, 4), dt)), ("batch", rnd((2, 3, 3), dt)), ("singular", np.zeros((3, 3), dt))):
            g.case(f"xp.linalg.slogdet/{short(dt)}-{tag}", "xp.linalg.slogdet", [a],
                   call=lambda a=a: tuple(np.linalg.slogdet(a)), tol=TOL[dt])
        a = rnd((5, 3), dt)
        g.case(f"xp.linalg.matrix_rank/{short(dt)}-full", "xp.linalg.matrix_rank", [a],
               call=lambda a=a: np.linalg.matrix_rank(a))
    a = rnd((5, 3))
    d = np.column_stack([a, a[:, 0] + a[:, 1]])
    for tag, kw in (("default", {}), ("tol", {"tol": 0.5}), ("rtol", {"rtol": 0.2}), ("hermitian", {"hermitian": True})):
        x = herm(4) if tag == "hermitian" else d
        g.case(f"xp.linalg.matrix_rank/{tag}", "xp.linalg.matrix_rank", [x], kw,
               call=lambda x=x, kw=kw: np.linalg.matrix_rank(x, **kw))
    g.case("xp.linalg.matrix_rank/zeros", "xp.linalg.matrix_rank", [np.zeros((3, 3))],
           call=lambda: np.linalg.matrix_rank(np.zeros((3, 3))))


# ---------------------------------------------------------------------------------------------
# decompositions


def qr_cases(g: Gen):
    def post(res):
        res = list(res) if isinstance(res, (tuple, list)) else [res]
        p = None
        if len(res) == 3 or (len(res) == 2 and res[1].dtype.kind == "i"):
            p = res.pop()
        if len(res) == 2:
            q, r = canon_qr(res[0], res[1])
            out = [q, r]
        else:
            _, r = canon_qr(None, res[0])
            out = [r]
        if p is not None:
            out.append(p)
        return tuple(out)

    for dt in DTS:
        for shp in ((4, 4), (4, 3), (3, 5)):
            a = rnd(shp, dt)
            for mode in ("full", "r", "economic"):
                for piv in (False, True):
                    add(g, f"{short(dt)}-{shp[0]}x{shp[1]}-{mode}-piv{int(piv)}", "qr", [a],
                        {"mode": mode, "pivoting": piv}, post=post, dt=dt)
        add(g, f"{short(dt)}-6x3-economic", "qr", [rnd((6, 3), dt)], {"mode": "economic"}, post=post, dt=dt)
        add(g, f"{short(dt)}-6x3-r", "qr", [rnd((6, 3), dt)], {"mode": "r"}, post=post, dt=dt)
    add(g, "batch", "qr", [rnd((2, 4, 3))], post=post)
    add(g, "batch-economic-piv", "qr", [rnd((2, 5, 3))], {"mode": "economic", "pivoting": True}, post=post)
    add(g, "1x1", "qr", [np.array([[-3.0]])], post=post)
    add(g, "all-keywords", "qr", [rnd((4, 3))],
        {"overwrite_a": True, "lwork": None, "mode": "economic", "pivoting": False, "check_finite": False}, post=post)
    add(g, "lwork", "qr", [rnd((4, 4))], {"lwork": 64}, post=post)
    add(g, "positional", "qr", [rnd((4, 4)), False, None, "r", True, True], post=post)
    add(g, "err-mode", "qr", [rnd((3, 3))], {"mode": "thin"})
    add(g, "err-nan", "qr", [with_nan(rnd((3, 3)))])
    add(g, "err-1d", "qr", [rnd((3,))])


def svd_cases(g: Gen):
    def post(res):
        if isinstance(res, (tuple, list)):
            u, s, vh = res
            u, vh = canon_svd(u, vh)
            return u, s, vh
        return res

    for dt in DTS:
        for shp in ((4, 4), (4, 3), (3, 4), (6, 3)):
            a = rnd(shp, dt)
            tag = f"{short(dt)}-{shp[0]}x{shp[1]}"
            if abs(shp[0] - shp[1]) <= 1:
                add(g, tag + "-full", "svd", [a], post=post, dt=dt)
            add(g, tag + "-thin", "svd", [a], {"full_matrices": False}, post=post, dt=dt)
            add(g, tag + "-s", "svd", [a], {"compute_uv": False}, post=post, dt=dt)
            add(g, tag, "svdvals", [a], dt=dt)
    a = rnd((4, 3))
    add(g, "gesvd", "svd", [a], {"lapack_driver": "gesvd", "full_matrices": False}, post=post)
    add(g, "batch", "svd", [rnd((2, 3, 3))], post=post)
    add(g, "batch-thin", "svd", [rnd((2, 2, 5, 3))], {"full_matrices": False}, post=post)
    add(g, "batch", "svdvals", [rnd((2, 3, 4))])
    add(g, "1x1", "svd", [np.array([[-2.0]])], post=post)
    add(g, "all-keywords", "svd", [a],
        {"full_matrices": True, "compute_uv": True, "overwrite_a": True, "check_finite": False, "lapack_driver": "gesdd"}, post=post)
    add(g, "positional", "svd", [a, False, True, False, True, "gesvd"], post=post)
    add(g, "empty", "svdvals", [np.zeros((0, 0))])
    add(g, "all-keywords", "svdvals", [a], {"overwrite_a": True, "check_finite": True})
    add(g, "err-nan", "svd", [with_nan(a)])
    add(g, "err-driver", "svd", [a], {"lapack_driver": "gesvj"})
    add(g, "err-nan", "svdvals", [with_nan(a)])
    add(g, "err-1d", "svd", [rnd((3,))])


def eig_cases(g: Gen):
    def post(hom=False):
        return lambda res: canon_eig(res, hom)

    cu = "columns_up_to_sign"
    for dt in DTS:
        for pair in ((False, True) if dt in (F32, F64) else (False,)):
            a = eigmat(4, dt, pair)
            tag = f"{short(dt)}" + ("-pair" if pair else "")
            add(g, tag, "eig", [a], post=post(), dt=dt, compare=cu)
            add(g, tag + "-left", "eig", [a], {"left": True}, post=post(), dt=dt, compare=cu)
            add(g, tag + "-left-only", "eig", [a], {"left": True, "right": False}, post=post(), dt=dt, compare=cu)
            add(g, tag + "-none", "eig", [a], {"right": False}, post=post(), dt=dt, compare=cu)
            add(g, tag, "eigvals", [a], post=post(), dt=dt)
        b = spd(4, dt)
        add(g, f"{short(dt)}-general-b", "eig", [eigmat(4, dt), b], post=post(), dt=dt, compare=cu)
        add(g, f"{short(dt)}-general-b", "eigvals", [eigmat(4, dt), b], post=post(), dt=dt)
        add(g, f"{short(dt)}-homogeneous", "eig", [eigmat(3, dt)], {"homogeneous_eigvals": True},
            post=post(True), dt=dt, compare=cu)
        add(g, f"{short(dt)}-homogeneous", "eigvals", [eigmat(3, dt)], {"homogeneous_eigvals": True},
            post=post(True), dt=dt)
    a3 = np.stack([eigmat(3), eigmat(3)])
    add(g, "batch", "eig", [a3], post=post(), compare=cu)
    add(g, "batch", "eigvals", [a3], post=post())
    add(g, "general-b-homogeneous", "eig", [eigmat(3), spd(3)], {"homogeneous_eigvals": True}, post=post(True), compare=cu)
    add(g, "1x1", "eig", [np.array([[2.0]])], post=post(), compare=cu)
    add(g, "diagonal", "eig", [np.diag([3.0, -1.0, 2.0])], post=post(), compare=cu)
    add(g, "all-keywords", "eig", [eigmat(3), None],
        {"left": True, "right": True, "overwrite_a": True, "overwrite_b": False, "check_finite": False,
         "homogeneous_eigvals": False}, post=post(), compare=cu)
    add(g, "positional", "eig", [eigmat(3), None, True, False], post=post(), compare=cu)
    add(g, "all-keywords", "eigvals", [eigmat(3)], {"b": None, "overwrite_a": True, "check_finite": True,
                                                     "homogeneous_eigvals": False}, post=post())
    add(g, "err-nan", "eig", [with_nan(eigmat(3))])
    add(g, "err-non-square", "eig", [rnd((3, 4))])
    add(g, "err-b-shape", "eig", [eigmat(3), spd(4)])
    add(g, "err-nan", "eigvals", [with_nan(eigmat(3))])


def eigh_cases(g: Gen):
    cu = "columns_up_to_sign"
    for dt in DTS:
        h = herm(5, dt)
        for lower in (True, False):
            noisy = h + (np.triu(rnd((5, 5), dt), 1) if lower else np.tril(rnd((5, 5), dt), -1))
            add(g, f"{short(dt)}-lower{int(lower)}", "eigh", [noisy.astype(dt)], {"lower": lower}, dt=dt, compare=cu)
            add(g, f"{short(dt)}-lower{int(lower)}", "eigvalsh", [noisy.astype(dt)], {"lower": lower}, dt=dt)
        add(g, f"{short(dt)}-eigvals_only", "eigh", [h], {"eigvals_only": True}, dt=dt)
        add(g, f"{short(dt)}-index", "eigh", [h], {"subset_by_index": [1, 3]}, dt=dt, compare=cu)
        add(g, f"{short(dt)}-value", "eigh", [h], {"subset_by_value": [-1.0, 3.0]}, dt=dt, compare=cu)
        b = spd(5, dt)
        for ty in (1, 2, 3):
            add(g, f"{short(dt)}-b-type{ty}", "eigh", [h, b], {"type": ty}, dt=dt, compare=cu)
            add(g, f"{short(dt)}-b-type{ty}", "eigvalsh", [h, b], {"type": ty}, dt=dt)
    h = herm(5)
    b = spd(5)
    add(g, "index-first", "eigh", [h], {"subset_by_index": [0, 0]}, compare=cu)
    add(g, "index-all", "eigvalsh", [h], {"subset_by_index": (0, 4)})
    add(g, "value-inf", "eigvalsh", [h], {"subset_by_value": [-np.inf, 0.5]})
    add(g, "value-empty", "eigvalsh", [h], {"subset_by_value": [100.0, 200.0]})
    add(g, "b-index", "eigh", [h, b], {"subset_by_index": [2, 4]}, compare=cu)
    add(g, "b-value", "eigvalsh", [h, b], {"subset_by_value": [-1.0, 1.0]})
    for drv in ("ev", "evd", "evr", "evx"):
        add(g, f"driver-{drv}", "eigh", [h], {"driver": drv}, compare=cu)
    for drv in ("gv", "gvd", "gvx"):
        add(g, f"driver-{drv}", "eigh", [h, b], {"driver": drv}, compare=cu)
    add(g, "batch", "eigh", [np.stack([herm(3), herm(3)])], compare=cu)
    add(g, "batch", "eigvalsh", [np.stack([herm(3), herm(3)])])
    add(g, "1x1", "eigh", [np.array([[2.0]])], compare=cu)
    add(g, "empty", "eigvalsh", [np.zeros((0, 0))])
    add(g, "int", "eigvalsh", [np.array([[2, 1], [1, 3]], dtype=np.int64)])
    add(g, "all-keywords", "eigh", [h, None],
        {"lower": False, "eigvals_only": False, "overwrite_a": True, "overwrite_b": True, "type": 1,
         "check_finite": False, "subset_by_index": None, "subset_by_value": None, "driver": None}, compare=cu)
    add(g, "all-keywords", "eigvalsh", [h, b],
        {"lower": True, "overwrite_a": False, "overwrite_b": False, "type": 2, "check_finite": True,
         "subset_by_index": None, "subset_by_value": None, "driver": "gvd"})
    add(g, "err-b-not-pd", "eigh", [h, -np.eye(5)])
    add(g, "err-nan", "eigh", [with_nan(h)])
    add(g, "err-non-square", "eigh", [rnd((3, 4))])
    add(g, "err-type", "eigh", [h, b], {"type": 4})
    add(g, "err-index", "eigh", [h], {"subset_by_index": [3, 7]})
    add(g, "err-index-and-value", "eigvalsh", [h], {"subset_by_index": [0, 1], "subset_by_value": [0.0, 1.0]})
    add(g, "err-b-shape", "eigvalsh", [h, spd(4)])


def schur_hess_cases(g: Gen):
    def ps(res):
        if len(res) == 3:
            return canon_schur(res[0], res[1], res[2]) + (res[2],)
        return canon_schur(*res)

    def ph(res):
        return canon_hess(*res) if isinstance(res, (tuple, list)) else canon_hess(res)

    for dt in DTS:
        a = eigmat(4, dt)
        add(g, f"{short(dt)}", "schur", [a], post=ps, dt=dt)
        add(g, f"{short(dt)}-complex", "schur", [a], {"output": "complex"}, post=ps, dt=dt)
        b = rnd((5, 5), dt)
        add(g, f"{short(dt)}", "hessenberg", [b], post=ph, dt=dt)
        add(g, f"{short(dt)}-calc_q", "hessenberg", [b], {"calc_q": True}, post=ph, dt=dt)
    # (a real Schur form with a 2x2 block is compared as it is: its eigenvalue order is the
    # algorithm's, so only the complex form of a matrix with a complex pair is recorded)
    add(g, "pair-complex", "schur", [eigmat(4, F64, True)], {"output": "complex"}, post=ps)
    add(g, "batch", "schur", [np.stack([eigmat(3), eigmat(3)])], post=ps)
    add(g, "1x1", "schur", [np.array([[3.0]])], post=ps)
    add(g, "all-keywords", "schur", [eigmat(3)],
        {"output": "real", "lwork": None, "overwrite_a": True, "sort": None, "check_finite": False}, post=ps)
    add(g, "err-non-square", "schur", [rnd((3, 4))])
    add(g, "err-nan", "schur", [with_nan(eigmat(3))])
    add(g, "err-output", "schur", [eigmat(3)], {"output": "quaternion"})
    for srt in ("lhp", "rhp", "iuc", "ouc"):
        add(g, f"sort-{srt}", "schur", [eigmat(5)], {"sort": srt}, post=ps)
        add(g, f"sort-{srt}-complex", "schur", [eigmat(4, C128)], {"sort": srt, "output": "complex"}, post=ps, dt=C128)
    add(g, "err-sort", "schur", [eigmat(3)], {"sort": "up"})
    for n in (1, 2, 3):
        add(g, f"n{n}-calc_q", "hessenberg", [rnd((n, n))], {"calc_q": True}, post=ph)
    add(g, "batch", "hessenberg", [rnd((2, 4, 4))], post=ph)
    add(g, "all-keywords", "hessenberg", [rnd((4, 4))], {"calc_q": True, "overwrite_a": True, "check_finite": False}, post=ph)
    add(g, "positional", "hessenberg", [rnd((4, 4)), True], post=ph)
    add(g, "err-non-square", "hessenberg", [rnd((3, 4))])
    add(g, "err-nan", "hessenberg", [with_nan(rnd((3, 3)))])


# ---------------------------------------------------------------------------------------------
# matrix functions, equations, special matrices


def matfun_cases(g: Gen):
    for dt in DTS:
        a = (0.5 * rnd((4, 4), dt, -1, 1)).astype(dt)
        p = spd(4, dt) / 4  # positive definite: real log and root
        tol = MTOL[dt]
        for name in ("expm", "cosm", "sinm", "tanm", "coshm", "sinhm", "tanhm"):
            add(g, f"{short(dt)}", name, [a], dt=dt, tol=tol)
        for name in ("logm", "sqrtm", "signm"):
            add(g, f"{short(dt)}", name, [p if name != "signm" else eigmat(4, dt)], dt=dt, tol=tol)
        for fname, fn in (("exp", np.exp), ("sin", np.sin), ("cos", np.cos), ("sqrt", np.sqrt)):
            x = eigmat(4, dt) if fname != "sqrt" else p
            g.case(f"linalg.funm/{short(dt)}-{fname}", "linalg.funm", [x, fname],
                   call=lambda x=x, fn=fn: sl.funm(x, fn), tol=tol)
        for t in (0.5, -1.0, 2.0, 1.3):
            add(g, f"{short(dt)}-t{t}", "fractional_matrix_power", [p, t], dt=dt, tol=tol)
        add(g, f"{short(dt)}", "expm_frechet", [a, rnd((4, 4), dt, -1, 1)], dt=dt, tol=tol)
        add(g, f"{short(dt)}", "expm_cond", [a], dt=dt, tol=tol)
    tol = MTOL[F64]
    a = 0.5 * rnd((4, 4), F64, -1, 1)
    add(g, "batch", "expm", [rnd((2, 3, 3), F64, -1, 1)], tol=tol)
    add(g, "large-norm", "expm", [3 * rnd((4, 4), F64, -1, 1)], tol=tol)
    add(g, "nilpotent", "expm", [np.triu(rnd((4, 4)), 1)], tol=tol)
    add(g, "1x1", "expm", [np.array([[1.5]])], tol=tol)
    add(g, "empty", "expm", [np.zeros((0, 0))], tol=tol)
    add(g, "err-non-square", "expm", [rnd((3, 4))])
    add(g, "batch", "logm", [spd(3, F64, (2,))], tol=tol)
    add(g, "negative-eigs", "logm", [-spd(3)], tol=tol)
    add(g, "negative-eigs", "sqrtm", [-spd(3)], tol=tol)
    add(g, "nonsymmetric", "sqrtm", [eigmat(4) + 6 * np.eye(4)], tol=tol)
    add(g, "nonsymmetric", "logm", [eigmat(4) + 6 * np.eye(4)], tol=tol)
    add(g, "batch", "sqrtm", [spd(3, F64, (2,))], tol=tol)
    add(g, "blocksize", "sqrtm", [spd(4)], {"blocksize": 2}, tol=tol)
    add(g, "err-non-square", "sqrtm", [rnd((3, 4))])
    add(g, "err-non-square", "logm", [rnd((3, 4))])
    add(g, "batch", "signm", [np.stack([eigmat(3), eigmat(3)])], tol=tol)
    add(g, "batch", "cosm", [rnd((2, 3, 3), F64, -1, 1)], tol=tol)
    add(g, "negative-eigs-half", "fractional_matrix_power", [-spd(3), 0.5], tol=tol)
    add(g, "integer-power", "fractional_matrix_power", [a, 3], tol=tol)
    add(g, "zero-power", "fractional_matrix_power", [a, 0], tol=tol)
    for m in (None, "SPS", "blockEnlarge"):
        add(g, f"method-{m}", "expm_frechet", [a, rnd((4, 4))], {"method": m}, tol=tol)
    add(g, "no-expm", "expm_frechet", [a, rnd((4, 4))], {"compute_expm": False}, tol=tol)
    add(g, "all-keywords", "expm_frechet", [a, rnd((4, 4))],
        {"method": "SPS", "compute_expm": True, "check_finite": False}, tol=tol)
    add(g, "err-method", "expm_frechet", [a, rnd((4, 4))], {"method": "pade"})
    add(g, "err-shape", "expm_frechet", [a, rnd((3, 3))])
    add(g, "err-nan", "expm_frechet", [with_nan(a), rnd((4, 4))])
    add(g, "err-nan", "expm_cond", [with_nan(a)])
    add(g, "identity", "expm_cond", [2 * np.eye(3)], tol=tol)
    add(g, "batch", "expm_cond", [rnd((2, 3, 3), F64, -1, 1)], tol=tol)


def equation_cases(g: Gen):
    for dt in DTS:
        tol = MTOL[dt]
        a, b, q = eigmat(3, dt), -eigmat(2, dt) + 7 * np.eye(2, dtype=dt), rnd((3, 2), dt)
        add(g, f"{short(dt)}", "solve_sylvester", [a, b.astype(dt), q], dt=dt, tol=tol)
        s = (-spd(3, dt)).astype(dt)  # stable
        qq = spd(3, dt)
        add(g, f"{short(dt)}", "solve_continuous_lyapunov", [s, qq], dt=dt, tol=tol)
        d = (0.2 * eigmat(3, dt)).astype(dt)  # |eigenvalues| < 1.1 ... scaled below 1
        d = (d / (1.2 * np.max(np.abs(np.linalg.eigvals(d))))).astype(dt)
        for m in (None, "direct", "bilinear"):
            add(g, f"{short(dt)}-method-{m}", "solve_discrete_lyapunov", [d, qq], {"method": m}, dt=dt, tol=tol)
        ca, cb = eigmat(3, dt), rnd((3, 2), dt)
        cq, cr = spd(3, dt), spd(2, dt)
        add(g, f"{short(dt)}", "solve_continuous_are", [ca, cb, cq, cr], dt=dt, tol=tol)
        add(g, f"{short(dt)}", "solve_discrete_are", [d, cb, cq, cr], dt=dt, tol=tol)
    tol = MTOL[F64]
    a, b, q, r = eigmat(3), rnd((3, 2)), spd(3), spd(2)
    e = well(3)
    s = 0.1 * rnd((3, 2))
    for fn in ("solve_continuous_are", "solve_discrete_are"):
        aa = a if fn == "solve_continuous_are" else a / 6
        add(g, "e-s", fn, [aa, b, q, r], {"e": e, "s": s}, tol=tol)
        add(g, "e", fn, [aa, b, q, r, e], tol=tol)
        add(g, "unbalanced", fn, [aa, b, q, r], {"balanced": False}, tol=tol)
        add(g, "all-keywords", fn, [aa, b, q, r], {"e": None, "s": None, "balanced": True}, tol=tol)
        add(g, "err-shape", fn, [aa, b, q, spd(3)])
        add(g, "err-nan", fn, [with_nan(aa), b, q, r])
    add(g, "batch", "solve_sylvester", [np.stack([eigmat(3)] * 2), np.stack([eigmat(2) + 7 * np.eye(2)] * 2), rnd((2, 3, 2))], tol=tol)
    add(g, "err-shape", "solve_sylvester", [eigmat(3), eigmat(2), rnd((2, 3))])
    add(g, "err-shape", "solve_continuous_lyapunov", [eigmat(3), spd(2)])
    add(g, "err-method", "solve_discrete_lyapunov", [0.1 * eigmat(3), spd(3)], {"method": "schur"})
    add(g, "batch", "solve_continuous_lyapunov", [np.stack([-spd(3)] * 2), np.stack([spd(3)] * 2)], tol=tol)


def special_cases(g: Gen):
    c = np.array([1.0, 2.0, 3.0])
    r = np.array([1.0, 4.0, 5.0, 6.0])
    ci = np.array([1, 2, 3], dtype=np.int64)
    cc = rnd((4,), C128)
    for fn in ("toeplitz", "hankel"):
        add(g, "c", fn, [c])
        add(g, "c-r", fn, [c, r])
        add(g, "int", fn, [ci, np.array([7, 8], dtype=np.int64)])
        add(g, "complex", fn, [cc])
        add(g, "f32", fn, [c.astype(F32), r.astype(F32)], dt=F32)
        add(g, "keyword-r", fn, [c], {"r": r})
        add(g, "batch", fn, [rnd((2, 3)), rnd((2, 4))])
        add(g, "one", fn, [np.array([5.0])])
    add(g, "c", "circulant", [c])
    add(g, "complex", "circulant", [cc])
    add(g, "int", "circulant", [ci])
    add(g, "batch", "circulant", [rnd((2, 4))])
    for mode in ("full", "same", "valid"):
        for n in (2, 3, 5):
            add(g, f"{mode}-n{n}", "convolution_matrix", [np.array([1.0, -2.0, 3.0, 0.5]), n], {"mode": mode})
    add(g, "int", "convolution_matrix", [ci, 4])
    add(g, "complex", "convolution_matrix", [cc, 3, "same"])
    add(g, "err-n0", "convolution_matrix", [c, 0])
    add(g, "err-mode", "convolution_matrix", [c, 2, "circular"])
    add(g, "err-empty", "convolution_matrix", [np.zeros(0), 2])
    for fn in ("companion", "fiedler_companion"):
        add(g, "f64", fn, [np.array([2.0, -3.0, 1.0, 5.0])])
        add(g, "int", fn, [np.array([1, -2, 3], dtype=np.int64)])
        add(g, "complex", fn, [rnd((4,), C128)])
        add(g, "f32", fn, [np.array([2.0, -3.0, 1.0, 5.0], dtype=F32)], dt=F32)
        add(g, "batch", fn, [rnd((2, 4))])
    add(g, "err-leading-zero", "companion", [np.array([0.0, 1.0, 2.0])])
    add(g, "n2", "companion", [np.array([2.0, 3.0])])
    add(g, "f64", "fiedler", [np.array([1.0, 4.0, 12.0, 45.0])])
    add(g, "int", "fiedler", [np.array([1, 4, 12, 45], dtype=np.int64)])
    add(g, "batch", "fiedler", [rnd((2, 3))])
    add(g, "f64", "leslie", [np.array([0.1, 2.0, 1.0, 0.1]), np.array([0.2, 0.8, 0.7])])
    add(g, "int", "leslie", [np.array([1, 2, 3], dtype=np.int64), np.array([1, 1], dtype=np.int64)])
    add(g, "batch", "leslie", [rnd((2, 3)), rnd((2, 2))])
    add(g, "err-s-length", "leslie", [np.array([1.0, 2.0]), np.array([1.0, 2.0])])
    for n in (1, 2, 4, 8):
        add(g, f"n{n}", "hadamard", [n])
    add(g, "f64", "hadamard", [4], {"dtype": "float64"})
    add(g, "err-n3", "hadamard", [3])
    for n in (1, 2, 5):
        add(g, f"n{n}", "helmert", [n])
        add(g, f"n{n}-full", "helmert", [n], {"full": True})
        add(g, f"n{n}", "hilbert", [n])
        add(g, f"n{n}", "invhilbert", [n])
        add(g, f"n{n}-exact", "invhilbert", [n], {"exact": True})
        add(g, f"n{n}", "dft", [n])
        for kind in ("symmetric", "lower", "upper"):
            for exact in (True, False):
                # (SciPy's exact pascal is uint64; the fixture format has int64, same values)
                add(g, f"n{n}-{kind}-exact{int(exact)}", "pascal", [n], {"kind": kind, "exact": exact},
                    fn=lambda n, **kw: np.asarray(sl.pascal(n, **kw)).astype(np.int64) if kw.get("exact", True) else sl.pascal(n, **kw))
                add(g, f"n{n}-{kind}-exact{int(exact)}", "invpascal", [n], {"kind": kind, "exact": exact})
    add(g, "n0", "hilbert", [0])
    add(g, "n14-exact", "invhilbert", [14], {"exact": True})
    add(g, "err-kind", "pascal", [3], {"kind": "diagonal"})
    for scale in (None, "sqrtn", "n"):
        add(g, f"n4-{scale}", "dft", [4], {"scale": scale})
    add(g, "err-scale", "dft", [4], {"scale": "ortho"})
    a = rnd((2, 3))
    b = rnd((4, 3))
    add(g, "f64", "khatri_rao", [a, b])
    add(g, "int", "khatri_rao", [np.arange(6, dtype=np.int64).reshape(2, 3), np.arange(9, dtype=np.int64).reshape(3, 3)])
    add(g, "complex", "khatri_rao", [rnd((2, 2), C128), rnd((3, 2), C128)])
    add(g, "err-cols", "khatri_rao", [a, rnd((4, 2))])
    add(g, "err-1d", "khatri_rao", [rnd((3,)), rnd((3,))])
    g.case("linalg.block_diag/mixed", "linalg.block_diag", [np.eye(2), np.array([3.0, 4.0]), np.array(5.0)],
           call=lambda: sl.block_diag(np.eye(2), np.array([3.0, 4.0]), np.array(5.0)))
    x, y = np.ones((2, 1), dtype=np.int64), rnd((1, 2), C128)
    g.case("linalg.block_diag/int-complex", "linalg.block_diag", [x, y], call=lambda: sl.block_diag(x, y))
    g.case("linalg.block_diag/none", "linalg.block_diag", [], call=lambda: sl.block_diag())
    z = np.zeros((0, 2))
    g.case("linalg.block_diag/empty-block", "linalg.block_diag", [np.eye(2), z], call=lambda: sl.block_diag(np.eye(2), z))
    bb = rnd((2, 2, 2))
    g.case("linalg.block_diag/batch", "linalg.block_diag", [bb, np.eye(1)], call=lambda: sl.block_diag(bb, np.eye(1)))


def basic_cases(g: Gen):
    for dt in DTS:
        a = rnd((3, 4), dt)
        for o in (None, "fro", "nuc", np.inf, -np.inf, 1, -1, 2, -2):
            tag = "none" if o is None else str(o)
            add(g, f"{short(dt)}-mat-ord{tag}", "norm", [a], {"ord": o}, dt=dt)
        v = rnd((5,), dt)
        for o in (None, np.inf, -np.inf, 0, 1, 2, 3, -1):
            tag = "none" if o is None else str(o)
            add(g, f"{short(dt)}-vec-ord{tag}", "norm", [v], {"ord": o}, dt=dt)
        add(g, f"{short(dt)}", "issymmetric", [herm(3, dt)])
        add(g, f"{short(dt)}", "ishermitian", [herm(3, dt)])
        add(g, f"{short(dt)}", "bandwidth", [np.triu(np.tril(rnd((4, 4), dt), 2), -1)])
        add(g, f"{short(dt)}", "matrix_balance", [np.array([[1, 100, 1e4], [0.01, 1, 100], [1e-4, 0.01, 1]]).astype(dt)], dt=dt)
    x = rnd((2, 3, 4))
    add(g, "axis", "norm", [x], {"axis": 1})
    add(g, "axis-tuple", "norm", [x], {"axis": (1, 2), "ord": "fro"})
    add(g, "axis-tuple-nuc", "norm", [x], {"axis": (2, 1), "ord": "nuc"})
    add(g, "axis-keepdims", "norm", [x], {"axis": -1, "keepdims": True, "ord": 3})
    add(g, "keepdims", "norm", [x[0]], {"keepdims": True})
    add(g, "3d-default", "norm", [x])
    add(g, "empty", "norm", [np.zeros((0, 3))])
    add(g, "all-keywords", "norm", [x[0]], {"ord": 1, "axis": None, "keepdims": False, "check_finite": False})
    add(g, "err-nan", "norm", [np.array([1.0, np.nan])])
    add(g, "err-ord", "norm", [x[0]], {"ord": "max"})
    add(g, "err-3d-ord", "norm", [x], {"ord": 2})
    add(g, "nonsymmetric", "issymmetric", [rnd((3, 3))])
    add(g, "atol", "issymmetric", [np.array([[1.0, 2.0], [2.0 + 1e-3, 1.0]])], {"atol": 1e-2})
    add(g, "rtol", "issymmetric", [np.array([[1.0, 2.0], [2.0 + 1e-3, 1.0]])], {"rtol": 1e-2})
    add(g, "complex-not-hermitian", "ishermitian", [np.array([[1.0, 1j], [1j, 1.0]])])
    add(g, "complex-symmetric", "issymmetric", [np.array([[1.0, 1j], [1j, 1.0]])])
    add(g, "batch", "issymmetric", [np.stack([herm(3), rnd((3, 3))])])
    add(g, "err-non-square", "issymmetric", [rnd((3, 4))])
    add(g, "rect", "bandwidth", [np.triu(rnd((3, 5)), 1)])
    add(g, "zeros", "bandwidth", [np.zeros((3, 3))])
    add(g, "int", "bandwidth", [np.array([[1, 0], [3, 1]], dtype=np.int64)])
    add(g, "batch", "bandwidth", [np.stack([np.eye(3), np.tril(np.ones((3, 3)))])])
    m = np.array([[1.0, 0.0, 0.0], [1e3, 2.0, 1e-3], [1e4, 5.0, 3.0]])
    for perm in (False, True):
        for sc in (False, True):
            add(g, f"permute{int(perm)}-scale{int(sc)}", "matrix_balance", [m], {"permute": perm, "scale": sc})
    add(g, "batch", "matrix_balance", [np.stack([m, m.T])])
    add(g, "err-nan", "matrix_balance", [with_nan(m)])
    for dt in (F32, F64):
        t, z = sl.schur(eigmat(4, dt, True))
        add(g, f"{short(dt)}", "rsf2csf", [t, z], dt=dt)
        w, v = sl.eig(eigmat(4, dt, True))
        add(g, f"{short(dt)}", "cdf2rdf", [w, v], dt=dt)
    t, z = sl.schur(eigmat(3))
    add(g, "triangular", "rsf2csf", [t, z])
    add(g, "err-shape", "rsf2csf", [t, z[:2, :2]])
    for dt in DTS:
        x = rnd((2, 3, 4), dt)
        for o in (2, 1, np.inf, -np.inf, 0, 3):
            g.case(f"xp.linalg.vector_norm/{short(dt)}-ord{o}", "xp.linalg.vector_norm", [x], {"ord": o},
                   call=lambda x=x, o=o: np.linalg.vector_norm(x, ord=o), tol=TOL[dt])
        for o in ("fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
            g.case(f"xp.linalg.matrix_norm/{short(dt)}-ord{o}", "xp.linalg.matrix_norm", [x], {"ord": o},
                   call=lambda x=x, o=o: np.linalg.matrix_norm(x, ord=o), tol=TOL[dt])
        sq = rnd((3, 3), dt)
        for n in (0, 1, 3, -2):
            g.case(f"xp.linalg.matrix_power/{short(dt)}-n{n}", "xp.linalg.matrix_power", [sq, n],
                   call=lambda sq=sq, n=n: np.linalg.matrix_power(sq, n), tol=TOL[dt])
    x = rnd((2, 3, 4))
    g.case("xp.linalg.vector_norm/axis", "xp.linalg.vector_norm", [x], {"axis": (0, 2), "keepdims": True},
           call=lambda: np.linalg.vector_norm(x, axis=(0, 2), keepdims=True), tol=TOL[F64])
    g.case("xp.linalg.matrix_norm/keepdims", "xp.linalg.matrix_norm", [x], {"keepdims": True},
           call=lambda: np.linalg.matrix_norm(x, keepdims=True), tol=TOL[F64])
    xi = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
    for off in (0, 1, -1, 5):
        g.case(f"xp.linalg.trace/offset{off}", "xp.linalg.trace", [xi], {"offset": off},
               call=lambda off=off: np.linalg.trace(xi, offset=off))
        g.case(f"xp.linalg.diagonal/offset{off}", "xp.linalg.diagonal", [x], {"offset": off},
               call=lambda off=off: np.linalg.diagonal(x, offset=off))
    g.case("xp.linalg.trace/dtype", "xp.linalg.trace", [xi], {"dtype": "float64"},
           call=lambda: np.linalg.trace(xi, dtype=np.float64))
    u, v = rnd((3,)), rnd((4,), C128)
    g.case("xp.linalg.outer/mixed", "xp.linalg.outer", [u, v], call=lambda: np.linalg.outer(u, v), tol=TOL[C128])
    g.case("xp.linalg.outer/int", "xp.linalg.outer", [xi[0, 0], xi[1, 1]], call=lambda: np.linalg.outer(xi[0, 0], xi[1, 1]))
    p3, q3 = rnd((2, 3)), rnd((2, 3))
    g.case("xp.linalg.cross/f64", "xp.linalg.cross", [p3, q3], call=lambda: np.linalg.cross(p3, q3), tol=TOL[F64])
    p0, q0 = rnd((3, 2)), rnd((3, 2))
    g.case("xp.linalg.cross/axis0", "xp.linalg.cross", [p0, q0], {"axis": 0},
           call=lambda: np.linalg.cross(p0, q0, axis=0), tol=TOL[F64])
    g.case("xp.linalg.cross/err-size", "xp.linalg.cross", [rnd((2,)), rnd((2,))],
           call=lambda: np.linalg.cross(np.ones(2), np.ones(2)))
    g.case("xp.linalg.matrix_power/err-singular", "xp.linalg.matrix_power", [np.zeros((2, 2)), -1],
           call=lambda: np.linalg.matrix_power(np.zeros((2, 2)), -1))


def banded_cases(g: Gen):
    def to_ab(a, l, u):
        n = a.shape[0]
        ab = np.zeros((l + u + 1, n), dtype=a.dtype)
        for i in range(n):
            for j in range(max(0, i - l), min(n, i + u + 1)):
                ab[u + i - j, j] = a[i, j]
        return ab

    for dt in DTS:
        c, r = rnd((4,), dt), rnd((4,), dt)
        c[0] = 6
        add(g, f"{short(dt)}-c", "solve_toeplitz", [c, rnd((4,), dt)], dt=dt)
        add(g, f"{short(dt)}-cr", "solve_toeplitz", [(c, r), rnd((4, 2), dt)], dt=dt)
        a = well(5, dt)
        for l, u in ((1, 1), (2, 0), (0, 2), (1, 2)):
            band = np.triu(np.tril(a, u), -l)
            add(g, f"{short(dt)}-l{l}-u{u}", "solve_banded", [(l, u), to_ab(band, l, u), rnd((5, 2), dt)], dt=dt)
        h = spd(5, dt)
        hb = np.triu(np.tril(h, 1), -1)
        up = np.zeros((2, 5), dtype=dt)
        up[0, 1:] = np.diag(hb, 1)
        up[1] = np.diag(hb)
        lo = np.zeros((2, 5), dtype=dt)
        lo[0] = np.diag(hb)
        lo[1, :-1] = np.diag(hb, -1)
        add(g, f"{short(dt)}-upper", "solveh_banded", [up, rnd((5,), dt)], dt=dt)
        add(g, f"{short(dt)}-lower", "solveh_banded", [lo, rnd((5, 2), dt)], {"lower": True}, dt=dt)
    add(g, "err-nan", "solve_toeplitz", [np.array([1.0, np.nan]), np.ones(2)])
    add(g, "all-keywords", "solve_banded", [(1, 1), to_ab(np.triu(np.tril(well(4), 1), -1), 1, 1), rnd((4,))],
        {"overwrite_ab": True, "overwrite_b": True, "check_finite": False})
    add(g, "err-shape", "solve_banded", [(1, 1), np.ones((3, 4)), rnd((5,))])
    add(g, "err-singular", "solve_banded", [(0, 0), np.zeros((1, 3)), rnd((3,))])
    add(g, "err-not-pd", "solveh_banded", [np.array([[0.0, 2.0], [1.0, 1.0]]), np.ones(2)])


def add_linalg_cases(g: Gen):
    basic_cases(g)
    banded_cases(g)
    solve_cases(g)
    triangular_cases(g)
    lu_cases(g)
    cholesky_cases(g)
    lstsq_cases(g)
    pinv_cases(g)
    inv_det_cases(g)
    qr_cases(g)
    svd_cases(g)
    eig_cases(g)
    eigh_cases(g)
    schur_hess_cases(g)
    matfun_cases(g)
    equation_cases(g)
    special_cases(g)
