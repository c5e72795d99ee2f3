//! Scoring one text against its ground truth.
//!
//! Every figure is kept as raw counts ([`Counts`]) so that groups of files
//! are micro-averaged by adding counts; [`Figures`] derives the ratios.
//!
//! All figures but CER work on the alignment of the two texts'
//! non-whitespace characters (a longest common subsequence, [`crate::diff`]):
//! - spaces: a space in the candidate between two characters aligned to two
//!   adjacent truth characters that have no whitespace between them is
//!   spurious; the reverse is a missing space;
//! - block boundaries: a newline of the candidate is placed in the truth
//!   between the truth characters its nearest aligned neighbours map to; it
//!   is a hit when those are adjacent and the truth has a newline there;
//! - numbers: a number of the truth is kept whole when all its characters
//!   align, in order and with nothing between them, and no digit is glued
//!   to either end;
//! - words: zhtidy's words ([`zhtidy::segment`]) of both texts as spans of
//!   non-whitespace characters; a candidate word is a hit when its
//!   characters align to exactly one truth word;
//! - boilerplate: candidate lines that [`crate::boilerplate`] recognises as
//!   a running header or page number and that are not content of the truth,
//!   plus such forms found inside other lines beyond what the truth has.

use serde::Serialize;
use std::collections::HashSet;
use std::ops::AddAssign;
use zhtidy::segment::Segmenter;

use crate::boilerplate::{Boilerplate, Leak};
use crate::diff;
use crate::distance;
use crate::text::{self, Gap, Seq};

/// The ground truth of one document, prepared once for all its cases.
pub struct Truth {
    pub folded: String,
    pub chars: Vec<char>,
    pub seq: Seq,
    pub han: usize,
    pub words: HashSet<(usize, usize)>,
    pub n_words: usize,
    /// Lines, whitespace removed: a leaked-looking line that is one of these
    /// is content.
    pub lines: HashSet<String>,
    /// Numbers as `[start, end)` spans of `seq`.
    pub numbers: Vec<(usize, usize)>,
    pub boundaries: usize,
    /// Whitespace-free text, for counting boilerplate inside lines.
    pub stripped: String,
    /// Each block (line) of the truth, whitespace removed, that an output
    /// must hold whole: lost or broken, it is not found.
    pub blocks: Vec<String>,
}

impl Truth {
    pub fn new(text: &str, segmenter: &Segmenter) -> Truth {
        let folded = text::fold(text);
        let seq = Seq::new(&folded);
        let words = word_spans(&folded, segmenter);
        Truth {
            chars: folded.chars().collect(),
            han: seq.chars.iter().filter(|&&c| text::is_han(c)).count(),
            n_words: words.len(),
            words: words.into_iter().collect(),
            lines: folded.lines().map(text::strip_ws).collect(),
            numbers: numbers(&seq),
            boundaries: seq.gaps.iter().filter(|&&g| g == Gap::Newline).count(),
            stripped: text::strip_ws(&folded),
            blocks: folded
                .lines()
                .map(text::strip_ws)
                .filter(|b| !b.is_empty())
                .collect(),
            seq,
            folded,
        }
    }
}

/// Raw counts behind every figure; groups add them up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub files: usize,
    pub truth_chars: usize,
    pub edits: usize,
    pub han: usize,
    pub spurious_spaces: usize,
    pub missing_spaces: usize,
    pub boundaries_truth: usize,
    pub boundaries_output: usize,
    pub boundaries_hit: usize,
    pub leaked_headers: usize,
    pub leaked_page_numbers: usize,
    pub embedded_boilerplate: usize,
    pub numbers_truth: usize,
    pub numbers_kept: usize,
    pub words_truth: usize,
    pub words_output: usize,
    pub words_hit: usize,
    pub blocks_truth: usize,
    /// Truth blocks found whole in the output, whitespace aside.
    pub blocks_intact: usize,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.files += o.files;
        self.truth_chars += o.truth_chars;
        self.edits += o.edits;
        self.han += o.han;
        self.spurious_spaces += o.spurious_spaces;
        self.missing_spaces += o.missing_spaces;
        self.boundaries_truth += o.boundaries_truth;
        self.boundaries_output += o.boundaries_output;
        self.boundaries_hit += o.boundaries_hit;
        self.leaked_headers += o.leaked_headers;
        self.leaked_page_numbers += o.leaked_page_numbers;
        self.embedded_boilerplate += o.embedded_boilerplate;
        self.numbers_truth += o.numbers_truth;
        self.numbers_kept += o.numbers_kept;
        self.words_truth += o.words_truth;
        self.words_output += o.words_output;
        self.words_hit += o.words_hit;
        self.blocks_truth += o.blocks_truth;
        self.blocks_intact += o.blocks_intact;
    }
}

