//! `whosaid sources --across` (one row per source over the corpus),
//! `--summary` (one row per group) and `--merge` (the tables of shards into
//! one), see `whosaid::across`.
//!
//! Documents stream through in batches analysed in parallel, as in
//! `sources`; only the aggregate (one entry per distinct source per group)
//! is kept, so memory follows the number of sources, not of documents.

use super::input_args::InputArgs;
use super::out::{self, Output};
use super::sources::Args;
use anyhow::{bail, Context};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use whosaid::across::{self, Across, Line, Row, Summary};
use whosaid::input::{documents, InputOptions, Item};
use whosaid::output::{clip, Format};
use whosaid::printable::printable;
use whosaid::{analyze_guarded_with, Record};

const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 32 << 20;

/// `--by SPEC` (none: no groups).
pub(super) fn parse_by_arg(spec: Option<&str>) -> anyhow::Result<Vec<across::By>> {
    match spec {
        Some(spec) => across::parse_by(spec).map_err(|e| anyhow::anyhow!("--by {spec}: {e}")),
        None => Ok(Vec::new()),
    }
}

/// Reads, analyses and aggregates the corpus; writes the table or summary.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let format = out::resolve_format(args.format, args.output.as_deref())?;
    out::check_excel(args.excel, format)?;
    let mut agg = Across::new(parse_by_arg(args.by.as_deref())?);
    let mut opts = args.input.options(agg.fields());
    let (output, wtr) = Output::open(args.output.as_deref(), &args.input.inputs)?;
    opts.skip_file = output.id();
    args.input.notice_stdin();
    let tally = stream(&args.input, opts, args.shard, |at, doc, fields, recs| {
        agg.add_document(at, doc, fields, recs)
    });
    let columns = by_columns(&agg);
    write(args, format, wtr, &agg, &columns)?;
    output.commit()?;
    if !args.quiet {
        out::warn(&format!("{}; {}", tally.summary(), state_note(&agg)));
    }
    Ok(if tally.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// What a run read: documents, those with quotations, records, errors.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    pub documents: u64,
    pub quoted: u64,
    pub records: u64,
    pub errors: u64,
}

impl Tally {
    /// The line on stderr at the end of a run.
    pub fn summary(&self) -> String {
        super::notice::summary(self.documents, self.quoted, self.records, self.errors)
    }
}

