//! The boilerplate pass: running headers, footers and page numbers.
//!
//! Evidence, strongest first:
//!
//! * **Repetition at page edges.** A line among the first or last
//!   [`EDGE_LINES`] non-blank lines of a page whose *key* (the line without
//!   whitespace, digits masked) appears at the edges of at least
//!   [`MIN_REPEATS`] pages (or of every page, in a document of two) is a
//!   running header or footer. Dropping the
//!   whitespace makes the match immune to spacing damage
//!   (`2 0 1 9 上 海` matches `2019 上海`); masking digits lets
//!   `第2部分 强化技术攻关` and `第3部分 ...` match.
//! * **Page-number shapes at page edges**: `22`, `- 3 -`, `— 3 —`,
//!   `第3页`, `第 3 页 共 20 页`, `3/20`, `Page 3`; a number between
//!   dashes anywhere on a page.
//! * **Without form feeds** the page edges are unknown, so a short line is a
//!   running header when its key repeats [`MIN_REPEATS`] times across the
//!   text, never closer than [`MIN_PAGE_LINES`] lines (a page), at a steady
//!   interval (the longest within a quarter of the shortest, or within a
//!   half when every occurrence follows a blank line, as a page's first
//!   line does where an extractor marks page breaks with blank lines).
//!   Page numbers show where pages end: one between dashes or formed
//!   (`— 3 —`, `第3页`, `Page 3`) is one wherever it stands, and so is
//!   `3 / 20` followed a page later by `4 / 20`, and a steady run of bare
//!   figures that count up one a page. A short line that occurs only at
//!   pages' edges so shown, beside such a page number at least twice (and
//!   otherwise at the text's start or end), is a running header however
//!   unevenly long the pages are; and the pages those numbers count are
//!   pages as form feeds mark them: a line once on at least half of them,
//!   at an edge of at least half of those, is their header, also where an
//!   extractor that sorts columns put it inside a page. Any other bare
//!   figure is a page number only within two non-blank lines of a header,
//!   or at the text's end where it follows on from the page number
//!   before: alone it can be a chapter's number. Lines that recur with one
//!   same line beside them every time are the fields of repeated records
//!   (`工作单位：…` / `联系电话：…` in a list of award winners), not
//!   headers: a page's header has the page's own text beside it. A
//!   chapter's running header may occur once, in an excerpt: a chapter
//!   label, a wide gap and a title that an earlier line holds, beside a
//!   page number (`第2部分      强化技术攻关…` / `22`).
//! * A line that ends a sentence (`。`) is never a header: it is content,
//!   however often it repeats.
//!
//! A removed line takes its line end with it, so the paragraph it
//! interrupted is rejoined by the lines pass.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

use regex::Regex;

use crate::chars::is_han;
use crate::edit::Edit;
use crate::page::{self, Line};
use crate::rule::Rule;

/// How many non-blank lines at the top and bottom of a page count as its edge.
const EDGE_LINES: usize = 2;

/// Least number of pages a line must repeat on to be a running header.
const MIN_REPEATS: usize = 3;

/// Without form feeds, occurrences of a running header are at least this
/// many lines apart (a page); a line that repeats closer is content.
const MIN_PAGE_LINES: usize = 10;

/// Shortest running header (in characters, without spaces) recognized
/// without form feeds.
const MIN_UNPAGED_HEADER_CHARS: usize = 4;

/// Longest line (in characters, without spaces) that can be a running header.
const MAX_HEADER_CHARS: usize = 60;

/// Proposes the boilerplate edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let lines = page::lines(text);
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let edge = edge_flags(&lines);
    let by_page = pages > 1;
    let keys = keys(text, &lines, by_page.then_some(&edge[..]));
    // Without form feeds, the page numbers that their shape gives away
    // mark the page edges that the form feeds would.
    let shaped = if by_page {
        Vec::new()
    } else {
        let mut shaped = shaped_page_numbers(text, &lines);
        mark_counted_pages(text, &lines, &mut shaped);
        shaped
    };
    // Without form feeds, the pages that the page numbers so found count:
    // the page of each line, and how many there are.
    let numbered_page: Vec<usize> = shaped
        .iter()
        .scan(0, |page, &number| {
            let this = *page;
            *page += usize::from(number);
            Some(this)
        })
        .collect();
    let numbered_pages = numbered_page.last().map_or(1, |&p| p + 1);
    let mut repeats: HashMap<u64, Repeats, KeyHashed> = HashMap::default();
    // Without form feeds, the lines that repeat the non-blank line right
    // above them: the title under a running header that repeats it, which
    // is content, and no evidence of the header's pages.
    let mut twins = vec![false; lines.len()];
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        // Without pages, a word alone on its line (`as`, as some extractors
        // set English text) repeats at a steady interval by chance.
        if !by_page && key.chars < MIN_UNPAGED_HEADER_CHARS {
            continue;
        }
        if !by_page && opens_with_section_number(&text[lines[i].content.clone()]) {
            continue;
        }
        let r = repeats.entry(key.hash).or_insert(Repeats {
            pages: 0,
            edge_pages: 0,
            edge_page: None,
            last: None,
            too_close: false,
            gaps: (usize::MAX, 0),
            after_blank: true,
            at_edges: 0,
            beside_numbers: 0,
            numbered_page: None,
            numbered_pages: 0,
            twice_on_a_page: false,
        });
        if !by_page
            && r.last
                .is_some_and(|last| (last + 1..i).all(|j| lines[j].is_blank()))
        {
            twins[i] = true;
            continue;
        }
        if !by_page {
            let edge = page_edge(&lines, &shaped, i);
            r.at_edges += usize::from(edge.is_some());
            r.beside_numbers += usize::from(edge == Some(Edge::PageNumber));
            if r.numbered_page == Some(numbered_page[i]) {
                r.twice_on_a_page = true;
            } else {
                r.numbered_pages += 1;
                r.numbered_page = Some(numbered_page[i]);
            }
        }
        r.after_blank &= i > 0 && lines[i - 1].is_blank();
        let new_page = match r.last {
            None => true,
            Some(last) if by_page => lines[last].page != lines[i].page,
            Some(last) => i - last >= MIN_PAGE_LINES,
        };
        if new_page {
            r.pages += 1;
        }
        if by_page && edge[i] && r.edge_page != Some(lines[i].page) {
            r.edge_pages += 1;
            r.edge_page = Some(lines[i].page);
        }
        r.too_close |= !by_page && !new_page;
        if let Some(last) = r.last.filter(|_| !by_page) {
            r.gaps = (r.gaps.0.min(i - last), r.gaps.1.max(i - last));
        }
        r.last = Some(i);
    }
    // A short document repeats its running header on every page it has.
    let min_repeats = if by_page {
        MIN_REPEATS.min(pages)
    } else {
        MIN_REPEATS
    };
    let is_header = |i: usize| {
        !twins[i]
            && keys[i]
                .as_ref()
                .and_then(|k| repeats.get(&k.hash))
                .is_some_and(|r| r.is_running(by_page, min_repeats, numbered_pages))
    };
    let mut header: Vec<bool> = (0..lines.len()).map(is_header).collect();
    let page_number = page_number_regex();
    if by_page {
        one_per_page(&lines, &keys, &mut header);
    } else {
        unmark_records(text, &lines, &keys, &mut header);
        mark_chapter_headers(text, &lines, &keys, &mut header);
    }
    let numbered = |i: usize| {
        !lines[i].is_blank()
            && !header[i]
            && (if by_page {
                edge[i] || is_dashed(&text[lines[i].content.clone()])
            } else {
                shaped[i] || near(&lines, &header, i)
            })
            && page_number.is_match(&text[lines[i].content.clone()])
    };
    let mut numbers: Vec<bool> = (0..lines.len()).map(numbered).collect();
    if !by_page {
        mark_last_page_number(text, &lines, &mut numbers);
    }
    // A page has one page number: beside a formed one (`第2页`), a bare
    // figure at the page's other edge is content (a section number
    // after the running header, `2` / `规划目标`).
    // (The formed one repeats, digits masked, so it may be a running
    // header too.)
    let mut formed = vec![false; pages.max(1)];
    for (i, line) in lines.iter().enumerate() {
        let content = &text[line.content.clone()];
        if (numbers[i] || (header[i] && page_number.is_match(content))) && !is_bare_number(content)
        {
            formed[line.page] = true;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let rule = if header[i] {
            Rule::RunningHeader
        } else if numbers[i]
            && !(by_page && formed[line.page] && is_bare_number(&text[line.content.clone()]))
        {
            Rule::PageNumber
        } else {
            continue;
        };
        // The line and its line end (a form feed stays: it marks the page).
        let end = match text.as_bytes().get(line.range.end) {
            Some(b'\n') => line.range.end + 1,
            _ => line.range.end,
        };
        out.push(Edit::delete(line.range.start..end, rule));
    }
}

