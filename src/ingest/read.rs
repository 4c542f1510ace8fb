//! Reading catalogue files into raw rows: format and encoding detection.
//!
//! Input: a path, an optional [`Format`] and [`Encoding`] override.
//! Output: a [`Table`] of [`RawRow`]s (header names plus cell strings, each
//! row with its 1-based line) and the row-level problems found while
//! splitting the file ([`RawRow::problem`]). Nothing here knows what a
//! standard is; `ingest::domestic` and `ingest::international` map the
//! columns.
//!
//! Invariant: every physical record the parser yields becomes exactly one
//! `RawRow`, with or without a problem. A row is never dropped here.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::ingest::Limits;

/// A catalogue file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Comma-separated values (RFC 4180).
    Csv,
    /// Tab-separated values.
    Tsv,
    /// One JSON object per line.
    Jsonl,
    /// An Excel 2007+ workbook (every sheet with a recognised header row).
    Xlsx,
}

impl Format {
    /// Guesses the format from the file name, then from the first bytes.
    pub fn detect(path: &Path, head: &[u8]) -> Format {
        let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "tsv" | "tab" => return Format::Tsv,
            "jsonl" | "ndjson" | "json" => return Format::Jsonl,
            "xlsx" | "xlsm" | "xls" | "ods" => return Format::Xlsx,
            "csv" => return Format::Csv,
            _ => {}
        }
        if head.starts_with(b"PK\x03\x04") {
            return Format::Xlsx;
        }
        let first = head.iter().copied().find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
        if first == Some(b'{') {
            return Format::Jsonl;
        }
        let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
        let line = &head[..line_end];
        let tabs = line.iter().filter(|&&b| b == b'\t').count();
        let commas = line.iter().filter(|&&b| b == b',').count();
        if tabs > commas {
            Format::Tsv
        } else {
            Format::Csv
        }
    }

    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Xlsx => "xlsx",
        }
    }
}

/// A text encoding for CSV, TSV and JSONL input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Encoding {
    /// Detect: BOM, then valid UTF-8, then GB18030.
    Auto,
    /// UTF-8, with or without BOM.
    #[value(name = "utf-8", alias = "utf8")]
    #[serde(rename = "utf-8")]
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    #[value(name = "gb18030", alias = "gbk", alias = "gb2312")]
    Gb18030,
    /// UTF-16 with a BOM (as some spreadsheet exports write).
    #[value(name = "utf-16")]
    #[serde(rename = "utf-16")]
    Utf16,
}

impl Encoding {
    /// Name for summaries.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
            Encoding::Utf16 => "utf-16",
        }
    }
}

/// One row as read from a file, before any column mapping.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// 1-based line (text formats) or row (XLSX) where the record starts.
    pub line: u64,
    /// Sheet name for XLSX rows.
    pub sheet: Option<String>,
    /// Cell values in header order (missing trailing cells are empty).
    pub cells: Vec<String>,
    /// The row as it stood in the file, for the quarantine file.
    pub raw: String,
    /// A problem that makes the row unusable (broken quoting, wrong cell
    /// count, invalid encoding…); `None` when the row split cleanly.
    pub problem: Option<String>,
}

/// A whole file split into a header and rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Column names, trimmed, in file order.
    pub headers: Vec<String>,
    /// Rows in file order.
    pub rows: Vec<RawRow>,
    /// The format read.
    pub format: Format,
    /// The encoding used to decode text formats.
    pub encoding: Encoding,
    /// File-level notes (other sheets skipped, encoding fallbacks…).
    pub notes: Vec<String>,
}

/// Reads a file into a [`Table`].
///
/// Errors only when the file cannot be opened or has no header at all; a bad
/// row becomes a [`RawRow`] with a problem.
pub fn read_table(path: &Path, format: Option<Format>, encoding: Encoding, limits: &Limits) -> Result<Table> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::input(path, "is a directory, not a catalogue file"));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Error::Limit {
            path: path.into(),
            message: format!(
                "file is {} bytes, above the limit of {} bytes (--max-file-mb)",
                meta.len(),
                limits.max_file_bytes
            ),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(|e| Error::io(path, e))?;
    let format = format.unwrap_or_else(|| Format::detect(path, &bytes[..bytes.len().min(4096)]));
    match format {
        Format::Xlsx => read_xlsx(path, bytes, limits),
        Format::Csv | Format::Tsv | Format::Jsonl => {
            let (text, used, mut notes) = decode(&bytes, encoding);
            // The decoded text is all that is needed from here on.
            drop(bytes);
            let mut table = match format {
                Format::Jsonl => read_jsonl(path, &text, limits)?,
                _ => read_delimited(path, &text, if format == Format::Tsv { b'\t' } else { b',' }, limits)?,
            };
            table.format = format;
            table.encoding = used;
            notes.append(&mut table.notes);
            table.notes = notes;
            Ok(table)
        }
    }
}

