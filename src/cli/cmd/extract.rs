//! `whosaid extract`: records for every quotation and claim of the inputs.
//!
//! Documents are read as a stream, analysed in parallel and written in input
//! order, so the output is identical whatever `--threads`; memory holds the
//! few chunks of documents in flight, not the corpus (see `pipeline`).

use super::out::{self, Output};
use anyhow::bail;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use whosaid::input::{documents, Documents, Item};
use whosaid::output::{sink, Encoder, Format, Sink, SinkOptions};
use whosaid::{prepare_guarded_with, Record};

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
    /// Copy these JSONL (or web page) fields into every record, in this
    /// order (comma-separated). A field no document has is warned about.
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub keep_fields: Vec<String>,
    /// Add a `context` field: the sentences that hold the quotation.
    #[arg(long)]
    pub context: bool,
    /// Drop records whose confidence is below X (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f64,
    /// Only records of these kinds (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "KINDS", value_parser = ["direct", "mixed", "indirect"])]
    pub kind: Vec<String>,
    /// Only records whose speaker is of these types (comma-separated).
    #[arg(long = "type", value_delimiter = ',', value_name = "TYPES",
          value_parser = ["person", "organization", "unnamed", "group"])]
    pub speaker_type: Vec<String>,
    /// Only records whose speaker has these words, in order (case, accents
    /// and titles ignored: "dr. jose ruiz" finds "José Ruiz", "ross" finds
    /// "Dennis Ross").
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// `--speaker`, folded once (see `filter::fold`).
    #[arg(skip)]
    pub speaker_words: Vec<String>,
    /// Table: whole quotes, however wide (default: fit $COLUMNS or the terminal).
    #[arg(long)]
    pub wide: bool,
    /// CSV for Excel: UTF-8 BOM, cells starting with = + - @ guarded by '.
    /// CSV and TSV only (an error with another format).
    #[arg(long)]
    pub excel: bool,
    /// Worker threads; 0 chooses (all cores) [default: 0].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Only documents whose id hashes to shard K of N (FNV-1a 64, mod N).
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,
    /// No progress or summary on stderr (warnings are still shown).
    #[arg(short, long)]
    pub quiet: bool,
}

impl Args {
    /// The record filters: `--kind`, `--type`, `--speaker`.
    fn filter(&self) -> super::filter::Filter<'_> {
        super::filter::Filter {
            kinds: &self.kind,
            types: &self.speaker_type,
            speaker: self.speaker.as_ref().map(|_| self.speaker_words.as_slice()),
        }
    }
}

