//! The workloads of `shared/BENCHMARKS.md` that have landed, one file per module. Each has a
//! name shared with `xp/bench/scipy_side.py` (which runs the same computation in SciPy), an xp
//! runner, and, where a native crate does the same work, a runner that calls it directly.

pub mod cluster;
pub mod fft;
pub mod linalg;

use crate::BenchResult;
use crate::timing::Runner;

/// Builds a workload's inputs and returns the call to time.
pub type Setup = fn() -> BenchResult<Runner>;

/// One benchmark workload.
pub struct Workload {
    /// The name, also the key of the SciPy side.
    pub name: &'static str,
    /// The SciPy module (`fft`, `linalg`, `cluster`, `overhead`).
    pub module: &'static str,
    /// Builds the inputs and returns the xp call.
    pub xp: Setup,
    /// The native crate called directly on the same data, and its name.
    pub native: Option<(&'static str, Setup)>,
}

/// Every workload, in table order.
pub fn all() -> Vec<Workload> {
    let mut v = fft::workloads();
    v.extend(linalg::workloads());
    v.extend(cluster::workloads());
    v
}
