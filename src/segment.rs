//! Words and the other tokens of repaired text.
//!
//! Han text is cut by jieba-rs. Before its words are handed out, the
//! stretches that a dictionary segmenter must not cut are made whole again:
//! numbers and quantities (`1286.4`, `12.7%`, `１９９８`), identifiers and
//! formulas (`C919`, `Ga2O3`, `v1.2.3`), Latin words, URLs and e-mail
//! addresses, and runs of one mark (`……`, `——`). jieba cuts `12.7%` into
//! `12`, `.`, `7`, `%` and full-width digits into single characters; here a
//! word boundary that falls strictly inside such a *protected span* is
//! dropped, and a dictionary word that contains a span whole (`X光`, `B超`)
//! stays one word.
//!
//! The spans come from [`protected`], a small scanner; any other source of
//! spans (a recognizer of quantities, a list of product codes) can be passed
//! to [`Segmenter::tokens_with`] instead.
//!
//! A number followed by the unit that makes it a date or a magnitude
//! (`1998年`, `12月`, `31日`, `3万`) is one quantity, as in the People's
//! Daily segmentation standard, but only where jieba cut the unit off as a
//! word of its own: `2023年度` stays `2023` `年度`.
//!
//! Whitespace is no token. Tokens are ranges of the text they were cut
//! from; [`crate::locate::Locator`] takes them back to the original input.
//!
//! ```
//! use zhtidy::{locate::Locator, segment::{Kind, Segmenter}, Tidy};
//!
//! let input = "产 能 １ ２ ． ７ ％ ， C919 飞 机\n";
//! let repaired = Tidy::new().repair(input);
//! let text = repaired.text();
//! let segmenter = Segmenter::new();
//! let mut locator = Locator::new(input, repaired.map());
//! let number = segmenter.tokens(text).find(|t| t.kind == Kind::Quantity).unwrap();
//! assert_eq!(&text[number.range.clone()], "12．7％");
//! // In the input it is `１ ２ ． ７ ％`, characters 4 to 13; the removed
//! // space before it merged with the replaced digits, so it starts at 3.
//! assert_eq!(locator.locate(number.range).chars, 3..13);
//! ```

use std::io::BufRead;
use std::iter::Peekable;
use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::chars;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A word with Han characters, from the dictionary or not.
    Word,
    /// A number, with its decimal part, percent sign or date or magnitude
    /// unit: `1286.4`, `12.7%`, `1998年`, `3万`.
    Quantity,
    /// Letters and digits together: codes, models, formulas (`C919`, `Ga2O3`).
    Identifier,
    /// A word of letters: `IGBT`, `silicon`, `U.S`.
    Latin,
    Url,
    Email,
    Punctuation,
    /// Anything else: symbols, emoji, characters of other scripts.
    Symbol,
}

impl Kind {
    /// The kind's name, as in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Word => "word",
            Kind::Quantity => "quantity",
            Kind::Identifier => "identifier",
            Kind::Latin => "latin",
            Kind::Url => "url",
            Kind::Email => "email",
            Kind::Punctuation => "punctuation",
            Kind::Symbol => "symbol",
        }
    }
}

/// A token: its kind and its byte range in the text it was cut from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// Whether jieba's hidden Markov model guesses words the dictionary lacks,
/// unless a [`Segmenter`] is told otherwise.
///
/// Off, by measurement (`zhtidy-bench words`, People's Daily 1998-01 gold):
/// the model lowers word F1 from 0.862 to 0.838 here (jieba-rs alone: 0.829
/// to 0.807), precision and recall both: most runs of single characters it
/// joins into a guessed word are not one word of the gold. It also costs
/// time.
pub const DEFAULT_HMM: bool = false;

/// jieba's own dictionary, loaded once per process, on first use.
fn default_jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// A user dictionary line that could not be read.
#[derive(Debug)]
pub struct DictError {
    /// 1-based line number; 0 for a read error.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.message),
            n => write!(f, "line {n}: {}", self.message),
        }
    }
}

impl std::error::Error for DictError {}

/// Cuts text into tokens.
///
/// Making one is cheap: the dictionary (a few hundred milliseconds to load)
/// is loaded when the first text is cut, and once per process for all
/// segmenters without a user dictionary. Plain repair never loads it.
#[derive(Default)]
pub struct Segmenter {
    /// jieba with a user dictionary; `None` uses the shared default.
    own: Option<Jieba>,
    hmm: Option<bool>,
}

