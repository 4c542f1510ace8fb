//! Identifier normalisation (DOMAIN §3.3 steps 1–3), applied to every identifier
//! string before parsing.
//!
//! 1. Unicode NFKC (folds full-width Latin letters, digits, `／`, `（）`, `：`).
//! 2. Dash family `‐ ‑ ‒ – — ― － ﹣ ⁃ −` → `-`; `∶` (U+2236) and `：` → `:`;
//!    `∕` (U+2215), `⁄` and `／` → `/`; zero-width characters are dropped.
//! 3. Whitespace (including U+3000 and NBSP) collapsed to one ASCII space and trimmed;
//!    known publisher prefixes are upper-cased (`iso/iec` → `ISO/IEC`), `GBT`/`GBZ`
//!    (and `YDT`-style sector codes) get their slash back (`GB/T`), and a space is
//!    inserted between a known prefix and a directly following digit
//!    (`ISO9001` → `ISO 9001`, `GB/T228.1` → `GB/T 228.1`).
//!
//! [`normalize`] is idempotent for every input string: the pipeline is iterated to a
//! fixed point (it normally converges after one pass).

use unicode_normalization::UnicodeNormalization;

use super::sectors;

/// Normalises an identifier or declaration string (see the module docs).
///
/// Idempotent: `normalize(&normalize(x)) == normalize(x)` for every `x`.
pub fn normalize(s: &str) -> String {
    let mut cur = pass(s);
    for _ in 0..6 {
        let next = pass(&cur);
        if next == cur {
            return cur;
        }
        cur = next;
    }
    cur
}

/// One pass of the pipeline.
fn pass(s: &str) -> String {
    // ASCII is NFKC-stable and contains none of the mapped characters.
    let collapsed = if s.is_ascii() {
        collapse_ws(s)
    } else {
        let nfkc: String = s.nfkc().collect();
        let mapped: String = nfkc.chars().filter_map(map_char).collect();
        let nfkc2: String = mapped.nfkc().collect();
        collapse_ws(&nfkc2)
    };
    fix_prefixes(&collapsed)
}

fn map_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{FF0D}' | '\u{FE63}'
        | '\u{2043}' | '\u{2212}' | '\u{FE58}' => '-',
        '\u{2236}' | '\u{FF1A}' => ':',
        '\u{2215}' | '\u{FF0F}' | '\u{2044}' => '/',
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        c => c,
    })
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending = true;
        } else {
            if pending && !out.is_empty() {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
    }
    out
}

/// Publisher-like words that may be upper-cased when they form a prefix run.
const INTL_WORDS: &[&str] = &[
    "ISO", "IEC", "IEEE", "ASTM", "SAE", "ASME", "CIE", "CISPR", "IWA", "ITU-T", "ITU-R", "TS", "TR", "PAS", "DIS",
    "FDIS", "CD", "NP", "AWI", "WD", "PWI", "PRF", "DTS", "DTR", "DPAS", "ISP", "R",
];

fn is_run_char(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '/' || c == '-'
}

/// Rewrites a prefix run (letters, `/`, `-`) if it is a known publisher prefix.
/// Returns `None` when the run is not a prefix.
fn rewrite_run(run: &str) -> Option<String> {
    let up = run.to_ascii_uppercase();
    let pieces: Vec<&str> = up.split('/').collect();
    let first = *pieces.first()?;
    // Chinese codes.
    let cn_code = |c: &str| c == "GB" || sectors::sector(c).is_some() || c == "YDN" || c == "YDJ";
    if pieces.len() == 1 {
        if first == "GBT" || first == "GBZ" {
            return Some(format!("GB/{}", &first[2..]));
        }
        if first.len() == 3 && (first.ends_with('T') || first.ends_with('Z')) {
            let code = &first[..2];
            if code != "GB" && code != "DB" && sectors::sector(code).is_some() {
                return Some(format!("{}/{}", code, &first[2..]));
            }
        }
        if cn_code(first) || first == "DB" {
            return Some(up);
        }
    }
    if pieces.len() == 2 && cn_code(first) && (pieces[1] == "T" || pieces[1] == "Z") {
        return Some(up);
    }
    let intl_first = matches!(first, "ISO" | "IEC" | "CISPR" | "IWA" | "ITU-T" | "ITU-R");
    if intl_first && pieces.iter().all(|p| INTL_WORDS.contains(p)) {
        return Some(up);
    }
    None
}

