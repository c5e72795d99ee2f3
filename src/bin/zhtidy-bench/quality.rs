//! The quality report: every extracted file scored raw and repaired against
//! its truth, grouped by extractor and by layout; the glyph-damage set; the
//! must-not-change texts.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use serde::Serialize;
use zhtidy::segment::Segmenter;

use crate::boilerplate::Boilerplate;
use crate::corpus::{self, Case};
use crate::glyphs::{self, GlyphReport};
use crate::metrics::{self, Counts, Examples, Figures, Truth};
use crate::runner::Runner;
use crate::table::Table;

/// The layout whose two columns most extractors interleave or disorder:
/// the repair restores its reading order only in part (pdftotext
/// `-layout`'s and pdfplumber's pages), so word figures are also given
/// without it.
const INTERLEAVED: &str = "twocol";

pub struct Options {
    pub json: Option<PathBuf>,
    pub cmd: Option<String>,
    pub corpora: Option<PathBuf>,
    pub examples: usize,
    pub threads: Option<usize>,
    pub write_floor: Option<PathBuf>,
    /// Read each extraction with its form feeds made line ends, as code
    /// that joins an extractor's pages with `\n` gives it.
    pub join_pages: bool,
}

#[derive(Serialize)]
struct FileResult {
    path: String,
    layout: String,
    extractor: String,
    doc: String,
    seconds: f64,
    error: Option<String>,
    raw: Figures,
    output: Figures,
    examples: Examples,
}

#[derive(Serialize)]
struct Pair {
    raw: Figures,
    output: Figures,
}

#[derive(Serialize)]
struct MncFailure {
    file: String,
    line: usize,
    expected: String,
    got: String,
}

#[derive(Serialize)]
struct MncReport {
    checked: usize,
    failures: Vec<MncFailure>,
}

/// The overall figures of the tool, under the names the floor file uses.
#[derive(Serialize)]
struct Summary {
    cer: f64,
    spurious_spaces_per_1000_han: f64,
    missing_spaces_per_1000_han: f64,
    boundary_precision: f64,
    boundary_recall: f64,
    boundary_f1: f64,
    boilerplate_leaked: usize,
    boilerplate_embedded: usize,
    numbers_kept: f64,
    segmentation_f1: f64,
    blocks_intact: f64,
    glyphs_restored: Option<f64>,
    must_not_change_failures: usize,
}

#[derive(Serialize)]
struct Report {
    tool: String,
    corpora: String,
    /// Whether form feeds were made line ends before repair.
    join_pages: bool,
    seconds: f64,
    summary: Summary,
    overall: Pair,
    by_extractor: BTreeMap<String, Pair>,
    by_layout: BTreeMap<String, Pair>,
    /// By extractor, without the layout whose columns extractors interleave.
    by_extractor_single_column: BTreeMap<String, Pair>,
    glyphs: Option<GlyphReport>,
    must_not_change: MncReport,
    files: Vec<FileResult>,
    notes: Vec<String>,
}

/// Runs `f` over `items` on a few threads, keeping the order.
fn par_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                results.lock().expect("no thread panicked")[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .expect("no thread panicked")
        .into_iter()
        .map(|r| r.expect("every item done"))
        .collect()
}

