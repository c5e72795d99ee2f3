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
    for (args, stdin, expected, why) in CASES {
        let out = zhtidy(args, stdin.as_bytes());
        assert!(
            out.status.success(),
            "{why}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), *expected, "{why}");
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
