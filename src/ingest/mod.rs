//! Stage 1: catalogue files in, [`Record`]s and quarantined rows out.
//!
//! Input: [`InputFile`]s (path, side, optional format and encoding).
//! Output: [`Ingested`] — the records to index, the [`Quarantined`] rows with
//! their reasons, and an [`IngestSummary`] that reconciles every file:
//! `rows_read = rows_indexed + rows_quarantined`.
//!
//! Steps: [`read`] splits each file into raw rows (CSV, TSV, JSONL, XLSX;
//! UTF-8 or GB18030); [`columns`] maps English or Chinese headers onto
//! fields; each row is validated into a [`Record`] or quarantined; then the
//! whole catalogue is post-processed: ISO/IEC joint documents present in two
//! files become one record, international rows without a title inherit one
//! from their work item, duplicates are quarantined, and edition chains are
//! completed (`replaced_by` filled by inverting `replaces`, and derived from
//! the edition order of a work item where a catalogue gives no links).
//!
//! Invariant: no row is lost. A row that is not indexed is in the
//! quarantine list with its file, line, reason and raw text.

pub mod columns;
pub mod dates;
pub mod read;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ident::declaration::parse_declaration;
use crate::ident::StdRef;
use crate::model::{Record, Side, SourcePos, Status};
use crate::progress::Progress;
use columns::{Columns, Field};
use read::{Encoding, Format, RawRow};

/// Caps that turn hostile input into clear errors instead of exhausted memory.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    /// Largest accepted cell, in bytes; a larger one quarantines its row.
    pub max_field_bytes: usize,
    /// How much of a quarantined row's raw text is kept.
    pub max_raw_bytes: usize,
    /// Most rows read from one file; more is an error.
    pub max_rows: u64,
    /// Largest accepted file, in bytes; larger is an error.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_field_bytes: 32 * 1024,
            max_raw_bytes: 64 * 1024,
            max_rows: 2_000_000,
            max_file_bytes: 2 * 1024 * 1024 * 1024,
        }
    }
}

/// One catalogue file to read.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The file.
    pub path: PathBuf,
    /// Which side its rows belong to.
    pub side: Side,
    /// Format override (`None`: detect from the name and content).
    pub format: Option<Format>,
    /// Encoding for text formats.
    pub encoding: Encoding,
}

impl InputFile {
    /// A file with detected format and encoding.
    pub fn new(path: impl Into<PathBuf>, side: Side) -> InputFile {
        InputFile { path: path.into(), side, format: None, encoding: Encoding::Auto }
    }
}

/// A row that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quarantined {
    /// The input file.
    pub source_file: String,
    /// 1-based line or spreadsheet row.
    pub line: u64,
    /// Side of the file.
    pub side: Side,
    /// Why the row was not indexed.
    pub reason: String,
    /// The row as it stood in the file (long rows truncated).
    pub raw: String,
}

/// Counts for one file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FileSummary {
    /// The file.
    pub path: String,
    /// Side.
    pub side: String,
    /// Format read.
    pub format: String,
    /// Encoding used.
    pub encoding: String,
    /// Rows read.
    pub rows_read: u64,
    /// Rows that became (part of) an indexed record.
    pub rows_indexed: u64,
    /// Rows quarantined.
    pub rows_quarantined: u64,
    /// Headers not understood (their values are not indexed).
    pub unknown_columns: Vec<String>,
    /// File-level notes.
    pub notes: Vec<String>,
}

/// Counts for one side.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SideCounts {
    /// Rows read.
    pub rows_read: u64,
    /// Rows indexed.
    pub rows_indexed: u64,
    /// Rows quarantined.
    pub rows_quarantined: u64,
    /// Distinct records after merging joint documents.
    pub records: u64,
    /// Records with at least one warning.
    pub records_with_warnings: u64,
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    /// Per-file counts.
    pub files: Vec<FileSummary>,
    /// Domestic totals.
    pub domestic: SideCounts,
    /// International totals.
    pub international: SideCounts,
    /// Rows folded into another file's record (ISO/IEC joint documents).
    pub joint_merged: u64,
    /// Edition links derived by inverting `replaces` or from edition order.
    pub derived_links: u64,
    /// Quarantine counts by reason kind.
    pub quarantine_reasons: BTreeMap<String, u64>,
}

