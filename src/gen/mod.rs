//! Deterministic generator of realistic domestic (Chinese) catalogues from a
//! real international catalogue, with the truth of every correspondence.
//!
//! Input: international [`Record`]s (as [`crate::ingest::ingest`] returns
//! them), an optional [`Glossary`] and a [`GenConfig`]. Output:
//! [`Generated`] — the domestic rows ([`DomesticRow`], written by
//! [`write_domestic_csv`] in the column layout of Chinese platforms) and the
//! truth ([`TruthRow`], written by [`write_truth_csv`]; the hidden metadata of
//! every row by [`write_truth_full_csv`]). The library never prints and only
//! writes through the writer functions.
//!
//! **Determinism.** The same records, glossary and config give byte-identical
//! output. All randomness comes from the self-contained SplitMix64 in
//! [`rng`]; hash maps are only used for look-ups, never iterated.
//!
//! # What a catalogue looks like
//!
//! `count` rows; a `domestic_only_share` (default 0.45) of them have no
//! international counterpart, the others have exactly one (one truth row
//! each). Row kinds (`kind` column of `truth_full.csv`):
//!
//! | kind | share of correspondence rows | what |
//! |---|---|---|
//! | `adoption` | ≈ 74 % | latest edition of a work item not yet adopted |
//! | `adoption-outdated` | ≈ 10 % (+ EQV picks of superseded editions) | an older edition of a work item that has a newer one |
//! | `hard-sibling` | ≈ 10 % | 1–3 parts of a series that has ≥ 2 parts in the international catalogue, as one domestic series (`YD/T 3456.1`, `.2`) |
//! | `hard-edition` | ≈ 6 % | a domestic edition chain: the old domestic edition (被代替) adopts an older edition, the new one (代替 the old) a newer edition of the same work item |
//! | `domestic-only` | `domestic_only_share` of all rows | synthetic Chinese-industry titles, no counterpart |
//!
//! # Source international documents
//!
//! Published base documents only: ISO, IEC, ISO/IEC and ITU-T; type IS or
//! Recommendation; no supplement, no consolidated version, no draft; an
//! English title; a year from 1979 to before [`GenConfig::snapshot_year`]. Work items are
//! drawn by family with weights ISO 0.55, IEC (incl. ISO/IEC, CISPR) 0.35,
//! ITU-T 0.10 (a family that runs out gives way to the others; when every
//! work item has been adopted once, work items are reused, as when a GB/T
//! and a sector standard adopt the same document).
//!
//! # Numbers
//!
//! Sector from the first ICS code / committee that maps (DOMAIN §4.3): ITU-T
//! and ISO/IEC JTC 1/SC 6, SC 25 → YD; other JTC 1 → SJ; ICS 27.120 → EJ;
//! 71.100.30 → WJ; 33 → YD; 31, 35 → SJ; 43 → QC; 21, 23, 25, 53 → JB; 71,
//! 83, 87 → HG; 75 → SH; 77 → YB (77.120 → YS); 73 → YS; 91, 81 → JC; 59, 61
//! → FZ; 97, 85 → QB; 55 → BB 40 % / QB 60 %; 47 → CB; 49 → HB (49.140 →
//! QJ). With probability `gbt_share` (0.25), or when nothing maps, the
//! number is national (GB). Nature: mandatory 6 % (GB) / 8 % (sector), else
//! `/T`. Sequence numbers are random, 4 digits for sectors (YD avoids the
//! 5xxx construction range), 5 digits for GB, unique per code; parts mirror
//! the international part chain (`ISO 6892-1` → `.1`). Domestic year =
//! international year + lag, lag 1–6 years with P = 0.30, 0.25, 0.18, 0.12,
//! 0.09, 0.06, never before the international year nor after the snapshot.
//! Publication date random in the year, implementation 3–6 months later
//! (即将实施 when after the snapshot date). Status 现行 90 % / 被代替 6 % / 废止
//! 4 % (before 2005: 60 / 25 / 15 %). 代替标准: the previous domestic edition
//! in a chain, otherwise 12 % a previous edition (same number, 3–10 years
//! earlier) not in the catalogue.
//!
//! # Degrees and declarations
//!
//! Degrees IDT 45 %, MOD 35 %, NEQ 15 %, EQV 5 %; EQV only for editions of
//! 1999 or earlier with a domestic year ≤ 2000. A share `undeclared_share`
//! (0.3) of correspondences have an empty 采标情况 and 采用程度 (undeclared
//! adoptions, still in `truth.csv`). Declared ones use one format
//! (`declaration_format` column), for domestic years ≥ 2001 / ≤ 2000:
//!
//! | format | example | P (≥ 2001) | P (≤ 2000) |
//! |---|---|---|---|
//! | `ref-comma-code` | `ISO 6892-1:2009, MOD` | 0.30 | 0.15 |
//! | `ref-comma-code-nospace` | `ISO 6892-1:2009,MOD` | 0.12 | 0 |
//! | `code-before` | `MOD ISO 6892-1:2009` | 0.08 | 0 |
//! | `lower-code-before` | `idt ISO 8601:1988` | 0.03 | 0.35 |
//! | `chinese-verb` | `等同采用ISO 9001:2015`, `修改采用 ISO …`, `非等效采用 …`, `等效采用 …` | 0.17 | 0.25 |
//! | `symbol` (MOD only, else `ref-comma-code`) | `≈ISO/IEC Guide 21-1999` (hyphen year) | 0.05 | 0.10 |
//! | `degree-column` | 采标情况 `ISO 9001:2015`, 采用程度 `IDT` | 0.15 | 0.15 |
//! | `double-number` (IDT of ISO/IEC only, else `ref-comma-code`) | 标准号 `YD/T 1234-2019/ISO 9001:2015` | 0.10 | 0 |
//!
//! Outside `degree-column`, 采用程度 repeats the code with P = 0.3. Then the
//! declaration text gets full-width digits with P = 0.04 and the U+2236
//! ratio colon `∶` with P = 0.03; the 标准号 gets full-width digits with
//! P = 0.01.
//!
//! # English titles (correspondences)
//!
//! Applied in this order, each with its probability (the structural ones ×
//! 1.4 for MOD/EQV and × 2.2 for NEQ); every one applied is listed in the
//! `perturbations` column:
//!
//! | perturbation | P |
//! |---|---|
//! | `drop-it-prefix`: drop a leading `Information technology` element | 0.30 when present |
//! | `drop-part-prefix`: `Part 2: X` → `X` | 0.06 |
//! | `move-part-prefix`: `Part 2: X` → `X, Part 2` | 0.04 |
//! | `drop-last-element` (NEQ only, ≥ 3 elements) | 0.30 |
//! | `reorder-elements`: swap the first two non-part elements | 0.05 |
//! | `dash-em` `—` / `dash-em-spaced` ` — ` / `dash-en` ` – ` instead of ` - ` | 0.35 / 0.10 / 0.05 |
//! | `synonym`: one of specification/requirements, test method/testing method, determination/measurement, equipment/apparatus, vocabulary/terminology, guidelines/guide, characteristics/properties … | 0.20 |
//! | `american-spelling`: fibre/fiber, aluminium/aluminum, colour/color, tyre/tire, organisation/organization … | 0.15 |
//! | `add-specification-for` / `add-general-requirements-for` | 0.03 / 0.03 |
//! | `title-case` / `lower-case` / `upper-case` | 0.08 / 0.02 / 0.01 |
//!
//! # Chinese titles and Chinese-only rows
//!
//! The Chinese title is built from the *international* English title with
//! the glossary ([`Glossary::translate`]: greedy longest English phrase →
//! Chinese term, `X for Y` → `Y X`, elements joined with a space,
//! `Part n:` → `第n部分：`). When the glossary covers less than 60 % of
//! the content words the row keeps its English title whatever happens; when
//! it produces no Chinese at all (or there is no glossary), the Chinese
//! column repeats the English title (`zh-title-is-english`). Of the rows
//! whose translation covers ≥ 60 %, enough are made Chinese-only (empty
//! English title) to reach `chinese_only_share` separately among
//! correspondences and among domestic-only rows (so that "no English title"
//! says nothing about the kind); if too few correspondence titles are
//! covered, the realised share is lower.
//!
//! # Domestic-only rows
//!
//! Synthetic product-standard titles of a sector: sector (YD 20 %, SJ 15 %,
//! JB 15 %, QC 8 %, HG 8 %, others the rest; GB with `gbt_share`), one or
//! two nouns of the sector's ICS fields from the glossary (a small built-in
//! vocabulary without glossary) in a Chinese-specific template: `…技术要求`,
//! `…用…技术要求`, `…产品型号编制方法`, `…行业绿色工厂评价要求`,
//! `…单位产品能源消耗限额`, `…企业安全生产规范`, `…规格及尺寸`, `…质量分等`,
//! `…运行维护规程`, `…通用技术条件`, `…出厂检验规则`, `…包装、标志、运输和贮存`,
//! each with its English rendering. They carry no declaration.

pub mod glossary;
pub mod rng;
mod titles;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;

use serde::Serialize;

use crate::ident::{DocType, Family};
use crate::model::{Record, Side, Status};
pub use glossary::{Glossary, GlossaryEntry, Translation};
use rng::Rng;

/// Settings of one generation run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GenConfig {
    /// Number of domestic rows to generate.
    pub count: usize,
    /// Seed of the pseudo-random generator.
    pub seed: u64,
    /// Share of rows without an international counterpart.
    pub domestic_only_share: f64,
    /// Share of rows with an empty English title.
    pub chinese_only_share: f64,
    /// Share of correspondences with an empty declaration.
    pub undeclared_share: f64,
    /// Share of correspondences numbered as national standards (GB).
    pub gbt_share: f64,
    /// Share of correspondence rows adopting an outdated edition.
    pub outdated_share: f64,
    /// Share of correspondence rows in sibling-part series.
    pub hard_sibling_share: f64,
    /// Share of correspondence rows in domestic edition chains.
    pub hard_edition_share: f64,
    /// Catalogue snapshot year: no domestic date after `snapshot_year-06-30`.
    pub snapshot_year: u16,
}

