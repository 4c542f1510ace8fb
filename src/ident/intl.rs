//! ISO / IEC / ISO-IEC / CISPR / IWA references (ISO and IEC PubID grammars), European
//! adoptions (`EN ISO …`) and the best-effort parser for other bodies.

use super::{DocType, Family, StdRef, SuppKind, Supplement};

/// Draft stage words accepted in the head (upper-case spelling → canonical).
const STAGES: &[(&str, &str)] = &[
    ("PWI", "PWI"),
    ("NP", "NP"),
    ("AWI", "AWI"),
    ("WD", "WD"),
    ("CD", "CD"),
    ("DIS", "DIS"),
    ("FDIS", "FDIS"),
    ("PRF", "PRF"),
    ("DTS", "DTS"),
    ("DTR", "DTR"),
    ("DPAS", "DPAS"),
    ("DGUIDE", "DGuide"),
    ("FDTS", "FDTS"),
    ("FDTR", "FDTR"),
    ("PDTS", "PDTS"),
    ("PDTR", "PDTR"),
    ("DIWA", "DIWA"),
];

/// Value-added suffixes (IEC).
const VAPS: &[&str] = &["CSV", "RLV", "EXV", "CMV", "SER", "DB", "EXV-CMV", "EXV-RLV", "PRV", "CMV-RLV"];

fn stage_word(w: &str) -> Option<&'static str> {
    let up = w.to_ascii_uppercase();
    STAGES.iter().find(|(k, _)| *k == up).map(|(_, v)| *v)
}

/// Type implied by a stage word (`DTS` → TS).
fn implied_type(stage: &str) -> Option<DocType> {
    let base = stage.split('.').next().unwrap_or(stage);
    match base {
        "DTS" | "FDTS" | "PDTS" => Some(DocType::Ts),
        "DTR" | "FDTR" | "PDTR" => Some(DocType::Tr),
        "DPAS" => Some(DocType::Pas),
        "DGuide" => Some(DocType::Guide),
        "DIWA" => Some(DocType::Iwa),
        _ => None,
    }
}

fn type_word(w: &str) -> Option<DocType> {
    let up = w.to_ascii_uppercase();
    Some(match up.as_str() {
        "TS" => DocType::Ts,
        "TR" => DocType::Tr,
        "PAS" => DocType::Pas,
        "GUIDE" => DocType::Guide,
        "ISP" => DocType::Isp,
        "IWA" => DocType::Iwa,
        "R" => DocType::R,
        "DIR" => DocType::Dir,
        "DATA" | "TTA" | "SRD" | "ACEE" | "CA" | "WT" => DocType::Other(up),
        _ => return None,
    })
}

fn is_vap(w: &str) -> bool {
    VAPS.iter().any(|v| v.eq_ignore_ascii_case(w))
}

/// Removes blanks around `/`, `+` and `:` so that `ISO 6789:2003 + Amd 1:2008` and
/// `ISO 9001 : 2015` take their canonical shape.
pub(super) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = if i > 0 { chars[i - 1] } else { ' ' };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let word = |c: char| c.is_alphanumeric() || c == ')';
            if (matches!(prev, '/' | '+' | ':') && next.is_alphanumeric())
                || (matches!(next, '/' | '+' | ':') && word(prev))
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Strips a trailing language marker such as `(E)`, `(en)` or `(E/F)`.
fn strip_lang(s: &str) -> &str {
    let t = s.trim_end();
    if let Some(open) = t.rfind('(') {
        if t.ends_with(')') {
            let inner = &t[open + 1..t.len() - 1];
            if !inner.is_empty()
                && inner.len() <= 8
                && inner.chars().all(|c| c.is_ascii_alphabetic() || c == '/' || c == ',')
            {
                return t[..open].trim_end();
            }
        }
    }
    t
}

fn family_of(pieces: &[String]) -> Family {
    let first = pieces.first().map(String::as_str).unwrap_or("");
    let has = |x: &str| pieces.iter().skip(1).any(|p| p == x);
    match first {
        "ISO" if has("IEC") => Family::IsoIec,
        "ISO" | "IWA" => Family::Iso,
        "IEC" if has("ISO") => Family::IsoIec,
        _ => Family::Iec,
    }
}

