//! ITU-T and ITU-R references: `ITU-T G.711 (11/1988)`, `ITU-T G.108.2 (2007) Amd. 1
//! (10/2007)`, `Rec. ITU-T A.12 (2008)/Cor.2 (02/2016)`, `ITU-T G Suppl. 1 (12/1972)`,
//! `ITU-T G.7041/Y.1303 (04/2011)`, `ITU-R BT.709-6`.

use super::{DocType, Family, StdRef, SuppKind, Supplement, MAX_DEPTH};

/// Recognises the publisher; returns (family, rest after the publisher).
fn publisher(s: &str) -> Option<(Family, &str)> {
    let mut t = s;
    // Leading `Rec.` / `Recommendation`.
    for p in ["Rec. ", "REC. ", "Recommendation ", "RECOMMENDATION "] {
        if let Some(x) = t.strip_prefix(p) {
            t = x;
            break;
        }
    }
    let up: String = t.chars().take(6).collect::<String>().to_ascii_uppercase();
    let (fam, len) = if up.starts_with("ITU-T") || up.starts_with("ITU T") {
        (Family::ItuT, 5)
    } else if up.starts_with("ITU-R") || up.starts_with("ITU R") {
        (Family::ItuR, 5)
    } else if up.starts_with("CCITT") {
        (Family::ItuT, 5)
    } else if up.starts_with("CCIR") {
        (Family::ItuR, 4)
    } else {
        return None;
    };
    let rest = t.get(len..)?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let mut rest = rest.trim_start();
    for p in ["Rec. ", "REC. ", "Recommendation ", "RECOMMENDATION ", "Rec "] {
        if let Some(x) = rest.strip_prefix(p) {
            rest = x.trim_start();
            break;
        }
    }
    Some((fam, rest))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kw {
    Supp(SuppKind),
    Suppl,
    Annex,
    App,
    Technical,
}

fn keyword(w: &str) -> Option<Kw> {
    let l = w.to_ascii_lowercase();
    let l = l.trim_end_matches('.');
    Some(match l {
        "amd" | "amendment" => Kw::Supp(SuppKind::Amd),
        "cor" | "corrigendum" | "err" | "erratum" | "errata" => Kw::Supp(SuppKind::Cor),
        "add" | "addendum" => Kw::Supp(SuppKind::Add),
        "suppl" | "supplement" => Kw::Suppl,
        "annex" => Kw::Annex,
        "app" | "appendix" => Kw::App,
        "technical" => Kw::Technical,
        _ => return None,
    })
}

/// `(MM/YYYY)` or `(YYYY)` → (year, month).
fn date(w: &str) -> Option<(u16, Option<u8>)> {
    let inner = w.strip_prefix('(')?.strip_suffix(')')?;
    match inner.split_once('/') {
        Some((m, y)) => {
            if m.is_empty() || m.len() > 2 || y.len() != 4 {
                return None;
            }
            let m: u8 = m.parse().ok()?;
            let y: u16 = y.parse().ok()?;
            (1..=12).contains(&m).then_some((y, Some(m)))
        }
        None => {
            if inner.len() != 4 {
                return None;
            }
            inner.parse().ok().map(|y| (y, None))
        }
    }
}

/// `(V2)` or `v.2` → version.
fn version(w: &str) -> Option<u32> {
    if let Some(inner) = w.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        let d = inner.strip_prefix(['V', 'v'])?;
        return d.parse().ok();
    }
    let d = w.strip_prefix("v.")?;
    d.parse().ok()
}

/// Splits glued tokens: `Cor.2` → `Cor. 2`, `App.X` → `App. X`, `)/Cor` → `) Cor`.
fn pre_split(s: &str) -> String {
    let mut t = s.to_string();
    for k in [")/A", ")/C", ")/E", ")/T", ")/S"] {
        t = t.replace(k, &format!(") {}", &k[2..]));
    }
    for k in ["/Technical", "/Cor", "/Amd", "/Add", "/Err"] {
        t = t.replace(k, &format!(" {}", &k[1..]));
    }
    for k in ["Amd.", "Cor.", "Add.", "Err.", "Suppl.", "App."] {
        let mut out = String::with_capacity(t.len());
        let mut rest = t.as_str();
        while let Some(p) = rest.find(k) {
            out.push_str(&rest[..p + k.len()]);
            rest = &rest[p + k.len()..];
            if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                out.push(' ');
            }
        }
        out.push_str(rest);
        t = out;
    }
    t
}

