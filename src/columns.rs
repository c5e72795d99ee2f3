//! The columns pass: a two-column page laid side by side is read as the
//! left column, then the right.
//!
//! `pdftotext -layout` places every character of a page on a grid of
//! character cells by its x position, so a two-column page comes out with
//! both columns on each line and a run of spaces between them. The grid
//! counts characters, not display width: a Han character and a digit each
//! take one cell, which is why the right column starts at nearly the same
//! *character* column on every line while its display column wanders. It
//! still jitters by a few cells, and where a left half is too long for the
//! cells (narrow Latin letters and digits), the right half follows it after
//! a single space wherever it ends.
//!
//! The pass reads only text with form feeds (pages as an extractor marked
//! them). Per page, it finds the gutter from the lines that show it: a line
//! indented past [`MIN_GUTTER`] cells (only the right column), or one with
//! a single run of two or more spaces (justified or letter-spaced text has
//! them all along its lines) with at least [`MIN_SIDE`] characters on each
//! side. For each kind (see [`Gutter`] for why two), the window of
//! `2 × JITTER + 1` columns where most of them start their right half
//! holds the gutter, at their median. A page with fewer than
//! [`MIN_LINES`] such lines, or with fewer than one in [`MIN_SHARE`] of its
//! lines, is one column and left alone, and so is a chunk whose full left
//! line (see below) is narrower than [`MIN_MEASURE`]. Each line of a
//! two-column page is then one of (the gutter followed down the page as it
//! drifts, see [`classify`]):
//!
//! * right only: it is indented to within [`JITTER`] cells of the gutter,
//!   or past it (a paragraph's last line in the left column leaves the
//!   left half empty);
//! * divided: it starts in the left half and has a run of two or more
//!   spaces ending within `2 × JITTER` of the gutter; the longest such run,
//!   the nearest among equals, divides it. Failing that, a single space
//!   may divide a *squeezed* pair, where the left part is as wide (in
//!   display width) as a full left line (measured over the whole chunk):
//!   in a line too long for one left line (it reaches past the gutter
//!   window, or is wider than a full left line by more than twice
//!   [`SQUEEZE`]: the right half of a squeezed pair moves left with it),
//!   the space that ends a left part within [`SQUEEZE`] of that width
//!   (three times that between two Han characters, where Chinese text has
//!   no space of its own), or else the space nearest the gutter; in any
//!   other line, only a space between two Han characters within
//!   [`SQUEEZE`], since a left line ending in `2023 年` has single spaces
//!   near the gutter too;
//! * left only: it starts in the left half and is not too long for one
//!   left line;
//! * full width: it starts in the middle (a centred title or running
//!   header), or is too long for one left line and cannot be divided. It belongs
//!   to neither column and ends the column region.
//!
//! Between two full-width lines (or a page's edges), a region with at least
//! [`MIN_REGION_SPLITS`] lines divided by a wide gap is rewritten from its
//! first divided line on (a title or byline above it stays where it is) as
//! its left halves, one a line, then its right halves. Blank lines inside
//! the region are dropped: pdftotext writes one where either column has
//! vertical space, so it says nothing about the other column, and a blank
//! line kept in the wrong column would break a paragraph; the lines pass
//! judges the breaks from the text alone.
//!
//! A page without such a gutter may still be two columns that an
//! extractor interleaved line by line (pdfplumber); `src/interleaved.rs`
//! judges those pages by their widths.
//!
//! Reordering cannot keep a fine-grained monotone map: the right column's
//! first line moves after the left column's last. So a region is one edit,
//! `columns.reorder`, replacing the whole region: every output byte of it
//! maps to the region's input range. The map stays correct and monotone,
//! only coarse there; the later passes still map finely within it.
//!
//! The pass runs after glyphs, so an ideographic space in the gutter is
//! already a plain space, and before boilerplate and lines: a running
//! header and page number are full-width lines outside the region, or the
//! right column's last line, so they are still at the page's edges for the
//! boilerplate pass, and the lines pass rejoins paragraphs in reading
//! order. It is idempotent: its output has no lines side by side. It looks
//! at one chunk (see [`crate::chunk`]) at a time, as every pass does, so
//! streaming gives the same result.

use std::ops::Range;

use crate::edit::Edit;
use crate::page::{self, Gap, Line};
use crate::rule::Rule;

/// Characters of text on each side of a gap before it counts as evidence of
/// a gutter: fewer is a table cell or a label, not a column.
const MIN_SIDE: usize = 4;

