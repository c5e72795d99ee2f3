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

// The passes' module docs state their rules by the private constants and
// functions that hold them, for `cargo doc --document-private-items`, the
// documentation a contributor reads; public docs show those names as text.
#![allow(rustdoc::private_intra_doc_links)]

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

pub mod ahead;
pub mod atomic;
pub mod batch;
pub mod boilerplate;
pub mod chars;
pub mod chunk;
pub mod columns;
pub mod decode;
pub mod doubled;
pub mod edit;
pub mod glyphs;
mod interleaved;
pub mod lines;
pub mod locate;
pub mod page;
pub mod quantity;
pub mod radicals;
pub mod report;
pub mod rule;
pub mod segment;
pub mod sentence;
pub mod spacing;
pub mod stream;
mod tables;

use edit::Packed;
pub use edit::{Change, Edit, Map};
pub use rule::{Rule, Rules};

/// A repair pass, each with its own switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    Decode,
    Glyphs,
    Columns,
    Doubled,
    Boilerplate,
    ScriptDigits,
    Lines,
    Spacing,
    Quantities,
    Radicals,
}

impl Pass {
    /// The passes in the order they run.
    ///
    /// Glyphs come first so that later passes see one kind of space and
    /// dash; columns next, so that later passes read a two-column page in
    /// reading order; doubled glyphs then, on lines as the extractor broke
    /// them (so a fake-bold running header is found, and no later join or
    /// space removal makes a run the pass did not see); boilerplate before
    /// lines so that a paragraph interrupted by a page's header and number
    /// is rejoined, and script digits after it, as a removed page number
    /// can bring a digit next to a letter; lines before spacing so that a
    /// run spaced out across a line break is judged whole; quantities after
    /// spacing, to judge the fragments of figures that spacing left;
    /// radicals last, when a word broken across lines has been rejoined
    /// (the doubled pass reads a radical as the ideograph it stands for, so
    /// `一⼀` is a pair).
    pub const ALL: [Pass; 10] = [
        Pass::Decode,
        Pass::Glyphs,
        Pass::Columns,
        Pass::Doubled,
        Pass::Boilerplate,
        Pass::ScriptDigits,
        Pass::Lines,
        Pass::Spacing,
        Pass::Quantities,
        Pass::Radicals,
    ];

    /// Whether [`Tidy::new`] runs the pass. Folding subscript and
    /// superscript digits changes text that is right as it is (`Ga₂O₃`),
    /// so it waits to be asked for.
    pub fn on_by_default(self) -> bool {
        self != Pass::ScriptDigits
    }

    /// The pass's name, as in `--no-<name>` (`--fold-script-digits` for
    /// the pass that is off by default).
    pub fn name(self) -> &'static str {
        match self {
            Pass::Decode => "decode",
            Pass::Glyphs => "glyphs",
            Pass::Columns => "columns",
            Pass::Doubled => "doubled",
            Pass::ScriptDigits => "script-digits",
            Pass::Boilerplate => "boilerplate",
            Pass::Lines => "lines",
            Pass::Spacing => "spacing",
            Pass::Quantities => "quantities",
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
    /// `a中` is one spaced letter beside Han). Text drawn four times for a
    /// fake bold is still doubled after one undoubling. Running these to
    /// their fixed point makes repair idempotent. They terminate: each
    /// round only deletes characters or joins lines, and a round that
    /// proposes nothing ends it.
    fn runs_to_fixed_point(self) -> bool {
        matches!(
            self,
            Pass::Doubled | Pass::Lines | Pass::Spacing | Pass::Quantities
        )
    }

    /// How many lines on either side of a line the pass reads to propose
    /// the edits of that line, for a pass that judges each line by itself
    /// and its neighbours; `None` for a pass that reads further (a page's
    /// measure, the whole text's repeats). The glyphs pass reads a line up
    /// to the character it judges; the spacing pass reads the lines beside
    /// one (a lone spaced word beside a letter-spaced line); the
    /// quantities pass reads the line before (a figure whose unit opens
    /// the next line), and the line break it removes belongs to the line
    /// after it. Such a pass, once it has found nothing, need only look
    /// again near what changed since ([`Work::run`]).
    fn reach(self) -> Option<usize> {
        match self {
            Pass::Glyphs => Some(0),
            Pass::Spacing | Pass::Quantities => Some(1),
            _ => None,
        }
    }

    /// The earlier pass to run again, with those after it, when this one
    /// changed the text (`joined_lines`: and removed a line break).
    ///
    /// Rejoining a figure makes one token of several, and the spacing pass
    /// judges a gap by its tokens: `约 8 . 6 万人` becomes `约 8.6 万人`,
    /// whose gaps between Han and Latin text it then removes. Joining a
    /// line that ends in a figure to the line with its unit changes the
    /// widths the lines pass judges by; spaces inside a line do not count
    /// in them. Going back until no pass changes anything keeps repair
    /// idempotent; it ends because all three only delete whitespace.
    fn reopens(self, joined_lines: bool) -> Option<Pass> {
        match self {
            Pass::Quantities if joined_lines => Some(Pass::Lines),
            Pass::Quantities => Some(Pass::Spacing),
            _ => None,
        }
    }

    fn edits(self, text: &str, out: &mut Vec<Edit>) {
        match self {
            Pass::Decode => decode::edits(text, out),
            Pass::Glyphs => glyphs::edits(text, out),
            Pass::Columns => columns::edits(text, out),
            Pass::Doubled => doubled::edits(text, out),
            Pass::ScriptDigits => quantity::scripts::edits(text, out),
            Pass::Boilerplate => boilerplate::edits(text, out),
            Pass::Lines => lines::edits(text, out),
            Pass::Spacing => spacing::edits(text, out),
            Pass::Quantities => quantity::edits(text, out),
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
            enabled: Pass::ALL.map(Pass::on_by_default),
        }
    }
}

impl Tidy {
    /// The passes that are on by default ([`Pass::on_by_default`]).
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
    /// stream reader does, so the two always agree. The text is about as
    /// long as the input, so its room is taken at once rather than doubled
    /// chunk by chunk; the chunks share the room for their edits
    /// ([`Tidy::repair_in`]).
    pub fn repair(&self, input: &str) -> Repaired {
        let mut whole = Repaired {
            text: String::with_capacity(input.len()),
            ..Repaired::default()
        };
        let mut edits = Vec::new();
        for (offset, text) in chunk::split(input) {
            whole.append(self.repair_in(text, &mut edits), offset);
        }
        whole
    }

