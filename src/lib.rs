//! zhtidy repairs the text that PDF extractors produce from Chinese
//! documents: spaced-out characters, lines broken by the layout, running
//! headers and page numbers, and the wrong glyphs of odd font encodings.
//!
//! It is lossless and explainable: every repair is an edit with a named
//! [`Rule`], the edits reproduce the output from the input, and every byte
//! of the output maps back to the bytes of the input it came from.
//!
//! ```
//! let repaired = zhtidy::Tidy::new().repair("全 市 已 建 成⸺ＡＢＣ\n");
//! assert_eq!(repaired.text(), "全市已建成——ABC\n");
//! // The first output character came from the first input character.
//! assert_eq!(repaired.source_range(0..3), 0..3);
//! for change in repaired.changes() {
//!     println!("{} {:?} -> {:?}", change.rules, change.source, change.output);
//! }
//! ```
//!
//! The passes run in the order of [`Pass::ALL`]; see DESIGN.md for why.

use std::ops::Range;

pub mod atomic;
pub mod batch;
pub mod boilerplate;
pub mod chars;
pub mod chunk;
pub mod decode;
pub mod edit;
pub mod glyphs;
pub mod lines;
pub mod page;
pub mod radicals;
pub mod report;
pub mod rule;
pub mod spacing;
pub mod stream;
mod tables;

pub use edit::{Change, Edit, Map};
pub use rule::{Rule, Rules};

/// A repair pass, each with its own switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    Decode,
    Glyphs,
    Boilerplate,
    Lines,
    Spacing,
    Radicals,
}

impl Pass {
    /// The passes in the order they run.
    ///
    /// Glyphs come first so that later passes see one kind of space and
    /// dash; boilerplate before lines so that a paragraph interrupted by a
    /// page's header and number is rejoined; lines before spacing so that a
    /// run spaced out across a line break is judged whole; radicals last,
    /// when a word broken across lines has been rejoined.
    pub const ALL: [Pass; 6] = [
        Pass::Decode,
        Pass::Glyphs,
        Pass::Boilerplate,
        Pass::Lines,
        Pass::Spacing,
        Pass::Radicals,
    ];

    /// The pass's name, as in `--no-<name>`.
    pub fn name(self) -> &'static str {
        match self {
            Pass::Decode => "decode",
            Pass::Glyphs => "glyphs",
            Pass::Boilerplate => "boilerplate",
            Pass::Lines => "lines",
            Pass::Spacing => "spacing",
            Pass::Radicals => "radicals",
        }
    }

    /// Whether the pass runs again on its own output until it proposes
    /// nothing.
    ///
    /// The lines pass judges a break by the widths of the lines around it,
    /// and joining lines changes those widths, so a second look can find a
    /// wrap the first did not. The spacing pass judges a gap by the tokens
    /// around it, and removing a gap merges two tokens into one that can
    /// read as part of a spaced-out run (`a a   中` becomes `a a中`, whose
    /// `a中` is one spaced letter beside Han). Running both to their fixed
    /// point makes repair idempotent. They terminate: each round only joins
    /// lines or deletes spaces, and a round that proposes nothing ends it.
    fn runs_to_fixed_point(self) -> bool {
        matches!(self, Pass::Lines | Pass::Spacing)
    }

    fn edits(self, text: &str, out: &mut Vec<Edit>) {
        match self {
            Pass::Decode => decode::edits(text, out),
            Pass::Glyphs => glyphs::edits(text, out),
            Pass::Boilerplate => boilerplate::edits(text, out),
            Pass::Lines => lines::edits(text, out),
            Pass::Spacing => spacing::edits(text, out),
            Pass::Radicals => radicals::edits(text, out),
        }
    }
}

/// The repair configuration: which passes run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tidy {
    enabled: [bool; Pass::ALL.len()],
}

impl Default for Tidy {
    fn default() -> Self {
        Tidy {
            enabled: [true; Pass::ALL.len()],
        }
    }
}

impl Tidy {
    /// All passes on.
    pub fn new() -> Self {
        Tidy::default()
    }

    /// Switches one pass on or off.
    pub fn with(mut self, pass: Pass, on: bool) -> Self {
        self.enabled[pass as usize] = on;
        self
    }

    pub fn is_enabled(&self, pass: Pass) -> bool {
        self.enabled[pass as usize]
    }

    /// Repairs a whole document.
    ///
    /// The document is repaired chunk by chunk ([`chunk`]), exactly as the
    /// stream reader does, so the two always agree.
    pub fn repair(&self, input: &str) -> Repaired {
        let mut whole = Repaired::default();
        for (offset, text) in chunk::split(input) {
            whole.append(self.repair_chunk(text), offset);
        }
        whole
    }

    /// Repairs one chunk (see [`chunk`]); offsets are relative to it.
    ///
    /// The boilerplate pass judges a line by the lines around it, and the
    /// passes change them: form feeds go, and the lines pass joins a copy
    /// of a line into a paragraph. A second repair would then see running
    /// headers the first did not, so after the passes the boilerplate pass
    /// looks again, and while it finds something the passes from it on run
    /// again. Each round removes lines, so it ends; [`MAX_ROUNDS`] bounds
    /// the time all the same.
    pub fn repair_chunk(&self, input: &str) -> Repaired {
        let mut text = input.to_owned();
        let mut map = Map::default();
        let mut edits = Vec::new();
        let mut passes = &Pass::ALL[..];
        for _ in 0..MAX_ROUNDS {
            for &pass in passes.iter().filter(|&&p| self.is_enabled(p)) {
                loop {
                    edits.clear();
                    pass.edits(&text, &mut edits);
                    if edits.is_empty() {
                        break;
                    }
                    let (next, local) = edit::apply(&text, &edits);
                    map = if map.is_identity() {
                        local
                    } else {
                        local.compose(&map)
                    };
                    text = next;
                    if !pass.runs_to_fixed_point() {
                        break;
                    }
                }
            }
            if !self.is_enabled(Pass::Boilerplate) {
                break;
            }
            edits.clear();
            Pass::Boilerplate.edits(&text, &mut edits);
            if edits.is_empty() {
                break;
            }
            passes = &Pass::ALL[Pass::Boilerplate as usize..];
        }
        Repaired { text, map }
    }
}

/// Most rounds of the passes over one chunk (see [`Tidy::repair_chunk`]).
const MAX_ROUNDS: usize = 4;

/// The repaired text, with the edit log that explains it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repaired {
    text: String,
    map: Map,
}

impl Repaired {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// The edit log: every changed stretch of the output, the input range it
    /// replaced, and the rules that changed it. Applying the changes to the
    /// input reproduces the output.
    pub fn changes(&self) -> &[Change] {
        self.map.changes()
    }

    /// The range of the original input that an output range came from.
    pub fn source_range(&self, output: Range<usize>) -> Range<usize> {
        self.map.source_range(output)
    }

    /// The map from output offsets to input offsets.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// Appends the repair of a chunk that starts at `offset` of the input.
    pub fn append(&mut self, chunk: Repaired, offset: usize) {
        let base = self.text.len();
        self.text.push_str(&chunk.text);
        self.map.append_shifted(chunk.map, base, offset);
    }
}
