//! The catalogue model shared by every stage: [`Record`], [`Side`], [`Status`].
//!
//! A [`Record`] is one catalogue entry after ingest, domestic or international,
//! with its number parsed into a [`StdRef`] and its
//! adoption declaration (domestic side) parsed into a
//! [`Declaration`]. Records are what
//! the index stores and what matching, scoring and reporting read.

use serde::{Deserialize, Serialize};

use crate::ident::declaration::Declaration;
use crate::ident::StdRef;

/// Which catalogue a record comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// A Chinese national, sector or local standard.
    Domestic,
    /// An ISO, IEC or ITU deliverable.
    International,
}

impl Side {
    /// The lowercase name used in files and the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Domestic => "domestic",
            Side::International => "international",
        }
    }
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One status model for every catalogue.
///
/// | source value | status |
/// |---|---|
/// | ISO stage 60.60, 90.20, 90.60, 90.93, 95.92 | `Current` |
/// | ISO stage 90.92 | `RevisionPending` (current, a new edition is coming) |
/// | ISO stage 90.99, 95.20, 95.60 | `WithdrawalPending` (current) |
/// | ISO stage 95.99 | `Withdrawn` |
/// | ISO stage below 60.60, and `x.98` | `Draft` |
/// | IEC `PUBLISHED` | `Current` |
/// | IEC `REVISED`, `REPLACED` | `Superseded` |
/// | IEC `WITHDRAWN` | `Withdrawn` |
/// | ITU `Published` / `Withdrawal` | `Current` / `Withdrawn` |
/// | 现行 / 即将实施 / 被代替 / 废止 | `Current` / `Upcoming` / `Superseded` / `Withdrawn` |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Published and in force.
    Current,
    /// In force; the publisher has decided to revise it (ISO 90.92).
    RevisionPending,
    /// In force; a withdrawal is proposed or under ballot.
    WithdrawalPending,
    /// Published, not yet in force (domestic 即将实施).
    Upcoming,
    /// Replaced by a newer edition.
    Superseded,
    /// Withdrawn without being in force any more.
    Withdrawn,
    /// Not yet published (or abandoned project).
    Draft,
    /// The catalogue said nothing usable.
    Unknown,
}

impl Status {
    /// Whether a standard in this status is in force (current, revision or
    /// withdrawal pending).
    pub fn is_current(self) -> bool {
        matches!(self, Status::Current | Status::RevisionPending | Status::WithdrawalPending)
    }

