//! `report.html`: one self-contained file — inline CSS and inline SVG
//! charts, no JavaScript, no network. Every catalogue string is escaped with
//! [`escape_html`].

use std::fmt::Write;

use super::markdown::{gaps_of, method_lines, pp, truncate, GAP_ROWS_SHOWN};
use super::pct;
use super::summary::Summary;
use crate::score::{Gap, GapCategory, Rates};

/// Escapes text for HTML element content and attribute values.
///
/// ```
/// use stdalign::report::html::escape_html;
/// assert_eq!(escape_html("<script>alert('x')</script> & \"q\""),
///            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC',sans-serif;margin:2rem auto;max-width:1180px;color:#1d2430;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.88rem}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#116329;font-weight:600}.bad{color:#a40e26;font-weight:600}
.kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;min-width:10rem}
.kpi b{display:block;font-size:1.6rem}.note{color:#57606a;font-size:.85rem}svg{display:block;margin:.6rem 0}
svg text{font-family:inherit;font-size:12px;fill:#1d2430}";

fn td_n(v: impl std::fmt::Display) -> String {
    format!("<td class=\"n\">{v}</td>")
}

/// A horizontal bar chart of rates in [0, 1] with a dashed target line.
/// `rows`: (label, rate, strict rate).
pub fn rate_chart(title: &str, rows: &[(String, Option<f64>, Option<f64>)], target: f64) -> String {
    let (lw, bw, rh) = (150.0, 560.0, 22.0);
    let h = 40.0 + rh * rows.len() as f64 + 20.0;
    let w = lw + bw + 90.0;
    let mut o = format!(
        "<svg class=\"chart\" id=\"chart-sectors\" role=\"img\" aria-label=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title>{}</title><text x=\"0\" y=\"16\" font-weight=\"600\">{}</text>",
        escape_html(title),
        escape_html(title),
        escape_html(title)
    );
    for (i, (label, r, strict)) in rows.iter().enumerate() {
        let y = 30.0 + rh * i as f64;
        let v = r.unwrap_or(0.0).clamp(0.0, 1.0);
        let color = if r.is_some_and(|r| r + 1e-12 >= target) { "#2da44e" } else { "#cf222e" };
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{lw}\" y=\"{}\" width=\"{:.1}\" height=\"{}\" fill=\"{color}\" opacity=\"0.85\"><title>{}: {}</title></rect>",
            lw - 6.0,
            y + 14.0,
            escape_html(label),
            y + 3.0,
            v * bw,
            rh - 6.0,
            escape_html(label),
            pct(*r)
        );
        if let Some(s) = strict {
            let x = lw + s.clamp(0.0, 1.0) * bw;
            let _ = write!(
                o,
                "<rect x=\"{:.1}\" y=\"{}\" width=\"3\" height=\"{}\" fill=\"#1d2430\"><title>strict {}</title></rect>",
                x - 1.5,
                y + 1.0,
                rh - 2.0,
                pct(Some(*s))
            );
        }
        let _ = write!(o, "<text x=\"{:.1}\" y=\"{}\">{}</text>", lw + v * bw + 6.0, y + 14.0, pct(*r));
    }
    let tx = lw + target * bw;
    let _ = write!(
        o,
        "<line class=\"target\" x1=\"{tx:.1}\" y1=\"24\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#0969da\" stroke-width=\"2\" stroke-dasharray=\"5,4\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#0969da\">target {:.0} %</text></svg>",
        h - 16.0,
        tx - 30.0,
        h - 4.0,
        target * 100.0
    );
    o
}

/// A vertical bar chart of counts. `rows`: (label, count).
pub fn count_chart(id: &str, title: &str, rows: &[(String, usize)]) -> String {
    let (bw, gap, ch) = (54.0, 10.0, 180.0);
    let w = 40.0 + (bw + gap) * rows.len() as f64 + 20.0;
    let h = ch + 70.0;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let mut o = format!(
        "<svg class=\"chart\" id=\"{}\" role=\"img\" aria-label=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title>{}</title><text x=\"0\" y=\"16\" font-weight=\"600\">{}</text>",
        escape_html(id),
        escape_html(title),
        escape_html(title),
        escape_html(title)
    );
    let base = 30.0 + ch;
    let _ = write!(o, "<line x1=\"30\" y1=\"{base}\" x2=\"{:.1}\" y2=\"{base}\" stroke=\"#57606a\"/>", w - 10.0);
    for (i, (label, n)) in rows.iter().enumerate() {
        let x = 40.0 + (bw + gap) * i as f64;
        let bh = *n as f64 / max * ch;
        let _ = write!(
            o,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bw}\" height=\"{bh:.1}\" fill=\"#0969da\" opacity=\"0.8\"><title>{}: {n}</title></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{n}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            base - bh,
            escape_html(label),
            x + bw / 2.0,
            base - bh - 4.0,
            x + bw / 2.0,
            base + 16.0,
            escape_html(label)
        );
    }
    o.push_str("</svg>");
    o
}

