//! Unit and property tests of the scorer: a hand-computed fixture and the
//! invariants (rates in [0, 1], monotonic in IDT adoptions, independent of
//! input order).

use proptest::prelude::*;

use super::*;
use crate::ident::StdRef;
use crate::model::{Side, SourcePos};

fn rec(side: Side, n: &str, ics: &str, status: Status, published: &str) -> Record {
    let r = StdRef::parse(n).unwrap();
    Record {
        id: r.to_string(),
        side,
        reference: r,
        raw_number: n.into(),
        aliases: vec![],
        title_en: format!("Title of {n}"),
        title_zh: String::new(),
        title_fr: String::new(),
        ics: if ics.is_empty() { vec![] } else { vec![ics.into()] },
        ccs: vec![],
        committee: String::new(),
        department: String::new(),
        doctype: String::new(),
        status,
        stage_raw: String::new(),
        published: Some(published.into()),
        implemented: Some(published.into()),
        obsoleted: None,
        edition: None,
        replaces: vec![],
        replaced_by: vec![],
        declaration: None,
        url: String::new(),
        source: SourcePos::default(),
        merged_from: vec![],
        warnings: vec![],
    }
}

fn edge(d: &str, i: &str, degree: Degree, origin: Origin) -> Correspondence {
    let r = StdRef::parse(i).unwrap();
    Correspondence {
        domestic: StdRef::parse(d).unwrap().to_string(),
        international: r.to_string(),
        work_item: r.base().work_item(),
        degree,
        origin,
        score: if origin == Origin::Matched { 0.8 } else { 1.0 },
        evidence: String::new(),
    }
}

/// International fixture (all in ICS 33 = YD's field unless stated):
/// - ITU-T G.652: 2009 superseded, 2016 current
/// - ITU-T G.657 (2016) current, revision pending (G6)
/// - ITU-T G.709 (2020) current
/// - ISO 1111:2000 withdrawn, no successor (ICS 33)
/// - ISO 2222:2019 current, ICS 43 (QC field, not YD)
/// - ITU-T G.999 (2027) current but published after D = 2026-01-01
/// - ISO 3333:2018 current, ICS 01 (nobody's field)
/// - ISO/TS 4444:2020 current (TS, not counted by default)
fn catalogue() -> Catalogue {
    let mut g657 = rec(Side::International, "ITU-T G.657 (2016)", "33.180", Status::RevisionPending, "2016-11-01");
    g657.stage_raw = "90.92".into();
    Catalogue::new(vec![
        rec(Side::International, "ITU-T G.652 (2009)", "33.180", Status::Superseded, "2009-11-01"),
        rec(Side::International, "ITU-T G.652 (2016)", "33.180", Status::Current, "2016-11-01"),
        g657,
        rec(Side::International, "ITU-T G.709 (2020)", "33.040", Status::Current, "2020-06-01"),
        rec(Side::International, "ISO 1111:2000", "33.040", Status::Withdrawn, "2000-01-01"),
        rec(Side::International, "ISO 2222:2019", "43.040", Status::Current, "2019-01-01"),
        rec(Side::International, "ITU-T G.999 (2027)", "33.040", Status::Current, "2027-01-01"),
        rec(Side::International, "ISO 3333:2018", "01.040", Status::Current, "2018-01-01"),
        rec(Side::International, "ISO/TS 4444:2020", "33.040", Status::Current, "2020-01-01"),
    ])
}

fn domestic() -> Vec<Record> {
    let mut withdrawn = rec(Side::Domestic, "YD/T 5-2010", "33.040", Status::Withdrawn, "2010-01-01");
    withdrawn.ccs = vec!["M33".into()];
    let mut gb = rec(Side::Domestic, "GB/T 7-2020", "01.040", Status::Current, "2020-01-01");
    gb.department = "工业和信息化部".into();
    vec![
        rec(Side::Domestic, "YD/T 1-2012", "33.180", Status::Current, "2012-01-01"),
        rec(Side::Domestic, "YD/T 2-2018", "33.180", Status::Current, "2018-01-01"),
        rec(Side::Domestic, "YD/T 3-2021", "33.040", Status::Current, "2021-01-01"),
        rec(Side::Domestic, "QC/T 4-2020", "43.040", Status::Current, "2020-01-01"),
        withdrawn,
        rec(Side::Domestic, "YD/T 6-2026", "33.040", Status::Upcoming, "2026-06-01"),
        gb,
        rec(Side::Domestic, "GB/T 8-2020", "01.040", Status::Current, "2020-01-01"),
        rec(Side::Domestic, "NY/T 9-2020", "33.040", Status::Current, "2020-01-01"),
    ]
}