/// European / national adoption of an ISO or IEC document (`EN ISO 13485:2016`,
/// `BS EN ISO 13485:2016`, `SFS-EN ISO …`, `EN IEC 62368-1`).
pub(super) fn parse_en(s: &str) -> Option<StdRef> {
    let words: Vec<&str> = s.split(' ').collect();
    let is_intl = |w: &str| {
        let up = w.to_ascii_uppercase();
        let first = up.split('/').next().unwrap_or("").to_string();
        first == "ISO" || first == "IEC"
    };
    let is_en = |w: &str| w.eq_ignore_ascii_case("EN") || w.to_ascii_uppercase().ends_with("-EN");
    let skip = if words.len() > 2 && is_en(words[0]) && is_intl(words[1]) {
        1
    } else if words.len() > 3
        && words[0].chars().all(|c| c.is_ascii_alphabetic())
        && is_en(words[1])
        && is_intl(words[2])
    {
        2
    } else {
        return None;
    };
    let rest = words[skip..].join(" ");
    let mut r = parse(&rest, true)?;
    r.flags.via_en = true;
    Some(r)
}

/// Parses an ISO/IEC-family reference; `None` when `s` does not start with a known
/// publisher.
pub(super) fn parse(s: &str, _via_en: bool) -> Option<StdRef> {
    let s = squeeze(strip_lang(s));
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let mut idx = 0;
    let mut stage: Option<String> = None;
    // Leading stage word: `CD IWA 45`.
    if words.len() > 2 {
        if let Some(st) = stage_word(words[0]) {
            let up = words[1].to_ascii_uppercase();
            if up.starts_with("ISO") || up.starts_with("IWA") || up.starts_with("IEC") {
                stage = Some(st.to_string());
                idx = 1;
            }
        }
    }
    let head = *words.get(idx)?;
    let raw_pieces: Vec<&str> = head.split('/').collect();
    let first = raw_pieces.first()?.to_ascii_uppercase();
    if !matches!(first.as_str(), "ISO" | "IEC" | "CISPR" | "IWA") {
        return None;
    }
    let mut pubs: Vec<String> = vec![first.clone()];
    let mut doc_type = if first == "IWA" { DocType::Iwa } else { DocType::Is };
    for p in raw_pieces.iter().skip(1) {
        if p.is_empty() {
            return None;
        }
        if let Some(st) = stage_word(p) {
            if stage.is_none() {
                stage = Some(st.to_string());
                continue;
            }
        }
        if let Some(t) = type_word(p) {
            doc_type = t;
            continue;
        }
        if stage.is_none()
            && doc_type == DocType::Is
            && p.chars().all(|c| c.is_ascii_alphanumeric())
            && p.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        {
            pubs.push(p.to_ascii_uppercase());
            continue;
        }
        return None;
    }
    idx += 1;
    let mut verbatim = false;
    while idx < words.len() {
        let w = words[idx];
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        if let Some(st) = stage_word(w).filter(|_| stage.is_none()) {
            stage = Some(st.to_string());
        } else if let Some(t) = type_word(w) {
            doc_type = t;
        } else {
            verbatim = true;
            break;
        }
        idx += 1;
    }
    if idx >= words.len() || doc_type == DocType::Dir {
        verbatim = true;
    }
    if let Some(st) = &stage {
        if doc_type == DocType::Is || (doc_type == DocType::Iwa && first == "IWA") {
            if let Some(t) = implied_type(st) {
                doc_type = t;
            }
        }
    }
    let family = family_of(&pubs);
    let mut r = StdRef::blank(family, pubs.join("/"));
    r.doc_type = doc_type;
    r.stage = stage;
    let tail = words[idx.min(words.len())..].join(" ");
    if verbatim || !fill_numbered(&mut r, &tail, true) {
        fill_verbatim(&mut r, &tail);
        if r.number.is_empty() {
            return None;
        }
    }
    apply_legacy_iec(&mut r);
    Some(r)
}

