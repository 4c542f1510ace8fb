//! `stdalign report`: the whole pipeline (ingest, match, score) and every
//! export — summary.json, rates.csv, gaps.csv, report.xlsx, report.md,
//! report.html — into one folder.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Parser;
use stdalign::ident::declaration::Degree;
use stdalign::index::{self, InputMeta, StdIndex};
use stdalign::ingest::{ingest, IngestOptions, InputFile};
use stdalign::matching::{resolve_declared, Catalogue, Pair, PairSource};
use stdalign::model::Side;
use stdalign::progress::Progress;
use stdalign::report::{self, build_summary, InputSnapshot, ReportMeta};
use stdalign::score::{self, decisions, Scope};

use super::progress::Ui;

/// Score the conversion rate of international standards and write the reports.
///
/// Runs the pipeline — ingest (unless --index is given), match (unless
/// --pairs is given), reviewer decisions, score — and writes into the
/// output folder: summary.json, rates.csv, gaps.csv, pairs.csv (when matched
/// here), report.xlsx, report.md and report.html. With no inputs, the
/// bundled corpora/ are used. The index built for the run is left in
/// DIR/index (reuse it with --index DIR/index).
///
/// Indicator A (the headline) is the share of relevant international work
/// items that at least one in-force domestic standard in scope adopts IDT or
/// MOD; indicator B (the share of domestic standards that adopt) is reported
/// beside it, never mixed. See the Method section of report.md.
///
/// Examples:
///
///   stdalign report
///
///   stdalign report --domestic miit.csv --international iso.csv iec.csv itu.csv -o report-2025
///
///   stdalign report --index stdalign-index --decisions decisions.csv --as-of 2025-12-31 \
///       --baseline report-2024/summary.json -o report-2025
///
///   stdalign report --scope scope.json --target 0.85 -o out
///
/// The scope file is JSON (every field optional): {"sector_codes": ["YD","SJ"],
/// "include_gb": "miit"|"none"|"all", "key_fields": [{"name": "5G",
/// "ics_prefixes": ["33.070"], "committees": ["ITU-T SG 15"], "items": []}],
/// "doc_types": ["IS","TS"], "families": ["ISO","IEC","ISO/IEC","ITU-T"],
/// "as_of": "2025-12-31", "target": 0.9, "eqv_counts": true,
/// "matched_counts": false, "exclusions": [{"work_item": "ISO 3166-1",
/// "reason": "not applicable in China: …"}]}
///
/// The decisions file is CSV: domestic,international,decision,reason,reviewer,date
/// (decision: confirm | reject | not-applicable; optional degree column).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ReportArgs {
    /// Domestic catalogues (as for ingest).
    #[arg(long, num_args = 1.., value_name = "PATH", conflicts_with = "index")]
    domestic: Vec<PathBuf>,
    /// International catalogues (as for ingest).
    #[arg(long, num_args = 1.., value_name = "PATH", conflicts_with = "index")]
    international: Vec<PathBuf>,
    /// Use an existing index instead of ingesting.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Pairs CSV written by `stdalign match` (default: match here).
    #[arg(long, value_name = "FILE")]
    pairs: Option<PathBuf>,
    /// Reviewer decisions CSV.
    #[arg(long, value_name = "FILE")]
    decisions: Option<PathBuf>,
    /// Target conversion rate (overrides the scope file).
    #[arg(long, value_name = "RATE")]
    target: Option<f64>,
    /// Snapshot date D, YYYY-MM-DD (overrides the scope file; default today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Scope JSON file (sector codes, key fields, types, exclusions …).
    #[arg(long, value_name = "FILE")]
    scope: Option<PathBuf>,
    /// A previous summary.json, for the year-over-year change and trend.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Output folder (created).
    #[arg(short, long, value_name = "DIR", default_value = "stdalign-report")]
    output: PathBuf,
    /// Worker threads for matching (0 = all cores).
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
}

/// `stdalign match` arguments, parsed by clap so that the report matches
/// exactly as `match` does.
#[derive(Debug, Parser)]
struct MatchOnly {
    #[command(flatten)]
    args: super::matching::MatchArgs,
}

const STAGES: u64 = 6;

