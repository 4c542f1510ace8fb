//! Identifier parsing, normalisation and adoption-declaration parsing on a
//! fixed list of 200 real-shaped references (ISO, IEC, ITU-T and Chinese
//! numbers, sampled from the real catalogues and a generated domestic one,
//! plus hand-written awkward spellings) and 60 declarations.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use stdalign::ident::declaration::parse_declaration;
use stdalign::ident::{normalize, StdRef};

/// References of [`REFS`] that parse.
const EXPECT_PARSED: usize = 200;
/// Sum of the byte lengths of `work_item()` + `edition()` over the parsed ones.
const EXPECT_KEY_BYTES: usize = 4970;
/// Sum of the byte lengths of the normalised [`REFS`].
const EXPECT_NORM_BYTES: usize = 3503;
/// References found in [`DECLS`].
const EXPECT_DECL_REFS: usize = 60;

fn parse_all() -> (usize, usize) {
    let mut ok = 0;
    let mut bytes = 0;
    for s in REFS {
        if let Ok(r) = StdRef::parse(black_box(s)) {
            ok += 1;
            bytes += r.work_item().len() + r.edition().len();
        }
    }
    (ok, bytes)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("ident");
    g.throughput(Throughput::Elements(REFS.len() as u64));
    g.bench_function("parse_200_refs", |b| {
        b.iter(|| {
            let ok = REFS.iter().filter(|s| StdRef::parse(black_box(s)).is_ok()).count();
            common::expect_count("EXPECT_PARSED", ok, EXPECT_PARSED);
        })
    });
    g.bench_function("parse_and_keys_200_refs", |b| {
        b.iter(|| {
            let (ok, bytes) = parse_all();
            common::expect_count("EXPECT_PARSED", ok, EXPECT_PARSED);
            common::expect_count("EXPECT_KEY_BYTES", bytes, EXPECT_KEY_BYTES);
        })
    });
    g.bench_function("normalize_200_refs", |b| {
        b.iter(|| {
            let n: usize = REFS.iter().map(|s| normalize(black_box(s)).len()).sum();
            common::expect_count("EXPECT_NORM_BYTES", n, EXPECT_NORM_BYTES);
        })
    });
    g.throughput(Throughput::Elements(DECLS.len() as u64));
    g.bench_function("parse_60_declarations", |b| {
        b.iter(|| {
            let n: usize = DECLS.iter().map(|s| parse_declaration(black_box(s), None).refs.len()).sum();
            common::expect_count("EXPECT_DECL_REFS", n, EXPECT_DECL_REFS);
        })
    });
    g.finish();
}

criterion_group! { name = benches; config = common::quick(); targets = bench }
criterion_main!(benches);