/// Verbatim number: everything up to a final `:year` and value-added suffix.
fn fill_verbatim(r: &mut StdRef, tail: &str) {
    r.flags.verbatim = true;
    r.parts.clear();
    r.supplements.clear();
    r.year = None;
    r.vap = None;
    let mut t = tail.trim();
    if let Some((a, b)) = t.rsplit_once(' ') {
        if is_vap(b) {
            r.vap = Some(b.to_ascii_uppercase());
            t = a.trim_end();
        }
    }
    t = trim_tail(t);
    if let Some((a, b)) = t.rsplit_once(':') {
        if b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()) {
            r.year = b.parse().ok();
            t = a.trim_end();
        }
    }
    if r.year.is_none() {
        t = trim_tail(t);
    }
    r.number = t.to_string();
}

/// Trims the trailing punctuation that the top-level parser strips anyway.
pub(super) fn trim_tail(s: &str) -> &str {
    s.trim_end_matches([':', ',', ';', '.', '。', '，', '；', '、', ' '])
}

fn year_ok(y: u16) -> bool {
    (1947..=2035).contains(&y)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

/// Parses `number[-part…][:year][/supp…][ VAP]` into `r`. Returns false when the base
/// number is malformed (the caller then falls back to a verbatim number).
pub(super) fn fill_numbered(r: &mut StdRef, tail: &str, allow_dot: bool) -> bool {
    let chars: Vec<(usize, char)> = tail.char_indices().collect();
    let mut end = tail.len();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c == ' ' {
            end = i;
            break;
        }
        if (c == '/' || c == '+') && chars.get(k + 1).is_some_and(|(_, n)| n.is_ascii_alphabetic()) {
            end = i;
            break;
        }
    }
    let base = &tail[..end];
    let after = &tail[end..];
    let (np, yp) = match base.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (base, None),
    };
    let segs: Vec<&str> = np.split('-').collect();
    if segs.iter().any(|s| s.is_empty() || s.split(['.', '/']).any(str::is_empty)) {
        return false;
    }
    let valid =
        |s: &str, extra: &[char]| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || extra.contains(&c));
    if !segs[0].starts_with(|c: char| c.is_ascii_digit()) || !valid(segs[0], &[]) {
        return false;
    }
    if !segs[1..].iter().all(|s| valid(s, &['/'])) {
        return false;
    }
    let mut number = segs[0].to_string();
    let mut parts: Vec<String> = segs[1..].iter().map(|s| s.to_string()).collect();
    // Draft iteration (`ISO/DIS 10239.2`, `ISO/CD 10993-1.2`).
    if let Some(st) = r.stage.clone() {
        let last = parts.last_mut().unwrap_or(&mut number);
        if let Some((a, it)) = last.rsplit_once('.') {
            if is_digits(it) && !a.is_empty() {
                let it = it.to_string();
                *last = a.to_string();
                r.stage = Some(format!("{st}.{it}"));
            }
        }
    }
    if allow_dot && r.stage.is_none() {
        let mut all: Vec<String> = Vec::new();
        let mut dotted = false;
        for (k, p) in std::iter::once(&number).chain(parts.iter()).enumerate() {
            if p.contains('.') && !p.contains('/') {
                let pieces: Vec<&str> = p.split('.').collect();
                if pieces.iter().any(|x| x.is_empty()) {
                    return false;
                }
                if k == 0 || pieces.iter().all(|x| x.chars().all(|c| c.is_ascii_alphanumeric())) {
                    dotted = true;
                    all.extend(pieces.iter().map(|x| x.to_string()));
                    continue;
                }
            }
            all.push(p.clone());
        }
        if dotted {
            r.flags.from_dot = true;
            number = all.remove(0);
            parts = all;
        }
    }
    if number.is_empty() {
        return false;
    }
    match yp {
        Some(y) => {
            let d: String = y.chars().take_while(|c| c.is_ascii_digit()).collect();
            if d.len() == 4 {
                r.year = d.parse().ok();
            } else if d.len() == 2 {
                r.year = d.parse::<u16>().ok().map(|v| v + 1900);
                r.flags.two_digit_year = true;
            }
        }
        None => {
            if r.stage.is_none() {
                if let Some(last) = parts.last() {
                    if last.len() == 4 && is_digits(last) {
                        if let Ok(y) = last.parse::<u16>() {
                            if year_ok(y) {
                                parts.pop();
                                r.year = Some(y);
                                r.flags.year_from_hyphen = true;
                            }
                        }
                    }
                }
            }
        }
    }
    r.number = number;
    r.parts = parts;
    parse_tail(r, after);
    true
}

