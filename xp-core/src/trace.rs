//! The dispatch trace: which implementation of a function ran, on which backend.
//!
//! Every public function of the consumer crates (and the namespace operations that have native
//! paths) records one [`Dispatch`]. Records go to a `tracing` debug event always, and to a
//! thread-local list while a [`capture`] is running, so tests can assert on them:
//!
//! ```
//! use xp_core::{Array, trace};
//! let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
//! let (product, records) = trace::capture(|| a.matmul(&a));
//! assert_eq!(product?.to_vec()?, vec![7.0, 10.0, 15.0, 22.0]);
//! assert!(records.iter().any(|r| r.function == "xp.matmul"));
//! # Ok::<(), xp_core::Error>(())
//! ```

use std::cell::RefCell;

/// Which implementation of a function ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// A backend-specific implementation calling the named engine (`"faer"`, `"rustfft"`, `"cuBLAS"`).
    Native(&'static str),
    /// The generic implementation written against the namespace only.
    Generic,
    /// A host kernel: the data was read on the host (through the opt-in policy off the Cpu backend).
    Host,
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Native(engine) => write!(f, "native({engine})"),
            Path::Generic => f.write_str("generic"),
            Path::Host => f.write_str("host"),
        }
    }
}

/// One record of the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dispatch {
    /// SciPy-style name of the function (`"cluster.vq.kmeans2"`, `"xp.matmul"`).
    pub function: &'static str,
    /// Name of the backend (`"cpu"`, `"strict"`).
    pub backend: &'static str,
    /// The implementation that ran.
    pub path: Path,
}

impl std::fmt::Display for Dispatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} on {}: {}", self.function, self.backend, self.path)
    }
}

thread_local! {
    static CAPTURES: RefCell<Vec<Vec<Dispatch>>> = const { RefCell::new(Vec::new()) };
}

/// Records that `function` ran on `backend` through `path`.
pub fn record(function: &'static str, backend: &'static str, path: Path) {
    tracing::debug!(target: "xp::dispatch", function, backend, path = %path);
    CAPTURES.with(|c| {
        if let Ok(mut stack) = c.try_borrow_mut()
            && let Some(top) = stack.last_mut()
        {
            top.push(Dispatch {
                function,
                backend,
                path,
            });
        }
    });
}

/// Runs `f` and returns its result with every dispatch recorded on this thread meanwhile.
/// Captures nest: an inner capture's records are also added to the outer one.
pub fn capture<R>(f: impl FnOnce() -> R) -> (R, Vec<Dispatch>) {
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            CAPTURES.with(|c| {
                if let Ok(mut stack) = c.try_borrow_mut()
                    && let Some(records) = stack.pop()
                    && let Some(outer) = stack.last_mut()
                {
                    outer.extend(records);
                }
            });
        }
    }
    CAPTURES.with(|c| c.borrow_mut().push(Vec::new()));
    let guard = Pop;
    let out = f();
    let records = CAPTURES.with(|c| c.borrow().last().cloned().unwrap_or_default());
    drop(guard);
    (out, records)
}