/// The narrowest left column, in character cells: aligned text nearer the
/// margin is a numbered heading or a table, not a column.
const MIN_GUTTER: usize = 20;

/// Lines of a page that must show the gutter: a form with a few aligned
/// `label    value` lines must not read as two columns.
const MIN_LINES: usize = 8;

/// The lines that show the gutter must be at least this fraction (one in
/// `MIN_SHARE`) of the page's non-blank lines.
const MIN_SHARE: usize = 8;

/// How far the right column's start on a line may be from the gutter, in
/// character cells, either way.
const JITTER: usize = 6;

/// The narrowest full left line, in display width (Han count two): a
/// column of text is wider than 15 Han characters, while verse set in two
/// halves per line (`床前明月光，    疑是地上霜。`) is narrower.
const MIN_MEASURE: usize = 30;

/// How far, in display width, the left half of a line squeezed against
/// the right column with a single space may be from a full left line.
const SQUEEZE: usize = 3;

/// Lines divided by a wide gap that a page, and a region of it, need before
/// they are reordered: one or two are more likely a heading beside a date
/// than two columns.
const MIN_REGION_SPLITS: usize = 3;

/// How a line of a two-column page divides.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Side {
    Blank,
    /// Belongs to neither column (a centred title or header, or a line
    /// across the gutter): ends a column region.
    Full,
    /// The text of each column (an empty range where a half is empty), and
    /// whether a run of two or more spaces divides them.
    Columns {
        left: Range<usize>,
        right: Range<usize>,
        wide_gap: bool,
    },
}

/// Where a page's right column starts, as character columns.
///
/// pdftotext counts the leading spaces of a line with only a right half by
/// the page's average cell width, and the cells of a line with both halves
/// by their characters, so on some pages the two disagree by several cells:
/// each is estimated from its own kind of line.
#[derive(Clone, Copy, Debug)]
struct Gutter {
    /// Where the right half starts after a wide gap.
    divided: usize,
    /// Where a line with only a right half is indented to.
    indent: usize,
}

/// Proposes the reordering edits for `text`.
///
/// The width of a full left line is measured over all two-column pages of
/// the text: a page has too few lines divided by a wide gap to measure it
/// alone, and the columns are as wide on every page.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    // Only pages an extractor marked with form feeds, as pdftotext
    // `-layout` does: the lines pass folds page breaks away, and lines of
    // several short pages could then line up into a gutter that no page
    // showed, which a second repair would act on.
    if memchr::memchr(b'\x0c', text.as_bytes()).is_none() {
        return;
    }
    let lines = page::lines(text);
    let mut counts = (Vec::new(), Vec::new());
    let mut sides = Vec::new();
    let mut widths = Vec::new();
    let mut pages = Vec::new();
    let mut interleaved = Vec::new();
    let mut start = 0;
    while let Some(first) = lines.get(start) {
        let page = start..start + lines[start..].partition_point(|l| l.page == first.page);
        start = page.end;
        if let Some(gutter) = gutter(text, &lines[page.clone()], &mut counts) {
            classify(text, &lines[page.clone()], gutter, None, &mut sides);
            widths.extend(sides.iter().filter_map(|s| wide_left_width(text, s)));
            pages.push((page, gutter));
        } else {
            crate::interleaved::edits(text, &lines[page], &mut interleaved);
        }
    }
    widths.sort_unstable();
    let measure = widths
        .get(widths.len() * 3 / 4)
        .copied()
        .filter(|&m| m >= MIN_MEASURE);
    let Some(measure) = measure.filter(|_| !pages.is_empty()) else {
        out.append(&mut interleaved);
        return;
    };
    let first = out.len();
    out.append(&mut interleaved);
    for (page, gutter) in pages {
        let page = &lines[page];
        classify(text, page, gutter, Some(measure), &mut sides);
        let mut start = 0;
        for end in (0..=page.len()).filter(|&i| sides.get(i).is_none_or(|s| *s == Side::Full)) {
            reorder(text, &sides[start..end], &page[start..end], out);
            start = end + 1;
        }
    }
    // Pages of both kinds may alternate; each page's edits are its own.
    out[first..].sort_by_key(|e| e.range.start);
}

