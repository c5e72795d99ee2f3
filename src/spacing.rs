//! The spacing pass: spaces that justification and letter-spacing put
//! between characters, told apart from spaces an author typed.
//!
//! Each run of spaces inside a line is judged by its neighbours, never by a
//! global rule. First, a line, or a stretch of one between word spaces of
//! text that is not spaced out, letter-spaced at one space whose words
//! stand apart by wider gaps (`t o t a l   l o a d i n g   o f`, `王 强
//! 刘 洋`, as some extractors write letter-spaced text) loses every
//! one-space gap but the one after a bullet opening the line (its item's
//! indent), and each wider gap becomes one space: the evidence is the
//! stretch itself, whose one-space gaps all lie between single letters (at
//! least four of them). The rules below judge its words when the pass runs
//! again. A
//! line that is one short word spaced out (`a n d`, too short for a run)
//! loses its spaces beside a letter-spaced line: some extractors put each
//! word of letter-spaced English on a line of its own.
//! Otherwise:
//!
//! 1. Next to Chinese punctuation (`，。（）“”` ...): removed. The mark
//!    carries its own spacing; no author types a space beside it.
//! 2. Between two Han characters: removed, unless both neighbours are words
//!    of two to four Han characters standing alone between the space and
//!    punctuation or the line's edge, with one space between them: that is
//!    a name list (`张伟 李娜 王强`) or a list of places, and stays.
//! 3. Between a Han character and a Latin letter or digit (Greek letters
//!    and Roman numerals count, `满足 Ⅲ 类`): removed when
//!    the Latin phrase (tokens joined by single spaces, brackets and an
//!    abbreviation's period included: `Precision (Singapore) Pte. Ltd.`)
//!    has Han or Chinese
//!    punctuation on its far side too (`开展 2024 年度` is `开展2024年度`,
//!    `提升到 400 Wh/kg 以上` is `提升到400 Wh/kg以上`: typesetters put a
//!    quarter-em between Chinese and Latin text, and extractors turn it into
//!    a space). A bullet or list number opening the line counts as the
//!    line's edge (`•10 月`, `1. 2024 年度`). Kept, as one space however
//!    wide the layout set it, after a section number or chapter marker that
//!    opens a line (`2.1 推进`, `1 引言`, `第三章   方法`), unless a
//!    Chinese unit or magnitude follows the number and the line goes on as
//!    a sentence, with a comma or full stop (`9 月下旬，`,
//!    `2.4 万只，`: a date or a count, where a heading would have neither);
//!    kept before a page number that closes a line (`绪论 3`, a table of
//!    contents), and before a postal code (six digits, even spaced out)
//!    that a closing bracket ends (`上海 200237）`). Any other closing mark
//!    after the phrase is Chinese punctuation like the rest (`“济麦 44”`,
//!    `（约 4.5 L）` lose the space).
//! 4. Between two Latin letters or digits: removed only inside a
//!    *spaced-out run*: tokens in a row, each a single character (`I G B
//!    T`), two of different scripts (`G a 2O 3`) or the letters of one
//!    f-ligature glyph (`e ffi c i e n t`), optionally with
//!    punctuation attached (`S I L E N T- R`, `1 0 4 、1 0 5`), separated by
//!    at most two spaces; at least four of them, or two when the run holds
//!    Han or stands between Han text (`近 2 0 家`). A run may start or end
//!    inside a token, at letters or digits that the extractor glued to the
//!    Chinese text beside them (`企业2 1 3 家`, `从E D A工具`), if it also
//!    holds a whole spaced-out token (not `分散1 h 后`, a number and its
//!    unit). The glued piece joins through a neighbour of its own kind, or,
//!    a letter, before two spaced digits or more: a code (`将C 9 1 9 的`,
//!    but `共B 2 类` stays). Everything else stays:
//!    English words (`heat transfer coefficient`), codes (`ARJ21 C919
//!    CR929`), three capitals in English (`A B C`).
//!
//! 5. After a `+` or `/` glued to the Han before it, before Han or a Latin
//!    letter or digit: removed (`空压机+ 冷干机`, `美元/ 桶`). An author
//!    spaces such a mark on both sides or on neither.
//!
//! 6. Before a registered or trade mark sign (`VitaFlow ®`, `九期一 ®`):
//!    removed. The sign belongs to the name before it.
//!
//! A list number's dot spaced off at a line's start (`1 . 澜芯`) joins the
//! number. Spaces at a line's edges are the lines pass's business.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::chars::{
    is_ascii_bullet, is_cjk_punct, is_han, is_heading_label, is_latin_text, is_radical,
};
use crate::edit::Edit;
use crate::quantity;
use crate::rule::Rule;

/// Shortest spaced-out run that is trusted when a Latin letter or digit is
/// involved: three single letters can be prose (`A 和 B`), four are not.
const MIN_SPACED_RUN: usize = 4;

/// Widest gap inside a spaced-out run of Latin letters or digits.
const MAX_RUN_GAP: usize = 2;

/// A non-space token of a line, as byte offsets into the text.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    /// The first and last characters, which most rules read.
    first: char,
    last: char,
    spaced_like: bool,
    /// The token starts with a spaced-like piece of Latin letters or digits
    /// that Han or Chinese punctuation closes (`2年度`).
    spaced_head: bool,
    /// The token ends with such a piece (`工艺于2`, `产品。1`).
    spaced_tail: bool,
    /// The token starts with digits that Han closes (`23年`): the last
    /// group of a number whose first digits were spaced out (`2 0 23年`).
    digits_head: bool,
}

/// Proposes the spacing edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let mut scratch = Scratch::default();
    let mut line_start = 0;
    for line_end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = &text[line_start..line_end];
        if memchr::memchr2(b' ', b'\t', line.as_bytes()).is_some() {
            line_edits(text, line_start, line, &mut scratch, out);
        }
        line_start = line_end + 1;
    }
}

/// `text` with its spaces as this pass and the quantities pass after it
/// leave them (the pipeline runs both until neither changes anything;
/// line breaks stay): for passes before them that judge a line by its
/// words (a list item's `3 .` is `3.`, and `2 . 5` is `2.5`), so that they
/// judge alike before and after.
///
/// The lines pass asks this of the same lines in each of its rounds over
/// a chunk, and of one line by several rules, so the answers are kept
/// ([`ClosedUp`]): closing up is a function of the text alone.
pub fn closed_up(text: &str) -> String {
    // Both passes judge only gaps (a line break the quantities pass
    // removes does not count here): text without one is closed up.
    if memchr::memchr2(b' ', b'\t', text.as_bytes()).is_none() {
        return text.to_owned();
    }
    if let Some(closed) = CLOSED_UP.with(|known| known.borrow().get(text)) {
        return closed;
    }
    let closed = close_up(text);
    CLOSED_UP.with(|known| known.borrow_mut().insert(text, &closed));
    closed
}

