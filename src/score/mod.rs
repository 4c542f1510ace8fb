//! Stage 4: records and correspondences in, a [`Scorecard`] out — the
//! conversion rate of international standards against the target, the
//! adoption share of domestic standards, breakdowns, the adoption lag, the
//! distance to target and the gap list (DOMAIN §2 and §6).
//!
//! Input: the domestic [`Record`]s, the international [`Catalogue`], the
//! [`Correspondence`] edges (declared adoptions, matched pairs, reviewer
//! decisions) and a [`Scope`]. Output: a [`Scorecard`]. No I/O; every map is
//! a `BTreeMap` and every list is sorted, so the scorecard is identical
//! whatever the order of the inputs and the number of threads.
//!
//! # Definitions (DOMAIN §2.3)
//!
//! **Universe U** — international *work items* (editions and supplements
//! collapsed, ISO/IEC joint documents counted once) such that
//! 1. the family is one of `scope.families` (ISO, IEC, ISO/IEC, ITU-T by
//!    default; ITU-R excluded);
//! 2. the work item has an edition *current at the snapshot date D*
//!    ([`Scope::as_of`]): published on or before D and either in force now
//!    (ISO stage 60.60–95.92, IEC `PUBLISHED`, ITU in force) or superseded or
//!    withdrawn only after D; drafts and abandoned projects never count;
//! 3. the deliverable type is in `scope.doc_types` (`IS` by default, which
//!    includes ITU-T Recommendations; `TS`, `TR`, `PAS`, `Guide` optional);
//! 4. the work item is *relevant*: with key fields, it lies in one of them
//!    (ICS prefix, committee, or explicit item list); without key fields, its
//!    current edition has an ICS code under a field of the DOMAIN §4.3 table
//!    for one of the in-scope sector codes ([`sectors::SECTOR_FIELDS`]), or an
//!    in-force in-scope domestic standard already declares a correspondence
//!    with it (any degree);
//! 5. it is not excluded (scope exclusions and reviewer `not-applicable`
//!    rulings, each with a reason).
//!
//! **Domestic population P** — domestic standards whose code is one of
//! `scope.sector_codes` (MIIT's 18 by default), plus national standards
//! (`GB`, `GB/T`, `GB/Z`) per [`GbScope`] (default: those whose competent
//! department is 工业和信息化部), that are *in force at D*: status current or
//! upcoming with implementation date ≤ D, or superseded by a standard whose
//! implementation date is after D.
//!
//! **Numerator N** — work items of U with at least one edge from a standard of
//! P whose degree is IDT or MOD (EQV too when `eqv_counts`, the default,
//! flagged as `eqv_only` in the rates) and whose origin is a declaration or a
//! reviewer confirmation. Machine-matched edges count only with
//! `matched_counts`; the matched-inclusive figure is always reported beside
//! ([`Scorecard::with_matched`]).
//!
//! * **Indicator A, lenient** (headline): [`conversion_rate`]`(N, |U|)`.
//! * **Indicator A, strict**: the same with N restricted to work items where
//!   the adopted edition is the current edition (same publication year or
//!   later).
//! * **Gap to target**: [`to_target`]`(N, |U|, target)` =
//!   `max(0, ⌈target·|U|⌉ − N)` work items still to convert.
//! * **Indicator B** (a different metric, never mixed with A):
//!   [`adoption_share`] of P — standards of P with a declared or confirmed
//!   IDT/MOD(/EQV) adoption, over |P|.
//!
//! **Sector attribution.** A work item belongs to the sector of every standard
//! of P with an edge to it (declared or confirmed, any degree; matched too with
//! `matched_counts`); a work item with no such edge is attributed by the
//! DOMAIN §4.3 heuristic (ICS field → sector code, else committee affinity);
//! otherwise to `(unattributed)`. A work item can belong to several sectors,
//! so sector universes may add up to more than |U|.

pub mod decisions;
pub mod sectors;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::ident::declaration::Degree;
use crate::ident::{DocType, Family, SuppKind};
use crate::matching::{Catalogue, PairSource, ResolvedRef};
use crate::model::{Record, Status};

pub use decisions::{Decision, DecisionSummary, Verdict};

/// Default target of the conversion rate (MIIT: "up to 90 %").
pub const DEFAULT_TARGET: f64 = 0.90;

/// Conversion rate `n / u`; `None` when the universe is empty.
///
/// ```
/// use stdalign::score::conversion_rate;
/// // 45 of 60 relevant work items converted:
/// assert_eq!(conversion_rate(45, 60), Some(0.75));
/// assert_eq!(conversion_rate(0, 0), None);
/// ```
pub fn conversion_rate(n: usize, u: usize) -> Option<f64> {
    (u > 0).then(|| (n.min(u)) as f64 / u as f64)
}

/// Work items still to convert to reach `target`: `max(0, ⌈target·u⌉ − n)`.
///
/// The product is rounded to 9 decimals before the ceiling so that
/// `0.9 × 10` is 9, not 10 (binary floating point gives 9.000000000000002).
///
/// ```
/// use stdalign::score::to_target;
/// // |U| = 60, N = 45: ⌈0.9 × 60⌉ = 54, so 9 more.
/// assert_eq!(to_target(45, 60, 0.9), 9);
/// assert_eq!(to_target(9, 10, 0.9), 0);
/// // |U| = 7: ⌈6.3⌉ = 7, so all 7 are needed.
/// assert_eq!(to_target(6, 7, 0.9), 1);
/// assert_eq!(to_target(58, 60, 0.9), 0);
/// ```
pub fn to_target(n: usize, u: usize, target: f64) -> usize {
    let t = target.clamp(0.0, 1.0);
    let need = ((t * u as f64 * 1e9).round() / 1e9).ceil() as usize;
    need.saturating_sub(n)
}

/// Indicator B: the share `adopting / population` of domestic standards that
/// declare an adoption; `None` for an empty population.
///
/// ```
/// use stdalign::score::adoption_share;
/// // 12 of 40 in-force sector standards declare IDT or MOD:
/// assert_eq!(adoption_share(12, 40), Some(0.3));
/// ```
pub fn adoption_share(adopting: usize, population: usize) -> Option<f64> {
    conversion_rate(adopting, population)
}

/// Adoption lag in years between two `YYYY[-MM[-DD]]` dates
/// (domestic publication − international publication), in days / 365.25.
///
/// ```
/// use stdalign::score::lag_years;
/// let l = lag_years("2021-03-01", "2019-11-01").unwrap();
/// assert!((l - 1.33).abs() < 0.01);
/// assert_eq!(lag_years("2021", "2021"), Some(0.0));
/// assert_eq!(lag_years("", "2021"), None);
/// ```
pub fn lag_years(domestic: &str, international: &str) -> Option<f64> {
    let a = parse_date(domestic)?;
    let b = parse_date(international)?;
    Some((a - b).num_days() as f64 / 365.25)
}

fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    let mut it = s.split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next().map(|m| m.parse().ok()).unwrap_or(Some(1))?;
    let d: u32 = it.next().map(|d| d.get(..2).unwrap_or(d).parse().ok()).unwrap_or(Some(1))?;
    chrono::NaiveDate::from_ymd_opt(y, m.clamp(1, 12), d.clamp(1, 28).max(1))
        .or_else(|| chrono::NaiveDate::from_ymd_opt(y, 1, 1))
}

