//! The tool under test: zhtidy in this process, or any shell command that
//! reads the text on stdin and writes the repair on stdout.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use zhtidy::{Repaired, Tidy};

pub enum Runner {
    InProcess(Tidy),
    Shell(String),
}

/// What the tool made of one input.
pub struct Output {
    pub text: String,
    /// zhtidy's edit log, when it ran in process.
    pub repaired: Option<Repaired>,
}

impl Runner {
    pub fn label(&self) -> String {
        match self {
            Runner::InProcess(_) => "zhtidy".into(),
            Runner::Shell(cmd) => cmd.clone(),
        }
    }

    pub fn run(&self, input: &str) -> Result<Output, String> {
        match self {
            Runner::InProcess(tidy) => {
                let repaired = tidy.repair(input);
                Ok(Output {
                    text: repaired.text().to_owned(),
                    repaired: Some(repaired),
                })
            }
            Runner::Shell(cmd) => Ok(Output {
                text: pipe(cmd, input)?,
                repaired: None,
            }),
        }
    }
}

/// Runs `sh -c cmd` with `input` on stdin and returns its stdout (invalid
/// UTF-8 replaced, so it is scored rather than rejected).
fn pipe(cmd: &str, input: &str) -> Result<String, String> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut bytes = Vec::new();
    std::thread::scope(|s| {
        // Write from another thread so a tool that streams cannot deadlock.
        s.spawn(move || {
            // A tool may exit without reading all its input; that is its business.
            let _ = stdin.write_all(input.as_bytes());
        });
        stdout.read_to_end(&mut bytes)
    })
    .map_err(|e| format!("{cmd:?}: reading stdout: {e}"))?;
    let status = child.wait().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !status.success() {
        return Err(format!("{cmd:?} failed: {status}"));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
