//! Runs the quality harness over the corpora and holds zhtidy's overall
//! figures to the floors checked in at `corpora/floor.json` (and, with each
//! form feed made a line end, `corpora/floor-joined.json`).
//!
//! Each floor key is a figure of the harness's JSON `summary` with `_max`
//! (the figure must not rise above it) or `_min` (must not fall below it).
//! When zhtidy gets better, raise the floor to the new figures (less a small
//! margin) so that the gain cannot be lost unnoticed.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn quality_meets_floor() {
    meets_floor(&[], "floor.json");
}

/// The same corpora with each form feed made a line end, as code that
/// joins an extractor's pages with `\n` gives them: page edges must be
/// found from the text itself.
#[test]
fn quality_with_pages_joined_meets_floor() {
    meets_floor(&["--join-pages"], "floor-joined.json");
}

/// Runs the harness with `args` and holds its figures to `corpora/<floor>`.
fn meets_floor(args: &[&str], floor: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let json_path =
        std::env::temp_dir().join(format!("zhtidy-quality-{}-{floor}", std::process::id()));
    let run = Command::new(env!("CARGO_BIN_EXE_zhtidy-bench"))
        .arg("quality")
        .args(args)
        .arg("--json")
        .arg(&json_path)
        .arg("--corpora")
        .arg(root.join("corpora"))
        .output()
        .expect("run zhtidy-bench");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "zhtidy-bench quality failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stderr),
        stdout
    );
    let report = std::fs::read_to_string(&json_path).expect("harness wrote its JSON");
    let _ = std::fs::remove_file(&json_path);
    let report: Value = serde_json::from_str(&report).expect("harness JSON parses");
    let floor_path = root.join("corpora").join(floor);
    let floor: Value =
        serde_json::from_str(&std::fs::read_to_string(&floor_path).expect("the floor file exists"))
            .expect("the floor file parses");

    let summary = &report["summary"];
    let show = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.4}")
        }
    };
    let mut worse = Vec::new();
    let mut slack = Vec::new();
    for (key, limit) in floor.as_object().expect("floor is an object") {
        if key.starts_with('_') {
            continue; // comments
        }
        let Some(limit) = limit.as_f64() else {
            worse.push(format!("{key}: the floor is not a number"));
            continue;
        };
        let (name, is_max) = match (key.strip_suffix("_max"), key.strip_suffix("_min")) {
            (Some(n), _) => (n, true),
            (_, Some(n)) => (n, false),
            _ => {
                worse.push(format!("{key}: a floor key must end in _max or _min"));
                continue;
            }
        };
        match summary.get(name).and_then(Value::as_f64) {
            None => worse.push(format!("{name}: not measured (floor {limit})")),
            Some(v) if is_max && v > limit => {
                worse.push(format!("{name} = {}, above its ceiling {limit}", show(v)))
            }
            Some(v) if !is_max && v < limit => {
                worse.push(format!("{name} = {}, below its floor {limit}", show(v)))
            }
            Some(v) => slack.push(format!("{name} = {} (floor {limit})", show(v))),
        }
    }
    eprintln!("within the floor: {}", slack.join(", "));
    if !worse.is_empty() {
        let changed = report["must_not_change"]["failures"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|f| {
                        format!(
                            "  {} line {}: {} → {}",
                            f["file"].as_str().unwrap_or("?"),
                            f["line"],
                            f["expected"].as_str().unwrap_or(""),
                            f["got"].as_str().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        panic!(
            "zhtidy's quality is worse than {}:\n  {}\n\nmust-not-change texts that changed:\n{}\n\nfull report:\n{}",
            floor_path.display(),
            worse.join("\n  "),
            changed,
            stdout
        );
    }
}
