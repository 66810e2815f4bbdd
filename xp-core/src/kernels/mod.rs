//! Element-wise and reduction kernels: typed, zero-sized (or small) descriptions of what to compute
//! per element, which every backend knows how to run over its own storage.
//!
//! A kernel is not a closure: it is a named type, so a device backend can map it to device code
//! (by [`Map1::NAME`]), while host backends monomorphise a tight loop around [`Map1::apply`].
//! The namespace's element-wise functions are one line each on top of these: see
//! [`crate::Array::exp`]. A kernel with parameters (a scalar, clip bounds) carries them as fields.

pub mod binary;
pub mod reduce;
pub mod unary;

use crate::element::Element;

/// One input element to one output element.
pub trait Map1: Copy + Send + Sync + 'static {
    /// Input element type.
    type In: Element;
    /// Output element type.
    type Out: Element;
    /// Name of the operation (the array API name where there is one).
    const NAME: &'static str;
    /// Computes one element.
    fn apply(&self, x: Self::In) -> Self::Out;
}

/// Two input elements (broadcast against each other) to one output element.
pub trait Map2: Copy + Send + Sync + 'static {
    /// First input type.
    type A: Element;
    /// Second input type.
    type B: Element;
    /// Output type.
    type Out: Element;
    /// Name of the operation.
    const NAME: &'static str;
    /// Computes one element.
    fn apply(&self, a: Self::A, b: Self::B) -> Self::Out;
}

/// Three input elements (broadcast together) to one output element (`where`, `clip`).
pub trait Map3: Copy + Send + Sync + 'static {
    /// First input type.
    type A: Element;
    /// Second input type.
    type B: Element;
    /// Third input type.
    type C: Element;
    /// Output type.
    type Out: Element;
    /// Name of the operation.
    const NAME: &'static str;
    /// Computes one element.
    fn apply(&self, a: Self::A, b: Self::B, c: Self::C) -> Self::Out;
}

/// A reduction: fold elements into an accumulator, combine partial accumulators (in any
/// grouping, so backends may reduce in blocks or in parallel), and finish into the output.
///
/// Used for reductions over axes and, element by element, for inclusive scans.
pub trait Reducer: Copy + Send + Sync + 'static {
    /// Input element type.
    type In: Element;
    /// Accumulator.
    type Acc: Copy + Send + Sync + 'static;
    /// Output element type.
    type Out: Element;
    /// Name of the operation.
    const NAME: &'static str;
    /// The empty accumulator.
    fn init(&self) -> Self::Acc;
    /// Adds element `x`, which sits at position `index` of the reduced (flattened, row-major) axes.
    fn fold(&self, acc: Self::Acc, x: Self::In, index: usize) -> Self::Acc;
    /// Merges two partial accumulators; `a` covers positions before `b`.
    fn combine(&self, a: Self::Acc, b: Self::Acc) -> Self::Acc;
    /// Produces the output from an accumulator that has seen `count` elements.
    fn finish(&self, acc: Self::Acc, count: usize) -> Self::Out;
}
