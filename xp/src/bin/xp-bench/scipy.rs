//! The SciPy side: a virtual environment with the pinned NumPy and SciPy under
//! `target/xp-bench/venv`, created on first use, and `xp/bench/scipy_side.py` run in it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::BenchResult;
use crate::timing::Timing;

/// Where the tool keeps its venv and outputs.
pub fn out_dir() -> PathBuf {
    workspace_root().join("target").join("xp-bench")
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// The venv's Python, creating the venv and installing `xp/bench/requirements.txt` if needed.
///
/// # Errors
/// A message saying what is missing (no `python3`, no `venv` module, pip failed).
pub fn python() -> BenchResult<PathBuf> {
    let venv = out_dir().join("venv");
    let py = venv.join("bin").join("python");
    let req = workspace_root().join("xp").join("bench").join("requirements.txt");
    let stamp = venv.join("xp-bench-requirements.txt");
    let wanted = std::fs::read_to_string(&req)?;
    if py.exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(py);
    }
    let system = std::env::var("XP_BENCH_PYTHON").unwrap_or_else(|_| "python3".into());
    eprintln!("preparing the SciPy venv in {} (first run only) ...", venv.display());
    let ok = Command::new(&system)
        .args(["-m", "venv"])
        .arg(&venv)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run `{system}` ({e}): install Python 3 (with venv) or set XP_BENCH_PYTHON"))?
        .success();
    if !ok {
        return Err(format!("`{system} -m venv` failed: install the venv module (Debian: python3-venv)").into());
    }
    let ok = Command::new(&py)
        .args(["-m", "pip", "install", "--quiet", "-r"])
        .arg(&req)
        .status()
        .map_err(|e| format!("cannot run pip in the venv: {e}"))?
        .success();
    if !ok {
        return Err(format!("pip could not install {}", req.display()).into());
    }
    std::fs::write(&stamp, wanted)?;
    Ok(py)
}

/// Runs the SciPy side of `names`, streaming its progress lines, and returns the timings in
/// the same order (`None` where the SciPy side has no such workload).
///
/// # Errors
/// The script failed or printed something that is not its result format.
pub fn run(py: &Path, names: &[&str], reps: usize) -> BenchResult<Vec<Option<Timing>>> {
    let script = workspace_root().join("xp").join("bench").join("scipy_side.py");
    let out = Command::new(py)
        .arg(&script)
        .arg("--reps")
        .arg(reps.to_string())
        .args(names)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(format!("{} failed ({})", script.display(), out.status).into());
    }
    // One line per workload: `name<TAB>median<TAB>min` (seconds), or `name<TAB>-` if unknown.
    let text = String::from_utf8_lossy(&out.stdout);
    let mut timings = vec![None; names.len()];
    for line in text.lines() {
        let mut parts = line.split('\t');
        let (Some(name), Some(median)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(i) = names.iter().position(|n| *n == name) else {
            continue;
        };
        if let (Ok(median), Some(Ok(min))) = (median.parse::<f64>(), parts.next().map(str::parse::<f64>)) {
            timings[i] = Some(Timing { median, min });
        }
    }
    Ok(timings)
}
