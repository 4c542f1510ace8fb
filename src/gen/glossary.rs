//! The Chinese ↔ English title glossary (`corpora/glossary/zh_en.tsv`) as
//! the generator uses it: a reverse (English → Chinese) phrase table for
//! building Chinese titles, and per-field vocabulary for synthetic
//! domestic-only titles.

use std::collections::HashMap;
use std::io::Read;

pub use crate::matching::glossary::GlossaryEntry;

/// A parsed glossary with a reverse index from English phrases.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    /// Lowercased English phrase → entry indices, in file order.
    by_en: HashMap<String, Vec<usize>>,
    /// Longest English phrase, in words.
    max_words: usize,
}

/// Words that carry no content in a title; they are neither translated nor
/// counted when measuring coverage.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "by", "with", "from", "at", "as", "its", "their",
    "into", "under", "between", "other", "than", "using", "based", "part", "general", "specific",
];

fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Result of translating an English title into Chinese.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The Chinese title (may be empty when nothing could be translated).
    pub zh: String,
    /// Content words of the English title.
    pub content_words: usize,
    /// Content words covered by glossary phrases.
    pub covered_words: usize,
}

impl Translation {
    /// Share of content words covered (1 when there are none).
    pub fn coverage(&self) -> f64 {
        if self.content_words == 0 {
            1.0
        } else {
            self.covered_words as f64 / self.content_words as f64
        }
    }
}

impl Glossary {
    /// Parses the TSV text (see [`crate::matching::glossary::parse_entries`]).
    pub fn parse(text: &str) -> crate::error::Result<Glossary> {
        Ok(Glossary::from_entries(crate::matching::glossary::parse_entries(text)?))
    }

    /// Reads and parses a glossary from any reader (UTF-8).
    pub fn from_reader(mut r: impl Read) -> crate::error::Result<Glossary> {
        let mut s = String::new();
        r.read_to_string(&mut s).map_err(|e| crate::error::Error::io("glossary", e))?;
        Glossary::parse(&s)
    }

    /// Builds a glossary from entries (tests, embedded vocabularies).
    pub fn from_entries(entries: Vec<GlossaryEntry>) -> Glossary {
        let mut g = Glossary { entries, ..Glossary::default() };
        g.build_index();
        g
    }