/// A page number written as a figure alone (`22`), without `第…页`, dashes
/// or a total.
fn is_bare_number(line: &str) -> bool {
    line.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a line that is a figure alone (`22`).
fn bare_figure(line: &str) -> Option<u32> {
    is_bare_number(line).then(|| line.parse().ok()).flatten()
}

/// Where a line's key was seen.
struct Repeats {
    /// Pages it occurs on (without form feeds: occurrences a page apart).
    pages: usize,
    /// Pages it occurs on at the page's edge.
    edge_pages: usize,
    /// The last page counted in `edge_pages`.
    edge_page: Option<usize>,
    /// The line where it was last seen.
    last: Option<usize>,
    /// Without form feeds: two occurrences closer than a page.
    too_close: bool,
    /// Without form feeds: the shortest and longest distance in lines
    /// between two occurrences.
    gaps: (usize, usize),
    /// Without form feeds: every occurrence follows a blank line, as the
    /// first line of a page does where the extractor marks page breaks
    /// with blank lines instead of form feeds.
    after_blank: bool,
    /// Without form feeds: occurrences at a page's edge as far as the text
    /// shows ([`page_edge`]).
    at_edges: usize,
    /// Without form feeds: those of them beside a page number.
    beside_numbers: usize,
    /// Without form feeds: the last of the pages that page numbers count
    /// ([`shaped_page_numbers`]) it was seen on, how many of them it is
    /// on, and whether it is on one of them twice.
    numbered_page: Option<usize>,
    numbered_pages: usize,
    twice_on_a_page: bool,
}

impl Repeats {
    /// Whether the line repeats as a running header does: on enough pages,
    /// at the edge of at least half of them. An extractor that sorts text
    /// boxes (pdfminer on two columns) can put a page's header in the
    /// middle of its text, so the other occurrences count wherever they
    /// are, and all of them go.
    fn is_running(&self, by_page: bool, min_repeats: usize, numbered_pages: usize) -> bool {
        if by_page {
            self.pages >= min_repeats && self.edge_pages >= 1 && self.edge_pages * 2 >= self.pages
        } else {
            // Pages of one document hold about as many lines each, so a
            // running header recurs at a steady interval; a section
            // heading that recurs (`1 引言` in each of several abstracts)
            // does not. Pages of figures and boxes vary more: a line that
            // always opens a page after a blank line may recur less
            // steadily (a government report's `2019 上海科技进步报告`,
            // 103 and 80 lines apart).
            let (shortest, longest) = self.gaps;
            let steady = if self.after_blank {
                longest * 2 <= shortest * 3
            } else {
                longest * 4 <= shortest * 5
            };
            // A page number beside every occurrence marks each as a page's
            // edge, as a form feed would: then two pages are enough, as
            // in a short document with form feeds.
            let edges_only = self.at_edges == self.pages && self.beside_numbers >= 2;
            // Pages that page numbers count are pages as form feeds mark
            // them: once on at least half of them, at the edge of at least
            // half of those, as with form feeds.
            let once_a_page = self.numbered_pages >= 2
                && self.numbered_pages * 2 >= numbered_pages
                && !self.twice_on_a_page
                && self.at_edges * 2 >= self.numbered_pages;
            (self.pages >= min_repeats && steady || edges_only || once_a_page) && !self.too_close
        }
    }
}

/// Whether each line is among the first or last non-blank lines of its page.
fn edge_flags(lines: &[Line]) -> Vec<bool> {
    let mut edge = vec![false; lines.len()];
    let mut start = 0;
    for page in lines.chunk_by(|a, b| a.page == b.page) {
        let nonblank = || (start..start + page.len()).filter(|&i| !lines[i].is_blank());
        for i in nonblank()
            .take(EDGE_LINES)
            .chain(nonblank().rev().take(EDGE_LINES))
        {
            edge[i] = true;
        }
        start += page.len();
    }
    edge
}

/// `— 3 —`, `-12-`: a number between dashes is a page number wherever an
/// extractor put it (pdftotext can drop it among a page's words), as no
/// text line has that shape.
fn is_dashed(line: &str) -> bool {
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '－');
    line.starts_with(dash) && line.ends_with(dash)
}

