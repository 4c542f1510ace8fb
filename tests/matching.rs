//! `stdalign match`, `find`, `eval` on the bundled corpora.

use crate::util::{corpora, run_expect, stdout, Dir};

fn ingest_corpora(d: &Dir) {
    run_expect(d.cmd(&["-q", "ingest"]), 0);
    let _ = corpora();
}

#[test]
fn match_is_identical_whatever_jobs() {
    let d = Dir::new();
    ingest_corpora(&d);
    run_expect(d.cmd(&["-q", "match", "--jobs", "1", "-o", "p1.csv"]), 0);
    run_expect(d.cmd(&["-q", "match", "--jobs", "2", "-o", "p2.csv"]), 0);
    let a = std::fs::read(d.path().join("p1.csv")).unwrap();
    let b = std::fs::read(d.path().join("p2.csv")).unwrap();
    assert!(a.len() > 1000);
    assert_eq!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert!(text.starts_with("domestic,domestic_title,title_language,international,international_work_item"));
    // The double-numbered GB/T 19001-2016 is declared IDT ISO 9001:2015.
    assert!(
        text.lines().any(|l| l.starts_with("GB/T 19001-2016,") && l.contains(",ISO 9001:2015,") && l.contains(",IDT,")),
        "{text}"
    );
}

#[test]
fn eval_against_the_corpora_truth_resolves_declared_pairs() {
    let d = Dir::new();
    ingest_corpora(&d);
    run_expect(d.cmd(&["-q", "match", "-o", "pairs.csv"]), 0);
    let truth = corpora().join("truth.csv");
    let out = run_expect(d.cmd(&["eval", "--pairs", "pairs.csv", "--truth", truth.to_str().unwrap(), "--json"]), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r1 = v["overall"]["work_item"]["recall_at_1"].as_f64().unwrap();
    assert!(r1 > 0.8, "recall@1 on the corpora truth: {r1}");
}

#[test]
fn find_by_number_and_by_title() {
    let d = Dir::new();
    ingest_corpora(&d);
    let out = run_expect(d.cmd(&["find", "GB/T 19001-2016"]), 0);
    assert!(stdout(&out).contains("ISO 9001:2015"), "{}", stdout(&out));
    let out = run_expect(d.cmd(&["find", "--json", "Quality management systems - Requirements"]), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pairs"][0]["international_work_item"], "ISO 9001", "{v}");
}
