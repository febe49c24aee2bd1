//! `whosaid eval`: scores predictions against gold annotations, exactly as
//! DESIGN.md defines it (see `whosaid::eval`).

use super::input_args::ScopeArg;
use anyhow::Context;
use rayon::prelude::*;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::eval::{evaluate, read_gold, read_predictions};
use whosaid::{analyze_guarded_with, Document};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations (JSONL: id, text, quotes).
    #[arg(long, value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// whosaid JSONL records to score [default: run the pipeline on the gold texts].
    #[arg(long, value_name = "PRED.jsonl")]
    pub pred: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: EvalFormat,
    /// List up to N missed, spurious and wrong-speaker cases per task.
    #[arg(long, value_name = "N")]
    pub errors: Option<usize>,
    /// When running the pipeline: what to report, `speech` (the default) or
    /// `all` (also beliefs, findings, evidence and noun-phrase content), as
    /// `extract --scope`. Gold and `--pred` records are never filtered.
    #[arg(long, value_enum, default_value = "speech", value_name = "SCOPE")]
    pub scope: ScopeArg,
    /// The old name of `--scope all`.
    #[arg(long, hide = true)]
    pub noun_phrase_claims: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold_file = File::open(&args.gold).with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold = read_gold(BufReader::new(gold_file)).with_context(|| format!("in {}", args.gold.display()))?;
    let preds = match &args.pred {
        Some(p) => {
            let f = File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
            read_predictions(BufReader::new(f)).with_context(|| format!("in {}", p.display()))?
        }
        None => gold
            .par_iter()
            .map(|g| {
                let opts = whosaid::Options {
                    scope: args.scope.scope(args.noun_phrase_claims),
                };
                analyze_guarded_with(&Document::new(g.id.clone(), g.text.clone()), &opts).unwrap_or_else(|e| {
                    eprintln!("whosaid: {}: {e}", g.id);
                    Vec::new()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .map(|r| serde_json::to_value(r).expect("records serialize"))
            .collect(),
    };
    let evaluation = evaluate(&gold, &preds);
    match args.format {
        EvalFormat::Json => println!("{}", serde_json::to_string_pretty(&evaluation.to_json())?),
        EvalFormat::Table => print!("{}", evaluation.render_table()),
    }
    if let Some(n) = args.errors {
        print!("{}", evaluation.render_errors(&gold, n));
    }
    Ok(ExitCode::SUCCESS)
}
