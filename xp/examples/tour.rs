//! The tour: a SciPy-style pipeline — `whiten`, `kmeans2`, `vq` — run on the default Cpu backend
//! and on the Strict reference backend, with the dispatch trace and the largest difference
//! between the two backends.
//!
//! ```text
//! cargo run --release -p xp --example tour
//! ```

use std::time::Instant;

use xp::cluster::ClusterError;
use xp::cluster::vq::{KOrCentroids, Kmeans2Options, Minit, kmeans2, vq, whiten};
use xp::random::Generator;
use xp::{ALL, Array, Backend, Cpu, Strict, trace};

/// What one run of the pipeline produces.
struct Outcome<B: Backend> {
    centroids: Array<f64, B>,
    labels: Array<i32, B>,
    dist: Array<f64, B>,
}

/// The pipeline, written once for every backend: SciPy's
/// `w = whiten(obs); c, _ = kmeans2(w, init, minit="matrix", iter=20); code, dist = vq(w, c)`.
fn pipeline<B: Backend>(obs: &Array<f64, B>, init: &Array<f64, B>) -> Result<Outcome<B>, ClusterError> {
    let white = whiten(obs, true)?;
    let opts = Kmeans2Options::default().iter(20).minit(Minit::Matrix);
    let (centroids, _) = kmeans2(&white, KOrCentroids::Centroids(init.clone()), &opts)?;
    let (labels, dist) = vq(&white, &centroids, true)?;
    Ok(Outcome {
        centroids,
        labels,
        dist,
    })
}

/// Three Gaussian blobs in 4 dimensions with different scales per feature.
fn blobs(n_per_blob: usize, seed: u64) -> Result<Array<f64>, xp::Error> {
    let centers = [[0.0, 0.0, 0.0, 0.0], [6.0, -3.0, 40.0, 1.0], [-5.0, 4.0, -30.0, 2.0]];
    let scales = [1.0, 1.0, 10.0, 0.3];
    let mut rng = Generator::new(seed);
    let mut data = Vec::with_capacity(3 * n_per_blob * 4);
    for center in &centers {
        for _ in 0..n_per_blob {
            for f in 0..4 {
                data.push(center[f] + scales[f] * rng.next_standard_normal());
            }
        }
    }
    Array::from_vec(data, &[3 * n_per_blob, 4])
}

fn show(name: &str, values: &[f64], cols: usize) {
    println!("  {name}:");
    for row in values.chunks(cols) {
        let cells: Vec<String> = row.iter().map(|v| format!("{v:9.4}")).collect();
        println!("    [{}]", cells.join(", "));
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("xp tour: whiten -> kmeans2 -> vq, written once, run on two backends\n");
    let obs = blobs(2000, 2026)?;
    // Initial centroids: the first observation of each blob after whitening (deterministic).
    let white = whiten(&obs, true)?;
    let init = white.take(&Array::from_slice(&[0i64, 2000, 4000])?, Some(0))?;
    println!(
        "data: {} observations x {} features (f64), 3 clusters, 20 iterations\n",
        obs.shape()[0],
        obs.shape()[1]
    );

    // 1. The default backend: Cpu (ndarray + faer + rayon).
    let t = Instant::now();
    let (cpu, cpu_trace) = trace::capture(|| pipeline(&obs, &init));
    let cpu = cpu?;
    let cpu_ms = t.elapsed().as_secs_f64() * 1e3;
    println!("Cpu backend ({cpu_ms:.1} ms):");
    show("centroids (whitened units)", &cpu.centroids.to_vec()?, 4);
    let counts = xp::array::updates::bincount(&cpu.labels.astype::<i64>()?, None::<&Array<f64>>, 3)?;
    println!("  cluster sizes: {:?}", counts.to_vec()?);
    println!(
        "  mean distance to centroid: {:.6}",
        cpu.dist.mean(ALL, false)?.to_scalar()?
    );
    println!("  dispatch trace:");
    for record in &cpu_trace {
        println!("    {record}");
    }

    // 2. The Strict reference backend: same generic code, data never read on the host behind our back.
    let obs_s: Array<f64, Strict> = obs.to_backend()?;
    let init_s: Array<f64, Strict> = init.to_backend()?;
    let before = Strict::transfers();
    let t = Instant::now();
    let (strict, strict_trace) = trace::capture(|| pipeline(&obs_s, &init_s));
    let strict = strict?;
    let strict_ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "\nStrict backend ({strict_ms:.1} ms, {} host transfers during the pipeline):",
        Strict::transfers() - before
    );
    println!("  dispatch trace:");
    for record in &strict_trace {
        println!("    {record}");
    }

    // 3. How far the backends agree.
    let c_cpu = cpu.centroids.to_vec()?;
    let c_strict = strict.centroids.to_vec()?;
    let max_centroid_diff = c_cpu
        .iter()
        .zip(&c_strict)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    let d_cpu = cpu.dist.to_vec()?;
    let d_strict = strict.dist.to_vec()?;
    let max_dist_diff = d_cpu
        .iter()
        .zip(&d_strict)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    let label_mismatches = cpu
        .labels
        .to_vec()?
        .iter()
        .zip(&strict.labels.to_vec()?)
        .filter(|(a, b)| a != b)
        .count();
    println!("\nCpu vs Strict:");
    println!("  largest centroid difference: {max_centroid_diff:.3e}");
    println!("  largest distance difference: {max_dist_diff:.3e}");
    println!("  labels that differ: {label_mismatches} of {}", d_cpu.len());
    let _: &Array<f64, Cpu> = &cpu.centroids;
    Ok(())
}
