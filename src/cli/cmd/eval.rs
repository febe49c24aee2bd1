//! `whosaid eval`: scores predictions against gold annotations, exactly as
//! DESIGN.md defines it (see `whosaid::eval`).

use super::input_args::ScopeArg;
use anyhow::Context;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use whosaid::eval::{evaluate, read_gold, read_predictions};
use whosaid::eval_input::{check_gold, check_predictions, values_with_lines};
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
    /// Output format.
    #[arg(short, long, value_enum, default_value = "table")]
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

/// A file's text, and its JSON values with their lines (see `eval_input`).
fn read_values(path: &Path) -> anyhow::Result<(String, Vec<(String, serde_json::Value)>)> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {shown}"))?;
    let values = values_with_lines(&text).with_context(|| format!("in {shown}"))?;
    Ok((text, values))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (gold_text, gold_values) = read_values(&args.gold)?;
    check_gold(&args.gold.display().to_string(), &gold_values)?;
    drop(gold_values);
    let gold = read_gold(gold_text.as_bytes()).with_context(|| format!("in {}", args.gold.display()))?;
    drop(gold_text);
    if gold.iter().all(|g| g.quotes.is_empty()) {
        anyhow::bail!(
            "{}: no gold quotation in it (no document has a non-empty \"quotes\" list): nothing to score",
            args.gold.display()
        );
    }
    let preds = match &args.pred {
        Some(p) => {
            let (text, values) = read_values(p)?;
            let lengths: HashMap<String, usize> = gold.iter().map(|g| (g.id.clone(), g.text.chars().count())).collect();
            for w in check_predictions(&p.display().to_string(), &values, &lengths, 10) {
                super::out::warn(&w);
            }
            drop(values);
            read_predictions(text.as_bytes()).with_context(|| format!("in {}", p.display()))?
        }
        None => gold
            .par_iter()
            .map(|g| {
                let opts = whosaid::Options {
                    scope: args.scope.scope(args.noun_phrase_claims),
                };
                analyze_guarded_with(&Document::new(g.id.clone(), g.text.clone()), &opts).unwrap_or_else(|e| {
                    super::out::warn(&format!("{}: {e}", g.id));
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
    // Written, not printed: a closed pipe ends quietly, a full disk is an error.
    let (_, mut out) = super::out::Output::open(None, &[])?;
    match args.format {
        EvalFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&evaluation.to_json())?)?,
        EvalFormat::Table => write!(out, "{}", evaluation.render_table())?,
    }
    if let Some(n) = args.errors {
        write!(out, "{}", evaluation.render_errors(&gold, n))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
