//! Reductions (`sum`, `prod`, `min`, `max`, `argmin`, `argmax`, `all`, `any`) as [`Reducer`]s.
//! The same reducers run inclusive scans (`cumulative_sum`, `cumulative_prod`).

use std::marker::PhantomData;

use super::Reducer;
use crate::element::{Element, Numeric, RealNumeric};

macro_rules! zst {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name<T>(PhantomData<fn() -> T>);
        impl<T> $name<T> {
            /// The reducer.
            pub const fn new() -> Self {
                Self(PhantomData)
            }
        }
        impl<T> Default for $name<T> {
            fn default() -> Self {
                Self::new()
            }
        }
        impl<T> Clone for $name<T> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T> Copy for $name<T> {}
    };
}

zst!(/// Sum (0 for no elements).
    Sum);
impl<T: Numeric> Reducer for Sum<T> {
    type In = T;
    type Acc = T;
    type Out = T;
    const NAME: &'static str = "sum";
    #[inline(always)]
    fn init(&self) -> T {
        T::ZERO
    }
    #[inline(always)]
    fn fold(&self, acc: T, x: T, _: usize) -> T {
        acc.add(x)
    }
    #[inline(always)]
    fn combine(&self, a: T, b: T) -> T {
        a.add(b)
    }
    #[inline(always)]
    fn finish(&self, acc: T, _: usize) -> T {
        acc
    }
}

zst!(/// Product (1 for no elements).
    Prod);
impl<T: Numeric> Reducer for Prod<T> {
    type In = T;
    type Acc = T;
    type Out = T;
    const NAME: &'static str = "prod";
    #[inline(always)]
    fn init(&self) -> T {
        T::ONE
    }
    #[inline(always)]
    fn fold(&self, acc: T, x: T, _: usize) -> T {
        acc.mul(x)
    }
    #[inline(always)]
    fn combine(&self, a: T, b: T) -> T {
        a.mul(b)
    }
    #[inline(always)]
    fn finish(&self, acc: T, _: usize) -> T {
        acc
    }
}

zst!(/// Minimum, NaN-propagating. The namespace rejects empty reductions before running it.
    Min);
impl<T: RealNumeric> Reducer for Min<T> {
    type In = T;
    type Acc = T;
    type Out = T;
    const NAME: &'static str = "min";
    #[inline(always)]
    fn init(&self) -> T {
        T::HIGHEST
    }
    #[inline(always)]
    fn fold(&self, acc: T, x: T, _: usize) -> T {
        acc.min_nan(x)
    }
    #[inline(always)]
    fn combine(&self, a: T, b: T) -> T {
        a.min_nan(b)
    }
    #[inline(always)]
    fn finish(&self, acc: T, _: usize) -> T {
        acc
    }
}

zst!(/// Maximum, NaN-propagating. The namespace rejects empty reductions before running it.
    Max);
impl<T: RealNumeric> Reducer for Max<T> {
    type In = T;
    type Acc = T;
    type Out = T;
    const NAME: &'static str = "max";
    #[inline(always)]
    fn init(&self) -> T {
        T::LOWEST
    }
    #[inline(always)]
    fn fold(&self, acc: T, x: T, _: usize) -> T {
        acc.max_nan(x)
    }
    #[inline(always)]
    fn combine(&self, a: T, b: T) -> T {
        a.max_nan(b)
    }
    #[inline(always)]
    fn finish(&self, acc: T, _: usize) -> T {
        acc
    }
}

/// `(value, index)` accumulator of [`ArgMin`] and [`ArgMax`]; `usize::MAX` marks "none yet".
pub type ArgAcc<T> = (T, usize);

zst!(/// Index of the first minimum (the first NaN if any, as NumPy).
    ArgMin);
impl<T: RealNumeric> Reducer for ArgMin<T> {
    type In = T;
    type Acc = ArgAcc<T>;
    type Out = i64;
    const NAME: &'static str = "argmin";
    #[inline(always)]
    fn init(&self) -> ArgAcc<T> {
        (T::HIGHEST, usize::MAX)
    }
    #[inline(always)]
    fn fold(&self, acc: ArgAcc<T>, x: T, index: usize) -> ArgAcc<T> {
        arg_pick(acc, (x, index), |a, b| a < b)
    }
    #[inline(always)]
    fn combine(&self, a: ArgAcc<T>, b: ArgAcc<T>) -> ArgAcc<T> {
        arg_pick(a, b, |a, b| a < b)
    }
    #[inline(always)]
    fn finish(&self, acc: ArgAcc<T>, _: usize) -> i64 {
        if acc.1 == usize::MAX { 0 } else { acc.1 as i64 }
    }
}

zst!(/// Index of the first maximum (the first NaN if any, as NumPy).
    ArgMax);
