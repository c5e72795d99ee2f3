//! Repairing many files into a directory, on all cores.
//!
//! Unattended runs go over millions of files, so one bad file must not stop
//! the rest: each file's failure is its own [`Outcome`], and the caller
//! reports it and carries on. Each output is written atomically
//! ([`crate::atomic`]) and streamed chunk by chunk, so memory is bounded by
//! a chunk per worker, not by the largest file.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::atomic::AtomicFile;
use crate::stream::{ChunkReader, ReadOptions};
use crate::Tidy;

/// One file to repair, and where its repair goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    pub output: PathBuf,
}

/// What became of one input: its job, or why it has none.
#[derive(Debug)]
pub struct Outcome {
    pub input: PathBuf,
    /// Bytes read and written, or the error worded for the user.
    pub result: Result<(u64, u64), String>,
}

/// The jobs for `inputs` into `out_dir`: a file goes to `out_dir` under its
/// own name, and the files below a directory (recursively, in name order)
/// under their path relative to it. Inputs that cannot be listed, and
/// outputs that two inputs would share, come back as failed outcomes.
pub fn jobs(inputs: &[PathBuf], out_dir: &Path) -> (Vec<Job>, Vec<Outcome>) {
    let mut jobs = Vec::new();
    let mut failed = Vec::new();
    let fail = |input: &Path, error: String| Outcome {
        input: input.to_owned(),
        result: Err(error),
    };
    for input in inputs {
        if input.is_dir() {
            match files_below(input) {
                Ok(files) => jobs.extend(files.into_iter().map(|f| Job {
                    output: out_dir.join(f.strip_prefix(input).unwrap_or(&f)),
                    input: f,
                })),
                Err(e) => failed.push(fail(input, e.to_string())),
            }
        } else if input == Path::new("-") {
            failed.push(fail(input, "stdin has no file name to write".into()));
        } else {
            match input.file_name() {
                Some(name) => jobs.push(Job {
                    input: input.clone(),
                    output: out_dir.join(name),
                }),
                None => failed.push(fail(input, "not a file name".into())),
            }
        }
    }
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut unique = Vec::with_capacity(jobs.len());
    for job in jobs {
        match seen.get(&job.output) {
            Some(first) => failed.push(fail(
                &job.input,
                format!(
                    "{} is already the output of {}",
                    job.output.display(),
                    first.display()
                ),
            )),
            None => {
                seen.insert(job.output.clone(), job.input.clone());
                unique.push(job);
            }
        }
    }
    (unique, failed)
}

/// The regular files below `dir`, in name order.
fn files_below(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        let mut entries = std::fs::read_dir(&dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<Vec<_>>>()?;
        entries.sort();
        for path in entries.into_iter().rev() {
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Repairs one file into its output, creating the output's directory.
pub fn repair_file(tidy: &Tidy, read: ReadOptions, job: &Job) -> Result<(u64, u64), String> {
    let file = File::open(&job.input).map_err(|e| e.to_string())?;
    if let Some(parent) = job.output.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let writing = |e: io::Error| format!("{}: {e}", job.output.display());
    let mut out = AtomicFile::create(&job.output, &[&job.input]).map_err(writing)?;
    let mut counted = Counted {
        inner: file,
        bytes: 0,
    };
    let mut written = 0;
    let mut chunks = ChunkReader::with_options(&mut counted, read);
    for chunk in chunks.by_ref() {
        let chunk = chunk.map_err(|e| e.advice())?;
        let repaired = tidy.repair_chunk(&chunk.text);
        out.write_all(repaired.text().as_bytes()).map_err(writing)?;
        written += repaired.text().len() as u64;
    }
    drop(chunks);
    out.commit().map_err(writing)?;
    Ok((counted.bytes, written))
}

/// A reader that counts the bytes it hands out.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Runs `jobs` on `threads` workers and calls `done` for each outcome on
/// this thread, as they finish (not in order), so the caller can show
/// progress and errors as they come.
pub fn run(
    tidy: &Tidy,
    read: ReadOptions,
    jobs: &[Job],
    threads: usize,
    mut done: impl FnMut(Outcome),
) {
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, jobs.len().max(1)) {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || loop {
                let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    return;
                };
                let result = repair_file(tidy, read, job);
                let outcome = Outcome {
                    input: job.input.clone(),
                    result,
                };
                if send.send(outcome).is_err() {
                    return;
                }
            });
        }
        drop(send);
        for outcome in receive {
            done(outcome);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_follow_inputs() {
        let root = std::env::temp_dir().join(format!("zhtidy-batch-{}", std::process::id()));
        let below = root.join("in").join("sub");
        std::fs::create_dir_all(&below).unwrap();
        for f in [
            root.join("in").join("a.txt"),
            below.join("b.txt"),
            root.join("a.txt"),
        ] {
            std::fs::write(f, "x").unwrap();
        }
        let out = Path::new("out");
        let inputs = [root.join("in"), root.join("a.txt"), "-".into()];
        let (jobs, failed) = jobs(&inputs, out);
        let pairs: Vec<_> = jobs
            .iter()
            .map(|j| (j.input.clone(), j.output.clone()))
            .collect();
        assert_eq!(
            pairs,
            [
                (root.join("in/a.txt"), out.join("a.txt")),
                (root.join("in/sub/b.txt"), out.join("sub/b.txt")),
            ]
        );
        let failed: Vec<_> = failed.iter().map(|o| o.input.clone()).collect();
        assert_eq!(
            failed,
            [PathBuf::from("-"), root.join("a.txt")],
            "stdin, and a second file for out/a.txt"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
