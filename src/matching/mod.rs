//! Stage 3: domestic records in, explained [`Pair`]s out.
//!
//! Input: the international records as a [`Catalogue`], the domestic
//! records, a [`CandidateSource`] (the tantivy index, or anything that can
//! return BM25 candidates), the glossary and a [`Model`].
//! Output: [`Pair`]s — each domestic standard's international equivalents,
//! with degree, source, score, rank and an explanation.
//!
//! Two passes, deterministic first (the staged approach record-linkage users
//! ask for):
//!
//! 1. **Declared adoptions** ([`resolve_declared`]): every reference of a
//!    parsed declaration is resolved against the catalogue by exact edition,
//!    then by work item (edition mismatch reported), then through edition
//!    chains (`ISO 6892:1998` → `ISO 6892-1:2009`), then fuzzily (publisher
//!    swap ISO ↔ ISO/IEC, missing part, one-digit typo). Each resolution says
//!    how; unresolved references are reported.
//! 2. **Title matching** ([`Matcher::candidates`]): top-K BM25 candidates
//!    from the index (English title, or the glossary translation of a
//!    Chinese-only title, plus ICS), rescored with the features of
//!    [`features`] by a logistic [`Model`]; candidates are grouped by work
//!    item and the edition is chosen by year plausibility.
//!
//! Invariant: no I/O. The candidate source is a trait object; results are
//! sorted by (domestic id, rank) whatever the number of threads.

pub mod eval;
pub mod features;
pub mod glossary;
pub mod text;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ident::declaration::Degree;
use crate::ident::StdRef;
use crate::model::{Record, Status};
use features::{Features, Model, N_FEATURES};
use glossary::Glossary;

/// Where BM25 candidates come from (implemented by the index).
pub trait CandidateSource: Sync {
    /// Up to `k` international records for a title, as (BM25 score,
    /// position in the catalogue's record list).
    fn candidates(&self, title_en: &str, ics: &[String], k: usize) -> Vec<(f32, usize)>;
}

impl CandidateSource for crate::index::StdIndex {
    fn candidates(&self, title_en: &str, ics: &[String], k: usize) -> Vec<(f32, usize)> {
        self.search_title_ords(title_en, "", ics, crate::model::Side::International, k).unwrap_or_default()
    }
}

/// The international catalogue in memory, with look-up tables.
#[derive(Debug)]
pub struct Catalogue {
    /// Records sorted by id.
    pub records: Vec<Record>,
    by_key: HashMap<String, usize>,
    by_work: HashMap<String, Vec<usize>>,
    by_number: HashMap<String, Vec<usize>>,
    replaced_in: HashMap<String, Vec<usize>>,
    tokens: Vec<Vec<String>>,
    idf: HashMap<String, f64>,
    max_idf: f64,
}

impl Catalogue {
    /// Builds the tables. `records` must be the international records sorted
    /// by id (as [`crate::index::StdIndex::records`] returns them).
    pub fn new(records: Vec<Record>) -> Catalogue {
        Catalogue::build(records, None)
    }

    /// Builds the tables for a part of a catalogue (the records a single
    /// look-up needs), with IDF taken from the document frequencies of the
    /// whole catalogue ([`TitleStats`]), so that scores equal those of a full
    /// [`Catalogue::new`].
    pub fn partial(records: Vec<Record>, stats: &TitleStats) -> Catalogue {
        Catalogue::build(records, Some(stats))
    }

    fn build(mut records: Vec<Record>, stats: Option<&TitleStats>) -> Catalogue {
        records.sort_by(|a, b| a.id.cmp(&b.id));
        let mut by_key = HashMap::new();
        let mut by_work: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_number: HashMap<String, Vec<usize>> = HashMap::new();
        let mut replaced_in: HashMap<String, Vec<usize>> = HashMap::new();
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut tokens = Vec::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            by_key.insert(key(&r.id), i);
            for a in &r.aliases {
                by_key.entry(key(a)).or_insert(i);
            }
            if !r.reference.is_supplement() && r.reference.stage.is_none() {
                by_work.entry(r.reference.work_item()).or_default().push(i);
                by_key.entry(key(&r.reference.edition())).or_insert(i);
                by_number.entry(r.reference.number.clone()).or_default().push(i);
                // ITU dual numbers (`Y.4000/Y.2060`): the document is also the
                // work item of its second number.
                for alt in alt_refs(&r.reference) {
                    by_work.entry(alt.work_item()).or_default().push(i);
                    by_key.entry(key(&alt.edition())).or_insert(i);
                }
            }
            for old in &r.replaces {
                replaced_in.entry(key(old)).or_default().push(i);
                if let Ok(p) = StdRef::parse(old) {
                    replaced_in.entry(key(&p.work_item())).or_default().push(i);
                }
            }
            let t = text::strip_parts(&text::tokens(&r.title_en));
            let set: HashSet<&String> = t.iter().collect();
            for tok in set {
                *df.entry(tok.clone()).or_default() += 1;
            }
            tokens.push(t);
        }
        for v in by_work.values_mut() {
            v.sort_by_key(|&i| (records[i].reference.year, records[i].id.clone()));
        }
        let (n, df) = match stats {
            Some(st) => (st.n as f64, st.df.clone()),
            None => (records.len() as f64, df),
        };
        let idf: HashMap<String, f64> =
            df.into_iter().map(|(t, d)| (t, ((n + 1.0) / (d as f64 + 1.0)).ln() + 1.0)).collect();
        let max_idf = (n + 1.0).ln() + 1.0;
        Catalogue { records, by_key, by_work, by_number, replaced_in, tokens, idf, max_idf }
    }

    /// IDF weight of a folded token (unknown tokens weigh the most).
    pub fn idf(&self, t: &str) -> f64 {
        self.idf.get(t).copied().unwrap_or(self.max_idf)
    }

    /// Position in [`records`](Self::records) of the record with this id or alias.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_key.get(&key(id)).copied()
    }

    /// The record with this id or alias.
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.by_key.get(&key(id)).map(|&i| &self.records[i])
    }

    /// Editions of a work item (base documents), oldest first.
    pub fn editions(&self, work_item: &str) -> &[usize] {
        self.by_work.get(work_item).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The current edition of a work item, or its latest. Plain editions
    /// are preferred to IEC value-added versions (`RLV` redlines, `CSV`
    /// consolidations, `SER` series packs) of the same year.
    pub fn current_edition(&self, work_item: &str) -> Option<usize> {
        let eds = self.plain_editions(work_item);
        eds.iter().rev().find(|&&i| self.records[i].status.is_current()).or(eds.last()).copied()
    }

    /// Editions of a work item without IEC value-added versions, unless the
    /// work item only exists in such versions.
    pub fn plain_editions(&self, work_item: &str) -> Vec<usize> {
        let eds = self.editions(work_item);
        let plain: Vec<usize> = eds.iter().copied().filter(|&i| self.records[i].reference.vap.is_none()).collect();
        if plain.is_empty() {
            eds.to_vec()
        } else {
            plain
        }
    }
}

