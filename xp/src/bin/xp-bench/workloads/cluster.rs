//! `scipy.cluster.vq`: kmeans2, vq and whiten on the observations of `data::clusters`.

use std::hint::black_box;

use xp::cluster::vq::{KOrCentroids, Kmeans2Options, Minit, kmeans2, vq, whiten};
use xp::{Array, Cpu};

use super::Workload;
use crate::timing::Runner;
use crate::{BenchResult, data};

/// The cluster workloads.
pub fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "kmeans2 200000x16 k=64 iter=20",
            module: "cluster",
            xp: kmeans2_run,
            native: None,
        },
        Workload {
            name: "vq 200000x16 256 codes",
            module: "cluster",
            xp: vq_run,
            native: None,
        },
        Workload {
            name: "whiten 1000000x16",
            module: "cluster",
            xp: whiten_run,
            native: None,
        },
    ]
}

/// The first `k` rows of `obs`.
fn first_rows(obs: &Array<f64, Cpu>, k: usize) -> BenchResult<Array<f64, Cpu>> {
    let d = obs.shape()[1];
    let v = obs.to_vec()?;
    Ok(Array::from_vec(v[..k * d].to_vec(), &[k, d])?)
}

fn kmeans2_run() -> BenchResult<Runner> {
    let obs = data::clusters(200_000, 16)?;
    let init = first_rows(&obs, 64)?;
    let opts = Kmeans2Options::default().iter(20).minit(Minit::Matrix);
    Ok(Box::new(move || {
        black_box(kmeans2(&obs, KOrCentroids::Centroids(init.clone()), &opts)?);
        Ok(())
    }))
}

fn vq_run() -> BenchResult<Runner> {
    let obs = data::clusters(200_000, 16)?;
    let book = first_rows(&obs, 256)?;
    Ok(Box::new(move || {
        black_box(vq(&obs, &book, true)?);
        Ok(())
    }))
}

fn whiten_run() -> BenchResult<Runner> {
    let obs = data::real(&[1_000_000, 16], 5)?;
    Ok(Box::new(move || {
        black_box(whiten(&obs, true)?);
        Ok(())
    }))
}
