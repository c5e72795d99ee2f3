//! The damage report: what was wrong with a document, what was repaired,
//! and whether the text is worth keeping.
//!
//! `zhtidy --report` repairs each document as the filter does, chunk by
//! chunk in bounded memory, but instead of the text it prints, per
//! document:
//!
//! * for each rule, the number of changes in the edit log (one line of
//!   `--explain` each) and the share of the input bytes they replaced. A
//!   change that several passes made counts for each of its rules;
//! * the input and output sizes;
//! * a [`Verdict`] a corpus builder can filter on:
//!   - `clean`: no change at all, or only [`TRIVIAL_RULES`] (a BOM, line
//!     ends, whitespace at line edges, blank lines between blocks);
//!   - `repaired`: other changes were made;
//!   - `suspect`: the text layer itself is garbled (a font without a
//!     usable ToUnicode map, a wrong encoding), which repairing the text
//!     cannot save. Each piece of evidence is a [`Reason`] in the report.
//!
//! # Evidence of a garbled text layer
//!
//! The input is scanned character by character (the counts are in
//! [`CharCounts`]). Shares of *characters* are of the visible characters:
//! whitespace, line ends and invisible format characters are not counted,
//! so the layout an extractor chose does not dilute the evidence. Shares of
//! *letters* are of the alphabetic characters, Han included.
//!
//! | reason           | evidence | suspect when |
//! |------------------|----------|--------------|
//! | `replacement`    | U+FFFD, including invalid UTF-8 read with `--lossy` | more than [`MAX_REPLACEMENT_SHARE`] (0.5%) of characters |
//! | `private_use`    | U+E000–U+F8FF, U+F0000 and above, except a bullet at a line start | more than [`MAX_PRIVATE_USE_SHARE`] (0.5%) of characters, or more than [`MAX_PRIVATE_USE`] (20) |
//! | `control`        | C0 controls other than tab, line feed, carriage return and form feed; DEL; C1 controls | more than [`MAX_CONTROLS`] (2) |
//! | `foreign_script` | letters of scripts unrelated to Chinese text: Cyrillic, Arabic, Hebrew, Thai, Indic, kana, Hangul..., and Greek in runs of [`GREEK_RUN`] (3) or more letters (lone `μ`, `Ω`, `α`, `β` are symbols) | more than [`MAX_FOREIGN_SHARE`] (2%) of letters and more than [`MAX_FOREIGN_LETTERS_IGNORED`] (10) |
//! | `mojibake`       | UTF-8 read as Latin-1 or Windows-1252: a lead byte `Â`–`ô` followed by the right number of continuation bytes (`æ–°` for `新`, `Ã¤Â¸Â­` for `中` encoded twice) | more than [`MAX_MOJIBAKE_SHARE`] (0.5%) of characters, or more than [`MAX_MOJIBAKE`] (20) sequences |
//! | `latin1`         | letters U+00C0–U+00FF outside such sequences, except the vowels of pinyin (`à á è é ê ì í ò ó ù ú ü`): GBK read as Latin-1 (`ÖÐÎÄ` for `中文`) | more than [`MAX_LATIN1_SHARE`] (5%) of letters |
//! | `implausible`    | characters that no class above claims and that are neither Han, ASCII, Chinese punctuation nor the symbols of ordinary text (Latin letters outside ASCII and pinyin, Braille, odd blocks) | more than [`MAX_IMPLAUSIBLE_SHARE`] (10%) of characters |
//!
//! Each character counts as evidence of one kind at most, so the reasons
//! are distinct. Each reason names the byte offset of its first occurrence
//! in the (decoded) input.
//!
//! The thresholds are tuned for Chinese text with some English, pinyin,
//! units and formulas: a French or German passage does not make a document
//! suspect, a Russian name in passing does not either, but a page of
//! private-use glyph codes, mojibake or Cyrillic letters in place of
//! ideographs does.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::chars::{is_cjk_punct, is_han};
use crate::rule::Rule;
use crate::stream::{ChunkReader, ReadError, ReadOptions};
use crate::{chunk, Repaired, Tidy};

