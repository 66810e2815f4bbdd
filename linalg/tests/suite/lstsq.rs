//! lstsq with every `lapack_driver`: against `pinv(a) @ b` (an independent SVD-based reference),
//! the normal equations, hand-computed truncations, SciPy's empty-problem conventions, and
//! the rejection of unknown drivers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use common::*;
use xp_core::{Array, Backend, c32, c64};
use xp_linalg::*;

const DRIVERS: [LstsqDriver; 3] = [LstsqDriver::Gelsd, LstsqDriver::Gelss, LstsqDriver::Gelsy];

fn opts(driver: LstsqDriver) -> LstsqOptions {
    LstsqOptions::default().lapack_driver(driver)
}

/// `pinv(a) @ b` with the given relative cut-off.
fn pinv_solve<T: TestScalar, B: LinalgBackend>(a: &Array<T, B>, b: &Array<T, B>, rtol: Option<f64>) -> Array<T, B> {
    let p = pinv(a, &PinvOptions::default().rtol(rtol)).unwrap();
    if b.ndim() == 1 {
        p.matmul(&b.expand_dims(-1).unwrap()).unwrap().squeeze(-1).unwrap()
    } else {
        p.matmul(b).unwrap()
    }
}

/// Full-rank tall (the QR-first path: 9 >= 2 * 4), square and wide systems, vector and matrix
/// right-hand sides: every driver gives `pinv(a) @ b`, the full rank, and its conventions for
/// `s` and `residues`.
fn full_rank_for<T: TestScalar, B: LinalgBackend>() {
    for (m, n) in [(9, 4), (5, 5), (3, 6), (7, 5)] {
        let a = random::<T, B>(&[m, n], 10 + m as u64);
        for k in [None, Some(2)] {
            let shape: Vec<usize> = std::iter::once(m).chain(k).collect();
            let b = random::<T, B>(&shape, 20 + n as u64);
            let reference = pinv_solve(&a, &b, None);
            let sv = svdvals(&a, &SvdOptions::default()).unwrap();
            for d in DRIVERS {
                let r = lstsq(&a, &b, &opts(d)).unwrap();
                close(&r.x, &reference, 2e3);
                assert_eq!(r.rank, m.min(n), "{d:?} {m}x{n}");
                match (d, &r.s) {
                    (LstsqDriver::Gelsy, None) => {}
                    (LstsqDriver::Gelsy, Some(_)) => panic!("gelsy returned singular values"),
                    (_, Some(s)) => close(s, &sv, 1e2),
                    (_, None) => panic!("{d:?} returned no singular values"),
                }
                if d == LstsqDriver::Gelsy || m <= n {
                    assert_eq!(r.residues.shape(), &[0]);
                } else {
                    // residues = ||a x - b||^2 per column
                    let res = (&a.matmul(&r.x.reshape(&[n as isize, -1]).unwrap()).unwrap()
                        - &b.reshape(&[m as isize, -1]).unwrap())
                        .unwrap();
                    let sq = res.abs().unwrap().square().unwrap().sum(0, false).unwrap();
                    let sq = if k.is_none() { sq.reshape(&[]).unwrap() } else { sq };
                    close(&r.residues, &sq, 1e3);
                }
            }
        }
    }
}

fn drivers_agree_on_full_rank_systems<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        full_rank_for::<f32, B>();
        full_rank_for::<f64, B>();
        full_rank_for::<c32, B>();
        full_rank_for::<c64, B>();
        Ok(())
    })
}

/// An exactly rank-2 matrix of small integers (columns `c0, c1, c0 + c1, c0 - c1, ...`, exact in
/// floating point), `(m, n)`.
fn rank_two<T: TestScalar, B: Backend>(m: usize, n: usize, seed: u64) -> Array<T, B> {
    let mut rng = Rng::new(seed);
    let mut int = || (rng.next() * 3.0).round();
    let c0: Vec<(f64, f64)> = (0..m).map(|_| (int(), int())).collect();
    let c1: Vec<(f64, f64)> = (0..m).map(|_| (int(), int())).collect();
    let mut v = Vec::with_capacity(m * n);
    for i in 0..m {
        for j in 0..n {
            let (p, q) = [(1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, -1.0), (2.0, 1.0)][j % 5];
            v.push(T::from_parts(p * c0[i].0 + q * c1[i].0, p * c0[i].1 + q * c1[i].1));
        }
    }
    Array::from_vec(v, &[m, n]).unwrap()
}