fn fix_prefixes(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word_start = i == 0 || {
            let p = chars[i - 1];
            !(p.is_ascii_alphanumeric() || p == '/' || p == '-' || p == '.' || p == '_')
        };
        if word_start && c.is_ascii_alphabetic() {
            let mut j = i;
            while j < chars.len() && is_run_char(chars[j]) {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            let next = chars.get(j).copied();
            // Only rewrite when the run ends at a clean boundary: digit, space, end, or
            // ASCII punctuation (never before a combining mark or another script).
            let clean_end = match next {
                None => true,
                Some(n) => n.is_ascii_digit() || n == ' ' || (n.is_ascii_punctuation()),
            };
            if clean_end {
                // Two-letter sector codes only count as prefixes when a number follows.
                let followed_by_number = match next {
                    Some(n) if n.is_ascii_digit() => true,
                    Some(' ') => chars.get(j + 1).is_some_and(|d| d.is_ascii_digit()),
                    _ => false,
                };
                let is_short_cn = {
                    let up = run.to_ascii_uppercase();
                    !up.contains('/') && !matches!(up.as_str(), "ISO" | "IEC" | "CISPR" | "IWA" | "ITU-T" | "ITU-R")
                };
                if let Some(rw) = rewrite_run(&run).filter(|_| !is_short_cn || followed_by_number) {
                    out.push_str(&rw);
                    let is_db = rw == "DB";
                    if next.is_some_and(|n| n.is_ascii_digit()) && !is_db {
                        out.push(' ');
                    }
                    i = j;
                    continue;
                }
            }
            out.push_str(&run);
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn n(a: &str, b: &str) {
        assert_eq!(normalize(a), b, "normalize({a:?})");
        assert_eq!(normalize(b), b, "idempotent on {b:?}");
    }

    #[test]
    fn examples() {
        n("ISO9001", "ISO 9001");
        n("GB/T228.1-2021", "GB/T 228.1-2021");
        n("GBT 228.1", "GB/T 228.1");
        n("GBT228.1", "GB/T 228.1");
        n("gb/t 228.1—2021", "GB/T 228.1-2021");
        n("GB∕T 228.1", "GB/T 228.1");
        n("ＧＢ／Ｔ　２２８．１－２０２１", "GB/T 228.1-2021");
        n("ISO 6892-1∶2019", "ISO 6892-1:2019");
        n("iso/iec 27001：2022", "ISO/IEC 27001:2022");
        n("Iso/iec Guide 21—1:2005", "ISO/IEC Guide 21-1:2005");
        n("  ISO\u{00A0}\u{00A0}9001  ", "ISO 9001");
        n("DB11/T 1234-2020", "DB11/T 1234-2020");
        n("db11/t 1234", "DB11/t 1234");
        n("YDT1843.2-2015", "YD/T 1843.2-2015");
        n("yd/t 1843.2", "YD/T 1843.2");
        n("ISO/HL7 10781", "ISO/HL7 10781");
        n("ITU-R BO2", "ITU-R BO2");
        n("itu-t G.711", "ITU-T G.711");
        n("等同采用iso9001:2015", "等同采用ISO 9001:2015");
        n("by 2020", "by 2020");
        n("mod", "mod");
        n("EN 196-3:2005+A1:2008", "EN 196-3:2005+A1:2008");
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(2000) })]
        #[test]
        fn idempotent_pc(s in "\\PC*") {
            let a = normalize(&s);
            prop_assert_eq!(normalize(&a), a);
        }
        #[test]
        fn idempotent_any(s in any::<String>()) {
            let a = normalize(&s);
            prop_assert_eq!(normalize(&a), a);
        }
        #[test]
        fn idempotent_idlike(s in "[ a-zA-Z/:.\\-0-9—－／∶：　]{0,30}") {
            let a = normalize(&s);
            prop_assert_eq!(normalize(&a), a);
        }
    }
}