/// Decodes bytes to text, returning the encoding used and notes.
///
/// Auto-detection: a UTF-8 or UTF-16 BOM wins; otherwise valid UTF-8 is
/// UTF-8; otherwise each line is decoded as UTF-8 or GB18030, whichever it
/// is valid in (a file mixing both keeps every row, with a note; Latin-1
/// lines are neither). Invalid sequences become U+FFFD, which marks the
/// rows that contain them as having invalid encoding.
pub fn decode(bytes: &[u8], requested: Encoding) -> (String, Encoding, Vec<String>) {
    let notes = Vec::new();
    let enc = match requested {
        Encoding::Auto => {
            if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                Encoding::Utf8
            } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                Encoding::Utf16
            } else if std::str::from_utf8(bytes).is_ok() {
                Encoding::Utf8
            } else {
                // Not valid UTF-8 as a whole: decide line by line, so that a
                // UTF-8 file with one GB18030 row (or the reverse) keeps every
                // row readable instead of turning the whole file to mojibake.
                return decode_by_line(bytes);
            }
        }
        other => other,
    };
    let text = match enc {
        Encoding::Utf8 | Encoding::Auto => {
            let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
            String::from_utf8_lossy(b).into_owned()
        }
        Encoding::Gb18030 => encoding_rs::GB18030.decode_with_bom_removal(bytes).0.into_owned(),
        Encoding::Utf16 => {
            let (cow, _, _) = if bytes.starts_with(&[0xFE, 0xFF]) {
                encoding_rs::UTF_16BE.decode(bytes)
            } else {
                encoding_rs::UTF_16LE.decode(bytes)
            };
            cow.into_owned()
        }
    };
    (text, enc, notes)
}

/// How one physical line of a non-UTF-8 file decodes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineEnc {
    Ascii,
    Utf8Only,
    GbOnly,
    Both,
    Neither,
}

/// Whether GB18030-decodable bytes look like Chinese text rather than a
/// single-byte encoding (Latin-1, Windows-1252) that happens to decode: in
/// GB text most two-byte characters have a trail byte of 0xA1 or more,
/// while an accented Latin-1 letter followed by an ASCII letter makes a
/// "pair" with an ASCII trail byte.
fn gb_plausible(line: &[u8]) -> bool {
    let (mut pairs, mut good, mut i) = (0usize, 0usize, 0usize);
    while i < line.len() {
        let b = line[i];
        if b < 0x80 {
            i += 1;
        } else if line.get(i + 1).is_some_and(|t| t.is_ascii_digit()) {
            // Four-byte sequence.
            pairs += 1;
            good += 1;
            i += 4;
        } else {
            pairs += 1;
            if line.get(i + 1).is_some_and(|&t| t >= 0xA1) {
                good += 1;
            }
            i += 2;
        }
    }
    pairs == 0 || good * 2 >= pairs
}

/// Whether most non-ASCII characters of a text are CJK-range (U+0800 and up).
fn looks_cjk(s: &str) -> bool {
    let (mut all, mut cjk) = (0usize, 0usize);
    for c in s.chars().filter(|c| !c.is_ascii()) {
        all += 1;
        if c >= '\u{0800}' {
            cjk += 1;
        }
    }
    cjk * 2 >= all
}

