//! `summary.json`: the machine-readable result of a report run, with stable
//! field names (schema `stdalign.summary/1`).
//!
//! | field | meaning |
//! |---|---|
//! | `schema` | `stdalign.summary/1`; a new major number means renamed or removed fields |
//! | `tool` | `stdalign <version>` |
//! | `as_of`, `target` | snapshot date D and target rate |
//! | `inputs` | every input catalogue: `path`, `side`, `snapshot` (file date, `YYYY-MM-DD`) |
//! | `pairs` | where the matched pairs came from |
//! | `decisions` | reviewer decisions applied, with `unknown` numbers, or `null` |
//! | `scope`, `relevance` | the [`crate::score::Scope`] used and how U was made relevant |
//! | `headline` | indicator A: `rate` (lenient), `rate_strict`, `rate_with_matched`, `universe`, `converted`, `converted_strict`, `to_target`, `meets_target` |
//! | `overall`, `with_matched` | [`crate::score::Rates`] of indicator A |
//! | `indicator_b` | [`crate::score::DomesticCounts`]: adoption share of domestic standards (a different metric) |
//! | `by_sector`, `by_key_field`, `by_ics_field`, `by_ics_group`, `by_committee` | rates per slice |
//! | `by_ccs_letter`, `by_domestic_year` | indicator B per CCS letter / publication year (`work_items_converted`: first converted that year) |
//! | `adoption_lag` | [`crate::score::LagStats`] |
//! | `gap_counts` | gap rows per category `G1`…`G8`, `X` |
//! | `candidates` | the best unconverted work items to close the gap (at least 20, at most 500, at least `to_target` when possible) |
//! | `exclusions` | `[work_item, reason, was_in_universe]` |
//! | `warnings` | problems with the inputs |
//! | `baseline` | the previous run given with `--baseline`, and the change, or `null` |
//! | `trend` | one point per run (`as_of`, `rate`, `rate_strict`, `universe`, `converted`), oldest first, carried from the baseline |
//!
//! Rates are fractions in [0, 1] (`null` when the universe is empty).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::matching::Catalogue;
use crate::model::Record;
use crate::score::{Candidate, DecisionSummary, DomesticCounts, LagStats, Rates, Scope, Scorecard};

/// Schema name of `summary.json`.
pub const SCHEMA: &str = "stdalign.summary/1";

/// One input catalogue and its snapshot date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputSnapshot {
    /// Path as given.
    pub path: String,
    /// `domestic` or `international`.
    pub side: String,
    /// Snapshot date (`YYYY-MM-DD`).
    pub snapshot: String,
}

/// What the run used, beyond the scorecard.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportMeta {
    /// Input catalogues.
    pub inputs: Vec<InputSnapshot>,
    /// Where matched pairs came from.
    pub pairs: String,
    /// Decisions file and what applying it did.
    pub decisions: Option<(String, DecisionSummary)>,
}

/// The headline: indicator A.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Lenient rate (any edition).
    pub rate: Option<f64>,
    /// Strict rate (current edition).
    pub rate_strict: Option<f64>,
    /// Lenient rate counting matched correspondences too.
    pub rate_with_matched: Option<f64>,
    /// |U|.
    pub universe: usize,
    /// N.
    pub converted: usize,
    /// N strict.
    pub converted_strict: usize,
    /// Work items still to convert.
    pub to_target: usize,
    /// Whether the target is met.
    pub meets_target: bool,
}

/// Decisions applied, for the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionsInfo {
    /// The decisions file.
    pub file: String,
    /// Counts and unknown numbers.
    #[serde(flatten)]
    pub summary: DecisionSummary,
}

/// The previous run and the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Snapshot date of the previous run.
    pub as_of: String,
    /// Its lenient rate.
    pub rate: Option<f64>,
    /// Its strict rate.
    pub rate_strict: Option<f64>,
    /// Change of the lenient rate (percentage points / 100).
    pub delta: Option<f64>,
    /// Change of the strict rate.
    pub delta_strict: Option<f64>,
    /// Change per sector (lenient).
    pub delta_by_sector: BTreeMap<String, f64>,
}

