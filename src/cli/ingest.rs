//! `stdalign ingest`: catalogue files in, an index out.

use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;
use stdalign::index::{self, InputMeta};
use stdalign::ingest::read::{Encoding, Format};
use stdalign::ingest::{ingest, IngestOptions, IngestSummary, InputFile, Limits};
use stdalign::model::Side;

use super::progress::Ui;

/// Read domestic and international catalogues into an index.
///
/// Every row is either indexed or written to the quarantine file with its
/// source file, line and reason; the summary reconciles
/// read = indexed + quarantined per file and per side.
/// With no paths, the bundled corpora/ catalogues are read.
///
/// Examples:
///
///   stdalign ingest
///
///   stdalign ingest --domestic miit.csv --international iso.csv iec.csv itu.csv
///
///   stdalign ingest --domestic export.xlsx --encoding gb18030 --index idx --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct IngestArgs {
    /// Domestic catalogues (CSV, TSV, JSONL, XLSX; Chinese or English headers).
    #[arg(long, num_args = 1.., value_name = "PATH")]
    domestic: Vec<PathBuf>,
    /// International catalogues (ISO/IEC/ITU CSV layout or ISO Open Data JSONL/CSV).
    #[arg(long, num_args = 1.., value_name = "PATH")]
    international: Vec<PathBuf>,
    /// Index directory to create or replace.
    #[arg(long, default_value = index::DEFAULT_INDEX_DIR)]
    index: PathBuf,
    /// Text encoding of CSV/TSV/JSONL input.
    #[arg(long, value_enum, default_value = "auto")]
    encoding: Encoding,
    /// Input format (default: from the file name and content).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Largest accepted cell in KiB; larger cells quarantine their row.
    #[arg(long, default_value_t = 32)]
    max_field_kb: usize,
    /// Most rows accepted from one file.
    #[arg(long, default_value_t = 2_000_000)]
    max_rows: u64,
    /// Largest accepted input file in MiB.
    #[arg(long, default_value_t = 2048)]
    max_file_mb: u64,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    index: String,
    quarantine_file: String,
    reconciles: bool,
    elapsed_ms: u128,
    #[serde(flatten)]
    summary: &'a IngestSummary,
}

impl IngestArgs {
    pub fn run(self, ui: &Ui) -> anyhow::Result<u8> {
        let started = std::time::Instant::now();
        let (domestic, international) = if self.domestic.is_empty() && self.international.is_empty() {
            let c = super::corpora_dir();
            ui.note(&format!("no inputs given: reading the bundled corpora in {}", c.display()));
            (super::catalogue_files(&c.join("domestic")), super::catalogue_files(&c.join("international")))
        } else {
            (self.domestic, self.international)
        };
        let mut inputs = Vec::new();
        for (paths, side) in [(&domestic, Side::Domestic), (&international, Side::International)] {
            for p in paths {
                inputs.push(InputFile { path: p.clone(), side, format: self.format, encoding: self.encoding });
            }
        }
        anyhow::ensure!(!inputs.is_empty(), "no input files: give --domestic and/or --international paths");
        let opts = IngestOptions {
            limits: Limits {
                max_field_bytes: self.max_field_kb * 1024,
                max_rows: self.max_rows,
                max_file_bytes: self.max_file_mb * 1024 * 1024,
                ..Limits::default()
            },
        };
        let ingested = ingest(&inputs, &opts, ui).context("ingest failed; the previous index (if any) is unchanged")?;
        let metas = inputs.iter().map(InputMeta::of).collect();
        let gen = index::build(&self.index, &ingested, metas, ui)?;
        let s = &ingested.summary;
        let quarantine = gen.join("quarantine.csv");
        for f in &s.files {
            for n in &f.notes {
                ui.warn(&format!("{}: {n}", f.path));
            }
            if !f.unknown_columns.is_empty() {
                ui.warn(&format!("{}: unknown columns ignored: {}", f.path, f.unknown_columns.join(", ")));
            }
        }
        if self.json {
            let js = JsonSummary {
                index: self.index.display().to_string(),
                quarantine_file: quarantine.display().to_string(),
                reconciles: s.reconciles(),
                elapsed_ms: started.elapsed().as_millis(),
                summary: s,
            };
            outln!("{}", serde_json::to_string_pretty(&js)?);
        } else {
            outln!("{:<13} {:>9} {:>9} {:>12} {:>9}", "side", "read", "indexed", "quarantined", "records");
            for (name, c) in [("domestic", &s.domestic), ("international", &s.international)] {
                outln!(
                    "{:<13} {:>9} {:>9} {:>12} {:>9}",
                    name,
                    c.rows_read,
                    c.rows_indexed,
                    c.rows_quarantined,
                    c.records
                );
            }
            outln!("joint ISO/IEC rows merged: {}; edition links derived: {}", s.joint_merged, s.derived_links);
            if !s.quarantine_reasons.is_empty() {
                let reasons: Vec<String> = s.quarantine_reasons.iter().map(|(k, v)| format!("{k} {v}")).collect();
                outln!("quarantined by reason: {}", reasons.join(", "));
            }
            outln!("index: {}", self.index.display());
            outln!("quarantine file: {}", quarantine.display());
            outln!("took {:.2} s", started.elapsed().as_secs_f64());
        }
        anyhow::ensure!(s.reconciles(), "internal error: counts do not reconcile");
        Ok(0)
    }
}
