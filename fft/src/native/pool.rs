//! SciPy's `workers` on the Cpu backend: `None` runs in the current rayon pool; `Some(1)` runs
//! sequentially on the calling thread; `Some(w)` runs in a cached pool of `w` threads (built
//! once per count: building a pool costs far more than a small transform).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::{FftError, Result};

static POOLS: LazyLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Runs `f(threads)` with the parallelism `workers` asks for; `threads` is the number of
/// threads `f` may use (1: run sequentially).
pub(crate) fn run<T: Send>(
    function: &'static str,
    workers: Option<usize>,
    f: impl FnOnce(usize) -> T + Send,
) -> Result<T> {
    match workers {
        None => Ok(f(rayon::current_num_threads())),
        Some(w) if w <= 1 => Ok(f(1)),
        Some(w) if w == rayon::current_num_threads() => Ok(f(w)),
        Some(w) => {
            let pool = pool(function, w)?;
            Ok(pool.install(|| f(w)))
        }
    }
}

/// The cached pool of `w` threads.
fn pool(function: &'static str, w: usize) -> Result<Arc<ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&w) {
        return Ok(p.clone());
    }
    let p = ThreadPoolBuilder::new()
        .num_threads(w)
        .thread_name(|i| format!("xp-fft-{i}"))
        .build()
        .map_err(|e| {
            FftError::Core(xp_core::Error::Backend {
                function,
                backend: "cpu",
                message: format!("could not start a pool of {w} worker threads: {e}"),
            })
        })?;
    let p = Arc::new(p);
    pools.insert(w, p.clone());
    Ok(p)
}
