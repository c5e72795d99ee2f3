//! Output files that appear whole or not at all.
//!
//! An unattended run can be killed, run out of disk or meet a bad input
//! halfway through a file; a half-written output would then pass for a
//! repaired document. [`AtomicFile`] writes beside the target and renames
//! over it only on [`AtomicFile::commit`] (a rename within a directory is
//! atomic); dropped before that, it removes its temporary file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file written under a temporary name and renamed when complete.
pub struct AtomicFile {
    out: BufWriter<File>,
    temp: PathBuf,
    path: PathBuf,
    committed: bool,
}

impl AtomicFile {
    /// Starts writing `path`. Fails if `path` is one of `inputs` (the same
    /// file by any name), since a repair must never destroy its input.
    pub fn create(path: &Path, inputs: &[&Path]) -> io::Result<AtomicFile> {
        if inputs.iter().any(|i| same_file(i, path)) {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "refusing to overwrite an input file",
            ));
        }
        let mut temp = path.as_os_str().to_owned();
        temp.push(format!(".zhtidy-{}.tmp", std::process::id()));
        let temp = PathBuf::from(temp);
        let file = File::create(&temp)?;
        Ok(AtomicFile {
            out: BufWriter::with_capacity(1 << 16, file),
            temp,
            path: path.to_owned(),
            committed: false,
        })
    }

    /// Flushes the file and gives it its name.
    pub fn commit(mut self) -> io::Result<()> {
        self.out.flush()?;
        std::fs::rename(&self.temp, &self.path)?;
        self.committed = true;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_or_nothing() {
        let dir = std::env::temp_dir().join(format!("zhtidy-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        let mut half = AtomicFile::create(&path, &[]).unwrap();
        half.write_all(b"half").unwrap();
        drop(half);
        assert!(!path.exists(), "an uncommitted file never appears");
        let mut whole = AtomicFile::create(&path, &[]).unwrap();
        whole.write_all(b"whole").unwrap();
        whole.commit().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"whole");
        let refused = AtomicFile::create(&dir.join(".").join("out.txt"), &[&path]);
        assert!(refused.is_err(), "the same file by another name");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary left"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