fn classify_line(line: &[u8]) -> LineEnc {
    if line.is_ascii() {
        return LineEnc::Ascii;
    }
    let utf8 = std::str::from_utf8(line).is_ok();
    let gb = {
        let (_, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(line);
        !had_errors && gb_plausible(line)
    };
    match (utf8, gb) {
        (true, true) => LineEnc::Both,
        (true, false) => LineEnc::Utf8Only,
        (false, true) => LineEnc::GbOnly,
        (false, false) => LineEnc::Neither,
    }
}

/// Decodes a file that is not valid UTF-8, one physical line at a time
/// (`\n` is a single byte that never occurs inside a UTF-8 or GB18030
/// character, so lines can be decoded independently). Lines valid in only
/// one encoding use it; lines valid in both use the file's majority; lines
/// valid in neither are decoded lossily, so that their rows are quarantined
/// as invalid encoding with the field named.
fn decode_by_line(bytes: &[u8]) -> (String, Encoding, Vec<String>) {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let kinds: Vec<LineEnc> = lines.iter().map(|l| classify_line(l)).collect();
    let count = |k: LineEnc| kinds.iter().filter(|&&x| x == k).count();
    let (n_utf8, n_gb, n_bad) = (count(LineEnc::Utf8Only), count(LineEnc::GbOnly), count(LineEnc::Neither));
    let gb_majority = n_gb > n_utf8;
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut gb_used, mut utf8_used) = (Vec::new(), Vec::new());
    for (i, (line, kind)) in lines.iter().zip(&kinds).enumerate() {
        let as_gb = match kind {
            LineEnc::GbOnly => true,
            // Valid in both: real UTF-8 Chinese decodes to CJK characters,
            // GB18030 bytes read as UTF-8 mostly to Latin/Greek/Cyrillic.
            LineEnc::Both => gb_majority && !std::str::from_utf8(line).is_ok_and(looks_cjk),
            _ => false,
        };
        if as_gb {
            gb_used.push(i + 1);
            text.push_str(&encoding_rs::GB18030.decode_without_bom_handling(line).0);
        } else {
            if matches!(kind, LineEnc::Utf8Only | LineEnc::Both) {
                utf8_used.push(i + 1);
            }
            text.push_str(&String::from_utf8_lossy(line));
        }
    }
    let mut notes = Vec::new();
    let enc = if gb_used.len() > utf8_used.len() { Encoding::Gb18030 } else { Encoding::Utf8 };
    if !gb_used.is_empty() && utf8_used.is_empty() {
        notes.push("encoding detected as GB18030 (not valid UTF-8)".to_string());
    } else if !gb_used.is_empty() {
        notes.push(format!(
            "mixed encodings: {} lines decoded as GB18030 (first at line {}), {} as UTF-8 (first at line {})",
            gb_used.len(),
            gb_used[0],
            utf8_used.len(),
            utf8_used[0]
        ));
    }
    if n_bad > 0 {
        notes.push(format!(
            "{n_bad} lines are neither valid UTF-8 nor GB18030 (first at line {}; Latin-1 or Windows-1252?): \
             their rows are quarantined as invalid encoding; convert the file to UTF-8",
            kinds.iter().position(|&x| x == LineEnc::Neither).map_or(0, |i| i + 1)
        ));
    }
    (text, enc, notes)
}

/// Checks one cell against the limits; returns a problem message.
fn cell_problem(cells: &[String], headers: &[String], limits: &Limits) -> Option<String> {
    for (i, c) in cells.iter().enumerate() {
        let name = headers.get(i).map(String::as_str).unwrap_or("?");
        if c.len() > limits.max_field_bytes {
            return Some(format!(
                "field {:?} is {} bytes, above the limit of {} bytes",
                name,
                c.len(),
                limits.max_field_bytes
            ));
        }
        if c.contains('\u{FFFD}') {
            return Some(format!("invalid encoding in field {name:?} (bytes not valid in the file's encoding)"));
        }
        if c.contains('\0') {
            return Some(format!("NUL byte in field {name:?}"));
        }
    }
    None
}

fn truncate_raw(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…[{} bytes truncated]", &s[..end], s.len() - end)
}

