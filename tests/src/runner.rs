//! Runs cases on a backend and tallies the outcomes.
//!
//! Every case runs inside [`std::panic::catch_unwind`]: a panic is a failure, never a crash of
//! the run. A case expecting `{"error": ...}` passes iff the call returns `Err` (or its arguments
//! are rejected by xp's Rust types, see [`Fail::Rejected`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use xp_core::policy::Policy;
use xp_core::{BackendTypes, Cpu, Strict};

use crate::any::AnyOut;
use crate::args::Fail;
use crate::compare::compare_slots;
use crate::dispatch::{Dispatchable, dispatch, linalg};
use crate::manifest::{Case, Expected, Manifest};
use crate::value::HostArray;

/// The outcome of one case on one backend.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Outputs matched (or the expected error was returned).
    Pass,
    /// An expected error, where xp's Rust types cannot even express the arguments (a negative
    /// count where Rust takes `usize`, an unknown mode string where it takes an enum): a pass.
    PassByType(String),
    /// A mismatch, an unexpected error or value, or a panic.
    Fail(String),
    /// The runner has no mapping for the function, a keyword, a value form or an element type.
    Unsupported(String),
}

/// One recorded non-passing outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Backend name.
    pub backend: &'static str,
    /// Case id.
    pub id: String,
    /// Function name.
    pub function: String,
    /// The failure message or the reason it is unsupported.
    pub message: String,
}

/// Tallies over cases x backends.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Number of passing case x backend runs (including `by_type`).
    pub passed: usize,
    /// Passing runs whose expected error was a rejection by xp's Rust types.
    pub by_type: Vec<Entry>,
    /// Failing runs.
    pub failed: Vec<Entry>,
    /// Unsupported runs.
    pub unsupported: Vec<Entry>,
}

impl Report {
    /// The closing line: `oracle: N passed, M failed, K unsupported`.
    pub fn summary(&self) -> String {
        format!(
            "oracle: {} passed, {} failed, {} unsupported",
            self.passed,
            self.failed.len(),
            self.unsupported.len()
        )
    }