impl Default for GenConfig {
    fn default() -> GenConfig {
        GenConfig {
            count: 1000,
            seed: 1,
            domestic_only_share: 0.45,
            chinese_only_share: 0.25,
            undeclared_share: 0.3,
            gbt_share: 0.25,
            outdated_share: 0.10,
            hard_sibling_share: 0.10,
            hard_edition_share: 0.06,
            snapshot_year: 2025,
        }
    }
}

impl GenConfig {
    /// Checks that every share is in `[0, 1]` and the kind shares leave room
    /// for plain adoptions.
    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [
            ("domestic-only share", self.domestic_only_share),
            ("chinese-only share", self.chinese_only_share),
            ("undeclared share", self.undeclared_share),
            ("GB/T share", self.gbt_share),
            ("outdated share", self.outdated_share),
            ("hard-sibling share", self.hard_sibling_share),
            ("hard-edition share", self.hard_edition_share),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("{name} must be between 0 and 1, got {v}"));
            }
        }
        if self.outdated_share + self.hard_sibling_share + self.hard_edition_share > 1.0 {
            return Err("outdated + hard-sibling + hard-edition shares exceed 1".into());
        }
        if !(1960..=2100).contains(&self.snapshot_year) {
            return Err(format!("snapshot year {} out of range", self.snapshot_year));
        }
        Ok(())
    }
}

/// Degree of correspondence of a true correspondence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Degree {
    /// Identical.
    Idt,
    /// Modified.
    Mod,
    /// Not equivalent.
    Neq,
    /// Legacy "equivalent" (domestic years before 2001).
    Eqv,
}

impl Degree {
    /// The upper-case code (`IDT`).
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::Idt => "IDT",
            Degree::Mod => "MOD",
            Degree::Neq => "NEQ",
            Degree::Eqv => "EQV",
        }
    }

    fn chinese_verb(self) -> &'static str {
        match self {
            Degree::Idt => "等同采用",
            Degree::Mod => "修改采用",
            Degree::Neq => "非等效采用",
            Degree::Eqv => "等效采用",
        }
    }
}

/// What a generated row is (the `kind` column of `truth_full.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Kind {
    /// Adoption of the latest edition of a work item.
    Adoption,
    /// Adoption of an edition that has a newer one.
    AdoptionOutdated,
    /// No international counterpart.
    DomesticOnly,
    /// Adoption of one part of a series whose other parts exist.
    HardSibling,
    /// One of two domestic editions adopting two editions of a work item.
    HardEdition,
}

impl Kind {
    /// The kebab-case name (`adoption-outdated`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Adoption => "adoption",
            Kind::AdoptionOutdated => "adoption-outdated",
            Kind::DomesticOnly => "domestic-only",
            Kind::HardSibling => "hard-sibling",
            Kind::HardEdition => "hard-edition",
        }
    }
}

/// How the correspondence is declared (see the module doc for examples).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum DeclFormat {
    /// No correspondence (domestic-only row).
    None,
    /// Correspondence with empty 采标情况 and 采用程度.
    Undeclared,
    /// `ISO 6892-1:2009, MOD`.
    RefCommaCode,
    /// `ISO 6892-1:2009,MOD`.
    RefCommaCodeNoSpace,
    /// `MOD ISO 6892-1:2009`.
    CodeBefore,
    /// `idt ISO 8601:1988`.
    LowerCodeBefore,
    /// `等同采用ISO 9001:2015`.
    ChineseVerb,
    /// `≈ISO/IEC Guide 21-1999`.
    Symbol,
    /// Reference in 采标情况, code only in 采用程度.
    DegreeColumn,
    /// `YD/T 1234-2019/ISO 9001:2015` in 标准号.
    DoubleNumber,
}

impl DeclFormat {
    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            DeclFormat::None => "none",
            DeclFormat::Undeclared => "undeclared",
            DeclFormat::RefCommaCode => "ref-comma-code",
            DeclFormat::RefCommaCodeNoSpace => "ref-comma-code-nospace",
            DeclFormat::CodeBefore => "code-before",
            DeclFormat::LowerCodeBefore => "lower-code-before",
            DeclFormat::ChineseVerb => "chinese-verb",
            DeclFormat::Symbol => "symbol",
            DeclFormat::DegreeColumn => "degree-column",
            DeclFormat::DoubleNumber => "double-number",
        }
    }

    /// Whether the row carries a declaration (any column).
    pub fn is_declared(self) -> bool {
        !matches!(self, DeclFormat::None | DeclFormat::Undeclared)
    }
}

/// Hidden metadata of a generated row (`truth_full.csv`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowMeta {
    /// Canonical domestic number (no double number, ASCII digits), as
    /// ingest displays it.
    pub id: String,
    /// Row kind.
    pub kind: Kind,
    /// The adopted international edition (record id), if any.
    pub international: Option<String>,
    /// True degree, if any.
    pub degree: Option<Degree>,
    /// Declaration format.
    pub format: DeclFormat,
    /// English title left empty.
    pub chinese_only: bool,
    /// Code root of the number (`YD`, `GB`).
    pub code: String,
    /// Perturbations applied to the titles and the declaration.
    pub perturbations: Vec<&'static str>,
    /// The international title the row was derived from (empty for
    /// domestic-only rows).
    pub source_title: String,
}

/// One row of `domestic.csv` (columns in [`DOMESTIC_HEADER`] order) plus
/// its hidden metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomesticRow {
    /// 标准号 as printed (may carry a double number or full-width digits).
    pub number: String,
    /// 中文标准名称.
    pub title_zh: String,
    /// 英文标准名称 (empty for Chinese-only rows).
    pub title_en: String,
    /// 国际标准分类号 (`;`-separated).
    pub ics: String,
    /// 中国标准分类号.
    pub ccs: String,
    /// 发布日期 `YYYY-MM-DD`.
    pub published: String,
    /// 实施日期 `YYYY-MM-DD`.
    pub implemented: String,
    /// 状态 (现行, 即将实施, 被代替, 废止).
    pub status: String,
    /// 代替标准.
    pub replaces: String,
    /// 采标情况.
    pub adoption: String,
    /// 采用程度.
    pub degree: String,
    /// 主管部门.
    pub department: String,
    /// 归口单位.
    pub committee: String,
    /// Hidden metadata, not written to `domestic.csv`.
    pub meta: RowMeta,
}

/// One true correspondence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TruthRow {
    /// Canonical domestic number.
    pub domestic: String,
    /// International record id (exact edition).
    pub international: String,
    /// Degree.
    pub degree: Degree,
}

/// A generated catalogue and its truth.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Generated {
    /// Domestic rows, in catalogue order.
    pub rows: Vec<DomesticRow>,
    /// One row per true correspondence, in catalogue order.
    pub truth: Vec<TruthRow>,
}

/// Counts describing a generated catalogue.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GenStats {
    /// Domestic rows.
    pub rows: usize,
    /// Truth rows.
    pub truth_rows: usize,
    /// Rows with an empty English title.
    pub chinese_only: usize,
    /// Correspondences without any declaration.
    pub undeclared: usize,
    /// Rows per kind.
    pub by_kind: BTreeMap<String, usize>,
    /// Correspondences per degree.
    pub by_degree: BTreeMap<String, usize>,
    /// Rows per declaration format.
    pub by_format: BTreeMap<String, usize>,
    /// Rows per code root.
    pub by_code: BTreeMap<String, usize>,
    /// Adopted international editions per family (`ISO`, `IEC`, `ISO/IEC`, `ITU-T`).
    pub by_family: BTreeMap<String, usize>,
}

impl Generated {
    /// Counts per kind, degree, declaration format and code.
    pub fn stats(&self) -> GenStats {
        let mut s = GenStats { rows: self.rows.len(), truth_rows: self.truth.len(), ..GenStats::default() };
        for r in &self.rows {
            let m = &r.meta;
            *s.by_kind.entry(m.kind.as_str().into()).or_default() += 1;
            *s.by_format.entry(m.format.as_str().into()).or_default() += 1;
            *s.by_code.entry(m.code.clone()).or_default() += 1;
            if let Some(d) = m.degree {
                *s.by_degree.entry(d.as_str().into()).or_default() += 1;
            }
            if m.chinese_only {
                s.chinese_only += 1;
            }
            if m.format == DeclFormat::Undeclared {
                s.undeclared += 1;
            }
            if let Some(i) = &m.international {
                let fam = i.split([' ', '/']).next().unwrap_or("");
                let fam = if i.starts_with("ISO/IEC") { "ISO/IEC" } else { fam };
                *s.by_family.entry(fam.into()).or_default() += 1;
            }
        }
        s
    }
}

/// The header of `domestic.csv`, exactly as Chinese platforms export it.
pub const DOMESTIC_HEADER: [&str; 13] = [
    "标准号",
    "中文标准名称",
    "英文标准名称",
    "国际标准分类号",
    "中国标准分类号",
    "发布日期",
    "实施日期",
    "状态",
    "代替标准",
    "采标情况",
    "采用程度",
    "主管部门",
    "归口单位",
];

fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(w)
}

