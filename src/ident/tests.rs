//! Unit and property tests for the `ident` module.

use super::*;
use proptest::prelude::*;

#[track_caller]
fn check(input: &str, expected_display: &str, expected_work_item: &str) -> StdRef {
    let r = StdRef::parse(input).unwrap_or_else(|e| panic!("parse({input:?}) failed: {e}"));
    assert_eq!(r.to_string(), expected_display, "display of {input:?}: {r:#?}");
    assert_eq!(r.work_item(), expected_work_item, "work item of {input:?}");
    assert_round_trip(&r);
    r
}

/// Fields compared by the round-trip property: everything except spelling flags.
fn spelling_free(r: &StdRef) -> StdRef {
    let mut c = r.clone();
    let verbatim = c.flags.verbatim;
    c.flags = RefFlags { verbatim, ..RefFlags::default() };
    if let Some(d) = c.double.take() {
        c.double = Some(Box::new(spelling_free(&d)));
    }
    c
}

#[track_caller]
fn assert_round_trip(r: &StdRef) {
    let shown = r.to_string();
    let again = StdRef::parse(&shown).unwrap_or_else(|e| panic!("reparse of {shown:?}: {e}"));
    assert_eq!(spelling_free(&again), spelling_free(r), "round trip through {shown:?}");
    assert_eq!(again.to_string(), shown, "display stable for {shown:?}");
}

fn supp(kind: SuppKind, number: Option<u32>, year: Option<u16>, stage: Option<&str>) -> Supplement {
    Supplement { kind, number, year, stage: stage.map(str::to_string) }
}

// ------------------------------------------------------------------ Chinese

#[test]
fn chinese_basic() {
    let r = check("GB/T 228.1-2021", "GB/T 228.1-2021", "GB 228.1");
    assert_eq!(r.family, Family::Cn);
    assert_eq!(r.publisher, "GB");
    assert_eq!(r.nature, Some(Nature::Recommended));
    assert_eq!(r.number, "228");
    assert_eq!(r.parts, vec!["1"]);
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.edition(), "GB 228.1:2021");
    assert_eq!(r.code_root(), Some("GB"));
    assert!(r.is_chinese() && !r.is_international() && !r.is_miit());
    check("GB/T 228.1—2021", "GB/T 228.1-2021", "GB 228.1");
    check("GBT 228.1", "GB/T 228.1", "GB 228.1");
    check("GB/T228.1-2021", "GB/T 228.1-2021", "GB 228.1");
    check("GB∕T 228.1-2021", "GB/T 228.1-2021", "GB 228.1");
    check("ＧＢ／Ｔ　２２８．１－２０２１", "GB/T 228.1-2021", "GB 228.1");
    check("gb/t 228.1 - 2021", "GB/T 228.1-2021", "GB 228.1");
    let z = check("GB/Z 20000.2-2009", "GB/Z 20000.2-2009", "GB 20000.2");
    assert_eq!(z.nature, Some(Nature::Guidance));
    let m = check("GB 24315-2009", "GB 24315-2009", "GB 24315");
    assert_eq!(m.nature, Some(Nature::Mandatory));
}

#[test]
fn chinese_sector_and_local() {
    let r = check("YD/T 1843.2-2015", "YD/T 1843.2-2015", "YD 1843.2");
    assert!(r.is_miit());
    assert_eq!(r.code_root(), Some("YD"));
    let r = check("SJ/T 11363-2006", "SJ/T 11363-2006", "SJ 11363");
    assert!(r.is_miit());
    let r = check("MH/T 6040-2007", "MH/T 6040-2007", "MH 6040");
    assert!(!r.is_miit() && r.is_chinese());
    let r = check("DB11/T 1234-2020", "DB11/T 1234-2020", "DB11 1234");
    assert_eq!(r.publisher, "DB11");
    assert_eq!(r.family, Family::Cn);
    let r = check("DB/T 12-2020", "DB/T 12-2020", "DB 12");
    assert_eq!(r.publisher, "DB");
    let r = check("YDN 065-1997", "YDN 065-1997", "YDN 065");
    assert_eq!(r.publisher, "YDN");
    check("YDJ 8-85", "YDJ 8-1985", "YDJ 8");
    let r = check("GB/T 16895.6.1", "GB/T 16895.6.1", "GB 16895.6.1");
    assert_eq!(r.parts, vec!["6", "1"]);
    assert_eq!(check("YD 5xxx", "YD 5xxx", "YD 5xxx").family, Family::Other);
}

#[test]
fn chinese_years_and_sheets() {
    let r = check("GB 3100-93", "GB 3100-1993", "GB 3100");
    assert_eq!(r.year, Some(1993));
    assert!(r.flags.two_digit_year);
    check("GB/T 13983-92", "GB/T 13983-1992", "GB 13983");
    let r = check("GB/T 15629.11-2003/XG1-2006", "GB/T 15629.11-2003/XG1-2006", "GB 15629.11");
    assert_eq!(r.supplements, vec![supp(SuppKind::Xg, Some(1), Some(2006), None)]);
    assert!(r.is_supplement());
    assert_eq!(r.edition(), "GB 15629.11:2003");
    assert_eq!(r.base().to_string(), "GB/T 15629.11-2003");
    check("GB 24315-2009/XG1-2012", "GB 24315-2009/XG1-2012", "GB 24315");
}

