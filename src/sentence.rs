//! Sentences of repaired text, as byte ranges.
//!
//! Repaired text has one block (paragraph, heading, list item) per line, so
//! a line break always ends a sentence. Within a block a sentence ends:
//!
//! * after `。！？；` or an ellipsis `…`/`……`, always: in Chinese text they
//!   have no other use;
//! * after ASCII `?` and `!` when what follows is a space, the end of the
//!   block or Chinese text (so `?` inside a URL's query does not split);
//! * after an ASCII `.` likewise, unless it ends a Latin abbreviation
//!   (`Fig.`, `No.`, `U.S.`, `e.g.`), an enumeration (`1.`, `a.`) or the
//!   next text starts with a lower-case letter or a digit; a decimal point
//!   is never followed by a space, so it never splits.
//!
//! Marks that end sentences in a row (`？！`, `……。`) and the closing
//! quotes and brackets after them (`。”`, `！’”）`) stay with the sentence
//! they close; an opening quote after `。` starts the next sentence. An ASCII
//! `"` or `'` closes only when the sentence has opened one (an odd count).
//! Nothing inside a `《》` title ends a sentence, provided the title closes
//! within the block (an unclosed `《` is taken for a stray mark).
//!
//! Sentences are trimmed of surrounding whitespace; a block of only
//! whitespace has none.

use std::ops::Range;

use crate::chars;

/// The sentences of `text` in order.
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { text, at: 0 }
}

/// Iterator over the sentences of a text; see [`sentences`]. It does not
/// allocate.
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        let end = sentence_end(self.text, start);
        self.at = end;
        Some(start..start + self.text[start..end].trim_end().len())
    }
}

/// Characters that end a block: repaired text has one block per line.
fn is_block_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The character at byte `i` of `text`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Where the sentence that starts at `start` (a non-whitespace character)
/// ends: after its last mark and closers, or at the block's end.
fn sentence_end(text: &str, start: usize) -> usize {
    // Once a `《` finds no `》` before the block ends, no later one will.
    let mut titles_close = true;
    let mut i = start;
    while let Some(c) = char_at(text, i) {
        if is_block_break(c) {
            return i;
        }
        let next = i + c.len_utf8();
        if c == '《' && titles_close {
            match title_close(text, next) {
                Some(after) => {
                    i = after;
                    continue;
                }
                None => titles_close = false,
            }
        }
        if chars::is_sentence_end(c) || c == '.' {
            let after = closers_end(text, start, next);
            if ends_sentence(text, start, i, c, after) {
                return after;
            }
        }
        i = next;
    }
    text.len()
}

/// The offset after the `》` that closes a title opened just before `from`,
/// if it closes within the block.
fn title_close(text: &str, from: usize) -> Option<usize> {
    for (j, c) in text[from..].char_indices() {
        if c == '》' {
            return Some(from + j + c.len_utf8());
        }
        if is_block_break(c) {
            break;
        }
    }
    None
}