/// The figures derived from counts.
#[derive(Clone, Debug, Serialize)]
pub struct Figures {
    pub cer: f64,
    pub spurious_spaces_per_1000_han: f64,
    pub missing_spaces_per_1000_han: f64,
    pub boundary_precision: f64,
    pub boundary_recall: f64,
    pub boundary_f1: f64,
    /// Output lines that are a running header or a page number.
    pub boilerplate_leaked: usize,
    /// Headers and page numbers found inside other lines.
    pub boilerplate_embedded: usize,
    pub numbers_kept: f64,
    pub segmentation_precision: f64,
    pub segmentation_recall: f64,
    pub segmentation_f1: f64,
    /// The share of the truth's blocks found whole in the output: a
    /// heading or paragraph deleted, or broken by leaked text or a wrong
    /// edit, is not.
    pub blocks_intact: f64,
    pub counts: Counts,
}

/// `num / den`, or 1 when there is nothing to count.
fn share(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Figures {
    pub fn from(c: Counts) -> Figures {
        let per_1000_han = |n: usize| {
            if c.han == 0 {
                0.0
            } else {
                n as f64 * 1000.0 / c.han as f64
            }
        };
        let bp = share(c.boundaries_hit, c.boundaries_output);
        let br = share(c.boundaries_hit, c.boundaries_truth);
        let sp = share(c.words_hit, c.words_output);
        let sr = share(c.words_hit, c.words_truth);
        Figures {
            cer: if c.truth_chars == 0 {
                0.0
            } else {
                c.edits as f64 / c.truth_chars as f64
            },
            spurious_spaces_per_1000_han: per_1000_han(c.spurious_spaces),
            missing_spaces_per_1000_han: per_1000_han(c.missing_spaces),
            boundary_precision: bp,
            boundary_recall: br,
            boundary_f1: f1(bp, br),
            boilerplate_leaked: c.leaked_headers + c.leaked_page_numbers,
            boilerplate_embedded: c.embedded_boilerplate,
            numbers_kept: share(c.numbers_kept, c.numbers_truth),
            segmentation_precision: sp,
            segmentation_recall: sr,
            segmentation_f1: f1(sp, sr),
            blocks_intact: share(c.blocks_intact, c.blocks_truth),
            counts: c,
        }
    }
}

/// A problem seen in a candidate, with a little context on both sides.
#[derive(Clone, Debug, Serialize)]
pub struct Snippet {
    pub output: String,
    pub truth: String,
}

/// A few examples of each kind of problem, for people to look at.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Examples {
    pub spurious_space: Vec<Snippet>,
    pub missing_space: Vec<Snippet>,
    pub false_boundary: Vec<Snippet>,
    pub missed_boundary: Vec<Snippet>,
    pub broken_number: Vec<Snippet>,
    pub leaked_line: Vec<String>,
    #[serde(skip)]
    pub cap: usize,
}

impl Examples {
    pub fn with_cap(cap: usize) -> Examples {
        Examples {
            cap,
            ..Examples::default()
        }
    }