#[test]
fn chinese_double_number() {
    let r = check("GB/T 19001-2016/ISO 9001:2015", "GB/T 19001-2016/ISO 9001:2015", "GB 19001");
    let d = r.double.as_deref().expect("double");
    assert_eq!(d.family, Family::Iso);
    assert_eq!(d.work_item(), "ISO 9001");
    assert_eq!(d.year, Some(2015));
}

// ------------------------------------------------------------------ ISO / IEC

#[test]
fn iso_basic() {
    let r = check("ISO 9001:2015", "ISO 9001:2015", "ISO 9001");
    assert_eq!(r.family, Family::Iso);
    assert_eq!(r.edition(), "ISO 9001:2015");
    assert!(r.is_international() && !r.is_supplement());
    assert_eq!(r.code_root(), None);
    check("iso 9001", "ISO 9001", "ISO 9001");
    check("ISO9001:2015", "ISO 9001:2015", "ISO 9001");
    let r = check("Iso/iec 27001", "ISO/IEC 27001", "ISO/IEC 27001");
    assert_eq!(r.family, Family::IsoIec);
    let r = check("ISO/IEC 27001:2022/Amd 1:2024", "ISO/IEC 27001:2022/Amd 1:2024", "ISO/IEC 27001");
    assert_eq!(r.supplements, vec![supp(SuppKind::Amd, Some(1), Some(2024), None)]);
    assert!(r.is_supplement());
    assert_eq!(r.edition(), "ISO/IEC 27001:2022");
    assert_eq!(r.base().to_string(), "ISO/IEC 27001:2022");
    let r = check("ISO/TS 14812:2025", "ISO/TS 14812:2025", "ISO/TS 14812");
    assert_eq!(r.doc_type, DocType::Ts);
    check("ISO/TR 7035-2:2024", "ISO/TR 7035-2:2024", "ISO/TR 7035-2");
    check("ISO/IEC 19566-7:2022/Amd 1:2025", "ISO/IEC 19566-7:2022/Amd 1:2025", "ISO/IEC 19566-7");
    let r = check("ISO 6892-1:2019", "ISO 6892-1:2019", "ISO 6892-1");
    assert_eq!(r.parts, vec!["1"]);
    assert_ne!(StdRef::parse("ISO 6892-2").map(|r| r.work_item()), Ok(r.work_item()));
}

#[test]
fn iso_guides_and_types() {
    let r = check("ISO/IEC Guide 21-1:2005", "ISO/IEC Guide 21-1:2005", "ISO/IEC Guide 21-1");
    assert_eq!(r.doc_type, DocType::Guide);
    check("ISO/IEC Guide 21—1:2005", "ISO/IEC Guide 21-1:2005", "ISO/IEC Guide 21-1");
    let r = check("ISO/IEC Guide 21-1999", "ISO/IEC Guide 21:1999", "ISO/IEC Guide 21");
    assert_eq!(r.year, Some(1999));
    assert!(r.flags.year_from_hyphen);
    assert!(r.parts.is_empty());
    check("ISO Guide 1:1972", "ISO Guide 1:1972", "ISO Guide 1");
    let r = check("ISO/R 10:1955", "ISO/R 10:1955", "ISO/R 10");
    assert_eq!(r.doc_type, DocType::R);
    let r = check("ISO/IEC ISP 10607-1:1990", "ISO/IEC ISP 10607-1:1990", "ISO/IEC ISP 10607-1");
    assert_eq!(r.doc_type, DocType::Isp);
    let r = check("ISO/ASTM 51026:2015", "ISO/ASTM 51026:2015", "ISO/ASTM 51026");
    assert_eq!((r.family, r.publisher.as_str()), (Family::Iso, "ISO/ASTM"));
    let r = check("ISO/IEC DIR 2 ISO:1992", "ISO/IEC DIR 2 ISO:1992", "ISO/IEC DIR 2 ISO");
    assert_eq!(r.doc_type, DocType::Dir);
    assert_eq!(r.year, Some(1992));
    let r = check("IWA 14-1:2013", "IWA 14-1:2013", "IWA 14-1");
    assert_eq!((r.family, r.doc_type.clone()), (Family::Iso, DocType::Iwa));
    let r = check("ISO TS 21356-1:2021", "ISO/TS 21356-1:2021", "ISO/TS 21356-1");
    assert_eq!(r.doc_type, DocType::Ts);
    let r =
        check("ISO/IEC/IEEE 8802-1Q:2016/Amd 1:2017", "ISO/IEC/IEEE 8802-1Q:2016/Amd 1:2017", "ISO/IEC/IEEE 8802-1Q");
    assert_eq!(r.family, Family::IsoIec);
    check("ISO 105-E01:1987", "ISO 105-E01:1987", "ISO 105-E01");
    check("ISO/HL7 10781:2009", "ISO/HL7 10781:2009", "ISO/HL7 10781");
    check("ISO/DATA 1:1978", "ISO/DATA 1:1978", "ISO/DATA 1");
}

