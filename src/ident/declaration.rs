//! Adoption-declaration parser (DOMAIN §1.4–1.5): turns a free-text declaration such
//! as `ISO 6892-1:2009, MOD`, `等同采用ISO 9001:2015`, `≈ISO/IEC Guide 21-1999` or a
//! cover line `(ISO/IEC Guide 21—1:2005,Regional or national adoption …,MOD)` into
//! a list of international references, each with its degree of correspondence.
//!
//! Rules:
//! * Segments are separated by `;` `；` (strong: a leading degree word stops applying)
//!   and `,` `，` `、` `和` `及` ` and ` and a `/` that starts a new reference (weak).
//! * A degree word *before* a reference (`idt ISO …`, `修改采用ISO …`, `≈ISO …`) applies
//!   to that reference and to following references until a strong separator; a degree
//!   word *after* references (`ISO …, ISO …, MOD`) applies to all references since
//!   the previous trailing degree word. Own leading word > trailing word > inherited
//!   leading word > degree column.
//! * Titles in `《…》` are ignored; other title text between a reference and its
//!   degree word is skipped (it has no publisher prefix).
//! * A Chinese number before an international reference (`GB/T 2659-2000,eqv ISO …`)
//!   is the subject of the declaration and is dropped when an international reference
//!   is present.
//! * `Amd 1:2008` after a reference (`ISO 6789:2003 + Amd 1:2008`) becomes a supplement
//!   of that reference; a bare ITU designation after `、` (`ITU-T G.957、G.958`)
//!   inherits the ITU publisher.
//! * `ISO/IEC Directives, Part 2 2018 …` is kept as an `ISO/IEC DIR 2:2018` reference
//!   and flagged in `issues` as a non-standard document.
//! * The overall degree is the weakest stated degree (IDT > MOD > EQV > NEQ >
//!   Reference), ignoring refs whose degree is unknown.

use std::fmt;
use std::str::FromStr;

use super::{normalize, DocType, StdRef};

/// Degree of correspondence (一致性程度). Serialised as its code (`IDT`,
/// `MOD`, `NEQ`, `EQV`, `REF`, `UNKNOWN`), like its `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Degree {
    /// Identical (等同采用).
    Idt,
    /// Modified (修改采用).
    Mod,
    /// Not equivalent (非等效采用).
    Neq,
    /// Legacy "equivalent" (等效采用, pre-2001).
    Eqv,
    /// Reference only (参照/参考), not an adoption.
    #[serde(rename = "REF")]
    Reference,
    /// Not stated or not recognised.
    Unknown,
}

impl Degree {
    /// True for the degrees counted as adoption: IDT, MOD, and EQV when `eqv_counts`.
    pub fn counts_as_adoption(self, eqv_counts: bool) -> bool {
        match self {
            Degree::Idt | Degree::Mod => true,
            Degree::Eqv => eqv_counts,
            _ => false,
        }
    }

    /// Closeness rank used for the overall degree (higher is closer).
    fn rank(self) -> u8 {
        match self {
            Degree::Idt => 5,
            Degree::Mod => 4,
            Degree::Eqv => 3,
            Degree::Neq => 2,
            Degree::Reference => 1,
            Degree::Unknown => 0,
        }
    }
}

impl fmt::Display for Degree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Degree::Idt => "IDT",
            Degree::Mod => "MOD",
            Degree::Neq => "NEQ",
            Degree::Eqv => "EQV",
            Degree::Reference => "REF",
            Degree::Unknown => "UNKNOWN",
        })
    }
}

/// Error returned when a degree token is not recognised.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unrecognised degree of correspondence {0:?}")]
pub struct UnknownDegree(pub String);