/// U+FFFD: suspect above this share of characters.
pub const MAX_REPLACEMENT_SHARE: f64 = 0.005;
/// Unmapped private-use characters: suspect above this share of characters...
pub const MAX_PRIVATE_USE_SHARE: f64 = 0.005;
/// ...or above this many.
pub const MAX_PRIVATE_USE: usize = 20;
/// Control characters: suspect above this many.
pub const MAX_CONTROLS: usize = 2;
/// Letters of unrelated scripts: suspect above this share of letters...
pub const MAX_FOREIGN_SHARE: f64 = 0.02;
/// ...when there are more of them than this (a foreign name in passing).
pub const MAX_FOREIGN_LETTERS_IGNORED: usize = 10;
/// Greek letters in a run this long or longer are words, not symbols.
pub const GREEK_RUN: usize = 3;
/// Characters in UTF-8-read-as-Latin-1 sequences: suspect above this
/// share of characters...
pub const MAX_MOJIBAKE_SHARE: f64 = 0.005;
/// ...or above this many sequences.
pub const MAX_MOJIBAKE: usize = 20;
/// Latin-1 supplement letters (pinyin vowels aside): suspect above this
/// share of letters.
pub const MAX_LATIN1_SHARE: f64 = 0.05;
/// Characters of no plausible class: suspect above this share of characters.
pub const MAX_IMPLAUSIBLE_SHARE: f64 = 0.10;

/// Rules whose changes alone leave a document `clean`: they touch only line
/// ends and whitespace that carries no meaning.
pub const TRIVIAL_RULES: &[Rule] = &[Rule::Bom, Rule::Newline, Rule::EdgeSpace, Rule::BlockBreak];

/// What a corpus builder should make of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing to repair, or only trivial whitespace.
    Clean,
    /// Repaired; the output is usable.
    Repaired,
    /// The text layer is garbled; repair cannot save it.
    Suspect,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Repaired => "repaired",
            Verdict::Suspect => "suspect",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A kind of evidence of a garbled text layer (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    Replacement,
    PrivateUse,
    Control,
    ForeignScript,
    Mojibake,
    Latin1,
    Implausible,
}

impl ReasonKind {
    const ALL: [ReasonKind; 7] = [
        ReasonKind::Replacement,
        ReasonKind::PrivateUse,
        ReasonKind::Control,
        ReasonKind::ForeignScript,
        ReasonKind::Mojibake,
        ReasonKind::Latin1,
        ReasonKind::Implausible,
    ];

    /// The name used in the JSON report.
    pub fn name(self) -> &'static str {
        match self {
            ReasonKind::Replacement => "replacement",
            ReasonKind::PrivateUse => "private_use",
            ReasonKind::Control => "control",
            ReasonKind::ForeignScript => "foreign_script",
            ReasonKind::Mojibake => "mojibake",
            ReasonKind::Latin1 => "latin1",
            ReasonKind::Implausible => "implausible",
        }
    }
}

/// One piece of evidence that the text layer is garbled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub kind: ReasonKind,
    /// How many characters (for `mojibake`, sequences) were found.
    pub count: usize,
    /// Their share of the characters, or of the letters for
    /// `foreign_script` and `latin1`.
    pub share: f64,
    /// Byte offset of the first one in the decoded input.
    pub first_offset: usize,
    /// The evidence in words, as the text report shows it.
    pub message: String,
}

/// How many changes one rule made and how much input they replaced.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RuleCount {
    pub rule: Rule,
    /// Changes of the edit log that carry the rule.
    pub changes: usize,
    /// Input bytes those changes replaced.
    pub bytes: usize,
    /// `bytes` as a share of the input bytes.
    pub share: f64,
}

