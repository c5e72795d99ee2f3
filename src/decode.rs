//! The decode pass: from bytes to text with one kind of line end.
//!
//! Bytes are decoded as they are read ([`crate::stream::ChunkReader`]):
//! UTF-8 unless an [`Encoding`] is named (GB18030/GBK, Big5, UTF-16...,
//! through encoding_rs, whose tables follow the WHATWG Encoding Standard).
//! Unattended runs over millions of files must say what is wrong with a
//! file, so a [`DecodeError`] names the byte offset of the first bad byte
//! (`xxd -s`) and, where the bytes look like another encoding, which one
//! ([`guess`]). A NUL byte or a PDF's `%PDF-` header is binary input given
//! by mistake, and fails rather than turning into garbage. With `lossy`,
//! bad bytes become U+FFFD and are counted instead, and binary input is
//! processed as far as it decodes; offsets then refer to the decoded text.
//!
//! The text-level part ([`edits`]) removes a byte order mark and turns
//! `\r\n` and lone `\r` into `\n`, as edits like any other repair.

use std::fmt;

pub use encoding_rs::Encoding;

use crate::chars::is_han;
use crate::edit::Edit;
use crate::rule::Rule;

/// Input that cannot be read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset in the input of the first bad byte.
    pub offset: usize,
    pub problem: Problem,
}

/// What is wrong at [`DecodeError::offset`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Bytes that are not valid in `encoding`; `looks_like` is an encoding
    /// the bytes read well in, if one does.
    Invalid {
        encoding: &'static Encoding,
        looks_like: Option<&'static Encoding>,
    },
    /// A NUL byte: binary data, or UTF-16 read as if it were UTF-8.
    Nul {
        looks_like: Option<&'static Encoding>,
    },
    /// A PDF file, not the text extracted from one.
    Pdf,
}

impl DecodeError {
    /// The encoding the bytes look like, to suggest to the user.
    pub fn looks_like(&self) -> Option<&'static Encoding> {
        match self.problem {
            Problem::Invalid { looks_like, .. } | Problem::Nul { looks_like } => looks_like,
            Problem::Pdf => None,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::Invalid { encoding, .. } => write!(
                f,
                "invalid {} at byte offset {}",
                encoding.name(),
                self.offset
            )?,
            Problem::Nul { looks_like: None } => {
                write!(f, "binary data: NUL byte at byte offset {}", self.offset)?
            }
            Problem::Nul { .. } => write!(f, "NUL byte at byte offset {}", self.offset)?,
            Problem::Pdf => write!(f, "a PDF file, not text")?,
        }
        if let Some(e) = self.looks_like() {
            write!(f, "; the bytes look like {}", display_name(e))?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

/// How an encoding is named to users: GBK decodes as GB18030, its
/// superset, so the two are one suggestion.
pub fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030 {
        "GBK/GB18030"
    } else {
        encoding.name()
    }
}

/// The label to pass to `--encoding` for `encoding`.
pub fn label(encoding: &'static Encoding) -> String {
    if encoding == encoding_rs::GBK {
        "gb18030".into()
    } else {
        encoding.name().to_ascii_lowercase()
    }
}

/// The encoding of a WHATWG label (`gb18030`, `gbk`, `big5`, `utf-16le`,
/// `utf-16be`, `utf-16` for little-endian, `shift_jis`...), or an error
/// that lists the common ones.
pub fn encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding {label:?} (try gb18030, gbk, big5, utf-16le, utf-16be or utf-8)")
    })
}

/// The start of a PDF file.
pub const PDF_MAGIC: &[u8] = b"%PDF-";

/// Which encoding bytes that are not UTF-8 look like: UTF-16 when `head`
/// (the first bytes of the input) has a UTF-16 byte order mark or a NUL in
/// every other byte, as ASCII in UTF-16 has; else GBK or Big5 when `at`
/// (the bytes from the bad one on) decodes in it to mostly Han, the one
/// whose common characters are the more common. `None` when nothing fits,
/// since a wrong suggestion costs the user more than none.
pub fn guess(head: &[u8], at: &[u8]) -> Option<&'static Encoding> {
    utf16(head).or_else(|| chinese(at))
}

