//! Whether each injected glyph of the damage set was put right.
//!
//! In process, zhtidy's edit log says what replaced each input range: the
//! changes overlapping an injection must cover it without a gap, and the
//! output they produced must hold the expected text and not the damaged
//! glyph. For an outside command, the output is aligned with the input
//! character by character and the stretch of output between the aligned
//! characters around the injection is judged the same way.

use std::collections::BTreeMap;

use serde::Serialize;
use zhtidy::Change;

use crate::corpus::Injection;
use crate::diff;
use crate::text::is_line_break;

/// Whether `got`, the output standing where the injection stood, restores it.
///
/// An injection that should vanish (odd spaces, invisibles) is restored when
/// nothing but a line break is left; others when the expected text is there.
pub fn judge(inj: &Injection, got: &str) -> bool {
    if got.contains(inj.damaged.as_str()) {
        return false;
    }
    if inj.expected.is_empty() {
        got.chars().all(is_line_break)
    } else {
        got.contains(inj.expected.as_str())
    }
}

/// What the edit log put in place of the injection; `None` when part of it
/// was left as it was.
pub fn replaced_by_changes<'a>(
    output: &'a str,
    changes: &[Change],
    inj: &Injection,
) -> Option<&'a str> {
    let (start, end) = (inj.offset, inj.offset + inj.len);
    let first = changes.partition_point(|c| c.source.end <= start);
    let mut covered = start;
    let mut out_range: Option<(usize, usize)> = None;
    for c in &changes[first..] {
        if c.source.start >= end {
            break;
        }
        if c.source.is_empty() {
            continue;
        }
        if c.source.start > covered {
            return None;
        }
        covered = covered.max(c.source.end);
        out_range = Some(match out_range {
            None => (c.output.start, c.output.end),
            Some((s, _)) => (s, c.output.end),
        });
    }
    if covered < end {
        return None;
    }
    out_range.map(|(s, e)| &output[s..e])
}

/// What an outside tool put in place of the injection, by aligning its
/// output with its input.
pub fn replaced_by_alignment(
    input: &str,
    output: &str,
    injections: &[Injection],
) -> Vec<Option<String>> {
    let a: Vec<(usize, char)> = input.char_indices().collect();
    let b: Vec<char> = output.chars().collect();
    let a_chars: Vec<char> = a.iter().map(|&(_, c)| c).collect();
    let (a_to_b, _) = diff::alignment(&a_chars, &b);
    injections
        .iter()
        .map(|inj| {
            let i0 = a.partition_point(|&(at, _)| at < inj.offset);
            let i1 = a.partition_point(|&(at, _)| at < inj.offset + inj.len);
            if (i0..i1).any(|i| a_to_b[i].is_some()) {
                return None;
            }
            let from = (0..i0).rev().find_map(|i| a_to_b[i]).map_or(0, |j| j + 1);
            let to = (i1..a.len()).find_map(|i| a_to_b[i]).unwrap_or(b.len());
            Some(b[from..to.max(from)].iter().collect())
        })
        .collect()
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Tally {
    pub injections: usize,
    pub restored: usize,
}

impl Tally {
    pub fn share(&self) -> f64 {
        if self.injections == 0 {
            0.0
        } else {
            self.restored as f64 / self.injections as f64
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    pub doc: String,
    pub offset: usize,
    pub kind: String,
    pub damaged: String,
    pub expected: String,
    pub got: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct GlyphReport {
    pub docs: usize,
    pub total: Tally,
    pub by_kind: BTreeMap<String, Tally>,
    pub misses: Vec<Miss>,
    /// Injections on running-header or page-number lines: a tool that
    /// removes those lines is right to drop them, so they are not scored.
    pub in_boilerplate: usize,
    pub notes: Vec<String>,
}

/// The line of `text` holding byte `offset`, full-width ASCII made ASCII
/// and radicals read as their ideographs, so that a damaged header or page
/// number is still recognised.
pub fn line_at(text: &str, offset: usize) -> String {
    let is_break = |c: char| c == '\n' || c == '\x0c';
    let start = text[..offset].rfind(is_break).map_or(0, |i| i + 1);
    let end = text[offset..]
        .find(is_break)
        .map_or(text.len(), |i| offset + i);
    text[start..end]
        .chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => zhtidy::radicals::unified(c),
        })
        .collect()
}

impl GlyphReport {
    pub fn add(&mut self, doc: &str, inj: &Injection, got: Option<&str>) {
        let ok = got.is_some_and(|g| judge(inj, g));
        let kind = self.by_kind.entry(inj.kind.clone()).or_default();
        kind.injections += 1;
        self.total.injections += 1;
        if ok {
            kind.restored += 1;
            self.total.restored += 1;
        } else if self.misses.len() < 200 {
            self.misses.push(Miss {
                doc: doc.to_owned(),
                offset: inj.offset,
                kind: inj.kind.clone(),
                damaged: inj.damaged.clone(),
                expected: inj.expected.clone(),
                got: got.map(str::to_owned),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhtidy::Rules;

    fn inj(offset: usize, damaged: &str, expected: &str) -> Injection {
        Injection {
            offset,
            len: damaged.len(),
            damaged: damaged.into(),
            expected: expected.into(),
            kind: "test".into(),
        }
    }

    fn change(source: std::ops::Range<usize>, output: std::ops::Range<usize>) -> Change {
        Change {
            output,
            source,
            rules: Rules::default(),
        }
    }

    #[test]
    fn judge_table() {
        let cases = [
            (inj(0, "⾼", "高"), "高", true),
            (inj(0, "⾼", "高"), "⾼", false),
            (inj(0, "\u{a0}", ""), "", true),
            (inj(0, "\u{a0}", ""), " ", false),
            (inj(0, "\u{a0}", ""), "\n", true),
            (inj(0, "１２", "12"), "12", true),
            (inj(0, "⸺", "——"), "—", false),
        ];
        for (i, got, want) in cases {
            assert_eq!(judge(&i, got), want, "{:?} -> {got:?}", i.damaged);
        }
    }

    #[test]
    fn line_at_folds_fullwidth_and_radicals() {
        let text = "正文。\n\n—１—\n\x0c农业技术推⼴简报\n下一页";
        assert_eq!(line_at(text, text.find('１').unwrap()), "—1—");
        assert_eq!(line_at(text, text.find('⼴').unwrap()), "农业技术推广简报");
        assert_eq!(line_at(text, 0), "正文。");
        assert_eq!(line_at(text, text.len()), "下一页");
    }

    #[test]
    fn by_changes() {
        // Input "甲１２乙": the digits are bytes 3..9; output "甲12乙".
        let out = "甲12乙";
        let i = inj(3, "１２", "12");
        let whole = [change(3..9, 3..5)];
        assert_eq!(replaced_by_changes(out, &whole, &i), Some("12"));
        let split = [change(3..6, 3..4), change(6..9, 4..5)];
        assert_eq!(replaced_by_changes(out, &split, &i), Some("12"));
        let half = [change(3..6, 3..4)];
        assert_eq!(replaced_by_changes(out, &half, &i), None);
        assert_eq!(replaced_by_changes(out, &[], &i), None);
    }

    #[test]
    fn by_alignment() {
        let input = "研究⾼端芯片\u{3000}设计";
        let injections = [inj(6, "⾼", "高"), inj(18, "\u{3000}", "")];
        let got = replaced_by_alignment(input, "研究高端芯片设计", &injections);
        assert_eq!(got, vec![Some("高".to_owned()), Some(String::new())]);
        let got = replaced_by_alignment(input, input, &injections);
        assert_eq!(got, vec![None, None]);
    }
}