fn edges() -> Vec<Correspondence> {
    vec![
        // G.652: MOD of the 2009 edition (lenient yes, strict no → G3).
        edge("YD/T 1-2012", "ITU-T G.652 (2009)", Degree::Mod, Origin::Declared),
        // G.657: NEQ only → G2.
        edge("YD/T 2-2018", "ITU-T G.657 (2016)", Degree::Neq, Origin::Declared),
        // G.709: matched only → G1 + G7.
        edge("YD/T 3-2021", "ITU-T G.709 (2020)", Degree::Unknown, Origin::Matched),
        // ISO 2222: IDT by QC, current edition.
        edge("QC/T 4-2020", "ISO 2222:2019", Degree::Idt, Origin::Declared),
        // Withdrawn domestic standard: does not count.
        edge("YD/T 5-2010", "ITU-T G.709 (2020)", Degree::Idt, Origin::Declared),
        // Not yet in force at D: does not count.
        edge("YD/T 6-2026", "ITU-T G.709 (2020)", Degree::Idt, Origin::Declared),
        // ISO 3333 adopted EQV by a GB under MIIT: counts (EQV on), makes it relevant.
        edge("GB/T 7-2020", "ISO 3333:2018", Degree::Eqv, Origin::Declared),
        // GB not under MIIT: out of the population.
        edge("GB/T 8-2020", "ISO/TS 4444:2020", Degree::Idt, Origin::Declared),
        // Non-MIIT sector code: out of the population.
        edge("NY/T 9-2020", "ITU-T G.709 (2020)", Degree::Idt, Origin::Declared),
        // Adoption of a withdrawn IS without successor → G4.
        edge("YD/T 3-2021", "ISO 1111:2000", Degree::Idt, Origin::Declared),
    ]
}

fn scope() -> Scope {
    Scope { as_of: "2026-01-01".into(), ..Scope::default() }
}

#[test]
fn hand_computed_fixture() {
    let s = compute(&domestic(), &catalogue(), &edges(), &scope());
    // U = {G.652, G.657, G.709 (ICS 33, YD field), ISO 2222 (ICS 43, QC
    // field), ISO 3333 (declared by an in-scope GB)}; not G.999 (after D), not
    // ISO 1111 (withdrawn), not ISO/TS 4444 (TS).
    assert_eq!(s.overall.universe, 5);
    // N = {G.652 (MOD, old edition), ISO 2222 (IDT), ISO 3333 (EQV)}.
    assert_eq!(s.overall.converted, 3);
    assert_eq!(s.overall.converted_strict, 2);
    assert_eq!(s.overall.eqv_only, 1);
    assert_eq!(s.overall.neq_only, 1);
    assert_eq!(s.overall.rate, Some(0.6));
    assert_eq!(s.overall.rate_strict, Some(0.4));
    // ⌈0.9 × 5⌉ = 5 → 2 more.
    assert_eq!(s.overall.to_target, 2);
    // With matched: G.709 too.
    assert_eq!(s.with_matched.converted, 4);
    // Indicator B: population = YD/T 1, 2, 3, QC/T 4, GB/T 7 (5 standards);
    // adopting = YD/T 1 (MOD), QC/T 4 (IDT), GB/T 7 (EQV), YD/T 3 (IDT of
    // the withdrawn ISO 1111) = 4.
    assert_eq!((s.indicator_b.standards, s.indicator_b.adopting), (5, 4));
    // Sectors.
    assert_eq!(s.by_sector["YD"].universe, 3);
    assert_eq!(s.by_sector["YD"].converted, 1);
    assert_eq!(s.by_sector["QC"].converted, 1);
    assert_eq!(s.by_sector["GB"].converted, 1);
    // Gaps.
    let count = |c: &str| s.gap_counts[c];
    assert_eq!(count("G1"), 1, "{:#?}", s.gaps);
    assert_eq!(count("G2"), 1);
    assert_eq!(count("G3"), 1);
    assert_eq!(count("G4"), 1);
    assert_eq!(count("G6"), 1);
    assert_eq!(count("G7"), 1);
    let g3 = s.gaps.iter().find(|g| g.category == GapCategory::G3).unwrap();
    assert_eq!(g3.current_edition, "ITU-T G.652 (2016)");
    assert_eq!(g3.domestic, "YD/T 1-2012");
    // Candidate ranking: the NEQ correspondence first, then the matched one.
    assert_eq!(s.candidates[0].work_item, "ITU-T G.657");
    assert_eq!(s.candidates[1].work_item, "ITU-T G.709");
    // Lag: YD/T 1 − G.652 2009 ≈ 2.17 y; QC/T 4 − ISO 2222 = 1 y; GB/T 7 −
    // ISO 3333 = 2 y; YD/T 3 − ISO 1111 = 21 y.
    assert_eq!(s.lag.n, 4);
    assert_eq!(s.lag.histogram.iter().find(|h| h.0 == "10+").unwrap().1, 1);
}

