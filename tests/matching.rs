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

/// The real catalogues beside the repository (`../shared/data`), when present.
fn shared_data() -> Option<std::path::PathBuf> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if p.join("iso/iso_catalogue_relaton.csv").exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/data is absent (data-backed tier)");
        None
    }
}

/// Data-backed tier: every tier-A and tier-B seed pair resolves, through its
/// declaration, to the right work item of the real ISO and IEC catalogues.
#[test]
fn seed_pairs_resolve_to_the_right_work_item() {
    let Some(data) = shared_data() else { return };
    let seed = data.join("cn/seed/cn_intl_adoption_seed.csv");
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_path(&seed).unwrap();
    let d = Dir::new();
    let mut w = csv::Writer::from_path(d.path().join("dom.csv")).unwrap();
    w.write_record(["标准号", "中文标准名称", "英文标准名称", "采标情况", "采用程度"]).unwrap();
    let mut expected = Vec::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let (cn, title, intl, degree, tier) = (&rec[0], &rec[1], &rec[2], &rec[3], &rec[4]);
        let han = title.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        w.write_record([cn, if han { title } else { "" }, if han { "" } else { title }, intl, degree]).unwrap();
        if tier == "A" || tier == "B" {
            let wi = stdalign::ident::StdRef::parse(intl).unwrap().work_item();
            expected.push((stdalign::ident::StdRef::parse(cn).unwrap().to_string(), wi));
        }
    }
    w.flush().unwrap();
    let iso = data.join("iso/iso_catalogue_relaton.csv");
    let iec = data.join("iec/iec_catalogue_relaton.csv");
    run_expect(
        d.cmd(&[
            "-q",
            "ingest",
            "--domestic",
            "dom.csv",
            "--international",
            iso.to_str().unwrap(),
            iec.to_str().unwrap(),
        ]),
        0,
    );
    run_expect(d.cmd(&["-q", "match", "-o", "pairs.csv", "--resolutions", "res.csv"]), 0);
    let mut res = csv::Reader::from_path(d.path().join("res.csv")).unwrap();
    let got: Vec<(String, String)> = res
        .records()
        .map(|r| {
            let r = r.unwrap();
            let wi = stdalign::ident::StdRef::parse(&r[3]).map(|x| x.work_item()).unwrap_or_default();
            (r[0].to_string(), wi)
        })
        .collect();
    assert!(expected.len() >= 20);
    for (dom, wi) in &expected {
        assert!(got.iter().any(|(d2, w2)| d2 == dom && w2 == wi), "{dom} should resolve to {wi}; got {got:?}");
    }
}

#[test]
fn find_an_international_number_lists_the_domestic_standards_declaring_it() {
    let d = Dir::new();
    ingest_corpora(&d);
    let out = run_expect(d.cmd(&["find", "--json", "ISO 9001:2015"]), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "international number");
    let pairs = v["pairs"].as_array().unwrap();
    assert!(pairs.iter().any(|p| p["domestic"] == "GB/T 19001-2016" && p["degree"] == "IDT"), "{v}");
    assert!(pairs.iter().all(|p| p["international_work_item"] == "ISO 9001"), "{v}");
}