/// [`closed_up`], worked out.
fn close_up(text: &str) -> String {
    let mut text = text.to_owned();
    let mut edits = Vec::new();
    loop {
        edits.clear();
        self::edits(&text, &mut edits);
        if edits.is_empty() {
            quantity::edits(&text, &mut edits);
            edits.retain(|e| !text[e.range.clone()].contains('\n'));
            if edits.is_empty() {
                return text;
            }
        }
        text = crate::edit::apply(&text, &edits).0;
    }
}

thread_local! {
    static CLOSED_UP: RefCell<ClosedUp> = RefCell::default();
}

/// Texts this thread closed up lately, with the result: on a chunk, the
/// lines pass asks about 80% of its lines again. Forgotten all at once
/// past [`CLOSED_UP_BYTES`], as a chunk asks about a few dozen lines.
#[derive(Default)]
struct ClosedUp {
    known: HashMap<String, String>,
    bytes: usize,
}

/// How many bytes of text and results [`ClosedUp`] keeps.
const CLOSED_UP_BYTES: usize = 256 * 1024;

impl ClosedUp {
    fn get(&self, text: &str) -> Option<String> {
        self.known.get(text).cloned()
    }

    fn insert(&mut self, text: &str, closed: &str) {
        if self.bytes > CLOSED_UP_BYTES {
            self.known.clear();
            self.bytes = 0;
        }
        self.bytes += text.len() + closed.len();
        self.known.insert(text.to_owned(), closed.to_owned());
    }
}

/// The lines of `text` that `span` touches, closed up ([`closed_up`]) with
/// the line on either side, which the pass reads too (a lone spaced word
/// beside a letter-spaced line): one line of the result per line touched.
pub fn closed_up_in(text: &str, span: Range<usize>) -> String {
    let first = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let last_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let window_start = match first {
        0 => 0,
        _ => text[..first - 1].rfind('\n').map_or(0, |i| i + 1),
    };
    let window_end = match text.get(last_end + 1..) {
        Some(rest) => rest.find('\n').map_or(text.len(), |i| last_end + 1 + i),
        None => last_end,
    };
    let before = usize::from(window_start < first);
    let after = usize::from(last_end < window_end);
    let closed = closed_up(&text[window_start..window_end]);
    let lines: Vec<&str> = closed.split('\n').collect();
    lines[before..lines.len() - after].join("\n")
}

/// The buffers of [`line_edits`], kept from line to line: a page of spaced
/// text has a line with spaces every few dozen bytes, and allocating them
/// anew for each cost more than the judging.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    in_run: Vec<bool>,
    decisions: Vec<Decision>,
    pending: Vec<usize>,
    reaches: Vec<Reaches>,
}

impl Token {
    /// The token of `line` (at `base` in the text) that starts at `start`,
    /// a character other than a space or tab.
    ///
    /// A token of one character, the most common in a line spaced out
    /// letter by letter, is told by the byte after its first character and
    /// built from that character alone; only a longer token is searched
    /// for its end and read again.
    fn at(line: &str, base: usize, start: usize) -> Token {
        let bytes = line.as_bytes();
        let first = line[start..].chars().next().unwrap_or(' ');
        let after = start + first.len_utf8();
        if bytes.get(after).is_none_or(|&b| b == b' ' || b == b'\t') {
            return Token::single(first, base + start, base + after);
        }
        let end = token_end(bytes, after);
        let token = &line[start..end];
        let last = token.chars().next_back().unwrap_or(' ');
        let mut t = Token {
            start: base + start,
            end: base + end,
            first,
            last,
            spaced_like: is_spaced_like(token),
            spaced_head: false,
            digits_head: false,
            spaced_tail: false,
        };
        // Only Han or Chinese punctuation closes a piece at an edge: an
        // ASCII token (a word, a figure) is not read for one.
        if !token.is_ascii() {
            let head = edge_piece(token.chars());
            t.spaced_head = head.clone().is_some_and(is_spaced_like_chars);
            t.digits_head = head.is_some_and(|mut p| p.all(|c| c.is_ascii_digit()));
            t.spaced_tail = edge_piece(token.chars().rev()).is_some_and(is_spaced_like_chars);
        }
        t
    }

    /// A token of one character, judged without reading it again: it is
    /// spaced-like and has no piece at an edge that Han closes inside it.
    fn single(c: char, start: usize, end: usize) -> Token {
        Token {
            start,
            end,
            first: c,
            last: c,
            spaced_like: true,
            spaced_head: false,
            digits_head: false,
            spaced_tail: false,
        }
    }
}

/// The end of the token of `bytes` that starts at `start`: the next space
/// or tab. A token is mostly short (a letter of a spaced-out line), read
/// byte by byte, but can be a paragraph between two figures, which a
/// vector search crosses faster.
pub(crate) fn token_end(bytes: &[u8], start: usize) -> usize {
    let is_space = |b: &u8| *b == b' ' || *b == b'\t';
    let near = bytes.len().min(start + SHORT_TOKEN);
    match bytes[start..near].iter().position(is_space) {
        Some(n) => start + n,
        None => memchr::memchr2(b' ', b'\t', &bytes[near..]).map_or(bytes.len(), |n| near + n),
    }
}

/// How many bytes of a token [`token_end`] reads one by one before a
/// vector search takes over: a letter of a spaced-out line ends within
/// them, and the search costs more than that to start.
const SHORT_TOKEN: usize = 16;