/// One point of the year-over-year trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// Snapshot date.
    pub as_of: String,
    /// Lenient rate.
    pub rate: Option<f64>,
    /// Strict rate.
    pub rate_strict: Option<f64>,
    /// |U|.
    pub universe: usize,
    /// N.
    pub converted: usize,
}

/// `summary.json`. See the module documentation for the fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Schema name, [`SCHEMA`].
    pub schema: String,
    /// `stdalign <version>`.
    pub tool: String,
    /// Snapshot date D.
    pub as_of: String,
    /// Target rate.
    pub target: f64,
    /// Input catalogues and their snapshot dates.
    pub inputs: Vec<InputSnapshot>,
    /// Where the matched pairs came from.
    pub pairs: String,
    /// Reviewer decisions applied, or `None`.
    pub decisions: Option<DecisionsInfo>,
    /// The scope used.
    pub scope: Scope,
    /// How U was made relevant.
    pub relevance: String,
    /// Indicator A, the headline.
    pub headline: Headline,
    /// Indicator A overall.
    pub overall: Rates,
    /// Indicator A counting matched correspondences (for information).
    pub with_matched: Rates,
    /// Indicator B (a different metric).
    pub indicator_b: DomesticCounts,
    /// Indicator A per sector code.
    pub by_sector: BTreeMap<String, Rates>,
    /// Indicator A per key field.
    pub by_key_field: BTreeMap<String, Rates>,
    /// Indicator A per ICS field.
    pub by_ics_field: BTreeMap<String, Rates>,
    /// Indicator A per ICS group.
    pub by_ics_group: BTreeMap<String, Rates>,
    /// Indicator A per committee.
    pub by_committee: BTreeMap<String, Rates>,
    /// Indicator B per CCS letter.
    pub by_ccs_letter: BTreeMap<String, DomesticCounts>,
    /// Indicator B per domestic publication year.
    pub by_domestic_year: BTreeMap<String, DomesticCounts>,
    /// Adoption lag.
    pub adoption_lag: LagStats,
    /// Gap rows per category.
    pub gap_counts: BTreeMap<String, usize>,
    /// Best candidates to close the gap.
    pub candidates: Vec<Candidate>,
    /// Exclusions: (work item, reason, was in U).
    pub exclusions: Vec<(String, String, bool)>,
    /// Problems with the inputs.
    pub warnings: Vec<String>,
    /// The previous run and the change.
    pub baseline: Option<Baseline>,
    /// One point per run, oldest first.
    pub trend: Vec<TrendPoint>,
}

