//! `stdalign gen`: a realistic domestic catalogue and its truth, generated
//! from a real international catalogue.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use serde::Serialize;
use stdalign::gen::{self, GenConfig, GenStats, Glossary};
use stdalign::ingest::{ingest, IngestOptions, InputFile};
use stdalign::model::Side;

use super::progress::Ui;

/// Generate a domestic (Chinese) catalogue and its truth from an
/// international catalogue.
///
/// Writes DIR/domestic.csv (标准号, 中文标准名称, 英文标准名称, 国际标准分类号,
/// 中国标准分类号, 发布日期, 实施日期, 状态, 代替标准, 采标情况, 采用程度, 主管部门,
/// 归口单位), DIR/truth.csv (domestic,international,degree: one row per true
/// correspondence) and DIR/truth_full.csv (every row with its kind,
/// declaration format and perturbations). The same inputs and seed give
/// byte-identical files. Row kinds: adoption, adoption-outdated,
/// hard-sibling, hard-edition, domestic-only.
///
/// Chinese titles are built with the glossary corpora/glossary/zh_en.tsv
/// when it exists (see --glossary).
///
/// Examples:
///
///   stdalign gen --international iso.csv iec.csv itu.csv --count 20000 --seed 1 -o gen20k
///
///   stdalign gen --international iso.csv --count 500 --seed 7 -o small --undeclared-share 0 --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct GenArgs {
    /// International catalogues (ISO/IEC/ITU CSV layout or ISO Open Data JSONL/CSV).
    #[arg(long, num_args = 1.., value_name = "PATH", required = true)]
    international: Vec<PathBuf>,
    /// Number of domestic rows to generate.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// Seed of the pseudo-random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory (created if missing).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// Share of rows with no international counterpart.
    #[arg(long, default_value_t = 0.45)]
    domestic_only_share: f64,
    /// Share of rows with an empty English title.
    #[arg(long, default_value_t = 0.25)]
    chinese_only_share: f64,
    /// Share of correspondences with an empty declaration.
    #[arg(long, default_value_t = 0.3)]
    undeclared_share: f64,
    /// Share of correspondences numbered as national standards (GB/T).
    #[arg(long, default_value_t = 0.25)]
    gbt_share: f64,
    /// Glossary TSV (default: corpora/glossary/zh_en.tsv when present).
    #[arg(long, value_name = "PATH")]
    glossary: Option<PathBuf>,
    /// Do not use any glossary (Chinese titles repeat the English ones).
    #[arg(long, conflicts_with = "glossary")]
    no_glossary: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    output: String,
    files: Vec<String>,
    glossary: Option<String>,
    international_records: usize,
    elapsed_ms: u128,
    config: &'a GenConfig,
    #[serde(flatten)]
    stats: &'a GenStats,
}

fn write_file(path: &Path, f: impl FnOnce(BufWriter<File>) -> std::io::Result<()>) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    f(BufWriter::new(file)).with_context(|| format!("cannot write {}", path.display()))
}

impl GenArgs {
    /// Runs the generator and writes the three files.
    pub fn run(self, ui: &Ui) -> anyhow::Result<u8> {
        let started = Instant::now();
        let cfg = GenConfig {
            count: self.count,
            seed: self.seed,
            domestic_only_share: self.domestic_only_share,
            chinese_only_share: self.chinese_only_share,
            undeclared_share: self.undeclared_share,
            gbt_share: self.gbt_share,
            ..GenConfig::default()
        };
        cfg.validate().map_err(|e| anyhow::anyhow!(e))?;
        let glossary_path = if self.no_glossary {
            None
        } else if let Some(p) = &self.glossary {
            Some(p.clone())
        } else {
            let p = super::corpora_dir().join("glossary").join("zh_en.tsv");
            p.is_file().then_some(p)
        };
        let glossary = match &glossary_path {
            Some(p) => {
                let f = File::open(p).with_context(|| format!("cannot open glossary {}", p.display()))?;
                let g = Glossary::from_reader(f).with_context(|| format!("cannot read glossary {}", p.display()))?;
                if g.is_empty() {
                    ui.warn(&format!("glossary {} has no entries", p.display()));
                }
                Some(g)
            }
            None => {
                ui.warn("no glossary: Chinese titles repeat the English ones and no row is Chinese-only");
                None
            }
        };
        let inputs: Vec<InputFile> =
            self.international.iter().map(|p| InputFile::new(p.clone(), Side::International)).collect();
        let ingested =
            ingest(&inputs, &IngestOptions::default(), ui).context("cannot read the international catalogues")?;
        let records: Vec<_> = ingested.records.into_iter().filter(|r| r.side == Side::International).collect();
        anyhow::ensure!(!records.is_empty(), "no international record could be read");
        let generated = gen::generate(&records, glossary.as_ref(), &cfg);
        let stats = generated.stats();
        if stats.truth_rows == 0 && cfg.domestic_only_share < 1.0 {
            ui.warn("no international record is eligible (published base IS/Rec with an English title): only domestic-only rows");
        }
        std::fs::create_dir_all(&self.output)
            .with_context(|| format!("cannot create output directory {}", self.output.display()))?;
        let files =
            [self.output.join("domestic.csv"), self.output.join("truth.csv"), self.output.join("truth_full.csv")];
        write_file(&files[0], |w| gen::write_domestic_csv(w, &generated.rows))?;
        write_file(&files[1], |w| gen::write_truth_csv(w, &generated.truth))?;
        write_file(&files[2], |w| gen::write_truth_full_csv(w, &generated.rows))?;
        if self.json {
            let js = JsonSummary {
                output: self.output.display().to_string(),
                files: files.iter().map(|f| f.display().to_string()).collect(),
                glossary: glossary_path.map(|p| p.display().to_string()),
                international_records: records.len(),
                elapsed_ms: started.elapsed().as_millis(),
                config: &cfg,
                stats: &stats,
            };
            outln!("{}", serde_json::to_string_pretty(&js)?);
        } else {
            let kinds: Vec<String> = stats.by_kind.iter().map(|(k, v)| format!("{k} {v}")).collect();
            outln!(
                "{} rows ({}), {} truth rows, {} Chinese-only, {} undeclared -> {} in {:.2} s",
                stats.rows,
                kinds.join(", "),
                stats.truth_rows,
                stats.chinese_only,
                stats.undeclared,
                self.output.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Ok(0)
    }
}
