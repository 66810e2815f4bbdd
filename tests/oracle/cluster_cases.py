"""Cases for `scipy.cluster.vq`: whiten, vq, kmeans and kmeans2.

Only deterministic calls give value cases: `kmeans` with an initial codebook array (`iter` is then
ignored by SciPy) and `kmeans2` with `minit="matrix"` and initial centroids. Calls that draw random
numbers (an integer `k`) appear only where SciPy raises before drawing anything useful.
"""

from __future__ import annotations

import numpy as np
import scipy.cluster.vq as vq

from common import F32, F64, Gen, short

RNG = np.random.default_rng(7)


def blobs(dt):
    """Three separated blobs of 5 points each in 2-D."""
    centers = np.array([[0.0, 0.0], [5.0, 5.0], [0.0, 6.0]])
    pts = np.concatenate([c + RNG.normal(0, 0.6, (5, 2)) for c in centers])
    return pts.astype(dt)


def add_cluster_cases(g: Gen):
    obs = {dt: blobs(dt) for dt in (F32, F64)}
    for dt in (F32, F64):
        o, s = obs[dt], short(dt)
        g.case(f"cluster.vq.whiten/{s}", "cluster.vq.whiten", [o], call=lambda o=o: vq.whiten(o), kind="reduce")
        g.case(f"cluster.vq.whiten/{s}-1d", "cluster.vq.whiten", [o[:, 0]], call=lambda o=o: vq.whiten(o[:, 0]), kind="reduce")
        book = o[[0, 5, 10]]
        g.case(f"cluster.vq.vq/{s}", "cluster.vq.vq", [o, book], call=lambda o=o, b=book: vq.vq(o, b), kind="reduce")
        g.case(
            f"cluster.vq.vq/{s}-no-check",
            "cluster.vq.vq",
            [o, book],
            {"check_finite": False},
            call=lambda o=o, b=book: vq.vq(o, b, check_finite=False),
            kind="reduce",
        )
        guess = o[[0, 1, 2]].copy()
        g.case(f"cluster.vq.kmeans/{s}", "cluster.vq.kmeans", [o, guess], call=lambda o=o, gs=guess: vq.kmeans(o, gs.copy()), kind="iter")
        g.case(
            f"cluster.vq.kmeans/{s}-thresh-iter",
            "cluster.vq.kmeans",
            [o, guess],
            {"iter": 5, "thresh": 1e-3, "check_finite": True},
            call=lambda o=o, gs=guess: vq.kmeans(o, gs.copy(), iter=5, thresh=1e-3, check_finite=True),
            kind="iter",
        )
        init = o[[0, 5, 6]].copy()
        g.case(
            f"cluster.vq.kmeans2/{s}",
            "cluster.vq.kmeans2",
            [o, init],
            {"minit": "matrix"},
            call=lambda o=o, i=init: vq.kmeans2(o, i.copy(), minit="matrix"),
            compare="labels_up_to_permutation",
            kind="iter",
        )
        # `rng=None` draws fresh entropy, which "matrix" initialisation never uses.
        g.case(
            f"cluster.vq.kmeans2/{s}-rng-none",
            "cluster.vq.kmeans2",
            [o, init],
            {"minit": "matrix", "rng": None},
            call=lambda o=o, i=init: vq.kmeans2(o, i.copy(), minit="matrix", rng=None),
            compare="labels_up_to_permutation",
            kind="iter",
        )
        g.case(
            f"cluster.vq.kmeans2/{s}-iter2",
            "cluster.vq.kmeans2",
            [o, init],
            {"iter": 2, "minit": "matrix", "thresh": 1e-5, "missing": "warn", "check_finite": True},
            call=lambda o=o, i=init: vq.kmeans2(o, i.copy(), iter=2, minit="matrix", thresh=1e-5, missing="warn"),
            kind="iter",
        )
        g.case(
            f"cluster.vq.kmeans2/{s}-iter1",
            "cluster.vq.kmeans2",
            [o, init],
            {"iter": 1, "minit": "matrix"},
            call=lambda o=o, i=init: vq.kmeans2(o, i.copy(), iter=1, minit="matrix"),
            kind="iter",
        )

    o = obs[F64]
    # whiten: a constant column is left unscaled (SciPy warns); NaN passes with check_finite=False
    const = np.array([[1.0, 2.0], [1.0, 3.0], [1.0, 7.0]])
    g.case("cluster.vq.whiten/zero-std-column", "cluster.vq.whiten", [const], call=lambda: vq.whiten(const))
    nan_obs = np.array([[1.0, np.nan], [2.0, 3.0], [4.0, 1.0]])
    g.case("cluster.vq.whiten/nan-check", "cluster.vq.whiten", [nan_obs], {"check_finite": True}, call=lambda: vq.whiten(nan_obs, check_finite=True))
    g.case("cluster.vq.whiten/nan-default", "cluster.vq.whiten", [nan_obs], call=lambda: vq.whiten(nan_obs))
    g.case("cluster.vq.whiten/nan-no-check", "cluster.vq.whiten", [nan_obs], {"check_finite": False}, call=lambda: vq.whiten(nan_obs, check_finite=False))
    g.case("cluster.vq.whiten/inf-check", "cluster.vq.whiten", [np.array([[np.inf, 1.0], [1.0, 2.0]])], call=lambda: vq.whiten(np.array([[np.inf, 1.0], [1.0, 2.0]])))
    g.case("cluster.vq.whiten/0d", "cluster.vq.whiten", [np.float64(1.0)], call=lambda: vq.whiten(np.float64(1.0)))

    # vq: ties go to the first code; errors for mismatched features, ranks, NaN
    tie_obs = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]])
    tie_book = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [2.0, 1.0]])
    g.case("cluster.vq.vq/ties", "cluster.vq.vq", [tie_obs, tie_book], call=lambda: vq.vq(tie_obs, tie_book))
    x1, b1 = np.array([1.0, 2.0, 5.0, 9.0]), np.array([1.5, 8.0])
    g.case("cluster.vq.vq/1d", "cluster.vq.vq", [x1, b1], call=lambda: vq.vq(x1, b1))
    g.case("cluster.vq.vq/empty-obs", "cluster.vq.vq", [np.zeros((0, 2)), o[:2]], call=lambda: vq.vq(np.zeros((0, 2)), o[:2]))
    g.case("cluster.vq.vq/one-code", "cluster.vq.vq", [o, o[3:4]], call=lambda: vq.vq(o, o[3:4]))
    g.case("cluster.vq.vq/feature-mismatch", "cluster.vq.vq", [o, np.ones((2, 3))], call=lambda: vq.vq(o, np.ones((2, 3))))
    g.case("cluster.vq.vq/rank-mismatch", "cluster.vq.vq", [o, np.ones((3,))], call=lambda: vq.vq(o, np.ones((3,))))
    g.case("cluster.vq.vq/3d", "cluster.vq.vq", [np.ones((2, 2, 2)), np.ones((2, 2))], call=lambda: vq.vq(np.ones((2, 2, 2)), np.ones((2, 2))))
    nan_o = np.array([[np.nan, 1.0], [1.0, 2.0]])
    g.case("cluster.vq.vq/nan-obs", "cluster.vq.vq", [nan_o, np.ones((2, 2))], call=lambda: vq.vq(nan_o, np.ones((2, 2))))
    g.case(
        "cluster.vq.vq/nan-book",
        "cluster.vq.vq",
        [o, np.array([[np.nan, 1.0]])],
        {"check_finite": True},
        call=lambda: vq.vq(o, np.array([[np.nan, 1.0]]), check_finite=True),
    )

    # kmeans: 1-D data; errors
    d1 = np.array([1.0, 2.0, 1.5, 8.0, 9.0, 8.5, 4.0])
    g.case("cluster.vq.kmeans/1d", "cluster.vq.kmeans", [d1, np.array([1.0, 9.0])], call=lambda: vq.kmeans(d1, np.array([1.0, 9.0])), kind="iter")
    g.case(
        "cluster.vq.kmeans/one-code",
        "cluster.vq.kmeans",
        [o, o[4:5].copy()],
        call=lambda: vq.kmeans(o, o[4:5].copy()),
        kind="iter",
    )
    g.case("cluster.vq.kmeans/nan", "cluster.vq.kmeans", [nan_o, np.ones((1, 2))], call=lambda: vq.kmeans(nan_o, np.ones((1, 2))))
    g.case("cluster.vq.kmeans/feature-mismatch", "cluster.vq.kmeans", [o, np.ones((2, 3))], call=lambda: vq.kmeans(o, np.ones((2, 3))))
    g.case("cluster.vq.kmeans/empty-guess", "cluster.vq.kmeans", [o, np.zeros((0, 2))], call=lambda: vq.kmeans(o, np.zeros((0, 2))))
    g.case("cluster.vq.kmeans/iter-0", "cluster.vq.kmeans", [o, o[:2].copy()], {"iter": 0}, call=lambda: vq.kmeans(o, o[:2].copy(), iter=0))
    g.case("cluster.vq.kmeans/k-0", "cluster.vq.kmeans", [o, 0], call=lambda: vq.kmeans(o, 0))

    # kmeans2: empty clusters, 1-D data, errors
    far = np.array([[0.0, 0.0], [100.0, 100.0]])
    g.case(
        "cluster.vq.kmeans2/empty-cluster-warn",
        "cluster.vq.kmeans2",
        [o, far],
        {"minit": "matrix", "missing": "warn"},
        call=lambda: vq.kmeans2(o, far.copy(), minit="matrix", missing="warn"),
        kind="iter",
    )
    g.case(
        "cluster.vq.kmeans2/empty-cluster-raise",
        "cluster.vq.kmeans2",
        [o, far],
        {"minit": "matrix", "missing": "raise"},
        call=lambda: vq.kmeans2(o, far.copy(), minit="matrix", missing="raise"),
    )
    g.case(
        "cluster.vq.kmeans2/1d",
        "cluster.vq.kmeans2",
        [d1, np.array([1.0, 9.0])],
        {"minit": "matrix"},
        call=lambda: vq.kmeans2(d1, np.array([1.0, 9.0]), minit="matrix"),
        kind="iter",
    )
    g.case(
        "cluster.vq.kmeans2/one-column",
        "cluster.vq.kmeans2",
        [o[:, :1], o[:2, :1]],
        {"minit": "matrix"},
        call=lambda: vq.kmeans2(o[:, :1], o[:2, :1].copy(), minit="matrix"),
        kind="iter",
    )
    for tag, args, kw in [
        ("bad-minit", [o, 2], {"minit": "foo"}),
        ("bad-missing", [o, o[:2]], {"minit": "matrix", "missing": "foo"}),
        ("iter-0", [o, o[:2]], {"minit": "matrix", "iter": 0}),
        ("empty", [np.zeros((0, 2)), np.ones((2, 2))], {"minit": "matrix"}),
        ("feature-mismatch", [o, np.ones((2, 3))], {"minit": "matrix"}),
        ("nan", [nan_o, np.ones((1, 2))], {"minit": "matrix"}),
        ("3d", [np.ones((2, 2, 2)), np.ones((1, 2))], {"minit": "matrix"}),
        ("rank-mismatch", [o, np.array([1.0, 2.0])], {"minit": "matrix"}),
        ("int-k-matrix", [o, 2], {"minit": "matrix"}),
        ("k-0", [o, 0], {}),
        ("k-larger-than-n-points", [o, 20], {"minit": "points"}),
    ]:
        args_c = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        g.case(
            f"cluster.vq.kmeans2/{tag}",
            "cluster.vq.kmeans2",
            args,
            kw,
            call=lambda a=args_c, kw=kw: vq.kmeans2(*a, **kw),
        )
