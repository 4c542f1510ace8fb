//! `stdalign find`: international equivalents of one standard or title.

use std::path::PathBuf;

use serde::Serialize;
use stdalign::index::{StdIndex, DEFAULT_INDEX_DIR};
use stdalign::matching::{resolve_declared, Catalogue, MatchConfig, Pair};
use stdalign::model::{Record, Side};

use super::progress::Ui;
use super::setup::MatchSetup;

/// Find the international equivalents of a standard, ranked and explained.
///
/// QUERY is a domestic or international number in any spelling, or a free
/// title in Chinese or English. For a domestic number, its declared
/// adoptions come first, then title matches; for an international number,
/// the domestic standards that declare or match it; for a title, the best
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
}

#[derive(Serialize)]
struct Found<'a> {
    query: &'a str,
    kind: &'static str,
    records: Vec<&'a Record>,
    pairs: Vec<Pair>,
}

impl FindArgs {
    pub fn run(self, _ui: &Ui) -> anyhow::Result<u8> {
        let idx = StdIndex::open(&self.index)?;
        let hits = idx.lookup(&self.query, None)?;
        let setup = MatchSetup::load(&idx, self.glossary.as_deref(), None, true)?;
        let cat: &Catalogue = &setup.catalogue;
        let config = MatchConfig { min_score: Some(0.05), max_pairs: self.top, ..MatchConfig::default() };
        let matcher = setup.matcher(&idx, config);
        let (kind, records, mut pairs): (&str, Vec<Record>, Vec<Pair>) = if hits.is_empty() {
            // A title: match it as a domestic record would be.
            let probe = probe_record(&self.query);
            let ps = stdalign::matching::match_all(
                &matcher,
                std::slice::from_ref(&probe),
                &[],
                &stdalign::progress::NoProgress,
            );
            ("title", Vec::new(), ps)
        } else {
            let domestic: Vec<Record> = hits.iter().filter(|r| r.side == Side::Domestic).cloned().collect();
            if !domestic.is_empty() {
                let resolved = resolve_declared(cat, &domestic);
                let ps = stdalign::matching::match_all(&matcher, &domestic, &resolved, &stdalign::progress::NoProgress);
                ("domestic number", hits.clone(), ps)
            } else {
                // International number: which domestic standards declare it?
                let works: std::collections::HashSet<String> = hits.iter().map(|r| r.work_item()).collect();
                let domestic_all = idx.records(Some(Side::Domestic))?;
                let resolved = resolve_declared(cat, &domestic_all);
                let mut ps = Vec::new();
                for r in resolved.iter().filter(|r| r.international.is_some()) {
                    if let Some(rec) = r.international.as_deref().and_then(|i| cat.get(i)) {
                        if works.contains(&rec.work_item()) {
                            ps.push(Pair {
                                domestic: r.domestic.clone(),
                                international: rec.id.clone(),
                                international_work_item: rec.work_item(),
                                degree: r.degree,
                                source: stdalign::matching::PairSource::Declared,
                                score: 1.0,
                                rank: 1,
                                explanation: format!("declared \"{}\"; resolved {}", r.text, r.resolution.as_str()),
                                tie: false,
                            });
                        }
                    }
                }
                ("international number", hits.clone(), ps)
            }
        };
        pairs.truncate(self.top.max(1) * records.len().max(1));
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
            if let Some(rec) = cat.get(&p.international) {
                outln!("     {}", rec.title());
            }
        }
        Ok(0)
    }
}

/// A domestic-like record made from a free-text title.
fn probe_record(title: &str) -> Record {
    let han = title.chars().any(stdalign::matching::glossary::is_han);
    let reference = stdalign::ident::StdRef::parse("GB/T 0-2099").unwrap_or_else(|_| unreachable_ref());
    Record {
        id: "(query)".into(),
        side: Side::Domestic,
        reference,
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

fn unreachable_ref() -> stdalign::ident::StdRef {
    stdalign::ident::StdRef::parse("GB 1").expect("a constant Chinese number parses")
}