fn read_delimited(path: &Path, text: &str, delim: u8, limits: &Limits) -> Result<Table> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .quoting(delim != b'\t')
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut last_end: usize = 0;
    loop {
        let start_line = rdr.position().line();
        let start_byte = rdr.position().byte() as usize;
        let more = match rdr.read_record(&mut record) {
            Ok(m) => m,
            Err(e) => {
                // With String records the only error left is invalid UTF-8,
                // which cannot happen on a &str; keep the row anyway.
                let end = rdr.position().byte() as usize;
                rows.push(RawRow {
                    line: start_line,
                    sheet: None,
                    cells: Vec::new(),
                    raw: truncate_raw(text.get(start_byte..end).unwrap_or(""), 4096),
                    problem: Some(format!("unreadable record: {e}")),
                });
                if end <= last_end {
                    break;
                }
                last_end = end;
                continue;
            }
        };
        if !more {
            break;
        }
        let end_byte = rdr.position().byte() as usize;
        last_end = end_byte;
        // The reader's position before the read is the end of the previous
        // record; the record's own position is where it starts.
        let (start_line, start_byte) =
            record.position().map(|p| (p.line(), p.byte() as usize)).unwrap_or((start_line, start_byte));
        let slice = text.get(start_byte..end_byte).unwrap_or("");
        // csv consumes the previous record's line terminator at the start of
        // the next read, so the slice may begin with it: skip it and move the
        // line number past it.
        let body = slice.trim_start_matches(['\r', '\n']);
        let skipped_newlines = slice[..slice.len() - body.len()].matches('\n').count() as u64;
        let start_line = start_line + skipped_newlines;
        let raw_text = body.trim_end_matches(['\r', '\n']);
        let end_line = rdr.position().line().saturating_sub(1).max(start_line);
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if headers.is_none() {
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            let mut h: Vec<String> =
                cells.iter().map(|c| c.trim_start_matches('\u{FEFF}').trim().to_string()).collect();
            dedupe_headers(&mut h);
            headers = Some(h);
            continue;
        }
        let hdr = headers.as_deref().unwrap_or(&[]);
        if cells.len() == 1 && cells[0].is_empty() {
            // A blank line: not a row.
            continue;
        }
        let mut problem = None;
        let spans_lines = end_line > start_line && raw_text.contains('\n');
        if cells.len() != hdr.len() {
            problem = Some(if spans_lines && cells.len() < hdr.len() {
                format!(
                    "broken quoting: an unclosed quote made this record run from line {start_line} to line {end_line} ({} cells, header has {})",
                    cells.len(),
                    hdr.len()
                )
            } else if spans_lines {
                format!(
                    "broken quoting: record runs from line {start_line} to line {end_line} and has {} cells, header has {}",
                    cells.len(),
                    hdr.len()
                )
            } else {
                format!("row has {} cells, header has {}", cells.len(), hdr.len())
            });
        }
        if problem.is_none() {
            problem = cell_problem(&cells, hdr, limits);
        }
        rows.push(RawRow {
            line: start_line,
            sheet: None,
            cells,
            raw: truncate_raw(raw_text, limits.max_raw_bytes),
            problem,
        });
        if rows.len() as u64 > limits.max_rows {
            return Err(Error::Limit {
                path: path.into(),
                message: format!("more than {} rows (--max-rows)", limits.max_rows),
            });
        }
    }
    let headers = headers.ok_or_else(|| Error::input(path, "file is empty: no header row"))?;
    Ok(Table { headers, rows, format: Format::Csv, encoding: Encoding::Utf8, notes: Vec::new() })
}

/// Makes duplicated header names unique (`title`, `title#2`) so that no
/// column is silently shadowed; the mapping layer warns about them.
fn dedupe_headers(h: &mut [String]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for name in h.iter_mut() {
        let n = seen.entry(name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            *name = format!("{name}#{n}");
        }
    }
}