#[test]
fn iso_drafts() {
    let r = check("ISO/DIS 10012", "ISO/DIS 10012", "ISO 10012");
    assert_eq!(r.stage.as_deref(), Some("DIS"));
    let r = check("ISO/IEC DIS 10373-6", "ISO/IEC DIS 10373-6", "ISO/IEC 10373-6");
    assert_eq!(r.stage.as_deref(), Some("DIS"));
    let r = check("ISO 10062:2022/DAM 1", "ISO 10062:2022/DAM 1", "ISO 10062");
    assert_eq!(r.supplements, vec![supp(SuppKind::Amd, Some(1), None, Some("DAM"))]);
    let r = check("ISO 10087:2022/CD Amd 1", "ISO 10087:2022/CD Amd 1", "ISO 10087");
    assert_eq!(r.supplements, vec![supp(SuppKind::Amd, Some(1), None, Some("CD"))]);
    check("ISO 1234:2000/FDAmd 1", "ISO 1234:2000/FDAM 1", "ISO 1234");
    let r = check("ISO/DTS 11353", "ISO/DTS 11353", "ISO/TS 11353");
    assert_eq!(r.doc_type, DocType::Ts);
    check("ISO/CD TS 10303-1001", "ISO/CD TS 10303-1001", "ISO/TS 10303-1001");
    let r = check("ISO/DIS 10239.2", "ISO/DIS 10239.2", "ISO 10239");
    assert_eq!(r.stage.as_deref(), Some("DIS.2"));
    assert!(r.parts.is_empty() && !r.flags.from_dot);
    check("ISO/CD 10993-1.2", "ISO/CD 10993-1.2", "ISO 10993-1");
    check("ISO/IEC 10646:2020/CD Amd 2.3", "ISO/IEC 10646:2020/CD Amd 2.3", "ISO/IEC 10646");
    check("CD IWA 45", "IWA/CD 45", "IWA 45");
    check("ISO/DGuide 84", "ISO/DGuide 84", "ISO Guide 84");
}

#[test]
fn iso_supplement_chains() {
    let r = check(
        "ISO/IEC 10035-1:1995/Amd 1:1997/Cor 1:1999",
        "ISO/IEC 10035-1:1995/Amd 1:1997/Cor 1:1999",
        "ISO/IEC 10035-1",
    );
    assert_eq!(r.supplements.len(), 2);
    assert_eq!(r.supplements[1], supp(SuppKind::Cor, Some(1), Some(1999), None));
    check("ISO 1180:1983/Add 1:1985", "ISO 1180:1983/Add 1:1985", "ISO 1180");
    check("ISO 6789:2003 + Amd 1:2008", "ISO 6789:2003/Amd 1:2008", "ISO 6789");
    check("ISO/IEC Guide 98-3:2008/Suppl 1:2008", "ISO/IEC Guide 98-3:2008/Suppl 1:2008", "ISO/IEC Guide 98-3");
    let r = check("ISO 3758:1991/Suppl:1993", "ISO 3758:1991/Suppl:1993", "ISO 3758");
    assert_eq!(r.supplements, vec![supp(SuppKind::Suppl, None, Some(1993), None)]);
    check("ISO 9001:2015 (E)", "ISO 9001:2015", "ISO 9001");
}

#[test]
fn iso_dot_for_hyphen() {
    let r = check("ISO/IEC 8802.11:1999", "ISO/IEC 8802-11:1999", "ISO/IEC 8802-11");
    assert_eq!(r.number, "8802");
    assert_eq!(r.parts, vec!["11"]);
    assert!(r.flags.from_dot);
}

#[test]
fn en_adoptions() {
    let r = check("EN ISO 13485:2016", "ISO 13485:2016", "ISO 13485");
    assert!(r.flags.via_en);
    assert_eq!((r.family, r.publisher.as_str()), (Family::Iso, "ISO"));
    let r = check("BS EN ISO 13485:2016", "ISO 13485:2016", "ISO 13485");
    assert!(r.flags.via_en);
    let r = check("EN ISO 13485:2016/AC:2016", "ISO 13485:2016/Cor:2016", "ISO 13485");
    assert_eq!(r.supplements, vec![supp(SuppKind::Cor, None, Some(2016), None)]);
    let r = check("EN 196-3", "EN 196-3", "EN 196-3");
    assert_eq!(r.family, Family::Other);
    let r = check("EN 196-3:2005+A1:2008", "EN 196-3:2005/Amd 1:2008", "EN 196-3");
    assert_eq!(r.family, Family::Other);
    assert_eq!(r.supplements.len(), 1);
}