impl FromStr for Degree {
    type Err = UnknownDegree;
    /// Accepts the token table of DOMAIN §1.5 (case-insensitive), the catalogue
    /// symbols `≈` (MOD), `≡`/`=` (IDT), `≠` (NEQ), `REF`/`参照`/`参考` and `UNKNOWN`.
    fn from_str(s: &str) -> Result<Degree, UnknownDegree> {
        let n = normalize(s);
        let t = n.trim();
        let l = t.to_ascii_lowercase();
        Ok(match l.as_str() {
            "idt" | "identical" | "等同" | "等同采用" | "≡" | "=" => Degree::Idt,
            "mod" | "modified" | "修改" | "修改采用" | "≈" => Degree::Mod,
            "neq" | "not equivalent" | "non-equivalent" | "非等效" | "非等效采用" | "≠" => Degree::Neq,
            "eqv" | "equivalent" | "等效" | "等效采用" => Degree::Eqv,
            "ref" | "reference" | "参照" | "参考" | "参照采用" => Degree::Reference,
            "unknown" => Degree::Unknown,
            _ => return Err(UnknownDegree(s.to_string())),
        })
    }
}

/// One international reference found in a declaration.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DeclaredRef {
    /// The parsed reference.
    pub reference: StdRef,
    /// Its degree of correspondence.
    pub degree: Degree,
    /// The (normalised) fragment it came from.
    pub text: String,
}

/// A parsed declaration.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Declaration {
    /// The input text, unchanged.
    pub raw: String,
    /// References found, in order.
    pub refs: Vec<DeclaredRef>,
    /// Overall degree (weakest stated degree over `refs`; the stated degree when there
    /// are no refs; `Unknown` when nothing is stated).
    pub degree: Degree,
    /// Problems met (`no degree stated`, `unparsable: …`, `non-standard document: …`,
    /// `degree column says X, text says Y`).
    pub issues: Vec<String>,
}

impl Declaration {
    /// True when at least one reference was found and nothing was left unparsed.
    pub fn is_parsed(&self) -> bool {
        !self.refs.is_empty() && !self.issues.iter().any(|i| i.starts_with("unparsable"))
    }

    /// True when the declaration text is blank and no reference was found.
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty() && self.raw.trim().is_empty()
    }
}

// ---------------------------------------------------------------------------------
// Cue words

const CN_CUES: &[(&str, Degree)] = &[
    ("非等效采用", Degree::Neq),
    ("非等效", Degree::Neq),
    ("等同采用", Degree::Idt),
    ("等同", Degree::Idt),
    ("修改采用", Degree::Mod),
    ("修改", Degree::Mod),
    ("等效采用", Degree::Eqv),
    ("等效", Degree::Eqv),
    ("参照采用", Degree::Reference),
    ("参照", Degree::Reference),
    ("参考", Degree::Reference),
    ("≈", Degree::Mod),
    ("≡", Degree::Idt),
    ("≠", Degree::Neq),
    ("=", Degree::Idt),
];

const EN_CUES: &[(&str, Degree)] = &[
    ("not equivalent", Degree::Neq),
    ("non-equivalent", Degree::Neq),
    ("identical", Degree::Idt),
    ("modified", Degree::Mod),
    ("equivalent", Degree::Eqv),
    ("idt", Degree::Idt),
    ("mod", Degree::Mod),
    ("neq", Degree::Neq),
    ("eqv", Degree::Eqv),
];

const NOISE: &[&str] = &[
    "本文件",
    "本标准",
    "本部分",
    "本规范",
    "本指导性技术文件",
    "该标准",
    "主要",
    "国际标准",
    "采用",
    "制定",
    "编制",
    "起草",
    "的",
    "。",
    ":",
    "：",
];

fn strip_noise_start(mut s: &str) -> &str {
    loop {
        let t = s.trim_start();
        let mut hit = false;
        for n in NOISE {
            if let Some(x) = t.strip_prefix(n) {
                s = x;
                hit = true;
                break;
            }
        }
        if !hit {
            return t;
        }
    }
}

