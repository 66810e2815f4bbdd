//! LU, solve, inv, triangular solves: reconstruction identities and error cases.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use common::*;
use xp_core::{Array, c32, c64};
use xp_linalg::*;

fn lu_case<T: TestScalar, B: LinalgBackend>(shape: &[usize], seed: u64) -> Result<(), LinalgError> {
    let a = random::<T, B>(shape, seed);
    let f = lu(&a, &LuOptions::default())?;
    let p = f.p.clone().unwrap();
    let back = p.matmul(&f.l)?.matmul(&f.u)?;
    let n = shape[shape.len() - 1].max(shape[shape.len() - 2]) as f64;
    close(&back, &a, 16.0 * (n + 1.0));
    // p_indices: A = L[p] @ U, and permute_l: A = (P L) U.
    let fi = lu(&a, &LuOptions::default().p_indices(true))?;
    let pl = lu(&a, &LuOptions::default().permute_l(true))?;
    close(&pl.l.matmul(&pl.u)?, &a, 16.0 * (n + 1.0));
    let idx = fi.p_indices.unwrap();
    let k = fi.l.shape()[fi.l.ndim() - 1];
    let mut ishape = idx.shape().to_vec();
    ishape.push(k);
    let lp = fi.l.take_along_axis(&idx.expand_dims(-1)?.broadcast_to(&ishape)?, -2)?;
    close(&lp.matmul(&fi.u)?, &a, 16.0 * (n + 1.0));
    Ok(())
}

fn lu_reconstructs<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        for (i, shape) in [
            vec![4, 4],
            vec![1, 1],
            vec![5, 3],
            vec![3, 5],
            vec![0, 0],
            vec![2, 0],
            vec![3, 6, 6],
            vec![2, 2, 3, 3],
        ]
        .iter()
        .enumerate()
        {
            lu_case::<f64, B>(shape, i as u64 + 1)?;
            lu_case::<f32, B>(shape, i as u64 + 11)?;
            lu_case::<c64, B>(shape, i as u64 + 21)?;
            lu_case::<c32, B>(shape, i as u64 + 31)?;
        }
        Ok(())
    })
}

fn solve_case<T: TestScalar, B: LinalgBackend>(
    n: usize,
    batch: &[usize],
    k: Option<usize>,
    seed: u64,
) -> Result<(), LinalgError> {
    let mut ashape = batch.to_vec();
    ashape.extend([n, n]);
    let a = shifted(&random::<T, B>(&ashape, seed), 2.0);
    let mut bshape = batch.to_vec();
    bshape.push(n);
    if let Some(k) = k {
        bshape.push(k);
    }
    let b = random::<T, B>(&bshape, seed + 100);
    let x = solve(&a, &b, &SolveOptions::default())?;
    assert_eq!(x.shape(), b.shape());
    let bx = if k.is_some() { b.clone() } else { b.expand_dims(-1)? };
    let xx = if k.is_some() { x.clone() } else { x.expand_dims(-1)? };
    close(&a.matmul(&xx)?, &bx, 64.0 * (n as f64 + 1.0));
    // transposed
    let xt = solve(&a, &b, &SolveOptions::default().transposed(true))?;
    let xtt = if k.is_some() { xt } else { xt.expand_dims(-1)? };
    close(&a.matrix_transpose()?.matmul(&xtt)?, &bx, 64.0 * (n as f64 + 1.0));
    // lu_factor + lu_solve agree with solve
    let f = lu_factor(&a, &LuFactorOptions::default())?;
    let x2 = lu_solve(&f, &b, &LuSolveOptions::default())?;
    close(&x2, &x, 64.0 * (n as f64 + 1.0));
    // inv
    let ai = inv(&a, &InvOptions::default())?;
    let eye = Array::<T, B>::eye(n, None, 0)?;
    close(&a.matmul(&ai)?, &eye.broadcast_to(a.shape())?, 64.0 * (n as f64 + 1.0));
    Ok(())
}