/// The same reference under each of its alternative numbers (ITU dual numbers).
pub fn alt_refs(r: &StdRef) -> Vec<StdRef> {
    r.alt_numbers
        .iter()
        .map(|n| {
            let mut a = r.clone();
            a.number = n.clone();
            a.alt_numbers.clear();
            a
        })
        .collect()
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Document frequencies of title tokens over a whole international
/// catalogue: what IDF weights are computed from.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TitleStats {
    /// Number of international records.
    pub n: usize,
    /// Token → number of records whose title contains it.
    pub df: HashMap<String, usize>,
}

impl TitleStats {
    /// Counts over international records.
    pub fn from_records<'a>(records: impl Iterator<Item = &'a Record>) -> TitleStats {
        let mut st = TitleStats::default();
        for r in records {
            st.n += 1;
            let t = text::strip_parts(&text::tokens(&r.title_en));
            let set: HashSet<&String> = t.iter().collect();
            for tok in set {
                *st.df.entry(tok.clone()).or_default() += 1;
            }
        }
        st
    }
}

/// How a declared reference was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// The declared edition is in the catalogue.
    ExactEdition,
    /// The work item is in the catalogue but not the declared edition.
    WorkItem,
    /// The declared document was replaced, renumbered or split; the catalogue
    /// entry that replaces it was taken.
    EditionChain,
    /// Found by a tolerant rule (publisher swap, missing part, typo).
    Fuzzy,
    /// Nothing in the catalogue corresponds.
    Unresolved,
}

impl Resolution {
    /// Kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Resolution::ExactEdition => "exact-edition",
            Resolution::WorkItem => "work-item",
            Resolution::EditionChain => "edition-chain",
            Resolution::Fuzzy => "fuzzy",
            Resolution::Unresolved => "unresolved",
        }
    }
}

/// A declared reference and what it resolved to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ResolvedRef {
    /// Domestic record id.
    pub domestic: String,
    /// The reference as declared (canonical spelling).
    pub declared: String,
    /// Declared degree.
    pub degree: Degree,
    /// Catalogue record id it resolved to.
    pub international: Option<String>,
    /// How.
    pub resolution: Resolution,
    /// Details (edition mismatch, chain followed, rule used).
    pub note: String,
    /// The declaration text.
    pub text: String,
}

/// Resolves one declared reference against the catalogue.
///
/// An undated reference resolves to the latest edition published no later
/// than the domestic standard (`domestic_year`), else to the current one.
pub fn resolve_ref(
    cat: &Catalogue,
    r: &StdRef,
    domestic_title: &str,
    domestic_year: Option<u16>,
) -> (Option<usize>, Resolution, String) {
    let base = r.base();
    // 1. Exact edition.
    for k in [base.to_string(), base.edition()] {
        if let Some(&i) = cat.by_key.get(&key(&k)) {
            return (Some(i), Resolution::ExactEdition, String::new());
        }
    }
    // 2. Work item.
    let eds = cat.plain_editions(&r.work_item());
    if !eds.is_empty() {
        let pick = match r.year {
            Some(y) => eds
                .iter()
                .rev()
                .find(|&&i| cat.records[i].reference.year.is_some_and(|ey| ey <= y))
                .or(eds.first())
                .copied(),
            None => domestic_year
                .and_then(|dy| eds.iter().rev().find(|&&i| cat.records[i].year().is_some_and(|y| y <= dy)).copied())
                .or_else(|| cat.current_edition(&r.work_item())),
        };
        let note = match r.year {
            Some(y) => format!(
                "edition mismatch: {y} edition not in catalogue; editions: {}",
                eds.iter()
                    .filter_map(|&i| cat.records[i].reference.year)
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "undated reference: latest edition before the domestic standard taken".to_string(),
        };
        return (pick, Resolution::WorkItem, note);
    }
    // 3. Edition chains: a catalogue entry says it replaces the declared one.
    for k in [base.to_string(), base.edition(), r.work_item()] {
        if let Some(v) = cat.replaced_in.get(&key(&k)) {
            let mut v = v.clone();
            v.sort_by_key(|&i| (cat.records[i].reference.year, cat.records[i].id.clone()));
            if let Some(&i) = v.first() {
                let note = format!("{} is replaced by {}", base, cat.records[i].id);
                return (Some(i), Resolution::EditionChain, note);
            }
        }
    }
    // 4. Fuzzy rules.
    let same_year = |i: usize| r.year.is_none() || cat.records[i].reference.year == r.year;
    // 4a. Publisher swap (ISO ↔ ISO/IEC ↔ IEC) with the same number and parts.
    if let Some(cands) = cat.by_number.get(&r.number) {
        let swapped: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&i| cat.records[i].reference.parts == r.parts && cat.records[i].reference.doc_type == r.doc_type)
            .filter(|&i| same_year(i))
            .collect();
        if let Some(&i) = swapped.first() {
            return (
                Some(i),
                Resolution::Fuzzy,
                format!(
                    "publisher differs: declared {}, catalogue {}",
                    r.publisher, cat.records[i].reference.publisher
                ),
            );
        }
        // 4b. Missing or extra part: same number and year, parts differ.
        let mut part_cands: Vec<usize> = cands.iter().copied().filter(|&i| same_year(i) && r.year.is_some()).collect();
        part_cands.sort_by(|&a, &b| {
            let ta = title_sim(cat, a, domestic_title);
            let tb = title_sim(cat, b, domestic_title);
            tb.partial_cmp(&ta).unwrap_or(std::cmp::Ordering::Equal).then(cat.records[a].id.cmp(&cat.records[b].id))
        });
        if let Some(&i) = part_cands.first() {
            return (
                Some(i),
                Resolution::Fuzzy,
                format!("part differs: declared {}, catalogue {}", r, cat.records[i].id),
            );
        }
    }
    // 4c. One-character typo in the number, same publisher family and year,
    // confirmed by title similarity when a title is known.
    if r.year.is_some() && r.number.len() >= 3 {
        let mut best: Option<(f64, usize)> = None;
        for (num, cands) in &cat.by_number {
            if num.len().abs_diff(r.number.len()) > 1 || strsim::levenshtein(num, &r.number) != 1 {
                continue;
            }
            for &i in cands {
                let c = &cat.records[i].reference;
                if c.year != r.year || c.parts != r.parts {
                    continue;
                }
                let sim = if domestic_title.is_empty() { 0.5 } else { title_sim(cat, i, domestic_title) };
                if sim >= 0.5
                    && best.is_none_or(|(s, j)| sim > s || (sim == s && cat.records[i].id < cat.records[j].id))
                {
                    best = Some((sim, i));
                }
            }
        }
        if let Some((_, i)) = best {
            return (
                Some(i),
                Resolution::Fuzzy,
                format!("number typo: declared {}, catalogue {}", r, cat.records[i].id),
            );
        }
    }
    (None, Resolution::Unresolved, "no catalogue entry for this reference".to_string())
}