/// Which national standards join the sector standards in the population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum GbScope {
    /// Sector standards only.
    None,
    /// Also GB, GB/T and GB/Z whose competent department (主管部门) is MIIT
    /// (工业和信息化部, 工信部, MIIT).
    #[default]
    Miit,
    /// Also every GB, GB/T and GB/Z.
    All,
}

/// A key field (重点领域): work items under any of its ICS prefixes, owned by
/// any of its committees, or listed explicitly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct KeyField {
    /// Name shown in the reports.
    pub name: String,
    /// ICS prefixes (`35.240`, `43`).
    pub ics_prefixes: Vec<String>,
    /// Committees (`ISO/TC 22`, `IEC/TC 100`, `ITU-T SG 15`); a committee
    /// also covers its subcommittees.
    pub committees: Vec<String>,
    /// Explicit work items or editions (`ISO 26262-1`, `ITU-T G.711`).
    pub items: Vec<String>,
}

/// A work item excluded from the universe, with the reason (required).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Work item or edition (`ISO 3166-1`).
    pub work_item: String,
    /// Why (`not applicable in China: …`).
    pub reason: String,
}

/// What to count. Read from the JSON `--scope FILE`; every field is
/// optional and defaults as documented.
///
/// ```
/// use stdalign::score::Scope;
/// let s: Scope = serde_json::from_str(r#"{"sector_codes": ["YD"], "eqv_counts": false,
///     "key_fields": [{"name": "5G", "ics_prefixes": ["33.070"]}]}"#).unwrap();
/// assert!(s.validate().is_ok());
/// assert_eq!(s.doc_types, vec!["IS".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scope {
    /// Domestic sector codes in the population (default: MIIT's 18).
    pub sector_codes: Vec<String>,
    /// National standards in the population (default `miit`).
    pub include_gb: GbScope,
    /// Key fields; empty = the DOMAIN §4.3 fields of the sector codes.
    pub key_fields: Vec<KeyField>,
    /// Deliverable types: `IS` (with ITU-T Recommendations), `TS`, `TR`,
    /// `PAS`, `Guide` (default `["IS"]`).
    pub doc_types: Vec<String>,
    /// Publisher families: `ISO`, `IEC`, `ISO/IEC`, `ITU-T` (default all four).
    pub families: Vec<String>,
    /// Snapshot date D (`YYYY-MM-DD`); empty = no date limit (the catalogue
    /// as it stands). The CLI sets it to today unless `--as-of` is given.
    pub as_of: String,
    /// Target rate (default 0.90).
    pub target: f64,
    /// Whether legacy EQV counts as adoption (default true; flagged).
    pub eqv_counts: bool,
    /// Whether machine-matched correspondences count (default false; the
    /// matched-inclusive rate is always reported beside).
    pub matched_counts: bool,
    /// Exclusions with reasons.
    pub exclusions: Vec<Exclusion>,
}

impl Default for Scope {
    fn default() -> Scope {
        Scope {
            sector_codes: crate::ident::MIIT_CODES.iter().map(|s| s.to_string()).collect(),
            include_gb: GbScope::Miit,
            key_fields: Vec::new(),
            doc_types: vec!["IS".into()],
            families: vec!["ISO".into(), "IEC".into(), "ISO/IEC".into(), "ITU-T".into()],
            as_of: String::new(),
            target: DEFAULT_TARGET,
            eqv_counts: true,
            matched_counts: false,
            exclusions: Vec::new(),
        }
    }
}

impl Scope {
    /// Checks values: known doc types and families, target in (0, 1], a
    /// `YYYY-MM-DD` date, a reason for every exclusion.
    pub fn validate(&self) -> Result<(), String> {
        for t in &self.doc_types {
            if doc_type_matcher(t).is_none() {
                return Err(format!("unknown document type {t:?} (use IS, TS, TR, PAS, Guide)"));
            }
        }
        for f in &self.families {
            if family_of(f).is_none() {
                return Err(format!("unknown family {f:?} (use ISO, IEC, ISO/IEC, ITU-T)"));
            }
        }
        if !(self.target > 0.0 && self.target <= 1.0) {
            return Err(format!("target {} is not in (0, 1]", self.target));
        }
        if !self.as_of.is_empty() && chrono::NaiveDate::parse_from_str(&self.as_of, "%Y-%m-%d").is_err() {
            return Err(format!("as_of {:?} is not a YYYY-MM-DD date", self.as_of));
        }
        for e in &self.exclusions {
            if e.reason.trim().is_empty() {
                return Err(format!("exclusion of {} has no reason", e.work_item));
            }
        }
        for k in &self.key_fields {
            if k.name.trim().is_empty() {
                return Err("a key field has no name".into());
            }
        }
        Ok(())
    }
}

fn doc_type_matcher(t: &str) -> Option<fn(&DocType) -> bool> {
    Some(match t.to_ascii_uppercase().as_str() {
        "IS" => |d| matches!(d, DocType::Is | DocType::Rec),
        "TS" => |d| matches!(d, DocType::Ts),
        "TR" => |d| matches!(d, DocType::Tr),
        "PAS" => |d| matches!(d, DocType::Pas),
        "GUIDE" => |d| matches!(d, DocType::Guide),
        _ => return None,
    })
}

fn family_of(f: &str) -> Option<Family> {
    Some(match f.to_ascii_uppercase().as_str() {
        "ISO" => Family::Iso,
        "IEC" => Family::Iec,
        "ISO/IEC" => Family::IsoIec,
        "ITU-T" => Family::ItuT,
        _ => return None,
    })
}

/// Where a correspondence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The domestic catalogue declares it (采标情况, double number).
    Declared,
    /// Title matching proposed it; no declaration.
    Matched,
    /// A reviewer confirmed it in the decisions file.
    Reviewer,
}

impl Origin {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Declared => "declared",
            Origin::Matched => "matched",
            Origin::Reviewer => "reviewer",
        }
    }
}

/// One domestic ↔ international edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correspondence {
    /// Domestic record id.
    pub domestic: String,
    /// International edition id; empty when a declared reference resolved to
    /// nothing (reported as data quality, G8).
    pub international: String,
    /// International work item.
    pub work_item: String,
    /// Degree (UNKNOWN for matched edges).
    pub degree: Degree,
    /// Origin.
    pub origin: Origin,
    /// 1 for declarations and confirmations, the match probability otherwise.
    pub score: f64,
    /// Declaration text, resolution note or match explanation.
    pub evidence: String,
}

/// Total order of edges (domestic, work item, origin, international).
pub fn edge_order(a: &Correspondence, b: &Correspondence) -> std::cmp::Ordering {
    (&a.domestic, &a.work_item, a.origin, &a.international, a.degree, &a.evidence).cmp(&(
        &b.domestic,
        &b.work_item,
        b.origin,
        &b.international,
        b.degree,
        &b.evidence,
    ))
}

/// Declared edges from resolved declarations; unresolved references give an
/// edge with an empty `international` (G8).
pub fn edges_from_resolved(resolved: &[ResolvedRef], cat: &Catalogue) -> Vec<Correspondence> {
    let mut out = Vec::new();
    for r in resolved {
        let rec = r.international.as_deref().and_then(|i| cat.get(i));
        let work_item = match rec {
            Some(rec) => rec.reference.base().work_item(),
            None => crate::ident::StdRef::parse(&r.declared).map(|p| p.work_item()).unwrap_or(r.declared.clone()),
        };
        let mut evidence = format!("declared \"{}\" ({}), resolved {}", r.text, r.degree, r.resolution.as_str());
        if !r.note.is_empty() {
            evidence.push_str(&format!(": {}", r.note));
        }
        out.push(Correspondence {
            domestic: r.domestic.clone(),
            international: rec.map(|r| r.id.clone()).unwrap_or_default(),
            work_item,
            degree: r.degree,
            origin: Origin::Declared,
            score: 1.0,
            evidence,
        });
    }
    out.sort_by(edge_order);
    out
}