/// A line chart of the rate over runs with the target line. `pts`: (as of,
/// rate, strict).
pub fn trend_chart(pts: &[(String, Option<f64>, Option<f64>)], target: f64) -> String {
    let (w, h, l, r, t, b) = (640.0, 260.0, 50.0, 20.0, 30.0, 40.0);
    let n = pts.len().max(2) as f64;
    let x = |i: usize| l + (w - l - r) * i as f64 / (n - 1.0);
    let y = |v: f64| t + (h - t - b) * (1.0 - v.clamp(0.0, 1.0));
    let mut o = format!(
        "<svg class=\"chart\" id=\"chart-trend\" role=\"img\" aria-label=\"Conversion rate over time\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title>Conversion rate over time</title><text x=\"0\" y=\"16\" font-weight=\"600\">Conversion rate over time</text>"
    );
    for k in 0..=4 {
        let v = k as f64 / 4.0;
        let _ = write!(o, "<line x1=\"{l}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#eaeef2\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{:.0} %</text>", w - r, y(v), y(v), l - 6.0, y(v) + 4.0, v * 100.0);
    }
    let _ = write!(o, "<line class=\"target\" x1=\"{l}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#0969da\" stroke-dasharray=\"5,4\" stroke-width=\"2\"/>", w - r, y(target), y(target));
    for (series, color) in [(1usize, "#2da44e"), (2, "#8250df")] {
        let p: Vec<String> = pts
            .iter()
            .enumerate()
            .filter_map(|(i, pt)| if series == 1 { pt.1 } else { pt.2 }.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
            .collect();
        let _ =
            write!(o, "<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\" points=\"{}\"/>", p.join(" "));
    }
    for (i, pt) in pts.iter().enumerate() {
        if let Some(v) = pt.1 {
            let _ = write!(
                o,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#2da44e\"><title>{}: {}</title></circle>",
                x(i),
                y(v),
                escape_html(&pt.0),
                pct(Some(v))
            );
        }
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x(i),
            h - b + 18.0,
            escape_html(&pt.0)
        );
    }
    let _ = write!(o, "<text x=\"{}\" y=\"{}\" fill=\"#2da44e\">lenient</text><text x=\"{}\" y=\"{}\" fill=\"#8250df\">strict</text></svg>", w - 150.0, 16, w - 90.0, 16);
    o
}

fn rates_table(title: &str, rows: &[(String, &Rates)], target: f64) -> String {
    let mut o = format!(
        "<table class=\"rates\"><thead><tr><th>{}</th><th>|U|</th><th>N</th><th>rate</th><th>strict</th><th>NEQ only</th><th>excluded</th><th>to {:.0} %</th></tr></thead><tbody>",
        escape_html(title),
        target * 100.0
    );
    for (k, r) in rows {
        let cls = if r.meets_target { "ok" } else { "bad" };
        let _ = write!(
            o,
            "<tr><td>{}</td>{}{}<td class=\"n {cls}\">{}</td>{}{}{}{}</tr>",
            escape_html(k),
            td_n(r.universe),
            td_n(r.converted),
            pct(r.rate),
            td_n(pct(r.rate_strict)),
            td_n(r.neq_only),
            td_n(r.excluded),
            td_n(r.to_target)
        );
    }
    o.push_str("</tbody></table>");
    o
}

