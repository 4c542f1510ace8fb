//! Fuzz target: ingest of an XLSX catalogue. Half of the inputs are raw
//! bytes handed to the XLSX reader (hostile zip/XML); the other half are
//! turned into a well-formed workbook whose cells come from the input
//! (several sheets, numbers, dates as numbers, formulas, merged cells), so
//! that the row-mapping code is exercised too. Either an error or a
//! reconciling summary; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::Workbook;
use stdalign::ingest::read::{Encoding, Format};
use stdalign::ingest::{ingest, IngestOptions, InputFile, Limits};
use stdalign::model::Side;
use stdalign::progress::NoProgress;

fn workbook(body: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(body);
    let mut wb = Workbook::new();
    // `\u{C}` (form feed) separates sheets, newlines rows, `|` cells.
    for (si, sheet_text) in text.split('\u{C}').take(4).enumerate() {
        let ws = wb.add_worksheet();
        for (r, line) in sheet_text.lines().take(50).enumerate() {
            for (c, cell) in line.split('|').take(12).enumerate() {
                let (r, c) = (r as u32, c as u16);
                let res = if let Some(f) = cell.strip_prefix('=') {
                    ws.write_formula(r, c, f).map(|_| ())
                } else if let Some(m) = cell.strip_prefix('~') {
                    // Merged range of 1×2 cells.
                    ws.merge_range(r, c, r, c + 1, m, &rust_xlsxwriter::Format::new()).map(|_| ())
                } else if let Ok(n) = cell.parse::<f64>() {
                    ws.write_number(r, c, n).map(|_| ())
                } else {
                    ws.write_string(r, c, cell).map(|_| ())
                };
                let _ = res;
            }
        }
        let _ = ws.set_name(format!("s{si}"));
    }
    wb.save_to_buffer().ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else { return };
    let bytes = if sel & 1 == 0 {
        body.to_vec()
    } else {
        match workbook(body) {
            Some(b) => b,
            None => return,
        }
    };
    let side = if sel & 2 == 0 { Side::Domestic } else { Side::International };
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalogue.xlsx");
    std::fs::write(&path, &bytes).expect("write");
    let input = InputFile { path, side, format: Some(Format::Xlsx), encoding: Encoding::Auto };
    let opts = IngestOptions {
        limits: Limits { max_field_bytes: 256, max_raw_bytes: 128, max_rows: 200, ..Limits::default() },
    };
    if let Ok(got) = ingest(&[input], &opts, &NoProgress) {
        assert!(got.summary.reconciles(), "does not reconcile: {:?}", got.summary);
    }
});