fn utf16(head: &[u8]) -> Option<&'static Encoding> {
    match head {
        [0xFF, 0xFE, ..] => return Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => return Some(encoding_rs::UTF_16BE),
        _ => {}
    }
    let pairs = &head[..head.len().min(512) & !1];
    let zeros = |parity: usize| {
        pairs
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd, half) = (zeros(0), zeros(1), pairs.len() / 2);
    if half >= 4 && odd * 10 >= half * 6 && even * 10 <= half {
        Some(encoding_rs::UTF_16LE)
    } else if half >= 4 && even * 10 >= half * 6 && odd * 10 <= half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Characters among the most frequent in Chinese text, as written in
/// simplified (GBK's) and traditional (Big5's) characters.
const SIMPLIFIED: &str = "的这们为国时会发个说对经过还动么后来学现进关实业产东长与问";
const TRADITIONAL: &str = "的這們為國時會發個說對經過還動麼後來學現進關實業產東長與問";

fn chinese(at: &[u8]) -> Option<&'static Encoding> {
    let at = &at[..at.len().min(4096)];
    let score = |encoding: &'static Encoding, common: &str| -> Option<usize> {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(decoder.max_utf8_buffer_length(at.len())?);
        // Not the last bytes: a character cut by the window's end is fine.
        let (result, _) = decoder.decode_to_string_without_replacement(at, &mut text, false);
        if result != encoding_rs::DecoderResult::InputEmpty {
            return None;
        }
        let wide: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
        let han = wide.iter().filter(|&&c| is_han(c)).count();
        (han >= 2 && han * 10 >= wide.len() * 8)
            .then(|| 1 + wide.iter().filter(|&&c| common.contains(c)).count())
    };
    match (
        score(encoding_rs::GBK, SIMPLIFIED),
        score(encoding_rs::BIG5, TRADITIONAL),
    ) {
        (Some(g), Some(b)) if b > g => Some(encoding_rs::BIG5),
        (Some(_), _) => Some(encoding_rs::GBK),
        (None, Some(_)) => Some(encoding_rs::BIG5),
        (None, None) => None,
    }
}

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

    #[test]
    fn guesses() {
        let encode = |e: &'static Encoding, s: &str| e.encode(s).0.into_owned();
        let gbk = encode(encoding_rs::GBK, "这是一个国家发展的报告，我们说");
        let big5 = encode(encoding_rs::BIG5, "這是一個國家發展的報告，我們說");
        let le: Vec<u8> = "plain text"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "plain text"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        /// (head of the input, bytes from the bad one, expected, why)
        type Case<'a> = (&'a [u8], &'a [u8], Option<&'static Encoding>, &'a str);
        let cases: &[Case] = &[
            (
                b"abc",
                &gbk,
                Some(encoding_rs::GBK),
                "simplified Han in GBK",
            ),
            (
                b"abc",
                &big5,
                Some(encoding_rs::BIG5),
                "traditional Han in Big5",
            ),
            (
                &[0xFF, 0xFE, b'a', 0],
                &[0xFF],
                Some(encoding_rs::UTF_16LE),
                "a little-endian BOM",
            ),
            (
                &[0xFE, 0xFF, 0, b'a'],
                &[0xFE],
                Some(encoding_rs::UTF_16BE),
                "a big-endian BOM",
            ),
            (
                &le,
                &le[1..],
                Some(encoding_rs::UTF_16LE),
                "ASCII in UTF-16LE, no BOM",
            ),
            (
                &be,
                &be,
                Some(encoding_rs::UTF_16BE),
                "ASCII in UTF-16BE, no BOM",
            ),
            (b"abc", b"\xff\xff\xff\xff", None, "noise is no encoding"),
            (b"abc", b"\xe9t\xe9", None, "Latin-1 accents are not Han"),
        ];
        for (head, at, expected, why) in cases {
            assert_eq!(guess(head, at), *expected, "{why}");
        }
    }
}
