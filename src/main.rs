//! The `whosaid` binary: parses arguments and hands over to a command.

use std::process::ExitCode;

fn main() -> ExitCode {
    match whosaid_cli::run() {
        Ok(code) => code,
        Err(err) => {
            if whosaid_cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("whosaid: {err:#}");
            ExitCode::from(2)
        }
    }
}

#[path = "cli.rs"]
mod whosaid_cli;