/// Flattens a JSON value into `(key, string)` pairs: nested objects become
/// dotted keys (`title.en`), arrays become `;`-joined strings.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                })
                .collect();
            out.push((prefix.to_string(), parts.join(";")));
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Null => out.push((prefix.to_string(), String::new())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// One JSONL line: line number, flattened fields, raw text, problem.
type ParsedLine = (u64, Vec<(String, String)>, String, Option<String>);

fn read_jsonl(path: &Path, text: &str, limits: &Limits) -> Result<Table> {
    let mut headers: Vec<String> = Vec::new();
    let mut index = std::collections::HashMap::<String, usize>::new();
    let mut parsed: Vec<ParsedLine> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i as u64 + 1;
        let trimmed = line.trim().trim_start_matches('\u{FEFF}');
        if trimmed.is_empty() {
            continue;
        }
        let raw = truncate_raw(trimmed, limits.max_raw_bytes);
        if trimmed.len() > limits.max_field_bytes * 8 {
            parsed.push((lineno, Vec::new(), raw, Some(format!("line is {} bytes, above the limit", trimmed.len()))));
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(trimmed) {
            Ok(v @ serde_json::Value::Object(_)) => {
                let mut kv = Vec::new();
                flatten("", &v, &mut kv);
                for (k, _) in &kv {
                    if !index.contains_key(k) {
                        index.insert(k.clone(), headers.len());
                        headers.push(k.clone());
                    }
                }
                parsed.push((lineno, kv, raw, None));
            }
            Ok(_) => parsed.push((lineno, Vec::new(), raw, Some("line is valid JSON but not an object".into()))),
            Err(e) => parsed.push((lineno, Vec::new(), raw, Some(format!("invalid JSON: {e}")))),
        }
        if parsed.len() as u64 > limits.max_rows {
            return Err(Error::Limit {
                path: path.into(),
                message: format!("more than {} rows (--max-rows)", limits.max_rows),
            });
        }
    }
    if parsed.is_empty() {
        return Err(Error::input(path, "file is empty: no JSON lines"));
    }
    let rows = parsed
        .into_iter()
        .map(|(line, kv, raw, problem)| {
            let mut cells = vec![String::new(); headers.len()];
            for (k, v) in kv {
                if let Some(&i) = index.get(&k) {
                    cells[i] = v.trim().to_string();
                }
            }
            let problem = problem.or_else(|| cell_problem(&cells, &headers, limits));
            RawRow { line, sheet: None, cells, raw, problem }
        })
        .collect();
    Ok(Table { headers, rows, format: Format::Jsonl, encoding: Encoding::Utf8, notes: Vec::new() })
}

/// Renders one spreadsheet cell as text. Dates become `YYYY-MM-DD`; whole
/// floats lose their `.0`; formulas are read as their cached values.
fn cell_text(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#ERROR {e:?}"),
    }
}

