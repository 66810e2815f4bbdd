//! Operator overloads. They return `Result` (shapes may not broadcast), so write `(&a + &b)?`.
//! Arithmetic with a scalar on either side works too: `(&a * 2.0)?`, `(2.0 * &a)?`.
