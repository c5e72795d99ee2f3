//! `zhtidy`: the command-line filter. All the work is in the library; this
//! file reads, writes and reports errors.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{ArgGroup, Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use zhtidy::ahead::map_ahead;
use zhtidy::atomic::AtomicFile;
use zhtidy::decode::{self, Encoding};
use zhtidy::locate::Locator;
use zhtidy::quantity::{Quantity, Value};
use zhtidy::report::{self, Format};
use zhtidy::segment::Segmenter;
use zhtidy::sentence;
use zhtidy::stream::{Chunk, ChunkReader, ReadOptions};
use zhtidy::{batch, Pass, Repaired, Tidy};

const EXAMPLES: &str = "\
Examples:
  zhtidy corpora/sample/report.txt             repair a file to stdout
  pdftotext -enc UTF-8 a.pdf - | zhtidy         repair an extractor's output
  zhtidy --explain a.txt                       list every edit with its rule and position
  zhtidy --report *.txt                        per file: repairs by rule and a verdict
  zhtidy --report --format json *.txt          the same, one JSON object per file per line
  zhtidy --sentences a.txt                     one sentence per line
  zhtidy --words --dict names.txt a.txt        the words of each block, space-separated
  zhtidy --words --format jsonl a.txt          one JSON record per token, with input offsets
  zhtidy --quantities a.txt                    one JSON object per figure, code or date
  zhtidy --no-boilerplate a.txt -o clean.txt   keep headers and page numbers
  zhtidy --lossy broken.txt                    replace invalid UTF-8 instead of failing
  zhtidy --encoding gb18030 gbk.txt            read GBK/GB18030 (or big5, utf-16le...)
  zhtidy --out-dir clean/ extracted/           repair every file below extracted/ into clean/";

/// Repairs text that PDF extractors produce from Chinese documents:
/// spaced-out characters, broken lines, running headers and page numbers,
/// odd glyphs. Output has one block (paragraph, heading, list item) per line.
#[derive(Parser, Debug)]
#[command(version, after_help = EXAMPLES)]
#[command(group(ArgGroup::new("formatted").args(["report", "sentences", "words"]).multiple(true)))]
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

    /// Repair N files at a time with --out-dir (default: one per core),
    /// otherwise N chunks of each input at a time (default: one per core,
    /// at most 8). The output is the same whatever N.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Instead of the text, list every edit: position in the input
    /// (file:line:column), rule, text before and after.
    #[arg(long)]
    explain: bool,

    /// Instead of the text, report per file what was repaired, by rule, and
    /// a verdict: clean, repaired, or suspect (a garbled text layer that
    /// repair cannot save) with the evidence.
    #[arg(long, conflicts_with = "explain")]
    report: bool,

    /// Instead of the text, print the quantities of the repaired text, one
    /// JSON object per line: text, kind (number, percent, range, date,
    /// time, money, measure, identifier), value (or low and high), unit,
    /// and start and end as byte offsets into the input.
    #[arg(long, conflicts_with_all = ["explain", "report", "sentences", "words"])]
    quantities: bool,

    /// Instead of the text, its sentences, one per line.
    #[arg(long, conflicts_with_all = ["explain", "report"])]
    sentences: bool,

    /// Instead of the text, its words (and numbers, codes, marks...), those
    /// of each block on one line, separated by single spaces.
    #[arg(long, conflicts_with_all = ["explain", "report", "sentences"])]
    words: bool,

    /// With --words: add the words of FILE, a jieba user dictionary (one
    /// word a line, optionally followed by a frequency and a tag).
    #[arg(long, value_name = "FILE", requires = "words")]
    dict: Option<PathBuf>,

    /// With --words: let jieba's hidden Markov model guess words that are
    /// not in the dictionary (off by default: on the People's Daily gold
    /// segmentation it lowers word F1 from 0.86 to 0.84).
    #[arg(long, requires = "words", overrides_with = "no_hmm")]
    hmm: bool,

    /// With --words: no guessing of unknown words (the default).
    #[arg(long, requires = "words", overrides_with = "hmm")]
    no_hmm: bool,

    /// The format of --report, --sentences and --words: text, or json/jsonl
    /// (the same: one JSON object per line; per file for --report, per
    /// sentence or token, with its offsets in the input, otherwise).
    #[arg(long, value_enum, value_name = "FORMAT", requires = "formatted")]
    format: Option<OutputFormat>,

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

    /// Keep two columns laid side by side as they are, instead of reading
    /// the left column, then the right.
    #[arg(long)]
    no_columns: bool,

    /// Keep characters drawn twice for a fake bold (`重重要要`).
    #[arg(long)]
    no_doubled: bool,

    /// Keep running headers, footers and page numbers.
    #[arg(long, visible_alias = "keep-boilerplate")]
    no_boilerplate: bool,

    /// Keep the extractor's line breaks.
    #[arg(long)]
    no_lines: bool,

    /// Keep spaces between characters.
    #[arg(long)]
    no_spacing: bool,

    /// Keep figures that letter-spacing tore apart (`1 2.7%`) as they are.
    #[arg(long)]
    no_quantities: bool,

    /// Keep Kangxi radicals where they stand for ideographs.
    #[arg(long)]
    no_radicals: bool,

    /// Fold subscript and superscript digits of formulas and units to plain
    /// digits (`Ga₂O₃` to `Ga2O3`, `m²` to `m2`); a figure's exponent
    /// (`10⁸`) stays.
    #[arg(long)]
    fold_script_digits: bool,
}