impl ReportArgs {
    pub fn run(self, ui: &Ui) -> anyhow::Result<u8> {
        let started = std::time::Instant::now();
        // Validate everything before any work.
        let mut scope: Scope = match &self.scope {
            Some(p) => {
                let text = std::fs::read_to_string(p).with_context(|| format!("reading scope {}", p.display()))?;
                serde_json::from_str(&text).with_context(|| format!("parsing scope {}", p.display()))?
            }
            None => Scope::default(),
        };
        if let Some(t) = self.target {
            scope.target = t;
        }
        if let Some(d) = &self.as_of {
            scope.as_of = d.clone();
        }
        if scope.as_of.is_empty() {
            scope.as_of = chrono::Utc::now().format("%Y-%m-%d").to_string();
        }
        scope.validate().map_err(|e| anyhow::anyhow!("scope: {e}"))?;
        let decisions = match &self.decisions {
            Some(p) => {
                let f = std::fs::File::open(p).with_context(|| format!("reading decisions {}", p.display()))?;
                Some(decisions::parse_decisions(f).with_context(|| format!("in {}", p.display()))?)
            }
            None => None,
        };
        let baseline: Option<serde_json::Value> = match &self.baseline {
            Some(p) => {
                let text = std::fs::read_to_string(p).with_context(|| format!("reading baseline {}", p.display()))?;
                let v: serde_json::Value =
                    serde_json::from_str(&text).with_context(|| format!("parsing baseline {}", p.display()))?;
                anyhow::ensure!(
                    v.get("schema").and_then(|s| s.as_str()).is_some_and(|s| s.starts_with("stdalign.summary/")),
                    "{} is not a stdalign summary.json",
                    p.display()
                );
                Some(v)
            }
            None => None,
        };
        std::fs::create_dir_all(&self.output).with_context(|| format!("creating {}", self.output.display()))?;
        let stage = |i: u64, what: &str| {
            ui.start(&format!("report [{i}/{STAGES}] {what}"), 0);
            ui.finish();
            ui.note(&format!("[{i}/{STAGES}] {what}"));
        };

        // 1. Index.
        let index_dir = match &self.index {
            Some(d) => {
                stage(1, "opening the index");
                d.clone()
            }
            None => {
                stage(1, "ingesting the catalogues");
                let (dom, intl) = if self.domestic.is_empty() && self.international.is_empty() {
                    let c = super::corpora_dir();
                    ui.note(&format!("no inputs given: reading the bundled corpora in {}", c.display()));
                    (super::catalogue_files(&c.join("domestic")), super::catalogue_files(&c.join("international")))
                } else {
                    (self.domestic.clone(), self.international.clone())
                };
                anyhow::ensure!(!dom.is_empty(), "no domestic catalogue: give --domestic PATH (or --index DIR)");
                anyhow::ensure!(
                    !intl.is_empty(),
                    "no international catalogue: give --international PATH (or --index DIR)"
                );
                let mut inputs = Vec::new();
                for (paths, side) in [(&dom, Side::Domestic), (&intl, Side::International)] {
                    for p in paths {
                        inputs.push(InputFile::new(p.clone(), side));
                    }
                }
                let ingested = ingest(&inputs, &IngestOptions::default(), ui).context("ingest failed")?;
                let metas = inputs.iter().map(InputMeta::of).collect();
                let dir = self.output.join("index");
                index::build(&dir, &ingested, metas, ui)?;
                dir
            }
        };
        let idx = StdIndex::open(&index_dir)?;
        let domestic = idx.records(Some(Side::Domestic))?;
        let cat = Catalogue::new(idx.records(Some(Side::International))?);

        // 2. Pairs.
        let (pairs, pairs_from) = match &self.pairs {
            Some(p) => {
                stage(2, "reading the pairs");
                (read_pairs(p)?, format!("read from {}", p.display()))
            }
            None => {
                stage(2, "matching");
                let out = self.output.join("pairs.csv");
                let argv: Vec<String> = vec![
                    "match".into(),
                    "--index".into(),
                    index_dir.display().to_string(),
                    "--jobs".into(),
                    self.jobs.to_string(),
                    "-o".into(),
                    out.display().to_string(),
                ];
                let m = MatchOnly::try_parse_from(&argv)?;
                m.args.run(ui)?;
                (read_pairs(&out)?, "stdalign match with default settings (written to pairs.csv)".to_string())
            }
        };

        // 3. Edges and decisions.
        stage(3, "resolving declarations and applying decisions");
        let resolved = resolve_declared(&cat, &domestic);
        let mut edges = score::edges_from_resolved(&resolved, &cat);
        edges.extend(score::edges_from_pairs(&pairs));
        edges.sort_by(score::edge_order);
        let mut dsum = None;
        if let (Some(ds), Some(p)) = (&decisions, &self.decisions) {
            let (e, excl, summary) = decisions::apply_to_edges(edges, ds, &cat, &domestic);
            edges = e;
            scope.exclusions.extend(excl);
            for u in &summary.unknown {
                ui.warn(&format!("{}: {u}", p.display()));
            }
            dsum = Some((p.display().to_string(), summary));
        }

        // 4. Score.
        stage(4, "scoring");
        let card = score::compute(&domestic, &cat, &edges, &scope);
        for w in &card.warnings {
            ui.warn(w);
        }

        // 5. Exports.
        stage(5, "writing the exports");
        let meta = ReportMeta {
            inputs: idx
                .meta
                .inputs
                .iter()
                .map(|i| InputSnapshot { path: i.path.clone(), side: i.side.to_string(), snapshot: i.snapshot.clone() })
                .collect(),
            pairs: pairs_from,
            decisions: dsum,
        };
        let summary = build_summary(&card, &meta, baseline.as_ref());
        let out = &self.output;
        write(out, "summary.json", (serde_json::to_string_pretty(&summary)? + "\n").as_bytes())?;
        let mut buf = Vec::new();
        report::csv_out::write_gaps(&mut buf, &card.gaps)?;
        write(out, "gaps.csv", &buf)?;
        let mut buf = Vec::new();
        report::csv_out::write_rates(&mut buf, &summary)?;
        write(out, "rates.csv", &buf)?;
        let rows = report::summary::pair_rows(&edges, &domestic, &cat);
        write(out, "report.xlsx", &report::xlsx::render(&summary, &card.gaps, &rows)?)?;
        write(out, "report.md", report::markdown::render(&summary, &card.gaps).as_bytes())?;
        write(out, "report.html", report::html::render(&summary, &card.gaps).as_bytes())?;
        stage(6, "done");

        let h = &summary.headline;
        let counts: Vec<String> = summary.gap_counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let text = format!(
            "indicator A (conversion rate of international standards), as of {}:\n  \
             lenient {}  strict {}  (with matched {})  N = {} of |U| = {}\n  \
             target {:.1} %: {}; {} more work items to convert\n\
             indicator B (adoption share of domestic standards): {} ({} of {})\n\
             gaps: {}\nreports: {}\ntook {:.2} s\n",
            summary.as_of,
            report::pct(h.rate),
            report::pct(h.rate_strict),
            report::pct(h.rate_with_matched),
            h.converted,
            h.universe,
            summary.target * 100.0,
            if h.meets_target { "met" } else { "not met" },
            h.to_target,
            report::pct(summary.indicator_b.share),
            summary.indicator_b.adopting,
            summary.indicator_b.standards,
            counts.join(", "),
            out.display(),
            started.elapsed().as_secs_f64()
        );
        // Written, not printed, so that a closed pipe is an error (exit 0 in main), not a panic.
        std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes())?;
        Ok(0)
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let p = dir.join(name);
    std::fs::write(&p, bytes).with_context(|| format!("writing {}", p.display()))
}

