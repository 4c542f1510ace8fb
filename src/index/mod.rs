//! Stage 2: records in, a tantivy index on disk out; look-ups and candidate
//! retrieval for the later stages.
//!
//! Layout of an index directory:
//!
//! ```text
//! DIR/CURRENT           name of the live generation (replaced atomically)
//! DIR/.lock             writer lock (one `ingest` at a time)
//! DIR/gen-<stamp>/      one complete build:
//!     tantivy/          the search index
//!     meta.json         format version, build time, ingest summary
//!     quarantine.csv    rows not indexed, with reasons
//! ```
//!
//! Invariant: `CURRENT` only ever names a generation whose build finished
//! and was synced. A crash mid-build leaves an unreferenced `gen-*` folder
//! that the next build removes; readers keep seeing the previous index.
//!
//! Schema: `id`, `side`, `keys` (every spelling of the number: edition,
//! work item, aliases), `work_item`, `title_en` (English, stemmed),
//! `title_zh` (Chinese, jieba), `ics` (every level of every code) — for
//! international records; domestic records use `dom_title_en`,
//! `dom_title_zh` and `dom_ics`, so that a title search of one side is a
//! plain disjunction of term queries (block-max WAND applies) —
//! `committee`, `status`, `family`, `year`, `declared` (work items a
//! domestic record declares), and the stored `record` (JSON).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::ident::StdRef;
use crate::ingest::{write_quarantine, IngestSummary, Ingested};
use crate::model::{Record, Side};
use crate::progress::Progress;

/// On-disk format version. An index with another version is refused with
/// a "rebuild the index" message. 5: title token statistics keep the
/// designator `A` (`Test A: Cold`).
pub const INDEX_FORMAT_VERSION: u32 = 5;

/// Stemmed English stop words left out of candidate queries.
const QUERY_STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "it", "of", "on", "or", "the", "to", "with", "be",
    "is", "are", "其", "的", "和", "与", "及", "用",
];

/// Default index directory.
pub const DEFAULT_INDEX_DIR: &str = "stdalign-index";

/// The stdalign metadata stored beside the tantivy files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexMeta {
    /// [`INDEX_FORMAT_VERSION`] at build time.
    pub format_version: u32,
    /// stdalign version that built the index.
    pub built_by: String,
    /// Build time (UTC, RFC 3339).
    pub built_at: String,
    /// Input files with their modification dates (catalogue snapshot dates).
    pub inputs: Vec<InputMeta>,
    /// The ingest summary.
    pub summary: serde_json::Value,
}

/// One input file of a build.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InputMeta {
    /// Path as given.
    pub path: String,
    /// Side.
    pub side: Side,
    /// File modification date (`YYYY-MM-DD`), the catalogue snapshot date
    /// unless the user states another.
    pub snapshot: String,
}

impl InputMeta {
    /// The metadata of one input file; its snapshot date is the file's
    /// modification date (empty when the file system does not say).
    pub fn of(input: &crate::ingest::InputFile) -> InputMeta {
        InputMeta {
            path: input.path.display().to_string(),
            side: input.side,
            snapshot: std::fs::metadata(&input.path)
                .and_then(|m| m.modified())
                .map(|t| chrono::DateTime::<chrono::Utc>::from(t).format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        }
    }
}

/// Field handles of the schema.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    side: Field,
    keys: Field,
    work_item: Field,
    title_en: Field,
    title_zh: Field,
    dom_title_en: Field,
    dom_title_zh: Field,
    dom_ics: Field,
    declared: Field,
    ics: Field,
    committee: Field,
    status: Field,
    family: Field,
    year: Field,
    ord: Field,
    record: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let en = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let zh = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer("jieba").set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        id: b.add_text_field("id", STRING | STORED),
        side: b.add_text_field("side", STRING),
        keys: b.add_text_field("keys", STRING),
        work_item: b.add_text_field("work_item", STRING | STORED),
        title_en: b.add_text_field("title_en", en.clone()),
        title_zh: b.add_text_field("title_zh", zh.clone()),
        dom_title_en: b.add_text_field("dom_title_en", en.clone()),
        dom_title_zh: b.add_text_field("dom_title_zh", zh),
        dom_ics: b.add_text_field("dom_ics", STRING),
        declared: b.add_text_field("declared", STRING),
        ics: b.add_text_field("ics", STRING),
        committee: b.add_text_field("committee", STRING),
        status: b.add_text_field("status", STRING),
        family: b.add_text_field("family", STRING),
        year: b.add_u64_field("year", NumericOptions::default().set_indexed().set_fast()),
        ord: b.add_u64_field("ord", NumericOptions::default().set_fast()),
        record: b.add_text_field("record", STORED),
    };
    (b.build(), f)
}