#[test]
fn iec_references() {
    let r = check("IEC 61131-3:2013/AMD1:2019", "IEC 61131-3:2013/AMD1:2019", "IEC 61131-3");
    assert_eq!(r.family, Family::Iec);
    assert_eq!(r.supplements, vec![supp(SuppKind::Amd, Some(1), Some(2019), None)]);
    check("IEC 61131-3:2013/Amd 1:2019", "IEC 61131-3:2013/AMD1:2019", "IEC 61131-3");
    let r = check("CISPR 16-1-3:2004/COR1:2006", "CISPR 16-1-3:2004/COR1:2006", "CISPR 16-1-3");
    assert_eq!((r.family, r.publisher.as_str()), (Family::Iec, "CISPR"));
    let r =
        check("IEC 60950-1:2005+AMD1:2009+AMD2:2013 CSV", "IEC 60950-1:2005+AMD1:2009+AMD2:2013 CSV", "IEC 60950-1");
    assert_eq!(r.vap.as_deref(), Some("CSV"));
    assert_eq!(r.supplements.len(), 2);
    assert!(!r.is_supplement());
    assert_eq!(r.base().to_string(), "IEC 60950-1:2005");
    check("IEC 60335-1:2020+AMD1:2023 CSV", "IEC 60335-1:2020+AMD1:2023 CSV", "IEC 60335-1");
    check("IEC 60068-2-6:1982+AMD1:1983+AMD2:1985 CSV", "IEC 60068-2-6:1982+AMD1:1983+AMD2:1985 CSV", "IEC 60068-2-6");
    let r = check("IEC 60034-11:2020 RLV", "IEC 60034-11:2020 RLV", "IEC 60034-11");
    assert_eq!(r.vap.as_deref(), Some("RLV"));
    let r = check("IEC 60076-11:2018/ISH1:2020", "IEC 60076-11:2018/ISH1:2020", "IEC 60076-11");
    assert_eq!(r.supplements, vec![supp(SuppKind::Ish, Some(1), Some(2020), None)]);
    let r = check("IEC 60027-1A:1976", "IEC 60027-1A:1976", "IEC 60027-1A");
    assert_eq!(r.parts, vec!["1A"]);
    let r =
        check("IEC 60335-1:2001+AMD1:2004 CSV/COR1:2005", "IEC 60335-1:2001+AMD1:2004 CSV/COR1:2005", "IEC 60335-1");
    assert!(r.is_supplement());
    check("IEC TR 60083:1975", "IEC TR 60083:1975", "IEC TR 60083");
    check("IEC/TR 60601-4-1:2017", "IEC TR 60601-4-1:2017", "IEC TR 60601-4-1");
    let r = check("IEC/IEEE 60076-16:2018", "IEC/IEEE 60076-16:2018", "IEC/IEEE 60076-16");
    assert_eq!(r.family, Family::Iec);
    check("ISO/IEC 11801-1:2017+AMD1:2025 CSV", "ISO/IEC 11801-1:2017+AMD1:2025 CSV", "ISO/IEC 11801-1");
    check("IEC 60695-2-1/0:1994", "IEC 60695-2-1/0:1994", "IEC 60695-2-1/0");
}

#[test]
fn iec_legacy_numbers() {
    let r = check("IEC 335-1", "IEC 60335-1", "IEC 60335-1");
    assert!(r.flags.legacy_iec);
    let r = check("IEC 335-1:1976", "IEC 60335-1:1976", "IEC 60335-1");
    assert!(r.flags.legacy_iec);
    // Catalogue slip for IEC Guide 112: current year, so not renumbered.
    let r = check("IEC 112:2017", "IEC 112:2017", "IEC 112");
    assert!(!r.flags.legacy_iec);
    // Genuine five-digit IEC number.
    let r = check("IEC 31010", "IEC 31010", "IEC 31010");
    assert!(!r.flags.legacy_iec);
    check("IEC Guide 104:1984", "IEC Guide 104:1984", "IEC Guide 104");
    check("CISPR 16-1-3", "CISPR 16-1-3", "CISPR 16-1-3");
    check("ISO/IEC 646:1991", "ISO/IEC 646:1991", "ISO/IEC 646");
}

// ------------------------------------------------------------------ ITU

#[test]
fn itu_t() {
    let r = check("ITU-T G.711 (11/1988)", "ITU-T G.711 (11/1988)", "ITU-T G.711");
    assert_eq!(r.family, Family::ItuT);
    assert_eq!(r.doc_type, DocType::Rec);
    assert_eq!((r.year, r.month), (Some(1988), Some(11)));
    assert_eq!(r.edition(), "ITU-T G.711:1988");
    let r = check("ITU-T Y.2060 (06/2012)", "ITU-T Y.2060 (06/2012)", "ITU-T Y.2060");
    assert_eq!(r.number, "Y.2060");
    assert_eq!(r.edition(), "ITU-T Y.2060:2012");
    let r = check("ITU-T Y.4000/Y.2060 (06/2012)", "ITU-T Y.4000/Y.2060 (06/2012)", "ITU-T Y.4000");
    assert_eq!(r.alt_numbers, vec!["Y.2060"]);
    let r = check("ITU-T G.7041/Y.1303 (04/2011)", "ITU-T G.7041/Y.1303 (04/2011)", "ITU-T G.7041");
    assert_eq!(r.alt_numbers, vec!["Y.1303"]);
    let r = check("ITU-T G.108.2 (2007) Amd. 1 (10/2007)", "ITU-T G.108.2 (2007) Amd. 1 (10/2007)", "ITU-T G.108.2");
    assert_eq!(r.year, Some(2007));
    assert_eq!(r.month, Some(10));
    assert_eq!(r.supplements, vec![supp(SuppKind::Amd, Some(1), Some(2007), None)]);
    assert_eq!(r.base().to_string(), "ITU-T G.108.2 (2007)");
    let r =
        check("ITU-T X.215 (1995) Technical Cor. 1 (03/2000)", "ITU-T X.215 (1995) Cor. 1 (03/2000)", "ITU-T X.215");
    assert_eq!(r.supplements[0].kind, SuppKind::Cor);
    let r = check("Rec. ITU-T A.12 (2008)/Cor.2 (02/2016)", "ITU-T A.12 (2008) Cor. 2 (02/2016)", "ITU-T A.12");
    assert_eq!(r.supplements, vec![supp(SuppKind::Cor, Some(2), Some(2016), None)]);
    let r = check("ITU-T G Suppl. 1 (12/1972)", "ITU-T G Suppl. 1 (12/1972)", "ITU-T G Suppl. 1");
    assert_eq!(r.doc_type, DocType::Suppl);
    check("ITU-T Rec. G.711", "ITU-T G.711", "ITU-T G.711");
    check("ITU-T Y.2001:2004", "ITU-T Y.2001 (2004)", "ITU-T Y.2001");
    check("ITU-T G.711", "ITU-T G.711", "ITU-T G.711");
    check("ITU-T G.191 (01/2019)", "ITU-T G.191 (01/2019)", "ITU-T G.191");
    let r = check("ITU-T G.694.1", "ITU-T G.694.1", "ITU-T G.694.1");
    assert!(r.parts.is_empty() && !r.flags.from_dot);
    let r =
        check("ITU-T X.680 (2021) | ISO/IEC 8824-1:2021", "ITU-T X.680 (2021) | ISO/IEC 8824-1:2021", "ITU-T X.680");
    assert_eq!(r.double.as_deref().map(StdRef::work_item).as_deref(), Some("ISO/IEC 8824-1"));
    let r = check(
        "ITU-T H.222.0 (V8) (2021) Amd. 1 (12/2022)",
        "ITU-T H.222.0 (V8) (2021) Amd. 1 (12/2022)",
        "ITU-T H.222.0",
    );
    assert_eq!(r.revision, Some(8));
    check("ITU-T G.722.2 Annex C (01/2002)", "ITU-T G.722.2 Annex C (01/2002)", "ITU-T G.722.2 Annex C");
    check("ITU-T V.22 bis (10/1984)", "ITU-T V.22 bis (10/1984)", "ITU-T V.22 bis");
    check("ITU-T G.107 (2000) Err. 1 (05/2001)", "ITU-T G.107 (2000) Cor. 1 (05/2001)", "ITU-T G.107");
    check("ITU-T Q.3941.1 v.1 (02/2016)", "ITU-T Q.3941.1 (V1) (02/2016)", "ITU-T Q.3941.1");
}

