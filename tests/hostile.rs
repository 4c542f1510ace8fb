//! Hostile input: the bad-input corpus in `tests/hostile/` (expected outcomes
//! in `tests/hostile/README.md`), generated giants (a 10 MB field, a million
//! rows), XLSX oddities, edition-chain loops, spreadsheet-formula payloads and
//! output paths. Every case runs the real binary and checks the exit code,
//! that stderr never shows a panic, that quarantine reasons name the file,
//! line and field, and that the `--json` summary reconciles
//! read = indexed + quarantined.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::util::{run_expect, stderr, stdout, Dir};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile").join(name)
}

/// `stdalign --quiet ingest --json --index idx --SIDE FILES… EXTRA…`, expecting `code`.
#[track_caller]
fn ingest(d: &Dir, side: &str, files: &[&Path], extra: &[&str], code: i32) -> Output {
    let mut args: Vec<String> =
        ["--quiet", "ingest", "--json", "--index", "idx", &format!("--{side}")].iter().map(|s| s.to_string()).collect();
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run_expect(d.cmd(&argv), code);
    no_panic(&out);
    out
}

#[track_caller]
fn no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "panic on stderr:\n{err}");
}

/// Ingests one domestic fixture into a fresh index (exit 0 expected):
/// the directory and the JSON summary.
#[track_caller]
fn domestic_fixture(name: &str) -> (Dir, serde_json::Value) {
    let d = Dir::new();
    let s = summary(&ingest(&d, "domestic", &[&fixture(name)], &[], 0));
    (d, s)
}

/// The `--json` summary, checked to reconcile per file and per side.
#[track_caller]
fn summary(out: &Output) -> serde_json::Value {
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("summary is JSON");
    assert_eq!(s["reconciles"], true, "{s:#}");
    let n = |v: &serde_json::Value, k: &str| v[k].as_u64().unwrap();
    for side in ["domestic", "international"] {
        let c = &s[side];
        assert_eq!(n(c, "rows_read"), n(c, "rows_indexed") + n(c, "rows_quarantined"), "{side}: {s:#}");
    }
    for f in s["files"].as_array().unwrap() {
        assert_eq!(n(f, "rows_read"), n(f, "rows_indexed") + n(f, "rows_quarantined"), "{f:#}");
    }
    s
}

/// `(read, indexed, quarantined)` of the only file.
fn counts(s: &serde_json::Value) -> (u64, u64, u64) {
    let f = &s["files"][0];
    (f["rows_read"].as_u64().unwrap(), f["rows_indexed"].as_u64().unwrap(), f["rows_quarantined"].as_u64().unwrap())
}

fn notes(s: &serde_json::Value) -> String {
    s["files"][0]["notes"].to_string()
}

