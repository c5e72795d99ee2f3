//! Finding and reading the corpora: extracted files with their truth and
//! layout facts, the must-not-change texts, the glyph-damage set, and the
//! large varied input of the speed report.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One extracted file to score.
#[derive(Clone, Debug)]
pub struct Case {
    pub layout: String,
    pub extractor: String,
    pub doc: String,
    pub path: PathBuf,
    pub header: Option<String>,
    pub page_format: Option<String>,
    pub pages: Option<usize>,
}

pub struct Corpus {
    pub cases: Vec<Case>,
    /// Ground truth by document name.
    pub truths: BTreeMap<String, String>,
    /// Things worth telling the user (files skipped, manifest missing).
    pub notes: Vec<String>,
}

#[derive(Deserialize)]
struct Manifest {
    files: Vec<ManifestFile>,
}

#[derive(Deserialize)]
struct ManifestFile {
    doc: String,
    layout: String,
    extractor: String,
    #[serde(default)]
    running_header: Option<String>,
    #[serde(default)]
    page_number_format: Option<String>,
    #[serde(default)]
    pages: Option<usize>,
}

/// The corpora directory: the one given, else `./corpora`, else the
/// crate's own.
pub fn locate(given: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(dir) = given {
        return if dir.is_dir() {
            Ok(dir.to_owned())
        } else {
            Err(format!("{}: not a directory", dir.display()))
        };
    }
    let here = PathBuf::from("corpora");
    if here.join("sources").is_dir() {
        return Ok(here);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
    if built.join("sources").is_dir() {
        return Ok(built);
    }
    Err("no corpora directory found; pass --corpora DIR".into())
}

pub fn read(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8: {e}", path.display()))
}

/// The `*.txt` files of a directory, sorted by name (empty if absent).
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
        .collect();
    files.sort();
    files
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads the truths and lists every extracted file that has one, with the
/// manifest's facts about its layout when the manifest knows the file.
pub fn load(root: &Path) -> Result<Corpus, String> {
    let mut notes = Vec::new();
    let mut truths = BTreeMap::new();
    for path in txt_files(&root.join("sources")) {
        truths.insert(stem(&path), read(&path)?);
    }
    if truths.is_empty() {
        return Err(format!("{}: no sources/*.txt", root.display()));
    }
    let extracted = root.join("extracted");
    let mut facts: HashMap<(String, String, String), ManifestFile> = HashMap::new();
    match fs::read_to_string(extracted.join("manifest.json")) {
        Ok(json) => match serde_json::from_str::<Manifest>(&json) {
            Ok(m) => {
                for f in m.files {
                    facts.insert((f.layout.clone(), f.extractor.clone(), f.doc.clone()), f);
                }
            }
            Err(e) => notes.push(format!(
                "manifest.json unreadable ({e}): boilerplate judged without it"
            )),
        },
        Err(_) => notes.push("no extracted/manifest.json: boilerplate judged without it".into()),
    }
    let mut cases = Vec::new();
    for layout_dir in subdirs(&extracted) {
        let layout = name(&layout_dir);
        for extractor_dir in subdirs(&layout_dir) {
            let extractor = name(&extractor_dir);
            for path in txt_files(&extractor_dir) {
                let doc = stem(&path);
                if !truths.contains_key(&doc) {
                    notes.push(format!("{}: no truth, skipped", path.display()));
                    continue;
                }
                let fact = facts.get(&(layout.clone(), extractor.clone(), doc.clone()));
                cases.push(Case {
                    layout: layout.clone(),
                    extractor: extractor.clone(),
                    doc,
                    path,
                    header: fact.and_then(|f| f.running_header.clone()),
                    page_format: fact.and_then(|f| f.page_number_format.clone()),
                    pages: fact.and_then(|f| f.pages),
                });
            }
        }
    }
    if cases.is_empty() {
        return Err(format!(
            "{}: no extracted/<layout>/<extractor>/*.txt",
            extracted.display()
        ));
    }
    Ok(Corpus {
        cases,
        truths,
        notes,
    })
}

/// The texts that must come back unchanged: `clean/*.txt` and the truths.
pub fn must_not_change(root: &Path) -> Vec<PathBuf> {
    let mut files = txt_files(&root.join("clean"));
    files.extend(txt_files(&root.join("sources")));
    files
}

/// One injected glyph of the damage set.
#[derive(Clone, Debug, Deserialize)]
pub struct Injection {
    pub offset: usize,
    pub len: usize,
    pub damaged: String,
    pub expected: String,
    #[serde(default = "unknown_kind")]
    pub kind: String,
}

fn unknown_kind() -> String {
    "unknown".into()
}

pub struct GlyphDoc {
    pub doc: String,
    pub text: String,
    pub injections: Vec<Injection>,
}

/// The glyph-damage set. Missing, half-written or inconsistent files are
/// skipped with a note, since the set may be being regenerated.
pub fn glyph_docs(root: &Path) -> (Vec<GlyphDoc>, Vec<String>) {
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    let dir = root.join("glyphs");
    for path in txt_files(&dir) {
        let doc = stem(&path);
        let json_path = dir.join(format!("{doc}.json"));
        let Ok(json) = fs::read_to_string(&json_path) else {
            notes.push(format!("glyphs/{doc}.json missing: skipped"));
            continue;
        };
        let injections: Vec<Injection> = match serde_json::from_str(&json) {
            Ok(list) => list,
            Err(e) => {
                notes.push(format!("glyphs/{doc}.json unreadable ({e}): skipped"));
                continue;
            }
        };
        let text = match read(&path) {
            Ok(t) => t,
            Err(e) => {
                notes.push(format!("{e}: skipped"));
                continue;
            }
        };
        let (good, bad): (Vec<Injection>, Vec<Injection>) = injections
            .into_iter()
            .partition(|i| text.get(i.offset..i.offset + i.len) == Some(i.damaged.as_str()));
        if !bad.is_empty() {
            notes.push(format!(
                "glyphs/{doc}: {} injections do not match the text at their offset: skipped",
                bad.len()
            ));
        }
        docs.push(GlyphDoc {
            doc,
            text,
            injections: good,
        });
    }
    (docs, notes)
}

/// At least `target` bytes of varied text: every extracted file in turn,
/// then again in another order, until the target is reached.
pub fn speed_input(root: &Path, target: usize) -> Result<String, String> {
    speed_input_of(root, target, |_| true)
}

/// The same from the extracted files that `keep` selects (one extractor's,
/// say).
pub fn speed_input_of(
    root: &Path,
    target: usize,
    keep: impl Fn(&Case) -> bool,
) -> Result<String, String> {
    let corpus = load(root)?;
    let mut texts = Vec::with_capacity(corpus.cases.len());
    for case in corpus.cases.iter().filter(|c| keep(c)) {
        texts.push(read(&case.path)?);
    }
    if texts.iter().all(|t| t.is_empty()) {
        return Err("no extracted text to measure speed on".into());
    }
    let mut order: Vec<usize> = (0..texts.len()).collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut out = String::with_capacity(target + 64 * 1024);
    let mut round = 0;
    while out.len() < target {
        if round > 0 {
            // Fisher–Yates with a fixed seed: each round a different order.
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
        }
        for &i in &order {
            if out.len() >= target {
                break;
            }
            out.push_str(&texts[i]);
        }
        round += 1;
    }
    Ok(out)
}