    fn build_index(&mut self) {
        self.by_en.clear();
        self.max_words = 0;
        for (i, e) in self.entries.iter().enumerate() {
            for alt in &e.en {
                let key = phrase_key(alt);
                if key.is_empty() {
                    continue;
                }
                self.max_words = self.max_words.max(key.split(' ').count());
                let v = self.by_en.entry(key).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
    }

    /// All entries in file order.
    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the glossary has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The Chinese term for an English phrase, preferring an entry of
    /// `field`, then a general (`00`) one, then the first.
    fn lookup(&self, key: &str, field: &str) -> Option<&GlossaryEntry> {
        let ids = self.by_en.get(key)?;
        let best = ids
            .iter()
            .find(|&&i| self.entries[i].field == field)
            .or_else(|| ids.iter().find(|&&i| self.entries[i].field == "00"))
            .or_else(|| ids.first())?;
        Some(&self.entries[*best])
    }

    /// Translates an English title into a Chinese one: title elements
    /// (split on ` - `) are translated separately and joined with a space;
    /// `Part n: X` becomes `第n部分：X`. Inside an element, phrases are
    /// matched greedily, longest first, against the English column; then
    /// `X for Y`, `X of Y`, `X at Y` become `Y X` (Chinese puts the object
    /// first). Unmatched lowercase words are dropped, unmatched acronyms
    /// and numbers kept.
    pub fn translate(&self, title_en: &str, field: &str) -> Translation {
        let mut out = Translation { zh: String::new(), content_words: 0, covered_words: 0 };
        let mut elements = Vec::new();
        for el in title_en.split(" - ") {
            let el = el.trim();
            if el.is_empty() {
                continue;
            }
            let (prefix, body) = split_part_prefix(el);
            let mut zh = String::new();
            if let Some(p) = prefix {
                zh.push_str(&format!("第{p}部分："));
            }
            zh.push_str(&self.translate_phrase(body, field, &mut out));
            if !zh.is_empty() {
                elements.push(zh);
            }
        }
        out.zh = elements.join(" ");
        out
    }

    fn translate_phrase(&self, s: &str, field: &str, acc: &mut Translation) -> String {
        // Parenthesised glosses (`(electromagnetic compatibility)`) repeat
        // what precedes them and are dropped, except acronyms, which Chinese
        // titles keep as they are: `Polyethylene (PE)` → `聚乙烯(PE)`.
        let mut depth = 0usize;
        let mut words: Vec<String> = Vec::new();
        for w in tokenize(s) {
            match w.as_str() {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ if depth == 0 => words.push(w),
                _ if depth == 1 && is_acronym(&w) => words.push(format!("({w})")),
                _ => {}
            }
        }
        let keys: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut segs = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let k = &keys[i];
            if k.chars().all(|c| !c.is_alphanumeric()) {
                segs.push(Seg::Word(k.clone(), words[i].clone()));
                i += 1;
                continue;
            }
            let mut matched = false;
            let max = self.max_words.min(words.len() - i);
            let min = if is_stopword(k) { 2 } else { 1 };
            for len in (min..=max).rev() {
                let phrase = keys[i..i + len].join(" ");
                let hit = self
                    .lookup(&phrase, field)
                    .or_else(|| singular(&phrase).and_then(|p| self.lookup(&p, field)))
                    .or_else(|| self.lookup(&format!("{phrase}s"), field));
                if let Some(e) = hit {
                    let content = keys[i..i + len].iter().filter(|w| is_content(w)).count();
                    acc.content_words += content;
                    acc.covered_words += content;
                    segs.push(Seg::Zh(e.zh.clone()));
                    i += len;
                    matched = true;
                    break;
                }
            }
            if !matched {
                if is_content(k) {
                    acc.content_words += 1;
                }
                segs.push(Seg::Word(k.clone(), words[i].clone()));
                i += 1;
            }
        }
        render(&segs, 0)
    }

    /// Entries of a field usable as product or subject nouns in synthetic
    /// titles: Chinese term of 2–8 characters, no general (`00`) entries,
    /// no test/method/requirement vocabulary.
    pub fn nouns_of_field(&self, field: &str) -> Vec<&GlossaryEntry> {
        const SKIP_ZH: &[&str] = &["试验", "方法", "要求", "测定", "规范", "术语", "指南", "测量"];
        self.entries
            .iter()
            .filter(|e| e.field == field)
            .filter(|e| {
                let n = e.zh.chars().count();
                (2..=8).contains(&n) && !SKIP_ZH.iter().any(|s| e.zh.ends_with(s))
            })
            .filter(|e| !e.en[0].contains("test") && !e.en[0].contains("method"))
            .collect()
    }
}

/// A piece of a segmented English phrase.
enum Seg {
    /// A glossary phrase, already in Chinese.
    Zh(String),
    /// An unmatched word: lowercase key and original spelling.
    Word(String, String),
}

/// Renders segments in Chinese order: `X for Y` and `X of Y` become `Y X`
/// (first `for`, else first `of`, else first `at`), `and` becomes `和`, other stopwords and
/// unmatched lowercase words are dropped, acronyms and numbers kept.
fn render(segs: &[Seg], depth: u8) -> String {
    if depth < 6 {
        for sep in ["for", "of", "at"] {
            if let Some(pos) = segs.iter().position(|s| matches!(s, Seg::Word(k, _) if k == sep)) {
                let right = render(&segs[pos + 1..], depth + 1);
                let left = render(&segs[..pos], depth + 1);
                let glue = right.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && left.starts_with(|c: char| c.is_ascii_alphanumeric());
                return format!("{right}{}{left}", if glue { " " } else { "" });
            }
        }
    }
    let mut zh = String::new();
    let mut last_term = "";
    for (i, s) in segs.iter().enumerate() {
        match s {
            Seg::Zh(z) => {
                // "Electric motor-operated" → 电动 电动: a term repeated
                // back to back is written once, as a translator would.
                if z != last_term {
                    zh.push_str(z);
                }
                last_term = z;
            }
            Seg::Word(k, w) => {
                if k == "and" || k == "&" {
                    if !zh.is_empty() && !zh.ends_with('和') && i + 1 < segs.len() {
                        zh.push('和');
                    }
                    continue;
                }
                // Acronyms, numbers and type letters (`Type N`) are kept.
                let letter = i > 0 && w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
                if (is_acronym(w) || letter) && !is_stopword(k) {
                    // Latin tokens stay apart (`B-ISDN 7`, not `B-ISDN7`).
                    if zh.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                        zh.push(' ');
                    }
                    zh.push_str(w);
                    last_term = "";
                }
            }
        }
    }
    zh.trim_end_matches('和').to_string()
}

