//! `matmul`, `tensordot`, `vecdot`, `matrix_transpose`: the standard's linear algebra functions.

use crate::array::Array;
use crate::backend::Backend;
use crate::element::{DType, Element, Numeric, Scalar};
use crate::error::{Error, Result};
use crate::kernels::Map1;
use crate::kernels::binary::Multiply;
use crate::kernels::reduce::Sum;
use crate::shape;

/// Which axes [`Array::tensordot`] contracts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TensordotAxes {
    /// The last `n` axes of `x1` with the first `n` axes of `x2`, in order.
    N(usize),
    /// Axes `.0[i]` of `x1` with axes `.1[i]` of `x2` (negative values count from the end).
    Pairs(Vec<isize>, Vec<isize>),
}

impl From<usize> for TensordotAxes {
    fn from(n: usize) -> Self {
        TensordotAxes::N(n)
    }
}

impl<T: Element, B: Backend> Array<T, B> {
    /// Swaps the last two axes (the transpose of each matrix in a stack).
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<i64>::from_vec((0..6).collect(), &[2, 3])?;
    /// let t = a.matrix_transpose()?;
    /// assert_eq!(t.shape(), &[3, 2]);
    /// assert_eq!(t.to_vec()?, vec![0, 3, 1, 4, 2, 5]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Shape`] for arrays with fewer than 2 dimensions.
    pub fn matrix_transpose(&self) -> Result<Self> {
        let n = self.ndim();
        if n < 2 {
            return Err(Error::shape(
                "xp.matrix_transpose",
                "x",
                "at least 2 dimensions",
                self.shape(),
            ));
        }
        let mut axes: Vec<usize> = (0..n).collect();
        axes.swap(n - 2, n - 1);
        self.permuted(&axes)
    }
}

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

    /// Tensor contraction over the given axes (NumPy's `tensordot`): the result has the
    /// uncontracted axes of `self` followed by those of `other`.
    ///
    /// ```
    /// use xp_core::{Array, array::linalg::TensordotAxes};
    /// let a = Array::<f64>::from_vec((0..6).map(f64::from).collect(), &[2, 3])?;
    /// let b = Array::<f64>::from_vec((0..6).map(f64::from).collect(), &[3, 2])?;
    /// assert_eq!(a.tensordot(&b, TensordotAxes::N(1))?.to_vec()?, a.matmul(&b)?.to_vec()?);
    /// let full = a.tensordot(&a, TensordotAxes::Pairs(vec![0, 1], vec![0, 1]))?;
    /// assert_eq!(full.to_scalar()?, 55.0);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `N(n)` exceeds a rank or the axis lists differ in length;
    /// [`Error::AxisOutOfRange`], [`Error::DuplicateAxis`]; [`Error::Shape`] if contracted axes
    /// differ in size; [`Error::DeviceMismatch`].
    pub fn tensordot(&self, other: &Self, axes: TensordotAxes) -> Result<Self> {
        const F: &str = "xp.tensordot";
        super::check_device(F, self, other)?;
        let (na, nb) = (self.ndim(), other.ndim());
        let (ca, cb): (Vec<usize>, Vec<usize>) = match axes {
            TensordotAxes::N(n) => {
                if n > na || n > nb {
                    return Err(Error::invalid(
                        F,
                        "axes",
                        n,
                        format!("cannot contract {n} axes of arrays with {na} and {nb} dimensions"),
                    ));
                }
                ((na - n..na).collect(), (0..n).collect())
            }
            TensordotAxes::Pairs(a, b) => {
                if a.len() != b.len() {
                    return Err(Error::invalid(
                        F,
                        "axes",
                        (a, b),
                        "the two axis lists must have the same length",
                    ));
                }
                (shape::normalize_axes(F, &a, na)?, shape::normalize_axes(F, &b, nb)?)
            }
        };
        let (sa, sb) = (self.shape().to_vec(), other.shape().to_vec());
        for (&i, &j) in ca.iter().zip(&cb) {
            if sa[i] != sb[j] {
                return Err(Error::shape(
                    F,
                    "x2",
                    format!("size {} on axis {j} to match axis {i} of x1", sa[i]),
                    &sb,
                ));
            }
        }
        let free_a: Vec<usize> = (0..na).filter(|i| !ca.contains(i)).collect();
        let free_b: Vec<usize> = (0..nb).filter(|j| !cb.contains(j)).collect();
        let m = shape::checked_size(F, &free_a.iter().map(|&i| sa[i]).collect::<Vec<_>>())?;
        let k = shape::checked_size(F, &ca.iter().map(|&i| sa[i]).collect::<Vec<_>>())?;
        let n = shape::checked_size(F, &free_b.iter().map(|&j| sb[j]).collect::<Vec<_>>())?;
        let mut out: Vec<usize> = free_a.iter().map(|&i| sa[i]).collect();
        out.extend(free_b.iter().map(|&j| sb[j]));
        shape::checked_size(F, &out)?;
        let order_a: Vec<usize> = free_a.iter().chain(&ca).copied().collect();
        let order_b: Vec<usize> = cb.iter().chain(&free_b).copied().collect();
        let a2 = self.permuted(&order_a)?.reshaped(&[m, k])?;
        let b2 = other.permuted(&order_b)?.reshaped(&[k, n])?;
        let c = Array::<T, B>::from_storage(B::matmul(&a2.storage, &b2.storage)?);
        c.reshaped(&out)
    }

    /// Dot product of vectors along `axis`, `sum(conj(x1) * x2)`, broadcasting the other axes.
    /// `axis` counts from the end of each operand (the standard's convention: `-1` is the last
    /// axis of both); a non-negative `axis` is taken relative to the lower rank.
    ///
    /// ```
    /// use xp_core::Array;
    /// let a = Array::<f64>::from_vec(vec![1.0, 2.0, 3.0, 4.0], &[2, 2])?;
    /// let v = Array::<f64>::from_vec(vec![1.0, 1.0], &[2])?;
    /// assert_eq!(a.vecdot(&v, -1)?.to_vec()?, vec![3.0, 7.0]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::AxisOutOfRange`] (also for 0-D operands); [`Error::Shape`] if the contracted
    /// axes differ in size; [`Error::Broadcast`]; [`Error::DeviceMismatch`].
    pub fn vecdot(&self, other: &Self, axis: isize) -> Result<Self> {
        const F: &str = "xp.vecdot";
        super::check_device(F, self, other)?;
        let (na, nb) = (self.ndim(), other.ndim());
        let low = na.min(nb);
        let a = shape::normalize_axis(F, axis, low)?;
        let back = low - a; // 1-based position from the end
        let (ka, kb) = (self.shape()[na - back], other.shape()[nb - back]);
        if ka != kb {
            return Err(Error::shape(
                F,
                "x2",
                format!("size {ka} on the contracted axis"),
                other.shape(),
            ));
        }
        let x1 = if matches!(T::DTYPE, DType::C64 | DType::C128) {
            self.map1(ConjAny::<T>(std::marker::PhantomData))?
        } else {
            self.clone()
        };
        let prod = x1.map2(other, Multiply::<T>::new())?;
        let r = prod.ndim() - back;
        Ok(Array::from_storage(B::reduce(&prod.storage, &[r], Sum::<T>::new())?))
    }
}

/// Complex conjugate for any element type (identity off the complex types), for [`Array::vecdot`]
/// whose element bound is [`Numeric`].
#[derive(Debug)]
struct ConjAny<T>(std::marker::PhantomData<fn() -> T>);
impl<T> Clone for ConjAny<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ConjAny<T> {}
impl<T: Element> Map1 for ConjAny<T> {
    type In = T;
    type Out = T;
    const NAME: &'static str = "conj";
    #[inline(always)]
    fn apply(&self, x: T) -> T {
        match x.to_scalar() {
            Scalar::Complex(c) => T::from_scalar(Scalar::Complex(c.conj())),
            _ => x,
        }
    }
}