pub fn parse_shard(s: &str) -> Result<(u64, u64), String> {
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

/// More threads than this only add memory (each holds chunks in flight), and
/// a hundred thousand cannot be started at all.
pub const MAX_THREADS: usize = 256;

/// Names a kept field may not take: the record's own fields (a second `doc`
/// or `error` key would be read instead of ours by most JSON readers).
fn check_keep_fields(fields: &[String]) -> anyhow::Result<()> {
    const RESERVED: &[&str] = &["parts", "context", "error"];
    for (i, f) in fields.iter().enumerate() {
        if whosaid::record::COLUMNS.contains(&f.as_str()) || RESERVED.contains(&f.as_str()) {
            bail!("--keep-fields: {f:?} is a record field; rename it in the input (e.g. jq '.input_{f} = .{f}')");
        }
        if fields[..i].contains(f) {
            bail!("--keep-fields: {f:?} is named twice");
        }
    }
    Ok(())
}

/// Documents, and bytes of text, per chunk: the unit of work of a worker.
const CHUNK_DOCS: usize = 32;
const CHUNK_BYTES: usize = 1 << 20;
/// Chunks in flight (being read, analysed or waiting for their turn to be
/// written) per worker thread: the memory bound.
const CHUNKS_PER_WORKER: usize = 4;

/// What becomes of one input item, in input order.
enum Analysed {
    /// The records, and which kept fields the document had (`None`: a
    /// plain-text document, which has no fields).
    Records(Vec<Record>, Option<Vec<bool>>),
    /// The same, already serialised by the sink's encoder (in a worker):
    /// the bytes, how many records they hold, and the kept fields.
    Encoded(Vec<u8>, usize, Option<Vec<bool>>),
    Error {
        doc: String,
        error: String,
    },
    Skipped {
        path: String,
        reason: String,
    },
    /// A worker panicked (a bug): re-raised by the writer.
    Panic(Box<dyn std::any::Any + Send>),
}

/// A run of consecutive input items, numbered so that the writer can put the
/// workers' results back in input order.
struct Chunk<T> {
    seq: u64,
    items: Vec<T>,
    /// Input bytes read when the chunk was closed, for progress reports.
    bytes_read: u64,
}

pub fn run(mut args: Args) -> anyhow::Result<ExitCode> {
    if let Some(name) = &args.speaker {
        args.speaker_words = super::filter::fold(name);
        if args.speaker_words.is_empty() {
            bail!("--speaker {name:?}: no name in it (titles alone are ignored)");
        }
    }
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!("--min-confidence must be between 0 and 1");
    }
    let format = out::resolve_format(args.format, args.output.as_deref())?;
    out::check_excel(args.excel, format)?;
    // 0, as ripgrep's -j 0: choose (every core).
    let threads = match args.threads {
        None | Some(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    if threads > MAX_THREADS {
        bail!("--threads: at most {MAX_THREADS}");
    }
    check_keep_fields(&args.keep_fields)?;
    let mut extra_columns = args.keep_fields.clone();
    if args.context {
        extra_columns.push("context".into());
    }
    let mut opts = args.input.options(args.keep_fields.clone());
    let (output, wtr) = Output::open(args.output.as_deref(), &args.input.inputs)?;
    opts.skip_file = output.id();
    let sink = sink(
        format,
        wtr,
        SinkOptions {
            extra_columns,
            excel: args.excel,
            table_width: (!args.wide).then(out::table_width),
        },
    );
    args.input.notice_stdin();
    let progress = (!args.quiet && std::io::stderr().is_terminal())
        .then(|| Progress::new(total_size(&args.input.inputs, args.input.jsonl)));
    let mut writer = Writer {
        sink,
        progress,
        totals: Totals::default(),
        fielded: false,
        seen: vec![false; args.keep_fields.len()],
    };
    let docs = documents(&args.input.inputs, opts);
    let args = Arc::new(args);
    if threads == 1 {
        sequential(docs, &args, &mut writer)?;
    } else {
        let encoder = writer.sink.encoder();
        pipeline(docs, &args, threads, encoder, &mut writer)?;
    }
    let Writer {
        mut sink,
        mut progress,
        totals: t,
        fielded,
        seen,
        ..
    } = writer;
    sink.finish()?;
    drop(sink);
    output.commit()?;
    if let Some(p) = &mut progress {
        p.clear();
    }
    // Options that did not apply are said once, whatever --quiet.
    if !args.keep_fields.is_empty() && t.docs > t.errors {
        if !fielded {
            out::warn(
                "--keep-fields: plain-text input has no fields (only --jsonl records and web pages do); nothing kept",
            );
        } else {
            for (f, seen) in args.keep_fields.iter().zip(&seen) {
                if !seen {
                    out::warn(&format!(
                        "--keep-fields: no document has a field {f:?}; its values are null"
                    ));
                }
            }
        }
    }
    if !args.quiet {
        out::warn(&super::notice::summary(t.docs, t.quoted, t.records, t.errors));
    }
    Ok(if t.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether `--shard` keeps this item. A document that cannot be read
/// belongs to one shard too, so that the shards together hold each error
/// record once.
pub fn in_shard(item: &Item, shard: Option<(u64, u64)>) -> bool {
    let id = match item {
        Item::Doc(d, _) => &d.id,
        Item::Error { doc, .. } => doc,
        Item::Skipped { .. } => return true,
    };
    shard.is_none_or(|(k, n)| shard_hash(id) % n == k)
}

/// A worker's result for `item`: its records serialised with `encoder`
/// when the sink has one (a chunk of records at a time), else the records.
fn analyse(item: Item, args: &Args, encoder: Option<Encoder>) -> Analysed {
    match item {
        Item::Doc(doc, kept) => {
            let fields = kept_fields(&kept, args);
            let mut bytes = Vec::new();
            let mut all = Vec::new();
            let done = each_chunk(&doc, &kept, args, &mut |recs| match encoder {
                Some(encode) => encode(&recs, &mut bytes),
                None => {
                    all.extend(recs);
                    Ok(())
                }
            });
            match (done, encoder) {
                (Ok(n), Some(_)) => Analysed::Encoded(bytes, n, fields),
                (Ok(_), None) => Analysed::Records(all, fields),
                (Err(e), _) => Analysed::Error {
                    doc: doc.id,
                    error: e.to_string(),
                },
            }
        }
        Item::Error { doc, error } => Analysed::Error { doc, error },
        Item::Skipped { path, reason } => Analysed::Skipped { path, reason },
    }
}

/// Which kept fields a document has (`None`: a plain-text document, which
/// has no fields).
fn kept_fields(kept: &Map<String, Value>, args: &Args) -> Option<Vec<bool>> {
    (!kept.is_empty()).then(|| {
        args.keep_fields
            .iter()
            .map(|f| kept.get(f).is_some_and(|v| !v.is_null()))
            .collect()
    })
}

/// `--threads 1`: read, analyse and write one document at a time, on this
/// thread (a cluster runs one such process per core).
fn sequential(mut docs: Documents, args: &Args, writer: &mut Writer) -> anyhow::Result<()> {
    while let Some(item) = docs.next() {
        if !in_shard(&item, args.shard) {
            continue;
        }
        match item {
            Item::Doc(doc, kept) => writer.write_document(&doc, &kept, args)?,
            item => writer.write(analyse(item, args, None))?,
        }
        writer.report(docs.bytes_read);
    }
    Ok(())
}

/// Several threads: a reader thread cuts the input into chunks, `threads`
/// workers analyse them, and this thread writes their results in input
/// order. Every stage runs at once (no barrier between batches), and a chunk
/// is read only when fewer than `CHUNKS_PER_WORKER * threads` are in flight,
/// so memory is bounded whatever the corpus size.
/// With an `encoder`, the workers also serialise the records: the writing
/// thread then only writes bytes, and is not the bottleneck.
fn pipeline(
    mut docs: Documents,
    args: &Arc<Args>,
    threads: usize,
    encoder: Option<Encoder>,
    writer: &mut Writer,
) -> anyhow::Result<()> {
    let window = CHUNKS_PER_WORKER * threads;
    let (work_tx, work_rx) = sync_channel::<Chunk<Item>>(window);
    let (done_tx, done_rx) = sync_channel::<Chunk<Analysed>>(window);
    // One credit per chunk in flight: the reader takes one to start a chunk,
    // the writer gives it back once the chunk is written.
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("the receiver is alive");
    }
    let shard = args.shard;
    let reader = std::thread::spawn(move || {
        let mut seq = 0;
        let mut items = Vec::new();
        let mut bytes = 0;
        let mut send = |items: Vec<Item>, bytes_read: u64| {
            let chunk = Chunk { seq, items, bytes_read };
            seq += 1;
            credit_rx.recv().is_ok() && work_tx.send(chunk).is_ok()
        };
        while let Some(item) = docs.next() {
            if !in_shard(&item, shard) {
                continue;
            }
            if let Item::Doc(d, _) = &item {
                bytes += d.text.len();
            }
            items.push(item);
            if items.len() >= CHUNK_DOCS || bytes >= CHUNK_BYTES {
                if !send(std::mem::take(&mut items), docs.bytes_read) {
                    return; // the writer stopped
                }
                bytes = 0;
            }
        }
        if !items.is_empty() {
            send(items, docs.bytes_read);
        }
    });
    let work_rx = Arc::new(Mutex::new(work_rx));
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let (work_rx, done_tx, args) = (Arc::clone(&work_rx), done_tx.clone(), Arc::clone(args));
            std::thread::spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok(chunk)) = next else { return };
                // A panic outside `analyze_guarded` (a bug) reaches the writer,
                // which re-raises it, rather than leaving a hole in the order.
                let items = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    chunk
                        .items
                        .into_iter()
                        .map(|item| analyse(item, &args, encoder))
                        .collect()
                }))
                .unwrap_or_else(|panic| vec![Analysed::Panic(panic)]);
                let done = Chunk {
                    seq: chunk.seq,
                    items,
                    bytes_read: chunk.bytes_read,
                };
                if done_tx.send(done).is_err() {
                    return; // the writer stopped
                }
            })
        })
        .collect();
    drop(done_tx);
    // Results arrive in any order; each waits here for its turn. On an error
    // (a closed pipe), returning drops the channels, which stops the threads.
    let mut waiting: BTreeMap<u64, Chunk<Analysed>> = BTreeMap::new();
    let mut next = 0;
    for chunk in done_rx {
        waiting.insert(chunk.seq, chunk);
        while let Some(chunk) = waiting.remove(&next) {
            for a in chunk.items {
                writer.write(a)?;
            }
            writer.report(chunk.bytes_read);
            next += 1;
            let _ = credit_tx.send(());
        }
    }
    for t in workers.into_iter().chain([reader]) {
        if let Err(panic) = t.join() {
            std::panic::resume_unwind(panic);
        }
    }
    Ok(())
}