#[test]
fn itu_r() {
    let r = check("ITU-R BT.709-6", "ITU-R BT.709-6", "ITU-R BT.709");
    assert_eq!(r.family, Family::ItuR);
    assert_eq!(r.number, "BT.709");
    assert_eq!(r.revision, Some(6));
    let r = check("ITU-R M.1032-0", "ITU-R M.1032-0", "ITU-R M.1032");
    assert_eq!(r.revision, Some(0));
    check("ITU-R 1-3/8:", "ITU-R 1-3/8", "ITU-R 1-3/8");
}

// ------------------------------------------------------------------ other bodies

#[test]
fn other_bodies() {
    let r = check("JIS C 61000-4-2:2012", "JIS C 61000-4-2:2012", "JIS C 61000-4-2");
    assert_eq!(r.family, Family::Other);
    assert_eq!(r.publisher, "JIS C");
    assert_eq!(r.number, "61000");
    assert_eq!(r.parts, vec!["4", "2"]);
    assert_eq!(r.year, Some(2012));
    assert!(r.flags.verbatim);
    let r = check("BS EN 60335-1:2012", "BS EN 60335-1:2012", "BS EN 60335-1");
    assert_eq!(r.publisher, "BS EN");
    check("DIN 1234", "DIN 1234", "DIN 1234");
    let r = check("ANSI/IEEE 802.3-2018", "ANSI/IEEE 802.3:2018", "ANSI/IEEE 802.3");
    assert_eq!(r.year, Some(2018));
    let r = check("3GPP TS 25.304", "3GPP TS 25.304", "3GPP TS 25.304");
    assert_eq!(r.number, "25.304");
    assert!(!r.is_international());
}

#[test]
fn errors() {
    assert_eq!(StdRef::parse(""), Err(IdentError::Empty));
    assert_eq!(StdRef::parse("  \u{3000} "), Err(IdentError::Empty));
    assert!(matches!(StdRef::parse("ISO"), Err(IdentError::NoNumber(_))));
    assert!(matches!(StdRef::parse("ITU-R BO"), Err(IdentError::NoNumber(_))));
    assert_eq!("ISO 9001".parse::<StdRef>().map(|r| r.number), Ok("9001".to_string()));
}

#[test]
fn serde_round_trip() {
    let r = StdRef::parse("GB/T 19001-2016/ISO 9001:2015").expect("parse");
    let j = serde_json::to_string(&r).expect("ser");
    let back: StdRef = serde_json::from_str(&j).expect("de");
    assert_eq!(back, r);
}

// ------------------------------------------------------------------ declarations

#[track_caller]
fn decl(text: &str, col: Option<&str>, expect: &[(&str, Degree)], overall: Degree) -> Declaration {
    let d = parse_declaration(text, col);
    let got: Vec<(String, Degree)> = d.refs.iter().map(|r| (r.reference.to_string(), r.degree)).collect();
    let want: Vec<(String, Degree)> = expect.iter().map(|(s, g)| (s.to_string(), *g)).collect();
    assert_eq!(got, want, "declaration {text:?}: {d:#?}");
    assert_eq!(d.degree, overall, "overall degree of {text:?}");
    assert_eq!(d.raw, text);
    d
}