/// Undoes `safe_cell`'s `'` prefix.
fn unsafe_cell(s: &str) -> String {
    match s.strip_prefix('\'') {
        Some(rest) if stdalign::report::needs_neutralising(rest) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// Reads a pairs CSV written by `stdalign match`.
fn read_pairs(path: &Path) -> anyhow::Result<Vec<Pair>> {
    let mut rdr = csv::Reader::from_path(path).with_context(|| format!("reading pairs {}", path.display()))?;
    let headers: Vec<String> = rdr.headers()?.iter().map(|h| h.trim_start_matches('\u{feff}').to_string()).collect();
    let col = |n: &str| {
        headers
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| anyhow::anyhow!("{}: no {n:?} column (not a stdalign pairs file?)", path.display()))
    };
    let (cd, ci, cw, cg, cs, csc) = (
        col("domestic")?,
        col("international")?,
        col("international_work_item")?,
        col("degree")?,
        col("source")?,
        col("score")?,
    );
    let cr = col("rank").ok();
    let ce = col("explanation").ok();
    let mut out = Vec::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), n + 2))?;
        let get = |i: usize| unsafe_cell(rec.get(i).unwrap_or(""));
        let source = match get(cs).as_str() {
            "declared" => PairSource::Declared,
            "both" => PairSource::Both,
            _ => PairSource::Matched,
        };
        out.push(Pair {
            domestic: get(cd),
            international: get(ci),
            international_work_item: get(cw),
            degree: get(cg).parse().unwrap_or(Degree::Unknown),
            source,
            score: get(csc).parse().unwrap_or(0.0),
            rank: cr.map(|c| get(c).parse().unwrap_or(0)).unwrap_or(0),
            explanation: ce.map(get).unwrap_or_default(),
            tie: false,
        });
    }
    Ok(out)
}
