//! The unit tables: which strings after a number are its unit.
//!
//! The tables are data, one entry per unit, not one per spelling: SI units
//! are a prefix table and a table of units that take a prefix, so `nm`,
//! `μm`, `mm`, `kWh`, `GHz` and `MPa` all come from two short lists. A
//! Latin unit must end at a word boundary, so no unit is ever found inside
//! a word (`5 samples` has no unit `s`).

/// SI prefixes. `μ` comes in two code points (GREEK SMALL LETTER MU and
/// MICRO SIGN) and as `u` where the font had neither.
const PREFIXES: &[&str] = &[
    "da", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "μ", "µ", "u", "n", "p", "f",
];

/// Latin units that take an SI prefix.
const PREFIXED: &[&str] = &[
    "m", "g", "s", "A", "K", "mol", "Hz", "N", "Pa", "J", "W", "Wh", "V", "VA", "F", "Ω", "T",
    "eV", "L", "B", "bps", "bit", "Ah", "Bq", "Gy", "Sv", "lx", "cd", "C", "Wb", "t",
];

/// Latin units and symbols that take no prefix.
const PLAIN: &[&str] = &[
    "℃", "°C", "°F", "℉", "°", "%", "％", "‰", "‱", "min", "h", "rpm", "ppm", "ppb", "dpi", "mmHg",
    "inch", "px", "ha", "atm", "bar",
];

/// Chinese units, counters and currencies, longest spellings first where
/// one is a prefix of another (`千瓦时` before `千瓦`). The flag says
/// whether the unit also follows Chinese numerals: `三十一日` and `五倍`
/// are quantities, but `十分重要`, `一点`, `一个`, `一度` and `一种` are
/// words.
const CHINESE: &[(&str, bool)] = &[
    ("千瓦时", true),
    ("千瓦", true),
    ("兆瓦", true),
    ("瓦", true),
    ("千伏", true),
    ("伏", true),
    ("安培", true),
    ("赫兹", true),
    ("兆帕", true),
    ("平方公里", true),
    ("平方千米", true),
    ("平方厘米", true),
    ("平方米", true),
    ("立方米", true),
    ("公里", true),
    ("千米", true),
    ("厘米", true),
    ("毫米", true),
    ("微米", true),
    ("纳米", true),
    ("英寸", true),
    ("英里", true),
    ("米", true),
    ("公顷", true),
    ("亩", true),
    ("吨", true),
    ("千克", true),
    ("公斤", true),
    ("毫克", true),
    ("克", true),
    ("斤", true),
    ("毫升", true),
    ("升", true),
    ("个百分点", true),
    ("百分点", true),
    ("小时", true),
    ("分钟", true),
    ("秒钟", true),
    ("秒", true),
    ("个月", true),
    ("周", true),
    ("天", true),
    ("年", true),
    ("月", true),
    ("日", true),
    ("号", false),
    ("时", false),
    ("分", false),
    ("点", false),
    ("度", false),
    ("倍", true),
    ("人次", true),
    ("人", true),
    ("名", true),
    ("位", true),
    ("户", true),
    ("家", true),
    ("所", true),
    ("颗", true),
    ("架", true),
    ("条", true),
    ("座", true),
    ("口", true),
    ("台", true),
    ("辆", true),
    ("艘", true),
    ("件", true),
    ("套", true),
    ("项", true),
    ("篇", true),
    ("部", true),
    ("批", true),
    ("片", true),
    ("张", true),
    ("株", true),
    ("头", true),
    ("只", true),
    ("例", true),
    ("床", true),
    ("组", true),
    ("层", true),
    ("期", false),
    ("次", false),
    ("种", false),
    ("个", false),
    ("美元", true),
    ("欧元", true),
    ("日元", true),
    ("港元", true),
    ("英镑", true),
    ("元", true),
];

/// Currencies: a quantity in one of these is money.
pub const CURRENCIES: &[&str] = &["美元", "欧元", "日元", "港元", "英镑", "元"];

