//! Two columns that an extractor interleaved line by line, read as the
//! left column, then the right.
//!
//! pdfplumber (and other tools that sort a page's text lines by their
//! height on the page) write a two-column page as one sequence of lines:
//! where a line of each column sits at the same height they come out as
//! one line joined by a single space (`…全球半导体市 化合物半导体是…`),
//! and where the columns' lines are offset (a heading or a paragraph's
//! spacing in one column shifts it) they alternate, one column's line,
//! then the other's. Without a wide gutter there is no position to go by,
//! so the page is recognized by its widths instead:
//!
//! * the lines with no space between two wide characters (Han, full-width
//!   punctuation) are a column's lines, so their upper quartile is the
//!   *measure*, the width of a full column line; at least
//!   [`MIN_FULL_LINES`] of them, and two in five, are within a few units
//!   of it (a page of one column has few such lines when its Latin words
//!   are spaced, and those are its short lines). Chinese text has no space
//!   between two Han of its own, while a space around a figure or a Latin
//!   word (`共 48 个`, which pdftotext writes) says nothing about columns.
//!   A line with spaces counts only if two wide characters stand side by
//!   side in it: letter-spaced Latin has none, and its lines would measure
//!   a page of spaced English as two columns;
//! * at least [`MIN_PAIRS`] lines are too wide for one column, and four in
//!   five of those divide at a space into two halves that each fit one.
//!
//! A page spaced out letter by letter has no such lines, so it is left
//! alone, as it must be: every space of it would divide it somewhere.
//!
//! Each block of the page (its lines between blank lines) is read alone:
//! pdftotext follows the columns in blocks, but writes some of them
//! interleaved, as pdfplumber writes whole pages. A block is reordered
//! only if at least [`MIN_BLOCK_PAIRS`] of its lines hold both columns: in
//! a block that followed one column, a line that a Latin word or a quote
//! made wider than the measure may divide too, but seldom two. A block
//! with fewer is reordered as a whole where a short heading (a numbered
//! one, or an item, at most half the measure wide) stands between a full
//! line that it leaves unfinished and a line that goes on, not another
//! heading: a heading does not interrupt a sentence, so the block's lines
//! alternate between the columns though none holds both.
//!
//! From its first line that holds both columns on (or its first line, in
//! a block reordered for a heading), the block is rewritten
//! as the left column's lines, then the right's. A line too wide for one
//! column divides at the space that leaves a half nearest a full line,
//! preferring a space between two wide characters or one before a
//! numbered heading or an item (`…公司 4.2 结语`), but not at a space
//! between two Latin words set in Chinese text (`“HYLink 800G”`, each
//! word touching a wide character) if the line is as wide as two full
//! lines (twice the measure, less two indents): pdftotext joins a
//! column's line to the next where a word is hyphenated across them, and
//! such a line that divides nowhere else is that column's. A narrower
//! line divides only where a sentence or a heading (`一、总体概况
//! 三、化合物半导体…`) clearly ends before a space between two wide
//! characters (a heading `四、设计与 EDA 生态` keeps its Latin word). A
//! line that does not divide belongs to one column, chosen for the whole
//! run of such lines at once (a two-state Viterbi search): consecutive
//! lines of a run alternate between the columns unless the text says
//! otherwise, a line continues a column whose last line was full and
//! unfinished, an enumeration continues where its previous number is (`1.`
//! then `2.`), a list's item follows a line that ends in a colon, and a
//! mark that cannot open a line (`，`, `）`) continues a line; but a line
//! that could as well continue the full line before it as start a
//! paragraph in the other column alternates. Two lines in a row of one
//! column open a gap in the other, which costs once, where it opens, and
//! then goes on free: resuming the other column costs again. In the run
//! that ends a stretch (no line of both follows it), a line that continues
//! the full and unfinished line before it stays in that line's column
//! where the other column's last line ended a sentence: pdftotext writes a
//! column's next paragraph in a block of its own, and a page's shorter
//! column ends first, so what follows there is one column, in order. A
//! line too wide for one column that divides nowhere into two that fit (a
//! title across the page) ends the stretch before it, and a page number on
//! the block's last line stays last.
//!
//! As in the layout case (see [`crate::columns`]), each region becomes one
//! edit, [`Rule::ColumnDeinterleave`], whose bytes map to the region as a
//! whole.

use crate::edit::Edit;
use crate::page::{self, gaps, Gap, Line};
use crate::rule::Rule;

/// How much wider than the measure a column's line may be, in display
/// width: Latin letters and digits are narrower than two to an ideograph,
/// so their lines run over.
const SLACK: usize = 4;