#[test]
fn settings_change_the_counts() {
    let cat = catalogue();
    let s = compute(&domestic(), &cat, &edges(), &Scope { eqv_counts: false, ..scope() });
    assert_eq!(s.overall.converted, 2);
    assert_eq!(s.overall.neq_only, 2);
    let s = compute(&domestic(), &cat, &edges(), &Scope { matched_counts: true, ..scope() });
    assert_eq!(s.overall.converted, 4);
    let s = compute(&domestic(), &cat, &edges(), &Scope { include_gb: GbScope::All, ..scope() });
    assert_eq!(s.overall.universe, 5, "TS stays out even when its adopter is in scope");
    let with_ts = Scope { include_gb: GbScope::All, doc_types: vec!["IS".into(), "TS".into()], ..scope() };
    let s = compute(&domestic(), &cat, &edges(), &with_ts);
    assert_eq!((s.overall.universe, s.overall.converted), (6, 4));
    // An exclusion removes the work item from U and lists it.
    let ex = Scope {
        exclusions: vec![Exclusion { work_item: "ITU-T G.709".into(), reason: "not applicable in China".into() }],
        ..scope()
    };
    let s = compute(&domestic(), &cat, &edges(), &ex);
    assert_eq!((s.overall.universe, s.overall.excluded), (4, 1));
    assert_eq!(s.gap_counts["X"], 1);
    // A later snapshot: G.999 becomes current and joins U.
    let s = compute(&domestic(), &cat, &edges(), &Scope { as_of: "2027-06-01".into(), ..scope() });
    assert_eq!(s.overall.universe, 6);
    // An earlier one: G.652 2009 was current in 2012, so the MOD is strict.
    let s = compute(&domestic(), &cat, &edges(), &Scope { as_of: "2013-01-01".into(), ..scope() });
    assert!(s.by_sector.get("YD").is_some_and(|r| r.converted_strict >= 1), "{:?}", s.by_sector);
    // Key fields replace the sector heuristic.
    let kf = Scope {
        key_fields: vec![KeyField {
            name: "optical fibre".into(),
            ics_prefixes: vec!["33.180".into()],
            ..KeyField::default()
        }],
        ..scope()
    };
    let s = compute(&domestic(), &cat, &edges(), &kf);
    assert_eq!((s.overall.universe, s.overall.converted), (2, 1));
    assert_eq!(s.by_key_field["optical fibre"].universe, 2);
}

#[test]
fn decisions_confirm_reject_and_exclude() {
    let cat = catalogue();
    let csv = "domestic,international,decision,reason,reviewer,date\n\
               YD/T 3-2021,ITU-T G.709 (2020),confirm,text compared,Li,2025-03-01\n\
               QC/T 4-2020,ISO 2222:2019,reject,wrong document,Li,2025-03-01\n\
               ,ISO 3333,not-applicable,not applicable in China: regional,Li,2025-03-01\n\
               YD/T 404-2020,ITU-T G.709,confirm,,Li,2025-03-01\n\
               YD/T 1-2012,ISO 99999,confirm,,Li,2025-03-01\n";
    let ds = decisions::parse_decisions(csv.as_bytes()).unwrap();
    let (e, excl, sum) = decisions::apply_to_edges(edges(), &ds, &cat, &domestic());
    assert_eq!((sum.confirmed, sum.rejected, sum.not_applicable), (1, 1, 1));
    assert_eq!(sum.unknown.len(), 2, "{:?}", sum.unknown);
    assert!(sum.unknown[0].contains("YD/T 404-2020"));
    let mut sc = scope();
    sc.exclusions.extend(excl);
    let s = compute(&domestic(), &cat, &e, &sc);
    // G.709 now converted (reviewer), ISO 2222 not, ISO 3333 excluded.
    assert_eq!((s.overall.universe, s.overall.converted, s.overall.excluded), (4, 2, 1));
    assert!(decisions::parse_decisions(
        "domestic,international,decision,reason,reviewer,date\nA,B,maybe,,,\n".as_bytes()
    )
    .is_err());
    assert!(decisions::parse_decisions(",x\n".as_bytes()).is_err());
}