/// Renders `report.html`.
pub fn render(s: &Summary, gaps: &[Gap]) -> String {
    let h = &s.headline;
    let t = s.target;
    let mut o = String::new();
    let title = format!(
        "International-standards alignment report — as of {}",
        if s.as_of.is_empty() { "(catalogue date)" } else { &s.as_of }
    );
    let _ = write!(
        o,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <title>{}</title><style>{CSS}</style></head><body><h1>{}</h1><p class=\"note\">Generated by {}. Indicator A is the conversion rate of international standards (国际标准转化率), the measure of the {:.0} % target; indicator B is a different metric.</p>",
        escape_html(&title),
        escape_html(&title),
        escape_html(&s.tool),
        t * 100.0
    );
    let _ = write!(
        o,
        "<h2 id=\"headline\">1. Headline: conversion rate (indicator A)</h2><div class=\"kpi\">\
         <div>lenient (any edition)<b class=\"{}\">{}</b>{} of {} work items</div>\
         <div>strict (current edition)<b>{}</b>{} of {}</div>\
         <div>with matched (not counted)<b>{}</b>for information</div>\
         <div>still to convert<b>{}</b>to reach {:.0} %</div>\
         <div>indicator B (different metric)<b>{}</b>{} of {} domestic standards</div></div>",
        if h.meets_target { "ok" } else { "bad" },
        pct(h.rate),
        h.converted,
        h.universe,
        pct(h.rate_strict),
        h.converted_strict,
        h.universe,
        pct(h.rate_with_matched),
        h.to_target,
        t * 100.0,
        pct(s.indicator_b.share),
        s.indicator_b.adopting,
        s.indicator_b.standards
    );
    let _ = write!(
        o,
        "<p>Legacy EQV adoptions {} ({} work items converted only through EQV). NEQ only: {}. Excluded as not applicable: {}.</p>",
        if s.scope.eqv_counts { "are counted as MOD" } else { "are not counted" },
        s.overall.eqv_only,
        s.overall.neq_only,
        s.overall.excluded
    );
    if let Some(b) = &s.baseline {
        let _ = write!(
            o,
            "<p>Change since {}: lenient {} → {} ({}), strict {} → {} ({}).</p>",
            escape_html(&b.as_of),
            pct(b.rate),
            pct(h.rate),
            pp(b.delta),
            pct(b.rate_strict),
            pct(h.rate_strict),
            pp(b.delta_strict)
        );
    }
    if s.trend.len() > 1 {
        let pts: Vec<(String, Option<f64>, Option<f64>)> =
            s.trend.iter().map(|p| (p.as_of.clone(), p.rate, p.rate_strict)).collect();
        o.push_str(&trend_chart(&pts, t));
    }
    let _ = write!(o, "<h2 id=\"sectors\">2. Rate per sector against the {:.0} % line</h2>", t * 100.0);
    let rows: Vec<(String, Option<f64>, Option<f64>)> = std::iter::once(("overall".to_string(), h.rate, h.rate_strict))
        .chain(s.by_sector.iter().map(|(k, r)| (k.clone(), r.rate, r.rate_strict)))
        .collect();
    o.push_str(&rate_chart("Conversion rate per sector (bar: lenient; tick: strict)", &rows, t));
    let rows: Vec<(String, &Rates)> = s
        .by_sector
        .iter()
        .map(|(k, r)| {
            let name = crate::ident::sector(k)
                .map(|x| format!("{k} {} {}", x.industry_en, x.industry_zh))
                .unwrap_or(k.clone());
            (name, r)
        })
        .collect();
    o.push_str(&rates_table("sector", &rows, t));
    if !s.by_key_field.is_empty() {
        o.push_str("<h3>Key fields</h3>");
        let rows: Vec<(String, &Rates)> = s.by_key_field.iter().map(|(k, r)| (k.clone(), r)).collect();
        o.push_str(&rates_table("key field", &rows, t));
    }
    o.push_str("<h2 id=\"ics\">3. By ICS field</h2>");
    let rows: Vec<(String, &Rates)> = s.by_ics_field.iter().map(|(k, r)| (k.clone(), r)).collect();
    o.push_str(&rates_table("ICS field", &rows, t));
    let mut com: Vec<(&String, &Rates)> = s.by_committee.iter().collect();
    com.sort_by(|a, b| b.1.universe.cmp(&a.1.universe).then(a.0.cmp(b.0)));
    o.push_str("<h3>Committees (largest 15)</h3>");
    let rows: Vec<(String, &Rates)> = com.iter().take(15).map(|(k, r)| ((*k).clone(), *r)).collect();
    o.push_str(&rates_table("committee", &rows, t));
    let _ = write!(o, "<h2 id=\"target\">4. Distance to target</h2><p>{} more work items must be converted to reach {:.0} %. Best candidates:</p>", h.to_target, t * 100.0);
    o.push_str("<table class=\"candidates\"><thead><tr><th>#</th><th>work item</th><th>current edition</th><th>title</th><th>sectors</th><th>evidence</th><th>domestic</th></tr></thead><tbody>");
    for c in s.candidates.iter().take(20) {
        let ev = match c.evidence_kind.as_str() {
            "neq" => "declared, not IDT/MOD".to_string(),
            "matched" => format!("title match p={:.2}", c.score),
            _ => "none".to_string(),
        };
        let _ = write!(
            o,
            "<tr>{}<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            td_n(c.rank),
            escape_html(&c.work_item),
            escape_html(&c.current_edition),
            escape_html(&c.title),
            escape_html(&c.sectors.join(", ")),
            escape_html(&ev),
            escape_html(&c.domestic)
        );
    }
    o.push_str("</tbody></table>");
    o.push_str("<h2 id=\"gaps\">5. Gaps</h2>");
    let counts: Vec<(String, usize)> = GapCategory::ALL
        .iter()
        .map(|c| (c.code().to_string(), s.gap_counts.get(c.code()).copied().unwrap_or(0)))
        .collect();
    o.push_str(&count_chart("chart-gaps", "Gap rows per category", &counts));
    o.push_str(
        "<table class=\"gap-counts\"><thead><tr><th>code</th><th>category</th><th>rows</th></tr></thead><tbody>",
    );
    for c in GapCategory::ALL {
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td>{}</tr>",
            c.code(),
            c.label(),
            td_n(s.gap_counts.get(c.code()).copied().unwrap_or(0))
        );
    }
    o.push_str("</tbody></table>");
    let _ = write!(o, "<p class=\"note\">The full list is in gaps.csv and report.xlsx; the first {GAP_ROWS_SHOWN} rows of each category follow.</p>");
    for c in GapCategory::ALL {
        let rows = gaps_of(gaps, c);
        if rows.is_empty() {
            continue;
        }
        let _ = write!(o, "<h3>{} {} ({})</h3><table class=\"gaps\"><thead><tr><th>work item</th><th>current</th><th>title</th><th>domestic</th><th>degree</th><th>adopted</th><th>evidence</th><th>action</th></tr></thead><tbody>", c.code(), c.label(), rows.len());
        for g in rows.iter().take(GAP_ROWS_SHOWN) {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(&g.work_item),
                escape_html(&g.current_edition),
                escape_html(&g.title),
                escape_html(&g.domestic),
                escape_html(&g.degree),
                escape_html(&g.adopted_edition),
                escape_html(&truncate(&g.evidence, 200)),
                escape_html(&g.action)
            );
        }
        o.push_str("</tbody></table>");
    }
    let l = &s.adoption_lag;
    let _ = write!(
        o,
        "<h2 id=\"lag\">6. Adoption lag</h2><p>Domestic publication − publication of the adopted edition, {} adoptions: median {} years, mean {} years.</p>",
        l.n,
        l.median_years.map(|x| format!("{x:.1}")).unwrap_or("—".into()),
        l.mean_years.map(|x| format!("{x:.1}")).unwrap_or("—".into())
    );
    o.push_str(&count_chart("chart-lag", "Adoption lag (years)", &l.histogram));
    o.push_str("<h2 id=\"b\">7. Adoption share of domestic standards (indicator B)</h2><table class=\"ccs\"><thead><tr><th>CCS</th><th>standards</th><th>adopting</th><th>share</th><th>work items converted</th></tr></thead><tbody>");
    for (k, c) in &s.by_ccs_letter {
        let _ = write!(
            o,
            "<tr><td>{}</td>{}{}{}{}</tr>",
            escape_html(k),
            td_n(c.standards),
            td_n(c.adopting),
            td_n(pct(c.share)),
            td_n(c.work_items_converted)
        );
    }
    o.push_str("</tbody></table><table class=\"years\"><thead><tr><th>year</th><th>standards</th><th>adopting</th><th>share</th><th>work items first converted</th></tr></thead><tbody>");
    for (k, c) in &s.by_domestic_year {
        let _ = write!(
            o,
            "<tr><td>{}</td>{}{}{}{}</tr>",
            escape_html(k),
            td_n(c.standards),
            td_n(c.adopting),
            td_n(pct(c.share)),
            td_n(c.work_items_converted)
        );
    }
    o.push_str("</tbody></table><h2 id=\"method\">8. Method</h2><ul>");
    for line in method_lines(s) {
        let _ = write!(o, "<li>{}</li>", escape_html(&line));
    }
    o.push_str(
        "</ul><table class=\"inputs\"><thead><tr><th>side</th><th>file</th><th>snapshot</th></tr></thead><tbody>",
    );
    for i in &s.inputs {
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&i.side),
            escape_html(&i.path),
            escape_html(&i.snapshot)
        );
    }
    o.push_str("</tbody></table>");
    if !s.exclusions.is_empty() {
        o.push_str("<h3>Exclusions</h3><table class=\"exclusions\"><thead><tr><th>work item</th><th>reason</th><th>was in U</th></tr></thead><tbody>");
        for (w, r, inu) in &s.exclusions {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(w),
                escape_html(r),
                if *inu { "yes" } else { "no" }
            );
        }
        o.push_str("</tbody></table>");
    }
    if !s.warnings.is_empty() {
        o.push_str("<h3>Warnings</h3><ul>");
        for w in &s.warnings {
            let _ = write!(o, "<li>{}</li>", escape_html(w));
        }
        o.push_str("</ul>");
    }
    o.push_str("</body></html>\n");
    o
}