/// Writes `domestic.csv`: [`DOMESTIC_HEADER`] then one line per row.
pub fn write_domestic_csv<W: Write>(w: W, rows: &[DomesticRow]) -> std::io::Result<()> {
    let mut out = csv_writer(w);
    out.write_record(DOMESTIC_HEADER)?;
    for r in rows {
        out.write_record([
            &r.number,
            &r.title_zh,
            &r.title_en,
            &r.ics,
            &r.ccs,
            &r.published,
            &r.implemented,
            &r.status,
            &r.replaces,
            &r.adoption,
            &r.degree,
            &r.department,
            &r.committee,
        ])?;
    }
    out.flush()
}

/// Writes `truth.csv`: `domestic,international,degree`.
pub fn write_truth_csv<W: Write>(w: W, truth: &[TruthRow]) -> std::io::Result<()> {
    let mut out = csv_writer(w);
    out.write_record(["domestic", "international", "degree"])?;
    for t in truth {
        out.write_record([&t.domestic, &t.international, t.degree.as_str()])?;
    }
    out.flush()
}

/// Writes `truth_full.csv`: one line per domestic row with its hidden
/// metadata (`domestic,international,degree,kind,declaration_format,
/// declared,chinese_only,code,perturbations,source_title`).
pub fn write_truth_full_csv<W: Write>(w: W, rows: &[DomesticRow]) -> std::io::Result<()> {
    let mut out = csv_writer(w);
    out.write_record([
        "domestic",
        "international",
        "degree",
        "kind",
        "declaration_format",
        "declared",
        "chinese_only",
        "code",
        "perturbations",
        "source_title",
    ])?;
    for r in rows {
        let m = &r.meta;
        out.write_record([
            m.id.as_str(),
            m.international.as_deref().unwrap_or(""),
            m.degree.map(Degree::as_str).unwrap_or(""),
            m.kind.as_str(),
            m.format.as_str(),
            if m.format.is_declared() { "true" } else { "false" },
            if m.chinese_only { "true" } else { "false" },
            m.code.as_str(),
            m.perturbations.join(";").as_str(),
            m.source_title.as_str(),
        ])?;
    }
    out.flush()
}

// ---------------------------------------------------------------------------
// Sector table

/// A Chinese code the generator numbers standards with.
struct Sector {
    code: &'static str,
    /// ICS fields of its vocabulary (domestic-only titles).
    fields: &'static [&'static str],
    ccs: char,
    committees: &'static [&'static str],
    /// Weight among sectors for domestic-only rows.
    weight: f64,
}

const SECTORS: &[Sector] = &[
    Sector { code: "YD", fields: &["33"], ccs: 'M', committees: &["中国通信标准化协会"], weight: 0.20 },
    Sector {
        code: "SJ",
        fields: &["31", "35"],
        ccs: 'L',
        committees: &["工业和信息化部电子工业标准化研究院", "全国电子设备用机电元件标准化技术委员会"],
        weight: 0.15,
    },
    Sector {
        code: "QC", fields: &["43"], ccs: 'T', committees: &["全国汽车标准化技术委员会"], weight: 0.08
    },
    Sector {
        code: "JB",
        fields: &["21", "23", "25", "53"],
        ccs: 'J',
        committees: &["中国机械工业联合会", "全国机床标准化技术委员会", "全国泵标准化技术委员会"],
        weight: 0.15,
    },
    Sector {
        code: "HG",
        fields: &["71", "83", "87"],
        ccs: 'G',
        committees: &["全国化学标准化技术委员会", "全国橡胶与橡胶制品标准化技术委员会"],
        weight: 0.08,
    },
    Sector {
        code: "SH",
        fields: &["75"],
        ccs: 'E',
        committees: &["全国石油产品和润滑剂标准化技术委员会"],
        weight: 0.04,
    },
    Sector { code: "YB", fields: &["77"], ccs: 'H', committees: &["全国钢标准化技术委员会"], weight: 0.04 },
    Sector {
        code: "YS", fields: &["77"], ccs: 'H', committees: &["全国有色金属标准化技术委员会"], weight: 0.04
    },
    Sector {
        code: "XB", fields: &["77"], ccs: 'H', committees: &["全国稀土标准化技术委员会"], weight: 0.01
    },
    Sector { code: "JC", fields: &["91", "81"], ccs: 'Q', committees: &["中国建筑材料联合会"], weight: 0.04 },
    Sector {
        code: "FZ", fields: &["59", "61"], ccs: 'W', committees: &["全国纺织品标准化技术委员会"], weight: 0.04
    },
    Sector {
        code: "QB",
        fields: &["97", "55", "85"],
        ccs: 'Y',
        committees: &["中国轻工业联合会", "全国家用电器标准化技术委员会"],
        weight: 0.04,
    },
    Sector {
        code: "BB", fields: &["55"], ccs: 'A', committees: &["全国包装标准化技术委员会"], weight: 0.01
    },
    Sector {
        code: "CB", fields: &["47"], ccs: 'U', committees: &["全国船舶标准化技术委员会"], weight: 0.02
    },
    Sector { code: "HB", fields: &["49"], ccs: 'V', committees: &["中国航空综合技术研究所"], weight: 0.02 },
    Sector { code: "QJ", fields: &["49"], ccs: 'V', committees: &["中国航天标准化研究所"], weight: 0.01 },
    Sector {
        code: "WJ", fields: &["71"], ccs: 'G', committees: &["中国兵器工业标准化研究所"], weight: 0.005
    },
    Sector { code: "EJ", fields: &["27"], ccs: 'F', committees: &["核工业标准化研究所"], weight: 0.01 },
];

const GB_COMMITTEES: &[&str] = &[
    "全国信息技术标准化技术委员会",
    "全国通信标准化技术委员会",
    "全国电工电子产品环境条件与环境试验标准化技术委员会",
    "全国钢标准化技术委员会",
    "全国汽车标准化技术委员会",
    "全国塑料标准化技术委员会",
    "全国机械安全标准化技术委员会",
    "全国纺织品标准化技术委员会",
];

fn sector(code: &str) -> Option<&'static Sector> {
    SECTORS.iter().find(|s| s.code == code)
}

/// The sector an international record falls in (DOMAIN §4.3), if any.
fn sector_of(r: &Record, rng: &mut Rng) -> Option<&'static str> {
    if r.reference.family == Family::ItuT {
        return Some("YD");
    }
    let c = r.committee.replace(' ', "");
    if c.contains("JTC1") {
        if c.ends_with("SC6") || c.ends_with("SC25") || c.contains("SC6/") || c.contains("SC25/") {
            return Some("YD");
        }
        return Some("SJ");
    }
    for ics in &r.ics {
        if ics.starts_with("27.120") {
            return Some("EJ");
        }
        if ics.starts_with("71.100.30") {
            return Some("WJ");
        }
        let field = ics.get(..2).unwrap_or("");
        let s = match field {
            "33" => "YD",
            "31" | "35" => "SJ",
            "43" => "QC",
            "21" | "23" | "25" | "53" => "JB",
            "71" | "83" | "87" => "HG",
            "75" => "SH",
            "77" if ics.starts_with("77.120") => "YS",
            "77" => "YB",
            "73" => "YS",
            "91" | "81" => "JC",
            "59" | "61" => "FZ",
            "97" | "85" => "QB",
            "55" => {
                if rng.chance(0.4) {
                    "BB"
                } else {
                    "QB"
                }
            }
            "47" => "CB",
            "49" if ics.starts_with("49.140") => "QJ",
            "49" => "HB",
            _ => continue,
        };
        return Some(s);
    }
    None
}

/// CCS first letter for an ICS field (GB numbers).
fn ccs_letter_for_field(field: &str) -> char {
    match field {
        "01" | "03" | "07" | "55" => 'A',
        "11" => 'C',
        "13" => 'Z',
        "17" | "19" | "37" => 'N',
        "21" | "23" | "25" | "53" => 'J',
        "27" => 'F',
        "29" => 'K',
        "31" | "35" => 'L',
        "33" => 'M',
        "43" => 'T',
        "45" => 'S',
        "47" => 'U',
        "49" => 'V',
        "59" | "61" => 'W',
        "65" | "79" => 'B',
        "67" => 'X',
        "71" | "83" | "87" => 'G',
        "73" => 'D',
        "75" => 'E',
        "77" => 'H',
        "81" | "91" => 'Q',
        "93" => 'P',
        "85" | "97" => 'Y',
        _ => 'A',
    }
}

// ---------------------------------------------------------------------------
// International pool

/// Family bucket: 0 ISO, 1 IEC (incl. ISO/IEC), 2 ITU-T.
const BUCKET_WEIGHTS: [f64; 3] = [0.55, 0.35, 0.10];

struct Item {
    rec: usize,
    work: usize,
    year: u16,
    /// Numeric part chain, when every part is numeric.
    parts: Vec<String>,
}

struct Work {
    /// Item indices, oldest first.
    editions: Vec<usize>,
    bucket: usize,
}

struct Pool {
    items: Vec<Item>,
    works: Vec<Work>,
    /// Series (same publisher and number) with ≥ 2 part work items; each
    /// list sorted by parts.
    series: Vec<Vec<usize>>,
    bucket_works: [Vec<usize>; 3],
    multi_works: [Vec<usize>; 3],
    /// Items of 1999 or earlier (EQV candidates).
    old_items: Vec<usize>,
}

/// Oldest international edition adopted: Chinese catalogues in use start
/// around 1980.
const MIN_SOURCE_YEAR: u16 = 1979;

