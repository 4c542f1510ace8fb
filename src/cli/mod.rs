//! Subcommands, one file each. Only this module and `main.rs` print.

/// Writes a line to stdout, returning the I/O error (a closed pipe becomes
/// exit 0 in `main`) instead of panicking as `println!` does.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($t)*)?;
    }};
}

mod eval;
mod find;
mod gen;
mod ingest;
mod matching;
mod progress;
mod report;
mod setup;
mod show;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Align Chinese standards with ISO, IEC and ITU-T: ingest catalogues, match
/// equivalents, score the conversion rate, report the gaps.
#[derive(Debug, Parser)]
#[command(name = "stdalign", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Hide progress bars and warnings on stderr.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read catalogues into an index (quarantining rows that cannot be indexed).
    Ingest(ingest::IngestArgs),
    /// Print one record as stored, domestic and international.
    Show(show::ShowArgs),
    /// Find the international equivalents of a number or a title.
    Find(find::FindArgs),
    /// Match every domestic standard to its international equivalents.
    Match(matching::MatchArgs),
    /// Measure pairs against a truth file: precision, recall, F1, MRR.
    Eval(eval::EvalArgs),
    /// Generate a realistic domestic catalogue and its truth file from an international one.
    Gen(gen::GenArgs),
    /// Score the conversion rate against the target and write the reports (JSON, CSV, XLSX, Markdown, HTML).
    Report(report::ReportArgs),
}

impl Cli {
    /// Runs the chosen subcommand and returns the exit code.
    pub fn run(self) -> anyhow::Result<u8> {
        let ui = progress::Ui::new(self.quiet);
        match self.command {
            Command::Ingest(a) => a.run(&ui),
            Command::Show(a) => a.run(&ui),
            Command::Gen(a) => a.run(&ui),
            Command::Find(a) => a.run(&ui),
            Command::Match(a) => a.run(&ui),
            Command::Eval(a) => a.run(&ui),
            Command::Report(a) => a.run(&ui),
        }
    }
}

/// The bundled `corpora/` folder: `./corpora` if present, else the one in
/// the source tree this binary was built from.
pub fn corpora_dir() -> PathBuf {
    let local = PathBuf::from("corpora");
    if local.join("international").is_dir() {
        return local;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora")
}

/// Files of a folder with catalogue extensions, sorted.
pub fn catalogue_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| matches!(e, "csv" | "tsv" | "jsonl" | "xlsx"))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}
