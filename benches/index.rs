//! Index build and the matching hot paths on the bundled international
//! corpora plus a generated domestic catalogue (seed 1):
//!
//! - `index_build`: records → `index::build` into a fresh temporary directory;
//! - `retrieval/search_title_ords`: BM25 candidate retrieval as the matcher
//!   calls it (top 40, English text or glossary translation, ICS boost);
//! - `retrieval/tantivy_only`: the same queries, pre-built, run straight on
//!   tantivy with no ord look-up: the lower bound of retrieval;
//! - `rescoring/candidates`: `Matcher::candidates` (retrieval + features +
//!   model + edition choice);
//! - `rescoring/match_all`: the whole title + declared pass on the sample.

mod common;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use stdalign::index;
use stdalign::matching::{match_all, query_text, resolve_declared, MatchConfig};
use stdalign::model::Side;
use stdalign::progress::NoProgress;
use tantivy::collector::TopDocs;
use tantivy::query::BooleanQuery;

/// Generated domestic rows in the bench index.
const DOMESTIC: usize = 2_000;
/// Domestic records used as queries.
const QUERIES: usize = 500;
/// Records in the bench index (international corpora + generated domestic).
const EXPECT_RECORDS: usize = 2337;
/// Total hits of `search_title_ords` over the queries.
const EXPECT_HITS: usize = 18200;
/// Total candidates of `Matcher::candidates` over the queries.
const EXPECT_CANDIDATES: usize = 10681;
/// Pairs of `match_all` over the queries.
const EXPECT_PAIRS: usize = 281;

fn bench(c: &mut Criterion) {
    let bi = common::corpora_index(DOMESTIC);
    common::expect_count("EXPECT_RECORDS", bi.ingested.records.len(), EXPECT_RECORDS);

    let mut g = c.benchmark_group("index_build");
    g.throughput(Throughput::Elements(bi.ingested.records.len() as u64));
    g.bench_function("corpora_plus_2k_domestic", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tempdir"),
            |dir| {
                let idx_dir = dir.path().join("index");
                index::build(&idx_dir, &bi.ingested, Vec::new(), &NoProgress).expect("build");
                let n = index::StdIndex::open(&idx_dir).expect("open").num_docs();
                common::expect_count("EXPECT_RECORDS", n as usize, EXPECT_RECORDS);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();

    let setup = common::Setup::load(&bi.index);
    let domestic = bi.index.records(Some(Side::Domestic)).expect("records");
    let queries_rec = common::sample(&domestic, QUERIES);
    let queries: Vec<(String, Vec<String>)> = queries_rec
        .iter()
        .map(|d| {
            let (q, alts, _) = query_text(d, Some(&setup.glossary));
            (if alts.is_empty() { q } else { format!("{q} {alts}") }, d.ics.clone())
        })
        .collect();

    let mut g = c.benchmark_group("retrieval");
    g.throughput(Throughput::Elements(queries.len() as u64));
    g.bench_function("search_title_ords_top40", |b| {
        b.iter(|| {
            let n: usize = queries
                .iter()
                .map(|(q, ics)| bi.index.search_title_ords(q, "", ics, Side::International, 40).expect("search").len())
                .sum();
            common::expect_count("EXPECT_HITS", n, EXPECT_HITS);
        })
    });
    let tidx = tantivy::Index::open_in_dir(bi.index.generation.join("tantivy")).expect("open tantivy");
    let reader = tidx.reader().expect("reader");
    let searcher = reader.searcher();
    let raw: Vec<BooleanQuery> = queries.iter().filter_map(|(q, _)| common::raw_query(&tidx, q)).collect();
    g.bench_function("tantivy_only_top40", |b| {
        b.iter(|| {
            let n: usize = raw
                .iter()
                .map(|q| searcher.search(q, &TopDocs::with_limit(40).order_by_score()).expect("search").len())
                .sum();
            common::expect_count("EXPECT_HITS", n, EXPECT_HITS);
        })
    });
    g.finish();

    let matcher = setup.matcher(&bi.index, MatchConfig::default());
    let mut g = c.benchmark_group("rescoring");
    g.throughput(Throughput::Elements(queries_rec.len() as u64));
    g.bench_function("candidates", |b| {
        b.iter(|| {
            let n: usize = queries_rec.iter().map(|d| matcher.candidates(d).len()).sum();
            common::expect_count("EXPECT_CANDIDATES", n, EXPECT_CANDIDATES);
        })
    });
    let resolved = resolve_declared(&setup.catalogue, &queries_rec);
    g.bench_function("match_all", |b| {
        b.iter(|| {
            let pairs = match_all(&matcher, &queries_rec, &resolved, &NoProgress);
            common::expect_count("EXPECT_PAIRS", pairs.len(), EXPECT_PAIRS);
        })
    });
    g.bench_function("resolve_declared", |b| {
        b.iter(|| assert_eq!(resolve_declared(&setup.catalogue, &queries_rec).len(), resolved.len()))
    });
    g.finish();
}

criterion_group! { name = benches; config = common::quick(); targets = bench }
criterion_main!(benches);