/// The character classes of the input (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CharCounts {
    /// All characters.
    pub chars: usize,
    /// Characters other than whitespace and invisible format characters:
    /// the base of the shares of characters.
    pub visible: usize,
    /// Alphabetic characters, Han included: the base of the shares of letters.
    pub letters: usize,
    pub han: usize,
    /// Visible ASCII characters.
    pub ascii: usize,
    /// U+FFFD.
    pub replacement: usize,
    /// Of `replacement`, those that stand for invalid UTF-8 (`--lossy`).
    pub invalid_utf8: usize,
    /// Private-use characters not at a line start.
    pub private_use: usize,
    /// Private-use characters at a line start (symbol-font bullets).
    pub bullets: usize,
    pub controls: usize,
    pub foreign_letters: usize,
    pub latin1_letters: usize,
    pub mojibake_sequences: usize,
    /// Characters in `mojibake_sequences`.
    pub mojibake_chars: usize,
    pub implausible: usize,
}

/// The report on one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub file: String,
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    /// Bytes of the decoded input.
    pub input_bytes: usize,
    pub output_bytes: usize,
    /// Input bytes replaced by any change.
    pub changed_bytes: usize,
    /// The rules that made changes, in pipeline order.
    #[serde(serialize_with = "rules_by_name")]
    pub rules: Vec<RuleCount>,
    pub chars: CharCounts,
}

impl Report {
    /// The count for one rule, if it made any change.
    pub fn rule(&self, rule: Rule) -> Option<&RuleCount> {
        self.rules.iter().find(|r| r.rule == rule)
    }

    /// Whether a reason of this kind was found.
    pub fn has_reason(&self, kind: ReasonKind) -> bool {
        self.reasons.iter().any(|r| r.kind == kind)
    }

    /// The report as one line of JSON (without the line end).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report serializes")
    }
}

/// `rules` as a JSON object keyed by rule name, in pipeline order.
fn rules_by_name<S: Serializer>(rules: &[RuleCount], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Entry {
        changes: usize,
        bytes: usize,
        share: f64,
    }
    let mut map = s.serialize_map(Some(rules.len()))?;
    for r in rules {
        map.serialize_entry(
            r.rule.name(),
            &Entry {
                changes: r.changes,
                bytes: r.bytes,
                share: round(r.share),
            },
        )?;
    }
    map.end()
}

/// The human-readable block: a header line, the reasons, the rules.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} ({} bytes in, {} out)",
            self.file,
            self.verdict,
            grouped(self.input_bytes),
            grouped(self.output_bytes)
        )?;
        for reason in &self.reasons {
            writeln!(f, "  ! {}", reason.message)?;
        }
        let width = self
            .rules
            .iter()
            .map(|r| grouped(r.changes).len())
            .max()
            .unwrap_or(0);
        for (i, r) in self.rules.iter().enumerate() {
            let noun = if r.changes == 1 { "change " } else { "changes" };
            let of = if i == 0 { " of input" } else { "" };
            writeln!(
                f,
                "  {:<26} {:>width$} {noun} {:>6}{of}",
                r.rule.name(),
                grouped(r.changes),
                percent(r.share),
            )?;
        }
        Ok(())
    }
}

/// Adds up the repairs and the character classes of a document, chunk by
/// chunk, in the order of the input.
#[derive(Clone, Debug)]
pub struct Tally {
    input_bytes: usize,
    output_bytes: usize,
    changed_bytes: usize,
    /// (changes, bytes) by rule, indexed by the rule's position in [`Rule::ALL`].
    rules: Vec<(usize, usize)>,
    scan: Scanner,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            input_bytes: 0,
            output_bytes: 0,
            changed_bytes: 0,
            rules: vec![(0, 0); Rule::ALL.len()],
            scan: Scanner::default(),
        }
    }
}

impl Tally {
    pub fn new() -> Self {
        Tally::default()
    }

    /// Adds one chunk of the input and its repair.
    pub fn add(&mut self, input: &str, repaired: &Repaired) {
        self.input_bytes += input.len();
        self.output_bytes += repaired.text().len();
        for change in repaired.changes() {
            let bytes = change.source.len();
            self.changed_bytes += bytes;
            for rule in change.rules.iter() {
                let entry = &mut self.rules[rule as usize];
                entry.0 += 1;
                entry.1 += bytes;
            }
        }
        self.scan.text(input);
    }

