//! Quantities: the numbers, measures, money, dates, ranges and codes of a
//! repaired text, each with its kind, exact value and unit.
//!
//! Technical Chinese is dense with figures (`28nm`, `300mm硅片`, `750℃`,
//! `20—14nm`, `15万片/月`, `100亿元`), and a corpus builder or a search
//! index wants each as one fact: `15万片/月` is 150,000 with the unit
//! `片/月`. [`find`] reads them from text that the repair passes have made
//! whole (the [`Pass::Quantities`](crate::Pass::Quantities) pass rejoins
//! figures that spacing tore apart); [`crate::Repaired::quantities`] also
//! gives each one's range in the original input.
//!
//! What counts as what:
//!
//! - a figure is digits with thousands separators (`1,700`), a decimal
//!   part, a sign after a non-word character (`-3.5℃`), an exponent
//!   (`1e-3`, `3×10⁸`) and a Chinese magnitude (`万`, `亿`, `万亿`, `千万`),
//!   applied exactly to the value; or Chinese numerals followed by a unit
//!   (`一九九八年`, `三十一日`, `五倍`) or a fraction (`四十分之一`,
//!   `百分之五十`). Chinese numerals with no unit are words (`一些`,
//!   `统一`, `十分重要`), and an ordinal (`第三`) is not a quantity;
//! - the unit comes from the tables of [`units`]: SI with prefixes,
//!   compounds (`km/h`, `W/(m·K)`, `m²`), Chinese units and counters. A
//!   Latin unit may follow after one space (`1200 mm`), never inside a
//!   word: `5 samples` is a number;
//! - a *range* is two figures joined by `—`, `–`, `~`, `～`, `至`, `到`
//!   (`20—14nm`, `3~5年`, `10%～15%`), or by `-` when a unit follows
//!   (`3-5年`; `0797-88234` is a telephone number). A range without a unit
//!   must run upwards, so `GB 3838—2002` (a standard and its year) is not
//!   one;
//! - a *date* is a year of four digits, a month up to 12 and a day up to 31
//!   with `年`, `月`, `日`/`号` (`2019年11月23日`), or `2019-11-23`; a *time*
//!   is `8:30` or `14:05:30`. `3年` is a duration, a measure;
//! - *money* is a figure in a currency (`7亿元`, `20亿美元`), a *percent*
//!   one in `%` or `‰`;
//! - an *identifier* is a code or formula (`C919`, `ARJ21`, `5G`, `Ga2O3`,
//!   `Ga₂O₃`, `SiC`, `LiFePO4`, `PM2.5`), a section or version number
//!   (`3.4.2`) or a figure with a leading zero (`0797`): kept whole like a
//!   quantity, but it has no value.

mod decimal;
mod rejoin;
pub mod scripts;
pub mod units;

use std::fmt;
use std::ops::Range;

pub use decimal::Decimal;
pub use rejoin::{continues_across_lines, edits};

use crate::chars::is_han;

/// What a quantity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Number,
    Percent,
    Range,
    Date,
    Time,
    Money,
    Measure,
    Identifier,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Percent => "percent",
            Kind::Range => "range",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Money => "money",
            Kind::Measure => "measure",
            Kind::Identifier => "identifier",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A quantity's value, with any magnitude applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Identifiers have none.
    None,
    Exact(Decimal),
    Range {
        low: Decimal,
        high: Decimal,
    },
    /// Dates and times in ISO 8601 (`2019-11-23`, `--11-23` for a day of
    /// a month, `08:30`), and fractions with no finite decimal (`1/3`).
    Text(String),
}

/// One quantity found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Where it is in the text searched.
    pub range: Range<usize>,
    /// Where it came from in the original input: the same as `range` for
    /// [`find`], mapped back for [`crate::Repaired::quantities`].
    pub source: Range<usize>,
    pub kind: Kind,
    pub value: Value,
    /// As written, without the magnitude (`15万片/月` has `片/月`).
    pub unit: Option<String>,
}