/// Without form feeds, the lines whose shape alone makes them page
/// numbers: a number between dashes (`— 3 —`), a formed one (`第3页`,
/// `第 3 页 共 20 页`, `Page 3`), and `3 / 20` where the next such line
/// of the text, a page or more further on, is `4 / 20`. A bare figure
/// can be a chapter's number: runs of them are judged by
/// [`mark_counted_pages`].
fn shaped_page_numbers(text: &str, lines: &[Line]) -> Vec<bool> {
    let page_number = page_number_regex();
    let mut shaped = vec![false; lines.len()];
    // The last `n / total` line seen: its index, `n` and `total`.
    let mut last_fraction: Option<(usize, u32, u32)> = None;
    for (i, line) in lines.iter().enumerate() {
        let content = &text[line.content.clone()];
        if line.is_blank() || !page_number.is_match(content) {
            continue;
        }
        let formed = content.starts_with('第')
            || content
                .get(..4)
                .is_some_and(|head| head.eq_ignore_ascii_case("page"));
        if is_dashed(content) || formed {
            shaped[i] = true;
        } else if let Some(fraction) = fraction(content) {
            if let Some((j, n, total)) = last_fraction {
                if fraction == (n + 1, total) && i - j >= MIN_PAGE_LINES {
                    shaped[i] = true;
                    shaped[j] = true;
                }
            }
            last_fraction = Some((i, fraction.0, fraction.1));
        }
    }
    shaped
}

/// Where a line stands at a page's edge, as far as a text without form
/// feeds shows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// Within two non-blank lines of a page number that its shape gives
    /// away ([`shaped_page_numbers`]).
    PageNumber,
    /// Within two non-blank lines of the text's start or end.
    Text,
}

/// Whether line `i` of a text without form feeds stands at a page's edge,
/// and what shows it.
fn page_edge(lines: &[Line], shaped: &[bool], i: usize) -> Option<Edge> {
    let (mut before, mut after, mut numbered) = (0, 0, false);
    for j in nonblank_neighbours(lines, i) {
        if j < i {
            before += 1;
        } else {
            after += 1;
        }
        numbered |= shaped[j];
    }
    if numbered {
        Some(Edge::PageNumber)
    } else if before < 2 || after < 2 {
        Some(Edge::Text)
    } else {
        None
    }
}

/// Without form feeds, marks bare figures (`3`) that count pages: at
/// least [`MIN_REPEATS`] in a row, each one more than the one before, at
/// least a page apart and steadily so (the longest interval, in non-blank
/// lines, within half as much again as the shortest). A chapter's number
/// alone on its line counts chapters, which are seldom that even.
fn mark_counted_pages(text: &str, lines: &[Line], shaped: &mut [bool]) {
    // Each bare figure's line, its position among the non-blank lines,
    // and its value.
    let figures: Vec<(usize, usize, u32)> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .enumerate()
        .filter_map(|(at, i)| Some((i, at, bare_figure(&text[lines[i].content.clone()])?)))
        .collect();
    // Where each value stands, in order.
    let mut by_value: HashMap<u32, Vec<usize>> = HashMap::new();
    for (k, &(_, _, value)) in figures.iter().enumerate() {
        by_value.entry(value).or_default().push(k);
    }
    // The figure a run goes on to after figure `k`: the first one more,
    // a page or more further on.
    let next = |k: usize| {
        let (_, at, value) = figures[k];
        let later = by_value.get(&value.checked_add(1)?)?;
        let first = later.partition_point(|&j| figures[j].1 < at + MIN_PAGE_LINES);
        later.get(first).copied()
    };
    // A figure inside a run is not a run's start: the run from it is the
    // rest of that run.
    let mut seen = vec![false; figures.len()];
    for start in 0..figures.len() {
        if seen[start] {
            continue;
        }
        let mut run = vec![start];
        while let Some(k) = next(run[run.len() - 1]) {
            seen[k] = true;
            run.push(k);
        }
        let gaps = run.windows(2).map(|w| figures[w[1]].1 - figures[w[0]].1);
        let (shortest, longest) = gaps.fold((usize::MAX, 0), |(s, l), g| (s.min(g), l.max(g)));
        if run.len() >= MIN_REPEATS && longest * 2 <= shortest * 3 {
            for k in run {
                shaped[figures[k].0] = true;
            }
        }
    }
}

/// `3 / 20` as `(3, 20)`.
fn fraction(line: &str) -> Option<(u32, u32)> {
    let (n, total) = line.split_once('/')?;
    Some((n.trim().parse().ok()?, total.trim().parse().ok()?))
}

/// `1 引言`, `2.1 方法`: a numbered section heading. Without page edges a
/// heading that recurs (each abstract of a collection has its `1 引言`)
/// looks like a running header; keeping a header costs less than losing a
/// heading, so such lines are never one there.
/// A year (`2019 上海科技进步报告`) is not a section number, nor a
/// spaced-out one (`2 0 1 9 上 海`).
fn opens_with_section_number(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let number = &line[..line.len() - rest.len()];
    let first = number.split('.').next().unwrap_or("");
    let title = rest.trim_start();
    (1..=2).contains(&first.len())
        && number.len() <= 8
        && title.len() < rest.len()
        && !title.starts_with(|c: char| c.is_ascii_digit())
}

/// Without form feeds, marks the last page's number: a bare figure among
/// the text's last two non-blank lines that follows on from the page
/// number found last (`2` beside a header, then `3` at the end). No header
/// comes after the last page for it to stand beside.
fn mark_last_page_number(text: &str, lines: &[Line], numbers: &mut [bool]) {
    let figure = |i: usize| bare_figure(&text[lines[i].content.clone()]);
    let tail: Vec<usize> = (0..lines.len())
        .rev()
        .filter(|&i| !lines[i].is_blank())
        .take(2)
        .collect();
    let Some(previous) = (0..lines.len())
        .rev()
        .find(|&i| numbers[i] && !tail.contains(&i))
        .and_then(figure)
    else {
        return;
    };
    for i in tail {
        if !numbers[i] && figure(i) == Some(previous + 1) {
            numbers[i] = true;
        }
    }
}