    /// Every kind with its examples, for printing.
    pub fn kinds(&self) -> Vec<(&'static str, Vec<String>)> {
        let show = |v: &[Snippet]| {
            v.iter()
                .map(|s| format!("out «{}»  truth «{}»", s.output, s.truth))
                .collect()
        };
        vec![
            ("spurious space", show(&self.spurious_space)),
            ("missing space", show(&self.missing_space)),
            ("false boundary", show(&self.false_boundary)),
            ("missed boundary", show(&self.missed_boundary)),
            ("broken number", show(&self.broken_number)),
            (
                "leaked line",
                self.leaked_line.iter().map(|l| format!("«{l}»")).collect(),
            ),
        ]
    }
}

fn keep(list: &mut Vec<Snippet>, cap: usize, make: impl FnOnce() -> Snippet) {
    if list.len() < cap {
        list.push(make());
    }
}

const RADIUS: usize = 8;

/// zhtidy's words of a folded text as `[start, end)` spans of its
/// non-whitespace characters.
pub fn word_spans(folded: &str, segmenter: &Segmenter) -> Vec<(usize, usize)> {
    let solid = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let mut spans = Vec::new();
    let (mut at, mut last) = (0, 0);
    for token in segmenter.tokens(folded) {
        at += solid(&folded[last..token.range.start]);
        let n = solid(&folded[token.range.clone()]);
        spans.push((at, at + n));
        at += n;
        last = token.range.end;
    }
    spans
}

/// The numbers of a sequence: maximal ASCII digit runs with an optional
/// decimal part, with no whitespace inside.
pub fn numbers(seq: &Seq) -> Vec<(usize, usize)> {
    let c = &seq.chars;
    let joined = |i: usize| i < c.len() && seq.gaps[i] == Gap::None;
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while joined(i) && c[i].is_ascii_digit() {
            i += 1;
        }
        if joined(i) && c[i] == '.' && joined(i + 1) && c[i + 1].is_ascii_digit() {
            i += 2;
            while joined(i) && c[i].is_ascii_digit() {
                i += 1;
            }
        }
        out.push((start, i));
    }
    out
}

