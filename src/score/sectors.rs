//! The DOMAIN §4.3 seed table relating MIIT sector codes to CCS letters and
//! ICS fields, used to scope "relevant" international work items when the
//! user gives no key fields, and to attribute unconverted work items to a
//! sector.
//!
//! The table is data, not logic: it is a heuristic (marked "inferred" in DOMAIN), and the
//! authoritative scope must come from the user (`key_fields` in the scope
//! file).

/// One row: sector code, typical CCS letters (or letter + digit), typical
/// ICS prefixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectorFields {
    /// MIIT sector code (`YD`).
    pub code: &'static str,
    /// Typical CCS classes (`M`, `A8`).
    pub ccs: &'static [&'static str],
    /// Typical ICS prefixes (`33`, `27.120`).
    pub ics: &'static [&'static str],
}

const fn row(code: &'static str, ccs: &'static [&'static str], ics: &'static [&'static str]) -> SectorFields {
    SectorFields { code, ccs, ics }
}

/// DOMAIN §4.3, one row per MIIT sector code (`YB`, `YS`, `XB` share a row
/// there; `HB`, `QJ` too).
pub static SECTOR_FIELDS: &[SectorFields] = &[
    row("YD", &["M"], &["33"]),
    row("SJ", &["L", "K", "N"], &["31", "35"]),
    row("QC", &["T"], &["43"]),
    row("JB", &["J", "N", "K"], &["21", "23", "25", "53"]),
    row("HG", &["G"], &["71", "83", "87"]),
    row("SH", &["E", "G"], &["75"]),
    row("YB", &["H"], &["77", "73"]),
    row("YS", &["H"], &["77", "73"]),
    row("XB", &["H"], &["77", "73"]),
    row("JC", &["Q"], &["91", "81"]),
    row("FZ", &["W"], &["59", "61"]),
    row("QB", &["Y"], &["97", "55", "85"]),
    row("BB", &["A8"], &["55"]),
    row("CB", &["U"], &["47"]),
    row("HB", &["V"], &["49"]),
    row("QJ", &["V"], &["49"]),
    row("EJ", &["F"], &["27.120"]),
    row("WJ", &["G"], &["71.100.30"]),
];

/// The row of a sector code.
pub fn fields_of(code: &str) -> Option<&'static SectorFields> {
    SECTOR_FIELDS.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Whether an ICS code lies under a prefix, comparing whole dotted
/// components (`33.040.20` is under `33` and `33.040`, not under `3`).
///
/// ```
/// use stdalign::score::sectors::ics_under;
/// assert!(ics_under("33.040.20", "33"));
/// assert!(ics_under("27.120.10", "27.120"));
/// assert!(!ics_under("27.140", "27.120"));
/// assert!(!ics_under("330.1", "33"));
/// ```
pub fn ics_under(code: &str, prefix: &str) -> bool {
    let code = code.trim();
    let prefix = prefix.trim().trim_end_matches('.');
    !prefix.is_empty() && (code == prefix || code.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_miit_code_has_a_row() {
        for c in crate::ident::MIIT_CODES {
            assert!(fields_of(c).is_some(), "{c}");
        }
    }
}