fn title_sim(cat: &Catalogue, i: usize, title: &str) -> f64 {
    let a = text::strip_parts(&text::tokens(title));
    weighted_jaccard(cat, &a, &cat.tokens[i])
}

fn weighted_jaccard(cat: &Catalogue, a: &[String], b: &[String]) -> f64 {
    // Ordered sets: floating-point sums must not depend on hash order, or
    // scores would differ from one run to the next.
    let sa: std::collections::BTreeSet<&String> = a.iter().collect();
    let sb: std::collections::BTreeSet<&String> = b.iter().collect();
    let inter: f64 = sa.intersection(&sb).map(|t| cat.idf(t)).sum();
    let union: f64 = sa.union(&sb).map(|t| cat.idf(t)).sum();
    if union == 0.0 {
        0.0
    } else {
        inter / union
    }
}

/// Resolves every declared reference of every domestic record.
pub fn resolve_declared(cat: &Catalogue, domestic: &[Record]) -> Vec<ResolvedRef> {
    let mut out: Vec<ResolvedRef> = domestic
        .par_iter()
        .flat_map_iter(|d| {
            let mut v = Vec::new();
            if let Some(decl) = &d.declaration {
                for dr in &decl.refs {
                    if !dr.reference.is_international() {
                        continue;
                    }
                    let (idx, how, note) = resolve_ref(cat, &dr.reference, d.title(), d.year());
                    v.push(ResolvedRef {
                        domestic: d.id.clone(),
                        declared: dr.reference.to_string(),
                        degree: dr.degree,
                        international: idx.map(|i| cat.records[i].id.clone()),
                        resolution: how,
                        note,
                        text: decl.raw.clone(),
                    });
                }
            }
            v
        })
        .collect();
    out.sort_by(|a, b| (&a.domestic, &a.declared).cmp(&(&b.domestic, &b.declared)));
    out
}

/// Where a pair comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PairSource {
    /// A declaration only.
    Declared,
    /// Title matching only.
    Matched,
    /// Both agree on the work item.
    Both,
}

impl PairSource {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            PairSource::Declared => "declared",
            PairSource::Matched => "matched",
            PairSource::Both => "both",
        }
    }
}

/// One domestic ↔ international correspondence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Domestic record id.
    pub domestic: String,
    /// International record id (an edition).
    pub international: String,
    /// International work item.
    pub international_work_item: String,
    /// Degree: declared, or `UNKNOWN` for matched pairs.
    pub degree: Degree,
    /// Declared, matched or both.
    pub source: PairSource,
    /// Score in [0, 1]: 1 for resolved declarations, the model's probability
    /// for matched pairs.
    pub score: f64,
    /// Rank among the domestic record's pairs (1 = best).
    pub rank: u32,
    /// Human-readable evidence.
    pub explanation: String,
    /// Another candidate scored within 0.02 of this one (one-to-one mode).
    #[serde(default)]
    pub tie: bool,
}

/// Settings of a matching run.
#[derive(Debug, Clone)]
pub struct MatchConfig {
    /// BM25 candidates per domestic record.
    pub top_k: usize,
    /// Matched pairs below this score are not emitted; `None`: each model's
    /// own threshold (chosen for 0.97 precision on its training data).
    pub min_score: Option<f64>,
    /// Most matched pairs per domestic record.
    pub max_pairs: usize,
    /// Skip the title pass for records whose declaration resolved.
    pub declared_only_when_resolved: bool,
}

impl Default for MatchConfig {
    fn default() -> MatchConfig {
        MatchConfig { top_k: 40, min_score: None, max_pairs: 3, declared_only_when_resolved: false }
    }
}

/// Retrieved candidates of one domestic record with their features, before
/// any model is applied (so that one retrieval serves training and scoring).
#[derive(Debug, Clone, Default)]
pub struct RawCandidates {
    /// Whether the compared title was a glossary translation.
    pub translated: bool,
    /// The candidates in retrieval order.
    pub list: Vec<RawCandidate>,
}

/// One retrieved candidate, stored compactly: `prepare` keeps about 40 of
/// these for every domestic record until the model is known, so features
/// are held as `f32` (half the memory of [`Features`]; scores are computed
/// in `f64` from them, the same way on every run).
#[derive(Debug, Clone)]
pub struct RawCandidate {
    /// Catalogue position.
    pub idx: u32,
    x: [f32; N_FEATURES],
}

impl RawCandidate {
    fn new(idx: usize, x: &Features) -> RawCandidate {
        RawCandidate { idx: idx as u32, x: x.map(|v| v as f32) }
    }

    /// The catalogue position of the candidate.
    pub fn position(&self) -> usize {
        self.idx as usize
    }

    /// The feature vector.
    pub fn features(&self) -> Features {
        self.x.map(f64::from)
    }
}

/// A scored candidate of one domestic record.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Catalogue position of the chosen edition.
    pub idx: usize,
    /// Work item.
    pub work_item: String,
    /// Model score.
    pub score: f64,
    /// Features of the best-scoring edition of the work item.
    pub features: Features,
    /// Whether the title compared was a glossary translation.
    pub translated: bool,
}

/// The title matcher.
pub struct Matcher<'a> {
    /// The international catalogue.
    pub cat: &'a Catalogue,
    /// Candidate retrieval.
    pub source: &'a dyn CandidateSource,
    /// Glossary for Chinese-only titles.
    pub glossary: Option<&'a Glossary>,
    /// Model for English-titled records.
    pub model_en: Model,
    /// Model for Chinese-only records.
    pub model_zh: Model,
    /// Settings.
    pub config: MatchConfig,
}

impl std::fmt::Debug for Matcher<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("config", &self.config).finish()
    }
}

/// The English text a domestic record is compared by, and whether it is a
/// translation.
pub fn query_text(d: &Record, glossary: Option<&Glossary>) -> (String, String, bool) {
    if !d.title_en.trim().is_empty() {
        return (d.title_en.clone(), String::new(), false);
    }
    match glossary {
        Some(g) if !d.title_zh.is_empty() => {
            let t = g.translate(&d.title_zh);
            (t.text, t.alternatives, true)
        }
        _ => (String::new(), String::new(), true),
    }
}