fn eligible(r: &Record, snapshot_year: u16) -> Option<u16> {
    let rf = &r.reference;
    if r.side != Side::International
        || rf.is_supplement()
        || !rf.supplements.is_empty()
        || rf.vap.is_some()
        || rf.stage.is_some()
        || r.title_en.trim().is_empty()
        || r.title_en.chars().count() < 8
    {
        return None;
    }
    if !matches!(
        r.status,
        Status::Current | Status::RevisionPending | Status::WithdrawalPending | Status::Superseded | Status::Withdrawn
    ) {
        return None;
    }
    match rf.family {
        Family::Iso | Family::Iec | Family::IsoIec => {
            if rf.doc_type != DocType::Is {
                return None;
            }
        }
        Family::ItuT => {
            if !matches!(rf.doc_type, DocType::Rec | DocType::Is) || !rf.parts.is_empty() {
                return None;
            }
        }
        _ => return None,
    }
    let year = rf.year.or_else(|| r.year())?;
    (MIN_SOURCE_YEAR..snapshot_year).contains(&year).then_some(year)
}

fn bucket_of(f: Family) -> usize {
    match f {
        Family::Iso => 0,
        Family::Iec | Family::IsoIec => 1,
        _ => 2,
    }
}

impl Pool {
    fn build(records: &[Record], snapshot_year: u16, rng: &mut Rng) -> Pool {
        let mut items = Vec::new();
        let mut works: Vec<Work> = Vec::new();
        let mut work_ids: HashMap<String, usize> = HashMap::new();
        let mut seen_ids: HashSet<&str> = HashSet::new();
        for (i, r) in records.iter().enumerate() {
            let Some(year) = eligible(r, snapshot_year) else {
                continue;
            };
            if !seen_ids.insert(r.id.as_str()) {
                continue;
            }
            let wk = r.reference.work_item();
            let next = works.len();
            let w = *work_ids.entry(wk).or_insert(next);
            if w == next {
                works.push(Work { editions: Vec::new(), bucket: bucket_of(r.reference.family) });
            }
            let parts = if r
                .reference
                .parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            {
                r.reference.parts.clone()
            } else {
                Vec::new()
            };
            works[w].editions.push(items.len());
            items.push(Item { rec: i, work: w, year, parts });
        }
        for w in &mut works {
            w.editions.sort_by_key(|&e| (items[e].year, e));
        }
        // Series of part work items.
        let mut series_ids: HashMap<String, usize> = HashMap::new();
        let mut series: Vec<Vec<usize>> = Vec::new();
        for (wi, w) in works.iter().enumerate() {
            let latest = &items[*w.editions.last().expect("work has an edition")];
            if latest.parts.is_empty() {
                continue;
            }
            let rf = &records[latest.rec].reference;
            let key = format!("{} {}", rf.publisher, rf.number);
            let next = series.len();
            let s = *series_ids.entry(key).or_insert(next);
            if s == next {
                series.push(Vec::new());
            }
            series[s].push(wi);
        }
        series.retain(|s| s.len() >= 2);
        for s in &mut series {
            s.sort_by_key(|&w| {
                let it = &items[*works[w].editions.last().expect("edition")];
                it.parts.iter().map(|p| p.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>()
            });
        }
        rng.shuffle(&mut series);
        let mut bucket_works: [Vec<usize>; 3] = Default::default();
        let mut multi_works: [Vec<usize>; 3] = Default::default();
        for (wi, w) in works.iter().enumerate() {
            bucket_works[w.bucket].push(wi);
            if w.editions.len() >= 2 {
                multi_works[w.bucket].push(wi);
            }
        }
        for b in 0..3 {
            rng.shuffle(&mut bucket_works[b]);
            rng.shuffle(&mut multi_works[b]);
        }
        let mut old_items: Vec<usize> = (0..items.len()).filter(|&i| items[i].year <= 1999).collect();
        rng.shuffle(&mut old_items);
        Pool { items, works, series, bucket_works, multi_works, old_items }
    }
}

/// Cursor-based sampling without replacement, with reuse once exhausted.
struct Sampler {
    used_work: Vec<bool>,
    cur_bucket: [usize; 3],
    cur_multi: [usize; 3],
    cur_old: usize,
    cur_series: usize,
}

impl Sampler {
    fn new(pool: &Pool) -> Sampler {
        Sampler {
            used_work: vec![false; pool.works.len()],
            cur_bucket: [0; 3],
            cur_multi: [0; 3],
            cur_old: 0,
            cur_series: 0,
        }
    }

    fn pick_bucket(&self, pool: &Pool, lists: &[Vec<usize>; 3], rng: &mut Rng) -> Option<usize> {
        let w: Vec<f64> = (0..3).map(|b| if lists[b].is_empty() { 0.0 } else { BUCKET_WEIGHTS[b] }).collect();
        if w.iter().all(|x| *x == 0.0) || pool.works.is_empty() {
            return None;
        }
        Some(rng.weighted(&w))
    }

    /// An unused work item (any bucket, family-weighted); a reused one when
    /// all are used.
    fn plain(&mut self, pool: &Pool, rng: &mut Rng) -> Option<usize> {
        let b0 = self.pick_bucket(pool, &pool.bucket_works, rng)?;
        for k in 0..3 {
            let b = (b0 + k) % 3;
            let list = &pool.bucket_works[b];
            while self.cur_bucket[b] < list.len() {
                let w = list[self.cur_bucket[b]];
                self.cur_bucket[b] += 1;
                if !self.used_work[w] {
                    self.used_work[w] = true;
                    return Some(w);
                }
            }
        }
        // Everything adopted once: reuse.
        let list = &pool.bucket_works[b0];
        rng.pick(list).copied()
    }

    /// An unused work item with at least two editions.
    fn multi(&mut self, pool: &Pool, rng: &mut Rng) -> Option<usize> {
        let b0 = self.pick_bucket(pool, &pool.multi_works, rng)?;
        for k in 0..3 {
            let b = (b0 + k) % 3;
            let list = &pool.multi_works[b];
            while self.cur_multi[b] < list.len() {
                let w = list[self.cur_multi[b]];
                self.cur_multi[b] += 1;
                if !self.used_work[w] {
                    self.used_work[w] = true;
                    return Some(w);
                }
            }
        }
        None
    }

    /// An unused edition of 1999 or earlier.
    fn old(&mut self, pool: &Pool) -> Option<usize> {
        while self.cur_old < pool.old_items.len() {
            let it = pool.old_items[self.cur_old];
            self.cur_old += 1;
            let w = pool.items[it].work;
            if !self.used_work[w] {
                self.used_work[w] = true;
                return Some(it);
            }
        }
        None
    }

    /// 1–3 consecutive unused parts of a series.
    fn siblings(&mut self, pool: &Pool, rng: &mut Rng) -> Option<Vec<usize>> {
        while self.cur_series < pool.series.len() {
            let s = &pool.series[self.cur_series];
            self.cur_series += 1;
            let free: Vec<usize> = s.iter().copied().filter(|&w| !self.used_work[w]).collect();
            if free.is_empty() {
                continue;
            }
            let k = 1 + rng.below(3.min(free.len()));
            let start = rng.below(free.len() - k + 1);
            let chosen: Vec<usize> = free[start..start + k].to_vec();
            for &w in &chosen {
                self.used_work[w] = true;
            }
            return Some(chosen);
        }
        None
    }
}

// ---------------------------------------------------------------------------
// Numbering and dates

struct Numbering {
    used: HashSet<(&'static str, u32)>,
}

/// A domestic number before the year.
#[derive(Clone)]
struct DomNumber {
    /// Code root (`GB`, `YD`).
    root: &'static str,
    /// `""`, `/T`.
    suffix: &'static str,
    seq: u32,
}

impl DomNumber {
    fn format(&self, parts: &[String], year: u16) -> String {
        let mut s = format!("{}{} {}", self.root, self.suffix, self.seq);
        for p in parts {
            s.push('.');
            s.push_str(p);
        }
        s.push_str(&format!("-{year}"));
        s
    }
}

impl Numbering {
    fn alloc(&mut self, root: &'static str, rng: &mut Rng) -> u32 {
        let (lo, hi) = if root == "GB" { (10000, 45999) } else { (1000, 9999) };
        let ok = |s: u32| !(root == "YD" && (5000..6000).contains(&s));
        for _ in 0..32 {
            let s = rng.range(lo, hi);
            if ok(s) && self.used.insert((root, s)) {
                return s;
            }
        }
        // Crowded: scan from a random start over an extended range.
        let (lo, hi) = if root == "GB" { (10000, 99999) } else { (1000, 99999) };
        let span = hi - lo + 1;
        let start = rng.below(span as usize) as u32;
        for k in 0..span {
            let s = lo + (start + k) % span;
            if ok(s) && self.used.insert((root, s)) {
                return s;
            }
        }
        // 90,000 numbers per code exhausted: go beyond.
        let mut s = 100_000;
        while !self.used.insert((root, s)) {
            s += 1;
        }
        s
    }

    fn number(&mut self, root: &'static str, rng: &mut Rng) -> DomNumber {
        let mandatory = if root == "GB" { 0.06 } else { 0.08 };
        let suffix = if rng.chance(mandatory) { "" } else { "/T" };
        let seq = self.alloc(root, rng);
        DomNumber { root, suffix, seq }
    }
}

/// Lag in years between an international edition and its adoption.
fn lag(rng: &mut Rng) -> u16 {
    1 + rng.weighted(&[0.30, 0.25, 0.18, 0.12, 0.09, 0.06]) as u16
}

struct Dates {
    published: String,
    implemented: String,
    upcoming: bool,
}

fn dates(year: u16, snapshot_year: u16, rng: &mut Rng) -> Dates {
    let max_month = if year >= snapshot_year { 6 } else { 12 };
    let m = rng.range(1, max_month) as u16;
    let d = rng.range(1, 28);
    let add = rng.range(3, 6) as u16;
    let (iy, im) = if m + add > 12 { (year + 1, m + add - 12) } else { (year, m + add) };
    let upcoming = (iy, im) > (snapshot_year, 6);
    Dates { published: format!("{year:04}-{m:02}-{d:02}"), implemented: format!("{iy:04}-{im:02}-{d:02}"), upcoming }
}

fn status_word(year: u16, rng: &mut Rng) -> &'static str {
    let w = if year < 2005 { [0.60, 0.25, 0.15] } else { [0.90, 0.06, 0.04] };
    ["现行", "被代替", "废止"][rng.weighted(&w)]
}

fn full_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(0xFF10 + (c as u32 - '0' as u32)).unwrap_or(c) } else { c })
        .collect()
}