impl Segmenter {
    /// The default dictionary and [`DEFAULT_HMM`].
    pub fn new() -> Self {
        Segmenter::default()
    }

    /// Switches jieba's hidden Markov model for unknown words on or off.
    pub fn hmm(mut self, on: bool) -> Self {
        self.hmm = Some(on);
        self
    }

    /// Adds the words of a user dictionary in jieba's format: one word a
    /// line, optionally followed by a frequency and a part-of-speech tag,
    /// separated by spaces. A word without a frequency gets one just high
    /// enough for jieba to keep it whole. Loads the dictionary now.
    pub fn with_user_dict(mut self, dict: impl BufRead) -> Result<Self, DictError> {
        let mut jieba = self.own.take().unwrap_or_else(|| default_jieba().clone());
        for (i, line) in dict.lines().enumerate() {
            let line = line.map_err(|e| DictError {
                line: 0,
                message: e.to_string(),
            })?;
            let mut fields = line.split_whitespace();
            let Some(word) = fields.next() else { continue };
            let freq = match fields.next() {
                Some(f) => Some(f.parse::<usize>().map_err(|_| DictError {
                    line: i + 1,
                    message: format!("frequency {f:?} of {word:?} is not a whole number"),
                })?),
                None => None,
            };
            jieba.add_word(word, freq, fields.next());
        }
        self.own = Some(jieba);
        Ok(self)
    }

    fn jieba(&self) -> &Jieba {
        self.own.as_ref().unwrap_or_else(|| default_jieba())
    }

    /// The tokens of `text`, with the spans of [`protected`] kept whole.
    pub fn tokens<'a>(&'a self, text: &'a str) -> Tokens<'a, Protected<'a>> {
        self.tokens_with(text, protected(text))
    }

    /// The tokens of `text`, keeping whole the given spans (sorted, not
    /// overlapping; their kind becomes the token's when a token is exactly a
    /// span). Tokens end only where jieba ends a word, so they always fall
    /// on character boundaries, whatever the spans.
    pub fn tokens_with<'a, P>(&'a self, text: &'a str, spans: P) -> Tokens<'a, P>
    where
        P: Iterator<Item = Token>,
    {
        Tokens {
            jieba: self.jieba(),
            hmm: self.hmm.unwrap_or(DEFAULT_HMM),
            text,
            spans: spans.peekable(),
            block_end: 0,
            words: Vec::new().into_iter(),
            pending: None,
        }
    }
}

/// How much text jieba cuts at a time, at least (up to the next line end).
/// jieba's words never cross a line end, so where it cuts changes nothing
/// but the cost: one call per line made `--words` about a tenth slower on
/// the corpora (per-call set-up for short lines); a few kilobytes a call
/// amortize it, and the vector of words stays small.
const CUT_BYTES: usize = 8 * 1024;

/// Iterator over the tokens of a text; see [`Segmenter::tokens`].
///
/// jieba cuts several kilobytes of lines at a time (`CUT_BYTES`), into
/// one vector; tokens are ranges, so nothing is allocated per token.
pub struct Tokens<'a, P: Iterator<Item = Token>> {
    jieba: &'a Jieba,
    hmm: bool,
    text: &'a str,
    spans: Peekable<P>,
    /// Where the blocks cut so far end.
    block_end: usize,
    /// jieba's words of the current block, not yet consumed.
    words: std::vec::IntoIter<&'a str>,
    /// A token read ahead to see whether it is a date or magnitude unit.
    pending: Option<Token>,
}

impl<'a, P: Iterator<Item = Token>> Tokens<'a, P> {
    /// jieba's next word, cutting the next block when needed.
    fn next_word(&mut self) -> Option<Range<usize>> {
        loop {
            if let Some(word) = self.words.next() {
                // jieba's words are slices of the block, so of the text.
                let start = word.as_ptr() as usize - self.text.as_ptr() as usize;
                return Some(start..start + word.len());
            }
            if self.block_end >= self.text.len() {
                return None;
            }
            let rest = &self.text.as_bytes()[self.block_end..];
            let from = rest.len().min(CUT_BYTES);
            let len = memchr::memchr(b'\n', &rest[from..]).map_or(rest.len(), |i| from + i + 1);
            let block = &self.text[self.block_end..self.block_end + len];
            self.block_end += len;
            self.words = self.jieba.cut(block, self.hmm).into_iter();
        }
    }

