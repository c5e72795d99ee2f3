//! The columns pass on the corpora, where it reorders only two-column
//! text (laid out side by side, or interleaved line by line), and on random
//! two-column pages, where it moves text without losing any, leaves no
//! lines side by side, and the whole repair stays idempotent.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use zhtidy::edit::apply;
use zhtidy::{columns, Edit, Rule, Tidy};

/// The entries of `dir` that `keep`, sorted.
fn entries(dir: &Path, keep: fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| keep(p))
        .collect();
    out.sort();
    out
}

fn texts(dir: &Path) -> Vec<PathBuf> {
    entries(dir, |p| p.extension().is_some_and(|x| x == "txt"))
}

fn dirs(dir: &Path) -> Vec<PathBuf> {
    entries(dir, Path::is_dir)
}

fn column_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    columns::edits(text, &mut edits);
    edits
}

/// The rules of the columns pass's edits of the text at `path`, without
/// repeats.
fn reorders(path: &Path) -> Vec<Rule> {
    let text = std::fs::read_to_string(path).expect("corpus text is UTF-8");
    let mut rules: Vec<Rule> = column_edits(&text).iter().map(|e| e.rule).collect();
    rules.dedup();
    rules
}

/// The characters of a text other than spaces and line ends, sorted.
fn ink(text: &str) -> Vec<char> {
    let mut cs: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    cs.sort_unstable();
    cs
}

/// Half of a line of a two-column page: Han, some Latin and punctuation,
/// with the odd single space.
fn half() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(&['中', '文', '，', '。', 'a', '1', ' '][..]);
    prop::collection::vec(chars, 0..30).prop_map(|cs| cs.into_iter().collect())
}

/// A line of one column that an extractor interleaved with the other:
/// mostly as wide as the column, without spaces.
fn column_line() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(&['中', '文', '字', '，', '。', '：', 'a', '1', '2', '.'][..]);
    let len = prop_oneof![3 => 23..27usize, 1 => 1..27usize];
    len.prop_flat_map(move |n| prop::collection::vec(chars.clone(), n))
        .prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Pages laid side by side at a jittering gutter, with blank lines and
    /// page breaks: the pass moves text but never loses or adds any, its
    /// output has no lines side by side, and the whole repair is
    /// idempotent. (The pass alone need not be: a left half with a space
    /// in it, moved onto a line of its own, can read as a line of both
    /// interleaved columns on a second run; see the test below.)
    #[test]
    fn reordering_keeps_the_text_and_is_idempotent(
        rows in prop::collection::vec((half(), 0usize..8, half(), 0usize..12), 0..40)
    ) {
        let text: String = rows
            .iter()
            .map(|(l, pad, r, extra)| match extra {
                0 => "\n".to_string(),
                1 => "\x0c".to_string(),
                _ => format!("{l:<36}{}{r}\n", " ".repeat(*pad)),
            })
            .collect();
        let once = apply(&text, &column_edits(&text)).0;
        prop_assert_eq!(ink(&once), ink(&text));
        let side_by_side = column_edits(&once)
            .iter()
            .any(|e| e.rule == Rule::ColumnReorder);
        prop_assert!(!side_by_side, "lines side by side remain: {:?}", once);
        let tidy = Tidy::new();
        let repaired = tidy.repair(&text).into_text();
        prop_assert_eq!(tidy.repair(&repaired).into_text(), repaired);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Pages whose columns are interleaved: lines of both joined by a
    /// space, or of one. The pass moves text but never loses or adds any,
    /// and the whole repair is idempotent. (The pass alone need not be: on
    /// its own output, the halves it divided give the page another
    /// measure, but the repair leaves no form feeds, and the pass reads
    /// only pages an extractor marked.)
    #[test]
    fn deinterleaving_keeps_the_text_and_is_idempotent(
        rows in prop::collection::vec((column_line(), column_line(), 0usize..16), 0..60)
    ) {
        let text: String = rows
            .iter()
            .map(|(l, r, kind)| match kind {
                0 => format!("{l}\x0c"),
                1..=5 => format!("{l}\n"),
                6..=10 => format!("{r}\n"),
                _ => format!("{l} {r}\n"),
            })
            .collect();
        let once = apply(&text, &column_edits(&text)).0;
        prop_assert_eq!(ink(&once), ink(&text));
        let tidy = Tidy::new();
        let repaired = tidy.repair(&text).into_text();
        prop_assert_eq!(tidy.repair(&repaired).into_text(), repaired);
    }
}

#[test]
fn only_two_column_text_is_reordered() {
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let extracted = corpora.join("extracted");
    let mut checked = 0;
    for layout in dirs(&extracted) {
        for extractor in dirs(&layout) {
            for path in texts(&extractor) {
                // pdfplumber interleaves the columns of every two-column
                // page; pdfminer.six follows them in blocks, and so does
                // pdftotext, except for some blocks that it interleaves
                // (in all documents but two, where no line holds both
                // columns).
                let blocks_only = ["03-government-notice", "04-annual-report"]
                    .iter()
                    .any(|doc| path.file_stem().is_some_and(|s| s == *doc));
                let expected: &[Rule] = match layout.ends_with("twocol") {
                    true if extractor.ends_with("pdftotext-layout") => &[Rule::ColumnReorder],
                    true if extractor.ends_with("pdfplumber") => &[Rule::ColumnDeinterleave],
                    true if extractor.ends_with("pdftotext") && !blocks_only => {
                        &[Rule::ColumnDeinterleave]
                    }
                    _ => &[],
                };
                assert_eq!(reorders(&path), expected, "{}", path.display());
                checked += 1;
            }
        }
    }
    for dir in ["clean", "sources"] {
        for path in texts(&corpora.join(dir)) {
            assert!(reorders(&path).is_empty(), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 250, "only {checked} corpus texts found");
}