// ---------------------------------------------------------------------------
// Declarations

struct Declared {
    format: DeclFormat,
    adoption: String,
    degree_col: String,
    double: Option<String>,
    tags: Vec<&'static str>,
}

/// `ISO 9001:2015` → `ISO 9001-2015` (hyphen year), when written with `:`.
fn hyphen_year(id: &str) -> Option<String> {
    let (head, year) = id.rsplit_once(':')?;
    (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())).then(|| format!("{head}-{year}"))
}

fn declare(rec: &Record, degree: Degree, dom_year: u16, undeclared: f64, rng: &mut Rng) -> Declared {
    let mut tags = Vec::new();
    if rng.chance(undeclared) {
        return Declared {
            format: DeclFormat::Undeclared,
            adoption: String::new(),
            degree_col: String::new(),
            double: None,
            tags,
        };
    }
    use DeclFormat as F;
    let (formats, weights): (&[F], &[f64]) = if dom_year <= 2000 {
        (
            &[F::RefCommaCode, F::LowerCodeBefore, F::ChineseVerb, F::Symbol, F::DegreeColumn],
            &[0.15, 0.35, 0.25, 0.10, 0.15],
        )
    } else {
        (
            &[
                F::RefCommaCode,
                F::RefCommaCodeNoSpace,
                F::CodeBefore,
                F::LowerCodeBefore,
                F::ChineseVerb,
                F::Symbol,
                F::DegreeColumn,
                F::DoubleNumber,
            ],
            &[0.30, 0.12, 0.08, 0.03, 0.17, 0.05, 0.15, 0.10],
        )
    };
    let mut format = formats[rng.weighted(weights)];
    let id = rec.id.as_str();
    let iso_like = matches!(rec.reference.family, Family::Iso | Family::Iec | Family::IsoIec);
    if format == F::Symbol && (degree != Degree::Mod || hyphen_year(id).is_none()) {
        format = F::RefCommaCode;
    }
    if format == F::DoubleNumber && (degree != Degree::Idt || !iso_like) {
        format = F::RefCommaCode;
    }
    let code = degree.as_str();
    let mut degree_col = if rng.chance(0.3) { code.to_string() } else { String::new() };
    let mut double = None;
    let mut adoption = match format {
        F::RefCommaCode => format!("{id}, {code}"),
        F::RefCommaCodeNoSpace => format!("{id},{code}"),
        F::CodeBefore => format!("{code} {id}"),
        F::LowerCodeBefore => format!("{} {id}", code.to_lowercase()),
        F::ChineseVerb => {
            let sp = if rng.chance(0.5) { " " } else { "" };
            format!("{}{sp}{id}", degree.chinese_verb())
        }
        F::Symbol => format!("≈{}", hyphen_year(id).unwrap_or_else(|| id.to_string())),
        F::DegreeColumn => {
            degree_col = code.to_string();
            id.to_string()
        }
        F::DoubleNumber => {
            double = Some(id.to_string());
            String::new()
        }
        F::None | F::Undeclared => String::new(),
    };
    if !adoption.is_empty() {
        if rng.chance(0.04) {
            adoption = full_width_digits(&adoption);
            tags.push("decl-full-width");
        } else if rng.chance(0.03) && adoption.contains(':') {
            adoption = adoption.replace(':', "∶");
            tags.push("decl-ratio-colon");
        }
    }
    Declared { format, adoption, degree_col, double, tags }
}

// ---------------------------------------------------------------------------
// Domestic-only vocabulary

/// Built-in nouns per field, used when the glossary has none.
const BUILTIN_NOUNS: &[(&str, &str, &str)] = &[
    ("33", "光缆", "optical fibre cables"),
    ("33", "基站天线", "base station antennas"),
    ("33", "光纤配线架", "optical distribution frames"),
    ("31", "片式电阻器", "chip resistors"),
    ("35", "数据中心", "data centres"),
    ("35", "工业互联网平台", "industrial internet platforms"),
    ("43", "电动汽车充电接口", "charging interfaces of electric vehicles"),
    ("43", "汽车座椅", "vehicle seats"),
    ("21", "滚动轴承", "rolling bearings"),
    ("23", "离心泵", "centrifugal pumps"),
    ("25", "数控机床", "numerically controlled machine tools"),
    ("53", "起重机", "cranes"),
    ("71", "工业硫酸", "sulfuric acid for industrial use"),
    ("83", "输送带", "conveyor belts"),
    ("87", "建筑涂料", "architectural coatings"),
    ("75", "润滑油", "lubricating oils"),
    ("77", "冷轧钢板", "cold rolled steel sheets"),
    ("77", "铝合金型材", "aluminium alloy profiles"),
    ("91", "水泥", "cement"),
    ("81", "耐火砖", "refractory bricks"),
    ("59", "纺织面料", "textile fabrics"),
    ("61", "衬衫", "shirts"),
    ("97", "家用电冰箱", "household refrigerators"),
    ("55", "瓦楞纸箱", "corrugated boxes"),
    ("85", "纸浆", "pulps"),
    ("47", "船用阀门", "marine valves"),
    ("49", "航空紧固件", "aerospace fasteners"),
    ("27", "核级阀门", "nuclear grade valves"),
];

/// (Chinese template, English template); `{A}` a modifier noun, `{B}` the
/// product noun.
const TEMPLATES: &[(&str, &str)] = &[
    ("{B}技术要求", "Technical requirements for {B}"),
    ("{A}用{B}技术要求", "Technical requirements for {B} used in {A}"),
    ("{B}产品型号编制方法", "Compilation method of product type designation for {B}"),
    ("{B}行业绿色工厂评价要求", "Requirements of green factory evaluation for {B} industry"),
    ("{B}单位产品能源消耗限额", "The norm of energy consumption per unit product of {B}"),
    ("{B}企业安全生产规范", "Code of safe production for {B} enterprises"),
    ("{B}规格及尺寸", "Specifications and dimensions of {B}"),
    ("{B}质量分等", "Quality grading of {B}"),
    ("{A}{B}运行维护规程", "Operation and maintenance code for {A} {B}"),
    ("{B}通用技术条件", "General technical conditions for {B}"),
    ("{B}出厂检验规则", "Rules for factory inspection of {B}"),
    ("{B}包装、标志、运输和贮存", "Packing, marking, transportation and storage of {B}"),
];

struct Vocab {
    /// Field → (zh, en) nouns.
    by_field: BTreeMap<String, Vec<(String, String)>>,
    /// Field → ICS codes seen in the international catalogue.
    ics_by_field: BTreeMap<String, Vec<String>>,
}

impl Vocab {
    fn build(records: &[Record], glossary: Option<&Glossary>) -> Vocab {
        let mut by_field: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        let fields: Vec<&str> = SECTORS.iter().flat_map(|s| s.fields.iter().copied()).collect();
        for f in &fields {
            if by_field.contains_key(*f) {
                continue;
            }
            let mut v: Vec<(String, String)> = glossary
                .map(|g| g.nouns_of_field(f).into_iter().map(|e| (e.zh.clone(), e.en[0].clone())).collect())
                .unwrap_or_default();
            if v.len() < 3 {
                v.extend(
                    BUILTIN_NOUNS
                        .iter()
                        .filter(|(bf, _, _)| bf == f)
                        .map(|(_, zh, en)| (zh.to_string(), en.to_string())),
                );
            }
            if v.is_empty() {
                v.push(("产品".into(), "products".into()));
            }
            by_field.insert(f.to_string(), v);
        }
        let mut ics_by_field: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for r in records {
            for c in &r.ics {
                if c.len() >= 6 && seen.insert(c.as_str()) {
                    if let Some(f) = c.get(..2) {
                        ics_by_field.entry(f.to_string()).or_default().push(c.clone());
                    }
                }
            }
        }
        Vocab { by_field, ics_by_field }
    }
}

// ---------------------------------------------------------------------------
// The generator

struct Ctx<'a> {
    records: &'a [Record],
    glossary: Option<&'a Glossary>,
    cfg: &'a GenConfig,
    rng: Rng,
    numbering: Numbering,
    rows: Vec<DomesticRow>,
    /// Chinese-only controller: (rows seen, Chinese-only) for
    /// correspondences [0] and domestic-only rows [1].
    zh_only: [(usize, usize); 2],
}