/// Rank-deficient systems, tall (QR-first: 12 >= 2 * 4, and 6 x 4 without), square and wide:
/// both drivers return rank 2 and the minimum-norm solution `pinv(a) @ b`.
fn rank_deficient_for<T: TestScalar, B: LinalgBackend>() {
    let cut = 1e3 * T::eps();
    for (m, n) in [(12, 4), (6, 4), (4, 4), (3, 5)] {
        let a = rank_two::<T, B>(m, n, 30 + m as u64);
        for shape in [vec![m], vec![m, 3]] {
            let b = random::<T, B>(&shape, 40 + n as u64);
            let reference = pinv_solve(&a, &b, Some(cut));
            for d in DRIVERS {
                let r = lstsq(&a, &b, &opts(d).cond(Some(cut))).unwrap();
                assert_eq!(r.rank, 2, "{d:?} {m}x{n} {}", T::DTYPE);
                close(&r.x, &reference, 1e3);
                assert_eq!(r.residues.shape(), &[0], "rank deficient: no residues");
            }
        }
    }
}

fn rank_deficient_minimum_norm_solutions<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        rank_deficient_for::<f32, B>();
        rank_deficient_for::<f64, B>();
        rank_deficient_for::<c32, B>();
        rank_deficient_for::<c64, B>();
        Ok(())
    })
}

/// A tall system on the QR-first path against the same problem solved by the SVD of `a`
/// itself (`pinv`), also with a batch of right-hand sides and complex data.
fn qr_first_path_matches_the_direct_svd<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        let a = random::<c64, B>(&[40, 5], 50);
        let b = random::<c64, B>(&[40, 3], 51);
        let r = lstsq(&a, &b, &LstsqOptions::default())?;
        close(&r.x, &pinv_solve(&a, &b, None), 1e2);
        close(r.s.as_ref().unwrap(), &svdvals(&a, &SvdOptions::default())?, 1e2);
        // Normal equations: a^H (a x - b) = 0.
        let g = adjoint(&a).matmul(&(&a.matmul(&r.x)? - &b)?)?;
        close(&g, &g.zeros_like()?, 1e2);
        let a = random::<f32, B>(&[30, 3], 52);
        let b = random::<f32, B>(&[30], 53);
        let r = lstsq(&a, &b, &LstsqOptions::default())?;
        close(&r.x, &pinv_solve(&a, &b, None), 1e2);
        Ok(())
    })
}

#[track_caller]
fn near(x: &[f64], e: &[f64]) {
    assert_eq!(x.len(), e.len());
    assert!(
        x.iter().zip(e).all(|(x, e)| (x - e).abs() <= 1e-13 * e.abs().max(1.0)),
        "{x:?} vs {e:?}"
    );
}

/// `a = [diag(4, 2, 1); 0]`: the singular values and the pivoted `R`'s diagonal are `4, 2, 1`,
/// so a cut-off between 1/4 and 1/2 drops the last one in every driver: `x = [b0/4, b1/2, 0]`.
/// Outside `(0, 1)` `gelsd` falls back to machine epsilon, `gelss` keeps nothing for `cond >= 1`,
/// and `gelsy` always keeps the first column.
fn cond_is_read_as_each_driver_reads_it<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        let a = Array::<f64, B>::from_vec(
            vec![4.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0],
            &[4, 3],
        )?;
        let b = Array::<f64, B>::from_slice(&[8.0, 6.0, 5.0, 7.0])?;
        for d in DRIVERS {
            let r = lstsq(&a, &b, &opts(d).cond(Some(0.3)))?;
            assert_eq!(r.rank, 2, "{d:?}");
            near(&r.x.to_vec()?, &[2.0, 3.0, 0.0]);
        }
        let full = lstsq(&a, &b, &opts(LstsqDriver::Gelsd).cond(Some(1.0)))?;
        assert_eq!(full.rank, 3);
        near(&full.x.to_vec()?, &[2.0, 3.0, 5.0]);
        // full rank, m > n: residue 7^2
        near(&[full.residues.to_scalar()?], &[49.0]);
        let none = lstsq(&a, &b, &opts(LstsqDriver::Gelss).cond(Some(1.0)))?;
        assert_eq!((none.rank, none.x.to_vec()?), (0, vec![0.0, 0.0, 0.0]));
        let eps = lstsq(&a, &b, &opts(LstsqDriver::Gelss).cond(Some(-1.0)))?;
        assert_eq!(eps.rank, 3);
        let one = lstsq(&a, &b, &opts(LstsqDriver::Gelsy).cond(Some(2.0)))?;
        assert_eq!(one.rank, 1);
        near(&one.x.to_vec()?, &[2.0, 0.0, 0.0]);
        let all = lstsq(&a, &b, &opts(LstsqDriver::Gelsy).cond(Some(0.0)))?;
        assert_eq!(all.rank, 3);
        // A zero matrix has rank 0 and x = 0 in every driver.
        let z = Array::<f64, B>::zeros(&[3, 2])?;
        for d in DRIVERS {
            let r = lstsq(&z, &b.slice(&[xp_core::array::indexing::Idx::from(0..3)])?, &opts(d))?;
            assert_eq!((r.rank, r.x.to_vec()?), (0, vec![0.0, 0.0]), "{d:?}");
        }
        Ok(())
    })
}