/// Sector code ↔ international body affinity (DOMAIN §4.3 and the committee
/// mirrors): whether a domestic code usually adopts from this committee.
pub fn affinity(code_root: &str, c: &Record) -> bool {
    let committee = c.committee.to_uppercase();
    let fam = c.reference.family;
    use crate::ident::Family;
    let tc = |n: &str| committee.contains(&format!("TC {n}/")) || committee.ends_with(&format!("TC {n}"));
    match code_root {
        "YD" => fam == Family::ItuT || committee.contains("JTC 1") || tc("46"),
        "SJ" => committee.contains("JTC 1") || committee.starts_with("IEC") || fam == Family::Iec,
        "QC" => tc("22") || tc("204") || tc("31"),
        "JB" => {
            ["4", "10", "39", "60", "70", "96", "108", "115", "117", "118", "123", "131", "199", "213"]
                .iter()
                .any(|n| tc(n))
                || fam == Family::Iec
        }
        "HG" => ["35", "45", "47", "61", "91", "120", "138", "256"].iter().any(|n| tc(n)),
        "SH" => ["28", "193", "67"].iter().any(|n| tc(n)),
        "YB" | "YS" | "XB" => {
            ["17", "26", "79", "102", "105", "132", "155", "156", "164", "183", "298", "333"].iter().any(|n| tc(n))
        }
        "JC" => ["74", "71", "77", "160", "163", "189", "206"].iter().any(|n| tc(n)),
        "FZ" => ["38", "72", "133", "219"].iter().any(|n| tc(n)),
        "QB" => {
            ["6", "52", "83", "87", "116", "120", "136", "166", "181", "216", "261"].iter().any(|n| tc(n))
                || fam == Family::Iec
        }
        "CB" => tc("8") || tc("188"),
        "HB" | "QJ" => tc("20"),
        "EJ" => tc("85") || committee.contains("TC 45"),
        "BB" => tc("122") || tc("51"),
        "WJ" => tc("264"),
        _ => false,
    }
}

fn ics_depth(a: &[String], b: &[String]) -> f64 {
    let mut best = 0usize;
    for x in a {
        let xs: Vec<&str> = x.split('.').collect();
        for y in b {
            let ys: Vec<&str> = y.split('.').collect();
            let d = xs.iter().zip(&ys).take_while(|(p, q)| p == q).count();
            best = best.max(d);
        }
    }
    best as f64 / 3.0
}

/// Monge-Elkan similarity with Jaro-Winkler per token, IDF-weighted.
fn monge_elkan(cat: &Catalogue, a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut num = 0.0;
    let mut den = 0.0;
    for x in a {
        let w = cat.idf(x);
        // Jaro-Winkler only between tokens that share a first letter: others
        // score low anyway, and skipping them keeps rescoring cheap.
        let best = b
            .iter()
            .map(|y| {
                if x == y {
                    1.0
                } else if x.as_bytes().first() == y.as_bytes().first() {
                    strsim::jaro_winkler(x, y)
                } else {
                    0.0
                }
            })
            .fold(0.0, f64::max);
        num += w * best;
        den += w;
    }
    num / den
}

/// IDF-weighted Jaccard over token counts (a generalised, multiset Jaccard):
/// `Σ_t w(t)·min(a_t, b_t) / Σ_t w(t)·max(a_t, b_t)`.
fn bag_jaccard(cat: &Catalogue, a: &[String], b: &[String]) -> f64 {
    let mut counts: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for t in a {
        counts.entry(t).or_default().0 += 1;
    }
    for t in b {
        counts.entry(t).or_default().1 += 1;
    }
    let (mut num, mut den) = (0.0, 0.0);
    for (t, (x, y)) in counts {
        let w = cat.idf(t);
        num += w * f64::from(x.min(y));
        den += w * f64::from(x.max(y));
    }
    if den > 0.0 {
        num / den
    } else {
        0.0
    }
}

/// Dice coefficient over the sets of adjacent token pairs:
/// `2·|P∩Q| / (|P| + |Q|)`, 0 when either title has fewer than two tokens.
fn bigram_dice(a: &[String], b: &[String]) -> f64 {
    fn pairs(v: &[String]) -> std::collections::BTreeSet<(&str, &str)> {
        v.windows(2).map(|w| (w[0].as_str(), w[1].as_str())).collect()
    }
    let (p, q) = (pairs(a), pairs(b));
    if p.is_empty() || q.is_empty() {
        return 0.0;
    }
    2.0 * p.intersection(&q).count() as f64 / (p.len() + q.len()) as f64
}

