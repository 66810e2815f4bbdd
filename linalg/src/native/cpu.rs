//! The native path of the [`Cpu`] backend: faer on zero-copy views of the `ndarray` storage.
//!
//! Inputs are viewed in place whatever their strides; outputs are written straight into the
//! buffers that become the result arrays (column-major matrices where faer produces them that
//! way, with the strides saying so). Parallelism is chosen by problem size: one large matrix
//! runs multi-threaded inside faer, a batch of small matrices runs one matrix per thread, and
//! mid-size problems (an eigendecomposition of order 500 on a few cores) run on one thread,
//! which is faster there. Records `Path::Native("faer")`; under `Policy::force_generic` the
//! same kernels run and record `Path::Host` (there is no namespace-level formulation of a
//! factorization to fall back to).

use xp_core::trace::Path;
use xp_core::{Array, Cpu, policy};

use crate::backend::{
    EigFactors, GenEigFactors, LinalgBackend, LuFactors, QrFactors, QrShape, QzFactors, SchurFactors, SvdFactors, Trans,
};
use crate::error::Result;
use crate::exec;
use crate::scalar::LinalgScalar;

/// The path this call takes: native unless the policy forces the generic one.
fn path() -> Path {
    if policy::generic_forced() {
        Path::Host
    } else {
        Path::Native("faer")
    }
}

impl LinalgBackend for Cpu {
    fn lu_factor<T: LinalgScalar>(function: &'static str, a: &Array<T, Cpu>) -> Result<LuFactors<T, Cpu>> {
        exec::lu_factor(function, path(), a)
    }

    fn lu_solve<T: LinalgScalar>(
        function: &'static str,
        lu: &Array<T, Cpu>,
        piv: &Array<i64, Cpu>,
        b: &Array<T, Cpu>,
        trans: Trans,
    ) -> Result<Array<T, Cpu>> {
        exec::lu_solve(function, path(), lu, piv, b, trans)
    }

    fn lu_factor_solve<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        b: &Array<T, Cpu>,
        trans: Trans,
        check_finite: bool,
    ) -> Result<Array<T, Cpu>> {
        exec::lu_factor_solve(function, path(), a, b, trans, check_finite)
    }

    fn inv<T: LinalgScalar>(function: &'static str, a: &Array<T, Cpu>, check_finite: bool) -> Result<Array<T, Cpu>> {
        exec::inv(function, path(), a, check_finite)
    }

    fn solve_triangular<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        b: &Array<T, Cpu>,
        trans: Trans,
        lower: bool,
        unit_diagonal: bool,
    ) -> Result<Array<T, Cpu>> {
        exec::solve_triangular(function, path(), a, b, trans, lower, unit_diagonal)
    }

    fn cholesky<T: LinalgScalar>(function: &'static str, a: &Array<T, Cpu>, lower: bool) -> Result<Array<T, Cpu>> {
        exec::cholesky(function, path(), a, lower)
    }

    fn cho_solve<T: LinalgScalar>(
        function: &'static str,
        c: &Array<T, Cpu>,
        lower: bool,
        b: &Array<T, Cpu>,
    ) -> Result<Array<T, Cpu>> {
        exec::cho_solve(function, path(), c, lower, b)
    }

    fn qr<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        shape: QrShape,
        pivoting: bool,
    ) -> Result<QrFactors<T, Cpu>> {
        exec::qr(function, path(), a, shape, pivoting)
    }

    fn eigh<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        lower: bool,
        vectors: bool,
    ) -> Result<(Array<T::Re, Cpu>, Option<Array<T, Cpu>>)> {
        exec::eigh(function, path(), a, lower, vectors)
    }

    fn eig<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        left: bool,
        right: bool,
    ) -> Result<EigFactors<T, Cpu>> {
        exec::eig(function, path(), a, left, right)
    }

    fn svd<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        full_matrices: bool,
        compute_uv: bool,
    ) -> Result<SvdFactors<T, Cpu>> {
        exec::svd(function, path(), a, full_matrices, compute_uv)
    }

    fn schur<T: LinalgScalar>(function: &'static str, a: &Array<T, Cpu>) -> Result<SchurFactors<T, Cpu>> {
        exec::schur(function, path(), a)
    }

    fn hessenberg<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        calc_q: bool,
    ) -> Result<(Array<T, Cpu>, Option<Array<T, Cpu>>)> {
        exec::hessenberg(function, path(), a, calc_q)
    }

    fn qz<T: LinalgScalar>(function: &'static str, a: &Array<T, Cpu>, b: &Array<T, Cpu>) -> Result<QzFactors<T, Cpu>> {
        exec::qz(function, path(), a, b)
    }

    fn eig_generalized<T: LinalgScalar>(
        function: &'static str,
        a: &Array<T, Cpu>,
        b: &Array<T, Cpu>,
        left: bool,
        right: bool,
    ) -> Result<GenEigFactors<T, Cpu>> {
        exec::eig_generalized(function, path(), a, b, left, right)
    }
}
