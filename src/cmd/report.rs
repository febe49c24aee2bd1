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
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

enum Analysed {
    Doc(Document, Vec<Record>),
    Error { doc: String, error: String },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let to_stdout = !matches!(args.output.as_deref(), Some(p) if p.as_os_str() != "-");
    if to_stdout && out::stdout_is_terminal() {
        bail!("the report is an HTML file: give one with -o FILE (e.g. -o report.html)");
    }
    let mut opts = args.input.options(Vec::new());
    let analysis = args.input.analysis();
    // Opened first: a bad -o fails before the run, and is never read as input.
    let (output, mut wtr) = Output::open(args.output.as_deref(), &args.input.inputs)?;
    opts.skip_file = output.id();
    let items: Vec<Item> = documents(&args.input.inputs, opts).collect();
    let analysed: Vec<Analysed> = items
        .into_par_iter()
        .filter_map(|item| match item {
            Item::Doc(doc, _) => Some(match analyze_guarded_with(&doc, &analysis) {
                Ok(recs) => Analysed::Doc(doc, recs),
                Err(error) => Analysed::Error { doc: doc.id, error },
            }),
            Item::Error { doc, error } => Some(Analysed::Error { doc, error }),
            Item::Skipped { path, reason } => {
                if !args.quiet {
                    out::warn(&format!("{path}: skipped: {reason}"));
                }
                None
            }
        })
        .collect();
    let mut n_errors = 0;
    let mut n_records = 0;
    let entries: Vec<Entry> = analysed
        .iter()
        .map(|a| match a {
            Analysed::Doc(d, r) => {
                n_records += r.len();
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
            "{} documents, {n_records} quotations, {n_errors} errors; report written to {dest}",
            entries.len()
        ));
    }
    Ok(if n_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