impl Ctx<'_> {
    fn choose_root(&mut self, rec: Option<&Record>) -> &'static str {
        if self.rng.chance(self.cfg.gbt_share) {
            return "GB";
        }
        match rec {
            Some(r) => sector_of(r, &mut self.rng).unwrap_or("GB"),
            None => {
                let w: Vec<f64> = SECTORS.iter().map(|s| s.weight).collect();
                SECTORS[self.rng.weighted(&w)].code
            }
        }
    }

    /// 归口单位 and 主管部门 for a code root; a GB number takes the
    /// committee of `topic` (the sector its subject falls in) when known.
    fn committee_and_department(&mut self, root: &str, topic: Option<&str>) -> (String, String) {
        if root == "GB" {
            if let Some(s) = topic.and_then(sector) {
                let c = self.rng.pick(s.committees).copied().unwrap_or("");
                let d = if self.rng.chance(0.6) { "工业和信息化部" } else { "国家标准化管理委员会" };
                return (c.to_string(), d.to_string());
            }
        }
        match sector(root) {
            Some(s) => (self.rng.pick(s.committees).copied().unwrap_or("").to_string(), "工业和信息化部".to_string()),
            None => {
                let c = self.rng.pick(GB_COMMITTEES).copied().unwrap_or("");
                let d = if self.rng.chance(0.6) { "工业和信息化部" } else { "国家标准化管理委员会" };
                (c.to_string(), d.to_string())
            }
        }
    }

    fn ccs(&mut self, root: &str, field: &str) -> String {
        let letter = sector(root).map(|s| s.ccs).unwrap_or_else(|| ccs_letter_for_field(field));
        format!("{letter}{:02}", self.rng.range(1, 99))
    }

    /// Whether this row becomes Chinese-only (class 0: correspondence,
    /// 1: domestic-only), given that its Chinese title is good enough.
    fn chinese_only(&mut self, class: usize, coverable: bool) -> bool {
        let share = self.cfg.chinese_only_share;
        let (seen, co) = self.zh_only[class];
        self.zh_only[class].0 += 1;
        if !coverable || share <= 0.0 {
            return false;
        }
        let behind = (co as f64) < share * (seen + 1) as f64;
        let p = if behind { 0.9 } else { share * 0.3 };
        let yes = self.rng.chance(p);
        if yes {
            self.zh_only[class].1 += 1;
        }
        yes
    }

    /// Emits one correspondence row adopting `records[rec]`; returns the
    /// canonical domestic number.
    #[allow(clippy::too_many_arguments)]
    fn emit_adoption(
        &mut self,
        rec: usize,
        kind: Kind,
        degree: Degree,
        num: &DomNumber,
        parts: &[String],
        dom_year: u16,
        status_override: Option<&'static str>,
        replaces: Option<String>,
    ) -> String {
        let rec = &self.records[rec];
        let id = num.format(parts, dom_year);
        let field = rec
            .ics
            .first()
            .and_then(|c| c.get(..2))
            .unwrap_or(if rec.reference.family == Family::ItuT { "33" } else { "00" })
            .to_string();
        let (title_en, mut tags) = titles::perturb(&rec.title_en, Some(degree), &mut self.rng);
        let (title_zh, coverable) = match self.glossary {
            Some(g) => {
                let t = g.translate(&rec.title_en, &field);
                let has_cjk = t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                if has_cjk {
                    let cov = t.coverage() >= 0.6;
                    (t.zh, cov)
                } else {
                    tags.push("zh-title-is-english");
                    (rec.title_en.clone(), false)
                }
            }
            None => {
                tags.push("zh-title-is-english");
                (rec.title_en.clone(), false)
            }
        };
        let chinese_only = self.chinese_only(0, coverable);
        let d = declare(rec, degree, dom_year, self.cfg.undeclared_share, &mut self.rng);
        tags.extend(d.tags.iter().copied());
        let mut number = match &d.double {
            Some(dbl) => format!("{id}/{dbl}"),
            None => id.clone(),
        };
        if self.rng.chance(0.01) {
            number = full_width_digits(&number);
            tags.push("number-full-width");
        }
        let dt = dates(dom_year, self.cfg.snapshot_year, &mut self.rng);
        let status = if dt.upcoming {
            "即将实施"
        } else {
            status_override.unwrap_or_else(|| status_word(dom_year, &mut self.rng))
        };
        let replaces = match replaces {
            Some(r) => r,
            None => self.phantom_replaces(num, parts, dom_year),
        };
        let ics = rec.ics.iter().take(2).cloned().collect::<Vec<_>>().join(";");
        let ccs = self.ccs(num.root, &field);
        let topic = sector_of(rec, &mut self.rng);
        let (committee, department) = self.committee_and_department(num.root, topic);
        self.rows.push(DomesticRow {
            number,
            title_zh,
            title_en: if chinese_only { String::new() } else { title_en },
            ics,
            ccs,
            published: dt.published,
            implemented: dt.implemented,
            status: status.to_string(),
            replaces,
            adoption: d.adoption,
            degree: d.degree_col,
            department,
            committee,
            meta: RowMeta {
                id: id.clone(),
                kind,
                international: Some(rec.id.clone()),
                degree: Some(degree),
                format: d.format,
                chinese_only,
                code: num.root.to_string(),
                perturbations: tags,
                source_title: rec.title_en.clone(),
            },
        });
        id
    }

    /// 12 %: a previous edition of the same number, not in the catalogue.
    fn phantom_replaces(&mut self, num: &DomNumber, parts: &[String], year: u16) -> String {
        if self.rng.chance(0.12) {
            let back = self.rng.range(3, 10) as u16;
            if year >= 1985 + back {
                return num.format(parts, year - back);
            }
        }
        String::new()
    }
}

/// Domestic year for an international edition year.
fn domestic_year(int_year: u16, degree: Degree, snapshot_year: u16, rng: &mut Rng) -> u16 {
    let mut y = int_year + lag(rng);
    if degree == Degree::Eqv {
        y = y.min(2000);
    }
    y.min(snapshot_year).max(int_year)
}

fn draw_degree(rng: &mut Rng, allow_eqv: bool, eqv_weight: f64) -> Degree {
    let w = [0.45, 0.35, 0.15, if allow_eqv { eqv_weight } else { 0.0 }];
    [Degree::Idt, Degree::Mod, Degree::Neq, Degree::Eqv][rng.weighted(&w)]
}

/// Generates a domestic catalogue of `cfg.count` rows from international
/// records (other sides are ignored). See the module doc for the model.
pub fn generate(international: &[Record], glossary: Option<&Glossary>, cfg: &GenConfig) -> Generated {
    let mut rng = Rng::new(cfg.seed);
    let pool = Pool::build(international, cfg.snapshot_year, &mut rng);
    let vocab = Vocab::build(international, glossary);
    let n_corr =
        if pool.items.is_empty() { 0 } else { ((cfg.count as f64) * (1.0 - cfg.domestic_only_share)).round() as usize };
    let n_corr = n_corr.min(cfg.count);
    let mut g = Gen {
        pool,
        ctx: Ctx {
            records: international,
            glossary,
            cfg,
            rng,
            numbering: Numbering { used: HashSet::new() },
            rows: Vec::with_capacity(cfg.count),
            zh_only: [(0, 0); 2],
        },
    };
    g.correspondences(n_corr);
    while g.ctx.rows.len() < cfg.count {
        g.domestic_only(&vocab);
    }
    let mut rows = g.ctx.rows;
    let mut rng = g.ctx.rng;
    rng.shuffle(&mut rows);
    let truth = rows
        .iter()
        .filter_map(|r| {
            Some(TruthRow {
                domestic: r.meta.id.clone(),
                international: r.meta.international.clone()?,
                degree: r.meta.degree?,
            })
        })
        .collect();
    Generated { rows, truth }
}

struct Gen<'a> {
    pool: Pool,
    ctx: Ctx<'a>,
}