impl Args {
    fn tidy(&self) -> Tidy {
        let off = [
            (Pass::Decode, self.no_decode),
            (Pass::Glyphs, self.no_glyphs),
            (Pass::Columns, self.no_columns),
            (Pass::Doubled, self.no_doubled),
            (Pass::Boilerplate, self.no_boilerplate),
            (Pass::Lines, self.no_lines),
            (Pass::Spacing, self.no_spacing),
            (Pass::Quantities, self.no_quantities),
            (Pass::Radicals, self.no_radicals),
        ];
        off.into_iter()
            .fold(Tidy::new(), |t, (pass, off)| t.with(pass, !off))
            .with(Pass::ScriptDigits, self.fold_script_digits)
    }

    /// The threads that repair files with --out-dir: --jobs, or one per
    /// core.
    fn file_threads(&self) -> usize {
        self.jobs.map_or_else(cores, usize::from)
    }

    /// The threads that repair the chunks of one input: --jobs, or one per
    /// core up to [`STREAM_THREADS`].
    fn stream_threads(&self) -> usize {
        self.jobs
            .map_or_else(|| cores().min(STREAM_THREADS), usize::from)
    }

    fn read(&self) -> ReadOptions {
        ReadOptions {
            lossy: self.lossy,
            encoding: self.encoding,
        }
    }
}

/// Most threads that repair one input unless --jobs says otherwise: each
/// holds two chunks in flight, a few MB, and a filter's memory should not
/// grow with the machine's cores.
const STREAM_THREADS: usize = 8;

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// How --report, --sentences and --words print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    #[default]
    Text,
    Json,
    Jsonl,
}

/// What the filter writes for each repaired chunk.
enum Mode {
    Text,
    Explain,
    Quantities,
    Sentences { json: bool },
    Words { json: bool, segmenter: Segmenter },
}

impl Mode {
    /// Whether the output points back into the input, which takes the
    /// composed map of the repair.
    fn gives_offsets(&self) -> bool {
        match self {
            Mode::Text => false,
            Mode::Explain | Mode::Quantities => true,
            Mode::Sentences { json } | Mode::Words { json, .. } => *json,
        }
    }