/// Builds the summary; `baseline` is a previous `summary.json` (parsed), from
/// which the change and the trend are taken.
pub fn build_summary(s: &Scorecard, meta: &ReportMeta, baseline: Option<&serde_json::Value>) -> Summary {
    let o = &s.overall;
    let ncand = s.candidates.len().min(500).min(o.to_target.max(20));
    let point = TrendPoint {
        as_of: s.settings.scope.as_of.clone(),
        rate: o.rate,
        rate_strict: o.rate_strict,
        universe: o.universe,
        converted: o.converted,
    };
    let mut trend: Vec<TrendPoint> = Vec::new();
    let mut base = None;
    if let Some(b) = baseline {
        if let Some(prev) = b.get("trend").and_then(|t| serde_json::from_value::<Vec<TrendPoint>>(t.clone()).ok()) {
            trend.extend(prev);
        }
        let f = |v: &serde_json::Value| v.as_f64();
        let bo = &b["overall"];
        let bp = TrendPoint {
            as_of: b["as_of"].as_str().unwrap_or("").to_string(),
            rate: f(&bo["rate"]),
            rate_strict: f(&bo["rate_strict"]),
            universe: bo["universe"].as_u64().unwrap_or(0) as usize,
            converted: bo["converted"].as_u64().unwrap_or(0) as usize,
        };
        let mut dsec = BTreeMap::new();
        if let Some(m) = b["by_sector"].as_object() {
            for (k, v) in m {
                if let (Some(prev), Some(now)) = (f(&v["rate"]), s.by_sector.get(k).and_then(|r| r.rate)) {
                    dsec.insert(k.clone(), now - prev);
                }
            }
        }
        base = Some(Baseline {
            as_of: bp.as_of.clone(),
            rate: bp.rate,
            rate_strict: bp.rate_strict,
            delta: o.rate.zip(bp.rate).map(|(a, b)| a - b),
            delta_strict: o.rate_strict.zip(bp.rate_strict).map(|(a, b)| a - b),
            delta_by_sector: dsec,
        });
        trend.push(bp);
    }
    trend.retain(|p| p.as_of != point.as_of);
    trend.push(point);
    trend.sort_by(|a, b| a.as_of.cmp(&b.as_of));
    trend.dedup_by(|a, b| a.as_of == b.as_of);
    Summary {
        schema: SCHEMA.into(),
        tool: format!("stdalign {}", env!("CARGO_PKG_VERSION")),
        as_of: s.settings.scope.as_of.clone(),
        target: s.settings.scope.target,
        inputs: meta.inputs.clone(),
        pairs: meta.pairs.clone(),
        decisions: meta.decisions.as_ref().map(|(f, d)| DecisionsInfo { file: f.clone(), summary: d.clone() }),
        scope: s.settings.scope.clone(),
        relevance: s.settings.relevance.clone(),
        headline: Headline {
            rate: o.rate,
            rate_strict: o.rate_strict,
            rate_with_matched: s.with_matched.rate,
            universe: o.universe,
            converted: o.converted,
            converted_strict: o.converted_strict,
            to_target: o.to_target,
            meets_target: o.meets_target,
        },
        overall: o.clone(),
        with_matched: s.with_matched.clone(),
        indicator_b: s.indicator_b.clone(),
        by_sector: s.by_sector.clone(),
        by_key_field: s.by_key_field.clone(),
        by_ics_field: s.by_ics_field.clone(),
        by_ics_group: s.by_ics_group.clone(),
        by_committee: s.by_committee.clone(),
        by_ccs_letter: s.by_ccs_letter.clone(),
        by_domestic_year: s.by_domestic_year.clone(),
        adoption_lag: s.lag.clone(),
        gap_counts: s.gap_counts.clone(),
        candidates: s.candidates[..ncand].to_vec(),
        exclusions: s.exclusions.clone(),
        warnings: s.warnings.clone(),
        baseline: base,
        trend,
    }
}

/// One correspondence as the Pairs sheet shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairRow {
    /// Domestic id.
    pub domestic: String,
    /// Domestic title.
    pub domestic_title: String,
    /// International edition.
    pub international: String,
    /// Work item.
    pub work_item: String,
    /// International title.
    pub international_title: String,
    /// Degree.
    pub degree: String,
    /// declared / matched / reviewer.
    pub origin: String,
    /// Score.
    pub score: f64,
    /// Evidence.
    pub evidence: String,
}

/// Rows of the Pairs sheet from the edges, sorted.
pub fn pair_rows(edges: &[crate::score::Correspondence], domestic: &[Record], cat: &Catalogue) -> Vec<PairRow> {
    let titles: std::collections::HashMap<&str, &str> = domestic.iter().map(|d| (d.id.as_str(), d.title())).collect();
    let mut v: Vec<PairRow> = edges
        .iter()
        .map(|e| PairRow {
            domestic: e.domestic.clone(),
            domestic_title: titles.get(e.domestic.as_str()).copied().unwrap_or("").to_string(),
            international: e.international.clone(),
            work_item: e.work_item.clone(),
            international_title: cat.get(&e.international).map(|r| r.title().to_string()).unwrap_or_default(),
            degree: e.degree.to_string(),
            origin: e.origin.as_str().into(),
            score: e.score,
            evidence: e.evidence.clone(),
        })
        .collect();
    v.sort_by(|a, b| (&a.domestic, &a.work_item, &a.origin).cmp(&(&b.domestic, &b.work_item, &b.origin)));
    v
}
