//! `whosaid extract`: records for every quotation and claim of the inputs.
//!
//! Documents are read as a stream, analysed in parallel batches (rayon) and
//! written in input order, so the output is identical whatever `--threads`,
//! and memory holds one batch of documents, not the corpus.

use super::out::{self, Output};
use anyhow::bail;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use whosaid::input::{documents, InputOptions, Item};
use whosaid::output::{sink, Format, SinkOptions};
use whosaid::{analyze_guarded, Record};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, folders (walked recursively) or `-` for stdin (the default).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Write to FILE instead of stdout (atomically, at the end).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Inputs are JSONL, one {"id", "text"} record per line.
    #[arg(long)]
    pub jsonl: bool,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSONL field holding the document text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// Copy these JSONL fields into every record (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub keep_fields: Vec<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
    #[arg(long)]
    pub lossy: bool,
    /// Add a `context` field: the sentences that hold the quotation.
    #[arg(long)]
    pub context: bool,
    /// Drop records whose confidence is below X (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f64,
    /// CSV for Excel: UTF-8 BOM, cells starting with = + - @ guarded by '.
    #[arg(long)]
    pub excel: bool,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Only documents whose id hashes to shard K of N (FNV-1a 64, mod N).
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,
    /// No progress or summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 0/4")?;
    let k: u64 = k.trim().parse().map_err(|_| "K is not a number")?;
    let n: u64 = n.trim().parse().map_err(|_| "N is not a number")?;
    if n == 0 || k >= n {
        return Err("need 0 <= K < N".into());
    }
    Ok((k, n))
}

/// The stable hash that `--shard` uses: 64-bit FNV-1a of the id's UTF-8.
pub fn shard_hash(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Documents per batch, and bytes of text per batch: the memory bound.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 32 << 20;

enum Analysed {
    Records(Vec<Record>),
    Error { doc: String, error: String },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!("--min-confidence must be between 0 and 1");
    }
    let format = args
        .format
        .unwrap_or(if out::stdout_is_terminal() && args.output.is_none() {
            Format::Table
        } else {
            Format::Jsonl
        });
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let mut extra_columns = args.keep_fields.clone();
    if args.context {
        extra_columns.push("context".into());
    }
    let opts = InputOptions {
        jsonl: args.jsonl,
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        keep_fields: args.keep_fields.clone(),
        lossy: args.lossy,
    };
    let (output, wtr) = Output::open(args.output.as_deref())?;
    let mut sink = sink(
        format,
        wtr,
        SinkOptions {
            extra_columns,
            excel: args.excel,
        },
    );
    let mut docs = documents(&args.inputs, opts);
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut last_report = Instant::now();
    let (mut n_docs, mut n_quoted, mut n_records, mut n_errors) = (0u64, 0u64, 0u64, 0u64);
    loop {
        let mut batch: Vec<Item> = Vec::new();
        let mut bytes = 0;
        for item in docs.by_ref() {
            // A document that cannot be read belongs to one shard too, so
            // that the shards together hold each error record once.
            let id = match &item {
                Item::Doc(d, _) => Some(&d.id),
                Item::Error { doc, .. } => Some(doc),
                Item::Skipped { .. } => None,
            };
            if let (Some(id), Some((k, n))) = (id, args.shard) {
                if shard_hash(id) % n != k {
                    continue;
                }
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
        let analysed: Vec<Option<Analysed>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| match item {
                    Item::Doc(doc, kept) => Some(match records_of(&doc, &kept, &args) {
                        Ok(recs) => Analysed::Records(recs),
                        Err(error) => Analysed::Error { doc: doc.id, error },
                    }),
                    Item::Error { doc, error } => Some(Analysed::Error { doc, error }),
                    Item::Skipped { path, reason } => {
                        if !args.quiet {
                            eprintln!("whosaid: {path}: skipped: {reason}");
                        }
                        None
                    }
                })
                .collect()
        });
        for a in analysed.into_iter().flatten() {
            match a {
                Analysed::Records(recs) => {
                    n_docs += 1;
                    n_quoted += u64::from(!recs.is_empty());
                    n_records += recs.len() as u64;
                    sink.records(&recs)?;
                }
                Analysed::Error { doc, error } => {
                    n_docs += 1;
                    n_errors += 1;
                    eprintln!("whosaid: {doc}: {error}");
                    sink.error(&doc, &error)?;
                }
            }
        }
        if progress && last_report.elapsed().as_millis() > 250 {
            last_report = Instant::now();
            let mb = docs.bytes_read as f64 / 1e6;
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\r\x1b[2Kwhosaid: {n_docs} documents, {mb:.1} MB, {:.1} MB/s",
                mb / secs
            );
        }
    }
    sink.finish()?;
    drop(sink);
    output.commit()?;
    if progress {
        eprint!("\r\x1b[2K");
    }
    if !args.quiet {
        eprintln!(
            "whosaid: {n_docs} documents read, {n_quoted} with quotations, {n_records} records, {n_errors} errors"
        );
    }
    Ok(if n_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn records_of(doc: &whosaid::Document, kept: &Map<String, Value>, args: &Args) -> Result<Vec<Record>, String> {
    let mut recs = analyze_guarded(doc)?;
    recs.retain(|r| r.confidence >= args.min_confidence);
    if !kept.is_empty() || args.context {
        let segs = args.context.then(|| whosaid::segment::segment(&doc.text));
        for r in &mut recs {
            for (k, v) in kept {
                r.extra.insert(k.clone(), v.clone());
            }
            if let Some(segs) = &segs {
                let a = segs.sentences[segs.sentence_of(r.byte_start)].start;
                let b = segs.sentences[segs.sentence_of(r.byte_end.saturating_sub(1).max(r.byte_start))].end;
                r.extra
                    .insert("context".into(), Value::String(doc.text[a..b.max(a)].to_string()));
            }
        }
    }
    Ok(recs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_hash_is_stable_fnv1a() {
        assert_eq!(shard_hash(""), 0xcbf29ce484222325);
        assert_eq!(shard_hash("a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn shard_spec_is_checked() {
        assert_eq!(parse_shard("1/4"), Ok((1, 4)));
        assert!(parse_shard("4/4").is_err());
        assert!(parse_shard("x").is_err());
    }
}
