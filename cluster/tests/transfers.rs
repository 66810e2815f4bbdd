//! On the Strict backend (which counts every host transfer), the number of transfers a function
//! makes does not grow with the data: only scalars cross (finiteness checks, convergence tests,
//! empty-cluster tests, small uploads such as random draws and indices), never the observations.
//! One test in this binary, so no other test moves data meanwhile.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::blobs;
use xp_cluster::vq::{KOrCentroids, KOrGuess, Kmeans2Options, KmeansOptions, Minit, kmeans, kmeans2, vq, whiten};
use xp_core::{Array, Strict};

fn transfers_during(f: impl FnOnce()) -> u64 {
    let before = Strict::transfers();
    f();
    Strict::transfers() - before
}

/// Transfers made by every function on `n` observations (the data are uploaded beforehand).
fn counts(n: usize) -> Vec<u64> {
    let centres = vec![vec![0.0, 0.0, 0.0], vec![6.0, 6.0, 0.0], vec![0.0, 6.0, 6.0]];
    let x = Array::<f64, Strict>::from_vec(blobs(n, 3, &centres, 1.0, 3), &[n, 3]).unwrap();
    let start = Array::<f64, Strict>::from_vec(vec![0.5, 0.5, 0.5, 5.0, 5.0, 0.5, 0.5, 5.0, 5.0], &[3, 3]).unwrap();
    let mut out = vec![
        transfers_during(|| {
            whiten(&x, true).unwrap();
        }),
        transfers_during(|| {
            vq(&x, &start, true).unwrap();
        }),
        transfers_during(|| {
            kmeans2(&x, KOrCentroids::Centroids(start.clone()), &Kmeans2Options::default()).unwrap();
        }),
    ];
    for minit in [Minit::Random, Minit::Points, Minit::PlusPlus] {
        let opts = Kmeans2Options::default().minit(minit).seed(4);
        out.push(transfers_during(|| {
            kmeans2(&x, KOrCentroids::K(3), &opts).unwrap();
        }));
    }
    out.push(transfers_during(|| {
        kmeans(&x, KOrGuess::Guess(start.clone()), &KmeansOptions::default()).unwrap();
    }));
    out
}

#[test]
fn host_transfers_do_not_grow_with_the_data() {
    let small = counts(300);
    let large = counts(3000);
    assert_eq!(small, large, "transfers per function (whiten, vq, kmeans2 x4, kmeans)");
    // And they stay few: kmeans2 runs 10 iterations with a handful of scalars each.
    assert!(small.iter().all(|&c| c < 100), "{small:?}");
}
