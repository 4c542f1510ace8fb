//! Fuzz target: `StdRef::parse` never panics, and display → parse is stable
//! (the documented invariant of `src/ident/`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stdalign::ident::StdRef;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(r) = StdRef::parse(s) {
        let shown = r.to_string();
        let _ = r.work_item();
        let _ = r.edition();
        // Re-parsing the display form must not panic; when it parses, its
        // display is a fixed point.
        if let Ok(again) = StdRef::parse(&shown) {
            let shown2 = again.to_string();
            if let Ok(third) = StdRef::parse(&shown2) {
                assert_eq!(third.to_string(), shown2, "display not idempotent for {s:?}");
            }
        }
    }
});