    /// The text of [`Tidy::repair`] alone, for callers that want no edit
    /// log: the maps of the passes are never composed.
    pub fn repair_text(&self, input: &str) -> String {
        let mut text = String::with_capacity(input.len());
        let mut edits = Vec::new();
        for (_, chunk) in chunk::split(input) {
            text.push_str(self.repair_in(chunk, &mut edits).text());
        }
        text
    }

    /// Repairs one chunk (see [`chunk`]); offsets are relative to it.
    ///
    /// Three passes judge a line by what the passes after them change:
    ///
    /// * the glyphs pass makes a private-use character that opens a line a
    ///   bullet, and the columns pass, which runs after it, can move a
    ///   character to the start of a line (the first of a right column's
    ///   line, once that column follows the left);
    /// * the boilerplate pass judges a line by the lines around it, and
    ///   later passes change them: form feeds go, and the lines pass can
    ///   join one copy of a repeated line into a paragraph, leaving the
    ///   other copies far apart;
    /// * the doubled-glyph pass judges the run of pairs that opens a line,
    ///   and a line joined to it later can lengthen that run (`隆隆隆隆0` /
    ///   `022`, joined by the quantities pass, is a line of four pairs).
    ///
    /// A second repair would then find what the first did not, so once the
    /// passes are done these three look again ([`SECOND_LOOK`]), and while
    /// one finds something the passes after it run again. Each round
    /// removes text or replaces a character that no pass writes, so it
    /// ends; [`MAX_ROUNDS`] bounds the time all the same, at the price of
    /// idempotence for a chunk that would need more.
    pub fn repair_chunk(&self, input: &str) -> Repaired {
        self.repair_in(input, &mut Vec::new())
    }

