//! Every input the fuzzers (fuzz/, see fuzz/README.md) found to crash or hang
//! whosaid, kept as a test: the analysis must finish within a deadline,
//! without a panic, and its records must honour the contract (offsets that
//! slice back to the quote, text order, …; see tests/common).
//!
//! Inputs are inline byte strings, or files under tests/fixtures/crashes/
//! (the fuzzer's artifact as found). Bytes are decoded as the `analyze`
//! fuzz target and `--lossy` decode them.

mod common;

use common::{analyze_json, check_document, fixture};
use std::sync::mpsc;
use std::time::Duration;

/// Far above what any of these inputs takes once fixed, even in a debug
/// build; a hang fails the test instead of stalling `cargo test`.
const DEADLINE: Duration = Duration::from_secs(20);

fn survives(name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let (tx, rx) = mpsc::channel();
    let input = text.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::panic::catch_unwind(|| analyze_json(&input)));
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(Ok(records)) => {
            if let Err(e) = check_document(&text, &records) {
                panic!("{name}: {e}");
            }
        }
        Ok(Err(_)) => panic!("{name}: whosaid::analyze panicked (message above)"),
        Err(_) => panic!("{name}: not finished after {DEADLINE:?}: a hang"),
    }
}

fn crash_file(name: &str) -> Vec<u8> {
    std::fs::read(fixture("crashes").join(name)).expect("a crash fixture")
}

/// Fuzzer (analyze target): 413 bytes that took more than 12 s (after 3.17M
/// executions), and 462 bytes that took more than 7 s (another 0.42M).
/// `mentions::mention_before_opts` recursed twice at each comma of a run of
/// commas before "which" (the ", who/which" search and the comma appositive
/// loop), so the work doubled with each "…,,,,, which ask". Fixed by bounding
/// the nesting (`MAX_NESTING` in src/mentions.rs).
#[test]
fn relative_pronoun_after_comma_runs_is_not_exponential() {
    survives(
        "timeout-relative-comma-recursion.bin",
        &crash_file("timeout-relative-comma-recursion.bin"),
    );
    survives(
        "timeout-relative-comma-recursion-2.bin",
        &crash_file("timeout-relative-comma-recursion-2.bin"),
    );
    // The same, minimised by hand: ten "…,,,,,,,,,,,, which ask" took over 20 s.
    let text = format!("s{},,", ",,,,,,,,,,,, which ask".repeat(10));
    survives("minimal", text.as_bytes());
    survives(
        "longer",
        format!("s{},,", ",,,,,,,,,,,, which ask".repeat(40)).as_bytes(),
    );
}