/// The quarantine file's rows (header excluded), parsed as CSV.
fn quarantine(d: &Dir, s: &serde_json::Value) -> Vec<Vec<String>> {
    let path = d.path().join(s["quarantine_file"].as_str().unwrap());
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_path(&path).expect("quarantine file");
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

/// Asserts a quarantined row at `line` of `file` whose reason contains `reason`.
#[track_caller]
fn has_row(q: &[Vec<String>], file: &str, line: u64, reason: &str) {
    assert!(
        q.iter().any(|r| r[0].ends_with(file) && r[1] == line.to_string() && r[3].contains(reason)),
        "no quarantined row {file}:{line} with reason containing {reason:?}:\n{q:#?}"
    );
}

/// The stored records for a number (`show --json`).
fn show(d: &Dir, number: &str) -> serde_json::Value {
    let out = run_expect(d.cmd(&["show", "--index", "idx", "--json", number]), 0);
    no_panic(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn encodings_gb18030_bom_utf16() {
    for (name, enc) in [("gb18030.csv", "gb18030"), ("utf8_bom.csv", "utf-8"), ("utf16le_bom.csv", "utf-16")] {
        let d = Dir::new();
        let s = summary(&ingest(&d, "domestic", &[&fixture(name)], &[], 0));
        assert_eq!(counts(&s), (3, 3, 0), "{name}: {s:#}");
        assert_eq!(s["files"][0]["encoding"], enc, "{name}");
        assert_eq!(show(&d, "YD/T 2-2020")[0]["title_zh"], "光纤 测试", "{name}");
    }
}

#[test]
fn a_utf8_file_with_a_gb18030_row_keeps_every_row() {
    let (d, s) = domestic_fixture("utf8_with_gb18030_row.csv");
    assert_eq!(counts(&s), (3, 3, 0), "{s:#}");
    assert!(notes(&s).contains("mixed encodings") && notes(&s).contains("line 3"), "{s:#}");
    assert_eq!(s["files"][0]["encoding"], "utf-8");
    assert_eq!(show(&d, "YD/T 1-2020")[0]["title_zh"], "通信 总则");
    assert_eq!(show(&d, "YD/T 2-2020")[0]["title_zh"], "光纤 测试");
}

#[test]
fn latin1_rows_are_quarantined_naming_line_and_field() {
    let (d, s) = domestic_fixture("latin1.csv");
    assert_eq!(counts(&s), (2, 0, 2), "{s:#}");
    assert!(notes(&s).contains("neither valid UTF-8 nor GB18030"), "{s:#}");
    let q = quarantine(&d, &s);
    has_row(&q, "latin1.csv", 2, "invalid encoding in field \"title_en\"");
    has_row(&q, "latin1.csv", 3, "invalid encoding in field \"title_en\"");
}

#[test]
fn nul_bytes() {
    let (d, s) = domestic_fixture("nul_bytes.csv");
    assert_eq!(counts(&s), (4, 2, 2), "{s:#}");
    let q = quarantine(&d, &s);
    has_row(&q, "nul_bytes.csv", 3, "NUL byte in field \"中文标准名称\"");
    has_row(&q, "nul_bytes.csv", 5, "row has 1 cells, header has 5");
}

#[test]
fn broken_and_mismatched_quoting() {
    let (d, s) = domestic_fixture("broken_quoting.csv");
    let (read, indexed, quarantined) = counts(&s);
    assert_eq!((indexed, quarantined), (read - quarantined, 1), "{s:#}");
    let q = quarantine(&d, &s);
    has_row(&q, "broken_quoting.csv", 3, "broken quoting: an unclosed quote made this record run from line 3 to line");
    // The swallowed lines are in the raw text, not lost.
    assert!(q[0][4].contains("YD/T 3-2020"), "{q:?}");

    let (d, s) = domestic_fixture("mismatched_quoting.csv");
    assert_eq!(counts(&s).1, 1, "{s:#}");
    let q = quarantine(&d, &s);
    has_row(&q, "mismatched_quoting.csv", 3, "broken quoting");
}

#[test]
fn ragged_rows() {
    let (d, s) = domestic_fixture("ragged.csv");
    assert_eq!(counts(&s), (5, 2, 3), "{s:#}");
    let q = quarantine(&d, &s);
    has_row(&q, "ragged.csv", 3, "row has 2 cells, header has 5");
    has_row(&q, "ragged.csv", 4, "row has 8 cells, header has 5");
    has_row(&q, "ragged.csv", 5, "row has 1 cells, header has 5");
}

#[test]
fn missing_and_duplicated_headers() {
    // No header row at all: the first data row is taken as the header, so
    // there is no number column and every other row is quarantined.
    let (d, s) = domestic_fixture("no_header.csv");
    assert_eq!(counts(&s), (2, 0, 2), "{s:#}");
    assert!(notes(&s).contains("no standard-number column"), "{s:#}");
    has_row(&quarantine(&d, &s), "no_header.csv", 2, "no standard-number column");

    let (d, s) = domestic_fixture("duplicated_headers.csv");
    assert_eq!(counts(&s), (2, 2, 0), "{s:#}");
    assert!(notes(&s).contains("repeat a field"), "{s:#}");
    // The first of the repeated columns wins.
    assert_eq!(show(&d, "YD/T 1-2020")[0]["title_zh"], "一");
}

#[test]
fn empty_header_only_directory_missing_and_garbage_files() {
    let (d, s) = domestic_fixture("header_only.csv");
    assert_eq!(counts(&s), (0, 0, 0));
    for name in ["empty.csv", "empty.jsonl"] {
        let out = ingest(&d, "domestic", &[&fixture(name)], &[], 2);
        assert!(stderr(&out).contains(name) && stderr(&out).contains("empty"), "{}", stderr(&out));
    }
    let out = ingest(&d, "domestic", &[&fixture("binary_garbage.xlsx")], &[], 2);
    assert!(stderr(&out).contains("binary_garbage.xlsx: not a readable spreadsheet"), "{}", stderr(&out));
    let out = ingest(&d, "domestic", &[&fixture("")], &[], 2);
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
    let out = ingest(&d, "international", &[Path::new("no/such/file.csv")], &[], 2);
    assert!(stderr(&out).contains("no/such/file.csv") && stderr(&out).contains("No such file"), "{}", stderr(&out));
    // Random bytes read as text: every row is quarantined, nothing crashes.
    let s = summary(&ingest(&d, "domestic", &[&fixture("binary_garbage.csv")], &[], 0));
    let (read, indexed, quarantined) = counts(&s);
    assert!(read > 0 && indexed == 0 && quarantined == read, "{s:#}");
    // The errors above left the header-only index in place.
    run_expect(d.cmd(&["show", "--index", "idx", "YD/T 1-2020"]), 1);
}

#[test]
fn jsonl_with_a_non_object_and_a_truncated_line() {
    let d = Dir::new();
    let s = summary(&ingest(&d, "international", &[&fixture("broken_line.jsonl")], &[], 0));
    assert_eq!(counts(&s), (4, 2, 2), "{s:#}");
    let q = quarantine(&d, &s);
    has_row(&q, "broken_line.jsonl", 2, "not an object");
    has_row(&q, "broken_line.jsonl", 4, "invalid JSON: EOF");
}

#[test]
fn edition_chain_loops_terminate() {
    let d = Dir::new();
    let out = ingest(&d, "international", &[&fixture("obsoletes_cycle.csv")], &[], 0);
    assert_eq!(counts(&summary(&out)), (6, 6, 0));
    let out = run_expect(
        d.cmd(&[
            "--quiet",
            "ingest",
            "--json",
            "--index",
            "idx",
            "--domestic",
            fixture("obsoletes_cycle_domestic.csv").to_str().unwrap(),
            "--international",
            fixture("obsoletes_cycle.csv").to_str().unwrap(),
        ]),
        0,
    );
    no_panic(&out);
    let s = summary(&out);
    assert_eq!(s["domestic"]["rows_indexed"], 3);
    let selfloop = show(&d, "ISO 2000:2010");
    assert_eq!(selfloop[0]["replaced_by"], serde_json::json!([]), "{selfloop:#}");
    assert!(selfloop[0]["warnings"].to_string().contains("itself"));
    // Following replaced_by from any edition ends.
    for start in ["ISO 1000:2001", "ISO 1000:2002", "ISO 3000:2001", "ISO 3000:2002", "ISO 3000:2003", "YD/T 7-2001"] {
        let mut cur = start.to_string();
        let mut steps = 0;
        loop {
            let r = show(&d, &cur);
            match r[0]["replaced_by"][0].as_str() {
                Some(next) => cur = next.to_string(),
                None => break,
            }
            steps += 1;
            assert!(steps < 5, "replaced_by loops from {start}");
        }
    }
    // Matching over the looped catalogue terminates.
    let out = run_with_deadline(d.cmd(&["--quiet", "match", "--index", "idx", "-o", "pairs.csv"]), 120);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    no_panic(&out);
}

/// Runs a command, killing it (and failing) after `secs` seconds.
fn run_with_deadline(mut c: std::process::Command, secs: u64) -> Output {
    use std::process::Stdio;
    let mut child = c.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() > secs {
            let _ = child.kill();
            panic!("{c:?} did not finish within {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn self_declaring_and_conflicting_declarations() {
    let (d, s) = domestic_fixture("self_declaring.csv");
    assert_eq!(counts(&s), (2, 2, 0));
    for n in ["YD/T 1843.2-2015", "GB/T 19001-2016"] {
        let r = show(&d, n);
        assert!(r[0]["warnings"].to_string().contains("declaration names the standard itself"), "{r:#}");
    }
    let (d, s) = domestic_fixture("conflicting_declaration.csv");
    assert_eq!(counts(&s), (2, 2, 0));
    for n in ["GB/T 19001-2016", "GB/T 24001-2016"] {
        let r = show(&d, n);
        let decl = &r[0]["declaration"];
        assert!(decl["issues"].to_string().contains("degree column says"), "{n}: {decl:#}");
    }
}

#[test]
fn a_10_mb_field_is_quarantined_not_loaded_into_the_index() {
    let d = Dir::new();
    let big = "标".repeat(10 * 1024 * 1024 / 3);
    let f = d.create(
        "big.csv",
        &format!("标准号,中文标准名称,英文标准名称\nYD/T 1-2020,一,One\nYD/T 2-2020,{big},Two\nYD/T 3-2020,三,Three\n"),
    );
    let s = summary(&ingest(&d, "domestic", &[&f], &[], 0));
    assert_eq!(counts(&s), (3, 2, 1));
    let q = quarantine(&d, &s);
    has_row(&q, "big.csv", 3, "field \"中文标准名称\" is 10485759 bytes, above the limit of 32768 bytes");
    assert!(q[0][4].len() < 100_000 && q[0][4].contains("bytes truncated"), "raw kept whole: {} bytes", q[0][4].len());
    // Same in JSONL: one 10 MB line.
    let f = d.create(
        "big.jsonl",
        &format!("{{\"reference\":\"ISO 1:2016\",\"title\":{{\"en\":\"{}\"}}}}\n{{\"reference\":\"ISO 2:2016\",\"title\":{{\"en\":\"Two\"}}}}\n", "x".repeat(10 << 20)),
    );
    let s = summary(&ingest(&d, "international", &[&f], &[], 0));
    assert_eq!(counts(&s), (2, 1, 1));
    has_row(&quarantine(&d, &s), "big.jsonl", 1, "above the limit");
}

#[test]
fn limits_on_rows_and_file_size_are_clear_errors() {
    let d = Dir::new();
    let rows: String = (1..=10).map(|i| format!("YD/T {i}-2020,标题{i}\n")).collect();
    let f = d.create("ten.csv", &format!("标准号,中文标准名称\n{rows}"));
    let out = ingest(&d, "domestic", &[&f], &["--max-rows", "5"], 2);
    assert!(stderr(&out).contains("ten.csv: more than 5 rows (--max-rows)"), "{}", stderr(&out));
    let f = d.create("two_mb.csv", &format!("标准号,中文标准名称\nYD/T 1-2020,{}\n", "x".repeat(2 << 20)));
    let out = ingest(&d, "domestic", &[&f], &["--max-file-mb", "1"], 2);
    assert!(stderr(&out).contains("two_mb.csv: file is") && stderr(&out).contains("--max-file-mb"), "{}", stderr(&out));
    assert!(!d.path().join("idx/CURRENT").exists(), "an over-limit input must not build an index");
    let s = summary(&ingest(&d, "domestic", &[&f], &["--max-field-kb", "4096"], 0));
    assert_eq!(counts(&s), (1, 1, 0));
}

/// A million tiny rows with `STDALIGN_SLOW_TESTS=1`
/// (`STDALIGN_SLOW_TESTS=1 cargo test --release --test integration a_million`);
/// 100,000 otherwise, because a debug build needs minutes for a million
/// (about 20 s and 2.4 GB peak RSS in a release build).
#[test]
fn a_million_tiny_rows() {
    let n: u64 = if std::env::var("STDALIGN_SLOW_TESTS").is_ok_and(|v| v == "1") { 1_000_000 } else { 100_000 };
    let d = Dir::new();
    let mut text = String::with_capacity(n as usize * 24);
    text.push_str("标准号,英文标准名称\n");
    for i in 0..n {
        text.push_str(&format!("YD/T {}-2020,T{}\n", i + 1, i % 97));
    }
    // One bad row at the end proves the rows are all looked at.
    text.push_str(",no number\n");
    let f = d.create("many.csv", &text);
    let started = std::time::Instant::now();
    let s = summary(&ingest(&d, "domestic", &[&f], &[], 0));
    assert_eq!(counts(&s), (n + 1, n, 1));
    has_row(&quarantine(&d, &s), "many.csv", n + 2, "empty standard number");
    eprintln!("{n} rows ingested in {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn xlsx_merged_cells_formulas_date_numbers_and_several_sheets() {
    use rust_xlsxwriter::{Format, Formula, Workbook};
    let d = Dir::new();
    let mut wb = Workbook::new();
    let hdr = ["标准号", "中文标准名称", "英文标准名称", "发布日期", "状态", "采标情况"];
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    {
        let ws = wb.add_worksheet().set_name("目录").unwrap();
        ws.write_string(0, 0, "2024年 行业标准目录").unwrap(); // a title row above the header
        for (c, h) in hdr.iter().enumerate() {
            ws.write_string(1, c as u16, *h).unwrap();
        }
        // Row 3: a normal row, the date as an Excel serial number with a date format.
        ws.write_string(2, 0, "YD/T 1-2020").unwrap();
        ws.write_string(2, 1, "一").unwrap();
        ws.write_string(2, 2, "One").unwrap();
        ws.write_number_with_format(2, 3, 44256.0, &date_fmt).unwrap();
        ws.write_string(2, 4, "现行").unwrap();
        // Row 4: titles merged over two columns, status merged over rows 4–5,
        // the date as a plain number.
        ws.write_string(3, 0, "YD/T 2-2020").unwrap();
        ws.merge_range(3, 1, 3, 2, "合并标题", &Format::new()).unwrap();
        ws.write_number(3, 3, 44257.0).unwrap();
        ws.merge_range(3, 4, 4, 4, "现行", &Format::new()).unwrap();
        // Row 5: the number is a formula with a cached result; the title a
        // formula without one.
        ws.write_formula(4, 0, Formula::new("=\"YD/T 3-\"&\"2020\"").set_result("YD/T 3-2020")).unwrap();
        ws.write_formula(4, 1, "=\"三\"").unwrap();
        ws.write_string(4, 2, "Three").unwrap();
        // Row 6: the number is a formula without a cached value, which
        // rust_xlsxwriter (like many writers) stores as 0: quarantined.
        ws.write_formula(5, 0, "=\"YD/T 4-\"&\"2020\"").unwrap();
        ws.write_string(5, 1, "四").unwrap();
        // Row 7: a value beyond the last header column.
        ws.write_string(6, 0, "YD/T 5-2020").unwrap();
        ws.write_string(6, 1, "五").unwrap();
        ws.write_string(6, 8, "stray").unwrap();
    }
    {
        // Same header: its rows count.
        let ws = wb.add_worksheet().set_name("续表").unwrap();
        for (c, h) in hdr.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "YD/T 6-2020").unwrap();
        ws.write_string(1, 1, "六").unwrap();
        ws.write_datetime(1, 3, rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 5, 1).unwrap()).unwrap();
    }
    {
        // Another layout: quarantined with a reason.
        let ws = wb.add_worksheet().set_name("其他").unwrap();
        ws.write_string(0, 0, "编号").unwrap();
        ws.write_string(0, 1, "备注").unwrap();
        ws.write_string(1, 0, "YD/T 7-2020").unwrap();
        ws.write_string(1, 1, "x").unwrap();
    }
    wb.add_worksheet().set_name("说明").unwrap().write_string(0, 0, "note only").unwrap();
    let path = d.path().join("book.xlsx");
    wb.save(&path).unwrap();
    let s = summary(&ingest(&d, "domestic", &[&path], &[], 0));
    let q = quarantine(&d, &s);
    assert_eq!(counts(&s), (7, 4, 3), "{s:#}\n{q:#?}");
    has_row(&q, "book.xlsx", 6, "not a Chinese standard number \"0\"");
    has_row(&q, "book.xlsx", 7, "beyond the last header column");
    has_row(&q, "book.xlsx", 2, "different header row");
    assert!(notes(&s).contains("说明"), "{s:#}");
    assert_eq!(show(&d, "YD/T 1-2020")[0]["published"], "2021-03-01");
    let two = show(&d, "YD/T 2-2020");
    assert_eq!(two[0]["title_zh"], "合并标题");
    assert_eq!(two[0]["published"], "2021-03-02");
    assert_eq!(show(&d, "YD/T 3-2020")[0]["title_en"], "Three");
    assert_eq!(show(&d, "YD/T 6-2020")[0]["published"], "2020-05-01");
}

const PAYLOADS: &[&str] = &[
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "=HYPERLINK(\"http://x\",\"y\")",
    "<script>alert(1)</script>",
];

#[track_caller]
fn assert_no_formula_cells(path: &Path) {
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(path).unwrap();
    let mut cells = 0;
    for rec in r.records() {
        for c in rec.unwrap().iter() {
            cells += 1;
            assert!(
                !matches!(c.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{}: cell {c:?} would run as a formula",
                path.display()
            );
        }
    }
    assert!(cells > 5, "{} is nearly empty", path.display());
}

#[test]
fn formula_payloads_never_start_an_output_cell() {
    let d = Dir::new();
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut dom = String::from("标准号,中文标准名称,英文标准名称,状态,采标情况\n");
    let mut iso = String::from("reference,title_en,stage\n");
    for (i, p) in PAYLOADS.iter().enumerate() {
        let n = i + 1;
        // In titles and declarations of indexed rows.
        dom.push_str(&format!("YD/T {n}-2020,{},{},现行,{}\n", q(p), q(&format!("{p} Quality management")), q(p)));
        dom.push_str(&format!("YD/T 10{n}-2020,质量,Quality management systems,现行,{}\n", q(&format!("{p}, IDT"))));
        // As numbers (quarantined), and in a row that is quarantined whole.
        dom.push_str(&format!("{},标题,Title,现行,\n", q(p)));
        dom.push_str(&format!("{},{}\n", q(p), q(p)));
        iso.push_str(&format!("ISO {n}:2015,{},60.60\n", q(&format!("{p} Quality management systems"))));
        iso.push_str(&format!("{},{},60.60\n", q(p), q(p)));
    }
    iso.push_str("ISO 9001:2015,Quality management systems - Requirements,60.60\n");
    let dom_f = d.create("=dom.csv", &dom);
    let iso_f = d.create("iso.csv", &iso);
    let out = run_expect(
        d.cmd(&[
            "--quiet",
            "ingest",
            "--json",
            "--index",
            "idx",
            "--domestic",
            "=dom.csv",
            "--international",
            iso_f.to_str().unwrap(),
        ]),
        0,
    );
    no_panic(&out);
    let s = summary(&out);
    assert!(s["domestic"]["rows_quarantined"].as_u64().unwrap() >= 16, "{s:#}");
    assert!(dom_f.exists());
    assert_no_formula_cells(&d.path().join(s["quarantine_file"].as_str().unwrap()));
    let out = run_expect(d.cmd(&["--quiet", "match", "--index", "idx", "-o", "pairs.csv", "--min-score", "0"]), 0);
    no_panic(&out);
    assert_no_formula_cells(&d.path().join("pairs.csv"));
}

/// Every file under `dir`, relative.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            out.push(p.strip_prefix(base).unwrap().display().to_string());
            if p.is_dir() && !p.is_symlink() {
                walk(base, &p, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn output_paths_stay_inside_the_chosen_folder() {
    let d = Dir::new();
    // Catalogue values that look like paths must never become paths.
    let dom = d.create(
        "in/dom.csv",
        "标准号,中文标准名称,英文标准名称,状态,采标情况\n../../escape-1,a,b,现行,\nYD/T 1-2020,../../escape-2,/tmp/escape-3,现行,../escape-4\n",
    );
    let outside = d.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(d.path().join("work")).unwrap();
    // --index through a symlink and with `..`: the index lands in the link's target.
    std::os::unix::fs::symlink(&outside, d.path().join("work/link")).unwrap();
    let mut c = d.cmd(&["--quiet", "ingest", "--index", "work/link/idx", "--domestic", dom.to_str().unwrap()]);
    c.current_dir(d.path());
    run_expect(c, 0);
    let mut c = d.cmd(&["--quiet", "ingest", "--index", "work/../idx2", "--domestic", dom.to_str().unwrap()]);
    c.current_dir(d.path());
    run_expect(c, 0);
    let names = tree(&outside);
    assert!(names.iter().all(|n| n.starts_with("idx")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("quarantine.csv")) && names.iter().any(|n| n.ends_with("meta.json")));
    // `-o` through the symlink writes that one file and nothing else.
    run_expect(d.cmd(&["--quiet", "match", "--index", "idx2", "-o", "work/link/pairs.csv"]), 0);
    let after = tree(&outside);
    let new: Vec<&String> = after.iter().filter(|n| !names.contains(n)).collect();
    assert_eq!(new, vec!["pairs.csv"]);
    let all = tree(d.path());
    assert!(all.iter().all(|n| !n.contains("escape")), "{all:?}");
    // A planted CURRENT.tmp symlink is replaced, not written through.
    let victim = d.path().join("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    std::os::unix::fs::symlink(&victim, d.path().join("idx2/CURRENT.tmp")).unwrap();
    run_expect(d.cmd(&["--quiet", "ingest", "--index", "idx2", "--domestic", dom.to_str().unwrap()]), 0);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    assert!(stdout(&run_expect(d.cmd(&["show", "--index", "idx2", "YD/T 1-2020"]), 0)).contains("YD/T 1-2020"));
}
