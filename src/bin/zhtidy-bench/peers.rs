//! The peers report: zhtidy's speed beside the programs around it in a
//! pipeline. Every extractor that produces zhtidy's input is timed on the
//! corpus PDFs, and ftfy, the general text cleaner, on their output, by
//! `corpora/tools/time_peers.py`; zhtidy is timed on the same extracted text
//! in the same run. The figure that says whether repair is fast enough is
//! its share of the time from PDF to clean text: what a user waits for.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};
use zhtidy::Tidy;

use crate::corpus;
use crate::table::Table;
use crate::timing::measure;

/// The largest share of the CPU time from PDF to clean text that repair
/// may take, with every extractor and in both readings (the corpus's PDFs
/// one by one, one PDF of them all): a tenth. Past it, repair would be a
/// cost a user notices beside the extraction it cleans up after.
const SHARE_LIMIT: f64 = 0.10;

pub struct Options {
    pub json: Option<PathBuf>,
    pub corpora: Option<PathBuf>,
    pub repeat: usize,
    pub peer_repeat: usize,
    pub skip_install: bool,
}

/// What `time_peers.py` reports of one extractor.
#[derive(Deserialize, Serialize)]
struct PeerTiming {
    extractor: String,
    pdfs: usize,
    /// Bytes of text the timed extraction wrote.
    text_bytes: usize,
    extract_cpu_seconds: f64,
    /// The same, of one PDF of all the corpus's pages.
    merged_text_bytes: usize,
    merged_cpu_seconds: f64,
    /// Bytes of the corpus's committed extractions by this extractor, the
    /// text that ftfy and zhtidy are timed on.
    extracted_bytes: usize,
    ftfy_cpu_seconds: f64,
}

#[derive(Deserialize)]
struct PeerReport {
    tool_versions: serde_json::Value,
    extractors: Vec<PeerTiming>,
}

/// One extractor's timings, and what they make of zhtidy's.
#[derive(Serialize)]
struct Row {
    #[serde(flatten)]
    peer: PeerTiming,
    zhtidy_cpu_seconds: f64,
    extract_mb_per_second: f64,
    merged_extract_mb_per_second: f64,
    ftfy_mb_per_second: f64,
    zhtidy_mb_per_second: f64,
    /// zhtidy's time over the extractor's and its own together, for the
    /// corpus's PDFs one by one, and for one PDF of them all.
    zhtidy_share_of_pipeline: f64,
    zhtidy_share_of_merged_pipeline: f64,
}

#[derive(Serialize)]
struct Report {
    tool_versions: serde_json::Value,
    repeat: usize,
    peer_repeat: usize,
    share_limit: f64,
    /// The largest of zhtidy's shares, and whether it is under the limit.
    largest_share: f64,
    share_under_limit: bool,
    rows: Vec<Row>,
}

pub fn run(opts: Options) -> Result<(), String> {
    let root = corpus::locate(opts.corpora.as_deref())?;
    let peers = time_peers(&root, opts.peer_repeat, opts.skip_install)?;
    let corpus = corpus::load(&root)?;
    let tidy = Tidy::new();
    let mut rows = Vec::new();
    for peer in peers.extractors {
        let texts = corpus
            .cases
            .iter()
            .filter(|c| c.extractor == peer.extractor)
            .map(|c| corpus::read(&c.path))
            .collect::<Result<Vec<_>, _>>()?;
        let bytes: usize = texts.iter().map(String::len).sum();
        if bytes != peer.extracted_bytes || bytes != peer.text_bytes {
            return Err(format!(
                "{}: the corpus holds {bytes} bytes of its text, the timed extraction wrote {} \
                 and the timing script read {}: rebuild the corpus with make_corpus.py",
                peer.extractor, peer.text_bytes, peer.extracted_bytes
            ));
        }
        let zhtidy = measure(opts.repeat, || {
            texts
                .iter()
                .map(|t| tidy.repair_text(t).len())
                .sum::<usize>()
        })
        .cost();
        let mb = bytes as f64 / 1e6;
        let merged_mb = peer.merged_text_bytes as f64 / 1e6;
        // zhtidy's time for the merged text, at its throughput on the same
        // text cut into the corpus's files.
        let merged_zhtidy = merged_mb / (mb / zhtidy);
        rows.push(Row {
            zhtidy_cpu_seconds: zhtidy,
            extract_mb_per_second: mb / peer.extract_cpu_seconds,
            merged_extract_mb_per_second: merged_mb / peer.merged_cpu_seconds,
            ftfy_mb_per_second: mb / peer.ftfy_cpu_seconds,
            zhtidy_mb_per_second: mb / zhtidy,
            zhtidy_share_of_pipeline: zhtidy / (zhtidy + peer.extract_cpu_seconds),
            zhtidy_share_of_merged_pipeline: merged_zhtidy
                / (merged_zhtidy + peer.merged_cpu_seconds),
            peer,
        });
    }
    print!("{}", table(&rows).render());
    let largest_share = rows
        .iter()
        .flat_map(|r| {
            [
                r.zhtidy_share_of_pipeline,
                r.zhtidy_share_of_merged_pipeline,
            ]
        })
        .fold(0.0, f64::max);
    let under_limit = largest_share < SHARE_LIMIT;
    println!(
        "zhtidy's largest share of the time from PDF to clean text: {:.1}% (limit {:.0}%): {}",
        100.0 * largest_share,
        100.0 * SHARE_LIMIT,
        if under_limit { "met" } else { "NOT MET" }
    );
    if let Some(path) = opts.json {
        let report = Report {
            tool_versions: peers.tool_versions,
            repeat: opts.repeat,
            peer_repeat: opts.peer_repeat,
            share_limit: SHARE_LIMIT,
            largest_share,
            share_under_limit: under_limit,
            rows,
        };
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(&path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Runs `time_peers.py` of the corpora at `root` and reads its report.
fn time_peers(root: &Path, repeat: usize, skip_install: bool) -> Result<PeerReport, String> {
    let script = root.join("tools").join("time_peers.py");
    let mut cmd = Command::new("python3");
    cmd.arg(&script).arg("--repeat").arg(repeat.to_string());
    if skip_install {
        cmd.arg("--skip-install");
    }
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("python3 {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(format!("{} failed ({})", script.display(), out.status));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("{}: {e}", script.display()))
}

fn table(rows: &[Row]) -> Table {
    let mut table = Table::new(
        format!(
            "From PDF to clean text (CPU time; MB/s of extracted text; {} PDFs one by one, \
             and one PDF of them all)",
            rows.first().map_or(0, |r| r.peer.pdfs)
        ),
        &[
            "extractor",
            "extract MB/s",
            "one PDF",
            "ftfy MB/s",
            "zhtidy MB/s",
            "zhtidy / ftfy",
            "zhtidy's share",
            "one PDF",
        ],
    );
    for r in rows {
        table.row(vec![
            r.peer.extractor.clone(),
            format!("{:.3}", r.extract_mb_per_second),
            format!("{:.3}", r.merged_extract_mb_per_second),
            format!("{:.2}", r.ftfy_mb_per_second),
            format!("{:.1}", r.zhtidy_mb_per_second),
            format!("{:.0}x", r.zhtidy_mb_per_second / r.ftfy_mb_per_second),
            format!("{:.1}%", 100.0 * r.zhtidy_share_of_pipeline),
            format!("{:.1}%", 100.0 * r.zhtidy_share_of_merged_pipeline),
        ]);
    }
    table
}
