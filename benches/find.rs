//! Latency of `find` and the cost split of matching, on a real-size index.
//!
//! Needs `STDALIGN_BENCH_INDEX=DIR`, an index built by `benches/e2e.sh`
//! (real ISO + IEC + ITU-T catalogues + a generated domestic catalogue);
//! without it the bench prints a note and does nothing.
//!
//! - `find/batch_200`: 200 queries (100 domestic numbers, 50 English and
//!   50 Chinese titles) answered as `stdalign find` answers them, with the
//!   catalogue, glossary and models already loaded (the per-query cost);
//!   per-query median and p95 are printed before the criterion run;
//! - `match_split/*` on 1,000 domestic records: raw tantivy top-40 queries
//!   (the lower bound), `search_title_ords`, and `Matcher::candidates`; the
//!   gap between them is the rescoring cost.

mod common;

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stdalign::index::StdIndex;
use stdalign::matching::{match_all, query_text, resolve_declared, MatchConfig, Matcher, Pair};
use stdalign::model::{Record, Side};
use stdalign::progress::NoProgress;
use tantivy::collector::TopDocs;
use tantivy::query::BooleanQuery;

/// One `find` query as the command answers it (minus printing and start-up).
fn find_one(idx: &StdIndex, m: &Matcher<'_>, template: &Record, q: &str) -> (usize, Vec<Pair>) {
    let hits = idx.lookup(q, None).expect("lookup");
    if hits.is_empty() {
        let han = q.chars().any(stdalign::matching::glossary::is_han);
        let mut probe = template.clone();
        probe.id = "(query)".into();
        probe.title_en = if han { String::new() } else { q.to_string() };
        probe.title_zh = if han { q.to_string() } else { String::new() };
        probe.ics.clear();
        probe.declaration = None;
        probe.published = None;
        (0, match_all(m, std::slice::from_ref(&probe), &[], &NoProgress))
    } else {
        let domestic: Vec<Record> = hits.iter().filter(|r| r.side == Side::Domestic).cloned().collect();
        let resolved = resolve_declared(m.cat, &domestic);
        (hits.len(), match_all(m, &domestic, &resolved, &NoProgress))
    }
}

fn bench(c: &mut Criterion) {
    let Some(idx) = common::env_index() else {
        println!("find bench: STDALIGN_BENCH_INDEX not set (run benches/e2e.sh); skipped");
        return;
    };
    let setup = common::Setup::load(&idx);
    let domestic = idx.records(Some(Side::Domestic)).expect("records");
    assert!(!domestic.is_empty(), "STDALIGN_BENCH_INDEX has no domestic records");
    let template = domestic[0].clone();

    // 200 queries: domestic numbers as written, English titles, Chinese titles.
    let mut queries: Vec<(&str, String)> = Vec::new();
    for d in common::sample(&domestic, 100) {
        queries.push(("number", d.raw_number.clone()));
    }
    let en: Vec<&Record> = domestic.iter().filter(|d| !d.title_en.is_empty()).collect();
    for d in common::sample(&en, 50) {
        queries.push(("title_en", d.title_en.clone()));
    }
    let zh: Vec<&Record> = domestic.iter().filter(|d| d.title_en.is_empty() && !d.title_zh.is_empty()).collect();
    for d in common::sample(&zh, 50) {
        queries.push(("title_zh", d.title_zh.clone()));
    }

    let config = MatchConfig { min_score: Some(0.05), max_pairs: 5, ..MatchConfig::default() };
    let m = setup.matcher(&idx, config);
    // Per-query latency, 3 rounds (first round warms the page cache).
    let expect: Vec<usize> = queries.iter().map(|(_, q)| find_one(&idx, &m, &template, q).0).collect();
    let mut by_kind: std::collections::BTreeMap<&str, Vec<std::time::Duration>> = Default::default();
    for round in 0..3 {
        for ((kind, q), e) in queries.iter().zip(&expect) {
            let t = Instant::now();
            let (n, _) = find_one(&idx, &m, &template, q);
            let el = t.elapsed();
            assert_eq!(n, *e);
            if round > 0 {
                by_kind.entry(kind).or_default().push(el);
                by_kind.entry("all").or_default().push(el);
            }
        }
    }
    for (kind, v) in &by_kind {
        let (med, p95) = common::median_p95(v.clone());
        println!("find latency {kind:<9} n={:<4} median {med:.2} ms  p95 {p95:.2} ms", v.len() / 2);
    }

    let mut g = c.benchmark_group("find");
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("batch_200", |b| {
        b.iter(|| {
            for ((_, q), e) in queries.iter().zip(&expect) {
                assert_eq!(find_one(&idx, &m, &template, q).0, *e);
            }
        })
    });
    g.finish();

    // Where matching time goes, per domestic record.
    let sample = common::sample(&domestic, 1000);
    let texts: Vec<(String, Vec<String>)> = sample
        .iter()
        .map(|d| {
            let (q, alts, _) = query_text(d, Some(&setup.glossary));
            (if alts.is_empty() { q } else { format!("{q} {alts}") }, d.ics.clone())
        })
        .collect();
    let hits_expect: usize =
        texts.iter().map(|(q, ics)| idx.search_title_ords(q, "", ics, Side::International, 40).expect("s").len()).sum();
    assert!(hits_expect > 0);
    let tidx = tantivy::Index::open_in_dir(idx.generation.join("tantivy")).expect("open tantivy");
    let reader = tidx.reader().expect("reader");
    let searcher = reader.searcher();
    let raw: Vec<BooleanQuery> = texts.iter().filter_map(|(q, _)| common::raw_query(&tidx, q)).collect();
    let m = setup.matcher(&idx, MatchConfig::default());
    let cand_expect: usize = sample.iter().map(|d| m.candidates(d).len()).sum();

    let mut g = c.benchmark_group("match_split_1k");
    g.throughput(Throughput::Elements(sample.len() as u64));
    g.bench_function("tantivy_only_top40", |b| {
        b.iter(|| {
            let n: usize = raw
                .iter()
                .map(|q| searcher.search(q, &TopDocs::with_limit(40).order_by_score()).expect("search").len())
                .sum();
            assert_eq!(n, hits_expect);
        })
    });
    g.bench_function("search_title_ords_top40", |b| {
        b.iter(|| {
            let n: usize = texts
                .iter()
                .map(|(q, ics)| idx.search_title_ords(q, "", ics, Side::International, 40).expect("search").len())
                .sum();
            assert_eq!(n, hits_expect);
        })
    });
    g.bench_function("candidates", |b| {
        b.iter(|| {
            let n: usize = sample.iter().map(|d| m.candidates(d).len()).sum();
            assert_eq!(n, cand_expect);
        })
    });
    g.finish();
}

criterion_group! { name = benches; config = common::quick(); targets = bench }
criterion_main!(benches);