    /// jieba's next word, joined with its neighbours while a boundary falls
    /// strictly inside a protected span.
    fn next_joined(&mut self) -> Option<Token> {
        let mut word = self.next_word()?;
        while self.text[word.clone()].trim_start().is_empty() {
            word = self.next_word()?;
        }
        let (start, mut end) = (word.start, word.end);
        let mut kind = None;
        loop {
            while let Some(span) = self.spans.next_if(|s| s.range.end <= end) {
                if span.range == (start..end) {
                    kind = Some(span.kind);
                }
            }
            match self.spans.peek() {
                Some(span) if span.range.start < end => match self.next_word() {
                    Some(w) => end = w.end,
                    None => break,
                },
                _ => break,
            }
        }
        let kind = kind.unwrap_or_else(|| classify(&self.text[start..end]));
        Some(Token {
            kind,
            range: start..end,
        })
    }
}

impl<P: Iterator<Item = Token>> Iterator for Tokens<'_, P> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let token = self.pending.take().or_else(|| self.next_joined())?;
        if token.kind != Kind::Quantity {
            return Some(token);
        }
        let Some(unit) = self.next_joined() else {
            return Some(token);
        };
        if unit.range.start == token.range.end
            && takes_unit(
                &self.text[token.range.clone()],
                &self.text[unit.range.clone()],
            )
        {
            return Some(Token {
                kind: Kind::Quantity,
                range: token.range.start..unit.range.end,
            });
        }
        self.pending = Some(unit);
        Some(token)
    }
}

/// The value of a whole number written in ASCII or full-width digits.
fn whole_number(text: &str) -> Option<u32> {
    text.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(d)
    })
}

/// Whether `unit` belongs to the `number` before it: a year (four digits
/// and `年`), a month, a day, an hour, or a magnitude (`万`, `亿`). These
/// are the units the People's Daily gold keeps with their number; it never
/// does so with `号` or with a measure word (`3 个`).
fn takes_unit(number: &str, unit: &str) -> bool {
    if matches!(unit, "万" | "亿") {
        return !number.ends_with(['%', '％', '‰']);
    }
    let Some(n) = whole_number(number) else {
        return false;
    };
    match unit {
        "年" => number.chars().count() == 4,
        "月" => (1..=12).contains(&n),
        "日" => (1..=31).contains(&n),
        "时" => n <= 24,
        _ => false,
    }
}

/// Letters of Latin words: ASCII, full-width, and the letters of other
/// alphabetic scripts below the CJK blocks (accented Latin, Greek, Cyrillic).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
        || ((c as u32) >= 0xC0 && (c as u32) < 0x2E80 && c.is_alphabetic())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_alnum(c: char) -> bool {
    is_digit(c) || is_letter(c)
}

/// Marks: Chinese, ASCII, and the general and CJK punctuation blocks.
fn is_punct(c: char) -> bool {
    chars::is_cjk_punct(c)
        || c.is_ascii_punctuation()
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
        || ('\u{3001}'..='\u{3003}').contains(&c)
        || ('\u{3008}'..='\u{301F}').contains(&c)
        || ('\u{FF01}'..='\u{FF0F}').contains(&c)
        || ('\u{FF1A}'..='\u{FF20}').contains(&c)
        || ('\u{FF3B}'..='\u{FF40}').contains(&c)
        || ('\u{FF5B}'..='\u{FF65}').contains(&c)
}

/// The kind of a token that is not exactly one protected span.
fn classify(token: &str) -> Kind {
    if token.chars().any(chars::is_han) {
        Kind::Word
    } else if token.chars().all(is_punct) {
        Kind::Punctuation
    } else if token.chars().all(is_alnum) {
        run_kind(token)
    } else {
        Kind::Symbol
    }
}

/// The kind of a run of letters, digits and inner connectors.
fn run_kind(run: &str) -> Kind {
    if let Some(at) = run.find('@') {
        if run[at..].contains('.') {
            return Kind::Email;
        }
    }
    let starts_digit = run.chars().next().is_some_and(is_digit);
    if starts_digit && !run.chars().any(is_letter) {
        Kind::Quantity
    } else if !run.chars().any(is_digit) {
        Kind::Latin
    } else {
        Kind::Identifier
    }
}

/// The protected spans of `text`, in order; see the module docs.
pub fn protected(text: &str) -> Protected<'_> {
    Protected { text, at: 0 }
}

/// Iterator over protected spans; see [`protected`]. It does not allocate.
#[derive(Clone, Debug)]
pub struct Protected<'a> {
    text: &'a str,
    at: usize,
}

