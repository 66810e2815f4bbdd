//! `scipy.linalg`: the factorizations and solvers of `shared/BENCHMARKS.md`, each next to faer
//! called directly on the same matrix (its high-level API, the way a user would call it).

use std::hint::black_box;

use faer::linalg::solvers::{DenseSolveCore, Solve, SolveLstsq};
use faer::{Mat, Side};
use xp::linalg::{
    CholeskyOptions, DetOptions, EigOptions, EighOptions, InvOptions, LstsqOptions, QrMode, QrOptions, SolveOptions,
    SvdOptions, cholesky, det, eig, eigh, expm, inv, lstsq, qr, solve, svd,
};
use xp::{Array, Cpu};

use super::Workload;
use crate::timing::Runner;
use crate::{BenchResult, data};

/// The linalg workloads.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "solve 2000x2000, 1 rhs",
            module: "linalg",
            xp: solve_run,
            native: Some(("faer", solve_faer)),
        },
        Workload {
            name: "solve batched 200 x (200x200)",
            module: "linalg",
            xp: batched_run,
            native: Some(("faer", batched_faer)),
        },
        Workload {
            name: "cholesky 2000",
            module: "linalg",
            xp: cholesky_run,
            native: Some(("faer", cholesky_faer)),
        },
        Workload {
            name: "qr 2000x1000 economic",
            module: "linalg",
            xp: qr_run,
            native: Some(("faer", qr_faer)),
        },
        Workload {
            name: "svd 1000x1000 full_matrices=False",
            module: "linalg",
            xp: svd_run,
            native: Some(("faer", svd_faer)),
        },
        Workload {
            name: "eigh 1000",
            module: "linalg",
            xp: eigh_run,
            native: Some(("faer", eigh_faer)),
        },
        Workload {
            name: "eig 500",
            module: "linalg",
            xp: eig_run,
            native: Some(("faer", eig_faer)),
        },
        Workload {
            name: "inv 1000",
            module: "linalg",
            xp: inv_run,
            native: Some(("faer", inv_faer)),
        },
        Workload {
            name: "det 2000",
            module: "linalg",
            xp: det_run,
            native: Some(("faer", det_faer)),
        },
        Workload {
            name: "lstsq 4000x500",
            module: "linalg",
            xp: lstsq_run,
            native: Some(("faer", lstsq_faer)),
        },
        Workload {
            name: "expm 500",
            module: "linalg",
            xp: expm_run,
            native: None,
        },
        Workload {
            name: "matmul 2000 (reference)",
            module: "linalg",
            xp: matmul_run,
            native: Some(("faer", matmul_faer)),
        },
        Workload {
            name: "per call: solve 4x4",
            module: "overhead",
            xp: solve4_run,
            native: Some(("faer", solve4_faer)),
        },
    ]
}

fn arr(v: Vec<f64>, shape: &[usize]) -> BenchResult<Array<f64, Cpu>> {
    Ok(Array::from_vec(v, shape)?)
}

fn mat(v: &[f64], rows: usize, cols: usize) -> Mat<f64> {
    Mat::from_fn(rows, cols, |i, j| v[i * cols + j])
}

/// Times `f(&a)` for an xp matrix `a`.
fn xp1<R: 'static>(
    a: Array<f64, Cpu>,
    f: impl Fn(&Array<f64, Cpu>) -> Result<R, xp::linalg::LinalgError> + 'static,
) -> Runner {
    Box::new(move || {
        black_box(f(&a)?);
        Ok(())
    })
}

fn solve_run() -> BenchResult<Runner> {
    let (a, b) = (
        arr(data::dominant(2000, 1), &[2000, 2000])?,
        arr(data::uniform(2000, 2), &[2000])?,
    );
    Ok(xp1(a, move |a| solve(a, &b, &SolveOptions::default())))
}

fn solve_faer() -> BenchResult<Runner> {
    let (a, b) = (
        mat(&data::dominant(2000, 1), 2000, 2000),
        mat(&data::uniform(2000, 2), 2000, 1),
    );
    Ok(Box::new(move || {
        black_box(a.partial_piv_lu().solve(&b));
        Ok(())
    }))
}

fn batched_run() -> BenchResult<Runner> {
    let mut v = Vec::with_capacity(200 * 200 * 200);
    for k in 0..200 {
        v.extend(data::dominant(200, 10 + k));
    }
    let a = arr(v, &[200, 200, 200])?;
    let b = arr(data::uniform(200 * 200, 3), &[200, 200, 1])?;
    Ok(xp1(a, move |a| solve(a, &b, &SolveOptions::default())))
}

fn batched_faer() -> BenchResult<Runner> {
    let a: Vec<Mat<f64>> = (0..200).map(|k| mat(&data::dominant(200, 10 + k), 200, 200)).collect();
    let b = data::uniform(200 * 200, 3);
    let b: Vec<Mat<f64>> = (0..200).map(|k| mat(&b[k * 200..(k + 1) * 200], 200, 1)).collect();
    Ok(Box::new(move || {
        use rayon::prelude::*;
        let x: Vec<Mat<f64>> = a.par_iter().zip(&b).map(|(a, b)| a.partial_piv_lu().solve(b)).collect();
        black_box(x);
        Ok(())
    }))
}

fn cholesky_run() -> BenchResult<Runner> {
    Ok(xp1(arr(data::spd(2000, 1), &[2000, 2000])?, |a| {
        cholesky(a, &CholeskyOptions::default())
    }))
}

