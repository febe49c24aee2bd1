//! `whosaid sources`: who is quoted in each document, how often and how
//! much; or, with `--per-document`, one sourcing summary per document.
//!
//! Documents are read as a stream and analysed in parallel batches, written
//! in input order (as `extract` does). A document that cannot be read is an
//! error record in JSON/JSONL and a line on stderr in every format.

use super::out::{self, Output};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::input::{documents, Item};
use whosaid::output::{clip, Format};
use whosaid::printable::printable;
use whosaid::sources::{self, DocSummary, SourceRow, SOURCE_COLUMNS, SUMMARY_COLUMNS};
use whosaid::{analyze_guarded_with, Record};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: super::input_args::InputArgs,
    /// Output format [default: the -o file's extension (.csv, .tsv, .json,
    /// .jsonl), else table on a terminal and jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Write to FILE instead of stdout (atomically, at the end).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// One row per document (sources, shares by type, top source's share,
    /// unattributed quotes), documents without quotations included.
    #[arg(long)]
    pub per_document: bool,
    /// CSV for Excel: UTF-8 BOM, cells starting with = + - @ guarded by '.
    /// CSV and TSV only (an error with another format).
    #[arg(long)]
    pub excel: bool,
    /// One row per source across all documents (not per document), grouped
    /// by name: case, diacritics, titles, possessives and initials folded.
    #[arg(long, conflicts_with = "per_document")]
    pub across: bool,
    /// With --across: one row per source per value of these input JSONL
    /// fields, comma-separated; FIELD:month / FIELD:year take the YYYY-MM /
    /// YYYY of an ISO date (e.g. --by outlet,date:month).
    #[arg(long, value_name = "FIELD[,FIELD]", requires = "across")]
    pub by: Option<String>,
    /// With --across (or --merge): one row per group (per --by value)
    /// instead: documents, records, sources, shares by type and by gender,
    /// top-5 sources.
    #[arg(long)]
    pub summary: bool,
    /// Merge across tables (written by --across --format jsonl, e.g. one per
    /// shard) given as INPUT into the table of a single run (with
    /// --summary: its summary). A JSONL table ends with one line per group,
    /// {BY…, group_documents, group_records}, for the summary.
    #[arg(long, conflicts_with_all = ["across", "per_document"])]
    pub merge: bool,
    /// Worker threads; 0 chooses (all cores) [default: 0].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Only documents whose id hashes to shard K of N (FNV-1a 64, mod N), as
    /// in `extract`.
    #[arg(long, value_name = "K/N", value_parser = super::extract::parse_shard)]
    pub shard: Option<(u64, u64)>,
    /// No summary on stderr (warnings are still shown).
    #[arg(short, long)]
    pub quiet: bool,
}

/// A document's id and its records, or why it could not be read.
type Analysed = (String, Result<Vec<Record>, String>);

const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 32 << 20;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.summary && !args.across && !args.merge {
        anyhow::bail!("--summary goes with --across (for one row per document: --per-document)");
    }
    let threads = match args.threads {
        None | Some(0) => return dispatch(args),
        Some(n) if n > super::extract::MAX_THREADS => {
            anyhow::bail!("--threads: at most {}", super::extract::MAX_THREADS)
        }
        Some(n) => n,
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    pool.install(|| dispatch(args))
}

fn dispatch(args: Args) -> anyhow::Result<ExitCode> {
    if args.merge {
        return super::across::merge(&args);
    }
    if args.across {
        return super::across::run(&args);
    }
    per_document(args)
}