#[test]
fn declaration_shapes() {
    use Degree::*;
    decl("ISO 6892-1:2009, MOD", None, &[("ISO 6892-1:2009", Mod)], Mod);
    let d = decl("ISO/IEC 8802.11:1999,MOD", None, &[("ISO/IEC 8802-11:1999", Mod)], Mod);
    assert!(d.refs[0].reference.flags.from_dot);
    assert!(d.is_parsed() && d.issues.is_empty());
    decl("eqv ISO 3166-1:1997", None, &[("ISO 3166-1:1997", Eqv)], Eqv);
    decl("idt ISO 8601:1988", None, &[("ISO 8601:1988", Idt)], Idt);
    decl("NEQ ISO 216:1975", None, &[("ISO 216:1975", Neq)], Neq);
    decl("IDT ISO 9001:2015", None, &[("ISO 9001:2015", Idt)], Idt);
    decl("等同采用ISO 9001:2015", None, &[("ISO 9001:2015", Idt)], Idt);
    decl("修改采用 ISO 6892-1:2019", None, &[("ISO 6892-1:2019", Mod)], Mod);
    decl("非等效采用 ISO 1234:2000", None, &[("ISO 1234:2000", Neq)], Neq);
    decl("非等效 ISO 1234:2000", None, &[("ISO 1234:2000", Neq)], Neq);
    decl("等效采用 ISO 6892:1998", None, &[("ISO 6892:1998", Eqv)], Eqv);
    decl("本标准等效采用国际标准 ISO 6892:1998", None, &[("ISO 6892:1998", Eqv)], Eqv);
    let d = decl(
        "本文件修改采用ISO 6892-1∶2019《金属材料 拉伸试验 第1部分∶室温试验方法》",
        None,
        &[("ISO 6892-1:2019", Mod)],
        Mod,
    );
    assert!(d.refs[0].text.contains("ISO 6892-1"));
    let d = decl("≈ISO/IEC Guide 21-1999", None, &[("ISO/IEC Guide 21:1999", Mod)], Mod);
    assert!(d.refs[0].reference.flags.year_from_hyphen);
    decl("≡ISO 9001:2015", None, &[("ISO 9001:2015", Idt)], Idt);
    decl("=ISO 9001:2015", None, &[("ISO 9001:2015", Idt)], Idt);
    decl("≠ISO 9001:2015", None, &[("ISO 9001:2015", Neq)], Neq);
    decl("ISO 1000:1992 EQV", None, &[("ISO 1000:1992", Eqv)], Eqv);
    decl("EQV ISO 1000:1992", None, &[("ISO 1000:1992", Eqv)], Eqv);
}

#[test]
fn declaration_column_and_reference() {
    use Degree::*;
    decl("ISO 9001:2015", Some("IDT"), &[("ISO 9001:2015", Idt)], Idt);
    decl("ISO 9001:2015", Some("修改采用"), &[("ISO 9001:2015", Mod)], Mod);
    let d = decl("ISO 9001:2015, MOD", Some("IDT"), &[("ISO 9001:2015", Mod)], Mod);
    assert!(d.issues.contains(&"degree column says IDT, text says MOD".to_string()));
    let d = decl("", Some("IDT"), &[], Idt);
    assert!(d.is_empty() && !d.is_parsed());
    let d = decl("IDT", None, &[], Idt);
    assert!(d.issues.is_empty(), "{:?}", d.issues);
    decl("参照 ITU-T G.957", None, &[("ITU-T G.957", Reference)], Reference);
    decl(
        "主要参照 … ITU-T G.957、G.958 制定",
        None,
        &[("ITU-T G.957", Reference), ("ITU-T G.958", Reference)],
        Reference,
    );
    let d = decl("ISO 9001:2015", None, &[("ISO 9001:2015", Unknown)], Unknown);
    assert!(d.issues.contains(&"no degree stated".to_string()));
    let d = decl("金属材料 拉伸试验", None, &[], Unknown);
    assert!(d.issues.iter().any(|i| i.starts_with("unparsable")));
    assert!(!d.is_parsed() && !d.is_empty());
}

#[test]
fn declaration_multi() {
    use Degree::*;
    decl("ISO 12345-1:2015, ISO 12345-2:2016, MOD", None, &[("ISO 12345-1:2015", Mod), ("ISO 12345-2:2016", Mod)], Mod);
    let d = decl("ISO 6789:2003 + Amd 1:2008, IDT", None, &[("ISO 6789:2003/Amd 1:2008", Idt)], Idt);
    assert_eq!(d.refs[0].reference.supplements.len(), 1);
    decl("ISO 6789:2003, Amd 1:2008, IDT", None, &[("ISO 6789:2003/Amd 1:2008", Idt)], Idt);
    decl(
        "(ISO/IEC Guide 21—1:2005,Regional or national adoption of International Standards — Part 1: Adoption of International Standards,MOD)",
        None,
        &[("ISO/IEC Guide 21-1:2005", Mod)],
        Mod,
    );
    decl(
        "(ISO/IEC Guide 21:2005,Regional or national adoption of International Standards,NEQ)",
        None,
        &[("ISO/IEC Guide 21:2005", Neq)],
        Neq,
    );
    let d = decl(
        "(ISO/IEC Directives,Part 2 2018 Principles and rules for the structure and drafting of ISO and IEC documents NEQ)",
        None,
        &[("ISO/IEC DIR 2:2018", Neq)],
        Neq,
    );
    assert!(d.issues.iter().any(|i| i.starts_with("non-standard document")));
    decl("GB/T 2659-2000,eqv ISO 3166-1:1997", None, &[("ISO 3166-1:1997", Eqv)], Eqv);
    decl("(ISO 8601:2000,IDT)", None, &[("ISO 8601:2000", Idt)], Idt);
    decl("(ISO 639-1:2002,MOD)", None, &[("ISO 639-1:2002", Mod)], Mod);
    decl(
        "ISO 2108:2005 Information and documentation - International standard book number (ISBN), MOD",
        None,
        &[("ISO 2108:2005", Mod)],
        Mod,
    );
    decl("ISO 1:2000；ISO 2:2001", Some("IDT"), &[("ISO 1:2000", Idt), ("ISO 2:2001", Idt)], Idt);
    decl("idt ISO 8601:1988; ISO 639-1:2002, MOD", None, &[("ISO 8601:1988", Idt), ("ISO 639-1:2002", Mod)], Mod);
    decl("ISO 1:2000 and IEC 60027-1:1992, IDT", None, &[("ISO 1:2000", Idt), ("IEC 60027-1:1992", Idt)], Idt);
    decl("ISO 1:2000/IEC 60027-1:1992 MOD", None, &[("ISO 1:2000", Mod), ("IEC 60027-1:1992", Mod)], Mod);
    decl("GB/T 19001-2016/ISO 9001:2015", Some("IDT"), &[("ISO 9001:2015", Idt)], Idt);
    decl(
        "ITU-T G.957 (1995), ITU-T G.958 (1994), NEQ",
        None,
        &[("ITU-T G.957 (1995)", Neq), ("ITU-T G.958 (1994)", Neq)],
        Neq,
    );
}

