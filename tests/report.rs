//! `stdalign report`: the bundled corpora (snapshots of summary.json and
//! report.md), byte-identical output whatever `--jobs` is, decisions and
//! baselines, the XLSX read back for the formula-injection rule, and the
//! HTML report loaded in headless Chromium when it is installed.
//!
//! Refresh the snapshots with `UPDATE_SNAPSHOTS=1 cargo test report`.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

use crate::util::{run_expect, stderr, stdout, Dir};

const AS_OF: &str = "2026-01-01";

/// Replaces what depends on the machine: the repository path and the
/// snapshot dates taken from file modification times.
fn normalise(text: &str) -> String {
    let repo = env!("CARGO_MANIFEST_DIR");
    let t = text.replace(repo, "<repo>");
    let mut out = String::with_capacity(t.len());
    for line in t.lines() {
        if let Some(i) = line.find("\"snapshot\": \"") {
            out.push_str(&line[..i]);
            out.push_str("\"snapshot\": \"<date>\"");
            if line.trim_end().ends_with(',') {
                out.push(',');
            }
        } else if line.starts_with("| domestic | <repo>") || line.starts_with("| international | <repo>") {
            // Method table rows: `| side | file | date |`.
            let cut = line.trim_end_matches(" |").rfind(" | ").map(|i| &line[..i]).unwrap_or(line);
            out.push_str(cut);
            out.push_str(" | <date> |");
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[track_caller]
fn check_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing snapshot {}; run with UPDATE_SNAPSHOTS=1", path.display()));
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(8)
            .map(|(i, (a, b))| format!("line {}:\n  - {a}\n  + {b}", i + 1))
            .collect();
        panic!(
            "snapshot {name} differs ({} vs {} lines); rerun with UPDATE_SNAPSHOTS=1 if intended\n{}",
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn corpora_report_snapshots_and_jobs_independence() {
    let d = Dir::new();
    let out = run_expect(d.cmd(&["-q", "report", "--as-of", AS_OF, "--jobs", "1", "-o", "r1"]), 0);
    assert!(stdout(&out).contains("indicator A"), "{}", stdout(&out));
    let r1 = d.path().join("r1");
    for f in ["summary.json", "rates.csv", "gaps.csv", "pairs.csv", "report.xlsx", "report.md", "report.html"] {
        assert!(r1.join(f).is_file(), "{f} missing");
    }
    let summary = read(&r1.join("summary.json"));
    let v: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(v["schema"], "stdalign.summary/1");
    assert_eq!(v["as_of"], AS_OF);
    let u = v["headline"]["universe"].as_u64().unwrap();
    let n = v["headline"]["converted"].as_u64().unwrap();
    assert!(u > 0 && n > 0 && n <= u);
    let rate = v["headline"]["rate"].as_f64().unwrap();
    assert!((rate - n as f64 / u as f64).abs() < 1e-12);
    let to = v["headline"]["to_target"].as_u64().unwrap();
    assert_eq!(to, ((0.9 * u as f64 - 1e-9).ceil() as u64).saturating_sub(n));
    assert!(v["inputs"].as_array().unwrap().len() >= 8);
    // Same figures with two threads, reusing the index built by the first run.
    run_expect(d.cmd(&["-q", "report", "--index", "r1/index", "--as-of", AS_OF, "--jobs", "2", "-o", "r2"]), 0);
    let r2 = d.path().join("r2");
    for f in ["summary.json", "rates.csv", "gaps.csv", "report.md", "report.html"] {
        assert_eq!(read(&r1.join(f)), read(&r2.join(f)), "{f} differs between --jobs 1 and --jobs 2");
    }

    // Snapshots: declared correspondences only (an empty pairs file), so that
    // the snapshot does not move with the title matcher's learned model.
    d.create("no-pairs.csv", "domestic,international,international_work_item,degree,source,score\n");
    run_expect(
        d.cmd(&["-q", "report", "--index", "r1/index", "--pairs", "no-pairs.csv", "--as-of", AS_OF, "-o", "rs"]),
        0,
    );
    let rs = d.path().join("rs");
    check_snapshot("corpora_summary.json", &normalise(&read(&rs.join("summary.json"))));
    check_snapshot("corpora_report.md", &normalise(&read(&rs.join("report.md"))));

    // Baseline: a later run carries the trend.
    run_expect(
        d.cmd(&[
            "-q",
            "report",
            "--index",
            "r1/index",
            "--pairs",
            "r1/pairs.csv",
            "--as-of",
            "2027-01-01",
            "--baseline",
            "r1/summary.json",
            "-o",
            "r3",
        ]),
        0,
    );
    let v3: serde_json::Value = serde_json::from_str(&read(&d.path().join("r3/summary.json"))).unwrap();
    assert_eq!(v3["trend"].as_array().unwrap().len(), 2);
    assert_eq!(v3["baseline"]["as_of"], AS_OF);
    assert!(read(&d.path().join("r3/report.html")).contains("id=\"chart-trend\""));
}

/// International and domestic catalogues whose text fields try to run as
/// formulas or scripts.
fn hostile_catalogues(d: &Dir) -> (PathBuf, PathBuf) {
    let intl = d.create(
        "intl.csv",
        "reference,doctype,title_en,title_fr,ics_codes,ics_titles,committee,published,stage,edition,obsoleted_date,obsoletes,obsoleted_by,url,source_file\n\
         ISO 7001:2023,international-standard,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,33.040,,ISO/TC 145,2023-02-01,60.60,4,,,,,t\n\
         ISO 7002:2020,international-standard,+cmd|' /C calc'!A0,,33.040,,@SUM(1),2020-02-01,90.92,1,,,,,t\n\
         ISO 7003:2021,international-standard,Graphical symbols,,33.040,,ISO/TC 145,2021-02-01,60.60,1,,,,,t\n\
         ISO 7004:2019,international-standard,-2+3 <script>alert(1)</script> Tabulated values,,33.040,,ISO/TC 145,2019-02-01,60.60,1,,,,,t\n",
    );
    let dom = d.create(
        "dom.csv",
        "标准号,中文标准名称,英文标准名称,国际标准分类号,中国标准分类号,发布日期,实施日期,状态,代替标准,采标情况,采用程度,主管部门,归口单位\n\
         YD/T 9001-2024,图形符号,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",33.040,M04,2024-01-01,2024-06-01,现行,,\"ISO 7001:2023, IDT\",,工业和信息化部,@evil\n\
         YD/T 9002-2021,符号二,\"\tTabbed title\",33.040,M04,2021-01-01,2021-06-01,现行,,\"ISO 7002:2020, NEQ\",,工业和信息化部,=1+1\n\
         YD/T 9003-2022,<script>alert(2)</script>,<b>bold</b> symbols,33.040,M04,2022-01-01,2022-06-01,现行,,\"ISO 7003:2021, MOD\",,工业和信息化部,\n",
    );
    (dom, intl)
}

/// Runs `report` on the hostile catalogues into `out/` of a fresh directory.
fn hostile_report() -> Dir {
    let d = Dir::new();
    let (dom, intl) = hostile_catalogues(&d);
    run_expect(
        d.cmd(&[
            "-q",
            "report",
            "--domestic",
            dom.to_str().unwrap(),
            "--international",
            intl.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            "out",
        ]),
        0,
    );
    d
}

#[test]
fn xlsx_reads_back_with_every_sheet_and_no_live_formula() {
    let d = hostile_report();
    let path = d.path().join("out/report.xlsx");
    let mut wb = calamine::open_workbook_auto(&path).unwrap();
    let names = wb.sheet_names().to_vec();
    assert_eq!(names, ["Summary", "By sector", "By ICS field", "Gaps", "Pairs", "Method"]);
    let mut texts = Vec::new();
    for name in &names {
        let formulas = wb.worksheet_formula(name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{name} has a formula");
        let range = wb.worksheet_range(name).unwrap();
        assert!(range.height() >= 2, "{name} is empty");
        for (r, c, cell) in range.used_cells() {
            if let Data::String(s) = cell {
                assert!(
                    !stdalign::report::needs_neutralising(s),
                    "{name}!R{}C{}: {s:?} would run as a formula",
                    r + 1,
                    c + 1
                );
                texts.push(s.clone());
            }
        }
    }
    assert!(texts.iter().any(|t| t == "'=HYPERLINK(\"http://x\",\"y\")"), "payload not found as inert text");
    assert!(texts.iter().any(|t| t.starts_with("'+cmd")));
    // Rates are numbers in [0, 1] formatted as percentages.
    let summary = wb.worksheet_range("Summary").unwrap();
    let rate = summary.get((2, 1)).unwrap();
    assert!(matches!(rate, Data::Float(x) if (0.0..=1.0).contains(x)), "{rate:?}");
    // The CSVs follow the same rule.
    let gaps = read(&d.path().join("out/gaps.csv"));
    assert!(gaps.contains("'+cmd") && gaps.contains("'-2+3"), "{gaps}");
    let mut rdr = csv::Reader::from_path(d.path().join("out/gaps.csv")).unwrap();
    for rec in rdr.records() {
        for cell in rec.unwrap().iter() {
            assert!(!stdalign::report::needs_neutralising(cell), "gaps.csv cell {cell:?}");
        }
    }
}

#[test]
fn html_escapes_catalogue_text_and_renders_in_chromium() {
    let d = hostile_report();
    let html_path = d.path().join("out/report.html");
    let html = read(&html_path);
    assert!(!html.contains("<script"), "a catalogue <script> reached the HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("http://") || !html.contains("src=\"http"), "no network resources");
    assert!(html.contains("<svg") && html.contains("<table"));
    let md = read(&d.path().join("out/report.md"));
    assert!(!md.contains("<script>"));

    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|b| std::process::Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(chromium) = chromium else {
        eprintln!("SKIPPED: chromium is not installed (CI installs it with .ci/run); HTML not rendered");
        return;
    };
    let profile = d.path().join("chromium-profile");
    let base = |extra: &[String]| {
        let mut c = std::process::Command::new(chromium);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", html_path.display()));
        c
    };
    let out = base(&["--dump-dom".to_string()]).output().expect("run chromium");
    let dom_text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    for needle in ["<svg", "id=\"chart-sectors\"", "id=\"chart-gaps\"", "id=\"chart-lag\"", "<table", "Method"] {
        assert!(dom_text.contains(needle), "rendered DOM lacks {needle}");
    }
    assert!(!dom_text.contains("<script>alert"), "script executed or injected");
    let log = String::from_utf8_lossy(&out.stderr);
    let console_errors: Vec<&str> =
        log.lines().filter(|l| l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error"))).collect();
    assert!(console_errors.is_empty(), "console errors: {console_errors:?}");
    // A screenshot for a person to look at (not committed).
    let shot = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshot.png");
    let _ = base(&[format!("--screenshot={}", shot.display()), "--window-size=1280,2000".to_string()]).output();
    if shot.is_file() {
        eprintln!("screenshot: {}", shot.display());
    }
}

#[test]
fn decisions_are_honoured_and_unknown_numbers_reported() {
    let d = Dir::new();
    let (dom, intl) = hostile_catalogues(&d);
    let dec = d.create(
        "decisions.csv",
        "domestic,international,decision,reason,reviewer,date,degree\n\
         YD/T 9002-2021,ISO 7002:2020,confirm,compared clause by clause,Wang,2025-11-02,MOD\n\
         ,ISO 7004,not-applicable,not applicable in China: superseded by national rule,Wang,2025-11-02,\n\
         YD/T 9999-2020,ISO 7001,confirm,,Wang,2025-11-02,\n",
    );
    let args = |extra: &[&str]| {
        let mut v = vec![
            "report",
            "--domestic",
            dom.to_str().unwrap(),
            "--international",
            intl.to_str().unwrap(),
            "--as-of",
            AS_OF,
        ];
        v.extend_from_slice(extra);
        v.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let a = args(&["-o", "without"]);
    run_expect(d.cmd(&a.iter().map(String::as_str).collect::<Vec<_>>()), 0);
    let a = args(&["--decisions", dec.to_str().unwrap(), "-o", "with"]);
    let out = run_expect(d.cmd(&a.iter().map(String::as_str).collect::<Vec<_>>()), 0);
    assert!(stderr(&out).contains("YD/T 9999-2020"), "unknown number not reported: {}", stderr(&out));
    let before: serde_json::Value = serde_json::from_str(&read(&d.path().join("without/summary.json"))).unwrap();
    let after: serde_json::Value = serde_json::from_str(&read(&d.path().join("with/summary.json"))).unwrap();
    // Without: U = 4 (ISO 7001..7004), N = 2 (7001 IDT, 7003 MOD).
    assert_eq!(before["headline"]["universe"], 4);
    assert_eq!(before["headline"]["converted"], 2);
    // With: 7004 excluded, 7002 confirmed as MOD (the declaration said NEQ).
    assert_eq!(after["headline"]["universe"], 3);
    assert_eq!(after["headline"]["converted"], 3);
    assert_eq!(after["decisions"]["unknown"].as_array().unwrap().len(), 1);
    assert_eq!(after["overall"]["excluded"], 1);

    // A bad decision word is an error before any work.
    let bad = d.create("bad.csv", "domestic,international,decision,reason,reviewer,date\nA,B,perhaps,,,\n");
    let a = args(&["--decisions", bad.to_str().unwrap(), "-o", "bad"]);
    let out = run_expect(d.cmd(&a.iter().map(String::as_str).collect::<Vec<_>>()), 2);
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
    // So is a bad scope.
    let scope = d.create("scope.json", r#"{"doc_types": ["XX"]}"#);
    let a = args(&["--scope", scope.to_str().unwrap(), "-o", "bad"]);
    run_expect(d.cmd(&a.iter().map(String::as_str).collect::<Vec<_>>()), 2);
}
