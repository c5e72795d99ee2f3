//! The lines pass: for every line break, end of block or a wrap inside one.
//!
//! An extractor ends a line wherever the PDF's layout did. zhtidy's output
//! has one block (paragraph, heading, list item) per line, so every break
//! between two non-blank lines is judged, in this order:
//!
//! 1. The next line starts with punctuation that cannot start a block
//!    (`，。、；：）》”`...), or the previous line stops at a mark that
//!    cannot end one (an opening bracket or quote, a range's `～`): a
//!    wrap.
//! 2. The previous line is a bullet alone (`•`) or a section number alone
//!    (`1 . 1`, whose title the layout's wide gap moved to the next line):
//!    it belongs to the next line. The lines of a document's wrapped title
//!    join (see [`title_wraps`]), and so do those of a title or keywords
//!    field of the front matter that stops mid-phrase (see
//!    [`field_wraps`]). A bullet alone after a full line that
//!    stops mid-sentence, before a line that starts no block, is one that
//!    pdftotext moved out of its item's first line (see
//!    [`displaced_bullet`]): the break before it is a wrap too, and where
//!    that line opens the item, the bullet goes back to its start (see
//!    [`returned_bullet`]). Short names that pdftotext cut from one row at
//!    every gap, one blank line between each and the next (`王 强` / `` /
//!    `刘 洋` / `` / `张 伟`), make one line again (see [`name_rows`]).
//! 3. The next line starts a list item or a numbered heading (`•`, `一、`,
//!    `（一）`, `（1）`, `1.`, `①`, `第三章`, `2.1 `), a subtitle (`——` after
//!    a page's first line), a caption or heading label (`图1-1 `, `附录A `),
//!    a label in lenticular brackets (`【本期要点】`), a field of the front
//!    matter (`摘要：`, `本报记者：`), a row of names (`王强 刘洋 张伟`, see
//!    [`is_name_row`]), or has the shape of the previous line
//!    where no wrap makes two alike (`标签：` fields, unless the first is
//!    full and stops mid-phrase: `编者按：…为准。正` / `如一位老药师所说：`):
//!    a block ends. So
//!    does a heading numbered in Chinese (`（二）`, `三、`) without
//!    punctuation before a line of prose (with `，` or `。`), however wide
//!    it is (see [`ends_heading`]).
//! 4. The previous line stops at a comma (`，`, `、`), or at a word that a
//!    figure must follow before a line that opens with one (`年均浓度为` /
//!    `14.6mg/L`, see [`ends_before_figure`]), or mid-phrase before
//!    a few characters that end the sentence (see [`is_tail`]), or leaves
//!    a Chinese bracket, title mark or quote open (`（`, `《`, `“`) that the
//!    next line closes: a wrap, however short the line. No block ends
//!    inside one, and pdftotext cuts a line where the font changes, often
//!    at a Latin word in brackets (`（GB` / `3838—2002）`), leaving a piece
//!    with no width to go by.
//! 5. The previous line ends a sentence (`。！？；…`, closing quotes and
//!    brackets after them allowed, or an English `.` that is not an
//!    abbreviation like `Fig.`): a block ends. Unless it ends flush with the
//!    measure (at least [`FLUSH`] of it) and the next line fills the measure
//!    too, short of it by less than an [`INDENT`] (the figures and Latin
//!    letters of a full line make it narrower by a unit or two): a
//!    paragraph's first line is indented by two characters and falls short
//!    of the measure, so a full line after a sentence that happened to end
//!    at the margin goes on with the paragraph (rule 7 decides), unless
//!    the next line opens with a dash (`——高端人才缺口…`, an item). A
//!    next line that ends a sentence and the block, however short, goes on
//!    with the paragraph after such a sentence too (see
//!    [`ends_paragraph`]). A paragraph's first line (not an item's) is
//!    flush short of the measure by its indent. Where the extractor kept
//!    the indent (pdftotext `-layout`), an indented line opens a paragraph
//!    however wide it is.
//!    Numbered items count as such when letter-spaced too (`（ 三 ）`,
//!    `二 、`, `1 ）`), since the spacing pass has yet to close them up.
//! 6. A blank line, on a page where blank lines are rare: a block ends.
//!    (Some extractors put a blank line after every line; there it says
//!    nothing.) Nor does one that pdftotext wrote where it cut a visual
//!    line at a word space (a Latin letter, digit or `.`, `)`, `%` before
//!    it, no Chinese punctuation after: see [`cuts`]), as a justified line
//!    stretches its word spaces: it writes each piece after the first as
//!    a block of its own, a blank line before it and one after the last
//!    (`个周期后18F-FDG` / `` / `PET/CT代谢参数…的预测价` / `` / `值。`).
//!    Pieces that together fill the measure are judged as one line by
//!    rule 7, and a blank line between them or after the last says nothing
//!    (see [`set_apart`]); a cut joins with the word space it was.
//! 7. The previous line is *full*: as wide as the lines around it (at least
//!    [`FULL`] of the typical width of the lines within [`WINDOW`] lines, and
//!    [`MEASURE_PEERS`] other lines there are within an eighth of that
//!    typical width, so there is a measure, and punctuation within two
//!    lines, or a few narrow ones, as prose has: see
//!    [`punctuated_windows`]): the layout wrapped
//!    it, so it is a wrap. The peers are counted around the measure, not
//!    around the line itself: a wrapped line with figures or Latin words is
//!    narrower than the measure by the widths counted for its narrow
//!    glyphs, and none of the full lines around needs to be as short as it
//!    is. Where the window has no measure (a short paragraph among
//!    one-line items), a line as wide as the measure of a window three
//!    times as wide is full too. Unless the page's full lines mostly end
//!    sentences: then the text already has a block per line, and its long
//!    paragraphs are only as wide as each other by chance (a full line that
//!    ends a sentence before an item or heading is not counted: the item
//!    ends its block either way). Short lines that together fill the
//!    measure, cut where the font changed for a figure or a Latin word, or
//!    by pdftotext at a word space (rule 6), are pieces of one full line
//!    (see [`visual_line_pieces`]); so is a short line that stops
//!    mid-phrase before a line that goes on, with the line before it,
//!    where both read as prose, and no block ends between them even after
//!    a quote that ends a sentence (`…显示“CHECKING……”` / `“SENSOR OK”等
//!    提示，请勿进行` / `任何操作；…`). A letter-spaced line among lines
//!    that are not, before a Latin word or figure, is one that
//!    justification stretched to the measure (see [`stretched_lines`]).
//!    A narrow box
//!    set apart from wide text by blank lines has a measure of its own
//!    (see [`boxes`]).
//! 8. Otherwise (a short line: a heading, a paragraph's last line): a block
//!    ends.
//!
//! English prose in Chinese text has a measure of its own, narrower in
//! characters than the page's: its full lines are counted against the
//! widest line of its run (see [`full_english_lines`]).
//!
//! One kind of text overrides rules 4 to 8: English set one word per line
//! (see [`word_columns`]). Between two lines of such a column the break is a
//! wrap, whatever the line ends and blank lines say; the Chinese line
//! before the column ends its block.
//!
//! Widths count Han and full-width characters as two and spaces as nothing,
//! so letter-spacing damage does not change them. A measure narrower than
//! [`MIN_MEASURE`] (verse, tables of contents) or wider than
//! [`MAX_MEASURE`] (text that already has a block per line) never wraps.
//!
//! A wrap joins Han to Han with nothing between, Latin to Latin with one
//! space (a typesetter breaks between two Latin letters or digits only at a
//! space), except inside a figure in Chinese text, which a narrow page
//! breaks anywhere ([`crate::quantity::continues_across_lines`]), and
//! inside a Latin word standing alone in Chinese text (Han or Chinese
//! punctuation before its head and after its tail: `（CBT` / `C）`), which
//! a Chinese line breaks anywhere too; only a lower-case letter before a
//! capital (`Graph` / `WaveNet`) reads as two words and keeps the space;
//! and where the extractor shows a word broken without a hyphen: some
//! extractors end a line that broke between two words with the space that
//! stood there (`the effects of ` / `total`), and in a text where a break
//! between two Latin letters or digits ends in a space, one that does not
//! fell inside a word (`on t` / `hermal`) and joins with nothing; so does
//! one whose two pieces make a word that stands whole elsewhere in the
//! text, where the second piece stands nowhere else (see [`breaks_word`]).
//! After letter-spaced text (a lone character ends the line, spaced from
//! the rest: `特 色 突` / `破 、`, `d B ( A )` / `以下`) the join is one
//! space, which the spacing pass then judges with the rest of the run;
//! joined without one, the spacing pass would see `)以下` as a word of its
//! own and keep the space before it. Between two words of letter-spaced
//! Latin (`c o n d u c t i v i t y` / `a t`) the wrap was a word space, and
//! the join is the wide gap that extractors write for one there, which the
//! spacing pass makes one space when it undoes the letter-spacing.
//! A hyphen at a wrap stays (`CAR-` + `T`, `Snap-` + `back`) unless
//! the same word appears unhyphenated elsewhere in the text (`semi-` +
//! `conductor` where `semiconductor` occurs), which is the evidence that the
//! hyphen was the typesetter's.
//!
//! Page breaks are line breaks like any other, so a paragraph that runs
//! over a page is rejoined once the boilerplate pass has removed the running
//! header and page number between its halves.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use crate::chars::{
    is_ascii_bullet, is_bullet, is_chinese_numeral, is_cjk, is_cjk_punct, is_closing, is_han,
    is_heading_label, is_sentence_end,
};
use crate::edit::Edit;
use crate::page::{self, is_edge_space, width, Line};
use crate::rule::Rule;
use crate::spacing::is_spaced_like;

/// A line at least this share of the typical width is full.
const FULL: f32 = 0.8;

/// A line that ends a sentence at least this share of the measure wide
/// ends flush with it: an indented first line falls short of it.
const FLUSH: f32 = 0.95;

/// A paragraph's first-line indent: two ideographs, in width units. A line
/// short of the measure by less than this is not indented, only narrower
/// by the figures and Latin letters it holds.
const INDENT: usize = 4;

/// Lines on each side whose widths set a line's typical width.
const WINDOW: usize = 4;

/// Lines on each side whose widths set the measure of a line whose own
/// window has none, if the line is as wide as it: a paragraph of two full
/// lines among one-line items that fall short of the measure.
const WIDE_WINDOW: usize = 3 * WINDOW;

/// Narrowest typical width (in half-width units) of a wrapping layout.
const MIN_MEASURE: usize = 24;

/// Narrowest measure of a box (see [`boxes`]): a sidebar may hold eight
/// ideographs a line. Its lines stop mid-phrase, as verse and a table of
/// contents do not, which is what lets it be narrower than a page.
const MIN_BOX_MEASURE: usize = 16;

/// Widest typical width of a wrapping layout: 60 Han characters, more
/// than a line of an A4 page holds at a readable size.
const MAX_MEASURE: usize = 120;

/// Other lines in the window that must have nearly the same width before a
/// line counts as full: two, because a block-per-line text has paragraphs
/// of similar length by chance, but rarely three close together.
const MEASURE_PEERS: usize = 2;

/// What separates two lines in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// A block ends: one line end.
    Break,
    /// A wrap: nothing, or one space between Latin words.
    Wrap(&'static str),
    /// A wrap that drops the hyphen ending the previous line.
    Dehyphen,
    /// A lone bullet joins its item with one space.
    Bullet,
}

/// Proposes the line edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let all = page::lines(text);
    let lines: Vec<&Line> = all.iter().filter(|l| !l.is_blank()).collect();
    let Some(first) = lines.first() else {
        if !text.is_empty() {
            out.push(Edit::delete(0..text.len(), Rule::EdgeSpace));
        }
        return;
    };
    let widths: Vec<usize> = lines
        .iter()
        .map(|l| width(&text[l.content.clone()]))
        .collect();
    let blank_rare = blank_lines_rare(&all);
    let boxes = boxes(text, &lines, &blank_rare);
    let measures: Vec<Option<usize>> = (0..lines.len())
        .map(|i| {
            let within_box = boxes[i]
                .clone()
                .filter(|b| i + 1 < b.end)
                .and_then(|b| box_measure(&widths[b.clone()], i - b.start));
            within_box
                .or_else(|| measure(&widths, i, MIN_MEASURE, WINDOW))
                .or_else(|| {
                    measure(&widths, i, MIN_MEASURE, WIDE_WINDOW)
                        .filter(|&m| widths[i].abs_diff(m) <= tolerance(m))
                })
        })
        .collect();
    // Asked of every line several times, and a line that opens with a
    // number is judged as the spacing pass leaves it: computed once.
    let blocks: Vec<bool> = lines
        .iter()
        .map(|l| starts_block(&text[l.content.clone()]))
        .collect();
    let punctuated = punctuated_windows(text, &lines, &blocks, &widths);
    let mut full: Vec<bool> = measures
        .iter()
        .zip(&widths)
        .zip(&punctuated)
        .map(|((m, &w), &punctuated)| punctuated && m.is_some_and(|m| w as f32 >= FULL * m as f32))
        .collect();
    let stretched = stretched_lines(text, &lines);
    for (full, stretched) in full.iter_mut().zip(&stretched) {
        *full |= stretched;
    }
    let cuts = cuts(text, &lines);
    let pieces = visual_line_pieces(text, &lines, &blocks, &widths, &measures, &cuts, &mut full);
    let apart = set_apart(&pieces, &cuts);
    let rows = name_rows(text, &all);
    // The width of the visual line that each line ends: its own, or, for
    // the last of the pieces of one, theirs together.
    let mut spans = widths.clone();
    for k in 1..lines.len() {
        if pieces[k - 1] {
            spans[k] += spans[k - 1] + if cuts[k - 1] { CUT_GAP } else { 0 };
        }
    }
    let wraps = pages_that_wrap(text, &lines, &blocks, &full);
    let marked = marks_word_breaks(text, &lines);
    let latin: Vec<bool> = lines
        .iter()
        .map(|l| is_latin_line(&text[l.content.clone()]))
        .collect();
    let columns = word_columns(text, &lines, &latin);
    let english = full_english_lines(text, &lines, &latin, &widths);
    let title_wraps = title_wraps(text, &lines, &widths, &full);
    let words = Words::new(text);
    push_gap(text, 0..first.content.start, "", Rule::EdgeSpace, out);
    // Whether line `i` opens a block: a paragraph's first line (not an
    // item's or a heading's) is indented, so it is flush short of the
    // measure by the indent.
    let mut opens = true;
    let full_wrap = |k: usize| ((full[k] || pieces[k]) && wraps[lines[k].page]) || english[k];
    // Where line `i` opens an item whose bullet was moved back to its
    // start, the join that replaces the bullet after it.
    let mut moved: Option<&'static str> = None;
    let mut i = 0;
    while i < lines.len() {
        if let Some(sep) = moved.take() {
            let gap = lines[i].content.end..lines[i + 2].content.start;
            out.push(Edit::replace(gap, sep, Rule::DisplacedBullet));
            opens = false;
            i += 2;
            continue;
        }
        let (prev, gap_end) = (
            lines[i],
            lines.get(i + 1).map_or(text.len(), |n| n.content.start),
        );
        let gap = prev.content.end..gap_end;
        let Some(next) = lines.get(i + 1) else {
            push_gap(text, gap, "\n", Rule::EdgeSpace, out);
            break;
        };
        let blank_between = newlines_between(text, prev, next) > 1;
        let page_break = prev.page != next.page;
        // A paragraph's first line, where the extractor kept its indent.
        let opens_indented = indented(next) && !indented(prev);
        let join = decide(
            text,
            &words,
            &lines,
            i,
            Evidence {
                full_wrap: full_wrap(i),
                runs_on: (measures[i].is_some_and(|m| {
                    let indent = if opens && !blocks[i] { INDENT } else { 0 };
                    runs_on(spans[i] + indent, widths[i + 1], m)
                        || flush(spans[i] + indent, m)
                            && ends_paragraph(text, &lines, &blocks, i + 1)
                }) && !opens_indented)
                    || english[i],
                blank_break: blank_between && blank_rare[prev.page] && !page_break && !apart[i],
                unmarked: marked && !ends_in_space(prev),
                title_wrap: i < title_wraps || field_wraps(text, &lines, i),
                cut: cuts[i] && pieces[i],
                inside_line: pieces[i] && !cuts[i],
                name_row: rows[i],
                next_opens: blocks[i + 1],
                column: match (columns[i], columns[i + 1]) {
                    (true, true) => Column::Inside,
                    (false, true) => Column::Opens,
                    _ => Column::Outside,
                },
            },
        );
        opens = join == Join::Break;
        match join {
            Join::Break => {
                moved = returned_bullet(text, &words, &lines, i + 1, full_wrap, marked);
                if moved.is_some() {
                    let bullet = &text[lines[i + 2].content.clone()];
                    let replacement = format!("\n{bullet} ");
                    out.push(Edit::replace(gap, replacement, Rule::DisplacedBullet));
                } else {
                    let rule = if blank_between || page_break {
                        Rule::BlockBreak
                    } else {
                        Rule::EdgeSpace
                    };
                    push_gap(text, gap, "\n", rule, out);
                }
            }
            Join::Wrap(sep) => push_gap(text, gap, sep, Rule::LineJoin, out),
            Join::Bullet => push_gap(text, gap, " ", Rule::LoneBullet, out),
            Join::Dehyphen => push_gap(text, gap.start - 1..gap.end, "", Rule::Dehyphen, out),
        }
        i += 1;
    }
}

fn push_gap(text: &str, gap: Range<usize>, sep: &'static str, rule: Rule, out: &mut Vec<Edit>) {
    if text[gap.clone()] != *sep {
        out.push(Edit::replace(gap, sep, rule));
    }
}

/// For each line, whether a line within [`PUNCTUATION_REACH`] of it, or
/// with no more than [`PUNCTUATION_WIDTH`] of text between, holds
/// punctuation (a list item's own mark, the `、` of `一、`, does not
/// count). Prose wrapped at any measure has a mark every line or two of a
/// page, and every few lines of a narrow box; lines of verse or lyrics of
/// similar widths can go without for longer, and no line of theirs is
/// full, however alike the widths.
fn punctuated_windows(text: &str, lines: &[&Line], blocks: &[bool], widths: &[usize]) -> Vec<bool> {
    let marked: Vec<bool> = lines
        .iter()
        .zip(blocks)
        .map(|(l, &block)| {
            let line = &text[l.content.clone()];
            !block && line.contains(|c: char| is_cjk_punct(c) || c.is_ascii_punctuation())
        })
        .collect();
    // Lines since the last marked one, and their width, scanned both ways.
    let mut near = vec![false; lines.len()];
    let mut scan = |order: &mut dyn Iterator<Item = usize>| {
        let (mut since, mut between) = (usize::MAX, usize::MAX);
        for i in order {
            if marked[i] {
                (since, between) = (0, 0);
            } else {
                since = since.saturating_add(1);
            }
            near[i] |= since <= PUNCTUATION_REACH || between <= PUNCTUATION_WIDTH;
            if since > 0 {
                between = between.saturating_add(widths[i]);
            }
        }
    };
    scan(&mut (0..lines.len()));
    scan(&mut (0..lines.len()).rev());
    near
}

/// Width of text between a line and a mark of punctuation within which the
/// line counts as punctuated, however many lines it takes: one or two lines
/// of a page, five of a narrow box. (On the corpora any width from 80 to
/// 240 gives the same figures; the real sample's three-line box
/// `双方母公司向中俄国际商用` / `飞机有限责任公司完成第二` / `次注册资本金增资`
/// joins from 80 up.)
const PUNCTUATION_WIDTH: usize = 120;

/// Lines on each side within which wrapped prose shows punctuation.
const PUNCTUATION_REACH: usize = 2;

/// For each page, whether blank lines are rare enough there to mean a
/// paragraph break.
fn blank_lines_rare(lines: &[Line]) -> Vec<bool> {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let mut blank = vec![0usize; pages];
    let mut total = vec![0usize; pages];
    for l in lines {
        total[l.page] += 1;
        blank[l.page] += usize::from(l.is_blank());
    }
    blank.iter().zip(&total).map(|(&b, &t)| b * 4 < t).collect()
}