impl IngestSummary {
    /// Whether every file reconciles: read = indexed + quarantined.
    pub fn reconciles(&self) -> bool {
        self.files.iter().all(|f| f.rows_read == f.rows_indexed + f.rows_quarantined)
            && [&self.domestic, &self.international].iter().all(|s| s.rows_read == s.rows_indexed + s.rows_quarantined)
    }
}

/// The output of [`ingest`].
#[derive(Debug, Clone, Default)]
pub struct Ingested {
    /// Records, sorted by side then id.
    pub records: Vec<Record>,
    /// Rows not indexed.
    pub quarantine: Vec<Quarantined>,
    /// Counts.
    pub summary: IngestSummary,
}

/// Settings of an ingest run.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Caps.
    pub limits: Limits,
}

/// A row accepted so far, waiting for the catalogue-wide steps.
///
/// The record is boxed: a `Record` is large, and the catalogue-wide steps move
/// it from this list into a map and then into the final vector; moving boxes
/// keeps one copy of the records in memory at a time instead of two (peak
/// memory on a million-row file).
struct Pending {
    record: Box<Record>,
    file_idx: usize,
    raw: String,
    catalogue_id: String,
    replaces_ids: Vec<String>,
}

/// Reads every file, validates rows, merges and links records.
pub fn ingest(inputs: &[InputFile], opts: &IngestOptions, progress: &dyn Progress) -> Result<Ingested> {
    let mut out = Ingested::default();
    let mut pending: Vec<Pending> = Vec::new();
    for (file_idx, input) in inputs.iter().enumerate() {
        let table = read::read_table(&input.path, input.format, input.encoding, &opts.limits)?;
        let cols = Columns::new(&table.headers, input.side);
        let display = input.path.display().to_string();
        let mut fs = FileSummary {
            path: display.clone(),
            side: input.side.to_string(),
            format: table.format.as_str().to_string(),
            encoding: table.encoding.as_str().to_string(),
            rows_read: table.rows.len() as u64,
            unknown_columns: cols.unknown.clone(),
            notes: table.notes.clone(),
            ..FileSummary::default()
        };
        if !cols.duplicated.is_empty() {
            fs.notes.push(format!(
                "columns {:?} repeat a field already read from an earlier column; the first one is used",
                cols.duplicated
            ));
        }
        let no_number = !cols.has(Field::Number);
        if no_number {
            fs.notes.push(format!(
                "no standard-number column (expected one of {}); every row is quarantined",
                match input.side {
                    Side::Domestic => "标准号, 标准编号, number",
                    Side::International => "reference, number",
                }
            ));
        }
        progress.start(&format!("reading {}", input.path.display()), table.rows.len() as u64);
        let read::Table { headers, rows, .. } = table;
        // Rows are consumed, so that each row's raw text moves into its
        // record or quarantine entry instead of being copied.
        for (i, mut row) in rows.into_iter().enumerate() {
            if i % 1024 == 1023 {
                progress.inc(1024);
            }
            let q = |row: RawRow, reason: String| Quarantined {
                source_file: display.clone(),
                line: row.line,
                side: input.side,
                reason,
                raw: row.raw,
            };
            if let Some(p) = row.problem.take() {
                out.quarantine.push(q(row, p));
                continue;
            }
            if no_number {
                out.quarantine.push(q(row, "file has no standard-number column".into()));
                continue;
            }
            match build_record(&row, &headers, &cols, input.side, &display) {
                Ok((record, catalogue_id, replaces_ids)) => pending.push(Pending {
                    record: Box::new(record),
                    file_idx,
                    raw: row.raw,
                    catalogue_id,
                    replaces_ids,
                }),
                Err(reason) => out.quarantine.push(q(row, reason)),
            }
        }
        progress.finish();
        out.summary.files.push(fs);
    }
    let mut indexed_per_file: HashMap<String, u64> = HashMap::new();
    let records = finish_catalogue(pending, &mut out, &mut indexed_per_file);
    out.records = records;
    let mut quarantined_per_file: HashMap<String, u64> = HashMap::new();
    for q in &out.quarantine {
        *quarantined_per_file.entry(q.source_file.clone()).or_default() += 1;
        let kind = reason_kind(&q.reason);
        *out.summary.quarantine_reasons.entry(kind).or_default() += 1;
    }
    for fs in &mut out.summary.files {
        fs.rows_indexed = indexed_per_file.get(&fs.path).copied().unwrap_or(0);
        fs.rows_quarantined = quarantined_per_file.get(&fs.path).copied().unwrap_or(0);
        let side = if fs.side == "domestic" { &mut out.summary.domestic } else { &mut out.summary.international };
        side.rows_read += fs.rows_read;
        side.rows_indexed += fs.rows_indexed;
        side.rows_quarantined += fs.rows_quarantined;
    }
    for r in &out.records {
        let side = match r.side {
            Side::Domestic => &mut out.summary.domestic,
            Side::International => &mut out.summary.international,
        };
        side.records += 1;
        if !r.warnings.is_empty() {
            side.records_with_warnings += 1;
        }
    }
    debug_assert!(out.summary.reconciles());
    Ok(out)
}

