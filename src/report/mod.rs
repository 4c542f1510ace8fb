//! Stage 5: output writers (CSV, XLSX, Markdown, HTML) and the rules that
//! keep exported cells safe.

/// Makes a text cell safe for spreadsheets: a cell whose text begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so
/// that no catalogue field can run as a formula when the file is opened in
/// Excel or LibreOffice (OWASP CSV-injection rule).
///
/// ```
/// use stdalign::report::safe_cell;
/// assert_eq!(safe_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
/// assert_eq!(safe_cell("ISO 9001:2015"), "ISO 9001:2015");
/// ```
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_neutralising(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Whether a cell's text would be read as a formula by a spreadsheet.
pub fn needs_neutralising(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

pub mod csv_out;
pub mod html;
pub mod markdown;
pub mod summary;
pub mod xlsx;

pub use summary::{build_summary, InputSnapshot, PairRow, ReportMeta, Summary};

/// A rate as a percentage with one decimal (`87.5 %`), `—` when undefined.
///
/// ```
/// use stdalign::report::pct;
/// assert_eq!(pct(Some(0.875)), "87.5 %");
/// assert_eq!(pct(None), "—");
/// ```
pub fn pct(r: Option<f64>) -> String {
    match r {
        Some(r) => format!("{:.1} %", r * 100.0),
        None => "—".to_string(),
    }
}
