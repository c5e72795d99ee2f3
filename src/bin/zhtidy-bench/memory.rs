//! The memory report: the built `zhtidy` filter reads a long pipe of
//! varied extracted text and its peak resident memory is read from the
//! kernel's account of the child (`getrusage(RUSAGE_CHILDREN)`, the largest
//! peak of any child this process waited for; this process has one).
//! The filter streams in chunks, so the peak should not grow with the
//! input; pass other filter options after `--` (e.g. `-- --report`).

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde::Serialize;

use crate::corpus;

#[derive(clap::Args)]
pub struct Options {
    /// How much text to pipe through, in MB (10^6 bytes).
    #[arg(long, value_name = "N", default_value_t = 1000.0)]
    mb: f64,
    /// The filter to run (default: the zhtidy built beside this program).
    #[arg(long, value_name = "PATH")]
    bin: Option<PathBuf>,
    /// The corpora directory (default: ./corpora, else the crate's).
    #[arg(long, value_name = "DIR")]
    corpora: Option<PathBuf>,
    /// Write the figures as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Options for the filter, after `--` (e.g. `-- --no-lines`).
    #[arg(last = true)]
    args: Vec<String>,
}

#[derive(Serialize)]
struct Report {
    command: String,
    bytes_in: u64,
    bytes_out: u64,
    seconds: f64,
    mb_per_second: f64,
    peak_rss_mb: f64,
}

/// Size of the block of text that is written again and again.
const BLOCK: usize = 4_000_000;

pub fn run(opts: Options) -> Result<(), String> {
    let root = corpus::locate(opts.corpora.as_deref())?;
    let bin = match opts.bin {
        Some(bin) => bin,
        None => sibling("zhtidy")?,
    };
    let block = corpus::speed_input(&root, BLOCK)?;
    let target = (opts.mb * 1e6) as u64;
    let command = format!("{} {}", bin.display(), opts.args.join(" "));
    let start = Instant::now();
    let mut child = Command::new(&bin)
        .args(&opts.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let (bytes_in, bytes_out) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || count(&mut stdout));
        let mut written = 0u64;
        while written < target {
            if stdin.write_all(block.as_bytes()).is_err() {
                break;
            }
            written += block.len() as u64;
        }
        drop(stdin);
        (written, reader.join().unwrap_or(0))
    });
    let status = child.wait().map_err(|e| e.to_string())?;
    let seconds = start.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("{command}: {status}"));
    }
    let report = Report {
        command,
        bytes_in,
        bytes_out,
        seconds,
        mb_per_second: bytes_in as f64 / 1e6 / seconds,
        peak_rss_mb: children_peak_kb()? as f64 / 1e3,
    };
    println!(
        "{}: {:.1} MB in, {:.1} MB out, {:.1} s ({:.1} MB/s), peak resident memory {:.1} MB",
        report.command.trim_end(),
        report.bytes_in as f64 / 1e6,
        report.bytes_out as f64 / 1e6,
        report.seconds,
        report.mb_per_second,
        report.peak_rss_mb
    );
    if let Some(path) = &opts.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// A program built beside this one.
fn sibling(name: &str) -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let path = exe.with_file_name(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is not built (cargo build --release, or --bin PATH)",
            Path::display(&path)
        ))
    }
}

fn count(reader: &mut impl Read) -> u64 {
    io::copy(reader, &mut io::sink()).unwrap_or(0)
}

/// The largest peak resident set of the children waited for, in kB.
fn children_peak_kb() -> Result<u64, String> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a rusage into the pointer it is given, which
    // points to one, and reports failure by its return value.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) != 0 {
            return Err(io::Error::last_os_error().to_string());
        }
        usage.assume_init()
    };
    Ok(usage.ru_maxrss as u64)
}
