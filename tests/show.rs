//! `stdalign show`: any spelling of a number finds the stored record.

use crate::util::{run_expect, stdout, Dir};

#[test]
fn spellings_find_the_same_record() {
    let d = Dir::new();
    let dom = d.create(
        "d.csv",
        "标准号,中文标准名称,英文标准名称,状态,采标情况\nGB/T 228.1-2021,金属材料 拉伸试验 第1部分：室温试验方法,Metallic materials—Tensile testing—Part 1: Method of test at room temperature,现行,修改采用ISO 6892-1∶2019\n",
    );
    let iso = d.create(
        "iso.csv",
        "reference,title_en,stage\nISO 6892-1:2019,Metallic materials - Tensile testing - Part 1: Method of test at room temperature,60.60\nISO 6892-1:2016,Metallic materials - Tensile testing - Part 1: Method of test at room temperature,95.99\n",
    );
    run_expect(
        d.cmd(&["-q", "ingest", "--domestic", dom.to_str().unwrap(), "--international", iso.to_str().unwrap()]),
        0,
    );
    for q in ["GB/T 228.1-2021", "GB/T228.1—2021", "ＧＢ／Ｔ　２２８．１－２０２１", "gb/t 228.1-2021"]
    {
        let out = run_expect(d.cmd(&["show", q]), 0);
        assert!(stdout(&out).starts_with("GB/T 228.1-2021 [domestic]"), "{q}: {}", stdout(&out));
        assert!(stdout(&out).contains("ISO 6892-1:2019 MOD"), "{}", stdout(&out));
    }
    let out = run_expect(d.cmd(&["show", "ISO 6892-1"]), 0);
    assert!(stdout(&out).contains("ISO 6892-1:2016") && stdout(&out).contains("ISO 6892-1:2019"));
    let out = run_expect(d.cmd(&["show", "--json", "ISO 6892-1:2016"]), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["replaced_by"][0], "ISO 6892-1:2019");
    run_expect(d.cmd(&["show", "ISO 1"]), 1);
}

#[test]
fn a_closed_pipe_exits_zero_without_a_panic() {
    let d = Dir::new();
    run_expect(d.cmd(&["-q", "ingest"]), 0);
    for _ in 0..3 {
        let mut child = d
            .cmd(&["show", "ISO 9001"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(out.status.code(), Some(0), "{err}");
    }
}
