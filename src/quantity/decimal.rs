//! Exact decimals for the values of quantities.
//!
//! A figure in a report is a decimal written by a person: `1286.4亿元` is
//! exactly 128,640,000,000 yuan, and a float would print it as
//! `128640000000.00002` or lose digits of a long serial figure. A value is
//! kept as its digits and a scale, and a magnitude (`万`, `亿`, `×10⁸`) moves
//! the decimal point instead of multiplying.

use std::cmp::Ordering;
use std::fmt;

/// Fractional digits a quotient may need before it counts as not exact.
const MAX_QUOTIENT_SCALE: usize = 12;

/// `sign × digits × 10^-scale`, written without a float.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    /// ASCII digits, no leading zeros (`"0"` for zero).
    digits: String,
    /// Digits after the decimal point.
    scale: usize,
}

impl Decimal {
    /// Parses `[+-]digits[.digits]`; thousands separators must already be
    /// gone. `None` for anything else.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, body) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digit(int) || !digit(frac) || (body.ends_with('.')) {
            return None;
        }
        Some(Decimal::from_parts(
            negative,
            [int, frac].concat(),
            frac.len(),
        ))
    }

    /// Whole numbers, for the Chinese numerals.
    pub fn from_u64(n: u64) -> Decimal {
        Decimal::from_parts(false, n.to_string(), 0)
    }

    fn from_parts(negative: bool, digits: String, scale: usize) -> Decimal {
        let trimmed = digits.trim_start_matches('0');
        let digits = if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        };
        let negative = negative && digits != "0";
        Decimal {
            negative,
            digits,
            scale,
        }
    }

    /// The value times `10^exp`: a magnitude applied exactly.
    pub fn shift(mut self, exp: i32) -> Decimal {
        let up = exp.unsigned_abs() as usize;
        if exp >= 0 {
            let keep = self.scale.min(up);
            self.scale -= keep;
            self.digits.extend(std::iter::repeat_n('0', up - keep));
        } else {
            self.scale += up;
        }
        Decimal::from_parts(self.negative, self.digits, self.scale)
    }

    /// `self / divisor` when the quotient has a short finite decimal
    /// expansion (`四十分之一` is 0.025), `None` when it does not
    /// (`三分之一`) or the figures are too long to divide exactly.
    pub fn divide(&self, divisor: u64) -> Option<Decimal> {
        let n: u128 = self.digits.parse().ok()?;
        let d = u128::from(divisor);
        if d == 0 {
            return None;
        }
        let mut scaled = n;
        for k in 0..=MAX_QUOTIENT_SCALE {
            if scaled.is_multiple_of(d) {
                let q = Decimal::from_parts(self.negative, (scaled / d).to_string(), 0);
                return Some(q.shift(-((self.scale + k) as i32)));
            }
            scaled = scaled.checked_mul(10)?;
        }
        None
    }
}

impl Ord for Decimal {
    /// By value: `5.00` equals `5`, for telling a rising range.
    fn cmp(&self, other: &Decimal) -> Ordering {
        let magnitude = |d: &Decimal, scale: usize| {
            let digits = d.digits.clone() + &"0".repeat(scale - d.scale);
            (digits.len(), digits)
        };
        let scale = self.scale.max(other.scale);
        let by_size = magnitude(self, scale).cmp(&magnitude(other, scale));
        match (self.negative, other.negative) {
            (false, false) => by_size,
            (true, true) => by_size.reverse(),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal notation with no trailing fractional zeros beyond
    /// what was written: `1286.4亿` is `128640000000`, `0.85‰` stays `0.85`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        if self.scale == 0 {
            return f.write_str(&self.digits);
        }
        let pad = (self.scale + 1).saturating_sub(self.digits.len());
        let padded: String = "0".repeat(pad) + &self.digits;
        let (int, frac) = padded.split_at(padded.len() - self.scale);
        write!(f, "{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (text, shift, shown, why)
        let cases = [
            (
                "1286.4",
                8,
                "128640000000",
                "亿 moves the point eight places",
            ),
            ("15", 4, "150000", "万"),
            ("0.85", 0, "0.85", "trailing zeros as written are kept"),
            ("5.00", 0, "5.00", "a figure's precision is part of it"),
            ("007", 0, "7", "leading zeros go"),
            ("-3.5", 0, "-3.5", "a sign"),
            ("1", -3, "0.001", "a negative exponent"),
            ("2.5", 1, "25", "a shift that eats the scale"),
            ("-0", 0, "0", "negative zero is zero"),
        ];
        for (text, exp, shown, why) in cases {
            let d = Decimal::parse(text).expect(why).shift(exp);
            assert_eq!(d.to_string(), shown, "{why}");
        }
        for bad in ["", ".5", "5.", "1.2.3", "1,200", "a1", "-"] {
            assert_eq!(Decimal::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn order() {
        // (a, b, a < b)
        let cases = [
            ("5.00", "5", false),
            ("4.75", "5", true),
            ("20", "14", false),
            ("-3", "2", true),
            ("-3", "-2", true),
            ("0.001", "0.01", true),
        ];
        for (a, b, less) in cases {
            let (a, b) = (Decimal::parse(a).unwrap(), Decimal::parse(b).unwrap());
            assert_eq!(a < b, less, "{a} < {b}");
        }
    }

    #[test]
    fn division() {
        // (numerator, divisor, quotient)
        let cases = [
            ("1", 40, Some("0.025")),
            ("1", 3, None),
            ("3", 4, Some("0.75")),
            ("1", 0, None),
            ("6", 3, Some("2")),
            ("0.5", 4, Some("0.125")),
        ];
        for (n, d, q) in cases {
            let got = Decimal::parse(n).unwrap().divide(d).map(|q| q.to_string());
            assert_eq!(got.as_deref(), q, "{n}/{d}");
        }
    }
}
