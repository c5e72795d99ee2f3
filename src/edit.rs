//! Edits, applying them, and the map from repaired text back to the input.
//!
//! A pass never rewrites text. It proposes [`Edit`]s against the text it is
//! given; [`apply`] turns them into the next text and a [`Map`] from that
//! text back to the previous one, and [`Map::compose`] chains the maps so
//! that, however many passes ran, every byte of the output still points at
//! the bytes of the original input it came from.
//!
//! A [`Map`] stores only the *changed* stretches: between two changes the
//! output and the input are the same bytes, so an offset there maps by a
//! constant shift. The changes are the edit log: applying each change's
//! replacement to its source range of the input reproduces the output
//! exactly (`tests/properties.rs` checks this on random text).

use std::borrow::Cow;
use std::ops::Range;

use crate::rule::{Rule, Rules};

mod packed;

pub(crate) use packed::Packed;

/// One proposed change: replace `range` of the pass's text with
/// `replacement`, because of `rule`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: Cow<'static, str>,
    pub rule: Rule,
}

impl Edit {
    /// Deletes `range`.
    pub fn delete(range: Range<usize>, rule: Rule) -> Edit {
        Edit {
            range,
            replacement: Cow::Borrowed(""),
            rule,
        }
    }

    /// Replaces `range` with `replacement`.
    pub fn replace(
        range: Range<usize>,
        replacement: impl Into<Cow<'static, str>>,
        rule: Rule,
    ) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
            rule,
        }
    }
}

/// A changed stretch: `output` bytes of the new text stand where `source`
/// bytes of the old text stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub output: Range<usize>,
    pub source: Range<usize>,
    pub rules: Rules,
}

/// A monotone map from offsets of one text to offsets of an earlier one.
///
/// Invariants: changes are sorted, do not overlap (they may touch), and the
/// stretch between two changes has the same length on both sides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map {
    changes: Vec<Change>,
}

impl Map {
    /// The changed stretches, in order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    pub fn is_identity(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changed stretches of the output, those less than `slack` bytes
    /// apart merged, for a caller that only wants to know roughly where
    /// they lie.
    pub(crate) fn changed(&self, slack: usize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for c in &self.changes {
            push_merged(&mut out, c.output.clone(), slack);
        }
        out
    }

    /// Stretches of the source, sorted, carried into the output, together
    /// with `changed`, this map's [`Map::changed`] with the same `slack`:
    /// what differs between the output and a text that differed from the
    /// source in `stretches`. A stretch that ends inside a change ends at
    /// the change's start, which the change covers. Stretches less than
    /// `slack` bytes apart merge.
    ///
    /// A step's changes are taken merged once, for all the callers that
    /// carry their stretches through it: merging is by the union of the
    /// stretches, and a gap that merging closed is one that would close
    /// again. The few stretches are found among the many changes by binary
    /// search.
    pub(crate) fn forward(
        &self,
        stretches: &[Range<usize>],
        changed: &[Range<usize>],
        slack: usize,
    ) -> Vec<Range<usize>> {
        let at = |pos: usize| {
            let i = self.changes.partition_point(|c| c.source.end <= pos);
            match self.changes.get(i) {
                Some(c) if c.source.start < pos => c.output.start,
                _ => i.checked_sub(1).map_or(pos, |j| {
                    let c = &self.changes[j];
                    pos - c.source.end + c.output.end
                }),
            }
        };
        let mut carried = stretches.iter().map(|r| at(r.start)..at(r.end)).peekable();
        let mut own = changed.iter().cloned().peekable();
        let mut out: Vec<Range<usize>> = Vec::with_capacity(stretches.len() + changed.len());
        loop {
            let next = match (carried.peek(), own.peek()) {
                (Some(a), Some(b)) if a.start <= b.start => carried.next(),
                (Some(_), None) => carried.next(),
                _ => own.next(),
            };
            let Some(next) = next else { break };
            push_merged(&mut out, next, slack);
        }
        out
    }

