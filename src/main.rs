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
    // error record; the default hook's backtrace would only be noise.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        whosaid::note_panic_location(at);
    }));
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