fn looks_like_designation(p: &str) -> bool {
    let letters = p.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
    letters > 0
        && p.as_bytes().get(letters) == Some(&b'.')
        && p.as_bytes().get(letters + 1).is_some_and(|c| c.is_ascii_digit())
}

fn upper_series(p: &str) -> String {
    let letters = p.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
    if p.as_bytes().get(letters) == Some(&b'.') || letters == p.len() {
        format!("{}{}", p[..letters].to_ascii_uppercase(), &p[letters..])
    } else {
        p.to_string()
    }
}

/// Parses an ITU reference; `None` when `s` does not start with an ITU publisher.
pub(super) fn parse(s: &str, depth: u8) -> Option<StdRef> {
    let (family, rest) = publisher(s)?;
    let pub_name = if family == Family::ItuT { "ITU-T" } else { "ITU-R" };
    let mut r = StdRef::blank(family, pub_name);
    r.doc_type = DocType::Rec;
    // Common text with ISO/IEC.
    let (rest, twin) = match rest.split_once('|') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (rest, None),
    };
    if let Some(t) = twin {
        if depth < MAX_DEPTH {
            if let Ok(d) = super::parse_depth(t, depth + 1) {
                r.double = Some(Box::new(d));
            }
        }
    }
    let rest = pre_split(super::intl::trim_tail(rest.trim()));
    let words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    let mut desig: Vec<&str> = Vec::new();
    while i < words.len() {
        let w = words[i];
        if w.starts_with('(') || (!desig.is_empty() && (keyword(w).is_some() || version(w).is_some())) {
            break;
        }
        desig.push(w);
        i += 1;
    }
    let mut designation = desig.join(" ");
    // `ITU-T Y.2001:2004` (ISO-style year seen in Chinese declarations).
    if let Some((a, y)) = designation.rsplit_once(':') {
        if y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) && !a.is_empty() {
            r.year = y.parse().ok();
            designation = a.to_string();
        }
    }
    if designation.is_empty() {
        return None;
    }
    let pieces: Vec<&str> = designation.split('/').collect();
    if pieces.len() > 1 && pieces.iter().all(|p| looks_like_designation(p.trim())) {
        r.number = upper_series(pieces[0].trim());
        r.alt_numbers = pieces[1..].iter().map(|p| upper_series(p.trim())).collect();
    } else {
        r.number = upper_series(&designation);
    }
    if family == Family::ItuR {
        if let Some((a, b)) = r.number.rsplit_once('-') {
            if !b.is_empty() && b.len() <= 3 && b.bytes().all(|c| c.is_ascii_digit()) && looks_like_designation(a) {
                r.revision = b.parse().ok();
                r.number = a.to_string();
            }
        }
    }
    let mut ok = true;
    while i < words.len() {
        let w = words[i];
        i += 1;
        if let Some((y, m)) = date(w) {
            match r.supplements.last_mut() {
                Some(sup) => sup.year = Some(y),
                None => r.year = Some(y),
            }
            r.month = m;
            continue;
        }
        if let Some(v) = version(w) {
            r.revision = Some(v);
            continue;
        }
        match keyword(w) {
            Some(Kw::Technical) => {
                // `Technical Cor.` – the next word carries the kind.
                continue;
            }
            Some(Kw::Supp(kind)) => {
                let number = take_number(&words, &mut i);
                r.supplements.push(Supplement { kind, number, year: None, stage: None });
            }
            Some(Kw::Suppl) => {
                let n = words.get(i).filter(|x| x.starts_with(|c: char| c.is_ascii_digit())).map(|x| x.to_string());
                if n.is_some() {
                    i += 1;
                }
                if r.supplements.is_empty() && r.year.is_none() && r.doc_type == DocType::Rec {
                    r.doc_type = DocType::Suppl;
                    r.parts.insert(0, n.unwrap_or_default());
                } else {
                    r.supplements.push(Supplement {
                        kind: SuppKind::Suppl,
                        number: n.and_then(|x| x.parse().ok()),
                        year: None,
                        stage: None,
                    });
                }
            }
            Some(Kw::Annex) | Some(Kw::App) => {
                let label = if keyword(w) == Some(Kw::Annex) { "Annex" } else { "App." };
                let mut p = label.to_string();
                while i < words.len() {
                    let x = words[i];
                    if x.starts_with('(') || keyword(x).is_some() || version(x).is_some() {
                        break;
                    }
                    p.push(' ');
                    p.push_str(x);
                    i += 1;
                }
                r.parts.push(p);
            }
            None => {
                ok = false;
                break;
            }
        }
    }
    if !ok {
        // Unknown structure: keep the whole designation verbatim.
        let mut v = StdRef::blank(family, pub_name);
        v.doc_type = DocType::Rec;
        v.flags.verbatim = true;
        v.number = words.join(" ");
        v.double = r.double;
        return Some(v);
    }
    Some(r)
}

