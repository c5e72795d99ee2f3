//! The damage report (`zhtidy --report`): verdicts, reasons and rule counts,
//! through the library and through the command line.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use zhtidy::report::{self, ReasonKind, Verdict};
use zhtidy::stream::ReadOptions;
use zhtidy::{Rule, Tidy};

use ReasonKind::*;
use Verdict::*;

/// (what, input, verdict, reasons that must be found, rules that must have
/// made changes)
type Case = (
    &'static str,
    &'static str,
    Verdict,
    &'static [ReasonKind],
    &'static [Rule],
);

const CASES: &[Case] = &[
    (
        "clean Chinese text",
        "中文文本，没有问题。\n第二段写得也很好。\n",
        Clean,
        &[],
        &[],
    ),
    ("empty input", "", Clean, &[], &[]),
    (
        "trailing whitespace only is trivial",
        "中文文本，没有问题。   \n第二段。\n",
        Clean,
        &[],
        &[Rule::EdgeSpace],
    ),
    (
        "CRLF line ends only are trivial",
        "第一行。\r\n第二行。\r\n",
        Clean,
        &[],
        &[Rule::Newline],
    ),
    (
        "a BOM and blank lines between blocks are trivial",
        "\u{FEFF}第一段。\n\n\n第二段。\n",
        Clean,
        &[],
        &[Rule::Bom, Rule::BlockBreak],
    ),
    (
        "spaced-out characters are repaired",
        "全 市 已 建 成 或 培 育 各 类 研 发 与 转 化 功 能 型 平 台\n",
        Repaired,
        &[],
        &[Rule::HanSpace],
    ),
    (
        "private-use bullets at a line start are repaired, not suspect",
        "\u{F06C} 第一项内容。\n\u{F0B7} 第二项内容。\n",
        Repaired,
        &[],
        &[Rule::Bullet],
    ),
    (
        "pinyin, French and a Russian name in passing are not suspect",
        "拼音 Zhōngguó、Běijīng 与 lǜsè。他说：« Ça va très bien, merci. » \
         俄罗斯作家托尔斯泰（Толстой）的作品。\n",
        Clean,
        &[],
        &[],
    ),
    (
        "Greek letters as symbols are not suspect",
        "α粒子与β射线，Δt=3μs，电阻为5Ω，σ为标准差，λ为波长。\n",
        Clean,
        &[],
        &[],
    ),
    (
        "units, formulas, circled numbers and emoji are not suspect",
        "①温度为25℃，面积100㎡，增长≥3%，★重点 😀 𝑥+𝑦=1。\n",
        Clean,
        &[],
        &[],
    ),
    (
        "a string of private-use characters is suspect",
        "本报告介绍了\u{E001}\u{E002}\u{E003}\u{E004}\u{E005}\u{E006}的发展情况。\n",
        Suspect,
        &[PrivateUse],
        &[],
    ),
    (
        "a text layer of supplementary private-use glyph codes",
        "\u{F0001}\u{F0002}\u{F0003}\u{F0004}\u{F0005}\u{F0006}\u{F0007}\n",
        Suspect,
        &[PrivateUse],
        &[],
    ),
    (
        "UTF-8 read as Latin-1 (新期)",
        "æ\u{96}°æ\u{9c}\u{9f}\n",
        Suspect,
        &[Mojibake],
        &[],
    ),
    (
        "UTF-8 encoded twice (中文)",
        "Ã¤Â¸Â\u{AD}Ã¦\u{96}\u{87}\n",
        Suspect,
        &[Mojibake],
        &[],
    ),
    (
        "UTF-8 read as Windows-1252 inside Chinese text",
        "本期报告：æ–°æœŸ的数据已经更新。\n",
        Suspect,
        &[Mojibake],
        &[],
    ),
    (
        "GBK read as Latin-1 (中文测试文本)",
        "ÖÐÎÄ²âÊÔÎÄ±¾\n",
        Suspect,
        &[Latin1],
        &[],
    ),
    (
        "control characters in place of glyphs",
        "中文\u{1}\u{2}\u{3}\u{1B}测试\n",
        Suspect,
        &[Control],
        &[],
    ),
    (
        "two control characters are not yet suspect",
        "中文\u{1}测试\u{2}文本，其余都正常。\n",
        Clean,
        &[],
        &[],
    ),
    (
        "replacement characters",
        "中文\u{FFFD}\u{FFFD}测试\u{FFFD}文本\n",
        Suspect,
        &[Replacement],
        &[],
    ),
    (
        "Cyrillic mixed into Chinese",
        "这是Привет мир как дела一段文字\n",
        Suspect,
        &[ForeignScript],
        &[],
    ),
    (
        "Greek words, not symbols",
        "希腊文 Καλημέρα κόσμε πώς είστε 是一句话。\n",
        Suspect,
        &[ForeignScript],
        &[],
    ),
    (
        "Arabic in place of Chinese",
        "مرحبا بالعالم كيف حالك اليوم\n",
        Suspect,
        &[ForeignScript],
        &[],
    ),
    (
        "letters outside any plausible distribution",
        "ĂĄĆČĎĐĘĚĹĽŁŃŇŐŔŘŚŠŞŢŤŮŰŹŻŽ\n",
        Suspect,
        &[Implausible],
        &[],
    ),
    (
        "garbled and spaced out: suspect wins",
        "全 市 已 建 成 \u{E001}\u{E002}\u{E003}\n",
        Suspect,
        &[PrivateUse],
        &[Rule::HanSpace],
    ),
];

