//! The speed report: throughput of the whole pipeline and of each pass
//! beside a plain copy (the floor) and jieba-rs segmentation, and of repair
//! plus zhtidy's words beside jieba-rs cutting the same damaged text, all
//! over the same several megabytes of varied extracted text in one run; the
//! start-up time of the filter with and without words; then how time and
//! peak memory grow from 1x to 8x that input and each pathological shape
//! ([`Shape`]), each size measured in a fresh child process so that its
//! peak memory is its own. Linear time is the aim: 8x the input in under 9x
//! the time.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::ValueEnum;
use jieba_rs::Jieba;
use serde::{Deserialize, Serialize};
use zhtidy::ahead::map_ahead;
use zhtidy::segment::Segmenter;
use zhtidy::{Pass, Tidy};

use crate::corpus;
use crate::shapes::Shape;
use crate::table::Table;
use crate::timing::{measure, Measured};

/// The most time 8x an input may take, over 1x, to count as linear.
const LINEAR_LIMIT: f64 = 9.0;

pub struct Options {
    pub json: Option<PathBuf>,
    pub mb: f64,
    pub corpora: Option<PathBuf>,
    pub repeat: usize,
    pub child: Option<usize>,
    pub baseline: bool,
    pub no_scaling: bool,
    /// The inputs to measure growth on.
    pub shapes: Vec<Shape>,
}

#[derive(Serialize)]
struct Timing {
    what: String,
    best_seconds: f64,
    median_seconds: f64,
    best_cpu_seconds: Option<f64>,
    mb_per_second: f64,
    /// This measurement's time over the whole pipeline's.
    time_vs_pipeline: f64,
}

/// What a child process reports.
#[derive(Serialize, Deserialize)]
struct ChildReport {
    scale: usize,
    bytes: usize,
    seconds: f64,
    vmhwm_kb: Option<u64>,
}

#[derive(Serialize)]
struct Scale {
    input: Shape,
    scale: usize,
    bytes: usize,
    seconds: f64,
    time_vs_1x: f64,
    mb_per_second: f64,
    peak_mb: Option<f64>,
    input_only_peak_mb: Option<f64>,
}

#[derive(Serialize)]
struct Report {
    input_bytes: usize,
    files_in_corpus: usize,
    repeat: usize,
    optimized_build: bool,
    jieba_load_seconds: f64,
    /// Repair plus words over jieba-rs's cut, in throughput.
    repair_words_vs_jieba: f64,
    /// The same with repair one chunk ahead on a second thread, in wall time.
    repair_ahead_words_vs_jieba: f64,
    startup: Option<Startup>,
    timings: Vec<Timing>,
    by_extractor: Vec<ExtractorSpeed>,
    scaling: Vec<Scale>,
}

/// A measurement of work spread over threads: the measuring thread's CPU
/// time leaves out the others', so only wall time means anything.
fn wall_only(m: Measured) -> Measured {
    Measured {
        best_cpu: None,
        ..m
    }
}

/// The process's peak resident memory so far, in kB (Linux only).
fn vmhwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The pipeline's and jieba-rs's throughput on one extractor's text.
#[derive(Serialize)]
struct ExtractorSpeed {
    extractor: String,
    pipeline_mb_per_second: f64,
    jieba_mb_per_second: f64,
}

