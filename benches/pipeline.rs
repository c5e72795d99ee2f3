//! Criterion benchmarks of the repair pipeline and each pass, for profiling.
//! The headline speed figures, beside jieba-rs and a plain copy, come from
//! `zhtidy-bench speed`.
//!
//! The input is every extracted text in `corpora/extracted` (over 1 MB of
//! varied real extractor output), not one short text repeated.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use zhtidy::{Pass, Tidy};

fn corpus() -> String {
    let mut files = Vec::new();
    collect(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/extracted")),
        &mut files,
    );
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("corpus file is UTF-8"))
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("corpora/extracted exists")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn only(pass: Pass) -> Tidy {
    Pass::ALL
        .into_iter()
        .fold(Tidy::new(), |t, p| t.with(p, p == pass))
}

fn benches(c: &mut Criterion) {
    let text = corpus();
    assert!(
        text.len() >= 1 << 20,
        "the benchmark needs at least 1 MB of text"
    );
    // A fast wrong answer must fail: the repaired corpus has no spaced-out Han.
    let repaired = Tidy::new().repair(&text);
    assert!(
        !repaired.text().contains("集 成 电 路"),
        "spaced-out text survived repair"
    );
    let mut group = c.benchmark_group("repair");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("copy", |b| {
        b.iter_batched(|| (), |()| text.clone(), BatchSize::SmallInput)
    });
    group.bench_function("pipeline", |b| b.iter(|| Tidy::new().repair(&text)));
    for pass in Pass::ALL {
        let tidy = only(pass);
        group.bench_function(pass.name(), |b| b.iter(|| tidy.repair(&text)));
    }
    group.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