    /// Where a range that *starts* at output offset `pos` starts in the source.
    ///
    /// Inside a change this is the start of the change's source; right after
    /// a deletion it is after the deleted bytes, so a token that follows a
    /// removed space does not claim the space.
    pub fn source_start(&self, pos: usize) -> usize {
        let i = self.changes.partition_point(|c| c.output.start <= pos);
        match i.checked_sub(1).map(|i| &self.changes[i]) {
            None => pos,
            Some(c) if pos < c.output.end => c.source.start,
            Some(c) => c.source.end + (pos - c.output.end),
        }
    }

    /// Where a range that *ends* at output offset `pos` ends in the source.
    pub fn source_end(&self, pos: usize) -> usize {
        let i = self.changes.partition_point(|c| c.output.start < pos);
        match i.checked_sub(1).map(|i| &self.changes[i]) {
            None => pos,
            Some(c) if pos <= c.output.end => c.source.end,
            Some(c) => c.source.end + (pos - c.output.end),
        }
    }

    /// The source range an output range came from.
    pub fn source_range(&self, output: Range<usize>) -> Range<usize> {
        if output.is_empty() {
            let at = self.source_end(output.start);
            return at..at;
        }
        self.source_start(output.start)..self.source_end(output.end)
    }

    /// Chains `self` (new text → middle text) after `inner` (middle text →
    /// original): the result maps the new text straight to the original.
    ///
    /// Changes of either map that overlap or touch in the middle text merge
    /// into one change carrying both sets of rules, because a replaced
    /// stretch cannot be split more finely than its edit.
    pub fn compose(&self, inner: &Map) -> Map {
        // One pass over both sides' changed intervals in the middle text,
        // in order of their starts, merging those that overlap or touch
        // into the change being built. Each side's changes are sorted and
        // do not overlap, so the last one taken from a side is the one
        // that sets the shift after it: a stretch between changes maps by
        // `middle + shift` into the new text (outer) or the original
        // (inner). Merging and mapping in the same pass spare a list of
        // merged intervals and a second walk that found each interval's
        // changes again.
        let (outer, inner) = (&self.changes, &inner.changes);
        let mut out: Vec<Change> = Vec::with_capacity(outer.len() + inner.len());
        let (mut i, mut j) = (0, 0);
        // The shifts after the last change taken from each side.
        let (mut shift_outer, mut shift_inner) = (0isize, 0isize);
        // The interval being merged, in the middle text, ends at `mid_end`;
        // `out`'s last change holds its start and rules.
        let mut mid_end: Option<usize> = None;
        let at = |pos: usize, shift: isize| (pos as isize + shift) as usize;
        loop {
            let take_outer = match (outer.get(i), inner.get(j)) {
                (Some(a), Some(b)) => a.source.start <= b.output.start,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let (mid, rules) = if take_outer {
                (&outer[i].source, outer[i].rules)
            } else {
                (&inner[j].output, inner[j].rules)
            };
            match (mid_end, out.last_mut()) {
                (Some(end), Some(last)) if mid.start <= end => {
                    mid_end = Some(end.max(mid.end));
                    last.rules = last.rules.union(rules);
                }
                (end, last) => {
                    // The interval before is complete: every change in it
                    // has been taken, so the shifts are those at its end.
                    if let (Some(end), Some(last)) = (end, last) {
                        last.output.end = at(end, shift_outer);
                        last.source.end = at(end, shift_inner);
                    }
                    let start = mid.start;
                    out.push(Change {
                        output: at(start, shift_outer)..0,
                        source: at(start, shift_inner)..0,
                        rules,
                    });
                    mid_end = Some(mid.end);
                }
            }
            if take_outer {
                let c = &outer[i];
                shift_outer = c.output.end as isize - c.source.end as isize;
                i += 1;
            } else {
                let c = &inner[j];
                shift_inner = c.source.end as isize - c.output.end as isize;
                j += 1;
            }
        }
        if let (Some(end), Some(last)) = (mid_end, out.last_mut()) {
            last.output.end = at(end, shift_outer);
            last.source.end = at(end, shift_inner);
        }
        Map { changes: out }
    }
}

/// Appends `next`, which starts at or after the stretches of `out`, to
/// them, merged with the last if less than `slack` bytes after it.
fn push_merged(out: &mut Vec<Range<usize>>, next: Range<usize>, slack: usize) {
    match out.last_mut() {
        Some(last) if next.start <= last.end + slack => last.end = last.end.max(next.end),
        _ => out.push(next),
    }
}

/// The map of a chain of steps, each mapping its text back to the text of
/// the step before (`steps[0]` to the input): the same map as composing
/// them one after another onto the first, as [`Map::compose`] merges alike
/// whichever way the chain is grouped.
///
/// Composed one after another, every step rewrites the whole map so far,
/// and a chunk takes a dozen steps or more; composed by halves, a change is
/// rewritten once per level (on the corpora, 40% fewer instructions in
/// composing, which took a twelfth of a repair). Steps without changes before the first change are dropped: a
/// single step with changes is its map as it is, with its touching changes
/// unmerged, as composing onto nothing leaves it.
pub(crate) fn chain(steps: &[Map]) -> Map {
    let first = steps
        .iter()
        .position(|m| !m.is_identity())
        .unwrap_or(steps.len());
    composed(&steps[first..]).into_owned()
}

/// [`chain`] of steps that start with a change.
fn composed(steps: &[Map]) -> Cow<'_, Map> {
    match steps {
        [] => Cow::Owned(Map::default()),
        [only] => Cow::Borrowed(only),
        steps => {
            let (inner, outer) = steps.split_at(steps.len() / 2);
            Cow::Owned(composed(outer).compose(&composed(inner)))
        }
    }
}

