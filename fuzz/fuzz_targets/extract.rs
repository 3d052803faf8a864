//! Fuzzes claim extraction on arbitrary text, as `report extract FILE --published DATE` runs it,
//! and checks that every claim points back at its own text.
#![no_main]

use std::path::Path;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let published = NaiveDate::from_ymd_opt(2024, 3, 20);
    let Ok(out) = report::extract_text(Path::new("story.txt"), text.clone(), published) else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "{start}..{end} of {}",
            chars.len()
        );
        chars[start..end].iter().collect()
    };
    for f in out.claims.figures.iter().filter(|f| !f.hand) {
        assert_eq!(slice(f.start, f.end), f.text);
    }
    for d in &out.claims.dates {
        assert_eq!(slice(d.start, d.end), d.text);
    }
    for e in &out.claims.events {
        slice(e.start, e.end);
    }
});