/// A short, stable name for a quarantine reason, for the summary.
fn reason_kind(reason: &str) -> String {
    let r = reason.to_lowercase();
    let kind = if r.contains("duplicate") {
        "duplicate number"
    } else if r.contains("broken quoting") {
        "broken quoting"
    } else if r.contains("cells, header has") || r.contains("beyond the last header") {
        "wrong cell count"
    } else if r.contains("above the limit") {
        "field too long"
    } else if r.contains("encoding") || r.contains("nul byte") {
        "invalid encoding"
    } else if r.contains("empty title") {
        "empty title"
    } else if r.contains("empty standard number") {
        "empty number"
    } else if r.contains("unparsable standard number") || r.contains("not a chinese") {
        "unparsable number"
    } else if r.contains("json") {
        "invalid json"
    } else if r.contains("no standard-number column") {
        "no number column"
    } else if r.contains("header row") {
        "sheet layout"
    } else {
        "other"
    };
    kind.to_string()
}

fn split_multi(s: &str) -> Vec<String> {
    s.split([';', '；', '\n'])
        .flat_map(|p| {
            // Commas and 、 separate lists of numbers, but ISO references never
            // contain them, so splitting on them is safe for number lists.
            p.split([',', '，', '、'])
        })
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn canonical_ref(s: &str) -> String {
    match StdRef::parse(s) {
        Ok(r) => {
            let mut r = r;
            r.double = None;
            r.to_string()
        }
        Err(_) => s.trim().to_string(),
    }
}

/// Validates one raw row into a record, or says why it cannot be indexed.
fn build_record(
    row: &RawRow,
    headers: &[String],
    cols: &Columns,
    side: Side,
    file: &str,
) -> std::result::Result<(Record, String, Vec<String>), String> {
    let get = |f: Field| cols.get(&row.cells, f).trim();
    let number = get(Field::Number);
    if number.is_empty() {
        return Err(format!("empty standard number (column {:?})", cols.header(headers, Field::Number)));
    }
    let mut reference = StdRef::parse(number).map_err(|e| format!("unparsable standard number {number:?}: {e}"))?;
    let mut warnings = Vec::new();
    if side == Side::Domestic && !reference.is_chinese() {
        return Err(format!("not a Chinese standard number {number:?} in a domestic catalogue"));
    }
    if side == Side::International && !reference.is_international() {
        warnings.push(format!("{number:?} is not an ISO, IEC or ITU reference"));
    }
    let mut aliases = Vec::new();
    if reference.double.is_some() {
        aliases.push(reference.to_string());
    }
    let double = reference.double.take();
    let id = reference.to_string();
    let title_en = get(Field::TitleEn).to_string();
    let title_zh = get(Field::TitleZh).to_string();
    let title_fr = get(Field::TitleFr).to_string();
    if side == Side::Domestic && title_en.is_empty() && title_zh.is_empty() {
        return Err(format!(
            "empty title: {:?} and {:?} are both empty",
            cols.header(headers, Field::TitleZh),
            cols.header(headers, Field::TitleEn)
        ));
    }
    let mut date = |f: Field| -> Option<String> {
        let cell = cols.get(&row.cells, f).trim();
        match dates::normalize_date(cell) {
            Ok(d) => d,
            Err(msg) => {
                warnings.push(format!("{}: {msg}; date left empty", cols.header(headers, f)));
                None
            }
        }
    };
    let published = date(Field::Published);
    let implemented = date(Field::Implemented);
    let obsoleted = date(Field::ObsoletedDate);
    let stage_raw = get(Field::Status).to_string();
    let status = if stage_raw.is_empty() {
        if reference.stage.is_some() {
            Status::Draft
        } else {
            Status::Unknown
        }
    } else {
        Status::from_iso_stage(&stage_raw)
            .filter(|_| stage_raw.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .or_else(|| Status::from_word(&stage_raw))
            .unwrap_or_else(|| {
                warnings.push(format!("unknown status {stage_raw:?}"));
                Status::Unknown
            })
    };
    let split_codes = |s: &str| -> Vec<String> {
        s.split([';', '；', ',', '，', ' ', '、']).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
    };
    let ics = split_codes(get(Field::Ics));
    for code in &ics {
        if !is_ics(code) {
            warnings.push(format!("ICS code {code:?} is not in NN, NN.NNN or NN.NNN.NN form"));
        }
    }
    let ccs = split_codes(get(Field::Ccs));
    let catalogue_id = get(Field::CatalogueId).to_string();
    let mut replaces_ids = Vec::new();
    let mut replaces = Vec::new();
    for r in split_multi(get(Field::Replaces)) {
        if r.chars().all(|c| c.is_ascii_digit()) {
            replaces_ids.push(r);
        } else {
            replaces.push(canonical_ref(&r));
        }
    }
    let mut replaced_by: Vec<String> = split_multi(get(Field::ReplacedBy))
        .into_iter()
        .filter(|r| !r.chars().all(|c| c.is_ascii_digit()))
        .map(|r| canonical_ref(&r))
        .collect();
    // A catalogue row that lists itself as replaced or replacing would make
    // an edition chain loop on one record.
    for list in [&mut replaces, &mut replaced_by] {
        if list.contains(&id) {
            list.retain(|r| *r != id);
            warnings.push(format!("{id} lists itself in its own edition chain; link dropped"));
        }
    }
    let adoption = get(Field::Adoption);
    let degree = get(Field::Degree);
    let mut declaration = None;
    if !adoption.is_empty() || !degree.is_empty() {
        let d = parse_declaration(adoption, if degree.is_empty() { None } else { Some(degree) });
        if !d.is_parsed() {
            warnings.push(format!("declaration kept as text, not understood: {adoption:?}"));
        }
        for dr in &d.refs {
            if dr.reference.is_chinese() && dr.reference.work_item() == reference.work_item() {
                warnings.push("declaration names the standard itself".to_string());
            }
        }
        declaration = Some(d);
    }
    if let Some(dbl) = double {
        // A double number is an IDT declaration printed on the cover.
        let text = format!("{dbl}, IDT");
        let dd = parse_declaration(&text, None);
        match &mut declaration {
            None => declaration = Some(dd),
            Some(d) => {
                let known = d.refs.iter().any(|r| r.reference.work_item() == dbl.work_item());
                if !known {
                    d.refs.extend(dd.refs);
                }
            }
        }
    }
    let twin = get(Field::Twin);
    if !twin.is_empty() {
        aliases.extend(split_multi(twin).into_iter().map(|t| canonical_ref(&t)));
    }
    let doctype = {
        let d = get(Field::Doctype);
        let s = get(Field::SupplementType);
        if s.is_empty() {
            d.to_string()
        } else {
            format!("{d} {s}").trim().to_string()
        }
    };
    let record = Record {
        id,
        side,
        reference,
        raw_number: number.to_string(),
        aliases,
        title_en,
        title_zh,
        title_fr,
        ics,
        ccs,
        committee: get(Field::Committee).to_string(),
        department: get(Field::Department).to_string(),
        doctype,
        status,
        stage_raw,
        published,
        implemented,
        obsoleted,
        edition: Some(get(Field::Edition).to_string()).filter(|e| !e.is_empty()),
        replaces,
        replaced_by,
        declaration,
        url: get(Field::Url).to_string(),
        source: SourcePos { file: file.to_string(), line: row.line },
        merged_from: Vec::new(),
        warnings,
    };
    Ok((record, catalogue_id, replaces_ids))
}

/// Whether a string is an ICS code: `NN`, `NN.NNN`, `NN.NNN.NN` (optionally `-NN`).
pub fn is_ics(code: &str) -> bool {
    let (main, unit) = match code.split_once('-') {
        Some((m, u)) => (m, Some(u)),
        None => (code, None),
    };
    let parts: Vec<&str> = main.split('.').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [f] => digits(f, 2),
        [f, g] => digits(f, 2) && digits(g, 3),
        [f, g, s] => digits(f, 2) && digits(g, 3) && digits(s, 2),
        _ => false,
    };
    ok && unit.is_none_or(|u| digits(u, 2) && parts.len() == 3)
}

/// Catalogue-wide steps: ids, title inheritance, joint merge, duplicates,
/// edition chains. Returns the records sorted by side then id.
fn finish_catalogue(
    pending: Vec<Pending>,
    out: &mut Ingested,
    indexed_per_file: &mut HashMap<String, u64>,
) -> Vec<Record> {
    // ISO Open Data: `replaces` holds catalogue ids; map them to references.
    let mut by_catalogue_id: HashMap<(usize, String), String> = HashMap::new();
    for p in &pending {
        if !p.catalogue_id.is_empty() {
            by_catalogue_id.insert((p.file_idx, p.catalogue_id.clone()), p.record.id.clone());
        }
    }
    // Titles of international work items, for rows without a title.
    let mut work_titles: HashMap<String, (String, String)> = HashMap::new();
    for p in &pending {
        let r = &p.record;
        if r.side == Side::International && !r.title_en.is_empty() && !r.reference.is_supplement() {
            work_titles.entry(r.reference.work_item()).or_insert_with(|| (r.title_en.clone(), r.title_fr.clone()));
        }
    }
    let mut merged: BTreeMap<(Side, String), Box<Record>> = BTreeMap::new();
    let mut first_file: HashMap<(Side, String), usize> = HashMap::new();
    for mut p in pending {
        for id in std::mem::take(&mut p.replaces_ids) {
            match by_catalogue_id.get(&(p.file_idx, id.clone())) {
                Some(r) => p.record.replaces.push(r.clone()),
                None => p.record.warnings.push(format!("replaces catalogue id {id}, which is not in the file")),
            }
        }
        let r = &mut p.record;
        if r.side == Side::International && r.title_en.is_empty() && r.title_fr.is_empty() {
            match work_titles.get(&r.reference.work_item()) {
                Some((en, fr)) => {
                    r.title_en = en.clone();
                    r.title_fr = fr.clone();
                    r.warnings.push("title empty in the catalogue; taken from its work item".into());
                }
                None => {
                    out.quarantine.push(Quarantined {
                        source_file: r.source.file.clone(),
                        line: r.source.line,
                        side: r.side,
                        reason: "empty title, and no other edition of the work item has one".into(),
                        raw: p.raw,
                    });
                    continue;
                }
            }
        }
        let key = (r.side, r.id.clone());
        let file = r.source.file.clone();
        match merged.get_mut(&key) {
            None => {
                *indexed_per_file.entry(file).or_default() += 1;
                first_file.insert(key.clone(), p.file_idx);
                merged.insert(key, p.record);
            }
            Some(existing) => {
                let same_file = first_file.get(&key) == Some(&p.file_idx);
                if r.side == Side::International && !same_file {
                    *indexed_per_file.entry(file).or_default() += 1;
                    merge_into(existing, *p.record);
                    out.summary.joint_merged += 1;
                } else {
                    out.quarantine.push(Quarantined {
                        source_file: r.source.file.clone(),
                        line: r.source.line,
                        side: r.side,
                        reason: format!(
                            "duplicate standard number {} (first at {}:{})",
                            r.id, existing.source.file, existing.source.line
                        ),
                        raw: p.raw,
                    });
                }
            }
        }
    }
    drop(by_catalogue_id);
    drop(work_titles);
    let mut records: Vec<Record> = Vec::with_capacity(merged.len());
    records.extend(merged.into_values().map(|b| *b));
    out.summary.derived_links = link_editions(&mut records);
    records
}

/// Folds a second catalogue's row of the same document into a record.
fn merge_into(a: &mut Record, b: Record) {
    let fill = |x: &mut String, y: String| {
        if x.is_empty() {
            *x = y;
        }
    };
    fill(&mut a.title_en, b.title_en);
    fill(&mut a.title_fr, b.title_fr);
    fill(&mut a.title_zh, b.title_zh);
    fill(&mut a.committee, b.committee);
    fill(&mut a.doctype, b.doctype);
    fill(&mut a.url, b.url);
    for code in b.ics {
        if !a.ics.contains(&code) {
            a.ics.push(code);
        }
    }
    if a.published.is_none() {
        a.published = b.published;
    }
    if a.obsoleted.is_none() {
        a.obsoleted = b.obsoleted;
    }
    // The more conservative status wins: a document withdrawn by one
    // publisher's catalogue is reported withdrawn only when both agree.
    if a.status == Status::Unknown || (b.status.is_current() && !a.status.is_current()) {
        a.status = b.status;
        a.stage_raw = b.stage_raw;
    }
    for r in b.replaces {
        if !a.replaces.contains(&r) {
            a.replaces.push(r);
        }
    }
    if b.raw_number != a.raw_number && !a.aliases.contains(&b.raw_number) {
        a.aliases.push(b.raw_number);
    }
    for al in b.aliases {
        if !a.aliases.contains(&al) {
            a.aliases.push(al);
        }
    }
    a.merged_from.push(b.source);
}

/// Completes edition chains; returns the number of links added.
///
/// 1. Every `replaces` link is inverted into the replaced record's
///    `replaced_by` when that is missing.
/// 2. Within a work item (base documents only, supplements excluded), an
///    edition that is superseded or withdrawn and still has no `replaced_by`
///    is linked to the next later edition of the same work item.
fn link_editions(records: &mut [Record]) -> u64 {
    let mut added = 0;
    let index: HashMap<(Side, String), usize> =
        records.iter().enumerate().map(|(i, r)| ((r.side, r.id.clone()), i)).collect();
    let mut inverse: Vec<(usize, String)> = Vec::new();
    for r in records.iter() {
        for old in &r.replaces {
            if let Some(&j) = index.get(&(r.side, old.clone())) {
                inverse.push((j, r.id.clone()));
            }
        }
    }
    for (j, newer) in inverse {
        if !records[j].replaced_by.contains(&newer) {
            records[j].replaced_by.push(newer);
            added += 1;
        }
    }
    let mut groups: BTreeMap<(Side, String), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        if !r.reference.is_supplement() && r.reference.stage.is_none() {
            groups.entry((r.side, r.reference.work_item())).or_default().push(i);
        }
    }
    for idxs in groups.values() {
        let mut sorted = idxs.clone();
        sorted.sort_by_key(|&i| (records[i].reference.year.unwrap_or(0), records[i].published.clone()));
        for w in sorted.windows(2) {
            let (old, new) = (w[0], w[1]);
            let o = &records[old];
            if o.replaced_by.is_empty()
                && matches!(o.status, Status::Superseded | Status::Withdrawn)
                && o.reference.year.is_some()
                && records[new].reference.year > o.reference.year
            {
                let nid = records[new].id.clone();
                records[old].replaced_by.push(nid);
                added += 1;
            }
        }
    }
    break_edition_cycles(records);
    added
}

