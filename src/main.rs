//! `zhtidy`: the command-line filter. All the work is in the library; this
//! file reads, writes and reports errors.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use zhtidy::quantity::{Quantity, Value};
use zhtidy::report::{self, Format};
use zhtidy::stream::{ChunkReader, ReadError};
use zhtidy::{Pass, Repaired, Tidy};

const EXAMPLES: &str = "\
Examples:
  zhtidy corpora/sample/report.txt             repair a file to stdout
  pdftotext -enc UTF-8 a.pdf - | zhtidy         repair an extractor's output
  zhtidy --explain a.txt                       list every edit with its rule and position
  zhtidy --report *.txt                        per file: repairs by rule and a verdict
  zhtidy --report --format json *.txt          the same, one JSON object per file per line
  zhtidy --quantities a.txt                    one JSON object per figure, code or date
  zhtidy --no-boilerplate a.txt -o clean.txt   keep headers and page numbers
  zhtidy --lossy broken.txt                    replace invalid UTF-8 instead of failing";

/// Repairs text that PDF extractors produce from Chinese documents:
/// spaced-out characters, broken lines, running headers and page numbers,
/// odd glyphs. Output has one block (paragraph, heading, list item) per line.
#[derive(Parser, Debug)]
#[command(version, after_help = EXAMPLES)]
struct Args {
    /// Input files, read in order; `-` or none reads stdin.
    files: Vec<PathBuf>,

    /// Write the output to FILE (atomically: a temporary file renamed at the end).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

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
    #[arg(long, conflicts_with_all = ["explain", "report"])]
    quantities: bool,

    /// The format of --report: text, or json (one object per file per line).
    #[arg(long, value_enum, value_name = "FORMAT", requires = "report")]
    format: Option<Format>,

    /// Replace bytes that are not UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    lossy: bool,

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
    let inputs: Vec<&Path> = if args.files.is_empty() {
        vec![Path::new("-")]
    } else {
        args.files.iter().map(PathBuf::as_path).collect()
    };
    let mut sink = Sink::open(args.output.as_deref(), &inputs)?;
    if args.report {
        let format = args.format.unwrap_or_default();
        let mut failed = 0;
        let written = report::write_reports(&tidy, &inputs, args.lossy, format, &mut sink.out)
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
        for chunk in ChunkReader::new(reader, args.lossy) {
            let chunk = chunk.map_err(|e| match e {
                ReadError::Decode(d) => {
                    Failure(format!("{name}: {d} (use --lossy to replace bad bytes)"))
                }
                ReadError::Io(e) => Failure(format!("{name}: {e}")),
            })?;
            let repaired = tidy.repair_chunk(&chunk.text);
            let written = if args.explain {
                explain(&mut sink.out, &name, &chunk.text, &repaired, &mut lines)
            } else if args.quantities {
                quantities(&mut sink.out, &repaired, chunk.offset)
            } else {
                sink.out.write_all(repaired.text().as_bytes())
            };
            sink.check(written)?;
        }
    }
    sink.finish()
}

/// Where the output goes: stdout, or a temporary file renamed at the end.
struct Sink {
    out: Box<dyn Write>,
    target: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    fn open(output: Option<&Path>, inputs: &[&Path]) -> Result<Sink, Failure> {
        let Some(path) = output else {
            return Ok(Sink {
                out: Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
                target: None,
            });
        };
        let same = |a: &Path| {
            a.canonicalize()
                .ok()
                .is_some_and(|a| Some(a) == path.canonicalize().ok())
        };
        if inputs.iter().any(|i| same(i)) {
            return Err(Failure(format!(
                "{}: refusing to overwrite an input file",
                path.display()
            )));
        }
        let mut temp = path.as_os_str().to_owned();
        temp.push(format!(".zhtidy-{}.tmp", std::process::id()));
        let temp = PathBuf::from(temp);
        let file = File::create(&temp).map_err(|e| Failure(format!("{}: {e}", temp.display())))?;
        Ok(Sink {
            out: Box::new(BufWriter::new(file)),
            target: Some((temp, path.to_owned())),
        })
    }

    /// Turns a write error into a failure; a closed pipe ends the run quietly.
    fn check(&mut self, result: io::Result<()>) -> Result<(), Failure> {
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
            Err(e) => {
                self.discard();
                Err(Failure(format!("writing output: {e}")))
            }
        }
    }

    fn finish(mut self) -> Result<(), Failure> {
        let flushed = self.out.flush();
        self.check(flushed)?;
        if let Some((temp, path)) = self.target.take() {
            std::fs::rename(&temp, &path)
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
        }
        Ok(())
    }

    fn discard(&mut self) {
        if let Some((temp, _)) = self.target.take() {
            let _ = std::fs::remove_file(temp);
        }
    }
}

impl Drop for Sink {
    /// A run that failed leaves no half-written output behind.
    fn drop(&mut self) {
        self.discard();
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