/// How much narrower than the measure a full line may be: a paragraph's
/// first line is indented by two ideographs.
const INDENT: usize = 8;

/// The narrowest measure of a column: narrower lines are a list or verse.
const MIN_MEASURE: usize = 30;

/// The widest measure of a column, 80 ideographs: a column's lines (see
/// [`one_column`]) that are wider are not columns, and the bound keeps
/// dividing a line's narrower lines linear in the page.
const MAX_MEASURE: usize = 160;

/// One column's lines (see [`one_column`]) that must be full.
const MIN_FULL_LINES: usize = 8;

/// Lines that must hold a line of each column.
const MIN_PAIRS: usize = 3;

/// Lines that a block must hold a line of each column in before it is
/// reordered: in a block that has followed one column, a line that a
/// quote or a Latin word made wider than the measure divides too.
const MIN_BLOCK_PAIRS: usize = 2;

/// How a line of an interleaved page divides.
#[derive(Clone, Copy, Debug)]
enum Part<'a> {
    /// A line of one column.
    One(&'a str),
    /// A line of each column, left then right.
    Pair(&'a str, &'a str),
    /// A line across both columns.
    Across(&'a str),
}

/// Proposes the edits that rewrite each block of `page` (the lines of one
/// page) that holds both columns as its left column, then its right, if the
/// page is two columns interleaved.
pub(crate) fn edits(text: &str, page: &[Line], out: &mut Vec<Edit>) {
    let Some(measure) = measure(text, page) else {
        return;
    };
    for block in page.split(Line::is_blank).filter(|b| !b.is_empty()) {
        deinterleave(text, block, measure, out);
    }
}

/// Proposes the edit that rewrites `block` (lines between blank lines) from
/// its first line that holds both columns on, or as a whole where a
/// heading interrupts a sentence ([`heading_inside_sentence`]).
fn deinterleave(text: &str, block: &[Line], measure: usize, out: &mut Vec<Edit>) {
    let parts: Vec<Part> = block
        .iter()
        .map(|l| divide(&text[l.content.clone()], measure))
        .collect();
    let is_pair = |p: &&Part| matches!(p, Part::Pair(..));
    let first = if parts.iter().filter(is_pair).count() >= MIN_BLOCK_PAIRS {
        parts.iter().position(|p| is_pair(&p)).unwrap_or(0)
    } else if heading_inside_sentence(&parts, measure) {
        0
    } else {
        return;
    };
    let mut parts = &parts[first..];
    let mut footer = None;
    if let Some((Part::One(last), rest)) = parts.split_last() {
        if crate::boilerplate::is_page_number(last) {
            footer = Some(*last);
            parts = rest;
        }
    }
    let mut reordered = reorder(parts, measure);
    write_lines(&mut reordered, footer);
    reordered.pop();
    let range = block[first].range.start..block[block.len() - 1].range.end;
    if reordered != text[range.clone()] {
        out.push(Edit::replace(range, reordered, Rule::ColumnDeinterleave));
    }
}

/// Whether a short heading (a numbered one, or an item) stands in
/// `parts` between a full line that it leaves unfinished and a line that
/// goes on: a heading does not interrupt a sentence, so the block
/// alternates between two columns' lines though none holds both
/// (pdftotext writes some blocks so: `…优良天` / `（二）主要指标浓度` /
/// `数比例为 82.5%…`). The heading must be at most half the measure wide:
/// an item wrapped over lines is as wide as a column, and a list whose
/// item ends at a full line without a mark would look the same.
///
/// On the corpora it reorders one block, of pdftotext's
/// `09-environment`, into its two paragraphs: CER 0.752 against 0.750
/// there, boundary F1 unchanged (the right column's paragraph belongs to
/// a later section, which pdftotext wrote elsewhere).
fn heading_inside_sentence(parts: &[Part], measure: usize) -> bool {
    parts.windows(3).any(|lines| match *lines {
        [Part::One(before), Part::One(heading), Part::One(after)] => {
            unfinished(before, measure)
                && crate::lines::starts_block(heading)
                && page::width(heading) * 2 <= measure
                && !crate::lines::starts_block(after)
        }
        _ => false,
    })
}

/// The measure of `page` if it is two columns interleaved (the rules of
/// the module doc).
fn measure(text: &str, page: &[Line]) -> Option<usize> {
    let body = || {
        page.iter()
            .map(|l| &text[l.content.clone()])
            .filter(|l| !l.is_empty())
    };
    let mut singles: Vec<usize> = body().filter(|l| one_column(l)).map(page::width).collect();
    if singles.len() < MIN_FULL_LINES {
        return None;
    }
    singles.sort_unstable();
    let measure = singles[singles.len() * 3 / 4];
    let full = singles
        .iter()
        .filter(|&&w| w + INDENT >= measure && w <= measure + SLACK)
        .count();
    if !(MIN_MEASURE..=MAX_MEASURE).contains(&measure)
        || full < MIN_FULL_LINES
        || full * 5 < singles.len() * 2
    {
        return None;
    }
    let (mut wide, mut pairs) = (0, 0);
    for content in body() {
        let total = page::width(content);
        if total > measure + SLACK + INDENT {
            wide += 1;
            pairs += usize::from(gaps(content).any(|g| fits_both(g, total, measure)));
        }
    }
    (pairs >= MIN_PAIRS && pairs * 5 >= wide * 4).then_some(measure)
}

/// Whether `line` is evidence of one column's line (the module doc says
/// why): it has no space between two wide characters and, if it has a
/// space at all, two wide characters side by side.
///
/// Every page without a gutter asks this of each of its lines, so the
/// characters are read only around the spaces, which a byte search finds,
/// and up to the first two wide characters side by side, which in Chinese
/// text are the first two.
fn one_column(line: &str) -> bool {
    let wide = |c: Option<char>| c.is_some_and(|c| page::char_width(c) == 2);
    let bytes = line.as_bytes();
    let mut spaced = false;
    for at in memchr::memchr_iter(b' ', bytes) {
        spaced = true;
        // Each run of spaces once, from its first space.
        if at > 0 && bytes[at - 1] == b' ' {
            continue;
        }
        let after = bytes[at..]
            .iter()
            .position(|&b| b != b' ')
            .map_or(line.len(), |n| at + n);
        if wide(line[..at].chars().next_back()) && wide(line[after..].chars().next()) {
            return false;
        }
    }
    let mut widths = line.chars().map(page::char_width);
    let mut last = 0;
    !spaced || widths.any(|w| std::mem::replace(&mut last, w) == 2 && w == 2)
}

/// Whether each side of `gap`, in a line `total` wide, fits one column
/// line.
fn fits_both(gap: Gap, total: usize, measure: usize) -> bool {
    gap.width <= measure + SLACK && total - gap.width <= measure + SLACK
}

/// How `line` divides on a page of columns `measure` wide: a line too
/// wide for one column at the space that leaves halves nearest a full
/// line, preferably between two wide characters or before a numbered
/// heading or an item, and never inside Latin words of a line as wide as
/// two full lines ([`inside_latin`]). (Preferring only the space between
/// two wide characters, a line whose left half ends in a figure or a
/// Latin word divided inside the right half's heading number or label:
/// boundary F1 0.797 against 0.801 and CER 0.164 against 0.163 on
/// pdfplumber's two-column pages of the corpora.)
fn divide(line: &str, measure: usize) -> Part<'_> {
    let pair = |g: Gap| Part::Pair(&line[..g.start], &line[g.end..]);
    let total = page::width(line);
    if total <= measure + SLACK {
        // One column's line, unless a sentence or a heading ends before a
        // space: Chinese text has no space there of its own.
        let ends_unit = |g: &Gap| {
            let left = &line[..g.start];
            g.between_wide
                && (crate::lines::ends_sentence(left)
                    || (g.width >= 10 && crate::lines::starts_block(left)))
        };
        return gaps(line).find(ends_unit).map_or(Part::One(line), pair);
    }
    let off = |g: &Gap| {
        g.width
            .abs_diff(measure)
            .min((total - g.width).abs_diff(measure))
    };
    let mut fitting = gaps(line)
        .filter(|&g| fits_both(g, total, measure))
        .peekable();
    if fitting.peek().is_none() {
        return Part::Across(line);
    }
    let joined = total + 2 * INDENT >= 2 * measure;
    // Chinese text has no space between two wide characters of its own,
    // and a numbered heading or an item (`4.2 结语`, `5. 连接…`) opens a
    // column's line: either says the columns meet there.
    let meet = |g: &Gap| g.between_wide || crate::lines::starts_block(&line[g.end..]);
    fitting
        .filter(|&g| !(joined && inside_latin(line, g)))
        .min_by_key(|g| (!meet(g), off(g)))
        .map_or(Part::One(line), pair)
}

