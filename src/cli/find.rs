//! `stdalign find`: international equivalents of one standard or title.
//!
//! A look-up must feel instant, so `find` never loads the whole catalogue:
//! it retrieves the candidates and the editions of their work items from
//! the index, and scores them against a partial [`Catalogue`] whose IDF
//! weights come from the whole catalogue's title statistics.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;
use stdalign::index::{StdIndex, DEFAULT_INDEX_DIR};
use stdalign::matching::features::Model;
use stdalign::matching::glossary::Glossary;
use stdalign::matching::{
    match_all, query_text, resolve_declared, CandidateSource, Catalogue, MatchConfig, Matcher, Pair, TitleStats,
};
use stdalign::model::{Record, Side};
use stdalign::progress::NoProgress;

use super::progress::Ui;
use super::setup::ModelFile;

/// Find the international equivalents of a standard, ranked and explained.
///
/// QUERY is a domestic or international number in any spelling, or a free
/// title in Chinese or English. For a domestic number, its declared
/// adoptions come first, then title matches; for an international number,
/// the domestic standards that declare it; for a title, the best
/// international matches. Exits 1 when nothing is found.
///
/// Examples:
///
///   stdalign find "GB/T 19001-2016"
///
///   stdalign find "ISO 9001"
///
///   stdalign find "金属材料 拉伸试验 第1部分：室温试验方法" --top 3 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct FindArgs {
    /// A standard number or a title.
    query: String,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX_DIR)]
    index: PathBuf,
    /// Most results.
    #[arg(long, default_value_t = 5)]
    top: usize,
    /// Print JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Glossary for Chinese titles (default: the bundled one).
    #[arg(long)]
    glossary: Option<PathBuf>,
    /// Models file written by `match --save-model` (default: built-in).
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Serialize)]
struct Found<'a> {
    query: &'a str,
    kind: &'static str,
    records: Vec<&'a Record>,
    pairs: Vec<Pair>,
}

/// Candidates fixed in advance (positions in a partial catalogue).
struct Fixed(Vec<(f32, usize)>);

impl CandidateSource for Fixed {
    fn candidates(&self, _title_en: &str, _ics: &[String], k: usize) -> Vec<(f32, usize)> {
        self.0.iter().take(k).copied().collect()
    }
}

struct Env {
    stats: TitleStats,
    glossary: Option<Glossary>,
    model_en: Model,
    model_zh: Model,
}

impl Env {
    /// Pairs for domestic-like records: declared first, then title matches.
    fn pairs(&self, idx: &StdIndex, domestic: &[Record], top: usize) -> anyhow::Result<Vec<Pair>> {
        let mut out = Vec::new();
        for d in domestic {
            // The records this one look-up needs: title candidates, the
            // declared references, and every edition of their work items.
            let mut need: BTreeMap<String, Record> = BTreeMap::new();
            let (q, alts, _) = query_text(d, self.glossary.as_ref());
            let query = if alts.is_empty() { q } else { format!("{q} {alts}") };
            let hits = idx.search_titles(&query, "", &d.ics, Side::International, MatchConfig::default().top_k)?;
            let mut works: Vec<String> = hits.iter().map(|h| h.record.work_item()).collect();
            if let Some(decl) = &d.declaration {
                works.extend(
                    decl.refs.iter().filter(|r| r.reference.is_international()).map(|r| r.reference.work_item()),
                );
            }
            works.sort();
            works.dedup();
            for w in &works {
                for r in idx.lookup(w, Some(Side::International))? {
                    need.insert(r.id.clone(), r);
                }
            }
            for h in &hits {
                need.insert(h.record.id.clone(), h.record.clone());
            }
            let cat = Catalogue::partial(need.into_values().collect(), &self.stats);
            let fixed = Fixed(hits.iter().filter_map(|h| cat.position(&h.record.id).map(|p| (h.score, p))).collect());
            let matcher = Matcher {
                cat: &cat,
                source: &fixed,
                glossary: self.glossary.as_ref(),
                model_en: self.model_en.clone(),
                model_zh: self.model_zh.clone(),
                config: MatchConfig { min_score: Some(0.0), max_pairs: top, ..MatchConfig::default() },
            };
            let resolved = resolve_declared(&cat, std::slice::from_ref(d));
            out.extend(match_all(&matcher, std::slice::from_ref(d), &resolved, &NoProgress));
        }
        Ok(out)
    }
}