fn solve_satisfies_ax_eq_b<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        for (n, batch, k) in [
            (1, vec![], None),
            (3, vec![], None),
            (4, vec![], Some(2)),
            (5, vec![], Some(3)),
            (40, vec![], Some(7)),
            (6, vec![3], Some(2)),
            (3, vec![2, 2], Some(1)),
            (0, vec![], Some(2)),
            (2, vec![0], Some(2)),
        ] {
            solve_case::<f64, B>(n, &batch, k, 7 + n as u64)?;
            solve_case::<f32, B>(n, &batch, k, 17 + n as u64)?;
            solve_case::<c64, B>(n, &batch, k, 27 + n as u64)?;
            solve_case::<c32, B>(n, &batch, k, 37 + n as u64)?;
        }
        Ok(())
    })
}

fn structured_solves<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        let n = 6;
        let a = spd::<f64, B>(&[], n, 3);
        let b = random::<f64, B>(&[n, 2], 4);
        let expect = solve(&a, &b, &SolveOptions::default())?;
        for (assume, lower) in [
            (AssumeA::Symmetric, true),
            (AssumeA::Symmetric, false),
            (AssumeA::PositiveDefinite, true),
            (AssumeA::PositiveDefinite, false),
            (AssumeA::Hermitian, false),
        ] {
            // Only the chosen triangle is read: garbage in the other must not matter.
            let junk = random::<f64, B>(&[n, n], 9);
            let half = if lower {
                (a.tril(0)? + junk.triu(1)?)?
            } else {
                (a.triu(0)? + junk.tril(-1)?)?
            };
            let x = solve(&half, &b, &SolveOptions::default().assume_a(assume).lower(lower))?;
            close(&x, &expect, 1e3);
        }
        let hc = spd::<c64, B>(&[2], 4, 5);
        let bc = random::<c64, B>(&[2, 4, 1], 6);
        let ec = solve(&hc, &bc, &SolveOptions::default())?;
        for assume in [AssumeA::Hermitian, AssumeA::PositiveDefinite] {
            let x = solve(&hc.tril(0)?, &bc, &SolveOptions::default().assume_a(assume).lower(true))?;
            close(&x, &ec, 1e3);
        }
        // Triangular and diagonal structure.
        let t = shifted(&random::<f64, B>(&[n, n], 12).triu(0)?, 3.0);
        let xt = solve(&t, &b, &SolveOptions::default().assume_a(AssumeA::UpperTriangular))?;
        close(&t.matmul(&xt)?, &b, 1e3);
        let xt = solve_triangular(&t, &b, &SolveTriangularOptions::default().trans(Trans::T))?;
        close(&t.matrix_transpose()?.matmul(&xt)?, &b, 1e3);
        let tl = t.matrix_transpose()?;
        let xl = solve_triangular(&tl, &b, &SolveTriangularOptions::default().lower(true))?;
        close(&tl.matmul(&xl)?, &b, 1e3);
        let d = (Array::<f64, B>::eye(n, None, 0)? * 4.0)?;
        let xd = solve(&d, &b, &SolveOptions::default().assume_a(AssumeA::Diagonal))?;
        close(&xd, &(&b * 0.25)?, 4.0);
        Ok(())
    })
}

