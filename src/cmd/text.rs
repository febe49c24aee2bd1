//! `whosaid text`: the text whosaid analyses, exactly. For a web page that
//! is its story (headline, then paragraphs), so anyone can check that
//! `text[start:end] == quote` for every record of `extract`.

use std::io::Write;
use std::process::ExitCode;
use whosaid::input::{documents, Item};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: super::input_args::InputArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    args.input.notice_stdin();
    let opts = args.input.options(Vec::new());
    let items: Vec<Item> = documents(&args.input.inputs, opts).collect();
    let several = items.iter().filter(|i| matches!(i, Item::Doc(..))).count() > 1;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut errors = 0;
    for item in items {
        match item {
            // One document: its text and nothing else. Several: each after a
            // `==> id <==` line (as `head` does), ending with a line break.
            Item::Doc(doc, _) if several => {
                writeln!(out, "==> {} <==", doc.id)?;
                out.write_all(doc.text.as_bytes())?;
                if !doc.text.ends_with('\n') {
                    writeln!(out)?;
                }
            }
            Item::Doc(doc, _) => out.write_all(doc.text.as_bytes())?,
            Item::Error { doc, error } => {
                errors += 1;
                eprintln!("whosaid: {doc}: {error}");
            }
            Item::Skipped { path, reason } => eprintln!("whosaid: {path}: skipped: {reason}"),
        }
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
