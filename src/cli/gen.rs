//! `stdalign gen` (placeholder; being written).

use super::progress::Ui;

/// Generate a domestic catalogue (placeholder until the generator lands).
#[derive(Debug, clap::Args)]
pub struct GenArgs {}

impl GenArgs {
    pub fn run(self, _ui: &Ui) -> anyhow::Result<u8> {
        anyhow::bail!("gen is not available in this build yet")
    }
}
