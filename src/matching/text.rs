//! Title text for comparison: tokens, spelling folding, part numbers.
//!
//! English titles are lowercased, split on anything that is not a letter or
//! digit, folded to one spelling (`fibre`→`fiber`, `aluminium`→`aluminum`,
//! `colour`→`color`, `tyre`→`tire`, `-isation`→`-ization`), and stripped of a
//! plural `s`. Stop words (`and`, `of`, `for`, `the`…) are dropped. Numbers
//! stay, because `Part 1` and `R 1234yf` matter.

use std::collections::BTreeSet;

const STOP: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or", "the", "to", "with",
    "without", "under", "other", "than", "their", "be", "is", "are", "via", "per", "using", "used", "use",
];

/// Spelling variants folded to one form (British → American), applied to
/// whole tokens.
const SPELLING: &[(&str, &str)] = &[
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("aluminium", "aluminum"),
    ("colour", "color"),
    ("colours", "colors"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("centre", "center"),
    ("litre", "liter"),
    ("behaviour", "behavior"),
    ("sulphur", "sulfur"),
    ("grey", "gray"),
    ("programme", "program"),
    ("analyse", "analyze"),
    ("catalogue", "catalog"),
    ("modelling", "modeling"),
    ("labelling", "labeling"),
    ("travelling", "traveling"),
    ("vapour", "vapor"),
    ("mould", "mold"),
    ("moulds", "molds"),
    ("moulding", "molding"),
    ("defence", "defense"),
    ("licence", "license"),
    ("practise", "practice"),
    ("ageing", "aging"),
    ("artefact", "artifact"),
];

/// Words that standards titles use interchangeably, folded to one form
/// (applied after spelling and plural folding): national adoptions often
/// say "terminology" where ISO says "vocabulary", "apparatus" for
/// "equipment", "testing" for "test".
const INTERCHANGEABLE: &[(&str, &str)] = &[
    ("terminology", "vocabulary"),
    ("glossary", "vocabulary"),
    ("apparatu", "equipment"),
    ("apparatus", "equipment"),
    ("testing", "test"),
];

/// Folds one lowercase token to its comparison form.
pub fn fold_token(t: &str) -> String {
    let f = fold_spelling(t);
    match INTERCHANGEABLE.iter().find(|(from, _)| *from == f) {
        Some((_, to)) => (*to).to_string(),
        None => f,
    }
}

fn fold_spelling(t: &str) -> String {
    if let Some((_, us)) = SPELLING.iter().find(|(uk, _)| *uk == t) {
        return singular(us);
    }
    let mut s = t.to_string();
    for (uk, us) in [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("yse", "yze")] {
        if let Some(stem) = s.strip_suffix(uk) {
            if stem.len() >= 3 {
                s = format!("{stem}{us}");
            }
            break;
        }
    }
    singular(&s)
}

fn singular(t: &str) -> String {
    if t.len() > 4 && t.ends_with("ies") {
        return format!("{}y", &t[..t.len() - 3]);
    }
    if t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us") && !t.ends_with("is") {
        return t[..t.len() - 1].to_string();
    }
    t.to_string()
}

/// Whether a folded token is a stop word.
pub fn is_stop(t: &str) -> bool {
    STOP.contains(&t)
}

/// Content tokens of an English title, folded, in order (duplicates kept).
///
/// ```
/// use stdalign::matching::text::tokens;
/// assert_eq!(tokens("Optical fibres — Part 1: Measurement methods"),
///            vec!["optical", "fiber", "part", "1", "measurement", "method"]);
/// // a designator `A` is kept, the article is not
/// assert_eq!(tokens("Tests - Test A: Cold"), vec!["test", "test", "a", "cold"]);
/// assert_eq!(tokens("Part 2: A guide"), vec!["part", "2", "guide"]);
/// ```
pub fn tokens(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Whether the next word starts a title element (start, or after `-`,
    // `—`, `:`, `(` …): there a capital `A` is the article, elsewhere it is a
    // designator (`Test A: Cold`, `Product grades A and B`) and is kept.
    let mut element_start = true;
    for (is_word, piece) in split_keep(title) {
        if !is_word {
            if piece.chars().any(|c| !c.is_whitespace()) {
                element_start = true;
            }
            continue;
        }
        if piece == "A" && !element_start {
            out.push("a".to_string());
        } else {
            let t = fold_token(&piece.to_lowercase());
            if !is_stop(&t) {
                out.push(t);
            }
        }
        element_start = false;
    }
    out
}

/// Splits a string into alternating runs of alphanumeric and other
/// characters: `(is_word, run)`.
fn split_keep(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut word: Option<bool> = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric();
        match word {
            Some(prev) if prev != w => {
                out.push((prev, &s[start..i]));
                start = i;
            }
            _ => {}
        }
        word = Some(w);
    }
    if let Some(w) = word {
        out.push((w, &s[start..]));
    }
    out
}

/// Distinct content tokens.
pub fn token_set(title: &str) -> BTreeSet<String> {
    tokens(title).into_iter().collect()
}

/// Part numbers named in a title: `Part 1:`, `Part 4-2`, `第1部分`, `第 3 部分`.
///
/// ```
/// use stdalign::matching::text::title_parts;
/// assert_eq!(title_parts("Metallic materials - Part 1: Method"), vec!["1"]);
/// assert_eq!(title_parts("金属材料 拉伸试验 第1部分：室温试验方法"), vec!["1"]);
/// assert_eq!(title_parts("EMC - Part 4-2: Testing"), vec!["4-2"]);
/// ```
pub fn title_parts(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = title.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(pos) = rest.find("part ") {
        let after = &rest[pos + 5..];
        let num: String = after.chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '.').collect();
        let num = num.trim_end_matches(['-', '.']).to_string();
        if !num.is_empty() && num.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            out.push(num);
        }
        rest = after;
    }
    let mut rest = title;
    while let Some(pos) = rest.find('第') {
        let after = &rest[pos + '第'.len_utf8()..];
        let num: String =
            after.chars().filter(|c| !c.is_whitespace()).take_while(|c| c.is_ascii_digit() || *c == '-').collect();
        let tail: String = after.chars().filter(|c| !c.is_whitespace()).skip(num.chars().count()).take(2).collect();
        if !num.is_empty() && tail == "部分" {
            out.push(num);
        }
        rest = after;
    }
    out
}

/// Removes "Part n:" / "第n部分" markers from a title so that word
/// similarity is not inflated by them.
pub fn strip_parts(tokens: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut skip_next_number = false;
    for t in tokens {
        if t == "part" {
            skip_next_number = true;
            continue;
        }
        if skip_next_number && t.chars().all(|c| c.is_ascii_digit()) {
            skip_next_number = false;
            continue;
        }
        skip_next_number = false;
        out.push(t.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold_token("organisation"), "organization");
        assert_eq!(fold_token("tyres"), "tire");
        assert_eq!(fold_token("properties"), "property");
        assert_eq!(fold_token("glass"), "glass");
        assert_eq!(fold_token("apparatus"), "equipment");
        assert_eq!(fold_token("terminology"), "vocabulary");
    }

    #[test]
    fn parts_are_stripped() {
        let t = tokens("Rubber - Part 2: Tensile test");
        assert_eq!(strip_parts(&t), vec!["rubber", "tensile", "test"]);
    }
}