impl FindArgs {
    pub fn run(self, _ui: &Ui) -> anyhow::Result<u8> {
        let idx = StdIndex::open(&self.index)?;
        let gpath = self.glossary.clone().unwrap_or_else(|| super::corpora_dir().join("glossary/zh_en.tsv"));
        let glossary = match std::fs::read_to_string(&gpath) {
            Ok(t) => Some(Glossary::parse(&t)?),
            Err(e) if self.glossary.is_none() && e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("reading glossary {}", gpath.display())),
        };
        let (model_en, model_zh) = ModelFile::models(self.model.as_deref())?;
        let env = Env { stats: idx.title_stats()?, glossary, model_en, model_zh };
        let hits = idx.lookup(&self.query, None)?;
        let (kind, records, mut pairs): (&str, Vec<Record>, Vec<Pair>) = if hits.is_empty() {
            let probe = probe_record(&self.query);
            ("title", Vec::new(), env.pairs(&idx, std::slice::from_ref(&probe), self.top)?)
        } else {
            let domestic: Vec<Record> = hits.iter().filter(|r| r.side == Side::Domestic).cloned().collect();
            if !domestic.is_empty() {
                ("domestic number", hits.clone(), env.pairs(&idx, &domestic, self.top)?)
            } else {
                // International number: the domestic standards that declare it.
                let mut works: Vec<String> = hits.iter().map(|r| r.work_item()).collect();
                works.sort();
                works.dedup();
                let mut declaring = Vec::new();
                for w in &works {
                    declaring.extend(idx.declaring(w)?);
                }
                let mut ps: Vec<Pair> = env
                    .pairs(&idx, &declaring, self.top)?
                    .into_iter()
                    .filter(|p| works.contains(&p.international_work_item))
                    .collect();
                ps.sort_by(|a, b| (&a.domestic, a.rank).cmp(&(&b.domestic, b.rank)));
                ("international number", hits.clone(), ps)
            }
        };
        if kind != "international number" {
            pairs.truncate(self.top.max(1) * records.len().max(1));
        }
        if self.json {
            let f = Found { query: &self.query, kind, records: records.iter().collect(), pairs };
            outln!("{}", serde_json::to_string_pretty(&f)?);
            return Ok(0);
        }
        for r in &records {
            outln!("{} [{}] {}  ({})", r.id, r.side, r.title(), r.status);
        }
        if pairs.is_empty() {
            eprintln!("stdalign: no equivalent found for {:?}", self.query);
            return Ok(if records.is_empty() { 1 } else { 0 });
        }
        outln!(
            "{:<4} {:<24} {:<28} {:<7} {:<8} {:>6}  explanation",
            "rank",
            "domestic",
            "international",
            "degree",
            "source",
            "score"
        );
        let titles: BTreeMap<String, String> = {
            let mut m = BTreeMap::new();
            for p in &pairs {
                if let Some(r) = idx.lookup(&p.international, Some(Side::International))?.into_iter().next() {
                    m.insert(p.international.clone(), r.title().to_string());
                }
            }
            m
        };
        for p in &pairs {
            let dom = if kind == "title" { "(query)" } else { p.domestic.as_str() };
            outln!(
                "{:<4} {:<24} {:<28} {:<7} {:<8} {:>6.3}  {}",
                p.rank,
                dom,
                p.international,
                p.degree.to_string(),
                p.source.as_str(),
                p.score,
                p.explanation
            );
            if let Some(t) = titles.get(&p.international) {
                outln!("     {t}");
            }
        }
        Ok(0)
    }
}

/// A domestic-like record made from a free-text title.
fn probe_record(title: &str) -> Record {
    let han = title.chars().any(stdalign::matching::glossary::is_han);
    Record {
        id: "(query)".into(),
        side: Side::Domestic,
        reference: stdalign::ident::StdRef::parse("GB/T 0").expect("a constant Chinese number parses"),
        raw_number: String::new(),
        aliases: vec![],
        title_en: if han { String::new() } else { title.to_string() },
        title_zh: if han { title.to_string() } else { String::new() },
        title_fr: String::new(),
        ics: vec![],
        ccs: vec![],
        committee: String::new(),
        department: String::new(),
        doctype: String::new(),
        status: stdalign::model::Status::Current,
        stage_raw: String::new(),
        published: None,
        implemented: None,
        obsoleted: None,
        edition: None,
        replaces: vec![],
        replaced_by: vec![],
        declaration: None,
        url: String::new(),
        source: Default::default(),
        merged_from: vec![],
        warnings: vec![],
    }
}