/// Scores `candidate` against `truth`, collecting examples when asked.
pub fn score(
    candidate: &str,
    truth: &Truth,
    boilerplate: &Boilerplate,
    segmenter: &Segmenter,
    mut examples: Option<&mut Examples>,
) -> Counts {
    let folded = text::fold(candidate);
    let seq = Seq::new(&folded);
    let out_chars: Vec<char> = folded.chars().collect();
    let mut c = Counts {
        files: 1,
        truth_chars: truth.chars.len(),
        edits: distance::levenshtein(&out_chars, &truth.chars),
        han: truth.han,
        boundaries_truth: truth.boundaries,
        numbers_truth: truth.numbers.len(),
        words_truth: truth.n_words,
        blocks_truth: truth.blocks.len(),
        ..Counts::default()
    };
    let stripped = text::strip_ws(&folded);
    c.blocks_intact = truth
        .blocks
        .iter()
        .filter(|b| memchr::memmem::find(stripped.as_bytes(), b.as_bytes()).is_some())
        .count();
    let (o2t, t2o) = diff::alignment(&seq.chars, &truth.seq.chars);
    let tseq = &truth.seq;
    let cap = examples.as_ref().map_or(0, |e| e.cap);
    let ex_out = |i: usize| seq.excerpt(&folded, i, RADIUS);
    let ex_truth = |j: usize| tseq.excerpt(&truth.folded, j, RADIUS);

    // Spaces, on gaps between characters aligned to adjacent truth characters.
    for i in 1..seq.len() {
        let (Some(p), Some(q)) = (o2t[i - 1], o2t[i]) else {
            continue;
        };
        if q != p + 1 {
            continue;
        }
        match (seq.gaps[i], tseq.gaps[q]) {
            (Gap::Space, Gap::None) => {
                c.spurious_spaces += 1;
                if let Some(e) = examples.as_deref_mut() {
                    keep(&mut e.spurious_space, cap, || Snippet {
                        output: ex_out(i),
                        truth: ex_truth(q),
                    });
                }
            }
            (Gap::None, Gap::Space) => {
                c.missing_spaces += 1;
                if let Some(e) = examples.as_deref_mut() {
                    keep(&mut e.missing_space, cap, || Snippet {
                        output: ex_out(i),
                        truth: ex_truth(q),
                    });
                }
            }
            _ => {}
        }
    }

    // Block boundaries, placed through the nearest aligned neighbours.
    let mut prev_aligned = vec![None; seq.len()];
    let mut last = None;
    for i in 0..seq.len() {
        if o2t[i].is_some() {
            last = o2t[i];
        }
        prev_aligned[i] = last;
    }
    let mut next_aligned = vec![None; seq.len()];
    let mut next = None;
    for i in (0..seq.len()).rev() {
        if o2t[i].is_some() {
            next = o2t[i];
        }
        next_aligned[i] = next;
    }
    let mut hit = vec![false; tseq.len()];
    for i in 1..seq.len() {
        if seq.gaps[i] != Gap::Newline {
            continue;
        }
        c.boundaries_output += 1;
        let placed = match (prev_aligned[i - 1], next_aligned[i]) {
            (Some(p), Some(q)) if q == p + 1 => Some(q),
            _ => None,
        };
        match placed {
            Some(q) if tseq.gaps[q] == Gap::Newline => {
                if !hit[q] {
                    hit[q] = true;
                    c.boundaries_hit += 1;
                }
            }
            _ => {
                if let Some(e) = examples.as_deref_mut() {
                    keep(&mut e.false_boundary, cap, || Snippet {
                        output: ex_out(i),
                        truth: o2t[i]
                            .or(next_aligned[i])
                            .map_or_else(String::new, ex_truth),
                    });
                }
            }
        }
    }
    if let Some(e) = examples.as_deref_mut() {
        for q in 1..tseq.len() {
            if tseq.gaps[q] == Gap::Newline && !hit[q] {
                keep(&mut e.missed_boundary, cap, || Snippet {
                    output: t2o[q].map_or_else(String::new, ex_out),
                    truth: ex_truth(q),
                });
            }
        }
    }

    // Numbers kept whole.
    for &(start, end) in &truth.numbers {
        let Some(first) = t2o[start] else {
            keep_number(&mut examples, cap, || Snippet {
                output: String::new(),
                truth: ex_truth(start),
            });
            continue;
        };
        let len = end - start;
        let whole = first + len <= seq.len()
            && (0..len).all(|k| t2o[start + k] == Some(first + k))
            && (1..len).all(|k| seq.gaps[first + k] == Gap::None)
            && !(first > 0
                && seq.gaps[first] == Gap::None
                && seq.chars[first - 1].is_ascii_digit())
            && !(first + len < seq.len()
                && seq.gaps[first + len] == Gap::None
                && seq.chars[first + len].is_ascii_digit());
        if whole {
            c.numbers_kept += 1;
        } else {
            keep_number(&mut examples, cap, || Snippet {
                output: ex_out(first + len / 2),
                truth: ex_truth(start + len / 2),
            });
        }
    }

    // Boilerplate: whole lines, then inside lines. A line that looks like
    // boilerplate but is a line of the truth is content; so is a page-number
    // look-alike whose every character aligns with the truth (a section
    // number split from its heading). Headers are not given that benefit:
    // they share many characters with titles and may align by chance.
    let mut leaked_headers = 0;
    let mut at = 0;
    for line in folded.split('\n') {
        let n = line.chars().filter(|c| *c != ' ').count();
        let span = at..at + n;
        at += n;
        let Some(kind) = boilerplate.classify(line) else {
            continue;
        };
        let aligned = span.into_iter().all(|i| o2t[i].is_some());
        if truth.lines.contains(&text::strip_ws(line)) || (kind == Leak::PageNumber && aligned) {
            continue;
        }
        match kind {
            Leak::Header => leaked_headers += 1,
            Leak::PageNumber => c.leaked_page_numbers += 1,
        }
        if let Some(e) = examples.as_deref_mut() {
            if e.leaked_line.len() < cap {
                e.leaked_line.push(line.to_owned());
            }
        }
    }
    c.leaked_headers = leaked_headers;
    let inside = boilerplate
        .occurrences(&text::strip_ws(&folded))
        .saturating_sub(boilerplate.occurrences(&truth.stripped));
    c.embedded_boilerplate = inside.saturating_sub(c.leaked_headers + c.leaked_page_numbers);

    // Words.
    let words = word_spans(&folded, segmenter);
    c.words_output = words.len();
    for (s, e) in words {
        let Some(t0) = o2t[s] else { continue };
        if (s..e).all(|i| o2t[i] == Some(t0 + (i - s))) && truth.words.contains(&(t0, t0 + e - s)) {
            c.words_hit += 1;
        }
    }
    c
}

