//! Output stage: spreadsheet-safety rule and XLSX writing.
//!
//! The project's report writers (`stdalign::report`) are not public yet:
//! only `safe_cell` is. Until they are, `xlsx_10k_rows` measures the floor
//! any XLSX report will pay: 10,000 pair rows (8 columns) through
//! `safe_cell` and rust_xlsxwriter into a temporary file. The rate
//! computation (`stdalign::score`) does not exist yet either; add its bench
//! here when it does.

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use stdalign::report::safe_cell;

const ROWS: usize = 10_000;

fn rows() -> Vec<[String; 8]> {
    (0..ROWS)
        .map(|i| {
            [
                format!("YD/T {}.{}-20{:02}", 1000 + i, i % 7 + 1, i % 25),
                format!("ISO/IEC {}-{}:20{:02}", 20000 + i / 3, i % 5 + 1, i % 24),
                ["IDT", "MOD", "NEQ", "UNKNOWN"][i % 4].to_string(),
                if i % 3 == 0 { "declared" } else { "matched" }.to_string(),
                format!("{:.3}", (i % 1000) as f64 / 1000.0),
                "1".to_string(),
                if i % 97 == 0 { "=HYPERLINK(\"x\")".to_string() } else { format!("title match p=0.{i:03}") },
                "Information technology — Security techniques — Part 1: Overview".to_string(),
            ]
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let data = rows();
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements((ROWS * 8) as u64));
    g.bench_function("safe_cell_80k_cells", |b| {
        b.iter(|| {
            let n =
                data.iter().flatten().filter(|s| matches!(safe_cell(black_box(s)), std::borrow::Cow::Owned(_))).count();
            assert_eq!(n, ROWS.div_ceil(97));
        })
    });
    g.throughput(Throughput::Elements(ROWS as u64));
    g.bench_function("xlsx_10k_rows_rust_xlsxwriter", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tempdir"),
            |dir| {
                let path = dir.path().join("pairs.xlsx");
                let mut wb = rust_xlsxwriter::Workbook::new();
                let ws = wb.add_worksheet();
                for (c, h) in ["domestic", "international", "degree", "source", "score", "rank", "explanation", "title"]
                    .iter()
                    .enumerate()
                {
                    ws.write_string(0, c as u16, *h).expect("header");
                }
                for (i, r) in data.iter().enumerate() {
                    for (c, v) in r.iter().enumerate() {
                        ws.write_string(i as u32 + 1, c as u16, safe_cell(v)).expect("cell");
                    }
                }
                wb.save(&path).expect("save");
                assert!(std::fs::metadata(&path).expect("written").len() > 100_000);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group! { name = benches; config = common::quick(); targets = bench }
criterion_main!(benches);