    /// Records that `n` invalid UTF-8 sequences were read as U+FFFD.
    pub fn add_invalid_utf8(&mut self, n: usize) {
        self.scan.counts.invalid_utf8 += n;
    }

    /// The report on the document added so far.
    pub fn finish(mut self, file: impl Into<String>) -> Report {
        self.scan.flush();
        let share_of = |n: usize, total: usize| {
            if total == 0 {
                0.0
            } else {
                n as f64 / total as f64
            }
        };
        let rules: Vec<RuleCount> = Rule::ALL
            .iter()
            .zip(&self.rules)
            .filter(|(_, &(changes, _))| changes > 0)
            .map(|(&rule, &(changes, bytes))| RuleCount {
                rule,
                changes,
                bytes,
                share: share_of(bytes, self.input_bytes),
            })
            .collect();
        let reasons = self.scan.reasons();
        let verdict = if !reasons.is_empty() {
            Verdict::Suspect
        } else if rules.iter().any(|r| !TRIVIAL_RULES.contains(&r.rule)) {
            Verdict::Repaired
        } else {
            Verdict::Clean
        };
        Report {
            file: file.into(),
            verdict,
            reasons,
            input_bytes: self.input_bytes,
            output_bytes: self.output_bytes,
            changed_bytes: self.changed_bytes,
            rules,
            chars: self.scan.counts,
        }
    }
}

/// Reports on a whole text, repaired chunk by chunk as [`Tidy::repair`] does.
pub fn report(tidy: &Tidy, file: &str, text: &str) -> Report {
    let mut tally = Tally::new();
    for (_, chunk) in chunk::split(text) {
        tally.add(chunk, &tidy.repair_chunk(chunk));
    }
    tally.finish(file)
}

/// Reports on a byte stream, read chunk by chunk in bounded memory; when
/// reading is lossy, bytes that do not decode become U+FFFD and count as
/// such.
pub fn report_reader<R: Read>(
    tidy: &Tidy,
    file: &str,
    reader: R,
    read: ReadOptions,
) -> Result<Report, ReadError> {
    let mut tally = Tally::new();
    let mut chunks = ChunkReader::with_options(reader, read);
    for chunk in chunks.by_ref() {
        let chunk = chunk?;
        tally.add(&chunk.text, &tidy.repair_chunk(&chunk.text));
    }
    tally.add_invalid_utf8(chunks.replaced());
    Ok(tally.finish(file))
}

/// How `--report` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A block of lines per document, for people.
    #[default]
    Text,
    /// One JSON object per document per line.
    Json,
}

/// Reports on each input file (`-` is stdin) to `out`, in `format`.
///
/// A file that cannot be read or decoded gets an error line in place of its
/// report (a JSON object with `file` and `error` in JSON), and the others
/// are still reported. Returns how many files failed; an error writing
/// `out` ends the run.
pub fn write_reports(
    tidy: &Tidy,
    inputs: &[&Path],
    read: ReadOptions,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut failed = 0;
    for &input in inputs {
        let file = input.display().to_string();
        let result = if input == Path::new("-") {
            report_reader(tidy, &file, io::stdin().lock(), read).map_err(|e| e.advice())
        } else {
            File::open(input)
                .map_err(|e| e.to_string())
                .and_then(|f| report_reader(tidy, &file, f, read).map_err(|e| e.advice()))
        };
        match (result, format) {
            (Ok(report), Format::Text) => write!(out, "{report}")?,
            (Ok(report), Format::Json) => writeln!(out, "{}", report.to_json())?,
            (Err(error), format) => {
                failed += 1;
                match format {
                    Format::Text => writeln!(out, "{file}: error: {error}")?,
                    Format::Json => writeln!(
                        out,
                        "{}",
                        serde_json::json!({ "file": file, "error": error })
                    )?,
                }
            }
        }
    }
    Ok(failed)
}