/// Reads and analyses the inputs (those of `shard`) in parallel batches and
/// hands each document to `add` in input order: its index in the input
/// (every document read counts, in every shard), id, input fields and
/// records. Documents that fail are warned about and counted.
pub(super) fn stream(
    input: &InputArgs,
    opts: InputOptions,
    shard: Option<(u64, u64)>,
    mut add: impl FnMut(u64, &str, &serde_json::Map<String, serde_json::Value>, &[Record]),
) -> Tally {
    let analysis = input.analysis();
    let mut docs = documents(&input.inputs, opts);
    let mut tally = Tally::default();
    let mut index = 0u64;
    type Analysed = (
        u64,
        String,
        serde_json::Map<String, serde_json::Value>,
        Result<Vec<Record>, String>,
    );
    loop {
        let mut batch: Vec<(u64, Item)> = Vec::new();
        let mut bytes = 0;
        for item in docs.by_ref() {
            let at = index;
            if !matches!(item, Item::Skipped { .. }) {
                index += 1;
            }
            if !super::extract::in_shard(&item, shard) {
                continue;
            }
            if let Item::Doc(d, _) = &item {
                bytes += d.text.len();
            }
            batch.push((at, item));
            if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let analysed: Vec<Option<Analysed>> = batch
            .into_par_iter()
            .map(|(at, item)| match item {
                Item::Doc(doc, fields) => {
                    let recs = analyze_guarded_with(&doc, &analysis);
                    Some((at, doc.id, fields, recs))
                }
                Item::Error { doc, error } => Some((at, doc, Default::default(), Err(error))),
                Item::Skipped { path, reason } => {
                    out::warn(&format!("{path}: skipped: {reason}"));
                    None
                }
            })
            .collect();
        for (at, doc, fields, result) in analysed.into_iter().flatten() {
            tally.documents += 1;
            match result {
                Ok(recs) => {
                    tally.quoted += u64::from(!recs.is_empty());
                    tally.records += recs.len() as u64;
                    add(at, &doc, &fields, &recs);
                }
                Err(error) => {
                    tally.errors += 1;
                    out::warn(&format!("{doc}: {error}"));
                }
            }
        }
    }
    tally
}

/// "N sources (in K groups)": the size of the aggregate.
fn state_note(agg: &Across) -> String {
    let groups = agg.summary().len() as u64;
    let mut s = super::notice::count(agg.len() as u64, "source");
    if !agg.by.is_empty() {
        s += &format!(" in {}", super::notice::count(groups, "group"));
    }
    s
}

fn by_columns(agg: &Across) -> Vec<String> {
    agg.by.iter().map(|b| b.column.clone()).collect()
}

/// `sources --merge`: the across tables (JSONL) of shards into one.
pub fn merge(args: &Args) -> anyhow::Result<ExitCode> {
    if args.by.is_some() {
        bail!("--merge takes the --by columns from the tables; give no --by");
    }
    let format = out::resolve_format(args.format, args.output.as_deref())?;
    out::check_excel(args.excel, format)?;
    let inputs: Vec<String> = if args.input.inputs.is_empty() {
        vec!["-".into()]
    } else {
        args.input.inputs.clone()
    };
    let (output, wtr) = Output::open(args.output.as_deref(), &inputs)?;
    args.input.notice_stdin();
    let mut agg = Across::new(Vec::new());
    let mut columns: Option<Vec<String>> = None;
    let (mut n_rows, mut n_errors, mut n_totals) = (0u64, 0u64, 0u64);
    for input in &inputs {
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            Box::new(io::BufReader::new(
                std::fs::File::open(input).with_context(|| format!("cannot read {input}"))?,
            ))
        };
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {input}"))?;
            if line.trim().is_empty() {
                continue;
            }
            match across::parse_row(&line).map_err(|e| anyhow::anyhow!("{input}:{}: {e}", i + 1))? {
                Line::Error(doc, error) => {
                    n_errors += 1;
                    out::warn(&format!("{input}:{}: {doc}: {error}", i + 1));
                }
                Line::Row(row) => {
                    same_columns(&mut columns, &row.by, input, i + 1)?;
                    n_rows += 1;
                    agg.merge_row(*row);
                }
                Line::Totals(t) => {
                    same_columns(&mut columns, &t.by, input, i + 1)?;
                    n_totals += 1;
                    agg.merge_totals(&t);
                }
            }
        }
    }
    if args.summary && n_totals == 0 && n_rows > 0 {
        bail!(
            "--merge --summary: the tables have no group totals (lines with group_documents, \
             written at the end of a --format jsonl table since this version); write them again"
        );
    }
    let columns = columns.unwrap_or_default();
    agg.by = columns
        .iter()
        .map(|c| {
            across::parse_by(c)
                .map(|mut v| v.remove(0))
                .unwrap_or_else(|_| raw_by(c))
        })
        .collect();
    write(args, format, wtr, &agg, &columns)?;
    output.commit()?;
    if !args.quiet {
        out::warn(&format!(
            "{} read from {}; {}",
            super::notice::count(n_rows, "row"),
            super::notice::count(inputs.len() as u64, "table"),
            state_note(&agg)
        ));
    }
    Ok(if n_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The `--by` columns of a line must be those of the lines before it.
fn same_columns(
    columns: &mut Option<Vec<String>>,
    by: &[(String, Option<String>)],
    input: &str,
    line: usize,
) -> anyhow::Result<()> {
    let cols: Vec<String> = by.iter().map(|(k, _)| k.clone()).collect();
    match columns {
        None => *columns = Some(cols),
        Some(c) if *c != cols => bail!(
            "{input}:{line}: the table is split by [{}], an earlier one by [{}]",
            cols.join(", "),
            c.join(", ")
        ),
        Some(_) => {}
    }
    Ok(())
}

fn raw_by(c: &str) -> across::By {
    across::By {
        column: c.to_string(),
        field: c.to_string(),
        cut: across::Cut::Whole,
    }
}

fn write(args: &Args, format: Format, mut wtr: Box<dyn Write>, agg: &Across, by: &[String]) -> anyhow::Result<()> {
    if args.summary {
        let rows = agg.summary();
        let mut header: Vec<String> = by.to_vec();
        header.extend(across::SUMMARY_COLUMNS.iter().map(|c| c.to_string()));
        match format {
            Format::Table => summary_table(&mut wtr, by, &rows)?,
            _ => rows_out(
                format,
                &mut wtr,
                &header,
                args.excel,
                rows.iter().map(|r| (r.cells(), r)),
            )?,
        }
    } else {
        let rows = agg.rows();
        let mut header: Vec<String> = by.to_vec();
        header.extend(across::COLUMNS.iter().map(|c| c.to_string()));
        match format {
            Format::Table => sources_table(&mut wtr, by, &rows)?,
            _ => rows_out(
                format,
                &mut wtr,
                &header,
                args.excel,
                rows.iter().map(|r| (r.cells(), r)),
            )?,
        }
        // What --merge --summary needs besides the rows (JSONL: what --merge reads).
        if format == Format::Jsonl {
            for t in agg.totals() {
                serde_json::to_writer(&mut *wtr, &t)?;
                wtr.write_all(b"\n")?;
            }
        }
    }
    wtr.flush()?;
    Ok(())
}

fn rows_out<'r, T: Serialize + 'r>(
    format: Format,
    wtr: &mut Box<dyn Write>,
    header: &[String],
    excel: bool,
    rows: impl Iterator<Item = (Vec<String>, &'r T)>,
) -> anyhow::Result<()> {
    match format {
        Format::Csv | Format::Tsv => {
            let tsv = format == Format::Tsv;
            if excel {
                wtr.write_all("\u{feff}".as_bytes())?;
            }
            let mut w = csv::WriterBuilder::new()
                .delimiter(if tsv { b'\t' } else { b',' })
                .from_writer(wtr);
            w.write_record(header)?;
            for (cells, _) in rows {
                w.write_record(cells.iter().map(|c| whosaid::output::cell(c, tsv, excel)))?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for (_, r) in rows {
                serde_json::to_writer(&mut *wtr, r)?;
                wtr.write_all(b"\n")?;
            }
        }
        Format::Json => {
            let mut first = true;
            for (_, r) in rows {
                wtr.write_all(if first { b"[\n" } else { b",\n" })?;
                first = false;
                serde_json::to_writer(&mut *wtr, r)?;
            }
            wtr.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
        }
        Format::Table => unreachable!("tables are laid out by their callers"),
    }
    Ok(())
}

fn by_cells(row_by: &[(String, Option<String>)]) -> String {
    row_by
        .iter()
        .map(|(_, v)| format!("{:<10} ", printable(&clip(v.as_deref().unwrap_or("—"), 10))))
        .collect()
}

fn by_header(by: &[String]) -> String {
    by.iter().map(|c| format!("{:<10} ", clip(c, 10))).collect()
}

fn sources_table(wtr: &mut Box<dyn Write>, by: &[String], rows: &[Row]) -> io::Result<()> {
    writeln!(
        wtr,
        "{}{:<26} {:<12} {:<6} {:>4} {:>6} {:>3} {:>3} {:>3} {:>6}  {:<10} {:<10} descriptor",
        by_header(by),
        "name",
        "type",
        "gender",
        "docs",
        "quotes",
        "dir",
        "mix",
        "ind",
        "words",
        "first",
        "last"
    )?;
    for r in rows {
        let e = &r.entry;
        let top = across::descriptors_ranked(e)
            .first()
            .map(|(d, n)| format!("{} ({n})", printable(clip(d, 30).trim_end())))
            .unwrap_or_default();
        let line = format!(
            "{}{} {:<12} {:<6} {:>4} {:>6} {:>3} {:>3} {:>3} {:>6}  {} {} {}",
            by_cells(&r.by),
            printable(&clip(&e.name, 26)),
            if r.stype.is_empty() { "—" } else { &r.stype },
            e.gender().unwrap_or("—"),
            e.documents,
            e.quotes,
            e.direct,
            e.mixed,
            e.indirect,
            e.words_quoted,
            printable(&clip(r.first_seen().as_deref().unwrap_or("—"), 10)),
            printable(&clip(r.last_seen().as_deref().unwrap_or("—"), 10)),
            top
        );
        writeln!(wtr, "{}", line.trim_end())?;
    }
    Ok(())
}

fn summary_table(wtr: &mut Box<dyn Write>, by: &[String], rows: &[Summary]) -> io::Result<()> {
    let pct = |x: Option<f64>| x.map_or("—".to_string(), |x| format!("{:.0}%", x * 100.0));
    writeln!(
        wtr,
        "{}{:>5} {:>7} {:>7} {:>5} {:>7} {:>5} {:>5} {:>7} {:>6} {:>5} {:>7} {:>7}  top sources",
        by_header(by),
        "docs",
        "records",
        "sources",
        "named",
        "unnamed",
        "org",
        "group",
        "persons",
        "female",
        "male",
        "f-quote",
        "m-quote"
    )?;
    for s in rows {
        let top = s
            .top_sources
            .iter()
            .take(3)
            .map(|(n, q)| format!("{} ({q})", printable(n)))
            .collect::<Vec<_>>()
            .join(", ");
        let line = format!(
            "{}{:>5} {:>7} {:>7} {:>5} {:>7} {:>5} {:>5} {:>7} {:>6} {:>5} {:>7} {:>7}  {}",
            by_cells(&s.by),
            s.documents,
            s.records,
            s.sources,
            pct(s.named),
            pct(s.unnamed),
            pct(s.organization),
            pct(s.group),
            s.persons,
            pct(s.female),
            pct(s.male),
            pct(s.female_quotes),
            pct(s.male_quotes),
            top
        );
        writeln!(wtr, "{}", line.trim_end())?;
    }
    Ok(())
}