/// For each line, the box it belongs to, if any: a run of at least
/// [`BOX_LINES`] lines with no blank line between them, on a page where
/// blank lines are frequent, so that they set the run apart, and every
/// line but the last stopping mid-phrase ([`stops_mid_phrase`]), as the
/// lines of one wrapped paragraph do and a run of one-line entries
/// (`科室：姓名，电话：…`, `5.西山县：…排名第5位。`) does not. A line
/// indented after one that is not starts a new run.
///
/// Some extractors write a page of wide text a line and a blank line at a
/// time, and a narrow text box beside it (a highlight, a sidebar) as
/// adjacent lines. Measured among the wide lines around it, a box's first
/// and last lines are short, and the box would break after its first line
/// (`…和上海绿谷制药` / `有限公司联合研发…`); its own lines give the measure
/// of the breaks inside it. Where they have no measure of their own, and
/// at the break after its last line, the page's decides.
fn boxes(text: &str, lines: &[&Line], blank_rare: &[bool]) -> Vec<Option<Range<usize>>> {
    let mut boxes = vec![None; lines.len()];
    let mut start = 0;
    for end in 1..=lines.len() {
        let run_ends = lines.get(end).is_none_or(|next| {
            let prev = lines[end - 1];
            next.range.start != prev.range.end + 1
                || next.page != prev.page
                || (indented(next) && !indented(prev))
        });
        if !run_ends {
            continue;
        }
        if end - start >= BOX_LINES
            && !blank_rare[lines[start].page]
            && lines[start..end - 1]
                .iter()
                .all(|l| stops_mid_phrase(&text[l.content.clone()]))
        {
            boxes[start..end].fill(Some(start..end));
        }
        start = end;
    }
    boxes
}

/// The measure of line `i` of a box whose lines have `widths`. Four lines
/// or more have a measure as a page does ([`measure`]). Three have one when
/// their first two are as wide as each other, within one ideograph, as a
/// typesetter fills a box's lines to its width, and the last is narrower
/// than both, as a paragraph's last line is: a title, its subtitle and a
/// byline below can match in width too, but the byline is seldom the
/// shortest.
fn box_measure(widths: &[usize], i: usize) -> Option<usize> {
    match widths {
        &[a, b, last] if a.abs_diff(b) <= 2 && last < a.min(b) => {
            Some(a.max(b)).filter(|m| (MIN_BOX_MEASURE..=MAX_MEASURE).contains(m))
        }
        [_, _, _] => None,
        _ => measure(widths, i, MIN_BOX_MEASURE, WINDOW),
    }
}

/// Whether a line opens with whitespace: after a line that does not, the
/// indent of a paragraph's first line, so a box starts there (a heading
/// above a box is often as wide as its lines).
fn indented(line: &Line) -> bool {
    line.range.start < line.content.start
}

/// Whether a line stops where no sentence or entry ends: after an
/// ideograph, a Latin letter, a hyphen, or a comma.
fn stops_mid_phrase(line: &str) -> bool {
    line.ends_with(|c: char| is_han(c) || c.is_ascii_alphabetic() || matches!(c, '-' | '，' | '、'))
}

/// Fewest lines that make a box (see [`boxes`]): two that wrap and the
/// last.
const BOX_LINES: usize = 3;

/// For each page, whether its full lines are wraps at all. A text that
/// already has one block per line has full lines too (paragraphs that
/// happen to be as long as their neighbours), but they end sentences; on a
/// wrapping page most full lines stop mid-sentence. A page whose full lines
/// mostly end a sentence does not wrap. A full line that ends a sentence
/// before a list item or heading has no vote: the next line's start ends
/// its block either way, and a list of one-line items would otherwise
/// outvote the paragraph around it.
fn pages_that_wrap(text: &str, lines: &[&Line], blocks: &[bool], full: &[bool]) -> Vec<bool> {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let mut balance = vec![0isize; pages];
    for (i, line) in lines.iter().enumerate().filter(|&(i, _)| full[i]) {
        let vote = wrap_vote(text, line);
        if vote > 0 || !blocks.get(i + 1).copied().unwrap_or(false) {
            balance[line.page] += vote;
        }
    }
    balance.into_iter().map(|b| b >= 0).collect()
}

/// A full line's vote on whether its lines wrap: one for a line that stops
/// mid-sentence, minus one for one that ends a sentence. Lines whose votes
/// sum below zero already have a block each.
fn wrap_vote(text: &str, line: &Line) -> isize {
    if ends_sentence(&text[line.content.clone()]) {
        -1
    } else {
        1
    }
}

/// Whether the extractor ends a line that broke between two words with the
/// space that stood there: some line ending in a Latin letter or digit,
/// followed by one that starts with one, ends in a space. Then a break
/// between two letters without that space fell inside a word (`on t` /
/// `hermal`). The evidence is the extractor's habit, so it holds for the
/// whole text: a page may break inside words only. Extractors that drop the
/// space at every line end (pdftotext) give no such evidence, and their
/// breaks keep the usual join.
fn marks_word_breaks(text: &str, lines: &[&Line]) -> bool {
    lines.windows(2).any(|pair| {
        let (prev, next) = (pair[0], pair[1]);
        ends_in_space(prev) && latin_break(&text[prev.content.clone()], &text[next.content.clone()])
    })
}

/// Whether the line ends in a space the extractor wrote before its line end.
fn ends_in_space(line: &Line) -> bool {
    line.content.end < line.range.end
}

/// Whether a break falls between two Latin letters or digits.
fn latin_break(prev: &str, next: &str) -> bool {
    prev.ends_with(|c: char| c.is_ascii_alphanumeric())
        && next.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// How many breaks from the top of the text wrap the document's title:
/// a title in a large font, centred, wraps at fewer characters than the
/// body and fills no measure, so rule 7 never joins it (`国产民机交付提速，
/// 航线网络持` / `续扩展`). A break counts when it is among the first
/// [`TITLE_LINES`] of the first page with no blank line between, the line
/// before it is at least
/// [`TITLE_MIN_WIDTH`] wide, not full and ends in a letter, digit or
/// ideograph, and the next line is no wider (give or take two characters),
/// does not start a block, a subtitle (`——`), a field (`编制单位：`), a
/// byline (`文／沈若溪`) or a document number (`临工信发〔2024〕17号`), and
/// ends no sentence. A short first line (`农业技术推广简报` /
/// `2024年第18期`) is a title of its own, and a page with no full line has
/// no measure to set a title apart from.
fn title_wraps(text: &str, lines: &[&Line], widths: &[usize], full: &[bool]) -> usize {
    // Only a page with a measure has a title set apart from its body;
    // verse or lyrics at the top of a plain text have neither.
    let measured = lines
        .iter()
        .zip(full)
        .take_while(|(l, _)| l.page == 0)
        .any(|(_, &f)| f);
    if !measured {
        return 0;
    }
    let mut wraps = 0;
    while wraps + 1 < lines.len().min(TITLE_LINES) {
        let (i, n) = (wraps, wraps + 1);
        let (prev, next) = (
            &text[lines[i].content.clone()],
            &text[lines[n].content.clone()],
        );
        let ends_word = prev.ends_with(|c: char| is_han(c) || c.is_ascii_alphanumeric());
        let opens = next.starts_with(|c: char| {
            is_han(c) || c.is_ascii_digit() || matches!(c, '（' | '《' | '—')
        });
        let adjacent = lines[n].range.start == lines[i].range.end + 1;
        let title = lines[n].page == 0
            && adjacent
            && widths[i] >= TITLE_MIN_WIDTH
            && !full[i]
            && ends_word
            && opens
            && widths[n] <= widths[i] + 4
            && !next.starts_with("——")
            && !next.contains(['：', ':', '／', '/', '〔', '['])
            && !starts_block(next)
            && !ends_sentence(next);
        if !title {
            break;
        }
        wraps += 1;
    }
    wraps
}

/// Lines from the top that a title may fill.
const TITLE_LINES: usize = 3;

/// Narrowest first line of a wrapped title: twelve Han characters.
const TITLE_MIN_WIDTH: usize = 24;

/// Which breaks fall inside one visual line that the extractor cut at
/// changes of font, and so are wraps: some extractors (PyMuPDF,
/// pdfminer.six) write a figure or a Latin word in another font as a line
/// of its own (`比达到` / `46.3%，设计与…占比` / `28.1%` / `和`). The pieces
/// are short, but together they fill the measure, as the line they were
/// did. pdftotext cuts at Chinese quotes and title marks in the same way
/// (`依据《环境空气质` / `量标准》` / `（GB 3095—2012）、`), and at a word
/// space, with a blank line between the pieces ([`cuts`]). A run of lines
/// counts as such pieces when the line before them wraps into the first
/// (or ends a block, and the run has three pieces or more: a paragraph's
/// first line after a heading, `功率半导体产线` / `2023` / `年出货量同比增长` /
/// `23.6%。其`, or a bulleted item's first line, `• “Mode”键：在“自动”` /
/// `“手动”` / `“节能”三种运行`; a heading and one piece after it are two
/// blocks; or the next line opens with a mark no line opens with (`：`
/// after an item's label in bold, `②经济社会效益（30 分）` / `：主要…`), or
/// pdftotext cut the line after the first: either says the two are one
/// line wherever the first stands, as in a paragraph's first line after
/// one that ends a sentence, `以目前最常见的锂离子电池（Li-ion` / `` /
/// `battery）为例，`), every break between them is adjacent and has a
/// Latin letter or digit, a quote, a title mark or a bracket on one side
/// (the font changed there), or is a cut, none ends a sentence or starts
/// a block after the first, and their widths (with [`CUT_GAP`] for each
/// cut) sum to at least [`FULL`] of the measure without passing it by
/// more than the tolerance of [`measure`]. The last piece is full: its
/// break is judged as that of the whole visual line.
fn visual_line_pieces(
    text: &str,
    lines: &[&Line],
    blocks: &[bool],
    widths: &[usize],
    measures: &[Option<usize>],
    cuts: &[bool],
    full: &mut [bool],
) -> Vec<bool> {
    let mut pieces = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        // The first piece continues a wrapped line, or opens a paragraph
        // after a short line (a heading, a paragraph's end); there a short
        // line and one after it are two blocks however wide they are
        // together (`二、产品概述` / `XR-2000型…`), so it takes three pieces.
        // Where pdftotext cut the line after it, or the next line opens
        // with a mark no line opens with (`：`), the two are one line
        // wherever the first stands; after the mark, even after a full line
        // (`…“穿梭效应”` / `，寿`).
        let held = lines.get(i + 1).is_some_and(|next| {
            text[next.content.clone()].starts_with(crate::chars::opens_no_line)
        });
        // A short line that stops mid-phrase before a line that goes on is
        // the last piece of a line, not a heading, where both it and the
        // line before it read as prose: the first at least half a line or
        // with a clause mark in it and no heading's number, the last with a
        // clause mark or opening with a gloss (a heading has neither). The
        // two are one line even across a quote that ends a sentence in the
        // first (`2. 自检…显示“CHECKING……”` / `“SENSOR OK”等提示，请勿进行`
        // / `任何操作；…`;
        // `又比如，我们常说的“mAh”` / `（毫安时）其实是容量` / `单位，…`).
        let clause = |line: &str| line.contains(['，', '、']);
        let cut_short = |k: usize| {
            k + 1 < lines.len() && !blocks[k + 1] && {
                let (first, line) = (
                    &text[lines[i].content.clone()],
                    &text[lines[k].content.clone()],
                );
                stops_mid_phrase(line)
                    && (clause(line) || line.starts_with(['（', '(']))
                    && (clause(first) && !blocks[i]
                        || measures[i].is_some_and(|m| 2 * widths[i] >= m))
            }
        };
        // The fewest pieces that make a visual line from line `i` on.
        let least = || {
            let after_full = i > 0 && full[i - 1];
            let continues =
                after_full && !blocks[i] && !ends_sentence(&text[lines[i - 1].content.clone()]);
            let item = text[lines[i].content.clone()].starts_with(is_bullet);
            let opens = i > 0 && !after_full && (!blocks[i] || item);
            if continues || cuts[i] || held || cut_short(i + 1) {
                Some(2)
            } else if opens {
                Some(3)
            } else {
                None
            }
        };
        let first = measures[i].filter(|_| !full[i] || held);
        let Some((measure, least)) = first.and_then(|m| least().map(|l| (m, l))) else {
            i += 1;
            continue;
        };
        let most = measure + tolerance(measure);
        let (mut sum, mut j) = (widths[i], i);
        while let Some(next) = lines.get(j + 1) {
            let (a, b) = (&text[lines[j].content.clone()], &text[next.content.clone()]);
            let adjacent = next.range.start == lines[j].range.end + 1;
            let font_change = a.ends_with(|c: char| {
                c.is_ascii_alphanumeric() || c == '%' || matches!(c, '”' | '》' | '）')
            }) || b
                .starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '“' | '《' | '（'));
            let width = widths[j + 1] + if cuts[j] { CUT_GAP } else { 0 };
            if !(adjacent && font_change || cuts[j])
                || sum + width > most
                || ends_sentence(a) && !(a.ends_with(is_closing) && cut_short(j + 1))
                || blocks[j + 1]
            {
                break;
            }
            sum += width;
            j += 1;
        }
        if j - i + 1 >= least && sum as f32 >= FULL * measure as f32 {
            pieces[i..j].fill(true);
            full[j] = true;
        }
        i = j + 1;
    }
    pieces
}

/// For each break, whether pdftotext cut a visual line there: one blank
/// line, and nothing else, between two lines of a page, where a word space
/// stood ([`cut_at_word_space`]).
fn cuts(text: &str, lines: &[&Line]) -> Vec<bool> {
    let mut cuts = vec![false; lines.len()];
    for (k, pair) in lines.windows(2).enumerate() {
        let (prev, next) = (pair[0], pair[1]);
        cuts[k] = prev.page == next.page
            && newlines_between(text, prev, next) == 2
            && cut_at_word_space(&text[prev.content.clone()], &text[next.content.clone()]);
    }
    cuts
}

/// Whether a break falls where a word space stood: after a Latin letter,
/// a digit or a mark that ends a Latin word (`.`, `)`, `%`), and before
/// anything but Chinese punctuation, which no word space precedes. Only
/// a word space stretches wide enough in a justified line for pdftotext
/// to cut the line there; the blank line between a Chinese paragraph's
/// last line and the next paragraph (`海 200237）` / `` / `摘要：…`) falls
/// elsewhere. What follows the space is most often a Latin word
/// (`Baltic` / `Motion`), but may be Han where pdftotext took the pieces
/// of two visual lines in turn (`Precision` / `和控股子公司Northwind`).
fn cut_at_word_space(prev: &str, next: &str) -> bool {
    prev.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ')' | '%'))
        && !next.starts_with(|c: char| is_cjk_punct(c))
}

/// The width a cut (see [`cut_at_word_space`]) adds to the pieces around
/// it: the gap pdftotext cut at, which no width counts, is at least an
/// ideograph wide (`（BMS，Battery` / `Management` / `System）会实时监测`
/// come to 42 of a measure of 54 without theirs, 46 with them).
const CUT_GAP: usize = 2;

/// For each break, whether a blank line there is the extractor's and says
/// nothing: the breaks between the pieces of a visual line (see
/// [`visual_line_pieces`]) that a blank line set apart, and the break after
/// the last of them.
///
/// pdftotext cuts a visual line at a gap wider than a word space, as a
/// justified line stretches its word spaces (`18F-FDG   PET/CT…`), and
/// writes each piece after the first as a text block of its own: a blank
/// line before it, and one after the last, before the next visual line
/// (`个周期后18F-FDG` / `` / `PET/CT代谢参数…的预测价` / `` / `值。研究…`).
fn set_apart(pieces: &[bool], cuts: &[bool]) -> Vec<bool> {
    let mut apart = vec![false; pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        let run = pieces[i..].iter().take_while(|&&p| p).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let end = i + run;
        if cuts[i..end].contains(&true) {
            apart[i..=end].fill(true);
        }
        i = end + 1;
    }
    apart
}

/// For each break, whether it falls inside a row of short names that
/// pdftotext cut at every gap: at least [`ROW_NAMES`] lines in a row of
/// one page, each of two to [`NAME_CHARS`] ideographs (spaced out or not)
/// and nothing else, one blank line between each and the next. A row of
/// names set wide apart (`王 强` / `` / `刘 洋` / `` / `张 伟` …) comes out
/// so, each name a text block of its own; names listed one per line have
/// no blank lines between them, and a heading is followed by prose.
fn name_rows(text: &str, all: &[Line]) -> Vec<bool> {
    let is_name = |line: &Line| {
        let name = &text[line.content.clone()];
        is_name(name) && !name.contains("  ")
    };
    // A break in `all` between `all[k]` and `all[k + 2]`, with one blank
    // line between them, on one page.
    let joined = |k: usize| {
        k + 2 < all.len()
            && all[k + 1].is_blank()
            && all[k].page == all[k + 2].page
            && is_name(&all[k])
            && is_name(&all[k + 2])
    };
    let mut rows = Vec::new();
    let mut k = 0;
    while k < all.len() {
        if all[k].is_blank() {
            k += 1;
            continue;
        }
        let mut end = k;
        while joined(end) {
            end += 2;
        }
        let names = (end - k) / 2 + 1;
        rows.extend((k..end).step_by(2).map(|_| names >= ROW_NAMES));
        rows.push(false);
        k = end + 1;
    }
    rows
}

/// Whether `name` is a name: two to [`NAME_CHARS`] ideographs, spaced
/// out or not. Read no further than that, as most lines are no name.
fn is_name(name: &str) -> bool {
    let mut chars = 0;
    for c in name.chars().filter(|&c| c != ' ') {
        chars += 1;
        if chars > NAME_CHARS || !is_han(c) {
            return false;
        }
    }
    chars >= 2
}

/// Fewest names in a row that [`name_rows`] joins.
const ROW_NAMES: usize = 3;

/// Most ideographs of a name in a row of names.
const NAME_CHARS: usize = 4;

/// Which lines belong to a column of English words: a run of lines with no
/// Han or Chinese punctuation, at least [`COLUMN_WORDS`] of them a single
/// word (spaced out letter by letter or not), among which at least
/// [`COLUMN_FUNCTION_WORDS`] of English's commonest words (`the`, `of`).
///
/// Justified English between Chinese paragraphs stretches its word gaps so
/// far that some extractors write each word as a text box of its own: one
/// word per line, often with a blank line after each, and pdftotext even
/// out of order (`To` / `address` / `of`). Neither widths nor line ends
/// say anything there, and every break would end a block. The words of
/// prose give the run away: a column of table cells or commands is rarely
/// `the`, `of` and `with`.
fn word_columns(text: &str, lines: &[&Line], latin: &[bool]) -> Vec<bool> {
    let mut columns = vec![false; lines.len()];
    for run in latin_runs(latin) {
        let mut single = 0;
        let mut function = 0;
        for line in &lines[run.clone()] {
            if let Some(word) = single_word(&text[line.content.clone()]) {
                single += 1;
                function += usize::from(FUNCTION_WORDS.contains(&word.as_str()));
            }
        }
        if single >= COLUMN_WORDS && function >= COLUMN_FUNCTION_WORDS {
            columns[run].fill(true);
        }
    }
    columns
}

/// The maximal runs of consecutive lines marked `latin`.
fn latin_runs(latin: &[bool]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        start += latin.get(start..)?.iter().take_while(|&&l| !l).count();
        let len = latin.get(start..)?.iter().take_while(|&&l| l).count();
        (len > 0).then(|| {
            start += len;
            start - len..start
        })
    })
}

/// Which lines are full lines of English prose: in a run of at least
/// [`PROSE_LINES`] lines with no Han, holding at least
/// [`PROSE_FUNCTION_WORDS`] of English's commonest words, a line other than
/// the run's last that is at least [`PROSE_FULL`] as wide as the run's
/// widest, when the widest is a wrapping width (at most [`MAX_MEASURE`])
/// and most such lines do not end a sentence (otherwise the text has one
/// paragraph per line already). English in a Chinese document (an
/// abstract) has a measure of its own, counted in narrower characters than
/// the Chinese around it, so the measure of the page says nothing about
/// it; and a sentence that ends at its margin (`… 18.6 mm.` /
/// `Heave on the …`) goes on with the paragraph, whose lines are all that
/// wide but the last.
fn full_english_lines(text: &str, lines: &[&Line], latin: &[bool], widths: &[usize]) -> Vec<bool> {
    let mut prose = vec![false; lines.len()];
    for run in latin_runs(latin).filter(|run| run.len() >= PROSE_LINES) {
        let widest = widths[run.clone()].iter().copied().max().unwrap_or(0);
        if widest > MAX_MEASURE {
            continue;
        }
        let full = |&i: &usize| widths[i] as f32 >= PROSE_FULL * widest as f32;
        // As on a page of Chinese (see `pages_that_wrap`).
        let votes: isize = (run.start..run.end - 1)
            .filter(full)
            .map(|i| wrap_vote(text, lines[i]))
            .sum();
        // The function words last: counting them can close the run up.
        if votes < 0 || function_words(text, &lines[run.clone()]) < PROSE_FUNCTION_WORDS {
            continue;
        }
        for i in (run.start..run.end - 1).filter(full) {
            prose[i] = true;
        }
    }
    prose
}

