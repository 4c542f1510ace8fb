//! Ingest throughput per input format: the same 5,000 generated domestic
//! rows written as UTF-8 CSV, GB18030 CSV, JSONL and XLSX into a temporary
//! directory (outside the measurement), then read, validated and linked by
//! `stdalign::ingest::ingest`. A bench for `read_table` alone separates
//! splitting/decoding from validation.

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::path::{Path, PathBuf};
use stdalign::gen::{DomesticRow, DOMESTIC_HEADER};
use stdalign::ingest::read::{read_table, Encoding};
use stdalign::ingest::{ingest, IngestOptions, InputFile, Limits};
use stdalign::model::Side;
use stdalign::progress::NoProgress;

const ROWS: usize = 5_000;
/// Records indexed out of the 5,000 generated rows (the rest are
/// quarantined, e.g. duplicate numbers), the same for every format.
const EXPECT_RECORDS: usize = 5000;

fn cells(r: &DomesticRow) -> [&str; 13] {
    [
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
    ]
}

fn write_jsonl(path: &Path, rows: &[DomesticRow]) {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("create jsonl"));
    for r in rows {
        let obj: serde_json::Map<String, serde_json::Value> =
            DOMESTIC_HEADER.iter().zip(cells(r)).map(|(k, v)| (k.to_string(), v.into())).collect();
        writeln!(w, "{}", serde_json::Value::Object(obj)).expect("write jsonl");
    }
}

fn write_xlsx(path: &Path, rows: &[DomesticRow]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in DOMESTIC_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in cells(r).iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(i as u32 + 1, c as u16, *v).expect("cell");
            }
        }
    }
    wb.save(path).expect("save xlsx");
}

fn write_gb18030(path: &Path, utf8_csv: &Path) {
    let text = std::fs::read_to_string(utf8_csv).expect("read csv");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    std::fs::write(path, bytes).expect("write gb18030");
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = common::generated_rows(ROWS, 1);
    assert_eq!(rows.len(), ROWS);
    let csv = dir.path().join("domestic.csv");
    common::write_generated_csv(&csv, &rows);
    let files: Vec<(&str, PathBuf)> = vec![
        ("csv_utf8", csv.clone()),
        ("csv_gb18030", {
            let p = dir.path().join("domestic_gb.csv");
            write_gb18030(&p, &csv);
            p
        }),
        ("jsonl", {
            let p = dir.path().join("domestic.jsonl");
            write_jsonl(&p, &rows);
            p
        }),
        ("xlsx", {
            let p = dir.path().join("domestic.xlsx");
            write_xlsx(&p, &rows);
            p
        }),
    ];
    drop(rows);

    let mut g = c.benchmark_group("ingest_5k");
    g.throughput(Throughput::Elements(ROWS as u64));
    for (name, path) in &files {
        g.bench_function(*name, |b| {
            b.iter_batched(
                || vec![InputFile::new(path, Side::Domestic)],
                |inputs| {
                    let out = ingest(&inputs, &IngestOptions::default(), &NoProgress).expect("ingest");
                    assert_eq!(out.summary.domestic.rows_read, ROWS as u64);
                    common::expect_count("EXPECT_RECORDS", out.records.len(), EXPECT_RECORDS);
                    out
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();

    // Lower bound of ingest: split the file into rows (decode, CSV/JSON/XLSX
    // parsing), no validation, no identifier parsing, no linking.
    let mut g = c.benchmark_group("read_table_5k");
    g.throughput(Throughput::Elements(ROWS as u64));
    for (name, path) in &files {
        g.bench_function(*name, |b| {
            b.iter(|| {
                let t = read_table(path, None, Encoding::Auto, &Limits::default()).expect("read");
                assert_eq!(t.rows.len(), ROWS);
                t
            })
        });
    }
    g.finish();

    // The absolute floor: bytes from the page cache.
    let mut g = c.benchmark_group("read_bytes_5k");
    g.throughput(Throughput::Elements(ROWS as u64));
    g.bench_function("csv_utf8", |b| b.iter(|| assert!(std::fs::read(&csv).expect("read").len() > ROWS * 50)));
    g.finish();
}

criterion_group! { name = benches; config = common::quick(); targets = bench }
criterion_main!(benches);