/// Whether `gap` stands between two Latin letters or digits of words set
/// in Chinese text (`“HYLink 800G”`): a space of the text, not where two
/// columns meet. [`divide`] does not divide there a line as wide as two
/// full lines: pdftotext joins a column's line to the next where a word
/// is hyphenated across them (`HY-` / `Link 800G`, written `HYLink
/// 800G`), and such a line, read as a line of each column, ended the run
/// of its column there (boundary F1 0.410 against 0.488 on pdftotext's
/// `10-finance-news`).
///
/// Each word must touch a wide character (the words between spaces hold
/// one): in English text, where the words stand alone, a column's line
/// may end in a word and the other's begin with one (without the
/// condition, boundary F1 0.500 against 0.400 on pdftotext's
/// `08-academic-abstracts`). A line less wide than two full lines is
/// more often a line of each column that the extractor joined without a
/// space (`…（GB 3096—2008），（四）臭氧污染特征` from pdfplumber), which the
/// Latin space divides no worse than nothing (with any line too wide for
/// one column, CER 0.270 against 0.283 on pdfplumber's
/// `09-environment`).
fn inside_latin(line: &str, gap: Gap) -> bool {
    let before = line[..gap.start].rsplit(' ').next().unwrap_or_default();
    let after = line[gap.end..].split(' ').next().unwrap_or_default();
    let latin_end = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let has_wide = |word: &str| word.chars().any(|c| page::char_width(c) == 2);
    latin_end(before.chars().next_back())
        && latin_end(after.chars().next())
        && has_wide(before)
        && has_wide(after)
}