const REFS: [&str; 200] = [
    "ISO 18928:2013",
    "ISO 8612:2009",
    "ISO 7431-2",
    "ISO 14171:2002",
    "ISO 3070-1:1987",
    "ISO/TS 13732-2:2001",
    "ISO 8909-2:2021",
    "ISO 5682-2:2017",
    "ISO 9528:2022",
    "ISO 835-1:1981",
    "ISO 11564:1998",
    "ISO 8980-1:1992",
    "ISO 10263-6:1994",
    "ISO/TS 10303-1762:2006",
    "ISO/IEC ISP 10613-1:1994",
    "ISO 5599-2:2001/Amd 1:2004",
    "ISO 2025:1972",
    "ISO 7634:2003",
    "ISO 1873-1:1986",
    "ISO 16589-1:2011",
    "ISO/FDIS 24251-1",
    "ISO 5610:1995",
    "ISO 7332:1998",
    "ISO/IEC ISP 10609-22:1995",
    "ISO 76:2006/Amd 1:2017",
    "ISO 5751-2:2010",
    "ISO 37101:2016/Amd 1",
    "ISO/ASTM 51631:2003",
    "ISO/R 640:1967",
    "ISO 1496-2:1996/Amd 1:2006",
    "ISO 18589-5:2019",
    "ISO 9902-3:2001/Amd 2:2014",
    "ISO 15:1998",
    "ISO/TR 13121:2011",
    "ISO/TS 20022-4:2004",
    "ISO 6946:1996",
    "ISO 3545:1981",
    "ISO/IEC 13869:2003",
    "ISO 10303-111:2007/Cor 2:2014",
    "ISO/DIS 15193",
    "ISO/IEC 23001-4:2017",
    "ISO 1151-4:1974/Add 1:1986",
    "ISO 15310:1999",
    "ISO/IEC 15938-6:2003",
    "ISO 8579-1:2002",
    "ISO 10968:2020",
    "ISO 22628:2002",
    "ISO/IEC 23008-3:2015",
    "ISO 10545-9:2013",
    "ISO/IEC DIS 19987",
    "ISO/IEC 19785-1:2020",
    "IEC 60524:1975+AMD1:1981 CSV",
    "IEC 61196-1-304:2011",
    "IEC 62196-1:2022 CMV",
    "IEC TR 62068-2:2001",
    "ISO/IEC 30134-2:2026",
    "ISO/IEC 23000-13:2017",
    "IEC 60874-6:1990",
    "IEC TR 61592:2003",
    "ISO/IEC 10164-11:1994/AMD1:1998",
    "ISO/IEC 30149/FRAG1",
    "IEC 61000-6-8:2020",
    "IEC 60904-4:2009",
    "IEC TR 62732:2012/COR1:2012",
    "ISO/IEC 11586-1:1996",
    "IEC 62035:2014",
    "IEC 61086-1:2004",
    "ISO/IEC/IEEE 29119-1:2022",
    "ISO/IEC 8824-2:1998/COR1:1999",
    "IEC 60268-16:1988",
    "ISO/IEC 23000-15:2016/AMD1:2017",
    "IEC 60794-3-21:2005",
    "IEC 60147-1:1972",
    "IEC 60056-4A:1974",
    "IEC 60268-8:1973",
    "IEC 61300-2-6:2023 RLV",
    "IEC 60350-2:2011",
    "IEC 60489-1:1976",
    "ISO/IEC/IEEE 8802-1AB:2017",
    "IEC 63171-2:2021",
    "ITU-T X.681 (02/2021)",
    "ITU-R S.1328-0",
    "ITU-T Q.125 (10/1984)",
    "ITU-T X.328 (10/1996)",
    "ITU-R 238/9:",
    "ITU-T T.90 (10/1984)",
    "ITU-R M.1167",
    "ITU-T Q.775 (11/1988)",
    "ITU-R BT.1128-2",
    "ITU-R M.2032-0",
    "ITU-T X.1367 (09/2020)",
    "ITU-R M.2010-0",
    "ITU-T K.81 (06/2016)",
    "ITU-T Q.501 (11/1980)",
    "ITU-T E.169 (02/1996)",
    "ITU-T O Suppl. 3.1 (12/1972)",
    "ITU-R P.453-4",
    "ITU-T H.235.2 (09/2005)",
    "ITU-T Q.3940 (08/2012)",
    "ITU-R BT.1908-0",
    "ITU-R M.1036-6",
    "ITU-R F.746-10",
    "ITU-T G.7703 (2021) Amd. 2 (08/2024)",
    "ITU-R V.431-8",
    "ITU-T J.207 (03/2016)",
    "ITU-R S.734-0",
    "ITU-R M.1085-1",
    "ITU-T M.720 (10/1976)",
    "ITU-T P.381 (02/2014)",
    "ITU-T G.8271/Y.1366 (2020) Amd. 1 (08/2024)",
    "JB/T 8863-2008",
    "GB/T 42380-2024",
    "YS/T 4856-2025",
    "QC/T 4433.1-2020",
    "SJ/T 4369.2-1999",
    "SJ/T 4144-2022",
    "SJ/T 3253-2011",
    "SH/T 6576-2021",
    "GB/T 45887-2019",
    "GB 40287-2025",
    "QJ/T 1896-2024",
    "GB/T 23663.11-2002",
    "QB/T 3850-2016",
    "GB/T 40482-2004",
    "GB/T 75040-2018",
    "JB/T 3610-2022",
    "YS/T 6640-2020",
    "QB 9994-2005",
    "SH/T 1325-1998",
    "GB/T 25173-2018",
    "QC/T 1397-2017",
    "GB/T 16341-2013",
    "GB/T 28253-2022",
    "GB/T 13999.7-2016",
    "JB/T 2160.2-2005",
    "HG/T 6745-2018",
    "GB/T 11311-2001",
    "GB/T 23471-2017",
    "YD/T 1785-2017",
    "YD/T 84275-2024",
    "GB/T 44937.1-2008",
    "GB/T 24072-2006",
    "YD/T 42103-2018",
    "GB/T 28074-2001",
    "JB/T 4743.2-2015",
    "HG/T 1170-2013",
    "YD/T 76782-2019",
    "SJ/T 8077.2-2016/ISO/IEC 20006-2:2015",
    "YD/T 9629-2000",
    "GB/T 40985-1985",
    "YD/T ９３７８.１５-２０２３",
    "GB/T 42659.9-2011",
    "GB/T 17439-2016",
    "GB/T 17548.1-2025",
    "SJ/T 5794-2025",
    "SJ/T 2020-2020",
    "QB/T 7395.3-2019",
    "HG/T 3541-2023",
    "GB/T 25631-2014",
    "YD/T 88441-2022",
    "YD/T 6018-1989",
    "GB/T 16088-1998",
    "YS/T 8360-2012",
    "JB/T 6938.3-2021",
    "JB/T 9797.2-2025",
    "JB 7091-2019",
    "GB/T 14212-2022",
    "GB/T 26259-2018",
    "GB/T 28475-2024",
    "SJ/T 13102-2001",
    "GB 29625-2016",
    "SH/T 9137-2012",
    "JB 2515.3-2014/ISO 9448-3:2013",
    "GB/T 44260-2017",
    "SJ/T 1591.17-2025",
    "JB/T 2500-2004",
    "GB/T 42273.8-1996",
    "YD/T 9118-1990",
    "GB/T 12919.3.4-2021",
    "GB/T 21580-2012",
    "GB/T 228.1—2021",
    "GBT 228.1-2021",
    "GB/T19001-2016/ISO 9001:2015",
    "ＧＢ／Ｔ　２２８．１－２０２１",
    "YD/T 1843.2-2015",
    "GB/T 2828.1-2012/XG1-2015",
    "GB 4943.1-2022",
    "GB/Z 41275.1-2022",
    "JB/T 10001—1999",
    "HG/T 20592～20635-2009",
    "QC/T 29106-2014",
    "SJ/T 11363-2006",
    "YD/T 2375.1-2011 ",
    "GB/T 20000.1－2014",
    "T/CESA 1036-2019",
    "DB11/T 1322.2-2016",
    "GB/T 5271.1-2000/ISO/IEC 2382-1:1993",
    "ISO/IEC 27001:2022/Amd 1:2024",
    "ISO/IEC DIS 42001",
    "ITU-T Y.2060 (06/2012)",
];

