//! Evaluation: predicted pairs against a truth file, as precision, recall,
//! F1, recall@1 and MRR (the computation behind `stdalign eval`).
//!
//! Input: the rows of a pairs file ([`EvalPair`]), the rows of a truth file
//! ([`TruthRow`]), a score threshold and, optionally, the title language of
//! every domestic record. Output: a [`Report`] — figures overall, per title
//! language and per degree, at two levels (work item and exact edition),
//! plus work-item precision/recall tables over [`THRESHOLD_STEPS`], overall
//! and per title language.
//!
//! Definitions, per slice and level:
//!
//! - A **predicted link** is, per domestic standard, its first rank-1 pair
//!   (in input order) when that pair's score is at least the threshold.
//! - A **relevant link** is a truth row. Links are compared as (domestic,
//!   international key) sets, where the international key is the work item
//!   ([`StdRef::work_item`], `ISO 9001`) or the edition ([`StdRef::base`]
//!   displayed, `ISO 9001:2015`). Domestic numbers are keyed without their
//!   double number (`GB/T 19001-2016/ISO 9001:2015` → `GB/T 19001-2016`).
//!   Strings that do not parse are compared trimmed, verbatim.
//! - precision = correct / predicted (1 when nothing is predicted);
//!   recall = correct / relevant (1 when nothing is relevant);
//!   F1 = 2·P·R / (P + R) (0 when P + R = 0).
//! - **recall@1** and **MRR** are taken over the domestic standards of the
//!   truth file, using every pair whatever its score: a domestic standard's
//!   pairs are sorted by rank; recall@1 is the share whose first pair is
//!   correct, MRR the mean of 1 / (position of the first correct pair), 0
//!   when none is correct.
//!
//! Invariant: no I/O; the caller reads the files and prints the report.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::ident::StdRef;

/// Thresholds of the work-item precision/recall tables: 0.05 to 0.95 by 0.05.
pub const THRESHOLD_STEPS: [f64; 19] =
    [0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95];

/// One row of a pairs file: a domestic standard, one international candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalPair {
    /// Domestic standard number (keyed without its double number).
    pub domestic: String,
    /// International standard number.
    pub international: String,
    /// Score (declared pairs score 1).
    pub score: f64,
    /// Rank of the pair among the domestic standard's pairs (1 = best).
    pub rank: u32,
    /// Title language of the domestic record: `en` (English-titled), `zh`
    /// (Chinese-only), or empty when unknown.
    pub lang: String,
}

/// One row of a truth file: a correct (domestic, international) link.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthRow {
    /// Domestic standard number (keyed without its double number).
    pub domestic: String,
    /// International standard number.
    pub international: String,
    /// Degree of correspondence (`IDT`, `MOD` …; compared trimmed and
    /// upper-cased), or empty.
    pub degree: String,
}

/// Precision, recall and F1 over links.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Number of predicted links.
    pub predicted: usize,
    /// Number of relevant (truth) links.
    pub relevant: usize,
    /// Number of predicted links that are relevant.
    pub correct: usize,
    /// correct / predicted (1 when nothing is predicted).
    pub precision: f64,
    /// correct / relevant (1 when nothing is relevant).
    pub recall: f64,
    /// 2·precision·recall / (precision + recall) (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// Computes the ratios from the counts.
    pub fn new(predicted: usize, relevant: usize, correct: usize) -> Prf {
        let p = if predicted == 0 { 1.0 } else { correct as f64 / predicted as f64 };
        let r = if relevant == 0 { 1.0 } else { correct as f64 / relevant as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { predicted, relevant, correct, precision: p, recall: r, f1: f }
    }
}

/// Figures at one level (work item or edition).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Level {
    /// Precision, recall and F1 of the predicted links at the threshold.
    pub links: Prf,
    /// Share of the truth's domestic standards whose first-ranked pair is
    /// correct (whatever its score).
    pub recall_at_1: f64,
    /// Mean reciprocal rank: mean over the truth's domestic standards of
    /// 1 / (position of the first correct pair in rank order), 0 when none is.
    pub mrr: f64,
}

