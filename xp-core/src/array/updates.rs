//! xp's non-standard operations that SciPy-style code needs (array-api-extra's ideas), all
//! functional (they return new arrays) and built from the backend core without host reads:
//!
//! | function | NumPy / JAX / PyTorch equivalent |
//! |---|---|
//! | [`Array::at`](crate::Array::at) + [`At::set`], [`At::add`], [`At::min`], ... | `x.at[idx].set(v)` (JAX, array-api-extra), `np.add.at` |
//! | [`Array::segment_sum`](crate::Array::segment_sum) | `jax.ops.segment_sum` |
//! | [`bincount`] | `np.bincount` (reads one scalar: the output length depends on the data) |
//! | [`Array::gather`](crate::Array::gather) | `torch.gather`, `np.take_along_axis` |
//! | [`Array::pad`](crate::Array::pad) | `np.pad` with every mode |
//!
//! ```
//! use xp_core::{Array, array::updates::AtIndex};
//! let x = Array::<f64>::from_vec(vec![0.0; 4], &[4])?;
//! let i = Array::<i64>::from_vec(vec![1, 1, 3], &[3])?;
//! let ones = Array::<f64>::from_vec(vec![1.0; 3], &[3])?;
//! // np.add.at(x, [1, 1, 3], 1): duplicates accumulate
//! let y = x.at(AtIndex::take(i, 0)).add(&ones)?;
//! assert_eq!(y.to_vec()?, vec![0.0, 2.0, 0.0, 1.0]);
//! # Ok::<(), xp_core::Error>(())
//! ```

mod at;
mod pad;
mod pad_kernels;
mod segment;

pub use at::{At, AtIndex};
pub use pad::{PadMode, ReflectType, Statistic};
pub use segment::bincount;