/// Throughput per extractor: their damage differs (letter-spacing, blank
/// lines, columns), and so does the work it makes.
fn by_extractor(
    root: &Path,
    target: usize,
    repeat: usize,
    tidy: &Tidy,
    jieba: &Jieba,
) -> Result<Vec<ExtractorSpeed>, String> {
    let mut extractors: Vec<String> = corpus::load(root)?
        .cases
        .into_iter()
        .map(|c| c.extractor)
        .collect();
    extractors.sort();
    extractors.dedup();
    extractors
        .into_iter()
        .map(|extractor| {
            let input = corpus::speed_input_of(root, target, |c| c.extractor == extractor)?;
            let pipeline = measure(repeat, || tidy.repair_text(&input));
            let cut = measure(repeat, || jieba.cut(&input, false).len());
            Ok(ExtractorSpeed {
                pipeline_mb_per_second: mb(input.len()) / pipeline.cost(),
                jieba_mb_per_second: mb(input.len()) / cut.cost(),
                extractor,
            })
        })
        .collect()
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn only(pass: Pass) -> Tidy {
    Pass::ALL
        .into_iter()
        .fold(Tidy::new(), |t, p| t.with(p, p == pass))
}

pub fn run(opts: Options) -> Result<(), String> {
    let root = corpus::locate(opts.corpora.as_deref())?;
    let target = (opts.mb * 1e6) as usize;
    if let Some(scale) = opts.child {
        let shape = opts.shapes.first().copied().unwrap_or(Shape::Varied);
        return child(&root, shape, scale, target, opts.repeat, opts.baseline);
    }
    let optimized = !cfg!(debug_assertions);
    if !optimized {
        eprintln!(
            "warning: this is a debug build; run `cargo run --release --bin zhtidy-bench -- speed`"
        );
    }
    let files = corpus::load(&root)?.cases.len();
    let input = corpus::speed_input(&root, target)?;
    let n = input.len();
    println!(
        "zhtidy-bench speed: {:.2} MB of text from {files} extracted files (cycled in varied order), best of {}\n",
        mb(n),
        opts.repeat
    );

    let mut rows: Vec<(String, Measured)> = Vec::new();
    rows.push((
        "copy (memcpy floor)".into(),
        measure(opts.repeat.max(5), || input.as_bytes().to_vec()),
    ));
    let tidy = Tidy::new();
    let pipeline = measure(opts.repeat, || tidy.repair(&input));
    rows.push(("zhtidy pipeline".into(), pipeline));
    rows.push((
        "zhtidy pipeline, text only".into(),
        measure(opts.repeat, || tidy.repair_text(&input)),
    ));
    if tidy.repair_text(&input) != tidy.repair(&input).text() {
        return Err("repair_text differs from repair's text: a fast wrong answer".into());
    }
    for pass in Pass::ALL {
        let t = only(pass);
        rows.push((
            format!("  {} alone", pass.name()),
            measure(opts.repeat, || t.repair(&input)),
        ));
    }
    let t = Instant::now();
    let jieba = Jieba::new();
    let jieba_load = t.elapsed().as_secs_f64();
    let jieba_cut = measure(opts.repeat, || jieba.cut(&input, false).len());
    rows.push(("jieba-rs cut (no HMM)".into(), jieba_cut));
    // Loads the dictionary before timing, as jieba's row does.
    let segmenter = Segmenter::new();
    black_box(segmenter.tokens("预热").count());
    let repaired = tidy.repair(&input);
    rows.push((
        "zhtidy words (of repaired text)".into(),
        measure(opts.repeat, || segmenter.tokens(repaired.text()).count()),
    ));
    rows.push((
        "jieba-rs cut (no HMM) of repaired text".into(),
        measure(opts.repeat, || jieba.cut(repaired.text(), false).len()),
    ));
    let repair_words = measure(opts.repeat, || {
        let r = tidy.repair(&input);
        segmenter.tokens(r.text()).count()
    });
    rows.push(("zhtidy repair + words".into(), repair_words));
    // As the filter does it: the chunks repaired on one thread per core
    // while the calling thread writes, or segments, the ones before. Only
    // wall time says what that gains.
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let on_threads = |input: &str, consume: &mut dyn FnMut(&str)| {
        let chunks = zhtidy::chunk::split(input).map(Ok::<_, ()>);
        let repair = |&(_, chunk): &(usize, &str)| tidy.repair_chunk(chunk);
        let _ = map_ahead(chunks, threads, repair, |_, r| {
            consume(r.text());
            Ok(())
        });
    };
    let mut text = String::new();
    on_threads(&input, &mut |t| text.push_str(t));
    if text != tidy.repair_text(&input) {
        return Err("repair on several threads gave another text: a fast wrong answer".into());
    }
    rows.push((
        format!("zhtidy pipeline, chunks on {threads} threads"),
        wall_only(measure(opts.repeat, || {
            let mut bytes = 0;
            on_threads(&input, &mut |t| bytes += t.len());
            bytes
        })),
    ));
    let words_on_threads = |input: &str| {
        let mut count = 0;
        on_threads(input, &mut |t| count += segmenter.tokens(t).count());
        count
    };
    let whole: usize = zhtidy::chunk::split(&input)
        .map(|(_, chunk)| segmenter.tokens(tidy.repair_chunk(chunk).text()).count())
        .sum();
    if words_on_threads(&input) != whole {
        return Err("repair on several threads gave other words: a fast wrong answer".into());
    }
    let repair_words_threads = wall_only(measure(opts.repeat, || words_on_threads(&input)));
    rows.push((
        format!("zhtidy repair + words, chunks repaired on {threads} threads"),
        repair_words_threads,
    ));
    // CPU time where there is one: on a busy machine wall time also counts
    // the time other processes held the core.
    let repair_words_vs_jieba = jieba_cut.cost() / repair_words.cost();
    let threads_vs_jieba = jieba_cut.best / repair_words_threads.best;

    let timings: Vec<Timing> = rows
        .into_iter()
        .map(|(what, m)| Timing {
            what,
            best_seconds: m.best,
            median_seconds: m.median,
            best_cpu_seconds: m.best_cpu,
            mb_per_second: mb(n) / m.best,
            time_vs_pipeline: m.best / pipeline.best,
        })
        .collect();
    let mut table = Table::new(
        "Throughput (MB/s of input; each pass alone runs on text no earlier pass has touched)",
        &[
            "what",
            "best ms",
            "median ms",
            "best CPU ms",
            "MB/s",
            "time / pipeline",
        ],
    );
    for t in &timings {
        table.row(vec![
            t.what.clone(),
            format!("{:.1}", t.best_seconds * 1e3),
            format!("{:.1}", t.median_seconds * 1e3),
            t.best_cpu_seconds
                .map_or("n/a".into(), |c| format!("{:.1}", c * 1e3)),
            format!("{:.1}", t.mb_per_second),
            format!("{:.3}", t.time_vs_pipeline),
        ]);
    }
    print!("{}", table.render());
    println!(
        "jieba-rs dictionary load: {:.0} ms (not in its row)\n",
        jieba_load * 1e3
    );
    println!(
        "repair + words runs at {:.2} of jieba-rs's throughput on the same damaged text (best CPU time), \
         {:.2} with the chunks repaired on {threads} threads while one segments (best wall time)\n",
        repair_words_vs_jieba, threads_vs_jieba
    );
    let by_extractor = by_extractor(&root, target, opts.repeat, &tidy, &jieba)?;
    let mut table = Table::new(
        "By extractor (repair, text only; each extractor's files cycled to the same size; best CPU time)",
        &["extractor", "pipeline MB/s", "jieba-rs MB/s", "pipeline / jieba-rs"],
    );
    for e in &by_extractor {
        table.row(vec![
            e.extractor.clone(),
            format!("{:.1}", e.pipeline_mb_per_second),
            format!("{:.1}", e.jieba_mb_per_second),
            format!("{:.2}", e.pipeline_mb_per_second / e.jieba_mb_per_second),
        ]);
    }
    println!("{}", table.render());
    let startup = startup();
    match &startup {
        Ok(s) => println!(
            "Start-up, median of {} runs on a one-line input: zhtidy {:.1} ms, zhtidy --words {:.1} ms (loads the dictionary)\n",
            s.runs, s.repair_ms, s.words_ms
        ),
        Err(e) => println!("Start-up not measured: {e}\n"),
    }

    let scaling = if opts.no_scaling {
        Vec::new()
    } else {
        let mut rows = Vec::new();
        for &shape in &opts.shapes {
            rows.extend(scaling(&root, shape, target, opts.repeat)?);
        }
        rows
    };
    if !scaling.is_empty() {
        let mut table = Table::new(
            format!(
                "Growth (each size in a fresh process; peak = VmHWM; linear: 8x in under {LINEAR_LIMIT}x the time)"
            ),
            &[
                "input",
                "size",
                "MB",
                "seconds",
                "time / 1x",
                "MB/s",
                "peak MB",
                "input-only peak MB",
            ],
        );
        let show = |x: Option<f64>| x.map_or("n/a".into(), |v| format!("{v:.1}"));
        for s in &scaling {
            let verdict = match s.time_vs_1x < LINEAR_LIMIT {
                _ if s.scale != 8 => "",
                true => " linear",
                false => " NOT LINEAR",
            };
            table.row(vec![
                s.input.name().into(),
                format!("{}x", s.scale),
                format!("{:.1}", mb(s.bytes)),
                format!("{:.3}", s.seconds),
                format!("{:.2}{verdict}", s.time_vs_1x),
                format!("{:.1}", s.mb_per_second),
                show(s.peak_mb),
                show(s.input_only_peak_mb),
            ]);
        }
        print!("{}", table.render());
    }

    if let Some(path) = &opts.json {
        let report = Report {
            input_bytes: n,
            files_in_corpus: files,
            repeat: opts.repeat,
            optimized_build: optimized,
            jieba_load_seconds: jieba_load,
            repair_words_vs_jieba,
            repair_ahead_words_vs_jieba: threads_vs_jieba,
            startup: startup.ok(),
            timings,
            by_extractor,
            scaling,
        };
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// How long the `zhtidy` filter takes to start and repair one line, alone
/// and with `--words`: plain repair must not pay for the dictionary.
#[derive(Serialize)]
struct Startup {
    runs: usize,
    repair_ms: f64,
    words_ms: f64,
}

fn startup() -> Result<Startup, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let zhtidy = exe.with_file_name(format!("zhtidy{}", std::env::consts::EXE_SUFFIX));
    if !zhtidy.is_file() {
        return Err(format!("{} not built", zhtidy.display()));
    }
    let runs = 21;
    let median_ms = |args: &[&str]| -> Result<f64, String> {
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let mut child = Command::new(&zhtidy)
                .args(args)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .spawn()
                .map_err(|e| format!("{}: {e}", zhtidy.display()))?;
            let t = Instant::now();
            if let Some(mut stdin) = child.stdin.take() {
                std::io::Write::write_all(&mut stdin, "全 市 已 建 成\n".as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            child.wait().map_err(|e| e.to_string())?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        Ok(times[runs / 2])
    };
    Ok(Startup {
        runs,
        repair_ms: median_ms(&[])?,
        words_ms: median_ms(&["--words"])?,
    })
}

fn scaling(root: &Path, shape: Shape, target: usize, repeat: usize) -> Result<Vec<Scale>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let spawn = |scale: usize, baseline: bool| -> Result<ChildReport, String> {
        let mut cmd = Command::new(&exe);
        cmd.arg("speed")
            .arg("--child")
            .arg(scale.to_string())
            .arg("--growth")
            .arg(
                shape
                    .to_possible_value()
                    .map_or("varied".into(), |v| v.get_name().to_owned()),
            )
            .arg("--mb")
            .arg(format!("{}", target as f64 / 1e6))
            .arg("--repeat")
            .arg(repeat.to_string())
            .arg("--corpora")
            .arg(root);
        if baseline {
            cmd.arg("--baseline");
        }
        let out = cmd.output().map_err(|e| format!("child: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "child at {scale}x failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        serde_json::from_slice(&out.stdout).map_err(|e| format!("child at {scale}x: {e}"))
    };
    let mut rows: Vec<Scale> = Vec::new();
    for scale in [1, 2, 4, 8] {
        let run = spawn(scale, false)?;
        let base = spawn(scale, true)?;
        let first = rows.first().map_or(run.seconds, |r| r.seconds);
        rows.push(Scale {
            input: shape,
            scale,
            bytes: run.bytes,
            seconds: run.seconds,
            time_vs_1x: run.seconds / first,
            mb_per_second: mb(run.bytes) / run.seconds,
            peak_mb: run.vmhwm_kb.map(|k| k as f64 / 1e3),
            input_only_peak_mb: base.vmhwm_kb.map(|k| k as f64 / 1e3),
        });
    }
    Ok(rows)
}

/// In the child: build `scale` times the input, repair it (unless only the
/// baseline memory is wanted) and print the time and peak memory as JSON.
fn child(
    root: &Path,
    shape: Shape,
    scale: usize,
    target: usize,
    repeat: usize,
    baseline: bool,
) -> Result<(), String> {
    let input = shape.build(root, scale.max(1), target)?;
    let seconds = if baseline {
        black_box(&input);
        0.0
    } else {
        let tidy = Tidy::new();
        let first = measure(1, || tidy.repair(&input)).best;
        // A small input runs in milliseconds, where the noise of one run
        // would swamp the growth ratio: run it for half a second at least.
        let runs = repeat.max((0.5 / first.max(1e-6)) as usize).min(1000);
        measure(runs, || tidy.repair(&input)).best.min(first)
    };
    let report = ChildReport {
        scale,
        bytes: input.len(),
        seconds,
        vmhwm_kb: vmhwm_kb(),
    };
    println!(
        "{}",
        serde_json::to_string(&report).map_err(|e| e.to_string())?
    );
    Ok(())
}