/// Supplements, value-added suffix and ignorable trailing words.
fn parse_tail(r: &mut StdRef, after: &str) {
    let mut rest = after;
    loop {
        let t = rest.trim_start();
        if t.is_empty() {
            return;
        }
        if t.starts_with('/') || t.starts_with('+') {
            let body = &t[1..];
            let seg_end = body.find(['/', '+']).unwrap_or(body.len());
            let seg = &body[..seg_end];
            match parse_supp(seg) {
                Some((sup, left)) => {
                    r.supplements.push(sup);
                    let consumed = seg.len() - left.len();
                    rest = &body[consumed..];
                    continue;
                }
                None => return,
            }
        }
        let (w, next) = match t.split_once(' ') {
            Some((w, n)) => (w, n),
            None => (t, ""),
        };
        // A word glued to a following supplement (`CSV/COR1:2005`).
        let (w, next) = match w.find('/') {
            Some(p) => (&w[..p], &t[p..]),
            None => (w, next),
        };
        if is_vap(w) {
            r.vap = Some(w.to_ascii_uppercase());
        } else if w.get(..2).is_some_and(|x| x.eq_ignore_ascii_case("ED"))
            && w.get(2..).is_some_and(is_digits)
            && r.family != Family::Other
        {
            // IEC edition marker (`ED5`): ignored.
        } else {
            return;
        }
        rest = next;
    }
}

/// Parses one supplement body (after `/` or `+`): `Amd 1:2024`, `AMD1:2019`,
/// `CD Amd 1`, `DAM 1`, `FDAmd 1`, `ISH1:2020`, `Suppl:1993`, EN `A1:2008` / `AC:2016`.
/// Returns the supplement and the unconsumed rest.
pub(super) fn parse_supp(seg: &str) -> Option<(Supplement, &str)> {
    let mut s = seg.trim_start();
    let mut stage: Option<String> = None;
    if let Some((w, rest)) = s.split_once(' ') {
        if let Some(st) = stage_word(w) {
            if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                stage = Some(st.to_string());
                s = rest.trim_start();
            }
        }
    }
    let letters = s.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
    let word = s[..letters].to_ascii_uppercase();
    let (kind, implied): (SuppKind, Option<&str>) = match word.as_str() {
        "AMD" | "AMENDMENT" | "A" => (SuppKind::Amd, None),
        "COR" | "CORRIGENDUM" | "AC" => (SuppKind::Cor, None),
        "ADD" | "ADDENDUM" | "EXT" => (SuppKind::Add, None),
        "SUPPL" | "SUP" | "SUPPLEMENT" | "FRAG" => (SuppKind::Suppl, None),
        "ISH" => (SuppKind::Ish, None),
        "DAM" | "DAMD" => (SuppKind::Amd, Some("DAM")),
        "FDAM" | "FDAMD" => (SuppKind::Amd, Some("FDAM")),
        "PDAM" => (SuppKind::Amd, Some("PDAM")),
        "DCOR" => (SuppKind::Cor, Some("DCOR")),
        "FDCOR" => (SuppKind::Cor, Some("FDCOR")),
        "DAD" | "DADD" => (SuppKind::Add, Some("DAD")),
        "PDAD" => (SuppKind::Add, Some("PDAD")),
        _ => return None,
    };
    if let Some(i) = implied {
        if stage.is_some() {
            return None;
        }
        stage = Some(i.to_string());
    }
    let mut t = &s[letters..];
    if let Some(x) = t.strip_prefix('.') {
        t = x;
    }
    let t1 = t.trim_start();
    let n: String = t1.chars().take_while(|c| c.is_ascii_digit()).collect();
    let mut sup = Supplement { kind, number: None, year: None, stage: None };
    if !n.is_empty() {
        sup.number = n.parse().ok();
        t = &t1[n.len()..];
        if let Some(x) = t.strip_prefix('.') {
            let it: String = x.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !it.is_empty() {
                if let Some(st) = &stage {
                    stage = Some(format!("{st}.{it}"));
                }
                t = &x[it.len()..];
            }
        }
    } else if !t.is_empty() && !t.starts_with([':', ' ']) {
        return None;
    }
    if let Some(x) = t.strip_prefix(':') {
        let y: String = x.chars().take_while(|c| c.is_ascii_digit()).collect();
        if y.len() == 4 {
            sup.year = y.parse().ok();
        } else if y.len() == 2 {
            sup.year = y.parse::<u16>().ok().map(|v| v + 1900);
        }
        t = &x[y.len()..];
    }
    sup.stage = stage;
    Some((sup, t))
}

