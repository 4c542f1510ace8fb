//! Standard identifiers: parsing, canonical display and comparison keys for Chinese
//! national/sector standard numbers and ISO, IEC, ISO/IEC, ITU-T and ITU-R references
//! (DOMAIN §3), plus the adoption-declaration parser (DOMAIN §1.5, in [`declaration`]).
//!
//! # Overview
//!
//! * [`normalize::normalize`] folds the typographic noise found in real data
//!   (full-width forms, em dashes, U+2236 ratio colons, missing spaces, `GBT`).
//! * [`StdRef::parse`] turns one identifier into a structured [`StdRef`]; it never
//!   panics and only fails when the input is empty or contains no digit at all.
//!   Bodies other than ISO/IEC/ITU and the Chinese codes fall back to
//!   [`Family::Other`] with `flags.verbatim` set and a best-effort split.
//! * [`std::fmt::Display`] prints the canonical spelling; `work_item()` and
//!   `edition()` give the comparison keys of DOMAIN §3.4.
//!
//! # Canonical forms and round trip
//!
//! For every string `s` that parses, `parse(display(parse(s)))` equals `parse(s)` in
//! all fields except the [`RefFlags`] that record the *original spelling*:
//! `via_en` (the `EN`/`BS EN` prefix is not printed), `from_dot` (`8802.11` is printed
//! `8802-11`), `legacy_iec` (`IEC 335-1` is printed `IEC 60335-1`), `two_digit_year`
//! (`GB 3100-93` is printed `GB 3100-1993`) and `year_from_hyphen` (`Guide 21-1999` is
//! printed `Guide 21:1999`). `verbatim` is stable.
//!
//! # Rules worth knowing
//!
//! * **Legacy IEC numbers** — applied only when the publisher is exactly `IEC`, the
//!   type is IS/TS/TR, the numeric part of the number is below 10000, the reference is
//!   not a draft and the year is absent or before 1998: `IEC 335-1` → `IEC 60335-1`.
//!   The 10000 bound (instead of "below 60000") protects genuine five-digit IEC
//!   numbers such as `IEC 31010`; the year bound protects catalogue slips such as
//!   `IEC 112:2017` (really IEC Guide 112). Guides, CISPR and joint ISO/IEC documents
//!   are never renumbered.
//! * **Dot for hyphen** (`ISO/IEC 8802.11`) is accepted for ISO/IEC/IEC families of
//!   published documents. In a *draft* reference a trailing `.N` is the ISO draft
//!   iteration (`ISO/DIS 10239.2`) and is kept as a suffix of `stage`
//!   (`stage == Some("DIS.2")`), not as a part.
//! * **ITU** — `number` holds the full designation (`G.711`, `V.22 bis`, `D.300 R`);
//!   annexes/appendices are `parts` (`["Annex C"]`); for `doc_type == Suppl` the first
//!   part is the supplement number (`ITU-T G Suppl. 1` → number `G`, parts `["1"]`).
//!   ITU-T `(V2)`/`v.2` versions and ITU-R `-6` revisions go to `revision`. When
//!   supplements (`Amd.`, `Cor.`, `Technical Cor.`, `Add.`, and `Err.` which is
//!   recorded as [`SuppKind::Cor`]) are present, `month` belongs to the last dated
//!   element. A common text `ITU-T X.680 (2021) | ISO/IEC 8824-1:2021` keeps the
//!   ISO/IEC twin in `double`.
//! * **IEC supplements** — `ISH` interpretation sheets are [`SuppKind::Ish`]; ISO `Ext`
//!   is recorded as [`SuppKind::Add`]; IEC `FRAG` fragments as [`SuppKind::Suppl`].
//!   EN `+A1` / `/AC` map to Amd / Cor.

pub mod declaration;
pub mod normalize;
pub mod sectors;

mod cn;
mod intl;
mod itu;

use std::fmt;
use std::str::FromStr;

pub use declaration::{parse_declaration, Declaration, DeclaredRef, Degree};
pub use normalize::normalize;
pub use sectors::{sector, SectorCode, MIIT_CODES};

