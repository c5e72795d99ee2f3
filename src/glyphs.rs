//! The glyph pass: characters that a PDF's font encoding put in place of the
//! ones the author typed.
//!
//! Each repair is a character-for-text swap with its own rule:
//!
//! | rule                       | what                                   | why it is safe |
//! |----------------------------|----------------------------------------|----------------|
//! | `glyphs.compat_ideograph`  | U+F900.. to its canonical equivalent    | canonically equivalent: same character |
//! | `glyphs.fullwidth`         | `Ａ`..`Ｚ`, `ａ`..`ｚ`, `０`..`９` to ASCII | only letters and digits: Chinese punctuation (`，。：（）`) stays full-width |
//! | `glyphs.dash`              | `⸺` to `——`, `⸻` to `———`             | fonts draw the Chinese dash pair as one glyph |
//! | `glyphs.bullet`            | a private-use character at a line start to `•` | symbol fonts put bullets in the private-use area |
//! | `glyphs.ligature`          | `ﬁ` to `fi` ...                        | compatibility ligatures carry no meaning |
//! | `glyphs.odd_space`         | NBSP, U+2000..U+200A, U+202F, U+205F, U+3000 inside a line to a space | the spacing pass then decides whether the space is real |
//! | `glyphs.invisible`         | ZWSP, word joiner, inner BOM, soft hyphen removed | invisible, and they break search |
//!
//! Never blanket NFKC: it would turn `，` into `,` and `①` into `1`.
//! Radicals (`⽅` for `方`) need context and have their own pass,
//! [`crate::radicals`].

use crate::edit::Edit;
use crate::rule::Rule;
use crate::tables;

/// Proposes the glyph edits for `text`.
///
/// Every character this pass repairs starts with one of six UTF-8 lead
/// bytes (U+00A0..U+00BF, U+2000..U+2FFF, U+3000..U+3FFF, U+E000..U+FFFF
/// and the supplementary compatibility ideographs), so the scan skips from
/// one such byte to the next instead of decoding every character: Han
/// text and ASCII pass at memory speed. A vector search finds three bytes
/// at a time, so two searches, for the common and the rare three, are
/// read in step.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    let mut common = memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes).peekable();
    let mut rare = memchr::memchr3_iter(0xC2, 0xEE, 0xF0, bytes).peekable();
    let mut line_start = LineStart { known: 0, is: true };
    loop {
        let next = match (common.peek(), rare.peek()) {
            (Some(a), Some(b)) if b < a => rare.next(),
            (None, Some(_)) => rare.next(),
            _ => common.next(),
        };
        let Some(at) = next else { break };
        if is_common_punctuation(&bytes[at..]) {
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let end = at + c.len_utf8();
        let starts = std::cell::OnceCell::new();
        let starts_line = || *starts.get_or_init(|| line_start.at(text, at));
        if let Some((replacement, rule)) = repair(c, starts_line) {
            out.push(Edit::replace(at..end, replacement, rule));
        }
        if let Some(&is) = starts.get() {
            line_start = LineStart {
                known: end,
                is: is && is_transparent(c),
            };
        }
    }
}

/// Whether the character that `bytes` open is Chinese punctuation of the
/// kind that fills Chinese text (`，`, `。`, `“”`, `——`), told from its
/// bytes: such marks share their lead bytes with the characters this pass
/// repairs, but [`repair`] keeps them all, without asking where the line
/// starts.
fn is_common_punctuation(bytes: &[u8]) -> bool {
    match bytes {
        // U+3001..U+303F (`、。《》「」`); U+3000 is an odd space.
        [0xE3, 0x80, b, ..] => *b != 0x80,
        // U+FF00..U+FF3F but the full-width digits and capitals (`，：（）`).
        [0xEF, 0xBC, b, ..] => !matches!(b, 0x90..=0x99 | 0xA1..=0xBA),
        // U+2010..U+202E (`—“”…`).
        [0xE2, 0x80, b, ..] => (0x90..=0xAE).contains(b),
        _ => false,
    }
}

/// Whether a position is at the start of its line: only spaces and
/// invisible characters between it and the line's start. The answer for
/// the last position asked is kept, so a line of nothing but odd spaces is
/// read once, not once per space.
struct LineStart {
    known: usize,
    is: bool,
}