fn register_tokenizers(index: &Index) {
    index.tokenizers().register("jieba", tantivy_jieba::JiebaTokenizer::new());
}

/// Every spelling under which a record can be looked up, lowercased.
pub fn number_keys(r: &Record) -> Vec<String> {
    let mut keys = vec![r.id.clone(), r.reference.work_item(), r.raw_number.clone()];
    for alt in crate::matching::alt_refs(&r.reference) {
        keys.push(alt.work_item());
        keys.push(alt.edition());
    }
    if !r.reference.is_supplement() {
        keys.push(r.reference.edition());
    }
    for a in &r.aliases {
        keys.push(a.clone());
        if let Ok(p) = StdRef::parse(a) {
            keys.push(p.work_item());
            keys.push(p.edition());
            keys.push(p.to_string());
        }
    }
    let mut keys: Vec<String> = keys.into_iter().map(|k| key_norm(&k)).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Normalises a number key for term look-up.
pub fn key_norm(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Every level of an ICS code: `43.040.20` → `43`, `43.040`, `43.040.20`.
pub fn ics_levels(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let main = code.split('-').next().unwrap_or(code);
    let mut acc = String::new();
    for (i, p) in main.split('.').enumerate() {
        if i > 0 {
            acc.push('.');
        }
        acc.push_str(p);
        out.push(acc.clone());
    }
    out
}

fn to_doc(f: &Fields, r: &Record, ord: u64) -> Result<TantivyDocument> {
    let mut d = TantivyDocument::default();
    d.add_u64(f.ord, ord);
    d.add_text(f.id, &r.id);
    d.add_text(f.side, r.side.as_str());
    for k in number_keys(r) {
        d.add_text(f.keys, &k);
    }
    d.add_text(f.work_item, r.reference.work_item());
    let (f_en, f_zh, f_ics) = match r.side {
        Side::International => (f.title_en, f.title_zh, f.ics),
        Side::Domestic => (f.dom_title_en, f.dom_title_zh, f.dom_ics),
    };
    if !r.title_en.is_empty() {
        d.add_text(f_en, &r.title_en);
    }
    if !r.title_zh.is_empty() {
        d.add_text(f_zh, &r.title_zh);
    }
    for code in &r.ics {
        for l in ics_levels(code) {
            d.add_text(f_ics, &l);
        }
    }
    if !r.committee.is_empty() {
        d.add_text(f.committee, &r.committee);
    }
    d.add_text(f.status, r.status.as_str());
    if let Some(decl) = &r.declaration {
        for dr in decl.refs.iter().filter(|x| x.reference.is_international()) {
            d.add_text(f.declared, key_norm(&dr.reference.work_item()));
        }
    }
    d.add_text(f.family, format!("{:?}", r.reference.family).to_lowercase());
    if let Some(y) = r.year() {
        d.add_u64(f.year, y as u64);
    }
    d.add_text(f.record, serde_json::to_string(r)?);
    Ok(d)
}

/// Builds a new generation from ingested records and makes it current.
///
/// Holds the writer lock for the whole build. Returns the generation
/// directory.
pub fn build(dir: &Path, ingested: &Ingested, inputs: Vec<InputMeta>, progress: &dyn Progress) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let _lock = WriteLock::acquire(dir)?;
    let current = read_current(dir);
    // Remove leftovers of crashed builds and generations older than the
    // current one (a reader may still be opening the current one).
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with("gen-") && Some(&name) != current.as_ref() {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f").to_string();
    let gen_name = format!("gen-{stamp}-{}", std::process::id());
    let gen = dir.join(&gen_name);
    let tdir = gen.join("tantivy");
    std::fs::create_dir_all(&tdir).map_err(|e| Error::io(&tdir, e))?;
    let (schema, f) = schema();
    let index = Index::create_in_dir(&tdir, schema)?;
    register_tokenizers(&index);
    // One indexing thread: segment layout and document order then depend
    // only on the input, so BM25 ties and ranks — and every score derived
    // from them — are identical from one build to the next.
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 256_000_000)?;
    progress.start("indexing", ingested.records.len() as u64);
    // `ord` is the record's position among the records of its side, sorted
    // by id: the same order as [`StdIndex::records`], so a search hit maps to
    // an in-memory record without loading the stored document.
    let mut ords = [0u64; 2];
    for (i, r) in ingested.records.iter().enumerate() {
        let slot = &mut ords[r.side as usize];
        writer.add_document(to_doc(&f, r, *slot)?)?;
        *slot += 1;
        if i % 1024 == 1023 {
            progress.inc(1024);
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    progress.finish();
    let summary: &IngestSummary = &ingested.summary;
    let meta = IndexMeta {
        format_version: INDEX_FORMAT_VERSION,
        built_by: format!("stdalign {}", env!("CARGO_PKG_VERSION")),
        built_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        inputs,
        summary: serde_json::to_value(summary)?,
    };
    let meta_path = gen.join("meta.json");
    write_synced(&meta_path, serde_json::to_string_pretty(&meta)?.as_bytes())?;
    write_quarantine(&gen.join("quarantine.csv"), &ingested.quarantine)?;
    // Title-token document frequencies of the international side, so that a
    // single look-up (`find`) can score candidates without loading every record.
    let stats =
        crate::matching::TitleStats::from_records(ingested.records.iter().filter(|r| r.side == Side::International));
    write_synced(&gen.join("title_stats.json"), serde_json::to_string(&stats)?.as_bytes())?;
    sync_dir(&tdir);
    sync_dir(&gen);
    // The switch: write CURRENT.tmp, sync, rename over CURRENT.
    // CURRENT.tmp is created afresh (never through a symlink left there).
    let tmp = dir.join("CURRENT.tmp");
    let _ = std::fs::remove_file(&tmp);
    write_synced(&tmp, gen_name.as_bytes())?;
    std::fs::rename(&tmp, dir.join("CURRENT")).map_err(|e| Error::io(dir, e))?;
    sync_dir(dir);
    Ok(gen)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| Error::io(path, e))?;
    f.write_all(bytes).map_err(|e| Error::io(path, e))?;
    f.sync_all().map_err(|e| Error::io(path, e))?;
    Ok(())
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

fn read_current(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("CURRENT"))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| s.starts_with("gen-") && !s.contains('/') && !s.contains(".."))
}

/// The writer lock: an exclusive advisory lock on `DIR/.lock`.
#[derive(Debug)]
pub struct WriteLock {
    _file: std::fs::File,
}

impl WriteLock {
    /// Takes the lock or fails at once with [`Error::Locked`].
    pub fn acquire(dir: &Path) -> Result<WriteLock> {
        use fs2::FileExt;
        let path = dir.join(".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        file.try_lock_exclusive().map_err(|_| Error::Locked { path: dir.into(), lock: path })?;
        Ok(WriteLock { _file: file })
    }
}

/// An opened index: the tantivy reader plus stdalign metadata.
pub struct StdIndex {
    index: Index,
    reader: IndexReader,
    /// The searcher of the opened generation (it never changes: a build
    /// writes a new generation) and, per segment, its `ord` fast-field column,
    /// opened once instead of once per hit.
    searcher: tantivy::Searcher,
    ord_cols: Vec<tantivy::columnar::Column<u64>>,
    f: Fields,
    /// Metadata of the generation.
    pub meta: IndexMeta,
    /// The generation directory.
    pub generation: PathBuf,
}

impl std::fmt::Debug for StdIndex {
    fn fmt(&self, fmt: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fmt.debug_struct("StdIndex").field("generation", &self.generation).finish()
    }
}

/// A scored search hit.
#[derive(Debug, Clone)]
pub struct Hit {
    /// BM25 score from tantivy.
    pub score: f32,
    /// The record.
    pub record: Record,
}

impl StdIndex {
    /// Opens the current generation of an index directory.
    ///
    /// A writer may switch `CURRENT` and remove the generation this reader
    /// was about to open (it keeps the previous generation, but a reader
    /// that read `CURRENT` two builds ago loses the race): when opening
    /// fails and `CURRENT` has moved meanwhile, the new one is opened.
    pub fn open(dir: &Path) -> Result<StdIndex> {
        let mut attempt = 0;
        loop {
            let gen_name = read_current(dir).ok_or_else(|| Error::NoIndex { path: dir.into() })?;
            match StdIndex::open_generation(dir, &gen_name) {
                Ok(idx) => return Ok(idx),
                Err(e) => {
                    attempt += 1;
                    if attempt >= 5 || read_current(dir).as_deref() == Some(gen_name.as_str()) {
                        return Err(e);
                    }
                }
            }
        }
    }

    fn open_generation(dir: &Path, gen_name: &str) -> Result<StdIndex> {
        let generation = dir.join(gen_name);
        let meta_path = generation.join("meta.json");
        let text = std::fs::read_to_string(&meta_path).map_err(|e| Error::io(&meta_path, e))?;
        let raw: serde_json::Value = serde_json::from_str(&text)?;
        let found = raw.get("format_version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        if found != INDEX_FORMAT_VERSION {
            return Err(Error::IndexVersion { path: dir.into(), expected: INDEX_FORMAT_VERSION, found });
        }
        let meta: IndexMeta = serde_json::from_value(raw)?;
        let index = Index::open_in_dir(generation.join("tantivy"))?;
        register_tokenizers(&index);
        let (_, f) = schema();
        let reader = index.reader_builder().reload_policy(tantivy::ReloadPolicy::Manual).try_into()?;
        let searcher = reader.searcher();
        let ord_cols = searcher
            .segment_readers()
            .iter()
            .map(|seg| seg.fast_fields().u64("ord"))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(StdIndex { index, reader, searcher, ord_cols, f, meta, generation })
    }

    /// Path of the quarantine file of this generation.
    pub fn quarantine_path(&self) -> PathBuf {
        self.generation.join("quarantine.csv")
    }

    fn load(&self, searcher: &tantivy::Searcher, addr: tantivy::DocAddress) -> Result<Record> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let json = doc
            .get_first(self.f.record)
            .and_then(|v| v.as_str())
            .ok_or_else(|| Error::invalid("index", "document without a stored record; rebuild the index"))?;
        Ok(serde_json::from_str(json)?)
    }

    /// Every record of a side (or both), sorted by id.
    pub fn records(&self, side: Option<Side>) -> Result<Vec<Record>> {
        let searcher = self.reader.searcher();
        let mut out = Vec::new();
        for (ord, seg) in searcher.segment_readers().iter().enumerate() {
            let store = seg.get_store_reader(64).map_err(|e| Error::io(&self.generation, e))?;
            for doc in store.iter::<TantivyDocument>(seg.alive_bitset()) {
                let doc = doc?;
                let json = doc.get_first(self.f.record).and_then(|v| v.as_str()).unwrap_or("");
                let r: Record = serde_json::from_str(json)?;
                if side.is_none_or(|s| s == r.side) {
                    out.push(r);
                }
            }
            let _ = ord;
        }
        out.sort_by(|a, b| (a.side, &a.id).cmp(&(b.side, &b.id)));
        Ok(out)
    }

    /// Records whose number matches `query` (any spelling): first by exact
    /// edition, then by work item. Both sides unless `side` is given.
    pub fn lookup(&self, query: &str, side: Option<Side>) -> Result<Vec<Record>> {
        let mut keys = vec![key_norm(query)];
        if let Ok(r) = StdRef::parse(query) {
            keys.insert(0, key_norm(&r.to_string()));
            keys.push(key_norm(&r.edition()));
            keys.push(key_norm(&r.work_item()));
        }
        keys.dedup();
        let searcher = self.reader.searcher();
        for k in keys {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
                Occur::Must,
                Box::new(TermQuery::new(Term::from_field_text(self.f.keys, &k), IndexRecordOption::Basic)),
            )];
            if let Some(s) = side {
                clauses.push((
                    Occur::Must,
                    Box::new(TermQuery::new(Term::from_field_text(self.f.side, s.as_str()), IndexRecordOption::Basic)),
                ));
            }
            let q = BooleanQuery::new(clauses);
            let hits = searcher.search(&q, &TopDocs::with_limit(200).order_by_score())?;
            if !hits.is_empty() {
                let mut out = Vec::with_capacity(hits.len());
                for (_, addr) in hits {
                    out.push(self.load(&searcher, addr)?);
                }
                out.sort_by(|a, b| (a.side, &a.id).cmp(&(b.side, &b.id)));
                return Ok(out);
            }
        }
        Ok(Vec::new())
    }

    /// BM25 candidates for a title, English and/or Chinese, on one side,
    /// boosted by shared ICS codes. `k` bounds the result.
    pub fn search_titles(
        &self,
        title_en: &str,
        title_zh: &str,
        ics: &[String],
        side: Side,
        k: usize,
    ) -> Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let q = self.title_query(title_en, title_zh, ics, side)?;
        let Some(q) = q else { return Ok(Vec::new()) };
        let hits = searcher.search(&q, &TopDocs::with_limit(k).order_by_score())?;
        let mut out = Vec::with_capacity(hits.len());
        for (score, addr) in hits {
            out.push(Hit { score, record: self.load(&searcher, addr)? });
        }
        Ok(out)
    }

    /// Like [`search_titles`](Self::search_titles), returning each hit's
    /// position among the side's records sorted by id (the order of
    /// [`records`](Self::records)), read from a fast field: the fast path for
    /// batch matching.
    pub fn search_title_ords(
        &self,
        title_en: &str,
        title_zh: &str,
        ics: &[String],
        side: Side,
        k: usize,
    ) -> Result<Vec<(f32, usize)>> {
        let Some(q) = self.title_query(title_en, title_zh, ics, side)? else { return Ok(Vec::new()) };
        let hits = self.searcher.search(&q, &TopDocs::with_limit(k).order_by_score())?;
        let mut out = Vec::with_capacity(hits.len());
        for (score, addr) in hits {
            let Some(col) = self.ord_cols.get(addr.segment_ord as usize) else { continue };
            if let Some(o) = col.first(addr.doc_id) {
                out.push((score, o as usize));
            }
        }
        // Equal scores are ordered by record position, not by where the
        // documents sit in segments.
        out.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal).then(a.1.cmp(&b.1)));
        Ok(out)
    }

    fn title_query(&self, title_en: &str, title_zh: &str, ics: &[String], side: Side) -> Result<Option<BooleanQuery>> {
        // The candidate query is a plain disjunction of title terms of the
        // searched side's fields, so that tantivy can prune with block-max
        // WAND; ICS agreement is scored later, in rescoring. Stop words are
        // left out: they cost posting-list traversals and carry no evidence.
        let _ = ics;
        let (f_en, f_zh) = match side {
            Side::International => (self.f.title_en, self.f.title_zh),
            Side::Domestic => (self.f.dom_title_en, self.f.dom_title_zh),
        };
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, text) in [(f_en, title_en), (f_zh, title_zh)] {
            if text.trim().is_empty() {
                continue;
            }
            let mut analyzer = self.index.tokenizer_for_field(field)?;
            let mut stream = analyzer.token_stream(text);
            let mut seen = std::collections::BTreeSet::new();
            while let Some(tok) = stream.next() {
                if tok.text.chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
                    continue;
                }
                if QUERY_STOP_WORDS.contains(&tok.text.as_str()) {
                    continue;
                }
                seen.insert(tok.text.clone());
            }
            for t in seen.into_iter().take(32) {
                should.push((
                    Occur::Should,
                    Box::new(TermQuery::new(Term::from_field_text(field, &t), IndexRecordOption::WithFreqs)),
                ));
            }
        }
        if should.is_empty() {
            return Ok(None);
        }
        Ok(Some(BooleanQuery::new(should)))
    }

    /// Domestic records whose declaration names this international work item.
    pub fn declaring(&self, work_item: &str) -> Result<Vec<Record>> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(Term::from_field_text(self.f.declared, &key_norm(work_item)), IndexRecordOption::Basic);
        let hits = searcher.search(&q, &TopDocs::with_limit(10_000).order_by_score())?;
        let mut out = Vec::with_capacity(hits.len());
        for (_, addr) in hits {
            out.push(self.load(&searcher, addr)?);
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// The title-token document frequencies written at build time.
    pub fn title_stats(&self) -> Result<crate::matching::TitleStats> {
        let p = self.generation.join("title_stats.json");
        let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
        Ok(serde_json::from_str(&text)?)
    }

    /// Number of documents.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_levels_expand() {
        assert_eq!(ics_levels("43.040.20"), vec!["43", "43.040", "43.040.20"]);
        assert_eq!(ics_levels("01"), vec!["01"]);
    }
}