#[derive(Default)]
struct Totals {
    docs: u64,
    quoted: u64,
    records: u64,
    errors: u64,
}

/// Writes results in input order, with their messages on stderr.
struct Writer<'w> {
    sink: Box<dyn Sink + 'w>,
    progress: Option<Progress>,
    totals: Totals,
    /// Whether any document had fields to keep (JSONL, web pages).
    fielded: bool,
    /// Per kept field: whether any document had it (not null).
    seen: Vec<bool>,
}

impl Writer<'_> {
    fn write(&mut self, a: Analysed) -> std::io::Result<()> {
        let t = &mut self.totals;
        match a {
            Analysed::Records(recs, fields) => {
                self.count(recs.len(), fields);
                self.sink.records(&recs)?;
            }
            Analysed::Encoded(bytes, records, fields) => {
                self.count(records, fields);
                self.sink.encoded(&bytes)?;
            }
            Analysed::Error { doc, error } => {
                t.docs += 1;
                t.errors += 1;
                if let Some(p) = &mut self.progress {
                    p.clear();
                }
                out::warn(&format!("{doc}: {error}"));
                self.sink.error(&doc, &error)?;
            }
            Analysed::Panic(panic) => std::panic::resume_unwind(panic),
            Analysed::Skipped { path, reason } => {
                if let Some(p) = &mut self.progress {
                    p.clear();
                }
                out::warn(&format!("{path}: skipped: {reason}"));
            }
        }
        Ok(())
    }

    /// Analyses `doc` and writes its records a chunk at a time (a document
    /// of many records never holds them all).
    fn write_document(
        &mut self,
        doc: &whosaid::Document,
        kept: &Map<String, Value>,
        args: &Args,
    ) -> std::io::Result<()> {
        let sink = &mut self.sink;
        match each_chunk(doc, kept, args, &mut |recs| sink.records(&recs)) {
            Ok(records) => self.count(records, kept_fields(kept, args)),
            Err(ChunkError::Write(e)) => return Err(e),
            Err(ChunkError::Analysis(error)) => self.write(Analysed::Error {
                doc: doc.id.clone(),
                error,
            })?,
        }
        Ok(())
    }

    /// Counts a document of `records` records, with its kept fields.
    fn count(&mut self, records: usize, fields: Option<Vec<bool>>) {
        if let Some(fields) = fields {
            self.fielded = true;
            for (s, f) in self.seen.iter_mut().zip(fields) {
                *s |= f;
            }
        }
        let t = &mut self.totals;
        t.docs += 1;
        t.quoted += u64::from(records > 0);
        t.records += records as u64;
    }

    fn report(&mut self, bytes_read: u64) {
        if let Some(p) = &mut self.progress {
            p.update(self.totals.docs, bytes_read);
        }
    }
}

