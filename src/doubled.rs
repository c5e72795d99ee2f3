//! The doubled pass: text drawn twice for a fake bold.
//!
//! A PDF writer without a bold face can fake one by drawing each glyph
//! twice, a hair apart; an extractor then reads every character twice:
//! `重重要要提提示示` for `重要提示`. Fake bold marks headings and labels,
//! so it opens a line. Chinese has real reduplication too (`谢谢`, `常常`,
//! `哈哈哈哈`, and four-character `AABB` words such as `高高兴兴`), so the
//! evidence must be strong. The rule:
//!
//! * a line that opens with at least [`MIN_PAIRS`] characters each drawn
//!   twice (`AABBCC...`, spaces allowed between and inside the pairs),
//!   among them at least [`MIN_PAIRS`] different characters and two Han,
//!   is fake bold up to the first character that is not doubled: the
//!   second of each pair goes;
//! * punctuation ends the run, its own pair undoubled with it
//!   (`重重要要提提示示：：` is `重要提示：`);
//! * `……` and `——` are one mark written with two characters: they end
//!   the run and stay.
//!
//! A radical and the ideograph it stands for (`一⼀`), and a script digit
//! and its plain digit (`₂2`), count as the same character: later passes
//! may make them equal. The pass runs before any pass that joins lines or
//! removes spaces, and works on whole line openings, so no later pass can
//! make a run it did not see. It runs to its fixed point, so text drawn
//! four times (`重重重重`) comes back whole in one repair.

use crate::chars::{is_cjk_punct, is_han};
use crate::edit::Edit;
use crate::quantity::scripts::plain_digit;
use crate::radicals::unified;
use crate::rule::Rule;

/// Fewest doubled characters, and fewest different ones among them, that
/// make a fake-bold run: no Chinese word reduplicates three characters in
/// a row.
pub const MIN_PAIRS: usize = 3;

/// Proposes the doubled-glyph edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let mut pairs: Vec<(usize, char)> = Vec::new();
    let mut line_start = 0;
    for line_end in
        memchr::memchr2_iter(b'\n', b'\x0c', text.as_bytes()).chain(std::iter::once(text.len()))
    {
        line_edits(&text[line_start..line_end], line_start, &mut pairs, out);
        line_start = line_end + 1;
    }
}

/// The edits for one line starting at `base`: the doubled run that opens
/// it, if it is fake bold.
fn line_edits(line: &str, base: usize, pairs: &mut Vec<(usize, char)>, out: &mut Vec<Edit>) {
    pairs.clear();
    // Any space, the ideographic one of an indent too: the lines pass takes
    // a line's edges away, and spacing the spaces between.
    let mut chars = line.char_indices().filter(|&(_, c)| !c.is_whitespace());
    while let Some((_, c)) = chars.next() {
        match chars.next() {
            Some((at, next)) if can_double(c) && same_glyph(c, next) => {
                pairs.push((at, next));
                // Punctuation ends a run (taking its own pair along): the
                // lines pass joins a line that starts with punctuation to
                // the one before, and must not extend a run by it.
                if is_punct(c) {
                    break;
                }
            }
            _ => break,
        }
    }
    let letters = pairs.iter().filter(|&&(_, c)| !is_punct(c));
    if letters.clone().count() < MIN_PAIRS || letters.filter(|&&(_, c)| is_han(c)).count() < 2 {
        return;
    }
    let mut distinct: Vec<char> = pairs.iter().map(|&(_, c)| as_read(c)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() >= MIN_PAIRS {
        out.extend(
            pairs
                .iter()
                .map(|&(at, c)| Edit::delete(base + at..base + at + c.len_utf8(), Rule::Doubled)),
        );
    }
}

/// Whether two characters draw the same glyph: equal, or a radical and
/// the ideograph it stands for (`一⼀`), which the radicals pass makes
/// equal.
fn same_glyph(a: char, b: char) -> bool {
    a == b || as_read(a) == as_read(b)
}

/// A character as the passes after this one may leave it: a radical as the
/// ideograph it stands for, a script digit as the plain digit the fold of
/// script digits (when asked for) makes it.
fn as_read(c: char) -> char {
    plain_digit(c).unwrap_or_else(|| unified(c))
}

fn is_punct(c: char) -> bool {
    is_cjk_punct(c) || c.is_ascii_punctuation()
}

fn can_double(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '…' | '—' | '\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected, why)
    const CASES: &[(&str, &str, &str)] = &[
        ("重重要要提提示示", "重要提示", "a fake-bold heading"),
        (
            "重重要要提提示示：：请勿带电操作。",
            "重要提示：请勿带电操作。",
            "fake bold ends where the text does",
        ),
        (
            "第第一一章章  总总则则",
            "第一章  总则",
            "spaces between the pairs",
        ),
        (
            "  重 重 要 要 提 提 示 示",
            "  重  要  提  示 ",
            "spaced out as well",
        ),
        (
            "警警告告！！本本设设备备",
            "警警告告！！本本设设备备",
            "punctuation ends a run: two pairs before it",
        ),
        (
            "22002233年年度度报报告告",
            "2023年度报告",
            "digits inside a run",
        ),
        (
            "重重重重要要要要提提提提示示示示",
            "重重要要提提示示",
            "drawn four times: one round halves it (the pipeline repeats it)",
        ),
        (
            "页页文文一⼀",
            "页文一",
            "a radical and its ideograph draw one glyph",
        ),
        (
            "正文\n重重要要提提示示\n正文",
            "正文\n重要提示\n正文",
            "each line on its own",
        ),
        (
            "谢谢你，常常来看看。",
            "谢谢你，常常来看看。",
            "real reduplication",
        ),
        (
            "高高兴兴、清清楚楚地",
            "高高兴兴、清清楚楚地",
            "AABB words are two pairs",
        ),
        (
            "哈哈哈哈哈哈哈哈",
            "哈哈哈哈哈哈哈哈",
            "laughter repeats one character",
        ),
        (
            "他说重重要要提提示示",
            "他说重重要要提提示示",
            "fake bold opens a line",
        ),
        (
            "……——好好",
            "……——好好",
            "ellipsis and dash are one mark each",
        ),
        ("AABBCC", "AABBCC", "Latin alone: no Han, no evidence"),
        ("", "", "empty"),
    ];

    #[test]
    fn table() {
        crate::edit::testing::check(edits, CASES);
    }
}
