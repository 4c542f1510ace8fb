//! `stdalign eval`: pairs against a truth file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;
use stdalign::ident::StdRef;

use super::progress::Ui;

/// Measure a pairs CSV against a truth CSV.
///
/// Predicted links are, per domestic standard, its rank-1 pair when its score
/// is at least --threshold (default 0) (declared pairs score 1). Precision, recall and F1
/// are computed over links, on the work item and on the exact edition;
/// recall@1 and MRR over the domestic standards of the truth file, using
/// every pair in the file whatever its score. Figures are given overall, per
/// degree (from the truth file) and per title language (English-titled or
/// Chinese-only, from the pairs file), with a precision/recall table over
/// thresholds. Truth CSV: domestic,international[,degree].
///
/// Examples:
///
///   stdalign eval --pairs pairs.csv --truth corpora/truth.csv
///
///   stdalign eval --pairs blind.csv --truth gen/truth.csv --threshold 0.6 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct EvalArgs {
    /// Pairs CSV written by `stdalign match`.
    #[arg(long)]
    pairs: PathBuf,
    /// Truth CSV: domestic,international[,degree].
    #[arg(long)]
    truth: PathBuf,
    /// Score threshold for predicted links (default 0: every rank-1 pair in
    /// the file, which `match` already cut at its thresholds).
    #[arg(long, default_value_t = 0.0)]
    threshold: f64,
    /// Print JSON on stdout.
    #[arg(long)]
    json: bool,
    /// The domestic catalogue(s) matched, to tell English-titled from
    /// Chinese-only records that have no pair (otherwise the language is taken
    /// from the pairs file and unpaired records count as English-titled).
    #[arg(long, num_args = 1.., value_name = "PATH")]
    domestic: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
struct PairRow {
    domestic: String,
    international: String,
    score: f64,
    rank: u32,
    lang: String,
}

