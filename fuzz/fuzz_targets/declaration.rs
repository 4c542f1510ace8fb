//! Fuzz target: `parse_declaration` never panics, with or without a
//! separate degree column; every reference it returns displays and
//! re-parses without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stdalign::ident::declaration::parse_declaration;
use stdalign::ident::StdRef;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    // A 0x1F unit separator splits the text from the degree column.
    let (text, degree) = match s.split_once('\u{1F}') {
        Some((t, d)) => (t, Some(d)),
        None => (s, None),
    };
    let d = parse_declaration(text, degree);
    let _ = d.is_parsed();
    for r in &d.refs {
        let _ = StdRef::parse(&r.reference.to_string());
        let _ = r.reference.work_item();
    }
});
