//! `stdalign eval`: pairs against a truth file. Reads the CSVs and prints;
//! the figures are computed by [`stdalign::matching::eval`].

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Context;
use stdalign::matching::eval::{evaluate, EvalPair, Prf, Slice, TruthRow};

use super::progress::Ui;

/// Measure a pairs CSV against a truth CSV.
///
/// Predicted links are, per domestic standard, its rank-1 pair when its score
/// is at least --threshold (default 0) (declared pairs score 1). Precision, recall and F1
/// are computed over links, on the work item and on the exact edition;
/// recall@1 and MRR over the domestic standards of the truth file, using
/// every pair in the file whatever its score. Figures are given overall, per
/// degree (from the truth file) and per title language (English-titled or
/// Chinese-only, from --domestic or else the pairs file), followed by
/// work-item precision/recall tables over thresholds 0.05 to 0.95 by 0.05,
/// overall and per title language. Truth CSV: domestic,international[,degree].
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

fn read_pairs(path: &PathBuf) -> anyhow::Result<Vec<EvalPair>> {
    let mut r = csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let h = r.headers()?.clone();
    let col = |n: &str| h.iter().position(|x| x == n).with_context(|| format!("{}: no column {n:?}", path.display()));
    let (cd, ci, cs, cr) = (col("domestic")?, col("international")?, col("score")?, col("rank")?);
    let cl = h.iter().position(|x| x == "title_language");
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        out.push(EvalPair {
            domestic: rec.get(cd).unwrap_or("").to_string(),
            international: rec.get(ci).unwrap_or("").trim_start_matches('\'').to_string(),
            score: rec.get(cs).and_then(|s| s.parse().ok()).unwrap_or(0.0),
            rank: rec.get(cr).and_then(|s| s.parse().ok()).unwrap_or(1),
            lang: cl.and_then(|i| rec.get(i)).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

fn read_truth(path: &PathBuf) -> anyhow::Result<Vec<TruthRow>> {
    let mut r = csv::Reader::from_path(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        let d = rec.get(0).unwrap_or("").trim();
        let i = rec.get(1).unwrap_or("").trim();
        if d.is_empty() || i.is_empty() {
            continue;
        }
        out.push(TruthRow {
            domestic: d.to_string(),
            international: i.to_string(),
            degree: rec.get(2).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

/// Prints one work-item links-by-threshold table.
fn print_thresholds(heading: &str, rows: &[(f64, Prf)]) -> anyhow::Result<()> {
    outln!();
    outln!("{heading}:");
    outln!("{:>9} {:>9} {:>9} {:>9} {:>9}", "threshold", "predicted", "precision", "recall", "F1");
    for (t, p) in rows {
        outln!("{:>9.2} {:>9} {:>9.4} {:>9.4} {:>9.4}", t, p.predicted, p.precision, p.recall, p.f1);
    }
    Ok(())
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
        let languages = self.languages()?;
        let report = evaluate(&pairs, &truth, self.threshold, languages.as_ref());
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
        print_thresholds("work-item links by threshold", &report.thresholds)?;
        for t in &report.thresholds_by_language {
            print_thresholds(&format!("work-item links by threshold ({})", t.name), &t.thresholds)?;
        }
        Ok(0)
    }
}
