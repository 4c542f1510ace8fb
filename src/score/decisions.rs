//! Reviewer decisions: a CSV an engineer keeps from one annual run to the
//! next, so that confirmations, rejections and "not applicable in China"
//! rulings persist.
//!
//! Columns (header required, order free, case-insensitive):
//! `domestic, international, decision, reason, reviewer, date`, plus an
//! optional `degree` (IDT/MOD/NEQ/EQV) for confirmations.
//!
//! | decision | effect |
//! |---|---|
//! | `confirm` | the (domestic, international work item) correspondence becomes a reviewer edge; it counts as an adoption unless its degree is NEQ/REF (or EQV with `eqv_counts` off). The degree is the `degree` column, else the declared degree, else unstated (counted: the reviewer confirmed an adoption) |
//! | `reject` | every edge between the domestic standard and the international work item is removed, declared ones included |
//! | `not-applicable` | the international work item is excluded from the universe with the reason (`domestic` may be empty) |
//!
//! Numbers that are neither in the domestic nor in the international
//! catalogue are reported by [`apply_to_edges`], never silently ignored.

use std::collections::BTreeSet;
use std::io::Read;

use serde::{Deserialize, Serialize};

use super::{Correspondence, Exclusion, Origin};
use crate::ident::declaration::Degree;
use crate::ident::StdRef;
use crate::matching::Catalogue;
use crate::model::Record;

/// What a reviewer decided about a correspondence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The correspondence is an adoption.
    Confirm,
    /// The correspondence is wrong.
    Reject,
    /// The international work item does not apply in China.
    NotApplicable,
}

impl Verdict {
    /// The word used in the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Confirm => "confirm",
            Verdict::Reject => "reject",
            Verdict::NotApplicable => "not-applicable",
        }
    }
}

/// One row of the decisions CSV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// Domestic number (may be empty for `not-applicable`).
    pub domestic: String,
    /// International number (edition or work item).
    pub international: String,
    /// The verdict.
    pub decision: Verdict,
    /// Why (required for `not-applicable`).
    pub reason: String,
    /// Who decided.
    pub reviewer: String,
    /// When (`YYYY-MM-DD`).
    pub date: String,
    /// Degree for a confirmation, when the reviewer states it.
    pub degree: Option<Degree>,
    /// 1-based line in the file (header is line 1).
    pub line: u64,
}

/// Error in a decisions file.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    /// The CSV could not be read.
    #[error("decisions: {0}")]
    Csv(#[from] csv::Error),
    /// A required column is missing.
    #[error("decisions: missing column {0:?} (need domestic, international, decision, reason, reviewer, date)")]
    MissingColumn(&'static str),
    /// A row is invalid.
    #[error("decisions line {line}: {msg}")]
    Row {
        /// 1-based line.
        line: u64,
        /// What is wrong.
        msg: String,
    },
}

/// Parses a decisions CSV.
///
/// ```
/// use stdalign::score::decisions::{parse_decisions, Verdict};
/// let csv = "domestic,international,decision,reason,reviewer,date\n\
///            YD/T 1-2020,ITU-T G.711,confirm,checked text,Li,2025-03-01\n\
///            ,ISO 123,not-applicable,not used in China,Li,2025-03-01\n";
/// let d = parse_decisions(csv.as_bytes()).unwrap();
/// assert_eq!(d[0].decision, Verdict::Confirm);
/// assert_eq!(d[1].line, 3);
/// ```
pub fn parse_decisions(r: impl Read) -> Result<Vec<Decision>, DecisionError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(r);
    let headers: Vec<String> =
        rdr.headers()?.iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase()).collect();
    let col = |name: &'static str| headers.iter().position(|h| h == name).ok_or(DecisionError::MissingColumn(name));
    let (cd, ci, cv) = (col("domestic")?, col("international")?, col("decision")?);
    let (cr, cw, ct) = (col("reason")?, col("reviewer")?, col("date")?);
    let cdeg = headers.iter().position(|h| h == "degree");
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let word = get(cv).to_lowercase().replace(['_', ' '], "-");
        let decision = match word.as_str() {
            "confirm" | "confirmed" => Verdict::Confirm,
            "reject" | "rejected" => Verdict::Reject,
            "not-applicable" | "n/a" | "na" => Verdict::NotApplicable,
            _ => {
                return Err(DecisionError::Row {
                    line,
                    msg: format!("decision {:?} is not confirm, reject or not-applicable", get(cv)),
                })
            }
        };
        let d = Decision {
            domestic: get(cd),
            international: get(ci),
            decision,
            reason: get(cr),
            reviewer: get(cw),
            date: get(ct),
            degree: match cdeg.map(get).filter(|s| !s.is_empty()) {
                Some(s) => Some(s.parse().map_err(|e| DecisionError::Row { line, msg: format!("{e}") })?),
                None => None,
            },
            line,
        };
        if d.international.is_empty() {
            return Err(DecisionError::Row { line, msg: "international number is empty".into() });
        }
        if d.domestic.is_empty() && decision != Verdict::NotApplicable {
            return Err(DecisionError::Row { line, msg: format!("domestic number is empty for {}", word) });
        }
        if decision == Verdict::NotApplicable && d.reason.is_empty() {
            return Err(DecisionError::Row { line, msg: "not-applicable needs a reason".into() });
        }
        out.push(d);
    }
    Ok(out)
}

