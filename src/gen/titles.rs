//! English-title perturbations: how the official English title of a
//! Chinese standard differs from the title of the international standard
//! it adopts. Probabilities are listed in the module doc of [`super`].

use super::glossary::split_part_prefix;
use super::rng::Rng;
use super::Degree;

/// Synonym pairs used in both directions (whole words or phrases).
const SYNONYMS: &[(&str, &str)] = &[
    ("specification", "requirements"),
    ("test methods", "testing methods"),
    ("test method", "testing method"),
    ("methods of test", "test methods"),
    ("determination", "measurement"),
    ("equipment", "apparatus"),
    ("vocabulary", "terminology"),
    ("guidelines", "guide"),
    ("characteristics", "properties"),
    ("installations", "facilities"),
];

/// British → American spellings.
const SPELLINGS: &[(&str, &str)] = &[
    ("fibres", "fibers"),
    ("fibre", "fiber"),
    ("aluminium", "aluminum"),
    ("colours", "colors"),
    ("colour", "color"),
    ("tyres", "tires"),
    ("tyre", "tire"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("behaviour", "behavior"),
    ("metre", "meter"),
    ("centre", "center"),
    ("sulphur", "sulfur"),
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("labelling", "labeling"),
    ("modelling", "modeling"),
    ("analyse", "analyze"),
];

/// Probability multiplier of the structural perturbations by degree: IDT
/// titles stay closest, NEQ titles drift most.
fn intensity(d: Option<Degree>) -> f64 {
    match d {
        Some(Degree::Idt) => 1.0,
        Some(Degree::Mod) | Some(Degree::Eqv) => 1.4,
        Some(Degree::Neq) => 2.2,
        None => 1.0,
    }
}

/// Perturbs an international English title into a plausible national
/// English title. Returns the title and the names of the perturbations
/// applied (in order).
pub fn perturb(title: &str, degree: Option<Degree>, rng: &mut Rng) -> (String, Vec<&'static str>) {
    let k = intensity(degree);
    let mut tags = Vec::new();
    let mut els: Vec<String> = title.split(" - ").map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
    if els.is_empty() {
        return (title.to_string(), tags);
    }
    // Leading "Information technology".
    if els.len() > 1 && els[0].eq_ignore_ascii_case("information technology") && rng.chance(0.3) {
        els.remove(0);
        tags.push("drop-it-prefix");
    }
    // "Part n:" dropped or moved to the end.
    if let Some(pi) = els.iter().position(|e| split_part_prefix(e).0.is_some()) {
        let x = rng.f64();
        if x < 0.06 * k {
            let body = split_part_prefix(&els[pi]).1.to_string();
            els[pi] = body;
            tags.push("drop-part-prefix");
        } else if x < 0.10 * k {
            let (num, body) = split_part_prefix(&els[pi]);
            let moved = format!("{body}, Part {}", num.unwrap_or_default());
            els[pi] = moved;
            tags.push("move-part-prefix");
        }
    }
    // NEQ: only part of the content kept.
    if degree == Some(Degree::Neq) && els.len() > 2 && rng.chance(0.3) {
        els.pop();
        tags.push("drop-last-element");
    }
    // Swap the first two non-part elements.
    let plain: Vec<usize> = (0..els.len()).filter(|&i| split_part_prefix(&els[i]).0.is_none()).collect();
    if plain.len() >= 2 && rng.chance(0.05 * k) {
        els.swap(plain[0], plain[1]);
        tags.push("reorder-elements");
    }
    let dash = {
        let x = rng.f64();
        if x < 0.35 {
            tags.push("dash-em");
            "—"
        } else if x < 0.45 {
            tags.push("dash-em-spaced");
            " — "
        } else if x < 0.50 {
            tags.push("dash-en");
            " – "
        } else {
            " - "
        }
    };
    let mut t = els.join(dash);
    if rng.chance(0.2 * k) {
        let start = rng.below(SYNONYMS.len());
        for j in 0..SYNONYMS.len() {
            let (a, b) = SYNONYMS[(start + j) % SYNONYMS.len()];
            let (from, to) = if rng.chance(0.5) { (a, b) } else { (b, a) };
            if let Some(s) = replace_word(&t, from, to) {
                t = s;
                tags.push("synonym");
                break;
            }
        }
    }
    if rng.chance(0.15) {
        let mut any = false;
        for (gb, us) in SPELLINGS {
            if let Some(s) = replace_word(&t, gb, us) {
                t = s;
                any = true;
            }
        }
        if any {
            tags.push("american-spelling");
        }
    }
    let x = rng.f64();
    if x < 0.03 * k {
        t = format!("Specification for {}", lower_first(&t));
        tags.push("add-specification-for");
    } else if x < 0.06 * k {
        t = format!("General requirements for {}", lower_first(&t));
        tags.push("add-general-requirements-for");
    }
    let x = rng.f64();
    if x < 0.08 {
        t = title_case(&t);
        tags.push("title-case");
    } else if x < 0.10 {
        t = lower_first_of_words(&t);
        tags.push("lower-case");
    } else if x < 0.11 {
        t = t.to_uppercase();
        tags.push("upper-case");
    }
    (t, tags)
}

/// Lowercases the first letter unless the first word is an acronym.
fn lower_first(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Capitalises every word longer than three letters (small words stay).
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.chars().count() > 3 {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercases every word that is not an acronym (keeps `IPv6`, `SDH`).
fn lower_first_of_words(s: &str) -> String {
    s.split(' ')
        .map(|w| if w.chars().filter(|c| c.is_uppercase()).count() > 1 { w.to_string() } else { w.to_lowercase() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces every whole-word, case-insensitive occurrence of `from` by `to`
/// (keeping a leading capital). `None` when `from` does not occur.
pub(crate) fn replace_word(s: &str, from: &str, to: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = String::with_capacity(s.len() + 8);
    let mut last = 0;
    let mut found = false;
    let mut start = 0;
    while let Some(pos) = lower[start..].find(from) {
        let i = start + pos;
        let j = i + from.len();
        let left_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let right_ok = j >= bytes.len() || !bytes[j].is_ascii_alphanumeric();
        if left_ok && right_ok && s.is_char_boundary(i) && s.is_char_boundary(j) {
            out.push_str(&s[last..i]);
            let orig = &s[i..j];
            if orig.chars().next().is_some_and(|c| c.is_uppercase()) {
                let mut c = to.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(to);
            }
            last = j;
            found = true;
        }
        start = j;
    }
    if !found {
        return None;
    }
    out.push_str(&s[last..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_word_respects_boundaries_and_case() {
        assert_eq!(
            replace_word("Optical fibre cables - Fibres", "fibre", "fiber").as_deref(),
            Some("Optical fiber cables - Fibres")
        );
        assert_eq!(replace_word("Fibreglass", "fibre", "fiber"), None);
        assert_eq!(replace_word("Colour of things", "colour", "color").as_deref(), Some("Color of things"));
    }

    #[test]
    fn perturbation_keeps_content() {
        let mut rng = Rng::new(3);
        for _ in 0..500 {
            let (t, _) = perturb(
                "Metallic materials - Tensile testing - Part 1: Method of test at room temperature",
                Some(Degree::Mod),
                &mut rng,
            );
            assert!(t.to_lowercase().contains("tensile"), "{t}");
        }
    }
}