/// Keeps one running header of a kind on each page, the one nearest the
/// page's edge: a document whose running header repeats its title has
/// both at the top of its first page (`临川市综合交通发展规划（2025—2030
/// 年）` twice), and the second is the title.
fn one_per_page(lines: &[Line], keys: &[Option<HeaderKey>], header: &mut [bool]) {
    let mut start = 0;
    for page in lines.chunk_by(|a, b| a.page == b.page) {
        let range = start..start + page.len();
        start = range.end;
        let nonblank = || range.clone().filter(|&i| !lines[i].is_blank());
        let (Some(first), Some(last)) = (nonblank().next(), nonblank().next_back()) else {
            continue;
        };
        // Each header's key on this page, and its occurrence nearest an edge.
        let mut nearest: HashMap<u64, usize, KeyHashed> = HashMap::default();
        let marked: Vec<usize> = range.clone().filter(|&i| header[i]).collect();
        for i in marked {
            let Some(key) = &keys[i] else { continue };
            let distance = |i: usize| (i - first).min(last - i);
            let kept = nearest.entry(key.hash).or_insert(i);
            if distance(i) < distance(*kept) {
                header[*kept] = false;
                *kept = i;
            } else if *kept != i {
                header[i] = false;
            }
        }
    }
}

/// Without form feeds, unmarks the lines that recur with one same line
/// beside them, before or after, at every occurrence, where those lines
/// hang together as a record does: three or more, or two of which one
/// opens with a label (`工作单位：…` / `联系电话：…` / `主要事迹：` in a list
/// of award winners; every heading of a text that holds one document
/// several times, with its sentences). Such lines recur at a steady
/// interval as a running header does; a header has the page's own text
/// beside it, different on every page, or is a header of two lines
/// (`临川市人民政府公报` / `2024年第3期`). Page numbers next to it are
/// passed over.
fn unmark_records(text: &str, lines: &[Line], keys: &[Option<HeaderKey>], header: &mut [bool]) {
    let page_number = page_number_regex();
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() && !page_number.is_match(&text[lines[i].content.clone()]))
        .collect();
    let key = |i: usize| keys[i].as_ref().map(|k| k.hash);
    // A line as the neighbour of a header: its key, or the hash of its
    // text where it has none (a sentence, a long line).
    let identity = |i: usize| {
        key(i).unwrap_or_else(|| {
            let mut hasher = DefaultHasher::new();
            text[lines[i].content.clone()].hash(&mut hasher);
            hasher.finish()
        })
    };
    // For each header's key, the line before its occurrences and the line
    // after, while every occurrence has the same one; and the lines seen
    // that open with a label.
    let mut beside: HashMap<u64, [Option<u64>; 2], KeyHashed> = HashMap::default();
    let mut labelled: HashSet<u64, KeyHashed> = HashSet::default();
    for (k, &i) in content.iter().enumerate() {
        let Some(own) = key(i).filter(|_| header[i]) else {
            continue;
        };
        let around = [
            k.checked_sub(1).map(|k| content[k]),
            content.get(k + 1).copied(),
        ];
        for j in std::iter::once(i).chain(around.into_iter().flatten()) {
            if crate::lines::opens_with_field_label(&text[lines[j].content.clone()]) {
                labelled.insert(identity(j));
            }
        }
        let neighbours = around.map(|j| j.map(identity));
        let first = beside.entry(own).or_insert(neighbours);
        for (kept, neighbour) in first.iter_mut().zip(neighbours) {
            if *kept != neighbour {
                *kept = None;
            }
        }
    }
    // The lines that always stand together, as groups.
    let mut groups = Groups::default();
    for (&own, kept) in &beside {
        for &neighbour in kept.iter().flatten() {
            groups.join(own, neighbour);
        }
    }
    let mut size: HashMap<u64, (usize, bool), KeyHashed> = HashMap::default();
    for line in groups.members() {
        let entry = size.entry(groups.root(line)).or_default();
        entry.0 += 1;
        entry.1 |= labelled.contains(&line);
    }
    let record = |own: u64| {
        beside
            .get(&own)
            .is_some_and(|kept| kept.iter().any(Option::is_some))
            && size
                .get(&groups.root(own))
                .is_some_and(|&(n, label)| n >= 3 || label)
    };
    for &i in &content {
        if key(i).is_some_and(record) {
            header[i] = false;
        }
    }
}

/// Lines joined into groups (union-find over their identities).
#[derive(Default)]
struct Groups {
    parent: HashMap<u64, u64, KeyHashed>,
}

impl Groups {
    fn root(&self, mut line: u64) -> u64 {
        while let Some(&up) = self.parent.get(&line).filter(|&&up| up != line) {
            line = up;
        }
        line
    }

    fn join(&mut self, a: u64, b: u64) {
        for line in [a, b] {
            self.parent.entry(line).or_insert(line);
        }
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent.insert(ra, rb);
        }
    }

    fn members(&self) -> impl Iterator<Item = u64> + '_ {
        self.parent.keys().copied()
    }
}

/// Without form feeds, marks a chapter's running header that occurs only
/// once, as in an excerpt of a book: a line `第2部分      强化技术攻关…`,
/// a chapter label, a wide gap and a title that an earlier line of the
/// text holds (the chapter's own heading), next to a page number (within
/// two non-blank lines). A heading of the body has the label but neither
/// the repeat nor the page number beside it.
fn mark_chapter_headers(
    text: &str,
    lines: &[Line],
    keys: &[Option<HeaderKey>],
    header: &mut [bool],
) {
    let page_number = page_number_regex();
    let mut seen: HashSet<u64, KeyHashed> = HashSet::default();
    for i in (0..lines.len()).filter(|&i| !lines[i].is_blank()) {
        let repeated = chapter_header_title(&text[lines[i].content.clone()])
            .and_then(header_key)
            .is_some_and(|title| seen.contains(&title.hash));
        if repeated
            && nonblank_neighbours(lines, i)
                .any(|j| page_number.is_match(&text[lines[j].content.clone()]))
        {
            header[i] = true;
        }
        if let Some(key) = &keys[i] {
            seen.insert(key.hash);
        }
    }
}

/// The title of a line shaped as a chapter's running header: `第`, a
/// number, `部分`, `章` or `篇`, a gap of at least two spaces, the title.
fn chapter_header_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('第')?;
    let rest = rest
        .trim_start_matches(|c: char| c.is_ascii_digit() || crate::chars::is_chinese_numeral(c));
    let rest = ["部分", "章", "篇"]
        .iter()
        .find_map(|label| rest.strip_prefix(label))?;
    let title = rest.trim_start_matches([' ', '\u{3000}']);
    (rest.len() - title.len() >= 2 && !title.is_empty()).then_some(title)
}

