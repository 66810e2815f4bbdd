//! `scipy.fft`: the transforms of `shared/BENCHMARKS.md`, each next to the native crate called
//! by hand on the same data (a planned transform, reused buffers and scratch: the fastest direct
//! use, so the difference is what the namespace costs).

use std::hint::black_box;
use std::sync::Arc;

use rayon::prelude::*;
use rustdct::DctPlanner;
use rustfft::{Fft, FftPlanner};
use xp::c64;
use xp::fft::{DctOptions, FftOptions, FftnOptions, dct, fft, fft2, rfft};

use super::Workload;
use crate::timing::Runner;
use crate::{BenchResult, data};

const N20: usize = 1 << 20;
const N22: usize = 1 << 22;
const PRIME: usize = 1_000_003;

/// The fft workloads.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "fft c128 n=2^20",
            module: "fft",
            xp: || c128_1d(N20),
            native: Some(("rustfft", || rustfft_1d(N20))),
        },
        Workload {
            name: "fft c64 n=2^20",
            module: "fft",
            xp: c64_1d,
            native: Some(("rustfft", rustfft_c64_1d)),
        },
        Workload {
            name: "rfft f64 n=2^22",
            module: "fft",
            xp: rfft_run,
            native: Some(("realfft", realfft_run)),
        },
        Workload {
            name: "fft2 c128 2048x2048",
            module: "fft",
            xp: fft2_run,
            native: None,
        },
        Workload {
            name: "fft2 c128 2048x2048 (SciPy workers=2)",
            module: "fft",
            xp: fft2_run,
            native: None,
        },
        Workload {
            name: "fft c128 4096x1024 last axis",
            module: "fft",
            xp: batched,
            native: Some(("rustfft", rustfft_batched)),
        },
        Workload {
            name: "dct type 2 f64 n=2^20",
            module: "fft",
            xp: dct_run,
            native: Some(("rustdct", rustdct_run)),
        },
        Workload {
            name: "fft c128 prime n=1000003",
            module: "fft",
            xp: || c128_1d(PRIME),
            native: Some(("rustfft", || rustfft_1d(PRIME))),
        },
        Workload {
            name: "per call: fft c128 n=64",
            module: "overhead",
            xp: || c128_1d(64),
            native: Some(("rustfft", || rustfft_1d(64))),
        },
    ]
}

fn c128_1d(n: usize) -> BenchResult<Runner> {
    let x = data::complex(&[n], 1)?;
    let opts = FftOptions::default();
    Ok(Box::new(move || {
        black_box(fft(&x, &opts)?);
        Ok(())
    }))
}

fn c64_1d() -> BenchResult<Runner> {
    let x = data::complex32(&[N20], 1)?;
    let opts = FftOptions::default();
    Ok(Box::new(move || {
        black_box(fft(&x, &opts)?);
        Ok(())
    }))
}

fn rfft_run() -> BenchResult<Runner> {
    let x = data::real(&[N22], 1)?;
    let opts = FftOptions::default();
    Ok(Box::new(move || {
        black_box(rfft(&x, &opts)?);
        Ok(())
    }))
}

fn fft2_run() -> BenchResult<Runner> {
    let x = data::complex(&[2048, 2048], 1)?;
    let opts = FftnOptions::default();
    Ok(Box::new(move || {
        black_box(fft2(&x, &opts)?);
        Ok(())
    }))
}

fn batched() -> BenchResult<Runner> {
    let x = data::complex(&[4096, 1024], 1)?;
    let opts = FftOptions::default();
    Ok(Box::new(move || {
        black_box(fft(&x, &opts)?);
        Ok(())
    }))
}

fn dct_run() -> BenchResult<Runner> {
    let x = data::real(&[N20], 1)?;
    let opts = DctOptions::default().kind(2);
    Ok(Box::new(move || {
        black_box(dct(&x, &opts)?);
        Ok(())
    }))
}

/// The input of `c128_1d` as a host vector.
fn complex_vec(shape: &[usize]) -> BenchResult<Vec<c64>> {
    Ok(data::complex(shape, 1)?.to_vec()?)
}

fn rustfft_1d(n: usize) -> BenchResult<Runner> {
    let input = complex_vec(&[n])?;
    let plan: Arc<dyn Fft<f64>> = FftPlanner::new().plan_fft_forward(n);
    let mut buf = input.clone();
    let mut scratch = vec![c64::default(); plan.get_inplace_scratch_len()];
    Ok(Box::new(move || {
        buf.copy_from_slice(&input);
        plan.process_with_scratch(&mut buf, &mut scratch);
        black_box(&buf);
        Ok(())
    }))
}

fn rustfft_c64_1d() -> BenchResult<Runner> {
    let input = data::complex32(&[N20], 1)?.to_vec()?;
    let plan = FftPlanner::<f32>::new().plan_fft_forward(N20);
    let mut buf = input.clone();
    let mut scratch = vec![Default::default(); plan.get_inplace_scratch_len()];
    Ok(Box::new(move || {
        buf.copy_from_slice(&input);
        plan.process_with_scratch(&mut buf, &mut scratch);
        black_box(&buf);
        Ok(())
    }))
}

fn realfft_run() -> BenchResult<Runner> {
    let input = data::real(&[N22], 1)?.to_vec()?;
    let plan = realfft::RealFftPlanner::<f64>::new().plan_fft_forward(N22);
    let mut buf = input.clone();
    let mut out = plan.make_output_vec();
    let mut scratch = plan.make_scratch_vec();
    Ok(Box::new(move || {
        buf.copy_from_slice(&input);
        plan.process_with_scratch(&mut buf, &mut out, &mut scratch)
            .map_err(|e| format!("realfft: {e}"))?;
        black_box(&out);
        Ok(())
    }))
}

/// 4096 rows of 1024 points, parallel over rows with rayon (as xp runs them).
fn rustfft_batched() -> BenchResult<Runner> {
    let input = complex_vec(&[4096, 1024])?;
    let plan: Arc<dyn Fft<f64>> = FftPlanner::new().plan_fft_forward(1024);
    let mut buf = input.clone();
    Ok(Box::new(move || {
        buf.par_chunks_mut(1024 * 64)
            .zip(input.par_chunks(1024 * 64))
            .for_each(|(b, i)| {
                b.copy_from_slice(i);
                plan.process(b);
            });
        black_box(&buf);
        Ok(())
    }))
}

fn rustdct_run() -> BenchResult<Runner> {
    let input = data::real(&[N20], 1)?.to_vec()?;
    let plan = DctPlanner::<f64>::new().plan_dct2(N20);
    let mut buf = input.clone();
    let mut scratch = vec![0.0; plan.get_scratch_len()];
    Ok(Box::new(move || {
        buf.copy_from_slice(&input);
        plan.process_dct2_with_scratch(&mut buf, &mut scratch);
        black_box(&buf);
        Ok(())
    }))
}