pub fn run(opts: Options) -> Result<(), String> {
    let started = Instant::now();
    let root = corpus::locate(opts.corpora.as_deref())?;
    let corpus = corpus::load(&root)?;
    let mut notes = corpus.notes.clone();
    let runner = match &opts.cmd {
        Some(cmd) => Runner::Shell(cmd.clone()),
        None => Runner::InProcess(zhtidy::Tidy::new()),
    };
    let threads = opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let segmenter = Segmenter::new();
    let truths: BTreeMap<&str, Truth> = corpus
        .truths
        .iter()
        .map(|(doc, text)| (doc.as_str(), Truth::new(text, &segmenter)))
        .collect();
    let cap = opts.examples.max(3);

    let files: Vec<FileResult> = par_map(&corpus.cases, threads, |case: &Case| {
        let truth = &truths[case.doc.as_str()];
        let bp = Boilerplate::new(
            case.header.as_deref(),
            case.page_format.as_deref(),
            case.pages,
        );
        let mut raw_text = corpus::read(&case.path).unwrap_or_else(|e| e);
        if opts.join_pages {
            raw_text = raw_text.replace('\x0c', "\n");
        }
        let t0 = Instant::now();
        let (out_text, error) = match runner.run(&raw_text) {
            Ok(o) => (o.text, None),
            Err(e) => (String::new(), Some(e)),
        };
        let seconds = t0.elapsed().as_secs_f64();
        let raw = metrics::score(&raw_text, truth, &bp, &segmenter, None);
        let mut examples = Examples::with_cap(cap);
        let output = metrics::score(&out_text, truth, &bp, &segmenter, Some(&mut examples));
        FileResult {
            path: case.path.display().to_string(),
            layout: case.layout.clone(),
            extractor: case.extractor.clone(),
            doc: case.doc.clone(),
            seconds,
            error,
            raw: Figures::from(raw),
            output: Figures::from(output),
            examples,
        }
    });
    for f in &files {
        if let Some(e) = &f.error {
            notes.push(format!("{}: {e}", f.path));
        }
    }

    let glyphs = glyph_report(&root, &corpus.cases, &runner, threads, &mut notes);
    let mnc = must_not_change(&root, &runner, threads)?;

    let group = |key: &dyn Fn(&FileResult) -> &str, keep: &dyn Fn(&FileResult) -> bool| {
        let mut sums: BTreeMap<String, (Counts, Counts)> = BTreeMap::new();
        for f in files.iter().filter(|f| keep(f)) {
            let e = sums.entry(key(f).to_owned()).or_default();
            e.0 += f.raw.counts;
            e.1 += f.output.counts;
        }
        sums.into_iter()
            .map(|(k, (r, o))| {
                (
                    k,
                    Pair {
                        raw: Figures::from(r),
                        output: Figures::from(o),
                    },
                )
            })
            .collect::<BTreeMap<_, _>>()
    };
    let by_extractor = group(&|f| f.extractor.as_str(), &|_| true);
    let by_layout = group(&|f| f.layout.as_str(), &|_| true);
    let by_extractor_single_column = group(&|f| f.extractor.as_str(), &|f| f.layout != INTERLEAVED);
    let (mut raw_all, mut out_all) = (Counts::default(), Counts::default());
    for f in &files {
        raw_all += f.raw.counts;
        out_all += f.output.counts;
    }
    let overall = Pair {
        raw: Figures::from(raw_all),
        output: Figures::from(out_all),
    };
    let o = &overall.output;
    let summary = Summary {
        cer: o.cer,
        spurious_spaces_per_1000_han: o.spurious_spaces_per_1000_han,
        missing_spaces_per_1000_han: o.missing_spaces_per_1000_han,
        boundary_precision: o.boundary_precision,
        boundary_recall: o.boundary_recall,
        boundary_f1: o.boundary_f1,
        boilerplate_leaked: o.boilerplate_leaked,
        boilerplate_embedded: o.boilerplate_embedded,
        numbers_kept: o.numbers_kept,
        segmentation_f1: o.segmentation_f1,
        blocks_intact: o.blocks_intact,
        glyphs_restored: glyphs.as_ref().map(|g| g.total.share()),
        must_not_change_failures: mnc.failures.len(),
    };
    let report = Report {
        tool: runner.label(),
        join_pages: opts.join_pages,
        corpora: root.display().to_string(),
        seconds: started.elapsed().as_secs_f64(),
        summary,
        overall,
        by_extractor,
        by_layout,
        by_extractor_single_column,
        glyphs,
        must_not_change: mnc,
        files,
        notes,
    };
    print!("{}", render(&report, opts.examples));
    if let Some(path) = &opts.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(path) = &opts.write_floor {
        let command = format!(
            "zhtidy-bench quality{} --write-floor {}",
            if opts.join_pages { " --join-pages" } else { "" },
            path.display()
        );
        let json = serde_json::to_string_pretty(&floor(&report.summary, &command))
            .map_err(|e| e.to_string())?;
        std::fs::write(path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// A floor for `tests/quality_floor.rs` from this run's figures, each with
/// a small margin so that only a real change trips it.
fn floor(s: &Summary, command: &str) -> serde_json::Value {
    let up = |x: f64, margin: f64| ((x + margin) * 1e4).ceil() / 1e4;
    let down = |x: f64, margin: f64| ((x - margin).max(0.0) * 1e4).floor() / 1e4;
    let mut m = serde_json::Map::new();
    m.insert(
        "_comment".into(),
        format!(
            "Overall zhtidy figures the quality may not fall below (tests/quality_floor.rs). \
             Made by `{command}` from a real run, with a small margin; rewrite it the same \
             way when zhtidy improves."
        )
        .into(),
    );
    m.insert("cer_max".into(), up(s.cer, 0.002).into());
    m.insert(
        "spurious_spaces_per_1000_han_max".into(),
        up(s.spurious_spaces_per_1000_han, 0.5).into(),
    );
    m.insert(
        "missing_spaces_per_1000_han_max".into(),
        up(s.missing_spaces_per_1000_han, 0.5).into(),
    );
    m.insert("boundary_f1_min".into(), down(s.boundary_f1, 0.005).into());
    m.insert(
        "boilerplate_leaked_max".into(),
        (s.boilerplate_leaked + 3).into(),
    );
    m.insert(
        "boilerplate_embedded_max".into(),
        (s.boilerplate_embedded + 3).into(),
    );
    m.insert(
        "numbers_kept_min".into(),
        down(s.numbers_kept, 0.003).into(),
    );
    m.insert(
        "segmentation_f1_min".into(),
        down(s.segmentation_f1, 0.003).into(),
    );
    // Deterministic, and a block lost is content lost: a margin of about
    // four blocks of the corpora's 13,824.
    m.insert(
        "blocks_intact_min".into(),
        down(s.blocks_intact, 0.0003).into(),
    );
    if let Some(g) = s.glyphs_restored {
        m.insert("glyphs_restored_min".into(), down(g, 0.005).into());
    }
    m.insert(
        "must_not_change_failures_max".into(),
        s.must_not_change_failures.into(),
    );
    serde_json::Value::Object(m)
}

fn glyph_report(
    root: &std::path::Path,
    cases: &[Case],
    runner: &Runner,
    threads: usize,
    notes: &mut Vec<String>,
) -> Option<GlyphReport> {
    let (docs, glyph_notes) = corpus::glyph_docs(root);
    notes.extend(glyph_notes.iter().cloned());
    if docs.is_empty() {
        notes.push("no glyph-damage set (corpora/glyphs): glyphs not measured".into());
        return None;
    }
    let outputs = par_map(&docs, threads, |d| match runner.run(&d.text) {
        Ok(o) => {
            let got: Vec<Option<String>> = match &o.repaired {
                Some(r) => d
                    .injections
                    .iter()
                    .map(|i| {
                        glyphs::replaced_by_changes(r.text(), r.changes(), i).map(str::to_owned)
                    })
                    .collect(),
                None => glyphs::replaced_by_alignment(&d.text, &o.text, &d.injections),
            };
            Ok(got)
        }
        Err(e) => Err(e),
    });
    let mut report = GlyphReport {
        docs: docs.len(),
        notes: glyph_notes,
        ..GlyphReport::default()
    };
    for (d, got) in docs.iter().zip(outputs) {
        let got = match got {
            Ok(g) => g,
            Err(e) => {
                notes.push(format!("glyphs/{}: {e}", d.doc));
                vec![None; d.injections.len()]
            }
        };
        // The damaged texts were made from justified/pdftotext: its facts
        // say what that file's header and page numbers look like.
        let facts = cases
            .iter()
            .find(|c| c.doc == d.doc && c.layout == "justified" && c.extractor == "pdftotext");
        let bp = Boilerplate::new(
            facts.and_then(|c| c.header.as_deref()),
            facts.and_then(|c| c.page_format.as_deref()),
            facts.and_then(|c| c.pages),
        );
        for (inj, g) in d.injections.iter().zip(&got) {
            if bp.classify(&glyphs::line_at(&d.text, inj.offset)).is_some() {
                report.in_boilerplate += 1;
                continue;
            }
            report.add(&d.doc, inj, g.as_deref());
        }
    }
    Some(report)
}

fn must_not_change(
    root: &std::path::Path,
    runner: &Runner,
    threads: usize,
) -> Result<MncReport, String> {
    let files = corpus::must_not_change(root);
    let results = par_map(
        &files,
        threads,
        |path| -> Result<Option<MncFailure>, String> {
            let input = corpus::read(path)?;
            let output = runner.run(&input)?.text;
            if output == input {
                return Ok(None);
            }
            let name = path
                .strip_prefix(root)
                .unwrap_or(path)
                .display()
                .to_string();
            let (line, expected, got) = first_difference(&input, &output);
            Ok(Some(MncFailure {
                file: name,
                line,
                expected,
                got,
            }))
        },
    );
    let mut failures = Vec::new();
    for r in results {
        if let Some(f) = r? {
            failures.push(f);
        }
    }
    Ok(MncReport {
        checked: files.len(),
        failures,
    })
}

/// The first line that differs (1-based) and both versions of it, cut to
/// a window around the first differing character.
fn first_difference(a: &str, b: &str) -> (usize, String, String) {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|&((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let line_start = a[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = a[..line_start].matches('\n').count() + 1;
    let show = |s: &str| {
        let rest = &s[line_start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        let text = &rest[..end];
        let col = text[..(at - line_start).min(text.len())].chars().count();
        let from = col.saturating_sub(40);
        let mut out = if from > 0 {
            "…".to_owned()
        } else {
            String::new()
        };
        out.extend(text.chars().skip(from).take(120));
        if text.chars().count() > from + 120 {
            out.push('…');
        }
        if line_start + end == s.len() && at >= s.len() {
            out.push_str("<end of text>");
        }
        out.replace('\x0c', "\\f").replace('\r', "\\r")
    };
    (line, show(a), show(b))
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn pair_cell(raw: String, out: String) -> String {
    format!("{raw} → {out}")
}

fn text_row(name: &str, p: &Pair) -> Vec<String> {
    let (r, o) = (&p.raw, &p.output);
    vec![
        name.to_owned(),
        r.counts.files.to_string(),
        pair_cell(format!("{:.3}", r.cer), format!("{:.3}", o.cer)),
        pair_cell(
            format!("{:.1}", r.spurious_spaces_per_1000_han),
            format!("{:.1}", o.spurious_spaces_per_1000_han),
        ),
        pair_cell(
            format!("{:.1}", r.missing_spaces_per_1000_han),
            format!("{:.1}", o.missing_spaces_per_1000_han),
        ),
        pair_cell(pct(r.numbers_kept), pct(o.numbers_kept)),
        pair_cell(
            format!("{:.3}", r.segmentation_f1),
            format!("{:.3}", o.segmentation_f1),
        ),
    ]
}

fn structure_row(name: &str, p: &Pair) -> Vec<String> {
    let (r, o) = (&p.raw, &p.output);
    vec![
        name.to_owned(),
        pair_cell(
            format!("{:.3}", r.boundary_precision),
            format!("{:.3}", o.boundary_precision),
        ),
        pair_cell(
            format!("{:.3}", r.boundary_recall),
            format!("{:.3}", o.boundary_recall),
        ),
        pair_cell(
            format!("{:.3}", r.boundary_f1),
            format!("{:.3}", o.boundary_f1),
        ),
        pair_cell(
            r.boilerplate_leaked.to_string(),
            o.boilerplate_leaked.to_string(),
        ),
        pair_cell(
            r.boilerplate_embedded.to_string(),
            o.boilerplate_embedded.to_string(),
        ),
        pair_cell(
            format!("{:.1}%", 100.0 * r.blocks_intact),
            format!("{:.1}%", 100.0 * o.blocks_intact),
        ),
    ]
}

fn tables(label: &str, groups: &BTreeMap<String, Pair>, overall: &Pair, tool: &str) -> String {
    let mut text = Table::new(
        format!("Text by {label} (raw → {tool})"),
        &[
            label,
            "files",
            "CER",
            "spurious sp/1k Han",
            "missing sp/1k Han",
            "numbers whole",
            "segmentation F1",
        ],
    );
    let mut structure = Table::new(
        format!("Structure by {label} (raw → {tool})"),
        &[
            label,
            "boundary P",
            "boundary R",
            "boundary F1",
            "boilerplate lines",
            "boilerplate in lines",
            "blocks intact",
        ],
    );
    for (name, p) in groups {
        text.row(text_row(name, p));
        structure.row(structure_row(name, p));
    }
    text.rule();
    structure.rule();
    text.row(text_row("overall", overall));
    structure.row(structure_row("overall", overall));
    format!("{}\n{}\n", text.render(), structure.render())
}

fn render(r: &Report, examples: usize) -> String {
    let tool = if r.tool == "zhtidy" {
        "zhtidy"
    } else {
        "output"
    };
    let mut s = format!(
        "zhtidy-bench quality: {} files, tool: {}, corpora: {}{}\n\n",
        r.files.len(),
        r.tool,
        r.corpora,
        if r.join_pages {
            ", pages joined by line ends"
        } else {
            ""
        }
    );
    s += &tables("extractor", &r.by_extractor, &r.overall, tool);
    s += &tables("layout", &r.by_layout, &r.overall, tool);
    let mut words = Table::new(
        format!("Word F1 by extractor, without the {INTERLEAVED} layout (raw → {tool})"),
        &["extractor", "files", "precision", "recall", "F1"],
    );
    for (name, p) in &r.by_extractor_single_column {
        let (a, b) = (&p.raw, &p.output);
        let cell = |x: f64, y: f64| pair_cell(format!("{x:.3}"), format!("{y:.3}"));
        words.row(vec![
            name.clone(),
            a.counts.files.to_string(),
            cell(a.segmentation_precision, b.segmentation_precision),
            cell(a.segmentation_recall, b.segmentation_recall),
            cell(a.segmentation_f1, b.segmentation_f1),
        ]);
    }
    s += &words.render();
    s += "\n";
    match &r.glyphs {
        Some(g) => {
            let mut t = Table::new(
                format!("Glyphs restored ({} damaged documents)", g.docs),
                &["kind", "injections", "restored", "share"],
            );
            for (kind, tally) in &g.by_kind {
                t.row(vec![
                    kind.clone(),
                    tally.injections.to_string(),
                    tally.restored.to_string(),
                    pct(tally.share()),
                ]);
            }
            t.rule();
            t.row(vec![
                "overall".into(),
                g.total.injections.to_string(),
                g.total.restored.to_string(),
                pct(g.total.share()),
            ]);
            s += &t.render();
            s += &format!(
                "({} injections on header or page-number lines not scored)\n\n",
                g.in_boilerplate
            );
        }
        None => s += "Glyphs restored: not measured (no glyph-damage set)\n\n",
    }
    let m = &r.must_not_change;
    s += &format!(
        "Must not change: {} texts checked, {} changed\n",
        m.checked,
        m.failures.len()
    );
    for f in &m.failures {
        s += &format!(
            "  {} line {}\n    expected: {}\n    got:      {}\n",
            f.file, f.line, f.expected, f.got
        );
    }
    if examples > 0 {
        s += &render_examples(r, examples);
    }
    for n in &r.notes {
        s += &format!("note: {n}\n");
    }
    let tool_secs: f64 = r.files.iter().map(|f| f.seconds).sum();
    s += &format!(
        "\n{} files in {:.2} s ({:.2} s in the tool)\n",
        r.files.len(),
        r.seconds,
        tool_secs
    );
    s
}

/// A few examples of each problem per layout and extractor.
fn render_examples(r: &Report, per_kind: usize) -> String {
    let mut groups: BTreeMap<(String, String), Vec<&FileResult>> = BTreeMap::new();
    for f in &r.files {
        groups
            .entry((f.layout.clone(), f.extractor.clone()))
            .or_default()
            .push(f);
    }
    let mut s = String::from("\nExamples (‸ marks the gap, ⏎ a line break)\n");
    for ((layout, extractor), files) in groups {
        s += &format!("== {layout} / {extractor}\n");
        let mut merged: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        for f in &files {
            for (kind, list) in f.examples.kinds() {
                let e = merged.entry(kind).or_default();
                for item in list {
                    if e.len() < per_kind {
                        e.push(format!("[{}] {item}", f.doc));
                    }
                }
            }
        }
        for (kind, list) in merged {
            for item in list {
                s += &format!("  {kind}: {item}\n");
            }
        }
    }
    if let Some(g) = &r.glyphs {
        for m in g.misses.iter().take(per_kind * 4) {
            s += &format!(
                "  glyph not restored [{} @{}] {} {:?} → {:?}, got {:?}\n",
                m.doc, m.offset, m.kind, m.damaged, m.expected, m.got
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_table() {
        let cases = [
            ("a\nb c\nd", "a\nbc\nd", 2, "b c", "bc"),
            ("a\nb", "a\nb\nc", 2, "b<end of text>", "b"),
            ("甲\n乙丙", "甲\n乙 丙", 2, "乙丙", "乙 丙"),
        ];
        for (a, b, line, x, y) in cases {
            assert_eq!(
                first_difference(a, b),
                (line, x.to_owned(), y.to_owned()),
                "{a:?}"
            );
        }
    }
}
