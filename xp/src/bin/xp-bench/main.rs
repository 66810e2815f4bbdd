//! `xp-bench`: xp against SciPy and against the native crates, side by side, in one command.
//!
//! ```text
//! cargo run --release -p xp --bin xp-bench -- compare [--filter TEXT] [--reps N] [--no-scipy]
//! cargo run --release -p xp --bin xp-bench -- list
//! ```
//!
//! `compare` runs every workload of `shared/BENCHMARKS.md` that has landed: xp on the Cpu backend
//! (default parallelism), the native crate called by hand where one does the same work, and SciPy
//! from a venv it prepares on first use (`target/xp-bench/venv`, NumPy and SciPy pinned in
//! `xp/bench/requirements.txt`). It prints two tables (ratio SciPy / xp; the namespace's cost
//! over the native crate) and writes `target/xp-bench/{compare.csv, native.csv, compare.svg}`.
//! Without Python it says why and still prints the xp side.

mod data;
mod report;
mod scipy;
mod timing;
mod workloads;

use std::process::ExitCode;

use report::Row;

/// Errors of the tool: messages for the user.
pub type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

struct Cli {
    command: String,
    filter: Option<String>,
    reps: usize,
    scipy: bool,
}

fn parse() -> BenchResult<Cli> {
    let mut args = std::env::args().skip(1);
    let mut cli = Cli {
        command: args.next().unwrap_or_else(|| "compare".into()),
        filter: None,
        reps: 7,
        scipy: true,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--filter" => cli.filter = Some(args.next().ok_or("--filter needs a value")?),
            "--reps" => cli.reps = args.next().ok_or("--reps needs a value")?.parse()?,
            "--no-scipy" => cli.scipy = false,
            other => return Err(format!("unknown argument {other:?} (see the doc comment of xp-bench)").into()),
        }
    }
    Ok(cli)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xp-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> BenchResult<()> {
    let cli = parse()?;
    let selected: Vec<_> = workloads::all()
        .into_iter()
        .filter(|w| {
            cli.filter
                .as_deref()
                .is_none_or(|f| w.name.contains(f) || w.module == f)
        })
        .collect();
    match cli.command.as_str() {
        "list" => {
            for w in &selected {
                println!("{:<10} {}", w.module, w.name);
            }
            return Ok(());
        }
        "compare" => {}
        other => return Err(format!("unknown command {other:?}: use `compare` or `list`").into()),
    }
    if cfg!(debug_assertions) {
        eprintln!("xp-bench: this is a debug build; timings mean little without --release");
    }
    // The SciPy venv first, so a missing Python is reported before the long xp runs.
    let python = if cli.scipy {
        match scipy::python() {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("xp-bench: the SciPy side is skipped: {e}");
                None
            }
        }
    } else {
        None
    };
    let total = selected.len();
    let mut rows = Vec::with_capacity(total);
    for (i, w) in selected.iter().enumerate() {
        eprintln!("[xp {}/{total}] {} ...", i + 1, w.name);
        let (xp, native) = match w.native {
            Some((krate, setup)) => {
                let (xp, native) = timing::measure_pair(&mut (w.xp)()?, &mut setup()?, cli.reps)?;
                (xp, Some((krate, native)))
            }
            None => (timing::measure(&mut (w.xp)()?, cli.reps)?, None),
        };
        rows.push(Row {
            name: w.name,
            module: w.module,
            xp,
            scipy: None,
            native,
        });
    }
    if let Some(py) = python {
        let names: Vec<&str> = selected.iter().map(|w| w.name).collect();
        match scipy::run(&py, &names, cli.reps) {
            Ok(t) => rows.iter_mut().zip(t).for_each(|(r, t)| r.scipy = t),
            Err(e) => eprintln!("xp-bench: the SciPy side failed: {e}"),
        }
    }
    println!(
        "\nxp (Cpu backend) against SciPy, median of >= {} samples:\n",
        cli.reps.max(5)
    );
    print!("{}", report::scipy_table(&rows));
    println!("\nxp against calling the native crate directly (same data, planned, buffers reused):\n");
    print!("{}", report::native_table(&rows));
    let dir = scipy::out_dir();
    std::fs::create_dir_all(&dir)?;
    report::write_csv(&dir, &rows)?;
    report::write_svg(&dir, &rows)?;
    report::write_markdown(&dir, &rows)?;
    println!(
        "\nwritten: {}, {}, {}, {}",
        dir.join("compare.csv").display(),
        dir.join("compare.md").display(),
        dir.join("native.csv").display(),
        dir.join("compare.svg").display()
    );
    Ok(())
}
