//! Where output goes: stdout, or a file written through a temporary file and
//! renamed at the end, so an interrupted run never leaves a file that looks
//! complete.

use anyhow::Context;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub struct Output {
    tmp: Option<(PathBuf, PathBuf)>,
}

impl Output {
    /// Opens the destination; `None` or `-` is stdout.
    pub fn open(path: Option<&Path>) -> anyhow::Result<(Output, Box<dyn Write>)> {
        match path {
            Some(p) if p.as_os_str() != "-" => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let tmp = dir.join(format!(".{name}.whosaid-{}.tmp", std::process::id()));
                let f = File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
                register_tmp(&tmp);
                Ok((
                    Output {
                        tmp: Some((tmp, p.to_path_buf())),
                    },
                    Box::new(BufWriter::with_capacity(1 << 16, f)),
                ))
            }
            _ => {
                let stdout = io::stdout();
                let w: Box<dyn Write> = if stdout.is_terminal() {
                    Box::new(io::LineWriter::new(stdout))
                } else {
                    Box::new(BufWriter::with_capacity(1 << 16, stdout))
                };
                Ok((Output { tmp: None }, w))
            }
        }
    }

    /// Moves the finished temporary file into place.
    pub fn commit(mut self) -> anyhow::Result<()> {
        if let Some((tmp, dest)) = self.tmp.take() {
            std::fs::rename(&tmp, &dest).with_context(|| format!("cannot write {}", dest.display()))?;
        }
        Ok(())
    }
}

impl Drop for Output {
    /// A run that fails before `commit` leaves no temporary file behind.
    fn drop(&mut self) {
        if let Some((tmp, _)) = self.tmp.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// The format asked for, else a table on a terminal and JSONL in a pipe or file.
pub fn default_format(asked: Option<whosaid::output::Format>, output: Option<&Path>) -> whosaid::output::Format {
    asked.unwrap_or(if stdout_is_terminal() && output.is_none() {
        whosaid::output::Format::Table
    } else {
        whosaid::output::Format::Jsonl
    })
}

/// Whether stdout is a terminal (table by default) or a pipe (JSONL).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

static TMP: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

fn register_tmp(p: &Path) {
    if let Ok(mut t) = TMP.lock() {
        *t = Some(p.to_path_buf());
    }
}

/// Removes an unfinished temporary output (on Ctrl-C or an error).
pub fn remove_tmp() {
    if let Ok(mut t) = TMP.lock() {
        if let Some(p) = t.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}
