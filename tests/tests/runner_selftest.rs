//! Checks the oracle runner itself on a small fixture directory written here: a wrong expected
//! value must fail, an unknown keyword or function must be unsupported, an expected error must
//! pass only when the call returns `Err`, a malformed case must fail, a bad manifest must not load.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use xp_core::policy::Policy;
use xp_tests::manifest;
use xp_tests::runner::{OracleBackend, Outcome, Report, run_case, run_manifest};

/// Writes a little-endian float64 `.npy` file (format 1.0).
fn write_f64(dir: &Path, name: &str, shape: &[usize], data: &[f64]) {
    let shape_txt = match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        s => format!("({})", s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    };
    let header = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {shape_txt}, }}");
    let pad = 64 - (10 + header.len() + 1) % 64;
    let header = format!("{header}{}\n", " ".repeat(pad % 64));
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend_from_slice(&(header.len() as u16).to_le_bytes());
    bytes.extend_from_slice(header.as_bytes());
    for v in data {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn fixture_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xp-oracle-selftest-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    write_f64(&dir, "a.npy", &[2, 2], &[1.0, 2.0, 3.0, 4.0]);
    write_f64(&dir, "b.npy", &[2], &[10.0, 20.0]);
    write_f64(&dir, "sum.npy", &[2, 2], &[11.0, 22.0, 13.0, 24.0]);
    write_f64(&dir, "wrong.npy", &[2, 2], &[11.0, 22.0, 13.0, 25.0]);
    write_f64(&dir, "total.npy", &[], &[10.0]);
    let manifest = r#"{
      "format": 1, "numpy": "test", "scipy": "test",
      "cases": [
        {"id": "add/ok", "function": "xp.add", "args": [{"array": "a.npy"}, {"array": "b.npy"}],
         "kwargs": {}, "expected": [{"array": "sum.npy"}], "compare": "allclose", "rtol": 1e-12, "atol": 0.0},
        {"id": "add/numpy-name", "function": "xp.add", "args": [{"array": "a.npy"}],
         "kwargs": {"x2": {"array": "b.npy"}}, "expected": [{"array": "sum.npy"}]},
        {"id": "add/wrong", "function": "xp.add", "args": [{"array": "a.npy"}, {"array": "b.npy"}],
         "kwargs": {}, "expected": [{"array": "wrong.npy"}], "compare": "allclose", "rtol": 1e-12, "atol": 0.0},
        {"id": "sum/unknown-kwarg", "function": "xp.sum", "args": [{"array": "a.npy"}],
         "kwargs": {"frobnicate": true}, "expected": [{"array": "total.npy"}]},
        {"id": "sum/ok", "function": "xp.sum", "args": [{"array": "a.npy"}],
         "kwargs": {"axis": null, "keepdims": false}, "expected": [{"array": "total.npy"}]},
        {"id": "sum/scalar-expected", "function": "xp.sum", "args": [{"array": "a.npy"}],
         "kwargs": {}, "expected": [10.0]},
        {"id": "sum/bad-axis", "function": "xp.sum", "args": [{"array": "a.npy"}],
         "kwargs": {"axis": 5}, "expected": [{"error": "AxisError"}]},
        {"id": "exp/unexpected-ok", "function": "xp.exp", "args": [{"array": "a.npy"}],
         "kwargs": {}, "expected": [{"error": "ValueError"}]},
        {"id": "nope/unknown-function", "function": "xp.frobnicate", "args": [],
         "kwargs": {}, "expected": [{"error": "ValueError"}]},
        {"id": "malformed/no-expected", "function": "xp.add", "args": []},
        {"id": "malformed/missing-file", "function": "xp.exp", "args": [{"array": "nope.npy"}],
         "kwargs": {}, "expected": [{"error": "ValueError"}]},
        {"id": "special/nan", "function": "xp.full", "args": [[2], {"float": "nan"}],
         "kwargs": {}, "expected": [{"array": "b.npy"}]},
        {"id": "tile/negative", "function": "xp.tile", "args": [{"array": "b.npy"}, [-1]],
         "kwargs": {}, "expected": [{"error": "ValueError"}]}
      ]
    }"#;
    std::fs::write(dir.join("manifest.json"), manifest).unwrap();
    dir
}

fn outcomes(dir: &Path, backend: OracleBackend, policy: Policy) -> Vec<(String, Outcome)> {
    let m = manifest::load(dir).unwrap();
    m.cases
        .iter()
        .map(|c| match c {
            Ok(c) => (c.id.clone(), run_case(c, backend, policy)),
            Err(e) => (e.id.clone(), Outcome::Fail(e.message.clone())),
        })
        .collect()
}

fn check(tag: &str, backend: OracleBackend) {
    let policy = backend.policy();
    let dir = fixture_dir(tag);
    let got = outcomes(&dir, backend, policy);
    let kind = |id: &str| -> &'static str {
        match got.iter().find(|(i, _)| i == id).map(|(_, o)| o) {
            Some(Outcome::Pass | Outcome::PassByType(_)) => "pass",
            Some(Outcome::Fail(_)) => "fail",
            Some(Outcome::Unsupported(_)) => "unsupported",
            None => "missing",
        }
    };
    let expect = [
        ("add/ok", "pass"),
        ("add/numpy-name", "pass"),
        ("add/wrong", "fail"),
        ("sum/unknown-kwarg", "unsupported"),
        ("sum/ok", "pass"),
        ("sum/scalar-expected", "pass"),
        ("sum/bad-axis", "pass"),
        ("exp/unexpected-ok", "fail"),
        ("nope/unknown-function", "unsupported"),
        ("malformed/no-expected", "fail"),
        ("malformed/missing-file", "fail"),
        ("special/nan", "fail"),
        ("tile/negative", "pass"),
    ];
    for (id, want) in expect {
        assert_eq!(
            kind(id),
            want,
            "{id} on {}: {:?}",
            backend.name(),
            got.iter().find(|(i, _)| i == id)
        );
    }
    if let Some((_, Outcome::Fail(msg))) = got.iter().find(|(i, _)| i == "add/wrong") {
        assert!(
            msg.contains("[1, 1]") && msg.contains("25"),
            "report names the worst element: {msg}"
        );
    }
    let mut report = Report::default();
    run_manifest(&manifest::load(&dir).unwrap(), backend, policy, None, &mut report);
    assert_eq!(
        report.summary(),
        "oracle: 6 passed, 5 failed, 2 unsupported",
        "{:?}",
        report.failed
    );
    let mut filtered = Report::default();
    run_manifest(
        &manifest::load(&dir).unwrap(),
        backend,
        policy,
        Some("sum/"),
        &mut filtered,
    );
    assert_eq!(filtered.summary(), "oracle: 3 passed, 0 failed, 1 unsupported");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn runner_classifies_outcomes_on_cpu() {
    check("cpu", OracleBackend::Cpu);
}

#[test]
fn runner_classifies_outcomes_on_strict() {
    check("strict", OracleBackend::Strict);
}

#[test]
fn bad_manifests_do_not_load() {
    let dir = std::env::temp_dir().join(format!("xp-oracle-selftest-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    assert!(manifest::load(&dir.join("missing")).is_err());
    std::fs::write(dir.join("manifest.json"), "{not json").unwrap();
    assert!(manifest::load(&dir).is_err());
    std::fs::write(dir.join("manifest.json"), r#"{"format": 2, "cases": []}"#).unwrap();
    assert!(manifest::load(&dir).is_err());
    std::fs::write(dir.join("manifest.json"), r#"{"format": 1}"#).unwrap();
    assert!(manifest::load(&dir).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}
