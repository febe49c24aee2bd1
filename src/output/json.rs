//! JSON Lines (one record per line) and a JSON array. A document that could
//! not be read is written as `{"doc": ..., "error": ...}` in its place.

use super::record_json::write_record;
use super::Sink;
use crate::record::Record;
use std::io::{self, Write};

pub struct JsonLines<W> {
    wtr: W,
    /// Records are serialised here first: serde_json makes many small
    /// writes, each a dynamic call when `W` is a boxed writer.
    buf: Vec<u8>,
}

impl<W: Write> JsonLines<W> {
    pub fn new(wtr: W) -> Self {
        JsonLines { wtr, buf: Vec::new() }
    }
}

/// Serialised records held before a write.
const BUF_BYTES: usize = 1 << 16;

fn error_json(doc: &str, error: &str) -> serde_json::Value {
    serde_json::json!({ "doc": doc, "error": error })
}

/// One JSON line per record, appended to `buf`.
fn encode_lines(records: &[Record], buf: &mut Vec<u8>) -> io::Result<()> {
    for r in records {
        write_record(r, buf)?;
        buf.push(b'\n');
    }
    Ok(())
}

impl<W: Write> Sink for JsonLines<W> {
    fn records(&mut self, records: &[Record]) -> io::Result<()> {
        self.buf.clear();
        for r in records {
            encode_lines(std::slice::from_ref(r), &mut self.buf)?;
            // Written in pieces: a document of many records must not hold
            // a second copy of them all as JSON.
            if self.buf.len() >= BUF_BYTES {
                self.wtr.write_all(&self.buf)?;
                self.buf.clear();
            }
        }
        self.wtr.write_all(&self.buf)
    }
    fn encoder(&self) -> Option<super::Encoder> {
        Some(encode_lines)
    }
    fn encoded(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.wtr.write_all(bytes)
    }
    fn error(&mut self, doc: &str, error: &str) -> io::Result<()> {
        serde_json::to_writer(&mut self.wtr, &error_json(doc, error))?;
        self.wtr.write_all(b"\n")
    }
    fn finish(&mut self) -> io::Result<()> {
        self.wtr.flush()
    }
}

pub struct JsonArray<W> {
    wtr: W,
    first: bool,
    /// As in `JsonLines`: one write per record instead of many small ones.
    buf: Vec<u8>,
}

impl<W: Write> JsonArray<W> {
    pub fn new(wtr: W) -> Self {
        JsonArray {
            wtr,
            first: true,
            buf: Vec::new(),
        }
    }
    fn sep(&mut self) -> io::Result<()> {
        let s: &[u8] = if self.first { b"[\n" } else { b",\n" };
        self.first = false;
        self.wtr.write_all(s)
    }
}

impl<W: Write> Sink for JsonArray<W> {
    fn records(&mut self, records: &[Record]) -> io::Result<()> {
        for r in records {
            self.sep()?;
            self.buf.clear();
            write_record(r, &mut self.buf)?;
            self.wtr.write_all(&self.buf)?;
        }
        Ok(())
    }
    fn error(&mut self, doc: &str, error: &str) -> io::Result<()> {
        self.sep()?;
        serde_json::to_writer(&mut self.wtr, &error_json(doc, error)).map_err(io::Error::from)
    }
    fn finish(&mut self) -> io::Result<()> {
        let end: &[u8] = if self.first { b"[]\n" } else { b"\n]\n" };
        self.wtr.write_all(end)?;
        self.wtr.flush()
    }
}
