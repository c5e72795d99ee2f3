//! The columns pass on the corpora: it reorders only text laid out side by
//! side, and leaves every other text alone.

use std::path::{Path, PathBuf};

use zhtidy::{columns, Edit};

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

fn reorders(path: &Path) -> bool {
    let text = std::fs::read_to_string(path).expect("corpus text is UTF-8");
    let mut edits: Vec<Edit> = Vec::new();
    columns::edits(&text, &mut edits);
    !edits.is_empty()
}

#[test]
fn only_side_by_side_columns_are_reordered() {
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    let extracted = corpora.join("extracted");
    let mut checked = 0;
    for layout in dirs(&extracted) {
        for extractor in dirs(&layout) {
            let side_by_side =
                layout.ends_with("twocol") && extractor.ends_with("pdftotext-layout");
            for path in texts(&extractor) {
                assert_eq!(reorders(&path), side_by_side, "{}", path.display());
                checked += 1;
            }
        }
    }
    for dir in ["clean", "sources"] {
        for path in texts(&corpora.join(dir)) {
            assert!(!reorders(&path), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 250, "only {checked} corpus texts found");
}