/// What the search knows of a column: its last line, and the number of
/// the last enumerated item in it.
#[derive(Clone, Copy, Debug, Default)]
struct Column<'a> {
    last: Option<&'a str>,
    item: Option<u32>,
}

impl<'a> Column<'a> {
    fn push(self, line: &'a str) -> Self {
        Column {
            last: Some(line),
            item: item_number(line).or(self.item),
        }
    }

    /// The cost of `line` being this column's next line, in quarter units:
    /// continuing an unfinished full line costs nothing, starting a new
    /// paragraph (which any line may do) a little, and what the text
    /// contradicts much. A line that ends in a colon is not unfinished: a
    /// list or a quote may follow, and a line that opens a block (a list's
    /// item) after it costs nothing.
    fn cost(self, line: &str, measure: usize) -> i32 {
        if self.item.is_some() && item_number(line) == self.item.map(|n| n + 1) {
            return -4;
        }
        let block = crate::lines::starts_block(line);
        let continues = line.chars().next().is_some_and(crate::chars::opens_no_line);
        match self.last {
            Some(last) if unfinished(last, measure) => {
                if block {
                    8
                } else {
                    0
                }
            }
            Some(last) if block && last.ends_with(['：', ':']) => 0,
            Some(_) if block => 2,
            _ if continues => 16,
            _ => NEW_PARAGRAPH,
        }
    }
}

/// Whether `line`, a column's line, is full and unfinished, so that the
/// column's next line continues it. A line that ends in a colon is not
/// unfinished: a list or a quote may follow.
fn unfinished(line: &str, measure: usize) -> bool {
    page::width(line) + INDENT - 2 >= measure
        && !crate::lines::ends_sentence(line)
        && !line.ends_with(['：', ':'])
}

/// Quarter units a line pays for starting a paragraph where nothing tells
/// that one starts.
const NEW_PARAGRAPH: i32 = 4;

/// Quarter units a run of one-column lines pays for two consecutive lines
/// in the same column, where the columns' lines usually alternate: a
/// little more than [`NEW_PARAGRAPH`], so that where a line could continue
/// the full line before it or start a paragraph in the other column, the
/// columns alternate. (At even cost, the tie-break below decided those:
/// boundary F1 0.626 against 0.642 and CER 0.454 against 0.419 on
/// pdftotext's two-column pages of the corpora, 0.751 against 0.748 and
/// 0.194 against 0.202 on pdfplumber's.)
///
/// It is paid once per gap of the other column, where the gap opens: two
/// lines in a row of one column say that the other has no line at that
/// height (it has ended, or a heading's or a figure's space interrupts
/// it), and such a gap goes on for as long as it lasts. (Paid for every
/// line of the gap, long runs of one column came out alternated: boundary
/// F1 0.762 and CER 0.199 on pdfplumber's two-column pages of the
/// corpora, against 0.793 and 0.164 paid once; 0.650 and 0.417 on
/// pdftotext's, against 0.651 and 0.417.)
const SAME_COLUMN: i32 = NEW_PARAGRAPH + 1;