    /// [`Tidy::repair_chunk`], proposing the edits of each step in `edits`
    /// and leaving them there, so that the chunks of a document reuse one
    /// allocation. Text spaced out character by character has an edit
    /// every few bytes, megabytes of them a chunk: allocated afresh for
    /// each chunk, that memory went back to the system and came again as
    /// new pages to fault in, and a large document's chunks paid for that
    /// where a small one's did not.
    fn repair_in(&self, input: &str, edits: &mut Vec<Edit>) -> Repaired {
        let mut work = Work {
            text: input.to_owned(),
            steps: Vec::new(),
            edits: std::mem::take(edits),
            spare: String::new(),
            changed: [const { None }; Pass::ALL.len()],
        };
        let mut at = 0;
        let mut rounds = 1;
        loop {
            let pass = match Pass::ALL.get(at) {
                Some(&pass) => pass,
                None if rounds < MAX_ROUNDS => {
                    rounds += 1;
                    let found = SECOND_LOOK
                        .into_iter()
                        .find(|&pass| self.is_enabled(pass) && work.run(pass).is_some());
                    let Some(found) = found else { break };
                    at = found as usize + 1;
                    continue;
                }
                None => break,
            };
            at += 1;
            if !self.is_enabled(pass) {
                continue;
            }
            let joined_lines = work.run(pass);
            if let Some(earlier) = joined_lines.and_then(|joined| pass.reopens(joined)) {
                at = earlier as usize;
            }
        }
        *edits = work.edits;
        Repaired {
            text: work.text,
            steps: work.steps,
            packed: Packed::default(),
            map: OnceLock::new(),
        }
    }
}

/// A chunk under repair.
struct Work {
    text: String,
    /// The map of each step so far.
    steps: Vec<Map>,
    /// The edits of the current step (kept for its allocation).
    edits: Vec<Edit>,
    /// The text before the last step, whose buffer the next step writes
    /// its text into (kept for its allocation).
    spare: String,
    /// `changed[p]`: `None` until pass `p` has found nothing to do in the
    /// text; then the stretches of the text that changed since, in the
    /// text's present offsets. A pass is a function of the text, so one
    /// that found nothing or ran to its fixed point is not run again
    /// until another pass changes the text (as when a pass reopens on
    /// passes the text went through unchanged), and a pass with a
    /// [`Pass::reach`] then looks only at the lines near the changes.
    changed: [Option<Vec<Range<usize>>>; Pass::ALL.len()],
}

impl Work {
    /// Runs one pass (to its fixed point if it has one) unless it is
    /// settled, recording the map of each step. `None` if it changed
    /// nothing; otherwise whether it removed a line break, asked only of
    /// passes that reopen on it.
    fn run(&mut self, pass: Pass) -> Option<bool> {
        if self.changed[pass as usize]
            .as_ref()
            .is_some_and(|c| c.is_empty())
        {
            return None;
        }
        let asks_joins = pass.reopens(true) != pass.reopens(false);
        let mut joined_lines = None;
        loop {
            self.edits.clear();
            match (pass.reach(), &self.changed[pass as usize]) {
                (Some(reach), Some(changed)) => {
                    edits_near(pass, reach, &self.text, changed, &mut self.edits)
                }
                _ => pass.edits(&self.text, &mut self.edits),
            }
            if self.edits.is_empty() {
                break;
            }
            let joins = asks_joins
                && self
                    .edits
                    .iter()
                    .any(|e| self.text.as_bytes()[e.range.clone()].contains(&b'\n'));
            joined_lines = Some(joined_lines.unwrap_or(false) || joins);
            let local = edit::apply_into(&self.text, &self.edits, &mut self.spare);
            let whole = 0..self.spare.len();
            let own = local.changed(NEAR);
            for (&other, changed) in Pass::ALL.iter().zip(&mut self.changed) {
                if let Some(changed) = changed.as_mut().filter(|_| other != pass) {
                    match other.reach() {
                        Some(_) => *changed = local.forward(changed, &own, NEAR),
                        // A pass without a reach reads the whole text again.
                        None => {
                            changed.clear();
                            changed.push(whole.clone());
                        }
                    }
                }
            }
            // The pass found every edit it had: in the next text it can
            // find more only near them.
            self.changed[pass as usize] = pass.runs_to_fixed_point().then_some(own);
            self.steps.push(local);
            std::mem::swap(&mut self.text, &mut self.spare);
            if !pass.runs_to_fixed_point() {
                return joined_lines;
            }
        }
        self.changed[pass as usize] = Some(Vec::new());
        joined_lines
    }
}

/// The edits that `pass`, of reach `reach`, proposes for `text`, given
/// that it found none before the `changed` stretches changed: those of
/// the lines within `reach` of a changed one, each found by running the
/// pass on a window of lines that holds all it reads. Every other line
/// reads as it did when the pass found nothing there.
fn edits_near(pass: Pass, reach: usize, text: &str, changed: &[Range<usize>], out: &mut Vec<Edit>) {
    let mut near = Vec::new();
    let mut windows: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    // The end of the lines that the last stretch touched: a stretch
    // within them adds no line.
    let mut touched_end = None;
    for range in changed {
        if touched_end.is_some_and(|end| range.end <= end) {
            continue;
        }
        touched_end = Some(lines_around(text, range.clone(), 0).end);
        let core = lines_around(text, range.clone(), reach);
        let window = lines_around(text, core.clone(), reach);
        match windows.last_mut() {
            Some((last_core, last_window)) if window.start <= last_window.end + NEAR => {
                last_core.end = core.end;
                last_window.end = window.end;
            }
            _ => windows.push((core, window)),
        }
    }
    for (core, window) in windows {
        near.clear();
        pass.edits(&text[window.clone()], &mut near);
        // An edit starting at the line break before the first line of the
        // core removes that break, and belongs to that line.
        let home = core.start.saturating_sub(1)..core.end;
        out.extend(near.drain(..).filter_map(|mut e| {
            e.range = e.range.start + window.start..e.range.end + window.start;
            home.contains(&e.range.start).then_some(e)
        }));
    }
}

/// How far apart (in bytes) two changed stretches, or two windows of
/// [`edits_near`], may lie and still be taken as one: a pass reads a few
/// lines faster than it starts again, and merging any two windows is
/// sound, as every line between them has all it reads inside.
const NEAR: usize = 1024;

/// The lines that `range` touches (an offset at a line break touches the
/// line it ends), and `more` lines on either side, without the line break
/// after the last.
fn lines_around(text: &str, range: Range<usize>, more: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut start = memchr::memrchr(b'\n', &bytes[..range.start]).map_or(0, |i| i + 1);
    let mut end = memchr::memchr(b'\n', &bytes[range.end..]).map_or(text.len(), |i| range.end + i);
    for _ in 0..more {
        if start > 0 {
            start = memchr::memrchr(b'\n', &bytes[..start - 1]).map_or(0, |i| i + 1);
        }
        if end < text.len() {
            end = memchr::memchr(b'\n', &bytes[end + 1..]).map_or(text.len(), |i| end + 1 + i);
        }
    }
    start..end
}

/// The passes that look again once all have run, in pipeline order (see
/// [`Tidy::repair_chunk`]).
const SECOND_LOOK: [Pass; 3] = [Pass::Glyphs, Pass::Doubled, Pass::Boilerplate];

/// Most rounds of the passes over one chunk (see [`Tidy::repair_chunk`]).
/// Documents settle in one or two; fuzzing found a chunk of repeated
/// lines that took five, and a round that finds nothing costs little.
const MAX_ROUNDS: usize = 8;

/// The repaired text, with the edit log that explains it.
#[derive(Default)]
pub struct Repaired {
    text: String,
    /// The map of each step of the repair, first to last, until the map
    /// is first asked for: plain repair, which only wants the text, never
    /// pays for composing them.
    steps: Vec<Map>,
    /// The map of a document repaired chunk by chunk ([`Repaired::append`]),
    /// packed ([`Packed`]); empty while `steps` holds the map. A whole
    /// document has a change every few bytes where its text was spaced
    /// out, and as a [`Map`] they would take ten times the text's memory.
    packed: Packed,
    /// The map as [`Change`]s, once asked for.
    map: OnceLock<Map>,
}

impl Clone for Repaired {
    fn clone(&self) -> Self {
        // A packed map is cloned packed, and built again only if asked for.
        let map = if self.packed.is_empty() {
            OnceLock::from(self.map().clone())
        } else {
            OnceLock::new()
        };
        Repaired {
            text: self.text.clone(),
            steps: Vec::new(),
            packed: self.packed.clone(),
            map,
        }
    }
}

impl PartialEq for Repaired {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.map() == other.map()
    }
}