const URL_PREFIXES: &[&str] = &["http://", "https://", "ftp://", "www."];

/// Marks whose runs are one token: ellipses, dashes, rules.
fn repeats_as_one(c: char) -> bool {
    matches!(
        c,
        '…' | '—' | '-' | '.' | '·' | '～' | '=' | '*' | '_' | '─'
    )
}

impl Iterator for Protected<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        while let Some(&b) = bytes.get(self.at) {
            // Most text is Han and CJK marks (lead bytes E3-E9, U+3000 to
            // U+9FFF) or ASCII that starts no span: step over it byte-wise.
            let skip = match b {
                0xE3..=0xE9 => 3,
                0..=0x7F if !b.is_ascii_alphanumeric() && !repeats_as_one(b as char) => 1,
                _ => 0,
            };
            if skip > 0 {
                self.at += skip;
                continue;
            }
            let start = self.at;
            let rest = &text[start..];
            let Some(c) = rest.chars().next() else { break };
            let url = matches!(b, b'h' | b'H' | b'f' | b'F' | b'w' | b'W')
                && URL_PREFIXES.iter().any(|p| {
                    rest.get(..p.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(p))
                });
            let (kind, end) = if url {
                (Kind::Url, start + url_len(rest))
            } else if is_alnum(c) {
                let len = run_len(rest);
                (run_kind(&rest[..len]), start + len)
            } else if repeats_as_one(c) {
                let len = rest.len() - rest.trim_start_matches(c).len();
                (Kind::Punctuation, start + len)
            } else {
                self.at += c.len_utf8();
                continue;
            };
            self.at = end;
            if end - start > c.len_utf8() || kind != Kind::Punctuation {
                return Some(Token {
                    kind,
                    range: start..end,
                });
            }
        }
        None
    }
}

/// The length of a URL at the start of `rest`: up to whitespace or a
/// non-ASCII character, less the marks that end the sentence around it.
fn url_len(rest: &str) -> usize {
    let end = rest
        .find(|c: char| !c.is_ascii_graphic())
        .unwrap_or(rest.len());
    rest[..end]
        .trim_end_matches(|c: char| ".,;:!?'\")]}>".contains(c))
        .len()
}