/// How many of [`FUNCTION_WORDS`] a run of Latin lines holds, up to
/// [`PROSE_FUNCTION_WORDS`], read as the spacing pass leaves it where a
/// letter stands alone (`o f  t h e` is `of the`; `t h e` is `the` beside a
/// letter-spaced line), and split at whatever is no letter, so that a
/// second repair, reading the closed-up lines, counts the same. The run is
/// closed up at once, with a line of context on either side.
fn function_words(text: &str, run: &[&Line]) -> usize {
    let count = |line: &str| {
        line.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| FUNCTION_WORDS.contains(w))
            .take(PROSE_FUNCTION_WORDS)
            .count()
    };
    let lone_letter = |l: &&Line| {
        text[l.content.clone()]
            .split(' ')
            .any(|piece| piece.len() == 1 && piece.as_bytes()[0].is_ascii_alphabetic())
    };
    match (run.first(), run.last()) {
        (Some(first), Some(last)) if run.iter().any(lone_letter) => count(
            &crate::spacing::closed_up_in(text, first.content.start..last.content.end),
        ),
        _ => run.iter().map(|l| count(&text[l.content.clone()])).sum(),
    }
}

/// Lines that make a run of English prose.
const PROSE_LINES: usize = 3;

/// Function words that make a run of lines prose.
const PROSE_FUNCTION_WORDS: usize = 3;

/// A full line of English prose, as a share of the widest.
const PROSE_FULL: f32 = 0.85;

/// Single-word lines that make a run of Latin lines a column of words.
const COLUMN_WORDS: usize = 4;

/// Function words among them that make the column prose.
const COLUMN_FUNCTION_WORDS: usize = 2;

/// English's commonest words, which prose has and lists rarely do.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "that",
    "the", "to", "was", "were", "with",
];

/// A line with a Latin letter or digit and no Han or full-width
/// character. A figure alone on a line (`9.8`, `1:4,`) is a word of the
/// column too.
fn is_latin_line(line: &str) -> bool {
    // A line of ASCII alone is read at once; Chinese lines, nearly all
    // the rest, show a Han character early: look for it first.
    if line.is_ascii() {
        return line.bytes().any(|b| b.is_ascii_alphanumeric());
    }
    !line.contains(|c: char| is_cjk(c) || ('\u{FF00}'..='\u{FFEF}').contains(&c))
        && line.contains(|c: char| c.is_ascii_alphanumeric())
}

/// The word a line holds when it holds one, spaced out letter by letter
/// (`a d d r e s s`) or not, lower-cased, without the marks around it.
///
/// A word is letters (and the hyphens and apostrophes inside them): a
/// figure is none, as the quantities pass may close up its spaces
/// (`02m 2%2`) and make one token of what was two.
fn single_word(line: &str) -> Option<String> {
    // Gaps of any width (`s t  t h`), as the spacing pass may close them;
    // a tab is a gap too (`t l a<tab>y`), as the spacing pass judges both.
    let gap = [' ', '\t'];
    let letter_spaced = line
        .split(gap)
        .filter(|piece| !piece.is_empty())
        .all(is_spaced_like);
    if line.contains(gap) && !letter_spaced {
        return None;
    }
    let word: String = line
        .chars()
        .filter(|c| !gap.contains(c))
        .collect::<String>()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    word.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        .then_some(word)
}

/// What the widths and blank lines around a break say about it.
struct Evidence {
    /// The previous line is full, on a page that wraps.
    full_wrap: bool,
    /// Both lines fill the measure: the next is no indented first line.
    runs_on: bool,
    /// A blank line, where blank lines are rare enough to end a block.
    blank_break: bool,
    /// The text marks breaks between words with a space at the line's
    /// end, and this break has none.
    unmarked: bool,
    /// The break wraps the document's title, or a field of its front
    /// matter ([`field_wraps`]).
    title_wrap: bool,
    /// pdftotext cut one visual line here, at a word space (see
    /// [`cuts`]).
    cut: bool,
    /// The break falls inside a row of names ([`name_rows`]).
    name_row: bool,
    /// The break falls inside one visual line ([`visual_line_pieces`])
    /// with no word space cut: no block ends there, even after a
    /// sentence's end.
    inside_line: bool,
    /// The next line starts a block ([`starts_block`]).
    next_opens: bool,
    /// Where the break stands to a column of English words.
    column: Column,
}

/// Where a break stands to a run of English prose set one word per line
/// (see [`word_columns`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Outside,
    /// Both lines belong to the run: a wrap, whatever the line ends say.
    Inside,
    /// The next line opens the run: it starts a block of its own.
    Opens,
}

/// Whether a line of width `prev` that ends a sentence flush with the
/// measure and the next, of width `next`, short of it by less than an
/// [`INDENT`], are both full lines of one paragraph: a paragraph's first
/// line is indented by two characters, so it falls short of the measure
/// by that much; a line that fills it continues the paragraph.
fn runs_on(prev: usize, next: usize, measure: usize) -> bool {
    flush(prev, measure) && next + INDENT > measure
}

/// Whether a line of width `width` ends flush with the measure.
fn flush(width: usize, measure: usize) -> bool {
    width as f32 >= FLUSH * measure as f32
}

/// Whether line `k` ends a sentence and its block: the text ends, a blank
/// line follows, or the next line starts a block. After a sentence that
/// ended flush with the measure, such a line is the paragraph's last (the
/// rest of it, `…毛利率将承受压力。` / `公司已通过…降低风险。`), not a
/// paragraph of one line: that is the likelier of the two, and the widths
/// cannot tell them apart, as the first line's indent is lost in a line
/// that is short anyway.
fn ends_paragraph(text: &str, lines: &[&Line], blocks: &[bool], k: usize) -> bool {
    ends_sentence(&text[lines[k].content.clone()])
        && lines
            .get(k + 1)
            .is_none_or(|after| blocks[k + 1] || newlines_between(text, lines[k], after) > 1)
}

/// How many line breaks stand between two lines: one where they are
/// adjacent, more where blank lines stand between them.
fn newlines_between(text: &str, prev: &Line, next: &Line) -> usize {
    text[prev.range.end..next.range.start].matches('\n').count()
}

fn decide(text: &str, words: &Words, lines: &[&Line], i: usize, evidence: Evidence) -> Join {
    let prev = &text[lines[i].content.clone()];
    let next = &text[lines[i + 1].content.clone()];
    let first = next.chars().next().unwrap_or(' ');
    let closes_no_line = prev.ends_with(crate::chars::closes_no_line);
    if closes_no_line
        || (crate::chars::opens_no_line(first)
            && !next.starts_with("./")
            && !next.starts_with("../"))
    {
        // (A relative path, `./target/…`, starts a line of its own.)
        return join_chars(words, prev, next, evidence.unmarked);
    }
    if is_lone_bullet(prev) {
        return Join::Bullet;
    }
    if displaced_bullet(text, lines, i, evidence.full_wrap) {
        return Join::Bullet;
    }
    if evidence.title_wrap {
        return join_chars(words, prev, next, evidence.unmarked);
    }
    if evidence.name_row {
        // Spaced-out names keep a gap wider than their own spaces, which
        // the spacing pass reads as the one space between two names.
        return Join::Wrap(if prev.contains(' ') { "   " } else { " " });
    }
    // A chapter's number alone (`1` / `规划背景`) takes only a short title
    // without punctuation: a figure alone before prose is something else.
    // A tab in it is a gap, as the passes after this one read it (`1<tab>5`
    // is `15`), and the title's spaces and tabs, which they may close up,
    // count for nothing.
    let chapter_number = || {
        prev.len() <= 8
            && prev
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b' ' || b == b'\t')
            && next.chars().filter(|&c| c != ' ' && c != '\t').count() <= CHAPTER_TITLE_CHARS
            && !next.contains(|c: char| is_cjk_punct(c) || c.is_ascii_punctuation())
            && is_item_number(&crate::spacing::closed_up(prev))
    };
    if (is_lone_section_number(prev) || chapter_number())
        && (next.starts_with(is_han) || crate::chars::opens_with_year(next))
        && !evidence.next_opens
    {
        // The title after it, which the wide gap of the heading's layout
        // moved to a line of its own (`1 . 1` / `公 司 简 介`): joined with
        // a space, or, before a letter-spaced title, with the wide gap that
        // the spacing pass reads as a word gap and makes one space. A year
        // opening the title (`4 . 1` / `2 0 2 4 年…`) keeps its space from
        // the number in any case.
        let year = crate::chars::opens_with_year(next);
        let letter_spaced = next.split(' ').filter(|p| p.chars().count() == 1).count() >= 4;
        return Join::Wrap(if letter_spaced && !year { "   " } else { " " });
    }
    let first_on_page = i == 0 || lines[i - 1].page != lines[i].page;
    if evidence.next_opens
        // Two labelled lines are two fields, unless the first is full and
        // stops mid-phrase (`编者按：…为准。正` / `如一位老药师所说：…`).
        || (parallel_lines(prev, next) && !(evidence.full_wrap && stops_mid_phrase(prev)))
        || (first_on_page && next.starts_with("——"))
        || evidence.column == Column::Opens
    {
        return Join::Break;
    }
    if evidence.column == Column::Inside || evidence.inside_line {
        return join_chars(words, prev, next, evidence.unmarked);
    }
    if prev.ends_with(crate::chars::ends_no_block)
        || is_tail(prev, next)
        || ends_before_figure(prev, next)
    {
        return join_chars(words, prev, next, evidence.unmarked);
    }
    // Rule 4 goes before rules 5 to 8, but it can only turn a break into
    // a wrap: its scan of the whole line is asked only where they break.
    // A dash after a sentence's end opens an item (`——高端人才缺口…`): a
    // paragraph's next sentence does not start with one.
    let runs_on = evidence.runs_on && !next.starts_with("——");
    let ends_block = evidence.blank_break || (ends_sentence(prev) && !runs_on);
    if ends_heading(prev, next) {
        return Join::Break;
    }
    if evidence.cut && !ends_block {
        return Join::Wrap(word_space(prev, next));
    }
    if (!ends_block && evidence.full_wrap) || closes_open_bracket(prev, next) {
        return join_chars(words, prev, next, evidence.unmarked);
    }
    Join::Break
}

/// Whether `prev` stops at a word that a figure must follow (`日均成交额为`
/// / `8,163亿元`, `第` / `3 季度`, a date's month before its day: `9月` /
/// `30日`), before a line that opens with one:
/// extractors cut a line where the font changes for a figure, and no
/// heading or sentence ends at such a word. `为` after `行`, `有`, `可`,
/// `所` or `人` ends a word of its own (`违法行为`, `大有可为`).
fn ends_before_figure(prev: &str, next: &str) -> bool {
    // Judged as the later passes leave the lines: spaced-out figures
    // closed up (`1 0 月`), radicals read as the ideographs they stand for
    // (`10⽉`).
    let unspaced = |c: &char| *c != ' ' && *c != '\t';
    let mut back = prev
        .chars()
        .rev()
        .filter(unspaced)
        .map(crate::radicals::unified);
    let last = back.next();
    let before = back.next();
    next.starts_with(|c: char| c.is_ascii_digit())
        && match last {
            Some('第' | '逾' | '每') => true,
            Some('为') => !matches!(before, Some('行' | '有' | '可' | '所' | '人')),
            // A date's month and day (`9月` / `30日`).
            Some('月') => {
                before.is_some_and(|c| c.is_ascii_digit()) && {
                    let mut day = next.chars().filter(unspaced).map(crate::radicals::unified);
                    let digits = day.clone().take_while(char::is_ascii_digit).count();
                    digits <= 2 && day.nth(digits).is_some_and(|c| matches!(c, '日' | '号'))
                }
            }
            _ => false,
        }
}

/// Whether `prev` leaves a Chinese bracket, title mark or quote open that
/// `next` closes (rule 4 of the module doc).
///
/// Asked of nearly every break, and most lines leave none open: each line
/// is read once, at the lead bytes of the marks (the UTF-8 of a mark is
/// found only where the mark is), and `next` only for a mark left open.
fn closes_open_bracket(prev: &str, next: &str) -> bool {
    // The lead bytes of the marks' UTF-8: `（）` EF, `《》` E3, `“”` E2.
    let (a, b, c) = (0xE2, 0xE3, 0xEF);
    let unclosed = first_marks(prev, memchr::memrchr3_iter(a, b, c, prev.as_bytes()));
    if !unclosed.contains(&Some(true)) {
        return false;
    }
    let closing = first_marks(next, memchr::memchr3_iter(a, b, c, next.as_bytes()));
    unclosed
        .iter()
        .zip(closing)
        .any(|(&open, close)| open == Some(true) && close == Some(false))
}

/// The brackets, title marks and quotes of [`closes_open_bracket`].
const PAIRS: [(&str, &str); 3] = [("（", "）"), ("《", "》"), ("“", "”")];

/// For each of the [`PAIRS`], which of its marks comes first in `line` in
/// the order of the offsets `at` (`Some(true)` for the opening one).
fn first_marks(line: &str, at: impl Iterator<Item = usize>) -> [Option<bool>; 3] {
    let bytes = line.as_bytes();
    let mut first = [None; 3];
    for i in at {
        let mark = &bytes[i..bytes.len().min(i + 3)];
        for (found, (open, close)) in first.iter_mut().zip(PAIRS) {
            if found.is_none() && (mark == open.as_bytes() || mark == close.as_bytes()) {
                *found = Some(mark == open.as_bytes());
            }
        }
        if first.iter().all(Option::is_some) {
            break;
        }
    }
    first
}

/// How a wrap joins `prev` to `next`. `unmarked`: the text marks breaks
/// between words with a space at the line's end, and this one has none.
fn join_chars(words: &Words, prev: &str, next: &str, unmarked: bool) -> Join {
    let mut back = prev.chars().rev();
    let a = back.next().unwrap_or(' ');
    let b = next.chars().next().unwrap_or(' ');
    if a == '-' && b.is_ascii_alphabetic() && back.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return if hyphen_is_typesetters(words, prev, next) {
            Join::Dehyphen
        } else {
            Join::Wrap("")
        };
    }
    if latin_word_in_chinese(prev, next) {
        return Join::Wrap("");
    }
    let latin_end =
        a.is_ascii_alphanumeric() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '%');
    // A figure wrapped in Chinese text (`于200` / `4年`) was one figure.
    if latin_end && crate::quantity::continues_across_lines(prev, next) {
        Join::Wrap("")
    } else if latin_break(prev, next) && (unmarked || breaks_word(words, prev, next)) {
        // A word broken without a hyphen (`on t` / `hermal`).
        Join::Wrap("")
    } else if (a.is_ascii_alphabetic() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?'))
        && b.is_ascii_alphabetic()
        && ends_letter_spaced(prev)
        && starts_letter_spaced(next)
    {
        // Letter-spaced Latin wraps at a word space (`m a t e r i a l s ,` /
        // `e p o x y`): a wide gap, which the spacing pass makes one space
        // when it undoes the letter-spacing.
        Join::Wrap("   ")
    } else if (latin_end && (b.is_ascii_alphanumeric() || b == '(')) || ends_letter_spaced(prev) {
        Join::Wrap(" ")
    } else {
        Join::Wrap("")
    }
}

/// How a cut at a word space ([`cuts`]) joins: with the word space, one
/// space, whatever the characters beside it say of a wrap (`15, 30` / `and
/// 60 minutes`, in a text that otherwise breaks words without a hyphen);
/// between two single characters, where letter-spaced text meets (`G B` /
/// `3 0 9 6`, `a s` / `a`), with the wide gap that extractors write for a
/// word space there: one space, the spacing pass would read as
/// letter-spacing and remove (`GB3096`, `asa`).
fn word_space(prev: &str, next: &str) -> &'static str {
    let single = |token: Option<&str>| token.is_some_and(|t| t.chars().count() == 1);
    if single(prev.rsplit(' ').next()) && single(next.split(' ').next()) {
        "   "
    } else {
        " "
    }
}

/// Fewest characters of a line that justification stretched (see
/// [`stretched_lines`]): a heading spaced out for show is shorter.
const STRETCHED_CHARS: usize = 10;

/// For each line, whether justification stretched it: it is letter-spaced
/// (nearly every character stands alone between single spaces), its
/// neighbours are not, it stops mid-phrase, and the next line opens with
/// a run that cannot be broken ([`opens_unbreakable`]). A layout stretches
/// only a line it wraps, to fill the measure when the next word did not
/// fit (`2. 自 检 约 需 15 秒 ， 期 间 屏 幕 依 次 显 示` /
/// `“CHECKING……”…`); its width, which counts no spaces, falls short of
/// the measure by the stretch, so it is full whatever its width says.
fn stretched_lines(text: &str, lines: &[&Line]) -> Vec<bool> {
    let line = |j: usize| &text[lines[j].content.clone()];
    (0..lines.len())
        .map(|i| {
            // The cheap tests first: a line's pieces are read only where
            // the next opens with a Latin word or figure.
            lines.get(i + 1).is_some_and(|_| opens_unbreakable(line(i + 1)))
                && stops_mid_phrase(line(i))
                && letter_spaced(line(i)).is_some_and(|pieces| pieces >= STRETCHED_CHARS)
                && !(i > 0 && letter_spaced(line(i - 1)).is_some())
                && letter_spaced(line(i + 1)).is_none()
                // Only a line that the spacing pass closes up: one it
                // leaves spaced would read as stretched again on a second
                // repair, after its neighbours were closed up.
                && crate::spacing::closed_up(line(i)) != line(i)
        })
        .collect()
}

/// The pieces between spaces of a letter-spaced line, one where nearly
/// every piece stands alone (see [`crate::spacing::is_spaced_like`]).
fn letter_spaced(line: &str) -> Option<usize> {
    let pieces = line.split(' ').filter(|p| !p.is_empty());
    let (all, alone) = pieces.fold((0, 0), |(all, alone), p| {
        (all + 1, alone + usize::from(is_spaced_like(p)))
    });
    (all > 1 && alone * 4 >= all * 3).then_some(all)
}

/// Whether a line opens with a Latin word or a figure, perhaps after an
/// opening quote or bracket: a run that a Chinese line cannot break, so
/// the line before, if it did not fit there, was stretched to the measure.
/// Before an ideograph, which can go anywhere, no line is stretched.
fn opens_unbreakable(line: &str) -> bool {
    line.trim_start_matches(['“', '‘', '（', '(', '《'])
        .starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Whether a wrap comes after letter-spaced text: a lone character ends
/// the line after a space (`特 色 突` / `破 、生`, `d B ( A )` / `以下`).
/// The join keeps a space there for the spacing pass to judge with the
/// rest of the run; joined without one, `突破` would read as a word of its
/// own (`特色 突破`), and `)以下` as one that keeps the space before it.
/// The next line need not be spaced: the run may end at the wrap.
fn ends_letter_spaced(prev: &str) -> bool {
    let mut back = prev.chars().rev();
    back.next().is_some_and(|c| c != ' ') && back.next() == Some(' ')
}

/// Whether a line starts with a lone character spaced from the rest (`a t
/// l o w`), as letter-spaced text does; `a laser` does not.
fn starts_letter_spaced(next: &str) -> bool {
    next.chars().nth(1) == Some(' ')
}

/// Whether the word split as `semi-` / `conductor` occurs unhyphenated
/// elsewhere in the text (`semiconductor`, `semiconductors`).
fn hyphen_is_typesetters(words: &Words, prev: &str, next: &str) -> bool {
    let (head, tail) = split_word(&prev[..prev.len() - 1], next);
    let word = [head, tail].concat();
    word.len() >= MIN_DEHYPHENATED && words.has_word_starting_with(&word)
}

/// Whether a wrap between two Latin letters fell inside a word, as a
/// narrow Chinese page breaks English anywhere (`heat t` / `ransfer`): the
/// two pieces make a word that stands whole elsewhere in the text, and the
/// piece after the wrap, of at least [`MIN_DEHYPHENATED`] letters, stands
/// nowhere else. Two words that happen to make a third (`some` / `thing`)
/// each stand alone elsewhere too; a shorter piece (`in` / `to`) says
/// nothing.
fn breaks_word(words: &Words, prev: &str, next: &str) -> bool {
    let (head, tail) = split_word(prev, next);
    !head.is_empty()
        && tail.len() >= MIN_DEHYPHENATED
        && tail.starts_with(|c: char| c.is_ascii_lowercase())
        && words.count(tail) <= 1
        && words.count(&[head, tail].concat()) >= 1
}

/// Whether the wrap cuts one Latin word standing alone in Chinese text
/// (`（CBT` / `C）`, `（MA` / `PE）`, `“超配”（o` / `verweight）`): Han or
/// Chinese punctuation before its head and after its tail. A Chinese line
/// breaks anywhere, even inside a Latin word, so the wrap is no word space;
/// only a lower-case letter before a capital (`Graph` / `WaveNet`) reads as
/// two words, and keeps its space.
fn latin_word_in_chinese(prev: &str, next: &str) -> bool {
    let (head, tail) = split_word(prev, next);
    let (Some(a), Some(b)) = (head.chars().next_back(), tail.chars().next()) else {
        return false;
    };
    let before = prev[..prev.len() - head.len()].chars().next_back();
    let after = next[tail.len()..].chars().next();
    let chinese = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !is_edge_space(c));
    chinese(before) && chinese(after) && !(a.is_ascii_lowercase() && b.is_ascii_uppercase())
}