/// The gutter of a page, if the page has two columns. `counts` are scratch
/// histograms of the columns where right halves start, after a wide gap and
/// after an indent.
fn gutter(
    text: &str,
    page: &[Line],
    (divided, indented): &mut (Vec<usize>, Vec<usize>),
) -> Option<Gutter> {
    divided.clear();
    indented.clear();
    let mut non_blank = 0;
    for line in page.iter().filter(|l| !l.is_blank()) {
        non_blank += 1;
        let chars = || columns(text, line.content.clone());
        let lead = columns(text, line.range.start..line.content.start);
        if lead >= MIN_GUTTER {
            if chars() >= MIN_SIDE {
                count(indented, lead);
            }
            continue;
        }
        // Only a gap of two spaces or more divides a line, and most lines
        // have none: a byte search says so without reading them.
        if !text[line.content.clone()].contains("  ") {
            continue;
        }
        let chars = chars();
        let mut wide = gaps(text, line).filter(|g| g.spaces() >= 2);
        if let (Some(gap), None) = (wide.next(), wide.next()) {
            if gap.column - gap.spaces() - lead >= MIN_SIDE
                && lead + chars - gap.column >= MIN_SIDE
                && gap.column >= MIN_GUTTER
            {
                count(divided, gap.column);
            }
        }
    }
    let (wide, at) = densest(divided)?;
    let indent = densest(indented);
    let evidence = wide + indent.map_or(0, |i| i.0);
    if wide < MIN_REGION_SPLITS || evidence < MIN_LINES || evidence * MIN_SHARE < non_blank {
        return None;
    }
    Some(Gutter {
        divided: at,
        indent: indent.map_or(at, |i| i.1),
    })
}

/// Counts one line whose right half starts at `column`.
fn count(counts: &mut Vec<usize>, column: usize) {
    if counts.len() <= column {
        counts.resize(column + 1, 0);
    }
    counts[column] += 1;
}

/// The window of `2 × JITTER + 1` columns that holds the most of `counts`:
/// how many it holds, and their median column.
fn densest(counts: &[usize]) -> Option<(usize, usize)> {
    let span = 2 * JITTER + 1;
    let window = |c: usize| counts[c..counts.len().min(c + span)].iter().sum::<usize>();
    let (first, best) = (0..counts.len())
        .map(|c| (c, window(c)))
        .max_by_key(|&(c, n)| (n, usize::MAX - c))?;
    let mut seen = 0;
    let median = (first..counts.len()).find(|&c| {
        seen += counts[c];
        seen * 2 >= best
    })?;
    Some((best, median))
}

/// How each line of a two-column `page` divides, into `sides`.
///
/// The right column's start drifts down a page by more than it jitters
/// from line to line, so each line is judged against where the nearest
/// line above of its kind started its right half (after a wide gap, or an
/// indent; not after a single space: a squeezed pair shows where the left
/// half ended, not where the right column starts), kept within [`JITTER`]
/// of the page's gutter. An indent is noisier than that drift, so a line
/// indented to either the page's or the local gutter is a right half.
fn classify(
    text: &str,
    page: &[Line],
    gutter: Gutter,
    measure: Option<usize>,
    sides: &mut Vec<Side>,
) {
    sides.clear();
    let mut local = gutter;
    let near = |column: usize, at: usize| column.clamp(at.saturating_sub(JITTER), at + JITTER);
    for line in page {
        let at = Gutter {
            indent: local.indent.min(gutter.indent),
            ..local
        };
        let side = side(text, line, at, measure);
        if let Side::Columns {
            left,
            right,
            wide_gap,
        } = &side
        {
            let column = || columns(text, line.range.start..right.start);
            if left.is_empty() {
                local.indent = near(column(), gutter.indent);
            } else if *wide_gap {
                local.divided = near(column(), gutter.divided);
            }
        }
        sides.push(side);
    }
}

