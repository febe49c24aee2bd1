//! A readable table for a terminal: one line per record, grouped by document.

use super::Sink;
use crate::printable::printable;
use crate::record::Record;
use std::io::{self, Write};

pub struct Table<W> {
    wtr: W,
    last_doc: Option<String>,
}

impl<W: Write> Table<W> {
    pub fn new(wtr: W) -> Self {
        Table { wtr, last_doc: None }
    }
}

/// `s` on one line, padded or cut (with …) to `width` characters.
pub fn clip(s: &str, width: usize) -> String {
    let flat: String = s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    if flat.chars().count() <= width {
        format!("{flat:<width$}")
    } else {
        let cut: String = flat.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

impl<W: Write> Sink for Table<W> {
    fn records(&mut self, records: &[Record]) -> io::Result<()> {
        for r in records {
            if self.last_doc.as_deref() != Some(r.doc.as_str()) {
                writeln!(self.wtr, "\n{}", printable(&r.doc))?;
                writeln!(
                    self.wtr,
                    "{:>3}  {:<8}  {:<26}  {:<14}  {:<7}  quote",
                    "#", "kind", "speaker", "cue", "line"
                )?;
                self.last_doc = Some(r.doc.clone());
            }
            let speaker = r.speaker.as_deref().or(r.speaker_mention.as_deref()).unwrap_or("—");
            writeln!(
                self.wtr,
                "{:>3}  {:<8}  {}  {}  {:<7}  {}",
                r.index,
                r.kind.as_str(),
                printable(&clip(speaker, 26)),
                printable(&clip(r.cue.as_deref().unwrap_or("—"), 14)),
                format!("{}:{}", r.line, r.column),
                printable(&clip(&r.quote, 70))
            )?;
        }
        Ok(())
    }
    fn error(&mut self, doc: &str, error: &str) -> io::Result<()> {
        writeln!(self.wtr, "\n{}: error: {}", printable(doc), printable(error))
    }
    fn finish(&mut self) -> io::Result<()> {
        self.wtr.flush()
    }
}