impl Eq for Repaired {}

impl fmt::Debug for Repaired {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Repaired")
            .field("text", &self.text)
            .field("map", self.map())
            .finish()
    }
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
        self.map().changes()
    }

    /// The range of the original input that an output range came from.
    pub fn source_range(&self, output: Range<usize>) -> Range<usize> {
        self.map().source_range(output)
    }

    /// The quantities of the repaired text ([`quantity::find`]), each with
    /// the range of the original input it came from.
    pub fn quantities(&self) -> Vec<quantity::Quantity> {
        let mut found = quantity::find(&self.text);
        for q in &mut found {
            q.source = self.source_range(q.range.clone());
        }
        found
    }

    /// The map from output offsets to input offsets.
    pub fn map(&self) -> &Map {
        self.map.get_or_init(|| {
            if !self.packed.is_empty() {
                return self.packed.unpack();
            }
            edit::chain(&self.steps)
        })
    }

    /// Appends the repair of a chunk that starts at `offset` of the input.
    ///
    /// The maps are packed ([`Packed`]) as they are joined: a document's
    /// map is only built as [`Change`]s when its caller asks for them.
    pub fn append(&mut self, chunk: Repaired, offset: usize) {
        if self.packed.is_empty() {
            let mut packed = Packed::default();
            packed.extend(self.map().changes(), 0, 0);
            self.packed = packed;
            self.steps = Vec::new();
        }
        self.map = OnceLock::new();
        let base = self.text.len();
        self.text.push_str(&chunk.text);
        self.packed.extend(chunk.map().changes(), base, offset);
    }
}