impl LineStart {
    fn at(&self, text: &str, at: usize) -> bool {
        let from = if self.known <= at { self.known } else { 0 };
        match text[from..at].chars().rev().find(|&c| !is_transparent(c)) {
            Some(c) => c == '\n' || c == '\u{c}',
            None if from == 0 => true,
            None => self.is,
        }
    }
}

/// Spaces and invisible characters: they do not end a line's start.
fn is_transparent(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{A0}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// What a single character becomes, if anything. `line_start` is asked
/// only for the characters whose repair depends on it.
fn repair(c: char, line_start: impl Fn() -> bool) -> Option<(&'static str, Rule)> {
    let cp = c as u32;
    if cp < 0xA0 {
        return None;
    }
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            Some((ascii_str((cp - 0xFEE0) as u8), Rule::Fullwidth))
        }
        '\u{2E3A}' => Some(("——", Rule::Dash)),
        '\u{2E3B}' => Some(("———", Rule::Dash)),
        '\u{E000}'..='\u{F8FF}' if line_start() => Some(("•", Rule::Bullet)),
        '\u{3000}' if line_start() => None,
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some((" ", Rule::OddSpace))
        }
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => Some(("", Rule::Invisible)),
        '\u{FB00}'..='\u{FB06}' => lookup(tables::LIGATURES, c).map(|s| (s, Rule::Ligature)),
        '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}' => {
            lookup(tables::COMPAT_IDEOGRAPHS, c).map(|s| (s, Rule::CompatIdeograph))
        }
        _ => None,
    }
}

fn lookup<T: Copy>(table: &[(char, T)], c: char) -> Option<T> {
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// The printable ASCII characters as static strings, so that an edit's
/// replacement never allocates.
fn ascii_str(b: u8) -> &'static str {
    const ASCII: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    let i = (b - b' ') as usize;
    &ASCII[i..i + 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected, why)
    const CASES: &[(&str, &str, &str)] = &[
        (
            "ＡＢＣ１２３",
            "ABC123",
            "full-width letters and digits are ASCII",
        ),
        (
            "价格：１２元，（含税）。",
            "价格：12元，（含税）。",
            "Chinese punctuation stays full-width",
        ),
        (
            "抗阿尔茨海默病新药⸺九期一",
            "抗阿尔茨海默病新药——九期一",
            "two-em dash is the Chinese dash pair",
        ),
        ("结束⸻", "结束———", "three-em dash"),
        (
            "\u{F06C} 项目一\n\u{F0B7}项目二",
            "• 项目一\n•项目二",
            "private-use bullets at line start",
        ),
        (
            "  \u{F0A7} 缩进",
            "  • 缩进",
            "a bullet after indentation is still at the line start",
        ),
        (
            "中\u{F06C}文",
            "中\u{F06C}文",
            "private use inside a line is not a bullet: left for the report",
        ),
        ("ﬁnance ﬂow", "finance flow", "ligatures spelled out"),
        (
            "上海\u{A0}交通",
            "上海 交通",
            "NBSP inside a line becomes a space for the spacing pass",
        ),
        (
            "数据\u{3000}分析",
            "数据 分析",
            "ideographic space inside a line",
        ),
        (
            "\u{3000}\u{3000}段落开头",
            "\u{3000}\u{3000}段落开头",
            "ideographic indentation at the line start is kept",
        ),
        (
            "人工\u{200B}智能\u{AD}",
            "人工智能",
            "zero-width space and soft hyphen removed",
        ),
        (
            "\u{F900}\u{F901}",
            "\u{8C48}\u{66F4}",
            "compatibility ideographs to canonical",
        ),
        ("部首⼀", "部首⼀", "radicals are not this pass's business"),
        (
            "，。、：；！？（）《》“”‘’【】…—",
            "，。、：；！？（）《》“”‘’【】…—",
            "all Chinese punctuation untouched",
        ),
        (
            "①②③ ℃ ㎡ ™",
            "①②③ ℃ ㎡ ™",
            "no NFKC: symbols keep their form",
        ),
    ];

    #[test]
    fn table() {
        crate::edit::testing::check(edits, CASES);
    }
}