/// Chinese magnitudes after digits, as powers of ten, longest first.
pub const MAGNITUDES: &[(&str, i32)] = &[
    ("万亿", 12),
    ("千亿", 11),
    ("百亿", 10),
    ("十亿", 9),
    ("亿", 8),
    ("千万", 7),
    ("百万", 6),
    ("十万", 5),
    ("万", 4),
    ("千", 3),
];

/// Units that a space never separates from their number in Chinese text:
/// symbols, not words.
pub const SYMBOLS: &[&str] = &["℃", "°C", "°F", "℉", "%", "％", "‰", "‱"];

/// Superscript exponents of a unit (`m²`, `s⁻¹`) and the plain digits
/// written in their place (`m2`, `m3`).
fn exponent_len(s: &str) -> usize {
    let sup = s
        .char_indices()
        .take_while(|&(i, c)| matches!(c, '²' | '³' | '¹' | '⁰'..='⁹') || (i == 0 && c == '⁻'))
        .map(|(_, c)| c.len_utf8())
        .sum::<usize>();
    if sup > 0 && s[..sup] != *"⁻" {
        return sup;
    }
    match s.as_bytes().first() {
        Some(b'2' | b'3') if !s[1..].starts_with(|c: char| c.is_ascii_digit()) => 1,
        _ => 0,
    }
}

/// The longest Latin unit, prefix and exponent included, at the start of
/// `s`, ignoring what follows.
fn simple_latin(s: &str) -> usize {
    let starts_unit = s.starts_with(|c: char| {
        c.is_ascii_alphabetic()
            || matches!(
                c,
                'μ' | 'µ' | 'Ω' | '℃' | '°' | '℉' | '%' | '％' | '‰' | '‱'
            )
    });
    if !starts_unit {
        return 0;
    }
    let mut best = 0;
    for unit in PLAIN.iter().chain(PREFIXED) {
        if opens_with(s, unit) {
            best = best.max(unit.len());
        }
    }
    for prefix in PREFIXES.iter().filter(|prefix| opens_with(s, prefix)) {
        let rest = &s[prefix.len()..];
        for unit in PREFIXED {
            if opens_with(rest, unit) {
                best = best.max(prefix.len() + unit.len());
            }
        }
    }
    if best == 0 {
        return 0;
    }
    best + exponent_len(&s[best..])
}

/// Whether `s` starts with `unit`. Each figure scans these tables, and
/// most entries differ from `s` in their first two bytes: comparing those
/// first spares a call to compare the whole entry.
fn opens_with(s: &str, unit: &str) -> bool {
    s.bytes().zip(unit.bytes()).take(2).all(|(a, b)| a == b) && s.starts_with(unit)
}

/// The length of the Latin unit at the start of `s` (`nm`, `kWh`, `μg/m³`,
/// `W/(m·K)`, `km/h`), or 0. The unit must end where the word ends: not
/// before another Latin letter or digit.
pub fn latin_len(s: &str) -> usize {
    let mut end = simple_latin(s);
    if end == 0 {
        return 0;
    }
    // Products and quotients: `/`, `·`, `*`, and one parenthesised group.
    loop {
        let rest = &s[end..];
        let Some(op) = rest.chars().next().filter(|c| matches!(c, '/' | '·' | '*')) else {
            break;
        };
        let after = &rest[op.len_utf8()..];
        let inner = after.strip_prefix('(').map_or(after, |a| a);
        let mut n = simple_latin(inner);
        if n == 0 {
            break;
        }
        while let Some(more) = inner[n..].strip_prefix(['·', '*']) {
            let m = simple_latin(more);
            if m == 0 {
                break;
            }
            n = inner.len() - more.len() + m;
        }
        let group = if inner.len() < after.len() {
            if !inner[n..].starts_with(')') {
                break;
            }
            n + 2
        } else {
            n
        };
        end += op.len_utf8() + group;
    }
    let ends_word = !s[end..].starts_with(|c: char| c.is_ascii_alphanumeric());
    if ends_word {
        end
    } else {
        0
    }
}

