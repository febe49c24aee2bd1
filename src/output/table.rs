//! A readable table for a terminal: one line per record, grouped by document.

use super::Sink;
use crate::printable::printable;
use crate::record::Record;
use std::io::{self, Write};

pub struct Table<W> {
    wtr: W,
    last_doc: Option<String>,
    /// The width of the quote column; `None`: whole quotes.
    quote_width: Option<usize>,
    speaker_width: usize,
}

/// The columns before the quote but the speaker: `#`, kind, cue, line, and
/// the gaps.
const FIXED: usize = 3 + 2 + 8 + 2 + 2 + 14 + 2 + 7 + 2;
const SPEAKER: usize = 26;
/// Below 100 columns the speaker column gives way first (down to this), so
/// that the quote keeps about 24 columns; the quote never gets fewer than 10
/// (a narrower terminal wraps).
const MIN_SPEAKER: usize = 12;
const MIN_QUOTE: usize = 10;

impl<W: Write> Table<W> {
    /// A table `width` columns wide (`None`: quotes are never cut).
    pub fn new(wtr: W, width: Option<usize>) -> Self {
        let rest = width.map(|w| w.saturating_sub(FIXED));
        let speaker_width = rest.map_or(SPEAKER, |r| r.saturating_sub(32).clamp(MIN_SPEAKER, SPEAKER));
        Table {
            wtr,
            last_doc: None,
            quote_width: rest.map(|r| r.saturating_sub(speaker_width).max(MIN_QUOTE)),
            speaker_width,
        }
    }
}

/// The speaker column: the canonical speaker, else `—` with the mention
/// that was not resolved in brackets (`— (she)`), so it never looks resolved.
pub fn speaker_cell(r: &Record) -> String {
    match (&r.speaker, &r.speaker_mention) {
        (Some(s), _) => s.clone(),
        (None, Some(m)) => format!("— ({m})"),
        (None, None) => "—".to_string(),
    }
}

/// `s` on one line, padded or cut (with …) to `width` characters.
pub fn clip(s: &str, width: usize) -> String {
    let flat: String = s.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    if width == usize::MAX {
        flat
    } else if flat.chars().count() <= width {
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
                    "{:>3}  {:<8}  {:<sw$}  {:<14}  {:<7}  quote",
                    "#",
                    "kind",
                    "speaker",
                    "cue",
                    "line",
                    sw = self.speaker_width
                )?;
                self.last_doc = Some(r.doc.clone());
            }
            let quote = match self.quote_width {
                Some(w) => clip(&r.quote, w),
                None => clip(&r.quote, usize::MAX),
            };
            let line = format!(
                "{:>3}  {:<8}  {}  {}  {:<7}  {}",
                r.index,
                r.kind.as_str(),
                printable(&clip(&speaker_cell(r), self.speaker_width)),
                printable(&clip(r.cue.as_deref().unwrap_or("—"), 14)),
                format!("{}:{}", r.line, r.column),
                printable(&quote)
            );
            writeln!(self.wtr, "{}", line.trim_end())?;
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