/// Applies edits to `text`, giving the new text and the map back to `text`.
///
/// Edits must be sorted by range and must not overlap; zero-width edits
/// insert. An edit that breaks this, or that does not fall on character
/// boundaries, is a bug in its pass: it is skipped (and a debug build
/// panics) so that a release build never corrupts text.
pub fn apply(text: &str, edits: &[Edit]) -> (String, Map) {
    let mut out = String::with_capacity(text.len());
    let map = apply_into(text, edits, &mut out);
    (out, map)
}

/// [`apply`], writing the new text into `out` in place of what it held:
/// a chunk goes through dozens of steps, and a buffer of its size fresh
/// for each cost its page faults and copies every time.
pub(crate) fn apply_into(text: &str, edits: &[Edit], out: &mut String) -> Map {
    out.clear();
    out.reserve(text.len());
    let mut changes = Vec::with_capacity(edits.len());
    let mut last = 0;
    for e in edits {
        // The text kept before the edit, and the edit's range, are both
        // slices of `text` (`last` is a character boundary, the end of the
        // edit before): the one test finds both an edit out of order and
        // one off a boundary, and gives the kept text to copy.
        let kept = text.get(last..e.range.start);
        let valid = kept.is_some() && text.get(e.range.clone()).is_some();
        debug_assert!(valid, "invalid edit {e:?} after offset {last}");
        let Some(kept) = kept.filter(|_| valid) else {
            continue;
        };
        out.push_str(kept);
        let start = out.len();
        // Most edits delete.
        if !e.replacement.is_empty() {
            out.push_str(&e.replacement);
        }
        changes.push(Change {
            output: start..out.len(),
            source: e.range.clone(),
            rules: Rules::from(e.rule),
        });
        last = e.range.end;
    }
    out.push_str(&text[last..]);
    Map { changes }
}

/// Test support for the passes: run one pass's edits, check a table.
#[cfg(test)]
pub(crate) mod testing {
    use super::{apply, Edit};

    /// Proposes one pass's edits for `input` and applies them.
    pub fn run(pass: fn(&str, &mut Vec<Edit>), input: &str) -> String {
        let mut edits = Vec::new();
        pass(input, &mut edits);
        apply(input, &edits).0
    }

