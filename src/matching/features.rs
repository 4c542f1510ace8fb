//! Pair features and the logistic model that turns them into a score.
//!
//! For a domestic record *d* and a candidate international record *c*, with
//! content-token sets *A* (title of *d*, or its glossary translation) and *B*
//! (title of *c*), "Part n" markers removed, and IDF weights
//! `w(t) = ln((N + 1) / (df(t) + 1)) + 1` computed over the international
//! titles:
//!
//! | feature | formula |
//! |---|---|
//! | `wjaccard` | Σ_{A∩B} w / Σ_{A∪B} w |
//! | `cover_dom` | Σ_{A∩B} w / Σ_A w (how much of the domestic title is explained) |
//! | `cover_int` | Σ_{A∩B} w / Σ_B w |
//! | `monge_elkan` | ½ (ME(A,B) + ME(B,A)), ME(X,Y) = Σ_x w(x)·max_y JW(x,y) / Σ_x w(x), JW = Jaro-Winkler (strsim) |
//! | `part_agree` / `part_clash` | the title's `Part n` equals / differs from the candidate's part |
//! | `ics_depth` | depth of the deepest shared ICS prefix (field 1/3, group 2/3, sub-group 1), 0 when unknown |
//! | `affinity` | 1 when the domestic sector code is known to mirror the candidate's body or committee (YD ↔ ITU-T, JTC 1; QC ↔ ISO/TC 22 …) |
//! | `year_ok` | 1 when the candidate was published no later than the domestic standard, 0.5 unknown |
//! | `current` | 1 when the candidate edition is current |
//! | `bm25_rr` | 1 / retrieval rank |
//!
//! The score is `σ(b + Σ_k w_k·x_k)`, a logistic model whose weights are
//! learned from declared adoptions (see [`Model::fit`]).

use serde::{Deserialize, Serialize};

/// Names of the features, in vector order.
pub const FEATURE_NAMES: [&str; 11] = [
    "wjaccard",
    "cover_dom",
    "cover_int",
    "monge_elkan",
    "part_agree",
    "part_clash",
    "ics_depth",
    "affinity",
    "year_ok",
    "current",
    "bm25_rr",
];

/// Number of features.
pub const N_FEATURES: usize = FEATURE_NAMES.len();

/// A feature vector.
pub type Features = [f64; N_FEATURES];

/// A logistic model over [`Features`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Intercept.
    pub bias: f64,
    /// One weight per feature, in [`FEATURE_NAMES`] order.
    pub weights: Vec<f64>,
    /// How the weights were obtained.
    pub origin: String,
}

impl Model {
    /// The score of a feature vector: `σ(bias + w·x)`, in (0, 1).
    pub fn score(&self, x: &Features) -> f64 {
        sigmoid(self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>())
    }

    /// Each feature's contribution to the logit, `w_k·x_k`.
    pub fn contributions(&self, x: &Features) -> Vec<(&'static str, f64)> {
        FEATURE_NAMES.iter().zip(self.weights.iter().zip(x)).map(|(n, (w, v))| (*n, w * v)).collect()
    }

    /// Fits a logistic regression by batch gradient descent with L2
    /// regularisation (λ = 1e-3), positives re-weighted to balance the classes.
    /// Deterministic: fixed start, fixed step count, fixed order.
    pub fn fit(samples: &[(Features, bool)], origin: &str) -> Model {
        let n_pos = samples.iter().filter(|s| s.1).count().max(1) as f64;
        let n_neg = samples.iter().filter(|s| !s.1).count().max(1) as f64;
        let (wp, wn) = (0.5 / n_pos, 0.5 / n_neg);
        let mut w = [0.0f64; N_FEATURES];
        let mut b = 0.0f64;
        let lambda = 1e-3;
        let mut lr = 2.0;
        for step in 0..2000 {
            let mut gw = [0.0f64; N_FEATURES];
            let mut gb = 0.0;
            for (x, y) in samples {
                let p = sigmoid(b + w.iter().zip(x).map(|(a, v)| a * v).sum::<f64>());
                let err = p - if *y { 1.0 } else { 0.0 };
                let sw = if *y { wp } else { wn };
                for k in 0..N_FEATURES {
                    gw[k] += sw * err * x[k];
                }
                gb += sw * err;
            }
            for k in 0..N_FEATURES {
                w[k] -= lr * (gw[k] + lambda * w[k]);
            }
            b -= lr * gb;
            if step == 1000 {
                lr = 1.0;
            }
        }
        Model { bias: b, weights: w.to_vec(), origin: origin.to_string() }
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_separates_a_simple_signal() {
        let mut samples = Vec::new();
        for i in 0..200 {
            let mut x = [0.0; N_FEATURES];
            x[0] = (i % 10) as f64 / 10.0;
            samples.push((x, x[0] > 0.55));
        }
        let m = Model::fit(&samples, "test");
        let mut hi = [0.0; N_FEATURES];
        hi[0] = 0.9;
        let lo = [0.0; N_FEATURES];
        assert!(m.score(&hi) > 0.7 && m.score(&lo) < 0.3, "{m:?}");
    }
}