impl<T: RealNumeric> Reducer for ArgMax<T> {
    type In = T;
    type Acc = ArgAcc<T>;
    type Out = i64;
    const NAME: &'static str = "argmax";
    #[inline(always)]
    fn init(&self) -> ArgAcc<T> {
        (T::LOWEST, usize::MAX)
    }
    #[inline(always)]
    fn fold(&self, acc: ArgAcc<T>, x: T, index: usize) -> ArgAcc<T> {
        arg_pick(acc, (x, index), |a, b| a > b)
    }
    #[inline(always)]
    fn combine(&self, a: ArgAcc<T>, b: ArgAcc<T>) -> ArgAcc<T> {
        arg_pick(a, b, |a, b| a > b)
    }
    #[inline(always)]
    fn finish(&self, acc: ArgAcc<T>, _: usize) -> i64 {
        if acc.1 == usize::MAX { 0 } else { acc.1 as i64 }
    }
}

/// Picks between two candidates where `a` covers earlier positions than `b` (unless `a` is empty):
/// NaN wins over numbers, then the strictly better value, then the earlier index.
#[inline(always)]
fn arg_pick<T: RealNumeric>(a: ArgAcc<T>, b: ArgAcc<T>, better: impl Fn(T, T) -> bool) -> ArgAcc<T> {
    if a.1 == usize::MAX {
        return b;
    }
    if b.1 == usize::MAX {
        return a;
    }
    let (an, bn) = (a.0.is_nan_real(), b.0.is_nan_real());
    let b_wins = match (an, bn) {
        (true, true) => b.1 < a.1,
        (true, false) => false,
        (false, true) => true,
        (false, false) => better(b.0, a.0) || (b.0 == a.0 && b.1 < a.1),
    };
    if b_wins { b } else { a }
}

zst!(/// Whether every element is nonzero (true for no elements).
    All);
impl<T: Element> Reducer for All<T> {
    type In = T;
    type Acc = bool;
    type Out = bool;
    const NAME: &'static str = "all";
    #[inline(always)]
    fn init(&self) -> bool {
        true
    }
    #[inline(always)]
    fn fold(&self, acc: bool, x: T, _: usize) -> bool {
        acc && x.cast::<bool>()
    }
    #[inline(always)]
    fn combine(&self, a: bool, b: bool) -> bool {
        a && b
    }
    #[inline(always)]
    fn finish(&self, acc: bool, _: usize) -> bool {
        acc
    }
}

zst!(/// Whether any element is nonzero (false for no elements).
    Any);
impl<T: Element> Reducer for Any<T> {
    type In = T;
    type Acc = bool;
    type Out = bool;
    const NAME: &'static str = "any";
    #[inline(always)]
    fn init(&self) -> bool {
        false
    }
    #[inline(always)]
    fn fold(&self, acc: bool, x: T, _: usize) -> bool {
        acc || x.cast::<bool>()
    }
    #[inline(always)]
    fn combine(&self, a: bool, b: bool) -> bool {
        a || b
    }
    #[inline(always)]
    fn finish(&self, acc: bool, _: usize) -> bool {
        acc
    }
}

zst!(/// Number of nonzero elements, as `i64`.
    CountNonzero);
impl<T: Element> Reducer for CountNonzero<T> {
    type In = T;
    type Acc = i64;
    type Out = i64;
    const NAME: &'static str = "count_nonzero";
    #[inline(always)]
    fn init(&self) -> i64 {
        0
    }
    #[inline(always)]
    fn fold(&self, acc: i64, x: T, _: usize) -> i64 {
        acc + x.cast::<bool>() as i64
    }
    #[inline(always)]
    fn combine(&self, a: i64, b: i64) -> i64 {
        a + b
    }
    #[inline(always)]
    fn finish(&self, acc: i64, _: usize) -> i64 {
        acc
    }
}

/// Sum of squared deviations from a known mean, for `var`/`std`: `sum |x - mean|^2 / (n - correction)`.
/// The namespace computes the mean first and broadcasts it; this reducer sees `x - mean`.
#[derive(Clone, Copy, Debug)]
pub struct SumSquares<T> {
    /// The divisor is `max(count - correction, 0)`.
    pub correction: f64,
    _t: PhantomData<fn() -> T>,
}
impl<T> SumSquares<T> {
    /// A reducer dividing by `max(count - correction, 0)`.
    pub const fn new(correction: f64) -> Self {
        Self {
            correction,
            _t: PhantomData,
        }
    }
}
impl<T: crate::element::Float> Reducer for SumSquares<T> {
    type In = T;
    type Acc = T::Real;
    type Out = T::Real;
    const NAME: &'static str = "var";
    #[inline(always)]
    fn init(&self) -> T::Real {
        <T::Real as Numeric>::ZERO
    }
    #[inline(always)]
    fn fold(&self, acc: T::Real, x: T, _: usize) -> T::Real {
        let (re, im) = (x.re(), x.im());
        acc.add(re.mul(re)).add(im.mul(im))
    }
    #[inline(always)]
    fn combine(&self, a: T::Real, b: T::Real) -> T::Real {
        a.add(b)
    }
    #[inline(always)]
    fn finish(&self, acc: T::Real, count: usize) -> T::Real {
        // NumPy divides by `max(N - correction, 0)`: a zero divisor gives inf for a positive
        // sum and NaN for a zero one (an empty or constant input).
        let d = (count as f64 - self.correction).max(0.0);
        crate::element::Float::div(acc, <T::Real as Numeric>::from_f64(d))
    }
}