/// Figures for a subset of the domestic standards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slice {
    /// `overall`, a title language (`english-titled`, `chinese-only`,
    /// `english-titled (+unpaired)`) or a degree (`IDT` …).
    pub name: String,
    /// Number of distinct domestic standards of the truth in the slice.
    pub domestic_in_truth: usize,
    /// Links compared on the work item (`ISO 9001`).
    pub work_item: Level,
    /// Links compared on the exact edition (`ISO 9001:2015`).
    pub edition: Level,
}

/// Work-item links of one slice over [`THRESHOLD_STEPS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThresholdTable {
    /// Slice name, as in [`Report::by_language`].
    pub name: String,
    /// (threshold, work-item links at that threshold), thresholds ascending.
    pub thresholds: Vec<(f64, Prf)>,
}

/// Everything `stdalign eval` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Score threshold of the predicted links.
    pub threshold: f64,
    /// All domestic standards.
    pub overall: Slice,
    /// English-titled, then Chinese-only domestic standards.
    pub by_language: Vec<Slice>,
    /// One slice per degree of the truth file, in alphabetical order.
    pub by_degree: Vec<Slice>,
    /// (threshold, overall work-item links at that threshold) over
    /// [`THRESHOLD_STEPS`].
    pub thresholds: Vec<(f64, Prf)>,
    /// The same table per title language, in the order of
    /// [`Report::by_language`].
    pub thresholds_by_language: Vec<ThresholdTable>,
}

/// International work-item key: `ISO 9001:2015` → `ISO 9001`.
fn work_of(s: &str) -> String {
    StdRef::parse(s).map(|r| r.work_item()).unwrap_or_else(|_| s.trim().to_string())
}

/// International edition key: the base document, supplements dropped.
fn edition_of(s: &str) -> String {
    StdRef::parse(s).map(|r| r.base().to_string()).unwrap_or_else(|_| s.trim().to_string())
}

/// Domestic key: the number without its double number.
fn dom_key(s: &str) -> String {
    StdRef::parse(s)
        .map(|mut r| {
            r.double = None;
            r.to_string()
        })
        .unwrap_or_else(|_| s.trim().to_string())
}

/// The domestic standards a slice is restricted to (`None`: all).
type Doms<'a> = Option<&'a HashSet<String>>;

fn keep(doms: Doms, d: &str) -> bool {
    doms.is_none_or(|s| s.contains(d))
}

/// Figures at one level; `key` maps an international number to its key.
fn level(pairs: &[EvalPair], truth: &[TruthRow], threshold: f64, doms: Doms, key: fn(&str) -> String) -> Level {
    let t: HashSet<(String, String)> =
        truth.iter().filter(|t| keep(doms, &t.domestic)).map(|t| (t.domestic.clone(), key(&t.international))).collect();
    let mut best: HashMap<&str, &EvalPair> = HashMap::new();
    for p in pairs.iter().filter(|p| keep(doms, &p.domestic)) {
        if p.rank == 1 {
            best.entry(p.domestic.as_str()).or_insert(p);
        }
    }
    let predicted: HashSet<(String, String)> =
        best.values().filter(|p| p.score >= threshold).map(|p| (p.domestic.clone(), key(&p.international))).collect();
    let correct = predicted.intersection(&t).count();
    let links = Prf::new(predicted.len(), t.len(), correct);
    // Ranking metrics over the truth's domestic standards.
    let mut by_dom: BTreeMap<&str, Vec<&EvalPair>> = BTreeMap::new();
    for p in pairs.iter().filter(|p| keep(doms, &p.domestic)) {
        by_dom.entry(p.domestic.as_str()).or_default().push(p);
    }
    let mut truth_doms: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
    for (d, i) in &t {
        truth_doms.entry(d.as_str()).or_default().insert(i.as_str());
    }
    let (mut r1, mut rr) = (0.0, 0.0);
    for (d, targets) in &truth_doms {
        let mut list = by_dom.get(d).cloned().unwrap_or_default();
        list.sort_by_key(|p| p.rank);
        if let Some(pos) = list.iter().position(|p| targets.contains(key(&p.international).as_str())) {
            if pos == 0 {
                r1 += 1.0;
            }
            rr += 1.0 / (pos as f64 + 1.0);
        }
    }
    let n = truth_doms.len().max(1) as f64;
    Level { links, recall_at_1: r1 / n, mrr: rr / n }
}