/// Whether a number that opens a line is a count, a measure or a date, not
/// a section number: a Chinese unit or magnitude follows it (`9 月下旬`,
/// `2.4 万只`, `1.5 公斤`) and the line goes on as a sentence, with a comma
/// or full stop. A heading after a section number has neither together
/// (`1 引言`; `2 人工智能` opens with a unit but has no comma; `2.6 产品…，`
/// is a heading the lines pass joined to its paragraph), and a list number
/// with its dot (`4. 总投资…，`) is never a count. `rest` is the line after
/// the number and its space. The spacing pass removes that space, and the
/// lines pass does not start a block there, by this one judgement: had
/// they judged apart, a second repair would join what the first kept.
pub fn opens_count(number: &str, rest: &str) -> bool {
    !number.ends_with('.')
        && (units::chinese_len(rest, false) > 0 || units::magnitude(rest).is_some())
        && rest.contains(['，', '。', '；'])
}

/// Every quantity of `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        let prev = text[..i].chars().next_back();
        let found = if prev.is_some_and(is_word_char) {
            None
        } else if c.is_ascii_alphanumeric() || starts_signed(prev, rest) {
            Some(latin_at(rest))
        } else if is_han_numeral(c) && !prev.is_some_and(|p| is_han_numeral(p) || p == '第') {
            Some(han_at(rest))
        } else {
            None
        };
        match found {
            // Every step moves on: a quantity of no length would be found
            // at the same place forever.
            Some(Step::Found(len, kind, value, unit)) if len > 0 => {
                out.push(Quantity {
                    range: i..i + len,
                    source: i..i + len,
                    kind,
                    value,
                    unit,
                });
                i += len;
            }
            Some(Step::Skip(len)) if len > 0 => i += len,
            _ => i += c.len_utf8(),
        }
    }
    out
}

/// What the scanner does at a position: report a quantity (length, kind,
/// value, unit), or skip a word that is none.
enum Step {
    Found(usize, Kind, Value, Option<String>),
    Skip(usize),
}

/// Characters that continue a Latin word, so that nothing starts inside
/// one: `Beliefs` holds no unit, `v2` no number.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_subscript(c)
}

fn is_subscript(c: char) -> bool {
    ('₀'..='₉').contains(&c)
}

fn is_han_numeral(c: char) -> bool {
    han_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

fn han_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A sign that starts a figure: `-3.5`, `−3.5`, `+5%` after a space, Han
/// or punctuation, not `20-30` (a range) or `PD-1` (a code).
fn starts_signed(prev: Option<char>, rest: &str) -> bool {
    let mut cs = rest.chars();
    matches!(cs.next(), Some('-' | '−' | '+'))
        && cs.next().is_some_and(|c| c.is_ascii_digit())
        && !prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, ')' | '）' | '.' | '-'))
}

/// A figure at the start of `s`.
struct Figure {
    len: usize,
    value: Decimal,
    /// Written with a leading zero (`0797`): a code, not a number.
    leading_zero: bool,
}

fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

fn figure_at(s: &str) -> Option<Figure> {
    let b = s.as_bytes();
    let sign = match s.chars().next()? {
        c @ ('-' | '−' | '+') => c.len_utf8(),
        _ => 0,
    };
    let mut i = sign;
    let int_len = digits_len(&s[i..]);
    if int_len == 0 {
        return None;
    }
    let mut digits = s[i..i + int_len].to_owned();
    i += int_len;
    // Thousands separators: groups of exactly three after a first group of
    // one to three digits.
    if int_len <= 3 {
        while b.get(i) == Some(&b',') && digits_len(&s[i + 1..]) == 3 {
            digits.push_str(&s[i + 1..i + 4]);
            i += 4;
        }
    }
    let mut text = String::from(if s.starts_with(['-', '−']) { "-" } else { "" });
    text.push_str(&digits);
    if b.get(i) == Some(&b'.') {
        let frac = digits_len(&s[i + 1..]);
        if frac > 0 {
            let after = i + 1 + frac;
            // A second point makes a section or version number.
            if b.get(after) == Some(&b'.') && digits_len(&s[after + 1..]) > 0 {
                return None;
            }
            text.push_str(&s[i..after]);
            i = after;
        }
    }
    let mut value = Decimal::parse(&text)?;
    if let Some((len, exp)) = exponent_at(&s[i..]) {
        value = value.shift(exp);
        i += len;
    }
    let leading_zero = int_len > 1 && digits.starts_with('0');
    Some(Figure {
        len: i,
        value,
        leading_zero,
    })
}

