//! The quantities pass: figures that letter-spacing tore apart, rejoined.
//!
//! The spacing pass removes the spaces of a run spaced out letter by
//! letter, but a run is cut short where an extractor glued a few
//! characters together: `企业2 1 3家`, `增长1 2.7%`, `降至31. 4μg /m³`,
//! `1 5万片/ 月`, `1 . 1 公司简介`, `± 1 . 8V`. What is left is judged
//! here, figure by figure, after the spacing pass (and the pipeline runs
//! spacing again after this pass, until neither changes anything):
//!
//! 1. A *torn figure*: tokens whose touching ends are digits or a decimal
//!    point (`2`·`1`·`3家`) are one figure when, joined, they make a
//!    well-formed figure (`213`, `12.7`, `1,800`; not `2.53.1`), there is
//!    evidence of the tear, and the figure stands in Chinese text (Han or
//!    Chinese punctuation before it, or after it past its unit) or alone on
//!    its line. Evidence is a fragment of one character (`1` in `2 1 3家`,
//!    `.` in `1 . 1`), a point at a fragment's edge (`31. 4`), a fragment
//!    after the first that starts with zero (`12 00V`); a single first
//!    digit counts only when no year follows (`增长1 2.7%`, but not
//!    `图1 2023年`). Numbers that merely stand side by side keep their
//!    space: `125 138 152` in a table, `ARJ21 C919`, `Q4 2024`, `version
//!    2 0` in English.
//! 2. A *torn symbol*: a space between a figure and `%`, `‰`, `℃`
//!    (`7 2 %`) in Chinese text. Word units keep an author's space
//!    (`1200 mm`).
//! 3. A *torn unit*: the unit after a figure goes on past a space, one or
//!    two tokens on (`15万片/ 月`, `4μg / m ³`).
//! 4. A sign torn from its figure: `± 1.8V`.
//!
//! 5. A *figure torn from its unit by a line break* that the lines pass
//!    kept (`区2 0 2 3` / `年度报告`, `1 4 7` / `家，`): the break goes
//!    ([`continues_across_lines`]). A wrap inside a figure is decided by
//!    the lines pass itself, where the break is still a break (`于200` /
//!    `4年` is `于2004年`).

use std::ops::Range;

use super::units;
use super::{figure_at, is_chinese_context};
use crate::chars::is_radical;
use crate::edit::Edit;
use crate::rule::Rule;
use crate::spacing::token_end;

/// Proposes the rejoining edits for `text`.
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let mut start = 0;
    let mut prev: Option<&str> = None;
    let mut tokens = Vec::new();
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let line = &text[start..end];
        // Every rule needs a digit: at the end of the previous line, or in
        // this one.
        let digits = has_digit(line);
        if let Some(prev) = prev.filter(|p| !p.trim().is_empty() && !line.trim().is_empty()) {
            if continues_across_lines(prev, line) {
                out.push(Edit::delete(start - 1..start, Rule::QuantityRejoin));
            }
        }
        if digits && memchr::memchr2(b' ', b'\t', line.as_bytes()).is_some() {
            line_edits(text, start, line, &mut tokens, out);
        }
        prev = digits.then_some(line);
        start = end + 1;
    }
}

