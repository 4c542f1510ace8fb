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
//! | `part_agree` / `part_clash` | the title's `Part n` equals / differs from the candidate's part (`Part 2` against `2-1`, one part chain inside the other, is neither) |
//! | `ics_depth` | depth of the deepest shared ICS prefix (field 1/3, group 2/3, sub-group 1), 0 when unknown |
//! | `affinity` | 1 when the domestic sector code is known to mirror the candidate's body or committee (YD ↔ ITU-T, JTC 1; QC ↔ ISO/TC 22 …) |
//! | `year_ok` | 1 when the candidate was published no later than the domestic standard, 0.5 unknown |
//! | `current` | 1 when the candidate edition is current |
//! | `bm25_rr` | 1 / retrieval rank among distinct eligible work items (drafts, supplements and repeated editions do not count) |
//! | `dom_info` | min(1, Σ_A w / 25): how much a domestic title says (short generic titles say little) |
//! | `coverage` | share of a Chinese-only title's Han characters the glossary translated (1 for English titles) |
//! | `bag` | Σ_t w(t)·min(a_t, b_t) / Σ_t w(t)·max(a_t, b_t) over token *counts* a_t, b_t: tells "Systems and software engineering - System life cycle processes" from "… - Software life cycle processes", which have the same token set |
//! | `bigram` | 2·|P∩Q| / (|P| + |Q|) over the sets P, Q of adjacent token pairs: word order |
//! | `cover_both` | `cover_dom · cover_int`: high only when each title explains the other (a linear model cannot express "both") |
//! | `num_part` | 1 when the last part of the domestic *number* equals the candidate's last part (`GB/T 16886.1` ↔ `ISO 10993-1`, `GB/T 17626.2` ↔ `IEC 61000-4-2`), −1 when both have parts and the last ones differ, 0 otherwise (national part numbering often, not always, mirrors the adopted one; the weight is learned) |
//! | `superseded` | 1 when another candidate with the same title words (another work item: renumbered, retyped TS → IS, ISO → ISO/CIE) was published later, yet no later than the domestic standard; else 0 |
//! | `twin` | for an ITU-T Recommendation and its ISO/IEC common text both retrieved: 1 on the side the domestic sector adopts from (YD → ITU-T, others → ISO/IEC), −1 on the other side, 0 without a twin |
//! | `replaced` | 1 when the candidate edition had been replaced (a successor edition or standard, `replaced_by`) or withdrawn (`obsoleted`) in a year before the domestic standard's; else 0 (a domestic standard usually adopts what was in force; the generator's outdated adoptions keep this from being a rule) |
//! | `lead` | `wjaccard` of this candidate minus the best `wjaccard` among the record's candidates of other work items, in [-1, 1]: near 0 when another standard fits the title as well (sibling standards with the same title, or a translated title too vague to tell them apart) |
//!
//! The score is `σ(b + Σ_k w_k·x_k)`, a logistic model whose weights are
//! learned from declared adoptions (see [`Model::fit`]).

use serde::{Deserialize, Serialize};

/// Names of the features, in vector order.
pub const FEATURE_NAMES: [&str; 21] = [
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
    "dom_info",
    "coverage",
    "bag",
    "bigram",
    "lead",
    "cover_both",
    "num_part",
    "superseded",
    "twin",
    "replaced",
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
    /// Default decision threshold: the lowest score at which the training
    /// candidates reached the target precision (see [`Model::choose_threshold`]).
    #[serde(default = "default_threshold")]
    pub threshold: f64,
}

fn default_threshold() -> f64 {
    0.5
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

    /// Fits a logistic regression by Newton's method (iteratively
    /// reweighted least squares) on the mean log-loss with an L2 penalty
    /// (λ = 1e-4, intercept unpenalised). Classes are not re-weighted, so the
    /// score estimates P(correct | features) under the training mix of
    /// candidates. Deterministic: fixed start, at most 50 iterations, fixed
    /// order. The default threshold is then chosen with
    /// [`Model::choose_threshold`] for a precision of 0.97.
    pub fn fit(samples: &[(Features, bool)], origin: &str) -> Model {
        const D: usize = N_FEATURES + 1;
        let n = samples.len().max(1) as f64;
        let lambda = 1e-4;
        let mut beta = [0.0f64; D];
        for _ in 0..50 {
            let mut grad = [0.0f64; D];
            let mut hess = [[0.0f64; D]; D];
            for (x, y) in samples {
                let mut z = [0.0f64; D];
                z[0] = 1.0;
                z[1..].copy_from_slice(x);
                let p = sigmoid(z.iter().zip(&beta).map(|(a, b)| a * b).sum());
                let err = p - if *y { 1.0 } else { 0.0 };
                let w = (p * (1.0 - p)).max(1e-9);
                for a in 0..D {
                    grad[a] += err * z[a] / n;
                    for b in 0..D {
                        hess[a][b] += w * z[a] * z[b] / n;
                    }
                }
            }
            for a in 1..D {
                grad[a] += lambda * beta[a];
                hess[a][a] += lambda;
            }
            hess[0][0] += 1e-9;
            let Some(step) = solve(hess, grad) else { break };
            let mut max = 0.0f64;
            for a in 0..D {
                beta[a] -= step[a];
                max = max.max(step[a].abs());
            }
            if max < 1e-8 {
                break;
            }
        }
        let mut m = Model { bias: beta[0], weights: beta[1..].to_vec(), origin: origin.to_string(), threshold: 0.5 };
        m.threshold = m.choose_threshold(samples, 0.97);
        m
    }

    /// The lowest threshold t (on a 0.01 grid, at least 0.3) at which the
    /// samples scoring ≥ t are correct at least `precision` of the time.
    pub fn choose_threshold(&self, samples: &[(Features, bool)], precision: f64) -> f64 {
        let mut scored: Vec<(f64, bool)> = samples.iter().map(|(x, y)| (self.score(x), *y)).collect();
        scored.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        // Walk the grid downwards while the cumulative precision holds.
        let mut best = 0.99;
        for step in (30..=99).rev() {
            let t = step as f64 / 100.0;
            let above = scored.iter().take_while(|s| s.0 >= t).count();
            if above == 0 {
                best = t;
                continue;
            }
            let correct = scored.iter().take(above).filter(|s| s.1).count();
            if correct as f64 / above as f64 >= precision {
                best = t;
            } else {
                break;
            }
        }
        best
    }
}

/// Solves `a·x = b` by Gaussian elimination with partial pivoting.
fn solve<const D: usize>(mut a: [[f64; D]; D], mut b: [f64; D]) -> Option<[f64; D]> {
    #[allow(clippy::needless_range_loop)]
    for col in 0..D {
        let piv = (col..D)
            .max_by(|&i, &j| a[i][col].abs().partial_cmp(&a[j][col].abs()).unwrap_or(std::cmp::Ordering::Equal))?;
        if a[piv][col].abs() < 1e-15 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for row in col + 1..D {
            let f = a[row][col] / a[col][col];
            for k in col..D {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0f64; D];
    for row in (0..D).rev() {
        let mut s = b[row];
        for k in row + 1..D {
            s -= a[row][k] * x[k];
        }
        x[row] = s / a[row][row];
    }
    Some(x)
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