/// The Latin letters ending `prev` and those starting `next`.
fn split_word<'a>(prev: &'a str, next: &'a str) -> (&'a str, &'a str) {
    let head_len: usize = prev
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .map(char::len_utf8)
        .sum();
    let tail_len = next
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(next.len());
    (&prev[prev.len() - head_len..], &next[..tail_len])
}

/// The shortest word a hyphen at a wrap is dropped from.
const MIN_DEHYPHENATED: usize = 4;

/// The English words of a text, sorted, every occurrence, gathered the
/// first time a wrap inside a Latin word asks for them. Searching the whole text for each such word
/// instead made a page of hyphenated English quadratic in its length.
struct Words<'a> {
    text: &'a str,
    sorted: OnceCell<Vec<&'a str>>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            sorted: OnceCell::new(),
        }
    }

    fn has_word_starting_with(&self, prefix: &str) -> bool {
        let sorted = self.sorted();
        let at = sorted.partition_point(|w| *w < prefix);
        sorted.get(at).is_some_and(|w| w.starts_with(prefix))
    }

    /// How many times `word` stands whole in the text.
    fn count(&self, word: &str) -> usize {
        let sorted = self.sorted();
        sorted.partition_point(|w| *w <= word) - sorted.partition_point(|w| *w < word)
    }

    fn sorted(&self) -> &[&'a str] {
        self.sorted.get_or_init(|| {
            // Split on bytes: a word is ASCII letters, so every cut falls on
            // a character boundary, and the Han text around is not decoded;
            // eight bytes with no letter among them are passed at once.
            // Words shorter than the shortest looked up are never found.
            let bytes = self.text.as_bytes();
            let mut words: Vec<&str> = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_alphabetic() {
                    let eight = bytes.get(i..i + 8).and_then(|b| b.try_into().ok());
                    let none = eight.is_some_and(|b| !has_ascii_letter(u64::from_le_bytes(b)));
                    i += if none { 8 } else { 1 };
                    continue;
                }
                let start = i;
                while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    i += 1;
                }
                if i - start >= MIN_DEHYPHENATED {
                    words.push(&self.text[start..i]);
                }
            }
            words.sort_unstable();
            words
        })
    }
}

/// Whether any of the eight bytes of `word` is an ASCII letter, all at
/// once: with the case bit set and the high bit cleared, a letter is a
/// byte from `a` (0x61) to `z` (0x7A), and adding 0x1F to a byte, or 0x05,
/// sets its high bit from 0x61 up, or from 0x7B up, without a carry into
/// the next byte. Bytes of non-ASCII characters, high bit set, are left
/// out.
fn has_ascii_letter(word: u64) -> bool {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let ascii = !word & (0x80 * EACH);
    let folded = (word | (0x20 * EACH)) & (0x7F * EACH);
    let from_a = folded + 0x1F * EACH;
    let past_z = folded + 0x05 * EACH;
    from_a & !past_z & ascii != 0
}