fn read_xlsx(path: &Path, bytes: Vec<u8>, limits: &Limits) -> Result<Table> {
    use calamine::Reader;
    let cursor = std::io::Cursor::new(bytes);
    let mut wb = calamine::open_workbook_auto_from_rs(cursor)
        .map_err(|e| Error::input(path, format!("not a readable spreadsheet: {e}")))?;
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for (sheet, range) in wb.worksheets() {
        let (row0, _) = range.start().unwrap_or((0, 0));
        let mut iter = range.rows().enumerate();
        // The header row is the first row with at least two non-empty cells.
        let mut sheet_headers = None;
        for (i, r) in iter.by_ref() {
            let cells: Vec<String> = r.iter().map(cell_text).collect();
            if cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
                sheet_headers = Some((i, cells));
                break;
            }
        }
        let Some((_, mut sh)) = sheet_headers else {
            notes.push(format!("sheet {sheet:?} has no header row; skipped (no data rows)"));
            continue;
        };
        while sh.last().is_some_and(|c| c.is_empty()) {
            sh.pop();
        }
        dedupe_headers(&mut sh);
        match &headers {
            None => headers = Some(sh.clone()),
            Some(h) if *h == sh => {}
            Some(_) => {
                // A sheet with another layout: its rows are still read, and
                // the mapping works by the first sheet's header, so they are
                // quarantined with a clear reason rather than mis-mapped.
                for (i, r) in iter {
                    let cells: Vec<String> = r.iter().map(cell_text).collect();
                    if cells.iter().all(|c| c.is_empty()) {
                        continue;
                    }
                    rows.push(RawRow {
                        line: row0 as u64 + i as u64 + 1,
                        sheet: Some(sheet.clone()),
                        raw: truncate_raw(&cells.join("\t"), limits.max_raw_bytes),
                        cells,
                        problem: Some(format!("sheet {sheet:?} has a different header row from the first sheet")),
                    });
                }
                continue;
            }
        }
        let hdr_len = sh.len();
        for (i, r) in iter {
            let mut cells: Vec<String> = r.iter().map(cell_text).collect();
            if cells.iter().all(|c| c.is_empty()) {
                continue;
            }
            let extra = cells.iter().skip(hdr_len).any(|c| !c.is_empty());
            cells.resize(hdr_len, String::new());
            let problem = if extra {
                Some("row has values beyond the last header column".to_string())
            } else {
                cell_problem(&cells, &sh, limits)
            };
            rows.push(RawRow {
                line: row0 as u64 + i as u64 + 1,
                sheet: Some(sheet.clone()),
                raw: truncate_raw(&cells.join("\t"), limits.max_raw_bytes),
                cells,
                problem,
            });
        }
        if rows.len() as u64 > limits.max_rows {
            return Err(Error::Limit {
                path: path.into(),
                message: format!("more than {} rows (--max-rows)", limits.max_rows),
            });
        }
    }
    let headers = headers.ok_or_else(|| Error::input(path, "workbook has no sheet with a header row"))?;
    Ok(Table { headers, rows, format: Format::Xlsx, encoding: Encoding::Utf8, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str, delim: u8) -> Table {
        read_delimited(Path::new("t.csv"), text, delim, &Limits::default()).unwrap()
    }

    #[test]
    fn csv_rows_keep_lines() {
        let t = table("a,b\n1,2\n\n3,4\n", b',');
        assert_eq!(t.headers, vec!["a", "b"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
        assert!(t.rows.iter().all(|r| r.problem.is_none()));
    }

    #[test]
    fn ragged_and_unclosed_quote_rows_are_flagged_not_dropped() {
        let t = table("a,b\n1,2,3\n\"x,y\n5,6\n", b',');
        assert_eq!(t.rows.len(), 2);
        assert!(t.rows[0].problem.as_deref().unwrap().contains("3 cells"));
        assert!(t.rows[1].problem.as_deref().unwrap().contains("broken quoting"), "{:?}", t.rows[1]);
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("标准号,名称\nGB/T 1-2020,导则\n");
        let (text, enc, _) = decode(&bytes, Encoding::Auto);
        assert_eq!(enc, Encoding::Gb18030);
        assert!(text.contains("标准号"));
    }

    #[test]
    fn a_utf8_file_with_a_gb18030_row_keeps_every_row() {
        let mut bytes = "标准号,中文标准名称\nYD/T 1-2020,通信 总则\n".as_bytes().to_vec();
        bytes.extend_from_slice(&encoding_rs::GB18030.encode("YD/T 2-2020,光纤 测试\n").0);
        bytes.extend_from_slice("YD/T 3-2020,无线 接入\n".as_bytes());
        let (text, enc, notes) = decode(&bytes, Encoding::Auto);
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(text, "标准号,中文标准名称\nYD/T 1-2020,通信 总则\nYD/T 2-2020,光纤 测试\nYD/T 3-2020,无线 接入\n");
        assert!(notes[0].contains("mixed encodings") && notes[0].contains("line 3"), "{notes:?}");
    }

    #[test]
    fn latin1_is_not_taken_for_gb18030() {
        let (text, _, notes) = decode(b"number,title_en\nYD/T 1-2020,T\xe9l\xe9com g\xe9n\xe9ral\n", Encoding::Auto);
        assert!(text.contains('\u{FFFD}'), "{text}");
        assert!(
            notes.iter().any(|n| n.contains("neither valid UTF-8 nor GB18030") && n.contains("line 2")),
            "{notes:?}"
        );
    }

    #[test]
    fn bom_is_stripped() {
        let (text, enc, _) = decode("\u{FEFF}a,b\n".as_bytes(), Encoding::Auto);
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(text, "a,b\n");
    }

    #[test]
    fn jsonl_flattens_and_keeps_bad_lines() {
        let t = read_jsonl(
            Path::new("t.jsonl"),
            "{\"reference\":\"ISO 1:2016\",\"title\":{\"en\":\"GPS\"},\"icsCode\":[\"17.040.01\"]}\n{oops\n",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(t.rows.len(), 2);
        let i = t.headers.iter().position(|h| h == "title.en").unwrap();
        assert_eq!(t.rows[0].cells[i], "GPS");
        assert!(t.rows[1].problem.as_deref().unwrap().starts_with("invalid JSON"));
    }

    #[test]
    fn long_fields_hit_the_limit() {
        let limits = Limits { max_field_bytes: 10, ..Limits::default() };
        let t = read_delimited(Path::new("t.csv"), "a,b\n1,12345678901\n", b',', &limits).unwrap();
        assert!(t.rows[0].problem.as_deref().unwrap().contains("above the limit"));
    }

    #[test]
    fn duplicate_headers_are_renamed() {
        let t = table("a,a\n1,2\n", b',');
        assert_eq!(t.headers, vec!["a", "a#2"]);
    }
}