impl Matcher<'_> {
    /// Features of domestic `d` against catalogue record `i`.
    pub fn features(
        &self,
        d: &Record,
        dtokens: &[String],
        dparts: &[String],
        coverage: f64,
        i: usize,
        rank: usize,
    ) -> Features {
        let cat = self.cat;
        let c = &cat.records[i];
        let b = &cat.tokens[i];
        // Ordered sets: the sums below must not depend on hash order.
        let sa: std::collections::BTreeSet<&String> = dtokens.iter().collect();
        let sb: std::collections::BTreeSet<&String> = b.iter().collect();
        let inter: f64 = sa.intersection(&sb).map(|t| cat.idf(t)).sum();
        let wa: f64 = sa.iter().map(|t| cat.idf(t)).sum();
        let wb: f64 = sb.iter().map(|t| cat.idf(t)).sum();
        let union = wa + wb - inter;
        let ratio = |n: f64, d: f64| if d > 0.0 { n / d } else { 0.0 };
        let me = 0.5 * (monge_elkan(cat, dtokens, b) + monge_elkan(cat, b, dtokens));
        let cparts = c.reference.parts.join("-");
        // `Part 2` of a title against the candidate's `2-1` (a national
        // title naming the series level only) is neither agreement nor clash.
        let nested = |a: &str, b: &str| b.strip_prefix(a).is_some_and(|rest| rest.starts_with('-'));
        let (agree, clash) = if dparts.is_empty() {
            (0.0, 0.0)
        } else if dparts.contains(&cparts) {
            (1.0, 0.0)
        } else if !cparts.is_empty() && dparts.iter().any(|p| nested(p, &cparts) || nested(&cparts, p)) {
            (0.0, 0.0)
        } else {
            (0.0, 1.0)
        };
        let year_ok = match (d.year(), c.year()) {
            (Some(dy), Some(cy)) => {
                if cy <= dy {
                    1.0
                } else {
                    0.0
                }
            }
            _ => 0.5,
        };
        let aff = d.reference.code_root().is_some_and(|root| affinity(root, c));
        [
            ratio(inter, union),
            ratio(inter, wa),
            ratio(inter, wb),
            me,
            agree,
            clash,
            ics_depth(&d.ics, &c.ics),
            if aff { 1.0 } else { 0.0 },
            year_ok,
            if c.status.is_current() { 1.0 } else { 0.0 },
            1.0 / rank as f64,
            (wa / 25.0).min(1.0),
            coverage,
            bag_jaccard(cat, dtokens, b),
            bigram_dice(dtokens, b),
            0.0, // `lead`: set once all candidates are known (see `set_lead`)
            ratio(inter, wa) * ratio(inter, wb),
            num_part(&d.reference.parts, &c.reference.parts),
            0.0, // `superseded`: set once all candidates are known
            0.0, // `twin`: set once all candidates are known
            replaced_before(c, d.year()),
        ]
    }

    /// Model-free candidates of one domestic record: every retrieved
    /// international base document with its features.
    pub fn raw_candidates(&self, d: &Record) -> RawCandidates {
        let (q, alts, translated) = query_text(d, self.glossary);
        if q.trim().is_empty() {
            return RawCandidates { translated, list: Vec::new() };
        }
        // For a translated title, every rendering of every term, tokenised
        // once: each candidate is compared with the renderings it uses.
        let (coverage, term_tokens): (f64, Vec<Vec<Vec<String>>>) = match (translated, self.glossary) {
            (true, Some(g)) => {
                let t = g.translate(&d.title_zh);
                let tt = t.terms.iter().map(|alts| alts.iter().map(|a| text::tokens(a)).collect()).collect();
                (t.coverage, tt)
            }
            _ => (1.0, Vec::new()),
        };
        let query = if alts.is_empty() { q.clone() } else { format!("{q} {alts}") };
        let hits = self.source.candidates(&query, &d.ics, self.config.top_k);
        let main_tokens = text::strip_parts(&text::tokens(&q));
        let mut dparts = text::title_parts(&d.title_en);
        dparts.extend(text::title_parts(&d.title_zh));
        dparts.sort();
        dparts.dedup();
        let mut list = Vec::with_capacity(hits.len());
        // The retrieval rank counts distinct eligible work items: drafts,
        // supplements and further editions of a work item already seen do not
        // push a candidate down.
        let mut seen_works: Vec<String> = Vec::new();
        for (_, i) in hits.iter() {
            let i = *i;
            if i >= self.cat.records.len() {
                continue;
            }
            let c = &self.cat.records[i];
            if c.reference.is_supplement() || c.reference.stage.is_some() || c.status == Status::Draft {
                continue;
            }
            let wi = c.reference.work_item();
            let rank = match seen_works.iter().position(|w| *w == wi) {
                Some(p) => p + 1,
                None => {
                    seen_works.push(wi);
                    seen_works.len()
                }
            };
            let dtokens = if term_tokens.iter().any(|alts| alts.len() > 1) {
                self.renderings_for(&term_tokens, i)
            } else {
                main_tokens.clone()
            };
            list.push((i, self.features(d, &dtokens, &dparts, coverage, i, rank)));
        }
        self.set_lead(&mut list);
        self.set_superseded(d, &mut list);
        self.set_twin(d, &mut list);
        RawCandidates { translated, list: list.iter().map(|(i, x)| RawCandidate::new(*i, x)).collect() }
    }

    /// Fills the `lead` feature: each candidate's `wjaccard` minus the best
    /// `wjaccard` among candidates of other work items.
    fn set_lead(&self, list: &mut [(usize, Features)]) {
        let works: Vec<String> = list.iter().map(|(i, _)| self.cat.records[*i].reference.work_item()).collect();
        // The two best (score, work item) pairs are enough to know the best
        // among the *other* work items of any candidate.
        let mut best: Option<(f64, usize)> = None;
        let mut second: Option<f64> = None;
        for (k, (_, x)) in list.iter().enumerate() {
            let v = x[WJACCARD];
            match best {
                Some((b, bk)) if v <= b => {
                    if works[k] != works[bk] && second.is_none_or(|s| v > s) {
                        second = Some(v);
                    }
                }
                Some((b, bk)) => {
                    if works[k] != works[bk] {
                        second = Some(b);
                    }
                    best = Some((v, k));
                }
                None => best = Some((v, k)),
            }
        }
        for (k, (_, x)) in list.iter_mut().enumerate() {
            let other = match best {
                Some((b, bk)) if works[k] != works[bk] => Some(b),
                _ => second,
            };
            x[LEAD] = other.map_or(x[WJACCARD], |o| x[WJACCARD] - o).clamp(-1.0, 1.0);
        }
    }

    /// Fills the `superseded` feature: 1 for a candidate when another
    /// candidate of another work item has the same title words and a later
    /// year no later than the domestic standard's.
    fn set_superseded(&self, d: &Record, list: &mut [(usize, Features)]) {
        let Some(dy) = d.year() else { return };
        let sets: Vec<std::collections::BTreeSet<&String>> =
            list.iter().map(|(i, _)| self.cat.tokens[*i].iter().collect()).collect();
        let info: Vec<(String, Option<u16>)> = list
            .iter()
            .map(|(i, _)| (self.cat.records[*i].reference.work_item(), self.cat.records[*i].year()))
            .collect();
        for k in 0..list.len() {
            let Some(yk) = info[k].1 else { continue };
            let later = (0..list.len()).any(|j| {
                info[j].0 != info[k].0
                    && info[j].1.is_some_and(|yj| yj > yk && yj <= dy)
                    && !sets[k].is_empty()
                    && sets[j] == sets[k]
            });
            list[k].1[SUPERSEDED] = if later { 1.0 } else { 0.0 };
        }
    }

    /// Fills the `twin` feature: an ITU-T Recommendation names its ISO/IEC
    /// common text among its aliases; when both are candidates, the side the
    /// domestic sector adopts from (YD → ITU-T, others → ISO/IEC) gets 1,
    /// the other −1.
    fn set_twin(&self, d: &Record, list: &mut [(usize, Features)]) {
        let prefer_itu = d.reference.code_root() == Some("YD");
        let works: Vec<String> = list.iter().map(|(i, _)| self.cat.records[*i].reference.work_item()).collect();
        for a in 0..list.len() {
            let ra = &self.cat.records[list[a].0];
            if ra.reference.family != crate::ident::Family::ItuT || ra.aliases.is_empty() {
                continue;
            }
            let twins: Vec<String> =
                ra.aliases.iter().filter_map(|x| StdRef::parse(x).ok()).map(|r| r.work_item()).collect();
            for b in 0..list.len() {
                if a != b && twins.contains(&works[b]) {
                    let (itu, iso) = if prefer_itu { (1.0, -1.0) } else { (-1.0, 1.0) };
                    list[a].1[TWIN] = itu;
                    list[b].1[TWIN] = iso;
                }
            }
        }
    }

    /// The tokens of a translated title as candidate `i` would word it: for
    /// each term, the rendering sharing most tokens with the candidate's
    /// title (the main rendering on ties).
    fn renderings_for(&self, term_tokens: &[Vec<Vec<String>>], i: usize) -> Vec<String> {
        let cand: std::collections::BTreeSet<&String> = self.cat.tokens[i].iter().collect();
        let mut out = Vec::new();
        for alts in term_tokens {
            let mut best = 0;
            let mut best_hits = 0;
            for (k, toks) in alts.iter().enumerate() {
                let hits = toks.iter().filter(|t| cand.contains(t)).count();
                if hits > best_hits {
                    best = k;
                    best_hits = hits;
                }
            }
            if let Some(toks) = alts.get(best) {
                out.extend(toks.iter().cloned());
            }
        }
        text::strip_parts(&out)
    }

    /// Scores raw candidates: best first, one per work item, the edition
    /// chosen by year plausibility.
    pub fn score_candidates(&self, d: &Record, raw: &RawCandidates) -> Vec<Candidate> {
        let model = if raw.translated { &self.model_zh } else { &self.model_en };
        let mut by_work: BTreeMap<String, Candidate> = BTreeMap::new();
        for rc in &raw.list {
            let (i, x) = (rc.position(), rc.features());
            let s = model.score(&x);
            let wi = self.cat.records[i].reference.work_item();
            let better = by_work.get(&wi).is_none_or(|e| s > e.score);
            if better {
                by_work.insert(
                    wi.clone(),
                    Candidate { idx: i, work_item: wi, score: s, features: x, translated: raw.translated },
                );
            }
        }
        let mut out: Vec<Candidate> = by_work.into_values().collect();
        for c in &mut out {
            c.idx = self.pick_edition(&c.work_item, d).unwrap_or(c.idx);
        }
        out.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| self.cat.records[a.idx].id.cmp(&self.cat.records[b.idx].id))
        });
        out
    }

    /// Scored candidates of one domestic record, best first, one per work
    /// item, the edition chosen by year plausibility.
    pub fn candidates(&self, d: &Record) -> Vec<Candidate> {
        self.score_candidates(d, &self.raw_candidates(d))
    }

    /// The edition a domestic standard most plausibly adopted: the latest
    /// edition published no later than the domestic standard, else the
    /// earliest; for undated domestic records, the current edition.
    pub fn pick_edition(&self, work_item: &str, d: &Record) -> Option<usize> {
        let eds = self.cat.plain_editions(work_item);
        match d.year() {
            Some(dy) => eds
                .iter()
                .rev()
                .find(|&&i| self.cat.records[i].year().is_some_and(|y| y <= dy))
                .or(eds.first())
                .copied(),
            None => self.cat.current_edition(work_item),
        }
    }

    /// Explains a candidate in one line.
    pub fn explain(&self, c: &Candidate) -> String {
        let model = if c.translated { &self.model_zh } else { &self.model_en };
        let mut contrib = model.contributions(&c.features);
        contrib.sort_by(|a, b| b.1.abs().partial_cmp(&a.1.abs()).unwrap_or(std::cmp::Ordering::Equal));
        let parts: Vec<String> =
            contrib.iter().filter(|(_, v)| v.abs() >= 0.05).take(6).map(|(n, v)| format!("{n}{v:+.2}")).collect();
        format!(
            "{}title match p={:.3}: {}",
            if c.translated { "glossary-translated " } else { "" },
            c.score,
            parts.join(" ")
        )
    }
}

