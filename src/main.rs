//! `zhtidy`: the command-line filter. All the work is in the library; this
//! file reads, writes and reports errors.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use zhtidy::atomic::AtomicFile;
use zhtidy::decode::{self, Encoding};
use zhtidy::report::{self, Format};
use zhtidy::stream::{ChunkReader, ReadOptions};
use zhtidy::{batch, Pass, Repaired, Tidy};

const EXAMPLES: &str = "\
Examples:
  zhtidy corpora/sample/report.txt             repair a file to stdout
  pdftotext -enc UTF-8 a.pdf - | zhtidy         repair an extractor's output
  zhtidy --explain a.txt                       list every edit with its rule and position
  zhtidy --report *.txt                        per file: repairs by rule and a verdict
  zhtidy --report --format json *.txt          the same, one JSON object per file per line
  zhtidy --no-boilerplate a.txt -o clean.txt   keep headers and page numbers
  zhtidy --lossy broken.txt                    replace invalid UTF-8 instead of failing
  zhtidy --encoding gb18030 gbk.txt            read GBK/GB18030 (or big5, utf-16le...)
  zhtidy --out-dir clean/ extracted/           repair every file below extracted/ into clean/";

/// Repairs text that PDF extractors produce from Chinese documents:
/// spaced-out characters, broken lines, running headers and page numbers,
/// odd glyphs. Output has one block (paragraph, heading, list item) per line.
#[derive(Parser, Debug)]
#[command(version, after_help = EXAMPLES)]
struct Args {
    /// Input files, read in order; `-` or none reads stdin. With
    /// --out-dir, also directories.
    files: Vec<PathBuf>,

    /// Write the output to FILE (atomically: a temporary file renamed at the end).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Repair each input file into DIR under its own name (the files below
    /// an input directory under their relative path), on all cores; a bad
    /// file is reported and skipped, and the exit code says if any failed.
    #[arg(
        long,
        value_name = "DIR",
        requires = "files",
        conflicts_with_all = ["output", "explain", "report"]
    )]
    out_dir: Option<PathBuf>,

    /// With --out-dir, repair N files at a time (default: one per core).
    #[arg(short, long, value_name = "N", requires = "out_dir")]
    jobs: Option<usize>,

    /// Instead of the text, list every edit: position in the input
    /// (file:line:column), rule, text before and after.
    #[arg(long)]
    explain: bool,

    /// Instead of the text, report per file what was repaired, by rule, and
    /// a verdict: clean, repaired, or suspect (a garbled text layer that
    /// repair cannot save) with the evidence.
    #[arg(long, conflicts_with = "explain")]
    report: bool,

    /// The format of --report: text, or json (one object per file per line).
    #[arg(long, value_enum, value_name = "FORMAT", requires = "report")]
    format: Option<Format>,

    /// Replace bytes that do not decode with U+FFFD, and read binary input
    /// (NUL bytes, a PDF) as far as it decodes, instead of failing.
    #[arg(long)]
    lossy: bool,

    /// The input's encoding: gb18030, gbk, big5, utf-16le, utf-16be,
    /// utf-16 (little-endian unless a BOM says otherwise)... Default UTF-8.
    #[arg(long, value_name = "NAME", value_parser = decode::encoding)]
    encoding: Option<&'static Encoding>,

    /// Keep BOMs and \r\n line ends.
    #[arg(long)]
    no_decode: bool,

    /// Keep odd glyphs (full-width letters, two-em dashes, odd spaces...).
    #[arg(long)]
    no_glyphs: bool,

    /// Keep running headers, footers and page numbers.
    #[arg(long, visible_alias = "keep-boilerplate")]
    no_boilerplate: bool,

    /// Keep the extractor's line breaks.
    #[arg(long)]
    no_lines: bool,

    /// Keep spaces between characters.
    #[arg(long)]
    no_spacing: bool,

    /// Keep Kangxi radicals where they stand for ideographs.
    #[arg(long)]
    no_radicals: bool,
}

impl Args {
    fn tidy(&self) -> Tidy {
        let off = [
            (Pass::Decode, self.no_decode),
            (Pass::Glyphs, self.no_glyphs),
            (Pass::Boilerplate, self.no_boilerplate),
            (Pass::Lines, self.no_lines),
            (Pass::Spacing, self.no_spacing),
            (Pass::Radicals, self.no_radicals),
        ];
        off.into_iter()
            .fold(Tidy::new(), |t, (pass, off)| t.with(pass, !off))
    }

    fn read(&self) -> ReadOptions {
        ReadOptions {
            lossy: self.lossy,
            encoding: self.encoding,
        }
    }
}