#[derive(Debug, Clone, Default, Serialize)]
struct Prf {
    predicted: usize,
    relevant: usize,
    correct: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl Prf {
    fn new(predicted: usize, relevant: usize, correct: usize) -> Prf {
        let p = if predicted == 0 { 1.0 } else { correct as f64 / predicted as f64 };
        let r = if relevant == 0 { 1.0 } else { correct as f64 / relevant as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { predicted, relevant, correct, precision: p, recall: r, f1: f }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
struct Level {
    links: Prf,
    recall_at_1: f64,
    mrr: f64,
}

#[derive(Debug, Clone, Serialize)]
struct Slice {
    name: String,
    domestic_in_truth: usize,
    work_item: Level,
    edition: Level,
}

#[derive(Debug, Clone, Serialize)]
struct Report {
    threshold: f64,
    overall: Slice,
    by_language: Vec<Slice>,
    by_degree: Vec<Slice>,
    thresholds: Vec<(f64, Prf)>,
}

fn work_of(s: &str) -> String {
    StdRef::parse(s).map(|r| r.work_item()).unwrap_or_else(|_| s.trim().to_string())
}

fn edition_of(s: &str) -> String {
    StdRef::parse(s).map(|r| r.base().to_string()).unwrap_or_else(|_| s.trim().to_string())
}

fn dom_key(s: &str) -> String {
    StdRef::parse(s)
        .map(|mut r| {
            r.double = None;
            r.to_string()
        })
        .unwrap_or_else(|_| s.trim().to_string())
}

fn read_pairs(path: &PathBuf) -> anyhow::Result<Vec<PairRow>> {
    let mut r = csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let h = r.headers()?.clone();
    let col = |n: &str| h.iter().position(|x| x == n).with_context(|| format!("{}: no column {n:?}", path.display()));
    let (cd, ci, cs, cr) = (col("domestic")?, col("international")?, col("score")?, col("rank")?);
    let cl = h.iter().position(|x| x == "title_language");
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        out.push(PairRow {
            domestic: dom_key(rec.get(cd).unwrap_or("")),
            international: rec.get(ci).unwrap_or("").trim_start_matches('\'').to_string(),
            score: rec.get(cs).and_then(|s| s.parse().ok()).unwrap_or(0.0),
            rank: rec.get(cr).and_then(|s| s.parse().ok()).unwrap_or(1),
            lang: cl.and_then(|i| rec.get(i)).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

fn read_truth(path: &PathBuf) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut r = csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        let d = rec.get(0).unwrap_or("").trim();
        let i = rec.get(1).unwrap_or("").trim();
        if d.is_empty() || i.is_empty() {
            continue;
        }
        out.push((dom_key(d), i.to_string(), rec.get(2).unwrap_or("").trim().to_uppercase()));
    }
    Ok(out)
}

/// Computes one slice: `doms` limits the domestic records considered (None: all).
fn slice(
    name: &str,
    pairs: &[PairRow],
    truth: &[(String, String, String)],
    threshold: f64,
    doms: Option<&HashSet<String>>,
) -> Slice {
    let keep = |d: &str| doms.is_none_or(|s| s.contains(d));
    let level = |key: &dyn Fn(&str) -> String| -> Level {
        let t: HashSet<(String, String)> =
            truth.iter().filter(|t| keep(&t.0)).map(|t| (t.0.clone(), key(&t.1))).collect();
        let mut best: HashMap<&str, &PairRow> = HashMap::new();
        for p in pairs.iter().filter(|p| keep(&p.domestic)) {
            if p.rank == 1 {
                best.entry(p.domestic.as_str()).or_insert(p);
            }
        }
        let predicted: HashSet<(String, String)> = best
            .values()
            .filter(|p| p.score >= threshold)
            .map(|p| (p.domestic.clone(), key(&p.international)))
            .collect();
        let correct = predicted.intersection(&t).count();
        let links = Prf::new(predicted.len(), t.len(), correct);
        // Ranking metrics over truth domestic records.
        let mut by_dom: BTreeMap<&str, Vec<&PairRow>> = BTreeMap::new();
        for p in pairs.iter().filter(|p| keep(&p.domestic)) {
            by_dom.entry(p.domestic.as_str()).or_default().push(p);
        }
        let truth_doms: BTreeMap<&str, HashSet<String>> = t.iter().fold(BTreeMap::new(), |mut m, (d, i)| {
            m.entry(d.as_str()).or_insert_with(HashSet::new).insert(i.clone());
            m
        });
        let (mut r1, mut rr) = (0.0, 0.0);
        for (d, targets) in &truth_doms {
            let mut list = by_dom.get(d).cloned().unwrap_or_default();
            list.sort_by_key(|p| p.rank);
            if let Some(pos) = list.iter().position(|p| targets.contains(&key(&p.international))) {
                if pos == 0 {
                    r1 += 1.0;
                }
                rr += 1.0 / (pos as f64 + 1.0);
            }
        }
        let n = truth_doms.len().max(1) as f64;
        Level { links, recall_at_1: r1 / n, mrr: rr / n }
    };
    let work_item = level(&|s| work_of(s));
    let edition = level(&|s| edition_of(s));
    let n = truth.iter().filter(|t| keep(&t.0)).map(|t| &t.0).collect::<HashSet<_>>().len();
    Slice { name: name.to_string(), domestic_in_truth: n, work_item, edition }
}

impl EvalArgs {
    /// Domestic id → "en" or "zh", from the catalogues given with --domestic.
    fn languages(&self) -> anyhow::Result<Option<HashMap<String, String>>> {
        if self.domestic.is_empty() {
            return Ok(None);
        }
        let inputs: Vec<stdalign::ingest::InputFile> = self
            .domestic
            .iter()
            .map(|p| stdalign::ingest::InputFile::new(p, stdalign::model::Side::Domestic))
            .collect();
        let ing = stdalign::ingest::ingest(&inputs, &Default::default(), &stdalign::progress::NoProgress)?;
        Ok(Some(
            ing.records
                .iter()
                .map(|r| (r.id.clone(), if r.title_en.trim().is_empty() { "zh" } else { "en" }.to_string()))
                .collect(),
        ))
    }

    pub fn run(self, _ui: &Ui) -> anyhow::Result<u8> {
        let pairs = read_pairs(&self.pairs)?;
        let truth = read_truth(&self.truth)?;
        let overall = slice("overall", &pairs, &truth, self.threshold, None);
        let mut by_language = Vec::new();
        let languages = self.languages()?;
        if let Some(langs) = &languages {
            for lang in ["en", "zh"] {
                let doms: HashSet<String> =
                    langs.iter().filter(|(_, l)| l.as_str() == lang).map(|(d, _)| d.clone()).collect();
                let name = if lang == "en" { "english-titled" } else { "chinese-only" };
                by_language.push(slice(name, &pairs, &truth, self.threshold, Some(&doms)));
            }
        }
        for lang in ["en", "zh"] {
            if languages.is_some() {
                break;
            }
            // A domestic record's language is known from the pairs file; records
            // without any pair are attributed by the truth file's absence.
            let doms: HashSet<String> = pairs.iter().filter(|p| p.lang == lang).map(|p| p.domestic.clone()).collect();
            let mut doms = doms;
            // Records with no pair at all: count them in both slices' recall by
            // leaving them out of neither; they are listed under "unpaired".
            if lang == "en" {
                let paired: HashSet<&String> = pairs.iter().map(|p| &p.domestic).collect();
                for t in &truth {
                    if !paired.contains(&t.0) {
                        doms.insert(t.0.clone());
                    }
                }
            }
            by_language.push(slice(
                if lang == "en" { "english-titled (+unpaired)" } else { "chinese-only" },
                &pairs,
                &truth,
                self.threshold,
                Some(&doms),
            ));
        }
        let mut by_degree = Vec::new();
        let degrees: std::collections::BTreeSet<String> =
            truth.iter().map(|t| t.2.clone()).filter(|d| !d.is_empty()).collect();
        for deg in degrees {
            let doms: HashSet<String> = truth.iter().filter(|t| t.2 == deg).map(|t| t.0.clone()).collect();
            let t: Vec<(String, String, String)> = truth.iter().filter(|t| t.2 == deg).cloned().collect();
            let mut s = slice(&deg, &pairs, &t, self.threshold, Some(&doms));
            s.name = deg;
            by_degree.push(s);
        }
        let thresholds: Vec<(f64, Prf)> = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
            .iter()
            .map(|&th| (th, slice("t", &pairs, &truth, th, None).work_item.links))
            .collect();
        let report = Report { threshold: self.threshold, overall, by_language, by_degree, thresholds };
        if self.json {
            outln!("{}", serde_json::to_string_pretty(&report)?);
            return Ok(0);
        }
        outln!("threshold {:.2}; truth pairs {}; pairs in file {}", self.threshold, truth.len(), pairs.len());
        outln!("{:<28} {:>6} {:>9} {:>7} {:>7} {:>7} {:>7} {:>7}", "slice", "n", "level", "P", "R", "F1", "R@1", "MRR");
        let row = |s: &Slice| -> anyhow::Result<()> {
            for (lvl, l) in [("work", &s.work_item), ("edition", &s.edition)] {
                outln!(
                    "{:<28} {:>6} {:>9} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>7.4}",
                    s.name,
                    s.domestic_in_truth,
                    lvl,
                    l.links.precision,
                    l.links.recall,
                    l.links.f1,
                    l.recall_at_1,
                    l.mrr
                );
            }
            Ok(())
        };
        row(&report.overall)?;
        for s in &report.by_language {
            row(s)?;
        }
        for s in &report.by_degree {
            row(s)?;
        }
        outln!();
        outln!("work-item links by threshold:");
        outln!("{:>9} {:>9} {:>9} {:>9} {:>9}", "threshold", "predicted", "precision", "recall", "F1");
        for (t, p) in &report.thresholds {
            outln!("{:>9.2} {:>9} {:>9.4} {:>9.4} {:>9.4}", t, p.predicted, p.precision, p.recall, p.f1);
        }
        Ok(0)
    }
}