    /// Unsupported runs grouped by function: `(function, count, distinct reasons)`.
    pub fn unsupported_by_function(&self) -> Vec<(String, usize, Vec<String>)> {
        let mut groups: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
        for e in &self.unsupported {
            let g = groups.entry(&e.function).or_default();
            g.0 += 1;
            if !g.1.contains(&e.message) {
                g.1.push(e.message.clone());
            }
        }
        groups.into_iter().map(|(f, (n, r))| (f.to_string(), n, r)).collect()
    }
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f` with a panic hook that records the message and location for [`run_case`] instead of
/// printing them, then restores the previous hook.
pub fn quiet_panics<R>(f: impl FnOnce() -> R) -> R {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
    }));
    let out = f();
    drop(std::panic::take_hook());
    std::panic::set_hook(previous);
    out
}

/// A backend the oracle runs on.
///
/// The runner is instantiated for these concrete backends once, inside this library, so that the
/// test binaries only link it: the dispatch tables are monomorphised over every element type, and
/// instantiating them in each test binary would multiply the build time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OracleBackend {
    /// [`xp_core::Cpu`], with its native paths, under the default policy.
    Cpu,
    /// [`xp_core::Strict`], with host transfers allowed so that functions with host kernels run.
    Strict,
}

impl OracleBackend {
    /// Every backend compiled into this build, in report order.
    pub const ALL: [OracleBackend; 2] = [OracleBackend::Cpu, OracleBackend::Strict];

    /// The backend's name, as in the dispatch trace.
    pub fn name(self) -> &'static str {
        match self {
            OracleBackend::Cpu => Cpu::NAME,
            OracleBackend::Strict => Strict::NAME,
        }
    }

    /// The policy the oracle runs this backend under.
    pub fn policy(self) -> Policy {
        match self {
            OracleBackend::Cpu => Policy::new(),
            OracleBackend::Strict => Policy::new().allow_host_transfer(true),
        }
    }
}

/// Runs one case on `backend` under `policy`.
pub fn run_case(case: &Case, backend: OracleBackend, policy: Policy) -> Outcome {
    match backend {
        OracleBackend::Cpu => run_case_on::<Cpu>(case, policy),
        OracleBackend::Strict => run_case_on::<Strict>(case, policy),
    }
}

fn run_case_on<B: Dispatchable>(case: &Case, policy: Policy) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| {
        policy.run(|| {
            // functions whose outputs SciPy nests or leaves `None` first, then the flat ones
            let outs: Vec<AnyOut<B>> = match linalg::dispatch_nested::<B>(&case.function, &case.args, &case.kwargs) {
                Some(outs) => outs?,
                None => dispatch::<B>(&case.function, &case.args, &case.kwargs)?
                    .into_iter()
                    .map(AnyOut::from)
                    .collect(),
            };
            let mut flat: Vec<Option<HostArray>> = Vec::new();
            for o in &outs {
                o.flatten_to_host(&mut flat).map_err(Fail::Xp)?;
            }
            Ok(flat)
        })
    }));
    let result = match result {
        Ok(r) => r,
        Err(payload) => {
            let hooked = LAST_PANIC.with(|p| p.borrow_mut().take());
            let msg = hooked.unwrap_or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown payload".into())
            });
            return Outcome::Fail(format!("PANIC: {msg}"));
        }
    };
    match (&case.expected, result) {
        (_, Err(Fail::Unsupported(reason))) => Outcome::Unsupported(reason),
        (Expected::Error(_), Err(Fail::Xp(_) | Fail::Cluster(_) | Fail::Fft(_) | Fail::Linalg(_))) => Outcome::Pass,
        (Expected::Error(_), Err(Fail::Rejected(m))) => Outcome::PassByType(m),
        (Expected::Error(name), Ok(outs)) => Outcome::Fail(format!(
            "expected {name} (an Err), got Ok with {} output(s) of shape {:?}",
            outs.len(),
            outs.iter()
                .map(|o| o.as_ref().map(|a| a.shape.clone()))
                .collect::<Vec<_>>()
        )),
        (Expected::Values(_), Err(Fail::Rejected(m))) => {
            Outcome::Unsupported(format!("arguments not expressible in the Rust API: {m}"))
        }
        (Expected::Values(_), Err(Fail::Xp(e))) => Outcome::Fail(format!("returned Err: {e}")),
        (Expected::Values(_), Err(Fail::Cluster(e))) => Outcome::Fail(format!("returned Err: {e}")),
        (Expected::Values(_), Err(Fail::Fft(e))) => Outcome::Fail(format!("returned Err: {e}")),
        (Expected::Values(_), Err(Fail::Linalg(e))) => Outcome::Fail(format!("returned Err: {e}")),
        (Expected::Values(exp), Ok(outs)) => match compare_slots(&outs, exp, case.compare, case.rtol, case.atol) {
            Ok(()) => Outcome::Pass,
            Err(m) => Outcome::Fail(m),
        },
    }
}

/// Runs every case of `manifest` (whose id contains `filter`, when given) on `backend` under
/// `policy`, adding the outcomes to `report`.
pub fn run_manifest(
    manifest: &Manifest,
    backend: OracleBackend,
    policy: Policy,
    filter: Option<&str>,
    report: &mut Report,
) {
    for case in &manifest.cases {
        let (id, function) = match case {
            Ok(c) => (&c.id, &c.function),
            Err(e) => (&e.id, &e.function),
        };
        if filter.is_some_and(|f| !id.contains(f)) {
            continue;
        }
        let outcome = match case {
            Ok(c) => run_case(c, backend, policy),
            Err(e) => Outcome::Fail(format!("malformed case: {}", e.message)),
        };
        let entry = |message: String| Entry {
            backend: backend.name(),
            id: id.clone(),
            function: function.clone(),
            message,
        };
        match outcome {
            Outcome::Pass => report.passed += 1,
            Outcome::PassByType(m) => {
                report.passed += 1;
                report.by_type.push(entry(m));
            }
            Outcome::Fail(m) => report.failed.push(entry(m)),
            Outcome::Unsupported(m) => report.unsupported.push(entry(m)),
        }
    }
}