/// Matched edges from pairs (the `match` output, or a pairs file): only pairs
/// whose source is `matched` (declared pairs come from the declarations).
pub fn edges_from_pairs(pairs: &[crate::matching::Pair]) -> Vec<Correspondence> {
    let mut out: Vec<Correspondence> = pairs
        .iter()
        .filter(|p| p.source == PairSource::Matched)
        .map(|p| Correspondence {
            domestic: p.domestic.clone(),
            international: p.international.clone(),
            work_item: p.international_work_item.clone(),
            degree: p.degree,
            origin: Origin::Matched,
            score: p.score,
            evidence: p.explanation.clone(),
        })
        .collect();
    out.sort_by(edge_order);
    out
}

/// |U|, N and the rates of one slice (overall, a sector, a field …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rates {
    /// |U|: relevant work items in scope.
    pub universe: usize,
    /// N: work items converted (IDT/MOD, EQV per setting), any edition.
    pub converted: usize,
    /// Indicator A, lenient: `converted / universe` (null when empty).
    pub rate: Option<f64>,
    /// N strict: converted with the current edition.
    pub converted_strict: usize,
    /// Indicator A, strict.
    pub rate_strict: Option<f64>,
    /// Converted only through EQV adoptions (0 when EQV does not count).
    pub eqv_only: usize,
    /// Work items with declared edges, none counting as adoption (G2).
    pub neq_only: usize,
    /// Work items excluded as not applicable (not in `universe`).
    pub excluded: usize,
    /// Work items still to convert to reach the target (lenient).
    pub to_target: usize,
    /// Whether the lenient rate reaches the target.
    pub meets_target: bool,
}

/// Indicator B and the counts behind it, for one slice of the population.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DomesticCounts {
    /// In-force in-scope domestic standards.
    pub standards: usize,
    /// Of which declare (or a reviewer confirmed) an IDT/MOD(/EQV) adoption.
    pub adopting: usize,
    /// Indicator B: `adopting / standards`.
    pub share: Option<f64>,
    /// Distinct work items of U these standards convert.
    pub work_items_converted: usize,
}

/// Adoption lag (domestic publication − adopted edition's publication).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LagStats {
    /// Adoptions with both dates known.
    pub n: usize,
    /// Median lag in years.
    pub median_years: Option<f64>,
    /// Mean lag in years.
    pub mean_years: Option<f64>,
    /// Histogram: (bucket label, count), buckets in years
    /// `<0`, `0-1`, `1-2`, `2-3`, `3-5`, `5-10`, `10+`.
    pub histogram: Vec<(String, usize)>,
}

/// A work item whose conversion would close the gap to the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Rank (1 = best).
    pub rank: usize,
    /// Work item.
    pub work_item: String,
    /// Current edition.
    pub current_edition: String,
    /// Title.
    pub title: String,
    /// Sectors it is attributed to.
    pub sectors: Vec<String>,
    /// `neq` (a declared non-adopting correspondence exists), `matched` (a
    /// title match exists) or `none`.
    pub evidence_kind: String,
    /// The domestic standard of the strongest evidence.
    pub domestic: String,
    /// Its degree or match probability, and evidence text.
    pub evidence: String,
    /// Match probability (1 for declared evidence, 0 for none).
    pub score: f64,
}

/// Gap categories (DOMAIN §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GapCategory {
    /// Not converted.
    G1,
    /// NEQ only.
    G2,
    /// Outdated edition.
    G3,
    /// Adopted standard withdrawn.
    G4,
    /// Supplement lag.
    G5,
    /// Revision watch.
    G6,
    /// Candidate correspondence (matched, undeclared).
    G7,
    /// Data quality.
    G8,
    /// Excluded (not applicable), with reason.
    X,
}

impl GapCategory {
    /// All categories in order.
    pub const ALL: [GapCategory; 9] = [
        GapCategory::G1,
        GapCategory::G2,
        GapCategory::G3,
        GapCategory::G4,
        GapCategory::G5,
        GapCategory::G6,
        GapCategory::G7,
        GapCategory::G8,
        GapCategory::X,
    ];

    /// Code (`G1` … `G8`, `X`).
    pub fn code(self) -> &'static str {
        match self {
            GapCategory::G1 => "G1",
            GapCategory::G2 => "G2",
            GapCategory::G3 => "G3",
            GapCategory::G4 => "G4",
            GapCategory::G5 => "G5",
            GapCategory::G6 => "G6",
            GapCategory::G7 => "G7",
            GapCategory::G8 => "G8",
            GapCategory::X => "X",
        }
    }

    /// Short label.
    pub fn label(self) -> &'static str {
        match self {
            GapCategory::G1 => "not converted",
            GapCategory::G2 => "NEQ only",
            GapCategory::G3 => "outdated edition",
            GapCategory::G4 => "adopted standard withdrawn",
            GapCategory::G5 => "supplement lag",
            GapCategory::G6 => "revision watch",
            GapCategory::G7 => "candidate correspondence",
            GapCategory::G8 => "data quality",
            GapCategory::X => "excluded (not applicable)",
        }
    }
}

/// One row of the gap list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// Category.
    pub category: GapCategory,
    /// International work item (empty for domestic-only data-quality rows).
    pub work_item: String,
    /// Current edition at D (empty when none).
    pub current_edition: String,
    /// Stage or status as the catalogue wrote it.
    pub stage: String,
    /// ICS codes, `;`-separated.
    pub ics: String,
    /// Committee.
    pub committee: String,
    /// International title.
    pub title: String,
    /// Sectors the work item is attributed to, `;`-separated.
    pub sectors: String,
    /// Domestic standard(s), `;`-separated.
    pub domestic: String,
    /// Degree(s) of the domestic standard(s).
    pub degree: String,
    /// Adopted edition(s).
    pub adopted_edition: String,
    /// Evidence: declaration text, match score, catalogue facts.
    pub evidence: String,
    /// Suggested action.
    pub action: String,
}

/// The settings a scorecard was computed with, echoed in every report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The scope as given (defaults filled in).
    pub scope: Scope,
    /// How U was made relevant: `key fields` or `DOMAIN §4.3 sector fields`.
    pub relevance: String,
}

/// Everything the reports show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Settings.
    pub settings: Settings,
    /// Indicator A overall (declared + reviewer edges; matched only with
    /// `matched_counts`).
    pub overall: Rates,
    /// Indicator A with matched edges counted too (same universe).
    pub with_matched: Rates,
    /// Indicator B over the domestic population.
    pub indicator_b: DomesticCounts,
    /// Indicator A per sector code.
    pub by_sector: BTreeMap<String, Rates>,
    /// Indicator A per key field (empty without key fields).
    pub by_key_field: BTreeMap<String, Rates>,
    /// Indicator A per ICS field (`33`).
    pub by_ics_field: BTreeMap<String, Rates>,
    /// Indicator A per ICS group (`33.040`).
    pub by_ics_group: BTreeMap<String, Rates>,
    /// Indicator A per committee (TC level: `ISO/TC 22`, `ITU-T SG 15`).
    pub by_committee: BTreeMap<String, Rates>,
    /// Indicator B per CCS letter of the domestic standards.
    pub by_ccs_letter: BTreeMap<String, DomesticCounts>,
    /// Indicator B per domestic publication year; `work_items_converted`
    /// counts work items first converted that year.
    pub by_domestic_year: BTreeMap<String, DomesticCounts>,
    /// Adoption lag.
    pub lag: LagStats,
    /// Unconverted work items ranked by the strength of existing evidence.
    pub candidates: Vec<Candidate>,
    /// Gap list, sorted by (category, work item, domestic).
    pub gaps: Vec<Gap>,
    /// Gap rows per category code (every category present, possibly 0).
    pub gap_counts: BTreeMap<String, usize>,
    /// Exclusions applied: (work item, reason, whether it was in U before).
    pub exclusions: Vec<(String, String, bool)>,
    /// Problems with the inputs (unknown exclusions …).
    pub warnings: Vec<String>,
}