/// How `line` divides at `gutter` (the rules of the module doc). `measure`
/// is the display width of a full line of the left column, once known; it
/// finds the single space of a squeezed pair.
fn side(text: &str, line: &Line, gutter: Gutter, measure: Option<usize>) -> Side {
    if line.is_blank() {
        return Side::Blank;
    }
    let content = line.content.clone();
    let lead = columns(text, line.range.start..content.start);
    if lead + JITTER >= gutter.indent {
        return Side::Columns {
            left: content.start..content.start,
            right: content,
            wide_gap: false,
        };
    }
    if lead * 2 >= gutter.indent.min(gutter.divided) {
        return Side::Full;
    }
    let crosses = lead + columns(text, content.clone()) > gutter.divided + JITTER
        || measure.is_some_and(|m| page::width(&text[content.clone()]) > m + 2 * SQUEEZE);
    let wide = gaps(text, line)
        .filter(|g| g.spaces() >= 2 && g.column.abs_diff(gutter.divided) <= 2 * JITTER)
        .max_by_key(|g| (g.spaces(), usize::MAX - g.column.abs_diff(gutter.divided)));
    let squeezed = || {
        let by_width = measure.and_then(|m| {
            gaps(text, line)
                .filter(|g| {
                    let off = g.width.abs_diff(m);
                    match (crosses, g.between_wide) {
                        (true, true) => off <= 3 * SQUEEZE,
                        (true, false) | (false, true) => off <= SQUEEZE,
                        (false, false) => false,
                    }
                })
                .min_by_key(|g| g.width.abs_diff(m))
        });
        by_width.or_else(|| {
            gaps(text, line)
                .filter(|g| crosses && g.column.abs_diff(gutter.divided) <= JITTER)
                .min_by_key(|g| g.column.abs_diff(gutter.divided))
        })
    };
    match wide.or_else(squeezed) {
        Some(gap) => Side::Columns {
            left: content.start..gap.start,
            right: gap.end..content.end,
            wide_gap: gap.spaces() >= 2,
        },
        None if crosses => Side::Full,
        None => Side::Columns {
            left: content.clone(),
            right: content.end..content.end,
            wide_gap: false,
        },
    }
}

/// The display width of the left half of a line divided by a wide gap.
///
/// The upper quartile of these is the width of a full left line: a
/// paragraph's last line is short, so the widest are the full ones, and
/// the widest of all may have a few narrow letters too many.
fn wide_left_width(text: &str, side: &Side) -> Option<usize> {
    match side {
        Side::Columns {
            left,
            wide_gap: true,
            ..
        } => Some(page::width(&text[left.clone()])),
        _ => None,
    }
}

/// Replaces a region of a two-column page, from its first divided line on,
/// with its left halves, then its right halves, if enough of its lines are
/// divided by a wide gap.
fn reorder(text: &str, sides: &[Side], lines: &[Line], out: &mut Vec<Edit>) {
    let splits = sides
        .iter()
        .filter(|s| matches!(s, Side::Columns { wide_gap: true, .. }))
        .count();
    let divided = |s: &Side| matches!(s, Side::Columns { left, right, .. } if !left.is_empty() && !right.is_empty());
    let (Some(first), Some(last)) = (
        sides.iter().position(divided),
        lines.iter().rposition(|l| !l.is_blank()),
    ) else {
        return;
    };
    if splits < MIN_REGION_SPLITS {
        return;
    }
    let range = lines[first].range.start..lines[last].range.end;
    let mut reordered = String::with_capacity(range.len());
    let halves = sides[first..].iter().filter_map(|s| match s {
        Side::Columns { left, right, .. } => Some((left, right)),
        Side::Blank | Side::Full => None,
    });
    for half in halves.clone().map(|h| h.0).chain(halves.map(|h| h.1)) {
        if !half.is_empty() {
            reordered.push_str(&text[half.clone()]);
            reordered.push('\n');
        }
    }
    reordered.pop();
    if reordered != text[range.clone()] {
        out.push(Edit::replace(range, reordered, Rule::ColumnReorder));
    }
}

/// The number of characters in `range` of `text`: its width on pdftotext's
/// character grid.
fn columns(text: &str, range: Range<usize>) -> usize {
    text[range].chars().count()
}

