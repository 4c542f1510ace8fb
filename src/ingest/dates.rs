//! Date cells: every spelling catalogues use, normalised to `YYYY-MM-DD`.

/// Normalises a date cell.
///
/// Accepts `2021-03-01`, `2021/3/1`, `2021.03.01`, `20210301`, `2021年3月1日`,
/// `2021-03` and `2021` (first day of the month or year), a trailing time
/// (`2021-03-01 00:00:00`, `2021-03-01T00:00:00Z`), and Excel serial day
/// numbers (`44256`). Returns `Ok(None)` for an empty cell and `Err` with a
/// message for anything else, including impossible dates (`2019-13-45`).
///
/// ```
/// use stdalign::ingest::dates::normalize_date;
/// assert_eq!(normalize_date("2021年3月1日").unwrap().as_deref(), Some("2021-03-01"));
/// assert_eq!(normalize_date("1988-12").unwrap().as_deref(), Some("1988-12-01"));
/// assert_eq!(normalize_date("44256").unwrap().as_deref(), Some("2021-03-01"));
/// assert!(normalize_date("2019-13-45").is_err());
/// ```
pub fn normalize_date(cell: &str) -> Result<Option<String>, String> {
    use unicode_normalization::UnicodeNormalization;
    let s: String = cell.nfkc().collect::<String>().trim().to_string();
    if s.is_empty() || s == "-" || s == "—" {
        return Ok(None);
    }
    // Drop a time part.
    let date_part = s.split(['T', ' ']).next().unwrap_or(&s).trim_end_matches('日').to_string();
    let digits_only = date_part.chars().all(|c| c.is_ascii_digit());
    if digits_only {
        match date_part.len() {
            4 => return ymd(&date_part, "1", "1", cell),
            8 => return ymd(&date_part[..4], &date_part[4..6], &date_part[6..], cell),
            5 => {
                // Excel serial day number (1900 date system).
                let n: i64 = date_part.parse().map_err(|_| bad(cell))?;
                if (10_000..=80_000).contains(&n) {
                    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).ok_or_else(|| bad(cell))?;
                    let d = base + chrono::Duration::days(n);
                    return Ok(Some(d.format("%Y-%m-%d").to_string()));
                }
                return Err(bad(cell));
            }
            _ => return Err(bad(cell)),
        }
    }
    let parts: Vec<&str> = date_part.split(['-', '/', '.', '年', '月']).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [y, m, d] => ymd(y, m, d, cell),
        [y, m] => ymd(y, m, "1", cell),
        [y] if y.len() == 4 => ymd(y, "1", "1", cell),
        _ => Err(bad(cell)),
    }
}

fn bad(cell: &str) -> String {
    format!("unrecognised date {cell:?}")
}

fn ymd(y: &str, m: &str, d: &str, cell: &str) -> Result<Option<String>, String> {
    let (y, m, d): (i32, u32, u32) = (
        y.trim().parse().map_err(|_| bad(cell))?,
        m.trim().parse().map_err(|_| bad(cell))?,
        d.trim().parse().map_err(|_| bad(cell))?,
    );
    if !(1900..=2100).contains(&y) {
        return Err(format!("implausible year in date {cell:?}"));
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .map(|date| Some(date.format("%Y-%m-%d").to_string()))
        .ok_or_else(|| format!("impossible date {cell:?}"))
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn spellings() {
        for (input, want) in [
            ("2021-03-01", "2021-03-01"),
            ("2021/3/1", "2021-03-01"),
            ("2021.03.01", "2021-03-01"),
            ("20210301", "2021-03-01"),
            ("2021-03-01 00:00:00", "2021-03-01"),
            ("2021-03-01T00:00:00Z", "2021-03-01"),
            ("２０２１－０３－０１", "2021-03-01"),
            ("1992", "1992-01-01"),
        ] {
            assert_eq!(normalize_date(input).unwrap().as_deref(), Some(want), "{input}");
        }
        assert_eq!(normalize_date("").unwrap(), None);
        assert!(normalize_date("yesterday").is_err());
        assert!(normalize_date("2021-02-30").is_err());
    }
}
