//! The explicit host-kernel API: zero-copy on Cpu, refused on Strict without the opt-in, counted
//! transfers with it, and a `Host` record in the dispatch trace either way.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use xp_core::array::host;
use xp_core::ndarray::{ArrayD, IxDyn};
use xp_core::policy::Policy;
use xp_core::testing::{assert_close, assert_equal};
use xp_core::trace::{self, Path};
use xp_core::{Array, Backend, Error, Result, Strict};

/// A sequential kernel: running maximum of the flattened data, in the input's shape.
fn running_max<B: Backend>(x: &Array<f64, B>) -> Result<Array<f64, B>> {
    host::run("test.running_max", x, |v| {
        let mut best = f64::NEG_INFINITY;
        Ok(v.mapv(|e| {
            best = best.max(e);
            best
        }))
    })
}

/// Runs `f` with host transfers allowed (a no-op on host-memory backends).
fn allowed<R>(f: impl FnOnce() -> R) -> R {
    Policy::new().allow_host_transfer(true).run(f)
}

fn host_kernels_run_and_are_traced<B: Backend>() -> Result<()> {
    let x = Array::<f64, B>::from_vec(vec![1.0, 3.0, 2.0, 5.0], &[2, 2])?;
    let (out, records) = trace::capture(|| allowed(|| running_max(&x)));
    assert_close(&out?, &[1.0, 3.0, 3.0, 5.0], &[2, 2]);
    assert!(
        records
            .iter()
            .any(|r| r.function == "test.running_max" && r.backend == B::NAME && r.path == Path::Host)
    );
    // Output type and shape may differ from the input's.
    let sums = allowed(|| {
        host::run("test.row_sums", &x, |v| {
            Ok(v.sum_axis(xp_core::ndarray::Axis(1)).mapv(|s| s as i64).into_dyn())
        })
    })?;
    assert_equal(&sums, &[4, 7], &[2]);
    // Two inputs.
    let y = Array::<i64, B>::from_vec(vec![10, 20], &[2])?;
    let z = allowed(|| {
        host::run2("test.scale", &x, &y, |a, b| {
            let scale = b.iter().sum::<i64>() as f64;
            Ok(a.mapv(|e| e * scale))
        })
    })?;
    assert_close(&z, &[30.0, 90.0, 60.0, 150.0], &[2, 2]);
    // Reading to the host.
    let h = allowed(|| host::read("test.read", &y))?;
    assert_eq!(h, ArrayD::from_shape_vec(IxDyn(&[2]), vec![10, 20]).unwrap());
    // Empty and 0-D arrays.
    let e = Array::<f64, B>::from_vec(vec![], &[0, 3])?;
    assert_close(&allowed(|| running_max(&e))?, &[], &[0, 3]);
    let s = Array::<f64, B>::scalar(-1.0)?;
    assert_close(&allowed(|| running_max(&s))?, &[-1.0], &[]);
    // Errors from the kernel come back unchanged.
    let failed = allowed(|| {
        host::run::<f64, f64, B, _>("test.fails", &x, |_| {
            Err(Error::invalid("test.fails", "x", 0, "kernel failure"))
        })
    });
    assert!(matches!(
        failed,
        Err(Error::InvalidParameter {
            function: "test.fails",
            ..
        })
    ));
    Ok(())
}

xp_core::test_backends!(host_kernels_run_and_are_traced);

#[test]
fn cpu_needs_no_opt_in() {
    // Cpu data is host memory: no policy needed, and the kernel sees the data in place.
    let x = Array::<f64>::from_vec(vec![2.0, 1.0], &[2]).unwrap();
    assert_close(&running_max(&x).unwrap(), &[2.0, 2.0], &[2]);
    let view_ptr = x.view().as_ptr();
    let seen = host::run("test.pointer", &x, |v| {
        Ok(ArrayD::from_elem(IxDyn(&[]), v.as_ptr() as usize as i64))
    })
    .unwrap();
    assert_eq!(seen.to_scalar().unwrap(), view_ptr as usize as i64);
}

#[test]
fn strict_refuses_without_opt_in_and_counts_transfers_with_it() {
    let x = Array::<f64, Strict>::from_vec(vec![1.0, 3.0, 2.0], &[3]).unwrap();
    // Without the opt-in: an error naming the function and the backend, and no trace record.
    let (refused, records) = trace::capture(|| running_max(&x));
    match refused {
        Err(Error::HostTransferNotAllowed { function, backend }) => {
            assert_eq!(function, "test.running_max");
            assert_eq!(backend, "strict");
        }
        other => panic!("expected HostTransferNotAllowed, got {other:?}"),
    }
    assert!(records.iter().all(|r| r.path != Path::Host));
    assert!(matches!(
        host::read("test.read", &x),
        Err(Error::HostTransferNotAllowed { backend: "strict", .. })
    ));
    assert!(matches!(
        host::run2("test.two", &x, &x, |a, _| Ok(a.to_owned())),
        Err(Error::HostTransferNotAllowed { .. })
    ));
    // With it: the same call succeeds, through counted transfers (download and upload).
    let before = Strict::transfers();
    let out = Policy::new().allow_host_transfer(true).run(|| running_max(&x)).unwrap();
    let after = Strict::transfers();
    assert!(after >= before + 2, "transfers went from {before} to {after}");
    assert_close(&out, &[1.0, 3.0, 3.0], &[3]);
    // The policy is scoped: afterwards the call is refused again.
    assert!(matches!(running_max(&x), Err(Error::HostTransferNotAllowed { .. })));
}