/// The progress line on a terminal: documents, MB, MB/s, and the share done
/// and time left when the input size is known.
struct Progress {
    started: Instant,
    last: Option<Instant>,
    total: Option<u64>,
    shown: bool,
}

impl Progress {
    fn new(total: Option<u64>) -> Self {
        Progress {
            started: Instant::now(),
            last: None,
            total: total.filter(|&t| t > 0),
            shown: false,
        }
    }

    fn update(&mut self, docs: u64, bytes: u64) {
        if self.last.is_some_and(|l| l.elapsed() < Duration::from_millis(250)) {
            return;
        }
        let now = Instant::now();
        self.last = Some(now);
        let secs = now.duration_since(self.started).as_secs_f64();
        if secs < 0.5 {
            return; // a short run shows no progress at all
        }
        let mb = bytes as f64 / 1e6;
        let rate = mb / secs;
        let mut line = format!("whosaid: {docs} documents, {mb:.1} MB, {rate:.1} MB/s");
        if let Some(total) = self.total {
            let done = (bytes as f64 / total as f64).min(1.0);
            let left = if rate > 0.0 {
                (total.saturating_sub(bytes) as f64 / 1e6 / rate) as u64
            } else {
                0
            };
            line += &format!(
                ", {:.0}% of {:.1} MB, ETA {}",
                done * 100.0,
                total as f64 / 1e6,
                clock(left)
            );
        }
        eprint!("\r\x1b[2K{line}");
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

/// Seconds as m:ss or h:mm:ss.
fn clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The bytes the inputs will yield, when known without reading them: plain
/// files, and folders of plain files. Unknown (no ETA) for stdin and
/// compressed inputs.
fn total_size(inputs: &[String], jsonl: bool) -> Option<u64> {
    // Some(bytes) of the files read under `path`, None if one is compressed.
    fn walk(path: &Path, jsonl: bool, named: bool) -> Option<u64> {
        let Ok(meta) = std::fs::metadata(path) else {
            return Some(0); // an error record, no bytes
        };
        if meta.is_dir() {
            let mut sum = 0;
            for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
                sum += walk(&entry.path(), jsonl, false)?;
            }
            return Some(sum);
        }
        let name = path.to_string_lossy().to_lowercase();
        let compressed = name.ends_with(".gz") || name.ends_with(".zst");
        let base = name.trim_end_matches(".gz").trim_end_matches(".zst");
        let exts: &[&str] = if jsonl {
            &[".jsonl", ".json", ".ndjson"]
        } else {
            &[".txt", ".md", ".html", ".htm"]
        };
        let read = named || exts.iter().any(|e| base.ends_with(e));
        match (read, compressed) {
            (false, _) => Some(0),
            (true, true) => None,
            (true, false) => Some(meta.len()),
        }
    }
    if inputs.is_empty() {
        return None;
    }
    let mut sum = 0;
    for i in inputs {
        if i == "-" {
            return None;
        }
        sum += walk(Path::new(i), jsonl, true)?;
    }
    Some(sum)
}

/// Records built and handed on per chunk: a document of a hundred
/// thousand records holds only this many at once.
const RECORDS_PER_CHUNK: usize = 512;

/// Why a document's records stopped: a bug in the analysis (the
/// document's error record), or the output failing (the run's error).
enum ChunkError {
    Analysis(String),
    Write(std::io::Error),
}

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            ChunkError::Analysis(e) => f.write_str(e),
            ChunkError::Write(e) => write!(f, "{e}"),
        }
    }
}