fn keep_number(examples: &mut Option<&mut Examples>, cap: usize, make: impl FnOnce() -> Snippet) {
    if let Some(e) = examples.as_deref_mut() {
        keep(&mut e.broken_number, cap, make);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn segmenter() -> &'static Segmenter {
        static S: OnceLock<Segmenter> = OnceLock::new();
        S.get_or_init(Segmenter::new)
    }

    fn counts(candidate: &str, truth: &str) -> Counts {
        let t = Truth::new(truth, segmenter());
        let bp = Boilerplate::new(
            Some("2023 澜江湾集成电路产业发展报告"),
            Some("— {n} —"),
            Some(3),
        );
        score(candidate, &t, &bp, segmenter(), None)
    }

    #[test]
    fn cer_table() {
        // (candidate, truth, edits, truth chars after folding)
        let cases = [
            ("全市已建成", "全市已建成", 0, 5),
            ("全 市 已 建 成", "全市已建成", 4, 5),
            ("全市\n\n已建成\x0c", "全市已建成", 1, 5),
            ("全市已建成。\n  新线", "全市已建成。\n新线", 0, 9),
            ("", "全市", 2, 2),
        ];
        for (cand, truth, edits, chars) in cases {
            let c = counts(cand, truth);
            assert_eq!((c.edits, c.truth_chars), (edits, chars), "{cand:?}");
        }
        let f = Figures::from(counts("全 市 已 建 成", "全市已建成"));
        assert!((f.cer - 0.8).abs() < 1e-12);
    }

    #[test]
    fn spaces_table() {
        // (candidate, truth, spurious, missing)
        let cases = [
            ("全 市 已建成", "全市已建成", 2, 0),
            ("产能 15 万片", "产能15万片", 2, 0),
            ("型号ARJ21 C919", "型号ARJ21 C919", 0, 0),
            ("型号ARJ21C919", "型号ARJ21 C919", 0, 1),
            // A newline where the truth has none is a boundary matter, not a space.
            ("全市\n已建成", "全市已建成", 0, 0),
            // Not aligned to adjacent truth characters: not scored.
            ("全 X 成", "全市已建成", 0, 0),
        ];
        for (cand, truth, spurious, missing) in cases {
            let c = counts(cand, truth);
            assert_eq!(
                (c.spurious_spaces, c.missing_spaces),
                (spurious, missing),
                "{cand:?}"
            );
        }
        let f = Figures::from(counts("全 市 已建成", "全市已建成"));
        assert!((f.spurious_spaces_per_1000_han - 400.0).abs() < 1e-9);
    }

    #[test]
    fn boundaries_table() {
        // (candidate, truth, output boundaries, hits, truth boundaries)
        let cases = [
            (
                "一、概况\n正文。\n二、工艺",
                "一、概况\n正文。\n二、工艺",
                2,
                2,
                2,
            ),
            (
                "一、概况正文。\n二、工艺",
                "一、概况\n正文。\n二、工艺",
                1,
                1,
                2,
            ),
            (
                "一、概\n况\n正文。\n二、工艺",
                "一、概况\n正文。\n二、工艺",
                3,
                2,
                2,
            ),
            // A leaked page number between two blocks: one hit, one extra.
            ("正文。\n— 3 —\n二、工艺", "正文。\n二、工艺", 2, 1, 1),
            // Across a leaked header inside a paragraph: both extra.
            (
                "正文\n2023 澜江湾集成电路产业发展报告\n继续。",
                "正文继续。",
                2,
                0,
                0,
            ),
        ];
        for (cand, truth, out, hits, tb) in cases {
            let c = counts(cand, truth);
            assert_eq!(
                (c.boundaries_output, c.boundaries_hit, c.boundaries_truth),
                (out, hits, tb),
                "{cand:?}"
            );
        }
        let f = Figures::from(counts(
            "一、概\n况\n正文。\n二、工艺",
            "一、概况\n正文。\n二、工艺",
        ));
        assert!((f.boundary_precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((f.boundary_recall - 1.0).abs() < 1e-12);
        assert!((f.boundary_f1 - 0.8).abs() < 1e-12);
    }

    #[test]
    fn numbers_table() {
        // (candidate, truth, numbers in truth, kept)
        let cases = [
            ("规模1286.4亿元", "规模1286.4亿元", 1, 1),
            ("规模128\n6.4亿元", "规模1286.4亿元", 1, 0),
            ("规模1 2 8 6 . 4亿元", "规模1286.4亿元", 1, 0),
            ("规模 1286.4 亿元", "规模1286.4亿元", 1, 1),
            ("2023年12月31日", "2023年12月31日", 3, 3),
            ("32023年", "2023年", 1, 0),
            ("第8.92项", "第8.92项", 1, 1),
        ];
        for (cand, truth, n, kept) in cases {
            let c = counts(cand, truth);
            assert_eq!((c.numbers_truth, c.numbers_kept), (n, kept), "{cand:?}");
        }
    }

    #[test]
    fn boilerplate_table() {
        // (candidate, truth, leaked header lines, leaked page lines, embedded)
        let cases = [
            (
                "正文。\n— 3 —\n2023 澜江湾集成电路产业发展报告\n继续。",
                "正文。\n继续。",
                1,
                1,
                0,
            ),
            (
                "正文。\n2024澜江湾集成电路产业发展报告\n2\n第 2 页 共 3 页",
                "正文。",
                1,
                2,
                0,
            ),
            // A bare number above the page count is content split off.
            ("正文\n2023\n年。", "正文2023年。", 0, 0, 0),
            ("正文。\n- 12 -", "正文。", 0, 1, 0),
            ("正文— 2 —继续。", "正文继续。", 0, 0, 1),
            (
                "正文2023澜江湾集成电路产业发展报告继续。",
                "正文继续。",
                0,
                0,
                1,
            ),
            // A number that is a line of the truth is content.
            ("目录\n2\n正文", "目录\n2\n正文", 0, 0, 0),
            // So is a section number split from its heading.
            ("正文。\n3\n轨道交通", "正文。\n3 轨道交通", 0, 0, 0),
            ("共有 1/3 的企业", "共有1/3的企业", 0, 0, 0),
        ];
        for (cand, truth, h, p, e) in cases {
            let c = counts(cand, truth);
            assert_eq!(
                (
                    c.leaked_headers,
                    c.leaked_page_numbers,
                    c.embedded_boilerplate
                ),
                (h, p, e),
                "{cand:?}"
            );
        }
    }

    #[test]
    fn segmentation() {
        let same = counts("我们来到北京清华大学", "我们来到北京清华大学");
        assert_eq!(same.words_hit, same.words_output);
        assert_eq!(same.words_hit, same.words_truth);
        let spaced = counts("我 们 来 到 北 京 清 华 大 学", "我们来到北京清华大学");
        assert_eq!(spaced.words_hit, 0);
        assert!(Figures::from(spaced).segmentation_f1 < 0.01);
    }

    #[test]
    fn numbers_found() {
        let s = Seq::new("约1286.4亿元，3 5年，v1.2.3");
        let found: Vec<String> = numbers(&s)
            .into_iter()
            .map(|(a, b)| s.chars[a..b].iter().collect())
            .collect();
        assert_eq!(found, ["1286.4", "3", "5", "1.2", "3"]);
    }
}
