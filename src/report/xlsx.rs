//! `report.xlsx` with rust_xlsxwriter: sheets Summary, By sector, By ICS
//! field, Gaps, Pairs, Method. Header rows frozen, autofilters, column
//! widths, rates as percentages, the target drawn as conditional formatting
//! (red below, green at or above).
//!
//! Every text cell is written with `write_string` (never a formula) *and*
//! passed through [`super::safe_cell`], so a catalogue field such as
//! `=HYPERLINK("http://x","y")` stays inert text, as it does in the CSVs.

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, Format, Workbook, Worksheet, XlsxError,
};

use super::csv_out::{gap_cells, GAP_COLUMNS};
use super::markdown::method_lines;
use super::safe_cell;
use super::summary::{PairRow, Summary};
use crate::score::{Gap, Rates};

/// Names of the sheets, in order.
pub const SHEETS: [&str; 6] = ["Summary", "By sector", "By ICS field", "Gaps", "Pairs", "Method"];

struct Formats {
    head: Format,
    pct: Format,
    red: Format,
    green: Format,
}

fn text(ws: &mut Worksheet, r: u32, c: u16, s: &str) -> Result<(), XlsxError> {
    ws.write_string(r, c, safe_cell(s).as_ref())?;
    Ok(())
}

fn header(ws: &mut Worksheet, f: &Formats, cols: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    for (i, h) in cols.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *h, &f.head)?;
    }
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn rate(ws: &mut Worksheet, f: &Formats, r: u32, c: u16, v: Option<f64>) -> Result<(), XlsxError> {
    match v {
        Some(v) => ws.write_number_with_format(r, c, v, &f.pct)?,
        None => ws.write_string(r, c, "")?,
    };
    Ok(())
}

fn target_format(ws: &mut Worksheet, f: &Formats, r0: u32, c0: u16, r1: u32, c1: u16, t: f64) -> Result<(), XlsxError> {
    if r1 < r0 {
        return Ok(());
    }
    ws.add_conditional_format(
        r0,
        c0,
        r1,
        c1,
        &ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::LessThan(t)).set_format(&f.red),
    )?;
    ws.add_conditional_format(
        r0,
        c0,
        r1,
        c1,
        &ConditionalFormatCell::new().set_rule(ConditionalFormatCellRule::GreaterThanOrEqualTo(t)).set_format(&f.green),
    )?;
    Ok(())
}

const RATE_HEAD: [&str; 10] =
    ["key", "name", "|U|", "N", "rate", "N strict", "rate strict", "NEQ only", "excluded", "to target"];

fn rates_sheet(ws: &mut Worksheet, f: &Formats, rows: &[(String, String, &Rates)], t: f64) -> Result<(), XlsxError> {
    header(ws, f, &RATE_HEAD, &[14.0, 40.0, 8.0, 8.0, 10.0, 9.0, 11.0, 10.0, 9.0, 10.0])?;
    for (i, (k, name, r)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, k)?;
        text(ws, row, 1, name)?;
        ws.write_number(row, 2, r.universe as f64)?;
        ws.write_number(row, 3, r.converted as f64)?;
        rate(ws, f, row, 4, r.rate)?;
        ws.write_number(row, 5, r.converted_strict as f64)?;
        rate(ws, f, row, 6, r.rate_strict)?;
        ws.write_number(row, 7, r.neq_only as f64)?;
        ws.write_number(row, 8, r.excluded as f64)?;
        ws.write_number(row, 9, r.to_target as f64)?;
    }
    let last = rows.len() as u32;
    ws.autofilter(0, 0, last.max(1), 9)?;
    target_format(ws, f, 1, 4, last, 4, t)?;
    target_format(ws, f, 1, 6, last, 6, t)?;
    Ok(())
}

