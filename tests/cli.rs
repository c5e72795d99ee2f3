//! The filter as a user runs it.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

fn zhtidy(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhtidy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhtidy runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// (arguments, stdin, expected stdout, why)
const CASES: &[(&[&str], &str, &str, &str)] = &[
    (
        &[],
        "⽅法⸺ＡＢＣ１２３，。\n",
        "方法——ABC123，。\n",
        "the glyph repairs of the README",
    ),
    (
        &["-"],
        "全 市 已 建 成\n",
        "全市已建成\n",
        "`-` reads stdin",
    ),
    (&[], "", "", "empty input"),
    (&[], " \n\x0c\x0c\n", "", "only whitespace and form feeds"),
    (&[], "\x0c\x0c\x0c", "", "only form feeds"),
    (&[], "   \t  ", "", "only spaces, no line end"),
    (&[], "\n\n\n\n", "", "only line ends"),
    (
        &[],
        "没有最后的换行",
        "没有最后的换行\n",
        "a file without a final newline",
    ),
    (
        &["--no-glyphs"],
        "⸺ＡＢＣ\n",
        "⸺ＡＢＣ\n",
        "a pass switched off",
    ),
    (
        &["--no-spacing", "--no-lines"],
        "全 市\n已 建\n",
        "全 市\n已 建\n",
        "two passes switched off",
    ),
    (
        &["--sentences"],
        "今 天 很 好 。 他 说 ：“ 走 吧 ！” 好 。\n标题\n",
        "今天很好。\n他说：“走吧！”\n好。\n标题\n",
        "one sentence per line, closing quotes kept, blocks end sentences",
    ),
    (
        &["--words"],
        "产 能 １ ２ ． ７ ％ ， C919 飞 机 。\n\n标题\n",
        "产能 12．7％ ， C919 飞机 。\n标题\n",
        "the words of each block on a line; numbers and codes whole",
    ),
    (
        &["--words"],
        "他来到了网易杭研大厦\n",
        "他 来到 了 网易 杭 研 大厦\n",
        "no guessing of unknown words by default",
    ),
    (
        &["--words", "--no-hmm", "--hmm"],
        "他来到了网易杭研大厦\n",
        "他 来到 了 网易 杭研 大厦\n",
        "--hmm guesses 杭研; the last switch wins",
    ),
    (
        &["--words", "--hmm", "--no-hmm"],
        "他来到了网易杭研大厦\n",
        "他 来到 了 网易 杭 研 大厦\n",
        "--no-hmm after --hmm",
    ),
    (
        &["--words", "--format", "jsonl"],
        "全 市 Ｃ９１９\n",
        "{\"kind\":\"word\",\"text\":\"全市\",\"start\":0,\"end\":7,\"char_start\":0,\"char_end\":3}\n\
         {\"kind\":\"identifier\",\"text\":\"C919\",\"start\":7,\"end\":20,\"char_start\":3,\"char_end\":8}\n",
        "each token with its bytes and characters in the input, through the repairs \
         (the removed space touches the replaced Ｃ９１９, so their changes merged)",
    ),
    (
        &["--sentences", "--format", "json"],
        "甲。乙\n",
        "{\"kind\":\"sentence\",\"text\":\"甲。\",\"start\":0,\"end\":6,\"char_start\":0,\"char_end\":2}\n\
         {\"kind\":\"sentence\",\"text\":\"乙\",\"start\":6,\"end\":9,\"char_start\":2,\"char_end\":3}\n",
        "json is jsonl for sentences",
    ),
    (
        &["--quantities"],
        "规模1 2 8 6 . 4 亿元，3~5年，ARJ21\n",
        concat!(
            r#"{"text":"1286.4亿元","kind":"money","value":"128640000000","unit":"元","start":6,"end":24}"#,
            "\n",
            r#"{"text":"3~5年","kind":"range","low":"3","high":"5","unit":"年","start":27,"end":33}"#,
            "\n",
            r#"{"text":"ARJ21","kind":"identifier","unit":null,"start":36,"end":41}"#,
            "\n",
        ),
        "quantities with offsets into the input, across removed spaces",
    ),
    (
        &["--quantities"],
        "一些企业统一标准\n",
        "",
        "no quantities, no output",
    ),
    (
        &["--no-quantities"],
        "同比增长1 2.7%，其中\n",
        "同比增长1 2.7%，其中\n",
        "torn figures kept with the pass off",
    ),
    (
        &[],
        "Ga₂O₃，120m²\n",
        "Ga₂O₃，120m²\n",
        "script digits kept by default",
    ),
    (
        &["--fold-script-digits"],
        "Ga₂O₃，120m²，3×10⁸\n",
        "Ga2O3，120m2，3×10⁸\n",
        "script digits folded on request, a figure's exponent kept",
    ),
];

#[test]
fn table() {
    let text = CASES
        .iter()
        .map(|&(a, stdin, e, w)| (a, stdin.as_bytes(), e, w));
    for (args, stdin, expected, why) in text.chain(ENCODED.iter().copied()) {
        let out = zhtidy(args, stdin);
        assert!(
            out.status.success(),
            "{why}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{why}");
    }
}

/// Bytes in another encoding, or binary: (arguments, stdin, expected
/// stdout, why), checked by [`table`] with [`CASES`].
const ENCODED: &[(&[&str], &[u8], &str, &str)] = &[
    (
        &["--encoding", "gb18030"],
        b"\xd6\xd0 \xce\xc4\xa3\xac\xa3\xc1\n",
        "中文，A\n",
        "GBK bytes, repaired after decoding",
    ),
    (
        &["--encoding", "big5"],
        b"\xa4\xa4 \xa4\xe5\n",
        "中文\n",
        "Big5",
    ),
    (
        &["--encoding", "utf-16"],
        b"\xfe\xff\x4e\x2d\x00\x20\x65\x87\x00\x0a",
        "中文\n",
        "UTF-16 with a big-endian BOM, though utf-16 means little-endian",
    ),
    (
        &["--encoding", "utf-16le"],
        b"\x2d\x4e\x87\x65",
        "中文\n",
        "UTF-16LE without a BOM or a final newline",
    ),
    (
        &["--encoding", "gbk", "--lossy"],
        b"\xd6\xd0\xff\xce\xc4\n",
        "中\u{FFFD}文\n",
        "a byte that is not GBK, replaced",
    ),
    (
        &["--lossy"],
        b"%PDF-1.4\n\xe4\xb8\xad\x00\xff\n",
        "%PDF-1.4\n中\x00\u{FFFD}\n",
        "binary input read as far as it decodes",
    ),
];

/// Input that is not UTF-8 text fails with one line that says what it is:
/// (arguments, stdin, expected stderr, why)
const REJECTED: &[(&[&str], &[u8], &str, &str)] = &[
    (
        &[],
        b"ab\xd6\xd0\xce\xc4\xb5\xc4\xb1\xa8\xb8\xe6\xa3\xac\xce\xd2\xc3\xc7\xcb\xb5\n",
        "zhtidy: -: invalid UTF-8 at byte offset 2; the bytes look like GBK/GB18030 (use --encoding gb18030, or --lossy to replace bad bytes)\n",
        "GBK: 中文的报告，我们说",
    ),
    (
        &[],
        b"\xb3\x6f\xac\x4f\xa4\x40\xad\xd3\xb0\xea\xae\x61\xaa\xba\xb3\xf8\xa7\x69\n",
        "zhtidy: -: invalid UTF-8 at byte offset 0; the bytes look like Big5 (use --encoding big5, or --lossy to replace bad bytes)\n",
        "Big5: 這是一個國家的報告",
    ),
    (
        &[],
        b"\xff\xfe\x2d\x4e\x87\x65",
        "zhtidy: -: invalid UTF-8 at byte offset 0; the bytes look like UTF-16LE (use --encoding utf-16le, or --lossy to replace bad bytes)\n",
        "UTF-16 with a BOM",
    ),
    (
        &[],
        b"T\x00a\x00b\x00l\x00e\x00 \x001\x00\n\x00",
        "zhtidy: -: NUL byte at byte offset 1; the bytes look like UTF-16LE (use --encoding utf-16le, or --lossy to replace bad bytes)\n",
        "UTF-16 without a BOM",
    ),
    (
        &[],
        b"text\n\x00\x00\x01\x02binary",
        "zhtidy: -: binary data: NUL byte at byte offset 5 (use --lossy to read it anyway)\n",
        "binary data",
    ),
    (
        &[],
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "zhtidy: -: a PDF file, not text: extract its text first, e.g. `pdftotext -enc UTF-8 FILE -` (or use --lossy to read it anyway)\n",
        "a PDF given by mistake",
    ),
    (
        &["--encoding", "gbk"],
        b"\xd6\xd0\xce\xc4\xff\n",
        "zhtidy: -: invalid GBK at byte offset 4 (use --lossy to replace bad bytes)\n",
        "a byte that is not GBK",
    ),
];

#[test]
fn rejected_input_says_what_it_is() {
    for (args, stdin, expected, why) in REJECTED {
        let out = zhtidy(args, stdin);
        assert_eq!(out.status.code(), Some(1), "{why}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), *expected, "{why}");
        assert!(out.stdout.is_empty(), "{why}: no output");
    }
}

#[test]
fn explain_lists_edits_with_positions() {
    let out = zhtidy(&["--explain"], "⽅法⸺ＡＢＣ１２３，。\n".as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "-:1:1\tglyphs.radical\t\"⽅\" -> \"方\"\n-:1:3\tglyphs.fullwidth+glyphs.dash\t\"⸺ＡＢＣ１２３\" -> \"——ABC123\"\n"
    );
}

#[test]
fn user_dictionary_adds_words() {
    let dir = std::env::temp_dir().join(format!("zhtidy-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dict = dir.join("dict.txt");
    std::fs::write(&dict, "澜江湾 10 ns\n").unwrap();
    let words = |args: &[&str]| {
        let out = zhtidy(args, "澜江湾集成电路\n".as_bytes());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_ne!(
        words(&["--words"]),
        "澜江湾 集成电路\n",
        "the word is unknown"
    );
    assert_eq!(
        words(&["--words", "--dict", dict.to_str().unwrap()]),
        "澜江湾 集成电路\n"
    );
    std::fs::write(&dict, "澜江湾 many\n").unwrap();
    let bad = zhtidy(&["--words", "--dict", dict.to_str().unwrap()], b"");
    assert!(!bad.status.success());
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(err.contains("dict.txt: line 1: "), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn switches_need_their_mode() {
    for args in [
        &["--dict", "x"][..],
        &["--hmm"],
        &["--format", "jsonl"],
        &["--sentences", "--words"],
    ] {
        let out = zhtidy(args, b"");
        assert!(!out.status.success(), "{args:?} is refused");
    }
}

#[test]
fn invalid_utf8_fails_with_offset() {
    let out = zhtidy(&[], b"\xe4\xb8\xad\xff");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "zhtidy: -: invalid UTF-8 at byte offset 3 (use --lossy to replace bad bytes)\n"
    );
    let lossy = zhtidy(&["--lossy"], b"\xe4\xb8\xad\xff");
    assert_eq!(String::from_utf8(lossy.stdout).unwrap(), "中\u{FFFD}\n");
}

#[test]
fn unreadable_file_names_it() {
    let out = zhtidy(&["/nonexistent/zhtidy-input.txt"], b"");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("zhtidy: /nonexistent/zhtidy-input.txt: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn output_file_is_written_and_inputs_are_protected() {
    let dir = std::env::temp_dir().join(format!("zhtidy-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.txt");
    let output = dir.join("out.txt");
    std::fs::write(&input, "全 市\n").unwrap();
    let ok = zhtidy(
        &[input.to_str().unwrap(), "-o", output.to_str().unwrap()],
        b"",
    );
    assert!(ok.status.success());
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "全市\n");
    let refused = zhtidy(
        &[input.to_str().unwrap(), "-o", input.to_str().unwrap()],
        b"",
    );
    assert!(!refused.status.success());
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "全 市\n",
        "the input is untouched"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        2,
        "no temporary file is left behind"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn out_dir_repairs_every_file_and_reports_each_failure() {
    let dir = std::env::temp_dir().join(format!("zhtidy-batch-cli-{}", std::process::id()));
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    let files: &[(&str, &[u8])] = &[
        ("a.txt", "全 市\n".as_bytes()),
        ("sub/b.txt", "已 建\n".as_bytes()),
        ("sub/c.pdf", b"%PDF-1.4\n"),
        ("d.txt", b"\xff\n"),
    ];
    for (name, bytes) in files {
        std::fs::write(input.join(name), bytes).unwrap();
    }
    let out = dir.join("out");
    let run = zhtidy(
        &["--out-dir", out.to_str().unwrap(), input.to_str().unwrap()],
        b"",
    );
    assert_eq!(run.status.code(), Some(1), "a file failed");
    let err = String::from_utf8(run.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one line per failure and a summary, no progress bar: {err}"
    );
    assert!(
        lines[2].starts_with("zhtidy: 2 files repaired into "),
        "{err}"
    );
    assert!(lines[2].contains(", 2 failed"), "{err}");
    assert!(err.contains("c.pdf: a PDF file"), "{err}");
    assert!(
        err.contains("d.txt: invalid UTF-8 at byte offset 0"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("a.txt")).unwrap(),
        "全市\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("sub/b.txt")).unwrap(),
        "已建\n"
    );
    let written: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        written.len(),
        2,
        "a failed file leaves nothing behind: {written:?}"
    );

    let again = zhtidy(
        &[
            "--out-dir",
            out.to_str().unwrap(),
            input.join("a.txt").to_str().unwrap(),
        ],
        b"",
    );
    assert!(again.status.success(), "every file repaired");
    let into_itself = zhtidy(
        &[
            "--out-dir",
            input.to_str().unwrap(),
            input.join("a.txt").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        into_itself.status.code(),
        Some(1),
        "an input is never overwritten"
    );
    assert_eq!(
        std::fs::read_to_string(input.join("a.txt")).unwrap(),
        "全 市\n"
    );
    let nothing = zhtidy(&["--out-dir", out.to_str().unwrap()], b"");
    assert_eq!(
        nothing.status.code(),
        Some(2),
        "no input files is a usage error"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhtidy"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    let feeder = {
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let page =
                "全 市 已 建 成 或 培 育 各 类 研 发 与 转 化 功 能 型 平 台。\n".repeat(2000);
            for _ in 0..200 {
                if stdin.write_all(page.as_bytes()).is_err() {
                    break;
                }
            }
        })
    };
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit status {status}");
    assert_eq!(err, "", "no panic message");
}

#[test]
fn columns_switch() {
    let rows: String = (0..10)
        .map(|i| {
            format!(
                "左栏第{i}行的文字内容很长很长很长{:<20}右栏第{i}行的文字内容很长很长很长\n",
                ""
            )
        })
        .chain(["\x0c".to_owned()])
        .collect();
    let run = |args: &[&str]| String::from_utf8(zhtidy(args, rows.as_bytes()).stdout).unwrap();
    let kept = ["--no-columns", "--no-lines", "--no-spacing"];
    assert_eq!(
        run(&kept),
        rows,
        "--no-columns keeps the columns side by side"
    );
    let read = run(&kept[1..]);
    assert!(
        read.starts_with("左栏第0行的文字内容很长很长很长\n左栏第1行"),
        "without it the left column comes first: {read}"
    );
}

/// Offsets point into the whole input, also in a chunk after the first.
#[test]
fn quantity_offsets_across_chunks() {
    let input = "正文\n\x0c".repeat(zhtidy::chunk::PAGES + 1) + "同比增长1 2.7%，\n";
    let out = zhtidy(&["--quantities"], input.as_bytes());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (start, end) = (
        line["start"].as_u64().unwrap(),
        line["end"].as_u64().unwrap(),
    );
    assert_eq!(&input[start as usize..end as usize], "1 2.7%");
    assert_eq!(line["value"], "12.7");
}

/// The chunks of one input repaired on several threads come out in order,
/// as one thread and the library write them.
#[test]
fn jobs_do_not_change_the_output() {
    let input: String = (0..5 * zhtidy::chunk::PAGES)
        .map(|page| format!("第 {page} 页 的 正 文 ，同比增长1 2.7%\n和 下 一 行\n\x0c"))
        .collect();
    let expected = zhtidy::Tidy::new().repair_text(&input);
    for jobs in ["1", "3"] {
        let out = zhtidy(&["-j", jobs], input.as_bytes());
        assert!(out.status.success());
        assert!(
            String::from_utf8(out.stdout).unwrap() == expected,
            "-j {jobs}"
        );
    }
    let refused = zhtidy(&["-j", "0"], b"");
    assert!(!refused.status.success());
    assert!(refused.stdout.is_empty());
}
