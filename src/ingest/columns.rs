//! Column names: which header means which field, in English and Chinese.
//!
//! Headers are compared after folding case and dropping spaces, `_`, `.`,
//! `-` and full-width forms, so `title_en`, `title.en`, `Title EN` and
//! `TITLE-EN` are one name. Each side has its own table; a header that no
//! table knows is reported as an unknown column (and its values are kept in
//! the quarantine file's raw row when a row is quarantined).

use crate::model::Side;

/// A field of a catalogue row that ingest understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Standard number (标准号, `reference`).
    Number,
    /// Chinese title.
    TitleZh,
    /// English title.
    TitleEn,
    /// French title.
    TitleFr,
    /// ICS codes.
    Ics,
    /// ICS titles (read, not used).
    IcsTitles,
    /// CCS codes.
    Ccs,
    /// Publication date.
    Published,
    /// Implementation date.
    Implemented,
    /// Status word or stage code.
    Status,
    /// Replaced references (代替标准, `obsoletes`, `replaces`).
    Replaces,
    /// Replacing references (`obsoleted_by`, `replacedBy`).
    ReplacedBy,
    /// Adoption declaration text (采标情况).
    Adoption,
    /// Degree of correspondence in its own column (采用程度).
    Degree,
    /// Competent department (主管部门).
    Department,
    /// Committee (归口单位, `committee`, `ownerCommittee`).
    Committee,
    /// Document type (`doctype`, `deliverableType`).
    Doctype,
    /// Supplement type (`supplementType`).
    SupplementType,
    /// Edition number.
    Edition,
    /// Date the edition was superseded (`obsoleted_date`).
    ObsoletedDate,
    /// Catalogue URL.
    Url,
    /// Catalogue-internal id (ISO Open Data `id`).
    CatalogueId,
    /// ITU twin reference (common text with ISO/IEC).
    Twin,
    /// ITU sector (read, not used).
    Sector,
    /// Source file column of the Relaton exports (read, not used).
    SourceFile,
}

/// Folds a header for comparison.
pub fn fold(h: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    h.nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '.' | '-' | '\u{FEFF}' | '*' | '(' | ')'))
        .flat_map(char::to_lowercase)
        .collect()
}

const DOMESTIC: &[(&str, Field)] = &[
    ("标准号", Field::Number),
    ("标准编号", Field::Number),
    ("标准代号", Field::Number),
    ("number", Field::Number),
    ("standardnumber", Field::Number),
    ("stdno", Field::Number),
    ("std_code", Field::Number),
    ("code", Field::Number),
    ("中文标准名称", Field::TitleZh),
    ("标准名称", Field::TitleZh),
    ("中文名称", Field::TitleZh),
    ("标准中文名称", Field::TitleZh),
    ("titlezh", Field::TitleZh),
    ("chinesetitle", Field::TitleZh),
    ("titlecn", Field::TitleZh),
    ("英文标准名称", Field::TitleEn),
    ("英文名称", Field::TitleEn),
    ("标准英文名称", Field::TitleEn),
    ("titleen", Field::TitleEn),
    ("englishtitle", Field::TitleEn),
    ("cename", Field::TitleEn),
    ("国际标准分类号", Field::Ics),
    ("ics", Field::Ics),
    ("icscode", Field::Ics),
    ("icscodes", Field::Ics),
    ("中国标准分类号", Field::Ccs),
    ("ccs", Field::Ccs),
    ("发布日期", Field::Published),
    ("published", Field::Published),
    ("issuedate", Field::Published),
    ("publicationdate", Field::Published),
    ("实施日期", Field::Implemented),
    ("implemented", Field::Implemented),
    ("implementationdate", Field::Implemented),
    ("effectivedate", Field::Implemented),
    ("状态", Field::Status),
    ("标准状态", Field::Status),
    ("status", Field::Status),
    ("state", Field::Status),
    ("代替标准", Field::Replaces),
    ("代替标准号", Field::Replaces),
    ("代替", Field::Replaces),
    ("replaces", Field::Replaces),
    ("totalrepe", Field::Replaces),
    ("被代替标准", Field::ReplacedBy),
    ("replacedby", Field::ReplacedBy),
    ("采标情况", Field::Adoption),
    ("采用国际标准", Field::Adoption),
    ("采标号", Field::Adoption),
    ("采用国际标准编号", Field::Adoption),
    ("国际标准编号", Field::Adoption),
    ("adoption", Field::Adoption),
    ("adopttype", Field::Adoption),
    ("declaration", Field::Adoption),
    ("采用程度", Field::Degree),
    ("一致性程度", Field::Degree),
    ("采标类型", Field::Degree),
    ("degree", Field::Degree),
    ("主管部门", Field::Department),
    ("department", Field::Department),
    ("归口单位", Field::Committee),
    ("技术归口", Field::Committee),
    ("归口", Field::Committee),
    ("committee", Field::Committee),
    ("url", Field::Url),
];