impl Gen<'_> {
    fn latest(&self, work: usize) -> usize {
        *self.pool.works[work].editions.last().expect("work has an edition")
    }

    fn is_latest(&self, item: usize) -> bool {
        self.latest(self.pool.items[item].work) == item
    }

    fn correspondences(&mut self, n: usize) {
        let cfg = self.ctx.cfg;
        let plain_share = (1.0 - cfg.outdated_share - cfg.hard_sibling_share - cfg.hard_edition_share).max(0.0);
        // Groups of siblings and chains hold about two rows each.
        let group_w = [plain_share, cfg.outdated_share, cfg.hard_sibling_share / 2.0, cfg.hard_edition_share / 2.0];
        let eqv_weight = 0.05 / (plain_share + cfg.outdated_share).max(0.05);
        let mut sampler = Sampler::new(&self.pool);
        let target = self.ctx.rows.len() + n;
        let mut stalled = 0;
        while self.ctx.rows.len() < target && stalled < 1000 {
            let before = self.ctx.rows.len();
            let room = target - before;
            match self.ctx.rng.weighted(&group_w) {
                1 => self.outdated(&mut sampler, eqv_weight),
                2 => self.siblings(&mut sampler, room),
                3 if room >= 2 => self.chain(&mut sampler),
                _ => self.plain(&mut sampler, eqv_weight),
            }
            if self.ctx.rows.len() == before {
                stalled += 1;
            } else {
                stalled = 0;
            }
        }
    }

    /// Emits one row for an item with a fresh number.
    fn single(&mut self, item: usize, kind: Kind, degree: Degree) {
        let rec_idx = self.pool.items[item].rec;
        let rec = &self.ctx.records[rec_idx];
        let root = self.ctx.choose_root(Some(rec));
        let num = self.ctx.numbering.number(root, &mut self.ctx.rng);
        let parts = self.pool.items[item].parts.clone();
        let y = domestic_year(self.pool.items[item].year, degree, self.ctx.cfg.snapshot_year, &mut self.ctx.rng);
        self.emit(item, kind, degree, &num, &parts, y, None, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        item: usize,
        kind: Kind,
        degree: Degree,
        num: &DomNumber,
        parts: &[String],
        year: u16,
        status: Option<&'static str>,
        replaces: Option<String>,
    ) -> String {
        let rec = self.pool.items[item].rec;
        self.ctx.emit_adoption(rec, kind, degree, num, parts, year, status, replaces)
    }

    /// An EQV adoption of an edition of 1999 or earlier; false when none is left.
    fn eqv(&mut self, sampler: &mut Sampler) -> bool {
        if let Some(item) = sampler.old(&self.pool) {
            let kind = if self.is_latest(item) { Kind::Adoption } else { Kind::AdoptionOutdated };
            self.single(item, kind, Degree::Eqv);
            return true;
        }
        false
    }

    fn plain(&mut self, sampler: &mut Sampler, eqv_weight: f64) {
        let degree = draw_degree(&mut self.ctx.rng, true, eqv_weight);
        if degree == Degree::Eqv && self.eqv(sampler) {
            return;
        }
        let degree = if degree == Degree::Eqv { Degree::Mod } else { degree };
        if let Some(w) = sampler.plain(&self.pool, &mut self.ctx.rng) {
            let item = self.latest(w);
            self.single(item, Kind::Adoption, degree);
        }
    }

    fn outdated(&mut self, sampler: &mut Sampler, eqv_weight: f64) {
        let degree = draw_degree(&mut self.ctx.rng, true, eqv_weight);
        if degree == Degree::Eqv && self.eqv(sampler) {
            return;
        }
        let degree = if degree == Degree::Eqv { Degree::Mod } else { degree };
        match sampler.multi(&self.pool, &mut self.ctx.rng) {
            Some(w) => {
                let eds = &self.pool.works[w].editions;
                let item = eds[self.ctx.rng.below(eds.len() - 1)];
                self.single(item, Kind::AdoptionOutdated, degree);
            }
            None => self.plain(sampler, eqv_weight),
        }
    }

    fn siblings(&mut self, sampler: &mut Sampler, room: usize) {
        let Some(works) = sampler.siblings(&self.pool, &mut self.ctx.rng) else {
            return self.plain(sampler, 0.0);
        };
        let degree = draw_degree(&mut self.ctx.rng, false, 0.0);
        let first = self.latest(works[0]);
        let rec = &self.ctx.records[self.pool.items[first].rec];
        let root = self.ctx.choose_root(Some(rec));
        let num = self.ctx.numbering.number(root, &mut self.ctx.rng);
        for &w in works.iter().take(room) {
            let item = self.latest(w);
            let parts = self.pool.items[item].parts.clone();
            let deg = if self.ctx.rng.chance(0.8) { degree } else { draw_degree(&mut self.ctx.rng, false, 0.0) };
            let y = domestic_year(self.pool.items[item].year, deg, self.ctx.cfg.snapshot_year, &mut self.ctx.rng);
            self.emit(item, Kind::HardSibling, deg, &num, &parts, y, None, None);
        }
    }

    fn chain(&mut self, sampler: &mut Sampler) {
        let Some(w) = sampler.multi(&self.pool, &mut self.ctx.rng) else {
            return self.plain(sampler, 0.0);
        };
        let eds = self.pool.works[w].editions.clone();
        let new_i = if self.ctx.rng.chance(0.7) { eds.len() - 1 } else { 1 + self.ctx.rng.below(eds.len() - 1) };
        let old_i = self.ctx.rng.below(new_i);
        let (old, new) = (eds[old_i], eds[new_i]);
        let snap = self.ctx.cfg.snapshot_year;
        let d_old = draw_degree(&mut self.ctx.rng, false, 0.0);
        let d_new = if self.ctx.rng.chance(0.7) { d_old } else { draw_degree(&mut self.ctx.rng, false, 0.0) };
        let y_old = domestic_year(self.pool.items[old].year, d_old, snap, &mut self.ctx.rng);
        let mut y_new = domestic_year(self.pool.items[new].year, d_new, snap, &mut self.ctx.rng);
        if y_new <= y_old {
            y_new = (y_old + 1).min(snap);
        }
        let rec = &self.ctx.records[self.pool.items[new].rec];
        let root = self.ctx.choose_root(Some(rec));
        let num = self.ctx.numbering.number(root, &mut self.ctx.rng);
        let parts = self.pool.items[new].parts.clone();
        if y_new <= y_old || self.pool.items[old].parts != parts {
            // No room for two editions (or the parts changed): adopt the new one only.
            return self.emit_single_kind(new, d_new, &num, &parts, y_new);
        }
        let old_id = self.emit(old, Kind::HardEdition, d_old, &num, &parts, y_old, Some("被代替"), Some(String::new()));
        self.emit(new, Kind::HardEdition, d_new, &num, &parts, y_new, Some("现行"), Some(old_id));
    }

    fn emit_single_kind(&mut self, item: usize, degree: Degree, num: &DomNumber, parts: &[String], year: u16) {
        let kind = if self.is_latest(item) { Kind::Adoption } else { Kind::AdoptionOutdated };
        self.emit(item, kind, degree, num, parts, year, None, None);
    }

    fn domestic_only(&mut self, vocab: &Vocab) {
        let ctx = &mut self.ctx;
        let root = ctx.choose_root(None);
        let sec = match sector(root) {
            Some(s) => s,
            None => {
                let w: Vec<f64> = SECTORS.iter().map(|s| s.weight).collect();
                &SECTORS[ctx.rng.weighted(&w)]
            }
        };
        let field = *ctx.rng.pick(sec.fields).unwrap_or(&"33");
        let nouns = vocab.by_field.get(field).map(Vec::as_slice).unwrap_or(&[]);
        let (tzh, ten) = TEMPLATES[ctx.rng.below(TEMPLATES.len())];
        let b = ctx.rng.pick(nouns).cloned().unwrap_or_else(|| ("产品".into(), "products".into()));
        let a = ctx.rng.pick(nouns).cloned().unwrap_or_else(|| ("通用".into(), "general use".into()));
        let zh = tzh.replace("{A}", &a.0).replace("{B}", &b.0);
        let en = ten.replace("{A}", &a.1).replace("{B}", &b.1);
        let en = {
            let mut c = en.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => en,
            }
        };
        let num = ctx.numbering.number(root, &mut ctx.rng);
        let snap = ctx.cfg.snapshot_year;
        let year = snap
            - (ctx.rng.weighted(&[0.3, 0.25, 0.2, 0.15, 0.1]) as u16 * 5 + ctx.rng.range(0, 4) as u16).min(snap - 1990);
        let id = num.format(&[], year);
        // Without a glossary no correspondence can be Chinese-only, so no
        // domestic-only row is either (it would give the kind away).
        let chinese_only = ctx.chinese_only(1, ctx.glossary.is_some());
        let dt = dates(year, snap, &mut ctx.rng);
        let status = if dt.upcoming { "即将实施" } else { status_word(year, &mut ctx.rng) };
        let replaces = ctx.phantom_replaces(&num, &[], year);
        let ics = vocab
            .ics_by_field
            .get(field)
            .and_then(|v| ctx.rng.pick(v).cloned())
            .unwrap_or_else(|| format!("{field}.020"));
        let ccs = ctx.ccs(num.root, field);
        let (committee, department) = ctx.committee_and_department(num.root, Some(sec.code));
        ctx.rows.push(DomesticRow {
            number: id.clone(),
            title_zh: zh,
            title_en: if chinese_only { String::new() } else { en },
            ics,
            ccs,
            published: dt.published,
            implemented: dt.implemented,
            status: status.to_string(),
            replaces,
            adoption: String::new(),
            degree: String::new(),
            department,
            committee,
            meta: RowMeta {
                id,
                kind: Kind::DomesticOnly,
                international: None,
                degree: None,
                format: DeclFormat::None,
                chinese_only,
                code: num.root.to_string(),
                perturbations: Vec::new(),
                source_title: String::new(),
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ident::declaration::parse_declaration;
    use crate::ident::StdRef;
    use crate::model::SourcePos;

    const NOUNS: &[(&str, &str, &str)] = &[
        ("金属材料", "metallic materials", "77"),
        ("光缆", "optical fibre cables", "33"),
        ("道路车辆", "road vehicles", "43"),
        ("滚动轴承", "rolling bearings", "21"),
        ("塑料", "plastics", "83"),
        ("电磁兼容", "electromagnetic compatibility", "33"),
        ("信息技术", "information technology", "35"),
        ("纺织品", "textiles", "59"),
        ("水泥", "cement", "91"),
        ("船舶", "ships", "47"),
        ("铝合金", "aluminium alloys", "77"),
        ("颜色", "colour", "87"),
    ];
    const ASPECTS: &[(&str, &str)] = &[
        ("试验方法", "test methods"),
        ("通用要求", "general requirements"),
        ("术语", "vocabulary"),
        ("拉伸试验", "tensile testing"),
        ("安全要求", "safety requirements"),
        ("尺寸", "dimensions"),
    ];

    fn glossary() -> Glossary {
        let mut e: Vec<GlossaryEntry> = NOUNS
            .iter()
            .map(|(zh, en, f)| GlossaryEntry { zh: zh.to_string(), en: vec![en.to_string()], field: f.to_string() })
            .collect();
        e.extend(ASPECTS.iter().map(|(zh, en)| GlossaryEntry {
            zh: zh.to_string(),
            en: vec![en.to_string()],
            field: "00".into(),
        }));
        Glossary::from_entries(e)
    }

    fn record(id: &str, title: &str, ics: &str, committee: &str, status: Status) -> Record {
        let reference = StdRef::parse(id).expect("test id parses");
        Record {
            id: reference.to_string(),
            side: Side::International,
            reference,
            raw_number: id.to_string(),
            aliases: Vec::new(),
            title_en: title.to_string(),
            title_zh: String::new(),
            title_fr: String::new(),
            ics: if ics.is_empty() { Vec::new() } else { vec![ics.to_string()] },
            ccs: Vec::new(),
            committee: committee.to_string(),
            department: String::new(),
            doctype: "international-standard".into(),
            status,
            stage_raw: String::new(),
            published: None,
            implemented: None,
            obsoleted: None,
            edition: None,
            replaces: Vec::new(),
            replaced_by: Vec::new(),
            declaration: None,
            url: String::new(),
            source: SourcePos::default(),
            merged_from: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// About 3,000 international records: ISO/IEC/ITU-T work items with one
    /// to three editions, part series, a few drafts and supplements.
    fn catalogue() -> Vec<Record> {
        let mut out = Vec::new();
        let ics_of = |f: &str| format!("{f}.040.20");
        for i in 0..900u32 {
            let (nzh, nen, f) = NOUNS[i as usize % NOUNS.len()];
            let _ = nzh;
            let (_, aen) = ASPECTS[(i as usize / NOUNS.len()) % ASPECTS.len()];
            let cap = |s: &str| s[..1].to_uppercase() + &s[1..];
            let title = format!("{} - {}", cap(nen), cap(aen));
            let editions: &[u16] = match i % 4 {
                0 => &[1992, 2005, 2018],
                1 => &[1998, 2015],
                _ => &[2010 + (i % 12) as u16],
            };
            let (id, comm) = match i % 10 {
                0..=5 => (format!("ISO {}", 1000 + i), "ISO/TC 17"),
                6..=8 => (format!("IEC {}", 60000 + i), "IEC TC 46"),
                _ => (format!("ITU-T G.{}", 100 + i), "ITU-T Study Group 15"),
            };
            for (k, y) in editions.iter().enumerate() {
                let st = if k + 1 == editions.len() { Status::Current } else { Status::Withdrawn };
                let full = if id.starts_with("ITU") { format!("{id} (03/{y})") } else { format!("{id}:{y}") };
                out.push(record(&full, &title, &ics_of(f), comm, st));
            }
            if i % 50 == 0 {
                out.push(record(&format!("ISO/DIS {}", 1000 + i), &title, "", "ISO/TC 17", Status::Draft));
                out.push(record(
                    &format!("ISO {}:2018/Amd 1:2022", 1000 + i),
                    &title,
                    "",
                    "ISO/TC 17",
                    Status::Current,
                ));
            }
        }
        for s in 0..150u32 {
            let (_, nen, f) = NOUNS[s as usize % NOUNS.len()];
            let n = 1 + s % 4;
            for p in 1..=(1 + n) {
                let (_, aen) = ASPECTS[p as usize % ASPECTS.len()];
                let title = format!(
                    "{} - Part {p}: {}",
                    nen[..1].to_uppercase() + &nen[1..],
                    aen[..1].to_uppercase() + &aen[1..]
                );
                let id = if s % 3 == 0 {
                    format!("IEC {}-{p}:2016", 62000 + s)
                } else {
                    format!("ISO {}-{p}:2012", 20000 + s)
                };
                out.push(record(&id, &title, &format!("{f}.020"), "ISO/TC 61", Status::Current));
            }
        }
        out
    }

    fn cfg(count: usize, seed: u64) -> GenConfig {
        GenConfig { count, seed, ..GenConfig::default() }
    }

    fn bytes(g: &Generated) -> Vec<u8> {
        let mut v = Vec::new();
        write_domestic_csv(&mut v, &g.rows).unwrap();
        write_truth_csv(&mut v, &g.truth).unwrap();
        write_truth_full_csv(&mut v, &g.rows).unwrap();
        v
    }

    #[test]
    fn deterministic_per_seed() {
        let cat = catalogue();
        let gl = glossary();
        let a = generate(&cat, Some(&gl), &cfg(500, 11));
        let b = generate(&cat, Some(&gl), &cfg(500, 11));
        let c = generate(&cat, Some(&gl), &cfg(500, 12));
        assert_eq!(bytes(&a), bytes(&b));
        assert_ne!(bytes(&a), bytes(&c));
        assert_eq!(a.rows.len(), 500);
    }

    #[test]
    fn header_is_exact() {
        let mut v = Vec::new();
        write_domestic_csv(&mut v, &[]).unwrap();
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "标准号,中文标准名称,英文标准名称,国际标准分类号,中国标准分类号,发布日期,实施日期,状态,代替标准,采标情况,采用程度,主管部门,归口单位\n"
        );
    }

    fn share(n: usize, d: usize) -> f64 {
        n as f64 / d.max(1) as f64
    }

    #[test]
    fn shares_within_tolerance() {
        let cat = catalogue();
        let gl = glossary();
        let g = generate(&cat, Some(&gl), &cfg(2000, 5));
        let s = g.stats();
        assert_eq!(s.rows, 2000);
        let only = s.by_kind.get("domestic-only").copied().unwrap_or(0);
        let corr = s.rows - only;
        assert_eq!(g.truth.len(), corr);
        assert!((share(only, s.rows) - 0.45).abs() < 0.02, "{s:?}");
        assert!((share(s.chinese_only, s.rows) - 0.25).abs() < 0.05, "{s:?}");
        assert!((share(s.undeclared, corr) - 0.30).abs() < 0.05, "{s:?}");
        for (d, want, tol) in [("IDT", 0.45, 0.06), ("MOD", 0.35, 0.06), ("NEQ", 0.15, 0.04), ("EQV", 0.05, 0.03)] {
            let got = share(s.by_degree.get(d).copied().unwrap_or(0), corr);
            assert!((got - want).abs() < tol, "{d}: {got} vs {want}: {s:?}");
        }
        for k in ["adoption", "adoption-outdated", "hard-sibling", "hard-edition"] {
            assert!(s.by_kind.get(k).copied().unwrap_or(0) > 20, "{k}: {s:?}");
        }
        let iso = share(s.by_family.get("ISO").copied().unwrap_or(0), corr);
        assert!((0.4..0.7).contains(&iso), "{s:?}");
        let gb = share(s.by_code.get("GB").copied().unwrap_or(0), s.rows);
        assert!((0.15..0.40).contains(&gb), "{s:?}");
        // Chinese-only says nothing about the kind.
        let co_only = g.rows.iter().filter(|r| r.meta.chinese_only && r.meta.kind == Kind::DomesticOnly).count();
        assert!((share(co_only, s.chinese_only) - 0.45).abs() < 0.1, "{co_only} of {}", s.chinese_only);
    }

    #[test]
    fn rows_are_consistent() {
        let cat = catalogue();
        let gl = glossary();
        let g = generate(&cat, Some(&gl), &cfg(2000, 9));
        let by_id: HashMap<&str, &Record> = cat.iter().map(|r| (r.id.as_str(), r)).collect();
        let mut seen = HashSet::new();
        let ids: HashSet<&str> = g.rows.iter().map(|r| r.meta.id.as_str()).collect();
        for r in &g.rows {
            assert!(seen.insert(r.meta.id.clone()), "duplicate {}", r.meta.id);
            let p = StdRef::parse(&r.number).unwrap_or_else(|e| panic!("{}: {e}", r.number));
            assert!(p.is_chinese(), "{}", r.number);
            let mut base = p.clone();
            base.double = None;
            assert_eq!(base.to_string(), r.meta.id, "{}", r.number);
            assert!(!r.title_zh.is_empty());
            assert_eq!(r.title_en.is_empty(), r.meta.chinese_only);
            assert!(r.published < r.implemented);
            assert!(r.published.as_str() <= "2025-06-30", "{}", r.published);
            let dom_year: u16 = r.published[..4].parse().unwrap();
            if let Some(i) = &r.meta.international {
                let rec = by_id.get(i.as_str()).unwrap_or_else(|| panic!("truth id {i} not in input"));
                assert!(dom_year >= rec.reference.year.unwrap(), "{} before {i}", r.meta.id);
                let d = r.meta.degree.unwrap();
                if d == Degree::Eqv {
                    assert!(dom_year <= 2000, "EQV in {dom_year}");
                }
                let want = rec.reference.work_item();
                match r.meta.format {
                    DeclFormat::DoubleNumber => {
                        assert_eq!(d, Degree::Idt);
                        assert_eq!(p.double.as_ref().unwrap().work_item(), want);
                    }
                    f if f.is_declared() => {
                        let col = (!r.degree.is_empty()).then_some(r.degree.as_str());
                        let decl = parse_declaration(&r.adoption, col);
                        assert!(
                            decl.refs.iter().any(|x| x.reference.work_item() == want),
                            "{:?} / {:?} -> {:?}, want {want}",
                            r.adoption,
                            r.degree,
                            decl.refs.iter().map(|x| x.reference.to_string()).collect::<Vec<_>>()
                        );
                        assert_eq!(decl.degree.to_string(), d.as_str(), "{:?} {:?}", r.adoption, r.degree);
                    }
                    _ => assert!(r.adoption.is_empty() && r.degree.is_empty()),
                }
                if r.meta.kind == Kind::HardSibling {
                    assert!(!rec.reference.parts.is_empty());
                }
                if r.meta.kind == Kind::HardEdition && !r.replaces.is_empty() {
                    assert!(ids.contains(r.replaces.as_str()), "{} replaces {}", r.meta.id, r.replaces);
                }
            } else {
                assert!(r.adoption.is_empty() && r.degree.is_empty());
                assert_eq!(r.meta.kind, Kind::DomesticOnly);
            }
        }
        for t in &g.truth {
            assert!(by_id.contains_key(t.international.as_str()));
            assert!(ids.contains(t.domestic.as_str()));
        }
    }

    #[test]
    fn works_without_glossary_and_with_tiny_input() {
        let cat = catalogue();
        let g = generate(&cat[..5], None, &cfg(50, 1));
        assert_eq!(g.rows.len(), 50);
        assert!(g.rows.iter().all(|r| !r.meta.chinese_only));
        let g = generate(&[], None, &cfg(10, 1));
        assert_eq!(g.rows.len(), 10);
        assert!(g.truth.is_empty());
        assert!(GenConfig { domestic_only_share: 1.5, ..GenConfig::default() }.validate().is_err());
    }
}