fn strip_noise_end(mut s: &str) -> &str {
    loop {
        let t = s.trim_end();
        let mut hit = false;
        for n in NOISE {
            if let Some(x) = t.strip_suffix(n) {
                s = x;
                hit = true;
                break;
            }
        }
        if !hit {
            return t;
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Leading cue at the start of `s` (after noise). Returns (degree, rest).
fn lead_cue(s: &str) -> Option<(Degree, &str)> {
    let t = strip_noise_start(s);
    for (c, d) in CN_CUES {
        if let Some(x) = t.strip_prefix(c) {
            return Some((*d, strip_noise_start(x)));
        }
    }
    for (c, d) in EN_CUES {
        if t.len() >= c.len() && t.is_char_boundary(c.len()) && t[..c.len()].eq_ignore_ascii_case(c) {
            let x = &t[c.len()..];
            if !x.starts_with(is_word_char) {
                return Some((*d, strip_noise_start(x)));
            }
        }
    }
    None
}

/// Trailing cue at the end of `s`. Returns (degree, rest).
fn trail_cue(s: &str) -> Option<(Degree, &str)> {
    let t = strip_noise_end(s);
    for (c, d) in EN_CUES.iter().chain(CN_CUES.iter()) {
        if t.len() >= c.len() && t.is_char_boundary(t.len() - c.len()) {
            let (a, b) = t.split_at(t.len() - c.len());
            if b.eq_ignore_ascii_case(c) && !a.ends_with(is_word_char) {
                // Symbols are only leading cues.
                if matches!(*c, "≈" | "≡" | "≠" | "=") {
                    continue;
                }
                return Some((*d, strip_noise_end(a)));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------
// Reference finding

const PREFIXES: &[&str] = &[
    "ISO", "IEC", "CISPR", "ITU-", "IWA", "CCITT", "CCIR", "REC. ITU", "EN ", "BS ", "DIN ", "JIS ", "ANSI", "IEEE",
    "ASTM", "3GPP", "ETSI", "NF ", "ASME", "SAE ", "UL ", "API ", "IPC", "JEDEC", "EIA", "TIA", "CEN", "IETF", "RFC",
    "OIML",
];

fn is_cn_start(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() >= 4 && b[..2].eq_ignore_ascii_case(b"DB") && b[2].is_ascii_digit() {
        return true;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters != 2 && letters != 3 {
        return false;
    }
    let code = t[..letters].to_ascii_uppercase();
    let known = super::sectors::sector(&code).is_some() || code == "YDN" || code == "YDJ";
    if !known {
        return false;
    }
    let rest = &t[letters..];
    let rest = rest
        .strip_prefix("/T")
        .or_else(|| rest.strip_prefix("/Z"))
        .or_else(|| rest.strip_prefix("/t"))
        .or_else(|| rest.strip_prefix("/z"))
        .unwrap_or(rest);
    rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Byte index of the first reference prefix at a word start.
fn find_ref_start(s: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let word_start = !prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '/' || p == '-' || p == '.');
        prev = Some(c);
        if !word_start || !c.is_ascii_alphanumeric() {
            continue;
        }
        let t = &s[i..];
        let up: String = t.chars().take(9).collect::<String>().to_ascii_uppercase();
        for p in PREFIXES {
            if let Some(rest) = up.strip_prefix(p) {
                // Whole-word check for short alphabetic prefixes.
                let after = rest.chars().next();
                let ok = p.ends_with(' ') || p.ends_with('-') || !after.is_some_and(|a| a.is_ascii_alphabetic());
                if ok {
                    return Some(i);
                }
            }
        }
        if is_cn_start(t) {
            return Some(i);
        }
    }
    None
}

const REF_WORDS: &[&str] = &[
    "ISO",
    "IEC",
    "CISPR",
    "ITU-T",
    "ITU-R",
    "IWA",
    "CCITT",
    "CCIR",
    "REC.",
    "EN",
    "BS",
    "DIN",
    "JIS",
    "TS",
    "TR",
    "PAS",
    "GUIDE",
    "ISP",
    "DIS",
    "FDIS",
    "CD",
    "WD",
    "AWI",
    "NP",
    "PWI",
    "DTS",
    "DTR",
    "DPAS",
    "AMD",
    "AMD.",
    "COR",
    "COR.",
    "ADD",
    "ADD.",
    "SUPPL",
    "SUPPL.",
    "TECHNICAL",
    "ANNEX",
    "APP.",
    "BIS",
    "TER",
    "CSV",
    "RLV",
    "CMV",
    "EXV",
    "SER",
    "+",
    "|",
    "DAM",
    "FDAM",
    "ERR.",
];

/// Length (bytes) of the reference starting at the beginning of `s`.
fn ref_len(s: &str) -> usize {
    // Stop at the first non-ASCII character (CJK title, 《 …).
    let ascii_end = s.char_indices().find(|(_, c)| !c.is_ascii()).map(|(i, _)| i).unwrap_or(s.len());
    let t = &s[..ascii_end];
    let mut end = 0;
    let mut first = true;
    let mut pos = 0;
    for w in t.split(' ') {
        let start = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let up = w.to_ascii_uppercase();
        let core = up.trim_start_matches(['/', '+']);
        let keep = first
            || core.is_empty()
            || w.chars().any(|c| c.is_ascii_digit())
            || REF_WORDS.contains(&core)
            || REF_WORDS.iter().any(|r| core.starts_with(&format!("{r}/")))
            || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()));
        if !keep {
            break;
        }
        first = false;
        end = start + w.len();
    }
    end.min(t.len())
}

// ---------------------------------------------------------------------------------
// Segmentation

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sep {
    Strong,
    Weak,
}

/// Removes `《…》` titles and non-date parentheses.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '《' => depth += 1,
            '》' => {
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    // Parentheses: keep `(11/1988)`, `(2008)`, `(V2)`, `(E)`; drop the others.
    let chars: Vec<char> = out.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut stack: Vec<(usize, bool)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '(' {
            let next = chars.get(i + 1).copied();
            let next2 = chars.get(i + 2).copied();
            let datey = next.is_some_and(|n| n.is_ascii_digit())
                || (matches!(next, Some('V' | 'v')) && next2.is_some_and(|n| n.is_ascii_digit()))
                || (next.is_some_and(|n| n.is_ascii_uppercase()) && next2 == Some(')'));
            stack.push((i, datey));
            if !datey {
                keep[i] = false;
            }
        } else if c == ')' {
            match stack.pop() {
                Some((_, true)) => {}
                _ => keep[i] = false,
            }
        }
    }
    chars.iter().zip(keep).map(|(&c, k)| if k { c } else { ' ' }).collect()
}

fn segments(s: &str) -> Vec<(Sep, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<(Sep, String)> = Vec::new();
    let mut cur = String::new();
    let mut sep = Sep::Strong;
    let mut i = 0;
    let starts_ref_at = |k: usize| {
        let rest: String = chars[k..].iter().take(12).collect();
        find_ref_start(&rest) == Some(0)
    };
    while i < chars.len() {
        let c = chars[i];
        let (is_sep, strength, skip) = match c {
            ';' | '；' => (true, Sep::Strong, 1),
            ',' | '，' | '、' | '和' | '及' => (true, Sep::Weak, 1),
            '/' => {
                let prev = cur.trim_end().chars().last();
                let next_start = (i + 1..chars.len()).find(|&k| chars[k] != ' ');
                let split =
                    prev.is_some_and(|p| p.is_ascii_digit() || p == ')') && next_start.is_some_and(starts_ref_at);
                (split, Sep::Weak, 1)
            }
            ' ' => {
                let word: String = chars[i..].iter().take(5).collect();
                if word.eq_ignore_ascii_case(" and ") {
                    (true, Sep::Weak, 5)
                } else {
                    (false, Sep::Weak, 1)
                }
            }
            _ => (false, Sep::Weak, 1),
        };
        if is_sep {
            out.push((sep, std::mem::take(&mut cur)));
            sep = strength;
            i += skip;
            continue;
        }
        cur.push(c);
        i += 1;
    }
    out.push((sep, cur));
    out.into_iter().map(|(s, t)| (s, t.trim().to_string())).collect()
}

fn starts_with_supp(s: &str) -> bool {
    let t = s.trim_start_matches(['+', '/', ' ']);
    let l = t.to_ascii_lowercase();
    ["amd", "cor", "add", "technical cor", "suppl", "err."].iter().any(|k| l.starts_with(k))
        && t.chars().any(|c| c.is_ascii_digit() || c == ':')
}

fn looks_itu_designation(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    (1..=3).contains(&letters)
        && b.get(letters) == Some(&b'.')
        && b.get(letters + 1).is_some_and(|c| c.is_ascii_digit())
}

struct Pending {
    reference: StdRef,
    text: String,
    own: Option<Degree>,
    inherited: Option<Degree>,
    trail: Option<Degree>,
}

/// Parses a declaration text, with an optional separate degree column (采用程度).
/// Never panics; `raw` always keeps the input.
pub fn parse_declaration(text: &str, degree_column: Option<&str>) -> Declaration {
    let mut issues: Vec<String> = Vec::new();
    let column = match degree_column.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => match c.parse::<Degree>() {
            Ok(d) => Some(d),
            Err(_) => {
                // The column may itself carry a phrase such as `IDT ISO 9001`.
                let d = lead_cue(&normalize(c)).map(|(d, _)| d);
                if d.is_none() {
                    issues.push(format!("unrecognised degree column: {c}"));
                }
                d
            }
        },
        None => None,
    };
    let norm = normalize(text);
    let cleaned = clean(&norm);
    let segs = segments(&cleaned);

    let mut pend: Vec<Pending> = Vec::new();
    let mut cn_subjects = 0usize;
    let mut lead: Option<Degree> = None;
    let mut trail_from = 0usize; // index in pend of the first ref without a trailing cue
    let mut any_cue: Option<Degree> = None;
    let mut unparsed: Vec<String> = Vec::new();

    for (k, (sep, seg)) in segs.iter().enumerate() {
        if *sep == Sep::Strong {
            lead = None;
            trail_from = pend.len();
        }
        let mut s: &str = seg.as_str();
        if s.is_empty() {
            continue;
        }
        // Trailing cue.
        let mut trail: Option<Degree> = None;
        if let Some((d, rest)) = trail_cue(s) {
            trail = Some(d);
            s = rest;
        }
        // Leading cue.
        let mut own: Option<Degree> = None;
        if let Some((d, rest)) = lead_cue(s) {
            own = Some(d);
            s = rest;
        }
        any_cue = any_cue.or(own).or(trail);
        let before = pend.len();
        // Directives (non-standard document).
        let up = s.to_ascii_uppercase();
        if up.contains("DIRECTIVES") && (up.contains("ISO") || up.contains("IEC")) {
            let mut ctx = s.to_string();
            if let Some((_, next)) = segs.get(k + 1) {
                ctx.push(' ');
                ctx.push_str(next);
            }
            let part = find_after(&ctx, "PART");
            let year = find_year(&ctx);
            let mut id = String::from("ISO/IEC DIR");
            if let Some(p) = part {
                id.push_str(&format!(" {p}"));
            }
            if let Some(y) = year {
                id.push_str(&format!(":{y}"));
            }
            issues.push(format!("non-standard document: {seg}"));
            let mut r = StdRef::blank(super::Family::IsoIec, "ISO/IEC");
            r.doc_type = DocType::Dir;
            r.number = part.map(|p| p.to_string()).unwrap_or_default();
            r.year = year;
            r.flags.verbatim = true;
            pend.push(Pending { reference: r, text: seg.clone(), own, inherited: lead, trail: None });
        } else {
            // References in this segment.
            let mut rest = s;
            let mut found_any = false;
            while let Some(st) = find_ref_start(rest) {
                let t = &rest[st..];
                let len = ref_len(t);
                if len == 0 {
                    break;
                }
                let frag = t[..len].trim();
                rest = &t[len..];
                if !frag.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                match StdRef::parse(frag) {
                    Ok(r) => {
                        found_any = true;
                        if r.is_chinese() {
                            cn_subjects += 1;
                        }
                        pend.push(Pending { reference: r, text: seg.clone(), own, inherited: lead, trail: None });
                    }
                    Err(_) => unparsed.push(frag.to_string()),
                }
            }
            if !found_any {
                let bare = s.trim();
                let last_is_itu = pend
                    .last()
                    .is_some_and(|p| matches!(p.reference.family, super::Family::ItuT | super::Family::ItuR));
                if starts_with_supp(bare) && !pend.is_empty() {
                    if let Some(p) = pend.last_mut() {
                        let glue = if last_is_itu { " " } else { "/" };
                        let supp = bare.trim_start_matches(['+', '/', ' ']);
                        let cand = format!("{}{}{}", p.reference, glue, &supp[..ref_len(supp)]);
                        if let Ok(r) = StdRef::parse(&cand) {
                            if r.supplements.len() > p.reference.supplements.len() {
                                p.reference = r;
                            }
                        }
                    }
                } else if last_is_itu && looks_itu_designation(bare) {
                    let publisher = pend.last().map(|p| p.reference.publisher.clone());
                    let cand = format!("{} {}", publisher.unwrap_or_default(), &bare[..ref_len(bare)]);
                    if let Ok(r) = StdRef::parse(&cand) {
                        pend.push(Pending { reference: r, text: seg.clone(), own, inherited: lead, trail: None });
                    }
                }
            }
        }
        let added = pend.len() > before;
        if let Some(d) = own {
            if added {
                lead = Some(d);
            } else if pend.len() > trail_from {
                // A bare cue after references acts as a trailing cue.
                trail = trail.or(Some(d));
            } else {
                lead = Some(d);
            }
        }
        if let Some(d) = trail {
            if pend.len() > trail_from {
                for p in pend.iter_mut().skip(trail_from) {
                    p.trail = Some(d);
                }
                trail_from = pend.len();
            } else {
                lead = Some(d);
            }
        }
    }

    // Drop the Chinese subject numbers when international references exist.
    let has_intl = pend.iter().any(|p| !p.reference.is_chinese());
    if has_intl && cn_subjects > 0 {
        pend.retain(|p| !p.reference.is_chinese());
    }

    let mut refs: Vec<DeclaredRef> = Vec::new();
    let mut disagreements: Vec<String> = Vec::new();
    let mut missing = false;
    for p in pend {
        let text_degree = p.own.or(p.trail).or(p.inherited);
        let degree = text_degree.or(column).unwrap_or(Degree::Unknown);
        if let (Some(t), Some(c)) = (text_degree, column) {
            if t != c {
                let msg = format!("degree column says {c}, text says {t}");
                if !disagreements.contains(&msg) {
                    disagreements.push(msg);
                }
            }
        }
        if degree == Degree::Unknown {
            missing = true;
        }
        refs.push(DeclaredRef { reference: p.reference, degree, text: p.text });
    }
    issues.extend(disagreements);
    let known: Vec<Degree> = refs.iter().map(|r| r.degree).filter(|d| *d != Degree::Unknown).collect();
    let degree = if refs.is_empty() {
        any_cue.or(column).unwrap_or(Degree::Unknown)
    } else {
        known.iter().copied().min_by_key(|d| d.rank()).unwrap_or(Degree::Unknown)
    };
    if missing || (refs.is_empty() && degree == Degree::Unknown && !norm.trim().is_empty()) {
        issues.push("no degree stated".to_string());
    }
    for u in unparsed {
        issues.push(format!("unparsable fragment: {u}"));
    }
    if refs.is_empty() && !norm.trim().is_empty() {
        let only_cue = any_cue.is_some() && text.parse::<Degree>().is_ok();
        if !only_cue {
            issues.push(format!("unparsable: {}", norm.trim()));
        }
    }
    Declaration { raw: text.to_string(), refs, degree, issues }
}

/// Digits following `word` (case-insensitive), e.g. `Part 2` → `2`.
fn find_after(s: &str, word: &str) -> Option<u32> {
    let up = s.to_ascii_uppercase();
    let p = up.find(word)?;
    let rest = up.get(p + word.len()..)?.trim_start();
    let d: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
}

/// First 4-digit year 1947..=2035 standing alone or after `:`.
fn find_year(s: &str) -> Option<u16> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u16>().ok())
        .find(|y| (1947..=2035).contains(y))
}