fn apply_legacy_iec(r: &mut StdRef) {
    if r.publisher != "IEC"
        || r.flags.verbatim
        || r.stage.is_some()
        || !matches!(r.doc_type, DocType::Is | DocType::Ts | DocType::Tr)
        || r.year.is_some_and(|y| y >= 1998)
    {
        return;
    }
    let digits: String = r.number.chars().take_while(|c| c.is_ascii_digit()).collect();
    let suffix = &r.number[digits.len()..];
    if !suffix.chars().all(|c| c.is_ascii_alphabetic()) {
        return;
    }
    if let Ok(n) = digits.parse::<u32>() {
        if n < 10000 {
            r.number = format!("{}{}", n + 60000, suffix);
            r.flags.legacy_iec = true;
        }
    }
}

/// Best-effort parser for other bodies: `JIS C 61000-4-2:2012`, `BS EN 60335-1:2012`,
/// `DIN 1234`, `ANSI/IEEE 802.3-2018`, `3GPP TS 25.304`.
pub(super) fn parse_other(s: &str) -> StdRef {
    let s = squeeze(s);
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let pos =
        words.iter().enumerate().skip(1).find(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit())).map(|(i, _)| i);
    let (publisher, tail) = match pos {
        Some(i) => (words[..i].join(" "), words[i..].join(" ")),
        None => {
            let first = words.first().copied().unwrap_or("");
            let letters = first.bytes().take_while(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'-').count();
            if letters > 0
                && letters < first.len()
                && first.as_bytes()[letters].is_ascii_digit()
                && !first[..letters].ends_with(['/', '-'])
            {
                let mut t = first[letters..].to_string();
                for w in words.iter().skip(1) {
                    t.push(' ');
                    t.push_str(w);
                }
                (first[..letters].to_string(), t)
            } else if first.starts_with(|c: char| c.is_ascii_digit()) {
                (String::new(), words.join(" "))
            } else {
                (String::new(), String::new())
            }
        }
    };
    let mut r = StdRef::blank(Family::Other, publisher);
    r.flags.verbatim = true;
    let structured = !tail.is_empty() && fill_numbered(&mut r, &tail, false);
    // The canonical spelling must come back as the same (Other) family.
    let stable = structured && {
        let shown = squeeze(&super::normalize(&display(&r)));
        super::cn::parse(&shown, super::MAX_DEPTH).is_none()
            && super::itu::parse(&shown, super::MAX_DEPTH).is_none()
            && parse_en(&shown).is_none()
            && parse(&shown, false).is_none()
    };
    if !stable {
        r.parts.clear();
        r.supplements.clear();
        r.year = None;
        r.vap = None;
        r.publisher.clear();
        r.number = words.join(" ");
    }
    r
}

// ---------------------------------------------------------------------------------
// Display

fn is_single(publisher: &str) -> bool {
    !publisher.contains('/')
}

/// Publisher + stage + type (`ISO/DIS`, `ISO/IEC CD TS`, `IEC TR`, `ISO Guide`).
fn head(r: &StdRef, with_stage: bool) -> String {
    let mut h = r.publisher.clone();
    let single = is_single(&r.publisher);
    let type_shown =
        |t: &DocType| *t != DocType::Is && !(*t == DocType::Iwa && r.publisher == "IWA") && r.family != Family::Other;
    let stage = if with_stage { r.stage.as_deref() } else { None };
    if let Some(st) = stage {
        let base = st.split('.').next().unwrap_or(st);
        h.push(if single { '/' } else { ' ' });
        h.push_str(base);
        if type_shown(&r.doc_type) && implied_type(base).as_ref() != Some(&r.doc_type) {
            h.push(' ');
            h.push_str(r.doc_type.word());
        }
    } else if type_shown(&r.doc_type) {
        let slash = single
            && matches!(r.publisher.as_str(), "ISO" | "IWA")
            && !matches!(r.doc_type, DocType::Guide | DocType::Dir);
        h.push(if slash { '/' } else { ' ' });
        h.push_str(r.doc_type.word());
    }
    h
}

