//! Command-line definitions (clap derive) and dispatch to `cmd/`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub mod cmd;

/// Who said what, and where: quotations, reported speech and their speakers
/// in news text, with exact offsets.
#[derive(Parser, Debug)]
#[command(name = "whosaid", version = env!("WHOSAID_VERSION"), about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// One record per quotation or claim (table on a terminal, JSONL in a pipe).
    Extract(cmd::extract::Args),
    /// Precision, recall, F1 and speaker accuracy against gold annotations.
    Eval(cmd::eval::Args),
    /// Who is quoted: one row per speaker per document (or per document).
    Sources(cmd::sources::Args),
    /// A self-contained HTML page: quotations highlighted per speaker, sources
    /// table; with --across, one page for a corpus.
    Report(cmd::report::Args),
    /// The text that is analysed, exactly (for a web page: its story).
    Text(cmd::text::Args),
    /// Prints a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Prints the man page (roff), e.g. `whosaid man > whosaid.1`.
    Man,
}

pub fn run() -> anyhow::Result<ExitCode> {
    // Ctrl-C, SIGTERM, SIGHUP (ctrlc's `termination` feature): remove a
    // half-written --output file and stop with 130, as a shell expects of an
    // interrupted command.
    let _ = ctrlc::set_handler(|| {
        cmd::out::remove_tmp();
        std::process::exit(130);
    });
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // --help and --version must fail when stdout cannot take them.
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            let written = if e.use_stderr() {
                write_all(std::io::stderr(), &text)
            } else {
                write_all(std::io::stdout(), &text)
            };
            if let Err(err) = written {
                if err.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(ExitCode::SUCCESS);
                }
                cmd::notice::warn(&format!("cannot write the help: {err}"));
                return Ok(ExitCode::from(2));
            }
            return Ok(ExitCode::from(code));
        }
    };
    match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Sources(a) => cmd::sources::run(a),
        Command::Report(a) => cmd::report::run(a),
        Command::Text(a) => cmd::text::run(a),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "whosaid", &mut buf);
            print_out(&buf)
        }
        Command::Man => {
            use clap::CommandFactory;
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
            print_out(&buf)
        }
    }
}

/// Generated text on stdout: a closed pipe ends quietly, a full disk is an error.
fn print_out(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let (_, mut out) = cmd::out::Output::open(None, &[])?;
    std::io::Write::write_all(&mut out, bytes)?;
    std::io::Write::flush(&mut out)?;
    Ok(ExitCode::SUCCESS)
}

fn write_all(mut w: impl std::io::Write, text: &str) -> std::io::Result<()> {
    w.write_all(text.as_bytes())?;
    w.flush()
}

/// Whether an error (or any of its causes) is a closed pipe: `| head` is a
/// normal way to stop reading, not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
