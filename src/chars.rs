//! Character classes shared by the passes.
//!
//! The Han ranges come from the generated tables; the punctuation classes are
//! zhtidy's policy (which marks end a sentence, which open a bracket) and so
//! are written here.

use crate::tables;

/// A character of the Han script: unified ideographs, extensions,
/// compatibility ideographs, radicals, `々`, `〇`. Every pass asks it of
/// most characters, so the two checks that answer for nearly all of them
/// are inlined, and the table searched only past them.
#[inline]
pub fn is_han(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x2E80 {
        return false;
    }
    if (0x4E00..=0x9FFF).contains(&cp) {
        return true;
    }
    in_han_table(cp)
}

fn in_han_table(cp: u32) -> bool {
    tables::HAN
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// A list bullet symbol (`•`, `▪`, `■`...), as the glyph pass writes
/// private-use bullets.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '·' | '▪' | '■' | '●' | '◆' | '◇' | '○' | '►' | '▶')
}

/// A mark that is a bullet when it stands alone on its line: a bullet
/// symbol, or an ASCII `-` or `*`, which the item's text no longer follows
/// on that line.
pub fn is_lone_bullet_mark(c: char) -> bool {
    is_bullet(c) || c == '-' || c == '*'
}

/// Whether `marker` followed by a space and `item` begins a list item
/// written with an ASCII bullet (`- 双特异性抗体`, `* 注意`); `- 3` is a
/// negative number or a page number instead.
pub fn is_ascii_bullet(marker: &str, item: &str) -> bool {
    matches!(marker, "-" | "*") && !item.starts_with(|c: char| c.is_ascii_digit())
}

/// `第三章`, `第2节`, `第一部分`, `附录A`, `附录二`, `图1-1`, `表3.2`: the
/// number of a chapter, section, appendix, figure or table that opens a
/// heading or caption.
pub fn is_heading_label(token: &str) -> bool {
    let is_number = |c: char| c.is_ascii_digit() || is_chinese_numeral(c);
    if let Some(rest) = token.strip_prefix('第') {
        let inner = rest.trim_start_matches(is_number);
        inner.len() < rest.len() && ["章", "节", "部分", "篇", "编", "条"].contains(&inner)
    } else if let Some(rest) = ["附录", "图", "表"]
        .iter()
        .find_map(|p| token.strip_prefix(p))
    {
        let mut chars = rest.chars();
        chars
            .next()
            .is_some_and(|c| is_number(c) || c.is_ascii_uppercase())
            && chars.all(|c| is_number(c) || c == '.' || c == '-')
    } else {
        false
    }
}

/// Whether `text` opens with a year of four digits and `年`, spaced out or
/// not (`2024年`, `2 0 2 4 年`): the title after a section number
/// (`4.1 2024年经营计划`), never the rest of its figure.
pub fn opens_with_year(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars().filter(|&c| c != ' ') {
        match c {
            '1' | '2' if digits == 0 => digits += 1,
            '0'..='9' if (1..4).contains(&digits) => digits += 1,
            '年' => return digits == 4,
            _ => return false,
        }
    }
    false
}

/// A Kangxi radical or CJK Radicals Supplement character (`⼀`, `⽅`).
#[inline]
pub fn is_radical(c: char) -> bool {
    ('\u{2E80}'..='\u{2FDF}').contains(&c)
}

pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '：'
            | '；'
            | '！'
            | '？'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '…'
            | '—'
            | '～'
            | '·'
            | '〖'
            | '〗'
            | '％'
            | '．'
            | '｛'
            | '｝'
            | '［'
            | '］'
            | '＜'
            | '＞'
            | '〜'
            | '＂'
            | '＇'
    )
}

/// Marks that end a sentence, and so a line that ends with one may end a block.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '…' | '!' | '?')
}

/// Closing quotes and brackets that may follow a sentence end.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | '》' | '】' | '〕' | ')' | ']' | '"' | '\''
    )
}

/// Marks that end no block: a comma or an enumeration comma leaves its
/// sentence open, so a line that stops at one is a wrap, however short
/// (pdftotext cuts lines where the font changes). A heading or item after
/// one still starts a block: a lead-in can end in a comma.
pub fn ends_no_block(c: char) -> bool {
    matches!(c, '，' | '、')
}

/// Marks that cannot close a line: an opening bracket, title mark or
/// quote, and a range's tilde (`0.4 MPa～` / `0.6 MPa`). Chinese
/// typesetting keeps them with what follows, so a line that stops at one
/// continues on the next, whatever the next line starts with.
pub fn closes_no_line(c: char) -> bool {
    matches!(c, '～' | '（' | '《' | '“' | '【' | '〔')
}

/// Marks that cannot open a line: a line that starts with one continues
/// the line before.
pub fn opens_no_line(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '”'
            | '’'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '…'
            | ','
            | '.'
            | ';'
            | ':'
            | ')'
            | '%'
            | '％'
    )
}

/// Opening quotes and brackets.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '「' | '『' | '（' | '《' | '【' | '〔' | '(' | '['
    )
}

/// Horizontal whitespace as extractors emit it inside a line.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// The Chinese numerals of enumerations and chapter numbers (`一、`,
/// `第三章`).
pub fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '〇' | '零'
    )
}

/// Characters of Latin text in Chinese: ASCII letters, digits and marks,
/// and the signs that figures, units and formulas write among them (`μm`,
/// `30℃`, `m²`, `≥5`, `1∶4`, `3×10⁸`, `γ 辐射`, `Ⅲ 类`). A space between
/// such text and Han is the typesetter's, whatever sign ends the text.
pub fn is_latin_text(c: char) -> bool {
    c.is_ascii_graphic()
        || matches!(
            c,
            'μ' | 'µ'
                | 'Ω'
                | '℃'
                | '℉'
                | '°'
                | '±'
                | '≥'
                | '≤'
                | '≈'
                | '×'
                | '÷'
                | '∶'
                | '‰'
                | '‱'
                | '¹'
                | '²'
                | '³'
                | '⁰'..='⁹'
                | '⁻'
                | '₀'..='₉'
                | 'α'..='ω'
                | 'Α'..='Ρ'
                | 'Σ'..='Ψ'
                | 'Ⅰ'..='ⅿ'
        )
}

/// Han characters and the full-width marks that sit between them.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for (c, han) in [
            ('中', true),
            ('⽅', true),
            ('々', true),
            ('〇', true),
            ('𠀀', true),
            ('a', false),
            ('。', false),
            ('１', false),
        ] {
            assert_eq!(is_han(c), han, "{c}");
        }
        assert!(is_cjk_punct('，') && !is_cjk_punct(','));
        for (c, latin) in [
            ('a', true),
            ('μ', true),
            ('℃', true),
            ('²', true),
            ('γ', true),
            ('Ⅲ', true),
            ('中', false),
            ('，', false),
            ('·', false),
        ] {
            assert_eq!(is_latin_text(c), latin, "{c}");
        }
    }
}
