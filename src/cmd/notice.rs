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

/// `1 document`, `2 documents`, `0 errors`.
pub fn count(n: u64, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The end-of-run summary, in the same words for every subcommand:
/// `3 documents read, 2 with quotations, 22 records, 0 errors`.
pub fn summary(docs: u64, quoted: u64, records: u64, errors: u64) -> String {
    format!(
        "{} read, {quoted} with quotations, {}, {}",
        count(docs, "document"),
        count(records, "record"),
        count(errors, "error")
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_summary_has_correct_plurals() {
        assert_eq!(
            super::summary(1, 1, 1, 0),
            "1 document read, 1 with quotations, 1 record, 0 errors"
        );
        assert_eq!(
            super::summary(2, 0, 0, 1),
            "2 documents read, 0 with quotations, 0 records, 1 error"
        );
    }
}