    /// The kebab-case name used in files and the index.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::RevisionPending => "revision-pending",
            Status::WithdrawalPending => "withdrawal-pending",
            Status::Upcoming => "upcoming",
            Status::Superseded => "superseded",
            Status::Withdrawn => "withdrawn",
            Status::Draft => "draft",
            Status::Unknown => "unknown",
        }
    }

    /// Maps an ISO harmonised stage code (`60.60`, `6060`, `95.99`) to a status.
    ///
    /// ```
    /// use stdalign::model::Status;
    /// assert_eq!(Status::from_iso_stage("60.60"), Some(Status::Current));
    /// assert_eq!(Status::from_iso_stage("9092"), Some(Status::RevisionPending));
    /// assert_eq!(Status::from_iso_stage("95.99"), Some(Status::Withdrawn));
    /// assert_eq!(Status::from_iso_stage("40.20"), Some(Status::Draft));
    /// ```
    pub fn from_iso_stage(stage: &str) -> Option<Status> {
        let digits: String = stage.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.len() != 4 {
            return None;
        }
        let code: u32 = digits.parse().ok()?;
        let (major, minor) = (code / 100, code % 100);
        Some(match (major, minor) {
            (_, 98) => Status::Draft,
            (95, 99) => Status::Withdrawn,
            (95, 92) => Status::Current,
            (95, _) => Status::WithdrawalPending,
            (90, 92) => Status::RevisionPending,
            (90, 99) => Status::WithdrawalPending,
            (90, _) => Status::Current,
            (60, 60) => Status::Current,
            (m, _) if m <= 60 => Status::Draft,
            _ => return None,
        })
    }

    /// Maps a status word from IEC, ITU or a Chinese platform to a status.
    ///
    /// ```
    /// use stdalign::model::Status;
    /// assert_eq!(Status::from_word("PUBLISHED"), Some(Status::Current));
    /// assert_eq!(Status::from_word("REVISED"), Some(Status::Superseded));
    /// assert_eq!(Status::from_word("现行"), Some(Status::Current));
    /// assert_eq!(Status::from_word("被代替"), Some(Status::Superseded));
    /// ```
    pub fn from_word(word: &str) -> Option<Status> {
        let w = word.trim().to_lowercase();
        Some(match w.as_str() {
            "published" | "current" | "in force" | "valid" | "active" | "现行" | "现行有效" | "有效" | "confirmed" => {
                Status::Current
            }
            "revision-pending" | "to be revised" => Status::RevisionPending,
            "withdrawal-pending" => Status::WithdrawalPending,
            "revised" | "replaced" | "superseded" | "被代替" | "被替代" | "已被代替" => Status::Superseded,
            "withdrawn" | "withdrawal" | "废止" | "作废" | "已废止" | "obsolete" => Status::Withdrawn,
            "即将实施" | "upcoming" | "not yet in force" => Status::Upcoming,
            "draft" | "under development" | "征求意见" | "报批" => Status::Draft,
            "unknown" | "" => Status::Unknown,
            _ => {
                if let Some(s) = Status::from_iso_stage(&w) {
                    return Some(s);
                }
                return None;
            }
        })
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a record came from: file and 1-based line (or sheet row).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourcePos {
    /// The input file as given on the command line.
    pub file: String,
    /// 1-based line (CSV, TSV, JSONL) or row (XLSX) of the record.
    pub line: u64,
}

/// One catalogue entry, domestic or international, after ingest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Canonical number (the parsed reference displayed), unique per side.
    pub id: String,
    /// Domestic or international.
    pub side: Side,
    /// The parsed number.
    pub reference: StdRef,
    /// The number exactly as the catalogue wrote it.
    pub raw_number: String,
    /// Other references the same document is known by (ISO/IEC joint rows in
    /// two files, ITU twin texts, Chinese double numbers).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// English title.
    #[serde(default)]
    pub title_en: String,
    /// Chinese title.
    #[serde(default)]
    pub title_zh: String,
    /// French title (international side).
    #[serde(default)]
    pub title_fr: String,
    /// ICS codes as written (`43.040.20`).
    #[serde(default)]
    pub ics: Vec<String>,
    /// CCS codes (domestic side).
    #[serde(default)]
    pub ccs: Vec<String>,
    /// Responsible committee: ISO/IEC TC/SC, ITU study group, or 归口单位.
    #[serde(default)]
    pub committee: String,
    /// Competent department (主管部门), domestic side.
    #[serde(default)]
    pub department: String,
    /// Document type as the catalogue named it (`international-standard`, `IS`…).
    #[serde(default)]
    pub doctype: String,
    /// Unified status.
    pub status: Status,
    /// Status or stage as the catalogue wrote it.
    #[serde(default)]
    pub stage_raw: String,
    /// Publication (发布) date, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Implementation (实施) date, `YYYY-MM-DD`, domestic side.
    #[serde(default)]
    pub implemented: Option<String>,
    /// Date an international edition was superseded or withdrawn.
    #[serde(default)]
    pub obsoleted: Option<String>,
    /// Edition number.
    #[serde(default)]
    pub edition: Option<String>,
    /// References this record replaces (代替标准, `obsoletes`, `replaces`).
    #[serde(default)]
    pub replaces: Vec<String>,
    /// References that replace this record (filled by inverting `replaces`
    /// where the catalogue left it empty).
    #[serde(default)]
    pub replaced_by: Vec<String>,
    /// The adoption declaration (domestic side), parsed; `None` when empty.
    #[serde(default)]
    pub declaration: Option<Declaration>,
    /// Catalogue URL.
    #[serde(default)]
    pub url: String,
    /// Where the record was read.
    pub source: SourcePos,
    /// Rows of other files folded into this record (ISO/IEC joint documents).
    #[serde(default)]
    pub merged_from: Vec<SourcePos>,
    /// Non-fatal problems found while reading the row (bad date, unparsable
    /// declaration, unknown status…).
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Record {
    /// Publication year, when a publication date or a reference year is known.
    pub fn year(&self) -> Option<u16> {
        self.published.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()).or(self.reference.year)
    }

    /// Work-item key of the number.
    pub fn work_item(&self) -> String {
        self.reference.work_item()
    }

    /// Edition key of the number.
    pub fn edition_key(&self) -> String {
        self.reference.edition()
    }

    /// The best title to show: English, else Chinese, else French.
    pub fn title(&self) -> &str {
        if !self.title_en.is_empty() {
            &self.title_en
        } else if !self.title_zh.is_empty() {
            &self.title_zh
        } else {
            &self.title_fr
        }
    }
}
