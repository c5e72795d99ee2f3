//! Reading a document from a byte stream, chunk by chunk.
//!
//! [`ChunkReader`] decodes bytes as they arrive (a character split across
//! two reads is waited for, not rejected) and hands out the chunks of
//! [`crate::chunk`], so repairing them one at a time gives exactly what
//! [`crate::Tidy::repair`] gives for the whole text, in memory bounded by
//! a chunk. What it rejects, and why, is in [`crate::decode`].

use std::fmt;
use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding};

use crate::chunk;
use crate::decode::{self, DecodeError, Problem};

const READ_SIZE: usize = 64 * 1024;

/// How much of the input's start is kept to guess its encoding by.
const HEAD: usize = 512;

/// How to turn bytes into text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Replace what cannot be decoded with U+FFFD, and read binary input
    /// as far as it decodes, instead of failing.
    pub lossy: bool,
    /// The input's encoding; `None` is UTF-8.
    pub encoding: Option<&'static Encoding>,
}

/// A chunk of decoded text and its offset in the whole decoded input.
#[derive(Debug)]
pub struct Chunk {
    pub offset: usize,
    pub text: String,
}

/// Why reading failed.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    Decode(DecodeError),
}

impl ReadError {
    /// The error and what to do about it, for the user of the filter.
    pub fn advice(&self) -> String {
        let ReadError::Decode(d) = self else {
            return self.to_string();
        };
        match (&d.problem, d.looks_like()) {
            (_, Some(e)) => format!(
                "{d} (use --encoding {}, or --lossy to replace bad bytes)",
                decode::label(e)
            ),
            (Problem::Invalid { .. }, None) => format!("{d} (use --lossy to replace bad bytes)"),
            (Problem::Nul { .. }, None) => format!("{d} (use --lossy to read it anyway)"),
            (Problem::Pdf, None) => format!(
                "{d}: extract its text first, e.g. `pdftotext -enc UTF-8 FILE -` (or use --lossy to read it anyway)"
            ),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Decode(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Yields the chunks of a byte stream.
pub struct ChunkReader<R> {
    reader: R,
    options: ReadOptions,
    /// Decodes a named encoding other than UTF-8 (UTF-8 is checked in place).
    decoder: Option<Decoder>,
    /// The first [`HEAD`] bytes of the input.
    head: Vec<u8>,
    /// Bytes read but not yet decoded (an incomplete character).
    pending: Vec<u8>,
    /// Offset in the input of `pending[0]`.
    pending_offset: usize,
    /// Decoded text, handed out up to `taken`.
    text: String,
    /// How much of `text` is handed out. Chunks are cut from the front
    /// without moving the rest (a read can hold a thousand chunks of empty
    /// pages, and moving the rest for each would copy the read a thousand
    /// times); the handed-out part is dropped before the next read.
    taken: usize,
    /// Offset in the decoded text of `text[taken]`.
    text_offset: usize,
    eof: bool,
    replaced: usize,
}

impl<R: Read> ChunkReader<R> {
    /// Reads UTF-8 from `reader`; with `lossy`, bytes that are not UTF-8
    /// become U+FFFD.
    pub fn new(reader: R, lossy: bool) -> Self {
        Self::with_options(
            reader,
            ReadOptions {
                lossy,
                encoding: None,
            },
        )
    }

    pub fn with_options(reader: R, options: ReadOptions) -> Self {
        let decoder = options
            .encoding
            .filter(|&e| e != encoding_rs::UTF_8)
            .map(Encoding::new_decoder);
        ChunkReader {
            reader,
            options,
            decoder,
            head: Vec::new(),
            pending: Vec::new(),
            pending_offset: 0,
            text: String::new(),
            taken: 0,
            text_offset: 0,
            eof: false,
            replaced: 0,
        }
    }

    /// How many invalid byte sequences were replaced so far (lossy only).
    pub fn replaced(&self) -> usize {
        self.replaced
    }

    fn fill(&mut self) -> Result<(), ReadError> {
        self.text.drain(..self.taken);
        self.taken = 0;
        let old = self.pending.len();
        self.pending.resize(old + READ_SIZE, 0);
        let n = loop {
            match self.reader.read(&mut self.pending[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.pending.truncate(old);
                    return Err(ReadError::Io(e));
                }
            }
        };
        self.pending.truncate(old + n);
        self.eof = n == 0;
        let had = self.head.len();
        let keep = HEAD.saturating_sub(had).min(n);
        self.head.extend_from_slice(&self.pending[old..old + keep]);
        if !self.options.lossy {
            self.check_binary(old, had)?;
        }
        match self.decoder.take() {
            Some(mut decoder) => {
                let decoded = self.decode_with(&mut decoder);
                self.decoder = Some(decoder);
                decoded
            }
            None => self.decode_utf8(),
        }
    }

    /// Fails on a PDF's header at the start (once it is complete: `head`
    /// held `had` bytes before this read), or a NUL byte in
    /// `pending[new..]`, the bytes just read. UTF-16 is full of NUL bytes,
    /// and only its decoder can tell a NUL character, so it is exempt.
    fn check_binary(&self, new: usize, had: usize) -> Result<(), ReadError> {
        let fail = |offset, problem| Err(ReadError::Decode(DecodeError { offset, problem }));
        if had < decode::PDF_MAGIC.len() && self.head.starts_with(decode::PDF_MAGIC) {
            return fail(0, Problem::Pdf);
        }
        if self
            .options
            .encoding
            .is_some_and(|e| !e.is_ascii_compatible())
        {
            return Ok(());
        }
        match memchr::memchr(0, &self.pending[new..]) {
            Some(i) => fail(
                self.pending_offset + new + i,
                Problem::Nul {
                    looks_like: decode::guess(&self.head, &[]),
                },
            ),
            None => Ok(()),
        }
    }

    /// Moves the decodable UTF-8 prefix of `pending` into `text`.
    fn decode_utf8(&mut self) -> Result<(), ReadError> {
        let mut start = 0;
        loop {
            // A read mostly ends inside a character. Its complete part is
            // checked alone, once; checking all of it would fail at the
            // end and check the complete part a second time. The check is
            // simdutf8's, which reads Chinese text several times faster
            // than the standard library (whose check, ten instructions a
            // byte, cost a fortieth of the filter's time); where it fails,
            // the standard library's tells where and why.
            let rest = &self.pending[start..];
            let complete = rest.len() - if self.eof { 0 } else { incomplete_tail(rest) };
            if let Ok(s) = simdutf8::basic::from_utf8(&rest[..complete]) {
                self.text.push_str(s);
                start += complete;
                break;
            }
            match std::str::from_utf8(&self.pending[start..]) {
                Ok(s) => {
                    self.text.push_str(s);
                    start = self.pending.len();
                    break;
                }
                Err(e) => {
                    let valid = start + e.valid_up_to();
                    // SAFETY-free: from_utf8 vouched for this prefix.
                    self.text.push_str(
                        std::str::from_utf8(&self.pending[start..valid]).unwrap_or_default(),
                    );
                    match e.error_len() {
                        None if !self.eof => {
                            start = valid;
                            break;
                        }
                        bad => {
                            let looks_like = (!self.options.lossy)
                                .then(|| decode::guess(&self.head, &self.pending[valid..]))
                                .flatten();
                            let offset = self.pending_offset + valid;
                            self.bad_bytes(offset, encoding_rs::UTF_8, looks_like)?;
                            start = valid + bad.unwrap_or(self.pending.len() - valid);
                        }
                    }
                }
            }
        }
        self.consume(start);
        Ok(())
    }

    /// Decodes all of `pending` into `text` with `decoder`, which keeps an
    /// incomplete character for the next read.
    fn decode_with(&mut self, decoder: &mut Decoder) -> Result<(), ReadError> {
        let mut start = 0;
        loop {
            let rest = &self.pending[start..];
            let room = decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
                .unwrap_or(rest.len() * 3 + 16);
            self.text.reserve(room);
            let (result, read) =
                decoder.decode_to_string_without_replacement(rest, &mut self.text, self.eof);
            start += read;
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(bad, after) => {
                    // The bad bytes can begin in an earlier read.
                    let offset = (self.pending_offset + start)
                        .saturating_sub(usize::from(after) + usize::from(bad));
                    self.bad_bytes(offset, decoder.encoding(), None)?;
                }
            }
        }
        self.consume(start);
        Ok(())
    }

    /// Bytes at input `offset` that do not decode in `encoding`: an
    /// error, or with `lossy` one U+FFFD.
    fn bad_bytes(
        &mut self,
        offset: usize,
        encoding: &'static Encoding,
        looks_like: Option<&'static Encoding>,
    ) -> Result<(), ReadError> {
        if !self.options.lossy {
            return Err(ReadError::Decode(DecodeError {
                offset,
                problem: Problem::Invalid {
                    encoding,
                    looks_like,
                },
            }));
        }
        self.text.push('\u{FFFD}');
        self.replaced += 1;
        Ok(())
    }

    fn consume(&mut self, decoded: usize) {
        self.pending.drain(..decoded);
        self.pending_offset += decoded;
    }
}

/// How many bytes at the end of `bytes` begin a character that the next
/// read completes: a lead byte and fewer continuation bytes than it
/// announces, which UTF-8 validation reports as cut short, not invalid.
fn incomplete_tail(bytes: &[u8]) -> usize {
    let last_three = bytes.len().saturating_sub(3)..bytes.len();
    let Some(lead) = last_three.rev().find(|&i| bytes[i] & 0xC0 != 0x80) else {
        return 0;
    };
    match std::str::from_utf8(&bytes[lead..]) {
        Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => bytes.len() - lead,
        _ => 0,
    }
}

impl<R: Read> Iterator for ChunkReader<R> {
    type Item = Result<Chunk, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(len) = chunk::boundary(&self.text[self.taken..], self.eof) {
                if len == 0 {
                    return None;
                }
                let text = self.text[self.taken..self.taken + len].to_owned();
                self.taken += len;
                let offset = self.text_offset;
                self.text_offset += len;
                return Some(Ok(Chunk { offset, text }));
            }
            if let Err(e) = self.fill() {
                self.eof = true;
                self.text.clear();
                self.taken = 0;
                return Some(Err(e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes a call.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn split_characters_wait_for_their_bytes() {
        let text = "中文字符\x0c第二页\n";
        let chunks: Vec<_> = ChunkReader::new(Trickle(text.as_bytes(), 1), false)
            .collect::<Result<_, _>>()
            .unwrap();
        let joined: String = chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn invalid_bytes_name_their_offset() {
        let bytes = b"abc\xffdef";
        let err = ChunkReader::new(Trickle(bytes, 2), false)
            .find_map(Result::err)
            .unwrap();
        assert!(matches!(
            err,
            ReadError::Decode(DecodeError { offset: 3, .. })
        ));
        let mut lossy = ChunkReader::new(Trickle(bytes, 2), true);
        let text: String = lossy.by_ref().map(|c| c.unwrap().text).collect();
        assert_eq!((text.as_str(), lossy.replaced()), ("abc\u{FFFD}def", 1));
        let truncated = ChunkReader::new(&b"ab\xe4\xb8"[..], false)
            .find_map(Result::err)
            .unwrap();
        assert!(
            matches!(truncated, ReadError::Decode(DecodeError { offset: 2, .. })),
            "a character cut by the end of input"
        );
    }

    /// Read one byte at a time, so every character, BOM and PDF header is
    /// split across reads: (bytes, encoding label, lossy, decoded text or
    /// the error's offset and problem, why)
    #[test]
    fn byte_by_byte() {
        use crate::decode::Problem;
        type Case = (
            &'static [u8],
            &'static str,
            bool,
            Result<&'static str, (usize, Problem)>,
            &'static str,
        );
        let nul = Problem::Nul { looks_like: None };
        let cases: Vec<Case> = vec![
            (b"\xd6\xd0\xce\xc4", "gbk", false, Ok("中文"), "GBK"),
            (
                b"\xff\xfe\x2d\x4e",
                "utf-16be",
                false,
                Ok("中"),
                "a BOM wins",
            ),
            (b"\xd6\xd0\xff", "gbk", true, Ok("中\u{FFFD}"), "lossy GBK"),
            (
                b"%PDF-1",
                "utf-8",
                false,
                Err((0, Problem::Pdf)),
                "a PDF header",
            ),
            (
                b"%PDF-1",
                "utf-8",
                true,
                Ok("%PDF-1"),
                "a PDF, read lossily",
            ),
            (b"%PD", "utf-8", false, Ok("%PD"), "not quite a PDF header"),
            (b"ab\x00", "utf-8", false, Err((2, nul.clone())), "a NUL"),
            (
                b"a\x00b\x00",
                "utf-16le",
                false,
                Ok("ab"),
                "NUL bytes of UTF-16",
            ),
            (b"\xd6\xd0\x00", "gbk", false, Err((2, nul)), "a NUL in GBK"),
        ];
        for (bytes, label, lossy, expected, why) in cases {
            let options = ReadOptions {
                lossy,
                encoding: Encoding::for_label(label.as_bytes()),
            };
            let read: Result<String, ReadError> =
                ChunkReader::with_options(Trickle(bytes, 1), options)
                    .map(|c| c.map(|c| c.text))
                    .collect();
            let read = read.map_err(|e| match e {
                ReadError::Decode(d) => (d.offset, d.problem),
                ReadError::Io(e) => panic!("{why}: {e}"),
            });
            assert_eq!(read.as_deref().map_err(Clone::clone), expected, "{why}");
        }
    }
}
