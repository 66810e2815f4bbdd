//! Running a host kernel on any backend: check the policy, record the dispatch, get host data
//! (a zero-copy view where the backend's storage is host memory, a counted copy otherwise),
//! run the faer kernel, and wrap the results as arrays on the input's device.
//!
//! The default methods of [`crate::LinalgBackend`] call these with `Path::Host`; the Cpu
//! backend calls them with `Path::Native("faer")` (its data is always viewed in place).

use ndarray::{ArrayD, ArrayViewD};
use xp_core::trace::{self, Path};
use xp_core::{Array, Backend, Element, Error, policy};

use crate::backend::{
    EigFactors, GenEigFactors, LuFactors, QrFactors, QrShape, QzFactors, SchurFactors, SvdFactors, Trans,
};
use crate::error::Result;
use crate::kernels;
use crate::scalar::LinalgScalar;

/// Host data of an array: borrowed from host-memory storage or copied.
enum HostData<'a, T: Element> {
    View(ArrayViewD<'a, T>),
    Owned(ArrayD<T>),
}

impl<T: Element> HostData<'_, T> {
    fn view(&self) -> ArrayViewD<'_, T> {
        match self {
            HostData::View(v) => v.view(),
            HostData::Owned(a) => a.view(),
        }
    }
}

/// Checks that a host kernel may run on `B`'s data and records the dispatch.
fn begin<B: Backend>(function: &'static str, path: Path) -> Result<()> {
    if !B::HOST_MEMORY && !policy::host_transfer_allowed() {
        return Err(Error::HostTransferNotAllowed {
            function,
            backend: B::NAME,
        }
        .into());
    }
    trace::record(function, B::NAME, path);
    Ok(())
}

fn fetch<T: Element, B: Backend>(x: &Array<T, B>) -> Result<HostData<'_, T>> {
    if let Some(v) = B::host_view(x.storage()) {
        return Ok(HostData::View(v));
    }
    Ok(HostData::Owned(x.to_ndarray()?))
}

fn upload<T: Element, B: Backend>(out: ArrayD<T>, device: &B::Device) -> Result<Array<T, B>> {
    Ok(Array::from_storage(B::from_ndarray(out, device)?))
}

fn upload_opt<T: Element, B: Backend>(out: Option<ArrayD<T>>, device: &B::Device) -> Result<Option<Array<T, B>>> {
    out.map(|o| upload(o, device)).transpose()
}

/// See [`crate::LinalgBackend::lu_factor`].
pub fn lu_factor<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
) -> Result<LuFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::lu::factor(fetch(a)?.view()).map_err(|e| rename(e, function))?;
    Ok(LuFactors {
        lu: upload(out.lu, &d)?,
        piv: upload(out.piv, &d)?,
        perm: upload(out.perm, &d)?,
    })
}

/// See [`crate::LinalgBackend::lu_solve`].
pub fn lu_solve<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    lu: &Array<T, B>,
    piv: &Array<i64, B>,
    b: &Array<T, B>,
    trans: Trans,
) -> Result<Array<T, B>> {
    begin::<B>(function, path)?;
    let out = kernels::lu::solve_with(fetch(lu)?.view(), fetch(piv)?.view(), fetch(b)?.view(), trans)
        .map_err(|e| rename(e, function))?;
    upload(out, &b.device())
}

/// See [`crate::LinalgBackend::lu_factor_solve`].
pub fn lu_factor_solve<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    b: &Array<T, B>,
    trans: Trans,
    check_finite: bool,
) -> Result<Array<T, B>> {
    begin::<B>(function, path)?;
    let out = kernels::lu::factor_solve(function, fetch(a)?.view(), fetch(b)?.view(), trans, check_finite)?;
    upload(out, &b.device())
}

/// See [`crate::LinalgBackend::inv`].
pub fn inv<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    check_finite: bool,
) -> Result<Array<T, B>> {
    begin::<B>(function, path)?;
    let out = kernels::lu::inverse(function, fetch(a)?.view(), check_finite)?;
    upload(out, &a.device())
}

/// See [`crate::LinalgBackend::solve_triangular`].
pub fn solve_triangular<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    b: &Array<T, B>,
    trans: Trans,
    lower: bool,
    unit_diagonal: bool,
) -> Result<Array<T, B>> {
    begin::<B>(function, path)?;
    let out = kernels::triangular::solve(
        function,
        fetch(a)?.view(),
        fetch(b)?.view(),
        trans,
        lower,
        unit_diagonal,
    )?;
    upload(out, &b.device())
}

/// See [`crate::LinalgBackend::cholesky`].
pub fn cholesky<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    lower: bool,
) -> Result<Array<T, B>> {
    begin::<B>(function, path)?;
    let out = kernels::cholesky::factor(function, fetch(a)?.view(), lower)?;
    upload(out, &a.device())
}