/// The end of the run of sentence marks and closing quotes and brackets
/// that starts at `from`, within the sentence that starts at `start`.
fn closers_end(text: &str, start: usize, from: usize) -> usize {
    let mut i = from;
    while let Some(c) = char_at(text, i) {
        let takes = if c == '"' || c == '\'' {
            // Ambiguous straight quotes close only what the sentence opened.
            text[start..i].matches(c).count() % 2 == 1
        } else {
            chars::is_sentence_end(c) || chars::is_closing(c)
        };
        if !takes {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Whether the mark `c` at `at`, whose closers end at `after`, ends the
/// sentence that started at `start`.
fn ends_sentence(text: &str, start: usize, at: usize, c: char, after: usize) -> bool {
    if !matches!(c, '.' | '?' | '!') {
        return true;
    }
    let is_gap = |f: char| chars::is_space(f) || f == '\u{3000}';
    match char_at(text, after) {
        None => return true,
        Some(f) if is_block_break(f) => return true,
        // Chinese text right after the mark: `?` and `!` end; `.` may
        // still end an abbreviation (`U.S.公司`).
        Some(f) if chars::is_cjk(f) => {}
        Some(f) if is_gap(f) => {
            let next = text[after..].trim_start_matches(is_gap).chars().next();
            if next.is_some_and(|g| g.is_lowercase() || g.is_ascii_digit()) {
                return false;
            }
        }
        // Latin, digits, other marks: a URL, a decimal, `a.b`.
        Some(_) => return false,
    }
    c != '.' || !is_abbreviation(&text[start..at])
}

/// Latin abbreviations that end with a full stop inside a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Fig", "Figs", "No", "Nos", "Vol", "vol", "pp", "Eq", "Eqs", "Ref", "Refs", "Tab", "Sec", "Ch",
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "vs", "etc",
    "al", "cf", "approx", "Art", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
];

/// Whether a full stop after `before` (the sentence so far) ends an
/// abbreviation or an enumeration rather than the sentence.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // `1.` or `a.` opening a block numbers a list item.
    let enumeration = word_start == 0
        && (word.bytes().all(|b| b.is_ascii_digit()) || word.len() == 1)
        && !word.contains('.');
    // `U.S`, `e.g`, `J`: single letters between full stops are initials.
    let initials = word
        .split('.')
        .all(|part| part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic()));
    enumeration || initials || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_table() {
        // (input, sentences, why)
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "今天很好。我们走吧！",
                &["今天很好。", "我们走吧！"],
                "。 and ！ end sentences",
            ),
            (
                "一是甲；二是乙。",
                &["一是甲；", "二是乙。"],
                "； ends a sentence",
            ),
            (
                "他说：“今天很好。”我们走吧。",
                &["他说：“今天很好。”", "我们走吧。"],
                "the closing quote stays with the sentence it closes",
            ),
            (
                "“你好。”“再见。”",
                &["“你好。”", "“再见。”"],
                "an opening quote after 。” starts the next sentence",
            ),
            (
                "好。“再见。”",
                &["好。", "“再见。”"],
                "an opening quote after 。 starts the next sentence",
            ),
            (
                "他说：“她问我‘你去吗？’我说不。”然后走了。",
                &["他说：“她问我‘你去吗？’", "我说不。”", "然后走了。"],
                "nested quotes close together",
            ),
            (
                "（见附表。）下文",
                &["（见附表。）", "下文"],
                "a closing bracket stays too",
            ),
            (
                "我想……算了。还是走吧",
                &["我想……", "算了。", "还是走吧"],
                "an ellipsis ends a sentence",
            ),
            (
                "等等……。然后",
                &["等等……。", "然后"],
                "marks in a row stay together",
            ),
            (
                "真的吗？！是的。",
                &["真的吗？！", "是的。"],
                "？！ is one end",
            ),
            (
                "增长12.7%。下降3.5个点",
                &["增长12.7%。", "下降3.5个点"],
                "no split at a decimal point",
            ),
            (
                "阅读《你好！世界。》一书。然后",
                &["阅读《你好！世界。》一书。", "然后"],
                "nothing inside a title ends a sentence",
            ),
            (
                "书名《未完。下一句。",
                &["书名《未完。", "下一句。"],
                "an unclosed 《 is a stray mark",
            ),
            (
                "如Fig. 3所示。下文",
                &["如Fig. 3所示。", "下文"],
                "Fig. is an abbreviation",
            ),
            (
                "见No. 5文件。",
                &["见No. 5文件。"],
                "No. is an abbreviation",
            ),
            (
                "美国U.S. Steel公司成立。",
                &["美国U.S. Steel公司成立。"],
                "initials are an abbreviation",
            ),
            (
                "他说：This is good. It works! 然后离开。",
                &["他说：This is good.", "It works!", "然后离开。"],
                "English sentences inside Chinese",
            ),
            (
                "e.g. this one. Not that.",
                &["e.g. this one.", "Not that."],
                "a lower-case follower continues the sentence",
            ),
            (
                "你好吗?我很好!再见",
                &["你好吗?", "我很好!", "再见"],
                "ASCII ? and ! in Chinese text",
            ),
            (
                "访问http://a.com/?q=1查看。",
                &["访问http://a.com/?q=1查看。"],
                "a ? inside a URL",
            ),
            (
                "版本v1.2发布。",
                &["版本v1.2发布。"],
                "a dot between Latin and digits",
            ),
            (
                "标题\n正文。\n\n  结尾  ",
                &["标题", "正文。", "结尾"],
                "a block always ends a sentence",
            ),
            (
                "1. 概述\n2. 方法",
                &["1. 概述", "2. 方法"],
                "an enumeration is no sentence",
            ),
            (
                "他说\"好。\"然后走。",
                &["他说\"好。\"", "然后走。"],
                "a straight quote closes what the sentence opened",
            ),
            (
                "好。\"再见\"",
                &["好。", "\"再见\""],
                "a straight quote that opens",
            ),
            ("", &[], "empty text"),
            (" \n\x0c ", &[], "only whitespace"),
        ];
        for (input, want, why) in cases {
            assert_eq!(split(input), *want, "{why}: {input:?}");
        }
    }
}
