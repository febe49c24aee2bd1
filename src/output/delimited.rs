//! CSV (RFC 4180) and TSV: one header row, every record field but `parts`,
//! then the extra columns. Errors go to stderr only, so every row has the
//! same shape. In TSV a tab, CR, LF or backslash inside a cell is written
//! `\t`, `\r`, `\n`, `\\`, so that a row is always one line of cells.

use super::{Sink, SinkOptions};
use crate::record::{Record, COLUMNS};
use std::io::{self, Write};

pub struct Delimited<W: Write> {
    wtr: csv::Writer<W>,
    opts: SinkOptions,
    tsv: bool,
    header_written: bool,
}

impl<W: Write> Delimited<W> {
    pub fn new(mut wtr: W, delimiter: u8, opts: SinkOptions) -> Self {
        if opts.excel {
            // Excel reads a CSV as UTF-8 only with a BOM.
            let _ = wtr.write_all("\u{feff}".as_bytes());
        }
        // RFC 4180 ends CSV records with CRLF; TSV keeps the Unix line end.
        let terminator = if delimiter == b',' {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let wtr = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(wtr);
        Delimited {
            wtr,
            opts,
            tsv: delimiter == b'\t',
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            let mut h: Vec<&str> = COLUMNS.to_vec();
            h.extend(self.opts.extra_columns.iter().map(String::as_str));
            self.wtr.write_record(&h).map_err(io_error)?;
        }
        Ok(())
    }
}

/// A csv error as an io error of the same kind, so that a closed pipe is
/// still seen as one (`From<csv::Error>` makes every error `Other`).
fn io_error(e: csv::Error) -> io::Error {
    let kind = match e.kind() {
        csv::ErrorKind::Io(io) => io.kind(),
        _ => io::ErrorKind::Other,
    };
    io::Error::new(kind, e)
}

/// A TSV cell on one line: tab, CR, LF and backslash escaped.
pub fn tsv_escape(cell: &str) -> std::borrow::Cow<'_, str> {
    if !cell.contains(['\t', '\r', '\n', '\\']) {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len() + 8);
    for c in cell.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.into()
}

/// A cell as written: escaped in TSV, guarded for a spreadsheet with `excel`.
pub fn cell(s: &str, tsv: bool, excel: bool) -> String {
    let s = if tsv { tsv_escape(s) } else { s.into() };
    if excel {
        guard_formula(&s).into_owned()
    } else {
        s.into_owned()
    }
}

/// A cell that a spreadsheet would run as a formula gets a leading `'`.
pub fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn plain(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl<W: Write> Sink for Delimited<W> {
    fn records(&mut self, records: &[Record]) -> io::Result<()> {
        self.header()?;
        for r in records {
            let mut row = r.row();
            for c in &self.opts.extra_columns {
                row.push(r.extra.get(c).map(plain).unwrap_or_default());
            }
            if self.opts.excel || self.tsv {
                row = row.iter().map(|c| cell(c, self.tsv, self.opts.excel)).collect();
            }
            self.wtr.write_record(&row).map_err(io_error)?;
        }
        Ok(())
    }
    fn error(&mut self, _doc: &str, _error: &str) -> io::Result<()> {
        self.header()
    }
    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.wtr.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_guarded() {
        assert_eq!(guard_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(guard_formula("-2"), "'-2");
        assert_eq!(guard_formula("@x"), "'@x");
        assert_eq!(guard_formula("plain"), "plain");
    }

    #[test]
    fn tsv_cells_stay_on_one_line() {
        assert_eq!(tsv_escape("a\tb\r\nc\\d"), "a\\tb\\r\\nc\\\\d");
        assert_eq!(tsv_escape("plain"), "plain");
        assert_eq!(cell("=x\ty", true, true), "'=x\\ty");
    }
}