/// `e-3`, `E8`, `×10⁸`, `×10^-3`: the length and the power of ten.
fn exponent_at(s: &str) -> Option<(usize, i32)> {
    let (head, rest) = if let Some(r) = s.strip_prefix(['e', 'E']) {
        (1, r)
    } else if let Some(r) = s.strip_prefix("×10") {
        let r2 = r.strip_prefix('^').unwrap_or(r);
        ("×10".len() + r.len() - r2.len(), r2)
    } else {
        return None;
    };
    let mut chars = rest.char_indices().peekable();
    let mut negative = false;
    let mut len = 0;
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '-' | '⁻' | '−') {
            negative = true;
            len = c.len_utf8();
            chars.next();
        }
    }
    let mut exp: i32 = 0;
    let mut n = 0;
    for (at, c) in chars {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '⁰' => 0,
            '¹' => 1,
            '²' => 2,
            '³' => 3,
            '⁴'..='⁹' => c as u32 - '⁴' as u32 + 4,
            _ => break,
        };
        exp = exp.checked_mul(10)?.checked_add(d as i32)?;
        n += 1;
        len = at + c.len_utf8();
        if n > 3 {
            return None;
        }
    }
    if n == 0 || rest[len..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((head + len, if negative { -exp } else { exp }))
}

/// A figure with its magnitude and unit: `15万片/月`, `1200 mm`.
struct Single {
    len: usize,
    value: Decimal,
    leading_zero: bool,
    magnitude: Option<i32>,
    unit: Option<Range<usize>>,
}

fn single_at(s: &str) -> Option<Single> {
    let fig = figure_at(s)?;
    let mut end = fig.len;
    let mut value = fig.value;
    let mut magnitude = None;
    let unit_here = units::unit_len(&s[end..], false);
    if let Some((len, exp)) = units::magnitude(&s[end..]).filter(|&(len, _)| len >= unit_here) {
        value = value.shift(exp);
        magnitude = Some(exp);
        end += len;
    }
    let mut unit = None;
    let ulen = units::unit_len(&s[end..], false);
    if ulen > 0 {
        unit = Some(end..end + ulen);
    } else if let Some(after) = s[end..].strip_prefix(' ') {
        // `1200 mm`, `12 ns`: English style, but not a lone capital
        // (`in 2019 A new`), which is more often a word than a unit.
        let ulen = units::latin_len(after);
        let lone_capital = ulen == 1 && after.starts_with(|c: char| c.is_ascii_uppercase());
        if ulen > 0 && !lone_capital {
            unit = Some(end + 1..end + 1 + ulen);
        }
    }
    Some(Single {
        len: unit.as_ref().map_or(end, |u| u.end),
        value,
        leading_zero: fig.leading_zero,
        magnitude,
        unit,
    })
}

/// Range separators, with whether a unit must follow (`-` alone is too
/// often a telephone number or a code).
const RANGE_SEPARATORS: &[(&str, bool)] = &[
    ("——", false),
    ("—", false),
    ("–", false),
    ("~", false),
    ("～", false),
    ("〜", false),
    ("至", false),
    ("到", false),
    ("-", true),
];

/// A figure, range, date or time at the start of `s`, else the word there.
fn latin_at(s: &str) -> Step {
    let word = word_len(s);
    let quantity = time_at(s)
        .or_else(|| iso_date_at(s))
        .or_else(|| range_at(s))
        .or_else(|| date_at(s))
        .or_else(|| {
            let one = single_at(s)?;
            let unit = one.unit.map(|u| s[u].to_owned());
            if one.leading_zero && unit.is_none() {
                // `0797-88234`, `007`: a code, however it goes on. A sign
                // is no word character, so the word of `+00` is empty and
                // the figure is the code.
                let len = word.max(one.len);
                return Some(Step::Found(len, Kind::Identifier, Value::None, None));
            }
            let kind = kind_of(unit.as_deref());
            Some(Step::Found(one.len, kind, Value::Exact(one.value), unit))
        });
    match quantity {
        // A figure that stops inside a word is part of a code (`5G`,
        // `14nmFinFET`).
        Some(Step::Found(len, ..)) if s[len..].starts_with(is_word_char) && len < word => {
            identifier(s, word)
        }
        Some(step) => step,
        None => identifier(s, word),
    }
}