fn per_document(args: Args) -> anyhow::Result<ExitCode> {
    let format = out::resolve_format(args.format, args.output.as_deref())?;
    out::check_excel(args.excel, format)?;
    let mut opts = args.input.options(Vec::new());
    let analysis = args.input.analysis();
    let (output, wtr) = Output::open(args.output.as_deref(), &args.input.inputs)?;
    opts.skip_file = output.id();
    let columns = if args.per_document {
        SUMMARY_COLUMNS
    } else {
        SOURCE_COLUMNS
    };
    let mut w = RowWriter::new(format, wtr, columns, args.excel);
    args.input.notice_stdin();
    let mut docs = documents(&args.input.inputs, opts);
    let (mut n_docs, mut n_sources, mut n_errors) = (0u64, 0u64, 0u64);
    let (mut n_quoted, mut n_records) = (0u64, 0u64);
    loop {
        let mut batch: Vec<Item> = Vec::new();
        let mut bytes = 0;
        for item in docs.by_ref() {
            if !super::extract::in_shard(&item, args.shard) {
                continue;
            }
            if let Item::Doc(d, _) = &item {
                bytes += d.text.len();
            }
            batch.push(item);
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let analysed: Vec<Option<Analysed>> = batch
            .into_par_iter()
            .map(|item| match item {
                Item::Doc(doc, _) => Some((doc.id.clone(), analyze_guarded_with(&doc, &analysis))),
                Item::Error { doc, error } => Some((doc, Err(error))),
                Item::Skipped { path, reason } => {
                    out::warn(&format!("{path}: skipped: {reason}"));
                    None
                }
            })
            .collect();
        for (doc, result) in analysed.into_iter().flatten() {
            n_docs += 1;
            if let Ok(recs) = &result {
                n_quoted += u64::from(!recs.is_empty());
                n_records += recs.len() as u64;
            }
            match result {
                Ok(recs) if args.per_document => {
                    let s = sources::summarize(&doc, &recs);
                    n_sources += s.sources as u64;
                    w.summary(&s)?;
                }
                Ok(recs) => {
                    let rows = sources::sources(&recs);
                    n_sources += rows.len() as u64;
                    w.sources(&doc, &rows)?;
                }
                Err(error) => {
                    n_errors += 1;
                    out::warn(&format!("{doc}: {error}"));
                    w.error(&doc, &error)?;
                }
            }
        }
    }
    w.finish()?;
    drop(w);
    output.commit()?;
    if !args.quiet {
        out::warn(&format!(
            "{}; {}",
            super::notice::summary(n_docs, n_quoted, n_records, n_errors),
            super::notice::count(n_sources, "source")
        ));
    }
    Ok(if n_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes source rows or document summaries in one of the formats.
enum RowWriter<'w> {
    Delimited {
        wtr: Box<csv::Writer<Box<dyn Write + 'w>>>,
        columns: &'static [&'static str],
        header: bool,
        tsv: bool,
        excel: bool,
    },
    Jsonl(Box<dyn Write + 'w>),
    Json {
        wtr: Box<dyn Write + 'w>,
        first: bool,
    },
    Table {
        wtr: Box<dyn Write + 'w>,
        header: bool,
    },
}

/// The I/O error inside a CSV error, so that a closed pipe is still seen
/// as one (and ends the run quietly).
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn error_json(doc: &str, error: &str) -> serde_json::Value {
    serde_json::json!({ "doc": doc, "error": error })
}

impl<'w> RowWriter<'w> {
    fn new(format: Format, mut wtr: Box<dyn Write + 'w>, columns: &'static [&'static str], excel: bool) -> Self {
        match format {
            Format::Csv | Format::Tsv => {
                if excel {
                    // Excel reads a CSV as UTF-8 only with a BOM.
                    let _ = wtr.write_all("\u{feff}".as_bytes());
                }
                RowWriter::Delimited {
                    wtr: Box::new(
                        csv::WriterBuilder::new()
                            .delimiter(if format == Format::Csv { b',' } else { b'\t' })
                            .from_writer(wtr),
                    ),
                    columns,
                    header: false,
                    tsv: format == Format::Tsv,
                    excel,
                }
            }
            Format::Jsonl => RowWriter::Jsonl(wtr),
            Format::Json => RowWriter::Json { wtr, first: true },
            Format::Table => RowWriter::Table { wtr, header: false },
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if let RowWriter::Delimited {
            wtr, columns, header, ..
        } = self
        {
            if !*header {
                *header = true;
                wtr.write_record(*columns).map_err(csv_io)?;
            }
        }
        Ok(())
    }

    /// A row in CSV/TSV/JSON/JSONL (the table is laid out by the callers).
    fn row<T: Serialize>(&mut self, cells: Vec<String>, value: &T) -> io::Result<()> {
        self.header()?;
        match self {
            RowWriter::Delimited { wtr, tsv, excel, .. } => {
                let cells = cells.iter().map(|c| whosaid::output::cell(c, *tsv, *excel));
                wtr.write_record(cells).map_err(csv_io)?
            }
            RowWriter::Jsonl(wtr) => {
                serde_json::to_writer(&mut *wtr, value)?;
                wtr.write_all(b"\n")?;
            }
            RowWriter::Json { wtr, first } => {
                wtr.write_all(if *first { b"[\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *wtr, value)?;
            }
            RowWriter::Table { .. } => {}
        }
        Ok(())
    }

    fn sources(&mut self, doc: &str, rows: &[SourceRow]) -> io::Result<()> {
        if let RowWriter::Table { wtr, .. } = self {
            writeln!(wtr, "\n{}", printable(doc))?;
            if rows.is_empty() {
                return writeln!(wtr, "  (no attributed quotation)");
            }
            writeln!(
                wtr,
                "{:<5} {:<30} {:<12} {:>6} {:>3} {:>3} {:>3} {:>6} {:>4}  descriptor",
                "id", "speaker", "type", "quotes", "dir", "mix", "ind", "words", "¶"
            )?;
            for r in rows {
                let line = format!(
                    "{:<5} {} {:<12} {:>6} {:>3} {:>3} {:>3} {:>6} {:>4}  {}",
                    r.speaker_id,
                    printable(&clip(r.speaker.as_deref().unwrap_or("—"), 30)),
                    r.speaker_type.unwrap_or("—"),
                    r.quotes,
                    r.direct,
                    r.mixed,
                    r.indirect,
                    r.words_quoted,
                    r.first_paragraph,
                    printable(r.speaker_descriptor.as_deref().unwrap_or("")),
                );
                writeln!(wtr, "{}", line.trim_end())?;
            }
            return Ok(());
        }
        for r in rows {
            self.row(r.row(), r)?;
        }
        Ok(())
    }

    fn summary(&mut self, s: &DocSummary) -> io::Result<()> {
        if let RowWriter::Table { wtr, header } = self {
            if !*header {
                *header = true;
                writeln!(
                    wtr,
                    "{:<36} {:>7} {:>7} {:>6} {:>7} {:>6} {:>6} {:>6} {:>7} {:>6}",
                    "doc", "records", "sources", "named", "unnamed", "org", "group", "top", "unattr", "words"
                )?;
            }
            let pct = |x: Option<f64>| x.map_or("—".to_string(), |x| format!("{:.0}%", x * 100.0));
            return writeln!(
                wtr,
                "{} {:>7} {:>7} {:>6} {:>7} {:>6} {:>6} {:>6} {:>7} {:>6}",
                printable(&clip(&s.doc, 36)),
                s.records,
                s.sources,
                pct(s.named),
                pct(s.unnamed),
                pct(s.organization),
                pct(s.group),
                pct(s.top_source_share),
                s.unattributed,
                s.words_quoted
            );
        }
        self.row(s.row(), s)
    }

    fn error(&mut self, doc: &str, error: &str) -> io::Result<()> {
        match self {
            RowWriter::Delimited { .. } => self.header(),
            RowWriter::Jsonl(wtr) => {
                serde_json::to_writer(&mut *wtr, &error_json(doc, error))?;
                wtr.write_all(b"\n")
            }
            RowWriter::Json { wtr, first } => {
                wtr.write_all(if *first { b"[\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *wtr, &error_json(doc, error)).map_err(io::Error::from)
            }
            RowWriter::Table { wtr, .. } => writeln!(wtr, "\n{}: error: {}", printable(doc), printable(error)),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        match self {
            RowWriter::Delimited { wtr, .. } => wtr.flush(),
            RowWriter::Jsonl(wtr) | RowWriter::Table { wtr, .. } => wtr.flush(),
            RowWriter::Json { wtr, first } => {
                wtr.write_all(if *first { b"[]\n" } else { b"\n]\n" })?;
                wtr.flush()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(format: Format, per_document: bool, f: impl FnOnce(&mut RowWriter)) -> String {
        let mut buf = Vec::new();
        {
            let columns = if per_document { SUMMARY_COLUMNS } else { SOURCE_COLUMNS };
            let mut w = RowWriter::new(format, Box::new(&mut buf), columns, false);
            f(&mut w);
            w.finish().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    fn row() -> SourceRow {
        SourceRow {
            doc: "a.txt".into(),
            speaker_id: "S1".into(),
            speaker: Some("Ann Lee, \"AL\"".into()),
            speaker_type: Some("person"),
            speaker_descriptor: None,
            speaker_gender: Some("female"),
            quotes: 2,
            direct: 1,
            mixed: 0,
            indirect: 1,
            words_quoted: 9,
            first_paragraph: 3,
        }
    }

    #[test]
    fn csv_has_the_header_even_without_rows() {
        let out = written(Format::Csv, false, |_| {});
        assert_eq!(out, format!("{}\n", SOURCE_COLUMNS.join(",")));
        let out = written(Format::Tsv, true, |_| {});
        assert_eq!(out, format!("{}\n", SUMMARY_COLUMNS.join("\t")));
    }

    #[test]
    fn csv_rows_are_quoted() {
        let out = written(Format::Csv, false, |w| w.sources("a.txt", &[row()]).unwrap());
        let line = out.lines().nth(1).unwrap();
        assert_eq!(line, "a.txt,S1,\"Ann Lee, \"\"AL\"\"\",person,,female,2,1,0,1,9,3");
    }

    #[test]
    fn errors_are_records_in_json_only() {
        let out = written(Format::Jsonl, false, |w| {
            w.sources("a.txt", &[row()]).unwrap();
            w.error("b.txt", "cannot read").unwrap();
        });
        let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0]["speaker_id"], "S1");
        assert_eq!(lines[1], serde_json::json!({"doc": "b.txt", "error": "cannot read"}));
        let out = written(Format::Json, false, |w| w.error("b.txt", "x").unwrap());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["error"], "x");
        let out = written(Format::Csv, false, |w| w.error("b.txt", "x").unwrap());
        assert_eq!(out.lines().count(), 1);
        assert_eq!(written(Format::Json, true, |_| {}), "[]\n");
    }

    #[test]
    fn summary_in_json_has_nulls_for_no_sources() {
        let s = sources::summarize("empty.txt", &[]);
        let out = written(Format::Jsonl, true, |w| w.summary(&s).unwrap());
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["records"], 0);
        assert!(v["named"].is_null());
        let table = written(Format::Table, true, |w| w.summary(&s).unwrap());
        assert!(table.starts_with("doc "));
        assert!(table.contains("empty.txt"));
    }
}