/// The length of the Chinese unit at the start of `s`, or 0; after a
/// Chinese numeral only the units that are not also words.
pub fn chinese_len(s: &str, after_han_numeral: bool) -> usize {
    let Some(first) = s.chars().next().filter(|&c| crate::chars::is_han(c)) else {
        return 0;
    };
    let sorted = chinese_sorted();
    let opening = |unit: &str| unit.chars().next();
    let from = sorted.partition_point(|(unit, _)| opening(unit) < Some(first));
    sorted[from..]
        .iter()
        .take_while(|(unit, _)| opening(unit) == Some(first))
        .filter(|(unit, ok)| (*ok || !after_han_numeral) && s.starts_with(unit))
        .map(|(unit, _)| unit.len())
        .max()
        .unwrap_or(0)
}

/// [`CHINESE`] sorted: the units that start with one character lie
/// together, found by a binary search on their first characters (UTF-8
/// sorts as the characters do). A figure's unit is looked up
/// for every gap beside a digit, and the table is long.
fn chinese_sorted() -> &'static [(&'static str, bool)] {
    static SORTED: std::sync::OnceLock<Vec<(&str, bool)>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut sorted = CHINESE.to_vec();
        sorted.sort_unstable();
        sorted
    })
}

/// The length of a whole unit at the start of `s`: a Latin or Chinese unit,
/// optionally per another (`片/月`, `元/吨`, `万片/月` after the magnitude,
/// `次/分钟`).
pub fn unit_len(s: &str, after_han_numeral: bool) -> usize {
    let latin = latin_len(s);
    if latin > 0 {
        return latin;
    }
    let head = chinese_len(s, after_han_numeral);
    if head == 0 {
        return 0;
    }
    match s[head..].strip_prefix('/') {
        Some(rest) => {
            let per = chinese_len(rest, false).max(latin_len(rest));
            if per > 0 {
                head + 1 + per
            } else {
                head
            }
        }
        None => head,
    }
}

/// The magnitude at the start of `s`, with its length.
pub fn magnitude(s: &str) -> Option<(usize, i32)> {
    MAGNITUDES
        .iter()
        .find(|(m, _)| opens_with(s, m))
        .map(|&(m, exp)| (m.len(), exp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_units() {
        // (text, unit found)
        let cases = [
            ("nm之间", "nm"),
            ("μm，", "μm"),
            ("µm", "µm"),
            ("kWh/年", "kWh"),
            ("GHz", "GHz"),
            ("MPa", "MPa"),
            ("℃下", "℃"),
            ("°C", "°C"),
            ("dB", "dB"),
            ("eV", "eV"),
            ("km/h", "km/h"),
            ("mg/L", "mg/L"),
            ("W/(m·K)", "W/(m·K)"),
            ("m²", "m²"),
            ("m3", "m3"),
            ("μg/m³，", "μg/m³"),
            ("s⁻¹", "s⁻¹"),
            ("min", "min"),
            ("mAh", "mAh"),
            ("samples", ""),
            ("G", ""),
            ("nmFinFET", ""),
            ("m2O", ""),
            ("W/(m", "W"),
        ];
        for (text, unit) in cases {
            assert_eq!(&text[..latin_len(text)], unit, "{text}");
        }
    }

    #[test]
    fn chinese_units() {
        // (text, after a Chinese numeral, unit found)
        let cases = [
            ("片/月，", false, "片/月"),
            ("元/吨", false, "元/吨"),
            ("英寸晶圆", false, "英寸"),
            ("个月", false, "个月"),
            ("分重要", true, ""),
            ("个", true, ""),
            ("倍", true, "倍"),
            ("平方米", false, "平方米"),
            ("人次、", false, "人次"),
            ("年来", false, "年"),
        ];
        for (text, han, unit) in cases {
            assert_eq!(&text[..unit_len(text, han)], unit, "{text}");
        }
    }
}