/// The word at the start of `s` as an identifier, or skipped when it is
/// an ordinary word.
fn identifier(s: &str, word: usize) -> Step {
    let w = &s[..word];
    let letter = w.contains(|c: char| c.is_ascii_alphabetic());
    let digit = w.contains(|c: char| c.is_ascii_digit() || is_subscript(c));
    let dotted = w.matches('.').count() >= 2;
    if (digit && (letter || dotted)) || is_formula(w) {
        Step::Found(word, Kind::Identifier, Value::None, None)
    } else {
        Step::Skip(word)
    }
}

/// The length of the Latin word at the start of `s`: letters, digits,
/// subscript digits, and `-` or `.` between them (`ARJ21-700`, `PM2.5`,
/// `InxGa1-xSb`, `3.4.2`).
fn word_len(s: &str) -> usize {
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let joins = match c {
            '-' | '.' => chars.peek().is_some_and(|&(_, n)| is_word_char(n)) && end == at,
            c => is_word_char(c),
        };
        if !joins {
            break;
        }
        end = at + c.len_utf8();
    }
    end
}

/// The chemical elements, for telling `SiC` and `GaN` from `CPU`.
const ELEMENTS: &[&str] = &[
    "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl",
    "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As",
    "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In",
    "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb",
    "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl",
    "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk",
    "Cf", "Es", "Fm", "Md", "No", "Lr",
];

/// A formula without digits: two or more element symbols and a lower-case
/// letter among them (`SiC`, `GaN`, `GaAs`, `InP`), so that an acronym in
/// capitals (`CPU`, `IP`) is not one.
fn is_formula(word: &str) -> bool {
    let mut rest = word;
    let mut symbols = 0;
    while !rest.is_empty() {
        let two = rest.get(..2).filter(|t| ELEMENTS.contains(t));
        let one = rest.get(..1).filter(|t| ELEMENTS.contains(t));
        match two.or(one) {
            Some(sym) => {
                rest = &rest[sym.len()..];
                symbols += 1;
            }
            None => return false,
        }
    }
    symbols >= 2 && word.contains(|c: char| c.is_ascii_lowercase())
}

/// A formula with digits (`Ga2O3`, `LiFePO4`, `H2O`): element symbols,
/// each with an optional count, two symbols at least.
fn is_formula_with_digits(word: &str) -> bool {
    let mut rest = word;
    let (mut symbols, mut digits) = (0, false);
    while !rest.is_empty() {
        let two = rest.get(..2).filter(|t| ELEMENTS.contains(t));
        let one = rest.get(..1).filter(|t| ELEMENTS.contains(t));
        let Some(sym) = two.or(one) else {
            return false;
        };
        rest = &rest[sym.len()..];
        let count = digits_len(rest);
        digits |= count > 0;
        rest = &rest[count..];
        symbols += 1;
    }
    symbols >= 2 && digits
}

fn kind_of(unit: Option<&str>) -> Kind {
    match unit {
        None => Kind::Number,
        Some("%" | "％" | "‰" | "‱") => Kind::Percent,
        Some(u) if units::CURRENCIES.iter().any(|c| u.starts_with(c)) => Kind::Money,
        Some(_) => Kind::Measure,
    }
}