const DECLS: [&str; 60] = [
    "neq ITU-T E.149 (11/1988)",
    "IEC ６００５０-７１２:１９９２",
    "IEC 61182-2:2006,MOD",
    "IEC 62047-19:2013, IDT",
    "MOD ISO 22182:2020",
    "IEC 60749-32:2002",
    "mod ISO 2505-2:1994",
    "idt ISO 3522:2007",
    "ISO 12614-14:2021",
    "ISO ８８７８:１９８７, MOD",
    "ISO 13099-3:2014, MOD",
    "修改采用ISO 12161:2006",
    "ISO 12131-3:2020, MOD",
    "ISO 15626:2011, MOD",
    "ISO 9554:2005, MOD",
    "ISO 15923-1:2013,MOD",
    "idt ISO １２６５１:１９９９",
    "IEC 61557-9:2023,IDT",
    "修改采用ITU-T L.1015 (05/2019)",
    "ISO 3160-2:2015, IDT",
    "ISO 17356-1:2005, IDT",
    "ISO 6117:2005, MOD",
    "ISO 7322:2014, IDT",
    "ISO 18099:2013, MOD",
    "IEC 61290-1-1:2020, MOD",
    "等同采用ITU-T Q.1950 (07/2001)",
    "IEC 62841-1:2014, MOD",
    "ISO 21301-1:2019",
    "ISO/IEC 16500-3:1999, MOD",
    "非等效采用ISO 7939:1988",
    "ISO 8325∶2004, MOD",
    "ISO 19364:2016, IDT",
    "ISO 14083:2023, NEQ",
    "mod IEC 61030:1991",
    "修改采用 ISO 18616-1:2016",
    "ISO 14726-1:1999,IDT",
    "IEC Technology Report Standards collaboration:2024, NEQ",
    "mod ISO/IEC 14496-30:2018",
    "等同采用ISO 21360:2007",
    "ISO 8755:1986, NEQ",
    "等同采用ISO 9001:2015",
    "≈ISO/IEC Guide 21-1999",
    "参照 ITU-T G.957",
    "ISO 6892-1:2009, MOD",
    "idt ISO 8601:1988",
    "修改采用ISO 6892-1∶2019",
    "IEC 60068-2-1:2007,IDT;IEC 60068-2-2:2007,IDT",
    "非等效采用ISO 1101:2004",
    "EQV ISO 2859-1:1999",
    "ISO/IEC 27002:2013 IDT",
    "IDT ISO 14001:2015",
    "ISO 9000:2015 (IDT)",
    "NEQ JIS B 0601:2013",
    "ISO 3166-1:2020,MOD",
    "IEC 62368-1:2018",
    "ITU-T X.509 (10/2019), IDT",
    "ISO 21500:2021, MOD",
    "ISO/TS 16949:2009,IDT",
    "mod IEC 61000-4-2:2008",
    "ISO 4287:1997, EQV",
];