fn line_edits(text: &str, base: usize, line: &str, scratch: &mut Scratch, out: &mut Vec<Edit>) {
    let Scratch {
        tokens,
        in_run,
        decisions,
        pending,
        reaches,
    } = scratch;
    tokens.clear();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' || bytes[i] == b'\t' {
            i += 1;
            continue;
        }
        let token = Token::at(line, base, i);
        i = token.end - base;
        tokens.push(token);
    }
    let stretches = word_spaced_stretches(tokens);
    if !stretches.is_empty() {
        // Undo the letter-spacing first; the rules below judge the words
        // when the pass runs again. The gap after a bullet opening the line
        // is its item's indent, a word gap however narrow (`- 第  ，`), as
        // rule 1 below and the lines pass read it.
        let text_of = |t: &Token| &text[t.start..t.end];
        let bulleted = tokens.len() > 1 && {
            let (marker, item) = (text_of(&tokens[0]), text_of(&tokens[1]));
            is_bullet(marker) || is_ascii_bullet(marker, item)
        };
        for stretch in stretches {
            for k in stretch.start..stretch.end - 1 {
                let (a, b) = (tokens[k], tokens[k + 1]);
                let (gap, wide) = (a.end..b.start, b.start - a.end > 1);
                if wide {
                    out.push(Edit::replace(gap, " ", Rule::SpacedRun));
                } else if !(k == 0 && bulleted) {
                    out.push(Edit::delete(gap, Rule::SpacedRun));
                }
            }
        }
        return;
    }
    if is_lone_spaced_word(text, tokens) && beside_letter_spaced_line(text, base, line.len()) {
        for pair in tokens.windows(2) {
            out.push(Edit::delete(pair[0].end..pair[1].start, Rule::SpacedRun));
        }
        return;
    }
    // in_run[k]: the gap after token k lies inside a spaced-out run. A run
    // goes through whole spaced-like tokens; it may start at a token's
    // spaced-like tail and end at one's head (`工艺于2 0 2 3 年`), and
    // such a token, which ends one run, may start the next.
    let gaps = tokens.len().saturating_sub(1);
    in_run.clear();
    in_run.resize(gaps, false);
    let mut k = 0;
    while k < tokens.len() {
        if !(tokens[k].spaced_like || tokens[k].spaced_tail) {
            k += 1;
            continue;
        }
        // A glued piece joins a run only through a neighbour of its own
        // kind: `企业2 1 3` is one number, `分散1 h 后` a number and its unit.
        // A run of two whole tokens or more is evidence enough for the
        // piece that ends it (`实现G a 2O 3单晶`).
        let kind = |c: char| if matches!(c, '.' | ',') { 0 } else { script(c) };
        let same_kind = |a: usize, b: usize| kind(tokens[a].last) == kind(tokens[b].first);
        // A glued letter before two whole Latin tokens, digits first, starts a
        // code (`将C 9 1 9 的`, but not `共B 2 类`); digits before letters
        // stay a number and its unit (`为6 m g / k g`).
        let code_follows = |k: usize| {
            tokens[k].last.is_ascii_alphabetic()
                && tokens[k + 1].first.is_ascii_digit()
                && (k + 1..k + 3).all(|j| {
                    tokens.get(j).is_some_and(|t| t.spaced_like)
                        && text[tokens[j].start..tokens[j].end].is_ascii()
                        && tokens[j].start - tokens[j - 1].end <= MAX_RUN_GAP
                })
        };
        let mut end = k;
        let mut wholes = usize::from(tokens[k].spaced_like);
        while end + 1 < tokens.len()
            && (end == k || tokens[end].spaced_like)
            && (tokens[end + 1].spaced_like
                || tokens[end + 1].spaced_head
                || (tokens[end + 1].digits_head && end > k && tokens[end].spaced_like))
            && tokens[end + 1].start - tokens[end].end <= MAX_RUN_GAP
            && (tokens[end].spaced_like || same_kind(end, end + 1) || code_follows(end))
            && (tokens[end + 1].spaced_like || same_kind(end, end + 1) || wholes >= 2)
        {
            end += 1;
            wholes += usize::from(tokens[end].spaced_like);
            if !tokens[end].spaced_like {
                break;
            }
        }
        let len = end + 1 - k;
        // Two partial tokens alone (`不少于1 m，`) are a number and its unit.
        if wholes > 0
            && (len >= MIN_SPACED_RUN || (len >= 2 && run_touches_han(text, tokens, k, end)))
        {
            in_run[k..end].iter_mut().for_each(|g| *g = true);
        }
        k = if end > k && !tokens[end].spaced_like {
            end
        } else {
            end + 1
        };
    }
    decisions.clear();
    decisions.extend((0..gaps).map(|g| decide(text, tokens, in_run, g)));
    resolve_name_lists(text, tokens, decisions, pending, reaches);
    for (g, &decision) in decisions.iter().enumerate() {
        let gap = tokens[g].end..tokens[g + 1].start;
        match decision {
            Decision::Remove(rule) => out.push(Edit::delete(gap, rule)),
            Decision::Heading if text[gap.clone()] != *" " => {
                out.push(Edit::replace(gap, " ", Rule::HeadingGap))
            }
            _ => {}
        }
    }
}

/// What becomes of the spaces between two tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decision {
    Keep,
    Remove(Rule),
    /// Between two Han words: kept if both stay words of two to four
    /// characters once the removable spaces around them are gone.
    NameList,
    /// After a heading's number or label opening the line: one space,
    /// however wide the layout set it (`1   引言` is `1 引言`).
    Heading,
}

/// What becomes of gap `g`, after token `g`.
///
/// A gap between Han, the commonest (`全 市 已 建 成`), is judged first,
/// apart from the other rules ([`decide_apart_from_han`]): none of them
/// can apply there, as each wants a bullet, a dash, a dot, a digit, a mark
/// or a sign beside the gap (and Chinese punctuation is no Han). Inlined
/// into the loop over a line's gaps, it judges such a gap without the
/// cost of a call that saves what the other rules need.
#[inline]
fn decide(text: &str, tokens: &[Token], in_run: &[bool], g: usize) -> Decision {
    let (a, b) = (&tokens[g], &tokens[g + 1]);
    if !(is_han(a.last) && is_han(b.first)) {
        decide_apart_from_han(text, tokens, in_run, g)
    } else if g == 0 && is_heading_label(&text[a.start..a.end]) {
        Decision::Heading
    } else if b.start - a.end == 1 {
        Decision::NameList
    } else {
        Decision::Remove(Rule::HanSpace)
    }
}

/// [`decide`] for a gap that is not between two Han characters.
fn decide_apart_from_han(text: &str, tokens: &[Token], in_run: &[bool], g: usize) -> Decision {
    let (a, b) = (&tokens[g], &tokens[g + 1]);
    // Most gaps are judged by the characters beside them: the tokens'
    // text is read only where a rule needs more.
    let left = || &text[a.start..a.end];
    let right = || &text[b.start..b.end];
    let (l, r) = (a.last, b.first);
    let item_follows = || {
        tokens
            .get(g + 2)
            .is_some_and(|t| text[t.start..t.end].starts_with(is_han))
    };
    if g == 0 && (is_bullet(left()) || is_ascii_bullet(left(), right())) {
        Decision::Keep
    } else if g == 0
        && right() == "."
        && left().bytes().all(|b| b.is_ascii_digit())
        && item_follows()
    {
        // The dot of a list number opening the line, spaced off (`1 . 澜芯`,
        // not the decimal point of `1 2 . 7 %`).
        Decision::Remove(Rule::SpacedRun)
    } else if year_after_section_number(text, tokens, g) {
        // `4 . 1 2 0 2 4 年经营计划` is `4.1 2024年经营计划`: no figure
        // runs on into a year. The gap is a heading's, one space however
        // wide the layout left it.
        Decision::Heading
    } else if is_cjk_punct(l) || is_cjk_punct(r) {
        Decision::Remove(Rule::HanSpace)
    } else if is_mark_sign(r) {
        Decision::Remove(Rule::MarkSign)
    } else if in_run[g] {
        Decision::Remove(Rule::SpacedRun)
    } else if joins_han(left()) && (is_han(r) || r.is_ascii_alphanumeric()) {
        Decision::Remove(Rule::HanSpace)
    } else if (is_han(l) && is_latin_text(r)) || (is_latin_text(l) && is_han(r)) {
        let section_number = g == 0
            && ((is_section_number(left())
                && !quantity::opens_count(left(), &text[b.start..tokens[tokens.len() - 1].end]))
                || is_heading_label(left()));
        let page_number = g + 2 == tokens.len() && right().bytes().all(|b| b.is_ascii_digit());
        if section_number {
            Decision::Heading
        } else if page_number || !latin_between_han(text, tokens, in_run, g, is_han(l)) {
            Decision::Keep
        } else {
            Decision::Remove(Rule::HanSpace)
        }
    } else {
        Decision::Keep
    }
}