#[test]
fn verdicts_reasons_and_rules() {
    let tidy = Tidy::new();
    for &(what, input, verdict, reasons, rules) in CASES {
        let r = report::report(&tidy, "doc.txt", input);
        assert_eq!(r.verdict, verdict, "{what}: {r:#?}");
        for &kind in reasons {
            assert!(r.has_reason(kind), "{what}: no {kind:?} in {r:#?}");
        }
        if verdict != Suspect {
            assert!(r.reasons.is_empty(), "{what}: {r:#?}");
        }
        for &rule in rules {
            let count = r.rule(rule).unwrap_or_else(|| panic!("{what}: no {rule}"));
            assert!(count.changes > 0, "{what}: {rule}");
        }
        assert_eq!(r.input_bytes, input.len(), "{what}");
        assert_eq!(
            r.output_bytes,
            tidy.repair(input).text().len(),
            "{what}: output size"
        );
        // The text block names the verdict and every reason.
        let text = r.to_string();
        assert!(text.starts_with(&format!("doc.txt: {verdict} (")), "{what}");
        for reason in &r.reasons {
            assert!(text.contains(&reason.message), "{what}");
        }
    }
}

#[test]
fn counts_and_shares() {
    let input = "全 市 已 建 成\n";
    let r = report::report(&Tidy::new(), "a", input);
    let han = r.rule(Rule::HanSpace).unwrap();
    assert_eq!((han.changes, han.bytes), (4, 4));
    assert!((han.share - 4.0 / input.len() as f64).abs() < 1e-12);
    assert_eq!(r.changed_bytes, 4);
    assert_eq!((r.chars.han, r.chars.visible), (5, 5));

    let garbled = format!("{}{}\n", "中".repeat(994), "\u{E000}".repeat(6));
    let r = report::report(&Tidy::new(), "b", &garbled);
    let reason = &r.reasons[0];
    assert_eq!((reason.kind, reason.count), (PrivateUse, 6));
    assert_eq!(reason.share, 0.006);
    assert_eq!(reason.first_offset, 994 * 3);
    let sparse = format!("{}{}\n", "中".repeat(1000), "\u{E000}".repeat(5));
    assert!(
        report::report(&Tidy::new(), "c", &sparse)
            .reasons
            .is_empty(),
        "5 in 1,005 is under both private-use thresholds"
    );
}