fn number_and_parts(r: &StdRef) -> String {
    let mut s = r.number.clone();
    for p in &r.parts {
        s.push('-');
        s.push_str(p);
    }
    s
}

fn join_head(h: &str, rest: &str) -> String {
    match (h.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_string(),
        (false, true) => h.to_string(),
        (false, false) => format!("{h} {rest}"),
    }
}

pub(super) fn work_item(r: &StdRef) -> String {
    join_head(&head(r, false), &number_and_parts(r))
}

fn supp_iso(sup: &Supplement) -> String {
    let mut s = String::new();
    let (stage_base, iter) = match &sup.stage {
        Some(st) => match st.split_once('.') {
            Some((a, b)) => (Some(a), Some(b)),
            None => (Some(st.as_str()), None),
        },
        None => (None, None),
    };
    let kind = match sup.kind {
        SuppKind::Amd => "Amd",
        SuppKind::Cor => "Cor",
        SuppKind::Add => "Add",
        SuppKind::Ish => "ISH",
        SuppKind::Xg => "XG",
        SuppKind::Suppl => "Suppl",
    };
    let implied = matches!(stage_base, Some("DAM" | "FDAM" | "PDAM" | "DCOR" | "FDCOR" | "DAD" | "PDAD"));
    match stage_base {
        Some(b) if implied => s.push_str(b),
        Some(b) => {
            s.push_str(b);
            s.push(' ');
            s.push_str(kind);
        }
        None => s.push_str(kind),
    }
    if let Some(n) = sup.number {
        if !matches!(sup.kind, SuppKind::Ish | SuppKind::Xg) {
            s.push(' ');
        }
        s.push_str(&n.to_string());
        if let Some(it) = iter {
            s.push('.');
            s.push_str(it);
        }
    }
    if let Some(y) = sup.year {
        s.push_str(&format!(":{y}"));
    }
    s
}

fn supp_iec(sup: &Supplement) -> String {
    if sup.stage.is_some() {
        return supp_iso(sup);
    }
    let kind = match sup.kind {
        SuppKind::Amd => "AMD",
        SuppKind::Cor => "COR",
        SuppKind::Add => "ADD",
        SuppKind::Ish => "ISH",
        SuppKind::Xg => "XG",
        SuppKind::Suppl => "SUPPL",
    };
    let mut s = kind.to_string();
    if let Some(n) = sup.number {
        s.push_str(&n.to_string());
    }
    if let Some(y) = sup.year {
        s.push_str(&format!(":{y}"));
    }
    s
}

pub(super) fn display(r: &StdRef) -> String {
    let mut s = join_head(&head(r, true), &number_and_parts(r));
    if let Some(st) = &r.stage {
        if let Some((_, it)) = st.split_once('.') {
            s.push('.');
            s.push_str(it);
        }
    }
    if let Some(y) = r.year {
        s.push_str(&format!(":{y}"));
    }
    let iec_style = r.family == Family::Iec || r.vap.is_some();
    let fmt_supp = |sup: &Supplement| {
        if iec_style {
            supp_iec(sup)
        } else {
            supp_iso(sup)
        }
    };
    let mut k = 0;
    if let Some(v) = &r.vap {
        while k < r.supplements.len() && r.supplements[k].kind == SuppKind::Amd && r.supplements[k].stage.is_none() {
            s.push('+');
            s.push_str(&fmt_supp(&r.supplements[k]));
            k += 1;
        }
        s.push(' ');
        s.push_str(v);
    }
    for sup in &r.supplements[k..] {
        s.push('/');
        s.push_str(&fmt_supp(sup));
    }
    s
}
