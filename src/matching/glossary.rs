//! The zh↔en standards terminology glossary and Chinese-title translation.
//!
//! The glossary (`corpora/glossary/zh_en.tsv`, columns `zh en field note`,
//! `|` between English alternatives) maps Chinese title terms to English.
//! [`Glossary::translate`] segments each run of Han characters into the
//! glossary terms that cover the most characters with the fewest terms (so
//! 拉伸试验 wins over 拉伸 + 试验) and emits the English words of every
//! matched term, keeping Latin tokens (`PE`, `X.25`) and `第n部分` as `part n`. Characters no term covers are reported as
//! uncovered, so a caller can tell how much of a title was understood.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// A loaded glossary.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Chinese term → English alternatives (first is the main one).
    terms: HashMap<String, Vec<String>>,
    /// Longest Chinese term, in characters.
    max_len: usize,
}

/// A Chinese title in English words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translation {
    /// English text: the main rendering of each matched term, in title order.
    pub text: String,
    /// Extra words from alternative renderings (for candidate retrieval).
    pub alternatives: String,
    /// Share of the title's Han characters covered by glossary terms, in [0, 1].
    pub coverage: f64,
    /// Every rendering of each matched term, in title order (the first is the
    /// main one), so that a comparison can pick, per term, the rendering a
    /// candidate title uses.
    pub terms: Vec<Vec<String>>,
}

/// One glossary line: a Chinese term, its English renderings (main one
/// first) and the two-digit ICS field it belongs to (`00` = general).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// Chinese term.
    pub zh: String,
    /// English renderings, main one first, as in the file.
    pub en: Vec<String>,
    /// Two-digit ICS field, `00` for general title vocabulary (and when the
    /// column is empty).
    pub field: String,
}

/// Parses the glossary TSV (`zh<TAB>en[<TAB>field<TAB>note]`, `|` between
/// English alternatives) into its lines, in file order. The header line,
/// blank lines and lines starting with `#` are skipped, as are lines with
/// an empty term or no rendering; a line without a TAB is an error (with
/// its line number). A UTF-8 byte-order mark is ignored. Both the matcher
/// ([`Glossary`], Chinese → English) and the generator
/// ([`crate::gen::Glossary`], English → Chinese) read the file through this.
pub fn parse_entries(text: &str) -> Result<Vec<GlossaryEntry>> {
    let mut out = Vec::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if i == 0 && line.starts_with("zh\t") {
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(zh), Some(en)) = (cols.next(), cols.next()) else {
            return Err(Error::invalid("glossary", format!("line {}: expected `zh<TAB>en`", i + 1)));
        };
        let zh = zh.trim();
        let en: Vec<String> = en.split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        if zh.is_empty() || en.is_empty() {
            continue;
        }
        let field = cols.next().map(str::trim).filter(|f| !f.is_empty()).unwrap_or("00");
        out.push(GlossaryEntry { zh: zh.to_string(), en, field: field.to_string() });
    }
    Ok(out)
}