/// A reader that hands out the bytes a few at a time.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = 7.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Reading a stream chunk by chunk reports what the whole text reports,
/// with evidence that straddles reads and chunks.
#[test]
fn streaming_equals_whole() {
    let page = "全 市 已 建 成 或 培 育\n中文\u{E001}内容æ\u{96}°Ωαβγ文\n22\n\x0c";
    let long = page.repeat(zhtidy::chunk::PAGES * 2 + 3);
    for input in [page.to_owned(), long] {
        let tidy = Tidy::new();
        let streamed = report::report_reader(
            &tidy,
            "f",
            Trickle(input.as_bytes()),
            ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(streamed, report::report(&tidy, "f", &input));
    }
}

#[test]
fn lossy_counts_invalid_utf8_as_replacement() {
    let bytes = b"\xe4\xb8\xad\xff\xfe\xe6\x96\x87\n";
    assert!(report::report_reader(&Tidy::new(), "f", &bytes[..], ReadOptions::default()).is_err());
    let lossy = ReadOptions {
        lossy: true,
        encoding: None,
    };
    let r = report::report_reader(&Tidy::new(), "f", &bytes[..], lossy).unwrap();
    assert_eq!((r.chars.replacement, r.chars.invalid_utf8), (2, 2));
    assert!(r.has_reason(Replacement) && r.verdict == Suspect);
}

/// A directory of input files for the command line tests.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str, files: &[(&str, &[u8])]) -> Dir {
        let dir = std::env::temp_dir().join(format!("zhtidy-report-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (file, bytes) in files {
            std::fs::write(dir.join(file), bytes).unwrap();
        }
        Dir(dir)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn zhtidy(dir: &Dir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhtidy"))
        .args(args)
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

const FILES: &[(&str, &[u8])] = &[
    ("clean.txt", "中文文本，没有问题。\n".as_bytes()),
    (
        "spaced.txt",
        "全 市 已 建 成 或 培 育 各 类 研 发 与 转 化 功 能 型 平 台\n".as_bytes(),
    ),
    (
        "pua.txt",
        "本报告\u{E001}\u{E002}\u{E003}\u{E004}介绍\n".as_bytes(),
    ),
    ("mojibake.txt", "æ\u{96}°æ\u{9c}\u{9f}\n".as_bytes()),
    (
        "cyrillic.txt",
        "这是Привет мир как дела一段文字\n".as_bytes(),
    ),
    ("invalid.txt", b"\xe4\xb8\xad\xff\xe6\x96\x87\n"),
];

/// (arguments, exit success, lines the output must contain)
const CLI: &[(&[&str], bool, &[&str])] = &[
    (
        &["--report", "clean.txt", "spaced.txt"],
        true,
        &[
            "clean.txt: clean (31 bytes in, 31 out)",
            "spaced.txt: repaired (",
            "  spacing.han ",
        ],
    ),
    (
        &["--report", "pua.txt", "mojibake.txt", "cyrillic.txt"],
        true,
        &[
            "pua.txt: suspect (",
            "  ! 4 private-use characters not at a line start",
            "mojibake.txt: suspect (",
            "  ! 2 mojibake sequences",
            "cyrillic.txt: suspect (",
            "mostly Cyrillic",
        ],
    ),
    (
        &["--report", "invalid.txt", "clean.txt"],
        false,
        &[
            "invalid.txt: error: invalid UTF-8 at byte offset 3",
            "clean.txt: clean (",
        ],
    ),
    (
        &["--report", "--lossy", "invalid.txt"],
        true,
        &[
            "invalid.txt: suspect (",
            "  ! 1 replacement character (33.3% of characters, 1 from invalid UTF-8); first U+FFFD at byte 3",
        ],
    ),
    (
        &["--report", "missing.txt", "clean.txt"],
        false,
        &["missing.txt: error: ", "clean.txt: clean ("],
    ),
];

#[test]
fn cli_text_report() {
    let dir = Dir::new("text", FILES);
    for &(args, success, expected) in CLI {
        let out = zhtidy(&dir, args);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.success(), success, "{args:?}: {stdout}");
        for line in expected {
            assert!(stdout.contains(line), "{args:?}: {line:?} in\n{stdout}");
        }
    }
}

/// (file, verdict, reason kinds, rules with changes)
const JSON: &[(&str, &str, &[&str], &[&str])] = &[
    ("clean.txt", "clean", &[], &[]),
    ("spaced.txt", "repaired", &[], &["spacing.han"]),
    ("pua.txt", "suspect", &["private_use"], &[]),
    ("mojibake.txt", "suspect", &["mojibake"], &[]),
    ("cyrillic.txt", "suspect", &["foreign_script"], &[]),
];

#[test]
fn cli_json_report() {
    let dir = Dir::new("json", FILES);
    let mut args = vec!["--report", "--format", "json"];
    args.extend(JSON.iter().map(|j| j.0));
    args.push("invalid.txt");
    let out = zhtidy(&dir, &args);
    assert!(!out.status.success(), "invalid.txt fails the run");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), JSON.len() + 1);
    for (&(file, verdict, reasons, rules), doc) in JSON.iter().zip(&lines) {
        assert_eq!(doc["file"], file);
        assert_eq!(doc["verdict"], verdict, "{file}");
        let bytes = FILES.iter().find(|f| f.0 == file).unwrap().1.len();
        assert_eq!(doc["input_bytes"], bytes, "{file}");
        assert!(doc["output_bytes"].is_u64(), "{file}");
        let kinds: Vec<&str> = doc["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, reasons, "{file}");
        for rule in rules {
            let r = &doc["rules"][rule];
            assert!(r["changes"].as_u64().unwrap() > 0, "{file}: {rule}");
            let share = r["share"].as_f64().unwrap();
            assert!(share > 0.0 && share <= 1.0, "{file}: {rule}");
        }
        if rules.is_empty() {
            assert_eq!(doc["rules"], serde_json::json!({}), "{file}");
        }
    }
    let error = &lines[JSON.len()];
    assert_eq!(error["file"], "invalid.txt");
    assert!(error["error"]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8 at byte offset 3"));
}

#[test]
fn cli_format_needs_report() {
    let dir = Dir::new("args", FILES);
    for args in [
        &["--format", "json", "clean.txt"][..],
        &["--report", "--explain", "clean.txt"],
        &["--report", "--format", "yaml", "clean.txt"],
    ] {
        let out = zhtidy(&dir, args);
        assert!(!out.status.success(), "{args:?}");
    }
}

/// The scanner's state (a mojibake sequence, a Greek run, a line start)
/// carries from one chunk to the next.
#[test]
fn evidence_straddles_chunks() {
    let tidy = Tidy::new();
    let pieces = ["中文æ", "\u{96}°文αβ", "γδ。\n", "\u{E000}项目\n"];
    let mut tally = report::Tally::new();
    for piece in pieces {
        tally.add(piece, &tidy.repair_chunk(piece));
    }
    let r = tally.finish("f");
    assert_eq!(r.chars.mojibake_sequences, 1);
    assert_eq!(r.chars.foreign_letters, 4);
    assert_eq!((r.chars.bullets, r.chars.private_use), (1, 0));
    assert_eq!(r.reasons[0].kind, Mojibake);
    assert_eq!(r.reasons[0].first_offset, "中文".len());
}
