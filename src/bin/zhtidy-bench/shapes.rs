//! The inputs whose growth `speed` measures: varied extracted text, and
//! the pathological shapes that an unattended run over millions of files
//! will meet, generated here rather than stored. The large ones are the
//! size the issue names at 8x, so that a run stays within minutes; the
//! small ones at 1x, since at a few hundred kilobytes the input fits in the
//! processor's cache and the 1x time is too short to compare against.

use std::path::Path;

use serde::Serialize;

use crate::corpus;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// The corpora's extracted text, cycled (`--mb` at 1x).
    Varied,
    /// Varied text without a line end or form feed: one line of 100 MB
    /// at 8x.
    Line,
    /// Nothing but form feeds: 10^6 empty pages at 1x.
    Pages,
    /// Han characters and spaces alternating, no line end: 50 MB at 8x.
    HanSpaces,
    /// One running-header line, 10^5 times at 1x.
    Header,
    /// Groups of digits between one or two spaces, no line end: 50 MB at
    /// 8x.
    Digits,
    /// English wrapped at a hyphen on every other line, each hyphenated
    /// word different: 8 MB at 8x. A search of the whole chunk for each
    /// such word once made a chunk quadratic; chunks bound that, so it
    /// showed in throughput (7.5 MB/s, a fifth of today's), not growth.
    Hyphens,
}

impl Shape {
    pub const ALL: [Shape; 7] = [
        Shape::Varied,
        Shape::Line,
        Shape::Pages,
        Shape::HanSpaces,
        Shape::Header,
        Shape::Digits,
        Shape::Hyphens,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Varied => "varied text",
            Shape::Line => "one line (100 MB at 8x)",
            Shape::Pages => "empty pages (10^6 at 1x)",
            Shape::HanSpaces => "Han and spaces (50 MB at 8x)",
            Shape::Header => "header lines (10^5 at 1x)",
            Shape::Digits => "digits and spaces (50 MB at 8x)",
            Shape::Hyphens => "hyphenated English (8 MB at 8x)",
        }
    }

    /// The input at `scale` times its 1x size; `varied` is the 1x size in
    /// bytes of varied text.
    pub fn build(self, root: &Path, scale: usize, varied: usize) -> Result<String, String> {
        const EIGHTH_OF_50_MB: usize = 50_000_000 / 8;
        Ok(match self {
            Shape::Varied => corpus::speed_input(root, varied * scale)?,
            Shape::Line => {
                let mut text = corpus::speed_input(root, 100_000_000 / 8 * scale)?;
                text.retain(|c| !matches!(c, '\n' | '\r' | '\x0c'));
                text
            }
            Shape::Pages => "\x0c".repeat(1_000_000 * scale),
            Shape::HanSpaces => {
                let han: Vec<char> = "全市已建成或培育各类研发与转化功能型平台".chars().collect();
                let pairs = EIGHTH_OF_50_MB * scale / 4;
                let mut text = String::with_capacity(pairs * 4);
                for i in 0..pairs {
                    text.push(han[i % han.len()]);
                    text.push(' ');
                }
                text
            }
            Shape::Header => "2019 上海科技进步报告\n".repeat(100_000 * scale),
            Shape::Digits => {
                let target = EIGHTH_OF_50_MB * scale;
                let mut text = String::with_capacity(target + 16);
                let mut state = 0x9E37_79B9_7F4A_7C15u64;
                while text.len() < target {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let group = state.to_string();
                    let digits = (1 + (state % 6) as usize).min(group.len());
                    text.push_str(&group[group.len() - digits..]);
                    text.push_str(if state & 0x100 == 0 { " " } else { "  " });
                }
                text
            }
            Shape::Hyphens => {
                const LINES_AT_1X: usize = 8_000;
                let mut text = String::new();
                for i in 0..LINES_AT_1X * scale {
                    // A different word before each hyphen: `semibaaa-`.
                    let word: String = (0..4)
                        .map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8))
                        .collect();
                    text.push_str("the quick brown fox jumps over the lazy dog and then semi");
                    text.push_str(&word);
                    text.push_str(
                        "-\nconductor quick brown fox jumps over the lazy dog and runs away\n",
                    );
                }
                text
            }
        })
    }
}
