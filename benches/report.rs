//! Score and output stages.
//!
//! - `score/compute_2k`: rate computation (`stdalign::score::compute`) over
//!   the bundled international corpora and 2,000 generated domestic records
//!   with their declared and matched edges, default scope;
//! - `report/xlsx_10k_rows_rust_xlsxwriter`: the floor any XLSX report pays,
//!   10,000 pair rows (8 columns) through `safe_cell` and rust_xlsxwriter
//!   into a temporary file (the project's XLSX writer was not public when
//!   this bench was written; bench it here once it settles).

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use stdalign::matching::{match_all, resolve_declared, MatchConfig};
use stdalign::model::Side;
use stdalign::progress::NoProgress;
use stdalign::report::safe_cell;
use stdalign::score::{compute, edges_from_pairs, edges_from_resolved, Scope};

/// Universe of indicator A over the 2,000 generated records, default scope.
const EXPECT_UNIVERSE: usize = 167;
/// Converted work items of indicator A.
const EXPECT_CONVERTED: usize = 152;

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

fn bench_score(c: &mut Criterion) {
    let bi = common::corpora_index(2_000);
    let setup = common::Setup::load(&bi.index);
    let domestic = bi.index.records(Some(Side::Domestic)).expect("records");
    let resolved = resolve_declared(&setup.catalogue, &domestic);
    let matcher = setup.matcher(&bi.index, MatchConfig::default());
    let pairs = match_all(&matcher, &domestic, &resolved, &NoProgress);
    let mut edges = edges_from_resolved(&resolved, &setup.catalogue);
    edges.extend(edges_from_pairs(&pairs));
    let scope = Scope::default();
    let mut g = c.benchmark_group("score");
    g.throughput(Throughput::Elements(domestic.len() as u64));
    g.bench_function("compute_2k", |b| {
        b.iter(|| {
            let sc = compute(&domestic, &setup.catalogue, &edges, &scope);
            common::expect_count("EXPECT_UNIVERSE", sc.overall.universe, EXPECT_UNIVERSE);
            common::expect_count("EXPECT_CONVERTED", sc.overall.converted, EXPECT_CONVERTED);
            sc
        })
    });
    g.finish();
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

criterion_group! { name = benches; config = common::quick(); targets = bench_score, bench }
criterion_main!(benches);