/// Quarter units a column pays for resuming after a gap (see
/// [`SAME_COLUMN`]): as much as the gap paid to open, so that a line that
/// could as well go on in the column of the gap as resume the other goes
/// on. (On the two-column pages of the corpora, boundary F1 and CER with
/// resuming free: 0.785 and 0.167 from pdfplumber, 0.648 and 0.417 from
/// pdftotext; at 4, 0.793 and 0.164, 0.648 and 0.417; at 5, 0.793 and
/// 0.164, 0.651 and 0.417; at 6, 0.779 and 0.164, 0.651 and 0.417.)
const RESUME: i32 = SAME_COLUMN;

/// The number of an enumerated item that opens `line` (`2.`, `3、`, `4）`).
fn item_number(line: &str) -> Option<u32> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = line[digits..].chars().next()?;
    (digits > 0 && digits <= 2 && matches!(after, '.' | '、' | '．' | '）' | ')'))
        .then(|| line[..digits].parse().ok())
        .flatten()
}

/// The region's text in reading order: for each stretch between lines
/// across the page, the left column's lines, then the right's.
fn reorder(parts: &[Part], measure: usize) -> String {
    let mut out = String::new();
    let mut columns = [Vec::new(), Vec::new()];
    let mut state = [Column::default(); 2];
    let mut run = Vec::new();
    for part in parts {
        match *part {
            Part::One(line) => run.push(line),
            Part::Pair(left, right) => {
                assign(&run, false, &mut state, measure, &mut columns);
                run.clear();
                for (side, line) in [left, right].into_iter().enumerate() {
                    state[side] = state[side].push(line);
                    columns[side].push(line);
                }
            }
            Part::Across(line) => {
                assign(&run, true, &mut state, measure, &mut columns);
                run.clear();
                write_lines(&mut out, columns.iter_mut().flat_map(|c| c.drain(..)));
                write_lines(&mut out, [line]);
                state = [Column::default(); 2];
            }
        }
    }
    assign(&run, true, &mut state, measure, &mut columns);
    write_lines(&mut out, columns.iter_mut().flat_map(|c| c.drain(..)));
    out
}

fn write_lines<'a>(out: &mut String, lines: impl IntoIterator<Item = &'a str>) {
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
}

/// The best way found to put the lines of a run so far, ending with the
/// current line in one column.
#[derive(Clone, Copy, Debug)]
struct Path<'a> {
    cost: i32,
    /// The column of the line before.
    back: usize,
    /// The columns after the current line.
    columns: [Column<'a>; 2],
    /// Whether the current line is in the column of the line before: the
    /// other column has a gap.
    stayed: bool,
}

impl Path<'_> {
    /// The quarter units of putting `line` next in column `side`, after
    /// this path's line in column `back`, besides what the column's text
    /// says ([`Column::cost`]): the columns alternate unless one has a gap
    /// ([`SAME_COLUMN`], [`RESUME`]).
    ///
    /// In the run that ends a stretch, a gap may open free where `line`
    /// continues the full and unfinished line before it and the other
    /// column's last line ended a sentence: there the other column has
    /// most likely ended. pdftotext writes a column's next paragraph in a
    /// block of its own, and on a page the shorter column ends first, so
    /// the run that follows the last line of both is often one column's
    /// lines in order. Elsewhere such a line alternates: a column's next
    /// paragraph follows at the next line's height. (Without the rule,
    /// boundary F1 and CER on the two-column pages of the corpora were
    /// 0.639 and 0.418 from pdftotext, 0.788 and 0.170 from pdfplumber;
    /// with it, 0.651 and 0.417, 0.793 and 0.164. Everywhere, not only at
    /// the end of a stretch: 0.630 and 0.435, 0.750 and 0.250.)
    fn turn(
        &self,
        back: usize,
        side: usize,
        line: &str,
        measure: usize,
        ends_stretch: bool,
    ) -> i32 {
        match (back == side, self.stayed) {
            (true, true) => 0,
            (true, false) if ends_stretch && self.ends_other(side, line, measure) => 0,
            (true, false) => SAME_COLUMN,
            (false, true) => RESUME,
            (false, false) => 0,
        }
    }

    /// Whether `line` continues the full and unfinished last line of
    /// column `side` while the other column's last line ended a sentence.
    fn ends_other(&self, side: usize, line: &str, measure: usize) -> bool {
        self.columns[side]
            .last
            .is_some_and(|last| unfinished(last, measure))
            && !crate::lines::starts_block(line)
            && self.columns[1 - side]
                .last
                .is_some_and(crate::lines::ends_sentence)
    }
}

