//! The `whosaid` binary: parses arguments and hands over to a command.

use std::process::ExitCode;

// The pipeline makes many small, short-lived allocations per document
// (token lowercase forms, mention strings, records); mimalloc's thread-local
// free lists serve them faster than glibc malloc. Built without transparent
// huge pages: they slowed one-line documents of hundreds of MB (see
// docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// mimalloc's own C API (linked in by the `mimalloc` crate; its Rust
// bindings for it need another crate).
extern "C" {
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
}

/// `mi_option_purge_delay` in mimalloc's `mi_option_t`.
const MI_OPTION_PURGE_DELAY: libc::c_int = 15;

fn main() -> ExitCode {
    // Memory freed goes back to the system at once, not a second later (the
    // default): on a document of hundreds of MB the structures freed between
    // stages were still resident at the next stage's peak (52 MB of 1.1 GB
    // for a 200 MB text). Measured to cost no throughput on article text.
    // SAFETY: sets an option before any other thread exists.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
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
        cli::cmd::notice::warn(&format!("internal error at {at} (please report): {msg}"));
        cli::cmd::notice::remove_tmp();
        std::process::exit(2);
    }));
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            cli::cmd::notice::warn(&format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}

mod cli;