fn singular_is_an_error<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        // Row 1 is twice row 0. Partial pivoting takes row 2 first, then row 1, and the last
        // pivot is exactly zero (by hand: [0, 5/3, -1/3] - 1/2 [0, 10/3, -2/3] = 0).
        let a = Array::<f64, B>::from_vec(vec![1.0, 2.0, 0.0, 2.0, 4.0, 0.0, 3.0, 1.0, 1.0], &[3, 3])?;
        let b = Array::<f64, B>::from_slice(&[1.0, 2.0, 3.0])?;
        expect_err(solve(&a, &b, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::Singular { pivot: 2, .. })
        });
        let r = Array::<f64, B>::from_vec(vec![1.0, 2.0, 2.0, 4.0], &[2, 2])?;
        let b2 = Array::<f64, B>::from_slice(&[1.0, 2.0])?;
        expect_err(solve(&r, &b2, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::Singular { pivot: 1, .. })
        });

        expect_err(inv(&a, &InvOptions::default()), |e| {
            matches!(e, LinalgError::Singular { .. })
        });
        let z = Array::<f64, B>::zeros(&[2, 2])?;
        expect_err(solve(&z, &b2, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::Singular { pivot: 0, .. })
        });
        let d = Array::<f64, B>::from_vec(vec![1.0, 0.0, 0.0, 0.0], &[2, 2])?;
        expect_err(
            solve(&d, &b2, &SolveOptions::default().assume_a(AssumeA::Diagonal)),
            |e| matches!(e, LinalgError::Singular { pivot: 1, .. }),
        );
        expect_err(solve_triangular(&d, &b2, &SolveTriangularOptions::default()), |e| {
            matches!(e, LinalgError::Singular { pivot: 1, .. })
        });
        // lu_factor does not fail on singular input (SciPy warns).
        assert!(lu_factor(&a, &LuFactorOptions::default()).is_ok());
        Ok(())
    })
}

fn bad_input_is_an_error<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        let a = random::<f64, B>(&[2, 3], 1);
        let b = random::<f64, B>(&[2], 2);
        expect_err(solve(&a, &b, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::NotSquare { .. })
        });
        let sq = random::<f64, B>(&[3, 3], 3);
        expect_err(solve(&sq, &b, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::ShapeMismatch { .. })
        });
        let v = random::<f64, B>(&[3], 3);
        expect_err(inv(&v, &InvOptions::default()), |e| {
            matches!(e, LinalgError::ShapeMismatch { .. })
        });
        let s = Array::<f64, B>::scalar(1.0)?;
        expect_err(solve(&sq, &s, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::ShapeMismatch { .. })
        });
        let nan = Array::<f64, B>::from_vec(vec![1.0, f64::NAN, 0.0, 1.0], &[2, 2])?;
        let b2 = Array::<f64, B>::from_slice(&[1.0, 1.0])?;
        expect_err(solve(&nan, &b2, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::NonFinite { .. })
        });
        expect_err(lu(&nan, &LuOptions::default()), |e| {
            matches!(e, LinalgError::NonFinite { .. })
        });
        expect_err(inv(&nan, &InvOptions::default()), |e| {
            matches!(e, LinalgError::NonFinite { .. })
        });
        let inf_b = Array::<f64, B>::from_slice(&[f64::INFINITY, 1.0])?;
        let eye = Array::<f64, B>::eye(2, None, 0)?;
        expect_err(solve(&eye, &inf_b, &SolveOptions::default()), |e| {
            matches!(e, LinalgError::NonFinite { .. })
        });
        // Without check_finite, NaN propagates instead.
        let x = solve(&eye, &inf_b, &SolveOptions::default().check_finite(false))?;
        assert!(x.to_vec()?[0].is_infinite());
        expect_err("nonsense".parse::<AssumeA>(), |e| {
            matches!(e, LinalgError::InvalidArgument { .. })
        });
        expect_err(LuSolveOptions::default().trans_code(3), |e| {
            matches!(e, LinalgError::InvalidArgument { .. })
        });
        Ok(())
    })
}

fn strict_needs_the_opt_in<B: LinalgBackend>() -> Result<(), LinalgError> {
    let a = Array::<f64, B>::eye(2, None, 0)?;
    let b = Array::<f64, B>::from_slice(&[1.0, 2.0])?;
    let r = solve(&a, &b, &SolveOptions::default());
    if B::HOST_MEMORY {
        assert!(r.is_ok());
    } else {
        expect_err(r, |e| {
            matches!(e, LinalgError::Core(xp_core::Error::HostTransferNotAllowed { .. }))
        });
    }
    Ok(())
}