/// Scripts of letters unrelated to Chinese text, to name in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Greek,
    Armenian,
    Hebrew,
    Arabic,
    Indic,
    Thai,
    Tibetan,
    Georgian,
    Hangul,
    Kana,
    Other,
}

impl Script {
    const COUNT: usize = 12;

    fn name(self) -> &'static str {
        match self {
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Indic => "Indic",
            Script::Thai => "Thai or Lao",
            Script::Tibetan => "Tibetan",
            Script::Georgian => "Georgian",
            Script::Hangul => "Hangul",
            Script::Kana => "kana",
            Script::Other => "other scripts",
        }
    }

    const ALL: [Script; Script::COUNT] = [
        Script::Cyrillic,
        Script::Greek,
        Script::Armenian,
        Script::Hebrew,
        Script::Arabic,
        Script::Indic,
        Script::Thai,
        Script::Tibetan,
        Script::Georgian,
        Script::Hangul,
        Script::Kana,
        Script::Other,
    ];

    /// The script of a letter that is not Latin, Greek, Han or Bopomofo.
    fn of(c: char) -> Script {
        match c as u32 {
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                Script::Cyrillic
            }
            0x0530..=0x058F => Script::Armenian,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFE => Script::Arabic,
            0x0900..=0x0DFF => Script::Indic,
            0x0E00..=0x0EFF => Script::Thai,
            0x0F00..=0x0FFF => Script::Tibetan,
            0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
            0x1100..=0x11FF
            | 0x3130..=0x318F
            | 0xA960..=0xA97F
            | 0xAC00..=0xD7FF
            | 0xFFA0..=0xFFDC => Script::Hangul,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            _ => Script::Other,
        }
    }
}

/// The first occurrence of a kind of evidence.
#[derive(Clone, Debug)]
struct First {
    offset: usize,
    sample: String,
}

/// Classifies the characters of the input, carrying its state (line start,
/// a Greek run, a possible mojibake sequence) across chunks.
#[derive(Clone, Debug)]
struct Scanner {
    counts: CharCounts,
    /// Byte offset of the next character.
    offset: usize,
    line_start: bool,
    /// The current run of Greek letters (up to [`GREEK_RUN`] of them) and
    /// its length and start.
    greek: String,
    greek_run: usize,
    greek_start: usize,
    /// A possible UTF-8-read-as-Latin-1 sequence: its characters with their
    /// offsets, and how many continuation characters it still needs.
    pending: Vec<(usize, char)>,
    needed: usize,
    /// Foreign letters by script.
    scripts: [usize; Script::COUNT],
    firsts: [Option<First>; ReasonKind::ALL.len()],
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner {
            counts: CharCounts::default(),
            offset: 0,
            line_start: true,
            greek: String::new(),
            greek_run: 0,
            greek_start: 0,
            pending: Vec::new(),
            needed: 0,
            scripts: [0; Script::COUNT],
            firsts: Default::default(),
        }
    }
}

