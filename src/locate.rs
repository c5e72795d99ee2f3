//! Where a stretch of repaired text stood in the original input, in bytes
//! and in characters.
//!
//! Bytes come from the repair's [`Map`]. Characters are what an editor or a
//! browser counts when it highlights a token, and counting them from the
//! start of the input for every token would be quadratic; a [`Locator`]
//! keeps a cursor instead. Sentences and tokens come in order and the map is
//! monotone, so the cursor only moves forward, except back across a merged
//! change (two tokens made from one replaced stretch share its source), which
//! is short: the whole walk costs about one pass over the input.

use std::ops::Range;

use crate::edit::Map;

/// A stretch of the original input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// Byte offsets in the input.
    pub bytes: Range<usize>,
    /// Character (Unicode scalar) offsets in the input.
    pub chars: Range<usize>,
}

/// Locates ranges of repaired text in the input they were repaired from.
#[derive(Clone, Debug)]
pub struct Locator<'a> {
    input: &'a [u8],
    map: &'a Map,
    /// The cursor: a byte offset and the characters before it.
    byte: usize,
    chars: usize,
}

/// Characters that start in `bytes`: every byte but UTF-8 continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'a> Locator<'a> {
    /// `map` leads from the repaired text back to `input` (see
    /// [`crate::Repaired::map`]).
    pub fn new(input: &'a str, map: &'a Map) -> Self {
        Locator {
            input: input.as_bytes(),
            map,
            byte: 0,
            chars: 0,
        }
    }

    /// Where `output`, a range of the repaired text, came from.
    ///
    /// Any range is answered (clamped to the input), so a map that does not
    /// belong to the input gives wrong offsets, never a panic.
    pub fn locate(&mut self, output: Range<usize>) -> Located {
        let bytes = self.map.source_range(output);
        let start = self.char_offset(bytes.start);
        let end = self.char_offset(bytes.end.max(bytes.start));
        Located {
            chars: start..end,
            bytes: bytes.start.min(self.input.len())..bytes.end.min(self.input.len()),
        }
    }

    /// The characters before byte `at` of the input.
    fn char_offset(&mut self, at: usize) -> usize {
        let at = at.min(self.input.len());
        if at >= self.byte {
            self.chars += count_chars(&self.input[self.byte..at]);
        } else {
            self.chars -= count_chars(&self.input[at..self.byte]);
        }
        self.byte = at;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tidy;

    #[test]
    fn locate_table() {
        /// (input, output text of the range, bytes, chars, why)
        type Case = (
            &'static str,
            &'static str,
            Range<usize>,
            Range<usize>,
            &'static str,
        );
        let cases: &[Case] = &[
            (
                "全 市 已 建 成",
                "已建",
                8..15,
                4..7,
                "spaces removed inside",
            ),
            (
                "ＡＢＣ１２３",
                "ABC123",
                0..18,
                0..6,
                "full-width forms replaced",
            ),
            ("⽅法很好", "方法", 0..6, 0..2, "a radical replaced"),
            ("人工智\n能。", "能。", 10..16, 4..6, "after a line join"),
        ];
        for (input, wanted, bytes, chars, why) in cases {
            let repaired = Tidy::new().repair(input);
            let at = repaired.text().find(wanted).expect(why);
            let mut locator = Locator::new(input, repaired.map());
            let got = locator.locate(at..at + wanted.len());
            assert_eq!(
                (got.bytes, got.chars),
                (bytes.clone(), chars.clone()),
                "{why}"
            );
        }
    }

    #[test]
    fn cursor_moves_back_within_a_change() {
        let input = "前文ＡＢ后";
        let repaired = Tidy::new().repair(input);
        assert_eq!(repaired.text(), "前文AB后\n");
        let mut locator = Locator::new(input, repaired.map());
        // `A` and `B` both come from the one replaced stretch `ＡＢ`.
        let a = locator.locate(6..7);
        let b = locator.locate(7..8);
        let after = locator.locate(8..11);
        assert_eq!((a.chars, b.chars, after.chars), (2..4, 2..4, 4..5));
    }
}
