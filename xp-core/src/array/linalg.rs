//! `matmul`, `tensordot`, `vecdot`, `matrix_transpose`: the standard's linear algebra functions.

use crate::array::Array;
use crate::backend::Backend;
use crate::element::Numeric;
use crate::error::{Error, Result};
use crate::shape;

impl<T: Numeric, B: Backend> Array<T, B> {
    /// Matrix product with NumPy's rules: 1-D operands are promoted to a matrix (and the added
    /// axis removed from the result), batch dimensions broadcast.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
    /// let v = Array::<f64>::from_slice(&[1.0, 1.0])?;
    /// assert_eq!(a.matmul(&v)?.to_vec()?, vec![3.0, 7.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] for 0-D operands or mismatched inner dimensions, [`Error::Broadcast`] for
    /// batch dimensions that do not broadcast.
    pub fn matmul(&self, other: &Self) -> Result<Self> {
        const F: &str = "xp.matmul";
        super::check_device(F, self, other)?;
        let (sa, sb) = (self.shape().to_vec(), other.shape().to_vec());
        if sa.is_empty() || sb.is_empty() {
            return Err(Error::shape(
                F,
                if sa.is_empty() { "x1" } else { "x2" },
                "at least 1 dimension",
                if sa.is_empty() { &sa } else { &sb },
            ));
        }
        let a_vec = sa.len() == 1;
        let b_vec = sb.len() == 1;
        let ea: Vec<usize> = if a_vec { vec![1, sa[0]] } else { sa.clone() };
        let eb: Vec<usize> = if b_vec { vec![sb[0], 1] } else { sb.clone() };
        let (m, k) = (ea[ea.len() - 2], ea[ea.len() - 1]);
        let (k2, n) = (eb[eb.len() - 2], eb[eb.len() - 1]);
        if k != k2 {
            return Err(Error::shape(
                F,
                "x2",
                format!("{k} rows to match x1's {k} columns"),
                &sb,
            ));
        }
        let batch = shape::broadcast_pair(F, &ea[..ea.len() - 2], &eb[..eb.len() - 2])?;
        let mut full_a = batch.clone();
        full_a.extend([m, k]);
        let mut full_b = batch.clone();
        full_b.extend([k, n]);
        shape::checked_size(F, &full_a)?;
        shape::checked_size(F, &full_b)?;
        let mut out_shape = batch.clone();
        out_shape.extend([m, n]);
        shape::checked_size(F, &out_shape)?;
        let a = B::broadcast_to(&B::reshape(&self.storage, &ea)?, &full_a)?;
        let b = B::broadcast_to(&B::reshape(&other.storage, &eb)?, &full_b)?;
        let c = B::matmul(&a, &b)?;
        let mut final_shape = batch;
        if !a_vec {
            final_shape.push(m);
        }
        if !b_vec {
            final_shape.push(n);
        }
        Ok(Array::from_storage(B::reshape(&c, &final_shape)?))
    }
}
