//! Whitespace folding and the non-whitespace view of a text that every
//! metric aligns on.
//!
//! Folding turns every whitespace run that holds a line break (or a form
//! feed) into one `\n` and every other whitespace run into one space, and
//! drops whitespace at the very start and end of the document. The
//! [`Seq`] of a folded text is its non-whitespace characters, each with the
//! kind of gap that precedes it.

/// What separates a non-whitespace character from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    None,
    Space,
    Newline,
}

/// Whitespace that breaks a line (form feed included: pages end blocks).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Folds whitespace runs as described in the module docs.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = Gap::None;
    for c in text.chars() {
        if c.is_whitespace() {
            let gap = if is_line_break(c) {
                Gap::Newline
            } else {
                Gap::Space
            };
            pending = pending.max(gap);
            continue;
        }
        if !out.is_empty() {
            match pending {
                Gap::None => {}
                Gap::Space => out.push(' '),
                Gap::Newline => out.push('\n'),
            }
        }
        pending = Gap::None;
        out.push(c);
    }
    out
}

/// The non-whitespace characters of a folded text.
#[derive(Clone, Debug, Default)]
pub struct Seq {
    pub chars: Vec<char>,
    /// `gaps[i]` separates `chars[i - 1]` from `chars[i]`; `gaps[0]` is `None`.
    pub gaps: Vec<Gap>,
    /// Byte offset of each character in the folded text.
    pub pos: Vec<usize>,
}

impl Seq {
    /// Builds the view of an already folded text.
    pub fn new(folded: &str) -> Seq {
        let mut seq = Seq::default();
        let mut gap = Gap::None;
        for (at, c) in folded.char_indices() {
            match c {
                ' ' => gap = gap.max(Gap::Space),
                '\n' => gap = Gap::Newline,
                _ => {
                    seq.gaps
                        .push(if seq.chars.is_empty() { Gap::None } else { gap });
                    seq.chars.push(c);
                    seq.pos.push(at);
                    gap = Gap::None;
                }
            }
        }
        seq
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// A short excerpt of the folded text around the gap before character
    /// `i`, with `‸` marking the gap and `⏎` standing for line breaks.
    pub fn excerpt(&self, folded: &str, i: usize, radius: usize) -> String {
        if self.chars.is_empty() {
            return String::new();
        }
        let i = i.min(self.chars.len());
        let radius = radius.max(1);
        let first = i.saturating_sub(radius);
        let last = (i + radius).min(self.chars.len()) - 1;
        let start = self.pos[first];
        let end = self.pos[last] + self.chars[last].len_utf8();
        // The marker sits right after the previous character, before the gap.
        let mark = if i == 0 {
            start
        } else {
            self.pos[i - 1] + self.chars[i - 1].len_utf8()
        };
        let mut out = String::new();
        for (at, c) in folded[start..end].char_indices() {
            if start + at == mark {
                out.push('‸');
            }
            out.push(if c == '\n' { '⏎' } else { c });
        }
        if mark >= end {
            out.push('‸');
        }
        out
    }
}

/// A Han ideograph (unified, extensions, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EBEF
        | 0x2F800..=0x2FA1F
        | 0x30000..=0x3134F)
}

/// The text with all whitespace removed.
pub fn strip_ws(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whitespace removed and ASCII digits masked, to match lines that differ
/// only in a page or year number.
pub fn mask_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("a  b", "a b", "spaces fold to one"),
            (
                "a \n  b",
                "a\nb",
                "a run holding a newline folds to one newline",
            ),
            ("a\x0cb", "a\nb", "form feed is a line break"),
            ("a\u{3000}\tb", "a b", "odd spaces are spaces"),
            ("  a\n\n", "a", "document edges are dropped"),
            ("甲 \r\n 乙", "甲\n乙", "CRLF"),
            ("", "", "empty"),
        ];
        for (input, want, why) in cases {
            assert_eq!(fold(input), want, "{why}");
        }
    }

    #[test]
    fn seq_gaps() {
        let s = Seq::new("ab c\nd");
        assert_eq!(s.chars, vec!['a', 'b', 'c', 'd']);
        assert_eq!(s.gaps, vec![Gap::None, Gap::None, Gap::Space, Gap::Newline]);
        assert_eq!(s.pos, vec![0, 1, 3, 5]);
    }

    #[test]
    fn excerpt_marks_gap() {
        let f = "甲乙 丙\n丁";
        let s = Seq::new(f);
        assert_eq!(s.excerpt(f, 2, 2), "甲乙‸ 丙⏎丁");
        assert_eq!(s.excerpt(f, 0, 1), "‸甲");
    }

    #[test]
    fn han_and_keys() {
        assert!(is_han('澜') && !is_han('，') && !is_han('A'));
        assert_eq!(mask_key("第 3 页 共 12 页"), "第#页共##页");
        assert_eq!(strip_ws("a b\nc"), "abc");
    }
}