/// A token Chinese titles keep in Latin script: it has a digit or two
/// capitals (`PE`, `IPv6`, `X.25`, `R134a`).
fn is_acronym(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || w.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// Splits `Part 2: Title` / `Part 2-12: Title` into (`2`, `Title`).
pub(crate) fn split_part_prefix(el: &str) -> (Option<&str>, &str) {
    if let Some(rest) = el.strip_prefix("Part ") {
        if let Some((num, body)) = rest.split_once(':') {
            let num = num.trim();
            if !num.is_empty() && num.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return (Some(num), body.trim());
            }
        }
    }
    (None, el)
}

fn is_content(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() > 2 && !is_stopword(w)
}

fn phrase_key(s: &str) -> String {
    tokenize(s).iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ")
}

/// Splits on whitespace and detaches `,;:()[]"` so they are separate tokens.
fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let mut cur = String::new();
        for c in w.chars() {
            if matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"') {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                out.push(c.to_string());
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// Singular of the last word of a phrase (`cables` → `cable`,
/// `boxes` → `box`, `properties` → `property`), if it looks plural.
fn singular(phrase: &str) -> Option<String> {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (Some(h), l),
        None => (None, phrase),
    };
    let s = if let Some(stem) = last.strip_suffix("ies") {
        format!("{stem}y")
    } else if last.ends_with("sses") || last.ends_with("xes") || last.ends_with("ches") {
        last[..last.len() - 2].to_string()
    } else if last.ends_with('s') && !last.ends_with("ss") && last.len() > 3 {
        last[..last.len() - 1].to_string()
    } else {
        return None;
    };
    Some(match head {
        Some(h) => format!("{h} {s}"),
        None => s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "zh\ten\tfield\tnote\n\
        金属材料\tmetallic materials\t77\t\n\
        拉伸试验\ttensile testing\t77\t\n\
        室温\troom temperature\t77\t\n\
        试验方法\tmethod of test|test methods\t00\t\n\
        光缆\toptical fibre cables|optical cable\t33\t\n\
        信息技术\tinformation technology\t00\t\n";

    #[test]
    fn translates_with_parts_and_reordering() {
        let g = Glossary::parse(TSV).unwrap();
        assert_eq!(g.len(), 6);
        let t = g.translate("Metallic materials - Tensile testing - Part 1: Method of test at room temperature", "77");
        assert_eq!(t.zh, "金属材料 拉伸试验 第1部分：室温试验方法");
        assert!(t.coverage() > 0.5, "{t:?}");
        let t = g.translate("Optical fibre cable", "33");
        assert_eq!(t.zh, "光缆");
        assert_eq!(t.coverage(), 1.0);
    }

    #[test]
    fn uncovered_words_lower_coverage() {
        let g = Glossary::parse(TSV).unwrap();
        let t = g.translate("Zygomorphic widgets for IPv6", "35");
        assert_eq!(t.zh, "IPv6");
        assert!(t.coverage() < 0.5);
    }
}
