//! The decode pass: from bytes to text with one kind of line end.
//!
//! UTF-8 is checked as bytes are read ([`crate::stream::ChunkReader`]), and
//! the error names the byte offset of the first bad byte so a user can find
//! it (`xxd -s`). With `lossy`, bad bytes become U+FFFD and are counted
//! instead; offsets then refer to that decoded text.
//!
//! The text-level part ([`edits`]) removes a byte order mark and turns
//! `\r\n` and lone `\r` into `\n`, as edits like any other repair.

use std::fmt;

use crate::edit::Edit;
use crate::rule::Rule;

/// Input that is not UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the first byte that is not valid UTF-8.
    pub offset: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid UTF-8 at byte offset {}", self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// Proposes the BOM and line-end edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    if text.starts_with('\u{FEFF}') {
        out.push(Edit::delete(0..3, Rule::Bom));
    }
    let bytes = text.as_bytes();
    for i in memchr::memchr_iter(b'\r', bytes) {
        if bytes.get(i + 1) == Some(&b'\n') {
            out.push(Edit::delete(i..i + 1, Rule::Newline));
        } else {
            out.push(Edit::replace(i..i + 1, "\n", Rule::Newline));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_bom() {
        crate::edit::testing::check(
            edits,
            &[
                ("\u{FEFF}a\r\nb\rc\n", "a\nb\nc\n", "BOM, CRLF and lone CR"),
                ("\r\r\n", "\n\n", "a lone CR before a CRLF"),
                ("plain\n", "plain\n", "nothing to do"),
            ],
        );
    }
}
