//! `stdalign match`: every domestic standard's international equivalents.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use stdalign::index::{StdIndex, DEFAULT_INDEX_DIR};
use stdalign::matching::features::Model;
use stdalign::matching::{
    match_prepared, one_to_one, prepare, query_text, resolve_declared, training_samples, MatchConfig, Pair, ResolvedRef,
};
use stdalign::model::{Record, Side};
use stdalign::report::safe_cell;

use super::progress::Ui;
use super::setup::{MatchSetup, ModelFile};

/// Match every domestic standard to its international equivalents.
///
/// Declared adoptions are resolved first (exact edition, work item, edition
/// chain, fuzzy); then every record's title is matched (BM25 candidates from
/// the index, rescored by a logistic model). When the catalogue holds enough
/// resolved declarations (30+ English-titled), the model is learned from
/// them; otherwise the built-in model is used. Output is byte-identical
/// whatever --jobs is.
///
/// Examples:
///
///   stdalign match -o pairs.csv
///
///   stdalign match --one-to-one --min-score 0.7 -o pairs.csv
///
///   stdalign match --ignore-declarations --jobs 2 -o blind.csv
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct MatchArgs {
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX_DIR)]
    index: PathBuf,
    /// Output CSV (default: stdout).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Matched pairs below this score are not written (default: each model's
    /// own threshold, chosen for 0.97 precision on its training data).
    #[arg(long)]
    min_score: Option<f64>,
    /// Most matched pairs per domestic standard.
    #[arg(long, default_value_t = 3)]
    top: usize,
    /// One-to-one best links (each international edition to at most one
    /// domestic standard per sector code; ties flagged).
    #[arg(long)]
    one_to_one: bool,
    /// Worker threads (0 = all cores).
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
    /// Match titles only, as if no record declared anything.
    #[arg(long)]
    ignore_declarations: bool,
    /// When learning, also take the candidates of records that declare
    /// nothing as negatives (only for catalogues whose declarations are complete).
    #[arg(long)]
    undeclared_negatives: bool,
    /// Use the built-in model even when declarations could train one.
    #[arg(long)]
    no_learn: bool,
    /// Load models from this JSON file (written by --save-model).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Write the models used to this JSON file.
    #[arg(long)]
    save_model: Option<PathBuf>,
    /// Write how each declared reference resolved to this CSV.
    #[arg(long)]
    resolutions: Option<PathBuf>,
    /// Glossary for Chinese titles (default: the bundled one).
    #[arg(long)]
    glossary: Option<PathBuf>,
    /// Reviewer decisions CSV (domestic, international, decision
    /// confirm|reject|not-applicable, reason, reviewer, date): rejected pairs
    /// are dropped, confirmed ones kept whatever their score; unknown numbers
    /// are reported.
    #[arg(long)]
    decisions: Option<PathBuf>,
    /// BM25 candidates per record.
    #[arg(long, default_value_t = 40)]
    candidates: usize,
}

impl MatchArgs {
    pub fn run(self, ui: &Ui) -> anyhow::Result<u8> {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(self.jobs).build()?;
        pool.install(|| self.run_in_pool(ui))
    }

