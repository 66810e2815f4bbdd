//! The SciPy oracle: runs every fixture case on every backend (Cpu, and Strict with host
//! transfers allowed so that host kernels may run) and compares with SciPy's results.
//!
//! - Fixtures: `tests/fixtures/` (shipped), plus the directory in `XP_ORACLE_DIR` when set.
//!   With `XP_ORACLE_ONLY=1` only `XP_ORACLE_DIR` runs.
//! - `XP_ORACLE_FILTER=substring` runs only the cases whose id contains it.
//! - `XP_ORACLE_VERBOSE=1` also lists the expected-error cases that passed because xp's Rust
//!   types cannot express the arguments (rather than by returning `Err`).
//! - Run with `cargo test -p xp-tests --test oracle -- --nocapture` to see the report; it ends with
//!   `oracle: N passed, M failed, K unsupported` (case x backend runs) and fails if M > 0.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use xp_tests::manifest;
use xp_tests::runner::{OracleBackend, Report, quiet_panics, run_manifest};

fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let only = std::env::var("XP_ORACLE_ONLY").is_ok_and(|v| v == "1");
    if !only {
        dirs.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    }
    if let Some(extra) = std::env::var_os("XP_ORACLE_DIR").filter(|v| !v.is_empty()) {
        dirs.push(PathBuf::from(extra));
    }
    assert!(!dirs.is_empty(), "XP_ORACLE_ONLY=1 needs XP_ORACLE_DIR");
    dirs
}

#[test]
fn scipy_oracle() {
    let filter = std::env::var("XP_ORACLE_FILTER").ok().filter(|f| !f.is_empty());
    let mut report = Report::default();
    quiet_panics(|| {
        for dir in fixture_dirs() {
            let m = manifest::load(&dir).unwrap_or_else(|e| panic!("cannot load fixtures: {e}"));
            println!(
                "fixtures {} (numpy {}, scipy {}): {} cases",
                dir.display(),
                m.numpy,
                m.scipy,
                m.cases.len()
            );
            for backend in OracleBackend::ALL {
                run_manifest(&m, backend, backend.policy(), filter.as_deref(), &mut report);
            }
        }
    });
    if std::env::var("XP_ORACLE_VERBOSE").is_ok_and(|v| v == "1") {
        for e in &report.by_type {
            println!("pass by type [{}] {}: {}", e.backend, e.id, e.message);
        }
    }
    for e in &report.failed {
        println!("FAIL [{}] {}: {}", e.backend, e.id, e.message);
    }
    let groups = report.unsupported_by_function();
    if !groups.is_empty() {
        println!("unsupported (case x backend runs), by function:");
        for (function, n, reasons) in groups {
            println!("  {function}: {n} ({})", reasons.join("; "));
        }
    }
    println!(
        "({} of the passes are expected errors that xp's Rust types reject; XP_ORACLE_VERBOSE=1 lists them)",
        report.by_type.len()
    );
    println!("{}", report.summary());
    assert!(report.failed.is_empty(), "{}", report.summary());
}