/// An international work item as the scorer sees it.
struct Item<'a> {
    editions: Vec<&'a Record>,
    current: Option<&'a Record>,
    drafts: Vec<&'a Record>,
}

fn date_le(d: Option<&str>, as_of: &str) -> bool {
    d.is_none_or(|d| d.is_empty() || d <= as_of)
}

/// The edition of a work item current at `as_of` (editions sorted oldest
/// first): the latest one published by then that is in force, or that was
/// superseded or withdrawn only after `as_of`.
fn current_at<'a>(eds: &[&'a Record], as_of: &str) -> Option<&'a Record> {
    let published: Vec<&Record> = eds.iter().copied().filter(|e| date_le(e.published.as_deref(), as_of)).collect();
    for (k, e) in published.iter().enumerate().rev() {
        let later_published = k + 1 < published.len();
        let ok = match e.status {
            s if s.is_current() => true,
            Status::Superseded | Status::Withdrawn => match e.obsoleted.as_deref().filter(|o| !o.is_empty()) {
                Some(o) => o > as_of,
                None => e.status == Status::Superseded && !later_published && published.len() < eds.len(),
            },
            _ => false,
        };
        if ok {
            return Some(e);
        }
    }
    None
}

fn is_miit_department(dept: &str) -> bool {
    dept.contains("工业和信息化部")
        || dept.contains("工信部")
        || dept.to_uppercase().contains("MIIT")
        || dept.contains("Ministry of Industry and Information Technology")
}

fn committee_tc(c: &str) -> String {
    let c = c.trim();
    if c.is_empty() {
        return "(none)".into();
    }
    // `ISO/TC 22/SC 32/WG 8` → `ISO/TC 22`; `ISO/IEC JTC 1/SC 27` → `ISO/IEC JTC 1`.
    let parts: Vec<&str> = c.split('/').collect();
    let mut out = Vec::new();
    for p in parts {
        let t = p.trim();
        if !out.is_empty() && (t.starts_with("SC ") || t.starts_with("WG ") || t.starts_with("JWG")) {
            break;
        }
        out.push(t);
        if t.starts_with("TC ") || t.starts_with("JTC ") || t.starts_with("PC ") {
            break;
        }
    }
    out.join("/")
}

fn ics_field(code: &str) -> String {
    code.split('.').next().unwrap_or("").trim().to_string()
}

fn ics_group(code: &str) -> String {
    code.split('.').take(2).collect::<Vec<_>>().join(".")
}

fn degree_counts(e: &Correspondence, scope: &Scope) -> bool {
    match e.origin {
        Origin::Declared => e.degree.counts_as_adoption(scope.eqv_counts),
        Origin::Reviewer => e.degree.counts_as_adoption(scope.eqv_counts) || e.degree == Degree::Unknown,
        Origin::Matched => scope.matched_counts,
    }
}

fn year_of(r: &Record) -> Option<u16> {
    r.reference.year.or_else(|| r.year())
}

/// Per-work-item outcome, aggregated into [`Rates`].
#[derive(Debug, Clone, Default)]
struct Outcome {
    converted: bool,
    strict: bool,
    eqv_only: bool,
    neq_only: bool,
    with_matched: bool,
}

fn add(r: &mut Rates, o: &Outcome) {
    r.universe += 1;
    r.converted += o.converted as usize;
    r.converted_strict += o.strict as usize;
    r.eqv_only += o.eqv_only as usize;
    r.neq_only += o.neq_only as usize;
}

fn finish(r: &mut Rates, target: f64) {
    r.rate = conversion_rate(r.converted, r.universe);
    r.rate_strict = conversion_rate(r.converted_strict, r.universe);
    r.to_target = to_target(r.converted, r.universe, target);
    r.meets_target = r.universe > 0 && r.to_target == 0;
}