impl Scanner {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            let at = self.offset;
            self.offset += c.len_utf8();
            self.feed(at, c);
        }
    }

    /// Feeds a character through the mojibake recognizer: a lead character
    /// starts a sequence, continuation characters extend it, and anything
    /// else releases the characters held to ordinary classification.
    fn feed(&mut self, at: usize, c: char) {
        if !self.pending.is_empty() {
            if is_continuation(c) {
                self.pending.push((at, c));
                self.needed -= 1;
                if self.needed == 0 {
                    self.sequence();
                }
                return;
            }
            self.flush();
        }
        if let Some(needed) = continuations_after(c) {
            self.pending.push((at, c));
            self.needed = needed;
            return;
        }
        self.classify(at, c);
    }

    /// Counts the complete sequence held in `pending`.
    fn sequence(&mut self) {
        let n = &mut self.counts;
        let len = self.pending.len();
        n.mojibake_sequences += 1;
        n.mojibake_chars += len;
        n.chars += len;
        n.visible += len;
        n.letters += self.pending.iter().filter(|p| p.1.is_alphabetic()).count();
        let offset = self.pending[0].0;
        let sample: String = self.pending.iter().map(|p| p.1).collect();
        note(&mut self.firsts, ReasonKind::Mojibake, offset, || {
            format!("\"{}\"", sample.escape_debug())
        });
        self.pending.clear();
        self.greek_run = 0;
        self.line_start = false;
    }

    /// Classifies the characters held as a possible sequence one by one.
    fn flush(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        for &(at, c) in &pending {
            self.classify(at, c);
        }
    }

    fn classify(&mut self, at: usize, c: char) {
        self.counts.chars += 1;
        let cp = c as u32;
        if !is_greek_letter(c) {
            self.greek_run = 0;
        }
        match c {
            '\n' | '\r' | '\x0c' => {
                self.line_start = true;
                return;
            }
            '\t' => return,
            _ if cp < 0x20 || (0x7F..=0x9F).contains(&cp) => {
                self.counts.controls += 1;
                self.counts.visible += 1;
                self.line_start = false;
                note(&mut self.firsts, ReasonKind::Control, at, || code_point(c));
                return;
            }
            // Spaces and invisible characters do not end a line's start.
            _ if c.is_whitespace() || is_invisible(c) => return,
            _ => {}
        }
        let line_start = std::mem::replace(&mut self.line_start, false);
        let n = &mut self.counts;
        let firsts = &mut self.firsts;
        n.visible += 1;
        if c.is_ascii() {
            n.ascii += 1;
            n.letters += usize::from(c.is_ascii_alphabetic());
        } else if is_han(c) {
            n.han += 1;
            n.letters += 1;
        } else if c == '\u{FFFD}' {
            n.replacement += 1;
            note(firsts, ReasonKind::Replacement, at, || code_point(c));
        } else if is_private_use(c) {
            if line_start {
                n.bullets += 1;
            } else {
                n.private_use += 1;
                note(firsts, ReasonKind::PrivateUse, at, || code_point(c));
            }
        } else {
            n.letters += usize::from(c.is_alphabetic());
            if is_latin1_letter(c) {
                if !is_pinyin(c) {
                    n.latin1_letters += 1;
                    note(firsts, ReasonKind::Latin1, at, || quoted(c));
                }
            } else if is_greek_letter(c) {
                if self.greek_run == 0 {
                    self.greek_start = at;
                    self.greek.clear();
                }
                self.greek_run += 1;
                let words = match self.greek_run {
                    r if r < GREEK_RUN => {
                        self.greek.push(c);
                        0
                    }
                    r if r == GREEK_RUN => {
                        self.greek.push(c);
                        GREEK_RUN
                    }
                    _ => 1,
                };
                if words > 0 {
                    n.foreign_letters += words;
                    self.scripts[Script::Greek as usize] += words;
                    let sample = &self.greek;
                    note(firsts, ReasonKind::ForeignScript, self.greek_start, || {
                        format!("\"{sample}\"")
                    });
                }
            } else if is_plausible(c) {
                // Punctuation, symbols and pinyin of ordinary text.
            } else if c.is_alphabetic() && !is_latin(c) {
                n.foreign_letters += 1;
                self.scripts[Script::of(c) as usize] += 1;
                note(firsts, ReasonKind::ForeignScript, at, || quoted(c));
            } else {
                n.implausible += 1;
                note(firsts, ReasonKind::Implausible, at, || quoted(c));
            }
        }
    }

    /// The evidence found, each kind above its threshold.
    fn reasons(&self) -> Vec<Reason> {
        let n = &self.counts;
        let of = |count: usize, total: usize| {
            if total == 0 {
                0.0
            } else {
                count as f64 / total as f64
            }
        };
        let mut out = Vec::new();
        for kind in ReasonKind::ALL {
            let (count, share, suspect) = match kind {
                ReasonKind::Replacement => {
                    let s = of(n.replacement, n.visible);
                    (n.replacement, s, s > MAX_REPLACEMENT_SHARE)
                }
                ReasonKind::PrivateUse => {
                    let s = of(n.private_use, n.visible);
                    let many = n.private_use > MAX_PRIVATE_USE;
                    (n.private_use, s, s > MAX_PRIVATE_USE_SHARE || many)
                }
                ReasonKind::Control => {
                    let s = of(n.controls, n.visible);
                    (n.controls, s, n.controls > MAX_CONTROLS)
                }
                ReasonKind::ForeignScript => {
                    let s = of(n.foreign_letters, n.letters);
                    let many = n.foreign_letters > MAX_FOREIGN_LETTERS_IGNORED;
                    (n.foreign_letters, s, s > MAX_FOREIGN_SHARE && many)
                }
                ReasonKind::Mojibake => {
                    let s = of(n.mojibake_chars, n.visible);
                    let many = n.mojibake_sequences > MAX_MOJIBAKE;
                    (n.mojibake_sequences, s, s > MAX_MOJIBAKE_SHARE || many)
                }
                ReasonKind::Latin1 => {
                    let s = of(n.latin1_letters, n.letters);
                    (n.latin1_letters, s, s > MAX_LATIN1_SHARE)
                }
                ReasonKind::Implausible => {
                    let s = of(n.implausible, n.visible);
                    (n.implausible, s, s > MAX_IMPLAUSIBLE_SHARE)
                }
            };
            let Some(first) = self.firsts[kind as usize].as_ref().filter(|_| suspect) else {
                continue;
            };
            let message = self.message(kind, count, share, first);
            out.push(Reason {
                kind,
                count,
                share: round(share),
                first_offset: first.offset,
                message,
            });
        }
        out
    }

    fn message(&self, kind: ReasonKind, count: usize, share: f64, first: &First) -> String {
        let share = percent(share);
        let what = match kind {
            ReasonKind::Replacement => {
                let invalid = match self.counts.invalid_utf8 {
                    0 => String::new(),
                    k => format!(", {} from invalid UTF-8", grouped(k)),
                };
                format!(
                    "{} ({share} of characters{invalid})",
                    counted(count, "replacement character")
                )
            }
            ReasonKind::PrivateUse => format!(
                "{} not at a line start, so not bullets: glyph codes with no Unicode \
                 mapping ({share} of characters)",
                counted(count, "private-use character")
            ),
            ReasonKind::Control => format!(
                "{} other than tab, line feed, carriage return and form feed \
                 ({share} of characters)",
                counted(count, "control character")
            ),
            ReasonKind::ForeignScript => {
                let script = Script::ALL
                    .iter()
                    .rev()
                    .max_by_key(|&&s| self.scripts[s as usize])
                    .map_or("other scripts", |s| s.name());
                format!(
                    "{} of scripts unrelated to Chinese, mostly {script} ({share} of letters)",
                    counted(count, "letter")
                )
            }
            ReasonKind::Mojibake => format!(
                "{}: UTF-8 read as Latin-1 or Windows-1252 ({share} of characters)",
                counted(count, "mojibake sequence")
            ),
            ReasonKind::Latin1 => format!(
                "{}, as GBK or UTF-8 text read as Latin-1 gives ({share} of letters)",
                counted(count, "Latin-1 letter")
            ),
            ReasonKind::Implausible => format!(
                "{} outside any plausible distribution: not Han, ASCII, nor the \
                 punctuation and symbols of Chinese text ({share} of characters)",
                counted(count, "character")
            ),
        };
        format!(
            "{what}; first {} at byte {}",
            first.sample,
            grouped(first.offset)
        )
    }
}