    fn run_in_pool(self, ui: &Ui) -> anyhow::Result<u8> {
        let started = std::time::Instant::now();
        let idx = StdIndex::open(&self.index)?;
        let mut setup = MatchSetup::load(&idx, self.glossary.as_deref(), self.model.as_deref(), false)?;
        let mut domestic = idx.records(Some(Side::Domestic))?;
        if self.ignore_declarations {
            for d in &mut domestic {
                d.declaration = None;
            }
        }
        let resolved = resolve_declared(&setup.catalogue, &domestic);
        let config = MatchConfig {
            top_k: self.candidates,
            min_score: self.min_score,
            max_pairs: self.top,
            ..MatchConfig::default()
        };
        let prepared = {
            let matcher = setup.matcher(&idx, config.clone());
            prepare(&matcher, &domestic, ui)
        };
        if self.model.is_none() && !self.no_learn {
            let mut learned: Vec<(bool, Model)> = Vec::new();
            let matcher = setup.matcher(&idx, config.clone());
            for translated in [false, true] {
                let samples =
                    training_samples(&matcher, &domestic, &prepared, &resolved, translated, self.undeclared_negatives);
                let pos = samples.iter().filter(|s| s.1).count();
                let which = if translated { "Chinese-only" } else { "English-titled" };
                if pos >= 30 {
                    let m = Model::fit(
                        &samples,
                        &format!("learned from {pos} declared {which} adoptions ({} candidates)", samples.len()),
                    );
                    ui.note(&format!("model for {which} records: {}", m.origin));
                    learned.push((translated, m));
                } else {
                    ui.note(&format!(
                        "model for {which} records: built-in ({pos} declared adoptions usable, 30 needed to learn)"
                    ));
                }
            }
            drop(matcher);
            for (translated, m) in learned {
                if translated {
                    setup.model_zh = m;
                } else {
                    setup.model_en = m;
                }
            }
        }
        if let Some(p) = &self.save_model {
            let mf = ModelFile { english: setup.model_en.clone(), chinese: setup.model_zh.clone() };
            std::fs::write(p, serde_json::to_string_pretty(&mf)?)
                .with_context(|| format!("writing {}", p.display()))?;
        }
        let matcher = setup.matcher(&idx, config);
        let mut pairs = match_prepared(&matcher, &domestic, &prepared, &resolved);
        if let Some(p) = &self.decisions {
            let file = std::fs::File::open(p).with_context(|| format!("reading {}", p.display()))?;
            let decisions = stdalign::score::decisions::parse_decisions(file)
                .with_context(|| format!("reading decisions {}", p.display()))?;
            let (kept, unknown) = stdalign::matching::apply_decisions(pairs, &decisions, &setup.catalogue, &domestic);
            pairs = kept;
            for u in unknown {
                ui.warn(&format!("{}: {u}", p.display()));
            }
        }
        if self.one_to_one {
            let codes: std::collections::HashMap<String, String> =
                domestic.iter().map(|d| (d.id.clone(), d.reference.code_root().unwrap_or("").to_string())).collect();
            pairs = one_to_one(pairs, |id| codes.get(id).cloned().unwrap_or_default());
        }
        if let Some(p) = &self.resolutions {
            write_resolutions(p, &resolved)?;
        }
        let out: Box<dyn Write> = match &self.output {
            Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?),
            None => Box::new(std::io::stdout().lock()),
        };
        write_pairs(out, &pairs, &domestic, &setup)?;
        let mut by_how: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in &resolved {
            *by_how.entry(r.resolution.as_str()).or_default() += 1;
        }
        let summary: Vec<String> = by_how.iter().map(|(k, v)| format!("{k} {v}")).collect();
        ui.note(&format!(
            "{} domestic records, {} pairs; declared references: {}; {:.2} s",
            domestic.len(),
            pairs.len(),
            if summary.is_empty() { "none".to_string() } else { summary.join(", ") },
            started.elapsed().as_secs_f64()
        ));
        for r in resolved.iter().filter(|r| r.international.is_none()) {
            ui.warn(&format!("{}: declared {} resolves to nothing in the catalogue", r.domestic, r.declared));
        }
        Ok(0)
    }
}

/// Writes the pairs CSV.
pub fn write_pairs(out: impl Write, pairs: &[Pair], domestic: &[Record], setup: &MatchSetup) -> anyhow::Result<()> {
    let by_id: std::collections::HashMap<&str, &Record> = domestic.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "domestic",
        "domestic_title",
        "title_language",
        "international",
        "international_work_item",
        "international_title",
        "degree",
        "source",
        "score",
        "rank",
        "tie",
        "explanation",
    ])?;
    for p in pairs {
        let d = by_id.get(p.domestic.as_str());
        let lang = d.map(|d| if query_text(d, None).2 { "zh" } else { "en" }).unwrap_or("");
        let dtitle = d.map(|d| d.title()).unwrap_or("");
        let ititle = setup.catalogue.get(&p.international).map(|r| r.title()).unwrap_or("");
        w.write_record([
            safe_cell(&p.domestic).as_ref(),
            safe_cell(dtitle).as_ref(),
            lang,
            safe_cell(&p.international).as_ref(),
            safe_cell(&p.international_work_item).as_ref(),
            safe_cell(ititle).as_ref(),
            &p.degree.to_string(),
            p.source.as_str(),
            &format!("{:.4}", p.score),
            &p.rank.to_string(),
            if p.tie { "yes" } else { "" },
            safe_cell(&p.explanation).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_resolutions(path: &std::path::Path, resolved: &[ResolvedRef]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
    w.write_record(["domestic", "declared", "degree", "international", "resolution", "note", "declaration"])?;
    for r in resolved {
        w.write_record([
            safe_cell(&r.domestic).as_ref(),
            safe_cell(&r.declared).as_ref(),
            &r.degree.to_string(),
            r.international.as_deref().unwrap_or(""),
            r.resolution.as_str(),
            safe_cell(&r.note).as_ref(),
            safe_cell(&r.text).as_ref(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