fn take_number(words: &[&str], i: &mut usize) -> Option<u32> {
    let w = words.get(*i)?;
    let n: u32 = w.parse().ok()?;
    *i += 1;
    Some(n)
}

pub(super) fn work_item(r: &StdRef) -> String {
    let mut s = format!("{} {}", r.publisher, r.number);
    let mut parts = r.parts.iter();
    if r.doc_type == DocType::Suppl {
        s.push_str(" Suppl.");
        if let Some(p) = parts.next() {
            if !p.is_empty() {
                s.push(' ');
                s.push_str(p);
            }
        }
    }
    for p in parts {
        s.push(' ');
        s.push_str(p);
    }
    s
}

fn fmt_date(year: u16, month: Option<u8>) -> String {
    match month {
        Some(m) => format!(" ({m:02}/{year})"),
        None => format!(" ({year})"),
    }
}

pub(super) fn display(r: &StdRef) -> String {
    if r.flags.verbatim {
        let mut s = format!("{} {}", r.publisher, r.number);
        if let Some(d) = &r.double {
            s.push_str(&format!(" | {d}"));
        }
        return s;
    }
    let mut s = format!("{} {}", r.publisher, r.number);
    if r.family == Family::ItuR {
        if let Some(v) = r.revision {
            s.push_str(&format!("-{v}"));
        }
    }
    for a in &r.alt_numbers {
        s.push('/');
        s.push_str(a);
    }
    let mut parts = r.parts.iter();
    if r.doc_type == DocType::Suppl {
        s.push_str(" Suppl.");
        if let Some(p) = parts.next() {
            if !p.is_empty() {
                s.push(' ');
                s.push_str(p);
            }
        }
    }
    for p in parts {
        s.push(' ');
        s.push_str(p);
    }
    if r.family == Family::ItuT {
        if let Some(v) = r.revision {
            s.push_str(&format!(" (V{v})"));
        }
    }
    // The month belongs to the last dated element.
    let last_dated = r.supplements.iter().rposition(|x| x.year.is_some());
    if let Some(y) = r.year {
        let m = if last_dated.is_none() { r.month } else { None };
        s.push_str(&fmt_date(y, m));
    }
    for (k, sup) in r.supplements.iter().enumerate() {
        let kind = match sup.kind {
            SuppKind::Amd => "Amd.",
            SuppKind::Cor => "Cor.",
            SuppKind::Add => "Add.",
            SuppKind::Suppl => "Suppl.",
            SuppKind::Ish => "ISH",
            SuppKind::Xg => "XG",
        };
        s.push(' ');
        s.push_str(kind);
        if let Some(n) = sup.number {
            s.push_str(&format!(" {n}"));
        }
        if let Some(y) = sup.year {
            let m = if Some(k) == last_dated { r.month } else { None };
            s.push_str(&fmt_date(y, m));
        }
    }
    if let Some(d) = &r.double {
        s.push_str(&format!(" | {d}"));
    }
    s
}