    fn of(args: &Args) -> Result<Mode, Failure> {
        let json = args.format.unwrap_or_default() != OutputFormat::Text;
        if args.sentences {
            return Ok(Mode::Sentences { json });
        }
        if args.quantities {
            return Ok(Mode::Quantities);
        }
        if !args.words {
            return Ok(if args.explain {
                Mode::Explain
            } else {
                Mode::Text
            });
        }
        let mut segmenter = Segmenter::new();
        if args.hmm || args.no_hmm {
            segmenter = segmenter.hmm(args.hmm);
        }
        if let Some(path) = &args.dict {
            let name = path.display();
            let file = File::open(path).map_err(|e| Failure(format!("{name}: {e}")))?;
            segmenter = segmenter
                .with_user_dict(io::BufReader::new(file))
                .map_err(|e| Failure(format!("{name}: {e}")))?;
        }
        Ok(Mode::Words { json, segmenter })
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
        let format = match args.format.unwrap_or_default() {
            OutputFormat::Text => Format::Text,
            OutputFormat::Json | OutputFormat::Jsonl => Format::Json,
        };
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
    let mode = Mode::of(args)?;
    for &input in &inputs {
        let name = input.display().to_string();
        let reader: Box<dyn Read> = if input == Path::new("-") {
            Box::new(io::stdin().lock())
        } else {
            Box::new(File::open(input).map_err(|e| Failure(format!("{name}: {e}")))?)
        };
        let mut lines = LineCounter::default();
        let mut before = Before::default();
        let chunks = ChunkReader::with_options(reader, args.read())
            .map(|chunk| chunk.map_err(|e| Failure(format!("{name}: {}", e.advice()))));
        // The next chunks are repaired on the other cores while this one is
        // segmented and written; so are the maps back to the input, where
        // the output gives offsets.
        let offsets = mode.gives_offsets();
        let repair = |chunk: &Chunk| {
            let repaired = tidy.repair_chunk(&chunk.text);
            if offsets {
                repaired.map();
            }
            repaired
        };
        map_ahead(chunks, args.stream_threads(), repair, |chunk, repaired| {
            let out = &mut sink;
            let written = match &mode {
                Mode::Text => out.write_all(repaired.text().as_bytes()),
                Mode::Explain => explain(out, &name, &chunk.text, &repaired, &mut lines),
                Mode::Sentences { json } => {
                    let units = sentence::sentences(repaired.text()).map(|r| (r, "sentence"));
                    let format = UnitFormat {
                        json: *json,
                        share_lines: false,
                        before,
                    };
                    write_units(out, units, &chunk.text, &repaired, format)
                }
                Mode::Words { json, segmenter } => {
                    let units = segmenter
                        .tokens(repaired.text())
                        .map(|t| (t.range, t.kind.name()));
                    let format = UnitFormat {
                        json: *json,
                        share_lines: true,
                        before,
                    };
                    write_units(out, units, &chunk.text, &repaired, format)
                }
                Mode::Quantities => quantities(out, &repaired, before.bytes),
            };
            sink.check(written)?;
            before.bytes += chunk.text.len();
            before.chars += chunk.text.chars().count();
            Ok(())
        })?;
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
    batch::run(tidy, args.read(), &jobs, args.file_threads(), |outcome| {
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

/// The input before the current chunk, to turn offsets in the chunk into
/// offsets in the input.
#[derive(Clone, Copy, Default)]
struct Before {
    bytes: usize,
    chars: usize,
}

/// One sentence or token of `--format jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    kind: &'static str,
    text: &'a str,
    /// Byte offsets in the input (as decoded: with --lossy, each bad
    /// sequence counts as the three bytes of U+FFFD).
    start: usize,
    end: usize,
    /// Character offsets in the input.
    char_start: usize,
    char_end: usize,
}

/// How a chunk's sentences or tokens are written.
#[derive(Clone, Copy)]
struct UnitFormat {
    /// JSON records with their place in the input, instead of text.
    json: bool,
    /// As text, the units of one block share a line, separated by single
    /// spaces (words); otherwise each unit has a line (sentences).
    share_lines: bool,
    before: Before,
}

/// Writes sentences or tokens: ranges of the repaired chunk, with a kind.
fn write_units(
    out: &mut dyn Write,
    units: impl Iterator<Item = (std::ops::Range<usize>, &'static str)>,
    input: &str,
    repaired: &Repaired,
    format: UnitFormat,
) -> io::Result<()> {
    let UnitFormat {
        json,
        share_lines,
        before,
    } = format;
    let text = repaired.text();
    // Plain words and sentences give no offsets: the map is not composed.
    let mut locator = json.then(|| Locator::new(input, repaired.map()));
    let mut last_end = None;
    for (range, kind) in units {
        let unit = &text[range.clone()];
        if let Some(locator) = &mut locator {
            let at = locator.locate(range);
            let record = Record {
                kind,
                text: unit,
                start: before.bytes + at.bytes.start,
                end: before.bytes + at.bytes.end,
                char_start: before.chars + at.chars.start,
                char_end: before.chars + at.chars.end,
            };
            serde_json::to_writer(&mut *out, &record)?;
            out.write_all(b"\n")?;
            continue;
        }
        if let Some(end) = last_end {
            let same_block =
                share_lines && memchr::memchr(b'\n', &text.as_bytes()[end..range.start]).is_none();
            out.write_all(if same_block { b" " } else { b"\n" })?;
        }
        out.write_all(unit.as_bytes())?;
        last_end = Some(range.end);
    }
    if last_end.is_some() && !json {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One line of `--quantities`. Values are strings, so that an exact
/// decimal (`128640000000`, `0.85`) is never read back as a float.
#[derive(Serialize)]
struct QuantityLine<'a> {
    text: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<String>,
    unit: Option<&'a str>,
    start: usize,
    end: usize,
}

/// Writes the quantities of one repaired chunk that starts at `offset` of
/// the input.
fn quantities(out: &mut dyn Write, repaired: &Repaired, offset: usize) -> io::Result<()> {
    for Quantity {
        range,
        source,
        kind,
        value,
        unit,
    } in repaired.quantities()
    {
        let (value, low, high) = match value {
            Value::None => (None, None, None),
            Value::Exact(d) => (Some(d.to_string()), None, None),
            Value::Range { low, high } => (None, Some(low.to_string()), Some(high.to_string())),
            Value::Text(t) => (Some(t), None, None),
        };
        let line = QuantityLine {
            text: &repaired.text()[range],
            kind: kind.name(),
            value,
            low,
            high,
            unit: unit.as_deref(),
            start: offset + source.start,
            end: offset + source.end,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