fn cholesky_faer() -> BenchResult<Runner> {
    let a = mat(&data::spd(2000, 1), 2000, 2000);
    Ok(Box::new(move || {
        black_box(a.llt(Side::Lower).map_err(|e| format!("faer llt: {e:?}"))?);
        Ok(())
    }))
}

fn qr_run() -> BenchResult<Runner> {
    let a = arr(data::uniform(2000 * 1000, 1), &[2000, 1000])?;
    Ok(xp1(a, |a| qr(a, &QrOptions::default().mode(QrMode::Economic))))
}

fn qr_faer() -> BenchResult<Runner> {
    let a = mat(&data::uniform(2000 * 1000, 1), 2000, 1000);
    Ok(Box::new(move || {
        let f = a.qr();
        black_box((f.compute_thin_Q(), f.thin_R().to_owned()));
        Ok(())
    }))
}

fn svd_run() -> BenchResult<Runner> {
    let a = arr(data::uniform(1000 * 1000, 1), &[1000, 1000])?;
    Ok(xp1(a, |a| svd(a, &SvdOptions::default().full_matrices(false))))
}

fn svd_faer() -> BenchResult<Runner> {
    let a = mat(&data::uniform(1000 * 1000, 1), 1000, 1000);
    Ok(Box::new(move || {
        black_box(a.thin_svd().map_err(|e| format!("faer svd: {e:?}"))?);
        Ok(())
    }))
}

fn eigh_run() -> BenchResult<Runner> {
    Ok(xp1(arr(data::spd(1000, 1), &[1000, 1000])?, |a| {
        eigh(a, None, &EighOptions::default())
    }))
}

fn eigh_faer() -> BenchResult<Runner> {
    let a = mat(&data::spd(1000, 1), 1000, 1000);
    Ok(Box::new(move || {
        black_box(
            a.self_adjoint_eigen(Side::Lower)
                .map_err(|e| format!("faer eigh: {e:?}"))?,
        );
        Ok(())
    }))
}

fn eig_run() -> BenchResult<Runner> {
    let a = arr(data::uniform(500 * 500, 1), &[500, 500])?;
    Ok(xp1(a, |a| eig(a, None, &EigOptions::default())))
}

fn eig_faer() -> BenchResult<Runner> {
    let a = mat(&data::uniform(500 * 500, 1), 500, 500);
    Ok(Box::new(move || {
        black_box(a.eigen().map_err(|e| format!("faer eig: {e:?}"))?);
        Ok(())
    }))
}

fn inv_run() -> BenchResult<Runner> {
    Ok(xp1(arr(data::dominant(1000, 1), &[1000, 1000])?, |a| {
        inv(a, &InvOptions::default())
    }))
}

fn inv_faer() -> BenchResult<Runner> {
    let a = mat(&data::dominant(1000, 1), 1000, 1000);
    Ok(Box::new(move || {
        black_box(a.partial_piv_lu().inverse());
        Ok(())
    }))
}

fn det_run() -> BenchResult<Runner> {
    Ok(xp1(arr(data::dominant(2000, 1), &[2000, 2000])?, |a| {
        det(a, &DetOptions::default())
    }))
}

fn det_faer() -> BenchResult<Runner> {
    let a = mat(&data::dominant(2000, 1), 2000, 2000);
    Ok(Box::new(move || {
        black_box(a.determinant());
        Ok(())
    }))
}

fn lstsq_run() -> BenchResult<Runner> {
    let a = arr(data::uniform(4000 * 500, 1), &[4000, 500])?;
    let b = arr(data::uniform(4000, 2), &[4000])?;
    Ok(xp1(a, move |a| lstsq(a, &b, &LstsqOptions::default())))
}

fn lstsq_faer() -> BenchResult<Runner> {
    let a = mat(&data::uniform(4000 * 500, 1), 4000, 500);
    let b = mat(&data::uniform(4000, 2), 4000, 1);
    Ok(Box::new(move || {
        black_box(a.qr().solve_lstsq(&b));
        Ok(())
    }))
}

fn expm_run() -> BenchResult<Runner> {
    let v: Vec<f64> = data::uniform(500 * 500, 1).iter().map(|x| x / 10.0).collect();
    Ok(xp1(arr(v, &[500, 500])?, expm))
}

fn matmul_run() -> BenchResult<Runner> {
    let a = arr(data::uniform(2000 * 2000, 1), &[2000, 2000])?;
    let b = arr(data::uniform(2000 * 2000, 2), &[2000, 2000])?;
    Ok(Box::new(move || {
        black_box(a.matmul(&b)?);
        Ok(())
    }))
}

fn matmul_faer() -> BenchResult<Runner> {
    let a = mat(&data::uniform(2000 * 2000, 1), 2000, 2000);
    let b = mat(&data::uniform(2000 * 2000, 2), 2000, 2000);
    Ok(Box::new(move || {
        black_box(&a * &b);
        Ok(())
    }))
}

fn solve4_run() -> BenchResult<Runner> {
    let (a, b) = (arr(data::dominant(4, 1), &[4, 4])?, arr(data::uniform(4, 2), &[4])?);
    Ok(xp1(a, move |a| solve(a, &b, &SolveOptions::default())))
}

fn solve4_faer() -> BenchResult<Runner> {
    let (a, b) = (mat(&data::dominant(4, 1), 4, 4), mat(&data::uniform(4, 2), 4, 1));
    Ok(Box::new(move || {
        black_box(a.partial_piv_lu().solve(&b));
        Ok(())
    }))
}