    /// Checks one pass against a table of (input, expected, why).
    pub fn check(pass: fn(&str, &mut Vec<Edit>), cases: &[(&str, &str, &str)]) {
        for (input, expected, why) in cases {
            assert_eq!(run(pass, input), *expected, "{why}: {input:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_log(original: &str, output: &str, map: &Map) {
        let mut rebuilt = String::new();
        let mut last = 0;
        for c in map.changes() {
            rebuilt.push_str(&original[last..c.source.start]);
            rebuilt.push_str(&output[c.output.clone()]);
            last = c.source.end;
        }
        rebuilt.push_str(&original[last..]);
        assert_eq!(rebuilt, output);
    }

    #[test]
    fn apply_then_map_back() {
        let text = "a b  c";
        let edits = [
            Edit::delete(1..2, Rule::SpacedRun),
            Edit::replace(3..5, " ", Rule::OddSpace),
        ];
        let (out, map) = apply(text, &edits);
        assert_eq!(out, "ab c");
        assert_eq!(map.source_range(0..2), 0..3);
        assert_eq!(map.source_range(1..2), 2..3);
        assert_eq!(map.source_range(3..4), 5..6);
        assert_eq!(map.source_range(2..3), 3..5);
        check_log(text, &out, &map);
    }

    /// Composing the steps of a chain by halves gives the map that
    /// composing them one after another does, on chains of random edits
    /// that touch, overlap and insert.
    #[test]
    fn chain_is_composing_in_turn() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..500 {
            let mut text = "abcdefghij".repeat(1 + next(3));
            let original = text.clone();
            let mut steps = Vec::new();
            for _ in 0..1 + next(12) {
                let mut edits = Vec::new();
                let mut at = 0;
                while at < text.len() && edits.len() < 4 {
                    let start = at + next(4);
                    let end = (start + next(3)).min(text.len());
                    if start > end {
                        break;
                    }
                    let replacement = ["", "x", "yz"][next(3)];
                    edits.push(Edit::replace(start..end, replacement, Rule::SpacedRun));
                    at = end;
                }
                let (next_text, map) = apply(&text, &edits);
                steps.push(map);
                text = next_text;
            }
            let in_turn = steps.iter().fold(Map::default(), |map, local| {
                if map.is_identity() {
                    local.clone()
                } else {
                    local.compose(&map)
                }
            });
            let chained = chain(&steps);
            assert_eq!(chained, in_turn);
            check_log(&original, &text, &chained);
        }
    }

    /// Composition must reproduce the output from the original, whatever the
    /// overlap between the two passes' changes.
    #[test]
    fn compose_table() {
        let cases: &[(&str, &[Edit], &[Edit])] = &[
            (
                "abcdef",
                &[Edit::replace(1..2, "XY", Rule::Fullwidth)],
                &[Edit::delete(2..3, Rule::SpacedRun)],
            ),
            (
                "abcdef",
                &[Edit::delete(2..3, Rule::SpacedRun)],
                &[Edit::replace(1..3, "", Rule::SpacedRun)],
            ),
            (
                "a b c d",
                &[
                    Edit::delete(1..2, Rule::SpacedRun),
                    Edit::delete(3..4, Rule::SpacedRun),
                ],
                &[Edit::replace(0..3, "Z", Rule::Fullwidth)],
            ),
            (
                "abc",
                &[Edit::replace(0..3, "", Rule::PageNumber)],
                &[Edit::replace(0..0, "x", Rule::LineJoin)],
            ),
            (
                "abcdef",
                &[Edit::replace(1..1, "--", Rule::Dash)],
                &[
                    Edit::replace(2..3, "", Rule::Dash),
                    Edit::replace(5..5, "!", Rule::Dash),
                ],
            ),
        ];
        for (text, first, second) in cases {
            let (t1, m1) = apply(text, first);
            let (t2, m2) = apply(&t1, second);
            let m = m2.compose(&m1);
            check_log(text, &t2, &m);
        }
    }
}