/// Computes the scorecard. See the module documentation for the rules.
///
/// ```
/// use stdalign::ident::declaration::Degree;
/// use stdalign::ident::StdRef;
/// use stdalign::matching::Catalogue;
/// use stdalign::model::{Record, Side, SourcePos, Status};
/// use stdalign::score::{compute, Correspondence, Origin, Scope};
/// # fn rec(side: Side, n: &str, ics: &str, status: Status, published: &str) -> Record {
/// #     Record { id: StdRef::parse(n).unwrap().to_string(), side, reference: StdRef::parse(n).unwrap(),
/// #         raw_number: n.into(), aliases: vec![], title_en: format!("Title of {n}"), title_zh: String::new(),
/// #         title_fr: String::new(), ics: vec![ics.into()], ccs: vec![], committee: "ITU-T SG 15".into(),
/// #         department: String::new(), doctype: String::new(), status, stage_raw: String::new(),
/// #         published: Some(published.into()), implemented: Some(published.into()), obsoleted: None,
/// #         edition: None, replaces: vec![], replaced_by: vec![], declaration: None, url: String::new(),
/// #         source: SourcePos::default(), merged_from: vec![], warnings: vec![] }
/// # }
/// let cat = Catalogue::new(vec![
///     rec(Side::International, "ITU-T G.652 (2009)", "33.180", Status::Superseded, "2009-11-01"),
///     rec(Side::International, "ITU-T G.652 (2016)", "33.180", Status::Current, "2016-11-01"),
///     rec(Side::International, "ITU-T G.657 (2016)", "33.180", Status::Current, "2016-11-01"),
///     rec(Side::International, "ITU-T G.709 (2020)", "33.040", Status::Current, "2020-06-01"),
/// ]);
/// let yd = rec(Side::Domestic, "YD/T 901-2012", "33.180", Status::Current, "2012-01-01");
/// let edge = Correspondence { domestic: yd.id.clone(), international: "ITU-T G.652 (2009)".into(),
///     work_item: "ITU-T G.652".into(), degree: Degree::Mod, origin: Origin::Declared, score: 1.0,
///     evidence: String::new() };
/// let scope = Scope { as_of: "2025-01-01".into(), ..Scope::default() };
/// let s = compute(&[yd], &cat, &[edge], &scope);
/// // U = {G.652, G.657, G.709} (ICS 33 is YD's field); N = {G.652}, adopted
/// // in its 2009 edition while 2016 is current: lenient 1/3, strict 0/3.
/// assert_eq!((s.overall.universe, s.overall.converted, s.overall.converted_strict), (3, 1, 0));
/// assert_eq!(s.overall.to_target, 2); // ⌈0.9 × 3⌉ − 1
/// assert_eq!(s.gap_counts["G1"], 2);
/// assert_eq!(s.gap_counts["G3"], 1);
/// ```
pub fn compute(domestic: &[Record], cat: &Catalogue, edges: &[Correspondence], scope: &Scope) -> Scorecard {
    let as_of: &str = if scope.as_of.is_empty() { "9999-12-31" } else { &scope.as_of };
    let mut warnings = Vec::new();

    // --- Domestic population -------------------------------------------------
    let mut dom: Vec<&Record> = domestic.iter().filter(|d| d.reference.is_chinese()).collect();
    dom.sort_by(|a, b| a.id.cmp(&b.id));
    dom.dedup_by(|a, b| a.id == b.id);
    let codes: BTreeSet<String> = scope.sector_codes.iter().map(|c| c.to_ascii_uppercase()).collect();
    let in_scope = |d: &Record| -> bool {
        let root = d.reference.code_root().unwrap_or("").to_ascii_uppercase();
        if root == "GB" {
            match scope.include_gb {
                GbScope::None => false,
                GbScope::Miit => is_miit_department(&d.department),
                GbScope::All => true,
            }
        } else {
            codes.contains(&root)
        }
    };
    // Who replaces whom (domestic), to know whether a superseded standard was
    // still in force at D.
    let mut replacers: HashMap<String, Vec<&Record>> = HashMap::new();
    for d in &dom {
        for old in &d.replaces {
            let key = crate::ident::StdRef::parse(old).map(|r| r.to_string()).unwrap_or_else(|_| old.clone());
            replacers.entry(key).or_default().push(d);
        }
    }
    let effective = |d: &Record| d.implemented.as_deref().or(d.published.as_deref()).map(str::to_string);
    let in_force = |d: &Record| -> bool {
        match d.status {
            s if s.is_current() || s == Status::Upcoming => date_le(effective(d).as_deref(), as_of),
            Status::Superseded => {
                date_le(effective(d).as_deref(), as_of)
                    && replacers
                        .get(&d.id)
                        .is_some_and(|rs| rs.iter().all(|r| effective(r).is_some_and(|e| e.as_str() > as_of)))
            }
            _ => false,
        }
    };
    let pop: BTreeMap<&str, &Record> =
        dom.iter().filter(|d| in_scope(d) && in_force(d)).map(|d| (d.id.as_str(), *d)).collect();

    // --- International work items --------------------------------------------
    let mut items: BTreeMap<String, Item> = BTreeMap::new();
    let mut supplements: BTreeMap<String, Vec<&Record>> = BTreeMap::new();
    for r in &cat.records {
        if r.reference.is_supplement() {
            supplements.entry(r.reference.base().edition()).or_default().push(r);
            continue;
        }
        let wi = r.reference.base().work_item();
        let it = items.entry(wi).or_insert_with(|| Item { editions: vec![], current: None, drafts: vec![] });
        if r.reference.stage.is_some() || r.status == Status::Draft {
            it.drafts.push(r);
        } else {
            it.editions.push(r);
        }
    }
    for it in items.values_mut() {
        it.editions.sort_by(|a, b| {
            (year_of(a), a.published.as_deref(), &a.id).cmp(&(year_of(b), b.published.as_deref(), &b.id))
        });
        it.current = current_at(&it.editions, as_of);
    }
    let families: BTreeSet<Family> = scope.families.iter().filter_map(|f| family_of(f)).collect();
    let type_ok: Vec<fn(&DocType) -> bool> = scope.doc_types.iter().filter_map(|t| doc_type_matcher(t)).collect();

    // --- Edges -----------------------------------------------------------------
    let mut edges: Vec<&Correspondence> = edges.iter().collect();
    edges.sort_by(|a, b| edge_order(a, b));
    let mut gaps: Vec<Gap> = Vec::new();
    // Edges from the population, by work item.
    let mut by_item: BTreeMap<&str, Vec<&Correspondence>> = BTreeMap::new();
    for e in &edges {
        if !pop.contains_key(e.domestic.as_str()) {
            continue;
        }
        if e.international.is_empty() || cat.get(&e.international).is_none() {
            if e.origin != Origin::Matched {
                gaps.push(Gap {
                    category: GapCategory::G8,
                    work_item: e.work_item.clone(),
                    domestic: e.domestic.clone(),
                    degree: e.degree.to_string(),
                    evidence: e.evidence.clone(),
                    action: "declared reference not found in the international catalogue: correct the declaration or add the catalogue".into(),
                    ..empty_gap()
                });
            }
            continue;
        }
        by_item.entry(e.work_item.as_str()).or_default().push(e);
    }

    // --- Universe --------------------------------------------------------------
    let fields_ics: Vec<(&str, &str)> = codes
        .iter()
        .filter_map(|c| sectors::fields_of(c))
        .flat_map(|f| f.ics.iter().map(move |p| (f.code, *p)))
        .collect();
    let key_items: Vec<BTreeSet<String>> = scope
        .key_fields
        .iter()
        .map(|k| {
            k.items
                .iter()
                .map(|i| crate::ident::StdRef::parse(i).map(|r| r.base().work_item()).unwrap_or_else(|_| i.clone()))
                .collect()
        })
        .collect();
    let key_fields_of = |wi: &str, cur: &Record| -> Vec<String> {
        let mut v = Vec::new();
        for (k, items) in scope.key_fields.iter().zip(&key_items) {
            let by_ics = k.ics_prefixes.iter().any(|p| cur.ics.iter().any(|c| sectors::ics_under(c, p)));
            let by_tc = k.committees.iter().any(|c| {
                let c = c.trim();
                !c.is_empty() && (cur.committee == c || cur.committee.starts_with(&format!("{c}/")))
            });
            if by_ics || by_tc || items.contains(wi) {
                v.push(k.name.clone());
            }
        }
        v
    };
    let universe_edge = |e: &Correspondence| e.origin != Origin::Matched || scope.matched_counts;
    let exclusions: BTreeMap<String, String> = scope
        .exclusions
        .iter()
        .map(|x| {
            let wi = decisions::resolve_work_item(cat, &x.work_item).map(|(w, _)| w).unwrap_or_else(|| {
                crate::ident::StdRef::parse(&x.work_item).map(|r| r.work_item()).unwrap_or(x.work_item.clone())
            });
            (wi, x.reason.clone())
        })
        .collect();
    for wi in exclusions.keys() {
        if !items.contains_key(wi) {
            warnings.push(format!("exclusion {wi}: not in the international catalogue"));
        }
    }

    struct InU<'a> {
        wi: &'a str,
        cur: &'a Record,
        sectors: Vec<String>,
        keys: Vec<String>,
        outcome: Outcome,
    }
    let mut universe: Vec<InU> = Vec::new();
    let mut excluded: Vec<InU> = Vec::new();
    let mut exclusion_rows = Vec::new();
    for (wi, it) in &items {
        let Some(cur) = it.current else { continue };
        if !families.contains(&cur.reference.family) || !type_ok.iter().any(|f| f(&cur.reference.doc_type)) {
            continue;
        }
        let es: &[&Correspondence] = by_item.get(wi.as_str()).map(|v| v.as_slice()).unwrap_or(&[]);
        let keys = key_fields_of(wi, cur);
        let heuristic: Vec<String> = {
            let mut s: BTreeSet<String> = fields_ics
                .iter()
                .filter(|(_, p)| cur.ics.iter().any(|c| sectors::ics_under(c, p)))
                .map(|(c, _)| c.to_string())
                .collect();
            if cur.ics.is_empty() {
                s.extend(codes.iter().filter(|c| crate::matching::affinity(c, cur)).cloned());
            }
            s.into_iter().collect()
        };
        let relevant = if scope.key_fields.is_empty() {
            !heuristic.is_empty() || es.iter().any(|e| universe_edge(e))
        } else {
            !keys.is_empty()
        };
        if !relevant {
            continue;
        }
        let mut sectors: BTreeSet<String> = es
            .iter()
            .filter(|e| universe_edge(e))
            .filter_map(|e| pop.get(e.domestic.as_str()))
            .map(|d| d.reference.code_root().unwrap_or("").to_string())
            .collect();
        if sectors.is_empty() {
            sectors.extend(heuristic);
        }
        if sectors.is_empty() {
            sectors.insert("(unattributed)".into());
        }
        let counted: Vec<&&Correspondence> = es.iter().filter(|e| degree_counts(e, scope)).collect();
        let cur_year = year_of(cur);
        let strict = counted.iter().any(|e| {
            let ed = cat.get(&e.international).and_then(year_of);
            matches!((ed, cur_year), (Some(a), Some(b)) if a >= b) || e.international == cur.id
        });
        let declared_any = es.iter().any(|e| e.origin != Origin::Matched);
        let outcome = Outcome {
            converted: !counted.is_empty(),
            strict,
            eqv_only: !counted.is_empty() && counted.iter().all(|e| e.degree == Degree::Eqv),
            neq_only: counted.is_empty() && declared_any,
            with_matched: !counted.is_empty() || es.iter().any(|e| e.origin == Origin::Matched),
        };
        let entry = InU { wi, cur, sectors: sectors.into_iter().collect(), keys, outcome };
        if let Some(reason) = exclusions.get(wi.as_str()) {
            exclusion_rows.push((wi.clone(), reason.clone(), true));
            excluded.push(entry);
        } else {
            universe.push(entry);
        }
    }
    for (wi, reason) in &exclusions {
        if !exclusion_rows.iter().any(|(w, _, _)| w == wi) {
            exclusion_rows.push((wi.clone(), reason.clone(), false));
        }
    }
    exclusion_rows.sort();

    // --- Rates -----------------------------------------------------------------
    let target = scope.target;
    let mut overall = Rates::default();
    let mut with_matched = Rates::default();
    let mut by_sector: BTreeMap<String, Rates> = BTreeMap::new();
    let mut by_key_field: BTreeMap<String, Rates> = BTreeMap::new();
    let mut by_ics_field: BTreeMap<String, Rates> = BTreeMap::new();
    let mut by_ics_group: BTreeMap<String, Rates> = BTreeMap::new();
    let mut by_committee: BTreeMap<String, Rates> = BTreeMap::new();
    let slices = |u: &InU| -> Vec<(u8, String)> {
        let mut v: Vec<(u8, String)> = Vec::new();
        v.extend(u.sectors.iter().map(|s| (0, s.clone())));
        v.extend(u.keys.iter().map(|s| (1, s.clone())));
        let f: BTreeSet<String> = u.cur.ics.iter().map(|c| ics_field(c)).filter(|c| !c.is_empty()).collect();
        let g: BTreeSet<String> = u.cur.ics.iter().map(|c| ics_group(c)).filter(|c| !c.is_empty()).collect();
        if f.is_empty() {
            v.push((2, "(none)".into()));
            v.push((3, "(none)".into()));
        }
        v.extend(f.into_iter().map(|s| (2, s)));
        v.extend(g.into_iter().map(|s| (3, s)));
        v.push((4, committee_tc(&u.cur.committee)));
        v
    };
    for u in &universe {
        add(&mut overall, &u.outcome);
        let wm = Outcome { converted: u.outcome.with_matched, ..u.outcome.clone() };
        add(&mut with_matched, &wm);
        for (k, name) in slices(u) {
            let map = match k {
                0 => &mut by_sector,
                1 => &mut by_key_field,
                2 => &mut by_ics_field,
                3 => &mut by_ics_group,
                _ => &mut by_committee,
            };
            add(map.entry(name).or_default(), &u.outcome);
        }
    }
    for u in &excluded {
        overall.excluded += 1;
        with_matched.excluded += 1;
        for (k, name) in slices(u) {
            let map = match k {
                0 => &mut by_sector,
                1 => &mut by_key_field,
                2 => &mut by_ics_field,
                3 => &mut by_ics_group,
                _ => &mut by_committee,
            };
            map.entry(name).or_default().excluded += 1;
        }
    }
    finish(&mut overall, target);
    finish(&mut with_matched, target);
    with_matched.converted_strict = overall.converted_strict;
    with_matched.rate_strict = overall.rate_strict;
    for map in [&mut by_sector, &mut by_key_field, &mut by_ics_field, &mut by_ics_group, &mut by_committee] {
        for r in map.values_mut() {
            finish(r, target);
        }
    }

    // --- Indicator B, CCS letters, publication years ----------------------------
    let u_set: BTreeSet<&str> = universe.iter().map(|u| u.wi).collect();
    let mut dom_edges: BTreeMap<&str, Vec<&Correspondence>> = BTreeMap::new();
    for e in &edges {
        if pop.contains_key(e.domestic.as_str()) && !e.international.is_empty() {
            dom_edges.entry(e.domestic.as_str()).or_default().push(e);
        }
    }
    let adopting = |d: &str| -> Vec<&Correspondence> {
        dom_edges
            .get(d)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|e| {
                        e.origin != Origin::Matched && e.degree.counts_as_adoption(scope.eqv_counts)
                            || e.origin == Origin::Reviewer && e.degree == Degree::Unknown
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut indicator_b = DomesticCounts::default();
    let mut by_ccs_letter: BTreeMap<String, (DomesticCounts, BTreeSet<String>)> = BTreeMap::new();
    let mut by_year: BTreeMap<String, (DomesticCounts, BTreeSet<String>)> = BTreeMap::new();
    let mut first_year: BTreeMap<&str, String> = BTreeMap::new();
    let mut b_items: BTreeSet<String> = BTreeSet::new();
    for (id, d) in &pop {
        let ad = adopting(id);
        let conv: BTreeSet<String> =
            ad.iter().filter(|e| u_set.contains(e.work_item.as_str())).map(|e| e.work_item.clone()).collect();
        let is_adopting = !ad.is_empty();
        indicator_b.standards += 1;
        indicator_b.adopting += is_adopting as usize;
        b_items.extend(conv.iter().cloned());
        let letters: BTreeSet<String> =
            d.ccs.iter().filter_map(|c| c.trim().chars().next()).map(|c| c.to_ascii_uppercase().to_string()).collect();
        let letters = if letters.is_empty() { BTreeSet::from(["(none)".to_string()]) } else { letters };
        for l in letters {
            let e = by_ccs_letter.entry(l).or_default();
            e.0.standards += 1;
            e.0.adopting += is_adopting as usize;
            e.1.extend(conv.iter().cloned());
        }
        let year = d.year().map(|y| y.to_string()).unwrap_or_else(|| "(unknown)".into());
        let e = by_year.entry(year.clone()).or_default();
        e.0.standards += 1;
        e.0.adopting += is_adopting as usize;
        for wi in &ad {
            if let Some(&key) = u_set.get(wi.work_item.as_str()) {
                let fy = first_year.entry(key).or_insert_with(|| year.clone());
                if year < *fy {
                    *fy = year.clone();
                }
            }
        }
    }
    indicator_b.share = adoption_share(indicator_b.adopting, indicator_b.standards);
    indicator_b.work_items_converted = b_items.len();
    for (wi, y) in &first_year {
        if let Some(e) = by_year.get_mut(y) {
            e.1.insert(wi.to_string());
        }
    }
    let finish_b = |m: BTreeMap<String, (DomesticCounts, BTreeSet<String>)>| -> BTreeMap<String, DomesticCounts> {
        m.into_iter()
            .map(|(k, (mut c, s))| {
                c.share = adoption_share(c.adopting, c.standards);
                c.work_items_converted = s.len();
                (k, c)
            })
            .collect()
    };
    let by_ccs_letter = finish_b(by_ccs_letter);
    let by_domestic_year = finish_b(by_year);

    // --- Adoption lag ----------------------------------------------------------
    let mut lags: Vec<f64> = Vec::new();
    let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (id, d) in &pop {
        for e in adopting(id) {
            if !seen.insert((id, e.work_item.as_str())) {
                continue;
            }
            let Some(ed) = cat.get(&e.international) else { continue };
            if let (Some(dp), Some(ip)) = (d.published.as_deref(), ed.published.as_deref()) {
                if let Some(l) = lag_years(dp, ip) {
                    lags.push(l);
                }
            }
        }
    }
    let lag = lag_stats(lags);

    // --- Gap list --------------------------------------------------------------
    let row = |cat_: GapCategory, u: &InU| Gap {
        category: cat_,
        work_item: u.wi.to_string(),
        current_edition: u.cur.id.clone(),
        stage: u.cur.stage_raw.clone(),
        ics: u.cur.ics.join(";"),
        committee: u.cur.committee.clone(),
        title: u.cur.title().to_string(),
        sectors: u.sectors.join(";"),
        ..empty_gap()
    };
    let describe = |es: &[&Correspondence]| -> (String, String, String, String) {
        let mut ds = Vec::new();
        let mut gs = Vec::new();
        let mut eds = Vec::new();
        let mut ev = Vec::new();
        for e in es {
            ds.push(e.domestic.clone());
            gs.push(if e.origin == Origin::Matched {
                format!("matched p={:.2}", e.score)
            } else {
                e.degree.to_string()
            });
            eds.push(e.international.clone());
            ev.push(e.evidence.clone());
        }
        (ds.join("; "), gs.join("; "), eds.join("; "), ev.join(" | "))
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    for u in &universe {
        let es: Vec<&Correspondence> = by_item.get(u.wi).cloned().unwrap_or_default();
        let counted: Vec<&Correspondence> = es.iter().copied().filter(|e| degree_counts(e, scope)).collect();
        let declared: Vec<&Correspondence> = es.iter().copied().filter(|e| e.origin != Origin::Matched).collect();
        let matched: Vec<&Correspondence> = es.iter().copied().filter(|e| e.origin == Origin::Matched).collect();
        if counted.is_empty() {
            // Candidate for closing the gap, with the strongest evidence.
            let best_decl = declared.first();
            let best_match = matched.iter().max_by(|a, b| {
                a.score.partial_cmp(&b.score).unwrap_or(std::cmp::Ordering::Equal).then(b.domestic.cmp(&a.domestic))
            });
            let (kind, dom_id, evidence, score) = match (best_decl, best_match) {
                (Some(e), _) => ("neq", e.domestic.clone(), format!("{} {}", e.degree, e.evidence), 1.0),
                (None, Some(e)) => ("matched", e.domestic.clone(), format!("p={:.3} {}", e.score, e.evidence), e.score),
                _ => ("none", String::new(), String::new(), 0.0),
            };
            candidates.push(Candidate {
                rank: 0,
                work_item: u.wi.to_string(),
                current_edition: u.cur.id.clone(),
                title: u.cur.title().to_string(),
                sectors: u.sectors.clone(),
                evidence_kind: kind.into(),
                domestic: dom_id,
                evidence,
                score,
            });
            if declared.is_empty() {
                let mut g = row(GapCategory::G1, u);
                g.evidence = "no in-force domestic standard declares a correspondence".into();
                g.action = match best_match {
                    Some(e) => format!(
                        "convert (IDT/MOD); first review the title match with {} (p={:.2}, G7)",
                        e.domestic, e.score
                    ),
                    None => "assess applicability, then propose an IDT/MOD adoption project".into(),
                };
                gaps.push(g);
            } else {
                let mut g = row(GapCategory::G2, u);
                let (d, deg, ed, ev) = describe(&declared);
                (g.domestic, g.degree, g.adopted_edition, g.evidence) = (d, deg, ed, ev);
                g.action = "revise to adopt IDT or MOD, or record why NEQ is justified".into();
                gaps.push(g);
            }
        } else if !u.outcome.strict {
            let mut g = row(GapCategory::G3, u);
            let (d, deg, ed, ev) = describe(&counted);
            (g.domestic, g.degree, g.adopted_edition, g.evidence) = (d, deg, ed, ev);
            g.evidence = format!("current edition is {}; {}", u.cur.id, g.evidence);
            g.action = format!("revise the domestic standard to adopt {}", u.cur.id);
            gaps.push(g);
        }
        // G5: supplements of the current edition published after the adopter.
        if let Some(sups) = supplements.get(&u.cur.reference.base().edition()) {
            for e in &counted {
                if cat.get(&e.international).map(|r| r.id.as_str()) != Some(u.cur.id.as_str())
                    && cat.get(&e.international).and_then(year_of) != year_of(u.cur)
                {
                    continue;
                }
                let Some(d) = pop.get(e.domestic.as_str()) else { continue };
                let listed: Vec<(SuppKind, Option<u32>)> = d
                    .declaration
                    .iter()
                    .flat_map(|decl| decl.refs.iter())
                    .flat_map(|r| r.reference.supplements.iter().map(|s| (s.kind, s.number)))
                    .collect();
                for s in sups {
                    if !s.status.is_current() && s.status != Status::Unknown {
                        continue;
                    }
                    let Some(sp) = s.reference.supplements.last() else { continue };
                    if !matches!(sp.kind, SuppKind::Amd | SuppKind::Cor) || listed.contains(&(sp.kind, sp.number)) {
                        continue;
                    }
                    let after = match (s.published.as_deref(), d.published.as_deref()) {
                        (Some(a), Some(b)) => a > b,
                        _ => year_of(s).zip(d.year()).is_some_and(|(a, b)| a > b),
                    };
                    if after && date_le(s.published.as_deref(), as_of) {
                        let mut g = row(GapCategory::G5, u);
                        g.domestic = d.id.clone();
                        g.degree = e.degree.to_string();
                        g.adopted_edition = e.international.clone();
                        g.evidence = format!(
                            "{} published {} after {} ({}), not in its declaration",
                            s.id,
                            s.published.as_deref().unwrap_or("?"),
                            d.id,
                            d.published.as_deref().unwrap_or("?")
                        );
                        g.action = format!("issue an amendment sheet (修改单) adopting {}", s.id);
                        gaps.push(g);
                    }
                }
            }
        }
        // G6: revision pending, or a new edition in the pipeline.
        let it = &items[u.wi];
        let new_drafts: Vec<&&Record> =
            it.drafts.iter().filter(|r| r.status != Status::Withdrawn && !r.stage_raw.ends_with(".98")).collect();
        if u.cur.status == Status::RevisionPending || !new_drafts.is_empty() {
            let mut g = row(GapCategory::G6, u);
            let (d, deg, ed, _) = describe(&counted);
            (g.domestic, g.degree, g.adopted_edition) = (d, deg, ed);
            let mut ev = Vec::new();
            if u.cur.status == Status::RevisionPending {
                ev.push(format!("{} is under revision (stage {})", u.cur.id, u.cur.stage_raw));
            }
            for r in &new_drafts {
                ev.push(format!("new edition in preparation: {} ({})", r.id, r.stage_raw));
            }
            g.evidence = ev.join("; ");
            g.action = "track the revision and plan a synchronous adoption".into();
            gaps.push(g);
        }
        // G7: matched, undeclared.
        for e in &matched {
            if declared.iter().any(|x| x.domestic == e.domestic) {
                continue;
            }
            let mut g = row(GapCategory::G7, u);
            g.domestic = e.domestic.clone();
            g.degree = format!("matched p={:.2}", e.score);
            g.adopted_edition = e.international.clone();
            g.evidence = e.evidence.clone();
            g.action =
                "confirm or reject in the decisions file; if confirmed, record the degree in the catalogue".into();
            gaps.push(g);
        }
    }
    for u in &excluded {
        let mut g = row(GapCategory::X, u);
        g.evidence = exclusions.get(u.wi).cloned().unwrap_or_default();
        g.action = "none (excluded; review the reason yearly)".into();
        gaps.push(g);
    }
    // G4: counted edges to withdrawn editions of work items with no current edition.
    for (wi, es) in &by_item {
        let Some(it) = items.get(*wi) else { continue };
        if it.current.is_some() {
            continue;
        }
        for e in es.iter().filter(|e| degree_counts(e, scope)) {
            let ed = cat.get(&e.international);
            let Some(ed) = ed else { continue };
            if !matches!(ed.status, Status::Withdrawn | Status::Superseded) {
                continue;
            }
            gaps.push(Gap {
                category: GapCategory::G4,
                work_item: wi.to_string(),
                current_edition: String::new(),
                stage: ed.stage_raw.clone(),
                ics: ed.ics.join(";"),
                committee: ed.committee.clone(),
                title: ed.title().to_string(),
                sectors: pop.get(e.domestic.as_str()).and_then(|d| d.reference.code_root()).unwrap_or("").into(),
                domestic: e.domestic.clone(),
                degree: e.degree.to_string(),
                adopted_edition: ed.id.clone(),
                evidence: format!(
                    "{} is {}{} with no current successor; {}",
                    ed.id,
                    ed.status,
                    ed.obsoleted.as_deref().map(|o| format!(" since {o}")).unwrap_or_default(),
                    e.evidence
                ),
                action: "review the domestic standard: withdraw it, or find a new international basis".into(),
            });
        }
    }
    // G8: domestic data quality.
    let current_ids: BTreeSet<&str> = pop.keys().copied().collect();
    for d in dom.iter().filter(|d| in_scope(d)) {
        let mut problems = Vec::new();
        if let Some(decl) = &d.declaration {
            if !decl.raw.trim().is_empty() && decl.refs.is_empty() {
                problems.push(format!("declaration {:?} has no recognisable reference", decl.raw));
            }
            for i in &decl.issues {
                problems.push(format!("declaration {:?}: {i}", decl.raw));
            }
        }
        if d.status == Status::Unknown {
            problems.push(format!("status unknown ({:?})", d.stage_raw));
        }
        if d.status.is_current() {
            if let Some(rs) = replacers.get(&d.id) {
                let live: Vec<&str> =
                    rs.iter().filter(|r| current_ids.contains(r.id.as_str())).map(|r| r.id.as_str()).collect();
                if !live.is_empty() {
                    problems.push(format!("listed as current but replaced by {}", live.join(", ")));
                }
            }
        }
        for p in problems {
            gaps.push(Gap {
                category: GapCategory::G8,
                domestic: d.id.clone(),
                degree: d.declaration.as_ref().map(|x| x.degree.to_string()).unwrap_or_default(),
                sectors: d.reference.code_root().unwrap_or("").into(),
                evidence: p,
                action: "correct the domestic catalogue entry".into(),
                ..empty_gap()
            });
        }
    }
    gaps.sort_by(|a, b| {
        (a.category, &a.work_item, &a.domestic, &a.evidence).cmp(&(b.category, &b.work_item, &b.domestic, &b.evidence))
    });
    gaps.dedup();
    let mut gap_counts: BTreeMap<String, usize> = GapCategory::ALL.iter().map(|c| (c.code().to_string(), 0)).collect();
    for g in &gaps {
        *gap_counts.entry(g.category.code().to_string()).or_default() += 1;
    }
    let strength = |c: &Candidate| match c.evidence_kind.as_str() {
        "neq" => 2,
        "matched" => 1,
        _ => 0,
    };
    candidates.sort_by(|a, b| {
        strength(b)
            .cmp(&strength(a))
            .then(b.score.partial_cmp(&a.score).unwrap_or(std::cmp::Ordering::Equal))
            .then(a.work_item.cmp(&b.work_item))
    });
    for (i, c) in candidates.iter_mut().enumerate() {
        c.rank = i + 1;
    }
    warnings.sort();
    warnings.dedup();
    Scorecard {
        settings: Settings {
            scope: scope.clone(),
            relevance: if scope.key_fields.is_empty() {
                "DOMAIN §4.3 sector fields (ICS) of the sector codes, or declared by an in-scope standard".into()
            } else {
                "key fields".into()
            },
        },
        overall,
        with_matched,
        indicator_b,
        by_sector,
        by_key_field,
        by_ics_field,
        by_ics_group,
        by_committee,
        by_ccs_letter,
        by_domestic_year,
        lag,
        candidates,
        gaps,
        gap_counts,
        exclusions: exclusion_rows,
        warnings,
    }
}

fn empty_gap() -> Gap {
    Gap {
        category: GapCategory::G8,
        work_item: String::new(),
        current_edition: String::new(),
        stage: String::new(),
        ics: String::new(),
        committee: String::new(),
        title: String::new(),
        sectors: String::new(),
        domestic: String::new(),
        degree: String::new(),
        adopted_edition: String::new(),
        evidence: String::new(),
        action: String::new(),
    }
}

/// Lag statistics of a list of lags in years.
///
/// ```
/// use stdalign::score::lag_stats;
/// let s = lag_stats(vec![0.5, 1.5, 4.0, 12.0]);
/// assert_eq!(s.n, 4);
/// assert_eq!(s.median_years, Some(2.75));
/// assert_eq!(s.histogram[1], ("0-1".to_string(), 1));
/// assert_eq!(s.histogram[6], ("10+".to_string(), 1));
/// ```
pub fn lag_stats(mut lags: Vec<f64>) -> LagStats {
    lags.retain(|l| l.is_finite());
    lags.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let buckets: [(&str, f64, f64); 7] = [
        ("<0", f64::NEG_INFINITY, 0.0),
        ("0-1", 0.0, 1.0),
        ("1-2", 1.0, 2.0),
        ("2-3", 2.0, 3.0),
        ("3-5", 3.0, 5.0),
        ("5-10", 5.0, 10.0),
        ("10+", 10.0, f64::INFINITY),
    ];
    let histogram = buckets
        .iter()
        .map(|(l, lo, hi)| (l.to_string(), lags.iter().filter(|&&x| x >= *lo && x < *hi).count()))
        .collect();
    let n = lags.len();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let median = (n > 0).then(|| if n % 2 == 1 { lags[n / 2] } else { (lags[n / 2 - 1] + lags[n / 2]) / 2.0 });
    let mean = (n > 0).then(|| lags.iter().sum::<f64>() / n as f64);
    LagStats { n, median_years: median.map(round), mean_years: mean.map(round), histogram }
}