/// Builds the workbook and returns the `.xlsx` bytes.
pub fn render(s: &Summary, gaps: &[Gap], pairs: &[PairRow]) -> Result<Vec<u8>, XlsxError> {
    let f = Formats {
        head: Format::new().set_bold().set_background_color(Color::RGB(0xE8EEF4)),
        pct: Format::new().set_num_format("0.0%"),
        red: Format::new().set_font_color(Color::RGB(0x9C0006)).set_background_color(Color::RGB(0xFFC7CE)),
        green: Format::new().set_font_color(Color::RGB(0x006100)).set_background_color(Color::RGB(0xC6EFCE)),
    };
    let t = s.target;
    let mut wb = Workbook::new();

    // Summary.
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[0])?;
    header(ws, &f, &["figure", "value", "note"], &[58.0, 14.0, 70.0])?;
    let h = &s.headline;
    let mut r = 1u32;
    let mut put = |ws: &mut Worksheet, k: &str, v: Result<f64, Option<f64>>, note: &str| -> Result<(), XlsxError> {
        text(ws, r, 0, k)?;
        match v {
            Ok(n) => {
                ws.write_number(r, 1, n)?;
            }
            Err(p) => rate(ws, &f, r, 1, p)?,
        }
        text(ws, r, 2, note)?;
        r += 1;
        Ok(())
    };
    put(ws, "as of", Ok(0.0), &s.as_of)?;
    put(ws, "Indicator A — conversion rate, lenient (any edition)", Err(h.rate), "headline; N / |U|")?;
    put(ws, "Indicator A — conversion rate, strict (current edition)", Err(h.rate_strict), "")?;
    put(
        ws,
        "Indicator A — with machine-matched (for information)",
        Err(h.rate_with_matched),
        if s.scope.matched_counts { "counted" } else { "not counted" },
    )?;
    put(ws, "target", Err(Some(t)), "")?;
    put(ws, "relevant international work items |U|", Ok(h.universe as f64), "")?;
    put(
        ws,
        "converted N",
        Ok(h.converted as f64),
        if s.scope.eqv_counts { "IDT/MOD, legacy EQV counted" } else { "IDT/MOD" },
    )?;
    put(ws, "converted, strict", Ok(h.converted_strict as f64), "")?;
    put(ws, "work items still to convert", Ok(h.to_target as f64), "max(0, ceil(target × |U|) − N)")?;
    put(ws, "converted only through EQV (flagged)", Ok(s.overall.eqv_only as f64), "")?;
    put(ws, "NEQ only", Ok(s.overall.neq_only as f64), "")?;
    put(ws, "excluded (not applicable)", Ok(s.overall.excluded as f64), "")?;
    put(
        ws,
        "Indicator B — adoption share of domestic standards",
        Err(s.indicator_b.share),
        "a different metric; never mixed with A",
    )?;
    put(ws, "domestic standards in scope, in force", Ok(s.indicator_b.standards as f64), "")?;
    put(ws, "of which adopting IDT/MOD", Ok(s.indicator_b.adopting as f64), "")?;
    for (k, n) in &s.gap_counts {
        put(ws, &format!("gap rows {k}"), Ok(*n as f64), "")?;
    }
    // The "as of" row holds a date as text, not 0.
    ws.write_string(1, 1, safe_cell(&s.as_of).as_ref())?;
    target_format(ws, &f, 2, 1, 4, 1, t)?;
    ws.autofilter(0, 0, r - 1, 2)?;

    // By sector.
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[1])?;
    let mut rows: Vec<(String, String, &Rates)> = vec![("overall".into(), "all sectors".into(), &s.overall)];
    rows.extend(s.by_sector.iter().map(|(k, r)| {
        (
            k.clone(),
            crate::ident::sector(k).map(|x| format!("{} {}", x.industry_en, x.industry_zh)).unwrap_or_default(),
            r,
        )
    }));
    rows.extend(s.by_key_field.iter().map(|(k, r)| (format!("key field: {k}"), String::new(), r)));
    rates_sheet(ws, &f, &rows, t)?;

    // By ICS field (fields, then groups).
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[2])?;
    let mut rows: Vec<(String, String, &Rates)> =
        s.by_ics_field.iter().map(|(k, r)| (k.clone(), "field".to_string(), r)).collect();
    rows.extend(s.by_ics_group.iter().map(|(k, r)| (k.clone(), "group".to_string(), r)));
    rates_sheet(ws, &f, &rows, t)?;

    // Gaps.
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[3])?;
    header(ws, &f, &GAP_COLUMNS, &[9.0, 22.0, 22.0, 24.0, 10.0, 14.0, 18.0, 50.0, 10.0, 24.0, 12.0, 24.0, 70.0, 50.0])?;
    for (i, g) in gaps.iter().enumerate() {
        for (c, v) in gap_cells(g).iter().enumerate() {
            text(ws, i as u32 + 1, c as u16, v)?;
        }
    }
    ws.autofilter(0, 0, (gaps.len() as u32).max(1), GAP_COLUMNS.len() as u16 - 1)?;

    // Pairs.
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[4])?;
    let cols = [
        "domestic",
        "domestic_title",
        "international",
        "work_item",
        "international_title",
        "degree",
        "origin",
        "score",
        "evidence",
    ];
    header(ws, &f, &cols, &[22.0, 40.0, 24.0, 20.0, 50.0, 8.0, 10.0, 7.0, 80.0])?;
    for (i, p) in pairs.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, &p.domestic)?;
        text(ws, r, 1, &p.domestic_title)?;
        text(ws, r, 2, &p.international)?;
        text(ws, r, 3, &p.work_item)?;
        text(ws, r, 4, &p.international_title)?;
        text(ws, r, 5, &p.degree)?;
        text(ws, r, 6, &p.origin)?;
        ws.write_number(r, 7, (p.score * 10000.0).round() / 10000.0)?;
        text(ws, r, 8, &p.evidence)?;
    }
    ws.autofilter(0, 0, (pairs.len() as u32).max(1), cols.len() as u16 - 1)?;

    // Method.
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[5])?;
    header(ws, &f, &["method", "", ""], &[110.0, 40.0, 14.0])?;
    let mut r = 1u32;
    for line in method_lines(s) {
        text(ws, r, 0, &line)?;
        r += 1;
    }
    r += 1;
    for (i, h) in ["input file", "side", "snapshot"].iter().enumerate() {
        ws.write_string_with_format(r, i as u16, *h, &f.head)?;
    }
    r += 1;
    for i in &s.inputs {
        text(ws, r, 0, &i.path)?;
        text(ws, r, 1, &i.side)?;
        text(ws, r, 2, &i.snapshot)?;
        r += 1;
    }
    if !s.exclusions.is_empty() {
        r += 1;
        for (i, h) in ["excluded work item", "reason", "was in U"].iter().enumerate() {
            ws.write_string_with_format(r, i as u16, *h, &f.head)?;
        }
        r += 1;
        for (w, why, inu) in &s.exclusions {
            text(ws, r, 0, w)?;
            text(ws, r, 1, why)?;
            text(ws, r, 2, if *inu { "yes" } else { "no" })?;
            r += 1;
        }
    }
    for w in &s.warnings {
        text(ws, r, 0, &format!("warning: {w}"))?;
        r += 1;
    }
    wb.save_to_buffer()
}