/// Whether a line holds only a section number with a dot inside, of one
/// digit a level (`2.1`, `3.4.2`, letter-spaced `1 . 1`); a lone `2023`
/// or `3` says nothing. A level of two digits (`1.11`) is left alone: the
/// quantities pass makes such a number of `1.1 1`, after this pass has
/// judged the line, and a second repair would judge it otherwise.
fn is_lone_section_number(line: &str) -> bool {
    if line.len() > 16 || !line.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut parts = 0;
    for part in line.split('.') {
        let digit = part.trim_matches([' ', '\t']);
        if digit.len() != 1 || !digit.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// Longest title (in characters, without spaces) that a chapter's number
/// alone on the line before is joined to.
const CHAPTER_TITLE_CHARS: usize = 16;

/// Whether the next line is a bullet alone that pdftotext moved out of
/// its item's first line, into the middle of the item: the line before it
/// is full and stops mid-sentence, and the line after it starts no block
/// (`…外延生` / `` / `•` / `` / `长了InxGa1-xSb…`). pdftotext writes a
/// bullet in a symbol font as a block of its own, after the line it stood
/// on. Read where it stands, it would end the item mid-sentence; the
/// break before it is the wrap of the line before, and it joins the line
/// after as any bullet alone does, unless it can go back to the start of
/// its item ([`returned_bullet`]).
fn displaced_bullet(text: &str, lines: &[&Line], i: usize, full_wrap: bool) -> bool {
    let content = |k: usize| lines.get(k).map(|l| &text[l.content.clone()]);
    content(i + 1).is_some_and(is_lone_bullet)
        && full_wrap
        && content(i).is_some_and(|prev| !ends_sentence(prev))
        && content(i + 2).is_some_and(|after| !starts_block(after) && !is_lone_bullet(after))
}

/// The join that replaces a displaced bullet after line `first`, when
/// the bullet goes back to the start of its item, which `first` opens (the
/// break before it ends a block): the join of `first` and the line after
/// the bullet, as if the bullet had never stood between them
/// (`…批量供应，650V` / `•` / `GaN HEMT…` reads `…650V GaN HEMT…`, and
/// the item `• GaN：…`). `None` where no bullet was displaced, or where the
/// join would take a hyphen away: then the bullet stays where it stands.
fn returned_bullet(
    text: &str,
    words: &Words,
    lines: &[&Line],
    first: usize,
    full_wrap: impl Fn(usize) -> bool,
    marked: bool,
) -> Option<&'static str> {
    if first + 2 >= lines.len() || !displaced_bullet(text, lines, first, full_wrap(first)) {
        return None;
    }
    let (prev, next) = (lines[first], lines[first + 2]);
    let unmarked = marked && !ends_in_space(prev);
    match join_chars(
        words,
        &text[prev.content.clone()],
        &text[next.content.clone()],
        unmarked,
    ) {
        Join::Wrap(sep) => Some(sep),
        _ => None,
    }
}

/// Whether `prev` is a whole section heading before prose: it opens with
/// a heading's Chinese number (`（二）`, `三、`), carries no punctuation
/// after it, and the next line has a comma or a full stop. A heading as
/// wide as the measure reads as full, but a heading that wraps goes on
/// without the punctuation of prose.
fn ends_heading(prev: &str, next: &str) -> bool {
    is_bare_heading(prev) && next.contains(['，', '。'])
}

/// Whether a line is a section heading numbered in Chinese (`（二）`,
/// `三、`) with no punctuation after its number.
fn is_bare_heading(line: &str) -> bool {
    let (bracketed, body) = match line.strip_prefix('（') {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let after = body.trim_start_matches(is_chinese_numeral);
    let title = match (bracketed, after.len() < body.len()) {
        (true, true) => after.strip_prefix('）'),
        (false, true) => after.strip_prefix('、'),
        _ => None,
    };
    title.is_some_and(|title| !title.contains(is_cjk_punct))
}

/// Most characters of a wrapped sentence's tail (see [`is_tail`]).
const TAIL_CHARS: usize = 5;

/// Whether `next` is the tail of a sentence that `prev` left mid-phrase: a
/// few characters that end it (`三、快充：30分钟充到80%是怎么做到` /
/// `的？`, `…的探测科考提` / `供支撑。`). A heading set in a larger font, or
/// a paragraph with no lines of its measure around it, gives no width to
/// go by; but no block is a word or two and a full stop. A bare numbered
/// heading (`七、故障排除`) is a block of its own whatever follows.
fn is_tail(prev: &str, next: &str) -> bool {
    // Judged without the whitespace that the spacing pass removes, so a
    // second repair judges it alike.
    let ink = || next.chars().filter(|c| !c.is_whitespace());
    // The next line's length first: it tells most breaks apart.
    ink().take(TAIL_CHARS + 1).count() <= TAIL_CHARS
        && stops_mid_phrase(prev)
        && !is_bare_heading(prev)
        && ends_sentence(&ink().collect::<String>())
}

fn is_lone_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(crate::chars::is_lone_bullet_mark) && chars.next().is_none()
}

pub(crate) fn ends_sentence(line: &str) -> bool {
    // Spaces between the marks (`。 ”`) are letter-spacing.
    let body = line.trim_end_matches(|c: char| is_closing(c) || c == ' ');
    match body.chars().next_back() {
        Some('.') => {
            // Letter-spaced text spaces its period too (`m i n u t e s .`).
            let before = body[..body.len() - 1].trim_end_matches(' ');
            let word = before
                .rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.')
                .next()
                .unwrap_or("");
            // A lone letter after a space may end a word spaced out letter
            // by letter (`L t d.`): judged as the spacing pass leaves it.
            if word.len() == 1 && before[..before.len() - 1].ends_with(' ') {
                let closed = crate::spacing::closed_up(line);
                if closed != line {
                    return ends_sentence(&closed);
                }
            }
            !ABBREVIATIONS.contains(&word) && !word.is_empty()
        }
        Some(c) => is_sentence_end(c),
        None => false,
    }
}

/// Words whose period does not end a sentence (`Fig. 3`, `et al. [2]`, a
/// company's `Pte. Ltd.`).
const ABBREVIATIONS: &[&str] = &[
    "Fig", "Figs", "Eq", "No", "Nos", "Ltd", "Pte", "Co", "Inc", "al", "etc", "vs", "e.g", "i.e",
    "Dr", "Mr", "Mrs", "Ms", "Prof", "U.S", "Vol", "pp", "Ref", "Tab",
];

/// Whether a line starts a list item or a numbered heading.
pub(crate) fn starts_block(line: &str) -> bool {
    block_start(line, false)
}

/// [`starts_block`], told whether `line` is known to be closed up
/// ([`crate::spacing::closed_up`]) already: a line is judged as the spacing
/// pass leaves it, and closing up a line again, which changes nothing,
/// cost as much as the first time.
fn block_start(line: &str, closed: bool) -> bool {
    let mut chars = line.chars();
    let Some(c) = chars.next() else { return false };
    let rest = chars.as_str();
    match c {
        c if is_bullet(c) => true,
        '✓' | '✔' | '※' | '①'..='⑳' | '❶'..='❿' => true,
        // `- 双特异性抗体`, `* 注意`: a dash or star bullet before a space.
        '-' | '*' => rest.starts_with(' ') && is_ascii_bullet(&line[..1], rest.trim_start()),
        // `（一）`, `(2)`, and letter-spaced `（ 三 ）`, which the spacing
        // pass has yet to close up.
        '（' | '(' => {
            let body = rest.trim_start_matches(' ');
            let inner =
                body.trim_start_matches(|c: char| c.is_ascii_digit() || is_chinese_numeral(c));
            inner.len() < body.len() && inner.trim_start_matches(' ').starts_with(['）', ')'])
        }
        // `Abstract:`, `Key words:`: an English label, one or two
        // capitalised words and a colon.
        // Letter-spaced (`A c t :`), judged as the spacing pass leaves it.
        c if c.is_ascii_uppercase() && is_english_label(line) => true,
        c if c.is_ascii_uppercase()
            && line
                .split_once(':')
                .is_some_and(|(label, _)| label.len() <= 32 && is_letter_spaced_label(label)) =>
        {
            !closed && {
                let closed = crate::spacing::closed_up(line);
                closed != line && is_english_label(&closed)
            }
        }
        // `图1-1 文本抽取流程`, `附录A 术语表`: a caption or heading label
        // and the space the spacing pass keeps after it (in a spaced-out
        // line it may not: `表1 为` is `表1为`).
        _ if opens_with_label(line)
            && (closed || opens_with_label(&crate::spacing::closed_up(line))) =>
        {
            true
        }
        // `【本期要点】`: a short label in lenticular brackets heads a
        // section, as a numbered heading does.
        '【' => rest
            .split_once('】')
            .is_some_and(|(label, _)| is_bracket_label(label)),
        // `摘要：`, `本报记者：`: a field of a document's front matter.
        c if is_han(c) && opens_with_field(line) => true,
        // `王强 刘洋 张伟`: a row of names (see [`is_name_row`]).
        c if is_han(c) && is_name_row(line, closed) => true,
        // `第三章`, `第 3 条`, and `第部分`, whose number the extractor
        // lost (drawn as a graphic): no word starts `第部`.
        '第' => rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || is_chinese_numeral(c) || c == ' ')
            .starts_with(['章', '节', '条', '部', '篇', '编']),
        c if is_chinese_numeral(c) => rest
            .trim_start_matches(is_chinese_numeral)
            .trim_start_matches(' ')
            .starts_with('、'),
        c if c.is_ascii_digit() => {
            let after = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            let number = &line[..line.len() - after.len()];
            let mut a = after.chars();
            match a.next() {
                // `1、` `1）` `1．`: a number of an item is a whole number
                // of two digits at most; `104、105架` and `54.3、53.9` are
                // figures in a list.
                Some('、' | '）' | ')' | '．') => is_item_number(number),
                // And letter-spaced, `1 ）`, which the spacing pass closes
                // up.
                Some(' ' | '\t') if a.as_str().trim_start().starts_with(['、', '）', '．']) => {
                    is_item_number(number)
                }
                // `1. 标题` `2.1 标题` `1 引言`, but not a wrapped line
                // that starts `2024 年度…` (spaced by the typesetter).
                // The title must start with a letter or ideograph, as the
                // spacing pass keeps the space only then.
                // A tab is a space here: the spacing pass judges both
                // alike (`1.\t1中…` is the figure `1.1`, no item).
                Some(' ' | '\t') => {
                    // Judged as the spacing pass leaves it where it closes
                    // the line up (`3 . 标题` is `3. 标题`, `2. 誌` is
                    // `2.誌`), as a second repair will read it.
                    // Closing up cannot make an item or a heading of a
                    // number of three digits or more without a point
                    // (`2 0 2 3 年`), the commonest such line: skipped.
                    let rest = line.trim_start_matches(|c: char| {
                        c.is_ascii_digit() || c == '.' || c == ' ' || c == '\t'
                    });
                    let spaced_number = &line[..line.len() - rest.len()];
                    let digits = spaced_number.bytes().filter(u8::is_ascii_digit).count();
                    let point = spaced_number.contains('.');
                    if digits > 2 && !point {
                        return false;
                    }
                    // Nor can it make one of a line whose number has no
                    // point, unless an item's mark follows the number, or
                    // a short title that opens with a letter or ideograph:
                    // closing up deletes only spaces and tabs, which
                    // [`width`] does not count, so the title is as wide
                    // as the rest of the line is now. Most lines of a
                    // spaced-out page that open with a figure
                    // (`1 0 月 1 5 日 ，…`) are told apart so, without
                    // closing them up.
                    let first = rest.chars().next();
                    let marked = first.is_some_and(|c| matches!(c, '、' | '）' | ')' | '．'));
                    let titled = first.is_some_and(|c| is_han(c) || c.is_ascii_uppercase())
                        && width(rest) < SHORT_TITLE;
                    if !point && !marked && !titled {
                        return false;
                    }
                    if !closed {
                        let closed = crate::spacing::closed_up(line);
                        if closed != line {
                            return block_start(&closed, true);
                        }
                    }
                    let title = a.as_str().trim_start();
                    // Two letters or ideographs: a single one after the
                    // number is a spaced-out run, not a title.
                    let mut head = title.chars();
                    let titled = match (head.next(), head.next()) {
                        (Some(a), Some(b)) => {
                            (is_han(a) && is_han(b))
                                || (a.is_ascii_uppercase() && b.is_ascii_alphabetic())
                        }
                        _ => false,
                    };
                    // A first word that the spacing pass reads as one
                    // letter of a spaced-out run (`1 fi a…`, the letters
                    // of a ligature), a space or a tab after it, is no
                    // title either.
                    let word = title.split([' ', '\t']).next().unwrap_or(title);
                    let spaced = word.len() < title.len() && is_spaced_like(word);
                    let short =
                        number.len() <= 2 && width(title) < SHORT_TITLE && !ends_sentence(title);
                    titled
                        && !spaced
                        && (number.contains('.') || short)
                        && !crate::quantity::opens_count(number, title)
                }
                // `1.申报`: a numbered item glued to its text.
                Some(n) if number.ends_with('.') => !n.is_ascii_digit(),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Width under which the title after a number of one or two digits
/// without a point (`1 引言`) makes a heading: twenty ideographs. A longer
/// one is a sentence that opens with a figure.
const SHORT_TITLE: usize = 40;

/// Whether `line` is a row of names: at least [`ROW_NAMES`] runs of two
/// to [`NAME_CHARS`] ideographs, spaces between them and nothing else, as
/// the spacing pass leaves it (`王 强   刘 洋   张 伟` is `王强 刘洋 张伟`).
/// Chinese prose puts no space between two words, so such a line is a
/// list of its own, whatever the line before it says (`…推荐产生：`).
fn is_name_row(line: &str, closed: bool) -> bool {
    // Closing up only deletes spaces, so a first word longer than a name
    // stays one: most lines of prose are told apart at their fifth
    // character.
    let mut first_word = line
        .trim_start_matches(' ')
        .chars()
        .take_while(|&c| c != ' ');
    if first_word.nth(NAME_CHARS).is_some() {
        return false;
    }
    if !line.contains(' ') || !line.chars().all(|c| c == ' ' || is_han(c)) {
        return false;
    }
    let judge = |row: &str| {
        let mut names = 0;
        for name in row.split(' ').filter(|name| !name.is_empty()) {
            if !is_name(name) {
                return false;
            }
            names += 1;
        }
        names >= ROW_NAMES
    };
    if closed {
        judge(line)
    } else {
        judge(&crate::spacing::closed_up(line))
    }
}

/// A label spaced out letter by letter, wholly or in part (`A c t `,
/// `A r a c tc`), which only the spacing pass makes words: whether it is a
/// label is judged on the line closed up. Judged as it stands, a label
/// spaced in part would read as none on the first repair and as one on the
/// second.
fn is_letter_spaced_label(label: &str) -> bool {
    label
        .split(' ')
        .filter(|piece| piece.chars().count() == 1)
        .take(2)
        .count()
        == 2
}

/// Whether a line opens with a caption or heading label and a space.
fn opens_with_label(line: &str) -> bool {
    // Every label opens with one of these: most lines are told apart
    // without looking for the space after it.
    line.starts_with(['第', '附', '图', '表'])
        && line
            .split_once(' ')
            .is_some_and(|(label, _)| is_heading_label(label))
}

/// Whether the text between `【` and `】` is a label: one to
/// [`MAX_LABEL_CHARS`] letters or ideographs, no sentence inside.
fn is_bracket_label(label: &str) -> bool {
    let chars = label.chars().filter(|&c| c != ' ');
    (1..=MAX_LABEL_CHARS).contains(&chars.clone().count())
        && chars
            .clone()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric())
}

/// Whether the break after line `i` wraps a field of the front matter: a
/// title or a list of keywords, set in a narrower measure or a larger font
/// than the text, that stops mid-phrase (`题目：基于图神经网络的城市路网短时交`
/// / `通流预测方法`), before a line that ends no sentence and is followed by
/// the next field or heading. Such a field has no measure to go by, and
/// its lines carry no punctuation.
fn field_wraps(text: &str, lines: &[&Line], i: usize) -> bool {
    let line = |j: usize| &text[lines[j].content.clone()];
    // Judged as the spacing pass leaves the lines (`A b s t r a c t :` is
    // a label only once closed up), so a second repair judges alike.
    let opens = |j: usize| {
        lines
            .get(j)
            .is_none_or(|l| starts_block(&crate::spacing::closed_up(&text[l.content.clone()])))
    };
    let prev = line(i);
    i + 1 < lines.len()
        && opens_with_field(prev)
        && stops_mid_phrase(prev)
        && !ends_sentence(line(i + 1))
        && !opens(i + 1)
        && opens(i + 2)
}

/// Longest label in lenticular brackets (`【本期导读】`, `【专家观点】`).
const MAX_LABEL_CHARS: usize = 8;

/// Whether `line` opens with the label of a field of a document's front
/// matter (`摘要：`, `作者：`, `本报记者：`) and its colon, spaced out or
/// not. Each such field is a block of its own, and the line before it
/// often ends with nothing that says so: an address's closing bracket
/// (`…上海 200237）` / `摘要：…`), a headline. Only these labels count: a
/// wrap can leave any word and a colon at a line's start (`强调：`).
fn opens_with_field(line: &str) -> bool {
    // The colon follows at most the longest label: most lines are told
    // apart without reading the labels. Asked of nearly every line that
    // opens with Han, so read from the bytes: the characters are counted
    // at the bytes that start them.
    let opens_label = line
        .trim_start_matches(' ')
        .chars()
        .next()
        .is_some_and(|c| {
            static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
            FIRSTS
                .get_or_init(|| {
                    FIELD_LABELS
                        .iter()
                        .filter_map(|l| l.chars().next())
                        .collect()
                })
                .contains(&c)
        });
    if !opens_label {
        return false;
    }
    let bytes = line.as_bytes();
    let mut colon_near = false;
    let mut chars = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' || b & 0xC0 == 0x80 {
            continue;
        }
        if b == b':' || bytes[i..].starts_with("：".as_bytes()) {
            colon_near = true;
            break;
        }
        chars += 1;
        if chars > FIELD_CHARS {
            break;
        }
    }
    colon_near
        && FIELD_LABELS.iter().any(|label| {
            let mut head = line.chars().filter(|&c| c != ' ');
            label.chars().all(|c| head.next() == Some(c)) && matches!(head.next(), Some('：' | ':'))
        })
}

/// Characters of the longest of the [`FIELD_LABELS`].
const FIELD_CHARS: usize = 5;

/// The field labels of [`opens_with_field`]: those of a paper's, a
/// newsletter's, an official document's and a listed company's report's
/// front matter.
const FIELD_LABELS: &[&str] = &[
    "题目",
    "摘要",
    "关键词",
    "关键字",
    "作者",
    "通讯作者",
    "作者简介",
    "基金项目",
    "中图分类号",
    "文献标识码",
    "文章编号",
    "收稿日期",
    "本报记者",
    "本刊记者",
    "特约撰稿",
    "通讯员",
    "主办",
    "编制单位",
    "抄送",
    "附件",
    "证券代码",
    "证券简称",
    "公告编号",
];

/// The number of a list item: a whole number of two digits at most.
fn is_item_number(number: &str) -> bool {
    number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a line opens with an English label: one or two words and a
/// colon (`Abstract:`, `Key words:`), as the fields of an abstract do.
fn is_english_label(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    // `HTTP://…` is an address, not a label.
    let words = label.split(' ').collect::<Vec<_>>();
    !rest.starts_with("//")
        && words.len() <= 2
        && label.len() <= 16
        && words
            .iter()
            .all(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether two lines have the same shape that no wrap produces twice:
/// both open with a short label and a colon (`安装命令：` / `配置文件示例：`),
/// as the fields of a list do.
fn parallel_lines(prev: &str, next: &str) -> bool {
    opens_with_field_label(prev) && opens_with_field_label(next)
}

/// Whether a line opens with a short label and a colon (`安装命令：`,
/// `联系电话：`), as a field of a list or a record does. Only a line's
/// first eleven characters can hold such a label: a line of prose is not
/// read to its end for a colon.
pub(crate) fn opens_with_field_label(line: &str) -> bool {
    let head = line
        .chars()
        .take(11)
        .take_while(|&c| is_han(c) || c.is_ascii_alphanumeric())
        .count();
    (2..=10).contains(&head) && line.chars().nth(head) == Some('：')
}

/// The measure of the lines around line `i`: the typical width of the
/// lines within `window` lines, when [`MEASURE_PEERS`] other lines there
/// are within a [`tolerance`] of it and it is a wrapping width.
fn measure(widths: &[usize], i: usize, narrowest: usize, window: usize) -> Option<usize> {
    let lo = i.saturating_sub(window);
    let hi = (i + window + 1).min(widths.len());
    // The three widest, widest first.
    let mut top = [0usize; 3];
    for &w in &widths[lo..hi] {
        if w > top[0] {
            top = [w, top[0], top[1]];
        } else if w > top[1] {
            top = [top[0], w, top[1]];
        } else if w > top[2] {
            top[2] = w;
        }
    }
    let measure = if hi - lo >= 3 { top[1] } else { top[0] };
    if !(narrowest..=MAX_MEASURE).contains(&measure) {
        return None;
    }
    let tolerance = tolerance(measure);
    let has_measure = (lo..hi)
        .filter(|&j| j != i && widths[j].abs_diff(measure) <= tolerance)
        .nth(MEASURE_PEERS - 1)
        .is_some();
    has_measure.then_some(measure)
}

/// How far a line of a measure may fall short of it, or exceed it: an
/// eighth, for the narrow glyphs and stretched spaces of justified lines.
fn tolerance(measure: usize) -> usize {
    (measure / 8).max(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_letters_in_eight_bytes() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'1'; 8];
                word[at] = b;
                let found = has_ascii_letter(u64::from_le_bytes(word));
                assert_eq!(found, b.is_ascii_alphabetic(), "byte {b:#x} at {at}");
            }
        }
        assert!(!has_ascii_letter(u64::from_le_bytes(*b"\xe4\xb8\xad 1.@`")));
        assert!(has_ascii_letter(u64::from_le_bytes(*b"\xe4\xb8\xadZ1.@[")));
    }

    /// (input, expected, why)
    const CASES: &[(&str, &str, &str)] = &[
        (
            "截至9月\n30日收盘，指数上涨。\n",
            "截至9月30日收盘，指数上涨。\n",
            "a date's month before its day on the next line is no block's end",
        ),
        (
            "全年违法行为\n2023年共查处120起。\n",
            "全年违法行为\n2023年共查处120起。\n",
            "a line that ends a word in 为 before a figure ends its block as any short line does",
        ),
        (
            "百分点。主要污染指标为化学需氧量（C O D ）、总磷（T P ）和氨氮\n（N H 3 - N ），超标断面主要分布在城区河网和农业面源较为集中\n的东部平原。\n（二）主要指标浓度\n主要河流干流C O D 年均浓度为\n1 4 . 6m g / L ，比上年下降\n1 . 9m g / L ，满足Ⅲ类标准（≤2 0m g / L ）；氨氮年均浓度为\n0 . 4 2m g / L ，总磷年均浓度为0 . 1 3m g / L ，溶解氧（D O ）年均值\n为7 . 8m g / L 。城区河网C O D 浓度范围为1 2 ~ 3 1m g / L ，汛期初期\n降雨冲刷形成的浓度“ 尖峰” 仍较明显—— 6 月中旬一次强降雨\n过后，青溪河入江口断面C O D 瞬时值一度达到4 6m g / L ，约为Ⅲ\n",
            "百分点。主要污染指标为化学需氧量（C O D ）、总磷（T P ）和氨氮（N H 3 - N ），超标断面主要分布在城区河网和农业面源较为集中的东部平原。\n（二）主要指标浓度\n主要河流干流C O D 年均浓度为1 4 . 6m g / L ，比上年下降\n1 . 9m g / L ，满足Ⅲ类标准（≤2 0m g / L ）；氨氮年均浓度为0 . 4 2m g / L ，总磷年均浓度为0 . 1 3m g / L ，溶解氧（D O ）年均值为7 . 8m g / L 。城区河网C O D 浓度范围为1 2 ~ 3 1m g / L ，汛期初期降雨冲刷形成的浓度“ 尖峰” 仍较明显—— 6 月中旬一次强降雨过后，青溪河入江口断面C O D 瞬时值一度达到4 6m g / L ，约为Ⅲ\n",
            "a line that stops at a word a figure must follow goes on into the figure that opens the next",
        ),
        (
            "第 1 页 共 10 页\n\n\u{c}agonal boron nitride (h-BN) were prepared by solutio\nn blending followed by vacuum casting. The effects of\ntotal filler loading and the GNP/h-BN mass ratio on t\nhermal conductivity, dielectric behavior and mechan\nical properties were investigated. At a total loading of\n25 wt% and a mass ratio of 1:4, the thermal conducti\nvity reached 1.86 W/(m·K), about 9.8 times that of n\neat epoxy, while the volume resistivity remained abo\nve 10¹³ Ω·cm. SEM images (Fig. 3) indicate that GNP\nsheets bridge adjacent h-BN particles and build conti\nnuous heat-conduction paths. Compared with singlefiller systems reported by Li et al. and others, the syn\nergistic strategy achieves higher conductivity at lowe\nr filler content.\n",
            "第 1 页 共 10 页\nagonal boron nitride (h-BN) were prepared by solutio n blending followed by vacuum casting. The effects of total filler loading and the GNP/h-BN mass ratio on thermal conductivity, dielectric behavior and mechan ical properties were investigated. At a total loading of 25 wt% and a mass ratio of 1:4, the thermal conductivity reached 1.86 W/(m·K), about 9.8 times that of n eat epoxy, while the volume resistivity remained abo ve 10¹³ Ω·cm. SEM images (Fig. 3) indicate that GNP sheets bridge adjacent h-BN particles and build conti nuous heat-conduction paths. Compared with singlefiller systems reported by Li et al. and others, the syn ergistic strategy achieves higher conductivity at lowe r filler content.\n",
            "an English word that a narrow page broke without a hyphen joins where it stands whole elsewhere in the text",
        ),
        (
            "三、风险因素与应对\n3.1 宏观经济波动风险\n公司下游行业与制造业固定资产投资的景气程度高度相关。如果宏观经济增速放缓，或者新能\n源汽车、光伏等行业出现阶段性产能过剩，客户可能推迟或削减设备采购计划，从而对公司的订单\n和收入造成不利影响……\n\n3.2 原材料价格波动风险\n公司主要原材料包括合金结构钢、轴承钢、铝合金铸件和电子元器件等，直接材料成本占主营\n业务成本的比例约为 62.4%。若钢材价格大幅上涨而公司无法及时向下游传导，毛利率将承受压力。\n公司已通过与主要供应商签订年度锁价协议、开展套期保值等方式降低风险。\n\n3.3 汇率波动风险\n公司境外业务主要以美元、欧元和英镑结算。报告期内因汇率变动产生的汇兑收益为 0.14 亿\n元，上年同期为汇兑损失 0.07 亿元。人民币汇率的双向波动仍将对公司经营业绩产生一定影响。\n\n",
            "三、风险因素与应对\n3.1 宏观经济波动风险\n公司下游行业与制造业固定资产投资的景气程度高度相关。如果宏观经济增速放缓，或者新能源汽车、光伏等行业出现阶段性产能过剩，客户可能推迟或削减设备采购计划，从而对公司的订单和收入造成不利影响……\n3.2 原材料价格波动风险\n公司主要原材料包括合金结构钢、轴承钢、铝合金铸件和电子元器件等，直接材料成本占主营业务成本的比例约为 62.4%。若钢材价格大幅上涨而公司无法及时向下游传导，毛利率将承受压力。公司已通过与主要供应商签订年度锁价协议、开展套期保值等方式降低风险。\n3.3 汇率波动风险\n公司境外业务主要以美元、欧元和英镑结算。报告期内因汇率变动产生的汇兑收益为 0.14 亿 元，上年同期为汇兑损失 0.07 亿元。人民币汇率的双向波动仍将对公司经营业绩产生一定影响。\n",
            "after a sentence that ends flush with the measure, a short line that ends the block is the paragraph's last",
        ),
        (
            "况 ，对 承 诺 的 关 键 绩 效 指 标 完 成 率 低 于 8 0 % 的 ，按 完 成 比 例 核 减\n\n补 助 资 金 。\n\n六 、 评 审 专 家 组 名 单\n\n经 研 究 ，本 年 度 评 审 工 作 由 以 下 专 家 组 成 专 家 组（ 按 姓 氏 笔 画\n\n排 序 ）， 专 家 组 组 长 由 市 数 字 经 济 研 究 院 推 荐 产 生 ：\n\n王 强   刘 洋   张 伟   李 娜   陈 静   赵 敏   周 涛   黄 磊\n\n评 审 专 家 实 行 回 避 制 度 。 凡 与 申 报 企 业 存 在 任 职 、 投 资 、 亲 属\n\n关 系 或 近 三 年 内 有 合 作 关 系 的 ， 应 主 动 申 请 回 避 … …\n",
            "况 ，对 承 诺 的 关 键 绩 效 指 标 完 成 率 低 于 8 0 % 的 ，按 完 成 比 例 核 减 补 助 资 金 。\n六 、 评 审 专 家 组 名 单\n经 研 究 ，本 年 度 评 审 工 作 由 以 下 专 家 组 成 专 家 组（ 按 姓 氏 笔 画 排 序 ）， 专 家 组 组 长 由 市 数 字 经 济 研 究 院 推 荐 产 生 ：\n王 强   刘 洋   张 伟   李 娜   陈 静   赵 敏   周 涛   黄 磊\n评 审 专 家 实 行 回 避 制 度 。 凡 与 申 报 企 业 存 在 任 职 、 投 资 、 亲 属 关 系 或 近 三 年 内 有 合 作 关 系 的 ， 应 主 动 申 请 回 避 … …\n",
            "a row of names, spaced out here, is a block of its own after a line that stops at a colon",
        ),
        (
            "经 研 究 ，本 年 度 评 审 工 作 由 以 下 专 家 组 成 专 家 组（ 按 姓 氏 笔 画\n排 序 ）， 专 家 组 组 长 由 市 数 字 经 济 研 究 院 推 荐 产 生 ：\n王 强\n\n刘 洋\n\n张 伟\n\n李 娜\n\n陈 静\n\n赵 敏\n\n周 涛\n\n黄 磊\n\n评 审 专 家 实 行 回 避 制 度 。凡 与 申 报 企 业 存 在 任 职 、投 资 、亲 属\n关 系 或 近 三 年 内 有 合 作 关 系 的 ， 应 主 动 申 请 回 避 … …\n",
            "经 研 究 ，本 年 度 评 审 工 作 由 以 下 专 家 组 成 专 家 组（ 按 姓 氏 笔 画 排 序 ）， 专 家 组 组 长 由 市 数 字 经 济 研 究 院 推 荐 产 生 ：\n王 强   刘 洋   张 伟   李 娜   陈 静   赵 敏   周 涛   黄 磊\n评 审 专 家 实 行 回 避 制 度 。凡 与 申 报 企 业 存 在 任 职 、投 资 、亲 属\n关 系 或 近 三 年 内 有 合 作 关 系 的 ， 应 主 动 申 请 回 避 … …\n",
            "a row of spaced-out names that pdftotext cut at every gap is one line, each name set apart by a gap wider than its own spaces",
        ),
        (
            "- 双特异性抗体治疗复发难治性多发性骨髓瘤的 II 期研究，计划入组 60 例，要求年龄 18～75 岁，\n既往接受过至少 3 线治疗。\n- 新型口服 GLP-1 受体激动剂治疗 2 型糖尿病合并肥胖的 III 期研究，计划入组 320 例，要求体\n重指数≥28，糖化血红蛋白 7.0%～10.5%。\n- 第二代 CAR-T 产品治疗自身免疫性疾病的探索性研究，计划入组 12 例，适应证为难治性系统\n性红斑狼疮。\n有意向推荐患者的临床医师，可通过院内 OA 系统“临床研究”模块提交预筛信息，也可直接联系\n临床研究中心……\n编者按：本刊所载剂量和方案仅供院内临床参考，具体用药请以药品说明书和最新指南为准。正\n如一位老药师所说：“每一张处方背后，都是一个需要被认真对待的生命。”\n\n-3-\n\n",
            "- 双特异性抗体治疗复发难治性多发性骨髓瘤的 II 期研究，计划入组 60 例，要求年龄 18～75 岁，既往接受过至少 3 线治疗。\n- 新型口服 GLP-1 受体激动剂治疗 2 型糖尿病合并肥胖的 III 期研究，计划入组 320 例，要求体重指数≥28，糖化血红蛋白 7.0%～10.5%。\n- 第二代 CAR-T 产品治疗自身免疫性疾病的探索性研究，计划入组 12 例，适应证为难治性系统性红斑狼疮。\n有意向推荐患者的临床医师，可通过院内 OA 系统“临床研究”模块提交预筛信息，也可直接联系临床研究中心……\n编者按：本刊所载剂量和方案仅供院内临床参考，具体用药请以药品说明书和最新指南为准。正如一位老药师所说：“每一张处方背后，都是一个需要被认真对待的生命。”\n-3-\n",
            "a full line that stops mid-phrase goes on into a line that opens with a label and a colon, even after a line that does too",
        ),
        (
            "速约为 3×10⁸ m/s；但锂离子在电解液中的实际迁移速度\n要慢得多，离子电导率通常只有 1e-3~1e-2 S/cm的量级。\n再比如，电极材料的比表面积常以 m²/g 为单位，有的活性\n炭材料每克比表面积可超过2000 m²——差不多相当于 5\n个篮球场那么大！\n又比如，我们常说的“mAh”\n（毫安时）其实是容量\n单位，而不是能量单位。一块标称5000 mAh、电压3.85\nV 的手机电池，所储存的能量约为5000 mAh×3.85 V÷\n1000≈19.25 Wh。不同电压的电池，只比较 mAh 是没有\n",
            "速约为 3×10⁸ m/s；但锂离子在电解液中的实际迁移速度要慢得多，离子电导率通常只有 1e-3~1e-2 S/cm的量级。再比如，电极材料的比表面积常以 m²/g 为单位，有的活性炭材料每克比表面积可超过2000 m²——差不多相当于 5 个篮球场那么大！\n又比如，我们常说的“mAh”（毫安时）其实是容量单位，而不是能量单位。一块标称5000 mAh、电压3.85 V 的手机电池，所储存的能量约为5000 mAh×3.85 V÷1000≈19.25 Wh。不同电压的电池，只比较 mAh 是没有\n",
            "the same gloss on a small page, where the rest of the line has no clause mark",
        ),
        (
            "首次开机前，应确认油位处于油位计的“MIN”与“MAX”刻度之间，冷干机冷媒压力表读数\n在 0.4 MPa～0.6 MPa 范围内，所有检修门已关闭锁好。开机操作按以下顺序进行：\n1. 合上上游漏电保护开关，按住“Power”键 2 秒，触摸屏点亮并进入自检界面。\n2. 自检约需 15 秒，期间屏幕依次显示“CHECKING……”\n“SENSOR OK”等提示，请勿进行\n任何操作；自检完成后屏幕显示“READY”。\n3. 点动“Start”键并立即按下“Stop”键，观察电机转向是否与机头上的箭头方向一致。若转\n向相反，应断电后调换任意两根相线（仅 T3 增强型需要）。\n",
            "首次开机前，应确认油位处于油位计的“MIN”与“MAX”刻度之间，冷干机冷媒压力表读数在 0.4 MPa～0.6 MPa 范围内，所有检修门已关闭锁好。开机操作按以下顺序进行：\n1. 合上上游漏电保护开关，按住“Power”键 2 秒，触摸屏点亮并进入自检界面。\n2. 自检约需 15 秒，期间屏幕依次显示“CHECKING……”“SENSOR OK”等提示，请勿进行任何操作；自检完成后屏幕显示“READY”。\n3. 点动“Start”键并立即按下“Stop”键，观察电机转向是否与机头上的箭头方向一致。若转向相反，应断电后调换任意两根相线（仅 T3 增强型需要）。\n",
            "a short line cut at a quote that stops mid-phrase ends one visual line with the line before it, across that line's closing quote",
        ),
        (
            "导率通常只有 1e-3~1e-2 S/cm 的量级。再比如，电极材料的比表面积常以 m²/g 为单位，有的活性\n炭材料每克比表面积可超过 2000 m²——差不多相当于 5 个篮球场那么大！\n又比如，我们常说的“mAh”\n（毫安时）其实是容量单位，而不是能量单位。一块标称 5000 mAh、\n电压 3.85 V 的手机电池，所储存的能量约为 5000 mAh×3.85 V÷1000≈19.25 Wh。不同电压的\n电池，只比较 mAh 是没有意义的。\n",
            "导率通常只有 1e-3~1e-2 S/cm 的量级。再比如，电极材料的比表面积常以 m²/g 为单位，有的活性\n炭材料每克比表面积可超过 2000 m²——差不多相当于 5 个篮球场那么大！\n又比如，我们常说的“mAh”（毫安时）其实是容量单位，而不是能量单位。一块标称 5000 mAh、电压 3.85 V 的手机电池，所储存的能量约为 5000 mAh×3.85 V÷1000≈19.25 Wh。不同电压的\n电池，只比较 mAh 是没有意义的。\n",
            "a gloss cut from a paragraph's short first line is the rest of that line",
        ),
        (
            "探测、海洋生态环境等成套核心技术、装备和仪器开发，为实现全海深与极地海洋资源的探测科考提\n\n供支撑。\n\n深远海洋工程装备研制深入推进\n",
            "探测、海洋生态环境等成套核心技术、装备和仪器开发，为实现全海深与极地海洋资源的探测科考提供支撑。\n深远海洋工程装备研制深入推进\n",
            "a tail of four characters that ends the sentence, on a page with blank lines between all lines",
        ),
        (
            "设备出现故障时，请先切断电源，待压缩机完全停止运转\n七、故障排除\n后再停止。\n",
            "设备出现故障时，请先切断电源，待压缩机完全停止运转\n七、故障排除\n后再停止。\n",
            "a bare numbered heading is no sentence whose tail the next line can be",
        ),
        (
            "中\n?！\t》\n中\n",
            "中?！\t》\n中\n",
            "a tail ends its sentence when it does without the whitespace that the spacing pass removes",
        ),
        (
            "中中中中中中中中中中中中中中中中中中中中中中中中中\n“\t中！\n中中中\n",
            "中中中中中中中中中中中中中中中中中中中中中中中中中“\t中！\n中中中\n",
            "a tail is counted without its whitespace, which the spacing pass removes: the repair stays idempotent",
        ),
        (
            "这样的速度是怎样实现的呢？\n三、快充：30分钟充到80%是怎么做到\n的？\n快充的秘诀在于提高充电功率，而功率等于电压乘以电流。\n",
            "这样的速度是怎样实现的呢？\n三、快充：30分钟充到80%是怎么做到的？\n快充的秘诀在于提高充电功率，而功率等于电压乘以电流。\n",
            "a word or two that end a sentence are the tail of the line before, when it stops mid-phrase",
        ),
        (
            "关不良事件发生率为58.2%，对照组为49.7%，主要表现为\n中性粒细胞减少、贫血和免疫相关性肺炎，总体可控。\n\n（二）CAR-T 细胞治疗复发难治性 B 细胞淋巴瘤\n自2019年开展 CAR-T 治疗以来，血液科已累计完成\n100 例回输，其中弥漫大 B 细胞淋巴瘤 71 例、套细胞淋\n巴瘤 12 例、急性 B 淋巴细胞白血病 17 例。患者中位年龄\n为 54 岁（范围 19～76 岁）\n，既往中位治疗线数为 3 线。\n回输剂量一般为每千克体重 200 万个 CAR 阳性 T 细胞，回\n输前采用氟达拉滨（每平方米体表面积 30 mg）联合环磷\n酰胺（每平方米体表面积 500 mg）进行清淋预处理，连\n",
            "关不良事件发生率为58.2%，对照组为49.7%，主要表现为中性粒细胞减少、贫血和免疫相关性肺炎，总体可控。\n（二）CAR-T 细胞治疗复发难治性 B 细胞淋巴瘤\n自2019年开展 CAR-T 治疗以来，血液科已累计完成100 例回输，其中弥漫大 B 细胞淋巴瘤 71 例、套细胞淋巴瘤 12 例、急性 B 淋巴细胞白血病 17 例。患者中位年龄为 54 岁（范围 19～76 岁），既往中位治疗线数为 3 线。回输剂量一般为每千克体重 200 万个 CAR 阳性 T 细胞，回输前采用氟达拉滨（每平方米体表面积 30 mg）联合环磷酰胺（每平方米体表面积 500 mg）进行清淋预处理，连\n",
            "a heading with no punctuation, as wide as the measure, ends before prose; a sentence that ends flush is measured by the whole visual line whose last piece it ends",
        ),
        (
            "七、主要问题与风险\n——高端人才缺口依然突出。据测算，到2025年集聚\n区在工艺整合、器件建模和设备维护等岗位的人才缺口约\n为 1.2 万人，资深工程师的平均招聘周期超过 5 个月。\n——先进工艺设备获取存在不确定性。部分关键设备\n及备件的交期已延长至 12～18 个月，对14nm平台的扩产\n节奏形成制约。\n",
            "七、主要问题与风险\n——高端人才缺口依然突出。据测算，到2025年集聚区在工艺整合、器件建模和设备维护等岗位的人才缺口约为 1.2 万人，资深工程师的平均招聘周期超过 5 个月。\n——先进工艺设备获取存在不确定性。部分关键设备及备件的交期已延长至 12～18 个月，对14nm平台的扩产节奏形成制约。\n",
            "a dash after a sentence's end opens an item, even where the sentence ends flush and the next line is full",
        ),
        (
            "膜（solid electrolyte interphase，固体电解质界面膜）不断增厚，电池容量便会不可逆地衰减。\n所以，夏天千万别把手机放在汽车仪表台上暴晒，也别一边玩大型游戏一边充电！\n\n五、从实验室到未来：下一代电池在哪里？\n科学家们一直在寻找更好的电池。目前备受关注的方向主要有以下几种：\n• 固态电池：用固态电解质替代易燃的液态电解液，有望将能量密度提升到 400 Wh/kg 以上，\n同时大幅提高安全性。\n• 钠离子电池：钠资源储量丰富、分布广泛，成本比锂电池低约 30%，特别适合大规模储能和\n低速电动车。\n• 锂硫电池：理论能量密度高达 2600 Wh/kg，但硫正极在循环过程中容易发生“穿梭效应”\n，寿\n命问题尚待攻克。\n• 液流电池：把活性物质溶解在电解液中、储存在外部罐体里，容量只取决于罐子有多大，非常\n适合电网级储能。\n这些新技术离我们还有多远？有的已经装上了量产车，有的还停留在实验室的纽扣电池阶段。从\n一项实验室发现到真正的商业产品……往往需要 10 年甚至更长时间——这中间要解决材料制备、\n工艺放大、成本控制、安全认证等一连串难题。\n",
            "膜（solid electrolyte interphase，固体电解质界面膜）不断增厚，电池容量便会不可逆地衰减。所以，夏天千万别把手机放在汽车仪表台上暴晒，也别一边玩大型游戏一边充电！\n五、从实验室到未来：下一代电池在哪里？\n科学家们一直在寻找更好的电池。目前备受关注的方向主要有以下几种：\n• 固态电池：用固态电解质替代易燃的液态电解液，有望将能量密度提升到 400 Wh/kg 以上，同时大幅提高安全性。\n• 钠离子电池：钠资源储量丰富、分布广泛，成本比锂电池低约 30%，特别适合大规模储能和低速电动车。\n• 锂硫电池：理论能量密度高达 2600 Wh/kg，但硫正极在循环过程中容易发生“穿梭效应”，寿命问题尚待攻克。\n• 液流电池：把活性物质溶解在电解液中、储存在外部罐体里，容量只取决于罐子有多大，非常适合电网级储能。\n这些新技术离我们还有多远？有的已经装上了量产车，有的还停留在实验室的纽扣电池阶段。从一项实验室发现到真正的商业产品……往往需要 10 年甚至更长时间——这中间要解决材料制备、工艺放大、成本控制、安全认证等一连串难题。\n",
            "a line that the next, opening with a comma, continues is measured with it even when it is full already",
        ),
        (
            "位务必合理安排时间，避免在截止日前集中提交。\n（二）属地初审。各县（市、区）主管部门应于 2024 年 4 月 30 日前完成初审，对申报材料的\n真实性、完整性进行审核，并出具推荐意见。\n（三）专家评审。市工业和信息化局将委托第三方机构组织专家评审，必要时进行现场核查，评\n审结果将在市局门户网站公示，公示期为 5 个工作日。\n第1页共3页\n\n\u{c}2024 临川市工业和信息化局文件\n\n（四）资金拨付。项目验收合格后，按照《临川市工业发展专项资金管理办法》的规定拨付补\n助资金。\n（五）评审标准。专家评审实行百分制，各项指标及权重如下：\n①项目先进性（30 分）\n：主要考察技术路线的合理性，以及 5G、AI、工业软件和边缘计算等新\n一代信息技术的应用深度；\n②经济社会效益（30 分）\n：主要考察项目实施后生产效率、产品良率、能耗水平和运营成本等指\n标的改善幅度，原则上生产效率提升不低于 15%、运营成本降低不低于 8%；\n③实施保障能力（25 分）：主要考察企业的资金筹措能力、组织管理架构和数字化人才储备；\n④示范推广价值（15 分）：主要考察项目在同行业中的可复制性，以及对上下游企业的带动作用。\n评审得分低于 60 分的项目不予列入试点名单。对得分相同的项目，优先支持专精特新中小企\n业、首次申报企业和位于县域工业园区的企业。\n",
            "位务必合理安排时间，避免在截止日前集中提交。\n（二）属地初审。各县（市、区）主管部门应于 2024 年 4 月 30 日前完成初审，对申报材料的真实性、完整性进行审核，并出具推荐意见。\n（三）专家评审。市工业和信息化局将委托第三方机构组织专家评审，必要时进行现场核查，评审结果将在市局门户网站公示，公示期为 5 个工作日。\n第1页共3页\n2024 临川市工业和信息化局文件\n（四）资金拨付。项目验收合格后，按照《临川市工业发展专项资金管理办法》的规定拨付补助资金。\n（五）评审标准。专家评审实行百分制，各项指标及权重如下：\n①项目先进性（30 分）：主要考察技术路线的合理性，以及 5G、AI、工业软件和边缘计算等新一代信息技术的应用深度；\n②经济社会效益（30 分）：主要考察项目实施后生产效率、产品良率、能耗水平和运营成本等指标的改善幅度，原则上生产效率提升不低于 15%、运营成本降低不低于 8%；\n③实施保障能力（25 分）：主要考察企业的资金筹措能力、组织管理架构和数字化人才储备；\n④示范推广价值（15 分）：主要考察项目在同行业中的可复制性，以及对上下游企业的带动作用。评审得分低于 60 分的项目不予列入试点名单。对得分相同的项目，优先支持专精特新中小企业、首次申报企业和位于县域工业园区的企业。\n",
            "an item's label and the line that opens with its colon are pieces of one line: together they fill the measure",
        ),
        (
            "• “Start”键：启动压缩机；运行中按下则进入卸载\n运行状态，延时后停机，全程约需要三十秒。\n• “Reset”键：在故障排除后清除报警信息，恢复待\n机状态。\n• “Mode”键：在“自动”\n“手动”\n“节能”三种运行\n模式之间切换。\n• 红色蘑菇头急停按钮：紧急情况下按下，设备立即断\n电停机，复位后方可再次启动。\n",
            "• “Start”键：启动压缩机；运行中按下则进入卸载运行状态，延时后停机，全程约需要三十秒。\n• “Reset”键：在故障排除后清除报警信息，恢复待机状态。\n• “Mode”键：在“自动”“手动”“节能”三种运行模式之间切换。\n• 红色蘑菇头急停按钮：紧急情况下按下，设备立即断电停机，复位后方可再次启动。\n",
            "a bulleted item's first line that pdftotext cut at its quotes is pieces of one line",
        ),
        (
            "• 碳化硅：六英寸导电型衬底月产能达到一万二千片，八英寸衬底完成\n样品制备，微管密度低于每平方厘米零点五个。\n窄禁带材料：研究院与两所高校合作，在砷化镓衬底上外延生\n\n•\n\n长了锑化镓铟薄膜，用于中波红外探测器，在低温条件下的峰值\n响应率较对照样品提高约两成，暗电流密度则下降了一个数量级，\n为下一步研制大面阵红外焦平面器件打下了良好的材料基础。\n",
            "• 碳化硅：六英寸导电型衬底月产能达到一万二千片，八英寸衬底完成样品制备，微管密度低于每平方厘米零点五个。\n• 窄禁带材料：研究院与两所高校合作，在砷化镓衬底上外延生长了锑化镓铟薄膜，用于中波红外探测器，在低温条件下的峰值响应率较对照样品提高约两成，暗电流密度则下降了一个数量级，为下一步研制大面阵红外焦平面器件打下了良好的材料基础。\n",
            "a bullet that pdftotext wrote after its item's first line goes back to the start of the item",
        ),
        (
            "开机操作按以下顺序进行：\n1. 合上上游漏电保护开关，按住“Power”键2秒，触\n摸屏点亮并进入自检界面。\n2. 自 检 约 需 15 秒 ， 期 间 屏 幕 依 次 显 示\n“CHECKING……”“SENSOR OK”等提示，请勿进\n行任何操作；自检完成后屏幕显示“READY”。\n3. 点动“Start”键并立即按下“Stop”键，观察电机\n转向是否与机头上的箭头方向一致。若转向相反，应\n断电后调换任意两根相线。\n",
            "开机操作按以下顺序进行：\n1. 合上上游漏电保护开关，按住“Power”键2秒，触摸屏点亮并进入自检界面。\n2. 自 检 约 需 15 秒 ， 期 间 屏 幕 依 次 显 示 “CHECKING……”“SENSOR OK”等提示，请勿进行任何操作；自检完成后屏幕显示“READY”。\n3. 点动“Start”键并立即按下“Stop”键，观察电机转向是否与机头上的箭头方向一致。若转向相反，应断电后调换任意两根相线。\n",
            "a letter-spaced line among lines that are not, before a Latin word, was stretched to the measure: it is full",
        ),
        (
            "开机操作按以下顺序进行：\n1. 合上上游漏电保护开关，按住“Power”键2秒，触\n摸屏点亮并进入自检界面。\n（ 二 ） 设 备 首 次 开 机 前 的 检 查 与 准 备\n首次开机前，应确认油位处于油位计的两条刻度之间，\n冷干机冷媒压力表读数正常，所有检修门已关闭锁好。\n",
            "开机操作按以下顺序进行：\n1. 合上上游漏电保护开关，按住“Power”键2秒，触摸屏点亮并进入自检界面。\n（ 二 ） 设 备 首 次 开 机 前 的 检 查 与 准 备\n首次开机前，应确认油位处于油位计的两条刻度之间，冷干机冷媒压力表读数正常，所有检修门已关闭锁好。\n",
            "a letter-spaced heading before a line that opens with an ideograph was not stretched by justification",
        ),
        (
            "论文摘要选登\n题目：基于图神经网络的城市路网短时交\n通流预测方法\n作者：赵一鸣，孙晓彤（交通运输大数据重点实验室，北京 100044）\n关键词：交通流预测；图神经网络；时空注意力；深\n度学习\n1 引言\n",
            "论文摘要选登\n题目：基于图神经网络的城市路网短时交通流预测方法\n作者：赵一鸣，孙晓彤（交通运输大数据重点实验室，北京 100044）\n关键词：交通流预测；图神经网络；时空注意力；深度学习\n1 引言\n",
            "a title or keywords field that stops mid-phrase wraps onto a line that ends no sentence, before the next field",
        ),
        (
            "题目：石墨烯复合填料的导热性能\n研究取得新的进展\n本文以环氧树脂为基体，制备了复合材料。\n",
            "题目：石墨烯复合填料的导热性能\n研究取得新的进展\n本文以环氧树脂为基体，制备了复合材料。\n",
            "a field's line followed by a line that a paragraph follows is not wrapped: the next line may start the text",
        ),
        (
            "和石英件等六十余类零部件进入验证流程，其中二十类通\n过认证并获得批量订单，平均采购成本下降约两成。\n设备与材料国产化率是衡量产业链韧性的重要指标。\n去年，集聚区晶圆厂采购的本地化设备金额约占设备采购\n总额的两成，较上年提高四个百分点；刻蚀、清洗和薄膜\n沉积设备的本地化率相对较高，而光刻、量测和离子注入\n设备仍依赖进口。\n",
            "和石英件等六十余类零部件进入验证流程，其中二十类通过认证并获得批量订单，平均采购成本下降约两成。\n设备与材料国产化率是衡量产业链韧性的重要指标。去年，集聚区晶圆厂采购的本地化设备金额约占设备采购总额的两成，较上年提高四个百分点；刻蚀、清洗和薄膜沉积设备的本地化率相对较高，而光刻、量测和离子注入设备仍依赖进口。\n",
            "a paragraph's first line, indented, ends a sentence flush with the measure and the paragraph goes on",
        ),
        (
            "和石英件等六十余类零部件进入验证流程，其中二十类通\n过认证并获得批量订单，平均采购成本下降约两成。\n1. 设备与材料国产化率是衡量产业链韧性的指标。\n去年，集聚区晶圆厂采购的本地化设备金额约占设备采购\n总额的两成，较上年提高四个百分点；刻蚀、清洗和薄膜\n沉积设备的本地化率相对较高，而光刻、量测和离子注入\n设备仍依赖进口。\n",
            "和石英件等六十余类零部件进入验证流程，其中二十类通过认证并获得批量订单，平均采购成本下降约两成。\n1. 设备与材料国产化率是衡量产业链韧性的指标。\n去年，集聚区晶圆厂采购的本地化设备金额约占设备采购总额的两成，较上年提高四个百分点；刻蚀、清洗和薄膜沉积设备的本地化率相对较高，而光刻、量测和离子注入设备仍依赖进口。\n",
            "an item's first line is not indented: a sentence that ends short of the measure ends it",
        ),
        (
            "研究团队在过去三年里持续跟踪本地企业的生产数据，并对\n其中的关键工序进行逐项分析，结果表明设备的平均利用率\n明显低于行业先进水平，主要原因在于排产方式较为粗放而\n维护计划缺乏统一安排。\n1. 建立统一的排产平台，打通各车间的数据。\n2. 制定设备维护计划，减少非计划停机。\n3. 推广能耗在线监测，逐月发布分析报告。\n4. 组织技术骨干培训，提升一线操作水平。\n上述措施实施一年后，设备平均利用率提高了约十个百分点，\n单位产品能耗同比下降，企业对数字化改造的信心明显增强\n了。\n",
            "研究团队在过去三年里持续跟踪本地企业的生产数据，并对其中的关键工序进行逐项分析，结果表明设备的平均利用率明显低于行业先进水平，主要原因在于排产方式较为粗放而维护计划缺乏统一安排。\n1. 建立统一的排产平台，打通各车间的数据。\n2. 制定设备维护计划，减少非计划停机。\n3. 推广能耗在线监测，逐月发布分析报告。\n4. 组织技术骨干培训，提升一线操作水平。\n上述措施实施一年后，设备平均利用率提高了约十个百分点，单位产品能耗同比下降，企业对数字化改造的信心明显增强了。\n",
            "a paragraph among one-line items, with no measure of its own nearby, is measured against the paragraphs further off",
        ),
        (
            "经过两年的建设，园区已经形成较为完整的产业链条，龙头\n企业带动作用明显，配套企业数量持续增加，产业集聚效应\n1. 新引进重点项目十二个，总投资超过八十亿元人民币。\n2. 新认定高新技术企业三十家，研发投入同比增长两成。\n3. 新建成标准厂房二十万平方米，入驻率达到九成以上。\n4. 新培育专精特新企业九家，其中两家进入国家级名单。\n5. 新增发明专利授权一百余件，同比增长百分之十五。\n",
            "经过两年的建设，园区已经形成较为完整的产业链条，龙头企业带动作用明显，配套企业数量持续增加，产业集聚效应\n1. 新引进重点项目十二个，总投资超过八十亿元人民币。\n2. 新认定高新技术企业三十家，研发投入同比增长两成。\n3. 新建成标准厂房二十万平方米，入驻率达到九成以上。\n4. 新培育专精特新企业九家，其中两家进入国家级名单。\n5. 新增发明专利授权一百余件，同比增长百分之十五。\n",
            "full one-line items that end sentences do not outvote the paragraph before them",
        ),
        (
            "设备与材料国产化率是衡量产业链韧性的重要指标。\n2023年，集聚区晶圆厂采购本地化设备金额约占设备\n采购总额的两成，较上年提高四个百分点，刻蚀、清洗\n和薄膜沉积设备的本地化率相对较高，光刻设备仍依赖\n进口。\n",
            "设备与材料国产化率是衡量产业链韧性的重要指标。2023年，集聚区晶圆厂采购本地化设备金额约占设备采购总额的两成，较上年提高四个百分点，刻蚀、清洗和薄膜沉积设备的本地化率相对较高，光刻设备仍依赖进口。\n",
            "a sentence ending flush before a line narrower only by its figures goes on with the paragraph",
        ),
        (
            "各类设备的采购周期普遍延长，对新产线的投产节奏造成影响。\n  为此，企业普遍加大了备件储备，并与8家供应商签订了长\n期协议，以降低交期波动带来的影响，保障生产连续性，稳定\n了。\n",
            "各类设备的采购周期普遍延长，对新产线的投产节奏造成影响。\n为此，企业普遍加大了备件储备，并与8家供应商签订了长期协议，以降低交期波动带来的影响，保障生产连续性，稳定了。\n",
            "a line indented after a sentence that ends flush opens a paragraph",
        ),
        (
            "项目组采用“全生命周期”（Whole Life Management）理念，\n选取十四号线作为试点。\n",
            "项目组采用“全生命周期”（Whole Life Management）理念，选取十四号线作为试点。\n",
            "a line that stops at a comma ends no block, however short",
        ),
        (
            "首次开机前，应确认冷干机冷媒压力表读数在 0.4 MPa～\n0.6 MPa 范围内，所有检修门已关闭锁好。\n",
            "首次开机前，应确认冷干机冷媒压力表读数在 0.4 MPa～0.6 MPa 范围内，所有检修门已关闭锁好。\n",
            "a line that stops at a range's tilde ends no block, even before a figure that looks like a section number",
        ),
        (
            "恒远精密科技股份有限公司 2023 年年度报告（摘要）\n证券代码：688417\n重要提示\n本公司董事会、监事会及董事、监事、高级管理人员保\n证年度报告内容的真实、准确、完整，不存在虚假记载、误\n导性陈述或重大遗漏，并承担个别和连带的法律责任。本年\n度报告摘要来自年度报告全文，为全面了解本公司的经营\n成果、财务状况及未来发展规划，投资者应当到指定媒体仔\n细阅读年度报告全文。\n",
            "恒远精密科技股份有限公司 2023 年年度报告（摘要）\n证券代码：688417\n重要提示\n本公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏，并承担个别和连带的法律责任。本年度报告摘要来自年度报告全文，为全面了解本公司的经营成果、财务状况及未来发展规划，投资者应当到指定媒体仔细阅读年度报告全文。\n",
            "a listed company's report's code field starts a block after a title as wide as the text",
        ),
        (
            "重点项目进展\n\n首批样机完成装机调试\n\n合资公司向省科技厅提交\n全部材料并完成第一轮\n专家评审\n\n两家研究所签署合作协议\n\n项目完成样机试制三十\n台，进一步优化方案\n",
            "重点项目进展\n首批样机完成装机调试\n合资公司向省科技厅提交全部材料并完成第一轮专家评审\n两家研究所签署合作协议\n项目完成样机试制三十\n台，进一步优化方案\n",
            "a box among short lines is prose when a mark stands within a few of its narrow lines",
        ),
        (
            "作者：王立新，陈思雨，刘畅（华东理工材料研究院，上\n海 200237）\n摘要：针对电子封装材料散热能力不足的问题。\n",
            "作者：王立新，陈思雨，刘畅（华东理工材料研究院，上海 200237）\n摘要：针对电子封装材料散热能力不足的问题。\n",
            "a field of the front matter starts a block after a closing bracket",
        ),
        (
            "清河县农业技术推广中心编印（2024 年 9 月 20 日）\n【本期导读】秋粮测产结果发布。\n",
            "清河县农业技术推广中心编印（2024 年 9 月 20 日）\n【本期导读】秋粮测产结果发布。\n",
            "a label in lenticular brackets starts a block",
        ),
        (
            "依据《环境空气质量标准》（GB\n3095—2012）和《声环境质量标准》开展监测。\n",
            "依据《环境空气质量标准》（GB 3095—2012）和《声环境质量标准》开展监测。\n",
            "a bracket left open, which the next line closes, is no block's end",
        ),
        (
            "执行“快速响应\n服务承诺如下。\n",
            "执行“快速响应\n服务承诺如下。\n",
            "but a quote that the next line does not close says nothing",
        ),
        (
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知\n\n识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十\n\n余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的\n\n效率稳步提升。\n\n一家装备企业研制的新\n型光刻设备完成详细设\n计和设计校验，进入评\n审阶段\n",
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的效率稳步提升。\n一家装备企业研制的新型光刻设备完成详细设计和设计校验，进入评审阶段\n",
            "a box narrower than any page's measure, ten ideographs a line",
        ),
        (
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知\n\n识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十\n\n余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的\n\n效率稳步提升。\n\n研究院与两所高校共建联合实验\n室，开展新型显示材料与器件研\n究工作\n",
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的效率稳步提升。\n研究院与两所高校共建联合实验室，开展新型显示材料与器件研究工作\n",
            "a box of three lines, the first two as wide as each other and the last narrower",
        ),
        (
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知\n\n识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十\n\n余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的\n\n效率稳步提升。\n\n新型显示材料与器件研究进展\n——从实验室走向规模生产线\n本报记者：王立新；通讯员：赵一\n",
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的效率稳步提升。\n新型显示材料与器件研究进展\n——从实验室走向规模生产线\n本报记者：王立新；通讯员：赵一\n",
            "a title, its subtitle and a byline no narrower are no box",
        ),
        (
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知\n\n识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十\n\n余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的\n\n效率稳步提升。\n\n新药研发取得突破\n\n3月，由本市两家研究所与一家制药企业联合\n研发的一类新药完成三期临床试验并提交上市\n申请，有望填补国内该治疗领域多年的空白，\n惠及更多患者。\n",
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的效率稳步提升。\n新药研发取得突破\n3月，由本市两家研究所与一家制药企业联合研发的一类新药完成三期临床试验并提交上市申请，有望填补国内该治疗领域多年的空白，惠及更多患者。\n",
            "a narrow box of adjacent lines among wide lines set apart by blank lines wraps at its own measure",
        ),
        (
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知\n\n识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十\n\n余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的\n\n效率稳步提升。\n\n新药研发取得突破进入临床试验阶段\n 3月，由本市两家研究所与一家制药企业联合\n研发的一类新药完成三期临床试验并提交上市\n申请，有望填补国内该治疗领域多年的空白，\n惠及更多患者。\n",
            "推进重点产业链协同创新，围绕关键材料、核心部件和高端装备组织联合攻关，形成一批具有自主知识产权的标志性成果，带动上下游企业加快技术改造和产品升级，全年新增规模以上企业一百二十余家，研发投入强度达到百分之四点二，较上年提高零点三个百分点，全区科技成果转化的效率稳步提升。\n新药研发取得突破进入临床试验阶段\n3月，由本市两家研究所与一家制药企业联合研发的一类新药完成三期临床试验并提交上市申请，有望填补国内该治疗领域多年的空白，惠及更多患者。\n",
            "a heading as wide as the box below it: the box's indented first line starts the box",
        ),
        (
            "1\n\n规 划 背 景\n",
            "1   规 划 背 景\n",
            "a chapter's number alone joins its short title",
        ),
        (
            "2\n\n2023年全市新增就业岗位3.2万个，比上年增长5%。\n",
            "2\n2023年全市新增就业岗位3.2万个，比上年增长5%。\n",
            "a figure alone before prose stays apart",
        ),
        (
            "集聚区现有芯片设计企业147家，全年设计业销售额\n约361.2亿元。产品覆盖MCU、CPU、GPU、FPGA等方\n向，其中年销售额超过10亿元的企业有9家，较上年增\n加2家。\n（三）功率器件\n功率半导体产线\n2023\n年出货量同比增长\n23.6%。其\n中IGBT模块主要面向新能源汽车和光伏逆变器，650V和\n1200V两个电压等级的产品已通过车规级AEC-Q101认证；\n超结MOSFET产品线扩充至28个型号，导通电阻较上一代降\n低约17%。区内企业还启动了第七代沟槽栅场截止型IGBT\n的开发，目标是在相同芯片面积下将电流密度提升\n15%～20%。\n",
            "集聚区现有芯片设计企业147家，全年设计业销售额约361.2亿元。产品覆盖MCU、CPU、GPU、FPGA等方向，其中年销售额超过10亿元的企业有9家，较上年增加2家。\n（三）功率器件\n功率半导体产线2023年出货量同比增长23.6%。其中IGBT模块主要面向新能源汽车和光伏逆变器，650V和1200V两个电压等级的产品已通过车规级AEC-Q101认证；超结MOSFET产品线扩充至28个型号，导通电阻较上一代降低约17%。区内企业还启动了第七代沟槽栅场截止型IGBT的开发，目标是在相同芯片面积下将电流密度提升15%～20%。\n",
            "a paragraph's first visual line, cut in four at changes of font, after a heading",
        ),
        (
            "4 . 1\n\n2 0 2 4 年经营计划\n",
            "4 . 1 2 0 2 4 年经营计划\n",
            "a lone section number joins a title that opens with a year, with one space",
        ),
        (
            "支撑国家重大战略需求，聚焦集成电路、人工智\n能、生物医药等重点领域，加快实施重大产业技术\n攻关和应用示范，布局建设一批研发与转化功能型\n平台体系基本形成。\n",
            "支撑国家重大战略需求，聚焦集成电路、人工智能、生物医药等重点领域，加快实施重大产业技术攻关和应用示范，布局建设一批研发与转化功能型平台体系基本形成。\n",
            "full lines wrap; the sentence end ends the block",
        ),
        (
            "2.1 推进研发与转化功能型平台建设\n全市已建成或培育各类研发与转化功能型平台近20家，培育形成一批\n创新需求明、服务能力强、管理体制新、具有较强影响力和辐射力\n的功能型平台，基本形成多层次、多功能、开放性的功能型平台体\n系。\n",
            "2.1 推进研发与转化功能型平台建设\n全市已建成或培育各类研发与转化功能型平台近20家，培育形成一批创新需求明、服务能力强、管理体制新、具有较强影响力和辐射力的功能型平台，基本形成多层次、多功能、开放性的功能型平台体系。\n",
            "a short heading ends its block",
        ),
        (
            "申报单位应为在临川市行政区域内依法登记注册的中小企业，且同时满足\n以下条件：\n（1）2023年度营业收入在2000万元至4亿元之间，资产负债率不高\n于70%；\n（2）近三年内未发生重大安全生产事故、重大环境污染事故和严\n重失信行为。\n",
            "申报单位应为在临川市行政区域内依法登记注册的中小企业，且同时满足以下条件：\n（1）2023年度营业收入在2000万元至4亿元之间，资产负债率不高于70%；\n（2）近三年内未发生重大安全生产事故、重大环境污染事故和严重失信行为。\n",
            "enumerations start blocks",
        ),
        ("为贯彻落实《行动方案（2023—2025年）\n》和《实施意见》，加快推动。\n", "为贯彻落实《行动方案（2023—2025年）》和《实施意见》，加快推动。\n", "a closing mark never starts a block"),
        (
            "全 市 已 建 成 或 培 育 各 类 研 发 与 转 化 功 能 型 平 台 近\n二 十 家 培 育 形 成 一 批 创 新 需 求 明 确 的 平 台 坚 持 特 色 突\n破 服 务 能 力 强 管 理 体 制 新 具 有 较 强 影 响 力 和 辐 射 力\n的 功 能 型 平 台 。\n",
            "全 市 已 建 成 或 培 育 各 类 研 发 与 转 化 功 能 型 平 台 近 二 十 家 培 育 形 成 一 批 创 新 需 求 明 确 的 平 台 坚 持 特 色 突 破 服 务 能 力 强 管 理 体 制 新 具 有 较 强 影 响 力 和 辐 射 力 的 功 能 型 平 台 。\n",
            "a wrap inside letter-spaced text keeps a space for the spacing pass",
        ),
        ("•\n第一项内容\n•\n第二项内容\n", "• 第一项内容\n• 第二项内容\n", "a bullet alone belongs to its item"),
        ("  \n\n  缩进的一行   \n\n\n", "缩进的一行\n", "edges and trailing blank lines"),
        (" \n \n", "", "only whitespace"),
        ("春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n花落知多少\n", "春眠不觉晓\n处处闻啼鸟\n夜来风雨声\n花落知多少\n", "verse is narrower than any wrapping measure"),
        (
            "The heat transfer coefficient of the new epoxy composite was\nmeasured with a laser flash apparatus at room temperature and\nthe results are shown in Fig. 3 of this paper for reference.\n",
            "The heat transfer coefficient of the new epoxy composite was measured with a laser flash apparatus at room temperature and the results are shown in Fig. 3 of this paper for reference.\n",
            "Latin words join with a space",
        ),
        (
            "We measured the thermal conductivity of the composite semi-\nconductor films grown on sapphire wafers and then the CAR-\nT cell line on the same semiconductor process as before and\nfound no change.\n",
            "We measured the thermal conductivity of the composite semiconductor films grown on sapphire wafers and then the CAR-T cell line on the same semiconductor process as before and found no change.\n",
            "a hyphen goes only when the word occurs unhyphenated",
        ),
        (
            "Wafers of every kind were cut and polished by the same team of\nengineers in the same clean room just before the thin semi-\nconductor films were grown on them at a high temperature, and\nall the semiconductors were then tested.\n",
            "Wafers of every kind were cut and polished by the same team of engineers in the same clean room just before the thin semiconductor films were grown on them at a high temperature, and all the semiconductors were then tested.\n",
            "the word unhyphenated may begin a longer word",
        ),
        (
            "1.1 研究背景 3\n1.2 研究意义 6\n1.3 国内外研究现状 8\n2.1 文本抽取的基本原理 15\n图1-1 文本抽取流程示意图 4\n图2-1 PDF页面坐标系 17\n",
            "1.1 研究背景 3\n1.2 研究意义 6\n1.3 国内外研究现状 8\n2.1 文本抽取的基本原理 15\n图1-1 文本抽取流程示意图 4\n图2-1 PDF页面坐标系 17\n",
            "numbered headings and labelled captions start blocks",
        ),
        (
            "本季度新增用户较上季度明显增加，其中来自西部地区的新用户增长最快，\n整体结构较上年更为均衡，东部沿海和中部地区的新增用户合计约达到了\n二十余万户，其中通过线上渠道开通服务的用户占比继续提高，达到约为\n3 万户，占新增总数的四成左右\n",
            "本季度新增用户较上季度明显增加，其中来自西部地区的新用户增长最快，整体结构较上年更为均衡，东部沿海和中部地区的新增用户合计约达到了二十余万户，其中通过线上渠道开通服务的用户占比继续提高，达到约为3 万户，占新增总数的四成左右\n",
            "a count opening a line (a unit, then a comma) is no numbered heading",
        ),
        (
            "安装命令：cargo install --path .\n最小示例：fn main() {}\n完整示例：fn main() { println!(); }\n配置文件示例：[output] encoding\n",
            "安装命令：cargo install --path .\n最小示例：fn main() {}\n完整示例：fn main() { println!(); }\n配置文件示例：[output] encoding\n",
            "labelled fields are alike, never a wrap",
        ),
        (
            "资本市场回顾与展望报告\n——政策预期扭转，市场先抑\n本刊记者：林晓；特约撰稿：宋\n",
            "资本市场回顾与展望报告\n——政策预期扭转，市场先抑\n本刊记者：林晓；特约撰稿：宋\n",
            "a dash after a page's first line opens a subtitle",
        ),
        (
            "一、总体情况\n各区县工业和信息化主管部门，临川高新技术产业开发区经济发展局，各有关企业：\n为贯彻落实行动方案和实施意见，加快推动中小企业上云用数赋智，经研究决定。\n现将有关事项通知如下，请各单位认真组织申报，按时报送有关材料。\n",
            "一、总体情况\n各区县工业和信息化主管部门，临川高新技术产业开发区经济发展局，各有关企业：\n为贯彻落实行动方案和实施意见，加快推动中小企业上云用数赋智，经研究决定。\n现将有关事项通知如下，请各单位认真组织申报，按时报送有关材料。\n",
            "a page whose full lines end sentences already has a block per line",
        ),
        (
            "研究经费在这一年里达到了12\n00万元，比上年增长了约9.\n8%，在全省同类医院中位列第\n一名次，也是历年来投入最多\n的一年。\n",
            "研究经费在这一年里达到了1200万元，比上年增长了约9.8%，在全省同类医院中位列第一名次，也是历年来投入最多的一年。\n",
            "a number broken by the wrap joins without a space",
        ),
        (
            "本期重点招募项目如下：\n- 双特异性抗体治疗晚期实体瘤\n- 细胞治疗\n",
            "本期重点招募项目如下：\n- 双特异性抗体治疗晚期实体瘤\n- 细胞治疗\n",
            "a dash and a space start a list item",
        ),
        (
            "The effects of the total filler loading and the mass ratio on t\nhermal conductivity and on the dielectric behavior were studied \nin detail, and the results are shown in Fig. 3 of this paper.\n",
            "The effects of the total filler loading and the mass ratio on thermal conductivity and on the dielectric behavior were studied in detail, and the results are shown in Fig. 3 of this paper.\n",
            "where a break between words ends in a space, one without it fell inside a word",
        ),
        (
            "The effects of the total filler loading and the mass ratio on t\nhermal conductivity and on the dielectric behavior were studied\nin detail, and the results are shown in Fig. 3 of this paper.\n",
            "The effects of the total filler loading and the mass ratio on t hermal conductivity and on the dielectric behavior were studied in detail, and the results are shown in Fig. 3 of this paper.\n",
            "without spaces at line ends, a break between letters is between words",
        ),
        (
            "The heat dissipation of the electronic packages and the epoxy co\nmposites filled with graphene nanoplatelets and boron nitride,\nwe studied.\n\x0cThe effects of the total filler loading and of the mass ratio \non the thermal conductivity and on the dielectric behavior were \nstudied.\n",
            "The heat dissipation of the electronic packages and the epoxy composites filled with graphene nanoplatelets and boron nitride, we studied.\nThe effects of the total filler loading and of the mass ratio on the thermal conductivity and on the dielectric behavior were studied.\n",
            "the evidence of one page holds for the extractor's other pages",
        ),
        (
            "新建线路全面采用基于通信的列车控制系统（CBT\nC），其中十四号线按照全自动运行等级标准建\n设，其余线路预留升级条件，较早期的Graph\nWaveNet方案相比，近期实施改造工程的线路共三条。\n",
            "新建线路全面采用基于通信的列车控制系统（CBTC），其中十四号线按照全自动运行等级标准建设，其余线路预留升级条件，较早期的Graph WaveNet方案相比，近期实施改造工程的线路共三条。\n",
            "a Latin word alone in Chinese text wraps anywhere; a capital after a lower-case letter starts a new word",
        ),
        (
            "新 机 型 能 耗 降 低 约 一 成 半 ， 整 机 运 行 噪 声 由 7 2 d B ( A )\n以下降至低噪声标准的范围内，平均每台每年可节约电费\n数千元，用户反馈良好，后续机型将继续沿用这一设计方\n案，整机保修期也由原来的十二个月延长至二十四个\n月。\n",
            "新 机 型 能 耗 降 低 约 一 成 半 ， 整 机 运 行 噪 声 由 7 2 d B ( A ) 以下降至低噪声标准的范围内，平均每台每年可节约电费数千元，用户反馈良好，后续机型将继续沿用这一设计方案，整机保修期也由原来的十二个月延长至二十四个月。\n",
            "a letter-spaced line end keeps a space for the spacing pass, whatever starts the next line",
        ),
        (
            "t h e   t h e r m a l   c o n d u c t i v i t y   o f\nt h e   c o m p o s i t e   w a s   m e a s u r e d ,\na t   l o w e r   t e m p e r a t u r e   w i t h   a\nl a s e r   f l a s h   a p p a r a t u s   h e r e .\n",
            "t h e   t h e r m a l   c o n d u c t i v i t y   o f   t h e   c o m p o s i t e   w a s   m e a s u r e d ,   a t   l o w e r   t e m p e r a t u r e   w i t h   a   l a s e r   f l a s h   a p p a r a t u s   h e r e .\n",
            "letter-spaced Latin wraps at a word space, joined as a wide gap",
        ),
        (
            "药学部第一季度共审核住院医嘱约四十一万条，干预不合理医嘱\n3,872条，干预接受率为93.5%，主要问题包括给药\n剂量不当、溶媒选择错误和重复用药等，药学部已逐条反馈至\n临床科室并跟踪整改情况，整改完成率达到百分之九十。\n",
            "药学部第一季度共审核住院医嘱约四十一万条，干预不合理医嘱3,872条，干预接受率为93.5%，主要问题包括给药剂量不当、溶媒选择错误和重复用药等，药学部已逐条反馈至临床科室并跟踪整改情况，整改完成率达到百分之九十。\n",
            "a line narrowed by its figures is full when the lines around share a measure",
        ),
        (
            "第一季度全院出院患者四万八千人次，平均住院日为七点二天，\n较去年同期缩短了零点六天，住院患者的死亡率为千分之四。\n手术患者并发症发生率为百分之一，其中眼科开展的日间手术\n例数位居前三。\n",
            "第一季度全院出院患者四万八千人次，平均住院日为七点二天，较去年同期缩短了零点六天，住院患者的死亡率为千分之四。手术患者并发症发生率为百分之一，其中眼科开展的日间手术例数位居前三。\n",
            "a sentence ending at the margin, followed by a full line, goes on",
        ),
        (
            "第一季度全院出院患者四万八千人次，平均住院日为七点二天，\n较去年同期缩短了零点六天，住院患者的死亡率为千分之四。\n手术患者并发症发生率为百分之一，其中眼科日间手术\n例数位居前三。\n",
            "第一季度全院出院患者四万八千人次，平均住院日为七点二天，较去年同期缩短了零点六天，住院患者的死亡率为千分之四。\n手术患者并发症发生率为百分之一，其中眼科日间手术例数位居前三。\n",
            "a sentence ending at the margin, followed by an indented first line, ends its block",
        ),
        (
            "关键词：环氧树脂；石墨烯；氮化硼；导热系数；协同效应\nA b s t r a c t : \nT o \na d d r e s s \nt h e \nh e a t \nd i s s i p a t i o n \no f \ne p o x y . \n1 引 言\n",
            "关键词：环氧树脂；石墨烯；氮化硼；导热系数；协同效应\nA b s t r a c t :   T o   a d d r e s s   t h e   h e a t   d i s s i p a t i o n   o f   e p o x y .\n1 引 言\n",
            "English set one word per line is one block, opened and closed by the Chinese around it",
        ),
        (
            "Abstract:\n\nTo\n\naddress\n\nthe\n\nheat\n\ndissipation.\n\nOf\n\nthe\n\n9.8\n\n1 引言\n",
            "Abstract: To address the heat dissipation. Of the 9.8\n1 引言\n",
            "in such a column neither blank lines nor sentence ends break the block, and a figure is a word",
        ),
        (
            "二〇二三年是集成电路产业发展极不平凡的一年，这一\n年，澜江湾集成电路产业集聚区在全球半导体市场周期\n性下行的背景下保持了逆势增长，全年产业规模中晶圆制\n造占比达到\n46.3%，设计与封装测试环节分别占比\n28.1%\n和\n19.5%。集聚区现有规模以上企业213家，从业人员约八\n万多人，研发人员占比继续提高，产业链条已经较为完整，\n为下一步在全球竞争中赢得主动打下了坚实的基础，也为\n全市的产业升级提供了支撑。\n",
            "二〇二三年是集成电路产业发展极不平凡的一年，这一年，澜江湾集成电路产业集聚区在全球半导体市场周期性下行的背景下保持了逆势增长，全年产业规模中晶圆制造占比达到46.3%，设计与封装测试环节分别占比28.1%和19.5%。集聚区现有规模以上企业213家，从业人员约八万多人，研发人员占比继续提高，产业链条已经较为完整，为下一步在全球竞争中赢得主动打下了坚实的基础，也为全市的产业升级提供了支撑。\n",
            "one visual line cut where the font changes for figures is pieced together",
        ),
        (
            "根据市委市政府的统一部署和国家生态环境监测的有关规定，\n二〇二三年，滨江市生态环境监测中心按照国家和省里的要\n求，组织开展了全年例行监测，监测依据《环境空气质\n量标准》\n（GB 3095—2012）、\n《地表水环境质量标准》\n（GB 3838—2002）开展，全年共获得有效监测数据两万余个，\n监测结果表明全市环境质量总体保持稳定，部分指标持续改善\n各项工作均达到了年初确定的目标要求，完成情况总体良好，\n为下一年度的监测工作打下了基础。\n",
            "根据市委市政府的统一部署和国家生态环境监测的有关规定，二〇二三年，滨江市生态环境监测中心按照国家和省里的要求，组织开展了全年例行监测，监测依据《环境空气质量标准》（GB 3095—2012）、《地表水环境质量标准》（GB 3838—2002）开展，全年共获得有效监测数据两万余个，监测结果表明全市环境质量总体保持稳定，部分指标持续改善各项工作均达到了年初确定的目标要求，完成情况总体良好，为下一年度的监测工作打下了基础。\n",
            "pdftotext cuts a line at title marks and brackets too",
        ),
        (
            "二、经营情况\n1 . 1\n\n公 司 简 介\n\n2.3\n研发投入\n",
            "二、经营情况\n1 . 1   公 司 简 介\n2.3 研发投入\n",
            "a section number alone on its line belongs to the title after it",
        ),
        (
            "国产民机交付提速，航线网络持\n续扩展\n本报记者：林晓舟、周明远\n在上海浦东举行的国产民机运营成果交流会上，中国商飞公司\n发布了最新的数据：截至十月底，支线客机已累计交付一百余\n架，开通国内外航线超过三百条，通航城市达到一百二十余座\n累计安全运送旅客突破一千万人次。\n",
            "国产民机交付提速，航线网络持续扩展\n本报记者：林晓舟、周明远\n在上海浦东举行的国产民机运营成果交流会上，中国商飞公司发布了最新的数据：截至十月底，支线客机已累计交付一百余架，开通国内外航线超过三百条，通航城市达到一百二十余座累计安全运送旅客突破一千万人次。\n",
            "a title wraps without filling a measure",
        ),
        (
            "手机里的“能量仓库”——聊聊锂电池那些事\n文／沈若溪（科普作者）\n",
            "手机里的“能量仓库”——聊聊锂电池那些事\n文／沈若溪（科普作者）\n",
            "a byline after a title is a block of its own",
        ),
        (
            "农业技术推广简报\n2024年第18期（总第215期）\n",
            "农业技术推广简报\n2024年第18期（总第215期）\n",
            "a short title is whole",
        ),
        (
            "编制单位：滨江市生态环境监测中心（二〇二四年三月\n一、概述\n2023年，滨江市生态环境监测中心依据国家的标准\n开展了全市环境空气、地表水和声环境的例行监测。\n",
            "编制单位：滨江市生态环境监测中心（二〇二四年三月\n一、概述\n2023年，滨江市生态环境监测中心依据国家的标准开展了全市环境空气、地表水和声环境的例行监测。\n",
            "a heading and the line after it are no pieces of one line, however wide together",
        ),
        (
            "Abstract: Field monitoring was carried out on a heavy-haul railway subgrade in a\ncold region. The maximum frost depth was 2.35 m and the heave reached 18.6 mm.\nHeave on the shaded slope was on average 37% larger than on the sunny one.\n1 引言\n",
            "Abstract: Field monitoring was carried out on a heavy-haul railway subgrade in a cold region. The maximum frost depth was 2.35 m and the heave reached 18.6 mm. Heave on the shaded slope was on average 37% larger than on the sunny one.\n1 引言\n",
            "English prose has a measure of its own, and a sentence ending at it goes on",
        ),
        (
            "编译和运行：\ncargo build --release --locked\ncargo test --release --workspace\n./target/release/zhtidy sample.txt\n",
            "编译和运行：\ncargo build --release --locked\ncargo test --release --workspace\n./target/release/zhtidy sample.txt\n",
            "Latin lines without the words of prose are no paragraph",
        ),
        (
            "The first paragraph of this note explains why the tool exists and what it does for the people who run it every day.\nThe second paragraph says how to install it on a machine of your own, and which of the options you will need first.\nThe third paragraph lists the people who wrote the code and thanks those who reported the bugs that were fixed.\n",
            "The first paragraph of this note explains why the tool exists and what it does for the people who run it every day.\nThe second paragraph says how to install it on a machine of your own, and which of the options you will need first.\nThe third paragraph lists the people who wrote the code and thanks those who reported the bugs that were fixed.\n",
            "English with a paragraph per line keeps its lines",
        ),
        (
            "我们的祖国是花园花园的花朵真鲜艳\n和暖的阳光照耀着我们\n每个人脸上都笑开颜\n",
            "我们的祖国是花园花园的花朵真鲜艳\n和暖的阳光照耀着我们\n每个人脸上都笑开颜\n",
            "lyrics at the top of a text with no measure are no wrapped title",
        ),
        (
            "远处的山坡上开满了各色的野花\n傍晚的炊烟升起在村庄的上空\n孩子们放学后在田埂上奔跑着\n河边的老牛慢悠悠地走回家去\n",
            "远处的山坡上开满了各色的野花\n傍晚的炊烟升起在村庄的上空\n孩子们放学后在田埂上奔跑着\n河边的老牛慢悠悠地走回家去\n",
            "lines of verse alike in width but without punctuation are not wrapped prose",
        ),
        (
            "常用命令如下：\ninstall\nremove\nupdate\nsearch\nlist\n",
            "常用命令如下：\ninstall\nremove\nupdate\nsearch\nlist\n",
            "a column of single words without the words of prose stays a column",
        ),
        (
            "核医学科联合肿瘤中心开展了一项前瞻性观察研究，评估治疗两\n个周期以后的代谢参数对于免疫治疗疗效的预测价值，研究共纳入\n非小细胞肺癌患者二百余例，以最大标准化摄取值下降三成作为代\n谢缓解的标准，结果显示缓解组的中位无进展生存期为十三个月，\n未缓解组为五个月，差异具有统计学意义。研究者同时提醒，约有\n一成患者在治疗早期出现假性进展，需结合临床综合判断，治疗后\n复查时应采用同一台18F-FDG\n\nPET/CT设备完成扫描，以保证前后\n\n可比。研究团队计划明年扩大样本量，并纳入更多中心参与验证。\n",
            "核医学科联合肿瘤中心开展了一项前瞻性观察研究，评估治疗两个周期以后的代谢参数对于免疫治疗疗效的预测价值，研究共纳入非小细胞肺癌患者二百余例，以最大标准化摄取值下降三成作为代谢缓解的标准，结果显示缓解组的中位无进展生存期为十三个月，未缓解组为五个月，差异具有统计学意义。研究者同时提醒，约有一成患者在治疗早期出现假性进展，需结合临床综合判断，治疗后复查时应采用同一台18F-FDG PET/CT设备完成扫描，以保证前后可比。研究团队计划明年扩大样本量，并纳入更多中心参与验证。\n",
            "pdftotext cuts a visual line at a word space and sets each piece after the first apart with blank lines; the blank line after the last says nothing",
        ),
        (
            "核医学科联合肿瘤中心开展了一项前瞻性观察研究，评估治疗两\n个周期以后的代谢参数对于免疫治疗疗效的预测价值，研究共纳入\n非小细胞肺癌患者二百余例，以最大标准化摄取值下降三成作为代\n谢缓解的标准，结果显示缓解组的中位无进展生存期为十三个月，\n未缓解组为五个月，差异具有统计学意义。研究者同时提醒，约有\n一成患者在治疗早期出现假性进展，需结合临床综合判断，治疗后\n复查时应采用同一台18F-FDG\n\nPET/CT扫描，以便保证\n\n前后可比。研究团队计划明年扩大样本量，并纳入更多中心参与。\n",
            "核医学科联合肿瘤中心开展了一项前瞻性观察研究，评估治疗两个周期以后的代谢参数对于免疫治疗疗效的预测价值，研究共纳入非小细胞肺癌患者二百余例，以最大标准化摄取值下降三成作为代谢缓解的标准，结果显示缓解组的中位无进展生存期为十三个月，未缓解组为五个月，差异具有统计学意义。研究者同时提醒，约有一成患者在治疗早期出现假性进展，需结合临床综合判断，治疗后复查时应采用同一台18F-FDG PET/CT扫描，以便保证前后可比。研究团队计划明年扩大样本量，并纳入更多中心参与。\n",
            "a cut counts the gap it was made at",
        ),
        (
            "充电时，外部电源推动电子和离子搬家，把电能转化为化学能储存\n起来；放电时，这个过程反过来进行，化学能重新变成电能，驱动\n手机、电动车乃至整座储能电站运转，也点亮了千家万户的屏幕。\n以目前最常见的锂离子电池（Li-ion\n\nbattery）为例，\n\n它由正极、负极、电解液和隔膜四个核心部分组成。正极通常是含\n锂的金属氧化物，例如钴酸锂、磷酸铁锂或三元材料；负极多为石\n墨。充电时锂离子从正极游出来，穿过电解液和隔膜嵌入石墨层。\n",
            "充电时，外部电源推动电子和离子搬家，把电能转化为化学能储存起来；放电时，这个过程反过来进行，化学能重新变成电能，驱动手机、电动车乃至整座储能电站运转，也点亮了千家万户的屏幕。\n以目前最常见的锂离子电池（Li-ion battery）为例，它由正极、负极、电解液和隔膜四个核心部分组成。正极通常是含锂的金属氧化物，例如钴酸锂、磷酸铁锂或三元材料；负极多为石墨。充电时锂离子从正极游出来，穿过电解液和隔膜嵌入石墨层。\n",
            "a cut joins the first piece of a paragraph after a line that ends a sentence",
        ),
        (
            "全 市 共 运 行 环 境 空 气 自 动 监 测 站 四 十 八 个 ， 其 中 国 控 站\n点 九 个 、 省 控 站 点 十 六 个 ， 全 年 有 效 监 测 天 数 为 三 百 六 十\n一 天 ， 各 项 监 测 数 据 的 有 效 率 均 达 到 了 百 分 之 九 十 五 以 上\n， 监 测 依 据 《 声 环 境 质 量 标 准 》（G B\n\n3 0 9 6 — 2 0 0 8 ） 开 展\n\n了 例 行 监 测 ， 昼 间 达 标 率 为 百 分 之 九 十 六 点 一 ， 较 上 年 提\n高 零 点 八 个 百 分 点 ， 夜 间 达 标 率 为 百 分 之 八 十 五 点 二 。\n",
            "全 市 共 运 行 环 境 空 气 自 动 监 测 站 四 十 八 个 ， 其 中 国 控 站 点 九 个 、 省 控 站 点 十 六 个 ， 全 年 有 效 监 测 天 数 为 三 百 六 十 一 天 ， 各 项 监 测 数 据 的 有 效 率 均 达 到 了 百 分 之 九 十 五 以 上 ， 监 测 依 据 《 声 环 境 质 量 标 准 》（G B   3 0 9 6 — 2 0 0 8 ） 开 展 了 例 行 监 测 ， 昼 间 达 标 率 为 百 分 之 九 十 六 点 一 ， 较 上 年 提 高 零 点 八 个 百 分 点 ， 夜 间 达 标 率 为 百 分 之 八 十 五 点 二 。\n",
            "a cut between two letter-spaced words joins with a wide gap, a word space",
        ),
        (
            "题目：石墨烯与氮化硼复合填料对环氧树脂导热性能的影响研究\n作者：王立新，陈思雨，刘畅（华东理工大学材料研究院，上\n海 200237）\n\n摘要：针对电子封装材料散热能力不足的问题，本文以\n环氧树脂为基体，采用溶液共混与真空浇注相结合的方\n法，制备了石墨烯纳米片和六方氮化硼复合填料改性的\n导热复合材料，系统研究了填料总含量对导热系数、介\n电性能和力学性能的影响，结果表明协同效应十分明显。\n",
            "题目：石墨烯与氮化硼复合填料对环氧树脂导热性能的影响研究\n作者：王立新，陈思雨，刘畅（华东理工大学材料研究院，上海 200237）\n摘要：针对电子封装材料散热能力不足的问题，本文以环氧树脂为基体，采用溶液共混与真空浇注相结合的方法，制备了石墨烯纳米片和六方氮化硼复合填料改性的导热复合材料，系统研究了填料总含量对导热系数、介电性能和力学性能的影响，结果表明协同效应十分明显。\n",
            "a blank line after a Chinese bracket is no cut, however wide the lines around it together",
        ),
        (
            "公司总部位于临川高新区，主要从事精密传动部件的研发与生产，\n在国内拥有四个生产基地，并通过全资子公司Hengyuan Precision Pte.\nLtd.和控股子公司开展海外业务，产品远销欧洲、东南亚等地区，\n海外收入占营业收入的比例逐年提高，已成为公司新的增长点之一。\n",
            "公司总部位于临川高新区，主要从事精密传动部件的研发与生产，在国内拥有四个生产基地，并通过全资子公司Hengyuan Precision Pte. Ltd.和控股子公司开展海外业务，产品远销欧洲、东南亚等地区，海外收入占营业收入的比例逐年提高，已成为公司新的增长点之一。\n",
            "a company's `Pte.` ends no sentence",
        ),
        (
            "窄禁带材料：研究院与两所高校合作，在砷化镓衬底上外延生\n\n•\n\n长了锑化镓铟薄膜，用于中波红外探测器，在低温条件下的峰值\n响应率较对照样品提高约两成，暗电流密度则下降了一个数量级，\n为下一步研制大面阵红外焦平面器件打下了良好的材料基础。\n",
            "窄禁带材料：研究院与两所高校合作，在砷化镓衬底上外延生 • 长了锑化镓铟薄膜，用于中波红外探测器，在低温条件下的峰值响应率较对照样品提高约两成，暗电流密度则下降了一个数量级，为下一步研制大面阵红外焦平面器件打下了良好的材料基础。\n",
            "a bullet alone after a full line that stops mid-sentence was moved there: the break before it is a wrap",
        ),
    ];

    #[test]
    fn field_chars_is_the_longest_label() {
        let longest = FIELD_LABELS.iter().map(|l| l.chars().count()).max();
        assert_eq!(longest, Some(FIELD_CHARS));
    }

    #[test]
    fn table() {
        crate::edit::testing::check(edits, CASES);
    }

    #[test]
    fn block_starts() {
        for yes in [
            "一、总体要求",
            "（一）申报主体",
            "（1）条件",
            "(2)条件",
            "（ 三 ） 同 一 企 业",
            "二 、 申 报 条 件",
            "1. 生产",
            "1.生产",
            "2.1 经营情况",
            "1 引言",
            "1、内容",
            "1 ）内容",
            "2 、 内 容",
            "①内容",
            "• 内容",
            "第三章 总则",
            "第 3 条",
            "第部分",
            "Abstract: To address",
            "Key words: epoxy",
            "1 Introduction",
            "3 . 标题",
            "12）内容",
            "【本期要点】",
            "【本期导读】秋粮测产结果发布；玉米适期收获",
            "摘要：针对电子封装材料散热能力不足的问题",
            "本报记者：许安澜",
            "作者：王立新，陈思雨",
            "摘 要 ： 针 对 电 子 封 装",
        ] {
            assert!(starts_block(yes), "{yes}");
        }
        for no in [
            "3.5%的增长",
            "2019年",
            "1,200例",
            "一些企业",
            "（含税）",
            "（ 含 税 ）",
            "一 些 企 业",
            "第3页的内容",
            "70%；",
            "2024 年度中小企业数字化转型试点项目申报工作，经研究决定",
            "In this work: we",
            "As shown in Fig: 3",
            "HTTP://example",
            "104、105架机实现首飞",
            "54.3、53.9dB(A)。",
            "5 4 . 3 、5 3 . 9 d B ( A ) 。",
            "18 physical descriptors, including atomic size",
            "1 8  p h y s i c a l  d e s c r i p t o r s",
            "【注意事项，请在安装前仔细阅读本节内容】",
            "【】",
            "强调：要把稳增长放在更加突出的位置",
            "摘要选登",
            "作者们认为",
        ] {
            assert!(!starts_block(no), "{no}");
        }
    }
}