/// Analyses `doc` and hands `emit` its records, filtered and with their kept
/// fields and context, in chunks of at most [`RECORDS_PER_CHUNK`]; returns
/// how many it handed on.
fn each_chunk(
    doc: &whosaid::Document,
    kept: &Map<String, Value>,
    args: &Args,
    emit: &mut dyn FnMut(Vec<Record>) -> std::io::Result<()>,
) -> Result<usize, ChunkError> {
    let analysis = prepare_guarded_with(doc, &args.input.analysis()).map_err(ChunkError::Analysis)?;
    let segs = args.context.then(|| whosaid::segment::segment(&doc.text));
    let mut emitted = 0;
    for from in (0..analysis.len()).step_by(RECORDS_PER_CHUNK) {
        let mut recs = analysis
            .records(from..from + RECORDS_PER_CHUNK)
            .map_err(ChunkError::Analysis)?;
        recs.retain(|r| r.confidence >= args.min_confidence && super::filter::keeps(r, &args.filter()));
        for r in &mut recs {
            // In the order given, in every format.
            for k in &args.keep_fields {
                if let Some(v) = kept.get(k) {
                    r.extra.insert(k.clone(), v.clone());
                }
            }
            if let Some(segs) = &segs {
                let context = segs.context_of(r.byte_start, r.byte_end);
                r.extra
                    .insert("context".into(), Value::String(doc.text[context].to_string()));
            }
        }
        emitted += recs.len();
        emit(recs).map_err(ChunkError::Write)?;
    }
    Ok(emitted)
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
    fn eta_is_minutes_and_seconds() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(75), "1:15");
        assert_eq!(clock(3 * 3600 + 61), "3:01:01");
    }

    #[test]
    fn input_size_is_known_only_for_plain_files() {
        let dir = std::env::temp_dir().join(format!("whosaid-size-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), "12345").unwrap();
        std::fs::write(dir.join("sub/b.md"), "123").unwrap();
        std::fs::write(dir.join("sub/skip.csv"), "1234567").unwrap();
        let name = |f: &str| dir.join(f).to_string_lossy().into_owned();
        assert_eq!(total_size(&[name("a.txt")], false), Some(5));
        assert_eq!(
            total_size(&[name("")], false),
            Some(8),
            "a folder counts the files it reads"
        );
        assert_eq!(total_size(&["-".into()], false), None);
        assert_eq!(total_size(&[], false), None, "stdin");
        std::fs::write(dir.join("c.txt.gz"), "x").unwrap();
        assert_eq!(total_size(&[name("")], false), None, "compressed: unknown");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn shard_spec_is_checked() {
        assert_eq!(parse_shard("1/4"), Ok((1, 4)));
        assert!(parse_shard("4/4").is_err());
        assert!(parse_shard("x").is_err());
    }
}
