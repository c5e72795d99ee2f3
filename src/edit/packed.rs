//! The map of a whole document, packed into a few bytes a change.
//!
//! A [`Change`] takes forty bytes, and text spaced out character by
//! character has a change every four bytes or so: as [`Change`]s, the map
//! of a whole document took ten times the memory of its text, and filling
//! that much fresh memory cost more time than the repair. Stored instead as
//! variable-length numbers (the distance from the end of the change
//! before, the two lengths) after a byte for the rule, such a change takes
//! four bytes. The [`Map`] is built from them only for a caller that asks
//! for it.

use std::ops::Range;

use super::{Change, Map};
use crate::rule::Rules;

/// In a change's first byte: the rule set is not a single rule, whose
/// index the low bits would hold, and its bits follow.
const SEVERAL_RULES: u8 = 0x40;

/// In a change's first byte: the gap before the change differs between
/// the source and the output (which no map from [`super::apply`] and
/// [`Map::compose`] has), and the difference follows.
const SKEWED: u8 = 0x80;

/// The low bits of a change's first byte: the index of its single rule.
const RULE_INDEX: u8 = 0x3f;

/// A [`Map`]'s changes, packed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Packed {
    bytes: Vec<u8>,
    len: usize,
    /// The end of the last change, where the next one's gap starts.
    end: Ends,
}

/// The ends of a change, output and source.
#[derive(Clone, Copy, Debug, Default)]
struct Ends {
    output: usize,
    source: usize,
}

impl Packed {
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends `changes` with every offset, on both sides, shifted by the
    /// given amounts: used to place the map of one chunk of a document
    /// into the whole.
    pub fn extend(&mut self, changes: &[Change], output_base: usize, source_base: usize) {
        for c in changes {
            self.push(
                c.output.start + output_base..c.output.end + output_base,
                c.source.start + source_base..c.source.end + source_base,
                c.rules,
            );
        }
    }

    fn push(&mut self, output: Range<usize>, source: Range<usize>, rules: Rules) {
        // Wrapping differences give back every offset exactly, whatever
        // order the ranges come in.
        let gap = output.start.wrapping_sub(self.end.output);
        let skew = source.start.wrapping_sub(self.end.source).wrapping_sub(gap);
        let bits = rules.bits();
        let mut first = match bits.count_ones() {
            1 => bits.trailing_zeros() as u8,
            _ => SEVERAL_RULES,
        };
        if skew != 0 {
            first |= SKEWED;
        }
        let (output_len, source_len) = (
            output.end.wrapping_sub(output.start),
            source.end.wrapping_sub(source.start),
        );
        if first & (SEVERAL_RULES | SKEWED) == 0 && (gap | output_len | source_len) < 0x80 {
            // Most changes are a byte each: appended at once, as a push a
            // byte checks the vector's room for every byte.
            self.bytes
                .extend_from_slice(&[first, gap as u8, output_len as u8, source_len as u8]);
        } else {
            self.push_long(first, bits, gap, skew, output_len, source_len);
        }
        self.end = Ends {
            output: output.end,
            source: source.end,
        };
        self.len += 1;
    }

    /// [`Packed::push`] of a change whose fields do not all fit a byte.
    fn push_long(
        &mut self,
        first: u8,
        bits: u64,
        gap: usize,
        skew: usize,
        output_len: usize,
        source_len: usize,
    ) {
        self.bytes.push(first);
        if first & SEVERAL_RULES != 0 {
            put(&mut self.bytes, bits);
        }
        put(&mut self.bytes, gap as u64);
        if skew != 0 {
            put(&mut self.bytes, skew as u64);
        }
        put(&mut self.bytes, output_len as u64);
        put(&mut self.bytes, source_len as u64);
    }

    /// The map of [`Change`]s, built in room of its exact size.
    pub fn unpack(&self) -> Map {
        let mut changes = Vec::with_capacity(self.len);
        changes.extend(Changes {
            bytes: &self.bytes,
            at: 0,
            end: Ends::default(),
        });
        Map { changes }
    }
}

/// Appends `n` as a variable-length number: seven bits a byte, low bits
/// first, the high bit set on every byte but the last.
fn put(bytes: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        bytes.push(n as u8 | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

/// Decodes packed changes.
struct Changes<'a> {
    bytes: &'a [u8],
    at: usize,
    end: Ends,
}

impl Changes<'_> {
    fn take(&mut self) -> Option<u64> {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(n);
            }
            shift += 7;
        }
    }
}

impl Iterator for Changes<'_> {
    type Item = Change;

    fn next(&mut self) -> Option<Change> {
        let first = *self.bytes.get(self.at)?;
        self.at += 1;
        let rules = match first & SEVERAL_RULES {
            0 => 1 << (first & RULE_INDEX),
            _ => self.take()?,
        };
        let gap = self.take()? as usize;
        let skew = match first & SKEWED {
            0 => 0,
            _ => self.take()? as usize,
        };
        let output_len = self.take()? as usize;
        let source_len = self.take()? as usize;
        let output = self.end.output.wrapping_add(gap);
        let source = self.end.source.wrapping_add(gap).wrapping_add(skew);
        let change = Change {
            output: output..output.wrapping_add(output_len),
            source: source..source.wrapping_add(source_len),
            rules: Rules::from_bits(rules),
        };
        self.end = Ends {
            output: change.output.end,
            source: change.source.end,
        };
        Some(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Rule;

    fn change(output: Range<usize>, source: Range<usize>, rules: Rules) -> Change {
        Change {
            output,
            source,
            rules,
        }
    }

    /// Every change comes back as it went in, including ones no repair
    /// makes: a gap that differs between the sides, a huge offset, an
    /// empty rule set, ranges out of order.
    #[test]
    fn round_trip() {
        let two = Rules::from(Rule::LineJoin).union(Rules::from(Rule::Dehyphen));
        let mut changes = vec![
            change(0..0, 0..1, Rules::from(Rule::Bom)),
            change(0..3, 1..4, two),
            change(3..3, 4..9, Rules::from(Rule::ScriptDigit)),
            change(10..12, 20..21, Rules::default()),
            change(usize::MAX - 5..usize::MAX - 1, 30..31, two),
            change(
                Range { start: 7, end: 2 },
                Range { start: 9, end: 1 },
                Rules::from(Rule::Radical),
            ),
        ];
        for i in 0..200 {
            let at = 1000 + 7 * i;
            let rule = Rule::ALL[i % Rule::ALL.len()];
            changes.push(change(at..at + i % 3, at + 5..at + 6, Rules::from(rule)));
        }
        let mut packed = Packed::default();
        packed.extend(&changes[..3], 0, 0);
        packed.extend(&changes[3..], 0, 0);
        assert_eq!(packed.unpack().changes(), changes);
        assert!(Packed::default().unpack().is_identity());
    }

    /// A chunk's changes land shifted by its place in the document.
    #[test]
    fn shifted() {
        let first = [change(1..1, 1..2, Rules::from(Rule::SpacedRun))];
        let second = [change(0..3, 0..6, Rules::from(Rule::Fullwidth))];
        let mut packed = Packed::default();
        packed.extend(&first, 0, 0);
        packed.extend(&second, 4, 5);
        assert_eq!(
            packed.unpack().changes(),
            [first[0].clone(), change(4..7, 5..11, second[0].rules)]
        );
    }
}