/// One slice at both levels.
fn slice(name: &str, pairs: &[EvalPair], truth: &[TruthRow], threshold: f64, doms: Doms) -> Slice {
    let n = truth.iter().filter(|t| keep(doms, &t.domestic)).map(|t| &t.domestic).collect::<HashSet<_>>().len();
    Slice {
        name: name.to_string(),
        domestic_in_truth: n,
        work_item: level(pairs, truth, threshold, doms, work_of),
        edition: level(pairs, truth, threshold, doms, edition_of),
    }
}

/// Work-item links of one slice over [`THRESHOLD_STEPS`].
fn threshold_table(pairs: &[EvalPair], truth: &[TruthRow], doms: Doms) -> Vec<(f64, Prf)> {
    THRESHOLD_STEPS.iter().map(|&th| (th, level(pairs, truth, th, doms, work_of).links)).collect()
}

/// The title-language slices: (name, domestic standards).
///
/// With `languages` (domestic id → `en` / `zh`), `english-titled` and
/// `chinese-only` are taken from it. Without, a record's language is that of
/// its pairs, and domestic standards of the truth without any pair count as
/// English-titled (`english-titled (+unpaired)`).
fn language_slices(
    pairs: &[EvalPair],
    truth: &[TruthRow],
    languages: Option<&HashMap<String, String>>,
) -> Vec<(&'static str, HashSet<String>)> {
    match languages {
        Some(langs) => [("en", "english-titled"), ("zh", "chinese-only")]
            .into_iter()
            .map(|(lang, name)| {
                (name, langs.iter().filter(|(_, l)| l.as_str() == lang).map(|(d, _)| d.clone()).collect())
            })
            .collect(),
        None => {
            let mut en: HashSet<String> = pairs.iter().filter(|p| p.lang == "en").map(|p| p.domestic.clone()).collect();
            let zh: HashSet<String> = pairs.iter().filter(|p| p.lang == "zh").map(|p| p.domestic.clone()).collect();
            let paired: HashSet<&String> = pairs.iter().map(|p| &p.domestic).collect();
            en.extend(truth.iter().filter(|t| !paired.contains(&t.domestic)).map(|t| t.domestic.clone()));
            vec![("english-titled (+unpaired)", en), ("chinese-only", zh)]
        }
    }
}