#[test]
fn to_target_edges() {
    assert_eq!(to_target(0, 0, 0.9), 0);
    assert_eq!(to_target(0, 1, 0.9), 1);
    assert_eq!(to_target(90, 100, 0.9), 0);
    assert_eq!(to_target(89, 100, 0.9), 1);
    assert_eq!(to_target(0, 100, 1.0), 100);
}

fn all_edges() -> Vec<Correspondence> {
    let doms = ["YD/T 1-2012", "YD/T 2-2018", "YD/T 3-2021", "QC/T 4-2020", "GB/T 7-2020", "YD/T 5-2010"];
    let intl = [
        "ITU-T G.652 (2009)",
        "ITU-T G.652 (2016)",
        "ITU-T G.657 (2016)",
        "ITU-T G.709 (2020)",
        "ISO 2222:2019",
        "ISO 3333:2018",
        "ISO 1111:2000",
    ];
    let degrees = [Degree::Idt, Degree::Mod, Degree::Neq, Degree::Eqv, Degree::Unknown];
    let mut v = Vec::new();
    for d in doms {
        for i in intl {
            for (k, g) in degrees.iter().enumerate() {
                let origin = if k == 4 { Origin::Matched } else { Origin::Declared };
                v.push(edge(d, i, *g, origin));
            }
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn rates_are_in_unit_interval(mask in proptest::collection::vec(any::<bool>(), 210), eqv in any::<bool>(), matched in any::<bool>()) {
        let all = all_edges();
        let es: Vec<Correspondence> = all.into_iter().zip(mask).filter(|(_, m)| *m).map(|(e, _)| e).collect();
        let s = compute(&domestic(), &catalogue(), &es, &Scope { eqv_counts: eqv, matched_counts: matched, ..scope() });
        let all_rates = std::iter::once(&s.overall).chain(std::iter::once(&s.with_matched))
            .chain(s.by_sector.values()).chain(s.by_ics_field.values()).chain(s.by_committee.values());
        for r in all_rates {
            for x in [r.rate, r.rate_strict].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&x));
            }
            prop_assert!(r.converted_strict <= r.converted && r.converted <= r.universe);
        }
        if let Some(b) = s.indicator_b.share {
            prop_assert!((0.0..=1.0).contains(&b));
        }
    }

    #[test]
    fn adding_an_idt_adoption_never_lowers_a(mask in proptest::collection::vec(any::<bool>(), 210), pick in 0usize..42) {
        let all = all_edges();
        let es: Vec<Correspondence> = all.iter().cloned().zip(mask).filter(|(_, m)| *m).map(|(e, _)| e).collect();
        let before = compute(&domestic(), &catalogue(), &es, &scope());
        // Every fifth edge of `all_edges` is the IDT one of a (domestic, edition) pair.
        let mut more = es.clone();
        more.push(all[pick * 5].clone());
        let after = compute(&domestic(), &catalogue(), &more, &scope());
        prop_assert!(after.overall.converted >= before.overall.converted);
        // The universe can grow (a declared adoption makes a work item relevant)
        // only together with N, so the rate cannot fall.
        let (a, b) = (after.overall.rate.unwrap_or(0.0), before.overall.rate.unwrap_or(0.0));
        prop_assert!(a + 1e-12 >= b, "{} < {}", a, b);
    }

    #[test]
    fn input_order_does_not_matter(mask in proptest::collection::vec(any::<bool>(), 210), seed in any::<u64>()) {
        let all = all_edges();
        let es: Vec<Correspondence> = all.into_iter().zip(mask).filter(|(_, m)| *m).map(|(e, _)| e).collect();
        let mut shuffled = es.clone();
        let mut dom = domestic();
        // Deterministic Fisher–Yates with a small LCG.
        let mut x = seed | 1;
        let mut next = |n: usize| { x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); (x >> 33) as usize % n.max(1) };
        for i in (1..shuffled.len()).rev() { let j = next(i + 1); shuffled.swap(i, j); }
        for i in (1..dom.len()).rev() { let j = next(i + 1); dom.swap(i, j); }
        let mut cat_records = catalogue().records;
        cat_records.reverse();
        let a = compute(&domestic(), &catalogue(), &es, &scope());
        let b = compute(&dom, &Catalogue::new(cat_records), &shuffled, &scope());
        prop_assert_eq!(a, b);
    }
}