/// `20—14nm`, `3~5年`, `10%～15%`, `2000万元至4亿元`.
fn range_at(s: &str) -> Option<Step> {
    let low = single_at(s)?;
    let after = &s[low.len..];
    let (sep, needs_unit) = RANGE_SEPARATORS
        .iter()
        .find(|(sep, _)| after.starts_with(sep))?;
    let at = low.len + sep.len();
    let high =
        single_at(&s[at..]).filter(|h| !s[at..].starts_with(['-', '+', '−']) && !h.leading_zero)?;
    let low_unit = low.unit.as_ref().map(|u| &s[u.clone()]);
    let unit_text = high.unit.as_ref().map(|u| &s[at + u.start..at + u.end]);
    if low.leading_zero || (*needs_unit && (unit_text.is_none() || low_unit.is_some())) {
        return None;
    }
    if low_unit.is_some() && low_unit != unit_text {
        return None;
    }
    // `3~5万吨` is 30,000 to 50,000 tonnes.
    let low_value = match (low.magnitude, high.magnitude) {
        (None, Some(exp)) => low.value.shift(exp),
        _ => low.value,
    };
    if unit_text.is_none() && low_value >= high.value {
        return None;
    }
    Some(Step::Found(
        at + high.len,
        Kind::Range,
        Value::Range {
            low: low_value,
            high: high.value,
        },
        unit_text.map(str::to_owned),
    ))
}

/// `8:30`, `14:05:30`.
fn time_at(s: &str) -> Option<Step> {
    let mut parts = Vec::new();
    let mut at = 0;
    loop {
        let n = digits_len(&s[at..]);
        let ok = if parts.is_empty() {
            (1..=2).contains(&n)
        } else {
            n == 2
        };
        if !ok {
            return None;
        }
        parts.push(s[at..at + n].parse::<u32>().ok()?);
        at += n;
        if parts.len() == 3 || !s[at..].starts_with(':') || digits_len(&s[at + 1..]) != 2 {
            break;
        }
        at += 1;
    }
    let valid = parts.len() >= 2 && parts[0] <= 24 && parts[1..].iter().all(|&p| p < 60);
    if !valid || s[at..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == ':') {
        return None;
    }
    let text = parts
        .iter()
        .map(|p| format!("{p:02}"))
        .collect::<Vec<_>>()
        .join(":");
    Some(Step::Found(at, Kind::Time, Value::Text(text), None))
}

/// `2019-11-23`.
fn iso_date_at(s: &str) -> Option<Step> {
    let b = s.as_bytes();
    let shape = [4, 2, 2];
    let mut at = 0;
    let mut parts = Vec::new();
    for (k, &n) in shape.iter().enumerate() {
        if digits_len(&s[at..]) != n {
            return None;
        }
        parts.push(s[at..at + n].parse::<u32>().ok()?);
        at += n;
        if k < 2 {
            if b.get(at) != Some(&b'-') {
                return None;
            }
            at += 1;
        }
    }
    let valid = (1..=12).contains(&parts[1]) && (1..=31).contains(&parts[2]);
    (valid && !s[at..].starts_with(is_word_char))
        .then(|| Step::Found(at, Kind::Date, Value::Text(s[..at].to_owned()), None))
}

/// An integer written in ASCII digits or Chinese numerals, for dates.
fn integer_at(s: &str) -> Option<(usize, u64, usize)> {
    let n = digits_len(s);
    if n > 0 {
        return Some((n, s[..n].parse().ok()?, n));
    }
    let run = han_run(s);
    let value = han_value(&s[..run])?;
    let written = s[..run].chars().count();
    Some((run, value, written))
}

/// `2019年11月23日`, `一九九八年`, `11月23日`, `三十一日`: a year of four
/// digits, a month up to 12, a day up to 31, in that order.
fn date_at(s: &str) -> Option<Step> {
    let mut at = 0;
    let mut parts: [Option<u64>; 3] = [None; 3];
    for (k, marks) in [&["年"][..], &["月"], &["日", "号"]].iter().enumerate() {
        let Some((len, value, digits)) = integer_at(&s[at..]) else {
            break;
        };
        let Some(mark) = marks.iter().find(|m| s[at + len..].starts_with(*m)) else {
            // A date may start with its month or day, but its parts follow
            // each other.
            if at == 0 {
                continue;
            }
            break;
        };
        let valid = match k {
            0 => digits == 4 && (1000..=2999).contains(&value),
            1 => (1..=12).contains(&value),
            _ => (1..=31).contains(&value),
        };
        // `3年` is a duration and `13个月` a measure.
        if !valid {
            break;
        }
        parts[k] = Some(value);
        at += len + mark.len();
    }
    if at == 0 {
        return None;
    }
    let text = match parts {
        [Some(y), None, None] => format!("{y}"),
        [Some(y), Some(m), None] => format!("{y}-{m:02}"),
        [Some(y), Some(m), Some(d)] => format!("{y}-{m:02}-{d:02}"),
        [None, Some(m), None] => format!("--{m:02}"),
        [None, Some(m), Some(d)] => format!("--{m:02}-{d:02}"),
        [None, None, Some(d)] => format!("---{d:02}"),
        _ => return None,
    };
    Some(Step::Found(at, Kind::Date, Value::Text(text), None))
}