/// Organisation family of a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Family {
    /// Chinese national (`GB`), sector (`YD`, `SJ` …) or local (`DB11`) standard.
    Cn,
    /// ISO (including ISO/IEEE, ISO/ASTM, ISO/SAE …, IWA).
    Iso,
    /// IEC (including CISPR and IEC/IEEE).
    Iec,
    /// Joint ISO/IEC (and ISO/IEC/IEEE, IEC/ISO).
    IsoIec,
    /// ITU-T (and CCITT) Recommendations.
    ItuT,
    /// ITU-R (and CCIR) Recommendations and other texts.
    ItuR,
    /// Any other body (EN, BS, DIN, JIS, IEEE, 3GPP …), parsed best effort.
    Other,
}

/// Nature of a Chinese standard, from the code suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Nature {
    /// No suffix (`GB`, `YD`).
    Mandatory,
    /// `/T` (推荐).
    Recommended,
    /// `/Z` (guidance technical document).
    Guidance,
}

/// Deliverable type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum DocType {
    /// International Standard (or a Chinese standard).
    Is,
    /// Technical Specification.
    Ts,
    /// Technical Report.
    Tr,
    /// Publicly Available Specification.
    Pas,
    /// Guide.
    Guide,
    /// International Standardized Profile.
    Isp,
    /// International Workshop Agreement.
    Iwa,
    /// Legacy ISO Recommendation (`ISO/R`).
    R,
    /// ISO/IEC Directives.
    Dir,
    /// ITU Recommendation.
    Rec,
    /// ITU Supplement published as its own document (`ITU-T G Suppl. 1`).
    Suppl,
    /// Any other type word, upper-cased as written (`DATA`, `TTA`, `SRD` …).
    Other(String),
}

/// Kind of a supplement to a base document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum SuppKind {
    /// Amendment (`Amd`, `AMD`, `Amd.`, EN `A`).
    Amd,
    /// Corrigendum (`Cor`, `COR`, `Technical Cor.`, ITU `Err.`, EN `AC`).
    Cor,
    /// Addendum (`Add`, legacy; also ISO `Ext`).
    Add,
    /// IEC interpretation sheet (`ISH`).
    Ish,
    /// Chinese amendment sheet 修改单 (`XG1-2012`).
    Xg,
    /// Supplement (`Suppl`; also IEC `FRAG`).
    Suppl,
}

/// One supplement (amendment, corrigendum …) attached to a base document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Supplement {
    /// Kind of supplement.
    pub kind: SuppKind,
    /// Supplement number (`1` in `Amd 1`), if written.
    pub number: Option<u32>,
    /// Publication year, if written.
    pub year: Option<u16>,
    /// Draft stage of the supplement (`DAM`, `FDAM`, `CD`, `AWI` …), possibly with
    /// an iteration suffix (`CD.2`); `None` when published.
    pub stage: Option<String>,
}

/// Flags recording how a reference was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RefFlags {
    /// Written as a European adoption (`EN ISO …`, `BS EN ISO …`).
    pub via_en: bool,
    /// A dot was read as a part separator (`ISO/IEC 8802.11`).
    pub from_dot: bool,
    /// Pre-1997 IEC number renumbered by adding 60000 (`IEC 335` → `IEC 60335`).
    pub legacy_iec: bool,
    /// Two-digit year mapped to 19xx (`GB 3100-93`).
    pub two_digit_year: bool,
    /// Year taken from a trailing hyphen token (`ISO/IEC Guide 21-1999`).
    pub year_from_hyphen: bool,
    /// Not fully understood: other body, or a best-effort verbatim number.
    pub verbatim: bool,
}

/// A parsed standard reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct StdRef {
    /// Organisation family.
    pub family: Family,
    /// Canonical publisher prefix: `GB`, `YD`, `DB11`, `ISO`, `ISO/IEC`, `IEC`,
    /// `CISPR`, `ITU-T`, `ITU-R`, `IWA` …, or the verbatim prefix for other bodies.
    pub publisher: String,
    /// Nature (Chinese only).
    pub nature: Option<Nature>,
    /// Draft stage (`DIS`, `FDIS`, `CD`, `DTS` …, iteration as `.N` suffix); `None`
    /// when published.
    pub stage: Option<String>,
    /// Deliverable type.
    pub doc_type: DocType,
    /// Document number without parts (`9001`, `228`, `G.711`, `BT.709`).
    pub number: String,
    /// Part chain (`["1"]`, `["4", "2"]`; ITU annexes as `["Annex C"]`).
    pub parts: Vec<String>,
    /// Publication / approval year.
    pub year: Option<u16>,
    /// ITU approval month (`(06/2012)`).
    pub month: Option<u8>,
    /// ITU-R revision (`-6`) or ITU-T version (`(V2)`).
    pub revision: Option<u32>,
    /// Supplements in order of appearance.
    pub supplements: Vec<Supplement>,
    /// IEC value-added suffix (`CSV`, `RLV`, `EXV`, `CMV`, `SER`, `EXV-CMV` …).
    pub vap: Option<String>,
    /// ITU dual numbers (`Y.1303` in `G.7041/Y.1303`).
    pub alt_numbers: Vec<String>,
    /// Second identity: the adopted international standard of a Chinese double
    /// number, or the ISO/IEC twin of an ITU-T common text.
    pub double: Option<Box<StdRef>>,
    /// Spelling flags.
    pub flags: RefFlags,
}