/// Whether a running header stands within two non-blank lines of line `i`
/// (extractors that mark page breaks with blank lines put several between
/// a header and its page number).
fn near(lines: &[Line], header: &[bool], i: usize) -> bool {
    nonblank_neighbours(lines, i).any(|j| header[j])
}

/// The two non-blank lines before line `i` and the two after it.
fn nonblank_neighbours(lines: &[Line], i: usize) -> impl Iterator<Item = usize> + '_ {
    let before = (0..i).rev().filter(|&j| !lines[j].is_blank()).take(2);
    let after = (i + 1..lines.len())
        .filter(|&j| !lines[j].is_blank())
        .take(2);
    before.chain(after)
}

/// The key of each line of `lines` (see [`header_key`]).
///
/// With pages (`edge` given), a line is a running header only if its key
/// occurs at some page's edge (see [`Repeats::is_running`]), and the key
/// of any other line is not needed. Most lines of a page are inside it,
/// and their keys would cost a read of every character: such a line is
/// keyed only if its key's first and last characters, read from its two
/// ends, are those of an edge line's key.
fn keys(text: &str, lines: &[Line], edge: Option<&[bool]>) -> Vec<Option<HeaderKey>> {
    let content = |i: usize| &text[lines[i].content.clone()];
    let Some(edge) = edge else {
        return (0..lines.len()).map(|i| header_key(content(i))).collect();
    };
    let mut keys: Vec<Option<HeaderKey>> = (0..lines.len())
        .map(|i| {
            if edge[i] {
                header_key(content(i))
            } else {
                None
            }
        })
        .collect();
    let ends: HashSet<u64, KeyHashed> = (0..lines.len())
        .filter(|&i| keys[i].is_some())
        .filter_map(|i| key_ends(content(i)))
        .collect();
    for (i, key) in keys.iter_mut().enumerate() {
        if !edge[i] && key_ends(content(i)).is_some_and(|e| ends.contains(&e)) {
            *key = header_key(content(i));
        }
    }
    keys
}

/// What a running header is recognized by: the line without whitespace,
/// digits masked and radicals read as their ideographs, hashed (a page of
/// lines is keyed without allocating), and its length in characters.
struct HeaderKey {
    hash: u64,
    chars: usize,
}

/// Tables keyed by a [`HeaderKey`]'s hash, which is a hash already: it
/// is used as it is, instead of hashing it again for every line.
type KeyHashed = BuildHasherDefault<KeyHash>;

#[derive(Default)]
struct KeyHash(u64);