/// SciPy's zero-size conventions: `x = 0` of shape `(N,)` / `(N, K)`, rank 0, empty `s` (`None`
/// for gelsy), residues `|b|^2` when `N == 0` and empty when only `M == 0`; `K == 0` solves
/// nothing.
fn empty_problems<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        for d in DRIVERS {
            let r = lstsq(
                &Array::<f64, B>::zeros(&[0, 3])?,
                &Array::<f64, B>::zeros(&[0])?,
                &opts(d),
            )?;
            assert_eq!((r.x.to_vec()?, r.rank), (vec![0.0; 3], 0));
            assert_eq!(r.residues.shape(), &[0]);
            assert_eq!(
                r.s.map(|s| s.shape().to_vec()),
                (d != LstsqDriver::Gelsy).then(|| vec![0])
            );

            let b = Array::<c64, B>::from_vec(
                vec![
                    c64::new(1.0, 1.0),
                    c64::new(2.0, 0.0),
                    c64::new(0.0, 3.0),
                    c64::new(0.0, 0.0),
                ],
                &[2, 2],
            )?;
            let r = lstsq(&Array::<c64, B>::zeros(&[2, 0])?, &b, &opts(d))?;
            assert_eq!((r.x.shape(), r.rank), (&[0, 2][..], 0));
            assert_eq!(r.residues.to_vec()?, vec![2.0 + 9.0, 4.0]);

            let r = lstsq(
                &Array::<f32, B>::zeros(&[0, 0])?,
                &Array::<f32, B>::zeros(&[0])?,
                &opts(d),
            )?;
            assert_eq!(
                (r.x.shape(), r.residues.shape(), r.residues.to_scalar()?),
                (&[0][..], &[][..], 0.0)
            );

            let a = random::<f64, B>(&[4, 3], 60);
            let r = lstsq(&a, &Array::<f64, B>::zeros(&[4, 0])?, &opts(d))?;
            assert_eq!((r.x.shape(), r.rank), (&[3, 0][..], 3));
        }
        Ok(())
    })
}

/// Unknown drivers, mismatched shapes and non-finite input are errors naming the function.
fn bad_input_is_rejected<B: LinalgBackend>() -> Result<(), LinalgError> {
    allowed(|| {
        let e = "gelsx".parse::<LstsqDriver>().unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("linalg.lstsq") && msg.contains("lapack_driver") && msg.contains("gelsx"),
            "{msg}"
        );
        assert!(matches!(e, LinalgError::InvalidArgument { .. }));
        assert_eq!("gelsy".parse::<LstsqDriver>().unwrap(), LstsqDriver::Gelsy);
        assert_eq!(LstsqDriver::default(), LstsqDriver::Gelsd);
        let a = random::<f64, B>(&[4, 3], 70);
        for d in DRIVERS {
            expect_err(lstsq(&a, &random::<f64, B>(&[5], 1), &opts(d)), |e| {
                matches!(e, LinalgError::ShapeMismatch { .. })
            });
            expect_err(lstsq(&random::<f64, B>(&[2, 4, 3], 1), &a, &opts(d)), |e| {
                matches!(e, LinalgError::ShapeMismatch { .. })
            });
            let nan = Array::<f64, B>::from_slice(&[1.0, f64::NAN, 0.0, 2.0])?;
            expect_err(lstsq(&a, &nan, &opts(d)), |e| {
                matches!(e, LinalgError::NonFinite { .. })
            });
        }
        Ok(())
    })
}

xp_core::test_backends!(
    drivers_agree_on_full_rank_systems,
    rank_deficient_minimum_norm_solutions,
    qr_first_path_matches_the_direct_svd,
    cond_is_read_as_each_driver_reads_it,
    empty_problems,
    bad_input_is_rejected,
);