/// Error returned by [`StdRef::parse`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentError {
    /// The input was empty (after normalisation).
    #[error("empty standard number")]
    Empty,
    /// The input contains no digit at all.
    #[error("no standard number found in {0:?}")]
    NoNumber(String),
}

impl StdRef {
    /// A blank reference of the given family/publisher, used by the parsers.
    pub(crate) fn blank(family: Family, publisher: impl Into<String>) -> StdRef {
        StdRef {
            family,
            publisher: publisher.into(),
            nature: None,
            stage: None,
            doc_type: DocType::Is,
            number: String::new(),
            parts: Vec::new(),
            year: None,
            month: None,
            revision: None,
            supplements: Vec::new(),
            vap: None,
            alt_numbers: Vec::new(),
            double: None,
            flags: RefFlags::default(),
        }
    }

    /// Parses one standard identifier. Never panics.
    ///
    /// Fails only on empty input or input without any ASCII digit (after
    /// normalisation). Unknown bodies give [`Family::Other`] with `flags.verbatim`.
    pub fn parse(s: &str) -> Result<StdRef, IdentError> {
        parse_top(s)
    }

    /// Equality ignoring the spelling flags (`via_en`, `from_dot`, `legacy_iec`,
    /// `two_digit_year`, `year_from_hyphen`), recursively through `double`. This is
    /// the equality under which `parse(display(parse(s))) == parse(s)` holds.
    pub fn same_ignoring_spelling(&self, other: &StdRef) -> bool {
        fn strip(r: &StdRef) -> StdRef {
            let mut c = r.clone();
            c.flags = RefFlags { verbatim: c.flags.verbatim, ..RefFlags::default() };
            c.double = c.double.take().map(|d| Box::new(strip(&d)));
            c
        }
        strip(self) == strip(other)
    }

    /// True for Chinese standards.
    pub fn is_chinese(&self) -> bool {
        self.family == Family::Cn
    }

    /// True for ISO, IEC, ISO/IEC, ITU-T and ITU-R references.
    pub fn is_international(&self) -> bool {
        matches!(self.family, Family::Iso | Family::Iec | Family::IsoIec | Family::ItuT | Family::ItuR)
    }

    /// True for Chinese sector standards whose code is one of [`MIIT_CODES`].
    pub fn is_miit(&self) -> bool {
        self.is_chinese() && sectors::is_miit_code(&self.publisher)
    }

    /// Chinese code root (`GB`, `YD`, `DB11` …, without `/T` or `/Z`); `None` for
    /// non-Chinese references.
    pub fn code_root(&self) -> Option<&str> {
        self.is_chinese().then_some(self.publisher.as_str())
    }

    /// Work-item key: publisher + type + number + parts, without stage, year,
    /// supplements or value-added suffix (`"ISO 9001"`, `"ISO/TS 14812"`,
    /// `"GB 228.1"`, `"ITU-T Y.2060"`, `"ITU-R BT.709"`).
    pub fn work_item(&self) -> String {
        match self.family {
            Family::Cn => cn::work_item(self),
            Family::ItuT | Family::ItuR => itu::work_item(self),
            _ => intl::work_item(self),
        }
    }

    /// Edition key: `work_item + ":" + year` (just the work item when undated).
    pub fn edition(&self) -> String {
        match self.year {
            Some(y) => format!("{}:{}", self.work_item(), y),
            None => self.work_item(),
        }
    }

    /// The base document: the same reference without supplements and value-added
    /// suffix (and without the ITU month when that month dated a supplement).
    pub fn base(&self) -> StdRef {
        let mut b = self.clone();
        if !b.supplements.is_empty() && matches!(b.family, Family::ItuT | Family::ItuR) {
            b.month = None;
        }
        b.supplements.clear();
        b.vap = None;
        b
    }