/// `1 letter`, `1,024 letters`.
fn counted(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", grouped(n))
}

/// Records the first occurrence of a kind of evidence.
fn note(
    firsts: &mut [Option<First>],
    kind: ReasonKind,
    offset: usize,
    sample: impl FnOnce() -> String,
) {
    let slot = &mut firsts[kind as usize];
    if slot.is_none() {
        *slot = Some(First {
            offset,
            sample: sample(),
        });
    }
}

/// Invisible format characters: they neither count as characters nor end a
/// line's start (the glyph pass removes them).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..)
}

/// Letters of the Latin-1 supplement.
fn is_latin1_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xFF) && c != '×' && c != '÷'
}

/// Letters of pinyin with tone marks, and the letters pinyin typesetting
/// borrows.
fn is_pinyin(c: char) -> bool {
    matches!(
        c,
        'à' | 'á'
            | 'è'
            | 'é'
            | 'ê'
            | 'ì'
            | 'í'
            | 'ò'
            | 'ó'
            | 'ù'
            | 'ú'
            | 'ü'
            | 'À'
            | 'Á'
            | 'È'
            | 'É'
            | 'Ê'
            | 'Ì'
            | 'Í'
            | 'Ò'
            | 'Ó'
            | 'Ù'
            | 'Ú'
            | 'Ü'
            | 'ā'
            | 'Ā'
            | 'ē'
            | 'Ē'
            | 'ě'
            | 'Ě'
            | 'ī'
            | 'Ī'
            | 'ō'
            | 'Ō'
            | 'ū'
            | 'Ū'
            | 'Ǎ'..='ǜ' | 'ń' | 'ň' | 'ǹ' | 'ḿ' | 'ɑ' | 'ɡ'
    )
}