/// The length of the run of letters and digits at the start of `rest`,
/// with the connectors that hold them together: `.` `-` `_` `@` `'`
/// between two of them, `,` before three digits (`1,286`), `/` and `:`
/// between digits (`1/3`, `12:30`), and a final percent sign after a digit.
fn run_len(rest: &str) -> usize {
    let mut it = rest.char_indices().peekable();
    let mut end = 0;
    let mut prev = None;
    while let Some((i, c)) = it.next() {
        if is_alnum(c) {
            end = i + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let next = it.peek().map(|&(_, n)| n);
        let after_digit = prev.is_some_and(is_digit);
        let joins = match (c, next) {
            ('.' | '．' | '-' | '_' | '@' | '\'', Some(n)) if is_alnum(n) => {
                c != '\'' || (prev.is_some_and(is_letter) && is_letter(n))
            }
            (',', Some(n)) if after_digit && is_digit(n) => {
                let digits = rest[i + 1..].chars().take_while(|&d| is_digit(d)).count();
                digits == 3
            }
            ('/' | '／' | ':', Some(n)) => after_digit && is_digit(n),
            ('%' | '％' | '‰', _) if after_digit => {
                end = i + c.len_utf8();
                break;
            }
            _ => false,
        };
        if !joins {
            break;
        }
        prev = Some(c);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected tokens or spans with their kinds, why)
    type Case = (&'static str, &'static [(&'static str, Kind)], &'static str);

    fn cut(text: &str) -> Vec<(&str, Kind)> {
        let segmenter = Segmenter::new();
        segmenter
            .tokens(text)
            .map(|t| (&text[t.range], t.kind))
            .collect()
    }

    #[test]
    fn protected_table() {
        use Kind::*;
        let cases: &[Case] = &[
            ("规模1286.4亿元", &[("1286.4", Quantity)], "a decimal"),
            ("增长12.7%，", &[("12.7%", Quantity)], "a percentage"),
            ("共1,286人", &[("1,286", Quantity)], "a thousands separator"),
            (
                "甲,乙1,2",
                &[("1", Quantity), ("2", Quantity)],
                "a comma in a list",
            ),
            ("１９９８年", &[("１９９８", Quantity)], "full-width digits"),
            ("１／３", &[("１／３", Quantity)], "a fraction"),
            (
                "C919和Ga2O3",
                &[("C919", Identifier), ("Ga2O3", Identifier)],
                "codes and formulas",
            ),
            ("CD-ROM驱动", &[("CD-ROM", Latin)], "a hyphenated word"),
            ("版本v1.2.3。", &[("v1.2.3", Identifier)], "a version"),
            ("it's", &[("it's", Latin)], "an apostrophe"),
            (
                "见https://example.com/a?b=1。",
                &[("https://example.com/a?b=1", Url)],
                "a URL, less the full stop",
            ),
            (
                "联系a.b@example.cn，",
                &[("a.b@example.cn", Email)],
                "an e-mail address",
            ),
            ("等等……好", &[("……", Punctuation)], "an ellipsis"),
            ("甲—乙", &[], "a single dash is no span"),
        ];
        for (input, want, why) in cases {
            let got: Vec<(&str, Kind)> = protected(input)
                .map(|t| (&input[t.range], t.kind))
                .collect();
            assert_eq!(got, *want, "{why}");
        }
    }

    #[test]
    fn tokens_table() {
        use Kind::*;
        let cases: &[Case] = &[
            (
                "全年实现产业规模1286.4亿元，同比增长12.7%。",
                &[
                    ("全年", Word),
                    ("实现", Word),
                    ("产业", Word),
                    ("规模", Word),
                    ("1286.4", Quantity),
                    ("亿元", Word),
                    ("，", Punctuation),
                    ("同比", Word),
                    ("增长", Word),
                    ("12.7%", Quantity),
                    ("。", Punctuation),
                ],
                "numbers are never cut; 亿元 is a word of its own",
            ),
            (
                "１９９８年１２月３１日",
                &[
                    ("１９９８年", Quantity),
                    ("１２月", Quantity),
                    ("３１日", Quantity),
                ],
                "dates in full-width digits",
            ),
            (
                "2023年度",
                &[("2023", Quantity), ("年度", Word)],
                "a unit joins only a word jieba cut off",
            ),
            (
                "5年",
                &[("5", Quantity), ("年", Word)],
                "five years is no date",
            ),
            (
                "约3万人",
                &[("约", Word), ("3万", Quantity), ("人", Word)],
                "a magnitude",
            ),
            (
                "C919客机用Ga2O3",
                &[
                    ("C919", Identifier),
                    ("客机", Word),
                    ("用", Word),
                    ("Ga2O3", Identifier),
                ],
                "identifiers and formulas",
            ),
            (
                "IGBT模块 silicon carbide",
                &[
                    ("IGBT", Latin),
                    ("模块", Word),
                    ("silicon", Latin),
                    ("carbide", Latin),
                ],
                "Latin words; spaces are no tokens",
            ),
            (
                "访问https://a.cn/x?y=1或写信给li@a.cn",
                &[
                    ("访问", Word),
                    ("https://a.cn/x?y=1", Url),
                    ("或", Word),
                    ("写信给", Word),
                    ("li@a.cn", Email),
                ],
                "URLs and e-mail addresses",
            ),
            (
                "等等……",
                &[("等等", Word), ("……", Punctuation)],
                "an ellipsis is one mark",
            ),
            ("甲\n\n乙", &[("甲", Word), ("乙", Word)], "blocks"),
            ("😀", &[("😀", Symbol)], "a symbol"),
            ("", &[], "nothing"),
        ];
        for (input, want, why) in cases {
            assert_eq!(cut(input), *want, "{why}: {input:?}");
        }
    }

    #[test]
    fn user_dictionary() {
        let text = "澜江湾集成电路";
        let plain: Vec<&str> = Segmenter::new()
            .tokens(text)
            .map(|t| &text[t.range])
            .collect();
        assert_ne!(
            plain.first(),
            Some(&"澜江湾"),
            "the test needs an unknown word"
        );
        let with = Segmenter::new()
            .with_user_dict("澜江湾\n\n".as_bytes())
            .unwrap();
        let words: Vec<&str> = with.tokens(text).map(|t| &text[t.range]).collect();
        assert_eq!(words.first(), Some(&"澜江湾"));
        let bad = Segmenter::new().with_user_dict("词 多\n".as_bytes());
        assert_eq!(
            bad.err().map(|e| e.line),
            Some(1),
            "a bad frequency names its line"
        );
    }
}