fn records_the_dispatch_path<B: LinalgBackend>() -> Result<(), LinalgError> {
    let a = Array::<f64, B>::eye(3, None, 0)?;
    let b = Array::<f64, B>::from_slice(&[1.0, 2.0, 3.0])?;
    let (x, records) = xp_core::trace::capture(|| allowed(|| solve(&a, &b, &SolveOptions::default())));
    assert_eq!(x?.to_vec()?, vec![1.0, 2.0, 3.0]);
    let expected = if B::HOST_MEMORY {
        xp_core::Path::Native("faer")
    } else {
        xp_core::Path::Host
    };
    assert!(
        records
            .iter()
            .any(|r| r.function == "linalg.solve" && r.backend == B::NAME && r.path == expected),
        "{records:?}"
    );
    // Under force_generic the Cpu backend runs the same kernel as a host kernel.
    let (_, records) = xp_core::trace::capture(|| {
        xp_core::policy::Policy::new()
            .allow_host_transfer(true)
            .force_generic(true)
            .run(|| solve(&a, &b, &SolveOptions::default()))
    });
    assert!(
        records
            .iter()
            .any(|r| r.function == "linalg.solve" && r.path == xp_core::Path::Host)
    );
    Ok(())
}

/// A stack with one singular and one non-finite matrix reports the non-finite input (checked
/// before the factorization, as SciPy does), whichever the batch meets first; without
/// `check_finite` the singular matrix is reported.
fn non_finite_wins_over_singular_in_a_stack<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(non_finite_cases::<B>)
}

fn non_finite_cases<B: LinalgBackend>() -> Result<(), LinalgError> {
    let n = 6;
    let mut v = vec![0.0; 3 * n * n];
    for k in 1..3 {
        for i in 0..n {
            v[k * n * n + i * n + i] = 2.0;
        }
    }
    v[2 * n * n + 3 * n + 4] = f64::NAN;
    let a = Array::<f64, B>::from_vec(v, &[3, n, n])?;
    let b = Array::<f64, B>::ones(&[3, n, 1])?;
    let non_finite = |e: &LinalgError| matches!(e, LinalgError::NonFinite { parameter: "a", .. });
    expect_err(solve(&a, &b, &SolveOptions::default()), non_finite);
    expect_err(inv(&a, &InvOptions::default()), non_finite);
    let singular = |e: &LinalgError| matches!(e, LinalgError::Singular { .. });
    expect_err(solve(&a, &b, &SolveOptions::default().check_finite(false)), singular);
    // A large row-major matrix (loaded by the tiled transposing copy) with one infinity.
    let m = 300;
    let mut big: Vec<f64> = (0..m * m).map(|i| ((i * 7919) % 1000) as f64 / 1000.0).collect();
    for i in 0..m {
        big[i * m + i] += m as f64;
    }
    let fine = Array::<f64, B>::from_vec(big.clone(), &[m, m])?;
    let x = inv(&fine, &InvOptions::default())?;
    let eye = Array::<f64, B>::eye(m, None, 0)?;
    close(&fine.matmul(&x)?, &eye, 64.0);
    big[m * m - 2] = f64::INFINITY;
    let bad = Array::<f64, B>::from_vec(big, &[m, m])?;
    expect_err(inv(&bad, &InvOptions::default()), non_finite);
    expect_err(
        solve(&bad, &Array::<f64, B>::ones(&[m])?, &SolveOptions::default()),
        non_finite,
    );
    Ok(())
}

xp_core::test_backends!(
    non_finite_wins_over_singular_in_a_stack,
    records_the_dispatch_path,
    lu_reconstructs,
    solve_satisfies_ax_eq_b,
    structured_solves,
    singular_is_an_error,
    bad_input_is_an_error,
    strict_needs_the_opt_in
);