/// A registered or trade mark sign, which belongs to the name before it
/// (`VitaFlow®`, `汉利康®`): no author spaces it off, but letter-spacing
/// does.
fn is_mark_sign(c: char) -> bool {
    matches!(c, '®' | '™')
}

/// Settles the name-list candidates. A candidate's words are judged as they
/// will read after the other removals (`第中 中中` after a removed gap is
/// `中中中第中 中中`), and removing one candidate can lengthen the words of
/// its neighbours, so a removal puts the nearest candidates on either side
/// back on the list to judge, until the list is empty. That makes the pass
/// idempotent. Rounds over the whole line would be quadratic on a line of
/// spaced Han (`中 中 中 …`, every gap a candidate that falls), and so would
/// a scan to the nearest kept gap; a word is judged by at most five Han
/// characters, so both look only that far.
///
/// The words are read only on a line with a candidate: most have none.
fn resolve_name_lists(
    text: &str,
    tokens: &[Token],
    decisions: &mut [Decision],
    pending: &mut Vec<usize>,
    reaches: &mut Vec<Reaches>,
) {
    pending.clear();
    pending.extend(
        (0..decisions.len())
            .rev()
            .filter(|&g| decisions[g] == Decision::NameList),
    );
    if pending.is_empty() {
        return;
    }
    reaches.clear();
    reaches.extend(tokens.iter().map(|t| Reaches::of(text, t)));
    while let Some(g) = pending.pop() {
        if decisions[g] != Decision::NameList {
            continue;
        }
        let removed = |g: usize| matches!(decisions.get(g), Some(Decision::Remove(_)));
        let left_word = || {
            (!(g > 0 && removed(g - 1)) && is_radical_word(tokens, g))
                || standalone_word(reaches, decisions, g, Side::Left)
        };
        let right_word = || {
            (!removed(g + 1) && is_radical_word(tokens, g + 1))
                || standalone_word(reaches, decisions, g + 1, Side::Right)
        };
        // The right word first: on a line of spaced Han, settled from
        // its start, it is one character whose gap is still pending, and
        // fails at once where the left one reads back four.
        let stays = right_word() && left_word();
        if stays {
            continue;
        }
        decisions[g] = Decision::Remove(Rule::HanSpace);
        for side in [Side::Left, Side::Right] {
            if let Some(n) = neighbour(reaches, decisions, g, side) {
                pending.push(n);
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// The tokens joined to token `k` on one side by removed gaps, nearest
/// first: the token itself, then across each removed gap.
fn joined(decisions: &[Decision], k: usize, side: Side) -> impl Iterator<Item = usize> + '_ {
    let removed = |g: usize| matches!(decisions.get(g), Some(Decision::Remove(_)));
    std::iter::successors(Some(k), move |&k| match side {
        Side::Left => (k > 0 && removed(k - 1)).then(|| k - 1),
        Side::Right => removed(k).then_some(k + 1),
    })
}

/// How far a word reads into one token, from the edge that faces a gap.
#[derive(Clone, Copy, Debug)]
struct Reach {
    /// The Han characters read, counted to five: one past the longest word.
    han: u8,
    stop: Stop,
}

/// What stopped the reading of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// The token's far edge: the word may go on across a removed gap.
    Edge,
    /// Punctuation: the word ends there.
    Punct,
    /// Anything else, or a fifth Han character: no word of two to four.
    Other,
}

/// How far a word reads into a token from either edge.
#[derive(Clone, Copy, Debug)]
struct Reaches {
    /// For a word left of a gap, from the token's end.
    back: Reach,
    /// For a word right of a gap, from the token's start.
    forward: Reach,
}

impl Reaches {
    /// Inlined into the loop that reads a line's tokens: most are one
    /// character, read in a few instructions, fewer than a call costs.
    #[inline]
    fn of(text: &str, t: &Token) -> Reaches {
        // A token of one character, as in a line of spaced Han, reads
        // alike from both ends.
        if t.end - t.start == t.first.len_utf8() {
            let reach = Reach::read(std::iter::once(t.first));
            return Reaches {
                back: reach,
                forward: reach,
            };
        }
        let token = &text[t.start..t.end];
        Reaches {
            back: Reach::read(token.chars().rev()),
            forward: Reach::read(token.chars()),
        }
    }
}

/// The reach of token `k`, read away from the gap: backward from its end
/// when the word lies left of the gap, forward from its start when right.
fn reach(reaches: &[Reaches], k: usize, side: Side) -> Reach {
    match side {
        Side::Left => reaches[k].back,
        Side::Right => reaches[k].forward,
    }
}

impl Reach {
    /// The reach into `chars`, a token's characters from the edge that
    /// faces the gap. Inlined, it reads a token of one character, the
    /// commonest, without a loop.
    #[inline]
    fn read(chars: impl Iterator<Item = char>) -> Reach {
        let mut han = 0;
        for c in chars {
            if !is_han(c) {
                let stop = if is_punct(c) {
                    Stop::Punct
                } else {
                    Stop::Other
                };
                return Reach { han, stop };
            }
            han += 1;
            if han > 4 {
                return Reach {
                    han,
                    stop: Stop::Other,
                };
            }
        }
        Reach {
            han,
            stop: Stop::Edge,
        }
    }
}

/// The nearest name-list candidate on one side of the removed gap `g` whose
/// word now reaches across `g`, if its verdict can have changed: not when
/// the word between them already ends (more than four Han, or another
/// character), since [`standalone_word`] never reads further.
fn neighbour(reaches: &[Reaches], decisions: &[Decision], g: usize, side: Side) -> Option<usize> {
    let start = match side {
        Side::Left => g,
        Side::Right => g + 1,
    };
    let mut han = 0;
    let mut last = start;
    for k in joined(decisions, start, side) {
        let r = reach(reaches, k, side);
        han += usize::from(r.han);
        if han > 4 || r.stop != Stop::Edge {
            return None;
        }
        last = k;
    }
    let n = match side {
        Side::Left => last.checked_sub(1)?,
        Side::Right => last,
    };
    (decisions.get(n) == Some(&Decision::NameList)).then_some(n)
}

/// Whether the Latin phrase on one side of gap `g` (tokens joined by
/// single spaces) has Han text, Chinese punctuation other than a closing
/// bracket after it, or the line's edge on its far side: `开展 2024 年度`,
/// `达到 46.3%，`, `提升到 400 Wh/kg 以上`, `2023 年，`, `》2023 年`, but
/// not `上海 200237）`. A bullet or list number opening the line stands
/// where the line's edge would (`•10 月`, `1. 2024 年度`). A phrase without
/// a letter or digit (`- 营业收入`) is not Latin text.
fn latin_between_han(
    text: &str,
    tokens: &[Token],
    in_run: &[bool],
    g: usize,
    latin_on_right: bool,
) -> bool {
    // After a postal code (six digits), a closing bracket ends the address
    // that the code stands apart in (`（上海 200237）`); any other closing
    // mark after the phrase, or one before it, is Chinese punctuation like
    // the rest.
    let far_cjk = |c: char, digits: Option<usize>| {
        is_han(c) || (is_cjk_punct(c) && !(latin_on_right && c == '）' && digits == Some(6)))
    };
    let tok = |k: usize| &text[tokens[k].start..tokens[k].end];
    let is_latin = is_latin_text;
    let has_alnum = |s: &str| s.contains(char::is_alphanumeric);
    // Tokens stay one phrase across a single space between Latin words
    // (an English name's brackets and abbreviations included: `Hengyuan
    // Precision (Singapore) Pte. Ltd.`), or across a gap that a spaced-out
    // run will remove anyway.
    let glued = |left: usize| {
        in_run[left]
            || (tokens[left + 1].start - tokens[left].end == 1
                && tok(left + 1).starts_with(|c: char| c.is_ascii_alphanumeric() || c == '(')
                && ends_latin_word(tok(left)))
    };
    let mut alnum = false;
    // The phrase's digits, while it has nothing else: six are a postal
    // code, even spaced out (`2 3 0 0 2 6`).
    let mut digits = Some(0);
    let mut k = if latin_on_right { g + 1 } else { g };
    loop {
        let t = tok(k);
        // The token's Latin text from the edge that faces the gap, and the
        // character that ends it. Printable ASCII, most of it, is all Latin
        // text: passed byte by byte before the rest is decoded.
        let (latin, rest) = if latin_on_right {
            let ascii = t.bytes().position(|b| !b.is_ascii_graphic());
            let rest = t[ascii.unwrap_or(t.len())..].trim_start_matches(is_latin);
            (&t[..t.len() - rest.len()], rest.chars().next())
        } else {
            let ascii = t.bytes().rposition(|b| !b.is_ascii_graphic());
            let rest = t[..ascii.map_or(0, |i| i + 1)].trim_end_matches(is_latin);
            (&t[rest.len()..], rest.chars().next_back())
        };
        alnum |= has_alnum(latin);
        digits = digits
            .filter(|_| latin.bytes().all(|b| b.is_ascii_digit()))
            .map(|d| d + latin.len());
        if let Some(c) = rest {
            let bullet = !latin_on_right && k == 0 && is_bullet(&t[..t.len() - latin.len()]);
            return alnum && (far_cjk(c, digits) || bullet);
        }
        let next = if latin_on_right {
            (k + 1 < tokens.len()).then_some(k + 1)
        } else {
            k.checked_sub(1)
        };
        let Some(next) = next else { return alnum };
        if !latin_on_right && next == 0 && opens_item(tok(0)) {
            return alnum;
        }
        if !glued(k.min(next)) {
            let edge = if latin_on_right {
                tok(next).chars().next()
            } else {
                tok(next).chars().next_back()
            };
            return alnum && edge.is_some_and(|c| far_cjk(c, digits));
        }
        k = next;
    }
}

/// Whether a token ends as a word of a Latin phrase does: with a letter or
/// digit, a closing bracket, or an abbreviation's period (`Ltd.`, but not
/// the `1.` of a section number `1. 1`, spaced out).
fn ends_latin_word(token: &str) -> bool {
    let body = token.strip_suffix('.').unwrap_or(token);
    match body.chars().next_back() {
        Some(c) if body.len() < token.len() => c.is_ascii_alphabetic(),
        Some(c) => c.is_ascii_alphanumeric() || c == ')',
        None => false,
    }
}

/// The stretches of a line (ranges of its tokens) letter-spaced at one
/// space with wider gaps between their words (`t o t a l   l o a d i n g
/// o f`, `王 强   刘 洋`): some extractors write a space of letter-spaced
/// text as a wider gap. A stretch runs between one-space gaps that are not
/// between single letters (the word spaces of text around it that is not
/// spaced out, `出行服务（M o b i l i t y   a s   a   S e r v i c e）`
/// once its Han are closed up). It counts where all its one-space gaps lie
/// between single letters, at least [`MIN_SPACED_RUN`] of them, beside a
/// wider gap. There every one-space gap is letter-spacing, however short
/// the word, and a wider gap is one space between words.
fn word_spaced_stretches(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut stretches = Vec::new();
    let (mut start, mut letter_gaps, mut wide) = (0, 0, false);
    for k in 0..tokens.len() {
        let next = tokens.get(k + 1);
        let ends = match next {
            None => true,
            Some(b) => {
                let a = tokens[k];
                if b.start - a.end > 1 {
                    wide = true;
                    false
                } else if (a.spaced_like || a.spaced_tail) && (b.spaced_like || b.spaced_head) {
                    letter_gaps += 1;
                    false
                } else {
                    true
                }
            }
        };
        if ends {
            if wide && letter_gaps >= MIN_SPACED_RUN {
                stretches.push(start..k + 1);
            }
            (start, letter_gaps, wide) = (k + 1, 0, false);
        }
    }
    stretches
}

/// Whether the line is one short word spaced out letter by letter, too
/// short for a run of its own (`a n d`, `o f`, as an extractor that puts
/// each word of a letter-spaced English line on a line of its own writes
/// them): single Latin letters, one space apart, ending in at most a mark.
fn is_lone_spaced_word(text: &str, tokens: &[Token]) -> bool {
    let letter = |t: &Token| {
        let mut chars = text[t.start..t.end].chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_punctuation())
    };
    (2..MIN_SPACED_RUN).contains(&tokens.len())
        && tokens.iter().all(letter)
        && tokens.windows(2).all(|p| p[1].start - p[0].end == 1)
}

/// Whether the line before or after the one at `base` is letter-spaced
/// Latin text: at least [`MIN_SPACED_RUN`] one-space gaps, all between
/// single characters. Beside such a line, a lone spaced word is its
/// neighbour's letter-spacing, not three capitals (`A B C`). Each line is
/// read at most twice, as the neighbour of the lines around it, and only
/// beside a lone spaced word.
fn beside_letter_spaced_line(text: &str, base: usize, len: usize) -> bool {
    let before = text[..base.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .filter(|_| base > 0);
    let after = text
        .get(base + len + 1..)
        .and_then(|rest| rest.split('\n').next());
    before.is_some_and(is_letter_spaced) || after.is_some_and(is_letter_spaced)
}

/// Whether a line is letter-spaced Latin text: at least
/// [`MIN_SPACED_RUN`] gaps, every token one character, one space apart.
fn is_letter_spaced(line: &str) -> bool {
    let mut tokens = 0;
    for token in line.trim_end().split(' ') {
        let mut chars = token.chars();
        let single =
            chars.next().is_some_and(|c| c.is_ascii() && c != ' ') && chars.next().is_none();
        if !single {
            return false;
        }
        tokens += 1;
    }
    tokens > MIN_SPACED_RUN
}

/// Whether a run of tokens `k..=end` holds Han or sits between Han text
/// (`台——近 2 0 家。`): letter-spacing in Chinese text, where two spaced
/// digits are evidence enough.
fn run_touches_han(text: &str, tokens: &[Token], k: usize, end: usize) -> bool {
    let cjk = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punct(c));
    let inside = tokens[k..=end]
        .iter()
        .any(|t| text[t.start..t.end].chars().any(is_han));
    let before = k > 0 && cjk(Some(tokens[k - 1].last));
    let after = tokens.get(end + 1).is_some_and(|t| cjk(Some(t.first)));
    inside || (before && after)
}

/// A token that looks like one letter of a letter-spaced run: after
/// stripping punctuation, one character, or two of different scripts
/// (`2O` in `G a 2O 3`, or `和1` where a line join glued two letters of a
/// spaced run together).
pub(crate) fn is_spaced_like(token: &str) -> bool {
    is_spaced_like_chars(token.chars())
}

/// The Latin letters and digits at one edge of a token, read from that
/// edge, when Han or Chinese punctuation closes them inside the token:
/// `2` of `工艺于2`. `None` when the edge is not Latin or nothing closes it
/// (`0.11`, `ARJ21`): such a token is judged whole.
fn edge_piece<I: Iterator<Item = char> + Clone>(
    chars: I,
) -> Option<impl Iterator<Item = char> + Clone> {
    let is_latin = |c: char| c.is_ascii_alphanumeric() || c.is_ascii_punctuation();
    // Read the piece once; a token's long Han remainder is never walked.
    let mut len = 0;
    let mut alnum = false;
    let mut rest = chars.clone();
    let closed = loop {
        match rest.next() {
            Some(c) if is_latin(c) => {
                len += 1;
                alnum |= c.is_ascii_alphanumeric();
            }
            Some(c) => break is_han(c) || is_cjk_punct(c),
            None => break false,
        }
    };
    (alnum && closed).then(|| chars.take(len))
}

/// One letter, two of different scripts, or the letters of one f-ligature
/// glyph (`ff`, `fi`, `fl`, `ffi`, `ffl`: `e ffi c i e n t`), which the
/// font drew as one letter of the spaced-out run.
///
/// Two letters of one script that make no ligature settle it without a
/// third: a token is mostly a word, read no further than that.
fn is_spaced_like_chars(chars: impl Iterator<Item = char>) -> bool {
    let mut core = chars.filter(|&c| !is_punct(c));
    let (Some(a), Some(b)) = (core.next(), core.next()) else {
        return true;
    };
    if (a, b) == ('f', 'f') {
        return matches!(
            (core.next(), core.next()),
            (None, _) | (Some('i' | 'l'), None)
        );
    }
    (script(a) != script(b) || is_ligature_pair(a, b)) && core.next().is_none()
}

fn is_ligature_pair(a: char, b: char) -> bool {
    a == 'f' && matches!(b, 'f' | 'i' | 'l')
}

/// Whether gap `g` parts a section number opening the line from a year
/// after it: both spaced out alike (`4 . 1 2 0 2 4 年`), or neither
/// (`4.1   2024年`).
fn year_after_section_number(text: &str, tokens: &[Token], g: usize) -> bool {
    let tok = |k: usize| &text[tokens[k].start..tokens[k].end];
    // A section number spaced out has at most five tokens and opens with a
    // digit: most gaps are judged without reading the line, and most lines
    // without building a number.
    if g > 4 || !tokens[0].first.is_ascii_digit() {
        return false;
    }
    let spaced_out = (0..=g).all(|k| tok(k).len() == 1);
    if !(spaced_out || g == 0) {
        return false;
    }
    let number: String = (0..=g).map(tok).collect();
    if !is_section_number(&number) {
        return false;
    }
    tokens.get(g + 1).is_some_and(|next| {
        let line_end = tokens[tokens.len() - 1].end;
        crate::chars::opens_with_year(&text[next.start..line_end])
    })
}

/// `1`, `2.1`, `3.4.2`, `1.`: a section number (not `2023`, a year).
fn is_section_number(token: &str) -> bool {
    token.len() <= 8
        && token.starts_with(|c: char| c.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && (token.contains('.') || token.len() <= 2)
}

/// A `+` or `/` glued to the Han before it (`空压机+`, `美元/`): an author
/// spaces such a mark on both sides or on neither, so a space after it
/// alone is letter-spacing (`空压机+ 冷干机`, `美元/ 桶`).
fn joins_han(token: &str) -> bool {
    let mut back = token.chars().rev();
    matches!(back.next(), Some('+' | '/')) && back.next().is_some_and(is_han)
}

/// A bullet or a list or section number that opens a line (`•`, `1.`,
/// `2.1`): the start of an item, as the line's edge is.
fn opens_item(token: &str) -> bool {
    is_bullet(token) || is_section_number(token)
}

/// A list bullet standing alone before its item (`• 【危险】…`): the space
/// after it is the item's indent, kept as the lines pass writes it.
fn is_bullet(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(crate::chars::is_bullet) && chars.next().is_none()
}

/// Digits, Latin letters, Han and the rest, for telling `2O` from `am`.
fn script(c: char) -> u8 {
    if c.is_ascii_digit() {
        0
    } else if c.is_ascii_alphabetic() {
        1
    } else if is_han(c) {
        2
    } else {
        3
    }
}

/// ASCII or Chinese punctuation. An ASCII character is told by one test.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation()
    } else {
        is_cjk_punct(c)
    }
}

