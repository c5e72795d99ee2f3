//! Pages and lines of extracted text, as byte ranges.
//!
//! Both the boilerplate and the lines pass look at the same structure: pages
//! split at form feeds, each a list of lines with their content trimmed of
//! edge whitespace. This module builds it once per pass, without copying.

use std::ops::Range;

/// One line of the text, without its line end.
#[derive(Clone, Debug)]
pub struct Line {
    /// The whole line, without `\n`.
    pub range: Range<usize>,
    /// The line without leading and trailing whitespace (empty when blank).
    pub content: Range<usize>,
    /// Index of the page (form feeds separate pages).
    pub page: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// Splits `text` into lines. A form feed starts a new page and is counted as
/// a line end (pdftotext writes `\f` right before a page's first line).
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let bytes = text.as_bytes();
    let mut page = 0;
    let mut start = 0;
    for end in memchr::memchr2_iter(b'\n', b'\x0c', bytes).chain(std::iter::once(bytes.len())) {
        out.push(Line {
            range: start..end,
            content: trim(text, start..end),
            page,
        });
        if bytes.get(end) == Some(&b'\x0c') {
            page += 1;
        }
        start = end + 1;
    }
    if text.is_empty() || text.ends_with(['\n', '\x0c']) {
        // The empty remainder after a final line end is not a line.
        out.pop();
    }
    out
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    // Most lines have no edge space: told by their first and last
    // characters.
    let mut edges = s.chars();
    if !edges.next().is_some_and(is_edge_space) && !edges.next_back().is_some_and(is_edge_space) {
        return range;
    }
    let rest = s.trim_start_matches(is_edge_space);
    if rest.is_empty() {
        return range.end..range.end;
    }
    let start = range.start + s.len() - rest.len();
    start..start + rest.trim_end_matches(is_edge_space).len()
}

/// Whitespace that is layout at a line's edge: ASCII spaces and tabs, and
/// the ideographic space extractors use for indentation.
pub fn is_edge_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}')
}

/// A run of spaces inside a line's content.
#[derive(Clone, Copy, Debug)]
pub struct Gap {
    /// Byte offsets of the spaces in the line.
    pub start: usize,
    pub end: usize,
    /// How many characters come before the text after the spaces: its
    /// column on a grid of character cells, as pdftotext `-layout` counts.
    pub column: usize,
    /// The display width of the line before the spaces.
    pub width: usize,
    /// Whether wide characters (Han, full-width punctuation) stand on both
    /// sides: Chinese text has no spaces of its own there.
    pub between_wide: bool,
}

impl Gap {
    /// How many spaces the gap holds.
    pub fn spaces(self) -> usize {
        self.end - self.start
    }
}

/// The runs of spaces inside `line`, a line's content (without its edge
/// whitespace).
pub fn gaps(line: &str) -> impl Iterator<Item = Gap> + '_ {
    let mut open = None;
    let (mut width, mut last) = (0, 0);
    line.char_indices()
        .enumerate()
        .filter_map(move |(column, (i, c))| {
            if c == ' ' {
                open = open.or(Some(i));
                return None;
            }
            let next = char_width(c);
            let gap = open.take().map(|start| Gap {
                start,
                end: i,
                column,
                width,
                between_wide: last == 2 && next == 2,
            });
            width += next;
            last = next;
            gap
        })
}

/// The display width of a line's content: two for Han and full-width
/// characters, one for the rest, nothing for spaces.
pub fn width(s: &str) -> usize {
    // Counted from the bytes, in a loop the compiler vectorizes: each byte
    // that starts a character counts one, a lead byte of U+1000 and above
    // (`E1` to `F4`) one more, and a space or tab nothing. A byte counts
    // two at most, so the bytes of a stretch of 64 are summed in one byte
    // each, sixteen or thirty-two at a time. Then the few characters from
    // U+1000 to U+10FF (`E1` before a byte below `84`), which are narrow,
    // take their extra one back.
    let bytes = s.as_bytes();
    let counted: usize = bytes
        .chunks(64)
        .map(|stretch| {
            let sum = stretch.iter().fold(0u8, |sum, &b| {
                sum + u8::from((b as i8) >= -0x40) + u8::from(b >= 0xE1)
                    - u8::from(b == b' ' || b == b'\t')
            });
            usize::from(sum)
        })
        .sum();
    let narrow = memchr::memchr_iter(0xE1, bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(|&next| next < 0x84))
        .count();
    counted - narrow
}

/// The display width of one character, as counted by [`width`].
pub fn char_width(c: char) -> usize {
    match c {
        ' ' | '\t' => 0,
        c if (c as u32) < 0x1100 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_content() {
        let text = "  a b \n\x0cc\n\n";
        let ls = lines(text);
        let got: Vec<_> = ls
            .iter()
            .map(|l| (&text[l.content.clone()], l.page))
            .collect();
        assert_eq!(got, [("a b", 0), ("", 0), ("c", 1), ("", 1)]);
        assert!(lines("").is_empty());
        assert_eq!(lines("x").len(), 1);
    }

    #[test]
    fn width_from_bytes_agrees_with_char_width() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(width(c.encode_utf8(&mut [0; 4])), char_width(c), "{c:?}");
        }
        assert_eq!(width("中 a\tᄀ߿"), 2 + 1 + 2 + 1);
        // Longer than one stretch of 64 bytes.
        assert_eq!(width(&"中 a\tᄀ߿".repeat(40)), 40 * 6);
    }
}
