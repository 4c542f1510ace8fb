//! `gaps.csv` and `rates.csv`. Every text cell goes through
//! [`super::safe_cell`].

use std::io::Write;

use super::safe_cell;
use super::summary::Summary;
use crate::score::{Gap, Rates};

/// Header of `gaps.csv`.
pub const GAP_COLUMNS: [&str; 14] = [
    "category",
    "category_label",
    "work_item",
    "current_edition",
    "stage",
    "ics",
    "committee",
    "title",
    "sectors",
    "domestic",
    "degree",
    "adopted_edition",
    "evidence",
    "action",
];

/// Header of `rates.csv` (indicator A; `slice` is `overall`,
/// `overall-with-matched`, `sector`, `key-field`, `ics-field`, `ics-group`
/// or `committee`).
pub const RATE_COLUMNS: [&str; 13] = [
    "slice",
    "key",
    "universe",
    "converted",
    "rate",
    "converted_strict",
    "rate_strict",
    "eqv_only",
    "neq_only",
    "excluded",
    "to_target",
    "meets_target",
    "target",
];

/// The text cells of a gap row, in [`GAP_COLUMNS`] order (not yet made safe).
pub fn gap_cells(g: &Gap) -> [String; 14] {
    [
        g.category.code().into(),
        g.category.label().into(),
        g.work_item.clone(),
        g.current_edition.clone(),
        g.stage.clone(),
        g.ics.clone(),
        g.committee.clone(),
        g.title.clone(),
        g.sectors.clone(),
        g.domestic.clone(),
        g.degree.clone(),
        g.adopted_edition.clone(),
        g.evidence.clone(),
        g.action.clone(),
    ]
}

/// Writes `gaps.csv`.
pub fn write_gaps(out: impl Write, gaps: &[Gap]) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(GAP_COLUMNS)?;
    for g in gaps {
        let cells = gap_cells(g);
        w.write_record(cells.iter().map(|c| safe_cell(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// Every slice of indicator A, in file order: (slice, key, rates).
pub fn rate_rows(s: &Summary) -> Vec<(&'static str, String, &Rates)> {
    let mut v: Vec<(&'static str, String, &Rates)> =
        vec![("overall", "all".into(), &s.overall), ("overall-with-matched", "all".into(), &s.with_matched)];
    for (name, m) in [
        ("sector", &s.by_sector),
        ("key-field", &s.by_key_field),
        ("ics-field", &s.by_ics_field),
        ("ics-group", &s.by_ics_group),
        ("committee", &s.by_committee),
    ] {
        v.extend(m.iter().map(|(k, r)| (name, k.clone(), r)));
    }
    v
}

fn opt(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.6}")).unwrap_or_default()
}

/// Writes `rates.csv`.
pub fn write_rates(out: impl Write, s: &Summary) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(RATE_COLUMNS)?;
    for (slice, key, r) in rate_rows(s) {
        w.write_record([
            slice.to_string(),
            safe_cell(&key).into_owned(),
            r.universe.to_string(),
            r.converted.to_string(),
            opt(r.rate),
            r.converted_strict.to_string(),
            opt(r.rate_strict),
            r.eqv_only.to_string(),
            r.neq_only.to_string(),
            r.excluded.to_string(),
            r.to_target.to_string(),
            r.meets_target.to_string(),
            format!("{}", s.target),
        ])?;
    }
    w.flush()?;
    Ok(())
}
