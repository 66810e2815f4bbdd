//! Scoped dispatch policy: whether host kernels may read device data, and whether native paths
//! are bypassed in favour of the generic one.
//!
//! The policy is thread-local and scoped, so tests control it and nothing leaks between them:
//!
//! ```
//! use xp_core::policy::{self, Policy};
//! assert!(!policy::host_transfer_allowed());
//! Policy::new().allow_host_transfer(true).run(|| assert!(policy::host_transfer_allowed()));
//! assert!(!policy::host_transfer_allowed());
//! ```

use std::cell::Cell;

/// A dispatch policy, applied to a closure with [`Policy::run`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Policy {
    /// Host kernels may copy device data to the host and back (off by default).
    pub allow_host_transfer: bool,
    /// Functions with a native path take the generic one instead (off by default).
    pub force_generic: bool,
}

thread_local! {
    static CURRENT: Cell<Policy> = const { Cell::new(Policy { allow_host_transfer: false, force_generic: false }) };
}

impl Policy {
    /// The default policy: no host transfers, native paths where available.
    pub fn new() -> Self {
        Self::default()
    }

    /// The policy in force on this thread.
    pub fn current() -> Self {
        CURRENT.with(Cell::get)
    }

    /// Sets whether host kernels may transfer device data to the host.
    pub fn allow_host_transfer(mut self, allow: bool) -> Self {
        self.allow_host_transfer = allow;
        self
    }

    /// Sets whether native paths are bypassed for the generic one.
    pub fn force_generic(mut self, force: bool) -> Self {
        self.force_generic = force;
        self
    }

    /// Runs `f` with this policy on the current thread, restoring the previous one afterwards
    /// (also when `f` unwinds).
    pub fn run<R>(self, f: impl FnOnce() -> R) -> R {
        struct Restore(Policy);
        impl Drop for Restore {
            fn drop(&mut self) {
                CURRENT.with(|c| c.set(self.0));
            }
        }
        let _restore = Restore(CURRENT.with(|c| c.replace(self)));
        f()
    }
}

/// Whether the current policy allows host transfers.
pub fn host_transfer_allowed() -> bool {
    Policy::current().allow_host_transfer
}

/// Whether the current policy forces the generic path.
pub fn generic_forced() -> bool {
    Policy::current().force_generic
}
