//! Writers: one per format, all behind [`Sink`]. Analysis never formats;
//! it hands records to a sink.

mod delimited;
mod json;
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

/// Receives the records of each document in input order.
pub trait Sink {
    fn records(&mut self, records: &[Record]) -> io::Result<()>;
    /// A document that could not be read.
    fn error(&mut self, doc: &str, error: &str) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
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
