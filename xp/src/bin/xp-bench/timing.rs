//! The timing harness shared by every workload: one warm-up call, then at least `reps` samples,
//! each long enough to time reliably (tiny workloads repeat inside a sample), and their median.
//! xp and the direct call of the native crate are timed in alternation ([`measure_pair`]).
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
    let inner = warm_up(run)?;
    let mut samples = Vec::with_capacity(reps);
    for _ in 0..reps.max(5) {
        samples.push(sample(run, inner)?);
    }
    Ok(summarise(samples))
}

/// Times `a` and `b` as [`measure`] does, alternating their samples so that a drift of the
/// machine (clock, memory, other load) during the run affects both sides alike.
pub fn measure_pair(a: &mut Runner, b: &mut Runner, reps: usize) -> BenchResult<(Timing, Timing)> {
    let (inner_a, inner_b) = (warm_up(a)?, warm_up(b)?);
    let (mut sa, mut sb) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
    for _ in 0..reps.max(5) {
        sa.push(sample(a, inner_a)?);
        sb.push(sample(b, inner_b)?);
    }
    Ok((summarise(sa), summarise(sb)))
}

/// One warm-up call; returns how many calls make a sample last at least [`MIN_SAMPLE`].
fn warm_up(run: &mut Runner) -> BenchResult<usize> {
    let t0 = Instant::now();
    run()?;
    let first = t0.elapsed().max(Duration::from_nanos(1));
    Ok((MIN_SAMPLE.as_secs_f64() / first.as_secs_f64()).ceil().clamp(1.0, 1e7) as usize)
}

/// Seconds per call over one sample of `inner` calls.
fn sample(run: &mut Runner, inner: usize) -> BenchResult<f64> {
    let t = Instant::now();
    for _ in 0..inner {
        run()?;
    }
    Ok(t.elapsed().as_secs_f64() / inner as f64)
}

fn summarise(mut samples: Vec<f64>) -> Timing {
    samples.sort_by(f64::total_cmp);
    Timing {
        median: samples[samples.len() / 2],
        min: samples[0],
    }
}