impl Glossary {
    /// Parses the TSV text (see [`parse_entries`]).
    pub fn parse(text: &str) -> Result<Glossary> {
        let mut g = Glossary::default();
        for e in parse_entries(text)? {
            g.max_len = g.max_len.max(e.zh.chars().count());
            g.terms.insert(e.zh, e.en);
        }
        Ok(g)
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the glossary is empty.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// English renderings of one Chinese term.
    pub fn get(&self, zh: &str) -> Option<&[String]> {
        self.terms.get(zh).map(Vec::as_slice)
    }

    /// Iterates over (Chinese, English alternatives).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.terms.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Translates a Chinese title into English words.
    ///
    /// ```
    /// use stdalign::matching::glossary::Glossary;
    /// let g = Glossary::parse("zh\ten\tfield\tnote\n金属材料\tmetallic materials\t77\t\n拉伸试验\ttensile testing|tensile test\t77\t\n室温\troom temperature\t77\t\n试验方法\ttest method\t00\t\n").unwrap();
    /// let t = g.translate("金属材料 拉伸试验 第1部分：室温试验方法");
    /// assert_eq!(t.text, "metallic materials tensile testing part 1 room temperature test method");
    /// assert!(t.coverage > 0.99);
    /// ```
    pub fn translate(&self, zh: &str) -> Translation {
        let chars: Vec<char> = zh.chars().collect();
        let mut words: Vec<String> = Vec::new();
        let mut alts: Vec<String> = Vec::new();
        let mut terms: Vec<Vec<String>> = Vec::new();
        let (mut han, mut covered) = (0usize, 0usize);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            // 第n部分 → part n
            if c == '第' {
                let mut j = i + 1;
                let mut num = String::new();
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '-' || chars[j].is_whitespace()) {
                    if !chars[j].is_whitespace() {
                        num.push(chars[j]);
                    }
                    j += 1;
                }
                if !num.is_empty() && j + 1 < chars.len() && chars[j] == '部' && chars[j + 1] == '分' {
                    words.push(format!("part {num}"));
                    terms.push(vec![format!("part {num}")]);
                    han += 3;
                    covered += 3;
                    i = j + 2;
                    continue;
                }
            }
            if !is_han(c) {
                // Latin letters and digits inside Chinese titles (`IP`, `5G`,
                // `R134a`) are kept as they are.
                if c.is_alphanumeric() {
                    let mut j = i;
                    let mut w = String::new();
                    while j < chars.len() && !is_han(chars[j]) && (chars[j].is_alphanumeric() || chars[j] == '.') {
                        w.push(chars[j]);
                        j += 1;
                    }
                    terms.push(vec![w.clone()]);
                    words.push(w);
                    i = j;
                } else {
                    i += 1;
                }
                continue;
            }
            // A run of Han characters, segmented as a whole (see `segment`).
            let mut j = i + 1;
            while j < chars.len() && is_han(chars[j]) && !(chars[j] == '第' && part_marker_at(&chars, j)) {
                j += 1;
            }
            han += j - i;
            for (start, len) in self.segment(&chars[i..j]) {
                let cand: String = chars[i + start..i + start + len].iter().collect();
                if let Some(en) = self.terms.get(&cand) {
                    words.push(en[0].clone());
                    alts.extend(en.iter().skip(1).cloned());
                    terms.push(en.clone());
                    covered += len;
                }
            }
            i = j;
        }
        Translation {
            text: words.join(" "),
            alternatives: alts.join(" "),
            coverage: if han == 0 { 0.0 } else { covered as f64 / han as f64 },
            terms,
        }
    }
}

impl Glossary {
    /// Segments a run of Han characters into glossary terms: the segmentation
    /// that covers the most characters, then uses the fewest terms (so a known
    /// phrase beats its parts), then prefers the longer term first. Unlike
    /// greedy forward maximum matching, a long term that swallows the first
    /// character of the next word (电阻 + 痕量 vs 电 + 阻痕) does not win when
    /// it leaves characters uncovered. Returns (start, length) of each term.
    fn segment(&self, run: &[char]) -> Vec<(usize, usize)> {
        let n = run.len();
        // best[k]: (covered, -terms) over run[k..], and the term length taken at k (0 = skip).
        let mut best: Vec<(usize, i64)> = vec![(0, 0); n + 1];
        let mut take = vec![0usize; n + 1];
        let mut buf = String::new();
        for k in (0..n).rev() {
            best[k] = best[k + 1];
            take[k] = 0;
            buf.clear();
            for len in 1..=self.max_len.min(n - k) {
                buf.push(run[k + len - 1]);
                if !self.terms.contains_key(buf.as_str()) {
                    continue;
                }
                let (c, t) = best[k + len];
                let cand = (c + len, t - 1);
                if cand >= best[k] {
                    best[k] = cand;
                    take[k] = len;
                }
            }
        }
        let mut out = Vec::new();
        let mut k = 0;
        while k < n {
            if take[k] == 0 {
                k += 1;
            } else {
                out.push((k, take[k]));
                k += take[k];
            }
        }
        out
    }
}

/// Whether `第n部分` starts at `i`.
fn part_marker_at(chars: &[char], i: usize) -> bool {
    let mut j = i + 1;
    let mut digits = 0;
    while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '-' || chars[j].is_whitespace()) {
        digits += usize::from(chars[j].is_ascii_digit());
        j += 1;
    }
    digits > 0 && j + 1 < chars.len() && chars[j] == '部' && chars[j + 1] == '分'
}

/// Whether a character is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_glossary_loads_and_covers_common_titles() {
        let text = include_str!("../../corpora/glossary/zh_en.tsv");
        let g = Glossary::parse(text).unwrap();
        assert!(g.len() >= 1500, "{}", g.len());
        let t = g.translate("信息技术 安全技术 信息安全管理体系 要求");
        assert!(t.coverage > 0.9, "{t:?}");
        assert!(t.text.contains("information technology"), "{t:?}");
    }

    #[test]
    fn uncovered_characters_lower_coverage() {
        let g = Glossary::parse("zh\ten\n钢\tsteel\n").unwrap();
        let t = g.translate("钢丝绳");
        assert_eq!(t.text, "steel");
        assert!((t.coverage - 1.0 / 3.0).abs() < 1e-9);
    }
}