/// The runs of spaces inside a line's content, in offsets of `text` and
/// columns of the whole line.
fn gaps<'a>(text: &'a str, line: &Line) -> impl Iterator<Item = Gap> + 'a {
    let base = line.content.start;
    let lead = columns(text, line.range.start..base);
    page::gaps(&text[line.content.clone()]).map(move |g| Gap {
        start: base + g.start,
        end: base + g.end,
        column: lead + g.column,
        ..g
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;

    /// The pass on `text` as a page that ends, as pdftotext ends each page,
    /// with a form feed (taken off the output again).
    fn repair(text: &str) -> String {
        let paged = format!("{text}\x0c");
        let mut out = Vec::new();
        edits(&paged, &mut out);
        let repaired = apply(&paged, &out).0;
        repaired
            .strip_suffix('\x0c')
            .unwrap_or(&repaired)
            .to_owned()
    }

    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

    /// A full line of the left or right column: 24 Han, the second telling
    /// the row.
    fn half(side: char, row: usize) -> String {
        format!("{side}{}{}", STEMS[row], "文".repeat(22))
    }

    /// A pdftotext-layout page of `rows`, each `(left, right)`, the right
    /// column starting at character column 40.
    fn page(rows: &[(String, String)]) -> String {
        rows.iter()
            .map(|(l, r)| format!("{}\n", format!("{l:<40}{r}").trim_end()))
            .collect()
    }

    fn rows(range: std::ops::Range<usize>) -> Vec<(String, String)> {
        range.map(|i| (half('左', i), half('右', i))).collect()
    }

    /// The left halves, then the right halves, one a line.
    fn read(rows: &[(String, String)]) -> String {
        let left = rows.iter().map(|r| &r.0).filter(|h| !h.is_empty());
        let right = rows.iter().map(|r| &r.1).filter(|h| !h.is_empty());
        left.chain(right).map(|h| format!("{h}\n")).collect()
    }

    #[test]
    fn table() {
        let all = rows(0..10);
        let header = format!("{}二〇二三年度报告\n", " ".repeat(30));
        let banner = format!("通栏标题{}\n", "横跨两栏".repeat(12));
        let mut squeezed = all.clone();
        squeezed[3] = (format!("{} {}", all[3].0, all[3].1), String::new());
        let mut short = all.clone();
        short[4].1 = "的？".into();
        let mut tight = short.clone();
        tight[4] = (format!("{} {}", short[4].0, short[4].1), String::new());
        let mut latin = all.clone();
        latin[4].1 = "2023 年度报告".into();
        let mut squeezed_latin = latin.clone();
        squeezed_latin[4] = (format!("{} {}", latin[4].0, latin[4].1), String::new());
        let byline = format!("   标题文字\n{}文／作者（科普作者）\n\n", " ".repeat(36));
        let mut halves = all.clone();
        halves[5].1.clear();
        halves[6].0.clear();
        let mut gapped = page(&all);
        gapped.insert(page(&all[..4]).len(), '\n');
        let verse: String = (0..10)
            .map(|i| {
                format!(
                    "{}床前明月光照{}，      疑是地上霜满{}。\n",
                    " ".repeat(8),
                    STEMS[i],
                    STEMS[i]
                )
            })
            .collect();
        let aligned: String = (0..10)
            .map(|i| format!("word{i}  word  word  word  word  word  word  word\n"))
            .collect();
        #[rustfmt::skip]
        let cases: Vec<(String, String, &str)> = vec![
            (page(&all), read(&all),
             "side by side at a gutter: the left column, then the right"),
            (format!("{header}\n{}\x0c{header}", page(&all)),
             format!("{header}\n{}\x0c{header}", read(&all)),
             "a centred header spans the gutter: it stays before the region"),
            (page(&squeezed), read(&all),
             "a pair squeezed to one space is divided where a full left line ends"),
            (page(&tight), read(&short),
             "a squeezed pair within the window is divided between two Han"),
            (page(&squeezed_latin), read(&latin),
             "a squeezed pair short of the gutter window is still wider than a left line"),
            (format!("{byline}{}", page(&all)), format!("{byline}{}", read(&all)),
             "lines above the first divided line stay where they are"),
            (page(&halves), read(&halves),
             "a line with only a left or only a right half"),
            (gapped, read(&all),
             "a blank line inside the region says nothing about the other column"),
            (format!("{}{banner}{}", page(&all[..5]), page(&all[5..])),
             format!("{}{banner}{}", read(&all[..5]), read(&all[5..])),
             "a line crossing the gutter ends a region"),
            (page(&all[..4]), page(&all[..4]),
             "four lines side by side are too little evidence"),
            (aligned.clone(), aligned,
             "justified text has wide gaps all along its lines, not one gutter"),
            (verse.clone(), verse,
             "verse in two halves a line is narrower than a column of text"),
            (read(&all), read(&all),
             "the pass's own output is left alone"),
        ];
        for (input, expected, why) in cases {
            assert_eq!(repair(&input), expected, "{why}");
        }
    }

    #[test]
    fn one_edit_per_region() {
        let text = page(&rows(0..10)) + "\x0c";
        let mut out = Vec::new();
        edits(&text, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].range, 0..text.len() - 2);
        assert_eq!(out[0].rule, Rule::ColumnReorder);
    }

    /// Found by fuzzing: once the lines pass has folded the page breaks,
    /// lines of several pages lined up into a gutter no page showed, and a
    /// second repair reordered them.
    #[test]
    fn text_without_form_feeds_is_left_alone() {
        let text = page(&rows(0..10));
        let mut out = Vec::new();
        edits(&text, &mut out);
        assert!(out.is_empty());
    }
}