/// Retrieves and featurises the candidates of every domestic record, in
/// parallel (the expensive, model-free part of matching).
pub fn prepare(m: &Matcher<'_>, domestic: &[Record], progress: &dyn crate::progress::Progress) -> Vec<RawCandidates> {
    progress.start("retrieving candidates", domestic.len() as u64);
    let done = std::sync::atomic::AtomicU64::new(0);
    let out = domestic
        .par_iter()
        .map(|d| {
            let r = m.raw_candidates(d);
            if done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 256 == 255 {
                progress.inc(256);
            }
            r
        })
        .collect();
    progress.finish();
    out
}

/// Runs both passes over all domestic records, in parallel.
///
/// Returns the pairs sorted by (domestic id, rank, international). See
/// [`one_to_one`] for the best-link mode.
pub fn match_all(
    m: &Matcher<'_>,
    domestic: &[Record],
    resolved: &[ResolvedRef],
    progress: &dyn crate::progress::Progress,
) -> Vec<Pair> {
    let prepared = prepare(m, domestic, progress);
    match_prepared(m, domestic, &prepared, resolved)
}

/// Pairs from prepared candidates (`prepared[i]` belongs to `domestic[i]`).
pub fn match_prepared(
    m: &Matcher<'_>,
    domestic: &[Record],
    prepared: &[RawCandidates],
    resolved: &[ResolvedRef],
) -> Vec<Pair> {
    let mut declared: HashMap<&str, Vec<&ResolvedRef>> = HashMap::new();
    for r in resolved {
        declared.entry(r.domestic.as_str()).or_default().push(r);
    }
    let mut pairs: Vec<Pair> = domestic
        .par_iter()
        .zip(prepared.par_iter())
        .flat_map_iter(|(d, raw)| {
            let decl = declared.get(d.id.as_str()).cloned().unwrap_or_default();
            pairs_for(m, d, raw, &decl)
        })
        .collect();
    pairs.sort_by(|a, b| (&a.domestic, a.rank, &a.international).cmp(&(&b.domestic, b.rank, &b.international)));
    pairs
}

fn pairs_for(m: &Matcher<'_>, d: &Record, raw: &RawCandidates, decl: &[&ResolvedRef]) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    let mut declared_works: HashSet<String> = HashSet::new();
    for r in decl {
        let Some(intl) = &r.international else { continue };
        let Some(rec) = m.cat.get(intl) else { continue };
        let wi = rec.reference.work_item();
        if !declared_works.insert(wi.clone()) {
            continue;
        }
        let mut expl = format!("declared \"{}\" ({}); resolved {}", r.text, r.degree, r.resolution.as_str());
        if !r.note.is_empty() {
            expl.push_str(&format!(": {}", r.note));
        }
        out.push(Pair {
            domestic: d.id.clone(),
            international: rec.id.clone(),
            international_work_item: wi,
            degree: r.degree,
            source: PairSource::Declared,
            score: 1.0,
            rank: 0,
            explanation: expl,
            tie: false,
        });
    }
    let resolved_any = !out.is_empty();
    if !(resolved_any && m.config.declared_only_when_resolved) {
        let cands = m.score_candidates(d, raw);
        let mut emitted = 0;
        for c in cands.iter() {
            let model = if c.translated { &m.model_zh } else { &m.model_en };
            if c.score < m.config.min_score.unwrap_or(model.threshold) {
                break;
            }
            if let Some(p) = out.iter_mut().find(|p| p.international_work_item == c.work_item) {
                p.source = PairSource::Both;
                p.explanation.push_str(&format!("; also {}", m.explain(c)));
                continue;
            }
            if emitted >= m.config.max_pairs {
                break;
            }
            emitted += 1;
            let rec = &m.cat.records[c.idx];
            out.push(Pair {
                domestic: d.id.clone(),
                international: rec.id.clone(),
                international_work_item: c.work_item.clone(),
                degree: Degree::Unknown,
                source: PairSource::Matched,
                score: c.score,
                rank: 0,
                explanation: m.explain(c),
                tie: false,
            });
        }
    }
    out.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.international.cmp(&b.international))
    });
    for (i, p) in out.iter_mut().enumerate() {
        p.rank = i as u32 + 1;
    }
    out
}

