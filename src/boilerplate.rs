//! The boilerplate pass: running headers, footers and page numbers.
//!
//! Evidence, strongest first:
//!
//! * **Repetition at page edges.** A line among the first or last
//!   [`EDGE_LINES`] non-blank lines of a page whose *key* (the line without
//!   whitespace, digits masked) appears at the edges of at least
//!   [`MIN_REPEATS`] pages is a running header or footer. Dropping the
//!   whitespace makes the match immune to spacing damage
//!   (`2 0 1 9 上 海` matches `2019 上海`); masking digits lets
//!   `第2部分 强化技术攻关` and `第3部分 ...` match.
//! * **Page-number shapes at page edges**: `22`, `- 3 -`, `— 3 —`,
//!   `第3页`, `第 3 页 共 20 页`, `3/20`, `Page 3`.
//! * **Without form feeds** the page edges are unknown, so a short line is a
//!   running header when its key repeats [`MIN_REPEATS`] times across the
//!   text, never closer than [`MIN_PAGE_LINES`] lines (a page), and a
//!   page-number line only when it sits within two lines of such a header.
//! * A line that ends a sentence (`。`) is never a header: it is content,
//!   however often it repeats.
//!
//! A removed line takes its line end with it, so the paragraph it
//! interrupted is rejoined by the lines pass.

use std::collections::HashMap;

use regex::Regex;

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

/// Longest line (in characters, without spaces) that can be a running header.
const MAX_HEADER_CHARS: usize = 60;

/// Proposes the boilerplate edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let lines = page::lines(text);
    let pages = lines.last().map_or(0, |l| l.page + 1);
    let keys: Vec<Option<String>> = lines
        .iter()
        .map(|l| header_key(&text[l.content.clone()]))
        .collect();
    let edge = edge_flags(&lines);
    let by_page = pages > 1;
    // key -> (pages it repeats on, line index where last seen, too close).
    let mut repeats: HashMap<&str, (usize, usize, bool)> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        if by_page && !edge[i] {
            continue;
        }
        if !by_page && opens_with_section_number(&text[lines[i].content.clone()]) {
            continue;
        }
        let entry = repeats
            .entry(key.as_str())
            .or_insert((0, usize::MAX, false));
        let new_page = if by_page {
            entry.1 == usize::MAX || lines[entry.1].page != lines[i].page
        } else {
            entry.1 == usize::MAX || i - entry.1 >= MIN_PAGE_LINES
        };
        entry.0 += usize::from(new_page);
        entry.2 |= !by_page && !new_page;
        entry.1 = i;
    }
    let counts: HashMap<&str, usize> = repeats
        .into_iter()
        .filter(|&(_, (_, _, too_close))| !too_close)
        .map(|(k, (n, _, _))| (k, n))
        .collect();
    let is_header = |i: usize| {
        keys[i]
            .as_deref()
            .is_some_and(|k| counts.get(k).copied().unwrap_or(0) >= MIN_REPEATS)
            && (!by_page || edge[i])
    };
    let header: Vec<bool> = (0..lines.len()).map(is_header).collect();
    let page_number = page_number_regex();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let rule = if header[i] {
            Rule::RunningHeader
        } else if (if by_page { edge[i] } else { near(&header, i) })
            && page_number.is_match(&text[line.content.clone()])
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

/// Whether each line is among the first or last non-blank lines of its page.
fn edge_flags(lines: &[Line]) -> Vec<bool> {
    let mut edge = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = lines[start..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |n| start + n);
        let nonblank: Vec<usize> = (start..end).filter(|&i| !lines[i].is_blank()).collect();
        for &i in nonblank
            .iter()
            .take(EDGE_LINES)
            .chain(nonblank.iter().rev().take(EDGE_LINES))
        {
            edge[i] = true;
        }
        start = end;
    }
    edge
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

fn near(header: &[bool], i: usize) -> bool {
    let lo = i.saturating_sub(2);
    let hi = (i + 3).min(header.len());
    header[lo..hi].iter().any(|&h| h)
}

/// The key a running header is recognized by, or `None` for lines that
/// cannot be one (blank, too long, or without a letter).
fn header_key(line: &str) -> Option<String> {
    let mut key = String::with_capacity(line.len());
    let mut chars = 0;
    let mut letters = 0;
    for c in line.chars() {
        if c.is_whitespace() {
            continue;
        }
        chars += 1;
        if chars > MAX_HEADER_CHARS {
            return None;
        }
        if c.is_ascii_digit() {
            key.push('#');
        } else {
            letters += usize::from(c.is_alphabetic());
            key.push(c);
        }
    }
    let ends_sentence = key
        .chars()
        .next_back()
        .is_some_and(crate::chars::is_sentence_end);
    (letters >= 2 && !ends_sentence).then_some(key)
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
    use crate::edit::apply;

    fn run(input: &str) -> String {
        let mut e = Vec::new();
        edits(input, &mut e);
        apply(input, &e).0
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
        let body = "正文\n".repeat(MIN_PAGE_LINES);
        let input = format!("{body}2 0 1 9 上 海 科 技 进 步 报 告\n22\n{body}2019 上海科技进步报告\n{body}2019上海科技进步报告\n23\n");
        assert_eq!(run(&input), body.repeat(3));
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
