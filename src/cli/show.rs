//! `stdalign show`: one record as stored.

use std::path::PathBuf;

use stdalign::index::{StdIndex, DEFAULT_INDEX_DIR};

use super::progress::Ui;

/// Print the stored records for a standard number, both sides.
///
/// The number may be spelled any way (full-width, missing spaces, em dash,
/// hyphenated year). An exact edition match is shown first; otherwise every
/// edition of the work item. Exits 1 when nothing matches.
///
/// Examples:
///
///   stdalign show "GB/T 19001-2016"
///
///   stdalign show ISO9001:2015 --json
///
///   stdalign show "IEC 60335-1"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ShowArgs {
    /// The standard number.
    number: String,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX_DIR)]
    index: PathBuf,
    /// Print records as JSON (one array).
    #[arg(long)]
    json: bool,
}

impl ShowArgs {
    pub fn run(self, _ui: &Ui) -> anyhow::Result<u8> {
        let idx = StdIndex::open(&self.index)?;
        let records = idx.lookup(&self.number, None)?;
        if records.is_empty() {
            eprintln!("stdalign: no record for {:?}", self.number);
            return Ok(1);
        }
        if self.json {
            outln!("{}", serde_json::to_string_pretty(&records)?);
            return Ok(0);
        }
        for r in &records {
            outln!("{} [{}]", r.id, r.side);
            let line = |k: &str, v: &str| -> anyhow::Result<()> {
                if !v.is_empty() {
                    outln!("  {k:<13} {v}");
                }
                Ok(())
            };
            line("number", &r.raw_number)?;
            line("work item", &r.reference.work_item())?;
            line("title (en)", &r.title_en)?;
            line("title (zh)", &r.title_zh)?;
            line("title (fr)", &r.title_fr)?;
            line("status", &format!("{} ({})", r.status, r.stage_raw))?;
            line("published", r.published.as_deref().unwrap_or(""))?;
            line("implemented", r.implemented.as_deref().unwrap_or(""))?;
            line("ics", &r.ics.join("; "))?;
            line("ccs", &r.ccs.join("; "))?;
            line("committee", &r.committee)?;
            line("department", &r.department)?;
            line("replaces", &r.replaces.join("; "))?;
            line("replaced by", &r.replaced_by.join("; "))?;
            line("aliases", &r.aliases.join("; "))?;
            if let Some(d) = &r.declaration {
                line("declaration", &d.raw)?;
                for dr in &d.refs {
                    line("  adopts", &format!("{} {}", dr.reference, dr.degree))?;
                }
                for i in &d.issues {
                    line("  issue", i)?;
                }
            }
            line("source", &format!("{}:{}", r.source.file, r.source.line))?;
            for m in &r.merged_from {
                line("merged from", &format!("{}:{}", m.file, m.line))?;
            }
            for w in &r.warnings {
                line("warning", w)?;
            }
        }
        Ok(0)
    }
}