/// Why the run failed, already worded for the user.
struct Failure(String);

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("zhtidy: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    let tidy = args.tidy();
    if let Some(dir) = &args.out_dir {
        return run_batch(args, &tidy, dir);
    }
    let inputs: Vec<&Path> = if args.files.is_empty() {
        vec![Path::new("-")]
    } else {
        args.files.iter().map(PathBuf::as_path).collect()
    };
    let mut sink = Sink::open(args.output.as_deref(), &inputs)?;
    if args.report {
        let format = args.format.unwrap_or_default();
        let mut failed = 0;
        let written = report::write_reports(&tidy, &inputs, args.read(), format, &mut sink)
            .map(|n| failed = n);
        sink.check(written)?;
        sink.finish()?;
        return match failed {
            0 => Ok(()),
            n => Err(Failure(format!(
                "{n} of {} files could not be read",
                inputs.len()
            ))),
        };
    }
    for &input in &inputs {
        let name = input.display().to_string();
        let reader: Box<dyn Read> = if input == Path::new("-") {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(input).map_err(|e| Failure(format!("{name}: {e}")))?)
        };
        let mut lines = LineCounter::default();
        for chunk in ChunkReader::with_options(reader, args.read()) {
            let chunk = chunk.map_err(|e| Failure(format!("{name}: {}", e.advice())))?;
            let repaired = tidy.repair_chunk(&chunk.text);
            let written = if args.explain {
                explain(&mut sink, &name, &chunk.text, &repaired, &mut lines)
            } else {
                sink.write_all(repaired.text().as_bytes())
            };
            sink.check(written)?;
        }
    }
    sink.finish()
}

/// `--out-dir`: every file into `dir`, with a progress bar on a terminal,
/// a line per failed file as it fails, and a summary at the end.
fn run_batch(args: &Args, tidy: &Tidy, dir: &Path) -> Result<(), Failure> {
    let start = Instant::now();
    let (jobs, unlisted) = batch::jobs(&args.files, dir);
    let mut failed = 0;
    let mut report = |outcome: &batch::Outcome| {
        if let Err(e) = &outcome.result {
            failed += 1;
            eprintln!("zhtidy: {}: {e}", outcome.input.display());
        }
    };
    unlisted.iter().for_each(&mut report);
    let bar = if io::stderr().is_terminal() {
        ProgressBar::new(jobs.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) = ProgressStyle::with_template(
        "{wide_bar} {pos}/{len} files, {msg} [{elapsed_precise}, {eta} left]",
    ) {
        bar.set_style(style);
    }
    let (mut read, mut repaired) = (0, 0);
    let threads = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok().map(Into::into))
        .unwrap_or(1);
    batch::run(tidy, args.read(), &jobs, threads, |outcome| {
        match outcome.result {
            Ok((bytes, _)) => {
                read += bytes;
                repaired += 1;
                bar.set_message(format!("{:.1} MB", read as f64 / 1e6));
            }
            Err(_) => bar.suspend(|| report(&outcome)),
        }
        bar.inc(1);
    });
    bar.finish_and_clear();
    let summary = format!(
        "{repaired} files repaired into {}, {failed} failed ({:.1} MB in {:.1} s)",
        dir.display(),
        read as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    match failed {
        0 => {
            eprintln!("zhtidy: {summary}");
            Ok(())
        }
        _ => Err(Failure(summary)),
    }
}

/// Where the output goes: stdout, or a file that appears only when whole.
enum Sink {
    Stdout(BufWriter<StdoutLock<'static>>),
    File(AtomicFile),
}

impl Sink {
    fn open(output: Option<&Path>, inputs: &[&Path]) -> Result<Sink, Failure> {
        match output {
            None => Ok(Sink::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout().lock(),
            ))),
            Some(path) => AtomicFile::create(path, inputs)
                .map(Sink::File)
                .map_err(|e| Failure(format!("{}: {e}", path.display()))),
        }
    }

    /// Turns a write error into a failure; a closed pipe ends the run quietly.
    fn check(&mut self, result: io::Result<()>) -> Result<(), Failure> {
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
            Err(e) => Err(Failure(format!("writing output: {e}"))),
        }
    }

    fn finish(mut self) -> Result<(), Failure> {
        match self {
            Sink::Stdout(ref mut out) => {
                let flushed = out.flush();
                self.check(flushed)
            }
            Sink::File(file) => file
                .commit()
                .map_err(|e| Failure(format!("writing output: {e}"))),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.flush(),
        }
    }
}

/// Counts lines across chunks, to give each edit its line and column.
#[derive(Default)]
struct LineCounter {
    /// Lines before the current chunk.
    lines_before: usize,
}

fn explain(
    out: &mut dyn Write,
    name: &str,
    input: &str,
    repaired: &Repaired,
    lines: &mut LineCounter,
) -> io::Result<()> {
    let mut line = lines.lines_before + 1;
    let mut line_start = 0;
    let mut scanned = 0;
    for change in repaired.changes() {
        let at = change.source.start;
        for nl in memchr::memchr_iter(b'\n', &input.as_bytes()[scanned..at]) {
            line += 1;
            line_start = scanned + nl + 1;
        }
        scanned = at;
        let column = input[line_start..at].chars().count() + 1;
        let before = &input[change.source.clone()];
        let after = &repaired.text()[change.output.clone()];
        writeln!(
            out,
            "{name}:{line}:{column}\t{}\t\"{}\" -> \"{}\"",
            change.rules,
            before.escape_debug(),
            after.escape_debug()
        )?;
    }
    lines.lines_before += memchr::memchr_iter(b'\n', input.as_bytes()).count();
    Ok(())
}