#[test]
fn degree_tokens() {
    for (t, d) in [
        ("IDT", Degree::Idt),
        ("idt", Degree::Idt),
        ("identical", Degree::Idt),
        ("等同", Degree::Idt),
        ("等同采用", Degree::Idt),
        ("MOD", Degree::Mod),
        ("modified", Degree::Mod),
        ("修改", Degree::Mod),
        ("修改采用", Degree::Mod),
        ("NEQ", Degree::Neq),
        ("not equivalent", Degree::Neq),
        ("非等效", Degree::Neq),
        ("非等效采用", Degree::Neq),
        ("EQV", Degree::Eqv),
        ("eqv", Degree::Eqv),
        ("equivalent", Degree::Eqv),
        ("等效", Degree::Eqv),
        ("等效采用", Degree::Eqv),
        ("≈", Degree::Mod),
        ("REF", Degree::Reference),
    ] {
        assert_eq!(t.parse::<Degree>(), Ok(d), "{t}");
        assert_eq!(d.to_string().parse::<Degree>(), Ok(d));
    }
    assert!("maybe".parse::<Degree>().is_err());
    assert!(Degree::Idt.counts_as_adoption(false));
    assert!(Degree::Mod.counts_as_adoption(false));
    assert!(!Degree::Eqv.counts_as_adoption(false));
    assert!(Degree::Eqv.counts_as_adoption(true));
    assert!(!Degree::Neq.counts_as_adoption(true));
    assert!(!Degree::Reference.counts_as_adoption(true));
    assert_eq!(Degree::Reference.to_string(), "REF");
    assert_eq!(Degree::Unknown.to_string(), "UNKNOWN");
}

// ------------------------------------------------------------------ properties

fn arb_intl() -> impl Strategy<Value = String> {
    let publisher = prop::sample::select(vec![
        "ISO",
        "ISO/IEC",
        "IEC",
        "CISPR",
        "ISO/IEC/IEEE",
        "ISO/TS",
        "ISO/TR",
        "ISO/PAS",
        "ISO/IEC TR",
        "ISO/IEC Guide",
        "ISO Guide",
        "IEC TS",
        "IEC TR",
        "ISO/DIS",
        "ISO/IEC FDIS",
        "ISO/CD TS",
        "ISO/ASTM",
        "IEC/IEEE",
        "IWA",
        "EN ISO",
        "BS EN ISO",
        "ISO/R",
        "ISO/IEC ISP",
    ]);
    let number = 1u32..99999;
    let parts = prop::collection::vec(
        prop_oneof![
            (1u32..40).prop_map(|p| p.to_string()),
            prop::sample::select(vec!["1A".to_string(), "E01".to_string(), "1Q".to_string()]),
        ],
        0..3,
    );
    let year = prop::option::of(1950u16..2030);
    let supps = prop::collection::vec(
        (
            prop::sample::select(vec!["Amd ", "Cor ", "AMD", "COR", "Add ", "DAM ", "CD Amd ", "ISH", "FDAM "]),
            1u32..9,
            prop::option::of(1950u16..2030),
        ),
        0..3,
    );
    let vap = prop::option::of(prop::sample::select(vec!["CSV", "RLV", "CMV"]));
    (publisher, number, parts, year, supps, vap, prop::bool::ANY).prop_map(|(p, n, parts, y, supps, vap, plus)| {
        let mut s = format!("{p} {n}");
        for part in parts {
            s.push('-');
            s.push_str(&part);
        }
        if let Some(y) = y {
            s.push_str(&format!(":{y}"));
        }
        for (k, num, sy) in supps {
            s.push(if plus { '+' } else { '/' });
            s.push_str(&format!("{k}{num}"));
            if let Some(sy) = sy {
                s.push_str(&format!(":{sy}"));
            }
        }
        if let Some(v) = vap {
            s.push(' ');
            s.push_str(v);
        }
        s
    })
}