/// The length of the run of Chinese numerals at the start of `s`.
fn han_run(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_han_numeral(c))
        .map_or(s.len(), |(at, _)| at)
}

/// The value of Chinese numerals: digit by digit when there is no
/// multiplier (`一九九八`, `二〇二三`), positional otherwise (`三十一`,
/// `两万三千`). A run that starts with a multiplier other than `十`
/// (`千万`, `万一`) is a word.
fn han_value(run: &str) -> Option<u64> {
    let mut chars = run.chars().peekable();
    let first = *chars.peek()?;
    if !run.contains(['十', '百', '千', '万', '亿']) {
        return run.chars().try_fold(0u64, |acc, c| {
            acc.checked_mul(10)?.checked_add(han_digit(c)?)
        });
    }
    if matches!(first, '百' | '千' | '万' | '亿') {
        return None;
    }
    let (mut total, mut section, mut digit): (u64, u64, Option<u64>) = (0, 0, None);
    for c in chars {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section += digit.take().unwrap_or(if c == '十' { 1 } else { 0 }) * unit;
            }
            '万' | '亿' => {
                let unit: u64 = if c == '万' { 10_000 } else { 100_000_000 };
                let part = section + digit.take().unwrap_or(0);
                total = total.checked_add(part)?.checked_mul(unit)?;
                section = 0;
            }
            c => {
                if digit.is_some_and(|d| d != 0) {
                    return None;
                }
                digit = Some(han_digit(c)?);
            }
        }
    }
    total.checked_add(section + digit.unwrap_or(0))
}

/// Chinese numerals at the start of `s`: a date, a quantity with a unit,
/// or a fraction (`四十分之一`, `百分之五十`); anything else is a word.
fn han_at(s: &str) -> Step {
    let run = han_run(s);
    if let Some(step) = date_at(s) {
        return step;
    }
    if let Some(rest) = s[run..].strip_prefix("分之") {
        let num_len = han_run(rest);
        let len = run + "分之".len() + num_len;
        let Some(num) = han_value(&rest[..num_len]) else {
            return Step::Skip(run);
        };
        let per = match &s[..run] {
            "百" => "%",
            "千" => "‰",
            _ => "",
        };
        if !per.is_empty() {
            return Step::Found(len, Kind::Percent, exact(num), Some(per.to_owned()));
        }
        let Some(den) = han_value(&s[..run]) else {
            return Step::Skip(run);
        };
        let value = Decimal::from_u64(num)
            .divide(den)
            .map_or_else(|| Value::Text(format!("{num}/{den}")), Value::Exact);
        return Step::Found(len, Kind::Number, value, None);
    }
    let Some(value) = han_value(&s[..run]) else {
        return Step::Skip(run);
    };
    let ulen = units::unit_len(&s[run..], true);
    if ulen == 0 {
        return Step::Skip(run);
    }
    let unit = &s[run..run + ulen];
    Step::Found(
        run + ulen,
        kind_of(Some(unit)),
        exact(value),
        Some(unit.to_owned()),
    )
}

fn exact(n: u64) -> Value {
    Value::Exact(Decimal::from_u64(n))
}

/// Whether `c` may stand next to a quantity in Chinese text: Han or
/// Chinese punctuation.
pub(crate) fn is_chinese_context(c: char) -> bool {
    is_han(c) || crate::chars::is_cjk_punct(c)
}

#[cfg(test)]
mod tests;
