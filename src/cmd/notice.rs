//! Messages on stderr, and the unfinished output a signal must remove.
//!
//! Every message is made printable first (control characters escaped, see
//! `whosaid::printable`): file names, ids and error texts come from the
//! input. A message that cannot be written (stderr closed or full) is
//! dropped: it must not end the run, nor panic as `eprintln!` does.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Writes `whosaid: MESSAGE` on stderr, escaped.
pub fn warn(msg: &str) {
    let line = format!("whosaid: {}\n", whosaid::printable::printable(msg));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

static TMP: Mutex<Option<PathBuf>> = Mutex::new(None);

pub fn register_tmp(p: &Path) {
    if let Ok(mut t) = TMP.lock() {
        *t = Some(p.to_path_buf());
    }
}

pub fn unregister_tmp() {
    if let Ok(mut t) = TMP.lock() {
        *t = None;
    }
}

/// Removes an unfinished temporary output (on a signal or a fatal panic,
/// which end the process without running destructors).
pub fn remove_tmp() {
    if let Ok(mut t) = TMP.lock() {
        if let Some(p) = t.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}