fn arb_cn() -> impl Strategy<Value = String> {
    let code = prop::sample::select(vec![
        "GB", "GB/T", "GB/Z", "YD/T", "YD", "SJ/T", "QC/T", "JB/T", "DB11/T", "DB31", "MH/T", "YDN", "GBT", "gb/t",
    ]);
    (
        code,
        1u32..99999,
        prop::collection::vec(1u32..30, 0..3),
        prop::option::of(prop_oneof![1950u16..2030, 50u16..99]),
        prop::option::of((1u32..4, prop::option::of(1990u16..2030))),
        prop::option::of(prop::sample::select(vec!["ISO 9001:2015", "IEC 60335-1:2010", "ISO/IEC 27001:2013"])),
        prop::sample::select(vec!["-", "—", " - "]),
    )
        .prop_map(|(c, n, parts, y, xg, dbl, dash)| {
            let mut s = format!("{c} {n}");
            for p in parts {
                s.push_str(&format!(".{p}"));
            }
            if let Some(y) = y {
                s.push_str(&format!("{dash}{y}"));
            }
            if let Some((x, xy)) = xg {
                s.push_str(&format!("/XG{x}"));
                if let Some(xy) = xy {
                    s.push_str(&format!("-{xy}"));
                }
            }
            if let Some(d) = dbl {
                s.push('/');
                s.push_str(d);
            }
            s
        })
}

fn arb_itu() -> impl Strategy<Value = String> {
    let series = prop::sample::select(vec!["G", "Y", "X", "Q", "H", "E", "g"]);
    (
        series,
        1u32..9999,
        prop::collection::vec(0u32..9, 0..2),
        prop::option::of(prop::sample::select(vec!["/Y.1303", "/Q.11 bis"])),
        prop::option::of(1u8..13),
        prop::option::of(1970u16..2030),
        prop::collection::vec(
            (
                prop::sample::select(vec!["Amd.", "Cor.", "Technical Cor.", "Err.", "Add."]),
                1u32..5,
                prop::option::of((prop::option::of(1u8..13), 1970u16..2030)),
            ),
            0..3,
        ),
        prop::bool::ANY,
    )
        .prop_map(|(se, n, sub, alt, m, y, supps, r)| {
            if r {
                let mut s = format!("ITU-R BT.{n}");
                if let Some(m) = m {
                    s.push_str(&format!("-{m}"));
                }
                return s;
            }
            let mut s = format!("ITU-T {se}.{n}");
            for x in sub {
                s.push_str(&format!(".{x}"));
            }
            if let Some(a) = alt {
                s.push_str(a);
            }
            if let Some(y) = y {
                match m {
                    Some(m) => s.push_str(&format!(" ({m:02}/{y})")),
                    None => s.push_str(&format!(" ({y})")),
                }
            }
            for (k, num, d) in supps {
                s.push_str(&format!(" {k} {num}"));
                if let Some((dm, dy)) = d {
                    match dm {
                        Some(dm) => s.push_str(&format!(" ({dm:02}/{dy})")),
                        None => s.push_str(&format!(" ({dy})")),
                    }
                }
            }
            s
        })
}

fn arb_near_valid() -> impl Strategy<Value = String> {
    prop_oneof![
        arb_intl(),
        arb_cn(),
        arb_itu(),
        "(ISO|IEC|GB/T|YD|ITU-T|ITU-R|CISPR|EN ISO|DB12/T|JIS C|IWA|ISO/IEC) [0-9A-Za-z.:/+\\- ()]{0,24}",
        "[A-Z]{1,5}[ /]?[0-9][0-9A-Za-z.:/+\\- ()]{0,20}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(3000) })]

    #[test]
    fn parse_never_panics_any(s in any::<String>()) {
        let _ = StdRef::parse(&s);
        let _ = parse_declaration(&s, Some(&s));
    }

    #[test]
    fn parse_never_panics_pc(s in "\\PC*") {
        if let Ok(r) = StdRef::parse(&s) {
            let _ = (r.to_string(), r.work_item(), r.edition(), r.base(), r.is_supplement());
        }
        let _ = parse_declaration(&s, None);
    }

    #[test]
    fn round_trip_valid(s in prop_oneof![arb_intl(), arb_cn(), arb_itu()]) {
        let r = StdRef::parse(&s).expect("generated reference parses");
        let shown = r.to_string();
        let again = StdRef::parse(&shown).expect("display parses");
        prop_assert_eq!(spelling_free(&again), spelling_free(&r), "via {:?}", shown);
        prop_assert_eq!(again.to_string(), shown);
        prop_assert!(r.family != Family::Other, "{:?} fell back to Other", s);
    }

    #[test]
    fn round_trip_near_valid(s in arb_near_valid()) {
        if let Ok(r) = StdRef::parse(&s) {
            let shown = r.to_string();
            let again = StdRef::parse(&shown);
            prop_assert!(again.is_ok(), "{:?} -> {:?} does not reparse", s, shown);
            let again = again.unwrap_or_else(|_| r.clone());
            prop_assert_eq!(spelling_free(&again), spelling_free(&r), "{:?} via {:?}", s, shown);
        }
    }

    #[test]
    fn declaration_keeps_raw(s in "\\PC{0,40}", col in prop::option::of("(IDT|MOD|NEQ|x)")) {
        let d = parse_declaration(&s, col.as_deref());
        prop_assert_eq!(d.raw, s);
    }
}
