//! The stream reader on arbitrary bytes cut at arbitrary places: streaming
//! equals whole. The first byte chooses lossy or strict reading and the
//! encoding, the next up to seven the read sizes, the rest is the input.
//! What the reader yields must be what decoding the whole input at once
//! gives, and repaired chunk by chunk it must equal the whole-text repair.
#![no_main]

use std::io::{self, Read};

use libfuzzer_sys::fuzz_target;
use zhtidy::decode::Encoding;
use zhtidy::stream::{ChunkReader, ReadOptions};
use zhtidy::Tidy;

/// Hands out the bytes in pieces of the given sizes, in turn.
struct Pieces<'a> {
    bytes: &'a [u8],
    sizes: &'a [u8],
    next: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let size = match self.sizes {
            [] => buf.len(),
            sizes => usize::from(sizes[self.next % sizes.len()]).max(1) * 61,
        };
        self.next += 1;
        let n = size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let lossy = head & 0x80 != 0;
    let encoding = [None, Some("gb18030"), Some("big5"), Some("utf-16le")]
        [usize::from(head >> 4 & 3)]
    .and_then(|label| Encoding::for_label(label.as_bytes()));
    let (sizes, bytes) = rest.split_at(usize::from(head & 0x07).min(rest.len()));
    let reader = Pieces {
        bytes,
        sizes,
        next: 0,
    };
    let tidy = Tidy::new();
    let mut decoded = String::new();
    let mut streamed = String::new();
    for chunk in ChunkReader::with_options(reader, ReadOptions { lossy, encoding }) {
        match chunk {
            Ok(chunk) => {
                assert_eq!(chunk.offset, decoded.len(), "chunk offsets leave a gap");
                streamed.push_str(tidy.repair_chunk(&chunk.text).text());
                decoded.push_str(&chunk.text);
            }
            Err(_) => {
                assert!(!lossy, "a lossy read failed");
                return;
            }
        }
    }
    match encoding {
        Some(encoding) => assert_eq!(decoded, encoding.decode(bytes).0, "decoding differs"),
        None if lossy => assert_eq!(decoded, String::from_utf8_lossy(bytes), "decoding differs"),
        None => assert_eq!(decoded.as_bytes(), bytes, "a strict read changed the text"),
    }
    assert_eq!(
        streamed,
        tidy.repair(&decoded).text(),
        "streaming differs from whole"
    );
});
