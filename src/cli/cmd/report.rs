//! `whosaid report`: one self-contained HTML page with each document's text,
//! its quotations highlighted per speaker, and its sources (see
//! `whosaid::report`). The whole report is built in memory: it is meant for
//! a handful of articles, not a corpus. `--across` is the page for a corpus
//! (see `whosaid::report::across`): documents stream through the across
//! aggregate, as in `sources --across`, and only that is kept.

use super::out::{self, Output};
use anyhow::bail;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::input::{documents, Item};
use whosaid::report::across::{Corpus, Limits};
use whosaid::report::{render_entries, Entry};
use whosaid::{analyze_guarded_with, Document, Record};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: super::input_args::InputArgs,
    /// The HTML file to write (`-` for stdout, which must not be a terminal).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No summary on stderr (warnings are still shown).
    #[arg(short, long)]
    pub quiet: bool,
    /// One page for a whole corpus: shares by type and gender, top sources.
    ///
    /// Instead of one section per document: per --by group (and for all
    /// documents), bars of the shares of sources by type and of quoted people
    /// by gender, the most quoted sources (a table to sort and filter), and a
    /// timeline by month when documents have a date. The counts of `sources
    /// --across --summary`; no text or quotation is on the page, so its size
    /// follows the groups (at most 100) and sources shown, not the documents.
    /// Memory follows the number of distinct sources.
    #[arg(long)]
    pub across: bool,
    /// With --across: groups by these input JSONL fields, comma-separated;
    /// FIELD:month / FIELD:year take the YYYY-MM / YYYY of an ISO date (e.g.
    /// --by outlet or --by date:month). The timeline reads the field of a
    /// :month or :year cut, else `date`.
    #[arg(long, value_name = "FIELD[,FIELD]", requires = "across")]
    pub by: Option<String>,
    /// With --across: sources listed per group (and for the whole corpus).
    #[arg(long, value_name = "N", default_value_t = 20, requires = "across")]
    pub top: usize,
}

/// Above this many documents the report warns that its page may be too large.
const MAX_DOCS: usize = 200;

enum Analysed {
    Doc(Document, Vec<Record>),
    Error { doc: String, error: String },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    check_output(&args)?;
    if args.across {
        return across(&args);
    }
    args.input.notice_stdin();
    let mut opts = args.input.options(Vec::new());
    let analysis = args.input.analysis();
    // Opened first: a bad -o fails before the run, and is never read as input.
    let (output, mut wtr) = Output::open(args.output.as_deref(), &args.input.inputs)?;
    opts.skip_file = output.id();
    let items: Vec<Item> = documents(&args.input.inputs, opts).collect();
    let n_docs = items.iter().filter(|i| !matches!(i, Item::Skipped { .. })).count();
    if n_docs > MAX_DOCS {
        out::warn(&format!(
            "{n_docs} documents in one report: the page holds every text and may be too large for a browser \
             (report is made for a few articles; `whosaid report --across` is the page for a corpus)"
        ));
    }
    let analysed: Vec<Analysed> = items
        .into_par_iter()
        .filter_map(|item| match item {
            Item::Doc(doc, _) => Some(match analyze_guarded_with(&doc, &analysis) {
                Ok(recs) => Analysed::Doc(doc, recs),
                Err(error) => Analysed::Error { doc: doc.id, error },
            }),
            Item::Error { doc, error } => Some(Analysed::Error { doc, error }),
            Item::Skipped { path, reason } => {
                out::warn(&format!("{path}: skipped: {reason}"));
                None
            }
        })
        .collect();
    let mut n_errors = 0u64;
    let mut n_records = 0u64;
    let mut n_quoted = 0u64;
    let entries: Vec<Entry> = analysed
        .iter()
        .map(|a| match a {
            Analysed::Doc(d, r) => {
                n_records += r.len() as u64;
                n_quoted += u64::from(!r.is_empty());
                Entry::Doc(d, r)
            }
            Analysed::Error { doc, error } => {
                n_errors += 1;
                out::warn(&format!("{doc}: {error}"));
                Entry::Error { doc, error }
            }
        })
        .collect();
    let html = render_entries(&entries);
    wtr.write_all(html.as_bytes())?;
    wtr.flush()?;
    drop(wtr);
    output.commit()?;
    if !args.quiet {
        out::warn(&format!(
            "{}; report written to {}",
            super::notice::summary(entries.len() as u64, n_quoted, n_records, n_errors),
            destination(&args)
        ));
    }
    Ok(if n_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn writes_stdout(args: &Args) -> bool {
    !matches!(args.output.as_deref(), Some(p) if p.as_os_str() != "-")
}

fn destination(args: &Args) -> String {
    args.output
        .as_ref()
        .filter(|_| !writes_stdout(args))
        .map_or("stdout".to_string(), |p| p.display().to_string())
}

/// The page is never written to a terminal; a name without .html is a warning.
fn check_output(args: &Args) -> anyhow::Result<()> {
    if writes_stdout(args) && out::stdout_is_terminal() {
        bail!("the report is an HTML file: give one with -o FILE (e.g. -o report.html)");
    }
    if let Some(p) = args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase());
        if !matches!(ext.as_deref(), Some("html" | "htm")) {
            out::warn(&format!(
                "-o {}: the report is an HTML page whatever the name (.html)",
                p.display()
            ));
        }
    }
    Ok(())
}

/// `report --across`: the corpus page.
fn across(args: &Args) -> anyhow::Result<ExitCode> {
    if args.top == 0 {
        bail!("--top: at least 1");
    }
    let mut corpus = Corpus::new(super::across::parse_by_arg(args.by.as_deref())?);
    let mut opts = args.input.options(corpus.fields());
    let (output, mut wtr) = Output::open(args.output.as_deref(), &args.input.inputs)?;
    opts.skip_file = output.id();
    args.input.notice_stdin();
    let tally = super::across::stream(&args.input, opts, None, |at, doc, fields, recs| {
        corpus.add_document(at, doc, fields, recs)
    });
    let limits = Limits {
        top: args.top,
        ..Limits::default()
    };
    let html = whosaid::report::across::render(&corpus, limits, tally.errors);
    wtr.write_all(html.as_bytes())?;
    wtr.flush()?;
    drop(wtr);
    output.commit()?;
    if !args.quiet {
        out::warn(&format!(
            "{}; {} sources; report written to {}",
            tally.summary(),
            corpus.total.len(),
            destination(args)
        ));
    }
    Ok(if tally.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
