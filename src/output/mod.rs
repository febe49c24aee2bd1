//! Writers: one per format, all behind [`Sink`]. Analysis never formats;
//! it hands records to a sink.

mod delimited;
mod json;
mod record_json;
mod table;

use crate::record::Record;
use std::io::{self, Write};

pub use delimited::{cell, Delimited};
pub use json::{JsonArray, JsonLines};
pub use table::{clip, Table};

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    Tsv,
    Table,
}

/// Serialises records into bytes exactly as a [`Sink`] would write them.
pub type Encoder = fn(&[Record], &mut Vec<u8>) -> io::Result<()>;

/// Receives the records of each document in input order.
pub trait Sink {
    fn records(&mut self, records: &[Record]) -> io::Result<()>;
    /// A document that could not be read.
    fn error(&mut self, doc: &str, error: &str) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
    /// For a format with no state from one document to the next: the
    /// function that serialises a document's records, which worker threads
    /// can run so that the writing thread only writes bytes.
    fn encoder(&self) -> Option<Encoder> {
        None
    }
    /// Writes bytes made by [`Sink::encoder`]'s function, in its place.
    fn encoded(&mut self, bytes: &[u8]) -> io::Result<()> {
        let _ = bytes;
        unreachable!("only a sink with an encoder is given encoded records")
    }
}

/// Options shared by the writers.
#[derive(Clone, Debug, Default)]
pub struct SinkOptions {
    /// Names of the extra columns (keep-fields, context), in order.
    pub extra_columns: Vec<String>,
    /// CSV for Excel: a UTF-8 BOM and guarded formula-like cells.
    pub excel: bool,
    /// The table's width in columns (the quote column takes what the others
    /// leave); `None` prints whole quotes.
    pub table_width: Option<usize>,
}

pub fn sink<'w>(format: Format, wtr: Box<dyn Write + 'w>, opts: SinkOptions) -> Box<dyn Sink + 'w> {
    match format {
        Format::Json => Box::new(JsonArray::new(wtr)),
        Format::Jsonl => Box::new(JsonLines::new(wtr)),
        Format::Csv => Box::new(Delimited::new(wtr, b',', opts)),
        Format::Tsv => Box::new(Delimited::new(wtr, b'\t', opts)),
        Format::Table => Box::new(Table::new(wtr, opts.table_width)),
    }
}
