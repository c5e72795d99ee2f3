//! Where a document is cut into independently repaired chunks.
//!
//! The filter must run in memory bounded by a page, not the file, and give
//! the same output as the whole document at once. Both hold because the
//! whole-document repair ([`crate::Tidy::repair`]) is itself defined as the
//! repair of these chunks, and the cut depends only on a prefix of the text
//! that the stream reader always has in hand before it cuts:
//!
//! * after the [`PAGES`]th form feed, if that falls within [`MAX_BYTES`];
//! * else, when at least [`MAX_BYTES`] are available, after the last form
//!   feed within them, or else the last line end, or else (a single huge
//!   line) at the last character boundary within them;
//! * else, at the end of the input, everything left.
//!
//! The price: a paragraph that straddles a cut is not rejoined, and a
//! running header is recognized within one chunk. With 64 pages or 512 KiB
//! a chunk, that is rare and harmless.

/// Pages in a chunk.
pub const PAGES: usize = 64;

/// Largest chunk in bytes.
pub const MAX_BYTES: usize = 512 * 1024;

/// The length of the first chunk of `text`, or `None` when more input is
/// needed to decide (only possible when `at_end` is false).
pub fn boundary(text: &str, at_end: bool) -> Option<usize> {
    let window = &text.as_bytes()[..text.len().min(MAX_BYTES)];
    if let Some(i) = memchr::memchr_iter(b'\x0c', window).nth(PAGES - 1) {
        return Some(i + 1);
    }
    if text.len() >= MAX_BYTES {
        if let Some(i) = memchr::memrchr(b'\x0c', window).or_else(|| memchr::memrchr(b'\n', window))
        {
            return Some(i + 1);
        }
        let mut cut = MAX_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        return Some(cut);
    }
    at_end.then_some(text.len())
}

/// The chunks of a whole text, as `(offset, chunk)`.
pub fn split(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        if rest.is_empty() {
            return None;
        }
        let len = boundary(rest, true).unwrap_or(rest.len());
        let chunk = (at, &rest[..len]);
        at += len;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts() {
        let pages = "页\x0c".repeat(PAGES + 3);
        let first = boundary(&pages, false).unwrap();
        assert_eq!(pages[..first].matches('\x0c').count(), PAGES);
        assert_eq!(boundary("短文本\n", false), None);
        assert_eq!(boundary("短文本\n", true), Some("短文本\n".len()));
        let line = "中".repeat(MAX_BYTES);
        let cut = boundary(&line, false).unwrap();
        assert!(cut <= MAX_BYTES && line.is_char_boundary(cut));
        let total: usize = split(&line).map(|(_, c)| c.len()).sum();
        assert_eq!(total, line.len());
    }
}