/// Latin letters beyond ASCII and the Latin-1 supplement.
fn is_latin(c: char) -> bool {
    matches!(
        c as u32,
        0x0100..=0x02AF | 0x1D00..=0x1DBF | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F
    )
}

/// Punctuation and symbols that ordinary Chinese text uses (with pinyin,
/// units, formulas, bullets and emoji), besides Han and ASCII.
fn is_plausible(c: char) -> bool {
    is_cjk_punct(c)
        || is_pinyin(c)
        || matches!(
            c as u32,
            0xA0..=0xBF
                | 0xD7
                | 0xF7
                | 0x02B0..=0x036F
                | 0x2000..=0x27FF
                | 0x2900..=0x2BFF
                | 0x2E00..=0x2E7F
                | 0x2FF0..=0x303F
                | 0x30FB
                | 0x30FC
                | 0x3100..=0x312F
                | 0x31A0..=0x31EF
                | 0x3200..=0x33FF
                | 0x4DC0..=0x4DFF
                | 0xFB00..=0xFB06
                | 0xFE10..=0xFE1F
                | 0xFE30..=0xFE6F
                | 0xFF00..=0xFF65
                | 0xFFE0..=0xFFEF
                | 0xFFFC
                | 0x1D400..=0x1D7FF
                | 0x1F000..=0x1FAFF
        )
}

fn quoted(c: char) -> String {
    format!("\"{}\" ({})", c.escape_debug(), code_point(c))
}

/// Whether a character is a Greek letter.
fn is_greek_letter(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03FF | 0x1F00..=0x1FFF) && c.is_alphabetic()
}

/// The continuation characters a lead byte read as Latin-1 needs, if `c`
/// is one: `Â`–`ß` one, `à`–`ï` two, `ð`–`ô` three.
fn continuations_after(c: char) -> Option<usize> {
    match c as u32 {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Whether `c` is a UTF-8 continuation byte (0x80–0xBF) read as Latin-1 or
/// as Windows-1252.
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        '\u{80}'
            ..='\u{BF}'
                | '€'
                | '‚'
                | 'ƒ'
                | '„'
                | '…'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '•'
                | '–'
                | '—'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
    )
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// A share rounded to six decimals, for JSON.
fn round(share: f64) -> f64 {
    (share * 1e6).round() / 1e6
}

/// `12345` as `12,345`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A share as a percentage with one decimal, or two below 0.1%.
fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p == 0.0 {
        "0%".into()
    } else if p < 0.01 {
        "<0.01%".into()
    } else if p < 0.1 {
        format!("{p:.2}%")
    } else {
        format!("{p:.1}%")
    }
}
