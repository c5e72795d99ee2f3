//! Recognising running headers and page numbers in a line of text, from
//! what the corpus manifest says about the file's layout (its header text,
//! its page-number format and its page count) and from the common Chinese
//! page-number forms (`— 3 —`, `- 3 -`, `第 3 页 共 12 页`, `3 / 12`).

use std::sync::OnceLock;

use regex::Regex;

use crate::text;

/// What a leaked line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leak {
    Header,
    PageNumber,
}

/// Recognises the running header and page numbers of one extracted file.
pub struct Boilerplate {
    header_key: Option<String>,
    /// The page-number forms this file's layout prints, whitespace removed,
    /// for every page (only forms with more than a bare number).
    page_forms: Vec<String>,
    /// Page count: a bare number above it is content cut off by a false
    /// line break, not a page number.
    pages: Option<usize>,
}

fn generic_page_number() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:[-—–－−~～_·]+[0-9]{1,4}[-—–－−~～_·]+",
            r"|第[0-9]+页(?:[,，]?共[0-9]+页)?",
            r"|[0-9]+/[0-9]+",
            r"|(?i:page)[0-9]+(?:(?i:of)[0-9]+)?)$"
        ))
        .expect("page number pattern")
    })
}

impl Boilerplate {
    /// From the manifest's running header, page-number format (`{n}` and
    /// `{total}` placeholders) and page count.
    pub fn new(header: Option<&str>, format: Option<&str>, pages: Option<usize>) -> Boilerplate {
        let header_key = header.map(text::mask_key).filter(|k| !k.is_empty());
        let mut page_forms = Vec::new();
        if let Some(format) = format {
            let bare = text::strip_ws(format);
            if bare != "{n}" {
                let total = pages.unwrap_or(0);
                let last = if total > 0 { total } else { 30 };
                for n in 1..=last {
                    page_forms.push(
                        bare.replace("{n}", &n.to_string())
                            .replace("{total}", &total.to_string()),
                    );
                }
            }
        }
        Boilerplate {
            header_key,
            page_forms,
            pages,
        }
    }

    /// Whether a line (of any whitespace) is a running header or a page number.
    pub fn classify(&self, line: &str) -> Option<Leak> {
        let stripped = text::strip_ws(line);
        if stripped.is_empty() {
            return None;
        }
        if self.header_key.as_deref() == Some(text::mask_key(&stripped).as_str()) {
            return Some(Leak::Header);
        }
        if generic_page_number().is_match(&stripped) || self.page_forms.contains(&stripped) {
            return Some(Leak::PageNumber);
        }
        if stripped.len() <= 4 && stripped.bytes().all(|b| b.is_ascii_digit()) {
            let n: usize = stripped.parse().unwrap_or(0);
            if self.pages.map_or(n > 0, |p| (1..=p).contains(&n)) {
                return Some(Leak::PageNumber);
            }
        }
        None
    }

    /// Occurrences of the header and of this layout's page-number forms in a
    /// whitespace-free text.
    pub fn occurrences(&self, stripped: &str) -> usize {
        let mut n = 0;
        if let Some(key) = &self.header_key {
            let masked: String = stripped
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
            n += masked.matches(key.as_str()).count();
        }
        for form in &self.page_forms {
            n += count_delimited(stripped, form);
        }
        n
    }
}

/// Occurrences of `needle` not glued to a digit on either side.
fn count_delimited(hay: &str, needle: &str) -> usize {
    let mut n = 0;
    for (at, _) in hay.match_indices(needle) {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        if !digit(before) && !digit(after) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_table() {
        let bp = Boilerplate::new(
            Some("临床医学通讯 2023 年第 2 期"),
            Some("第 {n} 页 共 {total} 页"),
            Some(4),
        );
        let cases = [
            ("临床医学通讯 2023 年第 2 期", Some(Leak::Header)),
            ("临床医学通讯2024年第3期", Some(Leak::Header)),
            ("— 3 —", Some(Leak::PageNumber)),
            ("- 12 -", Some(Leak::PageNumber)),
            ("第 3 页 共 4 页", Some(Leak::PageNumber)),
            ("第3页", Some(Leak::PageNumber)),
            ("3 / 4", Some(Leak::PageNumber)),
            ("Page 2 of 4", Some(Leak::PageNumber)),
            ("3", Some(Leak::PageNumber)),
            // Bare numbers beyond the page count are content.
            ("2023", None),
            ("1.", None),
            ("临床医学通讯", None),
            ("", None),
        ];
        for (line, want) in cases {
            assert_eq!(bp.classify(line), want, "{line:?}");
        }
    }

    #[test]
    fn occurrences_not_glued_to_digits() {
        let bp = Boilerplate::new(None, Some("— {n} —"), Some(3));
        assert_eq!(bp.occurrences("正文—2—继续"), 1);
        assert_eq!(bp.occurrences("正文—12—继续"), 0);
        let bp = Boilerplate::new(Some("2023 年报"), None, None);
        assert_eq!(bp.occurrences("2024年报正文2023年报"), 2);
    }
}
