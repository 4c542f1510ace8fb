//! Shared set-up of the stdalign benches: bundled corpora, generated
//! domestic catalogues, indexes in temporary directories, and matchers.
//!
//! Everything here uses the public library API only.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use stdalign::index::{self, StdIndex};
use stdalign::ingest::{ingest, IngestOptions, Ingested, InputFile};
use stdalign::matching::glossary::Glossary;
use stdalign::matching::{default_models, Catalogue, MatchConfig, Matcher};
use stdalign::model::{Record, Side};
use stdalign::progress::NoProgress;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

/// Short measurements so that `cargo bench` finishes in a few minutes.
pub fn quick() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

/// The bundled `corpora/` directory.
pub fn corpora() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora")
}

/// The bundled international catalogues (ISO, IEC, ITU-T CSV and ISO Open Data JSONL).
pub fn corpora_international() -> Vec<InputFile> {
    ["iso.csv", "iec.csv", "itu.csv", "iso_opendata.jsonl"]
        .iter()
        .map(|f| InputFile::new(corpora().join("international").join(f), Side::International))
        .collect()
}

/// Ingests files with default options.
pub fn ingest_files(inputs: &[InputFile]) -> Ingested {
    ingest(inputs, &IngestOptions::default(), &NoProgress).expect("ingest")
}

/// International records of the bundled corpora.
pub fn corpora_international_records() -> Vec<Record> {
    ingest_files(&corpora_international()).records
}

/// A generated domestic catalogue (`stdalign gen` logic, bundled corpora as
/// the international side, bundled glossary) of `count` rows.
pub fn generated_rows(count: usize, seed: u64) -> Vec<stdalign::gen::DomesticRow> {
    let intl = corpora_international_records();
    let text = std::fs::read_to_string(corpora().join("glossary/zh_en.tsv")).expect("glossary");
    let glossary = stdalign::gen::Glossary::parse(&text).expect("parse glossary");
    let cfg = stdalign::gen::GenConfig { count, seed, ..Default::default() };
    stdalign::gen::generate(&intl, Some(&glossary), &cfg).rows
}

/// Writes a generated domestic catalogue as UTF-8 CSV.
pub fn write_generated_csv(path: &Path, rows: &[stdalign::gen::DomesticRow]) {
    let f = std::fs::File::create(path).expect("create csv");
    stdalign::gen::write_domestic_csv(std::io::BufWriter::new(f), rows).expect("write csv");
}

/// The matching glossary (zh → en) bundled in `corpora/glossary`.
pub fn matching_glossary() -> Glossary {
    let text = std::fs::read_to_string(corpora().join("glossary/zh_en.tsv")).expect("glossary");
    Glossary::parse(&text).expect("parse glossary")
}

/// An index built in a temporary directory from the bundled international
/// corpora and `domestic_rows` generated domestic rows.
pub struct BenchIndex {
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
    /// The ingested records (what the index was built from).
    pub ingested: Ingested,
    /// The opened index.
    pub index: StdIndex,
}

/// Builds a [`BenchIndex`].
pub fn corpora_index(domestic_rows: usize) -> BenchIndex {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut inputs = corpora_international();
    if domestic_rows > 0 {
        let csv = dir.path().join("domestic.csv");
        write_generated_csv(&csv, &generated_rows(domestic_rows, 1));
        inputs.push(InputFile::new(csv, Side::Domestic));
    }
    let ingested = ingest_files(&inputs);
    let idx_dir = dir.path().join("index");
    index::build(&idx_dir, &ingested, Vec::new(), &NoProgress).expect("build index");
    let index = StdIndex::open(&idx_dir).expect("open index");
    BenchIndex { dir, ingested, index }
}

/// What a matcher borrows (the CLI's `MatchSetup`, rebuilt from the public API).
pub struct Setup {
    /// International records with look-up tables.
    pub catalogue: Catalogue,
    /// zh → en glossary.
    pub glossary: Glossary,
}

impl Setup {
    /// Loads the catalogue from the index and the bundled glossary.
    pub fn load(idx: &StdIndex) -> Setup {
        let catalogue = Catalogue::new(idx.records(Some(Side::International)).expect("records"));
        Setup { catalogue, glossary: matching_glossary() }
    }

    /// A matcher with the built-in models.
    pub fn matcher<'a>(&'a self, idx: &'a StdIndex, config: MatchConfig) -> Matcher<'a> {
        let (model_en, model_zh) = default_models();
        Matcher { cat: &self.catalogue, source: idx, glossary: Some(&self.glossary), model_en, model_zh, config }
    }
}

/// The index named by `STDALIGN_BENCH_INDEX` (built by `benches/e2e.sh`), if any.
pub fn env_index() -> Option<StdIndex> {
    let dir = std::env::var_os("STDALIGN_BENCH_INDEX")?;
    match StdIndex::open(Path::new(&dir)) {
        Ok(i) => Some(i),
        Err(e) => {
            eprintln!("STDALIGN_BENCH_INDEX={}: {e}; skipping", Path::new(&dir).display());
            None
        }
    }
}

/// Every `step`-th element, at most `n`: a deterministic sample.
pub fn sample<T: Clone>(v: &[T], n: usize) -> Vec<T> {
    let step = (v.len() / n.max(1)).max(1);
    v.iter().step_by(step).take(n).cloned().collect()
}

/// Median and 95th percentile of durations, in milliseconds.
pub fn median_p95(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let med = ms(v[v.len() / 2]);
    let p95 = ms(v[((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1]);
    (med, p95)
}

/// Stop words the matcher leaves out of candidate queries (a copy of the
/// private list in `src/index/mod.rs`).
const QUERY_STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "it", "of", "on", "or", "the", "to", "with", "be",
    "is", "are",
];

/// The matcher's retrieval query rebuilt on raw tantivy: the same plain
/// disjunction of stemmed English title terms (stop words left out, at most
/// 32 terms) of the international side. Keep in step with
/// `StdIndex::title_query`.
pub fn raw_query(index: &tantivy::Index, text: &str) -> Option<BooleanQuery> {
    let title = index.schema().get_field("title_en").ok()?;
    let mut analyzer = index.tokenizer_for_field(title).ok()?;
    let mut stream = analyzer.token_stream(text);
    let mut seen = std::collections::BTreeSet::new();
    while let Some(t) = stream.next() {
        if !t.text.chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation())
            && !QUERY_STOP_WORDS.contains(&t.text.as_str())
        {
            seen.insert(t.text.clone());
        }
    }
    if seen.is_empty() {
        return None;
    }
    let should: Vec<(Occur, Box<dyn Query>)> = seen
        .into_iter()
        .take(32)
        .map(|t| {
            let q: Box<dyn Query> =
                Box::new(TermQuery::new(Term::from_field_text(title, &t), IndexRecordOption::WithFreqs));
            (Occur::Should, q)
        })
        .collect();
    Some(BooleanQuery::new(should))
}

/// Asserts a known count inside a measured loop, so that a broken
/// optimisation cannot look fast. With `STDALIGN_BENCH_CALIBRATE=1` it
/// prints the count instead (to update the constants after an intended
/// change of results).
pub fn expect_count(what: &str, got: usize, expected: usize) {
    static CALIBRATE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *CALIBRATE.get_or_init(|| std::env::var_os("STDALIGN_BENCH_CALIBRATE").is_some()) {
        if got != expected {
            println!("calibrate: {what} = {got} (constant says {expected})");
        }
    } else {
        assert_eq!(got, expected, "{what}: results changed (STDALIGN_BENCH_CALIBRATE=1 prints the new counts)");
    }
}
