//! Folding subscript and superscript digits to plain digits, on request.
//!
//! `Ga₂O₃` and `m²` are right as they are, and zhtidy keeps them by
//! default; a search index or a tokenizer that knows only ASCII digits
//! wants `Ga2O3` and `m2`. A subscript digit is always part of a formula.
//! A superscript digit is folded only after a letter (a unit's or a
//! formula's exponent, with its `⁻`: `s⁻¹` is `s-1`, also across
//! whitespace, which later passes may remove, and across a bullet alone on
//! its line, which the lines pass may move): after a digit it is
//! the exponent of a figure (`3×10⁸`), which plain digits would turn into
//! another figure.

use crate::edit::Edit;
use crate::rule::Rule;

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

fn subscript(c: char) -> Option<usize> {
    ('₀'..='₉').contains(&c).then(|| c as usize - '₀' as usize)
}

fn superscript(c: char) -> Option<usize> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as usize - '⁴' as usize + 4),
        _ => None,
    }
}

/// The plain digit a subscript or superscript digit folds to (`₂` → `2`).
pub fn plain_digit(c: char) -> Option<char> {
    subscript(c)
        .or_else(|| superscript(c))
        .map(|d| char::from(b'0' + d as u8))
}

/// Proposes the folding edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    // Whether the superscripts here follow a letter.
    let mut after_letter = false;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if let Some(d) = subscript(c) {
            out.push(Edit::replace(at..end, DIGITS[d], Rule::ScriptDigit));
        } else if let Some(d) = superscript(c).filter(|_| after_letter) {
            out.push(Edit::replace(at..end, DIGITS[d], Rule::ScriptDigit));
            continue;
        } else if c == '⁻' && after_letter {
            // The sign of an exponent, or an ion's charge (`Cl⁻`), which
            // stays.
            let next = text[end..].chars().find(|c| !c.is_whitespace());
            if next.and_then(superscript).is_some() {
                out.push(Edit::replace(at..end, "-", Rule::ScriptDigit));
            }
            continue;
        }
        // Whitespace between does not count: the spacing and lines passes
        // may remove it, and the fold must not depend on whether they do.
        // Nor does a bullet alone on its line, which the lines pass may
        // move back to the start of its item.
        let lone_bullet = || crate::chars::is_lone_bullet_mark(c) && alone_on_line(text, at..end);
        if !c.is_whitespace() && !lone_bullet() {
            after_letter = c.is_alphabetic() && !crate::chars::is_han(c);
        }
    }
}

/// Whether the character at `at` stands alone on its line, spaces and
/// tabs aside. Only the blanks next to it are read, so a line of many
/// bullets is still scanned once.
fn alone_on_line(text: &str, at: std::ops::Range<usize>) -> bool {
    let blank = |b: &&u8| matches!(b, b' ' | b'\t');
    let bytes = text.as_bytes();
    let before = bytes[..at.start].iter().rev().find(|b| !blank(b));
    let after = bytes[at.end..].iter().find(|b| !blank(b));
    before.is_none_or(|&b| b == b'\n') && after.is_none_or(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use crate::{Pass, Tidy};

    /// (input, folded by the pipeline with the pass on, why)
    const CASES: &[(&str, &str, &str)] = &[
        ("Ga₂O₃", "Ga2O3", "subscripts of a formula"),
        ("120m²", "120m2", "a unit's exponent"),
        ("cm³", "cm3", "a prefixed unit's exponent"),
        ("s⁻¹", "s-1", "a negative exponent"),
        ("H₂O和CO₂", "H2O和CO2", "formulas in Chinese text"),
        ("3×10⁸", "3×10⁸", "a figure's exponent stays"),
        ("x=10⁻³", "x=10⁻³", "a negative exponent of a figure stays"),
        ("脚注¹", "脚注¹", "a footnote mark after Han stays"),
        ("2²", "2²", "a square of a digit stays"),
        ("m2", "m2", "plain digits are already plain"),
        ("a ²", "a 2", "whitespace between may go later"),
        ("Cl⁻", "Cl⁻", "an ion's charge stays"),
        ("A⁻ ²", "A- 2", "an exponent's sign across whitespace"),
        (
            "中ｗ\n-\n²，中",
            "中w\n-2，中",
            "a bullet alone on its line between may move",
        ),
    ];

    #[test]
    fn table() {
        crate::quantity::tests::check_repairs(&Tidy::new().with(Pass::ScriptDigits, true), CASES);
    }
}
