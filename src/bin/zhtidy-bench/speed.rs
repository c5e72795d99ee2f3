//! The speed report: throughput of the whole pipeline and of each pass
//! beside a plain copy (the floor) and jieba-rs segmentation, all over the
//! same several megabytes of varied extracted text in one run; then how time
//! and peak memory grow from 1x to 8x that input and each pathological
//! shape ([`Shape`]), each size measured in a fresh child process so that
//! its peak memory is its own. Linear time is the aim: 8x the input in
//! under 9x the time.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::ValueEnum;
use jieba_rs::Jieba;
use serde::{Deserialize, Serialize};
use zhtidy::{Pass, Tidy};

use crate::corpus;
use crate::shapes::Shape;
use crate::table::Table;

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
    timings: Vec<Timing>,
    scaling: Vec<Scale>,
}

/// Best and median of `repeat` runs of `f`, in seconds.
fn measure<R>(repeat: usize, mut f: impl FnMut() -> R) -> (f64, f64) {
    let mut times: Vec<f64> = (0..repeat.max(1))
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[0], times[times.len() / 2])
}

/// The process's peak resident memory so far, in kB (Linux only).
fn vmhwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
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

    let mut rows: Vec<(String, (f64, f64))> = Vec::new();
    rows.push((
        "copy (memcpy floor)".into(),
        measure(opts.repeat.max(5), || input.as_bytes().to_vec()),
    ));
    let tidy = Tidy::new();
    let pipeline = measure(opts.repeat, || tidy.repair(&input));
    rows.push(("zhtidy pipeline".into(), pipeline));
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
    rows.push((
        "jieba-rs cut (no HMM)".into(),
        measure(opts.repeat, || jieba.cut(&input, false).len()),
    ));

    let timings: Vec<Timing> = rows
        .into_iter()
        .map(|(what, (best, median))| Timing {
            what,
            best_seconds: best,
            median_seconds: median,
            mb_per_second: mb(n) / best,
            time_vs_pipeline: best / pipeline.0,
        })
        .collect();
    let mut table = Table::new(
        "Throughput (MB/s of input; each pass alone runs on text no earlier pass has touched)",
        &["what", "best ms", "median ms", "MB/s", "time / pipeline"],
    );
    for t in &timings {
        table.row(vec![
            t.what.clone(),
            format!("{:.1}", t.best_seconds * 1e3),
            format!("{:.1}", t.median_seconds * 1e3),
            format!("{:.1}", t.mb_per_second),
            format!("{:.3}", t.time_vs_pipeline),
        ]);
    }
    print!("{}", table.render());
    println!(
        "jieba-rs dictionary load: {:.0} ms (not in its row)\n",
        jieba_load * 1e3
    );

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
            timings,
            scaling,
        };
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
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
        let first = measure(1, || tidy.repair(&input)).0;
        // A small input runs in milliseconds, where the noise of one run
        // would swamp the growth ratio: run it for half a second at least.
        let runs = repeat.max((0.5 / first.max(1e-6)) as usize).min(1000);
        measure(runs, || tidy.repair(&input)).0.min(first)
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
