//! `stdalign ingest`: reconciliation, quarantine reasons, formats, encodings,
//! the index version check and the writer lock.

use crate::util::{corpora, run_expect, stderr, stdout, Dir};

fn json_summary(dir: &Dir, args: &[&str]) -> serde_json::Value {
    let mut a = vec!["--quiet", "ingest", "--json"];
    a.extend_from_slice(args);
    let out = run_expect(dir.cmd(&a), 0);
    serde_json::from_slice(&out.stdout).expect("summary is JSON")
}

#[test]
fn bundled_corpora_reconcile() {
    let d = Dir::new();
    let c = corpora();
    let s = json_summary(
        &d,
        &[
            "--index",
            "idx",
            "--domestic",
            c.join("domestic/miit_catalogue.csv").to_str().unwrap(),
            c.join("domestic/gb_catalogue_gb18030.csv").to_str().unwrap(),
            c.join("domestic/platform_export.xlsx").to_str().unwrap(),
            c.join("domestic/english_headers.tsv").to_str().unwrap(),
            c.join("domestic/broken_rows.csv").to_str().unwrap(),
            "--international",
            c.join("international/iso.csv").to_str().unwrap(),
            c.join("international/iec.csv").to_str().unwrap(),
            c.join("international/itu.csv").to_str().unwrap(),
            c.join("international/iso_opendata.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(s["reconciles"], true);
    for side in ["domestic", "international"] {
        let read = s[side]["rows_read"].as_u64().unwrap();
        let idx = s[side]["rows_indexed"].as_u64().unwrap();
        let q = s[side]["rows_quarantined"].as_u64().unwrap();
        assert_eq!(read, idx + q, "{side}");
        assert!(read > 0);
    }
    for f in s["files"].as_array().unwrap() {
        assert_eq!(
            f["rows_read"].as_u64(),
            Some(f["rows_indexed"].as_u64().unwrap() + f["rows_quarantined"].as_u64().unwrap())
        );
    }
    // ISO/IEC joint documents appear in both iso.csv and iec.csv.
    assert!(s["joint_merged"].as_u64().unwrap() >= 8);
    // broken_rows.csv: six bad rows (see corpora/README.md).
    let broken = s["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("broken_rows.csv"))
        .unwrap();
    assert_eq!(broken["rows_quarantined"], 6);
    let enc = s["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().contains("gb18030")).unwrap();
    assert_eq!(enc["encoding"], "gb18030");
    let q = std::fs::read_to_string(
        s["quarantine_file"].as_str().unwrap().replace("idx", d.path().join("idx").to_str().unwrap()),
    )
    .unwrap();
    assert!(q.starts_with("source_file,line,side,reason,raw"));
}

#[test]
fn no_arguments_reads_the_bundled_corpora() {
    let d = Dir::new();
    let out = run_expect(d.cmd(&["ingest"]), 0);
    let s = stdout(&out);
    assert!(s.contains("domestic") && s.contains("international"), "{s}");
    assert!(stderr(&out).contains("bundled corpora"));
    assert!(d.path().join("stdalign-index/CURRENT").exists());
}

const HDR: &str = "标准号,中文标准名称,英文标准名称,状态,采标情况\n";

#[test]
fn hostile_rows_are_quarantined_with_reasons() {
    let d = Dir::new();
    let big = "x".repeat(100_000);
    let text = format!(
        "{HDR}YD/T 1-2020,一,One,现行,\nYD/T 1-2020,一,One again,现行,\n,无编号,,现行,\nYD/T 2-2020,,,现行,\nYD/T 3-2020,三,{big},现行,\nYD/T 4-2020,四,Four\nYD/T 5-2020,\"五,Five,现行,\nYD/T 6-2020,六,Six,现行,\n"
    );
    let f = d.create("bad.csv", &text);
    let s = json_summary(&d, &["--domestic", f.to_str().unwrap()]);
    assert_eq!(s["reconciles"], true);
    let dom = &s["domestic"];
    assert_eq!(
        dom["rows_read"].as_u64().unwrap(),
        dom["rows_indexed"].as_u64().unwrap() + dom["rows_quarantined"].as_u64().unwrap()
    );
    let reasons = s["quarantine_reasons"].as_object().unwrap();
    for k in ["duplicate number", "empty number", "empty title", "field too long", "wrong cell count", "broken quoting"]
    {
        assert!(reasons.contains_key(k), "missing {k}: {reasons:?}");
    }
}

#[test]
fn invalid_bytes_and_nul_are_quarantined() {
    let d = Dir::new();
    let mut bytes = HDR.as_bytes().to_vec();
    bytes.extend_from_slice("YD/T 1-2020,一,One,现行,\n".as_bytes());
    bytes.extend_from_slice(b"YD/T 2-2020,\xff\xfe\xfd,Two,\xe7\x8e,\n");
    bytes.extend_from_slice(b"YD/T 3-2020,x\x00y,Three,,\n");
    let f = d.create_bytes("mixed.csv", &bytes);
    let s = json_summary(&d, &["--domestic", f.to_str().unwrap(), "--encoding", "utf-8"]);
    assert_eq!(s["domestic"]["rows_read"], 3);
    assert_eq!(s["domestic"]["rows_indexed"], 1);
    assert!(s["quarantine_reasons"]["invalid encoding"].as_u64().unwrap() == 2, "{s}");
}

#[test]
fn jsonl_with_a_broken_line() {
    let d = Dir::new();
    let f = d.create(
        "iso.jsonl",
        "{\"reference\":\"ISO 9001:2015\",\"title\":{\"en\":\"Quality management systems - Requirements\"},\"currentStage\":9092,\"icsCode\":[\"03.120.10\"]}\n{\"reference\": oops\n{\"reference\":\"ISO 14001:2015\",\"title\":{\"en\":\"Environmental management systems\"},\"currentStage\":6060}\n",
    );
    let s = json_summary(&d, &["--international", f.to_str().unwrap()]);
    assert_eq!(s["international"]["rows_read"], 3);
    assert_eq!(s["international"]["rows_indexed"], 2);
    assert_eq!(s["quarantine_reasons"]["invalid json"], 1);
}

#[test]
fn missing_number_column_quarantines_every_row() {
    let d = Dir::new();
    let f = d.create("nocol.csv", "名称,状态\n一,现行\n二,现行\n");
    let s = json_summary(&d, &["--domestic", f.to_str().unwrap()]);
    assert_eq!(s["domestic"]["rows_quarantined"], 2);
    assert_eq!(s["quarantine_reasons"]["no number column"], 2);
}

#[test]
fn unreadable_input_is_an_error_with_exit_2_and_keeps_the_old_index() {
    let d = Dir::new();
    let good = d.create("ok.csv", &format!("{HDR}YD/T 1-2020,一,One,现行,\n"));
    run_expect(d.cmd(&["-q", "ingest", "--domestic", good.to_str().unwrap()]), 0);
    let before = std::fs::read_to_string(d.path().join("stdalign-index/CURRENT")).unwrap();
    let out = run_expect(d.cmd(&["-q", "ingest", "--domestic", "does-not-exist.csv"]), 2);
    assert!(stderr(&out).contains("does-not-exist.csv"), "{}", stderr(&out));
    let empty = d.create("empty.csv", "");
    let out = run_expect(d.cmd(&["-q", "ingest", "--domestic", empty.to_str().unwrap()]), 2);
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    assert_eq!(before, std::fs::read_to_string(d.path().join("stdalign-index/CURRENT")).unwrap());
    run_expect(d.cmd(&["show", "YD/T 1-2020"]), 0);
}

#[test]
fn index_version_mismatch_asks_for_a_rebuild() {
    let d = Dir::new();
    let good = d.create("ok.csv", &format!("{HDR}YD/T 1-2020,一,One,现行,\n"));
    run_expect(d.cmd(&["-q", "ingest", "--domestic", good.to_str().unwrap()]), 0);
    let gen = std::fs::read_to_string(d.path().join("stdalign-index/CURRENT")).unwrap();
    let meta_path = d.path().join("stdalign-index").join(gen.trim()).join("meta.json");
    let mut meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    meta["format_version"] = serde_json::json!(999);
    std::fs::write(&meta_path, meta.to_string()).unwrap();
    let out = run_expect(d.cmd(&["show", "YD/T 1-2020"]), 2);
    assert!(stderr(&out).contains("rebuild the index"), "{}", stderr(&out));
}

#[test]
fn a_held_lock_refuses_a_second_writer() {
    use fs2::FileExt;
    let d = Dir::new();
    let good = d.create("ok.csv", &format!("{HDR}YD/T 1-2020,一,One,现行,\n"));
    std::fs::create_dir_all(d.path().join("stdalign-index")).unwrap();
    let lock = std::fs::File::create(d.path().join("stdalign-index/.lock")).unwrap();
    lock.lock_exclusive().unwrap();
    let out = run_expect(d.cmd(&["-q", "ingest", "--domestic", good.to_str().unwrap()]), 2);
    assert!(stderr(&out).contains("locked"), "{}", stderr(&out));
}