const INTERNATIONAL: &[(&str, Field)] = &[
    ("reference", Field::Number),
    ("ref", Field::Number),
    ("number", Field::Number),
    ("docidentifier", Field::Number),
    ("doctype", Field::Doctype),
    ("deliverabletype", Field::Doctype),
    ("type", Field::Doctype),
    ("supplementtype", Field::SupplementType),
    ("titleen", Field::TitleEn),
    ("title", Field::TitleEn),
    ("titlefr", Field::TitleFr),
    ("icscodes", Field::Ics),
    ("icscode", Field::Ics),
    ("ics", Field::Ics),
    ("icstitles", Field::IcsTitles),
    ("committee", Field::Committee),
    ("ownercommittee", Field::Committee),
    ("published", Field::Published),
    ("publicationdate", Field::Published),
    ("stage", Field::Status),
    ("currentstage", Field::Status),
    ("status", Field::Status),
    ("edition", Field::Edition),
    ("obsoleteddate", Field::ObsoletedDate),
    ("obsoletes", Field::Replaces),
    ("replaces", Field::Replaces),
    ("obsoletedby", Field::ReplacedBy),
    ("replacedby", Field::ReplacedBy),
    ("url", Field::Url),
    ("sourcefile", Field::SourceFile),
    ("sector", Field::Sector),
    ("twinreference", Field::Twin),
    ("id", Field::CatalogueId),
    // ISO Open Data fields read but not used.
    ("languages", Field::SourceFile),
    ("pages", Field::SourceFile),
    ("scopeen", Field::SourceFile),
    ("scopefr", Field::SourceFile),
];

/// The column layout of one file: for each known field, its column index.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    map: std::collections::HashMap<FieldKey, usize>,
    /// Headers no table knows.
    pub unknown: Vec<String>,
    /// Headers that map to a field already mapped by an earlier column.
    pub duplicated: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FieldKey(Field);

impl Columns {
    /// Maps headers for a side.
    pub fn new(headers: &[String], side: Side) -> Columns {
        let table = match side {
            Side::Domestic => DOMESTIC,
            Side::International => INTERNATIONAL,
        };
        let mut cols = Columns::default();
        for (i, h) in headers.iter().enumerate() {
            let base = h.split('#').next().unwrap_or(h);
            let f = fold(base);
            // Language-tagged ISO Open Data keys (`title.de`) are read but not used.
            let found = table.iter().find(|(name, _)| fold(name) == f).map(|(_, fld)| *fld);
            match found {
                Some(field) => {
                    if let std::collections::hash_map::Entry::Vacant(e) = cols.map.entry(FieldKey(field)) {
                        e.insert(i);
                    } else {
                        cols.duplicated.push(h.clone());
                    }
                }
                None => {
                    let lang_tagged = side == Side::International
                        && (f.starts_with("title") || f.starts_with("scope") || f.starts_with("pages"));
                    if !lang_tagged && !h.is_empty() {
                        cols.unknown.push(h.clone());
                    }
                }
            }
        }
        cols
    }

    /// Whether the field has a column.
    pub fn has(&self, f: Field) -> bool {
        self.map.contains_key(&FieldKey(f))
    }

    /// The value of a field in a row ("" when absent).
    pub fn get<'a>(&self, cells: &'a [String], f: Field) -> &'a str {
        self.map.get(&FieldKey(f)).and_then(|&i| cells.get(i)).map(String::as_str).unwrap_or("")
    }

    /// Header name of a field, for messages.
    pub fn header<'a>(&self, headers: &'a [String], f: Field) -> &'a str {
        self.map.get(&FieldKey(f)).and_then(|&i| headers.get(i)).map(String::as_str).unwrap_or("?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_english_headers_map() {
        let h: Vec<String> = ["标准号", "英文标准名称", "采标情况", "Foo"].iter().map(|s| s.to_string()).collect();
        let c = Columns::new(&h, Side::Domestic);
        assert!(c.has(Field::Number) && c.has(Field::TitleEn) && c.has(Field::Adoption));
        assert_eq!(c.unknown, vec!["Foo"]);
        let h: Vec<String> =
            ["reference", "title.en", "icsCode", "currentStage", "title.de"].iter().map(|s| s.to_string()).collect();
        let c = Columns::new(&h, Side::International);
        assert!(c.has(Field::TitleEn) && c.has(Field::Ics) && c.has(Field::Status));
        assert!(c.unknown.is_empty());
    }
}