    /// True when the reference designates a supplement (amendment, corrigendum,
    /// amendment sheet …) rather than a base document. A consolidated IEC edition
    /// (`+AMD1:2009 CSV`) with only amendments is a full document, not a supplement.
    pub fn is_supplement(&self) -> bool {
        if self.supplements.is_empty() {
            return false;
        }
        let consolidated = self.vap.as_deref().is_some_and(|v| v.contains("CSV"));
        !(consolidated && self.supplements.iter().all(|s| s.kind == SuppKind::Amd))
    }
}

/// Maximum nesting for double numbers (`GB …/ISO …`).
const MAX_DEPTH: u8 = 2;

/// Normalisation + blank squeezing + outer-bracket stripping, iterated to a fixed
/// point so that the parser always sees a stable string.
fn pipeline(s: &str) -> String {
    let mut cur = strip_outer(&intl::squeeze(&normalize(s))).to_string();
    for _ in 0..6 {
        let next = strip_outer(&intl::squeeze(&normalize(&cur))).to_string();
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

/// Parses without the round-trip guard (used for nested double numbers).
pub(crate) fn parse_depth(s: &str, depth: u8) -> Result<StdRef, IdentError> {
    let n = pipeline(s);
    if n.is_empty() {
        return Err(IdentError::Empty);
    }
    if !n.chars().any(|c| c.is_ascii_digit()) {
        return Err(IdentError::NoNumber(s.to_string()));
    }
    Ok(parse_normalized(&n, depth))
}

/// Top-level parse with the round-trip guard: when the canonical spelling of the
/// structured result would not read back as the same reference (only seen on
/// malformed input), the whole normalised string is kept as a verbatim
/// [`Family::Other`] number instead.
fn parse_top(s: &str) -> Result<StdRef, IdentError> {
    let n = pipeline(s);
    if n.is_empty() {
        return Err(IdentError::Empty);
    }
    if !n.chars().any(|c| c.is_ascii_digit()) {
        return Err(IdentError::NoNumber(s.to_string()));
    }
    let r = parse_normalized(&n, 0);
    let stable = parse_depth(&r.to_string(), 0).is_ok_and(|again| again.same_ignoring_spelling(&r));
    if stable {
        return Ok(r);
    }
    let mut v = StdRef::blank(Family::Other, "");
    v.number = n;
    v.flags.verbatim = true;
    Ok(v)
}

/// Strips wrapping brackets and trailing punctuation.
fn strip_outer(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        t = t.trim_end_matches([',', ';', '.', '。', '，', '；', '、']).trim();
        t = t.trim_start_matches([',', ';', '，', '；', '、']).trim();
        if t.starts_with('(') && t.ends_with(')') && t.len() >= 2 {
            let inner = &t[1..t.len() - 1];
            if !inner.contains('(') && !inner.contains(')') {
                t = inner.trim();
            }
        }
        if t == before {
            return t;
        }
    }
}

fn parse_normalized(n: &str, depth: u8) -> StdRef {
    if let Some(r) = cn::parse(n, depth) {
        return r;
    }
    if let Some(r) = itu::parse(n, depth) {
        return r;
    }
    if let Some(r) = intl::parse_en(n) {
        return r;
    }
    if let Some(r) = intl::parse(n, false) {
        return r;
    }
    intl::parse_other(n)
}

impl fmt::Display for StdRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.family {
            Family::Cn => f.write_str(&cn::display(self)),
            Family::ItuT | Family::ItuR => f.write_str(&itu::display(self)),
            _ => f.write_str(&intl::display(self)),
        }
    }
}

impl FromStr for StdRef {
    type Err = IdentError;
    fn from_str(s: &str) -> Result<StdRef, IdentError> {
        StdRef::parse(s)
    }
}

impl DocType {
    /// Canonical type word (`TS`, `Guide`, `DATA` …); empty for [`DocType::Is`].
    pub fn word(&self) -> &str {
        match self {
            DocType::Is => "",
            DocType::Ts => "TS",
            DocType::Tr => "TR",
            DocType::Pas => "PAS",
            DocType::Guide => "Guide",
            DocType::Isp => "ISP",
            DocType::Iwa => "IWA",
            DocType::R => "R",
            DocType::Dir => "DIR",
            DocType::Rec => "Rec.",
            DocType::Suppl => "Suppl.",
            DocType::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests;