impl Hasher for KeyHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// The key of a line, or `None` for lines that cannot be a running header
/// (blank, too long, without two letters, or ending a sentence).
fn header_key(line: &str) -> Option<HeaderKey> {
    // At most four bytes a character, and spaces between them.
    if line.len() > MAX_HEADER_CHARS * 8 {
        return None;
    }
    // The last character first: a line that ends a sentence (as a
    // paragraph's last line does) is no header, and is not hashed.
    let end = line
        .trim_end_matches(char::is_whitespace)
        .chars()
        .next_back();
    if end.is_some_and(crate::chars::is_sentence_end) {
        return None;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chars = 0;
    let mut letters = 0;
    let mut last = ' ';
    for c in line.chars() {
        if is_space(c) {
            continue;
        }
        chars += 1;
        if chars > MAX_HEADER_CHARS {
            return None;
        }
        // Two letters are all it takes; the rest are not looked up.
        if letters < 2 {
            letters += usize::from(is_han(c) || c.is_ascii_alphabetic() || c.is_alphabetic());
        }
        let masked = masked(c);
        hash = (hash ^ u64::from(u32::from(masked))).wrapping_mul(0x0100_0000_01b3);
        last = masked;
    }
    (letters >= 2 && !crate::chars::is_sentence_end(last)).then_some(HeaderKey { hash, chars })
}

/// Whitespace, which a key leaves out. No whitespace lies past the
/// ideographic space: Han is not looked up.
fn is_space(c: char) -> bool {
    c <= '\u{3000}' && c.is_whitespace()
}

/// A character of a line as its key holds it: a digit masked, and a
/// radical read as its ideograph (`推⼴` must not hide a repeat of
/// `推广`).
fn masked(c: char) -> char {
    if c.is_ascii_digit() {
        '#'
    } else {
        crate::radicals::unified(c)
    }
}

/// The first and last characters of the key of `line` (whitespace
/// skipped, [`masked`]), packed for a [`KeyHashed`] table, or `None` for a
/// line of whitespace. Two lines with one key have the same ends, and the
/// ends are read without reading the line.
fn key_ends(line: &str) -> Option<u64> {
    let mut key = line.chars().filter(|&c| !is_space(c)).map(masked);
    let first = key.next()?;
    let last = key.next_back().unwrap_or(first);
    let packed = u64::from(u32::from(first)) << 32 | u64::from(u32::from(last));
    // Spread over all the bits, as a table's hash is.
    Some(packed.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Whether `line` has the shape of a page number (`22`, `- 3 -`, `第3页`).
pub(crate) fn is_page_number(line: &str) -> bool {
    page_number_regex().is_match(line)
}

/// The page-number shapes, compiled once per process.
fn page_number_regex() -> &'static Regex {
    static PAGE_NUMBER: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    PAGE_NUMBER.get_or_init(page_number_pattern)
}

fn page_number_pattern() -> Regex {
    Regex::new(
        r"(?x)^(?:
            [-—–－·•\s]*\d{1,4}[-—–－·•\s]*
          | 第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?
          | \d{1,4}\s*/\s*\d{1,4}
          | (?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?
        )$",
    )
    .expect("page number pattern is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> String {
        crate::edit::testing::run(edits, input)
    }

    #[test]
    fn page_number_shapes() {
        let re = page_number_regex();
        for yes in [
            "22",
            "- 3 -",
            "— 3 —",
            "第3页",
            "第 3 页 共 20 页",
            "3/20",
            "Page 3",
            "page 3 of 9",
        ] {
            assert!(re.is_match(yes), "{yes}");
        }
        for no in [
            "2019 上海科技进步报告",
            "3.5",
            "第3章",
            "12345",
            "1. 申报范围",
        ] {
            assert!(!re.is_match(no), "{no}");
        }
    }

    #[test]
    fn headers_and_numbers_at_page_edges() {
        let page = |n: usize, body: &str| format!("2019 上海科技进步报告\n{body}\n— {n} —\n\x0c");
        let input = [
            page(1, "第一页正文，没有结束"),
            page(2, "第二页正文。"),
            page(3, "2019 年的第三页"),
        ]
        .concat();
        let expected = "第一页正文，没有结束\n\x0c第二页正文。\n\x0c2019 年的第三页\n\x0c";
        assert_eq!(run(&input), expected);
    }

    #[test]
    fn repeated_header_without_form_feeds() {
        // Each page's own text: the same line beside the header on every
        // page would make it a record's field.
        let body = |page: usize| format!("第{page}页的正文。\n").repeat(MIN_PAGE_LINES);
        let (one, two, three) = (body(1), body(2), body(3));
        let input = format!("{one}2 0 1 9 上 海 科 技 进 步 报 告\n22\n{two}2019 上海科技进步报告\n{three}2019上海科技进步报告\n23\n");
        assert_eq!(run(&input), format!("{one}{two}{three}"));
    }

    #[test]
    fn page_opening_header_recurs_less_steadily() {
        // 14 and 20 lines apart: too irregular for a header anywhere on a
        // page, not for one that opens each page after a blank line.
        let page = |lines: usize| format!("{lines}行一页的正文。\n").repeat(lines);
        let header = "\n2019 上海科技进步报告\n";
        let input = [
            page(12),
            header.into(),
            page(12),
            header.into(),
            page(18),
            header.into(),
            page(3),
        ]
        .concat();
        let expected = [
            page(12),
            "\n".into(),
            page(12),
            "\n".into(),
            page(18),
            "\n".into(),
            page(3),
        ]
        .concat();
        assert_eq!(run(&input), expected);
        let without_blanks = input.replace("\n\n", "\n");
        assert_eq!(run(&without_blanks), without_blanks);
    }

    /// (input, expected, why) for documents with form feeds.
    const PAGED: &[(&str, &str, &str)] = &[
        (
            "交通发展规划\n交通发展规划\n正文一\n\x0c交通发展规划\n正文二\n\x0c交通发展规划\n正文三\n\x0c",
            "交通发展规划\n正文一\n\x0c正文二\n\x0c正文三\n\x0c",
            "a running header that repeats the title: the page's second copy is the title",
        ),
        (
            "临川市交通规划\n正文一\n第1页\n\x0c临川市交通规划\n2\n规划目标\n正文二\n第2页\n\x0c临川市交通规划\n正文三\n第3页\n\x0c",
            "正文一\n\x0c2\n规划目标\n正文二\n\x0c正文三\n\x0c",
            "a bare figure beside a formed page number (`第2页`) is content: a chapter's number",
        ),
        (
            "年度报告摘要\n第一页正文\n\x0c年度报告摘要\n第二页正文\n\x0c",
            "第一页正文\n\x0c第二页正文\n\x0c",
            "a two-page document repeats its header on both pages",
        ),
        (
            "年度报告摘要\n第一页正文\n左栏正文\n\x0c第二页正文\n左栏续文\n\n年度报告摘要\n\n右栏正文\n末行\n\x0c",
            "第一页正文\n左栏正文\n\x0c第二页正文\n左栏续文\n\n\n右栏正文\n末行\n\x0c",
            "a header sorted into the middle of a page still goes",
        ),
        (
            "第一页正文\n\x0c第二页正文\n正文\nroad\n—2—\nnetworks\n更多正文\n末行\n\x0c",
            "第一页正文\n\x0c第二页正文\n正文\nroad\nnetworks\n更多正文\n末行\n\x0c",
            "a number between dashes is a page number anywhere",
        ),
        (
            "小标题\n第一页正文\n\x0c二页正文\n二页续文\n小标题\n二页再续\n二页末行\n\x0c三页正文\n三页续文\n小标题\n三页再续\n三页末行\n\x0c",
            "小标题\n第一页正文\n\x0c二页正文\n二页续文\n小标题\n二页再续\n二页末行\n\x0c三页正文\n三页续文\n小标题\n三页再续\n三页末行\n\x0c",
            "a line at one page's edge and inside two others is content",
        ),
    ];

    #[test]
    fn paged_table() {
        crate::edit::testing::check(edits, PAGED);
    }

    #[test]
    fn recurring_heading_is_not_a_header() {
        let section = |n: usize| format!("1 引言\n{}", "正文\n".repeat(n));
        let input = [section(12), section(17), section(11), section(25)].concat();
        assert_eq!(run(&input), input, "a heading recurs at no steady interval");
    }

    /// Found by fuzzing (through idempotence): each abstract of a
    /// collection opens with `1 引言`, which without page edges repeated
    /// like a running header.
    #[test]
    fn numbered_headings_without_form_feeds_stay() {
        let body = "正文\n".repeat(MIN_PAGE_LINES);
        let input = format!(
            "1 引言\n{body}1 引言\n{body}1 引言\n{body}2.1 方法\n{body}2.1 方法\n{body}2.1 方法\n"
        );
        assert_eq!(run(&input), input);
    }

    #[test]
    fn repeated_content_is_not_a_header() {
        for input in ["重复的一行\n".repeat(30), "全 市 已 建 成。\n".repeat(3)] {
            assert_eq!(run(&input), input);
        }
    }

    /// (input, expected, why) for texts without form feeds.
    const UNPAGED: &[(&str, &str, &str)] = &[
        (
            "强化技术攻关，培育高质量发展新动能\n正文第一段。\n\n第2部分      强化技术攻关，培育高质量发展新动能\n\n\n\n22\n\n正文第二段。\n",
            "强化技术攻关，培育高质量发展新动能\n正文第一段。\n\n\n\n\n\n正文第二段。\n",
            "a chapter's header that occurs once goes with its page number, beside which it repeats the chapter's title",
        ),
        (
            "强化技术攻关，培育高质量发展新动能\n正文第一段。\n第2部分      强化技术攻关，培育高质量发展新动能\n正文第二段。\n",
            "强化技术攻关，培育高质量发展新动能\n正文第一段。\n第2部分      强化技术攻关，培育高质量发展新动能\n正文第二段。\n",
            "without a page number beside it, a chapter line is a heading",
        ),
        (
            "总体要求\n正文第一段。\n第2部分      强化技术攻关，培育高质量发展新动能\n22\n正文第二段。\n",
            "总体要求\n正文第一段。\n第2部分      强化技术攻关，培育高质量发展新动能\n22\n正文第二段。\n",
            "nor is one whose title no earlier line holds",
        ),
        (
            "1. 张伟\n工作单位：临川市第1中学\n联系电话：13800130000\n主要事迹：\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n2. 王芳\n工作单位：临川市第2中学\n联系电话：13800130001\n主要事迹：\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n3. 李娜\n工作单位：临川市第3中学\n联系电话：13800130002\n主要事迹：\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n",
            "1. 张伟\n工作单位：临川市第1中学\n联系电话：13800130000\n主要事迹：\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n2. 王芳\n工作单位：临川市第2中学\n联系电话：13800130001\n主要事迹：\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n3. 李娜\n工作单位：临川市第3中学\n联系电话：13800130002\n主要事迹：\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n长期扎根教学一线。\n",
            "the fields of repeated records recur steadily, but with the same line beside them each time: content",
        ),
        (
            "总体情况良好。\n工作进展情况\n第0项工作已经完成。\n第1项工作已经完成。\n第2项工作已经完成。\n第3项工作已经完成。\n第4项工作已经完成。\n第5项工作已经完成。\n第6项工作已经完成。\n第7项工作已经完成。\n第8项工作已经完成。\n第9项工作已经完成。\n总体情况良好。\n工作进展情况\n第0项工作已经完成。\n第1项工作已经完成。\n第2项工作已经完成。\n第3项工作已经完成。\n第4项工作已经完成。\n第5项工作已经完成。\n第6项工作已经完成。\n第7项工作已经完成。\n第8项工作已经完成。\n第9项工作已经完成。\n总体情况良好。\n工作进展情况\n第0项工作已经完成。\n第1项工作已经完成。\n第2项工作已经完成。\n第3项工作已经完成。\n第4项工作已经完成。\n第5项工作已经完成。\n第6项工作已经完成。\n第7项工作已经完成。\n第8项工作已经完成。\n第9项工作已经完成。\n",
            "总体情况良好。\n工作进展情况\n第0项工作已经完成。\n第1项工作已经完成。\n第2项工作已经完成。\n第3项工作已经完成。\n第4项工作已经完成。\n第5项工作已经完成。\n第6项工作已经完成。\n第7项工作已经完成。\n第8项工作已经完成。\n第9项工作已经完成。\n总体情况良好。\n工作进展情况\n第0项工作已经完成。\n第1项工作已经完成。\n第2项工作已经完成。\n第3项工作已经完成。\n第4项工作已经完成。\n第5项工作已经完成。\n第6项工作已经完成。\n第7项工作已经完成。\n第8项工作已经完成。\n第9项工作已经完成。\n总体情况良好。\n工作进展情况\n第0项工作已经完成。\n第1项工作已经完成。\n第2项工作已经完成。\n第3项工作已经完成。\n第4项工作已经完成。\n第5项工作已经完成。\n第6项工作已经完成。\n第7项工作已经完成。\n第8项工作已经完成。\n第9项工作已经完成。\n",
            "a text that holds a document three times repeats its headings steadily, with the same sentences beside them: content",
        ),
        (
            "交通发展规划\n交通发展规划\n第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n交通发展规划\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n交通发展规划\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n",
            "交通发展规划\n第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n",
            "a running header that repeats the title right above it: the second is the title",
        ),
        (
            "年度报告摘要\n第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n1\n年度报告摘要\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n2\n年度报告摘要\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n3\n",
            "第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n",
            "the last page's bare number follows on from the one before, with no header after it to stand beside",
        ),
        (
            "第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第1页第10句正文。\n第1页第11句正文。\n1\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第2页第10句正文。\n第2页第11句正文。\n2\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n第3页第10句正文。\n第3页第11句正文。\n3\n",
            "第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第1页第10句正文。\n第1页第11句正文。\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第2页第10句正文。\n第2页第11句正文。\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n第3页第10句正文。\n第3页第11句正文。\n",
            "bare figures that count pages steadily, one a page, are page numbers without a header too",
        ),
        (
            "1\n规划背景\n第1章第0句正文。\n第1章第1句正文。\n第1章第2句正文。\n第1章第3句正文。\n第1章第4句正文。\n第1章第5句正文。\n第1章第6句正文。\n第1章第7句正文。\n第1章第8句正文。\n第1章第9句正文。\n第1章第10句正文。\n第1章第11句正文。\n2\n发展目标\n第2章第0句正文。\n第2章第1句正文。\n第2章第2句正文。\n第2章第3句正文。\n第2章第4句正文。\n第2章第5句正文。\n第2章第6句正文。\n第2章第7句正文。\n第2章第8句正文。\n第2章第9句正文。\n第2章第10句正文。\n第2章第11句正文。\n第2章第12句正文。\n第2章第13句正文。\n第2章第14句正文。\n第2章第15句正文。\n第2章第16句正文。\n第2章第17句正文。\n第2章第18句正文。\n第2章第19句正文。\n第2章第20句正文。\n第2章第21句正文。\n第2章第22句正文。\n第2章第23句正文。\n第2章第24句正文。\n3\n重点任务\n第3章第0句正文。\n第3章第1句正文。\n第3章第2句正文。\n第3章第3句正文。\n第3章第4句正文。\n第3章第5句正文。\n第3章第6句正文。\n第3章第7句正文。\n第3章第8句正文。\n第3章第9句正文。\n第3章第10句正文。\n第3章第11句正文。\n第3章第12句正文。\n第3章第13句正文。\n",
            "1\n规划背景\n第1章第0句正文。\n第1章第1句正文。\n第1章第2句正文。\n第1章第3句正文。\n第1章第4句正文。\n第1章第5句正文。\n第1章第6句正文。\n第1章第7句正文。\n第1章第8句正文。\n第1章第9句正文。\n第1章第10句正文。\n第1章第11句正文。\n2\n发展目标\n第2章第0句正文。\n第2章第1句正文。\n第2章第2句正文。\n第2章第3句正文。\n第2章第4句正文。\n第2章第5句正文。\n第2章第6句正文。\n第2章第7句正文。\n第2章第8句正文。\n第2章第9句正文。\n第2章第10句正文。\n第2章第11句正文。\n第2章第12句正文。\n第2章第13句正文。\n第2章第14句正文。\n第2章第15句正文。\n第2章第16句正文。\n第2章第17句正文。\n第2章第18句正文。\n第2章第19句正文。\n第2章第20句正文。\n第2章第21句正文。\n第2章第22句正文。\n第2章第23句正文。\n第2章第24句正文。\n3\n重点任务\n第3章第0句正文。\n第3章第1句正文。\n第3章第2句正文。\n第3章第3句正文。\n第3章第4句正文。\n第3章第5句正文。\n第3章第6句正文。\n第3章第7句正文。\n第3章第8句正文。\n第3章第9句正文。\n第3章第10句正文。\n第3章第11句正文。\n第3章第12句正文。\n第3章第13句正文。\n",
            "chapter numbers alone on their lines count chapters, unevenly long: content",
        ),
        (
            "第1页第0句正文。\n第1页第1句正文。\n年度报告摘要\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第1页第10句正文。\n第1页第11句正文。\n— 1 —\n年度报告摘要\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第2页第10句正文。\n第2页第11句正文。\n第2页第12句正文。\n第2页第13句正文。\n第2页第14句正文。\n第2页第15句正文。\n第2页第16句正文。\n第2页第17句正文。\n第2页第18句正文。\n第2页第19句正文。\n第2页第20句正文。\n第2页第21句正文。\n— 2 —\n年度报告摘要\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n第3页第10句正文。\n第3页第11句正文。\n第3页第12句正文。\n第3页第13句正文。\n第3页第14句正文。\n第3页第15句正文。\n第3页第16句正文。\n第3页第17句正文。\n第3页第18句正文。\n第3页第19句正文。\n— 3 —\n",
            "第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第1页第10句正文。\n第1页第11句正文。\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第2页第10句正文。\n第2页第11句正文。\n第2页第12句正文。\n第2页第13句正文。\n第2页第14句正文。\n第2页第15句正文。\n第2页第16句正文。\n第2页第17句正文。\n第2页第18句正文。\n第2页第19句正文。\n第2页第20句正文。\n第2页第21句正文。\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n第3页第10句正文。\n第3页第11句正文。\n第3页第12句正文。\n第3页第13句正文。\n第3页第14句正文。\n第3页第15句正文。\n第3页第16句正文。\n第3页第17句正文。\n第3页第18句正文。\n第3页第19句正文。\n",
            "page numbers count pages as form feeds would: a line once on each, at the edge of most, is their header also where an extractor that sorts columns put it inside one",
        ),
        (
            "临川市人民政府公报\n2024年第3期\n第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第1页第10句正文。\n第1页第11句正文。\n— 1 —\n临川市人民政府公报\n2024年第3期\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第2页第10句正文。\n第2页第11句正文。\n— 2 —\n临川市人民政府公报\n2024年第3期\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n第3页第10句正文。\n第3页第11句正文。\n— 3 —\n",
            "第1页第0句正文。\n第1页第1句正文。\n第1页第2句正文。\n第1页第3句正文。\n第1页第4句正文。\n第1页第5句正文。\n第1页第6句正文。\n第1页第7句正文。\n第1页第8句正文。\n第1页第9句正文。\n第1页第10句正文。\n第1页第11句正文。\n第2页第0句正文。\n第2页第1句正文。\n第2页第2句正文。\n第2页第3句正文。\n第2页第4句正文。\n第2页第5句正文。\n第2页第6句正文。\n第2页第7句正文。\n第2页第8句正文。\n第2页第9句正文。\n第2页第10句正文。\n第2页第11句正文。\n第3页第0句正文。\n第3页第1句正文。\n第3页第2句正文。\n第3页第3句正文。\n第3页第4句正文。\n第3页第5句正文。\n第3页第6句正文。\n第3页第7句正文。\n第3页第8句正文。\n第3页第9句正文。\n第3页第10句正文。\n第3页第11句正文。\n",
            "a running header of two lines stands together on every page, but only two, without a label: no record",
        ),
        (
            "第一页正文。\n— 1 —\n第二页正文。\n— 2 —\n",
            "第一页正文。\n第二页正文。\n",
            "a number between dashes is a page number without form feeds too, the last page's as well",
        ),
        (
            "第一页正文。\n第 1 页 共 2 页\n第二页正文。\nPage 2\n",
            "第一页正文。\n第二页正文。\n",
            "so is a formed one",
        ),
        (
            "临川市教育局\n关于开展暑期安全教育的通知\n第0段正文，内容各不相同。\n第1段正文，内容各不相同。\n第2段正文，内容各不相同。\n第3段正文，内容各不相同。\n第4段正文，内容各不相同。\n第5段正文，内容各不相同。\n第6段正文，内容各不相同。\n第7段正文，内容各不相同。\n第8段正文，内容各不相同。\n第9段正文，内容各不相同。\n第10段正文，内容各不相同。\n第11段正文，内容各不相同。\n临川市教育局\n2024年5月1日\n",
            "临川市教育局\n关于开展暑期安全教育的通知\n第0段正文，内容各不相同。\n第1段正文，内容各不相同。\n第2段正文，内容各不相同。\n第3段正文，内容各不相同。\n第4段正文，内容各不相同。\n第5段正文，内容各不相同。\n第6段正文，内容各不相同。\n第7段正文，内容各不相同。\n第8段正文，内容各不相同。\n第9段正文，内容各不相同。\n第10段正文，内容各不相同。\n第11段正文，内容各不相同。\n临川市教育局\n2024年5月1日\n",
            "a letter's sender opens it and signs it, at the text's two edges: no page number shows a page there",
        ),
        (
            "会议时间：\n3/20\n正文。\n",
            "会议时间：\n3/20\n正文。\n",
            "a fraction alone is no page number: a date",
        ),
    ];

    /// Without form feeds, `n / total` is a page number where the next
    /// one, a page further on, is `n + 1 / total`; and a line at a page's
    /// edge wherever it occurs, beside such page numbers at least twice,
    /// is a running header, however unevenly long the pages are.
    #[test]
    fn page_numbers_mark_page_edges_without_form_feeds() {
        let body = |page: usize, lines: usize| format!("第{page}页的正文。\n").repeat(lines);
        let (one, two, three) = (body(1, 10), body(2, 25), body(3, 12));
        let input = format!(
            "年度报告摘要\n{one}1 / 3\n年度报告摘要\n{two}2 / 3\n年度报告摘要\n{three}3 / 3\n"
        );
        assert_eq!(run(&input), format!("{one}{two}{three}"));
        let apart = format!("{one}1 / 2\n{two}3 / 2\n");
        assert_eq!(run(&apart), apart, "fractions out of sequence stay");
    }

    #[test]
    fn unpaged_table() {
        crate::edit::testing::check(edits, UNPAGED);
    }

    #[test]
    fn body_numbers_survive() {
        let input = "第一段\n2019\n第二段\n";
        assert_eq!(
            run(input),
            input,
            "no header, no form feed: a bare number is content"
        );
    }
}
