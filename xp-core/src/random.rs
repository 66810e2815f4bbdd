//! A small seeded random number generator for algorithms that need random initialisation
//! (k-means seeding, random restarts), in the spirit of NumPy's `numpy.random.Generator`.
//!
//! [`Generator`] is xoshiro256** (Blackman and Vigna) seeded through SplitMix64, so a given
//! seed gives the same stream on every platform and every backend. Random values are drawn on
//! the host and uploaded with [`Array::from_vec`]: an explicit upload of new data, never a read of
//! the caller's arrays. The streams differ from NumPy's (which uses PCG64 and a ziggurat), so
//! seeds do not reproduce NumPy's numbers, only the distributions.
//!
//! ```
//! use xp_core::{Array, random::Generator};
//! let mut rng = Generator::new(42);
//! let z: Array<f64> = rng.standard_normal(&[2, 3])?;
//! assert_eq!(z.shape(), &[2, 3]);
//! let picks: Array<i64> = Generator::new(42).choice(10, 4, false)?;
//! assert_eq!(picks.to_vec()?, Generator::new(42).choice::<xp_core::Cpu>(10, 4, false)?.to_vec()?);
//! # Ok::<(), xp_core::Error>(())
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use crate::array::Array;
use crate::backend::Backend;
use crate::element::RealFloat;
use crate::error::{Error, Result};
use crate::shape;

/// A seeded pseudo-random generator (xoshiro256**). Cheap to clone; a clone continues the same
/// stream independently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generator {
    state: [u64; 4],
    /// The second normal deviate of the last polar-method pair, not yet returned.
    spare_normal: Option<u64>,
}