/// What applying decisions did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DecisionSummary {
    /// Confirmations applied.
    pub confirmed: usize,
    /// Rejections applied (edges removed).
    pub rejected: usize,
    /// Work items excluded as not applicable.
    pub not_applicable: usize,
    /// Decisions naming a number found in neither catalogue, as
    /// `line N: NUMBER (domestic|international) not in the catalogue`.
    pub unknown: Vec<String>,
}

/// The international work item a decision names: the catalogue record's
/// work item when the number is known (any spelling or alias), else the
/// parsed work item when some edition of it is in the catalogue.
pub fn resolve_work_item(cat: &Catalogue, number: &str) -> Option<(String, String)> {
    if let Some(r) = cat.get(number) {
        return Some((r.reference.base().work_item(), r.id.clone()));
    }
    let p = StdRef::parse(number).ok()?;
    if let Some(r) = cat.get(&p.to_string()).or_else(|| cat.get(&p.edition())) {
        return Some((r.reference.base().work_item(), r.id.clone()));
    }
    let wi = p.work_item();
    let i = cat.current_edition(&wi)?;
    Some((wi, cat.records[i].id.clone()))
}

/// Canonical domestic id of a number (parsed and displayed; the first
/// number of a double number).
fn domestic_key(number: &str) -> String {
    match StdRef::parse(number) {
        Ok(r) => {
            let mut r = r;
            r.double = None;
            r.to_string()
        }
        Err(_) => number.trim().to_string(),
    }
}

/// Applies decisions to correspondence edges: confirmations become
/// [`Origin::Reviewer`] edges, rejections remove edges, not-applicable rulings
/// become [`Exclusion`]s. Returns the new edges (sorted), the exclusions and
/// a summary listing unknown numbers.
pub fn apply_to_edges(
    mut edges: Vec<Correspondence>,
    decisions: &[Decision],
    cat: &Catalogue,
    domestic: &[Record],
) -> (Vec<Correspondence>, Vec<Exclusion>, DecisionSummary) {
    let dom_ids: BTreeSet<String> = domestic.iter().map(|d| d.id.clone()).collect();
    let dom_by_key: std::collections::BTreeMap<String, String> =
        domestic.iter().map(|d| (domestic_key(&d.id), d.id.clone())).collect();
    let find_dom = |n: &str| -> Option<String> {
        if dom_ids.contains(n) {
            return Some(n.to_string());
        }
        dom_by_key.get(&domestic_key(n)).cloned()
    };
    let mut summary = DecisionSummary::default();
    let mut exclusions = Vec::new();
    let mut sorted: Vec<&Decision> = decisions.iter().collect();
    sorted.sort_by_key(|d| d.line);
    for d in sorted {
        let intl = resolve_work_item(cat, &d.international);
        let dom = if d.domestic.is_empty() { None } else { find_dom(&d.domestic) };
        let mut unknown = false;
        if intl.is_none() {
            summary.unknown.push(format!("line {}: {} (international) not in the catalogue", d.line, d.international));
            unknown = true;
        }
        if !d.domestic.is_empty() && dom.is_none() {
            summary.unknown.push(format!("line {}: {} (domestic) not in the catalogue", d.line, d.domestic));
            unknown = true;
        }
        if unknown {
            continue;
        }
        let (wi, edition) = intl.expect("checked");
        let who = format!(
            "{} by {}{}{}",
            d.decision.as_str(),
            if d.reviewer.is_empty() { "?" } else { &d.reviewer },
            if d.date.is_empty() { String::new() } else { format!(" on {}", d.date) },
            if d.reason.is_empty() { String::new() } else { format!(": {}", d.reason) }
        );
        match d.decision {
            Verdict::NotApplicable => {
                summary.not_applicable += 1;
                exclusions.push(Exclusion { work_item: wi, reason: format!("{} ({who})", d.reason) });
            }
            Verdict::Reject => {
                let dom = dom.expect("checked");
                let before = edges.len();
                edges.retain(|e| !(e.domestic == dom && e.work_item == wi));
                if edges.len() < before {
                    summary.rejected += 1;
                }
            }
            Verdict::Confirm => {
                let dom = dom.expect("checked");
                summary.confirmed += 1;
                let existing: Vec<usize> =
                    (0..edges.len()).filter(|&i| edges[i].domestic == dom && edges[i].work_item == wi).collect();
                let declared_degree = existing
                    .iter()
                    .map(|&i| edges[i].degree)
                    .filter(|g| *g != Degree::Unknown)
                    .min_by_key(|g| *g as u8);
                let intl_id = existing
                    .iter()
                    .find(|&&i| edges[i].origin == Origin::Declared)
                    .map(|&i| edges[i].international.clone())
                    .unwrap_or(edition);
                let evidence = existing.iter().map(|&i| edges[i].evidence.clone()).collect::<Vec<_>>().join("; ");
                edges.retain(|e| !(e.domestic == dom && e.work_item == wi));
                edges.push(Correspondence {
                    domestic: dom,
                    international: intl_id,
                    work_item: wi,
                    degree: d.degree.or(declared_degree).unwrap_or(Degree::Unknown),
                    origin: Origin::Reviewer,
                    score: 1.0,
                    evidence: if evidence.is_empty() { who } else { format!("{who}; {evidence}") },
                });
            }
        }
    }
    edges.sort_by(super::edge_order);
    (edges, exclusions, summary)
}
