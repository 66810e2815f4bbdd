//! The timing harness shared by every workload: one warm-up call, then at least `reps` samples,
//! each long enough to time reliably (tiny workloads repeat inside a sample), and their median.
//! `xp/bench/scipy_side.py` times the SciPy side the same way.

use std::time::{Duration, Instant};

use crate::BenchResult;

/// A prepared workload: one call computes the result once (inputs are built beforehand).
pub type Runner = Box<dyn FnMut() -> BenchResult<()>>;

/// Median and minimum seconds per call.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// Median over the samples.
    pub median: f64,
    /// Fastest sample.
    pub min: f64,
}

/// A sample shorter than this repeats the call inside the sample.
const MIN_SAMPLE: Duration = Duration::from_millis(20);

/// Times `run`: a warm-up call (plans, caches, page faults of reused buffers), then `reps`
/// samples of `inner` calls each, where `inner` makes a sample last at least [`MIN_SAMPLE`].
pub fn measure(run: &mut Runner, reps: usize) -> BenchResult<Timing> {
    let t0 = Instant::now();
    run()?;
    let first = t0.elapsed().max(Duration::from_nanos(1));
    let inner = (MIN_SAMPLE.as_secs_f64() / first.as_secs_f64()).ceil().clamp(1.0, 1e7) as usize;
    let mut samples = Vec::with_capacity(reps);
    for _ in 0..reps.max(5) {
        let t = Instant::now();
        for _ in 0..inner {
            run()?;
        }
        samples.push(t.elapsed().as_secs_f64() / inner as f64);
    }
    samples.sort_by(f64::total_cmp);
    Ok(Timing {
        median: samples[samples.len() / 2],
        min: samples[0],
    })
}