/// Whether token `k` is one radical standing as a word of its own: an
/// entry of a radical table (`一画 ⼀ ⼁ ⼂`, `部首 ⼈ 例字`). A radical
/// beside a single ideograph is a letter of spaced-out text instead
/// (`⼈ ⼯ 智 能`, where the font's encoding put `⼈` for `人`).
fn is_radical_word(tokens: &[Token], k: usize) -> bool {
    let single = |k: usize| {
        let t = tokens[k];
        (t.end - t.start == t.first.len_utf8()).then_some(t.first)
    };
    let lone_ideograph = |k: usize| single(k).is_some_and(|c| is_han(c) && !is_radical(c));
    single(k).is_some_and(is_radical)
        && !(k > 0 && lone_ideograph(k - 1))
        && !(k + 1 < tokens.len() && lone_ideograph(k + 1))
}

/// Whether the word that starts at token `k` and reads away from the gap,
/// across removed gaps, is two to four Han characters that then end (at
/// the line's edge, a kept gap or punctuation).
fn standalone_word(reaches: &[Reaches], decisions: &[Decision], k: usize, side: Side) -> bool {
    let mut han = 0;
    for k in joined(decisions, k, side) {
        let r = reach(reaches, k, side);
        han += usize::from(r.han);
        match r.stop {
            Stop::Edge if han <= 4 => continue,
            Stop::Punct => break,
            _ => return false,
        }
    }
    (2..=4).contains(&han)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected, why)
    const CASES: &[(&str, &str, &str)] = &[
        (
            "4 . 1 2 0 2 4 年 经 营 计 划",
            "4.1 2024年经营计划",
            "a year after a section number, spaced out alike, is no part of it",
        ),
        (
            "4.1      2024年经营计划",
            "4.1 2024年经营计划",
            "and the layout's wide gap there is a heading's, one space",
        ),
        (
            "并通过全资子公司 Hengyuan Precision (Singapore) Pte. Ltd.和控股子公司",
            "并通过全资子公司Hengyuan Precision (Singapore) Pte. Ltd.和控股子公司",
            "an English name's brackets and abbreviations keep it one Latin phrase",
        ),
        (
            "1 . 1 发展现状",
            "1 . 1 发展现状",
            "but a spaced section number's point is no abbreviation's (the quantities pass closes it up)",
        ),
        (
            "自主研发的VitaFlow ®经导管主动脉",
            "自主研发的VitaFlow®经导管主动脉",
            "a registered sign belongs to the name before it",
        ),
        (
            "新药九期一 ™获批",
            "新药九期一™获批",
            "and a trade mark sign, after Han too",
        ),
        (
            "• ®商标说明",
            "• ®商标说明",
            "a bullet keeps its space even before a sign",
        ),
        (
            "全 市 已 建 成 或 培 育",
            "全市已建成或培育",
            "justified Han, one char per token",
        ),
        (
            "平 台 近 2 0 家，培育",
            "平台近20家，培育",
            "digits inside a spaced Han run",
        ),
        (
            "技 术 、I G B T 输 出 特 性 的",
            "技术、IGBT输出特性的",
            "spaced Latin acronym",
        ),
        (
            "首 次 实 现 G a 2O 3",
            "首次实现Ga2O3",
            "spaced formula with a digit-letter pair",
        ),
        (
            "挪 威 D N V 船 级 社 的 S I L E N T- R 认 定 证",
            "挪威DNV船级社的SILENT-R认定证",
            "hyphen inside a spaced run",
        ),
        (
            "1 0 4 、1 0 5 架 机 实 现 首 飞，",
            "104、105架机实现首飞，",
            "spaced numbers with a list comma",
        ),
        (
            "获 得 I n 含 量 1 1 %的",
            "获得In含量11%的",
            "mixed run with percent",
        ),
        (
            "利 用“ 万 能 离 子 刀 ”智 能",
            "利用“万能离子刀”智能",
            "spaces beside Chinese quotes",
        ),
        (
            "最大的特点 是 噪音",
            "最大的特点是噪音",
            "justification gap between words",
        ),
        (
            "第2部分      强化技术攻关",
            "第2部分 强化技术攻关",
            "a chapter marker opening a line keeps its gap, as one space",
        ),
        (
            "全市      强化技术攻关",
            "全市强化技术攻关",
            "wide gap between Han",
        ),
        (
            "heat transfer coefficient",
            "heat transfer coefficient",
            "English words keep their spaces",
        ),
        (
            "ARJ21 C919 CR929",
            "ARJ21 C919 CR929",
            "codes are separate tokens",
        ),
        ("张伟 李娜 王强 赵敏", "张伟 李娜 王强 赵敏", "a name list"),
        (
            "张伟 李娜 王强 赵敏刘洋陈明",
            "张伟李娜王强赵敏刘洋陈明",
            "a word too long for a name list undoes the list from its end back",
        ),
        (
            "中 中 中 中 中 中 中 中",
            "中中中中中中中中",
            "spaced single Han are no name list",
        ),
        (
            "参会人员：陈明 刘洋 周婷",
            "参会人员：陈明 刘洋 周婷",
            "a name list after a colon",
        ),
        ("2.1 推进研发与转化", "2.1 推进研发与转化", "section number"),
        (
            "选项 A 和 B",
            "选项A和B",
            "a space between Han and Latin is the typesetter's",
        ),
        (
            "开展 2024 年度中小企业",
            "开展2024年度中小企业",
            "autospacing between Han and digits",
        ),
        ("1 引言", "1 引言", "a section number opening a line"),
        (
            "1   引言",
            "1 引言",
            "a section number's wide gap (a heading's layout) becomes one space",
        ),
        ("2.1\t推进", "2.1 推进", "and a tab after a section number"),
        (
            "第1章   总则",
            "第1章 总则",
            "a heading label's wide gap becomes one space",
        ),
        (
            "图1-1   文本抽取流程",
            "图1-1 文本抽取流程",
            "a caption label's too",
        ),
        (
            "2023 年，集聚区",
            "2023年，集聚区",
            "a year opening a line is not a section number",
        ),
        (
            "分别占比 28.1% 和 19.5%。",
            "分别占比28.1%和19.5%。",
            "percentages between Han",
        ),
        ("- 营业收入", "- 营业收入", "a list dash keeps its space"),
        (
            "第三章 方法与实现 29",
            "第三章 方法与实现 29",
            "a chapter heading in a table of contents",
        ),
        (
            "• 窄禁带材料",
            "• 窄禁带材料",
            "a bullet's space is not between Han and Latin",
        ),
        (
            "华东理工（上海 200237）",
            "华东理工（上海 200237）",
            "a postal code before a closing bracket",
        ),
        (
            "提升到 400 Wh/kg 以上，同比增长 46.3%，",
            "提升到400 Wh/kg以上，同比增长46.3%，",
            "a Latin phrase between Han text",
        ),
        (
            "第一章 绪论 3",
            "第一章 绪论 3",
            "a table of contents: heading words and a page number",
        ),
        ("A B C", "A B C", "three single letters are not a run"),
        (
            "各 类 平 台——近 2 0 家。",
            "各类平台——近20家。",
            "two spaced digits between Han text",
        ),
        (
            "version 2 0 of it",
            "version 2 0 of it",
            "two spaced digits in English are not evidence",
        ),
        (
            "现有规模以上企业2 1 3 家，从业人员约8 . 6万人",
            "现有规模以上企业213家，从业人员约8.6万人",
            "digits of a spaced number glued to the Han beside it (pymupdf)",
        ),
        (
            "集聚区2 0 2 3",
            "集聚区2023",
            "a glued digit opens the run at a line's end",
        ),
        (
            "已形成从E D A工具、中低端C P U配套",
            "已形成从EDA工具、中低端CPU配套",
            "letters of a spaced word glued to the Han beside them",
        ),
        (
            "《学报》2 0 2 3 年第6期",
            "《学报》2023年第6期",
            "a digit glued to a Chinese mark",
        ),
        (
            "型号ARJ21 C919",
            "型号ARJ21 C919",
            "codes are no glued letters",
        ),
        (
            "超声分散1 h 后加入，共B 2 类",
            "超声分散1 h后加入，共B 2类",
            "a number and its unit, or a letter and a number, are no spaced run",
        ),
        (
            "It is a test of the Snap-back effect",
            "It is a test of the Snap-back effect",
            "short English words",
        ),
        (
            "使用 Python 和 Rust 开发",
            "使用Python和Rust开发",
            "pangu-style spacing is removed like autospacing",
        ),
        (
            "version 20 of it",
            "version 20 of it",
            "numbers in English keep their spaces",
        ),
        (
            "Hello ， 世界 。",
            "Hello，世界。",
            "spaces beside Chinese punctuation",
        ),
        (
            "一画 ⼀ ⼁ ⼂ ⼃",
            "一画 ⼀ ⼁ ⼂ ⼃",
            "a radical table: each radical is a word",
        ),
        (
            "部首 ⼈ 例字：仁、休",
            "部首 ⼈ 例字：仁、休",
            "one radical between two words",
        ),
        (
            "⼈ ⼯ 智 能",
            "⼈⼯智能",
            "radicals beside lone ideographs are spaced-out letters",
        ),
        (
            "• 【危险】表示",
            "• 【危险】表示",
            "the space after a bullet is the item's indent",
        ),
        (
            "附录A 术语表 60",
            "附录A 术语表 60",
            "an appendix label opens a heading",
        ),
        (
            "图1-1 文本抽取流程示意图 4",
            "图1-1 文本抽取流程示意图 4",
            "a figure number opens a caption",
        ),
        (
            "表 2 - 1 常 见",
            "表2-1常见",
            "a spaced-out label is no label",
        ),
        (
            "产品。1 4n m F i n F E T 工艺于2 0 2 3 年第二季度",
            "产品。14nmFinFET工艺于2023年第二季度",
            "runs start and end inside tokens glued to Han (pymupdf)",
        ),
        (
            "不少于1 m，以保证",
            "不少于1 m，以保证",
            "a number and its unit, neither spaced out",
        ),
        (
            "let s = \"你好\";",
            "let s = \"你好\";",
            "code: punctuation alone is no spaced letter",
        ),
        (
            "覆盖 0.18μm 至90nm",
            "覆盖0.18μm至90nm",
            "units with Greek letters are Latin text",
        ),
        (
            "散度由±1.8V 缩小",
            "散度由±1.8V缩小",
            "signs are Latin text",
        ),
        (
            "〔2024〕17 号",
            "〔2024〕17号",
            "a closing bracket before the phrase closes earlier text",
        ),
        (
            "选取原子半径差 δ、混合焓",
            "选取原子半径差δ、混合焓",
            "a Greek letter alone is a Latin phrase",
        ),
        (
            "Ⅰ 类断面4个，Ⅱ 类断面22个，满足 Ⅲ 类标准",
            "Ⅰ类断面4个，Ⅱ类断面22个，满足Ⅲ类标准",
            "Roman numerals are Latin text",
        ),
        (
            "t o t a l   l o a d i n g   o f   2 5   w t %   a n d   a   m a s s",
            "total loading of 25 wt% and a mass",
            "wider gaps in a letter-spaced line are word spaces, made one space",
        ),
        (
            "The plan adopts M o b i l i t y   a s   a   S e r v i c e now.",
            "The plan adopts Mobility as a Service now.",
            "so are those of a letter-spaced stretch among words that are not spaced out",
        ),
        (
            "- 双 特 异 性   抗 体 治 疗\n",
            "- 双特异性 抗体治疗\n",
            "the gap after a bullet in a letter-spaced line is the item's indent",
        ),
        (
            "王 强  刘 洋  张 伟  李 娜",
            "王强 刘洋 张伟 李娜",
            "a letter-spaced name list (judged as one when the pass runs again)",
        ),
        (
            "2 . 1   经 营 情 况",
            "2.1 经营情况",
            "a letter-spaced section number",
        ),
        (
            "镍 产 品 可 达 3 0 0  W h / k g 以 上",
            "镍产品可达300 Wh/kg以上",
            "a number and its unit apart in letter-spaced text",
        ),
        (
            "t h e   e ff e c t s   o f   t o t a l   fi l l e r",
            "the effects of total filler",
            "the letters of a ligature are one letter of the run",
        ),
        (
            "1 . 澜芯微电子1 2 英寸三期项目",
            "1. 澜芯微电子12英寸三期项目",
            "the dot of a list number, spaced off",
        ),
        (
            "1 2 . 7 亿 元",
            "12.7亿元",
            "a decimal point after digits opening a line",
        ),
        (
            "9 月下旬，人民银行宣布",
            "9月下旬，人民银行宣布",
            "a number opening a sentence before a unit is a date, not a section number",
        ),
        (
            "2.4 万只，创下纪录",
            "2.4万只，创下纪录",
            "a decimal and its magnitude opening a sentence",
        ),
        (
            "2 人工智能",
            "2 人工智能",
            "a heading that opens with a unit word has no comma",
        ),
        (
            "4. 总投资27亿元，重点建设",
            "4. 总投资27亿元，重点建设",
            "a list number with its dot is never a count",
        ),
        (
            "•10 月10日（星期四）举行",
            "•10月10日（星期四）举行",
            "a bullet glued to a number stands where the line's edge would",
        ),
        (
            "1. 2024 年度中小企业",
            "1. 2024年度中小企业",
            "a list number opening the line stands where the line's edge would",
        ),
        (
            "推荐以“济麦 44”“烟农 1212”为主",
            "推荐以“济麦44”“烟农1212”为主",
            "a closing quote after the phrase is Chinese punctuation",
        ),
        (
            "润滑油（约 4.5 L）和（简称 MaaS）平台",
            "润滑油（约4.5 L）和（简称MaaS）平台",
            "a closing bracket after anything but a postal code is punctuation too",
        ),
        (
            "器件研究所，合肥 2 3 0 0 2 6 ）",
            "器件研究所，合肥 230026）",
            "a spaced-out postal code is a postal code",
        ),
        (
            "明年计划将C 9 1 9 的运营航线",
            "明年计划将C919的运营航线",
            "a glued letter before spaced digits starts a code",
        ),
        (
            "负荷剂量为6 m g / k g ，每日",
            "负荷剂量为6 mg/kg，每日",
            "glued digits before spaced letters stay a number and its unit",
        ),
        (
            "m e c h a n i c a l \na n d \np r o p e r t i e s ",
            "mechanical \nand \nproperties ",
            "a lone spaced word beside letter-spaced lines is letter-spacing",
        ),
        (
            "A B C\nheat transfer coefficient",
            "A B C\nheat transfer coefficient",
            "a lone spaced word beside other text stays",
        ),
        (
            "传统的“空压机+ 冷干机+ 过滤器”，报71.8美元/ 桶",
            "传统的“空压机+冷干机+过滤器”，报71.8美元/桶",
            "a space after a mark glued to Han only is letter-spacing",
        ),
        (
            "推广“P + R”模式，单位km/ h",
            "推广“P + R”模式，单位km/ h",
            "a mark spaced on both sides, or glued to Latin, keeps its spaces",
        ),
        (
            "（一）PD-1 抑制剂",
            "（一）PD-1抑制剂",
            "an enumeration before a code",
        ),
    ];

    #[test]
    fn table() {
        crate::edit::testing::check(edits, CASES);
    }
}
