//! `whosaid report`: one self-contained HTML page with each document's text,
//! its quotations highlighted per speaker, and its sources (see
//! `whosaid::report`). The whole report is built in memory: it is meant for
//! a handful of articles, not a corpus.

use super::out::{self, Output};
use anyhow::bail;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::input::{documents, Item};
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
}

/// Above this many documents the report warns that its page may be too large.
const MAX_DOCS: usize = 200;

enum Analysed {
    Doc(Document, Vec<Record>),
    Error { doc: String, error: String },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let to_stdout = !matches!(args.output.as_deref(), Some(p) if p.as_os_str() != "-");
    if to_stdout && out::stdout_is_terminal() {
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
             (report is made for a few articles; `whosaid sources` summarises a corpus)"
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
        let dest = args
            .output
            .as_ref()
            .filter(|_| !to_stdout)
            .map_or("stdout".to_string(), |p| p.display().to_string());
        out::warn(&format!(
            "{}; report written to {dest}",
            super::notice::summary(entries.len() as u64, n_quoted, n_records, n_errors)
        ));
    }
    Ok(if n_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
