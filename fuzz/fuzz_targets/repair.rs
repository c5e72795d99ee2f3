//! The library on arbitrary strings: the lossless contract of DESIGN.md.
//!
//! Checks that the edit log reproduces the output from the input, that the
//! changes are ordered and inside both texts, that every output character
//! maps to a range of the input that never moves backwards, and that a
//! second repair of each chunk changes nothing (a whole document need not
//! be: see DESIGN.md, "Streaming equals whole"), and that the quantities of
//! the repaired text are spans of both texts. Any panic is a finding too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhtidy::Tidy;

fuzz_target!(|input: &str| {
    let tidy = Tidy::new();
    let repaired = tidy.repair(input);
    let out = repaired.text();

    let mut replayed = String::with_capacity(out.len());
    let (mut last_source, mut last_output) = (0, 0);
    for c in repaired.changes() {
        assert!(c.source.start >= last_source && c.source.start <= c.source.end);
        assert!(c.source.end <= input.len(), "change past the input's end");
        assert!(c.output.start >= last_output && c.output.start <= c.output.end);
        assert!(c.output.end <= out.len(), "change past the output's end");
        replayed.push_str(&input[last_source..c.source.start]);
        replayed.push_str(&out[c.output.clone()]);
        (last_source, last_output) = (c.source.end, c.output.end);
    }
    replayed.push_str(&input[last_source..]);
    assert_eq!(replayed, out, "the edit log does not reproduce the output");

    let mut previous = 0..0;
    for (at, ch) in out.char_indices() {
        let source = repaired.source_range(at..at + ch.len_utf8());
        assert!(source.start <= source.end && source.end <= input.len());
        assert!(
            source.start >= previous.start && source.end >= previous.end,
            "the map moves backwards at output byte {at}"
        );
        previous = source;
    }

    // The quantities scan reads the repaired text on its own terms: it
    // must end, and point into both texts.
    for q in repaired.quantities() {
        assert!(q.range.start < q.range.end && q.range.end <= out.len());
        assert!(q.source.start <= q.source.end && q.source.end <= input.len());
    }

    for (_, chunk) in zhtidy::chunk::split(input) {
        let once = tidy.repair_chunk(chunk);
        let twice = tidy.repair_chunk(once.text());
        assert_eq!(twice.text(), once.text(), "repair is not idempotent");
    }
});
