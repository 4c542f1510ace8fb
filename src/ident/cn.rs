//! Chinese standard numbers: `<code>[/T|/Z] <seq>[.<part>…][-<year>][/XG<n>-<year>]…[/<intl-ref>]`.

use super::{sectors, Family, Nature, StdRef, SuppKind, Supplement, MAX_DEPTH};

/// Reads the code (`GB`, `YD`, `DB11`, `YDN` …) at the start of `s`.
/// Returns (canonical code, byte length consumed).
fn read_code(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    // Local standards: DB + two digits.
    if b.len() >= 4
        && b[0].eq_ignore_ascii_case(&b'D')
        && b[1].eq_ignore_ascii_case(&b'B')
        && b[2].is_ascii_digit()
        && b[3].is_ascii_digit()
        && !b.get(4).is_some_and(|c| c.is_ascii_digit())
    {
        return Some((format!("DB{}", &s[2..4]), 4));
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let word = s[..letters].to_ascii_uppercase();
    match letters {
        2 if sectors::sector(&word).is_some() => Some((word, 2)),
        3 if word == "YDN" || word == "YDJ" => Some((word, 3)),
        _ => None,
    }
}

fn digits_prefix(s: &str) -> &str {
    let n = s.bytes().take_while(|c| c.is_ascii_digit()).count();
    &s[..n]
}

/// Parses a Chinese number; `None` when `s` is not one.
pub(super) fn parse(s: &str, depth: u8) -> Option<StdRef> {
    let (code, mut i) = read_code(s)?;
    let mut r = StdRef::blank(Family::Cn, code);
    r.nature = Some(Nature::Mandatory);
    let rest = &s[i..];
    if rest.len() >= 2 && rest.as_bytes()[0] == b'/' {
        match rest.as_bytes()[1].to_ascii_uppercase() {
            b'T' => r.nature = Some(Nature::Recommended),
            b'Z' => r.nature = Some(Nature::Guidance),
            _ => return None,
        }
        i += 2;
        if s.as_bytes().get(i).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
    }
    let rest = s[i..].trim_start();
    let num = digits_prefix(rest);
    if num.is_empty() {
        return None;
    }
    r.number = num.to_string();
    let mut rest = &rest[num.len()..];
    while let Some(t) = rest.strip_prefix('.') {
        let p = digits_prefix(t);
        if p.is_empty() {
            break;
        }
        r.parts.push(p.to_string());
        rest = &t[p.len()..];
    }
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // Year.
    let t = rest.trim_start();
    if let Some(t) = t.strip_prefix('-') {
        let t = t.trim_start();
        let y = digits_prefix(t);
        if let Some((year, two)) = read_year(y) {
            r.year = Some(year);
            r.flags.two_digit_year = two;
            rest = &t[y.len()..];
        } else {
            return None;
        }
    }
    // Amendment sheets and double number.
    loop {
        let t = rest.trim_start();
        let Some(t) = t.strip_prefix('/') else { break };
        let t = t.trim_start();
        if t.len() >= 2 && t.as_bytes()[..2].eq_ignore_ascii_case(b"XG") {
            let t2 = &t[2..];
            let n = digits_prefix(t2);
            let mut sup = Supplement { kind: SuppKind::Xg, number: n.parse().ok(), year: None, stage: None };
            let mut t3 = &t2[n.len()..];
            if let Some(t4) = t3.trim_start().strip_prefix('-') {
                let t4 = t4.trim_start();
                let y = digits_prefix(t4);
                if let Some((year, _)) = read_year(y) {
                    sup.year = Some(year);
                    t3 = &t4[y.len()..];
                }
            }
            r.supplements.push(sup);
            rest = t3;
            continue;
        }
        if depth < MAX_DEPTH {
            if let Ok(d) = super::parse_depth(t, depth + 1) {
                r.double = Some(Box::new(d));
            }
        }
        break;
    }
    Some(r)
}

/// 4-digit year, or 2-digit year mapped to 19xx.
fn read_year(y: &str) -> Option<(u16, bool)> {
    match y.len() {
        4 => y.parse().ok().map(|v| (v, false)),
        2 => y.parse::<u16>().ok().map(|v| (1900 + v, true)),
        _ => None,
    }
}

fn code_and_number(r: &StdRef) -> String {
    let mut s = format!("{} {}", r.publisher, r.number);
    for p in &r.parts {
        s.push('.');
        s.push_str(p);
    }
    s
}

pub(super) fn work_item(r: &StdRef) -> String {
    code_and_number(r)
}

pub(super) fn display(r: &StdRef) -> String {
    let mut s = r.publisher.clone();
    match r.nature {
        Some(Nature::Recommended) => s.push_str("/T"),
        Some(Nature::Guidance) => s.push_str("/Z"),
        _ => {}
    }
    s.push(' ');
    s.push_str(&r.number);
    for p in &r.parts {
        s.push('.');
        s.push_str(p);
    }
    if let Some(y) = r.year {
        s.push_str(&format!("-{y}"));
    }
    for sup in &r.supplements {
        s.push_str("/XG");
        if let Some(n) = sup.number {
            s.push_str(&n.to_string());
        }
        if let Some(y) = sup.year {
            s.push_str(&format!("-{y}"));
        }
    }
    if let Some(d) = &r.double {
        s.push('/');
        s.push_str(&d.to_string());
    }
    s
}
