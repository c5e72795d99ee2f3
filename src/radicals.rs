//! The radical pass: Kangxi radicals (U+2F00..) and CJK Radicals Supplement
//! characters (U+2E80..) that a font's encoding put in place of the unified
//! ideograph they look like (`⽅法` for `方法`).
//!
//! A radical is also a legitimate character (a dictionary's radical table,
//! `部首⼀`), so the swap needs evidence from the neighbours. The rule:
//!
//! * a radical followed by a Han character is part of a word: swap it
//!   (`⽅法`; in `⽅⾯的` the chain `⾯的` anchors `⽅` too);
//! * a radical preceded by a Han character and followed by Chinese
//!   punctuation ends a word: swap it (`地⽅。`);
//! * anything else stays: `部首⼀` at a line end, radicals between spaces
//!   (`⼀ ⼁ ⼂`), runs of radicals with no ideograph (`⼀⼁⼂`).
//!
//! The pass runs after line joining, so a word broken across lines
//! (`地⽅` / `法`) is judged whole.

use crate::chars::{is_cjk_punct, is_han, is_radical};
use crate::edit::Edit;
use crate::rule::Rule;
use crate::tables;

/// The unified ideograph a radical stands for (`⽅` → `方`).
pub fn equivalent(c: char) -> Option<&'static str> {
    if !is_radical(c) {
        return None;
    }
    let i = tables::RADICALS
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()?;
    Some(tables::RADICALS[i].1)
}

/// The ideograph a radical stands for; any other character itself. For
/// comparing text the way a reader sees it (`推⼴` is `推广`). A line's
/// key asks it of every character and almost none is a radical, so the
/// range check is inlined and the table searched only past it.
#[inline]
pub fn unified(c: char) -> char {
    if !is_radical(c) {
        return c;
    }
    equivalent(c).and_then(|s| s.chars().next()).unwrap_or(c)
}

/// Proposes the radical edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    // Radicals are encoded `E2 BA 80` to `E2 BF 9F`: most texts have none,
    // and a byte search says so without decoding a character.
    let bytes = text.as_bytes();
    let maybe = memchr::memchr_iter(0xE2, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|b| (0xBA..=0xBF).contains(b)));
    if !maybe || !text.chars().any(|c| equivalent(c).is_some()) {
        return;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // anchored_right[i]: chars[i] is a radical with Han to its right.
    let mut anchored_right = vec![false; chars.len()];
    for i in (0..chars.len()).rev() {
        if equivalent(chars[i].1).is_none() {
            continue;
        }
        anchored_right[i] = match chars.get(i + 1) {
            Some(&(_, next)) if equivalent(next).is_some() => anchored_right[i + 1],
            Some(&(_, next)) => is_han(next),
            None => false,
        };
    }
    let mut previous_swapped_or_han = false;
    let first = out.len();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let Some(unified) = equivalent(c) else {
            previous_swapped_or_han = is_han(c);
            continue;
        };
        let next_is_punct = chars.get(i + 1).is_some_and(|&(_, n)| is_cjk_punct(n));
        let swap = anchored_right[i] || (previous_swapped_or_han && next_is_punct);
        if swap {
            out.push(Edit::replace(at..at + c.len_utf8(), unified, Rule::Radical));
        }
        previous_swapped_or_han = swap;
    }
    debug_assert!(out[first..]
        .windows(2)
        .all(|w| w[0].range.end <= w[1].range.start));
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &[(&str, &str, &str)] = &[
        ("⽅法", "方法", "a radical before Han is a word"),
        (
            "在这⽅⾯的工作",
            "在这方面的工作",
            "a chain of radicals anchored by Han",
        ),
        ("地⽅。", "地方。", "after Han, before Chinese punctuation"),
        (
            "部首⼀",
            "部首⼀",
            "at a line end after a label: a radical in a table",
        ),
        ("部首 ⼀ ⼁ ⼂", "部首 ⼀ ⼁ ⼂", "radicals between spaces"),
        ("⼀⼁⼂", "⼀⼁⼂", "radicals with no ideograph"),
        ("⾼速公路", "高速公路", "Kangxi radical ⾼"),
        ("⻓江", "长江", "radicals supplement ⻓ (U+2EC5)"),
        ("A⽅B", "A⽅B", "Latin on both sides: no evidence"),
    ];

    #[test]
    fn table() {
        crate::edit::testing::check(edits, CASES);
    }
}