/// One step of SplitMix64, used to expand a 64-bit seed into the generator state.
fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Generator {
    /// A generator seeded with `seed`: the same seed gives the same stream everywhere.
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// assert_eq!(Generator::new(7).next_u64(), Generator::new(7).next_u64());
    /// ```
    pub fn new(seed: u64) -> Self {
        let mut x = seed;
        let state = [
            splitmix64(&mut x),
            splitmix64(&mut x),
            splitmix64(&mut x),
            splitmix64(&mut x),
        ];
        Generator {
            state,
            spare_normal: None,
        }
    }

    /// A generator seeded from the process's hash randomness and the system clock (NumPy's
    /// `default_rng(None)`): different on every call.
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// assert_ne!(Generator::from_entropy(), Generator::from_entropy());
    /// ```
    pub fn from_entropy() -> Self {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        hasher.write_u128(nanos);
        hasher.write_u32(std::process::id());
        Self::new(hasher.finish())
    }

    /// [`Generator::new`] for `Some(seed)`, [`Generator::from_entropy`] for `None` (SciPy's
    /// `rng=None` / `seed=None`).
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// assert_eq!(Generator::from_seed(Some(3)), Generator::new(3));
    /// ```
    pub fn from_seed(seed: Option<u64>) -> Self {
        seed.map_or_else(Self::from_entropy, Self::new)
    }

    /// The next 64 random bits.
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// let mut rng = Generator::new(1);
    /// assert_ne!(rng.next_u64(), rng.next_u64());
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform `f64` in `[0, 1)` with 53 random bits.
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// let u = Generator::new(5).next_f64();
    /// assert!((0.0..1.0).contains(&u));
    /// ```
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `[0, n)` without modulo bias (Lemire's method); 0 when `n` is 0.
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// assert!(Generator::new(5).next_below(3) < 3);
    /// ```
    pub fn next_below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let mut m = u128::from(self.next_u64()) * u128::from(n);
        let mut low = m as u64;
        if low < n {
            let threshold = n.wrapping_neg() % n;
            while low < threshold {
                m = u128::from(self.next_u64()) * u128::from(n);
                low = m as u64;
            }
        }
        (m >> 64) as u64
    }

    /// A standard normal deviate (Marsaglia's polar method; pairs are cached).
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// assert!(Generator::new(5).next_standard_normal().is_finite());
    /// ```
    pub fn next_standard_normal(&mut self) -> f64 {
        if let Some(bits) = self.spare_normal.take() {
            return f64::from_bits(bits);
        }
        loop {
            let u = 2.0 * self.next_f64() - 1.0;
            let v = 2.0 * self.next_f64() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * s.ln() / s).sqrt();
                self.spare_normal = Some((v * factor).to_bits());
                return u * factor;
            }
        }
    }

    /// An array of standard normal deviates (NumPy's `rng.standard_normal(size)`), drawn in
    /// row-major order.
    ///
    /// ```
    /// use xp_core::{Array, random::Generator};
    /// let z: Array<f32> = Generator::new(0).standard_normal(&[4])?;
    /// assert_eq!(z.shape(), &[4]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::SizeOverflow`] if the shape's size overflows; a backend failure.
    pub fn standard_normal<T: RealFloat, B: Backend>(&mut self, shape: &[usize]) -> Result<Array<T, B>> {
        let n = shape::checked_size("xp.random.standard_normal", shape)?;
        let data = (0..n).map(|_| T::from_f64(self.next_standard_normal())).collect();
        Array::from_vec(data, shape)
    }

    /// An array of uniform deviates in `[low, high)` (NumPy's `rng.uniform(low, high, size)`).
    ///
    /// ```
    /// use xp_core::{Array, random::Generator};
    /// let u: Array<f64> = Generator::new(0).uniform(-1.0, 1.0, &[3])?;
    /// assert!(u.to_vec()?.iter().all(|v| (-1.0..1.0).contains(v)));
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if a bound is not finite or `low > high`;
    /// [`Error::SizeOverflow`]; a backend failure.
    pub fn uniform<T: RealFloat, B: Backend>(&mut self, low: f64, high: f64, shape: &[usize]) -> Result<Array<T, B>> {
        const F: &str = "xp.random.uniform";
        if !low.is_finite() || !high.is_finite() {
            return Err(Error::invalid(F, "low/high", (low, high), "bounds must be finite"));
        }
        if low > high {
            return Err(Error::invalid(F, "low/high", (low, high), "low must not exceed high"));
        }
        let n = shape::checked_size(F, shape)?;
        let width = high - low;
        let data = (0..n)
            .map(|_| {
                loop {
                    // Rounding to `T` may reach `high`: draw again (rare) so the interval stays half-open.
                    let v = T::from_f64(low + width * self.next_f64());
                    if v.to_f64() < high || high == low {
                        break v;
                    }
                }
            })
            .collect();
        Array::from_vec(data, shape)
    }

    /// An array of uniform integers in `[low, high)` (NumPy's `rng.integers(low, high, size)`).
    ///
    /// ```
    /// use xp_core::{Array, random::Generator};
    /// let k: Array<i64> = Generator::new(0).integers(0, 5, &[10])?;
    /// assert!(k.to_vec()?.iter().all(|v| (0..5).contains(v)));
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `low >= high`; [`Error::SizeOverflow`]; a backend failure.
    pub fn integers<B: Backend>(&mut self, low: i64, high: i64, shape: &[usize]) -> Result<Array<i64, B>> {
        const F: &str = "xp.random.integers";
        if low >= high {
            return Err(Error::invalid(F, "low/high", (low, high), "low must be less than high"));
        }
        let n = shape::checked_size(F, shape)?;
        let span = high.abs_diff(low);
        let data = (0..n).map(|_| low.wrapping_add(self.next_below(span) as i64)).collect();
        Array::from_vec(data, shape)
    }

    /// `k` indices drawn from `0..n` (NumPy's `rng.choice(n, size=k, replace=replace)`):
    /// with replacement, independent uniform draws; without, a uniformly random ordered sample of
    /// distinct indices (a partial Fisher-Yates shuffle in `O(k)` time and memory).
    ///
    /// ```
    /// use xp_core::{Array, random::Generator};
    /// let mut idx = Generator::new(9).choice::<xp_core::Cpu>(5, 5, false)?.to_vec()?;
    /// idx.sort();
    /// assert_eq!(idx, vec![0, 1, 2, 3, 4]);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `n` is 0 and `k > 0`, or if `replace` is false and `k > n`
    /// (NumPy: "Cannot take a larger sample than population when replace is False"); a backend
    /// failure.
    pub fn choice<B: Backend>(&mut self, n: usize, k: usize, replace: bool) -> Result<Array<i64, B>> {
        let data = self.choice_vec(n, k, replace)?;
        Array::from_vec(data, &[k])
    }

    /// [`Generator::choice`] on the host: the indices as a vector.
    ///
    /// ```
    /// use xp_core::random::Generator;
    /// assert_eq!(Generator::new(1).choice_vec(3, 2, true)?.len(), 2);
    /// # Ok::<(), xp_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Generator::choice`].
    pub fn choice_vec(&mut self, n: usize, k: usize, replace: bool) -> Result<Vec<i64>> {
        const F: &str = "xp.random.choice";
        if n == 0 && k > 0 {
            return Err(Error::invalid(
                F,
                "n",
                n,
                "the population must not be empty unless no samples are taken",
            ));
        }
        if i64::try_from(n).is_err() {
            return Err(Error::invalid(F, "n", n, "the population size must fit in i64"));
        }
        if replace {
            return Ok((0..k).map(|_| self.next_below(n as u64) as i64).collect());
        }
        if k > n {
            return Err(Error::invalid(
                F,
                "k",
                k,
                format!("cannot take a larger sample than the population ({n}) without replacement"),
            ));
        }
        // Sparse Fisher-Yates: `moved[j]` is the value now at position j if it was swapped.
        let mut moved: HashMap<usize, usize> = HashMap::with_capacity(k.min(1 << 20));
        let mut out = Vec::with_capacity(k);
        for i in 0..k {
            let j = i + self.next_below((n - i) as u64) as usize;
            let at_i = moved.get(&i).copied().unwrap_or(i);
            let at_j = moved.get(&j).copied().unwrap_or(j);
            out.push(at_j as i64);
            moved.insert(j, at_i);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_different_seeds_differ() {
        let a: Vec<u64> = {
            let mut g = Generator::new(12345);
            (0..8).map(|_| g.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut g = Generator::new(12345);
            (0..8).map(|_| g.next_u64()).collect()
        };
        let c: Vec<u64> = {
            let mut g = Generator::new(12346);
            (0..8).map(|_| g.next_u64()).collect()
        };
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn xoshiro_matches_the_reference_step() {
        // Reference xoshiro256** from state [1, 2, 3, 4]: first outputs 11520, 0, 1509978240.
        let mut g = Generator {
            state: [1, 2, 3, 4],
            spare_normal: None,
        };
        assert_eq!(g.next_u64(), 11520);
        assert_eq!(g.next_u64(), 0);
        assert_eq!(g.next_u64(), 1509978240);
    }

    #[test]
    fn uniform_and_normal_moments_are_plausible() {
        let mut g = Generator::new(2024);
        let n = 200_000;
        let u: Vec<f64> = (0..n).map(|_| g.next_f64()).collect();
        let mean = u.iter().sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        let z: Vec<f64> = (0..n).map(|_| g.next_standard_normal()).collect();
        let zm = z.iter().sum::<f64>() / n as f64;
        let zv = z.iter().map(|v| (v - zm) * (v - zm)).sum::<f64>() / n as f64;
        assert!(zm.abs() < 0.01, "{zm}");
        assert!((zv - 1.0).abs() < 0.02, "{zv}");
    }

    #[test]
    fn next_below_is_in_range_and_covers_it() {
        let mut g = Generator::new(3);
        let mut seen = [0usize; 7];
        for _ in 0..7000 {
            let v = g.next_below(7) as usize;
            assert!(v < 7);
            seen[v] += 1;
        }
        assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
        assert_eq!(g.next_below(0), 0);
        assert!(g.next_below(u64::MAX) < u64::MAX);
    }

    #[test]
    fn choice_without_replacement_is_distinct_and_checks_k() {
        let mut g = Generator::new(11);
        let mut v = g.choice_vec(1000, 1000, false).unwrap();
        v.sort_unstable();
        assert_eq!(v, (0..1000).collect::<Vec<i64>>());
        let w = g.choice_vec(1_000_000_000, 5, false).unwrap();
        let mut ws = w.clone();
        ws.sort_unstable();
        ws.dedup();
        assert_eq!(ws.len(), 5);
        assert!(g.choice_vec(3, 4, false).is_err());
        assert!(g.choice_vec(0, 1, true).is_err());
        assert_eq!(g.choice_vec(0, 0, false).unwrap(), Vec::<i64>::new());
        assert_eq!(g.choice_vec(3, 10, true).unwrap().len(), 10);
    }

    #[test]
    fn choice_is_uniform_over_first_pick() {
        let mut g = Generator::new(5);
        let mut counts = [0usize; 4];
        for _ in 0..8000 {
            counts[g.choice_vec(4, 2, false).unwrap()[0] as usize] += 1;
        }
        assert!(counts.iter().all(|&c| c > 1700), "{counts:?}");
    }

    #[test]
    fn array_draws_have_the_shape_type_and_range_asked_for() {
        use crate::{Cpu, Strict};
        let mut g = Generator::new(8);
        let z = g.standard_normal::<f32, Strict>(&[3, 4]).unwrap();
        assert_eq!((z.shape(), z.dtype()), (&[3usize, 4][..], crate::DType::F32));
        let u = g.uniform::<f64, Cpu>(2.0, 3.0, &[1000]).unwrap().to_vec().unwrap();
        assert!(u.iter().all(|v| (2.0..3.0).contains(v)));
        let u32s = g.uniform::<f32, Cpu>(0.0, 1.0, &[1000]).unwrap().to_vec().unwrap();
        assert!(u32s.iter().all(|v| (0.0..1.0).contains(v)));
        assert_eq!(
            g.uniform::<f64, Cpu>(1.0, 1.0, &[2]).unwrap().to_vec().unwrap(),
            vec![1.0, 1.0]
        );
        let k = g.integers::<Cpu>(-3, 2, &[1000]).unwrap().to_vec().unwrap();
        assert!(k.iter().all(|v| (-3..2).contains(v)));
        assert!((-3..2).all(|v| k.contains(&v)));
        let wide = g.integers::<Cpu>(i64::MIN, i64::MAX, &[10]).unwrap().to_vec().unwrap();
        assert!(wide.iter().all(|&v| v < i64::MAX));
        assert!(g.uniform::<f64, Cpu>(1.0, 0.0, &[2]).is_err());
        assert!(g.uniform::<f64, Cpu>(f64::NAN, 1.0, &[2]).is_err());
        assert!(g.integers::<Cpu>(2, 2, &[2]).is_err());
        assert!(g.standard_normal::<f64, Cpu>(&[usize::MAX, 2]).is_err());
        assert_eq!(g.choice::<Strict>(4, 0, false).unwrap().shape(), &[0]);
    }

    #[test]
    fn from_seed_none_differs_between_calls() {
        let a = Generator::from_seed(None).next_u64();
        let b = Generator::from_seed(None).next_u64();
        assert_ne!(a, b);
    }
}