/// See [`crate::LinalgBackend::cho_solve`].
pub fn cho_solve<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    c: &Array<T, B>,
    lower: bool,
    b: &Array<T, B>,
) -> Result<Array<T, B>> {
    begin::<B>(function, path)?;
    let out = kernels::cholesky::solve(function, fetch(c)?.view(), lower, fetch(b)?.view())?;
    upload(out, &b.device())
}

/// See [`crate::LinalgBackend::qr`].
pub fn qr<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    shape: QrShape,
    pivoting: bool,
) -> Result<QrFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::qr::factor(fetch(a)?.view(), shape, pivoting).map_err(|e| rename(e, function))?;
    Ok(QrFactors {
        q: upload_opt(out.q, &d)?,
        r: upload(out.r, &d)?,
        p: upload_opt(out.p, &d)?,
    })
}

/// See [`crate::LinalgBackend::eigh`].
#[allow(clippy::type_complexity)]
pub fn eigh<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    lower: bool,
    vectors: bool,
) -> Result<(Array<T::Re, B>, Option<Array<T, B>>)> {
    begin::<B>(function, path)?;
    let d = a.device();
    let (w, v) = kernels::eigh::eigh(function, fetch(a)?.view(), lower, vectors)?;
    Ok((upload(w, &d)?, upload_opt(v, &d)?))
}

/// See [`crate::LinalgBackend::eig`].
pub fn eig<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    left: bool,
    right: bool,
) -> Result<EigFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::eig::eig(function, fetch(a)?.view(), left, right)?;
    Ok(EigFactors {
        w: upload(out.w, &d)?,
        vl: upload_opt(out.vl, &d)?,
        vr: upload_opt(out.vr, &d)?,
    })
}

/// See [`crate::LinalgBackend::svd`].
pub fn svd<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    full_matrices: bool,
    compute_uv: bool,
) -> Result<SvdFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::svd::svd(function, fetch(a)?.view(), full_matrices, compute_uv)?;
    Ok(SvdFactors {
        u: upload_opt(out.u, &d)?,
        s: upload(out.s, &d)?,
        vh: upload_opt(out.vh, &d)?,
    })
}

/// See [`crate::LinalgBackend::schur`].
pub fn schur<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
) -> Result<SchurFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::schur::schur(function, fetch(a)?.view())?;
    Ok(SchurFactors {
        t: upload(out.t, &d)?,
        z: upload(out.z, &d)?,
        w: upload(out.w, &d)?,
    })
}

/// See [`crate::LinalgBackend::hessenberg`].
#[allow(clippy::type_complexity)]
pub fn hessenberg<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    calc_q: bool,
) -> Result<(Array<T, B>, Option<Array<T, B>>)> {
    begin::<B>(function, path)?;
    let d = a.device();
    let (h, q) = kernels::hessenberg::hessenberg(function, fetch(a)?.view(), calc_q)?;
    Ok((upload(h, &d)?, upload_opt(q, &d)?))
}

/// See [`crate::LinalgBackend::qz`].
pub fn qz<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    b: &Array<T, B>,
) -> Result<QzFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::qz::qz(function, fetch(a)?.view(), fetch(b)?.view())?;
    Ok(QzFactors {
        aa: upload(out.aa, &d)?,
        bb: upload(out.bb, &d)?,
        q: upload(out.q, &d)?,
        z: upload(out.z, &d)?,
        alpha: upload(out.alpha, &d)?,
        beta: upload(out.beta, &d)?,
    })
}

/// See [`crate::LinalgBackend::eig_generalized`].
pub fn eig_generalized<T: LinalgScalar, B: Backend>(
    function: &'static str,
    path: Path,
    a: &Array<T, B>,
    b: &Array<T, B>,
    left: bool,
    right: bool,
) -> Result<GenEigFactors<T, B>> {
    begin::<B>(function, path)?;
    let d = a.device();
    let out = kernels::qz::eig_generalized(function, fetch(a)?.view(), fetch(b)?.view(), left, right)?;
    Ok(GenEigFactors {
        alpha: upload(out.alpha, &d)?,
        beta: upload(out.beta, &d)?,
        vl: upload_opt(out.vl, &d)?,
        vr: upload_opt(out.vr, &d)?,
    })
}

/// Checks the policy for a host kernel that is not a [`crate::LinalgBackend`] method (Schur
/// reordering, `rsf2csf`, `cdf2rdf`) and records it as `Path::Host`.
pub(crate) fn begin_host<B: Backend>(function: &'static str) -> Result<()> {
    begin::<B>(function, Path::Host)
}

/// Puts the caller's name into errors that kernels raise under a generic name.
fn rename(e: crate::LinalgError, function: &'static str) -> crate::LinalgError {
    use crate::LinalgError as E;
    match e {
        E::Singular { pivot, .. } => E::Singular { function, pivot },
        E::ShapeMismatch { reason, .. } => E::ShapeMismatch { function, reason },
        other => other,
    }
}