/// Measures `pairs` against `truth` (see the module documentation for the
/// definitions).
///
/// `threshold` is the score a rank-1 pair needs to count as a predicted link.
/// `languages` maps domestic standard numbers (used as given, e.g. record ids)
/// to `en` (English-titled) or `zh` (Chinese-only); without it the language comes from [`EvalPair::lang`] and
/// unpaired domestic standards count as English-titled. Domestic numbers of
/// both inputs are keyed without their double number; degrees are trimmed
/// and upper-cased.
pub fn evaluate(
    pairs: &[EvalPair],
    truth: &[TruthRow],
    threshold: f64,
    languages: Option<&HashMap<String, String>>,
) -> Report {
    let pairs: Vec<EvalPair> = pairs.iter().map(|p| EvalPair { domestic: dom_key(&p.domestic), ..p.clone() }).collect();
    let truth: Vec<TruthRow> = truth
        .iter()
        .map(|t| TruthRow {
            domestic: dom_key(&t.domestic),
            international: t.international.clone(),
            degree: t.degree.trim().to_uppercase(),
        })
        .collect();
    let overall = slice("overall", &pairs, &truth, threshold, None);
    let lang_slices = language_slices(&pairs, &truth, languages);
    let by_language =
        lang_slices.iter().map(|(name, doms)| slice(name, &pairs, &truth, threshold, Some(doms))).collect();
    let degrees: BTreeSet<&str> = truth.iter().map(|t| t.degree.as_str()).filter(|d| !d.is_empty()).collect();
    let by_degree = degrees
        .into_iter()
        .map(|deg| {
            let t: Vec<TruthRow> = truth.iter().filter(|t| t.degree == deg).cloned().collect();
            let doms: HashSet<String> = t.iter().map(|t| t.domestic.clone()).collect();
            slice(deg, &pairs, &t, threshold, Some(&doms))
        })
        .collect();
    let thresholds = threshold_table(&pairs, &truth, None);
    let thresholds_by_language = lang_slices
        .iter()
        .map(|(name, doms)| ThresholdTable {
            name: name.to_string(),
            thresholds: threshold_table(&pairs, &truth, Some(doms)),
        })
        .collect();
    Report { threshold, overall, by_language, by_degree, thresholds, thresholds_by_language }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < EPS
    }

    macro_rules! assert_close {
        ($a:expr, $b:expr) => {{
            let (a, b): (f64, f64) = ($a, $b);
            assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
        }};
    }

    fn pair(d: &str, i: &str, score: f64, rank: u32, lang: &str) -> EvalPair {
        EvalPair { domestic: d.into(), international: i.into(), score, rank, lang: lang.into() }
    }

    fn truth(d: &str, i: &str, degree: &str) -> TruthRow {
        TruthRow { domestic: d.into(), international: i.into(), degree: degree.into() }
    }

    /// Four truth links over four domestic standards; A right at rank 1, B
    /// right at rank 2 only, C wrong, D unpaired; E paired but not in truth.
    fn sample() -> (Vec<EvalPair>, Vec<TruthRow>) {
        let pairs = vec![
            pair("GB/T 1-2020", "ISO 1:2015", 0.9, 1, "en"),
            pair("GB/T 2-2020", "ISO 20:2010", 0.8, 1, "en"),
            pair("GB/T 2-2020", "ISO 2:2010", 0.3, 2, "en"),
            pair("GB/T 3-2020", "ISO 30:2012", 0.4, 1, "zh"),
            pair("GB/T 5-2020", "ISO 5:2012", 0.95, 1, "zh"),
        ];
        let truth = vec![
            truth("GB/T 1-2020", "ISO 1:2015", "IDT"),
            truth("GB/T 2-2020", "ISO 2:2010", "mod "),
            truth("GB/T 3-2020", "ISO 3:2012", "MOD"),
            truth("GB/T 4-2020", "ISO 4:2001", ""),
        ];
        (pairs, truth)
    }

    #[test]
    fn prf_counts_and_edge_cases() {
        let p = Prf::new(4, 5, 3);
        assert_close!(p.precision, 0.75);
        assert_close!(p.recall, 0.6);
        assert_close!(p.f1, 2.0 * 0.75 * 0.6 / 1.35);
        let none = Prf::new(0, 5, 0);
        assert_close!(none.precision, 1.0);
        assert_close!(none.recall, 0.0);
        assert_close!(none.f1, 0.0);
        let wrong = Prf::new(3, 3, 0);
        assert_close!(wrong.f1, 0.0);
        assert_close!(Prf::new(0, 0, 0).f1, 1.0);
    }

    #[test]
    fn overall_precision_recall_rank_metrics() {
        let (pairs, truth) = sample();
        let r = evaluate(&pairs, &truth, 0.0, None);
        assert_eq!(r.overall.name, "overall");
        assert_eq!(r.overall.domestic_in_truth, 4);
        let w = &r.overall.work_item;
        // Predicted: A→ISO 1 (right), B→ISO 20, C→ISO 30, E→ISO 5 (wrong).
        assert_eq!((w.links.predicted, w.links.relevant, w.links.correct), (4, 4, 1));
        assert_close!(w.links.precision, 0.25);
        assert_close!(w.links.recall, 0.25);
        assert_close!(w.links.f1, 0.25);
        // R@1: A only, of A..D. MRR: (1 + 1/2 + 0 + 0) / 4.
        assert_close!(w.recall_at_1, 0.25);
        assert_close!(w.mrr, 0.375);
        assert_eq!(r.overall.edition, r.overall.work_item);
    }

    #[test]
    fn threshold_filters_links_but_not_rank_metrics() {
        let (pairs, truth) = sample();
        // At 0.85 only A (0.9) and E (0.95) are predicted.
        let r = evaluate(&pairs, &truth, 0.85, None);
        let w = &r.overall.work_item;
        assert_eq!((w.links.predicted, w.links.correct), (2, 1));
        assert_close!(w.links.precision, 0.5);
        assert_close!(w.links.recall, 0.25);
        assert_close!(w.links.f1, 2.0 * 0.5 * 0.25 / 0.75);
        assert_close!(w.recall_at_1, 0.25);
        assert_close!(w.mrr, 0.375);
        // A score equal to the threshold counts.
        let r = evaluate(&pairs, &truth, 0.9, None);
        assert_eq!(r.overall.work_item.links.predicted, 2);
        // Above every score: nothing predicted, precision 1.
        let r = evaluate(&pairs, &truth, 0.99, None);
        assert_eq!(r.overall.work_item.links.predicted, 0);
        assert_close!(r.overall.work_item.links.precision, 1.0);
        assert_close!(r.overall.work_item.links.recall, 0.0);
    }

    #[test]
    fn only_the_first_rank_1_pair_is_a_link() {
        let pairs = vec![pair("GB/T 1-2020", "ISO 10:2015", 0.9, 1, ""), pair("GB/T 1-2020", "ISO 1:2015", 0.9, 1, "")];
        let truth = vec![truth("GB/T 1-2020", "ISO 1:2015", "")];
        let w = evaluate(&pairs, &truth, 0.0, None).overall.work_item;
        assert_eq!((w.links.predicted, w.links.correct), (1, 0));
        // Ties in rank keep the input order: the right pair is second.
        assert_close!(w.recall_at_1, 0.0);
        assert_close!(w.mrr, 0.5);
    }

    #[test]
    fn other_edition_counts_at_work_item_level_only() {
        let pairs = vec![pair("GB/T 19001-2016", "ISO 9001:2008", 1.0, 1, "en")];
        let truth = vec![truth("GB/T 19001-2016", "ISO 9001:2015", "IDT")];
        let r = evaluate(&pairs, &truth, 0.0, None);
        let (w, e) = (&r.overall.work_item, &r.overall.edition);
        assert_eq!((w.links.correct, e.links.correct), (1, 0));
        assert_close!(w.links.f1, 1.0);
        assert_close!(w.recall_at_1, 1.0);
        assert_close!(w.mrr, 1.0);
        assert_close!(e.links.precision, 0.0);
        assert_close!(e.links.f1, 0.0);
        assert_close!(e.recall_at_1, 0.0);
        assert_close!(e.mrr, 0.0);
    }

    #[test]
    fn supplements_and_spelling_do_not_change_the_edition() {
        let pairs = vec![pair("GB/T 24001-2016", "ISO 14001:2015/Amd 1:2024", 1.0, 1, "")];
        let truth = vec![truth("GB/T 24001-2016", "ISO  14001:2015", "")];
        let r = evaluate(&pairs, &truth, 0.0, None);
        assert_eq!(r.overall.edition.links.correct, 1);
    }

    #[test]
    fn domestic_double_number_is_dropped() {
        let pairs = vec![pair("GB/T 19001-2016/ISO 9001:2015", "ISO 9001:2015", 1.0, 1, "en")];
        let truth = vec![truth("GB/T 19001-2016", "ISO 9001:2015", "IDT")];
        let r = evaluate(&pairs, &truth, 0.0, None);
        assert_eq!(r.overall.edition.links.correct, 1);
        assert_close!(r.overall.edition.mrr, 1.0);
    }

    #[test]
    fn itu_dual_number_is_keyed_by_its_first_number() {
        let pairs = vec![pair("YD/T 3420-2018", "ITU-T Y.4000/Y.2060 (06/2012)", 1.0, 1, "en")];
        let dual = vec![truth("YD/T 3420-2018", "ITU-T Y.4000/Y.2060 (06/2012)", "IDT")];
        let r = evaluate(&pairs, &dual, 0.0, None);
        assert_eq!((r.overall.work_item.links.correct, r.overall.edition.links.correct), (1, 1));
        assert_close!(r.overall.edition.mrr, 1.0);
        // The first number alone is the same work item.
        let first = vec![truth("YD/T 3420-2018", "ITU-T Y.4000 (06/2012)", "IDT")];
        let r = evaluate(&pairs, &first, 0.0, None);
        assert_eq!(r.overall.work_item.links.correct, 1);
        assert_close!(r.overall.work_item.recall_at_1, 1.0);
        // The second (old) number alone is another work item.
        let second = vec![truth("YD/T 3420-2018", "ITU-T Y.2060 (06/2012)", "IDT")];
        let r = evaluate(&pairs, &second, 0.0, None);
        assert_eq!(r.overall.work_item.links.correct, 0);
    }

    #[test]
    fn degree_slices_are_normalised_and_sorted() {
        let (pairs, truth) = sample();
        let r = evaluate(&pairs, &truth, 0.0, None);
        let names: Vec<&str> = r.by_degree.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["IDT", "MOD"]);
        let idt = &r.by_degree[0];
        assert_eq!(idt.domestic_in_truth, 1);
        assert_eq!((idt.work_item.links.predicted, idt.work_item.links.correct), (1, 1));
        let m = &r.by_degree[1];
        // B and C: both predicted wrongly; B right at rank 2.
        assert_eq!(m.domestic_in_truth, 2);
        assert_eq!((m.work_item.links.predicted, m.work_item.links.relevant, m.work_item.links.correct), (2, 2, 0));
        assert_close!(m.work_item.recall_at_1, 0.0);
        assert_close!(m.work_item.mrr, 0.25);
    }

    #[test]
    fn language_slices_from_the_pairs_file() {
        let (pairs, truth) = sample();
        let r = evaluate(&pairs, &truth, 0.0, None);
        let names: Vec<&str> = r.by_language.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["english-titled (+unpaired)", "chinese-only"]);
        // English-titled: A, B and the unpaired D.
        let en = &r.by_language[0];
        assert_eq!(en.domestic_in_truth, 3);
        let w = &en.work_item;
        assert_eq!((w.links.predicted, w.links.relevant, w.links.correct), (2, 3, 1));
        assert_close!(w.recall_at_1, 1.0 / 3.0);
        assert_close!(w.mrr, 0.5);
        // Chinese-only: C (wrong) and E (not in truth).
        let zh = &r.by_language[1];
        assert_eq!(zh.domestic_in_truth, 1);
        assert_eq!((zh.work_item.links.predicted, zh.work_item.links.relevant, zh.work_item.links.correct), (2, 1, 0));
    }

    #[test]
    fn language_slices_from_a_catalogue() {
        let (pairs, truth) = sample();
        let langs: HashMap<String, String> = [("GB/T 1-2020", "en"), ("GB/T 3-2020", "en"), ("GB/T 4-2020", "zh")]
            .into_iter()
            .map(|(d, l)| (d.to_string(), l.to_string()))
            .collect();
        let r = evaluate(&pairs, &truth, 0.0, Some(&langs));
        let names: Vec<&str> = r.by_language.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["english-titled", "chinese-only"]);
        let en = &r.by_language[0].work_item.links;
        assert_eq!((en.predicted, en.relevant, en.correct), (2, 2, 1));
        let zh = &r.by_language[1].work_item.links;
        assert_eq!((zh.predicted, zh.relevant, zh.correct), (0, 1, 0));
        assert_close!(zh.precision, 1.0);
    }

    #[test]
    fn threshold_tables_overall_and_per_language() {
        let (pairs, truth) = sample();
        let r = evaluate(&pairs, &truth, 0.0, None);
        let steps: Vec<f64> = r.thresholds.iter().map(|t| t.0).collect();
        assert_eq!(steps, THRESHOLD_STEPS);
        assert_eq!(steps.len(), 19);
        assert_close!(steps[0], 0.05);
        assert_close!(steps[18], 0.95);
        assert!(steps.windows(2).all(|w| close(w[1] - w[0], 0.05)));
        let at = |table: &[(f64, Prf)], th: f64| table.iter().find(|t| close(t.0, th)).unwrap().1.clone();
        // Overall: scores 0.9, 0.8, 0.4, 0.95 at rank 1.
        assert_eq!(at(&r.thresholds, 0.40).predicted, 4);
        assert_eq!(at(&r.thresholds, 0.45).predicted, 3);
        assert_eq!(at(&r.thresholds, 0.85).predicted, 2);
        assert_eq!(at(&r.thresholds, 0.95).predicted, 1);
        assert_close!(at(&r.thresholds, 0.95).precision, 0.0);
        let names: Vec<&str> = r.thresholds_by_language.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["english-titled (+unpaired)", "chinese-only"]);
        let en = &r.thresholds_by_language[0].thresholds;
        assert_eq!(en.len(), 19);
        assert_eq!(at(en, 0.80), Prf::new(2, 3, 1));
        assert_eq!(at(en, 0.85), Prf::new(1, 3, 1));
        let zh = &r.thresholds_by_language[1].thresholds;
        assert_eq!(at(zh, 0.40), Prf::new(2, 1, 0));
        assert_eq!(at(zh, 0.45), Prf::new(1, 1, 0));
        assert_eq!(at(zh, 0.95), Prf::new(1, 1, 0));
        // A table row is the slice's work-item links at that threshold.
        let r9 = evaluate(&pairs, &truth, 0.9, None);
        assert_eq!(at(&r.thresholds, 0.90), r9.overall.work_item.links);
        assert_eq!(at(zh, 0.90), r9.by_language[1].work_item.links);
    }

    #[test]
    fn empty_inputs_do_not_panic() {
        let r = evaluate(&[], &[], 0.5, None);
        assert_eq!(r.overall.domestic_in_truth, 0);
        let w = &r.overall.work_item;
        assert_eq!((w.links.predicted, w.links.relevant, w.links.correct), (0, 0, 0));
        assert_close!(w.links.precision, 1.0);
        assert_close!(w.links.recall, 1.0);
        assert_close!(w.recall_at_1, 0.0);
        assert_close!(w.mrr, 0.0);
        assert!(r.by_degree.is_empty());
        assert_eq!(r.by_language.len(), 2);
        assert_eq!(r.thresholds.len(), 19);
        assert_eq!(r.thresholds_by_language.len(), 2);
        // Pairs but no truth, truth but no pairs.
        let (pairs, truth) = sample();
        let r = evaluate(&pairs, &[], 0.0, None);
        assert_close!(r.overall.work_item.links.precision, 0.0);
        assert_close!(r.overall.work_item.links.recall, 1.0);
        let r = evaluate(&[], &truth, 0.0, None);
        assert_close!(r.overall.work_item.links.precision, 1.0);
        assert_close!(r.overall.work_item.links.recall, 0.0);
        assert_close!(r.overall.work_item.mrr, 0.0);
        assert_eq!(r.by_language[0].domestic_in_truth, 4);
    }

    #[test]
    fn unparsable_numbers_are_compared_trimmed() {
        let pairs = vec![pair(" local 7 ", " no number here ", 1.0, 1, "")];
        let truth = vec![truth("local 7", "no number here", "")];
        let r = evaluate(&pairs, &truth, 0.0, None);
        assert_eq!((r.overall.work_item.links.correct, r.overall.edition.links.correct), (1, 1));
    }
}