/// Breaks loops in `replaced_by` chains (A → B → A, or longer), which
/// catalogues sometimes contain by mistake, so that any code that follows a
/// chain to its latest edition terminates. A depth-first walk drops every
/// link that leads back to an edition already on the current path (a back
/// edge), which leaves the chains acyclic; the record losing the link gets a
/// warning naming it. Returns the number of links dropped.
fn break_edition_cycles(records: &mut [Record]) -> u64 {
    let index: HashMap<(Side, String), usize> =
        records.iter().enumerate().map(|(i, r)| ((r.side, r.id.clone()), i)).collect();
    // 0: not visited, 1: on the current path, 2: finished.
    let mut state = vec![0u8; records.len()];
    let mut back_edges: Vec<(usize, String)> = Vec::new();
    for start in 0..records.len() {
        if state[start] != 0 {
            continue;
        }
        state[start] = 1;
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(top) = stack.last_mut() {
            let (node, edge) = *top;
            match records[node].replaced_by.get(edge) {
                Some(target) => {
                    top.1 += 1;
                    if let Some(&j) = index.get(&(records[node].side, target.clone())) {
                        match state[j] {
                            0 => {
                                state[j] = 1;
                                stack.push((j, 0));
                            }
                            1 => back_edges.push((node, target.clone())),
                            _ => {}
                        }
                    }
                }
                None => {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }
    let dropped = back_edges.len() as u64;
    for (i, target) in back_edges {
        let r = &mut records[i];
        r.replaced_by.retain(|t| *t != target);
        r.warnings.push(format!(
            "edition chain loops: {} → {} leads back to an edition already in the chain; that link is dropped",
            r.id, target
        ));
    }
    dropped
}

/// Writes the quarantine file: `source_file,line,side,reason,raw`.
pub fn write_quarantine(path: &Path, rows: &[Quarantined]) -> Result<()> {
    let mut w = csv::Writer::from_path(path).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(path, io),
        other => Error::input(path, format!("{other:?}")),
    })?;
    w.write_record(["source_file", "line", "side", "reason", "raw"])?;
    for q in rows {
        // Every text cell is neutralised: a file may be named `=x.csv`, and
        // a reason quotes catalogue text.
        w.write_record([
            crate::report::safe_cell(&q.source_file).as_ref(),
            &q.line.to_string(),
            q.side.as_str(),
            crate::report::safe_cell(&q.reason).as_ref(),
            crate::report::safe_cell(&q.raw).as_ref(),
        ])?;
    }
    w.flush().map_err(|e| Error::io(path, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::NoProgress;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    const DOMESTIC: &str = "标准号,中文标准名称,英文标准名称,状态,采标情况,发布日期\n\
GB/T 19001-2016,质量管理体系 要求,Quality management systems—Requirements,现行,\"ISO 9001:2015, IDT\",2016-12-30\n\
GB/T 19001-2016,重复,Dup,现行,,\n\
,空编号,No number,现行,,\n\
YD/T 1-2000,,,现行,,\n\
YD/T 2-2000,标题,,现行,,2019-13-45\n";

    const ISO: &str = "reference,title_en,stage,obsoletes\nISO 9001:2008,Quality management systems - Requirements,95.99,\nISO 9001:2015,Quality management systems - Requirements,90.92,ISO 9001:2008\nISO/IEC 27001:2022,Information security management systems,60.60,\n";
    const IEC: &str = "reference,title_en,stage\nISO/IEC 27001:2022,Information security management systems,PUBLISHED\nIEC 60335-1:2001,Household appliances,REVISED\nIEC 60335-1:2010,Household appliances,PUBLISHED\n";

    #[test]
    fn reconciles_merges_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = vec![
            InputFile::new(write(dir.path(), "d.csv", DOMESTIC), Side::Domestic),
            InputFile::new(write(dir.path(), "iso.csv", ISO), Side::International),
            InputFile::new(write(dir.path(), "iec.csv", IEC), Side::International),
        ];
        let got = ingest(&inputs, &IngestOptions::default(), &NoProgress).unwrap();
        let s = &got.summary;
        assert!(s.reconciles());
        assert_eq!(s.domestic.rows_read, 5);
        assert_eq!(s.domestic.rows_indexed, 2);
        assert_eq!(s.domestic.rows_quarantined, 3);
        assert_eq!(s.international.rows_read, 6);
        assert_eq!(s.international.rows_indexed, 6);
        assert_eq!(s.international.records, 5);
        assert_eq!(s.joint_merged, 1);
        let old = got.records.iter().find(|r| r.id == "ISO 9001:2008").unwrap();
        assert_eq!(old.replaced_by, vec!["ISO 9001:2015".to_string()]);
        let iec = got.records.iter().find(|r| r.id.starts_with("IEC 60335-1:2001")).unwrap();
        assert_eq!(iec.replaced_by.len(), 1, "{iec:?}");
        let bad_date = got.records.iter().find(|r| r.id.starts_with("YD/T 2")).unwrap();
        assert!(bad_date.warnings.iter().any(|w| w.contains("impossible date")));
        let reasons: Vec<&str> = got.quarantine.iter().map(|q| q.reason.as_str()).collect();
        assert!(reasons.iter().any(|r| r.starts_with("duplicate")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.starts_with("empty standard number")));
        assert!(reasons.iter().any(|r| r.starts_with("empty title")));
    }

    #[test]
    fn edition_cycles_terminate_and_are_broken() {
        let dir = tempfile::tempdir().unwrap();
        let iso = "reference,title_en,stage,obsoletes\n\
ISO 1000:2001,A,95.99,ISO 1000:2002\nISO 1000:2002,B,60.60,ISO 1000:2001\n\
ISO 2000:2010,Self,60.60,ISO 2000:2010\n\
ISO 3000:2001,A,95.99,ISO 3000:2003\nISO 3000:2002,B,95.99,ISO 3000:2001\nISO 3000:2003,C,60.60,ISO 3000:2002\n";
        let inputs = vec![InputFile::new(write(dir.path(), "iso.csv", iso), Side::International)];
        let got = ingest(&inputs, &IngestOptions::default(), &NoProgress).unwrap();
        assert!(got.summary.reconciles());
        assert_eq!(got.summary.international.rows_indexed, 6);
        let by_id: HashMap<&str, &Record> = got.records.iter().map(|r| (r.id.as_str(), r)).collect();
        let selfloop = by_id["ISO 2000:2010"];
        assert!(selfloop.replaces.is_empty() && selfloop.replaced_by.is_empty(), "{selfloop:?}");
        assert!(selfloop.warnings.iter().any(|w| w.contains("itself")));
        // Following replaced_by from any record ends.
        for r in &got.records {
            let mut seen = std::collections::HashSet::new();
            let mut cur = r;
            while let Some(next) = cur.replaced_by.first() {
                assert!(seen.insert(cur.id.clone()), "loop through {}", cur.id);
                cur = by_id[next.as_str()];
            }
        }
        assert!(got.records.iter().any(|r| r.warnings.iter().any(|w| w.contains("edition chain loops"))));
    }

    #[test]
    fn ics_codes() {
        assert!(is_ics("43") && is_ics("43.040") && is_ics("43.040.20") && is_ics("43.040.20-10"));
        assert!(!is_ics("43.04") && !is_ics("4a") && !is_ics("43.040.2"));
    }
}