/// One-to-one best links: each international edition keeps at most one
/// domestic standard of the same sector code (the highest score), each
/// domestic record keeps its best remaining pair; declared pairs are never
/// dropped. Pairs within 0.02 of the winner are flagged `tie`.
pub fn one_to_one(pairs: Vec<Pair>, domestic_code: impl Fn(&str) -> String) -> Vec<Pair> {
    let mut sorted = pairs;
    sorted.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| (&a.domestic, &a.international).cmp(&(&b.domestic, &b.international)))
    });
    let mut taken_intl: HashMap<(String, String), f64> = HashMap::new();
    let mut taken_dom: HashMap<String, f64> = HashMap::new();
    let mut out = Vec::new();
    for mut p in sorted {
        let declared = p.source != PairSource::Matched;
        let k = (p.international.clone(), domestic_code(&p.domestic));
        if !declared {
            if let Some(&s) = taken_dom.get(&p.domestic) {
                if s - p.score < 0.02 {
                    if let Some(q) = out.iter_mut().rev().find(|q: &&mut Pair| q.domestic == p.domestic) {
                        q.tie = true;
                    }
                }
                continue;
            }
            if let Some(&s) = taken_intl.get(&k) {
                if s - p.score < 0.02 {
                    if let Some(q) = out.iter_mut().rev().find(|q: &&mut Pair| q.international == p.international) {
                        q.tie = true;
                    }
                }
                continue;
            }
        }
        taken_intl.entry(k).or_insert(p.score);
        taken_dom.entry(p.domestic.clone()).or_insert(p.score);
        p.rank = 1;
        out.push(p);
    }
    out.sort_by(|a, b| (&a.domestic, &a.international).cmp(&(&b.domestic, &b.international)));
    let mut last = String::new();
    let mut r = 0;
    for p in &mut out {
        if p.domestic != last {
            last = p.domestic.clone();
            r = 0;
        }
        r += 1;
        p.rank = r;
    }
    out
}

/// Training samples from resolved declarations.
///
/// Positives: for each domestic record whose declaration resolved (IDT, MOD,
/// EQV, NEQ), the candidate whose work item is the declared one; its other
/// candidates are negatives, and its best few other candidates are negatives
/// once more as they would rank without the declared one (leave-the-truth-out:
/// how the top candidate of a standard with no counterpart looks). With `undeclared_negatives`, records that
/// declare nothing contribute their top candidates as negatives too, which
/// calibrates scores against domestic-only standards but mislabels every
/// undeclared adoption: use it only on catalogues where declarations are
/// known to be complete.
pub fn training_samples(
    m: &Matcher<'_>,
    domestic: &[Record],
    prepared: &[RawCandidates],
    resolved: &[ResolvedRef],
    translated: bool,
    undeclared_negatives: bool,
) -> Vec<(Features, bool)> {
    let mut truth: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut declared_any: HashSet<&str> = HashSet::new();
    for r in resolved {
        declared_any.insert(r.domestic.as_str());
        if let (Some(i), true) =
            (&r.international, matches!(r.degree, Degree::Idt | Degree::Mod | Degree::Eqv | Degree::Neq))
        {
            if let Some(rec) = m.cat.get(i) {
                truth.entry(r.domestic.as_str()).or_default().insert(rec.reference.work_item());
            }
        }
    }
    let mut out = Vec::new();
    for (d, raw) in domestic.iter().zip(prepared) {
        if raw.translated != translated {
            continue;
        }
        // One sample per work item: its best-scoring edition under the
        // current model, as matching will see it.
        let cands = m.score_candidates(d, raw);
        let has_decl = d.declaration.as_ref().is_some_and(|x| !x.refs.is_empty());
        match truth.get(d.id.as_str()) {
            Some(works) if cands.iter().any(|c| works.contains(&c.work_item)) => {
                // Leave-the-truth-out negatives: the best other candidates as
                // they would look had the catalogue no counterpart (retrieval
                // ranks behind the true work item move up by one). They teach
                // the model what the top candidate of a domestic-only standard
                // looks like, without mislabelling anything.
                let true_rank =
                    cands.iter().filter(|c| works.contains(&c.work_item)).map(|c| rank_of(&c.features)).min();
                let mut shifted: Vec<Features> = Vec::new();
                if let Some(tr) = true_rank {
                    let mut others: Vec<&Candidate> = cands.iter().filter(|c| !works.contains(&c.work_item)).collect();
                    others.sort_by_key(|c| rank_of(&c.features));
                    for c in others.into_iter().take(LEAVE_OUT_NEGATIVES) {
                        let r = rank_of(&c.features);
                        if r > tr {
                            let mut x = c.features;
                            x[BM25_RR] = 1.0 / (r - 1) as f64;
                            shifted.push(x);
                        }
                    }
                }
                out.extend(cands.into_iter().map(|c| (c.features, works.contains(&c.work_item))));
                out.extend(shifted.into_iter().map(|x| (x, false)));
            }
            Some(_) => {}
            None if undeclared_negatives && !has_decl && !declared_any.contains(d.id.as_str()) => {
                out.extend(cands.into_iter().take(5).map(|c| (c.features, false)));
            }
            None => {}
        }
    }
    out
}

/// Index of `wjaccard` in [`Features`].
const WJACCARD: usize = 0;

/// Index of `bm25_rr` in [`Features`].
const BM25_RR: usize = 10;

/// Index of `lead` in [`Features`].
const LEAD: usize = 15;

/// Index of `superseded` in [`Features`].
const SUPERSEDED: usize = 18;

/// Index of `twin` in [`Features`].
const TWIN: usize = 19;

/// `replaced`: 1 when the international edition `c` had been replaced (a
/// `replaced_by` reference dated before `dom_year`) or withdrawn (its
/// `obsoleted` date before `dom_year`) when the domestic standard appeared.
fn replaced_before(c: &Record, dom_year: Option<u16>) -> f64 {
    let Some(dy) = dom_year else { return 0.0 };
    let year_of = |s: &str| s.get(..4).and_then(|y| y.parse::<u16>().ok());
    let withdrawn = c.obsoleted.as_deref().and_then(year_of).is_some_and(|y| y < dy);
    let replaced = c.replaced_by.iter().any(|r| StdRef::parse(r).ok().and_then(|r| r.year).is_some_and(|y| y < dy));
    if withdrawn || replaced {
        1.0
    } else {
        0.0
    }
}

/// `num_part`: 1 when the last part of the domestic number equals the last
/// part of the candidate's (`GB/T 16886.1` ↔ `ISO 10993-1`, and also
/// `GB/T 17626.2` ↔ `IEC 61000-4-2`, where a national series takes one
/// branch of an international one), −1 when both have parts and the last
/// ones differ, else 0. Parts compare as numbers where they are numbers
/// (`081` = `81`).
fn num_part(dom: &[String], cand: &[String]) -> f64 {
    let (Some(a), Some(b)) = (dom.last(), cand.last()) else { return 0.0 };
    let norm = |p: &String| p.trim_start_matches('0').to_ascii_lowercase();
    if norm(a) == norm(b) {
        1.0
    } else {
        -1.0
    }
}

/// How many leave-the-truth-out negatives a declared record contributes.
const LEAVE_OUT_NEGATIVES: usize = 3;

/// The retrieval rank encoded in a feature vector (`bm25_rr` = 1 / rank).
fn rank_of(x: &Features) -> usize {
    if x[BM25_RR] > 0.0 {
        (1.0 / x[BM25_RR]).round() as usize
    } else {
        usize::MAX
    }
}

