//! The doubled pass: text drawn twice for a fake bold.
//!
//! A PDF writer without a bold face can fake one by drawing each glyph
//! twice, a hair apart; an extractor then reads every character twice:
//! `重重要要提提示示` for `重要提示`. Chinese has real reduplication too
//! (`谢谢`, `常常`, `看看`, and four-character `AABB` words such as
//! `高高兴兴`, `清清楚楚`), so one or two doubled characters in a row are
//! never enough. The rule:
//!
//! * a run of at least [`MIN_PAIRS`] characters in a row, each doubled
//!   (`AABBCC...`), with at least two Han among them, is fake bold: the
//!   second of each pair goes;
//! * `……` and `——` are one mark written with two characters, not doubled
//!   ones: they end a run and stay;
//! * spaces end a run; after a fake-bold run, two pairs on the same line
//!   with only spaces between are fake bold too (`第第一一章章  总总则则`).
//!
//! A radical and the ideograph it stands for (`一⼀`) count as the same
//! character. The pass runs to its fixed point, so text doubled twice (`重重重重`)
//! comes back whole in one repair.

use crate::chars::is_han;
use crate::edit::Edit;
use crate::radicals;
use crate::rule::Rule;

/// Fewest doubled characters in a row that make a fake-bold run: no
/// Chinese word reduplicates three characters in a row.
pub const MIN_PAIRS: usize = 3;

/// Proposes the doubled-glyph edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let mut runs = Runs {
        text,
        pairs: Vec::new(),
        bold_end: None,
    };
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match chars.peek() {
            Some(&(at, next)) if same_glyph(c, next) && can_double(c) => {
                runs.pairs.push((at, c));
                chars.next();
            }
            _ => runs.flush(out),
        }
    }
    runs.flush(out);
}

/// Whether two characters draw the same glyph: equal, or a radical and
/// the ideograph it stands for (`一⼀`), which the radicals pass after this
/// one would make equal.
fn same_glyph(a: char, b: char) -> bool {
    let unified = |c: char| {
        radicals::equivalent(c)
            .and_then(|s| s.chars().next())
            .unwrap_or(c)
    };
    a == b || unified(a) == unified(b)
}

fn can_double(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '…' | '—' | '\u{FFFD}')
}

/// The doubled characters seen so far.
struct Runs<'a> {
    text: &'a str,
    /// The current run: the offset of each pair's second character, and
    /// the character.
    pairs: Vec<(usize, char)>,
    /// Where the last fake-bold run ended.
    bold_end: Option<usize>,
}

impl Runs<'_> {
    /// Ends a run, undoubling it if it is fake bold: [`MIN_PAIRS`] pairs or
    /// more, or two after a fake-bold run on the same line with only
    /// spaces between (`第第一一章章  总总则则`).
    fn flush(&mut self, out: &mut Vec<Edit>) {
        let Some(&(first, _)) = self.pairs.first() else {
            return;
        };
        let han = self.pairs.iter().filter(|&&(_, c)| is_han(c)).count();
        let start = first - self.pairs[0].1.len_utf8();
        let follows_bold = self.bold_end.is_some_and(|end| {
            self.text[end..start]
                .chars()
                .all(|c| c.is_whitespace() && c != '\n')
        });
        let bold = (self.pairs.len() >= MIN_PAIRS && han >= 2)
            || (self.pairs.len() >= 2 && han >= 1 && follows_bold);
        if bold {
            out.extend(
                self.pairs
                    .iter()
                    .map(|&(at, c)| Edit::delete(at..at + c.len_utf8(), Rule::Doubled)),
            );
            let &(last, c) = self.pairs.last().expect("a run has a pair");
            self.bold_end = Some(last + c.len_utf8());
        }
        self.pairs.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected, why)
    const CASES: &[(&str, &str, &str)] = &[
        ("重重要要提提示示", "重要提示", "a fake-bold heading"),
        (
            "重重要要提提示示：请勿带电操作。",
            "重要提示：请勿带电操作。",
            "fake bold ends where the text does",
        ),
        (
            "第第一一章章  总总则则",
            "第一章  总则",
            "runs end at spaces; the second run is two pairs",
        ),
        (
            "警警告告！！本本设设备备",
            "警告！本设备",
            "doubled punctuation inside a run",
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
            "谢谢你，常常来看看。",
            "谢谢你，常常来看看。",
            "real reduplication",
        ),
        (
            "大家高高兴兴、清清楚楚地",
            "大家高高兴兴、清清楚楚地",
            "AABB words are two pairs",
        ),
        (
            "他说……好——走",
            "他说……好——走",
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
