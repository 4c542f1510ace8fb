//! Fuzz target: ingest of arbitrary bytes as a CSV, TSV or JSONL catalogue,
//! domestic or international. Ingest either fails with an error (never a
//! panic) or reconciles: rows read = rows indexed + rows quarantined.
//!
//! The first byte picks the format (0–2: CSV, TSV, JSONL) and side (bit 2);
//! the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stdalign::ingest::read::{Encoding, Format};
use stdalign::ingest::{ingest, IngestOptions, InputFile, Limits};
use stdalign::model::Side;
use stdalign::progress::NoProgress;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let format = match sel % 3 {
        0 => Format::Csv,
        1 => Format::Tsv,
        _ => Format::Jsonl,
    };
    let side = if sel & 4 == 0 { Side::Domestic } else { Side::International };
    let encoding = match (sel >> 3) % 4 {
        0 => Encoding::Auto,
        1 => Encoding::Utf8,
        2 => Encoding::Gb18030,
        _ => Encoding::Utf16,
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalogue.dat");
    std::fs::write(&path, body).expect("write");
    let input = InputFile { path, side, format: Some(format), encoding };
    // Small limits so that the limit paths are reached too.
    let opts = IngestOptions {
        limits: Limits { max_field_bytes: 256, max_raw_bytes: 128, max_rows: 200, ..Limits::default() },
    };
    if let Ok(got) = ingest(&[input], &opts, &NoProgress) {
        let s = &got.summary;
        assert!(s.reconciles(), "does not reconcile: {s:?}");
        let side_counts = if side == Side::Domestic { &s.domestic } else { &s.international };
        assert_eq!(side_counts.rows_read, side_counts.rows_indexed + side_counts.rows_quarantined);
        assert_eq!(got.quarantine.len() as u64, side_counts.rows_quarantined);
    }
});