/// Default models, learned with `stdalign match --learn` on a generated
/// catalogue (`stdalign gen`, seed 7, 20,000 records, declarations kept as
/// training labels) against the real ISO + IEC + ITU-T catalogues, and
/// recorded here so that a run without enough declarations still has a
/// learned model. See EVAL.md.
pub fn default_models() -> (Model, Model) {
    let en = Model {
        bias: -10.55,
        weights: vec![1.045, 1.475, -0.04843, 0.3373, 0.227, -1.727, 0.2847, -0.09221, 2.253, 0.1883, 2.081, -0.03914, -2.63e-14, 1.264, 1.525, 6.314, 1.19, 1.349, -1.578, 0.7294, -1.037],
        origin: "built-in: English-titled, learned from 5732 declared English-titled adoptions (143575 candidates); trained by scripts/train_default_model.sh (gen --seed 7, 20,000 records, real ISO+IEC+ITU-T)".into(),
        threshold: 0.3,
    };
    let zh = Model {
        bias: -9.066,
        weights: vec![0.7869, 2.108, -0.569, 0.6176, 0.06569, -2.055, 0.3092, -0.05037, 2.471, 0.1943, 2.499, -0.6259, -0.006913, 1.07, 0.2271, 7.137, 1.041, 1.569, -1.699, 0.4011, -1.065],
        origin: "built-in: Chinese-only, learned from 1906 declared Chinese-only adoptions (47141 candidates); trained by scripts/train_default_model.sh (gen --seed 7, 20,000 records, real ISO+IEC+ITU-T)".into(),
        threshold: 0.33,
    };
    debug_assert_eq!(en.weights.len(), N_FEATURES);
    (en, zh)
}

/// Applies reviewer decisions (see [`crate::score::decisions`]) to pairs, so
/// that `match` output honours them: a `reject` removes the pairs of that
/// (domestic, international work item); a `confirm` marks the pair as
/// reviewer-confirmed in its explanation (with the stated degree, score 1),
/// adding it when the matcher did not propose it; `not-applicable` notes the
/// ruling on every pair of the work item. Returns the pairs, re-ranked and
/// sorted as [`match_all`] sorts them, and the decisions naming numbers found
/// in neither catalogue (`line N: NUMBER (side) not in the catalogue`).
pub fn apply_decisions(
    pairs: Vec<Pair>,
    decisions: &[crate::score::Decision],
    cat: &Catalogue,
    domestic: &[Record],
) -> (Vec<Pair>, Vec<String>) {
    use crate::score::decisions::{apply_to_edges, resolve_work_item, Verdict};
    // Unknown numbers are found by the scorer's own rules.
    let (_, _, summary) = apply_to_edges(Vec::new(), decisions, cat, domestic);
    let unknown: HashSet<u64> = decisions
        .iter()
        .filter(|d| summary.unknown.iter().any(|u| u.starts_with(&format!("line {}:", d.line))))
        .map(|d| d.line)
        .collect();
    let ids: HashSet<&str> = domestic.iter().map(|d| d.id.as_str()).collect();
    let mut pairs = pairs;
    for d in decisions.iter().filter(|d| !unknown.contains(&d.line)) {
        let Some((wi, edition)) = resolve_work_item(cat, &d.international) else { continue };
        let dom = if ids.contains(d.domestic.as_str()) {
            d.domestic.clone()
        } else {
            match StdRef::parse(&d.domestic) {
                Ok(mut r) => {
                    r.double = None;
                    r.to_string()
                }
                Err(_) => d.domestic.clone(),
            }
        };
        let note = format!(
            "reviewer {} {}{}{}",
            d.decision.as_str(),
            d.reviewer,
            if d.date.is_empty() { String::new() } else { format!(" on {}", d.date) },
            if d.reason.is_empty() { String::new() } else { format!(": {}", d.reason) }
        );
        match d.decision {
            Verdict::Reject => pairs.retain(|p| !(p.domestic == dom && p.international_work_item == wi)),
            Verdict::NotApplicable => {
                for p in pairs.iter_mut().filter(|p| p.international_work_item == wi) {
                    p.explanation = format!("{note}; {}", p.explanation);
                }
            }
            Verdict::Confirm => match pairs.iter_mut().find(|p| p.domestic == dom && p.international_work_item == wi) {
                Some(p) => {
                    if let Some(g) = d.degree {
                        p.degree = g;
                    }
                    p.score = 1.0;
                    p.explanation = format!("{note}; {}", p.explanation);
                }
                None => pairs.push(Pair {
                    domestic: dom,
                    international: edition,
                    international_work_item: wi,
                    degree: d.degree.unwrap_or(Degree::Unknown),
                    source: PairSource::Declared,
                    score: 1.0,
                    rank: 0,
                    explanation: note,
                    tie: false,
                }),
            },
        }
    }
    pairs.sort_by(|a, b| {
        (&a.domestic, a.rank == 0, a.rank, &a.international).cmp(&(&b.domestic, b.rank == 0, b.rank, &b.international))
    });
    let mut last = String::new();
    let mut n = 0;
    for p in &mut pairs {
        if p.domestic != last {
            last = p.domestic.clone();
            n = 0;
        }
        n += 1;
        p.rank = n;
    }
    (pairs, summary.unknown)
}

#[cfg(test)]
mod tests {
    use super::features::FEATURE_NAMES;
    use super::*;

    #[test]
    fn feature_indices_name_the_right_features() {
        assert_eq!(FEATURE_NAMES[WJACCARD], "wjaccard");
        assert_eq!(FEATURE_NAMES[BM25_RR], "bm25_rr");
        assert_eq!(FEATURE_NAMES[LEAD], "lead");
        assert_eq!(FEATURE_NAMES[SUPERSEDED], "superseded");
        assert_eq!(FEATURE_NAMES[TWIN], "twin");
        assert_eq!(num_part(&["2".into()], &["2".into()]), 1.0);
        assert_eq!(num_part(&["081".into(), "2".into()], &["81".into(), "2".into()]), 1.0);
        assert_eq!(num_part(&["2".into()], &["4".into(), "2".into()]), 1.0);
        assert_eq!(num_part(&["3".into()], &["2".into(), "78".into()]), -1.0);
        assert_eq!(num_part(&[], &["2".into()]), 0.0);
        let (en, zh) = default_models();
        assert_eq!(en.weights.len(), FEATURE_NAMES.len());
        assert_eq!(zh.weights.len(), FEATURE_NAMES.len());
    }

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn bigram_dice_sees_word_order() {
        let a = toks("system life cycle process");
        assert!((bigram_dice(&a, &a) - 1.0).abs() < 1e-12);
        let b = toks("life cycle system process");
        let d = bigram_dice(&a, &b);
        assert!(d > 0.0 && d < 1.0, "{d}");
        assert_eq!(bigram_dice(&toks("one"), &a), 0.0);
    }

    #[test]
    fn bag_jaccard_counts_repeats() {
        let cat = Catalogue::new(Vec::new());
        let q = toks("system software engineering system life cycle process");
        let same = toks("system software engineering system life cycle process");
        let other = toks("system software engineering software life cycle process");
        assert!((bag_jaccard(&cat, &q, &same) - 1.0).abs() < 1e-12);
        assert!(bag_jaccard(&cat, &q, &other) < 0.9);
    }
}
