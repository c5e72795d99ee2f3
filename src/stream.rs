//! Reading a document from a byte stream, chunk by chunk.
//!
//! [`ChunkReader`] decodes UTF-8 as bytes arrive (a character split across
//! two reads is waited for, not rejected) and hands out the chunks of
//! [`crate::chunk`], so repairing them one at a time gives exactly what
//! [`crate::Tidy::repair`] gives for the whole text, in memory bounded by
//! a chunk.

use std::fmt;
use std::io::{self, Read};

use crate::chunk;
use crate::decode::DecodeError;

const READ_SIZE: usize = 64 * 1024;

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
    lossy: bool,
    /// Bytes read but not yet decoded (an incomplete character).
    pending: Vec<u8>,
    /// Offset in the input of `pending[0]`.
    pending_offset: usize,
    /// Decoded text not yet handed out.
    text: String,
    /// Offset in the decoded text of `text[0]`.
    text_offset: usize,
    eof: bool,
    replaced: usize,
}

impl<R: Read> ChunkReader<R> {
    /// Reads `reader`; with `lossy`, bytes that are not UTF-8 become U+FFFD.
    pub fn new(reader: R, lossy: bool) -> Self {
        ChunkReader {
            reader,
            lossy,
            pending: Vec::new(),
            pending_offset: 0,
            text: String::new(),
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
        self.decode_pending()
    }

    /// Moves the decodable prefix of `pending` into `text`.
    fn decode_pending(&mut self) -> Result<(), ReadError> {
        let mut start = 0;
        loop {
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
                            if !self.lossy {
                                return Err(ReadError::Decode(DecodeError {
                                    offset: self.pending_offset + valid,
                                }));
                            }
                            self.text.push('\u{FFFD}');
                            self.replaced += 1;
                            start = valid + bad.unwrap_or(self.pending.len() - valid);
                        }
                    }
                }
            }
        }
        self.pending.drain(..start);
        self.pending_offset += start;
        Ok(())
    }
}

impl<R: Read> Iterator for ChunkReader<R> {
    type Item = Result<Chunk, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(len) = chunk::boundary(&self.text, self.eof) {
                if len == 0 {
                    return None;
                }
                let rest = self.text.split_off(len);
                let text = std::mem::replace(&mut self.text, rest);
                let offset = self.text_offset;
                self.text_offset += len;
                return Some(Ok(Chunk { offset, text }));
            }
            if let Err(e) = self.fill() {
                self.eof = true;
                self.text.clear();
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
        assert!(matches!(err, ReadError::Decode(DecodeError { offset: 3 })));
        let mut lossy = ChunkReader::new(Trickle(bytes, 2), true);
        let text: String = lossy.by_ref().map(|c| c.unwrap().text).collect();
        assert_eq!((text.as_str(), lossy.replaced()), ("abc\u{FFFD}def", 1));
        let truncated = ChunkReader::new(&b"ab\xe4\xb8"[..], false)
            .find_map(Result::err)
            .unwrap();
        assert!(
            matches!(truncated, ReadError::Decode(DecodeError { offset: 2 })),
            "a character cut by the end of input"
        );
    }
}