/// Puts each line of `run` (lines of one column each, between two lines
/// of both, or after the last of them in its stretch if `ends_stretch`)
/// into the column that costs least over the whole run, and updates
/// `state`.
///
/// A Viterbi search over two states, the column of the current line. What
/// the other column ends with, and whether it has a gap, are taken from
/// the best path into each state, which makes the search greedy there.
/// Where costs tie, the path through the left column wins, so a run where
/// nothing tells ends with a left line. (The other way, the path that
/// starts in the left column, scored 0.906 against 0.919 in boundary F1 on
/// pdfplumber's pages of the corpora.)
fn assign<'a>(
    run: &[&'a str],
    ends_stretch: bool,
    state: &mut [Column<'a>; 2],
    measure: usize,
    columns: &mut [Vec<&'a str>; 2],
) {
    let mut steps: Vec<[Path<'a>; 2]> = Vec::with_capacity(run.len());
    for &line in run {
        let step = [0, 1].map(|side| {
            let extend = |path: Path<'a>, back: usize| Path {
                cost: path.cost
                    + path.columns[side].cost(line, measure)
                    + path.turn(back, side, line, measure, ends_stretch),
                back,
                stayed: back == side,
                ..path
            };
            let mut best = match steps.last() {
                None => Path {
                    cost: state[side].cost(line, measure),
                    back: side,
                    columns: *state,
                    stayed: false,
                },
                Some(&[left, right]) => {
                    let (l, r) = (extend(left, 0), extend(right, 1));
                    if r.cost < l.cost {
                        r
                    } else {
                        l
                    }
                }
            };
            best.columns[side] = best.columns[side].push(line);
            best
        });
        steps.push(step);
    }
    let Some(&[left, right]) = steps.last() else {
        return;
    };
    let mut side = usize::from(right.cost < left.cost);
    *state = steps[steps.len() - 1][side].columns;
    let mut sides = vec![0; run.len()];
    for i in (0..run.len()).rev() {
        sides[i] = side;
        side = steps[i][side].back;
    }
    for (line, side) in run.iter().zip(sides) {
        columns[side].push(line);
    }
}

#[cfg(test)]
mod tests {
    /// A full column line: 24 Han, the first two telling the column and row.
    fn full(side: char, row: usize) -> String {
        let row = char::from_u32(u32::from('甲') + row as u32).expect("a Han");
        format!("{side}{row}{}", "文".repeat(22))
    }

    /// `line` with a figure set off by spaces at its middle, as pdftotext
    /// writes it.
    fn with_figure(line: &str) -> String {
        let middle = line.char_indices().nth(12).map_or(line.len(), |(i, _)| i);
        format!("{} 5 {}", &line[..middle], &line[middle..])
    }

    /// A column of `rows` full lines; where `ends` holds a row, that line
    /// is a paragraph's last: short, and ending a sentence.
    fn column(side: char, rows: usize, ends: &[usize]) -> Vec<String> {
        (0..rows)
            .map(|r| match ends.contains(&r) {
                true => format!("{side}{}完。", "末".repeat(6)),
                false => full(side, r),
            })
            .collect()
    }

    /// The page an extractor that sorts lines by height writes: `pattern`
    /// takes, for each of its letters, the next line of both columns
    /// joined by a space (`P`), of the left (`L`) or of the right (`R`).
    fn interleave(left: &[String], right: &[String], pattern: &str) -> String {
        let (mut l, mut r) = (left.iter(), right.iter());
        let mut page = String::new();
        for step in pattern.chars() {
            let line = match step {
                'P' => format!("{} {}", l.next().unwrap(), r.next().unwrap()),
                'L' => l.next().unwrap().clone(),
                _ => r.next().unwrap().clone(),
            };
            page.push_str(&line);
            page.push('\n');
        }
        assert!(l.next().is_none() && r.next().is_none(), "{pattern}");
        page
    }

    /// The columns pass (which hands pages without a wide gutter to this
    /// module) on `text` as one page, ended by a form feed.
    fn repair(text: &str) -> String {
        let paged = format!("{text}\x0c");
        let out = crate::edit::testing::run(crate::columns::edits, &paged);
        out.strip_suffix('\x0c').unwrap_or(&out).to_owned()
    }

    fn lines(lines: &[String]) -> String {
        lines.iter().map(|l| format!("{l}\n")).collect()
    }

    #[test]
    fn table() {
        // (left column, right column, pattern, why)
        let cases: &[(Vec<String>, Vec<String>, &str, &str)] = &[
            (
                column('左', 10, &[]),
                column('右', 10, &[]),
                "PPPRLRLRLRLRLPP",
                "lines of both columns, then alternating ones (where nothing tells, \
                 ending with the left column's), then both again",
            ),
            (
                column('左', 10, &[3]),
                {
                    let mut right = column('右', 10, &[]);
                    right[4] = format!("，{}", &right[4][3..]);
                    right
                },
                "PPPPRLRLRLRLPP",
                "after the left paragraph ended, a line that opens with a comma goes on \
                 the right, so the run starts there",
            ),
            (
                {
                    let mut left = column('左', 12, &[4]);
                    left[3] = "二、题目名称".to_owned();
                    left
                },
                column('右', 12, &[3, 4]),
                "PPPPPRLRLRLRLPPP",
                "a short line divides where a heading or a sentence ends before a space",
            ),
            (
                {
                    let mut left = column('左', 11, &[3]);
                    left[4] = "二、设计与 EDA 概况".to_owned();
                    left
                },
                column('右', 11, &[]),
                "PPPPLRLRLRLRLRPP",
                "a heading divides only where Han stand on both sides of the space: \
                 around a Latin word it is the heading's own",
            ),
            (
                column('左', 10, &[])
                    .iter()
                    .map(|l| with_figure(l))
                    .collect(),
                column('右', 10, &[])
                    .iter()
                    .map(|l| with_figure(l))
                    .collect(),
                "PPPRLRLRLRLRLPP",
                "spaces around figures, and none between two Han: one column's lines",
            ),
            (
                column('左', 12, &[]),
                column('右', 12, &[2]),
                "PPPRLPPRLRLRLRLPP",
                "a line that could continue the full line before it or start a paragraph \
                 in the other column alternates",
            ),
            (
                column('左', 8, &[1, 5]),
                {
                    let mut right = column('右', 12, &[8]);
                    right[2] = format!("，{}", &right[2][3..]);
                    right[7] = format!("，{}", &right[7][3..]);
                    right[9] = "二、题目名称".to_owned();
                    right
                },
                "PPRLRLRLRLRRRRPP",
                "a column with a gap stays so: a heading that could open either column's \
                 next paragraph follows the lines before it",
            ),
            (
                column('左', 12, &[]),
                column('右', 8, &[7]),
                "PPRLRLRLRLPPLLLL",
                "after the last line of both, where one column's paragraph ended, the \
                 other's lines that continue each other stay in order",
            ),
            (
                {
                    let mut left = column('左', 10, &[]);
                    left[1] = format!("左{} ABC", "文".repeat(16));
                    left
                },
                {
                    let mut right = column('右', 10, &[]);
                    right[1] = "4.2 结语与展望未来".to_owned();
                    right
                },
                "PPPRLRLRLRLRLPP",
                "a line of both divides before a numbered heading, where no space between \
                 two wide characters tells",
            ),
            (
                column('左', 5, &[4]),
                {
                    let mut right = column('右', 14, &[]);
                    right[7] = format!("右{}“HYLink 800G”{}", "文".repeat(20), "文".repeat(19));
                    right
                },
                "PPPPPRRRRRRRRR",
                "two lines that pdftotext joined at a hyphenated word do not divide at the \
                 space of their Latin text",
            ),
        ];
        for (left, right, pattern, why) in cases {
            let page = interleave(left, right, pattern);
            let read = format!("{}{}", lines(left), lines(right));
            assert_eq!(repair(&page), read, "{why}:\n{page}");
        }
    }

    #[test]
    fn enumeration_continues_its_column() {
        let left = column('左', 8, &[1, 6]);
        let mut right = column('右', 10, &[]);
        right[2] = format!("，{}", &right[2][3..]);
        right[6] = format!("右{}如下：", "文".repeat(21));
        right[7] = format!("1. {}完。", "项".repeat(8));
        right[8] = format!("2. {}完。", "项".repeat(8));
        // The comma puts the run's first line on the right. Then the left
        // paragraph ends, and so does item 1: the colon that announced the
        // list and the number tell that both items, though the second
        // follows a right line, are the right column's. (Without the
        // colon, a left column that has a gap from item 1 on costs as
        // much.)
        let page = interleave(&left, &right, "PPRLRLRLRLRLRRP");
        assert_eq!(repair(&page), format!("{}{}", lines(&left), lines(&right)));
    }

    #[test]
    fn a_page_number_stays_last() {
        let left = column('左', 10, &[]);
        let right = column('右', 10, &[]);
        let page = interleave(&left, &right, "PPPRLRLRLRLRLPP") + "- 3 -\n";
        let read = format!("{}{}- 3 -\n", lines(&left), lines(&right));
        assert_eq!(repair(&page), read);
    }

    #[test]
    fn blocks() {
        let left = column('左', 14, &[]);
        let right = column('右', 10, &[]);
        let interleaved = interleave(&left[4..], &right, "PPPRLRLRLRLRLPP");
        let read = format!("{}{}", lines(&left[4..]), lines(&right));
        // A column's block whose third line a Latin word made too wide.
        let mut one = column('单', 5, &[]);
        one[2] = format!("{} {}", one[2], "文".repeat(8));
        // Two columns' lines that alternate, none holding both: the
        // right column opens with a heading, and (where nothing tells
        // which column is which) the left one has the last line.
        let (top, mut heading) = (column('甲', 7, &[6]), column('乙', 6, &[5]));
        heading[0] = "（二）题目名称".to_owned();
        let alternating = interleave(&top, &heading, "LRLRLRLRLRLRL");
        // (page, repaired, why)
        let cases = [
            (
                format!("{interleaved}\n{alternating}"),
                format!("{read}\n{}{}", lines(&top), lines(&heading)),
                "a block with no line of both is reordered where a heading stands inside \
                 a sentence",
            ),
            (
                format!("{}\n{interleaved}", lines(&left[..4])),
                format!("{}\n{read}", lines(&left[..4])),
                "a block between blank lines is read alone: one that follows a column \
                 stays, one that holds both is reordered",
            ),
            (
                format!("{interleaved}\n{}", lines(&one)),
                format!("{read}\n{}", lines(&one)),
                "a block with one line that divides is one column's",
            ),
        ];
        for (page, read, why) in cases {
            assert_eq!(repair(&page), read, "{why}:\n{page}");
        }
    }

    #[test]
    fn left_alone() {
        let left = column('左', 10, &[]);
        let right = column('右', 10, &[]);
        let two = interleave(&left, &right, "PPPLRLRLRLRLRPP");
        // One column whose lines are twice as wide, with the spaces that
        // some extractors put around figures.
        let one: String = (0..12)
            .map(|r| format!("{} 2023 年{}\n", full('单', r), "文".repeat(21)))
            .collect();
        let spaced_out: String = two
            .lines()
            .map(|l| {
                let spaced: Vec<String> = l.chars().map(String::from).collect();
                format!("{}\n", spaced.join(" "))
            })
            .collect();
        // A line of one column, 90 wide, with a figure at its middle.
        let middle = |r: usize| format!("{} 5G {}\n", &full('段', r)[..66], "文".repeat(21));
        // The same, the figure near its start.
        let early = |r: usize| format!("{} 5G {}\n", &full('段', r)[..6], "文".repeat(42));
        // One column of paragraphs and a list of short items (names): the
        // items give a measure, but only a few wide lines have a space
        // near their middle.
        let list: String = (0..12)
            .map(|r| if r % 4 == 0 { middle(r) } else { early(r) })
            .chain((0..8).map(|r| format!("{}\n", &full('项', r)[..69])))
            .collect();
        // One column whose lines without a space are its short lines,
        // where a few paragraphs end at one width by chance.
        let short: String = (0..12)
            .map(middle)
            .chain((0..8).map(|r| format!("{}{}完。\n", &full('末', r)[..6], "末".repeat(25))))
            .chain((0..14).map(|r| format!("{}\n", "题".repeat(5 + r))))
            .collect();
        let wider: String = two.replace('文', "文文文文");
        // Letter-spaced Latin: 14 lines of 40 letters, then 4 of 80.
        let spaced_latin: String = (0..18)
            .map(|r| {
                let letters: Vec<String> = (0..if r < 14 { 40 } else { 80 })
                    .map(|i| char::from(b'a' + (i + r) as u8 % 26).to_string())
                    .collect();
                format!("{}\n", letters.join(" "))
            })
            .collect();
        for (page, why) in [
            (&wider, "lines of 90 ideographs are no column"),
            (&list, "few wide lines divide into two column lines"),
            (&short, "few lines without a space are full"),
            (&one, "one column"),
            (
                &spaced_out,
                "spaced out letter by letter: every space divides",
            ),
            (&lines(&left), "one column of full lines"),
            (
                &spaced_latin,
                "letter-spaced Latin has no two Han side by side: no column's line",
            ),
        ] {
            assert_eq!(repair(page), *page, "{why}");
        }
    }
}
