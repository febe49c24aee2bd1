//! The `whosaid` binary: parses arguments and hands over to a command.

use std::process::ExitCode;

// The pipeline makes many small, short-lived allocations per document
// (token lowercase forms, mention strings, records); mimalloc's thread-local
// free lists serve them faster than glibc malloc. Built without transparent
// huge pages: they slowed one-line documents of hundreds of MB (see
// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic inside one document is caught and reported as that document's
    // error record; the default hook's backtrace would only be noise. Any
    // other panic is a bug outside the analysis: said, with its location,
    // and the run ends with 2 (not Rust's silent 101).
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if whosaid::panic_is_guarded() {
            whosaid::note_panic_location(at);
            return;
        }
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        whosaid_cli::cmd::notice::warn(&format!("internal error at {at} (please report): {msg}"));
        whosaid_cli::cmd::notice::remove_tmp();
        std::process::exit(2);
    }));
    match whosaid_cli::run() {
        Ok(code) => code,
        Err(err) => {
            if whosaid_cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            whosaid_cli::cmd::notice::warn(&format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}

#[path = "cli.rs"]
mod whosaid_cli;