/// Whether `line` holds an ASCII digit. Most lines of Chinese text hold
/// none and are read to their end, so a block of bytes is tested at a
/// time, in vector registers.
fn has_digit(line: &str) -> bool {
    line.as_bytes()
        .chunks(32)
        .any(|block| block.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn line_edits(
    text: &str,
    base: usize,
    line: &str,
    tokens: &mut Vec<Range<usize>>,
    out: &mut Vec<Edit>,
) {
    let bytes = line.as_bytes();
    tokens.clear();
    let mut i = 0;
    while i < bytes.len() {
        if is_space(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i = token_end(bytes, start);
        tokens.push(base + start..base + i);
    }
    let tok = |k: usize| &text[tokens[k].clone()];
    let mut remove = vec![false; tokens.len().saturating_sub(1)];
    let mut k = 0;
    while k + 1 < tokens.len() {
        let mut m = k;
        while m + 1 < tokens.len()
            && tokens[m + 1].start - tokens[m].end <= MAX_GAP
            && touches(tok(m), tok(m + 1))
            && (m == k || is_numeral(tok(m)))
            && !(m == 0 && is_list_number(tok(0)))
        {
            m += 1;
        }
        if m > k && torn_figure(text, tokens, k, m, &(base..base + line.len())) {
            remove[k..m].iter_mut().for_each(|r| *r = true);
        }
        k = if m > k { m } else { k + 1 };
    }
    let line_range = base..base + line.len();
    // Every rule from a gap needs ASCII beside it (a digit, a letter, `%`,
    // `~`): in a line spaced out letter by letter, most gaps lie between
    // Han characters, and the rules are not asked about them. Only a sign
    // (`±`) and a range's dash (`–`) that end the left token are not
    // ASCII: the other rules read a figure, a unit or a formula there, and
    // are not asked about a gap after a token without ASCII (a long one
    // would be read to its end by each).
    let has_ascii = |k: usize| tok(k).bytes().any(|b| b.is_ascii());
    let mut right_ascii = !tokens.is_empty() && has_ascii(0);
    for g in 0..remove.len() {
        let left_ascii = right_ascii;
        right_ascii = has_ascii(g + 1);
        if !(left_ascii || right_ascii) {
            continue;
        }
        remove[g] |= torn_sign(tok(g), tok(g + 1)) || torn_range(text, tokens, g, &line_range);
        if !left_ascii {
            continue;
        }
        remove[g] |= torn_symbol(text, tokens, g);
        torn_unit(text, tokens, g, &mut remove);
        spaced_unit(text, tokens, g, &mut remove);
        let last = spaced_formula(text, tokens, g, &line_range);
        remove[g..last].iter_mut().for_each(|r| *r = true);
    }
    for (g, &r) in remove.iter().enumerate() {
        if r {
            out.push(Edit::delete(
                tokens[g].end..tokens[g + 1].start,
                Rule::QuantityRejoin,
            ));
        }
    }
}

/// Widest gap inside a torn figure: wider gaps part a heading's number
/// from its title (`4.1   2024年经营计划`) or columns of a table.
const MAX_GAP: usize = 2;

/// Most tokens a spaced unit or formula is read across (`k W h`, `G a 2O
/// 3`); it also keeps the look-ahead from each gap short in a line spaced
/// out from end to end.
const MAX_SPACED: usize = 8;

/// `1.` opening a line: a list item's number, whose space stays
/// (`1. 2024年度项目`).
fn is_list_number(token: &str) -> bool {
    token.ends_with('.') && token[..token.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

fn numeral_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

fn is_numeral(token: &str) -> bool {
    token.chars().all(numeral_char)
}

/// Whether `s` is one character, told without counting the characters of
/// a long token (a paragraph between two figures).
fn is_one_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Whether two tokens meet digit or point to digit or point.
fn touches(left: &str, right: &str) -> bool {
    let a = left.chars().next_back();
    let b = right.chars().next();
    let edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    edge(a) && edge(b) && !(a == Some('.') && b == Some('.'))
}

/// The numeral characters at the end of `s`.
fn tail(s: &str) -> &str {
    let rest = s.trim_end_matches(numeral_char);
    &s[rest.len()..]
}

/// The numeral characters at the start of `s`.
fn head(s: &str) -> &str {
    let rest = s.trim_start_matches(numeral_char);
    &s[..s.len() - rest.len()]
}

/// Rule 1 for the chain of tokens `k..=m`.
fn torn_figure(
    text: &str,
    tokens: &[Range<usize>],
    k: usize,
    m: usize,
    line: &Range<usize>,
) -> bool {
    let tok = |j: usize| &text[tokens[j].clone()];
    let first = tail(tok(k));
    let last = head(tok(m));
    let mut pieces = vec![first];
    pieces.extend((k + 1..m).map(tok));
    pieces.push(last);
    let joined: String = pieces.concat();
    if figure_at(&joined).is_none_or(|f| f.len != joined.len()) {
        return false;
    }
    // `Q4 2024`, `ARJ21 700`: the digits of a code are no fragment.
    let start = tokens[k].end - first.len();
    if text[..start].ends_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let single = |p: &str| p.len() == 1;
    let point_edge = pieces
        .iter()
        .any(|p| p.starts_with('.') || p.ends_with('.'));
    let leading_zero = pieces[1..]
        .iter()
        .any(|p| p.len() > 1 && p.starts_with('0') && !p.starts_with("0."));
    // `图1 2023年`, `表2 2019—2023年`: a number, then a year.
    let year_after = last.len() == 4
        && !last.contains(['.', ','])
        && text[tokens[m].start + 4..tokens[m].end]
            .starts_with(['年', '—', '-', '~', '～', '至', '到']);
    let evidence = point_edge
        || leading_zero
        || (single(first) && !year_after)
        || pieces[1..].iter().any(|p| single(p));
    if !evidence {
        return false;
    }
    let end = tokens[m].start + last.len();
    let whole_line =
        text[line.start..start].trim().is_empty() && text[end..line.end].trim().is_empty();
    whole_line || in_chinese(text, line, start..end)
}

/// Whether the stretch `span` of a line stands in Chinese text: Han or
/// Chinese punctuation before it (past spaces), or after it past its unit
/// or the next figure (`1 2 . 7 % ，`, `1 . 1 公司简介`, `4 . 1   2024年`).
fn in_chinese(text: &str, line: &Range<usize>, span: Range<usize>) -> bool {
    let before = text[line.start..span.start].trim_end().chars().next_back();
    let after = text[span.end..line.end].trim_start();
    let unit = units::unit_len(after, false).max(units::latin_len(after));
    let after = after[unit..]
        .trim_start()
        .trim_start_matches(numeral_char)
        .chars()
        .next();
    before.is_some_and(is_chinese_context) || after.is_some_and(is_chinese_context)
}

/// Rule 5 from gap `g`: a unit spaced out letter by letter after a figure
/// (`28 n m`, `6 M W`, `5 k W h`) is one unit again. The space between the
/// figure and the unit stays: it may be the author's (`200 Wh/kg`), which
/// letter-spacing makes look the same.
fn spaced_unit(text: &str, tokens: &[Range<usize>], g: usize, remove: &mut [bool]) {
    let tok = |k: usize| &text[tokens[k].clone()];
    if !tok(g).ends_with(|c: char| c.is_ascii_digit()) || g + 2 >= tokens.len() {
        return;
    }
    let mut letters = String::new();
    for j in g + 1..tokens.len().min(g + 1 + MAX_SPACED) {
        let t = tok(j);
        letters.push_str(t);
        let len = units::latin_len(&letters);
        let reach = letters.len() - t.len();
        if j > g + 1 && len > reach {
            remove[g + 1..j].iter_mut().for_each(|r| *r = true);
            return;
        }
        if !is_one_char(t)
            || !t.starts_with(|c: char| c.is_ascii_alphabetic() || "μµΩ/".contains(c))
        {
            return;
        }
    }
}

/// Rule 6: a range separator spaced apart from its figures in Chinese text
/// (`4 ~ 6MW`, `10 – 15℃`).
fn torn_range(text: &str, tokens: &[Range<usize>], g: usize, line: &Range<usize>) -> bool {
    let tok = |k: usize| &text[tokens[k].clone()];
    let (left, right) = (tok(g), tok(g + 1));
    let separator = |s: &str| s.starts_with(['~', '–']);
    let sep_len = |s: &str| s.chars().next().map_or(0, char::len_utf8);
    let figure_end = |s: &str| s.ends_with(|c: char| c.is_ascii_digit() || c == '%');
    let figure_start = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    // Where the figures on both sides of the separator start and end.
    let span = if figure_end(left) && separator(right) {
        let rest = &right[sep_len(right)..];
        let end = if !rest.is_empty() {
            if !figure_start(rest) {
                return false;
            }
            tokens[g + 1].end - rest.len() + head(rest).len()
        } else if let Some(next) = tokens
            .get(g + 2)
            .filter(|t| figure_start(&text[(*t).clone()]))
        {
            next.start + head(&text[next.clone()]).len()
        } else {
            return false;
        };
        tokens[g].end
            - tail(left.trim_end_matches('%')).len()
            - (left.len() - left.trim_end_matches('%').len())..end
    } else if is_one_char(left) && separator(left) && figure_start(right) && g > 0 {
        let before = tok(g - 1);
        if !figure_end(before) {
            return false;
        }
        let figure = tail(before.trim_end_matches('%')).len() + before.len()
            - before.trim_end_matches('%').len();
        tokens[g - 1].end - figure..tokens[g + 1].start + head(right).len()
    } else {
        return false;
    };
    in_chinese(text, line, span)
}

/// Rule 7: a formula spaced out (`首次实现G a 2O 3单晶` is `Ga2O3`): the
/// Latin end of one token, tokens of one or two letters or digits, and the
/// Latin start of the next make a formula with digits, in Chinese text.
fn spaced_formula(text: &str, tokens: &[Range<usize>], k: usize, line: &Range<usize>) -> usize {
    let tok = |j: usize| &text[tokens[j].clone()];
    let first = tok(k);
    let head = &first[first
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
        .len()..];
    if !head.starts_with(|c: char| c.is_ascii_uppercase()) {
        return k;
    }
    let mut m = k + 1;
    while m < tokens.len().min(k + 1 + MAX_SPACED)
        && tok(m).len() <= 2
        && tok(m).bytes().all(|b| b.is_ascii_alphanumeric())
    {
        m += 1;
    }
    if m == k + 1 {
        return k;
    }
    let mut joined = head.to_owned();
    (k + 1..m).for_each(|j| joined.push_str(tok(j)));
    if let Some(next) = tokens.get(m).map(|t| &text[t.clone()]) {
        let tail = &next[..next.len()
            - next
                .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
                .len()];
        joined.push_str(tail);
        if !tail.is_empty() {
            m += 1;
        }
    }
    let last = m - 1;
    let span = tokens[k].end - head.len()..tokens[last].end;
    if super::is_formula_with_digits(&joined) && in_chinese(text, line, span) {
        last
    } else {
        k
    }
}

/// Whether the figure at the end of line `prev` goes on at the start of
/// line `next`, for the lines pass: a typesetter breaks a figure where a
/// narrow page makes it (`于200` / `4年`, `约1` / `20V`) and an extractor
/// puts each piece of a spaced heading on its own line (`1 4 7` / `家，`).
/// Either the next line starts with the figure's unit and the figure is
/// glued to Han text or its line's only text, or the next line goes on
/// with digits that, joined, make one figure glued to Han text on either
/// side (`GB/T 14` / `848—2017）`). A table of contents (`绪论 3` /
/// `1 引言`) and English (`compiled 10` / `25 samples`) keep their breaks.
pub fn continues_across_lines(prev: &str, next: &str) -> bool {
    let figure = tail(prev.trim_end_matches([' ', '\t']));
    let digits = head(next);
    let figure_ends = figure.ends_with(|c: char| c.is_ascii_digit())
        || (figure.ends_with('.') && digits.starts_with(|c: char| c.is_ascii_digit()));
    if !figure_ends {
        return false;
    }
    // The figure, spaced out or not, starts right after Han (`区2 0 2 3`)
    // or at the line's start; `绪论 3` is a page number.
    let before = prev.trim_end_matches(|c: char| numeral_char(c) || c == ' ');
    let spaced = &prev[before.len()..];
    let glued = before.is_empty()
        || (before.chars().next_back().is_some_and(is_chinese_context)
            && !spaced.starts_with(' ')
            && !spaced.contains("  "));
    if digits.is_empty() {
        if !glued {
            return false;
        }
        // A radical for an ideograph (`⼈次`) is the unit it stands for: the
        // radicals pass, which runs last, makes it one (`人次`), and a
        // second repair must find the same unit. Radicals are rare, so the
        // line is copied only when it has one.
        let unified: String;
        let next = if next.contains(is_radical) {
            unified = next.chars().map(crate::radicals::unified).collect();
            unified.as_str()
        } else {
            next
        };
        let unit = units::chinese_len(next, false)
            .max(units::magnitude(next).map_or(0, |(len, _)| len))
            .max(
                units::SYMBOLS
                    .iter()
                    .find(|s| next.starts_with(*s))
                    .map_or(0, |s| s.len()),
            );
        return unit > 0;
    }
    let joined = [figure, digits].concat();
    let rest = &next[digits.len()..];
    // A year written whole (`4.1` / `2024年经营计划`) starts a figure of its own.
    if digits.len() == 4 && rest.starts_with('年') {
        return false;
    }
    let unit = units::unit_len(rest, false).max(units::magnitude(rest).map_or(0, |(len, _)| len));
    let after = rest[unit..].chars().next();
    figure_at(&joined).is_some_and(|f| f.len == joined.len())
        && ((glued && !before.is_empty()) || after.is_some_and(is_chinese_context))
}

/// Rule 2: `72 %` in Chinese text.
fn torn_symbol(text: &str, tokens: &[Range<usize>], g: usize) -> bool {
    let (left, right) = (&text[tokens[g].clone()], &text[tokens[g + 1].clone()]);
    let figure = tail(left);
    if !figure.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(symbol) = units::SYMBOLS.iter().find(|s| right.starts_with(*s)) else {
        return false;
    };
    let before = left[..left.len() - figure.len()]
        .chars()
        .next_back()
        .or_else(|| {
            g.checked_sub(1)
                .and_then(|p| text[tokens[p].clone()].chars().next_back())
        });
    let after = right[symbol.len()..].chars().next().or_else(|| {
        tokens
            .get(g + 2)
            .and_then(|t| text[t.clone()].chars().next())
    });
    before.is_some_and(is_chinese_context) || after.is_some_and(is_chinese_context)
}

/// Rule 3 from gap `g`: the unit after a figure in token `g` goes on in the
/// next tokens (`15万片/` `月`, `4μg` `/` `m` `³`). Marks the gaps it
/// removes.
fn torn_unit(text: &str, tokens: &[Range<usize>], g: usize, remove: &mut [bool]) {
    let left = &text[tokens[g].clone()];
    let Some(figure) = left.bytes().position(|b| b.is_ascii_digit()) else {
        return;
    };
    let after_figure = left[figure..].trim_start_matches(numeral_char);
    let unit = units::magnitude(after_figure).map_or(after_figure, |(len, _)| &after_figure[len..]);
    if unit.is_empty() || units::unit_len(unit, false) == 0 {
        return;
    }
    let mut unit = unit.to_owned();
    let mut j = g;
    'grow: while j + 1 < tokens.len() {
        // The unit may need two more tokens to go on (`μg` `/` `m`).
        for n in 1..=2.min(tokens.len() - 1 - j) {
            let parts: Vec<&str> = (j + 1..=j + n).map(|k| &text[tokens[k].clone()]).collect();
            let reach = unit.len() + parts[..n - 1].iter().map(|p| p.len()).sum::<usize>();
            let candidate: String = [unit.as_str()].into_iter().chain(parts).collect();
            let len = units::unit_len(&candidate, false);
            if len > reach {
                remove[j..j + n].iter_mut().for_each(|r| *r = true);
                unit = candidate[..len].to_owned();
                j += n;
                continue 'grow;
            }
        }
        break;
    }
}

/// Rule 4: `± 1.8V`.
fn torn_sign(left: &str, right: &str) -> bool {
    left.ends_with('±') && right.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    /// (input, repaired by the whole pipeline, why)
    const CASES: &[(&str, &str, &str)] = &[
        (
            "详见表4.1\n2024年经营计划如下：\n",
            "详见表4.1\n2024年经营计划如下：",
            "a year on the next line starts a figure of its own",
        ),
        (
            "集聚区现有规模以上企业2 1 3 家，",
            "集聚区现有规模以上企业213家，",
            "a fragment alone between spaces",
        ),
        ("从业人员约8 . 6 万人", "从业人员约8.6万人", "a point alone"),
        (
            "同比增长1 2.7%，其中",
            "同比增长12.7%，其中",
            "a single digit glued to Han",
        ),
        (
            "研发人员占比提高到3 1 . 4 % ，已形成",
            "研发人员占比提高到31.4%，已形成",
            "a torn percent sign",
        ),
        (
            "年均浓度降至3 1 . 4μg / m ³ ，比上年",
            "年均浓度降至31.4μg/m³，比上年",
            "a compound unit torn in three",
        ),
        (
            "规划产能1 5 万片/ 月，总投资约1 0 0 亿元",
            "规划产能15万片/月，总投资约100亿元",
            "a Chinese compound unit",
        ),
        (
            "在1 2 5 ℃下超过1 0 年",
            "在125℃下超过10年",
            "a torn degree sign",
        ),
        (
            "离散度由± 1 . 8V 缩小到± 0 . 6V 。",
            "离散度由±1.8V缩小到±0.6V。",
            "a torn plus-minus sign",
        ),
        (
            "1 . 1   公 司 简 介",
            "1.1 公司简介",
            "a section number before Han, its word space made one space",
        ),
        (
            "节点仍集中在5 5n m 、4 0 n m 和2 8n m ，",
            "节点仍集中在55nm、40nm和28nm，",
            "nodes",
        ),
        (
            "截至2 0 23年12月31日",
            "截至2023年12月31日",
            "a year torn unevenly",
        ),
        (
            "良率已稳定在9 6.5%以上",
            "良率已稳定在96.5%以上",
            "a single digit before a decimal",
        ),
        (
            "成耐压40V～1 20V的LDMOS",
            "成耐压40V～120V的LDMOS",
            "a figure that a line wrap tore",
        ),
        (
            "650V和12 00V两个电压等级",
            "650V和1200V两个电压等级",
            "a fragment starting with zero",
        ),
        (
            "年旅客吞吐量45 00万人次",
            "年旅客吞吐量4500万人次",
            "zeros before a magnitude",
        ),
        (
            "合计销售额为11.3 8亿元",
            "合计销售额为11.38亿元",
            "a single last digit",
        ),
        (
            "形成的商誉为1. 46亿元",
            "形成的商誉为1.46亿元",
            "a point ending a fragment",
        ),
        (
            "管路滑脱占9. 8%。",
            "管路滑脱占9.8%。",
            "a point before a percent",
        ),
        (
            "客户退货率为0. 85‰，较上年",
            "客户退货率为0.85‰，较上年",
            "per mille",
        ),
        (
            "Cs排放量1,8 00吨以上",
            "Cs排放量1,800吨以上",
            "a thousands group",
        ),
        ("接近7 2 %。", "接近72%。", "digits and the sign"),
        (
            "覆 盖 0 . 1 8μm 至",
            "覆盖0.18μm至",
            "a run cut short by a glued unit",
        ),
        ("首 次 实 现 G a 2O 3", "首次实现Ga2O3", "a spaced formula"),
        ("2 8 n m 工 艺", "28nm工艺", "a spaced measure"),
        ("共 3 5 家", "共35家", "two spaced digits in Han text"),
        (
            "图1 2023年各区浓度",
            "图1 2023年各区浓度",
            "a figure number before a year",
        ),
        (
            "表2 2019—2023年数据",
            "表2 2019—2023年数据",
            "a table number before a range",
        ),
        ("125 138 152", "125 138 152", "a table row"),
        (
            "营业收入 12.5 13.8 15.2",
            "营业收入12.5 13.8 15.2",
            "decimals side by side",
        ),
        (
            "分别为2.5 3.1和4.2",
            "分别为2.5 3.1和4.2",
            "joined they would not be a figure",
        ),
        (
            "ARJ21 C919 CR929",
            "ARJ21 C919 CR929",
            "a space between two codes",
        ),
        (
            "version 2 0 of it",
            "version 2 0 of it",
            "digits in English",
        ),
        (
            "average 3 7 % larger",
            "average 3 7 % larger",
            "no Chinese text around",
        ),
        (
            "1200 mm × 800 mm",
            "1200 mm × 800 mm",
            "an author's space before a word unit",
        ),
        ("12 ns to 1.08 μs", "12 ns to 1.08 μs", "English with units"),
        ("and/ or", "and/ or", "no figure before the slash"),
        ("GB/T 14848—2017", "GB/T 14848—2017", "a standard's number"),
        (
            "第2部分      强化技术攻关",
            "第2部分 强化技术攻关",
            "a chapter marker's number is no figure to rejoin",
        ),
        (
            "2.1 推进研发",
            "2.1 推进研发",
            "a section number keeps its space",
        ),
        ("2.1 5个", "2.1 5个", "a section number and a count"),
        ("1. 2024年度项目", "1. 2024年度项目", "a list item's number"),
        (
            "4 . 1   2 0 2 4 年 经 营",
            "4.1 2024年经营",
            "a word space ends the figure",
        ),
        ("上海 200237）", "上海 200237）", "a postal code"),
        ("Beliefs 2 3", "Beliefs 2 3", "English"),
        ("3 m and 5 s", "3 m and 5 s", "units in English"),
        ("温度 25 %", "温度25%", "a percent sign in Chinese text"),
        (
            "the 25 % share",
            "the 25 % share",
            "a percent sign in English",
        ),
        (
            "Outlook Q4 2024》中",
            "Outlook Q4 2024》中",
            "a code's digits and a year",
        ),
        (
            "航程为1 2000公里",
            "航程为12000公里",
            "four digits that are no year",
        ),
        (
            "科创\n5 0\n指数收于",
            "科创\n50指数收于",
            "a figure alone on its line; the short line after it joins it as a chapter title would",
        ),
        ("1 . 1", "1.1", "a heading's number alone on its line"),
        (
            "于200\n4年分别提出",
            "于2004年分别提出",
            "a figure a line wrap tore",
        ),
        (
            "区2 0 2 3\n年度报告",
            "区2023年度报告",
            "a figure and its unit on two lines",
        ),
        (
            "第一章 绪论 3\n1 引言",
            "第一章 绪论 3\n1 引言",
            "a table of contents",
        ),
        (
            "第一章 绪论 3\n年度总结 5",
            "第一章 绪论 3\n年度总结 5",
            "a page number is not glued to Han",
        ),
        (
            "compiled 10\n25 samples",
            "compiled 10\n25 samples",
            "English",
        ),
        (
            "（GB/T 14\n848—2017）",
            "（GB/T 14848—2017）",
            "a standard's number torn by a wrap",
        ),
        ("(1) 2023年", "(1) 2023年", "a bracketed number and a year"),
        ("2023 2024 2025", "2023 2024 2025", "years heading a table"),
        ("12.5 13.8", "12.5 13.8", "two decimals"),
        ("ISO 9001", "ISO 9001", "a standard"),
        ("IATF 16949", "IATF 16949", "a standard"),
        ("RTX 4090 GPU", "RTX 4090 GPU", "a product"),
        ("Windows 10 11", "Windows 10 11", "two versions"),
        ("Q1 2024", "Q1 2024", "a quarter's code and a year"),
        ("No. 5 7", "No. 5 7", "English numbering"),
        (
            "1.2.3 4",
            "1.2.3 4",
            "a section number is no figure to extend",
        ),
        ("v1 2", "v1 2", "a version code"),
        // The spacing pass reads the signs of figures and units as Latin text.
        (
            "气温超过 30℃ 时应暂停",
            "气温超过30℃时应暂停",
            "a degree sign ends the Latin text",
        ),
        ("覆盖 0.18μm 至 90nm", "覆盖0.18μm至90nm", "micro in a unit"),
        (
            "离散度由 ±1.8V 缩小到 ±0.6V。",
            "离散度由±1.8V缩小到±0.6V。",
            "a plus-minus sign",
        ),
        ("比例为 1∶4 时", "比例为1∶4时", "a ratio sign"),
        ("以 m²/g 为单位", "以m²/g为单位", "an exponent"),
        ("α and β", "α and β", "Greek letters in English"),
        (
            "采用2 8 n m工艺",
            "采用28nm工艺",
            "a figure and unit spaced out together are one run (letter-spacing \
             hides whether a space stood between them)",
        ),
        (
            "单机功率4 ~ 6 M W，",
            "单机功率4~6MW，",
            "a range spaced apart",
        ),
        (
            "温度10 ~ 15℃之间",
            "温度10~15℃之间",
            "a range separator between spaces",
        ),
        ("version 4 ~ 6 of", "version 4 ~ 6 of", "a range in English"),
        (
            "首次实现G a 2O 3单晶",
            "首次实现Ga2O3单晶",
            "a spaced formula glued to Han",
        ),
        ("water H 2 O is", "water H 2 O is", "a formula in English"),
        (
            "尺寸为10~1\n2μm的颗粒",
            "尺寸为10~12μm的颗粒",
            "a range's figure torn by a line break",
        ),
        (
            "同比增长8.92\n%，其中",
            "同比增长8.92%，其中",
            "a percent sign on the next line",
        ),
        (
            "营业收入5\n.31亿元，同比",
            "营业收入5.31亿元，同比",
            "a decimal point on the next line",
        ),
    ];

    #[test]
    fn table() {
        crate::quantity::tests::check_repairs(&crate::Tidy::new(), CASES);
    }

    /// With the pass off, the fragments stay.
    #[test]
    fn switch() {
        let tidy = crate::Tidy::new().with(crate::Pass::Quantities, false);
        let got = tidy.repair("同比增长1 2.7%，其中\n").into_text();
        assert_eq!(got, "同比增长1 2.7%，其中\n");
    }
}
